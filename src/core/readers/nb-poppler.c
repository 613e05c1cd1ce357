/* nb-poppler.c — Poppler, loaded when the first PDF is opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-poppler"

#include "config.h"

#include "nb-poppler.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <nb-types.h>

typedef struct
{
  NbPoppler  functions;
  char      *failure;
} Loaded;

static gboolean
find (GModule     *module,
      const char  *name,
      gpointer    *function,
      GString     *missing)
{
  if (g_module_symbol (module, name, function) && *function != NULL)
    return TRUE;
  g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", name);
  return FALSE;
}

#define FIND(field) find (module, "poppler_" #field, (gpointer *) &loaded->functions.field, missing)

/* Loads the library once for the process; it stays loaded, as linked
 * libraries do. */
static gpointer
load (gpointer data)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr(GString) missing = g_string_new (NULL);
  GModule *module = g_module_open (NB_POPPLER_LIBRARY, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      loaded->failure = g_strdup_printf (_("PDF files are read with the Poppler library, "
                                           "which could not be loaded: %s"), g_module_error ());
      return loaded;
    }
  FIND (error_quark);
  FIND (document_new_from_bytes);
  FIND (document_new_from_stream);
  FIND (document_get_n_pages);
  FIND (document_get_page);
  FIND (document_get_creation_date_time);
  FIND (page_get_size);
  FIND (page_get_text);
  FIND (page_get_text_layout);
  FIND (page_render);
  if (missing->len > 0)
    loaded->failure = g_strdup_printf (_("PDF files are read with the Poppler library, "
                                         "whose %s lacks %s"), NB_POPPLER_LIBRARY, missing->str);
  g_module_make_resident (module);
  return loaded;
}

/**
 * nb_poppler_get:
 * @error: return location for a #GError
 *
 * Loads poppler-glib the first time it is asked for, from any thread.
 * Fails with %NB_ERROR_UNSUPPORTED when the library cannot be loaded.
 *
 * Returns: (transfer none) (nullable): its functions
 */
const NbPoppler *
nb_poppler_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  Loaded *loaded = g_once (&once, load, NULL);

  if (loaded->failure != NULL)
    {
      g_set_error_literal (error, NB_ERROR, NB_ERROR_UNSUPPORTED, loaded->failure);
      return NULL;
    }
  return &loaded->functions;
}

/**
 * nb_poppler_loaded:
 *
 * For code that holds a document or a page, also in a child process
 * forked since: the library was loaded to open it.
 *
 * Returns: (transfer none): its functions
 */
const NbPoppler *
nb_poppler_loaded (void)
{
  const NbPoppler *poppler = nb_poppler_get (NULL);

  g_assert (poppler != NULL);
  return poppler;
}
