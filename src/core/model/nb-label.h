/* nb-label.h — the folded form of a label, for matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void      nb_label_fold        (GString    *out,
                                const char *text,
                                gssize      length);
char     *nb_label_fold_dup    (const char *text);
gboolean  nb_label_is_dropped  (gunichar    c);
gsize     nb_text_blank_length (const char *p,
                                const char *end);
gsize     nb_text_skip_blanks  (const char *p,
                                const char *end);

G_END_DECLS
