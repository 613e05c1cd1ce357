/* test-undo.c — undo and redo, the save point, quick fixes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <nb-number.h>
#include <nb-report-private.h>
#include <string.h>

typedef struct
{
  NbTemplate  *template;
  NbImporter  *importer;
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
  fixture->importer = nb_importer_new (fixture->template);
  fixture->report = nb_test_clean_report (fixture->template);
  fixture->validator = nb_validator_new (fixture->report);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->validator)), ==, 0);
  g_assert_false (nb_report_get_can_undo (fixture->report));
  g_assert_false (nb_report_get_modified (fixture->report));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->validator);
  g_assert_finalize_object (fixture->report);
  g_assert_finalize_object (fixture->importer);
  g_assert_finalize_object (fixture->template);
}

static GListModel *
model (Fixture *fixture)
{
  return G_LIST_MODEL (fixture->validator);
}

static guint
cell (Fixture    *fixture,
      const char *address)
{
  int index = nb_report_lookup_cell (fixture->report, address);

  g_assert_cmpint (index, >=, 0);
  return index;
}

static void
set (Fixture    *fixture,
     const char *address,
     const char *text)
{
  nb_test_set (fixture->report, address, text);
}

static const char *
text (Fixture    *fixture,
      const char *address)
{
  return nb_report_get_cell_text (fixture->report, cell (fixture, address));
}

static guint
count_undo (NbReport *report)
{
  guint n = 0;

  while (nb_report_undo (report))
    n++;
  return n;
}

static void
cell_changed_cb (NbReport *report,
                 guint     index,
                 guint    *count)
{
  (*count)++;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_typing_merges (Fixture       *fixture,
                    gconstpointer  data)
{
  NbReport *report = fixture->report;

  /* "1", "12", "123": one step back to the text before the first key */
  set (fixture, "t3/received/natural_person", "1");
  set (fixture, "t3/received/natural_person", "12");
  set (fixture, "t3/received/natural_person", "123");
  g_assert_true (nb_report_get_can_undo (report));
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "0");
  g_assert_false (nb_report_get_can_undo (report));
  g_assert_true (nb_report_get_can_redo (report));
  g_assert_false (nb_report_undo (report));
  g_assert_true (nb_report_redo (report));
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "123");
  g_assert_false (nb_report_redo (report));

  /* after a seal, the next key starts a new step */
  nb_report_seal_undo (report);
  set (fixture, "t3/received/natural_person", "1234");
  set (fixture, "t3/received/natural_person", "12345");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "123");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "0");
  g_assert_false (nb_report_get_can_undo (report));

  /* after an undo too */
  g_assert_true (nb_report_redo (report));
  set (fixture, "t3/received/natural_person", "9");
  g_assert_false (nb_report_get_can_redo (report));
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "123");

  /* another cell is another step, sealed or not */
  set (fixture, "t3/received/commercial", "5");
  set (fixture, "t3/received/research", "6");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t3/received/research"), ==, "0");
  g_assert_cmpstr (text (fixture, "t3/received/commercial"), ==, "5");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t3/received/commercial"), ==, "0");
  g_assert_cmpuint (count_undo (report), ==, 1);
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "0");
}

static void
test_typing_back (Fixture       *fixture,
                  gconstpointer  data)
{
  NbReport *report = fixture->report;

  /* typing and deleting it again leaves nothing to undo */
  set (fixture, "t2/regulations/issued", "01");
  set (fixture, "t2/regulations/issued", "0");
  g_assert_false (nb_report_get_can_undo (report));
  g_assert_false (nb_report_get_modified (report));

  /* nor does it reopen the step before it */
  set (fixture, "t2/regulations/issued", "5");
  nb_report_seal_undo (report);
  set (fixture, "t2/regulations/issued", "56");
  set (fixture, "t2/regulations/issued", "5");
  set (fixture, "t2/regulations/issued", "57");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t2/regulations/issued"), ==, "5");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t2/regulations/issued"), ==, "0");
  g_assert_false (nb_report_get_can_undo (report));
}

