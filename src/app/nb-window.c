/* nb-window.c — one window, one report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include "nb-window-private.h"

#include <glib/gi18n.h>

#include "nb-application.h"
#include "nb-compare-window.h"
#include "nb-mnemonic-names.h"
#include "nb-tooltip.h"

#include <nb-draft.h>

/* A window shows its empty state (open, new, recent reports) until it
 * has a document; then the report form with the problems panel beside
 * it. It follows the document through signal groups, so the title, the
 * badge and the enabled actions are right whatever changed them. */

G_DEFINE_FINAL_TYPE (NbWindow, nb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_IMPORTER,
  PROP_SETTINGS,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_RECENT 6
/* the name the recent reports are recorded under: not the application's
 * name, which is translated, so that a change of language keeps them */
#define RECENT_APP_NAME "nianbao"
/* the empty page's description, in characters: narrow enough for a small
 * window, wide enough that its clamp decides the width */
#define DESCRIPTION_MIN_CHARS 20
#define DESCRIPTION_MAX_CHARS 90

/* Helpers */

static void
update_title (NbWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *folder = NULL;
  gboolean modified;
  GFile *file;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Nianbao"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Nianbao"));
      return;
    }

  name = nb_document_dup_display_name (self->document);
  modified = nb_report_get_modified (nb_document_get_report (self->document));
  /* the bullet is how GNOME apps mark unsaved changes */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  file = nb_document_get_file (self->document);
  if (file == NULL)
    file = nb_document_get_source (self->document);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        folder = g_file_get_parse_name (parent);
    }
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder);
  {
    g_autofree char *window_title = g_strdup_printf ("%s — %s", title, _("Nianbao"));

    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
}

static void
update_badge (NbWindow *self)
{
  guint count, n_errors = 0, n_warnings = 0;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (self->document == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->badge), FALSE);
      return;
    }
  /* what the panel lists: empty cells are work to do, not problems */
  nb_diagnostics_panel_count (self->panel, &n_errors, &n_warnings, NULL);
  count = n_errors + n_warnings;
  text = g_strdup_printf ("%u", count);
  gtk_label_set_label (self->badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->badge), count > 0);
  if (n_errors > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "error");
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show Problems: %u (F9)",
                                          "Show Problems: %u (F9)", count), count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->diagnostics_button), tooltip);
}

static void
open_recent_cb (NbWindow      *self,
                GtkListBoxRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "nb-uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  nb_window_open (self, file);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (tb, ta);
}

/* The reports this app opened or saved lately, newest first. */
static void
fill_recent (NbWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  /* also under the translated name, as reports were recorded before */
  const char *app_name = g_get_application_name ();
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      GtkWidget *row;
      g_autoptr(GFile) file = NULL;
      g_autofree char *folder = NULL;

      if (!(gtk_recent_info_has_application (info, RECENT_APP_NAME) ||
            (app_name != NULL && gtk_recent_info_has_application (info, app_name))) ||
          !gtk_recent_info_exists (info))
        continue;
      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      {
        g_autoptr(GFile) parent = g_file_get_parent (file);

        folder = parent ? g_file_get_parse_name (parent) : NULL;
      }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      {
        g_autofree char *base = g_file_get_basename (file);
        /* the file's name under its organ and year, then where it is */
        g_autofree char *where = g_strcmp0 (base, gtk_recent_info_get_display_name (info)) != 0
                                 ? g_strdup_printf ("%s — %s", base, folder ? folder : "")
                                 : g_strdup (folder);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      }
      /* one line each, the whole path in the tooltip: a wrapped row is
       * laid out again at every width its list is offered */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_widget_set_tooltip_text (row, g_file_peek_path (file) ? g_file_peek_path (file)
                                                                : gtk_recent_info_get_uri (info));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "nb-uri", g_strdup (gtk_recent_info_get_uri (info)), g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_label), shown > 0);
}

