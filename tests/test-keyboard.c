/* test-keyboard.c — a clerk filling the form by keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui) in a 1280×800 window with the problems
 * panel shown, and checks after each key what the clerk sees: which cell
 * has the focus, that it is wholly inside the visible part of the form,
 * and its text and highlight.
 */

#include "config.h"

#include <adwaita.h>

#include "nb-test-ui.h"
#include "nb-table-grid.h"
#include "nb-table-header.h"
#include "nb-test-util.h"
#include "nb-window.h"

typedef NbTestWindow Fixture;

static GtkWidget *
find_header (GtkWidget *widget)
{
  if (NB_IS_TABLE_HEADER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_header (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the cell's entry lies wholly inside the part of the form the
 * scrolled window shows, and not under a table's floating headers. */
static gboolean
wholly_visible (Fixture *fixture,
                guint    cell)
{
  GtkWidget *header = find_header (GTK_WIDGET (nb_test_window_view (fixture)));
  int top = header != NULL && gtk_widget_get_visible (header) ? gtk_widget_get_height (header) : 0;
  GtkWidget *entry = GTK_WIDGET (nb_report_view_get_entry (nb_test_window_view (fixture), cell));
  GtkWidget *scroller = gtk_widget_get_ancestor (entry, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (entry, viewport, &bounds));
  if (g_test_verbose ())
    g_test_message ("%s at %g,%g %g×%g in %d×%d", nb_cell_get_address (nb_cell_entry_get_cell (NB_CELL_ENTRY (entry))),
                    bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                    gtk_widget_get_width (viewport), gtk_widget_get_height (viewport));
  return bounds.origin.x >= 0 && bounds.origin.y >= top &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (viewport) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport);
}

static void
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  state)
{
  int cell = nb_test_window_focused_cell (fixture);

  g_assert_cmpint (cell, >=, 0);
  g_assert_true (nb_cell_entry_handle_key (nb_report_view_get_entry (nb_test_window_view (fixture), cell), keyval, state));
  nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
}

static void
focus (Fixture *fixture,
       guint    cell)
{
  g_assert_true (nb_report_view_focus_cell (nb_test_window_view (fixture), cell));
  nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpint (nb_test_window_focused_cell (fixture), ==, cell);
}

/* Going down table 三, its column headers float over its lower rows,
 * lined up with its columns. */
static void
test_floating_headers (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *header;
  graphene_rect_t bounds, column;

  nb_test_window_show_seed (fixture, "003_babb1a0d8021a832");
  header = find_header (GTK_WIDGET (nb_test_window_view (fixture)));
  g_assert_nonnull (header);
  focus (fixture, nb_report_lookup_cell (nb_test_window_report (fixture), "t3/received/natural_person"));
  g_assert_false (gtk_widget_get_visible (header));
  focus (fixture, nb_report_lookup_cell (nb_test_window_report (fixture), "t3/other_handling.other/commercial"));
  nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_visible (header));
  g_assert_true (gtk_widget_is_ancestor (nb_table_header_get_table (NB_TABLE_HEADER (header)),
                                         gtk_widget_get_ancestor (GTK_WIDGET (nb_test_window_entry_for (fixture, "t3/received/total")),
                                                                  NB_TYPE_TABLE_GRID)));
  /* drawn where the table is, so its columns line up */
  g_assert_true (gtk_widget_compute_bounds (header, GTK_WIDGET (fixture->window), &bounds));
  g_assert_true (gtk_widget_compute_bounds (nb_table_header_get_table (NB_TABLE_HEADER (header)),
                                            GTK_WIDGET (fixture->window), &column));
  g_assert_cmpfloat (bounds.origin.x, ==, column.origin.x);
  g_assert_cmpfloat (bounds.size.width, ==, column.size.width);
  g_assert_true (wholly_visible (fixture, nb_report_lookup_cell (nb_test_window_report (fixture), "t3/other_handling.other/commercial")));

  /* and go when the table's own headers are back in sight */
  focus (fixture, nb_report_lookup_cell (nb_test_window_report (fixture), "t2/regulations/issued"));
  nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
  g_assert_false (gtk_widget_get_visible (header));
}

static gboolean
all_selected (NbCellEntry *entry)
{
  int start, end;

  gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end);
  return start == 0 && end == g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
}

/* Tab from the first cell of table 二 reaches every cell of the form in
 * order, each wholly in sight, and goes on from each table's last cell
 * to the next table's first. */
