/* nb-set-finding.h — one problem of a batch of reports, across units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "nb-diagnostic.h"
#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_SET_FINDING (nb_set_finding_get_type ())

G_DECLARE_FINAL_TYPE (NbSetFinding, nb_set_finding, NB, SET_FINDING, GObject)

NbSetFinding        *nb_set_finding_new            (NbSeverity     severity,
                                                    const char    *rule_id,
                                                    const char    *message,
                                                    const char    *organ,
                                                    const char * const *files);
NbSeverity           nb_set_finding_get_severity   (NbSetFinding  *self);
const char          *nb_set_finding_get_rule_id    (NbSetFinding  *self);
const char          *nb_set_finding_get_message    (NbSetFinding  *self);
const char          *nb_set_finding_get_organ      (NbSetFinding  *self);
const char * const  *nb_set_finding_get_files      (NbSetFinding  *self);
NbDiagnostic        *nb_set_finding_get_diagnostic (NbSetFinding  *self);
void                 nb_set_finding_set_diagnostic (NbSetFinding  *self,
                                                    NbDiagnostic  *diagnostic);
int                  nb_set_finding_compare        (NbSetFinding  *a,
                                                    NbSetFinding  *b);

G_END_DECLS
