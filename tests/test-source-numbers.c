/* test-source-numbers.c — where each number of a table stands in the
 * submitted file, and giving the numbers left over to a row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <string.h>

#define SEED "003_babb1a0d8021a832"
#define FEE_ROW "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
/* as a poor scan reads it: a third of its characters misread */
#define FEE_ROW_MISREAD "2. 申靖入逾朗末按收贵通和耍求缴纲费甩、行政扒关不冉处埋其政府信息公开申请"
#define FEE_NUMBERS "\t0\t0\t0\t0\t0\t0\t0"

typedef NbTestImport Fixture;

static int
number_of_cell (NbReport   *report,
                const char *address)
{
  guint n;
  const NbSourceNumber *numbers = nb_report_get_source_numbers (report, &n);
  int cell = nb_report_lookup_cell (report, address);
  int found = -1;

  for (guint i = 0; i < n; i++)
    if (numbers[i].cell == cell)
      {
        g_assert_cmpint (found, ==, -1);
        found = i;
      }
  return found;
}

/* The number that went to @cell; there must be one. */
static const NbSourceNumber *
number_at (NbReport *report,
           guint     cell)
{
  guint n;
  const NbSourceNumber *numbers = nb_report_get_source_numbers (report, &n);
  NbTemplate *template = nb_report_get_template (report);
  int index = number_of_cell (report, nb_template_get_cell_address (template, cell));

  g_assert_cmpint (index, >=, 0);
  return &numbers[index];
}

/* Every number of a text file's tables: used ones where their cells'
 * text stands on their line, the one left over in table 四 unused. */
static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, SEED);
  g_autoptr(GBytes) bytes = nb_test_load_seed (SEED);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  guint n, n_used = 0, n_unused = 0, n_filled = 0;
  const NbSourceNumber *numbers = nb_report_get_source_numbers (report, &n);
  const NbSourceNumber *number;

  for (guint c = 0; c < nb_report_get_n_cells (report); c++)
    n_filled += nb_report_get_cell_line (report, c) > 0;
  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[numbers[i].line - 1];

      g_assert_cmpuint (numbers[i].offset + numbers[i].length, <=, strlen (line));
      g_assert_cmpint (strncmp (line + numbers[i].offset, numbers[i].text, numbers[i].length), ==, 0);
      g_assert_cmpuint (numbers[i].page, ==, 0);
      g_assert_cmpfloat (numbers[i].y1, ==, 0);
      if (numbers[i].kind == NB_SOURCE_NUMBER_UNUSED)
        {
          n_unused++;
          g_assert_cmpint (numbers[i].cell, ==, -1);
          g_assert_cmpstr (nb_diagnostic_get_rule_id (numbers[i].problem), ==, "parse.extra-values");
          g_assert_cmpuint (numbers[i].line, ==, 88);
          continue;
        }
      n_used++;
      g_assert_cmpint (numbers[i].kind, ==, NB_SOURCE_NUMBER_USED);
      g_assert_cmpstr (numbers[i].text, ==, nb_report_get_cell_text (report, numbers[i].cell));
      g_assert_cmpuint (numbers[i].line, ==, nb_report_get_cell_line (report, numbers[i].cell));
    }
  /* every cell read, once */
  g_assert_cmpuint (n_used, ==, n_filled);
  g_assert_cmpuint (n_unused, ==, 1);

  number = &numbers[number_of_cell (report, "t3/received/natural_person")];
  g_assert_cmpuint (number->line, ==, 57);
  g_assert_cmpstr (number->text, ==, "8");
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_data ("formats", "003.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = nb_importer_import_data (fixture->importer, g_bytes_get_data (bytes, NULL),
                                                        g_bytes_get_size (bytes), &error);
  guint n;
  const NbSourceNumber *numbers;
  const NbSourceNumber *received, *total;

  g_assert_no_error (error);
  numbers = nb_report_get_source_numbers (report, &n);
  g_assert_cmpuint (n, >, 150);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (numbers[i].page, >=, 1);
      g_assert_cmpuint (numbers[i].page, <=, 4);
      g_assert_cmpfloat (numbers[i].x1, >, numbers[i].x0);
      g_assert_cmpfloat (numbers[i].y1, >, numbers[i].y0);
      /* a box the size of a few glyphs */
      g_assert_cmpfloat (numbers[i].y1 - numbers[i].y0, <, 30);
    }
  received = &numbers[number_of_cell (report, "t3/received/natural_person")];
  total = &numbers[number_of_cell (report, "t3/received/total")];
  g_assert_cmpstr (received->text, ==, "8");
  g_assert_cmpuint (received->page, ==, total->page);
  /* one row: the same height, the total to the right */
  g_assert_cmpfloat (ABS (received->y0 - total->y0), <, 2);
  g_assert_cmpfloat (total->x0, >, received->x1);
}

