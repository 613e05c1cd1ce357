/* nb-number.c — cell text to numbers and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-number"

#include "config.h"

#include "nb-number.h"

#include <string.h>

#include "nb-string.h"

/* Full-width digits ０–９ are U+FF10–U+FF19: EF BC 90–99 in UTF-8, and
 * the full-width full stop ． is U+FF0E: EF BC 8E. */
static inline gboolean
is_fullwidth_digit (const guchar *p,
                    const guchar *end)
{
  return end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99;
}

static inline gboolean
is_fullwidth_stop (const guchar *p,
                   const guchar *end)
{
  return end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8E;
}

/* ASCII blanks and the ideographic space U+3000 (E3 80 80). */
static inline gsize
blank_length (const guchar *p,
              const guchar *end)
{
  if (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == 0xA0))
    return 1;
  if (end - p >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
    return 3;
  if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
    return 2;
  return 0;
}

static void
trim (const guchar **start,
      const guchar **end)
{
  gsize n;

  /* blanks start and end with bytes outside printable ASCII: most cells,
   * digits at both ends, need no more than this test */
  if (*start < *end && (*start)[0] > 0x20 && (*start)[0] < 0x80 &&
      (*end)[-1] > 0x20 && (*end)[-1] < 0x80)
    return;
  while (*start < *end && (n = blank_length (*start, *end)) > 0)
    *start += n;
  for (;;)
    {
      if (*end > *start && ((*end)[-1] == ' ' || (*end)[-1] == '\t' ||
                            (*end)[-1] == '\r' || (*end)[-1] == '\n'))
        (*end)--;
      else if (*end - *start >= 3 && (*end)[-3] == 0xE3 && (*end)[-2] == 0x80 && (*end)[-1] == 0x80)
        *end -= 3;
      else if (*end - *start >= 2 && (*end)[-2] == 0xC2 && (*end)[-1] == 0xA0)
        *end -= 2;
      else
        break;
    }
}

/* The sign of a change: + - and their full-width forms ＋ － (EF BC 8B,
 * EF BC 8D), and the minus sign − (E2 88 92). */
static gsize
sign_length (const guchar *p,
             const guchar *end,
             gboolean     *negative)
{
  if (*p == '+' || *p == '-')
    {
      *negative = *p == '-';
      return 1;
    }
  if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x8B || p[2] == 0x8D))
    {
      *negative = p[2] == 0x8D;
      return 3;
    }
  if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92)
    {
      *negative = TRUE;
      return 3;
    }
  return 0;
}

static gboolean
is_mark (const guchar       *start,
         gsize               length,
         const char * const *marks)
{
  /* the first byte first: most texts are no mark and differ there */
  for (guint i = 0; marks != NULL && marks[i] != NULL; i++)
    if ((guchar) marks[i][0] == start[0] && strlen (marks[i]) == length &&
        memcmp (marks[i], start, length) == 0)
      return TRUE;
  return FALSE;
}

/* Reads trimmed text of ASCII digits alone, as the general loop of
 * nb_number_parse() would; FALSE for anything else, and for more digits
 * than @kind allows, which that loop then reads. */
static inline gboolean
parse_plain_digits (const guchar *p,
                    const guchar *end,
                    NbCellKind    kind,
                    gint64       *value)
{
  gint64 whole = 0;

  if (end - p > (kind == NB_CELL_KIND_AMOUNT ? NB_AMOUNT_MAX_WHOLE_DIGITS : NB_NUMBER_MAX_DIGITS))
    return FALSE;
  for (; p < end; p++)
    {
      if (*p < '0' || *p > '9')
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }
  *value = kind == NB_CELL_KIND_AMOUNT ? whole * NB_AMOUNT_SCALE : whole;
  return TRUE;
}

/* nb_number_parse() of trimmed text that is not plain digits. Kept out
 * of line: the plain digits of most cells then need no registers saved. */
