/* test-import.c — reading report text as it really arrives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <nb-label.h>
#include <nb-report-private.h>
#include <nb-table-matcher.h>
#include <nb-text-line.h>

#include <string.h>

typedef NbTestImport Fixture;

/* Asserts that every cell has the expected value (JSON null or integer). */
static void
assert_cells (NbReport   *report,
              JsonObject *cells)
{
  g_autoptr(GList) members = json_object_get_members (cells);

  g_assert_cmpuint (g_list_length (members), ==, nb_report_get_n_cells (report));
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *address = l->data;
      JsonNode *node = json_object_get_member (cells, address);
      int cell = nb_report_lookup_cell (report, address);

      g_assert_cmpint (cell, >=, 0);
      if (JSON_NODE_HOLDS_NULL (node))
        {
          g_assert_cmpint (nb_report_get_cell_state (report, cell), ==, NB_CELL_STATE_EMPTY);
          continue;
        }
      if (nb_report_get_cell_state (report, cell) != NB_CELL_STATE_VALUE)
        g_error ("%s: expected %" G_GINT64_FORMAT ", got state %d text “%s”", address,
                 json_node_get_int (node), nb_report_get_cell_state (report, cell),
                 nb_report_get_cell_text (report, cell));
      if (nb_template_get_cell_kind (nb_report_get_template (report), cell) == NB_CELL_KIND_AMOUNT)
        g_assert_cmpint (nb_report_get_cell_value (report, cell), ==,
                         (gint64) (json_node_get_double (node) * 1000000 + 0.5));
      else
        g_assert_cmpint (nb_report_get_cell_value (report, cell), ==, json_node_get_int (node));
    }
}

/* The error-level rules that fire are exactly the expected ones. */
static void
assert_errors (NbValidator *validator,
               JsonArray   *expected)
{
  GListModel *model = G_LIST_MODEL (validator);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (model, i);
      gboolean listed = FALSE;

      if (nb_diagnostic_get_severity (diagnostic) != NB_SEVERITY_ERROR)
        continue;
      for (guint e = 0; e < json_array_get_length (expected); e++)
        listed |= g_str_equal (json_array_get_string_element (expected, e),
                               nb_diagnostic_get_rule_id (diagnostic));
      if (!listed)
        g_error ("unexpected error [%s] %s", nb_diagnostic_get_rule_id (diagnostic),
                 nb_diagnostic_get_message (diagnostic));
    }
  for (guint e = 0; e < json_array_get_length (expected); e++)
    g_assert_true (nb_test_has_rule (model, json_array_get_string_element (expected, e)));
}

static void
assert_matches_expected (NbReport   *report,
                         const char *stem)
{
  g_autoptr(JsonObject) expected = nb_test_load_expected (stem);
  g_autoptr(NbValidator) validator = nb_validator_new (report);

  g_assert_cmpstr (nb_report_get_organ (report), ==, json_object_get_string_member (expected, "organ"));
  g_assert_cmpuint (nb_report_get_year (report), ==, json_object_get_int_member (expected, "year"));
  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report)), ==,
                   json_object_get_string_member (expected, "template"));
  assert_cells (report, json_object_get_object_member (expected, "cells"));
  assert_errors (validator, json_object_get_array_member (expected, "errors"));
}

static void
test_seeds (Fixture       *fixture,
            gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);

      g_test_message ("seed %s", nb_test_seeds[i]);
      assert_matches_expected (report, nb_test_seeds[i]);
      g_assert_false (nb_report_get_modified (report));
    }
}

static void
test_seed_details (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "003_babb1a0d8021a832");
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  NbDiagnostic *extra = nb_test_find_rule (G_LIST_MODEL (validator), "parse.extra-values");
  NbDiagnostic *total = nb_test_find_rule (G_LIST_MODEL (validator), "t4.total");
  const char * const *cells;

  /* "一、总体情况" twice: one overview, starting with its first paragraph */
  g_assert_true (g_str_has_prefix (nb_report_get_section_text (report, "overview"), "2024 年，在上级政府"));
  g_assert_null (strstr (nb_report_get_section_text (report, "overview"), "一、总体情况"));
  g_assert_true (g_str_has_prefix (nb_report_get_section_text (report, "problems"), "在过去的 2024 年里"));
  g_assert_cmpstr (nb_report_get_title (report), ==, "侯寨办事处 2024 年政府信息公开工作年度报告");

  g_assert_nonnull (extra);
  g_assert_cmpuint (nb_diagnostic_get_line (extra), ==, 88);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (extra), "16"));
  g_assert_true (g_str_has_suffix (nb_diagnostic_get_message (extra), ": 1"));

  g_assert_nonnull (total);
  cells = nb_diagnostic_get_cells (total);
  g_assert_cmpuint (g_strv_length ((GStrv) cells), ==, 5);
  g_assert_cmpstr (cells[0], ==, "t4/litigation_after_review/total");
  g_assert_cmpstr (nb_diagnostic_get_message (total), ==,
                   "复议后起诉: 总计 = 0, but 维持 + 纠正 + 其他 + 尚未审结 = 1");
  g_assert_cmpuint (nb_report_get_cell_line (report, nb_report_lookup_cell (report, "t3/received/natural_person")), ==, 57);
}

static void
test_pdf_title (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "004_f0cbcda3827e0aad");

  g_assert_cmpstr (nb_report_get_title (report), ==, "涧西区人民政府办公室2024年政府信息公开工作年度报告");
  g_assert_true (g_str_has_prefix (nb_report_get_section_text (report, "other"), "我办按照"));
}

static NbReport *
import_bytes (Fixture    *fixture,
              const char *data,
              gsize       size)
{
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_importer_import_data (fixture->importer, data, size, &error);

  g_assert_no_error (error);
  return report;
}

static void
assert_encoded_seed (Fixture    *fixture,
                     const char *stem,
                     const char *encoding,
                     const char *bom,
                     gsize       bom_length)
{
  g_autoptr(GBytes) seed = nb_test_load_seed (stem);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  NbDiagnostic *note;

  converted = g_convert (g_bytes_get_data (seed, NULL), g_bytes_get_size (seed),
                         encoding, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  data = g_malloc (bom_length + length);
  memcpy (data, bom, bom_length);
  memcpy (data + bom_length, converted, length);

  report = import_bytes (fixture, data, bom_length + length);
  assert_matches_expected (report, stem);
  validator = nb_validator_new (report);
  note = nb_test_find_rule (G_LIST_MODEL (validator), "parse.encoding");
  g_assert_nonnull (note);
  g_assert_cmpint (nb_diagnostic_get_severity (note), ==, NB_SEVERITY_INFO);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (note), encoding));
}

static void
test_encodings (Fixture       *fixture,
                gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      assert_encoded_seed (fixture, nb_test_seeds[i], "GB18030", "", 0);
      assert_encoded_seed (fixture, nb_test_seeds[i], "UTF-16LE", "\xff\xfe", 2);
      assert_encoded_seed (fixture, nb_test_seeds[i], "UTF-16BE", "\xfe\xff", 2);
    }
  /* UTF-16 without a byte order mark */
  assert_encoded_seed (fixture, "000_773531145496868f", "UTF-16LE", "", 0);
}

/* Applies @transform to the seed text and checks the same cells come out. */
static void
assert_variant_imports (Fixture    *fixture,
                        const char *stem,
                        char     *(*transform) (const char *text))
{
  g_autoptr(GBytes) seed = nb_test_load_seed (stem);
  g_autofree char *text = g_strndup (g_bytes_get_data (seed, NULL), g_bytes_get_size (seed));
  g_autofree char *variant = transform (text);
  g_autoptr(NbReport) report = import_bytes (fixture, variant, strlen (variant));

  assert_matches_expected (report, stem);
}

static char *
to_crlf (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

static char *
with_bom (const char *text)
{
  return g_strconcat ("\xef\xbb\xbf", text, NULL);
}

static char *
tabs_to_spaces (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "\t", -1);

  return g_strjoinv ("   ", parts);
}

