/* nb-year-readings.c — digits that ran together, settled by the sums
 * between two years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-year-readings"

#include "config.h"

#include "nb-year-readings.h"

#include <glib/gi18n-lib.h>

#include "nb-diagnostic-private.h"
#include "nb-report-private.h"

/* A run of digits in one of the two reports, one reading tried. */
typedef struct
{
  NbReport              *reports[2];   /* by NbSide */
  NbSide                 side;
  const NbDigitReadings *readings;
  guint                  reading;
} Trial;

static gboolean
in_run (const Trial *trial,
        NbSide       side,
        guint        cell)
{
  return side == trial->side && cell >= trial->readings->first_cell &&
         cell < trial->readings->first_cell + trial->readings->n_cells;
}

/* The instance's two sides with the run read as @trial says; FALSE when a
 * cell outside the run is not a number. *@touches tells whether the
 * instance names a cell of the run at all. */
static gboolean
evaluate (const Trial           *trial,
          const NbCrossInstance *instance,
          const guint           *cells,
          gboolean              *touches,
          gboolean              *holds)
{
  gint64 sums[2] = { 0, 0 };

  *touches = FALSE;
  for (guint i = 0; i < instance->n_terms; i++)
    {
      NbReport *report = trial->reports[instance->sides[i]];
      gint64 value;

      if (in_run (trial, instance->sides[i], cells[i]))
        {
          value = trial->readings->values[trial->reading * trial->readings->n_cells +
                                          cells[i] - trial->readings->first_cell];
          *touches = TRUE;
        }
      else if (nb_report_get_cell_state (report, cells[i]) == NB_CELL_STATE_VALUE)
        value = nb_report_get_cell_value (report, cells[i]);
      else
        return FALSE;
      sums[i >= instance->n_lhs] += instance->signs[i] * value;
    }
  *holds = sums[0] == sums[1];
  return *touches;
}

/* Which readings every sum between the years that can judge the run
 * allows; the sums that judged it are named in @judged. Returns how many
 * readings hold. */
static guint
try_readings (Trial        *trial,
              NbCrossRules *rules,
              GPtrArray    *resolved,
              gboolean     *allowed,
              GString      *judged,
              const char  **rule_id)
{
  guint n_allowed = 0;

  for (guint r = 0; r < trial->readings->n_readings; r++)
    allowed[r] = TRUE;
  for (guint i = 0; i < nb_cross_rules_get_n_instances (rules); i++)
    {
      const NbCrossInstance *instance = nb_cross_rules_get_instance (rules, i);
      const NbCrossRule *rule = nb_cross_rules_get_rule (rules, instance->rule);
      const guint *cells = g_ptr_array_index (resolved, i);
      gboolean touches = FALSE, holds, judges = FALSE;

      if (cells == NULL)
        continue;
      for (trial->reading = 0; trial->reading < trial->readings->n_readings; trial->reading++)
        if (evaluate (trial, instance, cells, &touches, &holds))
          {
            judges = TRUE;
            allowed[trial->reading] &= holds;
          }
      if (!judges)
        continue;
      if (judged->len > 0)
        g_string_append (judged, "; ");
      /* Translators: "行政规范性文件: 本年现行有效 = 上年现行有效 + 本年制发 − 本年废止" */
      g_string_append_printf (judged, _("%s: %s = %s"), instance->each_label, rule->lhs_text,
                              rule->rhs_text);
      if (*rule_id == NULL)
        *rule_id = rule->id;
    }
  for (guint r = 0; r < trial->readings->n_readings; r++)
    n_allowed += allowed[r];
  return judged->len > 0 ? n_allowed : 0;
}

static NbDiagnostic *
settle (Trial        *trial,
        NbCrossRules *rules,
        GPtrArray    *resolved)
{
  const NbDigitReadings *readings = trial->readings;
  g_autofree gboolean *allowed = g_new0 (gboolean, readings->n_readings);
  g_autofree guint *cells = g_new (guint, readings->n_cells);
  g_autofree guint8 *sides = g_new (guint8, readings->n_cells);
  g_autoptr(GString) judged = g_string_new (NULL);
  g_autoptr(GString) listed = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint other_year = nb_report_get_year (trial->reports[!trial->side]);
  const char *rule_id = NULL;
  NbDiagnostic *diagnostic;
  guint n_allowed, line;

  for (guint i = 0; i < readings->n_cells; i++)
    if (nb_report_get_cell_state (trial->reports[trial->side],
                                  readings->first_cell + i) == NB_CELL_STATE_VALUE)
      return NULL;  /* the reading was typed in: nothing left to settle */
  n_allowed = try_readings (trial, rules, resolved, allowed, judged, &rule_id);
  if (n_allowed == 0 || n_allowed == readings->n_readings)
    return NULL;
  for (guint r = 0; r < readings->n_readings; r++)
    if (allowed[r])
      g_string_append_printf (listed, "%s%s", listed->len > 0 ? "; " : "", readings->quoted[r]);
  if (n_allowed == 1)
    message = g_strdup_printf (_("Reading “%s” as %s: the only reading for which %s holds "
                                 "with the report for %u"),
                               readings->text, listed->str, judged->str, other_year);
  else
    message = g_strdup_printf (_("“%s” can be read %u ways, but only as %s does %s hold with "
                                 "the report for %u"),
                               readings->text, readings->n_readings, listed->str, judged->str,
                               other_year);
  for (guint i = 0; i < readings->n_cells; i++)
    {
      cells[i] = readings->first_cell + i;
      sides[i] = trial->side;
    }
  /* a finding's line is one of the newer report's, as for every rule
   * between the years */
  line = trial->side == NB_SIDE_NEWER ? readings->line : 0;
  diagnostic = nb_diagnostic_new_across (nb_report_get_template (trial->reports[NB_SIDE_NEWER]),
                                         NB_SEVERITY_INFO, rule_id, message, line,
                                         cells, sides, readings->n_cells);
  nb_diagnostic_take_location (diagnostic,
                               nb_place_describe (nb_report_peek_place (trial->reports[NB_SIDE_NEWER],
                                                                        line)));
  return diagnostic;
}

/* year.in-force, year.carry-over and every other sum between the years
 * on a run of digits the import could not split: the readings for which
 * they hold, when that rules some out. Never fills the cells. */
void
nb_year_settle_readings (NbReport     *older,
                         NbReport     *newer,
                         NbCrossRules *rules,
                         GPtrArray    *resolved,
                         GPtrArray    *found)
{
  Trial trial = { { older, newer }, NB_SIDE_OLDER, NULL, 0 };

  for (guint side = NB_SIDE_OLDER; side <= NB_SIDE_NEWER; side++)
    {
      trial.side = side;
      for (guint i = 0; i < nb_report_get_n_digit_readings (trial.reports[side]); i++)
        {
          NbDiagnostic *diagnostic;

          trial.readings = nb_report_get_digit_readings (trial.reports[side], i);
          diagnostic = settle (&trial, rules, resolved);
          if (diagnostic != NULL)
            g_ptr_array_add (found, diagnostic);
        }
    }
}
