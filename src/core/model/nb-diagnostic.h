/* nb-diagnostic.h — one problem found in a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "nb-template.h"
#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_DIAGNOSTIC (nb_diagnostic_get_type ())

G_DECLARE_FINAL_TYPE (NbDiagnostic, nb_diagnostic, NB, DIAGNOSTIC, GObject)

/**
 * NbFix:
 * @label: what it does, translated: "Set Total to 12", "Read 693665 as 69 / 3 / 665"
 * @n_cells: how many cells it sets
 * @cells: (array length=n_cells): the cells
 * @texts: (array length=n_cells): the text each cell gets
 *
 * One quick fix of a diagnostic: some cells set to some texts at once.
 */
typedef struct
{
  char   *label;
  guint   n_cells;
  guint  *cells;
  char  **texts;
} NbFix;

NbDiagnostic        *nb_diagnostic_new              (NbTemplate    *template,
                                                     NbSeverity     severity,
                                                     const char    *rule_id,
                                                     const char    *message,
                                                     guint          line,
                                                     const guint   *cells,
                                                     guint          n_cells);
NbDiagnostic        *nb_diagnostic_new_across       (NbTemplate    *template,
                                                     NbSeverity     severity,
                                                     const char    *rule_id,
                                                     const char    *message,
                                                     guint          line,
                                                     const guint   *cells,
                                                     const guint8  *sides,
                                                     guint          n_cells);
const guint8        *nb_diagnostic_get_sides        (NbDiagnostic  *self);
NbSeverity           nb_diagnostic_get_severity     (NbDiagnostic  *self);
const char          *nb_severity_get_name           (NbSeverity     severity);
const char          *nb_diagnostic_get_rule_id      (NbDiagnostic  *self);
const char          *nb_diagnostic_get_message      (NbDiagnostic  *self);
guint                nb_diagnostic_get_line         (NbDiagnostic  *self);
const char          *nb_diagnostic_get_location     (NbDiagnostic  *self);
const char * const  *nb_diagnostic_get_cells        (NbDiagnostic  *self);
const guint         *nb_diagnostic_get_cell_indices (NbDiagnostic  *self,
                                                     guint         *n_cells);
gboolean             nb_diagnostic_involves_cell    (NbDiagnostic  *self,
                                                     guint          cell);
int                  nb_diagnostic_compare          (NbDiagnostic  *a,
                                                     NbDiagnostic  *b);
gboolean             nb_diagnostic_get_fix          (NbDiagnostic  *self,
                                                     guint         *cell,
                                                     gint64        *value);
guint                nb_diagnostic_get_n_fixes      (NbDiagnostic  *self);
const NbFix         *nb_diagnostic_get_nth_fix      (NbDiagnostic  *self,
                                                     guint          index);
const char          *nb_diagnostic_get_subject      (NbDiagnostic  *self);
char                *nb_diagnostic_dup_key          (NbDiagnostic  *self);
const char          *nb_diagnostic_get_checked      (NbDiagnostic  *self);

G_END_DECLS
