/* test-rules.c — every validation rule, fired and not fired
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <string.h>

typedef struct
{
  NbTemplate  *template;
  NbReport    *report;
  NbValidator *validator;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->report = nb_test_clean_report (fixture->template);
  fixture->validator = nb_validator_new (fixture->report);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->validator)), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->validator);
  g_assert_finalize_object (fixture->report);
  g_assert_finalize_object (fixture->template);
}

static GListModel *
model (Fixture *fixture)
{
  return G_LIST_MODEL (fixture->validator);
}

static void
set (Fixture    *fixture,
     const char *address,
     const char *text)
{
  nb_test_set (fixture->report, address, text);
}

static void
assert_cells (NbDiagnostic *diagnostic,
              const char   *first,
              ...)
{
  const char * const *cells = nb_diagnostic_get_cells (diagnostic);
  guint i = 0;
  va_list args;

  va_start (args, first);
  for (const char *address = first; address != NULL; address = va_arg (args, const char *), i++)
    {
      g_assert_nonnull (cells[i]);
      g_assert_cmpstr (cells[i], ==, address);
    }
  va_end (args);
  g_assert_null (cells[i]);
}

/* struct.overview-topics notes what a one-sentence 一 leaves out, which
 * is not what these tests are about */
static guint
n_findings (Fixture *fixture)
{
  return g_list_model_get_n_items (model (fixture)) -
         nb_test_count_rule (model (fixture), "struct.overview-topics");
}

static void
assert_only (Fixture    *fixture,
             const char *rule_id,
             guint       count)
{
  g_assert_cmpuint (n_findings (fixture), ==, count);
  g_assert_cmpuint (nb_test_count_rule (model (fixture), rule_id), ==, count);
}

static void
test_cell_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *invalid[] = { "8起", "-1", "1.5", "一", "1 2", "12..3", "0x10" };
  static const char *valid[] = { "８", " 8 ", "0", "007" };
  NbDiagnostic *diagnostic;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      set (fixture, "t2/licensing/decisions", invalid[i]);
      assert_only (fixture, "cell.invalid", 1);
      diagnostic = nb_test_find_rule (model (fixture), "cell.invalid");
      assert_cells (diagnostic, "t2/licensing/decisions", NULL);
      g_assert_cmpint (nb_diagnostic_get_severity (diagnostic), ==, NB_SEVERITY_ERROR);
      g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), invalid[i]));
      g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "本年处理决定数量 行政许可"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      set (fixture, "t2/licensing/decisions", valid[i]);
      assert_only (fixture, "cell.invalid", 0);
    }

  /* amounts: up to six decimal places */
  set (fixture, "t2/fees/amount", "24252.311082");
  assert_only (fixture, "cell.invalid", 0);
  g_assert_cmpint (nb_report_get_cell_value (fixture->report,
                                             nb_report_lookup_cell (fixture->report, "t2/fees/amount")),
                   ==, G_GINT64_CONSTANT (24252311082));
  set (fixture, "t2/fees/amount", "1.1234567");
  assert_only (fixture, "cell.invalid", 1);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (nb_test_find_rule (model (fixture), "cell.invalid")),
                            "6 decimal places"));
}

static void
test_cell_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *marks[] = { "/", "—", "－", "-", "无" };
  NbDiagnostic *diagnostic;

  set (fixture, "t3/received/research", "");
  assert_only (fixture, "cell.empty", 1);
  diagnostic = nb_test_find_rule (model (fixture), "cell.empty");
  g_assert_cmpint (nb_diagnostic_get_severity (diagnostic), ==, NB_SEVERITY_WARNING);
  assert_cells (diagnostic, "t3/received/research", NULL);
  /* the empty cell stops the sums that read it, instead of a false imbalance */
  g_assert_false (nb_test_has_rule (model (fixture), "t3.row-total"));

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      set (fixture, "t3/received/research", marks[i]);
      /* a mark says "not applicable": a finding of its own, not an empty cell */
      assert_only (fixture, "cell.na", 1);
      diagnostic = nb_test_find_rule (model (fixture), "cell.na");
      g_assert_cmpint (nb_diagnostic_get_severity (diagnostic), ==, NB_SEVERITY_WARNING);
      g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), marks[i]));
      g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "not applicable"));
      g_assert_false (nb_test_has_rule (model (fixture), "t3.row-total"));
    }
  set (fixture, "t3/received/research", "0");
  assert_only (fixture, "cell.empty", 0);
}