static void
test_targets (Fixture       *fixture,
              gconstpointer  data)
{
  NbReport *report = fixture->report;

  nb_report_set_title (report, "某");
  nb_report_set_title (report, "某局");
  nb_report_set_organ (report, "某局");
  nb_report_set_year (report, 202);
  nb_report_set_year (report, 2024);
  nb_report_set_section_text (report, "overview", "一");
  nb_report_set_section_text (report, "overview", "一二");
  nb_report_set_section_text (report, "problems", "三");

  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (nb_report_get_section_text (report, "problems"), ==, NB_TEST_PROBLEMS);
  g_assert_cmpstr (nb_report_get_section_text (report, "overview"), ==, "一二");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (nb_report_get_section_text (report, "overview"), ==, "");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpuint (nb_report_get_year (report), ==, 0);
  g_assert_cmpstr (nb_report_get_title (report), ==, "某局");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (nb_report_get_organ (report), ==, "");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (nb_report_get_title (report), ==, "");
  g_assert_false (nb_report_undo (report));
  g_assert_false (nb_report_get_modified (report));

  for (guint i = 0; i < 5; i++)
    g_assert_true (nb_report_redo (report));
  g_assert_false (nb_report_redo (report));
  g_assert_cmpstr (nb_report_get_title (report), ==, "某局");
  g_assert_cmpstr (nb_report_get_organ (report), ==, "某局");
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
  g_assert_cmpstr (nb_report_get_section_text (report, "overview"), ==, "一二");
  g_assert_cmpstr (nb_report_get_section_text (report, "problems"), ==, "三");
  g_assert_true (nb_report_get_modified (report));
}

/* Undo gives an imported section its source lines back. */
static void
test_section_lines (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, nb_test_seeds[0]);
  g_autofree char *original = g_strdup (nb_report_get_section_text (report, "overview"));
  g_autofree char *edited = g_strconcat (original, "。", NULL);
  guint line = nb_report_get_section_line (report, 0, 0);

  g_assert_cmpuint (line, >, 0);
  nb_report_set_section_text (report, "overview", edited);
  g_assert_cmpuint (nb_report_get_section_line (report, 0, 0), ==, 0);
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (nb_report_get_section_text (report, "overview"), ==, original);
  g_assert_cmpuint (nb_report_get_section_line (report, 0, 0), ==, line);
  g_assert_false (nb_report_get_modified (report));

  /* typing and deleting it again, too */
  nb_report_set_section_text (report, "overview", edited);
  nb_report_set_section_text (report, "overview", original);
  g_assert_false (nb_report_get_can_undo (report));
  g_assert_cmpuint (nb_report_get_section_line (report, 0, 0), ==, line);
}

