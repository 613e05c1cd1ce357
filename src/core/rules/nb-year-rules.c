/* nb-year-rules.c — a report against last year's: copied text and tables,
 * figures far from last year's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-year-rules"

#include "config.h"

#include "nb-year-rules.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nb-number.h"
#include "nb-text-similarity.h"

/* A part with fewer runs of text than this is too short to call copied:
 * "本年度未收取信息处理费。" is rightly the same every year. */
#define MIN_RUNS 40
/* tables alike in fewer non-zero cells than this may well be alike */
#define MIN_NONZERO_CELLS 5
/* an amount ×10⁴ (元 for 万元) is between these */
#define UNIT_LOW 5000.0
#define UNIT_HIGH 20000.0

static const char *const part_sections[] = { "overview", "problems", "other" };
static const char *const part_names[] = { "一", "五", "六" };

static char *
part_text (NbReport *report,
           guint     part)
{
  if (part < NB_YEAR_PART_WHOLE)
    return g_strdup (nb_report_get_section_text (report, part_sections[part]));
  return g_strjoin ("\n", nb_report_get_section_text (report, "overview"),
                    nb_report_get_section_text (report, "problems"),
                    nb_report_get_section_text (report, "other"), NULL);
}

/**
 * nb_year_text_similarity:
 * @older: last year's report
 * @newer: this year's
 * @rule: the `year.text-similarity` rule, whose boilerplate is left out
 * @similarity: (out) (array fixed-size=4): for each #NbYearPart, the
 *   share of text the years have in common, or -1 for a part too short
 */
void
nb_year_text_similarity (NbReport          *older,
                         NbReport          *newer,
                         const NbCrossRule *rule,
                         double            *similarity)
{
  const char *names[] = { nb_report_get_organ (older), nb_report_get_organ (newer), NULL };

  for (guint part = 0; part < NB_YEAR_N_PARTS; part++)
    {
      g_autofree char *a = part_text (older, part);
      g_autofree char *b = part_text (newer, part);
      g_autoptr(NbTextPrint) print_a = nb_text_print_new (a, names, rule->patterns);
      g_autoptr(NbTextPrint) print_b = nb_text_print_new (b, names, rule->patterns);

      similarity[part] = -1;
      if (nb_text_print_get_length (print_a) >= MIN_RUNS && nb_text_print_get_length (print_b) >= MIN_RUNS)
        similarity[part] = nb_text_print_similarity (print_a, print_b);
    }
}

static NbDiagnostic *
new_finding (NbTemplate        *template,
             const NbCrossRule *rule,
             const char        *message,
             const guint       *cells,
             const guint8      *sides,
             guint              n_cells)
{
  return nb_diagnostic_new_across (template, rule->severity, rule->id, message, 0, cells, sides, n_cells);
}

/* year.text-similarity: the whole text, or else each part, as much the
 * same as last year's as the threshold says */
void
nb_year_check_text (NbTemplate        *template,
                    const NbCrossRule *rule,
                    const double      *similarity,
                    GPtrArray         *found)
{
  if (similarity[NB_YEAR_PART_WHOLE] >= rule->threshold)
    {
      g_autofree char *message =
        g_strdup_printf (_("The text is %d %% the same as last year's, after numbers, years and "
                           "the organ's name are left out"),
                         (int) floor (similarity[NB_YEAR_PART_WHOLE] * 100));

      g_ptr_array_add (found, new_finding (template, rule, message, NULL, NULL, 0));
      return;
    }
  for (guint part = 0; part < NB_YEAR_PART_WHOLE; part++)
    if (similarity[part] >= rule->threshold)
      {
        g_autofree char *message =
          g_strdup_printf (_("Section %s is %d %% the same as last year's"), part_names[part],
                           (int) floor (similarity[part] * 100));

        g_ptr_array_add (found, new_finding (template, rule, message, NULL, NULL, 0));
      }
}

/* year.tables-identical: every cell of every table holds the same value
 * as last year, and enough of them are not 0 for that to be unlikely */
void
nb_year_check_tables (NbReport          *older,
                      NbReport          *newer,
                      const NbCrossRule *rule,
                      GPtrArray         *found)
{
  guint n_cells = nb_report_get_n_cells (newer);
  guint nonzero = 0;
  g_autofree char *message = NULL;

  for (guint cell = 0; cell < n_cells; cell++)
    {
      if (nb_report_get_cell_state (older, cell) != NB_CELL_STATE_VALUE ||
          nb_report_get_cell_state (newer, cell) != NB_CELL_STATE_VALUE ||
          nb_report_get_cell_value (older, cell) != nb_report_get_cell_value (newer, cell))
        return;
      nonzero += nb_report_get_cell_value (newer, cell) != 0;
    }
  if (nonzero < MIN_NONZERO_CELLS)
    return;
  message = g_strdup_printf (_("Every table holds the same numbers as last year's (%u cells not 0)"),
                             nonzero);
  g_ptr_array_add (found, new_finding (nb_report_get_template (newer), rule, message, NULL, NULL, 0));
}

