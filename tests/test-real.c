/* test-real.c — every real report in tests/data/real (2021 form) and
 * tests/data/real-2019 (2019 form) reads as its FILE.expected.json says, and no cell holds a number its source did not
 * show unless a finding on that cell says how it got there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <nb-comparison.h>
#include <nb-organ-name.h>
#include <nb-number.h>
#include <nb-readers.h>
#include <nb-report-private.h>
#include <nb-template-private.h>
#include <nb-text-decoder.h>

#include "nb-test-util.h"

typedef struct
{
  char *folder; /* under tests/data */
  char *name;   /* the report's file name */
} RealCase;

static void
real_case_free (gpointer data)
{
  RealCase *real = data;

  g_free (real->folder);
  g_free (real->name);
  g_free (real);
}

static char *
real_path (const RealCase *real)
{
  return g_test_build_filename (G_TEST_DIST, "data", real->folder, real->name, NULL);
}

/* All text the readers make of the file, one piece per line. */
static char *
source_text (const char *data,
             gsize       size)
{
  g_autoptr(NbSource) source = NULL;
  GString *out = g_string_new (NULL);

  switch (nb_format_detect (data, size))
    {
    case NB_FORMAT_HTML:
      source = nb_html_read (data, size, NULL, NULL);
      break;
    case NB_FORMAT_ZIP:
      source = nb_office_read (data, size, NULL);
      break;
    case NB_FORMAT_PDF:
      source = nb_pdf_read (data, size, NULL, NULL);
      break;
    default:
      {
        g_auto(NbDecodedText) decoded = { 0 };

        if (nb_text_decode (data, size, &decoded, NULL))
          g_string_append_len (out, decoded.text, decoded.length);
        return g_string_free (out, FALSE);
      }
    }
  g_assert_nonnull (source);
  for (guint l = 0; l < nb_source_get_n_lines (source); l++)
    {
      const NbSourceLine *line = nb_source_get_line (source, l);

      for (guint p = 0; p < line->n_pieces; p++)
        {
          const NbSourcePiece *piece = nb_source_get_piece (source, line->first_piece + p);

          g_string_append_len (out, nb_source_get_text (source, piece), piece->length);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

/* Whether @number stands in @text on its own: not part of a longer run of
 * digits. */
static gboolean
shows_number (const char *text,
              const char *number)
{
  gsize length = strlen (number);

  for (const char *p = strstr (text, number); p != NULL; p = strstr (p + 1, number))
    {
      gboolean before = p > text && (g_ascii_isdigit (p[-1]) || p[-1] == '.');
      gboolean after = g_ascii_isdigit (p[length]) || (p[length] == '.' && g_ascii_isdigit (p[length + 1]));

      if (!before && !after)
        return TRUE;
    }
  return FALSE;
}

static gboolean
cell_has_finding (GPtrArray *diagnostics,
                  guint      cell)
{
  for (guint i = 0; i < diagnostics->len; i++)
    if (nb_diagnostic_involves_cell (g_ptr_array_index (diagnostics, i), cell))
      return TRUE;
  return FALSE;
}

static gboolean
cell_has_rule (GPtrArray  *diagnostics,
               guint       cell,
               const char *rule)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      NbDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (g_str_equal (nb_diagnostic_get_rule_id (diagnostic), rule) &&
          nb_diagnostic_involves_cell (diagnostic, cell))
        return TRUE;
    }
  return FALSE;
}

static gint64
expected_value (NbTemplate *template,
                guint       cell,
                JsonNode   *node)
{
  g_autofree char *text = NULL;
  gint64 value = -1;

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    text = g_strdup_printf ("%.6f", json_node_get_double (node));
  else
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  g_assert_cmpint (nb_number_parse (text, -1, nb_template_get_cell_kind (template, cell),
                                    NULL, &value), ==, NB_CELL_STATE_VALUE);
  return value;
}

static void
check_cells (NbReport   *report,
             JsonObject *expected,
             GPtrArray  *diagnostics,
             guint      *right,
             guint      *wrong,
             guint      *wrong_flagged,
             guint      *flagged,
             GPtrArray  *ambiguous)
{
  NbTemplate *template = nb_report_get_template (report);
  JsonNode *cells = json_object_get_member (expected, "cells");
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (JSON_NODE_HOLDS_VALUE (cells))
    {
      /* "all 200 empty": the blank template */
      g_assert_true (g_str_has_suffix (json_node_get_string (cells), "empty"));
      for (guint c = 0; c < nb_report_get_n_cells (report); c++)
        g_assert_cmpint (nb_report_get_cell_state (report, c), ==, NB_CELL_STATE_EMPTY);
      *right += nb_report_get_n_cells (report);
      return;
    }
  object = json_node_get_object (cells);
  members = json_object_get_members (object);
  for (GList *m = members; m != NULL; m = m->next)
    {
      int cell = nb_template_lookup_cell (template, m->data);

      g_assert_cmpint (cell, >=, 0);
      /* digits that ran together and that the document alone does not
       * settle (the note says which other document did): left empty,
       * with the readings listed */
      if (nb_report_get_cell_state (report, cell) == NB_CELL_STATE_EMPTY &&
          cell_has_rule (diagnostics, cell, "parse.ambiguous-digits"))
        {
          g_ptr_array_add (ambiguous, m->data);
          continue;
        }
      if (nb_report_get_cell_state (report, cell) != NB_CELL_STATE_VALUE ||
          nb_report_get_cell_value (report, cell) !=
          expected_value (template, cell, json_object_get_member (object, m->data)))
        {
          g_test_message ("%s: %s is “%s”%s", json_object_get_string_member (expected, "file"),
                          (char *) m->data, nb_report_get_cell_text (report, cell),
                          cell_has_finding (diagnostics, cell) ? " (flagged)" : "");
          /* not read right: then a finding on the cell must say so */
          if (cell_has_finding (diagnostics, cell))
            *wrong_flagged += 1;
          else
            *wrong += 1;
          continue;
        }
      *right += 1;
      *flagged += cell_has_finding (diagnostics, cell);
    }
}

/* The principle: a number in a cell stands in the source as it is, or a
 * finding on the cell says how it was read. */
static void
check_shown (NbReport   *report,
             const char *text,
             GPtrArray  *diagnostics)
{
  for (guint c = 0; c < nb_report_get_n_cells (report); c++)
    {
      const char *cell_text = nb_report_get_cell_text (report, c);
      g_autofree char *normal = NULL;

      if (nb_report_get_cell_state (report, c) != NB_CELL_STATE_VALUE)
        continue;
      normal = nb_number_normalize (cell_text, -1);
      if (shows_number (text, cell_text) || shows_number (text, normal))
        continue;
      if (!cell_has_finding (diagnostics, c))
        g_test_message ("%s = %s: not in the source, and no finding says why",
                        nb_template_get_cell_address (nb_report_get_template (report), c),
                        cell_text);
      g_assert_true (cell_has_finding (diagnostics, c));
    }
}

static void
check_errors (JsonObject *expected,
              GPtrArray  *diagnostics)
{
  JsonArray *errors = json_object_get_array_member (expected, "errors");

  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      const char *rule = json_array_get_string_element (errors, i);
      gboolean fired = FALSE;

      for (guint d = 0; d < diagnostics->len && !fired; d++)
        fired = g_str_equal (nb_diagnostic_get_rule_id (g_ptr_array_index (diagnostics, d)), rule);
      if (!fired)
        g_test_message ("%s does not fire", rule);
      g_assert_true (fired);
    }
}