static void
test_tab_through_form (Fixture       *fixture,
                       gconstpointer  data)
{
  GPtrArray *tables = nb_template_get_tables (fixture->template);
  guint n_cells = nb_template_get_n_cells (fixture->template);
  guint visited = 0;

  nb_test_window_show_seed (fixture, "003_babb1a0d8021a832");
  g_assert_cmpuint (n_cells, ==, 200);
  focus (fixture, ((NbTemplateTable *) g_ptr_array_index (tables, 0))->first_cell);
  for (guint t = 0; t < tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (tables, t);

      for (guint c = table->first_cell; c < table->first_cell + table->n_cells; c++)
        {
          g_assert_cmpint (nb_test_window_focused_cell (fixture), ==, c);
          if (!wholly_visible (fixture, c))
            g_error ("after Tab, %s is not wholly in sight",
                     nb_template_get_cell_address (fixture->template, c));
          visited++;
          press (fixture, GDK_KEY_Tab, 0);
        }
    }
  g_assert_cmpuint (visited, ==, n_cells);
  /* the form's last cell keeps the focus, its text selected */
  g_assert_cmpint (nb_test_window_focused_cell (fixture), ==, n_cells - 1);
  g_assert_true (all_selected (nb_report_view_get_entry (nb_test_window_view (fixture), n_cells - 1)));

  /* and Shift+Tab goes back across the tables */
  for (guint t = tables->len - 1; t > 0; t--)
    {
      NbTemplateTable *table = g_ptr_array_index (tables, t);

      focus (fixture, table->first_cell);
      press (fixture, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
      g_assert_cmpint (nb_test_window_focused_cell (fixture), ==, table->first_cell - 1);
      g_assert_true (wholly_visible (fixture, table->first_cell - 1));
    }
}

/* Enter down every column of every table: each cell in sight. */
static void
test_enter_down_columns (Fixture       *fixture,
                         gconstpointer  data)
{
  guint n_cells = nb_template_get_n_cells (fixture->template);
  guint visited = 0;

  nb_test_window_show_seed (fixture, "003_babb1a0d8021a832");
  for (guint top = 0; top < n_cells; top++)
    {
      NbTableGrid *grid = NB_TABLE_GRID (gtk_widget_get_ancestor (GTK_WIDGET (nb_report_view_get_entry (nb_test_window_view (fixture), top)),
                                                                  NB_TYPE_TABLE_GRID));
      int cell = top;

      /* a column starts at a cell with none above it */
      if (nb_table_grid_find_move (grid, top, NB_MOVE_UP) >= 0)
        continue;
      focus (fixture, top);
      while (TRUE)
        {
          int below = nb_table_grid_find_move (grid, cell, NB_MOVE_DOWN);

          g_assert_cmpint (nb_test_window_focused_cell (fixture), ==, cell);
          if (!wholly_visible (fixture, cell))
            g_error ("after Enter, %s is not wholly in sight",
                     nb_template_get_cell_address (fixture->template, cell));
          visited++;
          if (below < 0)
            break;
          press (fixture, GDK_KEY_Return, 0);
          cell = below;
        }
    }
  g_assert_cmpuint (visited, ==, n_cells);
}

/* Ctrl+Z in the focused cell takes back its typing and its highlights;
 * Ctrl+Shift+Z brings them back. */
static void
test_undo_in_cell (Fixture       *fixture,
                   gconstpointer  data)
{
  NbCellEntry *entry;

  nb_test_window_show_seed (fixture, "000_773531145496868f");
  entry = nb_test_window_entry_for (fixture, "t3/carried_over/natural_person");
  focus (fixture, nb_cell_get_index (nb_cell_entry_get_cell (entry)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0");
  /* as typing does: the selection goes, then the digit */
  gtk_editable_delete_text (GTK_EDITABLE (entry), 0, -1);
  gtk_editable_insert_text (GTK_EDITABLE (entry), "5", -1, &(int) { 0 });
  nb_test_ui_wait_idle ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (nb_test_window_entry_for (fixture, "t3/received/natural_person")), "error"));

  press (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (nb_test_window_entry_for (fixture, "t3/received/natural_person")), "error"));
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_false (nb_report_get_modified (nb_test_window_report (fixture)));
  g_assert_cmpint (nb_test_window_focused_cell (fixture), ==, nb_cell_get_index (nb_cell_entry_get_cell (entry)));

  press (fixture, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "5");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  /* an earlier cell's typing is the step before */
  press (fixture, GDK_KEY_Tab, 0);
  entry = nb_test_window_entry_for (fixture, "t3/carried_over/commercial");
  gtk_editable_set_text (GTK_EDITABLE (entry), "7");
  nb_test_ui_wait_idle ();
  press (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nb_test_window_entry_for (fixture, "t3/carried_over/natural_person"))), ==,
                   "5");
  press (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nb_test_window_entry_for (fixture, "t3/carried_over/natural_person"))), ==,
                   "0");
  g_assert_false (nb_report_get_modified (nb_test_window_report (fixture)));
}

