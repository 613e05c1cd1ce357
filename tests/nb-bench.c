/* nb-bench.c — how fast the core is, on the sample reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark -v` or directly. Prints one
 * line per measurement; single thread throughout, but for the review of
 * a batch, measured on one worker and on every core.
 */

#include "config.h"

#include "nb-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <nb-batch.h>
#include <nb-comparison.h>
#include <nb-draft.h>
#include <nb-export.h>
#include <nb-feedback.h>
#include <nb-report-private.h>
#include <nb-report-set.h>
#include <nb-review-reader.h>
#include <nb-template-private.h>
#include <nb-text-similarity.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#define N_SEEDS 5
#define N_BATCH 4000
#define BATCH_RUNS 5

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
bench_import (NbImporter *importer,
              GBytes    **seeds)
{
  gsize bytes = 0;
  guint n = 0;
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  /* at least two seconds of work */
  while ((elapsed = seconds_since (start)) < 2.0)
    for (guint i = 0; i < N_SEEDS; i++)
      {
        g_autoptr(NbReport) report = NULL;
        g_autoptr(NbValidator) validator = NULL;

        report = nb_importer_import_data (importer, g_bytes_get_data (seeds[i], NULL),
                                          g_bytes_get_size (seeds[i]), NULL);
        validator = nb_validator_new (report);
        g_assert (g_list_model_get_n_items (G_LIST_MODEL (validator)) < 10);
        bytes += g_bytes_get_size (seeds[i]);
        n++;
      }
  g_print ("import+validate: %.0f reports/s, %.1f MB/s (%u reports, %.2f s)\n",
           n / elapsed, bytes / elapsed / 1e6, n, elapsed);
}

static void
bench_revalidate (NbImporter *importer,
                  GBytes     *seed,
                  const char *address,
                  const char *a,
                  const char *b,
                  const char *what)
{
  g_autoptr(NbReport) report = nb_importer_import_data (importer, g_bytes_get_data (seed, NULL),
                                                        g_bytes_get_size (seed), NULL);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  int cell = nb_report_lookup_cell (report, address);
  guint n = 1000000;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    nb_report_set_cell_text (report, cell, (i & 1) ? a : b);
  g_print ("re-validate one cell (%s): %.3f µs per change\n", what, seconds_since (start) * 1e6 / n);
}

/* Every rule on one report, as opening it runs them */
static void
bench_rules (NbImporter *importer,
             GBytes    **seeds)
{
  NbReport *reports[N_SEEDS];
  guint n = 0;
  gint64 start;

  for (guint i = 0; i < N_SEEDS; i++)
    reports[i] = nb_importer_import_data (importer, g_bytes_get_data (seeds[i], NULL),
                                          g_bytes_get_size (seeds[i]), NULL);
  start = g_get_monotonic_time ();
  while (seconds_since (start) < 2.0)
    for (guint i = 0; i < N_SEEDS; i++, n++)
      g_object_unref (nb_validator_new (reports[i]));
  g_print ("all rules on one report: %.1f µs per report (%u runs)\n",
           seconds_since (start) * 1e6 / n, n);
  for (guint i = 0; i < N_SEEDS; i++)
    g_object_unref (reports[i]);
}

/* year.text-similarity of two reports: their 一, 五, 六 and whole, and
 * the rest of the rules between the years */
static void
bench_similarity (NbImporter *importer,
                  GBytes     *seed)
{
  g_autoptr(GBytes) fixture = nb_test_load_data ("comparison", "houzhai-2023-matching.txt", NULL);
  g_autoptr(NbReport) older = nb_importer_import_data (importer, g_bytes_get_data (fixture, NULL),
                                                       g_bytes_get_size (fixture), NULL);
  g_autoptr(NbReport) newer = nb_importer_import_data (importer, g_bytes_get_data (seed, NULL),
                                                       g_bytes_get_size (seed), NULL);
  g_autofree char *a = g_strjoin ("\n", nb_report_get_section_text (older, "overview"),
                                  nb_report_get_section_text (older, "problems"),
                                  nb_report_get_section_text (older, "other"), NULL);
  g_autofree char *b = g_strjoin ("\n", nb_report_get_section_text (newer, "overview"),
                                  nb_report_get_section_text (newer, "problems"),
                                  nb_report_get_section_text (newer, "other"), NULL);
  guint n = 0;
  gint64 start = g_get_monotonic_time ();

  while (seconds_since (start) < 2.0)
    {
      g_object_unref (nb_comparison_new (older, newer));
      n++;
    }
  g_print ("rules between two years, text similarity included: %.2f ms per pair (%u runs)\n",
           seconds_since (start) * 1e3 / n, n);

  n = 0;
  start = g_get_monotonic_time ();
  while (seconds_since (start) < 2.0)
    {
      volatile double similarity = nb_text_similarity (a, b, NULL, NULL);

      (void) similarity;
      n++;
    }
  g_print ("text similarity of two whole texts (%zu and %zu bytes): %.2f ms per pair\n",
           strlen (a), strlen (b), seconds_since (start) * 1e3 / n);
}

