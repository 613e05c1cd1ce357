/* test-form-2019.c — a report on the 2019 form in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui): the form's grids are built from the 2019
 * template the report was read on, with its headers, rows and cells, its
 * problems marked and fixed as on the 2021 form.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nb-compare-window.h"
#include "nb-test-ui.h"
#include "nb-test-util.h"
#include "nb-window.h"

typedef NbTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real-2019",
                                                 "pingtan-2020.lines.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbDocument) document = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  fixture->window = g_object_ref_sink (nb_window_new (NULL, fixture->importer, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);

  document = nb_document_load (fixture->importer, file, NULL, &error);
  g_assert_no_error (error);
  nb_window_set_document (fixture->window, document);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  nb_test_ui_wait_idle ();
}

static NbCellEntry *
entry_for (Fixture    *fixture,
           const char *address)
{
  int cell = nb_report_lookup_cell (nb_test_window_report (fixture), address);
  NbCellEntry *entry;

  g_assert_cmpint (cell, >=, 0);
  entry = nb_report_view_get_entry (nb_window_get_report_view (fixture->window), cell);
  g_assert_nonnull (entry);
  return entry;
}

static const char *
text_of (Fixture    *fixture,
         const char *address)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, address)));
}

static gboolean
has_class (Fixture    *fixture,
           const char *address,
           const char *css_class)
{
  return gtk_widget_has_css_class (GTK_WIDGET (entry_for (fixture, address)), css_class);
}

static double
y_of (Fixture    *fixture,
      const char *address)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (entry_for (fixture, address)),
                                           GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static double
x_of (Fixture    *fixture,
      const char *address)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (entry_for (fixture, address)),
                                           GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.x;
}

/* Whether a label with @text is shown inside @widget; a narrow column's
 * header is stacked over lines. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_auto(GStrv) lines = g_strsplit (gtk_label_get_text (GTK_LABEL (widget)), "\n", -1);
      g_autofree char *joined = g_strjoinv ("", lines);

      if (g_str_equal (joined, text))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* The 2019 form: its own headers, rows and cells, none of 2021's. */
static void
test_grids (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const headers[] = {
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
    "处理决定数量", "采购项目数量", "采购总金额", "第二十条第（九）项", "其他对外管理服务事项",
    "政府集中采购", "（六）其他处理",
  };
  GtkWidget *view = GTK_WIDGET (nb_window_get_report_view (fixture->window));

  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (nb_test_window_report (fixture))), ==, "2019");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_test_message ("%s", headers[i]);
      g_assert_true (shows_label (view, headers[i]));
    }
  g_assert_false (shows_label (view, "现行有效件数"));
  g_assert_false (shows_label (view, "3.其他"));
  g_assert_cmpint (nb_report_lookup_cell (nb_test_window_report (fixture), "t2/regulations/in_force"), ==, -1);

  /* the cells as the report writes them, a decrease and a unit not invalid */
  g_assert_cmpstr (text_of (fixture, "t2/punishment/change"), ==, "-18");
  g_assert_false (has_class (fixture, "t2/punishment/change", "error"));
  g_assert_cmpstr (text_of (fixture, "t2/procurement/amount"), ==, "73802895.90元");
  g_assert_false (has_class (fixture, "t2/procurement/amount", "error"));
  g_assert_cmpstr (text_of (fixture, "t3/other_processing/natural_person"), ==, "4");

  /* a row's cells on one line, its columns in the form's order; （六）
   * is one row, between （五） and （七） */
  g_assert_cmpfloat (y_of (fixture, "t2/procurement/items"), ==, y_of (fixture, "t2/procurement/amount"));
  g_assert_cmpfloat (x_of (fixture, "t2/procurement/items"), <, x_of (fixture, "t2/procurement/amount"));
  g_assert_cmpfloat (y_of (fixture, "t2/licensing/change"), <, y_of (fixture, "t2/other_services/change"));
  g_assert_cmpfloat (y_of (fixture, "t3/not_processed.confirmation/total"), <,
                     y_of (fixture, "t3/other_processing/total"));
  g_assert_cmpfloat (y_of (fixture, "t3/other_processing/total"), <, y_of (fixture, "t3/results_total/total"));
}

