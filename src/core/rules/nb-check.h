/* nb-check.h — the rules written as code: what a rule sees, what it finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report-private.h"
#include "nb-template-private.h"

G_BEGIN_DECLS

/* A check rule reports at most this many findings on one report. */
#define NB_CHECK_MAX_FINDINGS 8

/* What the check rules over one report share, worked out by the first
 * rule that asks: the validator forgets it whenever the report changes */
typedef struct
{
  int own_words;   /* whether the narrative holds the writer's words; -1: not known */
} NbCheckShared;

#define NB_CHECK_SHARED_INIT { -1 }

/* One run of one check rule over a report: the rule reads the report and
 * the template's data for it, and adds its findings. */
typedef struct
{
  NbReport             *report;
  NbTemplate           *template;
  const NbTemplateRule *rule;
  GPtrArray            *findings;   /* NbDiagnostic */
  NbCheckShared        *shared;     /* (nullable) */
} NbCheck;

typedef void (*NbCheckFunc) (NbCheck *check);
typedef void (*NbCheckMatchFunc) (NbCheck              *check,
                                  guint                 section,
                                  const char           *text,
                                  const NbPatternMatch *match);

NbCheckFunc   nb_check_lookup        (const char  *rule_id);
NbDiagnostic *nb_check_add           (NbCheck     *check,
                                      const char  *message,
                                      guint        line,
                                      const guint *cells,
                                      guint        n_cells);
guint         nb_check_line          (NbCheck     *check,
                                      int          section,
                                      gsize        offset);
gboolean      nb_check_cell_value    (NbCheck     *check,
                                      guint        cell,
                                      gint64      *value);
int           nb_check_cell          (NbCheck     *check,
                                      const char  *address);
char         *nb_check_quote         (const char  *text,
                                      gsize        offset);
gboolean      nb_check_group_number  (const NbPatternMatch *match,
                                      int                   group,
                                      gint64               *value);
const char   *nb_check_section_text  (NbCheck     *check,
                                      const char  *section_id,
                                      int         *section);
gboolean      nb_check_is_full       (NbCheck     *check);
void          nb_check_each_match    (NbCheck     *check,
                                      NbCheckMatchFunc func);
gboolean      nb_check_matches       (NbCheck     *check,
                                      guint        p,
                                      const char  *text,
                                      gsize        length);
void          nb_check_iter_init     (NbCheck       *check,
                                      NbPatternIter *iter,
                                      guint          p,
                                      const char    *text,
                                      gsize          length);
gboolean      nb_check_section_missing (NbCheck   *check,
                                        int        section);
gboolean      nb_check_narrative_begun (NbCheck   *check);
gboolean      nb_check_report_blank    (NbCheck   *check);

/* The rules, one idea to a file */
void  nb_check_struct_sections        (NbCheck *check);
void  nb_check_struct_heading_number  (NbCheck *check);
void  nb_check_placeholder            (NbCheck *check);
void  nb_check_narrative_count        (NbCheck *check);
void  nb_check_narrative_none_claims  (NbCheck *check);
void  nb_check_narrative_all_closed   (NbCheck *check);
void  nb_check_narrative_problems     (NbCheck *check);
void  nb_check_narrative_plan_year    (NbCheck *check);
void  nb_check_narrative_fee          (NbCheck *check);
void  nb_check_narrative_stale_year   (NbCheck *check);
void  nb_check_t2_in_force            (NbCheck *check);
void  nb_check_text_enumeration       (NbCheck *check);
void  nb_check_text_latin             (NbCheck *check);
void  nb_check_text_punctuation       (NbCheck *check);
void  nb_check_text_repeated_word     (NbCheck *check);
void  nb_check_meta_published_late    (NbCheck *check);
void  nb_check_struct_overview_topics (NbCheck *check);
void  nb_check_t2_fee_magnitude       (NbCheck *check);
void  nb_check_t3_column_swap         (NbCheck *check);
void  nb_check_t3_split_cell          (NbCheck *check);

G_END_DECLS
