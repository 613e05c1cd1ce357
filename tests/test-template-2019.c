/* test-template-2019.c — reports on the 2019 form: chosen, read, kept
 * and written on their own template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <string.h>

#include <glib/gstdio.h>

#include <nb-comparison.h>
#include <nb-draft.h>
#include <nb-export.h>
#include <nb-paste.h>
#include <nb-text-writer.h>
#include <nb-number.h>
#include <nb-source.h>
#include <nb-template-choice.h>
#include <nb-text-decoder.h>

typedef NbTestImport Fixture;

static char *
real_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "real-2019", name, NULL);
}

static NbReport *
import_path (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NbReport *report = nb_importer_import_file (fixture->importer, file, NULL, &error);

  g_assert_no_error (error);
  return report;
}

/* The copy of a real report with its lines: FILE.page.txt → FILE.lines.txt */
static NbReport *
import_real (Fixture    *fixture,
             const char *page)
{
  g_autofree char *stem = g_strndup (page, strlen (page) - strlen (".page.txt"));
  g_autofree char *name = g_strconcat (stem, ".lines.txt", NULL);
  g_autofree char *path = real_path (name);

  return import_path (fixture, path);
}

static GPtrArray *
expected_files (void)
{
  g_autofree char *dir_path = real_path ("");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".expected.json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

static JsonObject *
load_expected (const char *name)
{
  g_autofree char *path = real_path (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Every cell has its expected value: counts, signed changes, amounts. */
static void
assert_cells (NbReport   *report,
              JsonObject *cells)
{
  NbTemplate *template = nb_report_get_template (report);
  g_autoptr(GList) members = json_object_get_members (cells);

  g_assert_cmpuint (g_list_length (members), ==, nb_report_get_n_cells (report));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (cells, l->data);
      int cell = nb_report_lookup_cell (report, l->data);
      gint64 expected;

      g_assert_cmpint (cell, >=, 0);
      if (nb_template_get_cell_kind (template, cell) == NB_CELL_KIND_AMOUNT)
        expected = (gint64) (json_node_get_double (node) * NB_AMOUNT_SCALE + 0.5);
      else
        expected = json_node_get_int (node);
      if (nb_report_get_cell_state (report, cell) != NB_CELL_STATE_VALUE ||
          nb_report_get_cell_value (report, cell) != expected)
        g_error ("%s: expected %" G_GINT64_FORMAT ", got “%s”", (char *) l->data, expected,
                 nb_report_get_cell_text (report, cell));
    }
}

static void
assert_errors (NbReport  *report,
               JsonArray *expected)
{
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  GListModel *model = G_LIST_MODEL (validator);
  guint n_errors = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (model, i);

      if (nb_diagnostic_get_severity (diagnostic) == NB_SEVERITY_ERROR)
        n_errors++;
    }
  for (guint e = 0; e < json_array_get_length (expected); e++)
    g_assert_true (nb_test_has_rule (model, json_array_get_string_element (expected, e)));
  /* each expected rule here breaks in as many places as it is listed */
  g_assert_cmpuint (n_errors, >=, json_array_get_length (expected));
  if (json_array_get_length (expected) == 0)
    g_assert_cmpuint (n_errors, ==, 0);
}

/* Reading */

/* Nothing odd was read, but units written in cells, which are noted. */
static void
assert_only_units_noted (NbReport *report)
{
  GPtrArray *found = nb_report_get_import_diagnostics (report);

  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (nb_diagnostic_get_rule_id (g_ptr_array_index (found, i)), ==, "parse.unit");
}

static void
test_units_noted (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NbReport) report = import_real (fixture, "pingtan-czj-2020.page.txt");
  GPtrArray *found = nb_report_get_import_diagnostics (report);
  NbDiagnostic *amount;

  g_assert_cmpuint (found->len, ==, 2);
  amount = g_ptr_array_index (found, 1);
  g_assert_cmpint (nb_diagnostic_get_severity (amount), ==, NB_SEVERITY_INFO);
  g_assert_cmpstr (nb_diagnostic_get_message (amount), ==,
                   "采购总金额 政府集中采购: “984361元” was read as the number 984361, in 元");
  g_assert_cmpstr (nb_diagnostic_get_cells (amount)[0], ==, "t2/procurement/amount");
  g_assert_cmpstr (nb_diagnostic_get_cells (g_ptr_array_index (found, 0))[0], ==, "t2/procurement/items");
}

