/* test-readers.c — web pages, Word and Excel documents and PDF files, and
 * what hostile ones cannot do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <nb-readers.h>
#include <nb-report-private.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

typedef NbTestImport Fixture;

/* Helpers */

static GBytes *
load_format (const char *name)
{
  return nb_test_load_data ("formats", name, NULL);
}

static NbReport *
import_bytes (Fixture  *fixture,
              GBytes   *bytes,
              GError  **error)
{
  return nb_importer_import_data (fixture->importer, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), error);
}

static NbReport *
import_format (Fixture    *fixture,
               const char *name)
{
  g_autoptr(GBytes) bytes = load_format (name);
  g_autoptr(GError) error = NULL;
  NbReport *report = import_bytes (fixture, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Every cell as in tests/data/expected, and exactly the expected errors. */
static void
assert_matches_expected (NbReport   *report,
                         const char *stem)
{
  g_autoptr(JsonObject) expected = nb_test_load_expected (stem);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  JsonObject *cells = json_object_get_object_member (expected, "cells");
  JsonArray *errors = json_object_get_array_member (expected, "errors");
  g_autoptr(GList) members = json_object_get_members (cells);
  GListModel *model = G_LIST_MODEL (validator);

  g_assert_cmpstr (nb_report_get_organ (report), ==, json_object_get_string_member (expected, "organ"));
  g_assert_cmpuint (nb_report_get_year (report), ==, json_object_get_int_member (expected, "year"));
  g_assert_cmpuint (g_list_length (members), ==, nb_report_get_n_cells (report));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (cells, l->data);
      int cell = nb_report_lookup_cell (report, l->data);

      g_assert_cmpint (cell, >=, 0);
      if (nb_report_get_cell_state (report, cell) != NB_CELL_STATE_VALUE)
        g_error ("%s: expected %" G_GINT64_FORMAT ", got “%s”", (const char *) l->data,
                 json_node_get_int (node), nb_report_get_cell_text (report, cell));
      if (nb_template_get_cell_kind (nb_report_get_template (report), cell) == NB_CELL_KIND_AMOUNT)
        g_assert_cmpint (nb_report_get_cell_value (report, cell), ==,
                         (gint64) (json_node_get_double (node) * 1000000 + 0.5));
      else
        g_assert_cmpint (nb_report_get_cell_value (report, cell), ==, json_node_get_int (node));
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (model, i);
      gboolean listed = FALSE;

      if (nb_diagnostic_get_severity (diagnostic) != NB_SEVERITY_ERROR)
        continue;
      for (guint e = 0; e < json_array_get_length (errors); e++)
        listed |= g_str_equal (json_array_get_string_element (errors, e),
                               nb_diagnostic_get_rule_id (diagnostic));
      if (!listed)
        g_error ("unexpected error [%s] %s", nb_diagnostic_get_rule_id (diagnostic),
                 nb_diagnostic_get_message (diagnostic));
    }
  for (guint e = 0; e < json_array_get_length (errors); e++)
    g_assert_true (nb_test_has_rule (model, json_array_get_string_element (errors, e)));
}

static void
assert_fixture (Fixture    *fixture,
                const char *name,
                const char *stem)
{
  g_autoptr(NbReport) report = import_format (fixture, name);

  g_test_message ("%s", name);
  assert_matches_expected (report, stem);
  g_assert_false (nb_report_get_modified (report));
}

static void
assert_error (NbReport *report,
              GError   *error,
              int       code)
{
  g_assert_null (report);
  g_assert_error (error, NB_ERROR, code);
  g_test_message ("%s", error->message);
}

/* A DOCX holding @document as word/document.xml. */
static GBytes *
make_docx (const char *document,
           gsize       size)
{
  const char *types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                      "package/2006/content-types\"/>";

  return nb_test_zip (2, "[Content_Types].xml", types, strlen (types),
                      "word/document.xml", document, size);
}

#define W_DOCUMENT_START \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" \
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
#define W_DOCUMENT_END "</w:body></w:document>"

/* Tests: the five reports in every format */

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%.3s.html", nb_test_seeds[i]);

      assert_fixture (fixture, name, nb_test_seeds[i]);
    }
  assert_fixture (fixture, "003.mhtml", "003_babb1a0d8021a832");
}

static void
test_docx (Fixture       *fixture,
           gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%.3s.docx", nb_test_seeds[i]);

      assert_fixture (fixture, name, nb_test_seeds[i]);
    }
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%.3s.pdf", nb_test_seeds[i]);

      assert_fixture (fixture, name, nb_test_seeds[i]);
    }
}

