/* nb-batch.c — a pool of worker threads over a list of items, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-batch"

#include "config.h"

#include "nb-batch.h"

/* The calling thread and n_jobs - 1 worker threads claim items in order
 * and may run ahead of the oldest result not yet handed over by at most
 * WINDOW_PER_JOB items per job: results wait in a ring of that size, so
 * memory stays the same for ten files or ten thousand, and the caller
 * hands them over in the items' order whatever order they finish in. One
 * job runs in the calling thread, with no thread at all. */
#define WINDOW_PER_JOB 4

struct _NbBatch
{
  GObject parent_instance;

  guint   n_jobs;
};

G_DEFINE_FINAL_TYPE (NbBatch, nb_batch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_JOBS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One run's shared state; everything below @lock is guarded by it. */
typedef struct
{
  const NbBatchFuncs *funcs;
  gpointer            user_data;
  guint               n_items;
  guint               window;

  GMutex              lock;
  GCond               ready;       /* a result was stored */
  GCond               space;       /* the caller took a result */
  guint               next;        /* the next item to claim */
  guint               taken;       /* results the caller has taken */
  guint               n_waiting;   /* workers waiting for room */
  gboolean            caller_waiting;
  gboolean            stop;
  gpointer           *results;     /* ring of @window */
  gboolean           *filled;
} Run;

static void
nb_batch_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NbBatch *self = NB_BATCH (object);

  switch (prop_id)
    {
    case PROP_N_JOBS:
      g_value_set_uint (value, self->n_jobs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_batch_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  NbBatch *self = NB_BATCH (object);

  switch (prop_id)
    {
    case PROP_N_JOBS:
      self->n_jobs = g_value_get_uint (value);
      if (self->n_jobs == 0)
        self->n_jobs = g_get_num_processors ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_batch_class_init (NbBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = nb_batch_get_property;
  object_class->set_property = nb_batch_set_property;

  /**
   * NbBatch:n-jobs:
   *
   * How many items are handled at once; 0 when constructed means one per
   * processor.
   */
  properties[PROP_N_JOBS] =
    g_param_spec_uint ("n-jobs", NULL, NULL, 0, G_MAXUINT16, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_batch_init (NbBatch *self)
{
}

/**
 * nb_batch_new:
 * @n_jobs: how many items to handle at once, 0 for one per processor
 *
 * Returns: (transfer full): a new #NbBatch
 */
NbBatch *
nb_batch_new (guint n_jobs)
{
  return g_object_new (NB_TYPE_BATCH, "n-jobs", n_jobs, NULL);
}

guint
nb_batch_get_n_jobs (NbBatch *self)
{
  g_return_val_if_fail (NB_IS_BATCH (self), 1);

  return self->n_jobs;
}

static gpointer
worker_new (const NbBatchFuncs *funcs,
            gpointer            user_data)
{
  return funcs->worker_new != NULL ? funcs->worker_new (user_data) : NULL;
}

static void
worker_free (const NbBatchFuncs *funcs,
             gpointer            worker)
{
  if (funcs->worker_free != NULL)
    funcs->worker_free (worker);
}

static gboolean
run_here (guint               n_items,
          const NbBatchFuncs *funcs,
          gpointer            user_data,
          GCancellable       *cancellable)
{
  gpointer worker = worker_new (funcs, user_data);
  guint i;

  for (i = 0; i < n_items && !g_cancellable_is_cancelled (cancellable); i++)
    funcs->done (i, funcs->work (worker, i, user_data), user_data);
  worker_free (funcs, worker);
  return i == n_items;
}

/* Whether an item may be claimed now: there is one, and room for its
 * result. Called with the lock held. */
static gboolean
can_claim (Run *run)
{
  return !run->stop && run->next < run->n_items && run->next < run->taken + run->window;
}

/* Handles the next item, unlocking meanwhile. Called with the lock held. */
static void
claim_and_work (Run      *run,
                gpointer  worker)
{
  guint index = run->next++;
  gpointer result;

  g_mutex_unlock (&run->lock);
  result = run->funcs->work (worker, index, run->user_data);
  g_mutex_lock (&run->lock);

  run->results[index % run->window] = result;
  run->filled[index % run->window] = TRUE;
  /* wake-ups are system calls: only for the result the caller awaits */
  if (run->caller_waiting && index == run->taken)
    g_cond_signal (&run->ready);
}

static gpointer
worker_thread (gpointer data)
{
  Run *run = data;
  gpointer worker = worker_new (run->funcs, run->user_data);

  g_mutex_lock (&run->lock);
  for (;;)
    {
      while (!can_claim (run) && !run->stop && run->next < run->n_items)
        {
          run->n_waiting++;
          g_cond_wait (&run->space, &run->lock);
          run->n_waiting--;
        }
      if (!can_claim (run))
        break;
      claim_and_work (run, worker);
    }
  g_mutex_unlock (&run->lock);
  worker_free (run->funcs, worker);
  return NULL;
}

/* Returns item @index's result and frees its slot. The caller is one of
 * the jobs: while the result is not there it works on the next item
 * rather than sleep. */
static gpointer
take (Run      *run,
      gpointer  worker,
      guint     index)
{
  guint slot = index % run->window;
  gpointer result;

  g_mutex_lock (&run->lock);
  while (!run->filled[slot])
    {
      if (can_claim (run))
        {
          claim_and_work (run, worker);
          continue;
        }
      run->caller_waiting = TRUE;
      g_cond_wait (&run->ready, &run->lock);
      run->caller_waiting = FALSE;
    }
  result = g_steal_pointer (&run->results[slot]);
  run->filled[slot] = FALSE;
  run->taken++;
  if (run->n_waiting > 0)
    g_cond_broadcast (&run->space);
  g_mutex_unlock (&run->lock);
  return result;
}

static gboolean
run_in_threads (guint               n_jobs,
                guint               n_items,
                const NbBatchFuncs *funcs,
                gpointer            user_data,
                GCancellable       *cancellable)
{
  Run run = { funcs, user_data, n_items, n_jobs * WINDOW_PER_JOB };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  gpointer worker;
  guint i;

  g_mutex_init (&run.lock);
  g_cond_init (&run.ready);
  g_cond_init (&run.space);
  run.results = g_new0 (gpointer, run.window);
  run.filled = g_new0 (gboolean, run.window);

  for (guint t = 1; t < n_jobs; t++)
    g_ptr_array_add (threads, g_thread_new ("nb-batch", worker_thread, &run));
  worker = worker_new (funcs, user_data);
  for (i = 0; i < n_items && !g_cancellable_is_cancelled (cancellable); i++)
    funcs->done (i, take (&run, worker, i), user_data);

  g_mutex_lock (&run.lock);
  run.stop = TRUE;
  g_cond_broadcast (&run.space);
  g_mutex_unlock (&run.lock);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  worker_free (funcs, worker);

  /* what was handled after a cancel */
  for (guint s = 0; s < run.window; s++)
    if (run.filled[s] && funcs->result_free != NULL)
      funcs->result_free (run.results[s]);
  g_free (run.results);
  g_free (run.filled);
  g_cond_clear (&run.space);
  g_cond_clear (&run.ready);
  g_mutex_clear (&run.lock);
  return i == n_items;
}

/**
 * nb_batch_run:
 * @self: a #NbBatch
 * @n_items: how many items there are
 * @funcs: what to do with them
 * @user_data: passed to each of @funcs
 * @cancellable: (nullable): stops the run between two items
 * @error: return location for a #GError
 *
 * Calls @funcs->work on every item, #NbBatch:n-jobs at a time, and hands
 * each result to @funcs->done in the items' order, in this thread; with
 * one job (or one item), each result before the next item's work. Returns
 * once every result was handed over, or after a cancel.
 *
 * Returns: %FALSE when cancelled
 */
gboolean
nb_batch_run (NbBatch            *self,
              guint               n_items,
              const NbBatchFuncs *funcs,
              gpointer            user_data,
              GCancellable       *cancellable,
              GError            **error)
{
  guint n_jobs;
  gboolean finished;

  g_return_val_if_fail (NB_IS_BATCH (self), FALSE);
  g_return_val_if_fail (funcs != NULL && funcs->work != NULL && funcs->done != NULL, FALSE);

  n_jobs = MIN (self->n_jobs, n_items);
  if (n_items == 0)
    finished = TRUE;
  else if (n_jobs == 1)
    finished = run_here (n_items, funcs, user_data, cancellable);
  else
    finished = run_in_threads (n_jobs, n_items, funcs, user_data, cancellable);
  if (!finished)
    g_cancellable_set_error_if_cancelled (cancellable, error);
  return finished;
}
