/* nb-export-text.h — what every writer writes the same way: the title,
 * the file name, text escaped for HTML and XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report.h"

G_BEGIN_DECLS

char   *nb_export_dup_title        (NbReport   *report);
char   *nb_export_dup_title_lines  (NbReport   *report,
                                    const char *title);
char   *nb_export_dup_file_stem    (NbReport   *report);
void    nb_export_append_escaped   (GString    *out,
                                    const char *text);

G_END_DECLS
