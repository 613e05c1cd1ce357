/* nb-pdf-reader.c — the text layer of a PDF as a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-pdf-reader"

#include "config.h"

#include "nb-poppler.h"
#include "nb-readers.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* A PDF has no paragraphs or tables, only glyphs with boxes. Glyphs are
 * grouped into rows by their vertical centre and ordered by x; a row is
 * split into pieces where a gap opens that is wider than a word space (a
 * table's column rule), and each piece keeps its x on the page. The
 * matcher places a table's numbers under its header cells by that x.
 * Rows follow each other across pages, so a table split over pages reads
 * on; page numbers in the margins are dropped.
 *
 * A paragraph is wrapped over rows. A row of one run that starts at the
 * left edge of the page's text, after a row that ran to its right edge
 * (so near that this row's first word would not have fitted), is marked
 * as carrying that paragraph on: a paragraph's first row is indented (by
 * two characters in Chinese), and its last ends short. A row spaced off
 * further than the page's wrapped rows are, or in another type size, or
 * a numbered heading after a full stop, starts anew. The matcher joins
 * the rows in narrative and reads them apart in tables. */

#define MAX_GLYPHS_PER_PAGE 200000
/* The largest page a report is printed on, with room to spare: A0, in
 * points. poppler's text layout compares the words of one baseline with
 * each other, so a page wider than any paper could hold a baseline of
 * tens of thousands of words and take minutes; it is refused before. */
#define MAX_PAGE_SIDE 3370.0
/* poppler lays a page's text out before any limit of ours can be checked,
 * in time that grows with the square of the words on a baseline and in
 * memory that grows with the glyphs: it does so in a child process given
 * this much processor time and memory, and a PDF it cannot lay out in
 * them is refused. */
#define LAYOUT_SECONDS 10
#define LAYOUT_MEMORY  (1024 * 1024 * 1024)
/* gaps, in glyph heights */
#define WORD_GAP  0.15
#define PIECE_GAP 0.4
/* the margins where page numbers stand, in page heights */
#define MARGIN_TOP    0.06
#define MARGIN_BOTTOM 0.08
/* wrapping, in glyph heights (some 1.3 characters) */
#define INDENT_SLACK   0.25  /* a row that starts further in is indented */
#define WRAP_SLACK     1.0   /* room a wrapped row may leave at its end
                              * beyond what the next row's first word
                              * needs */
#define MIN_WRAP_WIDTH 12.0  /* a shorter row ended, it was not wrapped:
                              * a page of a few short rows has edges of
                              * its own */
/* a paragraph keeps its type size, to within this share, and its rows
 * their spacing: a row spaced further is a paragraph of its own */
#define SIZE_SLACK     0.25
#define SPACING_SLACK  1.2
#define MIN_SPACINGS   3     /* wrapped rows that tell a page's spacing */

typedef struct
{
  gunichar c;
  double   x0;
  double   y0;
  double   x1;
  double   y1;
} Glyph;

/* A row of glyphs, measured before it is added. */
typedef struct
{
  guint    start;       /* into the page's glyphs */
  guint    n_glyphs;
  double   x0;
  double   x1;
  double   y;           /* the centre of its tallest glyph */
  double   height;      /* of its tallest glyph */
  double   first_word;  /* the width of what the row before could not
                         * have ended with */
  gboolean text;        /* one run: a line of text, not a table's row */
  gboolean furniture;   /* a page number in a margin: dropped */
  gboolean continues;   /* carries on the paragraph of the row before */
} Row;

/* What the rows added so far leave to the next ones, across pages. */
typedef struct
{
  gboolean text;        /* the last row: a line of text long enough to
                         * have been wrapped */
  double   room;        /* … the room it left before the right edge */
  double   y;
  double   height;
  guint    page;
  gunichar last;        /* … its last glyph */
  double   spacing;     /* of wrapped rows, in glyph heights; 0 unknown */
} Flow;

static double
center_y (const Glyph *glyph)
{
  return (glyph->y0 + glyph->y1) / 2;
}

