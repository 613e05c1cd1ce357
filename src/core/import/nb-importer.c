/* nb-importer.c — reads a report from the files it arrives in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-importer"

#include "config.h"

#include "nb-importer.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nb-canonical.h"
#include "nb-diagnostic-private.h"
#include "nb-import-diagnose.h"
#include "nb-import-numbers.h"
#include "nb-label.h"
#include "nb-number.h"
#include "nb-readers.h"
#include "nb-report-private.h"
#include "nb-source.h"
#include "nb-table-matcher.h"
#include "nb-template-choice.h"
#include "nb-template-private.h"
#include "nb-text-decoder.h"
#include "nb-text-line.h"

#define MAX_TITLE_LINES 3

/* text that runs on is searched for labels this many bytes at a time */
#define INLINE_WINDOW 4096
#define INLINE_OVERLAP 1024
/* a heading may carry a few words more than the template's, such as 统计 */
#define MAX_HEADING_EXTRA 12

/* In the tables of has_heading_start(), beside NB_TEXT_BYTES_MATCH (a
 * heading may start): a site footer's marker may start. */
#define FOOTER_START 4

/* the form is chosen on the fold the lines are cut on */
G_STATIC_ASSERT (NB_FOLDED_SOURCE_PADDING >= NB_TEMPLATE_CHOICE_PADDING);

/* a canonical file Nianbao writes is one it reads */
G_STATIC_ASSERT (NB_CANONICAL_MAX_FILE <= NB_READER_MAX_FILE);

struct _NbImporter
{
  GObject       parent_instance;

  NbTemplate   *template;
  GPtrArray    *table_keys;     /* NbTableKeys, by table */
  GPtrArray    *heading_keys;   /* GStrv of folded headings, by section */

  /* the other forms this program carries: a report is read on the one
   * its table headers belong to */
  gboolean      choose;
  GPtrArray    *others;         /* NbImporter, one per other form */
  NbTemplateChoice *choice;     /* this template first, then the others' */
  GPtrArray    *inline_keys;    /* GStrv by section: numeral and heading,
                                 * folded, the heading's start last */
  /* an inline key has this byte first, second or third:
   * NB_TEXT_BYTES_MATCH */
  guint8        inline_bytes[3][256];
  /* a numeral that may start a heading has this byte first, and the
   * stop after it this byte fourth; a site footer's marker these first
   * three (has_heading_start()) */
  guint8        heading_start_bytes[4][256];
  NbSiteFooter  footer;
  GArray       *unit_cells;     /* guint: the cells a unit may be written in */
  gboolean      keep_numbers;
  /* every section's numeral is one of 一 to 十: a heading found inline,
   * its numeral and a stop after it, is only where the fold of a line
   * saw one (TextImport.numbered) */
  gboolean      plain_numerals;
};

G_DEFINE_FINAL_TYPE (NbImporter, nb_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_CHOOSE,
  PROP_KEEP_NUMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a search of the folded window found, from where it looked: the
 * first heading or row label is where it was for any search from up to
 * @until, as long as the window and the sections seen stay the same. A
 * line cut many times is searched about once. */
typedef struct
{
  guint          window;       /* the window searched, 0 for none */
  guint          n_seen;       /* the sections seen then */
  gsize          from;
  gsize          until;
  int            found;        /* the section of a heading; 0 for a label */
  gsize          start;        /* what was found, in the fold */
  gsize          end;
  gboolean       partial;
} WindowFind;

/* The state of one text import. */
typedef struct
{
  NbImporter    *importer;
  NbReport      *report;
  NbTableMatcher *matcher;
  int            section;      /* current template section, -1 before any */
  int            table;        /* its table, -1 outside one: asked of
                                * every line and cut */
  gboolean      *seen;         /* by section */
  guint          n_seen;
  GString      **texts;        /* by narrative section */
  GArray       **lines;        /* source line of each text line */
  GString       *title;
  guint          title_lines;
  gboolean       title_done;
  NbSource      *source;
  gboolean       placed;       /* not a text file: pieces have places */
  GArray        *cells;        /* NbTableCell, reused per positioned line */
  GString       *joined;       /* a positioned line's text */
  gboolean       in_paragraph; /* the line before was narrative text */
  GStringChunk  *rewritten;    /* lines read otherwise than the source has
                                * them: the matcher keeps pointers into them */
  char          *published;    /* the page's publication date */
  gboolean       ended;        /* a site's footer came after the report */
  gboolean       footerless;   /* the text holds no site footer's marker */
  GString       *plain;        /* reused per text line */
  const NbFoldedSource *source_fold; /* the whole source, folded once */
  NbFolded       folded;
  gboolean       numbered;     /* a numbered heading may start in the
                                * text line read: where not, it is not
                                * looked for */
  guint          window;       /* how many windows were folded */
  /* a stretch of the line read where no site footer's marker starts, as
   * has_heading_start() found on its way */
  const char    *no_footer_from;
  const char    *no_footer_to;
  WindowFind     heading_find;
  WindowFind     row_find;
} TextImport;

/* Headings */


/* "三、收到和处理政府信息公开申请情况" → the section it opens, or -1. */
static int
match_heading (NbImporter *self,
               const char *line,
               gsize       length,
               guint      *numeral)
{
  const char *p = line;
  const char *end = line + length;
  g_autoptr(GString) folded = NULL;

  p += nb_text_skip_blanks (p, end);
  if (end - p < 6)
    return -1;
  if ((*numeral = nb_text_line_numeral (p, end)) == 0)
    return -1;
  p += 3;
  if (end - p >= 3 && (memcmp (p, "、", 3) == 0 || memcmp (p, "．", 3) == 0))
    p += 3;
  else if (p < end && *p == '.')
    p++;
  else
    return -1;

  folded = g_string_sized_new (end - p);
  nb_label_fold (folded, p, end - p);
  for (guint s = 0; s < self->heading_keys->len; s++)
    {
      GStrv keys = g_ptr_array_index (self->heading_keys, s);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          gsize key_length = strlen (keys[k]);

          if (folded->len >= key_length && folded->len <= key_length + MAX_HEADING_EXTRA &&
              memcmp (folded->str, keys[k], key_length) == 0)
            return s;
        }
    }
  return -1;
}

/* Title */

static const char *
find_year (const char *text,
           guint      *year)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      gint64 value;
      const char *q;

      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) ||
          !g_ascii_isdigit (p[2]) || !g_ascii_isdigit (p[3]) ||
          (p > text && g_ascii_isdigit (p[-1])))
        continue;
      q = p + 4;
      while (*q == ' ')
        q++;
      if (!g_str_has_prefix (q, "年"))
        continue;
      nb_number_parse (p, 4, NB_CELL_KIND_COUNT, NULL, &value);
      if (value < 1990 || value > 2999)
        continue;
      *year = value;
      return p;
    }
  return NULL;
}

