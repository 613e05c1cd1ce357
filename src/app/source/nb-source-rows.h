/* nb-source-rows.h — the rows the numbers an import left over could fill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include <nb-report.h>

G_BEGIN_DECLS

GMenuModel  *nb_source_rows_menu (NbReport *report,
                                  guint     number);

G_END_DECLS
