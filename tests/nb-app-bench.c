/* nb-app-bench.c — how fast the window shows a report and a highlight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under a display (Xvfb): `xvfb-run -a meson test -C build --benchmark
 * --suite ui -v`. Each measure is the median of several runs.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <sys/resource.h>
#include <string.h>
#include <sys/wait.h>

#include "nb-test-util.h"
#include "nb-compare-window.h"
#include "nb-window.h"

#define RUNS 7
/* a real report whose table rows ran together: a long list of problems */
#define REAL "pingtan-gyz-2024.page.txt"

static void
after_paint_cb (GdkFrameClock *clock,
                gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

/* Presents @window and returns when its first frame has been painted. */
static gint64
present_and_wait (GtkWindow *window)
{
  gint64 painted = 0;
  GdkFrameClock *clock;

  gtk_window_present (window);
  while (!gtk_widget_get_realized (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &painted);
  return painted;
}

static void
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop for @ms: the window idle, as between keystrokes */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
bare_window_ms (void)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *window = adw_application_window_new (NULL);
  gint64 painted;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  painted = present_and_wait (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  return (painted - start) / 1000.0;
}

static double
report_window_ms (NbImporter *importer,
                  GFile      *file)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(NbDocument) document = nb_document_load (importer, file, NULL, NULL);
  NbWindow *window = nb_window_new (NULL, importer, NULL);
  gint64 painted;

  nb_window_set_document (window, document);
  painted = present_and_wait (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  return (painted - start) / 1000.0;
}

static double
compare_window_ms (NbImporter *importer,
                   GFile      *first,
                   GFile      *second)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(NbDocument) a = nb_document_load (importer, first, NULL, NULL);
  g_autoptr(NbDocument) b = nb_document_load (importer, second, NULL, NULL);
  NbCompareWindow *window = nb_compare_window_new (NULL, a, b);
  gint64 painted;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  painted = present_and_wait (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  return (painted - start) / 1000.0;
}

/* Types into t3/received/natural_person of @file, alternately @bad,
 * which breaks the table's totals, and the cell's own text. */
static void
highlight_times (NbImporter *importer,
                 GFile      *file,
                 const char *bad,
                 double     *update_us,
                 double     *frame_ms)
{
  g_autoptr(NbDocument) document = nb_document_load (importer, file, NULL, NULL);
  NbWindow *window = nb_window_new (NULL, importer, NULL);
  NbReport *report = nb_document_get_report (document);
  NbCellEntry *entry;
  double updates[RUNS * 2], frames[RUNS * 2];

  nb_window_set_document (window, document);
  present_and_wait (GTK_WINDOW (window));
  int cell = nb_report_lookup_cell (report, "t3/received/natural_person");
  g_autofree char *good = g_strdup (nb_report_get_cell_text (report, cell));

  entry = nb_report_view_get_entry (nb_window_get_report_view (window), cell);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  for (guint i = 0; i < RUNS * 2; i++)
    {
      const char *text = (i % 2 == 0) ? bad : good;
      gboolean want_error = i % 2 == 0;
      gint64 start, updated;

      /* a keystroke comes to a window that painted its last frame a
       * while ago, not at once after it */
      wait_ms (50);
      start = g_get_monotonic_time ();

      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      updated = g_get_monotonic_time ();
      if (gtk_widget_has_css_class (GTK_WIDGET (entry), "error") != want_error)
        g_error ("after “%s” the cell reads “%s” with %u problems, error style %d", text,
                 nb_report_get_cell_text (report, nb_cell_get_index (nb_cell_entry_get_cell (entry))),
                 g_list_model_get_n_items (G_LIST_MODEL (nb_document_get_validator (document))),
                 gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
      gtk_widget_queue_draw (GTK_WIDGET (entry));
      frames[i] = (present_and_wait (GTK_WINDOW (window)) - start) / 1000.0;
      updates[i] = (double) (updated - start);
    }
  *update_us = median (updates, RUNS * 2);
  *frame_ms = median (frames, RUNS * 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
page_painted_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  gpointer *state = data;

  if (*(gint64 *) state[1] == 0 && nb_page_view_get_rendered (state[0]))
    *(gint64 *) state[1] = g_get_monotonic_time ();
}

/* From F8 to the first frame with the PDF's page rendered in the pane:
 * the file read again in the worker thread, its page rendered, the
 * number of the focused cell highlighted. */
static double
source_pane_ms (NbImporter *importer,
                GFile      *file)
{
  g_autoptr(NbDocument) document = nb_document_load (importer, file, NULL, NULL);
  g_autoptr(NbSettings) settings = nb_settings_new ();
  NbWindow *window;
  NbPageView *view;
  gint64 start, painted = 0;
  gpointer state[2];
  GdkFrameClock *clock;

  /* the pane hidden until F8, whatever the last run left */
  nb_settings_set_show_source (settings, FALSE);
  window = nb_window_new (NULL, importer, settings);
  view = nb_source_pane_get_page_view (nb_window_get_source_pane (window));
  state[0] = view;
  state[1] = &painted;
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  nb_window_set_document (window, document);
  present_and_wait (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (page_painted_cb), state);
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-source", NULL);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (clock, page_painted_cb, state);
  gtk_window_destroy (GTK_WINDOW (window));
  return (painted - start) / 1000.0;
}

/* A whole process run to its end: when it painted its first frame and,
 * for `nianbao`, the whole form (it prints the monotonic times), and its
 * peak resident memory in MiB. */
typedef struct
{
  double first_frame_ms;
  double whole_form_ms;
  double peak_mib;
} Process;

static double
printed_ms (const char *out,
            const char *key,
            gint64      start)
{
  const char *line = strstr (out, key);

  if (line == NULL)
    return 0;
  return (g_ascii_strtoll (line + strlen (key), NULL, 10) - start) / 1000.0;
}

static Process
run_process (const char * const *argv,
             const char         *home)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "NIANBAO_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  gint64 start;

  /* a home of its own: no drafts to offer, no long list of recent files */
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  start = g_get_monotonic_time ();
  struct rusage usage;
  Process process;
  GPid pid;
  int status, out_fd;

  g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (out_fd);

    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_read_to_end (channel, &out, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert (wait4 (pid, &status, 0, &usage) == pid);
  g_assert (g_spawn_check_wait_status (status, NULL));
  process.first_frame_ms = printed_ms (out, "first-frame ", start);
  process.whole_form_ms = printed_ms (out, "whole-form ", start);
  g_assert_cmpfloat (process.first_frame_ms, >, 0);
  process.peak_mib = usage.ru_maxrss / 1024.0;
  return process;
}

static void
print_processes (const char *what,
                 Process    *runs,
                 Process    *bare,
                 gboolean    has_form)
{
  double first[RUNS], whole[RUNS], peaks[RUNS], bare_first[RUNS], bare_peaks[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      first[i] = runs[i].first_frame_ms;
      whole[i] = runs[i].whole_form_ms;
      peaks[i] = runs[i].peak_mib;
      if (bare != NULL)
        {
          bare_first[i] = bare[i].first_frame_ms;
          bare_peaks[i] = bare[i].peak_mib;
        }
    }
  if (bare == NULL)
    g_print ("process start to first frame, %s: %.1f ms, peak %.1f MiB\n", what, median (first, RUNS),
             median (peaks, RUNS));
  else
    {
      /* a window without a report has no form to finish */
      g_autofree char *form = has_form ? g_strdup_printf ("; to the whole form painted %.1f ms", median (whole, RUNS))
                                       : g_strdup ("");

      g_print ("process start to first frame, %s: %.1f ms (%.2f× bare)%s; peak %.1f MiB (bare + %.1f MiB)\n",
               what, median (first, RUNS), median (first, RUNS) / median (bare_first, RUNS), form,
               median (peaks, RUNS), median (peaks, RUNS) - median (bare_peaks, RUNS));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(NbTemplate) template = NULL;
  g_autoptr(NbImporter) importer = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  double bare[RUNS], shown[RUNS];
  double update_us, frame_ms;
  g_autoptr(GTestDBus) bus = NULL;
  g_autofree char *daemon = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* a session bus, as on a desktop: without one, GLib tries to start
   * one for `nianbao` (a unique application) three times over, which no
   * desktop user pays */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL && (daemon = g_find_program_in_path ("dbus-daemon")) != NULL)
    {
      g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
      /* which GTestDBus unsets */
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);
    }
  adw_init ();

  template = nb_template_new_default (NULL);
  importer = nb_importer_new (template);
  path = nb_test_seed_path ("003_babb1a0d8021a832");
  file = g_file_new_for_path (path);

  /* warm up fonts, icons and the style machinery once for both */
  bare_window_ms ();
  report_window_ms (importer, file);
  for (guint i = 0; i < RUNS; i++)
    {
      bare[i] = bare_window_ms ();
      shown[i] = report_window_ms (importer, file);
    }
  g_print ("first frame, bare AdwApplicationWindow: %.1f ms\n", median (bare, RUNS));
  g_print ("first frame, window with seed 003 (read, 200 cells, problems): %.1f ms (%.2f× bare)\n",
           median (shown, RUNS), median (shown, RUNS) / median (bare, RUNS));

  {
    const char *app = g_getenv ("NIANBAO_APP");
    const char *bare_app = g_getenv ("NIANBAO_BARE_WINDOW");
    const char *app_argv[] = { app, path, NULL };
    const char *bare_argv[] = { bare_app, NULL };
    g_autofree char *real_path = g_test_build_filename (G_TEST_DIST, "data", "real", REAL, NULL);
    const char *real_argv[] = { app, real_path, NULL };
    g_autofree char *pdf_path = g_test_build_filename (G_TEST_DIST, "data", "formats", "003.pdf", NULL);
    const char *pdf_argv[] = { app, pdf_path, NULL };
    const char *no_file_argv[] = { app, NULL };
    Process with_report[RUNS], empty[RUNS], with_real[RUNS], with_pdf[RUNS], no_file[RUNS];
    g_autofree char *home = g_dir_make_tmp ("nb-app-bench-XXXXXX", NULL);

    g_assert (app != NULL && bare_app != NULL);
    run_process (bare_argv, home);
    run_process (app_argv, home);
    /* one after the other, so that other work on the machine weighs on both alike */
    for (guint i = 0; i < RUNS; i++)
      {
        empty[i] = run_process (bare_argv, home);
        with_report[i] = run_process (app_argv, home);
        with_real[i] = run_process (real_argv, home);
        with_pdf[i] = run_process (pdf_argv, home);
        no_file[i] = run_process (no_file_argv, home);
      }
    print_processes ("bare AdwApplicationWindow", empty, NULL, FALSE);
    print_processes ("`nianbao` with seed 003", with_report, empty, TRUE);
    print_processes ("`nianbao` with " REAL " (38 problems listed)", with_real, empty, TRUE);
    print_processes ("`nianbao` with seed 003 as a PDF (formats/003.pdf)", with_pdf, empty, TRUE);
    print_processes ("`nianbao` with no file (the empty page, three recent reports)", no_file, empty, FALSE);
    nb_test_remove_tree (home);
  }

  {
    g_autofree char *previous_path = g_test_build_filename (G_TEST_DIST, "data", "comparison",
                                                             "houzhai-2023-matching.txt", NULL);
    g_autoptr(GFile) previous = g_file_new_for_path (previous_path);
    double two[RUNS], compared[RUNS];

    compare_window_ms (importer, previous, file);
    for (guint i = 0; i < RUNS; i++)
      {
        two[i] = report_window_ms (importer, previous) + report_window_ms (importer, file);
        compared[i] = compare_window_ms (importer, previous, file);
      }
    g_print ("two report windows one after the other, to their first frames: %.1f ms\n", median (two, RUNS));
    g_print ("comparison window of the same two, to its first frame: %.1f ms (%.2f× the two)\n",
             median (compared, RUNS), median (compared, RUNS) / median (two, RUNS));
  }

  {
    const char *names[] = { "formats/003.pdf", "real/hongze-2023.pdf" };

    for (guint f = 0; f < G_N_ELEMENTS (names); f++)
      {
        g_autofree char *pdf_path = g_test_build_filename (G_TEST_DIST, "data", names[f], NULL);
        g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
        double opened[RUNS];

        source_pane_ms (importer, pdf);
        for (guint i = 0; i < RUNS; i++)
          opened[i] = source_pane_ms (importer, pdf);
        g_print ("F8 to the source pane with its PDF page rendered (%s): %.1f ms\n",
                 names[f], median (opened, RUNS));
      }
  }

  highlight_times (importer, file, "5", &update_us, &frame_ms);
  g_print ("keystroke to highlight (model, rules, styles): %.0f µs\n", update_us);
  g_print ("keystroke to highlight painted: %.1f ms\n", frame_ms);
  {
    g_autofree char *real_path = g_test_build_filename (G_TEST_DIST, "data", "real", REAL, NULL);
    g_autoptr(GFile) real = g_file_new_for_path (real_path);

    highlight_times (importer, real, "5", &update_us, &frame_ms);
    g_print ("keystroke to highlight painted, " REAL " (38 problems listed, one more and back): %.1f ms\n",
             frame_ms);
  }
  if (bus != NULL)
    g_test_dbus_down (bus);
  return 0;
}
