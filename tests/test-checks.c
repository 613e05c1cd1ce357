/* test-checks.c — the rules written as code, and findings marked checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nb-test-util.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <nb-check.h>
#include <nb-print-layout.h>
#include <nb-report-private.h>

typedef NbTestImport Fixture;

/* A seed with one piece of its text replaced, as a writer would have it. */
static NbReport *
import_edited (Fixture    *fixture,
               const char *stem,
               const char *find,
               const char *replacement)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (stem);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *edited = nb_test_replace (text, find, replacement);

  return nb_test_import_string (fixture->importer, edited);
}

/* The findings of @rule_id on @report, their messages joined by "\n". */
static char *
findings (NbReport   *report,
          const char *rule_id,
          guint      *n)
{
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  GListModel *model = G_LIST_MODEL (validator);
  GString *messages = g_string_new (NULL);

  *n = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (model, i);

      if (!g_str_equal (nb_diagnostic_get_rule_id (diagnostic), rule_id))
        continue;
      (*n)++;
      g_string_append_printf (messages, "%s\n", nb_diagnostic_get_message (diagnostic));
    }
  return g_string_free (messages, FALSE);
}

static void
assert_fires (NbReport   *report,
              const char *rule_id,
              guint       expected,
              const char *in_message)
{
  guint n;
  g_autofree char *messages = findings (report, rule_id, &n);

  if (n != expected)
    g_test_message ("%s: %s", rule_id, messages);
  g_assert_cmpuint (n, ==, expected);
  if (in_message != NULL)
    g_assert_nonnull (strstr (messages, in_message));
}

#define SEED_HOUZHAI "003_babb1a0d8021a832"
#define SEED_YILUO "000_773531145496868f"
#define HOUZHAI_PROBLEMS_START "在过去的 2024 年里"
#define HOUZHAI_PLAN "在接下来 2025 年的工作当中，我单位将进一步"

/* Structure */

static void
test_sections_missing (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(NbReport) report = import_edited (fixture, SEED_HOUZHAI,
                                              "五、存在的主要问题及改进情况\n", "");

  assert_fires (report, "struct.sections", 1, "“五、存在的主要问题及改进情况” is missing");
  /* the text of 五 then runs on in 四: nothing more is said about 五 */
  assert_fires (report, "narrative.problems", 0, NULL);
}

static void
test_sections_out_of_order (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (SEED_HOUZHAI);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *five = strstr (text, "五、存在的主要问题及改进情况");
  const char *six = strstr (text, "六、其他需要报告的事项");
  g_autofree char *swapped = NULL;
  g_autoptr(NbReport) report = NULL;

  /* 六 written before 五 */
  swapped = g_strdup_printf ("%.*s%s\n%.*s", (int) (five - text), text, six,
                             (int) (six - five), five);
  report = nb_test_import_string (fixture->importer, swapped);
  assert_fires (report, "struct.sections", 1,
                "“五、存在的主要问题及改进情况” comes after “六、其他需要报告的事项”");
}

static void
test_heading_number (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NbReport) report = import_edited (fixture, SEED_HOUZHAI, "六、其他需要报告的事项",
                                              "七、其他需要报告的事项");

  assert_fires (report, "struct.heading-number", 1, "is numbered 七; in the form it is 六");
  assert_fires (report, "struct.sections", 0, NULL);
}

/* a numbering of the report's own: one finding for all its headings */
static void
test_headings_renumbered (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (SEED_HOUZHAI);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *a = nb_test_replace (text, "二、主动公开政府信息情况", "一、主动公开政府信息情况");
  g_autofree char *b = nb_test_replace (a, "三、收到和处理政府信息公开申请情况", "二、收到和处理政府信息公开申请情况");
  g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, b);

  assert_fires (report, "struct.heading-number", 1,
                "2 headings are numbered otherwise than in the form: 一 for 二, 二 for 三");
}

/* Placeholders */

static void
test_placeholder (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NbReport) report =
    import_edited (fixture, SEED_YILUO, "2024 年伊洛街道未收到依申请公开事项。",
                   "2024 年伊洛街道未收到依申请公开事项。XX月XX日召开专题会议。（文字描述）");
  g_autoptr(NbReport) clean =
    import_edited (fixture, SEED_YILUO, "2024 年伊洛街道未收到依申请公开事项。",
                   "2024 年伊洛街道未收到依申请公开事项。12月31日前完成 XXL 号展板和 APP 更新。");

  assert_fires (report, "narrative.placeholder", 2, "“XX月XX日” is the form's placeholder");
  assert_fires (clean, "narrative.placeholder", 0, NULL);
}

/* Narrative against the tables (侯寨: 8 received, 1 carried over, 9
 * processed, 0 carried forward, 1 行政复议, no 行政诉讼) */

static void
test_processed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbReport) wrong = import_edited (fixture, SEED_HOUZHAI, "8 项均已按期办结",
                                             "全年共办结申请 12 件");
  g_autoptr(NbReport) right = import_edited (fixture, SEED_HOUZHAI, "8 项均已按期办结",
                                             "全年共办结申请 9 件，办结 2 件撤回申请");

  assert_fires (wrong, "narrative.processed", 1, "states 12, but table 三 三(七) 总计 has 9");
  assert_fires (right, "narrative.processed", 0, NULL);
}

