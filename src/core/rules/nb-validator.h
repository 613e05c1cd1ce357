/* nb-validator.h — the rules over a report, as a list of diagnostics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

#define NB_TYPE_VALIDATOR (nb_validator_get_type ())

G_DECLARE_FINAL_TYPE (NbValidator, nb_validator, NB, VALIDATOR, GObject)

NbValidator  *nb_validator_new             (NbReport     *report);
NbValidator  *nb_validator_new_once        (NbReport     *report);
NbReport     *nb_validator_get_report      (NbValidator  *self);
guint         nb_validator_get_n_errors    (NbValidator  *self);
guint         nb_validator_get_n_warnings  (NbValidator  *self);
GPtrArray    *nb_validator_dup_sorted      (NbValidator  *self);
GPtrArray    *nb_validator_dup_for_cell    (NbValidator  *self,
                                            guint         cell);

G_END_DECLS
