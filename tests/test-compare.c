/* test-compare.c — the comparison window, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui): what a reviewer sees of two years side by
 * side — highlighted cells on both sides, the differences, the panel.
 */

#include "config.h"

#include <adwaita.h>

#include "nb-compare-window.h"
#include "nb-narrative-view.h"
#include "nb-table-grid.h"
#include "nb-test-ui.h"
#include "nb-test-util.h"

typedef struct
{
  NbTemplate      *template;
  NbImporter      *importer;
  NbCompareWindow *window;
} Fixture;

static NbDocument *
load (Fixture    *fixture,
      const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NbDocument *document = nb_document_load (fixture->importer, file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *previous = data;
  g_autofree char *seed = nb_test_seed_path ("003_babb1a0d8021a832");
  g_autofree char *older_path = g_test_build_filename (G_TEST_DIST, "data", "comparison", previous, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) newer = NULL;
  g_autoptr(NbDocument) older = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  /* the newer year first: the window still puts the older on the left */
  newer = load (fixture, seed);
  older = load (fixture, older_path);
  fixture->window = g_object_ref_sink (nb_compare_window_new (NULL, newer, older));
  /* the smallest screen the comparison is made for */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
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

static NbCompareView *
view (Fixture *fixture)
{
  return nb_compare_window_get_view (fixture->window);
}

static int
cell (Fixture    *fixture,
      const char *address)
{
  int index = nb_template_lookup_cell (fixture->template, address);

  g_assert_cmpint (index, >=, 0);
  return index;
}

static GtkWidget *
entry (Fixture    *fixture,
       int         side,
       const char *address)
{
  NbCellEntry *found = nb_compare_view_get_entry (view (fixture), side, cell (fixture, address));

  g_assert_nonnull (found);
  return GTK_WIDGET (found);
}

static guint
count_rule (NbDiagnosticsPanel *panel,
            const char         *rule_id)
{
  GtkListBox *list = nb_diagnostics_panel_get_list (panel);
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    n += g_str_equal (nb_diagnostic_get_rule_id (g_object_get_data (G_OBJECT (row), "nb-diagnostic")), rule_id);
  return n;
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  NbReport *older = nb_document_get_report (nb_compare_window_get_document (fixture->window, 0));
  NbReport *newer = nb_document_get_report (nb_compare_window_get_document (fixture->window, 1));

  g_assert_cmpuint (nb_report_get_year (older), ==, 2023);
  g_assert_cmpuint (nb_report_get_year (newer), ==, 2024);
  /* the toolbar's icons and menus have names for a screen reader */
  g_assert_cmpuint (nb_test_ui_check_names (GTK_WIDGET (fixture->window)), >=, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry (fixture, 1, "t3/received/natural_person"))), ==, "8");
}

static void
test_carry_over_matching (Fixture       *fixture,
                          gconstpointer  data)
{
  g_assert_cmpuint (count_rule (nb_compare_window_get_panel (fixture->window, 0), "year.carry-over"), ==, 0);
  g_assert_false (gtk_widget_has_css_class (entry (fixture, 1, "t3/carried_over/natural_person"), "error"));
  g_assert_false (gtk_widget_has_css_class (entry (fixture, 0, "t3/carried_forward/natural_person"), "error"));
}

static void
test_carry_over_mismatching (Fixture       *fixture,
                             gconstpointer  data)
{
  NbDiagnosticsPanel *between = nb_compare_window_get_panel (fixture->window, 0);

  /* natural persons and the total column */
  g_assert_cmpuint (count_rule (between, "year.carry-over"), ==, 2);
  g_assert_true (gtk_widget_has_css_class (entry (fixture, 1, "t3/carried_over/natural_person"), "error"));
  g_assert_true (gtk_widget_has_css_class (entry (fixture, 0, "t3/carried_forward/natural_person"), "error"));
  g_assert_true (gtk_widget_has_css_class (entry (fixture, 1, "t3/carried_over/total"), "error"));
  /* the other year's cell of the same address is not the one in the rule */
  g_assert_false (gtk_widget_has_css_class (entry (fixture, 0, "t3/carried_over/natural_person"), "error"));
  g_assert_false (gtk_widget_has_css_class (entry (fixture, 1, "t3/carried_forward/natural_person"), "error"));
  g_assert_cmpuint (count_rule (between, "year.in-force"), ==, 1);

  /* fixing last year's carried-forward clears it on both sides */
  gtk_editable_set_text (GTK_EDITABLE (entry (fixture, 0, "t3/carried_forward/natural_person")), "1");
  nb_test_ui_wait_idle ();
  g_assert_cmpuint (count_rule (between, "year.carry-over"), ==, 1);
  g_assert_false (gtk_widget_has_css_class (entry (fixture, 1, "t3/carried_over/natural_person"), "error"));
}