static void
bench_canonical (NbImporter *importer,
                 GBytes     *seed)
{
  g_autoptr(NbReport) report = nb_importer_import_data (importer, g_bytes_get_data (seed, NULL),
                                                        g_bytes_get_size (seed), NULL);
  g_autoptr(GBytes) bytes = nb_canonical_write (report);
  guint n = 20000;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) written = nb_canonical_write (report);
    }
  g_print ("canonical save (serialize): %.2f µs per report (%zu bytes)\n",
           seconds_since (start) * 1e6 / n, g_bytes_get_size (bytes));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbReport) loaded = nb_canonical_read (nb_importer_get_template (importer),
                                                      g_bytes_get_data (bytes, NULL),
                                                      g_bytes_get_size (bytes), NULL);
      g_assert (loaded != NULL);
    }
  g_print ("canonical load (parse): %.2f µs per report\n", seconds_since (start) * 1e6 / n);
}

/* The draft of an edited report: the main thread serializes, a worker
 * thread writes the file (fsync and rename), so only the first number
 * costs typing time. */
static void
bench_draft (NbImporter *importer,
             GBytes     *seed)
{
  g_autoptr(NbReport) report = nb_importer_import_data (importer, g_bytes_get_data (seed, NULL),
                                                        g_bytes_get_size (seed), NULL);
  g_autoptr(NbDocument) document = nb_document_new (report, NULL);
  g_autofree char *dir = g_dir_make_tmp ("nianbao-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.json", NULL);
  guint n = 20000, writes = 200;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) bytes = nb_draft_serialize (document);
    }
  g_print ("draft serialize (main thread): %.2f µs per draft\n", seconds_since (start) * 1e6 / n);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < writes; i++)
    {
      g_autoptr(GBytes) bytes = nb_draft_serialize (document);

      g_assert (nb_draft_write_bytes (dir, "bench", bytes, NULL));
    }
  g_print ("draft write (worker thread, with fsync): %.2f ms per draft\n",
           seconds_since (start) * 1e3 / writes);
  nb_draft_remove (dir, "bench");
  g_rmdir (dir);
}

/* Each writer over the five reports, after one warm-up round (the PDF
 * writer's first report loads the fonts). */
static void
bench_export (NbImporter *importer,
              GBytes    **seeds)
{
  static const char * const names[] = { "text", "HTML", "DOCX", "PDF" };
  NbReport *reports[N_SEEDS];

  for (guint i = 0; i < N_SEEDS; i++)
    reports[i] = nb_importer_import_data (importer, g_bytes_get_data (seeds[i], NULL),
                                          g_bytes_get_size (seeds[i]), NULL);

  for (guint format = 0; format < NB_EXPORT_N_FORMATS; format++)
    {
      gsize bytes = 0;
      guint n = 0;
      gint64 start;
      double elapsed;

      for (guint i = 0; i < N_SEEDS; i++)
        {
          g_autoptr(GBytes) written = nb_export (reports[i], format, NULL);

          g_assert (written != NULL);
        }
      start = g_get_monotonic_time ();
      while ((elapsed = seconds_since (start)) < 1.0)
        for (guint i = 0; i < N_SEEDS; i++)
          {
            g_autoptr(GBytes) written = nb_export (reports[i], format, NULL);

            bytes += g_bytes_get_size (written);
            n++;
          }
      g_print ("export %s: %.2f ms per report (%zu bytes on average, %u reports)\n",
               names[format], elapsed * 1e3 / n, bytes / n, n);
    }

  for (guint i = 0; i < N_SEEDS; i++)
    g_object_unref (reports[i]);
}

/* Reading the five reports from a web page, a Word document and a PDF,
 * the whole import (reader, matcher, rules); `pdftotext -layout` on the
 * same PDFs, spawned, is the floor a PDF reader could hope for. */
