/* test-recovery.c — a crash and a colleague's overwrite cost nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui). For the crash, the program runs itself as
 * a child that opens a report in a real window, edits it, waits for the
 * draft and kills itself with SIGKILL; the parent then restores it.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <nb-draft.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "nb-recovery-window.h"
#include "nb-test-ui.h"
#include "nb-test-util.h"
#include "nb-window.h"

static char *data_home;

static gboolean
exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The child: edit seed 000 in a window, wait for the draft, die. */
static int
child_edit_and_die (const char *seed_path)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autoptr(GFile) file = g_file_new_for_path (seed_path);
  g_autoptr(NbDocument) document = nb_document_load (importer, file, NULL, NULL);
  NbWindow *window;
  NbReport *report;
  NbCellEntry *entry;

  nb_test_ui_init ();
  window = nb_window_new (NULL, importer, NULL);
  nb_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  nb_test_ui_wait_idle ();
  report = nb_document_get_report (document);
  entry = nb_report_view_get_entry (nb_window_get_report_view (window),
                                    nb_report_lookup_cell (report, "t3/received/natural_person"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "7");
  nb_report_set_section_text (report, "other", "恢复测试");
  nb_test_ui_wait_until (exists, (gpointer) nb_draft_keeper_get_path (nb_window_get_draft_keeper (window)));
  /* let the worker finish the rename, then crash hard */
  g_usleep (200 * 1000);
  raise (SIGKILL);
  return 1;
}

static void
run_child (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *seed = nb_test_seed_path ("000_773531145496868f");
  const char *argv[] = { self, "--child-edit-and-die", seed, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
}

static NbWindow *restored_window;

static void
restore_cb (NbRecoveryWindow *recovery,
            NbDraftInfo      *info,
            NbImporter       *importer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = nb_draft_restore (importer, info, &error);

  g_assert_no_error (error);
  restored_window = nb_window_new (NULL, importer, NULL);
  nb_window_set_restored_document (restored_window, document, info->id);
  gtk_window_present (GTK_WINDOW (restored_window));
}

static void
test_restore_after_kill (void)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autofree char *dir = nb_draft_dir_default ();
  g_autoptr(GPtrArray) drafts = NULL;
  NbRecoveryWindow *recovery;
  NbReport *report;
  NbDraftInfo *info;
  g_autofree char *path = NULL;

  run_child ();
  drafts = nb_draft_list (dir, TRUE);
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (info->organ, ==, "偃师区伊洛街道办事处");
  path = g_strdup (info->path);

  recovery = nb_recovery_window_new (NULL, dir, drafts);
  g_signal_connect (recovery, "restore", G_CALLBACK (restore_cb), importer);
  gtk_window_present (GTK_WINDOW (recovery));
  nb_test_ui_wait_idle ();
  g_assert_cmpuint (nb_recovery_window_get_n_drafts (recovery), ==, 1);
  /* _Restore and _Discard */
  g_assert_cmpuint (nb_test_ui_check_mnemonic_names (GTK_WIDGET (recovery)), ==, 2);
  nb_recovery_window_restore (recovery, 0);
  nb_test_ui_wait_idle ();

  g_assert_nonnull (restored_window);
  report = nb_document_get_report (nb_window_get_document (restored_window));
  g_assert_true (nb_report_get_modified (report));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nb_report_view_get_entry (
                     nb_window_get_report_view (restored_window),
                     nb_report_lookup_cell (report, "t3/received/natural_person")))), ==, "7");
  g_assert_cmpstr (nb_report_get_section_text (report, "other"), ==, "恢复测试");
  /* the restored report keeps writing to its draft until saved or discarded */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (nb_draft_keeper_get_path (nb_window_get_draft_keeper (restored_window)), ==, path);
  gtk_window_destroy (GTK_WINDOW (restored_window));
  g_remove (path);
}

