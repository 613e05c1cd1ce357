/* nb-table-layout.h — a statutory table laid out like the paper form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-report.h"
#include "nb-template.h"

G_BEGIN_DECLS

/**
 * NbLayoutKind:
 * @NB_LAYOUT_TITLE: the title line of a part of a table, over its whole
 *   width (二: 第二十条第（一）项)
 * @NB_LAYOUT_NOTE: the note in the top left corner (三)
 * @NB_LAYOUT_COLUMN_HEADER: the label of a column or of a column group
 * @NB_LAYOUT_GROUP_LABEL: the label of a row group, left of its rows
 * @NB_LAYOUT_ROW_LABEL: the label of a row
 * @NB_LAYOUT_CELL: one of the report's cells
 * @NB_LAYOUT_FILLER: an empty place
 */
typedef enum
{
  NB_LAYOUT_TITLE,
  NB_LAYOUT_NOTE,
  NB_LAYOUT_COLUMN_HEADER,
  NB_LAYOUT_GROUP_LABEL,
  NB_LAYOUT_ROW_LABEL,
  NB_LAYOUT_CELL,
  NB_LAYOUT_FILLER,
} NbLayoutKind;

/**
 * NbLayoutItem:
 * @kind: what the item is
 * @row: the first grid row it covers
 * @column: the first grid column it covers
 * @n_rows: how many rows it spans (at least 1)
 * @n_columns: how many columns it spans (at least 1)
 * @text: (nullable): the label, owned by the template; %NULL for a cell
 *   or a filler
 * @cell: the cell index for %NB_LAYOUT_CELL, otherwise -1
 *
 * One box of the table: every place of the grid is covered by exactly
 * one item.
 */
typedef struct
{
  NbLayoutKind  kind;
  guint         row;
  guint         column;
  guint         n_rows;
  guint         n_columns;
  const char   *text;
  int           cell;
} NbLayoutItem;

typedef struct _NbTableLayout NbTableLayout;

NbTableLayout      *nb_table_layout_new             (NbTemplate     *template,
                                                     guint           table);
void                nb_table_layout_free            (NbTableLayout  *self);
guint               nb_table_layout_get_n_rows      (NbTableLayout  *self);
guint               nb_table_layout_get_n_columns   (NbTableLayout  *self);
guint               nb_table_layout_get_n_header_rows (NbTableLayout *self);
const NbLayoutItem *nb_table_layout_get_items       (NbTableLayout  *self,
                                                     guint          *n_items);
const NbLayoutItem *nb_table_layout_get_item_at     (NbTableLayout  *self,
                                                     guint           row,
                                                     guint           column);
gboolean            nb_table_layout_row_has_cells   (NbTableLayout  *self,
                                                     guint           row);
gboolean            nb_table_layout_row_keeps_with_next (NbTableLayout *self,
                                                         guint          row);
void                nb_table_layout_get_widths      (NbTableLayout  *self,
                                                     NbReport       *report,
                                                     double          total,
                                                     double          em,
                                                     double          padding,
                                                     double         *widths);
double              nb_table_layout_measure_text    (const char     *text);
char               *nb_table_layout_stack_text      (const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbTableLayout, nb_table_layout_free)

G_END_DECLS
