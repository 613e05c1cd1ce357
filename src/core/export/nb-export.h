/* nb-export.h — the report as a document: text, HTML, Word, PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-export-text.h"
#include "nb-report.h"

G_BEGIN_DECLS

/**
 * NbExportFormat:
 * @NB_EXPORT_FORMAT_TXT: tab-separated text, as a web page copies
 * @NB_EXPORT_FORMAT_HTML: a standalone web page
 * @NB_EXPORT_FORMAT_DOCX: a Word document (Office Open XML)
 * @NB_EXPORT_FORMAT_PDF: a PDF document, A4
 */
typedef enum
{
  NB_EXPORT_FORMAT_TXT,
  NB_EXPORT_FORMAT_HTML,
  NB_EXPORT_FORMAT_DOCX,
  NB_EXPORT_FORMAT_PDF,
} NbExportFormat;

#define NB_EXPORT_N_FORMATS (NB_EXPORT_FORMAT_PDF + 1)

GBytes      *nb_export                     (NbReport        *report,
                                            NbExportFormat   format,
                                            GError         **error);
gboolean     nb_export_save                (NbReport        *report,
                                            NbExportFormat   format,
                                            GFile           *file,
                                            GCancellable    *cancellable,
                                            GError         **error);
char        *nb_export_dup_file_name       (NbReport        *report,
                                            NbExportFormat   format);
gboolean     nb_export_format_from_string  (const char      *name,
                                            NbExportFormat  *format);
const char  *nb_export_format_get_extension (NbExportFormat  format);
const char  *nb_export_format_get_mime_type (NbExportFormat  format);

G_END_DECLS
