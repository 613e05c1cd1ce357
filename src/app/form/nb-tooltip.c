/* nb-tooltip.c — tooltips that keep their shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-tooltip.h"

/* GTK's tooltip label wraps anywhere in Chinese text, so near the edge
 * of the screen it may be squeezed to one character a line, and it lets
 * a long message run to one line past the window. These keep a tooltip
 * between a readable minimum and a paragraph's width. */
#define MIN_CHARS 16
#define MAX_CHARS 48

/**
 * nb_tooltip_label_new:
 * @text: the tooltip's text, lines separated by newlines
 *
 * Returns: (transfer floating): a label that shows a text of up to 16
 *   characters a line as it is, and wraps a longer one at about 48
 *   characters, never narrower than about 16
 */
GtkWidget *
nb_tooltip_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  glong longest = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    longest = MAX (longest, g_utf8_strlen (lines[i], -1));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* a short text stays on its line */
  if (longest <= MIN_CHARS)
    return label;
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHARS);
  /* in the widths of Latin letters, about half a Chinese character's */
  gtk_label_set_width_chars (GTK_LABEL (label), 2 * MIN_CHARS);
  return label;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  return nb_tooltip_show_text (tooltip, gtk_widget_get_tooltip_text (widget));
}

/**
 * nb_tooltip_show_text:
 * @tooltip: the tooltip being shown
 * @text: (nullable): what it says
 *
 * Puts @text in @tooltip, wrapped as nb_tooltip_label_new() does; for a
 * "query-tooltip" handler.
 *
 * Returns: whether there is a tooltip to show
 */
gboolean
nb_tooltip_show_text (GtkTooltip *tooltip,
                      const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_custom (tooltip, nb_tooltip_label_new (text));
  return TRUE;
}

/**
 * nb_tooltip_attach_all:
 * @widget: a widget
 *
 * nb_tooltip_attach() for @widget and each widget in it that has a
 * tooltip text now, such as the buttons of a header bar.
 */
void
nb_tooltip_attach_all (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_tooltip_text (widget) != NULL)
    nb_tooltip_attach (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    nb_tooltip_attach_all (child);
}

/**
 * nb_tooltip_attach:
 * @widget: a widget with a tooltip text
 *
 * Shows @widget's tooltip text (gtk_widget_set_tooltip_text(), which
 * assistive technology also reads) in a label of nb_tooltip_label_new().
 */
void
nb_tooltip_attach (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}
