/* nb-tooltip.h — tooltips that keep their shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget  *nb_tooltip_label_new  (const char *text);
gboolean    nb_tooltip_show_text  (GtkTooltip *tooltip,
                                   const char *text);
void        nb_tooltip_attach     (GtkWidget  *widget);
void        nb_tooltip_attach_all (GtkWidget  *widget);

G_END_DECLS