static char *
collapse_blanks (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *end = text + strlen (text);
  gboolean blank = FALSE;

  for (const char *p = text; p < end;)
    {
      gsize n = nb_text_blank_length (p, end);

      if (n > 0)
        {
          blank = out->len > 0;
          p += n;
          continue;
        }
      if (blank)
        g_string_append_c (out, ' ');
      blank = FALSE;
      /* full-width digits ０–９ (EF BC 90–99): the year is read from them */
      if (end - p >= 3 && (guchar) p[0] == 0xEF && (guchar) p[1] == 0xBC &&
          (guchar) p[2] >= 0x90 && (guchar) p[2] <= 0x99)
        {
          g_string_append_c (out, '0' + ((guchar) p[2] - 0x90));
          p += 3;
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* "偃师区伊洛街道办事处 2024 年政府信息公开工作年度报告": the organ comes
 * before the year; in "2024年某局政府信息公开…" it follows it. Returns
 * NULL without a year. */
static char *
title_organ (const char *title,
             guint      *year)
{
  g_autofree char *organ = NULL;
  const char *at = find_year (title, year);

  if (at == NULL)
    return NULL;
  organ = g_strndup (title, at - title);
  g_strstrip (organ);
  if (*organ == '\0')
    {
      const char *start = strstr (at, "年");
      const char *stop = strstr (at, "政府信息公开");

      start += strlen ("年");
      if (g_str_has_prefix (start, "度"))
        start += strlen ("度");
      if (stop != NULL && stop > start)
        {
          g_free (organ);
          organ = g_strndup (start, stop - start);
          g_strstrip (organ);
        }
    }
  return g_steal_pointer (&organ);
}

static void
read_title (NbReport   *report,
            const char *raw)
{
  g_autofree char *title = collapse_blanks (raw);
  g_autofree char *organ = NULL;
  guint year = 0;

  /* a report being imported has no history to record */
  organ = title_organ (title, &year);
  nb_report_load_header (report, title, organ, year);
}

/* A line that is a whole title, organ and year: "平潭综合实验区2023年度…报告". */
static gboolean
is_whole_title (const char *line,
                gsize       length)
{
  g_autofree char *text = NULL;
  g_autofree char *collapsed = NULL;
  g_autofree char *organ = NULL;
  guint year;

  /* collapsing blanks neither makes nor breaks a 报告: a line without
   * one is not copied */
  if (g_strstr_len (line, length, "报告") == NULL)
    return FALSE;
  text = g_strndup (line, length);
  collapsed = collapse_blanks (text);
  organ = title_organ (collapsed, &year);
  return organ != NULL && *organ != '\0';
}

static void
add_title_line (TextImport *import,
                const char *line,
                gsize       length)
{
  guint year;
  const char *value;

  if (import->published == NULL)
    import->published = nb_text_line_publication_date (line, length);
  value = nb_text_line_page_metadata (line, length, &length);

  if (value == NULL)
    return;
  if (value != line && !import->title_done)
    {
      /* the page says which line is its title */
      g_string_assign (import->title, "");
      g_string_append_len (import->title, value, length);
      import->title_done = TRUE;
      return;
    }
  line = value;
  /* a line that is a whole title ("…2023年度…年度报告") is the title, whatever
   * site text came before it */
  if (is_whole_title (line, length) && !is_whole_title (import->title->str, import->title->len))
    {
      g_string_truncate (import->title, 0);
      g_string_append_len (import->title, line, length);
      import->title_lines = 1;
      import->title_done = TRUE;
      return;
    }

  /* a web page's breadcrumbs ("首页 > … > 年度报告") come before its
   * title: a title without a year gives way to the lines after it */
  if (import->title_done && import->placed && find_year (import->title->str, &year) == NULL)
    {
      g_string_truncate (import->title, 0);
      import->title_lines = 0;
      import->title_done = FALSE;
    }
  if (import->title_done)
    return;
  /* "侯寨办事处" + "2024 年…": the line break stood for the space between
   * Chinese and a number, as Nianbao's own exports wrap a title */
  if (import->title->len > 0 && length > 0 && g_ascii_isdigit (line[0]) &&
      (guchar) import->title->str[import->title->len - 1] >= 0x80)
    g_string_append_c (import->title, ' ');
  g_string_append_len (import->title, line, length);
  import->title_lines++;
  /* a title wrapped over lines ends where it says 报告 */
  if (strstr (import->title->str, "报告") != NULL || import->title_lines >= MAX_TITLE_LINES)
    import->title_done = TRUE;
}

/* Lines */

/* Latin letters and digits; not CJK, whose full-width forms come later. */
static gboolean
is_latin_alnum (gunichar c)
{
  return c < 0x2E80 && g_unichar_isalnum (c);
}

/* A paragraph wrapped in a PDF: CJK runs on over the break, words are
 * kept apart ("the" "report", "2024," "and"); a number cut in two is
 * one number. */
static gboolean
needs_blank (const GString *text,
             const char    *line,
             gsize          length)
{
  const char *last = g_utf8_find_prev_char (text->str, text->str + text->len);
  gunichar before, after;

  if (last == NULL)
    return FALSE;
  before = g_utf8_get_char_validated (last, text->str + text->len - last);
  after = g_utf8_get_char_validated (line, length);
  if (before >= (gunichar) -2 || after >= (gunichar) -2 || !is_latin_alnum (after))
    return FALSE;
  if (g_unichar_isdigit (before) && g_unichar_isdigit (after))
    return FALSE;
  return is_latin_alnum (before) || (before < 0x80 && strchr (",.;:!?)%", before) != NULL);
}

/* Whether @line is a site's footer; where has_heading_start() read the
 * line before, only the rest is read again. */
static gboolean
is_site_footer (TextImport *import,
                const char *line,
                gsize       length)
{
  const char *from = line;

  if (import->no_footer_from != NULL && import->no_footer_from <= line && line < import->no_footer_to)
    from = import->no_footer_to;
  return from < line + length &&
         nb_text_line_is_site_footer (&import->importer->footer, from, line + length - from);
}

/* @continues: the line carries on the paragraph of the line before,
 * which the PDF only wrapped */
static void
add_narrative_line (TextImport *import,
                    const char *line,
                    gsize       length,
                    guint       line_number,
                    gboolean    continues)
{
  GString *text = import->texts[import->section];

  /* the site's footer under the article: nothing after it is the report */
  if (!import->footerless && is_site_footer (import, line, length))
    {
      import->ended = TRUE;
      return;
    }
  import->in_paragraph = TRUE;
  if (continues && text->len > 0)
    {
      /* the paragraph keeps the place of its first line */
      if (needs_blank (text, line, length))
        g_string_append_c (text, ' ');
      g_string_append_len (text, line, length);
      return;
    }
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_len (text, line, length);
  g_array_append_val (import->lines[import->section], line_number);
}

static void
end_section (TextImport *import)
{
  NbTemplateSection *section;

  if (import->section < 0)
    return;
  section = g_ptr_array_index (nb_template_get_sections (import->importer->template),
                               import->section);
  if (section->table >= 0)
    nb_table_matcher_end (import->matcher);
}

static void
begin_section (TextImport *import,
               int         section_index,
               guint       line_number)
{
  NbTemplateSection *section;

  end_section (import);
  import->section = section_index;
  import->seen[section_index] = TRUE;
  import->n_seen++;
  import->title_done = TRUE;
  section = g_ptr_array_index (nb_template_get_sections (import->importer->template),
                               section_index);
  import->table = section->table;
  if (section->table >= 0)
    nb_table_matcher_begin (import->matcher,
                           g_ptr_array_index (import->importer->table_keys, section->table),
                           import->report, line_number);
}

static void
read_cells (TextImport         *import,
            const NbSourceLine *line)
{
  g_array_set_size (import->cells, 0);
  for (guint i = 0; i < line->n_pieces; i++)
    {
      const NbSourcePiece *piece = nb_source_get_piece (import->source, line->first_piece + i);
      NbTableCell cell;

      cell.text = nb_source_get_text (import->source, piece);
      cell.length = piece->length;
      cell.line = piece->id;
      cell.x0 = piece->x0;
      cell.x1 = piece->x1;
      g_array_append_val (import->cells, cell);
    }
  nb_table_matcher_cells (import->matcher, &g_array_index (import->cells, NbTableCell, 0),
                         import->cells->len);
}

/* @cells: the positioned line @line was joined from, or NULL for text */
static void
read_line (TextImport         *import,
           const char         *line,
           gsize               length,
           guint               line_number,
           const NbSourceLine *cells)
{
  gsize lead = nb_text_skip_blanks (line, line + length);
  gboolean continues = cells != NULL && cells->continues && import->in_paragraph;
  int heading;
  guint numeral = 0;

  if (import->ended)
    return;
  /* only narrative text that follows at once is carried on */
  import->in_paragraph = FALSE;

  /* trim: narrative keeps its words, tables split on blanks anyway */
  line += lead;
  length -= lead;
  while (length > 0 && nb_text_blank_length (line + length - 1, line + length) == 1)
    length--;
  if (length == 0 || nb_text_line_is_page_number (line, length))
    return;

  heading = match_heading (import->importer, line, length, &numeral);
  if (heading >= 0)
    nb_report_add_heading (import->report, heading, numeral, line_number);
  /* a heading repeated (a copy that pasted it twice) opens nothing new */
  if (heading >= 0 && !import->seen[heading])
    {
      begin_section (import, heading, line_number);
      return;
    }
  if (heading >= 0 && heading == import->section)
    return;

  if (import->section < 0)
    {
      add_title_line (import, line, length);
      return;
    }
  if (import->table >= 0 && cells != NULL)
    read_cells (import, cells);
  else if (import->table >= 0)
    nb_table_matcher_line (import->matcher, line, length, line_number);
  else
    add_narrative_line (import, line, length, line_number, continues);
}

/* Text that runs on: a web page saved or copied as text keeps its
 * headings, labels and numbers on one line ("…联系。一、总体情况2023年，
 * 我局…规章000行政规范性文件008…"). A line is cut where the next
 * section's heading or, within a table, a row or group label starts, and
 * after the label that starts it; numbers glued to the end of a table
 * line's text become a line of their own. */

/* How much of a section's heading identifies it inline, where its end is
 * not known: a heading worded otherwise ("五、存在的主要问题及明年工作计划")
 * still starts as the template's does. */
#define HEADING_PREFIX_CHARS 7

/* The section whose heading or heading's start, still to come, is at
 * @i in the fold, or -1; *@end and *@partial as find_heading() sets
 * them. Where several match, a whole heading is taken before the start
 * of one, else the first section's. */
static int
heading_key_at (TextImport *import,
                const char *fold,
                gsize       fold_length,
                gsize       i,
                gsize      *end,
                gboolean   *partial)
{
  GPtrArray *sections = nb_template_get_sections (import->importer->template);
  int found = -1;

  for (guint s = MAX (import->section + 1, 0); s < sections->len; s++)
    {
      const char *numeral = ((NbTemplateSection *) g_ptr_array_index (sections, s))->numeral;
      GStrv keys = g_ptr_array_index (import->importer->inline_keys, s);

      /* every key of a section starts with its numeral, which turns
       * most sections away at once */
      if (import->seen[s] || (numeral[0] != '\0' && numeral[1] != '\0' &&
                              (numeral[0] != fold[i] || i + 1 >= fold_length ||
                               numeral[1] != fold[i + 1])))
        continue;
      for (guint k = 0; keys[k] != NULL; k++)
        {
          /* the last key is the heading's start only */
          gboolean is_prefix = keys[k + 1] == NULL;
          gsize key_length;

          if (keys[k][0] != fold[i] ||
              (keys[k][1] != '\0' && (i + 1 >= fold_length || keys[k][1] != fold[i + 1])) ||
              (found >= 0 && (is_prefix || !*partial)))
            continue;
          key_length = strlen (keys[k]);
          if (key_length > fold_length - i || memcmp (fold + i, keys[k], key_length) != 0)
            continue;
          *end = i + key_length;
          *partial = is_prefix;
          found = s;
        }
    }
  return found;
}

/* The first heading of a section still to come, in the folded window;
 * *@partial: only its start was matched. Returns the section, or -1. The
 * window is read once, a character at a time: a position is compared with
 * the keys (heading_key_at()) only where one of them starts with its
 * bytes. */
static int
find_heading (TextImport     *import,
              const NbFolded *folded,
              gsize           first,
              const char     *line,
              gsize           length,
              gsize          *start,
              gsize          *end,
              gboolean       *partial)
{
  const char *fold = folded->fold;
  const guchar *u = (const guchar *) fold;
  gsize fold_length = folded->length;
  const guint8 *firsts = import->importer->inline_bytes[0];
  const guint8 *seconds = import->importer->inline_bytes[1];
  const guint8 *thirds = import->importer->inline_bytes[2];
  gsize i = first;

  while (i < fold_length)
    {
      int found;
      guint8 bits;

      /* a run of characters of three bytes that no key starts with, in
       * a loop of its own: the step is a branch, not a sum computed
       * from the bytes, so the next position's look-up need not wait
       * for this one's bytes */
      while (i + 3 <= fold_length && nb_text_char_step (u + i, fold_length - i) == 3 &&
             !(firsts[u[i]] & seconds[u[i + 1]] & thirds[u[i + 2]] & NB_TEXT_BYTES_MATCH))
        i += 3;
      if (i >= fold_length)
        break;
      /* in the last two bytes, a byte at a time and never past the
       * fold's end (no nul need follow it): heading_key_at() tells */
      if (i + 3 <= fold_length)
        bits = firsts[u[i]] & seconds[u[i + 1]] & thirds[u[i + 2]];
      else
        bits = firsts[u[i]];
      if ((bits & NB_TEXT_BYTES_MATCH) &&
          (found = heading_key_at (import, fold, fold_length, i, end, partial)) >= 0 &&
          nb_text_line_is_heading_at (line, length, nb_folded_raw_offset (folded, i, length)))
        {
          *start = i;
          return found;
        }
      i += nb_text_char_step (u + i, fold_length - i);
    }
  return -1;
}

static gboolean
in_table (TextImport *import)
{
  return import->table >= 0;
}

static gboolean
in_flat_table (TextImport *import)
{
  if (!in_table (import))
    return FALSE;
  return ((NbTemplateTable *) g_ptr_array_index (nb_template_get_tables (import->importer->template),
                                                 import->table))->flat;
}

static gboolean
has_non_ascii (const char *text,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* is_heading_start_at() where its look-up found a pair: is it a heading,
 * and is a site footer's marker there? */
static gboolean
is_heading_start_found (TextImport *import,
                        const char *line,
                        gsize       length,
                        gsize       i,
                        guint8      bits,
                        gsize      *no_footer)
{
  const guchar *u = (const guchar *) line;
  gsize after = i + 3;

  if ((bits & FOOTER_START) && *no_footer == G_MAXSIZE &&
      nb_text_line_has_footer_marker_at (&import->importer->footer, line, length, i))
    *no_footer = i;
  if (!(bits & NB_TEXT_BYTES_MATCH))
    return FALSE;
  if (u[after] != '.' && u[after] != ' ' &&
      (length - after < 3 ||
       (memcmp (u + after, "、", 3) != 0 && memcmp (u + after, "．", 3) != 0)))
    return FALSE;
  return nb_text_line_numeral (line + i, line + length) > 0 &&
         nb_text_line_is_heading_at (line, length, i);
}

/* Whether a heading starts at @i in @line, four bytes or more before its
 * end: a numeral's first byte (E4, E5) and the first byte of the stop
 * after it are looked up at once in the importer's tables, and such a
 * pair is rare. The same look-up tells where a site footer's marker may
 * start: the first one is noted in *@no_footer. Inline: asked of every
 * character of a line. */
static inline gboolean
is_heading_start_at (TextImport *import,
                     const char *line,
                     gsize       length,
                     gsize       i,
                     gsize      *no_footer)
{
  const guint8 (*bytes)[256] = import->importer->heading_start_bytes;
  const guchar *u = (const guchar *) line + i;
  guint8 bits = bytes[0][u[0]] & bytes[1][u[1]] & bytes[2][u[2]] & bytes[3][u[3]];

  if (G_LIKELY (!(bits & (NB_TEXT_BYTES_MATCH | FOOTER_START))))
    return FALSE;
  return is_heading_start_found (import, line, length, i, bits, no_footer);
}

/* A numeral that could start a heading: "二、". The line is stepped over
 * a character at a time, as find_heading() steps, and each position is
 * asked is_heading_start_at(); up to the first site footer's marker, the
 * line is noted as holding none, so that is_site_footer() reads only the
 * rest. */
static gboolean
has_heading_start (TextImport *import,
                   const char *line,
                   gsize       length)
{
  const guchar *u = (const guchar *) line;
  gsize no_footer = G_MAXSIZE;
  gboolean found = FALSE;
  gsize i = 0;

  while (i + 3 < length && !found)
    {
      /* a run of characters of three bytes (CJK, most of the text) in a
       * loop of its own: the step is a branch, not a sum computed from
       * the bytes, so the next position's look-up need not wait for
       * this one's bytes */
      while (i + 3 < length && nb_text_char_step (u + i, length - i) == 3 &&
             !(found = is_heading_start_at (import, line, length, i, &no_footer)))
        i += 3;
      /* any other byte, or the end */
      if (i + 3 < length && !found &&
          !(found = is_heading_start_at (import, line, length, i, &no_footer)))
        i++;
    }
  /* the positions from @i on were not looked at */
  import->no_footer_from = line;
  import->no_footer_to = line + MIN (no_footer, i);
  return i + 3 < length;
}

/* Whether @find answers a search of the current window from @first. */
static gboolean
window_find_holds (const TextImport *import,
                   const WindowFind *find,
                   gsize             first)
{
  return find->window == import->window && find->n_seen == import->n_seen &&
         find->from <= first && first <= find->until;
}

/* find_heading(), answered from the search before where it holds. */
static int
find_heading_once (TextImport     *import,
                   const NbFolded *folded,
                   gsize           first,
                   const char     *line,
                   gsize           length,
                   gsize          *start,
                   gsize          *end,
                   gboolean       *partial)
{
  WindowFind *find = &import->heading_find;

  if (!window_find_holds (import, find, first))
    {
      find->window = import->window;
      find->n_seen = import->n_seen;
      find->from = first;
      find->partial = FALSE;
      find->found = find_heading (import, folded, first, line, length,
                                  &find->start, &find->end, &find->partial);
      /* none is found from anywhere after @first either */
      find->until = find->found >= 0 ? find->start : folded->length;
    }
  if (find->found >= 0)
    {
      *start = find->start;
      *end = find->end;
      *partial = find->partial;
    }
  return find->found;
}

/* The first row or group label in the folded window from @first, as
 * nb_table_keys_find() finds it, that starts a row: one a count in a
 * sentence follows ("其中规范性文件12件。") is a word of the sentence.
 * @start and @end are where it is in the fold. The label found first is
 * where it is for a search from anywhere up to it: the search is made
 * once for them all. */
static gboolean
find_row_label (TextImport     *import,
                NbTableKeys    *keys,
                const NbFolded *folded,
                gsize           first,
                const char     *line,
                gsize           length,
                gsize          *start,
                gsize          *end)
{
  WindowFind *find = &import->row_find;
  const char *fold = folded->fold;
  gsize fold_length = folded->length;

  if (window_find_holds (import, find, first))
    {
      *start = find->start;
      *end = find->end;
      return find->found == 0;
    }
  find->window = import->window;
  find->n_seen = import->n_seen;
  find->from = first;
  find->until = fold_length;
  find->found = -1;
  for (gsize from = first; from < fold_length; from = find->end)
    {
      if (!nb_table_keys_find (keys, fold + from, fold_length - from, &find->start, &find->end))
        break;
      find->start += from;
      find->end += from;
      /* a search from past the first label may find one within it */
      if (from == first)
        find->until = find->start;
      if (!nb_text_line_is_prose_count (line, length,
                                        nb_folded_raw_offset (folded, find->end, folded->to)))
        {
          find->found = 0;
          break;
        }
    }
  *start = find->start;
  *end = find->end;
  return find->found == 0;
}

/* Where the next label in @line at or after @at starts, or, when the text
 * at @at starts with one, where it ends; @length when there is none.
 * *@heading: the section whose heading the text at @at is, or -1. The
 * folded window is kept for the next call on the same line, so that a
 * line cut many times is folded about once. */
static gsize
next_cut (TextImport *import,
          NbFolded   *folded,
          const char *line,
          gsize       length,
          gsize       at,
          int        *heading)
{
  NbTableKeys *keys = NULL;
  gsize from = at;
  gboolean reuse = folded->line == line && folded->from <= at && at < folded->to;

  *heading = -1;
  /* every heading and label has CJK in it: numbers and Latin text hold
   * none; outside a table only a numbered heading cuts a line, which the
   * fold of the line may have seen none of */
  if (!has_non_ascii (line + at, length - at) ||
      (!in_table (import) &&
       (!import->numbered || !has_heading_start (import, line + at, length - at))))
    return length;
  if (in_table (import))
    keys = g_ptr_array_index (import->importer->table_keys, import->table);
  while (from < length)
    {
      gsize to = reuse ? folded->to : MIN (length, from + INLINE_WINDOW);
      gsize start = G_MAXSIZE, end = 0, key_start, key_end, first;
      gboolean partial = FALSE;
      int found;

      if (!reuse)
        {
          nb_folded_window (folded, line, from, to);
          import->window++;
        }
      reuse = FALSE;
      first = nb_folded_first_at (folded, at);
      found = import->numbered || !import->importer->plain_numerals ?
        find_heading_once (import, folded, first, line, length, &start, &end, &partial) : -1;
      if (keys != NULL &&
          find_row_label (import, keys, folded, first, line, length, &key_start, &key_end) &&
          key_start < start)
        {
          start = key_start;
          end = key_end;
          found = -1;
          partial = FALSE;
        }
      /* near the window's end a longer label may start before it: the
       * next window tells */
      if (start != G_MAXSIZE && to < length &&
          nb_folded_raw_offset (folded, start, to) >= to - INLINE_OVERLAP)
        start = G_MAXSIZE;
      if (start != G_MAXSIZE)
        {
          /* the label takes the brackets before it and stops what came
           * before: "0（二）" */
          gsize raw_start = start > first ?
            nb_text_line_char_end (line, nb_folded_raw_offset (folded, start - 1, to)) : at;
          gsize raw_end;

          if (raw_start > at)
            return raw_start;
          /* the label starts the text: it ends it */
          *heading = found;
          raw_end = MIN (nb_folded_raw_offset (folded, end, to), length);
          if (partial)
            {
              NbTemplateSection *heading_section =
                g_ptr_array_index (nb_template_get_sections (import->importer->template), found);
              guint rest = MAX (g_utf8_strlen (heading_section->text, -1), HEADING_PREFIX_CHARS) -
                           HEADING_PREFIX_CHARS;

              return nb_text_line_heading_end (line, length, raw_end, rest + 2);
            }
          return raw_end;
        }
      if (to == length)
        break;
      from = to - INLINE_OVERLAP;
    }
  return length;
}

/* "规章\t一\t二\t三": a label, then blanks and words of no label or
 * heading up to the end of the line. The blanks already part the row's
 * cells: the row is read as a whole, so that its tokens stay its cells
 * even where they do not read as numbers. @cut: where the text up to the
 * label's end was cut. */
static gboolean
is_row_of_its_own (TextImport *import,
                   const char *line,
                   gsize       length,
                   gsize       cut)
{
  const char *before = g_utf8_find_prev_char (line, line + cut);
  int heading;

  /* the cut is where the text after the label starts, past its blanks */
  if (!in_table (import) || cut >= length || before == NULL ||
      nb_text_blank_length (before, line + cut) == 0)
    return FALSE;
  return next_cut (import, &import->folded, line, length, cut, &heading) == length && heading < 0;
}

/* A heading found inline is written with its own section's numeral (the
 * inline keys start with it); the structure rules see it as they see one
 * on a line of its own. */
static void
note_inline_heading (TextImport *import,
                     int         heading,
                     guint       line_number)
{
  NbTemplateSection *section =
    g_ptr_array_index (nb_template_get_sections (import->importer->template), heading);
  gsize length = strlen (section->numeral);
  /* the numeral alone, as the template writes it */
  guint numeral = length == 3 ? nb_text_line_numeral (section->numeral, section->numeral + length) : 0;

  nb_report_add_heading (import->report, heading, numeral, line_number);
}

/* The line's own part of the source's fold, where the line is read as
 * the source has it and is one window: a line read otherwise, or a longer
 * one, is folded window by window as next_cut() needs. */
static void
fold_text_line (TextImport *import,
                guint       source_line,
                const char *text,
                gsize       text_length,
                const char *line,
                gsize       length)
{
  if (line == text && length == text_length && length <= INLINE_WINDOW)
    {
      import->numbered = nb_folded_source_line (import->source_fold, source_line, line, length,
                                                &import->folded);
      import->window++;
    }
  else
    {
      import->numbered = TRUE;
      import->folded.line = NULL;
    }
}

/* @source_line: the source's line whose first piece @line is */
static void
read_text_line (TextImport *import,
                guint       source_line,
                const char *text,
                gsize       text_length,
                guint       line_number)
{
  GString *plain = import->plain;
  const char *line;
  gsize length = text_length;
  gsize at = 0;

  line = nb_text_line_unmark (text, &length, plain);
  if (line == NULL)
    return;
  if (line == plain->str)
    line = g_string_chunk_insert_len (import->rewritten, plain->str, plain->len);

  fold_text_line (import, source_line, text, text_length, line, length);
  while (at < length)
    {
      gsize lead = in_table (import) ? nb_text_line_leading_number (line + at, length - at) : 0;
      gsize cut, end, glued;
      int heading;

      if (lead > 0)
        {
          read_line (import, line + at, lead, line_number, NULL);
          at += lead;
          continue;
        }
      cut = next_cut (import, &import->folded, line, length, at, &heading);
      if (heading >= 0)
        {
          note_inline_heading (import, heading, line_number);
          begin_section (import, heading, line_number);
          at = cut;
          continue;
        }
      if (is_row_of_its_own (import, line, length, cut))
        cut = length;
      end = cut - (cut < length ? nb_text_line_doubled_numeral (line, length, cut) : 0);
      glued = in_table (import) ? nb_text_line_glued_numbers (line + at, end - at, in_flat_table (import))
                                : end - at;
      read_line (import, line + at, glued, line_number, NULL);
      if (glued < end - at)
        read_line (import, line + at + glued, end - at - glued, line_number, NULL);
      at = cut;
    }
}

/* Cells and glyph runs are read as one line of text, joined by blanks,
 * except within a table, where each keeps its place. */
static void
read_positioned (TextImport         *import,
                 const NbSourceLine *line)
{
  GString *joined = import->joined;
  guint first_id = 0;

  g_string_truncate (joined, 0);
  for (guint i = 0; i < line->n_pieces; i++)
    {
      const NbSourcePiece *piece = nb_source_get_piece (import->source, line->first_piece + i);
      const char *text = nb_source_get_text (import->source, piece);
      gsize lead = nb_text_skip_blanks (text, text + piece->length);

      if (lead == piece->length)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      else
        first_id = piece->id;
      g_string_append_len (joined, text, piece->length);
    }
  if (joined->len > 0)
    read_line (import, joined->str, joined->len, first_id, line);
  else if (in_table (import) && line->n_pieces > 0)
    read_cells (import, line);   /* a blank form's row of empty cells */
}

static void
read_lines (TextImport *import)
{
  guint n_lines, n_pieces;
  /* as arrays: the readers are done with the source */
  const NbSourceLine *lines = nb_source_get_lines (import->source, &n_lines);
  const NbSourcePiece *pieces = nb_source_get_pieces (import->source, &n_pieces);
  const char *text = nb_source_get_all_text (import->source);

  for (guint l = 0; l < n_lines; l++)
    {
      const NbSourceLine *line = &lines[l];
      const NbSourcePiece *piece = &pieces[line->first_piece];

      /* what was noted of a line's bytes holds for that line only: the
       * buffers of the next may be the same */
      import->no_footer_from = import->no_footer_to = NULL;
      if (line->positioned)
        read_positioned (import, line);
      else
        read_text_line (import, l, text + piece->offset, piece->length, piece->id);
    }
}

/* "75394432.52元" in a column of 元 is read as its number; the unit it
 * was written with is noted, so nothing of the cell goes unsaid. */
static void
note_units (TextImport *import)
{
  NbTemplate *template = import->importer->template;
  GArray *unit_cells = import->importer->unit_cells;
  const NbCellData *cells = nb_report_peek_cells (import->report);

  for (guint i = 0; i < unit_cells->len; i++)
    {
      guint c = g_array_index (unit_cells, guint, i);
      const char *unit = NULL;
      g_autofree char *number = NULL;
      gint64 value;

      if (cells[c].state != NB_CELL_STATE_VALUE)
        continue;
      nb_number_parse_with_unit (cells[c].text, -1, nb_template_get_cell_kind (template, c),
                                 NULL, nb_template_get_cell_units (template, c), &value, &unit);
      if (unit == NULL)
        continue;
      number = nb_number_format (value, nb_template_get_cell_kind (template, c));
      nb_import_diagnose (import->report, "parse.unit", cells[c].line, &c, 1,
                          _("%s: “%s” was read as the number %s, in %s"),
                          nb_template_get_cell_label (template, c), cells[c].text, number, unit);
    }
}

/* A report for 2022 on the 2019 form, or for 2020 on the 2021 one: the
 * form the tables follow is not the one for the report's year. */
static void
check_form_year (TextImport *import)
{
  NbTemplate *template = import->importer->template;
  guint year = nb_report_get_year (import->report);
  guint first, last;
  g_autofree char *range = NULL;

  nb_template_get_years (template, &first, &last);
  if (year == 0 || ((first == 0 || year >= first) && (last == 0 || year <= last)))
    return;
  range = last == 0 ? g_strdup_printf (_("%u and later"), first)
                    : first == 0 ? g_strdup_printf (_("up to %u"), last)
                                 : g_strdup_printf (_("%u–%u"), first, last);
  nb_import_diagnose (import->report, "struct.template-version", 0, NULL, 0,
                      _("The report is for %u, but its tables follow the %s form, which is for "
                        "the reports of %s"),
                      year, nb_template_get_id (template), range);
}

/* What a site's breadcrumbs and menus are made of, never an organ's name. */
static void
check_organ (NbReport *report)
{
  static const char *const navigation[] = {
    "首页", "当前位置", "位置：", ">", "»", "›", "栏目", "年报", "信息公开",
  };
  const char *organ = nb_report_get_organ (report);

  for (guint i = 0; organ != NULL && i < G_N_ELEMENTS (navigation); i++)
    if (strstr (organ, navigation[i]) != NULL)
      {
        nb_import_diagnose (report, "parse.organ", 0, NULL, 0,
                            _("The organ “%s” read from the title looks like a web site’s "
                              "navigation rather than an organ’s name; check it"),
                            organ);
        return;
      }
}

/* The date the file says it was made (a PDF's creation date), when the
 * text states none: only in the year after the report's, when reports are
 * published — a file made later is a copy (a print, a re-export), and
 * its date is not the publication's. */
static char *
file_date (TextImport *import)
{
  const char *date = nb_source_get_published (import->source);
  guint year = nb_report_get_year (import->report);

  if (date == NULL || year == 0 || g_ascii_strtoull (date, NULL, 10) != year + 1)
    return NULL;
  return g_strdup (date);
}

static void
finish_import (TextImport *import)
{
  NbTemplate *template = import->importer->template;
  GPtrArray *sections = nb_template_get_sections (template);

  end_section (import);
  read_title (import->report, import->title->str);
  note_units (import);
  check_organ (import->report);
  check_form_year (import);
  if (import->published == NULL)
    import->published = file_date (import);
  if (import->published != NULL)
    {
      /* kept for reviewers, who check it against the deadline */
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) extensions = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "published");
      json_builder_add_string_value (builder, import->published);
      json_builder_end_object (builder);
      extensions = json_builder_get_root (builder);
      nb_report_set_extensions (import->report, extensions);
    }

  for (guint s = 0; s < sections->len; s++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, s);

      if (section->table < 0)
        {
          nb_report_load_section (import->report, s,
                                  g_string_free (g_steal_pointer (&import->texts[s]), FALSE),
                                  g_steal_pointer (&import->lines[s]));
        }
      else if (!import->seen[s])
        {
          NbTemplateTable *table = g_ptr_array_index (nb_template_get_tables (template),
                                                      section->table);
          g_autofree guint *cells = g_new (guint, table->n_cells);

          for (guint i = 0; i < table->n_cells; i++)
            cells[i] = table->first_cell + i;
          nb_import_diagnose (import->report, "parse.missing-table", 0, cells, table->n_cells,
                              _("The table of “%s” was not found: its heading is missing"),
                              section->heading);
        }
    }
}

static void
text_import_clear (TextImport *import)
{
  guint n_sections = nb_template_get_n_sections (import->importer->template);

  for (guint s = 0; s < n_sections; s++)
    {
      if (import->texts[s] != NULL)
        g_string_free (import->texts[s], TRUE);
      g_clear_pointer (&import->lines[s], g_array_unref);
    }
  g_free (import->texts);
  g_free (import->lines);
  g_free (import->seen);
  g_string_free (import->title, TRUE);
  g_clear_object (&import->report);
  nb_table_matcher_free (import->matcher);
  g_array_unref (import->cells);
  g_string_free (import->joined, TRUE);
  g_string_chunk_free (import->rewritten);
  g_free (import->published);
  g_string_free (import->plain, TRUE);
  nb_folded_clear (&import->folded);
}

static int
compare_by_line (gconstpointer a,
                 gconstpointer b)
{
  return nb_diagnostic_compare (*(NbDiagnostic **) a, *(NbDiagnostic **) b);
}

/* Forms */

static void
add_other_forms (NbImporter *self)
{
  g_auto(GStrv) ids = nb_template_list_ids ();
  g_auto(GStrv) footer = nb_site_footer_fold_markers ();
  g_autoptr(GPtrArray) templates = g_ptr_array_new ();

  g_ptr_array_add (templates, self->template);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(NbTemplate) template = NULL;

      if (g_str_equal (ids[i], nb_template_get_id (self->template)) ||
          (template = nb_template_new_for_id (ids[i], NULL)) == NULL)
        continue;
      g_ptr_array_add (self->others,
                       g_object_new (NB_TYPE_IMPORTER, "template", template, "choose", FALSE,
                                     "keep-numbers", self->keep_numbers, NULL));
      g_ptr_array_add (templates, template);
    }
  /* the form's markers are looked for in the same pass as a site
   * footer's: a text without any of these has no footer to look for */
  if (templates->len > 1)
    self->choice = nb_template_choice_new_full ((NbTemplate * const *) templates->pdata,
                                                templates->len, (const char * const *) footer);
}

