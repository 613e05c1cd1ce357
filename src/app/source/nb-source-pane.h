/* nb-source-pane.h — the submitted file beside the form, with where every
 * number came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <nb-document.h>
#include <nb-importer.h>

#include "nb-page-view.h"
#include "nb-source-file.h"
#include "nb-source-grid.h"
#include "nb-source-text.h"

G_BEGIN_DECLS

#define NB_TYPE_SOURCE_PANE (nb_source_pane_get_type ())

G_DECLARE_FINAL_TYPE (NbSourcePane, nb_source_pane, NB, SOURCE_PANE, AdwBin)

GtkWidget     *nb_source_pane_new             (void);
void           nb_source_pane_set_document    (NbSourcePane *self,
                                               NbDocument   *document,
                                               NbImporter   *importer);
void           nb_source_pane_show_cell       (NbSourcePane *self,
                                               int           cell);
void           nb_source_pane_show_diagnostic (NbSourcePane *self,
                                               NbDiagnostic *diagnostic);
NbSourceFile  *nb_source_pane_get_file        (NbSourcePane *self);
NbPageView    *nb_source_pane_get_page_view   (NbSourcePane *self);
NbSourceText  *nb_source_pane_get_text_view   (NbSourcePane *self);
NbSourceGrid  *nb_source_pane_get_grid_view   (NbSourcePane *self);
int            nb_source_pane_get_selected_number (NbSourcePane *self);
void           nb_source_pane_activate_number (NbSourcePane *self,
                                               guint         number);
GMenuModel    *nb_source_pane_get_use_menu    (NbSourcePane *self,
                                               guint         number);

G_END_DECLS
