/* nb-source-grid.c — a web page's or document's paragraphs and tables as
 * they were read, merged cells merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-source-grid"

#include "config.h"

#include "nb-source-grid.h"

/* Each paragraph is a label and each table a grid of labels, one per
 * cell, spanning the rows and columns the cell covered; labels are what a
 * screen reader reads. A number is a range of its piece's label, marked
 * with Pango attributes: the same fills and lines as the text view. */

#define CELL_WIDTH 10   /* characters */

struct _NbSourceGrid
{
  GtkBox       parent_instance;

  NbSource    *source;      /* not owned */
  GPtrArray   *labels;      /* GtkLabel by piece id, or NULL */
  GArray      *bases;       /* gsize: where the piece starts in its label */
  GPtrArray   *marked;      /* GtkLabel with attributes */
  const NbSourceNumber *numbers;
  GArray      *marks;       /* NbSourceMark */
  guint        scroll_id;
  int          scroll_piece;
  int          scroll_index;
};

G_DEFINE_FINAL_TYPE (NbSourceGrid, nb_source_grid, GTK_TYPE_BOX)

enum {
  NUMBER_ACTIVATED,
  NUMBER_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
note_piece (NbSourceGrid *self,
            guint         piece,
            GtkWidget    *label,
            gsize         base)
{
  if (piece >= self->labels->len)
    {
      g_ptr_array_set_size (self->labels, piece + 1);
      g_array_set_size (self->bases, piece + 1);
    }
  g_ptr_array_index (self->labels, piece) = label;
  g_array_index (self->bases, gsize, piece) = base;
}

static GtkWidget *
new_label (const char *text,
           gssize      length)
{
  g_autofree char *copy = g_strndup (text, length < 0 ? strlen (text) : (gsize) length);
  GtkWidget *label = gtk_label_new (copy);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
add_paragraph (NbSourceGrid        *self,
               const NbSourceBlock *block)
{
  for (guint l = block->first_line; l < block->first_line + block->n_lines; l++)
    {
      const NbSourceLine *line = nb_source_get_line (self->source, l);
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *label;

      for (guint i = 0; i < line->n_pieces; i++)
        {
          const NbSourcePiece *piece = nb_source_get_piece (self->source, line->first_piece + i);

          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append_len (text, nb_source_get_text (self->source, piece), piece->length);
        }
      label = new_label (text->str, text->len);
      gtk_widget_add_css_class (label, "nb-source-paragraph");
      gtk_box_append (GTK_BOX (self), label);
      for (gsize i = 0, base = 0; i < line->n_pieces; i++)
        {
          const NbSourcePiece *piece = nb_source_get_piece (self->source, line->first_piece + i);

          note_piece (self, piece->id, label, base);
          base += piece->length + 1;
        }
    }
}

/* The cells of a table: each where its slots start, as wide and tall as
 * the slots it covers. */
static void
add_table (NbSourceGrid        *self,
           const NbSourceBlock *block)
{
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);

  gtk_widget_add_css_class (grid, "nb-source-table");
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  for (guint r = 0; r < block->n_rows; r++)
    for (guint c = 0; c < block->n_columns; c++)
      {
        guint slot = block->grid[(gsize) r * block->n_columns + c];
        const NbSourcePiece *piece;
        guint width = 1, height = 1;
        GtkWidget *label;

        if (slot == 0 || g_hash_table_contains (placed, GUINT_TO_POINTER (slot)) ||
            (piece = nb_source_find_piece (self->source, slot - 1)) == NULL)
          continue;
        g_hash_table_add (placed, GUINT_TO_POINTER (slot));
        while (c + width < block->n_columns &&
               block->grid[(gsize) r * block->n_columns + c + width] == slot)
          width++;
        while (r + height < block->n_rows &&
               block->grid[(gsize) (r + height) * block->n_columns + c] == slot)
          height++;
        label = new_label (nb_source_get_text (self->source, piece), piece->length);
        /* a cell wraps at some ten characters, not at each one */
        gtk_label_set_width_chars (GTK_LABEL (label),
                                   MIN (g_utf8_strlen (nb_source_get_text (self->source, piece),
                                                       piece->length), CELL_WIDTH));
        gtk_label_set_max_width_chars (GTK_LABEL (label), CELL_WIDTH * 2);
        gtk_widget_add_css_class (label, "nb-source-cell");
        gtk_grid_attach (GTK_GRID (grid), label, c, r, width, height);
        note_piece (self, piece->id, label, 0);
      }
  gtk_box_append (GTK_BOX (self), grid);
}

/* Marks */

static const NbSourceMark *
mark_at (NbSourceGrid *self,
         GtkWidget    *label,
         int           index)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const NbSourceMark *mark = &g_array_index (self->marks, NbSourceMark, i);
      const NbSourceNumber *number = &self->numbers[mark->number];
      gsize start;