static void
test_signals (Fixture       *fixture,
              gconstpointer  data)
{
  NbReport *report = fixture->report;
  NbCell *object = nb_report_get_cell (report, cell (fixture, "t3/carried_over/natural_person"));
  guint n_cells = 0, n_sections = 0, n_text = 0, n_year = 0, n_title = 0;

  g_signal_connect (report, "cell-changed", G_CALLBACK (cell_changed_cb), &n_cells);
  g_signal_connect (report, "section-changed", G_CALLBACK (cell_changed_cb), &n_sections);
  g_signal_connect (report, "notify::year", G_CALLBACK (notify_cb), &n_year);
  g_signal_connect (report, "notify::title", G_CALLBACK (notify_cb), &n_title);
  g_signal_connect (object, "notify::text", G_CALLBACK (notify_cb), &n_text);

  /* one emission per change, as for an edit */
  set (fixture, "t3/carried_over/natural_person", "2");
  set (fixture, "t3/carried_over/natural_person", "23");
  g_assert_cmpuint (n_cells, ==, 2);
  g_assert_cmpuint (n_text, ==, 2);
  g_assert_true (nb_test_has_rule (model (fixture), "t3.balance"));
  g_assert_true (nb_test_has_rule (model (fixture), "t3.row-total"));

  /* the validator follows the undo */
  g_assert_true (nb_report_undo (report));
  g_assert_cmpuint (n_cells, ==, 3);
  g_assert_cmpuint (n_text, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 0);
  g_assert_true (nb_report_redo (report));
  g_assert_cmpuint (n_cells, ==, 4);
  g_assert_cmpuint (n_text, ==, 4);
  g_assert_cmpstr (nb_cell_get_text (object), ==, "23");
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "t3.balance"), ==, 1);
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "t3.row-total"), ==, 1);
  g_assert_true (nb_report_undo (report));

  /* a group: one emission per cell it changed */
  nb_report_begin_group (report);
  set (fixture, "t3/received/natural_person", "1");
  set (fixture, "t3/received/total", "1");
  set (fixture, "t3/carried_forward/natural_person", "1");
  nb_report_end_group (report);
  n_cells = 0;
  g_assert_true (nb_report_undo (report));
  g_assert_cmpuint (n_cells, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 0);
  g_assert_true (nb_report_redo (report));
  g_assert_cmpuint (n_cells, ==, 6);
  /* the total column no longer balances, nor the carried-forward row */
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 2);
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "t3.balance"), ==, 1);
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "t3.row-total"), ==, 1);

  /* the text rules follow the text and the year */
  nb_report_set_year (report, 2024);
  nb_report_set_section_text (report, "overview",
                              "本报告中所列数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。");
  g_assert_true (nb_test_has_rule (model (fixture), "meta.year"));
  g_assert_true (nb_report_undo (report));
  g_assert_cmpuint (n_sections, ==, 2);
  g_assert_false (nb_test_has_rule (model (fixture), "meta.year"));
  g_assert_true (nb_report_redo (report));
  g_assert_cmpuint (n_sections, ==, 3);
  g_assert_true (nb_test_has_rule (model (fixture), "meta.year"));
  nb_report_seal_undo (report);
  nb_report_set_year (report, 2023);
  g_assert_false (nb_test_has_rule (model (fixture), "meta.year"));
  g_assert_true (nb_report_undo (report));
  g_assert_cmpuint (nb_report_get_year (report), ==, 2024);
  g_assert_cmpuint (n_year, ==, 3);
  g_assert_true (nb_test_has_rule (model (fixture), "meta.year"));

  nb_report_set_title (report, "标题");
  g_assert_true (nb_report_undo (report));
  g_assert_true (nb_report_redo (report));
  g_assert_cmpuint (n_title, ==, 3);
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  NbReport *report = fixture->report;

  set (fixture, "t4/review/upheld", "1");

  /* nested groups are one step; the key typed before is not part of it */
  nb_report_begin_group (report);
  set (fixture, "t4/review/upheld", "2");
  set (fixture, "t4/review/total", "2");
  nb_report_begin_group (report);
  nb_report_set_title (report, "标题");
  nb_report_end_group (report);
  set (fixture, "t4/review/total", "3");
  nb_report_end_group (report);

  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t4/review/upheld"), ==, "1");
  g_assert_cmpstr (text (fixture, "t4/review/total"), ==, "0");
  g_assert_cmpstr (nb_report_get_title (report), ==, "");
  g_assert_true (nb_report_redo (report));
  g_assert_cmpstr (text (fixture, "t4/review/upheld"), ==, "2");
  g_assert_cmpstr (text (fixture, "t4/review/total"), ==, "3");
  g_assert_cmpstr (nb_report_get_title (report), ==, "标题");

  /* a key typed after a group is a step of its own */
  set (fixture, "t4/review/total", "34");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t4/review/total"), ==, "3");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t4/review/total"), ==, "0");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t4/review/upheld"), ==, "0");
  g_assert_false (nb_report_get_can_undo (report));

  /* an empty group is no step, and forgets nothing to redo */
  nb_report_begin_group (report);
  nb_report_end_group (report);
  g_assert_false (nb_report_get_can_undo (report));
  g_assert_true (nb_report_get_can_redo (report));
}

