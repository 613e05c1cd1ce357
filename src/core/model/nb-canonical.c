/* nb-canonical.c — the `.nianbao.json` file: the report as JSON and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-canonical"

#include "config.h"

#include "nb-canonical.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "nb-number.h"
#include "nb-report-private.h"
#include "nb-template-private.h"

/* The writer is our own rather than JsonGenerator: the file must be
 * byte-for-byte deterministic, amounts must be written as exact decimals
 * (never through a double), and the layout is one table row per line so
 * that version control shows which row changed. */

/* Writing */

void
nb_canonical_append_string (GString    *out,
                            const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
newline (GString  *out,
         gboolean  pretty,
         guint     depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_key (GString    *out,
            const char *key,
            gboolean    pretty)
{
  nb_canonical_append_string (out, key);
  g_string_append (out, pretty ? ": " : ":");
}

static void append_node (GString  *out,
                         JsonNode *node,
                         gboolean  pretty,
                         guint     depth);

static void
append_object (GString    *out,
               JsonObject *object,
               gboolean    pretty,
               guint       depth)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (members == NULL)
    {
      g_string_append (out, "{}");
      return;
    }
  g_string_append_c (out, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      newline (out, pretty, depth + 1);
      append_key (out, l->data, pretty);
      append_node (out, json_object_get_member (object, l->data), pretty, depth + 1);
      if (l->next != NULL)
        g_string_append_c (out, ',');
    }
  newline (out, pretty, depth);
  g_string_append_c (out, '}');
}

static void
append_array (GString   *out,
              JsonArray *array,
              gboolean   pretty,
              guint      depth)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      newline (out, pretty, depth + 1);
      append_node (out, json_array_get_element (array, i), pretty, depth + 1);
      if (i + 1 < n)
        g_string_append_c (out, ',');
    }
  newline (out, pretty, depth);
  g_string_append_c (out, ']');
}

/* Extensions are written back as read, in the same layout as the rest. */
static void
append_node (GString  *out,
             JsonNode *node,
             gboolean  pretty,
             guint     depth)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), pretty, depth);
      return;
    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), pretty, depth);
      return;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return;
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      nb_canonical_append_string (out, json_node_get_string (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
    default:
      g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      break;
    }
}

static void
append_cell (GString  *out,
             NbReport *report,
             guint     cell)
{
  const NbCellData *data = &nb_report_peek_cells (report)[cell];

  switch (data->state)
    {
    case NB_CELL_STATE_EMPTY:
      g_string_append (out, "null");
      break;
    case NB_CELL_STATE_VALUE:
      nb_number_append (out, data->value,
                        nb_template_get_cell_kind (nb_report_get_template (report), cell));
      break;
    case NB_CELL_STATE_MARK:
    case NB_CELL_STATE_INVALID:
    default:
      /* kept as written, so nothing typed is lost */
      nb_canonical_append_string (out, data->text);
      break;
    }
}

/**
 * nb_canonical_append_cell:
 * @out: where to append
 * @report: a report
 * @cell: a cell index
 *
 * Appends the cell's value as the canonical file holds it: a number, the
 * text as written for a mark or invalid text, or `null` when empty.
 */
void
nb_canonical_append_cell (GString  *out,
                          NbReport *report,
                          guint     cell)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (cell < nb_report_get_n_cells (report));

  append_cell (out, report, cell);
}

static void
append_row (GString         *out,
            NbReport        *report,
            NbTemplateTable *table,
            NbTemplateRow   *row,
            gboolean         pretty)
{
  g_string_append (out, pretty ? "{ " : "{");
  for (guint c = 0; c < row->n_columns; c++)
    {
      NbTemplateColumn *column = g_ptr_array_index (table->columns, row->columns[c]);

      if (c > 0)
        g_string_append (out, pretty ? ", " : ",");
      append_key (out, column->id, pretty);
      append_cell (out, report, row->first_cell + c);
    }
  g_string_append (out, pretty ? " }" : "}");
}

static void
append_tables (GString  *out,
               NbReport *report,
               gboolean  pretty)
{
  GPtrArray *tables = nb_template_get_tables (nb_report_get_template (report));

  g_string_append_c (out, '{');
  for (guint t = 0; t < tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (tables, t);

      newline (out, pretty, 2);
      append_key (out, table->id, pretty);
      g_string_append_c (out, '{');
      for (guint r = 0; r < table->rows->len; r++)
        {
          NbTemplateRow *row = g_ptr_array_index (table->rows, r);

          newline (out, pretty, 3);
          append_key (out, row->id, pretty);
          append_row (out, report, table, row, pretty);
          if (r + 1 < table->rows->len)
            g_string_append_c (out, ',');
        }
      newline (out, pretty, 2);
      g_string_append_c (out, '}');
      if (t + 1 < tables->len)
        g_string_append_c (out, ',');
    }
  newline (out, pretty, 1);
  g_string_append_c (out, '}');
}