static void
test_carried_over (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NbReport) wrong = import_edited (fixture, SEED_HOUZHAI, "其中群众送达",
                                             "上年结转申请 3 件，其中群众送达");
  g_autoptr(NbReport) right = import_edited (fixture, SEED_HOUZHAI, "其中群众送达",
                                             "上年结转申请 1 件，其中群众送达");

  assert_fires (wrong, "narrative.carried-over", 1, "states 3");
  assert_fires (right, "narrative.carried-over", 0, NULL);
}

static void
test_review_and_litigation (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(NbReport) wrong =
    import_edited (fixture, SEED_HOUZHAI, "0 项结转下年度继续办理。",
                   "0 项结转下年度继续办理。全年发生政府信息公开行政复议 3 件、行政诉讼 2 件。");
  g_autoptr(NbReport) right =
    import_edited (fixture, SEED_HOUZHAI, "0 项结转下年度继续办理。",
                   "0 项结转下年度继续办理。全年发生政府信息公开行政复议 1 件、行政诉讼 0 件。");

  assert_fires (wrong, "narrative.review", 1, "states 3, but table 四 行政复议 总计 has 1");
  assert_fires (wrong, "narrative.litigation", 1, "states 2");
  assert_fires (right, "narrative.review", 0, NULL);
  assert_fires (right, "narrative.litigation", 0, NULL);
}

static void
test_none_claims (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *claim = "0 项结转下年度继续办理。本年度未发生因政府信息公开引起的行政复议、行政诉讼。";
  const char *other = "0 项结转下年度继续办理。全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。";
  g_autoptr(NbReport) wrong = import_edited (fixture, SEED_HOUZHAI, "0 项结转下年度继续办理。", claim);
  g_autoptr(NbReport) not_a_claim = import_edited (fixture, SEED_HOUZHAI, "0 项结转下年度继续办理。", other);
  g_autoptr(NbReport) true_claim =
    import_edited (fixture, SEED_YILUO, "2024 年伊洛街道未收到依申请公开事项。",
                   "2024 年伊洛街道未收到依申请公开事项，未发生行政复议、行政诉讼。");

  assert_fires (wrong, "narrative.none-claims", 1, "says there were none, but table 四");
  assert_fires (not_a_claim, "narrative.none-claims", 0, NULL);
  assert_fires (true_claim, "narrative.none-claims", 0, NULL);
}

static void
test_all_closed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbReport) report = import_edited (fixture, SEED_HOUZHAI, "8 项均已按期办结",
                                              "8 项均已按期办结");
  g_autoptr(NbReport) last_year =
    import_edited (fixture, SEED_HOUZHAI, "8 项均已按期办结", "上年结转的申请均已办结");

  nb_test_set (report, "t3/carried_forward/total", "2");
  nb_test_set (last_year, "t3/carried_forward/total", "2");
  assert_fires (report, "narrative.all-closed", 1, "carries 2 forward");
  assert_fires (last_year, "narrative.all-closed", 0, NULL);
  nb_test_set (report, "t3/carried_forward/total", "0");
  assert_fires (report, "narrative.all-closed", 0, NULL);
}

static void
test_in_force (Fixture       *fixture,
               gconstpointer  data)
{
  const char *find = "0 项结转下年度继续办理。";
  g_autoptr(NbReport) report =
    import_edited (fixture, SEED_HOUZHAI, find, "0 项结转下年度继续办理。清理后现行有效行政规范性文件 5 件。");

  assert_fires (report, "narrative.in-force", 1, "states 5, but table 二 现行有效件数 has 0");
  nb_test_set (report, "t2/normative_documents/in_force", "5");
  assert_fires (report, "narrative.in-force", 0, NULL);
}

/* Sections 五 and 六 */

static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (SEED_HOUZHAI);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *start = strstr (text, HOUZHAI_PROBLEMS_START);
  const char *end = strstr (text, "六、其他需要报告的事项");
  g_autofree char *empty = g_strdup_printf ("%.*s无。\n\n%s", (int) (start - text), text, end);
  g_autofree char *praise = g_strdup_printf ("%.*s我单位政府信息公开工作成效显著，群众满意度高。\n\n%s",
                                             (int) (start - text), text, end);
  g_autoptr(NbReport) empty_report = nb_test_import_string (fixture->importer, empty);
  g_autoptr(NbReport) praise_report = nb_test_import_string (fixture->importer, praise);

  assert_fires (empty_report, "narrative.problems", 1, "it is empty");
  assert_fires (praise_report, "narrative.problems", 2, "names no problem");

  /* "暂无", "没有." with blanks around say nothing; a word more says something */
  nb_report_set_section_text (praise_report, "problems", " 暂无 ");
  assert_fires (praise_report, "narrative.problems", 1, "it is empty");
  nb_report_set_section_text (praise_report, "problems", "没有.\n");
  assert_fires (praise_report, "narrative.problems", 1, "it is empty");
  nb_report_set_section_text (praise_report, "problems", "暂无无");
  assert_fires (praise_report, "narrative.problems", 2, "names no problem");
}

static guint
count_rule (GListModel *model,
            const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (model, i);

      n += g_str_equal (nb_diagnostic_get_rule_id (diagnostic), rule_id);
    }
  return n;
}

/* A blank form's sections are not yet written: what 五 and 六 must say
 * is asked once the clerk has begun the narrative. */
