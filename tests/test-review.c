/* test-review.c — a batch of reports: roster, findings across units,
 * letters, and nianbao-cli review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are tests/data/batch (made by make-batch.py from the
 * seeds): a county's 21 reports of 2024, five of 2023, and a roster.
 */

#include "config.h"

#include "nb-test-util.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include <nb-batch.h>
#include <nb-feedback.h>
#include <nb-organ-name.h>
#include <nb-readers.h>
#include <nb-report-set.h>
#include <nb-review-reader.h>

typedef struct
{
  NbTemplate  *template;
  NbReportSet *set;
  GPtrArray   *items;
} Fixture;

static char *
batch_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "batch", name, NULL);
}

static void
read_cb (guint     index,
         NbReport *report,
         GError   *error,
         gpointer  user_data)
{
  Fixture *fixture = user_data;
  NbReviewItem *item = g_ptr_array_index (fixture->items, index);

  g_assert_no_error (error);
  nb_review_item_set_report (item, report);
  nb_report_set_add (fixture->set, nb_review_item_get_display_name (item), report);
}

static NbReportSet *
read_folder (NbTemplate *template,
             const char *name,
             GPtrArray **items_out)
{
  g_autofree char *path = batch_path (name);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(NbBatch) pool = nb_batch_new (2);
  g_autoptr(GError) error = NULL;
  Fixture read = { template, nb_report_set_new (), NULL };

  read.items = nb_review_collect (&folder, NULL, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nb_review_read (pool, template, read.items, read_cb, &read, NULL, &error));
  g_assert_no_error (error);
  if (items_out != NULL)
    *items_out = g_ptr_array_ref (read.items);
  g_ptr_array_unref (read.items);
  return read.set;
}

static NbRoster *
load_roster (void)
{
  g_autofree char *path = batch_path ("roster.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NbRoster *roster = nb_roster_load (file, NULL, &error);

  g_assert_no_error (error);
  return roster;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->set = read_folder (fixture->template, "2024", &fixture->items);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->items);
  g_object_unref (fixture->set);
  g_object_unref (fixture->template);
}

static GPtrArray *
findings_of (GPtrArray  *findings,
             const char *rule_id)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (nb_set_finding_get_rule_id (g_ptr_array_index (findings, i)), rule_id))
      g_ptr_array_add (found, g_ptr_array_index (findings, i));
  return found;
}

/* Organ names and the roster */

static void
test_organ_names (void)
{
  g_assert_true (nb_organ_name_match ("平潭综合实验区财政金融局", "平潭综合实验区财政金融局"));
  g_assert_true (nb_organ_name_match ("平潭综合实验区财政金融局", "财政金融局"));
  g_assert_true (nb_organ_name_match ("福建省平潭综合实验区财政金融局", "平潭综合实验区 财政金融局"));
  g_assert_true (nb_organ_name_match ("演示县　水利局", "演示县水利局"));
  g_assert_true (nb_organ_name_match ("演示县（县）水利局", "演示县(县)水利局"));
  g_assert_false (nb_organ_name_match ("福州市财政局", "厦门市财政局"));
  g_assert_false (nb_organ_name_match ("演示县财政局", "演示县"));
  g_assert_false (nb_organ_name_match ("财政局", "演示县人民政府财政局办公室"));
  g_assert_false (nb_organ_name_match ("", ""));
}

static void
test_organ_region (void)
{
  g_autofree char *pingtan = nb_organ_name_dup_region ("平潭综合实验区管委会");
  g_autofree char *county = nb_organ_name_dup_region ("演示县 人民政府");
  g_autofree char *office = nb_organ_name_dup_region ("演示县人民政府办公室");
  g_autofree char *bureau = nb_organ_name_dup_region ("演示县财政局");

  g_assert_cmpstr (pingtan, ==, "平潭综合实验区");
  g_assert_cmpstr (county, ==, "演示县");
  g_assert_null (office);
  g_assert_null (bureau);
}

static void
test_roster_text (void)
{
  const char text[] = "\xef\xbb\xbf# 演示县 2024\n演示县财政局\r\n\n  教育局  \n演示县教育局\n# 林业局\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NbRoster) roster = nb_roster_new_from_data (text, sizeof text - 1, &error);

  g_assert_no_error (error);
  /* comments, blanks and a second spelling of one unit are left out */
  g_assert_cmpuint (nb_roster_get_n_units (roster), ==, 2);
  g_assert_cmpstr (nb_roster_get_unit (roster, 0), ==, "演示县财政局");
  g_assert_cmpstr (nb_roster_get_unit (roster, 1), ==, "教育局");
  g_assert_cmpint (nb_roster_find (roster, "演示县教育局"), ==, 1);
  g_assert_cmpint (nb_roster_find (roster, "演示县林业局"), ==, -1);
}