static void
append_sections (GString  *out,
                 NbReport *report,
                 gboolean  pretty)
{
  NbTemplate *template = nb_report_get_template (report);
  guint n = nb_template_get_n_sections (template);
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint s = 0; s < n; s++)
    {
      if (!nb_template_section_is_narrative (template, s))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      newline (out, pretty, 2);
      g_string_append (out, pretty ? "{ " : "{");
      append_key (out, "id", pretty);
      nb_canonical_append_string (out, nb_template_get_section_id (template, s));
      g_string_append (out, pretty ? ", " : ",");
      append_key (out, "heading", pretty);
      nb_canonical_append_string (out, nb_template_get_section_heading (template, s));
      g_string_append (out, pretty ? ", " : ",");
      append_key (out, "text", pretty);
      nb_canonical_append_string (out, nb_report_peek_section (report, s));
      g_string_append (out, pretty ? " }" : "}");
    }
  newline (out, pretty, 1);
  g_string_append_c (out, ']');
}

/* The file the report was imported from: its name, size and checksum, so
 * that the file beside the canonical one is shown only when it is that
 * file. Where it was is left out: the same report gives the same bytes on
 * every machine. */
static void
append_source (GString  *out,
               NbReport *report,
               gboolean  pretty)
{
  guint64 size;
  const char *sha256;
  const char *name = nb_report_get_source_file (report, &size, &sha256, NULL);

  if (name == NULL || sha256 == NULL)
    return;
  g_string_append_c (out, ',');
  newline (out, pretty, 1);
  append_key (out, "source", pretty);
  g_string_append (out, pretty ? "{ " : "{");
  append_key (out, "name", pretty);
  nb_canonical_append_string (out, name);
  g_string_append (out, pretty ? ", " : ",");
  append_key (out, "size", pretty);
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, size);
  g_string_append (out, pretty ? ", " : ",");
  append_key (out, "sha256", pretty);
  nb_canonical_append_string (out, sha256);
  g_string_append (out, pretty ? " }" : "}");
}

/**
 * nb_canonical_append:
 * @out: where to append
 * @report: a report
 * @pretty: the file's layout, or %FALSE for one line (JSON Lines output)
 *
 * Appends the report as a canonical JSON object, without a final newline.
 */
void
nb_canonical_append (GString  *out,
                     NbReport *report,
                     gboolean  pretty)
{
  NbTemplate *template;

  g_return_if_fail (out != NULL);
  g_return_if_fail (NB_IS_REPORT (report));

  template = nb_report_get_template (report);
  g_string_append_c (out, '{');
  newline (out, pretty, 1);
  append_key (out, "format", pretty);
  nb_canonical_append_string (out, NB_CANONICAL_FORMAT);
  g_string_append_c (out, ',');
  newline (out, pretty, 1);
  append_key (out, "version", pretty);
  g_string_append_printf (out, "%d,", NB_CANONICAL_VERSION);
  newline (out, pretty, 1);
  append_key (out, "template", pretty);
  nb_canonical_append_string (out, nb_template_get_id (template));
  g_string_append_c (out, ',');
  newline (out, pretty, 1);
  append_key (out, "organ", pretty);
  nb_canonical_append_string (out, nb_report_get_organ (report));
  g_string_append_c (out, ',');
  newline (out, pretty, 1);
  append_key (out, "year", pretty);
  if (nb_report_get_year (report) == 0)
    g_string_append (out, "null,");
  else
    g_string_append_printf (out, "%u,", nb_report_get_year (report));
  newline (out, pretty, 1);
  append_key (out, "title", pretty);
  nb_canonical_append_string (out, nb_report_get_title (report));
  g_string_append_c (out, ',');
  newline (out, pretty, 1);
  append_key (out, "sections", pretty);
  append_sections (out, report, pretty);
  g_string_append_c (out, ',');
  newline (out, pretty, 1);
  append_key (out, "tables", pretty);
  append_tables (out, report, pretty);
  append_source (out, report, pretty);
  if (nb_report_get_extensions (report) != NULL)
    {
      g_string_append_c (out, ',');
      newline (out, pretty, 1);
      append_key (out, "extensions", pretty);
      append_node (out, nb_report_get_extensions (report), pretty, 1);
    }
  newline (out, pretty, 0);
  g_string_append_c (out, '}');
}

