/* nb-application.c — the Nianbao application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-application"

#include "config.h"

#include "nb-application.h"

#include <glib/gi18n.h>

#include "nb-settings.h"
#include "nb-compare-window.h"
#include "nb-display-fonts.h"
#include "nb-recovery-window.h"
#include "nb-review-window.h"

#include <nb-draft.h>
#include "nb-window.h"

/* One window per report. Opening a file that a window already shows
 * presents that window; an empty window takes the first file. */
struct _NbApplication
{
  AdwApplication  parent_instance;

  NbImporter     *importer;       /* and the template it reads with */
  NbSettings     *settings;
  GPtrArray      *named;          /* GFile: named on this process's command line */
  GHashTable     *read_ahead;     /* URI → NbReport, read while GTK started */
  gboolean        lent_theme;     /* GTK_THEME set until GTK read it */
  GThread        *fonts_loader;   /* the windows' fonts, until startup */
};

G_DEFINE_FINAL_TYPE (NbApplication, nb_application, ADW_TYPE_APPLICATION)

static NbWindow *
find_window (NbApplication *self,
             GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (NB_IS_WINDOW (l->data) && nb_window_shows_file (l->data, file))
      return l->data;
  return NULL;
}

static NbWindow *
find_empty_window (NbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (NB_IS_WINDOW (l->data) && nb_window_is_empty (l->data))
      return l->data;
  return NULL;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  NbApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* each window asks about its own unsaved changes */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  NbApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (nb_window_new (GTK_APPLICATION (self), self->importer, self->settings)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  NbApplication *self = user_data;
  static const char *developers[] = { "The Nianbao developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Nianbao"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Nianbao developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Check and edit annual reports on government information disclosure"),
                        "website", "https://github.com/nianbao/nianbao",
                        "issue-url", "https://github.com/nianbao/nianbao/issues",
                        "copyright", "© 2026 The Nianbao developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your name and e-mail, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* A row of the review window opens its report in a report window: the
 * same report object, so that edits there show in the row. */
static void
open_report_cb (NbApplication *self,
                NbReviewItem  *item)
{
  GFile *file = nb_review_item_get_file (item);
  NbReport *report = nb_review_item_get_report (item);
  NbWindow *window = find_window (self, file);
  g_autoptr(NbDocument) document = NULL;

  if (window == NULL && report == NULL)
    {
      g_application_open (G_APPLICATION (self), &file, 1, "");
      return;
    }
  if (window == NULL)
    {
      window = nb_window_new (GTK_APPLICATION (self), self->importer, self->settings);
      document = nb_document_new (report, file);
      nb_window_set_document (window, document);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
review_folder (NbApplication *self,
               GFile         *folder)
{
  NbReviewWindow *window = nb_review_window_new (GTK_APPLICATION (self),
                                                 nb_importer_get_template (self->importer));

  g_signal_connect_object (window, "open-report", G_CALLBACK (open_report_cb), self, G_CONNECT_SWAPPED);
  nb_review_window_load (window, folder);
  gtk_window_present (GTK_WINDOW (window));
}

static void
review_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  g_autoptr(GFile) folder = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  review_folder (user_data, folder);
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "new-window", new_window_action, NULL, NULL, NULL, { 0 } },
  { "review", review_action, "s", NULL, NULL, { 0 } },
};

/* The window a restored draft goes to: the one showing its file, when
 * that has no changes of its own to lose, else a new one. */
static NbWindow *
window_for_draft (NbApplication *self,
                  NbDraftInfo   *info)
{
  const char *uri = info->file_uri ? info->file_uri : info->source_uri;
  g_autoptr(GFile) file = uri ? g_file_new_for_uri (uri) : NULL;
  NbWindow *window = file ? find_window (self, file) : NULL;

  if (window != NULL && !nb_report_get_modified (nb_document_get_report (nb_window_get_document (window))))
    return window;
  return nb_window_new (GTK_APPLICATION (self), self->importer, self->settings);
}

static void
restore_cb (NbApplication *self,
            NbDraftInfo   *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = nb_draft_restore (self->importer, info, &error);
  NbWindow *window = window_for_draft (self, info);

  gtk_window_present (GTK_WINDOW (window));
  if (document == NULL)
    {
      nb_window_toast (window, error->message);
      return;
    }
  nb_window_set_restored_document (window, document, info->id);
}

/* Drafts left by a process that is gone are offered, never acted on
 * without the user. */
static void
offer_recovery_cb (gpointer data)
{
  NbApplication *self = data;
  g_autofree char *dir = nb_draft_dir_default ();
  g_autoptr(GPtrArray) drafts = nb_draft_list (dir, TRUE);
  NbRecoveryWindow *window;

  g_application_release (G_APPLICATION (self));
  if (drafts->len == 0)
    return;
  window = nb_recovery_window_new (GTK_APPLICATION (self), dir, drafts);
  g_signal_connect_object (window, "restore", G_CALLBACK (restore_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* What is made in a thread of its own while GTK and libadwaita start,
 * since it needs no display: the templates (the 2021 and 2019 forms,
 * their patterns compiled), the importer made from them, and the reports
 * named on the command line — a PDF's pages take about as long to lay
 * out as GTK takes to start. */
typedef struct
{
  GPtrArray  *files;     /* GFile */
  NbImporter *importer;
  GHashTable *reports;   /* URI → NbReport, for the files read */
} StartWork;

static gpointer
start_work_thread (gpointer data)
{
  StartWork *work = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);

  if (template == NULL)
    g_error ("The built-in template is broken: %s", error->message);
  /* here, beside GTK's start, rather than in the first window's
   * validation on the main thread, where each would be compiled at its
   * first use */
  nb_template_compile_patterns (template);
  work->importer = nb_importer_new (template);
  for (guint i = 0; work->files != NULL && i < work->files->len; i++)
    {
      GFile *file = g_ptr_array_index (work->files, i);
      /* a file that fails is read again by its window, which says why */
      NbReport *report = nb_document_import (work->importer, file, NULL, NULL, NULL);

      if (report != NULL)
        g_hash_table_insert (work->reports, g_file_get_uri (file), report);
    }
  return work;
}

/* The application has no resource base path, so that GTK does not add
 * an icons folder of it (there is none) to the icon theme: libadwaita
 * adds its own a moment later, and the second addition drops the
 * themes' index that a thread had read meanwhile, for the window's
 * first icon to read it again on the main thread (an eighth of the
 * instructions before the first frame). The stylesheet, which
 * libadwaita would load from that path, is loaded here. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/nianbao/Nianbao/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The windows' fonts are read in a thread of their own from the moment
 * the application is made, while it registers on the session bus and
 * GTK starts; see nb-display-fonts.c. */
static gpointer
load_fonts_thread (gpointer data)
{
  return nb_display_fonts_load ();
}

static FcConfig *
join_fonts_loader (NbApplication *self)
{
  GThread *loader = g_steal_pointer (&self->fonts_loader);

  return loader != NULL ? g_thread_join (loader) : NULL;
}

static void
nb_application_startup (GApplication *application)
{
  NbApplication *self = NB_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  StartWork work = { self->named, NULL,
                     g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref) };
  GThread *worker;
  FcConfig *fonts = NULL;

  if (self->lent_theme)
    {
      /* GTK reads its settings once, with the theme lent; libadwaita,
       * which looks at GTK_THEME next, then loads its stylesheet */
      gtk_init ();
      gtk_settings_get_for_display (gdk_display_get_default ());
      /* fontconfig reads the environment in that thread */
      fonts = join_fonts_loader (self);
      g_unsetenv ("GTK_THEME");
      self->lent_theme = FALSE;
    }
  worker = g_thread_new ("nb-importer", start_work_thread, &work);
  /* libadwaita's start makes the icon theme, which reads its index in a
   * thread of its own while the window is built */
  G_APPLICATION_CLASS (nb_application_parent_class)->startup (application);
  load_style ();
  /* before any window lays out text */
  nb_display_fonts_apply (fonts != NULL ? fonts : join_fonts_loader (self));

  g_thread_join (worker);
  self->importer = work.importer;
  self->read_ahead = work.reports;
  g_ptr_array_set_size (self->named, 0);
  self->settings = nb_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  /* the shortcuts window is not at gtk/help-overlay.ui, so GTK sets no
   * accelerator for it */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);

  g_application_hold (application);
  g_idle_add_once (offer_recovery_cb, self);
}

static void
nb_application_activate (GApplication *application)
{
  NbApplication *self = NB_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (nb_window_new (GTK_APPLICATION (self), self->importer, self->settings));
      /* its first frame is the empty page's */
      g_object_set_data (G_OBJECT (window), "nb-stays-empty", GINT_TO_POINTER (TRUE));
    }
  gtk_window_present (window);
}

/* Comparing from the command line: both documents are read (or taken
 * from the windows that show them), then shown in one window. */
typedef struct
{
  NbApplication *application;
  NbDocument    *documents[2];
  GError        *error;
} CompareLoad;

static void
compare_load_free (CompareLoad *load)
{
  g_application_release (G_APPLICATION (load->application));
  g_clear_object (&load->documents[0]);
  g_clear_object (&load->documents[1]);
  g_clear_error (&load->error);
  g_object_unref (load->application);
  g_free (load);
}

static void
compare_load_done (CompareLoad *load)
{
  NbApplication *self = load->application;

  if (load->error != NULL)
    {
      NbWindow *window = nb_window_new (GTK_APPLICATION (self), self->importer, self->settings);

      gtk_window_present (GTK_WINDOW (window));
      nb_window_toast (window, load->error->message);
    }
  else
    gtk_window_present (GTK_WINDOW (nb_compare_window_new (GTK_APPLICATION (self),
                                                           load->documents[0], load->documents[1])));
  compare_load_free (load);
}

static NbDocument *
find_document (NbApplication *self,
               GFile         *file)
{
  NbWindow *window = find_window (self, file);

  return window ? nb_window_get_document (window) : NULL;
}

static void
compare_files (NbApplication *self,
               GFile         *first,
               GFile         *second)
{
  CompareLoad *load = g_new0 (CompareLoad, 1);
  GFile *files[2] = { first, second };

  load->application = g_object_ref (self);
  g_application_hold (G_APPLICATION (self));
  for (int i = 0; i < 2; i++)
    {
      NbDocument *open = find_document (self, files[i]);

      if (open != NULL)
        load->documents[i] = g_object_ref (open);
    }
  /* two report files are read in milliseconds: no need for threads */
  for (int i = 0; i < 2; i++)
    if (load->documents[i] == NULL)
      {
        g_autoptr(GError) error = NULL;
        NbDocument *document = nb_document_load (self->importer, files[i], NULL, &error);

        if (document == NULL && load->error == NULL)
          load->error = g_steal_pointer (&error);
        load->documents[i] = document;
      }
  compare_load_done (load);
}

static void
nb_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  NbApplication *self = NB_APPLICATION (application);

  if (g_strcmp0 (hint, "compare") == 0 && n_files == 2)
    {
      compare_files (self, files[0], files[1]);
      return;
    }
  if (g_strcmp0 (hint, "review") == 0)
    {
      for (int i = 0; i < n_files; i++)
        review_folder (self, files[i]);
      return;
    }
  for (int i = 0; i < n_files; i++)
    {
      NbWindow *window = find_window (self, files[i]);

      if (window == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          NbReport *report = self->read_ahead != NULL ? g_hash_table_lookup (self->read_ahead, uri) : NULL;

          window = find_empty_window (self);
          if (window == NULL)
            window = nb_window_new (GTK_APPLICATION (self), self->importer, self->settings);
          if (report != NULL)
            nb_window_open_imported (window, files[i], report);
          else
            nb_window_open (window, files[i]);
        }
      /* a new window still reading presents itself when its report is
       * ready */
      if (gtk_widget_get_visible (GTK_WIDGET (window)) || nb_window_get_document (window) != NULL)
        gtk_window_present (GTK_WINDOW (window));
    }
  /* read ahead for the first opening only: later ones read the file anew */
  if (self->read_ahead != NULL)
    g_hash_table_remove_all (self->read_ahead);
}

/* "--compare A B" is read here rather than as an option: GApplication
 * would otherwise take A and B as files to open one by one. */
static gboolean
nb_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  char **argv = *arguments;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean compare = FALSE, review = FALSE;
  GFile *files[2];

  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--compare"))
        compare = TRUE;
      else if (g_str_equal (argv[i], "--review"))
        review = TRUE;
      else if (argv[i][0] != '-')
        g_ptr_array_add (names, argv[i]);
    }
  if (!compare && !review)
    {
      NbApplication *self = NB_APPLICATION (application);

      /* read while GTK starts, should this process be the one to open them */
      for (guint i = 0; i < names->len; i++)
        g_ptr_array_add (self->named, g_file_new_for_commandline_arg (g_ptr_array_index (names, i)));
      return G_APPLICATION_CLASS (nb_application_parent_class)->local_command_line (application, arguments,
                                                                                    exit_status);
    }

  if ((compare && names->len != 2) || (review && (compare || names->len != 1)))
    {
      g_printerr ("%s\n", compare ? _("--compare needs exactly two reports: nianbao --compare A B")
                                  : _("--review needs one folder: nianbao --review DIR"));
      *exit_status = 2;
      return TRUE;
    }
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      *exit_status = 1;
      return TRUE;
    }
  for (guint i = 0; i < names->len; i++)
    files[i] = g_file_new_for_commandline_arg (g_ptr_array_index (names, i));
  g_application_open (application, files, names->len, compare ? "compare" : "review");
  for (guint i = 0; i < names->len; i++)
    g_object_unref (files[i]);
  *exit_status = 0;
  return TRUE;
}