/* Every digit written full-width, as some word processors do. */
static char *
fullwidth_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_unichar (out, 0xFF10 + (*p - '0'));
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Empty columns dropped: no run of more than one tab. */
static char *
squeeze_tabs (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!(*p == '\t' && (p[1] == '\t' || p[1] == '\n' || out->len == 0 ||
                         out->str[out->len - 1] == '\n')))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_variants (Fixture       *fixture,
               gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_test_message ("seed %s", nb_test_seeds[i]);
      assert_variant_imports (fixture, nb_test_seeds[i], to_crlf);
      assert_variant_imports (fixture, nb_test_seeds[i], with_bom);
      assert_variant_imports (fixture, nb_test_seeds[i], tabs_to_spaces);
      assert_variant_imports (fixture, nb_test_seeds[i], fullwidth_digits);
      assert_variant_imports (fixture, nb_test_seeds[i], squeeze_tabs);
    }
}

/* A small report text: @t3_extra goes where the t3 rows are. */
static char *
make_report (const char *t2,
             const char *t3,
             const char *t4)
{
  return g_strconcat ("某某局 2024 年政府信息公开工作年度报告\n"
                      "一、总体情况\n" NB_TEST_OVERVIEW "\n",
                      t2 ? "二、主动公开政府信息情况\n" : "", t2 ? t2 : "",
                      t3 ? "三、收到和处理政府信息公开申请情况\n" : "", t3 ? t3 : "",
                      t4 ? "四、政府信息公开行政复议、行政诉讼情况\n" : "", t4 ? t4 : "",
                      "五、存在的主要问题及改进情况\n" NB_TEST_PROBLEMS "\n"
                      "六、其他需要报告的事项\n" NB_TEST_OTHER "\n",
                      NULL);
}

static const char T2[] =
  "规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n行政许可\t0\n行政处罚\t0\n行政强制\t0\n行政事业性收费\t0\n";
static const char T4[] = "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

static GString *
t3_rows (void)
{
  static const char *labels[] = {
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果\t(一) 予以公开", "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）",
    "(三) 不予公开\t1. 属于国家秘密", "2. 其他法律行政法规禁止公开", "3. 危及“三安全一稳定”",
    "4. 保护第三方合法权益", "5. 属于三类内部事务信息", "6. 属于四类过程性信息",
    "7. 属于行政执法案卷", "8. 属于行政查询事项", "(四) 无法提供\t1. 本机关不掌握相关政府信息",
    "2. 没有现成信息需要另行制作", "3. 补正后申请内容仍不明确", "(五) 不予处理\t1. 信访举报投诉类申请",
    "2. 重复申请", "3. 要求提供公开出版物", "4. 无正当理由大量反复申请",
    "5. 要求行政机关确认或重新出具已获取信息",
    "(六) 其他处理\t1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3. 其他",
    "(七) 总计", "四、结转下年度继续办理",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_string_append_printf (out, "%s\t0\t0\t0\t0\t0\t0\t0\n", labels[i]);
  return out;
}

static NbReport *
import_report (Fixture    *fixture,
               const char *t2,
               const char *t3,
               const char *t4)
{
  g_autofree char *text = make_report (t2, t3, t4);

  return nb_test_import_string (fixture->importer, text);
}

static void
test_built_report_clean (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autoptr(NbReport) report = import_report (fixture, T2, t3->str, T4);
  g_autoptr(NbValidator) validator = nb_validator_new (report);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (validator)), ==, 0);
  g_assert_cmpstr (nb_report_get_organ (report), ==, "某某局");
  g_assert_cmpstr (nb_report_get_section_text (report, "overview"), ==, NB_TEST_OVERVIEW);
}

static void
test_extra_and_missing_values (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autofree char *t2 = NULL;
  g_autofree char *t3_text = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;
  NbDiagnostic *extra, *missing;
  int cell;

  t2 = nb_test_replace (T2, "规章\t0\t0\t0", "规章\t1\t2\t3\t4\t5");
  t3_text = nb_test_replace (t3->str, "2. 重复申请\t0\t0\t0\t0\t0\t0\t0", "2. 重复申请\t0\t0\t0\t0\t0");
  report = import_report (fixture, t2, t3_text, T4);
  validator = nb_validator_new (report);

  extra = nb_test_find_rule (G_LIST_MODEL (validator), "parse.extra-values");
  g_assert_nonnull (extra);
  g_assert_cmpuint (nb_diagnostic_get_line (extra), ==, 5);
  g_assert_true (g_str_has_suffix (nb_diagnostic_get_message (extra), ": 4 5"));
  cell = nb_report_lookup_cell (report, "t2/regulations/in_force");
  g_assert_cmpint (nb_report_get_cell_value (report, cell), ==, 3);

  missing = nb_test_find_rule (G_LIST_MODEL (validator), "parse.missing-values");
  g_assert_nonnull (missing);
  g_assert_cmpuint (g_strv_length ((GStrv) nb_diagnostic_get_cells (missing)), ==, 2);
  g_assert_cmpstr (nb_diagnostic_get_cells (missing)[0], ==, "t3/not_processed.duplicate/other");
  cell = nb_report_lookup_cell (report, "t3/not_processed.duplicate/total");
  g_assert_cmpint (nb_report_get_cell_state (report, cell), ==, NB_CELL_STATE_EMPTY);
}

static void
test_missing_row_and_table (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autofree char *t3_text = nb_test_replace (t3->str, "4. 保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0\n", "");
  g_autoptr(NbReport) report = import_report (fixture, T2, t3_text, NULL);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  NbDiagnostic *row = nb_test_find_rule (G_LIST_MODEL (validator), "parse.missing-row");
  NbDiagnostic *table = nb_test_find_rule (G_LIST_MODEL (validator), "parse.missing-table");

  g_assert_nonnull (row);
  g_assert_cmpuint (nb_test_count_rule (G_LIST_MODEL (validator), "parse.missing-row"), ==, 1);
  g_assert_cmpstr (nb_diagnostic_get_cells (row)[0], ==, "t3/withheld.third_party/natural_person");
  g_assert_nonnull (strstr (nb_diagnostic_get_message (row), "保护第三方合法权益"));

  g_assert_nonnull (table);
  g_assert_cmpuint (nb_test_count_rule (G_LIST_MODEL (validator), "parse.missing-table"), ==, 1);
  g_assert_cmpstr (nb_diagnostic_get_cells (table)[0], ==, "t4/review/upheld");
  /* the empty cells are not reported as broken sums */
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "t4.total"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "t3.results-total"));
}

static void
test_unknown_and_duplicate_rows (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autofree char *t2 = g_strconcat (T2, "行政征收\t5\n规章\t9\t9\t9\n", NULL);
  g_autoptr(NbReport) report = import_report (fixture, t2, t3->str, T4);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  NbDiagnostic *unknown = nb_test_find_rule (G_LIST_MODEL (validator), "parse.unknown-row");
  NbDiagnostic *duplicate = nb_test_find_rule (G_LIST_MODEL (validator), "parse.duplicate-row");

  g_assert_nonnull (unknown);
  g_assert_cmpint (nb_diagnostic_get_severity (unknown), ==, NB_SEVERITY_WARNING);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (unknown), "行政征收"));
  g_assert_cmpuint (nb_diagnostic_get_line (unknown), ==, 11);
  g_assert_nonnull (duplicate);
  g_assert_cmpuint (nb_diagnostic_get_line (duplicate), ==, 12);
  g_assert_cmpint (nb_report_get_cell_value (report, nb_report_lookup_cell (report, "t2/regulations/issued")), ==, 0);
}

