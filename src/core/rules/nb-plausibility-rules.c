/* nb-plausibility-rules.c — numbers that add up but cannot be right
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-plausibility-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

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
