/* nb-pdf-writer.h — the report as an A4 PDF document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

GBytes        *nb_pdf_writer_write_bytes   (NbReport       *report,
                                            GError        **error);
gboolean       nb_pdf_writer_write         (NbReport       *report,
                                            GFile          *file,
                                            GError        **error);

G_END_DECLS
