/* nb-text-writer.c — the report as tab-separated text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-text-writer"

#include "config.h"

#include "nb-text-writer.h"

#include "nb-export-text.h"
#include "nb-table-layout.h"
#include "nb-template-private.h"

/* The text is what copying a report from a web page gives: the title,
 * each heading and paragraph on its own line with a blank line between,
 * and each table line as tab-separated fields, a spanning box's text in
 * its first place and the places it covers empty. The importer reads it
 * back. */

static void
append_field (GString    *out,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/**
 * nb_text_writer_append_table:
 * @out: where to append
 * @report: a report
 * @table: the index of a template table
 *
 * Appends the table's lines, each ending in a newline, its fields
 * separated by tabs (trailing empty fields left out).
 */
void
nb_text_writer_append_table (GString  *out,
                             NbReport *report,
                             guint     table)
{
  g_autoptr(NbTableLayout) layout = NULL;
  guint n_rows, n_columns;

  g_return_if_fail (out != NULL);
  g_return_if_fail (NB_IS_REPORT (report));

  layout = nb_table_layout_new (nb_report_get_template (report), table);
  n_rows = nb_table_layout_get_n_rows (layout);
  n_columns = nb_table_layout_get_n_columns (layout);
  for (guint r = 0; r < n_rows; r++)
    {
      gsize start = out->len;
      gsize end = out->len;

      for (guint c = 0; c < n_columns; c++)
        {
          const NbLayoutItem *item = nb_table_layout_get_item_at (layout, r, c);

          if (c > 0)
            g_string_append_c (out, '\t');
          if (item->row != r || item->column != c)
            continue;
          if (item->kind == NB_LAYOUT_CELL)
            {
              g_autofree char *text = nb_report_dup_cell_text (report, item->cell);

              append_field (out, text);
            }
          else if (item->text != NULL)
            append_field (out, item->text);
          /* so that trailing empty fields can be left out */
          if (out->len > start && out->str[out->len - 1] != '\t')
            end = out->len;
        }
      g_string_truncate (out, end);
      g_string_append_c (out, '\n');
    }
}

/**
 * nb_text_writer_write:
 * @report: a report
 *
 * Returns: (transfer full): the report as UTF-8 text with LF line ends
 */
GBytes *
nb_text_writer_write (NbReport *report)
{
  NbTemplate *template;
  GPtrArray *sections;
  GString *out;
  g_autofree char *title = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  template = nb_report_get_template (report);
  sections = nb_template_get_sections (template);
  out = g_string_sized_new (16 * 1024);
  title = nb_export_dup_title (report);
  g_string_append_printf (out, "%s\n", title);
  for (guint s = 0; s < sections->len; s++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, s);

      g_string_append_printf (out, "\n%s\n\n", section->heading);
      if (section->table >= 0)
        nb_text_writer_append_table (out, report, section->table);
      else
        {
          g_auto(GStrv) paragraphs = nb_report_dup_paragraphs (report, s);

          for (guint i = 0; paragraphs[i] != NULL; i++)
            g_string_append_printf (out, "%s%s\n", i > 0 ? "\n" : "", paragraphs[i]);
        }
    }
  return g_string_free_to_bytes (out);
}
