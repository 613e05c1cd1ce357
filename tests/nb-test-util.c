/* nb-test-util.c — fixtures shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <glib/gstdio.h>

#include <gsf/gsf.h>

#include <nb-report-private.h>
#include <string.h>

const char * const nb_test_seeds[] = {
  "000_773531145496868f",
  "001_7d60a9f0c8604645",
  "002_85dfb0a95ba47af5",
  "003_babb1a0d8021a832",
  "004_f0cbcda3827e0aad",
  NULL
};

GBytes *
nb_test_load_data (const char *first_path,
                   ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer) "data");
  va_start (args, first_path);
  for (const char *p = first_path; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

char *
nb_test_seed_path (const char *stem)
{
  g_autofree char *name = g_strconcat (stem, ".txt", NULL);

  return g_test_build_filename (G_TEST_DIST, "data", "seeds", name, NULL);
}

GBytes *
nb_test_load_seed (const char *stem)
{
  g_autofree char *name = g_strconcat (stem, ".txt", NULL);

  return nb_test_load_data ("seeds", name, NULL);
}

/* Returns the expected import: { organ, year, template, cells, errors } */
JsonObject *
nb_test_load_expected (const char *stem)
{
  g_autofree char *name = g_strconcat (stem, ".json", NULL);
  g_autoptr(GBytes) bytes = nb_test_load_data ("expected", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

NbReport *
nb_test_import_seed (NbImporter *importer,
                     const char *stem)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (stem);
  g_autoptr(GError) error = NULL;
  NbReport *report;

  report = nb_importer_import_data (importer, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

NbReport *
nb_test_import_string (NbImporter *importer,
                       const char *text)
{
  g_autoptr(GError) error = NULL;
  NbReport *report;

  report = nb_importer_import_data (importer, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* A report whose every cell is 0: no rule fires on it. Nothing to undo,
 * and not modified, as a report just read. */
NbReport *
nb_test_clean_report (NbTemplate *template)
{
  NbReport *report = nb_report_new (template);

  for (guint i = 0; i < nb_report_get_n_cells (report); i++)
    nb_report_load_cell (report, i, "0", -1, 0);
  /* 五 and 六 say what the form asks, so that no rule on the text fires */
  nb_report_load_section (report, nb_template_lookup_section (template, "problems"),
                          g_strdup (NB_TEST_PROBLEMS), NULL);
  nb_report_load_section (report, nb_template_lookup_section (template, "other"),
                          g_strdup (NB_TEST_OTHER), NULL);
  nb_report_clear_history (report);
  return report;
}

void
nb_test_set (NbReport   *report,
             const char *address,
             const char *text)
{
  int cell = nb_report_lookup_cell (report, address);

  g_assert_cmpint (cell, >=, 0);
  nb_report_set_cell_text (report, cell, text);
}

NbDiagnostic *
nb_test_find_rule (GListModel *diagnostics,
                   const char *rule_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);

      if (g_str_equal (nb_diagnostic_get_rule_id (diagnostic), rule_id))
        return diagnostic;
    }
  return NULL;
}

guint
nb_test_count_rule (GListModel *diagnostics,
                    const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);

      n += g_str_equal (nb_diagnostic_get_rule_id (diagnostic), rule_id);
    }
  return n;
}

gboolean
nb_test_has_rule (GListModel *diagnostics,
                  const char *rule_id)
{
  return nb_test_count_rule (diagnostics, rule_id) > 0;
}

/* Replaces the first occurrence of @find, which must be there. */
char *
nb_test_replace (const char *text,
                 const char *find,
                 const char *replacement)
{
  const char *at = strstr (text, find);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, replacement, at + strlen (find));
}

/**
 * nb_test_import_set_up:
 * @fixture: the fixture
 * @data: unused
 *
 * Loads the default form and makes an importer for it.
 */
void
nb_test_import_set_up (NbTestImport  *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
}

/**
 * nb_test_import_tear_down:
 * @fixture: the fixture
 * @data: unused
 *
 * Checks that nothing kept the importer or the form alive.
 */
void
nb_test_import_tear_down (NbTestImport  *fixture,
                          gconstpointer  data)
{
  g_assert_finalize_object (fixture->importer);
  g_assert_finalize_object (fixture->template);
}

/* Zip archives, written with libgsf */

static void
zip_add (GsfOutfile *zip,
         const char *path,
         const char *data,
         gsize       size)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GsfOutfile *dir = g_object_ref (zip);
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      GsfOutput *child = gsf_outfile_new_child (dir, parts[i], TRUE);

      g_object_unref (dir);
      dir = GSF_OUTFILE (child);
    }
  {
    GsfOutput *member = gsf_outfile_new_child_full (dir, parts[n - 1], FALSE,
                                                    "compression-level", GSF_ZIP_DEFLATED, NULL);

    gsf_output_write (member, size, (const guint8 *) data);
    gsf_output_close (member);
    g_object_unref (member);
  }
  for (guint i = 0; i + 1 < n; i++)
    {
      GsfOutput *parent = GSF_OUTPUT (gsf_output_container (GSF_OUTPUT (dir)));

      gsf_output_close (GSF_OUTPUT (dir));
      g_object_unref (dir);
      dir = g_object_ref (GSF_OUTFILE (parent));
    }
  g_object_unref (dir);
}

/**
 * nb_test_zip:
 * @n_parts: how many parts follow
 * @...: for each part its path, its data and its size (gsize)
 *
 * Returns: (transfer full): a zip archive of the parts, deflated, as Word
 *   and Excel write them
 */
GBytes *
nb_test_zip (guint n_parts,
             ...)
{
  GsfOutput *memory = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (memory, NULL);
  GBytes *bytes;
  va_list ap;

  g_assert_nonnull (zip);
  va_start (ap, n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      const char *path = va_arg (ap, const char *);
      const char *data = va_arg (ap, const char *);
      gsize size = va_arg (ap, gsize);

      zip_add (zip, path, data, size);
    }
  va_end (ap);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                       gsf_output_size (memory));
  g_object_unref (memory);
  return bytes;
}

/* Removes @path and all below it; a path that is not there is no error */
void
nb_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_assert_true (g_remove (path) == 0 || !g_file_test (path, G_FILE_TEST_EXISTS));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      nb_test_remove_tree (child);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}