/* Full-width digits are read as numbers: the cell keeps them as written,
 * its value is 8, and the number is marked as read otherwise than it
 * stands. */
static void
test_changed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (SEED);
  g_autofree char *text = nb_test_replace (g_bytes_get_data (bytes, NULL),
                                           "一、本年新收政府信息公开申请数量\t\t8\t",
                                           "一、本年新收政府信息公开申请数量\t\t８\t");
  g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, text);
  guint n;
  const NbSourceNumber *numbers = nb_report_get_source_numbers (report, &n);
  const NbSourceNumber *number = &numbers[number_of_cell (report, "t3/received/natural_person")];

  g_assert_cmpstr (number->text, ==, "８");
  g_assert_cmpuint (number->length, ==, 3);
  g_assert_cmpint (number->kind, ==, NB_SOURCE_NUMBER_CHANGED);
  g_assert_cmpint (nb_report_get_cell_value (report, number->cell), ==, 8);
  g_assert_cmpint (numbers[number_of_cell (report, "t3/received/total")].kind, ==,
                   NB_SOURCE_NUMBER_USED);
}

static NbDiagnostic *
unused_problem (NbReport *report,
                guint    *count)
{
  guint n;
  const NbSourceNumber *numbers = nb_report_get_source_numbers (report, &n);

  for (guint i = 0; i < n; i++)
    if (numbers[i].kind == NB_SOURCE_NUMBER_UNUSED &&
        g_str_equal (nb_diagnostic_get_rule_id (numbers[i].problem), "parse.unknown-row"))
      {
        *count = nb_report_count_unused (report, numbers[i].problem);
        return numbers[i].problem;
      }
  return NULL;
}

/* A label with one character written otherwise (交纳 for 缴纳) is taken
 * for its row: its numbers are used where they stand, none left over. */
static void
test_fuzzy_row (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (SEED);
  g_autofree char *text = nb_test_replace (g_bytes_get_data (bytes, NULL), FEE_ROW FEE_NUMBERS,
                                           "2. 申请人逾期未按收费通知要求交纳费用、行政机关不再处理其政府信息公开申请"
                                           "\t1\t0\t0\t0\t0\t0\t1");
  g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, text);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  int first = nb_report_lookup_cell (report, "t3/other_handling.no_fee/natural_person");
  guint n;
  const NbSourceNumber *numbers = nb_report_get_source_numbers (report, &n);

  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "parse.fuzzy-row"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.unknown-row"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-row"));
  for (guint i = 0; i < 7; i++)
    {
      const NbSourceNumber *number = number_at (report, first + i);

      g_assert_cmpstr (number->text, ==, i == 0 || i == 6 ? "1" : "0");
      g_assert_cmpint (number->kind, ==, NB_SOURCE_NUMBER_USED);
      g_assert_cmpuint (number->line, ==, 78);
      g_assert_cmpstr (nb_report_get_cell_text (report, first + i), ==, number->text);
    }
  /* only 四's extra number is left over */
  for (guint i = 0; i < n; i++)
    if (numbers[i].kind == NB_SOURCE_NUMBER_UNUSED)
      g_assert_cmpuint (numbers[i].line, ==, 88);
}

/* A row whose numbers ran together ("800000 8"): each number cut from
 * the run is marked changed where its digit stands, the one that stood
 * alone as used. */
