/* nb-import-numbers.h — notes where each number of a table stands in the
 * file and what the import did with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-readers.h"
#include "nb-report.h"

G_BEGIN_DECLS

void          nb_import_note_number  (NbReport     *report,
                                      NbSource     *source,
                                      const char   *text,
                                      gsize         length,
                                      guint         line,
                                      double        x0,
                                      double        x1,
                                      int           cell,
                                      gboolean      split,
                                      NbDiagnostic *problem);
NbDiagnostic *nb_import_last_problem (NbReport     *report,
                                      guint         n_before);
void          nb_import_note_file    (NbReport     *report,
                                      GFile        *file,
                                      GCancellable *cancellable);

G_END_DECLS
