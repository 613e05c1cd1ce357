/* nb-file-replace.c — replacing a file without ever leaving half of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-core"

#include "config.h"

#include "nb-file-replace.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

/* GLib's g_file_replace_contents() renames its temporary file over the
 * target even when a write failed (a full disk leaves half a file), so
 * local files go through g_file_set_contents_full(), which renames only a
 * complete, synced file, and other files through a temporary sibling that
 * is moved into place only after it was written whole. */
/* A device or pipe is written through, never replaced by a file: the
 * terminal, /dev/null or the pipe behind /dev/stdout stay what they are. */
static gboolean
write_through (const char  *path,
               GBytes      *bytes,
               GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  /* a pipe nobody reads fails at once (ENXIO) instead of waiting */
  int fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK, 0);

  if (fd >= 0)
    fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          close (fd);
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved),
                               g_strerror (saved));
          return FALSE;
        }
      data += n;
      size -= n;
    }
  return g_close (fd, error);
}

static gboolean
replace_local (const char  *path,
               GBytes      *bytes,
               GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf info;
  int mode = 0666;

  if (g_stat (path, &info) == 0)
    {
      if (S_ISCHR (info.st_mode) || S_ISFIFO (info.st_mode) || S_ISSOCK (info.st_mode))
        return write_through (path, bytes, error);
      if (!S_ISREG (info.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               _("It is not a file, nor a device that can be written to"));
          return FALSE;
        }
      mode = info.st_mode & 07777;
      /* a link to a file: the file is replaced, the link stays */
      target = realpath (path, NULL);
    }
  return g_file_set_contents_full (target ? target : path, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), G_FILE_SET_CONTENTS_CONSISTENT,
                                   mode, error);
}

static gboolean
replace_remote (GFile         *file,
                GBytes        *bytes,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *temp_name = g_strdup_printf (".%s.%08x.tmp", base, g_random_int ());
  g_autoptr(GFile) temp = NULL;

  if (parent == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("Not a file name"));
      return FALSE;
    }
  temp = g_file_get_child (parent, temp_name);
  if (!g_file_replace_contents (temp, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, cancellable, error) ||
      !g_file_move (temp, file, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error))
    {
      g_file_delete (temp, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * nb_file_replace:
 * @file: the file to replace or create
 * @bytes: its new contents
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError, whose message names @file
 *
 * Replaces @file with @bytes only once they are written whole (and, for a
 * local file, synced), so a failure leaves any old file as it was. A
 * symbolic link to a file stays, and the file it points to is replaced; a
 * character device, pipe or socket (/dev/null, /dev/stdout) is written
 * through; anything else that is not a file is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
nb_file_replace (GFile         *file,
                 GBytes        *bytes,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const char *path = g_file_peek_path (file);
  gboolean ok;

  if (path != NULL)
    ok = replace_local (path, bytes, error);
  else
    ok = replace_remote (file, bytes, cancellable, error);
  if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, _("Could not save “%s”: "), name);
    }
  return ok;
}
