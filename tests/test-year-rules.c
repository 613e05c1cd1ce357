/* test-year-rules.c — copied text and tables, figures far from last year's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-test-util.h"

#include <nb-comparison.h>
#include <nb-report-private.h>
#include <nb-text-similarity.h>

#define SEED_HOUZHAI "003_babb1a0d8021a832"

typedef NbTestImport Fixture;

static char *
seed_text (const char *stem)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (stem);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static NbReport *
import_comparison_fixture (Fixture    *fixture,
                           const char *name)
{
  g_autoptr(GBytes) bytes = nb_test_load_data ("comparison", name, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return nb_test_import_string (fixture->importer, text);
}

static guint
count (NbComparison *comparison,
       const char   *rule_id)
{
  return nb_test_count_rule (nb_comparison_get_diagnostics (comparison), rule_id);
}

/* The function another view (a batch) uses on any two texts */
static void
test_similarity_function (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *names[] = { "侯寨办事处", NULL };
  g_autofree char *houzhai = seed_text (SEED_HOUZHAI);
  g_autofree char *yiluo = seed_text ("000_773531145496868f");
  g_autofree char *dakou = seed_text ("001_7d60a9f0c8604645");
  g_autofree char *next_year = NULL;
  g_autoptr(GPtrArray) boilerplate = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  const char *a = "本报告依据《中华人民共和国政府信息公开条例》要求编制。我们做了许多工作，成效显著。";
  const char *b = "本报告依据《中华人民共和国政府信息公开条例》要求编制。今年另有一番新的气象和安排。";
  g_autoptr(NbTextPrint) print = nb_text_print_new (houzhai, names, NULL);

  /* numbers, years and the organ's name do not count */
  next_year = g_strdup (houzhai);
  for (char *p = next_year; *p != '\0'; p++)
    if (*p == '4')
      *p = '5';
  g_assert_cmpfloat (nb_text_similarity (houzhai, next_year, names, NULL), ==, 1.0);
  g_assert_cmpfloat (nb_text_print_similarity (print, print), ==, 1.0);
  g_assert_cmpfloat (nb_text_similarity (houzhai, "", names, NULL), ==, 0.0);
  /* reports of two organs share their subject's words, not their text */
  g_assert_cmpfloat (nb_text_similarity (houzhai, yiluo, NULL, NULL), <, 0.5);
  g_assert_cmpfloat (nb_text_similarity (yiluo, dakou, NULL, NULL), <, 0.5);
  /* the statutory sentences are left out when asked */
  g_assert_cmpfloat (nb_text_similarity (a, b, NULL, NULL), >, 0.3);
  g_ptr_array_add (boilerplate, g_regex_new ("政府信息公开条例", 0, 0, NULL));
  g_assert_cmpfloat (nb_text_similarity (a, b, NULL, boilerplate), ==, 0.0);
}

/* The 2023 fixture is 2024's text with 2023's numbers: copied */
static void
test_text_copied (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NbReport) older = import_comparison_fixture (fixture, "houzhai-2023-matching.txt");
  g_autoptr(NbReport) newer = nb_test_import_seed (fixture->importer, SEED_HOUZHAI);
  g_autoptr(NbComparison) comparison = nb_comparison_new (older, newer);
  NbDiagnostic *diagnostic;

  g_assert_cmpfloat (nb_comparison_get_text_similarity (comparison, NULL), >=, 0.9);
  g_assert_cmpfloat (nb_comparison_get_text_similarity (comparison, "problems"), >=, 0.9);
  g_assert_cmpuint (count (comparison, "year.text-similarity"), ==, 1);
  diagnostic = nb_test_find_rule (nb_comparison_get_diagnostics (comparison), "year.text-similarity");
  g_assert_cmpstr (nb_diagnostic_get_message (diagnostic), ==,
                   "The text is 98 % the same as last year's, after numbers, years and the organ's "
                   "name are left out");
  g_assert_cmpint (nb_diagnostic_get_severity (diagnostic), ==, NB_SEVERITY_WARNING);

  /* a new 五: the whole is less alike, 一 still is */
  nb_report_set_section_text (newer, "problems",
                              "本年度依申请公开答复的规范性仍有欠缺，个别答复书引用条款不够准确，"
                              "信息发布审核流程存在衔接不畅的情况。下一步将组织专题培训，"
                              "建立答复书模板库，并由分管领导逐件把关，确保答复合法规范。");
  g_assert_cmpfloat (nb_comparison_get_text_similarity (comparison, "problems"), <, 0.5);
  g_assert_cmpuint (count (comparison, "year.text-similarity"), ==, 1);
  diagnostic = nb_test_find_rule (nb_comparison_get_diagnostics (comparison), "year.text-similarity");
  g_assert_true (g_str_has_prefix (nb_diagnostic_get_message (diagnostic), "Section 一 is "));
}

