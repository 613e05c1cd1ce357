/* nb-export-text.c — what every writer writes the same way: the title,
 * the file name, text escaped for HTML and XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-export"

#include "config.h"

#include "nb-export-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The template's title suffix without its leading 年, for a report whose
 * year is unknown: 政府信息公开工作年度报告. */
static const char *
suffix_without_year (NbTemplate *template)
{
  const char *suffix = nb_template_get_title_suffix (template);

  return g_str_has_prefix (suffix, "年") ? suffix + strlen ("年") : suffix;
}

static char *
dup_organ (NbReport *report)
{
  char *organ = g_strdup (nb_report_get_organ (report));

  return g_strstrip (g_strdelimit (organ, "\n\r\t", ' '));
}

/**
 * nb_export_dup_title:
 * @report: a report
 *
 * Returns: (transfer full): the report's title on one line; when it has
 *   none, one made of its organ and year as the statutory title goes:
 *   侯寨办事处2024年政府信息公开工作年度报告
 */
char *
nb_export_dup_title (NbReport *report)
{
  NbTemplate *template;
  g_autofree char *organ = NULL;
  char *title;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  title = g_strdup (nb_report_get_title (report));
  g_strstrip (g_strdelimit (title, "\n\r\t", ' '));
  if (*title != '\0')
    return title;
  g_free (title);

  template = nb_report_get_template (report);
  organ = dup_organ (report);
  if (nb_report_get_year (report) > 0)
    return g_strdup_printf ("%s%u%s", organ, nb_report_get_year (report),
                            nb_template_get_title_suffix (template));
  return g_strconcat (organ, suffix_without_year (template), NULL);
}

/* A title too long for one line breaks after the organ, as official
 * titles do, rather than leaving a character or two on a line of their
 * own. Returns %NULL when the title does not start with the organ. */
char *
nb_export_dup_title_lines (NbReport   *report,
                           const char *title)
{
  g_autofree char *organ = dup_organ (report);
  const char *rest;

  if (*organ == '\0' || !g_str_has_prefix (title, organ))
    return NULL;
  rest = title + strlen (organ);
  while (*rest == ' ')
    rest++;
  if (*rest == '\0')
    return NULL;
  return g_strconcat (organ, "\n", rest, NULL);
}

/**
 * nb_export_dup_file_stem:
 * @report: a report
 *
 * Returns: (transfer full): a file name without its extension:
 *   `<organ>-<year>年政府信息公开工作年度报告`, or what is known of it;
 *   never with a path separator
 */
char *
nb_export_dup_file_stem (NbReport *report)
{
  NbTemplate *template;
  g_autofree char *organ = NULL;
  char *stem = NULL;
  guint year;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  template = nb_report_get_template (report);
  organ = dup_organ (report);
  year = nb_report_get_year (report);
  if (*organ != '\0' && year > 0)
    stem = g_strdup_printf ("%s-%u%s", organ, year, nb_template_get_title_suffix (template));
  else if (year > 0)
    stem = g_strdup_printf ("%u%s", year, nb_template_get_title_suffix (template));
  else if (*organ != '\0')
    stem = g_strdup_printf ("%s-%s", organ, suffix_without_year (template));
  else
    stem = g_strdup (suffix_without_year (template));
  if (*stem == '\0' || g_str_equal (stem, "-"))
    {
      g_free (stem);
      stem = g_strdup (_("report"));
    }

  /* no path separators or control characters from an organ's name, and
   * no hidden file */
  g_strdelimit (stem, "/\\", '-');
  for (char *p = stem; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      *p = '_';
  if (stem[0] == '.')
    stem[0] = '_';
  return stem;
}

/* Text for HTML and XML: the five special characters escaped, and the
 * characters XML 1.0 does not allow (most control characters) left out,
 * so that no report text can break the document. */
void
nb_export_append_escaped (GString    *out,
                          const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        case '\t':
        case '\n':
          g_string_append_c (out, ' ');
          break;
        default:
          if (c < 0x20 || c == 0x7F)
            break;
          /* U+FFFE and U+FFFF */
          if (c == 0xEF && (guchar) p[1] == 0xBF && ((guchar) p[2] == 0xBE || (guchar) p[2] == 0xBF))
            {
              p += 2;
              break;
            }
          g_string_append_c (out, c);
        }
    }
}
