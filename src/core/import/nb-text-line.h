/* nb-text-line.h — one line of report text as pages, crawlers and other
 * tools leave it: folded windows to search for labels, page numbers,
 * Markdown, numbers glued to labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

#include "nb-label.h"

G_BEGIN_DECLS

/* A window of a line, folded for matching, with where each folded byte
 * came from. */
typedef struct
{
  GString    *fold;
  guint      *raw;      /* for each folded byte, its offset in the line */
  gsize       raw_size; /* how many offsets @raw has room for */
  const char *line;     /* the line folded, from … to */
  gsize       from;
  gsize       to;
} NbFolded;

/* What a table of the first, second or third byte at a position says,
 * for a scan that looks each position up in three: the bytes may start
 * what is looked for; they are one character of three bytes (CJK,
 * full-width forms), to step over whole as nb_text_char_step() does. The
 * bits of the three tables taken together tell both without a branch. */
#define NB_TEXT_BYTES_MATCH 1
#define NB_TEXT_BYTES_STEP  2

/* Where the markers of a site's footer start (a marker's first, second
 * and third bytes), and the steps over characters, NB_TEXT_BYTES_…. */
typedef struct
{
  guint8 bytes[3][256];
} NbSiteFooter;

/* How far to step from @u, @left bytes before the end, to the next byte
 * that may start a character: over a whole character of three bytes
 * (CJK, full-width forms), else one byte. Invalid UTF-8 is stepped over
 * a byte at a time: no byte that may start a character is skipped.
 * Inline: scans over a whole line step with it, told by the bytes alone
 * (not by the tables they look the position up in), so that the next
 * position's look-up need not wait for this one's. */
static inline gsize
nb_text_char_step (const guchar *u,
                   gsize         left)
{
  if (left < 3 || (u[0] & 0xF0) != 0xE0)
    return 1;
  return nb_text_is_continuation_pair (u + 1) ? 3 : 1;
}

void         nb_text_bytes_add_steps       (guint8       bytes[3][256]);
void         nb_folded_window              (NbFolded    *folded,
                                            const char  *line,
                                            gsize        from,
                                            gsize        to);

/* The raw offset where the folded byte @i starts, or @to past the end.
 * Inline: asked for every label found. */
static inline gsize
nb_folded_raw_offset (const NbFolded *folded,
                      gsize           i,
                      gsize           to)
{
  return i < folded->fold->len ? folded->raw[i] : to;
}

gsize        nb_text_line_char_end         (const char  *line,
                                            gsize        offset);
gboolean     nb_text_line_is_heading_at    (const char  *line,
                                            gsize        length,
                                            gsize        at);
gsize        nb_text_line_heading_end      (const char  *line,
                                            gsize        length,
                                            gsize        at,
                                            guint        max_chars);
gsize        nb_text_line_glued_numbers    (const char  *line,
                                            gsize        length,
                                            gboolean     flat);
gsize        nb_text_line_doubled_numeral  (const char  *line,
                                            gsize        length,
                                            gsize        at);
gsize        nb_text_line_leading_number   (const char  *line,
                                            gsize        length);
gboolean     nb_text_line_is_prose_count   (const char  *line,
                                            gsize        length,
                                            gsize        at);
const char  *nb_text_line_unmark           (const char  *line,
                                            gsize       *length,
                                            GString     *out);
gboolean     nb_text_line_is_page_number   (const char  *line,
                                            gsize        length);
guint        nb_text_line_numeral          (const char  *p,
                                            const char  *end);
void         nb_site_footer_init           (NbSiteFooter *footer);
gboolean     nb_text_line_has_footer_marker_at (const char *line,
                                                gsize       length,
                                                gsize       at);
gboolean     nb_text_line_is_site_footer   (const NbSiteFooter *footer,
                                            const char  *line,
                                            gsize        length);
const char  *nb_text_line_page_metadata    (const char  *line,
                                            gsize        length,
                                            gsize       *value_length);
char        *nb_text_line_publication_date (const char  *line,
                                            gsize        length);

G_END_DECLS
