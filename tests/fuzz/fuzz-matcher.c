/* fuzz-matcher.c — the matcher on any source: lines of placed cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is read as lines (LF) of cells (TAB); a line whose first cell
 * is empty is one text line, any other a table row whose cells stand in
 * grid columns, the way the web page and Word readers make them. A cell
 * that starts with "@" spans as many columns as the digit after it says.
 */

#include "config.h"

#include "fuzz-common.h"

#include <string.h>

static void
add_line (NbSource   *source,
          const char *line,
          gsize       length,
          guint       number)
{
  NbPlace place = { NB_PLACE_CELL, 1, number, 0 };
  const char *end = line + length;
  double x = 0;

  if (length > 0 && line[0] == '\t')
    {
      place.kind = NB_PLACE_PARAGRAPH;
      nb_source_add_paragraph (source, line + 1, length - 1, &place);
      return;
    }
  for (const char *p = line; p <= end;)
    {
      const char *tab = memchr (p, '\t', end - p);
      gsize n = (tab ? tab : end) - p;
      double span = 1;

      if (n >= 2 && p[0] == '@' && g_ascii_isdigit (p[1]))
        {
          span = 1 + (p[1] - '0');
          p += 2;
          n -= 2;
        }
      place.column = (guint) x + 1;
      nb_source_add_piece (source, p, n, x, x + span, &place);
      x += span;
      if (tab == NULL)
        break;
      p = tab + 1;
    }
  nb_source_end_line (source, TRUE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(NbSource) source = nb_source_new ();
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  const char *end = text + strlen (text);
  guint number = 1;

  fuzz_get_importer ();
  for (const char *p = text; p < end; number++)
    {
      const char *eol = memchr (p, '\n', end - p);

      add_line (source, p, (eol ? eol : end) - p, number);
      p = eol ? eol + 1 : end;
    }
  fuzz_import_source (source);
  return 0;
}
