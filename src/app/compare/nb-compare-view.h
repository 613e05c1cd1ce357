/* nb-compare-view.h — two years of a report, section by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <nb-comparison.h>
#include <nb-document.h>

#include "nb-cell-entry.h"

G_BEGIN_DECLS

#define NB_TYPE_COMPARE_VIEW (nb_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (NbCompareView, nb_compare_view, NB, COMPARE_VIEW, AdwBin)

GtkWidget     *nb_compare_view_new              (NbComparison  *comparison,
                                                 NbDocument    *older,
                                                 NbDocument    *newer);
NbComparison  *nb_compare_view_get_comparison   (NbCompareView *self);
NbCellEntry   *nb_compare_view_get_entry        (NbCompareView *self,
                                                 int            side,
                                                 guint          cell);
GtkLabel      *nb_compare_view_get_delta_label  (NbCompareView *self,
                                                 guint          cell);
gboolean       nb_compare_view_focus_cell       (NbCompareView *self,
                                                 int            side,
                                                 guint          cell);
void           nb_compare_view_set_show_delta   (NbCompareView *self,
                                                 gboolean       show);
gboolean       nb_compare_view_get_show_delta   (NbCompareView *self);
gboolean       nb_compare_view_get_complete     (NbCompareView *self);
GtkLabel      *nb_compare_view_get_similarity (NbCompareView *self);
GtkLabel      *nb_compare_view_get_headline_change (NbCompareView *self,
                                                    guint          headline);
guint          nb_compare_view_get_marked_paragraphs (NbCompareView *self,
                                                      int            side,
                                                      const char    *section_id);

G_END_DECLS
