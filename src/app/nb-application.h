/* nb-application.h — the Nianbao application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <nb-importer.h>

G_BEGIN_DECLS

#define NB_TYPE_APPLICATION (nb_application_get_type ())

G_DECLARE_FINAL_TYPE (NbApplication, nb_application, NB, APPLICATION, AdwApplication)

NbApplication *nb_application_new          (void);
NbImporter    *nb_application_get_importer (NbApplication *self);

G_END_DECLS