static NbTemplate *
choice_template (NbImporter *self,
                 int         index)
{
  if (index == 0)
    return self->template;
  return nb_importer_get_template (g_ptr_array_index (self->others, index - 1));
}

static void
diagnose_mixed_forms (NbReport                     *report,
                      NbImporter                   *self,
                      const NbTemplateChoiceResult *choice)
{
  NbTemplate *chosen = choice_template (self, MAX (choice->chosen, 0));
  NbTemplate *other = choice_template (self, choice->other);

  nb_import_diagnose (report, "struct.template-version", 0, NULL, 0,
                      _("The tables mix two forms: they were read on the %s form, but “%s” "
                        "belongs to the %s form"),
                      nb_template_get_id (chosen), choice->other_label,
                      nb_template_get_id (other));
}

static NbReport *import_folded (NbImporter                   *self,
                                NbSource                     *source,
                                const NbFoldedSource         *folded,
                                const NbTemplateChoiceResult *choice,
                                GError                      **error);

/* Read on the form the headers chose; its own importer chooses no more,
 * and reads the fold already made. */
static NbReport *
import_on_other_form (NbImporter                   *self,
                      NbSource                     *source,
                      const NbFoldedSource         *folded,
                      const NbTemplateChoiceResult *choice,
                      GError                      **error)
{
  NbImporter *other = g_ptr_array_index (self->others, choice->chosen - 1);
  /* the same text: what was found of a footer holds */
  NbTemplateChoiceResult none = { -1, -1, NULL, TRUE, choice->has_words };
  NbReport *report = import_folded (other, source, folded, &none, error);

  if (report != NULL && choice->other >= 0)
    {
      diagnose_mixed_forms (report, self, choice);
      g_ptr_array_sort (nb_report_get_import_diagnostics (report), compare_by_line);
    }
  return report;
}