/* A recent report is named by its organ and year, which a clerk knows
 * it by, rather than by its file name ("003_babb1a0d8021a832.txt"). */
void
_nb_window_remember_recent (NbDocument *document,
                           GFile      *file)
{
  NbReport *report = nb_document_get_report (document);
  const char *organ = nb_report_get_organ (report);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *type = g_content_type_guess (base, NULL, 0, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);
  g_autofree char *name = NULL;
  g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname ());
  GtkRecentData data = { 0 };

  if (organ != NULL && *organ != '\0' && nb_report_get_year (report) > 0)
    /* Translators: a recent report: its organ and its year */
    name = g_strdup_printf (_("%s · %u"), organ, nb_report_get_year (report));
  else if (organ != NULL && *organ != '\0')
    name = g_strdup (organ);
  data.display_name = name;
  data.description = base;
  data.mime_type = mime ? mime : (char *) "application/octet-stream";
  data.app_name = (char *) RECENT_APP_NAME;
  data.app_exec = exec;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Callbacks */

static void load (NbWindow   *self,
                  GFile      *file,
                  const char *password);

static void
password_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      NbWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "nb-file");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "nb-entry");

  if (g_str_equal (response, "unlock"))
    load (self, file, gtk_editable_get_text (entry));
}

/* An encrypted PDF: ask for its password, again with the reason when the
 * one given was not right. */
static void
ask_password (NbWindow   *self,
              GFile      *file,
              const char *reason)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  /* the reason names the file */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Password Required"), reason));
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "unlock", _("_Unlock"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "unlock", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "unlock");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "nb-file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "nb-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (password_response_cb), self, 0);
  nb_mnemonic_names_fix (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
load_failed (NbWindow *self,
             GError   *error)
{
  GFile *file = g_object_get_data (G_OBJECT (self), "nb-loading-file");

  if (g_error_matches (error, NB_ERROR, NB_ERROR_PASSWORD) && file != NULL)
    ask_password (self, file, error->message);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    nb_window_toast (self, error->message);
  gtk_stack_set_visible_child_name (self->stack, self->document ? "report" : "empty");
}

/* Recording the report among the recent ones reads and rewrites
 * recently-used.xbel, which can be long: not before the first frame. */
static gboolean
remember_recent_cb (gpointer data)
{
  NbDocument *document = data;

  _nb_window_remember_recent (document, nb_document_get_source (document));
  return G_SOURCE_REMOVE;
}

/* A report read from its file, as the file asked to be opened. */
static void
show_loaded (NbWindow   *self,
             NbDocument *document)
{
  g_idle_add_full (G_PRIORITY_LOW, remember_recent_cb, g_object_ref (document), g_object_unref);
  nb_window_set_document (self, document);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(NbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = nb_document_load_finish (result, &error);

  gtk_spinner_stop (self->spinner);
  if (document != NULL)
    show_loaded (self, document);
  /* a window not shown yet appears with its report in place: laid out
   * once, with no crossfade from the loading page */
  if (self->present_id != 0)
    {
      g_clear_handle_id (&self->present_id, g_source_remove);
      gtk_window_present (GTK_WINDOW (self));
    }
  if (document == NULL)
    load_failed (self, error);
}

/* Another program changed or removed the file: say so, and let the user
 * choose between its version and the one being edited. */
static void
changed_on_disk_cb (NbWindow   *self,
                    gboolean    deleted,
                    NbDocument *document)
{
  g_autofree char *name = nb_document_dup_display_name (document);
  g_autofree char *text = NULL;
  gboolean modified = nb_report_get_modified (nb_document_get_report (document));

  if (deleted)
    text = g_strdup_printf (_("“%s” was deleted by another program. Save to keep the report."), name);
  else if (modified)
    text = g_strdup_printf (_("“%s” was changed by another program. Reloading discards your unsaved changes."),
                            name);
  else
    text = g_strdup_printf (_("“%s” was changed by another program."), name);
  gtk_label_set_label (self->banner_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), !deleted);
  gtk_revealer_set_reveal_child (self->banner, TRUE);
}

static void
diagnostic_activated_cb (NbWindow     *self,
                         NbDiagnostic *diagnostic)
{
  NbReportView *view = nb_window_get_report_view (self);

  if (view != NULL)
    nb_report_view_focus_diagnostic (view, diagnostic);
  _nb_window_show_source_of (self, diagnostic);
}

static void
report_modified_cb (NbWindow *self)
{
  update_title (self);
}

static void
active_changed_cb (NbWindow *self)
{
  /* leaving the window is a good moment to secure the typing */
  if (!gtk_window_is_active (GTK_WINDOW (self)) && self->keeper != NULL)
    nb_draft_keeper_flush (self->keeper);
}

static void
close_dialog_response_cb (NbWindow       *self,
                          const char     *response,
                          AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "discard"))
    {
      /* the user let the work go: its draft goes too */
      if (self->keeper != NULL)
        nb_draft_keeper_discard (self->keeper);
      nb_report_set_modified (nb_document_get_report (self->document), FALSE);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      _nb_window_save (self, FALSE);
    }
}

