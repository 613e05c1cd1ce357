/* nb-print-layout.c — the report on pages, for a PDF or a printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-print-layout"

#include "config.h"

#include "nb-print-layout.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "nb-export-text.h"
#include "nb-table-layout.h"
#include "nb-template-private.h"

/* The pages are laid out once, in points, with a Pango context of its
 * own (72 dpi, no hinting), so that they come out the same on a PDF
 * surface and on a printer's cairo context.
 *
 * As in a government document: the title in a heavy Song face, 22 pt
 * (二号); headings in a Hei face and text in a Song face, 16 pt (三号), on
 * a 28 pt line, paragraphs indented two characters; tables 9 pt (小五);
 * the page number as "— 1 —" at the foot. The Noto CJK fonts stand in
 * for the official ones and are embedded (subset) in the PDF. */

#define PAGE_MARGIN    (2.5 / 2.54 * 72.0)
#define SERIF          "Noto Serif CJK SC, Noto Sans CJK SC, serif"
#define SANS           "Noto Sans CJK SC, Noto Serif CJK SC, sans-serif"
#define TITLE_FONT     SERIF " Bold 22"
#define HEADING_FONT   SANS " 16"
#define BODY_FONT      SERIF " 16"
#define BODY_SIZE      16.0
#define TABLE_FONT     SERIF " 9"
#define FOOTER_FONT    SERIF " 14"
#define TITLE_PITCH    36.0
#define BODY_PITCH     28.0
#define TABLE_EM       9.0
#define CELL_PAD_X     2.5
#define CELL_PAD_Y     2.5
#define MIN_ROW_HEIGHT 16.0
#define RULE_WIDTH     0.5
#define FOOTER_BASELINE 36.0  /* above the page's bottom edge */
/* A longer paragraph or title is not laid out but said to be left out:
 * no report has one, and Pango's measures overflow long before. */
#define MAX_TEXT_CHARS 100000
/* A paragraph is laid out a piece at a time, each piece ending where a
 * line does: Pango's time grows with the square of a run without a
 * break, and its measures overflow in a long paragraph. */
#define PIECE_BYTES    2048

typedef struct
{
  NbTableLayout  *layout;
  double         *edges;     /* n_columns + 1, from the table's left */
  double         *heights;   /* per grid row */
  PangoLayout   **texts;     /* per layout item; NULL when it has none */
  double          left;
} Table;

typedef enum
{
  PIECE_TEXT,
  PIECE_TABLE,
} PieceKind;

/* What one page shows of a paragraph or a table */
typedef struct
{
  PieceKind    kind;
  double       y;
  /* text */
  PangoLayout *text;
  guint        first_line;
  guint        n_lines;
  double       x;
  double       pitch;
  /* table */
  Table       *table;
  guint        first_row;
  guint        end_row;
  gboolean     with_header;
} Piece;

typedef struct
{
  char   *name;
  guint   page;
  double  y;
} Mark;

struct _NbPrintLayout
{
  GObject       parent_instance;

  double        page_width;
  double        page_height;
  PangoContext *context;
  GPtrArray    *texts;        /* PangoLayout */
  GPtrArray    *tables;       /* Table */
  GArray       *pieces;       /* Piece, page by page */
  GArray       *page_starts;  /* guint: each page's first piece */
  GArray       *marks;        /* Mark: the headings, for the outline */
  char         *title;

  /* while paginating */
  double        y;
  gboolean      page_empty;
  GString      *omitted;      /* what was not laid out, one a line */
};

G_DEFINE_FINAL_TYPE (NbPrintLayout, nb_print_layout, G_TYPE_OBJECT)

/* Text */

static double
top (NbPrintLayout *self)
{
  return PAGE_MARGIN;
}

static double
bottom (NbPrintLayout *self)
{
  return self->page_height - PAGE_MARGIN;
}

static double
text_width (NbPrintLayout *self)
{
  return self->page_width - 2 * PAGE_MARGIN;
}

static PangoLayout *
new_text (NbPrintLayout *self,
          const char    *font,
          const char    *text,
          double         width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_text (layout, text, -1);
  g_ptr_array_add (self->texts, layout);
  return layout;
}

static void
new_page (NbPrintLayout *self)
{
  guint start = self->pieces->len;

  g_array_append_val (self->page_starts, start);
  self->y = top (self);
  self->page_empty = TRUE;
}

