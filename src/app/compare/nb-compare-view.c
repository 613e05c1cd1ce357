/* nb-compare-view.c — two years of a report, section by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-compare-view"

#include "config.h"

#include "nb-compare-view.h"

#include <glib/gi18n.h>
#include <nb-number.h>
#include <nb-template.h>

#include "nb-cell-marks.h"
#include "nb-narrative-view.h"
#include "nb-scroll.h"
#include "nb-table-grid.h"

/* Both years in one scrolling column of sections, each section a row of
 * [older | newer | Δ], so their rows line up and scroll together. Each
 * side is edited like the report's own form and shows its own problems
 * plus those between the years; cells that differ are marked on both. */

#define N_SIDES 2

struct _NbCompareView
{
  AdwBin        parent_instance;

  NbComparison *comparison;
  NbDocument   *documents[N_SIDES];
  GPtrArray    *grids[N_SIDES];        /* NbTableGrid, by table */
  GPtrArray    *delta_grids;           /* NbTableGrid or NULL, by table */
  GPtrArray    *delta_slots;           /* AdwBin, by table */
  GHashTable   *narratives[N_SIDES];   /* section → NbNarrativeView */
  NbCellMarks  *marks[N_SIDES];
  GPtrArray    *headline_labels;       /* GtkLabel × 3 per headline */
  GtkLabel          *similarity_label;  /* how much text is last year's */
  gboolean      show_delta;

  GtkScrolledWindow *scroller;
  GtkBox            *content;
  GtkGrid           *summary;
};

