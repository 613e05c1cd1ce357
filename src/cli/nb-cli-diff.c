/* nb-cli-diff.c — nianbao-cli diff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include "nb-cli.h"

#include <glib/gi18n-lib.h>
#include <nb-comparison.h>
#include <stdio.h>

/* Shown for a cell that is empty on one side. */
#define EMPTY_CELL "—"

/* The two files as given, and what reading each gave. */
typedef struct
{
  char     *shown[2];
  NbReport *reports[2];
  GError   *errors[2];
} Inputs;

static void
inputs_clear (Inputs *inputs)
{
  for (guint i = 0; i < 2; i++)
    {
      g_free (inputs->shown[i]);
      g_clear_object (&inputs->reports[i]);
      g_clear_error (&inputs->errors[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inputs, inputs_clear)

static void
read_inputs (NbImporter *importer,
             char      **files,
             Inputs     *inputs)
{
  for (guint i = 0; i < 2; i++)
    {
      inputs->shown[i] = g_filename_display_name (files[i]);
      inputs->reports[i] = nb_cli_import (importer, files[i], NULL, &inputs->errors[i]);
    }
}

/* The path shown for @report, one of the two read. */
static const char *
shown_path (Inputs   *inputs,
            NbReport *report)
{
  return inputs->shown[report == inputs->reports[0] ? 0 : 1];
}

/* Text output */

static void
append_header (GString    *out,
               const char *name,
               const char *path,
               NbReport   *report)
{
  const char *organ = nb_report_get_organ (report);

  g_string_append_printf (out, "%s: %s (%s, ", name, path, *organ != '\0' ? organ : "?");
  if (nb_report_get_year (report) > 0)
    g_string_append_printf (out, "%u)\n", nb_report_get_year (report));
  else
    g_string_append (out, "?)\n");
}

static const char *
cell_text (NbReport *report,
           guint     cell)
{
  const char *text = nb_report_get_cell_text (report, cell);

  return text != NULL ? text : EMPTY_CELL;
}

/* `t3/received/natural_person  自然人 一、…: 3 → 8 (+5)` */
static void
append_change_text (GString      *out,
                    NbComparison *comparison,
                    guint         cell)
{
  NbTemplate *template = nb_comparison_get_template (comparison);
  g_autofree char *newer = nb_comparison_dup_newer_text (comparison, cell);

  g_string_append_printf (out, "%s  %s: %s → %s",
                          nb_template_get_cell_address (template, cell),
                          nb_template_get_cell_label (template, cell),
                          cell_text (nb_comparison_get_older (comparison), cell),
                          newer != NULL ? newer : EMPTY_CELL);
  if (nb_comparison_get_change (comparison, cell, NULL) == NB_CHANGE_VALUE)
    {
      g_autofree char *delta = nb_comparison_dup_delta_text (comparison, cell);

      g_string_append_printf (out, " (%s)", delta);
    }
  g_string_append_c (out, '\n');
}

static void
append_text (GString      *out,
             Inputs       *inputs,
             NbComparison *comparison,
             GArray       *changed,
             GPtrArray    *diagnostics)
{
  NbReport *older = nb_comparison_get_older (comparison);
  NbReport *newer = nb_comparison_get_newer (comparison);

  g_auto(GStrv) notes = nb_comparison_dup_notes (comparison);

  append_header (out, "older", shown_path (inputs, older), older);
  append_header (out, "newer", shown_path (inputs, newer), newer);
  /* reports on two forms: what is compared how */
  for (guint i = 0; notes[i] != NULL; i++)
    g_string_append_printf (out, "note: %s\n", notes[i]);
  for (guint i = 0; i < changed->len; i++)
    append_change_text (out, comparison, g_array_index (changed, guint, i));
  /* a line, when there is one, is in the newer file */
  for (guint i = 0; i < diagnostics->len; i++)
    nb_cli_print_diagnostic (out, shown_path (inputs, newer), g_ptr_array_index (diagnostics, i));
}

/* JSON output */

/* The newer year's cell, or the sum of the rows its form splits it into
 * (a report on the 2019 form against one on the 2021 form). */
static void
append_newer_json (GString      *out,
                   NbComparison *comparison,
                   guint         cell)
{
  guint n;
  const guint *cells = nb_comparison_get_newer_cells (comparison, cell, &n);
  g_autofree char *sum = NULL;

  if (n == 1)
    {
      nb_canonical_append_cell (out, nb_comparison_get_newer (comparison), cells[0]);
      return;
    }
  sum = nb_comparison_dup_newer_text (comparison, cell);
  g_string_append (out, sum != NULL ? sum : "null");
}

static void
append_changes_json (GString      *out,
                     NbComparison *comparison,
                     GArray       *changed)
{
  NbTemplate *template = nb_comparison_get_template (comparison);

  g_string_append (out, "\"changes\":[");
  for (guint i = 0; i < changed->len; i++)
    {
      guint cell = g_array_index (changed, guint, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"cell\":");
      nb_canonical_append_string (out, nb_template_get_cell_address (template, cell));
      g_string_append (out, ",\"older\":");
      nb_canonical_append_cell (out, nb_comparison_get_older (comparison), cell);
      g_string_append (out, ",\"newer\":");
      append_newer_json (out, comparison, cell);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}


/* Only for reports on two forms: "notes":["…"], */
static void
append_notes_json (GString      *out,
                   NbComparison *comparison)
{
  g_auto(GStrv) notes = nb_comparison_dup_notes (comparison);

  if (notes[0] == NULL)
    return;
  g_string_append (out, "\"notes\":[");
  for (guint i = 0; notes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      nb_canonical_append_string (out, notes[i]);
    }
  g_string_append (out, "],");
}

static void
append_json (GString      *out,
             Inputs       *inputs,
             NbComparison *comparison,
             GArray       *changed,
             GPtrArray    *diagnostics)
{
  g_string_append (out, "{\"older\":");
  nb_canonical_append_string (out, shown_path (inputs, nb_comparison_get_older (comparison)));
  g_string_append (out, ",\"newer\":");
  nb_canonical_append_string (out, shown_path (inputs, nb_comparison_get_newer (comparison)));
  g_string_append_c (out, ',');
  append_notes_json (out, comparison);
  append_changes_json (out, comparison, changed);
  g_string_append (out, ",\"diagnostics\":");
  nb_cli_append_diagnostics_json (out, diagnostics, TRUE);
  g_string_append (out, "}\n");
}

/* Unreadable input: the years are unknown, so "older" and "newer" are the
 * files in the order given; each unreadable one has a `file.unreadable`
 * diagnostic that names it in "path". */
static void
append_unreadable_json (GString *out,
                        Inputs  *inputs)
{
  gboolean first = TRUE;

  g_string_append (out, "{\"older\":");
  nb_canonical_append_string (out, inputs->shown[0]);
  g_string_append (out, ",\"newer\":");
  nb_canonical_append_string (out, inputs->shown[1]);
  g_string_append (out, ",\"changes\":[],\"diagnostics\":[");
  for (guint i = 0; i < 2; i++)
    {
      if (inputs->reports[i] != NULL)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append (out, "{\"severity\":\"error\",\"rule\":\"file.unreadable\",\"cells\":[],\"message\":");
      nb_canonical_append_string (out, inputs->errors[i]->message);
      g_string_append (out, ",\"path\":");
      nb_canonical_append_string (out, inputs->shown[i]);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

static int
report_unreadable (Inputs   *inputs,
                   gboolean  json)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (json)
    {
      append_unreadable_json (out, inputs);
      fwrite (out->str, 1, out->len, stdout);
      fflush (stdout);
      return NB_EXIT_UNREADABLE;
    }
  for (guint i = 0; i < 2; i++)
    if (inputs->reports[i] == NULL)
      g_string_append_printf (out, "%s: error: [file.unreadable] %s\n",
                              inputs->shown[i], inputs->errors[i]->message);
  fwrite (out->str, 1, out->len, stderr);
  return NB_EXIT_UNREADABLE;
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  return nb_diagnostic_compare (*(NbDiagnostic **) a, *(NbDiagnostic **) b);
}

/* The comparison's diagnostics, ordered by line as a compiler lists them
 * (the sort is stable: rule order otherwise). */
static GPtrArray *
dup_sorted_diagnostics (NbComparison *comparison)
{
  GListModel *model = nb_comparison_get_diagnostics (comparison);
  GPtrArray *diagnostics = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (diagnostics, g_list_model_get_item (model, i));
  g_ptr_array_sort (diagnostics, compare_diagnostics);
  return diagnostics;
}

static void
print_summary (guint      n_changed,
               GPtrArray *diagnostics)
{
  guint n_errors = 0;
  guint n_warnings = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      NbSeverity severity = nb_diagnostic_get_severity (g_ptr_array_index (diagnostics, i));

      n_errors += severity == NB_SEVERITY_ERROR;
      n_warnings += severity == NB_SEVERITY_WARNING;
    }
  {
    g_autofree char *cells = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cell differs",
                                                           "%u cells differ", n_changed), n_changed);
    g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                                            n_errors), n_errors);
    g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                              n_warnings), n_warnings);

    /* Translators: "14 cells differ; 2 errors, 1 warning between the years" */
    g_printerr (_("%s; %s, %s between the years\n"), cells, errors, warnings);
  }
}

