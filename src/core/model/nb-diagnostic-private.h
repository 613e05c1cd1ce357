/* nb-diagnostic-private.h — what the validator sets on a new diagnostic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-diagnostic.h"

G_BEGIN_DECLS

void  nb_diagnostic_set_fix  (NbDiagnostic *self,
                              guint         cell,
                              gint64        value,
                              const char   *label);
void  nb_diagnostic_add_fix  (NbDiagnostic       *self,
                              const char         *label,
                              const guint        *cells,
                              const char * const *texts,
                              guint               n_cells);
void  nb_diagnostic_take_location (NbDiagnostic *self,
                                   char         *location);
void  nb_diagnostic_set_older_form (NbDiagnostic *self,
                                    NbTemplate   *older);
void  nb_diagnostic_set_subject (NbDiagnostic *self,
                                const char   *subject);
void  nb_diagnostic_set_checked (NbDiagnostic *self,
                                 const char   *note);

G_END_DECLS
