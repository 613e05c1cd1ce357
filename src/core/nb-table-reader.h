/* nb-table-reader.h — matches the lines of one table onto the template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report.h"
#include "nb-template-private.h"

G_BEGIN_DECLS

/* Built once per template table: the folded labels to match. */
typedef struct _NbTableKeys NbTableKeys;

/* The state of reading one table of one file. */
typedef struct _NbTableReader NbTableReader;

/* A cell of positioned input: where it stands across the line (grid
 * columns or points) and the id its value is loaded with. */
typedef struct
{
  const char *text;
  gsize       length;
  guint       line;
  double      x0;
  double      x1;
} NbTableCell;

NbTableKeys    *nb_table_keys_new       (NbTemplate     *template,
                                         guint           table);
void            nb_table_keys_free      (NbTableKeys    *keys);

NbTableReader  *nb_table_reader_new     (void);
void            nb_table_reader_free    (NbTableReader  *reader);
void            nb_table_reader_begin   (NbTableReader  *reader,
                                         NbTableKeys    *keys,
                                         NbReport       *report,
                                         guint           heading_line);
void            nb_table_reader_line    (NbTableReader  *reader,
                                         const char     *line,
                                         gsize           length,
                                         guint           line_number);
void            nb_table_reader_cells   (NbTableReader     *reader,
                                         const NbTableCell *cells,
                                         guint              n_cells);
void            nb_table_reader_end     (NbTableReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbTableReader, nb_table_reader_free)

G_END_DECLS
