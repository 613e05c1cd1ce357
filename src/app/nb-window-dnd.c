/* nb-window-dnd.c — files dropped on a window: opened, or compared with
 * the report it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include "nb-window-private.h"

#include <glib/gi18n.h>

#include "nb-mnemonic-names.h"

static void
drop_response_cb (NbWindow         *self,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "nb-file");
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (g_str_equal (response, "compare"))
    nb_window_compare_with (self, file);
  else if (g_str_equal (response, "open") && application != NULL)
    g_application_open (application, &file, 1, "");
}

static void
ask_open_or_compare (NbWindow *self,
                     GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Open or Compare?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Open “%s” in a window of its own, or compare it with this report?"),
                                  name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Open"),
                                    "compare", _("_Compare"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "compare");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "nb-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (drop_response_cb), self, G_CONNECT_SWAPPED);
  nb_mnemonic_names_fix (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
drop_cb (NbWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GSList *files;
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  g_slist_free (files);
  if (array->len == 0)
    return FALSE;

  /* one file onto a report: ask whether to open or to compare it */
  if (array->len == 1 && self->document != NULL)
    {
      ask_open_or_compare (self, g_ptr_array_index (array, 0));
      return TRUE;
    }

  /* the first into this window when it is empty, the rest as the
   * command line would open them */
  if (nb_window_is_empty (self))
    {
      nb_window_open (self, g_ptr_array_index (array, 0));
      g_ptr_array_remove_index (array, 0);
    }
  if (array->len > 0 && application != NULL)
    g_application_open (application, (GFile **) array->pdata, array->len, "");
  else if (array->len > 0)
    nb_window_open (self, g_ptr_array_index (array, 0));
  return TRUE;
}

/**
 * _nb_window_add_drop_target:
 * @self: a #NbWindow
 *
 * Files dropped on an empty window open in it; one file dropped on a
 * report asks whether to open it or to compare it with the report.
 */
void
_nb_window_add_drop_target (NbWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
