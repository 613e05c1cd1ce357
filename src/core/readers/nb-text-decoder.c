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

#include "nb-label.h"
#include "nb-types.h"

static guint
line_at (const char *data,
         const char *p)
{
  guint line = 1;

  for (const char *q = data; q < p; q++)
    line += *q == '\n';
  return line;
}

/* Text in @encoding with lines of UTF-8 among them (a file pasted
 * together): each line as whichever it is, and what is neither kept as
 * far as it is valid, with the first such line noted. */
static char *
convert_lines (const char    *data,
               gsize          size,
               const char    *encoding,
               NbDecodedText *out)
{
  GString *text = g_string_sized_new (size + size / 2);
  const char *end = data + size;
  GIConv converter = g_iconv_open ("UTF-8", encoding);
  guint line = 1;

  if (converter == (GIConv) -1)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  for (const char *p = data; p < end; line++)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol ? eol + 1 : end;
      g_autofree char *converted = NULL;
      gsize written = 0;

      if (g_utf8_validate_len (p, next - p, NULL))
        g_string_append_len (text, p, next - p);
      else if ((converted = g_convert_with_iconv (p, next - p, converter, NULL, &written,
                                                  NULL)) != NULL &&
               memchr (converted, '\0', written) == NULL)
        g_string_append_len (text, converted, written);
      else
        {
          g_autofree char *valid = g_utf8_make_valid (p, next - p);

          g_string_append (text, valid);
          if (out->repaired_line == 0)
            out->repaired_line = line;
        }
      p = next;
    }
  g_iconv_close (converter);
  return g_string_free (text, FALSE);
}

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

  /* an ASCII-compatible encoding: line by line, keeping what can be */
  if (!g_str_has_prefix (encoding, "UTF-16") && !g_str_has_prefix (encoding, "UTF-32") &&
      (text = convert_lines (data, size, encoding, out)) != NULL)
    written = strlen (text);
  else
    text = g_convert (data, size, "UTF-8", encoding, NULL, &written, &local_error);
  if (text == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_ENCODING,
                   _("The text looks like %s but cannot be converted from it: %s"),
                   encoding, local_error ? local_error->message : "?");
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

/* UTF-16 or UTF-32 that a byte order mark announced, decoded by hand so
 * that a stray byte or a broken surrogate costs one character (U+FFFD,
 * its line noted), not the file. */
static void
decode_units (const guchar   *data,
              gsize           size,
              guint           unit,
              gboolean        big_endian,
              NbDecodedText  *out)
{
  GString *text = g_string_sized_new (size);
  guint line = 1;

  for (gsize i = 0; i < size; i += unit)
    {
      guint32 c = 0;

      if (size - i < unit)
        c = 0xFFFFFFFF;
      else
        for (guint k = 0; k < unit; k++)
          c |= (guint32) data[i + (big_endian ? k : unit - 1 - k)] << (8 * (unit - 1 - k));
      if (unit == 2 && c >= 0xD800 && c < 0xDC00 && size - i >= 4)
        {
          guint32 low = big_endian ? (data[i + 2] << 8 | data[i + 3]) : (data[i + 3] << 8 | data[i + 2]);

          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 2;
            }
        }
      if (c == 0 || !g_unichar_validate (c))
        {
          c = 0xFFFD;
          if (out->repaired_line == 0)
            out->repaired_line = line;
        }
      line += c == '\n';
      g_string_append_unichar (text, c);
    }
  out->length = text->len;
  out->text = g_string_free (text, FALSE);
  out->encoding = g_strdup (unit == 2 ? (big_endian ? "UTF-16BE" : "UTF-16LE")
                                      : (big_endian ? "UTF-32BE" : "UTF-32LE"));
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

/* A few nul bytes in text (one in a thousand at most) are strays, read
 * as spaces with the first one's line noted; more are binary data. */
