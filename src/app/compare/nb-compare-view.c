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

#include "nb-build-watch.h"
#include "nb-cell-marks.h"
#include "nb-narrative-view.h"
#include "nb-scroll.h"
#include "nb-table-grid.h"

/* Both years in one scrolling column of sections. A table is one grid
 * whose every cell shows the newer year's value, the older year's
 * beneath it and the change, so that a table fits the width of one; a
 * narrative section is a row of [older | newer]. Each year's values are
 * edited like the report's own form and show its own problems plus those
 * between the years; cells that differ are marked. The sections and
 * grids are the newer report's form: when the older report is on
 * another, a note under a table says what of it is compared how. */

#define N_SIDES 2

struct _NbCompareView
{
  AdwBin        parent_instance;

  NbComparison *comparison;
  NbDocument   *documents[N_SIDES];
  GPtrArray    *grids;                 /* NbTableGrid of both years, by table */
  GHashTable   *narratives[N_SIDES];   /* section → NbNarrativeView */
  NbCellMarks  *marks[N_SIDES];
  GPtrArray    *headline_labels;       /* GtkLabel × 3 per headline */
  GtkLabel          *similarity_label;  /* how much text is last year's */
  gboolean      show_delta;
  gulong        focus_handler;
  guint         n_built;               /* sections of the newer form built */
  NbBuildWatch *watch;                 /* until all are built */

  GtkScrolledWindow *scroller;
  GtkBox            *content;
  GtkGrid           *summary;
};

