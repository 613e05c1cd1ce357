/* nb-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-types.h"

G_DEFINE_QUARK (nb-error-quark, nb_error)

/**
 * nb_severity_to_string:
 * @severity: a #NbSeverity
 *
 * Returns: (transfer none): the stable name used in files and output:
 *   `error`, `warning` or `info`
 */
const char *
nb_severity_to_string (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR:
      return "error";
    case NB_SEVERITY_WARNING:
      return "warning";
    case NB_SEVERITY_INFO:
      return "info";
    default:
      break;
    }
  g_return_val_if_reached ("error");
}