static void
test_xlsx (Fixture       *fixture,
           gconstpointer  data)
{
  assert_fixture (fixture, "003.xlsx", "003_babb1a0d8021a832");
}

/* The title wrapped over two lines of the PDF, and the narrative. */
static void
test_pdf_title (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbReport) report = import_format (fixture, "004.pdf");
  g_autofree char *title = g_strdup (nb_report_get_title (report));

  /* glyph gaps around the digits read as blanks: "办公室 2024 年" */
  g_strdelimit (title, " ", '\0');
  g_assert_cmpstr (title, ==, "涧西区人民政府办公室");
  g_assert_true (g_str_has_suffix (nb_report_get_title (report), "政府信息公开工作年度报告"));
  g_assert_cmpstr (nb_report_get_organ (report), ==, "涧西区人民政府办公室");
  g_assert_nonnull (strstr (nb_report_get_section_text (report, "other"), "我办按照"));
}

/* Paragraphs */

/* @text without its blanks: a PDF has gaps where the web page has none
 * ("2024 年"), and a wrapped row joins "办事处" and "2024" without one. */
static char *
without_blanks (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A paragraph wrapped over rows of the PDF is one paragraph again, as on
 * the web page of the same report; headings stay on rows of their own. */
static void
test_pdf_paragraphs (Fixture       *fixture,
                     gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autofree char *pdf_name = g_strdup_printf ("%.3s.pdf", nb_test_seeds[i]);
      g_autofree char *html_name = g_strdup_printf ("%.3s.html", nb_test_seeds[i]);
      g_autoptr(NbReport) pdf = import_format (fixture, pdf_name);
      g_autoptr(NbReport) html = import_format (fixture, html_name);

      for (guint s = 0; s < nb_template_get_n_sections (fixture->template); s++)
        {
          const char *id = nb_template_get_section_id (fixture->template, s);
          g_auto(GStrv) from_pdf = NULL;
          g_auto(GStrv) from_html = NULL;

          if (!nb_template_section_is_narrative (fixture->template, s))
            continue;
          g_test_message ("%s: %s", pdf_name, id);
          from_pdf = g_strsplit (nb_report_get_section_text (pdf, id), "\n", -1);
          from_html = g_strsplit (nb_report_get_section_text (html, id), "\n", -1);
          g_assert_cmpuint (g_strv_length (from_pdf), ==, g_strv_length (from_html));
          for (guint p = 0; from_pdf[p] != NULL; p++)
            {
              g_autofree char *pdf_text = without_blanks (from_pdf[p]);
              g_autofree char *html_text = without_blanks (from_html[p]);

              g_assert_cmpstr (pdf_text, ==, html_text);
            }
        }
    }

  /* 003 has its blanks where the web page and the text have them */
  {
    g_autoptr(NbReport) pdf = import_format (fixture, "003.pdf");
    g_autoptr(NbReport) html = import_format (fixture, "003.html");
    g_autoptr(NbReport) text = nb_test_import_seed (fixture->importer, "003_babb1a0d8021a832");
    const char *overview = nb_report_get_section_text (pdf, "overview");

    g_assert_cmpstr (overview, ==, nb_report_get_section_text (html, "overview"));
    g_assert_cmpstr (overview, ==, nb_report_get_section_text (text, "overview"));
    g_assert_cmpstr (nb_report_get_section_text (pdf, "problems"), ==,
                     nb_report_get_section_text (text, "problems"));
    g_assert_cmpstr (nb_report_get_section_text (pdf, "other"), ==,
                     nb_report_get_section_text (html, "other"));
    g_assert_nonnull (strstr (overview, "严格遵循政府信息公开的各项要求规定"));
    g_assert_nonnull (strstr (overview, "工作报告如下：\n（一）主动公开情况：\n我单位"));
  }
}

/* Draws @words from @first as a word processor wraps them: while they fit
 * between @left and @right, the first row starting at @indent. Appends
 * whether each row carries on the paragraph to @expected (the first row
 * as @first_continues says) and stops after @max_rows rows.
 *
 * Returns: the first word not drawn */
static guint
draw_paragraph (cairo_t  *cr,
                GStrv     words,
                guint     first,
                double    indent,
                double    left,
                double    right,
                double   *y,
                guint     max_rows,
                gboolean  first_continues,
                GArray   *expected)
{
  guint w = first;

  for (guint row = 0; row < max_rows && words[w] != NULL; row++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      double x = row == 0 ? indent : left;
      gboolean continues = row > 0 || first_continues;

      for (; words[w] != NULL; w++)
        {
          g_autofree char *longer = g_strconcat (text->str, text->len > 0 ? " " : "",
                                                 words[w], NULL);
          cairo_text_extents_t extents;

          cairo_text_extents (cr, longer, &extents);
          if (text->len > 0 && x + extents.x_advance > right)
            break;
          g_string_assign (text, longer);
        }
      cairo_move_to (cr, x, *y);
      cairo_show_text (cr, text->str);
      g_array_append_val (expected, continues);
      *y += 18;
    }
  return w;
}

