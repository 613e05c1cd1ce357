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
#include "nb-string.h"

/* The writer is our own rather than JsonGenerator: the file must be
 * byte-for-byte deterministic, amounts must be written as exact decimals
 * (never through a double), and the layout is one table row per line so
 * that version control shows which row changed. */

/* Writing */

/* The bytes written other than as they are inside a JSON string: control
 * characters, the quote, the backslash, DEL; and the terminating NUL. */
static const guint8 escaped_bytes[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  ['"'] = 1, ['\\'] = 1, [0x7F] = 1,
};

/* Appends the escape of @c, a byte that escaped_bytes[] marks. */
static void
append_escape (GString *out,
               guchar   c)
{
  static const char hex[] = "0123456789abcdef";
  char escaped[7] = { '\\', 'u', '0', '0' };

  switch (c)
    {
    case '"':
    case '\\':
      escaped[1] = c;
      nb_string_append_len (out, escaped, 2);
      break;
    case '\n':
      nb_string_append_len (out, "\\n", 2);
      break;
    case '\r':
      nb_string_append_len (out, "\\r", 2);
      break;
    case '\t':
      nb_string_append_len (out, "\\t", 2);
      break;
    default:
      escaped[4] = hex[c >> 4];
      escaped[5] = hex[c & 0xF];
      nb_string_append_len (out, escaped, 6);
    }
}

void
nb_canonical_append_string (GString    *out,
                            const char *text)
{
  const guchar *run = (const guchar *) text;

  g_string_append_c (out, '"');
  for (;;)
    {
      gsize n = 0;

      /* copy what needs no escape in one go: almost everything; counted
       * as an index from the run's start, the scan takes four
       * instructions a byte where a moving pointer took six */
      while (!escaped_bytes[run[n]])
        n++;
      if (n > 0)
        nb_string_append_len (out, (const char *) run, n);
      if (run[n] == '\0')
        break;
      append_escape (out, run[n]);
      run += n + 1;
    }
  g_string_append_c (out, '"');
}

/* @spaced in the file's layout, @compact on one line: a branch between
 * two constants, each copied without a strlen(), rather than a strlen()
 * of whichever was chosen. */
static inline void
append_layout (GString    *out,
               gboolean    pretty,
               const char *spaced,
               const char *compact)
{
  if (pretty)
    nb_string_append (out, spaced);
  else
    nb_string_append (out, compact);
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
    nb_string_append (out, "  ");
}

static void
append_key (GString    *out,
            const char *key,
            gboolean    pretty)
{
  nb_canonical_append_string (out, key);
  append_layout (out, pretty, ": ", ":");
}

/* The shortest decimal that reads back as the same double, with a point
 * or exponent so that it reads back as a double (-0.0 stays -0.0). */
static void
append_double (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
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
      nb_string_append (out, "{}");
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
      nb_string_append (out, "[]");
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
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), pretty, depth);
      return;
    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), pretty, depth);
      return;
    case JSON_NODE_NULL:
      nb_string_append (out, "null");
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
      nb_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_INT64:
      nb_number_append_integer (out, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
    default:
      append_double (out, json_node_get_double (node));
      break;
    }
}

