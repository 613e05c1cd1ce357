/* test-writers.c — the documents Nianbao exports: layout, text, HTML,
 * Word and PDF, each read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <gsf/gsf.h>
#include <string.h>

#include <glib/gstdio.h>
#include <nb-docx-writer.h>
#include <nb-export.h>
#include <nb-html-writer.h>
#include <nb-pdf-writer.h>
#include <nb-print-layout.h>
#include <nb-table-layout.h>
#include <nb-text-writer.h>

/* Fixtures */

typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
  char       *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  fixture->dir = g_dir_make_tmp ("nianbao-writers-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  nb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_object_unref (fixture->importer);
  g_object_unref (fixture->template);
}

static char *
write_temp (Fixture    *fixture,
            const char *name,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static GBytes *
export (NbReport       *report,
        NbExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = nb_export (report, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
  return bytes;
}

static NbReport *
import_text (Fixture    *fixture,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_importer_import_data (fixture->importer, text, strlen (text), &error);

  if (report == NULL)
    g_test_message ("could not read back:\n%s", text);
  g_assert_no_error (error);
  return report;
}

/* A report with a bit of everything a cell can hold. */
static NbReport *
odd_report (Fixture *fixture)
{
  NbReport *report = nb_test_clean_report (fixture->template);

  nb_report_set_organ (report, "某县<市场>监督管理局");
  nb_report_set_year (report, 2024);
  nb_report_set_section_text (report, "overview", "第一段 & “引号” <b>不是标签</b>\n\n第二段，收到申请 3 件。");
  nb_test_set (report, "t2/regulations/issued", "／");
  nb_test_set (report, "t2/regulations/repealed", "8起");
  nb_test_set (report, "t2/regulations/in_force", "");
  nb_test_set (report, "t2/fees/amount", "12.50");
  nb_test_set (report, "t3/received/commercial", "１２");
  return report;
}

/* Comparing reports */

static char *
cell_json (NbReport *report,
           guint     cell)
{
  GString *out = g_string_new (NULL);

  nb_canonical_append_cell (out, report, cell);
  return g_string_free (out, FALSE);
}

/* The rules that fire, each with its cells, in a stable order; the
 * parse.* findings describe the file read, not the report, and are left
 * out. */
static GPtrArray *
rule_findings (NbReport *report)
{
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  g_autoptr(GPtrArray) diagnostics = nb_validator_dup_sorted (validator);
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      NbDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *cells = NULL;

      /* notes on the writing (text.*) follow the text's lines and blanks,
       * which a document lays out anew */
      if (g_str_has_prefix (nb_diagnostic_get_rule_id (diagnostic), "parse.") ||
          g_str_has_prefix (nb_diagnostic_get_rule_id (diagnostic), "text."))
        continue;
      cells = g_strjoinv (",", (char **) nb_diagnostic_get_cells (diagnostic));
      g_ptr_array_add (findings, g_strdup_printf ("%s %s", nb_diagnostic_get_rule_id (diagnostic), cells));
    }
  g_ptr_array_sort (findings, (GCompareFunc) g_strcmp0);
  return findings;
}

/* Text without any blanks or page numbers: a paragraph that a PDF wraps
 * over lines and pages reads the same. */
static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) page_number = g_regex_new ("—\\s*\\d+\\s*—", 0, 0, NULL);
  g_autofree char *without = g_regex_replace_literal (page_number, text, -1, 0, "", 0, NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = without; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

typedef enum
{
  SAME_TEXT,      /* narratives line for line */
  SAME_WORDS,     /* narratives without regard to lines and blanks */
} Sameness;

static void
assert_same_report (NbReport *expected,
                    NbReport *actual,
                    Sameness  sameness)
{
  NbTemplate *template = nb_report_get_template (expected);
  g_autoptr(GPtrArray) expected_rules = rule_findings (expected);
  g_autoptr(GPtrArray) actual_rules = rule_findings (actual);

  g_assert_cmpstr (nb_report_get_organ (actual), ==, nb_report_get_organ (expected));
  g_assert_cmpuint (nb_report_get_year (actual), ==, nb_report_get_year (expected));

  g_assert_cmpuint (nb_report_get_n_cells (actual), ==, 200);
  for (guint cell = 0; cell < nb_report_get_n_cells (expected); cell++)
    {
      g_autofree char *want = cell_json (expected, cell);
      g_autofree char *got = cell_json (actual, cell);

      if (g_strcmp0 (want, got) != 0)
        g_test_message ("cell %s", nb_template_get_cell_address (template, cell));
      g_assert_cmpstr (got, ==, want);
    }

  for (guint s = 0; s < nb_template_get_n_sections (template); s++)
    {
      const char *id = nb_template_get_section_id (template, s);

      if (!nb_template_section_is_narrative (template, s))
        continue;
      if (sameness == SAME_TEXT)
        g_assert_cmpstr (nb_report_get_section_text (actual, id), ==,
                         nb_report_get_section_text (expected, id));
      else
        {
          g_autofree char *want = squeeze (nb_report_get_section_text (expected, id));
          g_autofree char *got = squeeze (nb_report_get_section_text (actual, id));

          g_assert_cmpstr (got, ==, want);
        }
    }

  for (guint i = 0; i < MAX (expected_rules->len, actual_rules->len); i++)
    g_assert_cmpstr (i < actual_rules->len ? g_ptr_array_index (actual_rules, i) : NULL, ==,
                     i < expected_rules->len ? g_ptr_array_index (expected_rules, i) : NULL);
}

/* Reading documents back as text, as a copy from them would give */

static void
append_entity (GString    *out,
               const char *entity)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "#39", "'" }, { "nbsp", " " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (entity, entities[i].name))
      {
        g_string_append (out, entities[i].text);
        return;
      }
  g_assert_not_reached ();
}

/* The text of a web page: a line per table row, paragraph and heading,
 * the cells of a row separated by tabs. */
