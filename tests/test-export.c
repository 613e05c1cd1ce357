/* test-export.c — taking the checked report out of a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui): the menu's export asks about errors first,
 * offers the statutory file name, writes what the core writer writes, and
 * printing draws the pages the PDF export draws.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <nb-export.h>
#include <nb-pdf-writer.h>
#include <nb-print-layout.h>
#include <string.h>

#include "nb-test-ui.h"
#include "nb-test-util.h"
#include "nb-window.h"

typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
  NbDocument *document;
  NbWindow   *window;
  char       *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(NbReport) report = NULL;

  f->template = nb_template_new_default (NULL);
  f->importer = nb_importer_new (f->template);
  report = nb_test_import_seed (f->importer, data);
  f->document = nb_document_new (report, NULL);
  f->window = nb_window_new (NULL, f->importer, NULL);
  nb_window_set_document (f->window, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  nb_test_ui_wait_idle ();
  f->dir = g_dir_make_tmp ("nianbao-export-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  nb_test_remove_tree (f->dir);
  g_free (f->dir);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->document);
  g_object_unref (f->importer);
  g_object_unref (f->template);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

/* GTK registers the print dialog's type when it first makes one */
static gboolean
print_dialog_shown (gpointer data)
{
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  return type != 0 && find_toplevel (type) != NULL;
}

static void
test_errors_asked_first (Fixture       *f,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  /* seed 003 has two errors */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", "s", "docx");
  nb_test_ui_wait_until (dialog_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export a Report With Errors?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "The exported report still has 2 errors.");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "problems");

  /* Show Problems opens the panel instead of exporting */
  adw_message_dialog_response (dialog, "problems");
  nb_test_ui_wait_idle ();
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  /* Export Anyway offers the statutory name */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", "s", "docx");
  nb_test_ui_wait_until (dialog_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "export");
  nb_test_ui_wait_until (dialog_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG));
  chooser = GTK_FILE_CHOOSER (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "侯寨办事处-2024年政府信息公开工作年度报告.docx");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  nb_test_ui_wait_idle ();
}

static void
test_clean_report_goes_straight_to_file (Fixture       *f,
                                         gconstpointer  data)
{
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  /* seed 000 has no errors: no question, the file chooser at once */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", "s", "pdf");
  nb_test_ui_wait_until (dialog_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  chooser = GTK_FILE_CHOOSER (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "偃师区伊洛街道办事处-2024年政府信息公开工作年度报告.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  nb_test_ui_wait_idle ();
}

static gboolean
has_data (gpointer window)
{
  return g_object_get_data (window, "nb-exported") != NULL;
}

static void
test_export_writes_the_core_bytes (Fixture       *f,
                                   gconstpointer  data)
{
  NbReport *report = nb_document_get_report (f->document);
  const NbExportFormat formats[] = { NB_EXPORT_FORMAT_DOCX, NB_EXPORT_FORMAT_HTML, NB_EXPORT_FORMAT_TXT };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = nb_export_dup_file_name (report, formats[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) expected = nb_export (report, formats[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_object_set_data (G_OBJECT (f->window), "nb-exported", NULL);
      nb_window_export_to (f->window, formats[i], file);
      nb_test_ui_wait_until (has_data, f->window);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
    }
}

static void
test_export_failure_is_told (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/nianbao/report.docx");
  NbReport *report = nb_document_get_report (f->document);

  nb_report_set_title (report, "改过的标题");
  nb_window_export_to (f->window, NB_EXPORT_FORMAT_DOCX, file);
  for (guint i = 0; i < 50; i++)
    nb_test_ui_wait_idle ();
  g_assert_null (g_object_get_data (G_OBJECT (f->window), "nb-exported"));
  /* the report itself is untouched and still unsaved */
  g_assert_true (nb_report_get_modified (report));
  g_assert_cmpstr (nb_report_get_title (report), ==, "改过的标题");
}

static gboolean
file_is_whole_pdf (gpointer path)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 1000 &&
         g_str_has_prefix (contents, "%PDF") && g_strstr_len (contents + length - 32, 32, "%%EOF") != NULL;
}

static void
test_print_draws_the_pdf_pages (Fixture       *f,
                                gconstpointer  data)
{
  NbReport *report = nb_document_get_report (f->document);
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(NbPrintLayout) layout = nb_print_layout_new (report, NB_PAGE_A4_WIDTH, NB_PAGE_A4_HEIGHT);
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) page = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gsize length;
  guint n_pages = 0;

  /* Ctrl+P's action opens GTK's print dialog (with its preview) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  nb_test_ui_wait_until (print_dialog_shown, NULL);
  gtk_dialog_response (GTK_DIALOG (find_toplevel (g_type_from_name ("GtkPrintUnixDialog"))), GTK_RESPONSE_CANCEL);
  nb_test_ui_wait_idle ();

  nb_window_print (f->window, GTK_PRINT_OPERATION_ACTION_EXPORT, path);
  nb_test_ui_wait_until (file_is_whole_pdf, path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_regex_match_full (page, contents, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      n_pages++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n_pages, ==, nb_print_layout_get_n_pages (layout));
  g_assert_cmpuint (n_pages, >=, 3);

  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is not installed: the printed text is not checked");
      return;
    }
  {
    const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "侯寨办事处"));
    g_assert_nonnull (strstr (text, "本年新收政府信息公开申请数量"));
    /* pdftotext drops the thin spaces around the page number */
    g_assert_nonnull (strstr (text, "—1—") ? "" : strstr (text, "— 1 —"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

  g_test_add ("/nianbao/export/errors-asked-first", Fixture, "003_babb1a0d8021a832",
              fixture_set_up, test_errors_asked_first, fixture_tear_down);
  g_test_add ("/nianbao/export/clean-report-straight-to-file", Fixture, "000_773531145496868f",
              fixture_set_up, test_clean_report_goes_straight_to_file, fixture_tear_down);
  g_test_add ("/nianbao/export/writes-core-bytes", Fixture, "000_773531145496868f",
              fixture_set_up, test_export_writes_the_core_bytes, fixture_tear_down);
  g_test_add ("/nianbao/export/failure-is-told", Fixture, "000_773531145496868f",
              fixture_set_up, test_export_failure_is_told, fixture_tear_down);
  g_test_add ("/nianbao/export/print", Fixture, "003_babb1a0d8021a832",
              fixture_set_up, test_print_draws_the_pdf_pages, fixture_tear_down);
  return g_test_run ();
}
