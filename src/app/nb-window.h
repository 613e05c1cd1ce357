/* nb-window.h — one window, one report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <nb-document.h>
#include <nb-draft-keeper.h>
#include <nb-export.h>

#include "nb-diagnostics-panel.h"
#include "nb-report-view.h"
#include "nb-settings.h"
#include "nb-source-pane.h"

G_BEGIN_DECLS

#define NB_TYPE_WINDOW (nb_window_get_type ())

G_DECLARE_FINAL_TYPE (NbWindow, nb_window, NB, WINDOW, AdwApplicationWindow)

NbWindow            *nb_window_new              (GtkApplication *application,
                                                 NbImporter     *importer,
                                                 NbSettings     *settings);
void                 nb_window_open             (NbWindow       *self,
                                                 GFile          *file);
void                 nb_window_open_imported    (NbWindow       *self,
                                                 GFile          *file,
                                                 NbReport       *report);
void                 nb_window_set_document     (NbWindow       *self,
                                                 NbDocument     *document);
NbDocument          *nb_window_get_document     (NbWindow       *self);
gboolean             nb_window_shows_file       (NbWindow       *self,
                                                 GFile          *file);
gboolean             nb_window_is_empty         (NbWindow       *self);
NbReportView        *nb_window_get_report_view  (NbWindow       *self);
NbDiagnosticsPanel  *nb_window_get_panel        (NbWindow       *self);
NbSourcePane        *nb_window_get_source_pane  (NbWindow       *self);
void                 nb_window_save_to          (NbWindow       *self,
                                                 GFile          *file);
void                 nb_window_toast            (NbWindow       *self,
                                                 const char     *message);
void                 nb_window_compare_with     (NbWindow       *self,
                                                 GFile          *file);
void                 nb_window_set_restored_document (NbWindow   *self,
                                                      NbDocument *document,
                                                      const char *draft_id);
NbDraftKeeper       *nb_window_get_draft_keeper (NbWindow       *self);
gboolean             nb_window_get_disk_change_shown (NbWindow  *self);
void                 nb_window_export_to        (NbWindow       *self,
                                                 NbExportFormat  format,
                                                 GFile          *file);
void                 nb_window_print            (NbWindow       *self,
                                                 GtkPrintOperationAction action,
                                                 const char     *export_path);

G_END_DECLS
