/* nb-section-rules.c — what sections 五 and 六 must say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-section-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-check.h"
#include "nb-diagnostic-private.h"

static gboolean
any_matches (GPtrArray  *patterns,
             const char *text)
{
  for (guint p = 0; p < patterns->len; p++)
    if (g_regex_match (nb_pattern_get_regex (g_ptr_array_index (patterns, p)), text, 0, NULL))
      return TRUE;
  return FALSE;
}

/* any_matches() of the rule's patterns, tried only where they can start */
static gboolean
any_pattern_matches (NbCheck    *check,
                     guint       section,
                     const char *text)
{
  gsize length = nb_report_peek_section_length (check->report, section);

  for (guint p = 0; p < check->rule->patterns->len; p++)
    if (nb_check_matches (check, p, text, length))
      return TRUE;
  return FALSE;
}

/* "无", "暂无。" and blanks say nothing */
static gboolean
says_nothing (const char *text)
{
  /* what ^(?:暂)?(?:无|没有)?[。.]?$ matches once the text's blanks are
   * stripped, without a pattern compiled at every call */
  static const char *const parts[][3] = { { "暂" }, { "无", "没有" }, { "。", "." } };
  const char *p = text;
  const char *end;

  if (text == NULL)
    return TRUE;
  end = text + strlen (text);
  while (p < end && g_ascii_isspace (*p))
    p++;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    for (guint k = 0; k < G_N_ELEMENTS (parts[i]) && parts[i][k] != NULL; k++)
      if ((gsize) (end - p) >= strlen (parts[i][k]) && memcmp (p, parts[i][k], strlen (parts[i][k])) == 0)
        {
          p += strlen (parts[i][k]);
          break;
        }
  return p == end;
}

static void
add_finding (NbCheck    *check,
             const char *message,
             const char *subject)
{
  NbDiagnostic *diagnostic = nb_check_add (check, message, 0, NULL, 0);

  if (diagnostic != NULL)
    nb_diagnostic_set_subject (diagnostic, subject);
}

/* narrative.problems: 五 names at least one problem (a word of `patterns`)
 * and at least one improvement (a word of `zero_patterns`). */
void
nb_check_narrative_problems (NbCheck *check)
{
  int section;
  const char *text = nb_check_section_text (check, "problems", &section);

  if (section < 0 || nb_check_section_missing (check, section) || !nb_check_narrative_begun (check))
    return;
  if (says_nothing (text))
    {
      add_finding (check, _("Section 五 names no problem and no improvement: it is empty"), "empty");
      return;
    }
  if (!any_pattern_matches (check, section, text))
    add_finding (check, _("Section 五 names no problem (such as 不足, 有待, 不够)"), "problem");
  if (!any_matches (check->rule->zero_patterns, text))
    add_finding (check, _("Section 五 names no improvement (such as 改进, 加强, 下一步)"),
                 "improvement");
}

/* narrative.plan-year: a plan in 五 (group 1 is its year) is for the
 * year after the report's; one for the report's own year or before is
 * last year's text. Plans further ahead (到2025年) are not judged. */
void
nb_check_narrative_plan_year (NbCheck *check)
{
  guint year = nb_report_get_year (check->report);
  int section;
  const char *text = nb_check_section_text (check, "problems", &section);

  if (text == NULL || year == 0)
    return;
  for (guint p = 0; p < check->rule->patterns->len; p++)
    {
      g_auto(NbPatternIter) iter;
      const NbPatternMatch *match;

      nb_check_iter_init (check, &iter, p, text,
                          nb_report_peek_section_length (check->report, section));
      while (!nb_check_is_full (check) && (match = nb_pattern_iter_next (&iter)) != NULL)
        {
          g_autofree char *quote = NULL;
          g_autofree char *message = NULL;
          gint64 planned;
          int start, end;

          nb_pattern_match_fetch_pos (match, 0, &start, &end);
          if (!nb_check_group_number (match, 1, &planned) || planned > year)
            continue;
          quote = nb_check_quote (text, start);
          message = g_strdup_printf (_("The plan in “%s” is for %u; a report for %u plans for %u"),
                                     quote, (guint) planned, year, year + 1);
          if (nb_check_add (check, message, nb_check_line (check, section, start), NULL, 0) == NULL)
            return;
        }
    }
}

/* narrative.fee-statement: 六 reports 信息处理费 (the fee of the 办法 on
 * 信息处理费), even to say none was charged. */
void
nb_check_narrative_fee (NbCheck *check)
{
  int section;
  const char *text = nb_check_section_text (check, "other", &section);

  if (section < 0 || nb_check_section_missing (check, section) || !nb_check_narrative_begun (check) ||
      (text != NULL && any_pattern_matches (check, section, text)))
    return;
  add_finding (check, _("Section 六 does not say whether 信息处理费 was charged"), "other");
}

/* narrative.stale-year: 一 or 五 speaks of the year before the report's as
 * the year reported on ("2023年，我局…" opening a paragraph of a report
 * for 2024): last year's text, its year left in. Group 1 is the year. */
void
nb_check_narrative_stale_year (NbCheck *check)
{
  static const char *const sections[] = { "overview", "problems" };
  guint year = nb_report_get_year (check->report);

  for (guint i = 0; i < G_N_ELEMENTS (sections) && year > 0; i++)
    {
      int section;
      const char *text = nb_check_section_text (check, sections[i], &section);

      for (guint p = 0; text != NULL && p < check->rule->patterns->len; p++)
        {
          g_auto(NbPatternIter) iter;
          const NbPatternMatch *match;

          nb_check_iter_init (check, &iter, p, text,
                              nb_report_peek_section_length (check->report, section));
          while (!nb_check_is_full (check) && (match = nb_pattern_iter_next (&iter)) != NULL)
            {
              g_autofree char *quote = NULL;
              g_autofree char *message = NULL;
              gint64 stated;
              int start, end;

              nb_pattern_match_fetch_pos (match, 1, &start, &end);
              if (!nb_check_group_number (match, 1, &stated) || stated + 1 != year)
                continue;
              quote = nb_check_quote (text, start);
              message = g_strdup_printf (_("“%s” speaks of %u as the year reported on; the report "
                                           "is for %u"),
                                         quote, (guint) stated, year);
              if (nb_check_add (check, message, nb_check_line (check, section, start), NULL, 0) == NULL)
                return;
            }
        }
    }
}
