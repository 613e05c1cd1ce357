/* nb-test-ui.h — what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  nb_test_ui_init       (void);
void  nb_test_ui_wait_idle  (void);
void  nb_test_ui_wait_until (gboolean   (*done) (gpointer),
                             gpointer     data);
void  nb_test_ui_wait_frame (GtkWidget   *widget);
void  nb_test_ui_save_png   (GtkWidget   *widget,
                             const char  *name);

G_END_DECLS