static void
test_roster_csv (void)
{
  g_autoptr(NbRoster) roster = load_roster ();

  /* the header row is not a unit; a quoted name keeps its full-width space */
  g_assert_cmpuint (nb_roster_get_n_units (roster), ==, 19);
  g_assert_cmpstr (nb_roster_get_unit (roster, 0), ==, "演示县人民政府");
  g_assert_cmpstr (nb_roster_get_unit (roster, 18), ==, "演示县　水利局");
  g_assert_cmpint (nb_roster_find (roster, "演示县水利局"), ==, 18);
  g_assert_cmpint (nb_roster_find (roster, "演示县公安局"), ==, 3);
}

static void
test_roster_refused (void)
{
  const char latin1[] = "\xb2\xe2\xca\xd4\n";
  const char empty[] = "# nothing\n\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NbRoster) not_utf8 = nb_roster_new_from_data (latin1, sizeof latin1 - 1, &error);
  g_autoptr(NbRoster) none = NULL;

  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
  g_assert_null (not_utf8);
  g_clear_error (&error);
  none = nb_roster_new_from_data (empty, sizeof empty - 1, &error);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
  g_assert_null (none);
}

/* Whatever the file holds: a roster or an error, never a crash */
static void
test_roster_garbage (void)
{
  static const char *const pieces[] = {
    "演示县财政局", ",", "\"", "\"\"", "\n", "\r\n", "#", "\xef\xbb\xbf", "　", " ", "单位名称",
    "\xe6\xbc", "\xff", "a", "（", "）",
  };
  GRand *rand = g_rand_new_with_seed (19);
  guint n_rosters = 0;

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) data = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(NbRoster) roster = NULL;
      guint n = g_rand_int_range (rand, 0, 40);

      for (guint i = 0; i < n; i++)
        g_string_append (data, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      roster = nb_roster_new_from_data (data->str, data->len, &error);
      g_assert_true ((roster == NULL) == (error != NULL));
      for (guint u = 0; roster != NULL && u < nb_roster_get_n_units (roster); u++)
        {
          g_assert_true (g_utf8_validate (nb_roster_get_unit (roster, u), -1, NULL));
          g_assert_cmpint (nb_roster_find (roster, nb_roster_get_unit (roster, u)), ==, u);
        }
      n_rosters += roster != NULL;
    }
  /* both outcomes were tried */
  g_assert_cmpuint (n_rosters, >, 0);
  g_assert_cmpuint (n_rosters, <, 2000);
  g_rand_free (rand);
}

/* The findings */

static void
test_collect (Fixture       *fixture,
              gconstpointer  data)
{
  /* the subfolder's files too, sorted by their path; the year of most */
  g_assert_cmpuint (fixture->items->len, ==, 21);
  g_assert_cmpstr (nb_review_item_get_display_name (g_ptr_array_index (fixture->items, 0)), ==, "00-县政府.txt");
  g_assert_cmpstr (nb_review_item_get_display_name (g_ptr_array_index (fixture->items, 20)), ==,
                   "乡镇/15-西河街道.txt");
  g_assert_cmpuint (nb_report_set_get_year (fixture->set), ==, 2024);
  g_assert_cmpstr (nb_review_item_get_organ (g_ptr_array_index (fixture->items, 20)), ==, "演示县西河街道办事处");
  g_assert_cmpstr (nb_review_item_get_status (g_ptr_array_index (fixture->items, 20)), ==, "ok");
  g_assert_cmpint (nb_review_item_get_figure (g_ptr_array_index (fixture->items, 3), NB_REVIEW_RECEIVED), ==, 2);
}

static void
test_missing_and_unexpected (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(NbRoster) roster = load_roster ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) unexpected = NULL;
  NbSetFinding *finding;

  nb_report_set_set_roster (fixture->set, roster);
  findings = nb_report_set_check (fixture->set);
  missing = findings_of (findings, "set.missing");
  unexpected = findings_of (findings, "set.unexpected");

  /* every other unit matched, with or without the county's name */
  g_assert_cmpuint (missing->len, ==, 1);
  finding = g_ptr_array_index (missing, 0);
  g_assert_cmpstr (nb_set_finding_get_organ (finding), ==, "演示县　水利局");
  g_assert_cmpint (nb_set_finding_get_severity (finding), ==, NB_SEVERITY_WARNING);
  g_assert_nonnull (strstr (nb_set_finding_get_message (finding), "2024"));
  g_assert_null (nb_set_finding_get_files (finding)[0]);

  g_assert_cmpuint (unexpected->len, ==, 1);
  finding = g_ptr_array_index (unexpected, 0);
  g_assert_cmpstr (nb_set_finding_get_organ (finding), ==, "演示县气象局");
  g_assert_cmpstr (nb_set_finding_get_files (finding)[0], ==, "16-气象局.txt");
}

