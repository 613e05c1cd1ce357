/* nb-review-item.h — one file of a batch under review, as a row shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

/**
 * NbReviewFigure:
 * The headline figures a batch's table shows for each report.
 */
typedef enum
{
  NB_REVIEW_RECEIVED,       /* 本年新收 */
  NB_REVIEW_RESULTS,        /* （七）总计 */
  NB_REVIEW_CARRIED,        /* 结转下年度 */
  NB_REVIEW_REVIEW,         /* 行政复议 */
  NB_REVIEW_LITIGATION,     /* 行政诉讼 */
  NB_REVIEW_PUNISHMENT,     /* 行政处罚 */
  NB_REVIEW_N_FIGURES
} NbReviewFigure;

#define NB_TYPE_REVIEW_ITEM (nb_review_item_get_type ())

G_DECLARE_FINAL_TYPE (NbReviewItem, nb_review_item, NB, REVIEW_ITEM, GObject)

NbReviewItem *nb_review_item_new            (GFile         *file,
                                             const char    *display_name);
GFile        *nb_review_item_get_file       (NbReviewItem  *self);
const char   *nb_review_item_get_display_name (NbReviewItem *self);
NbReport     *nb_review_item_get_report     (NbReviewItem  *self);
void          nb_review_item_set_report     (NbReviewItem  *self,
                                             NbReport      *report);
const char   *nb_review_item_get_error      (NbReviewItem  *self);
void          nb_review_item_set_error      (NbReviewItem  *self,
                                             const char    *message);
const char   *nb_review_item_get_organ      (NbReviewItem  *self);
guint         nb_review_item_get_year       (NbReviewItem  *self);
const char   *nb_review_item_get_kind       (NbReviewItem  *self);
const char   *nb_review_item_get_status     (NbReviewItem  *self);
guint         nb_review_item_get_n_errors   (NbReviewItem  *self);
guint         nb_review_item_get_n_warnings (NbReviewItem  *self);
guint         nb_review_item_get_n_checked  (NbReviewItem  *self);
void          nb_review_item_set_counts     (NbReviewItem  *self,
                                             guint          n_errors,
                                             guint          n_warnings,
                                             guint          n_checked);
gint64        nb_review_item_get_figure     (NbReviewItem  *self,
                                             NbReviewFigure figure);
void          nb_review_item_update         (NbReviewItem  *self);

G_END_DECLS
