/* nb-grid-builder.c — a table's cells, row by row with their spans,
 * expanded into a grid of an NbSource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-grid-builder"

#include "config.h"

#include "nb-grid-builder.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-source-private.h"
#include "nb-types.h"

#define MAX_ROWS 100000

typedef struct
{
  gsize offset;     /* into the builder's text */
  gsize length;
  guint row;
  guint column;
  guint colspan;
  guint rowspan;
  guint id;         /* the piece's id once emitted */
} GridCell;

struct _NbGridBuilder
{
  NbSource  *source;
  GString   *text;
  GArray    *cells;    /* GridCell */
  GPtrArray *rows;     /* GArray of int: cell index by column, -1 free */
  gsize      n_slots;
  int        row;      /* the current row, -1 before the first */
  guint      n_rows;   /* rows begun */
  guint      cursor;   /* next column to look at in the current row */
  gboolean   overflow; /* more rows than any report has */
};

NbGridBuilder *
nb_grid_builder_new (NbSource *source)
{
  NbGridBuilder *self = g_new0 (NbGridBuilder, 1);

  self->source = source;
  self->text = g_string_new (NULL);
  self->cells = g_array_new (FALSE, FALSE, sizeof (GridCell));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->row = -1;
  return self;
}

void
nb_grid_builder_free (NbGridBuilder *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_array_unref (self->cells);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

static GArray *
grid_row (NbGridBuilder *self,
          guint          row)
{
  while (self->rows->len <= row)
    g_ptr_array_add (self->rows, g_array_new (FALSE, FALSE, sizeof (int)));
  return g_ptr_array_index (self->rows, row);
}

static int
slot (NbGridBuilder *self,
      guint          row,
      guint          column)
{
  GArray *slots;

  if (row >= self->rows->len)
    return -1;
  slots = g_ptr_array_index (self->rows, row);
  return column < slots->len ? g_array_index (slots, int, column) : -1;
}

static gboolean
set_slot (NbGridBuilder *self,
          guint          row,
          guint          column,
          int            cell)
{
  GArray *slots = grid_row (self, row);
  const int free_slot = -1;

  while (slots->len <= column)
    {
      if (self->n_slots >= NB_SOURCE_MAX_GRID)
        return FALSE;
      g_array_append_val (slots, free_slot);
      self->n_slots++;
    }
  if (g_array_index (slots, int, column) < 0)
    g_array_index (slots, int, column) = cell;
  return TRUE;
}

void
nb_grid_builder_begin_row (NbGridBuilder *self)
{
  if (self->row + 1 >= MAX_ROWS)
    {
      self->overflow = TRUE;
      return;
    }
  self->row++;
  self->n_rows = self->row + 1;
  self->cursor = 0;
  grid_row (self, self->row);
}

static void
set_too_large (GError **error)
{
  g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
               _("A table of the file is larger than any report’s (more than %u cells)"),
               NB_SOURCE_MAX_GRID);
}

/**
 * nb_grid_builder_add_cell:
 * @self: a builder with a row begun
 * @text: the cell's text
 * @length: its length, or -1
 * @colspan: how many grid columns it covers (0 is taken as 1)
 * @rowspan: how many grid rows it covers (0 is taken as 1)
 * @error: return location for a #GError
 *
 * Places the cell at the first column of the row that no cell above
 * covers. Spans are clipped to %NB_SOURCE_MAX_SPAN and
 * %NB_SOURCE_MAX_COLUMNS.
 *
 * Returns: %FALSE when the table grows too large
 */
gboolean
nb_grid_builder_add_cell (NbGridBuilder  *self,
                          const char     *text,
                          gssize          length,
                          guint           colspan,
                          guint           rowspan,
                          GError        **error)
{
  GridCell cell;
  guint column;

  g_return_val_if_fail (self->row >= 0, FALSE);

  if (self->overflow)
    {
      set_too_large (error);
      return FALSE;
    }
  if (length < 0)
    length = strlen (text);
  column = self->cursor;
  while (column < NB_SOURCE_MAX_COLUMNS && slot (self, self->row, column) >= 0)
    column++;
  if (column >= NB_SOURCE_MAX_COLUMNS)
    return TRUE;   /* beyond any report's width: dropped */
  if (self->text->len + length > NB_SOURCE_MAX_TEXT)
    {
      set_too_large (error);
      return FALSE;
    }

  cell.offset = self->text->len;
  cell.length = length;
  cell.row = self->row;
  cell.column = column;
  cell.colspan = CLAMP (colspan, 1, MIN (NB_SOURCE_MAX_SPAN, NB_SOURCE_MAX_COLUMNS - column));
  cell.rowspan = CLAMP (rowspan, 1, NB_SOURCE_MAX_SPAN);
  cell.id = 0;
  g_string_append_len (self->text, text, length);
  g_array_append_val (self->cells, cell);

  for (guint r = 0; r < cell.rowspan; r++)
    for (guint c = 0; c < cell.colspan; c++)
      if (!set_slot (self, cell.row + r, cell.column + c, self->cells->len - 1))
        {
          set_too_large (error);
          return FALSE;
        }
  self->cursor = column + cell.colspan;
  return TRUE;
}

