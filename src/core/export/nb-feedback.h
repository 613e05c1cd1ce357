/* nb-feedback.h — letters to the units of a batch: what to correct
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report-set.h"

G_BEGIN_DECLS

#define NB_TYPE_FEEDBACK (nb_feedback_get_type ())

G_DECLARE_FINAL_TYPE (NbFeedback, nb_feedback, NB, FEEDBACK, GObject)

NbFeedback  *nb_feedback_new              (NbReportSet  *set,
                                           GPtrArray    *findings);
guint        nb_feedback_get_n_letters    (NbFeedback   *self);
const char  *nb_feedback_get_organ        (NbFeedback   *self,
                                           guint         letter);
guint        nb_feedback_get_n_items      (NbFeedback   *self,
                                           guint         letter);
char        *nb_feedback_dup_letter_name  (NbFeedback   *self,
                                           guint         letter);
char        *nb_feedback_dup_letter_text  (NbFeedback   *self,
                                           guint         letter);
GBytes      *nb_feedback_write_letter     (NbFeedback   *self,
                                           guint         letter,
                                           GError      **error);
GBytes      *nb_feedback_write_list       (NbFeedback   *self,
                                           GError      **error);
GBytes      *nb_feedback_write_csv        (NbFeedback   *self);
gboolean     nb_feedback_save_letters     (NbFeedback   *self,
                                           GFile        *folder,
                                           GCancellable *cancellable,
                                           GError      **error);

G_END_DECLS
