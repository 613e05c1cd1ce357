/* nb-zip.h — the parts of a DOCX or XLSX file, unpacked within bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

typedef struct _NbZip NbZip;

NbZip     *nb_zip_open      (const char  *data,
                             gsize        size,
                             GError     **error);
void       nb_zip_free      (NbZip       *zip);
gboolean   nb_zip_has       (NbZip       *zip,
                             const char  *path);
GBytes    *nb_zip_read      (NbZip       *zip,
                             const char  *path,
                             GError     **error);
xmlDoc    *nb_zip_read_xml  (NbZip       *zip,
                             const char  *path,
                             gboolean     required,
                             GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbZip, nb_zip_free)

G_END_DECLS