static char *
html_to_text (const char *html)
{
  GString *out = g_string_new (NULL);
  gboolean in_head = FALSE;

  for (const char *p = html; *p != '\0';)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          g_autofree char *tag = NULL;

          g_assert_nonnull (end);
          tag = g_strndup (p + 1, end - p - 1);
          if (g_str_has_prefix (tag, "head"))
            in_head = TRUE;
          else if (g_str_has_prefix (tag, "/head"))
            in_head = FALSE;
          else if (g_str_has_prefix (tag, "/td") || g_str_has_prefix (tag, "/th"))
            g_string_append_c (out, '\t');
          else if (g_str_has_prefix (tag, "/tr") || g_str_has_prefix (tag, "/p") ||
                   g_str_has_prefix (tag, "/h1") || g_str_has_prefix (tag, "/h2"))
            g_string_append_c (out, '\n');
          p = end + 1;
        }
      else if (*p == '&')
        {
          const char *end = strchr (p, ';');
          g_autofree char *entity = NULL;

          g_assert_nonnull (end);
          entity = g_strndup (p + 1, end - p - 1);
          if (!in_head)
            append_entity (out, entity);
          p = end + 1;
        }
      else
        {
          if (!in_head && *p != '\n')
            g_string_append_c (out, *p);
          p++;
        }
    }
  return g_string_free (out, FALSE);
}

static GBytes *
unzip_member (GBytes     *zip_bytes,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_memory_new (g_bytes_get_data (zip_bytes, NULL),
                                          g_bytes_get_size (zip_bytes), FALSE);
  GsfInfile *zip = gsf_infile_zip_new (input, &error);
  g_auto(GStrv) path = g_strsplit (name, "/", -1);
  GsfInput *member;
  GBytes *bytes = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (zip);
  member = gsf_infile_child_by_aname (zip, (const char **) path);
  if (member != NULL)
    {
      gsf_off_t size = gsf_input_size (member);
      const guint8 *data = gsf_input_read (member, size, NULL);

      g_assert_true (size == 0 || data != NULL);
      bytes = g_bytes_new (data, size);
      g_object_unref (member);
    }
  g_object_unref (zip);
  g_object_unref (input);
  return bytes;
}

typedef struct
{
  GString *text;
  guint    in_cell;
  gboolean in_text;
  /* the structure of the tables, for the checks */
  GString *spans;      /* per row: each cell as [span]{r|c|-} */
  guint    grid_columns;
  GArray  *grids;      /* guint: gridCol count per table */
} DocxReading;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
docx_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  DocxReading *reading = user_data;

  if (g_str_equal (element, "w:tc"))
    {
      reading->in_cell++;
      g_string_append_c (reading->spans, '[');
    }
  else if (g_str_equal (element, "w:t"))
    reading->in_text = TRUE;
  else if (g_str_equal (element, "w:br") && reading->in_cell == 0)
    g_string_append_c (reading->text, '\n');
  else if (g_str_equal (element, "w:gridSpan"))
    g_string_append (reading->spans, attribute (names, values, "w:val"));
  else if (g_str_equal (element, "w:vMerge"))
    {
      const char *value = attribute (names, values, "w:val");

      g_string_append_c (reading->spans, g_strcmp0 (value, "restart") == 0 ? 'r' : 'c');
    }
  else if (g_str_equal (element, "w:tbl"))
    reading->grid_columns = 0;
  else if (g_str_equal (element, "w:gridCol"))
    reading->grid_columns++;
}

static void
docx_end (GMarkupParseContext  *context,
          const char           *element,
          gpointer              user_data,
          GError              **error)
{
  DocxReading *reading = user_data;

  if (g_str_equal (element, "w:t"))
    reading->in_text = FALSE;
  else if (g_str_equal (element, "w:tc"))
    {
      reading->in_cell--;
      g_string_append_c (reading->text, '\t');
      g_string_append_c (reading->spans, ']');
    }
  else if (g_str_equal (element, "w:tr"))
    {
      g_string_append_c (reading->text, '\n');
      g_string_append_c (reading->spans, '\n');
    }
  else if (g_str_equal (element, "w:p") && reading->in_cell == 0)
    g_string_append_c (reading->text, '\n');
  else if (g_str_equal (element, "w:tblGrid"))
    g_array_append_val (reading->grids, reading->grid_columns);
  else if (g_str_equal (element, "w:tbl"))
    g_string_append (reading->spans, "--\n");
}

static void
docx_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 length,
           gpointer              user_data,
           GError              **error)
{
  DocxReading *reading = user_data;

  if (reading->in_text)
    g_string_append_len (reading->text, text, length);
}

/* Reads word/document.xml strictly (a broken one fails) into text: a
 * line per paragraph and per table row, cells separated by tabs. */
static void
read_docx (GBytes      *docx,
           DocxReading *reading)
{
  static const GMarkupParser parser = { docx_start, docx_end, docx_text, NULL, NULL };
  g_autoptr(GBytes) document = unzip_member (docx, "word/document.xml");
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (document);
  reading->text = g_string_new (NULL);
  reading->spans = g_string_new (NULL);
  reading->grids = g_array_new (FALSE, FALSE, sizeof (guint));
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, reading, NULL);
  g_markup_parse_context_parse (context, g_bytes_get_data (document, NULL),
                                g_bytes_get_size (document), &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
docx_reading_clear (DocxReading *reading)
{
  g_string_free (reading->text, TRUE);
  g_string_free (reading->spans, TRUE);
  g_array_unref (reading->grids);
}

/* Every part must be well-formed XML. */
static void
assert_well_formed (GBytes     *zip,
                    const char *name)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GBytes) part = unzip_member (zip, name);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("checking %s", name);
  g_assert_nonnull (part);
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_markup_parse_context_parse (context, g_bytes_get_data (part, NULL), g_bytes_get_size (part), &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

/* Runs a program; what it prints is kept from the test's output. */
static gboolean
run_tool (const char * const *argv,
          char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ignored = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out ? out : &ignored, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("%s failed: %s\n%s", argv[0], error->message, err);
      return FALSE;
    }
  return TRUE;
}

