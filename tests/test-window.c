/* test-window.c — the real window, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui). Reads back what a user sees: entry text,
 * style classes, focus, the rows of the problems panel, and the
 * accessible state a screen reader gets.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nb-test-ui.h"
#include "nb-test-util.h"
#include "nb-window.h"

typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
  NbWindow   *window;
  char       *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  fixture->window = g_object_ref_sink (nb_window_new (NULL, fixture->importer, NULL));
  fixture->dir = g_dir_make_tmp ("nianbao-ui-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  nb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  g_object_unref (fixture->importer);
  g_object_unref (fixture->template);
}

static NbDocument *
show_seed (Fixture    *fixture,
           const char *stem)
{
  g_autofree char *path = nb_test_seed_path (stem);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = nb_document_load (fixture->importer, file, NULL, &error);

  g_assert_no_error (error);
  nb_window_set_document (fixture->window, document);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  nb_test_ui_wait_idle ();
  return document;
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

static void
type_into (Fixture    *fixture,
           const char *address,
           const char *text)
{
  NbCellEntry *entry = entry_for (fixture, address);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  nb_test_ui_wait_idle ();
}

static gboolean
has_class (Fixture    *fixture,
           const char *address,
           const char *css_class)
{
  return gtk_widget_has_css_class (GTK_WIDGET (entry_for (fixture, address)), css_class);
}

/* The rule ids of the panel's rows, in the order shown. */
static GPtrArray *
panel_rules (Fixture *fixture)
{
  GtkListBox *list = nb_diagnostics_panel_get_list (nb_window_get_panel (fixture->window));
  GPtrArray *rules = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_ptr_array_add (rules, (gpointer) nb_diagnostic_get_rule_id (g_object_get_data (G_OBJECT (row),
                                                                                       "nb-diagnostic")));
  return rules;
}

static gboolean
panel_lists (Fixture    *fixture,
             const char *rule_id)
{
  g_autoptr(GPtrArray) rules = panel_rules (fixture);

  for (guint i = 0; i < rules->len; i++)
    if (g_str_equal (g_ptr_array_index (rules, i), rule_id))
      return TRUE;
  return FALSE;
}

static gboolean
has_focus (Fixture    *fixture,
           const char *address)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *entry = GTK_WIDGET (entry_for (fixture, address));

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
test_seeds_shown (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(JsonObject) expected = nb_test_load_expected (nb_test_seeds[i]);
      JsonObject *cells = json_object_get_object_member (expected, "cells");
      g_autoptr(GList) addresses = json_object_get_members (cells);

      show_seed (fixture, nb_test_seeds[i]);
      for (GList *l = addresses; l != NULL; l = l->next)
        {
          NbCellEntry *entry = entry_for (fixture, l->data);
          JsonNode *node = json_object_get_member (cells, l->data);
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

          g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);
        }
      /* nothing was changed by showing it */
      g_assert_false (nb_report_get_modified (report (fixture)));
    }
}

static void
test_seed_with_errors (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rules = NULL;

  show_seed (fixture, "003_babb1a0d8021a832");
  /* a reviewer sees the problems at once */
  nb_test_ui_wait_until (nb_test_ui_panel_shown, nb_window_get_panel (fixture->window));
  g_assert_true (has_class (fixture, "t4/litigation_after_review/total", "error"));
  g_assert_true (has_class (fixture, "t4/litigation_after_review/corrected", "error"));
  g_assert_false (has_class (fixture, "t3/received/total", "error"));
  rules = panel_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (rules, 0), ==, "parse.extra-values");
  g_assert_cmpstr (g_ptr_array_index (rules, 1), ==, "t4.total");
  g_assert_cmpstr (nb_cell_entry_get_tooltip (entry_for (fixture, "t4/litigation_after_review/total")),
                   ==,
                   "“四、政府信息公开行政复议、行政诉讼情况” has 16 numbers for 15 columns: the first 15 were "
                   "kept, these were left over: 1\n复议后起诉: 总计 = 0, but 维持 + 纠正 + 其他 + 尚未审结 = 1\n"
                   "Imported from line 88");
  g_assert_cmpstr (nb_cell_entry_get_tooltip (entry_for (fixture, "t3/received/total")), ==,
                   "Imported from line 57");
}

