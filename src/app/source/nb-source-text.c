/* nb-source-text.c — a source as text: a text file's lines with their
 * numbers, a web page's or document's paragraphs and table rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-source-text"

#include "config.h"

#include "nb-source-text.h"

/* A read-only text view, so a screen reader reads the source line by line
 * as any text. A text file shows its line numbers in a gutter-like column
 * (the numbers the problems name); the cells of a table row are set apart
 * by a rule. Each piece's start in the buffer is kept by its id, so a
 * number (piece id, byte offset) becomes a range of the buffer. */

#define RULE " \xe2\x94\x82 "   /* " │ " between the cells of a row */

struct _NbSourceText
{
  GtkTextView  parent_instance;

  NbSource    *source;       /* not owned */
  GArray      *piece_starts; /* int: char offset in the buffer, by piece id */
  const NbSourceNumber *numbers;
  GArray      *marks;        /* NbSourceMark */
  GtkTextTag  *tags[3];      /* by NbSourceNumberKind */
  GtkTextTag  *selected;
};

G_DEFINE_FINAL_TYPE (NbSourceText, nb_source_text, GTK_TYPE_TEXT_VIEW)

enum {
  NUMBER_ACTIVATED,
  NUMBER_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
number_range (NbSourceText         *self,
              const NbSourceNumber *number,
              GtkTextIter          *start,
              GtkTextIter          *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const NbSourcePiece *piece;
  const char *text;
  int at;

  if (self->source == NULL || number->line >= self->piece_starts->len ||
      (piece = nb_source_find_piece (self->source, number->line)) == NULL ||
      number->offset + number->length > piece->length)
    return FALSE;
  at = g_array_index (self->piece_starts, int, number->line);
  if (at < 0)
    return FALSE;
  text = nb_source_get_text (self->source, piece);
  gtk_text_buffer_get_iter_at_offset (buffer, start,
                                      at + g_utf8_strlen (text, number->offset));
  *end = *start;
  gtk_text_iter_forward_chars (end, g_utf8_strlen (text + number->offset, number->length));
  return TRUE;
}

static const NbSourceMark *
mark_at (NbSourceText *self,
         int           offset)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const NbSourceMark *mark = &g_array_index (self->marks, NbSourceMark, i);
      GtkTextIter start, end;

      if (number_range (self, &self->numbers[mark->number], &start, &end) &&
          offset >= gtk_text_iter_get_offset (&start) && offset < gtk_text_iter_get_offset (&end))
        return mark;
    }
  return NULL;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            NbSourceText    *self)
{
  GtkTextIter iter;
  int bx, by;
  const NbSourceMark *mark;
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return;
  mark = mark_at (self, gtk_text_iter_get_offset (&iter));
  if (mark == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (button == GDK_BUTTON_SECONDARY || mark->kind == NB_SOURCE_NUMBER_UNUSED)
    g_signal_emit (self, signals[NUMBER_MENU], 0, mark->number, x, y);
  else
    g_signal_emit (self, signals[NUMBER_ACTIVATED], 0, mark->number);
}

/* From the keyboard: Enter on a number goes to its cell, the menu key
 * (or Shift+F10) offers the rows for a number left over. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                NbSourceText          *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gboolean menu = keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK));
  GtkTextIter cursor;
  GdkRectangle where;
  const NbSourceMark *mark;

  if (!menu && keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if ((mark = mark_at (self, gtk_text_iter_get_offset (&cursor))) == NULL)
    return FALSE;
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &cursor, &where);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         where.x, where.y + where.height, &where.x, &where.y);
  if (menu || mark->kind == NB_SOURCE_NUMBER_UNUSED)
    g_signal_emit (self, signals[NUMBER_MENU], 0, mark->number, (double) where.x, (double) where.y);
  else
    g_signal_emit (self, signals[NUMBER_ACTIVATED], 0, mark->number);
  return TRUE;
}

static GtkTextTag *
mark_tag (GtkTextBuffer *buffer,
          const char    *name,
          guint8         kind,
          gboolean       selected)
{
  GdkRGBA fill, stroke;

  nb_source_mark_color (kind, selected, &fill, &stroke);
  if (selected)
    return gtk_text_buffer_create_tag (buffer, name, "background-rgba", &fill,
                                       "weight", PANGO_WEIGHT_BOLD, NULL);
  /* told apart by the line under them too, not by colour alone */
  return gtk_text_buffer_create_tag (buffer, name, "background-rgba", &fill,
                                     "underline",
                                     kind == NB_SOURCE_NUMBER_UNUSED ? PANGO_UNDERLINE_ERROR :
                                     kind == NB_SOURCE_NUMBER_CHANGED ? PANGO_UNDERLINE_DOUBLE :
                                     PANGO_UNDERLINE_SINGLE,
                                     "underline-rgba", &stroke, NULL);
}

