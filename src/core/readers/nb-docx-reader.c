/* nb-docx-reader.c — a Word document's body as a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-docx-reader"

#include "config.h"

#include "nb-readers.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-grid-builder.h"
#include "nb-xml-util.h"

/* word/document.xml: paragraphs (w:p) of runs (w:r) of text (w:t), and
 * tables (w:tbl) of rows (w:tr) of cells (w:tc) that span grid columns
 * (w:gridSpan) and continue the cell above (w:vMerge). Tracked changes
 * are read as accepted: insertions (w:ins) kept, deletions (w:del) and
 * text moved away (w:moveFrom) dropped. */

typedef struct
{
  NbSource      *source;
  GString       *paragraph;
  guint          n_paragraphs;
  NbGridBuilder *grid;
  xmlNode       *table;
  xmlNode       *cell;
  GString       *cell_text;
  guint          colspan;
} DocxWalk;

/* Parts of the tree with no text of the document, or text that is not
 * there once the tracked changes are accepted. */
static const char *const skipped[] = {
  "del", "moveFrom", "delText", "instrText", "Fallback", "pPr", "rPr", "tcPr", "trPr",
  "tblPr", "tblGrid", "sectPr", "footnoteReference", "endnoteReference", "commentReference",
  NULL,
};

static gboolean
is_skipped (xmlNode *node)
{
  for (guint i = 0; skipped[i] != NULL; i++)
    if (nb_xml_is (node, skipped[i]))
      return TRUE;
  return FALSE;
}

static guint
val_uint (xmlNode *node,
          guint    fallback)
{
  g_autofree char *value = node ? nb_xml_get_attr (node, "val") : NULL;
  guint64 n;

  if (value == NULL)
    return fallback;
  n = g_ascii_strtoull (value, NULL, 10);
  return (guint) CLAMP (n, 1, NB_SOURCE_MAX_SPAN);
}

static gboolean
flush_paragraph (DocxWalk  *walk,
                 GError   **error)
{
  NbPlace place = { NB_PLACE_PARAGRAPH, walk->n_paragraphs, 0, 0 };
  char *text = g_strstrip (walk->paragraph->str);

  if (*text != '\0' && !nb_source_add_paragraph (walk->source, text, -1, &place))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The document holds more text than any report"));
      return FALSE;
    }
  g_string_truncate (walk->paragraph, 0);
  return TRUE;
}

/* A row marked deleted in tracked changes is not there. */
static gboolean
row_is_deleted (xmlNode *row)
{
  xmlNode *properties = nb_xml_child (row, "trPr");

  return properties != NULL && nb_xml_child (properties, "del") != NULL;
}

static void
begin_row (DocxWalk *walk,
           xmlNode  *row)
{
  xmlNode *properties = nb_xml_child (row, "trPr");
  xmlNode *before = properties ? nb_xml_child (properties, "gridBefore") : NULL;

  nb_grid_builder_begin_row (walk->grid);
  if (before != NULL)
    nb_grid_builder_add_cell (walk->grid, "", 0, val_uint (before, 1), 1, NULL);
}

/* Returns FALSE for a cell that continues the one above (w:vMerge
 * without restart): its text, if any, is not read. */
static gboolean
begin_cell (DocxWalk *walk,
            xmlNode  *cell)
{
  xmlNode *properties = nb_xml_child (cell, "tcPr");
  xmlNode *merge = properties ? nb_xml_child (properties, "vMerge") : NULL;
  guint colspan = val_uint (properties ? nb_xml_child (properties, "gridSpan") : NULL, 1);
  g_autofree char *merge_value = merge ? nb_xml_get_attr (merge, "val") : NULL;

  if (merge != NULL && g_strcmp0 (merge_value, "restart") != 0)
    {
      nb_grid_builder_merge_up (walk->grid, colspan);
      return FALSE;
    }
  walk->cell = cell;
  walk->colspan = colspan;
  g_string_truncate (walk->cell_text, 0);
  return TRUE;
}

static gboolean
enter_node (xmlNode   *node,
            gpointer   data,
            gboolean  *descend,
            GError   **error)
{
  DocxWalk *walk = data;
  GString *out = walk->cell != NULL ? walk->cell_text : walk->paragraph;

  if (node->type != XML_ELEMENT_NODE || is_skipped (node))
    {
      *descend = node->type == XML_DOCUMENT_NODE;
      return TRUE;
    }
  if (nb_xml_is (node, "t"))
    {
      g_autofree char *text = (char *) xmlNodeGetContent (node);

      if (text != NULL)
        g_string_append (out, text);
      *descend = FALSE;
    }
  else if (nb_xml_is (node, "tab") || nb_xml_is (node, "ptab"))
    g_string_append_c (out, ' ');
  else if (nb_xml_is (node, "br") || nb_xml_is (node, "cr"))
    g_string_append_c (out, walk->cell != NULL ? ' ' : '\n');
  else if (nb_xml_is (node, "noBreakHyphen"))
    g_string_append_c (out, '-');
  else if (nb_xml_is (node, "tbl") && walk->grid == NULL)
    {
      if (!flush_paragraph (walk, error))
        return FALSE;
      walk->grid = nb_grid_builder_new (walk->source);
      walk->table = node;
    }
  else if (nb_xml_is (node, "tr") && walk->grid != NULL && walk->cell == NULL)
    {
      if (row_is_deleted (node))
        *descend = FALSE;
      else
        begin_row (walk, node);
    }
  else if (nb_xml_is (node, "tc") && walk->grid != NULL && walk->cell == NULL)
    *descend = begin_cell (walk, node);
  else if (nb_xml_is (node, "p") && walk->cell != NULL && walk->cell_text->len > 0)
    g_string_append_c (walk->cell_text, ' ');
  return TRUE;
}

static gboolean
leave_node (xmlNode   *node,
            gpointer   data,
            GError   **error)
{
  DocxWalk *walk = data;

  if (node == walk->cell)
    {
      walk->cell = NULL;
      g_strstrip (walk->cell_text->str);
      return nb_grid_builder_add_cell (walk->grid, walk->cell_text->str, -1,
                                       walk->colspan, 1, error);
    }
  if (node == walk->table)
    {
      gboolean ok = nb_grid_builder_finish (walk->grid, error);

      g_clear_pointer (&walk->grid, nb_grid_builder_free);
      walk->table = NULL;
      return ok;
    }
  if (nb_xml_is (node, "p") && walk->grid == NULL)
    {
      walk->n_paragraphs++;
      return flush_paragraph (walk, error);
    }
  return TRUE;
}

/**
 * nb_docx_read:
 * @zip: a Word document's archive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the body's paragraphs and tables
 */
NbSource *
nb_docx_read (NbZip   *zip,
              GError **error)
{
  g_autoptr(xmlDoc) doc = nb_zip_read_xml (zip, "word/document.xml", TRUE, error);
  g_autoptr(NbSource) source = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GString) cell_text = g_string_new (NULL);
  DocxWalk walk = { 0 };
  gboolean ok;

  if (doc == NULL)
    return NULL;
  source = nb_source_new ();
  walk.source = source;
  walk.paragraph = paragraph;
  walk.cell_text = cell_text;
  ok = nb_xml_walk (xmlDocGetRootElement (doc), enter_node, leave_node, &walk, error) &&
       flush_paragraph (&walk, error);
  if (ok && walk.grid != NULL)
    ok = nb_grid_builder_finish (walk.grid, error);
  g_clear_pointer (&walk.grid, nb_grid_builder_free);
  if (!ok)
    return NULL;
  return g_steal_pointer (&source);
}
