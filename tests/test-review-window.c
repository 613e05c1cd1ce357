/* test-review-window.c — the review window, driven as a reviewer would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui): a folder's reports filling a table while
 * they are read, sorted and filtered by the headers and the search, a row
 * opening its report, an edit showing in its row, and stopping.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nb-review-columns.h"
#include "nb-review-window.h"
#include "nb-test-ui.h"
#include "nb-test-util.h"

typedef struct
{
  NbTemplate     *template;
  NbReviewWindow *window;
  NbReviewItem   *opened;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->window = g_object_ref_sink (nb_review_window_new (NULL, fixture->template));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  g_object_unref (fixture->template);
  g_clear_object (&fixture->opened);
}

static gboolean
read_all (gpointer data)
{
  return !nb_review_window_get_busy (data);
}

static void
load (Fixture    *fixture,
      const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  nb_review_window_load (fixture->window, folder);
}

static void
load_batch (Fixture *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "batch", "2024", NULL);

  load (fixture, path);
  nb_test_ui_wait_until (read_all, fixture->window);
  nb_test_ui_wait_idle ();
}

static GListModel *
rows (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_column_view_get_model (nb_review_window_get_column_view (fixture->window)));
}

static char *
row_text (Fixture    *fixture,
          guint       row,
          const char *property)
{
  g_autoptr(GObject) item = g_list_model_get_item (rows (fixture), row);

  return nb_review_columns_dup_text (item, property);
}

static GtkColumnViewColumn *
column (Fixture *fixture,
        guint    index)
{
  GListModel *columns = gtk_column_view_get_columns (nb_review_window_get_column_view (fixture->window));
  GtkColumnViewColumn *result = g_list_model_get_item (columns, index);

  g_object_unref (result);
  return result;
}

/* Whether a label with @text is on screen inside @widget */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (nb_review_window_get_column_view (fixture->window));
  g_autofree char *organ = NULL;
  g_autofree char *status = NULL;
  g_autofree char *received = NULL;
  GtkWidget *heading;

  load_batch (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows (fixture)), ==, 21);
  organ = row_text (fixture, 1, "organ");
  status = row_text (fixture, 1, "status");
  received = row_text (fixture, 5, "received");
  g_assert_cmpstr (organ, ==, "演示县财政局");
  g_assert_cmpstr (status, ==, "OK");
  g_assert_cmpstr (received, ==, "4");

  /* what the reviewer sees: the headers, the rows, the findings */
  g_assert_true (shows_label (view, "本年新收"));
  g_assert_true (shows_label (view, "行政处罚"));
  g_assert_true (shows_label (view, "演示县财政局"));
  g_assert_true (shows_label (view, "03-公安局.txt"));
  heading = GTK_WIDGET (fixture->window);
  g_assert_true (shows_label (heading, "Across Units: 5 Findings"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (nb_test_ui_find (heading, GTK_TYPE_REVEALER))));
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GtkColumnView *view = nb_review_window_get_column_view (fixture->window);
  g_autofree char *first_received = NULL;
  g_autofree char *first_organ = NULL;
  g_autofree char *last_organ = NULL;

  load_batch (fixture);
  gtk_column_view_sort_by_column (view, column (fixture, 8), GTK_SORT_DESCENDING);
  nb_test_ui_wait_idle ();
  first_received = row_text (fixture, 0, "received");
  first_organ = row_text (fixture, 0, "organ");
  g_assert_cmpstr (first_received, ==, "4");
  g_assert_cmpstr (first_organ, ==, "演示县公安局");

  gtk_column_view_sort_by_column (view, column (fixture, 1), GTK_SORT_ASCENDING);
  nb_test_ui_wait_idle ();
  g_clear_pointer (&first_organ, g_free);
  first_organ = row_text (fixture, 0, "organ");
  last_organ = row_text (fixture, 20, "organ");
  g_assert_cmpint (strcmp (first_organ, last_organ), <, 0);
}

static gboolean
filtered_to (gpointer data)
{
  Fixture *fixture = data;
  GListModel *model = rows (fixture);

  return g_list_model_get_n_items (model) == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (model), "nb-want"));
}