static char *
pdf_to_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  char *out = NULL;

  g_assert_true (run_tool (argv, &out));
  return out;
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program == NULL)
    g_test_skip ("pdftotext is not installed (Debian: poppler-utils); the PDF cannot be read back");
  return program != NULL;
}

/* The layout */

static guint
table_index (NbTemplate *template,
             const char *id)
{
  for (guint s = 0, t = 0; s < nb_template_get_n_sections (template); s++)
    if (!nb_template_section_is_narrative (template, s))
      {
        if (g_str_equal (nb_template_get_section_id (template, s), id))
          return t;
        t++;
      }
  g_assert_not_reached ();
}

static const NbLayoutItem *
find_item (NbTableLayout *layout,
           const char    *text)
{
  guint n_items;
  const NbLayoutItem *items = nb_table_layout_get_items (layout, &n_items);

  for (guint i = 0; i < n_items; i++)
    if (g_strcmp0 (items[i].text, text) == 0)
      return &items[i];
  g_test_message ("no box “%s”", text);
  g_assert_not_reached ();
}

static void
assert_box (NbTableLayout *layout,
            const char    *text,
            NbLayoutKind   kind,
            guint          row,
            guint          column,
            guint          n_rows,
            guint          n_columns)
{
  const NbLayoutItem *item = find_item (layout, text);

  if (item->kind != kind || item->row != row || item->column != column ||
      item->n_rows != n_rows || item->n_columns != n_columns)
    g_test_message ("box “%s”", text);
  g_assert_cmpint (item->kind, ==, kind);
  g_assert_cmpuint (item->row, ==, row);
  g_assert_cmpuint (item->column, ==, column);
  g_assert_cmpuint (item->n_rows, ==, n_rows);
  g_assert_cmpuint (item->n_columns, ==, n_columns);
}

/* Every place is covered by exactly one box, items come by row and
 * column, and every cell of the table is in it once. */
static void
assert_tiled (NbTemplate    *template,
              NbTableLayout *layout)
{
  guint n_rows = nb_table_layout_get_n_rows (layout);
  guint n_columns = nb_table_layout_get_n_columns (layout);
  g_autofree guint *covered = g_new0 (guint, n_rows * n_columns);
  g_autofree guint *cells = g_new0 (guint, nb_template_get_n_cells (template));
  guint n_items;
  const NbLayoutItem *items = nb_table_layout_get_items (layout, &n_items);

  for (guint i = 0; i < n_items; i++)
    {
      if (i > 0)
        g_assert_true (items[i - 1].row < items[i].row ||
                       (items[i - 1].row == items[i].row && items[i - 1].column < items[i].column));
      for (guint r = items[i].row; r < items[i].row + items[i].n_rows; r++)
        for (guint c = items[i].column; c < items[i].column + items[i].n_columns; c++)
          {
            g_assert_cmpuint (r, <, n_rows);
            g_assert_cmpuint (c, <, n_columns);
            covered[r * n_columns + c]++;
            g_assert_true (nb_table_layout_get_item_at (layout, r, c) == &items[i]);
          }
      if (items[i].kind == NB_LAYOUT_CELL)
        cells[items[i].cell]++;
      else
        g_assert_cmpint (items[i].cell, ==, -1);
    }
  for (guint p = 0; p < n_rows * n_columns; p++)
    g_assert_cmpuint (covered[p], ==, 1);
  for (guint c = 0; c < nb_template_get_n_cells (template); c++)
    g_assert_cmpuint (cells[c], <=, 1);
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  NbTemplate *template = fixture->template;
  g_autoptr(NbTableLayout) t2 = nb_table_layout_new (template, table_index (template, "active"));
  g_autoptr(NbTableLayout) t3 = nb_table_layout_new (template, table_index (template, "requests"));
  g_autoptr(NbTableLayout) t4 = nb_table_layout_new (template, table_index (template, "appeals"));
  const NbLayoutItem *item;
  guint n_cells = 0, n_items;
  const NbLayoutItem *items;

  /* 二: four parts, each a title over a header line; a short row's cell
   * spans to the edge, as its header does */
  g_assert_cmpuint (nb_table_layout_get_n_columns (t2), ==, 4);
  g_assert_cmpuint (nb_table_layout_get_n_rows (t2), ==, 4 * 2 + 6);
  g_assert_cmpuint (nb_table_layout_get_n_header_rows (t2), ==, 0);
  assert_box (t2, "第二十条第（一）项", NB_LAYOUT_TITLE, 0, 0, 1, 4);
  assert_box (t2, "本年制发件数", NB_LAYOUT_COLUMN_HEADER, 1, 1, 1, 1);
  assert_box (t2, "规章", NB_LAYOUT_ROW_LABEL, 2, 0, 1, 1);
  assert_box (t2, "第二十条第（五）项", NB_LAYOUT_TITLE, 4, 0, 1, 4);
  assert_box (t2, "本年处理决定数量", NB_LAYOUT_COLUMN_HEADER, 5, 1, 1, 3);
  item = nb_table_layout_get_item_at (t2, 6, 1);
  g_assert_cmpint (item->kind, ==, NB_LAYOUT_CELL);
  g_assert_cmpstr (nb_template_get_cell_address (template, item->cell), ==, "t2/licensing/decisions");
  g_assert_cmpuint (item->n_columns, ==, 3);
  g_assert_cmpstr (nb_table_layout_get_item_at (t2, 1, 0)->text, ==, "信息内容");
  /* a part stays on one page */
  g_assert_true (nb_table_layout_row_keeps_with_next (t2, 0));
  g_assert_true (nb_table_layout_row_keeps_with_next (t2, 2));
  g_assert_false (nb_table_layout_row_keeps_with_next (t2, 3));
  assert_tiled (template, t2);

  /* 三: the note in the corner, 申请人情况 over six columns and
   * 法人或其他组织 over five, group labels left of their rows */
  g_assert_cmpuint (nb_table_layout_get_n_columns (t3), ==, 3 + 7);
  g_assert_cmpuint (nb_table_layout_get_n_rows (t3), ==, 3 + 25);
  g_assert_cmpuint (nb_table_layout_get_n_header_rows (t3), ==, 3);
  assert_box (t3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
              NB_LAYOUT_NOTE, 0, 0, 3, 3);
  assert_box (t3, "申请人情况", NB_LAYOUT_COLUMN_HEADER, 0, 3, 1, 6);
  assert_box (t3, "法人或其他组织", NB_LAYOUT_COLUMN_HEADER, 1, 4, 1, 5);
  assert_box (t3, "自然人", NB_LAYOUT_COLUMN_HEADER, 1, 3, 2, 1);
  assert_box (t3, "商业企业", NB_LAYOUT_COLUMN_HEADER, 2, 4, 1, 1);
  assert_box (t3, "总计", NB_LAYOUT_COLUMN_HEADER, 0, 9, 3, 1);
  assert_box (t3, "一、本年新收政府信息公开申请数量", NB_LAYOUT_ROW_LABEL, 3, 0, 1, 3);
  assert_box (t3, "三、本年度办理结果", NB_LAYOUT_GROUP_LABEL, 5, 0, 22, 1);
  assert_box (t3, "（一）予以公开", NB_LAYOUT_ROW_LABEL, 5, 1, 1, 2);
  assert_box (t3, "（三）不予公开", NB_LAYOUT_GROUP_LABEL, 7, 1, 8, 1);
  assert_box (t3, "1.属于国家秘密", NB_LAYOUT_ROW_LABEL, 7, 2, 1, 1);
  assert_box (t3, "（六）其他处理", NB_LAYOUT_GROUP_LABEL, 23, 1, 3, 1);
  assert_box (t3, "（七）总计", NB_LAYOUT_ROW_LABEL, 26, 1, 1, 2);
  assert_box (t3, "四、结转下年度继续办理", NB_LAYOUT_ROW_LABEL, 27, 0, 1, 3);
  g_assert_true (nb_table_layout_row_keeps_with_next (t3, 2));
  g_assert_false (nb_table_layout_row_keeps_with_next (t3, 3));
  assert_tiled (template, t3);
  items = nb_table_layout_get_items (t3, &n_items);
  for (guint i = 0; i < n_items; i++)
    n_cells += items[i].kind == NB_LAYOUT_CELL;
  g_assert_cmpuint (n_cells, ==, 175);

  /* 四: rows become column groups over one data line */
  g_assert_cmpuint (nb_table_layout_get_n_columns (t4), ==, 15);
  g_assert_cmpuint (nb_table_layout_get_n_rows (t4), ==, 4);
  g_assert_cmpuint (nb_table_layout_get_n_header_rows (t4), ==, 3);
  assert_box (t4, "行政复议", NB_LAYOUT_COLUMN_HEADER, 0, 0, 2, 5);
  assert_box (t4, "行政诉讼", NB_LAYOUT_COLUMN_HEADER, 0, 5, 1, 10);
  assert_box (t4, "未经复议直接起诉", NB_LAYOUT_COLUMN_HEADER, 1, 5, 1, 5);
  assert_box (t4, "复议后起诉", NB_LAYOUT_COLUMN_HEADER, 1, 10, 1, 5);
  item = nb_table_layout_get_item_at (t4, 3, 14);
  g_assert_cmpstr (nb_template_get_cell_address (template, item->cell), ==,
                   "t4/litigation_after_review/total");
  assert_tiled (template, t4);
}

