/* nb-source.c — what a reader makes of a file: paragraphs and tables, in
 * reading order, every piece with its place in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-source"

#include "config.h"

#include "nb-source.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-types.h"

#define MAX_ROWS 100000

/* Every reader turns its file into the same thing: lines of pieces. A
 * text file gives one piece per line; a paragraph gives one line; a table
 * gives one line per grid row, one piece per cell, each cell placed by its
 * grid columns; a PDF gives one line per row of glyphs, one piece per run
 * of glyphs, placed by their x on the page, and marks the rows that only
 * carry on a paragraph it wrapped. The matcher reads them all. */

struct _NbSource
{
  GString  *text;      /* the pieces' text, each followed by a nul */
  char     *file_text; /* or a text file's own, taken */
  GArray   *pieces;    /* NbSourcePiece */
  GArray   *lines;     /* NbSourceLine */
  GArray   *blocks;    /* NbSourceBlock */
  GArray   *places;    /* NbPlace by piece id; NULL for a text file */
  guint     line_start;
  guint     n_tables;
  gboolean  full;
  char     *encoding;
  guint     repaired_line;
};

static void
block_clear (gpointer data)
{
  g_free (((NbSourceBlock *) data)->grid);
}

static NbSource *
source_new (gboolean with_places)
{
  NbSource *self = g_new0 (NbSource, 1);

  self->text = g_string_sized_new (with_places ? 16 * 1024 : 0);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (NbSourcePiece));
  self->lines = g_array_new (FALSE, FALSE, sizeof (NbSourceLine));
  self->blocks = g_array_new (FALSE, TRUE, sizeof (NbSourceBlock));
  g_array_set_clear_func (self->blocks, block_clear);
  if (with_places)
    {
      NbPlace none = { NB_PLACE_NONE, 0, 0, 0 };

      self->places = g_array_new (FALSE, FALSE, sizeof (NbPlace));
      /* ids count from 1 */
      g_array_append_val (self->places, none);
    }
  return self;
}

/**
 * nb_source_new:
 *
 * A source for a reader that places its pieces (nb_source_add_piece()).
 *
 * Returns: (transfer full): an empty source
 */
NbSource *
nb_source_new (void)
{
  return source_new (TRUE);
}

/**
 * nb_source_new_for_text:
 * @text: (transfer full): UTF-8 text, nul-terminated
 * @length: its length
 *
 * One piece per line, each piece's id its line number; lines end at LF,
 * CRLF or a lone CR. The source keeps @text: a text file is not copied.
 *
 * Returns: (transfer full): the source
 */
