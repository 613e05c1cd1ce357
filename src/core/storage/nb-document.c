/* nb-document.c — a report with its file and its live diagnostics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-document"

#include "config.h"

#include "nb-document.h"

#include <glib/gi18n-lib.h>

#include "nb-canonical.h"
#include "nb-canonical-save.h"
#include "nb-import-numbers.h"

/* What a window edits: the report, the validator that follows it, and
 * where it lives. A report read from submitted text has a source but no
 * file yet: saving it asks where, so the submitted file is never
 * overwritten with JSON. */
struct _NbDocument
{
  GObject      parent_instance;

  NbReport    *report;
  NbValidator *validator;
  GFile       *file;      /* the .nianbao.json it saves to, or NULL */
  GFile       *source;    /* what it was opened from, or NULL */
  guint        busy;
  gboolean     make_backup;
  char        *etag;      /* of the watched file, as read or saved */
  GFileMonitor *monitor;
};

G_DEFINE_FINAL_TYPE (NbDocument, nb_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_VALIDATOR,
  PROP_FILE,
  PROP_SOURCE,
  PROP_BUSY,
  PROP_MAKE_BACKUP,
  N_PROPS
};

enum {
  CHANGED_ON_DISK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void watch (NbDocument *self);

static void
set_file (NbDocument *self,
          GFile      *file)
{
  if (!g_set_object (&self->file, file))
    return;
  watch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static GFile *
watched_file (NbDocument *self)
{
  return self->file != NULL ? self->file : self->source;
}

/* Another program wrote or removed the file: tell the window, which asks
 * the user; our own saves change the etag we expect and are not news. */
static void
monitor_changed_cb (NbDocument        *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event)
{
  g_autofree char *etag = NULL;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_DELETED &&
      event != G_FILE_MONITOR_EVENT_CREATED && event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  if (self->busy > 0)
    return;
  etag = nb_canonical_dup_etag (watched_file (self));
  if (g_strcmp0 (etag, self->etag) == 0)
    return;
  g_signal_emit (self, signals[CHANGED_ON_DISK], 0, etag == NULL);
}

static void
watch (NbDocument *self)
{
  GFile *file = watched_file (self);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->etag, g_free);
  if (file == NULL)
    return;
  self->etag = nb_canonical_dup_etag (file);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

static void
change_busy (NbDocument *self,
             int         delta)
{
  self->busy += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
is_canonical_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".nianbao.json");
}

static void
nb_document_dispose (GObject *object)
{
  NbDocument *self = (NbDocument *) object;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->etag, g_free);
  g_clear_object (&self->validator);
  g_clear_object (&self->report);
  g_clear_object (&self->file);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (nb_document_parent_class)->dispose (object);
}

static void
nb_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NbDocument *self = NB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_VALIDATOR:
      g_value_set_object (value, self->validator);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_MAKE_BACKUP:
      g_value_set_boolean (value, self->make_backup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NbDocument *self = NB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MAKE_BACKUP:
      nb_document_set_make_backup (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_document_class_init (NbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nb_document_dispose;
  object_class->get_property = nb_document_get_property;
  object_class->set_property = nb_document_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL, NB_TYPE_VALIDATOR,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MAKE_BACKUP] =
    g_param_spec_boolean ("make-backup", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NbDocument::changed-on-disk:
   * @self: the document
   * @deleted: whether the file is gone
   *
   * Another program changed or removed the file since it was read or
   * saved. The document itself is unchanged: what to do is the user's
   * choice.
   */
  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
nb_document_init (NbDocument *self)
{
  self->make_backup = TRUE;
}

/**
 * nb_document_new:
 * @report: the report
 * @file: (nullable): what it was read from
 *
 * A file named `*.nianbao.json` becomes the save target; any other file
 * is only the source.
 *
 * Returns: (transfer full): a new #NbDocument
 */
NbDocument *
nb_document_new (NbReport *report,
                 GFile    *file)
{
  NbDocument *self;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (NB_TYPE_DOCUMENT, NULL);
  self->report = g_object_ref (report);
  self->validator = nb_validator_new (report);
  if (file != NULL)
    {
      self->source = g_object_ref (file);
      if (is_canonical_name (file))
        self->file = g_object_ref (file);
    }
  watch (self);
  return self;
}

/**
 * nb_document_import:
 * @importer: the importer to read with
 * @file: a report in any format the importer reads
 * @password: (nullable): the password of an encrypted PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The report of @file as nb_document_load_async() reads it in its worker
 * thread, for a thread of the caller's own; the document is made with
 * nb_document_new() on the thread that shows it.
 *
 * Returns: (transfer full) (nullable): the report
 */
NbReport *
nb_document_import (NbImporter    *importer,
                    GFile         *file,
                    const char    *password,
                    GCancellable  *cancellable,
                    GError       **error)
{
  NbReport *report = nb_importer_import_file_full (importer, file, password, cancellable, error);

  if (report != NULL)
    nb_import_note_file (report, file, cancellable);
  return report;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  NbImporter *importer = g_object_get_data (G_OBJECT (task), "nb-importer");
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;

  report = nb_document_import (importer, task_data, g_object_get_data (G_OBJECT (task), "nb-password"),
                               cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

/**
 * nb_document_load_async:
 * @importer: the importer to read with
 * @file: a report text or `.nianbao.json`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads @file in a worker thread; the document (with its validator) is
 * made on the calling thread in nb_document_load_finish().
 */
void
nb_document_load_async (NbImporter          *importer,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  nb_document_load_with_password_async (importer, file, NULL, cancellable, callback, user_data);
}

/**
 * nb_document_load_with_password_async:
 * @importer: the importer to read with
 * @file: a report in any format the importer reads
 * @password: (nullable): the password of an encrypted PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * As nb_document_load_async(), for a file that failed with
 * %NB_ERROR_PASSWORD. The password is forgotten once read.
 */
void
nb_document_load_with_password_async (NbImporter          *importer,
                                      GFile               *file,
                                      const char          *password,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NB_IS_IMPORTER (importer));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "nb-importer", g_object_ref (importer), g_object_unref);
  if (password != NULL)
    g_object_set_data_full (G_OBJECT (task), "nb-password", g_strdup (password), g_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * nb_document_load_finish:
 * @result: the result
 * @error: return location for a #GError, whose message names the file
 *
 * Returns: (transfer full) (nullable): the document
 */
NbDocument *
nb_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  GTask *task = G_TASK (result);
  g_autoptr(NbReport) report = NULL;
  GFile *file;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  file = g_task_get_task_data (task);
  report = g_task_propagate_pointer (task, error);
  if (report == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, _("Could not open “%s”: "), name);
      return NULL;
    }
  return nb_document_new (report, file);
}

/**
 * nb_document_load:
 * @importer: the importer to read with
 * @file: a report text or `.nianbao.json`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The synchronous form, for tools and tests.
 *
 * Returns: (transfer full) (nullable): the document
 */
NbDocument *
nb_document_load (NbImporter    *importer,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(NbReport) report = nb_document_import (importer, file, NULL, cancellable, error);

  if (report == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, _("Could not open “%s”: "), name);
      return NULL;
    }
  return nb_document_new (report, file);
}

NbReport *
nb_document_get_report (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);

  return self->report;
}

NbValidator *
nb_document_get_validator (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);

  return self->validator;
}

