/* test-paste.c — clipboard content as a block of cell texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <nb-html-writer.h>
#include <nb-paste.h>
#include <nb-template-private.h>
#include <nb-text-writer.h>
#include <string.h>

/* Each row of @expected is one string, its fields separated by "|". */
static void
assert_block (NbPasteBlock       *block,
              const char * const *expected)
{
  guint n_rows = g_strv_length ((char **) expected);

  g_assert_nonnull (block);
  g_assert_cmpuint (nb_paste_block_get_n_rows (block), ==, n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      /* g_strsplit() makes no field of "" */
      g_auto(GStrv) fields = g_strsplit (expected[r], "|", -1);

      if (fields[0] == NULL)
        {
          g_strfreev (fields);
          fields = g_new0 (char *, 2);
          fields[0] = g_strdup ("");
        }

      g_assert_cmpuint (nb_paste_block_get_n_columns (block), ==, g_strv_length (fields));
      for (guint c = 0; fields[c] != NULL; c++)
        g_assert_cmpstr (nb_paste_block_get_text (block, r, c), ==, fields[c]);
    }
}

static NbPasteBlock *
from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  NbPasteBlock *block = nb_paste_block_new_from_text (text, strlen (text), &error);

  g_assert_no_error (error);
  return block;
}

static NbPasteBlock *
from_html (const char *html)
{
  g_autoptr(GError) error = NULL;
  NbPasteBlock *block = nb_paste_block_new_from_html (html, strlen (html), &error);

  g_assert_no_error (error);
  return block;
}

static void
test_tsv (void)
{
  g_autoptr(NbPasteBlock) plain = from_text ("1\t2\t3\n4\t5\t6\n");
  g_autoptr(NbPasteBlock) crlf = from_text ("1\t2\r\n3\r\n\t4\r\n");
  g_autoptr(NbPasteBlock) no_end = from_text ("7\t8");
  g_autoptr(NbPasteBlock) empty_line = from_text ("1\n\n2\n");
  g_autoptr(NbPasteBlock) blank = from_text ("\t\t\n");

  assert_block (plain, (const char *[]) { "1|2|3", "4|5|6", NULL });
  /* CR LF line ends; short rows are filled up with empty texts */
  assert_block (crlf, (const char *[]) { "1|2", "3|", "|4", NULL });
  assert_block (no_end, (const char *[]) { "7|8", NULL });
  /* only the line end after the last line is not a line */
  assert_block (empty_line, (const char *[]) { "1", "", "2", NULL });
  /* empty cells copied from a spreadsheet clear cells */
  assert_block (blank, (const char *[]) { "||", NULL });
}

static void
test_tsv_quoted (void)
{
  g_autoptr(NbPasteBlock) block = from_text ("\"a\tb\"\t\"say \"\"hi\"\"\"\n\"two\r\nlines\"\t2\n");
  g_autoptr(NbPasteBlock) unclosed = from_text ("\"5\t6\n");

  g_assert_cmpuint (nb_paste_block_get_n_rows (block), ==, 2);
  g_assert_cmpuint (nb_paste_block_get_n_columns (block), ==, 2);
  g_assert_cmpstr (nb_paste_block_get_text (block, 0, 0), ==, "a\tb");
  g_assert_cmpstr (nb_paste_block_get_text (block, 0, 1), ==, "say \"hi\"");
  g_assert_cmpstr (nb_paste_block_get_text (block, 1, 0), ==, "two\r\nlines");
  g_assert_cmpstr (nb_paste_block_get_text (block, 1, 1), ==, "2");
  /* a quote that is never closed is text */
  assert_block (unclosed, (const char *[]) { "\"5|6", NULL });
}

static void
test_tsv_trimmed_fullwidth (void)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbReport) report = nb_report_new (template);
  g_autoptr(NbPasteBlock) block = from_text (" 1 \t\u3000１２\u3000\t\u00a03\u00a0\n");
  int cell = nb_report_lookup_cell (report, "t3/received/natural_person");

  assert_block (block, (const char *[]) { "1|１２|3", NULL });
  /* kept as typed; the cell parser reads full-width digits */
  nb_report_set_cell_text (report, cell, nb_paste_block_get_text (block, 0, 1));
  g_assert_cmpstr (nb_report_get_cell_text (report, cell), ==, "１２");
  g_assert_cmpint (nb_report_get_cell_value (report, cell), ==, 12);
}

