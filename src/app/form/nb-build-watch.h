/* nb-build-watch.h — a view built as far as its first frame shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @n_short: the layouts of this frame so far that left the view short */
typedef void (*NbBuildShortFunc)  (gpointer data,
                                   guint    n_short);
typedef void (*NbBuildFinishFunc) (gpointer data);

typedef struct _NbBuildWatch NbBuildWatch;

NbBuildWatch *nb_build_watch_new  (GtkWidget         *widget,
                                   GtkScrolledWindow *scroller,
                                   GtkWidget         *content,
                                   NbBuildShortFunc   short_func,
                                   NbBuildFinishFunc  finish_func,
                                   gpointer           data);
void          nb_build_watch_free (NbBuildWatch      *watch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbBuildWatch, nb_build_watch_free)

G_END_DECLS
