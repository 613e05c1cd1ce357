/* nb-year-readings.h — digits that ran together, settled by the sums
 * between two years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-cross-rules.h"
#include "nb-report.h"

G_BEGIN_DECLS

void  nb_year_settle_readings  (NbReport      *older,
                                NbReport      *newer,
                                NbCrossRules  *rules,
                                GPtrArray     *resolved,
                                GPtrArray     *found);

G_END_DECLS
