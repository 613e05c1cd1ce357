/* test-cli.c — nianbao-cli as a black box: exit statuses, output, bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#define SEED_OK     "000_773531145496868f"
#define SEED_ERRORS "003_babb1a0d8021a832"

#define CHILD_MEMORY_LIMIT (512 * 1024 * 1024)
#define CHILD_CPU_SECONDS  60
#define CHILD_FILE_LIMIT   4096

/* Running the tool */

typedef struct
{
  int   wait_status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

/* Bad input must not make the tool use unbounded memory or time, nor
 * leave core files behind when it crashes. */
static void
limit_resources (gpointer user_data)
{
  const struct rlimit memory = { CHILD_MEMORY_LIMIT, CHILD_MEMORY_LIMIT };
  const struct rlimit cpu = { CHILD_CPU_SECONDS, CHILD_CPU_SECONDS };
  const struct rlimit core = { 0, 0 };

#ifndef NB_TEST_SANITIZED
  setrlimit (RLIMIT_AS, &memory);
#else
  (void) memory;
#endif
  setrlimit (RLIMIT_CPU, &cpu);
  setrlimit (RLIMIT_CORE, &core);
}

/* Makes every write past CHILD_FILE_LIMIT bytes fail with EFBIG, as a
 * full disk would, instead of killing the child. */
static void
limit_file_size (gpointer user_data)
{
  const struct rlimit size = { CHILD_FILE_LIMIT, CHILD_FILE_LIMIT };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &size);
}

static CliRun *
run_cliv (GSpawnChildSetupFunc  setup,
          const char * const   *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *command = NULL;
  const char *cli = g_getenv ("NIANBAO_CLI");
  CliRun *run = g_new0 (CliRun, 1);

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  joined = g_strjoinv (" ", (char **) argv->pdata);
  command = g_utf8_make_valid (joined, -1);
  g_test_message ("running %s", command);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, setup, NULL,
                &run->out, &run->err, &run->wait_status, &error);
  g_assert_no_error (error);
  return run;
}

static CliRun *run_cli (GSpawnChildSetupFunc setup,
                        ...) G_GNUC_NULL_TERMINATED;

static CliRun *
run_cli (GSpawnChildSetupFunc setup,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, setup);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_cliv (setup, (const char * const *) args->pdata);
}

static gboolean
run_crashed (CliRun *run)
{
  g_autofree char *err = NULL;

  if (!WIFSIGNALED (run->wait_status))
    return FALSE;
  err = g_utf8_make_valid (run->err, -1);
  g_test_message ("nianbao-cli was killed by signal %d (%s); stderr: %s",
                  WTERMSIG (run->wait_status), g_strsignal (WTERMSIG (run->wait_status)), err);
  return TRUE;
}

/* The exit code; a child killed by a signal fails the test. */
static int
exit_code (CliRun *run)
{
  g_assert_false (run_crashed (run));
  g_assert_true (WIFEXITED (run->wait_status));
  return WEXITSTATUS (run->wait_status);
}

/* Temporary files */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nianbao-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  nb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* JSON output */

static JsonObject *
parse_object (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static void
assert_diagnostic_shape (JsonObject *diagnostic)
{
  const char *severity = json_object_get_string_member (diagnostic, "severity");

  g_assert_true (g_str_equal (severity, "error") || g_str_equal (severity, "warning") ||
                 g_str_equal (severity, "info"));
  g_assert_nonnull (json_object_get_string_member (diagnostic, "rule"));
  g_assert_nonnull (json_object_get_array_member (diagnostic, "cells"));
  g_assert_nonnull (json_object_get_string_member (diagnostic, "message"));
  if (json_object_has_member (diagnostic, "line"))
    g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), >, 0);
}

/* Checks what every line of `check --format=json` must hold: its status
 * agrees with its report and diagnostics. */
static void
assert_result_consistent (JsonObject *result)
{
  const char *status = json_object_get_string_member (result, "status");
  JsonNode *report = json_object_get_member (result, "report");
  JsonArray *diagnostics = json_object_get_array_member (result, "diagnostics");
  guint n_errors = 0;

  g_assert_nonnull (json_object_get_string_member (result, "path"));
  g_assert_nonnull (report);
  g_assert_nonnull (diagnostics);
  for (guint i = 0; i < json_array_get_length (diagnostics); i++)
    {
      JsonObject *diagnostic = json_array_get_object_element (diagnostics, i);

      assert_diagnostic_shape (diagnostic);
      n_errors += g_str_equal (json_object_get_string_member (diagnostic, "severity"), "error");
    }

  if (g_str_equal (status, "unreadable"))
    {
      JsonObject *diagnostic;

      g_assert_true (JSON_NODE_HOLDS_NULL (report));
      g_assert_cmpuint (json_array_get_length (diagnostics), ==, 1);
      diagnostic = json_array_get_object_element (diagnostics, 0);
      g_assert_cmpstr (json_object_get_string_member (diagnostic, "rule"), ==, "file.unreadable");
      g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "error");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (diagnostic, "cells")), ==, 0);
      return;
    }

  g_assert_true (JSON_NODE_HOLDS_OBJECT (report));
  if (g_str_equal (status, "ok"))
    g_assert_cmpuint (n_errors, ==, 0);
  else if (g_str_equal (status, "errors"))
    g_assert_cmpuint (n_errors, >, 0);
  else
    g_assert_not_reached ();
}

/* Splits `check --format=json` output into its objects, one per line. */
static GPtrArray *
parse_results (const char *out,
               guint       n_expected)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_cmpuint (g_strv_length (lines), ==, n_expected + 1);
  g_assert_cmpstr (lines[n_expected], ==, "");
  for (guint i = 0; i < n_expected; i++)
    {
      JsonObject *result = parse_object (lines[i]);

      assert_result_consistent (result);
      g_ptr_array_add (results, result);
    }
  return results;
}

static int
status_exit_code (const char *status)
{
  if (g_str_equal (status, "ok"))
    return 0;
  if (g_str_equal (status, "errors"))
    return 1;
  return 2;
}

static JsonObject *
find_diagnostic (JsonObject *result,
                 const char *rule)
{
  JsonArray *diagnostics = json_object_get_array_member (result, "diagnostics");

  for (guint i = 0; i < json_array_get_length (diagnostics); i++)
    {
      JsonObject *diagnostic = json_array_get_object_element (diagnostics, i);

      if (g_str_equal (json_object_get_string_member (diagnostic, "rule"), rule))
        return diagnostic;
    }
  return NULL;
}