/* The report's own error, marked and fixed as on any form. */
static void
test_problems_and_fix (Fixture       *fixture,
                       gconstpointer  data)
{
  int total = nb_report_lookup_cell (nb_test_window_report (fixture), "t3/results_total/natural_person");
  GtkAccessible *accessible = GTK_ACCESSIBLE (entry_for (fixture, "t2/punishment/change"));
  GListModel *validator = G_LIST_MODEL (nb_document_get_validator (nb_window_get_document (fixture->window)));

  g_assert_true (has_class (fixture, "t3/results_total/natural_person", "error"));
  g_assert_true (has_class (fixture, "t3/other_processing/natural_person", "error"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.fix-cell", "u", (guint) total);
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (text_of (fixture, "t3/results_total/natural_person"), ==, "26");
  /* 总计 is still wrong; 自然人 now adds up, and shows that the 20
   * applications received do not balance the 26 results */
  g_assert_cmpuint (nb_test_count_rule (validator, "t3.results-total"), ==, 1);
  g_assert_true (nb_test_has_rule (validator, "t3.balance"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (text_of (fixture, "t3/results_total/natural_person"), ==, "20");
  g_assert_cmpuint (nb_test_count_rule (validator, "t3.results-total"), ==, 2);

  /* a typed decrease is a value; a fraction is not */
  gtk_widget_grab_focus (GTK_WIDGET (accessible));
  gtk_editable_set_text (GTK_EDITABLE (accessible), "－3");
  nb_test_ui_wait_idle ();
  g_assert_false (has_class (fixture, "t2/punishment/change", "error"));
  gtk_editable_set_text (GTK_EDITABLE (accessible), "-1.5");
  nb_test_ui_wait_idle ();
  g_assert_true (has_class (fixture, "t2/punishment/change", "error"));
}

static gboolean
enough_frames (gpointer data)
{
  return *(guint *) data == 0;
}

static gboolean
count_down_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  guint *left = data;

  if (*left > 0)
    (*left)--;
  return G_SOURCE_CONTINUE;
}

/* Layout happens in frames, not when idle. */
static void
wait_frames (Fixture *fixture,
             guint    n)
{
  guint left = n;
  guint tick = gtk_widget_add_tick_callback (GTK_WIDGET (fixture->window), count_down_cb, &left, NULL);

  gtk_widget_queue_resize (GTK_WIDGET (fixture->window));
  nb_test_ui_wait_until (enough_frames, &left);
  gtk_widget_remove_tick_callback (GTK_WIDGET (fixture->window), tick);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "screenshot-2019.png", NULL);
  GStatBuf info;

  GtkWidget *first = GTK_WIDGET (entry_for (fixture, "t2/regulations/made"));
  GtkWidget *scroller = gtk_widget_get_ancestor (first, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  /* the form's own scroller, not a wide table's */
  while (gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW) != NULL)
    scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  /* table 二 whole, from its heading to 政府集中采购; again until it
   * stays, as the text above is laid out while it scrolls by */
  for (guint i = 0; i < 10; i++)
    {
      wait_frames (fixture, 3);
      g_assert_true (gtk_widget_compute_point (first, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
      if (ABS (point.y - 110) < 2)
        break;
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 110);
    }
  g_assert_cmpfloat (ABS (point.y - 110), <, 2);
  nb_test_ui_save_png (GTK_WIDGET (fixture->window), "screenshot-2019.png");
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 20000);
}

/* Comparison with a 2021 report */

typedef struct
{
  NbTemplate      *template;
  NbImporter      *importer;
  NbCompareWindow *window;
  NbReport        *older;
  NbReport        *newer;
} CompareFixture;

static void
compare_set_up (CompareFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real-2019",
                                                 "pingtan-2020.lines.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbDocument) older = NULL;
  g_autoptr(NbDocument) newer = NULL;
  g_autoptr(NbReport) report = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  older = nb_document_load (fixture->importer, file, NULL, &error);
  g_assert_no_error (error);

  /* the same organ's next year, on the 2021 form */
  report = nb_test_clean_report (fixture->template);
  nb_report_set_organ (report, nb_report_get_organ (nb_document_get_report (older)));
  nb_report_set_year (report, 2021);
  nb_test_set (report, "t3/other_handling.no_fee/natural_person", "5");
  nb_test_set (report, "t3/carried_over/natural_person", "2");
  newer = nb_document_new (report, NULL);

  fixture->older = nb_document_get_report (older);
  fixture->newer = report;
  /* either order: the window puts the earlier year beneath; with a year
   * unknown, the order given, whichever form is first */
  if (g_strcmp0 (data, "2021 form first") == 0)
    nb_report_set_year (report, 0);
  fixture->window = g_object_ref_sink (data != NULL && g_str_equal (data, "older first")
                                       ? nb_compare_window_new (NULL, older, newer)
                                       : nb_compare_window_new (NULL, newer, older));
  /* the smallest screen the comparison is made for */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  nb_test_ui_wait_idle ();
}

static void
compare_tear_down (CompareFixture *fixture,
                   gconstpointer   data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  g_object_unref (fixture->importer);
  g_object_unref (fixture->template);
}

static GtkWidget *
side_entry (CompareFixture *fixture,
            int             side,
            const char     *address)
{
  NbReport *report = side == 0 ? fixture->older : fixture->newer;
  int cell = nb_report_lookup_cell (report, address);
  NbCellEntry *entry;

  g_assert_cmpint (cell, >=, 0);
  entry = nb_compare_view_get_entry (nb_compare_window_get_view (fixture->window), side, cell);
  g_assert_nonnull (entry);
  return GTK_WIDGET (entry);
}

static GtkWidget *
delta_of (CompareFixture *fixture,
          const char     *older_address)
{
  int cell = nb_report_lookup_cell (fixture->older, older_address);
  GtkLabel *delta;

  g_assert_cmpint (cell, >=, 0);
  delta = nb_compare_view_get_delta_label (nb_compare_window_get_view (fixture->window), cell);
  g_assert_nonnull (delta);
  return GTK_WIDGET (delta);
}

static const char *
text (GtkWidget *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
changed (GtkWidget *entry)
{
  return gtk_widget_has_css_class (entry, "nb-changed");
}

/* The note a cell's entry gives assistive technology comes first, then
 * its problems' messages, if any. */
static void
assert_note (GtkWidget  *entry,
             const char *note)
{
  g_autofree char *description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (entry),
                                                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note);
  g_autofree char *line = g_strconcat (note, "\n", NULL);

  if (description != NULL && !g_str_has_prefix (description, line))
    g_error ("the description is “%s”, not “%s”", description, note);
}

/* Every changed cell of table 三 compared one to one names the other
 * year's value to assistive technology, on both years' values. */
static void
assert_notes (CompareFixture *fixture)
{
  NbTemplate *form = nb_report_get_template (fixture->newer);
  NbCompareView *view = nb_compare_window_get_view (fixture->window);
  guint n_checked = 0;

  for (guint c = 0; c < nb_template_get_n_cells (form); c++)
    {
      const char *address = nb_template_get_cell_address (form, c);
      int o = nb_report_lookup_cell (fixture->older, address);
      GtkWidget *newer = GTK_WIDGET (nb_compare_view_get_entry (view, 1, c));
      GtkWidget *older = o >= 0 ? GTK_WIDGET (nb_compare_view_get_entry (view, 0, o)) : NULL;
      g_autofree char *newer_note = NULL;
      g_autofree char *older_note = NULL;

      if (!g_str_has_prefix (address, "t3/") || older == NULL || !changed (newer))
        continue;
      newer_note = g_strdup_printf ("2020: %s", text (older));
      older_note = g_strdup_printf ("2021: %s", text (newer));
      assert_note (newer, newer_note);
      assert_note (older, older_note);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 10);
}

/* One grid on the 2021 form: each 2021 cell has the 2020 value of the
 * 2019 form's cell of the same address beneath it, and the change. */
static void
test_compare_cells (CompareFixture *fixture,
                    gconstpointer   data)
{
  GtkWidget *received = side_entry (fixture, 1, "t3/received/natural_person");
  GtkWidget *older_received = side_entry (fixture, 0, "t3/received/natural_person");
  GtkWidget *granted = side_entry (fixture, 1, "t3/granted/natural_person");
  GtkWidget *older_granted = side_entry (fixture, 0, "t3/granted/natural_person");

  g_assert_cmpuint (nb_report_get_year (nb_document_get_report (nb_compare_window_get_document (fixture->window, 0))),
                    ==, 2020);
  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (fixture->older)), ==, "2019");
  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (fixture->newer)), ==, "2021");
  /* the two values in one cell, the older beneath */
  g_assert_true (gtk_widget_get_parent (received) == gtk_widget_get_parent (older_received));
  g_assert_true (gtk_widget_has_css_class (older_received, "nb-older"));
  g_assert_cmpstr (text (received), ==, "0");
  g_assert_cmpstr (text (older_received), ==, "20");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (delta_of (fixture, "t3/received/natural_person"))), ==, "−20");
  g_assert_true (changed (received));
  g_assert_true (changed (gtk_widget_get_parent (received)));
  g_assert_true (gtk_widget_get_parent (granted) == gtk_widget_get_parent (older_granted));
  g_assert_cmpstr (text (older_granted), ==, "6");
  assert_notes (fixture);

  /* the carry-over across the forms, on both years' values */
  g_assert_true (gtk_widget_has_css_class (side_entry (fixture, 0, "t3/carried_forward/natural_person"), "error"));
  g_assert_true (gtk_widget_has_css_class (side_entry (fixture, 1, "t3/carried_over/natural_person"), "error"));
}

