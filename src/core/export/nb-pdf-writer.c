/* nb-pdf-writer.c — the report as an A4 PDF document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-pdf-writer"

#include "config.h"

#include "nb-pdf-writer.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "nb-file-replace.h"
#include "nb-print-layout.h"

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}


/**
 * nb_pdf_writer_write_bytes:
 * @report: a report
 * @error: return location for a #GError
 *
 * Prints the report to an A4 PDF, its fonts embedded, with the headings
 * as the document's outline.
 *
 * Returns: (transfer full) (nullable): the PDF file's bytes
 */
GBytes *
nb_pdf_writer_write_bytes (NbReport  *report,
                           GError   **error)
{
  g_autoptr(NbPrintLayout) layout = NULL;
  GByteArray *out;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  layout = nb_print_layout_new (report, NB_PAGE_A4_WIDTH, NB_PAGE_A4_HEIGHT);
  /* nothing of the report goes missing without a word */
  if (nb_print_layout_get_omitted (layout) != NULL)
    {
      g_autofree char *omitted = g_strdup (nb_print_layout_get_omitted (layout));

      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The PDF would leave text out (export the report as text, Word or a "
                     "web page instead): %s"), g_strchomp (omitted));
      return NULL;
    }
  out = g_byte_array_sized_new (256 * 1024);
  surface = cairo_pdf_surface_create_for_stream (append_to_array, out,
                                                 NB_PAGE_A4_WIDTH, NB_PAGE_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, nb_print_layout_get_title (layout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Nianbao " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < nb_print_layout_get_n_pages (layout); page++)
    {
      nb_print_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  nb_print_layout_add_pdf_outline (layout, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF document: %s"),
                   cairo_status_to_string (status));
      g_byte_array_unref (out);
      return NULL;
    }
  return g_byte_array_free_to_bytes (out);
}

/**
 * nb_pdf_writer_write:
 * @report: a report
 * @file: where to write the PDF
 * @error: return location for a #GError
 *
 * Writes nb_pdf_writer_write_bytes()'s document atomically: to a
 * temporary file first, renamed over @file once complete.
 *
 * Returns: %TRUE on success
 */
gboolean
nb_pdf_writer_write (NbReport  *report,
                     GFile     *file,
                     GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = nb_pdf_writer_write_bytes (report, error);
  return bytes != NULL && nb_file_replace (file, bytes, NULL, error);
}
