/* nb-text-writer.h — the report as tab-separated text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

GBytes  *nb_text_writer_write  (NbReport  *report);
void     nb_text_writer_append_table (GString  *out,
                                      NbReport *report,
                                      guint     table);

G_END_DECLS
