/* nb-recovery-window.c — offers the drafts a crash left behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-recovery-window"

#include "config.h"

#include "nb-recovery-window.h"

#include <glib/gi18n.h>

#include "nb-mnemonic-names.h"

/* One row per draft: what it is (organ, year, when, which file) and two
 * buttons. Nothing is restored or deleted unless the user says so; the
 * window closes when every draft has been dealt with, and a draft left
 * alone is offered again next time. */
struct _NbRecoveryWindow
{
  AdwWindow        parent_instance;

  char            *dir;
  GPtrArray       *drafts;   /* NbDraftInfo, NULL once handled */
  GPtrArray       *rows;
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (NbRecoveryWindow, nb_recovery_window, ADW_TYPE_WINDOW)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
forget (NbRecoveryWindow *self,
        guint             index)
{
  gtk_widget_set_visible (g_ptr_array_index (self->rows, index), FALSE);
  g_clear_pointer (&g_ptr_array_index (self->drafts, index), nb_draft_info_free);
  if (nb_recovery_window_get_n_drafts (self) == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
restore_clicked_cb (GtkButton        *button,
                    NbRecoveryWindow *self)
{
  nb_recovery_window_restore (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "nb-index")));
}

static void
discard_clicked_cb (GtkButton        *button,
                    NbRecoveryWindow *self)
{
  nb_recovery_window_discard (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "nb-index")));
}

static char *
describe (NbDraftInfo *info)
{
  const char *uri = info->file_uri ? info->file_uri : info->source_uri;
  g_autofree char *when = info->written ? g_date_time_format (info->written, "%Y-%m-%d %H:%M") : NULL;
  g_autofree char *where = NULL;

  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      where = g_file_get_parse_name (file);
    }
  else
    where = g_strdup (_("a new report, never saved"));
  /* Translators: a draft's origin and time, e.g. "/home/a/报告.txt · 2024-05-02 10:03" */
  return g_strdup_printf (_("%s · %s"), where, when ? when : "?");
}

static GtkWidget *
new_row (NbRecoveryWindow *self,
         NbDraftInfo      *info,
         guint             index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard"));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe (info);

  if (info->year > 0)
    title = g_strdup_printf (_("%s, %u"), info->organ && *info->organ ? info->organ : _("Untitled Report"),
                             info->year);
  else
    title = g_strdup (info->organ && *info->organ ? info->organ : _("Untitled Report"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  for (GtkWidget **b = (GtkWidget *[]) { restore, discard, NULL }; *b != NULL; b++)
    {
      gtk_widget_set_valign (*b, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (*b), "nb-index", GUINT_TO_POINTER (index));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *b);
    }
  gtk_widget_add_css_class (restore, "suggested-action");
  gtk_widget_add_css_class (discard, "destructive-action");
  g_signal_connect (restore, "clicked", G_CALLBACK (restore_clicked_cb), self);
  g_signal_connect (discard, "clicked", G_CALLBACK (discard_clicked_cb), self);
  nb_mnemonic_names_fix (row);
  return row;
}

static void
nb_recovery_window_finalize (GObject *object)
{
  NbRecoveryWindow *self = (NbRecoveryWindow *) object;

  g_free (self->dir);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_recovery_window_parent_class)->finalize (object);
}

static void
nb_recovery_window_class_init (NbRecoveryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_recovery_window_finalize;

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/nianbao/Nianbao/nb-recovery-window.ui");
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), NbRecoveryWindow, group);

  /**
   * NbRecoveryWindow::restore:
   * @self: the window
   * @info: (type gpointer): the #NbDraftInfo to restore
   *
   * The user chose to restore a draft; the handler opens it.
   */
  signals[RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
nb_recovery_window_init (NbRecoveryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * nb_recovery_window_new:
 * @application: (nullable): the application
 * @dir: the drafts folder
 * @drafts: (transfer container) (element-type NbDraftInfo): the drafts
 *
 * Returns: (transfer full): a new #NbRecoveryWindow
 */
NbRecoveryWindow *
nb_recovery_window_new (GtkApplication *application,
                        const char     *dir,
                        GPtrArray      *drafts)
{
  NbRecoveryWindow *self = g_object_new (NB_TYPE_RECOVERY_WINDOW, "application", application, NULL);

  self->dir = g_strdup (dir);
  self->drafts = g_ptr_array_ref (drafts);
  for (guint i = 0; i < drafts->len; i++)
    {
      GtkWidget *row = new_row (self, g_ptr_array_index (drafts, i), i);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
  return self;
}

guint
nb_recovery_window_get_n_drafts (NbRecoveryWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (NB_IS_RECOVERY_WINDOW (self), 0);

  for (guint i = 0; i < self->drafts->len; i++)
    n += g_ptr_array_index (self->drafts, i) != NULL;
  return n;
}

/**
 * nb_recovery_window_restore:
 * @self: a #NbRecoveryWindow
 * @index: a draft's index
 *
 * Emits #NbRecoveryWindow::restore; the draft stays on disk until the
 * restored report is saved or discarded.
 */
void
nb_recovery_window_restore (NbRecoveryWindow *self,
                            guint             index)
{
  g_return_if_fail (NB_IS_RECOVERY_WINDOW (self));
  g_return_if_fail (index < self->drafts->len);

  if (g_ptr_array_index (self->drafts, index) == NULL)
    return;
  g_signal_emit (self, signals[RESTORE], 0, g_ptr_array_index (self->drafts, index));
  forget (self, index);
}

/**
 * nb_recovery_window_discard:
 * @self: a #NbRecoveryWindow
 * @index: a draft's index
 *
 * Deletes the draft: the user chose to.
 */
void
nb_recovery_window_discard (NbRecoveryWindow *self,
                            guint             index)
{
  NbDraftInfo *info;

  g_return_if_fail (NB_IS_RECOVERY_WINDOW (self));
  g_return_if_fail (index < self->drafts->len);

  info = g_ptr_array_index (self->drafts, index);
  if (info == NULL)
    return;
  nb_draft_remove (self->dir, info->id);
  forget (self, index);
}