static int
compare_by_y (gconstpointer a,
              gconstpointer b)
{
  double ya = center_y (a), yb = center_y (b);

  if (ya != yb)
    return ya < yb ? -1 : 1;
  return ((const Glyph *) a)->x0 < ((const Glyph *) b)->x0 ? -1 : 1;
}

static int
compare_by_x (gconstpointer a,
              gconstpointer b)
{
  double xa = ((const Glyph *) a)->x0, xb = ((const Glyph *) b)->x0;

  return xa < xb ? -1 : xa > xb ? 1 : 0;
}

/* "3", "- 3 -", "第 3 页", "3 / 12": what stands in a page's margin. */
static gboolean
is_page_number (const char *text)
{
  static const char *const furniture[] = { "第", "页", "共", "／", "—", "－", NULL };
  gboolean digits = FALSE;

  for (const char *p = text; *p != '\0';)
    {
      gboolean known = FALSE;

      if (g_ascii_isdigit (*p))
        {
          digits = TRUE;
          p++;
          continue;
        }
      if (*p == ' ' || *p == '-' || *p == '/')
        {
          p++;
          continue;
        }
      for (guint i = 0; furniture[i] != NULL && !known; i++)
        if (g_str_has_prefix (p, furniture[i]))
          {
            p += strlen (furniture[i]);
            known = TRUE;
          }
      if (!known)
        return FALSE;
    }
  return digits;
}

static double
glyph_height (const Glyph *glyph)
{
  return MAX (glyph->y1 - glyph->y0, 1);
}

static gboolean
word_gap_before (const Glyph *glyphs,
                 guint        i)
{
  return i > 0 && glyphs[i].x0 - glyphs[i - 1].x1 > WORD_GAP * glyph_height (&glyphs[i]);
}

/* Whether glyph @i of a row sorted by x starts a new piece. */
static gboolean
starts_piece (const Glyph *glyphs,
              guint        i)
{
  return i > 0 && glyphs[i].x0 - glyphs[i - 1].x1 > PIECE_GAP * glyph_height (&glyphs[i]);
}

/* Punctuation that may not end a row, and that may not start one. */
static const char opening[] = "（《「『【〔“‘(";
static const char closing[] = "，。、；：！？）》」』】〕”’,.;:!?)%";

static gboolean
is_in (const char *set,
       gunichar    c)
{
  return c != 0 && g_utf8_strchr (set, -1, c) != NULL;
}

/* The width of the start of a row that could not have ended the row
 * before: a word or number, or one CJK character, with the punctuation
 * that may not be parted from it. */
static double
first_word_width (const Glyph *glyphs,
                  guint        n_glyphs)
{
  guint i = 0;

  while (i < n_glyphs && is_in (opening, glyphs[i].c))
    i++;
  if (i < n_glyphs && g_unichar_iswide (glyphs[i].c))
    i++;
  else if (i < n_glyphs)
    {
      i++;
      while (i < n_glyphs && !g_unichar_iswide (glyphs[i].c) && !word_gap_before (glyphs, i))
        i++;
    }
  while (i < n_glyphs && is_in (closing, glyphs[i].c))
    i++;
  i = MAX (i, 1);
  return glyphs[i - 1].x1 - glyphs[0].x0;
}

/* Sorts the row's glyphs by x and measures it. */
static void
measure_row (Row    *row,
             Glyph  *glyphs,
             double  page_height)
{
  Glyph *g = glyphs + row->start;
  double top = G_MAXDOUBLE, bottom = 0;

  qsort (g, row->n_glyphs, sizeof (Glyph), compare_by_x);
  row->x0 = g[0].x0;
  row->x1 = 0;
  row->height = 0;
  row->text = TRUE;
  for (guint i = 0; i < row->n_glyphs; i++)
    {
      row->x1 = MAX (row->x1, g[i].x1);
      if (glyph_height (&g[i]) > row->height)
        {
          row->height = glyph_height (&g[i]);
          row->y = center_y (&g[i]);
        }
      row->text = row->text && !starts_piece (g, i);
      top = MIN (top, g[i].y0);
      bottom = MAX (bottom, g[i].y1);
    }
  row->first_word = first_word_width (g, row->n_glyphs);

  /* page numbers in the margins are not the report's */
  row->furniture = FALSE;
  if (bottom < page_height * MARGIN_TOP || top > page_height * (1 - MARGIN_BOTTOM))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < row->n_glyphs; i++)
        g_string_append_unichar (text, g[i].c);
      row->furniture = is_page_number (text->str);
    }
}