      if (number->line >= self->labels->len || g_ptr_array_index (self->labels, number->line) != label)
        continue;
      start = g_array_index (self->bases, gsize, number->line) + number->offset;
      if ((gsize) index >= start && (gsize) index < start + number->length)
        return mark;
    }
  return NULL;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            NbSourceGrid    *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  GtkWidget *label = picked != NULL && GTK_IS_LABEL (picked) ? picked :
                     picked != NULL ? gtk_widget_get_ancestor (picked, GTK_TYPE_LABEL) : NULL;
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  graphene_point_t at;
  int lx, ly, index, trailing;
  const NbSourceMark *mark;

  if (label == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self), label, &GRAPHENE_POINT_INIT (x, y), &at))
    return;
  gtk_label_get_layout_offsets (GTK_LABEL (label), &lx, &ly);
  if (!pango_layout_xy_to_index (gtk_label_get_layout (GTK_LABEL (label)),
                                 (at.x - lx) * PANGO_SCALE, (at.y - ly) * PANGO_SCALE,
                                 &index, &trailing) ||
      (mark = mark_at (self, label, index)) == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (button == GDK_BUTTON_SECONDARY || mark->kind == NB_SOURCE_NUMBER_UNUSED)
    g_signal_emit (self, signals[NUMBER_MENU], 0, mark->number, x, y);
  else
    g_signal_emit (self, signals[NUMBER_ACTIVATED], 0, mark->number);
}

static void
add_mark_attributes (PangoAttrList      *list,
                     const NbSourceMark *mark,
                     guint               start,
                     guint               end)
{
  GdkRGBA fill, stroke;
  PangoAttribute *attributes[4];
  guint n = 0;

  nb_source_mark_color (mark->kind, mark->selected, &fill, &stroke);
  attributes[n++] = pango_attr_background_new (fill.red * 65535, fill.green * 65535, fill.blue * 65535);
  attributes[n++] = pango_attr_background_alpha_new (fill.alpha * 65535);
  /* told apart by the line under them too, not by colour alone */
  attributes[n++] = pango_attr_underline_new (mark->kind == NB_SOURCE_NUMBER_UNUSED ? PANGO_UNDERLINE_ERROR :
                                              mark->kind == NB_SOURCE_NUMBER_CHANGED ? PANGO_UNDERLINE_DOUBLE :
                                              PANGO_UNDERLINE_SINGLE);
  attributes[n++] = pango_attr_underline_color_new (stroke.red * 65535, stroke.green * 65535,
                                                    stroke.blue * 65535);
  for (guint i = 0; i < n; i++)
    {
      attributes[i]->start_index = start;
      attributes[i]->end_index = end;
      pango_attr_list_change (list, attributes[i]);
    }
  if (mark->selected)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = start;
      bold->end_index = end;
      pango_attr_list_change (list, bold);
    }
}

void
nb_source_grid_set_marks (NbSourceGrid         *self,
                          const NbSourceNumber *numbers,
                          const NbSourceMark   *marks,
                          guint                 n_marks)
{
  g_autoptr(GHashTable) lists = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) pango_attr_list_unref);
  GHashTableIter iter;
  gpointer label, list;

  for (guint i = 0; i < self->marked->len; i++)
    gtk_label_set_attributes (g_ptr_array_index (self->marked, i), NULL);
  g_ptr_array_set_size (self->marked, 0);
  self->numbers = numbers;
  g_array_set_size (self->marks, 0);
  g_array_append_vals (self->marks, marks, n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      const NbSourceNumber *number = &numbers[marks[i].number];
      GtkWidget *owner;
      gsize start;

      if (number->line >= self->labels->len ||
          (owner = g_ptr_array_index (self->labels, number->line)) == NULL)
        continue;
      if ((list = g_hash_table_lookup (lists, owner)) == NULL)
        g_hash_table_insert (lists, owner, list = pango_attr_list_new ());
      start = g_array_index (self->bases, gsize, number->line) + number->offset;
      add_mark_attributes (list, &marks[i], start, start + number->length);
    }
  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &label, &list))
    {
      gtk_label_set_attributes (label, list);
      g_ptr_array_add (self->marked, label);
    }
}

/* Scrolling */

