/* nb-scroll.c — bringing a widget into view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-scroll.h"

/**
 * nb_scroll_into_view:
 * @scroller: a scrolled window
 * @widget: a widget inside it
 *
 * Scrolls only when @widget is out of sight, and then brings it into the
 * upper third, where the eye looks first.
 */
void
nb_scroll_into_view (GtkScrolledWindow *scroller,
                     GtkWidget         *widget)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkWidget *child = gtk_scrolled_window_get_child (scroller);
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t target;
  double page, value;

  if (child == NULL || !gtk_widget_compute_point (widget, child, &point, &target))
    return;
  page = gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  if (target.y >= value && target.y + gtk_widget_get_height (widget) <= value + page)
    return;
  gtk_adjustment_set_value (adjustment, MAX (0, target.y - page / 3));
}
