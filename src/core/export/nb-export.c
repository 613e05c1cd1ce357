/* nb-export.c — the report as a document: text, HTML, Word, PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-export"

#include "config.h"

#include "nb-export.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-docx-writer.h"
#include "nb-html-writer.h"
#include "nb-export-text.h"
#include "nb-file-replace.h"
#include "nb-pdf-writer.h"
#include "nb-text-writer.h"

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [NB_EXPORT_FORMAT_TXT] = { "txt", "txt", "text/plain" },
  [NB_EXPORT_FORMAT_HTML] = { "html", "html", "text/html" },
  [NB_EXPORT_FORMAT_DOCX] = { "docx", "docx",
                              "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  [NB_EXPORT_FORMAT_PDF] = { "pdf", "pdf", "application/pdf" },
};

/**
 * nb_export:
 * @report: a report
 * @format: the kind of document
 * @error: return location for a #GError
 *
 * Writes the whole report — title, the six sections in order, the three
 * tables with the headers of the paper form — as a document. Cells are
 * written as the report holds them: numbers as numbers, marks and
 * invalid text as written, empty cells empty.
 *
 * Returns: (transfer full) (nullable): the document's bytes, or %NULL
 *   with @error set
 */
GBytes *
nb_export (NbReport        *report,
           NbExportFormat   format,
           GError         **error)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (format < NB_EXPORT_N_FORMATS, NULL);

  switch (format)
    {
    case NB_EXPORT_FORMAT_TXT:
      return nb_text_writer_write (report);
    case NB_EXPORT_FORMAT_HTML:
      return nb_html_writer_write (report);
    case NB_EXPORT_FORMAT_DOCX:
      return nb_docx_writer_write (report, error);
    case NB_EXPORT_FORMAT_PDF:
    default:
      return nb_pdf_writer_write_bytes (report, error);
    }
}

/**
 * nb_export_save:
 * @report: a report
 * @format: the kind of document
 * @file: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the document to a temporary file beside @file and renames it
 * over @file only once it is complete, so a failure leaves any old file
 * as it was. The report's modified flag is left alone: an export is not
 * a save.
 *
 * Returns: %TRUE on success
 */
gboolean
nb_export_save (NbReport        *report,
                NbExportFormat   format,
                GFile           *file,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = nb_export (report, format, error);
  if (bytes == NULL)
    return FALSE;
  return nb_file_replace (file, bytes, cancellable, error);
}

/**
 * nb_export_dup_file_name:
 * @report: a report
 * @format: the kind of document
 *
 * Returns: (transfer full): a file name for the document:
 *   `<organ>-<year>年政府信息公开工作年度报告.<ext>`, or what is known of
 *   it; never with a path separator
 */
char *
nb_export_dup_file_name (NbReport       *report,
                         NbExportFormat  format)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (format < NB_EXPORT_N_FORMATS, NULL);

  stem = nb_export_dup_file_stem (report);
  return g_strconcat (stem, ".", formats[format].extension, NULL);
}

/**
 * nb_export_format_from_string:
 * @name: a format's name: `txt` (or `text`), `html`, `docx` or `pdf`,
 *   in any case
 * @format: (out): the format
 *
 * Returns: whether @name names a format
 */
gboolean
nb_export_format_from_string (const char     *name,
                              NbExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "text") == 0)
    name = "txt";
  else if (g_ascii_strcasecmp (name, "htm") == 0)
    name = "html";
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * nb_export_format_get_extension:
 * @format: a format
 *
 * Returns: the file name extension, without the dot: `docx`
 */
const char *
nb_export_format_get_extension (NbExportFormat format)
{
  g_return_val_if_fail (format < NB_EXPORT_N_FORMATS, NULL);

  return formats[format].extension;
}

/**
 * nb_export_format_get_mime_type:
 * @format: a format
 *
 * Returns: the document's media type
 */
const char *
nb_export_format_get_mime_type (NbExportFormat format)
{
  g_return_val_if_fail (format < NB_EXPORT_N_FORMATS, NULL);

  return formats[format].mime_type;
}
