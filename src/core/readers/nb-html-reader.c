/* nb-html-reader.c — web pages (HTML, and MHTML saved pages) as a source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-html-reader"

#include "config.h"

#include "nb-readers.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "nb-text-decoder.h"
#include "nb-grid-builder.h"
#include "nb-xml-util.h"

/* A government web page carries the report as paragraphs and three
 * <table>s whose headers merge cells. Paragraphs become lines; each table
 * becomes a grid, spans expanded, so that its numbers keep their columns. */

/* How far into a page its charset declaration is looked for. */
#define CHARSET_SNIFF 16384

typedef struct
{
  NbSource      *source;
  GString       *paragraph;
  guint          n_paragraphs;
  NbGridBuilder *grid;
  xmlNode       *table;      /* the table being read as a grid */
  xmlNode       *cell;       /* the cell being read, or NULL */
  GString       *cell_text;
  guint          colspan;
  guint          rowspan;
  gboolean       row_begun;
  guint          pre;        /* depth of <pre> */
} HtmlWalk;

/* Encodings */

/* GB2312 and GBK pages are decoded as their superset, so that no
 * character is lost to a declaration that was too narrow. */
static char *
normalize_charset (const char *charset)
{
  if (g_ascii_strcasecmp (charset, "gb2312") == 0 || g_ascii_strcasecmp (charset, "gbk") == 0 ||
      g_ascii_strcasecmp (charset, "x-gbk") == 0 || g_ascii_strcasecmp (charset, "cp936") == 0 ||
      g_ascii_strcasecmp (charset, "hz-gb-2312") == 0 ||
      g_ascii_strcasecmp (charset, "gb_2312-80") == 0)
    return g_strdup ("GB18030");
  if (g_ascii_strcasecmp (charset, "utf8") == 0)
    return g_strdup ("UTF-8");
  return g_ascii_strup (charset, -1);
}

/* `<meta charset="gbk">` or `content="text/html; charset=gb2312"`. */
static char *
find_declared_charset (const char *data,
                       gsize       size)
{
  gsize n = MIN (size, CHARSET_SNIFF);

  for (gsize i = 0; i + 8 <= n; i++)
    {
      gsize start, end;

      if (g_ascii_strncasecmp (data + i, "charset=", 8) != 0)
        continue;
      start = i + 8;
      while (start < n && (data[start] == '"' || data[start] == '\'' || data[start] == ' '))
        start++;
      end = start;
      while (end < n && end - start < 32 &&
             (g_ascii_isalnum (data[end]) || data[end] == '-' || data[end] == '_' ||
              data[end] == '.' || data[end] == ':'))
        end++;
      if (end > start)
        {
          g_autofree char *charset = g_strndup (data + start, end - start);

          return normalize_charset (charset);
        }
    }
  return NULL;
}

/* The page as UTF-8: by its declared charset, else as any text file is
 * decoded (UTF-8, UTF-16, or detected). */
static gboolean
decode_page (const char     *data,
             gsize           size,
             const char     *charset,
             NbDecodedText  *out,
             GError        **error)
{
  g_autofree char *declared = NULL;

  memset (out, 0, sizeof *out);
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return nb_text_decode (data, size, out, error);

  declared = charset != NULL ? normalize_charset (charset) : find_declared_charset (data, size);
  if (declared != NULL && g_strcmp0 (declared, "UTF-8") != 0 &&
      !g_str_has_prefix (declared, "UTF-16"))
    {
      gsize written = 0;
      char *text = g_convert (data, size, "UTF-8", declared, NULL, &written, NULL);

      if (text != NULL && memchr (text, '\0', written) == NULL)
        {
          out->text = text;
          out->length = written;
          if (g_strcmp0 (declared, "US-ASCII") != 0 && g_strcmp0 (declared, "ASCII") != 0)
            out->encoding = g_strdup (declared);
          return TRUE;
        }
      g_free (text);
    }
  /* no declaration, UTF-8, or a declaration that does not fit the bytes */
  return nb_text_decode (data, size, out, error);
}