static void
test_edit_updates_both (Fixture       *fixture,
                        gconstpointer  data)
{
  guint index = cell (fixture, "t3/granted/commercial");
  GtkLabel *delta;

  nb_compare_view_set_show_delta (view (fixture), TRUE);
  nb_test_ui_wait_idle ();
  delta = nb_compare_view_get_delta_label (view (fixture), index);
  g_assert_nonnull (delta);
  g_assert_cmpstr (gtk_label_get_label (delta), ==, "0");
  g_assert_false (gtk_widget_has_css_class (entry (fixture, 0, "t3/granted/commercial"), "nb-changed"));

  gtk_editable_set_text (GTK_EDITABLE (entry (fixture, 1, "t3/granted/commercial")), "3");
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_label_get_label (delta), ==, "+3");
  g_assert_true (gtk_widget_has_css_class (entry (fixture, 0, "t3/granted/commercial"), "nb-changed"));
  g_assert_true (gtk_widget_has_css_class (entry (fixture, 1, "t3/granted/commercial"), "nb-changed"));
  /* and the newer year's own rules see it: its row total is broken */
  g_assert_true (gtk_widget_has_css_class (entry (fixture, 1, "t3/granted/total"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (entry (fixture, 0, "t3/granted/commercial")), "5");
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_label_get_label (delta), ==, "−2");

  gtk_editable_set_text (GTK_EDITABLE (entry (fixture, 0, "t3/granted/commercial")), "");
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_label_get_label (delta), ==, "3");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (delta), "nb-added"));
}

static void
test_summary_and_narrative (Fixture       *fixture,
                            gconstpointer  data)
{
  /* headline 0: applications received, 2023 → 2024 */
  GtkLabel *change = nb_compare_view_get_headline_change (view (fixture), 0);
  const char *text = gtk_label_get_label (change);

  g_assert_true (text[0] == '+' || g_str_has_prefix (text, "−") || g_str_equal (text, "0"));
  /* the overview's first paragraph names the year, so it differs */
  g_assert_cmpuint (nb_compare_view_get_marked_paragraphs (view (fixture), 1, "overview"), >, 0);
  g_assert_cmpuint (nb_compare_view_get_marked_paragraphs (view (fixture), 1, "problems"), >, 0);
}

static void
test_panel_activation (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkListBox *list = nb_diagnostics_panel_get_list (nb_compare_window_get_panel (fixture->window, 0));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
  GtkWidget *focus;

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  nb_test_ui_wait_idle ();
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  /* the first cell of year.carry-over is this year's carried-over */
  g_assert_true (gtk_widget_is_ancestor (focus, entry (fixture, 1, "t3/carried_over/natural_person")));
}

static gboolean
has_tag_at (GtkTextBuffer *buffer,
            int            line,
            int            offset,
            const char    *tag)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, line, offset);
  return gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag));
}

/* Paragraphs are paired with the other year's most like them: the same
 * is not marked, a changed one is tinted lightly with only what changed
 * marked, one with no partner is tinted as new. */
static void
test_paragraph_pairing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_report_new (fixture->template);
  int section = nb_template_lookup_section (fixture->template, "overview");
  GtkWidget *view;
  GtkTextBuffer *buffer;

  nb_report_set_section_text (report, "overview",
                              "本机关认真贯彻落实政务公开工作要求。\n"
                              "2024年，本机关主动公开政府信息120条。\n"
                              "今年新建了政务公开专区，方便群众查询。");
  view = g_object_ref_sink (nb_narrative_view_new (report, section));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  nb_narrative_view_mark_changes (NB_NARRATIVE_VIEW (view),
                                  "2023年，本机关主动公开政府信息120条。\n"
                                  "本机关认真贯彻落实政务公开工作要求。\n"
                                  "依申请公开工作平稳有序开展。");
  g_assert_cmpuint (nb_narrative_view_get_n_marked (NB_NARRATIVE_VIEW (view)), ==, 2);
  /* the same paragraph, though it moved */
  g_assert_false (has_tag_at (buffer, 0, 2, "changed"));
  g_assert_false (has_tag_at (buffer, 0, 2, "new"));
  /* the year changed, and only the year's last digit is marked */
  g_assert_true (has_tag_at (buffer, 1, 0, "changed"));
  g_assert_false (has_tag_at (buffer, 1, 2, "changed-text"));
  g_assert_true (has_tag_at (buffer, 1, 3, "changed-text"));
  g_assert_false (has_tag_at (buffer, 1, 4, "changed-text"));
  /* nothing like it last year */
  g_assert_true (has_tag_at (buffer, 2, 0, "new"));
  g_assert_false (has_tag_at (buffer, 2, 0, "changed"));

  nb_narrative_view_mark_changes (NB_NARRATIVE_VIEW (view), NULL);
  g_assert_cmpuint (nb_narrative_view_get_n_marked (NB_NARRATIVE_VIEW (view)), ==, 0);
  g_assert_false (has_tag_at (buffer, 2, 0, "new"));
  g_object_unref (view);
}