static G_GNUC_NO_INLINE NbCellState
parse_trimmed (const guchar       *p,
               const guchar       *end,
               NbCellKind          kind,
               const char * const *marks,
               gint64             *value)
{
  gint64 whole = 0;
  gint64 fraction = 0;
  guint digits = 0;
  guint places = 0;
  gboolean in_fraction = FALSE;
  gboolean negative = FALSE;
  gsize sign;

  /* a mark never starts with a digit: skip the look-up for numbers */
  if (!g_ascii_isdigit (*p) && is_mark (p, end - p, marks))
    return NB_CELL_STATE_MARK;
  if (kind == NB_CELL_KIND_CHANGE && (sign = sign_length (p, end, &negative)) > 0)
    {
      p += sign;
      if (p == end)
        return NB_CELL_STATE_INVALID;
    }

  while (p < end)
    {
      int digit;

      if (*p >= '0' && *p <= '9')
        digit = *p++ - '0';
      else if (is_fullwidth_digit (p, end))
        {
          digit = p[2] - 0x90;
          p += 3;
        }
      else if (!in_fraction && digits > 0 && (*p == '.' || is_fullwidth_stop (p, end)))
        {
          p += *p == '.' ? 1 : 3;
          in_fraction = TRUE;
          continue;
        }
      else
        return NB_CELL_STATE_INVALID;

      if (++digits > NB_NUMBER_MAX_DIGITS ||
          (kind == NB_CELL_KIND_AMOUNT && !in_fraction && digits > NB_AMOUNT_MAX_WHOLE_DIGITS))
        return NB_CELL_STATE_INVALID;
      if (in_fraction)
        {
          if (++places > NB_AMOUNT_PLACES)
            return NB_CELL_STATE_INVALID;
          fraction = fraction * 10 + digit;
        }
      else
        whole = whole * 10 + digit;
    }

  if (in_fraction && (places == 0 || kind == NB_CELL_KIND_COUNT))
    return NB_CELL_STATE_INVALID;

  if (in_fraction && kind == NB_CELL_KIND_CHANGE)
    return NB_CELL_STATE_INVALID;

  if (kind != NB_CELL_KIND_AMOUNT)
    *value = negative ? -whole : whole;
  else
    {
      for (guint i = places; i < NB_AMOUNT_PLACES; i++)
        fraction *= 10;
      *value = whole * NB_AMOUNT_SCALE + fraction;
    }
  return NB_CELL_STATE_VALUE;
}

/**
 * nb_number_parse:
 * @text: a cell's text
 * @length: its length, or -1 when nul-terminated
 * @kind: the cell's kind
 * @marks: (nullable): the texts that mean "nothing here"
 * @value: (out): the value: the number for a count, millionths for an amount
 *
 * Reads a cell as the rules see it: surrounding blanks are ignored and
 * full-width digits count as digits.
 *
 * Returns: the cell's state
 */
NbCellState
nb_number_parse (const char         *text,
                 gssize              length,
                 NbCellKind          kind,
                 const char * const *marks,
                 gint64             *value)
{
  const guchar *p = (const guchar *) text;
  const guchar *end;

  *value = 0;
  if (text == NULL)
    return NB_CELL_STATE_EMPTY;
  end = p + (length < 0 ? strlen (text) : (gsize) length);
  trim (&p, &end);
  if (p == end)
    return NB_CELL_STATE_EMPTY;
  /* most cells are plain digits */
  if (parse_plain_digits (p, end, kind, value))
    return NB_CELL_STATE_VALUE;
  return parse_trimmed (p, end, kind, marks, value);
}

/**
 * nb_number_append_integer:
 * @out: a string to append to
 * @value: any integer
 *
 * Writes @value in decimal, as `%" G_GINT64_FORMAT "` would, without the
 * cost of printf: a batch check writes some two hundred per report.
 */
