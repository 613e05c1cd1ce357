/* nb-canonical.h — the `.nianbao.json` file: read, write, save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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
gboolean   nb_canonical_save         (NbReport             *report,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GError              **error);
void       nb_canonical_save_async   (NbReport             *report,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean   nb_canonical_save_finish  (NbReport             *report,
                                      GAsyncResult         *result,
                                      GError              **error);
void       nb_canonical_save_full_async  (NbReport         *report,
                                          GFile            *file,
                                          const char       *expected_etag,
                                          gboolean          backup,
                                          GCancellable     *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer          user_data);
gboolean   nb_canonical_save_full_finish (NbReport         *report,
                                          GAsyncResult     *result,
                                          char            **etag,
                                          GError          **error);
char      *nb_canonical_dup_etag     (GFile                *file);

G_END_DECLS
