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

typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
  NbWindow   *window;
} Fixture;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

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
  nb_test_ui_wait_until (is_mapped, fixture->window);
  nb_test_ui_wait_idle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  g_object_unref (fixture->importer);
  g_object_unref (fixture->template);
}

static NbReport *
report (Fixture *fixture)
{
  return nb_document_get_report (nb_window_get_document (fixture->window));
}

static NbCellEntry *
entry_for (Fixture    *fixture,
           const char *address)
{
  int cell = nb_report_lookup_cell (report (fixture), address);
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

  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report (fixture))), ==, "2019");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_test_message ("%s", headers[i]);
      g_assert_true (shows_label (view, headers[i]));
    }
  g_assert_false (shows_label (view, "现行有效件数"));
  g_assert_false (shows_label (view, "3.其他"));
  g_assert_cmpint (nb_report_lookup_cell (report (fixture), "t2/regulations/in_force"), ==, -1);

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
  int total = nb_report_lookup_cell (report (fixture), "t3/results_total/natural_person");
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
  fixture->window = g_object_ref_sink (nb_compare_window_new (NULL, newer, older));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (is_mapped, fixture->window);
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

/* Each year on its own form; （六） against the sum of the 2021 rows; the
 * rows only one form has unmarked; the summary says how. */
static void
test_compare (CompareFixture *fixture,
              gconstpointer   data)
{
  NbCompareView *view = nb_compare_window_get_view (fixture->window);
  int other = nb_report_lookup_cell (fixture->older, "t3/other_processing/natural_person");
  GtkLabel *delta;

  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (fixture->older)), ==, "2019");
  g_assert_true (gtk_widget_has_css_class (side_entry (fixture, 0, "t3/other_processing/natural_person"),
                                           "nb-changed"));
  g_assert_true (gtk_widget_has_css_class (side_entry (fixture, 1, "t3/other_handling.no_fee/natural_person"),
                                           "nb-changed"));
  g_assert_true (gtk_widget_has_css_class (side_entry (fixture, 1, "t3/other_handling.other/natural_person"),
                                           "nb-changed"));
  /* shown, not compared */
  g_assert_false (gtk_widget_has_css_class (side_entry (fixture, 0, "t2/regulations/total_public"),
                                            "nb-changed"));
  g_assert_false (gtk_widget_has_css_class (side_entry (fixture, 1, "t2/regulations/in_force"),
                                            "nb-changed"));
  /* the carry-over across the forms, on both sides */
  g_assert_true (gtk_widget_has_css_class (side_entry (fixture, 0, "t3/carried_forward/natural_person"),
                                           "error"));
  g_assert_true (gtk_widget_has_css_class (side_entry (fixture, 1, "t3/carried_over/natural_person"),
                                           "error"));

  g_assert_true (shows_label (GTK_WIDGET (view),
                              "“（六）其他处理” is one row on the 2019 form; it is compared with the "
                              "sum of the 3 rows of the 2021 form."));

  nb_compare_view_set_show_delta (view, TRUE);
  nb_test_ui_wait_idle ();
  delta = nb_compare_view_get_delta_label (view, other);
  g_assert_nonnull (delta);
  g_assert_cmpstr (gtk_label_get_text (delta), ==, "+1");

  /* an edit on the 2021 side updates the 2019 row's difference */
  gtk_editable_set_text (GTK_EDITABLE (side_entry (fixture, 1, "t3/other_handling.other/natural_person")), "3");
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_label_get_text (delta), ==, "+4");
  nb_test_ui_save_png (GTK_WIDGET (fixture->window), "screenshot-compare-2019.png");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

#define ADD(path, func) \
  g_test_add ("/nianbao/form-2019/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("grids", test_grids);
  ADD ("problems-and-fix", test_problems_and_fix);
  ADD ("screenshot", test_screenshot);
#undef ADD
  g_test_add ("/nianbao/form-2019/compare", CompareFixture, NULL, compare_set_up, test_compare,
              compare_tear_down);

  return g_test_run ();
}