/* "（一）", "(2)", "三、", "4.": the start of a numbered heading. */
static gboolean
starts_numbered (const Glyph *glyphs,
                 guint        n_glyphs)
{
  gboolean open = n_glyphs > 0 && (glyphs[0].c == 0xFF08 || glyphs[0].c == '(');
  guint i = open ? 1 : 0;
  guint start = i;

  while (i < n_glyphs && (g_unichar_isdigit (glyphs[i].c) || is_in ("一二三四五六七八九十", glyphs[i].c)))
    i++;
  if (i == start || i - start > 3 || i >= n_glyphs)
    return FALSE;
  if (open)
    return glyphs[i].c == 0xFF09 || glyphs[i].c == ')';
  /* "1.5 万元" is a number */
  if (glyphs[i].c == '.' || glyphs[i].c == 0xFF0E)
    return i + 1 >= n_glyphs || !g_unichar_isdigit (glyphs[i + 1].c);
  return glyphs[i].c == 0x3001;
}

/* Whether @row carries on a paragraph that the row before, as @flow
 * tells, wrapped; spacing is left to the page. */
static gboolean
continues_paragraph (const Flow  *flow,
                     const Row   *row,
                     const Glyph *glyphs,
                     double       left)
{
  if (!flow->text || !row->text)
    return FALSE;
  /* indented: a paragraph of its own */
  if (row->x0 - left > INDENT_SLACK * row->height)
    return FALSE;
  if (ABS (row->height - flow->height) > SIZE_SLACK * MAX (row->height, flow->height))
    return FALSE;
  /* the row before had room for this one's first word: it ended there */
  if (flow->room > row->first_word + WRAP_SLACK * flow->height)
    return FALSE;
  /* a heading that is not indented, after a full stop that fell at the
   * right edge */
  if (is_in ("。！？：；.!?:;", flow->last) &&
      starts_numbered (glyphs + row->start, row->n_glyphs))
    return FALSE;
  return TRUE;
}

static void
flow_on (Flow        *flow,
         const Row   *row,
         const Glyph *glyphs,
         guint        page,
         double       left,
         double       right)
{
  flow->text = row->text && row->x1 - left >= MIN_WRAP_WIDTH * row->height;
  flow->room = MAX (right - row->x1, 0);
  flow->y = row->y;
  flow->height = row->height;
  flow->page = page;
  flow->last = glyphs[row->start + row->n_glyphs - 1].c;
}