static void
assert_cells (JsonObject        *diagnostic,
              const char * const *expected)
{
  JsonArray *cells = json_object_get_array_member (diagnostic, "cells");

  g_assert_cmpuint (json_array_get_length (cells), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (json_array_get_string_element (cells, i), ==, expected[i]);
}

static gboolean
has_equal_diagnostic (JsonArray *diagnostics,
                      JsonNode  *wanted)
{
  for (guint i = 0; i < json_array_get_length (diagnostics); i++)
    if (json_node_equal (json_array_get_element (diagnostics, i), wanted))
      return TRUE;
  return FALSE;
}

/* @converted is @original's text in @charset: the same report, the same
 * diagnostics, and one more that tells the encoding. */
static void
assert_same_report (JsonObject *converted,
                    JsonObject *original,
                    const char *charset)
{
  JsonArray *converted_diagnostics = json_object_get_array_member (converted, "diagnostics");
  JsonArray *original_diagnostics = json_object_get_array_member (original, "diagnostics");
  JsonObject *encoding;

  g_assert_cmpstr (json_object_get_string_member (converted, "status"), ==,
                   json_object_get_string_member (original, "status"));
  g_assert_true (json_node_equal (json_object_get_member (converted, "report"),
                                  json_object_get_member (original, "report")));

  g_assert_cmpuint (json_array_get_length (converted_diagnostics), ==,
                    json_array_get_length (original_diagnostics) + 1);
  for (guint i = 0; i < json_array_get_length (original_diagnostics); i++)
    g_assert_true (has_equal_diagnostic (converted_diagnostics,
                                         json_array_get_element (original_diagnostics, i)));

  encoding = find_diagnostic (converted, "parse.encoding");
  g_assert_nonnull (encoding);
  g_assert_cmpstr (json_object_get_string_member (encoding, "severity"), ==, "info");
  g_assert_false (json_object_has_member (encoding, "line"));
  g_assert_nonnull (strstr (json_object_get_string_member (encoding, "message"), charset));
}

/* check */

/* The output's lines without the notes (info) on the seeds' writing */
static GStrv
problem_lines (const char *out)
{
  g_auto(GStrv) all = g_strsplit (out, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (strstr (all[i], ": info: [text.") == NULL)
      g_strv_builder_add (builder, all[i]);
  return g_strv_builder_end (builder);
}

static void
test_check_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CliRun) run = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *errors_path = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *extra_values = NULL;
  g_autofree char *total = NULL;

  g_ptr_array_add (paths, g_strdup ("check"));
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    g_ptr_array_add (paths, nb_test_seed_path (nb_test_seeds[i]));
  g_ptr_array_add (paths, NULL);
  run = run_cliv (NULL, (const char * const *) paths->pdata);

  g_assert_cmpint (exit_code (run), ==, 1);
  extra_values = g_strdup_printf ("%s:88: error: [parse.extra-values] "
                                  "“四、政府信息公开行政复议、行政诉讼情况” has 16 numbers for "
                                  "15 columns: the first 15 were kept, these were left over: 1",
                                  errors_path);
  total = g_strdup_printf ("%s:88: error: [t4.total] "
                           "复议后起诉: 总计 = 0, but 维持 + 纠正 + 其他 + 尚未审结 = 1",
                           errors_path);
  lines = problem_lines (run->out);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, extra_values);
  g_assert_cmpstr (lines[1], ==, total);
  g_assert_cmpstr (lines[2], ==, "");
  /* the notes on the writing of seeds 001 and 004 are listed too */
  g_assert_nonnull (strstr (run->out, ": info: [text.punctuation] "));
  g_assert_cmpstr (run->err, ==, "5 files: 4 ok, 1 with errors, 0 unreadable\n");
}

static void
test_check_json (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const statuses[] = { "ok", "ok", "ok", "errors", "ok" };
  static const char * const total_cells[] = {
    "t4/litigation_after_review/total",
    "t4/litigation_after_review/upheld",
    "t4/litigation_after_review/corrected",
    "t4/litigation_after_review/other",
    "t4/litigation_after_review/pending",
    NULL
  };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(CliRun) run = NULL;
  JsonObject *report;
  JsonObject *errors;
  JsonObject *diagnostic;

  g_ptr_array_add (args, g_strdup ("check"));
  g_ptr_array_add (args, g_strdup ("--format=json"));
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    g_ptr_array_add (args, nb_test_seed_path (nb_test_seeds[i]));
  g_ptr_array_add (args, NULL);
  run = run_cliv (NULL, (const char * const *) args->pdata);

  g_assert_cmpint (exit_code (run), ==, 1);
  g_assert_cmpstr (run->err, ==, "");
  results = parse_results (run->out, G_N_ELEMENTS (statuses));
  for (guint i = 0; i < results->len; i++)
    {
      JsonObject *result = g_ptr_array_index (results, i);

      g_assert_cmpstr (json_object_get_string_member (result, "path"), ==, args->pdata[i + 2]);
      g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, statuses[i]);
      /* an ok seed has nothing but notes (info) on its writing */
      if (g_str_equal (statuses[i], "ok"))
        {
          JsonArray *diagnostics = json_object_get_array_member (result, "diagnostics");

          for (guint d = 0; d < json_array_get_length (diagnostics); d++)
            g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (diagnostics, d),
                                                            "severity"), ==, "info");
        }
    }

  report = json_object_get_object_member (g_ptr_array_index (results, 0), "report");
  g_assert_cmpstr (json_object_get_string_member (report, "format"), ==, "nianbao-report");
  g_assert_cmpstr (json_object_get_string_member (report, "organ"), ==, "偃师区伊洛街道办事处");
  g_assert_cmpint (json_object_get_int_member (report, "year"), ==, 2024);

  errors = g_ptr_array_index (results, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (errors, "diagnostics")), ==, 2);
  diagnostic = find_diagnostic (errors, "t4.total");
  g_assert_nonnull (diagnostic);
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "error");
  g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), ==, 88);
  assert_cells (diagnostic, total_cells);
  diagnostic = find_diagnostic (errors, "parse.extra-values");
  g_assert_nonnull (diagnostic);
  g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), ==, 88);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (diagnostic, "cells")), ==, 15);
}

static void
test_check_exit_status (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *ok = nb_test_seed_path (SEED_OK);
  g_autofree char *other_ok = nb_test_seed_path (nb_test_seeds[4]);
  g_autofree char *errors = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autoptr(CliRun) one = run_cli (NULL, "check", ok, NULL);
  g_autoptr(CliRun) two = run_cli (NULL, "check", ok, other_ok, NULL);
  g_autoptr(CliRun) with_errors = run_cli (NULL, "check", ok, errors, NULL);
  g_autoptr(CliRun) with_unreadable = run_cli (NULL, "check", errors, missing, ok, NULL);

  g_assert_cmpint (exit_code (one), ==, 0);
  g_assert_cmpstr (one->out, ==, "");
  g_assert_cmpstr (one->err, ==, "1 file: 1 ok, 0 with errors, 0 unreadable\n");

  g_assert_cmpint (exit_code (two), ==, 0);
  /* seed 004 has a note (info) on its writing, nothing more */
  g_assert_null (strstr (two->out, ": error: "));
  g_assert_null (strstr (two->out, ": warning: "));
  g_assert_cmpstr (two->err, ==, "2 files: 2 ok, 0 with errors, 0 unreadable\n");

  g_assert_cmpint (exit_code (with_errors), ==, 1);
  g_assert_cmpstr (with_errors->err, ==, "2 files: 1 ok, 1 with errors, 0 unreadable\n");

  /* unreadable outranks errors */
  g_assert_cmpint (exit_code (with_unreadable), ==, 2);
  g_assert_cmpstr (with_unreadable->err, ==, "3 files: 1 ok, 1 with errors, 1 unreadable\n");
}

/* A batch of every kind of outcome, each file several times: ok, with
 * errors, missing, a folder, not a report. */
static GPtrArray *
mixed_batch (Fixture *fixture)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "folder", NULL);
  g_autofree char *news = write_file (fixture, "news.txt", "新华社北京11月28日电\n", -1);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  for (guint round = 0; round < 7; round++)
    {
      for (guint i = 0; nb_test_seeds[i] != NULL; i++)
        g_ptr_array_add (paths, nb_test_seed_path (nb_test_seeds[(i + round) % 5]));
      g_ptr_array_add (paths, g_strdup_printf ("%s/missing-%u.txt", fixture->dir, round));
      g_ptr_array_add (paths, g_strdup (round % 2 ? folder : news));
    }
  return paths;
}

static CliRun *
run_check (GPtrArray  *paths,
           const char *format,
           const char *jobs)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "check");
  g_ptr_array_add (args, (gpointer) format);
  if (jobs != NULL)
    g_ptr_array_add (args, (gpointer) jobs);
  g_ptr_array_extend (args, paths, NULL, NULL);
  g_ptr_array_add (args, NULL);
  return run_cliv (NULL, (const char * const *) args->pdata);
}

/* Any number of jobs writes the bytes one job writes, files in the order
 * given. */
static void
test_check_jobs_same_output (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const formats[] = { "--format=text", "--format=json" };
  static const char * const jobs[] = { "--jobs=2", "--jobs=3", "--jobs=8", NULL };
  g_autoptr(GPtrArray) paths = mixed_batch (fixture);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(CliRun) one = run_check (paths, formats[f], "--jobs=1");

      g_assert_cmpint (exit_code (one), ==, 2);
      g_assert_cmpuint (strlen (one->out), >, 1000);
      for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
        {
          g_autoptr(CliRun) many = run_check (paths, formats[f], jobs[j]);

          g_test_message ("%s %s: %s", formats[f], jobs[j] ? jobs[j] : "(one per processor)", many->err);
          g_assert_cmpint (exit_code (many), ==, 2);
          g_assert_cmpstr (many->out, ==, one->out);
          g_assert_cmpstr (many->err, ==, one->err);
        }
    }
}

