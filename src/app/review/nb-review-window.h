/* nb-review-window.h — a whole batch of reports in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <nb-feedback.h>
#include <nb-report-set.h>
#include <nb-review-item.h>
#include <nb-roster.h>

G_BEGIN_DECLS

#define NB_TYPE_REVIEW_WINDOW (nb_review_window_get_type ())

G_DECLARE_FINAL_TYPE (NbReviewWindow, nb_review_window, NB, REVIEW_WINDOW, AdwApplicationWindow)

NbReviewWindow *nb_review_window_new             (GtkApplication *application,
                                                  NbTemplate     *template);
void            nb_review_window_load            (NbReviewWindow *self,
                                                  GFile          *folder);
void            nb_review_window_load_previous   (NbReviewWindow *self,
                                                  GFile          *folder);
void            nb_review_window_set_roster      (NbReviewWindow *self,
                                                  NbRoster       *roster);
void            nb_review_window_cancel          (NbReviewWindow *self);
gboolean        nb_review_window_get_busy        (NbReviewWindow *self);
GListModel     *nb_review_window_get_items       (NbReviewWindow *self);
GtkColumnView  *nb_review_window_get_column_view (NbReviewWindow *self);
GPtrArray      *nb_review_window_get_findings    (NbReviewWindow *self);
NbFeedback     *nb_review_window_dup_feedback    (NbReviewWindow *self);

G_END_DECLS