static void
test_invalid_text_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autofree char *t2 = nb_test_replace (T2, "行政许可\t0", "行政许可\t8起");
  g_autofree char *t2a = nb_test_replace (t2, "行政处罚\t0", "行政处罚\t/");
  g_autofree char *t2b = nb_test_replace (t2a, "行政强制\t0", "行政强制 1000000000000000");
  g_autoptr(NbReport) report = import_report (fixture, t2b, t3->str, T4);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  int licensing = nb_report_lookup_cell (report, "t2/licensing/decisions");
  int punishment = nb_report_lookup_cell (report, "t2/punishment/decisions");

  g_assert_cmpstr (nb_report_get_cell_text (report, licensing), ==, "8起");
  g_assert_cmpint (nb_report_get_cell_state (report, licensing), ==, NB_CELL_STATE_INVALID);
  g_assert_cmpstr (nb_report_get_cell_text (report, punishment), ==, "/");
  g_assert_cmpint (nb_report_get_cell_state (report, punishment), ==, NB_CELL_STATE_MARK);
  /* a number too long to be valid still lands in its cell */
  g_assert_cmpstr (nb_report_get_cell_text (report, nb_report_lookup_cell (report, "t2/coercion/decisions")),
                   ==, "1000000000000000");
  g_assert_cmpuint (nb_test_count_rule (G_LIST_MODEL (validator), "cell.invalid"), ==, 2);
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-row"));
  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "cell.invalid"));
  /* "/" is kept as written: not applicable */
  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "cell.na"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.unknown-row"));
}

/* Each offset into a section's text gives the input line it was read
 * from, past the end the last one. */
static void
test_section_lines (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbReport) report =
    nb_test_import_string (fixture->importer,
                           "某某局 2024 年政府信息公开工作年度报告\n"
                           "一、总体情况\n第一段。\n\n第二段，\n第三段。\n"
                           "五、存在的主要问题及改进情况\n" NB_TEST_PROBLEMS "\n"
                           "六、其他需要报告的事项\n" NB_TEST_OTHER "\n");
  const char *text = nb_report_get_section_text (report, "overview");
  guint first = nb_report_get_section_line (report, 0, 0);
  guint last = first;

  g_assert_nonnull (text);
  g_assert_cmpuint (first, >, 0);
  for (const char *p = text; *p != '\0'; p++)
    {
      guint line = nb_report_get_section_line (report, 0, p - text);

      /* one line further after each line break, never back */
      g_assert_cmpuint (line, >=, last);
      if (p > text && p[-1] == '\n')
        g_assert_cmpuint (line, >, last);
      else
        g_assert_cmpuint (line, ==, last);
      last = line;
    }
  g_assert_cmpuint (last, >, first);
  g_assert_cmpuint (nb_report_get_section_line (report, 0, strlen (text)), ==, last);
  g_assert_cmpuint (nb_report_get_section_line (report, 0, G_MAXSIZE), ==, last);
}

/* "行政许可 十": a numeral after a row's label is the row's cell, kept as
 * written; a word is not, whatever the low byte of its code (中 is
 * U+4E2D, whose low byte is a '-'). */
static void
test_numeral_after_label (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  const char *words[] = { "十", "中", "是" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *row = g_strconcat ("行政许可 ", words[i], NULL);
      g_autofree char *t2 = nb_test_replace (T2, "行政许可\t0", row);
      g_autoptr(NbReport) report = import_report (fixture, t2, t3->str, T4);
      g_autoptr(NbValidator) validator = nb_validator_new (report);
      int licensing = nb_report_lookup_cell (report, "t2/licensing/decisions");

      if (i == 0)
        {
          g_assert_cmpstr (nb_report_get_cell_text (report, licensing), ==, "十");
          g_assert_cmpint (nb_report_get_cell_state (report, licensing), ==, NB_CELL_STATE_INVALID);
        }
      else
        {
          g_assert_null (nb_report_get_cell_text (report, licensing));
          g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-row"));
        }
    }
}

/* Marks that start with the bytes of a label's words ("无" as in
 * "无法提供"), a dash, and full-width digits are cells, not label text. */
static void
test_marks_and_wide_digits (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autofree char *t2 = nb_test_replace (T2, "行政许可\t0", "行政许可\t无");
  g_autofree char *t2a = nb_test_replace (t2, "行政处罚\t0", "行政处罚\t——");
  g_autofree char *t2b = nb_test_replace (t2a, "行政强制\t0", "行政强制 １２");
  g_autofree char *t2c = nb_test_replace (t2b, "规章\t0\t0\t0", "规章\t3\t－\t2元");
  g_autofree char *t2d = nb_test_replace (t2c, "行政事业性收费\t0", "行政事业性收费\t+5");
  g_autoptr(NbReport) report = import_report (fixture, t2d, t3->str, T4);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  int licensing = nb_report_lookup_cell (report, "t2/licensing/decisions");
  int punishment = nb_report_lookup_cell (report, "t2/punishment/decisions");
  int coercion = nb_report_lookup_cell (report, "t2/coercion/decisions");
  int issued = nb_report_lookup_cell (report, "t2/regulations/issued");

  g_assert_cmpstr (nb_report_get_cell_text (report, licensing), ==, "无");
  g_assert_cmpint (nb_report_get_cell_state (report, licensing), ==, NB_CELL_STATE_MARK);
  g_assert_cmpstr (nb_report_get_cell_text (report, punishment), ==, "——");
  g_assert_cmpint (nb_report_get_cell_state (report, punishment), ==, NB_CELL_STATE_MARK);
  g_assert_cmpint (nb_report_get_cell_state (report, coercion), ==, NB_CELL_STATE_VALUE);
  g_assert_cmpint (nb_report_get_cell_value (report, coercion), ==, 12);
  g_assert_cmpint (nb_report_get_cell_value (report, issued), ==, 3);
  g_assert_cmpint (nb_report_get_cell_state (report, issued + 1), ==, NB_CELL_STATE_MARK);
  g_assert_cmpstr (nb_report_get_cell_text (report, issued + 2), ==, "2元");
  /* a signed number is a cell, not a word of the label */
  g_assert_nonnull (nb_report_get_cell_text (report, nb_report_lookup_cell (report, "t2/fees/amount")));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-values"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.unknown-row"));
}

static void
test_wrapped_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autofree char *t3_text = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;

  /* a label over three lines, its numbers over two more */
  t3_text = nb_test_replace (t3->str, "5. 要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0",
                             "5.要求行政机关确认\n或重新出具\n已获取信息\n1 0 0 0\n0 0 1");
  report = import_report (fixture, T2, t3_text, T4);
  validator = nb_validator_new (report);
  g_assert_cmpint (nb_report_get_cell_value (report, nb_report_lookup_cell (report, "t3/not_processed.confirmation/natural_person")), ==, 1);
  g_assert_cmpint (nb_report_get_cell_value (report, nb_report_lookup_cell (report, "t3/not_processed.confirmation/total")), ==, 1);
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-row"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-values"));
  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "t3.results-total"));
}

static void
test_not_a_report (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *inputs[] = {
    "",
    "\n\n\n",
    "今天天气很好，我们去公园散步。\n然后回家吃饭。\n",
    "{\"hello\": 1}",
    "\xff\xfe\x00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_importer_import_data (fixture->importer, inputs[i],
                                                            strlen (inputs[i]) + (i == 4), &error);

      g_assert_null (report);
      g_assert_nonnull (error);
      g_assert_cmpuint (error->domain, ==, NB_ERROR);
    }
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  gsize size = NB_READER_MAX_FILE + 1;
  g_autofree char *big = g_malloc (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  memset (big, 'a', size);
  report = nb_importer_import_data (fixture->importer, big, size, &error);
  g_assert_null (report);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
}