static void
append_cell_data (GString          *out,
                  const NbCellData *data,
                  NbCellKind        kind)
{
  switch (data->state)
    {
    case NB_CELL_STATE_EMPTY:
      nb_string_append (out, "null");
      break;
    case NB_CELL_STATE_VALUE:
      /* most cells of most reports are 0, which every kind writes alike */
      if (data->value == 0)
        nb_string_append (out, "0");
      else
        nb_number_append (out, data->value, kind);
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

  append_cell_data (out, &nb_report_peek_cells (report)[cell],
                    nb_template_get_cell_kind (nb_report_get_template (report), cell));
}

/* The frame: what the template alone writes of the sections and the
 * tables, cut into pieces around the holes a report fills, a section's
 * text or a cell's value. Made once, it spares a batch the escaping of
 * the same keys for every report. */

typedef struct
{
  guint      start;    /* in the frame's text */
  guint      length;
  guint      hole;     /* the section or cell written after it */
  NbCellKind kind;     /* a cell's kind */
} Piece;

struct _NbCanonicalFrame
{
  NbTemplate *template;
  gboolean    pretty;
  GString    *text;
  GArray     *sections;  /* Piece: each ends before a section's text, the
                          * last one closes the list */
  GArray     *cells;     /* Piece: each ends before a cell's value, the
                          * last one closes the tables */
  guint       open;      /* where the piece being made starts */
};

/* Ends the piece the frame's text holds from where the last one ended,
 * before @hole. */
static void
cut_piece (NbCanonicalFrame *frame,
           GArray           *pieces,
           guint             hole,
           NbCellKind        kind)
{
  Piece piece = { frame->open, frame->text->len - frame->open, hole, kind };

  g_array_append_val (pieces, piece);
  frame->open = frame->text->len;
}

static void
frame_sections (NbCanonicalFrame *frame)
{
  NbTemplate *template = frame->template;
  GString *out = frame->text;
  gboolean pretty = frame->pretty;
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
      append_layout (out, pretty, "{ ", "{");
      append_key (out, "id", pretty);
      nb_canonical_append_string (out, nb_template_get_section_id (template, s));
      append_layout (out, pretty, ", ", ",");
      append_key (out, "heading", pretty);
      nb_canonical_append_string (out, nb_template_get_section_heading (template, s));
      append_layout (out, pretty, ", ", ",");
      append_key (out, "text", pretty);
      cut_piece (frame, frame->sections, s, 0);
      append_layout (out, pretty, " }", "}");
    }
  newline (out, pretty, 1);
  g_string_append_c (out, ']');
  cut_piece (frame, frame->sections, 0, 0);
}

static void
frame_row (NbCanonicalFrame *frame,
           NbTemplateTable  *table,
           NbTemplateRow    *row)
{
  GString *out = frame->text;
  gboolean pretty = frame->pretty;

  append_layout (out, pretty, "{ ", "{");
  for (guint c = 0; c < row->n_columns; c++)
    {
      NbTemplateColumn *column = g_ptr_array_index (table->columns, row->columns[c]);

      if (c > 0)
        append_layout (out, pretty, ", ", ",");
      append_key (out, column->id, pretty);
      /* a cell's kind is its column's */
      cut_piece (frame, frame->cells, row->first_cell + c, column->kind);
    }
  append_layout (out, pretty, " }", "}");
}

static void
frame_tables (NbCanonicalFrame *frame)
{
  GPtrArray *tables = nb_template_get_tables (frame->template);
  GString *out = frame->text;
  gboolean pretty = frame->pretty;

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
          frame_row (frame, table, row);
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
  cut_piece (frame, frame->cells, 0, 0);
}

static inline void
append_piece (GString                *out,
              const NbCanonicalFrame *frame,
              const Piece            *piece)
{
  nb_string_append_len (out, frame->text->str + piece->start, piece->length);
}

static void
append_sections (GString                *out,
                 NbReport               *report,
                 const NbCanonicalFrame *frame)
{
  const Piece *pieces = (const Piece *) (gpointer) frame->sections->data;
  guint n = frame->sections->len - 1;

  for (guint i = 0; i < n; i++)
    {
      append_piece (out, frame, &pieces[i]);
      nb_canonical_append_string (out, nb_report_peek_section (report, pieces[i].hole));
    }
  append_piece (out, frame, &pieces[n]);
}

