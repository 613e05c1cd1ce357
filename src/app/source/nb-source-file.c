/* nb-source-file.c — the file a report was read from, read again to be
 * shown beside the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-source-file"

#include "config.h"

#include "nb-source-file.h"

#include <glib/gi18n.h>

#include <nb-text-decoder.h>

/* The report keeps where each number stands, by the ids of the pieces a
 * reader made of the file; reading the same file again gives the same
 * pieces, so the source is read again here (in a worker thread) rather
 * than kept in memory by every report. A canonical file names the file
 * it was imported from, with its size and checksum: only that file is
 * shown, and its numbers come from importing it again. */

struct _NbSourceFile
{
  GObject           parent_instance;

  NbSourceFileKind  kind;
  char             *name;
  GBytes           *bytes;
  NbSource         *source;
  PopplerDocument  *pdf;
  NbReport         *numbers;  /* the report whose source numbers to show */
};

G_DEFINE_FINAL_TYPE (NbSourceFile, nb_source_file, G_TYPE_OBJECT)

static void
nb_source_file_finalize (GObject *object)
{
  NbSourceFile *self = (NbSourceFile *) object;

  g_free (self->name);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->source, nb_source_free);
  g_clear_object (&self->pdf);
  g_clear_object (&self->numbers);

  G_OBJECT_CLASS (nb_source_file_parent_class)->finalize (object);
}

static void
nb_source_file_class_init (NbSourceFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_source_file_finalize;
}

static void
nb_source_file_init (NbSourceFile *self)
{
}

static gboolean
is_recorded_file (GFile    *file,
                  NbReport *report)
{
  guint64 size;
  const char *sha256;
  g_autoptr(GFileInfo) info = NULL;

  nb_report_get_source_file (report, &size, &sha256, NULL);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  return info != NULL && (guint64) g_file_info_get_size (info) == size && sha256 != NULL;
}

/**
 * nb_source_file_find:
 * @document_file: (nullable): the file the report was opened from
 * @report: the report
 *
 * Where the file the report was read from is: where it was read, or for
 * a canonical file the file it names beside it, when one of that size is
 * there (the checksum is checked when it is loaded).
 *
 * Returns: (transfer full) (nullable): the file, or %NULL when there is
 *   none to show
 */
GFile *
nb_source_file_find (GFile    *document_file,
                     NbReport *report)
{
  const char *path;
  const char *name = nb_report_get_source_file (report, NULL, NULL, &path);
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) beside = NULL;
  g_autofree char *file_name = NULL;

  if (name == NULL)
    return NULL;
  /* a report imported here: where it was read */
  if (path != NULL)
    {
      g_autoptr(GFile) where = g_file_new_for_path (path);

      if (is_recorded_file (where, report))
        return g_steal_pointer (&where);
    }
  if (document_file == NULL || (parent = g_file_get_parent (document_file)) == NULL)
    return NULL;
  file_name = g_filename_from_utf8 (name, -1, NULL, NULL, NULL);
  if (file_name == NULL)
    return NULL;
  beside = g_file_get_child (parent, file_name);
  if (!is_recorded_file (beside, report))
    return NULL;
  return g_steal_pointer (&beside);
}

static NbSource *
read_source (const char        *data,
             gsize              size,
             NbSourceFileKind  *kind,
             GError           **error)
{
  g_auto(NbDecodedText) decoded = { 0 };
  NbSource *source;

  *kind = NB_SOURCE_FILE_GRID;
  switch (nb_format_detect (data, size))
    {
    case NB_FORMAT_TEXT:
      *kind = NB_SOURCE_FILE_TEXT;
      if (!nb_text_decode (data, size, &decoded, error))
        return NULL;
      source = nb_source_new_for_text (g_steal_pointer (&decoded.text), decoded.length);
      return source;
    case NB_FORMAT_HTML:
      return nb_html_read (data, size, NULL, error);
    case NB_FORMAT_MHTML:
      return nb_mhtml_read (data, size, error);
    case NB_FORMAT_ZIP:
      return nb_office_read (data, size, error);
    case NB_FORMAT_LEGACY:
      return nb_legacy_read (data, size, error);
    case NB_FORMAT_PDF:        /* rendered, not read */
    case NB_FORMAT_CANONICAL:
    default:
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                   _("The report was not imported from another file"));
      return NULL;
    }
}