/* The visible "Password Required" dialog whose text ends with @ending */
static AdwMessageDialog *
password_dialog (const char *ending)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_str_equal (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), "Password Required") &&
          g_str_has_suffix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), ending))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
password_asked (gpointer ending)
{
  return password_dialog (ending) != NULL;
}

static gboolean
document_shown (gpointer window)
{
  return nb_window_get_document (window) != NULL;
}

/* An encrypted PDF asks for its password, and again when it is wrong. */
static void
test_pdf_password (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", "encrypted.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_window_open (fixture->window, file);
  nb_test_ui_wait_until (password_asked, (gpointer) "it cannot be read without it");
  dialog = password_dialog ("it cannot be read without it");
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog),
                                  "encrypted.pdf”: This PDF is protected by a password; it cannot be read without it"));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_false (gtk_entry_get_visibility (GTK_ENTRY (entry)));
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (entry)) || gtk_widget_is_focus (entry) ||
                 gtk_widget_get_focus_child (entry) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "guess");
  /* as the button does */
  adw_message_dialog_response (dialog, "unlock");
  gtk_window_close (GTK_WINDOW (dialog));
  nb_test_ui_wait_idle ();

  nb_test_ui_wait_until (password_asked, (gpointer) "The password is not right");
  dialog = password_dialog ("The password is not right");
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog), "encrypted.pdf”: The password is not right"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "user-secret");
  adw_message_dialog_response (dialog, "unlock");
  gtk_window_close (GTK_WINDOW (dialog));
  nb_test_ui_wait_until (document_shown, fixture->window);
  g_assert_cmpstr (nb_report_get_organ (report (fixture)), ==, "偃师区伊洛街道办事处");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t3/received/natural_person"))), ==,
                   "0");
}

/* A PDF's numbers and problems point at its pages, for the reviewer who
 * has the PDF open beside the form. */
static void
test_pdf_places (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", "003.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = nb_document_load (fixture->importer, file, NULL, &error);
  const char *tooltip;

  g_assert_no_error (error);
  nb_window_set_document (fixture->window, document);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  nb_test_ui_wait_idle ();
  tooltip = nb_cell_entry_get_tooltip (entry_for (fixture, "t4/litigation_after_review/total"));
  g_assert_true (g_str_has_suffix (tooltip, "\nImported from page 4"));
  g_assert_nonnull (strstr (tooltip, "\n复议后起诉: 总计 = 0, but"));
  g_assert_cmpstr (nb_cell_entry_get_tooltip (entry_for (fixture, "t2/regulations/issued")), ==,
                   "Imported from page 2");
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  NbCellEntry *entry;

  show_seed (fixture, "000_773531145496868f");
  entry = entry_for (fixture, "t3/received/natural_person");
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "自然人 一、本年新收政府信息公开申请数量");
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  type_into (fixture, "t3/received/natural_person", "5");
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  entry = entry_for (fixture, "t4/litigation_direct/pending");
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_LABEL, "尚未审结 未经复议直接起诉");
}

static void
test_live_balance_and_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char *balance[] = {
    "t3/received/natural_person", "t3/carried_over/natural_person",
    "t3/results_total/natural_person", "t3/carried_forward/natural_person",
  };

  show_seed (fixture, "000_773531145496868f");
  g_assert_false (panel_lists (fixture, "t3.balance"));

  type_into (fixture, "t3/carried_over/natural_person", "3");
  for (guint i = 0; i < G_N_ELEMENTS (balance); i++)
    g_assert_true (has_class (fixture, balance[i], "error"));
  g_assert_true (has_class (fixture, "t3/carried_over/total", "error"));   /* row total */
  g_assert_false (has_class (fixture, "t3/received/commercial", "error"));
  g_assert_true (panel_lists (fixture, "t3.balance"));
  g_assert_true (nb_report_get_modified (report (fixture)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t3/carried_over/natural_person"))), ==, "0");
  for (guint i = 0; i < G_N_ELEMENTS (balance); i++)
    g_assert_false (has_class (fixture, balance[i], "error"));
  g_assert_false (panel_lists (fixture, "t3.balance"));
  g_assert_false (nb_report_get_modified (report (fixture)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  nb_test_ui_wait_idle ();
  g_assert_true (has_class (fixture, "t3/results_total/natural_person", "error"));
  g_assert_true (panel_lists (fixture, "t3.balance"));

  /* invalid text is kept as typed and marked */
  type_into (fixture, "t2/licensing/decisions", "8起");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t2/licensing/decisions"))), ==, "8起");
  g_assert_true (has_class (fixture, "t2/licensing/decisions", "error"));
  g_assert_true (panel_lists (fixture, "cell.invalid"));
}

static void
press (Fixture         *fixture,
       const char      *address,
       guint            keyval,
       GdkModifierType  state)
{
  g_assert_true (nb_cell_entry_handle_key (entry_for (fixture, address), keyval, state));
  nb_test_ui_wait_idle ();
}

static void
test_panel_activation (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkListBox *list = nb_diagnostics_panel_get_list (nb_window_get_panel (fixture->window));
  GtkListBoxRow *row;

  show_seed (fixture, "003_babb1a0d8021a832");
  nb_test_ui_wait_until (nb_test_ui_panel_shown, nb_window_get_panel (fixture->window));
  /* the second row is t4.total, whose first cell is the group's total */
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  nb_test_ui_wait_idle ();
  g_assert_true (has_focus (fixture, "t4/litigation_after_review/total"));
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_label (GTK_LABEL (root)), label))))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A reviewer marks a finding checked with a note: it moves to its own
 * group, stops counting, and Undo takes the mark back. */