static Piece *
last_piece (NbPrintLayout *self)
{
  guint page_start = g_array_index (self->page_starts, guint, self->page_starts->len - 1);

  if (self->pieces->len <= page_start)
    return NULL;
  return &g_array_index (self->pieces, Piece, self->pieces->len - 1);
}

/* Places the first @n_lines lines of the text, each on a line of
 * @pitch, on as many pages as it takes. */
static void
place_lines (NbPrintLayout *self,
             PangoLayout   *text,
             int            n_lines,
             double         x,
             double         pitch)
{
  for (int i = 0; i < n_lines; i++)
    {
      Piece *piece;

      if (self->y + pitch > bottom (self) && !self->page_empty)
        new_page (self);
      piece = last_piece (self);
      if (piece == NULL || piece->kind != PIECE_TEXT || piece->text != text)
        {
          Piece new_piece = { PIECE_TEXT, self->y, text, i, 0, x, pitch, NULL, 0, 0, FALSE };

          g_array_append_val (self->pieces, new_piece);
          piece = last_piece (self);
        }
      piece->n_lines++;
      self->y += pitch;
      self->page_empty = FALSE;
    }
}

static void
place_text (NbPrintLayout *self,
            PangoLayout   *text,
            double         x,
            double         pitch)
{
  place_lines (self, text, pango_layout_get_line_count (text), x, pitch);
}

/* Control characters, which no font draws (and which cost Pango dearly),
 * as their pictures: U+0001 as ␁. */
static char *
visible_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
        g_string_append_unichar (out, c == 0x7F ? 0x2421 : 0x2400 + c);
      else
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether @text is too long to lay out; if so, says so on the page in
 * its place and keeps the note for nb_print_layout_get_omitted(). */
static gboolean
omit_long_text (NbPrintLayout *self,
                const char    *text,
                const char    *where)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree char *note = NULL;

  if (n_chars <= MAX_TEXT_CHARS)
    return FALSE;
  note = g_strdup_printf (_("%s: %ld characters in one paragraph, more than the %d a PDF "
                            "lays out; it is left out here, and kept in the report"),
                          where, n_chars, MAX_TEXT_CHARS);
  g_string_append_printf (self->omitted, "%s\n", note);
  place_text (self, new_text (self, BODY_FONT, note, text_width (self)), PAGE_MARGIN,
              BODY_PITCH);
  return TRUE;
}

/* Lays a paragraph out a piece at a time; each piece's last line is laid
 * out again at the start of the next, so lines break as in one layout. */
static void
place_paragraph (NbPrintLayout *self,
                 const char    *paragraph,
                 const char    *where)
{
  g_autofree char *text = visible_text (paragraph);
  const char *p = text;
  const char *end = text + strlen (text);

  if (omit_long_text (self, text, where))
    return;
  do
    {
      const char *piece_end = end - p > PIECE_BYTES ? p + PIECE_BYTES : end;
      g_autofree char *piece = NULL;
      PangoLayout *layout;
      int n_lines;

      while (piece_end < end && (*piece_end & 0xC0) == 0x80)
        piece_end--;
      piece = g_strndup (p, piece_end - p);
      layout = new_text (self, BODY_FONT, piece, text_width (self));
      /* not justified: Pango would stretch only the spaces, and Chinese
       * text has few */
      if (p == text)
        pango_layout_set_indent (layout, pango_units_from_double (2 * BODY_SIZE));
      n_lines = pango_layout_get_line_count (layout);
      if (piece_end < end && n_lines > 1)
        {
          p += pango_layout_get_line_readonly (layout, n_lines - 1)->start_index;
          n_lines--;
        }
      else
        p = piece_end;
      place_lines (self, layout, n_lines, PAGE_MARGIN, BODY_PITCH);
    }
  while (p < end);
}

/* Starts a new page unless @height fits below. */
static void
keep_together (NbPrintLayout *self,
               double         height)
{
  if (self->y + height > bottom (self) && !self->page_empty)
    new_page (self);
}

/* Tables */