G_DEFINE_FINAL_TYPE (NbCompareView, nb_compare_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_DELTA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static NbReport *
side_report (NbCompareView *self,
             int            side)
{
  return nb_document_get_report (self->documents[side]);
}

static NbCellEntry *
lookup_older (gpointer data,
              guint    cell)
{
  return nb_compare_view_get_entry (data, 0, cell);
}

static NbCellEntry *
lookup_newer (gpointer data,
              guint    cell)
{
  return nb_compare_view_get_entry (data, 1, cell);
}

static char *
format_headline (gboolean known,
                 gint64   value)
{
  return known ? nb_number_format (value, NB_CELL_KIND_COUNT) : g_strdup ("—");
}

/* year.text-similarity's figure: the text of 一, 五 and 六 that is the
 * same as last year's, numbers, years and the organ's name left out */
static void
update_similarity (NbCompareView *self)
{
  double similarity = nb_comparison_get_text_similarity (self->comparison, NULL);
  g_autofree char *text = NULL;

  if (self->similarity_label == NULL)
    return;
  /* Translators: a share of text, "92 %" */
  text = similarity < 0 ? g_strdup ("—") : g_strdup_printf (_("%d %%"), (int) (similarity * 100));
  gtk_label_set_label (self->similarity_label, text);
}

static void
update_summary (NbCompareView *self)
{
  for (guint h = 0; h < nb_comparison_get_n_headlines (self->comparison); h++)
    {
      gboolean known_older, known_newer;
      gint64 older, newer;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *change = NULL;

      nb_comparison_get_headline (self->comparison, h, &known_older, &older, &known_newer, &newer);
      a = format_headline (known_older, older);
      b = format_headline (known_newer, newer);
      if (known_older && known_newer && newer != older)
        change = g_strdup_printf ("%s%" G_GINT64_FORMAT, newer > older ? "+" : "−", ABS (newer - older));
      else if (known_older && known_newer)
        change = g_strdup ("0");
      else
        change = g_strdup ("");
      gtk_label_set_label (g_ptr_array_index (self->headline_labels, 3 * h), a);
      gtk_label_set_label (g_ptr_array_index (self->headline_labels, 3 * h + 1), b);
      gtk_label_set_label (g_ptr_array_index (self->headline_labels, 3 * h + 2), change);
    }
  update_similarity (self);
}

static GtkWidget *
summary_label (const char *text,
               const char *css_class,
               float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
year_heading (NbReport *report)
{
  guint year = nb_report_get_year (report);

  return year > 0 ? g_strdup_printf ("%u", year) : g_strdup (_("Unknown year"));
}

static void
build_summary (NbCompareView *self)
{
  g_autofree char *older = year_heading (side_report (self, 0));
  g_autofree char *newer = year_heading (side_report (self, 1));
  guint n_headlines = nb_comparison_get_n_headlines (self->comparison);

  gtk_grid_attach (self->summary, summary_label (older, "heading", 1), 1, 0, 1, 1);
  gtk_grid_attach (self->summary, summary_label (newer, "heading", 1), 2, 0, 1, 1);
  gtk_grid_attach (self->summary, summary_label (_("Change"), "heading", 1), 3, 0, 1, 1);
  for (guint h = 0; h < nb_comparison_get_n_headlines (self->comparison); h++)
    {
      gboolean ko, kn;
      gint64 o, n;
      const char *label = nb_comparison_get_headline (self->comparison, h, &ko, &o, &kn, &n);

      gtk_grid_attach (self->summary, summary_label (label, NULL, 0), 0, h + 1, 1, 1);
      for (guint c = 0; c < 3; c++)
        {
          GtkWidget *value = summary_label ("", c == 2 ? "nb-change" : "numeric", 1);

          gtk_grid_attach (self->summary, value, c + 1, h + 1, 1, 1);
          g_ptr_array_add (self->headline_labels, value);
        }
    }
  gtk_grid_attach (self->summary, summary_label (_("Text the same as last year"), NULL, 0),
                   0, n_headlines + 1, 1, 1);
  self->similarity_label = GTK_LABEL (summary_label ("", "numeric", 1));
  gtk_grid_attach (self->summary, GTK_WIDGET (self->similarity_label), 2, n_headlines + 1, 1, 1);
  update_summary (self);
}

static GtkWidget *
side_heading (NbCompareView *self,
              int            side)
{
  NbReport *report = side_report (self, side);
  g_autofree char *name = nb_document_dup_display_name (self->documents[side]);
  g_autofree char *title = g_strdup_printf ("%s · %s", nb_report_get_organ (report), name);
  g_autofree char *year = year_heading (report);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_label_new (year);
  GtkWidget *bottom = gtk_label_new (title);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  gtk_label_set_xalign (GTK_LABEL (top), 0);
  gtk_label_set_xalign (GTK_LABEL (bottom), 0);
  gtk_label_set_ellipsize (GTK_LABEL (bottom), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (top, "title-2");
  gtk_widget_add_css_class (bottom, "dim-label");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (save), "i", side);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "win.save-side");
  gtk_widget_set_halign (save, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_box_append (GTK_BOX (box), save);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static GtkWidget *
row_of (GtkWidget *older,
        GtkWidget *newer,
        GtkWidget *delta)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  /* equal columns, so both years' rows line up */
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_set_valign (older, GTK_ALIGN_START);
  gtk_widget_set_valign (newer, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), older);
  gtk_box_append (GTK_BOX (row), newer);
  if (delta != NULL)
    {
      gtk_widget_set_valign (delta, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), delta);
    }
  return row;
}

static GtkWidget *
section_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_set_margin_top (label, 18);
  return label;
}

static GtkWidget *
add_narratives (NbCompareView *self,
                guint          section)
{
  GtkWidget *frames[N_SIDES];

  for (int side = 0; side < N_SIDES; side++)
    {
      GtkWidget *view = nb_narrative_view_new (side_report (self, side), section);

      /* so the window knows which year an undo is for */
      if (side == 1)
        g_object_set_data (G_OBJECT (view), "nb-side", GINT_TO_POINTER (1));
      frames[side] = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (frames[side]), view);
      gtk_widget_set_hexpand (frames[side], TRUE);
      gtk_widget_set_size_request (frames[side], 360, -1);
      g_hash_table_insert (self->narratives[side], GUINT_TO_POINTER (section), view);
    }
  return row_of (frames[0], frames[1], NULL);
}

static GtkWidget *
add_tables (NbCompareView     *self,
            NbTemplateSection *section)
{
  GtkWidget *grids[N_SIDES];
  GtkWidget *slot = adw_bin_new ();

  for (int side = 0; side < N_SIDES; side++)
    {
      grids[side] = nb_table_grid_new (side_report (self, side), section->table);
      g_ptr_array_add (self->grids[side], grids[side]);
    }
  gtk_widget_set_visible (slot, self->show_delta);
  g_ptr_array_add (self->delta_slots, slot);
  g_ptr_array_add (self->delta_grids, NULL);
  return row_of (grids[0], grids[1], slot);
}

