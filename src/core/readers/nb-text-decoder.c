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

/* How much of @text is what a report is written in: ASCII, CJK and their
 * punctuation. Binary data decoded as UTF-16 scores low. */
static double
plausibility (const char *text,
              gsize       length)
{
  gsize good = 0, total = 0;

  for (const char *p = text; p < text + length && total < 4096; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      total++;
      good += (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' ||
              (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
              (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2010 && c <= 0x206F);
    }
  return total == 0 ? 0 : (double) good / total;
}

/* UTF-16 without a byte order mark: text with zero bytes that decodes to
 * plausible characters in one byte order. */
static gboolean
convert_utf16 (const char     *data,
               gsize           size,
               NbDecodedText  *out)
{
  static const char *const orders[] = { "UTF-16LE", "UTF-16BE" };
  double best = 0.9;
  int chosen = -1;

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *text = NULL;
      gsize written = 0;
      double score;

      text = g_convert (data, size & ~(gsize) 1, "UTF-8", orders[i], NULL, &written, NULL);
      if (text == NULL || memchr (text, '\0', written) != NULL)
        continue;
      score = plausibility (text, written);
      if (score > best)
        {
          best = score;
          chosen = i;
        }
    }
  return chosen >= 0 && convert (data, size & ~(gsize) 1, orders[chosen], out, NULL);
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

  memset (out, 0, sizeof *out);
  /* no bytes may come as NULL, which memchr() must not see */
  if (size == 0)
    data = "";

  if (size >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    return convert (data + 2, size - 2, "UTF-16LE", out, error);
  if (size >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    return convert (data + 2, size - 2, "UTF-16BE", out, error);
  if (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      data += 3;
      size -= 3;
    }

  if (memchr (data, '\0', size) != NULL)
    {
      if (convert_utf16 (data, size, out))
        return TRUE;
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