/* The real reports, each read on the template its tables belong to, by an
 * importer made for the 2021 form: every cell exactly as published. */
static void
test_real_reports (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) names = expected_files ();

  g_assert_cmpuint (names->len, >=, 5);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(JsonObject) expected = load_expected (g_ptr_array_index (names, i));
      const char *file = json_object_get_string_member (expected, "file");
      g_autoptr(NbReport) report = import_real (fixture, file);

      g_test_message ("%s", file);
      g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report)), ==,
                       json_object_get_string_member (expected, "template"));
      g_assert_cmpuint (nb_report_get_year (report), ==, json_object_get_int_member (expected, "year"));
      assert_only_units_noted (report);
      assert_cells (report, json_object_get_object_member (expected, "cells"));
      assert_errors (report, json_object_get_array_member (expected, "errors"));
    }
}

/* The published page text, whose cells run together, still names its
 * form: the choice is made from the headers, not from lines or years. */
static void
test_choice_of_page_text (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) names = expected_files ();
  g_autoptr(NbTemplate) form_2019 = nb_template_new_for_id ("2019", NULL);
  NbTemplate *templates[] = { fixture->template, form_2019 };
  NbTemplateChoice *choice = nb_template_choice_new (templates, G_N_ELEMENTS (templates));

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(JsonObject) expected = load_expected (g_ptr_array_index (names, i));
      g_autofree char *path = real_path (json_object_get_string_member (expected, "file"));
      g_autofree char *text = NULL;
      g_autoptr(NbSource) source = NULL;
      NbTemplateChoiceResult result;
      gsize length;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      source = nb_source_new_for_text (g_steal_pointer (&text), length);
      nb_template_choice_pick (choice, source, &result);
      g_assert_cmpint (result.chosen, ==, 1);
      g_assert_cmpint (result.other, ==, -1);
      g_assert_true (result.has_tables);
    }
  nb_template_choice_free (choice);
}

/* Text that is not valid UTF-8, cut inside a character: read, not
 * overrun (the sanitizer build checks). */
static void
test_choice_of_broken_text (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char broken[] = "本年新制作数量\xe6\x9c\n采购总金额\xf0\x9f\xe4";
  g_autoptr(NbTemplate) form_2019 = nb_template_new_for_id ("2019", NULL);
  NbTemplate *templates[] = { fixture->template, form_2019 };
  NbTemplateChoice *choice = nb_template_choice_new (templates, G_N_ELEMENTS (templates));
  g_autoptr(NbSource) source = nb_source_new_for_text (g_memdup2 (broken, sizeof broken),
                                                       sizeof broken - 1);
  NbTemplateChoiceResult result;

  nb_template_choice_pick (choice, source, &result);
  g_assert_cmpint (result.chosen, ==, 1);
  nb_template_choice_free (choice);
}

/* Which template the text @text is chosen for, among the 2021 and 2019
 * forms. */
/* The choice among the 2021 and 2019 forms made of @text, with @words
 * (or none) looked for in the same pass */
static NbTemplateChoiceResult
pick_text (Fixture            *fixture,
           const char * const *words,
           const char         *text)
{
  g_autoptr(NbTemplate) form_2019 = nb_template_new_for_id ("2019", NULL);
  NbTemplate *templates[] = { fixture->template, form_2019 };
  NbTemplateChoice *choice = nb_template_choice_new_full (templates, G_N_ELEMENTS (templates), words);
  g_autoptr(NbSource) source = nb_source_new_for_text (g_strdup (text), strlen (text));
  NbTemplateChoiceResult result;

  nb_template_choice_pick (choice, source, &result);
  nb_template_choice_free (choice);
  return result;
}

static int
choice_of_text (Fixture    *fixture,
                const char *text)
{
  return pick_text (fixture, NULL, text).chosen;
}

