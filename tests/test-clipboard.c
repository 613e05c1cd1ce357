/* test-clipboard.c — copying and pasting tables in the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui). Two report windows, the display's real
 * clipboard, and the keys a user presses; reads back the cells' entries,
 * the clipboard and the toasts shown.
 */

#include "config.h"

#include <adwaita.h>
#include <nb-paste.h>
#include <nb-template-private.h>
#include <nb-text-writer.h>
#include <string.h>

#include "nb-table-grid.h"
#include "nb-test-ui.h"
#include "nb-test-util.h"
#include "nb-window.h"

typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
  NbWindow   *a;
  NbWindow   *b;
} Fixture;

static NbWindow *
open_seed (Fixture    *fixture,
           const char *stem)
{
  g_autofree char *path = nb_test_seed_path (stem);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = nb_document_load (fixture->importer, file, NULL, &error);
  NbWindow *window = g_object_ref_sink (nb_window_new (NULL, fixture->importer, NULL));

  g_assert_no_error (error);
  nb_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, window);
  nb_test_ui_wait_idle ();
  return window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  fixture->a = open_seed (fixture, "003_babb1a0d8021a832");
  fixture->b = open_seed (fixture, "001_7d60a9f0c8604645");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->a));
  gtk_window_destroy (GTK_WINDOW (fixture->b));
  g_object_unref (fixture->a);
  g_object_unref (fixture->b);
  g_object_unref (fixture->importer);
  g_object_unref (fixture->template);
}

static NbReport *
report (NbWindow *window)
{
  return nb_document_get_report (nb_window_get_document (window));
}

static NbCellEntry *
entry_for (NbWindow   *window,
           const char *address)
{
  int cell = nb_report_lookup_cell (report (window), address);
  NbCellEntry *entry;

  g_assert_cmpint (cell, >=, 0);
  entry = nb_report_view_get_entry (nb_window_get_report_view (window), cell);
  g_assert_nonnull (entry);
  return entry;
}

static const char *
text_of (NbWindow   *window,
         const char *address)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry_for (window, address)));
}

static NbTableGrid *
grid_of (NbWindow   *window,
         const char *address)
{
  return NB_TABLE_GRID (gtk_widget_get_ancestor (GTK_WIDGET (entry_for (window, address)),
                                                 NB_TYPE_TABLE_GRID));
}

/* The cell has the focus and, as on entering it, all its text selected */
static gboolean
entered (gpointer data)
{
  GtkWidget *entry = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (entry));
  int start, end;

  if (focus == NULL || (focus != entry && !gtk_widget_is_ancestor (focus, entry)))
    return FALSE;
  gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end);
  return start == 0 && end == g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
}

static void
focus (NbWindow   *window,
       const char *address)
{
  g_assert_true (nb_report_view_focus_cell (nb_window_get_report_view (window),
                                            nb_report_lookup_cell (report (window), address)));
  nb_test_ui_wait_idle ();
  nb_test_ui_wait_until (entered, entry_for (window, address));
}

static gboolean
press (NbWindow        *window,
       const char      *address,
       guint            keyval,
       GdkModifierType  state)
{
  gboolean used = nb_cell_entry_handle_key (entry_for (window, address), keyval, state);

  nb_test_ui_wait_idle ();
  return used;
}

static GdkClipboard *
clipboard (NbWindow *window)
{
  return gtk_widget_get_clipboard (GTK_WIDGET (window));
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("(no text)");
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
clipboard_text (NbWindow *window)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard (window), NULL, text_read_cb, &text);
  nb_test_ui_wait_until (is_set, &text);
  return text;
}

typedef struct
{
  GInputStream *stream;
  char          buffer[256 * 1024];
  gsize         size;
  gboolean      done;
} HtmlRead;

static void
html_bytes_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  HtmlRead *read = data;

  g_assert_true (g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &read->size, NULL));
  read->done = TRUE;
}

static void
html_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  HtmlRead *read = data;

  read->stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, NULL);
  g_assert_nonnull (read->stream);
  g_input_stream_read_all_async (read->stream, read->buffer, sizeof read->buffer, G_PRIORITY_DEFAULT,
                                 NULL, html_bytes_cb, read);
}

static GBytes *
clipboard_html (NbWindow *window)
{
  g_autofree HtmlRead *read = g_new0 (HtmlRead, 1);

  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard (window)),
                                                        "text/html"));
  gdk_clipboard_read_async (clipboard (window), (const char *[]) { "text/html", NULL }, G_PRIORITY_DEFAULT,
                            NULL, html_read_cb, read);
  nb_test_ui_wait_until (is_true, &read->done);
  g_object_unref (read->stream);
  g_assert_cmpuint (read->size, <, sizeof read->buffer);
  return g_bytes_new (read->buffer, read->size);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 gboolean (*match) (GtkWidget *, gconstpointer),
                 gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

