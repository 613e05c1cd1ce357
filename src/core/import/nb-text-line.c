/* nb-text-line.c — one line of report text as pages, crawlers and other
 * tools leave it: folded windows to search for labels, page numbers,
 * Markdown, numbers glued to labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-importer"

#include "config.h"

#include "nb-text-line.h"

#include <string.h>

#include "nb-label.h"

static const char *const numerals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
};

/**
 * nb_text_line_numeral:
 * @p: text
 * @end: its end
 *
 * Returns: 1 to 10 when @p starts with the numeral 一 to 十, else 0
 */
guint
nb_text_line_numeral (const char *p,
                      const char *end)
{
  /* every line is asked: the numerals all start with E4 or E5 */
  if (end - p < 3 || ((guchar) *p != 0xE4 && (guchar) *p != 0xE5))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (memcmp (p, numerals[i], 3) == 0)
      return i + 1;
  return 0;
}


/* "标题: …" "发布时间: …" "当前位置：首页 > …": the lines a crawler or a
 * site puts before the article. Returns the value of a title line, or
 * NULL for a line that is no part of the report's title; @line itself
 * when it is none of these. */
const char *
nb_text_line_page_metadata (const char *line,
                            gsize       length,
                            gsize      *value_length)
{
  static const char *const title_keys[] = { "标题", "题目", "文章标题", "名称" };
  static const char *const skipped[] = { "当前位置", "您当前的位置", "您的位置", "首页" };
  static const char *const markers[] = { "正文", "打印", "关闭", "分享" };
  const char *colon = NULL;
  const char *value;
  g_autoptr(GString) fold = g_string_sized_new (length);

  *value_length = length;
  /* "正文", "=== 正文 ===": where a saved page's article starts */
  nb_label_fold (fold, line, length);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (g_str_equal (fold->str, markers[i]))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (length >= strlen (skipped[i]) && memcmp (line, skipped[i], strlen (skipped[i])) == 0)
      return NULL;
  /* a short key, then a colon */
  for (gsize i = 0; i < MIN (length, 8 * 3 + 1) && colon == NULL; i++)
    if (line[i] == ':' || (length - i >= 3 && memcmp (line + i, "：", 3) == 0))
      colon = line + i;
  if (colon == NULL || colon == line)
    return line;
  for (const char *p = line; p < colon; p++)
    if (g_ascii_isdigit (*p) || *p == ' ')
      return line;
  value = colon + (*colon == ':' ? 1 : 3);
  value += nb_text_skip_blanks (value, line + length);
  for (guint i = 0; i < G_N_ELEMENTS (title_keys); i++)
    if ((gsize) (colon - line) == strlen (title_keys[i]) &&
        memcmp (line, title_keys[i], colon - line) == 0)
      {
        *value_length = line + length - value;
        return value;
      }
  return NULL;
}

static gsize
dash_length (const char *p,
             const char *end)
{
  static const char *const dashes[] = { "—", "–", "－", "―", "─", "-" };

  /* every line is asked: the dashes start with one of three bytes */
  if (p >= end || (*p != '-' && (guchar) *p != 0xE2 && (guchar) *p != 0xEF))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    if ((gsize) (end - p) >= strlen (dashes[i]) && memcmp (p, dashes[i], strlen (dashes[i])) == 0)
      return strlen (dashes[i]);
  return 0;
}

static const char *
skip_page_word (const char *p,
                const char *end,
                const char *word)
{
  p += nb_text_skip_blanks (p, end);
  if ((gsize) (end - p) < strlen (word) || memcmp (p, word, strlen (word)) != 0)
    return NULL;
  return p + strlen (word) + nb_text_skip_blanks (p + strlen (word), end);
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  const char *start = p;

  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p > start ? p + nb_text_skip_blanks (p, end) : NULL;
}

/* "— 5 —", "- 5 -", "第 5 页", "第5页 共12页": a page's header or footer,
 * never a row of a table. */