/* （六）: 2019's one row, shown once on 2021's first （六） row with the
 * change of the sum of the three; the other two say they are in it. */
static void
test_compare_sum (CompareFixture *fixture,
                  gconstpointer   data)
{
  NbCompareView *view = nb_compare_window_get_view (fixture->window);
  GtkWidget *first = side_entry (fixture, 1, "t3/other_handling.no_correction/natural_person");
  GtkWidget *no_fee = side_entry (fixture, 1, "t3/other_handling.no_fee/natural_person");
  GtkWidget *other = side_entry (fixture, 1, "t3/other_handling.other/natural_person");
  GtkWidget *older = side_entry (fixture, 0, "t3/other_processing/natural_person");
  GtkWidget *delta = delta_of (fixture, "t3/other_processing/natural_person");

  g_assert_cmpstr (text (older), ==, "4");
  g_assert_true (gtk_widget_get_parent (older) == gtk_widget_get_parent (first));
  g_assert_true (gtk_widget_get_parent (delta) == gtk_widget_get_parent (first));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (delta)), ==, "Σ +1");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (delta), ==,
                   "2020: “自然人 （六）其他处理” is one row on the 2019 form, compared with the sum of these 3 rows");
  g_assert_true (shows_label (gtk_widget_get_parent (no_fee), "Σ ↑"));
  g_assert_true (shows_label (gtk_widget_get_parent (other), "Σ ↑"));
  g_assert_false (shows_label (gtk_widget_get_parent (first), "Σ ↑"));
  g_assert_true (changed (first) && changed (no_fee) && changed (other) && changed (older));
  assert_note (no_fee, "2020: 4, compared with the sum of 3 rows");
  assert_note (older, "2021: 5, compared with the sum of 3 rows");
  g_assert_true (shows_label (GTK_WIDGET (view),
                              "Σ: 2020’s “（六）其他处理” is one row on the 2019 form; its value is shown on the "
                              "first of the 3 rows it stands for, and the change is that of their sum."));

  /* an edit of either year updates the sum's change */
  gtk_editable_set_text (GTK_EDITABLE (other), "3");
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (delta)), ==, "Σ +4");
  gtk_editable_set_text (GTK_EDITABLE (older), "8");
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (delta)), ==, "Σ 0");
  g_assert_false (changed (first) || changed (no_fee) || changed (other) || changed (older));
  assert_note (no_fee, "2020: 8, compared with the sum of 3 rows");
}