static void
test_panel_checked (Fixture       *fixture,
                    gconstpointer  data)
{
  NbDiagnosticsPanel *panel = nb_window_get_panel (fixture->window);
  GtkListBox *list = nb_diagnostics_panel_get_list (panel);
  GtkListBoxRow *row;
  GtkWidget *button, *entry, *header;
  g_autoptr(GPtrArray) rules = NULL;

  show_seed (fixture, "003_babb1a0d8021a832");
  nb_test_ui_wait_until (nb_test_ui_panel_shown, panel);
  g_assert_nonnull (find_widget (GTK_WIDGET (panel), GTK_TYPE_LABEL, "2 errors · 0 warnings"));
  row = gtk_list_box_get_row_at_index (list, 1);
  button = find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Mark as Checked…");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  nb_test_ui_wait_idle ();
  entry = find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                       GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "counted twice in the original");
  g_signal_emit_by_name (entry, "activate");
  nb_test_ui_wait_idle ();

  /* the finding stays, last, under "Checked", with the note and Reopen */
  rules = panel_rules (fixture);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (rules, 1), ==, "t4.total");
  row = gtk_list_box_get_row_at_index (list, 1);
  header = gtk_list_box_row_get_header (row);
  g_assert_nonnull (header);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (header)), ==, "Checked");
  g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "Checked: counted twice in the original"));
  g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, NULL));
  g_assert_nonnull (find_widget (GTK_WIDGET (panel), GTK_TYPE_LABEL, "1 error · 0 warnings"));
  /* its cells no longer show it (they stay in parse.extra-values) */
  g_assert_null (strstr (nb_cell_entry_get_tooltip (entry_for (fixture, "t4/litigation_after_review/corrected")),
                         "复议后起诉: 总计"));

  /* Undo: an open error again */
  g_assert_true (nb_report_undo (report (fixture)));
  nb_test_ui_wait_idle ();
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_null (gtk_list_box_row_get_header (row));
  g_assert_nonnull (find_widget (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, NULL));
  g_assert_nonnull (find_widget (GTK_WIDGET (panel), GTK_TYPE_LABEL, "2 errors · 0 warnings"));
  g_assert_nonnull (strstr (nb_cell_entry_get_tooltip (entry_for (fixture, "t4/litigation_after_review/corrected")),
                            "复议后起诉: 总计"));
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWindow **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *dialog = GTK_WINDOW (window);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWindow *dialog = NULL;

  show_seed (fixture, "000_773531145496868f");
  type_into (fixture, "t2/licensing/decisions", "3");
  gtk_window_close (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (dialog_shown, &dialog);
  /* the window stays until the user answers */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");
  /* _Cancel, _Discard, _Save (libadwaita makes each twice, for a wide
   * and a narrow dialog); and the window's _Reload, _Keep Editing */
  g_assert_cmpuint (nb_test_ui_check_mnemonic_names (GTK_WIDGET (dialog)), ==, 6);
  g_assert_cmpuint (nb_test_ui_check_mnemonic_names (GTK_WIDGET (fixture->window)), ==, 2);
  g_assert_cmpuint (nb_test_ui_check_names (GTK_WIDGET (fixture->window)), >=, 5);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  nb_test_ui_wait_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_true (nb_report_get_modified (report (fixture)));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  NbCellEntry *entry;

  show_seed (fixture, "000_773531145496868f");
  entry = entry_for (fixture, "t3/received/natural_person");
  g_assert_true (nb_report_view_focus_cell (nb_window_get_report_view (fixture->window),
                                            nb_report_lookup_cell (report (fixture), "t3/received/natural_person")));
  nb_test_ui_wait_idle ();
  g_assert_true (has_focus (fixture, "t3/received/natural_person"));

  press (fixture, "t3/received/natural_person", GDK_KEY_Tab, 0);
  g_assert_true (has_focus (fixture, "t3/received/commercial"));
  press (fixture, "t3/received/commercial", GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  g_assert_true (has_focus (fixture, "t3/received/natural_person"));
  press (fixture, "t3/received/natural_person", GDK_KEY_Return, 0);
  g_assert_true (has_focus (fixture, "t3/carried_over/natural_person"));
  press (fixture, "t3/carried_over/natural_person", GDK_KEY_Return, GDK_SHIFT_MASK);
  g_assert_true (has_focus (fixture, "t3/received/natural_person"));
  press (fixture, "t3/received/natural_person", GDK_KEY_Down, 0);
  g_assert_true (has_focus (fixture, "t3/carried_over/natural_person"));
  press (fixture, "t3/carried_over/natural_person", GDK_KEY_Up, 0);

  /* Tab at the end of a row goes on to the next row */
  press (fixture, "t3/received/natural_person", GDK_KEY_Tab, 0);
  for (const char *const *a = (const char *const[]) { "t3/received/commercial", "t3/received/research",
                                                      "t3/received/social_welfare", "t3/received/legal_service",
                                                      "t3/received/other", NULL }; *a != NULL; a++)
    press (fixture, *a, GDK_KEY_Tab, 0);
  g_assert_true (has_focus (fixture, "t3/received/total"));
  press (fixture, "t3/received/total", GDK_KEY_Tab, 0);
  g_assert_true (has_focus (fixture, "t3/carried_over/natural_person"));

  /* arrows move between cells only at the text's ends */
  entry = entry_for (fixture, "t3/carried_over/natural_person");
  gtk_editable_set_text (GTK_EDITABLE (entry), "12");
  gtk_editable_set_position (GTK_EDITABLE (entry), 1);
  g_assert_false (nb_cell_entry_handle_key (entry, GDK_KEY_Right, 0));
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  press (fixture, "t3/carried_over/natural_person", GDK_KEY_Right, 0);
  g_assert_true (has_focus (fixture, "t3/carried_over/commercial"));
  gtk_editable_set_position (GTK_EDITABLE (entry_for (fixture, "t3/carried_over/commercial")), 0);
  press (fixture, "t3/carried_over/commercial", GDK_KEY_Left, 0);
  g_assert_true (has_focus (fixture, "t3/carried_over/natural_person"));

  /* Escape restores the text the cell had when it got the focus */
  gtk_editable_set_text (GTK_EDITABLE (entry), "99");
  press (fixture, "t3/carried_over/natural_person", GDK_KEY_Escape, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12");

  /* full-width digits are numbers */
  gtk_editable_set_text (GTK_EDITABLE (entry), "１２");
  nb_test_ui_wait_idle ();
  g_assert_cmpint (nb_report_get_cell_value (report (fixture),
                                             nb_report_lookup_cell (report (fixture), "t3/carried_over/natural_person")),
                   ==, 12);
  g_assert_false (has_class (fixture, "t3/carried_over/natural_person", "warning"));
}

static void
test_quick_fix (Fixture       *fixture,
                gconstpointer  data)
{
  int total;

  show_seed (fixture, "000_773531145496868f");
  total = nb_report_lookup_cell (report (fixture), "t4/review/total");
  type_into (fixture, "t4/review/upheld", "2");
  g_assert_true (has_class (fixture, "t4/review/total", "error"));
  g_assert_nonnull (gtk_entry_get_extra_menu (GTK_ENTRY (entry_for (fixture, "t4/review/total"))));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.fix-cell", "u", (guint) total);
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t4/review/total"))), ==, "2");
  g_assert_false (has_class (fixture, "t4/review/total", "error"));
  g_assert_false (panel_lists (fixture, "t4.total"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t4/review/total"))), ==, "0");
  g_assert_true (has_class (fixture, "t4/review/total", "error"));
  g_assert_true (panel_lists (fixture, "t4.total"));

  /* fill empty cells of a table: one step */
  type_into (fixture, "t2/regulations/issued", "");
  type_into (fixture, "t2/coercion/decisions", "/");
  g_assert_true (has_class (fixture, "t2/coercion/decisions", "warning"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.fill-empty", "s", "t2");
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t2/regulations/issued"))), ==, "0");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t2/coercion/decisions"))), ==, "0");
  g_assert_false (has_class (fixture, "t2/coercion/decisions", "warning"));
}

static GtkListBoxRow *
panel_row (Fixture    *fixture,
           const char *rule_id)
{
  GtkListBox *list = nb_diagnostics_panel_get_list (nb_window_get_panel (fixture->window));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_str_equal (nb_diagnostic_get_rule_id (g_object_get_data (G_OBJECT (row), "nb-diagnostic")),
                     rule_id))
      return row;
  return NULL;
}

/* Digits that ran together into a row of table 二 can be read in several
 * ways: the panel offers each reading in a menu, and taking one fills
 * the row; a total's one fix is a button. */
static void
test_reading_fixes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) seed = nb_test_load_seed ("000_773531145496868f");
  g_autofree char *seed_text = g_strndup (g_bytes_get_data (seed, NULL), g_bytes_get_size (seed));
  g_autofree char *text = nb_test_replace (seed_text, "行政规范性文件\t0\t0\t0", "行政规范性文件 693665");
  g_autofree char *path = g_build_filename (fixture->dir, "run.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = NULL;
  GMenuModel *menu;
  GtkWidget *button, *label;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  int found = -1;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  document = nb_document_load (fixture->importer, file, NULL, &error);
  g_assert_no_error (error);
  nb_window_set_document (fixture->window, document);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  nb_test_ui_wait_until (nb_test_ui_panel_shown, nb_window_get_panel (fixture->window));
  g_assert_nonnull (panel_row (fixture, "parse.ambiguous-digits"));

  button = find_widget (GTK_WIDGET (panel_row (fixture, "parse.ambiguous-digits")), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "Quick Fixes");
  /* named by its label, not by its type */
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Quick Fixes");
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_focusable (gtk_widget_get_first_child (button)));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_cmpint (g_menu_model_get_n_items (menu), >=, 2);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item);
      if (g_str_equal (item, "Read 693665 as 69 / 3 / 665"))
        found = i;
    }
  g_assert_cmpint (found, >=, 0);
  /* the row's cells offer the same readings in their context menu */
  g_assert_nonnull (gtk_entry_get_extra_menu (GTK_ENTRY (entry_for (fixture, "t2/normative_documents/repealed"))));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_entry_get_extra_menu (GTK_ENTRY (entry_for (fixture, "t2/normative_documents/repealed")))),
                   ==, g_menu_model_get_n_items (menu));
  g_menu_model_get_item_attribute (menu, found, G_MENU_ATTRIBUTE_ACTION, "s", &action);
  target = g_menu_model_get_item_attribute_value (menu, found, G_MENU_ATTRIBUTE_TARGET, NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  nb_test_ui_wait_idle ();
  g_assert_true (gtk_widget_activate_action_variant (button, action, target));
  nb_test_ui_wait_idle ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t2/normative_documents/issued"))), ==, "69");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t2/normative_documents/repealed"))), ==, "3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t2/normative_documents/in_force"))), ==, "665");
  g_assert_false (panel_lists (fixture, "parse.ambiguous-digits"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t2/normative_documents/in_force"))), ==, "");
  g_assert_true (panel_lists (fixture, "parse.ambiguous-digits"));

  /* one fix: a button that says what it does */
  type_into (fixture, "t4/review/upheld", "2");
  label = find_widget (GTK_WIDGET (panel_row (fixture, "t4.total")), GTK_TYPE_LABEL, "Set Total to 2");
  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_for (fixture, "t4/review/total"))), ==, "2");
  g_assert_false (panel_lists (fixture, "t4.total"));
}

