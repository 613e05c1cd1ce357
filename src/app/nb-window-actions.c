/* nb-window-actions.c — what a window can do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include "nb-window-private.h"

#include <glib/gi18n.h>

#include "nb-mnemonic-names.h"

/* Helpers */

static const char *const report_patterns[] = {
  "*.html", "*.htm", "*.mhtml", "*.mht", "*.docx", "*.xlsx", "*.pdf", "*.doc", "*.wps",
  "*.xls", "*.et", NULL,
};

static GtkFileFilter *
report_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Reports"));
  gtk_file_filter_add_pattern (filter, "*.nianbao.json");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_pattern (filter, "*.TXT");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  /* what reviewers receive: web pages, Word, Excel and PDF files */
  for (guint i = 0; report_patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, report_patterns[i]);
  return filter;
}

static GtkFileFilter *
all_files_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  return filter;
}

GFile *
_nb_window_dup_document_folder (NbWindow *self)
{
  GFile *file;

  if (self->document == NULL)
    return NULL;
  file = nb_document_get_file (self->document);
  if (file == NULL)
    file = nb_document_get_source (self->document);
  return file ? g_file_get_parent (file) : NULL;
}

static void
open_files (NbWindow   *self,
            GListModel *files)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (i == 0 && nb_window_is_empty (self))
        nb_window_open (self, file);
      else
        g_ptr_array_add (rest, g_steal_pointer (&file));
    }
  if (rest->len > 0 && application != NULL)
    g_application_open (application, (GFile **) rest->pdata, rest->len, "");
}

/* Callbacks */

static void
open_response_cb (NbWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      open_files (self, files);
    }
  g_object_unref (chooser);
}

static void
compare_response_cb (NbWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      nb_window_compare_with (self, file);
    }
  g_object_unref (chooser);
}

static void
save_response_cb (NbWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      nb_window_save_to (self, file);
    }
  else
    self->close_after_save = FALSE;
  g_object_unref (chooser);
}

static void save_to (NbWindow            *self,
                     GFile               *file,
                     NbDocumentSaveFlags  flags);

static void
overwrite_response_cb (NbWindow         *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "nb-file");

  if (g_str_equal (response, "overwrite"))
    save_to (self, file, NB_DOCUMENT_SAVE_FORCE);
  else
    self->close_after_save = FALSE;
}

/* Another program changed the file since it was opened: overwrite only
 * when the user says so. */
static void
ask_overwrite (NbWindow *self,
               GFile    *file,
               GError   *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Overwrite Changed File?"),
                                                       error->message));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "overwrite", _("_Overwrite"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "nb-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, G_CONNECT_SWAPPED);
  nb_mnemonic_names_fix (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(NbWindow) self = user_data;
  NbDocument *document = NB_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  self->saving--;
  if (!nb_document_save_finish (document, result, &error))
    {
      if (g_error_matches (error, NB_ERROR, NB_ERROR_CHANGED_ON_DISK))
        {
          ask_overwrite (self, g_object_get_data (G_OBJECT (self), "nb-save-target"), error);
          _nb_window_update_actions (self);
          return;
        }
      /* the report stays modified: nothing typed is lost */
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        nb_window_toast (self, error->message);
      _nb_window_update_actions (self);
      return;
    }
  _nb_window_remember_recent (document, nb_document_get_file (document));
  _nb_window_update_actions (self);
  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Actions */

/* The file chooser for reports to read, beside the current one */
static void
choose_reports (NbWindow    *self,
                const char  *title,
                const char  *accept_label,
                gboolean     multiple,
                GCallback    response_cb)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = _nb_window_dup_document_folder (self);
  g_autoptr(GtkFileFilter) reports = report_filter ();
  g_autoptr(GtkFileFilter) all = all_files_filter ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept_label, _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), multiple);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), reports);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_swapped (chooser, "response", response_cb, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_reports (NB_WINDOW (widget), _("Open Reports"), _("_Open"), TRUE, G_CALLBACK (open_response_cb));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  choose_reports (NB_WINDOW (widget), _("Compare With"), _("_Compare"), FALSE,
                  G_CALLBACK (compare_response_cb));
}

static void
review_response_cb (NbWindow             *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (response == GTK_RESPONSE_ACCEPT && application != NULL)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *uri = g_file_get_uri (folder);

      g_action_group_activate_action (G_ACTION_GROUP (application), "review", g_variant_new_string (uri));
    }
  g_object_unref (chooser);
}

/* A whole folder of reports opens in a review window of its own. */
static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  g_autoptr(GFile) folder = _nb_window_dup_document_folder (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Review Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Review"), _("_Cancel"));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (review_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  g_autoptr(NbReport) report = nb_report_new (nb_importer_get_template (self->importer));
  g_autoptr(NbDocument) document = nb_document_new (report, NULL);
  NbWindow *target = self;

  if (!nb_window_is_empty (self))
    {
      target = nb_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->importer,
                              self->settings);
      gtk_window_present (GTK_WINDOW (target));
    }
  nb_window_set_document (target, document);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _nb_window_save (NB_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _nb_window_save (NB_WINDOW (widget), TRUE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->document != NULL)
    nb_report_undo (nb_document_get_report (self->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  if (self->document != NULL)
    nb_report_redo (nb_document_get_report (self->document));
}

static void
fix_cell_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  guint cell = g_variant_get_uint32 (parameter);
  GListModel *diagnostics;

  if (self->document == NULL)
    return;
  diagnostics = G_LIST_MODEL (nb_document_get_validator (self->document));
  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);
      guint fix_cell;
      gint64 value;

      if (nb_diagnostic_get_fix (diagnostic, &fix_cell, &value) && fix_cell == cell)
        {
          nb_report_apply_fix (nb_document_get_report (self->document), diagnostic);
          return;
        }
    }
}