/* The reader marks the rows that carry a paragraph on: not an indented
 * row, nor a table's, nor one spaced off from the row before; across a
 * page break, a row at the left edge after a full one. */
static void
test_pdf_wrapped_rows (void)
{
  const char *lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
                      "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, "
                      "quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo "
                      "consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse "
                      "cillum dolore eu fugiat nulla pariatur.";
  g_auto(GStrv) words = g_strsplit (lorem, " ", -1);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbSource) source = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  const double left = 72, right = 520, indent = 96;
  gboolean no = FALSE;
  cairo_surface_t *surface;
  cairo_t *cr;
  double y = 100;
  gsize length = 0;
  guint w;
  int fd = g_file_open_tmp ("nianbao-XXXXXX.pdf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 12);

  /* a heading at the left edge, two indented paragraphs */
  cairo_move_to (cr, left, y);
  cairo_show_text (cr, "Overview");
  g_array_append_val (expected, no);
  y += 18;
  draw_paragraph (cr, words, 0, indent, left, right, &y, G_MAXUINT, FALSE, expected);
  draw_paragraph (cr, words, 10, indent, left, right, &y, G_MAXUINT, FALSE, expected);

  /* a table's row */
  cairo_move_to (cr, left, y);
  cairo_show_text (cr, "Total");
  cairo_move_to (cr, 300, y);
  cairo_show_text (cr, "12");
  cairo_move_to (cr, 400, y);
  cairo_show_text (cr, "34");
  g_array_append_val (expected, no);
  y += 18;

  /* a full row, then a paragraph at the left edge, but spaced off */
  w = draw_paragraph (cr, words, 0, left, left, right, &y, 1, FALSE, expected);
  y += 18;
  draw_paragraph (cr, words, w, left, left, right, &y, G_MAXUINT, FALSE, expected);

  /* a paragraph broken by the page */
  y += 18;
  w = draw_paragraph (cr, words, 0, indent, left, right, &y, 2, FALSE, expected);
  cairo_show_page (cr);
  y = 100;
  draw_paragraph (cr, words, w, left, left, right, &y, G_MAXUINT, TRUE, expected);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (path);
  source = nb_pdf_read (contents, length, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (nb_source_get_n_lines (source), ==, expected->len);
  for (guint l = 0; l < expected->len; l++)
    {
      const NbSourceLine *line = nb_source_get_line (source, l);
      const NbSourcePiece *piece = nb_source_get_piece (source, line->first_piece);

      g_test_message ("%d %s", line->continues, nb_source_get_text (source, piece));
      g_assert_cmpint (line->continues, ==, g_array_index (expected, gboolean, l));
    }
}

/* The matcher joins what continues in narrative only: CJK runs on, words
 * keep a blank, and a joined paragraph keeps the place of its first row. */
static void
test_paragraph_joins (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *text;
    gboolean    continues;
  } rows[] = {
    { "某区 2024 年政府信息公开工作年度报告", FALSE },
    { "一、总体情况", TRUE },
    { "本机关严格遵循政府信息公开的", TRUE },
    { "各项要求规定。", TRUE },
    { "（一）主动公开情况", FALSE },
    { "The annual", FALSE },
    { "report, version", TRUE },
    { "2 of 《国务院令第 7", TRUE },
    { "11 号》", TRUE },
    { "五、存在的主要问题及改进情况", TRUE },
    { "无。", TRUE },
  };
  g_autoptr(NbSource) source = nb_source_new ();
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  const char *overview;
  guint line;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      NbPlace page = { NB_PLACE_PAGE, i + 1, 0, 0 };

      nb_source_add_piece (source, rows[i].text, -1, 72, 500, &page);
      nb_source_end_line_full (source, TRUE, rows[i].continues);
    }
  report = nb_importer_import_source (fixture->importer, source, &error);
  g_assert_no_error (error);

  overview = nb_report_get_section_text (report, "overview");
  g_assert_cmpstr (overview, ==,
                   "本机关严格遵循政府信息公开的各项要求规定。\n"
                   "（一）主动公开情况\n"
                   "The annual report, version 2 of 《国务院令第 711 号》");
  g_assert_cmpstr (nb_report_get_section_text (report, "problems"), ==, "无。");
  /* "version" stood on page 7, its paragraph starts on page 6 */
  line = nb_report_get_section_line (report, 0, strstr (overview, "version") - overview);
  place = nb_place_describe (nb_report_peek_place (report, line));
  g_assert_cmpstr (place, ==, "page 6");
}

