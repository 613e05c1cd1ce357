/* nb-review-reader.h — the files of a batch, found and read on every core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-batch.h"
#include "nb-review-item.h"
#include "nb-template.h"

G_BEGIN_DECLS

/**
 * NbReviewReadFunc:
 * @index: the item's index
 * @report: (nullable): what was read, or %NULL
 * @error: (nullable): why not
 * @user_data: as given
 *
 * Called in the thread that called nb_review_read(), in the items' order.
 */
typedef void (*NbReviewReadFunc) (guint     index,
                                  NbReport *report,
                                  GError   *error,
                                  gpointer  user_data);

GPtrArray *nb_review_collect  (GFile * const    *inputs,
                               const char * const *names,
                               guint             n_inputs,
                               GCancellable     *cancellable,
                               GError          **error);
gboolean   nb_review_read     (NbBatch          *batch,
                               NbTemplate       *template,
                               GPtrArray        *items,
                               NbReviewReadFunc  func,
                               gpointer          user_data,
                               GCancellable     *cancellable,
                               GError          **error);

G_END_DECLS
