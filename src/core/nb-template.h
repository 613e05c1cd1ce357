/* nb-template.h — the statutory form, read from a template description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_TEMPLATE (nb_template_get_type ())

G_DECLARE_FINAL_TYPE (NbTemplate, nb_template, NB, TEMPLATE, GObject)

NbTemplate  *nb_template_new_from_bytes    (GBytes      *bytes,
                                            GError     **error);
NbTemplate  *nb_template_new_from_resource (const char  *path,
                                            GError     **error);
NbTemplate  *nb_template_new_default       (GError     **error);
const char  *nb_template_get_id            (NbTemplate  *self);
guint        nb_template_get_n_cells       (NbTemplate  *self);
int          nb_template_lookup_cell       (NbTemplate  *self,
                                            const char  *address);
const char  *nb_template_get_cell_address  (NbTemplate  *self,
                                            guint        cell);
NbCellKind   nb_template_get_cell_kind     (NbTemplate  *self,
                                            guint        cell);
const char  *nb_template_get_cell_label    (NbTemplate  *self,
                                            guint        cell);
const char  *nb_template_get_title_suffix  (NbTemplate  *self);
guint        nb_template_get_n_sections    (NbTemplate  *self);
const char  *nb_template_get_section_id    (NbTemplate  *self,
                                            guint        section);
const char  *nb_template_get_section_heading (NbTemplate *self,
                                              guint       section);
gboolean     nb_template_section_is_narrative (NbTemplate *self,
                                               guint       section);
gboolean     nb_template_has_rule          (NbTemplate  *self,
                                            const char  *rule_id);

G_END_DECLS
