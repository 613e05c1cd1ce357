/* nb-bare-window.c — the yardstick for start-up: an empty window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication whose AdwApplicationWindow holds nothing, printing
 * when it painted its first frame (monotonic microseconds) and quitting,
 * as `nianbao FILE` does under NIANBAO_QUIT_AFTER_FIRST_FRAME.
 */

#include "config.h"

#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock  *clock,
                GApplication   *application)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, application);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (application);
}

static void
realize_cb (GtkWidget    *window,
            GApplication *application)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), application);
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) application = adw_application_new ("io.github.nianbao.BareWindow",
                                                                G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