/* Places */

static void
test_places (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(NbReport) html = import_format (fixture, "003.html");
  g_autoptr(NbReport) pdf = import_format (fixture, "003.pdf");
  g_autoptr(NbReport) text = nb_test_import_seed (fixture->importer, "003_babb1a0d8021a832");
  g_autoptr(NbValidator) html_rules = nb_validator_new (html);
  g_autoptr(NbValidator) pdf_rules = nb_validator_new (pdf);
  g_autoptr(NbValidator) text_rules = nb_validator_new (text);
  g_autofree char *cell_place = NULL;
  g_autofree char *pdf_place = NULL;
  int cell = nb_report_lookup_cell (html, "t3/received/natural_person");
  NbDiagnostic *total = nb_test_find_rule (G_LIST_MODEL (html_rules), "t4.total");
  NbDiagnostic *extra = nb_test_find_rule (G_LIST_MODEL (html_rules), "parse.extra-values");

  /* table 三 is the page's second table; its row 4 is 一、本年新收…, and
   * 自然人 is its fourth column, after three of labels */
  cell_place = nb_report_get_cell_place (html, cell);
  g_assert_cmpstr (cell_place, ==, "table 2, row 4, column 4");
  g_assert_cmpstr (nb_diagnostic_get_location (total), ==, "table 3, row 4, column 15");
  g_assert_cmpstr (nb_diagnostic_get_location (extra), ==, "table 3, row 4, column 16");
  g_assert_nonnull (strstr (nb_diagnostic_get_message (extra), "16 numbers for 15 columns"));

  pdf_place = nb_report_get_cell_place (pdf, cell);
  g_assert_true (g_str_has_prefix (pdf_place, "page "));
  g_assert_true (g_str_has_prefix (nb_diagnostic_get_location (nb_test_find_rule (G_LIST_MODEL (pdf_rules), "t4.total")),
                                   "page "));

  /* text keeps its lines and has no places */
  g_assert_null (nb_report_get_cell_place (text, cell));
  g_assert_null (nb_diagnostic_get_location (nb_test_find_rule (G_LIST_MODEL (text_rules), "t4.total")));
  g_assert_cmpuint (nb_diagnostic_get_line (nb_test_find_rule (G_LIST_MODEL (text_rules), "t4.total")), ==, 88);
}

static void
test_cli_location (void)
{
  const char *cli = g_getenv ("NIANBAO_CLI");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", "003.docx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { cli, "check", path, NULL };
  const char *json_argv[] = { cli, "check", "--format=json", path, NULL };
  g_autofree char *expected = NULL;

  if (cli == NULL)
    {
      g_test_skip ("NIANBAO_CLI is not set");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("%s: table 3, row 4, column 15: error: [t4.total] ", path);
  g_assert_nonnull (strstr (out, expected));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_spawn_sync (NULL, (char **) json_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "\"location\":\"table 3, row 4, column 15\""));
  g_assert_null (strstr (out, "\"line\":"));
}

/* Text files: a line ends at LF, CRLF or a lone CR, empty lines are
 * pieces too, and a piece's id is its line number. Many lines grow the
 * arrays past their first guess. */

static void
assert_text_lines (const char         *text,
                   const char * const *lines)
{
  g_autoptr(NbSource) source = nb_source_new_for_text (g_strdup (text), strlen (text));

  g_assert_cmpuint (nb_source_get_n_lines (source), ==, g_strv_length ((char **) lines));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const NbSourceLine *line = nb_source_get_line (source, i);
      const NbSourcePiece *piece = nb_source_get_piece (source, line->first_piece);

      g_assert_cmpuint (line->first_piece, ==, i);
      g_assert_cmpuint (line->n_pieces, ==, 1);
      g_assert_cmpuint (piece->id, ==, i + 1);
      g_assert_cmpuint (piece->length, ==, strlen (lines[i]));
      g_assert_cmpmem (nb_source_get_text (source, piece), piece->length, lines[i], strlen (lines[i]));
      g_assert_true (nb_source_find_piece (source, i + 1) == piece);
    }
}