/* Each tab of the panel counts its problems; it opens on one with errors. */
static void
test_tab_counts (Fixture       *fixture,
                 gconstpointer  data)
{
  NbDiagnosticsPanel *between = nb_compare_window_get_panel (fixture->window, 0);
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (between), ADW_TYPE_VIEW_STACK));
  AdwViewStackPage *page = adw_view_stack_get_page (stack, GTK_WIDGET (between));

  /* year.carry-over twice, year.in-force, and year.text-similarity: last
   * year's report here is this year's text with other numbers */
  g_assert_cmpuint (count_rule (between, "year.carry-over"), ==, 2);
  g_assert_cmpuint (count_rule (between, "year.in-force"), ==, 1);
  g_assert_cmpuint (count_rule (between, "year.text-similarity"), ==, 1);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 4);
  g_assert_true (adw_view_stack_page_get_needs_attention (page));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "between");

  gtk_editable_set_text (GTK_EDITABLE (entry (fixture, 0, "t3/carried_forward/natural_person")), "1");
  nb_test_ui_wait_idle ();
  g_assert_cmpuint (count_rule (between, "year.carry-over"), ==, 1);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 3);
}

/* Whether @widget lies within the width the view shows, so that nothing
 * of it needs sideways scrolling, and inside the window. */
static gboolean
within_width (Fixture   *fixture,
              GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds, in_window;

  g_assert_true (gtk_widget_compute_bounds (widget, viewport, &bounds));
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->window), &in_window));
  return gtk_widget_get_mapped (widget) && bounds.size.width > 0 && bounds.origin.x >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (viewport) &&
         in_window.origin.x + in_window.size.width <= gtk_widget_get_width (GTK_WIDGET (fixture->window));
}

/* At 1280×800 with the panel shown, every cell's two values and its
 * change are in sight without scrolling sideways; cells that differ are
 * marked and name the other year's value to assistive technology. */
static void
test_fits_and_marks (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *scroller;
  guint n_changed = 0;

  nb_test_ui_wait_until (nb_test_ui_panel_shown, nb_compare_window_get_panel (fixture->window, 0));
  nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 1280);
  for (guint c = 0; c < nb_template_get_n_cells (fixture->template); c++)
    {
      GtkWidget *newer = GTK_WIDGET (nb_compare_view_get_entry (view (fixture), 1, c));
      GtkWidget *older = GTK_WIDGET (nb_compare_view_get_entry (view (fixture), 0, c));
      GtkWidget *delta = GTK_WIDGET (nb_compare_view_get_delta_label (view (fixture), c));
      const char *address = nb_template_get_cell_address (fixture->template, c);
      gboolean changed = g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (newer)),
                                    gtk_editable_get_text (GTK_EDITABLE (older))) != 0;

      if (!within_width (fixture, newer) || !within_width (fixture, older) || !within_width (fixture, delta))
        g_error ("%s is not wholly in sight at 1280×800", address);
      g_assert_cmpint (gtk_widget_has_css_class (newer, "nb-changed"), ==, changed);
      g_assert_cmpint (gtk_widget_has_css_class (gtk_widget_get_parent (newer), "nb-changed"), ==, changed);
      if (changed)
        {
          g_autofree char *note = g_strdup_printf ("2023: %s", gtk_editable_get_text (GTK_EDITABLE (older)));

          /* a cell with a problem says its messages after the note */
          if (nb_cell_entry_get_severity (NB_CELL_ENTRY (newer)) < 0)
            gtk_test_accessible_assert_property (newer, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note);
          n_changed++;
        }
    }
  g_assert_cmpuint (n_changed, >, 0);
  /* 三（四）1 and its total differ in these reports */
  g_assert_true (gtk_widget_has_css_class (entry (fixture, 1, "t3/granted/natural_person"), "nb-changed") ||
                 n_changed > 2);
  scroller = gtk_widget_get_ancestor (entry (fixture, 1, "t3/granted/total"), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller))), <=,
                     gtk_adjustment_get_page_size (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller))));
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  nb_test_ui_wait_until (nb_test_ui_panel_shown, nb_compare_window_get_panel (fixture->window, 0));
  /* twice: the first scroll may land before the layout settles */
  for (guint i = 0; i < 2; i++)
    {
      nb_compare_view_focus_cell (view (fixture), 1, cell (fixture, "t3/carried_over/natural_person"));
      nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
    }
  nb_test_ui_save_png (GTK_WIDGET (fixture->window), "screenshot-compare.png");
  /* and table 四, the widest */
  for (guint i = 0; i < 2; i++)
    {
      nb_compare_view_focus_cell (view (fixture), 1, cell (fixture, "t4/litigation_after_review/total"));
      nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
    }
  nb_test_ui_save_png (GTK_WIDGET (fixture->window), "screenshot-compare-t4.png");
}