typedef struct
{
  NbWindow   *window;
  const char *text;
} Toast;

static gboolean
toast_shown (gpointer data)
{
  Toast *toast = data;

  return find_descendant (GTK_WIDGET (toast->window), is_label_with, toast->text) != NULL;
}

static void
wait_for_toast (NbWindow   *window,
                const char *text)
{
  Toast toast = { window, text };

  nb_test_ui_wait_until (toast_shown, &toast);
}

static gboolean
is_copy_table_button (GtkWidget     *widget,
                      gconstpointer  table_id)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "report.copy-table") != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), table_id);
}

static NbTemplateTable *
table (Fixture    *fixture,
       const char *id)
{
  NbTemplateTable *found = nb_template_lookup_table (fixture->template, id);

  g_assert_nonnull (found);
  return found;
}

/* The texts of a table's entries, in template order. */
static GStrv
table_texts (Fixture    *fixture,
             NbWindow   *window,
             const char *id)
{
  NbTemplateTable *t = table (fixture, id);
  GStrv texts = g_new0 (char *, t->n_cells + 1);

  for (guint c = 0; c < t->n_cells; c++)
    {
      NbCellEntry *entry = nb_report_view_get_entry (nb_window_get_report_view (window), t->first_cell + c);

      texts[c] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
    }
  return texts;
}

static void
set_clipboard_text (NbWindow   *window,
                    const char *text)
{
  gdk_clipboard_set_text (clipboard (window), text);
  nb_test_ui_wait_idle ();
}

typedef struct
{
  NbWindow   *window;
  const char *address;
  const char *text;
} CellText;

static gboolean
cell_shows (gpointer data)
{
  CellText *expected = data;

  return g_strcmp0 (text_of (expected->window, expected->address), expected->text) == 0;
}

static void
wait_for_text (NbWindow   *window,
               const char *address,
               const char *text)
{
  CellText expected = { window, address, text };

  nb_test_ui_wait_until (cell_shows, &expected);
}

/* Copy Table in A, Ctrl+V anywhere in B's same table: B's table is A's. */
static void
test_copy_paste_table (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (nb_window_get_report_view (fixture->a)),
                                       is_copy_table_button, "t3");
  NbTemplateTable *t3 = table (fixture, "t3");
  g_auto(GStrv) a_texts = table_texts (fixture, fixture->a, "t3");
  g_auto(GStrv) b_before = table_texts (fixture, fixture->b, "t3");
  g_auto(GStrv) b_after = NULL;
  g_auto(GStrv) b_undone = NULL;
  g_autoptr(GString) expected_text = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(NbPasteBlock) block = NULL;
  g_auto(GStrv) html_texts = NULL;
  guint differing = 0;

  for (guint c = 0; c < t3->n_cells; c++)
    differing += g_strcmp0 (a_texts[c], b_before[c]) != 0;
  g_assert_cmpuint (differing, >=, 10);

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Copy Table");
  gtk_widget_activate (button);
  nb_test_ui_wait_idle ();
  wait_for_toast (fixture->a, "Table copied");

  /* both forms: tab-separated text and the HTML table with merged headers */
  nb_text_writer_append_table (expected_text, report (fixture->a),
                               nb_table_grid_get_table (grid_of (fixture->a, "t3/received/total")));
  text = clipboard_text (fixture->a);
  g_assert_cmpstr (text, ==, expected_text->str);
  html = clipboard_html (fixture->a);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (html, NULL), g_bytes_get_size (html), "rowspan=\"22\""));
  block = nb_paste_block_new_from_html (g_bytes_get_data (html, NULL), g_bytes_get_size (html), NULL);
  g_assert_nonnull (block);
  html_texts = nb_paste_block_match_table (block, fixture->template,
                                           nb_table_grid_get_table (grid_of (fixture->a, "t3/received/total")));
  g_assert_nonnull (html_texts);

  /* pasted from any cell of B's table, it goes to the same places */
  focus (fixture->b, "t3/withheld.third_party/research");
  g_assert_true (press (fixture->b, "t3/withheld.third_party/research", GDK_KEY_v, GDK_CONTROL_MASK));
  wait_for_toast (fixture->b, "Pasted 175 cells");
  b_after = table_texts (fixture, fixture->b, "t3");
  for (guint c = 0; c < t3->n_cells; c++)
    g_assert_cmpstr (b_after[c], ==, a_texts[c]);
  g_assert_true (nb_report_get_modified (report (fixture->b)));

  /* one undo step takes it all back */
  gtk_widget_activate_action (GTK_WIDGET (fixture->b), "win.undo", NULL);
  nb_test_ui_wait_idle ();
  b_undone = table_texts (fixture, fixture->b, "t3");
  for (guint c = 0; c < t3->n_cells; c++)
    g_assert_cmpstr (b_undone[c], ==, b_before[c]);
  g_assert_false (nb_report_get_can_undo (report (fixture->b)));
  g_assert_false (nb_report_get_modified (report (fixture->b)));
}

