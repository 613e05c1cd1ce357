/* nb-report-view-private.h — what the report view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-build-watch.h"
#include "nb-cell-marks.h"
#include "nb-report-view.h"
#include "nb-table-grid.h"

G_BEGIN_DECLS

/* The report in its own order: title, organ and year, then the six
 * sections, narrative ones as text, table ones as grids. The view holds
 * no report data: every widget writes through to the model and follows
 * it back (undo), and the validator's list decides each cell's style. */
struct _NbReportView
{
  AdwBin       parent_instance;

  NbDocument  *document;
  NbReport    *report;
  GPtrArray   *grids;         /* NbTableGrid, by template table */
  GHashTable  *text_views;    /* section index → GtkTextView */
  NbCellMarks *marks;
  gboolean     syncing;
  gulong       focus_handler;
  GArray      *outlined;      /* cells of the problem last gone to */
  GtkWidget   *header;        /* NbTableHeader over the scrolled form */
  guint        n_built;       /* sections built so far, in order */
  NbBuildWatch *watch;        /* while sections are still to be built */

  /* template children */
  GtkOverlay        *overlay;
  GtkScrolledWindow *scroller;
  GtkBox            *content;
  GtkEntry          *title_entry;
  GtkEntry          *organ_entry;
  GtkEntry          *year_entry;
};

NbCellEntry *_nb_report_view_lookup_entry   (gpointer      data,
                                             guint         cell);
GtkWidget   *_nb_report_view_scrolled_form  (NbReportView *self);
void         _nb_report_view_build_sections (NbReportView *self,
                                             guint         end);
gboolean     _nb_report_view_is_complete    (NbReportView *self);
void         _nb_report_view_finish_build   (NbReportView *self);
void         _nb_report_view_stop_building  (NbReportView *self);
void         _nb_report_view_watch_clock    (NbReportView *self);

G_END_DECLS