static void
test_check_jobs_order (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = mixed_batch (fixture);
  g_autoptr(CliRun) run = run_check (paths, "--format=json", "--jobs=4");
  g_autoptr(GPtrArray) results = parse_results (run->out, paths->len);

  g_assert_cmpint (exit_code (run), ==, 2);
  for (guint i = 0; i < paths->len; i++)
    {
      JsonObject *result = g_ptr_array_index (results, i);
      const char *path = g_ptr_array_index (paths, i);
      const char *status = json_object_get_string_member (result, "status");

      g_assert_cmpstr (json_object_get_string_member (result, "path"), ==, path);
      if (strstr (path, SEED_ERRORS) != NULL)
        g_assert_cmpstr (status, ==, "errors");
      else if (strstr (path, "seeds") != NULL)
        g_assert_cmpstr (status, ==, "ok");
      else
        g_assert_cmpstr (status, ==, "unreadable");
    }
}

static void
test_check_jobs_exit_status (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *ok = nb_test_seed_path (SEED_OK);
  g_autofree char *other_ok = nb_test_seed_path (nb_test_seeds[4]);
  g_autofree char *errors = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autoptr(CliRun) all_ok = run_cli (NULL, "check", "--jobs=2", ok, other_ok, ok, NULL);
  g_autoptr(CliRun) with_errors = run_cli (NULL, "check", "--jobs=2", ok, errors, ok, NULL);
  g_autoptr(CliRun) with_unreadable = run_cli (NULL, "check", "--jobs=3", errors, ok, missing, NULL);
  g_autoptr(CliRun) more_jobs = run_cli (NULL, "check", "--jobs=16", errors, NULL);
  /* seed 004 is ok with one note on its writing, a half-width comma */
  g_autofree char *note =
    g_strdup_printf ("%s:27: info: [text.punctuation] A half-width “,” in Chinese text: "
                     "“工作,对拟发布的文字、图片等信息依法依规进行保密审查，未经审查批准的不得上报，确保”\n",
                     other_ok);

  g_assert_cmpint (exit_code (all_ok), ==, 0);
  g_assert_cmpstr (all_ok->out, ==, note);
  g_assert_cmpstr (all_ok->err, ==, "3 files: 3 ok, 0 with errors, 0 unreadable\n");
  g_assert_cmpint (exit_code (with_errors), ==, 1);
  g_assert_cmpstr (with_errors->err, ==, "3 files: 2 ok, 1 with errors, 0 unreadable\n");
  g_assert_cmpint (exit_code (with_unreadable), ==, 2);
  g_assert_cmpstr (with_unreadable->err, ==, "3 files: 1 ok, 1 with errors, 1 unreadable\n");
  g_assert_cmpint (exit_code (more_jobs), ==, 1);
  g_assert_cmpstr (more_jobs->err, ==, "1 file: 0 ok, 1 with errors, 0 unreadable\n");
}

static void
test_check_jobs_usage (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const wrong[] = { "--jobs=0", "--jobs=-2", "--jobs=257", "--jobs=many", "--jobs=" };
  g_autofree char *ok = nb_test_seed_path (SEED_OK);

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(CliRun) run = run_cli (NULL, "check", wrong[i], ok, NULL);

      g_test_message ("%s", wrong[i]);
      g_assert_cmpint (exit_code (run), ==, 2);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_nonnull (strstr (run->err, "nianbao-cli: "));
      g_assert_nonnull (strstr (run->err, "--jobs"));
    }
}

/* A finding a reviewer marked checked is listed as such and is not an
 * error the exit status counts. */
static void
test_check_checked (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autoptr(NbReport) report = nb_test_import_seed (importer, SEED_ERRORS);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "checked.nianbao.json", NULL);
  g_autoptr(CliRun) text = NULL;
  g_autoptr(CliRun) json = NULL;
  g_autoptr(JsonObject) result = NULL;
  JsonObject *diagnostic;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (validator)); i++)
    {
      g_autoptr(NbDiagnostic) each = g_list_model_get_item (G_LIST_MODEL (validator), i);

      if (nb_diagnostic_get_severity (each) == NB_SEVERITY_ERROR)
        nb_report_set_checked (report, each, "复议后起诉 counted twice in the original");
    }
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==, 0);
  bytes = nb_canonical_write (report);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  text = run_cli (NULL, "check", path, NULL);
  g_assert_cmpint (exit_code (text), ==, 0);
  g_assert_nonnull (strstr (text->out, ": error, checked: [t4.total] 复议后起诉: 总计 = 0, but "
                                       "维持 + 纠正 + 其他 + 尚未审结 = 1 — 复议后起诉 counted twice "
                                       "in the original\n"));
  g_assert_cmpstr (text->err, ==, "1 file: 1 ok, 0 with errors, 0 unreadable\n");

  json = run_cli (NULL, "check", "--format=json", path, NULL);
  g_assert_cmpint (exit_code (json), ==, 0);
  result = parse_object (json->out);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "ok");
  diagnostic = find_diagnostic (result, "t4.total");
  g_assert_nonnull (diagnostic);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (diagnostic, "checked"),
                                                  "note"), ==, "复议后起诉 counted twice in the original");
}

/* Checks @path that holds no report, in both formats, under limits. */
static void
assert_unreadable (const char *path,
                   const char *message_part)
{
  g_autoptr(CliRun) text = run_cli (limit_resources, "check", path, NULL);
  g_autoptr(CliRun) json = run_cli (limit_resources, "check", "--format=json", path, NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: error: [file.unreadable] ", path);
  JsonObject *result;
  JsonObject *diagnostic;

  g_assert_cmpint (exit_code (text), ==, 2);
  g_assert_true (g_str_has_prefix (text->out, prefix));
  g_assert_nonnull (strstr (text->out, message_part));
  g_assert_cmpstr (text->err, ==, "1 file: 0 ok, 0 with errors, 1 unreadable\n");

  g_assert_cmpint (exit_code (json), ==, 2);
  results = parse_results (json->out, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpstr (json_object_get_string_member (result, "path"), ==, path);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "unreadable");
  diagnostic = find_diagnostic (result, "file.unreadable");
  g_assert_nonnull (diagnostic);
  g_test_message ("message: %s", json_object_get_string_member (diagnostic, "message"));
  g_assert_nonnull (strstr (json_object_get_string_member (diagnostic, "message"), message_part));
}

static void
test_check_empty (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "empty.txt", "", 0);

  assert_unreadable (path, "not an annual report");
}

static void
test_check_binary (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  g_autofree guchar *noise = g_malloc (64 * 1024);
  g_autofree char *path = NULL;

  for (gsize i = 0; i < 64 * 1024; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  g_assert_nonnull (memchr (noise, '\0', 64 * 1024));
  path = write_file (fixture, "noise.bin", (const char *) noise, 64 * 1024);

  assert_unreadable (path, "binary data");
}

static void
test_check_invalid_utf8 (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) seed = nb_test_load_seed (SEED_OK);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) text = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *path = NULL;
  const char *status;
  const char *row;
  JsonObject *result;
  JsonObject *encoding;
  gsize size;
  gsize offset;
  guint line = 1;

  size = g_bytes_get_size (seed);
  copy = g_memdup2 (g_bytes_get_data (seed, NULL), size);
  row = g_strstr_len (copy, size, "1. 属于国家秘密");
  g_assert_nonnull (row);
  offset = row - copy + strlen ("1. ");
  memcpy (copy + offset, "\xff\xfe\xc0", 3);
  for (gsize i = 0; i < offset; i++)
    line += copy[i] == '\n';
  path = write_file (fixture, "broken-utf8.txt", copy, size);

  run = run_cli (limit_resources, "check", "--format=json", path, NULL);
  results = parse_results (run->out, 1);
  result = g_ptr_array_index (results, 0);
  status = json_object_get_string_member (result, "status");
  g_test_message ("status %s", status);
  g_assert_cmpint (exit_code (run), ==, status_exit_code (status));
  if (!g_str_equal (status, "unreadable"))
    {
      encoding = find_diagnostic (result, "parse.encoding");
      g_assert_nonnull (encoding);
      g_assert_cmpstr (json_object_get_string_member (encoding, "severity"), ==, "info");
      g_assert_cmpint (json_object_get_int_member (encoding, "line"), ==, line);
    }

  text = run_cli (limit_resources, "check", path, NULL);
  g_assert_cmpint (exit_code (text), ==, status_exit_code (status));
  g_assert_true (g_utf8_validate (text->out, -1, NULL));
}

