/* nb-narrative-view.c — one narrative section of a report, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-narrative-view"

#include "config.h"

#include "nb-narrative-view.h"

#include <string.h>

/* A text view that writes through to its report section as the user
 * types and follows it back (undo). In a comparison it can mark the
 * paragraphs the other year does not have. */
struct _NbNarrativeView
{
  GtkTextView  parent_instance;

  NbReport    *report;
  guint        section;
  gboolean     syncing;
  guint        n_marked;
  gboolean     allocated;      /* GtkTextView has laid its text out once */
  int          height_width;   /* the width text_height is for, 0: none */
  int          text_height;
  int          allocated_width;
  guint        remeasure_id;   /* after a change of width */
};

G_DEFINE_FINAL_TYPE (NbNarrativeView, nb_narrative_view, GTK_TYPE_TEXT_VIEW)

static const char *
section_id (NbNarrativeView *self)
{
  return nb_template_get_section_id (nb_report_get_template (self->report), self->section);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_section (NbNarrativeView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autofree char *current = buffer_text (buffer);
  const char *text = nb_report_get_section_text (self->report, section_id (self));

  if (g_strcmp0 (current, text) == 0)
    return;
  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, text, -1);
  self->syncing = FALSE;
}

static void
section_changed_cb (NbNarrativeView *self,
                    guint            section)
{
  if (section == self->section)
    show_section (self);
}

static void
buffer_changed_cb (NbNarrativeView *self,
                   GtkTextBuffer   *buffer)
{
  g_autofree char *text = NULL;

  /* the height found for the text before is not this text's */
  self->height_width = 0;
  if (self->syncing)
    return;
  text = buffer_text (buffer);
  nb_report_set_section_text (self->report, section_id (self), text);
}

static void
focus_leave_cb (NbNarrativeView *self)
{
  nb_report_seal_undo (self->report);
}

/* Longer texts are left to GtkTextView, which lays them out in steps
 * after the frame rather than all of it before: a section of a submitted
 * file can be as long as the file */
#define MAX_MEASURED_CHARS 20000

/* GtkTextView lays out the lines it shows when it is allocated and the
 * rest in an idle after the frame; until then it asks for the height of
 * what it has laid out, here the 96 pixels it is given at least. A
 * section longer than that was drawn cut short in the window's first
 * frame, and then it and every field under it moved down: a second
 * layout of the form, and a redraw of the whole window whose image was a
 * second 3.5 MiB at the peak of memory. Until it is first allocated, the
 * view asks for the height its text takes at the width it is offered,
 * found the way GtkTextView lays a paragraph out, so that it gets all of
 * it and lays it out whole at once.
 *
 * The height GtkTextView gives the text at @width once it has laid all
 * of it out: each paragraph wrapped at the width between the margins,
 * the space above and below it, and the margins above and below the
 * text. */
static int
text_height (NbNarrativeView *self,
             int              width)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  int wrap_width = width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  int height = gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
  int spacing = gtk_text_view_get_pixels_above_lines (view) + gtk_text_view_get_pixels_below_lines (view);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  const char *line;

  if (wrap_width <= 0 || gtk_text_buffer_get_char_count (buffer) > MAX_MEASURED_CHARS)
    return 0;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  line = text = buffer_text (buffer);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, wrap_width * PANGO_SCALE);
  pango_layout_set_spacing (layout, gtk_text_view_get_pixels_inside_wrap (view) * PANGO_SCALE);
  /* paragraphs end as GtkTextBuffer ends its lines: \n, \r\n, \r, U+2029 */
  for (;;)
    {
      int delimiter, next;
      PangoRectangle logical;

      pango_find_paragraph_boundary (line, -1, &delimiter, &next);
      pango_layout_set_text (layout, line, delimiter);
      pango_layout_get_extents (layout, NULL, &logical);
      height += PANGO_PIXELS (logical.height) + spacing;
      if (next == delimiter)
        break;
      line += next;
    }
  return height;
}

static void
nb_narrative_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  NbNarrativeView *self = NB_NARRATIVE_VIEW (widget);

  GTK_WIDGET_CLASS (nb_narrative_view_parent_class)->measure (widget, orientation, for_size, minimum, natural,
                                                               minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_VERTICAL || for_size < 0 || self->allocated)
    return;
  if (self->height_width != for_size)
    {
      self->height_width = for_size;
      self->text_height = text_height (self, for_size);
    }
  *minimum = MAX (*minimum, self->text_height);
  *natural = MAX (*natural, self->text_height);
}

