/* nb-source-number.h — a number as it stands in the submitted file, and
 * what the import did with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-diagnostic.h"

G_BEGIN_DECLS

/**
 * NbSourceNumberKind:
 * @NB_SOURCE_NUMBER_USED: went to a cell as it stands
 * @NB_SOURCE_NUMBER_UNUSED: went nowhere: an unknown row, left over, a
 *   row that appeared twice
 * @NB_SOURCE_NUMBER_CHANGED: went to a cell, but not as it stands (full-
 *   width digits, a thousands separator, a run of digits split)
 */
typedef enum
{
  NB_SOURCE_NUMBER_USED,
  NB_SOURCE_NUMBER_UNUSED,
  NB_SOURCE_NUMBER_CHANGED,
} NbSourceNumberKind;

typedef struct
{
  const char   *text;     /* as it stands in the file; the report's */
  guint         line;     /* the piece it stands in: a cell's line */
  guint         offset;   /* bytes into the piece's text */
  guint         length;
  double        x0;       /* on a PDF page, in points; all 0 otherwise */
  double        y0;
  double        x1;
  double        y1;
  guint         page;     /* the PDF page it stands on, from 1; or 0 */
  int           cell;     /* where it went, or -1 */
  NbDiagnostic *problem;  /* unused: the import finding that quotes it,
                           * owned by the report; or NULL */
  guint8        kind;     /* NbSourceNumberKind */
} NbSourceNumber;

G_END_DECLS