/**
 * nb_canonical_copy:
 * @report: a report
 *
 * A copy that shares nothing with @report, made through its canonical
 * bytes so it holds exactly what a save would: for work in another
 * thread (export, printing) while the user goes on editing.
 *
 * Returns: (transfer full): the copy, not modified, with no undo
 *   history; %NULL with @error set if the bytes do not read back (the
 *   same check a saved file gets)
 */
NbReport *
nb_canonical_copy (NbReport  *report,
                   GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  bytes = nb_canonical_write (report);
  return nb_canonical_read (nb_report_get_template (report), g_bytes_get_data (bytes, NULL),
                            g_bytes_get_size (bytes), error);
}

/**
 * nb_canonical_write:
 * @report: a report
 *
 * Returns: (transfer full): the bytes of the report's `.nianbao.json`:
 *   the same report always gives the same bytes
 */
GBytes *
nb_canonical_write (NbReport *report)
{
  GString *out;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  out = g_string_sized_new (16 * 1024);
  nb_canonical_append (out, report, TRUE);
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

/* Reading: every refusal names the place, as a JSON path */

static gboolean
refuse (GError    **error,
        const char *path,
        const char *problem)
{
  g_set_error (error, NB_ERROR, NB_ERROR_INVALID, "%s: %s", path, problem);
  return FALSE;
}

static gboolean
check_keys (JsonObject          *object,
            const char          *path,
            const char * const  *known,
            GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (known == NULL || !g_strv_contains (known, l->data))
      {
        g_autofree char *where = g_strdup_printf ("%s.%s", path, (char *) l->data);

        return refuse (error, where, _("unknown key"));
      }
  return TRUE;
}

static JsonNode *
require (JsonObject  *object,
         const char  *path,
         const char  *key,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);

      refuse (error, where, _("missing"));
    }
  return node;
}

static const char *
require_string (JsonObject  *object,
                const char  *path,
                const char  *key,
                GError     **error)
{
  JsonNode *node = require (object, path, key, error);

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, key);

      refuse (error, where, _("expected a string"));
      return NULL;
    }
  return json_node_get_string (node);
}

static JsonObject *
require_object (JsonNode    *node,
                const char  *path,
                GError     **error)
{
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (error, path, _("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* Count cells hold whole numbers; amounts any decimal ≥ 0 with at most
 * six places, which a double of at most 15 digits represents exactly
 * enough to recover. */
static gboolean
read_number (JsonNode    *node,
             NbCellKind   kind,
             const char  *path,
             char       **text,
             GError     **error)
{
  gint64 value;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      value = json_node_get_int (node);
      if (value < 0 || value > G_GINT64_CONSTANT (999999999999999))
        return refuse (error, path, _("expected a number ≥ 0 of at most 15 digits"));
      if (kind == NB_CELL_KIND_AMOUNT && value >= 1000000000)
        return refuse (error, path, _("expected an amount ≥ 0 and below 1,000,000,000"));
      *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      return TRUE;
    }

  if (kind == NB_CELL_KIND_COUNT)
    return refuse (error, path, _("expected a whole number ≥ 0"));
  else
    {
      double number = json_node_get_double (node);
      double scaled = number * NB_AMOUNT_SCALE;

      if (!isfinite (number) || number < 0 || number >= 1e9)
        return refuse (error, path, _("expected an amount ≥ 0 and below 1,000,000,000"));
      if (fabs (scaled - round (scaled)) > 1e-3)
        return refuse (error, path, _("expected at most 6 decimal places"));
      *text = nb_number_format ((gint64) llround (scaled), NB_CELL_KIND_AMOUNT);
      return TRUE;
    }
}

static gboolean
read_cell (NbReport    *report,
           guint        cell,
           JsonNode    *node,
           const char  *path,
           GError     **error)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return refuse (error, path, _("expected a number, a string or null"));

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      text = g_strdup (json_node_get_string (node));
      break;
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      if (!read_number (node, nb_template_get_cell_kind (nb_report_get_template (report), cell),
                        path, &text, error))
        return FALSE;
      break;
    default:
      return refuse (error, path, _("expected a number, a string or null"));
    }
  nb_report_load_cell (report, cell, text, -1, 0);
  return TRUE;
}

static gboolean
read_row (NbReport         *report,
          NbTemplateTable  *table,
          NbTemplateRow    *row,
          JsonObject       *object,
          const char       *path,
          GError          **error)
{
  g_autoptr(GStrvBuilder) known = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (guint c = 0; c < row->n_columns; c++)
    {
      NbTemplateColumn *column = g_ptr_array_index (table->columns, row->columns[c]);
      g_autofree char *where = g_strdup_printf ("%s.%s", path, column->id);
      JsonNode *node = require (object, path, column->id, error);

      g_strv_builder_add (known, column->id);
      if (node == NULL || !read_cell (report, row->first_cell + c, node, where, error))
        return FALSE;
    }
  keys = g_strv_builder_end (known);
  return check_keys (object, path, (const char * const *) keys, error);
}

