/* nb-html-writer.h — the report as a web page, a table as an HTML fragment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

GBytes  *nb_html_writer_write         (NbReport  *report);
char    *nb_html_writer_write_table   (NbReport  *report,
                                       guint      table);
void     nb_html_writer_append_table  (GString   *out,
                                       NbReport  *report,
                                       guint      table);

G_END_DECLS