static void
test_garbage_never_crashes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GBytes) seed = nb_test_load_seed ("004_f0cbcda3827e0aad");
  gsize size = g_bytes_get_size (seed);
  g_autofree char *copy = g_malloc (size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240101);

  /* random byte damage to a real report: it imports or fails, cleanly */
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = NULL;

      memcpy (copy, g_bytes_get_data (seed, NULL), size);
      for (guint i = 0; i < 1 + round % 20; i++)
        copy[g_rand_int_range (rand, 0, size)] = g_rand_int_range (rand, 0, 256);
      report = nb_importer_import_data (fixture->importer, copy, size, &error);
      g_assert_true ((report == NULL) != (error == NULL));
      if (report != NULL)
        {
          g_autoptr(NbValidator) validator = nb_validator_new (report);
          g_autoptr(GBytes) bytes = nb_canonical_write (report);

          g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
        }
    }
}


/* Replaces in place. */
static void
replace_in (char       **text,
            const char  *find,
            const char  *replacement)
{
  char *replaced = nb_test_replace (*text, find, replacement);

  g_free (*text);
  *text = replaced;
}

static gint64
cell_value (NbReport   *report,
            const char *address)
{
  int cell = nb_report_lookup_cell (report, address);

  g_assert_cmpint (cell, >=, 0);
  g_assert_cmpint (nb_report_get_cell_state (report, cell), ==, NB_CELL_STATE_VALUE);
  return nb_report_get_cell_value (report, cell);
}

static gboolean
cell_is_empty (NbReport   *report,
               const char *address)
{
  return nb_report_get_cell_state (report, nb_report_lookup_cell (report, address)) ==
         NB_CELL_STATE_EMPTY;
}

/* Each reading of an ambiguous run is a quick fix: taking one fills the
 * row and settles the finding, as one undo step. */
static void
check_reading_fix (NbReport     *report,
                   NbValidator  *validator,
                   NbDiagnostic *ambiguous)
{
  const char *row[] = { "t2/normative_documents/issued", "t2/normative_documents/repealed",
                        "t2/normative_documents/in_force" };
  const NbFix *fix = NULL;
  guint index = 0;

  g_assert_cmpuint (nb_diagnostic_get_n_fixes (ambiguous), >=, 2);
  for (guint i = 0; i < nb_diagnostic_get_n_fixes (ambiguous) && fix == NULL; i++)
    if (g_str_equal (nb_diagnostic_get_nth_fix (ambiguous, i)->label, "Read 693665 as 69 / 3 / 665"))
      fix = nb_diagnostic_get_nth_fix (ambiguous, index = i);
  g_assert_nonnull (fix);
  g_assert_cmpuint (fix->n_cells, ==, 3);
  g_assert_false (nb_diagnostic_get_fix (ambiguous, NULL, NULL));
  g_assert_false (nb_report_apply_nth_fix (report, ambiguous, nb_diagnostic_get_n_fixes (ambiguous)));

  g_assert_true (nb_report_apply_nth_fix (report, ambiguous, index));
  g_assert_cmpint (cell_value (report, row[0]), ==, 69);
  g_assert_cmpint (cell_value (report, row[1]), ==, 3);
  g_assert_cmpint (cell_value (report, row[2]), ==, 665);
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.ambiguous-digits"));

  g_assert_true (nb_report_undo (report));
  for (guint i = 0; i < G_N_ELEMENTS (row); i++)
    g_assert_true (cell_is_empty (report, row[i]));
  g_assert_true (nb_test_find_rule (G_LIST_MODEL (validator), "parse.ambiguous-digits") == ambiguous);
  g_assert_true (nb_report_redo (report));
  g_assert_cmpint (cell_value (report, row[2]), ==, 665);
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.ambiguous-digits"));
}

/* Digits that ran together: one reading fits the sums, or several do. */
static void
test_run_together (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autofree char *t3_text = NULL;
  g_autofree char *t2_text = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;
  NbDiagnostic *ambiguous;

  /* 一: 64 / 0 / 0 / 2 / 0 / 4 / 70, (七) likewise, 四 0 */
  t3_text = nb_test_replace (t3->str, "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
                             "一、本年新收政府信息公开申请数量 640020470");
  replace_in (&t3_text, "(七) 总计\t0\t0\t0\t0\t0\t0\t0", "(七) 总计 6400 2 0 470");
  replace_in (&t3_text, "1. 本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0",
                             "1. 本机关不掌握相关政府信息 640020470");
  t2_text = nb_test_replace (T2, "行政规范性文件\t0\t0\t0", "行政规范性文件 693665");
  report = import_report (fixture, t2_text, t3_text, "1020312000120000 0\n");
  validator = nb_validator_new (report);

  g_assert_cmpint (cell_value (report, "t3/received/natural_person"), ==, 64);
  g_assert_cmpint (cell_value (report, "t3/received/social_welfare"), ==, 2);
  g_assert_cmpint (cell_value (report, "t3/received/other"), ==, 4);
  g_assert_cmpint (cell_value (report, "t3/received/total"), ==, 70);
  g_assert_cmpint (cell_value (report, "t3/results_total/total"), ==, 70);
  g_assert_cmpint (cell_value (report, "t4/review/total"), ==, 3);
  g_assert_cmpint (cell_value (report, "t4/litigation_direct/upheld"), ==, 12);
  g_assert_cmpint (cell_value (report, "t4/litigation_direct/total"), ==, 12);
  g_assert_cmpuint (nb_test_count_rule (G_LIST_MODEL (validator), "parse.split-digits"), ==, 4);
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "t3.balance"));

  /* t2 has no sums: 693665 is never chosen silently */
  ambiguous = nb_test_find_rule (G_LIST_MODEL (validator), "parse.ambiguous-digits");
  g_assert_nonnull (ambiguous);
  g_assert_cmpint (nb_diagnostic_get_severity (ambiguous), ==, NB_SEVERITY_ERROR);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (ambiguous), "69 / 3 / 665"));
  g_assert_true (nb_diagnostic_involves_cell (ambiguous,
                                              nb_report_lookup_cell (report, "t2/normative_documents/issued")));
  g_assert_true (cell_is_empty (report, "t2/normative_documents/issued"));
  check_reading_fix (report, validator, ambiguous);
}

static char *
real_2019_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real-2019", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The finding of @rule that names the cell at @address, or NULL. */
static NbDiagnostic *
find_cell_rule (NbValidator *validator,
                NbReport    *report,
                const char  *rule,
                const char  *address)
{
  GListModel *model = G_LIST_MODEL (validator);
  int cell = nb_report_lookup_cell (report, address);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (model, i);

      if (g_str_equal (nb_diagnostic_get_rule_id (diagnostic), rule) &&
          nb_diagnostic_involves_cell (diagnostic, cell))
        return diagnostic;
    }
  return NULL;
}

/* Table 二 of the 2019 form run together: changes with their signs,
 * units in the cells, and runs that nothing in the document settles,
 * whose cells stay empty rather than hold a guess. */