/* The text is folded as a label is: blanks, ASCII and CJK punctuation and
 * line ends fall out of a marker, full-width letters are ASCII letters,
 * lowered, and keep two parts of a marker apart as ASCII letters do. */
static void
test_choice_folds_text (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_cmpint (choice_of_text (fixture, "采 购\t项目，数量"), ==, 1);
  g_assert_cmpint (choice_of_text (fixture, "本年　新制作\r\n“数量”"), ==, 1);
  g_assert_cmpint (choice_of_text (fixture, "第二十条第（九）项"), ==, 1);
  g_assert_cmpint (choice_of_text (fixture, "第二十条第(九)项—"), ==, 1);
  g_assert_cmpint (choice_of_text (fixture, "采购ＡＢ总金额"), ==, -1);
  g_assert_cmpint (choice_of_text (fixture, "采购AB总金额"), ==, -1);
  g_assert_cmpint (choice_of_text (fixture, "采购é总金额"), ==, -1);
  g_assert_cmpint (choice_of_text (fixture, "本年制发件数"), ==, 0);
  /* a character cut at a line's end is dropped, not read into the next */
  g_assert_cmpint (choice_of_text (fixture, "采购\xe9\x87\n总金额"), ==, 1);
}

/* Whether the text @text holds any of @words, as the choice among the
 * 2021 and 2019 forms finds them in its pass. */
static gboolean
has_words (Fixture            *fixture,
           const char * const *words,
           const char         *text)
{
  return pick_text (fixture, words, text).has_words;
}

/* Words besides the forms' markers are found in the same pass, in the
 * text folded (blanks and punctuation out, letters lowered), shorter
 * than the markers as they may be; the form is chosen as without them. */
static void
test_choice_words (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *const words[] = { "版权所有", "icp备", NULL };

  g_assert_true (has_words (fixture, words, "本年新制作数量\n闽ICP备12345678号"));
  g_assert_true (has_words (fixture, words, "版权 所有：某县"));
  g_assert_false (has_words (fixture, words, "本年新制作数量\n版权\n"));
  g_assert_true (has_words (fixture, words, "ICP 备"));
  g_assert_false (has_words (fixture, words, "ICPX备"));
  g_assert_true (has_words (fixture, NULL, "本年新制作数量"));
  g_assert_cmpint (choice_of_text (fixture, "本年新制作数量 ICP备"), ==, 1);
}

/* The 2021 reports stay on the 2021 form, with nothing said about it. */
static void
test_2021_stays (Fixture       *fixture,
                 gconstpointer  data)
{
  for (guint i = 0; nb_test_seeds[i] != NULL; i++)
    {
      g_autoptr(NbReport) report = nb_test_import_seed (fixture->importer, nb_test_seeds[i]);
      GPtrArray *found = nb_report_get_import_diagnostics (report);

      g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report)), ==, "2021");
      for (guint d = 0; d < found->len; d++)
        g_assert_cmpstr (nb_diagnostic_get_rule_id (g_ptr_array_index (found, d)), !=,
                         "struct.template-version");
    }
}

static char *
real_text (const char *name)
{
  g_autofree char *path = real_path (name);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* A 2019 table 二 with the three （六） rows of 2021 in table 三: read on
 * the form most of the headers belong to, and said to mix both. */
static void
test_mixed_forms (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = real_text ("pingtan-czj-2020.lines.txt");
  g_autofree char *mixed = nb_test_replace (text, "（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n",
                                            "（六）其他处理\n"
                                            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n"
                                            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n"
                                            "3.其他\t0\t0\t0\t0\t0\t0\t0\n");
  g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, mixed);
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  NbDiagnostic *found = nb_test_find_rule (G_LIST_MODEL (validator), "struct.template-version");

  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report)), ==, "2019");
  g_assert_nonnull (found);
  g_assert_cmpint (nb_diagnostic_get_severity (found), ==, NB_SEVERITY_WARNING);
  g_assert_nonnull (strstr (nb_diagnostic_get_message (found), "2019"));
  g_assert_nonnull (strstr (nb_diagnostic_get_message (found), "申请人无正当理由逾期不补正"));
}