/**
 * nb_grid_builder_merge_up:
 * @self: a builder with a row begun
 * @colspan: how many grid columns the merged cell covers
 *
 * The next cell of the row continues the cell above it (a Word cell with
 * `w:vMerge` but no `restart`). Without a cell above it is an empty cell.
 */
void
nb_grid_builder_merge_up (NbGridBuilder *self,
                          guint          colspan)
{
  guint column = self->cursor;
  int above;

  g_return_if_fail (self->row >= 0);

  while (column < NB_SOURCE_MAX_COLUMNS && slot (self, self->row, column) >= 0)
    column++;
  above = self->row > 0 ? slot (self, self->row - 1, column) : -1;
  if (above < 0)
    {
      nb_grid_builder_add_cell (self, "", 0, colspan, 1, NULL);
      return;
    }
  {
    GridCell *cell = &g_array_index (self->cells, GridCell, above);

    if (cell->row + cell->rowspan == (guint) self->row)
      cell->rowspan++;
    for (guint c = cell->column; c < cell->column + cell->colspan; c++)
      set_slot (self, self->row, c, above);
    self->cursor = MAX (column + MAX (colspan, 1), cell->column + cell->colspan);
  }
}

/**
 * nb_grid_builder_skip_to:
 * @self: a builder with a row begun
 * @column: a 0-based grid column
 *
 * The next cell of the row goes to @column or after: a workbook names its
 * cells' columns and leaves out the empty ones.
 */
void
nb_grid_builder_skip_to (NbGridBuilder *self,
                         guint          column)
{
  self->cursor = MAX (self->cursor, MIN (column, NB_SOURCE_MAX_COLUMNS));
}

/**
 * nb_grid_builder_finish:
 * @self: a builder
 * @error: return location for a #GError
 *
 * Adds the table to the source: one positioned line per grid row, one
 * piece per cell, in the row where the cell starts; a cell's place is the
 * table's number and the cell's first row and column.
 *
 * Returns: %FALSE when the source is full
 */
gboolean
nb_grid_builder_finish (NbGridBuilder  *self,
                        GError        **error)
{
  NbSource *source = self->source;
  NbSourceBlock block = { NB_SOURCE_BLOCK_TABLE, source->lines->len, 0, 0, 0, NULL };
  guint table = ++source->n_tables;

  block.n_rows = self->n_rows;
  for (guint r = 0; r < self->n_rows; r++)
    block.n_columns = MAX (block.n_columns, grid_row (self, r)->len);
  if (self->overflow || (gsize) block.n_rows * block.n_columns > NB_SOURCE_MAX_GRID)
    {
      set_too_large (error);
      return FALSE;
    }

  for (guint r = 0; r < self->n_rows; r++)
    {
      GArray *slots = grid_row (self, r);

      for (guint c = 0; c < slots->len; c++)
        {
          int index = g_array_index (slots, int, c);
          GridCell *cell;
          NbPlace place = { NB_PLACE_CELL, table, r + 1, c + 1 };

          if (index < 0)
            continue;
          cell = &g_array_index (self->cells, GridCell, index);
          if (cell->row != r || cell->column != c)
            continue;
          cell->id = source->places->len;
          if (!nb_source_add_piece (source, self->text->str + cell->offset, cell->length,
                                    c, c + cell->colspan, &place))
            {
              set_too_large (error);
              return FALSE;
            }
        }
      nb_source_end_line (source, TRUE);
    }
  block.n_lines = source->lines->len - block.first_line;

  block.grid = g_new0 (guint, (gsize) block.n_rows * block.n_columns);
  for (guint r = 0; r < self->n_rows; r++)
    {
      GArray *slots = grid_row (self, r);

      for (guint c = 0; c < slots->len; c++)
        {
          int index = g_array_index (slots, int, c);

          if (index >= 0)
            block.grid[(gsize) r * block.n_columns + c] =
              g_array_index (self->cells, GridCell, index).id + 1;
        }
    }
  g_array_append_val (source->blocks, block);
  return TRUE;
}
