/* nb-xlsx-reader.c — an Excel workbook's sheets as a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-xlsx-reader"

#include "config.h"

#include "nb-readers.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-grid-builder.h"
#include "nb-xml-util.h"

/* Each sheet is one table: its cells by their references (B7), texts from
 * the shared strings, merged ranges (A1:C2) as spans. A report typed into
 * a workbook has its narrative in cells too; they are lines like any
 * other. */

#define MAX_SHEETS 64
#define MAX_ROWS   100000
/* A longer run of empty rows ends a table: what stands below it is read
 * as a table of its own, not as rows of a grid mostly empty. */
#define MAX_EMPTY_ROWS 1000

typedef struct
{
  guint  row;        /* 0-based */
  guint  column;
  char  *text;
} SheetCell;

typedef struct
{
  guint row;
  guint column;
  guint rowspan;
  guint colspan;
} Merge;

static void
sheet_cell_clear (gpointer data)
{
  g_free (((SheetCell *) data)->text);
}

/* "B7" → row 6, column 1. */
static gboolean
parse_reference (const char *reference,
                 guint      *row,
                 guint      *column)
{
  const char *p = reference;
  guint64 c = 0, r = 0;

  while (g_ascii_isalpha (*p) && c <= NB_SOURCE_MAX_COLUMNS)
    c = c * 26 + (g_ascii_toupper (*p++) - 'A' + 1);
  while (g_ascii_isdigit (*p) && r <= MAX_ROWS)
    r = r * 10 + (*p++ - '0');
  if (c == 0 || r == 0 || c > NB_SOURCE_MAX_COLUMNS || r > MAX_ROWS)
    return FALSE;
  *row = r - 1;
  *column = c - 1;
  return TRUE;
}

/* "7" → row 6; FALSE for what is not a row number. */
static gboolean
parse_row_number (const char *text,
                  guint      *row)
{
  guint64 r = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      r = MIN (r * 10 + (guint64) (*p - '0'), (guint64) MAX_ROWS + 1);
    }
  if (r == 0)
    return FALSE;
  *row = (guint) r - 1;
  return TRUE;
}

/* Shared strings */

static gboolean
enter_string (xmlNode   *node,
              gpointer   data,
              gboolean  *descend,
              GError   **error)
{
  GString *out = data;

  if (node->type != XML_ELEMENT_NODE || nb_xml_is (node, "rPh") || nb_xml_is (node, "rPr"))
    {
      *descend = FALSE;
      return TRUE;
    }
  if (nb_xml_is (node, "t"))
    {
      g_autofree char *text = (char *) xmlNodeGetContent (node);

      if (text != NULL)
        g_string_append (out, text);
      *descend = FALSE;
    }
  return TRUE;
}

