/* nb-pdf-reader.c — the text layer of a PDF as a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-pdf-reader"

#include "config.h"

#include "nb-readers.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

/* A PDF has no paragraphs or tables, only glyphs with boxes. Glyphs are
 * grouped into rows by their vertical centre and ordered by x; a row is
 * split into pieces where a gap opens that is wider than a word space (a
 * table's column rule), and each piece keeps its x on the page. The
 * matcher places a table's numbers under its header cells by that x.
 * Rows follow each other across pages, so a table split over pages reads
 * on; page numbers in the margins are dropped. */

#define MAX_GLYPHS_PER_PAGE 200000
/* gaps, in glyph heights */
#define WORD_GAP  0.15
#define PIECE_GAP 0.4
/* the margins where page numbers stand, in page heights */
#define MARGIN_TOP    0.06
#define MARGIN_BOTTOM 0.08

typedef struct
{
  gunichar c;
  double   x0;
  double   y0;
  double   x1;
  double   y1;
} Glyph;

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

/* Adds one row of glyphs, sorted by x, as a positioned line. */
static gboolean
add_row (NbSource *source,
         Glyph    *glyphs,
         guint     n_glyphs,
         guint     page,
         double    page_height)
{
  NbPlace place = { NB_PLACE_PAGE, page, 0, 0 };
  g_autoptr(GString) row_text = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  double top = G_MAXDOUBLE, bottom = 0;
  double x0 = 0, x1 = 0;

  qsort (glyphs, n_glyphs, sizeof (Glyph), compare_by_x);
  for (guint i = 0; i < n_glyphs; i++)
    {
      g_string_append_unichar (row_text, glyphs[i].c);
      top = MIN (top, glyphs[i].y0);
      bottom = MAX (bottom, glyphs[i].y1);
    }
  /* page numbers in the margins are not the report's */
  if ((bottom < page_height * MARGIN_TOP || top > page_height * (1 - MARGIN_BOTTOM)) &&
      is_page_number (row_text->str))
    return TRUE;

  for (guint i = 0; i < n_glyphs; i++)
    {
      const Glyph *glyph = &glyphs[i];
      double height = MAX (glyph->y1 - glyph->y0, 1);
      double gap = i > 0 ? glyph->x0 - glyphs[i - 1].x1 : 0;

      if (i > 0 && gap > PIECE_GAP * height)
        {
          if (!nb_source_add_piece (source, text->str, text->len, x0, x1, &place))
            return FALSE;
          g_string_truncate (text, 0);
        }
      else if (i > 0 && gap > WORD_GAP * height)
        g_string_append_c (text, ' ');
      if (text->len == 0)
        x0 = glyph->x0;
      x1 = glyph->x1;
      g_string_append_unichar (text, glyph->c);
    }
  if (text->len > 0 && !nb_source_add_piece (source, text->str, text->len, x0, x1, &place))
    return FALSE;
  nb_source_end_line (source, TRUE);
  return TRUE;
}

/* The page's glyphs, without blanks, with their boxes. */
static GArray *
page_glyphs (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rectangles = NULL;
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  guint n_rectangles = 0;
  const char *p = text;

  if (text == NULL || !poppler_page_get_text_layout (page, &rectangles, &n_rectangles))
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

/* Rows: first the glyphs of one baseline (centres within a quarter of a
 * glyph height of each other); then a baseline joins the row above it
 * when it is less than a glyph height lower and shares no x with it — the
 * label of a row group, centred over the rows it spans, next to a row. */
static gboolean
add_page (NbSource    *source,
          PopplerPage *page,
          guint        number,
          guint       *n_glyphs)
{
  g_autoptr(GArray) glyphs = page_glyphs (page);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (Glyph));
  double width, height;
  guint row_start = 0;      /* the row being gathered */
  guint line_start = 0;     /* its last baseline */

  poppler_page_get_size (page, &width, &height);
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
          if (!add_row (source, row, n_row, number, height))
            return FALSE;
          row_start = line_start;
        }
      line_start = i;
    }
  if (line_start > row_start &&
      !add_row (source, &g_array_index (glyphs, Glyph, row_start), line_start - row_start,
                number, height))
    return FALSE;
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
  PopplerDocument *document;

  if (!ends_with_eof (data, size))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                   _("The PDF file is cut short (it does not end with %%%%EOF); "
                     "it was not read"));
      return NULL;
    }
  /* poppler 22.12 crashes in new_from_bytes() when given a wrong password
   * for an AES-256 file; its stream path checks the password properly */
  if (password != NULL)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

      document = poppler_document_new_from_stream (stream, size, password, NULL, &local_error);
    }
  else
    document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document != NULL)
    return document;
  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED) && password != NULL)
    g_set_error (error, NB_ERROR, NB_ERROR_PASSWORD, _("The password is not right"));
  else if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error (error, NB_ERROR, NB_ERROR_PASSWORD,
                 _("This PDF is protected by a password; it cannot be read without it"));
  else
    g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                 _("The PDF file is damaged and could not be opened (%s)"),
                 local_error ? local_error->message : "?");
  return NULL;
}

static NbSource *
read_pages (PopplerDocument  *document,
            GError          **error)
{
  g_autoptr(NbSource) source = nb_source_new ();
  int n_pages = poppler_document_get_n_pages (document);
  guint n_glyphs = 0;

  if (n_pages > NB_READER_MAX_PAGES)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The PDF has %d pages; a report has at most %d"),
                   n_pages, NB_READER_MAX_PAGES);
      return NULL;
    }
  for (int i = 0; i < n_pages; i++)
    {
      /* poppler-glib has no autoptr cleanups */
      PopplerPage *page = poppler_document_get_page (document, i);
      gboolean ok = page == NULL || add_page (source, page, i + 1, &n_glyphs);

      g_clear_object (&page);
      if (!ok)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("The PDF holds more text than any report"));
          return NULL;
        }
    }
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
 *   row of glyphs
 */
NbSource *
nb_pdf_read (const char  *data,
             gsize        size,
             const char  *password,
             GError     **error)
{
  PopplerDocument *document;
  NbSource *source;

  if (size > NB_IMPORT_MAX_SIZE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is %.1f MB; a report is at most %d MB"),
                   size / (1024.0 * 1024.0), NB_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  document = open_document (data, size, password, error);
  if (document == NULL)
    return NULL;
  source = read_pages (document, error);
  g_object_unref (document);
  return source;
}
