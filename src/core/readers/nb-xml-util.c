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
 * element's start is not XML, and the parser refuses it.)
 *
 * Returns: (transfer full) (nullable): the document
 */
xmlDoc *
nb_xml_read (const char  *data,
             gsize        size,
             const char  *what,
             GError     **error)
{
  xmlParserCtxt *context;
  xmlDoc *doc;

  if (size > G_MAXINT)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TOO_LARGE, _("“%s” is too large"), what);
      return NULL;
    }
  if (declares_doctype (data, size))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                   _("“%s” declares a document type or entities, which Word and Excel files "
                     "never do; it was not read"), what);
      return NULL;
    }

  context = xmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("“%s” could not be read"), what);
      return NULL;
    }
  doc = xmlCtxtReadMemory (context, data, size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
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