static void
test_can_undo_notify (Fixture       *fixture,
                      gconstpointer  data)
{
  NbReport *report = fixture->report;
  guint n_undo = 0, n_redo = 0;
  gboolean can_undo, can_redo;

  g_signal_connect (report, "notify::can-undo", G_CALLBACK (notify_cb), &n_undo);
  g_signal_connect (report, "notify::can-redo", G_CALLBACK (notify_cb), &n_redo);

  set (fixture, "t3/received/total", "1");
  g_assert_cmpuint (n_undo, ==, 1);
  set (fixture, "t3/received/total", "12");
  nb_report_seal_undo (report);
  set (fixture, "t3/received/other", "1");
  g_assert_cmpuint (n_undo, ==, 1);
  g_assert_cmpuint (n_redo, ==, 0);

  g_assert_true (nb_report_undo (report));
  g_assert_cmpuint (n_undo, ==, 1);
  g_assert_cmpuint (n_redo, ==, 1);
  g_assert_true (nb_report_undo (report));
  g_assert_cmpuint (n_undo, ==, 2);
  g_assert_cmpuint (n_redo, ==, 1);
  g_object_get (report, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_false (can_undo);
  g_assert_true (can_redo);

  g_assert_true (nb_report_redo (report));
  g_assert_cmpuint (n_undo, ==, 3);
  g_assert_true (nb_report_redo (report));
  g_assert_cmpuint (n_redo, ==, 2);
  g_object_get (report, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_true (can_undo);
  g_assert_false (can_redo);

  /* a new change forgets what was undone */
  g_assert_true (nb_report_undo (report));
  g_assert_cmpuint (n_redo, ==, 3);
  set (fixture, "t3/received/research", "1");
  g_assert_cmpuint (n_redo, ==, 4);
  g_assert_false (nb_report_get_can_redo (report));
  g_assert_cmpuint (n_undo, ==, 3);
}

static void
test_modified (Fixture       *fixture,
               gconstpointer  data)
{
  NbReport *report = fixture->report;
  guint n_notify = 0;

  g_signal_connect (report, "notify::modified", G_CALLBACK (notify_cb), &n_notify);

  set (fixture, "t2/licensing/decisions", "1");
  g_assert_true (nb_report_get_modified (report));
  g_assert_true (nb_report_undo (report));
  g_assert_false (nb_report_get_modified (report));
  g_assert_true (nb_report_redo (report));
  g_assert_true (nb_report_get_modified (report));
  g_assert_cmpuint (n_notify, ==, 3);

  /* a save moves the save point */
  nb_report_set_modified (report, FALSE);
  g_assert_cmpuint (n_notify, ==, 4);
  g_assert_false (nb_report_get_modified (report));
  g_assert_true (nb_report_undo (report));
  g_assert_true (nb_report_get_modified (report));
  g_assert_true (nb_report_redo (report));
  g_assert_false (nb_report_get_modified (report));
  g_assert_cmpuint (n_notify, ==, 6);

  /* the next key in the same cell does not merge into the saved step */
  g_assert_true (nb_report_undo (report));
  set (fixture, "t2/licensing/decisions", "1");
  nb_report_set_modified (report, FALSE);
  set (fixture, "t2/licensing/decisions", "12");
  g_assert_true (nb_report_get_modified (report));
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t2/licensing/decisions"), ==, "1");
  g_assert_false (nb_report_get_modified (report));
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t2/licensing/decisions"), ==, "0");
  g_assert_true (nb_report_get_modified (report));

  /* the saved state can no longer come back once another change
   * forgets the steps undone */
  set (fixture, "t2/punishment/decisions", "1");
  g_assert_true (nb_report_get_modified (report));
  g_assert_true (nb_report_undo (report));
  g_assert_true (nb_report_get_modified (report));

  /* TRUE forgets the save point; FALSE sets it here */
  nb_report_set_modified (report, FALSE);
  g_assert_false (nb_report_get_modified (report));
  nb_report_set_modified (report, TRUE);
  g_assert_true (nb_report_get_modified (report));
  set (fixture, "t2/punishment/decisions", "1");
  g_assert_true (nb_report_undo (report));
  g_assert_true (nb_report_get_modified (report));

  /* TRUE on a modified report keeps the save point */
  nb_report_set_modified (report, FALSE);
  set (fixture, "t2/punishment/decisions", "2");
  nb_report_set_modified (report, TRUE);
  g_assert_true (nb_report_undo (report));
  g_assert_false (nb_report_get_modified (report));
}

static void
test_read_reports (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) imported = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);
      g_autoptr(GBytes) bytes = nb_canonical_write (imported);
      g_autoptr(NbReport) read = NULL;
      g_autoptr(GError) error = NULL;

      /* the title, organ and year reading set are no step */
      g_assert_cmpuint (nb_report_get_year (imported), >, 0);
      g_assert_false (nb_report_get_can_undo (imported));
      g_assert_false (nb_report_get_can_redo (imported));
      g_assert_false (nb_report_get_modified (imported));
      g_assert_false (nb_report_undo (imported));

      read = nb_canonical_read (fixture->template, g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      g_assert_false (nb_report_get_can_undo (read));
      g_assert_false (nb_report_get_modified (read));

      nb_report_set_year (read, 1999);
      g_assert_true (nb_report_get_modified (read));
      g_assert_true (nb_report_undo (read));
      g_assert_false (nb_report_get_modified (read));
      g_assert_cmpuint (nb_report_get_year (read), ==, nb_report_get_year (imported));
    }
}