static void
test_widths (Fixture       *fixture,
             gconstpointer  data)
{
  NbTemplate *template = fixture->template;
  g_autofree char *stacked = NULL;

  for (guint t = 0; t < 3; t++)
    {
      g_autoptr(NbTableLayout) layout = nb_table_layout_new (template, t);
      guint n = nb_table_layout_get_n_columns (layout);
      g_autofree double *widths = g_new0 (double, n);
      double sum = 0;

      nb_table_layout_get_widths (layout, NULL, 453.5, 9, 5, widths);
      for (guint c = 0; c < n; c++)
        {
          g_assert_cmpfloat (widths[c], >=, 2 * 9);
          sum += widths[c];
        }
      g_assert_cmpfloat_with_epsilon (sum, 453.5, 0.01);
    }

  /* 三's row labels get what the numbers and group labels leave */
  {
    g_autoptr(NbTableLayout) t3 = nb_table_layout_new (template, table_index (template, "requests"));
    double widths[10];

    nb_table_layout_get_widths (t3, NULL, 453.5, 9, 5, widths);
    g_assert_cmpfloat (widths[2], >, 12 * 9);
    g_assert_cmpfloat (widths[0], <, 5 * 9);
    g_assert_cmpfloat (widths[3], <, widths[2] / 3);
  }

  g_assert_cmpfloat (nb_table_layout_measure_text ("总计"), ==, 2);
  g_assert_cmpfloat_with_epsilon (nb_table_layout_measure_text ("12"), 1.1, 1e-9);
  stacked = nb_table_layout_stack_text ("社会公益组织");
  g_assert_cmpstr (stacked, ==, "社会\n公益\n组织");
}

/* Text */

static void
test_text_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);
      g_autoptr(GBytes) text = export (report, NB_EXPORT_FORMAT_TXT);
      g_autofree char *copy = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
      g_autoptr(NbReport) back = import_text (fixture, copy);

      g_test_message ("seed %s", nb_test_seeds[i]);
      g_assert_true (g_utf8_validate (copy, -1, NULL));
      assert_same_report (report, back, SAME_TEXT);
      g_assert_cmpstr (nb_report_get_title (back), ==, nb_report_get_title (report));
    }
}

