/* nb-cli-check.c — nianbao-cli check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include "nb-cli.h"

#include <glib/gi18n-lib.h>
#include <nb-batch.h>
#include <nb-string.h>
#include <stdio.h>
#include <unistd.h>

typedef enum
{
  STATUS_OK,
  STATUS_ERRORS,
  STATUS_UNREADABLE,
} Status;

static const char *const status_names[] = { "ok", "errors", "unreadable" };

/* more threads than this only cost memory */
#define MAX_JOBS 256
#define WRITE_SIZE (64 * 1024)


static void
append_unreadable_json (GString    *out,
                        const char *path,
                        GError     *error)
{
  nb_string_append (out, "{\"path\":");
  nb_canonical_append_string (out, path);
  nb_string_append (out, ",\"status\":\"unreadable\",\"report\":null,\"diagnostics\":["
                         "{\"severity\":\"error\",\"rule\":\"file.unreadable\",\"cells\":[],"
                         "\"message\":");
  nb_canonical_append_string (out, error->message);
  nb_string_append (out, "}]}\n");
}

static void
append_report_json (GString    *out,
                    const char *path,
                    Status      status,
                    NbReport   *report,
                    GPtrArray  *diagnostics)
{
  nb_string_append (out, "{\"path\":");
  nb_canonical_append_string (out, path);
  nb_string_append (out, ",\"status\":\"");
  nb_string_append (out, status_names[status]);
  nb_string_append (out, "\",\"report\":");
  nb_canonical_append (out, report, FALSE);
  nb_string_append (out, ",\"diagnostics\":");
  nb_cli_append_diagnostics_json (out, diagnostics, FALSE);
  nb_string_append (out, "}\n");
}

static Status
check_file (NbImporter *importer,
            const char *path,
            const char *cwd,
            const char *password,
            gboolean    json,
            GString    *out)
{
  g_autoptr(GFile) file = g_str_equal (path, "-") ? g_file_new_for_path ("/dev/stdin")
                                                  : g_file_new_for_commandline_arg_and_cwd (path, cwd);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *shown = g_filename_display_name (path);
  Status status;

  report = nb_importer_import_file_full (importer, file, password, NULL, &error);
  if (report == NULL)
    {
      if (json)
        append_unreadable_json (out, shown, error);
      else
        g_string_append_printf (out, "%s: error: [file.unreadable] %s\n", shown, error->message);
      return STATUS_UNREADABLE;
    }

  /* nothing edits the report after: no need to follow it */
  validator = nb_validator_new_once (report);
  diagnostics = nb_validator_dup_sorted (validator);
  status = nb_validator_get_n_errors (validator) > 0 ? STATUS_ERRORS : STATUS_OK;
  if (json)
    append_report_json (out, shown, status, report, diagnostics);
  else
    for (guint i = 0; i < diagnostics->len; i++)
      nb_cli_print_diagnostic (out, shown, g_ptr_array_index (diagnostics, i));
  return status;
}

/* One file's outcome, written in the files' order. */
typedef struct
{
  Status   status;
  GString *out;
} Checked;

static void
checked_free (gpointer data)
{
  Checked *checked = data;

  if (checked->out != NULL)
    g_string_free (checked->out, TRUE);
  g_free (checked);
}

typedef struct
{
  NbTemplate *template;
  char      **files;
  char       *cwd;        /* asked once, not for every relative path */
  const char *password;   /* of encrypted PDFs */
  gboolean    json;
  GString    *pending;    /* output not yet written */
  gboolean    in_turn;    /* one job: each file's output goes straight
                           * to @pending */
  gsize       write_size; /* how much to gather before writing */
  guint       counts[3];
} Check;

static gpointer
worker_new (gpointer user_data)
{
  Check *check = user_data;

  /* nothing shows where the numbers stand */
  return g_object_new (NB_TYPE_IMPORTER, "template", check->template, "keep-numbers", FALSE, NULL);
}

static gpointer
check_one (gpointer worker,
           guint    index,
           gpointer user_data)
{
  Check *check = user_data;
  Checked *checked = g_new0 (Checked, 1);

  /* one job hands each file's result over before it starts the next: a
   * buffer of the file's own would only be copied to @pending */
  if (!check->in_turn)
    checked->out = g_string_sized_new (check->json ? 16384 : 256);
  checked->status = check_file (worker, check->files[index], check->cwd,
                                check->password, check->json,
                                check->in_turn ? check->pending : checked->out);
  return checked;
}