static void
table_free (gpointer data)
{
  Table *table = data;
  guint n_items;

  nb_table_layout_get_items (table->layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    g_clear_object (&table->texts[i]);
  g_free (table->texts);
  g_free (table->edges);
  g_free (table->heights);
  nb_table_layout_free (table->layout);
  g_free (table);
}

static char *
box_text (NbReport           *report,
          const NbLayoutItem *item,
          double              width)
{
  if (item->kind == NB_LAYOUT_CELL)
    return nb_report_dup_cell_text (report, item->cell);
  if (item->text == NULL)
    return g_strdup ("");
  /* a narrow column's header stacks, as on the paper form */
  if (item->kind == NB_LAYOUT_COLUMN_HEADER && item->n_columns == 1 &&
      nb_table_layout_measure_text (item->text) * TABLE_EM > width)
    return nb_table_layout_stack_text (item->text);
  return g_strdup (item->text);
}

static void
measure_boxes (NbPrintLayout *self,
               NbReport      *report,
               Table         *table)
{
  guint n_items;
  const NbLayoutItem *items = nb_table_layout_get_items (table->layout, &n_items);

  table->texts = g_new0 (PangoLayout *, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const NbLayoutItem *item = &items[i];
      double width = table->edges[item->column + item->n_columns] - table->edges[item->column]
                     - 2 * CELL_PAD_X;
      g_autofree char *text = box_text (report, item, width);
      PangoLayout *layout;

      if (*text == '\0')
        continue;
      layout = new_text (self, TABLE_FONT, text, width);
      pango_layout_set_alignment (layout, item->kind == NB_LAYOUT_ROW_LABEL ? PANGO_ALIGN_LEFT
                                                                              : PANGO_ALIGN_CENTER);
      table->texts[i] = g_object_ref (layout);
    }
}

static double
box_height (Table *table,
            guint  item)
{
  int height = 0;

  if (table->texts[item] != NULL)
    pango_layout_get_size (table->texts[item], NULL, &height);
  return pango_units_to_double (height) + 2 * CELL_PAD_Y;
}

/* Rows are as high as their tallest single-row box; a box spanning rows
 * that need more room gets it shared out among them. */
static void
measure_rows (Table *table)
{
  guint n_rows = nb_table_layout_get_n_rows (table->layout);
  guint n_items;
  const NbLayoutItem *items = nb_table_layout_get_items (table->layout, &n_items);

  table->heights = g_new0 (double, n_rows);
  for (guint r = 0; r < n_rows; r++)
    table->heights[r] = MIN_ROW_HEIGHT;
  for (guint i = 0; i < n_items; i++)
    if (items[i].n_rows == 1)
      table->heights[items[i].row] = MAX (table->heights[items[i].row], box_height (table, i));
  for (guint i = 0; i < n_items; i++)
    {
      double have = 0, need;

      if (items[i].n_rows == 1)
        continue;
      for (guint r = items[i].row; r < items[i].row + items[i].n_rows; r++)
        have += table->heights[r];
      need = box_height (table, i);
      if (need > have)
        for (guint r = items[i].row; r < items[i].row + items[i].n_rows; r++)
          table->heights[r] += (need - have) / items[i].n_rows;
    }
}

static Table *
new_table (NbPrintLayout *self,
           NbReport      *report,
           guint          index)
{
  Table *table = g_new0 (Table, 1);
  guint n_columns;
  g_autofree double *widths = NULL;

  table->layout = nb_table_layout_new (nb_report_get_template (report), index);
  table->left = PAGE_MARGIN;
  n_columns = nb_table_layout_get_n_columns (table->layout);
  widths = g_new0 (double, n_columns);
  nb_table_layout_get_widths (table->layout, report, text_width (self), TABLE_EM,
                              2 * CELL_PAD_X + RULE_WIDTH, widths);
  table->edges = g_new0 (double, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    table->edges[c + 1] = table->edges[c] + widths[c];
  measure_boxes (self, report, table);
  measure_rows (table);
  g_ptr_array_add (self->tables, table);
  return table;
}

/* The rows from @row that stay on one page. Returns the end of the run. */
static guint
unit_end (Table *table,
          guint  row)
{
  while (nb_table_layout_row_keeps_with_next (table->layout, row))
    row++;
  return row + 1;
}

static double
rows_height (Table *table,
             guint  first,
             guint  end)
{
  double height = 0;

  for (guint r = first; r < end; r++)
    height += table->heights[r];
  return height;
}

/* Places the table row by row; on each page it continues on, its header
 * rows come first again. */
static void
place_table (NbPrintLayout *self,
             Table         *table)
{
  guint n_rows = nb_table_layout_get_n_rows (table->layout);
  guint n_header = nb_table_layout_get_n_header_rows (table->layout);
  double header_height = rows_height (table, 0, n_header);
  Piece *piece = NULL;

  for (guint row = 0; row < n_rows;)
    {
      guint end = unit_end (table, row);
      double height = rows_height (table, row, end);

      if (self->y + height > bottom (self) && !self->page_empty)
        {
          gboolean with_header = n_header > 0 && row >= n_header;

          new_page (self);
          piece = NULL;
          if (with_header)
            {
              Piece new_piece = { PIECE_TABLE, self->y, NULL, 0, 0, 0, 0, table, row, row, TRUE };

              g_array_append_val (self->pieces, new_piece);
              piece = last_piece (self);
              self->y += header_height;
            }
        }
      if (piece == NULL)
        {
          Piece new_piece = { PIECE_TABLE, self->y, NULL, 0, 0, 0, 0, table, row, row, FALSE };

          g_array_append_val (self->pieces, new_piece);
          piece = last_piece (self);
        }
      piece->end_row = end;
      self->y += height;
      self->page_empty = FALSE;
      row = end;
    }
}

/* The report */

static void
place_heading (NbPrintLayout *self,
               const char    *heading,
               double         next_height)
{
  PangoLayout *text = new_text (self, HEADING_FONT, heading, text_width (self));
  Mark mark;

  pango_layout_set_indent (text, pango_units_from_double (2 * BODY_SIZE));
  keep_together (self, pango_layout_get_line_count (text) * BODY_PITCH + next_height);
  mark.name = g_strdup (heading);
  mark.page = self->page_starts->len - 1;
  mark.y = self->y;
  g_array_append_val (self->marks, mark);
  place_text (self, text, PAGE_MARGIN, BODY_PITCH);
}

static void
place_section (NbPrintLayout     *self,
               NbReport          *report,
               guint              index,
               NbTemplateSection *section)
{
  if (section->table >= 0)
    {
      Table *table = new_table (self, report, section->table);

      place_heading (self, section->heading, rows_height (table, 0, unit_end (table, 0)));
      place_table (self, table);
      /* some air between a table and the heading after it */
      self->y += BODY_PITCH / 2;
    }
  else
    {
      g_auto(GStrv) paragraphs = nb_report_dup_paragraphs (report, index);

      /* a heading is not left alone at the foot of a page */
      place_heading (self, section->heading, paragraphs[0] ? 2 * BODY_PITCH : 0);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          g_autofree char *where = g_strdup_printf (_("%s, paragraph %u"), section->heading, i + 1);

          place_paragraph (self, paragraphs[i], where);
        }
    }
}

static void
paginate (NbPrintLayout *self,
          NbReport      *report)
{
  GPtrArray *sections = nb_template_get_sections (nb_report_get_template (report));
  PangoLayout *title;

  new_page (self);
  if (omit_long_text (self, self->title, _("The title")))
    {
      g_free (self->title);
      self->title = g_strdup ("");
    }
  title = new_text (self, TITLE_FONT, self->title, text_width (self));
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  if (pango_layout_get_line_count (title) > 1)
    {
      g_autofree char *lines = nb_export_dup_title_lines (report, self->title);

      if (lines != NULL)
        pango_layout_set_text (title, lines, -1);
    }
  place_text (self, title, PAGE_MARGIN, TITLE_PITCH);
  self->y += BODY_PITCH;
  for (guint s = 0; s < sections->len; s++)
    place_section (self, report, s, g_ptr_array_index (sections, s));
}

/* Drawing */

/* Each line sits in the middle of its pitch. */
static void
draw_text_piece (cairo_t     *cr,
                 const Piece *piece)
{
  PangoLayoutIter *iter = pango_layout_get_iter (piece->text);

  for (guint n = 0; n < piece->first_line; n++)
    pango_layout_iter_next_line (iter);
  for (guint i = 0; i < piece->n_lines; i++)
    {
      PangoRectangle logical;
      double line_top = piece->y + i * piece->pitch;
      int baseline = pango_layout_iter_get_baseline (iter);

      /* in the layout's coordinates: the indent and alignment are in x */
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, piece->x + pango_units_to_double (logical.x),
                     line_top + (piece->pitch - pango_units_to_double (logical.height)) / 2
                     + pango_units_to_double (baseline - logical.y));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
      pango_layout_iter_next_line (iter);
    }
  pango_layout_iter_free (iter);
}