static gboolean
not_saving (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_is_sensitive (GTK_WIDGET (fixture->window)) &&
         !nb_document_get_busy (nb_window_get_document (fixture->window));
}

static GBytes *
convert_with_cli (Fixture    *fixture,
                  const char *stem)
{
  g_autofree char *seed = nb_test_seed_path (stem);
  g_autofree char *out = g_build_filename (fixture->dir, "cli.nianbao.json", NULL);
  const char *argv[] = { g_getenv ("NIANBAO_CLI"), "convert", seed, out, NULL };
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;
  int status;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_file_get_contents (out, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* @converted with the "source" key a window adds: the name, size and
 * checksum of the seed it read (docs/FORMAT.md §4.6). */
static GBytes *
with_source (GBytes     *converted,
             const char *stem)
{
  g_autoptr(GBytes) seed = nb_test_load_seed (stem);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, seed);
  GString *text = g_string_new_len (g_bytes_get_data (converted, NULL), g_bytes_get_size (converted));

  g_assert_true (g_str_has_suffix (text->str, "\n}\n"));
  g_string_truncate (text, text->len - 3);
  g_string_append_printf (text, ",\n  \"source\": { \"name\": \"%s.txt\", \"size\": %" G_GSIZE_FORMAT
                          ", \"sha256\": \"%s\" }\n}\n", stem, g_bytes_get_size (seed), sha256);
  return g_string_free_to_bytes (text);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "saved.nianbao.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) forbidden = g_file_new_for_path ("/proc/nianbao-test.nianbao.json");
  g_autoptr(GBytes) converted = convert_with_cli (fixture, "004_f0cbcda3827e0aad");
  g_autoptr(GBytes) expected = with_source (converted, "004_f0cbcda3827e0aad");
  g_autofree char *contents = NULL;
  gsize length;

  show_seed (fixture, "004_f0cbcda3827e0aad");
  /* a report read from text has no file to save to yet */
  g_assert_null (nb_document_get_file (nb_window_get_document (fixture->window)));

  nb_window_save_to (fixture->window, file);
  nb_test_ui_wait_until (not_saving, fixture);
  nb_test_ui_wait_idle ();
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_true (g_file_equal (nb_document_get_file (nb_window_get_document (fixture->window)), file));
  g_assert_false (nb_report_get_modified (report (fixture)));

  /* a save that cannot be written keeps the changes and the old file */
  type_into (fixture, "t3/received/total", "7");
  nb_window_save_to (fixture->window, forbidden);
  nb_test_ui_wait_until (not_saving, fixture);
  nb_test_ui_wait_idle ();
  g_assert_true (nb_report_get_modified (report (fixture)));
  g_assert_true (g_file_equal (nb_document_get_file (nb_window_get_document (fixture->window)), file));
  g_assert_false (g_file_query_exists (forbidden, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *tall = g_getenv ("NB_TEST_TALL_SCREENSHOT");
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "screenshot-003.png", NULL);
  GStatBuf info;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, tall ? atoi (tall) : 900);
  show_seed (fixture, "003_babb1a0d8021a832");
  nb_test_ui_wait_until (nb_test_ui_panel_shown, nb_window_get_panel (fixture->window));
  /* twice: the first scroll may land before the panel's width settles */
  for (guint i = 0; tall == NULL && i < 2; i++)
    {
      nb_report_view_focus_cell (nb_window_get_report_view (fixture->window),
                                 nb_report_lookup_cell (report (fixture), "t4/litigation_after_review/total"));
      nb_test_ui_wait_idle ();
    }
  nb_test_ui_save_png (GTK_WIDGET (fixture->window), "screenshot-003.png");
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 20000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

#define ADD(path, func) \
  g_test_add ("/nianbao/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("seeds-shown", test_seeds_shown);
  ADD ("seed-with-errors", test_seed_with_errors);
  ADD ("pdf-places", test_pdf_places);
  ADD ("pdf-password", test_pdf_password);
  ADD ("accessible", test_accessible);
  ADD ("live-balance-and-undo", test_live_balance_and_undo);
  ADD ("keyboard", test_keyboard);
  ADD ("panel-activation", test_panel_activation);
  ADD ("panel-checked", test_panel_checked);
  ADD ("close-asks", test_close_asks);
  ADD ("quick-fix", test_quick_fix);
  ADD ("reading-fixes", test_reading_fixes);
  ADD ("save", test_save);
  ADD ("screenshot", test_screenshot);
#undef ADD

  return g_test_run ();
}
