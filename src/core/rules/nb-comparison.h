/* nb-comparison.h — two years of one organ's report, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

/**
 * NbChange:
 * @NB_CHANGE_SAME: both years hold the same text
 * @NB_CHANGE_VALUE: both hold numbers, and they differ
 * @NB_CHANGE_ADDED: only the newer year has a number
 * @NB_CHANGE_REMOVED: only the older year has a number
 * @NB_CHANGE_TEXT: the texts differ, and one of them is not a number
 * @NB_CHANGE_UNMATCHED: the newer year's form has no such cell (a report
 *   on the 2019 form against one on the 2021 form): shown, not compared
 */
typedef enum
{
  NB_CHANGE_SAME,
  NB_CHANGE_VALUE,
  NB_CHANGE_ADDED,
  NB_CHANGE_REMOVED,
  NB_CHANGE_TEXT,
  NB_CHANGE_UNMATCHED,
} NbChange;

#define NB_TYPE_COMPARISON (nb_comparison_get_type ())

G_DECLARE_FINAL_TYPE (NbComparison, nb_comparison, NB, COMPARISON, GObject)

NbComparison *nb_comparison_new              (NbReport      *first,
                                              NbReport      *second);
NbReport     *nb_comparison_get_older        (NbComparison  *self);
NbReport     *nb_comparison_get_newer        (NbComparison  *self);
NbTemplate   *nb_comparison_get_template     (NbComparison  *self);
const guint  *nb_comparison_get_newer_cells  (NbComparison  *self,
                                              guint          cell,
                                              guint         *n_cells);
int           nb_comparison_get_compared_cell (NbComparison *self,
                                              guint          newer_cell);
char         *nb_comparison_dup_newer_text   (NbComparison  *self,
                                              guint          cell);
GStrv         nb_comparison_dup_notes        (NbComparison  *self);
GListModel   *nb_comparison_get_diagnostics  (NbComparison  *self);
guint         nb_comparison_get_n_errors     (NbComparison  *self);
NbChange      nb_comparison_get_change       (NbComparison  *self,
                                              guint          cell,
                                              gint64        *delta);
char         *nb_comparison_dup_delta_text   (NbComparison  *self,
                                              guint          cell);
GArray       *nb_comparison_dup_changed_cells (NbComparison *self);
guint         nb_comparison_get_n_headlines  (NbComparison  *self);
const char   *nb_comparison_get_headline     (NbComparison  *self,
                                              guint          headline,
                                              gboolean      *known_older,
                                              gint64        *older,
                                              gboolean      *known_newer,
                                              gint64        *newer);
GBytes       *nb_comparison_write_csv        (NbComparison  *self);
double        nb_comparison_get_text_similarity (NbComparison *self,
                                                 const char   *section_id);

G_END_DECLS