static void
test_split_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (SEED);
  g_autofree char *text = nb_test_replace (g_bytes_get_data (bytes, NULL),
                                           "一、本年新收政府信息公开申请数量\t\t8\t0\t0\t0\t0\t0\t8\t",
                                           "一、本年新收政府信息公开申请数量\t\t800000 8\t");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, text);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  int first = nb_report_lookup_cell (report, "t3/received/natural_person");
  const char *run = strstr (lines[56], "800000 8");

  g_assert_nonnull (run);
  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "parse.split-digits"));
  for (guint i = 0; i < 7; i++)
    {
      const NbSourceNumber *number = number_at (report, first + i);

      g_assert_cmpuint (number->line, ==, 57);
      /* the seventh stands after the blank */
      g_assert_cmpuint (number->offset, ==, run - lines[56] + i + (i == 6));
      g_assert_cmpuint (number->length, ==, 1);
      g_assert_cmpstr (number->text, ==, i == 0 || i == 6 ? "8" : "0");
      g_assert_cmpstr (nb_report_get_cell_text (report, first + i), ==, number->text);
      g_assert_cmpint (number->kind, ==, i < 6 ? NB_SOURCE_NUMBER_CHANGED : NB_SOURCE_NUMBER_USED);
    }
}

/* A row whose label was misread past recognition: its numbers go to the
 * missing row as one undo step, and both findings go and come back with
 * it. */
static void
test_use_numbers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = nb_test_load_seed (SEED);
  g_autofree char *text = nb_test_replace (g_bytes_get_data (bytes, NULL), FEE_ROW FEE_NUMBERS,
                                           FEE_ROW_MISREAD "\t1\t0\t0\t0\t0\t0\t1");
  g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, text);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  GListModel *model = G_LIST_MODEL (validator);
  int first = nb_report_lookup_cell (report, "t3/other_handling.no_fee/natural_person");
  NbDiagnostic *problem;
  guint count = 0;
  guint n;
  const NbSourceNumber *numbers;

  problem = unused_problem (report, &count);
  g_assert_nonnull (problem);
  g_assert_cmpuint (count, ==, 7);
  g_assert_true (nb_test_has_rule (model, "parse.unknown-row"));
  g_assert_true (nb_test_has_rule (model, "parse.missing-row"));
  g_assert_false (nb_report_get_can_undo (report));

  g_assert_cmpuint (nb_report_use_numbers (report, problem, first, 7), ==, 7);
  g_assert_cmpstr (nb_report_get_cell_text (report, first), ==, "1");
  g_assert_cmpstr (nb_report_get_cell_text (report, first + 6), ==, "1");
  g_assert_true (nb_report_get_cell_assigned (report, first));
  g_assert_cmpuint (nb_report_get_cell_line (report, first), ==, 78);
  g_assert_false (nb_test_has_rule (model, "parse.unknown-row"));
  g_assert_false (nb_test_has_rule (model, "parse.missing-row"));
  g_assert_cmpuint (nb_report_count_unused (report, problem), ==, 0);
  numbers = nb_report_get_source_numbers (report, &n);
  for (guint i = 0; i < n; i++)
    if (numbers[i].problem == problem)
      g_assert_cmpint (numbers[i].cell, >=, first);
  /* used once only */
  g_assert_cmpuint (nb_report_use_numbers (report, problem, first, 7), ==, 0);

  g_assert_true (nb_report_undo (report));
  g_assert_null (nb_report_get_cell_text (report, first));
  g_assert_false (nb_report_get_cell_assigned (report, first));
  g_assert_cmpuint (nb_report_get_cell_line (report, first), ==, 0);
  g_assert_true (nb_test_has_rule (model, "parse.unknown-row"));
  g_assert_true (nb_test_has_rule (model, "parse.missing-row"));
  g_assert_cmpuint (nb_report_count_unused (report, problem), ==, 7);
  g_assert_false (nb_report_get_can_undo (report));

  g_assert_true (nb_report_redo (report));
  g_assert_cmpstr (nb_report_get_cell_text (report, first + 6), ==, "1");
  g_assert_true (nb_report_get_cell_assigned (report, first + 6));
  g_assert_false (nb_test_has_rule (model, "parse.unknown-row"));
  g_assert_false (nb_report_get_modified (report) == FALSE);
}

