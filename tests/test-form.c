/* test-form.c — what the form and its problems panel show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui) in a 1280×800 window: the panel's rows and
 * counts, the cells' highlights, tooltips and sizes.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nb-head-list-model.h"
#include "nb-narrative-view.h"
#include "nb-settings.h"
#include "nb-test-ui.h"
#include "nb-tooltip.h"
#include "nb-table-grid.h"
#include "nb-test-util.h"
#include "nb-window.h"

typedef NbTestWindow Fixture;


static gboolean
window_has_document (gpointer window)
{
  return nb_window_get_document (window) != NULL && nb_test_ui_is_mapped (window);
}

static void
new_report (Fixture *fixture)
{
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL);
  nb_test_ui_wait_until (window_has_document, fixture->window);
  nb_test_ui_wait_idle ();
}

static guint
count_list_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static guint
n_rows (Fixture *fixture)
{
  return count_list_rows (nb_diagnostics_panel_get_list (nb_window_get_panel (fixture->window)));
}

/* A blank form lists no problem for its empty cells, but counts them in
 * one row that goes from one empty cell to the next. */
static void
test_empty_cells_summary (Fixture       *fixture,
                          gconstpointer  data)
{
  NbDiagnosticsPanel *panel = nb_window_get_panel (fixture->window);
  guint errors = 99, warnings = 99, empty = 0;

  new_report (fixture);
  g_assert_cmpuint (nb_diagnostics_panel_count (panel, &errors, &warnings, &empty), ==, 0);
  g_assert_cmpuint (errors, ==, 0);
  g_assert_cmpuint (warnings, ==, 0);
  g_assert_cmpuint (empty, ==, 200);
  g_assert_cmpuint (n_rows (fixture), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (panel), "panel.next-empty", NULL);
  nb_test_ui_wait_idle ();
  g_assert_cmpint (nb_test_window_focused_cell (fixture), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (panel), "panel.next-empty", NULL);
  nb_test_ui_wait_idle ();
  g_assert_cmpint (nb_test_window_focused_cell (fixture), ==, 1);

  /* a cell filled is one fewer; a "nothing here" mark is text the
   * clerk typed and is listed by itself, as not applicable (cell.na) */
  gtk_editable_set_text (GTK_EDITABLE (nb_test_window_entry_for (fixture, "t3/received/natural_person")), "4");
  gtk_editable_set_text (GTK_EDITABLE (nb_test_window_entry_for (fixture, "t3/received/commercial")), "/");
  nb_test_ui_wait_idle ();
  nb_diagnostics_panel_count (panel, &errors, &warnings, &empty);
  g_assert_cmpuint (empty, ==, 198);
  g_assert_cmpuint (warnings, ==, 1);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  gtk_test_accessible_assert_property (gtk_list_box_get_row_at_index (nb_diagnostics_panel_get_list (panel), 0),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "商业企业 一、本年新收政府信息公开申请数量: “/” marks the cell not "
                                       "applicable; the form asks for 0");
}

/* A submitted report's problems are listed as before, one row each. */
static void
test_seed_rows (Fixture       *fixture,
                gconstpointer  data)
{
  guint errors = 0, warnings = 0, empty = 0;

  nb_test_window_show_seed (fixture, "003_babb1a0d8021a832");
  nb_diagnostics_panel_count (nb_window_get_panel (fixture->window), &errors, &warnings, &empty);
  g_assert_cmpuint (errors, ==, 2);
  g_assert_cmpuint (warnings, ==, 0);
  g_assert_cmpuint (empty, ==, 0);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
}

static gboolean
has_class (Fixture    *fixture,
           const char *address,
           const char *css_class)
{
  return gtk_widget_has_css_class (GTK_WIDGET (nb_test_window_entry_for (fixture, address)), css_class);
}

/* Where problems overlap, each cell shows which are its own: a row of the
 * input with a number too many marks its cells lightly, a broken total
 * colours its own cells; going to a problem outlines its cells; fixing
 * the total leaves no cell red. */