static void
write_pending (Check *check)
{
  fwrite (check->pending->str, 1, check->pending->len, stdout);
  g_string_truncate (check->pending, 0);
}

static void
done_one (guint    index,
          gpointer result,
          gpointer user_data)
{
  Check *check = user_data;
  Checked *checked = result;

  check->counts[checked->status]++;
  if (checked->out != NULL)
    g_string_append_len (check->pending, checked->out->str, checked->out->len);
  if (check->pending->len >= check->write_size)
    write_pending (check);
  checked_free (checked);
}

static const NbBatchFuncs check_funcs = {
  .worker_new = worker_new,
  .worker_free = g_object_unref,
  .work = check_one,
  .done = done_one,
  .result_free = checked_free,
};

/* Checks every file, @n_jobs at a time (0: one per processor), and
 * writes their output in the files' order. Returns FALSE when the output
 * could not be written. */
static gboolean
check_all (Check *check,
           guint  n_jobs)
{
  g_autoptr(NbBatch) batch = nb_batch_new (n_jobs);
  g_autofree char *cwd = g_get_current_dir ();

  check->cwd = cwd;
  check->pending = g_string_sized_new (WRITE_SIZE * 2);
  /* a terminal shows each file's findings as they come; a file or a
   * pipe gets them in large writes */
  check->write_size = isatty (STDOUT_FILENO) ? 1 : WRITE_SIZE;
  check->in_turn = MIN (nb_batch_get_n_jobs (batch), g_strv_length (check->files)) == 1;

  nb_batch_run (batch, g_strv_length (check->files), &check_funcs, check, NULL, NULL);
  write_pending (check);
  g_string_free (check->pending, TRUE);
  check->pending = NULL;
  check->cwd = NULL;
  return fflush (stdout) == 0 && !ferror (stdout);
}

int
nb_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = NULL;
  g_autofree char *format = NULL;
  g_autofree char *password = NULL;
  g_auto(GStrv) files = NULL;
  Check check = { NULL };
  int jobs = -1;
  guint n_files;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output as text (like a compiler) or json (one line per file)"), "text|json" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      N_("Check N files at once (default: one per processor)"), "N" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password,
      N_("The password of an encrypted PDF"), N_("PASSWORD") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — check annual reports"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads each report (a web page, a Word, Excel or PDF file, text copied out of\n"
      "one, or a .nianbao.json file), runs every rule and prints what is wrong,\n"
      "with the line, page or table cell it comes from.\n\n"
      "Exit status: 0 when every file is ok, 1 when any has errors,\n"
      "2 when any is unreadable or the command line is wrong."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return nb_cli_usage_error (context, error->message);
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return nb_cli_usage_error (context, _("--format must be “text” or “json”"));
  if (jobs != -1 && (jobs < 1 || jobs > MAX_JOBS))
    return nb_cli_usage_error (context, _("--jobs must be a number from 1 to 256"));
  if (files == NULL || files[0] == NULL)
    return nb_cli_usage_error (context, _("no file given"));

  template = nb_template_new_default (&error);
  if (template == NULL)
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      return NB_EXIT_UNREADABLE;
    }
  check.template = template;
  check.files = files;
  check.json = format != NULL && g_str_equal (format, "json");
  check.password = password;
  n_files = g_strv_length (files);
  if (!check_all (&check, jobs == -1 ? 0 : jobs))
    {
      /* the findings are lost: not a run to trust */
      g_printerr ("nianbao-cli: %s\n", _("Could not write to standard output"));
      return NB_EXIT_UNREADABLE;
    }

  if (!check.json)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u file: %u ok, %u with errors, %u unreadable\n",
                             "%u files: %u ok, %u with errors, %u unreadable\n", n_files),
                n_files, check.counts[STATUS_OK], check.counts[STATUS_ERRORS],
                check.counts[STATUS_UNREADABLE]);

  if (check.counts[STATUS_UNREADABLE] > 0)
    return NB_EXIT_UNREADABLE;
  return check.counts[STATUS_ERRORS] > 0 ? NB_EXIT_ERRORS : NB_EXIT_OK;
}