/* Text */

static gboolean
is_html_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Appends text as a browser shows it: runs of blanks become one space
 * (no-break spaces stay), except within <pre>. */
static void
append_text (HtmlWalk   *walk,
             GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (walk->pre > 0 && (*p == '\n' || *p == '\r'))
        g_string_append_c (out, out == walk->cell_text ? ' ' : '\n');
      else if (is_html_blank (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

static gboolean
flush_paragraph (HtmlWalk  *walk,
                 GError   **error)
{
  NbPlace place = { NB_PLACE_PARAGRAPH, 0, 0, 0 };
  char *text = g_strstrip (walk->paragraph->str);

  if (*text != '\0')
    {
      place.number = ++walk->n_paragraphs;
      if (!nb_source_add_paragraph (walk->source, text, -1, &place))
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("The page holds more text than any report"));
          return FALSE;
        }
    }
  g_string_truncate (walk->paragraph, 0);
  return TRUE;
}

static const char *const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "section", "article", "header", "footer", "nav", "aside", "main", "center",
  "blockquote", "pre", "address", "hr", "form", "fieldset", "figure", "figcaption",
  "caption", "title", "body", "html", "table", "tr", "td", "th", NULL,
};

static gboolean
is_block (xmlNode *node)
{
  for (guint i = 0; block_elements[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, block_elements[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static guint
span_attr (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = nb_xml_get_attr (node, name);
  guint64 span;

  if (value == NULL)
    return 1;
  span = g_ascii_strtoull (g_strstrip (value), NULL, 10);
  return (guint) CLAMP (span, 1, NB_SOURCE_MAX_SPAN);
}

/* Tables */

/* Most elements looked at to tell a layout table. */
#define MAX_LAYOUT_SCAN 200000

/* Old site templates build the page as a <table> whose cells hold the
 * header, the article — with the report's own tables nested inside — and
 * the footer. A table that holds a table is layout: its cells are read as
 * blocks and the tables inside it as tables. */
static gboolean
is_layout_table (xmlNode *table)
{
  xmlNode *node = table->children;
  guint seen = 0;

  while (node != NULL && node != table)
    {
      if (++seen > MAX_LAYOUT_SCAN)
        return TRUE;
      if (node->type == XML_ELEMENT_NODE &&
          g_ascii_strcasecmp ((const char *) node->name, "table") == 0)
        return TRUE;
      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != table && node->next == NULL)
        node = node->parent;
      if (node != table)
        node = node->next;
    }
  return FALSE;
}

static void
begin_table (HtmlWalk *walk,
             xmlNode  *node)
{
  walk->grid = nb_grid_builder_new (walk->source);
  walk->table = node;
  walk->row_begun = FALSE;
}

static void
begin_cell (HtmlWalk *walk,
            xmlNode  *node)
{
  if (!walk->row_begun)
    {
      nb_grid_builder_begin_row (walk->grid);
      walk->row_begun = TRUE;
    }
  walk->cell = node;
  walk->colspan = span_attr (node, "colspan");
  walk->rowspan = span_attr (node, "rowspan");
  g_string_truncate (walk->cell_text, 0);
}

/* Walk */

static gboolean
enter_node (xmlNode   *node,
            gpointer   data,
            gboolean  *descend,
            GError   **error)
{
  HtmlWalk *walk = data;
  GString *out = walk->cell != NULL ? walk->cell_text : walk->paragraph;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        append_text (walk, out, (const char *) node->content);
      return TRUE;
    }
  if (node->type != XML_ELEMENT_NODE)
    {
      *descend = node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE;
      return TRUE;
    }
  if (is_element (node, "script") || is_element (node, "style") || is_element (node, "head") ||
      is_element (node, "noscript") || is_element (node, "template") || is_element (node, "select"))
    {
      *descend = FALSE;
      return TRUE;
    }
  if (is_element (node, "pre"))
    walk->pre++;

  if (walk->cell == NULL && walk->grid == NULL && is_element (node, "table") &&
      !is_layout_table (node))
    {
      if (!flush_paragraph (walk, error))
        return FALSE;
      begin_table (walk, node);
    }
  else if (walk->cell == NULL && walk->grid != NULL && is_element (node, "tr"))
    walk->row_begun = FALSE;
  else if (walk->cell == NULL && walk->grid != NULL &&
           (is_element (node, "td") || is_element (node, "th")))
    begin_cell (walk, node);
  else if (is_element (node, "br"))
    g_string_append_c (out, walk->cell != NULL ? ' ' : '\n');
  else if (is_block (node))
    {
      /* within a cell, blocks (and a nested table) only separate words */
      if (walk->cell != NULL)
        g_string_append_c (out, ' ');
      else if (walk->grid == NULL && !flush_paragraph (walk, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
leave_node (xmlNode   *node,
            gpointer   data,
            GError   **error)
{
  HtmlWalk *walk = data;

  if (node->type != XML_ELEMENT_NODE)
    return TRUE;
  if (is_element (node, "pre") && walk->pre > 0)
    walk->pre--;

  if (node == walk->cell)
    {
      walk->cell = NULL;
      g_strstrip (walk->cell_text->str);
      return nb_grid_builder_add_cell (walk->grid, walk->cell_text->str, -1,
                                       walk->colspan, walk->rowspan, error);
    }
  if (node == walk->table)
    {
      gboolean ok = nb_grid_builder_finish (walk->grid, error);

      g_clear_pointer (&walk->grid, nb_grid_builder_free);
      walk->table = NULL;
      return ok;
    }
  if (walk->cell == NULL && walk->grid != NULL && is_element (node, "tr"))
    walk->row_begun = FALSE;
  else if (walk->cell == NULL && walk->grid == NULL && is_block (node))
    return flush_paragraph (walk, error);
  return TRUE;
}

/* Attributes one element may have, and elements a page: far beyond any
 * page's, and below what makes the parser's time (quadratic in one
 * element's attributes) or its tree's memory (some 300 bytes an element
 * with its text) grow past a report's. */
#define MAX_ATTRIBUTES 256
#define MAX_ELEMENTS   200000
#define MAX_NODES      400000    /* elements and attributes */

/* Counts the attributes of the tag whose name starts at @p, as a
 * browser tokenises them; returns where the tag ends. */
static const char *
count_attributes (const char *p,
                  const char *end,
                  guint      *n_attributes)
{
  *n_attributes = 0;
  while (p < end && !is_html_blank (*p) && *p != '>')
    p++;
  while (p < end && *p != '>')
    {
      if (is_html_blank (*p) || *p == '/')
        {
          p++;
          continue;
        }
      ++*n_attributes;
      while (p < end && !is_html_blank (*p) && *p != '>' && *p != '=')
        p++;
      if (p < end && *p == '=')
        {
          char quote = ++p < end && (*p == '"' || *p == '\'') ? *p++ : 0;

          while (p < end && (quote ? *p != quote : !is_html_blank (*p) && *p != '>'))
            p++;
          if (quote != 0 && p < end)
            p++;
        }
    }
  return p;
}

/* Where the content of a <script> or <style> whose start tag is @tag and
 * ends at @p ends: it is text, whatever '<' it holds; else @p. */
static const char *
skip_raw_text (const char *tag,
               const char *p,
               const char *end)
{
  static const char *const raw[] = { "script", "style" };

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      gsize n = strlen (raw[i]);

      if ((gsize) (end - tag) <= n + 1 || g_ascii_strncasecmp (tag + 1, raw[i], n) != 0 ||
          g_ascii_isalnum (tag[1 + n]))
        continue;
      for (const char *q = p; (q = memchr (q, '<', end - q)) != NULL; q++)
        if ((gsize) (end - q) > n + 2 && q[1] == '/' && g_ascii_strncasecmp (q + 2, raw[i], n) == 0)
          return q;
      return end;
    }
  return p;
}

/* Refuses, before parsing, an element with more attributes than any
 * page has (libxml2 compares each with all before it), and more elements
 * than any page has. */
static gboolean
check_tags (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *end = text + length;
  guint n_elements = 0;
  guint n_nodes = 0;
  guint line = 1;

  for (const char *p = text; p < end;)
    {
      const char *tag = memchr (p, '<', end - p);
      guint n_attributes = 0;

      if (tag == NULL)
        break;
      for (; p < tag; p++)
        line += *p == '\n';
      /* only a letter after '<' starts a tag: "1 < 2" is text */
      if (tag + 1 >= end || !g_ascii_isalpha (tag[1]))
        {
          p = tag + 1;
          continue;
        }
      p = count_attributes (tag + 1, end, &n_attributes);
      n_nodes += 1 + n_attributes;
      if (++n_elements > MAX_ELEMENTS || n_nodes > MAX_NODES)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("Line %u: the page has more than %u elements, or %u elements and "
                         "attributes; no report's page has"), line, MAX_ELEMENTS, MAX_NODES);
          return FALSE;
        }
      if (n_attributes > MAX_ATTRIBUTES)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("Line %u: an element has %u attributes; no report's page has more "
                         "than %u"), line, n_attributes, MAX_ATTRIBUTES);
          return FALSE;
        }
      p = skip_raw_text (tag, p, end);
      for (const char *q = tag; q < p; q++)
        line += *q == '\n';
    }
  return TRUE;
}

/**
 * nb_html_read:
 * @data: a web page
 * @size: its size
 * @charset: (nullable): its charset when known from outside (MHTML);
 *   otherwise the page's own declaration is used, or it is detected
 * @error: return location for a #GError
 *
 * Parses with libxml2's HTML parser, without network access; paragraphs
 * become lines, tables grids.
 *
 * Returns: (transfer full) (nullable): the source
 */
NbSource *
nb_html_read (const char  *data,
              gsize        size,
              const char  *charset,
              GError     **error)
{
  g_auto(NbDecodedText) decoded = { 0 };
  g_autoptr(NbSource) source = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GString) cell_text = g_string_new (NULL);
  htmlParserCtxt *context;
  htmlDocPtr doc;
  HtmlWalk walk = { 0 };
  gboolean ok;

  if (size > NB_READER_MAX_FILE)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                   _("The file is %.1f MB; a report is at most %d MB"),
                   size / (1024.0 * 1024.0), NB_READER_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  if (!decode_page (data, size, charset, &decoded, error) ||
      !check_tags (decoded.text, decoded.length, error))
    return NULL;

  context = htmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("The web page could not be read"));
      return NULL;
    }
  /* the text is UTF-8 now, whatever the page declares */
  doc = htmlCtxtReadMemory (context, decoded.text, (int) decoded.length, NULL, "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                            /* our own limits bound the tree: not 256 deep */
                            XML_PARSE_HUGE);
  htmlFreeParserCtxt (context);
  if (doc == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("The web page could not be read"));
      return NULL;
    }

  source = nb_source_new ();
  nb_source_set_encoding (source, decoded.encoding, decoded.repaired_line);
  walk.source = source;
  walk.paragraph = paragraph;
  walk.cell_text = cell_text;
  ok = nb_xml_walk ((xmlNode *) doc, enter_node, leave_node, &walk, error) &&
       flush_paragraph (&walk, error);
  if (ok && walk.grid != NULL)
    ok = nb_grid_builder_finish (walk.grid, error);
  g_clear_pointer (&walk.grid, nb_grid_builder_free);
  xmlFreeDoc (doc);
  if (!ok)
    return NULL;
  return g_steal_pointer (&source);
}

