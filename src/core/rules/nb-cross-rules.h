/* nb-cross-rules.h — the rules between two years of one organ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nb-report.h"
#include "nb-template-private.h"

typedef struct _NbCrossRules NbCrossRules;

G_BEGIN_DECLS

typedef enum
{
  NB_SIDE_OLDER,
  NB_SIDE_NEWER,
} NbSide;

typedef enum
{
  NB_CROSS_SUM,         /* a sum over cells of both years */
  NB_CROSS_SAME_ORGAN,  /* same organ, one year apart */
  NB_CROSS_TEXT_SIMILARITY,  /* the text copied from last year */
  NB_CROSS_TABLES_IDENTICAL, /* the tables copied from last year */
  NB_CROSS_JUMP,        /* a headline figure far from last year's */
} NbCrossType;

typedef struct
{
  char        *id;
  NbSeverity   severity;
  NbCrossType  type;
  char        *lhs_text;
  char        *rhs_text;
  GPtrArray   *patterns;   /* text-similarity: the statutory sentences (GRegex) */
  double       threshold;  /* text-similarity: the share that warns, 0 to 1 */
  double       factor;     /* jump: how many times more or less */
  gint64       minimum;    /* jump: last year's figure at least this */
  GArray      *cells;      /* jump: amounts whose ×10⁴ asks about the unit (guint) */
} NbCrossRule;

/* One evaluation: sum(sign × cell of side) over lhs = the same over rhs. */
typedef struct
{
  guint       rule;
  const char *each_label;
  guint       n_lhs;
  guint       n_terms;
  guint      *cells;
  guint8     *sides;     /* NbSide */
  gint8      *signs;     /* +1 or -1 */
} NbCrossInstance;

/* A figure both years' summaries show: the sum of some cells, or a
 * number the overview states. */
typedef struct
{
  char   *label;
  GArray *cells;      /* guint */
  GRegex *pattern;    /* the first group is the number, or NULL */
} NbHeadline;

NbCrossRules           *nb_cross_rules_new           (NbTemplate    *template,
                                                      GError       **error);
guint                   nb_cross_rules_get_n_headlines (NbCrossRules *rules);
const NbHeadline       *nb_cross_rules_get_headline  (NbCrossRules  *rules,
                                                      guint          headline);
void                    nb_cross_rules_free          (NbCrossRules  *rules);
guint                   nb_cross_rules_get_n_rules   (NbCrossRules  *rules);
const NbCrossRule      *nb_cross_rules_get_rule      (NbCrossRules  *rules,
                                                      guint          rule);
guint                   nb_cross_rules_get_n_instances (NbCrossRules *rules);
const NbCrossInstance  *nb_cross_rules_get_instance  (NbCrossRules  *rules,
                                                      guint          instance);
gboolean                nb_headline_get_value        (const NbHeadline *headline,
                                                      NbReport      *report,
                                                      gint64        *value);

G_END_DECLS
