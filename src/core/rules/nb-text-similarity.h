/* nb-text-similarity.h — how much of one text is another's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NbTextPrint NbTextPrint;

NbTextPrint  *nb_text_print_new         (const char         *text,
                                         const char * const *names,
                                         GPtrArray          *boilerplate);
guint         nb_text_print_get_length  (const NbTextPrint  *print);
double        nb_text_print_similarity  (const NbTextPrint  *a,
                                         const NbTextPrint  *b);
void          nb_text_print_free        (NbTextPrint        *print);
double        nb_text_similarity        (const char         *a,
                                         const char         *b,
                                         const char * const *names,
                                         GPtrArray          *boilerplate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbTextPrint, nb_text_print_free)

G_END_DECLS
