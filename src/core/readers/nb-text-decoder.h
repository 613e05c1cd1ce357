/* nb-text-decoder.h — bytes of unknown encoding to UTF-8 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  *text;          /* UTF-8, no BOM, nul-terminated */
  gsize  length;
  char  *encoding;      /* the source encoding when converted, else NULL */
  guint  repaired_line; /* first line whose invalid bytes were replaced, or 0 */
} NbDecodedText;

gboolean  nb_text_decode       (const char     *data,
                                gsize           size,
                                NbDecodedText  *out,
                                GError        **error);
void      nb_decoded_text_clear (NbDecodedText *decoded);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NbDecodedText, nb_decoded_text_clear)

G_END_DECLS
