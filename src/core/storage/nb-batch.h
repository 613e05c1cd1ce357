/* nb-batch.h — a pool of worker threads over a list of items, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * NbBatchFuncs:
 * @worker_new: (nullable): makes one worker's own state (an importer, say),
 *   called once in each worker thread; its result is @work's @worker
 * @worker_free: (nullable): frees what @worker_new made
 * @work: handles item @index in a worker thread and returns its result
 * @done: takes item @index's result, in the thread that called
 *   nb_batch_run() and in the items' order; with one job, before the
 *   next item is worked on
 * @result_free: (nullable): frees a result @done never took (cancelled)
 */
typedef struct
{
  gpointer (*worker_new)  (gpointer user_data);
  void     (*worker_free) (gpointer worker);
  gpointer (*work)        (gpointer worker,
                           guint    index,
                           gpointer user_data);
  void     (*done)        (guint    index,
                           gpointer result,
                           gpointer user_data);
  void     (*result_free) (gpointer result);
} NbBatchFuncs;

#define NB_TYPE_BATCH (nb_batch_get_type ())

G_DECLARE_FINAL_TYPE (NbBatch, nb_batch, NB, BATCH, GObject)

NbBatch  *nb_batch_new        (guint               n_jobs);
guint     nb_batch_get_n_jobs (NbBatch            *self);
gboolean  nb_batch_run        (NbBatch            *self,
                               guint               n_items,
                               const NbBatchFuncs *funcs,
                               gpointer            user_data,
                               GCancellable       *cancellable,
                               GError            **error);

G_END_DECLS
