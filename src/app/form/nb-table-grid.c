/* nb-table-grid.c — one statutory table laid out like the paper form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-table-grid"

#include "config.h"

#include "nb-table-grid-private.h"

#include <glib/gi18n.h>
#include <nb-table-layout.h>

#include "nb-scroll.h"

/* The layout is derived from the template, never written down here:
 * - a table whose rows have different columns (二) is a run of small
 *   tables, one per row group, each with its own header;
 * - a flat table (四) turns its rows into column groups over one data line;
 * - any other table (三) has group labels in columns to the left of the
 *   row labels, each spanning its rows, and column groups spanning their
 *   columns above the column labels.
 *
 * A block of cells can be selected as in a spreadsheet, from the focused
 * cell (the anchor) with Shift and the arrows or a Shift+click, and
 * copied; a block on the clipboard is pasted from the focused cell on,
 * as one undo step. */

G_DEFINE_FINAL_TYPE (NbTableGrid, nb_table_grid, ADW_TYPE_BIN)

/* Helpers */

static const char *
css_class (NbLayoutKind kind)
{
  switch (kind)
    {
    case NB_LAYOUT_TITLE:
      return "nb-group-header";
    case NB_LAYOUT_NOTE:
      return "nb-note";
    case NB_LAYOUT_GROUP_LABEL:
      return "nb-group-label";
    case NB_LAYOUT_ROW_LABEL:
      return "nb-row-label";
    case NB_LAYOUT_FILLER:
      return "nb-filler";
    case NB_LAYOUT_COLUMN_HEADER:
    case NB_LAYOUT_CELL:
    default:
      return "nb-column-header";
    }
}

static GtkWidget *
add_label (NbTableGrid *self,
           const char  *text,
           const char  *css_class,
           guint        column,
           guint        row,
           guint        width,
           guint        height)
{
  g_autofree char *stacked = NULL;
  GtkWidget *label;

  if (width == 1 && self->stack_headers && g_str_equal (css_class, "nb-column-header"))
    stacked = nb_table_layout_stack_text (text);
  label = gtk_label_new (stacked ? stacked : text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* row labels are read across */
  /* wide enough that most of 三's labels take one line */
  if (g_str_equal (css_class, "nb-row-label"))
    gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  else if (g_str_equal (css_class, "nb-group-label"))
    gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
  else
    gtk_label_set_max_width_chars (GTK_LABEL (label), 10 * width);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "nb-grid-cell");
  gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (self->grid, label, column, row, width, height);
  self->n_lines = MAX (self->n_lines, row + height);
  self->n_columns = MAX (self->n_columns, column + width);
  return label;
}

static char *
year_text (NbReport *report)
{
  guint year = nb_report_get_year (report);

  return year > 0 ? g_strdup_printf ("%u", year) : g_strdup ("?");
}

/* The older line of a newer cell that has no older entry of its own:
 * the other form lacks the cell, or it is a later row of a group the
 * other form has as one row, whose value is on the group's first row. */
static GtkWidget *
new_older_placeholder (NbTableGrid *self,
                       int          older_cell)
{
  const char *form = nb_template_get_id (nb_report_get_template (self->older));
  g_autofree char *description = NULL;
  GtkWidget *label;

  if (older_cell < 0)
    {
      label = gtk_label_new (_("not compared"));
      /* Translators: %s is a form, such as "2019" */
      description = g_strdup_printf (_("The %s form has no such cell: not compared"), form);
    }
  else
    {
      label = gtk_label_new ("Σ ↑");
      description = g_strdup (_("Counted in the sum compared on the group's first row"));
    }
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "nb-older-none");
  gtk_widget_set_tooltip_text (label, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return label;
}

/* The change of a group's sum says what it is of; the entries say it
 * in their notes (note_other_year()). */