static void
test_run_together_2019 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = real_2019_text ("pingtan-2020.page.txt");
  g_autofree char *with_unit = NULL;
  g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, text);
  g_autoptr(NbReport) unit_report = NULL;
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  g_autoptr(NbValidator) unit_validator = NULL;
  NbDiagnostic *diagnostic;

  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report)), ==, "2019");
  /* "35-15": the change starts with its sign */
  g_assert_nonnull (strstr (text, "行政事业性收费35-15第二十条"));
  g_assert_cmpint (cell_value (report, "t2/fees/previous_items"), ==, 35);
  g_assert_cmpint (cell_value (report, "t2/fees/change"), ==, -15);
  g_assert_nonnull (find_cell_rule (validator, report, "parse.split-digits", "t2/fees/change"));

  /* "2648-18538": 2648 in every reading; −18 / 538 or −185 / 38 … is
   * for the reader to say */
  g_assert_cmpint (cell_value (report, "t2/punishment/previous_items"), ==, 2648);
  g_assert_true (cell_is_empty (report, "t2/punishment/change"));
  g_assert_true (cell_is_empty (report, "t2/punishment/decisions"));
  diagnostic = find_cell_rule (validator, report, "parse.ambiguous-digits", "t2/punishment/change");
  g_assert_nonnull (diagnostic);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "2648 / -18 / 538"));
  g_assert_false (nb_diagnostic_involves_cell (diagnostic,
                                               nb_report_lookup_cell (report, "t2/punishment/previous_items")));
  diagnostic = find_cell_rule (validator, report, "parse.split-digits", "t2/punishment/previous_items");
  g_assert_nonnull (diagnostic);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "上一年项目数量 2648"));

  /* "39573802895.90元": a count, then an amount in 元, cut anywhere */
  g_assert_true (cell_is_empty (report, "t2/procurement/items"));
  g_assert_true (cell_is_empty (report, "t2/procurement/amount"));
  diagnostic = find_cell_rule (validator, report, "parse.ambiguous-digits", "t2/procurement/amount");
  g_assert_nonnull (diagnostic);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "395 / 73802895.90元"));

  /* a unit ends its cell: "395笔73802895.90元" */
  with_unit = nb_test_replace (text, "政府集中采购39573802895.90元", "政府集中采购395笔73802895.90元");
  unit_report = nb_test_import_string (fixture->importer, with_unit);
  unit_validator = nb_validator_new (unit_report);
  g_assert_cmpint (cell_value (unit_report, "t2/procurement/items"), ==, 395);
  g_assert_cmpint (cell_value (unit_report, "t2/procurement/amount"), ==, G_GINT64_CONSTANT (73802895900000));
  g_assert_nonnull (find_cell_rule (unit_validator, unit_report, "parse.unit", "t2/procurement/items"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (unit_validator), "parse.missing-row"));
}

/* "0000000三三、本年度办理结果": the numeral typed twice belongs to
 * neither the heading nor the numbers before it. */
static void
test_doubled_numeral (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *const columns[] = {
    "natural_person", "commercial", "research", "social_welfare", "legal_service", "other", "total",
  };
  g_autofree char *text = real_2019_text ("pingtan-czj-2019.page.txt");
  g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, text);
  g_autoptr(NbValidator) validator = nb_validator_new (report);

  g_assert_nonnull (strstr (text, "0000000三三、本年度办理结果"));
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_autofree char *address = g_strconcat ("t3/carried_over/", columns[c], NULL);

      g_assert_cmpint (cell_value (report, address), ==, 0);
    }
  g_assert_cmpint (cell_value (report, "t3/granted/total"), ==, 0);
  g_assert_null (find_cell_rule (validator, report, "parse.ambiguous-digits", "t3/carried_over/total"));
}

/* A page saved as one line: headings, labels and numbers run on; the
 * crawler's header is not the title. */
static void
test_inline_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("标题: 某区某局2023年度政府信息公开工作年度报告\n"
                                          "发布时间: 2024-01-31 08:28\n"
                                          "原文链接: https://example.gov.cn/1.htm\n"
                                          "==================== 正文 ====================\n"
                                          "根据《条例》编制本报告。一、总体情况2023年，我局认真落实。"
                                          "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数"
                                          "规章000行政规范性文件000行政许可1行政处罚0行政强制0"
                                          "行政事业性收费5949.09(二)主动公开的主要类别。三、收到和处理政府信息公开申请情况");
  g_autoptr(GString) t3 = t3_rows ();
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;

  /* the rows of 三 with their tabs and line ends gone */
  for (char *p = t3->str; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n')
      *p = ' ';
  g_string_append (text, t3->str);
  g_string_append (text, "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持总计 "
                         "000000000000000五、存在的主要问题及明年工作计划一是加强。"
                         "六、其他需要报告的事项无。\n");
  report = nb_test_import_string (fixture->importer, text->str);
  validator = nb_validator_new (report);

  g_assert_cmpstr (nb_report_get_organ (report), ==, "某区某局");
  g_assert_cmpuint (nb_report_get_year (report), ==, 2023);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (nb_report_get_extensions (report)),
                                                  "published"), ==, "2024-01-31");
  g_assert_cmpint (cell_value (report, "t2/licensing/decisions"), ==, 1);
  g_assert_cmpint (cell_value (report, "t2/fees/amount"), ==, 5949090000);
  g_assert_cmpint (cell_value (report, "t3/carried_forward/total"), ==, 0);
  g_assert_cmpint (cell_value (report, "t4/litigation_after_review/total"), ==, 0);
  g_assert_nonnull (strstr (nb_report_get_section_text (report, "overview"), "我局认真落实"));
  g_assert_null (strstr (nb_report_get_section_text (report, "overview"), "二、"));
  g_assert_nonnull (strstr (nb_report_get_section_text (report, "problems"), "一是加强"));
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 0);
}

/* Labels as people type them, and the 2019 form's （六） row. */
static void
test_fuzzy_and_older_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autofree char *t3_text = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;
  NbDiagnostic *older;

  t3_text = nb_test_replace (t3->str, "2. 其他法律行政法规禁止公开\t0", "2.其他法律行政止公开\t1");
  replace_in (&t3_text, "3. 危及“三安全一稳定”", "③危 及“三 安全一稳定”");
  replace_in (&t3_text,
                             "(六) 其他处理\t1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n"
                             "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n"
                             "3. 其他\t0\t0\t0\t0\t0\t0\t0\n",
                             "（六）其他处理\t2\t0\t0\t0\t0\t0\t2\n");
  report = import_report (fixture, T2, t3_text, T4);
  validator = nb_validator_new (report);

  /* the one row alone does not make the report one on the 2019 form */
  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report)), ==, "2021");
  g_assert_cmpint (cell_value (report, "t3/withheld.prohibited_by_law/natural_person"), ==, 1);
  g_assert_cmpuint (nb_test_count_rule (G_LIST_MODEL (validator), "parse.fuzzy-row"), ==, 2);
  g_assert_cmpint (cell_value (report, "t3/other_handling.other/natural_person"), ==, 2);
  g_assert_true (cell_is_empty (report, "t3/other_handling.no_correction/natural_person"));
  g_assert_cmpint (cell_value (report, "t3/other_handling.no_fee/commercial"), ==, 0);
  older = nb_test_find_rule (G_LIST_MODEL (validator), "struct.template-version");
  g_assert_nonnull (older);
  g_assert_cmpint (nb_diagnostic_get_severity (older), ==, NB_SEVERITY_WARNING);
  g_assert_true (nb_diagnostic_involves_cell (older,
                                              nb_report_lookup_cell (report, "t3/other_handling.no_correction/natural_person")));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-row"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.unknown-row"));
  /* not given by the layout, not "empty, write 0" */
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "cell.empty"));

  /* with the 2021 form's headers, the row is still said to be older once */
  g_clear_object (&validator);
  g_clear_object (&report);
  {
    g_autofree char *t2 = g_strconcat ("信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n", T2, NULL);

    report = import_report (fixture, t2, t3_text, T4);
  }
  validator = nb_validator_new (report);
  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report)), ==, "2021");
  g_assert_cmpint (cell_value (report, "t3/other_handling.other/natural_person"), ==, 2);
  g_assert_cmpuint (nb_test_count_rule (G_LIST_MODEL (validator), "struct.template-version"), ==, 1);

  /* two rows about as near: no guess */
  g_clear_object (&validator);
  g_clear_object (&report);
  g_free (t3_text);
  t3_text = nb_test_replace (t3->str, "8. 属于行政查询事项\t0", "8.属于行政执法事项\t0");
  report = import_report (fixture, T2, t3_text, T4);
  validator = nb_validator_new (report);
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.fuzzy-row"));
  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "parse.unknown-row"));
}

