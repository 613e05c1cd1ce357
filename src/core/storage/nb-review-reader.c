/* nb-review-reader.c — the files of a batch, found and read on every core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-review-reader"

#include "config.h"

#include "nb-review-reader.h"

#include <glib/gi18n-lib.h>

#include "nb-importer.h"

/* A folder holds reports in every format, in subfolders by unit or by
 * month, next to other files (a roster, a scanned letter, the expected
 * values of a test). Only files whose name says they may be a report are
 * read; a file named on the command line is always read. */
#define MAX_DEPTH   16
#define MAX_FILES   100000

static const char *const report_suffixes[] = {
  ".txt", ".html", ".htm", ".mhtml", ".mht", ".docx", ".xlsx", ".pdf",
  ".doc", ".wps", ".xls", ".et", ".nianbao.json",
};

static gboolean
may_be_report (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (name[0] == '.' || name[0] == '~')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (report_suffixes); i++)
    if (g_str_has_suffix (lower, report_suffixes[i]))
      return TRUE;
  return FALSE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (nb_review_item_get_display_name (*(NbReviewItem **) a),
                    nb_review_item_get_display_name (*(NbReviewItem **) b));
}

static gboolean
collect_folder (GFile         *root,
                const char    *prefix,
                GFile         *folder,
                guint          depth,
                GPtrArray     *found,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  if (depth > MAX_DEPTH)
    return TRUE;
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (children == NULL)
    return FALSE;
  while (found->len < MAX_FILES)
    {
      GFileInfo *info;
      GFile *child;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        break;
      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && name[0] != '.')
        {
          if (!collect_folder (root, prefix, child, depth + 1, found, cancellable, error))
            return FALSE;
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && may_be_report (name))
        {
          g_autofree char *relative = g_file_get_relative_path (root, child);
          g_autofree char *shown = g_filename_display_name (relative ? relative : name);
          g_autofree char *full = prefix ? g_build_filename (prefix, shown, NULL) : NULL;

          g_ptr_array_add (found, nb_review_item_new (child, full ? full : shown));
        }
    }
  return TRUE;
}

/**
 * nb_review_collect:
 * @inputs: (array length=n_inputs): folders and files
 * @names: (nullable) (array length=n_inputs): how each input is shown, as
 *   given on a command line, or %NULL to name a folder's files by their
 *   path under it
 * @n_inputs: how many
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds the reports: each file given, and the files under each folder
 * given (its subfolders too, hidden ones aside) whose name ends like a
 * report's. A folder's files come sorted by their path under it, which is
 * also their display name.
 *
 * Returns: (transfer full) (element-type NbReviewItem) (nullable): the
 *   items, not read yet, or %NULL when a folder cannot be listed
 */
GPtrArray *
nb_review_collect (GFile * const  *inputs,
                   const char * const *names,
                   guint           n_inputs,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_inputs; i++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (g_file_query_file_type (inputs[i], G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *prefix = names ? g_filename_display_name (names[i]) : NULL;

          if (!collect_folder (inputs[i], prefix, inputs[i], 0, found, cancellable, error))
            return NULL;
          g_ptr_array_sort (found, compare_items);
        }
      else
        {
          g_autofree char *name = names ? g_filename_display_name (names[i]) : g_file_get_basename (inputs[i]);

          g_ptr_array_add (found, nb_review_item_new (inputs[i], name));
        }
      g_ptr_array_extend_and_steal (items, g_steal_pointer (&found));
    }
  return g_steal_pointer (&items);
}

/* Reading on the pool */

typedef struct
{
  NbTemplate       *template;
  GPtrArray        *items;
  NbReviewReadFunc  func;
  gpointer          user_data;
  GCancellable     *cancellable;
} Read;

typedef struct
{
  NbReport *report;
  GError   *error;
} Result;

static void
result_free (gpointer data)
{
  Result *result = data;

  g_clear_object (&result->report);
  g_clear_error (&result->error);
  g_free (result);
}

static gpointer
worker_new (gpointer user_data)
{
  Read *read = user_data;

  return nb_importer_new (read->template);
}

static gpointer
read_one (gpointer worker,
          guint    index,
          gpointer user_data)
{
  Read *read = user_data;
  NbReviewItem *item = g_ptr_array_index (read->items, index);
  Result *result = g_new0 (Result, 1);

  result->report = nb_importer_import_file (worker, nb_review_item_get_file (item), read->cancellable,
                                            &result->error);
  return result;
}

static void
read_done (guint    index,
           gpointer data,
           gpointer user_data)
{
  Read *read = user_data;
  Result *result = data;

  read->func (index, result->report, result->error, read->user_data);
  result_free (result);
}

static const NbBatchFuncs read_funcs = {
  .worker_new = worker_new,
  .worker_free = g_object_unref,
  .work = read_one,
  .done = read_done,
  .result_free = result_free,
};

/**
 * nb_review_read:
 * @batch: the pool to read on
 * @template: the template to read the reports onto
 * @items: (element-type NbReviewItem): what nb_review_collect() found
 * @func: called with each item's report or error, in this thread and in
 *   the items' order
 * @user_data: for @func
 * @cancellable: (nullable): stops the reading between two files
 * @error: return location for a #GError
 *
 * Reads every file on the pool's workers. The items themselves are left
 * to @func, so that a window can update them in its own thread.
 *
 * Returns: %FALSE when cancelled
 */
gboolean
nb_review_read (NbBatch          *batch,
                NbTemplate       *template,
                GPtrArray        *items,
                NbReviewReadFunc  func,
                gpointer          user_data,
                GCancellable     *cancellable,
                GError          **error)
{
  Read read = { template, items, func, user_data, cancellable };

  g_return_val_if_fail (NB_IS_BATCH (batch), FALSE);
  g_return_val_if_fail (NB_IS_TEMPLATE (template), FALSE);

  return nb_batch_run (batch, items->len, &read_funcs, &read, cancellable, error);
}
