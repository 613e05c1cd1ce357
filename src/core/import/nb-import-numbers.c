/* nb-import-numbers.c — notes where each number of a table stands in the
 * file and what the import did with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-import-numbers"

#include "config.h"

#include "nb-import-numbers.h"

#include "nb-number.h"
#include "nb-report-private.h"

#include <string.h>

/* The source pane shows every number of the tables where it stands: the
 * ones used, the ones changed on the way (full-width digits, separators,
 * runs of digits cut into cells)
 * and the ones left over, which the reviewer may still give to a row. */

/* Whether @text is written otherwise than the canonical file writes its
 * value ("8" for "８", "1234" for "1,234"); plain digits never are. */
static gboolean
is_changed (NbReport   *report,
            int         cell,
            const char *text,
            gsize       length)
{
  NbTemplate *template = nb_report_get_template (report);
  NbCellKind kind;
  gint64 value;
  g_autofree char *written = NULL;
  gsize i = 0;

  while (i < length && g_ascii_isdigit (text[i]))
    i++;
  if (i == length && (text[0] != '0' || length == 1))
    return FALSE;
  kind = nb_template_get_cell_kind (template, cell);
  if (nb_number_parse (text, length, kind, nb_template_get_marks (template), &value) != NB_CELL_STATE_VALUE)
    return FALSE;
  written = nb_number_format (value, kind);
  return strlen (written) != length || memcmp (written, text, length) != 0;
}

/**
 * nb_import_note_number:
 * @report: the report being read
 * @source: (nullable): what it is read from; without it nothing is noted
 * @text: the number, inside the text of the piece with id @line
 * @length: its length
 * @line: the piece's id
 * @x0: where it starts on a PDF page, or 0
 * @x1: where it ends
 * @cell: the cell it went to, or -1 when it was not used
 * @split: it is a piece of a run of digits cut into cells
 * @problem: (nullable): the import finding that quotes it unused
 *
 * A number used is marked changed when the value kept is written
 * otherwise than it stands: full-width digits, separators, a run of
 * digits cut.
 */
void
nb_import_note_number (NbReport     *report,
                       NbSource     *source,
                       const char   *text,
                       gsize         length,
                       guint         line,
                       double        x0,
                       double        x1,
                       int           cell,
                       gboolean      split,
                       NbDiagnostic *problem)
{
  NbSourceNumber number = { 0 };
  const NbSourcePiece *piece;
  const NbPlace *place;
  const char *start;

  if (source == NULL || text == NULL || length == 0 ||
      (piece = nb_source_find_piece (source, line)) == NULL)
    return;
  start = nb_source_get_text (source, piece);
  /* only text that stands in the piece has a place to show */
  if (text < start || text + length > start + piece->length)
    return;

  number.line = line;
  number.offset = text - start;
  number.length = length;
  if (piece->y1 > piece->y0)
    {
      number.x0 = x0;
      number.x1 = x1;
      number.y0 = piece->y0;
      number.y1 = piece->y1;
    }
  place = nb_report_peek_place (report, line);
  if (place != NULL && place->kind == NB_PLACE_PAGE)
    number.page = place->number;
  number.cell = cell;
  number.problem = problem;
  if (cell < 0)
    number.kind = NB_SOURCE_NUMBER_UNUSED;
  else if (split || is_changed (report, cell, text, length))
    number.kind = NB_SOURCE_NUMBER_CHANGED;
  else
    number.kind = NB_SOURCE_NUMBER_USED;
  nb_report_add_source_number (report, &number, text, length);
}

/**
 * nb_import_last_problem:
 * @report: the report being read
 * @n_before: how many import findings it had before the last was made
 *
 * Returns: (transfer none) (nullable): the finding made since, or %NULL
 *   when none was (past the limit of findings)
 */
NbDiagnostic *
nb_import_last_problem (NbReport *report,
                        guint     n_before)
{
  GPtrArray *found = nb_report_get_import_diagnostics (report);

  if (found->len <= n_before)
    return NULL;
  return g_ptr_array_index (found, found->len - 1);
}

/**
 * nb_import_note_file:
 * @report: a report just read from @file
 * @file: the file
 * @cancellable: (nullable): a #GCancellable
 *
 * Keeps the file's name, size and checksum with the report, so that its
 * canonical file can find the file again and tell it from another. A
 * canonical file is not a source: it keeps the one it names.
 */
void
nb_import_note_file (NbReport     *report,
                     GFile        *file,
                     GCancellable *cancellable)
{
  g_autofree char *data = NULL;
  gsize size = 0;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;

  if (!g_file_load_contents (file, cancellable, &data, &size, NULL, NULL) ||
      size > NB_READER_MAX_FILE || nb_format_detect (data, size) == NB_FORMAT_CANONICAL)
    return;
  path = g_file_get_path (file);
  base = g_file_get_basename (file);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
  /* the canonical file is UTF-8, whatever the file system's names are */
  name = g_filename_display_name (base);
  nb_report_set_source_file (report, name, size, sha256, path);
}