gboolean
nb_text_line_is_page_number (const char *line,
                             gsize       length)
{
  const char *end = line + length;
  const char *p = line;
  gsize n, dashes = 0;

  /* every line is asked: one that starts with neither a dash, 第 nor a
   * blank is none */
  if (length == 0 || (line[0] != '-' && (guchar) line[0] != 0xE2 && (guchar) line[0] != 0xEF &&
                      (guchar) line[0] != "第"[0] && nb_text_blank_length (line, end) == 0))
    return FALSE;
  while ((n = dash_length (p, end)) > 0)
    p += n + nb_text_skip_blanks (p + n, end), dashes++;
  if (dashes > 0)
    {
      if ((p = skip_digits (p, end)) == NULL)
        return FALSE;
      while ((n = dash_length (p, end)) > 0)
        p += n + nb_text_skip_blanks (p + n, end), dashes++;
      return p == end && dashes >= 2;
    }
  if ((p = skip_page_word (line, end, "第")) == NULL || (p = skip_digits (p, end)) == NULL ||
      (p = skip_page_word (p, end, "页")) == NULL)
    return FALSE;
  if (p < end && ((p = skip_page_word (p, end, "共")) == NULL ||
                  (p = skip_digits (p, end)) == NULL || (p = skip_page_word (p, end, "页")) == NULL))
    return FALSE;
  return p == end;
}

/* Whether @u starts a CJK ideograph (lead bytes E4 to E9) that ends
 * before @end */
static inline gboolean
is_ideograph (const guchar *u,
              const guchar *end)
{
  if (end - u < 3 || *u < 0xE4 || *u > 0xE9)
    return FALSE;
  return nb_text_is_continuation_pair (u + 1);
}

/**
 * nb_text_bytes_add_steps:
 * @bytes: the tables of a position's first, second and third byte
 *
 * Marks in @bytes the bytes of a character of three bytes, a lead byte
 * and two continuation bytes, as %NB_TEXT_BYTES_STEP: where the three
 * bytes at a position have it, the scan steps over three bytes, else
 * over one, as nb_text_char_step() while three bytes are left.
 */
void
nb_text_bytes_add_steps (guint8 bytes[3][256])
{
  for (guint b = 0; b < 256; b++)
    {
      if ((b & 0xF0) == 0xE0)
        bytes[0][b] |= NB_TEXT_BYTES_STEP;
      if ((b & 0xC0) == 0x80)
        {
          bytes[1][b] |= NB_TEXT_BYTES_STEP;
          bytes[2][b] |= NB_TEXT_BYTES_STEP;
        }
    }
}

/* Whether the bytes at @u are a stop a heading's numeral may have after
 * it, as has_heading_start() in the importer takes it: "、", "．", ".", " ". */
static inline gboolean
is_heading_stop (const guchar *u,
                 const guchar *end)
{
  if (*u == '.' || *u == ' ')
    return TRUE;
  return end - u >= 3 && (memcmp (u, "、", 3) == 0 || memcmp (u, "．", 3) == 0);
}

/* Starts a run at the folded byte @n, from the byte at @u. */
static inline void
add_run (NbFoldedRun *runs,
         gsize       *n_runs,
         gsize        n,
         gsize        u)
{
  runs[*n_runs].fold = n;
  runs[*n_runs].raw = u;
  ++*n_runs;
}

/**
 * nb_folded_write:
 * @line: a line
 * @from: where in it to start
 * @to: where to stop
 * @out: where to write the folded bytes, with room for @to - @from
 * @base: what the runs count @out's first byte as
 * @runs: where to add the runs, with room for @to - @from more
 * @n_runs: (inout): how many @runs has
 * @numbered: (out) (optional): set where a numbered heading may start
 *   in the bytes, left alone where none does
 *
 * Folds the bytes from @from to @to as nb_label_fold() folds them (a
 * character cut by @to is none), without a nul, and notes where each
 * folded byte came from as runs of bytes kept one for one: most of a
 * line is one run, which costs nothing per byte.
 *
 * A numbered heading starts with a numeral 一 to 十, an ideograph whose
 * first byte is E4 or E5, and a stop after it (".", " ", "、", "．"),
 * none an ideograph: it can only be where a run of ideographs ends, and
 * is looked for only there.
 *
 * Returns: how many folded bytes were written
 */