static void
test_check_too_large (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.txt", NULL);
  g_autofree char *limit = g_strdup_printf ("at most %d MB", NB_READER_MAX_FILE / (1024 * 1024));
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  g_assert_true (g_close (fd, NULL));

  assert_unreadable (path, limit);
  assert_unreadable (path, "50.0 MB");
}

/* A file whose size says nothing about its length. */
static void
test_check_endless (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *limit = g_strdup_printf ("%d MB", NB_READER_MAX_FILE / (1024 * 1024));

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }
  assert_unreadable ("/dev/zero", limit);
}

static void
test_check_not_a_report (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "news.txt",
    "新华社北京11月28日电 记者从国家统计局获悉，今年前十个月全国规模以上工业企业"
    "实现利润同比增长，其中高技术制造业利润增长较快。专家表示，随着一系列稳增长"
    "政策落地见效，工业经济有望继续保持回升向好态势。\n", -1);

  assert_unreadable (path, "not an annual report");
}

static void
test_check_directory (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "folder", NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  assert_unreadable (path, "folder");
}

static void
test_check_missing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing.txt", NULL);

  assert_unreadable (path, "No such file");
}

/* json-glib parses recursively: nesting must not overflow the stack. */
static void
test_check_deep_json (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{\"a\":");
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (json, '[');
  path = write_file (fixture, "deep.nianbao.json", json->str, json->len);

  run = run_cli (limit_resources, "check", "--format=json", path, NULL);
  g_assert_false (run_crashed (run));
  g_assert_cmpint (exit_code (run), ==, 2);
  results = parse_results (run->out, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (results, 0), "status"), ==,
                   "unreadable");
}

/* File names need not be UTF-8; the JSON lines must still be. */
static void
test_check_non_utf8_path (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) seed = nb_test_load_seed (SEED_OK);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *path = NULL;

  path = write_file (fixture, "seed-\xff.txt", g_bytes_get_data (seed, NULL), g_bytes_get_size (seed));
  run = run_cli (NULL, "check", "--format=json", path, NULL);
  g_assert_cmpint (exit_code (run), ==, 0);
  g_assert_true (g_utf8_validate (run->out, -1, NULL));
  results = parse_results (run->out, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (results, 0), "status"), ==, "ok");
}

/* Writes seed @stem in @charset, optionally with a byte order mark,
 * and checks it beside the UTF-8 original. */
static GPtrArray *
check_reencoded (Fixture    *fixture,
                 const char *stem,
                 const char *charset,
                 const char *bom,
                 gsize       bom_length)
{
  g_autoptr(GBytes) seed = nb_test_load_seed (stem);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) contents = g_string_new_len (bom, bom_length);
  g_autoptr(CliRun) run = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%s%s.txt", stem, charset, bom_length ? "-bom" : "");
  g_autofree char *path = NULL;
  g_autofree char *original = nb_test_seed_path (stem);
  GPtrArray *results;
  gsize length = 0;

  converted = g_convert (g_bytes_get_data (seed, NULL), g_bytes_get_size (seed),
                         charset, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_string_append_len (contents, converted, length);
  path = write_file (fixture, name, contents->str, contents->len);

  run = run_cli (limit_resources, "check", "--format=json", path, original, NULL);
  results = parse_results (run->out, 2);
  g_assert_cmpint (exit_code (run), ==,
                   MAX (status_exit_code (json_object_get_string_member (results->pdata[0], "status")),
                        status_exit_code (json_object_get_string_member (results->pdata[1], "status"))));
  return results;
}

static void
test_check_gb18030 (Fixture       *fixture,
                    gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) results = check_reencoded (fixture, nb_test_seeds[i], "GB18030", NULL, 0);

      assert_same_report (results->pdata[0], results->pdata[1], "GB18030");
      if (g_str_equal (nb_test_seeds[i], SEED_OK))
        g_assert_cmpstr (json_object_get_string_member (results->pdata[0], "status"), ==, "ok");
    }
}

static void
test_check_utf16 (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) with_bom = check_reencoded (fixture, SEED_OK, "UTF-16LE", "\xff\xfe", 2);
  g_autoptr(GPtrArray) without_bom = NULL;

  assert_same_report (with_bom->pdata[0], with_bom->pdata[1], "UTF-16LE");

  without_bom = check_reencoded (fixture, SEED_OK, "UTF-16LE", NULL, 0);
  assert_same_report (without_bom->pdata[0], without_bom->pdata[1], "UTF-16LE");
}

/* convert */

static void
test_convert_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autofree char *first = g_build_filename (fixture->dir, "first.nianbao.json", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.nianbao.json", NULL);
  g_autofree char *first_bytes = NULL;
  g_autofree char *second_bytes = NULL;
  g_autoptr(CliRun) convert = run_cli (NULL, "convert", seed, first, NULL);
  g_autoptr(CliRun) check = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gsize first_length;
  gsize second_length;

  g_assert_cmpint (exit_code (convert), ==, 0);
  g_assert_cmpstr (convert->out, ==, "");
  g_assert_cmpstr (convert->err, ==, "");

  check = run_cli (NULL, "check", "--format=json", first, seed, NULL);
  g_assert_cmpint (exit_code (check), ==, 0);
  results = parse_results (check->out, 2);
  g_assert_cmpstr (json_object_get_string_member (results->pdata[0], "status"), ==, "ok");
  g_assert_true (json_node_equal (json_object_get_member (results->pdata[0], "report"),
                                  json_object_get_member (results->pdata[1], "report")));

  again = run_cli (NULL, "convert", first, second, NULL);
  g_assert_cmpint (exit_code (again), ==, 0);
  first_bytes = read_file (first, &first_length);
  second_bytes = read_file (second, &second_length);
  g_assert_cmpmem (first_bytes, first_length, second_bytes, second_length);
}

static void
test_convert_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *out = g_build_filename (fixture->dir, "errors.nianbao.json", NULL);
  g_autofree char *line = g_strdup_printf ("%s:88: error: [t4.total] ", seed);
  g_autoptr(CliRun) convert = run_cli (NULL, "convert", seed, out, NULL);
  g_autoptr(CliRun) check = NULL;
  g_autoptr(GPtrArray) results = NULL;

  g_assert_cmpint (exit_code (convert), ==, 1);
  g_assert_cmpstr (convert->out, ==, "");
  g_assert_nonnull (strstr (convert->err, line));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  check = run_cli (NULL, "check", "--format=json", out, NULL);
  g_assert_cmpint (exit_code (check), ==, 1);
  results = parse_results (check->out, 1);
  g_assert_cmpstr (json_object_get_string_member (results->pdata[0], "status"), ==, "errors");
  g_assert_nonnull (find_diagnostic (results->pdata[0], "t4.total"));
}

static void
test_convert_stdout (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autofree char *errors = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *out = g_build_filename (fixture->dir, "out.nianbao.json", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(CliRun) to_file = run_cli (NULL, "convert", seed, out, NULL);
  g_autoptr(CliRun) to_stdout = run_cli (NULL, "convert", seed, "-", NULL);
  g_autoptr(CliRun) errors_to_stdout = run_cli (NULL, "convert", errors, "-", NULL);
  g_autoptr(JsonObject) report = NULL;
  gsize length;

  g_assert_cmpint (exit_code (to_file), ==, 0);
  g_assert_cmpint (exit_code (to_stdout), ==, 0);
  g_assert_cmpstr (to_stdout->err, ==, "");
  saved = read_file (out, &length);
  g_assert_cmpmem (to_stdout->out, strlen (to_stdout->out), saved, length);

  report = parse_object (to_stdout->out);
  g_assert_cmpstr (json_object_get_string_member (report, "organ"), ==, "偃师区伊洛街道办事处");
  g_assert_cmpint (json_object_get_int_member (report, "year"), ==, 2024);

  g_assert_cmpint (exit_code (errors_to_stdout), ==, 1);
  g_assert_nonnull (strstr (errors_to_stdout->err, "[t4.total]"));
  g_clear_pointer (&report, json_object_unref);
  report = parse_object (errors_to_stdout->out);
  g_assert_cmpstr (json_object_get_string_member (report, "organ"), ==, "侯寨办事处");
}

static void
test_convert_unwritable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autofree char *plain = write_file (fixture, "plain", "not a folder\n", -1);
  g_autofree char *inside = g_build_filename (plain, "out.nianbao.json", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.nianbao.json", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: error: ", inside);
  g_autofree char *contents = NULL;
  g_autoptr(CliRun) under_file = run_cli (NULL, "convert", seed, inside, NULL);
  g_autoptr(CliRun) onto_folder = NULL;

  g_assert_cmpint (exit_code (under_file), ==, 2);
  g_assert_cmpstr (under_file->out, ==, "");
  g_assert_true (g_str_has_prefix (under_file->err, prefix));
  contents = read_file (plain, NULL);
  g_assert_cmpstr (contents, ==, "not a folder\n");

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  onto_folder = run_cli (NULL, "convert", seed, folder, NULL);
  g_assert_cmpint (exit_code (onto_folder), ==, 2);
  g_assert_nonnull (strstr (onto_folder->err, "error"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (folder), ==, 0);
}

/* A save that fails half-way (disk full) must leave the old file. */
static void
test_convert_failed_save (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char old[] = "{\"old\": \"content\"}\n";
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autofree char *out = write_file (fixture, "report.nianbao.json", old, -1);
  g_autofree char *contents = NULL;
  g_autoptr(CliRun) run = run_cli (limit_file_size, "convert", seed, out, NULL);

  g_assert_cmpint (exit_code (run), ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "File too large"));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 1);
  contents = read_file (out, NULL);
  g_assert_cmpstr (contents, ==, old);
}