/* Nothing of any statutory table where one was due: a report of a year
 * before 2019, when the form had no tables, has nothing to check. A later
 * report whose tables are pictures is opened, with its tables missing. */
static gboolean
is_without_tables (TextImport *import)
{
  NbTemplate *template = import->importer->template;
  const NbCellData *cells = nb_report_peek_cells (import->report);
  gboolean table_seen = FALSE;
  guint year = 0;

  for (guint c = 0; c < nb_report_get_n_cells (import->report); c++)
    if (cells[c].state != NB_CELL_STATE_EMPTY)
      return FALSE;
  if (find_year (import->title->str, &year) != NULL)
    return year < 2019 && strstr (import->title->str, "政府信息公开") != NULL;
  for (guint s = 0; s < nb_template_get_n_sections (template); s++)
    table_seen |= import->seen[s] && !nb_template_section_is_narrative (template, s);
  return table_seen;
}

static void
refuse_without_tables (GError **error)
{
  g_set_error (error, NB_ERROR, NB_ERROR_NOT_A_REPORT,
               _("This report has none of the statutory tables (主动公开, 收到和处理政府信息公开申请, "
                 "行政复议和行政诉讼) that the forms of 2019 and 2021 prescribe; reports for the "
                 "years before 2019 were written without them, so there is nothing to check"));
}


