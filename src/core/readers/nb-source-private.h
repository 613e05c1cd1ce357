/* nb-source-private.h — the source's fields, for the grid builder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-source.h"

G_BEGIN_DECLS

struct _NbSource
{
  GString  *text;      /* the pieces' text, each followed by a nul */
  char     *file_text; /* or a text file's own, taken */
  GArray   *pieces;    /* NbSourcePiece */
  GArray   *lines;     /* NbSourceLine */
  GArray   *blocks;    /* NbSourceBlock */
  GArray   *places;    /* NbPlace by piece id; NULL for a text file */
  guint     line_start;
  guint     n_tables;
  gboolean  full;
  char     *encoding;
  guint     repaired_line;
  char     *published; /* the file's own date of creation, YYYY-MM-DD */
};

G_END_DECLS
