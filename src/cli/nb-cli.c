/* nb-cli.c — nianbao-cli: check, convert, compare and export reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include "nb-cli.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <nb-number.h>
#include <nb-string.h>
#include <stdio.h>

static const struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "check", nb_cli_check, N_("Check reports and list every problem") },
  { "convert", nb_cli_convert, N_("Convert a report to the canonical .nianbao.json file") },
  { "diff", nb_cli_diff, N_("Compare two years of one organ’s report") },
  { "export", nb_cli_export, N_("Export a report as a Word, web, text or PDF document") },
  { "review", nb_cli_review, N_("Review a batch: missing, duplicate and copied reports across units") },
};

/**
 * nb_cli_print_diagnostic:
 * @out: where to append
 * @path: the file the diagnostic is about
 * @diagnostic: the diagnostic
 *
 * Appends one line as a compiler writes it:
 * `file:line: error: [t3.balance] message`, or with the place in a file
 * that is not text: `file: page 3: error: [t3.balance] message`.
 */
void
nb_cli_print_diagnostic (GString      *out,
                         const char   *path,
                         NbDiagnostic *diagnostic)
{
  g_string_append (out, path);
  if (nb_diagnostic_get_location (diagnostic) != NULL)
    {
      g_string_append (out, ": ");
      g_string_append (out, nb_diagnostic_get_location (diagnostic));
    }
  else if (nb_diagnostic_get_line (diagnostic) > 0)
    {
      g_string_append_c (out, ':');
      nb_number_append_integer (out, nb_diagnostic_get_line (diagnostic));
    }
  g_string_append (out, ": ");
  g_string_append (out, nb_severity_to_string (nb_diagnostic_get_severity (diagnostic)));
  /* a finding a reviewer marked checked is not an open error */
  if (nb_diagnostic_get_checked (diagnostic) != NULL)
    g_string_append (out, ", checked");
  g_string_append (out, ": [");
  g_string_append (out, nb_diagnostic_get_rule_id (diagnostic));
  g_string_append (out, "] ");
  g_string_append (out, nb_diagnostic_get_message (diagnostic));
  if (nb_diagnostic_get_checked (diagnostic) != NULL && *nb_diagnostic_get_checked (diagnostic) != '\0')
    {
      g_string_append (out, " — ");
      g_string_append (out, nb_diagnostic_get_checked (diagnostic));
    }
  g_string_append_c (out, '\n');
}

int
nb_cli_usage_error (GOptionContext *context,
                    const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("nianbao-cli: %s\n\n%s", message, help);
  return NB_EXIT_UNREADABLE;
}

static void
append_diagnostic_json (GString      *out,
                        NbDiagnostic *diagnostic,
                        gboolean      sided)
{
  const char * const *cells = nb_diagnostic_get_cells (diagnostic);
  const guint8 *sides = nb_diagnostic_get_sides (diagnostic);

  nb_string_append (out, "{\"severity\":");
  nb_canonical_append_string (out, nb_severity_to_string (nb_diagnostic_get_severity (diagnostic)));
  nb_string_append (out, ",\"rule\":");
  nb_canonical_append_string (out, nb_diagnostic_get_rule_id (diagnostic));
  nb_string_append (out, ",\"cells\":[");
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = NULL;

      if (i > 0)
        g_string_append_c (out, ',');
      if (sided)
        cell = g_strconcat (sides != NULL && sides[i] != 0 ? "newer:" : "older:", cells[i], NULL);
      nb_canonical_append_string (out, cell ? cell : cells[i]);
    }
  nb_string_append (out, "],\"message\":");
  nb_canonical_append_string (out, nb_diagnostic_get_message (diagnostic));
  if (nb_diagnostic_get_location (diagnostic) != NULL)
    {
      nb_string_append (out, ",\"location\":");
      nb_canonical_append_string (out, nb_diagnostic_get_location (diagnostic));
    }
  else if (nb_diagnostic_get_line (diagnostic) > 0)
    {
      nb_string_append (out, ",\"line\":");
      nb_number_append_integer (out, nb_diagnostic_get_line (diagnostic));
    }
  if (nb_diagnostic_get_checked (diagnostic) != NULL)
    {
      nb_string_append (out, ",\"checked\":{\"note\":");
      nb_canonical_append_string (out, nb_diagnostic_get_checked (diagnostic));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

/**
 * nb_cli_append_diagnostics_json:
 * @out: where to write
 * @diagnostics: (element-type NbDiagnostic): the findings
 * @sided: whether each cell address is prefixed by its report's side,
 *   `older:t3/carried_forward/total`, as `diff` writes them
 *
 * Writes the findings as a JSON array, the same for `check` and `diff`.
 */
void
nb_cli_append_diagnostics_json (GString   *out,
                                GPtrArray *diagnostics,
                                gboolean   sided)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < diagnostics->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_diagnostic_json (out, g_ptr_array_index (diagnostics, i), sided);
    }
  g_string_append_c (out, ']');
}

