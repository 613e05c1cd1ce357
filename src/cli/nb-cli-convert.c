/* nb-cli-convert.c — nianbao-cli convert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include "nb-cli.h"

#include <glib/gi18n-lib.h>

static gboolean
write_output (NbReport    *report,
              const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GBytes) bytes = nb_canonical_write (report);

      return nb_canonical_check_size (bytes, error) && nb_cli_write_stdout (bytes, error);
    }
  file = g_file_new_for_commandline_arg (path);
  return nb_canonical_save (report, file, NULL, error);
}

int
nb_cli_convert (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *password = NULL;
  guint n_errors = 0;
  const GOptionEntry entries[] = {
    { "password", 0, 0, G_OPTION_ARG_STRING, &password,
      N_("The password of an encrypted PDF"), N_("PASSWORD") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("IN OUT.nianbao.json — convert a report"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads IN (any report “check” reads) and writes the canonical\n"
      "file OUT (“-” writes to standard output). Problems are listed on\n"
      "standard error; the file keeps every cell as it was written.\n\n"
      "Exit status: 0 when written without errors, 1 when written but the report\n"
      "has errors, 2 when IN is unreadable, OUT cannot be written or the command\n"
      "line is wrong."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return nb_cli_usage_error (context, error->message);
  if (files == NULL || g_strv_length (files) != 2)
    return nb_cli_usage_error (context, _("give one input and one output file"));

  if (!nb_cli_check_output (files[0], files[1], &error))
    {
      g_autofree char *output = g_filename_display_name (files[1]);

      g_printerr ("%s: error: %s\n", output, error->message);
      return NB_EXIT_UNREADABLE;
    }

  report = nb_cli_read_report (files[0], password, &n_errors);
  if (report == NULL)
    return NB_EXIT_UNREADABLE;

  if (!write_output (report, files[1], &error))
    {
      g_autofree char *output = g_filename_display_name (files[1]);

      g_printerr ("%s: error: %s\n", output, error->message);
      return NB_EXIT_UNREADABLE;
    }
  return n_errors > 0 ? NB_EXIT_ERRORS : NB_EXIT_OK;
}