/* A sentence under a table that counts what a row counts is no row. */
static void
test_prose_in_table (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const sentences[] = {
    "本年度制发行政规范性文件2件，现行有效5件。\n",
    "说明：全年主动公开政府信息1200条，其中规范性文件12件。行政许可3件；\n",
  };
  g_autoptr(GString) t3 = t3_rows ();

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      g_autofree char *rows = g_strconcat ("规章\t1\t0\t4\n行政规范性文件\t2\t0\t5\n",
                                           sentences[i],
                                           "行政许可\t0\n行政处罚\t0\n行政强制\t0\n行政事业性收费\t0\n",
                                           NULL);
      g_autoptr(NbReport) report = import_report (fixture, rows, t3->str, T4);
      g_autoptr(NbValidator) validator = nb_validator_new (report);

      g_test_message ("%s", sentences[i]);
      g_assert_cmpint (cell_value (report, "t2/normative_documents/issued"), ==, 2);
      g_assert_cmpint (cell_value (report, "t2/normative_documents/in_force"), ==, 5);
      g_assert_cmpint (cell_value (report, "t2/licensing/decisions"), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (validator)), ==, 0);
    }
}

/* Another tool's extract: Markdown pipe tables, headings, page footers. */
static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GString) t3 = t3_rows ();
  g_autoptr(GString) text = g_string_new ("# 某某局 2024 年政府信息公开工作年度报告\n"
                                          "## 一、总体情况\n本报告说明。\n"
                                          "**二、主动公开政府信息情况**\n"
                                          "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
                                          "|---|---|---|---|\n"
                                          "| 规章 | 1 | 0 | 3 |\n"
                                          "— 4 —\n"
                                          "| 行政规范性文件 | 2 | 1 | 5 |\n"
                                          "|---|---|---|---|\n"
                                          "第 5 页\n"
                                          "| 行政许可 | 7 |\n| 行政处罚 | 0 |\n| 行政强制 | 0 |\n"
                                          "| 行政事业性收费 | 0 |\n"
                                          "- 6 -\n"
                                          "## 三、收到和处理政府信息公开申请情况\n");
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;

  g_string_append (text, t3->str);
  g_string_append (text, "## 四、政府信息公开行政复议、行政诉讼情况\n"
                         "| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
                         "## 五、存在的主要问题及改进情况\n无。\n## 六、其他需要报告的事项\n无。\n");
  report = nb_test_import_string (fixture->importer, text->str);
  validator = nb_validator_new (report);

  g_assert_cmpstr (nb_report_get_organ (report), ==, "某某局");
  g_assert_cmpint (cell_value (report, "t2/regulations/in_force"), ==, 3);
  g_assert_cmpint (cell_value (report, "t2/normative_documents/in_force"), ==, 5);
  g_assert_cmpint (cell_value (report, "t2/licensing/decisions"), ==, 7);
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 0);
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.unknown-row"));
}

/* A site's breadcrumbs before the title make no organ; one that still
 * looks like navigation is flagged. */
static void
test_navigation_organ (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;

  text = make_report (T2, NULL, T4);
  replace_in (&text, "某某局 2024 年政府信息公开工作年度报告",
                          "政府信息公开年报平潭综合实验区 2024 年政府信息公开工作年度报告");
  report = nb_test_import_string (fixture->importer, text);
  validator = nb_validator_new (report);
  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "parse.organ"));

  g_clear_object (&validator);
  g_clear_object (&report);
  g_free (text);
  text = make_report (T2, NULL, T4);
  replace_in (&text, "某某局 2024 年政府信息公开工作年度报告",
                          "当前位置：首页 > 政务公开\n某某局 2024 年政府信息公开工作年度报告");
  report = nb_test_import_string (fixture->importer, text);
  validator = nb_validator_new (report);
  g_assert_cmpstr (nb_report_get_organ (report), ==, "某某局");
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.organ"));
}

/* A page built as a layout table, the article in one of its cells and
 * the report's tables nested in it, reads as the page without it. */
static void
test_layout_table (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) page = nb_test_load_data ("formats", "000.html", NULL);
  g_autofree char *html = g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
  g_autofree char *wrapped = NULL;
  g_autoptr(NbReport) plain = NULL;
  g_autoptr(NbReport) layout = NULL;
  g_autoptr(GError) error = NULL;

  plain = nb_importer_import_data (fixture->importer, html, strlen (html), &error);
  g_assert_no_error (error);
  wrapped = nb_test_replace (html, "<body>",
                             "<body><table width=\"1000\"><tr><td>首页 &gt; 政务公开 &gt; 年报</td></tr>"
                             "<tr><td><div class=\"article\">");
  replace_in (&wrapped, "</body>",
                             "</div></td></tr><tr><td>版权所有 网站标识码</td></tr></table></body>");
  layout = nb_importer_import_data (fixture->importer, wrapped, strlen (wrapped), &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  g_assert_cmpstr (nb_report_get_organ (layout), ==, nb_report_get_organ (plain));
  for (guint c = 0; c < nb_report_get_n_cells (plain); c++)
    g_assert_cmpstr (nb_report_get_cell_text (layout, c), ==, nb_report_get_cell_text (plain, c));
}

/* A site's footer under the article ends the report: its 版权所有 and
 * browser advice are not section 六. */
static void
test_site_footer (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed ("000_773531145496868f");
  g_autofree char *seed = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *text = g_strconcat (seed, "\n版权所有：某县人民政府办公室 网站标识码：1234567890\n"
                                       "为确保最佳浏览效果，建议您使用以下浏览器版本：IE浏览器9.0版本及以上\n", NULL);
  g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, text);
  g_autoptr(NbReport) plain = nb_test_import_string (fixture->importer, seed);

  g_assert_nonnull (report);
  g_assert_cmpstr (nb_report_get_section_text (report, "other"), ==,
                   nb_report_get_section_text (plain, "other"));
  g_assert_null (strstr (nb_report_get_section_text (report, "other"), "版权所有"));
}

/* A footer's marker is found wherever the search for a heading's start
 * stopped on its way through the line: after a numeral and a stop that
 * start no heading, right after a footer's first bytes that are none,
 * at the line's very end, and in a line of Latin text only. */
static void
test_site_footer_after_heading_start (Fixture       *fixture,
                                      gconstpointer  data)
{
  static const char *const footers[] = {
    "说明一.主办单位：某县人民政府办公室",
    "主办某事，二、承办单位：某局",
    "公示公网安备 35",
    "某县人民政府网站Copyright",
    "Copyright 2024 example.gov.cn",
  };
  g_autoptr(GBytes) bytes = nb_test_load_seed ("000_773531145496868f");
  g_autofree char *seed = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(NbReport) plain = nb_test_import_string (fixture->importer, seed);

  for (guint i = 0; i < G_N_ELEMENTS (footers); i++)
    {
      g_autofree char *text = g_strconcat (seed, "\n", footers[i], "\n其后的文字\n", NULL);
      g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, text);

      g_assert_nonnull (report);
      g_assert_cmpstr (nb_report_get_section_text (report, "other"), ==,
                       nb_report_get_section_text (plain, "other"));
    }
}

/* A scan steps over a whole character of three bytes, and over anything
 * else a byte at a time: no byte that may start a character is skipped. */
static void
test_char_step (void)
{
  static const struct {
    const char *text;
    gsize       left;
    gsize       step;
  } cases[] = {
    { "a", 1, 1 },
    { "版权", 6, 3 },
    { "版", 2, 1 },                /* cut short */
    { "\xc3\xa9x", 3, 1 },         /* two bytes */
    { "\xf0\x9f\x98\x80", 4, 1 },   /* four bytes */
    { "\xe7\x89x", 3, 1 },         /* a lead byte, then ASCII */
    { "\xe7\xe7\x89\x88", 4, 1 },   /* a lead byte, then a character */
    { "\x89\x88", 2, 1 },          /* continuation bytes */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (nb_text_char_step ((const guchar *) cases[i].text, cases[i].left), ==,
                      cases[i].step);
}

/* A table's row labels are found in folded text that runs on, past
 * characters that share the low byte of a label's first character, stray
 * bytes and characters of two bytes; none in text without one. */
static void
test_keys_find (void)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  NbTemplateTable *table = g_ptr_array_index (nb_template_get_tables (template), 0);
  NbTemplateRow *row = g_ptr_array_index (table->rows, table->rows->len - 1);
  g_autofree char *fold = nb_label_fold_dup (row->label);
  gunichar first = g_utf8_get_char (fold);
  char decoy[8] = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  NbTableKeys *keys = nb_table_keys_new (template, 0);
  gsize start, end;

  /* another character of the same low byte, which starts no key */
  g_unichar_to_utf8 (first ^ 0x100, decoy);
  before = g_strconcat (decoy, decoy, "\xe7", "\x89", "\xc3\xa9", "x", NULL);
  text = g_strconcat (before, fold, "x", NULL);
  g_assert_true (nb_table_keys_find (keys, text, strlen (text), &start, &end));
  g_assert_cmpuint (start, ==, strlen (before));
  g_assert_cmpuint (end, ==, strlen (before) + strlen (fold));

  g_assert_false (nb_table_keys_find (keys, before, strlen (before), &start, &end));
  g_assert_cmpuint (start, ==, strlen (before));
  nb_table_keys_free (keys);
}

