/* nb-cell-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-cell.h"

G_BEGIN_DECLS

NbCell *nb_cell_new          (NbReport *report,
                              guint     index);
void    nb_cell_detach       (NbCell   *self);
void    nb_cell_notify_changed (NbCell *self);

G_END_DECLS
