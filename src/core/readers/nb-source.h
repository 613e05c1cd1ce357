/* nb-source.h — what a reader makes of a file: paragraphs and tables, in
 * reading order, every piece with its place in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-place.h"

G_BEGIN_DECLS

/* Every reader stops at these, whatever the file claims. */
#define NB_SOURCE_MAX_PIECES   200000
#define NB_SOURCE_MAX_TEXT     (16 * 1024 * 1024)
#define NB_SOURCE_MAX_COLUMNS  256
#define NB_SOURCE_MAX_SPAN     1000
#define NB_SOURCE_MAX_GRID     1000000   /* grid slots of one table */
#define NB_SOURCE_MAX_DEPTH    1024      /* nesting of elements: a page wrapped in
                                          * hundreds of <div>s is read */

/* One piece of text: a line of a text file, a paragraph, a table cell, or
 * a run of glyphs on a PDF line. @x0 … @x1 is where it stands across the
 * line (grid columns, or points on a page); both are 0 when unknown. */
typedef struct
{
  gsize  offset;    /* into the source's text */
  gsize  length;
  double x0;
  double x1;
  guint  id;        /* 1-based, in reading order: the "line" of a cell */
  double y0;        /* a PDF's glyph runs: top and bottom on the page, */
  double y1;        /* in points; both 0 otherwise */
} NbSourcePiece;

typedef struct
{
  guint    first_piece;
  guint    n_pieces;
  gboolean positioned;  /* pieces are cells or boxes placed by x */
  gboolean continues;   /* a PDF line that carries on the paragraph the
                         * line before wrapped */
} NbSourceLine;

/**
 * NbSourceBlockKind:
 * @NB_SOURCE_BLOCK_PARAGRAPH: one line of text
 * @NB_SOURCE_BLOCK_TABLE: a grid, one line per grid row
 */
typedef enum
{
  NB_SOURCE_BLOCK_PARAGRAPH,
  NB_SOURCE_BLOCK_TABLE,
} NbSourceBlockKind;

typedef struct
{
  NbSourceBlockKind kind;
  guint  first_line;
  guint  n_lines;
  guint  n_rows;      /* tables: the grid, spans expanded */
  guint  n_columns;
  guint *grid;        /* tables: for each slot, row-major, 1 + the piece id
                       * of the cell covering it, or 0 */
} NbSourceBlock;

typedef struct _NbSource NbSource;

NbSource            *nb_source_new              (void);
NbSource            *nb_source_new_for_text     (char            *text,
                                                 gsize            length);
void                 nb_source_free             (NbSource        *self);
gboolean             nb_source_add_piece        (NbSource        *self,
                                                 const char      *text,
                                                 gssize           length,
                                                 double           x0,
                                                 double           x1,
                                                 const NbPlace   *place);
gboolean             nb_source_add_box          (NbSource        *self,
                                                 const char      *text,
                                                 gssize           length,
                                                 double           x0,
                                                 double           y0,
                                                 double           x1,
                                                 double           y1,
                                                 const NbPlace   *place);
void                 nb_source_end_line         (NbSource        *self,
                                                 gboolean         positioned);
void                 nb_source_end_line_full    (NbSource        *self,
                                                 gboolean         positioned,
                                                 gboolean         continues);
gboolean             nb_source_add_paragraph    (NbSource        *self,
                                                 const char      *text,
                                                 gssize           length,
                                                 const NbPlace   *place);
guint                nb_source_get_n_lines      (NbSource        *self);
gboolean             nb_source_is_full          (NbSource        *self);
const NbSourceLine  *nb_source_get_line         (NbSource        *self,
                                                 guint            line);
const NbSourcePiece *nb_source_get_piece        (NbSource        *self,
                                                 guint            piece);
const char          *nb_source_get_text         (NbSource        *self,
                                                 const NbSourcePiece *piece);
const NbSourceLine  *nb_source_get_lines        (NbSource        *self,
                                                 guint           *n_lines);
const NbSourcePiece *nb_source_get_pieces       (NbSource        *self,
                                                 guint           *n_pieces);
const char          *nb_source_get_all_text     (NbSource        *self);
const NbSourcePiece *nb_source_find_piece       (NbSource        *self,
                                                 guint            id);
guint                nb_source_get_n_blocks     (NbSource        *self);
const NbSourceBlock *nb_source_get_block        (NbSource        *self,
                                                 guint            block);
GArray              *nb_source_steal_places     (NbSource        *self);
const NbPlace       *nb_source_get_place        (NbSource        *self,
                                                 guint            id);
void                 nb_source_set_encoding     (NbSource        *self,
                                                 const char      *encoding,
                                                 guint            repaired_line);
const char          *nb_source_get_encoding     (NbSource        *self,
                                                 guint           *repaired_line);
void                 nb_source_set_published    (NbSource        *self,
                                                 const char      *date);
const char          *nb_source_get_published    (NbSource        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbSource, nb_source_free)

G_END_DECLS