static void
append_tables (GString                *out,
               NbReport               *report,
               const NbCanonicalFrame *frame)
{
  const Piece *pieces = (const Piece *) (gpointer) frame->cells->data;
  const NbCellData *cells = nb_report_peek_cells (report);
  guint n = frame->cells->len - 1;

  for (guint i = 0; i < n; i++)
    {
      append_piece (out, frame, &pieces[i]);
      append_cell_data (out, &cells[pieces[i].hole], pieces[i].kind);
    }
  append_piece (out, frame, &pieces[n]);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* One mark: a key is the rule, the cells and "#subject", one to a line. */
static void
append_mark (GString    *out,
             const char *key,
             const char *note,
             gboolean    pretty)
{
  g_auto(GStrv) parts = g_strsplit (key, "\n", -1);
  const char *subject = NULL;
  gboolean first = TRUE;

  append_layout (out, pretty, "{ ", "{");
  append_key (out, "rule", pretty);
  nb_canonical_append_string (out, parts[0]);
  append_layout (out, pretty, ", ", ",");
  append_key (out, "cells", pretty);
  g_string_append_c (out, '[');
  for (guint i = 1; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '#')
        {
          subject = parts[i] + 1;
          continue;
        }
      if (!first)
        append_layout (out, pretty, ", ", ",");
      first = FALSE;
      nb_canonical_append_string (out, parts[i]);
    }
  g_string_append_c (out, ']');
  if (subject != NULL)
    {
      append_layout (out, pretty, ", ", ",");
      append_key (out, "subject", pretty);
      nb_canonical_append_string (out, subject);
    }
  append_layout (out, pretty, ", ", ",");
  append_key (out, "note", pretty);
  nb_canonical_append_string (out, note);
  append_layout (out, pretty, " }", "}");
}

/* The findings a reviewer marked checked, in key order. */
static void
append_checked (GString  *out,
                NbReport *report,
                gboolean  pretty)
{
  GHashTable *checked = nb_report_peek_checked (report);
  guint n;
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (checked, &n);

  qsort (keys, n, sizeof (char *), compare_keys);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      newline (out, pretty, 2);
      append_mark (out, keys[i], g_hash_table_lookup (checked, keys[i]), pretty);
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
  append_layout (out, pretty, "{ ", "{");
  append_key (out, "name", pretty);
  nb_canonical_append_string (out, name);
  append_layout (out, pretty, ", ", ",");
  append_key (out, "size", pretty);
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, size);
  append_layout (out, pretty, ", ", ",");
  append_key (out, "sha256", pretty);
  nb_canonical_append_string (out, sha256);
  append_layout (out, pretty, " }", "}");
}

/* The frame of @template's reports in the layout @pretty asks, made at
 * the first report written and kept on the template for the ones after:
 * making it costs more than writing a report with it. Two threads that
 * make it at once keep the first one made. */
static const NbCanonicalFrame *
template_frame (NbTemplate *template,
                gboolean    pretty)
{
  const char *key = pretty ? "nb-canonical-frame-pretty" : "nb-canonical-frame";
  NbCanonicalFrame *frame = g_object_get_data (G_OBJECT (template), key);

  if (frame != NULL)
    return frame;
  frame = nb_canonical_frame_new (template, pretty);
  if (!g_object_replace_data (G_OBJECT (template), key, NULL, frame,
                              (GDestroyNotify) nb_canonical_frame_free, NULL))
    {
      nb_canonical_frame_free (frame);
      frame = g_object_get_data (G_OBJECT (template), key);
    }
  return frame;
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
  g_return_if_fail (out != NULL);
  g_return_if_fail (NB_IS_REPORT (report));

  nb_canonical_append_framed (out, report, template_frame (nb_report_get_template (report), pretty));
}

/**
 * nb_canonical_frame_new:
 * @template: the form of the reports to write
 * @pretty: the file's layout, or %FALSE for one line
 *
 * What the template alone writes of a report, for writing many reports
 * of the same form with nb_canonical_append_framed(). It is not changed
 * after, and may be shared between threads; @template must outlive it
 * (the frame holds no reference, so that a template can keep one).
 *
 * Returns: (transfer full): the frame
 */
NbCanonicalFrame *
nb_canonical_frame_new (NbTemplate *template,
                        gboolean    pretty)
{
  NbCanonicalFrame *frame;

  g_return_val_if_fail (NB_IS_TEMPLATE (template), NULL);

  frame = g_new0 (NbCanonicalFrame, 1);
  frame->template = template;
  frame->pretty = pretty;
  frame->text = g_string_new (NULL);
  frame->sections = g_array_new (FALSE, FALSE, sizeof (Piece));
  frame->cells = g_array_sized_new (FALSE, FALSE, sizeof (Piece),
                                    nb_template_get_n_cells (template) + 1);
  frame_sections (frame);
  frame_tables (frame);
  return frame;
}

/**
 * nb_canonical_frame_free:
 * @frame: a frame from nb_canonical_frame_new()
 */
