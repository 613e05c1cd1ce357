/* nb-scroll.h — bringing a widget into view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  nb_scroll_into_view        (GtkScrolledWindow *scroller,
                                  GtkWidget         *widget);
void  nb_scroll_into_view_below  (GtkScrolledWindow *scroller,
                                  GtkWidget         *widget,
                                  int                inset);
GtkWidget *nb_scroll_focus_within (GtkWidget        *content);

G_END_DECLS