static gboolean
read_tables (NbReport    *report,
             JsonObject  *tables,
             GError     **error)
{
  GPtrArray *template_tables = nb_template_get_tables (nb_report_get_template (report));
  g_autoptr(GStrvBuilder) table_ids = g_strv_builder_new ();
  g_auto(GStrv) known_tables = NULL;

  for (guint t = 0; t < template_tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (template_tables, t);
      g_autofree char *table_path = g_strdup_printf ("$.tables.%s", table->id);
      g_autoptr(GStrvBuilder) row_ids = g_strv_builder_new ();
      g_auto(GStrv) known_rows = NULL;
      JsonObject *rows;

      g_strv_builder_add (table_ids, table->id);
      rows = require_object (require (tables, "$.tables", table->id, error), table_path, error);
      if (rows == NULL)
        return FALSE;

      for (guint r = 0; r < table->rows->len; r++)
        {
          NbTemplateRow *row = g_ptr_array_index (table->rows, r);
          g_autofree char *row_path = g_strdup_printf ("%s.%s", table_path, row->id);
          JsonObject *cells;

          g_strv_builder_add (row_ids, row->id);
          cells = require_object (require (rows, table_path, row->id, error), row_path, error);
          if (cells == NULL || !read_row (report, table, row, cells, row_path, error))
            return FALSE;
        }
      known_rows = g_strv_builder_end (row_ids);
      if (!check_keys (rows, table_path, (const char * const *) known_rows, error))
        return FALSE;
    }
  known_tables = g_strv_builder_end (table_ids);
  return check_keys (tables, "$.tables", (const char * const *) known_tables, error);
}

static gboolean
read_sections (NbReport    *report,
               JsonNode    *node,
               GError     **error)
{
  static const char * const known[] = { "id", "heading", "text", NULL };
  NbTemplate *template = nb_report_get_template (report);
  g_autofree gboolean *seen = g_new0 (gboolean, nb_template_get_n_sections (template));
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, "$.sections", _("expected an array"));
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.sections[%u]", i);
      JsonObject *object = require_object (json_array_get_element (array, i), path, error);
      const char *id, *text;
      int section;

      if (object == NULL ||
          !check_keys (object, path, known, error) ||
          (id = require_string (object, path, "id", error)) == NULL ||
          require_string (object, path, "heading", error) == NULL ||
          (text = require_string (object, path, "text", error)) == NULL)
        return FALSE;

      section = nb_template_lookup_section (template, id);
      if (section < 0 || !nb_template_section_is_narrative (template, section))
        {
          g_autofree char *where = g_strdup_printf ("%s.id", path);

          return refuse (error, where, _("not a narrative section of the template"));
        }
      if (seen[section])
        {
          g_autofree char *where = g_strdup_printf ("%s.id", path);

          return refuse (error, where, _("this section appears twice"));
        }
      seen[section] = TRUE;
      nb_report_load_section (report, section, g_strdup (text), NULL);
    }
  return TRUE;
}

static gboolean
read_version (JsonObject  *root,
              GError     **error)
{
  JsonNode *node = require (root, "$", "version", error);
  gint64 version;

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return refuse (error, "$.version", _("expected a whole number"));
  version = json_node_get_int (node);
  if (version > NB_CANONICAL_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, NB_ERROR, NB_ERROR_NEWER_VERSION,
                   _("$.version: this file is version %s of the Nianbao format, written by a "
                     "newer Nianbao; this one reads up to version %d. Update Nianbao to open it."),
                   number, NB_CANONICAL_VERSION);
      return FALSE;
    }
  if (version < 1)
    return refuse (error, "$.version", _("expected 1"));
  return TRUE;
}

static gboolean
read_header (NbReport    *report,
             JsonObject  *root,
             GError     **error)
{
  NbTemplate *template = nb_report_get_template (report);
  const char *template_id, *organ, *title;
  JsonNode *year;

  if ((template_id = require_string (root, "$", "template", error)) == NULL)
    return FALSE;
  if (!g_str_equal (template_id, nb_template_get_id (template)))
    return refuse (error, "$.template", _("a template this program does not have"));
  if ((organ = require_string (root, "$", "organ", error)) == NULL ||
      (title = require_string (root, "$", "title", error)) == NULL ||
      (year = require (root, "$", "year", error)) == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_NULL (year))
    {
      if (json_node_get_value_type (year) != G_TYPE_INT64 ||
          json_node_get_int (year) < 1 || json_node_get_int (year) > 9999)
        return refuse (error, "$.year", _("expected a year or null"));
      nb_report_set_year (report, json_node_get_int (year));
    }
  nb_report_set_organ (report, organ);
  nb_report_set_title (report, title);
  return TRUE;
}