void
nb_canonical_frame_free (NbCanonicalFrame *frame)
{
  g_string_free (frame->text, TRUE);
  g_array_unref (frame->sections);
  g_array_unref (frame->cells);
  g_free (frame);
}

/**
 * nb_canonical_append_framed:
 * @out: where to append
 * @report: a report
 * @frame: a frame of the report's template, whose layout is written
 *
 * Appends the report as nb_canonical_append() does.
 */
void
nb_canonical_append_framed (GString                *out,
                            NbReport               *report,
                            const NbCanonicalFrame *frame)
{
  NbTemplate *template;
  gboolean pretty;

  g_return_if_fail (out != NULL);
  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (frame != NULL);

  template = nb_report_get_template (report);
  /* a report of another form: a frame of its own */
  if (template != frame->template)
    {
      nb_canonical_append (out, report, frame->pretty);
      return;
    }
  pretty = frame->pretty;
  g_string_append_c (out, '{');
  newline (out, pretty, 1);
  append_key (out, "format", pretty);
  nb_canonical_append_string (out, NB_CANONICAL_FORMAT);
  g_string_append_c (out, ',');
  newline (out, pretty, 1);
  append_key (out, "version", pretty);
  nb_number_append_integer (out, NB_CANONICAL_VERSION);
  g_string_append_c (out, ',');
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
    nb_string_append (out, "null,");
  else
    {
      nb_number_append_integer (out, nb_report_get_year (report));
      g_string_append_c (out, ',');
    }
  newline (out, pretty, 1);
  append_key (out, "title", pretty);
  nb_canonical_append_string (out, nb_report_get_title (report));
  g_string_append_c (out, ',');
  newline (out, pretty, 1);
  append_key (out, "sections", pretty);
  append_sections (out, report, frame);
  g_string_append_c (out, ',');
  newline (out, pretty, 1);
  append_key (out, "tables", pretty);
  append_tables (out, report, frame);
  if (g_hash_table_size (nb_report_peek_checked (report)) > 0)
    {
      g_string_append_c (out, ',');
      newline (out, pretty, 1);
      append_key (out, "checked", pretty);
      append_checked (out, report, pretty);
    }
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

/* Count cells hold whole numbers ≥ 0, change cells any whole number;
 * amounts any decimal ≥ 0 with at most six places, which a double of at
 * most 15 digits represents exactly enough to recover. */
static gboolean
read_number (JsonNode    *node,
             NbCellKind   kind,
             const char  *path,
             char       **text,
             GError     **error)
{
  const gint64 max = G_GINT64_CONSTANT (999999999999999);
  gint64 value;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      value = json_node_get_int (node);
      if (kind == NB_CELL_KIND_CHANGE && (value < -max || value > max))
        return refuse (error, path, _("expected a whole number of at most 15 digits"));
      if (kind != NB_CELL_KIND_CHANGE && (value < 0 || value > max))
        return refuse (error, path, _("expected a number ≥ 0 of at most 15 digits"));
      if (kind == NB_CELL_KIND_AMOUNT && value >= 1000000000)
        return refuse (error, path, _("expected an amount ≥ 0 and below 1,000,000,000"));
      *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      return TRUE;
    }

  if (kind == NB_CELL_KIND_COUNT)
    return refuse (error, path, _("expected a whole number ≥ 0"));
  if (kind == NB_CELL_KIND_CHANGE)
    return refuse (error, path, _("expected a whole number"));
  else
    {
      double number = json_node_get_double (node);
      double scaled = number * NB_AMOUNT_SCALE;

      if (!isfinite (number) || number < 0 || number >= 1e9)
        return refuse (error, path, _("expected an amount ≥ 0 and below 1,000,000,000"));
      /* 5e-324 is no amount of six places, though it rounds to one */
      if (fabs (scaled - round (scaled)) > 1e-3 || (number > 0 && scaled < 0.5))
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

/* A key's parts are one to a line: none may hold a line break. */
static const char *
require_key_part (JsonNode    *node,
                  const char  *path,
                  GError     **error)
{
  const char *text;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      refuse (error, path, _("expected a string"));
      return NULL;
    }
  text = json_node_get_string (node);
  if (*text == '\0' || strchr (text, '\n') != NULL)
    {
      refuse (error, path, _("expected one line of text"));
      return NULL;
    }
  return text;
}

static gboolean
read_mark (NbReport    *report,
           JsonObject  *object,
           const char  *path,
           GError     **error)
{
  static const char * const known[] = { "rule", "cells", "subject", "note", NULL };
  g_autofree char *rule_path = g_strdup_printf ("%s.rule", path);
  g_autofree char *cells_path = g_strdup_printf ("%s.cells", path);
  g_autoptr(GString) key = NULL;
  JsonNode *cells;
  const char *part, *note;

  if (!check_keys (object, path, known, error) ||
      (part = require_key_part (json_object_get_member (object, "rule"), rule_path, error)) == NULL ||
      (note = require_string (object, path, "note", error)) == NULL ||
      (cells = require (object, path, "cells", error)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (cells))
    return refuse (error, cells_path, _("expected an array"));
  key = g_string_new (part);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (cells)); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", cells_path, i);

      if ((part = require_key_part (json_array_get_element (json_node_get_array (cells), i),
                                    where, error)) == NULL)
        return FALSE;
      if (nb_template_lookup_cell (nb_report_get_template (report), part) < 0)
        return refuse (error, where, _("not a cell of the template"));
      g_string_append_printf (key, "\n%s", part);
    }
  if (json_object_has_member (object, "subject"))
    {
      g_autofree char *where = g_strdup_printf ("%s.subject", path);

      if ((part = require_key_part (json_object_get_member (object, "subject"), where, error)) == NULL)
        return FALSE;
      g_string_append_printf (key, "\n#%s", part);
    }
  nb_report_load_checked (report, key->str, note);
  return TRUE;
}

