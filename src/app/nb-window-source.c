/* nb-window-source.c — the submitted file beside the form: the toggle,
 * F8, and the selection followed both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-window"

#include "config.h"

#include "nb-window-private.h"

/* Each window shows or hides its source on its own; the last choice is
 * kept in the settings for the next window. The cell with the focus is
 * followed as the focus moves (a cheap redraw, never a render while the
 * page stays), and a number clicked in the source focuses its cell. The
 * pane is made when first shown: most windows never show it, and its
 * widgets would be built before the window's first frame. */

static void cell_activated_cb (NbWindow *self,
                               guint     cell);

static NbSourcePane *
ensure_source_pane (NbWindow *self)
{
  if (self->source_pane != NULL)
    return self->source_pane;
  self->source_pane = NB_SOURCE_PANE (nb_source_pane_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->source_pane), FALSE);
  g_signal_connect_swapped (self->source_pane, "cell-activated", G_CALLBACK (cell_activated_cb), self);
  gtk_paned_set_end_child (self->paned, GTK_WIDGET (self->source_pane));
  if (self->document != NULL)
    nb_source_pane_set_document (self->source_pane, self->document, self->importer);
  return self->source_pane;
}

static gboolean
source_shown (NbWindow *self)
{
  return self->source_pane != NULL && gtk_widget_get_visible (GTK_WIDGET (self->source_pane));
}

static int
focused_cell (NbWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *entry;

  if (focus == NULL)
    return -1;
  entry = NB_IS_CELL_ENTRY (focus) ? focus : gtk_widget_get_ancestor (focus, NB_TYPE_CELL_ENTRY);
  if (entry == NULL)
    return -1;
  return nb_cell_get_index (nb_cell_entry_get_cell (NB_CELL_ENTRY (entry)));
}

static void
focus_changed_cb (NbWindow *self)
{
  int cell;

  if (!source_shown (self))
    return;
  cell = focused_cell (self);
  if (cell >= 0)
    nb_source_pane_show_cell (self->source_pane, cell);
}

static void
source_toggled_cb (NbWindow *self)
{
  gboolean show = gtk_toggle_button_get_active (self->source_button);
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

  nb_settings_set_show_source (self->settings, show);
  if (!show && self->source_pane == NULL)
    return;
  ensure_source_pane (self);
  if (show && width > 0)
    /* the form keeps a little more than half */
    gtk_paned_set_position (self->paned, width * 11 / 20);
  gtk_widget_set_visible (GTK_WIDGET (self->source_pane), show);
  if (show)
    focus_changed_cb (self);
}

static void
cell_activated_cb (NbWindow *self,
                   guint     cell)
{
  NbReportView *view = nb_window_get_report_view (self);

  if (view != NULL)
    nb_report_view_focus_cell (view, cell);
}

static void
toggle_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NbWindow *self = NB_WINDOW (widget);

  gtk_toggle_button_set_active (self->source_button,
                                !gtk_toggle_button_get_active (self->source_button));
}

void
_nb_window_class_add_source (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, NbWindow, source_button);
  gtk_widget_class_bind_template_child (widget_class, NbWindow, paned);
  gtk_widget_class_install_action (widget_class, "win.toggle-source", NULL, toggle_source_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.toggle-source", NULL);
}

/* Called once the settings are known. */
void
_nb_window_init_source (NbWindow *self)
{
  g_signal_connect_swapped (self->source_button, "notify::active",
                            G_CALLBACK (source_toggled_cb), self);
  g_signal_connect_swapped (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), self);
  gtk_toggle_button_set_active (self->source_button, nb_settings_get_show_source (self->settings));
  source_toggled_cb (self);
}

/* Shows where in the source a problem activated in the panel is. */
void
_nb_window_show_source_of (NbWindow     *self,
                          NbDiagnostic *diagnostic)
{
  if (source_shown (self))
    nb_source_pane_show_diagnostic (self->source_pane, diagnostic);
}

/**
 * nb_window_get_source_pane:
 * @self: a #NbWindow
 *
 * Returns: (transfer none): the pane that shows the submitted file,
 *   made now if it was never shown
 */
NbSourcePane *
nb_window_get_source_pane (NbWindow *self)
{
  g_return_val_if_fail (NB_IS_WINDOW (self), NULL);

  return ensure_source_pane (self);
}
