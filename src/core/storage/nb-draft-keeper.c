/* nb-draft-keeper.c — writes a document's draft while it has unsaved work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-draft-keeper"

#include "config.h"

#include "nb-draft-keeper.h"

#include <glib/gstdio.h>

#include "nb-draft.h"

/* Follows one document: a short while after an edit (NB_DRAFT_DELAY_MS)
 * the report is serialized on the main thread — tens of microseconds —
 * and written by a worker thread. A document back at its save point, or
 * saved, has no draft; one closed with Discard loses it. Writes are kept
 * in order: a newer draft never loses to an older one still in flight. */
struct _NbDraftKeeper
{
  GObject     parent_instance;

  NbDocument *document;
  char       *dir;
  char       *id;
  char       *path;
  guint       timeout_id;
  guint       n_written;
  guint64     generation;   /* bumped by every write or removal */
  GMutex      lock;         /* orders the worker's writes */
};

G_DEFINE_FINAL_TYPE (NbDraftKeeper, nb_draft_keeper, G_TYPE_OBJECT)

typedef struct
{
  NbDraftKeeper *keeper;
  GBytes        *bytes;      /* NULL: remove the draft */
  guint64        generation;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_object_unref (job->keeper);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  NbDraftKeeper *self = job->keeper;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->lock);
  /* a later job has been queued: this one's content is stale */
  if (job->generation == self->generation)
    {
      if (job->bytes == NULL)
        g_remove (self->path);
      else if (!nb_draft_write_bytes (self->dir, self->id, job->bytes, &error))
        g_debug ("Draft %s not written: %s", self->path, error->message);
    }
  g_mutex_unlock (&self->lock);
  g_task_return_boolean (task, TRUE);
}

static void
queue (NbDraftKeeper *self,
       GBytes        *bytes)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  Job *job = g_new0 (Job, 1);

  g_mutex_lock (&self->lock);
  job->generation = ++self->generation;
  g_mutex_unlock (&self->lock);
  job->keeper = g_object_ref (self);
  job->bytes = bytes;
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_job);
}

static void
write_now (NbDraftKeeper *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!nb_report_get_modified (nb_document_get_report (self->document)))
    {
      queue (self, NULL);
      return;
    }
  self->n_written++;
  queue (self, nb_draft_serialize (self->document));
}

static void
timeout_cb (gpointer data)
{
  NbDraftKeeper *self = data;

  self->timeout_id = 0;
  write_now (self);
}

static void
edited_cb (NbDraftKeeper *self)
{
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add_once (NB_DRAFT_DELAY_MS, timeout_cb, self);
}

static void
modified_cb (NbDraftKeeper *self)
{
  /* saved, or undone to the save point: nothing to keep */
  if (!nb_report_get_modified (nb_document_get_report (self->document)))
    write_now (self);
  else
    edited_cb (self);
}

static void
nb_draft_keeper_dispose (GObject *object)
{
  NbDraftKeeper *self = (NbDraftKeeper *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (nb_draft_keeper_parent_class)->dispose (object);
}

static void
nb_draft_keeper_finalize (GObject *object)
{
  NbDraftKeeper *self = (NbDraftKeeper *) object;

  g_mutex_clear (&self->lock);
  g_free (self->dir);
  g_free (self->id);
  g_free (self->path);

  G_OBJECT_CLASS (nb_draft_keeper_parent_class)->finalize (object);
}

static void
nb_draft_keeper_class_init (NbDraftKeeperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nb_draft_keeper_dispose;
  object_class->finalize = nb_draft_keeper_finalize;
}

static void
nb_draft_keeper_init (NbDraftKeeper *self)
{
  g_mutex_init (&self->lock);
}

/**
 * nb_draft_keeper_new:
 * @document: the document to keep a draft of
 * @dir: the drafts folder
 * @id: (nullable): the draft's id (a restored document keeps its own),
 *   or %NULL for a new one
 *
 * Returns: (transfer full): a new #NbDraftKeeper
 */
NbDraftKeeper *
nb_draft_keeper_new (NbDocument *document,
                     const char *dir,
                     const char *id)
{
  NbDraftKeeper *self;
  NbReport *report;
  g_autofree char *name = NULL;
  static const char *edits[] = {
    "cell-changed", "section-changed", "notify::title", "notify::organ", "notify::year",
  };

  g_return_val_if_fail (NB_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (NB_TYPE_DRAFT_KEEPER, NULL);
  self->document = g_object_ref (document);
  self->dir = g_strdup (dir);
  self->id = id ? g_strdup (id) : g_uuid_string_random ();
  name = g_strconcat (self->id, ".json", NULL);
  self->path = g_build_filename (dir, name, NULL);

  report = nb_document_get_report (document);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    g_signal_connect_object (report, edits[i], G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (report, "notify::modified", G_CALLBACK (modified_cb), self, G_CONNECT_SWAPPED);
  if (nb_report_get_modified (report))
    edited_cb (self);
  return self;
}

const char *
nb_draft_keeper_get_id (NbDraftKeeper *self)
{
  g_return_val_if_fail (NB_IS_DRAFT_KEEPER (self), NULL);

  return self->id;
}

const char *
nb_draft_keeper_get_path (NbDraftKeeper *self)
{
  g_return_val_if_fail (NB_IS_DRAFT_KEEPER (self), NULL);

  return self->path;
}

/**
 * nb_draft_keeper_flush:
 * @self: a #NbDraftKeeper
 *
 * Writes (or removes) the draft now, as when the window loses focus.
 */
void
nb_draft_keeper_flush (NbDraftKeeper *self)
{
  g_return_if_fail (NB_IS_DRAFT_KEEPER (self));

  if (self->timeout_id != 0)
    write_now (self);
}

/**
 * nb_draft_keeper_discard:
 * @self: a #NbDraftKeeper
 *
 * The user discarded the unsaved work: the draft goes, and no new one is
 * written.
 */
void
nb_draft_keeper_discard (NbDraftKeeper *self)
{
  g_return_if_fail (NB_IS_DRAFT_KEEPER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (nb_document_get_report (self->document), self);
  queue (self, NULL);
}

/**
 * nb_draft_keeper_get_n_written:
 * @self: a #NbDraftKeeper
 *
 * Returns: how many drafts were serialized so far
 */
guint
nb_draft_keeper_get_n_written (NbDraftKeeper *self)
{
  g_return_val_if_fail (NB_IS_DRAFT_KEEPER (self), 0);

  return self->n_written;
}
