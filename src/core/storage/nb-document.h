/* nb-document.h — a report with its file and its live diagnostics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-importer.h"
#include "nb-report.h"
#include "nb-validator.h"

G_BEGIN_DECLS

/**
 * NbDocumentSaveFlags:
 * @NB_DOCUMENT_SAVE_DEFAULT: refuse to overwrite a file another program
 *   changed since it was read or saved (%NB_ERROR_CHANGED_ON_DISK)
 * @NB_DOCUMENT_SAVE_FORCE: overwrite it anyway (the user said so)
 */
typedef enum
{
  NB_DOCUMENT_SAVE_DEFAULT = 0,
  NB_DOCUMENT_SAVE_FORCE = 1 << 0,
} NbDocumentSaveFlags;

#define NB_TYPE_DOCUMENT (nb_document_get_type ())

G_DECLARE_FINAL_TYPE (NbDocument, nb_document, NB, DOCUMENT, GObject)

NbDocument   *nb_document_new              (NbReport             *report,
                                            GFile                *file);
void          nb_document_load_async       (NbImporter           *importer,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
void          nb_document_load_with_password_async (NbImporter   *importer,
                                            GFile                *file,
                                            const char           *password,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
NbDocument   *nb_document_load_finish      (GAsyncResult         *result,
                                            GError              **error);
NbReport     *nb_document_import           (NbImporter           *importer,
                                            GFile                *file,
                                            const char           *password,
                                            GCancellable         *cancellable,
                                            GError              **error);
NbDocument   *nb_document_load             (NbImporter           *importer,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GError              **error);
NbReport     *nb_document_get_report       (NbDocument           *self);
NbValidator  *nb_document_get_validator    (NbDocument           *self);
GFile        *nb_document_get_file         (NbDocument           *self);
GFile        *nb_document_get_source       (NbDocument           *self);
gboolean      nb_document_get_busy         (NbDocument           *self);
char         *nb_document_dup_display_name (NbDocument           *self);
char         *nb_document_dup_suggested_name (NbDocument         *self);
void          nb_document_save_async       (NbDocument           *self,
                                            GFile                *file,
                                            NbDocumentSaveFlags   flags,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      nb_document_save_finish      (NbDocument           *self,
                                            GAsyncResult         *result,
                                            GError              **error);
gboolean      nb_document_get_make_backup  (NbDocument           *self);
void          nb_document_set_make_backup  (NbDocument           *self,
                                            gboolean              make_backup);

G_END_DECLS