void
nb_number_append_integer (GString *out,
                          gint64   value)
{
  char digits[21];
  char *p = digits + sizeof digits;
  /* the magnitude as unsigned, so that G_MININT64 has one too */
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  do
    {
      *--p = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--p = '-';
  nb_string_append_len (out, p, digits + sizeof digits - p);
}

/**
 * nb_number_append:
 * @out: a string to append to
 * @value: a value as nb_number_parse() gives it
 * @kind: the cell's kind
 *
 * Writes the shortest exact decimal: `0`, `12.5`, `24252.311082`.
 */
void
nb_number_append (GString    *out,
                  gint64      value,
                  NbCellKind  kind)
{
  guint64 magnitude, fraction;
  char digits[NB_AMOUNT_PLACES + 1];
  int n;

  if (kind != NB_CELL_KIND_AMOUNT)
    {
      nb_number_append_integer (out, value);
      return;
    }
  /* differences between years can be negative */
  if (value < 0)
    g_string_append_c (out, '-');
  magnitude = value < 0 ? -(guint64) value : (guint64) value;

  nb_number_append_integer (out, magnitude / NB_AMOUNT_SCALE);
  fraction = magnitude % NB_AMOUNT_SCALE;
  if (fraction == 0)
    return;
  for (n = NB_AMOUNT_PLACES; n > 0; n--)
    {
      digits[n - 1] = '0' + fraction % 10;
      fraction /= 10;
    }
  n = NB_AMOUNT_PLACES;
  while (n > 0 && digits[n - 1] == '0')
    n--;
  g_string_append_c (out, '.');
  nb_string_append_len (out, digits, n);
}

/* nb_number_parse_with_unit() where the cell has units. Kept out of line:
 * most cells have none and then need no registers saved. */
static G_GNUC_NO_INLINE NbCellState
parse_with_units (const char         *text,
                  gssize              length,
                  NbCellKind          kind,
                  const char * const *marks,
                  const char * const *units,
                  gint64             *value,
                  const char        **unit)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + (length < 0 ? strlen (text) : (gsize) length);

  trim (&p, &end);
  for (guint i = 0; units[i] != NULL; i++)
    {
      gsize n = strlen (units[i]);
      const guchar *stop = end - n;
      NbCellState state;

      /* the unit follows a digit at once: “2笔”, “984361元”, “５元” */
      if (n == 0 || (gsize) (end - p) <= n || memcmp (stop, units[i], n) != 0 ||
          !(g_ascii_isdigit (stop[-1]) || (stop - p >= 3 && is_fullwidth_digit (stop - 3, stop))))
        continue;
      state = nb_number_parse ((const char *) p, end - p - n, kind, marks, value);
      if (state == NB_CELL_STATE_VALUE && unit != NULL)
        *unit = units[i];
      return state;
    }
  return nb_number_parse (text, length, kind, marks, value);
}

/**
 * nb_number_parse_with_unit:
 * @text: a cell's text
 * @length: its length, or -1 when nul-terminated
 * @kind: the cell's kind
 * @marks: (nullable): the texts that mean "nothing here"
 * @units: (nullable): the units the cell may be written with, such as 元
 * @value: (out): the value, as for nb_number_parse()
 * @unit: (out) (optional) (nullable): the unit the text ends with, one
 *   of @units, or %NULL
 *
 * Like nb_number_parse(), but “75394432.52元” in a column of 元 is the
 * number 75394432.52: a unit the column names is part of how the value is
 * written, not text that breaks it. A unit of another column (“12万元”)
 * still makes the cell invalid.
 *
 * Returns: the cell's state
 */
NbCellState
nb_number_parse_with_unit (const char         *text,
                           gssize              length,
                           NbCellKind          kind,
                           const char * const *marks,
                           const char * const *units,
                           gint64             *value,
                           const char        **unit)
{
  if (unit != NULL)
    *unit = NULL;
  if (text == NULL || units == NULL || units[0] == NULL)
    return nb_number_parse (text, length, kind, marks, value);
  return parse_with_units (text, length, kind, marks, units, value, unit);
}

char *
nb_number_format (gint64     value,
                  NbCellKind kind)
{
  GString *out = g_string_sized_new (24);

  nb_number_append (out, value, kind);
  return g_string_free (out, FALSE);
}

/**
 * nb_number_trim:
 * @text: a cell's text
 * @length: (inout): its length; the trimmed text's on return
 *
 * Returns: where the text starts without its surrounding blanks
 */
const char *
nb_number_trim (const char *text,
                gsize      *length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + *length;

  trim (&p, &end);
  *length = end - p;
  return (const char *) p;
}

/**
 * nb_number_normalize:
 * @text: a cell's text
 * @length: its length, or -1
 *
 * Returns: (transfer full): the text without surrounding blanks, as kept
 *   in a cell; %NULL when nothing is left
 */
char *
nb_number_normalize (const char *text,
                     gssize      length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end;

  if (text == NULL)
    return NULL;
  end = p + (length < 0 ? strlen (text) : (gsize) length);
  trim (&p, &end);
  if (p == end)
    return NULL;
  return g_strndup ((const char *) p, end - p);
}