static void
test_blank_form (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_report_new (fixture->template);
  g_autoptr(NbValidator) validator = nb_validator_new (report);

  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.problems"), ==, 0);
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.fee-statement"), ==, 0);
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "struct.sections"), ==, 0);
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "struct.overview-topics"), ==, 0);

  nb_report_set_section_text (report, "overview", "  \n");
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.problems"), ==, 0);

  nb_report_set_section_text (report, "overview", "本机关认真贯彻落实政务公开工作要求。");
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.problems"), ==, 1);
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.fee-statement"), ==, 1);
  assert_fires (report, "narrative.problems", 1, "it is empty");
  assert_fires (report, "narrative.fee-statement", 1, "信息处理费");
  assert_fires (report, "struct.sections", 0, NULL);

  nb_report_set_section_text (report, "other", "本年度未收取信息处理费。");
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.fee-statement"), ==, 0);

  /* the words taken out again, the sections wait again: what the rules
   * share is not kept past a change */
  nb_report_set_section_text (report, "overview", "");
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.problems"), ==, 1);
  nb_report_set_section_text (report, "other", "");
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.problems"), ==, 0);
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.fee-statement"), ==, 0);
}

/* A placeholder is passed over whole however long it runs ("ＸＸ…" over
 * a thousand bytes): the text after it, or nothing, tells whether the
 * narrative was begun. */
static void
test_long_placeholder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_report_new (fixture->template);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  g_autoptr(GString) run = g_string_new ("（");

  for (guint i = 0; i < 400; i++)
    g_string_append (run, "Ｘ");
  nb_report_set_section_text (report, "overview", run->str);
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.problems"), ==, 0);

  g_string_append (run, "年本机关认真贯彻落实政务公开工作要求。");
  nb_report_set_section_text (report, "overview", run->str);
  g_assert_cmpuint (count_rule (G_LIST_MODEL (validator), "narrative.problems"), ==, 1);
}

/* The official blank template opened is the form as issued: its
 * "（文字描述）" are the form's; once a cell is filled they are words
 * left in, and its sections are judged as published. */
static void
test_blank_template (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "template-2021-blank.docx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_importer_import_file (fixture->importer, file, NULL, &error);

  g_assert_no_error (error);
  assert_fires (report, "narrative.placeholder", 0, NULL);
  assert_fires (report, "narrative.problems", 0, NULL);
  assert_fires (report, "narrative.fee-statement", 0, NULL);
  assert_fires (report, "struct.overview-topics", 0, NULL);

  nb_report_set_cell_text (report, nb_template_lookup_cell (fixture->template, "t3/received/natural_person"),
                           "4");
  assert_fires (report, "narrative.placeholder", 3, "“（文字描述）” is the form's placeholder");
  assert_fires (report, "narrative.problems", 2, "names no problem");
  assert_fires (report, "struct.overview-topics", 1, NULL);
}

static void
test_plan_year (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbReport) stale = import_edited (fixture, SEED_HOUZHAI, HOUZHAI_PLAN,
                                             "2024 年，我单位将继续");
  g_autoptr(NbReport) right = import_edited (fixture, SEED_HOUZHAI, HOUZHAI_PLAN,
                                             "2025 年，我单位将继续");

  assert_fires (stale, "narrative.plan-year", 1, "is for 2024; a report for 2024 plans for 2025");
  assert_fires (right, "narrative.plan-year", 0, NULL);
}

static void
test_fee_statement (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbReport) report =
    import_edited (fixture, SEED_HOUZHAI,
                   "依据《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》（国办函〔2020〕109 号）的规定，我单位本年度未收取相关费用。",
                   "无。");

  assert_fires (report, "narrative.fee-statement", 1, "信息处理费");
}

/* Plausibility */

static void
test_in_force_lt_issued (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_clean_report (fixture->template);

  nb_test_set (report, "t2/normative_documents/issued", "5");
  nb_test_set (report, "t2/normative_documents/in_force", "3");
  assert_fires (report, "t2.in-force-lt-issued", 1, "3 in force is fewer than the 5 issued");
  nb_test_set (report, "t2/normative_documents/in_force", "12");
  assert_fires (report, "t2.in-force-lt-issued", 0, NULL);
}

static void
test_stale_year (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbReport) stale =
    import_edited (fixture, SEED_HOUZHAI, "2024 年，在上级政府及政务公开主管部门的指导下，侯寨街道办事处",
                   "2023 年，我单位在上级政府及政务公开主管部门的指导下，侯寨街道办事处");
  g_autoptr(NbReport) current =
    import_edited (fixture, SEED_HOUZHAI, "2024 年，在上级政府及政务公开主管部门的指导下，侯寨街道办事处",
                   "2024 年，我单位在上级政府及政务公开主管部门的指导下，与 2023 年相比，侯寨街道办事处");

  assert_fires (stale, "narrative.stale-year", 1, "speaks of 2023 as the year reported on; the report is for 2024");
  assert_fires (current, "narrative.stale-year", 0, NULL);
}

static void
test_overview_topics (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_clean_report (fixture->template);

  nb_report_set_section_text (report, "overview",
                              "（一）主动公开。全年主动公开信息 70 条。（二）依申请公开。未收到申请。"
                              "（三）平台建设。优化门户网站栏目。");
  assert_fires (report, "struct.overview-topics", 1, "says nothing of 政府信息管理、监督保障");
  nb_report_set_section_text (report, "overview",
                              "（一）主动公开。全年主动公开信息 70 条。（二）依申请公开。未收到申请。"
                              "（三）政府信息管理。规范发布审核。（四）平台建设。优化门户网站栏目。"
                              "（五）监督保障。纳入年度考核。");
  assert_fires (report, "struct.overview-topics", 0, NULL);
}