static void
test_problem_cells (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkListBox *list = nb_diagnostics_panel_get_list (nb_window_get_panel (fixture->window));
  static const char *groups[] = { "review", "litigation_direct", "litigation_after_review" };
  static const char *columns[] = { "upheld", "corrected", "other", "pending", "total" };
  guint outlined = 0;

  nb_test_window_show_seed (fixture, "003_babb1a0d8021a832");
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        g_autofree char *address = g_strdup_printf ("t4/%s/%s", groups[g], columns[c]);

        g_assert_true (has_class (fixture, address, "nb-imported"));
        /* only the group whose total is wrong is red */
        g_assert_cmpint (has_class (fixture, address, "error"), ==, g == 2);
        g_assert_nonnull (strstr (nb_cell_entry_get_tooltip (nb_test_window_entry_for (fixture, address)),
                                  "has 16 numbers for 15 columns"));
      }
  gtk_test_accessible_assert_state (nb_test_window_entry_for (fixture, "t4/review/upheld"), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);

  /* the rows: parse.extra-values, then t4.total */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  nb_test_ui_wait_idle ();
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        g_autofree char *address = g_strdup_printf ("t4/%s/%s", groups[g], columns[c]);

        g_assert_cmpint (has_class (fixture, address, "nb-outlined"), ==, g == 2);
      }
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  nb_test_ui_wait_idle ();
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        g_autofree char *address = g_strdup_printf ("t4/%s/%s", groups[g], columns[c]);

        outlined += has_class (fixture, address, "nb-outlined");
      }
  g_assert_cmpuint (outlined, ==, 15);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.fix-cell", "u",
                              (guint) nb_report_lookup_cell (nb_test_window_report (fixture), "t4/litigation_after_review/total"));
  nb_test_ui_wait_idle ();
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      {
        g_autofree char *address = g_strdup_printf ("t4/%s/%s", groups[g], columns[c]);

        g_assert_false (has_class (fixture, address, "error"));
        g_assert_false (has_class (fixture, address, "nb-outlined"));
      }
}

/* Every button and label in @widget, depth first */
static void
collect_widgets (GtkWidget *widget,
                 GPtrArray *found)
{
  if (GTK_IS_BUTTON (widget) || GTK_IS_LABEL (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, found);
}

/* Header bar buttons and the form's field labels have no mnemonics,
 * which zh_CN shows as "打开(O)". */
static void
test_no_header_mnemonics (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  guint n_buttons = 0, n_labels = 0;

  nb_test_window_show_seed (fixture, "000_773531145496868f");
  collect_widgets (GTK_WIDGET (fixture->window), found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (found, i);

      if (GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL &&
          gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
        {
          g_assert_false (gtk_button_get_use_underline (GTK_BUTTON (widget)));
          n_buttons++;
        }
      if (GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) != NULL &&
          gtk_widget_is_ancestor (widget, GTK_WIDGET (nb_test_window_view (fixture))))
        {
          g_assert_false (gtk_label_get_use_underline (GTK_LABEL (widget)));
          n_labels++;
        }
    }
  /* Open and Save; Organ and Year */
  g_assert_cmpuint (n_buttons, ==, 2);
  g_assert_cmpuint (n_labels, ==, 2);
}

/* A tooltip is never squeezed to a character a line nor runs past the
 * window: it wraps a long message at a paragraph's width. */
static void
test_tooltip_shape (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *short_label = g_object_ref_sink (nb_tooltip_label_new ("主菜单"));
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *long_label;
  int minimum, natural, width_of_char;

  gtk_widget_measure (short_label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  width_of_char = natural / 3;
  g_object_unref (short_label);

  for (guint i = 0; i < 10; i++)
    g_string_append (text, "复议后起诉: 总计 = 0, but 维持 + 纠正 = 1 ");
  long_label = g_object_ref_sink (nb_tooltip_label_new (text->str));
  gtk_widget_measure (long_label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 10 * width_of_char);
  g_assert_cmpint (natural, <=, 60 * width_of_char);
  g_assert_cmpint (natural, <, 700);
  g_object_unref (long_label);
}

/* The text of the second label of a panel row: where the problem is */
static const char *
row_place (GtkListBoxRow *row)
{
  GtkGrid *grid = GTK_GRID (gtk_list_box_row_get_child (row));

  /* beside the icon, below the message */
  return gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 1, 1)));
}

/* The panel names places in the form's words and keeps the rule id in
 * the row's tooltip. */
static void
test_places_in_words (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkListBox *list = nb_diagnostics_panel_get_list (nb_window_get_panel (fixture->window));

  nb_test_window_show_seed (fixture, "003_babb1a0d8021a832");
  g_assert_cmpstr (row_place (gtk_list_box_get_row_at_index (list, 0)), ==, "Table 四 · 行政复议 · 结果维持 · line 88");
  g_assert_cmpstr (row_place (gtk_list_box_get_row_at_index (list, 1)), ==, "Table 四 · 复议后起诉 · 总计 · line 88");
  /* the tooltip, made when shown, gives the rule; a screen reader is
   * told the row's kind too, which its icon shows */
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1))));
  gtk_test_accessible_assert_property (gtk_list_box_get_row_at_index (list, 1),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Error · Rule t4.total");
}