/* Adds one measured row as a positioned line. */
static gboolean
add_row (NbSource    *source,
         const Glyph *glyphs,
         const Row   *row,
         guint        page)
{
  NbPlace place = { NB_PLACE_PAGE, page, 0, 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  const Glyph *g = glyphs + row->start;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;

  for (guint i = 0; i < row->n_glyphs; i++)
    {
      if (starts_piece (g, i))
        {
          if (!nb_source_add_box (source, text->str, text->len, x0, y0, x1, y1, &place))
            return FALSE;
          g_string_truncate (text, 0);
        }
      else if (word_gap_before (g, i))
        g_string_append_c (text, ' ');
      if (text->len == 0)
        {
          x0 = g[i].x0;
          y0 = g[i].y0;
          y1 = g[i].y1;
        }
      x1 = g[i].x1;
      y0 = MIN (y0, g[i].y0);
      y1 = MAX (y1, g[i].y1);
      g_string_append_unichar (text, g[i].c);
    }
  if (text->len > 0 && !nb_source_add_box (source, text->str, text->len, x0, y0, x1, y1, &place))
    return FALSE;
  nb_source_end_line_full (source, TRUE, row->continues);
  return TRUE;
}

/* The page's glyphs, without blanks, with their boxes. */
static GArray *
page_glyphs (PopplerPage *page)
{
  const NbPoppler *poppler = nb_poppler_loaded ();
  g_autofree char *text = poppler->page_get_text (page);
  g_autofree PopplerRectangle *rectangles = NULL;
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  guint n_rectangles = 0;
  const char *p = text;

  if (text == NULL || !poppler->page_get_text_layout (page, &rectangles, &n_rectangles))
    return glyphs;
  for (guint i = 0; i < n_rectangles && *p != '\0' && glyphs->len < MAX_GLYPHS_PER_PAGE;
       i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      Glyph glyph;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_isspace (c) || c == 0x3000 || c == 0 || !g_unichar_validate (c))
        continue;
      glyph.c = c;
      glyph.x0 = MIN (rectangles[i].x1, rectangles[i].x2);
      glyph.x1 = MAX (rectangles[i].x1, rectangles[i].x2);
      glyph.y0 = MIN (rectangles[i].y1, rectangles[i].y2);
      glyph.y1 = MAX (rectangles[i].y1, rectangles[i].y2);
      g_array_append_val (glyphs, glyph);
    }
  return glyphs;
}

/* Whether two runs of glyphs, each sorted by x, share some x. */
static gboolean
overlap_in_x (const Glyph *a,
              guint        n_a,
              const Glyph *b,
              guint        n_b)
{
  guint i = 0, j = 0;

  while (i < n_a && j < n_b)
    {
      if (a[i].x1 <= b[j].x0 + 0.5)
        i++;
      else if (b[j].x1 <= a[i].x0 + 0.5)
        j++;
      else
        return TRUE;
    }
  return FALSE;
}

static void
append_row (GArray *rows,
            guint   start,
            guint   n_glyphs)
{
  Row row = { 0 };

  row.start = start;
  row.n_glyphs = n_glyphs;
  g_array_append_val (rows, row);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

/* Which rows carry on a paragraph. The edges of the page's text are where
 * its rows of text start and end; the spacing of its wrapped rows is
 * their median, or the pages' before when it has few: a row spaced
 * further than that starts a paragraph even at the left edge. */
static void
find_paragraphs (GArray *rows,
                 Glyph  *glyphs,
                 guint   page,
                 double  page_height,
                 Flow   *flow)
{
  g_autoptr(GArray) spacings = g_array_new (FALSE, FALSE, sizeof (double));
  double left = G_MAXDOUBLE, right = 0;
  double spacing = flow->spacing;
  const Row *before = NULL;

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      measure_row (row, glyphs, page_height);
      if (row->text && !row->furniture)
        {
          left = MIN (left, row->x0);
          right = MAX (right, row->x1);
        }
    }
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      if (row->furniture)
        continue;
      row->continues = continues_paragraph (flow, row, glyphs, left);
      if (row->continues && flow->page == page)
        {
          double s = (row->y - flow->y) / row->height;

          g_array_append_val (spacings, s);
        }
      flow_on (flow, row, glyphs, page, left, right);
    }
  if (spacings->len >= MIN_SPACINGS || (spacings->len > 0 && spacing == 0))
    {
      g_array_sort (spacings, compare_doubles);
      spacing = g_array_index (spacings, double, spacings->len / 2);
      flow->spacing = spacing;
    }
  if (spacing == 0)
    return;
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = &g_array_index (rows, Row, r);

      if (row->furniture)
        continue;
      /* the page's first row goes on from the page before: no spacing */
      if (row->continues && before != NULL &&
          (row->y - before->y) / row->height > spacing * SPACING_SLACK)
        row->continues = FALSE;
      before = row;
    }
}