static char *
rich_text (xmlNode  *node,
           GError  **error)
{
  GString *out = g_string_new (NULL);

  if (!nb_xml_walk (node, enter_string, NULL, out, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
read_shared_strings (NbZip   *zip,
                     GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(xmlDoc) doc = nb_zip_read_xml (zip, "xl/sharedStrings.xml", FALSE, &local_error);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  if (doc == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_steal_pointer (&strings);
    }
  for (xmlNode *si = xmlDocGetRootElement (doc)->children; si != NULL; si = si->next)
    {
      char *text;

      if (!nb_xml_is (si, "si"))
        continue;
      if (strings->len >= NB_SOURCE_MAX_PIECES)
        break;
      text = rich_text (si, error);
      if (text == NULL)
        return NULL;
      g_ptr_array_add (strings, text);
    }
  return g_steal_pointer (&strings);
}

/* Sheets */

static char *
cell_value (xmlNode   *cell,
            GPtrArray *strings,
            GError   **error)
{
  g_autofree char *type = nb_xml_get_attr (cell, "t");
  xmlNode *value = nb_xml_child (cell, "v");
  g_autofree char *text = value ? (char *) xmlNodeGetContent (value) : NULL;

  if (g_strcmp0 (type, "inlineStr") == 0)
    {
      xmlNode *inline_string = nb_xml_child (cell, "is");

      return inline_string ? rich_text (inline_string, error) : g_strdup ("");
    }
  if (text == NULL)
    return g_strdup ("");
  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (text, NULL, 10);

      if (index >= strings->len)
        return g_strdup ("");
      return g_strdup (g_ptr_array_index (strings, index));
    }
  if (type == NULL || g_strcmp0 (type, "n") == 0)
    {
      char *end = NULL;
      double number = g_ascii_strtod (text, &end);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      /* 0.1 is stored as 0.10000000000000001: show it as Excel does */
      if (end != NULL && *end == '\0' && end != text)
        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", number));
    }
  return g_steal_pointer (&text);
}

static gboolean
read_cells (xmlNode    *sheet_data,
            GPtrArray  *strings,
            GArray     *cells,
            GError    **error)
{
  guint next_row = 0;

  for (xmlNode *row = sheet_data->children; row != NULL; row = row->next)
    {
      g_autofree char *row_reference = NULL;
      guint row_index = next_row;
      guint next_column = 0;

      if (!nb_xml_is (row, "row"))
        continue;
      row_reference = nb_xml_get_attr (row, "r");
      /* a number that is not one (r="x", r="0") is the next row's */
      if (row_reference != NULL && parse_row_number (row_reference, &row_index) &&
          row_index >= MAX_ROWS)
        break;
      next_row = row_index + 1;

      for (xmlNode *c = row->children; c != NULL; c = c->next)
        {
          g_autofree char *reference = NULL;
          SheetCell cell = { row_index, next_column, NULL };
          guint r;

          if (!nb_xml_is (c, "c"))
            continue;
          reference = nb_xml_get_attr (c, "r");
          /* a reference that is not one is the next column's */
          if (reference != NULL && !parse_reference (reference, &r, &cell.column))
            cell.column = next_column;
          next_column = cell.column + 1;
          if (cell.column >= NB_SOURCE_MAX_COLUMNS)
            continue;
          if (cells->len >= NB_SOURCE_MAX_PIECES)
            {
              g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                           _("The workbook has more cells than any report"));
              return FALSE;
            }
          cell.text = cell_value (c, strings, error);
          if (cell.text == NULL)
            return FALSE;
          g_strstrip (cell.text);
          g_array_append_val (cells, cell);
        }
    }
  return TRUE;
}

static void
read_merges (xmlNode *merge_cells,
             GArray  *merges)
{
  for (xmlNode *m = merge_cells->children; m != NULL; m = m->next)
    {
      g_autofree char *reference = NULL;
      g_auto(GStrv) corners = NULL;
      Merge merge;
      guint last_row, last_column;

      if (!nb_xml_is (m, "mergeCell") || merges->len >= NB_SOURCE_MAX_PIECES)
        continue;
      reference = nb_xml_get_attr (m, "ref");
      if (reference == NULL)
        continue;
      corners = g_strsplit (reference, ":", 2);
      if (corners[1] == NULL || !parse_reference (corners[0], &merge.row, &merge.column) ||
          !parse_reference (corners[1], &last_row, &last_column) ||
          last_row < merge.row || last_column < merge.column)
        continue;
      merge.rowspan = last_row - merge.row + 1;
      merge.colspan = last_column - merge.column + 1;
      g_array_append_val (merges, merge);
    }
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const SheetCell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column ? 1 : 0;
}

static gpointer
merge_key (guint row,
           guint column)
{
  return GUINT_TO_POINTER (row * NB_SOURCE_MAX_COLUMNS + column + 1);
}

static gboolean
add_sheet (NbSource   *source,
           xmlDoc     *doc,
           GPtrArray  *strings,
           GError    **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *sheet_data = nb_xml_child (root, "sheetData");
  xmlNode *merge_cells = nb_xml_child (root, "mergeCells");
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (SheetCell));
  g_autoptr(GArray) merges = g_array_new (FALSE, FALSE, sizeof (Merge));
  g_autoptr(NbGridBuilder) grid = NULL;
  g_autoptr(GHashTable) origins = g_hash_table_new (NULL, NULL);
  guint row = 0;

  g_array_set_clear_func (cells, sheet_cell_clear);
  if (sheet_data == NULL)
    return TRUE;
  if (!read_cells (sheet_data, strings, cells, error))
    return FALSE;
  if (merge_cells != NULL)
    read_merges (merge_cells, merges);
  g_array_sort (cells, compare_cells);
  for (guint i = 0; i < merges->len; i++)
    {
      Merge *merge = &g_array_index (merges, Merge, i);

      g_hash_table_insert (origins, merge_key (merge->row, merge->column), merge);
    }

  grid = nb_grid_builder_new (source);
  for (guint i = 0; i < cells->len; i++)
    {
      SheetCell *cell = &g_array_index (cells, SheetCell, i);
      const Merge *merge = g_hash_table_lookup (origins, merge_key (cell->row, cell->column));

      if (cell->row > row + MAX_EMPTY_ROWS)
        {
          if (!nb_grid_builder_finish (grid, error))
            return FALSE;
          nb_grid_builder_free (grid);
          grid = nb_grid_builder_new (source);
          row = cell->row;
        }
      if (i == 0 || cell->row != g_array_index (cells, SheetCell, i - 1).row)
        {
          /* rows without cells keep their numbers */
          while (row <= cell->row)
            {
              nb_grid_builder_begin_row (grid);
              row++;
            }
        }
      if (*cell->text == '\0' && merge == NULL)
        continue;
      nb_grid_builder_skip_to (grid, cell->column);
      if (!nb_grid_builder_add_cell (grid, cell->text, -1, merge ? merge->colspan : 1,
                                     merge ? merge->rowspan : 1, error))
        return FALSE;
    }
  return nb_grid_builder_finish (grid, error);
}

