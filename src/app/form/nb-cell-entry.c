/* nb-cell-entry.c — the entry of one table cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cell-entry"

#include "config.h"

#include "nb-cell-entry.h"

#include <glib/gi18n.h>

#include <nb-number.h>
#include <nb-report.h>

#include "nb-tooltip.h"


/* An entry that writes through to its NbCell as the user types, and shows
 * the cell's problems the way every other cue does: the error or warning
 * style, a tooltip with the rule's message, and the invalid state for
 * assistive technology. Keys that move between cells are turned into the
 * "report.move" action, which the report view answers; the keys of a
 * block of cells (Shift and the arrows, copy and paste) go to the grid
 * the entry is in. */
struct _NbCellEntry
{
  GtkEntry  parent_instance;

  NbCell   *cell;
  char     *text_on_focus;  /* what Escape restores */
  int       severity;       /* -1 when the cell has no problem */
  gboolean  syncing;
  gboolean  in_block;       /* in the table grid's selected block */
  gboolean  edited;         /* typed into since it got the focus */
  char     *message;        /* the problems' messages, or NULL */
  char     *note;           /* e.g. the other year's value, or NULL */
  gboolean  assigned;       /* the tooltip says the number was assigned */
  char     *tooltip;        /* shown when asked for, see query_tooltip_cb() */
};

G_DEFINE_FINAL_TYPE (NbCellEntry, nb_cell_entry, GTK_TYPE_ENTRY)

enum {
  PROP_0,
  PROP_CELL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A block of cells is the table grid's: the entry asks for it through
 * the grid's actions (grid.copy, grid.paste, grid.extend-selection,
 * grid.clear-selection), and the grid tells it when it is in the block. */
static void
clear_block (NbCellEntry *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "grid.clear-selection", NULL);
}

static gboolean
extend_block (NbCellEntry *self,
              NbMove       direction)
{
  return gtk_widget_activate_action (GTK_WIDGET (self), "grid.extend-selection", "(uu)",
                                     nb_cell_get_index (self->cell), (guint) direction);
}

static void
move (NbCellEntry *self,
      NbMove       direction)
{
  clear_block (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "report.move", "(uu)",
                              nb_cell_get_index (self->cell), (guint) direction);
}

static void
show_cell_text (NbCellEntry *self)
{
  const char *text = nb_cell_get_text (self->cell);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text ? text : "") == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
  self->syncing = FALSE;
}

static void set_tooltip (NbCellEntry *self,
                         const char  *message);
static gboolean query_tooltip_cb (NbCellEntry *self,
                                  int          x,
                                  int          y,
                                  gboolean     keyboard,
                                  GtkTooltip  *tooltip);

static void
cell_text_changed_cb (NbCellEntry *self,
                      GParamSpec  *pspec,
                      NbCell      *cell)
{
  show_cell_text (self);
  /* a number given to the cell by hand says so; typing leaves the
   * tooltip alone */
  if (nb_report_get_cell_assigned (nb_cell_get_report (cell), nb_cell_get_index (cell)) != self->assigned)
    set_tooltip (self, self->message);
}

static void
changed_cb (NbCellEntry *self)
{
  if (self->syncing)
    return;
  /* typing is for this cell, not for a block */
  clear_block (self);
  self->edited = TRUE;
  nb_cell_set_text (self->cell, gtk_editable_get_text (GTK_EDITABLE (self)));
}

static void
focus_enter_cb (NbCellEntry *self)
{
  g_free (self->text_on_focus);
  self->text_on_focus = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));
  self->edited = FALSE;
}

/* A number typed shows as the number it is once the cell is left ("00"
 * is 0, "１２" is 12); text that is not a number stays as typed, and a
 * cell only looked at keeps the text it was submitted with. */
static void
normalize_text (NbCellEntry *self)
{
  g_autofree char *shown = NULL;

  if (!self->edited || nb_cell_get_state (self->cell) != NB_CELL_STATE_VALUE)
    return;
  shown = nb_number_format (nb_cell_get_value (self->cell), nb_cell_get_kind (self->cell));
  if (g_strcmp0 (shown, nb_cell_get_text (self->cell)) != 0)
    nb_cell_set_text (self->cell, shown);
}

static void
focus_leave_cb (NbCellEntry *self)
{
  NbReport *report = nb_cell_get_report (self->cell);

  normalize_text (self);
  self->edited = FALSE;
  /* typing in one cell is one undo step; the next cell starts another */
  if (report != NULL)
    nb_report_seal_undo (report);
}