/* MHTML */

/* The value of header @name in a block of MIME headers, unfolded. */
static char *
find_header (const char *headers,
             gsize       length,
             const char *name)
{
  gsize name_length = strlen (name);
  const char *end = headers + length;

  for (const char *p = headers; p < end;)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol ? eol + 1 : end;

      if ((gsize) (end - p) > name_length && g_ascii_strncasecmp (p, name, name_length) == 0 &&
          p[name_length] == ':')
        {
          GString *value = g_string_new (NULL);
          const char *q = p + name_length + 1;

          for (;;)
            {
              const char *line_end = memchr (q, '\n', end - q);

              if (line_end == NULL)
                line_end = end;
              g_string_append_len (value, q, line_end - q);
              q = line_end < end ? line_end + 1 : end;
              if (q >= end || (*q != ' ' && *q != '\t'))
                break;
            }
          g_strdelimit (value->str, "\r\n\t", ' ');
          return g_strstrip (g_string_free (value, FALSE));
        }
      p = next;
    }
  return NULL;
}

/* A parameter of a header value: `boundary="…"`, `charset=gbk`. */
static char *
find_parameter (const char *value,
                const char *name)
{
  gsize name_length = strlen (name);

  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      const char *start, *end;

      if (g_ascii_strncasecmp (p, name, name_length) != 0 || p[name_length] != '=' ||
          (p > value && (g_ascii_isalnum (p[-1]) || p[-1] == '-')))
        continue;
      start = p + name_length + 1;
      if (*start == '"')
        {
          start++;
          end = strchr (start, '"');
        }
      else
        end = start + strcspn (start, "; \t");
      if (end == NULL)
        end = start + strlen (start);
      return g_strndup (start, end - start);
    }
  return NULL;
}

