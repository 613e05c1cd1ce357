/* nb-xml-util.c — safe XML parsing and bounded tree walks for the readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-xml"

#include "config.h"

#include "nb-xml-util.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "nb-source.h"
#include "nb-types.h"

/**
 * nb_xml_walk:
 * @root: where to start
 * @enter: called on each node before its children; may skip them
 * @leave: (nullable): called on each node after its children
 * @data: for the callbacks
 * @error: return location for a #GError
 *
 * Visits the tree without recursion, so that no file can exhaust the
 * stack, and refuses trees nested deeper than %NB_SOURCE_MAX_DEPTH.
 *
 * Returns: %FALSE when a callback stopped the walk or the tree is too deep
 */
gboolean
nb_xml_walk (xmlNode         *root,
             NbXmlEnterFunc   enter,
             NbXmlLeaveFunc   leave,
             gpointer         data,
             GError         **error)
{
  xmlNode *node = root;
  guint depth = 0;

  while (node != NULL)
    {
      gboolean descend = TRUE;

      if (!enter (node, data, &descend, error))
        return FALSE;
      if (descend && node->children != NULL)
        {
          if (++depth > NB_SOURCE_MAX_DEPTH)
            {
              g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                           _("The file nests its elements more than %u deep; no report does"),
                           NB_SOURCE_MAX_DEPTH);
              return FALSE;
            }
          node = node->children;
          continue;
        }
      if (leave != NULL && !leave (node, data, error))
        return FALSE;
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          depth--;
          if (leave != NULL && !leave (node, data, error))
            return FALSE;
        }
      if (node == root)
        break;
      node = node->next;
    }
  return TRUE;
}

/* Whether the prolog — all before the root element, the only place a
 * document type declaration (and so any entity) may stand — has one. */
static gboolean
declares_doctype (const char *data,
                  gsize       size)
{
  const char *end = data + size;
  const char *p = data;

  for (;;)
    {
      while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
      if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          p = g_strstr_len (p + 4, end - p - 4, "-->");
          if (p == NULL)
            return FALSE;
          p += 3;
        }
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        {
          p = g_strstr_len (p + 2, end - p - 2, "?>");
          if (p == NULL)
            return FALSE;
          p += 2;
        }
      else
        return end - p >= 2 && memcmp (p, "<!", 2) == 0;
    }
}

/* Far beyond any Word or Excel part, and below what makes the tree's
 * memory (some 150 bytes a node) or the parser's time (quadratic in one
 * element's attributes) grow past a report's. */
#define MAX_NODES      1000000   /* tags and attributes */
#define MAX_ATTRIBUTES 256       /* of one element */

/* The declared encoding of `<?xml version="1.0" encoding="…"?>`. */
static char *
declared_encoding (const char *data,
                   gsize       size)
{
  const char *end, *p;

  if (size < 5 || memcmp (data, "<?xml", 5) != 0 ||
      (end = g_strstr_len (data, MIN (size, 256), "?>")) == NULL ||
      (p = g_strstr_len (data, end - data, "encoding")) == NULL)
    return NULL;
  p += strlen ("encoding");
  while (p < end && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
    p++;
  for (const char *q = p; q < end; q++)
    if (!g_ascii_isalnum (*q) && *q != '-' && *q != '_' && *q != '.' && *q != ':')
      return q > p ? g_strndup (p, q - p) : NULL;
  return NULL;
}

/* The document as UTF-8, whatever encoding its bytes or its declaration
 * name: the guards below then see what the parser will. */
static char *
decode_xml (const char  *data,
            gsize        size,
            const char  *what,
            gsize       *length,
            GError     **error)
{
  const guchar *b = (const guchar *) data;
  g_autofree char *declared = NULL;
  const char *from = NULL;
  char *text;

  if (size >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) ||
                    (b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0)))
    from = "UTF-32LE";
  else if (size >= 4 && ((b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) ||
                         (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<')))
    from = "UTF-32BE";
  else if (size >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == '<' && b[1] == 0)))
    from = "UTF-16LE";
  else if (size >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0 && b[1] == '<')))
    from = "UTF-16BE";
  else if ((declared = declared_encoding (data, size)) != NULL &&
           g_ascii_strcasecmp (declared, "UTF-8") != 0)
    from = declared;
  if (from == NULL)
    {
      *length = size;
      return g_memdup2 (data, size);
    }
  text = g_convert (data, size, "UTF-8", from, NULL, length, NULL);
  if (text == NULL)
    g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                 _("The file is damaged: “%s” is not valid %s"), what, from);
  return text;
}

/* Skips a tag from its '<' to its '>', counting its attributes (an '='
 * outside quotes), or to @end. Returns where it stopped. */
static const char *
skip_tag (const char *p,
          const char *end,
          guint      *n_attributes)
{
  char quote = 0;

  *n_attributes = 0;
  for (; p < end; p++)
    {
      if (quote != 0)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '=')
        ++*n_attributes;
      else if (*p == '>')
        return p + 1;
    }
  return end;
}

