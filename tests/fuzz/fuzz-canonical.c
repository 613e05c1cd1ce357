/* fuzz-canonical.c — the strict reader of .nianbao.json files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

#include <nb-canonical.h>

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;

  report = nb_canonical_read (nb_importer_get_template (fuzz_get_importer ()),
                              (const char *) data, size, NULL);
  if (report != NULL)
    {
      g_bytes_unref (nb_canonical_write (report));
      validator = nb_validator_new (report);
    }
  return 0;
}
