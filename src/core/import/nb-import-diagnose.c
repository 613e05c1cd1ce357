/* nb-import-diagnose.c — the findings of an import, each on the line or
 * place of the file it was read from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-importer"

#include "config.h"

#include "nb-import-diagnose.h"

#include <glib/gi18n-lib.h>

#include "nb-diagnostic-private.h"
#include "nb-report-private.h"
#include "nb-template-private.h"

/* Adds a finding to the report's import findings; returns it (owned by
 * the report) so that the caller may offer its fixes, or %NULL past the
 * limit. */
NbDiagnostic *
nb_import_diagnose (NbReport    *report,
                    const char  *rule_id,
                    guint        line,
                    const guint *cells,
                    guint        n_cells,
                    const char  *format,
                    ...)
{
  NbTemplate *template = nb_report_get_template (report);
  GPtrArray *found = nb_report_get_import_diagnostics (report);
  NbTemplateRule *rule;
  NbDiagnostic *diagnostic;
  g_autofree char *message = NULL;
  int rule_index;
  va_list args;

  if (found->len > NB_IMPORT_MAX_DIAGNOSTICS)
    return NULL;
  if (found->len == NB_IMPORT_MAX_DIAGNOSTICS)
    {
      rule_id = "parse.too-many";
      format = _("More problems were found while reading; only the first ones are listed");
      cells = NULL;
      n_cells = 0;
    }

  rule_index = nb_template_lookup_rule (template, rule_id);
  g_return_val_if_fail (rule_index >= 0, NULL);
  rule = g_ptr_array_index (nb_template_get_rules (template), rule_index);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  diagnostic = nb_diagnostic_new (template, rule->severity, rule->id,
                                  message, line, cells, n_cells);
  nb_diagnostic_take_location (diagnostic, nb_place_describe (nb_report_peek_place (report, line)));
  nb_report_take_import_diagnostic (report, diagnostic);
  /* a finding past the limit stands for all the others: it offers no fix */
  return found->len > NB_IMPORT_MAX_DIAGNOSTICS ? NULL : diagnostic;
}

/**
 * nb_import_quote:
 * @text: text from the input
 * @length: its length
 *
 * Returns: (transfer full): @text made safe and short enough to quote in a
 *   message
 */
char *
nb_import_quote (const char *text,
                 gsize       length)
{
  const char *end = text;
  guint chars = 0;

  while ((gsize) (end - text) < length && chars < 40)
    {
      end = g_utf8_find_next_char (end, text + length);
      if (end == NULL)
        end = text + length;
      chars++;
    }
  if ((gsize) (end - text) < length)
    {
      g_autofree char *head = g_utf8_make_valid (text, end - text);

      return g_strconcat (head, "…", NULL);
    }
  return g_utf8_make_valid (text, length);
}