NbSource *
nb_source_new_for_text (char  *text,
                        gsize  length)
{
  NbSource *self = source_new (FALSE);
  const char *end = text + length;
  guint line_number = 1;

  self->file_text = text;
  /* report lines are some 60 bytes long: grow once or not at all */
  g_array_set_size (self->pieces, length / 32 + 16);
  g_array_set_size (self->lines, length / 32 + 16);
  g_array_set_size (self->pieces, 0);
  g_array_set_size (self->lines, 0);
  for (const char *p = text; p < end; line_number++)
    {
      gsize n = strcspn (p, "\r\n");
      NbSourcePiece piece = { p - text, MIN (n, (gsize) (end - p)), 0, 0, line_number };
      NbSourceLine line = { self->pieces->len, 1, FALSE, FALSE };

      g_array_append_val (self->pieces, piece);
      g_array_append_val (self->lines, line);
      p += piece.length;
      /* one line end: LF, CRLF or a lone CR */
      if (p < end && *p == '\r')
        {
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      else if (p < end && *p == '\n')
        p++;
    }
  return self;
}

void
nb_source_free (NbSource *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_free (self->file_text);
  g_array_unref (self->pieces);
  g_array_unref (self->lines);
  g_array_unref (self->blocks);
  g_clear_pointer (&self->places, g_array_unref);
  g_free (self->encoding);
  g_free (self);
}

/**
 * nb_source_add_piece:
 * @self: a source
 * @text: UTF-8 text
 * @length: its length, or -1
 * @x0: where it starts across the line
 * @x1: where it ends
 * @place: where it is in the file
 *
 * Adds a piece to the current line. A source that reached its limits
 * (%NB_SOURCE_MAX_PIECES, %NB_SOURCE_MAX_TEXT) takes nothing more.
 *
 * Returns: %FALSE when the source is full
 */
gboolean
nb_source_add_piece (NbSource      *self,
                     const char    *text,
                     gssize         length,
                     double         x0,
                     double         x1,
                     const NbPlace *place)
{
  NbSourcePiece piece;

  if (length < 0)
    length = strlen (text);
  if (self->full || self->pieces->len >= NB_SOURCE_MAX_PIECES ||
      self->text->len + length + 1 > NB_SOURCE_MAX_TEXT)
    {
      self->full = TRUE;
      return FALSE;
    }
  piece.offset = self->text->len;
  piece.length = length;
  piece.x0 = x0;
  piece.x1 = x1;
  piece.id = self->places->len;
  g_string_append_len (self->text, text, length);
  g_string_append_c (self->text, '\0');
  g_array_append_val (self->pieces, piece);
  g_array_append_val (self->places, *place);
  return TRUE;
}

/**
 * nb_source_end_line:
 * @self: a source
 * @positioned: whether the line's pieces are placed by x (cells, glyph
 *   runs) rather than being one text line
 *
 * Ends the current line; a line without pieces is dropped.
 */
void
nb_source_end_line (NbSource *self,
                    gboolean  positioned)
{
  nb_source_end_line_full (self, positioned, FALSE);
}

/**
 * nb_source_end_line_full:
 * @self: a source
 * @positioned: as for nb_source_end_line()
 * @continues: whether the line carries on the paragraph of the line
 *   before, which only wrapped there (a PDF's lines); the matcher joins
 *   such lines in narrative and reads them as they are in tables
 *
 * Ends the current line; a line without pieces is dropped.
 */
void
nb_source_end_line_full (NbSource *self,
                         gboolean  positioned,
                         gboolean  continues)
{
  NbSourceLine line;

  line.first_piece = self->line_start;
  line.n_pieces = self->pieces->len - self->line_start;
  line.positioned = positioned;
  line.continues = continues;
  self->line_start = self->pieces->len;
  if (line.n_pieces > 0)
    g_array_append_val (self->lines, line);
}

/**
 * nb_source_add_paragraph:
 * @self: a source
 * @text: UTF-8 text; a line break in it starts a new line
 * @length: its length, or -1
 * @place: where it is in the file
 *
 * Returns: %FALSE when the source is full
 */
gboolean
nb_source_add_paragraph (NbSource      *self,
                         const char    *text,
                         gssize         length,
                         const NbPlace *place)
{
  const char *end;
  NbSourceBlock block = { NB_SOURCE_BLOCK_PARAGRAPH, self->lines->len, 0, 0, 0, NULL };

  if (length < 0)
    length = strlen (text);
  end = text + length;
  for (const char *p = text; p < end;)
    {
      gsize n = strcspn (p, "\r\n");

      n = MIN (n, (gsize) (end - p));
      if (n > 0 && !nb_source_add_piece (self, p, n, 0, 0, place))
        return FALSE;
      nb_source_end_line (self, FALSE);
      p += n;
      while (p < end && (*p == '\r' || *p == '\n'))
        p++;
    }
  block.n_lines = self->lines->len - block.first_line;
  if (block.n_lines > 0)
    g_array_append_val (self->blocks, block);
  return TRUE;
}

gboolean
nb_source_is_full (NbSource *self)
{
  return self->full;
}

guint
nb_source_get_n_lines (NbSource *self)
{
  return self->lines->len;
}

const NbSourceLine *
nb_source_get_line (NbSource *self,
                    guint     line)
{
  return &g_array_index (self->lines, NbSourceLine, line);
}

const NbSourcePiece *
nb_source_get_piece (NbSource *self,
                     guint     piece)
{
  return &g_array_index (self->pieces, NbSourcePiece, piece);
}

/* Returns: the piece's text; nul-terminated except in a text source */
const char *
nb_source_get_text (NbSource            *self,
                    const NbSourcePiece *piece)
{
  return (self->file_text != NULL ? self->file_text : self->text->str) + piece->offset;
}

guint
nb_source_get_n_blocks (NbSource *self)
{
  return self->blocks->len;
}

const NbSourceBlock *
nb_source_get_block (NbSource *self,
                     guint     block)
{
  return &g_array_index (self->blocks, NbSourceBlock, block);
}

/**
 * nb_source_steal_places:
 * @self: a source
 *
 * Returns: (transfer full) (nullable): the place of each piece id, or
 *   %NULL for a text file, whose ids are its lines
 */
GArray *
nb_source_steal_places (NbSource *self)
{
  return g_steal_pointer (&self->places);
}

const NbPlace *
nb_source_get_place (NbSource *self,
                     guint     id)
{
  if (self->places == NULL || id >= self->places->len)
    return NULL;
  return &g_array_index (self->places, NbPlace, id);
}

void
nb_source_set_encoding (NbSource   *self,
                        const char *encoding,
                        guint       repaired_line)
{
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
  self->repaired_line = repaired_line;
}

const char *
nb_source_get_encoding (NbSource *self,
                        guint    *repaired_line)
{
  *repaired_line = self->repaired_line;
  return self->encoding;
}

/**
 * nb_place_describe:
 * @place: a place in a file
 *
 * Returns: (transfer full) (nullable): the place for a person, translated:
 *   "page 3", "table 3, row 7, column 4", "paragraph 12", "line 5"; %NULL
 *   for no place
 */
char *
nb_place_describe (const NbPlace *place)
{
  if (place == NULL)
    return NULL;
  switch (place->kind)
    {
    case NB_PLACE_LINE:
      return g_strdup_printf (_("line %u"), place->number);
    case NB_PLACE_PAGE:
      return g_strdup_printf (_("page %u"), place->number);
    case NB_PLACE_PARAGRAPH:
      return g_strdup_printf (_("paragraph %u"), place->number);
    case NB_PLACE_CELL:
      return g_strdup_printf (_("table %u, row %u, column %u"),
                              place->number, place->row, place->column);
    case NB_PLACE_NONE:
    default:
      return NULL;
    }
}

/* Grids */

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