static void
ask_before_closing (NbWindow *self)
{
  g_autofree char *name = nb_document_dup_display_name (self->document);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  nb_mnemonic_names_fix (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* vfuncs */

static gboolean
nb_window_close_request (GtkWindow *window)
{
  NbWindow *self = NB_WINDOW (window);

  int width, height;

  if (self->document != NULL && nb_report_get_modified (nb_document_get_report (self->document)))
    {
      ask_before_closing (self);
      return TRUE;
    }
  gtk_window_get_default_size (window, &width, &height);
  nb_settings_save_window (self->settings, width, height, gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (nb_window_parent_class)->close_request (window);
}

/* Stores whether the problems panel is shown, as the clerk chose it. */
static void
problems_clicked_cb (NbWindow *self)
{
  nb_settings_set_show_problems (self->settings, gtk_toggle_button_get_active (self->diagnostics_button));
}

static void
nb_window_constructed (GObject *object)
{
  NbWindow *self = (NbWindow *) object;
  g_autoptr(GPropertyAction) action = NULL;

  G_OBJECT_CLASS (nb_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = nb_settings_new ();
  gtk_window_set_default_size (GTK_WINDOW (self),
                               nb_settings_get_window_width (self->settings),
                               nb_settings_get_window_height (self->settings));
  if (nb_settings_get_window_maximized (self->settings))
    gtk_window_maximize (GTK_WINDOW (self));
  /* The panel follows the setting; the setting follows only the
   * clerk's choice (the button, the shortcut), not the panel folded
   * away in a narrow window, which would open the next one without it */
  g_object_bind_property (self->settings, "show-problems",
                          self->diagnostics_button, "active", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->diagnostics_button, "clicked", G_CALLBACK (problems_clicked_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  _nb_window_init_source (self);
  /* a check item in the main menu, stored with the other settings */
  action = g_property_action_new ("make-backup", self->settings, "make-backup");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

static void
nb_window_dispose (GObject *object)
{
  NbWindow *self = (NbWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->present_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_WINDOW);
  g_clear_object (&self->report_signals);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->validator_signals);
  g_clear_object (&self->keeper);
  g_clear_object (&self->document);
  g_clear_object (&self->importer);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->print_settings);

  G_OBJECT_CLASS (nb_window_parent_class)->dispose (object);
}

static void
nb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NbWindow *self = NB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_IMPORTER:
      g_value_set_object (value, self->importer);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NbWindow *self = NB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_IMPORTER:
      self->importer = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_window_class_init (NbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = nb_window_constructed;
  object_class->dispose = nb_window_dispose;
  object_class->get_property = nb_window_get_property;
  object_class->set_property = nb_window_set_property;
  window_class->close_request = nb_window_close_request;

  properties[PROP_IMPORTER] =
    g_param_spec_object ("importer", NULL, NULL, NB_TYPE_IMPORTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, NB_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, NB_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NB_TYPE_DIAGNOSTICS_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/nb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, diagnostics_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, badge);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, recent_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, report_bin);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, panel);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, empty_menu);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, reload_button);

  _nb_window_class_add_actions (widget_class);
  _nb_window_class_add_export_actions (widget_class);
  _nb_window_class_add_source (widget_class);
}

/* The main menu's popover, some forty widgets, is built when first
 * opened rather than before the window's first frame. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       data)
{
  NbWindow *self = data;

  self->menu_built = TRUE;
  gtk_menu_button_set_menu_model (button, self->document != NULL ? self->primary_menu
                                                                  : self->empty_menu);
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

/* The empty page's icon is the one scalable image of the window: the
 * first loads the SVG library, 7 MiB, so only a window that shows the
 * page loads it. So with the recent reports, read from a file that can
 * be long, and current each time the page is shown. */
static void
empty_page_map_cb (NbWindow *self)
{
  adw_status_page_set_icon_name (self->empty_page, "x-office-spreadsheet-symbolic");
  fill_recent (self);
}

/* The page's description wraps. Given no width in characters, GtkLabel
 * lays it out at no width at all (a line per character) and unwrapped,
 * each time it is measured, which the page does at many widths: a third
 * of the empty window's first frame. Where libadwaita names the label
 * otherwise, the page is only slower. */
static void
bound_empty_page_description (NbWindow *self)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (self->empty_page),
                                                  ADW_TYPE_STATUS_PAGE, "description_label");

  if (!GTK_IS_LABEL (label))
    return;
  gtk_label_set_width_chars (GTK_LABEL (label), DESCRIPTION_MIN_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), DESCRIPTION_MAX_CHARS);
}

