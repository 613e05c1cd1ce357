/* nb-file-replace.h — replacing a file without ever leaving half of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean nb_file_replace (GFile         *file,
                          GBytes        *bytes,
                          GCancellable  *cancellable,
                          GError       **error);

G_END_DECLS