/* Counts what the tree would hold, in one pass over the bytes, and
 * refuses what no report holds before the parser builds it. */
static gboolean
check_size (const char  *data,
            gsize        size,
            const char  *what,
            GError     **error)
{
  const char *end = data + size;
  guint64 n_nodes = 0;
  guint line = 1;

  for (const char *p = data; p < end;)
    {
      const char *next = memchr (p, '<', end - p);
      guint n_attributes = 0;

      for (const char *q = p; q < (next ? next : end); q++)
        line += *q == '\n';
      if (next == NULL)
        break;
      if (end - next >= 4 && memcmp (next, "<!--", 4) == 0)
        p = g_strstr_len (next, end - next, "-->");
      else if (end - next >= 9 && memcmp (next, "<![CDATA[", 9) == 0)
        p = g_strstr_len (next, end - next, "]]>");
      else
        p = skip_tag (next, end, &n_attributes);
      if (p == NULL)
        p = end;
      for (const char *q = next; q < p; q++)
        line += *q == '\n';
      n_nodes += 1 + n_attributes;
      if (n_attributes > MAX_ATTRIBUTES)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("“%s”, line %u: an element has %u attributes; no Word or Excel "
                         "file has more than %u"), what, line, n_attributes, MAX_ATTRIBUTES);
          return FALSE;
        }
      if (n_nodes > MAX_NODES)
        {
          g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE,
                       _("“%s” holds more than %u elements and attributes (line %u); "
                         "no report does"), what, MAX_NODES, line);
          return FALSE;
        }
    }
  return TRUE;
}

/* The first error ends the reading: a part that is not well-formed is
 * refused whole anyway, and libxml2 would otherwise go on to raise each
 * of what may be millions of errors (a mangled run of "<a/>"). */
static void
stop_at_error_cb (void     *data,
                  xmlError *error)
{
  if (error->level >= XML_ERR_ERROR)
    xmlStopParser (data);
}

/**
 * nb_xml_read:
 * @data: an XML document from a zip archive
 * @size: its size
 * @what: its name, for messages
 * @error: return location for a #GError
 *
 * Parses without network access and without entities: a document type
 * declaration — where entities are declared, and which Word and Excel
 * never write — is refused before parsing. (One anywhere after the root
 * element's start is not XML, and the parser refuses it.) The document
 * is decoded to UTF-8 first, so that this guard sees what the parser
 * would; and one with more elements or attributes than any report is
 * refused before its tree is built.
 *
 * Returns: (transfer full) (nullable): the document
 */
xmlDoc *
nb_xml_read (const char  *data,
             gsize        size,
             const char  *what,
             GError     **error)
{
  g_autofree char *text = NULL;
  xmlParserCtxt *context;
  xmlDoc *doc;

  if (size > G_MAXINT / 4)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE, _("“%s” is too large"), what);
      return NULL;
    }
  text = decode_xml (data, size, what, &size, error);
  if (text == NULL)
    return NULL;
  if (size > G_MAXINT)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE, _("“%s” is too large"), what);
      return NULL;
    }
  if (declares_doctype (text, size))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                   _("“%s” declares a document type or entities, which Word and Excel files "
                     "never do; it was not read"), what);
      return NULL;
    }
  if (!check_size (text, size, what, error))
    return NULL;

  context = xmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("“%s” could not be read"), what);
      return NULL;
    }
  context->sax->serror = stop_at_error_cb;
  /* UTF-8 now, whatever the declaration says */
  doc = xmlCtxtReadMemory (context, text, size, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_IGNORE_ENC);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      xmlError *last = xmlCtxtGetLastError (context);
      g_autofree char *message = g_strdup (last && last->message ? last->message : "?");

      g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                   _("The file is damaged: “%s” is not well-formed XML (line %d: %s)"),
                   what, last ? last->line : 0, g_strstrip (message));
      if (doc != NULL)
        xmlFreeDoc (doc);
      xmlFreeParserCtxt (context);
      return NULL;
    }
  xmlFreeParserCtxt (context);
  return doc;
}

/* Whether @node is the element @name, of whatever namespace. */
gboolean
nb_xml_is (xmlNode    *node,
           const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

/**
 * nb_xml_get_attr:
 * @node: an element
 * @name: an attribute's local name, of any namespace or none
 *
 * Returns: (transfer full) (nullable): its value
 */
char *
nb_xml_get_attr (xmlNode    *node,
                 const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (strcmp ((const char *) attr->name, name) == 0 && attr->children != NULL &&
        attr->children->type == XML_TEXT_NODE && attr->children->content != NULL)
      return g_strdup ((const char *) attr->children->content);
  return NULL;
}

xmlNode *
nb_xml_child (xmlNode    *node,
              const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (nb_xml_is (child, name))
      return child;
  return NULL;
}
