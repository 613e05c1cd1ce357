/* nb-build-watch.c — a view built as far as its first frame shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-build-watch.h"

/* The report view and the comparison view build, before a window's
 * first frame, only what fills the view, and the rest in one go once
 * the frame is on screen: one chunk costs less than many, and the user
 * cannot reach it sooner. This watches the window's frame clock for
 * them: after each layout in which @content ends inside the view, the
 * view is told (and may build more: the frame clock lays the window out
 * again before it paints); once a frame is painted, the view finishes
 * from an idle callback. The problems panel, which has no view to fill,
 * waits only for the frame. */
struct _NbBuildWatch
{
  GdkFrameClock     *clock;
  GtkScrolledWindow *scroller;
  GtkWidget         *content;
  NbBuildShortFunc   short_func;
  NbBuildFinishFunc  finish_func;
  gpointer           data;
  guint              n_short;    /* layouts of this frame that left the view short */
  guint              finish_id;
};

static void
clock_layout_cb (GdkFrameClock *clock,
                 NbBuildWatch  *watch)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (watch->scroller);
  double bottom = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_page_size (adjustment) <= 0 || gtk_widget_get_height (watch->content) > bottom)
    return;
  /* may free the watch */
  watch->short_func (watch->data, watch->n_short++);
}

static void
finish_cb (gpointer data)
{
  NbBuildWatch *watch = data;

  watch->finish_id = 0;
  /* frees the watch */
  watch->finish_func (watch->data);
}

static void
clock_after_paint_cb (GdkFrameClock *clock,
                      NbBuildWatch  *watch)
{
  watch->n_short = 0;
  if (watch->finish_id == 0)
    watch->finish_id = g_idle_add_once (finish_cb, watch);
}

/**
 * nb_build_watch_new:
 * @widget: a mapped view, or a realized window
 * @scroller: (nullable): its scrolled window, to be told of layouts that
 *   leave it short
 * @content: (nullable): what it builds, in @scroller
 * @short_func: (nullable): called after a layout that left @content
 *   short of the view's bottom
 * @finish_func: called once a frame is painted; it must free the watch
 * @data: for both
 *
 * Returns: (transfer full): a watch of @widget's frame clock, until
 *   freed
 */
NbBuildWatch *
nb_build_watch_new (GtkWidget         *widget,
                    GtkScrolledWindow *scroller,
                    GtkWidget         *content,
                    NbBuildShortFunc   short_func,
                    NbBuildFinishFunc  finish_func,
                    gpointer           data)
{
  NbBuildWatch *watch = g_new0 (NbBuildWatch, 1);

  watch->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  watch->scroller = scroller;
  watch->content = content;
  watch->short_func = short_func;
  watch->finish_func = finish_func;
  watch->data = data;
  if (short_func != NULL)
    g_signal_connect_after (watch->clock, "layout", G_CALLBACK (clock_layout_cb), watch);
  g_signal_connect (watch->clock, "after-paint", G_CALLBACK (clock_after_paint_cb), watch);
  return watch;
}

void
nb_build_watch_free (NbBuildWatch *watch)
{
  if (watch == NULL)
    return;
  g_signal_handlers_disconnect_by_data (watch->clock, watch);
  g_clear_object (&watch->clock);
  g_clear_handle_id (&watch->finish_id, g_source_remove);
  g_free (watch);
}
