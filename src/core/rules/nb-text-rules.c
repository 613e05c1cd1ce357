/* nb-text-rules.c — slips in the writing: enumerations, repeated words,
 * punctuation, stray Latin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-text-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-check.h"
#include "nb-diagnostic-private.h"

/* These are notes (info): each finding quotes what it matched, and the
 * rule's `words` are accepted as written. */

static gboolean
is_accepted (NbCheck    *check,
             const char *found)
{
  for (guint w = 0; check->rule->words[w] != NULL; w++)
    if (g_ascii_strcasecmp (check->rule->words[w], found) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @found, at @start of @text, is part of one of the rule's words
 * written there ("的的" of "的的确确"). */
static gboolean
is_accepted_at (NbCheck    *check,
                const char *text,
                int         start,
                const char *found)
{
  for (guint w = 0; check->rule->words[w] != NULL; w++)
    {
      const char *word = check->rule->words[w];

      for (const char *at = strstr (word, found); at != NULL; at = strstr (at + 1, found))
        if (at - word <= start && strncmp (text + start - (at - word), word, strlen (word)) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
add_quoted (NbCheck    *check,
            guint       section,
            const char *text,
            int         start,
            const char *message,
            const char *subject)
{
  NbDiagnostic *diagnostic = nb_check_add (check, message, nb_check_line (check, section, start), NULL, 0);

  if (diagnostic != NULL)
    nb_diagnostic_set_subject (diagnostic, subject);
}

/* text.repeated-word: group 1 written twice in a row ("公开公开", "的的") */
static void
repeated_word_cb (NbCheck              *check,
                  guint                 section,
                  const char           *text,
                  const NbPatternMatch *match)
{
  g_autofree char *found = nb_pattern_match_fetch (match, 0);
  g_autofree char *word = nb_pattern_match_fetch (match, 1);
  g_autofree char *quote = NULL;
  g_autofree char *message = NULL;
  int start, end;

  nb_pattern_match_fetch_pos (match, 0, &start, &end);
  if (is_accepted_at (check, text, start, found))
    return;
  quote = nb_check_quote (text, start);
  message = g_strdup_printf (_("“%s” is written twice in a row: “%s”"), word, quote);
  add_quoted (check, section, text, start, message, found);
}

void
nb_check_text_repeated_word (NbCheck *check)
{
  nb_check_each_match (check, repeated_word_cb);
}

/* text.punctuation: a half-width mark between Chinese (group 1), or
 * brackets and quotes that do not pair up within a section */
static void
punctuation_cb (NbCheck              *check,
                guint                 section,
                const char           *text,
                const NbPatternMatch *match)
{
  g_autofree char *mark = nb_pattern_match_fetch (match, 1);
  g_autofree char *quote = NULL;
  g_autofree char *message = NULL;
  int start, end;

  nb_pattern_match_fetch_pos (match, 1, &start, &end);
  quote = nb_check_quote (text, start);
  message = g_strdup_printf (_("A half-width “%s” in Chinese text: “%s”"), mark, quote);
  /* one note for a sentence, however many marks it has */
  for (guint i = 0; i < check->findings->len; i++)
    if (g_str_equal (nb_diagnostic_get_message (g_ptr_array_index (check->findings, i)), message))
      return;
  add_quoted (check, section, text, start, message, mark);
}

static const char *const pairs[][2] = {
  { "（", "）" }, { "《", "》" }, { "“", "”" }, { "【", "】" },
};

/* Whether @at begins with @mark, a character of three bytes */
static inline gboolean
is_mark (const char *at,
         const char *mark)
{
  return at[0] == mark[0] && at[1] == mark[1] && at[2] == mark[2];
}

/* How often each pair opens and closes in @text. The marks begin with
 * E2, E3 or EF, bytes that only begin characters: each is found by
 * memchr, which passes over the Chinese characters (E4 to E9) between
 * many bytes at a time, rather than searching the text for each mark */
static void
count_pairs (const char *text,
             gsize       length,
             guint       opened[G_N_ELEMENTS (pairs)],
             guint       closed[G_N_ELEMENTS (pairs)])
{
  static const char leads[] = { '\xe2', '\xe3', '\xef' };
  const char *end = text + length;

  memset (opened, 0, G_N_ELEMENTS (pairs) * sizeof (guint));
  memset (closed, 0, G_N_ELEMENTS (pairs) * sizeof (guint));
  for (guint l = 0; l < G_N_ELEMENTS (leads); l++)
    for (const char *at = memchr (text, leads[l], end - text); at != NULL;
         at = memchr (at + 1, leads[l], end - at - 1))
      for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
        {
          opened[i] += is_mark (at, pairs[i][0]);
          closed[i] += is_mark (at, pairs[i][1]);
        }
}

void
nb_check_text_punctuation (NbCheck *check)
{
  guint n_sections = nb_template_get_n_sections (check->template);

  nb_check_each_match (check, punctuation_cb);
  for (guint s = 0; s < n_sections; s++)
    {
      const char *text;

      guint opened[G_N_ELEMENTS (pairs)];
      guint closed[G_N_ELEMENTS (pairs)];

      if (!nb_template_section_is_narrative (check->template, s) ||
          (text = nb_report_peek_section (check->report, s)) == NULL)
        continue;
      count_pairs (text, nb_report_peek_section_length (check->report, s), opened, closed);
      for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
        {
          g_autofree char *message = NULL;
          g_autofree char *subject = NULL;

          if (opened[i] == closed[i])
            continue;
          message = g_strdup_printf (_("Section %s opens “%s” %u times and closes “%s” %u times"),
                                     ((NbTemplateSection *) g_ptr_array_index (nb_template_get_sections (check->template), s))->numeral,
                                     pairs[i][0], opened[i], pairs[i][1], closed[i]);
          subject = g_strconcat (pairs[i][0], pairs[i][1], NULL);
          add_quoted (check, s, text, 0, message, subject);
        }
    }
}

/* text.latin: a Latin word (group 1) in Chinese text that is not one of
 * the rule's words (APP, PDF, www…): left-over markup (“endif”), a
 * placeholder, a word in the wrong script */
static void
latin_cb (NbCheck              *check,
          guint                 section,
          const char           *text,
          const NbPatternMatch *match)
{
  g_autofree char *word = nb_pattern_match_fetch (match, 1);
  g_autofree char *quote = NULL;
  g_autofree char *message = NULL;
  int start, end;

  if (is_accepted (check, word))
    return;
  /* one note for a word, however often it comes */
  for (guint i = 0; i < check->findings->len; i++)
    if (g_strcmp0 (nb_diagnostic_get_subject (g_ptr_array_index (check->findings, i)), word) == 0)
      return;
  nb_pattern_match_fetch_pos (match, 1, &start, &end);
  quote = nb_check_quote (text, start);
  message = g_strdup_printf (_("“%s” is not Chinese: “%s”"), word, quote);
  add_quoted (check, section, text, start, message, word);
}

void
nb_check_text_latin (NbCheck *check)
{
  nb_check_each_match (check, latin_cb);
}

/* text.enumeration: 一是、二是、三是… in order. A list starts again at
 * 一是; any other number that is not the next one is a slip. Group 1 is
 * the numeral, or group 2 (一, which may follow a run-in heading:
 * "建设情况一是"). */
static const char numerals[] = "一二三四五六七八九十";

static int
numeral_value (const char *numeral)
{
  const char *at = strstr (numerals, numeral);

  return at != NULL && strlen (numeral) == 3 ? (at - numerals) / 3 + 1 : 0;
}

void
nb_check_text_enumeration (NbCheck *check)
{
  guint n_sections = nb_template_get_n_sections (check->template);

  for (guint s = 0; s < n_sections; s++)
    {
      const char *text;
      int last = 0;

      if (!nb_template_section_is_narrative (check->template, s) ||
          (text = nb_report_peek_section (check->report, s)) == NULL)
        continue;
      for (guint p = 0; p < check->rule->patterns->len; p++)
        {
          g_auto(NbPatternIter) iter;
          const NbPatternMatch *match;

          nb_check_iter_init (check, &iter, p, text,
                              nb_report_peek_section_length (check->report, s));
          while (!nb_check_is_full (check) && (match = nb_pattern_iter_next (&iter)) != NULL)
            {
              g_autofree char *numeral = nb_pattern_match_fetch (match, 1);
              int group = numeral != NULL && *numeral != '\0' ? 1 : 2;
              g_autofree char *quote = NULL;
              g_autofree char *message = NULL;
              int value;
              int start, end;

              if (group == 2)
                {
                  g_free (numeral);
                  numeral = nb_pattern_match_fetch (match, 2);
                }
              value = numeral_value (numeral);

              /* a list quoted from its middle, or one past 十: not judged */
              if (value == 0 || last == 0 || last >= 10)
                {
                  last = value;
                  continue;
                }
              if (value == 1 || value == last + 1)
                {
                  last = value;
                  continue;
                }
              nb_pattern_match_fetch_pos (match, group, &start, &end);
              quote = nb_check_quote (text, start);
              message = g_strdup_printf (_("“%s是” follows “%.3s是”; the list would go on with “%.3s是”: “%s”"),
                                         numeral, numerals + 3 * (last - 1), numerals + 3 * last, quote);
              add_quoted (check, s, text, start, message, numeral);
              last = value;
            }
        }
    }
}
