/* nb-label.h — the folded form of a label, for matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void      nb_label_fold        (GString    *out,
                                const char *text,
                                gssize      length);
char     *nb_label_fold_to     (const char *text,
                                gsize       length,
                                char       *out);
char     *nb_label_fold_dup    (const char *text);
gsize     nb_text_blank_length (const char *p,
                                const char *end);
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

G_END_DECLS
