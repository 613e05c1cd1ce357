/* nb-bench.c — how fast the core is, on the sample reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark -v` or directly. Prints one
 * line per measurement; single thread throughout.
 */

#include "config.h"

#include "nb-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <nb-comparison.h>
#include <nb-draft.h>
#include <nb-export.h>
#include <nb-text-similarity.h>
#include <string.h>

#define N_SEEDS 5

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
  bench_formats (importer);
  bench_revalidate (importer, seeds[3], "t2/regulations/issued", "0", "1", "no rule changes");
  bench_revalidate (importer, seeds[3], "t3/granted/commercial", "0", "1", "three rules break and heal");
  bench_rules (importer, seeds);
  bench_similarity (importer, seeds[3]);
  bench_canonical (importer, seeds[3]);
  bench_export (importer, seeds);
  bench_draft (importer, seeds[3]);

  for (guint i = 0; i < N_SEEDS; i++)
    g_bytes_unref (seeds[i]);
  return 0;
}