typedef struct
{
  NbCompareView *view;
  gboolean       painted;
  gboolean       complete;   /* at the first frame */
  guint          grids;      /* at the first frame */
} FirstFrame;

static guint
count_grids (GtkWidget *widget)
{
  guint n = NB_IS_TABLE_GRID (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_grids (child);
  return n;
}

static void
first_paint_cb (GdkFrameClock *clock,
                FirstFrame    *frame)
{
  if (frame->painted)
    return;
  frame->painted = TRUE;
  frame->complete = nb_compare_view_get_complete (frame->view);
  frame->grids = count_grids (GTK_WIDGET (frame->view));
}

static gboolean
view_complete (gpointer data)
{
  return nb_compare_view_get_complete (data);
}

/* The first frame shows the summary and the sections up to the first
 * table; the rest is built right after it without asking, its cells with
 * their problems and their changes marked. */
static void
test_first_frame (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path ("003_babb1a0d8021a832");
  g_autofree char *older_path = g_test_build_filename (G_TEST_DIST, "data", "comparison", data, NULL);
  g_autoptr(NbDocument) newer = load (fixture, seed);
  g_autoptr(NbDocument) older = load (fixture, older_path);
  NbCompareWindow *window = g_object_ref_sink (nb_compare_window_new (NULL, newer, older));
  FirstFrame frame = { nb_compare_window_get_view (window), FALSE, FALSE, 0 };
  guint n_tables = nb_template_get_tables (fixture->template)->len;
  GtkWidget *total;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_false (nb_compare_view_get_complete (frame.view));
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (first_paint_cb), &frame);
  gtk_window_present (GTK_WINDOW (window));
  nb_test_ui_wait_until (view_complete, frame.view);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)), &frame);

  g_assert_true (frame.painted);
  g_assert_false (frame.complete);
  g_assert_cmpuint (frame.grids, ==, 1);
  g_assert_cmpuint (count_grids (GTK_WIDGET (frame.view)), ==, n_tables);
  /* table 四, built after the first frame: 总计 of 复议后起诉 breaks its sum */
  total = GTK_WIDGET (nb_compare_view_get_entry (frame.view, 1, cell (fixture, "t4/litigation_after_review/total")));
  g_assert_cmpint (nb_cell_entry_get_severity (NB_CELL_ENTRY (total)), ==, NB_SEVERITY_ERROR);
  g_assert_true (gtk_widget_has_css_class (total, "error"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

#define ADD(path, previous, func) \
  g_test_add ("/nianbao/compare/" path, Fixture, previous, fixture_set_up, func, fixture_tear_down)
  ADD ("order", "houzhai-2023-matching.txt", test_order);
  ADD ("carry-over-matching", "houzhai-2023-matching.txt", test_carry_over_matching);
  ADD ("carry-over-mismatching", "houzhai-2023-mismatching.txt", test_carry_over_mismatching);
  ADD ("edit-updates-both", "houzhai-2023-matching.txt", test_edit_updates_both);
  ADD ("summary-and-narrative", "houzhai-2023-matching.txt", test_summary_and_narrative);
  ADD ("panel-activation", "houzhai-2023-mismatching.txt", test_panel_activation);
  ADD ("paragraph-pairing", "houzhai-2023-matching.txt", test_paragraph_pairing);
  ADD ("tab-counts", "houzhai-2023-mismatching.txt", test_tab_counts);
  ADD ("fits-and-marks", "houzhai-2023-mismatching.txt", test_fits_and_marks);
  ADD ("screenshot", "houzhai-2023-mismatching.txt", test_screenshot);
  ADD ("first-frame", "houzhai-2023-matching.txt", test_first_frame);
#undef ADD

  return g_test_run ();
}