static void
test_fee_magnitude (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_clean_report (fixture->template);

  /* 淮安市's 96171.6 万元 is real; 24 252 311.08 is 元 in a 万元 cell */
  nb_test_set (report, "t2/fees/amount", "96171.6");
  assert_fires (report, "t2.fee-magnitude", 0, NULL);
  nb_test_set (report, "t2/fees/amount", "24252311.08");
  assert_fires (report, "t2.fee-magnitude", 1, "24252311.08 万元 is more than 100 亿元");
}

static void
test_column_swap (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_clean_report (fixture->template);

  /* one application received from a 自然人, answered under 其他 */
  nb_test_set (report, "t3/received/natural_person", "1");
  nb_test_set (report, "t3/received/total", "1");
  nb_test_set (report, "t3/granted/other", "1");
  nb_test_set (report, "t3/results_total/other", "1");
  nb_test_set (report, "t3/granted/total", "1");
  nb_test_set (report, "t3/results_total/total", "1");
  assert_fires (report, "t3.column-swap-hint", 1,
                "1 application is probably counted under “其他” instead of “自然人”");
  /* one more received in 其他 too: no longer a swap */
  nb_test_set (report, "t3/received/other", "2");
  assert_fires (report, "t3.column-swap-hint", 0, NULL);
}

#define SEED_DAKOU "001_7d60a9f0c8604645"
#define DAKOU_RECEIVED "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1"

/* 1 from a 自然人 and 2 from 商业企业, typed as "12" under 自然人: the
 * hint offers the split, which fills both cells in one step and ends it */
static void
test_split_cell (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbReport) report = import_edited (fixture, SEED_DAKOU, DAKOU_RECEIVED,
                                              "一、本年新收政府信息公开申请数量\t\t12\t0\t0\t0\t0\t0\t3");
  g_autoptr(NbValidator) validator = NULL;
  NbDiagnostic *hint;
  const NbFix *fix;

  assert_fires (report, "t3.split-cell-hint", 1,
                "the row adds up if “12” under 自然人 is two numbers, 1 under 自然人 and 2 under 商业企业");
  validator = nb_validator_new (report);
  hint = nb_test_find_rule (G_LIST_MODEL (validator), "t3.split-cell-hint");
  g_assert_nonnull (hint);
  g_assert_cmpint (nb_diagnostic_get_severity (hint), ==, NB_SEVERITY_INFO);
  g_assert_cmpuint (nb_diagnostic_get_n_fixes (hint), ==, 1);
  fix = nb_diagnostic_get_nth_fix (hint, 0);
  g_assert_cmpstr (fix->label, ==, "Split “12” into 1 and 2");
  g_assert_cmpuint (fix->n_cells, ==, 2);

  g_assert_true (nb_report_apply_nth_fix (report, hint, 0));
  g_assert_cmpint (nb_report_get_cell_value (report, nb_report_lookup_cell (report, "t3/received/natural_person")), ==, 1);
  g_assert_cmpint (nb_report_get_cell_value (report, nb_report_lookup_cell (report, "t3/received/commercial")), ==, 2);
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "t3.split-cell-hint"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "t3.row-total"));
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (nb_report_get_cell_text (report, nb_report_lookup_cell (report, "t3/received/natural_person")), ==, "12");
  g_assert_cmpstr (nb_report_get_cell_text (report, nb_report_lookup_cell (report, "t3/received/commercial")), ==, "0");
  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "t3.split-cell-hint"));
}

/* where it must not fire: a row that adds up, a wrong total that no split
 * explains, and a split that could go either way */
static void
test_split_cell_not (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NbReport) adds_up = import_edited (fixture, SEED_DAKOU, DAKOU_RECEIVED,
                                               "一、本年新收政府信息公开申请数量\t\t12\t0\t0\t0\t0\t0\t12");
  g_autoptr(NbReport) no_split = import_edited (fixture, SEED_DAKOU, DAKOU_RECEIVED,
                                                "一、本年新收政府信息公开申请数量\t\t12\t0\t0\t0\t0\t0\t4");
  g_autoptr(NbReport) either = import_edited (fixture, SEED_DAKOU, DAKOU_RECEIVED,
                                              "一、本年新收政府信息公开申请数量\t\t0\t12\t0\t0\t0\t0\t3");
  g_autoptr(NbReport) has_neighbour = import_edited (fixture, SEED_DAKOU, DAKOU_RECEIVED,
                                                     "一、本年新收政府信息公开申请数量\t\t12\t1\t0\t0\t0\t0\t4");

  assert_fires (adds_up, "t3.split-cell-hint", 0, NULL);
  assert_fires (no_split, "t3.split-cell-hint", 0, NULL);
  assert_fires (either, "t3.split-cell-hint", 0, NULL);
  assert_fires (has_neighbour, "t3.split-cell-hint", 0, NULL);
  assert_fires (has_neighbour, "t3.row-total", 1, NULL);
}