static gboolean
read_checked (NbReport    *report,
              JsonNode    *node,
              GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, "$.checked", _("expected an array"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.checked[%u]", i);
      JsonObject *object = require_object (json_array_get_element (array, i), path, error);

      if (object == NULL || !read_mark (report, object, path, error))
        return FALSE;
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
    "checked", "source", "extensions", NULL
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
  if ((node = json_object_get_member (root, "checked")) != NULL &&
      !read_checked (report, node, error))
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
/* a double keeps every decimal of at most this many digits */
#define MAX_DIGITS 15

/* Whether json-glib reads the number @token exactly: an integer within 64
 * bits, or a decimal of at most 15 digits within a double's range. */
static gboolean
is_exact_number (const char *token)
{
  guint digits = 0;
  gboolean leading = TRUE, nonzero = FALSE;
  double value;

  if (strpbrk (token, ".eE") == NULL)
    return g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, NULL, NULL);
  for (const char *p = token; *p != '\0' && *p != 'e' && *p != 'E'; p++)
    if (g_ascii_isdigit (*p) && !(leading && *p == '0'))
      {
        leading = FALSE;
        nonzero = TRUE;
        digits++;
      }
  /* trailing zeros are no digits of the value */
  for (const char *p = strpbrk (token, "eE") ? strpbrk (token, "eE") : token + strlen (token);
       p > token && (p[-1] == '0' || p[-1] == '.') && digits > 0; p--)
    digits -= p[-1] == '0';
  value = g_ascii_strtod (token, NULL);
  return digits <= MAX_DIGITS && isfinite (value) && (value != 0 || !nonzero);
}

/* The number that starts at @p, checked; returns where it ends, or NULL
 * with @error set. */
static const char *
check_number (const char  *p,
              const char  *end,
              guint        line,
              GError     **error)
{
  const char *start = p;
  g_autofree char *token = NULL;

  while (p < end && (g_ascii_isdigit (*p) || (*p != '\0' && strchr ("+-.eE", *p) != NULL)))
    p++;
  token = g_strndup (start, MIN (p - start, 400));
  if (!is_exact_number (token))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                   _("Line %u: the number %.40s cannot be kept exactly: Nianbao keeps whole "
                     "numbers within 64 bits and decimals of at most %d digits"),
                   line, token, MAX_DIGITS);
      return NULL;
    }
  return p;
}

/* One pass over the text before json-glib sees it: nesting, numbers it
 * would change, U+0000 (which would cut a text short), and anything
 * after the document. */
