/* nb-date-rules.c — a report published after its statutory deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-date-rules"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include <glib/gi18n-lib.h>

#include "nb-check.h"
#include "nb-diagnostic-private.h"

/* the signature date stands at the very end of the text */
#define SIGNATURE_TAIL_BYTES 120

/* 条例 第四十九条: a department of a government publishes its report by
 * 1月31日, a government (its office of disclosure) by 3月31日. The kind
 * is told by how the organ's name ends (`words` of the rule: the
 * governments' endings first, then "|", then the departments'); an organ
 * named otherwise (街道办事处, 镇) is not judged. */
static int
deadline_month (NbCheck    *check,
                const char *organ)
{
  gboolean departments = FALSE;

  for (guint w = 0; check->rule->words[w] != NULL; w++)
    {
      if (g_str_equal (check->rule->words[w], "|"))
        departments = TRUE;
      else if (g_str_has_suffix (organ, check->rule->words[w]))
        return departments ? 1 : 3;
    }
  return 0;
}

/* The last date of the last narrative section that has text, when it
 * ends that text: the signature. Group 1, 2, 3 are year, month, day. */
static gboolean
find_signature (NbCheck *check,
                guint   *year,
                guint   *month,
                guint   *day,
                int     *section,
                gsize   *offset)
{
  static const char *const sections[] = { "other", "problems" };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const char *text = nb_check_section_text (check, sections[i], section);
      gsize length = text != NULL ? nb_report_peek_section_length (check->report, *section) : 0;
      gsize from = length > SIGNATURE_TAIL_BYTES ? length - SIGNATURE_TAIL_BYTES : 0;
      gboolean found = FALSE;

      if (length == 0)
        continue;
      for (guint p = 0; p < check->rule->patterns->len; p++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          gint64 values[3];
          int start, end;

          g_regex_match_full (nb_pattern_get_regex (g_ptr_array_index (check->rule->patterns, p)),
                              text, length, from, 0, &match, NULL);
          for (; g_match_info_matches (match) && !nb_check_is_full (check); g_match_info_next (match, NULL))
            {
              NbPatternMatch date = { .text = text, .info = match };

              if (nb_check_group_number (&date, 1, &values[0]) &&
                  nb_check_group_number (&date, 2, &values[1]) &&
                  nb_check_group_number (&date, 3, &values[2]))
                {
                  g_match_info_fetch_pos (match, 0, &start, &end);
                  *year = values[0], *month = values[1], *day = values[2];
                  *offset = start;
                  found = TRUE;
                }
            }
        }
      return found;
    }
  return FALSE;
}

/* The date the page it was read from says it was published (the
 * importer keeps it as the extension "published", YYYY-MM-DD). */
static gboolean
find_published (NbCheck *check,
                guint   *year,
                guint   *month,
                guint   *day)
{
  JsonNode *extensions = nb_report_get_extensions (check->report);
  JsonObject *object;
  const char *date;

  if (extensions == NULL || !JSON_NODE_HOLDS_OBJECT (extensions))
    return FALSE;
  object = json_node_get_object (extensions);
  if (!json_object_has_member (object, "published") ||
      json_node_get_value_type (json_object_get_member (object, "published")) != G_TYPE_STRING)
    return FALSE;
  date = json_object_get_string_member (object, "published");
  return sscanf (date, "%4u-%2u-%2u", year, month, day) == 3;
}

/* meta.published-late: by the date the page was published, or else by
 * the signature */
void
nb_check_meta_published_late (NbCheck *check)
{
  guint report_year = nb_report_get_year (check->report);
  const char *organ = nb_report_get_organ (check->report);
  guint year = 0, month = 0, day = 0;
  int section = -1, deadline;
  gsize offset = 0;
  gboolean published;
  g_autofree char *message = NULL;

  if (report_year == 0 || (deadline = deadline_month (check, organ)) == 0)
    return;
  published = find_published (check, &year, &month, &day);
  if ((!published && !find_signature (check, &year, &month, &day, &section, &offset)) ||
      month < 1 || month > 12 || day < 1 || day > 31 || year <= report_year)
    return;
  if (year == report_year + 1 && (month < (guint) deadline ||
                                  (month == (guint) deadline && day <= 31)))
    return;
  if (published)
    message = deadline == 1
      ? g_strdup_printf (_("Published %u年%u月%u日; a department publishes its report for %u by "
                           "%u年1月31日 (条例 第四十九条)"),
                         year, month, day, report_year, report_year + 1)
      : g_strdup_printf (_("Published %u年%u月%u日; a government publishes its report for %u by "
                           "%u年3月31日 (条例 第四十九条)"),
                         year, month, day, report_year, report_year + 1);
  else
    message = deadline == 1
      ? g_strdup_printf (_("Signed %u年%u月%u日; a department publishes its report for %u by "
                           "%u年1月31日 (条例 第四十九条)"),
                         year, month, day, report_year, report_year + 1)
      : g_strdup_printf (_("Signed %u年%u月%u日; a government publishes its report for %u by "
                           "%u年3月31日 (条例 第四十九条)"),
                         year, month, day, report_year, report_year + 1);
  nb_check_add (check, message, nb_check_line (check, section, offset), NULL, 0);
}
