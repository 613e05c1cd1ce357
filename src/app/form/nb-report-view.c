/* nb-report-view.c — the whole report as one scrolling form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-report-view"

#include "config.h"

#include "nb-report-view-private.h"

#include <nb-number.h>
#include <nb-template.h>

#include "nb-scroll.h"
#include "nb-table-header.h"

G_DEFINE_FINAL_TYPE (NbReportView, nb_report_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
set_entry_text (NbReportView *self,
                GtkEntry     *entry,
                const char   *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->syncing = FALSE;
}

static void
show_year (NbReportView *self)
{
  guint year = nb_report_get_year (self->report);
  g_autofree char *text = year > 0 ? g_strdup_printf ("%u", year) : g_strdup ("");

  set_entry_text (self, self->year_entry, text);
}

/* Callbacks */

/* Outlines the cells of one problem, so that where several overlap the
 * clerk sees which cells are this one's. */
static void
outline_cells (NbReportView *self,
               const guint  *cells,
               guint         n_cells)
{
  for (guint i = 0; i < self->outlined->len; i++)
    {
      NbCellEntry *entry = _nb_report_view_lookup_entry (self, g_array_index (self->outlined, guint, i));

      if (entry != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (entry), "nb-outlined");
    }
  g_array_set_size (self->outlined, 0);
  for (guint i = 0; i < n_cells; i++)
    {
      NbCellEntry *entry = _nb_report_view_lookup_entry (self, cells[i]);

      if (entry == NULL)
        continue;
      gtk_widget_add_css_class (GTK_WIDGET (entry), "nb-outlined");
      g_array_append_val (self->outlined, cells[i]);
    }
}

static void
validator_items_changed_cb (NbReportView *self,
                            guint         position,
                            guint         removed,
                            guint         added,
                            GListModel   *model)
{
  nb_cell_marks_refresh (self->marks);
  /* the problem outlined may be gone or changed */
  outline_cells (self, NULL, 0);
}

static void
title_changed_cb (NbReportView *self)
{
  if (!self->syncing)
    nb_report_set_title (self->report, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
}

static void
organ_changed_cb (NbReportView *self)
{
  if (!self->syncing)
    nb_report_set_organ (self->report, gtk_editable_get_text (GTK_EDITABLE (self->organ_entry)));
}

static void
year_changed_cb (NbReportView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->year_entry));
  guint64 year = 0;

  if (self->syncing)
    return;
  /* a partly typed year is not a year yet */
  if (*text != '\0' && (!g_ascii_string_to_unsigned (text, 10, 1000, 9999, &year, NULL)))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->year_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->year_entry), "error");
  nb_report_set_year (self->report, year);
}

static void
report_title_notify_cb (NbReportView *self)
{
  set_entry_text (self, self->title_entry, nb_report_get_title (self->report));
}

static void
report_organ_notify_cb (NbReportView *self)
{
  set_entry_text (self, self->organ_entry, nb_report_get_organ (self->report));
}

/* Tab from a table's last cell goes on to the next table's first, and
 * Shift+Tab from its first back to the previous table's last. */
static int
find_move_across (NbReportView *self,
                  guint         grid,
                  NbMove        direction)
{
  GPtrArray *tables = nb_template_get_tables (nb_report_get_template (self->report));
  NbTemplateTable *table;

  if (direction == NB_MOVE_NEXT && grid + 1 < self->grids->len)
    {
      table = g_ptr_array_index (tables, nb_table_grid_get_table (g_ptr_array_index (self->grids, grid + 1)));
      return table->n_cells > 0 ? (int) table->first_cell : -1;
    }
  if (direction == NB_MOVE_PREVIOUS && grid > 0)
    {
      table = g_ptr_array_index (tables, nb_table_grid_get_table (g_ptr_array_index (self->grids, grid - 1)));
      return table->n_cells > 0 ? (int) (table->first_cell + table->n_cells - 1) : -1;
    }
  return -1;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbReportView *self = NB_REPORT_VIEW (widget);
  guint cell, direction;

  g_variant_get (parameter, "(uu)", &cell, &direction);
  _nb_report_view_finish_build (self);
  for (guint t = 0; t < self->grids->len; t++)
    {
      NbTableGrid *grid = g_ptr_array_index (self->grids, t);
      int target;

      if (!nb_table_grid_get_place (grid, cell, NULL, NULL))
        continue;
      target = nb_table_grid_find_move (grid, cell, direction);
      if (target < 0)
        target = find_move_across (self, t, direction);
      /* nowhere to go: the cell stays selected, so that typing replaces
       * its text instead of piling onto it */
      nb_report_view_focus_cell (self, target >= 0 ? (guint) target : cell);
      return;
    }
}