/* "二主动公开政府信息情况" for each way a heading is worded, then the start
 * every wording shares, to find headings inline. */
static GStrv
inline_keys (NbTemplateSection *section,
             GStrv              keys)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *text = nb_label_fold_dup (section->text);
  const char *cut = g_utf8_offset_to_pointer (text, MIN (HEADING_PREFIX_CHARS,
                                                         g_utf8_strlen (text, -1)));
  g_autofree char *prefix = g_strndup (text, cut - text);

  g_autofree char *start = g_strconcat (section->numeral, prefix, NULL);

  for (guint k = 0; keys[k] != NULL; k++)
    {
      g_autofree char *key = g_strconcat (section->numeral, keys[k], NULL);

      g_strv_builder_add (builder, key);
    }
  g_strv_builder_add (builder, start);
  return g_strv_builder_end (builder);
}

/* The tables of has_heading_start(): a numeral's first byte, any second
 * and third, the first byte of a stop ("、", "．", ".", " ") fourth; a
 * footer's marker by its first three bytes, any fourth. */
static void
note_heading_start_bytes (NbImporter *self)
{
  guint8 (*bytes)[256] = self->heading_start_bytes;

  memset (bytes, 0, sizeof self->heading_start_bytes);
  for (guint b = 0; b < 256; b++)
    {
      bytes[1][b] = bytes[2][b] = NB_TEXT_BYTES_MATCH;
      bytes[3][b] = FOOTER_START;
      for (guint k = 0; k < 3; k++)
        if (self->footer.bytes[k][b] & NB_TEXT_BYTES_MATCH)
          bytes[k][b] |= FOOTER_START;
    }
  bytes[0][0xE4] |= NB_TEXT_BYTES_MATCH;
  bytes[0][0xE5] |= NB_TEXT_BYTES_MATCH;
  bytes[3]['.'] |= NB_TEXT_BYTES_MATCH;
  bytes[3][' '] |= NB_TEXT_BYTES_MATCH;
  bytes[3][(guchar) "、"[0]] |= NB_TEXT_BYTES_MATCH;
  bytes[3][(guchar) "．"[0]] |= NB_TEXT_BYTES_MATCH;
}

