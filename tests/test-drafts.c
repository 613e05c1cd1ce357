/* test-drafts.c — unsaved work on disk, and saves that keep the old file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <glib/gstdio.h>
#include <nb-draft-keeper.h>
#include <nb-draft.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
  char       *dir;       /* a scratch folder: drafts/ and reports */
  char       *drafts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  fixture->dir = g_dir_make_tmp ("nianbao-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->drafts = g_build_filename (fixture->dir, "drafts", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  nb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->drafts);
  g_object_unref (fixture->importer);
  g_object_unref (fixture->template);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
file_gone (gpointer path)
{
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static NbDocument *
seed_document (Fixture    *fixture,
               const char *stem)
{
  g_autofree char *path = nb_test_seed_path (stem);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NbDocument *document = nb_document_load (fixture->importer, file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_draft_written_and_restored (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(NbDocument) document = seed_document (fixture, "004_f0cbcda3827e0aad");
  NbReport *report = nb_document_get_report (document);
  g_autoptr(NbDraftKeeper) keeper = nb_draft_keeper_new (document, fixture->drafts, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(NbDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  NbReport *back;
  NbDraftInfo *info;
  gint64 edited;

  /* nothing to keep before an edit */
  g_assert_false (g_file_test (nb_draft_keeper_get_path (keeper), G_FILE_TEST_EXISTS));

  nb_test_set (report, "t3/received/natural_person", "7");
  nb_test_set (report, "t2/licensing/decisions", "8起");
  nb_report_set_section_text (report, "problems", "新的问题说明。");
  edited = g_get_monotonic_time ();
  wait_for (file_exists, (gpointer) nb_draft_keeper_get_path (keeper));
  /* at most NB_DRAFT_DELAY_MS after the first edit, plus scheduling */
  g_assert_cmpint (g_get_monotonic_time () - edited, <, 2 * G_USEC_PER_SEC);

  drafts = nb_draft_list (fixture->drafts, FALSE);
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (info->id, ==, nb_draft_keeper_get_id (keeper));
  g_assert_cmpstr (info->organ, ==, "涧西区人民政府办公室");
  g_assert_cmpuint (info->year, ==, 2024);
  g_assert_nonnull (info->written);
  g_assert_true (g_str_has_suffix (info->source_uri, "004_f0cbcda3827e0aad.txt"));
  g_assert_null (info->file_uri);
  /* written by this process, which still runs */
  orphans = nb_draft_list (fixture->drafts, TRUE);
  g_assert_cmpuint (orphans->len, ==, 0);

  restored = nb_draft_restore (fixture->importer, info, &error);
  g_assert_no_error (error);
  back = nb_document_get_report (restored);
  g_assert_true (nb_report_get_modified (back));
  g_assert_cmpint (nb_report_get_cell_value (back, nb_report_lookup_cell (back, "t3/received/natural_person")), ==, 7);
  g_assert_cmpstr (nb_report_get_cell_text (back, nb_report_lookup_cell (back, "t2/licensing/decisions")), ==, "8起");
  g_assert_cmpstr (nb_report_get_section_text (back, "problems"), ==, "新的问题说明。");
  g_assert_true (g_file_equal (nb_document_get_source (restored), nb_document_get_source (document)));
  for (guint c = 0; c < nb_report_get_n_cells (back); c++)
    g_assert_cmpstr (nb_report_get_cell_text (back, c), ==, nb_report_get_cell_text (report, c));
}

/* A restored draft keeps what the import found in the submitted file,
 * which is not read again: seed 003's row with a number too many. */
static void
test_draft_keeps_import_problems (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(NbDocument) document = seed_document (fixture, "003_babb1a0d8021a832");
  NbReport *report = nb_document_get_report (document);
  g_autoptr(NbDraftKeeper) keeper = nb_draft_keeper_new (document, fixture->drafts, NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(NbDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *before, *after;
  NbValidator *validator;

  before = nb_report_get_import_diagnostics (report);
  g_assert_cmpuint (before->len, >, 0);
  nb_test_set (report, "t3/received/natural_person", "7");
  wait_for (file_exists, (gpointer) nb_draft_keeper_get_path (keeper));
  drafts = nb_draft_list (fixture->drafts, FALSE);
  g_assert_cmpuint (drafts->len, ==, 1);
  restored = nb_draft_restore (fixture->importer, g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);

  after = nb_report_get_import_diagnostics (nb_document_get_report (restored));
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      NbDiagnostic *a = g_ptr_array_index (before, i), *b = g_ptr_array_index (after, i);
      guint na, nb;
      const guint *ca = nb_diagnostic_get_cell_indices (a, &na), *cb = nb_diagnostic_get_cell_indices (b, &nb);

      g_assert_cmpstr (nb_diagnostic_get_rule_id (b), ==, nb_diagnostic_get_rule_id (a));
      g_assert_cmpstr (nb_diagnostic_get_message (b), ==, nb_diagnostic_get_message (a));
      g_assert_cmpint (nb_diagnostic_get_severity (b), ==, nb_diagnostic_get_severity (a));
      g_assert_cmpuint (nb_diagnostic_get_line (b), ==, nb_diagnostic_get_line (a));
      g_assert_cmpstr (nb_diagnostic_get_location (b), ==, nb_diagnostic_get_location (a));
      g_assert_cmpmem (cb, nb * sizeof (guint), ca, na * sizeof (guint));
    }
  /* the import problem and the broken total, as before */
  validator = nb_document_get_validator (restored);
  g_assert_cmpuint (nb_validator_get_n_errors (validator), ==,
                    nb_validator_get_n_errors (nb_document_get_validator (document)));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  nb_document_save_finish (NB_DOCUMENT (object), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "saved");
}

/* Saves and returns NULL on success, the error otherwise. */
static GError *
save (NbDocument          *document,
      GFile               *file,
      NbDocumentSaveFlags  flags)
{
  GError *error = NULL;

  nb_document_save_async (document, file, flags, NULL, saved_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);
  return error;
}

static void
test_save_removes_draft (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(NbDocument) document = seed_document (fixture, "001_7d60a9f0c8604645");
  g_autoptr(NbDraftKeeper) keeper = nb_draft_keeper_new (document, fixture->drafts, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "a.nianbao.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  nb_test_set (nb_document_get_report (document), "t4/review/upheld", "2");
  nb_draft_keeper_flush (keeper);
  wait_for (file_exists, (gpointer) nb_draft_keeper_get_path (keeper));

  error = save (document, file, NB_DOCUMENT_SAVE_DEFAULT);
  g_assert_no_error (error);
  wait_for (file_gone, (gpointer) nb_draft_keeper_get_path (keeper));

  /* undoing back to the save point needs no draft either */
  nb_test_set (nb_document_get_report (document), "t4/review/upheld", "3");
  nb_draft_keeper_flush (keeper);
  wait_for (file_exists, (gpointer) nb_draft_keeper_get_path (keeper));
  nb_report_undo (nb_document_get_report (document));
  wait_for (file_gone, (gpointer) nb_draft_keeper_get_path (keeper));

  /* discarded work loses its draft and writes no new one */
  nb_test_set (nb_document_get_report (document), "t4/review/upheld", "4");
  nb_draft_keeper_flush (keeper);
  wait_for (file_exists, (gpointer) nb_draft_keeper_get_path (keeper));
  nb_draft_keeper_discard (keeper);
  wait_for (file_gone, (gpointer) nb_draft_keeper_get_path (keeper));
  nb_test_set (nb_document_get_report (document), "t4/review/upheld", "5");
  g_usleep (1500 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (g_file_test (nb_draft_keeper_get_path (keeper), G_FILE_TEST_EXISTS));
}

static void
test_backup_and_changed_on_disk (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(NbDocument) first = seed_document (fixture, "000_773531145496868f");
  g_autofree char *path = g_build_filename (fixture->dir, "b.nianbao.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *kept = NULL;

  error = save (first, file, NB_DOCUMENT_SAVE_DEFAULT);
  g_assert_no_error (error);
  g_file_get_contents (path, &old, NULL, NULL);

  /* reopen, edit, save: the previous version stays as FILE~ */
  document = nb_document_load (fixture->importer, file, NULL, &error);
  g_assert_no_error (error);
  nb_test_set (nb_document_get_report (document), "t3/received/total", "6");
  error = save (document, NULL, NB_DOCUMENT_SAVE_DEFAULT);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, old);

  /* another program writes the file: saving over it is refused... */
  g_usleep (20 * 1000);   /* a distinct modification time */
  g_assert_true (g_file_set_contents (path, "{ \"someone else's\": true }", -1, NULL));
  nb_test_set (nb_document_get_report (document), "t3/received/total", "7");
  error = save (document, NULL, NB_DOCUMENT_SAVE_DEFAULT);
  g_assert_error (error, NB_ERROR, NB_ERROR_CHANGED_ON_DISK);
  g_assert_true (nb_report_get_modified (nb_document_get_report (document)));
  g_clear_pointer (&kept, g_free);
  g_file_get_contents (path, &kept, NULL, NULL);
  g_assert_cmpstr (kept, ==, "{ \"someone else's\": true }");
  g_clear_error (&error);

  /* ...until the user says to overwrite */
  error = save (document, NULL, NB_DOCUMENT_SAVE_FORCE);
  g_assert_no_error (error);
  g_assert_false (nb_report_get_modified (nb_document_get_report (document)));
}

/* A full disk, faked with RLIMIT_FSIZE (no tmpfs of a given size can be
 * mounted in every sandbox): the save fails clearly, the document stays
 * modified, its draft stays, the old file is intact. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbDocument) document = seed_document (fixture, "002_85dfb0a95ba47af5");
  g_autoptr(NbDraftKeeper) keeper = nb_draft_keeper_new (document, fixture->drafts, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "c.nianbao.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct rlimit saved, small;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  nb_test_set (nb_document_get_report (document), "t3/received/total", "2");
  nb_draft_keeper_flush (keeper);
  wait_for (file_exists, (gpointer) nb_draft_keeper_get_path (keeper));

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &saved);
  small = saved;
  small.rlim_cur = 512;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  error = save (document, file, NB_DOCUMENT_SAVE_DEFAULT);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "c.nianbao.json"));
  g_assert_true (nb_report_get_modified (nb_document_get_report (document)));
  g_assert_true (g_file_test (nb_draft_keeper_get_path (keeper), G_FILE_TEST_EXISTS));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/nianbao/drafts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("keeps-import-problems", test_draft_keeps_import_problems);
  ADD ("written-and-restored", test_draft_written_and_restored);
  ADD ("save-removes-draft", test_save_removes_draft);
  ADD ("backup-and-changed-on-disk", test_backup_and_changed_on_disk);
  ADD ("full-disk", test_full_disk);
#undef ADD

  return g_test_run ();
}