/* The first click on a cell selects it, as in a spreadsheet: its text is
 * selected, so that typing replaces it; a click on the focused cell
 * places the cursor. */
static void
click_pressed_cb (NbCellEntry     *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (gtk_widget_has_focus (GTK_WIDGET (self)) || gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL ||
      (state & GDK_SHIFT_MASK) != 0 || gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) > 1)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_editable_select_region (GTK_EDITABLE (self), 0, -1);
}

static gboolean
key_pressed_cb (NbCellEntry           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  return nb_cell_entry_handle_key (self, keyval, state);
}

static void
nb_cell_entry_constructed (GObject *object)
{
  NbCellEntry *self = (NbCellEntry *) object;

  G_OBJECT_CLASS (nb_cell_entry_parent_class)->constructed (object);

  show_cell_text (self);
  set_tooltip (self, NULL);
  g_signal_connect_object (self->cell, "notify::text",
                           G_CALLBACK (cell_text_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, nb_cell_get_label (self->cell),
                                  -1);
}

static void
nb_cell_entry_dispose (GObject *object)
{
  NbCellEntry *self = (NbCellEntry *) object;

  g_clear_object (&self->cell);
  g_clear_pointer (&self->text_on_focus, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->tooltip, g_free);

  G_OBJECT_CLASS (nb_cell_entry_parent_class)->dispose (object);
}

static void
nb_cell_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NbCellEntry *self = NB_CELL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CELL:
      g_value_set_object (value, self->cell);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_cell_entry_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NbCellEntry *self = NB_CELL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CELL:
      self->cell = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_cell_entry_class_init (NbCellEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_cell_entry_constructed;
  object_class->dispose = nb_cell_entry_dispose;
  object_class->get_property = nb_cell_entry_get_property;
  object_class->set_property = nb_cell_entry_set_property;

  properties[PROP_CELL] =
    g_param_spec_object ("cell", NULL, NULL, NB_TYPE_CELL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "entry");
}

static void
nb_cell_entry_init (NbCellEntry *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->severity = -1;
  gtk_entry_set_alignment (GTK_ENTRY (self), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self), 3);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self), 6);
  gtk_entry_set_input_purpose (GTK_ENTRY (self), GTK_INPUT_PURPOSE_NUMBER);
  /* undo belongs to the report, across cells */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self), "nb-cell");
  /* a rule's message and the place it came from, wrapped */
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  /* capture: Tab, Enter and the arrows must not reach GtkText first */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  /* capture: before GtkText places the cursor */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
}

GtkWidget *
nb_cell_entry_new (NbCell *cell)
{
  g_return_val_if_fail (NB_IS_CELL (cell), NULL);

  return g_object_new (NB_TYPE_CELL_ENTRY, "cell", cell, NULL);
}

/**
 * nb_cell_entry_get_cell:
 * @self: a #NbCellEntry
 *
 * Returns: (transfer none): the cell
 */
NbCell *
nb_cell_entry_get_cell (NbCellEntry *self)
{
  g_return_val_if_fail (NB_IS_CELL_ENTRY (self), NULL);

  return self->cell;
}

/* The rule's message, then where the number came from in the submitted
 * file, so a reviewer can check it against the page ("从第 3 页导入"). */
static void
set_tooltip (NbCellEntry *self,
             const char  *message)
{
  NbReport *report = nb_cell_get_report (self->cell);
  guint index = nb_cell_get_index (self->cell);
  g_autofree char *place = nb_report_get_cell_place (report, index);
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;

  if (place == NULL && nb_report_get_cell_line (report, index) > 0)
    place = g_strdup_printf (_("line %u"), nb_report_get_cell_line (report, index));
  self->assigned = nb_report_get_cell_assigned (report, index);
  if (self->assigned)
    /* Translators: %s is a place in the submitted file: "page 3", "line 57" */
    from = place != NULL ? g_strdup_printf (_("Assigned by hand from %s, where the import left it over"), place)
                         : g_strdup (_("Assigned by hand"));
  else if (place != NULL)
    /* Translators: %s is a place in the submitted file: "page 3", "line 57" */
    from = g_strdup_printf (_("Imported from %s"), place);
  if (message != NULL && from != NULL)
    text = g_strconcat (message, "\n", from, NULL);
  g_free (self->tooltip);
  self->tooltip = g_strdup (text ? text : message ? message : from);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), self->tooltip != NULL);
}