/* A report of 2018 has no statutory tables: refused, and told why. */
static void
test_pre_2019_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const reports[] = {
    /* headings of its own, none of the form's */
    "某县人民政府2018年政府信息公开工作年度报告\n"
    "一、概述\n2018年，我县认真贯彻落实《条例》。\n"
    "二、主动公开政府信息情况\n全年主动公开政府信息1200条，其中规范性文件12件。\n"
    "三、依申请公开政府信息情况\n全年共受理政府信息公开申请15件，均已按时答复。\n",
    /* not even the heading of table 二 */
    "某县人民政府2017年政府信息公开工作年度报告\n"
    "（一）概述\n全年主动公开政府信息800条。\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NbReport) report = nb_importer_import_text (fixture->importer, reports[i],
                                                            strlen (reports[i]), &error);

      g_assert_null (report);
      g_assert_error (error, NB_ERROR, NB_ERROR_NOT_A_REPORT);
      g_assert_nonnull (strstr (error->message, "before 2019"));
      g_assert_null (strstr (error->message, "section headings"));
    }

  /* a later report whose tables did not come through is opened */
  {
    const char *later = "某县人民政府2022年政府信息公开工作年度报告\n"
                        "一、总体情况\n全年主动公开政府信息800条。\n"
                        "二、主动公开政府信息情况\n（表格为图片）\n";
    g_autoptr(NbReport) report = nb_test_import_string (fixture->importer, later);

    g_assert_cmpuint (nb_report_get_year (report), ==, 2022);
  }
}

/* Cells */

static void
test_change_and_units (void)
{
  static const char * const units[] = { "元", NULL };
  static const struct
  {
    const char  *text;
    NbCellKind   kind;
    NbCellState  state;
    gint64       value;
  } cases[] = {
    { "-18", NB_CELL_KIND_CHANGE, NB_CELL_STATE_VALUE, -18 },
    { "+3", NB_CELL_KIND_CHANGE, NB_CELL_STATE_VALUE, 3 },
    { "－５", NB_CELL_KIND_CHANGE, NB_CELL_STATE_VALUE, -5 },
    { "\xe2\x88\x92" "2", NB_CELL_KIND_CHANGE, NB_CELL_STATE_VALUE, -2 },
    { "0", NB_CELL_KIND_CHANGE, NB_CELL_STATE_VALUE, 0 },
    { "+", NB_CELL_KIND_CHANGE, NB_CELL_STATE_INVALID, 0 },
    { "-1.5", NB_CELL_KIND_CHANGE, NB_CELL_STATE_INVALID, 0 },
    { "-18", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
    { "75394432.52元", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_VALUE, G_GINT64_CONSTANT (75394432520000) },
    { "12万元", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_INVALID, 0 },
    { "元", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_INVALID, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 value = 0;
      NbCellState state = nb_number_parse_with_unit (cases[i].text, -1, cases[i].kind, NULL,
                                                     units, &value, NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (state, ==, cases[i].state);
      if (state == NB_CELL_STATE_VALUE)
        g_assert_cmpint (value, ==, cases[i].value);
    }
  g_assert_cmpint (nb_number_parse ("-", -1, NB_CELL_KIND_CHANGE, (const char *[]) { "-", NULL },
                                    &(gint64) { 0 }),
                   ==, NB_CELL_STATE_MARK);
}

/* The canonical file names the form and keeps signed changes; it reads
 * back onto the 2019 form even through an importer of the 2021 one. */
static void
test_canonical (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NbReport) report = import_real (fixture, "pingtan-2020.page.txt");
  g_autoptr(GBytes) bytes = nb_canonical_write (report);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(NbReport) back = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (text, "\"template\": \"2019\""));
  g_assert_nonnull (strstr (text, "\"change\": -18"));
  g_assert_nonnull (strstr (text, "\"amount\": 73802895.9"));
  back = nb_importer_import_data (fixture->importer, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (back)), ==, "2019");
  again = nb_canonical_write (back);
  g_assert_true (g_bytes_equal (bytes, again));

  /* a form this program does not carry is still refused */
  {
    g_autofree char *other = nb_test_replace (text, "\"template\": \"2019\"", "\"template\": \"../2021\"");
    g_autoptr(GError) refused = NULL;
    g_autoptr(NbReport) none = nb_importer_import_data (fixture->importer, other, strlen (other),
                                                        &refused);

    g_assert_null (none);
    g_assert_error (refused, NB_ERROR, NB_ERROR_INVALID);
  }
}

