/* nb-report-view.h — the whole report as one scrolling form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <nb-document.h>

#include "nb-cell-entry.h"

G_BEGIN_DECLS

#define NB_TYPE_REPORT_VIEW (nb_report_view_get_type ())

G_DECLARE_FINAL_TYPE (NbReportView, nb_report_view, NB, REPORT_VIEW, AdwBin)

GtkWidget    *nb_report_view_new            (NbDocument    *document);
NbDocument   *nb_report_view_get_document   (NbReportView  *self);
gboolean      nb_report_view_get_complete   (NbReportView  *self);
NbCellEntry  *nb_report_view_get_entry      (NbReportView  *self,
                                             guint          cell);
gboolean      nb_report_view_focus_cell     (NbReportView  *self,
                                             guint          cell);
void          nb_report_view_focus_diagnostic (NbReportView *self,
                                               NbDiagnostic *diagnostic);
GtkTextView  *nb_report_view_get_section_view (NbReportView *self,
                                               const char   *section_id);

G_END_DECLS