static void
test_text_layout (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "000_773531145496868f");
  g_autoptr(GBytes) bytes = export (report, NB_EXPORT_FORMAT_TXT);
  const char *text = g_bytes_get_data (bytes, NULL);
  g_autoptr(NbReport) odd = odd_report (fixture);
  g_autoptr(GString) table = g_string_new (NULL);

  g_assert_true (g_str_has_prefix (text, "偃师区伊洛街道办事处 2024 年政府信息公开工作年度报告\n\n一、总体情况\n\n"));
  g_assert_nonnull (strstr (text, "\n\n二、主动公开政府信息情况\n\n第二十条第（一）项\n"
                                  "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
                                  "规章\t0\t0\t0\n"));
  g_assert_nonnull (strstr (text, "\n三、本年度办理结果\t（一）予以公开\t\t0\t0\t0\t0\t0\t0\t0\n"));
  g_assert_nonnull (strstr (text, "\n\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n"
                                  "\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n"));
  g_assert_nonnull (strstr (text, "\n行政复议\t\t\t\t\t行政诉讼\n"));
  g_assert_nonnull (strstr (text, "\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"));
  g_assert_true (g_str_has_suffix (text, "本单位 2024 年未收取政府信息公开处理费。\n"));

  /* cells as the report holds them: marks and text as written, values
   * normalised, empty cells empty */
  nb_text_writer_append_table (table, odd, table_index (fixture->template, "active"));
  g_assert_nonnull (strstr (table->str, "\n规章\t／\t8起\n"));
  g_assert_nonnull (strstr (table->str, "\n行政事业性收费\t12.5\n"));
}

/* HTML */

static void
test_html_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);
      g_autoptr(GBytes) html = export (report, NB_EXPORT_FORMAT_HTML);
      g_autofree char *page = g_strndup (g_bytes_get_data (html, NULL), g_bytes_get_size (html));
      g_autofree char *text = html_to_text (page);
      g_autoptr(NbReport) back = import_text (fixture, text);
      g_autoptr(NbReport) read = NULL;

      g_test_message ("seed %s", nb_test_seeds[i]);
      assert_same_report (report, back, SAME_TEXT);

      /* the importer's own reader, where it has one for web pages */
      read = nb_importer_import_data (fixture->importer, page, strlen (page), NULL);
      if (read != NULL)
        assert_same_report (report, read, SAME_WORDS);
      else
        g_test_message ("the importer does not read web pages (yet)");
    }
}

static void
assert_markup_well_formed (const char *text)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, text, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
test_html_fragment (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "003_babb1a0d8021a832");
  g_autofree char *t3 = nb_html_writer_write_table (report, table_index (fixture->template, "requests"));
  g_autofree char *t4 = nb_html_writer_write_table (report, table_index (fixture->template, "appeals"));
  g_autoptr(NbReport) odd = odd_report (fixture);
  g_autofree char *t2 = nb_html_writer_write_table (odd, table_index (fixture->template, "active"));
  g_autoptr(GBytes) page = export (odd, NB_EXPORT_FORMAT_HTML);
  const char *html = g_bytes_get_data (page, NULL);
  g_auto(GStrv) rows = NULL;

  g_assert_true (g_str_has_prefix (t3, "<table style=\""));
  g_assert_true (g_str_has_suffix (t3, "</table>\n"));
  assert_markup_well_formed (t3);
  assert_markup_well_formed (t4);
  assert_markup_well_formed (t2);
  g_assert_null (strstr (t3, "class="));
  g_assert_null (strstr (t3, "<style"));

  /* the merged headers of the paper form */
  g_assert_true (g_regex_match_simple ("<th colspan=\"3\" rowspan=\"3\" [^>]*>（本列数据的勾稽关系为", t3, 0, 0));
  g_assert_true (g_regex_match_simple ("<th scope=\"colgroup\" colspan=\"6\" [^>]*>申请人情况</th>", t3, 0, 0));
  g_assert_true (g_regex_match_simple ("<th scope=\"colgroup\" colspan=\"5\" [^>]*>法人或其他组织</th>", t3, 0, 0));
  g_assert_true (g_regex_match_simple ("<th scope=\"col\" rowspan=\"3\" [^>]*>总计</th>", t3, 0, 0));
  g_assert_true (g_regex_match_simple ("<th scope=\"col\" rowspan=\"2\" [^>]*>自然人</th>", t3, 0, 0));
  g_assert_true (g_regex_match_simple ("<th rowspan=\"22\" [^>]*>三、本年度办理结果</th>", t3, 0, 0));
  g_assert_true (g_regex_match_simple ("<th rowspan=\"8\" [^>]*>（三）不予公开</th>", t3, 0, 0));
  g_assert_true (g_regex_match_simple ("<th scope=\"row\" colspan=\"3\" [^>]*>一、本年新收", t3, 0, 0));
  rows = g_strsplit (t3, "<tr>", -1);
  g_assert_cmpuint (g_strv_length (rows) - 1, ==, 28);
  g_assert_true (g_regex_match_simple ("<th scope=\"colgroup\" colspan=\"5\" rowspan=\"2\" [^>]*>行政复议</th>",
                                       t4, 0, 0));
  g_assert_true (g_regex_match_simple ("<th scope=\"colgroup\" colspan=\"10\" [^>]*>行政诉讼</th>", t4, 0, 0));
  g_assert_true (g_regex_match_simple ("<thead>.*</thead>\\s*<tbody>\\s*<tr>(<td [^>]*>\\d+</td>){15}</tr>",
                                       t4, G_REGEX_DOTALL, 0));

  /* cells as written, an empty one empty, text escaped */
  g_assert_true (g_regex_match_simple ("<th scope=\"row\" [^>]*>规章</th><td [^>]*>／</td><td [^>]*>8起</td><td [^>]*></td></tr>",
                                       t2, 0, 0));
  g_assert_true (g_regex_match_simple ("<td colspan=\"3\" [^>]*>12.5</td>", t2, 0, 0));
  assert_markup_well_formed (strstr (html, "<html"));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\"/>"));
  g_assert_nonnull (strstr (html, "<title>某县&lt;市场&gt;监督管理局2024年政府信息公开工作年度报告</title>"));
  g_assert_nonnull (strstr (html, ">第一段 &amp; “引号” &lt;b&gt;不是标签&lt;/b&gt;</p>"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "<style"));
  g_assert_null (strstr (html, "<link"));
}

