/* test-canonical.c — the .nianbao.json file: round trip, refusals, saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
  char       *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  fixture->dir = g_dir_make_tmp ("nianbao-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  nb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_assert_finalize_object (fixture->importer);
  g_assert_finalize_object (fixture->template);
}

static NbReport *
read_string (Fixture     *fixture,
             const char  *json,
             GError     **error)
{
  return nb_canonical_read (fixture->template, json, strlen (json), error);
}

static char *
write_string (NbReport *report)
{
  g_autoptr(GBytes) bytes = nb_canonical_write (report);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) imported = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);
      g_autoptr(NbReport) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *first = write_string (imported);
      g_autofree char *again = write_string (imported);
      g_autofree char *second = NULL;

      g_assert_cmpstr (first, ==, again);
      g_assert_true (g_str_has_suffix (first, "}\n"));
      g_assert_null (strchr (first, '\r'));

      loaded = read_string (fixture, first, &error);
      g_assert_no_error (error);
      g_assert_false (nb_report_get_modified (loaded));
      second = write_string (loaded);
      g_assert_cmpstr (first, ==, second);

      g_assert_cmpstr (nb_report_get_organ (loaded), ==, nb_report_get_organ (imported));
      g_assert_cmpstr (nb_report_get_section_text (loaded, "overview"), ==,
                       nb_report_get_section_text (imported, "overview"));
      for (guint c = 0; c < nb_report_get_n_cells (loaded); c++)
        {
          g_assert_cmpint (nb_report_get_cell_state (loaded, c), ==, nb_report_get_cell_state (imported, c));
          g_assert_cmpint (nb_report_get_cell_value (loaded, c), ==, nb_report_get_cell_value (imported, c));
        }
    }
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "000_773531145496868f");
  g_autofree char *text = write_string (report);

  g_assert_true (g_str_has_prefix (text,
    "{\n"
    "  \"format\": \"nianbao-report\",\n"
    "  \"version\": 1,\n"
    "  \"template\": \"2021\",\n"
    "  \"organ\": \"偃师区伊洛街道办事处\",\n"
    "  \"year\": 2024,\n"
    "  \"title\": \"偃师区伊洛街道办事处 2024 年政府信息公开工作年度报告\",\n"
    "  \"sections\": [\n"
    "    { \"id\": \"overview\", \"heading\": \"一、总体情况\", \"text\": \"本报告依据"));
  g_assert_nonnull (strstr (text,
    "  \"tables\": {\n"
    "    \"t2\": {\n"
    "      \"regulations\": { \"issued\": 0, \"repealed\": 0, \"in_force\": 0 },\n"));
  g_assert_true (g_str_has_suffix (text,
    "      \"litigation_after_review\": { \"upheld\": 0, \"corrected\": 0, \"other\": 0, \"pending\": 0, \"total\": 0 }\n"
    "    }\n"
    "  }\n"
    "}\n"));
}

static void
test_cell_values (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_report_new (fixture->template);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  nb_test_set (report, "t2/fees/amount", "12.50");
  nb_test_set (report, "t2/licensing/decisions", "8起");
  nb_test_set (report, "t2/punishment/decisions", "—");
  nb_test_set (report, "t2/coercion/decisions", "７");
  nb_test_set (report, "t3/received/total", "\"quoted\"\n\\");
  text = write_string (report);

  g_assert_nonnull (strstr (text, "\"fees\": { \"amount\": 12.5 }"));
  g_assert_nonnull (strstr (text, "\"licensing\": { \"decisions\": \"8起\" }"));
  g_assert_nonnull (strstr (text, "\"punishment\": { \"decisions\": \"—\" }"));
  g_assert_nonnull (strstr (text, "\"coercion\": { \"decisions\": 7 }"));
  g_assert_nonnull (strstr (text, "\"regulations\": { \"issued\": null, \"repealed\": null, \"in_force\": null }"));
  g_assert_nonnull (strstr (text, "\"total\": \"\\\"quoted\\\"\\n\\\\\""));
  g_assert_nonnull (strstr (text, "\"year\": null"));

  loaded = read_string (fixture, text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_cell_text (loaded, nb_report_lookup_cell (loaded, "t2/licensing/decisions")), ==, "8起");
  g_assert_cmpint (nb_report_get_cell_value (loaded, nb_report_lookup_cell (loaded, "t2/fees/amount")), ==, 12500000);
  again = write_string (loaded);
  g_assert_cmpstr (text, ==, again);
}

static void
test_amounts (Fixture       *fixture,
              gconstpointer  data)
{
  static const char *amounts[] = { "0", "12.5", "24252.311082", "0.000001", "999999999.999999" };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autoptr(NbReport) report = nb_report_new (fixture->template);
      g_autoptr(NbReport) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("\"fees\": { \"amount\": %s }", amounts[i]);
      g_autofree char *text = NULL;
      g_autofree char *again = NULL;

      nb_test_set (report, "t2/fees/amount", amounts[i]);
      text = write_string (report);
      g_assert_nonnull (strstr (text, expected));
      loaded = read_string (fixture, text, &error);
      g_assert_no_error (error);
      again = write_string (loaded);
      g_assert_cmpstr (text, ==, again);
    }
}

static void
test_extensions (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "001_7d60a9f0c8604645");
  g_autofree char *text = write_string (report);
  g_autofree char *with = NULL;
  g_autofree char *written = NULL;
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;

  with = nb_test_replace (text, "\n  }\n}\n",
                          "\n  },\n  \"extensions\": {\n    \"org.example\": {\n      \"reviewed\": true,\n"
                          "      \"by\": [\n        \"张三\",\n        null\n      ],\n      \"n\": 3\n    }\n  }\n}\n");
  loaded = read_string (fixture, with, &error);
  g_assert_no_error (error);
  written = write_string (loaded);
  g_assert_cmpstr (written, ==, with);
}

typedef struct
{
  const char *find;
  const char *replacement;
  const char *message;
  NbError     code;
} Refusal;

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  static const Refusal refusals[] = {
    { "\"version\": 1,", "\"version\": 1, \"colour\": \"red\",", "$.colour: unknown key", NB_ERROR_INVALID },
    { "\"issued\": 0, \"repealed\"", "\"issued\": 0, \"extra\": 1, \"repealed\"", "$.tables.t2.regulations.extra: unknown key", NB_ERROR_INVALID },
    { "\"t4\": {", "\"t9\": {}, \"t4\": {", "$.tables.t9: unknown key", NB_ERROR_INVALID },
    { "\"year\": 2024", "\"year\": \"2024\"", "$.year", NB_ERROR_INVALID },
    { "\"total\": 0 }\n    },\n    \"t4\"", "\"total\": 1.5 }\n    },\n    \"t4\"", "$.tables.t3.carried_forward.total: expected a whole number", NB_ERROR_INVALID },
    { "\"issued\": 0,", "\"issued\": -3,", "$.tables.t2.regulations.issued", NB_ERROR_INVALID },
    { "\"issued\": 0,", "\"issued\": [0],", "$.tables.t2.regulations.issued", NB_ERROR_INVALID },
    { "\"issued\": 0, ", "", "$.tables.t2.regulations.issued: missing", NB_ERROR_INVALID },
    { "\"version\": 1,", "\"version\": 2, \"newkey\": 1,", "$.version", NB_ERROR_NEWER_VERSION },
    { "\"format\": \"nianbao-report\"", "\"format\": \"other\"", "$.format", NB_ERROR_INVALID },
    { "\"template\": \"2021\"", "\"template\": \"2017\"", "$.template", NB_ERROR_INVALID },
    { "{ \"id\": \"problems\"", "{ \"id\": \"active\"", "$.sections[1].id", NB_ERROR_INVALID },
    { "\"amount\": 0", "\"amount\": 1.1234567", "$.tables.t2.fees.amount", NB_ERROR_INVALID },
  };
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "000_773531145496868f");
  g_autofree char *text = write_string (report);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *broken = nb_test_replace (text, refusals[i].find, refusals[i].replacement);
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) loaded = read_string (fixture, broken, &error);

      g_test_message ("refusal %u: %s", i, refusals[i].message);
      g_assert_null (loaded);
      g_assert_error (error, NB_ERROR, (int) refusals[i].code);
      g_assert_true (g_str_has_prefix (error->message, refusals[i].message));
    }
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "000_773531145496868f");
  g_autofree char *text = write_string (report);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) loaded = NULL;

  text[strlen (text) / 2] = '\0';
  loaded = nb_canonical_read (fixture->template, text, strlen (text), &error);
  g_assert_null (loaded);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
  /* the place: a line number */
  g_assert_true (g_str_has_prefix (error->message, "Broken JSON at line "));
  g_assert_true (g_ascii_isdigit (error->message[strlen ("Broken JSON at line ")]));
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "002_85dfb0a95ba47af5");
  g_autofree char *path = path_in (fixture, "a.nianbao.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = nb_canonical_write (report);
  g_autofree char *contents = NULL;
  gsize length;

  nb_test_set (report, "t3/received/total", "3");
  g_assert_true (nb_report_get_modified (report));
  g_bytes_unref (expected);
  expected = nb_canonical_write (report);

  g_assert_true (nb_canonical_save (report, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (nb_report_get_modified (report));
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* A save that fails half-way (the disk is full) keeps the old file. */
static void
test_failed_save_keeps_old (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "003_babb1a0d8021a832");
  g_autofree char *path = path_in (fixture, "b.nianbao.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  struct rlimit saved, small;
  guint n_files = 0;
  gboolean saved_ok;

  g_file_set_contents (path, "old contents", -1, &error);
  g_assert_no_error (error);
  nb_test_set (report, "t3/received/total", "4");

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &saved);
  small = saved;
  small.rlim_cur = 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  saved_ok = nb_canonical_save (report, file, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);

  g_assert_false (saved_ok);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "b.nianbao.json"));
  g_assert_true (nb_report_get_modified (report));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old contents");

  /* and leaves no temporary file behind */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_save_to_missing_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_report_new (fixture->template);
  g_autofree char *path = path_in (fixture, "no-such-folder/c.nianbao.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (nb_canonical_save (report, file, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "c.nianbao.json"));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_canonical_save_finish (NB_REPORT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "004_f0cbcda3827e0aad");
  g_autofree char *path = path_in (fixture, "d.nianbao.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  nb_report_set_title (report, "新标题");
  nb_canonical_save_async (report, file, NULL, saved_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (nb_report_get_modified (report));

  loaded = nb_importer_import_file (fixture->importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_title (loaded), ==, "新标题");
}

/* Edits made while the file is written are not in it: the report stays
 * modified, and is not once they are undone. */
static void
test_save_async_edited (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, "004_f0cbcda3827e0aad");
  g_autofree char *path = path_in (fixture, "e.nianbao.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NbReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  nb_report_set_title (report, "新标题");
  nb_canonical_save_async (report, file, NULL, saved_cb, &done);
  nb_report_set_organ (report, "新机关");
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (nb_report_get_modified (report));
  g_assert_true (nb_report_undo (report));
  g_assert_false (nb_report_get_modified (report));

  loaded = nb_importer_import_file (fixture->importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_title (loaded), ==, "新标题");
  g_assert_cmpstr (nb_report_get_organ (loaded), ==, nb_report_get_organ (report));

  /* a key typed into the title meanwhile: the state saved is gone */
  nb_report_set_title (report, "甲");
  done = FALSE;
  nb_canonical_save_async (report, file, NULL, saved_cb, &done);
  nb_report_set_title (report, "甲乙");
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (nb_report_get_modified (report));
  g_assert_true (nb_report_undo (report));
  g_assert_cmpstr (nb_report_get_title (report), ==, "新标题");
  g_assert_true (nb_report_get_modified (report));
}

/* Every byte JSON must escape, escaped as before the writer copied runs
 * of plain text at once; everything else, multi-byte text included,
 * copied as it is. */
static void
test_escapes (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct { const char *text; const char *json; } cases[] = {
    { "", "\"\"" },
    { "年报", "\"年报\"" },
    { "a\"b\\c", "\"a\\\"b\\\\c\"" },
    { "\n\r\t", "\"\\n\\r\\t\"" },
    { "\x01x\x1f\x7f", "\"\\u0001x\\u001f\\u007f\"" },
    { "“引号”\b\f", "\"“引号”\\u0008\\u000c\"" },
    { "\"", "\"\\\"\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();

      nb_canonical_append_string (out, cases[i].text);
      g_assert_cmpstr (out->str, ==, cases[i].json);
      g_assert_true (json_parser_load_from_data (parser, out->str, -1, NULL));
      g_assert_cmpstr (json_node_get_string (json_parser_get_root (parser)), ==, cases[i].text);
    }
}

/* One frame serves every report of its form, in either layout, and a
 * report of another form gets what nb_canonical_append() writes. */
static void
test_frame (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(NbTemplate) form_2019 = nb_template_new_for_id ("2019", NULL);
  g_autoptr(NbReport) blank = nb_report_new (fixture->template);
  g_autoptr(NbReport) filled = nb_report_new (fixture->template);
  g_autoptr(NbReport) other = nb_report_new (form_2019);
  NbReport *reports[] = { blank, filled, other, filled };

  nb_test_set (filled, "t2/fees/amount", "12.50");
  nb_test_set (filled, "t2/punishment/decisions", "—");
  nb_test_set (filled, "t3/received/total", "\"quoted\"\n\\");
  nb_report_set_section_text (filled, "overview",
                              "第一行\n“第二行”\t\"引号\"");
  nb_report_set_organ (filled, "某\"局\"");

  for (guint pretty = 0; pretty <= 1; pretty++)
    {
      g_autoptr(NbCanonicalFrame) frame = nb_canonical_frame_new (fixture->template, pretty);

      for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
        {
          g_autoptr(GString) plain = g_string_new (NULL);
          g_autoptr(GString) framed = g_string_new ("before ");
          g_autoptr(NbReport) loaded = NULL;
          g_autoptr(GError) error = NULL;

          nb_canonical_append (plain, reports[i], pretty);
          nb_canonical_append_framed (framed, reports[i], frame);
          g_assert_true (g_str_has_prefix (framed->str, "before "));
          g_assert_cmpstr (framed->str + strlen ("before "), ==, plain->str);

          loaded = nb_canonical_read (nb_report_get_template (reports[i]), plain->str, plain->len, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (nb_report_get_organ (loaded), ==, nb_report_get_organ (reports[i]));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/nianbao/canonical/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("layout", test_layout);
  ADD ("cell-values", test_cell_values);
  ADD ("amounts", test_amounts);
  ADD ("escapes", test_escapes);
  ADD ("frame", test_frame);
  ADD ("extensions", test_extensions);
  ADD ("refusals", test_refusals);
  ADD ("truncated", test_truncated);
  ADD ("save", test_save);
  ADD ("failed-save-keeps-old", test_failed_save_keeps_old);
  ADD ("save-to-missing-folder", test_save_to_missing_folder);
  ADD ("save-async", test_save_async);
  ADD ("save-async-edited", test_save_async_edited);
#undef ADD

  return g_test_run ();
}