static GtkSizeRequestMode
nb_narrative_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
remeasure_cb (gpointer data)
{
  NbNarrativeView *self = data;

  self->remeasure_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
nb_narrative_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  NbNarrativeView *self = NB_NARRATIVE_VIEW (widget);

  GTK_WIDGET_CLASS (nb_narrative_view_parent_class)->size_allocate (widget, width, height, baseline);
  /* At a new width GtkTextView lays its lines out again, but asks to
   * be measured again only when its text grows taller: a view made
   * wider kept its old height, blank under the text. Measured once
   * more after the frame, it takes the height its text now has. */
  if (self->allocated && width != self->allocated_width && self->remeasure_id == 0)
    self->remeasure_id = g_idle_add_once (remeasure_cb, self);
  self->allocated_width = width;
  self->allocated = TRUE;
}

static void
nb_narrative_view_dispose (GObject *object)
{
  NbNarrativeView *self = (NbNarrativeView *) object;

  g_clear_object (&self->report);
  g_clear_handle_id (&self->remeasure_id, g_source_remove);

  G_OBJECT_CLASS (nb_narrative_view_parent_class)->dispose (object);
}

static void
nb_narrative_view_class_init (NbNarrativeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_narrative_view_dispose;
  widget_class->get_request_mode = nb_narrative_view_get_request_mode;
  widget_class->measure = nb_narrative_view_measure;
  widget_class->size_allocate = nb_narrative_view_size_allocate;
}

static void
nb_narrative_view_init (NbNarrativeView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* undo belongs to the report, across fields */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  /* Tab goes on to the next field, as in every other field of the form;
   * a tab character has no place in the published text */
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_view_set_pixels_below_lines (view, 6);
  gtk_text_view_set_top_margin (view, 12);
  gtk_text_view_set_bottom_margin (view, 12);
  gtk_text_view_set_left_margin (view, 12);
  gtk_text_view_set_right_margin (view, 12);
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, 96);
  gtk_widget_add_css_class (GTK_WIDGET (self), "nb-narrative");
  /* translucent, so that they read in the light and the dark style */
  gtk_text_buffer_create_tag (buffer, "changed",
                              "paragraph-background-rgba", &(GdkRGBA) { 0.90, 0.65, 0.04, 0.12 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "changed-text",
                              "background-rgba", &(GdkRGBA) { 0.90, 0.65, 0.04, 0.45 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "new",
                              "paragraph-background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.18 },
                              NULL);

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/**
 * nb_narrative_view_new:
 * @report: the report
 * @section: the index of a narrative section of its template
 *
 * Returns: (transfer floating): a new #NbNarrativeView
 */
GtkWidget *
nb_narrative_view_new (NbReport *report,
                       guint     section)
{
  NbNarrativeView *self;
  GtkTextBuffer *buffer;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (nb_template_section_is_narrative (nb_report_get_template (report), section), NULL);

  self = g_object_new (NB_TYPE_NARRATIVE_VIEW, NULL);
  self->report = g_object_ref (report);
  self->section = section;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  show_section (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  nb_template_get_section_heading (nb_report_get_template (report), section),
                                  -1);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (report, "section-changed", G_CALLBACK (section_changed_cb),
                           self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/* How alike two paragraphs are, from 0 to 1: the Dice coefficient of
 * their pairs of adjacent characters, which suits Chinese text, where
 * words are not separated. */
static double
similarity (const char *a,
            const char *b)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new (NULL, NULL);
  g_autofree gunichar *x = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4_fast (b, -1, NULL);
  glong nx = 0, ny = 0;
  guint shared = 0;

  while (x[nx] != 0)
    nx++;
  while (y[ny] != 0)
    ny++;
  if (nx < 2 || ny < 2)
    return g_str_equal (a, b) ? 1.0 : 0.0;
  /* a count per pair, so that repeated pairs match as often as they occur */
  for (glong i = 0; i + 1 < nx; i++)
    {
      gpointer key = GUINT_TO_POINTER ((x[i] * 2654435761u) ^ x[i + 1]);

      g_hash_table_insert (pairs, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (pairs, key)) + 1));
    }
  for (glong i = 0; i + 1 < ny; i++)
    {
      gpointer key = GUINT_TO_POINTER ((y[i] * 2654435761u) ^ y[i + 1]);
      guint left = GPOINTER_TO_UINT (g_hash_table_lookup (pairs, key));

      if (left == 0)
        continue;
      g_hash_table_insert (pairs, key, GUINT_TO_POINTER (left - 1));
      shared++;
    }
  return 2.0 * shared / (double) (nx - 1 + ny - 1);
}

/* The other year's paragraph most like @text, or NULL below @threshold */
static const char *
best_match (GPtrArray  *theirs,
            const char *text,
            double      threshold)
{
  const char *best = NULL;
  double best_score = threshold;

  for (guint i = 0; i < theirs->len; i++)
    {
      double score = similarity (text, g_ptr_array_index (theirs, i));

      if (score >= best_score)
        {
          best = g_ptr_array_index (theirs, i);
          best_score = score;
        }
    }
  return best;
}

/* Marks, in a paragraph paired with the other year's, the part between
 * what both begin and end with: "2023" in a sentence that now says
 * "2024". */
static void
mark_difference (GtkTextBuffer     *buffer,
                 const GtkTextIter *from,
                 const char        *ours,
                 const char        *theirs)
{
  glong n = g_utf8_strlen (ours, -1), m = g_utf8_strlen (theirs, -1);
  glong head = 0, tail = 0;
  const char *p = ours, *q = theirs;
  GtkTextIter start, end;

  while (head < n && head < m && g_utf8_get_char (p) == g_utf8_get_char (q))
    {
      p = g_utf8_next_char (p);
      q = g_utf8_next_char (q);
      head++;
    }
  p = g_utf8_offset_to_pointer (ours, n);
  q = g_utf8_offset_to_pointer (theirs, m);
  while (tail < n - head && tail < m - head &&
         g_utf8_get_char (g_utf8_prev_char (p)) == g_utf8_get_char (g_utf8_prev_char (q)))
    {
      p = g_utf8_prev_char (p);
      q = g_utf8_prev_char (q);
      tail++;
    }
  if (n - head - tail <= 0)
    return;
  start = *from;
  gtk_text_iter_forward_chars (&start, head);
  end = start;
  gtk_text_iter_forward_chars (&end, n - head - tail);
  gtk_text_buffer_apply_tag_by_name (buffer, "changed-text", &start, &end);
}

static GPtrArray *
paragraphs_of (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *paragraph = g_strstrip (g_strdup (lines[i]));

      if (*paragraph != '\0')
        g_ptr_array_add (paragraphs, paragraph);
      else
        g_free (paragraph);
    }
  return paragraphs;
}

