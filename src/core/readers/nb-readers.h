/* nb-readers.h — the readers of the files reports arrive in, each making
 * an NbSource for the matcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-source.h"
#include "nb-types.h"
#include "nb-zip.h"

G_BEGIN_DECLS

/* Real reports are tens of kilobytes; anything this large is not one. */
#define NB_READER_MAX_FILE (8 * 1024 * 1024)

/* Bounds of the readers beyond NB_READER_MAX_FILE: what a zip may unpack
 * to, and how many pages a PDF may have. */
#define NB_READER_MAX_UNPACKED   (32 * 1024 * 1024)
#define NB_READER_MAX_PAGES      200
#define NB_READER_SOFFICE_TIMEOUT 60   /* seconds */

/**
 * NbFormat:
 * @NB_FORMAT_TEXT: report text in any encoding
 * @NB_FORMAT_CANONICAL: a `.nianbao.json` file
 * @NB_FORMAT_HTML: a web page
 * @NB_FORMAT_MHTML: a web page saved as one MIME file
 * @NB_FORMAT_ZIP: a zip archive: DOCX or XLSX
 * @NB_FORMAT_PDF: a PDF file
 * @NB_FORMAT_LEGACY: an OLE2 compound file: DOC, WPS, XLS or ET
 */
typedef enum
{
  NB_FORMAT_TEXT,
  NB_FORMAT_CANONICAL,
  NB_FORMAT_HTML,
  NB_FORMAT_MHTML,
  NB_FORMAT_ZIP,
  NB_FORMAT_PDF,
  NB_FORMAT_LEGACY,
} NbFormat;

NbFormat   nb_format_detect          (const char   *data,
                                      gsize         size);

NbSource  *nb_html_read              (const char   *data,
                                      gsize         size,
                                      const char   *charset,
                                      GError      **error);
NbSource  *nb_mhtml_read             (const char   *data,
                                      gsize         size,
                                      GError      **error);
NbSource  *nb_office_read            (const char   *data,
                                      gsize         size,
                                      GError      **error);
NbSource  *nb_pdf_read               (const char   *data,
                                      gsize         size,
                                      const char   *password,
                                      GError      **error);
NbSource  *nb_legacy_read            (const char   *data,
                                      gsize         size,
                                      GError      **error);

NbSource  *nb_docx_read              (NbZip        *zip,
                                      GError      **error);
NbSource  *nb_xlsx_read              (NbZip        *zip,
                                      GError      **error);

G_END_DECLS
