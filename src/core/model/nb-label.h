/* nb-label.h — the folded form of a label, for matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

void      nb_label_fold        (GString    *out,
                                const char *text,
                                gssize      length);
char     *nb_label_fold_to     (const char *text,
                                gsize       length,
                                char       *out);
char     *nb_label_fold_dup    (const char *text);
gsize     nb_text_skip_blanks  (const char *p,
                                const char *end);

/* Punctuation that real files spell in many ways and that never tells
 * two rows apart: nb_label_fold() drops it, as it drops all blanks.
 * Inline: it is asked for every character folded. */
static inline gboolean
nb_label_is_dropped (gunichar c)
{
  if (c < 0x80)
    return g_ascii_ispunct (c) || g_ascii_isspace (c);
  return (c >= 0x2010 && c <= 0x206F) ||   /* dashes, quotes, bullets */
         (c >= 0x3000 && c <= 0x303F) ||   /* CJK punctuation */
         c == 0x00A0 || c == 0x00B7 || c == 0xFF5E || c == 0x30FB;
}

/* What an ASCII character (or a full-width form's ASCII) folds to: its
 * lower case, or 0 where folding drops it. Inline: asked for every such
 * character folded, by nb_label_fold_to() and the line cutter's window. */
static inline guchar
nb_label_fold_ascii (guchar c)
{
  if (nb_label_is_dropped (c))
    return 0;
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether the two bytes at @u, which has two at least, are both UTF-8
 * continuation bytes. Read as one number, in either byte order: it is
 * asked of every character of three bytes (Chinese, full-width forms)
 * the scans step over. */
static inline gboolean
nb_text_is_continuation_pair (const guchar *u)
{
  guint16 two;

  memcpy (&two, u, sizeof two);
  return (two & 0xC0C0) == 0x8080;
}

/**
 * nb_text_blank_length:
 * @p: a position in UTF-8 text
 * @end: the end of the text
 *
 * Inline: asked for nearly every line and token, mostly of a byte that
 * is ASCII and no blank, or a character no blank starts with.
 *
 * Returns: the byte length of the blank at @p (ASCII blanks, no-break
 *   space, ideographic space), or 0
 */
static inline gsize
nb_text_blank_length (const char *p,
                      const char *end)
{
  const guchar *u = (const guchar *) p;

  if (p >= end)
    return 0;
  if (*u < 0x80)
    return g_ascii_isspace (*u) ? 1 : 0;
  if (*u == 0xC2)
    return end - p >= 2 && u[1] == 0xA0 ? 2 : 0;
  if (*u == 0xE3)
    return end - p >= 3 && u[1] == 0x80 && u[2] == 0x80 ? 3 : 0;
  return 0;
}

G_END_DECLS
