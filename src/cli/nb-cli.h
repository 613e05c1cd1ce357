/* nb-cli.h — the subcommands of nianbao-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <nb-canonical.h>
#include <nb-canonical-save.h>
#include <nb-importer.h>
#include <nb-validator.h>

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand (FORMAT.md §6.4) */
#define NB_EXIT_OK          0
#define NB_EXIT_ERRORS      1
#define NB_EXIT_UNREADABLE  2

int   nb_cli_check            (int           argc,
                               char        **argv);
int   nb_cli_convert          (int           argc,
                               char        **argv);
int   nb_cli_diff             (int           argc,
                               char        **argv);
int   nb_cli_export           (int           argc,
                               char        **argv);
int   nb_cli_review           (int           argc,
                               char        **argv);
void  nb_cli_print_diagnostic (GString      *out,
                               const char   *path,
                               NbDiagnostic *diagnostic);
int   nb_cli_usage_error      (GOptionContext *context,
                               const char     *message);
void  nb_cli_append_diagnostics_json (GString   *out,
                                     GPtrArray *diagnostics,
                                     gboolean   sided);
NbReport *nb_cli_import        (NbImporter   *importer,
                                const char   *path,
                                const char   *password,
                                GError      **error);
NbReport *nb_cli_read_report   (const char   *path,
                                const char   *password,
                               guint        *n_errors);
gboolean nb_cli_write_stdout  (GBytes       *bytes,
                               GError      **error);
gboolean nb_cli_check_output  (const char   *input,
                               const char   *output,
                               GError      **error);

G_END_DECLS
