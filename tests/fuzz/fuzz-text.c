/* fuzz-text.c — report text in any encoding, through the matcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;

  report = nb_importer_import_text (fuzz_get_importer (), (const char *) data, size, NULL);
  if (report != NULL)
    validator = nb_validator_new (report);
  return 0;
}