/* Draws the lines of @text centred on row boundaries inside the box,
 * as a group label's lines are: text extracted from the PDF then has
 * them on lines of their own, between the rows, rather than glued to
 * the start of a row's label. Returns FALSE when the box has too few
 * boundaries for the lines. */
static gboolean
draw_on_boundaries (cairo_t      *cr,
                    PangoLayout  *text,
                    double        x,
                    const double *boundaries,
                    guint         n_boundaries,
                    double        middle)
{
  int n_lines = pango_layout_get_line_count (text);
  guint best = 0;
  double best_distance = G_MAXDOUBLE;
  PangoLayoutIter *iter;

  if (n_lines < 1 || (guint) n_lines > n_boundaries)
    return FALSE;
  for (guint start = 0; start + n_lines <= n_boundaries; start++)
    {
      double centre = (boundaries[start] + boundaries[start + n_lines - 1]) / 2;

      if (fabs (centre - middle) < best_distance)
        {
          best_distance = fabs (centre - middle);
          best = start;
        }
    }

  iter = pango_layout_get_iter (text);
  for (int i = 0; i < n_lines; i++)
    {
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + pango_units_to_double (logical.x),
                     boundaries[best + i] - pango_units_to_double (logical.height) / 2
                     + pango_units_to_double (baseline - logical.y));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
      pango_layout_iter_next_line (iter);
    }
  pango_layout_iter_free (iter);
  return TRUE;
}

