/* nb-compare-window.c — a window comparing two years of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-compare-window"

#include "config.h"

#include "nb-compare-window.h"

#include <glib/gi18n.h>
#include <nb-comparison.h>

#include "nb-mnemonic-names.h"
#include "nb-narrative-view.h"
#include "nb-source-pane.h"
#include "nb-table-grid.h"
#include "nb-tooltip.h"

/* The two documents are the same objects a report window edits, so an
 * edit here shows there at once, and each saves to its own file. The
 * panel has three pages: the rules between the years, and each year's
 * own problems. */
struct _NbCompareWindow
{
  AdwApplicationWindow  parent_instance;

  NbDocument           *documents[2];   /* older, newer */
  NbComparison         *comparison;
  GCancellable         *cancellable;
  gboolean              closing;
  guint                 saving;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *delta_button;
  GtkToggleButton      *problems_button;
  AdwBin               *view_bin;
  AdwViewStack         *panels;
  AdwViewStackPage     *between_page;
  AdwViewStackPage     *older_page;
  AdwViewStackPage     *newer_page;
  NbDiagnosticsPanel   *between_panel;
  NbDiagnosticsPanel   *older_panel;
  NbDiagnosticsPanel   *newer_panel;
  GtkToggleButton      *source_button;
  GtkPaned             *paned;
  NbSourcePane         *source_pane;
  int                   source_side;    /* whose source the pane shows, or -1 */
};

G_DEFINE_FINAL_TYPE (NbCompareWindow, nb_compare_window, ADW_TYPE_APPLICATION_WINDOW)

static void save_next (NbCompareWindow *self);

/* Helpers */

static void
toast (NbCompareWindow *self,
       const char      *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static NbReport *
report (NbCompareWindow *self,
        int              side)
{
  return nb_document_get_report (self->documents[side]);
}

static char *
year_text (NbReport *report)
{
  guint year = nb_report_get_year (report);

  return year > 0 ? g_strdup_printf ("%u", year) : g_strdup (_("Unknown year"));
}

static void
update_title (NbCompareWindow *self)
{
  g_autofree char *older = year_text (report (self, 0));
  g_autofree char *newer = year_text (report (self, 1));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s ↔ %s", nb_report_get_organ (report (self, 1)),
                                               older, newer);
  gboolean modified = nb_report_get_modified (report (self, 0)) || nb_report_get_modified (report (self, 1));
  g_autofree char *title = modified ? g_strdup_printf ("• %s", _("Comparison")) : g_strdup (_("Comparison"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), subtitle);
}

/* Each tab of the panel says how many problems it lists, with the
 * attention style when one is an error. */
static void
update_counts (NbCompareWindow *self)
{
  NbDiagnosticsPanel *panels[] = { self->between_panel, self->older_panel, self->newer_panel };
  AdwViewStackPage *pages[] = { self->between_page, self->older_page, self->newer_page };

  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    {
      guint errors = 0, warnings = 0;

      nb_diagnostics_panel_count (panels[i], &errors, &warnings, NULL);
      adw_view_stack_page_set_badge_number (pages[i], errors + warnings);
      adw_view_stack_page_set_needs_attention (pages[i], errors > 0);
    }
}

/* The panel opens on the first tab with errors, else with warnings. */
static void
show_first_problems (NbCompareWindow *self)
{
  NbDiagnosticsPanel *panels[] = { self->between_panel, self->older_panel, self->newer_panel };
  const char *names[] = { "between", "older", "newer" };

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
      {
        guint errors = 0, warnings = 0;

        nb_diagnostics_panel_count (panels[i], &errors, &warnings, NULL);
        if (pass == 0 ? errors > 0 : warnings > 0)
          {
            adw_view_stack_set_visible_child_name (self->panels, names[i]);
            return;
          }
      }
}

/* The side whose form has the focus, for undo; the newer by default. */
static int
focused_side (NbCompareWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  NbCompareView *view = nb_compare_window_get_view (self);

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (NB_IS_CELL_ENTRY (w))
        {
          guint cell = nb_cell_get_index (nb_cell_entry_get_cell (NB_CELL_ENTRY (w)));

          return nb_compare_view_get_entry (view, 0, cell) == NB_CELL_ENTRY (w) ? 0 : 1;
        }
      if (NB_IS_NARRATIVE_VIEW (w))
        return g_object_get_data (G_OBJECT (w), "nb-side") != NULL ? 1 : 0;
    }
  return 1;
}

