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
#include "nb-source.h"

G_BEGIN_DECLS

/* Where a run of folded bytes starts that came one for one from bytes
 * of the line: its first byte's place in the fold, and in the line. A
 * byte dropped or shortened by folding ends a run. */
typedef struct
{
  guint fold;
  guint raw;
} NbFoldedRun;

/* A window of a line, folded for matching, with where each folded byte
 * came from: folded by nb_folded_window(), or a part of a whole source
 * folded once (nb_folded_source_line()). */
typedef struct
{
  const char        *fold;    /* the folded bytes; no nul need follow */
  gsize              length;  /* how many */
  const NbFoldedRun *runs;    /* the runs of the fold, the first at its
                               * first byte */
  gsize              n_runs;
  gsize              base;    /* the runs' place of the fold's first byte */
  const char        *line;    /* the line folded, from … to */
  gsize              from;
  gsize              to;
  /* where nb_folded_window() writes: buffers that only grow */
  char              *fold_buffer;
  NbFoldedRun       *run_buffer;
  gsize              size;
} NbFolded;

/* How many nul bytes follow the fold of a whole source. */
#define NB_FOLDED_SOURCE_PADDING 8

/* The fold of a line's first piece in the fold of a whole source: where
 * its bytes and its runs start and end. */
typedef struct
{
  guint    fold;
  guint    fold_end;
  guint    run;
  guint    run_end;
  gboolean numbered;  /* a numbered heading may start in it */
} NbFoldedSpan;

/* Every piece of a source folded into one text, as nb_label_fold() folds
 * it, with where each folded byte came from in its piece. */
typedef struct
{
  char         *fold;    /* followed by NB_FOLDED_SOURCE_PADDING nul bytes */
  gsize         length;
  NbFoldedRun  *runs;    /* the raw offsets are in each piece */
  gsize         n_runs;
  NbFoldedSpan *lines;   /* by line */
} NbFoldedSource;

/* What a table of the first, second or third byte at a position says,
 * for a scan that looks each position up in three: the bytes may start
 * what is looked for; they are one character of three bytes (CJK,
 * full-width forms), to step over whole as nb_text_char_step() does. The
 * bits of the three tables taken together tell both without a branch. */
#define NB_TEXT_BYTES_MATCH 1
#define NB_TEXT_BYTES_STEP  2

/* How many markers a site's footer is known by. */
#define NB_SITE_FOOTER_MARKERS 12

/* Where the markers of a site's footer start (a marker's first, second
 * and third bytes), and the steps over characters, NB_TEXT_BYTES_…;
 * each marker's first four bytes, read as one number. */
typedef struct
{
  guint8  bytes[3][256];
  guint32 heads[NB_SITE_FOOTER_MARKERS];
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
gsize        nb_folded_write               (const char  *line,
                                            gsize        from,
                                            gsize        to,
                                            char        *out,
                                            gsize        base,
                                            NbFoldedRun *runs,
                                            gsize       *n_runs,
                                            gboolean    *numbered);
void         nb_folded_window              (NbFolded    *folded,
                                            const char  *line,
                                            gsize        from,
                                            gsize        to);
void         nb_folded_clear               (NbFolded    *folded);
void         nb_folded_source_init         (NbFoldedSource *folded,
                                            NbSource    *source);
void         nb_folded_source_clear        (NbFoldedSource *folded);
gboolean     nb_folded_source_line         (const NbFoldedSource *source,
                                            guint        line,
                                            const char  *text,
                                            gsize        length,
                                            NbFolded    *folded);

gsize        nb_folded_raw_offset          (const NbFolded *folded,
                                            gsize        i,
                                            gsize        to);
gsize        nb_folded_first_at            (const NbFolded *folded,
                                            gsize        at);
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
GStrv        nb_site_footer_fold_markers   (void);
gboolean     nb_text_line_has_footer_marker_at (const NbSiteFooter *footer,
                                                const char *line,
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
