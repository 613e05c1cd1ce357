/* nb-csv.h — fields of a CSV file a spreadsheet opens safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* UTF-8 with a byte order mark, which spreadsheet programs need to read
 * Chinese */
#define NB_CSV_BOM "\xef\xbb\xbf"

void  nb_csv_append_field  (GString    *out,
                            const char *text);

G_END_DECLS
