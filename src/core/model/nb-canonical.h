/* nb-canonical.h — the `.nianbao.json` file: the report as JSON and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_CANONICAL_FORMAT  "nianbao-report"
#define NB_CANONICAL_VERSION 1
/* What the importer reads, and so the most a written file may hold. */
#define NB_CANONICAL_MAX_FILE (8 * 1024 * 1024)

typedef struct _NbCanonicalFrame NbCanonicalFrame;

GBytes    *nb_canonical_write        (NbReport             *report);
gboolean   nb_canonical_check_size   (GBytes               *bytes,
                                      GError              **error);
NbReport  *nb_canonical_copy         (NbReport             *report,
                                      GError              **error);
void       nb_canonical_append       (GString              *out,
                                      NbReport             *report,
                                      gboolean              pretty);
NbCanonicalFrame *nb_canonical_frame_new (NbTemplate             *template,
                                          gboolean                pretty);
void       nb_canonical_frame_free   (NbCanonicalFrame     *frame);
void       nb_canonical_append_framed (GString               *out,
                                       NbReport              *report,
                                       const NbCanonicalFrame *frame);
void       nb_canonical_append_string (GString             *out,
                                       const char          *text);
void       nb_canonical_append_cell  (GString              *out,
                                      NbReport             *report,
                                      guint                 cell);
NbReport  *nb_canonical_read_node    (NbTemplate           *template,
                                      JsonNode             *root,
                                      GError              **error);
NbReport  *nb_canonical_read         (NbTemplate           *template,
                                      const char           *data,
                                      gsize                 size,
                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbCanonicalFrame, nb_canonical_frame_free)

G_END_DECLS
