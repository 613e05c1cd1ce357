/* nb-canonical.h — the `.nianbao.json` file: the report as JSON and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_CANONICAL_FORMAT  "nianbao-report"
#define NB_CANONICAL_VERSION 1

GBytes    *nb_canonical_write        (NbReport             *report);
NbReport  *nb_canonical_copy         (NbReport             *report,
                                      GError              **error);
void       nb_canonical_append       (GString              *out,
                                      NbReport             *report,
                                      gboolean              pretty);
void       nb_canonical_append_string (GString             *out,
                                       const char          *text);
void       nb_canonical_append_cell  (GString              *out,
                                      NbReport             *report,
                                      guint                 cell);
NbReport  *nb_canonical_read         (NbTemplate           *template,
                                      const char           *data,
                                      gsize                 size,
                                      GError              **error);
G_END_DECLS