static void
test_convert_usage (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autofree char *out = g_build_filename (fixture->dir, "out.nianbao.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autoptr(CliRun) none = run_cli (NULL, "convert", NULL);
  g_autoptr(CliRun) one = run_cli (NULL, "convert", seed, NULL);
  g_autoptr(CliRun) three = run_cli (NULL, "convert", seed, out, out, NULL);
  g_autoptr(CliRun) unreadable = run_cli (NULL, "convert", missing, out, NULL);
  CliRun *usage[] = { none, one, three };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_assert_cmpint (exit_code (usage[i]), ==, 2);
      g_assert_cmpstr (usage[i]->out, ==, "");
      g_assert_nonnull (strstr (usage[i]->err, "give one input and one output file"));
      g_assert_nonnull (strstr (usage[i]->err, "Usage"));
    }

  g_assert_cmpint (exit_code (unreadable), ==, 2);
  g_assert_nonnull (strstr (unreadable->err, "[file.unreadable]"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* export */

static void
test_export_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    const char *format;
    const char *magic;
  } formats[] = {
    { "docx", "PK\003\004" },
    { "html", "<!DOCTYPE html>\n<html lang=\"zh-CN\">" },
    { "txt", "偃师区伊洛街道办事处 2024 年政府信息公开工作年度报告\n\n一、总体情况\n" },
    { "pdf", "%PDF-" },
  };
  g_autofree char *seed = nb_test_seed_path (SEED_OK);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("report.", formats[i].format, NULL);
      g_autofree char *out = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *to = g_strconcat ("--to=", formats[i].format, NULL);
      g_autoptr(CliRun) run = run_cli (NULL, "export", to, seed, out, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("format %s", formats[i].format);
      g_assert_cmpint (exit_code (run), ==, 0);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_cmpstr (run->err, ==, "");
      contents = read_file (out, &length);
      g_assert_cmpuint (length, >, strlen (formats[i].magic));
      g_assert_cmpmem (contents, strlen (formats[i].magic), formats[i].magic, strlen (formats[i].magic));
    }

  /* the text reads back as the same report */
  {
    g_autofree char *text = g_build_filename (fixture->dir, "report.txt", NULL);
    g_autoptr(CliRun) check = run_cli (NULL, "check", "--format=json", text, seed, NULL);
    g_autoptr(GPtrArray) results = NULL;

    g_assert_cmpint (exit_code (check), ==, 0);
    results = parse_results (check->out, 2);
    g_assert_true (json_node_equal (json_object_get_member (results->pdata[0], "report"),
                                    json_object_get_member (results->pdata[1], "report")));
  }
  g_assert_cmpuint (count_entries (fixture->dir), ==, G_N_ELEMENTS (formats));
}

static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *out = g_build_filename (fixture->dir, "errors.docx", NULL);
  g_autofree char *line = g_strdup_printf ("%s:88: error: [t4.total] ", seed);
  g_autofree char *summary = g_strdup_printf ("%s: the exported report still has 2 errors\n", out);
  g_autoptr(CliRun) run = run_cli (NULL, "export", "--to=docx", seed, out, NULL);

  g_assert_cmpint (exit_code (run), ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, line));
  g_assert_true (g_str_has_suffix (run->err, summary));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

static void
test_export_format_choice (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.PDF", NULL);
  g_autofree char *odd = g_build_filename (fixture->dir, "report.odt", NULL);
  g_autofree char *html = g_build_filename (fixture->dir, "report.odt.html", NULL);
  g_autoptr(CliRun) by_extension = run_cli (NULL, "export", seed, pdf, NULL);
  g_autoptr(CliRun) unknown_extension = run_cli (NULL, "export", seed, odd, NULL);
  g_autoptr(CliRun) unknown_format = run_cli (NULL, "export", "--to=doc", seed, html, NULL);
  g_autoptr(CliRun) short_option = run_cli (NULL, "export", "-t", "html", seed, odd, NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (exit_code (by_extension), ==, 0);
  contents = read_file (pdf, NULL);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_cmpint (exit_code (unknown_extension), ==, 2);
  g_assert_nonnull (strstr (unknown_extension->err, "--to=docx|html|txt|pdf"));
  g_assert_cmpint (exit_code (unknown_format), ==, 2);
  g_assert_nonnull (strstr (unknown_format->err, "the format must be docx, html, txt or pdf"));
  g_assert_false (g_file_test (html, G_FILE_TEST_EXISTS));

  /* --to wins over the extension */
  g_assert_cmpint (exit_code (short_option), ==, 0);
  g_clear_pointer (&contents, g_free);
  contents = read_file (odd, NULL);
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
}

static void
test_export_stdout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autofree char *out = g_build_filename (fixture->dir, "report.html", NULL);
  g_autoptr(CliRun) to_file = run_cli (NULL, "export", seed, out, NULL);
  g_autoptr(CliRun) to_stdout = run_cli (NULL, "export", "--to=html", seed, "-", NULL);
  g_autofree char *saved = NULL;
  gsize length;

  g_assert_cmpint (exit_code (to_file), ==, 0);
  g_assert_cmpint (exit_code (to_stdout), ==, 0);
  g_assert_cmpstr (to_stdout->err, ==, "");
  saved = read_file (out, &length);
  g_assert_cmpmem (to_stdout->out, strlen (to_stdout->out), saved, length);
}

static void
test_export_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char old[] = "an old document\n";
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autofree char *plain = write_file (fixture, "plain", "not a folder\n", -1);
  g_autofree char *inside = g_build_filename (plain, "out.docx", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: error: Could not save", inside);
  g_autofree char *existing = write_file (fixture, "report.pdf", old, -1);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autofree char *never = g_build_filename (fixture->dir, "never.docx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(CliRun) under_file = run_cli (NULL, "export", seed, inside, NULL);
  g_autoptr(CliRun) disk_full = run_cli (limit_file_size, "export", seed, existing, NULL);
  g_autoptr(CliRun) unreadable = run_cli (NULL, "export", missing, never, NULL);

  g_assert_cmpint (exit_code (under_file), ==, 2);
  g_assert_true (g_str_has_prefix (under_file->err, prefix));

  /* a write that fails half-way leaves the old file */
  g_assert_cmpint (exit_code (disk_full), ==, 2);
  g_assert_nonnull (strstr (disk_full->err, "File too large"));
  contents = read_file (existing, NULL);
  g_assert_cmpstr (contents, ==, old);

  g_assert_cmpint (exit_code (unreadable), ==, 2);
  g_assert_nonnull (strstr (unreadable->err, "[file.unreadable]"));
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (fixture->dir), ==, 2);
}