static gboolean
scroll_idle_cb (gpointer data)
{
  NbSourceGrid *self = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *label;
  graphene_point_t at;
  GtkAdjustment *adjustment;

  self->scroll_id = 0;
  if (scrolled == NULL || self->scroll_piece < 0 || (guint) self->scroll_piece >= self->labels->len ||
      (label = g_ptr_array_index (self->labels, self->scroll_piece)) == NULL ||
      !gtk_widget_compute_point (label, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &at))
    return G_SOURCE_REMOVE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, at.y - gtk_adjustment_get_page_size (adjustment) / 3);
  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (at.x + gtk_widget_get_width (label) > gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) ||
      at.x < gtk_adjustment_get_value (adjustment))
    gtk_adjustment_set_value (adjustment, at.x - 24);
  return G_SOURCE_REMOVE;
}

/**
 * nb_source_grid_scroll_to:
 * @self: a grid view
 * @number: (nullable): a number to show
 * @line: else the piece to show
 *
 * Scrolls once the grid is laid out.
 */
void
nb_source_grid_scroll_to (NbSourceGrid         *self,
                          const NbSourceNumber *number,
                          guint                 line)
{
  self->scroll_piece = number != NULL ? (int) number->line : (int) line;
  if (self->scroll_id == 0)
    self->scroll_id = g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, self, NULL);
}

/**
 * nb_source_grid_get_number_area:
 * @self: a grid view
 * @number: a number
 * @area: (out): where it is drawn, in the grid's coordinates
 *
 * Returns: whether the number is shown
 */
gboolean
nb_source_grid_get_number_area (NbSourceGrid         *self,
                                const NbSourceNumber *number,
                                graphene_rect_t      *area)
{
  GtkLabel *label = nb_source_grid_get_label (self, number->line);
  PangoRectangle first, last;
  graphene_point_t at;
  int lx, ly;
  gsize start;

  if (label == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (label), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &at))
    return FALSE;
  start = g_array_index (self->bases, gsize, number->line) + number->offset;
  pango_layout_index_to_pos (gtk_label_get_layout (label), start, &first);
  pango_layout_index_to_pos (gtk_label_get_layout (label), start + number->length - 1, &last);
  gtk_label_get_layout_offsets (label, &lx, &ly);
  graphene_rect_init (area, at.x + lx + first.x / PANGO_SCALE, at.y + ly + first.y / PANGO_SCALE,
                      (last.x + last.width - first.x) / PANGO_SCALE,
                      MAX (first.height, last.y + last.height - first.y) / PANGO_SCALE);
  return TRUE;
}

/* Returns: (nullable): the label that shows the piece @piece */
GtkLabel *
nb_source_grid_get_label (NbSourceGrid *self,
                          guint         piece)
{
  if (piece >= self->labels->len)
    return NULL;
  return g_ptr_array_index (self->labels, piece);
}

/**
 * nb_source_grid_set_source:
 * @self: a grid view
 * @source: (nullable): the source, which must outlive its showing here
 */
void
nb_source_grid_set_source (NbSourceGrid *self,
                           NbSource     *source)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->bases, 0);
  g_ptr_array_set_size (self->marked, 0);
  g_array_set_size (self->marks, 0);
  self->source = source;
  if (source == NULL)
    return;
  for (guint b = 0; b < nb_source_get_n_blocks (source); b++)
    {
      const NbSourceBlock *block = nb_source_get_block (source, b);

      if (block->kind == NB_SOURCE_BLOCK_TABLE && block->grid != NULL)
        add_table (self, block);
      else
        add_paragraph (self, block);
    }
}

static void
nb_source_grid_dispose (GObject *object)
{
  NbSourceGrid *self = (NbSourceGrid *) object;

  g_clear_handle_id (&self->scroll_id, g_source_remove);

  G_OBJECT_CLASS (nb_source_grid_parent_class)->dispose (object);
}

static void
nb_source_grid_finalize (GObject *object)
{
  NbSourceGrid *self = (NbSourceGrid *) object;

  g_ptr_array_unref (self->labels);
  g_array_unref (self->bases);
  g_ptr_array_unref (self->marked);
  g_array_unref (self->marks);

  G_OBJECT_CLASS (nb_source_grid_parent_class)->finalize (object);
}

static void
nb_source_grid_class_init (NbSourceGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nb_source_grid_dispose;
  object_class->finalize = nb_source_grid_finalize;

  signals[NUMBER_ACTIVATED] =
    g_signal_new ("number-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[NUMBER_MENU] =
    g_signal_new ("number-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
}

static void
nb_source_grid_init (NbSourceGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->labels = g_ptr_array_new ();
  self->bases = g_array_new (FALSE, TRUE, sizeof (gsize));
  self->marked = g_ptr_array_new ();
  self->marks = g_array_new (FALSE, FALSE, sizeof (NbSourceMark));
  self->scroll_piece = -1;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "nb-source-grid");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
nb_source_grid_new (void)
{
  return g_object_new (NB_TYPE_SOURCE_GRID, NULL);
}
