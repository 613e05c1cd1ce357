/* test-shell.c — the window around the form: what it builds up front and
 * what only when first asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui).
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "nb-application.h"
#include "nb-display-fonts.h"
#include "nb-test-ui.h"
#include "nb-test-util.h"
#include "nb-window.h"

typedef NbTestWindow Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  fixture->window = g_object_ref_sink (nb_window_new (NULL, fixture->importer, NULL));
}

static void
show_seed (Fixture *fixture)
{
  nb_test_window_load_seed (fixture, "003_babb1a0d8021a832");
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  nb_test_ui_wait_idle ();
}

static gboolean
is_main_menu_button (GtkWidget *widget,
                     gpointer   data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_empty_page (GtkWidget *widget,
               gpointer   data)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), "Open a Report") == 0;
}

/* Whether @model holds an item that activates @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (menu_has_action (linked, action))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The main menu is built when first opened, with every item. */
static void
test_menu_on_demand (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkMenuButton *button;
  GMenuModel *model;

  show_seed (fixture);
  button = GTK_MENU_BUTTON (nb_test_ui_find_match (GTK_WIDGET (fixture->window), is_main_menu_button, NULL));
  g_assert_nonnull (button);
  /* an icon: a screen reader is given its name, not its type */
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
  g_assert_null (gtk_menu_button_get_popover (button));
  /* still a button to press, by pointer or by F10 */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  nb_test_ui_wait_until (popover_shown, button);
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  g_assert_true (menu_has_action (model, "win.open"));
  g_assert_true (menu_has_action (model, "win.export"));
  g_assert_true (menu_has_action (model, "win.show-help-overlay"));
  g_assert_true (menu_has_action (model, "app.quit"));

  /* opened again, the same menu */
  gtk_menu_button_popdown (button);
  gtk_menu_button_popup (button);
  nb_test_ui_wait_until (popover_shown, button);
  g_assert_true (gtk_menu_button_get_menu_model (button) == model);
}

/* The keyboard shortcuts window is not made with every window, as GTK
 * does for one at gtk/help-overlay.ui, but when first asked for. (Not
 * shown here: GTK 4.8's shortcuts window measures a key cap's label below
 * zero and warns, which the tests make fatal.) */
static void
test_shortcuts_on_demand (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture->window);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  gboolean enabled = FALSE;

  show_seed (fixture);
  g_assert_null (gtk_application_window_get_help_overlay (window));
  g_assert_true (g_action_group_query_action (G_ACTION_GROUP (window), "show-help-overlay",
                                              &enabled, NULL, NULL, NULL, NULL));
  g_assert_true (enabled);

  g_assert_false (g_resources_get_info ("/io/github/nianbao/Nianbao/gtk/help-overlay.ui",
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  builder = gtk_builder_new ();
  g_assert_true (gtk_builder_add_from_resource (builder, "/io/github/nianbao/Nianbao/nb-shortcuts-window.ui",
                                                &error));
  g_assert_no_error (error);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

/* A window opened on a report never loads the empty page's icon, the
 * one scalable image; an empty window shows it. */
static void
test_empty_page_icon (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(NbWindow) empty = g_object_ref_sink (nb_window_new (NULL, fixture->importer, NULL));
  AdwStatusPage *page;

  show_seed (fixture);
  page = ADW_STATUS_PAGE (nb_test_ui_find_match (GTK_WIDGET (fixture->window), is_empty_page, NULL));
  g_assert_nonnull (page);
  g_assert_null (adw_status_page_get_icon_name (page));

  gtk_window_present (GTK_WINDOW (empty));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, empty);
  page = ADW_STATUS_PAGE (nb_test_ui_find_match (GTK_WIDGET (empty), is_empty_page, NULL));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_icon_name (page), ==, "x-office-spreadsheet-symbolic");
  gtk_window_destroy (GTK_WINDOW (empty));
}

/* The times the application prints, as comments of the test's output */
static void
print_as_comment (const char *text)
{
  fputs ("# ", stdout);
  fputs (text, stdout);
  fflush (stdout);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 NbWindow      **added)
{
  if (NB_IS_WINDOW (window) && *added == NULL)
    *added = g_object_ref (NB_WINDOW (window));
}

/* `nianbao FILE` as from a file manager: the file is read while GTK
 * starts (a PDF's pages take as long) and shown in a window of its own,
 * as the same file read by itself. */
