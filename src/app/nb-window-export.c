/* nb-window-export.c — taking the checked report out: export and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include "nb-window-private.h"

#include <glib/gi18n.h>
#include <nb-canonical.h>
#include <nb-export.h>

#include "nb-mnemonic-names.h"
#include "nb-print-operation.h"

typedef struct
{
  const char *title;
  const char *filter_name;
  const char *pattern;
} ExportKind;

/* indexed by NbExportFormat */
static const ExportKind export_kinds[NB_EXPORT_N_FORMATS] = {
  { N_("Export as Text"), N_("Text Files"), "*.txt" },
  { N_("Export as Web Page"), N_("Web Pages"), "*.html" },
  { N_("Export as Word Document"), N_("Word Documents"), "*.docx" },
  { N_("Export as PDF"), N_("PDF Documents"), "*.pdf" },
};

/* Writing */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  NbReport *copy = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "nb-file");
  NbExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "nb-format"));
  g_autoptr(GError) error = NULL;

  if (nb_export_save (copy, format, file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  NbWindow *self = NB_WINDOW (object);
  GFile *file = g_object_get_data (G_OBJECT (result), "nb-file");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        nb_window_toast (self, error->message);
      return;
    }
  name = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_object_set_data_full (G_OBJECT (self), "nb-exported", g_object_ref (file), g_object_unref);
}

/**
 * nb_window_export_to:
 * @self: a #NbWindow
 * @format: what to write
 * @file: where
 *
 * Writes a copy of the report as it is now, in a worker thread, so typing
 * goes on meanwhile. A toast tells the outcome; the exported file is
 * replaced atomically, so a failure leaves an older one intact.
 */
void
nb_window_export_to (NbWindow       *self,
                     NbExportFormat  format,
                     GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *copy;

  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;
  copy = nb_canonical_copy (nb_document_get_report (self->document), &error);
  if (copy == NULL)
    {
      nb_window_toast (self, error->message);
      return;
    }
  task = g_task_new (self, self->cancellable, exported_cb, NULL);
  g_task_set_source_tag (task, nb_window_export_to);
  g_task_set_task_data (task, copy, g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "nb-file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "nb-format", GUINT_TO_POINTER (format));
  g_task_run_in_thread (task, export_thread);
}

/* Asking */

static void
export_response_cb (GtkFileChooserNative *chooser,
                    int                   response,
                    NbWindow             *self)
{
  NbExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "nb-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      nb_window_export_to (self, format, file);
    }
  g_object_unref (chooser);
}

static void
choose_file (NbWindow       *self,
             NbExportFormat  format)
{
  const ExportKind *kind = &export_kinds[format];
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = _nb_window_dup_document_folder (self);
  g_autofree char *name = nb_export_dup_file_name (nb_document_get_report (self->document), format);

  gtk_file_filter_set_name (filter, _(kind->filter_name));
  gtk_file_filter_add_pattern (filter, kind->pattern);
  gtk_file_filter_add_mime_type (filter, nb_export_format_get_mime_type (format));
  chooser = gtk_file_chooser_native_new (_(kind->title), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "nb-format", GUINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
errors_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    NbWindow         *self)
{
  NbExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "nb-format"));

  if (g_str_equal (response, "export"))
    choose_file (self, format);
  else if (g_str_equal (response, "problems"))
    gtk_toggle_button_set_active (self->diagnostics_button, TRUE);
}

/* What the clerk publishes should not carry the errors Nianbao found, so
 * a report with errors asks first. */
static void
ask_about_errors (NbWindow       *self,
                  NbExportFormat  format,
                  guint           n_errors)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The exported report still has %u error.",
                                       "The exported report still has %u errors.", n_errors),
                          n_errors);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export a Report With Errors?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "problems", _("Show _Problems"),
                                    "export", _("_Export Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "problems");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "nb-format", GUINT_TO_POINTER (format));
  g_signal_connect_object (dialog, "response", G_CALLBACK (errors_response_cb), self, 0);
  nb_mnemonic_names_fix (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  NbExportFormat format;
  guint n_errors;

  if (self->document == NULL ||
      !nb_export_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;
  n_errors = nb_validator_get_n_errors (nb_document_get_validator (self->document));
  if (n_errors > 0)
    ask_about_errors (self, format, n_errors);
  else
    choose_file (self, format);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               NbWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      nb_window_toast (self, error->message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  g_object_unref (operation);
}

/**
 * nb_window_print:
 * @self: a #NbWindow
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG for the user, whose
 *   dialog offers a preview; %GTK_PRINT_OPERATION_ACTION_EXPORT with
 *   @export_path to write the pages as PDF
 * @export_path: (nullable): the PDF to write for an export
 *
 * Prints the report as the PDF export draws it, remembering the printer
 * settings for the next time.
 */
void
nb_window_print (NbWindow                *self,
                 GtkPrintOperationAction  action,
                 const char              *export_path)
{
  g_autoptr(GError) error = NULL;
  NbPrintOperation *operation;

  g_return_if_fail (NB_IS_WINDOW (self));

  if (self->document == NULL)
    return;
  operation = nb_print_operation_new (nb_document_get_report (self->document), &error);
  if (operation == NULL)
    {
      nb_window_toast (self, error->message);
      return;
    }
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), self->print_settings);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_path);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), action, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    nb_window_toast (self, error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  nb_window_print (NB_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GAppLaunchContext) context =
    G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));

  g_app_info_launch_default_for_uri_async (g_variant_get_string (parameter, NULL), context, NULL, NULL, NULL);
}

void
_nb_window_update_export_actions (NbWindow *self)
{
  gboolean ready = self->document != NULL && !nb_document_get_busy (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", ready);
}

void
_nb_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