/* Export */

static void
test_export_round_trips (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(NbReport) report = import_real (fixture, "pingtan-2020.page.txt");

  for (NbExportFormat format = 0; format < NB_EXPORT_N_FORMATS; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = nb_export (report, format, &error);
      g_autoptr(NbReport) back = NULL;

      g_test_message ("format %s", nb_export_format_get_extension (format));
      g_assert_no_error (error);
      back = nb_importer_import_data (fixture->importer, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (nb_template_get_id (nb_report_get_template (back)), ==, "2019");
      for (guint c = 0; c < nb_report_get_n_cells (report); c++)
        {
          if (nb_report_get_cell_state (back, c) != NB_CELL_STATE_VALUE ||
              nb_report_get_cell_value (back, c) != nb_report_get_cell_value (report, c))
            g_error ("%s: “%s” came back as “%s”", nb_template_get_cell_address (fixture->template, c),
                     nb_report_get_cell_text (report, c), nb_report_get_cell_text (back, c));
        }
      g_assert_cmpuint (nb_report_get_year (back), ==, 2020);
    }
}

/* The text export lays the tables out as the 2019 form does. */
static void
test_export_layout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbReport) report = import_real (fixture, "pingtan-2020.page.txt");
  g_autoptr(GBytes) bytes = nb_export (report, NB_EXPORT_FORMAT_TXT, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text, "\n第二十条第（一）项\n"
                                  "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
                                  "规章\t0\t0\t7\n"
                                  "规范性文件\t77\t77\t166\n"));
  g_assert_nonnull (strstr (text, "\n行政处罚\t2648\t-18\t538\n"));
  g_assert_nonnull (strstr (text, "\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n"
                                  "政府集中采购\t395\t73802895.9\n"));
  g_assert_nonnull (strstr (text, "\t（六）其他处理\t\t4\t0\t0\t0\t0\t0\t4\n"));
  g_assert_null (strstr (text, "申请人无正当理由"));
}

/* Paste and drafts */

static guint
table_index (NbTemplate *template,
             const char *id)
{
  guint index = 0;

  g_assert_true (g_ptr_array_find (nb_template_get_tables (template),
                                   nb_template_lookup_table (template, id), &index));
  return index;
}

/* Table 二 copied as text out of one 2019 report fills another's. */
static void
test_paste (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(NbReport) report = import_real (fixture, "pingtan-2020.page.txt");
  NbTemplate *form = nb_report_get_template (report);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(NbPasteBlock) block = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) texts = NULL;
  NbTemplateTable *table = nb_template_lookup_table (form, "t2");

  nb_text_writer_append_table (text, report, table_index (form, "t2"));
  block = nb_paste_block_new_from_text (text->str, text->len, &error);
  g_assert_no_error (error);
  texts = nb_paste_block_match_table (block, form, table_index (form, "t2"));
  g_assert_nonnull (texts);
  g_assert_cmpuint (g_strv_length (texts), ==, table->n_cells);
  for (guint i = 0; i < table->n_cells; i++)
    {
      gint64 value;

      nb_number_parse (texts[i], -1, nb_template_get_cell_kind (form, table->first_cell + i), NULL,
                       &value);
      g_assert_cmpint (value, ==, nb_report_get_cell_value (report, table->first_cell + i));
    }
  g_assert_cmpstr (texts[nb_template_lookup_cell (form, "t2/punishment/change") - table->first_cell],
                   ==, "-18");
}