static void
draw_box (cairo_t            *cr,
          PangoLayout        *text,
          const NbLayoutItem *item,
          double              x,
          double              width,
          const double       *row_y,
          const double       *heights,
          guint               first,
          guint               last)
{
  double y = row_y[first];
  double height = row_y[last] + heights[last] - y;
  gboolean drawn = FALSE;
  int text_height;

  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
  if (text == NULL)
    return;

  pango_layout_get_size (text, NULL, &text_height);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  if (item->kind == NB_LAYOUT_GROUP_LABEL && last > first)
    drawn = draw_on_boundaries (cr, text, x + CELL_PAD_X, row_y + first + 1, last - first,
                                y + height / 2);
  /* a box cut by a page shows its text where it fits */
  if (!drawn &&
      (pango_units_to_double (text_height) <= height - 2 * CELL_PAD_Y + 0.5 || first == item->row))
    {
      cairo_move_to (cr, x + CELL_PAD_X,
                     y + MAX ((height - pango_units_to_double (text_height)) / 2, CELL_PAD_Y));
      pango_cairo_show_layout (cr, text);
    }
  cairo_restore (cr);
}

static void
draw_table_piece (cairo_t     *cr,
                  const Piece *piece)
{
  Table *table = piece->table;
  guint n_rows = nb_table_layout_get_n_rows (table->layout);
  guint n_header = nb_table_layout_get_n_header_rows (table->layout);
  g_autofree double *row_y = g_new (double, n_rows);
  guint n_items;
  const NbLayoutItem *items = nb_table_layout_get_items (table->layout, &n_items);
  double y = piece->y;

  for (guint r = 0; r < n_rows; r++)
    row_y[r] = -1;
  for (guint r = 0; piece->with_header && r < n_header; r++)
    {
      row_y[r] = y;
      y += table->heights[r];
    }
  for (guint r = piece->first_row; r < piece->end_row; r++)
    {
      row_y[r] = y;
      y += table->heights[r];
    }

  cairo_set_line_width (cr, RULE_WIDTH);
  for (guint i = 0; i < n_items; i++)
    {
      const NbLayoutItem *item = &items[i];
      guint first = G_MAXUINT, last = 0;

      for (guint r = item->row; r < item->row + item->n_rows; r++)
        if (row_y[r] >= 0)
          {
            first = MIN (first, r);
            last = r;
          }
      if (first == G_MAXUINT)
        continue;
      draw_box (cr, table->texts[i], item,
                table->left + table->edges[item->column],
                table->edges[item->column + item->n_columns] - table->edges[item->column],
                row_y, table->heights, first, last);
    }
}

static void
draw_page_number (NbPrintLayout *self,
                  cairo_t       *cr,
                  guint          page)
{
  g_autofree char *number = g_strdup_printf ("— %u —", page + 1);
  PangoLayout *text = pango_layout_new (self->context);
  PangoFontDescription *description = pango_font_description_from_string (FOOTER_FONT);
  PangoRectangle logical;

  pango_layout_set_font_description (text, description);
  pango_font_description_free (description);
  pango_layout_set_text (text, number, -1);
  pango_layout_get_extents (text, NULL, &logical);
  cairo_move_to (cr, (self->page_width - pango_units_to_double (logical.width)) / 2,
                 self->page_height - FOOTER_BASELINE - pango_units_to_double (pango_layout_get_baseline (text)));
  pango_cairo_show_layout (cr, text);
  g_object_unref (text);
}

/* GObject */

static void
mark_clear (gpointer data)
{
  g_free (((Mark *) data)->name);
}