G_DEFINE_FINAL_TYPE (NbCompareView, nb_compare_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_DELTA,
  PROP_COMPLETE,
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

/* The entry of a cell among the grids built so far, or NULL */
static NbCellEntry *
built_entry (NbCompareView *self,
             int            side,
             guint          cell)
{
  for (guint t = 0; t < self->grids->len; t++)
    {
      NbTableGrid *grid = g_ptr_array_index (self->grids, t);
      NbCellEntry *entry = side == 0 ? nb_table_grid_get_older_entry (grid, cell) : nb_table_grid_get_entry (grid, cell);

      if (entry != NULL)
        return entry;
    }
  return NULL;
}

/* for the marks, which show the problems of the cells built so far and
 * are shown again as more are */
static NbCellEntry *
lookup_older (gpointer data,
              guint    cell)
{
  return built_entry (data, 0, cell);
}

static NbCellEntry *
lookup_newer (gpointer data,
              guint    cell)
{
  return built_entry (data, 1, cell);
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

/* Two forms: which, and what is compared how, under the figures. */
static void
add_notes (NbCompareView *self,
           guint          row)
{
  g_auto(GStrv) notes = nb_comparison_dup_notes (self->comparison);

  for (guint i = 0; notes[i] != NULL; i++)
    {
      GtkWidget *label = summary_label (notes[i], "nb-form-note", 0);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
      gtk_widget_set_margin_top (label, i == 0 ? 12 : 3);
      gtk_grid_attach (self->summary, label, 0, row + i, 4, 1);
    }
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
  add_notes (self, n_headlines + 2);
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
  GtkWidget *save = gtk_button_new_with_label (_("Save"));

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

/* The index in @side's form of the newer form's section @section. */
static int
side_section (NbCompareView *self,
              int            side,
              guint          section)
{
  NbTemplate *newer = nb_report_get_template (side_report (self, 1));

  if (side == 1)
    return section;
  return nb_template_lookup_section (nb_report_get_template (side_report (self, 0)),
                                     nb_template_get_section_id (newer, section));
}

static GtkWidget *
add_narratives (NbCompareView *self,
                guint          section)
{
  GtkWidget *frames[N_SIDES];

  for (int side = 0; side < N_SIDES; side++)
    {
      int index = side_section (self, side, section);
      GtkWidget *view;

      /* a section the other form lacks is shown empty on its side */
      if (index < 0)
        {
          frames[side] = gtk_label_new (NULL);
          continue;
        }
      view = nb_narrative_view_new (side_report (self, side), index);

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
add_table (NbCompareView     *self,
           NbTemplateSection *section)
{
  GtkWidget *grid = nb_table_grid_new_compare (self->comparison, section->table);

  nb_table_grid_set_show_delta (NB_TABLE_GRID (grid), self->show_delta);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  g_ptr_array_add (self->grids, grid);
  return grid;
}

/* @section is the newer form's. */
static void
mark_narrative_changes (NbCompareView *self,
                        guint          section)
{
  const char *id = nb_template_get_section_id (nb_report_get_template (side_report (self, 1)), section);

  for (int side = 0; side < N_SIDES; side++)
    {
      NbNarrativeView *view = g_hash_table_lookup (self->narratives[side], GUINT_TO_POINTER (section));

      if (view != NULL)
        nb_narrative_view_mark_changes (view, nb_report_get_section_text (side_report (self, !side), id));
    }
}

static GtkWidget *
table_note (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 100);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "nb-table-note");
  return label;
}

/* Under a table of two forms: the older rows compared with a sum of
 * newer rows, and those the newer form has no place for. */
static void
add_table_notes (NbCompareView *self,
                 guint          table)
{
  NbTemplate *newer_form = nb_report_get_template (side_report (self, 1));
  NbTemplate *older_form = nb_report_get_template (side_report (self, 0));
  NbTemplateTable *newer = g_ptr_array_index (nb_template_get_tables (newer_form), table);
  NbTemplateTable *older = nb_template_lookup_table (older_form, newer->id);
  g_autofree char *older_year = year_heading (side_report (self, 0));
  g_autoptr(GPtrArray) missing = g_ptr_array_new_null_terminated (0, NULL, TRUE);

  if (g_str_equal (nb_template_get_id (older_form), nb_template_get_id (newer_form)) || older == NULL)
    return;
  for (guint r = 0; r < older->rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (older->rows, r);
      guint n_rows = 0, n_unmatched = 0;
      g_autofree char *text = NULL;

      for (guint c = 0; c < row->n_columns; c++)
        {
          guint n;

          nb_comparison_get_newer_cells (self->comparison, row->first_cell + c, &n);
          n_rows = MAX (n_rows, n);
          n_unmatched += n == 0;
        }
      if (n_unmatched > 0)
        g_ptr_array_add (missing, row->label);
      if (n_rows < 2)
        continue;
      /* Translators: "Σ: 2020's “（六）其他处理” is one row on the 2019 form;
       * its value is shown on the first of the 3 rows it stands for, and
       * the change is that of their sum." */
      text = g_strdup_printf (_("Σ: %s’s “%s” is one row on the %s form; its value is shown on the first of "
                                "the %u rows it stands for, and the change is that of their sum."),
                              older_year, row->label, nb_template_get_id (older_form), n_rows);
      gtk_box_append (self->content, table_note (text));
    }
  if (missing->len > 0)
    {
      g_autofree char *rows = g_strjoinv ("、", (char **) missing->pdata);
      /* Translators: "Not shown, as the 2021 form lacks them: cells of 2020’s rows 规章、…" */
      g_autofree char *text = g_strdup_printf (_("Not shown, as the %s form lacks them: cells of %s’s rows %s."),
                                               nb_template_get_id (newer_form), older_year, rows);

      gtk_box_append (self->content, table_note (text));
    }
}

/* @cell is the older form's; the newer report may hold it in another
 * cell, or as the sum of several, or not at all. */
static void
mark_cell (NbCompareView *self,
           guint          cell)
{
  for (guint t = 0; t < self->grids->len; t++)
    nb_table_grid_update_delta (g_ptr_array_index (self->grids, t), cell);
}

/* Which value of a cell is which, once, above the tables */
static GtkWidget *
legend (NbCompareView *self)
{
  g_autofree char *older = year_heading (side_report (self, 0));
  g_autofree char *newer = year_heading (side_report (self, 1));
  /* Translators: the legend of the comparison's tables; %s are years */
  g_autofree char *text = g_strdup_printf (_("Each cell shows %s on top, %s beneath it and the change at the "
                                             "bottom; cells that differ are marked."), newer, older);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Builds the sections from the next one not built up to @end, on the
 * newer report's form. */
static void
build_sections (NbCompareView *self,
                guint          end)
{
  GPtrArray *sections = nb_template_get_sections (nb_report_get_template (side_report (self, 1)));
  guint first_grid = self->grids->len;

  end = MIN (end, sections->len);
  if (self->n_built >= end)
    return;
  for (; self->n_built < end; self->n_built++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, self->n_built);

      gtk_box_append (self->content, section_heading (section->heading));
      if (section->table < 0)
        {
          gtk_box_append (self->content, add_narratives (self, self->n_built));
          mark_narrative_changes (self, self->n_built);
        }
      else
        {
          gtk_box_append (self->content, add_table (self, section));
          add_table_notes (self, section->table);
        }
    }

  for (guint t = first_grid; t < self->grids->len; t++)
    for (guint c = 0; c < nb_template_get_n_cells (nb_report_get_template (side_report (self, 0))); c++)
      nb_table_grid_update_delta (g_ptr_array_index (self->grids, t), c);
  /* the new cells take the problems already found */
  for (int side = 0; side < N_SIDES; side++)
    if (self->marks[side] != NULL)
      nb_cell_marks_reshow (self->marks[side]);
}

static gboolean
is_complete (NbCompareView *self)
{
  return self->n_built >= nb_template_get_sections (nb_report_get_template (side_report (self, 1)))->len;
}

static void
stop_building (NbCompareView *self)
{
  g_clear_pointer (&self->watch, nb_build_watch_free);
}

/* Everything a caller can ask for by cell or section is there after
 * this. */
static void
finish_build (NbCompareView *self)
{
  if (is_complete (self))
    return;
  build_sections (self, G_MAXUINT);
  stop_building (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
finish_build_cb (gpointer data)
{
  finish_build (data);
}

/* A layout that leaves the view short builds the rest before the frame
 * is painted. */
static void
view_short_cb (gpointer data,
               guint    n_short)
{
  finish_build (data);
}

/* Before the first frame: the summary, the years' headings and the
 * sections up to the first table, about a screen; the rest after it. */
static void
build (NbCompareView *self)
{
  build_summary (self);
  gtk_box_append (self->content, row_of (side_heading (self, 0), side_heading (self, 1), NULL));
  gtk_box_append (self->content, legend (self));
  build_sections (self, nb_template_get_first_table_section (nb_report_get_template (side_report (self, 1))) + 1);
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
                    guint          section,
                    NbReport      *report)
{
  NbTemplate *newer = nb_report_get_template (side_report (self, 1));
  int index = nb_template_lookup_section (newer, nb_template_get_section_id (nb_report_get_template (report),
                                                                            section));

  if (index >= 0)
    mark_narrative_changes (self, index);
  update_summary (self);
}

/* The older cell whose entry is on newer cell @cell's older line, or -1. */
static int
older_on_line (NbCompareView *self,
               guint          cell)
{
  int older = nb_comparison_get_compared_cell (self->comparison, cell);
  guint n;
  const guint *rows = older >= 0 ? nb_comparison_get_newer_cells (self->comparison, older, &n) : NULL;

  return rows != NULL && rows[0] == cell ? older : -1;
}

/* Moves within the year whose value has the focus, over the grid's
 * places, which are the newer form's cells: from an older entry to the
 * next older entry that way, past cells with none. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbCompareView *self = NB_COMPARE_VIEW (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *grid = focus ? gtk_widget_get_ancestor (focus, NB_TYPE_TABLE_GRID) : NULL;
  GtkWidget *entry = focus ? gtk_widget_get_ancestor (focus, NB_TYPE_CELL_ENTRY) : NULL;
  guint cell, direction, n;
  gboolean older;
  int target;

  g_variant_get (parameter, "(uu)", &cell, &direction);
  if (grid == NULL || entry == NULL)
    return;
  older = nb_table_grid_get_older_entry (NB_TABLE_GRID (grid), cell) == NB_CELL_ENTRY (entry);
  if (!older)
    {
      target = nb_table_grid_find_move (NB_TABLE_GRID (grid), cell, direction);
      if (target >= 0)
        nb_compare_view_focus_cell (self, 1, target);
      return;
    }
  target = nb_comparison_get_newer_cells (self->comparison, cell, &n)[0];
  do
    target = nb_table_grid_find_move (NB_TABLE_GRID (grid), target, direction);
  while (target >= 0 && older_on_line (self, target) < 0);
  if (target >= 0)
    nb_compare_view_focus_cell (self, 0, older_on_line (self, target));
}

/* Whatever takes the focus comes into view; the viewport's own scrolling
 * to the focus is off (see nb-report-view.c). */
static void
root_focus_cb (NbCompareView *self)
{
  GtkWidget *focus = nb_scroll_focus_within (GTK_WIDGET (self->content));

  if (focus != NULL)
    nb_scroll_into_view (self->scroller, focus);
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

  stop_building (self);
  for (int side = 0; side < N_SIDES; side++)
    {
      g_clear_pointer (&self->marks[side], nb_cell_marks_free);
      g_clear_pointer (&self->narratives[side], g_hash_table_unref);
      g_clear_object (&self->documents[side]);
    }
  g_clear_pointer (&self->grids, g_ptr_array_unref);
  g_clear_pointer (&self->headline_labels, g_ptr_array_unref);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (nb_compare_view_parent_class)->dispose (object);
}

static void
nb_compare_view_root (GtkWidget *widget)
{
  NbCompareView *self = NB_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (nb_compare_view_parent_class)->root (widget);

  self->focus_handler = g_signal_connect_swapped (gtk_widget_get_root (widget), "notify::focus-widget",
                                                  G_CALLBACK (root_focus_cb), self);
}

static void
nb_compare_view_map (GtkWidget *widget)
{
  NbCompareView *self = NB_COMPARE_VIEW (widget);

  GTK_WIDGET_CLASS (nb_compare_view_parent_class)->map (widget);

  if (is_complete (self) || self->watch != NULL)
    return;
  self->watch = nb_build_watch_new (widget, self->scroller, GTK_WIDGET (self->content),
                                    view_short_cb, finish_build_cb, self);
}

static void
nb_compare_view_unroot (GtkWidget *widget)
{
  NbCompareView *self = NB_COMPARE_VIEW (widget);

  g_clear_signal_handler (&self->focus_handler, gtk_widget_get_root (widget));
  /* the clock is the window's: a view shown again watches the new one */
  stop_building (self);

  GTK_WIDGET_CLASS (nb_compare_view_parent_class)->unroot (widget);
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
    case PROP_COMPLETE:
      g_value_set_boolean (value, is_complete (self));
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
  widget_class->root = nb_compare_view_root;
  widget_class->unroot = nb_compare_view_unroot;
  widget_class->map = nb_compare_view_map;

  properties[PROP_SHOW_DELTA] =
    g_param_spec_boolean ("show-delta", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * NbCompareView:complete:
   *
   * Whether every section is built. The first frame shows the summary
   * and the sections up to the first table; the rest is built right
   * after it, or at once when a cell or a section is asked for.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
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
    self->narratives[side] = g_hash_table_new (NULL, NULL);
  self->grids = g_ptr_array_new ();
  self->show_delta = TRUE;
  /* focus_cell scrolls, with the layout as it is */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)), FALSE);
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

  finish_build (self);
  return built_entry (self, side, cell);
}

/**
 * nb_compare_view_get_delta_label:
 * @self: a #NbCompareView
 * @cell: a cell index
 *
 * Returns: (transfer none) (nullable): the label showing the cell's
 *   difference
 */
GtkLabel *
nb_compare_view_get_delta_label (NbCompareView *self,
                                 guint          cell)
{
  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), NULL);

  finish_build (self);
  for (guint t = 0; t < self->grids->len; t++)
    {
      GtkLabel *label = nb_table_grid_get_delta_label (g_ptr_array_index (self->grids, t), cell);

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
  for (guint t = 0; t < self->grids->len; t++)
    nb_table_grid_set_show_delta (g_ptr_array_index (self->grids, t), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DELTA]);
}

gboolean
nb_compare_view_get_show_delta (NbCompareView *self)
{
  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), FALSE);

  return self->show_delta;
}

/**
 * nb_compare_view_get_complete:
 * @self: a #NbCompareView
 *
 * Returns: whether every section is built
 */
gboolean
nb_compare_view_get_complete (NbCompareView *self)
{
  g_return_val_if_fail (NB_IS_COMPARE_VIEW (self), FALSE);

  return is_complete (self);
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

  finish_build (self);
  section = nb_template_lookup_section (nb_report_get_template (side_report (self, side)), section_id);
  view = section < 0 ? NULL : g_hash_table_lookup (self->narratives[side], GINT_TO_POINTER (section));
  return view ? nb_narrative_view_get_n_marked (view) : 0;
}