/* The first widget of @type in the window's header bar */
static GtkWidget *
find_in_header_bar (Fixture *fixture,
                    GType    type)
{
  return nb_test_ui_find (nb_test_ui_find (GTK_WIDGET (fixture->window), ADW_TYPE_HEADER_BAR), type);
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) && g_str_equal (name, action))
        return TRUE;
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          gboolean found = menu_has_action (link, action);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

/* The main menu as the user sees it: it is built when first opened. */
static GMenuModel *
open_menu (GtkWidget *menu_button)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  nb_test_ui_wait_idle ();
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  nb_test_ui_wait_idle ();
  return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
}

/* The empty window offers only what it can do: no Save, no Problems
 * toggle, no Export; a report brings them. */
static void
test_empty_window (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *menu_button = find_in_header_bar (fixture, GTK_TYPE_MENU_BUTTON);
  GtkWidget *toggle = find_in_header_bar (fixture, GTK_TYPE_TOGGLE_BUTTON);
  GMenuModel *menu;

  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  g_assert_nonnull (menu_button);
  g_assert_nonnull (toggle);
  g_assert_false (gtk_widget_get_visible (toggle));
  menu = open_menu (menu_button);
  g_assert_true (menu_has_action (menu, "win.open"));
  g_assert_false (menu_has_action (menu, "win.export"));
  g_assert_false (menu_has_action (menu, "win.save-as"));

  new_report (fixture);
  g_assert_true (gtk_widget_get_visible (toggle));
  menu = open_menu (menu_button);
  g_assert_true (menu_has_action (menu, "win.export"));
}

static gboolean
document_shown (gpointer window)
{
  return nb_window_get_document (window) != NULL;
}

/* recorded since @data (a GDateTime), under a name no translation
 * changes: the list may hold the report from an earlier run */
static gboolean
recorded_recent (gpointer data)
{
  g_autoptr(GtkRecentInfo) info = NULL;
  g_autofree char *path = nb_test_seed_path ("003_babb1a0d8021a832");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GDateTime *stamp = NULL;

  info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);
  return info != NULL && gtk_recent_info_get_application_info (info, "nianbao", NULL, NULL, &stamp) &&
         g_date_time_compare (stamp, data) >= 0;
}

/* Recent reports are named by organ and year, the file beneath, each on
 * one line however long its folder; the whole path is the tooltip. */
static void
test_recent_names (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = nb_test_seed_path ("003_babb1a0d8021a832");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) opened = g_date_time_new_now_utc ();
  g_autofree char *title = NULL;
  NbWindow *other;
  AdwActionRow *row;

  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_window_open (fixture->window, file);
  nb_test_ui_wait_until (document_shown, fixture->window);
  title = g_strdup_printf ("%s · %u", nb_report_get_organ (nb_test_window_report (fixture)), nb_report_get_year (nb_test_window_report (fixture)));

  /* the list is read when the empty page is shown, the report recorded
   * once its window has painted */
  nb_test_ui_wait_until (recorded_recent, opened);
  other = g_object_ref_sink (nb_window_new (NULL, fixture->importer, NULL));
  g_assert_null (nb_test_ui_find (GTK_WIDGET (other), ADW_TYPE_ACTION_ROW));
  gtk_window_present (GTK_WINDOW (other));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, other);
  row = ADW_ACTION_ROW (nb_test_ui_find (GTK_WIDGET (other), ADW_TYPE_ACTION_ROW));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "003_babb1a0d8021a832.txt — "));
  g_assert_cmpint (adw_action_row_get_title_lines (row), ==, 1);
  g_assert_cmpint (adw_action_row_get_subtitle_lines (row), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, path);
  gtk_window_destroy (GTK_WINDOW (other));
  g_object_unref (other);
}

/* The form at 1280×800 beside its problems, for docs/ */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *shots[][2] = {
    { "t2/regulations/issued", "screenshot-form-top.png" },
    { "t3/not_processed.petition/natural_person", "screenshot-form-middle.png" },
    { "t4/litigation_after_review/total", "screenshot-form.png" },
  };

  nb_test_window_show_seed (fixture, "003_babb1a0d8021a832");
  for (guint s = 0; s < G_N_ELEMENTS (shots); s++)
    {
      /* twice: the first scroll may land before the layout settles */
      for (guint i = 0; i < 2; i++)
        {
          nb_report_view_focus_cell (nb_test_window_view (fixture), nb_report_lookup_cell (nb_test_window_report (fixture), shots[s][0]));
          nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
        }
      nb_test_ui_save_png (GTK_WIDGET (fixture->window), shots[s][1]);
    }
}

