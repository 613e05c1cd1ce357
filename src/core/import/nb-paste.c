/* nb-paste.c — clipboard content as a block of cell texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-paste"

#include "config.h"

#include "nb-paste.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "nb-table-layout.h"
#include "nb-template-private.h"
#include "nb-text-decoder.h"
#include "nb-types.h"
#include "nb-xml-util.h"

/* What a spreadsheet, a word processor or a web page puts on the
 * clipboard, as a rectangle of texts: tab-separated lines, or the first
 * <table> of an HTML fragment with its merged boxes spread out. A box
 * that spans several places has its text in the first (top left) one
 * and the places it covers are empty, as in the text the export writes
 * (docs/FORMAT.md §7.2), so that both forms of one table give the same
 * block. */

struct _NbPasteBlock
{
  guint   n_rows;
  guint   n_columns;
  char  **texts;      /* n_rows × n_columns, row by row; none is NULL */
};

/* Errors */

static gboolean
refuse_size (gsize    size,
             GError **error)
{
  if (size <= NB_PASTE_MAX_SIZE)
    return TRUE;
  g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
               /* Translators: both numbers are in kilobytes */
               _("The copied content has %lu KB; at most %d KB can be pasted"),
               (gulong) ((size + 1023) / 1024), NB_PASTE_MAX_SIZE / 1024);
  return FALSE;
}

static gboolean
refuse_cells (GError **error)
{
  g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
               _("The copied block has more than %d cells; no report table has that many"),
               NB_PASTE_MAX_CELLS);
  return FALSE;
}

static void
refuse_empty (GError **error)
{
  g_set_error_literal (error, NB_ERROR, NB_ERROR_INVALID, _("There is nothing to paste"));
}

/* Text */

/* The blanks that nb-number.c ignores around a number: ASCII blanks,
 * the no-break space U+00A0 (C2 A0) and the ideographic space U+3000
 * (E3 80 80). */
static gboolean
is_ascii_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static gsize
blank_at (const char *p,
          const char *end)
{
  if (p < end && is_ascii_blank (*p))
    return 1;
  if (end - p >= 2 && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if (end - p >= 3 && (guchar) p[0] == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)
    return 3;
  return 0;
}

static gsize
blank_before (const char *start,
              const char *end)
{
  if (end > start && is_ascii_blank (end[-1]))
    return 1;
  if (end - start >= 2 && (guchar) end[-2] == 0xC2 && (guchar) end[-1] == 0xA0)
    return 2;
  if (end - start >= 3 && (guchar) end[-3] == 0xE3 && (guchar) end[-2] == 0x80 && (guchar) end[-1] == 0x80)
    return 3;
  return 0;
}

static char *
dup_trimmed (const char *start,
             gsize       length)
{
  const char *end = start + length;
  gsize n;

  while ((n = blank_at (start, end)) > 0)
    start += n;
  while ((n = blank_before (start, end)) > 0)
    end -= n;
  return g_strndup (start, end - start);
}

/* The block from rows of texts (GPtrArray of char *, NULL for an empty
 * place); short rows are filled up with empty texts. Takes the texts. */
static NbPasteBlock *
block_new (GPtrArray  *rows,
           GError    **error)
{
  NbPasteBlock *self;
  guint width = 0;

  for (guint r = 0; r < rows->len; r++)
    width = MAX (width, ((GPtrArray *) g_ptr_array_index (rows, r))->len);
  if ((guint64) rows->len * width > NB_PASTE_MAX_CELLS)
    {
      refuse_cells (error);
      return NULL;
    }
  if (width == 0)
    {
      refuse_empty (error);
      return NULL;
    }

  self = g_new0 (NbPasteBlock, 1);
  self->n_rows = rows->len;
  self->n_columns = width;
  self->texts = g_new0 (char *, (gsize) rows->len * width + 1);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < width; c++)
        {
          char *text = c < row->len ? g_steal_pointer (&row->pdata[c]) : NULL;

          self->texts[r * width + c] = text != NULL ? text : g_strdup ("");
        }
    }
  if (width == 1 && rows->len == 1 && *self->texts[0] == '\0')
    {
      nb_paste_block_free (self);
      refuse_empty (error);
      return NULL;
    }
  return self;
}

/* The quote that closes a quoted field opened at @start, or NULL when
 * there is none: then the opening quote is just text. */
static const char *
closing_quote (const char *start,
               const char *end)
{
  for (const char *q = start + 1; q < end; q++)
    if (*q == '"')
      {
        if (q + 1 < end && q[1] == '"')
          {
            q++;
            continue;
          }
        return q;
      }
  return NULL;
}

