/* nb-grid-builder.h — a table's cells, row by row with their spans,
 * expanded into a grid of an NbSource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-source.h"

G_BEGIN_DECLS

/* Tables: cells row by row, each with its spans; the builder expands them
 * into a grid and adds one positioned line per grid row. */
typedef struct _NbGridBuilder NbGridBuilder;

NbGridBuilder       *nb_grid_builder_new        (NbSource        *source);
void                 nb_grid_builder_free       (NbGridBuilder   *self);
void                 nb_grid_builder_begin_row  (NbGridBuilder   *self);
gboolean             nb_grid_builder_add_cell   (NbGridBuilder   *self,
                                                 const char      *text,
                                                 gssize           length,
                                                 guint            colspan,
                                                 guint           rowspan,
                                                 GError         **error);
void                 nb_grid_builder_merge_up   (NbGridBuilder   *self,
                                                 guint            colspan);
void                 nb_grid_builder_skip_to    (NbGridBuilder   *self,
                                                 guint            column);
gboolean             nb_grid_builder_finish     (NbGridBuilder   *self,
                                                 GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbGridBuilder, nb_grid_builder_free)

G_END_DECLS