/* Rows: first the glyphs of one baseline (centres within a quarter of a
 * glyph height of each other); then a baseline joins the row above it
 * when it is less than a glyph height lower and shares no x with it — the
 * label of a row group, centred over the rows it spans, next to a row.
 * A page's rows are all found before they are added: where a paragraph
 * goes on depends on the page's edges. */
static gboolean
add_page (NbSource    *source,
          GArray      *glyphs,
          double       height,
          guint        number,
          Flow        *flow,
          guint       *n_glyphs)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (Glyph));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  guint row_start = 0;      /* the row being gathered */
  guint line_start = 0;     /* its last baseline */

  g_array_sort (glyphs, compare_by_y);
  *n_glyphs += glyphs->len;
  for (guint i = 1; i <= glyphs->len; i++)
    {
      Glyph *previous = &g_array_index (glyphs, Glyph, i - 1);
      double size = MAX (previous->y1 - previous->y0, 1);
      Glyph *line, *row;
      guint n_line, n_row;
      gboolean joins;

      if (i < glyphs->len &&
          center_y (&g_array_index (glyphs, Glyph, i)) - center_y (previous) <= size / 4)
        continue;
      /* a baseline ends at i: does it join the row gathered so far? */
      line = &g_array_index (glyphs, Glyph, line_start);
      row = &g_array_index (glyphs, Glyph, row_start);
      n_line = i - line_start;
      n_row = line_start - row_start;
      qsort (line, n_line, sizeof (Glyph), compare_by_x);
      g_array_set_size (sorted, n_row);
      if (n_row > 0)
        {
          memcpy (sorted->data, row, n_row * sizeof (Glyph));
          qsort (sorted->data, n_row, sizeof (Glyph), compare_by_x);
        }
      joins = n_row > 0 && n_row + n_line < 4096 &&
              center_y (line) - center_y (line - 1) < size * 0.6 &&
              !overlap_in_x (&g_array_index (sorted, Glyph, 0), n_row, line, n_line);
      if (!joins && n_row > 0)
        {
          append_row (rows, row_start, n_row);
          row_start = line_start;
        }
      line_start = i;
    }
  if (line_start > row_start)
    append_row (rows, row_start, line_start - row_start);

  find_paragraphs (rows, (Glyph *) glyphs->data, number, height, flow);
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);

      if (!row->furniture && !add_row (source, (Glyph *) glyphs->data, row, number))
        return FALSE;
    }
  return TRUE;
}

/* A PDF ends with %%EOF; one cut short does not. */
static gboolean
ends_with_eof (const char *data,
               gsize       size)
{
  gsize tail = MIN (size, 2048);

  /* not g_strstr_len(): the tail may hold nul bytes */
  for (gsize i = size - tail; i + 5 <= size; i++)
    if (memcmp (data + i, "%%EOF", 5) == 0)
      return TRUE;
  return FALSE;
}

static PopplerDocument *
open_document (const char  *data,
               gsize        size,
               const char  *password,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) local_error = NULL;
  const NbPoppler *poppler;
  PopplerDocument *document;

  if (!ends_with_eof (data, size))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                   _("The PDF file is cut short (it does not end with %%%%EOF); "
                     "it was not read"));
      return NULL;
    }
  poppler = nb_poppler_get (error);
  if (poppler == NULL)
    return NULL;
  /* poppler 22.12 crashes in new_from_bytes() when given a wrong password
   * for an AES-256 file; its stream path checks the password properly */
  if (password != NULL)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

      document = poppler->document_new_from_stream (stream, size, password, NULL, &local_error);
    }
  else
    document = poppler->document_new_from_bytes (bytes, NULL, &local_error);
  if (document != NULL)
    return document;
  if (g_error_matches (local_error, poppler->error_quark (), POPPLER_ERROR_ENCRYPTED) && password != NULL)
    g_set_error (error, NB_ERROR, NB_ERROR_PASSWORD, _("The password is not right"));
  else if (g_error_matches (local_error, poppler->error_quark (), POPPLER_ERROR_ENCRYPTED))
    g_set_error (error, NB_ERROR, NB_ERROR_PASSWORD,
                 _("This PDF is protected by a password; it cannot be read without it"));
  else
    g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                 _("The PDF file is damaged and could not be opened (%s)"),
                 local_error ? local_error->message : "?");
  return NULL;
}

