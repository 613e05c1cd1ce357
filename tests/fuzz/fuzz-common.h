/* fuzz-common.h — what the fuzz targets share: one template and importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <nb-importer.h>
#include <nb-readers.h>
#include <nb-validator.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static NbImporter *fuzz_importer;

/* The libraries' complaints about broken input are expected; a failed
 * precondition in Nianbao's own code is a finding. */
static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && fields[i].length < 0 &&
        g_str_has_prefix (fields[i].value, "nb") &&
        (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) != 0)
      {
        g_log_writer_default (level, fields, n_fields, data);
        abort ();
      }
  return G_LOG_WRITER_HANDLED;
}

/* Built once: every input is read with the same importer. */
static inline NbImporter *
fuzz_get_importer (void)
{
  if (fuzz_importer == NULL)
    {
      g_autoptr(NbTemplate) template = nb_template_new_default (NULL);

      g_assert (template != NULL);
      fuzz_importer = nb_importer_new (template);
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
    }
  return fuzz_importer;
}

/* Imports @source, if any, and runs every rule on the report. */
static inline void
fuzz_import_source (NbSource *source)
{
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;

  if (source == NULL)
    return;
  report = nb_importer_import_source (fuzz_get_importer (), source, NULL);
  if (report != NULL)
    validator = nb_validator_new (report);
}