static void
mark_narrative_changes (NbCompareView *self,
                        guint          section)
{
  const char *id = nb_template_get_section_id (nb_report_get_template (side_report (self, 0)), section);

  for (int side = 0; side < N_SIDES; side++)
    {
      NbNarrativeView *view = g_hash_table_lookup (self->narratives[side], GUINT_TO_POINTER (section));

      if (view != NULL)
        nb_narrative_view_mark_changes (view, nb_report_get_section_text (side_report (self, !side), id));
    }
}

static void
mark_cell (NbCompareView *self,
           guint          cell)
{
  gboolean changed = nb_comparison_get_change (self->comparison, cell, NULL) != NB_CHANGE_SAME;

  for (int side = 0; side < N_SIDES; side++)
    for (guint t = 0; t < self->grids[side]->len; t++)
      nb_table_grid_set_changed (g_ptr_array_index (self->grids[side], t), cell, changed);
  for (guint t = 0; t < self->delta_grids->len; t++)
    if (g_ptr_array_index (self->delta_grids, t) != NULL)
      nb_table_grid_update_delta (g_ptr_array_index (self->delta_grids, t), cell);
}

/* The Δ grids are made the first time they are asked for. */
static void
ensure_delta_grids (NbCompareView *self)
{
  GPtrArray *sections = nb_template_get_sections (nb_report_get_template (side_report (self, 0)));
  guint t = 0;

  for (guint s = 0; s < sections->len; s++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, s);
      GtkWidget *grid;

      if (section->table < 0)
        continue;
      if (g_ptr_array_index (self->delta_grids, t) == NULL)
        {
          grid = nb_table_grid_new_delta (self->comparison, section->table);
          adw_bin_set_child (g_ptr_array_index (self->delta_slots, t), grid);
          g_ptr_array_index (self->delta_grids, t) = grid;
        }
      t++;
    }
}

static void
build (NbCompareView *self)
{
  GPtrArray *sections = nb_template_get_sections (nb_report_get_template (side_report (self, 0)));
  GtkWidget *delta_heading = gtk_label_new (_("Difference"));

  build_summary (self);
  gtk_label_set_xalign (GTK_LABEL (delta_heading), 0);
  gtk_widget_add_css_class (delta_heading, "title-2");
  gtk_widget_set_valign (delta_heading, GTK_ALIGN_START);
  g_object_bind_property (self, "show-delta", delta_heading, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (self->content, row_of (side_heading (self, 0), side_heading (self, 1), delta_heading));

  for (guint s = 0; s < sections->len; s++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, s);

      gtk_box_append (self->content, section_heading (section->heading));
      if (section->table < 0)
        {
          gtk_box_append (self->content, add_narratives (self, s));
          mark_narrative_changes (self, s);
        }
      else
        gtk_box_append (self->content, add_tables (self, section));
    }

  for (guint c = 0; c < nb_template_get_n_cells (nb_report_get_template (side_report (self, 0))); c++)
    mark_cell (self, c);
}

/* Callbacks */

static void
comparison_changed_cb (NbCompareView *self,
                       guint          cell)
{
  mark_cell (self, cell);
  update_summary (self);
}

static void
diagnostics_changed_cb (NbCompareView *self)
{
  for (int side = 0; side < N_SIDES; side++)
    nb_cell_marks_refresh (self->marks[side]);
}

static void
section_changed_cb (NbCompareView *self,
                    guint          section)
{
  mark_narrative_changes (self, section);
  update_summary (self);
}

