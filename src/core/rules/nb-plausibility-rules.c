/* nb-plausibility-rules.c — numbers that add up but cannot be right
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-plausibility-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-check.h"
#include "nb-number.h"

/* t2.in-force-lt-issued: for each row of the rule's cells, taken in pairs
 * (本年制发, 现行有效), fewer documents in force than issued this year. */
void
nb_check_t2_in_force (NbCheck *check)
{
  GArray *cells = check->rule->cells;

  for (guint i = 0; i + 1 < cells->len; i += 2)
    {
      guint pair[2] = { g_array_index (cells, guint, i), g_array_index (cells, guint, i + 1) };
      const NbTemplateCell *cell = nb_template_get_cell (check->template, pair[0]);
      NbTemplateTable *table = g_ptr_array_index (nb_template_get_tables (check->template), cell->table);
      NbTemplateRow *row = g_ptr_array_index (table->rows, cell->row);
      g_autofree char *issued_text = NULL;
      g_autofree char *in_force_text = NULL;
      g_autofree char *message = NULL;
      gint64 issued, in_force;

      if (!nb_check_cell_value (check, pair[0], &issued) ||
          !nb_check_cell_value (check, pair[1], &in_force) || in_force >= issued)
        continue;
      issued_text = nb_number_format (issued, NB_CELL_KIND_COUNT);
      in_force_text = nb_number_format (in_force, NB_CELL_KIND_COUNT);
      message = g_strdup_printf (_("%s: %s in force is fewer than the %s issued this year"),
                                 row->label, in_force_text, issued_text);
      nb_check_add (check, message, nb_report_peek_cells (check->report)[pair[0]].line, pair, 2);
    }
}

/* more than 100 亿元 of 行政事业性收费 in one year: no organ charges that
 * much, but an amount in 元 written into a 万元 cell looks like it */
#define FEE_MAX_WAN 1000000

/* t2.fee-magnitude: the rule's one cell, an amount in 万元 */
void
nb_check_t2_fee_magnitude (NbCheck *check)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gint64 value, limit;
  guint cell;

  if (check->rule->cells->len == 0)
    return;
  cell = g_array_index (check->rule->cells, guint, 0);
  if (!nb_check_cell_value (check, cell, &value) ||
      nb_number_parse ("1000000", -1, NB_CELL_KIND_AMOUNT, NULL, &limit) != NB_CELL_STATE_VALUE ||
      value < limit)
    return;
  G_STATIC_ASSERT (FEE_MAX_WAN == 1000000);
  text = nb_number_format (value, NB_CELL_KIND_AMOUNT);
  message = g_strdup_printf (_("%s: %s 万元 is more than 100 亿元; was it entered in 元?"),
                             nb_template_get_cell_label (check->template, cell), text);
  nb_check_add (check, message, nb_report_peek_cells (check->report)[cell].line, &cell, 1);
}

/* The cell of @row in the table's column @column, or -1: a row's cells
 * follow one another in the order of its columns */
static int
row_cell (const NbTemplateRow *row,
          guint                column)
{
  for (guint c = 0; c < row->n_columns; c++)
    if (row->columns[c] == column)
      return row->first_cell + c;
  return -1;
}

/* The rows of t3 that a balance compares, looked up once for all its
 * columns */
static gboolean
balance_rows (NbTemplateTable     *table,
              const NbTemplateRow *rows[4])
{
  static const char *const ids[] = { "received", "carried_over", "results_total", "carried_forward" };

  for (guint r = 0; r < G_N_ELEMENTS (ids); r++)
    {
      rows[r] = NULL;
      for (guint i = 0; rows[r] == NULL && i < table->rows->len; i++)
        if (g_str_equal (((NbTemplateRow *) g_ptr_array_index (table->rows, i))->id, ids[r]))
          rows[r] = g_ptr_array_index (table->rows, i);
      if (rows[r] == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The balance of one column of t3 (the 总计 column left out) */
static gboolean
column_delta (NbCheck              *check,
              const NbTemplateRow  *rows[4],
              guint                 column,
              gint64               *delta,
              guint                *cells)
{
  gint64 values[4];

  for (guint r = 0; r < 4; r++)
    {
      int cell = row_cell (rows[r], column);

      if (cell < 0 || !nb_check_cell_value (check, cell, &values[r]))
        return FALSE;
      cells[r] = cell;
    }
  *delta = values[0] + values[1] - values[2] - values[3];
  return TRUE;
}

static const char *
column_label (NbTemplateTable *table,
              int              column)
{
  return ((NbTemplateColumn *) g_ptr_array_index (table->columns, column))->label;
}

/* t3.column-swap-hint: the balance (一 + 二 = 三(七) + 四) fails in two
 * applicant columns by the same number, once up and once down: the
 * applications were counted, but some under the wrong applicant. */
void
nb_check_t3_column_swap (NbCheck *check)
{
  NbTemplateTable *table = nb_template_lookup_table (check->template, "t3");
  g_autofree char *first = NULL;
  g_autofree char *count = NULL;
  g_autofree char *message = NULL;
  guint cells[8];
  gint64 deltas[2] = { 0, 0 };
  int found[2] = { -1, -1 };
  guint n_found = 0;
  const NbTemplateRow *rows[4];

  if (table == NULL || !balance_rows (table, rows))
    return;
  for (guint c = 0; c < table->columns->len; c++)
    {
      NbTemplateColumn *column = g_ptr_array_index (table->columns, c);
      guint column_cells[4];
      gint64 delta;

      if (g_str_equal (column->id, "total"))
        continue;
      if (!column_delta (check, rows, c, &delta, column_cells))
        return;
      if (delta == 0)
        continue;
      if (n_found == 2)
        return;
      memcpy (cells + 4 * n_found, column_cells, sizeof column_cells);
      deltas[n_found] = delta;
      found[n_found++] = c;
    }
  if (n_found != 2 || deltas[0] != -deltas[1])
    return;
  count = nb_number_format (ABS (deltas[0]), NB_CELL_KIND_COUNT);
  /* the column with more results than applications got the other's */
  first = g_strdup (column_label (table, found[deltas[0] > 0 ? 1 : 0]));
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The balance fails in two columns by %s, once up and once down: "
                                          "%s application is probably counted under “%s” instead of “%s”",
                                          "The balance fails in two columns by %s, once up and once down: "
                                          "%s applications are probably counted under “%s” instead of “%s”",
                                          ABS (deltas[0])),
                             count, count, first, column_label (table, found[deltas[0] > 0 ? 0 : 1]));
  nb_check_add (check, message, nb_report_peek_cells (check->report)[cells[0]].line, cells, 8);
}
