/* nb-source-marks.h — how the source views mark the numbers of a report:
 * used, not used, changed, and the one selected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <nb-report.h>

G_BEGIN_DECLS

/* One mark: a number of nb_report_get_source_numbers() and how to show
 * it. */
typedef struct
{
  guint    number;     /* index into the report's source numbers */
  guint8   kind;       /* NbSourceNumberKind, as shown: a number left over
                        * that was given to a row by hand shows as used */
  gboolean selected;
} NbSourceMark;

guint8   nb_source_mark_kind  (const NbSourceNumber *number);
void     nb_source_mark_color (guint8                kind,
                               gboolean              selected,
                               GdkRGBA              *fill,
                               GdkRGBA              *stroke);

G_END_DECLS