/* Word */

static void
assert_docx_structure (GBytes *docx)
{
  DocxReading reading = { 0 };
  g_autoptr(GBytes) styles = unzip_member (docx, "word/styles.xml");
  g_autoptr(GBytes) types = unzip_member (docx, "[Content_Types].xml");
  const char *parts[] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                          "word/fontTable.xml", "word/footer1.xml", "word/_rels/document.xml.rels",
                          "docProps/core.xml" };
  g_auto(GStrv) tables = NULL;
  g_auto(GStrv) merges = NULL;
  g_autofree char *style_text = NULL;

  g_assert_cmpmem (g_bytes_get_data (docx, NULL), 2, "PK", 2);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    assert_well_formed (docx, parts[i]);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (types, NULL), g_bytes_get_size (types),
                                  "wordprocessingml.document.main+xml"));

  /* the fonts and sizes of a government document, A4 */
  style_text = g_strndup (g_bytes_get_data (styles, NULL), g_bytes_get_size (styles));
  g_assert_true (g_regex_match_simple ("w:styleId=\"Title\".*w:eastAsia=\"方正小标宋简体\".*<w:sz w:val=\"44\"/>",
                                       style_text, G_REGEX_DOTALL, 0));
  g_assert_true (g_regex_match_simple ("<w:rPrDefault>.*w:eastAsia=\"仿宋_GB2312\".*<w:sz w:val=\"32\"/>",
                                       style_text, G_REGEX_DOTALL, 0));
  g_assert_true (g_regex_match_simple ("w:styleId=\"TableText\".*w:eastAsia=\"宋体\".*<w:sz w:val=\"18\"/>",
                                       style_text, G_REGEX_DOTALL, 0));

  read_docx (docx, &reading);
  g_assert_cmpuint (reading.grids->len, ==, 3);
  g_assert_cmpuint (g_array_index (reading.grids, guint, 0), ==, 4);
  g_assert_cmpuint (g_array_index (reading.grids, guint, 1), ==, 10);
  g_assert_cmpuint (g_array_index (reading.grids, guint, 2), ==, 15);

  /* each cell as [gridSpan][r: merge starts, c: merge goes on] */
  tables = g_strsplit (reading.spans->str, "--\n", -1);
  g_assert_cmpuint (g_strv_length (tables), ==, 4);
  /* 二: a title over the four columns */
  g_assert_true (g_str_has_prefix (tables[0], "[4]\n[][][][]\n[][][][]\n[][][][]\n[4]\n[][3]\n[][3]\n"));
  /* 三: the note over three columns and rows, 申请人情况 over six,
   * 总计 down the three header rows; 法人或其他组织 over five */
  g_assert_true (g_str_has_prefix (tables[1], "[3r][6][r]\n[3c][r][5][c]\n[3c][c][][][][][][c]\n"
                                              "[3][][][][][][][]\n[3][][][][][][][]\n"
                                              "[r][2][][][][][][][]\n[c][2][][][][][][][]\n"
                                              "[c][r][][][][][][][][]\n[c][c][][][][][][][][]\n"));
  /* the group 三、本年度办理结果 runs down 22 rows, then 四 */
  g_assert_true (g_str_has_suffix (tables[1], "[c][2][][][][][][][]\n[3][][][][][][][]\n"));
  merges = g_strsplit (tables[1], "[c]", -1);
  g_assert_cmpuint (g_strv_length (merges) - 1, ==, 3 + 21 + 7 + 2 + 4 + 2);
  /* 四: 行政复议 over five columns and two rows, 行政诉讼 over ten */
  g_assert_cmpstr (tables[2], ==,
                   "[5r][10]\n[5c][5][5]\n[][][][][][][][][][][][][][][]\n[][][][][][][][][][][][][][][]\n");
  docx_reading_clear (&reading);
}

static void
test_docx_structure (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "003_babb1a0d8021a832");
  g_autoptr(GBytes) docx = export (report, NB_EXPORT_FORMAT_DOCX);
  g_autoptr(GBytes) again = export (report, NB_EXPORT_FORMAT_DOCX);
  g_autoptr(NbReport) odd = odd_report (fixture);
  g_autoptr(GBytes) odd_docx = export (odd, NB_EXPORT_FORMAT_DOCX);
  DocxReading reading = { 0 };
  g_autoptr(GBytes) document = unzip_member (docx, "word/document.xml");
  g_autofree char *xml = g_strndup (g_bytes_get_data (document, NULL), g_bytes_get_size (document));

  assert_docx_structure (docx);
  g_assert_nonnull (strstr (xml, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  g_assert_nonnull (strstr (xml, "<w:tblHeader/>"));
  /* the same report gives the same bytes */
  g_assert_true (g_bytes_equal (docx, again));

  /* cells as written, text escaped, an empty cell empty */
  assert_docx_structure (odd_docx);
  read_docx (odd_docx, &reading);
  g_assert_nonnull (strstr (reading.text->str, "\n规章\t／\t8起\t\t\n"));
  g_assert_nonnull (strstr (reading.text->str, "\n行政事业性收费\t12.5\t\n"));
  g_assert_nonnull (strstr (reading.text->str, "第一段 & “引号” <b>不是标签</b>\n"));
  /* a long title breaks after the organ */
  g_assert_true (g_str_has_prefix (reading.text->str, "某县<市场>监督管理局\n2024年政府信息公开工作年度报告\n"));
  docx_reading_clear (&reading);
}

static void
test_docx_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);
      g_autoptr(GBytes) docx = export (report, NB_EXPORT_FORMAT_DOCX);
      DocxReading reading = { 0 };
      g_autoptr(NbReport) back = NULL;
      g_autoptr(NbReport) read = NULL;

      g_test_message ("seed %s", nb_test_seeds[i]);
      read_docx (docx, &reading);
      back = import_text (fixture, reading.text->str);
      assert_same_report (report, back, SAME_TEXT);
      docx_reading_clear (&reading);

      read = nb_importer_import_data (fixture->importer, g_bytes_get_data (docx, NULL),
                                      g_bytes_get_size (docx), NULL);
      if (read != NULL)
        assert_same_report (report, read, SAME_WORDS);
      else
        g_test_message ("the importer does not read Word files (yet)");
    }
}