static void
nb_print_layout_finalize (GObject *object)
{
  NbPrintLayout *self = (NbPrintLayout *) object;

  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->texts);
  g_array_unref (self->pieces);
  g_array_unref (self->page_starts);
  g_array_unref (self->marks);
  g_free (self->title);
  g_string_free (self->omitted, TRUE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (nb_print_layout_parent_class)->finalize (object);
}

static void
nb_print_layout_class_init (NbPrintLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_print_layout_finalize;
}

static void
nb_print_layout_init (NbPrintLayout *self)
{
  self->texts = g_ptr_array_new_with_free_func (g_object_unref);
  self->tables = g_ptr_array_new_with_free_func (table_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_array_set_clear_func (self->marks, mark_clear);
  self->omitted = g_string_new (NULL);
}

/* A font map of its own: a layout may be made in one thread and drawn in
 * another (a print operation), and its fonts go when it goes. */
static PangoContext *
new_context (void)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* the same metrics on every device */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  return context;
}

/**
 * nb_print_layout_new:
 * @report: a report
 * @page_width: the page's width in points
 * @page_height: the page's height in points
 *
 * Lays the whole report out on pages, as nb_pdf_writer_write() prints
 * it: 2.5 cm margins, tables whose header rows come again on each page
 * they continue on, a page number at each foot. Later changes to the
 * report are not seen.
 *
 * Returns: (transfer full): the layout
 */
NbPrintLayout *
nb_print_layout_new (NbReport *report,
                     double    page_width,
                     double    page_height)
{
  NbPrintLayout *self;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (page_width > 4 * PAGE_MARGIN && page_height > 4 * PAGE_MARGIN, NULL);

  self = g_object_new (NB_TYPE_PRINT_LAYOUT, NULL);
  self->page_width = page_width;
  self->page_height = page_height;
  self->context = new_context ();
  self->title = nb_export_dup_title (report);
  paginate (self, report);
  return self;
}

/**
 * nb_print_layout_get_n_pages:
 * @self: a #NbPrintLayout
 *
 * Returns: the number of pages, at least 1
 */
guint
nb_print_layout_get_n_pages (NbPrintLayout *self)
{
  g_return_val_if_fail (NB_IS_PRINT_LAYOUT (self), 0);

  return self->page_starts->len;
}

/**
 * nb_print_layout_draw_page:
 * @self: a #NbPrintLayout
 * @cr: where to draw: units of points, the origin at the top left
 *   corner of the paper (for a #GtkPrintOperation: full page, points)
 * @page: the page, from 0
 *
 * Draws one page in black on @cr, which is left as it was.
 */
void
nb_print_layout_draw_page (NbPrintLayout *self,
                           cairo_t       *cr,
                           guint          page)
{
  guint first, end;

  g_return_if_fail (NB_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->page_starts->len);

  first = g_array_index (self->page_starts, guint, page);
  end = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                          : self->pieces->len;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = first; i < end; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->kind == PIECE_TEXT)
        draw_text_piece (cr, piece);
      else
        draw_table_piece (cr, piece);
    }
  draw_page_number (self, cr, page);
  cairo_restore (cr);
}

/**
 * nb_print_layout_get_title:
 * @self: a layout
 *
 * Returns: the report's title on one line, as the first page shows it
 */
const char *
nb_print_layout_get_title (NbPrintLayout *self)
{
  g_return_val_if_fail (NB_IS_PRINT_LAYOUT (self), NULL);

  return self->title;
}

/**
 * nb_print_layout_get_omitted:
 * @self: a layout
 *
 * Returns: (nullable): what the pages say was too long to lay out, one
 *   note a line; %NULL when everything is on them
 */
const char *
nb_print_layout_get_omitted (NbPrintLayout *self)
{
  g_return_val_if_fail (NB_IS_PRINT_LAYOUT (self), NULL);

  return self->omitted->len > 0 ? self->omitted->str : NULL;
}

/**
 * nb_print_layout_add_pdf_outline:
 * @self: a layout
 * @surface: the PDF surface its pages were drawn on
 *
 * Adds the headings as the PDF document's outline.
 */
void
nb_print_layout_add_pdf_outline (NbPrintLayout   *self,
                                 cairo_surface_t *surface)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *link = NULL;

      g_ascii_formatd (x, sizeof x, "%.1f", PAGE_MARGIN);
      g_ascii_formatd (y, sizeof y, "%.1f", mark->y);
      link = g_strdup_printf ("page=%u pos=[%s %s]", mark->page + 1, x, y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, mark->name, link, 0);
    }
}