static void
test_no_roster (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = nb_report_set_check (fixture->set);
  g_autoptr(GPtrArray) missing = findings_of (findings, "set.missing");
  g_autoptr(GPtrArray) unexpected = findings_of (findings, "set.unexpected");

  g_assert_cmpuint (missing->len, ==, 0);
  g_assert_cmpuint (unexpected->len, ==, 0);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = nb_report_set_check (fixture->set);
  g_autoptr(GPtrArray) duplicates = findings_of (findings, "set.duplicate");
  NbSetFinding *revision, *identical;

  g_assert_cmpuint (duplicates->len, ==, 2);
  /* ordered by organ: 演示县教育局 before 演示县财政局 */
  revision = g_ptr_array_index (duplicates, 0);
  identical = g_ptr_array_index (duplicates, 1);

  g_assert_cmpstr (nb_set_finding_get_organ (identical), ==, "演示县财政局");
  g_assert_cmpstr (nb_set_finding_get_files (identical)[0], ==, "01-财政局-再次报送.txt");
  g_assert_cmpstr (nb_set_finding_get_files (identical)[1], ==, "01-财政局.txt");
  g_assert_nonnull (strstr (nb_set_finding_get_message (identical), "same report"));

  /* a revision names the cells that differ, with both values */
  g_assert_cmpstr (nb_set_finding_get_organ (revision), ==, "演示县教育局");
  g_assert_nonnull (strstr (nb_set_finding_get_message (revision), "revision"));
  g_assert_nonnull (strstr (nb_set_finding_get_message (revision), "6 cells differ"));
  g_assert_nonnull (strstr (nb_set_finding_get_message (revision),
                            "总计 一、本年新收政府信息公开申请数量 2 → 1"));
}

static void
test_similar_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = nb_report_set_check (fixture->set);
  g_autoptr(GPtrArray) similar = findings_of (findings, "set.similar-text");
  NbSetFinding *finding;

  /* the one pair that shares a text, other names and numbers aside; none
   * of the other 170 pairs of organs */
  g_assert_cmpuint (similar->len, ==, 1);
  finding = g_ptr_array_index (similar, 0);
  g_assert_cmpint (nb_set_finding_get_severity (finding), ==, NB_SEVERITY_WARNING);
  g_assert_cmpstr (nb_set_finding_get_organ (finding), ==, "演示县自然资源局");
  g_assert_cmpstr (nb_set_finding_get_files (finding)[0], ==, "05-自然资源局.txt");
  g_assert_cmpstr (nb_set_finding_get_files (finding)[1], ==, "06-住房和城乡建设局.txt");
  g_assert_nonnull (strstr (nb_set_finding_get_message (finding), "演示县住房和城乡建设局 are 100 % the same"));
}

static void
test_similar_text_edited (Fixture       *fixture,
                          gconstpointer  data)
{
  NbReport *copy = nb_report_set_get_report (fixture->set, 8);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) similar = NULL;

  /* the copier writes its own plans: the texts are no longer one */
  g_assert_cmpstr (nb_report_get_organ (copy), ==, "演示县住房和城乡建设局");
  nb_report_set_section_text (copy, "overview",
                              "本年度，本局围绕城市更新、老旧小区改造和保障性住房建设，逐项公开了项目清单、资金安排和"
                              "进度情况，在门户网站开设专栏集中发布工程招投标、质量安全和建筑市场监管信息，并对"
                              "住房公积金缴存、提取政策作了图文解读，回应群众关切的物业服务和房屋维修问题。");
  findings = nb_report_set_check (fixture->set);
  similar = findings_of (findings, "set.similar-text");
  g_assert_cmpuint (similar->len, ==, 0);
}

static void
test_aggregate_below (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = nb_report_set_check (fixture->set);
  g_autoptr(GPtrArray) aggregate = findings_of (findings, "set.aggregate");
  NbSetFinding *received = NULL;

  for (guint i = 0; i < aggregate->len; i++)
    if (strstr (nb_set_finding_get_message (g_ptr_array_index (aggregate, i)), "本年新收申请") != NULL)
      received = g_ptr_array_index (aggregate, i);
  g_assert_nonnull (received);
  /* 2 against 3+1+4+0+2+1+0+1+2+1+0+1+0+1+0+0+0+0 = 18 of 18 units: each
   * organ counted once, the duplicate and the revision not again */
  g_assert_cmpint (nb_set_finding_get_severity (received), ==, NB_SEVERITY_WARNING);
  g_assert_cmpstr (nb_set_finding_get_organ (received), ==, "演示县人民政府");
  g_assert_nonnull (strstr (nb_set_finding_get_message (received), "states 2, less than the 18 its 18 units"));
  g_assert_cmpstr (nb_set_finding_get_files (received)[0], ==, "00-县政府.txt");
}