/* The first three bytes of @key, to look for it only where they are; a
 * shorter key is followed by anything. */
static void
note_inline_bytes (NbImporter *self,
                   const char *key)
{
  gboolean ended = FALSE;

  for (guint i = 0; i < 3; i++)
    {
      ended = ended || key[i] == '\0';
      for (guint b = 0; b < 256; b++)
        if (ended || (guchar) key[i] == b)
          self->inline_bytes[i][b] |= NB_TEXT_BYTES_MATCH;
    }
}

/* vfuncs */

static void
nb_importer_constructed (GObject *object)
{
  NbImporter *self = (NbImporter *) object;
  GPtrArray *sections;

  G_OBJECT_CLASS (nb_importer_parent_class)->constructed (object);

  sections = nb_template_get_sections (self->template);
  self->plain_numerals = TRUE;
  for (guint s = 0; s < sections->len; s++)
    {
      const char *numeral = ((NbTemplateSection *) g_ptr_array_index (sections, s))->numeral;

      self->plain_numerals &= strlen (numeral) == 3 && nb_text_line_numeral (numeral, numeral + 3) > 0;
    }
  for (guint t = 0; t < nb_template_get_tables (self->template)->len; t++)
    g_ptr_array_add (self->table_keys, nb_table_keys_new (self->template, t));
  if (self->choose)
    add_other_forms (self);
  for (guint s = 0; s < sections->len; s++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, s);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_autofree char *text = nb_label_fold_dup (section->text);

      g_strv_builder_add (builder, text);
      for (guint v = 0; section->variants[v] != NULL; v++)
        {
          g_autofree char *variant = nb_label_fold_dup (section->variants[v]);

          g_strv_builder_add (builder, variant);
        }
      g_ptr_array_add (self->heading_keys, g_strv_builder_end (builder));
      g_ptr_array_add (self->inline_keys, inline_keys (section, g_ptr_array_index (self->heading_keys, s)));
      for (GStrv keys = g_ptr_array_index (self->inline_keys, s); *keys != NULL; keys++)
        note_inline_bytes (self, *keys);
    }
  note_heading_start_bytes (self);
  /* a few cells have units: every report's cells are not asked */
  for (guint c = 0; c < nb_template_get_n_cells (self->template); c++)
    if (nb_template_get_cell_units (self->template, c)[0] != NULL)
      g_array_append_val (self->unit_cells, c);
}

