/* nb-settings.h — the app's preferences, as properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NB_TYPE_SETTINGS (nb_settings_get_type ())

G_DECLARE_FINAL_TYPE (NbSettings, nb_settings, NB, SETTINGS, GObject)

NbSettings  *nb_settings_new                 (void);
int          nb_settings_get_window_width    (NbSettings *self);
int          nb_settings_get_window_height   (NbSettings *self);
gboolean     nb_settings_get_window_maximized (NbSettings *self);
void         nb_settings_save_window         (NbSettings *self,
                                              int         width,
                                              int         height,
                                              gboolean    maximized);
gboolean     nb_settings_get_show_problems   (NbSettings *self);
void         nb_settings_set_show_problems   (NbSettings *self,
                                              gboolean    show);
gboolean     nb_settings_get_show_source     (NbSettings *self);
void         nb_settings_set_show_source     (NbSettings *self,
                                              gboolean    show);

G_END_DECLS
