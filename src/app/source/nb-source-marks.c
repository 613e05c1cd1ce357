/* nb-source-marks.c — how the source views mark the numbers of a report:
 * used, not used, changed, and the one selected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-source-marks.h"

#include <glib/gi18n.h>

/* Three marks told apart by more than hue: used numbers get a thin blue
 * frame, numbers left unused a red fill with a heavy dashed frame, and
 * numbers changed on the way (full-width digits, separators, a run of
 * digits cut into cells) a purple fill with a double frame. The selected
 * cell's number gets a yellow fill over its mark. On a PDF the page is
 * paper-white in either style; in the text and grid views the fills are
 * translucent, so they read on a dark background too. */

guint8
nb_source_mark_kind (const NbSourceNumber *number)
{
  if (number->kind == NB_SOURCE_NUMBER_UNUSED && number->cell >= 0)
    return NB_SOURCE_NUMBER_USED;
  return number->kind;
}

void
nb_source_mark_color (guint8    kind,
                      gboolean  selected,
                      GdkRGBA  *fill,
                      GdkRGBA  *stroke)
{
  switch (kind)
    {
    case NB_SOURCE_NUMBER_UNUSED:
      *fill = (GdkRGBA) { 0.88, 0.11, 0.14, 0.28 };
      *stroke = (GdkRGBA) { 0.75, 0.11, 0.16, 1.0 };
      break;
    case NB_SOURCE_NUMBER_CHANGED:
      *fill = (GdkRGBA) { 0.57, 0.25, 0.67, 0.25 };
      *stroke = (GdkRGBA) { 0.57, 0.25, 0.67, 1.0 };
      break;
    case NB_SOURCE_NUMBER_USED:
    default:
      *fill = (GdkRGBA) { 0.21, 0.52, 0.89, 0.10 };
      *stroke = (GdkRGBA) { 0.11, 0.44, 0.85, 0.9 };
      break;
    }
  if (selected)
    *fill = (GdkRGBA) { 0.96, 0.83, 0.18, 0.55 };
}