static NbReport *
unit_report (NbTemplate *template,
             const char *organ,
             const char *received)
{
  NbReport *report = nb_test_clean_report (template);

  nb_report_set_organ (report, organ);
  nb_report_set_year (report, 2024);
  nb_test_set (report, "t3/received/total", received);
  return report;
}

static void
test_aggregate_above (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbReportSet) set = nb_report_set_new ();
  g_autoptr(NbReport) government = unit_report (template, "平潭综合实验区管委会", "40");
  g_autoptr(NbReport) finance = unit_report (template, "平潭综合实验区财政金融局", "12");
  g_autoptr(NbReport) police = unit_report (template, "平潭综合实验区公安局", "3");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) aggregate = NULL;
  NbSetFinding *finding = NULL;

  nb_report_set_add (set, "gwh.txt", government);
  nb_report_set_add (set, "czj.txt", finance);
  nb_report_set_add (set, "gaj.txt", police);
  findings = nb_report_set_check (set);
  aggregate = findings_of (findings, "set.aggregate");
  for (guint i = 0; i < aggregate->len; i++)
    if (strstr (nb_set_finding_get_message (g_ptr_array_index (aggregate, i)), "本年新收申请") != NULL)
      finding = g_ptr_array_index (aggregate, i);

  /* above the sum: information, with the caveat of scope */
  g_assert_nonnull (finding);
  g_assert_cmpint (nb_set_finding_get_severity (finding), ==, NB_SEVERITY_INFO);
  g_assert_nonnull (strstr (nb_set_finding_get_message (finding), "states 40"));
  g_assert_nonnull (strstr (nb_set_finding_get_message (finding), "add up to 15"));
  g_assert_nonnull (strstr (nb_set_finding_get_message (finding), "not in this batch"));
  g_assert_cmpstr (nb_set_finding_get_files (finding)[2], ==, "gaj.txt");
}

static void
test_aggregate_region (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbReportSet) set = nb_report_set_new ();
  g_autoptr(NbReport) city = unit_report (template, "淮安市人民政府", "100");
  g_autoptr(NbReport) district = unit_report (template, "淮安市洪泽区人民政府", "95");
  g_autoptr(NbReport) office = unit_report (template, "侯寨办事处", "8");
  g_autoptr(NbReport) elsewhere = unit_report (template, "偃师区伊洛街道办事处", "50");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) aggregate = NULL;
  NbSetFinding *finding = NULL;

  nb_report_set_add (set, "city.pdf", city);
  nb_report_set_add (set, "district.pdf", district);
  nb_report_set_add (set, "office.txt", office);
  nb_report_set_add (set, "elsewhere.txt", elsewhere);
  findings = nb_report_set_check (set);
  aggregate = findings_of (findings, "set.aggregate");
  for (guint i = 0; i < aggregate->len; i++)
    if (strstr (nb_set_finding_get_message (g_ptr_array_index (aggregate, i)), "本年新收申请") != NULL)
      finding = g_ptr_array_index (aggregate, i);

  /* 95 + 8: another district's office is not the city's */
  g_assert_nonnull (finding);
  g_assert_cmpint (nb_set_finding_get_severity (finding), ==, NB_SEVERITY_WARNING);
  g_assert_nonnull (strstr (nb_set_finding_get_message (finding), "states 100, less than the 103 its 2 units"));
  g_assert_cmpstr (nb_set_finding_get_files (finding)[2], ==, "office.txt");
  g_assert_null (nb_set_finding_get_files (finding)[3]);
}