/* The paragraph's text without the spaces around it, and where it starts */
static char *
line_text (GtkTextBuffer *buffer,
           int            line,
           GtkTextIter   *from,
           GtkTextIter   *to)
{
  g_autofree char *raw = NULL;
  char *text;

  gtk_text_buffer_get_iter_at_line (buffer, from, line);
  *to = *from;
  if (!gtk_text_iter_ends_line (to))
    gtk_text_iter_forward_to_line_end (to);
  raw = gtk_text_buffer_get_text (buffer, from, to, FALSE);
  text = g_strchug (g_strdup (raw));
  gtk_text_iter_forward_chars (from, g_utf8_strlen (raw, -1) - g_utf8_strlen (text, -1));
  return g_strchomp (text);
}

/**
 * nb_narrative_view_mark_changes:
 * @self: a #NbNarrativeView
 * @other: (nullable): the same section of the other year, or %NULL to
 *   clear the marks
 *
 * Pairs each paragraph with the other year's most like it. A paragraph
 * the other year has word for word is left alone; one with a partner
 * that is much alike is tinted lightly, with the words that differ
 * marked; one with no partner is tinted as new.
 */
void
nb_narrative_view_mark_changes (NbNarrativeView *self,
                                const char      *other)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autoptr(GPtrArray) theirs = NULL;
  int n_lines;

  g_return_if_fail (NB_IS_NARRATIVE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "changed", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "changed-text", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "new", &start, &end);
  self->n_marked = 0;
  if (other == NULL)
    return;

  theirs = paragraphs_of (other);
  n_lines = gtk_text_buffer_get_line_count (buffer);
  for (int line = 0; line < n_lines; line++)
    {
      GtkTextIter from, to;
      g_autofree char *text = line_text (buffer, line, &from, &to);
      const char *partner;

      if (*text == '\0' || g_ptr_array_find_with_equal_func (theirs, text, g_str_equal, NULL))
        continue;
      partner = best_match (theirs, text, 0.5);
      if (partner != NULL)
        {
          gtk_text_buffer_apply_tag_by_name (buffer, "changed", &from, &to);
          mark_difference (buffer, &from, text, partner);
        }
      else
        gtk_text_buffer_apply_tag_by_name (buffer, "new", &from, &to);
      self->n_marked++;
    }
}

/**
 * nb_narrative_view_get_n_marked:
 * @self: a #NbNarrativeView
 *
 * Returns: how many paragraphs nb_narrative_view_mark_changes() marked
 */
guint
nb_narrative_view_get_n_marked (NbNarrativeView *self)
{
  g_return_val_if_fail (NB_IS_NARRATIVE_VIEW (self), 0);

  return self->n_marked;
}
