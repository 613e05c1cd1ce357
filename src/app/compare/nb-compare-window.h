/* nb-compare-window.h — a window comparing two years of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <nb-document.h>

#include "nb-compare-view.h"
#include "nb-diagnostics-panel.h"
#include "nb-source-pane.h"

G_BEGIN_DECLS

#define NB_TYPE_COMPARE_WINDOW (nb_compare_window_get_type ())

G_DECLARE_FINAL_TYPE (NbCompareWindow, nb_compare_window, NB, COMPARE_WINDOW, AdwApplicationWindow)

NbCompareWindow    *nb_compare_window_new        (GtkApplication  *application,
                                                  NbDocument      *first,
                                                  NbDocument      *second);
NbCompareView      *nb_compare_window_get_view   (NbCompareWindow *self);
NbSourcePane       *nb_compare_window_get_source_pane (NbCompareWindow *self);
NbDocument         *nb_compare_window_get_document (NbCompareWindow *self,
                                                    int              side);
NbDiagnosticsPanel *nb_compare_window_get_panel  (NbCompareWindow *self,
                                                  int              which);
gboolean            nb_compare_window_shows      (NbCompareWindow *self,
                                                  NbDocument      *first,
                                                  NbDocument      *second);

G_END_DECLS