/* A file that lists the cells its document leaves ambiguous is read
 * cell for cell: every other listed cell right, and exactly those left
 * empty with parse.ambiguous-digits. */
static void
check_ambiguous (JsonObject *expected,
                 GPtrArray  *ambiguous,
                 guint       wrong_flagged)
{
  JsonArray *listed = json_object_get_array_member (expected, "ambiguous");

  g_assert_cmpuint (wrong_flagged, ==, 0);
  for (guint i = 0; i < ambiguous->len; i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < json_array_get_length (listed) && !found; k++)
        found = g_str_equal (json_array_get_string_element (listed, k),
                             g_ptr_array_index (ambiguous, i));
      if (!found)
        g_test_message ("%s is left empty as ambiguous, but the file does not say so",
                        (char *) g_ptr_array_index (ambiguous, i));
      g_assert_true (found);
    }
  g_assert_cmpuint (ambiguous->len, ==, json_array_get_length (listed));
}

static void
test_real_report (gconstpointer data)
{
  const RealCase *real = data;
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autofree char *path = real_path (real);
  g_autofree char *expected_path = g_strconcat (path, ".expected.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbValidator) validator = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  JsonObject *expected;
  JsonNode *organ;
  gsize size;
  g_autoptr(GPtrArray) ambiguous = g_ptr_array_new ();
  guint right = 0, wrong = 0, wrong_flagged = 0, flagged = 0;

  g_assert_true (json_parser_load_from_file (parser, expected_path, &error));
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));

  report = nb_importer_import_file (importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  validator = nb_validator_new (report);
  diagnostics = nb_validator_dup_sorted (validator);

  /* the form is told from the tables' labels */
  if (json_object_has_member (expected, "template"))
    g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report)), ==,
                     json_object_get_string_member (expected, "template"));

  organ = json_object_get_member (expected, "organ");
  if (!JSON_NODE_HOLDS_NULL (organ))
    {
      if (!nb_organ_name_match (nb_report_get_organ (report), json_node_get_string (organ)))
        g_assert_cmpstr (nb_report_get_organ (report), ==, json_node_get_string (organ));
      g_assert_cmpint (nb_report_get_year (report), ==,
                       json_object_get_int_member (expected, "year"));
    }
  else
    {
      /* a blank form: no parse.* findings at all */
      for (guint d = 0; d < diagnostics->len; d++)
        g_assert_false (g_str_has_prefix (nb_diagnostic_get_rule_id (g_ptr_array_index (diagnostics, d)),
                                          "parse."));
    }

  check_cells (report, expected, diagnostics, &right, &wrong, &wrong_flagged, &flagged, ambiguous);
  g_test_message ("%s: %s; cells right %u (%u of them with a finding), wrong and flagged %u, "
                  "left empty as ambiguous %u, wrong without a finding %u", real->name,
                  wrong_flagged + ambiguous->len == 0 ? "read exactly" : "not read exactly",
                  right, flagged, wrong_flagged, ambiguous->len, wrong);
  /* never a wrong cell that nothing points at, and never "ok" for a
   * report that is not read right */
  g_assert_cmpuint (wrong, ==, 0);
  if (wrong_flagged > 0)
    g_assert_cmpuint (nb_validator_get_n_errors (validator), >, 0);
  if (json_object_has_member (expected, "ambiguous"))
    check_ambiguous (expected, ambiguous, wrong_flagged);
  check_errors (expected, diagnostics);

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  text = source_text (contents, size);
  check_shown (report, text, diagnostics);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every FILE.expected.json in tests/data/@folder is a case. */
static void
add_cases (GPtrArray  *cases,
           const char *folder)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (dir);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (g_str_has_suffix (name, ".expected.json"))
      g_ptr_array_add (names, g_strndup (name, strlen (name) - strlen (".expected.json")));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      RealCase *real = g_new0 (RealCase, 1);
      g_autofree char *test_path = NULL;

      real->folder = g_strdup (folder);
      real->name = g_strdup (g_ptr_array_index (names, i));
      test_path = g_strconcat ("/", folder, "/", real->name, NULL);
      g_test_add_data_func (test_path, real, test_real_report);
      g_ptr_array_add (cases, real);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (real_case_free);

  g_test_init (&argc, &argv, NULL);
  add_cases (cases, "real");
  add_cases (cases, "real-2019");
  return g_test_run ();
}