static void
describe_sum (NbTableGrid *self,
              GtkWidget   *delta,
              guint        older_cell,
              guint        n_rows)
{
  g_autofree char *year = year_text (self->older);
  /* Translators: "2020: “（六）其他处理” is one row on the 2019 form, compared
   * with the sum of these 3 rows" */
  g_autofree char *text = g_strdup_printf (_("%s: “%s” is one row on the %s form, compared with the sum of "
                                             "these %u rows"),
                                           year, nb_template_get_cell_label (nb_report_get_template (self->older),
                                                                             older_cell),
                                           nb_template_get_id (nb_report_get_template (self->older)), n_rows);

  gtk_widget_set_tooltip_text (delta, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delta), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* The older year's entry of @older_cell and the change, beneath the
 * newer entry in @box. */
static void
add_older (NbTableGrid *self,
           GtkWidget   *box,
           guint        cell,
           guint        older_cell,
           guint        n_rows)
{
  GtkWidget *older = nb_cell_entry_new (nb_report_get_cell (self->older, older_cell));
  GtkWidget *delta = gtk_label_new (NULL);
  const char *label = nb_template_get_cell_label (nb_report_get_template (self->report), cell);
  const char *older_name = nb_template_get_cell_label (nb_report_get_template (self->older), older_cell);
  g_autofree char *older_year = year_text (self->older);
  g_autofree char *older_label = g_strdup_printf ("%s %s", older_year, older_name);
  /* Translators: the accessible name of a cell's change between years */
  g_autofree char *delta_label = g_strdup_printf (_("Change %s"), label);

  gtk_widget_add_css_class (older, "nb-older");
  gtk_label_set_xalign (GTK_LABEL (delta), 1.0);
  gtk_widget_add_css_class (delta, "nb-delta");
  gtk_widget_add_css_class (delta, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (older), GTK_ACCESSIBLE_PROPERTY_LABEL, older_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delta), GTK_ACCESSIBLE_PROPERTY_LABEL, delta_label, -1);
  if (n_rows > 1)
    describe_sum (self, delta, older_cell, n_rows);
  gtk_box_append (GTK_BOX (box), older);
  gtk_box_append (GTK_BOX (box), delta);
  g_hash_table_insert (self->others, GUINT_TO_POINTER (older_cell), older);
  g_hash_table_insert (self->deltas, GUINT_TO_POINTER (older_cell), delta);
}

/* A cell of a comparison: the newer year's entry on top, the older
 * year's beneath it, smaller, and the difference at the bottom, so that
 * a table shows both years in the width of one. The grid is the newer
 * form's: the older line holds the older cell compared with this one
 * (nb_comparison_get_compared_cell()), on the first of the rows it is
 * compared with when there are several; the others and cells the older
 * form lacks say so instead. */
static GtkWidget *
new_compare_cell (NbTableGrid *self,
                  guint        cell)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *newer = nb_cell_entry_new (nb_report_get_cell (self->report, cell));
  int older_cell = nb_comparison_get_compared_cell (self->comparison, cell);
  guint n_rows = 0;
  const guint *rows = older_cell >= 0
                      ? nb_comparison_get_newer_cells (self->comparison, older_cell, &n_rows) : NULL;
  const char *label = nb_template_get_cell_label (nb_report_get_template (self->report), cell);
  g_autofree char *newer_year = year_text (self->report);
  g_autofree char *newer_label = g_strdup_printf ("%s %s", newer_year, label);

  gtk_widget_add_css_class (box, "nb-compare-cell");
  gtk_accessible_update_property (GTK_ACCESSIBLE (newer), GTK_ACCESSIBLE_PROPERTY_LABEL, newer_label, -1);
  gtk_box_append (GTK_BOX (box), newer);
  g_hash_table_insert (self->entries, GUINT_TO_POINTER (cell), newer);
  g_hash_table_insert (self->boxes, GUINT_TO_POINTER (cell), box);
  if (rows != NULL && rows[0] == cell)
    add_older (self, box, cell, older_cell, n_rows);
  else
    gtk_box_append (GTK_BOX (box), new_older_placeholder (self, older_cell));
  return box;
}