/* A number typed shows as the number it is once the cell is left. */
static void
test_number_shown_on_leave (Fixture       *fixture,
                            gconstpointer  data)
{
  static const struct { const char *typed, *shown; } cases[] = {
    { "00", "0" }, { "007", "7" }, { "１２", "12" }, { " 3 ", "3" }, { "8起", "8起" }, { "", "" },
  };
  NbCellEntry *entry;

  nb_test_window_show_seed (fixture, "000_773531145496868f");
  entry = nb_test_window_entry_for (fixture, "t2/licensing/decisions");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      focus (fixture, nb_cell_get_index (nb_cell_entry_get_cell (entry)));
      gtk_editable_set_text (GTK_EDITABLE (entry), cases[i].typed);
      nb_test_ui_wait_idle ();
      press (fixture, GDK_KEY_Tab, 0);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, cases[i].shown);
    }
  /* one undo step takes back the typing and its tidying */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "8起");
}

/* The first click on a cell selects its text, so that typing replaces
 * it, as in a spreadsheet. */
static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  NbCellEntry *entry;
  g_autoptr(GListModel) controllers = NULL;
  GtkGesture *click = NULL;

  nb_test_window_show_seed (fixture, "000_773531145496868f");
  focus (fixture, nb_report_lookup_cell (nb_test_window_report (fixture), "t3/received/natural_person"));
  entry = nb_test_window_entry_for (fixture, "t3/received/commercial");
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (entry));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);
  /* as a press of the primary button at the text's start does */
  g_signal_emit_by_name (click, "pressed", 1, 4.0, 4.0);
  nb_test_ui_wait_idle ();
  g_assert_cmpint (nb_test_window_focused_cell (fixture), ==, nb_report_lookup_cell (nb_test_window_report (fixture), "t3/received/commercial"));
  g_assert_true (all_selected (entry));
  /* typing replaces the 0 */
  gtk_editable_delete_selection (GTK_EDITABLE (entry));
  gtk_editable_insert_text (GTK_EDITABLE (entry), "0", -1, &(int) { 0 });
  press (fixture, GDK_KEY_Tab, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0");
}

/* Tab leaves a narrative section for the next field instead of typing a
 * tab into the published text, and the section shows its focus. */
static void
test_narrative_tab (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkTextView *text;

  nb_test_window_show_seed (fixture, "000_773531145496868f");
  text = nb_report_view_get_section_view (nb_test_window_view (fixture), "overview");
  g_assert_nonnull (text);
  g_assert_false (gtk_text_view_get_accepts_tab (text));
  gtk_widget_grab_focus (GTK_WIDGET (text));
  nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (text)), "nb-narrative-frame"));
  g_assert_true (gtk_widget_get_state_flags (gtk_widget_get_parent (GTK_WIDGET (text))) & GTK_STATE_FLAG_FOCUS_WITHIN);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (text)));
}

static gboolean
window_has_document (gpointer window)
{
  return nb_window_get_document (window) != NULL && nb_test_ui_is_mapped (window);
}

/* A new blank report starts the keyboard in the form. */
static void
test_new_report_focus (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *focus;

  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL);
  nb_test_ui_wait_until (window_has_document, fixture->window);
  nb_test_ui_wait_idle ();
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (nb_test_window_view (fixture))));
  /* the title, the form's first field */
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY), "nb-title-entry"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

#define ADD(path, func) \
  g_test_add ("/nianbao/keyboard/" path, Fixture, NULL, nb_test_window_set_up, func, nb_test_window_tear_down)
  ADD ("tab-through-form", test_tab_through_form);
  ADD ("enter-down-columns", test_enter_down_columns);
  ADD ("undo-in-cell", test_undo_in_cell);
  ADD ("floating-headers", test_floating_headers);
  ADD ("number-shown-on-leave", test_number_shown_on_leave);
  ADD ("click-selects", test_click_selects);
  ADD ("narrative-tab", test_narrative_tab);
  ADD ("new-report-focus", test_new_report_focus);
#undef ADD

  return g_test_run ();
}
