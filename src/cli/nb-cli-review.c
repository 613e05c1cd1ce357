/* nb-cli-review.c — nianbao-cli review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cli"

#include "config.h"

#include "nb-cli.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include <nb-feedback.h>
#include <nb-report-set.h>
#include <nb-review-reader.h>

#define MAX_REVIEW_JOBS 256

/* One folder (or several, or files) is one batch: each report's own
 * findings are counted here and listed by `check`; what is printed in
 * full is what only the batch shows (FORMAT.md §6.6). */
typedef struct
{
  GPtrArray   *items;   /* NbReviewItem */
  NbReportSet *set;
  guint        n_readable;
} Batch;

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->items, g_ptr_array_unref);
  g_clear_object (&batch->set);
}

static void
read_cb (guint     index,
         NbReport *report,
         GError   *error,
         gpointer  user_data)
{
  Batch *batch = user_data;
  NbReviewItem *item = g_ptr_array_index (batch->items, index);

  if (report != NULL)
    {
      nb_review_item_set_report (item, report);
      batch->n_readable++;
    }
  else
    nb_review_item_set_error (item, error->message);
  nb_report_set_add (batch->set, nb_review_item_get_display_name (item), report);
}

static gboolean
read_batch (NbBatch     *pool,
            NbTemplate  *template,
            char       **names,
            Batch       *batch,
            GError     **error)
{
  guint n = g_strv_length (names);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (names[i]));
  batch->items = nb_review_collect ((GFile * const *) files->pdata, (const char * const *) names, n,
                                    NULL, error);
  if (batch->items == NULL)
    return FALSE;
  batch->set = nb_report_set_new ();
  return nb_review_read (pool, template, batch->items, read_cb, batch, NULL, error);
}

static void
append_report_json (GString      *out,
                    NbReviewItem *item)
{
  g_string_append (out, "{\"file\":");
  nb_canonical_append_string (out, nb_review_item_get_display_name (item));
  g_string_append (out, ",\"organ\":");
  if (nb_review_item_get_report (item) != NULL)
    nb_canonical_append_string (out, nb_review_item_get_organ (item));
  else
    g_string_append (out, "null");
  if (nb_review_item_get_year (item) > 0)
    g_string_append_printf (out, ",\"year\":%u", nb_review_item_get_year (item));
  else
    g_string_append (out, ",\"year\":null");
  g_string_append_printf (out, ",\"status\":\"%s\",\"errors\":%u,\"warnings\":%u,\"checked\":%u}",
                          nb_review_item_get_status (item), nb_review_item_get_n_errors (item),
                          nb_review_item_get_n_warnings (item), nb_review_item_get_n_checked (item));
}

