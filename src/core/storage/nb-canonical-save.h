/* nb-canonical-save.h — saving the `.nianbao.json` file: atomically,
 * never over a file changed by another program, keeping a backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

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