/* Table 二: the 2021 rows, 2020 values only where the forms share a
 * cell; the summary says how the forms are compared. */
static void
test_compare_unmatched (CompareFixture *fixture,
                        gconstpointer   data)
{
  NbCompareView *view = nb_compare_window_get_view (fixture->window);
  GtkWidget *in_force = side_entry (fixture, 1, "t2/regulations/in_force");
  GtkWidget *licensing = side_entry (fixture, 1, "t2/licensing/decisions");
  GtkWidget *older_licensing = side_entry (fixture, 0, "t2/licensing/decisions");
  int total_public = nb_report_lookup_cell (fixture->older, "t2/regulations/total_public");

  g_assert_true (shows_label (gtk_widget_get_parent (in_force), "not compared"));
  g_assert_false (changed (in_force));
  g_assert_false (changed (gtk_widget_get_parent (in_force)));
  g_assert_cmpint (nb_report_lookup_cell (fixture->older, "t2/regulations/in_force"), ==, -1);
  /* a row both forms have */
  g_assert_true (gtk_widget_get_parent (licensing) == gtk_widget_get_parent (older_licensing));
  g_assert_cmpstr (text (older_licensing),
                   ==, nb_report_get_cell_text (fixture->older,
                                                nb_report_lookup_cell (fixture->older, "t2/licensing/decisions")));
  /* 2019's cells the 2021 form lacks are not in the grid, and a note says so */
  g_assert_cmpint (total_public, >=, 0);
  g_assert_null (nb_compare_view_get_entry (view, 0, total_public));
  g_assert_null (nb_compare_view_get_delta_label (view, total_public));
  g_assert_true (shows_label (GTK_WIDGET (view),
                              "Not shown, as the 2021 form lacks them: cells of 2020’s rows 规章、规范性文件、"
                              "行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费、政府集中采购."));

  g_assert_true (shows_label (GTK_WIDGET (view),
                              "“（六）其他处理” is one row on the 2019 form; it is compared with the "
                              "sum of the 3 rows of the 2021 form."));
}

