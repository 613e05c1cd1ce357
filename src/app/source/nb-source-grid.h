/* nb-source-grid.h — a web page's or document's paragraphs and tables as
 * they were read, merged cells merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <nb-readers.h>

#include "nb-source-marks.h"

G_BEGIN_DECLS

#define NB_TYPE_SOURCE_GRID (nb_source_grid_get_type ())

G_DECLARE_FINAL_TYPE (NbSourceGrid, nb_source_grid, NB, SOURCE_GRID, GtkBox)

GtkWidget  *nb_source_grid_new          (void);
void        nb_source_grid_set_source   (NbSourceGrid         *self,
                                         NbSource             *source);
void        nb_source_grid_set_marks    (NbSourceGrid         *self,
                                         const NbSourceNumber *numbers,
                                         const NbSourceMark   *marks,
                                         guint                 n_marks);
GtkLabel   *nb_source_grid_get_label    (NbSourceGrid         *self,
                                         guint                 piece);
gboolean    nb_source_grid_get_number_area (NbSourceGrid      *self,
                                         const NbSourceNumber *number,
                                         graphene_rect_t      *area);
void        nb_source_grid_scroll_to    (NbSourceGrid         *self,
                                         const NbSourceNumber *number,
                                         guint                 line);

G_END_DECLS