static void
copy_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NbReportView *self = NB_REPORT_VIEW (widget);
  GPtrArray *tables = nb_template_get_tables (nb_report_get_template (self->report));
  const char *id = g_variant_get_string (parameter, NULL);

  _nb_report_view_finish_build (self);
  for (guint g = 0; g < self->grids->len; g++)
    {
      NbTableGrid *grid = g_ptr_array_index (self->grids, g);
      NbTemplateTable *table = g_ptr_array_index (tables, nb_table_grid_get_table (grid));

      if (g_str_equal (table->id, id))
        nb_table_grid_copy_table (grid);
    }
}

/* The height of a table's column headers: from its top to its first cell */
static int
header_height (NbReportView *self,
               NbTableGrid  *grid)
{
  GPtrArray *tables = nb_template_get_tables (nb_report_get_template (self->report));
  NbTemplateTable *table = g_ptr_array_index (tables, nb_table_grid_get_table (grid));
  NbCellEntry *first = nb_table_grid_get_entry (grid, table->first_cell);
  graphene_point_t point;

  if (first == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (first), GTK_WIDGET (grid), &GRAPHENE_POINT_INIT (0, 0), &point))
    return 0;
  return (int) point.y;
}

/* The table whose column headers are scrolled away while enough of its
 * rows are still in sight to need them */
static NbTableGrid *
table_under_top (NbReportView *self,
                 int          *height)
{
  double value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));

  for (guint t = 0; t < self->grids->len; t++)
    {
      NbTableGrid *grid = g_ptr_array_index (self->grids, t);
      int h = header_height (self, grid);
      graphene_rect_t bounds;

      if (h <= 0 || !gtk_widget_compute_bounds (GTK_WIDGET (grid), _nb_report_view_scrolled_form (self), &bounds))
        continue;
      if (bounds.origin.y < value && bounds.origin.y + bounds.size.height > value + 2 * h)
        {
          *height = h;
          return grid;
        }
    }
  return NULL;
}

/* A long table's column headers float at the top of the view while its
 * lower rows are scrolled up under them, so its columns can be told
 * apart in every row. */
static void
update_header (NbReportView *self)
{
  int height = 0;
  NbTableGrid *grid = self->report != NULL ? table_under_top (self, &height) : NULL;
  /* the lines of the table, not the width of the form it is in */
  GtkWidget *lines = grid ? adw_bin_get_child (ADW_BIN (grid)) : NULL;
  graphene_rect_t bounds;

  if (lines != NULL && gtk_widget_compute_bounds (lines, GTK_WIDGET (self->overlay), &bounds))
    gtk_widget_set_margin_start (self->header, MAX (0, (int) bounds.origin.x));
  nb_table_header_show_table (NB_TABLE_HEADER (self->header), lines, height);
}

/* Scrolls @widget into view, below the headers of its table, which may
 * float over the top of the view. */
static void
scroll_to (NbReportView *self,
           GtkWidget    *widget)
{
  GtkWidget *grid = gtk_widget_get_ancestor (widget, NB_TYPE_TABLE_GRID);

  nb_scroll_into_view_below (self->scroller, widget, grid ? header_height (self, NB_TABLE_GRID (grid)) : 0);
}

/* Whatever takes the focus in the form comes into view: a cell reached
 * by Tab or Enter, a field reached by GTK's own focus chain. The
 * viewport's own scrolling to the focus is off, since it measures before
 * the form is laid out again and animates away from the right place. */
static void
root_focus_cb (NbReportView *self)
{
  GtkWidget *focus = nb_scroll_focus_within (GTK_WIDGET (self->content));

  if (focus != NULL)
    scroll_to (self, focus);
}

/* Undo belongs to the report, across fields: Ctrl+Z takes back the
 * typing in the focused field first, then earlier steps. Caught before
 * the fields, whose own undo keys would swallow it. */
static gboolean
key_pressed_cb (NbReportView          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK);
  gboolean z = keyval == GDK_KEY_z || keyval == GDK_KEY_Z;

  if (mods == GDK_CONTROL_MASK && z)
    {
      nb_report_seal_undo (self->report);
      nb_report_undo (self->report);
      return TRUE;
    }
  if ((mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && z) ||
      (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_y || keyval == GDK_KEY_Y)))
    {
      nb_report_redo (self->report);
      return TRUE;
    }
  return FALSE;
}

/* Before the first frame: the title fields, the overview and the first
 * table; the rest as the view needs it, then after the frame. */
