/* nb-table-matcher.h — matches the lines of one table onto the template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-readers.h"
#include "nb-report.h"
#include "nb-template-private.h"

G_BEGIN_DECLS

/* Built once per template table: the folded labels to match. */
typedef struct _NbTableKeys NbTableKeys;

/* The state of reading one table of one file. */
typedef struct _NbTableMatcher NbTableMatcher;

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

gboolean        nb_table_keys_find      (NbTableKeys    *keys,
                                         const char     *fold,
                                         gsize           length,
                                         gsize          *start,
                                         gsize          *end);

NbTableMatcher  *nb_table_matcher_new     (void);
void            nb_table_matcher_free    (NbTableMatcher  *reader);
void            nb_table_matcher_set_source (NbTableMatcher *reader,
                                         NbSource       *source);
void            nb_table_matcher_begin   (NbTableMatcher  *reader,
                                         NbTableKeys    *keys,
                                         NbReport       *report,
                                         guint           heading_line);
void            nb_table_matcher_line    (NbTableMatcher  *reader,
                                         const char     *line,
                                         gsize           length,
                                         guint           line_number);
void            nb_table_matcher_cells   (NbTableMatcher     *reader,
                                         const NbTableCell *cells,
                                         guint              n_cells);
void            nb_table_matcher_end     (NbTableMatcher  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbTableMatcher, nb_table_matcher_free)

G_END_DECLS
