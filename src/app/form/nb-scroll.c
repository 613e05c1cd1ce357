/* nb-scroll.c — bringing a widget into view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-scroll.h"

/* What scrolls: the child of the viewport GTK puts around a child that
 * cannot scroll itself, or the scrollable child. Positions in it are
 * positions in the whole document, whatever part of it is shown. */
static GtkWidget *
scrolled_content (GtkScrolledWindow *scroller)
{
  GtkWidget *child = gtk_scrolled_window_get_child (scroller);

  if (GTK_IS_VIEWPORT (child))
    return gtk_viewport_get_child (GTK_VIEWPORT (child));
  return child;
}

/**
 * nb_scroll_into_view:
 * @scroller: a scrolled window
 * @widget: a widget inside it
 *
 * Scrolls only when @widget is not wholly in sight, and then brings it
 * into the upper third, where the eye looks first.
 */
void
nb_scroll_into_view (GtkScrolledWindow *scroller,
                     GtkWidget         *widget)
{
  nb_scroll_into_view_below (scroller, widget, 0);
}

/**
 * nb_scroll_into_view_below:
 * @scroller: a scrolled window
 * @widget: a widget inside it
 * @inset: the height at the top of the view that something floating
 *   over it (a table's headers) hides
 *
 * Like nb_scroll_into_view(), but @widget counts as in sight only below
 * @inset.
 */
void
nb_scroll_into_view_below (GtkScrolledWindow *scroller,
                           GtkWidget         *widget,
                           int                inset)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkWidget *content = scrolled_content (scroller);
  graphene_rect_t bounds;
  double page, value, upper;

  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return;
  page = gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  upper = gtk_adjustment_get_upper (adjustment);
  if (bounds.origin.y >= value + inset && bounds.origin.y + bounds.size.height <= value + page)
    return;
  /* a widget taller than a third of the page still shows whole */
  value = bounds.origin.y - MAX (inset, MIN (page / 3, MAX (0, page - bounds.size.height) / 2));
  gtk_adjustment_set_value (adjustment, CLAMP (value, 0, MAX (0, upper - page)));
}

/**
 * nb_scroll_focus_within:
 * @content: what a view scrolls
 *
 * Returns: (transfer none) (nullable): the widget that has the focus
 *   inside @content — the entry, not the text inside it — or %NULL when
 *   the focus is elsewhere
 */
GtkWidget *
nb_scroll_focus_within (GtkWidget *content)
{
  GtkRoot *root = gtk_widget_get_root (content);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *entry;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, content))
    return NULL;
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
  return entry != NULL ? entry : focus;
}