static void
add_entry (NbTableGrid *self,
           guint        cell,
           guint        column,
           guint        row,
           guint        width)
{
  GtkWidget *entry;
  Place *place = g_new (Place, 1);

  if (self->comparison != NULL)
    entry = new_compare_cell (self, cell);
  else
    {
      entry = nb_cell_entry_new (nb_report_get_cell (self->report, cell));
      g_hash_table_insert (self->entries, GUINT_TO_POINTER (cell), entry);
    }
  place->row = row;
  place->column = column;
  gtk_grid_attach (self->grid, entry, column, row, width, 1);
  self->n_lines = MAX (self->n_lines, row + 1);
  self->n_columns = MAX (self->n_columns, column + width);
  g_hash_table_insert (self->places, GUINT_TO_POINTER (cell), place);
  g_hash_table_insert (self->at, GUINT_TO_POINTER (row << 16 | column), GUINT_TO_POINTER (cell + 1));
}

int
_nb_table_grid_cell_at (NbTableGrid *self,
                       guint        row,
                       guint        column)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->at, GUINT_TO_POINTER (row << 16 | column))) - 1;
}

Place *
_nb_table_grid_lookup_place (NbTableGrid *self,
                            guint        cell)
{
  return g_hash_table_lookup (self->places, GUINT_TO_POINTER (cell));
}

/* The cell whose entry has the focus, when it is one of this grid's. */
static int
focused_cell (NbTableGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *entry = focus ? gtk_widget_get_ancestor (focus, NB_TYPE_CELL_ENTRY) : NULL;
  guint cell;

  if (entry == NULL || self->comparison != NULL)
    return -1;
  cell = nb_cell_get_index (nb_cell_entry_get_cell (NB_CELL_ENTRY (entry)));
  return g_hash_table_lookup (self->entries, GUINT_TO_POINTER (cell)) == entry ? (int) cell : -1;
}

/* Block selection */

static gboolean
in_rectangle (Place *place,
              guint  row0,
              guint  column0,
              guint  row1,
              guint  column1)
{
  return place->row >= row0 && place->row <= row1 && place->column >= column0 && place->column <= column1;
}

static void
show_selection (NbTableGrid *self)
{
  guint row0 = 0, column0 = 0, row1 = 0, column1 = 0;
  gboolean any = nb_table_grid_get_selection (self, &row0, &column0, &row1, &column1);
  GHashTableIter iter;
  gpointer key, entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &entry))
    {
      if (NB_IS_CELL_ENTRY (entry))
        nb_cell_entry_set_in_block (entry, any && in_rectangle (_nb_table_grid_lookup_place (self, GPOINTER_TO_UINT (key)),
                                                                row0, column0, row1, column1));
    }
}

/* A move or a click elsewhere ends the block, as in a spreadsheet. */
static void
root_focus_cb (NbTableGrid *self)
{
  if (self->extent >= 0 && focused_cell (self) != self->anchor)
    nb_table_grid_clear_selection (self);
}