static void
nb_source_text_finalize (GObject *object)
{
  NbSourceText *self = (NbSourceText *) object;

  g_array_unref (self->piece_starts);
  g_array_unref (self->marks);

  G_OBJECT_CLASS (nb_source_text_parent_class)->finalize (object);
}

static void
nb_source_text_class_init (NbSourceTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_source_text_finalize;

  signals[NUMBER_ACTIVATED] =
    g_signal_new ("number-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[NUMBER_MENU] =
    g_signal_new ("number-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
}

static void
nb_source_text_init (NbSourceText *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key;

  self->piece_starts = g_array_new (FALSE, FALSE, sizeof (int));
  self->marks = g_array_new (FALSE, FALSE, sizeof (NbSourceMark));
  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_monospace (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 8);
  gtk_text_view_set_top_margin (view, 8);
  gtk_text_view_set_bottom_margin (view, 8);
  gtk_text_buffer_create_tag (buffer, "line-number", "foreground", "#888888", NULL);
  gtk_text_buffer_create_tag (buffer, "rule", "foreground", "#888888", NULL);
  self->tags[NB_SOURCE_NUMBER_USED] = mark_tag (buffer, "used", NB_SOURCE_NUMBER_USED, FALSE);
  self->tags[NB_SOURCE_NUMBER_UNUSED] = mark_tag (buffer, "unused", NB_SOURCE_NUMBER_UNUSED, FALSE);
  self->tags[NB_SOURCE_NUMBER_CHANGED] = mark_tag (buffer, "changed", NB_SOURCE_NUMBER_CHANGED, FALSE);
  self->selected = mark_tag (buffer, "selected", NB_SOURCE_NUMBER_USED, TRUE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "nb-source-text");
}

GtkWidget *
nb_source_text_new (void)
{
  return g_object_new (NB_TYPE_SOURCE_TEXT, NULL);
}

/* Appends one line to @text, which holds @n_chars characters so far,
 * noting where its pieces start and, in @numbers, where its number is. */
static void
append_line (NbSourceText       *self,
             GString            *text,
             gsize              *n_chars,
             GArray             *numbers,
             const NbSourceLine *line,
             guint               width)
{
  if (width > 0)
    {
      const NbSourcePiece *piece = nb_source_get_piece (self->source, line->first_piece);
      int start = *n_chars;

      g_string_append_printf (text, "%*u  ", width, piece->id);
      *n_chars += width + 2;
      g_array_append_val (numbers, start);
    }
  for (guint i = 0; i < line->n_pieces; i++)
    {
      const NbSourcePiece *piece = nb_source_get_piece (self->source, line->first_piece + i);
      const char *piece_text = nb_source_get_text (self->source, piece);

      if (i > 0)
        {
          g_string_append (text, RULE);
          *n_chars += g_utf8_strlen (RULE, -1);
        }
      if (piece->id >= self->piece_starts->len)
        {
          guint from = self->piece_starts->len;

          g_array_set_size (self->piece_starts, piece->id + 1);
          for (guint p = from; p < piece->id; p++)
            g_array_index (self->piece_starts, int, p) = -1;
        }
      g_array_index (self->piece_starts, int, piece->id) = *n_chars;
      g_string_append_len (text, piece_text, piece->length);
      *n_chars += g_utf8_strlen (piece_text, piece->length);
    }
  g_string_append_c (text, '\n');
  (*n_chars)++;
}

/**
 * nb_source_text_set_source:
 * @self: a source text view
 * @source: (nullable): the source, which must outlive its showing here
 * @line_numbers: whether to show each line's number (a text file)
 */
void
nb_source_text_set_source (NbSourceText *self,
                           NbSource     *source,
                           gboolean      line_numbers)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  gsize n_chars = 0;
  guint n_lines;
  guint width;

  self->source = source;
  g_array_set_size (self->piece_starts, 0);
  g_array_set_size (self->marks, 0);
  gtk_text_buffer_set_text (buffer, "", 0);
  if (source == NULL)
    return;
  n_lines = nb_source_get_n_lines (source);
  width = 0;
  for (guint n = MAX (n_lines, 1); line_numbers && n > 0; n /= 10)
    width++;
  /* one insertion: a long file is not inserted line by line */
  for (guint l = 0; l < n_lines; l++)
    append_line (self, text, &n_chars, numbers, nb_source_get_line (source, l), width);
  gtk_text_buffer_set_text (buffer, text->str, text->len);
  for (guint i = 0; i < numbers->len; i++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_array_index (numbers, int, i));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (numbers, int, i) + width);
      gtk_text_buffer_apply_tag_by_name (buffer, "line-number", &start, &end);
    }
}