static void
wait_rows (Fixture *fixture,
           guint    n)
{
  g_object_set_data (G_OBJECT (rows (fixture)), "nb-want", GUINT_TO_POINTER (n));
  nb_test_ui_wait_until (filtered_to, fixture);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *search = nb_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *errors_only = nb_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_CHECK_BUTTON);
  g_autofree char *organ = NULL;

  /* a screen reader is told the check button's words, not its mnemonic */
  gtk_test_accessible_assert_property (errors_only, GTK_ACCESSIBLE_PROPERTY_LABEL, "Only With Errors");
  /* the search field, the main menu */
  g_assert_cmpuint (nb_test_ui_check_names (GTK_WIDGET (fixture->window)), >=, 2);
  load_batch (fixture);
  /* by organ or by file: the townships' folder */
  gtk_editable_set_text (GTK_EDITABLE (search), "乡镇/");
  wait_rows (fixture, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), "教育局");
  wait_rows (fixture, 2);
  organ = row_text (fixture, 0, "organ");
  g_assert_cmpstr (organ, ==, "演示县教育局");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_rows (fixture, 21);
  /* a finding across units says to a screen reader what its colour
   * shows; activated, it shows its organ's reports */
  {
    GtkWidget *row = gtk_widget_get_first_child (nb_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX));
    g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                 "Error");
    g_autofree char *warning = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                   "Warning");

    g_assert_true (error == NULL || warning == NULL);
    gtk_widget_activate (row);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "演示县人民政府");
  wait_rows (fixture, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_rows (fixture, 21);
  /* the batch's reports are all in order */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (errors_only), TRUE);
  wait_rows (fixture, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (errors_only), FALSE);
  wait_rows (fixture, 21);
}

static void
open_report_cb (NbReviewWindow *window,
                NbReviewItem   *item,
                Fixture        *fixture)
{
  g_set_object (&fixture->opened, item);
}

static void
test_activate_and_edit (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (nb_review_window_get_column_view (fixture->window));
  g_autofree char *received = NULL;
  g_autofree char *status = NULL;

  load_batch (fixture);
  g_signal_connect (fixture->window, "open-report", G_CALLBACK (open_report_cb), fixture);
  g_signal_emit_by_name (view, "activate", 3);
  g_assert_nonnull (fixture->opened);
  g_assert_cmpstr (nb_review_item_get_display_name (fixture->opened), ==, "02-教育局-修订.txt");

  /* the report the row opens is the row's: an edit there shows here */
  nb_test_set (nb_review_item_get_report (fixture->opened), "t3/received/total", "99");
  nb_test_ui_wait_idle ();
  received = row_text (fixture, 3, "received");
  status = row_text (fixture, 3, "status");
  g_assert_cmpstr (received, ==, "99");
  g_assert_cmpstr (status, ==, "Errors");
  g_assert_true (shows_label (view, "99"));
}

/* What the bar says when the rows appear */
static void
rows_listed_cb (GListModel *items,
                guint       position,
                guint       removed,
                guint       added,
                char      **text)
{
  NbReviewWindow *window = g_object_get_data (G_OBJECT (items), "nb-window");
  GtkWidget *bar = nb_test_ui_find (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR);

  if (added > 0 && *text == NULL)
    *text = g_strdup (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)));
}

static void
test_progress_and_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("nb-review-XXXXXX", NULL);
  g_autofree char *seed = nb_test_seed_path ("000_773531145496868f");
  g_autofree char *contents = NULL;
  GtkWidget *revealer = nb_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_REVEALER);
  GtkWidget *bar = nb_test_ui_find (GTK_WIDGET (fixture->window), GTK_TYPE_PROGRESS_BAR);
  GListModel *items = nb_review_window_get_items (fixture->window);
  g_autofree char *listed_text = NULL;
  gsize length;
  guint n_stopped = 0;

  g_object_set_data (G_OBJECT (items), "nb-window", fixture->window);
  g_assert_true (g_file_get_contents (seed, &contents, &length, NULL));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%03u.txt", dir, i);

      g_assert_true (g_file_set_contents (name, contents, length, NULL));
    }

  load (fixture, dir);
  /* at once: the bar, the Stop button, a busy window */
  g_assert_true (nb_review_window_get_busy (fixture->window));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_true (gtk_widget_is_sensitive (gtk_widget_get_last_child (gtk_widget_get_parent (bar))));

  /* stopped before the folder was read: what was read stays, the rest
   * says it was not */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL);
  nb_test_ui_wait_until (read_all, fixture->window);
  nb_test_ui_wait_idle ();
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NbReviewItem) item = g_list_model_get_item (items, i);
      const char *status = nb_review_item_get_status (item);

      g_assert_cmpstr (status, !=, "reading");
      if (g_str_equal (status, "unreadable"))
        {
          g_assert_cmpstr (nb_review_item_get_error (item), ==, "Not read: the reading was stopped");
          n_stopped++;
        }
    }
  g_test_message ("%u rows, %u of them not read after Stop", g_list_model_get_n_items (items), n_stopped);

  /* the window reads the folder again, whole, and the bar counts it */
  g_signal_connect (items, "items-changed", G_CALLBACK (rows_listed_cb), &listed_text);
  load (fixture, dir);
  nb_test_ui_wait_until (read_all, fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 300);
  g_assert_nonnull (listed_text);
  g_assert_true (g_str_has_suffix (listed_text, " of 300 files…"));
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(NbReviewItem) item = g_list_model_get_item (items, i);

      g_assert_cmpstr (nb_review_item_get_status (item), ==, "ok");
    }

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%03u.txt", dir, i);

      g_unlink (name);
    }
  g_rmdir (dir);
}