static void
test_bound (Fixture       *fixture,
            gconstpointer  data)
{
  NbReport *report = fixture->report;
  guint a = cell (fixture, "t2/regulations/issued");
  guint b = cell (fixture, "t2/regulations/repealed");
  g_autofree char *large = g_strnfill (1024 * 1024, 'x');
  guint n;

  /* steps 1 to 10 on one cell, then enough on another to drop them */
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);

      nb_report_set_cell_text (report, a, number);
      nb_report_seal_undo (report);
    }
  nb_report_set_modified (report, FALSE);
  for (guint i = 1; i <= NB_REPORT_HISTORY_STEPS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);

      nb_report_set_cell_text (report, b, number);
      nb_report_seal_undo (report);
    }
  g_assert_cmpuint (count_undo (report), ==, NB_REPORT_HISTORY_STEPS);
  g_assert_cmpstr (nb_report_get_cell_text (report, a), ==, "10");
  g_assert_cmpstr (nb_report_get_cell_text (report, b), ==, "0");
  /* the oldest state left is the one saved */
  g_assert_false (nb_report_get_modified (report));

  /* long texts are dropped sooner */
  for (guint i = 0; i < 20; i++)
    {
      large[0] = 'a' + i;
      nb_report_set_section_text (report, "other", large);
      nb_report_seal_undo (report);
    }
  n = count_undo (report);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, NB_REPORT_HISTORY_BYTES / (2 * strlen (large)) + 1);
  g_assert_cmpuint (nb_report_get_section_text (report, "other")[0], ==, 'a' + 20 - n - 1);
  g_assert_true (nb_report_get_modified (report));
}

static void
test_fix (Fixture       *fixture,
          gconstpointer  data)
{
  static const struct {
    const char *rule;
    const char *first;
    const char *second;
    const char *total;
    const char *value;
  } cases[] = {
    { "t3.row-total", "t3/received/natural_person", "t3/received/other", "t3/received/total", "12" },
    { "t3.results-total", "t3/granted/research", "t3/other_handling.no_fee/research",
      "t3/results_total/research", "12" },
    { "t4.total", "t4/litigation_after_review/upheld", "t4/litigation_after_review/pending",
      "t4/litigation_after_review/total", "12" },
  };
  NbReport *report = fixture->report;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NbDiagnostic *diagnostic;
      gboolean has_fix;
      guint fix_cell;
      gint64 value;

      set (fixture, cases[i].first, "5");
      set (fixture, cases[i].second, "７");
      diagnostic = nb_test_find_rule (model (fixture), cases[i].rule);
      g_assert_nonnull (diagnostic);
      g_assert_cmpuint (nb_test_count_rule (model (fixture), cases[i].rule), ==, 1);
      g_assert_true (nb_diagnostic_get_fix (diagnostic, &fix_cell, &value));
      g_assert_cmpuint (fix_cell, ==, cell (fixture, cases[i].total));
      g_assert_cmpint (value, ==, 12);
      g_object_get (diagnostic, "has-fix", &has_fix, NULL);
      g_assert_true (has_fix);

      /* typed just before: the fix is still a step of its own */
      set (fixture, cases[i].total, "1");
      diagnostic = nb_test_find_rule (model (fixture), cases[i].rule);
      g_assert_true (nb_report_apply_fix (report, diagnostic));
      g_assert_cmpstr (text (fixture, cases[i].total), ==, cases[i].value);
      g_assert_false (nb_test_has_rule (model (fixture), cases[i].rule));

      g_assert_true (nb_report_undo (report));
      g_assert_cmpstr (text (fixture, cases[i].total), ==, "1");
      g_assert_true (nb_test_has_rule (model (fixture), cases[i].rule));
      g_assert_true (nb_report_redo (report));
      g_assert_false (nb_test_has_rule (model (fixture), cases[i].rule));
      while (nb_report_undo (report))
        ;
      g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 0);
    }
}

