/* nb-import-diagnose.h — the findings of an import, each on the line or
 * place of the file it was read from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

/* A file with more findings than this is not worth listing further. */
#define NB_IMPORT_MAX_DIAGNOSTICS 200

NbDiagnostic *nb_import_diagnose (NbReport    *report,
                                  const char  *rule_id,
                                  guint        line,
                                  const guint *cells,
                                  guint        n_cells,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (6, 7);
char         *nb_import_quote    (const char  *text,
                                  gsize        length);

G_END_DECLS