/* The numbers of the tables as a PDF's text shows them: the trailing
 * numbers of each line between the headings 二 and 五. */
static char *
table_numbers (const char *text)
{
  const char *start = strstr (text, "二、主动公开政府信息情况");
  const char *end = start ? strstr (start, "五、存在的主要问题") : NULL;
  g_autofree char *tables = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  g_assert_nonnull (end);
  tables = g_strndup (start, end - start);
  lines = g_strsplit (tables, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      guint n = g_strv_length (words);
      guint first = n;

      while (first > 0 && (*words[first - 1] == '\0' ||
                           g_regex_match_simple ("^[0-9]+(\\.[0-9]+)?$", words[first - 1], 0, 0)))
        first--;
      for (guint w = first; w < n; w++)
        if (*words[w] != '\0')
          g_string_append_printf (out, "%s ", words[w]);
    }
  return g_string_free (out, FALSE);
}

static char *
expected_numbers (NbReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < 3; t++)
    {
      g_autoptr(NbTableLayout) layout = nb_table_layout_new (nb_report_get_template (report), t);
      guint n_items;
      const NbLayoutItem *items = nb_table_layout_get_items (layout, &n_items);

      for (guint i = 0; i < n_items; i++)
        if (items[i].kind == NB_LAYOUT_CELL)
          g_string_append_printf (out, "%s ", nb_report_get_cell_text (report, items[i].cell));
    }
  return g_string_free (out, FALSE);
}

/* Where LibreOffice is installed: it opens the document (a broken one
 * is refused or repaired) and prints every number where it belongs. */
static void
test_docx_libreoffice (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *timeout = g_find_program_in_path ("timeout");
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed; the Word file is not opened");
      return;
    }
  if (!have_pdftotext ())
    return;

  profile = g_build_filename (fixture->dir, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  if (timeout != NULL)
    {
      g_ptr_array_add (argv, timeout);
      g_ptr_array_add (argv, (gpointer) "120");
    }
  g_ptr_array_add (argv, soffice);
  g_ptr_array_add (argv, g_strconcat ("-env:UserInstallation=", profile_uri, NULL));
  g_ptr_array_add (argv, (gpointer) "--headless");
  g_ptr_array_add (argv, (gpointer) "--convert-to");
  g_ptr_array_add (argv, (gpointer) "pdf");
  g_ptr_array_add (argv, (gpointer) "--outdir");
  g_ptr_array_add (argv, fixture->dir);
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);
      g_autoptr(GBytes) docx = export (report, NB_EXPORT_FORMAT_DOCX);
      g_autofree char *name = g_strconcat (nb_test_seeds[i], ".docx", NULL);

      g_ptr_array_add (paths, write_temp (fixture, name, docx));
      g_ptr_array_add (argv, g_ptr_array_index (paths, paths->len - 1));
    }
  g_ptr_array_add (argv, NULL);
  g_assert_true (run_tool ((const char * const *) argv->pdata, NULL));
  g_free (g_ptr_array_index (argv, timeout ? 3 : 1));

  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);
      g_autofree char *name = g_strconcat (nb_test_seeds[i], ".pdf", NULL);
      g_autofree char *pdf = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *got = NULL;
      g_autofree char *want = NULL;

      g_test_message ("seed %s", nb_test_seeds[i]);
      g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
      text = pdf_to_text (pdf);
      g_assert_nonnull (strstr (text, "三、收到和处理政府信息公开申请情况"));
      g_assert_nonnull (strstr (text, "法人或其他组织"));
      got = table_numbers (text);
      want = expected_numbers (report);
      g_assert_cmpstr (got, ==, want);
    }
}

/* PDF */

static void
test_pdf_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  if (!have_pdftotext ())
    return;

  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);
      g_autoptr(GBytes) pdf = export (report, NB_EXPORT_FORMAT_PDF);
      g_autofree char *name = g_strconcat (nb_test_seeds[i], ".pdf", NULL);
      g_autofree char *path = write_temp (fixture, name, pdf);
      g_autofree char *text = pdf_to_text (path);
      g_autofree char *got = table_numbers (text);
      g_autofree char *want = expected_numbers (report);
      g_autoptr(NbReport) back = NULL;
      g_autoptr(NbReport) read = NULL;

      g_test_message ("seed %s", nb_test_seeds[i]);
      g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
      g_assert_cmpstr (got, ==, want);
      g_assert_true (g_regex_match_simple ("—\\s*1\\s*—", text, 0, 0));
      back = import_text (fixture, text);
      assert_same_report (report, back, SAME_WORDS);

      read = nb_importer_import_data (fixture->importer, g_bytes_get_data (pdf, NULL),
                                      g_bytes_get_size (pdf), NULL);
      if (read != NULL)
        assert_same_report (report, read, SAME_WORDS);
      else
        g_test_message ("the importer does not read PDF files (yet)");
    }
}

