/* nb-string.h — appending to a GString in the hot paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* g_string_append_len() as an inline copy while the string has room, as
 * newer GLib does itself: the writers and the label folding append a few
 * bytes at a time, hundreds of times per report, and the call into
 * g_string_insert_len() cost more than the copy. */
static inline void
nb_string_append_len (GString    *out,
                      const char *data,
                      gsize       length)
{
  if (G_LIKELY (out->len + length < out->allocated_len))
    {
      memcpy (out->str + out->len, data, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, data, length);
}

static inline void
nb_string_append (GString    *out,
                  const char *text)
{
  nb_string_append_len (out, text, strlen (text));
}

G_END_DECLS
