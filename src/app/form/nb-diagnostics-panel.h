/* nb-diagnostics-panel.h — every problem of a report, by severity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <nb-diagnostic.h>
#include <nb-template.h>

G_BEGIN_DECLS

#define NB_TYPE_DIAGNOSTICS_PANEL (nb_diagnostics_panel_get_type ())

G_DECLARE_FINAL_TYPE (NbDiagnosticsPanel, nb_diagnostics_panel, NB, DIAGNOSTICS_PANEL, AdwBin)

GtkWidget   *nb_diagnostics_panel_new        (void);
void         nb_diagnostics_panel_set_model  (NbDiagnosticsPanel *self,
                                              GListModel         *diagnostics);
GListModel  *nb_diagnostics_panel_get_model  (NbDiagnosticsPanel *self);
GtkListBox  *nb_diagnostics_panel_get_list   (NbDiagnosticsPanel *self);
void         nb_diagnostics_panel_set_template (NbDiagnosticsPanel *self,
                                                NbTemplate         *template);
guint        nb_diagnostics_panel_count      (NbDiagnosticsPanel *self,
                                              guint              *n_errors,
                                              guint              *n_warnings,
                                              guint              *n_empty);

G_END_DECLS