/* The folds of a table's row and group labels and their variants: the
 * keys nb_table_keys_find() looks for. */
static GPtrArray *
table_key_folds (NbTemplateTable *table)
{
  GPtrArray *folds = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < table->rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (table->rows, r);

      g_ptr_array_add (folds, nb_label_fold_dup (row->label));
      for (guint v = 0; row->variants[v] != NULL; v++)
        g_ptr_array_add (folds, nb_label_fold_dup (row->variants[v]));
    }
  for (guint g = 0; g < table->groups->len; g++)
    {
      NbTemplateGroup *group = g_ptr_array_index (table->groups, g);

      g_ptr_array_add (folds, nb_label_fold_dup (group->label));
      for (guint v = 0; group->variants[v] != NULL; v++)
        g_ptr_array_add (folds, nb_label_fold_dup (group->variants[v]));
    }
  return folds;
}

/* nb_table_keys_find() by trying every key at every byte. */
static gboolean
keys_find_plainly (GPtrArray  *folds,
                   const char *text,
                   gsize       length,
                   gsize      *start,
                   gsize      *end)
{
  for (gsize i = 0; i < length; i++)
    {
      gsize longest = 0;

      for (guint k = 0; k < folds->len; k++)
        {
          const char *fold = g_ptr_array_index (folds, k);
          gsize n = strlen (fold);

          if (n > longest && length - i >= n && memcmp (text + i, fold, n) == 0)
            longest = n;
        }
      if (longest > 0)
        {
          *start = i;
          *end = i + longest;
          return TRUE;
        }
    }
  *start = length;
  *end = 0;
  return FALSE;
}

/* Returns: where the label found ends, or 0 */
static gsize
assert_keys_find (NbTableKeys *keys,
                  GPtrArray   *folds,
                  const char  *text,
                  gsize        length)
{
  gsize start, end, plain_start, plain_end;
  gboolean found = nb_table_keys_find (keys, text, length, &start, &end);

  g_assert_cmpint (found, ==, keys_find_plainly (folds, text, length, &plain_start, &plain_end));
  g_assert_cmpuint (start, ==, plain_start);
  g_assert_cmpuint (end, ==, plain_end);
  return end;
}

/* The labels of every table are found in folded text where trying every
 * label at every byte finds them: in each seed folded, one after the
 * other, and in text of labels, characters that share their first
 * character's bytes, stray bytes and characters cut short. */
static void
test_keys_find_plainly (void)
{
  static const char *const pieces[] = {
    "\xe7", "\x89", "\xe7\x89", "\xc3\xa9", "x", "1", "其他", "部分", "二",
    "\xe4\xb8", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xf0\x9f\x98\x80", "　",
  };
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  GPtrArray *tables = nb_template_get_tables (template);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint t = 0; t < tables->len; t++)
    {
      NbTableKeys *keys = nb_table_keys_new (template, t);
      g_autoptr(GPtrArray) folds = table_key_folds (g_ptr_array_index (tables, t));

      for (guint i = 0; nb_test_seeds[i] != NULL; i++)
        {
          g_autoptr(GBytes) bytes = nb_test_load_seed (nb_test_seeds[i]);
          g_autoptr(GString) fold = g_string_new (NULL);

          nb_label_fold (fold, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          for (gsize at = 0, end = 1; end > 0; at += end)
            end = assert_keys_find (keys, folds, fold->str + at, fold->len - at);
        }
      for (guint n = 0; n < 2000; n++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          guint n_pieces = g_rand_int_range (rand, 1, 8);

          for (guint k = 0; k < n_pieces; k++)
            {
              const char *fold = g_ptr_array_index (folds, g_rand_int_range (rand, 0, folds->len));
              const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

              /* a key, or a key cut short, or any other piece */
              if (g_rand_int_range (rand, 0, 3) == 0)
                g_string_append_len (text, fold, g_rand_int_range (rand, 1, strlen (fold) + 1));
              else
                g_string_append (text, piece);
            }
          assert_keys_find (keys, folds, text->str, text->len);
        }
      nb_table_keys_free (keys);
    }
}

/* A folded window folds as labels are folded and says where in the line
 * each folded byte came from; an ideograph's lead byte without its two
 * continuation bytes is none, and the bytes after it are read. */
static void
test_folded_window (void)
{
  static const char line[] = "x规章\xe4" "A\x80" "B部分Ａ，\xe4\xb8";
  static const guint raw[] = { 0, 1, 1, 1, 4, 4, 4, 8, 9, 10, 11, 11, 11, 14, 14, 14, 17 };
  NbFolded folded = { 0 };

  nb_folded_window (&folded, line, 0, strlen (line));
  g_assert_cmpstr (folded.fold, ==, "x规章a\x80" "b部分a");
  g_assert_cmpuint (folded.length, ==, G_N_ELEMENTS (raw));
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    g_assert_cmpuint (nb_folded_raw_offset (&folded, i, 99), ==, raw[i]);
  g_assert_cmpuint (nb_folded_raw_offset (&folded, G_N_ELEMENTS (raw), 99), ==, 99);

  /* a window from within the line */
  nb_folded_window (&folded, line, 4, 11);
  g_assert_cmpstr (folded.fold, ==, "章a\x80" "b");
  g_assert_cmpuint (nb_folded_raw_offset (&folded, 3, 99), ==, 8);
  g_assert_cmpuint (nb_folded_raw_offset (&folded, 5, 99), ==, 10);
  nb_folded_clear (&folded);
}

/* The first folded byte from @at or after it, by reading every one. */
static gsize
first_at_plainly (const NbFolded *folded,
                  gsize           at)
{
  gsize i = 0;

  while (i < folded->length && nb_folded_raw_offset (folded, i, 0) < at)
    i++;
  return i;
}

/* Whether a numeral 一 to 十 and a stop after it, as a numbered heading
 * starts ("二、"), are anywhere in @line, by trying every byte. */
static gboolean
is_numbered_plainly (const char *line,
                     gsize       length)
{
  static const char *const stops[] = { "、", "．", ".", " " };

  for (gsize i = 0; i + 3 < length; i++)
    for (guint k = 0; k < G_N_ELEMENTS (stops); k++)
      if (nb_text_line_numeral (line + i, line + length) > 0 &&
          length - i - 3 >= strlen (stops[k]) && memcmp (line + i + 3, stops[k], strlen (stops[k])) == 0)
        return TRUE;
  return FALSE;
}

/* The fold of @text as a source of lines: each line's part of it is the
 * line folded as a window of its own, says where its bytes came from as
 * reading every byte tells, says no numbered heading starts in it only
 * where none does (and, for valid UTF-8, says one may wherever one
 * does), and, for valid UTF-8, the whole, nul bytes after it, is the
 * text folded as a label, line ends dropped. */
