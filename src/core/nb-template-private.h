/* nb-template-private.h — the template's tables and rules, for the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-template.h"

G_BEGIN_DECLS

typedef struct
{
  char       *id;
  char       *label;
  char       *group;
  NbCellKind  kind;
} NbTemplateColumn;

typedef struct
{
  char  *id;
  char  *label;
  char  *parent;
  char **variants;
} NbTemplateGroup;

typedef struct
{
  char   *id;
  char   *label;
  char   *short_label;
  char   *group;
  char  **variants;
  guint  *columns;     /* indices into the table's columns */
  guint   n_columns;
  guint   first_cell;
} NbTemplateRow;

typedef struct
{
  char      *id;
  char      *section;
  char      *note;
  char      *row_header;  /* the heading over the row labels, if any */
  gboolean   flat;       /* all cells come as one unlabelled line */
  GPtrArray *columns;    /* NbTemplateColumn */
  GPtrArray *column_groups; /* NbTemplateGroup */
  GPtrArray *groups;     /* NbTemplateGroup (row groups) */
  GPtrArray *rows;       /* NbTemplateRow */
  guint      first_cell;
  guint      n_cells;
} NbTemplateTable;

typedef struct
{
  char  *id;
  char  *heading;
  char  *numeral;
  char  *text;
  char **variants;
  int    table;          /* index into tables, or -1 for a narrative */
} NbTemplateSection;

typedef struct
{
  char       *address;
  char       *label;     /* column label, then row label */
  NbCellKind  kind;
  guint       table;
  guint       row;
  guint       column;
} NbTemplateCell;

typedef enum
{
  NB_RULE_CELL_INVALID,
  NB_RULE_CELL_EMPTY,
  NB_RULE_SUM,
  NB_RULE_NARRATIVE,
  NB_RULE_YEAR,
  NB_RULE_IMPORT,
} NbRuleType;

typedef struct
{
  char       *id;
  NbSeverity  severity;
  NbRuleType  type;
  char       *lhs_text;
  char       *rhs_text;
  int         section;   /* narrative rules: the section read */
  GArray     *cells;     /* narrative rules: guint cell indices */
  GPtrArray  *patterns;  /* GRegex, first group is the number */
  GPtrArray  *zero_patterns;
  gboolean    fixable;   /* sums: the one lhs cell may be set to the rhs */
} NbTemplateRule;

/* One evaluation of a sum rule: sum(lhs) = sum(rhs) */
typedef struct
{
  guint       rule;
  const char *each_label;
  guint      *cells;     /* lhs then rhs */
  guint       n_lhs;
  guint       n_cells;
} NbRuleInstance;

GPtrArray              *nb_template_get_tables      (NbTemplate *self);
GPtrArray              *nb_template_get_sections    (NbTemplate *self);
GPtrArray              *nb_template_get_rules       (NbTemplate *self);
const NbTemplateCell   *nb_template_get_cell        (NbTemplate *self,
                                                     guint       cell);
const NbRuleInstance   *nb_template_get_instances   (NbTemplate *self,
                                                     guint      *n_instances);
const guint            *nb_template_get_cell_instances (NbTemplate *self,
                                                        guint       cell,
                                                        guint      *n_instances);
const char * const     *nb_template_get_marks       (NbTemplate *self);
int                     nb_template_lookup_section  (NbTemplate *self,
                                                     const char *id);
NbTemplateTable        *nb_template_lookup_table    (NbTemplate *self,
                                                     const char *id);
int                     nb_template_lookup_rule     (NbTemplate *self,
                                                     const char *id);
const guint            *nb_template_get_narrative_rules (NbTemplate *self,
                                                         guint      *n_rules);

typedef struct _NbCrossRules NbCrossRules;

NbCrossRules           *nb_template_get_cross_rules (NbTemplate *self);

G_END_DECLS