/* Typing changes only the rows of the problems that change: a row that
 * stays is the same row (with its open popover or its focus), a cell
 * emptied on the way to its new number never shows as a row, and the
 * cell's tooltip says the problem as it is now. */
static void
test_panel_rows_kept (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkListBox *list = nb_diagnostics_panel_get_list (nb_window_get_panel (fixture->window));
  NbCellEntry *entry, *total;
  GtkListBoxRow *first, *second;

  nb_test_window_show_seed (fixture, "003_babb1a0d8021a832");
  entry = nb_test_window_entry_for (fixture, "t3/received/natural_person");
  total = nb_test_window_entry_for (fixture, "t3/received/total");
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  first = gtk_list_box_get_row_at_index (list, 0);
  second = gtk_list_box_get_row_at_index (list, 1);
  g_assert_cmpint (nb_cell_entry_get_severity (total), !=, NB_SEVERITY_ERROR);

  /* the text is replaced: emptied, then the new number */
  gtk_editable_set_text (GTK_EDITABLE (entry), "5");
  g_assert_cmpuint (n_rows (fixture), ==, 4);
  g_assert_true (gtk_list_box_get_row_at_index (list, 0) == first);
  g_assert_cmpint (nb_cell_entry_get_severity (total), ==, NB_SEVERITY_ERROR);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (total)));
  g_assert_nonnull (strstr (nb_cell_entry_get_tooltip (total), "总计"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "8");
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  g_assert_true (gtk_list_box_get_row_at_index (list, 0) == first);
  g_assert_true (gtk_list_box_get_row_at_index (list, 1) == second);
  g_assert_cmpint (nb_cell_entry_get_severity (total), !=, NB_SEVERITY_ERROR);
}

typedef struct
{
  NbReportView *view;
  gboolean      painted;
  gboolean      complete;   /* at the first frame */
  gboolean      filled;     /* the form reached the bottom of the view */
  guint         shown;      /* cells with an entry at the first frame */
  GHashTable   *styles;     /* cell → its entry's severity at the first frame */
  int           overview;   /* the overview's height at the first frame */
} FirstFrame;

/* Counts the cell entries below @widget, noting each one's severity in
 * @styles if given */
static guint
count_entries (GtkWidget  *widget,
               GHashTable *styles)
{
  guint n = NB_IS_CELL_ENTRY (widget);

  if (n > 0 && styles != NULL)
    g_hash_table_insert (styles, GUINT_TO_POINTER (nb_cell_get_index (nb_cell_entry_get_cell (NB_CELL_ENTRY (widget)))),
                         GINT_TO_POINTER (nb_cell_entry_get_severity (NB_CELL_ENTRY (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_entries (child, styles);
  return n;
}

static void
first_paint_cb (GdkFrameClock *clock,
                FirstFrame    *frame)
{
  /* the view's overlay holds the scrolled form */
  GtkWidget *overlay = gtk_widget_get_first_child (GTK_WIDGET (frame->view));
  GtkWidget *scroller = gtk_overlay_get_child (GTK_OVERLAY (overlay));
  GtkAdjustment *adjustment;
  GtkWidget *form;

  if (frame->painted)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  form = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))));
  frame->painted = TRUE;
  frame->complete = nb_report_view_get_complete (frame->view);
  frame->filled = gtk_widget_get_height (form) >= gtk_adjustment_get_page_size (adjustment);
  frame->shown = count_entries (GTK_WIDGET (frame->view), frame->styles);
  frame->overview = gtk_widget_get_height (nb_test_ui_find (GTK_WIDGET (frame->view), NB_TYPE_NARRATIVE_VIEW));
}

static gboolean
view_complete (gpointer view)
{
  return nb_report_view_get_complete (view);
}

/* The first frame shows the form as far as the view reaches, built
 * before it is painted; the rest follows by itself, with its problems
 * marked. Seed 003 has a long overview: the first frame needs only it
 * and table 二. A blank form in a tall window needs more. */
