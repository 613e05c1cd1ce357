/* nb-label.c — the folded form of a label, for matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-label"

#include "config.h"

#include "nb-label.h"

#include <string.h>


/**
 * nb_label_fold_to:
 * @text: a label as found in a file, valid UTF-8 (decoded or from the
 *   template); invalid bytes are read, never past @length
 * @length: its length
 * @out: where to write, with room for @length bytes
 *
 * Writes the label's folded form (nb_label_fold()) to @out, without a
 * nul. Folding never lengthens, so a caller folding a whole text writes
 * it into one buffer, without a call per line or character.
 *
 * Returns: the end of what was written
 */
char *
nb_label_fold_to (const char *text,
                  gsize       length,
                  char       *out)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;
  guchar *o = (guchar *) out;

  while (p < end)
    {
      guchar b = *p;
      const guchar *next;
      gunichar c;

      /* most of the text is CJK ideographs (U+4000 to U+9FFF, lead
       * bytes E4 to E9), which folding keeps as they are: a run of them
       * is copied in a loop of its own, three bytes at a time, without
       * a call */
      if (b >= 0xE4 && b <= 0xE9 && end - p >= 3)
        {
          do
            {
              memcpy (o, p, 3);
              o += 3;
              p += 3;
            }
          while (end - p >= 3 && *p >= 0xE4 && *p <= 0xE9);
          continue;
        }
      if (b < 0x80)
        {
          if ((*o = nb_label_fold_ascii (b)) != 0)
            o++;
          p++;
          continue;
        }
      next = (const guchar *) g_utf8_next_char (p);
      if (next > end)
        break;
      if (next - p == 3)
        c = (b & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
      else
        c = g_utf8_get_char ((const char *) p);
      if (c >= 0xFF01 && c <= 0xFF5E)
        {
          /* full-width ASCII */
          if ((*o = nb_label_fold_ascii (c - 0xFEE0)) != 0)
            o++;
        }
      else if (!nb_label_is_dropped (c))
        {
          memcpy (o, p, next - p);
          o += next - p;
        }
      p = next;
    }
  return (char *) o;
}

/**
 * nb_label_fold:
 * @out: where to append
 * @text: a label as found in a file
 * @length: its length, or -1
 *
 * Appends the label's folded form: full-width forms as ASCII, no blanks,
 * no punctuation. "（二）部分公开 (区分处理的…)" and "(二)部分公开（区分处理的…）"
 * fold alike.
 */
void
nb_label_fold (GString    *out,
               const char *text,
               gssize      length)
{
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  gsize before = out->len;

  /* folding never lengthens: the label is written in place */
  if (G_UNLIKELY (before + n >= out->allocated_len))
    {
      g_string_set_size (out, before + n);
      out->len = before;
    }
  out->len = nb_label_fold_to (text, n, out->str + before) - out->str;
  out->str[out->len] = '\0';
}

char *
nb_label_fold_dup (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  nb_label_fold (out, text, -1);
  return g_string_free (out, FALSE);
}

/**
 * nb_text_skip_blanks:
 * @p: where to start
 * @end: the end of the text
 *
 * Returns: the length of the blanks (nb_text_blank_length()) at @p
 */
gsize
nb_text_skip_blanks (const char *p,
                     const char *end)
{
  const char *start = p;
  gsize n;

  while ((n = nb_text_blank_length (p, end)) > 0)
    p += n;
  return p - start;
}