static void
test_no_fix (Fixture       *fixture,
             gconstpointer  data)
{
  NbReport *report = fixture->report;
  NbDiagnostic *diagnostic;
  guint fix_cell = 7;
  gint64 value = 7;

  /* t3.balance: which side is wrong is anyone's guess */
  nb_report_begin_group (report);
  set (fixture, "t3/received/natural_person", "1");
  set (fixture, "t3/received/total", "1");
  nb_report_end_group (report);
  diagnostic = nb_test_find_rule (model (fixture), "t3.balance");
  g_assert_nonnull (diagnostic);
  g_assert_false (nb_diagnostic_get_fix (diagnostic, &fix_cell, &value));
  g_assert_cmpuint (fix_cell, ==, 7);
  g_assert_cmpint (value, ==, 7);
  g_assert_false (nb_report_apply_fix (report, diagnostic));
  g_assert_true (nb_report_undo (report));
  g_assert_false (nb_report_get_can_undo (report));

  /* nor other rules */
  set (fixture, "t3/received/natural_person", "x");
  diagnostic = nb_test_find_rule (model (fixture), "cell.invalid");
  g_assert_false (nb_diagnostic_get_fix (diagnostic, NULL, NULL));
  g_assert_true (nb_report_undo (report));

  /* nor a sum that would not fit into the cell */
  set (fixture, "t4/review/upheld", "999999999999999");
  diagnostic = nb_test_find_rule (model (fixture), "t4.total");
  g_assert_nonnull (diagnostic);
  g_assert_true (nb_diagnostic_get_fix (diagnostic, NULL, NULL));
  set (fixture, "t4/review/pending", "999999999999999");
  diagnostic = nb_test_find_rule (model (fixture), "t4.total");
  g_assert_nonnull (diagnostic);
  g_assert_false (nb_diagnostic_get_fix (diagnostic, NULL, NULL));
  g_assert_false (nb_report_apply_fix (report, diagnostic));
}

static void
test_fill_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  NbReport *report = fixture->report;
  guint n_cells = 0;

  set (fixture, "t3/received/research", "");
  set (fixture, "t3/carried_forward/total", "/");
  set (fixture, "t3/granted/other", "—");
  set (fixture, "t3/granted/commercial", "x");
  set (fixture, "t2/fees/amount", "");
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "cell.empty"), ==, 2);
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "cell.na"), ==, 2);
  g_signal_connect (report, "cell-changed", G_CALLBACK (cell_changed_cb), &n_cells);

  g_assert_cmpuint (nb_report_fill_empty (report, "t3"), ==, 3);
  g_assert_cmpuint (n_cells, ==, 3);
  g_assert_cmpstr (text (fixture, "t3/received/research"), ==, "0");
  g_assert_cmpstr (text (fixture, "t3/carried_forward/total"), ==, "0");
  g_assert_cmpstr (text (fixture, "t3/granted/other"), ==, "0");
  g_assert_cmpstr (text (fixture, "t3/granted/commercial"), ==, "x");
  g_assert_null (text (fixture, "t2/fees/amount"));
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "cell.empty"), ==, 1);
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "cell.na"), ==, 0);
  g_assert_true (nb_test_has_rule (model (fixture), "cell.invalid"));

  /* one step */
  g_assert_true (nb_report_undo (report));
  g_assert_null (text (fixture, "t3/received/research"));
  g_assert_cmpstr (text (fixture, "t3/carried_forward/total"), ==, "/");
  g_assert_cmpstr (text (fixture, "t3/granted/other"), ==, "—");
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "cell.empty"), ==, 2);
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "cell.na"), ==, 2);
  g_assert_true (nb_report_redo (report));
  g_assert_cmpuint (nb_test_count_rule (model (fixture), "cell.empty"), ==, 1);

  /* amounts too; nothing to fill is no step */
  g_assert_cmpuint (nb_report_fill_empty (report, "t2"), ==, 1);
  g_assert_cmpint (nb_report_get_cell_state (report, cell (fixture, "t2/fees/amount")), ==,
                   NB_CELL_STATE_VALUE);
  g_assert_cmpuint (nb_report_fill_empty (report, "t2"), ==, 0);
  g_assert_true (nb_report_undo (report));
  g_assert_null (text (fixture, "t2/fees/amount"));
  /* and forgets nothing to redo */
  g_assert_cmpuint (nb_report_fill_empty (report, "t4"), ==, 0);
  g_assert_true (nb_report_get_can_redo (report));
}