static void
test_published_late (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *statement = "本单位 2024 年未收取政府信息公开处理费。";
  g_autoptr(NbReport) late = import_edited (fixture, SEED_YILUO, statement,
                                            "本单位 2024 年未收取政府信息公开处理费。\n偃师区财政局\n2025年3月5日");
  g_autoptr(NbReport) in_time = import_edited (fixture, SEED_YILUO, statement,
                                               "本单位 2024 年未收取政府信息公开处理费。\n偃师区财政局\n2025年1月20日");
  g_autoptr(NbReport) government = import_edited (fixture, SEED_YILUO, statement,
                                                  "本单位 2024 年未收取政府信息公开处理费。\n偃师区人民政府\n2025年3月5日");

  nb_report_set_organ (late, "偃师区财政局");
  nb_report_set_organ (in_time, "偃师区财政局");
  nb_report_set_organ (government, "偃师区人民政府");
  assert_fires (late, "meta.published-late", 1, "a department publishes its report for 2024 by 2025年1月31日");
  assert_fires (in_time, "meta.published-late", 0, NULL);
  assert_fires (government, "meta.published-late", 0, NULL);
  /* a 街道办事处 is neither: not judged */
  nb_report_set_organ (late, "伊洛街道办事处");
  assert_fires (late, "meta.published-late", 0, NULL);
}

/* A web page says when it was published; that date is the one judged,
 * before any signature. */
static void
test_published_late_by_page (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (SEED_YILUO);
  g_autofree char *seed = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *late_text = g_strconcat ("发布时间: 2025-03-05 10:12\n栏目: 政府信息公开年报\n", seed, NULL);
  g_autofree char *in_time_text = g_strconcat ("发布时间: 2025-01-20 09:00\n", seed, NULL);
  g_autoptr(NbReport) late = nb_test_import_string (fixture->importer, late_text);
  g_autoptr(NbReport) in_time = nb_test_import_string (fixture->importer, in_time_text);

  nb_report_set_organ (late, "偃师区财政局");
  nb_report_set_organ (in_time, "偃师区财政局");
  assert_fires (late, "meta.published-late", 1, "Published 2025年3月5日; a department publishes its report for 2024");
  assert_fires (in_time, "meta.published-late", 0, NULL);
}

/* A PDF of @report, as a word processor would save it on @created. */
static NbReport *
import_pdf_created (Fixture    *fixture,
                    NbReport   *report,
                    const char *created)
{
  g_autoptr(NbPrintLayout) layout = nb_print_layout_new (report, NB_PAGE_A4_WIDTH, NB_PAGE_A4_HEIGHT);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize length = 0;
  NbReport *read;
  int fd = g_file_open_tmp ("nianbao-XXXXXX.pdf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  surface = cairo_pdf_surface_create (path, NB_PAGE_A4_WIDTH, NB_PAGE_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);
  for (guint page = 0; page < nb_print_layout_get_n_pages (layout); page++)
    {
      nb_print_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (path);
  read = nb_importer_import_data (fixture->importer, contents, length, &error);
  g_assert_no_error (error);
  return read;
}

/* A PDF's creation date is its publication date when its text states
 * none; it is judged before the signature. */
static void
test_published_late_by_pdf (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *statement = "本单位 2024 年未收取政府信息公开处理费。";
  g_autoptr(NbReport) seed = nb_test_import_seed (fixture->importer, SEED_YILUO);
  g_autoptr(NbReport) signed_in_time = import_edited (fixture, SEED_YILUO, statement,
                                                     "本单位 2024 年未收取政府信息公开处理费。\n偃师区财政局\n2025年1月20日");
  g_autoptr(NbReport) late = import_pdf_created (fixture, seed, "2025-03-05T10:12:00+08:00");
  g_autoptr(NbReport) in_time = import_pdf_created (fixture, seed, "2025-01-20T09:00:00+08:00");
  g_autoptr(NbReport) late_signed = import_pdf_created (fixture, signed_in_time, "2025-03-05T10:12:00");
  g_autoptr(NbReport) copy = import_pdf_created (fixture, seed, "2026-12-07T10:00:00+08:00");
  JsonObject *extensions = json_node_get_object (nb_report_get_extensions (late));

  g_assert_cmpstr (json_object_get_string_member (extensions, "published"), ==, "2025-03-05");
  nb_report_set_organ (late, "偃师区财政局");
  nb_report_set_organ (in_time, "偃师区财政局");
  nb_report_set_organ (late_signed, "偃师区财政局");
  assert_fires (late, "meta.published-late", 1, "Published 2025年3月5日; a department publishes its report for 2024");
  assert_fires (in_time, "meta.published-late", 0, NULL);
  /* signed in time, but the file was made after the deadline: it was
   * not published before it was made */
  assert_fires (late_signed, "meta.published-late", 1, "Published 2025年3月5日");
  /* a file made two years on is a copy: its date is not the publication's */
  g_assert_null (nb_report_get_extensions (copy));
  nb_report_set_organ (copy, "偃师区财政局");
  assert_fires (copy, "meta.published-late", 0, NULL);
}

/* Text (notes) */

static NbReport *
report_with_problems (Fixture    *fixture,
                      const char *problems)
{
  NbReport *report = nb_test_clean_report (fixture->template);

  nb_report_set_section_text (report, "problems", problems);
  return report;
}

static void
test_enumeration (Fixture       *fixture,
                  gconstpointer  data)
{
  /* as published in 平潭's report for 2023 */
  g_autoptr(NbReport) slip =
    report_with_problems (fixture, "主要有以下几个方面：一是部分单位信息发布不及时；三是开拓创新不够有力；"
                                   "三是政策解读的质量有待提高。下一步将加强培训。");
  g_autoptr(NbReport) lists =
    report_with_problems (fixture, "存在问题：一是公开不够及时；二是解读不够丰富。改进情况一是加强审核；"
                                   "二是统一是非标准，三是唯一是指定平台。");

  assert_fires (slip, "text.enumeration", 2, "“三是” follows “一是”; the list would go on with “二是”");
  assert_fires (lists, "text.enumeration", 0, NULL);
}

static void
test_repeated_word (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbReport) slip = report_with_problems (fixture, "二是规范审核审核发布机制，下一步将加强的的培训。");
  g_autoptr(NbReport) right = report_with_problems (fixture, "信息的的确确有待完善，常常更新不及时，下一步将层层把关。");

  assert_fires (slip, "text.repeated-word", 2, "“审核” is written twice in a row");
  assert_fires (right, "text.repeated-word", 0, NULL);
}

static void
test_punctuation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NbReport) slip = report_with_problems (fixture, "信息公开有待加强,下一步将完善（制度。");
  g_autoptr(NbReport) right = report_with_problems (fixture, "信息公开有待加强，下一步将完善（制度），见 1,200 条与 www.gov.cn。");

  assert_fires (slip, "text.punctuation", 2, "A half-width “,” in Chinese text");
  assert_fires (slip, "text.punctuation", 2, "Section 五 opens “（” 1 times and closes “）” 0 times");
  assert_fires (right, "text.punctuation", 0, NULL);
}

