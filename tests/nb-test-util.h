/* nb-test-util.h — fixtures shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include <nb-canonical.h>
#include <nb-canonical-save.h>
#include <nb-importer.h>
#include <nb-validator.h>

G_BEGIN_DECLS

/* Sections 一, 五 and 六 of a report that breaks no rule */
#define NB_TEST_OVERVIEW "本报告说明主动公开、依申请公开、政府信息管理、平台建设和监督保障情况。"
#define NB_TEST_PROBLEMS "（一）存在的主要问题：信息公开的及时性有待提高。（二）改进情况：下一步将加强审核把关。"
#define NB_TEST_OTHER "本机关本年度未收取信息处理费。"

/* The five sample reports in tests/data/seeds, by file stem. */
extern const char * const nb_test_seeds[];

GBytes     *nb_test_load_data       (const char  *first_path,
                                     ...) G_GNUC_NULL_TERMINATED;
/* The fixture of the tests that import: the default form and its importer */
typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
} NbTestImport;

void        nb_test_import_set_up   (NbTestImport  *fixture,
                                     gconstpointer  data);
void        nb_test_import_tear_down (NbTestImport *fixture,
                                      gconstpointer data);

char       *nb_test_seed_path       (const char  *stem);
GBytes     *nb_test_zip             (guint        n_parts,
                                     ...);
GBytes     *nb_test_load_seed       (const char  *stem);
JsonObject *nb_test_load_expected   (const char  *stem);
NbReport   *nb_test_import_seed     (NbImporter  *importer,
                                     const char  *stem);
NbReport   *nb_test_import_string   (NbImporter  *importer,
                                     const char  *text);
NbReport   *nb_test_clean_report    (NbTemplate  *template);
void        nb_test_set             (NbReport    *report,
                                     const char  *address,
                                     const char  *text);
gboolean    nb_test_has_rule        (GListModel  *diagnostics,
                                     const char  *rule_id);
NbDiagnostic *nb_test_find_rule     (GListModel  *diagnostics,
                                     const char  *rule_id);
guint       nb_test_count_rule      (GListModel  *diagnostics,
                                     const char  *rule_id);
char       *nb_test_replace         (const char  *text,
                                     const char  *find,
                                     const char  *replacement);
void        nb_test_remove_tree     (const char  *path);

G_END_DECLS