static void
test_first_frame (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *stem = data;
  g_autoptr(NbDocument) document = NULL;
  FirstFrame frame = { 0 };
  g_autoptr(GHashTable) styles = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  NbTemplateTable *first_table = g_ptr_array_index (nb_template_get_tables (fixture->template), 0);
  NbReportView *view;

  if (stem != NULL)
    {
      g_autofree char *path = nb_test_seed_path (stem);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      document = nb_document_load (fixture->importer, file, NULL, NULL);
      /* a problem in the first screen, to be seen in the first frame */
      nb_test_set (nb_document_get_report (document), "t2/regulations/issued", "x");
    }
  else
    {
      g_autoptr(NbReport) blank = nb_report_new (fixture->template);

      document = nb_document_new (blank, NULL);
      /* taller than the title fields, the overview and table 二 */
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 1150);
    }
  g_assert_nonnull (document);
  nb_window_set_document (fixture->window, document);
  view = nb_window_get_report_view (fixture->window);
  frame.view = view;
  frame.styles = styles;
  g_assert_false (nb_report_view_get_complete (view));
  gtk_widget_realize (GTK_WIDGET (fixture->window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), "after-paint",
                    G_CALLBACK (first_paint_cb), &frame);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (view_complete, view);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), &frame);
  g_assert_true (frame.painted);
  g_assert_true (frame.filled);
  g_test_message ("first frame: %u cell entries, form complete %d", frame.shown, frame.complete);
  if (stem != NULL)
    {
      /* the overview and table 二 */
      g_assert_false (frame.complete);
      g_assert_cmpuint (frame.shown, ==, first_table->n_cells);
      /* the overview whole, at the height it keeps: nothing under it
       * moves once the window is on screen */
      nb_test_ui_wait_idle ();
      nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
      g_assert_cmpint (frame.overview, >, 96);
      g_assert_cmpint (frame.overview, ==, gtk_widget_get_height (nb_test_ui_find (GTK_WIDGET (view), NB_TYPE_NARRATIVE_VIEW)));
    }
  else
    g_assert_cmpuint (frame.shown, >, first_table->n_cells);

  /* everything built afterwards, without asking for a cell; the cells of
   * the first frame had then the styles they have now */
  g_assert_cmpuint (count_entries (GTK_WIDGET (view), NULL), ==, nb_template_get_n_cells (fixture->template));
  g_hash_table_iter_init (&iter, styles);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpint (GPOINTER_TO_INT (value), ==,
                     nb_cell_entry_get_severity (nb_report_view_get_entry (view, GPOINTER_TO_UINT (key))));
  if (stem != NULL)
    {
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (styles, GINT_TO_POINTER (nb_report_lookup_cell (
                         nb_document_get_report (document), "t2/regulations/issued")))), ==, NB_SEVERITY_ERROR);
      g_assert_true (has_class (fixture, "t4/litigation_after_review/total", "error"));
      gtk_test_accessible_assert_state (nb_test_window_entry_for (fixture, "t4/litigation_after_review/total"),
                                        GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
    }
}

/* The items-changed a model emitted, as "position,removed,added" */
static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *changes)
{
  g_string_append_printf (changes, "%s%u,%u,%u", changes->len > 0 ? " " : "", position, removed, added);
}

static GtkStringObject *
head_item (NbHeadListModel *head,
           guint            position)
{
  static GtkStringObject *item;

  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (head), position);
  return item;
}

/* The first items of a list, then all of it, each change told once and
 * for what it is: before, changes in the first items replace those after
 * them (others move in); after, a change is passed on as it is. */