/**
 * nb_document_get_file:
 * @self: a #NbDocument
 *
 * Returns: (transfer none) (nullable): the `.nianbao.json` that Save
 *   writes, or %NULL when Save must ask where
 */
GFile *
nb_document_get_file (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * nb_document_get_source:
 * @self: a #NbDocument
 *
 * Returns: (transfer none) (nullable): the file the report was read from
 */
GFile *
nb_document_get_source (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);

  return self->source;
}

gboolean
nb_document_get_busy (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), FALSE);

  return self->busy > 0;
}

/**
 * nb_document_dup_display_name:
 * @self: a #NbDocument
 *
 * Returns: (transfer full): what a window calls the document: the file's
 *   name, else the report's title, else "Untitled Report"
 */
char *
nb_document_dup_display_name (NbDocument *self)
{
  GFile *file;
  const char *title;

  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);

  file = self->file != NULL ? self->file : self->source;
  if (file != NULL)
    return g_file_get_basename (file);
  title = nb_report_get_title (self->report);
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return g_strdup (_("Untitled Report"));
}

/**
 * nb_document_dup_suggested_name:
 * @self: a #NbDocument
 *
 * Returns: (transfer full): a file name to save as:
 *   `<organ>-<year>.nianbao.json`, or what is known of it
 */
char *
nb_document_dup_suggested_name (NbDocument *self)
{
  const char *organ;
  guint year;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (NB_IS_DOCUMENT (self), NULL);

  organ = nb_report_get_organ (self->report);
  year = nb_report_get_year (self->report);
  if (organ != NULL && *organ != '\0' && year > 0)
    stem = g_strdup_printf ("%s-%u", organ, year);
  else if (organ != NULL && *organ != '\0')
    stem = g_strdup (organ);
  else if (year > 0)
    stem = g_strdup_printf (_("report-%u"), year);
  else
    stem = g_strdup (_("report"));
  /* no path separators from an organ's name */
  g_strdelimit (stem, "/\\", '-');
  return g_strconcat (stem, ".nianbao.json", NULL);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NbDocument *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  GFile *file = g_task_get_task_data (task);

  change_busy (self, -1);
  if (!nb_canonical_save_full_finish (NB_REPORT (object), result, &etag, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (self->file == NULL || !g_file_equal (self->file, file))
    set_file (self, file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  g_task_return_boolean (task, TRUE);
}

/**
 * nb_document_save_async:
 * @self: a #NbDocument
 * @file: (nullable): where to save, or %NULL for the document's file
 * @flags: whether to overwrite a file another program changed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves the canonical file atomically, keeping the previous version as
 * `FILE~` when #NbDocument:make-backup is set; on success @file becomes
 * the document's file. Saving over the document's own file that another
 * program changed since fails with %NB_ERROR_CHANGED_ON_DISK unless
 * @flags say %NB_DOCUMENT_SAVE_FORCE. On failure nothing changes: the
 * report stays modified.
 */
void
nb_document_save_async (NbDocument          *self,
                        GFile               *file,
                        NbDocumentSaveFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *expected = NULL;

  g_return_if_fail (NB_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  if (file == NULL)
    file = self->file;
  if (!(flags & NB_DOCUMENT_SAVE_FORCE) && self->file != NULL && g_file_equal (file, self->file))
    expected = self->etag;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nb_document_save_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  change_busy (self, 1);
  nb_canonical_save_full_async (self->report, file, expected, self->make_backup,
                                cancellable, save_done_cb, g_steal_pointer (&task));
}

gboolean
nb_document_save_finish (NbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
nb_document_get_make_backup (NbDocument *self)
{
  g_return_val_if_fail (NB_IS_DOCUMENT (self), FALSE);

  return self->make_backup;
}

void
nb_document_set_make_backup (NbDocument *self,
                             gboolean    make_backup)
{
  g_return_if_fail (NB_IS_DOCUMENT (self));

  make_backup = !!make_backup;
  if (self->make_backup == make_backup)
    return;
  self->make_backup = make_backup;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAKE_BACKUP]);
}