static void
assert_folded_source (const char *text,
                      gsize       length)
{
  g_autoptr(NbSource) source = nb_source_new_for_text (g_memdup2 (text, length + 1), length);
  g_autoptr(GString) label = g_string_new (NULL);
  NbFoldedSource whole = { 0 };
  NbFolded window = { 0 };

  nb_folded_source_init (&whole, source);
  for (guint l = 0; l < nb_source_get_n_lines (source); l++)
    {
      const NbSourceLine *line = nb_source_get_line (source, l);
      const NbSourcePiece *piece = nb_source_get_piece (source, line->first_piece);
      const char *piece_text = nb_source_get_text (source, piece);
      NbFolded part = { 0 };
      gboolean numbered;

      nb_folded_window (&window, piece_text, 0, piece->length);
      numbered = nb_folded_source_line (&whole, l, piece_text, piece->length, &part);
      if (is_numbered_plainly (piece_text, piece->length))
        g_assert_true (numbered);
      else if (g_utf8_validate_len (piece_text, piece->length, NULL))
        g_assert_false (numbered);
      g_assert_cmpmem (part.fold, part.length, window.fold, window.length);
      for (gsize i = 0; i <= part.length; i++)
        g_assert_cmpuint (nb_folded_raw_offset (&part, i, 999), ==,
                          nb_folded_raw_offset (&window, i, 999));
      for (gsize at = 0; at <= piece->length + 1; at++)
        {
          g_assert_cmpuint (nb_folded_first_at (&part, at), ==, first_at_plainly (&part, at));
          g_assert_cmpuint (nb_folded_first_at (&window, at), ==, first_at_plainly (&part, at));
        }
      g_assert_cmpuint (part.to, ==, piece->length);
      nb_label_fold (label, piece_text, piece->length);
    }
  if (g_utf8_validate_len (text, length, NULL))
    g_assert_cmpmem (whole.fold, whole.length, label->str, label->len);
  for (guint i = 0; i < NB_FOLDED_SOURCE_PADDING; i++)
    g_assert_cmpint (whole.fold[whole.length + i], ==, '\0');
  nb_folded_source_clear (&whole);
  nb_folded_clear (&window);
}

/* A source folded once is what folding each line and each label on its
 * own makes of it: for text as reports have it, for bytes that are not
 * UTF-8 and for every seed. */
static void
test_folded_source (void)
{
  static const char text[] = "（二）部分公开 (区分处理的)\n\n规章\t0\t１２\r\n"
                             "ABC，Ｘｙ：一、总体情况 \xc2\xa0 \xe3\x80\x80é\n最后一行\n"
                             "联系。二、主动公开\n三．收到 四.五 六\n七\n第八，九十、\n"
                             "x十、\n一二三四五六七八九十\n";

  static const char broken[] = "x\xe4" "A\x80" "B部分Ａ，\xe4\xb8\n\xc2\xa0\x80\x80é\xe3\x80\x81\x80"
                               "\xf0\x9f\x98\x80\x80 Ｚ\xef\xbc\n\xe4二、\x80三 \xe4\xb8四．\n\xe4";

  assert_folded_source (text, sizeof text - 1);
  assert_folded_source (broken, sizeof broken - 1);
  assert_folded_source ("", 0);
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = nb_test_load_seed (nb_test_seeds[i]);

      assert_folded_source (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
}

/* The step the byte tables of a scan tell is nb_text_char_step()'s, for
 * any three bytes: ASCII, lead and continuation bytes in any order. */
static void
test_bytes_steps (void)
{
  static const guchar samples[] = { 0x00, 'a', 0x7F, 0x80, 0x89, 0xBF, 0xC0, 0xC3,
                                    0xDF, 0xE0, 0xE4, 0xE7, 0xEF, 0xF0, 0xF8, 0xFF };
  guint8 bytes[3][256] = { { 0 } };

  nb_text_bytes_add_steps (bytes);
  for (guint a = 0; a < 256; a++)
    for (guint b = 0; b < G_N_ELEMENTS (samples); b++)
      for (guint c = 0; c < G_N_ELEMENTS (samples); c++)
        {
          const guchar text[] = { a, samples[b], samples[c] };
          guint8 bits = bytes[0][a] & bytes[1][samples[b]] & bytes[2][samples[c]];

          g_assert_cmpuint (bits & NB_TEXT_BYTES_STEP ? 3 : 1, ==, nb_text_char_step (text, 3));
          g_assert_false (bits & NB_TEXT_BYTES_MATCH);
        }
}

/* Each marker of a site's footer is found wherever it stands in a line,
 * even after bytes that are not UTF-8; text near one is no footer. */
static void
test_site_footer_markers (void)
{
  static const char *const footers[] = {
    "版权所有", "网站标识码：123", "闽ICP备12345678号", "闽公网安备 35", "建议您使用 IE",
    "浏览器版本", "主办单位：某县", "主办单位:某县", "承办单位：某局", "承办单位:某局",
    "Copyright 2024", "copyright", "某某版权所有", "x版权所有", "\xe7版权所有",
    "\xe7\x89版权所有", "1234 网站标识码",
  };
  static const char *const others[] = {
    "", "版权", "网站标识", "ICP", "主办单位 某县", "COPYRIGHT", "二、主动公开政府信息情况",
    "\xe7\x89权所有", "版\xe6\x9d所有",
  };
  NbSiteFooter footer;

  nb_site_footer_init (&footer);
  for (guint i = 0; i < G_N_ELEMENTS (footers); i++)
    g_assert_true (nb_text_line_is_site_footer (&footer, footers[i], strlen (footers[i])));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (nb_text_line_is_site_footer (&footer, others[i], strlen (others[i])));
  /* the length is the line's end */
  g_assert_false (nb_text_line_is_site_footer (&footer, "版权所有", 9));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/nianbao/import/" path, Fixture, NULL, nb_test_import_set_up, func, nb_test_import_tear_down)
  ADD ("seeds", test_seeds);
  ADD ("seed-details", test_seed_details);
  ADD ("pdf-title", test_pdf_title);
  ADD ("encodings", test_encodings);
  ADD ("variants", test_variants);
  ADD ("built-report-clean", test_built_report_clean);
  ADD ("extra-and-missing-values", test_extra_and_missing_values);
  ADD ("missing-row-and-table", test_missing_row_and_table);
  ADD ("unknown-and-duplicate-rows", test_unknown_and_duplicate_rows);
  ADD ("invalid-text-kept", test_invalid_text_kept);
  ADD ("numeral-after-label", test_numeral_after_label);
  ADD ("marks-and-wide-digits", test_marks_and_wide_digits);
  ADD ("section-lines", test_section_lines);
  ADD ("wrapped-rows", test_wrapped_rows);
  ADD ("not-a-report", test_not_a_report);
  ADD ("too-large", test_too_large);
  ADD ("garbage-never-crashes", test_garbage_never_crashes);
  ADD ("run-together", test_run_together);
  ADD ("run-together-2019", test_run_together_2019);
  ADD ("doubled-numeral", test_doubled_numeral);
  ADD ("inline-text", test_inline_text);
  ADD ("fuzzy-and-older-rows", test_fuzzy_and_older_rows);
  ADD ("prose-in-table", test_prose_in_table);
  ADD ("markdown", test_markdown);
  ADD ("navigation-organ", test_navigation_organ);
  ADD ("layout-table", test_layout_table);
  ADD ("site-footer", test_site_footer);
  ADD ("site-footer-after-heading-start", test_site_footer_after_heading_start);
#undef ADD
  g_test_add_func ("/nianbao/import/char-step", test_char_step);
  g_test_add_func ("/nianbao/import/keys-find", test_keys_find);
  g_test_add_func ("/nianbao/import/bytes-steps", test_bytes_steps);
  g_test_add_func ("/nianbao/import/folded-window", test_folded_window);
  g_test_add_func ("/nianbao/import/folded-source", test_folded_source);
  g_test_add_func ("/nianbao/import/keys-find-plainly", test_keys_find_plainly);
  g_test_add_func ("/nianbao/import/site-footer-markers", test_site_footer_markers);

  return g_test_run ();
}
