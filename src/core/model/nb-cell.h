/* nb-cell.h — one table cell of a report, for widgets to bind to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_CELL (nb_cell_get_type ())

G_DECLARE_FINAL_TYPE (NbCell, nb_cell, NB, CELL, GObject)

const char  *nb_cell_get_address (NbCell     *self);
guint        nb_cell_get_index   (NbCell     *self);
NbCellKind   nb_cell_get_kind    (NbCell     *self);
const char  *nb_cell_get_label   (NbCell     *self);
const char  *nb_cell_get_text    (NbCell     *self);
void         nb_cell_set_text    (NbCell     *self,
                                  const char *text);
NbCellState  nb_cell_get_state   (NbCell     *self);
gint64       nb_cell_get_value   (NbCell     *self);
guint        nb_cell_get_line    (NbCell     *self);
NbReport    *nb_cell_get_report  (NbCell     *self);

G_END_DECLS