static void
test_no_aggregate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbReportSet) set = nb_report_set_new ();
  g_autoptr(NbReport) township = unit_report (template, "演示县城关镇人民政府", "1");
  g_autoptr(NbReport) finance = unit_report (template, "演示县财政局", "12");
  g_autoptr(GPtrArray) findings = NULL;

  /* a township's government is a unit: no report names its township */
  nb_report_set_add (set, "a.txt", township);
  nb_report_set_add (set, "b.txt", finance);
  findings = nb_report_set_check (set);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_previous_year (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NbReportSet) previous = read_folder (fixture->template, "2023", NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) carry = NULL;
  NbSetFinding *finding;

  g_assert_cmpuint (nb_report_set_get_year (previous), ==, 2023);
  nb_report_set_set_previous (fixture->set, previous);
  findings = nb_report_set_check (fixture->set);
  missing = findings_of (findings, "set.missing");
  carry = findings_of (findings, "year.carry-over");

  /* no roster: a unit that filed last year and not this year is missing */
  g_assert_cmpuint (missing->len, ==, 1);
  finding = g_ptr_array_index (missing, 0);
  g_assert_cmpstr (nb_set_finding_get_organ (finding), ==, "演示县林业局");
  g_assert_cmpstr (nb_set_finding_get_files (finding)[0], ==, "林业局.txt");

  /* 交通运输局 carried 1 forward into 2024, which carried 0 over */
  g_assert_cmpuint (carry->len, ==, 2);
  finding = g_ptr_array_index (carry, 0);
  g_assert_cmpstr (nb_set_finding_get_organ (finding), ==, "演示县交通运输局");
  g_assert_cmpint (nb_set_finding_get_severity (finding), ==, NB_SEVERITY_ERROR);
  g_assert_cmpstr (nb_set_finding_get_files (finding)[0], ==, "交通运输局.txt");
  g_assert_cmpstr (nb_set_finding_get_files (finding)[1], ==, "07-交通运输局.txt");
  g_assert_nonnull (nb_set_finding_get_diagnostic (finding));
}

static void
test_previous_and_roster (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(NbReportSet) previous = read_folder (fixture->template, "2023", NULL);
  g_autoptr(NbRoster) roster = load_roster ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  /* 林业局 is off the roster now, but filed last year: still missing,
   * and 水利局 once, though both the roster and nothing else name it */
  nb_report_set_set_previous (fixture->set, previous);
  nb_report_set_set_roster (fixture->set, roster);
  findings = nb_report_set_check (fixture->set);
  missing = findings_of (findings, "set.missing");
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_cmpstr (nb_set_finding_get_organ (g_ptr_array_index (missing, 0)), ==, "演示县　水利局");
  g_assert_cmpstr (nb_set_finding_get_organ (g_ptr_array_index (missing, 1)), ==, "演示县林业局");
}

static void
test_other_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbReportSet) set = nb_report_set_new ();
  g_autoptr(NbReport) a = unit_report (template, "演示县财政局", "1");
  g_autoptr(NbReport) b = unit_report (template, "演示县教育局", "1");
  g_autoptr(NbReport) late = unit_report (template, "演示县公安局", "1");
  g_autoptr(GPtrArray) findings = NULL;

  nb_report_set_year (late, 2023);
  nb_report_set_add (set, "a.txt", a);
  nb_report_set_add (set, "b.txt", b);
  nb_report_set_add (set, "c.txt", late);
  nb_report_set_add (set, "broken.pdf", NULL);
  findings = nb_report_set_check (set);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (nb_set_finding_get_rule_id (g_ptr_array_index (findings, 0)), ==, "set.unexpected");
  g_assert_cmpstr (nb_set_finding_get_message (g_ptr_array_index (findings, 0)), ==,
                   "The report is for 2023; the others are for 2024");
}

/* Letters */

static char *
docx_text (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbZip) zip = nb_zip_open (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  NbSource *source;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  source = nb_docx_read (zip, &error);
  g_assert_no_error (error);
  for (guint l = 0; l < nb_source_get_n_lines (source); l++)
    {
      const NbSourceLine *line = nb_source_get_line (source, l);

      for (guint p = 0; p < line->n_pieces; p++)
        {
          const NbSourcePiece *piece = nb_source_get_piece (source, line->first_piece + p);

          g_string_append_len (out, nb_source_get_text (source, piece), piece->length);
        }
      g_string_append_c (out, '\n');
    }
  nb_source_free (source);
  return g_string_free (out, FALSE);
}

static NbFeedback *
feedback_for (Fixture *fixture)
{
  g_autoptr(NbRoster) roster = load_roster ();
  g_autoptr(GPtrArray) findings = NULL;

  nb_report_set_set_roster (fixture->set, roster);
  findings = nb_report_set_check (fixture->set);
  return nb_feedback_new (fixture->set, findings);
}

static int
find_letter (NbFeedback *feedback,
             const char *organ)
{
  for (guint i = 0; i < nb_feedback_get_n_letters (feedback); i++)
    if (g_str_equal (nb_feedback_get_organ (feedback, i), organ))
      return i;
  return -1;
}