static void
test_text_lines (void)
{
  const char *unix_lines[] = { "一", "", "二", NULL };
  const char *mixed[] = { "a", "b", "", "c", "", "d", NULL };
  const char *no_end[] = { "a", NULL };
  const char *none[] = { NULL };
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GPtrArray) many_lines = g_ptr_array_new ();

  assert_text_lines ("一\n\n二\n", unix_lines);
  assert_text_lines ("a\r\nb\r\rc\n\r\nd", mixed);
  assert_text_lines ("a", no_end);
  assert_text_lines ("", none);
  for (guint i = 0; i < 1000; i++)
    {
      g_string_append (many, i % 2 ? "x\n" : "\r");
      g_ptr_array_add (many_lines, (gpointer) (i % 2 ? "x" : ""));
    }
  g_ptr_array_add (many_lines, NULL);
  assert_text_lines (many->str, (const char * const *) many_lines->pdata);
}

/* Tables: spans, gaps */

static void
test_grid (void)
{
  const char *html =
    "<html><body><p>a</p><table>"
    "<tr><td rowspan=\"2\">A</td><td colspan=\"2\">B</td></tr>"
    "<tr><td>C</td><td><p><span><font>D&nbsp;E</font></span></p></td></tr>"
    "<tr><td colspan=\"3\"></td></tr>"
    "</table></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(NbSource) source = nb_html_read (html, strlen (html), NULL, &error);
  const NbSourceBlock *table;
  const NbSourceLine *line;
  const NbSourcePiece *piece;

  g_assert_no_error (error);
  g_assert_cmpuint (nb_source_get_n_blocks (source), ==, 2);
  table = nb_source_get_block (source, 1);
  g_assert_cmpint (table->kind, ==, NB_SOURCE_BLOCK_TABLE);
  g_assert_cmpuint (table->n_rows, ==, 3);
  g_assert_cmpuint (table->n_columns, ==, 3);
  /* A covers (0,0) and (1,0); B (0,1) and (0,2) */
  g_assert_cmpuint (table->grid[0], ==, table->grid[3]);
  g_assert_cmpuint (table->grid[1], ==, table->grid[2]);
  g_assert_cmpuint (table->grid[4], !=, table->grid[5]);

  /* row 2: C in column 2, D E in column 3, A not repeated */
  line = nb_source_get_line (source, table->first_line + 1);
  g_assert_cmpuint (line->n_pieces, ==, 2);
  piece = nb_source_get_piece (source, line->first_piece);
  g_assert_cmpstr (nb_source_get_text (source, piece), ==, "C");
  g_assert_cmpfloat (piece->x0, ==, 1);
  piece = nb_source_get_piece (source, line->first_piece + 1);
  g_assert_cmpstr (nb_source_get_text (source, piece), ==, "D\xc2\xa0" "E");
  {
    g_autofree char *place = nb_place_describe (nb_source_get_place (source, piece->id));

    g_assert_cmpstr (place, ==, "table 1, row 2, column 3");
  }
}

/* A real table's empty cell is a gap: the numbers after it keep their
 * columns, and the empty cell is reported as empty, not as a shift. */
static void
test_gap (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GBytes) page = load_format ("000.html");
  g_autofree char *html = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;
  char *row = strstr (html, "一、本年新收政府信息公开申请数量");
  char *cell;

  /* empty the second number cell (商业企业) of 一、本年新收… */
  g_assert_nonnull (row);
  cell = strstr (row, "<font face=\"宋体\">0</font>");
  g_assert_nonnull (cell);
  cell = strstr (cell + 1, "<font face=\"宋体\">0</font>");
  g_assert_nonnull (cell);
  memcpy (strstr (cell, ">0<") + 1, " ", 1);

  report = nb_importer_import_data (fixture->importer, html, strlen (html), &error);
  g_assert_no_error (error);
  validator = nb_validator_new (report);
  g_assert_cmpint (nb_report_get_cell_state (report, nb_report_lookup_cell (report, "t3/received/commercial")),
                   ==, NB_CELL_STATE_EMPTY);
  g_assert_cmpint (nb_report_get_cell_state (report, nb_report_lookup_cell (report, "t3/received/total")),
                   ==, NB_CELL_STATE_VALUE);
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-values"));
  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "cell.empty"));
  g_assert_cmpstr (nb_diagnostic_get_location (nb_test_find_rule (G_LIST_MODEL (validator), "cell.empty")),
                   ==, "table 2, row 4, column 5");
}

/* Word */

