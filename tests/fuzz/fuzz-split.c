/* fuzz-split.c — the splitter of digits that ran together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte gives the columns of a table (1 to 8), the lines (LF) that
 * follow its rows, each row's text the run to split into its cells. Every
 * row's last cell is the sum of the others, every column's last row the
 * sum of the rows above, and a byte of the second line, when it is a
 * digit, makes a cell known, as the other rows of a report would. Cells
 * of odd columns take changes ("-18"), the others amounts in 元, as the
 * 2019 form's table 二 does.
 */

#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include <nb-digit-split.h>
#include <nb-number.h>

#define MAX_ROWS 30

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static gboolean
part_fits (guint       cell,
           const char *text,
           gsize       length,
           gboolean    whole,
           gpointer    user_data)
{
  static const char *const units[] = { "元", NULL };
  guint n_columns = GPOINTER_TO_UINT (user_data);
  gint64 value;

  return nb_number_parse_with_unit (text, length,
                                    cell % n_columns % 2 ? NB_CELL_KIND_CHANGE : NB_CELL_KIND_AMOUNT,
                                    NULL, units, &value, NULL) == NB_CELL_STATE_VALUE || whole;
}

static void
add_sums (NbDigitSolver *solver,
          guint          n_rows,
          guint          n_columns)
{
  g_autofree guint *cells = g_new (guint, MAX (n_rows, n_columns));

  for (guint r = 0; r < n_rows && n_columns > 1; r++)
    {
      cells[0] = r * n_columns + n_columns - 1;
      for (guint c = 0; c + 1 < n_columns; c++)
        cells[1 + c] = r * n_columns + c;
      nb_digit_solver_add_sum (solver, cells, 1, n_columns);
    }
  for (guint c = 0; c < n_columns && n_rows > 1; c++)
    {
      cells[0] = (n_rows - 1) * n_columns + c;
      for (guint r = 0; r + 1 < n_rows; r++)
        cells[1 + r] = r * n_columns + c;
      nb_digit_solver_add_sum (solver, cells, 1, n_rows);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(NbDigitSolver) solver = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  guint n_columns, n_rows = 0;

  if (size < 1)
    return 0;
  n_columns = 1 + data[0] % 8;
  text = g_strndup ((const char *) data + 1, size - 1);
  lines = g_strsplit (text, "\n", MAX_ROWS + 1);
  while (lines[n_rows] != NULL && n_rows < MAX_ROWS)
    n_rows++;

  solver = nb_digit_solver_new (n_rows * n_columns);
  add_sums (solver, n_rows, n_columns);
  nb_digit_solver_set_part_func (solver, part_fits, GUINT_TO_POINTER (n_columns));
  for (guint r = 0; r < n_rows; r++)
    {
      /* a row that starts with '=' is known, one digit a cell */
      if (lines[r][0] == '=')
        {
          for (guint c = 0; c < n_columns && lines[r][1 + c] != '\0'; c++)
            if (g_ascii_isdigit (lines[r][1 + c]))
              nb_digit_solver_set_known (solver, r * n_columns + c, lines[r][1 + c] - '0');
          continue;
        }
      nb_digit_solver_add_run (solver, lines[r], strlen (lines[r]), r * n_columns, n_columns);
    }
  nb_digit_solver_solve (solver);
  for (guint r = 0, run = 0; r < n_rows; r++)
    {
      gboolean more;
      guint n;

      if (lines[r][0] == '=')
        continue;
      n = nb_digit_solver_get_n_readings (solver, run, &more);
      g_assert (n <= NB_DIGIT_SPLIT_MAX_KEPT);
      for (guint i = 0; i < n; i++)
        for (guint c = 0; c < n_columns; c++)
          {
            gsize offset, length;

            nb_digit_solver_get_part (solver, run, i, c, &offset, &length);
            g_assert (offset + length <= strlen (lines[r]));
            g_assert (length > 0);
          }
      for (guint c = 0; c < n_columns; c++)
        {
          gsize offset, length;

          if (nb_digit_solver_get_agreed (solver, run, c, &offset, &length))
            g_assert (n > 0 && offset + length <= strlen (lines[r]));
        }
      run++;
    }
  return 0;
}
