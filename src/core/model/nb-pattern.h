/* nb-pattern.h — a template pattern, compiled where it is first used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-pattern-start.h"

G_BEGIN_DECLS

NbPattern      *nb_pattern_new           (const char *source,
                                          GError    **error);
NbPattern      *nb_pattern_new_unchecked (const char *source);
void            nb_pattern_free          (NbPattern  *self);
const char     *nb_pattern_get_source    (NbPattern  *self);
GRegex         *nb_pattern_get_regex     (NbPattern  *self);
NbPatternStart *nb_pattern_get_start     (NbPattern  *self);
NbPatternProbe *nb_pattern_get_probe     (NbPattern  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbPattern, nb_pattern_free)

G_END_DECLS