static gboolean
is_sha256 (const char *text)
{
  gsize n = 0;

  while (g_ascii_isxdigit (text[n]))
    n++;
  return n == 64 && text[n] == '\0';
}

static gboolean
read_source (NbReport    *report,
             JsonNode    *node,
             GError     **error)
{
  static const char * const known[] = { "name", "size", "sha256", NULL };
  JsonObject *source;
  JsonNode *size;
  const char *name, *sha256;

  if ((source = require_object (node, "$.source", error)) == NULL ||
      !check_keys (source, "$.source", known, error) ||
      (name = require_string (source, "$.source", "name", error)) == NULL ||
      (sha256 = require_string (source, "$.source", "sha256", error)) == NULL ||
      (size = require (source, "$.source", "size", error)) == NULL)
    return FALSE;
  /* only a bare name: never a path that leads elsewhere */
  if (*name == '\0' || strchr (name, '/') != NULL || strchr (name, '\\') != NULL ||
      g_str_equal (name, ".") || g_str_equal (name, ".."))
    return refuse (error, "$.source.name", _("expected a file name"));
  if (!is_sha256 (sha256))
    return refuse (error, "$.source.sha256", _("expected 64 hexadecimal digits"));
  if (json_node_get_value_type (size) != G_TYPE_INT64 || json_node_get_int (size) < 0)
    return refuse (error, "$.source.size", _("expected a whole number"));
  nb_report_set_source_file (report, name, json_node_get_int (size), sha256, NULL);
  return TRUE;
}

static gboolean
read_root (NbReport    *report,
           JsonObject  *root,
           GError     **error)
{
  static const char * const known[] = {
    "format", "version", "template", "organ", "year", "title", "sections", "tables",
    "source", "extensions", NULL
  };
  const char *format;
  JsonNode *node;
  JsonObject *tables;

  if ((format = require_string (root, "$", "format", error)) == NULL)
    return FALSE;
  if (!g_str_equal (format, NB_CANONICAL_FORMAT))
    return refuse (error, "$.format", _("not a Nianbao report"));
  /* a newer file may have keys we do not know: say why, not which key */
  if (!read_version (root, error) ||
      !check_keys (root, "$", known, error) ||
      !read_header (report, root, error))
    return FALSE;

  if ((node = require (root, "$", "sections", error)) == NULL ||
      !read_sections (report, node, error))
    return FALSE;
  if ((tables = require_object (require (root, "$", "tables", error), "$.tables", error)) == NULL ||
      !read_tables (report, tables, error))
    return FALSE;

  if ((node = json_object_get_member (root, "source")) != NULL &&
      !read_source (report, node, error))
    return FALSE;
  if ((node = json_object_get_member (root, "extensions")) != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return refuse (error, "$.extensions", _("expected an object"));
      nb_report_set_extensions (report, node);
    }
  return TRUE;
}

/* json-glib parses recursively: refuse nesting that could exhaust the
 * stack before it sees the data. No canonical file nests deeper than 5. */
#define MAX_DEPTH 64

static gboolean
check_depth (const char  *data,
             gsize        size,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > MAX_DEPTH)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                       _("Line %u: the JSON nests deeper than %d levels"), line, MAX_DEPTH);
          return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * nb_canonical_read:
 * @template: the template the file must name
 * @data: the file's bytes
 * @size: their number
 * @error: return location for a #GError
 *
 * Reads a canonical file strictly: a key this version does not know, a
 * value of the wrong type, a missing cell or a newer version refuses the
 * whole file, with the JSON path of the place in the message.
 *
 * Returns: (transfer full) (nullable): the report, unmodified
 */
NbReport *
nb_canonical_read (NbTemplate  *template,
                   const char  *data,
                   gsize        size,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (NB_IS_TEMPLATE (template), NULL);

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("The file is not valid UTF-8"));
      return NULL;
    }
  if (!check_depth (data, size, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …" */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("Broken JSON at line %s"), message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      refuse (error, "$", _("expected an object"));
      return NULL;
    }

  report = nb_report_new (template);
  if (!read_root (report, json_node_get_object (root), error))
    return NULL;
  nb_report_clear_history (report);
  return g_steal_pointer (&report);
}

/* Saving */
