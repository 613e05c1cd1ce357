/* nb-canonical-save.c — saving the `.nianbao.json` file: atomically,
 * never over a file changed by another program, keeping a backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-canonical"

#include "config.h"

#include "nb-canonical-save.h"

#include <glib/gi18n-lib.h>

#include "nb-canonical.h"
#include "nb-file-replace.h"
#include "nb-report-private.h"

/**
 * nb_canonical_save:
 * @report: a report
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes a temporary file beside @file and renames it over @file only once
 * it is complete, so a failed save leaves the old file as it was. Clears
 * the modified flag on success.
 *
 * Returns: %TRUE on success
 */
gboolean
nb_canonical_save (NbReport      *report,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = nb_canonical_write (report);
  if (!nb_canonical_check_size (bytes, error) ||
      !nb_file_replace (file, bytes, cancellable, error))
    return FALSE;
  nb_report_set_modified (report, FALSE);
  return TRUE;
}

typedef struct
{
  GBytes  *bytes;
  GFile   *file;
  char    *expected_etag;
  gboolean backup;
  guint64  state;
  char    *etag;        /* the file's etag after the save */
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_bytes_unref (save->bytes);
  g_object_unref (save->file);
  g_free (save->expected_etag);
  g_free (save->etag);
  g_free (save);
}

/**
 * nb_canonical_dup_etag:
 * @file: a file
 *
 * Returns: (transfer full) (nullable): the file's entity tag (for a local
 *   file, its modification time), or %NULL when it does not exist
 */
char *
nb_canonical_dup_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
check_unchanged (SaveData  *save,
                 GError   **error)
{
  g_autofree char *etag = NULL;
  g_autofree char *name = NULL;

  if (save->expected_etag == NULL)
    return TRUE;
  etag = nb_canonical_dup_etag (save->file);
  if (g_strcmp0 (etag, save->expected_etag) == 0)
    return TRUE;
  name = g_file_get_parse_name (save->file);
  g_set_error (error, NB_ERROR, NB_ERROR_CHANGED_ON_DISK,
               _("“%s” was changed by another program since it was opened"), name);
  return FALSE;
}

/* The previous version is kept as FILE~, as GNOME editors do; not being
 * able to keep it never stops the save itself. */
static void
keep_backup (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *backup_uri = g_strconcat (uri, "~", NULL);
  g_autoptr(GFile) backup = g_file_new_for_uri (backup_uri);
  g_autoptr(GError) error = NULL;

  if (!g_file_query_exists (file, NULL))
    return;
  if (!g_file_copy (file, backup, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, &error))
    g_debug ("No backup of %s: %s", uri, error->message);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autoptr(GError) error = NULL;

  if (!nb_canonical_check_size (save->bytes, &error) || !check_unchanged (save, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (save->backup)
    keep_backup (save->file);
  if (!nb_file_replace (save->file, save->bytes, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  save->etag = nb_canonical_dup_etag (save->file);
  g_task_return_boolean (task, TRUE);
}

/**
 * nb_canonical_save_full_async:
 * @report: a report
 * @file: where to save it
 * @expected_etag: (nullable): the etag @file had when it was read or
 *   last saved; when it has changed since, the save fails with
 *   %NB_ERROR_CHANGED_ON_DISK and writes nothing
 * @backup: whether to keep the previous version as `FILE~`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Serializes on the calling thread, so later edits cannot tear the file,
 * then writes it atomically in a worker thread.
 */
void
nb_canonical_save_full_async (NbReport            *report,
                              GFile               *file,
                              const char          *expected_etag,
                              gboolean             backup,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (NB_IS_REPORT (report));
  g_return_if_fail (G_IS_FILE (file));

  save = g_new0 (SaveData, 1);
  save->bytes = nb_canonical_write (report);
  save->file = g_object_ref (file);
  save->expected_etag = g_strdup (expected_etag);
  save->backup = backup;
  /* what the file will hold: edits made meanwhile are not saved */
  save->state = nb_report_get_state_id (report);
  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_canonical_save_full_async);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

/**
 * nb_canonical_save_full_finish:
 * @report: a report
 * @result: the result
 * @etag: (out) (optional) (transfer full): the file's new etag
 * @error: return location for a #GError
 *
 * When the save succeeded, the state the report had when the save began
 * becomes its save point: the modified flag clears, or, when the report
 * was edited meanwhile, clears once those edits are undone.
 *
 * Returns: %TRUE on success
 */
gboolean
nb_canonical_save_full_finish (NbReport      *report,
                               GAsyncResult  *result,
                               char         **etag,
                               GError       **error)
{
  SaveData *save;

  g_return_val_if_fail (g_task_is_valid (result, report), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  save = g_task_get_task_data (G_TASK (result));
  nb_report_mark_saved (report, save->state);
  if (etag != NULL)
    *etag = g_strdup (save->etag);
  return TRUE;
}

/**
 * nb_canonical_save_async:
 * @report: a report
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * nb_canonical_save_full_async() without an etag check or a backup.
 */
void
nb_canonical_save_async (NbReport            *report,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  nb_canonical_save_full_async (report, file, NULL, FALSE, cancellable, callback, user_data);
}

/**
 * nb_canonical_save_finish:
 * @report: a report
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
nb_canonical_save_finish (NbReport      *report,
                          GAsyncResult  *result,
                          GError       **error)
{
  return nb_canonical_save_full_finish (report, result, NULL, error);
}
