/* nb-html-writer.c — the report as a web page, a table as an HTML fragment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-html-writer"

#include "config.h"

#include "nb-html-writer.h"

#include "nb-export-text.h"
#include "nb-table-layout.h"
#include "nb-template-private.h"

/* Styles are inline, on each element: website editors and mail keep
 * those and drop style sheets. Void elements are closed (<col/>), so
 * that the page is well-formed XML as well. The fonts are those of a government
 * document, with the Noto CJK fonts for machines without them. */

#define BODY_STYLE \
  "max-width:800px;margin:0 auto;padding:24px;" \
  "font-family:'仿宋_GB2312',FangSong_GB2312,'仿宋',FangSong,STFangsong,'Noto Serif CJK SC',serif;" \
  "font-size:16pt;line-height:1.8"
#define TITLE_STYLE \
  "margin:24px 0;font-family:'方正小标宋简体','FZXiaoBiaoSong-B05S','宋体',SimSun,'Noto Serif CJK SC',serif;" \
  "font-size:22pt;font-weight:normal;text-align:center;line-height:1.5"
#define HEADING_STYLE \
  "margin:16px 0 8px;font-family:'黑体',SimHei,'Noto Sans CJK SC',sans-serif;" \
  "font-size:16pt;font-weight:normal"
#define PARAGRAPH_STYLE "margin:0;text-indent:2em"
#define TABLE_STYLE \
  "border-collapse:collapse;width:100%;margin:8px 0;" \
  "font-family:'宋体',SimSun,'Noto Serif CJK SC',serif;font-size:10.5pt;line-height:1.5;text-indent:0"
#define BOX_STYLE "border:1px solid #000;padding:4px;vertical-align:middle;"

/* For the column widths: the page's width in pixels, a character of the
 * table's font and a cell's padding and border. */
#define TABLE_PIXELS  752.0
#define TABLE_EM      14.0
#define TABLE_PADDING 9.0

static const char *
box_align (NbLayoutKind kind)
{
  return kind == NB_LAYOUT_ROW_LABEL ? "text-align:left" : "text-align:center";
}

static void
append_box (GString            *out,
            NbReport           *report,
            const NbLayoutItem *item)
{
  gboolean header = item->kind != NB_LAYOUT_CELL && item->kind != NB_LAYOUT_FILLER;
  const char *tag = header ? "th" : "td";

  g_string_append_printf (out, "<%s", tag);
  if (item->kind == NB_LAYOUT_ROW_LABEL)
    g_string_append (out, " scope=\"row\"");
  else if (item->kind == NB_LAYOUT_COLUMN_HEADER)
    g_string_append_printf (out, " scope=\"%s\"", item->n_columns > 1 ? "colgroup" : "col");
  if (item->n_columns > 1)
    g_string_append_printf (out, " colspan=\"%u\"", item->n_columns);
  if (item->n_rows > 1)
    g_string_append_printf (out, " rowspan=\"%u\"", item->n_rows);
  g_string_append_printf (out, " style=\"" BOX_STYLE "%s%s\">", box_align (item->kind),
                          header ? ";font-weight:normal" : "");
  if (item->kind == NB_LAYOUT_CELL)
    {
      g_autofree char *text = nb_report_dup_cell_text (report, item->cell);

      nb_export_append_escaped (out, text);
    }
  else if (item->text != NULL)
    nb_export_append_escaped (out, item->text);
  g_string_append_printf (out, "</%s>", tag);
}

static void
append_columns (GString       *out,
                NbReport      *report,
                NbTableLayout *layout)
{
  guint n = nb_table_layout_get_n_columns (layout);
  g_autofree double *widths = g_new0 (double, n);

  nb_table_layout_get_widths (layout, report, TABLE_PIXELS, TABLE_EM, TABLE_PADDING, widths);
  g_string_append (out, "<colgroup>");
  for (guint c = 0; c < n; c++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (number, sizeof number, "%.1f", 100.0 * widths[c] / TABLE_PIXELS);
      g_string_append_printf (out, "<col style=\"width:%s%%\"/>", number);
    }
  g_string_append (out, "</colgroup>\n");
}

