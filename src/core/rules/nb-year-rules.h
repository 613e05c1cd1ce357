/* nb-year-rules.h — a report against last year's: copied text and tables,
 * figures far from last year's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-cross-rules.h"
#include "nb-report.h"

G_BEGIN_DECLS

/* The parts whose text is compared: 一, 五, 六, and all three together */
typedef enum
{
  NB_YEAR_PART_OVERVIEW,
  NB_YEAR_PART_PROBLEMS,
  NB_YEAR_PART_OTHER,
  NB_YEAR_PART_WHOLE,
  NB_YEAR_N_PARTS,
} NbYearPart;

void  nb_year_text_similarity  (NbReport          *older,
                                NbReport          *newer,
                                const NbCrossRule *rule,
                                double            *similarity);
void  nb_year_check_text       (NbTemplate        *template,
                                const NbCrossRule *rule,
                                const double      *similarity,
                                GPtrArray         *found);
void  nb_year_check_tables     (NbReport          *older,
                                NbReport          *newer,
                                const NbCrossRule *rule,
                                GPtrArray         *found);
void  nb_year_check_jump       (NbReport          *older,
                                NbReport          *newer,
                                NbCrossRules      *rules,
                                const NbCrossRule *rule,
                                GPtrArray         *found);

G_END_DECLS
