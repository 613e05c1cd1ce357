/* nb-application.c — the Nianbao application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-application"

#include "config.h"

#include "nb-application.h"

#include <glib/gi18n.h>

#include "nb-settings.h"
#include "nb-window.h"

/* One window per report. Opening a file that a window already shows
 * presents that window; an empty window takes the first file. */
struct _NbApplication
{
  AdwApplication  parent_instance;

  NbTemplate     *template;
  NbImporter     *importer;
  NbSettings     *settings;
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

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "new-window", new_window_action, NULL, NULL, NULL, { 0 } },
};

static void
nb_application_startup (GApplication *application)
{
  NbApplication *self = NB_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (nb_application_parent_class)->startup (application);

  self->template = nb_template_new_default (&error);
  if (self->template == NULL)
    g_error ("The built-in template is broken: %s", error->message);
  self->importer = nb_importer_new (self->template);
  self->settings = nb_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

static void
nb_application_activate (GApplication *application)
{
  NbApplication *self = NB_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (nb_window_new (GTK_APPLICATION (self), self->importer, self->settings));
  gtk_window_present (window);
}

static void
nb_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  NbApplication *self = NB_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      NbWindow *window = find_window (self, files[i]);

      if (window == NULL)
        {
          window = find_empty_window (self);
          if (window == NULL)
            window = nb_window_new (GTK_APPLICATION (self), self->importer, self->settings);
          nb_window_open (window, files[i]);
        }
      /* a new window presents itself when its report is ready */
      if (gtk_widget_get_visible (GTK_WIDGET (window)))
        gtk_window_present (GTK_WINDOW (window));
    }
}

static void
nb_application_dispose (GObject *object)
{
  NbApplication *self = (NbApplication *) object;

  g_clear_object (&self->importer);
  g_clear_object (&self->template);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nb_application_parent_class)->dispose (object);
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
}

static void
nb_application_init (NbApplication *self)
{
}

NbApplication *
nb_application_new (void)
{
  return g_object_new (NB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/nianbao/Nianbao",
                       NULL);
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