static void
test_docx_runs_and_changes (void)
{
  const char *document =
    W_DOCUMENT_START
    "<w:p><w:r><w:t>三、收到</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">和处理</w:t></w:r>"
    "<w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>政府信息公开申请情况</w:t></w:r></w:ins>"
    "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>（删去）</w:delText></w:r></w:del></w:p>"
    "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
    "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    "<w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>D</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:trPr><w:del w:id=\"3\" w:author=\"a\"/></w:trPr><w:tc><w:p><w:r><w:t>gone</w:t></w:r></w:p></w:tc></w:tr>"
    "</w:tbl>"
    W_DOCUMENT_END;
  g_autoptr(GBytes) docx = make_docx (document, strlen (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(NbSource) source = nb_office_read (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), &error);
  const NbSourceBlock *table;
  const NbSourcePiece *piece;

  g_assert_no_error (error);
  g_assert_cmpuint (nb_source_get_n_blocks (source), ==, 2);
  piece = nb_source_get_piece (source, 0);
  g_assert_cmpstr (nb_source_get_text (source, piece), ==, "三、收到和处理政府信息公开申请情况");
  table = nb_source_get_block (source, 1);
  g_assert_cmpuint (table->n_rows, ==, 2);
  g_assert_cmpuint (table->n_columns, ==, 3);
  g_assert_cmpuint (table->grid[0], ==, table->grid[3]);
  g_assert_cmpuint (table->grid[1], ==, table->grid[2]);
  g_assert_cmpuint (nb_source_get_line (source, table->first_line + 1)->n_pieces, ==, 2);
}

/* Limits and hostile files */

static void
test_zip_bomb (Fixture       *fixture,
               gconstpointer  data)
{
  gsize size = 64 * 1024 * 1024;
  g_autofree char *document = g_malloc (size);
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GTimer) timer = NULL;

  memcpy (document, W_DOCUMENT_START, strlen (W_DOCUMENT_START));
  memset (document + strlen (W_DOCUMENT_START), ' ', size - strlen (W_DOCUMENT_START));
  docx = make_docx (document, size);
  g_clear_pointer (&document, g_free);
  /* 64 MB of XML packed into a small archive */
  g_assert_cmpuint (g_bytes_get_size (docx), <, 1024 * 1024);

  timer = g_timer_new ();
  report = import_bytes (fixture, docx, &error);
  assert_error (report, error, NB_ERROR_TOO_LARGE);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 2);
}

static void
test_entities (Fixture       *fixture,
               gconstpointer  data)
{
  const char *laughs =
    "<?xml version=\"1.0\"?>"
    "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:r><w:t>&h;</w:t></w:r></w:p>" W_DOCUMENT_END;
  const char *external =
    "<?xml version=\"1.0\"?>"
    "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY y SYSTEM \"http://127.0.0.1:9/x\">]>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:r><w:t>二、主动公开政府信息情况&x;&y;</w:t></w:r></w:p>" W_DOCUMENT_END;
  const char *pages[] = { laughs, external };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GBytes) docx = make_docx (pages[i], strlen (pages[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = import_bytes (fixture, docx, &error);

      assert_error (report, error, NB_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "document type"));
    }

  /* HTML knows no entities but its own: nothing is read from outside */
  {
    const char *html = "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body>"
                       "<p>二、主动公开政府信息情况</p><p>&x;</p></body></html>";
    g_autoptr(GError) error = NULL;
    g_autoptr(NbSource) source = nb_html_read (html, strlen (html), NULL, &error);

    g_assert_no_error (error);
    for (guint p = 0; p < nb_source_get_n_lines (source); p++)
      {
        const NbSourceLine *line = nb_source_get_line (source, p);
        const NbSourcePiece *piece = nb_source_get_piece (source, line->first_piece);

        g_assert_null (strstr (nb_source_get_text (source, piece), "root:"));
      }
  }
}

static void
test_deep_html (Fixture       *fixture,
                gconstpointer  data)
{
  guint depth = 100000;
  g_autoptr(GString) html = g_string_new ("<html><body><p>二、主动公开政府信息情况</p>");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  for (guint i = 0; i < depth; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "规章 0 0 0");
  report = nb_importer_import_data (fixture->importer, html->str, html->len, &error);
  assert_error (report, error, NB_ERROR_TOO_LARGE);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10);
}

static GBytes *
make_pdf (guint    n_pages,
          gboolean with_text)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int fd = g_file_open_tmp ("nianbao-XXXXXX.pdf", &path, &error);
  char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  close (fd);
  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_rectangle (cr, 100, 100, 200, 50);
      cairo_fill (cr);
      if (with_text)
        {
          cairo_move_to (cr, 100, 200);
          cairo_show_text (cr, "x");
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return g_bytes_new_take (contents, length);
}