static int
compare (Inputs   *inputs,
         gboolean  json)
{
  g_autoptr(NbComparison) comparison = nb_comparison_new (inputs->reports[0], inputs->reports[1]);
  g_autoptr(GArray) changed = nb_comparison_dup_changed_cells (comparison);
  g_autoptr(GPtrArray) diagnostics = dup_sorted_diagnostics (comparison);
  g_autoptr(GString) out = g_string_new (NULL);

  if (json)
    append_json (out, inputs, comparison, changed, diagnostics);
  else
    append_text (out, inputs, comparison, changed, diagnostics);
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  if (!json)
    print_summary (changed->len, diagnostics);

  return nb_comparison_get_n_errors (comparison) > 0 ? NB_EXIT_ERRORS : NB_EXIT_OK;
}

/**
 * nb_cli_diff:
 * @argc: the number of arguments, the command name first
 * @argv: (array length=argc): the arguments
 *
 * `nianbao-cli diff [--format=text|json] A B`: compares two years of one
 * organ's report (FORMAT.md §6.3).
 *
 * Returns: the exit status: #NB_EXIT_OK, #NB_EXIT_ERRORS when there is an
 *   error between the years, #NB_EXIT_UNREADABLE
 */
int
nb_cli_diff (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = NULL;
  g_autoptr(NbImporter) importer = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(Inputs) inputs = { { NULL } };
  gboolean json;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output as text (like a compiler) or json (one line)"), "text|json" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("A B — compare two years of one organ’s report"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads two reports of one organ (any reports “check” reads) and\n"
      "orders them by year, whichever is given first. Prints\n"
      "  older: FILE (ORGAN, YEAR)\n"
      "  newer: FILE (ORGAN, YEAR)\n"
      "then one line per cell that differs, in the order of the form:\n"
      "  ADDRESS  LABEL: OLDER → NEWER (DIFFERENCE)\n"
      "(“—” for an empty cell; the difference only where both are numbers),\n"
      "then the problems between the years as a compiler writes them, with the\n"
      "newer file’s name and line:\n"
      "  NEWER:LINE: error: [year.carry-over] MESSAGE\n"
      "(year.carry-over is an error; year.in-force and year.organ are warnings).\n"
      "A summary line goes to standard error.\n\n"
      "With --format=json: one JSON object on one line, with \"older\" and\n"
      "\"newer\" (the files), \"changes\" (cell, older, newer: the values as in\n"
      "the canonical file) and \"diagnostics\" (as check writes them, each cell\n"
      "named \"older:ADDRESS\" or \"newer:ADDRESS\").\n\n"
      "An unreadable file is reported as “FILE: error: [file.unreadable] MESSAGE”\n"
      "on standard error; in JSON, \"older\" and \"newer\" are then the files in\n"
      "the order given, and each unreadable one has a file.unreadable diagnostic\n"
      "with its \"path\".\n\n"
      "Exit status: 0 when there is no error between the years, 1 when there is,\n"
      "2 when either file is unreadable or the command line is wrong."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return nb_cli_usage_error (context, error->message);
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return nb_cli_usage_error (context, _("--format must be “text” or “json”"));
  if (files == NULL || g_strv_length (files) != 2)
    return nb_cli_usage_error (context, _("give two files: the reports of two years"));
  json = format != NULL && g_str_equal (format, "json");

  template = nb_template_new_default (&error);
  if (template == NULL)
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      return NB_EXIT_UNREADABLE;
    }
  importer = nb_importer_new (template);

  read_inputs (importer, files, &inputs);
  if (inputs.reports[0] == NULL || inputs.reports[1] == NULL)
    return report_unreadable (&inputs, json);
  return compare (&inputs, json);
}
