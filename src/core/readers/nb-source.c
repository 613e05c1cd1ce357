/* nb-source.c — what a reader makes of a file: paragraphs and tables, in
 * reading order, every piece with its place in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-source"

#include "config.h"

#include "nb-source-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-types.h"


/* Every reader turns its file into the same thing: lines of pieces. A
 * text file gives one piece per line; a paragraph gives one line; a table
 * gives one line per grid row, one piece per cell, each cell placed by its
 * grid columns; a PDF gives one line per row of glyphs, one piece per run
 * of glyphs, placed by their x on the page, and marks the rows that only
 * carry on a paragraph it wrapped. The matcher reads them all. */


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

/* The first @c at or after @p, or @end. */
static const char *
find_byte (const char *p,
           const char *end,
           char        c)
{
  const char *found = memchr (p, c, end - p);

  return found != NULL ? found : end;
}

/**
 * nb_source_new_for_text:
 * @text: (transfer full): UTF-8 text, nul-terminated
 * @length: its length
 *
 * One piece per line, each piece's id its line number; lines end at LF,
 * CRLF or a lone CR. The source keeps @text: a text file is not copied.
 * Like any source, it takes at most %NB_SOURCE_MAX_PIECES lines: the
 * rest is left out and the source is full (nb_source_is_full()), so
 * that a text of nothing but line ends takes no more memory than a
 * report's.
 *
 * Returns: (transfer full): the source
 */
NbSource *
nb_source_new_for_text (char  *text,
                        gsize  length)
{
  NbSource *self = source_new (FALSE);
  const char *end = text + length;
  const char *lf = find_byte (text, end, '\n');
  const char *cr = find_byte (text, end, '\r');
  guint n = 0;

  self->file_text = text;
  /* report lines are some 60 bytes long: grow once or not at all; the
   * arrays are filled in place and cut to their length at the end */
  g_array_set_size (self->pieces, length / 32 + 16);
  g_array_set_size (self->lines, length / 32 + 16);
  for (const char *p = text; p < end; n++)
    {
      const char *eol;

      if (n == NB_SOURCE_MAX_PIECES)
        {
          self->full = TRUE;
          break;
        }

      /* the next LF and CR, each looked for again only once passed: most
       * text has no CR at all */
      if (lf < p)
        lf = find_byte (p, end, '\n');
      if (cr < p)
        cr = find_byte (p, end, '\r');
      eol = MIN (lf, cr);
      if (n == self->pieces->len)
        {
          g_array_set_size (self->pieces, 2 * n);
          g_array_set_size (self->lines, 2 * n);
        }
      g_array_index (self->pieces, NbSourcePiece, n) =
        (NbSourcePiece) { p - text, eol - p, 0, 0, n + 1, 0, 0 };
      g_array_index (self->lines, NbSourceLine, n) = (NbSourceLine) { n, 1, FALSE, FALSE };
      p = eol;
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
  g_array_set_size (self->pieces, n);
  g_array_set_size (self->lines, n);
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
  g_free (self->published);
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
  return nb_source_add_box (self, text, length, x0, 0, x1, 0, place);
}

/**
 * nb_source_add_box:
 * @self: a source
 * @text: UTF-8 text
 * @length: its length, or -1
 * @x0: where it starts across the line
 * @y0: its top on the page
 * @x1: where it ends
 * @y1: its bottom
 * @place: where it is in the file
 *
 * Adds a run of glyphs with its box on a page, as nb_source_add_piece();
 * the box is what a view of the page highlights.
 *
 * Returns: %FALSE when the source is full
 */
gboolean
nb_source_add_box (NbSource      *self,
                   const char    *text,
                   gssize         length,
                   double         x0,
                   double         y0,
                   double         x1,
                   double         y1,
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
  piece.y0 = y0;
  piece.y1 = y1;
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

guint
nb_source_get_n_lines (NbSource *self)
{
  return self->lines->len;
}

/**
 * nb_source_is_full:
 * @self: a source
 *
 * Returns: whether the source reached its limits (%NB_SOURCE_MAX_PIECES,
 *   %NB_SOURCE_MAX_TEXT) and left out what came after
 */
gboolean
nb_source_is_full (NbSource *self)
{
  return self->full;
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

/**
 * nb_source_get_lines:
 * @self: a source
 * @n_lines: (out): how many lines it has
 *
 * For a reader of every line: the lines as one array, valid until more
 * are added.
 *
 * Returns: (array length=n_lines): the lines
 */
const NbSourceLine *
nb_source_get_lines (NbSource *self,
                     guint    *n_lines)
{
  *n_lines = self->lines->len;
  return (const NbSourceLine *) self->lines->data;
}

/**
 * nb_source_get_pieces:
 * @self: a source
 * @n_pieces: (out): how many pieces it has
 *
 * For a reader of every piece: the pieces as one array, valid until more
 * are added; each piece's text is at its offset in
 * nb_source_get_all_text().
 *
 * Returns: (array length=n_pieces): the pieces
 */
const NbSourcePiece *
nb_source_get_pieces (NbSource *self,
                      guint    *n_pieces)
{
  *n_pieces = self->pieces->len;
  return (const NbSourcePiece *) self->pieces->data;
}

/* Returns: the text the pieces' offsets count from */
const char *
nb_source_get_all_text (NbSource *self)
{
  return self->file_text != NULL ? self->file_text : self->text->str;
}

/* Returns: the piece's text; nul-terminated except in a text source */
const char *
nb_source_get_text (NbSource            *self,
                    const NbSourcePiece *piece)
{
  return nb_source_get_all_text (self) + piece->offset;
}

/**
 * nb_source_find_piece:
 * @self: a source
 * @id: a piece id: a cell's or a diagnostic's line
 *
 * Returns: (nullable): the piece, or %NULL when there is none with @id
 */
const NbSourcePiece *
nb_source_find_piece (NbSource *self,
                      guint     id)
{
  /* ids count from 1 in the order pieces were added */
  if (id == 0 || id > self->pieces->len)
    return NULL;
  return &g_array_index (self->pieces, NbSourcePiece, id - 1);
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

/* The date the file says it was made (a PDF's creation date), as
 * YYYY-MM-DD: the importer keeps it when the text states none. */
void
nb_source_set_published (NbSource   *self,
                         const char *date)
{
  g_free (self->published);
  self->published = g_strdup (date);
}

const char *
nb_source_get_published (NbSource *self)
{
  return self->published;
}