static void
test_row_total (Fixture       *fixture,
                gconstpointer  data)
{
  NbDiagnostic *diagnostic;

  set (fixture, "t3/received/natural_person", "5");
  set (fixture, "t3/received/commercial", "2");
  set (fixture, "t3/received/total", "6");
  /* also breaks the balance of three columns: look at the row total only */
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "t3.row-total"), ==, 1);
  diagnostic = nb_test_find_rule (model (fixture), "t3.row-total");
  g_assert_cmpstr (nb_diagnostic_get_message (diagnostic), ==,
                   "一: 总计 = 6, but 自然人 + 法人或其他组织各列 = 7");
  assert_cells (diagnostic, "t3/received/total", "t3/received/natural_person",
                "t3/received/commercial", "t3/received/research", "t3/received/social_welfare",
                "t3/received/legal_service", "t3/received/other", NULL);

  set (fixture, "t3/received/total", "7");
  g_assert_false (nb_test_has_rule (model (fixture), "t3.row-total"));
}

static void
test_results_total (Fixture       *fixture,
                    gconstpointer  data)
{
  NbDiagnostic *diagnostic;
  guint n;

  set (fixture, "t3/granted/research", "1");
  set (fixture, "t3/withheld.third_party/research", "2");
  set (fixture, "t3/other_handling.other/research", "4");
  diagnostic = nb_test_find_rule (model (fixture), "t3.results-total");
  g_assert_nonnull (diagnostic);
  g_assert_cmpstr (nb_diagnostic_get_message (diagnostic), ==,
                   "科研机构: 三(七) = 0, but 三(一)至(六)之和 = 7");
  n = g_strv_length ((GStrv) nb_diagnostic_get_cells (diagnostic));
  g_assert_cmpuint (n, ==, 22);
  g_assert_cmpstr (nb_diagnostic_get_cells (diagnostic)[0], ==, "t3/results_total/research");
  g_assert_cmpstr (nb_diagnostic_get_cells (diagnostic)[21], ==, "t3/other_handling.other/research");

  set (fixture, "t3/results_total/research", "7");
  g_assert_false (nb_test_has_rule (model (fixture), "t3.results-total"));
}

static void
test_balance (Fixture       *fixture,
              gconstpointer  data)
{
  NbDiagnostic *diagnostic;

  set (fixture, "t3/received/natural_person", "8");
  set (fixture, "t3/carried_over/natural_person", "1");
  set (fixture, "t3/results_total/natural_person", "8");
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "t3.balance"), ==, 1);
  diagnostic = nb_test_find_rule (model (fixture), "t3.balance");
  g_assert_cmpstr (nb_diagnostic_get_message (diagnostic), ==,
                   "自然人: 一 + 二 = 9, but 三(七) + 四 = 8");
  assert_cells (diagnostic, "t3/received/natural_person", "t3/carried_over/natural_person",
                "t3/results_total/natural_person", "t3/carried_forward/natural_person", NULL);

  set (fixture, "t3/carried_forward/natural_person", "1");
  g_assert_false (nb_test_has_rule (model (fixture), "t3.balance"));
  /* a rule with an empty input is not evaluated */
  set (fixture, "t3/carried_forward/natural_person", "");
  g_assert_false (nb_test_has_rule (model (fixture), "t3.balance"));
  set (fixture, "t3/carried_forward/natural_person", "x");
  g_assert_false (nb_test_has_rule (model (fixture), "t3.balance"));
}

static void
test_t4_total (Fixture       *fixture,
               gconstpointer  data)
{
  NbDiagnostic *diagnostic;

  set (fixture, "t4/litigation_direct/upheld", "2");
  set (fixture, "t4/litigation_direct/pending", "1");
  set (fixture, "t4/litigation_direct/total", "2");
  assert_only (fixture, "t4.total", 1);
  diagnostic = nb_test_find_rule (model (fixture), "t4.total");
  g_assert_cmpstr (nb_diagnostic_get_message (diagnostic), ==,
                   "未经复议直接起诉: 总计 = 2, but 维持 + 纠正 + 其他 + 尚未审结 = 3");
  assert_cells (diagnostic, "t4/litigation_direct/total", "t4/litigation_direct/upheld",
                "t4/litigation_direct/corrected", "t4/litigation_direct/other",
                "t4/litigation_direct/pending", NULL);

  set (fixture, "t4/litigation_direct/total", "3");
  assert_only (fixture, "t4.total", 0);
}

