/* nb-cli-export.c — nianbao-cli export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include "nb-cli.h"

#include <glib/gi18n-lib.h>
#include <nb-export.h>
#include <string.h>

/* Without --to, the format is OUT's extension. */
static gboolean
choose_format (const char     *to,
               const char     *output,
               NbExportFormat *format)
{
  const char *dot;

  if (to != NULL)
    return nb_export_format_from_string (to, format);
  dot = strrchr (output, '.');
  return dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL &&
         nb_export_format_from_string (dot + 1, format);
}

static gboolean
write_output (NbReport        *report,
              NbExportFormat   format,
              const char      *path,
              GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_str_equal (path, "-"))
    {
      file = g_file_new_for_commandline_arg (path);
      return nb_export_save (report, format, file, NULL, error);
    }
  bytes = nb_export (report, format, error);
  if (bytes == NULL)
    return FALSE;
  return nb_cli_write_stdout (bytes, error);
}

int
nb_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *password = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  NbExportFormat format;
  guint n_errors = 0;
  const GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to,
      N_("The kind of document: docx, html, txt or pdf (default: OUT’s extension)"), N_("FORMAT") },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password,
      N_("The password of an encrypted PDF"), N_("PASSWORD") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("IN OUT — export a report as a document"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads IN (any report “check” reads) and writes it as a document\n"
      "OUT: a Word file (docx), a web page (html), text (txt) or a\n"
      "PDF file (pdf), with the tables of the paper form. “-” writes to\n"
      "standard output. OUT is replaced only once it is complete. Problems\n"
      "are listed on standard error.\n\n"
      "Exit status: 0 when written without errors, 1 when written but the report\n"
      "has errors, 2 when IN is unreadable, OUT cannot be written or the command\n"
      "line is wrong."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return nb_cli_usage_error (context, error->message);
  if (files == NULL || g_strv_length (files) != 2)
    return nb_cli_usage_error (context, _("give one input and one output file"));
  if (!choose_format (to, files[1], &format))
    return nb_cli_usage_error (context, to != NULL
                               ? _("the format must be docx, html, txt or pdf")
                               : _("say which format with --to=docx|html|txt|pdf"));

  output = g_filename_display_name (files[1]);
  if (!nb_cli_check_output (files[0], files[1], &error))
    {
      g_printerr ("%s: error: %s\n", output, error->message);
      return NB_EXIT_UNREADABLE;
    }

  report = nb_cli_read_report (files[0], password, &n_errors);
  if (report == NULL)
    return NB_EXIT_UNREADABLE;

  if (!write_output (report, format, files[1], &error))
    {
      g_printerr ("%s: error: %s\n", output, error->message);
      return NB_EXIT_UNREADABLE;
    }

  if (n_errors == 0)
    return NB_EXIT_OK;
  /* the document is written as the report is: say that it is wrong */
  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "%s: the exported report still has %u error\n",
                           "%s: the exported report still has %u errors\n", n_errors),
              output, n_errors);
  return NB_EXIT_ERRORS;
}
