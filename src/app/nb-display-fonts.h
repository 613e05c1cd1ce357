/* nb-display-fonts.h — the fonts the windows draw with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <fontconfig/fontconfig.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

FcConfig *nb_display_fonts_load               (void);
void      nb_display_fonts_apply              (FcConfig   *config);
char     *nb_display_fonts_family_for_chinese (FcConfig   *config);
gboolean  nb_display_fonts_bold_shares_face   (GtkWidget  *widget,
                                               const char *text);
char     *nb_display_fonts_get_family         (GtkWidget  *widget,
                                               const char *text);

G_END_DECLS