/* A draft of a 2019 report comes back on the 2019 form. */
static void
test_draft (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(NbReport) report = import_real (fixture, "pingtan-2020.page.txt");
  g_autoptr(NbDocument) document = nb_document_new (report, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nianbao-2019-XXXXXX", &error);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(NbDocument) restored = NULL;
  NbReport *back;
  NbDraftInfo *info;

  g_assert_no_error (error);
  nb_test_set (report, "t2/fees/change", "+2");
  bytes = nb_draft_serialize (document);
  g_assert_true (nb_draft_write_bytes (dir, "draft2019", bytes, &error));
  g_assert_no_error (error);
  drafts = nb_draft_list (dir, FALSE);
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  restored = nb_draft_restore (fixture->importer, info, &error);
  g_assert_no_error (error);
  back = nb_document_get_report (restored);
  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (back)), ==, "2019");
  g_assert_cmpint (nb_report_get_cell_value (back, nb_report_lookup_cell (back, "t2/fees/change")), ==, 2);
  g_assert_cmpint (nb_report_get_cell_value (back, nb_report_lookup_cell (back, "t2/punishment/change")), ==, -18);
  g_assert_true (nb_draft_remove (dir, "draft2019"));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Comparison across the forms */

static int
address (NbTemplate *template,
         const char *text)
{
  int cell = nb_template_lookup_cell (template, text);

  g_assert_cmpint (cell, >=, 0);
  return cell;
}

static void
assert_change (NbComparison *comparison,
               const char   *cell,
               NbChange      change,
               const char   *delta)
{
  int index = address (nb_comparison_get_template (comparison), cell);
  g_autofree char *text = nb_comparison_dup_delta_text (comparison, index);

  g_test_message ("%s", cell);
  g_assert_cmpint (nb_comparison_get_change (comparison, index, NULL), ==, change);
  g_assert_cmpstr (text, ==, delta);
}

