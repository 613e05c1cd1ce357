/* nb-xml-util.h — safe XML parsing and bounded tree walks for the readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Returns FALSE to stop the walk with @error set. */
typedef gboolean (*NbXmlEnterFunc) (xmlNode   *node,
                                    gpointer   data,
                                    gboolean  *descend,
                                    GError   **error);
typedef gboolean (*NbXmlLeaveFunc) (xmlNode   *node,
                                    gpointer   data,
                                    GError   **error);

gboolean    nb_xml_walk          (xmlNode         *root,
                                  NbXmlEnterFunc   enter,
                                  NbXmlLeaveFunc   leave,
                                  gpointer         data,
                                  GError         **error);
xmlDoc     *nb_xml_read          (const char      *data,
                                  gsize            size,
                                  const char      *what,
                                  GError         **error);
gboolean    nb_xml_is            (xmlNode         *node,
                                  const char      *name);
char       *nb_xml_get_attr      (xmlNode         *node,
                                  const char      *name);
xmlNode    *nb_xml_child         (xmlNode         *node,
                                  const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
