/* nb-test-ui.h — what the UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nb-window.h"

G_BEGIN_DECLS

/* The fixture of the tests of one report window, 1280×800 */
typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
  NbWindow   *window;
} NbTestWindow;

void  nb_test_window_set_up    (NbTestWindow  *fixture,
                                gconstpointer  data);
void  nb_test_window_tear_down (NbTestWindow  *fixture,
                                gconstpointer  data);
NbReport     *nb_test_window_report       (NbTestWindow *fixture);
NbReportView *nb_test_window_view         (NbTestWindow *fixture);
void          nb_test_window_load_seed    (NbTestWindow *fixture,
                                           const char   *stem);
void          nb_test_window_show_seed    (NbTestWindow *fixture,
                                           const char   *stem);
NbCellEntry  *nb_test_window_entry_for    (NbTestWindow *fixture,
                                           const char   *address);
int           nb_test_window_focused_cell (NbTestWindow *fixture);

void  nb_test_ui_init       (void);
gboolean nb_test_ui_is_mapped   (gpointer     widget);
gboolean nb_test_ui_panel_shown (gpointer     panel);
void  nb_test_ui_wait_idle  (void);
void  nb_test_ui_wait_until (gboolean   (*done) (gpointer),
                             gpointer     data);
void  nb_test_ui_wait_frame (GtkWidget   *widget);
guint nb_test_ui_check_mnemonic_names (GtkWidget *widget);
guint nb_test_ui_check_names          (GtkWidget *widget);
GtkWidget *nb_test_ui_find_match     (GtkWidget  *widget,
                                     gboolean  (*match) (GtkWidget *, gpointer),
                                     gpointer    data);
GtkWidget *nb_test_ui_find           (GtkWidget *widget,
                                      GType      type);
void  nb_test_ui_save_png   (GtkWidget   *widget,
                             const char  *name);

G_END_DECLS