/* The canonical file names the file the report came from. */
static void
test_canonical_source (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char sha[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, SEED);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NbReport) read = NULL;
  g_autoptr(GError) error = NULL;
  const char *file_sha = NULL;
  guint64 size = 0;
  /* SHA stands for a good checksum */
  static const char *const refused[][2] = {
    { "{ \"name\": \"../a.pdf\", \"size\": 1, \"sha256\": \"SHA\" }", "$.source.name" },
    { "{ \"name\": \"a.pdf\", \"size\": 1, \"sha256\": \"abc\" }", "$.source.sha256" },
    { "{ \"name\": \"a.pdf\", \"size\": -1, \"sha256\": \"SHA\" }", "$.source.size" },
    { "{ \"name\": \"a.pdf\", \"size\": 1, \"sha256\": \"SHA\", \"path\": \"/x\" }", "$.source.path" },
    { "[]", "$.source" },
  };

  /* none recorded: no key */
  bytes = nb_canonical_write (report);
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "\"source\""));
  g_clear_pointer (&bytes, g_bytes_unref);

  nb_report_set_source_file (report, "侯寨 2024.txt", 6543, sha, "/somewhere/侯寨 2024.txt");
  bytes = nb_canonical_write (report);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL),
                            "\n  \"source\": { \"name\": \"侯寨 2024.txt\", \"size\": 6543, \"sha256\": \""));
  /* never where it was */
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "somewhere"));
  read = nb_canonical_read (fixture->template, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_source_file (read, &size, &file_sha, NULL), ==, "侯寨 2024.txt");
  g_assert_cmpuint (size, ==, 6543);
  g_assert_cmpstr (file_sha, ==, sha);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *value = strstr (refused[i][0], "SHA") != NULL ?
                               nb_test_replace (refused[i][0], "SHA", sha) : g_strdup (refused[i][0]);
      g_autofree char *replacement = g_strdup_printf ("\"source\": %s", value);
      g_autofree char *text = NULL;
      g_autoptr(NbReport) bad = NULL;
      g_autoptr(GError) bad_error = NULL;
      const char *start = strstr (g_bytes_get_data (bytes, NULL), "\"source\"");
      /* the last key: no comma after it */
      g_autofree char *old = g_strndup (start, strchr (start, '}') + 1 - start);

      text = nb_test_replace (g_bytes_get_data (bytes, NULL), old, replacement);
      bad = nb_canonical_read (fixture->template, text, strlen (text), &bad_error);
      g_assert_null (bad);
      g_assert_nonnull (bad_error);
      if (!g_str_has_prefix (bad_error->message, refused[i][1]))
        g_error ("%s: %s", value, bad_error->message);
    }
}

/* An importer told that nothing will show the source reads the same
 * report and keeps none of the numbers' places. */
static void
test_without_numbers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(NbImporter) importer = g_object_new (NB_TYPE_IMPORTER, "template", fixture->template,
                                                 "keep-numbers", FALSE, NULL);
  g_autoptr(NbReport) kept = nb_test_import_seed (fixture->importer, SEED);
  g_autoptr(NbReport) report = nb_test_import_seed (importer, SEED);
  g_autoptr(GBytes) kept_json = nb_canonical_write (kept);
  g_autoptr(GBytes) json = nb_canonical_write (report);
  guint n_kept, n;

  nb_report_get_source_numbers (kept, &n_kept);
  nb_report_get_source_numbers (report, &n);
  g_assert_cmpuint (n_kept, >, 100);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (g_bytes_equal (json, kept_json));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/source-numbers/text", Fixture, NULL, nb_test_import_set_up, test_text, nb_test_import_tear_down);
  g_test_add ("/source-numbers/pdf", Fixture, NULL, nb_test_import_set_up, test_pdf, nb_test_import_tear_down);
  g_test_add ("/source-numbers/changed", Fixture, NULL, nb_test_import_set_up, test_changed, nb_test_import_tear_down);
  g_test_add ("/source-numbers/fuzzy-row", Fixture, NULL, nb_test_import_set_up, test_fuzzy_row,
              nb_test_import_tear_down);
  g_test_add ("/source-numbers/split-run", Fixture, NULL, nb_test_import_set_up, test_split_run,
              nb_test_import_tear_down);
  g_test_add ("/source-numbers/use", Fixture, NULL, nb_test_import_set_up, test_use_numbers, nb_test_import_tear_down);
  g_test_add ("/source-numbers/canonical", Fixture, NULL, nb_test_import_set_up, test_canonical_source,
              nb_test_import_tear_down);
  g_test_add ("/source-numbers/without", Fixture, NULL, nb_test_import_set_up, test_without_numbers,
              nb_test_import_tear_down);

  return g_test_run ();
}