static int
nb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("nianbao %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
nb_application_dispose (GObject *object)
{
  NbApplication *self = (NbApplication *) object;
  /* a second instance, which passed its files to the first */
  FcConfig *unused = join_fonts_loader (self);

  if (unused != NULL)
    FcConfigDestroy (unused);
  g_clear_object (&self->importer);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->named, g_ptr_array_unref);
  g_clear_pointer (&self->read_ahead, g_hash_table_unref);

  G_OBJECT_CLASS (nb_application_parent_class)->dispose (object);
}

static gboolean
has_adwaita_colors (GtkWidget *widget)
{
  GdkRGBA color;
  gboolean found;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return found;
}

/* Whether the application's own stylesheet is in effect under @widget:
 * a report's title field is as tall as it asks there */
static gboolean
has_own_style (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "nb-title-entry"))
    return gtk_widget_get_height (widget) >= 48;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_own_style (child))
      return TRUE;
  return FALSE;
}

/* For the start-up benchmark (tests/nb-app-bench.c), with
 * NIANBAO_QUIT_AFTER_FIRST_FRAME set: print when a window first painted
 * the report it was given and when it painted the whole form (monotonic
 * microseconds, on standard output), then quit, so that the peak memory
 * counts every cell; set to "first", quit at the first frame (to count
 * the instructions it takes). A window started without a file quits at
 * the first frame of its empty page. */