/* Each pair is counted in its section, however its marks mix */
static void
test_punctuation_pairs (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(NbReport) slip =
    report_with_problems (fixture, "见《条例》《办法》》与“公开”“【目录】】”，（一）（二）。");

  assert_fires (slip, "text.punctuation", 2, "Section 五 opens “《” 2 times and closes “》” 3 times");
  assert_fires (slip, "text.punctuation", 2, "Section 五 opens “【” 1 times and closes “】” 2 times");
}

static void
test_latin (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(NbReport) slip =
    report_with_problems (fixture, "<!--[endif]-->信息公开有待加强，通过多种渠道进行宣传 and 解读。");
  g_autoptr(NbReport) right =
    report_with_problems (fixture, "信息公开有待加强，下一步将完善APP和PDF下载，见 http://www.gov.cn/a.html。");

  assert_fires (slip, "text.latin", 2, "“endif” is not Chinese");
  assert_fires (right, "text.latin", 0, NULL);
}

/* A long text without a full stop, with a finding at every step: each
 * rule stops at its eighth finding and quotes no more than a sentence */
static void
test_long_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_clean_report (fixture->template);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "公开,审核XX审核审核一是三是");
  nb_report_set_section_text (report, "problems", text->str);
  /* one note for each sentence quoted */
  g_free (findings (report, "text.punctuation", &n));
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, 8);
  g_free (findings (report, "narrative.placeholder", &n));
  g_assert_cmpuint (n, ==, 8);
}

/* Real reports: what each rule finds, all read and judged */

static const struct
{
  const char *file;
  const char *rule;
  guint       n;
} real_findings[] = {
  { "001_7d60a9f0c8604645.txt", "text.latin", 1 },
  { "001_7d60a9f0c8604645.txt", "text.punctuation", 8 },
  { "004_f0cbcda3827e0aad.txt", "text.punctuation", 1 },
  { "pingtan-2023.html", "narrative.in-force", 1 },
  { "pingtan-2023.html", "text.enumeration", 2 },
  { "pingtan-2023.html", "text.punctuation", 1 },
  { "shanghai-kewei-2024.source.md", "struct.heading-number", 1 },
  { "shanghai-kewei-2024.source.md", "struct.sections", 1 },
  { "shanghai-kewei-2024.source.md", "text.repeated-word", 1 },
  { "shanghai-office-2025.source.md", "struct.sections", 1 },
};

static const char *const check_rules[] = {
  "struct.sections", "struct.heading-number", "narrative.placeholder", "narrative.processed",
  "narrative.carried-over", "narrative.review", "narrative.litigation", "narrative.in-force",
  "narrative.none-claims", "narrative.all-closed", "narrative.problems", "narrative.plan-year",
  "narrative.fee-statement", "narrative.stale-year", "struct.overview-topics", "t2.in-force-lt-issued",
  "t2.fee-magnitude", "t3.column-swap-hint", "t3.split-cell-hint", "meta.published-late", "text.enumeration",
  "text.repeated-word", "text.punctuation", "text.latin",
};

static guint
expected_findings (const char *file,
                   const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (real_findings); i++)
    if (g_str_equal (real_findings[i].file, file) && g_str_equal (real_findings[i].rule, rule))
      return real_findings[i].n;
  return 0;
}

static void
check_real_file (Fixture    *fixture,
                 const char *directory,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", directory, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_importer_import_file (fixture->importer, file, NULL, &error);

  g_assert_no_error (error);
  for (guint r = 0; r < G_N_ELEMENTS (check_rules); r++)
    {
      guint n;
      g_autofree char *messages = findings (report, check_rules[r], &n);

      if (n != expected_findings (name, check_rules[r]))
        g_test_message ("%s: %s", name, messages);
      g_assert_cmpuint (n, ==, expected_findings (name, check_rules[r]));
    }
}

/* The real reports this version reads, and the seeds */
static const char *const real_files[] = {
  "hongze-2023.pdf", "hongze-2024.pdf", "huaian-2024.pdf", "pingtan-2023.html",
  "shanghai-kewei-2024.source.md", "shanghai-office-2025.source.md", "template-2021-blank.docx",
};