gsize
nb_folded_write (const char  *line,
                 gsize        from,
                 gsize        to,
                 char        *out,
                 gsize        base,
                 NbFoldedRun *runs,
                 gsize       *n_runs,
                 gboolean    *numbered)
{
  const guchar *start = (const guchar *) line;
  const guchar *u = start + from;
  const guchar *end = start + to;
  gsize n = 0;
  gsize count = *n_runs;
  /* the next byte kept starts a run: the first, and any after a byte
   * dropped or shortened */
  gboolean broken = TRUE;

  while (u < end)
    {
      const guchar *next;
      gsize kept;
      gunichar c;

      /* CJK ideographs (lead bytes E4 to E9), most of the text, are
       * kept as they are, a run of them in a loop of its own */
      if (is_ideograph (u, end))
        {
          if (broken)
            add_run (runs, &count, base + n, u - start);
          broken = FALSE;
          do
            {
              memcpy (out + n, u, 3);
              n += 3;
              u += 3;
            }
          while (is_ideograph (u, end));
          if (numbered != NULL && u < end && is_heading_stop (u, end) &&
              nb_text_line_numeral ((const char *) u - 3, (const char *) end) > 0)
            *numbered = TRUE;
          continue;
        }
      /* ASCII as nb_label_fold() folds it: lowered in place, or dropped */
      if (*u < 0x80)
        {
          if ((out[n] = nb_label_fold_ascii (*u)) != 0)
            {
              if (broken)
                add_run (runs, &count, base + n, u - start);
              broken = FALSE;
              n++;
            }
          else
            broken = TRUE;
          u++;
          continue;
        }
      /* a character of three bytes (CJK, full-width forms) folded here */
      if (end - u >= 3 && (*u & 0xF0) == 0xE0 && nb_text_is_continuation_pair (u + 1))
        {
          c = (*u & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
          if (c >= 0xFF01 && c <= 0xFF5E)
            {
              /* full-width ASCII: one byte, a run of its own */
              if ((out[n] = nb_label_fold_ascii (c - 0xFEE0)) != 0)
                add_run (runs, &count, base + n++, u - start);
              broken = TRUE;
            }
          else if (!nb_label_is_dropped (c))
            {
              if (broken)
                add_run (runs, &count, base + n, u - start);
              broken = FALSE;
              memcpy (out + n, u, 3);
              n += 3;
            }
          else
            broken = TRUE;
          u += 3;
          continue;
        }
      /* any other character, or bytes that are none, up to the next
       * byte that starts one, by nb_label_fold_to(): each byte kept is
       * a run of its own, from where they start (they are rare) */
      next = (const guchar *) g_utf8_find_next_char ((const char *) u, (const char *) end);
      if (next == NULL)
        next = end;
      kept = nb_label_fold_to ((const char *) u, next - u, out + n) - (out + n);
      for (gsize k = 0; k < kept; k++)
        add_run (runs, &count, base + n + k, u - start);
      broken = TRUE;
      n += kept;
      u = next;
    }
  *n_runs = count;
  return n;
}

/**
 * nb_folded_window:
 * @folded: where to fold, its buffers kept from window to window
 * @line: a line
 * @from: where the window starts
 * @to: where it ends
 *
 * Folds the window into @folded's own buffers, which only grow (a
 * window is a few kilobytes at most), followed by a nul.
 */
void
nb_folded_window (NbFolded   *folded,
                  const char *line,
                  gsize       from,
                  gsize       to)
{
  gsize n_runs = 0;

  if (to - from + 1 > folded->size)
    {
      folded->size = to - from + 1;
      folded->fold_buffer = g_realloc (folded->fold_buffer, folded->size);
      folded->run_buffer = g_renew (NbFoldedRun, folded->run_buffer, folded->size);
    }
  folded->length = nb_folded_write (line, from, to, folded->fold_buffer, 0,
                                    folded->run_buffer, &n_runs, NULL);
  folded->fold_buffer[folded->length] = '\0';
  folded->fold = folded->fold_buffer;
  folded->runs = folded->run_buffer;
  folded->n_runs = n_runs;
  folded->base = 0;
  folded->line = line;
  folded->from = from;
  folded->to = to;
}

void
nb_folded_clear (NbFolded *folded)
{
  g_clear_pointer (&folded->fold_buffer, g_free);
  g_clear_pointer (&folded->run_buffer, g_free);
  memset (folded, 0, sizeof *folded);
}

/* Whether the folded byte @i is within a character of its run, after
 * its first byte: one of the continuation bytes of a character kept. A
 * run of its own (anything odd) starts at every other. */
static inline gboolean
is_within_char (const NbFolded *folded,
                gsize           i,
                const NbFoldedRun *run)
{
  return folded->base + i > run->fold && ((guchar) folded->fold[i] & 0xC0) == 0x80;
}

/* Where the run @r ends in the fold, as the runs count. */
static gsize
run_end (const NbFolded *folded,
         gsize           r)
{
  return r + 1 < folded->n_runs ? folded->runs[r + 1].fold : folded->base + folded->length;
}

/**
 * nb_folded_raw_offset:
 * @folded: a window
 * @i: a folded byte
 * @to: what to return past the end
 *
 * Returns: the offset in the line where the character the folded byte
 *   @i belongs to starts, or @to where @i is past the end
 */
gsize
nb_folded_raw_offset (const NbFolded *folded,
                      gsize           i,
                      gsize           to)
{
  gsize low = 0, high = folded->n_runs;
  gsize at = folded->base + i;

  if (i >= folded->length)
    return to;
  /* the last run that starts at @i or before it */
  while (high - low > 1)
    {
      gsize middle = (low + high) / 2;

      if (folded->runs[middle].fold <= at)
        low = middle;
      else
        high = middle;
    }
  /* a character of three bytes at most */
  while (is_within_char (folded, i, &folded->runs[low]))
    i--;
  return folded->runs[low].raw + (folded->base + i - folded->runs[low].fold);
}

/**
 * nb_folded_first_at:
 * @folded: a window
 * @at: an offset in the line
 *
 * Returns: the first folded byte whose character starts at @at or after
 *   it in the line, or the fold's length
 */
gsize
nb_folded_first_at (const NbFolded *folded,
                    gsize           at)
{
  const NbFoldedRun *runs = folded->runs;
  gsize low = 0, high = folded->n_runs;
  gsize i, end;

  /* the first run from @at or after it: the first byte is there, or in
   * the run before, where that ends after @at */
  while (low < high)
    {
      gsize middle = (low + high) / 2;

      if (runs[middle].raw < at)
        low = middle + 1;
      else
        high = middle;
    }
  if (low == 0)
    return 0;
  end = run_end (folded, low - 1) - folded->base;
  i = runs[low - 1].fold - folded->base + (at - runs[low - 1].raw);
  if (i >= end)
    return end;
  /* from within a character (a cut made within one), its end */
  while (i < end && is_within_char (folded, i, &runs[low - 1]))
    i++;
  return i;
}

/**
 * nb_folded_source_init:
 * @folded: (out caller-allocates): where to fold
 * @source: what a reader made of a file
 *
 * Folds every piece of @source into one text, the pieces one after the
 * other: the form is chosen on it (nb_template_choice_pick_folded()),
 * and a line of text is cut on its own part of it, which is not folded
 * again. Clear it with nb_folded_source_clear().
 */
void
nb_folded_source_init (NbFoldedSource *folded,
                       NbSource       *source)
{
  guint n_lines, n_pieces;
  /* read as arrays: a call per line and piece is much of the cost of
   * its short lines */
  const NbSourceLine *lines = nb_source_get_lines (source, &n_lines);
  const NbSourcePiece *pieces = nb_source_get_pieces (source, &n_pieces);
  const char *text = nb_source_get_all_text (source);
  gsize size = 0;
  gsize run_size = 0;

  for (guint l = 0; l < n_lines; l++)
    for (guint i = 0; i < lines[l].n_pieces; i++)
      size += pieces[lines[l].first_piece + i].length;
  /* folding never lengthens: the fold has room for every byte */
  folded->fold = g_malloc (size + NB_FOLDED_SOURCE_PADDING);
  /* reports have a run in some ten bytes; room is kept for a run in
   * every byte of the piece folded next, which a long line grows */
  run_size = size / 8 + 64;
  folded->runs = g_new (NbFoldedRun, run_size);
  folded->lines = g_new (NbFoldedSpan, MAX (n_lines, 1));
  folded->length = 0;
  folded->n_runs = 0;
  for (guint l = 0; l < n_lines; l++)
    {
      const NbSourceLine *line = &lines[l];
      NbFoldedSpan *span = &folded->lines[l];

      span->fold = span->fold_end = folded->length;
      span->run = span->run_end = folded->n_runs;
      span->numbered = FALSE;
      for (guint i = 0; i < line->n_pieces; i++)
        {
          const NbSourcePiece *piece = &pieces[line->first_piece + i];

          /* a run has a byte at least; most of a line is one run */
          if (folded->n_runs + piece->length > run_size)
            {
              run_size = MAX (2 * run_size, folded->n_runs + piece->length);
              folded->runs = g_renew (NbFoldedRun, folded->runs, run_size);
            }
          folded->length += nb_folded_write (text + piece->offset, 0, piece->length,
                                             folded->fold + folded->length, folded->length,
                                             folded->runs, &folded->n_runs,
                                             i == 0 ? &span->numbered : NULL);
          if (i == 0)
            {
              span->fold_end = folded->length;
              span->run_end = folded->n_runs;
            }
        }
    }
  memset (folded->fold + folded->length, '\0', NB_FOLDED_SOURCE_PADDING);
}

void
nb_folded_source_clear (NbFoldedSource *folded)
{
  g_clear_pointer (&folded->fold, g_free);
  g_clear_pointer (&folded->runs, g_free);
  g_clear_pointer (&folded->lines, g_free);
  folded->length = 0;
  folded->n_runs = 0;
}

/**
 * nb_folded_source_line:
 * @source: a whole source folded
 * @line: one of its lines
 * @text: the text of the line's first piece
 * @length: its length
 * @folded: (out caller-allocates): the window to set
 *
 * Sets @folded to the whole of @text, the fold of its line's first piece
 * as @source has it: as nb_folded_window() would fold it, with nothing
 * folded again.
 *
 * Returns: whether a numbered heading may start in @text ("二、"); where
 *   it says no, none does
 */
gboolean
nb_folded_source_line (const NbFoldedSource *source,
                       guint                 line,
                       const char           *text,
                       gsize                 length,
                       NbFolded             *folded)
{
  const NbFoldedSpan *span = &source->lines[line];

  folded->fold = source->fold + span->fold;
  folded->length = span->fold_end - span->fold;
  folded->runs = source->runs + span->run;
  folded->n_runs = span->run_end - span->run;
  folded->base = span->fold;
  folded->line = text;
  folded->from = 0;
  folded->to = length;
  return span->numbered;
}

gsize
nb_text_line_char_end (const char *line,
                       gsize       offset)
{
  return g_utf8_next_char (line + offset) - line;
}

/* A heading inline: its numeral is not in brackets, and a stop follows. */
gboolean
nb_text_line_is_heading_at (const char *line,
                            gsize       length,
                            gsize       at)
{
  const char *after = line + at + 3;
  const char *end = line + length;

  if (at >= 3 && (memcmp (line + at - 3, "（", 3) == 0))
    return FALSE;
  if (at >= 1 && line[at - 1] == '(')
    return FALSE;
  return (end - after >= 3 && (memcmp (after, "、", 3) == 0 || memcmp (after, "．", 3) == 0)) ||
         (end - after >= 1 && (*after == '.' || *after == ' '));
}

/* The rest of a heading matched by its start: up to a number, a stop or
 * a blank, and about as long as the template's. */
gsize
nb_text_line_heading_end (const char *line,
                          gsize       length,
                          gsize       at,
                          guint       max_chars)
{
  static const char *const stops[] = { "。", "，", "：", "；", "（" };

  for (guint n = 0; at < length && n < max_chars; n++)
    {
      gboolean stop = g_ascii_isdigit (line[at]) || (guchar) line[at] < 0x80;

      for (guint i = 0; i < G_N_ELEMENTS (stops) && !stop; i++)
        stop = length - at >= 3 && memcmp (line + at, stops[i], 3) == 0;
      if (stop)
        break;
      at = g_utf8_next_char (line + at) - line;
    }
  return MIN (at, length);
}

/* In a table, "总计10203120001200000": the numbers glued to the text
 * after it. In a flat table, whose one line of numbers follows a header,
 * a blank between them is no label either. */
gsize
nb_text_line_glued_numbers (const char *line,
                            gsize       length,
                            gboolean    flat)
{
  gsize v = length;
  gsize w;

  while (v > 0 && (g_ascii_isdigit (line[v - 1]) || line[v - 1] == ' ' || line[v - 1] == '.'))
    v--;
  while (v < length && !g_ascii_isdigit (line[v]))
    v++;
  w = v;
  while (flat && w > 0 && line[w - 1] == ' ')
    w--;
  if (w == 0 || v == length || (guchar) line[w - 1] < 0x80)
    return length;
  return v;
}

/* How many characters a measure word after a count has: 件, 人次, 万元. */
#define MEASURE_WORD_CHARS 2

/* Whether the text at @at, after a row's label, is a count in a
 * sentence: a number, its measure word, then a comma or a stop
 * ("规范性文件12件。", "不予公开3件，"). Such a label is a word of the
 * sentence, not a row; a row's numbers never carry both. */
gboolean
nb_text_line_is_prose_count (const char *line,
                             gsize       length,
                             gsize       at)
{
  static const char *const stops[] = { "，", "。", "；", "！", "？" };
  const char *end = line + length;
  const char *p = line + at + nb_text_skip_blanks (line + at, end);
  const char *digits = p;
  guint words = 0;

  while (p < end && (g_ascii_isdigit (*p) || *p == '.'))
    p++;
  if (p == digits)
    return FALSE;
  for (; p < end && words < MEASURE_WORD_CHARS; words++)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      /* CJK ideographs only: a bracket or a digit ends the word */
      if (c < 0x4E00 || c > 0x9FFF)
        break;
      p = g_utf8_next_char (p);
    }
  if (words == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    if ((gsize) (end - p) >= strlen (stops[i]) && memcmp (p, stops[i], strlen (stops[i])) == 0)
      return TRUE;
  return FALSE;
}

/* "5949.09(二)主动公开…": a number ends the row before, the next item
 * starts after it. */
gsize
nb_text_line_leading_number (const char *line,
                             gsize       length)
{
  gsize v = 0;
  const char *next;

  while (v < length && (g_ascii_isdigit (line[v]) || line[v] == '.'))
    v++;
  if (v == 0 || v == length || !g_ascii_isdigit (line[0]))
    return 0;
  next = line + v + nb_text_skip_blanks (line + v, line + length);
  if (next == line + length)
    return 0;
  if (*next == '(' || (line + length - next >= 3 && memcmp (next, "（", 3) == 0))
    return v;
  if (line + length - next >= 6 && nb_text_line_numeral (next, line + length) > 0 &&
      memcmp (next + 3, "、", 3) == 0)
    return v;
  return 0;
}

/* "0000000三三、本年度办理结果": a heading's numeral typed twice. Returns
 * the length of the first, which belongs to neither the heading nor the
 * text before it, when the text at @at starts a numbered heading and the
 * same numeral ends the text before; 0 otherwise. */
gsize
nb_text_line_doubled_numeral (const char *line,
                              gsize       length,
                              gsize       at)
{
  if (at < 3 || length - at < 6 || memcmp (line + at + 3, "、", 3) != 0 ||
      memcmp (line + at - 3, line + at, 3) != 0)
    return 0;
  return nb_text_line_numeral (line + at, line + length) > 0 ? 3 : 0;
}

/* Markdown, as other tools extract text: "| 规章 | 0 | 0 | 0 |" is a table
 * row, "|---|---|" its rule, "## 二、…" and "**二、…**" headings. Returns
 * the line as plain text in @out, or NULL for a line that holds nothing. */
const char *
nb_text_line_unmark (const char *line,
                     gsize      *length,
                     GString    *out)
{
  const char *end = line + *length;
  const char *p = line + nb_text_skip_blanks (line, end);
  gboolean rule = TRUE;

  if (p < end && *p == '|')
    {
      g_string_truncate (out, 0);
      for (const char *q = p; q < end; q++)
        {
          rule &= strchr ("|-: \t", *q) != NULL;
          g_string_append_c (out, *q == '|' ? ' ' : *q);
        }
      *length = out->len;
      return rule ? NULL : out->str;
    }
  if (p < end && (*p == '#' || (end - p >= 2 && p[0] == '*' && p[1] == '*')))
    {
      while (p < end && (*p == '#' || *p == '*'))
        p++;
      while (end > p && (end[-1] == '*' || nb_text_blank_length (end - 1, end) == 1))
        end--;
      *length = end - p;
      return p;
    }
  return line;
}


static const char *
read_number (const char *p,
             const char *end,
             guint       max_digits,
             guint      *value)
{
  guint n = 0;

  *value = 0;
  while (p < end && g_ascii_isdigit (*p) && n < max_digits)
    *value = *value * 10 + (*p++ - '0'), n++;
  return n > 0 ? p : NULL;
}

static const char *
skip_separator (const char *p,
                const char *end)
{
  static const char *const separators[] = { "-", "/", ".", "年", "月" };

  p += nb_text_skip_blanks (p, end);
  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    if ((gsize) (end - p) >= strlen (separators[s]) &&
        memcmp (p, separators[s], strlen (separators[s])) == 0)
      return p + strlen (separators[s]) + nb_text_skip_blanks (p + strlen (separators[s]), end);
  return NULL;
}

/* "2024-01-31", "2024/1/31", "2024年1月31日" → "2024-01-31", or NULL. */
static char *
read_date (const char *p,
           const char *end)
{
  guint year, month, day;

  p += nb_text_skip_blanks (p, end);
  if ((p = read_number (p, end, 4, &year)) == NULL || (p = skip_separator (p, end)) == NULL ||
      (p = read_number (p, end, 2, &month)) == NULL || (p = skip_separator (p, end)) == NULL ||
      read_number (p, end, 2, &day) == NULL)
    return NULL;
  if (year < 1990 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/**
 * nb_text_line_publication_date:
 * @line: a line before the report's first section
 * @length: its length
 *
 * "发布时间: 2024-01-31 08:28", "来源：某办 时间：2024-03-08": the date a
 * page says it was published, which reviewers check against the deadline.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD
 */
char *
nb_text_line_publication_date (const char *line,
                               gsize       length)
{
  static const char *const keys[] = { "发布时间", "发布日期", "成文日期", "时间", "日期" };
  const char *end = line + length;

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    for (const char *at = g_strstr_len (line, length, keys[k]); at != NULL;
         at = g_strstr_len (at + 1, end - at - 1, keys[k]))
      {
        const char *p = at + strlen (keys[k]);
        char *date;

        p += nb_text_skip_blanks (p, end);
        if (p < end && *p == ':')
          p++;
        else if (end - p >= 3 && memcmp (p, "：", 3) == 0)
          p += 3;
        else
          continue;
        if ((date = read_date (p, end)) != NULL)
          return date;
      }
  return NULL;
}

/* "版权所有：…", "网站标识码 …", "闽ICP备…", "建议您使用以下浏览器版本": the
 * footer a site puts under every article, which no report writes. */
static const char *const footer_markers[] = {
  "版权所有", "网站标识码", "ICP备", "公网安备", "建议您使用", "浏览器版本",
  "主办单位：", "主办单位:", "承办单位：", "承办单位:", "Copyright", "copyright",
};
G_STATIC_ASSERT (G_N_ELEMENTS (footer_markers) == NB_SITE_FOOTER_MARKERS);

/**
 * nb_site_footer_init:
 * @footer: (out caller-allocates): the footer's markers to prepare
 *
 * Prepares the byte tables nb_text_line_is_site_footer() looks the
 * markers up in, once for many lines.
 */
void
nb_site_footer_init (NbSiteFooter *footer)
{
  memset (footer, 0, sizeof *footer);
  for (guint i = 0; i < G_N_ELEMENTS (footer_markers); i++)
    {
      for (guint b = 0; b < 3; b++)
        footer->bytes[b][(guchar) footer_markers[i][b]] |= NB_TEXT_BYTES_MATCH;
      /* every marker is longer than four bytes */
      g_assert (strlen (footer_markers[i]) > sizeof footer->heads[i]);
      memcpy (&footer->heads[i], footer_markers[i], sizeof footer->heads[i]);
    }
  nb_text_bytes_add_steps (footer->bytes);
}

/**
 * nb_site_footer_fold_markers:
 *
 * The markers folded as labels are: the fold of a text that holds a
 * marker holds the marker's fold, so a text whose fold holds none has no
 * site footer.
 *
 * Returns: (transfer full): the folded markers
 */
GStrv
nb_site_footer_fold_markers (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (footer_markers); i++)
    {
      g_autofree char *fold = nb_label_fold_dup (footer_markers[i]);

      g_strv_builder_add (builder, fold);
    }
  return g_strv_builder_end (builder);
}

/**
 * nb_text_line_has_footer_marker_at:
 * @footer: the markers, from nb_site_footer_init()
 * @line: a line
 * @length: its length
 * @at: where in it, three bytes at least before its end
 *
 * Returns: whether a marker of a site's footer starts at @at
 */
gboolean
nb_text_line_has_footer_marker_at (const NbSiteFooter *footer,
                                   const char         *line,
                                   gsize               length,
                                   gsize               at)
{
  guint32 head;

  /* where a marker's first character starts (公, 主 in 公开, 主动), the
   * next mostly differs: the markers' first four bytes are compared at
   * once, and a marker is read whole only where they are alike */
  if (length - at < sizeof head)
    return FALSE;
  memcpy (&head, line + at, sizeof head);
  for (guint i = 0; i < G_N_ELEMENTS (footer_markers); i++)
    {
      gsize n;

      if (footer->heads[i] != head)
        continue;
      n = strlen (footer_markers[i]);
      if (n <= length - at && memcmp (line + at, footer_markers[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * nb_text_line_is_site_footer:
 * @footer: the markers, from nb_site_footer_init()
 * @line: a line after the report's last section began
 * @length: its length
 *
 * Returns: whether the line is a site's footer
 */
gboolean
nb_text_line_is_site_footer (const NbSiteFooter *footer,
                             const char         *line,
                             gsize               length)
{
  const guchar *u = (const guchar *) line;

  /* every line of the narrative is asked: one pass over it, a character
   * at a time, compares the markers only where its first three bytes
   * are those of one (each marker has three at least); the same look-up
   * of the three bytes tells how far the next character is */
  for (gsize at = 0, step; at + 3 <= length; at += step)
    {
      guint8 bits = footer->bytes[0][u[at]] & footer->bytes[1][u[at + 1]] &
                    footer->bytes[2][u[at + 2]];

      step = bits & NB_TEXT_BYTES_STEP ? 3 : 1;
      if (G_UNLIKELY (bits & NB_TEXT_BYTES_MATCH) &&
          nb_text_line_has_footer_marker_at (footer, line, length, at))
        return TRUE;
    }
  return FALSE;
}