static gboolean
ends_field (char c)
{
  return c == '\t' || c == '\n' || c == '\r';
}

/* One field at *@p, which is moved to the tab or line end after it.
 * Spreadsheets quote a text that holds a tab, a line break or a quote:
 * "a<tab>b", with "" for a quote within. */
static char *
read_field (const char **p,
            const char  *end)
{
  const char *start = *p;
  const char *close = start < end && *start == '"' ? closing_quote (start, end) : NULL;
  const char *q;

  if (close != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (const char *r = start + 1; r < close; r++)
        {
          if (*r == '"')
            r++;
          g_string_append_c (text, *r);
        }
      for (q = close + 1; q < end && !ends_field (*q); q++)
        g_string_append_c (text, *q);
      *p = q;
      return dup_trimmed (text->str, text->len);
    }
  for (q = start; q < end && !ends_field (*q); q++)
    ;
  *p = q;
  return dup_trimmed (start, q - start);
}

/**
 * nb_paste_block_new_from_text:
 * @text: tab-separated lines, UTF-8
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Reads text as spreadsheets put it on the clipboard: fields separated
 * by tabs, lines by LF, CR LF or CR, the line end after the last line
 * optional, quoted fields as spreadsheets write them. Each field is
 * trimmed of blanks; its text is otherwise kept as it is (full-width
 * digits stay full-width, the cell parser reads them).
 *
 * Returns: (transfer full) (nullable): the block, or %NULL when @text is
 *   empty, not UTF-8, or larger than %NB_PASTE_MAX_SIZE bytes or
 *   %NB_PASTE_MAX_CELLS cells
 */
NbPasteBlock *
nb_paste_block_new_from_text (const char  *text,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *p = text;
  const char *end = text + length;
  guint n_fields = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (!refuse_size (length, error))
    return NULL;
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_ENCODING, _("The copied text is not valid UTF-8"));
      return NULL;
    }
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (rows, row);
      for (;;)
        {
          if (++n_fields > NB_PASTE_MAX_CELLS)
            {
              refuse_cells (error);
              return NULL;
            }
          g_ptr_array_add (row, read_field (&p, end));
          if (p >= end || *p != '\t')
            break;
          p++;
        }
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
    }
  return block_new (rows, error);
}

/* HTML */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_invisible (xmlNode *node)
{
  return is_element (node, "head") || is_element (node, "style") || is_element (node, "script") ||
         is_element (node, "template") || is_element (node, "noscript");
}

/* Excel adds rows styled display:none that only carry column widths. */
static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *style = nb_xml_get_attr (node, "style");
  GString *squeezed;
  gboolean hidden;

  if (style == NULL)
    return FALSE;
  squeezed = g_string_new (NULL);
  for (const char *p = style; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed, g_ascii_tolower (*p));
  hidden = strstr (squeezed->str, "display:none") != NULL;
  g_string_free (squeezed, TRUE);
  return hidden;
}

static gboolean
find_table_cb (xmlNode   *node,
               gpointer   data,
               gboolean  *descend,
               GError   **error)
{
  xmlNode **table = data;

  if (*table != NULL || is_invisible (node))
    *descend = FALSE;
  else if (is_element (node, "table"))
    {
      *table = node;
      *descend = FALSE;
    }
  return TRUE;
}

static const char *const separating_elements[] = {
  "br", "p", "div", "li", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", NULL,
};

static gboolean
cell_text_cb (xmlNode   *node,
              gpointer   data,
              gboolean  *descend,
              GError   **error)
{
  GString *out = data;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        g_string_append (out, (const char *) node->content);
      return TRUE;
    }
  if (node->type != XML_ELEMENT_NODE || is_invisible (node))
    {
      *descend = FALSE;
      return TRUE;
    }
  /* a line break or a paragraph within a box separates words */
  for (guint i = 0; separating_elements[i] != NULL; i++)
    if (is_element (node, separating_elements[i]))
      g_string_append_c (out, ' ');
  return TRUE;
}

/* The box's text as a browser shows it: runs of blanks and no-break
 * spaces are one space, none at the ends. */
static char *
dup_box_text (xmlNode  *box,
              GError  **error)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean blank = FALSE;

  if (!nb_xml_walk (box, cell_text_cb, NULL, raw, error))
    return NULL;
  for (const char *p = raw->str; *p != '\0';)
    {
      gsize n = blank_at (p, raw->str + raw->len);

      if (n > 0 && n < 3)
        {
          blank = TRUE;
          p += n;
          continue;
        }
      if (blank && text->len > 0)
        g_string_append_c (text, ' ');
      blank = FALSE;
      n = MAX (n, 1);
      g_string_append_len (text, p, n);
      p += n;
    }
  return dup_trimmed (text->str, text->len);
}