static gboolean
replace_stray_nuls (const char  *data,
                    gsize        size,
                    char       **spaced,
                    guint       *line)
{
  const char *first = memchr (data, '\0', size);
  gsize n = 0;

  for (const char *p = first; p != NULL; p = memchr (p + 1, '\0', data + size - p - 1))
    if (++n > size / 1000 + 1)
      return FALSE;
  *line = line_at (data, first);
  *spaced = g_memdup2 (data, size);
  for (gsize i = 0; i < size; i++)
    if ((*spaced)[i] == '\0')
      (*spaced)[i] = ' ';
  return TRUE;
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

/* What a byte read where a character starts tells is_utf8(): ASCII but
 * nul (1); the first of three bytes whose second may be any continuation
 * byte (3), such as CJK and full-width forms; anything else (0), handed to
 * GLib, as are E0 and ED, whose second bytes have limits. */
static const guint8 utf8_start[256] = {
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 00 */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* 80 */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,   /* C0 */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3, 3,   /* E0 */
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Whether @data is valid UTF-8, as g_utf8_validate_len() says. Report
 * text is ASCII and characters of three bytes (CJK, full-width forms),
 * checked here by the table of their first byte while three bytes are
 * left; any other character is handed to GLib alone. */
static gboolean
is_utf8 (const char *data,
         gsize       size)
{
  const guchar *u = (const guchar *) data;
  /* where fewer than three bytes are left */
  gsize tail = size >= 2 ? size - 2 : 0;
  gsize i = 0;

  while (i < size)
    {
      gsize n;

      while (i < tail)
        {
          guint8 start = utf8_start[u[i]];

          if (start == 3 && nb_text_is_continuation_pair (u + i + 1))
            i += 3;
          else if (start == 1)
            i++;
          else
            break;
        }
      if (i >= size)
        break;
      n = u[i] >= 0xC0 && u[i] < 0xE0 ? 2 : u[i] >= 0xE0 && u[i] < 0xF0 ? 3 : u[i] >= 0xF0 && u[i] < 0xF8 ? 4 : 1;
      if (size - i < n || !g_utf8_validate_len (data + i, n, NULL))
        return FALSE;
      i += n;
    }
  return TRUE;
}

/* The bytes of an ASCII-compatible encoding, without nul bytes. */
static gboolean
decode_bytes (const char     *data,
              gsize           size,
              NbDecodedText  *out,
              GError        **error)
{
  g_autofree char *charset = NULL;

  if (is_utf8 (data, size))
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

/**
 * nb_text_decode:
 * @data: the file's bytes
 * @size: their number
 * @out: (out caller-allocates): the decoded text
 * @error: return location for a #GError
 *
 * Reads UTF-8 (with or without BOM), UTF-16, UTF-32 and the GB family, and
 * anything else uchardet recognises. Text that is almost UTF-8 keeps its
 * valid parts, as does text with a stray byte or a few nul bytes, or with
 * lines in two encodings; @out says on which line the first bad byte was.
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
  g_autofree char *spaced = NULL;
  guint nul_line = 0;

  memset (out, 0, sizeof *out);
  /* no bytes may come as NULL, which memchr() must not see */
  if (size == 0)
    data = "";

  if (size >= 4 && memcmp (bytes, "\xff\xfe\0\0", 4) == 0)
    decode_units (bytes + 4, size - 4, 4, FALSE, out);
  else if (size >= 4 && memcmp (bytes, "\0\0\xfe\xff", 4) == 0)
    decode_units (bytes + 4, size - 4, 4, TRUE, out);
  else if (size >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    decode_units (bytes + 2, size - 2, 2, FALSE, out);
  else if (size >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    decode_units (bytes + 2, size - 2, 2, TRUE, out);
  if (out->text != NULL)
    return TRUE;
  if (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      data += 3;
      size -= 3;
    }

  if (memchr (data, '\0', size) != NULL)
    {
      if (convert_utf16 (data, size, out))
        return TRUE;
      if (!replace_stray_nuls (data, size, &spaced, &nul_line))
        {
          g_set_error (error, NB_ERROR, NB_ERROR_NOT_A_REPORT,
                       _("The file holds binary data, not text"));
          return FALSE;
        }
      data = spaced;
    }
  if (!decode_bytes (data, size, out, error))
    return FALSE;
  if (nul_line > 0 && (out->repaired_line == 0 || nul_line < out->repaired_line))
    out->repaired_line = nul_line;
  return TRUE;
}

void
nb_decoded_text_clear (NbDecodedText *decoded)
{
  g_clear_pointer (&decoded->text, g_free);
  g_clear_pointer (&decoded->encoding, g_free);
}
