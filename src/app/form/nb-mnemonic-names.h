/* nb-mnemonic-names.h — the accessible names of buttons with mnemonics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void nb_mnemonic_names_fix (GtkWidget *root);

G_END_DECLS
