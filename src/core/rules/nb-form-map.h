/* nb-form-map.h — which cells of two forms hold the same figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-template-private.h"

G_BEGIN_DECLS

typedef struct _NbFormMap NbFormMap;

/* A row of the older form that the newer form splits into a group of
 * rows, such as （六）其他处理: compared with the group's sum. */
typedef struct
{
  const char *label;      /* the older form's row */
  guint       n_rows;     /* the rows of the newer form it is summed from */
} NbFormSum;

NbFormMap       *nb_form_map_new            (NbTemplate  *older,
                                             NbTemplate  *newer);
void             nb_form_map_free           (NbFormMap   *self);
gboolean         nb_form_map_is_identity    (NbFormMap   *self);
const guint     *nb_form_map_get_newer      (NbFormMap   *self,
                                             guint        older_cell,
                                             guint       *n_cells);
int              nb_form_map_get_compared   (NbFormMap   *self,
                                             guint        newer_cell);
int              nb_form_map_lookup_older   (NbFormMap   *self,
                                             guint        newer_cell);
guint            nb_form_map_get_n_sums     (NbFormMap   *self);
const NbFormSum *nb_form_map_get_sum        (NbFormMap   *self,
                                             guint        sum);

G_END_DECLS