static void
test_letters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(NbFeedback) feedback = feedback_for (fixture);
  int finance = find_letter (feedback, "演示县财政局");
  int water = find_letter (feedback, "演示县　水利局");
  int police = find_letter (feedback, "演示县公安局");
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  /* the units with something to correct, in the order of their names;
   * the government's figures below its units' are its own letter */
  g_assert_cmpint (finance, >=, 0);
  g_assert_cmpint (water, >=, 0);
  g_assert_cmpint (police, ==, -1);
  g_assert_cmpint (find_letter (feedback, "演示县人民政府"), >=, 0);
  for (guint i = 1; i < nb_feedback_get_n_letters (feedback); i++)
    g_assert_cmpint (strcmp (nb_feedback_get_organ (feedback, i - 1), nb_feedback_get_organ (feedback, i)), <, 0);

  text = nb_feedback_dup_letter_text (feedback, finance);
  g_assert_true (g_str_has_prefix (text, "Feedback on the 2024 Annual Report on Government Information Disclosure\n"
                                         "演示县财政局:\n"));
  g_assert_nonnull (strstr (text, "01-财政局-再次报送.txt、01-财政局.txt"));
  g_assert_nonnull (strstr (text, "same report of 演示县财政局"));
  /* copied text: both units are told */
  g_clear_pointer (&text, g_free);
  text = nb_feedback_dup_letter_text (feedback, find_letter (feedback, "演示县住房和城乡建设局"));
  g_assert_nonnull (strstr (text, "100 % the same"));
  g_clear_pointer (&text, g_free);
  text = nb_feedback_dup_letter_text (feedback, find_letter (feedback, "演示县自然资源局"));
  g_assert_nonnull (strstr (text, "100 % the same"));
  name = nb_feedback_dup_letter_name (feedback, water);
  g_assert_cmpstr (name, ==, "演示县　水利局.docx");
}

/* What a reviewer marked checked counts as checked in the row and stays
 * out of the letter. */
static void
test_checked_left_out (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(NbFeedback) feedback = NULL;
  g_autofree char *text = NULL;
  guint n_marked = 0;

  for (guint i = 0; i < fixture->items->len; i++)
    {
      NbReviewItem *item = g_ptr_array_index (fixture->items, i);
      NbReport *report = nb_review_item_get_report (item);
      g_autoptr(NbValidator) validator = NULL;
      g_autoptr(GPtrArray) found = NULL;

      if (report == NULL || !g_str_equal (nb_report_get_organ (report), "演示县教育局"))
        continue;
      validator = nb_validator_new (report);
      found = nb_validator_dup_sorted (validator);
      for (guint d = 0; d < found->len; d++)
        if (g_str_equal (nb_diagnostic_get_rule_id (g_ptr_array_index (found, d)), "narrative.problems"))
          nb_report_set_checked (report, g_ptr_array_index (found, d), "五 is in the attachment");
      nb_review_item_update (item);
      g_assert_cmpuint (nb_review_item_get_n_checked (item), ==, 2);
      g_assert_cmpuint (nb_review_item_get_n_warnings (item), ==, 0);
      n_marked++;
    }
  g_assert_cmpuint (n_marked, ==, 2);

  feedback = feedback_for (fixture);
  g_assert_cmpint (find_letter (feedback, "演示县教育局"), >=, 0);
  text = nb_feedback_dup_letter_text (feedback, find_letter (feedback, "演示县教育局"));
  g_assert_null (strstr (text, "names no problem"));
  g_assert_nonnull (strstr (text, "演示县教育局"));
}

static void
test_letter_docx (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(NbFeedback) feedback = feedback_for (fixture);
  g_autoptr(NbFeedback) again = feedback_for (fixture);
  int finance = find_letter (feedback, "演示县财政局");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) docx = nb_feedback_write_letter (feedback, finance, &error);
  g_autoptr(GBytes) same = nb_feedback_write_letter (again, finance, &error);
  g_autoptr(GBytes) document = NULL;
  g_autoptr(NbZip) zip = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = nb_feedback_dup_letter_text (feedback, finance);

  g_assert_no_error (error);
  /* deterministic, and reads back as the letter's text */
  g_assert_true (g_bytes_equal (docx, same));
  text = docx_text (docx);
  g_assert_cmpstr (text, ==, expected);

  /* in the official fonts */
  zip = nb_zip_open (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), &error);
  document = nb_zip_read (zip, "word/styles.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (document, NULL), g_bytes_get_size (document),
                                  "w:eastAsia=\"方正小标宋简体\""));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (document, NULL), g_bytes_get_size (document),
                                  "w:eastAsia=\"仿宋_GB2312\""));
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(NbFeedback) feedback = feedback_for (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) docx = nb_feedback_write_list (feedback, &error);
  g_autoptr(GBytes) csv = nb_feedback_write_csv (feedback);
  g_autofree char *text = NULL;
  g_autofree char *csv_text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_auto(GStrv) rows = g_strsplit (csv_text, "\r\n", -1);
  guint n_items = 0;

  g_assert_no_error (error);
  text = docx_text (docx);
  for (guint i = 0; i < nb_feedback_get_n_letters (feedback); i++)
    {
      g_assert_nonnull (strstr (text, nb_feedback_get_organ (feedback, i)));
      n_items += nb_feedback_get_n_items (feedback, i);
    }
  g_assert_cmpstr (rows[0], ==, "\xef\xbb\xbforgan,file,severity,rule,place,message");
  /* a row per item, and the empty string after the last line break */
  g_assert_cmpuint (g_strv_length (rows), ==, n_items + 2);
  g_assert_nonnull (strstr (csv_text, "\n演示县　水利局,,warning,set.missing,,No report of 演示县　水利局 for 2024"));
}

