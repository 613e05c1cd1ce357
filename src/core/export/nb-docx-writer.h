/* nb-docx-writer.h — the report as a Word document (Office Open XML)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-report.h"

G_BEGIN_DECLS

GBytes  *nb_docx_writer_write  (NbReport  *report,
                                GError   **error);

G_END_DECLS
