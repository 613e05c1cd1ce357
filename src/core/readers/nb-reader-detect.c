/* nb-reader-detect.c — which reader a file needs, told by its content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-reader-detect"

#include "config.h"

#include "nb-readers.h"

#include <string.h>

/* How far into a file its kind is looked for. */
#define SNIFF_LENGTH 1024

static gboolean
has_prefix (const char *data,
            gsize       size,
            const char *prefix,
            gsize       length)
{
  return size >= length && memcmp (data, prefix, length) == 0;
}

/* Case-insensitive search for ASCII @needle in the first @size bytes. */
static gboolean
contains_ascii (const char *data,
                gsize       size,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (g_ascii_strncasecmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_html (const char *data,
         gsize       size)
{
  gsize sniff = MIN (size, SNIFF_LENGTH);

  if (size == 0 || data[0] != '<')
    return FALSE;
  return contains_ascii (data, sniff, "<!doctype html") ||
         contains_ascii (data, sniff, "<html") ||
         contains_ascii (data, sniff, "<head") ||
         contains_ascii (data, sniff, "<body") ||
         contains_ascii (data, sniff, "<meta") ||
         contains_ascii (data, sniff, "<table");
}

/* A MIME message (saved web page, .mhtml, .mht) with an HTML part. */
static gboolean
is_mhtml (const char *data,
          gsize       size)
{
  gsize sniff = MIN (size, 64 * 1024);
  gsize name = 0;

  /* a message starts with a header: "Name:" in ASCII */
  while (name < size && (g_ascii_isalnum (data[name]) || data[name] == '-'))
    name++;
  if (name == 0 || name >= size || data[name] != ':')
    return FALSE;
  return contains_ascii (data, MIN (size, SNIFF_LENGTH), "MIME-Version:") &&
         contains_ascii (data, sniff, "text/html");
}

/**
 * nb_format_detect:
 * @data: a file's first bytes, or all of them
 * @size: their number
 *
 * Tells the kind of a file by its content: a zip archive, `%PDF-` at its
 * start, an OLE2 compound file, HTML (`<html`, `<!DOCTYPE html`), a MIME message with an
 * HTML part, a canonical file (`{`); anything else is report text.
 *
 * Returns: the kind
 */
NbFormat
nb_format_detect (const char *data,
                  gsize       size)
{
  gsize i = 0;

  if (has_prefix (data, size, "PK\x03\x04", 4))
    return NB_FORMAT_ZIP;
  if (has_prefix (data, size, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    return NB_FORMAT_LEGACY;
  /* only at the start: a text that mentions "%PDF-1.4" is still text */
  if (has_prefix (data, size, "%PDF-", 5))
    return NB_FORMAT_PDF;

  if (has_prefix (data, size, "\xef\xbb\xbf", 3))
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i < size && data[i] == '{')
    return NB_FORMAT_CANONICAL;
  if (is_html (data + i, size - i))
    return NB_FORMAT_HTML;
  if (is_mhtml (data + i, size - i))
    return NB_FORMAT_MHTML;
  return NB_FORMAT_TEXT;
}