static void
click_pressed_cb (NbTableGrid     *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked;
  GtkWidget *entry;
  int anchor;

  if (self->comparison != NULL)
    return;
  if ((state & GDK_SHIFT_MASK) == 0)
    {
      nb_table_grid_clear_selection (self);
      return;
    }
  anchor = focused_cell (self);
  picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  entry = picked ? gtk_widget_get_ancestor (picked, NB_TYPE_CELL_ENTRY) : NULL;
  if (anchor < 0 || entry == NULL)
    return;
  nb_table_grid_select (self, anchor, nb_cell_get_index (nb_cell_entry_get_cell (NB_CELL_ENTRY (entry))));
  /* the anchor keeps the focus */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* vfuncs */

static void
nb_table_grid_dispose (GObject *object)
{
  NbTableGrid *self = (NbTableGrid *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->places, g_hash_table_unref);
  g_clear_pointer (&self->at, g_hash_table_unref);
  g_clear_pointer (&self->others, g_hash_table_unref);
  g_clear_pointer (&self->deltas, g_hash_table_unref);
  g_clear_pointer (&self->boxes, g_hash_table_unref);
  g_clear_object (&self->report);
  g_clear_object (&self->older);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (nb_table_grid_parent_class)->dispose (object);
}

static void
nb_table_grid_root (GtkWidget *widget)
{
  NbTableGrid *self = NB_TABLE_GRID (widget);

  GTK_WIDGET_CLASS (nb_table_grid_parent_class)->root (widget);

  self->focus_handler = g_signal_connect_swapped (gtk_widget_get_root (widget), "notify::focus-widget",
                                                  G_CALLBACK (root_focus_cb), self);
}

static void
nb_table_grid_unroot (GtkWidget *widget)
{
  NbTableGrid *self = NB_TABLE_GRID (widget);

  g_clear_signal_handler (&self->focus_handler, gtk_widget_get_root (widget));
  /* a paste is for the window the grid is in */
  g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (nb_table_grid_parent_class)->unroot (widget);
}

/* The actions its cells activate for a block of cells */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nb_table_grid_copy_selection (NB_TABLE_GRID (widget));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  nb_table_grid_paste (NB_TABLE_GRID (widget), g_variant_get_uint32 (parameter));
}

static void
extend_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  guint cell, direction;

  g_variant_get (parameter, "(uu)", &cell, &direction);
  nb_table_grid_extend_selection (NB_TABLE_GRID (widget), cell, direction);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  nb_table_grid_clear_selection (NB_TABLE_GRID (widget));
}

static void
nb_table_grid_class_init (NbTableGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_table_grid_dispose;
  widget_class->root = nb_table_grid_root;
  widget_class->unroot = nb_table_grid_unroot;
  gtk_widget_class_set_css_name (widget_class, "nb-table-grid");

  gtk_widget_class_install_action (widget_class, "grid.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "grid.paste", "u", paste_action);
  gtk_widget_class_install_action (widget_class, "grid.extend-selection", "(uu)",
                                   extend_selection_action);
  gtk_widget_class_install_action (widget_class, "grid.clear-selection", NULL,
                                   clear_selection_action);
}

static void
nb_table_grid_init (NbTableGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->anchor = -1;
  self->extent = -1;
  self->cancellable = g_cancellable_new ();
  /* capture: a Shift+click must not move the focus from the anchor */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "nb-grid");
  gtk_widget_set_halign (GTK_WIDGET (self->grid), GTK_ALIGN_START);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->grid));
  self->entries = g_hash_table_new (NULL, NULL);
  self->places = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->at = g_hash_table_new (NULL, NULL);
  self->others = g_hash_table_new (NULL, NULL);
  self->deltas = g_hash_table_new (NULL, NULL);
  self->boxes = g_hash_table_new (NULL, NULL);
}

/**
 * nb_table_grid_new:
 * @report: the report whose cells are edited
 * @table: the index of a template table
 *
 * Returns: (transfer floating): a grid of the table's cells with the
 *   form's labels
 */
static void
build (NbTableGrid *self)
{
  g_autoptr(NbTableLayout) layout = nb_table_layout_new (nb_report_get_template (self->report),
                                                         self->table_index);
  const NbLayoutItem *items;
  guint n_items;

  items = nb_table_layout_get_items (layout, &n_items);
  /* narrow columns only where many must fit side by side (三, 四); a
   * table of a few columns (二) reads its headings across */
  self->stack_headers = nb_table_layout_get_n_columns (layout) > 6;
  for (guint i = 0; i < n_items; i++)
    {
      const NbLayoutItem *item = &items[i];

      if (item->kind != NB_LAYOUT_CELL)
        {
          add_label (self, item->text, css_class (item->kind), item->column, item->row,
                     item->n_columns, item->n_rows);
          continue;
        }
      /* the last cell of a short row in 二 spans the rest of the line,
       * as its heading does, instead of leaving dead cells beside it */
      add_entry (self, item->cell, item->column, item->row, MAX (item->n_columns, 1));
    }
}

