/* nb-narrative-rules.c — what the text says against what the tables hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-narrative-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-check.h"
#include "nb-diagnostic-private.h"
#include "nb-number.h"

/* how far after a count a word such as 撤回 makes it another count */
#define FOLLOWING_BYTES 24
/* how far before a statement a word such as 上年 makes it another one */
#define PRECEDING_CHARS 12

/* Whether one of the rule's words follows @end closely, in its sentence. */
static gboolean
followed_by_word (NbCheck    *check,
                  const char *text,
                  int         end)
{
  g_autofree char *after = g_strndup (text + end, FOLLOWING_BYTES);
  char *stop = strstr (after, "。");

  if (stop != NULL)
    *stop = '\0';
  for (guint w = 0; check->rule->words[w] != NULL; w++)
    if (strstr (after, check->rule->words[w]) != NULL)
      return TRUE;
  return FALSE;
}

/* "其中公开答复 1 件": a count after 其中 in its clause is a part of
 * another count, not the one the rule reads. */
static gboolean
is_a_part (const char *text,
           int         start)
{
  const char *from = text + start;

  while (from > text)
    {
      const char *previous = g_utf8_find_prev_char (text, from);
      gunichar c;

      if (previous == NULL)
        break;
      c = g_utf8_get_char (previous);
      if (c == 0xFF0C /* ， */ || c == ',' || c == 0x3002 || c == 0xFF1B || c == ';' ||
          c == '\n' || c == 0xFF1A /* ： */)
        break;
      from = previous;
    }
  return g_strstr_len (from, text + start - from, "其中") != NULL;
}

static gboolean
preceded_by_word (NbCheck    *check,
                  const char *text,
                  int         start)
{
  const char *from = text + start;
  g_autofree char *before = NULL;

  for (guint i = 0; i < PRECEDING_CHARS && from > text; i++)
    {
      const char *previous = g_utf8_find_prev_char (text, from);

      if (previous == NULL || g_str_has_prefix (previous, "。"))
        break;
      from = previous;
    }
  before = g_strndup (from, text + start - from);
  for (guint w = 0; check->rule->words[w] != NULL; w++)
    if (strstr (before, check->rule->words[w]) != NULL)
      return TRUE;
  return FALSE;
}

/* The values a count may state: each cell, and each running total (some
 * writers count 复议后起诉 with 直接起诉, or carried-over with new). */
static gboolean
accepted_values (NbCheck *check,
                 gint64  *values,
                 guint   *n_values)
{
  GArray *cells = check->rule->cells;
  gint64 sum = 0;

  *n_values = 0;
  for (guint i = 0; i < cells->len && i < 4; i++)
    {
      gint64 value;

      if (!nb_check_cell_value (check, g_array_index (cells, guint, i), &value))
        return FALSE;
      sum += value;
      values[(*n_values)++] = value;
      if (i > 0)
        values[(*n_values)++] = sum;
    }
  return *n_values > 0;
}

static gboolean
is_accepted (gint64        stated,
             const gint64 *values,
             guint         n_values)
{
  for (guint i = 0; i < n_values; i++)
    if (values[i] == stated)
      return TRUE;
  return FALSE;
}

static void
count_in_section (NbCheck      *check,
                  guint         section,
                  const char   *text,
                  const gint64 *values,
                  guint         n_values)
{
  GArray *cells = check->rule->cells;

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
          g_autofree char *stated_text = NULL;
          g_autofree char *table_text = NULL;
          gint64 stated;
          int start, end;

          nb_pattern_match_fetch_pos (match, 0, &start, &end);
          if (!nb_check_group_number (match, 1, &stated) ||
              is_accepted (stated, values, n_values) || followed_by_word (check, text, end) ||
              is_a_part (text, start))
            continue;
          quote = nb_check_quote (text, start);
          stated_text = nb_number_format (stated, NB_CELL_KIND_COUNT);
          table_text = nb_number_format (values[n_values - 1], NB_CELL_KIND_COUNT);
          /* Translators: "“…办结 12 件…” states 12, but table 三 三(七) 总计 has 8" */
          message = g_strdup_printf (_("“%s” states %s, but %s has %s"),
                                     quote, stated_text, check->rule->rhs_text, table_text);
          if (nb_check_add (check, message, nb_check_line (check, section, start),
                            (const guint *) (gpointer) cells->data, cells->len) == NULL)
            return;
        }
    }
}