/**
 * nb_html_writer_append_table:
 * @out: where to append
 * @report: a report
 * @table: the index of a template table
 *
 * Appends the table as one `<table>` element with the paper form's
 * merged headers as `colspan` and `rowspan`, styled inline.
 */
void
nb_html_writer_append_table (GString  *out,
                             NbReport *report,
                             guint     table)
{
  g_autoptr(NbTableLayout) layout = NULL;
  const NbLayoutItem *items;
  guint n_items, n_rows, n_header_rows;

  g_return_if_fail (out != NULL);
  g_return_if_fail (NB_IS_REPORT (report));

  layout = nb_table_layout_new (nb_report_get_template (report), table);
  items = nb_table_layout_get_items (layout, &n_items);
  n_rows = nb_table_layout_get_n_rows (layout);
  n_header_rows = nb_table_layout_get_n_header_rows (layout);

  g_string_append (out, "<table style=\"" TABLE_STYLE "\">\n");
  append_columns (out, report, layout);
  g_string_append (out, n_header_rows > 0 ? "<thead>\n" : "<tbody>\n");
  for (guint r = 0, i = 0; r < n_rows; r++)
    {
      if (r > 0 && r == n_header_rows)
        g_string_append (out, "</thead>\n<tbody>\n");
      /* a row whose places are all spanned from above still has its <tr> */
      g_string_append (out, "<tr>");
      for (; i < n_items && items[i].row == r; i++)
        append_box (out, report, &items[i]);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

/**
 * nb_html_writer_write_table:
 * @report: a report
 * @table: the index of a template table
 *
 * One table alone, for pasting into a website's editor or putting on
 * the clipboard.
 *
 * Returns: (transfer full): the `<table>` element, UTF-8
 */
char *
nb_html_writer_write_table (NbReport *report,
                            guint     table)
{
  GString *out = g_string_new (NULL);

  nb_html_writer_append_table (out, report, table);
  return g_string_free (out, FALSE);
}

static void
append_element (GString    *out,
                const char *tag,
                const char *style,
                const char *text)
{
  g_string_append_printf (out, "<%s style=\"%s\">", tag, style);
  nb_export_append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", tag);
}

/**
 * nb_html_writer_write:
 * @report: a report
 *
 * Returns: (transfer full): a standalone UTF-8 web page of the whole
 *   report, styled inline
 */
GBytes *
nb_html_writer_write (NbReport *report)
{
  GPtrArray *sections;
  GString *out;
  g_autofree char *title = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  sections = nb_template_get_sections (nb_report_get_template (report));
  title = nb_export_dup_title (report);
  out = g_string_sized_new (64 * 1024);
  g_string_append (out,
                   "<!DOCTYPE html>\n"
                   "<html lang=\"zh-CN\">\n"
                   "<head>\n"
                   "<meta charset=\"utf-8\"/>\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                   "<meta name=\"generator\" content=\"Nianbao " PACKAGE_VERSION "\"/>\n"
                   "<title>");
  nb_export_append_escaped (out, title);
  g_string_append (out,
                   "</title>\n"
                   "</head>\n"
                   "<body style=\"margin:0;background:#fff;color:#000\">\n"
                   "<div style=\"" BODY_STYLE "\">\n");
  append_element (out, "h1", TITLE_STYLE, title);
  for (guint s = 0; s < sections->len; s++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, s);

      append_element (out, "h2", HEADING_STYLE, section->heading);
      if (section->table >= 0)
        nb_html_writer_append_table (out, report, section->table);
      else
        {
          g_auto(GStrv) paragraphs = nb_report_dup_paragraphs (report, s);

          for (guint i = 0; paragraphs[i] != NULL; i++)
            append_element (out, "p", PARAGRAPH_STYLE, paragraphs[i]);
        }
    }
  g_string_append (out, "</div>\n</body>\n</html>\n");
  return g_string_free_to_bytes (out);
}
