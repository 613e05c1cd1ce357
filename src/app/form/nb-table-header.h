/* nb-table-header.h — a table's column headers kept in sight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NB_TYPE_TABLE_HEADER (nb_table_header_get_type ())

G_DECLARE_FINAL_TYPE (NbTableHeader, nb_table_header, NB, TABLE_HEADER, GtkWidget)

GtkWidget  *nb_table_header_new         (void);
void        nb_table_header_show_table  (NbTableHeader *self,
                                         GtkWidget     *table,
                                         int            height);
GtkWidget  *nb_table_header_get_table   (NbTableHeader *self);

G_END_DECLS
