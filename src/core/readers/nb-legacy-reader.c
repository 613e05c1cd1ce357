/* nb-legacy-reader.c — old Word and Excel files (DOC, WPS, XLS, ET)
 * through LibreOffice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-legacy-reader"

#include "config.h"

#include "nb-readers.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

/* The binary formats of Word 97 and Excel 97 (and WPS's own, which are the
 * same containers) are not read here: LibreOffice converts them to DOCX or
 * XLSX in a private folder, within a time limit, and those are read. */

typedef struct
{
  GMainContext *context;
  gboolean      done;
  gboolean      timed_out;
} Wait;

static gboolean
contains (const char *data,
          gsize       size,
          const char *needle,
          gsize       length)
{
  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

/* An Excel or ET file has a stream "Workbook" (or "Book"), a Word or WPS
 * file "WordDocument". The names are found in the compound file's
 * directory, in UTF-16LE, without parsing it: a damaged file must reach
 * LibreOffice, which says what it can of it. */
static const char *
target_format (const char *data,
               gsize       size)
{
  static const char workbook[] = "W\0o\0r\0k\0b\0o\0o\0k\0";
  static const char book[] = "\0B\0o\0o\0k\0\0";

  if (contains (data, size, workbook, sizeof workbook - 1) ||
      contains (data, size, book, sizeof book - 1))
    return "xlsx";
  return "docx";
}

static void
remove_tree (const char *path,
             guint       depth)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (depth < 32 && g_file_test (path, G_FILE_TEST_IS_DIR) &&
      !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child, depth + 1);
        }
    }
  g_remove (path);
}

static void
on_exited (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  Wait *wait = data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  wait->done = TRUE;
  g_main_context_wakeup (wait->context);
}

static gboolean
on_timeout (gpointer data)
{
  Wait *wait = data;

  wait->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs soffice on @input and waits for it, at most the time limit. */
static gboolean
convert (const char  *program,
         const char  *folder,
         const char  *input,
         const char  *format,
         GError     **error)
{
  g_autofree char *profile = g_build_filename (folder, "profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *out = g_build_filename (folder, "out", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = NULL;
  Wait wait = { context, FALSE, FALSE };

  g_main_context_push_thread_default (context);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              error, program, "--headless", "--norestore", "--nolockcheck",
                              installation, "--convert-to", format, "--outdir", out, input, NULL);
  if (process != NULL)
    {
      timeout = g_timeout_source_new_seconds (NB_READER_SOFFICE_TIMEOUT);
      g_source_set_callback (timeout, on_timeout, &wait, NULL);
      g_source_attach (timeout, context);
      g_subprocess_wait_async (process, NULL, on_exited, &wait);
      while (!wait.done && !wait.timed_out)
        g_main_context_iteration (context, TRUE);
      if (!wait.done)
        {
          g_subprocess_force_exit (process);
          while (!wait.done)
            g_main_context_iteration (context, TRUE);
        }
      g_source_destroy (timeout);
    }
  g_main_context_pop_thread_default (context);

  if (process == NULL)
    return FALSE;
  if (wait.timed_out)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED,
                   _("LibreOffice did not convert the file within %d seconds; save it as DOCX "
                     "or XLSX in Word, WPS or Excel and open that"), NB_READER_SOFFICE_TIMEOUT);
      return FALSE;
    }
  return TRUE;
}

/**
 * nb_legacy_read:
 * @data: an OLE2 compound file: a DOC, WPS, XLS or ET document
 * @size: its size
 * @error: return location for a #GError
 *
 * Converts it with LibreOffice (`soffice`, or the program named by the
 * environment variable `NIANBAO_SOFFICE`) and reads the result; without
 * LibreOffice fails with %NB_ERROR_UNSUPPORTED and says what to do.
 *
 * Returns: (transfer full) (nullable): the source
 */
NbSource *
nb_legacy_read (const char  *data,
                gsize        size,
                GError     **error)
{
  const char *name = g_getenv ("NIANBAO_SOFFICE");
  g_autofree char *program = g_find_program_in_path (name != NULL ? name : "soffice");
  const char *format;
  g_autofree char *folder = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *converted = NULL;
  gsize converted_size = 0;
  NbSource *source = NULL;
  gboolean excel;

  if (program == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_UNSUPPORTED,
                   _("This is an old Word or Excel file (DOC, WPS, XLS or ET). Reading it needs "
                     "LibreOffice, which is not installed: install LibreOffice, or open the file "
                     "in Word, WPS or Excel and save it as DOCX or XLSX"));
      return NULL;
    }
  if (size > NB_READER_MAX_FILE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is %.1f MB; a report is at most %d MB"),
                   size / (1024.0 * 1024.0), NB_READER_MAX_FILE / (1024 * 1024));
      return NULL;
    }

  format = target_format (data, size);
  folder = g_dir_make_tmp ("nianbao-XXXXXX", error);
  if (folder == NULL)
    return NULL;
  excel = g_str_equal (format, "xlsx");
  input = g_build_filename (folder, excel ? "report.xls" : "report.doc", NULL);
  output = g_build_filename (folder, "out", excel ? "report.xlsx" : "report.docx", NULL);
  if (g_file_set_contents (input, data, size, error) &&
      convert (program, folder, input, format, error))
    {
      if (!g_file_get_contents (output, &converted, &converted_size, NULL))
        g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                     _("LibreOffice could not convert the file; it may be damaged"));
      else
        source = nb_office_read (converted, converted_size, error);
    }
  remove_tree (folder, 0);
  return source;
}