static gboolean
check_tokens (const char  *data,
              gsize        size,
              GError     **error)
{
  const char *end = data + size;
  gboolean in_string = FALSE, closed = FALSE;
  guint depth = 0;
  guint line = 1;

  for (const char *p = data; p < end; p++)
    {
      char c = *p;

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\' && end - p >= 6 && memcmp (p, "\\u0000", 6) == 0)
            {
              g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                           _("Line %u: a text holds the character U+0000, which no report "
                             "holds"), line);
              return FALSE;
            }
          if (c == '\\')
            p++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (closed && !g_ascii_isspace (c))
        {
          g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                       _("Line %u: there is more after the end of the JSON document"), line);
          return FALSE;
        }
      if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > MAX_DEPTH)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                       _("Line %u: the JSON nests deeper than %d levels"), line, MAX_DEPTH);
          return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        closed = --depth == 0;
      else if (c == '-' || g_ascii_isdigit (c))
        {
          if ((p = check_number (p, end, line, error)) == NULL)
            return FALSE;
          p--;
        }
    }
  return TRUE;
}

/* The form the file names, when this program carries it (a report of
 * 2020 on the 2019 form); otherwise @template, and the header check says
 * why the file is refused. */
static NbTemplate *
form_of (JsonObject *root,
         NbTemplate *template)
{
  JsonNode *node = json_object_get_member (root, "template");
  const char *id;
  NbTemplate *form;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return g_object_ref (template);
  id = json_node_get_string (node);
  if (g_str_equal (id, nb_template_get_id (template)) ||
      (form = nb_template_new_for_id (id, NULL)) == NULL)
    return g_object_ref (template);
  return form;
}

/**
 * nb_canonical_read:
 * @template: the template the file must name, unless it names another
 *   form this program carries (nb_template_new_for_id())
 * @data: the file's bytes
 * @size: their number
 * @error: return location for a #GError
 *
 * Reads a canonical file strictly: a key this version does not know, a
 * value of the wrong type, a missing cell or a newer version refuses the
 * whole file, with the JSON path of the place in the message. So do a
 * number that would not be kept exactly, U+0000 in a text and anything
 * after the document, with their line.
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
  g_autoptr(GError) local_error = NULL;

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
  if (!check_tokens (data, size, error))
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

  return nb_canonical_read_node (template, json_parser_get_root (parser), error);
}

/**
 * nb_canonical_read_node:
 * @template: the form to use when the file names none
 * @root: (nullable): a canonical report already parsed, such as the one a
 *   draft holds
 * @error: return location for a #GError
 *
 * Reads a report from parsed JSON. The numbers' text is gone by then:
 * the caller checks it, as nb_canonical_read() does.
 *
 * Returns: (transfer full) (nullable): the report, unmodified
 */
NbReport *
nb_canonical_read_node (NbTemplate  *template,
                        JsonNode    *root,
                        GError     **error)
{
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbTemplate) form = NULL;

  g_return_val_if_fail (NB_IS_TEMPLATE (template), NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      refuse (error, "$", _("expected an object"));
      return NULL;
    }

  form = form_of (json_node_get_object (root), template);
  report = nb_report_new (form);
  if (!read_root (report, json_node_get_object (root), error))
    return NULL;
  nb_report_clear_history (report);
  return g_steal_pointer (&report);
}

/**
 * nb_canonical_check_size:
 * @bytes: a written canonical file
 * @error: return location for a #GError
 *
 * Whatever Nianbao writes, it reads back: a file larger than the reader
 * takes is refused before it is written.
 *
 * Returns: %TRUE when @bytes can be read back
 */
gboolean
nb_canonical_check_size (GBytes  *bytes,
                         GError **error)
{
  gsize size = g_bytes_get_size (bytes);

  if (size <= NB_CANONICAL_MAX_FILE)
    return TRUE;
  g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
               _("The report would make a file of %.1f MB; a report file is at most %d MB, "
                 "so it could not be opened again"),
               size / (1024.0 * 1024.0), NB_CANONICAL_MAX_FILE / (1024 * 1024));
  return FALSE;
}

/* Saving */
