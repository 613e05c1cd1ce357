/* nb-head-list-model.h — the first items of a list, then all of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NB_TYPE_HEAD_LIST_MODEL (nb_head_list_model_get_type ())

G_DECLARE_FINAL_TYPE (NbHeadListModel, nb_head_list_model, NB, HEAD_LIST_MODEL, GObject)

NbHeadListModel *nb_head_list_model_new        (GListModel      *model,
                                                guint            limit);
guint            nb_head_list_model_get_limit  (NbHeadListModel *self);
void             nb_head_list_model_show_first (NbHeadListModel *self,
                                                guint            limit);
void             nb_head_list_model_show_all   (NbHeadListModel *self);

G_END_DECLS
