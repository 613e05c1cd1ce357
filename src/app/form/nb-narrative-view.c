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

static void
nb_narrative_view_dispose (GObject *object)
{
  NbNarrativeView *self = (NbNarrativeView *) object;

  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_narrative_view_parent_class)->dispose (object);
}

static void
nb_narrative_view_class_init (NbNarrativeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nb_narrative_view_dispose;
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
  gtk_text_buffer_create_tag (buffer, "changed",
                              "paragraph-background-rgba", &(GdkRGBA) { 0.90, 0.65, 0.04, 0.22 },
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

guint
nb_narrative_view_get_section (NbNarrativeView *self)
{
  g_return_val_if_fail (NB_IS_NARRATIVE_VIEW (self), 0);

  return self->section;
}

/**
 * nb_narrative_view_mark_changes:
 * @self: a #NbNarrativeView
 * @other: (nullable): the same section of the other year, or %NULL to
 *   clear the marks
 *
 * Marks each paragraph that the other year does not have word for word.
 */
void
nb_narrative_view_mark_changes (NbNarrativeView *self,
                                const char      *other)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autoptr(GHashTable) theirs = NULL;
  g_auto(GStrv) lines = NULL;
  int n_lines;

  g_return_if_fail (NB_IS_NARRATIVE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "changed", &start, &end);
  self->n_marked = 0;
  if (other == NULL)
    return;

  theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines = g_strsplit (other, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_hash_table_add (theirs, g_strstrip (g_strdup (lines[i])));

  n_lines = gtk_text_buffer_get_line_count (buffer);
  for (int line = 0; line < n_lines; line++)
    {
      GtkTextIter from, to;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_iter_at_line (buffer, &from, line);
      to = from;
      if (!gtk_text_iter_ends_line (&to))
        gtk_text_iter_forward_to_line_end (&to);
      text = g_strstrip (gtk_text_buffer_get_text (buffer, &from, &to, FALSE));
      if (*text == '\0' || g_hash_table_contains (theirs, text))
        continue;
      gtk_text_buffer_apply_tag_by_name (buffer, "changed", &from, &to);
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