static void
focus_diagnostic (NbCompareWindow *self,
                  NbDiagnostic    *diagnostic,
                  int              side)
{
  guint n_cells;
  const guint *cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);
  const guint8 *sides = nb_diagnostic_get_sides (diagnostic);

  if (n_cells == 0)
    return;
  nb_compare_view_focus_cell (nb_compare_window_get_view (self), sides ? sides[0] : side, cells[0]);
}

/* Callbacks */

static void
between_activated_cb (NbCompareWindow *self,
                      NbDiagnostic    *diagnostic)
{
  focus_diagnostic (self, diagnostic, 1);
}

static void
older_activated_cb (NbCompareWindow *self,
                    NbDiagnostic    *diagnostic)
{
  focus_diagnostic (self, diagnostic, 0);
}

static void
newer_activated_cb (NbCompareWindow *self,
                    NbDiagnostic    *diagnostic)
{
  focus_diagnostic (self, diagnostic, 1);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(NbCompareWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving--;
  if (!nb_document_save_finish (NB_DOCUMENT (object), result, &error))
    {
      self->closing = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (self->closing)
    save_next (self);
}

static void
save_to (NbCompareWindow *self,
         int              side,
         GFile           *file)
{
  self->saving++;
  nb_document_save_async (self->documents[side], file, NB_DOCUMENT_SAVE_DEFAULT, self->cancellable,
                          saved_cb, g_object_ref (self));
}

static void
save_response_cb (NbCompareWindow      *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  int side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "nb-side"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      save_to (self, side, file);
    }
  else
    self->closing = FALSE;
  g_object_unref (chooser);
}

/* A document read from text asks where to save, as in a report window. */
static void
save_side (NbCompareWindow *self,
           int              side)
{
  NbDocument *document = self->documents[side];
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  GFile *source;

  if (nb_document_get_file (document) != NULL)
    {
      save_to (self, side, NULL);
      return;
    }
  name = nb_document_dup_suggested_name (document);
  chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  source = nb_document_get_source (document);
  if (source != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (source);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "nb-side", GINT_TO_POINTER (side));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves the modified sides one after the other, then closes. */
static void
save_next (NbCompareWindow *self)
{
  for (int side = 0; side < 2; side++)
    if (nb_report_get_modified (report (self, side)))
      {
        save_side (self, side);
        return;
      }
  if (self->closing)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
close_response_cb (NbCompareWindow  *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "discard"))
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_str_equal (response, "save"))
    {
      self->closing = TRUE;
      save_next (self);
    }
}

static gboolean
nb_compare_window_close_request (GtkWindow *window)
{
  NbCompareWindow *self = NB_COMPARE_WINDOW (window);
  AdwMessageDialog *dialog;

  if (self->saving > 0 ||
      (!nb_report_get_modified (report (self, 0)) && !nb_report_get_modified (report (self, 1))))
    return GTK_WINDOW_CLASS (nb_compare_window_parent_class)->close_request (window);

  /* The documents may be open in report windows too; those ask on their
   * own close. This window asks for the edits made here. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"),
                                                       _("The compared reports have unsaved changes. "
                                                         "Changes which are not saved will be permanently lost.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_SWAPPED);
  nb_mnemonic_names_fix (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
csv_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(NbCompareWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (object));
      g_autofree char *message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);

      toast (self, message);
      return;
    }
  toast (self, _("Comparison exported"));
}

static void
export_response_cb (NbCompareWindow      *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GBytes) bytes = nb_comparison_write_csv (self->comparison);

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                           self->cancellable, csv_written_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

/* Actions */

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NbCompareWindow *self = NB_COMPARE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *older = year_text (report (self, 0));
  g_autofree char *newer = year_text (report (self, 1));
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.csv", nb_report_get_organ (report (self, 1)), older, newer);

  g_strdelimit (name, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_("Export Comparison"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_side_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  save_side (NB_COMPARE_WINDOW (widget), g_variant_get_int32 (parameter) ? 1 : 0);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbCompareWindow *self = NB_COMPARE_WINDOW (widget);

  nb_report_undo (report (self, focused_side (self)));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbCompareWindow *self = NB_COMPARE_WINDOW (widget);

  nb_report_redo (report (self, focused_side (self)));
}

/* The source pane shows the submitted file of the year in focus, and
 * follows its cells. */
static void
follow_focus_cb (NbCompareWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *entry = focus == NULL ? NULL : NB_IS_CELL_ENTRY (focus) ? focus :
                     gtk_widget_get_ancestor (focus, NB_TYPE_CELL_ENTRY);
  int side;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->source_pane)) || self->documents[0] == NULL)
    return;
  side = focused_side (self);
  if (side != self->source_side)
    {
      self->source_side = side;
      nb_source_pane_set_document (self->source_pane, self->documents[side], NULL);
    }
  if (entry != NULL)
    nb_source_pane_show_cell (self->source_pane,
                              nb_cell_get_index (nb_cell_entry_get_cell (NB_CELL_ENTRY (entry))));
}