/* A loaded single digit is shared rather than copied: typing over it,
 * undo and redo, and freeing the report treat it like any loaded text. */
static void
test_loaded_digits (Fixture       *fixture,
                    gconstpointer  data)
{
  NbReport *report = fixture->report;
  guint a = cell (fixture, "t3/received/natural_person");
  guint b = cell (fixture, "t3/received/commercial");
  guint fees = cell (fixture, "t2/fees/amount");

  nb_report_load_cell (report, a, " 7 ", -1, 3);
  nb_report_load_cell (report, b, "70", 2, 4);
  nb_report_clear_history (report);
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "7");
  g_assert_cmpstr (text (fixture, "t3/received/commercial"), ==, "70");
  g_assert_cmpint (nb_report_get_cell_state (report, a), ==, NB_CELL_STATE_VALUE);
  g_assert_cmpint (nb_report_get_cell_value (report, a), ==, 7);
  g_assert_cmpuint (nb_report_get_cell_line (report, a), ==, 3);

  set (fixture, "t3/received/natural_person", "8");
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "8");
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "7");
  g_assert_true (nb_report_redo (report));
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "8");
  /* the shared digit itself is untouched */
  nb_report_load_cell (report, b, "7", -1, 0);
  g_assert_cmpstr (text (fixture, "t3/received/commercial"), ==, "7");
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "8");

  /* a digit over a typed text, and a digit in an amount: read as a parse
   * of it would read it */
  nb_report_load_cell (report, a, "3", 1, 5);
  g_assert_cmpstr (text (fixture, "t3/received/natural_person"), ==, "3");
  g_assert_cmpint (nb_report_get_cell_value (report, a), ==, 3);
  g_assert_cmpuint (nb_report_get_cell_line (report, a), ==, 5);
  nb_report_load_cell (report, fees, "5", 1, 6);
  g_assert_cmpstr (text (fixture, "t2/fees/amount"), ==, "5");
  g_assert_cmpint (nb_report_get_cell_state (report, fees), ==, NB_CELL_STATE_VALUE);
  g_assert_cmpint (nb_report_get_cell_value (report, fees), ==, 5 * NB_AMOUNT_SCALE);
  nb_report_load_cell (report, fees, "\xe3\x80\x80" "0 ", -1, 7);
  g_assert_cmpstr (text (fixture, "t2/fees/amount"), ==, "0");
  g_assert_cmpint (nb_report_get_cell_state (report, fees), ==, NB_CELL_STATE_VALUE);
  g_assert_cmpint (nb_report_get_cell_value (report, fees), ==, 0);
}

/* A loaded header is what a reader found, not an edit: nothing to undo,
 * and an organ left out keeps the organ and year there are. */
static void
test_loaded_header (Fixture       *fixture,
                    gconstpointer  data)
{
  NbReport *report = fixture->report;

  nb_report_load_header (report, "某县2023年报告", "某县", 2023);
  g_assert_cmpstr (nb_report_get_title (report), ==, "某县2023年报告");
  g_assert_cmpstr (nb_report_get_organ (report), ==, "某县");
  g_assert_cmpuint (nb_report_get_year (report), ==, 2023);
  g_assert_false (nb_report_get_can_undo (report));

  nb_report_load_header (report, NULL, NULL, 0);
  g_assert_cmpstr (nb_report_get_title (report), ==, "");
  g_assert_cmpstr (nb_report_get_organ (report), ==, "某县");
  g_assert_cmpuint (nb_report_get_year (report), ==, 2023);
  g_assert_false (nb_report_get_can_undo (report));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/nianbao/undo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("typing-merges", test_typing_merges);
  ADD ("typing-back", test_typing_back);
  ADD ("targets", test_targets);
  ADD ("section-lines", test_section_lines);
  ADD ("signals", test_signals);
  ADD ("groups", test_groups);
  ADD ("can-undo-notify", test_can_undo_notify);
  ADD ("modified", test_modified);
  ADD ("read-reports", test_read_reports);
  ADD ("bound", test_bound);
  ADD ("fix", test_fix);
  ADD ("no-fix", test_no_fix);
  ADD ("fill-empty", test_fill_empty);
  ADD ("loaded-digits", test_loaded_digits);
  ADD ("loaded-header", test_loaded_header);
#undef ADD

  return g_test_run ();
}