/* Moves within the grid that has the focus: both years have the same
 * cell indices, so the cell alone does not say which side. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbCompareView *self = NB_COMPARE_VIEW (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *grid = focus ? gtk_widget_get_ancestor (focus, NB_TYPE_TABLE_GRID) : NULL;
  guint cell, direction;
  int target;

  g_variant_get (parameter, "(uu)", &cell, &direction);
  if (grid == NULL)
    return;
  target = nb_table_grid_find_move (NB_TABLE_GRID (grid), cell, direction);
  if (target < 0)
    return;
  for (int side = 0; side < N_SIDES; side++)
    if (g_ptr_array_find (self->grids[side], grid, NULL))
      nb_compare_view_focus_cell (self, side, target);
}

static NbCellMarks *
new_marks (NbCompareView *self,
           int            side)
{
  NbCellMarks *marks = nb_cell_marks_new (nb_report_get_template (side_report (self, side)),
                                          side == 0 ? lookup_older : lookup_newer, self, FALSE);
  GListModel *own = G_LIST_MODEL (nb_document_get_validator (self->documents[side]));

  nb_cell_marks_add_source (marks, own, -1);
  nb_cell_marks_add_source (marks, nb_comparison_get_diagnostics (self->comparison), side);
  g_signal_connect_object (own, "items-changed", G_CALLBACK (diagnostics_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return marks;
}

/* vfuncs */

static void
nb_compare_view_dispose (GObject *object)
{
  NbCompareView *self = (NbCompareView *) object;

  for (int side = 0; side < N_SIDES; side++)
    {
      g_clear_pointer (&self->marks[side], nb_cell_marks_free);
      g_clear_pointer (&self->grids[side], g_ptr_array_unref);
      g_clear_pointer (&self->narratives[side], g_hash_table_unref);
      g_clear_object (&self->documents[side]);
    }
  g_clear_pointer (&self->delta_grids, g_ptr_array_unref);
  g_clear_pointer (&self->delta_slots, g_ptr_array_unref);
  g_clear_pointer (&self->headline_labels, g_ptr_array_unref);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (nb_compare_view_parent_class)->dispose (object);
}

static void
nb_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NbCompareView *self = NB_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DELTA:
      g_value_set_boolean (value, self->show_delta);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NbCompareView *self = NB_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DELTA:
      nb_compare_view_set_show_delta (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_compare_view_class_init (NbCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_compare_view_dispose;
  object_class->get_property = nb_compare_view_get_property;
  object_class->set_property = nb_compare_view_set_property;

  properties[PROP_SHOW_DELTA] =
    g_param_spec_boolean ("show-delta", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/nb-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NbCompareView, scroller);
  gtk_widget_class_bind_template_child (widget_class, NbCompareView, content);
  gtk_widget_class_bind_template_child (widget_class, NbCompareView, summary);

  gtk_widget_class_install_action (widget_class, "report.move", "(uu)", move_action);
}

static void
nb_compare_view_init (NbCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int side = 0; side < N_SIDES; side++)
    {
      self->grids[side] = g_ptr_array_new ();
      self->narratives[side] = g_hash_table_new (NULL, NULL);
    }
  self->delta_grids = g_ptr_array_new ();
  self->delta_slots = g_ptr_array_new ();
  self->headline_labels = g_ptr_array_new ();
}

/* Public API */

/**
 * nb_compare_view_new:
 * @comparison: the comparison of the two documents' reports
 * @older: the document of the earlier year
 * @newer: the document of the later year
 *
 * Returns: (transfer floating): a new #NbCompareView
 */