static void
quit_after_paint_cb (GtkWindow     *window,
                     GdkFrameClock *clock)
{
  GtkApplication *application = gtk_window_get_application (window);
  NbReportView *view = nb_window_get_report_view (NB_WINDOW (window));

  if (g_object_get_data (G_OBJECT (window), "nb-first-frame") == NULL)
    {
      g_autofree char *han_family = NULL;

      g_object_set_data (G_OBJECT (window), "nb-first-frame", GINT_TO_POINTER (TRUE));
      g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      /* for the tests: the theme GTK was left with, and whether the
       * window has libadwaita's colours and its own stylesheet */
      g_print ("theme %s%s%s\n", g_getenv ("GTK_THEME") != NULL ? g_getenv ("GTK_THEME") : "-",
               has_adwaita_colors (GTK_WIDGET (window)) ? " adwaita" : "",
               has_own_style (GTK_WIDGET (window)) ? " nianbao" : "");
      /* whether bold Chinese is drawn with the regular face while Latin
       * keeps its bold one */
      g_print ("bold-faces han %s latin %s\n",
               nb_display_fonts_bold_shares_face (GTK_WIDGET (window), "政府信息") ? "shared" : "own",
               nb_display_fonts_bold_shares_face (GTK_WIDGET (window), "Report") ? "shared" : "own");
      /* and the family of the report's Chinese */
      han_family = nb_display_fonts_get_family (GTK_WIDGET (window), "直骨角");
      g_print ("han-family %s\n", han_family);
    }
  if (view != NULL && !nb_report_view_get_complete (view) &&
      g_strcmp0 (g_getenv ("NIANBAO_QUIT_AFTER_FIRST_FRAME"), "first") != 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, quit_after_paint_cb, window);
  g_print ("whole-form %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
}

/* Watches for the first frame once the window has both a document and
 * a frame clock, whichever comes last. */
static void
window_document_cb (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (clock == NULL || (nb_window_get_document (NB_WINDOW (window)) == NULL &&
                        g_object_get_data (G_OBJECT (window), "nb-stays-empty") == NULL))
    return;
  g_signal_handlers_disconnect_by_func (window, window_document_cb, NULL);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (quit_after_paint_cb),
                           window, G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

static void
nb_application_window_added (GtkApplication *application,
                             GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (nb_application_parent_class)->window_added (application, window);

  if (NB_IS_WINDOW (window) && g_getenv ("NIANBAO_QUIT_AFTER_FIRST_FRAME") != NULL)
    {
      g_signal_connect (window, "notify::document", G_CALLBACK (window_document_cb), NULL);
      g_signal_connect (window, "realize", G_CALLBACK (window_document_cb), NULL);
    }
}

static void
nb_application_class_init (NbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = nb_application_dispose;
  application_class->startup = nb_application_startup;
  application_class->activate = nb_application_activate;
  application_class->open = nb_application_open;
  application_class->local_command_line = nb_application_local_command_line;
  application_class->handle_local_options = nb_application_handle_local_options;
  GTK_APPLICATION_CLASS (klass)->window_added = nb_application_window_added;
}

static void
nb_application_init (NbApplication *self)
{
  /* for --help; nb_application_local_command_line() acts on it */
  static const GOptionEntry entries[] = {
    { "compare", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Compare two reports of one organ, side by side"), NULL },
    { "review", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Review a folder of reports: every unit’s report in one table"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  self->named = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens each report in its own window; with --compare,\n"
                                              "two reports of one organ side by side; with --review,\n"
                                              "a whole folder of reports in one table."));
}

NbApplication *
nb_application_new (void)
{
  NbApplication *self = g_object_new (NB_TYPE_APPLICATION,
                                      "application-id", APP_ID,
                                      "flags", G_APPLICATION_HANDLES_OPEN,
                                      /* none: see load_style() */
                                      "resource-base-path", NULL,
                                      NULL);

  /* When GTK first reads its settings it parses its own default theme,
   * which libadwaita replaces at once by an empty one and its own
   * stylesheet: nearly a third of a bare libadwaita window's start. Lent
   * the empty theme until it has read them (startup), GTK skips that
   * parse. Not when the user chose a theme, nor once GTK has started;
   * set here, before the application starts any thread. */
  if (g_getenv ("GTK_THEME") == NULL && gdk_display_get_default () == NULL)
    self->lent_theme = g_setenv ("GTK_THEME", "Adwaita-empty", FALSE);
  /* only when this process starts GTK: a font map in use is left as it is */
  if (gdk_display_get_default () == NULL)
    self->fonts_loader = g_thread_new ("nb-fonts", load_fonts_thread, NULL);
  return self;
}

/**
 * nb_application_get_importer:
 * @self: a #NbApplication
 *
 * Returns: (transfer none) (nullable): the importer, once started
 */
NbImporter *
nb_application_get_importer (NbApplication *self)
{
  g_return_val_if_fail (NB_IS_APPLICATION (self), NULL);

  return self->importer;
}
