/* nb-report.h — one annual report: its text and all its cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-cell.h"
#include "nb-diagnostic.h"
#include "nb-place.h"
#include "nb-source-number.h"
#include "nb-template.h"
#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_REPORT (nb_report_get_type ())

G_DECLARE_FINAL_TYPE (NbReport, nb_report, NB, REPORT, GObject)

NbReport     *nb_report_new                   (NbTemplate   *template);
NbTemplate   *nb_report_get_template          (NbReport     *self);
const char   *nb_report_get_organ             (NbReport     *self);
void          nb_report_set_organ             (NbReport     *self,
                                               const char   *organ);
const char   *nb_report_get_title             (NbReport     *self);
void          nb_report_set_title             (NbReport     *self,
                                               const char   *title);
guint         nb_report_get_year              (NbReport     *self);
void          nb_report_set_year              (NbReport     *self,
                                               guint         year);
gboolean      nb_report_get_modified          (NbReport     *self);
void          nb_report_set_modified          (NbReport     *self,
                                               gboolean      modified);
const char   *nb_report_get_section_text      (NbReport     *self,
                                               const char   *section_id);
void          nb_report_set_section_text      (NbReport     *self,
                                               const char   *section_id,
                                               const char   *text);
guint         nb_report_get_n_cells           (NbReport     *self);
int           nb_report_lookup_cell           (NbReport     *self,
                                               const char   *address);
NbCell       *nb_report_get_cell              (NbReport     *self,
                                               guint         cell);
const char   *nb_report_get_cell_text         (NbReport     *self,
                                               guint         cell);
NbCellState   nb_report_get_cell_state        (NbReport     *self,
                                               guint         cell);
gint64        nb_report_get_cell_value        (NbReport     *self,
                                               guint         cell);
guint         nb_report_get_cell_line         (NbReport     *self,
                                               guint         cell);
char         *nb_report_get_cell_place        (NbReport     *self,
                                               guint         cell);
char         *nb_report_dup_cell_text         (NbReport     *self,
                                               guint         cell);
GStrv         nb_report_dup_paragraphs        (NbReport     *self,
                                               guint         section);
void          nb_report_set_cell_text         (NbReport     *self,
                                               guint         cell,
                                               const char   *text);
GPtrArray    *nb_report_get_import_diagnostics (NbReport    *self);
guint         nb_report_get_section_line      (NbReport     *self,
                                               guint         section,
                                               gsize         offset);
gboolean      nb_report_undo                  (NbReport     *self);
gboolean      nb_report_redo                  (NbReport     *self);
gboolean      nb_report_get_can_undo          (NbReport     *self);
gboolean      nb_report_get_can_redo          (NbReport     *self);
void          nb_report_begin_group           (NbReport     *self);
void          nb_report_end_group             (NbReport     *self);
void          nb_report_seal_undo             (NbReport     *self);
gboolean      nb_report_apply_fix             (NbReport     *self,
                                               NbDiagnostic *diagnostic);
gboolean      nb_report_apply_nth_fix         (NbReport     *self,
                                               NbDiagnostic *diagnostic,
                                               guint         index);
guint         nb_report_fill_empty            (NbReport     *self,
                                               const char   *table_id);
const char   *nb_report_get_checked           (NbReport     *self,
                                               NbDiagnostic *diagnostic);
void          nb_report_set_checked           (NbReport     *self,
                                               NbDiagnostic *diagnostic,
                                               const char   *note);
const NbSourceNumber *nb_report_get_source_numbers (NbReport  *self,
                                               guint        *n_numbers);
const NbPlace *nb_report_get_place            (NbReport     *self,
                                               guint         line);
gboolean      nb_report_get_cell_assigned     (NbReport     *self,
                                               guint         cell);
gboolean      nb_report_get_import_resolved   (NbReport     *self,
                                               guint         index);
guint         nb_report_count_unused          (NbReport     *self,
                                               NbDiagnostic *problem);
guint         nb_report_use_numbers           (NbReport     *self,
                                               NbDiagnostic *problem,
                                               guint         first_cell,
                                               guint         n_cells);
const char   *nb_report_get_source_file       (NbReport     *self,
                                               guint64      *size,
                                               const char  **sha256,
                                               const char  **path);
void          nb_report_set_source_file       (NbReport     *self,
                                               const char   *name,
                                               guint64       size,
                                               const char   *sha256,
                                               const char   *path);

G_END_DECLS