/* So is the keyboard shortcuts window, which GTK would otherwise build
 * for every new window. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  GtkApplicationWindow *window = data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/nianbao/Nianbao/nb-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
nb_window_init (NbWindow *self)
{
  g_autoptr(GSimpleAction) help = g_simple_action_new ("show-help-overlay", NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  nb_tooltip_attach_all (GTK_WIDGET (self));
  nb_mnemonic_names_fix (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  g_signal_connect_swapped (self->empty_page, "map", G_CALLBACK (empty_page_map_cb), self);
  bound_empty_page_description (self);
  g_signal_connect_object (help, "activate", G_CALLBACK (show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help));

  self->cancellable = g_cancellable_new ();

  self->report_signals = g_signal_group_new (NB_TYPE_REPORT);
  g_signal_group_connect_swapped (self->report_signals, "notify::modified",
                                  G_CALLBACK (report_modified_cb), self);
  g_signal_group_connect_swapped (self->report_signals, "notify::title",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->report_signals, "notify::can-undo",
                                  G_CALLBACK (_nb_window_update_actions), self);
  g_signal_group_connect_swapped (self->report_signals, "notify::can-redo",
                                  G_CALLBACK (_nb_window_update_actions), self);

  self->document_signals = g_signal_group_new (NB_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::file",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::busy",
                                  G_CALLBACK (_nb_window_update_actions), self);
  g_signal_group_connect_swapped (self->document_signals, "changed-on-disk",
                                  G_CALLBACK (changed_on_disk_cb), self);

  self->validator_signals = g_signal_group_new (NB_TYPE_VALIDATOR);
  g_signal_group_connect_swapped (self->validator_signals, "notify::n-errors",
                                  G_CALLBACK (update_badge), self);
  g_signal_group_connect_swapped (self->validator_signals, "notify::n-warnings",
                                  G_CALLBACK (update_badge), self);

  g_signal_connect_swapped (self->panel, "activated", G_CALLBACK (diagnostic_activated_cb), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  g_signal_connect_swapped (self->recent_list, "row-activated", G_CALLBACK (open_recent_cb), self);

  _nb_window_add_drop_target (self);

  update_title (self);
  update_badge (self);
  _nb_window_update_actions (self);
}

/* Public API */