static void
test_export_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autofree char *out = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autoptr(CliRun) none = run_cli (NULL, "export", NULL);
  g_autoptr(CliRun) one = run_cli (NULL, "export", "--to=pdf", seed, NULL);
  g_autoptr(CliRun) three = run_cli (NULL, "export", seed, out, out, NULL);
  g_autoptr(CliRun) help = run_cli (NULL, "export", "--help", NULL);
  g_autoptr(CliRun) tool = run_cli (NULL, "--help", NULL);
  CliRun *usage[] = { none, one, three };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_assert_cmpint (exit_code (usage[i]), ==, 2);
      g_assert_cmpstr (usage[i]->out, ==, "");
      g_assert_nonnull (strstr (usage[i]->err, "give one input and one output file"));
    }
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_assert_cmpint (exit_code (help), ==, 0);
  g_assert_nonnull (strstr (help->out, "nianbao-cli export [OPTION…] IN OUT"));
  g_assert_nonnull (strstr (help->out, "--to=FORMAT"));
  g_assert_nonnull (strstr (help->out, "docx, html, txt or pdf"));
  g_assert_cmpint (exit_code (tool), ==, 0);
  g_assert_nonnull (strstr (tool->out, "  export "));
}

/* diff */

static char *
comparison_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "comparison", name, NULL);
}

static JsonObject *
find_change (JsonObject *result,
             const char *address)
{
  JsonArray *changes = json_object_get_array_member (result, "changes");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (g_str_equal (json_object_get_string_member (change, "cell"), address))
        return change;
    }
  return NULL;
}

static JsonObject *
find_diagnostic_message (JsonObject *result,
                         const char *rule,
                         const char *message)
{
  JsonArray *diagnostics = json_object_get_array_member (result, "diagnostics");

  for (guint i = 0; i < json_array_get_length (diagnostics); i++)
    {
      JsonObject *diagnostic = json_array_get_object_element (diagnostics, i);

      if (g_str_equal (json_object_get_string_member (diagnostic, "rule"), rule) &&
          g_str_equal (json_object_get_string_member (diagnostic, "message"), message))
        return diagnostic;
    }
  return NULL;
}

/* `diff --format=json` prints one object, on one line, with these keys. */
static JsonObject *
parse_diff (const char *out)
{
  static const char * const keys[] = { "older", "newer", "changes", "diagnostics" };
  JsonObject *result;
  g_autoptr(GList) members = NULL;
  guint i = 0;

  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (g_str_has_suffix (out, "\n"));
  g_assert_cmpint (strchr (out, '\n') - out, ==, strlen (out) - 1);
  result = parse_object (out);
  members = json_object_get_members (result);
  for (GList *l = members; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, keys[i]);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (keys));
  return result;
}

/* The text output's lines, without the final empty one. */
static char **
output_lines (CliRun *run)
{
  g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;
  return g_steal_pointer (&lines);
}

static void
test_diff_matching (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *newer = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *older = comparison_path ("houzhai-2023-matching.txt");
  g_autofree char *older_header = g_strdup_printf ("older: %s (侯寨办事处, 2023)", older);
  g_autofree char *newer_header = g_strdup_printf ("newer: %s (侯寨办事处, 2024)", newer);
  /* the newer one first: the output still starts with the older */
  g_autoptr(CliRun) run = run_cli (NULL, "diff", newer, older, NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (exit_code (run), ==, 0);
  lines = output_lines (run);
  /* the fixture took 2024's text for 2023's: a warning, listed last */
  g_assert_cmpuint (g_strv_length (lines), ==, 2 + 13 + 1);
  g_assert_nonnull (strstr (lines[15], ": warning: [year.text-similarity] The text is 98 % the same as last year's"));
  g_assert_cmpstr (lines[0], ==, older_header);
  g_assert_cmpstr (lines[1], ==, newer_header);
  g_assert_cmpstr (lines[2], ==, "t3/received/natural_person  自然人 一、本年新收政府信息公开申请数量: 6 → 8 (+2)");
  g_assert_cmpstr (lines[3], ==, "t3/received/total  总计 一、本年新收政府信息公开申请数量: 6 → 8 (+2)");
  g_assert_cmpstr (lines[6], ==, "t3/granted/natural_person  自然人 （一）予以公开: 2 → 1 (−1)");
  g_assert_cmpstr (lines[12], ==, "t3/carried_forward/natural_person  自然人 四、结转下年度继续办理: 1 → 0 (−1)");
  g_assert_cmpstr (lines[14], ==, "t4/litigation_after_review/corrected  结果纠正 复议后起诉: 0 → 1 (+1)");
  g_assert_null (strstr (run->out, "year.carry-over"));
  g_assert_null (strstr (run->out, "error"));
  g_assert_cmpstr (run->err, ==, "13 cells differ; 0 errors, 1 warning between the years\n");
}

static void
test_diff_mismatching (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *newer = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *older = comparison_path ("houzhai-2023-mismatching.txt");
  g_autofree char *older_header = g_strdup_printf ("older: %s (侯寨办事处, 2023)", older);
  /* the diagnostics name the newer file and its line */
  g_autofree char *in_force = g_strdup_printf ("%s:39: warning: [year.in-force] "
                                               "规章: 本年现行有效 = 0, but 上年现行有效 + 本年制发 − 本年废止 = 2",
                                               newer);
  g_autofree char *natural = g_strdup_printf ("%s:58: error: [year.carry-over] "
                                              "自然人: 本年 二、上年结转 = 1, but 上年 四、结转下年度 = 0", newer);
  g_autofree char *total = g_strdup_printf ("%s:58: error: [year.carry-over] "
                                            "总计: 本年 二、上年结转 = 1, but 上年 四、结转下年度 = 0", newer);
  g_autoptr(CliRun) run = run_cli (NULL, "diff", older, newer, NULL);
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_cmpint (exit_code (run), ==, 1);
  lines = output_lines (run);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, ==, 2 + 14 + 4);
  g_assert_cmpstr (lines[0], ==, older_header);
  g_assert_cmpstr (lines[2], ==, "t2/regulations/in_force  现行有效件数 规章: 2 → 0 (−2)");
  /* by line, as a compiler lists them, after the cells; those without
   * a line last */
  g_assert_cmpstr (lines[n - 4], ==, in_force);
  g_assert_cmpstr (lines[n - 3], ==, natural);
  g_assert_cmpstr (lines[n - 2], ==, total);
  g_assert_nonnull (strstr (lines[n - 1], ": warning: [year.text-similarity] "));
  g_assert_cmpstr (run->err, ==, "14 cells differ; 2 errors, 2 warnings between the years\n");
}

static void
test_diff_json (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const natural_cells[] = {
    "newer:t3/carried_over/natural_person", "older:t3/carried_forward/natural_person", NULL
  };
  static const char * const total_cells[] = {
    "newer:t3/carried_over/total", "older:t3/carried_forward/total", NULL
  };
  static const char * const in_force_cells[] = {
    "newer:t2/regulations/in_force", "older:t2/regulations/in_force",
    "newer:t2/regulations/issued", "newer:t2/regulations/repealed", NULL
  };
  g_autofree char *newer = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *older = comparison_path ("houzhai-2023-mismatching.txt");
  g_autoptr(CliRun) newer_first = run_cli (NULL, "diff", "--format=json", newer, older, NULL);
  g_autoptr(CliRun) older_first = run_cli (NULL, "diff", "-f", "json", older, newer, NULL);
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonObject) again = NULL;
  JsonObject *change;
  JsonObject *diagnostic;

  g_assert_cmpint (exit_code (newer_first), ==, 1);
  g_assert_cmpstr (newer_first->err, ==, "");
  result = parse_diff (newer_first->out);
  g_assert_cmpstr (json_object_get_string_member (result, "older"), ==, older);
  g_assert_cmpstr (json_object_get_string_member (result, "newer"), ==, newer);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "changes")), ==, 14);
  change = json_array_get_object_element (json_object_get_array_member (result, "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "cell"), ==, "t2/regulations/in_force");
  g_assert_cmpint (json_object_get_int_member (change, "older"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (change, "newer"), ==, 0);
  change = find_change (result, "t3/results_total/total");
  g_assert_nonnull (change);
  g_assert_cmpint (json_object_get_int_member (change, "older"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (change, "newer"), ==, 9);
  g_assert_null (find_change (result, "t3/received/commercial"));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "diagnostics")), ==, 4);
  g_assert_nonnull (find_diagnostic (result, "year.text-similarity"));
  for (guint i = 0; i < 4; i++)
    assert_diagnostic_shape (json_array_get_object_element (json_object_get_array_member (result, "diagnostics"), i));
  diagnostic = find_diagnostic_message (result, "year.carry-over",
                                        "自然人: 本年 二、上年结转 = 1, but 上年 四、结转下年度 = 0");
  g_assert_nonnull (diagnostic);
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "error");
  g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), ==, 58);
  assert_cells (diagnostic, natural_cells);
  diagnostic = find_diagnostic_message (result, "year.carry-over",
                                        "总计: 本年 二、上年结转 = 1, but 上年 四、结转下年度 = 0");
  g_assert_nonnull (diagnostic);
  assert_cells (diagnostic, total_cells);
  diagnostic = find_diagnostic (result, "year.in-force");
  g_assert_nonnull (diagnostic);
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "warning");
  g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), ==, 39);
  assert_cells (diagnostic, in_force_cells);

  /* the same whichever file is given first */
  g_assert_cmpint (exit_code (older_first), ==, 1);
  g_assert_cmpstr (older_first->out, ==, newer_first->out);
  again = parse_diff (older_first->out);
  g_assert_cmpstr (json_object_get_string_member (again, "older"), ==, older);

  /* no cross-year error: exit status 0 */
  {
    g_autofree char *matching = comparison_path ("houzhai-2023-matching.txt");
    g_autoptr(CliRun) ok = run_cli (NULL, "diff", "--format=json", matching, newer, NULL);
    g_autoptr(JsonObject) ok_result = NULL;

    g_assert_cmpint (exit_code (ok), ==, 0);
    ok_result = parse_diff (ok->out);
    /* only the warning that the text is last year's */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ok_result, "diagnostics")), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ok_result, "changes")), ==, 13);
  }
}