/* A block pastes from the focused cell across the data cells, as Tab
 * and Enter go, and is undone in one step. */
static void
test_paste_block (Fixture       *fixture,
                  gconstpointer  data)
{
  NbWindow *b = fixture->b;

  set_clipboard_text (b, "5\t6\r\n7\t８\r\n");
  focus (b, "t3/granted/commercial");
  g_assert_true (press (b, "t3/granted/commercial", GDK_KEY_v, GDK_CONTROL_MASK));
  wait_for_toast (b, "Pasted 4 cells");
  g_assert_cmpstr (text_of (b, "t3/granted/commercial"), ==, "5");
  g_assert_cmpstr (text_of (b, "t3/granted/research"), ==, "6");
  g_assert_cmpstr (text_of (b, "t3/partially_granted/commercial"), ==, "7");
  g_assert_cmpstr (text_of (b, "t3/partially_granted/research"), ==, "８");
  g_assert_cmpint (nb_report_get_cell_value (report (b), nb_report_lookup_cell (report (b),
                                                                                "t3/partially_granted/research")),
                   ==, 8);
  gtk_widget_activate_action (GTK_WIDGET (b), "win.undo", NULL);
  nb_test_ui_wait_idle ();
  g_assert_false (nb_report_get_can_undo (report (b)));
  g_assert_false (nb_report_get_modified (report (b)));

  /* table 二: the lines of a part's header are not data rows */
  set_clipboard_text (fixture->a, "1\n2\n3\n");
  focus (fixture->a, "t2/normative_documents/issued");
  g_assert_true (press (fixture->a, "t2/normative_documents/issued", GDK_KEY_v, GDK_CONTROL_MASK));
  wait_for_toast (fixture->a, "Pasted 3 cells");
  g_assert_cmpstr (text_of (fixture->a, "t2/normative_documents/issued"), ==, "1");
  g_assert_cmpstr (text_of (fixture->a, "t2/licensing/decisions"), ==, "2");
  g_assert_cmpstr (text_of (fixture->a, "t2/punishment/decisions"), ==, "3");
}

/* The text of a whole table, as a spreadsheet gives it back, fills the
 * table too. */
static void
test_paste_table_text (Fixture       *fixture,
                       gconstpointer  data)
{
  NbTemplateTable *t4 = table (fixture, "t4");
  g_autoptr(GString) tsv = g_string_new (NULL);
  g_auto(GStrv) a_texts = table_texts (fixture, fixture->a, "t4");
  g_auto(GStrv) b_before = table_texts (fixture, fixture->b, "t4");
  g_auto(GStrv) b_after = NULL;

  g_assert_false (g_strv_equal ((const char *const *) a_texts, (const char *const *) b_before));
  nb_text_writer_append_table (tsv, report (fixture->a),
                               nb_table_grid_get_table (grid_of (fixture->a, "t4/review/total")));
  set_clipboard_text (fixture->b, tsv->str);
  focus (fixture->b, "t4/litigation_direct/pending");
  g_assert_true (press (fixture->b, "t4/litigation_direct/pending", GDK_KEY_v, GDK_CONTROL_MASK));
  wait_for_toast (fixture->b, "Pasted 15 cells");
  b_after = table_texts (fixture, fixture->b, "t4");
  for (guint c = 0; c < t4->n_cells; c++)
    g_assert_cmpstr (b_after[c], ==, a_texts[c]);
}

/* A block larger than what is left of the table changes nothing. */
static void
test_paste_too_large (Fixture       *fixture,
                      gconstpointer  data)
{
  NbWindow *b = fixture->b;
  g_autoptr(GString) tsv = g_string_new (NULL);
  g_auto(GStrv) before = table_texts (fixture, b, "t3");
  g_auto(GStrv) after = NULL;

  for (guint r = 0; r < 30; r++)
    g_string_append_printf (tsv, "%u\t%u\n", r, r + 1);
  set_clipboard_text (b, tsv->str);
  focus (b, "t3/received/natural_person");
  g_assert_true (press (b, "t3/received/natural_person", GDK_KEY_v, GDK_CONTROL_MASK));
  wait_for_toast (b, "The pasted block has 30 × 2 cells; only 25 × 7 fit from "
                     "自然人 一、本年新收政府信息公开申请数量");
  after = table_texts (fixture, b, "t3");
  g_assert_true (g_strv_equal ((const char *const *) before, (const char *const *) after));
  g_assert_false (nb_report_get_modified (report (b)));
  g_assert_false (nb_report_get_can_undo (report (b)));
}