static void
test_head_list_model (void)
{
  const char *const letters[] = { "a", "b", "c", "d", "e", NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (letters);
  g_autoptr(NbHeadListModel) head = nb_head_list_model_new (G_LIST_MODEL (list), 3);
  g_autoptr(GString) changes = g_string_new (NULL);

  g_signal_connect (head, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (head)), ==, 3);
  g_assert_cmpstr (gtk_string_object_get_string (head_item (head, 2)), ==, "c");
  g_assert_null (head_item (head, 3));

  /* after the first items: not seen */
  gtk_string_list_remove (list, 4);
  g_assert_cmpstr (changes->str, ==, "");
  /* among them: "b" goes, "d" moves in */
  gtk_string_list_remove (list, 1);
  g_assert_cmpstr (changes->str, ==, "1,2,2");
  g_assert_cmpstr (gtk_string_object_get_string (head_item (head, 2)), ==, "d");
  /* one replaced by one */
  gtk_string_list_splice (list, 0, 1, (const char *const[]) { "A", NULL });
  g_assert_cmpstr (changes->str, ==, "1,2,2 0,1,1");

  g_string_truncate (changes, 0);
  nb_head_list_model_show_all (head);
  g_assert_cmpuint (nb_head_list_model_get_limit (head), ==, G_MAXUINT);
  g_assert_cmpstr (changes->str, ==, "");    /* nothing was beyond */
  gtk_string_list_append (list, "f");
  gtk_string_list_append (list, "g");
  g_assert_cmpstr (changes->str, ==, "3,0,1 4,0,1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (head)), ==, 5);
  gtk_string_list_remove (list, 1);
  g_assert_cmpstr (changes->str, ==, "3,0,1 4,0,1 1,1,0");

  {
    g_autoptr(GtkStringList) long_list = gtk_string_list_new (letters);
    g_autoptr(NbHeadListModel) two = nb_head_list_model_new (G_LIST_MODEL (long_list), 2);

    g_string_truncate (changes, 0);
    g_signal_connect (two, "items-changed", G_CALLBACK (record_change_cb), changes);
    /* more of them, then fewer (which changes nothing), then all */
    nb_head_list_model_show_first (two, 3);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (two)), ==, 3);
    nb_head_list_model_show_first (two, 1);
    g_assert_cmpuint (nb_head_list_model_get_limit (two), ==, 3);
    /* a change in the first items is still told as before */
    gtk_string_list_remove (long_list, 0);
    g_assert_cmpstr (changes->str, ==, "2,0,1 0,3,3");
    gtk_string_list_splice (long_list, 0, 0, (const char *const[]) { "a", NULL });
    g_string_truncate (changes, 0);
    nb_head_list_model_show_all (two);
    g_assert_cmpstr (changes->str, ==, "3,0,2");
    g_assert_cmpstr (gtk_string_object_get_string (head_item (two, 4)), ==, "e");
  }
  head_item (head, G_MAXUINT);
}

typedef struct
{
  GtkListBox *list;
  guint       first_paint_rows;  /* G_MAXUINT until painted */
  double      rows_bottom;       /* where the last row painted ends, in the panel's view */
  double      last_but_one_top;  /* where the row before it starts */
  double      view_bottom;       /* where the view ends */
} PanelFrame;

static void
panel_first_paint_cb (GdkFrameClock *clock,
                      PanelFrame    *frame)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (frame->list), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (frame->first_paint_rows != G_MAXUINT)
    return;
  frame->first_paint_rows = count_list_rows (frame->list);
  frame->view_bottom = gtk_widget_get_height (view);
  if (frame->first_paint_rows > 0 &&
      gtk_widget_compute_bounds (GTK_WIDGET (gtk_list_box_get_row_at_index (frame->list, frame->first_paint_rows - 1)),
                                 view, &bounds))
    frame->rows_bottom = bounds.origin.y + bounds.size.height;
  if (frame->first_paint_rows > 1 &&
      gtk_widget_compute_bounds (GTK_WIDGET (gtk_list_box_get_row_at_index (frame->list, frame->first_paint_rows - 2)),
                                 view, &bounds))
    frame->last_but_one_top = bounds.origin.y;
}

static gboolean
panel_painted (gpointer data)
{
  PanelFrame *frame = data;

  return frame->first_paint_rows != G_MAXUINT;
}

static gboolean
panel_lists_all (gpointer data)
{
  NbTestWindow *fixture = data;
  NbDiagnosticsPanel *panel = nb_window_get_panel (fixture->window);

  return count_list_rows (nb_diagnostics_panel_get_list (panel)) == nb_diagnostics_panel_count (panel, NULL, NULL, NULL);
}

/* A real report with forty problems: the first frame makes the rows the
 * panel shows (and no more than a few beyond), the rest follow by themselves, and the first rows
 * stay the rows they were. With the panel hidden (F9), they follow all
 * the same, and a change of the list then makes only the rows that
 * change. */