static void
test_roster_and_previous (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *roster_path = g_test_build_filename (G_TEST_DIST, "data", "batch", "roster.csv", NULL);
  g_autofree char *previous_path = g_test_build_filename (G_TEST_DIST, "data", "batch", "2023", NULL);
  g_autoptr(GFile) roster_file = g_file_new_for_path (roster_path);
  g_autoptr(GFile) previous = g_file_new_for_path (previous_path);
  g_autoptr(NbRoster) roster = nb_roster_load (roster_file, NULL, NULL);
  GtkWidget *window = GTK_WIDGET (fixture->window);

  load_batch (fixture);
  nb_review_window_set_roster (fixture->window, roster);
  nb_test_ui_wait_idle ();
  g_assert_true (shows_label (window, "Across Units: 7 Findings"));

  /* last year's folder adds its rows to none, its findings to the list */
  nb_review_window_load_previous (fixture->window, previous);
  nb_test_ui_wait_until (read_all, fixture->window);
  nb_test_ui_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (rows (fixture)), ==, 21);
  g_assert_true (shows_label (window, "Across Units: 10 Findings"));
  g_assert_true (shows_label (window, "演示县林业局 — set.missing: No report of 演示县林业局 for 2024: the unit "
                                      "filed one for 2023"));
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *roster_path = g_test_build_filename (G_TEST_DIST, "data", "batch", "roster.csv", NULL);
  g_autoptr(GFile) roster_file = g_file_new_for_path (roster_path);
  g_autoptr(NbRoster) roster = nb_roster_load (roster_file, NULL, NULL);

  nb_review_window_set_roster (fixture->window, roster);
  load_batch (fixture);
  nb_test_ui_save_png (GTK_WIDGET (fixture->window), "screenshot-review.png");
}

static gboolean
finalized (gpointer data)
{
  return *(gboolean *) data;
}

static void
finalized_cb (gpointer  data,
              GObject  *where)
{
  *(gboolean *) data = TRUE;
}

static void
test_close_while_reading (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "batch", "2024", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  NbReviewWindow *window = nb_review_window_new (NULL, template);
  gboolean gone = FALSE;

  /* closed at once: the reading stops, and the window goes once its
   * thread is done */
  g_object_weak_ref (G_OBJECT (window), finalized_cb, &gone);
  gtk_window_present (GTK_WINDOW (window));
  nb_review_window_load (window, folder);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_object_unref (window);
  nb_test_ui_wait_until (finalized, &gone);
  nb_test_ui_wait_idle ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

  g_test_add ("/review-window/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/review-window/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/review-window/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/review-window/activate-and-edit", Fixture, NULL, fixture_set_up, test_activate_and_edit,
              fixture_tear_down);
  g_test_add ("/review-window/roster-and-previous", Fixture, NULL, fixture_set_up, test_roster_and_previous,
              fixture_tear_down);
  g_test_add_func ("/review-window/close-while-reading", test_close_while_reading);
  g_test_add ("/review-window/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  g_test_add ("/review-window/progress-and-cancel", Fixture, NULL, fixture_set_up, test_progress_and_cancel,
              fixture_tear_down);

  return g_test_run ();
}
