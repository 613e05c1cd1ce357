/* nb-draft.c — unsaved work kept on disk until it is saved or discarded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-draft"

#include "config.h"

#include "nb-draft.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "nb-canonical.h"
#include "nb-diagnostic-private.h"
#include "nb-report-private.h"

/* A draft is one small JSON file: where the report belongs, when and by
 * which process it was written, the report itself in canonical form and
 * what its import found, so a restore is exact, invalid text, problems
 * of the submitted file and all. */

#define DRAFT_FORMAT "nianbao-draft"

/**
 * nb_draft_dir_default:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/nianbao/drafts`
 */
char *
nb_draft_dir_default (void)
{
  return g_build_filename (g_get_user_data_dir (), "nianbao", "drafts", NULL);
}

static void
append_uri (GString *out,
            GFile   *file)
{
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

  if (uri == NULL)
    g_string_append (out, "null");
  else
    nb_canonical_append_string (out, uri);
}

/* The import findings, which the canonical form does not keep: the file
 * they were found in is not read again. */
static void
append_import_diagnostics (GString  *out,
                           NbReport *report)
{
  GPtrArray *diagnostics = nb_report_get_import_diagnostics (report);

  g_string_append_c (out, '[');
  for (guint i = 0; i < diagnostics->len; i++)
    {
      NbDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      const char * const *cells = nb_diagnostic_get_cells (diagnostic);

      g_string_append_printf (out, "%s{\"severity\":%d,\"rule\":", i > 0 ? "," : "",
                              (int) nb_diagnostic_get_severity (diagnostic));
      nb_canonical_append_string (out, nb_diagnostic_get_rule_id (diagnostic));
      g_string_append (out, ",\"message\":");
      nb_canonical_append_string (out, nb_diagnostic_get_message (diagnostic));
      g_string_append_printf (out, ",\"line\":%u,\"location\":", nb_diagnostic_get_line (diagnostic));
      if (nb_diagnostic_get_location (diagnostic) != NULL)
        nb_canonical_append_string (out, nb_diagnostic_get_location (diagnostic));
      else
        g_string_append (out, "null");
      g_string_append (out, ",\"cells\":[");
      for (guint c = 0; cells[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          nb_canonical_append_string (out, cells[c]);
        }
      g_string_append (out, "]}");
    }
  g_string_append_c (out, ']');
}

/* A member of a draft written by hand or cut short: only of its type */
static JsonNode *
member_of_type (JsonObject  *object,
                const char  *name,
                JsonNodeType type)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_TYPE (node) == type ? node : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_VALUE);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static gint64
int_member (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_VALUE);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : fallback;
}

/* Puts back what append_import_diagnostics() wrote; a finding that does
 * not fit the template is left out. */
static void
restore_import_diagnostics (NbReport  *report,
                            JsonArray *array)
{
  NbTemplate *template = nb_report_get_template (report);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *list = member_of_type (item, "cells", JSON_NODE_ARRAY);
      JsonArray *addresses = list ? json_node_get_array (list) : NULL;
      g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (guint));
      const char *rule, *message, *location;
      NbDiagnostic *diagnostic;
      gint64 severity;

      if (item == NULL || addresses == NULL)
        continue;
      rule = string_member (item, "rule");
      message = string_member (item, "message");
      location = string_member (item, "location");
      severity = int_member (item, "severity", -1);
      if (rule == NULL || message == NULL || severity < NB_SEVERITY_ERROR || severity > NB_SEVERITY_INFO)
        continue;
      for (guint c = 0; c < json_array_get_length (addresses); c++)
        {
          JsonNode *node = json_array_get_element (addresses, c);
          const char *address = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                                ? json_node_get_string (node) : NULL;
          int cell = address ? nb_template_lookup_cell (template, address) : -1;

          if (cell >= 0)
            g_array_append_val (cells, cell);
        }
      diagnostic = nb_diagnostic_new (template, severity, rule, message,
                                      CLAMP (int_member (item, "line", 0), 0, G_MAXUINT),
                                      (const guint *) cells->data, cells->len);
      if (location != NULL)
        nb_diagnostic_take_location (diagnostic, g_strdup (location));
      nb_report_take_import_diagnostic (report, diagnostic);
    }
}

/**
 * nb_draft_serialize:
 * @document: a document with unsaved changes
 *
 * Cheap enough for the main thread (the report's canonical form and a
 * few fields); the writing is done elsewhere.
 *
 * Returns: (transfer full): the draft file's bytes
 */
GBytes *
nb_draft_serialize (NbDocument *document)
{
  GString *out = g_string_sized_new (12 * 1024);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *written = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (NB_IS_DOCUMENT (document), NULL);

  g_string_append (out, "{\"format\":\"" DRAFT_FORMAT "\",\"version\":1,\"file\":");
  append_uri (out, nb_document_get_file (document));
  g_string_append (out, ",\"source\":");
  append_uri (out, nb_document_get_source (document));
  g_string_append (out, ",\"written\":");
  nb_canonical_append_string (out, written);
  g_string_append_printf (out, ",\"pid\":%d,\"import\":", (int) getpid ());
  append_import_diagnostics (out, nb_document_get_report (document));
  g_string_append (out, ",\"report\":");
  nb_canonical_append (out, nb_document_get_report (document), FALSE);
  g_string_append (out, "}\n");
  return g_string_free_to_bytes (out);
}