/* Empty cells, marks and text: "—" in text, null or the text in JSON. */
static void
test_diff_values (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *matching = comparison_path ("houzhai-2023-matching.txt");
  g_autofree char *newer = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *contents = read_file (matching, NULL);
  g_autofree char *marked = nb_test_replace (contents, "行政许可\t0", "行政许可\t/");
  g_autofree char *emptied = nb_test_replace (marked, "行政处罚\t0", "行政处罚\t");
  g_autofree char *worded = nb_test_replace (emptied, "行政强制\t0", "行政强制\t无");
  g_autofree char *older = write_file (fixture, "older.txt", worded, -1);
  g_autoptr(CliRun) text = run_cli (NULL, "diff", older, newer, NULL);
  g_autoptr(CliRun) json = run_cli (NULL, "diff", "--format=json", older, newer, NULL);
  g_autoptr(JsonObject) result = NULL;
  JsonObject *change;

  g_assert_cmpint (exit_code (text), ==, 0);
  g_assert_nonnull (strstr (text->out, "\nt2/licensing/decisions  本年处理决定数量 行政许可: / → 0\n"));
  g_assert_nonnull (strstr (text->out, "\nt2/punishment/decisions  本年处理决定数量 行政处罚: — → 0\n"));
  g_assert_nonnull (strstr (text->out, "\nt2/coercion/decisions  本年处理决定数量 行政强制: 无 → 0\n"));
  g_assert_cmpstr (text->err, ==, "16 cells differ; 0 errors, 1 warning between the years\n");

  g_assert_cmpint (exit_code (json), ==, 0);
  result = parse_diff (json->out);
  change = find_change (result, "t2/licensing/decisions");
  g_assert_cmpstr (json_object_get_string_member (change, "older"), ==, "/");
  g_assert_cmpint (json_object_get_int_member (change, "newer"), ==, 0);
  change = find_change (result, "t2/punishment/decisions");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (change, "older")));
  change = find_change (result, "t2/coercion/decisions");
  g_assert_cmpstr (json_object_get_string_member (change, "older"), ==, "无");
}

/* A canonical file has no lines: nor have its diagnostics. */
static void
test_diff_canonical (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *mismatching = comparison_path ("houzhai-2023-mismatching.txt");
  g_autofree char *newer = g_build_filename (fixture->dir, "houzhai-2024.nianbao.json", NULL);
  g_autofree char *natural = NULL;
  g_autoptr(CliRun) convert = run_cli (NULL, "convert", seed, newer, NULL);
  g_autoptr(CliRun) run = NULL;

  g_assert_cmpint (exit_code (convert), ==, 1);
  run = run_cli (NULL, "diff", newer, mismatching, NULL);
  g_assert_cmpint (exit_code (run), ==, 1);
  natural = g_strdup_printf ("\n%s: error: [year.carry-over] "
                             "自然人: 本年 二、上年结转 = 1, but 上年 四、结转下年度 = 0\n", newer);
  g_assert_nonnull (strstr (run->out, natural));
  g_assert_true (g_str_has_prefix (run->out, "older: "));
}

static void
test_diff_other_organ (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *yiluo = nb_test_seed_path (SEED_OK);
  g_autofree char *houzhai = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *line = g_strdup_printf ("\n%s: warning: [year.organ] The reports are from different "
                                           "organs: “偃师区伊洛街道办事处” and “侯寨办事处”\n", houzhai);
  g_autoptr(CliRun) run = run_cli (NULL, "diff", yiluo, houzhai, NULL);

  /* both 2024, in the order given; two organs are not one organ's two
   * years, so no sum between the years is checked */
  g_assert_cmpint (exit_code (run), ==, 0);
  g_assert_nonnull (strstr (run->out, line));
  g_assert_null (strstr (run->out, "[year.carry-over]"));
  g_assert_true (g_str_has_suffix (run->err, " 0 errors, 1 warning between the years\n"));
}

static void
test_diff_unreadable (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240602);
  g_autofree guchar *noise = g_malloc (4096);
  g_autofree char *seed = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autofree char *binary = NULL;
  g_autofree char *missing_line = g_strdup_printf ("%s: error: [file.unreadable] ", missing);
  g_autofree char *binary_line = NULL;
  g_autoptr(CliRun) text = NULL;
  g_autoptr(CliRun) both = NULL;
  g_autoptr(CliRun) json = NULL;
  g_autoptr(JsonObject) result = NULL;
  JsonArray *diagnostics;
  JsonObject *diagnostic;

  for (gsize i = 0; i < 4096; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  noise[0] = '\0';
  binary = write_file (fixture, "noise.bin", (const char *) noise, 4096);
  binary_line = g_strdup_printf ("%s: error: [file.unreadable] ", binary);

  text = run_cli (limit_resources, "diff", seed, missing, NULL);
  g_assert_cmpint (exit_code (text), ==, 2);
  g_assert_cmpstr (text->out, ==, "");
  g_assert_true (g_str_has_prefix (text->err, missing_line));
  g_assert_nonnull (strstr (text->err, "No such file"));

  both = run_cli (limit_resources, "diff", binary, missing, NULL);
  g_assert_cmpint (exit_code (both), ==, 2);
  g_assert_cmpstr (both->out, ==, "");
  g_assert_true (g_str_has_prefix (both->err, binary_line));
  g_assert_nonnull (strstr (both->err, "binary data"));
  g_assert_nonnull (strstr (both->err, missing_line));

  /* JSON: the files in the order given; the unreadable one named */
  json = run_cli (limit_resources, "diff", "--format=json", binary, seed, NULL);
  g_assert_cmpint (exit_code (json), ==, 2);
  g_assert_cmpstr (json->err, ==, "");
  result = parse_diff (json->out);
  g_assert_cmpstr (json_object_get_string_member (result, "older"), ==, binary);
  g_assert_cmpstr (json_object_get_string_member (result, "newer"), ==, seed);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "changes")), ==, 0);
  diagnostics = json_object_get_array_member (result, "diagnostics");
  g_assert_cmpuint (json_array_get_length (diagnostics), ==, 1);
  diagnostic = json_array_get_object_element (diagnostics, 0);
  assert_diagnostic_shape (diagnostic);
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "rule"), ==, "file.unreadable");
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (diagnostic, "path"), ==, binary);
  g_assert_nonnull (strstr (json_object_get_string_member (diagnostic, "message"), "binary data"));
}

