/* nb-cell-marks.h — the problem styles of a form's cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include <nb-template.h>

#include "nb-cell-entry.h"

G_BEGIN_DECLS

/* Finds the entry of @cell in a form, or NULL. */
typedef NbCellEntry *(*NbEntryLookup) (gpointer data,
                                       guint    cell);

typedef struct _NbCellMarks NbCellMarks;

NbCellMarks  *nb_cell_marks_new         (NbTemplate    *template,
                                         NbEntryLookup  lookup,
                                         gpointer       data,
                                         gboolean       fixes);
void          nb_cell_marks_free        (NbCellMarks   *marks);
void          nb_cell_marks_add_source  (NbCellMarks   *marks,
                                         GListModel    *diagnostics,
                                         int            side);
void          nb_cell_marks_refresh     (NbCellMarks   *marks);
void          nb_cell_marks_reshow      (NbCellMarks   *marks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbCellMarks, nb_cell_marks_free)

G_END_DECLS