/* nianbao-cli review */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_review (Run *run,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("NIANBAO_CLI"));
  g_ptr_array_add (args, (gpointer) "review");
  va_start (ap, run);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
find_diagnostic (JsonArray  *diagnostics,
                 const char *rule,
                 const char *organ)
{
  for (guint i = 0; i < json_array_get_length (diagnostics); i++)
    {
      JsonObject *object = json_array_get_object_element (diagnostics, i);

      if (g_str_equal (json_object_get_string_member (object, "rule"), rule) &&
          g_str_equal (json_object_get_string_member (object, "organ"), organ))
        return object;
    }
  return NULL;
}

static void
test_cli_json (void)
{
  g_autofree char *folder = batch_path ("2024");
  g_autofree char *roster = batch_path ("roster.csv");
  g_autofree char *previous = batch_path ("2023");
  g_autofree char *roster_arg = g_strconcat ("--roster=", roster, NULL);
  g_autofree char *previous_arg = g_strconcat ("--previous=", previous, NULL);
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *reports, *diagnostics, *files;
  JsonObject *report, *missing, *carry;

  run_review (&run, "--format=json", roster_arg, previous_arg, folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  root = parse_object (run.out);
  g_assert_cmpuint (json_object_get_size (root), ==, 2);
  reports = json_object_get_array_member (root, "reports");
  diagnostics = json_object_get_array_member (root, "diagnostics");

  g_assert_cmpuint (json_array_get_length (reports), ==, 21);
  report = json_array_get_object_element (reports, 3);
  g_assert_cmpuint (json_object_get_size (report), ==, 7);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (report, "file"), "batch/2024/02-教育局-修订.txt"));
  g_assert_cmpstr (json_object_get_string_member (report, "organ"), ==, "演示县教育局");
  g_assert_cmpint (json_object_get_int_member (report, "year"), ==, 2024);
  g_assert_cmpstr (json_object_get_string_member (report, "status"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (report, "errors"), ==, 0);
  g_assert_true (json_object_has_member (report, "warnings"));
  g_assert_cmpint (json_object_get_int_member (report, "checked"), ==, 0);

  missing = find_diagnostic (diagnostics, "set.missing", "演示县林业局");
  g_assert_nonnull (missing);
  g_assert_cmpuint (json_object_get_size (missing), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (missing, "severity"), ==, "warning");
  files = json_object_get_array_member (missing, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 1);
  g_assert_true (g_str_has_suffix (json_array_get_string_element (files, 0), "batch/2023/林业局.txt"));
  g_assert_nonnull (find_diagnostic (diagnostics, "set.missing", "演示县　水利局"));
  g_assert_nonnull (find_diagnostic (diagnostics, "set.unexpected", "演示县气象局"));
  g_assert_nonnull (find_diagnostic (diagnostics, "set.duplicate", "演示县财政局"));
  g_assert_nonnull (find_diagnostic (diagnostics, "set.aggregate", "演示县人民政府"));
  g_assert_nonnull (find_diagnostic (diagnostics, "set.similar-text", "演示县自然资源局"));
  carry = find_diagnostic (diagnostics, "year.carry-over", "演示县交通运输局");
  g_assert_nonnull (carry);
  g_assert_cmpstr (json_object_get_string_member (carry, "severity"), ==, "error");
}

static void
test_cli_jobs (void)
{
  g_autofree char *folder = batch_path ("2024");
  g_auto(Run) one = { 0 };
  g_auto(Run) two = { 0 };
  g_auto(Run) text = { 0 };

  /* the same bytes on one core or several */
  run_review (&one, "--format=json", "--jobs=1", folder, NULL);
  run_review (&two, "--format=json", "--jobs=2", folder, NULL);
  g_assert_cmpint (one.status, ==, 1);
  g_assert_cmpstr (one.out, ==, two.out);

  run_review (&text, folder, NULL);
  g_assert_cmpint (text.status, ==, 1);
  g_assert_nonnull (strstr (text.out, "演示县财政局: warning: [set.duplicate]"));
  g_assert_nonnull (strstr (text.out, "03-公安局.txt: 演示县公安局 2024: ok, 0 errors, 0 warnings, 0 checked\n"));
}

