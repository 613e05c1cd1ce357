/* nb-table-grid.h — one statutory table laid out like the paper form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <nb-comparison.h>
#include <nb-report.h>

#include "nb-cell-entry.h"

G_BEGIN_DECLS

#define NB_TYPE_TABLE_GRID (nb_table_grid_get_type ())

G_DECLARE_FINAL_TYPE (NbTableGrid, nb_table_grid, NB, TABLE_GRID, AdwBin)

GtkWidget    *nb_table_grid_new        (NbReport     *report,
                                        guint         table);
NbCellEntry  *nb_table_grid_get_entry  (NbTableGrid  *self,
                                        guint         cell);
int           nb_table_grid_find_move  (NbTableGrid  *self,
                                        guint         cell,
                                        NbMove        direction);
GtkWidget    *nb_table_grid_new_compare (NbComparison *comparison,
                                         guint         table);
NbCellEntry  *nb_table_grid_get_older_entry (NbTableGrid *self,
                                             guint        cell);
void          nb_table_grid_set_show_delta (NbTableGrid *self,
                                            gboolean     show);
void          nb_table_grid_update_delta (NbTableGrid *self,
                                          guint        cell);
GtkLabel     *nb_table_grid_get_delta_label (NbTableGrid *self,
                                             guint        cell);
void          nb_table_grid_set_changed (NbTableGrid *self,
                                         guint        cell,
                                         gboolean     changed);
guint         nb_table_grid_get_table  (NbTableGrid  *self);
gboolean      nb_table_grid_get_place  (NbTableGrid  *self,
                                        guint         cell,
                                        guint        *row,
                                        guint        *column);
void          nb_table_grid_select     (NbTableGrid  *self,
                                        guint         anchor,
                                        guint         extent);
void          nb_table_grid_clear_selection (NbTableGrid *self);
gboolean      nb_table_grid_get_selection (NbTableGrid *self,
                                           guint       *row0,
                                           guint       *column0,
                                           guint       *row1,
                                           guint       *column1);
gboolean      nb_table_grid_extend_selection (NbTableGrid *self,
                                              guint        cell,
                                              NbMove       direction);
gboolean      nb_table_grid_copy_selection (NbTableGrid *self);
void          nb_table_grid_copy_table (NbTableGrid  *self);
void          nb_table_grid_paste      (NbTableGrid  *self,
                                        guint         cell);

G_END_DECLS