static void
test_html_spans (void)
{
  g_autoptr(NbPasteBlock) block = from_html (
    "<table border=1>"
    "<tr><th rowspan=\"2\">A</th><th colspan=\"2\"> B\n  C </th></tr>"
    "<tr><td>1</td><td>&nbsp;2&nbsp;</td></tr>"
    "<tr><td colspan=2>x<br>y</td><td><table><tr><td>nested</td></tr><tr><td>9</td></tr></table></td></tr>"
    "</table><table><tr><td>second</td></tr></table>");

  assert_block (block, (const char *[]) { "A|B C|", "|1|2", "x y||nested 9", NULL });
}

static void
test_html_excel (void)
{
  /* the shape of what Excel and WPS put on the clipboard */
  g_autoptr(NbPasteBlock) block = from_html (
    "Version:0.9\r\nStartHTML:0000000105\r\n"
    "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\r\n"
    "<head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\r\n"
    "<style>\r\n<!--table {mso-displayed-decimal-separator:\"\\.\";}\r\n"
    "td {padding-top:1px; mso-number-format:General;}\r\n.xl65 {mso-number-format:\"\\@\";}\r\n--></style>\r\n"
    "</head><body link=blue vlink=purple>\r\n"
    "<table border=0 cellpadding=0 cellspacing=0 width=216 style='border-collapse:collapse;width:162pt'>\r\n"
    "<!--StartFragment-->\r\n"
    " <col width=72 span=3 style='width:54pt'>\r\n"
    " <tr height=19 style='height:14.25pt'>\r\n"
    "  <td height=19 align=right width=72 style='height:14.25pt;width:54pt' x:num>12</td>\r\n"
    "  <td class=xl65 width=72 style='width:54pt'>００７</td>\r\n"
    "  <td width=72 style='width:54pt'></td>\r\n"
    " </tr>\r\n"
    " <tr height=19 style='height:14.25pt'>\r\n"
    "  <td height=19 class=xl65 style='height:14.25pt'>8起<o:p></o:p></td>\r\n"
    "  <td align=right x:num=\"3\">3</td>\r\n"
    "  <td align=right x:num>4</td>\r\n"
    " </tr>\r\n"
    " <![if supportMisalignedColumns]>\r\n"
    " <tr height=0 style='display:none'><td width=72 style='width:54pt'></td></tr>\r\n"
    " <![endif]>\r\n"
    "<!--EndFragment-->\r\n"
    "</table></body></html>\r\n");

  assert_block (block, (const char *[]) { "12|００７|", "8起|3|4", NULL });
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(NbPasteBlock) block = NULL;
  g_autofree char *huge = g_malloc (NB_PASTE_MAX_SIZE + 2);
  const char *wide = "<table><tr><td colspan=\"5000\">a</td><td colspan=\"5001\">b</td></tr></table>";
  const char *tall = "<table><tr><td colspan=\"1000\" rowspan=\"20\">a</td></tr>"
                     "<tr></tr><tr></tr><tr></tr><tr></tr><tr></tr><tr></tr><tr></tr><tr></tr><tr></tr>"
                     "<tr></tr><tr></tr><tr></tr><tr></tr><tr></tr><tr></tr><tr></tr><tr></tr><tr></tr>"
                     "<tr></tr></table>";

  memset (huge, '1', NB_PASTE_MAX_SIZE + 1);
  huge[NB_PASTE_MAX_SIZE + 1] = '\0';
  g_assert_null (nb_paste_block_new_from_text (huge, NB_PASTE_MAX_SIZE + 1, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (nb_paste_block_new_from_html (huge, NB_PASTE_MAX_SIZE + 1, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* 10 000 cells are fine, one row more is not */
  for (guint r = 0; r < 100; r++)
    {
      for (guint c = 0; c < 100; c++)
        g_string_append (many, c > 0 ? "\t1" : "1");
      g_string_append_c (many, '\n');
    }
  block = nb_paste_block_new_from_text (many->str, many->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nb_paste_block_get_n_rows (block) * nb_paste_block_get_n_columns (block), ==,
                    NB_PASTE_MAX_CELLS);
  g_string_append (many, "1\n");
  g_assert_null (nb_paste_block_new_from_text (many->str, many->len, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* spans are counted before they are spread out */
  g_assert_null (nb_paste_block_new_from_html (wide, strlen (wide), &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (nb_paste_block_new_from_html (tall, strlen (tall), &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
}

static void
test_refused (void)
{
  static const char *texts[] = { "", "\n", "  \u3000 ", "\xef\xbb\xbf" };
  static const char *pages[] = { "", "<p>no table here</p>", "<table></table>", "<table><tr></tr></table>",
                                 "<table><tr><td> </td></tr></table>" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_null (nb_paste_block_new_from_text (texts[i], strlen (texts[i]), &error));
      g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_null (nb_paste_block_new_from_html (pages[i], strlen (pages[i]), &error));
      g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_null (nb_paste_block_new_from_text ("1\t\xff\n", 4, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_ENCODING);
}

/* A whole table copied from one report fills the same table of another,
 * from its text and from its HTML alike. */
static void
test_match_table (void)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autoptr(NbReport) source = nb_test_import_seed (importer, "001_7d60a9f0c8604645");
  GPtrArray *tables = nb_template_get_tables (template);

  for (guint t = 0; t < tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (tables, t);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *html = nb_html_writer_write_table (source, t);
      g_autoptr(NbPasteBlock) from_tsv = NULL;
      g_autoptr(NbPasteBlock) from_page = NULL;
      g_auto(GStrv) texts = NULL;
      g_auto(GStrv) page_texts = NULL;

      nb_text_writer_append_table (text, source, t);
      from_tsv = from_text (text->str);
      from_page = from_html (html);
      texts = nb_paste_block_match_table (from_tsv, template, t);
      page_texts = nb_paste_block_match_table (from_page, template, t);
      g_assert_nonnull (texts);
      g_assert_nonnull (page_texts);
      g_assert_cmpuint (g_strv_length (texts), ==, table->n_cells);
      for (guint c = 0; c < table->n_cells; c++)
        {
          const char *expected = nb_report_get_cell_text (source, table->first_cell + c);

          g_assert_cmpstr (texts[c], ==, expected ? expected : "");
          g_assert_cmpstr (page_texts[c], ==, texts[c]);
        }
      /* another table's layout is not this one */
      g_assert_null (nb_paste_block_match_table (from_tsv, template, (t + 1) % tables->len));
    }
}

static void
test_match_refused (void)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autoptr(NbReport) source = nb_test_import_seed (importer, "001_7d60a9f0c8604645");
  int t3 = -1;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *changed = NULL;
  g_autoptr(NbPasteBlock) block = NULL;
  g_autoptr(NbPasteBlock) data_only = from_text ("1\t2\n3\t4\n");
  GPtrArray *tables = nb_template_get_tables (template);

  for (guint t = 0; t < tables->len; t++)
    if (g_str_equal (((NbTemplateTable *) g_ptr_array_index (tables, t))->id, "t3"))
      t3 = t;
  g_assert_cmpint (t3, >=, 0);
  nb_text_writer_append_table (text, source, t3);
  /* a label that is not the template's */
  changed = nb_test_replace (text->str, "（四）无法提供", "（四）其他");
  block = from_text (changed);
  g_assert_null (nb_paste_block_match_table (block, template, t3));
  g_assert_null (nb_paste_block_match_table (data_only, template, t3));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nianbao/paste/tsv", test_tsv);
  g_test_add_func ("/nianbao/paste/tsv-quoted", test_tsv_quoted);
  g_test_add_func ("/nianbao/paste/tsv-trimmed-fullwidth", test_tsv_trimmed_fullwidth);
  g_test_add_func ("/nianbao/paste/html-spans", test_html_spans);
  g_test_add_func ("/nianbao/paste/html-excel", test_html_excel);
  g_test_add_func ("/nianbao/paste/too-large", test_too_large);
  g_test_add_func ("/nianbao/paste/refused", test_refused);
  g_test_add_func ("/nianbao/paste/match-table", test_match_table);
  g_test_add_func ("/nianbao/paste/match-refused", test_match_refused);

  return g_test_run ();
}
