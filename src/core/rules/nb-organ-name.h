/* nb-organ-name.h — when two spellings name one organ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  nb_organ_name_match        (const char *a,
                                      const char *b);
char     *nb_organ_name_fold         (const char *organ);
gboolean  nb_organ_name_match_folded (const char *a,
                                      const char *b);
char     *nb_organ_name_dup_region   (const char *organ);
char     *nb_organ_name_dup_short    (const char *organ);

G_END_DECLS