/* The tooltip is made when it is shown: setting a widget's tooltip text
 * asks the display where the pointer is, a round trip to the X server
 * for every cell whose problems change as the clerk types. */
static gboolean
query_tooltip_cb (NbCellEntry *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  return nb_tooltip_show_text (tooltip, self->tooltip);
}

/* What assistive technology says after the cell's name: the note, then
 * the problems. */
static void
update_description (NbCellEntry *self)
{
  g_autofree char *text = NULL;

  if (self->note != NULL && self->message != NULL)
    text = g_strconcat (self->note, "\n", self->message, NULL);
  else
    text = g_strdup (self->note ? self->note : self->message);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * nb_cell_entry_set_diagnostic:
 * @self: a #NbCellEntry
 * @severity: the worst #NbSeverity of the rules the cell breaks, or -1
 * @message: (nullable): their messages, one per line
 * @fixes: (nullable): quick fixes for the context menu
 */
void
nb_cell_entry_set_diagnostic (NbCellEntry *self,
                           int          severity,
                           const char  *message,
                           GMenuModel  *fixes)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (NB_IS_CELL_ENTRY (self));

  self->severity = severity;
  if (severity == NB_SEVERITY_ERROR)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  if (severity == NB_SEVERITY_WARNING)
    gtk_widget_add_css_class (widget, "warning");
  else
    gtk_widget_remove_css_class (widget, "warning");

  g_free (self->message);
  self->message = g_strdup (message);
  set_tooltip (self, message);
  gtk_entry_set_extra_menu (GTK_ENTRY (self), fixes);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                               severity == NB_SEVERITY_ERROR ? GTK_ACCESSIBLE_INVALID_TRUE
                                                             : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  update_description (self);
}

/**
 * nb_cell_entry_set_note:
 * @self: a #NbCellEntry
 * @note: (nullable): what else assistive technology should say of the
 *   cell, such as the other year's value in a comparison
 */
void
nb_cell_entry_set_note (NbCellEntry *self,
                        const char  *note)
{
  g_return_if_fail (NB_IS_CELL_ENTRY (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  update_description (self);
}

/**
 * nb_cell_entry_get_severity:
 * @self: a #NbCellEntry
 *
 * Returns: the #NbSeverity shown, or -1
 */
int
nb_cell_entry_get_severity (NbCellEntry *self)
{
  g_return_val_if_fail (NB_IS_CELL_ENTRY (self), -1);

  return self->severity;
}

/**
 * nb_cell_entry_restore:
 * @self: a #NbCellEntry
 *
 * Puts back the text the cell had when it got the focus.
 */
void
nb_cell_entry_restore (NbCellEntry *self)
{
  g_return_if_fail (NB_IS_CELL_ENTRY (self));

  if (self->text_on_focus == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self), self->text_on_focus);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
}

static gboolean
is_copy_key (guint           keyval,
             GdkModifierType mods)
{
  return mods == GDK_CONTROL_MASK &&
         (keyval == GDK_KEY_c || keyval == GDK_KEY_C || keyval == GDK_KEY_Insert || keyval == GDK_KEY_KP_Insert);
}

static gboolean
is_paste_key (guint           keyval,
              GdkModifierType mods)
{
  return (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_v || keyval == GDK_KEY_V)) ||
         (mods == GDK_SHIFT_MASK && (keyval == GDK_KEY_Insert || keyval == GDK_KEY_KP_Insert));
}

/* Shift+Left and Shift+Right select text within the cell while the
 * cursor can go that way, and cells once it is at the text's end, when
 * the whole text is selected (as on entering the cell), or while a
 * block is selected. */
static gboolean
extends_block (NbCellEntry *self,
               gboolean     right)
{
  GtkEditable *editable = GTK_EDITABLE (self);
  int length = g_utf8_strlen (gtk_editable_get_text (editable), -1);
  int position = gtk_editable_get_position (editable);
  int start, end;

  if (self->in_block)
    return TRUE;
  gtk_editable_get_selection_bounds (editable, &start, &end);
  if (start == 0 && end == length)
    return TRUE;
  return right ? position == length : position == 0;
}

/* Undo belongs to the report, across cells: Ctrl+Z takes back the
 * typing in this cell first, then earlier steps; GtkText's own undo
 * keys must not get them. */
