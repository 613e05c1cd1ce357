/* nb-roster.h — the units that owe a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NB_TYPE_ROSTER (nb_roster_get_type ())

G_DECLARE_FINAL_TYPE (NbRoster, nb_roster, NB, ROSTER, GObject)

NbRoster    *nb_roster_new_from_data  (const char  *data,
                                       gsize        size,
                                       GError     **error);
NbRoster    *nb_roster_load           (GFile       *file,
                                       GCancellable *cancellable,
                                       GError     **error);
guint        nb_roster_get_n_units    (NbRoster    *self);
const char  *nb_roster_get_unit       (NbRoster    *self,
                                       guint        unit);
int          nb_roster_find           (NbRoster    *self,
                                       const char  *organ);

G_END_DECLS
