/* nb-source-rows.c — the rows the numbers an import left over could fill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-source-rows"

#include "config.h"

#include "nb-source-rows.h"

#include <glib/gi18n.h>

/* Numbers left over were read in a table: the rows offered are that
 * table's empty ones, the missing rows first that take exactly as many
 * numbers as were left over together — a row label misread past
 * recognition leaves its row empty and its numbers unused, one for each
 * column. */

#define MAX_OFFERED_ROWS 8

/* The table of the nearest number before @number that went to a cell, or
 * after it. */
static int
table_of (NbReport *report,
          guint     number)
{
  guint n;
  const NbSourceNumber *numbers = nb_report_get_source_numbers (report, &n);
  NbTemplate *template = nb_report_get_template (report);

  for (guint i = number + 1; i-- > 0;)
    if (numbers[i].cell >= 0 && numbers[i].kind != NB_SOURCE_NUMBER_UNUSED)
      return nb_template_get_cell (template, numbers[i].cell)->table;
  for (guint i = number; i < n; i++)
    if (numbers[i].cell >= 0 && numbers[i].kind != NB_SOURCE_NUMBER_UNUSED)
      return nb_template_get_cell (template, numbers[i].cell)->table;
  return -1;
}

static gboolean
row_is_empty (NbReport            *report,
              const NbTemplateRow *row)
{
  for (guint c = 0; c < row->n_columns; c++)
    if (nb_report_get_cell_state (report, row->first_cell + c) != NB_CELL_STATE_EMPTY)
      return FALSE;
  return TRUE;
}

static void
offer_rows (GMenu           *menu,
            NbReport        *report,
            NbTemplateTable *table,
            guint            problem,
            guint            count,
            gboolean         fitting)
{
  for (guint r = 0; r < table->rows->len &&
                    g_menu_model_get_n_items (G_MENU_MODEL (menu)) < MAX_OFFERED_ROWS; r++)
    {
      const NbTemplateRow *row = g_ptr_array_index (table->rows, r);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!row_is_empty (report, row) || (row->n_columns == count) != fitting)
        continue;
      /* Translators: a row of a table the numbers left over may fill */
      label = g_strdup_printf (_("Use for “%s”"), row->label);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "source.use-numbers", "(uuu)",
                                         problem, row->first_cell, row->n_columns);
      g_menu_append_item (menu, item);
    }
}

/**
 * nb_source_rows_menu:
 * @report: a report read from a file
 * @number: the index of one of its source numbers
 *
 * Each item's action is `source.use-numbers` with the target (index of
 * the import finding, first cell of the row, its number of cells).
 *
 * Returns: (transfer full) (nullable): the rows the numbers left over
 *   with @number could fill, or %NULL when it was not left over
 */
GMenuModel *
nb_source_rows_menu (NbReport *report,
                     guint     number)
{
  guint n, problem, count;
  const NbSourceNumber *numbers = nb_report_get_source_numbers (report, &n);
  GPtrArray *tables = nb_template_get_tables (nb_report_get_template (report));
  int table;
  GMenu *menu;

  if (number >= n || numbers[number].problem == NULL || numbers[number].cell >= 0 ||
      !g_ptr_array_find (nb_report_get_import_diagnostics (report), numbers[number].problem, &problem) ||
      (table = table_of (report, number)) < 0)
    return NULL;
  count = nb_report_count_unused (report, numbers[number].problem);
  menu = g_menu_new ();
  offer_rows (menu, report, g_ptr_array_index (tables, table), problem, count, TRUE);
  offer_rows (menu, report, g_ptr_array_index (tables, table), problem, count, FALSE);
  return G_MENU_MODEL (menu);
}