static void
build (NbReportView *self)
{
  report_title_notify_cb (self);
  report_organ_notify_cb (self);
  show_year (self);
  self->marks = nb_cell_marks_new (nb_report_get_template (self->report), _nb_report_view_lookup_entry, self, TRUE);
  nb_cell_marks_add_source (self->marks, G_LIST_MODEL (nb_document_get_validator (self->document)), -1);
  nb_cell_marks_refresh (self->marks);

  _nb_report_view_build_sections (self,
                                  nb_template_get_first_table_section (nb_report_get_template (self->report)) + 1);

  g_signal_connect_object (self->report, "notify::title",
                           G_CALLBACK (report_title_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report, "notify::organ",
                           G_CALLBACK (report_organ_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report, "notify::year",
                           G_CALLBACK (show_year), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (nb_document_get_validator (self->document), "items-changed",
                           G_CALLBACK (validator_items_changed_cb), self, G_CONNECT_SWAPPED);
}

/* vfuncs */

static void
nb_report_view_constructed (GObject *object)
{
  NbReportView *self = (NbReportView *) object;

  G_OBJECT_CLASS (nb_report_view_parent_class)->constructed (object);

  self->report = g_object_ref (nb_document_get_report (self->document));
  build (self);
}

static void
nb_report_view_dispose (GObject *object)
{
  NbReportView *self = (NbReportView *) object;

  /* AdwBin unparents the template's root itself */
  _nb_report_view_stop_building (self);
  g_clear_pointer (&self->grids, g_ptr_array_unref);
  g_clear_pointer (&self->outlined, g_array_unref);
  g_clear_pointer (&self->text_views, g_hash_table_unref);
  g_clear_pointer (&self->marks, nb_cell_marks_free);
  g_clear_object (&self->report);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (nb_report_view_parent_class)->dispose (object);
}

static void
nb_report_view_root (GtkWidget *widget)
{
  NbReportView *self = NB_REPORT_VIEW (widget);

  GTK_WIDGET_CLASS (nb_report_view_parent_class)->root (widget);

  self->focus_handler = g_signal_connect_swapped (gtk_widget_get_root (widget), "notify::focus-widget",
                                                  G_CALLBACK (root_focus_cb), self);
}

static void
nb_report_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nb_report_view_parent_class)->map (widget);

  _nb_report_view_watch_clock (NB_REPORT_VIEW (widget));
}

static void
nb_report_view_unroot (GtkWidget *widget)
{
  NbReportView *self = NB_REPORT_VIEW (widget);

  g_clear_signal_handler (&self->focus_handler, gtk_widget_get_root (widget));
  /* the clock is the window's; a view shown again in another window
   * watches that one's (see map), one going away builds nothing more */
  _nb_report_view_stop_building (self);

  GTK_WIDGET_CLASS (nb_report_view_parent_class)->unroot (widget);
}

/* The form starts at its first field, the title. */
static gboolean
nb_report_view_grab_focus (GtkWidget *widget)
{
  NbReportView *self = NB_REPORT_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
nb_report_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbReportView *self = NB_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, _nb_report_view_is_complete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NbReportView *self = NB_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_view_class_init (NbReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nb_report_view_constructed;
  object_class->dispose = nb_report_view_dispose;
  object_class->get_property = nb_report_view_get_property;
  object_class->set_property = nb_report_view_set_property;
  widget_class->grab_focus = nb_report_view_grab_focus;
  widget_class->root = nb_report_view_root;
  widget_class->unroot = nb_report_view_unroot;
  widget_class->map = nb_report_view_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, NB_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * NbReportView:complete:
   *
   * Whether every section of the form is built. The first frame shows
   * the sections that fill the view; the rest follows right after it,
   * or at once when anything asks for a cell or section not built.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/nb-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NbReportView, overlay);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, scroller);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, content);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, title_entry);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, organ_entry);
  gtk_widget_class_bind_template_child (widget_class, NbReportView, year_entry);

  gtk_widget_class_install_action (widget_class, "report.move", "(uu)", move_action);
  gtk_widget_class_install_action (widget_class, "report.copy-table", "s", copy_table_action);
}

static void
nb_report_view_init (NbReportView *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)), FALSE);
  self->header = nb_table_header_new ();
  gtk_widget_set_visible (self->header, FALSE);
  gtk_overlay_add_overlay (self->overlay, self->header);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  self->grids = g_ptr_array_new ();
  self->outlined = g_array_new (FALSE, FALSE, sizeof (guint));
  self->text_views = g_hash_table_new (NULL, NULL);

  /* undo belongs to the report, across fields */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->title_entry), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->organ_entry), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->year_entry), FALSE);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (self->organ_entry, "changed", G_CALLBACK (organ_changed_cb), self);
  g_signal_connect_swapped (self->year_entry, "changed", G_CALLBACK (year_changed_cb), self);
}