static void
bench_formats (NbImporter *importer)
{
  static const char * const extensions[] = { "html", "docx", "pdf" };
  static const char * const names[] = { "HTML", "DOCX", "PDF" };
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  for (guint f = 0; f < G_N_ELEMENTS (extensions); f++)
    {
      GBytes *files[N_SEEDS];
      guint n = 0;
      gint64 start;
      double elapsed;

      for (guint i = 0; i < N_SEEDS; i++)
        {
          g_autofree char *name = g_strdup_printf ("%.3s.%s", nb_test_seeds[i], extensions[f]);

          files[i] = nb_test_load_data ("formats", name, NULL);
        }
      start = g_get_monotonic_time ();
      while ((elapsed = seconds_since (start)) < 1.0)
        for (guint i = 0; i < N_SEEDS; i++)
          {
            g_autoptr(NbReport) report = NULL;
            g_autoptr(NbValidator) validator = NULL;

            report = nb_importer_import_data (importer, g_bytes_get_data (files[i], NULL),
                                              g_bytes_get_size (files[i]), NULL);
            g_assert (report != NULL);
            validator = nb_validator_new (report);
            n++;
          }
      g_print ("import+validate %s: %.2f ms per report, %.0f reports/s (%u reports)\n",
               names[f], elapsed * 1e3 / n, n / elapsed, n);
      for (guint i = 0; i < N_SEEDS; i++)
        g_bytes_unref (files[i]);
    }

  if (pdftotext == NULL)
    return;
  {
    guint n = 0;
    gint64 start = g_get_monotonic_time ();
    double elapsed;

    while ((elapsed = seconds_since (start)) < 1.0)
      for (guint i = 0; i < N_SEEDS; i++)
        {
          g_autofree char *name = g_strdup_printf ("%.3s.pdf", nb_test_seeds[i]);
          g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", name, NULL);
          const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
          g_autofree char *out = NULL;
          int status = 0;

          g_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                  &out, NULL, &status, NULL));
          n++;
        }
    g_print ("pdftotext -layout (spawned, text only, the floor): %.2f ms per report, %.0f reports/s\n",
             elapsed * 1e3 / n, n / elapsed);
  }
}

/* Table 三 (26 rows of 7 cells) with every separator lost, numbers of
 * two and three digits that add up as the form says: each row's run has
 * thousands of ways to be cut, which the row totals and the column sums
 * must settle. @separator: the same table with blanks, read without any
 * splitting. */
static char *
lost_separators_report (NbTemplate *template,
                        gboolean    separator)
{
  NbTemplateTable *table = nb_template_lookup_table (template, "t3");
  guint n_rows = table->rows->len;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2021);
  g_autofree gint64 *values = g_new0 (gint64, n_rows * 7);
  GString *text = g_string_new ("2023年某局政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");

  /* rows 一 and 二, the results, 三(七) their sum, 四 what balances */
  for (guint c = 0; c < 6; c++)
    {
      for (guint r = 1; r + 2 < n_rows; r++)
        values[r * 7 + c] = g_rand_int_range (rand, 10, 1000);
      for (guint r = 2; r + 2 < n_rows; r++)
        values[(n_rows - 2) * 7 + c] += values[r * 7 + c];
      values[(n_rows - 1) * 7 + c] = g_rand_int_range (rand, 10, 100);
      values[c] = values[(n_rows - 2) * 7 + c] + values[(n_rows - 1) * 7 + c] - values[7 + c];
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append_printf (text, "%s ", ((NbTemplateRow *) g_ptr_array_index (table->rows, r))->label);
      for (guint c = 0; c < 6; c++)
        {
          values[r * 7 + 6] += values[r * 7 + c];
          g_string_append_printf (text, separator ? "%" G_GINT64_FORMAT " " : "%" G_GINT64_FORMAT,
                                  values[r * 7 + c]);
        }
      g_string_append_printf (text, "%" G_GINT64_FORMAT "\n", values[r * 7 + 6]);
    }
  return g_string_free (text, FALSE);
}

static void
bench_split (NbImporter *importer)
{
  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *text = lost_separators_report (nb_importer_get_template (importer), s == 1);
      double worst = 0;
      guint n = 0;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      while ((elapsed = seconds_since (start)) < 1.0)
        {
          gint64 one = g_get_monotonic_time ();
          g_autoptr(NbReport) report = nb_importer_import_text (importer, text, strlen (text), NULL);

          g_assert (report != NULL);
          worst = MAX (worst, seconds_since (one));
          if (n == 0)
            {
              GPtrArray *found = nb_report_get_import_diagnostics (report);
              guint split = 0;

              for (guint i = 0; i < found->len; i++)
                split += g_str_equal (nb_diagnostic_get_rule_id (g_ptr_array_index (found, i)),
                                      "parse.split-digits");
              g_print ("rows read by splitting: %u\n", split);
            }
          n++;
        }
      g_print ("import of 三 (26 rows)%s: %.2f ms per report, worst %.2f ms (%u reports)\n",
               s == 0 ? " with every separator lost" : ", separators kept",
               elapsed * 1e3 / n, worst * 1e3, n);
    }
}