static void
test_diff_usage (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_ERRORS);
  g_autoptr(CliRun) none = run_cli (NULL, "diff", NULL);
  g_autoptr(CliRun) one = run_cli (NULL, "diff", seed, NULL);
  g_autoptr(CliRun) three = run_cli (NULL, "diff", seed, seed, seed, NULL);
  g_autoptr(CliRun) bad_format = run_cli (NULL, "diff", "--format=csv", seed, seed, NULL);
  g_autoptr(CliRun) bad_option = run_cli (NULL, "diff", "--frobnicate", seed, seed, NULL);
  CliRun *runs[] = { none, one, three, bad_format, bad_option };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_assert_cmpint (exit_code (runs[i]), ==, 2);
      g_assert_cmpstr (runs[i]->out, ==, "");
      g_assert_nonnull (strstr (runs[i]->err, "Usage"));
    }
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (strstr (runs[i]->err, "give two files"));
  g_assert_nonnull (strstr (bad_format->err, "--format must be"));
  g_assert_nonnull (strstr (bad_option->err, "--frobnicate"));
}

/* The command line */

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CliRun) tool = run_cli (NULL, "--help", NULL);
  g_autoptr(CliRun) check = run_cli (NULL, "check", "--help", NULL);
  g_autoptr(CliRun) convert = run_cli (NULL, "convert", "--help", NULL);
  g_autoptr(CliRun) diff = run_cli (NULL, "diff", "--help", NULL);
  g_autoptr(CliRun) version = run_cli (NULL, "--version", NULL);
  CliRun *helps[] = { tool, check, convert, diff };

  for (guint i = 0; i < G_N_ELEMENTS (helps); i++)
    {
      g_assert_cmpint (exit_code (helps[i]), ==, 0);
      g_assert_nonnull (strstr (helps[i]->out, "Usage"));
      g_assert_cmpstr (helps[i]->err, ==, "");
    }
  g_assert_nonnull (strstr (tool->out, "check"));
  g_assert_nonnull (strstr (tool->out, "convert"));
  g_assert_nonnull (strstr (check->out, "--format"));
  g_assert_nonnull (strstr (convert->out, "IN OUT"));
  g_assert_nonnull (strstr (tool->out, "diff       Compare two years of one organ’s report"));
  g_assert_nonnull (strstr (diff->out, "A B"));
  g_assert_nonnull (strstr (diff->out, "--format"));
  g_assert_nonnull (strstr (diff->out, "year.carry-over"));
  g_assert_nonnull (strstr (diff->out, "Exit status"));

  g_assert_cmpint (exit_code (version), ==, 0);
  g_assert_cmpstr (version->out, ==, "nianbao-cli " PACKAGE_VERSION "\n");
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_OK);
  g_autoptr(CliRun) nothing = run_cli (NULL, NULL);
  g_autoptr(CliRun) unknown = run_cli (NULL, "frobnicate", seed, NULL);
  g_autoptr(CliRun) no_files = run_cli (NULL, "check", NULL);
  g_autoptr(CliRun) json_no_files = run_cli (NULL, "check", "--format=json", NULL);
  g_autoptr(CliRun) bad_format = run_cli (NULL, "check", "--format=xml", seed, NULL);
  g_autoptr(CliRun) bad_option = run_cli (NULL, "check", "--frobnicate", seed, NULL);
  CliRun *runs[] = { nothing, unknown, no_files, json_no_files, bad_format, bad_option };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_assert_cmpint (exit_code (runs[i]), ==, 2);
      g_assert_cmpstr (runs[i]->out, ==, "");
      g_assert_nonnull (strstr (runs[i]->err, "Usage"));
    }
  g_assert_nonnull (strstr (unknown->err, "unknown command “frobnicate”"));
  g_assert_nonnull (strstr (no_files->err, "no file given"));
  g_assert_nonnull (strstr (bad_format->err, "--format must be"));
  g_assert_nonnull (strstr (bad_option->err, "--frobnicate"));
}

/* A submitted file is never replaced by what was made of it, a folder is
 * not a file, and output lost to a full disk is not a success. */
static void
stdout_to_full (gpointer data)
{
  int fd = open ("/dev/full", O_WRONLY);

  if (fd >= 0)
    dup2 (fd, STDOUT_FILENO);
}

static void
test_output_guards (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED_ERRORS);
  g_autofree char *copy = g_build_filename (fixture->dir, "submitted.txt", NULL);
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;
  g_autofree char *same = NULL;
  g_autoptr(CliRun) convert_self = NULL;
  g_autoptr(CliRun) export_self = NULL;
  g_autoptr(CliRun) folder = NULL;
  g_autoptr(CliRun) full_convert = NULL;
  g_autoptr(CliRun) full_check = NULL;

  g_assert_true (g_file_get_contents (seed, &original, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, original, -1, NULL));
  same = g_build_filename (fixture->dir, ".", "submitted.txt", NULL);

  convert_self = run_cli (NULL, "convert", copy, copy, NULL);
  export_self = run_cli (NULL, "export", "--to=txt", copy, same, NULL);
  g_assert_cmpint (exit_code (convert_self), ==, 2);
  g_assert_cmpint (exit_code (export_self), ==, 2);
  g_assert_nonnull (strstr (convert_self->err, "is the file being read; write to another file"));
  g_assert_nonnull (strstr (export_self->err, "is the file being read; write to another file"));
  g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);

  folder = run_cli (NULL, "convert", copy, fixture->dir, NULL);
  g_assert_cmpint (exit_code (folder), ==, 2);
  g_assert_nonnull (strstr (folder->err, "is a folder; give the name of the file to write"));

  full_convert = run_cli (stdout_to_full, "convert", copy, "-", NULL);
  full_check = run_cli (stdout_to_full, "check", copy, NULL);
  g_assert_cmpint (exit_code (full_convert), ==, 2);
  g_assert_cmpint (exit_code (full_check), ==, 2);
  g_assert_nonnull (strstr (full_convert->err, "Could not write to standard output"));
  g_assert_nonnull (strstr (full_check->err, "Could not write to standard output"));
}

static void
add_test (const char *name,
          void      (*test) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strconcat ("/nianbao/cli/", name, NULL);

  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_test ("check-text", test_check_text);
  add_test ("check-json", test_check_json);
  add_test ("check-exit-status", test_check_exit_status);
  add_test ("check-jobs-same-output", test_check_jobs_same_output);
  add_test ("check-jobs-order", test_check_jobs_order);
  add_test ("check-jobs-exit-status", test_check_jobs_exit_status);
  add_test ("check-jobs-usage", test_check_jobs_usage);
  add_test ("check-checked", test_check_checked);
  add_test ("check-empty", test_check_empty);
  add_test ("check-binary", test_check_binary);
  add_test ("check-invalid-utf8", test_check_invalid_utf8);
  add_test ("check-too-large", test_check_too_large);
  add_test ("check-endless", test_check_endless);
  add_test ("check-not-a-report", test_check_not_a_report);
  add_test ("check-directory", test_check_directory);
  add_test ("check-missing", test_check_missing);
  add_test ("check-deep-json", test_check_deep_json);
  add_test ("check-non-utf8-path", test_check_non_utf8_path);
  add_test ("check-gb18030", test_check_gb18030);
  add_test ("check-utf16", test_check_utf16);
  add_test ("convert-round-trip", test_convert_round_trip);
  add_test ("convert-errors", test_convert_errors);
  add_test ("convert-stdout", test_convert_stdout);
  add_test ("convert-unwritable", test_convert_unwritable);
  add_test ("convert-failed-save", test_convert_failed_save);
  add_test ("convert-usage", test_convert_usage);
  add_test ("export-formats", test_export_formats);
  add_test ("export-errors", test_export_errors);
  add_test ("export-format-choice", test_export_format_choice);
  add_test ("export-stdout", test_export_stdout);
  add_test ("export-unwritable", test_export_unwritable);
  add_test ("export-usage", test_export_usage);
  add_test ("output-guards", test_output_guards);
  add_test ("diff-matching", test_diff_matching);
  add_test ("diff-mismatching", test_diff_mismatching);
  add_test ("diff-json", test_diff_json);
  add_test ("diff-values", test_diff_values);
  add_test ("diff-canonical", test_diff_canonical);
  add_test ("diff-other-organ", test_diff_other_organ);
  add_test ("diff-unreadable", test_diff_unreadable);
  add_test ("diff-usage", test_diff_usage);
  add_test ("help", test_help);
  add_test ("usage-errors", test_usage_errors);

  return g_test_run ();
}