static void
set_overview (Fixture    *fixture,
              const char *text)
{
  nb_report_set_section_text (fixture->report, "overview", text);
}

static void
test_narrative_received (Fixture       *fixture,
                         gconstpointer  data)
{
  NbDiagnostic *diagnostic;

  set (fixture, "t3/received/natural_person", "8");
  set (fixture, "t3/received/total", "8");
  set (fixture, "t3/carried_over/natural_person", "1");
  set (fixture, "t3/carried_over/total", "1");
  set (fixture, "t3/results_total/natural_person", "9");
  set (fixture, "t3/results_total/total", "9");
  set (fixture, "t3/granted/natural_person", "9");
  set (fixture, "t3/granted/total", "9");
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 0);

  set_overview (fixture, "2024 年，我单位共计收到政府信息公开申请 8 起，均已办结。");
  g_assert_false (nb_test_has_rule (model (fixture), "narrative.received"));
  /* received + carried over, as some writers count it */
  set_overview (fixture, "全年共受理政府信息公开申请９件。");
  g_assert_false (nb_test_has_rule (model (fixture), "narrative.received"));

  set_overview (fixture, "本年度共收到政府信息公开申请 12 件。");
  assert_only (fixture, "narrative.received", 1);
  diagnostic = nb_test_find_rule (model (fixture), "narrative.received");
  g_assert_cmpint (nb_diagnostic_get_severity (diagnostic), ==, NB_SEVERITY_WARNING);
  assert_cells (diagnostic, "t3/received/total", NULL);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "12"));
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), " 8 "));
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), " 9 "));

  /* fixing the table clears it */
  set (fixture, "t3/received/total", "11");
  g_assert_false (nb_test_has_rule (model (fixture), "narrative.received"));
  set (fixture, "t3/received/total", "8");

  set_overview (fixture, "2024 年未收到依申请公开事项。");
  assert_only (fixture, "narrative.received", 1);
  set_overview (fixture, "本单位政务公开工作稳步推进。");
  g_assert_false (nb_test_has_rule (model (fixture), "narrative.received"));
}

static void
test_narrative_carried_forward (Fixture       *fixture,
                                gconstpointer  data)
{
  NbDiagnostic *diagnostic;

  set_overview (fixture, "8 项均已按期办结，0 项结转下年度继续办理。");
  g_assert_false (nb_test_has_rule (model (fixture), "narrative.carried-forward"));

  set_overview (fixture, "其中 2 件结转下年度继续办理。");
  assert_only (fixture, "narrative.carried-forward", 1);
  diagnostic = nb_test_find_rule (model (fixture), "narrative.carried-forward");
  assert_cells (diagnostic, "t3/carried_forward/total", NULL);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "2"));

  /* not evaluated while the cell is empty */
  set (fixture, "t3/carried_forward/total", "");
  g_assert_false (nb_test_has_rule (model (fixture), "narrative.carried-forward"));
}

static void
test_meta_year (Fixture       *fixture,
                gconstpointer  data)
{
  NbDiagnostic *diagnostic;

  nb_report_set_year (fixture->report, 2024);
  set_overview (fixture, "本报告中所列数据统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。");
  g_assert_false (nb_test_has_rule (model (fixture), "meta.year"));

  set_overview (fixture, "本报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。");
  assert_only (fixture, "meta.year", 1);
  diagnostic = nb_test_find_rule (model (fixture), "meta.year");
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "2023"));
  g_assert_nonnull (strstr (nb_diagnostic_get_message (diagnostic), "2024"));
  g_assert_null (nb_diagnostic_get_cells (diagnostic)[0]);

  nb_report_set_year (fixture->report, 2023);
  g_assert_false (nb_test_has_rule (model (fixture), "meta.year"));
  nb_report_set_year (fixture->report, 0);
  g_assert_false (nb_test_has_rule (model (fixture), "meta.year"));
}