static void
test_first_frame_problems (Fixture       *fixture,
                           gconstpointer  data)
{
  gboolean hidden = GPOINTER_TO_INT (data);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "pingtan-gyz-2024.page.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbDocument) document = nb_document_load (fixture->importer, file, NULL, NULL);
  NbDiagnosticsPanel *panel = nb_window_get_panel (fixture->window);
  PanelFrame frame = { nb_diagnostics_panel_get_list (panel), G_MAXUINT };
  GtkListBoxRow *first;
  guint listed;

  g_assert_nonnull (document);
  nb_window_set_document (fixture->window, document);
  listed = nb_diagnostics_panel_count (panel, NULL, NULL, NULL);
  g_assert_cmpuint (listed, >, 30);
  first = gtk_list_box_get_row_at_index (frame.list, 0);
  g_assert_nonnull (first);
  if (hidden)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-problems", NULL);
  gtk_widget_realize (GTK_WIDGET (fixture->window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), "after-paint",
                    G_CALLBACK (panel_first_paint_cb), &frame);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (panel_painted, &frame);
  nb_test_ui_wait_until (panel_lists_all, fixture);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), &frame);

  g_test_message ("first frame: %u of %u rows, down to %.0f of %.0f px", frame.first_paint_rows, listed,
                  frame.rows_bottom, frame.view_bottom);
  g_assert_cmpuint (frame.first_paint_rows, <, listed);
  /* shown, the first frame's rows fill the panel */
  if (!hidden)
    {
      g_assert_cmpfloat (frame.view_bottom, >, 300);
      g_assert_cmpfloat (frame.rows_bottom, >=, frame.view_bottom);
      g_assert_cmpfloat (frame.last_but_one_top, <, frame.view_bottom);
    }
  g_assert_true (gtk_list_box_get_row_at_index (frame.list, 0) == first);
  g_assert_cmpuint (count_list_rows (frame.list), ==, listed);
  g_assert_cmpint (gtk_widget_get_mapped (GTK_WIDGET (panel)), ==, !hidden);

  /* a new problem: one row more, the others kept */
  {
    GtkListBoxRow *last = gtk_list_box_get_row_at_index (frame.list, listed - 1);

    nb_test_set (nb_document_get_report (document), "t3/received/natural_person", "9999");
    g_assert_cmpuint (nb_diagnostics_panel_count (panel, NULL, NULL, NULL), >, listed);
    g_assert_cmpuint (count_list_rows (frame.list), ==, nb_diagnostics_panel_count (panel, NULL, NULL, NULL));
    g_assert_true (gtk_list_box_get_row_at_index (frame.list, 0) == first);
    g_assert_true (gtk_widget_get_parent (GTK_WIDGET (last)) == GTK_WIDGET (frame.list));
  }
}

static void
overview_height_cb (GdkFrameClock *clock,
                    int           *height)
{
  NbWindow *window = g_object_get_data (G_OBJECT (clock), "nb-test-window");
  GtkWidget *view = nb_test_ui_find (GTK_WIDGET (nb_window_get_report_view (window)), NB_TYPE_NARRATIVE_VIEW);

  if (*height < 0 && view != NULL && gtk_widget_get_mapped (view))
    *height = gtk_widget_get_height (view);
}

static gboolean
measured (gpointer height)
{
  return *(int *) height >= 0;
}

/* The overview's height at the first frame of a window showing a blank
 * report whose overview is @text */
static int
overview_at_first_frame (Fixture    *fixture,
                         const char *text)
{
  g_autoptr(NbReport) blank = nb_report_new (fixture->template);
  g_autoptr(NbDocument) document = NULL;
  GdkFrameClock *clock;
  int height = -1;

  nb_report_set_section_text (blank, "overview", text);
  document = nb_document_new (blank, NULL);
  nb_window_set_document (fixture->window, document);
  gtk_widget_realize (GTK_WIDGET (fixture->window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  g_object_set_data (G_OBJECT (clock), "nb-test-window", fixture->window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (overview_height_cb), &height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (measured, &height);
  g_signal_handlers_disconnect_by_data (clock, &height);
  return height;
}

/* A section as long as a whole submitted file is laid out by its text
 * view in steps after the first frame, as GtkTextView does, not all of
 * it before the window appears */
static void
test_long_narrative (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  while (g_utf8_strlen (text->str, -1) <= 20000)
    g_string_append (text, "本机关政府信息公开工作稳步推进，公开内容不断丰富。\n");
  /* its least height, the lines laid out before the frame */
  g_assert_cmpint (overview_at_first_frame (fixture, text->str), ==, 96);
}

/* Paragraphs end where the text buffer ends its lines, at a carriage
 * return or a paragraph separator too: the height found for the first
 * frame is the one the section keeps */
static void
test_narrative_line_ends (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int first;

  for (guint i = 0; i < 6; i++)
    g_string_append_printf (text, "第%u段：本机关政府信息公开工作稳步推进。%s", i + 1,
                            (const char *[]) { "\r\n", "\r", "\xe2\x80\xa9" }[i % 3]);
  first = overview_at_first_frame (fixture, text->str);
  nb_test_ui_wait_idle ();
  nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpint (first, >, 96);
  g_assert_cmpint (first, ==, gtk_widget_get_height (nb_test_ui_find (GTK_WIDGET (nb_window_get_report_view (fixture->window)),
                                                                      NB_TYPE_NARRATIVE_VIEW)));
}


/* The height left blank under the overview's last line */
static int
blank_under_text (GtkTextView *view)
{
  GtkTextIter end;
  GdkRectangle line;
  int x, bottom;

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_iter_location (view, &end, &line);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, line.x, line.y + line.height, &x, &bottom);
  return gtk_widget_get_height (GTK_WIDGET (view)) - bottom;
}

static void
resize_window (Fixture *fixture,
               int      width)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 800);
  for (guint i = 0; i < 3; i++)
    {
      nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
      nb_test_ui_wait_idle ();
    }
}