/**
 * nb_window_new:
 * @application: (nullable): the application
 * @importer: what reads the files this window opens
 * @settings: (nullable): the preferences, or %NULL for defaults
 *
 * Returns: (transfer full): a new, empty window
 */
NbWindow *
nb_window_new (GtkApplication *application,
               NbImporter     *importer,
               NbSettings     *settings)
{
  g_return_val_if_fail (NB_IS_IMPORTER (importer), NULL);
  g_return_val_if_fail (settings == NULL || NB_IS_SETTINGS (settings), NULL);

  return g_object_new (NB_TYPE_WINDOW,
                       "application", application,
                       "importer", importer,
                       "settings", settings,
                       NULL);
}

/**
 * nb_window_open:
 * @self: a #NbWindow
 * @file: a report text or `.nianbao.json`
 *
 * Reads @file without blocking the window; a failure is told in a toast.
 * A window not yet shown is presented when the report is ready.
 */
static void
present_cb (gpointer data)
{
  NbWindow *self = data;

  self->present_id = 0;
  gtk_window_present (GTK_WINDOW (self));
}

void
nb_window_open (NbWindow *self,
                GFile    *file)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* a new window appears with its report, not with a spinner first,
   * unless reading takes long enough to be noticed */
  if (!gtk_widget_get_visible (GTK_WIDGET (self)) && self->present_id == 0)
    self->present_id = g_timeout_add_once (250, present_cb, self);
  load (self, file, NULL);
}

/**
 * nb_window_open_imported:
 * @self: a #NbWindow
 * @file: the file @report was read from
 * @report: what nb_document_import() made of @file, in a thread of the
 *   caller's
 *
 * As nb_window_open(), for a file already read.
 */
void
nb_window_open_imported (NbWindow *self,
                         GFile    *file,
                         NbReport *report)
{
  g_autoptr(NbDocument) document = NULL;

  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (NB_IS_REPORT (report));

  document = nb_document_new (report, file);
  show_loaded (self, document);
}

static void
load (NbWindow   *self,
      GFile      *file,
      const char *password)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  /* kept for asking a password */
  g_object_set_data_full (G_OBJECT (self), "nb-loading-file", g_object_ref (file), g_object_unref);
  nb_document_load_with_password_async (self->importer, file, password, self->cancellable, loaded_cb,
                                        g_object_ref (self));
}

/**
 * nb_window_set_document:
 * @self: a #NbWindow
 * @document: the document to show
 */
void
nb_window_set_document (NbWindow   *self,
                        NbDocument *document)
{
  nb_window_set_restored_document (self, document, NULL);
}

/**
 * nb_window_set_restored_document:
 * @self: a #NbWindow
 * @document: the document to show
 * @draft_id: (nullable): the id of the draft it was restored from, which
 *   its edits keep writing to, or %NULL for a document with no draft yet
 */
void
nb_window_set_restored_document (NbWindow   *self,
                                 NbDocument *document,
                                 const char *draft_id)
{
  NbValidator *validator;
  GListModel *diagnostics;
  g_autofree char *dir = NULL;

  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (NB_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  /* a document replaced (reloaded) leaves its unsaved work knowingly */
  if (self->keeper != NULL)
    nb_draft_keeper_discard (self->keeper);
  g_clear_object (&self->keeper);
  dir = nb_draft_dir_default ();
  self->keeper = nb_draft_keeper_new (document, dir, draft_id);

  validator = nb_document_get_validator (document);
  diagnostics = G_LIST_MODEL (validator);
  g_signal_group_set_target (self->report_signals, nb_document_get_report (document));
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->validator_signals, validator);

  gtk_revealer_set_reveal_child (self->banner, FALSE);
  g_object_bind_property (self->settings, "make-backup", document, "make-backup", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->report_bin, nb_report_view_new (document));
  if (self->source_pane != NULL)
    nb_source_pane_set_document (self->source_pane, document, self->importer);
  nb_diagnostics_panel_set_model (self->panel, diagnostics);
  gtk_stack_set_visible_child_name (self->stack, "report");
  /* the keyboard starts in the form, not on the header's buttons */
  gtk_widget_grab_focus (adw_bin_get_child (self->report_bin));

  update_title (self);
  update_badge (self);
  _nb_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * nb_window_get_document:
 * @self: a #NbWindow
 *
 * Returns: (transfer none) (nullable): the document shown
 */
NbDocument *
nb_window_get_document (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  return self->document;
}

gboolean
nb_window_is_empty (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);

  return self->document == NULL &&
         !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "loading");
}

