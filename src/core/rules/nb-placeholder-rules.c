/* nb-placeholder-rules.c — the template's own words left in the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-placeholder-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nb-check.h"
#include "nb-diagnostic-private.h"

/* The patterns ("（文字描述）", "XX", "X月X日") are the template's; each
 * place one matches in a narrative section is a finding of its own. */
static void
check_section (NbCheck    *check,
               guint       section,
               const char *text)
{
  for (guint p = 0; p < check->rule->patterns->len; p++)
    {
      g_auto(NbPatternIter) iter;
      const NbPatternMatch *match;

      nb_check_iter_init (check, &iter, p, text,
                          nb_report_peek_section_length (check->report, section));
      while (!nb_check_is_full (check) && (match = nb_pattern_iter_next (&iter)) != NULL)
        {
          g_autofree char *found = nb_pattern_match_fetch (match, 0);
          g_autofree char *quote = NULL;
          g_autofree char *message = NULL;
          NbDiagnostic *diagnostic;
          int start, end;

          nb_pattern_match_fetch_pos (match, 0, &start, &end);
          quote = nb_check_quote (text, start);
          message = g_strdup_printf (_("“%s” is the form's placeholder, left in: “%s”"),
                                     found, quote);
          diagnostic = nb_check_add (check, message, nb_check_line (check, section, start),
                                     NULL, 0);
          if (diagnostic == NULL)
            return;
          nb_diagnostic_set_subject (diagnostic, found);
        }
    }
}

void
nb_check_placeholder (NbCheck *check)
{
  guint n_sections = nb_template_get_n_sections (check->template);

  /* the form as issued: its placeholders wait for the clerk */
  if (nb_check_report_blank (check))
    return;
  for (guint s = 0; s < n_sections; s++)
    {
      const char *text;

      if (nb_template_section_is_narrative (check->template, s) &&
          (text = nb_report_peek_section (check->report, s)) != NULL)
        check_section (check, s, text);
    }
}
