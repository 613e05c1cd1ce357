/* nb-export.c — the report as a document: text, HTML, Word, PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-export"

#include "config.h"

#include "nb-export-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-docx-writer.h"
#include "nb-html-writer.h"
#include "nb-number.h"
#include "nb-pdf-writer.h"
#include "nb-report-private.h"
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

/* The template's title suffix without its leading 年, for a report whose
 * year is unknown: 政府信息公开工作年度报告. */
static const char *
suffix_without_year (NbTemplate *template)
{
  const char *suffix = nb_template_get_title_suffix (template);

  return g_str_has_prefix (suffix, "年") ? suffix + strlen ("年") : suffix;
}

static char *
dup_organ (NbReport *report)
{
  char *organ = g_strdup (nb_report_get_organ (report));

  return g_strstrip (g_strdelimit (organ, "\n\r\t", ' '));
}

/**
 * nb_export_dup_title:
 * @report: a report
 *
 * Returns: (transfer full): the report's title on one line; when it has
 *   none, one made of its organ and year as the statutory title goes:
 *   侯寨办事处2024年政府信息公开工作年度报告
 */
char *
nb_export_dup_title (NbReport *report)
{
  NbTemplate *template;
  g_autofree char *organ = NULL;
  char *title;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  title = g_strdup (nb_report_get_title (report));
  g_strstrip (g_strdelimit (title, "\n\r\t", ' '));
  if (*title != '\0')
    return title;
  g_free (title);

  template = nb_report_get_template (report);
  organ = dup_organ (report);
  if (nb_report_get_year (report) > 0)
    return g_strdup_printf ("%s%u%s", organ, nb_report_get_year (report),
                            nb_template_get_title_suffix (template));
  return g_strconcat (organ, suffix_without_year (template), NULL);
}

/* A title too long for one line breaks after the organ, as official
 * titles do, rather than leaving a character or two on a line of their
 * own. Returns %NULL when the title does not start with the organ. */
char *
nb_export_dup_title_lines (NbReport   *report,
                           const char *title)
{
  g_autofree char *organ = dup_organ (report);
  const char *rest;

  if (*organ == '\0' || !g_str_has_prefix (title, organ))
    return NULL;
  rest = title + strlen (organ);
  while (*rest == ' ')
    rest++;
  if (*rest == '\0')
    return NULL;
  return g_strconcat (organ, "\n", rest, NULL);
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
  NbTemplate *template;
  g_autofree char *organ = NULL;
  g_autofree char *stem = NULL;
  guint year;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (format < NB_EXPORT_N_FORMATS, NULL);

  template = nb_report_get_template (report);
  organ = dup_organ (report);
  year = nb_report_get_year (report);
  if (*organ != '\0' && year > 0)
    stem = g_strdup_printf ("%s-%u%s", organ, year, nb_template_get_title_suffix (template));
  else if (year > 0)
    stem = g_strdup_printf ("%u%s", year, nb_template_get_title_suffix (template));
  else if (*organ != '\0')
    stem = g_strdup_printf ("%s-%s", organ, suffix_without_year (template));
  else
    stem = g_strdup (suffix_without_year (template));
  if (*stem == '\0' || g_str_equal (stem, "-"))
    {
      g_free (stem);
      stem = g_strdup (_("report"));
    }

  /* no path separators or control characters from an organ's name, and
   * no hidden file */
  g_strdelimit (stem, "/\\", '-');
  for (char *p = stem; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      *p = '_';
  if (stem[0] == '.')
    stem[0] = '_';
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

/* What the writers share */

/* A cell as a document shows it: a value as the canonical file writes it
 * (ASCII digits, amounts without trailing zeros), a mark or invalid text
 * as written, nothing for an empty cell. */
char *
nb_export_cell_text (NbReport *report,
                     guint     cell)
{
  const NbCellData *data = &nb_report_peek_cells (report)[cell];

  switch (data->state)
    {
    case NB_CELL_STATE_VALUE:
      return nb_number_format (data->value,
                               nb_template_get_cell_kind (nb_report_get_template (report), cell));
    case NB_CELL_STATE_MARK:
    case NB_CELL_STATE_INVALID:
      return g_strdup (data->text);
    case NB_CELL_STATE_EMPTY:
    default:
      return g_strdup ("");
    }
}

/* A narrative section's paragraphs: its lines, without blank ones. */
GStrv
nb_export_dup_paragraphs (NbReport *report,
                          guint     section)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (nb_report_peek_section (report, section), "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

/* Text for HTML and XML: the five special characters escaped, and the
 * characters XML 1.0 does not allow (most control characters) left out,
 * so that no report text can break the document. */
void
nb_export_append_escaped (GString    *out,
                          const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        case '\t':
        case '\n':
          g_string_append_c (out, ' ');
          break;
        default:
          if (c < 0x20 || c == 0x7F)
            break;
          /* U+FFFE and U+FFFF */
          if (c == 0xEF && (guchar) p[1] == 0xBF && ((guchar) p[2] == 0xBE || (guchar) p[2] == 0xBF))
            {
              p += 2;
              break;
            }
          g_string_append_c (out, c);
        }
    }
}