/* Shift and the arrows select a block; Ctrl+C copies its values. */
static void
test_select_and_copy (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *inside[] = {
    "t3/received/natural_person", "t3/received/commercial", "t3/received/research",
    "t3/carried_over/natural_person", "t3/carried_over/commercial", "t3/carried_over/research",
  };
  NbWindow *a = fixture->a;
  const char *anchor = "t3/received/natural_person";
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;
  guint row0, column0, row1, column1, row, column;

  focus (a, anchor);
  g_assert_true (press (a, anchor, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (press (a, anchor, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (press (a, anchor, GDK_KEY_Down, GDK_SHIFT_MASK));
  /* the focus stays where the block started */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (a)), GTK_WIDGET (entry_for (a, anchor))));

  g_assert_true (nb_table_grid_get_selection (grid_of (a, anchor), &row0, &column0, &row1, &column1));
  g_assert_true (nb_table_grid_get_place (grid_of (a, anchor), nb_report_lookup_cell (report (a), anchor),
                                          &row, &column));
  g_assert_cmpuint (row0, ==, row);
  g_assert_cmpuint (column0, ==, column);
  g_assert_cmpuint (row1, ==, row + 1);
  g_assert_cmpuint (column1, ==, column + 2);
  for (guint i = 0; i < G_N_ELEMENTS (inside); i++)
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_for (a, inside[i])), "nb-selected-block"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry_for (a, "t3/received/social_welfare")),
                                            "nb-selected-block"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry_for (a, "t3/granted/natural_person")),
                                            "nb-selected-block"));

  g_assert_true (press (a, anchor, GDK_KEY_c, GDK_CONTROL_MASK));
  expected = g_strdup_printf ("%s\t%s\t%s\n%s\t%s\t%s\n",
                              text_of (a, inside[0]), text_of (a, inside[1]), text_of (a, inside[2]),
                              text_of (a, inside[3]), text_of (a, inside[4]), text_of (a, inside[5]));
  copied = clipboard_text (a);
  g_assert_cmpstr (copied, ==, expected);

  /* Escape ends the block; then Ctrl+C is the entry's own copy */
  g_assert_true (press (a, anchor, GDK_KEY_Escape, 0));
  g_assert_false (nb_table_grid_get_selection (grid_of (a, anchor), NULL, NULL, NULL, NULL));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry_for (a, inside[4])), "nb-selected-block"));
  g_assert_false (press (a, anchor, GDK_KEY_c, GDK_CONTROL_MASK));

  /* a plain move ends it too */
  g_assert_true (press (a, anchor, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (nb_table_grid_get_selection (grid_of (a, anchor), NULL, NULL, NULL, NULL));
  g_assert_true (press (a, anchor, GDK_KEY_Tab, 0));
  g_assert_false (nb_table_grid_get_selection (grid_of (a, anchor), NULL, NULL, NULL, NULL));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry_for (a, anchor)), "nb-selected-block"));

  /* within the text, Shift and an arrow select text */
  gtk_editable_set_text (GTK_EDITABLE (entry_for (a, anchor)), "12");
  gtk_editable_set_position (GTK_EDITABLE (entry_for (a, anchor)), 1);
  g_assert_false (press (a, anchor, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_false (nb_table_grid_get_selection (grid_of (a, anchor), NULL, NULL, NULL, NULL));
}

/* One value, even with a spreadsheet's line end, is pasted as text. */
static void
test_paste_single_value (Fixture       *fixture,
                         gconstpointer  data)
{
  NbWindow *a = fixture->a;
  const char *address = "t3/received/commercial";
  GtkEditable *editable = GTK_EDITABLE (entry_for (a, address));

  set_clipboard_text (a, "42");
  focus (a, address);
  g_assert_true (press (a, address, GDK_KEY_v, GDK_CONTROL_MASK));
  wait_for_text (a, address, "42");

  /* at the cursor, as an entry pastes */
  gtk_editable_set_text (editable, "12");
  gtk_editable_set_position (editable, 1);
  set_clipboard_text (a, "3\r\n");
  g_assert_true (press (a, address, GDK_KEY_Insert, GDK_SHIFT_MASK));
  wait_for_text (a, address, "132");
  g_assert_false (find_descendant (GTK_WIDGET (a), is_label_with, "Pasted 1 cell"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

#define ADD(path, func) \
  g_test_add ("/nianbao/clipboard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("copy-paste-table", test_copy_paste_table);
  ADD ("paste-block", test_paste_block);
  ADD ("paste-table-text", test_paste_table_text);
  ADD ("paste-too-large", test_paste_too_large);
  ADD ("select-and-copy", test_select_and_copy);
  ADD ("paste-single-value", test_paste_single_value);
#undef ADD

  return g_test_run ();
}