GtkWidget *
nb_table_grid_new (NbReport *report,
                   guint     table)
{
  NbTableGrid *self;
  GPtrArray *tables;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  tables = nb_template_get_tables (nb_report_get_template (report));
  g_return_val_if_fail (table < tables->len, NULL);

  self = g_object_new (NB_TYPE_TABLE_GRID, NULL);
  self->report = g_object_ref (report);
  self->table_index = table;
  self->table = g_ptr_array_index (tables, table);
  build (self);
  return GTK_WIDGET (self);
}

/**
 * nb_table_grid_new_compare:
 * @comparison: two years of one organ's report
 * @table: the index of a template table
 *
 * One grid for both years, laid out like the newer report's table: each
 * cell shows the newer year's value, the older year's beneath it and the
 * difference at the bottom, and both values can be edited. A cell whose
 * years differ has the style class `nb-changed`, and its entries name
 * the other year's value to assistive technology. When the reports are
 * on two forms, a cell the older form lacks shows "not compared", and a
 * row of the older form compared with the sum of several rows shows its
 * value and the change of the sum ("Σ +1") on the first of them.
 * nb_table_grid_update_delta() refreshes a cell.
 *
 * Returns: (transfer floating): a new #NbTableGrid
 */
GtkWidget *
nb_table_grid_new_compare (NbComparison *comparison,
                           guint         table)
{
  NbTableGrid *self;
  NbReport *newer;
  GHashTableIter iter;
  gpointer older_cell;

  g_return_val_if_fail (NB_IS_COMPARISON (comparison), NULL);

  newer = nb_comparison_get_newer (comparison);
  self = g_object_new (NB_TYPE_TABLE_GRID, NULL);
  self->report = g_object_ref (newer);
  self->older = g_object_ref (nb_comparison_get_older (comparison));
  self->comparison = g_object_ref (comparison);
  self->table_index = table;
  self->table = g_ptr_array_index (nb_template_get_tables (nb_report_get_template (newer)), table);
  build (self);
  g_hash_table_iter_init (&iter, self->deltas);
  while (g_hash_table_iter_next (&iter, &older_cell, NULL))
    nb_table_grid_update_delta (self, GPOINTER_TO_UINT (older_cell));
  gtk_widget_add_css_class (GTK_WIDGET (self), "nb-compare-grid");
  /* blocks of cells are for one report's form */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.paste", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.extend-selection", FALSE);
  return GTK_WIDGET (self);
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    on)
{
  if (widget == NULL)
    return;
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* "2023: 10" on the newer entry, "2024: 31" on the older one; the cells
 * of a sum say so whether it changed or not. */
static void
note_other_year (NbCellEntry *entry,
                 NbReport    *other,
                 const char  *text,
                 guint        n_rows,
                 gboolean     changed)
{
  g_autofree char *year = NULL;
  g_autofree char *note = NULL;

  if (entry == NULL)
    return;
  if (!changed && n_rows < 2)
    {
      nb_cell_entry_set_note (entry, NULL);
      return;
    }
  year = year_text (other);
  if (text == NULL || *text == '\0')
    text = _("empty");
  /* Translators: the other year's value of a cell that differs, e.g. "2023: 10" */
  note = n_rows > 1 ? g_strdup_printf (_("%s: %s, compared with the sum of %u rows"), year, text, n_rows)
                    : g_strdup_printf (_("%s: %s"), year, text);
  nb_cell_entry_set_note (entry, note);
}

static char *
delta_text (NbTableGrid *self,
            guint        older_cell,
            guint        n_rows)
{
  g_autofree char *text = nb_comparison_dup_delta_text (self->comparison, older_cell);

  /* the change of a sum says so */
  if (n_rows > 1 && *text != '\0')
    return g_strconcat ("Σ ", text, NULL);
  return g_steal_pointer (&text);
}

/**
 * nb_table_grid_update_delta:
 * @self: a grid made by nb_table_grid_new_compare()
 * @cell: a cell index of the older report's form
 *
 * Shows the cell's current difference ("+3", "−1", a new value, "≠")
 * and marks it, and the newer cells it is compared with, when the years
 * differ.
 */
void
nb_table_grid_update_delta (NbTableGrid *self,
                            guint        cell)
{
  static const char *classes[] = { "nb-same", "nb-changed", "nb-added", "nb-removed", "nb-changed",
                                   "nb-unmatched" };
  GtkWidget *label;
  g_autofree char *text = NULL;
  g_autofree char *newer_text = NULL;
  const guint *rows;
  guint n_rows;
  NbChange change;
  gboolean changed;

  g_return_if_fail (NB_IS_TABLE_GRID (self));
  g_return_if_fail (self->comparison != NULL);

  label = g_hash_table_lookup (self->deltas, GUINT_TO_POINTER (cell));
  if (label == NULL)
    return;
  rows = nb_comparison_get_newer_cells (self->comparison, cell, &n_rows);
  change = nb_comparison_get_change (self->comparison, cell, NULL);
  changed = change != NB_CHANGE_SAME && change != NB_CHANGE_UNMATCHED;
  text = delta_text (self, cell, n_rows);
  gtk_label_set_label (GTK_LABEL (label), text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  gtk_widget_add_css_class (label, classes[change]);
  set_class (g_hash_table_lookup (self->others, GUINT_TO_POINTER (cell)), "nb-changed", changed);
  newer_text = nb_comparison_dup_newer_text (self->comparison, cell);
  note_other_year (g_hash_table_lookup (self->others, GUINT_TO_POINTER (cell)), self->report, newer_text,
                   n_rows, changed);
  for (guint i = 0; i < n_rows; i++)
    {
      nb_table_grid_set_changed (self, rows[i], changed);
      note_other_year (g_hash_table_lookup (self->entries, GUINT_TO_POINTER (rows[i])), self->older,
                       nb_report_get_cell_text (self->older, cell), n_rows, changed);
    }
}

/**
 * nb_table_grid_get_delta_label:
 * @self: a grid made by nb_table_grid_new_compare()
 * @cell: a cell index of the older report's form
 *
 * Returns: (transfer none) (nullable): the label showing the difference
 */
GtkLabel *
nb_table_grid_get_delta_label (NbTableGrid *self,
                               guint        cell)
{
  g_return_val_if_fail (NB_IS_TABLE_GRID (self), NULL);

  return g_hash_table_lookup (self->deltas, GUINT_TO_POINTER (cell));
}

/**
 * nb_table_grid_get_older_entry:
 * @self: a grid made by nb_table_grid_new_compare()
 * @cell: a cell index of the older report's form
 *
 * Returns: (transfer none) (nullable): the entry of the older year's cell
 */
NbCellEntry *
nb_table_grid_get_older_entry (NbTableGrid *self,
                               guint        cell)
{
  g_return_val_if_fail (NB_IS_TABLE_GRID (self), NULL);

  return g_hash_table_lookup (self->others, GUINT_TO_POINTER (cell));
}

/**
 * nb_table_grid_set_show_delta:
 * @self: a grid made by nb_table_grid_new_compare()
 * @show: whether the cells show their difference
 */
void
nb_table_grid_set_show_delta (NbTableGrid *self,
                              gboolean     show)
{
  GHashTableIter iter;
  gpointer label;

  g_return_if_fail (NB_IS_TABLE_GRID (self));

  g_hash_table_iter_init (&iter, self->deltas);
  while (g_hash_table_iter_next (&iter, NULL, &label))
    gtk_widget_set_visible (label, show);
}

/**
 * nb_table_grid_set_changed:
 * @self: a #NbTableGrid
 * @cell: a cell index of the grid's report
 * @changed: whether the cell differs from the other year
 */
void
nb_table_grid_set_changed (NbTableGrid *self,
                           guint        cell,
                           gboolean     changed)
{
  gpointer widget;

  g_return_if_fail (NB_IS_TABLE_GRID (self));

  if ((widget = g_hash_table_lookup (self->entries, GUINT_TO_POINTER (cell))) != NULL)
    set_class (widget, "nb-changed", changed);
  if ((widget = g_hash_table_lookup (self->boxes, GUINT_TO_POINTER (cell))) != NULL)
    set_class (widget, "nb-changed", changed);
}

/**
 * nb_table_grid_get_entry:
 * @self: a #NbTableGrid
 * @cell: a cell index
 *
 * Returns: (transfer none) (nullable): the cell's entry, when the cell is
 *   in this table
 */
NbCellEntry *
nb_table_grid_get_entry (NbTableGrid *self,
                         guint        cell)
{
  g_return_val_if_fail (NB_IS_TABLE_GRID (self), NULL);

  return g_hash_table_lookup (self->entries, GUINT_TO_POINTER (cell));
}

/**
 * nb_table_grid_find_move:
 * @self: a #NbTableGrid
 * @cell: the cell the focus is in
 * @direction: where to go
 *
 * Tab goes on in template order (along the row, then the next row);
 * up and down keep the column; left and right stay in the line.
 *
 * Returns: the cell to focus, or -1 when there is none in this table
 */
int
nb_table_grid_find_move (NbTableGrid *self,
                         guint        cell,
                         NbMove       direction)
{
  Place *place;

  g_return_val_if_fail (NB_IS_TABLE_GRID (self), -1);

  place = g_hash_table_lookup (self->places, GUINT_TO_POINTER (cell));
  if (place == NULL)
    return -1;

  switch (direction)
    {
    case NB_MOVE_NEXT:
      return cell + 1 < self->table->first_cell + self->table->n_cells ? (int) cell + 1 : -1;
    case NB_MOVE_PREVIOUS:
      return cell > self->table->first_cell ? (int) cell - 1 : -1;
    case NB_MOVE_RIGHT:
      return _nb_table_grid_cell_at (self, place->row, place->column + 1);
    case NB_MOVE_LEFT:
      return place->column > 0 ? _nb_table_grid_cell_at (self, place->row, place->column - 1) : -1;
    case NB_MOVE_DOWN:
      for (guint line = place->row + 1; line < self->n_lines; line++)
        if (_nb_table_grid_cell_at (self, line, place->column) >= 0)
          return _nb_table_grid_cell_at (self, line, place->column);
      return -1;
    case NB_MOVE_UP:
      for (guint line = place->row; line > 0; line--)
        if (_nb_table_grid_cell_at (self, line - 1, place->column) >= 0)
          return _nb_table_grid_cell_at (self, line - 1, place->column);
      return -1;
    default:
      return -1;
    }
}

/**
 * nb_table_grid_get_table:
 * @self: a #NbTableGrid
 *
 * Returns: the index of the template table shown
 */
guint
nb_table_grid_get_table (NbTableGrid *self)
{
  g_return_val_if_fail (NB_IS_TABLE_GRID (self), 0);

  return self->table_index;
}

/**
 * nb_table_grid_get_place:
 * @self: a #NbTableGrid
 * @cell: a cell index
 * @row: (out) (optional): the row of the form's grid the cell is in
 * @column: (out) (optional): its column
 *
 * Returns: whether the cell is in this table
 */
gboolean
nb_table_grid_get_place (NbTableGrid *self,
                         guint        cell,
                         guint       *row,
                         guint       *column)
{
  Place *place;

  g_return_val_if_fail (NB_IS_TABLE_GRID (self), FALSE);

  if ((place = _nb_table_grid_lookup_place (self, cell)) == NULL)
    return FALSE;
  if (row != NULL)
    *row = place->row;
  if (column != NULL)
    *column = place->column;
  return TRUE;
}

/**
 * nb_table_grid_select:
 * @self: a #NbTableGrid
 * @anchor: the cell the selection starts at, normally the focused one
 * @extent: the cell at the opposite corner
 *
 * Selects the rectangle of cells between the two, in the form's grid,
 * and marks them with the style class `nb-selected-block`. A rectangle
 * of one cell is no block: the selection is cleared.
 */
void
nb_table_grid_select (NbTableGrid *self,
                      guint        anchor,
                      guint        extent)
{
  g_return_if_fail (NB_IS_TABLE_GRID (self));

  if (self->comparison != NULL || _nb_table_grid_lookup_place (self, anchor) == NULL ||
      _nb_table_grid_lookup_place (self, extent) == NULL)
    return;
  if (anchor == extent)
    {
      nb_table_grid_clear_selection (self);
      return;
    }
  self->anchor = anchor;
  self->extent = extent;
  show_selection (self);
}

/**
 * nb_table_grid_clear_selection:
 * @self: a #NbTableGrid
 */
void
nb_table_grid_clear_selection (NbTableGrid *self)
{
  g_return_if_fail (NB_IS_TABLE_GRID (self));

  if (self->extent < 0)
    return;
  self->anchor = -1;
  self->extent = -1;
  show_selection (self);
}

/**
 * nb_table_grid_get_selection:
 * @self: a #NbTableGrid
 * @row0: (out) (optional): the first row of the form's grid selected
 * @column0: (out) (optional): the first column
 * @row1: (out) (optional): the last row
 * @column1: (out) (optional): the last column
 *
 * The selected block is every cell whose place (nb_table_grid_get_place())
 * is within the rectangle.
 *
 * Returns: whether a block is selected
 */
gboolean
nb_table_grid_get_selection (NbTableGrid *self,
                             guint       *row0,
                             guint       *column0,
                             guint       *row1,
                             guint       *column1)
{
  Place *a, *b;

  g_return_val_if_fail (NB_IS_TABLE_GRID (self), FALSE);

  if (self->extent < 0)
    return FALSE;
  a = _nb_table_grid_lookup_place (self, self->anchor);
  b = _nb_table_grid_lookup_place (self, self->extent);
  if (row0 != NULL)
    *row0 = MIN (a->row, b->row);
  if (column0 != NULL)
    *column0 = MIN (a->column, b->column);
  if (row1 != NULL)
    *row1 = MAX (a->row, b->row);
  if (column1 != NULL)
    *column1 = MAX (a->column, b->column);
  return TRUE;
}

/**
 * nb_table_grid_extend_selection:
 * @self: a #NbTableGrid
 * @cell: the focused cell
 * @direction: %NB_MOVE_UP, %NB_MOVE_DOWN, %NB_MOVE_LEFT or %NB_MOVE_RIGHT
 *
 * Shift and an arrow: moves the selection's far corner one cell, starting
 * a block at @cell when there is none from it.
 *
 * Returns: whether @cell is in this table
 */
gboolean
nb_table_grid_extend_selection (NbTableGrid *self,
                                guint        cell,
                                NbMove       direction)
{
  GtkWidget *scroller;
  guint corner;
  int target;

  g_return_val_if_fail (NB_IS_TABLE_GRID (self), FALSE);

  if (self->comparison != NULL || _nb_table_grid_lookup_place (self, cell) == NULL)
    return FALSE;
  /* a block from another cell is not this one's */
  corner = self->anchor == (int) cell && self->extent >= 0 ? (guint) self->extent : cell;
  target = nb_table_grid_find_move (self, corner, direction);
  if (target < 0)
    return TRUE;
  nb_table_grid_select (self, cell, target);
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    nb_scroll_into_view (GTK_SCROLLED_WINDOW (scroller),
                         g_hash_table_lookup (self->entries, GUINT_TO_POINTER (target)));
  return TRUE;
}
