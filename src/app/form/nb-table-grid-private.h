/* nb-table-grid-private.h — what the grid's parts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <nb-template.h>

#include "nb-table-grid.h"

G_BEGIN_DECLS

typedef struct
{
  guint row;
  guint column;
} Place;

struct _NbTableGrid
{
  AdwBin           parent_instance;

  NbReport        *report;
  NbComparison    *comparison;  /* set for a grid of both years */
  NbReport        *older;       /* in such a grid, the earlier year */
  GHashTable      *others;      /* older form's cell → the earlier year's NbCellEntry */
  GHashTable      *deltas;      /* older form's cell → GtkLabel of the difference */
  GHashTable      *boxes;       /* cell index → the box of both years' cell */
  guint            table_index;
  NbTemplateTable *table;
  GtkGrid         *grid;
  GHashTable      *entries;   /* cell index → NbCellEntry (the newer year's in a comparison) */
  GHashTable      *places;    /* cell index → Place in the grid */
  GHashTable      *at;        /* row << 16 | column → cell index + 1 */
  guint            n_lines;
  guint            n_columns;
  gboolean         stack_headers;  /* column headings a few characters a line */

  int              anchor;    /* the block selection's focused corner, or -1 */
  int              extent;    /* its other corner, or -1 when there is none */
  gulong           focus_handler;
  GCancellable    *cancellable;  /* of a clipboard read */
};

/* the cell at a place of the grid, or -1 */
int    _nb_table_grid_cell_at      (NbTableGrid *self,
                                   guint        row,
                                   guint        column);

/* where a cell is, or NULL when it is not in this table */
Place *_nb_table_grid_lookup_place (NbTableGrid *self,
                                   guint        cell);

G_END_DECLS
