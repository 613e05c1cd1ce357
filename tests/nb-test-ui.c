/* nb-test-ui.c — what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-ui.h"

#include <glib/gi18n.h>

#include "nb-test-util.h"

/* Drafts left by the windows an earlier test program destroyed with
 * unsaved edits, as a crash would: each program starts with none. Only
 * in the build's own data folder (tests/meson.build), never a user's. */
static void
remove_old_drafts (void)
{
  const char *data = g_getenv ("XDG_DATA_HOME");
  const char *built = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *own = NULL;
  g_autofree char *drafts = NULL;

  /* a child process of a test may come here before g_test_init() */
  if (data == NULL || built == NULL)
    return;
  own = g_build_filename (built, "xdg-data", NULL);
  if (g_strcmp0 (data, own) != 0)
    return;
  drafts = g_build_filename (data, "nianbao", "drafts", NULL);
  if (g_file_test (drafts, G_FILE_TEST_IS_DIR))
    nb_test_remove_tree (drafts);
}

/* Initialises libadwaita and loads the app's style sheet, which
 * AdwApplication would load from the resource base path. For the
 * screenshots in docs/, NB_TEST_LOCALEDIR names compiled translations
 * (run with LANGUAGE=zh_CN) and NB_TEST_DARK asks for the dark style. */