static gboolean
sum_cells (NbReport *report,
           GArray   *cells,
           gint64   *sum)
{
  *sum = 0;
  for (guint i = 0; i < cells->len; i++)
    {
      guint cell = g_array_index (cells, guint, i);

      if (nb_report_get_cell_state (report, cell) != NB_CELL_STATE_VALUE)
        return FALSE;
      *sum += nb_report_get_cell_value (report, cell);
    }
  return TRUE;
}

static void
add_jump (NbReport          *older,
          NbReport          *newer,
          const NbCrossRule *rule,
          const char        *label,
          GArray            *cells,
          gint64             before,
          gint64             now,
          GPtrArray         *found)
{
  NbCellKind kind = nb_template_get_cell_kind (nb_report_get_template (newer), g_array_index (cells, guint, 0));
  g_autofree char *before_text = nb_number_format (before, kind);
  g_autofree char *now_text = nb_number_format (now, kind);
  g_autofree char *message = NULL;
  g_autofree guint *both = g_new (guint, cells->len * 2);
  g_autofree guint8 *sides = g_new (guint8, cells->len * 2);
  double ratio = (double) now / before;

  for (guint i = 0; i < cells->len; i++)
    {
      both[i] = both[cells->len + i] = g_array_index (cells, guint, i);
      sides[i] = NB_SIDE_NEWER;
      sides[cells->len + i] = NB_SIDE_OLDER;
    }
  if (kind == NB_CELL_KIND_AMOUNT && ratio >= UNIT_LOW && ratio <= UNIT_HIGH)
    message = g_strdup_printf (_("%s: %s last year, %s this year — about 10 000 times as much: "
                                 "entered in 元 instead of 万元?"),
                               label, before_text, now_text);
  else if (kind == NB_CELL_KIND_AMOUNT && ratio > 0 && 1 / ratio >= UNIT_LOW && 1 / ratio <= UNIT_HIGH)
    message = g_strdup_printf (_("%s: %s last year, %s this year — about 10 000 times less: "
                                 "last year entered in 元 instead of 万元?"),
                               label, before_text, now_text);
  else
    message = g_strdup_printf (_("%s: %s last year, %s this year"), label, before_text, now_text);
  g_ptr_array_add (found, new_finding (nb_report_get_template (newer), rule, message, both, sides,
                                       cells->len * 2));
}

static void
check_figure (NbReport          *older,
              NbReport          *newer,
              const NbCrossRule *rule,
              const char        *label,
              GArray            *cells,
              GPtrArray         *found)
{
  gint64 before, now;

  if (cells->len == 0 || !sum_cells (older, cells, &before) || !sum_cells (newer, cells, &now))
    return;
  if (before < rule->minimum || (now < before * rule->factor && now * rule->factor > before))
    return;
  add_jump (older, newer, rule, label, cells, before, now, found);
}

/* year.jump: a headline figure rule->factor times last year's or more, or
 * that much less, when last year's is at least rule->minimum; and an
 * amount that is about 10⁴ times last year's, a unit mixed up */
void
nb_year_check_jump (NbReport          *older,
                    NbReport          *newer,
                    NbCrossRules      *rules,
                    const NbCrossRule *rule,
                    GPtrArray         *found)
{
  NbTemplate *template = nb_report_get_template (newer);

  for (guint h = 0; h < nb_cross_rules_get_n_headlines (rules); h++)
    {
      const NbHeadline *headline = nb_cross_rules_get_headline (rules, h);

      check_figure (older, newer, rule, headline->label, headline->cells, found);
    }
  for (guint i = 0; i < rule->cells->len; i++)
    {
      g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (guint));
      guint cell = g_array_index (rule->cells, guint, i);
      gint64 before, now;

      g_array_append_val (one, cell);
      if (!sum_cells (older, one, &before) || !sum_cells (newer, one, &now) || before <= 0 || now <= 0)
        continue;
      if ((double) now / before >= UNIT_LOW || (double) before / now >= UNIT_LOW)
        add_jump (older, newer, rule, nb_template_get_cell_label (template, cell), one, before, now, found);
    }
}