/**
 * nb_cli_import:
 * @importer: the importer
 * @path: a file as given on the command line; "-" is standard input
 * @password: (nullable): the password of an encrypted PDF
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the report
 */
NbReport *
nb_cli_import (NbImporter  *importer,
               const char  *path,
               const char  *password,
               GError     **error)
{
  g_autoptr(GFile) file = g_str_equal (path, "-") ? g_file_new_for_path ("/dev/stdin")
                                                  : g_file_new_for_commandline_arg (path);

  return nb_importer_import_file_full (importer, file, password, NULL, error);
}

/**
 * nb_cli_read_report:
 * @path: the input file, as given; "-" is standard input
 * @password: (nullable): the password of an encrypted PDF
 * @n_errors: (out): how many errors the report has
 *
 * Reads the one input of convert and export and lists its findings on
 * standard error, as check would print them.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL once the
 *   reason was printed
 */
NbReport *
nb_cli_read_report (const char *path,
                    const char *password,
                    guint      *n_errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = NULL;
  g_autoptr(NbImporter) importer = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *shown = g_filename_display_name (path);

  template = nb_template_new_default (&error);
  if (template == NULL)
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      return NULL;
    }
  importer = nb_importer_new (template);
  report = nb_cli_import (importer, path, password, &error);
  if (report == NULL)
    {
      g_printerr ("%s: error: [file.unreadable] %s\n", shown, error->message);
      return NULL;
    }

  validator = nb_validator_new (report);
  diagnostics = nb_validator_dup_sorted (validator);
  for (guint i = 0; i < diagnostics->len; i++)
    nb_cli_print_diagnostic (out, shown, g_ptr_array_index (diagnostics, i));
  fwrite (out->str, 1, out->len, stderr);
  *n_errors = nb_validator_get_n_errors (validator);
  return g_steal_pointer (&report);
}

/**
 * nb_cli_write_stdout:
 * @bytes: what to write
 * @error: return location for a #GError
 *
 * A full disk or a closed pipe is an error like any other: the output is
 * lost and the exit status has to say so.
 */
gboolean
nb_cli_write_stdout (GBytes  *bytes,
                     GError **error)
{
  if (fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout)
        != g_bytes_get_size (bytes) ||
      fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write to standard output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * nb_cli_check_output:
 * @input: the file being read, as given
 * @output: where to write, as given; "-" is standard output
 * @error: return location for a #GError
 *
 * Refuses to write over the file being read (a submitted report is never
 * replaced by what was made of it) or onto a folder.
 */
gboolean
nb_cli_check_output (const char  *input,
                     const char  *output,
                     GError     **error)
{
  g_autoptr(GFile) in = g_file_new_for_commandline_arg (input);
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
  g_autofree char *shown = g_filename_display_name (output);
  GStatBuf in_stat, out_stat;

  if (g_str_equal (output, "-"))
    return TRUE;
  if (g_file_query_file_type (out, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder; give the name of the file to write"), shown);
      return FALSE;
    }
  if (g_file_equal (in, out) ||
      (g_stat (input, &in_stat) == 0 && g_stat (output, &out_stat) == 0 &&
       in_stat.st_dev == out_stat.st_dev && in_stat.st_ino == out_stat.st_ino))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the file being read; write to another file"), shown);
      return FALSE;
    }
  return TRUE;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  nianbao-cli COMMAND [OPTION…] FILE…\n\n%s\n",
           _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “nianbao-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return NB_EXIT_UNREADABLE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return NB_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("nianbao-cli %s\n", PACKAGE_VERSION);
      return NB_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *name = g_strconcat ("nianbao-cli ", commands[i].name, NULL);

        /* so that "--help" says "nianbao-cli check [OPTION…]" */
        g_set_prgname (name);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("nianbao-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return NB_EXIT_UNREADABLE;
}