static void
test_pdf_pages (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "003_babb1a0d8021a832");
  g_autoptr(NbPrintLayout) layout = nb_print_layout_new (report, NB_PAGE_A4_WIDTH, NB_PAGE_A4_HEIGHT);
  g_autoptr(NbPrintLayout) small = nb_print_layout_new (report, NB_PAGE_A4_WIDTH, 420);
  g_autoptr(GBytes) pdf = export (report, NB_EXPORT_FORMAT_PDF);
  g_autofree char *path = write_temp (fixture, "report.pdf", pdf);
  guint n_pages = nb_print_layout_get_n_pages (layout);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (nb_print_layout_get_n_pages (small), >, n_pages);

  /* any cairo context will do, as for a printer */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.5, 0.5);
  for (guint page = 0; page < nb_print_layout_get_n_pages (small); page++)
    nb_print_layout_draw_page (small, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (!have_pdftotext ())
    return;
  {
    g_autofree char *text = pdf_to_text (path);
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
    guint with_header = 0;
    g_autofree char *fonts = NULL;
    g_autofree char *info = NULL;
    const char *fonts_argv[] = { "pdffonts", path, NULL };
    const char *info_argv[] = { "pdfinfo", path, NULL };

    /* the page count, and table 三 heads each page it is on */
    g_assert_cmpuint (g_strv_length (pages) - 1, ==, n_pages);
    for (guint p = 0; pages[p] != NULL; p++)
      {
        g_autofree char *number = g_strdup_printf ("—\\s*%u\\s*—", p + 1);

        if (*pages[p] != '\0')
          g_assert_true (g_regex_match_simple (number, pages[p], 0, 0));
        with_header += strstr (pages[p], "法人或其他组织") != NULL;
      }
    g_assert_cmpuint (with_header, ==, 2);

    /* A4, the CJK fonts embedded */
    g_assert_true (run_tool (info_argv, &info));
    g_assert_true (g_regex_match_simple ("Page size: +595\\.2\\d* x 841\\.8\\d* pts \\(A4\\)", info, 0, 0));
    g_assert_nonnull (strstr (info, "侯寨办事处"));
    g_assert_true (run_tool (fonts_argv, &fonts));
    g_assert_true (g_regex_match_simple ("CJK.* yes yes yes", fonts, 0, 0));
    g_assert_false (g_regex_match_simple (" no  ", fonts, 0, 0));
  }
}

/* The API around the writers */

static void
test_file_name (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_report_new (fixture->template);
  g_autofree char *none = nb_export_dup_file_name (report, NB_EXPORT_FORMAT_PDF);
  g_autofree char *none_title = nb_export_dup_title (report);
  g_autofree char *year_only = NULL;
  g_autofree char *both = NULL;
  g_autofree char *organ_only = NULL;
  g_autofree char *slashed = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *title = NULL;
  NbExportFormat format;

  g_assert_cmpstr (none, ==, "政府信息公开工作年度报告.pdf");
  g_assert_cmpstr (none_title, ==, "政府信息公开工作年度报告");
  nb_report_set_year (report, 2024);
  year_only = nb_export_dup_file_name (report, NB_EXPORT_FORMAT_DOCX);
  g_assert_cmpstr (year_only, ==, "2024年政府信息公开工作年度报告.docx");
  nb_report_set_organ (report, "侯寨办事处");
  both = nb_export_dup_file_name (report, NB_EXPORT_FORMAT_HTML);
  g_assert_cmpstr (both, ==, "侯寨办事处-2024年政府信息公开工作年度报告.html");
  title = nb_export_dup_title (report);
  g_assert_cmpstr (title, ==, "侯寨办事处2024年政府信息公开工作年度报告");
  nb_report_set_year (report, 0);
  organ_only = nb_export_dup_file_name (report, NB_EXPORT_FORMAT_TXT);
  g_assert_cmpstr (organ_only, ==, "侯寨办事处-政府信息公开工作年度报告.txt");
  nb_report_set_organ (report, "市/县\\局\n");
  slashed = nb_export_dup_file_name (report, NB_EXPORT_FORMAT_PDF);
  g_assert_cmpstr (slashed, ==, "市-县-局-政府信息公开工作年度报告.pdf");
  nb_report_set_organ (report, "..");
  hidden = nb_export_dup_file_name (report, NB_EXPORT_FORMAT_PDF);
  g_assert_cmpstr (hidden, ==, "_.-政府信息公开工作年度报告.pdf");

  g_assert_true (nb_export_format_from_string ("DOCX", &format));
  g_assert_cmpint (format, ==, NB_EXPORT_FORMAT_DOCX);
  g_assert_true (nb_export_format_from_string ("text", &format));
  g_assert_cmpint (format, ==, NB_EXPORT_FORMAT_TXT);
  g_assert_true (nb_export_format_from_string ("htm", &format));
  g_assert_cmpint (format, ==, NB_EXPORT_FORMAT_HTML);
  g_assert_false (nb_export_format_from_string ("doc", &format));
  g_assert_cmpstr (nb_export_format_get_extension (NB_EXPORT_FORMAT_PDF), ==, "pdf");
  g_assert_cmpstr (nb_export_format_get_mime_type (NB_EXPORT_FORMAT_HTML), ==, "text/html");
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "000_773531145496868f");
  g_autofree char *path = g_build_filename (fixture->dir, "report.docx", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) onto_folder = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = export (report, NB_EXPORT_FORMAT_DOCX);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GDir) dir = NULL;
  char *contents;
  gsize length;
  guint n_files = 0;

  g_assert_true (nb_export_save (report, NB_EXPORT_FORMAT_DOCX, file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  written = g_bytes_new_take (contents, length);
  g_assert_true (g_bytes_equal (written, expected));
  g_assert_false (nb_report_get_modified (report));

  /* a failure leaves nothing behind */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (nb_export_save (report, NB_EXPORT_FORMAT_PDF, onto_folder, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not save"));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/nianbao/writers/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("layout", test_layout);
  ADD ("widths", test_widths);
  ADD ("text/round-trip", test_text_round_trip);
  ADD ("text/layout", test_text_layout);
  ADD ("html/round-trip", test_html_round_trip);
  ADD ("html/fragment", test_html_fragment);
  ADD ("docx/structure", test_docx_structure);
  ADD ("docx/round-trip", test_docx_round_trip);
  ADD ("docx/libreoffice", test_docx_libreoffice);
  ADD ("pdf/round-trip", test_pdf_round_trip);
  ADD ("pdf/pages", test_pdf_pages);
  ADD ("file-name", test_file_name);
  ADD ("save", test_save);
#undef ADD

  return g_test_run ();
}