static void
append_finding_json (GString      *out,
                     NbSetFinding *finding)
{
  const char * const *files = nb_set_finding_get_files (finding);

  g_string_append (out, "{\"rule\":");
  nb_canonical_append_string (out, nb_set_finding_get_rule_id (finding));
  g_string_append (out, ",\"severity\":");
  nb_canonical_append_string (out, nb_severity_to_string (nb_set_finding_get_severity (finding)));
  g_string_append (out, ",\"message\":");
  nb_canonical_append_string (out, nb_set_finding_get_message (finding));
  g_string_append (out, ",\"organ\":");
  nb_canonical_append_string (out, nb_set_finding_get_organ (finding));
  g_string_append (out, ",\"files\":[");
  for (guint i = 0; files[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      nb_canonical_append_string (out, files[i]);
    }
  g_string_append (out, "]}");
}

static void
write_json (GString   *out,
            Batch     *batch,
            GPtrArray *findings)
{
  g_string_append (out, "{\"reports\":[");
  for (guint i = 0; i < batch->items->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_report_json (out, g_ptr_array_index (batch->items, i));
    }
  g_string_append (out, "],\"diagnostics\":[");
  for (guint i = 0; i < findings->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_finding_json (out, g_ptr_array_index (findings, i));
    }
  g_string_append (out, "]}\n");
}

static void
write_text (GString   *out,
            Batch     *batch,
            GPtrArray *findings)
{
  for (guint i = 0; i < batch->items->len; i++)
    {
      NbReviewItem *item = g_ptr_array_index (batch->items, i);

      if (nb_review_item_get_error (item) != NULL)
        g_string_append_printf (out, "%s: unreadable: %s\n", nb_review_item_get_display_name (item),
                                nb_review_item_get_error (item));
      else
        g_string_append_printf (out, "%s: %s %u: %s, %u errors, %u warnings, %u checked\n",
                                nb_review_item_get_display_name (item), nb_review_item_get_organ (item),
                                nb_review_item_get_year (item), nb_review_item_get_status (item),
                                nb_review_item_get_n_errors (item), nb_review_item_get_n_warnings (item),
                                nb_review_item_get_n_checked (item));
    }
  for (guint i = 0; i < findings->len; i++)
    {
      NbSetFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *files = g_strjoinv (", ", (char **) nb_set_finding_get_files (finding));

      g_string_append_printf (out, "%s: %s: [%s] %s", nb_set_finding_get_organ (finding),
                              nb_severity_to_string (nb_set_finding_get_severity (finding)),
                              nb_set_finding_get_rule_id (finding), nb_set_finding_get_message (finding));
      if (*files != '\0')
        g_string_append_printf (out, " (%s)", files);
      g_string_append_c (out, '\n');
    }
}

static int
exit_status (Batch     *batch,
             GPtrArray *findings)
{
  if (batch->n_readable == 0)
    return NB_EXIT_UNREADABLE;
  for (guint i = 0; i < batch->items->len; i++)
    if (!g_str_equal (nb_review_item_get_status (g_ptr_array_index (batch->items, i)), "ok"))
      return NB_EXIT_ERRORS;
  return findings->len > 0 ? NB_EXIT_ERRORS : NB_EXIT_OK;
}

static GBytes *
write_output (const char *format,
              Batch      *batch,
              GPtrArray  *findings)
{
  GString *out = g_string_new (NULL);

  if (g_strcmp0 (format, "csv") == 0)
    {
      g_autoptr(NbFeedback) feedback = nb_feedback_new (batch->set, findings);

      g_string_free (out, TRUE);
      return nb_feedback_write_csv (feedback);
    }
  if (g_strcmp0 (format, "json") == 0)
    write_json (out, batch, findings);
  else
    write_text (out, batch, findings);
  return g_string_free_to_bytes (out);
}

static int
review (NbTemplate  *template,
        NbRoster    *roster,
        char        *previous,
        const char  *format,
        int          jobs,
        char       **inputs)
{
  g_autoptr(NbBatch) pool = nb_batch_new (jobs == -1 ? 0 : jobs);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Batch batch = { NULL }, last = { NULL };
  char *previous_names[] = { previous, NULL };
  int status;

  if (!read_batch (pool, template, inputs, &batch, &error) ||
      (previous != NULL && !read_batch (pool, template, previous_names, &last, &error)))
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      batch_clear (&batch);
      batch_clear (&last);
      return NB_EXIT_UNREADABLE;
    }
  nb_report_set_set_roster (batch.set, roster);
  if (last.set != NULL)
    nb_report_set_set_previous (batch.set, last.set);
  findings = nb_report_set_check (batch.set);
  bytes = write_output (format, &batch, findings);
  status = exit_status (&batch, findings);
  if (!nb_cli_write_stdout (bytes, &error))
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      status = NB_EXIT_UNREADABLE;
    }
  else if (batch.n_readable == 0)
    g_printerr ("nianbao-cli: %s\n", _("no report could be read"));
  batch_clear (&batch);
  batch_clear (&last);
  return status;
}

int
nb_cli_review (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = NULL;
  g_autoptr(NbRoster) roster = NULL;
  g_autofree char *format = NULL;
  g_autofree char *roster_name = NULL;
  g_autofree char *previous = NULL;
  g_auto(GStrv) inputs = NULL;
  int jobs = -1;
  const GOptionEntry entries[] = {
    { "roster", 'r', 0, G_OPTION_ARG_FILENAME, &roster_name,
      N_("The units that owe a report: a text file, one name a line, or a CSV file"), "FILE" },
    { "previous", 'p', 0, G_OPTION_ARG_FILENAME, &previous,
      N_("Last year’s reports, for the rules between two years"), "DIR" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output as text, json (one object) or csv (every finding, for letters)"), "text|json|csv" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      N_("Read N files at once (default: one per processor)"), "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR|FILE… — review a batch of reports"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Reads every report in the folders (and their subfolders) and lists what only\n"
      "the batch shows: units of the roster with no report, reports from units not\n"
      "on it, two files of one organ and year, text copied between units, the\n"
      "government’s figures against its units’, and with --previous the rules\n"
      "between two years. Each report’s own findings are counted; check lists them.\n\n"
      "Exit status: 0 when every report is ok and nothing was found across the\n"
      "batch, 1 when something was, 2 when nothing could be read or the command\n"
      "line is wrong."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return nb_cli_usage_error (context, error->message);
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json") &&
      !g_str_equal (format, "csv"))
    return nb_cli_usage_error (context, _("--format must be “text”, “json” or “csv”"));
  if (jobs != -1 && (jobs < 1 || jobs > MAX_REVIEW_JOBS))
    return nb_cli_usage_error (context, _("--jobs must be a number from 1 to 256"));
  if (inputs == NULL || inputs[0] == NULL)
    return nb_cli_usage_error (context, _("no folder or file given"));

  if (roster_name != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (roster_name);

      roster = nb_roster_load (file, NULL, &error);
      if (roster == NULL)
        {
          g_autofree char *shown = g_filename_display_name (roster_name);

          g_printerr ("nianbao-cli: %s: %s\n", shown, error->message);
          return NB_EXIT_UNREADABLE;
        }
    }
  template = nb_template_new_default (&error);
  if (template == NULL)
    {
      g_printerr ("nianbao-cli: %s\n", error->message);
      return NB_EXIT_UNREADABLE;
    }
  return review (template, roster, previous, format, jobs, inputs);
}