/* narrative.processed, .carried-over, .review, .litigation, .in-force:
 * every count the patterns find (group 1) is one of the cells' values or
 * their total; a count followed by one of the rule's words (撤回, 撤销)
 * is another count. */
void
nb_check_narrative_count (NbCheck *check)
{
  guint n_sections = nb_template_get_n_sections (check->template);
  gint64 values[8];
  guint n_values;

  if (check->rule->rhs_text == NULL || !accepted_values (check, values, &n_values))
    return;
  for (guint s = 0; s < n_sections; s++)
    {
      const char *text;

      if ((check->rule->section >= 0 && (guint) check->rule->section != s) ||
          !nb_template_section_is_narrative (check->template, s) ||
          (text = nb_report_peek_section (check->report, s)) == NULL)
        continue;
      count_in_section (check, s, text, values, n_values);
    }
}

/* The first of the rule's cells that holds more than 0, among those the
 * statement is about: 复议 names the first cell, 诉讼 the others. */
static int
contradicted_cell (NbCheck    *check,
                   const char *statement)
{
  GArray *cells = check->rule->cells;

  for (guint i = 0; i < cells->len; i++)
    {
      guint cell = g_array_index (cells, guint, i);
      gint64 value;

      if (strstr (statement, i == 0 ? "复议" : "诉讼") == NULL)
        continue;
      if (nb_check_cell_value (check, cell, &value) && value > 0)
        return cell;
    }
  return -1;
}

static void
add_claim (NbCheck    *check,
           guint       section,
           const char *text,
           int         start,
           guint       cell)
{
  g_autofree char *quote = nb_check_quote (text, start);
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;
  gint64 number = 0;

  nb_check_cell_value (check, cell, &number);
  value = nb_number_format (number, NB_CELL_KIND_COUNT);
  /* Translators: "“未发生行政复议” says there were none, but table 四 复议 总计 has 2" */
  message = g_strdup_printf (_("“%s” says there were none, but table 四 %s has %s"),
                             quote, nb_template_get_cell_label (check->template, cell), value);
  nb_check_add (check, message, nb_check_line (check, section, start), &cell, 1);
}

/* narrative.none-claims: "未发生行政复议、行政诉讼" while table 四 has
 * cases. A statement followed by 纠错 or 败诉 says something else. */
static void
none_claim_cb (NbCheck              *check,
               guint                 section,
               const char           *text,
               const NbPatternMatch *match)
{
  g_autofree char *found = nb_pattern_match_fetch (match, 0);
  int start, end, cell;

  nb_pattern_match_fetch_pos (match, 0, &start, &end);
  if (!followed_by_word (check, text, end) &&
      (cell = contradicted_cell (check, found)) >= 0)
    add_claim (check, section, text, start, cell);
}

void
nb_check_narrative_none_claims (NbCheck *check)
{
  nb_check_each_match (check, none_claim_cb);
}

/* narrative.all-closed: "均已办结" while 四、结转下年度 is more than 0; a
 * statement about last year's applications (上年) is not about this. */
void
nb_check_narrative_all_closed (NbCheck *check)
{
  guint cell;
  gint64 carried;
  int section;
  const char *text = nb_check_section_text (check, "overview", &section);

  if (text == NULL || check->rule->cells->len == 0)
    return;
  cell = g_array_index (check->rule->cells, guint, 0);
  if (!nb_check_cell_value (check, cell, &carried) || carried == 0)
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
          g_autofree char *value = NULL;
          g_autofree char *message = NULL;
          int start, end;

          nb_pattern_match_fetch_pos (match, 0, &start, &end);
          if (preceded_by_word (check, text, start))
            continue;
          quote = nb_check_quote (text, start);
          value = nb_number_format (carried, NB_CELL_KIND_COUNT);
          message = g_strdup_printf (_("“%s” says every application was closed, but table 三 "
                                       "carries %s forward to next year (四)"),
                                     quote, value);
          if (nb_check_add (check, message, nb_check_line (check, section, start), &cell, 1) == NULL)
            return;
        }
    }
}
