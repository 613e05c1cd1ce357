/* nb-structure-rules.c — the six statutory sections, each once, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-structure-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nb-check.h"
#include "nb-diagnostic-private.h"

/* The headings are those the importer read (wording variants included); a
 * report opened from a canonical file has its sections by construction,
 * and these rules say nothing about it. */

static const char *const numerals[] = {
  "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
};

static NbTemplateSection *
get_section (NbCheck *check,
             guint    section)
{
  return g_ptr_array_index (nb_template_get_sections (check->template), section);
}

static void
add_missing (NbCheck *check,
             guint    section)
{
  g_autofree char *message =
    g_strdup_printf (_("The section “%s” is missing"), get_section (check, section)->heading);
  NbDiagnostic *diagnostic = nb_check_add (check, message, 0, NULL, 0);

  if (diagnostic != NULL)
    nb_diagnostic_set_subject (diagnostic, get_section (check, section)->id);
}

static void
add_out_of_order (NbCheck         *check,
                  const NbHeading *heading,
                  guint            before)
{
  g_autofree char *message =
    g_strdup_printf (_("The section “%s” comes after “%s”; the form puts it before"),
                     get_section (check, heading->section)->heading,
                     get_section (check, before)->heading);
  NbDiagnostic *diagnostic = nb_check_add (check, message, heading->line, NULL, 0);

  if (diagnostic != NULL)
    nb_diagnostic_set_subject (diagnostic, get_section (check, heading->section)->id);
}

void
nb_check_struct_sections (NbCheck *check)
{
  guint n_headings, n_sections = nb_template_get_n_sections (check->template);
  const NbHeading *headings = nb_report_peek_headings (check->report, &n_headings);
  g_autofree gboolean *seen = g_new0 (gboolean, n_sections);
  int last = -1;

  if (!nb_report_has_headings (check->report))
    return;
  /* the first time a heading is read counts: a repeat is a page's menu or
   * a copy pasted twice, which the importer already passes over */
  for (guint i = 0; i < n_headings; i++)
    {
      if (seen[headings[i].section])
        continue;
      seen[headings[i].section] = TRUE;
      if ((int) headings[i].section < last)
        add_out_of_order (check, &headings[i], last);
      last = MAX (last, (int) headings[i].section);
    }
  for (guint s = 0; s < n_sections; s++)
    if (!seen[s])
      add_missing (check, s);
}

static void
add_misnumbered (NbCheck         *check,
                 const NbHeading *heading)
{
  NbTemplateSection *section = get_section (check, heading->section);
  g_autofree char *message =
    g_strdup_printf (_("The heading “%s、%s” is numbered %s; in the form it is %s"),
                     numerals[heading->numeral], section->text, numerals[heading->numeral],
                     section->numeral);
  NbDiagnostic *diagnostic = nb_check_add (check, message, heading->line, NULL, 0);

  if (diagnostic != NULL)
    nb_diagnostic_set_subject (diagnostic, section->id);
}

/* A report with a numbering of its own (its tables as 一、二、三) gets one
 * finding that lists them all, not one for each heading. */
static void
add_renumbered (NbCheck          *check,
                const NbHeading **wrong,
                guint             n_wrong)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *message = NULL;
  NbDiagnostic *diagnostic;

  for (guint i = 0; i < n_wrong; i++)
    /* Translators: one heading numbered otherwise, "一 for 二" */
    g_string_append_printf (list, i == 0 ? _("%s for %s") : _(", %s for %s"),
                            numerals[wrong[i]->numeral], get_section (check, wrong[i]->section)->numeral);
  message = g_strdup_printf (_("%u headings are numbered otherwise than in the form: %s"), n_wrong, list->str);
  diagnostic = nb_check_add (check, message, wrong[0]->line, NULL, 0);
  if (diagnostic != NULL)
    nb_diagnostic_set_subject (diagnostic, "headings");
}

void
nb_check_struct_heading_number (NbCheck *check)
{
  guint n_headings, n_sections = nb_template_get_n_sections (check->template);
  const NbHeading *headings = nb_report_peek_headings (check->report, &n_headings);
  g_autofree gboolean *seen = g_new0 (gboolean, n_sections);
  g_autofree const NbHeading **wrong = g_new0 (const NbHeading *, n_sections);
  guint n_wrong = 0;

  for (guint i = 0; i < n_headings; i++)
    {
      NbTemplateSection *section = get_section (check, headings[i].section);

      if (seen[headings[i].section])
        continue;
      seen[headings[i].section] = TRUE;
      if (headings[i].numeral == 0 || headings[i].numeral >= G_N_ELEMENTS (numerals) ||
          g_str_equal (numerals[headings[i].numeral], section->numeral))
        continue;
      wrong[n_wrong++] = &headings[i];
    }
  if (n_wrong == 1)
    add_misnumbered (check, wrong[0]);
  else if (n_wrong > 1)
    add_renumbered (check, wrong, n_wrong);
}

/* struct.overview-topics: 一 covers the five topics of the form's 总体情况
 * (`words`, each with its pattern in `patterns`, in the same order) */
void
nb_check_struct_overview_topics (NbCheck *check)
{
  int section;
  const char *text = nb_check_section_text (check, "overview", &section);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *message = NULL;
  NbDiagnostic *diagnostic;

  /* an empty 一 is not yet written: nothing to list */
  if (text == NULL || *text == '\0' || !nb_check_narrative_begun (check) ||
      g_strv_length (check->rule->words) != check->rule->patterns->len)
    return;
  for (guint p = 0; p < check->rule->patterns->len; p++)
    if (!g_regex_match (nb_pattern_get_regex (g_ptr_array_index (check->rule->patterns, p)), text, 0, NULL))
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? "、" : "", check->rule->words[p]);
  if (missing->len == 0)
    return;
  message = g_strdup_printf (_("Section 一 says nothing of %s"), missing->str);
  diagnostic = nb_check_add (check, message, 0, NULL, 0);
  if (diagnostic != NULL)
    nb_diagnostic_set_subject (diagnostic, "overview");
}