/**
 * nb_window_shows_file:
 * @self: a #NbWindow
 * @file: a file
 *
 * Returns: whether the window's document was read from or saves to @file
 */
gboolean
nb_window_shows_file (NbWindow *self,
                      GFile    *file)
{
  GFile *mine;

  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    return FALSE;
  mine = nb_document_get_file (self->document);
  if (mine != NULL && g_file_equal (mine, file))
    return TRUE;
  mine = nb_document_get_source (self->document);
  return mine != NULL && g_file_equal (mine, file);
}

/**
 * nb_window_get_report_view:
 * @self: a #NbWindow
 *
 * Returns: (transfer none) (nullable): the form, once there is a document
 */
NbReportView *
nb_window_get_report_view (NbWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  child = adw_bin_get_child (self->report_bin);
  return child ? NB_REPORT_VIEW (child) : NULL;
}

/**
 * nb_window_get_panel:
 * @self: a #NbWindow
 *
 * Returns: (transfer none): the problems panel
 */
NbDiagnosticsPanel *
nb_window_get_panel (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  return self->panel;
}

/**
 * nb_window_toast:
 * @self: a #NbWindow
 * @message: what to tell
 */
void
nb_window_toast (NbWindow   *self,
                 const char *message)
{
  AdwToast *toast;

  g_return_if_fail (NB_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
compare_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(NbWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) other = nb_document_load_finish (result, &error);
  NbCompareWindow *window;

  if (other == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        nb_window_toast (self, error->message);
      return;
    }
  if (self->document == NULL)
    return;
  window = nb_compare_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->document, other);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * nb_window_compare_with:
 * @self: a #NbWindow showing a report
 * @file: the same organ's report of another year
 *
 * Opens a comparison window of the two; this window's report is edited
 * there as well.
 */
void
nb_window_compare_with (NbWindow *self,
                        GFile    *file)
{
  g_return_if_fail (NB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;
  nb_document_load_async (self->importer, file, self->cancellable, compare_loaded_cb, g_object_ref (self));
}

/**
 * _nb_window_reload:
 * @self: a #NbWindow
 *
 * Reads the document's file again, replacing what is shown; the user
 * agreed to lose unsaved edits by asking for it.
 */
void
_nb_window_reload (NbWindow *self)
{
  GFile *file;

  g_return_if_fail (NB_IS_WINDOW (self));

  if (self->document == NULL)
    return;
  file = nb_document_get_file (self->document);
  if (file == NULL)
    file = nb_document_get_source (self->document);
  gtk_revealer_set_reveal_child (self->banner, FALSE);
  if (file != NULL)
    nb_window_open (self, file);
}

/**
 * nb_window_get_draft_keeper:
 * @self: a #NbWindow
 *
 * Returns: (transfer none) (nullable): what keeps the document's draft
 */
NbDraftKeeper *
nb_window_get_draft_keeper (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  return self->keeper;
}

/**
 * nb_window_get_disk_change_shown:
 * @self: a #NbWindow
 *
 * Returns: whether the banner about a file changed on disk is shown
 */
gboolean
nb_window_get_disk_change_shown (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->banner);
}