/* Public API */

/**
 * nb_report_view_new:
 * @document: the document to show
 *
 * Returns: (transfer floating): a new #NbReportView
 */
GtkWidget *
nb_report_view_new (NbDocument *document)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (document), NULL);

  return g_object_new (NB_TYPE_REPORT_VIEW, "document", document, NULL);
}

/**
 * nb_report_view_get_document:
 * @self: a #NbReportView
 *
 * Returns: (transfer none): the document
 */
NbDocument *
nb_report_view_get_document (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);

  return self->document;
}

/**
 * nb_report_view_get_entry:
 * @self: a #NbReportView
 * @cell: a cell index
 *
 * Returns: (transfer none) (nullable): the entry that edits @cell
 */
NbCellEntry *
nb_report_view_get_entry (NbReportView *self,
                          guint         cell)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);

  _nb_report_view_finish_build (self);
  return _nb_report_view_lookup_entry (self, cell);
}

/**
 * nb_report_view_get_complete:
 * @self: a #NbReportView
 *
 * Returns: whether every section of the form is built
 */
gboolean
nb_report_view_get_complete (NbReportView *self)
{
  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), FALSE);

  return _nb_report_view_is_complete (self);
}

/**
 * nb_report_view_focus_cell:
 * @self: a #NbReportView
 * @cell: a cell index
 *
 * Scrolls @cell into view and puts the cursor at the end of its text.
 *
 * Returns: whether the cell took the focus
 */
gboolean
nb_report_view_focus_cell (NbReportView *self,
                           guint         cell)
{
  NbCellEntry *entry;

  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), FALSE);

  entry = nb_report_view_get_entry (self, cell);
  if (entry == NULL)
    return FALSE;
  scroll_to (self, GTK_WIDGET (entry));
  if (!gtk_widget_grab_focus (GTK_WIDGET (entry)))
    return FALSE;
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
  return TRUE;
}

/**
 * nb_report_view_get_section_view:
 * @self: a #NbReportView
 * @section_id: a narrative section id
 *
 * Returns: (transfer none) (nullable): the text view of that section
 */
GtkTextView *
nb_report_view_get_section_view (NbReportView *self,
                                 const char   *section_id)
{
  int section;

  g_return_val_if_fail (NB_IS_REPORT_VIEW (self), NULL);

  section = nb_template_lookup_section (nb_report_get_template (self->report), section_id);
  _nb_report_view_finish_build (self);
  return section < 0 ? NULL : g_hash_table_lookup (self->text_views, GINT_TO_POINTER (section));
}

/**
 * nb_report_view_focus_diagnostic:
 * @self: a #NbReportView
 * @diagnostic: a diagnostic of the report
 *
 * Focuses the first cell the diagnostic names and outlines all of them
 * (style class `nb-outlined`) until the problems change; one that names
 * none (the year stated in the text) focuses the year.
 */
void
nb_report_view_focus_diagnostic (NbReportView *self,
                                 NbDiagnostic *diagnostic)
{
  guint n_cells;
  const guint *cells;

  g_return_if_fail (NB_IS_REPORT_VIEW (self));
  g_return_if_fail (NB_IS_DIAGNOSTIC (diagnostic));

  cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);
  outline_cells (self, cells, n_cells);
  if (n_cells > 0 && nb_report_view_focus_cell (self, cells[0]))
    return;
  if (g_str_equal (nb_diagnostic_get_rule_id (diagnostic), "meta.year"))
    {
      nb_scroll_into_view (self->scroller, GTK_WIDGET (self->year_entry));
      gtk_widget_grab_focus (GTK_WIDGET (self->year_entry));
    }
}

/* Private API, shared with nb-report-view-build.c */

/* The entry of @cell if its table is built yet; building the rest of
 * the form is for the public accessors. */
NbCellEntry *
_nb_report_view_lookup_entry (gpointer data,
                              guint    cell)
{
  NbReportView *self = data;

  for (guint t = 0; t < self->grids->len; t++)
    {
      NbCellEntry *entry = nb_table_grid_get_entry (g_ptr_array_index (self->grids, t), cell);

      if (entry != NULL)
        return entry;
    }
  return NULL;
}

/* What scrolls: the form inside the viewport */
GtkWidget *
_nb_report_view_scrolled_form (NbReportView *self)
{
  return gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));
}
