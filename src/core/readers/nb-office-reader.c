/* nb-office-reader.c — Word (DOCX) and Excel (XLSX) documents as a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-office-reader"

#include "config.h"

#include "nb-readers.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/**
 * nb_office_read:
 * @data: a zip archive
 * @size: its size
 * @error: return location for a #GError
 *
 * Reads a Word document (`word/document.xml`) or an Excel workbook
 * (`xl/workbook.xml`), told apart by their parts.
 *
 * Returns: (transfer full) (nullable): the source
 */
NbSource *
nb_office_read (const char  *data,
                gsize        size,
                GError     **error)
{
  NbZip *zip;
  NbSource *source = NULL;

  if (size > NB_READER_MAX_FILE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is %.1f MB; a report is at most %d MB"),
                   size / (1024.0 * 1024.0), NB_READER_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  zip = nb_zip_open (data, size, error);
  if (zip == NULL)
    return NULL;

  if (nb_zip_has (zip, "word/document.xml"))
    source = nb_docx_read (zip, error);
  else if (nb_zip_has (zip, "xl/workbook.xml"))
    source = nb_xlsx_read (zip, error);
  else
    g_set_error (error, NB_ERROR, NB_ERROR_NOT_A_REPORT,
                 _("This ZIP archive is neither a Word document (DOCX) nor an Excel "
                   "workbook (XLSX)"));
  nb_zip_free (zip);
  return source;
}
