/* nb-narrative-view.h — one narrative section of a report, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <nb-report.h>

G_BEGIN_DECLS

#define NB_TYPE_NARRATIVE_VIEW (nb_narrative_view_get_type ())

G_DECLARE_FINAL_TYPE (NbNarrativeView, nb_narrative_view, NB, NARRATIVE_VIEW, GtkTextView)

GtkWidget  *nb_narrative_view_new              (NbReport        *report,
                                                guint            section);
void        nb_narrative_view_mark_changes     (NbNarrativeView *self,
                                                const char      *other);
guint       nb_narrative_view_get_n_marked     (NbNarrativeView *self);

G_END_DECLS