static void
test_real_reports (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (real_files); i++)
    check_real_file (fixture, "real", real_files[i]);
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autofree char *seed = g_strconcat (nb_test_seeds[i], ".txt", NULL);

      check_real_file (fixture, "seeds", seed);
    }
}

/* Findings marked checked */

#define T4_REVIEW "t4/review/total"

static NbDiagnostic *
find (NbValidator *validator,
      const char  *rule_id)
{
  NbDiagnostic *diagnostic = nb_test_find_rule (G_LIST_MODEL (validator), rule_id);

  g_assert_nonnull (diagnostic);
  return diagnostic;
}

static void
test_mark_checked (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_clean_report (fixture->template);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  NbDiagnostic *diagnostic;

  nb_test_set (report, T4_REVIEW, "1");
  nb_report_seal_undo (report);
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 1);
  diagnostic = find (validator, "t4.total");
  g_assert_null (nb_report_get_checked (report, diagnostic));

  nb_report_set_checked (report, diagnostic, "scope differs: 区政府办 only");
  /* still listed, as checked; it no longer counts */
  diagnostic = find (validator, "t4.total");
  g_assert_cmpstr (nb_diagnostic_get_checked (diagnostic), ==, "scope differs: 区政府办 only");
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (validator)), ==, 1);

  /* Undo takes the mark back, Redo sets it again */
  g_assert_true (nb_report_undo (report));
  g_assert_null (nb_diagnostic_get_checked (find (validator, "t4.total")));
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 1);
  g_assert_cmpstr (nb_report_get_cell_text (report, nb_report_lookup_cell (report, T4_REVIEW)), ==, "1");
  g_assert_true (nb_report_redo (report));
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 0);

  nb_report_set_checked (report, find (validator, "t4.total"), NULL);
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 1);
}

static void
test_mark_reopens (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_clean_report (fixture->template);
  g_autoptr(NbValidator) validator = nb_validator_new (report);

  nb_test_set (report, T4_REVIEW, "1");
  nb_test_set (report, "t2/normative_documents/issued", "4");
  nb_report_seal_undo (report);
  nb_report_set_checked (report, find (validator, "t4.total"), "");
  nb_report_set_checked (report, find (validator, "t2.in-force-lt-issued"), "repealed at once");
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 0);
  g_assert_cmpuint (nb_validator_get_n_warnings (validator), ==, 0);

  /* a cell of another finding: this one stays checked */
  nb_test_set (report, "t2/normative_documents/in_force", "1");
  nb_report_seal_undo (report);
  g_assert_cmpstr (nb_diagnostic_get_checked (find (validator, "t4.total")), ==, "");
  g_assert_cmpuint (nb_validator_get_n_warnings (validator), ==, 1);

  /* one of its own cells: it opens again with its new numbers */
  nb_test_set (report, T4_REVIEW, "2");
  nb_report_seal_undo (report);
  g_assert_null (nb_diagnostic_get_checked (find (validator, "t4.total")));
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 1);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (find (validator, "t4.total")), "总计 = 2"));

  /* undoing the change brings the cell and the mark back, as one step */
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (nb_diagnostic_get_checked (find (validator, "t4.total")), ==, "");
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 0);
}

static void
test_mark_saved (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_clean_report (fixture->template);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NbReport) read = NULL;
  g_autoptr(NbValidator) read_validator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  nb_test_set (report, T4_REVIEW, "1");
  nb_report_set_section_text (report, "problems", "无。");
  nb_report_set_checked (report, find (validator, "t4.total"), "scope differs: \"区政府办\" only");
  nb_report_set_checked (report, find (validator, "narrative.problems"), "");
  bytes = nb_canonical_write (report);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "\"checked\": [\n"
                                  "    { \"rule\": \"narrative.problems\", \"cells\": [], "
                                  "\"subject\": \"empty\", \"note\": \"\" },\n"
                                  "    { \"rule\": \"t4.total\", \"cells\": [\"t4/review/total\", "));

  read = nb_canonical_read (fixture->template, g_bytes_get_data (bytes, NULL),
                            g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  read_validator = nb_validator_new (read);
  g_assert_cmpuint (nb_validator_get_n_errors (read_validator), ==, 0);
  g_assert_cmpuint (nb_validator_get_n_warnings (read_validator), ==, 0);
  g_assert_cmpstr (nb_diagnostic_get_checked (find (read_validator, "t4.total")), ==,
                   "scope differs: \"区政府办\" only");
}

static void
assert_refused (Fixture    *fixture,
                const char *mark,
                const char *message)
{
  g_autoptr(NbReport) report = nb_test_clean_report (fixture->template);
  g_autoptr(GBytes) bytes = nb_canonical_write (report);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) read = NULL;
  char *end = strrchr (text, '}');

  *end = '\0';
  edited = g_strdup_printf ("%s, \"checked\": [%s] }", text, mark);
  read = nb_canonical_read (fixture->template, edited, strlen (edited), &error);
  g_assert_null (read);
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message));
}

static void
test_mark_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_refused (fixture, "{ \"rule\": \"t4.total\", \"cells\": [\"t9/x/y\"], \"note\": \"\" }",
                  "$.checked[0].cells[0]: not a cell of the template");
  assert_refused (fixture, "{ \"rule\": \"a\\nb\", \"cells\": [], \"note\": \"\" }",
                  "$.checked[0].rule: expected one line of text");
  assert_refused (fixture, "{ \"rule\": \"t4.total\", \"cells\": [], \"note\": \"\", \"by\": 1 }",
                  "$.checked[0].by: unknown key");
  assert_refused (fixture, "{ \"rule\": \"t4.total\", \"cells\": [] }", "note");
  assert_refused (fixture, "7", "$.checked[0]");
}

