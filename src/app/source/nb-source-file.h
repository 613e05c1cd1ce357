/* nb-source-file.h — the file a report was read from, read again to be
 * shown beside the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <nb-poppler.h>

#include <nb-importer.h>
#include <nb-readers.h>

G_BEGIN_DECLS

/**
 * NbSourceFileKind:
 * @NB_SOURCE_FILE_PDF: pages to render
 * @NB_SOURCE_FILE_TEXT: lines of text
 * @NB_SOURCE_FILE_GRID: paragraphs and tables (web page, Word, Excel)
 */
typedef enum
{
  NB_SOURCE_FILE_PDF,
  NB_SOURCE_FILE_TEXT,
  NB_SOURCE_FILE_GRID,
} NbSourceFileKind;

#define NB_TYPE_SOURCE_FILE (nb_source_file_get_type ())

G_DECLARE_FINAL_TYPE (NbSourceFile, nb_source_file, NB, SOURCE_FILE, GObject)

GFile            *nb_source_file_find        (GFile          *document_file,
                                              NbReport       *report);
NbSourceFile     *nb_source_file_load        (GFile          *file,
                                              NbReport       *report,
                                              NbImporter     *importer,
                                              GCancellable   *cancellable,
                                              GError        **error);
void              nb_source_file_load_async  (GFile          *file,
                                              NbReport       *report,
                                              NbImporter     *importer,
                                              GCancellable   *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer        user_data);
NbSourceFile     *nb_source_file_load_finish (GAsyncResult   *result,
                                              GError        **error);
NbSourceFileKind  nb_source_file_get_kind    (NbSourceFile   *self);
const char       *nb_source_file_get_name    (NbSourceFile   *self);
NbSource         *nb_source_file_get_source  (NbSourceFile   *self);
PopplerDocument  *nb_source_file_get_pdf     (NbSourceFile   *self);
GBytes           *nb_source_file_get_bytes   (NbSourceFile   *self);
NbReport         *nb_source_file_get_numbers (NbSourceFile   *self);

G_END_DECLS