static void
test_discard_after_kill (void)
{
  g_autofree char *dir = nb_draft_dir_default ();
  g_autoptr(GPtrArray) drafts = NULL;
  NbRecoveryWindow *recovery;
  g_autofree char *path = NULL;

  run_child ();
  drafts = nb_draft_list (dir, TRUE);
  g_assert_cmpuint (drafts->len, ==, 1);
  path = g_strdup (((NbDraftInfo *) g_ptr_array_index (drafts, 0))->path);
  recovery = nb_recovery_window_new (NULL, dir, drafts);
  gtk_window_present (GTK_WINDOW (recovery));
  nb_recovery_window_discard (recovery, 0);
  nb_test_ui_wait_idle ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gboolean
banner_shown (gpointer window)
{
  return nb_window_get_disk_change_shown (window);
}

static gboolean
organ_is (gpointer window)
{
  NbDocument *document = nb_window_get_document (window);

  return document != NULL &&
         g_str_equal (nb_report_get_organ (nb_document_get_report (document)), "偃师区大口镇人民政府");
}

static gboolean
overwrite_asked (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_str_equal (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), "Overwrite Changed File?"))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static void
write_canonical (NbImporter *importer,
                 const char *stem,
                 const char *path)
{
  g_autoptr(NbReport) report = nb_test_import_seed (importer, stem);
  g_autoptr(GBytes) bytes = nb_canonical_write (report);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static void
test_external_change (void)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autofree char *path = g_build_filename (data_home, "shared.nianbao.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  g_autofree char *contents = NULL;
  NbWindow *window;

  write_canonical (importer, "000_773531145496868f", path);
  document = nb_document_load (importer, file, NULL, &error);
  g_assert_no_error (error);
  window = nb_window_new (NULL, importer, NULL);
  nb_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  nb_test_ui_wait_idle ();
  g_assert_false (nb_window_get_disk_change_shown (window));

  /* the main menu's check item turns the FILE~ backup off for this report */
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "make-backup");
    gboolean backup = TRUE;

    g_assert_true (g_variant_get_boolean (state));
    gtk_widget_activate_action (GTK_WIDGET (window), "win.make-backup", NULL);
    g_object_get (document, "make-backup", &backup, NULL);
    g_assert_false (backup);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.make-backup", NULL);
    g_object_get (document, "make-backup", &backup, NULL);
    g_assert_true (backup);
  }

  /* a colleague saves another version: the banner offers to reload */
  g_usleep (20 * 1000);
  write_canonical (importer, "001_7d60a9f0c8604645", path);
  nb_test_ui_wait_until (banner_shown, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  nb_test_ui_wait_until (organ_is, window);
  g_assert_false (nb_window_get_disk_change_shown (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nb_report_view_get_entry (
                     nb_window_get_report_view (window),
                     nb_report_lookup_cell (nb_document_get_report (nb_window_get_document (window)),
                                            "t4/review/upheld")))), ==, "1");

  /* changed again while being edited: saving over it asks first */
  g_usleep (20 * 1000);
  write_canonical (importer, "002_85dfb0a95ba47af5", path);
  nb_test_ui_wait_until (banner_shown, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-editing", NULL);
  nb_report_set_title (nb_document_get_report (nb_window_get_document (window)), "我的版本");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  nb_test_ui_wait_until (overwrite_asked, &dialog);
  adw_message_dialog_response (dialog, "cancel");
  nb_test_ui_wait_idle ();
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "洛龙区学府街道办事处"));
  g_assert_true (nb_report_get_modified (nb_document_get_report (nb_window_get_document (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  /* before anything reads the user data folder */
  data_home = g_dir_make_tmp ("nianbao-recovery-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (argc == 3 && g_str_equal (argv[1], "--child-edit-and-die"))
    {
      g_setenv ("XDG_DATA_HOME", g_getenv ("NB_TEST_DATA_HOME"), TRUE);
      return child_edit_and_die (argv[2]);
    }
  g_setenv ("NB_TEST_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

  g_test_add_func ("/nianbao/recovery/restore-after-kill", test_restore_after_kill);
  g_test_add_func ("/nianbao/recovery/discard-after-kill", test_discard_after_kill);
  g_test_add_func ("/nianbao/recovery/external-change", test_external_change);
  return g_test_run ();
}
