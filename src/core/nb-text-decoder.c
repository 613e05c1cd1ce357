/* nb-text-decoder.c — bytes of unknown encoding to UTF-8 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-text-decoder"

#include "config.h"

#include "nb-text-decoder.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <uchardet.h>

#include "nb-types.h"

static gboolean
convert (const char     *data,
         gsize           size,
         const char     *encoding,
         NbDecodedText  *out,
         GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;
  char *text;

  text = g_convert (data, size, "UTF-8", encoding, NULL, &written, &local_error);
  if (text == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_ENCODING,
                   _("The text looks like %s but cannot be converted from it: %s"),
                   encoding, local_error->message);
      return FALSE;
    }
  if (memchr (text, '\0', written) != NULL)
    {
      g_free (text);
      g_set_error (error, NB_ERROR, NB_ERROR_NOT_A_REPORT,
                   _("The file holds binary data, not text"));
      return FALSE;
    }
  out->text = text;
  out->length = written;
  out->encoding = g_strdup (encoding);
  return TRUE;
}

/* UTF-16 without a byte order mark still shows itself: every other byte
 * of CJK-and-ASCII text is rarely zero in UTF-8 or GB18030. */
static const char *
guess_utf16 (const guchar *data,
             gsize         size)
{
  gsize even = 0, odd = 0;
  gsize n = MIN (size, 4096) & ~(gsize) 1;

  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }
  if (n >= 8 && odd > n / 8 && even == 0)
    return "UTF-16LE";
  if (n >= 8 && even > n / 8 && odd == 0)
    return "UTF-16BE";
  return NULL;
}

static char *
detect_encoding (const char *data,
                 gsize       size)
{
  uchardet_t detector = uchardet_new ();
  char *charset = NULL;

  if (uchardet_handle_data (detector, data, MIN (size, 256 * 1024)) == 0)
    {
      uchardet_data_end (detector);
      charset = g_strdup (uchardet_get_charset (detector));
    }
  uchardet_delete (detector);

  /* GB2312 and GBK are subsets: decode with the superset so that no
   * character a detector did not expect is lost. */
  if (charset != NULL && (g_ascii_strcasecmp (charset, "GB2312") == 0 ||
                          g_ascii_strcasecmp (charset, "GBK") == 0 ||
                          g_ascii_strcasecmp (charset, "HZ-GB-2312") == 0))
    {
      g_free (charset);
      charset = g_strdup ("GB18030");
    }
  return charset;
}

static guint
first_invalid_line (const char *text,
                    gsize       length)
{
  const char *end = NULL;
  guint line = 1;

  g_utf8_validate_len (text, length, &end);
  for (const char *p = text; p < end; p++)
    if (*p == '\n')
      line++;
  return line;
}

/**
 * nb_text_decode:
 * @data: the file's bytes
 * @size: their number
 * @out: (out caller-allocates): the decoded text
 * @error: return location for a #GError
 *
 * Reads UTF-8 (with or without BOM), UTF-16 and the GB family, and anything
 * else uchardet recognises. Text that is almost UTF-8 keeps its valid
 * parts, and @out says on which line the first bad byte was.
 *
 * Returns: %TRUE on success
 */
gboolean
nb_text_decode (const char     *data,
                gsize           size,
                NbDecodedText  *out,
                GError        **error)
{
  const guchar *bytes = (const guchar *) data;
  g_autofree char *charset = NULL;
  const char *utf16;

  memset (out, 0, sizeof *out);

  if (size >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    return convert (data + 2, size - 2, "UTF-16LE", out, error);
  if (size >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    return convert (data + 2, size - 2, "UTF-16BE", out, error);
  if (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      data += 3;
      size -= 3;
    }

  if ((utf16 = guess_utf16 ((const guchar *) data, size)) != NULL)
    return convert (data, size, utf16, out, error);

  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_NOT_A_REPORT,
                   _("The file holds binary data, not text"));
      return FALSE;
    }

  if (g_utf8_validate_len (data, size, NULL))
    {
      out->text = g_strndup (data, size);
      out->length = size;
      return TRUE;
    }

  charset = detect_encoding (data, size);
  if (charset != NULL && *charset != '\0' &&
      g_ascii_strcasecmp (charset, "UTF-8") != 0 &&
      g_ascii_strcasecmp (charset, "ASCII") != 0)
    return convert (data, size, charset, out, error);

  /* Mostly UTF-8 with a few broken bytes: keep every valid character. */
  out->repaired_line = first_invalid_line (data, size);
  out->text = g_utf8_make_valid (data, size);
  out->length = strlen (out->text);
  return TRUE;
}

void
nb_decoded_text_clear (NbDecodedText *decoded)
{
  g_clear_pointer (&decoded->text, g_free);
  g_clear_pointer (&decoded->encoding, g_free);
}