/* One run of the command line tool over @files, output thrown away: its
 * wall time, processor time and peak memory. */
typedef struct
{
  double wall;
  double cpu;
  long   max_rss_kb;
} Process;

static Process
run_cli (GPtrArray *files,
         guint      n_files,
         const char *format,
         const char *jobs)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  Process process;
  GPid pid;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("NIANBAO_CLI"));
  g_ptr_array_add (argv, (gpointer) "check");
  g_ptr_array_add (argv, (gpointer) format);
  g_ptr_array_add (argv, (gpointer) jobs);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (argv, g_ptr_array_index (files, i));
  g_ptr_array_add (argv, NULL);

  g_assert (g_spawn_async (NULL, (char **) argv->pdata, NULL,
                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                           G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert (wait4 (pid, &status, 0, &usage) == pid);
  g_assert (WIFEXITED (status) && WEXITSTATUS (status) <= 1);
  process.wall = seconds_since (start);
  process.cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  process.max_rss_kb = usage.ru_maxrss;
  return process;
}

static int
compare_wall (gconstpointer a,
              gconstpointer b)
{
  const Process *x = a, *y = b;

  return x->wall < y->wall ? -1 : x->wall > y->wall;
}

/* The median of BATCH_RUNS runs, by wall time, and the best: on a
 * machine shared with other work the best is the closer to the cost. */
static void
bench_cli_run (GPtrArray  *files,
               guint       n_files,
               const char *format,
               const char *jobs)
{
  Process runs[BATCH_RUNS];
  const Process *median = &runs[BATCH_RUNS / 2];

  for (guint i = 0; i < BATCH_RUNS; i++)
    runs[i] = run_cli (files, n_files, format, jobs);
  qsort (runs, BATCH_RUNS, sizeof (Process), compare_wall);
  g_print ("nianbao-cli check %s %s, %u reports: %.0f reports/s (best %.0f; %.3f s wall, "
           "%.0f reports per processor second), peak %.1f MiB\n",
           format, jobs, n_files, n_files / median->wall, n_files / runs[0].wall, median->wall,
           n_files / median->cpu, median->max_rss_kb / 1024.0);
}

/* The whole command line tool over N_BATCH report text files made from
 * the seeds, one job and one per processor. */
static void
bench_cli_batch (GBytes **seeds)
{
  g_autofree char *dir = g_dir_make_tmp ("nianbao-batch-XXXXXX", NULL);
  g_autofree char *all_jobs = g_strdup_printf ("--jobs=%u", g_get_num_processors ());
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_assert (g_getenv ("NIANBAO_CLI") != NULL);
  for (guint i = 0; i < N_BATCH; i++)
    {
      char *path = g_strdup_printf ("%s/report-%04u.txt", dir, i);

      g_assert (g_file_set_contents (path, g_bytes_get_data (seeds[i % N_SEEDS], NULL),
                                     g_bytes_get_size (seeds[i % N_SEEDS]), NULL));
      g_ptr_array_add (files, path);
    }

  bench_cli_run (files, N_BATCH, "--format=json", "--jobs=1");
  bench_cli_run (files, N_BATCH, "--format=json", all_jobs);
  bench_cli_run (files, N_BATCH, "--format=text", "--jobs=1");
  bench_cli_run (files, N_BATCH, "--format=text", all_jobs);
  /* memory does not grow with the number of files */
  bench_cli_run (files, 10, "--format=json", all_jobs);

  for (guint i = 0; i < files->len; i++)
    g_remove (g_ptr_array_index (files, i));
  g_rmdir (dir);
}

/* A county's batch: the 21 fixture reports of tests/data/batch/2024 again
 * and again under other organs' names, and PDF files of the seeds and of
 * real reports. */
static void
write_batch (const char *dir,
             guint       n_text,
             guint       n_pdf)
{
  static const char * const pdfs[] = {
    "formats/000.pdf", "formats/001.pdf", "formats/002.pdf", "formats/003.pdf", "formats/004.pdf",
    "real/hongze-2024.pdf", "real/huaian-2024.pdf",
  };
  g_autofree char *batch = g_test_build_filename (G_TEST_DIST, "data", "batch", "2024", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (batch);
  g_autoptr(GPtrArray) items = nb_review_collect (&folder, NULL, 1, NULL, NULL);

  for (guint i = 0; i < n_text; i++)
    {
      NbReviewItem *item = g_ptr_array_index (items, i % items->len);
      g_autofree char *text = NULL;
      g_autofree char *county = g_strdup_printf ("演示%u县", i / items->len + 1);
      g_autofree char *renamed = NULL;
      g_autofree char *path = g_strdup_printf ("%s/%03u.txt", dir, i);
      gsize length;

      g_assert (g_file_load_contents (nb_review_item_get_file (item), NULL, &text, &length, NULL, NULL));
      renamed = nb_test_replace (text, "演示县", county);
      g_assert (g_file_set_contents (path, renamed, -1, NULL));
    }
  for (guint i = 0; i < n_pdf; i++)
    {
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", pdfs[i % G_N_ELEMENTS (pdfs)], NULL);
      g_autofree char *path = g_strdup_printf ("%s/pdf-%03u.pdf", dir, i);
      g_autofree char *data = NULL;
      gsize length;

      g_assert (g_file_get_contents (source, &data, &length, NULL));
      g_assert (g_file_set_contents (path, data, length, NULL));
    }
}

static void
review_read_cb (guint     index,
                NbReport *report,
                GError   *error,
                gpointer  user_data)
{
  nb_report_set_add (user_data, "file", report);
}

/* user and system time of the whole process, every thread */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
review_once (NbTemplate *template,
             const char *dir,
             guint       n_jobs,
             double     *set_seconds,
             double     *cpu)
{
  double cpu_start = cpu_seconds ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(NbBatch) pool = nb_batch_new (n_jobs);
  g_autoptr(NbReportSet) set = nb_report_set_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(NbFeedback) feedback = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 checked;

  items = nb_review_collect (&folder, NULL, 1, NULL, NULL);
  g_assert (nb_review_read (pool, template, items, review_read_cb, set, NULL, NULL));
  checked = g_get_monotonic_time ();
  findings = nb_report_set_check (set);
  feedback = nb_feedback_new (set, findings);
  *set_seconds = seconds_since (checked);
  *cpu = cpu_seconds () - cpu_start;
  return seconds_since (start);
}

static void
bench_review (NbTemplate *template,
              guint       n_text,
              guint       n_pdf)
{
  g_autofree char *dir = g_dir_make_tmp ("nb-bench-review-XXXXXX", NULL);
  double one = G_MAXDOUBLE, all = G_MAXDOUBLE, set_one = 0, set_all = 0, cpu_one = 0, cpu_all = 0;
  guint n_cores = g_get_num_processors ();

  write_batch (dir, n_text, n_pdf);
  /* the best of three, each a whole review: list, read, check, letters */
  for (guint round = 0; round < 3; round++)
    {
      double set_seconds, cpu, t;

      if ((t = review_once (template, dir, 1, &set_seconds, &cpu)) < one)
        {
          one = t;
          set_one = set_seconds;
          cpu_one = cpu;
        }
      if ((t = review_once (template, dir, 0, &set_seconds, &cpu)) < all)
        {
          all = t;
          set_all = set_seconds;
          cpu_all = cpu;
        }
    }
  /* on a busy machine the wall times say little: the CPU time says how
   * much of it the workers had */
  g_print ("review %u text reports and %u PDFs: %.2f s on 1 core (%.2f s CPU), %.2f s on %u cores "
           "(%.2f s CPU; speed-up %.2f×); findings across units and letters %.0f ms\n",
           n_text, n_pdf, one, cpu_one, all, n_cores, cpu_all, one / all, (set_one + set_all) * 1e3 / 2);

  nb_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(NbTemplate) template = NULL;
  g_autoptr(NbImporter) importer = NULL;
  GBytes *seeds[N_SEEDS];

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  template = nb_template_new_default (NULL);
  importer = nb_importer_new (template);
  for (guint i = 0; i < N_SEEDS; i++)
    seeds[i] = nb_test_load_seed (nb_test_seeds[i]);

  bench_import (importer, seeds);
  bench_split (importer);
  bench_cli_batch (seeds);
  bench_formats (importer);
  bench_revalidate (importer, seeds[3], "t2/regulations/issued", "0", "1", "no rule changes");
  bench_revalidate (importer, seeds[3], "t3/granted/commercial", "0", "1", "three rules break and heal");
  bench_rules (importer, seeds);
  bench_similarity (importer, seeds[3]);
  bench_canonical (importer, seeds[3]);
  bench_export (importer, seeds);
  bench_draft (importer, seeds[3]);
  bench_review (template, 200, 0);
  bench_review (template, 0, 50);
  bench_review (template, 200, 50);

  for (guint i = 0; i < N_SEEDS; i++)
    g_bytes_unref (seeds[i]);
  return 0;
}
