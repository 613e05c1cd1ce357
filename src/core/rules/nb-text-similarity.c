/* nb-text-similarity.c — how much of one text is another's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-text-similarity"

#include "config.h"

#include "nb-text-similarity.h"

#include <stdlib.h>
#include <string.h>

/* Texts are compared by their runs of SHINGLE characters: two reports on
 * the same subject share words and phrases (政府信息公开, 主动公开), but
 * seldom six characters in a row unless one was copied from the other.
 * Different organs' reports share about 40 % of these runs; a report
 * copied from last year's with new numbers, over 90 %. */
#define SHINGLE 6

/* A text's print: the sorted hashes of its runs, after the words that
 * change every year (digits, years, the organ's name) and the statutory
 * sentences every report has were taken out. Made once per text, it is
 * compared with any number of others (all units of a batch). */
struct _NbTextPrint
{
  guint64 *hashes;
  guint    n_hashes;
};

static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF1B /* ； */ || c == ';' || c == 0xFF01 || c == '!' ||
         c == 0xFF1F || c == '?' || c == '\n';
}

static gboolean
is_boilerplate (const char *sentence,
                gsize       length,
                GPtrArray  *boilerplate)
{
  for (guint i = 0; boilerplate != NULL && i < boilerplate->len; i++)
    if (g_regex_match_full (g_ptr_array_index (boilerplate, i), sentence, length, 0, 0, NULL, NULL))
      return TRUE;
  return FALSE;
}

/* Letters only: no digits, blanks or punctuation, which a new year's
 * report changes without writing anything new. */
static void
append_letters (GArray     *chars,
                const char *text,
                gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) || g_unichar_type (c) == G_UNICODE_OTHER_LETTER)
        g_array_append_val (chars, c);
    }
}

static void
remove_names (GString            *text,
              const char * const *names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (*names[i] != '\0')
      g_string_replace (text, names[i], "", 0);
}

static GArray *
normalize (const char         *text,
           const char * const *names,
           GPtrArray          *boilerplate)
{
  g_autoptr(GString) copy = g_string_new (text != NULL ? text : "");
  GArray *chars = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), copy->len / 3 + 1);
  const char *start = copy->str;

  remove_names (copy, names);
  start = copy->str;
  for (const char *p = copy->str; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && !ends_sentence (c))
        continue;
      if (!is_boilerplate (start, p - start, boilerplate))
        append_letters (chars, start, p - start);
      if (c == 0)
        break;
      start = g_utf8_next_char (p);
    }
  return chars;
}

static int
compare_hashes (const void *a,
                const void *b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * nb_text_print_new:
 * @text: (nullable): a text, such as a report's section
 * @names: (nullable) (array zero-terminated=1): words to leave out, such
 *   as the organ's name
 * @boilerplate: (nullable) (element-type GRegex): sentences that match
 *   one of these are left out (those every report writes)
 *
 * Returns: (transfer full): the text's print
 */
NbTextPrint *
nb_text_print_new (const char         *text,
                   const char * const *names,
                   GPtrArray          *boilerplate)
{
  g_autoptr(GArray) chars = normalize (text, names, boilerplate);
  NbTextPrint *print = g_new0 (NbTextPrint, 1);

  if (chars->len < SHINGLE)
    return print;
  print->n_hashes = chars->len - SHINGLE + 1;
  print->hashes = g_new (guint64, print->n_hashes);
  for (guint i = 0; i < print->n_hashes; i++)
    {
      guint64 hash = 14695981039346656037ULL;   /* FNV-1a */

      for (guint k = 0; k < SHINGLE; k++)
        {
          hash ^= g_array_index (chars, gunichar, i + k);
          hash *= 1099511628211ULL;
        }
      print->hashes[i] = hash;
    }
  qsort (print->hashes, print->n_hashes, sizeof (guint64), compare_hashes);
  return print;
}

/* How many runs of text it has: 0 when there is nothing to compare. */
guint
nb_text_print_get_length (const NbTextPrint *print)
{
  return print->n_hashes;
}

/**
 * nb_text_print_similarity:
 * @a: a print
 * @b: another
 *
 * Returns: the share of runs the two texts have in common, from 0 (none,
 *   or a text with nothing left to compare) to 1 (the same text)
 */
double
nb_text_print_similarity (const NbTextPrint *a,
                          const NbTextPrint *b)
{
  guint i = 0, j = 0, common = 0;

  if (a->n_hashes == 0 || b->n_hashes == 0)
    return 0;
  while (i < a->n_hashes && j < b->n_hashes)
    {
      if (a->hashes[i] == b->hashes[j])
        common++, i++, j++;
      else if (a->hashes[i] < b->hashes[j])
        i++;
      else
        j++;
    }
  return 2.0 * common / (a->n_hashes + b->n_hashes);
}

void
nb_text_print_free (NbTextPrint *print)
{
  if (print == NULL)
    return;
  g_free (print->hashes);
  g_free (print);
}

/**
 * nb_text_similarity:
 * @a: (nullable): a text
 * @b: (nullable): another
 * @names: (nullable) (array zero-terminated=1): words to leave out
 * @boilerplate: (nullable) (element-type GRegex): sentences to leave out
 *
 * Returns: nb_text_print_similarity() of the two texts' prints
 */
double
nb_text_similarity (const char         *a,
                    const char         *b,
                    const char * const *names,
                    GPtrArray          *boilerplate)
{
  g_autoptr(NbTextPrint) print_a = nb_text_print_new (a, names, boilerplate);
  g_autoptr(NbTextPrint) print_b = nb_text_print_new (b, names, boilerplate);

  return nb_text_print_similarity (print_a, print_b);
}
