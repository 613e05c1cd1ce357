/* nb-template-private.h — the template's tables and rules, for the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nb-pattern.h"
#include "nb-template.h"

G_BEGIN_DECLS

typedef enum
{
  NB_RULE_CELL_INVALID,
  NB_RULE_CELL_EMPTY,
  NB_RULE_SUM,
  NB_RULE_NARRATIVE,
  NB_RULE_YEAR,
  NB_RULE_IMPORT,
  NB_RULE_CHECK,
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
  GPtrArray  *patterns;  /* NbPattern, first group is the number */
  GPtrArray  *zero_patterns;   /* NbPattern */
  gboolean    fixable;   /* sums: the one lhs cell may be set to the rhs */
  GStrv       words;     /* check rules: words they look for or accept */
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

GPtrArray              *nb_template_get_rules       (NbTemplate *self);
const NbTemplateCell   *nb_template_peek_cells      (NbTemplate *self);
const NbRuleInstance   *nb_template_get_instances   (NbTemplate *self,
                                                     guint      *n_instances);
const guint            *nb_template_get_cell_instances (NbTemplate *self,
                                                        guint       cell,
                                                        guint      *n_instances);
int                     nb_template_lookup_rule     (NbTemplate *self,
                                                     const char *id);
const guint            *nb_template_get_narrative_rules (NbTemplate *self,
                                                         guint      *n_rules);

JsonArray              *nb_template_get_cross_rules (NbTemplate *self);
JsonArray              *nb_template_get_headlines   (NbTemplate *self);

G_END_DECLS
