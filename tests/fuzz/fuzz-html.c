/* fuzz-html.c — web pages and saved web pages (MHTML)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  NbSource *source;

  fuzz_get_importer ();
  source = nb_html_read ((const char *) data, size, NULL, NULL);
  fuzz_import_source (source);
  g_clear_pointer (&source, nb_source_free);
  source = nb_mhtml_read ((const char *) data, size, NULL);
  fuzz_import_source (source);
  g_clear_pointer (&source, nb_source_free);
  return 0;
}