static void
run_with_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autoptr(NbDocument) expected = nb_document_load (importer, file, NULL, &error);
  g_autoptr(NbApplication) application = NULL;
  g_autoptr(NbWindow) window = NULL;
  char *argv[] = { (char *) "nianbao", path, NULL };
  GPrintFunc print;
  NbReport *shown, *read;

  g_assert_no_error (error);
  g_setenv ("NIANBAO_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  application = nb_application_new ();
  /* each run of the test a primary instance of its own */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), &window);
  print = g_set_print_handler (print_as_comment);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 2, argv), ==, 0);
  g_set_print_handler (print);
  g_unsetenv ("NIANBAO_QUIT_AFTER_FIRST_FRAME");

  g_assert_nonnull (window);
  g_assert_nonnull (nb_window_get_document (window));
  g_assert_true (nb_window_shows_file (window, file));
  shown = nb_document_get_report (nb_window_get_document (window));
  read = nb_document_get_report (expected);
  g_assert_cmpstr (nb_report_get_organ (shown), ==, nb_report_get_organ (read));
  g_assert_cmpuint (nb_report_get_year (shown), ==, nb_report_get_year (read));
  for (guint c = 0; c < nb_template_get_n_cells (nb_report_get_template (read)); c++)
    g_assert_cmpstr (nb_report_get_cell_text (shown, c), ==, nb_report_get_cell_text (read, c));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nb_document_get_validator (nb_window_get_document (window)))),
                    ==, g_list_model_get_n_items (G_LIST_MODEL (nb_document_get_validator (expected))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first frame of `nianbao FILE` run as a program, GTK_THEME set to
 * @theme or unset: the line it printed that starts with @word */
static char *
line_of_process (const char *theme,
                 const char *word)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seeds", "003_babb1a0d8021a832.txt", NULL);
  const char *argv[] = { g_getenv ("NIANBAO_APP"), path, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "NIANBAO_QUIT_AFTER_FIRST_FRAME", "first", TRUE);
  g_autofree char *start = g_strdup_printf ("\n%s ", word);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;
  int status;

  env = theme != NULL ? g_environ_setenv (env, "GTK_THEME", theme, TRUE) : g_environ_unsetenv (env, "GTK_THEME");
  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, start);
  g_assert_nonnull (line);
  return g_strndup (line + 1, strcspn (line + 1, "\n"));
}

/* GTK is lent its empty theme while it first reads its settings, so that
 * it does not parse its own default theme for libadwaita to replace: the
 * window has libadwaita's stylesheet all the same, and the loan is
 * returned (a program opened from the window does not inherit it). A
 * theme the user chose is left as it is. The application's own
 * stylesheet, which it loads itself, is in effect too. */
static void
test_theme_lent (void)
{
  g_autofree char *lent = line_of_process (NULL, "theme");
  g_autofree char *chosen = line_of_process ("HighContrast", "theme");

  g_assert_cmpstr (lent, ==, "theme - adwaita nianbao");
  g_assert_true (g_str_has_prefix (chosen, "theme HighContrast"));
}

/* The window draws bold Chinese with the regular face, emboldened, so
 * that a second CJK face of some 20 MB is not mapped; bold Latin keeps
 * the face it has here, in this process, whose fonts are the system's. */
static void
test_bold_chinese_one_face (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new (NULL));
  gboolean latin_shared = nb_display_fonts_bold_shares_face (label, "Report");
  g_autofree char *expected = g_strdup_printf ("bold-faces han shared latin %s", latin_shared ? "shared" : "own");
  g_autofree char *line = line_of_process (NULL, "bold-faces");

  if (nb_display_fonts_bold_shares_face (label, "政府信息"))
    g_test_message ("this system has no bold face for Chinese: nothing to leave out");
  g_assert_cmpstr (line, ==, expected);
}

/* In a locale of another language (the tests' is C) the report's
 * Chinese is drawn with the family fontconfig gives Chinese, in its
 * Chinese forms, not with the first CJK face it sorts (Noto Sans CJK JP,
 * whose 直, 骨 and 角 are the Japanese forms). */
static void
test_chinese_forms (void)
{
  /* the system's configuration, which this process has */
  g_autofree char *family = nb_display_fonts_family_for_chinese (NULL);
  g_autofree char *expected = g_strdup_printf ("han-family %s", family);
  g_autofree char *line = line_of_process (NULL, "han-family");

  g_assert_nonnull (family);
  g_assert_cmpstr (line, ==, expected);
}

static void
test_open_text_from_command_line (void)
{
  run_with_file ("seeds/003_babb1a0d8021a832.txt");
}

static void
test_open_pdf_from_command_line (void)
{
  run_with_file ("formats/003.pdf");
}

int
main (int    argc,
      char **argv)
{
  GTestDBus *bus;
  g_autofree char *display = NULL;

  g_test_init (&argc, &argv, NULL);
  /* a session bus for the application, as on a desktop; the daemon goes
   * with this process */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* which GTestDBus unsets */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  nb_test_ui_init ();

#define ADD(path, func) \
  g_test_add ("/nianbao/shell/" path, Fixture, NULL, fixture_set_up, func, nb_test_window_tear_down)
  ADD ("menu-on-demand", test_menu_on_demand);
  ADD ("shortcuts-on-demand", test_shortcuts_on_demand);
  ADD ("empty-page-icon", test_empty_page_icon);
#undef ADD
  g_test_add_func ("/nianbao/shell/open-text-from-command-line", test_open_text_from_command_line);
  g_test_add_func ("/nianbao/shell/open-pdf-from-command-line", test_open_pdf_from_command_line);
  g_test_add_func ("/nianbao/shell/theme-lent", test_theme_lent);
  g_test_add_func ("/nianbao/shell/bold-chinese-one-face", test_bold_chinese_one_face);
  g_test_add_func ("/nianbao/shell/chinese-forms", test_chinese_forms);

  return g_test_run ();
}