static gboolean
has_focus (CompareFixture *fixture,
           GtkWidget      *entry)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
press_down (GtkWidget *entry)
{
  guint cell = nb_cell_get_index (nb_cell_entry_get_cell (NB_CELL_ENTRY (entry)));

  gtk_widget_activate_action (entry, "report.move", "(uu)", cell, (guint) NB_MOVE_DOWN);
  nb_test_ui_wait_idle ();
}

/* Down from a 2020 value goes to the next 2020 value, past the rows of
 * the sum that have none; down from a 2021 value to the next row's. */
static void
test_compare_keys (CompareFixture *fixture,
                   gconstpointer   data)
{
  NbCompareView *view = nb_compare_window_get_view (fixture->window);
  int confirmation = nb_report_lookup_cell (fixture->older, "t3/not_processed.confirmation/natural_person");

  g_assert_true (nb_compare_view_focus_cell (view, 0, confirmation));
  press_down (side_entry (fixture, 0, "t3/not_processed.confirmation/natural_person"));
  g_assert_true (has_focus (fixture, side_entry (fixture, 0, "t3/other_processing/natural_person")));
  press_down (side_entry (fixture, 0, "t3/other_processing/natural_person"));
  g_assert_true (has_focus (fixture, side_entry (fixture, 0, "t3/results_total/natural_person")));

  g_assert_true (nb_compare_view_focus_cell (view, 1, nb_report_lookup_cell (fixture->newer,
                                                                            "t3/other_handling.no_correction/natural_person")));
  press_down (side_entry (fixture, 1, "t3/other_handling.no_correction/natural_person"));
  g_assert_true (has_focus (fixture, side_entry (fixture, 1, "t3/other_handling.no_fee/natural_person")));
}