static gboolean
notes_mention (GStrv       notes,
               const char *text)
{
  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (notes[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* 平潭 2020, on the 2019 form, against a 2021 report of the same organ on
 * the 2021 form: tables 三 and 四 row by row, （六） against the sum of the
 * three 2021 rows, table 二 only where both forms have the cell, the
 * carry-over checked across, year.in-force not, and the summary says so. */
static void
test_compare_across_forms (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(NbReport) older = import_real (fixture, "pingtan-2020.page.txt");
  g_autoptr(NbReport) newer = nb_test_clean_report (fixture->template);
  g_autoptr(NbComparison) comparison = NULL;
  GListModel *diagnostics;
  NbDiagnostic *carry;
  g_auto(GStrv) notes = NULL;
  g_autoptr(GBytes) csv = NULL;
  const char * const *cells;
  g_autofree char *sum = NULL;
  int review;

  nb_report_set_organ (older, "平潭综合实验区");
  nb_report_set_organ (newer, "平潭综合实验区");
  nb_report_set_year (newer, 2021);
  nb_test_set (newer, "t3/other_handling.no_correction/natural_person", "1");
  nb_test_set (newer, "t3/other_handling.other/natural_person", "3");
  nb_test_set (newer, "t3/received/natural_person", "25");
  nb_test_set (newer, "t2/licensing/decisions", "2293");
  nb_test_set (newer, "t2/regulations/in_force", "99");
  comparison = nb_comparison_new (newer, older);

  g_assert_true (nb_comparison_get_older (comparison) == older);
  g_assert_cmpstr (nb_template_get_id (nb_comparison_get_template (comparison)), ==, "2019");
  assert_change (comparison, "t3/other_processing/natural_person", NB_CHANGE_SAME, "0");
  assert_change (comparison, "t3/other_processing/total", NB_CHANGE_VALUE, "−4");
  assert_change (comparison, "t3/received/natural_person", NB_CHANGE_VALUE, "+5");
  assert_change (comparison, "t4/review/total", NB_CHANGE_SAME, "0");
  assert_change (comparison, "t2/licensing/decisions", NB_CHANGE_VALUE, "+2015");
  assert_change (comparison, "t2/regulations/made", NB_CHANGE_UNMATCHED, "");
  assert_change (comparison, "t2/regulations/total_public", NB_CHANGE_UNMATCHED, "");
  assert_change (comparison, "t2/fees/previous_items", NB_CHANGE_UNMATCHED, "");
  assert_change (comparison, "t2/procurement/amount", NB_CHANGE_UNMATCHED, "");
  sum = nb_comparison_dup_newer_text (comparison, address (nb_comparison_get_template (comparison),
                                                           "t3/other_processing/natural_person"));
  g_assert_cmpstr (sum, ==, "4");
  g_assert_cmpint (nb_comparison_get_compared_cell (comparison,
                                                    address (fixture->template, "t3/other_handling.no_fee/total")),
                   ==, address (nb_comparison_get_template (comparison), "t3/other_processing/total"));
  g_assert_cmpint (nb_comparison_get_compared_cell (comparison,
                                                    address (fixture->template, "t2/regulations/in_force")),
                   ==, -1);

  /* everything carried over: nothing between the years, and no
   * year.in-force although 现行有效件数 99 follows from nothing */
  diagnostics = nb_comparison_get_diagnostics (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (diagnostics), ==, 0);

  /* a carry-over broken across the forms names each year's own cell */
  nb_test_set (newer, "t3/carried_over/natural_person", "2");
  carry = nb_test_find_rule (diagnostics, "year.carry-over");
  g_assert_nonnull (carry);
  g_assert_cmpuint (g_list_model_get_n_items (diagnostics), ==, 1);
  cells = nb_diagnostic_get_cells (carry);
  g_assert_cmpstr (cells[0], ==, "t3/carried_over/natural_person");
  g_assert_cmpint (nb_diagnostic_get_sides (carry)[0], ==, 1);
  g_assert_cmpstr (cells[1], ==, "t3/carried_forward/natural_person");
  g_assert_cmpint (nb_diagnostic_get_sides (carry)[1], ==, 0);
  g_assert_cmpuint (nb_diagnostic_get_cell_indices (carry, &(guint) { 0 })[1], ==,
                    (guint) nb_report_lookup_cell (older, "t3/carried_forward/natural_person"));
  g_assert_cmpuint (nb_comparison_get_n_errors (comparison), ==, 1);

  notes = nb_comparison_dup_notes (comparison);
  g_assert_cmpuint (g_strv_length (notes), ==, 3);
  g_assert_true (notes_mention (notes, "2019"));
  g_assert_true (notes_mention (notes, "（六）其他处理"));
  g_assert_true (notes_mention (notes, "year.in-force"));
  g_assert_true (notes_mention (notes, "现行有效件数"));

  csv = nb_comparison_write_csv (comparison);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL),
                            "t3/other_processing/natural_person,自然人 （六）其他处理,4,4,0\r\n"));

  /* an unchanged row's Δ is 0 whatever the 2021 cell of the 2019 index holds */
  review = address (nb_comparison_get_template (comparison), "t4/review/total");
  g_assert_cmpint (review, !=, address (fixture->template, "t4/review/total"));
  nb_report_set_cell_text (newer, review, "");
  g_clear_pointer (&csv, g_bytes_unref);
  csv = nb_comparison_write_csv (comparison);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "t4/review/total,总计 行政复议,0,0,0\r\n"));
}

/* Two reports of one form say nothing about forms. */
static void
test_compare_one_form (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(NbReport) older = import_real (fixture, "pingtan-czj-2019.page.txt");
  g_autoptr(NbReport) newer = import_real (fixture, "pingtan-czj-2020.page.txt");
  g_autoptr(NbComparison) comparison = nb_comparison_new (older, newer);
  g_auto(GStrv) notes = nb_comparison_dup_notes (comparison);
  GListModel *diagnostics = nb_comparison_get_diagnostics (comparison);

  g_assert_cmpuint (g_strv_length (notes), ==, 0);
  /* the warnings the published pair really gives (tests/data/real-2019/README.md) */
  g_assert_cmpuint (nb_test_count_rule (diagnostics, "year.previous-items"), ==, 2);
  g_assert_cmpuint (nb_test_count_rule (diagnostics, "year.total-public"), ==, 0);
  assert_change (comparison, "t2/procurement/amount", NB_CHANGE_VALUE, "+151366");
}

/* nianbao-cli */

static char *
run_cli (const char * const *args,
         int                *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("NIANBAO_CLI"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                status, &error);
  g_assert_no_error (error);
  return out;
}

