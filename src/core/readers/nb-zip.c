/* nb-zip.c — the parts of a DOCX or XLSX file, unpacked within bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-zip"

#include "config.h"

#include "nb-zip.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <string.h>

#include "nb-readers.h"
#include "nb-xml-util.h"

/* A DOCX or XLSX file is a zip archive of XML parts. The zip is opened
 * with libgsf; every part is read only up to what is left of
 * NB_READER_MAX_UNPACKED, by the size the archive declares, so that a
 * small archive that unpacks to gigabytes (a zip bomb) is refused before
 * anything is inflated. */

struct _NbZip
{
  GsfInput  *input;
  GsfInfile *infile;
  gsize      budget;     /* bytes that may still be unpacked */
};

static void
set_damaged (GError     **error,
             const char  *detail)
{
  g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
               _("The file is damaged or cut short: its ZIP archive cannot be read (%s)"),
               detail);
}

NbZip *
nb_zip_open (const char  *data,
             gsize        size,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  NbZip *zip = g_new0 (NbZip, 1);

  zip->input = gsf_input_memory_new ((const guint8 *) data, size, FALSE);
  zip->infile = gsf_infile_zip_new (zip->input, &local_error);
  zip->budget = NB_READER_MAX_UNPACKED;
  if (zip->infile == NULL)
    {
      set_damaged (error, local_error ? local_error->message : "?");
      nb_zip_free (zip);
      return NULL;
    }
  return zip;
}

void
nb_zip_free (NbZip *zip)
{
  if (zip == NULL)
    return;
  g_clear_object (&zip->infile);
  g_clear_object (&zip->input);
  g_free (zip);
}

static GsfInput *
find_member (NbZip      *zip,
             const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", 16);

  return gsf_infile_child_by_aname (zip->infile, (const char **) names);
}

gboolean
nb_zip_has (NbZip      *zip,
            const char *path)
{
  GsfInput *member = find_member (zip, path);
  gboolean found = member != NULL;

  /* libgsf has no autoptr cleanups */
  g_clear_object (&member);
  return found;
}

/**
 * nb_zip_read:
 * @zip: an archive
 * @path: a member, such as `word/document.xml`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the member's bytes, nul-terminated;
 *   %NULL when it is missing (without @error) or cannot be read
 */
static GBytes *
read_member (NbZip       *zip,
             GsfInput    *member,
             const char  *path,
             GError     **error)
{
  g_autofree guint8 *buffer = NULL;
  gsf_off_t size = gsf_input_size (member);

  if (size < 0 || (guint64) size > zip->budget)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The document unpacks to more than %d MB, far more than any report "
                     "(“%s” alone is %.0f MB); it was not read"),
                   NB_READER_MAX_UNPACKED / (1024 * 1024), path, size / (1024.0 * 1024.0));
      return NULL;
    }
  zip->budget -= size;
  buffer = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (member, size, buffer) == NULL)
    {
      set_damaged (error, path);
      return NULL;
    }
  buffer[size] = '\0';
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

GBytes *
nb_zip_read (NbZip       *zip,
             const char  *path,
             GError     **error)
{
  GsfInput *member = find_member (zip, path);
  GBytes *bytes;

  if (member == NULL)
    return NULL;
  bytes = read_member (zip, member, path, error);
  g_object_unref (member);
  return bytes;
}

xmlDoc *
nb_zip_read_xml (NbZip       *zip,
                 const char  *path,
                 gboolean     required,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = nb_zip_read (zip, path, &local_error);

  if (bytes == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (required)
        set_damaged (error, path);
      return NULL;
    }
  return nb_xml_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), path, error);
}
