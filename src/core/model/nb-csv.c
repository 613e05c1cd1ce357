/* nb-csv.c — fields of a CSV file a spreadsheet opens safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-csv"

#include "config.h"

#include "nb-csv.h"

#include <string.h>

/**
 * nb_csv_append_field:
 * @out: where to append
 * @text: (nullable): the field's text
 *
 * Quotes the field when it holds a comma, a quote or a line break, and
 * puts a `'` before text a spreadsheet would run as a formula.
 */
void
nb_csv_append_field (GString    *out,
                     const char *text)
{
  if (text == NULL)
    return;
  /* text a spreadsheet would run as a formula is quoted as text */
  if ((text[0] == '=' || text[0] == '+' || text[0] == '@' || (text[0] == '-' && text[1] != '\0')) &&
      !g_ascii_isdigit (text[1]))
    g_string_append_c (out, '\'');
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