static void
nb_importer_finalize (GObject *object)
{
  NbImporter *self = (NbImporter *) object;

  g_ptr_array_unref (self->table_keys);
  g_ptr_array_unref (self->heading_keys);
  g_ptr_array_unref (self->others);
  g_clear_pointer (&self->choice, nb_template_choice_free);
  g_ptr_array_unref (self->inline_keys);
  g_array_unref (self->unit_cells);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (nb_importer_parent_class)->finalize (object);
}

static void
nb_importer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NbImporter *self = NB_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;
    case PROP_CHOOSE:
      g_value_set_boolean (value, self->choose);
      break;
    case PROP_KEEP_NUMBERS:
      g_value_set_boolean (value, self->keep_numbers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_importer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NbImporter *self = NB_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      self->template = g_value_dup_object (value);
      break;
    case PROP_CHOOSE:
      self->choose = g_value_get_boolean (value);
      break;
    case PROP_KEEP_NUMBERS:
      self->keep_numbers = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_importer_class_init (NbImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_importer_constructed;
  object_class->finalize = nb_importer_finalize;
  object_class->get_property = nb_importer_get_property;
  object_class->set_property = nb_importer_set_property;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, NB_TYPE_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NbImporter:choose:
   *
   * Whether a report whose table headers belong to another form this
   * program carries (the 2019 one) is read on that form.
   */
  properties[PROP_CHOOSE] =
    g_param_spec_boolean ("choose", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NbImporter:keep-numbers:
   *
   * Whether a report read from a file keeps every number of its tables
   * with where it stands (nb_report_get_source_numbers()), which only a
   * view of the source shows: a batch that only checks goes without.
   */
  properties[PROP_KEEP_NUMBERS] =
    g_param_spec_boolean ("keep-numbers", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_importer_init (NbImporter *self)
{
  self->table_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_table_keys_free);
  self->heading_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->others = g_ptr_array_new_with_free_func (g_object_unref);
  self->inline_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->unit_cells = g_array_new (FALSE, FALSE, sizeof (guint));
  nb_site_footer_init (&self->footer);
}

/* Public API */

/**
 * nb_importer_new:
 * @template: the form reports are matched onto
 *
 * An importer prepares its label tables once; keep it for many files.
 *
 * Returns: (transfer full): a new #NbImporter
 */
NbImporter *
nb_importer_new (NbTemplate *template)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (template), NULL);

  return g_object_new (NB_TYPE_IMPORTER, "template", template, NULL);
}

/**
 * nb_importer_get_template:
 * @self: a #NbImporter
 *
 * Returns: (transfer none): the template
 */
NbTemplate *
nb_importer_get_template (NbImporter *self)
{
  g_return_val_if_fail (NB_IS_IMPORTER (self), NULL);

  return self->template;
}

/**
 * nb_importer_import_text:
 * @self: a #NbImporter
 * @data: the text of a report as copied from a web page or a PDF, in any
 *   encoding
 * @size: its size in bytes
 * @error: return location for a #GError
 *
 * Everything odd in the input becomes a `parse.*` diagnostic of the
 * report (nb_report_get_import_diagnostics()); only input that holds no
 * report at all fails.
 *
 * Returns: (transfer full) (nullable): the report, unmodified
 */
NbReport *
nb_importer_import_text (NbImporter  *self,
                         const char  *data,
                         gsize        size,
                         GError     **error)
{
  g_auto(NbDecodedText) decoded = { 0 };
  g_autoptr(NbSource) source = NULL;

  g_return_val_if_fail (NB_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (data != NULL || size == 0, NULL);

  if (size > NB_READER_MAX_FILE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is %.1f MB; a report is at most %d MB"),
                   size / (1024.0 * 1024.0), NB_READER_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  if (!nb_text_decode (data, size, &decoded, error))
    return NULL;

  source = nb_source_new_for_text (g_steal_pointer (&decoded.text), decoded.length);
  /* a report has some hundreds of lines; a text of hundreds of
   * thousands (line ends and little else) would take a hundred bytes
   * of memory for every byte */
  if (nb_source_is_full (source))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The text has more than %u lines; a report has a few thousand at most"),
                   (guint) NB_SOURCE_MAX_PIECES);
      return NULL;
    }
  nb_source_set_encoding (source, decoded.encoding, decoded.repaired_line);
  return nb_importer_import_source (self, source, error);
}

/**
 * nb_importer_import_source:
 * @self: a #NbImporter
 * @source: what a reader made of a file
 * @error: return location for a #GError
 *
 * The matcher: maps the paragraphs and tables of any file onto the
 * template. The report keeps the place of every piece (page, table cell)
 * for its diagnostics and cells.
 *
 * Returns: (transfer full) (nullable): the report, unmodified
 */
NbReport *
nb_importer_import_source (NbImporter  *self,
                           NbSource    *source,
                           GError     **error)
{
  NbFoldedSource folded = { 0 };
  NbTemplateChoiceResult choice = { -1, -1, NULL, TRUE, TRUE };
  NbReport *report;

  /* the whole text is folded once: the form is chosen on it before any
   * line is matched, and the lines are cut on it */
  nb_folded_source_init (&folded, source);
  if (self->choice != NULL)
    nb_template_choice_pick_folded (self->choice, folded.fold, folded.length, &choice);
  if (choice.chosen > 0)
    report = import_on_other_form (self, source, &folded, &choice, error);
  else
    report = import_folded (self, source, &folded, &choice, error);
  nb_folded_source_clear (&folded);
  return report;
}

/* nb_importer_import_source() on this form, @choice made: @folded is
 * the source folded. */
static NbReport *
import_folded (NbImporter                   *self,
               NbSource                     *source,
               const NbFoldedSource         *folded,
               const NbTemplateChoiceResult *choice,
               GError                      **error)
{
  TextImport import = { 0 };
  guint n_sections;
  guint repaired_line = 0;
  const char *encoding;
  GArray *places;
  NbReport *report;

  n_sections = nb_template_get_n_sections (self->template);
  import.importer = self;
  import.source_fold = folded;
  import.footerless = !choice->has_words;
  import.report = nb_report_new (self->template);
  import.matcher = nb_table_matcher_new ();
  import.section = -1;
  import.table = -1;
  import.seen = g_new0 (gboolean, n_sections);
  import.texts = g_new0 (GString *, n_sections);
  import.lines = g_new0 (GArray *, n_sections);
  import.title = g_string_new (NULL);
  import.source = source;
  import.cells = g_array_new (FALSE, FALSE, sizeof (NbTableCell));
  import.joined = g_string_new (NULL);
  import.rewritten = g_string_chunk_new (4096);
  import.plain = g_string_new (NULL);
  /* without the source the matcher notes no number */
  nb_table_matcher_set_source (import.matcher, self->keep_numbers ? source : NULL);
  for (guint s = 0; s < n_sections; s++)
    if (nb_template_section_is_narrative (self->template, s))
      {
        /* a section's text is a kilobyte or two: grown once or not at all */
        import.texts[s] = g_string_sized_new (1024);
        import.lines[s] = g_array_sized_new (FALSE, FALSE, sizeof (guint), 32);
      }

  /* the places first: the findings of the import name them */
  places = nb_source_steal_places (source);
  import.placed = places != NULL;
  if (places != NULL)
    nb_report_set_places (import.report, places);

  encoding = nb_source_get_encoding (source, &repaired_line);
  if (encoding != NULL)
    nb_import_diagnose (import.report, "parse.encoding", 0, NULL, 0,
                        _("The file is in %s; it was converted to UTF-8"), encoding);
  if (repaired_line > 0)
    nb_import_diagnose (import.report, "parse.encoding", places == NULL ? repaired_line : 0,
                        NULL, 0,
                        _("Bytes that are not valid UTF-8 were replaced by “\xef\xbf\xbd”"));

  read_lines (&import);
  if (!choice->has_tables && is_without_tables (&import))
    {
      refuse_without_tables (error);
      text_import_clear (&import);
      return NULL;
    }
  if (import.n_seen == 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_NOT_A_REPORT,
                   _("This is not an annual report on government information disclosure: "
                     "none of its section headings (such as “二、主动公开政府信息情况”) "
                     "were found"));
      text_import_clear (&import);
      return NULL;
    }

  finish_import (&import);
  if (choice->other >= 0)
    diagnose_mixed_forms (import.report, self, choice);
  g_ptr_array_sort (nb_report_get_import_diagnostics (import.report), compare_by_line);
  nb_report_clear_history (import.report);
  report = g_steal_pointer (&import.report);
  text_import_clear (&import);
  return report;
}

