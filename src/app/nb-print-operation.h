/* nb-print-operation.h — printing a report the way the PDF export draws it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <nb-report.h>

G_BEGIN_DECLS

#define NB_TYPE_PRINT_OPERATION (nb_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (NbPrintOperation, nb_print_operation, NB, PRINT_OPERATION, GtkPrintOperation)

NbPrintOperation *nb_print_operation_new (NbReport  *report,
                                          GError   **error);

G_END_DECLS
