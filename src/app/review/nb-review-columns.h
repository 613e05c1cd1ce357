/* nb-review-columns.h — the columns of a batch's table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   nb_review_columns_add         (GtkColumnView *view);
char  *nb_review_columns_dup_text    (GObject       *item,
                                      const char    *property);

G_END_DECLS