/* The table's rows, its own: not those of a table nested in a box. */
static GPtrArray *
table_rows (xmlNode *table)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (xmlNode *child = table->children; child != NULL; child = child->next)
    {
      if (is_element (child, "tr") && !is_hidden (child))
        g_ptr_array_add (rows, child);
      else if (is_element (child, "thead") || is_element (child, "tbody") || is_element (child, "tfoot"))
        for (xmlNode *row = child->children; row != NULL; row = row->next)
          if (is_element (row, "tr") && !is_hidden (row))
            g_ptr_array_add (rows, row);
    }
  return rows;
}

static guint
span_attr (xmlNode    *box,
           const char *name)
{
  g_autofree char *value = nb_xml_get_attr (box, name);
  guint64 span;

  if (value == NULL)
    return 1;
  span = g_ascii_strtoull (g_strstrip (value), NULL, 10);
  return (guint) MIN (span, NB_PASTE_MAX_CELLS + 1);
}

static gboolean
is_free (GPtrArray *row,
         guint      column)
{
  return column >= row->len || g_ptr_array_index (row, column) == NULL;
}

static void
occupy (GPtrArray *row,
        guint      column,
        char      *text)
{
  if (column >= row->len)
    g_ptr_array_set_size (row, column + 1);
  if (row->pdata[column] == NULL)
    row->pdata[column] = text;
  else
    g_free (text);   /* boxes that overlap: the first one keeps the place */
}

typedef struct
{
  GPtrArray *rows;      /* GPtrArray of char *, NULL where no box is yet */
  guint64    covered;   /* places claimed by the boxes so far */
} Spread;

/* Puts @box into row @r at the first free place, and claims the places
 * it spans to the right and below. */
static gboolean
place_box (Spread   *spread,
           guint     r,
           guint    *column,
           xmlNode  *box,
           GError  **error)
{
  GPtrArray *row = g_ptr_array_index (spread->rows, r);
  guint n_rows = spread->rows->len;
  guint colspan = MAX (span_attr (box, "colspan"), 1);
  guint rowspan = span_attr (box, "rowspan");
  char *text;

  /* rowspan="0" spans the rest of the table */
  if (rowspan == 0 || rowspan > n_rows - r)
    rowspan = n_rows - r;
  while (!is_free (row, *column))
    ++*column;
  spread->covered += (guint64) colspan * rowspan;
  if (spread->covered > NB_PASTE_MAX_CELLS || (guint64) *column + colspan > NB_PASTE_MAX_CELLS)
    return refuse_cells (error);
  if ((text = dup_box_text (box, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < rowspan; i++)
    for (guint j = 0; j < colspan; j++)
      occupy (g_ptr_array_index (spread->rows, r + i), *column + j,
              i == 0 && j == 0 ? g_steal_pointer (&text) : g_strdup (""));
  *column += colspan;
  return TRUE;
}

static gboolean
spread_table (xmlNode    *table,
              GPtrArray  *rows,
              GError    **error)
{
  g_autoptr(GPtrArray) trs = table_rows (table);
  Spread spread = { rows, 0 };

  if (trs->len > NB_PASTE_MAX_CELLS)
    return refuse_cells (error);
  for (guint r = 0; r < trs->len; r++)
    g_ptr_array_add (rows, g_ptr_array_new_with_free_func (g_free));
  for (guint r = 0; r < trs->len; r++)
    {
      xmlNode *tr = g_ptr_array_index (trs, r);
      guint column = 0;

      for (xmlNode *box = tr->children; box != NULL; box = box->next)
        if ((is_element (box, "td") || is_element (box, "th")) &&
            !place_box (&spread, r, &column, box, error))
          return FALSE;
    }
  return TRUE;
}

static xmlDoc *
parse_html (const char  *data,
            gsize        size,
            GError     **error)
{
  g_auto(NbDecodedText) decoded = { 0 };
  xmlDoc *doc;

  /* Browsers put UTF-16 on the clipboard, office programs UTF-8 or a
   * declared charset; the decoder knows them all. */
  if (!nb_text_decode (data, size, &decoded, error))
    return NULL;
  doc = htmlReadMemory (decoded.text, (int) decoded.length, NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_IGNORE_ENC);
  if (doc == NULL)
    g_set_error_literal (error, NB_ERROR, NB_ERROR_INVALID, _("The copied HTML could not be read"));
  return doc;
}

/**
 * nb_paste_block_new_from_html:
 * @data: an HTML document or fragment, as `text/html` on the clipboard
 * @size: its size in bytes
 * @error: return location for a #GError
 *
 * Reads the first `<table>` of the HTML, as Excel, WPS, Word,
 * LibreOffice and browsers put a copied table on the clipboard. Each
 * box's text is its text content with blanks collapsed; a box spanning
 * several places (`colspan`, `rowspan`) has its text in the first and
 * leaves the others empty. Rows styled `display:none` are left out.
 *
 * Returns: (transfer full) (nullable): the block, or %NULL with
 *   %NB_ERROR_INVALID when there is no table with cells, or
 *   %NB_ERROR_TOO_LARGE beyond %NB_PASTE_MAX_SIZE bytes or
 *   %NB_PASTE_MAX_CELLS cells
 */
NbPasteBlock *
nb_paste_block_new_from_html (const char  *data,
                              gsize        size,
                              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *table = NULL;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  if (!refuse_size (size, error))
    return NULL;
  if (size == 0)
    {
      refuse_empty (error);
      return NULL;
    }
  if ((doc = parse_html (data, size, error)) == NULL)
    return NULL;
  if (!nb_xml_walk ((xmlNode *) doc, find_table_cb, NULL, &table, error))
    return NULL;
  if (table == NULL)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_INVALID, _("The copied HTML holds no table"));
      return NULL;
    }
  if (!spread_table (table, rows, error))
    return NULL;
  return block_new (rows, error);
}