/* Counts the model's items-changed signals to check their consistency. */
static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_items)
{
  g_assert_cmpuint (position + removed, <=, *n_items);
  *n_items = *n_items - removed + added;
  g_assert_cmpuint (*n_items, ==, g_list_model_get_n_items (list));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_incremental (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n_cells = nb_report_get_n_cells (fixture->report);
  guint n_items = 0;
  guint n_notify = 0;
  static const char *texts[] = { "0", "1", "2", "3", "", "x", "/" };

  g_signal_connect (fixture->validator, "items-changed", G_CALLBACK (items_changed_cb), &n_items);
  g_signal_connect (fixture->validator, "notify::n-errors", G_CALLBACK (notify_cb), &n_notify);

  /* after any edits, the live list equals a fresh full validation */
  for (guint round = 0; round < 2000; round++)
    {
      guint cell = g_rand_int_range (rand, 0, n_cells);

      nb_report_set_cell_text (fixture->report, cell, texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))]);
      if (round % 100 == 99)
        {
          g_autoptr(NbValidator) fresh = nb_validator_new (fixture->report);
          guint n = g_list_model_get_n_items (G_LIST_MODEL (fresh));

          g_assert_cmpuint (n, ==, g_list_model_get_n_items (model (fixture)));
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(NbDiagnostic) a = g_list_model_get_item (G_LIST_MODEL (fresh), i);
              g_autoptr(NbDiagnostic) b = g_list_model_get_item (model (fixture), i);

              g_assert_cmpstr (nb_diagnostic_get_rule_id (a), ==, nb_diagnostic_get_rule_id (b));
              g_assert_cmpstr (nb_diagnostic_get_message (a), ==, nb_diagnostic_get_message (b));
            }
          g_assert_cmpuint (nb_validator_get_n_errors (fresh), ==, nb_validator_get_n_errors (fixture->validator));
          g_assert_cmpuint (nb_validator_get_n_warnings (fresh), ==, nb_validator_get_n_warnings (fixture->validator));
        }
    }
  g_assert_cmpuint (n_notify, >, 0);
  g_assert_true (nb_report_get_modified (fixture->report));
}

static void
count_changes_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

/* A validator made once says what a live one says, and keeps saying it
 * after the report changes. */
static void
test_once (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(NbValidator) once = NULL;
  g_autoptr(GPtrArray) live_found = NULL;
  g_autoptr(GPtrArray) once_found = NULL;
  guint n_changes = 0;

  set (fixture, "t3/received/natural_person", "3");
  set (fixture, "t3/received/research", "x");
  once = nb_validator_new_once (fixture->report);
  g_assert_true (nb_validator_get_report (once) == fixture->report);
  g_signal_connect (once, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);

  live_found = nb_validator_dup_sorted (fixture->validator);
  once_found = nb_validator_dup_sorted (once);
  g_assert_cmpuint (live_found->len, >, 0);
  g_assert_cmpuint (once_found->len, ==, live_found->len);
  for (guint i = 0; i < live_found->len; i++)
    {
      NbDiagnostic *a = g_ptr_array_index (live_found, i);
      NbDiagnostic *b = g_ptr_array_index (once_found, i);

      g_assert_cmpstr (nb_diagnostic_get_rule_id (a), ==, nb_diagnostic_get_rule_id (b));
      g_assert_cmpstr (nb_diagnostic_get_message (a), ==, nb_diagnostic_get_message (b));
    }
  g_assert_cmpuint (nb_validator_get_n_errors (once), ==, nb_validator_get_n_errors (fixture->validator));
  g_assert_cmpuint (nb_validator_get_n_warnings (once), ==, nb_validator_get_n_warnings (fixture->validator));

  /* the live one follows the edit, the other stays as it was */
  set (fixture, "t3/received/natural_person", "0");
  set (fixture, "t3/received/research", "0");
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (once)), ==, once_found->len);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), <, once_found->len);
}

static void
test_for_cell (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) found = NULL;
  int cell = nb_report_lookup_cell (fixture->report, "t3/received/natural_person");

  set (fixture, "t3/received/natural_person", "3");
  found = nb_validator_dup_for_cell (fixture->validator, cell);
  /* the row total and the column's balance */
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (nb_diagnostic_get_rule_id (g_ptr_array_index (found, 0)), ==, "t3.row-total");
  g_assert_cmpstr (nb_diagnostic_get_rule_id (g_ptr_array_index (found, 1)), ==, "t3.balance");
}

