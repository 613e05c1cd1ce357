/* nb-report-set.h — a batch of reports: one folder, one year, one roster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"
#include "nb-roster.h"
#include "nb-set-finding.h"

G_BEGIN_DECLS

#define NB_TYPE_REPORT_SET (nb_report_set_get_type ())

G_DECLARE_FINAL_TYPE (NbReportSet, nb_report_set, NB, REPORT_SET, GObject)

NbReportSet  *nb_report_set_new           (void);
void          nb_report_set_add           (NbReportSet  *self,
                                           const char   *file,
                                           NbReport     *report);
guint         nb_report_set_get_n_files   (NbReportSet  *self);
const char   *nb_report_set_get_file      (NbReportSet  *self,
                                           guint         index);
NbReport     *nb_report_set_get_report    (NbReportSet  *self,
                                           guint         index);
guint         nb_report_set_get_year      (NbReportSet  *self);
void          nb_report_set_set_roster    (NbReportSet  *self,
                                           NbRoster     *roster);
void          nb_report_set_set_previous  (NbReportSet  *self,
                                           NbReportSet  *previous);
GPtrArray    *nb_report_set_check         (NbReportSet  *self);

G_END_DECLS