/**
 * nb_draft_write_bytes:
 * @dir: the drafts folder, made when missing
 * @id: the draft's id
 * @bytes: what nb_draft_serialize() gave
 * @error: return location for a #GError
 *
 * Writes atomically: a draft is whole or is the previous one.
 *
 * Returns: %TRUE on success
 */
gboolean
nb_draft_write_bytes (const char  *dir,
                      const char  *id,
                      GBytes      *bytes,
                      GError     **error)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the drafts folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

void
nb_draft_info_free (NbDraftInfo *info)
{
  /* a recovery list marks handled drafts with NULL */
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->path);
  g_free (info->file_uri);
  g_free (info->source_uri);
  g_free (info->organ);
  g_clear_pointer (&info->written, g_date_time_unref);
  g_free (info);
}

static const char *
string_or_null (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static JsonParser *
parse_draft (const char  *path,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (string_or_null (json_node_get_object (root), "format"), DRAFT_FORMAT) != 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("“%s” is not a Nianbao draft"), path);
      return NULL;
    }
  return g_steal_pointer (&parser);
}

static char *
process_name (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/comm", pid);
  char *name = NULL;

  if (!g_file_get_contents (path, &name, NULL, NULL))
    return NULL;
  return g_strstrip (name);
}

/* A draft whose writer still runs is that process's business; a process
 * that merely got the dead writer's number is another program. */
static gboolean
writer_alive (int pid)
{
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;

  if (pid <= 0)
    return FALSE;
  if (pid == (int) getpid ())
    return TRUE;
  if (kill (pid, 0) != 0 && errno != EPERM)
    return FALSE;
  theirs = process_name (pid);
  ours = process_name ((int) getpid ());
  /* without /proc, trust the number */
  return theirs == NULL || ours == NULL || g_str_equal (theirs, ours);
}

static NbDraftInfo *
read_info (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(JsonParser) parser = parse_draft (path, NULL);
  JsonObject *root, *report;
  JsonNode *node;
  NbDraftInfo *info;

  if (parser == NULL)
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  node = json_object_get_member (root, "report");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  report = json_node_get_object (node);

  info = g_new0 (NbDraftInfo, 1);
  info->id = g_strndup (name, strlen (name) - strlen (".json"));
  info->path = g_steal_pointer (&path);
  info->file_uri = g_strdup (string_or_null (root, "file"));
  info->source_uri = g_strdup (string_or_null (root, "source"));
  info->organ = g_strdup (string_or_null (report, "organ"));
  info->year = json_object_get_int_member_with_default (report, "year", 0);
  info->pid = json_object_get_int_member_with_default (root, "pid", 0);
  if (string_or_null (root, "written") != NULL)
    info->written = g_date_time_new_from_iso8601 (string_or_null (root, "written"), NULL);
  return info;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const NbDraftInfo *x = *(const NbDraftInfo **) a;
  const NbDraftInfo *y = *(const NbDraftInfo **) b;

  if (x->written == NULL || y->written == NULL)
    return (x->written == NULL) - (y->written == NULL);
  return g_date_time_compare (y->written, x->written);
}

/**
 * nb_draft_list:
 * @dir: the drafts folder
 * @only_orphans: leave out drafts of a process that still runs
 *
 * Files that are not drafts are left alone, never deleted.
 *
 * Returns: (transfer container) (element-type NbDraftInfo): the drafts,
 *   newest first
 */
GPtrArray *
nb_draft_list (const char *dir,
               gboolean    only_orphans)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_draft_info_free);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      NbDraftInfo *info;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      info = read_info (dir, name);
      if (info == NULL)
        continue;
      if (only_orphans && writer_alive (info->pid))
        nb_draft_info_free (info);
      else
        g_ptr_array_add (drafts, info);
    }
  g_ptr_array_sort (drafts, compare_newest_first);
  return drafts;
}

/**
 * nb_draft_restore:
 * @importer: the importer, for its template
 * @info: a draft from nb_draft_list()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document, modified, tied to the
 *   file it belonged to
 */
NbDocument *
nb_draft_restore (NbImporter   *importer,
                  NbDraftInfo  *info,
                  GError      **error)
{
  g_autoptr(JsonParser) parser = parse_draft (info->path, error);
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  JsonNode *node;
  JsonNode *imported;

  if (parser == NULL)
    return NULL;
  node = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "report");
  if (node == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("“%s” holds no report"), info->path);
      return NULL;
    }
  /* read from the parsed draft: writing the node out again would give
   * amounts json-glib's 17 digits, which the canonical reader refuses */
  report = nb_canonical_read_node (nb_importer_get_template (importer), node, error);
  if (report == NULL)
    return NULL;
  imported = member_of_type (json_node_get_object (json_parser_get_root (parser)), "import", JSON_NODE_ARRAY);
  if (imported != NULL)
    restore_import_diagnostics (report, json_node_get_array (imported));
  nb_report_set_modified (report, TRUE);
  if (info->file_uri != NULL)
    file = g_file_new_for_uri (info->file_uri);
  else if (info->source_uri != NULL)
    file = g_file_new_for_uri (info->source_uri);
  return nb_document_new (report, file);
}

/**
 * nb_draft_remove:
 * @dir: the drafts folder
 * @id: the draft's id
 *
 * Returns: whether a draft was removed
 */
gboolean
nb_draft_remove (const char *dir,
                 const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_remove (path) == 0;
}
