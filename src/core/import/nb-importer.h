/* nb-importer.h — reads a report from the files it arrives in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-readers.h"
#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_IMPORTER (nb_importer_get_type ())

G_DECLARE_FINAL_TYPE (NbImporter, nb_importer, NB, IMPORTER, GObject)

NbImporter  *nb_importer_new          (NbTemplate    *template);
NbTemplate  *nb_importer_get_template (NbImporter    *self);
NbReport    *nb_importer_import_text  (NbImporter    *self,
                                       const char    *data,
                                       gsize          size,
                                       GError       **error);
NbReport    *nb_importer_import_data  (NbImporter    *self,
                                       const char    *data,
                                       gsize          size,
                                       GError       **error);
NbReport    *nb_importer_import_file  (NbImporter    *self,
                                       GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);
NbReport    *nb_importer_import_data_full (NbImporter *self,
                                       const char    *data,
                                       gsize          size,
                                       const char    *password,
                                       GError       **error);
NbReport    *nb_importer_import_source (NbImporter  *self,
                                       NbSource      *source,
                                       GError       **error);
NbReport    *nb_importer_import_file_full (NbImporter *self,
                                       GFile         *file,
                                       const char    *password,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
