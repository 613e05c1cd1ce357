/* nb-place.c — where a piece of a report was read, for a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-place"

#include "config.h"

#include "nb-place.h"

#include <glib/gi18n-lib.h>

/**
 * nb_place_describe:
 * @place: a place in a file
 *
 * Returns: (transfer full) (nullable): the place for a person, translated:
 *   "page 3", "table 3, row 7, column 4", "paragraph 12", "line 5"; %NULL
 *   for no place
 */
char *
nb_place_describe (const NbPlace *place)
{
  if (place == NULL)
    return NULL;
  switch (place->kind)
    {
    case NB_PLACE_LINE:
      return g_strdup_printf (_("line %u"), place->number);
    case NB_PLACE_PAGE:
      return g_strdup_printf (_("page %u"), place->number);
    case NB_PLACE_PARAGRAPH:
      return g_strdup_printf (_("paragraph %u"), place->number);
    case NB_PLACE_CELL:
      return g_strdup_printf (_("table %u, row %u, column %u"),
                              place->number, place->row, place->column);
    case NB_PLACE_NONE:
    default:
      return NULL;
    }
}