/**
 * nb_importer_import_data:
 * @self: a #NbImporter
 * @data: a file's contents: a canonical `.nianbao.json`, report text, a
 *   web page (HTML or MHTML), a Word or Excel document (DOCX, XLSX, and
 *   DOC, WPS, XLS, ET through LibreOffice), or a PDF
 * @size: its size in bytes
 * @error: return location for a #GError
 *
 * The kind of file is told by its content, never by its name.
 *
 * Returns: (transfer full) (nullable): the report, unmodified
 */
NbReport *
nb_importer_import_data (NbImporter  *self,
                         const char  *data,
                         gsize        size,
                         GError     **error)
{
  return nb_importer_import_data_full (self, data, size, NULL, error);
}

/**
 * nb_importer_import_data_full:
 * @self: a #NbImporter
 * @data: a file's contents, as for nb_importer_import_data()
 * @size: its size in bytes
 * @password: (nullable): the password of an encrypted PDF, which fails
 *   with %NB_ERROR_PASSWORD without it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the report, unmodified
 */
NbReport *
nb_importer_import_data_full (NbImporter  *self,
                              const char  *data,
                              gsize        size,
                              const char  *password,
                              GError     **error)
{
  g_autoptr(NbSource) source = NULL;

  g_return_val_if_fail (NB_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (data != NULL || size == 0, NULL);

  switch (nb_format_detect (data, size))
    {
    case NB_FORMAT_CANONICAL:
      return nb_canonical_read (self->template, data, size, error);
    case NB_FORMAT_TEXT:
      return nb_importer_import_text (self, data, size, error);
    case NB_FORMAT_HTML:
      source = nb_html_read (data, size, NULL, error);
      break;
    case NB_FORMAT_MHTML:
      source = nb_mhtml_read (data, size, error);
      break;
    case NB_FORMAT_ZIP:
      source = nb_office_read (data, size, error);
      break;
    case NB_FORMAT_PDF:
      source = nb_pdf_read (data, size, password, error);
      break;
    case NB_FORMAT_LEGACY:
      source = nb_legacy_read (data, size, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (source == NULL)
    return NULL;
  return nb_importer_import_source (self, source, error);
}

/* Reads at most NB_READER_MAX_FILE + 1 bytes, whatever the file claims. */
static GBytes *
read_bounded (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize size = 0;
  gsize capacity = 64 * 1024;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_malloc (capacity);
  for (;;)
    {
      gsize n = 0;

      if (size == capacity)
        {
          capacity *= 2;
          buffer = g_realloc (buffer, capacity);
        }
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + size,
                                    MIN (capacity, NB_READER_MAX_FILE + 1) - size,
                                    &n, cancellable, error))
        return NULL;
      size += n;
      if (n == 0 || size > NB_READER_MAX_FILE)
        break;
    }
  if (size > NB_READER_MAX_FILE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB; a report is never that large"),
                   NB_READER_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

/* A local report read with open() and read(): querying its GFileInfo and
 * reading through a stream cost as much as reading the file. Anything out
 * of the ordinary (no such file, a folder, a device, an empty or a large
 * file, a read error, a file growing meanwhile) returns %NULL, and the
 * GFile path words the refusal. */
static GBytes *
read_local (GFile *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *buffer = NULL;
  struct stat info;
  gsize size = 0;
  int fd;

  if (path == NULL)
    return NULL;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode) ||
      info.st_size <= 0 || info.st_size > NB_READER_MAX_FILE)
    {
      close (fd);
      return NULL;
    }

  /* one byte more than the size, to see that the end was reached */
  buffer = g_malloc (info.st_size + 1);
  while (size < (gsize) info.st_size + 1)
    {
      gssize n = read (fd, buffer + size, info.st_size + 1 - size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      size += n;
    }
  close (fd);
  if (size != (gsize) info.st_size)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

/**
 * nb_importer_import_file:
 * @self: a #NbImporter
 * @file: any file nb_importer_import_data() reads: report text, a web
 *   page, a Word, Excel or PDF file, or a `.nianbao.json` file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the report, unmodified
 */
NbReport *
nb_importer_import_file (NbImporter    *self,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return nb_importer_import_file_full (self, file, NULL, cancellable, error);
}

/**
 * nb_importer_import_file_full:
 * @self: a #NbImporter
 * @file: a file, as for nb_importer_import_file()
 * @password: (nullable): the password of an encrypted PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the report, unmodified
 */
NbReport *
nb_importer_import_file_full (NbImporter    *self,
                              GFile         *file,
                              const char    *password,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NB_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((bytes = read_local (file)) != NULL)
    return nb_importer_import_data_full (self, g_bytes_get_data (bytes, NULL),
                                         g_bytes_get_size (bytes), password, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("This is a folder, not a file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > NB_READER_MAX_FILE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is %.1f MB; a report is at most %d MB"),
                   g_file_info_get_size (info) / (1024.0 * 1024.0),
                   NB_READER_MAX_FILE / (1024 * 1024));
      return NULL;
    }

  bytes = read_bounded (file, cancellable, error);
  if (bytes == NULL)
    return NULL;
  return nb_importer_import_data_full (self, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), password, error);
}