/* A canonical file's source must be the very file it was read from. */
static gboolean
check_recorded (NbReport  *report,
                GBytes    *bytes,
                GError   **error)
{
  guint64 size;
  const char *sha256;
  const char *name = nb_report_get_source_file (report, &size, &sha256, NULL);
  g_autofree char *actual = NULL;

  if (name == NULL || sha256 == NULL)
    return TRUE;
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_bytes_get_size (bytes) == size && g_ascii_strcasecmp (actual, sha256) == 0)
    return TRUE;
  g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
               _("“%s” has changed since the report was imported from it"), name);
  return FALSE;
}

/**
 * nb_source_file_load:
 * @file: the file the report was read from (nb_source_file_find())
 * @report: the report
 * @importer: to import @file again when @report does not know where its
 *   numbers stand (a canonical file)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the source, ready to show
 */
NbSourceFile *
nb_source_file_load (GFile         *file,
                     NbReport      *report,
                     NbImporter    *importer,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(NbSourceFile) self = g_object_new (NB_TYPE_SOURCE_FILE, NULL);
  guint n_numbers;
  const char *data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  self->bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (self->bytes == NULL)
    return NULL;
  data = g_bytes_get_data (self->bytes, &size);
  if (size > NB_READER_MAX_FILE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE, _("The file is too large"));
      return NULL;
    }
  if (!check_recorded (report, self->bytes, error))
    return NULL;
  self->name = g_file_get_basename (file);
  nb_report_get_source_numbers (report, &n_numbers);
  /* a PDF's numbers know their pages and boxes: its text is not read
   * again, only its pages rendered */
  if (nb_format_detect (data, size) == NB_FORMAT_PDF)
    {
      const NbPoppler *poppler = nb_poppler_get (error);

      self->kind = NB_SOURCE_FILE_PDF;
      if (poppler == NULL)
        return NULL;
      self->pdf = poppler->document_new_from_bytes (self->bytes, NULL, error);
      if (self->pdf == NULL)
        return NULL;
    }
  else if ((self->source = read_source (data, size, &self->kind, error)) == NULL)
    return NULL;
  if (n_numbers > 0)
    self->numbers = g_object_ref (report);
  else if (importer != NULL)
    self->numbers = nb_importer_import_data (importer, data, size, NULL);
  if (self->numbers == NULL)
    self->numbers = g_object_ref (report);
  return g_steal_pointer (&self);
}

typedef struct
{
  GFile      *file;
  NbReport   *report;
  NbImporter *importer;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_object_unref (load->file);
  g_object_unref (load->report);
  g_clear_object (&load->importer);
  g_free (load);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  NbSourceFile *self = nb_source_file_load (load->file, load->report, load->importer,
                                            cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

/**
 * nb_source_file_load_async:
 *
 * Loads as nb_source_file_load() does, in a worker thread. @report is
 * only read there: its source numbers and recorded file, which no edit
 * changes.
 */
void
nb_source_file_load_async (GFile               *file,
                           NbReport            *report,
                           NbImporter          *importer,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *load = g_new0 (LoadData, 1);

  load->file = g_object_ref (file);
  load->report = g_object_ref (report);
  load->importer = importer != NULL ? g_object_ref (importer) : NULL;
  g_task_set_source_tag (task, nb_source_file_load_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

NbSourceFile *
nb_source_file_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

NbSourceFileKind
nb_source_file_get_kind (NbSourceFile *self)
{
  return self->kind;
}

const char *
nb_source_file_get_name (NbSourceFile *self)
{
  return self->name;
}

/* Returns: (nullable): the text of a file that is not a PDF */
NbSource *
nb_source_file_get_source (NbSourceFile *self)
{
  return self->source;
}

/* Returns: (nullable): the PDF to render, for a PDF */
PopplerDocument *
nb_source_file_get_pdf (NbSourceFile *self)
{
  return self->pdf;
}

/* Returns: the file's contents */
GBytes *
nb_source_file_get_bytes (NbSourceFile *self)
{
  return self->bytes;
}

/* Returns: the report whose nb_report_get_source_numbers() to show */
NbReport *
nb_source_file_get_numbers (NbSourceFile *self)
{
  return self->numbers;
}