static void
test_text_own (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(NbReport) older = import_comparison_fixture (fixture, "houzhai-2023-matching.txt");
  g_autoptr(NbReport) newer = nb_test_import_seed (fixture->importer, SEED_HOUZHAI);
  g_autofree char *yiluo = seed_text ("000_773531145496868f");
  g_autoptr(NbReport) other = nb_test_import_string (fixture->importer, yiluo);
  g_autoptr(NbComparison) comparison = NULL;

  /* last year's own words: another organ's text, under 侯寨's name */
  for (guint s = 0; s < nb_template_get_n_sections (fixture->template); s++)
    if (nb_template_section_is_narrative (fixture->template, s))
      nb_report_load_section (older, s, g_strdup (nb_report_peek_section (other, s)), NULL);
  comparison = nb_comparison_new (older, newer);
  g_assert_cmpfloat (nb_comparison_get_text_similarity (comparison, NULL), <, 0.5);
  g_assert_cmpuint (count (comparison, "year.text-similarity"), ==, 0);
  /* 六 is too short to judge: the same fee statement every year is right */
  g_assert_cmpfloat (nb_comparison_get_text_similarity (comparison, "other"), ==, -1);
}

static void
test_tables_identical (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = seed_text (SEED_HOUZHAI);
  g_autofree char *last_year = nb_test_replace (text, "侯寨办事处 2024 年", "侯寨办事处 2023 年");
  g_autoptr(NbReport) older = nb_test_import_string (fixture->importer, last_year);
  g_autoptr(NbReport) newer = nb_test_import_seed (fixture->importer, SEED_HOUZHAI);
  g_autoptr(NbReport) matching = import_comparison_fixture (fixture, "houzhai-2023-matching.txt");
  g_autoptr(NbComparison) copied = nb_comparison_new (older, newer);
  g_autoptr(NbComparison) own = nb_comparison_new (matching, newer);

  g_assert_cmpuint (count (copied, "year.tables-identical"), ==, 1);
  g_assert_cmpuint (count (own, "year.tables-identical"), ==, 0);
  nb_test_set (newer, "t2/licensing/decisions", "3");
  g_assert_cmpuint (count (copied, "year.tables-identical"), ==, 0);
}

static void
test_jump (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(NbReport) older = nb_test_clean_report (fixture->template);
  g_autoptr(NbReport) newer = nb_test_clean_report (fixture->template);
  g_autoptr(NbComparison) comparison = NULL;
  NbDiagnostic *diagnostic;

  nb_report_set_organ (older, "某局");
  nb_report_set_organ (newer, "某局");
  nb_report_set_year (older, 2023);
  nb_report_set_year (newer, 2024);
  nb_test_set (older, "t3/received/total", "12");
  nb_test_set (newer, "t3/received/total", "40");
  nb_test_set (older, "t2/fees/amount", "3.5");
  nb_test_set (newer, "t2/fees/amount", "35000");
  comparison = nb_comparison_new (older, newer);
  /* ×3.3: no jump; the fee ×10 000: its unit */
  g_assert_cmpuint (count (comparison, "year.jump"), ==, 1);
  diagnostic = nb_test_find_rule (nb_comparison_get_diagnostics (comparison), "year.jump");
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "entered in 元 instead of 万元?"));
  g_assert_cmpint (nb_diagnostic_get_severity (diagnostic), ==, NB_SEVERITY_INFO);

  nb_test_set (newer, "t3/received/total", "61");
  g_assert_cmpuint (count (comparison, "year.jump"), ==, 2);
  /* last year under 10: any change may be a jump */
  nb_test_set (older, "t3/received/total", "2");
  nb_test_set (newer, "t2/fees/amount", "3.8");
  g_assert_cmpuint (count (comparison, "year.jump"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/nianbao/year-rules/" path, Fixture, NULL, nb_test_import_set_up, func, nb_test_import_tear_down)
  ADD ("similarity-function", test_similarity_function);
  ADD ("text-copied", test_text_copied);
  ADD ("text-own", test_text_own);
  ADD ("tables-identical", test_tables_identical);
  ADD ("jump", test_jump);
#undef ADD

  return g_test_run ();
}