static void
source_toggled_cb (NbCompareWindow *self)
{
  gboolean show = gtk_toggle_button_get_active (self->source_button);
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

  if (show && width > 0)
    gtk_paned_set_position (self->paned, width * 3 / 5);
  gtk_widget_set_visible (GTK_WIDGET (self->source_pane), show);
  follow_focus_cb (self);
}

static void
source_cell_activated_cb (NbCompareWindow *self,
                          guint            cell)
{
  if (self->source_side >= 0)
    nb_compare_view_focus_cell (nb_compare_window_get_view (self), self->source_side, cell);
}

static void
toggle_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NbCompareWindow *self = NB_COMPARE_WINDOW (widget);

  gtk_toggle_button_set_active (self->source_button, !gtk_toggle_button_get_active (self->source_button));
}

static void
toggle_problems_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NbCompareWindow *self = NB_COMPARE_WINDOW (widget);

  gtk_toggle_button_set_active (self->problems_button, !gtk_toggle_button_get_active (self->problems_button));
}

/* vfuncs */

static void
nb_compare_window_dispose (GObject *object)
{
  NbCompareWindow *self = (NbCompareWindow *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_COMPARE_WINDOW);
  g_clear_object (&self->comparison);
  g_clear_object (&self->documents[0]);
  g_clear_object (&self->documents[1]);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (nb_compare_window_parent_class)->dispose (object);
}

static void
nb_compare_window_class_init (NbCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nb_compare_window_dispose;
  window_class->close_request = nb_compare_window_close_request;

  g_type_ensure (NB_TYPE_DIAGNOSTICS_PANEL);
  g_type_ensure (NB_TYPE_SOURCE_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/nb-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, delta_button);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, view_bin);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, panels);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, between_page);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, older_page);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, newer_page);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, between_panel);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, older_panel);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, newer_panel);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, source_button);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, NbCompareWindow, source_pane);

  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.save-side", "i", save_side_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-problems", NULL, toggle_problems_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-source", NULL, toggle_source_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-problems", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.toggle-source", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
nb_compare_window_init (NbCompareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nb_tooltip_attach_all (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->between_panel, "activated", G_CALLBACK (between_activated_cb), self);
  g_signal_connect_swapped (self->older_panel, "activated", G_CALLBACK (older_activated_cb), self);
  g_signal_connect_swapped (self->newer_panel, "activated", G_CALLBACK (newer_activated_cb), self);
  self->source_side = -1;
  g_signal_connect_swapped (self->source_button, "notify::active", G_CALLBACK (source_toggled_cb), self);
  g_signal_connect_swapped (self, "notify::focus-widget", G_CALLBACK (follow_focus_cb), self);
  g_signal_connect_swapped (self->source_pane, "cell-activated", G_CALLBACK (source_cell_activated_cb), self);
}

/* Public API */

/**
 * nb_compare_window_new:
 * @application: (nullable): the application
 * @first: a document
 * @second: the same organ's report of another year
 *
 * The older year is shown on the left, whichever was given first.
 *
 * Returns: (transfer full): a new #NbCompareWindow
 */