static gboolean
handle_undo_key (NbCellEntry     *self,
                 guint            keyval,
                 GdkModifierType  mods)
{
  NbReport *report = nb_cell_get_report (self->cell);
  gboolean z = keyval == GDK_KEY_z || keyval == GDK_KEY_Z;

  if (report == NULL)
    return FALSE;
  if (mods == GDK_CONTROL_MASK && z)
    {
      nb_report_seal_undo (report);
      nb_report_undo (report);
      return TRUE;
    }
  if ((mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && z) ||
      (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_y || keyval == GDK_KEY_Y)))
    {
      nb_report_redo (report);
      return TRUE;
    }
  return FALSE;
}

static gboolean
handle_block_key (NbCellEntry     *self,
                  guint            keyval,
                  GdkModifierType  mods)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (is_copy_key (keyval, mods))
    return self->in_block && gtk_widget_activate_action (widget, "grid.copy", NULL);
  if (is_paste_key (keyval, mods))
    return gtk_widget_activate_action (widget, "grid.paste", "u", nb_cell_get_index (self->cell));
  if (mods == 0 && keyval == GDK_KEY_Escape && self->in_block)
    {
      clear_block (self);
      return TRUE;
    }
  if (mods != GDK_SHIFT_MASK)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return extend_block (self, NB_MOVE_DOWN);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return extend_block (self, NB_MOVE_UP);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return extends_block (self, TRUE) && extend_block (self, NB_MOVE_RIGHT);
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return extends_block (self, FALSE) && extend_block (self, NB_MOVE_LEFT);
    default:
      return FALSE;
    }
}

/**
 * nb_cell_entry_handle_key:
 * @self: a #NbCellEntry
 * @keyval: the key
 * @state: the modifiers held
 *
 * The spreadsheet keys: Tab and Shift+Tab along the row, Enter and
 * Shift+Enter down and up, the arrows at the text's ends, Escape to undo
 * the edit of this cell. In a table grid also Shift and the arrows (or a
 * Shift+click) to select a block of cells, Escape to end it, Ctrl+C to
 * copy it (without a block, the entry copies its text) and Ctrl+V to
 * paste a block from the clipboard (see nb_table_grid_paste()). Ctrl+Z
 * and Ctrl+Shift+Z (or Ctrl+Y) undo and redo the report's edits, this
 * cell's typing first.
 *
 * Returns: %TRUE when the key was used
 */
gboolean
nb_cell_entry_handle_key (NbCellEntry     *self,
                          guint            keyval,
                          GdkModifierType  state)
{
  GtkEditable *editable = GTK_EDITABLE (self);
  GdkModifierType mods = state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK);
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  int start, end;
  int length;

  g_return_val_if_fail (NB_IS_CELL_ENTRY (self), FALSE);

  if (handle_block_key (self, keyval, mods) || handle_undo_key (self, keyval, mods))
    return TRUE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  gtk_editable_get_selection_bounds (editable, &start, &end);
  length = g_utf8_strlen (gtk_editable_get_text (editable), -1);

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      move (self, shift ? NB_MOVE_PREVIOUS : NB_MOVE_NEXT);
      return TRUE;
    case GDK_KEY_ISO_Left_Tab:
      move (self, NB_MOVE_PREVIOUS);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      move (self, shift ? NB_MOVE_UP : NB_MOVE_DOWN);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move (self, NB_MOVE_DOWN);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move (self, NB_MOVE_UP);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (shift || start != end || end < length)
        return FALSE;
      move (self, NB_MOVE_RIGHT);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (shift || start != end || start > 0)
        return FALSE;
      move (self, NB_MOVE_LEFT);
      return TRUE;
    case GDK_KEY_Escape:
      nb_cell_entry_restore (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * nb_cell_entry_set_in_block:
 * @self: a #NbCellEntry
 * @in_block: whether the cell is in the selected block of its table
 *
 * The table grid tells its cells which of them are in the block it has
 * selected; they show it, and their keys copy or end the block.
 */
void
nb_cell_entry_set_in_block (NbCellEntry *self,
                            gboolean     in_block)
{
  g_return_if_fail (NB_IS_CELL_ENTRY (self));

  self->in_block = !!in_block;
  if (self->in_block)
    gtk_widget_add_css_class (GTK_WIDGET (self), "nb-selected-block");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "nb-selected-block");
}

/**
 * nb_cell_entry_get_tooltip:
 * @self: a #NbCellEntry
 *
 * Returns: (nullable): what the cell's tooltip says: its problems and
 *   where its number came from
 */
const char *
nb_cell_entry_get_tooltip (NbCellEntry *self)
{
  g_return_val_if_fail (NB_IS_CELL_ENTRY (self), NULL);

  return self->tooltip;
}
