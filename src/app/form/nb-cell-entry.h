/* nb-cell-entry.h — the entry of one table cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <nb-cell.h>

G_BEGIN_DECLS

/**
 * NbMove:
 * Where a key sends the focus from a cell.
 */
typedef enum
{
  NB_MOVE_NEXT,      /* Tab: along the row, then on to the next row */
  NB_MOVE_PREVIOUS,  /* Shift+Tab */
  NB_MOVE_DOWN,      /* Enter, Down */
  NB_MOVE_UP,        /* Shift+Enter, Up */
  NB_MOVE_RIGHT,     /* Right at the text's end */
  NB_MOVE_LEFT,      /* Left at the text's start */
} NbMove;

#define NB_TYPE_CELL_ENTRY (nb_cell_entry_get_type ())

G_DECLARE_FINAL_TYPE (NbCellEntry, nb_cell_entry, NB, CELL_ENTRY, GtkEntry)

GtkWidget  *nb_cell_entry_new          (NbCell       *cell);
NbCell     *nb_cell_entry_get_cell     (NbCellEntry  *self);
void        nb_cell_entry_set_diagnostic  (NbCellEntry  *self,
                                        int           severity,
                                        const char   *message,
                                        GMenuModel   *fixes);
int         nb_cell_entry_get_severity (NbCellEntry  *self);
const char *nb_cell_entry_get_tooltip  (NbCellEntry  *self);
gboolean    nb_cell_entry_handle_key   (NbCellEntry  *self,
                                        guint         keyval,
                                        GdkModifierType state);
void        nb_cell_entry_restore      (NbCellEntry  *self);
void        nb_cell_entry_set_note     (NbCellEntry  *self,
                                        const char   *note);
void        nb_cell_entry_set_in_block (NbCellEntry  *self,
                                        gboolean      in_block);

G_END_DECLS
