/* nb-export-private.h — what the document writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-export.h"
#include "nb-file-replace.h"

G_BEGIN_DECLS

char   *nb_export_cell_text        (NbReport   *report,
                                    guint       cell);
GStrv   nb_export_dup_paragraphs   (NbReport   *report,
                                    guint       section);
char   *nb_export_dup_title_lines  (NbReport   *report,
                                    const char *title);
void    nb_export_append_escaped   (GString    *out,
                                    const char *text);

G_END_DECLS