/**
 * nb_source_text_set_marks:
 * @self: a source text view
 * @numbers: the report's source numbers, which must outlive the marks
 * @marks: (array length=n_marks): how to show them
 * @n_marks: their number
 */
void
nb_source_text_set_marks (NbSourceText         *self,
                          const NbSourceNumber *numbers,
                          const NbSourceMark   *marks,
                          guint                 n_marks)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint k = 0; k < G_N_ELEMENTS (self->tags); k++)
    gtk_text_buffer_remove_tag (buffer, self->tags[k], &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->selected, &start, &end);
  self->numbers = numbers;
  g_array_set_size (self->marks, 0);
  g_array_append_vals (self->marks, marks, n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      if (!number_range (self, &numbers[marks[i].number], &start, &end))
        continue;
      gtk_text_buffer_apply_tag (buffer, self->tags[MIN (marks[i].kind, 2)], &start, &end);
      if (marks[i].selected)
        gtk_text_buffer_apply_tag (buffer, self->selected, &start, &end);
    }
}

/**
 * nb_source_text_get_number_area:
 * @self: a source text view
 * @number: a source number
 * @area: (out): where it is drawn, in the view's widget coordinates
 *
 * Returns: whether the number is in the text
 */
gboolean
nb_source_text_get_number_area (NbSourceText         *self,
                                const NbSourceNumber *number,
                                GdkRectangle         *area)
{
  GtkTextIter start, end;
  GdkRectangle first, last;

  if (!number_range (self, number, &start, &end))
    return FALSE;
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &start, &first);
  gtk_text_iter_backward_char (&end);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &end, &last);
  gdk_rectangle_union (&first, &last, area);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         area->x, area->y, &area->x, &area->y);
  return TRUE;
}

/**
 * nb_source_text_scroll_to:
 * @self: a source text view
 * @number: (nullable): a source number to show
 * @line: else the piece id to show
 */
void
nb_source_text_scroll_to (NbSourceText         *self,
                          const NbSourceNumber *number,
                          guint                 line)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  GtkTextMark *mark;

  if (number == NULL || !number_range (self, number, &start, &end))
    {
      if (line >= self->piece_starts->len || g_array_index (self->piece_starts, int, line) < 0)
        return;
      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          g_array_index (self->piece_starts, int, line));
    }
  /* a mark: the iter would be stale once the view is laid out */
  mark = gtk_text_buffer_get_mark (buffer, "nb-target");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "nb-target", &start, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &start);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.1, TRUE, 0.0, 0.3);
}