static void
test_many_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) pdf = make_pdf (10000, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  report = import_bytes (fixture, pdf, &error);
  assert_error (report, error, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "10000 pages"));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10);
}

static void
test_scanned_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) pdf = make_pdf (2, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = import_bytes (fixture, pdf, &error);

  assert_error (report, error, NB_ERROR_NO_TEXT);
  g_assert_nonnull (strstr (error->message, "no text layer"));
}

static void
test_encrypted_pdf (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) pdf = load_format ("encrypted.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = import_bytes (fixture, pdf, &error);

  assert_error (report, error, NB_ERROR_PASSWORD);
  g_assert_nonnull (strstr (error->message, "password"));

  /* a wrong password is told as such; the right one reads the report */
  g_clear_error (&error);
  report = nb_importer_import_data_full (fixture->importer, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                         "guess", &error);
  assert_error (report, error, NB_ERROR_PASSWORD);
  g_assert_cmpstr (error->message, ==, "The password is not right");
  g_clear_error (&error);
  report = nb_importer_import_data_full (fixture->importer, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                         "user-secret", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_organ (report), ==, "偃师区伊洛街道办事处");
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
}

/* Each kind of file cut short: refused, or read as far as it goes with
 * the missing parts reported. */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  const char *names[] = { "000.html", "003.mhtml", "000.docx", "003.xlsx", "000.pdf", "000.doc" };
  const int codes[] = { -1, -1, NB_ERROR_INVALID, NB_ERROR_INVALID, NB_ERROR_INVALID, -1 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) whole = load_format (names[i]);
      g_autoptr(GBytes) half = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = NULL;
      g_autoptr(NbValidator) validator = NULL;

      g_test_message ("%s cut short", names[i]);
      if (codes[i] < 0 && g_str_has_suffix (names[i], ".doc"))
        g_setenv ("NIANBAO_SOFFICE", "nianbao-no-such-program", TRUE);
      report = import_bytes (fixture, half, &error);
      g_unsetenv ("NIANBAO_SOFFICE");
      if (codes[i] >= 0)
        {
          assert_error (report, error, codes[i]);
          continue;
        }
      if (report == NULL)
        {
          g_assert_nonnull (error);
          g_test_message ("%s", error->message);
          continue;
        }
      validator = nb_validator_new (report);
      g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-table") ||
                     nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-row"));
    }
}

/* What a file is follows from its content, whatever its name says. */
static void
test_lying_extension (Fixture       *fixture,
                      gconstpointer  data)
{
  struct { const char *fixture; const char *name; } cases[] = {
    { "000.docx", "report.pdf" },
    { "000.pdf", "report.html" },
    { "000.html", "report.docx" },
    { "003.xlsx", "report.txt" },
  };
  g_autofree char *folder = g_dir_make_tmp ("nianbao-test-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = load_format (cases[i].fixture);
      g_autofree char *path = g_build_filename (folder, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = NULL;

      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      report = nb_importer_import_file (fixture->importer, file, NULL, &error);
      g_assert_no_error (error);
      assert_matches_expected (report, g_str_has_prefix (cases[i].fixture, "003") ?
                                       "003_babb1a0d8021a832" : "000_773531145496868f");
      g_unlink (path);
    }
  g_rmdir (folder);

  /* and a zip that is neither Word nor Excel is said to be so */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = nb_test_zip (1, "notes.txt", "hello", (gsize) 5);
    g_autoptr(NbReport) report = NULL;

    report = import_bytes (fixture, bytes, &error);
    assert_error (report, error, NB_ERROR_NOT_A_REPORT);
  }
}