static void
test_cli_csv (void)
{
  g_autofree char *folder = batch_path ("2024");
  g_auto(Run) run = { 0 };

  run_review (&run, "--format=csv", folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "\xef\xbb\xbforgan,file,severity,rule,place,message\r\n"));
  g_assert_nonnull (strstr (run.out, "演示县人民政府,"));
}

static void
test_cli_exit_status (void)
{
  g_autofree char *clean = batch_path ("2024/03-公安局.txt");
  g_autofree char *folder = batch_path ("2024");
  g_autofree char *empty = g_dir_make_tmp ("nb-review-XXXXXX", NULL);
  g_autofree char *junk = g_build_filename (empty, "notes.txt", NULL);
  g_auto(Run) ok = { 0 };
  g_auto(Run) nothing = { 0 };
  g_auto(Run) unreadable = { 0 };
  g_auto(Run) no_input = { 0 };
  g_auto(Run) bad_format = { 0 };
  g_auto(Run) bad_jobs = { 0 };
  g_auto(Run) bad_roster = { 0 };

  run_review (&ok, "--format=json", clean, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "\"diagnostics\":[]"));

  run_review (&nothing, empty, NULL);
  g_assert_cmpint (nothing.status, ==, 2);
  g_assert_true (g_file_set_contents (junk, "not a report\n", -1, NULL));
  run_review (&unreadable, "--format=json", empty, NULL);
  g_assert_cmpint (unreadable.status, ==, 2);
  g_assert_nonnull (strstr (unreadable.out, "\"status\":\"unreadable\""));

  run_review (&no_input, NULL);
  g_assert_cmpint (no_input.status, ==, 2);
  run_review (&bad_format, "--format=xml", folder, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  run_review (&bad_jobs, "--jobs=0", folder, NULL);
  g_assert_cmpint (bad_jobs.status, ==, 2);
  run_review (&bad_roster, "--roster", folder, folder, NULL);
  g_assert_cmpint (bad_roster.status, ==, 2);

  g_unlink (junk);
  g_rmdir (empty);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/organ-names", test_organ_names);
  g_test_add_func ("/review/organ-region", test_organ_region);
  g_test_add_func ("/review/roster/text", test_roster_text);
  g_test_add_func ("/review/roster/csv", test_roster_csv);
  g_test_add_func ("/review/roster/refused", test_roster_refused);
  g_test_add_func ("/review/roster/garbage", test_roster_garbage);
  g_test_add ("/review/collect", Fixture, NULL, fixture_set_up, test_collect, fixture_tear_down);
  g_test_add ("/review/set/missing-unexpected", Fixture, NULL, fixture_set_up, test_missing_and_unexpected,
              fixture_tear_down);
  g_test_add ("/review/set/no-roster", Fixture, NULL, fixture_set_up, test_no_roster, fixture_tear_down);
  g_test_add ("/review/set/duplicate", Fixture, NULL, fixture_set_up, test_duplicate, fixture_tear_down);
  g_test_add ("/review/set/similar-text", Fixture, NULL, fixture_set_up, test_similar_text, fixture_tear_down);
  g_test_add ("/review/set/similar-text-edited", Fixture, NULL, fixture_set_up, test_similar_text_edited,
              fixture_tear_down);
  g_test_add ("/review/set/aggregate-below", Fixture, NULL, fixture_set_up, test_aggregate_below,
              fixture_tear_down);
  g_test_add_func ("/review/set/aggregate-above", test_aggregate_above);
  g_test_add_func ("/review/set/aggregate-region", test_aggregate_region);
  g_test_add_func ("/review/set/no-aggregate", test_no_aggregate);
  g_test_add_func ("/review/set/other-year", test_other_year);
  g_test_add ("/review/set/previous-year", Fixture, NULL, fixture_set_up, test_previous_year, fixture_tear_down);
  g_test_add ("/review/set/previous-and-roster", Fixture, NULL, fixture_set_up, test_previous_and_roster,
              fixture_tear_down);
  g_test_add ("/review/letters/text", Fixture, NULL, fixture_set_up, test_letters, fixture_tear_down);
  g_test_add ("/review/letters/docx", Fixture, NULL, fixture_set_up, test_letter_docx, fixture_tear_down);
  g_test_add ("/review/letters/checked", Fixture, NULL, fixture_set_up, test_checked_left_out, fixture_tear_down);
  g_test_add ("/review/letters/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add_func ("/review/cli/json", test_cli_json);
  g_test_add_func ("/review/cli/jobs", test_cli_jobs);
  g_test_add_func ("/review/cli/csv", test_cli_csv);
  g_test_add_func ("/review/cli/exit-status", test_cli_exit_status);

  return g_test_run ();
}