GtkWidget *
nb_compare_view_new (NbComparison *comparison,
                     NbDocument   *older,
                     NbDocument   *newer)
{
  NbCompareView *self;

  g_return_val_if_fail (NB_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (nb_document_get_report (older) == nb_comparison_get_older (comparison), NULL);
  g_return_val_if_fail (nb_document_get_report (newer) == nb_comparison_get_newer (comparison), NULL);

  self = g_object_new (NB_TYPE_COMPARE_VIEW, NULL);
  self->comparison = g_object_ref (comparison);
  self->documents[0] = g_object_ref (older);
  self->documents[1] = g_object_ref (newer);
  build (self);

  for (int side = 0; side < N_SIDES; side++)
    {
      self->marks[side] = new_marks (self, side);
      nb_cell_marks_refresh (self->marks[side]);
      g_signal_connect_object (side_report (self, side), "section-changed",
                               G_CALLBACK (section_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (comparison, "changed", G_CALLBACK (comparison_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (nb_comparison_get_diagnostics (comparison), "items-changed",
                           G_CALLBACK (diagnostics_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * nb_compare_view_get_comparison:
 * @self: a #NbCompareView
 *
 * Returns: (transfer none): the comparison
 */
NbComparison *
nb_compare_view_get_comparison (NbCompareView *self)
{
  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), NULL);

  return self->comparison;
}

/**
 * nb_compare_view_get_entry:
 * @self: a #NbCompareView
 * @side: 0 for the older year, 1 for the newer
 * @cell: a cell index
 *
 * Returns: (transfer none) (nullable): the entry of that year's cell
 */
NbCellEntry *
nb_compare_view_get_entry (NbCompareView *self,
                           int            side,
                           guint          cell)
{
  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (side == 0 || side == 1, NULL);

  for (guint t = 0; t < self->grids[side]->len; t++)
    {
      NbCellEntry *entry = nb_table_grid_get_entry (g_ptr_array_index (self->grids[side], t), cell);

      if (entry != NULL)
        return entry;
    }
  return NULL;
}

/**
 * nb_compare_view_get_delta_label:
 * @self: a #NbCompareView
 * @cell: a cell index
 *
 * Returns: (transfer none) (nullable): the label showing the cell's
 *   difference, once the differences have been shown
 */
GtkLabel *
nb_compare_view_get_delta_label (NbCompareView *self,
                                 guint          cell)
{
  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), NULL);

  for (guint t = 0; t < self->delta_grids->len; t++)
    {
      NbTableGrid *grid = g_ptr_array_index (self->delta_grids, t);
      GtkLabel *label = grid ? nb_table_grid_get_delta_label (grid, cell) : NULL;

      if (label != NULL)
        return label;
    }
  return NULL;
}

/**
 * nb_compare_view_focus_cell:
 * @self: a #NbCompareView
 * @side: 0 for the older year, 1 for the newer
 * @cell: a cell index
 *
 * Returns: whether the cell took the focus
 */
gboolean
nb_compare_view_focus_cell (NbCompareView *self,
                            int            side,
                            guint          cell)
{
  NbCellEntry *entry = nb_compare_view_get_entry (self, side, cell);

  if (entry == NULL)
    return FALSE;
  nb_scroll_into_view (self->scroller, GTK_WIDGET (entry));
  if (!gtk_widget_grab_focus (GTK_WIDGET (entry)))
    return FALSE;
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
  return TRUE;
}

void
nb_compare_view_set_show_delta (NbCompareView *self,
                                gboolean       show)
{
  g_return_if_fail (NB_IS_COMPARE_VIEW (self));

  show = !!show;
  if (self->show_delta == show)
    return;
  self->show_delta = show;
  if (show)
    ensure_delta_grids (self);
  for (guint t = 0; t < self->delta_slots->len; t++)
    gtk_widget_set_visible (g_ptr_array_index (self->delta_slots, t), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DELTA]);
}

gboolean
nb_compare_view_get_show_delta (NbCompareView *self)
{
  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), FALSE);

  return self->show_delta;
}

/**
 * nb_compare_view_get_headline_change:
 * @self: a #NbCompareView
 * @headline: a headline index
 *
 * Returns: (transfer none): the label with the headline's change
 */
GtkLabel *
nb_compare_view_get_headline_change (NbCompareView *self,
                                     guint          headline)
{
  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (3 * headline + 2 < self->headline_labels->len, NULL);

  return g_ptr_array_index (self->headline_labels, 3 * headline + 2);
}

/**
 * nb_compare_view_get_similarity:
 * @self: a #NbCompareView
 *
 * Returns: (transfer none): the label with the share of text the newer
 *   year has in common with the older
 */
GtkLabel *
nb_compare_view_get_similarity (NbCompareView *self)
{
  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), NULL);

  return self->similarity_label;
}

/**
 * nb_compare_view_get_marked_paragraphs:
 * @self: a #NbCompareView
 * @side: 0 for the older year, 1 for the newer
 * @section_id: a narrative section
 *
 * Returns: how many of that year's paragraphs the other year lacks
 */
guint
nb_compare_view_get_marked_paragraphs (NbCompareView *self,
                                       int            side,
                                       const char    *section_id)
{
  int section;
  NbNarrativeView *view;

  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), 0);

  section = nb_template_lookup_section (nb_report_get_template (side_report (self, side)), section_id);
  view = section < 0 ? NULL : g_hash_table_lookup (self->narratives[side], GINT_TO_POINTER (section));
  return view ? nb_narrative_view_get_n_marked (view) : 0;
}