/* The sheets' parts in workbook order, by the workbook's relationships. */
static GPtrArray *
sheet_paths (NbZip   *zip,
             GError **error)
{
  g_autoptr(xmlDoc) workbook = nb_zip_read_xml (zip, "xl/workbook.xml", TRUE, error);
  g_autoptr(xmlDoc) rels = NULL;
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  xmlNode *sheets;

  if (workbook == NULL)
    return NULL;
  rels = nb_zip_read_xml (zip, "xl/_rels/workbook.xml.rels", FALSE, error);
  if (rels == NULL && error != NULL && *error != NULL)
    return NULL;
  for (xmlNode *r = rels ? xmlDocGetRootElement (rels)->children : NULL; r != NULL; r = r->next)
    if (nb_xml_is (r, "Relationship"))
      {
        char *id = nb_xml_get_attr (r, "Id");
        char *target = nb_xml_get_attr (r, "Target");

        if (id != NULL && target != NULL)
          g_hash_table_replace (targets, id, target);
        else
          {
            g_free (id);
            g_free (target);
          }
      }

  sheets = nb_xml_child (xmlDocGetRootElement (workbook), "sheets");
  for (xmlNode *s = sheets ? sheets->children : NULL;
       s != NULL && paths->len < MAX_SHEETS; s = s->next)
    {
      g_autofree char *id = NULL;
      const char *target;

      if (!nb_xml_is (s, "sheet"))
        continue;
      id = nb_xml_get_attr (s, "id");
      target = id ? g_hash_table_lookup (targets, id) : NULL;
      if (target == NULL)
        g_ptr_array_add (paths, g_strdup_printf ("xl/worksheets/sheet%u.xml", paths->len + 1));
      else if (target[0] == '/')
        g_ptr_array_add (paths, g_strdup (target + 1));
      else
        g_ptr_array_add (paths, g_strconcat ("xl/", target, NULL));
    }
  return g_steal_pointer (&paths);
}

/**
 * nb_xlsx_read:
 * @zip: an Excel workbook's archive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): each sheet as one table
 */
NbSource *
nb_xlsx_read (NbZip   *zip,
              GError **error)
{
  g_autoptr(GPtrArray) paths = sheet_paths (zip, error);
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(NbSource) source = NULL;

  if (paths == NULL)
    return NULL;
  strings = read_shared_strings (zip, error);
  if (strings == NULL)
    return NULL;

  source = nb_source_new ();
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(xmlDoc) sheet = nb_zip_read_xml (zip, g_ptr_array_index (paths, i), FALSE,
                                                 &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (sheet != NULL && !add_sheet (source, sheet, strings, error))
        return NULL;
    }
  return g_steal_pointer (&source);
}