NbCompareWindow *
nb_compare_window_new (GtkApplication *application,
                       NbDocument     *first,
                       NbDocument     *second)
{
  NbCompareWindow *self;
  GtkWidget *view;
  g_autofree char *older_year = NULL;
  g_autofree char *newer_year = NULL;

  g_return_val_if_fail (NB_IS_DOCUMENT (first), NULL);
  g_return_val_if_fail (NB_IS_DOCUMENT (second), NULL);

  self = g_object_new (NB_TYPE_COMPARE_WINDOW, "application", application, NULL);
  self->comparison = nb_comparison_new (nb_document_get_report (first), nb_document_get_report (second));
  if (nb_comparison_get_older (self->comparison) == nb_document_get_report (first))
    {
      self->documents[0] = g_object_ref (first);
      self->documents[1] = g_object_ref (second);
    }
  else
    {
      self->documents[0] = g_object_ref (second);
      self->documents[1] = g_object_ref (first);
    }

  view = nb_compare_view_new (self->comparison, self->documents[0], self->documents[1]);
  adw_bin_set_child (self->view_bin, view);
  g_object_bind_property (self->delta_button, "active", view, "show-delta", G_BINDING_SYNC_CREATE);

  nb_diagnostics_panel_set_template (self->between_panel, nb_report_get_template (report (self, 1)));
  nb_diagnostics_panel_set_model (self->between_panel, nb_comparison_get_diagnostics (self->comparison));
  nb_diagnostics_panel_set_model (self->older_panel, G_LIST_MODEL (nb_document_get_validator (self->documents[0])));
  nb_diagnostics_panel_set_model (self->newer_panel, G_LIST_MODEL (nb_document_get_validator (self->documents[1])));
  g_signal_connect_object (nb_comparison_get_diagnostics (self->comparison), "items-changed",
                           G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  for (int side = 0; side < 2; side++)
    g_signal_connect_object (nb_document_get_validator (self->documents[side]), "items-changed",
                             G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_counts (self);
  show_first_problems (self);
  older_year = year_text (report (self, 0));
  newer_year = year_text (report (self, 1));
  adw_view_stack_page_set_title (self->older_page, older_year);
  adw_view_stack_page_set_title (self->newer_page, newer_year);

  for (int side = 0; side < 2; side++)
    g_signal_connect_object (report (self, side), "notify::modified", G_CALLBACK (update_title),
                             self, G_CONNECT_SWAPPED);
  update_title (self);
  return self;
}

/**
 * nb_compare_window_get_view:
 * @self: a #NbCompareWindow
 *
 * Returns: (transfer none): the view of both years
 */
NbCompareView *
nb_compare_window_get_view (NbCompareWindow *self)
{
  g_return_val_if_fail (NB_IS_COMPARE_WINDOW (self), NULL);

  return NB_COMPARE_VIEW (adw_bin_get_child (self->view_bin));
}

/**
 * nb_compare_window_get_document:
 * @self: a #NbCompareWindow
 * @side: 0 for the older year, 1 for the newer
 *
 * Returns: (transfer none): that year's document
 */
NbDocument *
nb_compare_window_get_document (NbCompareWindow *self,
                                int              side)
{
  g_return_val_if_fail (NB_IS_COMPARE_WINDOW (self), NULL);

  return self->documents[side ? 1 : 0];
}

/**
 * nb_compare_window_get_panel:
 * @self: a #NbCompareWindow
 * @which: 0 for the rules between the years, 1 for the older year's own
 *   problems, 2 for the newer's
 *
 * Returns: (transfer none): that problems panel
 */
NbDiagnosticsPanel *
nb_compare_window_get_panel (NbCompareWindow *self,
                             int              which)
{
  g_return_val_if_fail (NB_IS_COMPARE_WINDOW (self), NULL);

  return which == 0 ? self->between_panel : which == 1 ? self->older_panel : self->newer_panel;
}

/**
 * nb_compare_window_shows:
 * @self: a #NbCompareWindow
 * @first: a document
 * @second: another
 *
 * Returns: whether this window compares exactly these two documents
 */
gboolean
nb_compare_window_shows (NbCompareWindow *self,
                         NbDocument      *first,
                         NbDocument      *second)
{
  g_return_val_if_fail (NB_IS_COMPARE_WINDOW (self), FALSE);

  return (self->documents[0] == first && self->documents[1] == second) ||
         (self->documents[0] == second && self->documents[1] == first);
}

/**
 * nb_compare_window_get_source_pane:
 * @self: a #NbCompareWindow
 *
 * Returns: (transfer none): the pane that shows the submitted file of the
 *   year in focus (F8)
 */
NbSourcePane *
nb_compare_window_get_source_pane (NbCompareWindow *self)
{
  g_return_val_if_fail (NB_IS_COMPARE_WINDOW (self), NULL);

  return self->source_pane;
}