/* A window whose width changes after its first frame (as when it is
 * presented at one size and given another, or maximized), made wider
 * and narrower again: the overview takes the height of its text at each
 * width, with no blank under it; before, it kept the height of the
 * narrowest width it had been laid out at */
static void
test_narrative_widen (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkTextView *view;
  int blank, height;

  nb_test_window_load_seed (fixture, "003_babb1a0d8021a832");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  resize_window (fixture, 800);
  view = GTK_TEXT_VIEW (nb_test_ui_find (GTK_WIDGET (nb_window_get_report_view (fixture->window)),
                                         NB_TYPE_NARRATIVE_VIEW));
  blank = blank_under_text (view);
  height = gtk_widget_get_height (GTK_WIDGET (view));
  g_assert_cmpint (blank, <, 40);

  resize_window (fixture, 1100);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), <, height);
  g_assert_cmpint (blank_under_text (view), ==, blank);

  resize_window (fixture, 800);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), ==, height);
  g_assert_cmpint (blank_under_text (view), ==, blank);
}

static gboolean
shows_problems (void)
{
  g_autoptr(NbSettings) settings = nb_settings_new ();

  return nb_settings_get_show_problems (settings);
}

/* The problems panel folded away in a narrow window is not stored as
 * hidden (the next window, wide enough, would open without it); the
 * clerk hiding it is */
static void
test_folded_panel_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *panel = GTK_WIDGET (nb_window_get_panel (fixture->window));
  AdwFlap *flap = ADW_FLAP (gtk_widget_get_ancestor (panel, ADW_TYPE_FLAP));

  g_assert_true (shows_problems ());
  nb_test_window_load_seed (fixture, "003_babb1a0d8021a832");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  resize_window (fixture, 800);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_true (shows_problems ());

  resize_window (fixture, 1280);
  nb_test_ui_wait_until (nb_test_ui_panel_shown, panel);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-problems", NULL);
  g_assert_false (shows_problems ());
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-problems", NULL);
  g_assert_true (shows_problems ());
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

#define ADD(path, func) \
  g_test_add ("/nianbao/form/" path, Fixture, NULL, nb_test_window_set_up, func, nb_test_window_tear_down)
  ADD ("empty-cells-summary", test_empty_cells_summary);
  ADD ("seed-rows", test_seed_rows);
  ADD ("problem-cells", test_problem_cells);
  ADD ("no-header-mnemonics", test_no_header_mnemonics);
  ADD ("tooltip-shape", test_tooltip_shape);
  ADD ("places-in-words", test_places_in_words);
  ADD ("empty-window", test_empty_window);
  ADD ("recent-names", test_recent_names);
  ADD ("screenshot", test_screenshot);
  ADD ("panel-rows-kept", test_panel_rows_kept);
  ADD ("narrative-widen", test_narrative_widen);
  ADD ("folded-panel-kept", test_folded_panel_kept);
  ADD ("long-narrative", test_long_narrative);
  ADD ("narrative-line-ends", test_narrative_line_ends);
#undef ADD
  g_test_add ("/nianbao/form/first-frame", Fixture, "003_babb1a0d8021a832",
              nb_test_window_set_up, test_first_frame, nb_test_window_tear_down);
  g_test_add ("/nianbao/form/first-frame-blank", Fixture, NULL,
              nb_test_window_set_up, test_first_frame, nb_test_window_tear_down);
  g_test_add ("/nianbao/form/first-frame-problems", Fixture, GINT_TO_POINTER (FALSE),
              nb_test_window_set_up, test_first_frame_problems, nb_test_window_tear_down);
  g_test_add ("/nianbao/form/first-frame-problems-hidden", Fixture, GINT_TO_POINTER (TRUE),
              nb_test_window_set_up, test_first_frame_problems, nb_test_window_tear_down);
  g_test_add_func ("/nianbao/form/head-list-model", test_head_list_model);

  return g_test_run ();
}