/* A sanitizer reserves terabytes of address space: no limit on it then. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NB_HAS_ASAN 1
#endif
#endif
#ifndef NB_HAS_ASAN
#define NB_HAS_ASAN 0
#endif

/* What the child sends for each page, before the page's glyphs. */
typedef struct
{
  guint32 n_glyphs;
  double  width;
  double  height;
} PageHeader;

static gboolean
write_all (int         fd,
           const void *data,
           gsize       size)
{
  for (const char *p = data; size > 0;)
    {
      gssize n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      size -= n;
    }
  return TRUE;
}

/* Reads @size bytes, waiting no later than @deadline (monotonic µs). */
static gboolean
read_all (int     fd,
          void   *data,
          gsize   size,
          gint64  deadline)
{
  for (char *p = data; size > 0;)
    {
      struct pollfd ready = { fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      gssize n;

      if (left <= 0 || poll (&ready, 1, (int) MIN (left, G_MAXINT)) == 0)
        return FALSE;
      n = read (fd, p, size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      size -= n;
    }
  return TRUE;
}

/* In the child: each page's size and glyphs, then the end. */
G_GNUC_NORETURN static void
send_pages (PopplerDocument *document,
            int              n_pages,
            int              fd)
{
  const NbPoppler *poppler = nb_poppler_loaded ();
  struct rlimit cpu = { LAYOUT_SECONDS, LAYOUT_SECONDS };

  setrlimit (RLIMIT_CPU, &cpu);
#if !defined(__SANITIZE_ADDRESS__) && !NB_HAS_ASAN
  {
    /* on top of what the parent's image already takes */
    g_autofree char *statm = NULL;
    struct rlimit memory;

    if (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
      {
        memory.rlim_cur = memory.rlim_max =
          g_ascii_strtoull (statm, NULL, 10) * sysconf (_SC_PAGESIZE) + LAYOUT_MEMORY;
        setrlimit (RLIMIT_AS, &memory);
      }
  }
#endif
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler->document_get_page (document, i);
      PageHeader header = { 0, 0, 0 };
      g_autoptr(GArray) glyphs = NULL;

      if (page != NULL)
        poppler->page_get_size (page, &header.width, &header.height);
      glyphs = page != NULL && MAX (header.width, header.height) <= MAX_PAGE_SIDE
               ? page_glyphs (page) : g_array_new (FALSE, FALSE, sizeof (Glyph));
      header.n_glyphs = glyphs->len;
      if (!write_all (fd, &header, sizeof header) ||
          !write_all (fd, glyphs->data, glyphs->len * sizeof (Glyph)))
        _exit (1);
    }
  _exit (0);
}

/* In the parent: adds each page the child sends. */
static gboolean
receive_pages (NbSource  *source,
               int        n_pages,
               int        fd,
               guint     *n_glyphs,
               GError   **error)
{
  /* twice the processor time: the child may wait for the disk */
  gint64 deadline = g_get_monotonic_time () + 2 * LAYOUT_SECONDS * G_USEC_PER_SEC;
  Flow flow = { 0 };

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
      PageHeader header;

      if (!read_all (fd, &header, sizeof header, deadline) ||
          header.n_glyphs > MAX_GLYPHS_PER_PAGE ||
          (MAX (header.width, header.height) <= MAX_PAGE_SIDE &&
           !read_all (fd, g_array_set_size (glyphs, header.n_glyphs)->data,
                      header.n_glyphs * sizeof (Glyph), deadline)))
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("The text of page %d of the PDF could not be laid out within %d s "
                         "and %d MB; no report's page takes that"),
                       i + 1, LAYOUT_SECONDS, LAYOUT_MEMORY / (1024 * 1024));
          return FALSE;
        }
      if (MAX (header.width, header.height) > MAX_PAGE_SIDE)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("Page %d of the PDF is %.0f × %.0f mm, larger than any paper a "
                         "report is printed on"), i + 1,
                       header.width / 72 * 25.4, header.height / 72 * 25.4);
          return FALSE;
        }
      if (!add_page (source, glyphs, header.height, i + 1, &flow, n_glyphs))
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("The PDF holds more text than any report"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Lays the pages out in a child process, which is ended whatever
 * happens; on a system without fork(), in this one. */
static gboolean
lay_out_pages (NbSource         *source,
               PopplerDocument  *document,
               int               n_pages,
               guint            *n_glyphs,
               GError          **error)
{
  int fds[2];
  pid_t child;
  gboolean ok;

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return FALSE;
  child = fork ();
  if (child == 0)
    {
      close (fds[0]);
      send_pages (document, n_pages, fds[1]);
    }
  close (fds[1]);
  if (child < 0)
    {
      close (fds[0]);
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("The PDF could not be read: %s"),
                   g_strerror (errno));
      return FALSE;
    }
  ok = receive_pages (source, n_pages, fds[0], n_glyphs, error);
  close (fds[0]);
  kill (child, SIGKILL);
  while (waitpid (child, NULL, 0) < 0 && errno == EINTR)
    ;
  return ok;
}