static void
test_detect (void)
{
  static const struct { const char *data; NbFormat format; } cases[] = {
    { "PK\x03\x04rest", NB_FORMAT_ZIP },
    { "%PDF-1.7\n", NB_FORMAT_PDF },
    { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", NB_FORMAT_LEGACY },
    { "  {\"format\": \"nianbao-report\"}", NB_FORMAT_CANONICAL },
    { "<!DOCTYPE html><html>", NB_FORMAT_HTML },
    { "\xef\xbb\xbf<html><body>", NB_FORMAT_HTML },
    { "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"", NB_FORMAT_MHTML },
    { "二、主动公开政府信息情况", NB_FORMAT_TEXT },
    { "<不是网页>", NB_FORMAT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (nb_format_detect (cases[i].data, strlen (cases[i].data)), ==, cases[i].format);
}

/* Found by fuzz-html: a saved page whose HTML part is empty. */
static void
test_mhtml_empty_part (void)
{
  const char *mhtml = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
                      "--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                      "--b--\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NbSource) source = nb_mhtml_read (mhtml, strlen (mhtml), &error);

  g_assert_true (source != NULL || error != NULL);
}

/* Legacy formats */

static void
test_legacy_without_libreoffice (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) doc = load_format ("000.doc");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  g_setenv ("NIANBAO_SOFFICE", "nianbao-no-such-program", TRUE);
  report = import_bytes (fixture, doc, &error);
  g_unsetenv ("NIANBAO_SOFFICE");
  assert_error (report, error, NB_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "LibreOffice"));
  g_assert_nonnull (strstr (error->message, "DOCX"));
}

static void
test_legacy_with_libreoffice (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  assert_fixture (fixture, "000.doc", "000_773531145496868f");
}

int
main (int   argc,
      char *argv[])
{
#ifndef NB_TEST_SANITIZED
  /* whatever a hostile file does, it stays within this */
  struct rlimit limit = { 2048UL * 1024 * 1024, 2048UL * 1024 * 1024 };

  setrlimit (RLIMIT_AS, &limit);
#endif
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/readers/html", Fixture, NULL, nb_test_import_set_up, test_html, nb_test_import_tear_down);
  g_test_add ("/readers/docx", Fixture, NULL, nb_test_import_set_up, test_docx, nb_test_import_tear_down);
  g_test_add ("/readers/pdf", Fixture, NULL, nb_test_import_set_up, test_pdf, nb_test_import_tear_down);
  g_test_add ("/readers/xlsx", Fixture, NULL, nb_test_import_set_up, test_xlsx, nb_test_import_tear_down);
  g_test_add ("/readers/pdf-title", Fixture, NULL, nb_test_import_set_up, test_pdf_title, nb_test_import_tear_down);
  g_test_add ("/readers/pdf-paragraphs", Fixture, NULL, nb_test_import_set_up, test_pdf_paragraphs,
              nb_test_import_tear_down);
  g_test_add_func ("/readers/pdf-wrapped-rows", test_pdf_wrapped_rows);
  g_test_add ("/readers/paragraph-joins", Fixture, NULL, nb_test_import_set_up, test_paragraph_joins,
              nb_test_import_tear_down);
  g_test_add ("/readers/places", Fixture, NULL, nb_test_import_set_up, test_places, nb_test_import_tear_down);
  g_test_add_func ("/readers/cli-location", test_cli_location);
  g_test_add_func ("/readers/text-lines", test_text_lines);
  g_test_add_func ("/readers/grid", test_grid);
  g_test_add ("/readers/gap", Fixture, NULL, nb_test_import_set_up, test_gap, nb_test_import_tear_down);
  g_test_add_func ("/readers/docx-runs-and-changes", test_docx_runs_and_changes);
  g_test_add_func ("/readers/detect", test_detect);
  g_test_add_func ("/readers/mhtml-empty-part", test_mhtml_empty_part);
  g_test_add ("/readers/limits/zip-bomb", Fixture, NULL, nb_test_import_set_up, test_zip_bomb, nb_test_import_tear_down);
  g_test_add ("/readers/limits/entities", Fixture, NULL, nb_test_import_set_up, test_entities, nb_test_import_tear_down);
  g_test_add ("/readers/limits/deep-html", Fixture, NULL, nb_test_import_set_up, test_deep_html, nb_test_import_tear_down);
  g_test_add ("/readers/limits/many-pages", Fixture, NULL, nb_test_import_set_up, test_many_pages, nb_test_import_tear_down);
  g_test_add ("/readers/limits/scanned-pdf", Fixture, NULL, nb_test_import_set_up, test_scanned_pdf, nb_test_import_tear_down);
  g_test_add ("/readers/limits/encrypted-pdf", Fixture, NULL, nb_test_import_set_up, test_encrypted_pdf, nb_test_import_tear_down);
  g_test_add ("/readers/limits/truncated", Fixture, NULL, nb_test_import_set_up, test_truncated, nb_test_import_tear_down);
  g_test_add ("/readers/limits/lying-extension", Fixture, NULL, nb_test_import_set_up, test_lying_extension,
              nb_test_import_tear_down);
  g_test_add ("/readers/legacy/without-libreoffice", Fixture, NULL, nb_test_import_set_up,
              test_legacy_without_libreoffice, nb_test_import_tear_down);
  g_test_add ("/readers/legacy/with-libreoffice", Fixture, NULL, nb_test_import_set_up,
              test_legacy_with_libreoffice, nb_test_import_tear_down);

  return g_test_run ();
}