/* check, convert and diff read the 2019 form by themselves. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = real_path ("pingtan-2020.lines.txt");
  g_autofree char *dir = g_dir_make_tmp ("nianbao-2019-cli-XXXXXX", NULL);
  g_autofree char *converted = g_build_filename (dir, "2020.nianbao.json", NULL);
  g_autofree char *newer_path = g_build_filename (dir, "2021.nianbao.json", NULL);
  g_autoptr(NbReport) newer = nb_test_clean_report (fixture->template);
  g_autoptr(GBytes) newer_bytes = NULL;
  g_autofree char *check = NULL;
  g_autofree char *convert = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *contents = NULL;
  int status;

  check = run_cli ((const char *[]) { "check", path, NULL }, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL) == FALSE);
  g_assert_nonnull (strstr (check, "pingtan-2020.lines.txt:60: error: [t3.results-total] 自然人"));
  g_assert_nonnull (strstr (check, "info: [parse.unit] 采购总金额 政府集中采购"));

  convert = run_cli ((const char *[]) { "convert", path, converted, NULL }, &status);
  g_assert_true (g_file_get_contents (converted, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"template\": \"2019\""));

  nb_report_set_organ (newer, "标题: 平潭综合实验区");
  nb_report_set_year (newer, 2021);
  newer_bytes = nb_canonical_write (newer);
  g_assert_true (g_file_set_contents (newer_path, g_bytes_get_data (newer_bytes, NULL),
                                      g_bytes_get_size (newer_bytes), NULL));
  diff = run_cli ((const char *[]) { "diff", "--format=json", newer_path, converted, NULL }, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (diff, "\"notes\":[\"The 2020 report is on the 2019 form"));
  g_assert_nonnull (strstr (diff, "{\"cell\":\"t3/other_processing/natural_person\",\"older\":4,\"newer\":0}"));
  g_assert_null (strstr (diff, "year.in-force\",\"cells"));

  g_remove (converted);
  g_remove (newer_path);
  g_rmdir (dir);
}

/* The form is told by the tables; a report for a year the form is not for
 * says so: a 2022 report on the 2019 form. */
static void
test_form_for_another_year (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = real_path ("pingtan-czj-2020.lines.txt");
  g_autofree char *text = NULL;
  g_autofree char *later = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) in_time = import_real (fixture, "pingtan-czj-2020.page.txt");
  g_autoptr(NbValidator) validator = NULL;
  g_autoptr(NbValidator) in_time_validator = nb_validator_new (in_time);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  later = nb_test_replace (text, "2020年度政府信息公开工作年度报告", "2022年度政府信息公开工作年度报告");
  report = nb_test_import_string (fixture->importer, later);
  validator = nb_validator_new (report);
  g_assert_cmpstr (nb_template_get_id (nb_report_get_template (report)), ==, "2019");
  g_assert_cmpuint (nb_report_get_year (report), ==, 2022);
  g_assert_true (nb_test_has_rule (G_LIST_MODEL (validator), "struct.template-version"));
  g_assert_false (nb_test_has_rule (G_LIST_MODEL (in_time_validator), "struct.template-version"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/template-2019/" path, Fixture, NULL, nb_test_import_set_up, func, nb_test_import_tear_down)

  ADD ("real-reports", test_real_reports);
  ADD ("form-for-another-year", test_form_for_another_year);
  ADD ("units-noted", test_units_noted);
  ADD ("choice-of-page-text", test_choice_of_page_text);
  ADD ("choice-of-broken-text", test_choice_of_broken_text);
  ADD ("choice-folds-text", test_choice_folds_text);
  ADD ("choice-words", test_choice_words);
  ADD ("2021-stays", test_2021_stays);
  ADD ("mixed-forms", test_mixed_forms);
  ADD ("pre-2019-refused", test_pre_2019_refused);
  g_test_add_func ("/template-2019/change-and-units", test_change_and_units);
  ADD ("canonical", test_canonical);
  ADD ("export-round-trips", test_export_round_trips);
  ADD ("export-layout", test_export_layout);
  ADD ("paste", test_paste);
  ADD ("draft", test_draft);
  ADD ("compare-across-forms", test_compare_across_forms);
  ADD ("compare-one-form", test_compare_one_form);
  ADD ("cli", test_cli);

#undef ADD

  return g_test_run ();
}
