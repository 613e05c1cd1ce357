/* nb-docx-writer.h — the report as a Word document (Office Open XML)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

typedef enum
{
  NB_DOCX_HEADING,  /* 黑体 */
  NB_DOCX_BODY,     /* 仿宋, the first line indented */
  NB_DOCX_PLAIN,    /* 仿宋, not indented: an addressee, a list */
} NbDocxStyle;

typedef struct
{
  NbDocxStyle  style;
  const char  *text;
} NbDocxParagraph;

GBytes  *nb_docx_writer_write  (NbReport  *report,
                                GError   **error);
GBytes  *nb_docx_writer_write_paragraphs (const char             *title,
                                          const NbDocxParagraph  *paragraphs,
                                          guint                   n_paragraphs,
                                          GError                **error);

G_END_DECLS