/* The 2021-form report taken as the earlier one (its year unknown, given
 * first): the grid is the 2019 form's, with the 2021 values of the cells
 * of the same address beneath; the rest is not compared. */
static void
test_compare_reversed (CompareFixture *fixture,
                       gconstpointer   data)
{
  NbCompareView *view = nb_compare_window_get_view (fixture->window);
  NbReport *first = nb_document_get_report (nb_compare_window_get_document (fixture->window, 0));
  int received = nb_report_lookup_cell (fixture->older, "t3/received/natural_person");
  int carried = nb_report_lookup_cell (fixture->older, "t3/carried_over/natural_person");
  int other = nb_report_lookup_cell (fixture->older, "t3/other_processing/natural_person");
  int total_public = nb_report_lookup_cell (fixture->older, "t2/regulations/total_public");
  GtkWidget *newer = GTK_WIDGET (nb_compare_view_get_entry (view, 1, received));
  GtkWidget *older = GTK_WIDGET (nb_compare_view_get_entry (view, 0, nb_report_lookup_cell (fixture->newer,
                                                                                            "t3/received/natural_person")));

  g_assert_true (first == fixture->newer);
  g_assert_cmpstr (text (newer), ==, "20");
  g_assert_cmpstr (text (older), ==, "0");
  g_assert_true (gtk_widget_get_parent (newer) == gtk_widget_get_parent (older));
  g_assert_cmpstr (text (GTK_WIDGET (nb_compare_view_get_entry (view, 1, carried))), ==, "0");
  g_assert_cmpstr (text (GTK_WIDGET (nb_compare_view_get_entry (view, 0, nb_report_lookup_cell (fixture->newer,
                                                                                                "t3/carried_over/natural_person")))),
                   ==, "2");
  g_assert_true (shows_label (gtk_widget_get_parent (GTK_WIDGET (nb_compare_view_get_entry (view, 1, other))),
                              "not compared"));
  g_assert_true (shows_label (gtk_widget_get_parent (GTK_WIDGET (nb_compare_view_get_entry (view, 1, total_public))),
                              "not compared"));
  g_assert_false (changed (GTK_WIDGET (nb_compare_view_get_entry (view, 1, other))));
  g_assert_null (nb_compare_view_get_entry (view, 0, nb_report_lookup_cell (fixture->newer,
                                                                            "t2/regulations/in_force")));
}

static void
test_compare_screenshot (CompareFixture *fixture,
                         gconstpointer   data)
{
  NbCompareView *view = nb_compare_window_get_view (fixture->window);
  int first = nb_report_lookup_cell (fixture->newer, "t3/not_processed.excessive/natural_person");

  /* twice: the first scroll may land before the layout settles */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (nb_compare_view_focus_cell (view, 1, first));
      nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 1280);
  nb_test_ui_save_png (GTK_WIDGET (fixture->window), "screenshot-compare-2019.png");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

#define ADD(path, func) \
  g_test_add ("/nianbao/form-2019/" path, Fixture, NULL, fixture_set_up, func, nb_test_window_tear_down)
  ADD ("grids", test_grids);
  ADD ("problems-and-fix", test_problems_and_fix);
  ADD ("screenshot", test_screenshot);
#undef ADD
#define ADD(path, order, func) \
  g_test_add ("/nianbao/form-2019/" path, CompareFixture, order, compare_set_up, func, compare_tear_down)
  ADD ("compare-cells", NULL, test_compare_cells);
  ADD ("compare-cells-given-older-first", "older first", test_compare_cells);
  ADD ("compare-sum", NULL, test_compare_sum);
  ADD ("compare-unmatched", NULL, test_compare_unmatched);
  ADD ("compare-keys", NULL, test_compare_keys);
  ADD ("compare-reversed", "2021 form first", test_compare_reversed);
  ADD ("compare-screenshot", NULL, test_compare_screenshot);
#undef ADD

  return g_test_run ();
}