static NbSource *
read_pages (PopplerDocument  *document,
            GError          **error)
{
  g_autoptr(NbSource) source = nb_source_new ();
  int n_pages = nb_poppler_loaded ()->document_get_n_pages (document);
  guint n_glyphs = 0;

  if (n_pages > NB_READER_MAX_PAGES)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The PDF has %d pages; a report has at most %d"),
                   n_pages, NB_READER_MAX_PAGES);
      return NULL;
    }
  if (!lay_out_pages (source, document, n_pages, &n_glyphs, error))
    return NULL;
  if (n_glyphs == 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_NO_TEXT,
                   _("This PDF has no text layer: its pages are images, as from a scanner. "
                     "Nianbao reads text only; ask for the report as a web page, a Word "
                     "document or a PDF with text"));
      return NULL;
    }
  return g_steal_pointer (&source);
}

/* The document's creation date, in the time zone it was written with:
 * reviewers check it against the deadline when the text states no date
 * of publication. The metadata was parsed with the document, so reading
 * it needs no child process. */
static void
keep_creation_date (NbSource        *source,
                    PopplerDocument *document)
{
  g_autoptr(GDateTime) created = nb_poppler_loaded ()->document_get_creation_date_time (document);
  g_autofree char *date = NULL;

  if (created == NULL || g_date_time_get_year (created) < 1990 ||
      g_date_time_get_year (created) > 9999)
    return;
  date = g_date_time_format (created, "%Y-%m-%d");
  nb_source_set_published (source, date);
}

/**
 * nb_pdf_read:
 * @data: a PDF file
 * @size: its size
 * @password: (nullable): the password of an encrypted PDF
 * @error: return location for a #GError
 *
 * Fails with %NB_ERROR_PASSWORD for a PDF that needs a password (or a
 * different one), and with
 * %NB_ERROR_NO_TEXT for one without a text layer (a scan).
 *
 * Returns: (transfer full) (nullable): the source, one positioned line per
 *   row of glyphs; a row that carries on a wrapped paragraph is marked so
 */
NbSource *
nb_pdf_read (const char  *data,
             gsize        size,
             const char  *password,
             GError     **error)
{
  PopplerDocument *document;
  NbSource *source;

  if (size > NB_READER_MAX_FILE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is %.1f MB; a report is at most %d MB"),
                   size / (1024.0 * 1024.0), NB_READER_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  document = open_document (data, size, password, error);
  if (document == NULL)
    return NULL;
  source = read_pages (document, error);
  if (source != NULL)
    keep_creation_date (source, document);
  g_object_unref (document);
  return source;
}