static int
hex_value (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

static GBytes *
decode_quoted_printable (const char *data,
                         gsize       size)
{
  GByteArray *out = g_byte_array_sized_new (size);

  for (gsize i = 0; i < size; i++)
    {
      guint8 byte = data[i];

      if (byte == '=' && i + 1 < size && (data[i + 1] == '\n' || data[i + 1] == '\r'))
        {
          /* a soft line break */
          i++;
          if (data[i] == '\r' && i + 1 < size && data[i + 1] == '\n')
            i++;
          continue;
        }
      if (byte == '=' && i + 2 < size &&
          hex_value (data[i + 1]) >= 0 && hex_value (data[i + 2]) >= 0)
        {
          byte = hex_value (data[i + 1]) * 16 + hex_value (data[i + 2]);
          i += 2;
        }
      g_byte_array_append (out, &byte, 1);
    }
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
decode_body (const char *body,
             gsize       length,
             const char *transfer_encoding)
{
  if (transfer_encoding != NULL && g_ascii_strcasecmp (transfer_encoding, "quoted-printable") == 0)
    return decode_quoted_printable (body, length);
  if (transfer_encoding != NULL && g_ascii_strcasecmp (transfer_encoding, "base64") == 0)
    {
      guchar *out = g_malloc (length * 3 / 4 + 3);
      int state = 0;
      guint save = 0;
      gsize written = g_base64_decode_step (body, length, out, &state, &save);

      return g_bytes_new_take (out, written);
    }
  return g_bytes_new (body, length);
}

/* The end of the header block that starts at @p: the blank line. */
static const char *
headers_end (const char *p,
             const char *end,
             const char **body)
{
  for (const char *q = p; q < end; q++)
    {
      if (*q != '\n')
        continue;
      if (q + 1 < end && q[1] == '\n')
        {
          *body = q + 2;
          return q;
        }
      if (q + 2 < end && q[1] == '\r' && q[2] == '\n')
        {
          *body = q + 3;
          return q;
        }
    }
  *body = end;
  return end;
}

static NbSource *
read_html_part (const char  *headers,
                gsize        headers_length,
                const char  *body,
                gsize        body_length,
                GError     **error)
{
  g_autofree char *type = find_header (headers, headers_length, "Content-Type");
  g_autofree char *encoding = find_header (headers, headers_length, "Content-Transfer-Encoding");
  g_autofree char *charset = type ? find_parameter (type, "charset") : NULL;
  g_autoptr(GBytes) html = decode_body (body, body_length, encoding);

  return nb_html_read (g_bytes_get_data (html, NULL), g_bytes_get_size (html), charset, error);
}

/* Parts nest: multipart/alternative inside multipart/related. */
#define MAX_MIME_DEPTH 8

static NbSource *read_message (const char  *data,
                               gsize        size,
                               guint        depth,
                               GError     **error);

/* The first HTML page among the parts that @delimiter separates. */
static NbSource *
read_parts (const char  *body,
            const char  *end,
            const char  *delimiter,
            guint        depth,
            GError     **error)
{
  gsize delimiter_length = strlen (delimiter);

  for (const char *p = g_strstr_len (body, end - body, delimiter); p != NULL;)
    {
      const char *part = p + delimiter_length;
      const char *part_body, *part_headers_end, *next;
      g_autofree char *part_type = NULL;

      if (part + 2 <= end && part[0] == '-' && part[1] == '-')
        break;
      while (part < end && (*part == '\r' || *part == '\n' || *part == ' ' || *part == '\t'))
        part++;
      part_headers_end = headers_end (part, end, &part_body);
      next = g_strstr_len (part_body, end - part_body, delimiter);
      part_type = find_header (part, part_headers_end - part, "Content-Type");
      if (part_type != NULL && g_ascii_strncasecmp (part_type, "text/html", 9) == 0)
        return read_html_part (part, part_headers_end - part, part_body,
                               (next ? next : end) - part_body, error);
      if (part_type != NULL && g_ascii_strncasecmp (part_type, "multipart/", 10) == 0 &&
          depth < MAX_MIME_DEPTH)
        {
          g_autoptr(GError) local_error = NULL;
          NbSource *source = read_message (part, (next ? next : end) - part, depth + 1,
                                           &local_error);

          if (source != NULL ||
              !g_error_matches (local_error, NB_ERROR, NB_ERROR_NOT_A_REPORT))
            {
              if (local_error != NULL)
                g_propagate_error (error, g_steal_pointer (&local_error));
              return source;
            }
        }
      p = next;
    }
  g_set_error (error, NB_ERROR, NB_ERROR_NOT_A_REPORT,
               _("This saved web page (MHTML) holds no HTML page"));
  return NULL;
}

static NbSource *
read_message (const char  *data,
              gsize        size,
              guint        depth,
              GError     **error)
{
  const char *end = data + size;
  const char *body;
  const char *top_end = headers_end (data, end, &body);
  g_autofree char *type = find_header (data, top_end - data, "Content-Type");
  g_autofree char *boundary = type ? find_parameter (type, "boundary") : NULL;
  g_autofree char *delimiter = NULL;

  if (type != NULL && g_ascii_strncasecmp (type, "text/html", 9) == 0)
    return read_html_part (data, top_end - data, body, end - body, error);
  if (boundary == NULL || *boundary == '\0')
    {
      g_set_error (error, NB_ERROR, NB_ERROR_NOT_A_REPORT,
                   _("This saved web page (MHTML) holds no HTML page"));
      return NULL;
    }
  delimiter = g_strconcat ("--", boundary, NULL);
  return read_parts (body, end, delimiter, depth, error);
}

/**
 * nb_mhtml_read:
 * @data: a web page saved as one file (`.mhtml`, `.mht`): a MIME message
 * @size: its size
 * @error: return location for a #GError
 *
 * Reads the message's first `text/html` part, quoted-printable, base64 or
 * plain, in the charset its header names, also one in a multipart part.
 *
 * Returns: (transfer full) (nullable): the source
 */
NbSource *
nb_mhtml_read (const char  *data,
               gsize        size,
               GError     **error)
{
  return read_message (data, size, 0, error);
}