static void
test_cell_object (Fixture       *fixture,
                  gconstpointer  data)
{
  int index = nb_report_lookup_cell (fixture->report, "t3/received/total");
  NbCell *cell = nb_report_get_cell (fixture->report, index);
  guint n_notify = 0;

  g_assert_true (cell == nb_report_get_cell (fixture->report, index));
  g_assert_cmpstr (nb_cell_get_address (cell), ==, "t3/received/total");
  g_assert_cmpstr (nb_cell_get_label (cell), ==, "总计 一、本年新收政府信息公开申请数量");
  g_signal_connect (cell, "notify::text", G_CALLBACK (notify_cb), &n_notify);

  nb_cell_set_text (cell, "12");
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpint (nb_cell_get_value (cell), ==, 12);
  g_assert_true (nb_test_has_rule (model (fixture), "t3.row-total"));

  nb_report_set_cell_text (fixture->report, index, "12");
  g_assert_cmpuint (n_notify, ==, 1);
  nb_report_set_cell_text (fixture->report, index, "八");
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpint (nb_cell_get_state (cell), ==, NB_CELL_STATE_INVALID);
  g_assert_cmpstr (nb_cell_get_text (cell), ==, "八");
}

/* The findings of @stem's report, imported and validated with @template,
 * as one string: each finding's rule and message */
static char *
findings_of_seed (NbTemplate *template,
                  const char *stem)
{
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autoptr(NbReport) report = nb_test_import_seed (importer, stem);
  g_autoptr(NbValidator) validator = nb_validator_new_once (report);
  g_autoptr(GPtrArray) found = nb_validator_dup_sorted (validator);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (out, "%s %s\n", nb_diagnostic_get_rule_id (g_ptr_array_index (found, i)),
                            nb_diagnostic_get_message (g_ptr_array_index (found, i)));
  return g_string_free (out, FALSE);
}

static gpointer
compile_patterns_thread (gpointer data)
{
  nb_template_compile_patterns (data);
  return NULL;
}

/* A template's patterns compiled all at once, as the application does
 * while GTK starts, find what they find compiled one by one at their
 * first use; and compiling them while another thread validates with
 * them changes nothing for it. */
static void
test_compiled_at_once (void)
{
  gsize compared = 0;

  for (guint s = 0; nb_test_seeds[s] != NULL; s++)
    {
      g_autoptr(NbTemplate) lazy = nb_template_new_default (NULL);
      g_autoptr(NbTemplate) eager = nb_template_new_default (NULL);
      g_autoptr(NbTemplate) racing = nb_template_new_default (NULL);
      g_autofree char *expected = findings_of_seed (lazy, nb_test_seeds[s]);
      g_autofree char *found = NULL;
      g_autofree char *raced = NULL;
      GThread *thread;

      nb_template_compile_patterns (eager);
      found = findings_of_seed (eager, nb_test_seeds[s]);
      thread = g_thread_new ("compile", compile_patterns_thread, racing);
      raced = findings_of_seed (racing, nb_test_seeds[s]);
      g_thread_join (thread);

      g_assert_cmpstr (found, ==, expected);
      g_assert_cmpstr (raced, ==, expected);
      compared += strlen (expected);
    }
  /* some of the seeds break rules */
  g_assert_cmpuint (compared, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/nianbao/rules/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("cell-invalid", test_cell_invalid);
  ADD ("cell-empty", test_cell_empty);
  ADD ("t3-row-total", test_row_total);
  ADD ("t3-results-total", test_results_total);
  ADD ("t3-balance", test_balance);
  ADD ("t4-total", test_t4_total);
  ADD ("narrative-received", test_narrative_received);
  ADD ("narrative-carried-forward", test_narrative_carried_forward);
  ADD ("meta-year", test_meta_year);
  ADD ("incremental", test_incremental);
  ADD ("once", test_once);
  ADD ("for-cell", test_for_cell);
  ADD ("cell-object", test_cell_object);
#undef ADD
  g_test_add_func ("/nianbao/rules/compiled-at-once", test_compiled_at_once);

  return g_test_run ();
}
