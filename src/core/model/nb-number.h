/* nb-number.h — cell text to numbers and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-types.h"

G_BEGIN_DECLS

/* Amounts are kept as an integer count of millionths, never as floats. */
#define NB_AMOUNT_SCALE G_GINT64_CONSTANT (1000000)
#define NB_AMOUNT_PLACES 6
/* 15 significant digits survive any JSON reader's double; an amount has
 * at most 9 before the point, so its millionths fit in 64 bits. */
#define NB_NUMBER_MAX_DIGITS 15
#define NB_AMOUNT_MAX_WHOLE_DIGITS 9

NbCellState  nb_number_parse       (const char         *text,
                                    gssize              length,
                                    NbCellKind          kind,
                                    const char * const *marks,
                                    gint64             *value);
NbCellState  nb_number_parse_with_unit (const char         *text,
                                        gssize              length,
                                        NbCellKind          kind,
                                        const char * const *marks,
                                        const char * const *units,
                                        gint64             *value,
                                        const char        **unit);
void         nb_number_append_integer (GString         *out,
                                       gint64           value);
void         nb_number_append      (GString            *out,
                                    gint64              value,
                                    NbCellKind          kind);
char        *nb_number_format      (gint64              value,
                                    NbCellKind          kind);
const char  *nb_number_trim        (const char         *text,
                                    gsize              *length);
char        *nb_number_normalize   (const char         *text,
                                    gssize              length);

G_END_DECLS