void
nb_test_ui_init (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  const char *localedir = g_getenv ("NB_TEST_LOCALEDIR");

  remove_old_drafts ();
  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  adw_init ();
  if (g_getenv ("NB_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_css_provider_load_from_resource (css, "/io/github/nianbao/Nianbao/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
nb_test_ui_wait_idle (void)
{
  /* a few frames' worth: layout, styles, the panel's rows */
  for (guint i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

void
nb_test_ui_wait_until (gboolean (*done) (gpointer),
                       gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
drew_frame (gpointer data)
{
  guint *frames = data;

  return *frames >= 2;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Returns once @widget has been laid out and drawn again: allocations
 * and scroll positions are then what the user sees. */
void
nb_test_ui_wait_frame (GtkWidget *widget)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  gtk_widget_queue_allocate (widget);
  nb_test_ui_wait_until (drew_frame, &frames);
  gtk_widget_remove_tick_callback (widget, tick);
}

void
nb_test_ui_save_png (GtkWidget  *widget,
          const char *name)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  g_autofree char *path = g_getenv ("NB_TEST_SCREENSHOT_DIR")
                           ? g_build_filename (g_getenv ("NB_TEST_SCREENSHOT_DIR"), name, NULL)
                           : g_test_build_filename (G_TEST_BUILT, name, NULL);
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gtk_widget_queue_draw (widget);
  nb_test_ui_wait_until (drew_frame, &frames);
  gtk_widget_remove_tick_callback (widget, tick);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  g_object_unref (paintable);
}

/* A window is mapped once it has a size */
gboolean
nb_test_ui_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* The problems panel is shown once its flap is fully open */
gboolean
nb_test_ui_panel_shown (gpointer data)
{
  GtkWidget *panel = data;
  GtkWidget *flap = gtk_widget_get_ancestor (panel, ADW_TYPE_FLAP);

  return gtk_widget_get_mapped (panel) && adw_flap_get_reveal_progress (ADW_FLAP (flap)) >= 1.0;
}

void
nb_test_window_set_up (NbTestWindow  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  fixture->window = g_object_ref_sink (nb_window_new (NULL, fixture->importer, NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
}

void
nb_test_window_tear_down (NbTestWindow  *fixture,
                          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  g_object_unref (fixture->importer);
  g_object_unref (fixture->template);
}

NbReport *
nb_test_window_report (NbTestWindow *fixture)
{
  return nb_document_get_report (nb_window_get_document (fixture->window));
}

NbReportView *
nb_test_window_view (NbTestWindow *fixture)
{
  return nb_window_get_report_view (fixture->window);
}

/* Puts a seed in the window, not yet shown. */
void
nb_test_window_load_seed (NbTestWindow *fixture,
                          const char   *stem)
{
  g_autofree char *path = nb_test_seed_path (stem);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = nb_document_load (fixture->importer, file, NULL, &error);

  g_assert_no_error (error);
  nb_window_set_document (fixture->window, document);
}

/* Shows a seed with the problems panel beside the form. */
void
nb_test_window_show_seed (NbTestWindow *fixture,
                          const char   *stem)
{
  GtkWidget *panel = GTK_WIDGET (nb_window_get_panel (fixture->window));

  nb_test_window_load_seed (fixture, stem);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  nb_test_ui_wait_idle ();
  if (!gtk_widget_get_mapped (panel))
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-problems", NULL);
  nb_test_ui_wait_until (nb_test_ui_panel_shown, panel);
  nb_test_ui_wait_frame (GTK_WIDGET (fixture->window));
  g_test_message ("window %d×%d", gtk_widget_get_width (GTK_WIDGET (fixture->window)),
                  gtk_widget_get_height (GTK_WIDGET (fixture->window)));
}

NbCellEntry *
nb_test_window_entry_for (NbTestWindow *fixture,
                          const char   *address)
{
  int cell = nb_report_lookup_cell (nb_test_window_report (fixture), address);

  g_assert_cmpint (cell, >=, 0);
  return nb_report_view_get_entry (nb_test_window_view (fixture), cell);
}

/* The cell whose entry has the focus, or -1 */
int
nb_test_window_focused_cell (NbTestWindow *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *entry = focus ? gtk_widget_get_ancestor (focus, NB_TYPE_CELL_ENTRY) : NULL;

  return entry ? (int) nb_cell_get_index (nb_cell_entry_get_cell (NB_CELL_ENTRY (entry))) : -1;
}

/* How many buttons in @widget have a mnemonic; each must be named by
 * the label it shows, with no accessible label of its own: GTK 4.8 gave
 * it the label's text, and a screen reader "_Save Save" */
guint
nb_test_ui_check_mnemonic_names (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    {
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += nb_test_ui_check_mnemonic_names (child);
  return n;
}

/* Whether a screen reader has a name for @widget other than its type:
 * an accessible label, or a label it is labelled by */
static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Whether @button shows no text of its own (an icon) */
static gboolean
shows_no_text (GtkWidget *button)
{
  GtkWidget *child = gtk_widget_get_first_child (button);

  return !GTK_IS_LABEL (child) && (GTK_IS_MENU_BUTTON (button) ? gtk_menu_button_get_label (GTK_MENU_BUTTON (button)) == NULL
                                                                : gtk_button_get_label (GTK_BUTTON (button)) == NULL);
}

/**
 * nb_test_ui_check_names:
 * @widget: a window or part of one
 *
 * Checks that every button that shows an icon rather than text, every
 * menu button (GTK 4.8 names one by its type), every search field and
 * every list in @widget has a name for a screen reader.
 *
 * Returns: how many were checked
 */
guint
nb_test_ui_check_names (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  guint n = 0;

  /* a menu button's own toggle is the menu button's part */
  if (parent == NULL || !GTK_IS_MENU_BUTTON (parent))
    {
      gboolean checked = GTK_IS_MENU_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_LIST_BOX (widget) ||
                         (GTK_IS_BUTTON (widget) && shows_no_text (widget));

      if (checked && !has_name (widget))
        g_error ("a %s with no name for a screen reader (tooltip: %s)", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_tooltip_text (widget));
      n += checked;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += nb_test_ui_check_names (child);
  return n;
}

/**
 * nb_test_ui_find_match:
 * @widget: where to look
 * @match: whether a widget is the one looked for
 * @data: passed to @match
 *
 * Returns: (transfer none) (nullable): the first widget in @widget,
 *   itself included, depth first, that @match accepts
 */
GtkWidget *
nb_test_ui_find_match (GtkWidget  *widget,
                       gboolean  (*match) (GtkWidget *, gpointer),
                       gpointer    data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nb_test_ui_find_match (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/**
 * nb_test_ui_find:
 * @widget: where to look
 * @type: a widget type
 *
 * Returns: (transfer none) (nullable): the first widget of @type in
 *   @widget, itself included, depth first
 */
GtkWidget *
nb_test_ui_find (GtkWidget *widget,
                 GType      type)
{
  return nb_test_ui_find_match (widget, is_of_type, GSIZE_TO_POINTER (type));
}