/* A fix of the panel or a cell's menu: ("rule", first cell, which fix) */
static void
apply_fix_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  const char *rule_id;
  guint first, index;
  GListModel *diagnostics;

  if (self->document == NULL)
    return;
  g_variant_get (parameter, "(&suu)", &rule_id, &first, &index);
  diagnostics = G_LIST_MODEL (nb_document_get_validator (self->document));
  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);
      guint n_cells;
      const guint *cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);

      if (g_str_equal (nb_diagnostic_get_rule_id (diagnostic), rule_id) &&
          (n_cells > 0 ? cells[0] : G_MAXUINT) == first &&
          index < nb_diagnostic_get_n_fixes (diagnostic))
        {
          nb_report_apply_nth_fix (nb_document_get_report (self->document), diagnostic, index);
          return;
        }
    }
}

static void
fill_empty_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);
  g_autofree char *message = NULL;
  guint n;

  if (self->document == NULL)
    return;
  n = nb_report_fill_empty (nb_document_get_report (self->document),
                            g_variant_get_string (parameter, NULL));
  if (n == 0)
    message = g_strdup (_("No empty cells in this table"));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u empty cell set to 0",
                                            "%u empty cells set to 0", n), n);
  nb_window_toast (self, message);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _nb_window_reload (NB_WINDOW (widget));
}

static void
keep_editing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  /* saving over the changed file will still ask first */
  gtk_revealer_set_reveal_child (self->banner, FALSE);
}

static void
toggle_problems_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  /* as a click on its button: it toggles the panel and stores the choice */
  g_signal_emit_by_name (self->diagnostics_button, "clicked");
}

/* Private API */

void
_nb_window_update_actions (NbWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  NbReport *report = self->document ? nb_document_get_report (self->document) : NULL;
  gboolean idle = self->document != NULL && !nb_document_get_busy (self->document) && self->saving == 0;

  gtk_widget_action_set_enabled (widget, "win.save", idle);
  gtk_widget_action_set_enabled (widget, "win.save-as", idle);
  gtk_widget_action_set_enabled (widget, "win.undo", report != NULL && nb_report_get_can_undo (report));
  gtk_widget_action_set_enabled (widget, "win.redo", report != NULL && nb_report_get_can_redo (report));
  gtk_widget_action_set_enabled (widget, "win.fix-cell", report != NULL);
  gtk_widget_action_set_enabled (widget, "win.apply-fix", report != NULL);
  gtk_widget_action_set_enabled (widget, "win.fill-empty", report != NULL);
  gtk_widget_action_set_enabled (widget, "win.toggle-problems", report != NULL);
  gtk_widget_action_set_enabled (widget, "win.toggle-source", report != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_button), report != NULL);
  gtk_widget_action_set_enabled (widget, "win.compare", report != NULL);
  /* the empty window offers only what it can do */
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), report != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->diagnostics_button), report != NULL);
  /* once built; until then the menu is made when first opened */
  if (self->menu_built)
    gtk_menu_button_set_menu_model (self->menu_button, report != NULL ? self->primary_menu
                                                                      : self->empty_menu);
  _nb_window_update_export_actions (self);
}

/**
 * _nb_window_save:
 * @self: a #NbWindow
 * @ask: whether to ask where, even when the document has a file
 *
 * A report read from submitted text always asks: its source is never
 * overwritten with the canonical file.
 */
void
_nb_window_save (NbWindow *self,
                gboolean  ask)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GtkFileFilter) reports = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;
  if (!ask && nb_document_get_file (self->document) != NULL)
    {
      nb_window_save_to (self, nb_document_get_file (self->document));
      return;
    }

  folder = _nb_window_dup_document_folder (self);
  name = nb_document_dup_suggested_name (self->document);
  reports = gtk_file_filter_new ();
  gtk_file_filter_set_name (reports, _("Nianbao Reports"));
  gtk_file_filter_add_pattern (reports, "*.nianbao.json");
  chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), reports);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * nb_window_save_to:
 * @self: a #NbWindow
 * @file: where to save the canonical file
 *
 * A failure is told in a toast and the report stays modified.
 */
void
nb_window_save_to (NbWindow *self,
                   GFile    *file)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  save_to (self, file, NB_DOCUMENT_SAVE_DEFAULT);
}

static void
save_to (NbWindow            *self,
         GFile               *file,
         NbDocumentSaveFlags  flags)
{
  if (self->document == NULL)
    return;
  self->saving++;
  _nb_window_update_actions (self);
  g_object_set_data_full (G_OBJECT (self), "nb-save-target", g_object_ref (file), g_object_unref);
  nb_document_save_async (self->document, file, flags, self->cancellable, saved_cb, g_object_ref (self));
}

void
_nb_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.fix-cell", "u", fix_cell_action);
  gtk_widget_class_install_action (widget_class, "win.apply-fix", "(suu)", apply_fix_action);
  gtk_widget_class_install_action (widget_class, "win.fill-empty", "s", fill_empty_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-problems", NULL, toggle_problems_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-editing", NULL, keep_editing_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-problems", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