/* The block */

void
nb_paste_block_free (NbPasteBlock *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->texts);
  g_free (self);
}

guint
nb_paste_block_get_n_rows (NbPasteBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

guint
nb_paste_block_get_n_columns (NbPasteBlock *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

/**
 * nb_paste_block_get_text:
 * @self: a block
 * @row: a row, from 0
 * @column: a column, from 0
 *
 * Returns: (transfer none): the text of that place, trimmed; "" when empty
 */
const char *
nb_paste_block_get_text (NbPasteBlock *self,
                         guint         row,
                         guint         column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);

  return self->texts[row * self->n_columns + column];
}

/* Labels are compared without blanks: a word processor may break or
 * pad them. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  return g_string_free (out, FALSE);
}

static gboolean
same_label (const char *label,
            const char *text)
{
  g_autofree char *a = squeeze (label);
  g_autofree char *b = squeeze (text);

  return g_str_equal (a, b);
}

static const char *
text_at (NbPasteBlock *self,
         guint         row,
         guint         column)
{
  return column < self->n_columns ? self->texts[row * self->n_columns + column] : "";
}

/**
 * nb_paste_block_match_table:
 * @self: a block
 * @template: the report's template
 * @table: the index of a template table
 *
 * Recognises a whole table as Nianbao copies it (nb_text_writer_append_table()
 * or nb_html_writer_write_table()), from this report or another: the
 * block has the rows of the table's layout, no more columns, and at
 * the place of every label of the layout (headers, group and row
 * labels, the note) the label's text, blanks aside. Columns missing on
 * the right are empty.
 *
 * Returns: (transfer full) (nullable): the texts of the table's cells
 *   in template order, or %NULL when the block is not the table
 */
char **
nb_paste_block_match_table (NbPasteBlock *self,
                            NbTemplate   *template,
                            guint         table)
{
  g_autoptr(NbTableLayout) layout = NULL;
  GPtrArray *tables;
  NbTemplateTable *info;
  const NbLayoutItem *items;
  guint n_items;
  char **texts;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (NB_IS_TEMPLATE (template), NULL);
  tables = nb_template_get_tables (template);
  g_return_val_if_fail (table < tables->len, NULL);

  info = g_ptr_array_index (tables, table);
  layout = nb_table_layout_new (template, table);
  if (self->n_rows != nb_table_layout_get_n_rows (layout) ||
      self->n_columns > nb_table_layout_get_n_columns (layout))
    return NULL;

  items = nb_table_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    if (items[i].kind != NB_LAYOUT_CELL && items[i].text != NULL &&
        !same_label (items[i].text, text_at (self, items[i].row, items[i].column)))
      return NULL;

  texts = g_new0 (char *, info->n_cells + 1);
  for (guint c = 0; c < info->n_cells; c++)
    texts[c] = g_strdup ("");
  for (guint i = 0; i < n_items; i++)
    if (items[i].kind == NB_LAYOUT_CELL)
      {
        guint c = items[i].cell - info->first_cell;

        g_free (texts[c]);
        texts[c] = g_strdup (text_at (self, items[i].row, items[i].column));
      }
  return texts;
}