/* A finding quotes the sentence around a place: from the mark that
 * ends the one before to the mark that ends it, without its leading
 * blanks, cut after 60 characters, and no further than 600 bytes either
 * way when it has no end. */
static void
test_quote (void)
{
  g_autofree char *sixty = NULL;
  g_autofree char *long_run = NULL;
  g_autofree char *long_quote = NULL;
  GString *run = g_string_new (NULL);

  for (guint i = 0; i < 60; i++)
    g_string_append (run, i % 2 == 0 ? "公" : "开");
  sixty = g_strdup (run->str);
  g_string_prepend (run, "前句。");
  g_string_append (run, "！后句");

  struct { const char *text; const char *at; const char *quote; } cases[] = {
    { "第一句。 \t第二句，有逗号；第三句", "逗", "第二句，有逗号" },
    { "一行\n二行;三行？四行", "行;", "二行" },
    { "一行\n二行;三行？四行", "四", "四行" },
    { "只有一句", "一", "只有一句" },
    { "结尾。", "。", "结尾" },
    { "é和𠀀在一起！", "和", "é和𠀀在一起" },
    { run->str, "公", sixty },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quote = nb_check_quote (cases[i].text, strstr (cases[i].text, cases[i].at) - cases[i].text);

      g_assert_cmpstr (quote, ==, cases[i].quote);
    }
  /* one character more, and it is cut */
  g_string_insert (run, strlen ("前句。"), "多");
  {
    g_autofree char *quote = nb_check_quote (run->str, strlen ("前句。"));
    g_autofree char *start = g_utf8_substring (sixty, 0, 59);
    g_autofree char *expected = g_strconcat ("多", start, "…", NULL);

    g_assert_cmpstr (quote, ==, expected);
  }
  g_string_free (run, TRUE);

  /* no end in sight: 600 bytes back, the character that reaches past */
  long_run = g_strnfill (1000, 'a');
  long_quote = nb_check_quote (long_run, 700);
  g_assert_cmpuint (strlen (long_quote), ==, strlen ("…") + 60);
}

/* A place that begins a run of blanks longer than the 600 bytes looked
 * ahead has nothing to quote: the quote is empty, never a crash. */
static void
test_quote_blank_run (void)
{
  const char *blanks[] = { " ", "\t", " \t" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GString) text = g_string_new ("前句。");
      g_autofree char *quote = NULL;
      g_autofree char *inside = NULL;

      for (guint n = 0; n < 700; n++)
        g_string_append (text, blanks[i]);
      g_string_append (text, "后句");
      quote = nb_check_quote (text->str, strlen ("前句。"));
      g_assert_cmpstr (quote, ==, "");
      /* from inside the run, back to the full stop and 600 bytes ahead */
      inside = nb_check_quote (text->str, strlen ("前句。") + 50);
      g_assert_cmpstr (inside, ==, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/nianbao/checks/" path, Fixture, NULL, nb_test_import_set_up, func, nb_test_import_tear_down)
  ADD ("sections-missing", test_sections_missing);
  ADD ("sections-out-of-order", test_sections_out_of_order);
  ADD ("heading-number", test_heading_number);
  ADD ("headings-renumbered", test_headings_renumbered);
  ADD ("placeholder", test_placeholder);
  ADD ("processed", test_processed);
  ADD ("carried-over", test_carried_over);
  ADD ("review-and-litigation", test_review_and_litigation);
  ADD ("none-claims", test_none_claims);
  ADD ("all-closed", test_all_closed);
  ADD ("in-force", test_in_force);
  ADD ("problems", test_problems);
  ADD ("blank-form", test_blank_form);
  ADD ("blank-template", test_blank_template);
  ADD ("long-placeholder", test_long_placeholder);
  ADD ("plan-year", test_plan_year);
  ADD ("fee-statement", test_fee_statement);
  ADD ("in-force-lt-issued", test_in_force_lt_issued);
  ADD ("stale-year", test_stale_year);
  ADD ("overview-topics", test_overview_topics);
  ADD ("fee-magnitude", test_fee_magnitude);
  ADD ("column-swap", test_column_swap);
  ADD ("split-cell", test_split_cell);
  ADD ("split-cell-not", test_split_cell_not);
  ADD ("published-late", test_published_late);
  ADD ("published-late-by-page", test_published_late_by_page);
  ADD ("published-late-by-pdf", test_published_late_by_pdf);
  ADD ("enumeration", test_enumeration);
  ADD ("repeated-word", test_repeated_word);
  ADD ("punctuation", test_punctuation);
  ADD ("punctuation-pairs", test_punctuation_pairs);
  ADD ("latin", test_latin);
  ADD ("long-text", test_long_text);
  ADD ("real-reports", test_real_reports);
  ADD ("mark-checked", test_mark_checked);
  ADD ("mark-reopens", test_mark_reopens);
  ADD ("mark-saved", test_mark_saved);
  ADD ("mark-refused", test_mark_refused);
#undef ADD
  g_test_add_func ("/nianbao/checks/quote", test_quote);
  g_test_add_func ("/nianbao/checks/quote-blank-run", test_quote_blank_run);

  return g_test_run ();
}
