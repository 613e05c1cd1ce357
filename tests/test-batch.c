/* test-batch.c — the worker pool: order, bounded memory, cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <nb-batch.h>

typedef struct
{
  GThread      *caller;
  GCancellable *cancellable;
  guint         cancel_at;      /* G_MAXUINT: never */
  gint          n_workers;      /* atomic */
  gint          n_made;         /* atomic: results made */
  gint          in_flight;      /* atomic: started, not yet taken */
  gint          max_in_flight;
  guint         n_done;
  gboolean      work_in_caller;
} Counts;

static gpointer
worker_new (gpointer user_data)
{
  Counts *counts = user_data;

  g_atomic_int_inc (&counts->n_workers);
  return g_strdup ("worker");
}

static gpointer
work (gpointer worker,
      guint    index,
      gpointer user_data)
{
  Counts *counts = user_data;
  gint in_flight = g_atomic_int_add (&counts->in_flight, 1) + 1;
  gint max;

  g_assert_cmpstr (worker, ==, "worker");
  while ((max = g_atomic_int_get (&counts->max_in_flight)) < in_flight &&
         !g_atomic_int_compare_and_exchange (&counts->max_in_flight, max, in_flight))
    ;
  if (g_thread_self () == counts->caller)
    counts->work_in_caller = TRUE;
  /* later items finish sooner, so results arrive out of order */
  g_usleep ((index % 7) * 50);
  g_atomic_int_inc (&counts->n_made);
  return g_strdup_printf ("item %u", index);
}

static void
done (guint    index,
      gpointer result,
      gpointer user_data)
{
  Counts *counts = user_data;
  g_autofree char *expected = g_strdup_printf ("item %u", index);

  g_assert_true (g_thread_self () == counts->caller);
  g_assert_cmpuint (index, ==, counts->n_done);
  g_assert_cmpstr (result, ==, expected);
  g_free (result);
  g_atomic_int_add (&counts->in_flight, -1);
  counts->n_done++;
  if (index == counts->cancel_at)
    g_cancellable_cancel (counts->cancellable);
}

static void
result_free (gpointer result)
{
  g_free (result);
}

static const NbBatchFuncs funcs = {
  .worker_new = worker_new,
  .worker_free = g_free,
  .work = work,
  .done = done,
  .result_free = result_free,
};

static void
counts_init (Counts *counts)
{
  *counts = (Counts) { g_thread_self (), g_cancellable_new (), G_MAXUINT };
}

static void
test_order (void)
{
  static const guint jobs[] = { 2, 3, 8 };

  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    {
      g_autoptr(NbBatch) batch = nb_batch_new (jobs[j]);
      g_autoptr(GError) error = NULL;
      Counts counts;

      counts_init (&counts);
      g_assert_true (nb_batch_run (batch, 1000, &funcs, &counts, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (counts.n_done, ==, 1000);
      g_assert_cmpint (counts.n_workers, ==, jobs[j]);
      g_assert_false (counts.work_in_caller);
      /* results wait in a ring a few items per job long (one more while
       * the caller takes one) */
      g_assert_cmpint (counts.max_in_flight, <=, 4 * jobs[j] + 1);
      g_object_unref (counts.cancellable);
    }
}

static void
test_one_job (void)
{
  g_autoptr(NbBatch) batch = nb_batch_new (1);
  Counts counts;

  counts_init (&counts);
  g_assert_cmpuint (nb_batch_get_n_jobs (batch), ==, 1);
  g_assert_true (nb_batch_run (batch, 50, &funcs, &counts, NULL, NULL));
  g_assert_cmpuint (counts.n_done, ==, 50);
  g_assert_cmpint (counts.n_workers, ==, 1);
  g_assert_true (counts.work_in_caller);
  g_assert_cmpint (counts.max_in_flight, ==, 1);
  g_object_unref (counts.cancellable);
}

static void
test_few_items (void)
{
  g_autoptr(NbBatch) batch = nb_batch_new (8);
  Counts counts;

  counts_init (&counts);
  g_assert_true (nb_batch_run (batch, 0, &funcs, &counts, NULL, NULL));
  g_assert_cmpuint (counts.n_done, ==, 0);
  g_assert_cmpint (counts.n_workers, ==, 0);

  g_assert_true (nb_batch_run (batch, 3, &funcs, &counts, NULL, NULL));
  g_assert_cmpuint (counts.n_done, ==, 3);
  g_assert_cmpint (counts.n_workers, ==, 3);
  g_object_unref (counts.cancellable);
}

static void
test_default_jobs (void)
{
  g_autoptr(NbBatch) batch = nb_batch_new (0);

  g_assert_cmpuint (nb_batch_get_n_jobs (batch), ==, g_get_num_processors ());
}

static void
test_cancel (void)
{
  static const guint jobs[] = { 1, 2, 4 };

  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    {
      g_autoptr(NbBatch) batch = nb_batch_new (jobs[j]);
      g_autoptr(GError) error = NULL;
      Counts counts;

      counts_init (&counts);
      counts.cancel_at = 10;
      g_assert_false (nb_batch_run (batch, 1000, &funcs, &counts, counts.cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (counts.n_done, ==, 11);
      /* the few items begun after the cancel are freed, the rest never begun */
      g_assert_cmpint (counts.n_made, <=, 11 + 4 * jobs[j]);
      g_object_unref (counts.cancellable);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nianbao/batch/order", test_order);
  g_test_add_func ("/nianbao/batch/one-job", test_one_job);
  g_test_add_func ("/nianbao/batch/few-items", test_few_items);
  g_test_add_func ("/nianbao/batch/default-jobs", test_default_jobs);
  g_test_add_func ("/nianbao/batch/cancel", test_cancel);

  return g_test_run ();
}
