/* test-template.c — the 2021 form, read from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <nb-cross-rules.h>
#include <nb-template-private.h>
#include <string.h>

static void
test_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonObject) expected = nb_test_load_expected ("000_773531145496868f");
  JsonObject *cells = json_object_get_object_member (expected, "cells");
  g_autoptr(GList) addresses = json_object_get_members (cells);
  guint i = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (nb_template_get_id (template), ==, "2021");
  g_assert_cmpuint (nb_template_get_n_cells (template), ==, 200);

  /* the cells come in the order the expected files list them */
  for (GList *l = addresses; l != NULL; l = l->next, i++)
    {
      g_assert_cmpstr (nb_template_get_cell_address (template, i), ==, l->data);
      g_assert_cmpint (nb_template_lookup_cell (template, l->data), ==, i);
      g_assert_false (g_hash_table_contains (seen, l->data));
      g_hash_table_add (seen, l->data);
    }
  g_assert_cmpint (nb_template_lookup_cell (template, "t3/received/nobody"), ==, -1);

  g_assert_cmpint (nb_template_get_cell_kind (template, nb_template_lookup_cell (template, "t2/fees/amount")),
                   ==, NB_CELL_KIND_AMOUNT);
  g_assert_cmpint (nb_template_get_cell_kind (template, nb_template_lookup_cell (template, "t2/licensing/decisions")),
                   ==, NB_CELL_KIND_COUNT);
  g_assert_cmpstr (nb_template_get_cell_label (template, nb_template_lookup_cell (template, "t3/received/natural_person")),
                   ==, "自然人 一、本年新收政府信息公开申请数量");
}

static void
test_sections_and_rules (void)
{
  static const char *sections[] = { "overview", "active", "requests", "appeals", "problems", "other" };
  static const char *rules[] = {
    "cell.invalid", "cell.empty", "t3.row-total", "t3.results-total", "t3.balance", "t4.total",
    "narrative.received", "narrative.carried-forward", "meta.year", "parse.extra-values",
    "parse.missing-values", "parse.missing-row", "parse.missing-table", "parse.unknown-row",
    "parse.encoding",
  };
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  GPtrArray *all;

  g_assert_cmpuint (nb_template_get_n_sections (template), ==, G_N_ELEMENTS (sections));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_cmpstr (nb_template_get_section_id (template, i), ==, sections[i]);
  g_assert_true (nb_template_section_is_narrative (template, 0));
  g_assert_false (nb_template_section_is_narrative (template, 2));
  g_assert_cmpstr (nb_template_get_section_id (template, nb_template_get_first_table_section (template)), ==, "active");
  g_assert_cmpstr (nb_template_get_section_heading (template, 3), ==, "四、政府信息公开行政复议、行政诉讼情况");
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_assert_true (nb_template_has_rule (template, rules[i]));
  g_assert_false (nb_template_has_rule (template, "no.such-rule"));
  g_assert_cmpint (nb_template_lookup_rule (template, "no.such-rule"), ==, -1);

  /* the index a rule is looked up by is that of the first rule of its id */
  all = nb_template_get_rules (template);
  for (guint r = 0; r < all->len; r++)
    {
      const char *id = ((NbTemplateRule *) g_ptr_array_index (all, r))->id;
      guint first = 0;

      while (!g_str_equal (((NbTemplateRule *) g_ptr_array_index (all, first))->id, id))
        first++;
      g_assert_cmpint (nb_template_lookup_rule (template, id), ==, first);
    }
}

static NbTemplateRule *
lookup_rule (NbTemplate *template,
             const char *id)
{
  int rule = nb_template_lookup_rule (template, id);

  g_assert_cmpint (rule, >=, 0);
  return g_ptr_array_index (nb_template_get_rules (template), rule);
}

/* A template with one sum rule, whose "fixable" and lhs are @rule. */
static NbTemplate *
sum_template (const char  *rule,
              GError     **error)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"x\", \"marks\": [],"
    " \"sections\": [{\"id\": \"s\", \"heading\": \"h\", \"numeral\": \"一\", \"text\": \"h\"}],"
    " \"tables\": [{\"id\": \"t\", \"section\": \"s\","
    "   \"columns\": [{\"id\": \"a\", \"label\": \"A\"}, {\"id\": \"b\", \"label\": \"B\"},"
    "                {\"id\": \"c\", \"label\": \"C\"}],"
    "   \"rows\": [{\"id\": \"r\", \"label\": \"R\"}]}],"
    " \"rules\": [{\"id\": \"r\", \"severity\": \"error\", %s,"
    "   \"table\": \"t\", \"each\": \"row\", \"rhs\": [\"c\"],"
    "   \"lhs_text\": \"l\", \"rhs_text\": \"r\"}]}",
    rule);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return nb_template_new_from_bytes (bytes, error);
}

static void
test_fixable (void)
{
  static const char *fixable[] = { "t3.row-total", "t3.results-total", "t4.total" };
  static const struct {
    const char *rule;
    const char *message;
  } broken[] = {
    /* which of two terms is wrong, nobody knows */
    { "\"type\": \"sum\", \"fixable\": true, \"lhs\": [\"a\", \"b\"]", "one term on its left side" },
    { "\"type\": \"sum\", \"fixable\": \"yes\", \"lhs\": [\"a\"]", "true or false" },
    { "\"type\": \"cell-empty\", \"fixable\": true, \"lhs\": [\"a\"]", "only a sum" },
  };
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(NbTemplate) one = NULL;
  g_autoptr(NbTemplate) two = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fixable); i++)
    g_assert_true (lookup_rule (template, fixable[i])->fixable);
  g_assert_false (lookup_rule (template, "t3.balance")->fixable);
  g_assert_false (lookup_rule (template, "cell.empty")->fixable);

  one = sum_template ("\"type\": \"sum\", \"fixable\": true, \"lhs\": [\"a\"]", &error);
  g_assert_no_error (error);
  g_assert_true (lookup_rule (one, "r")->fixable);
  two = sum_template ("\"type\": \"sum\", \"fixable\": false, \"lhs\": [\"a\", \"b\"]", &error);
  g_assert_no_error (error);
  g_assert_false (lookup_rule (two, "r")->fixable);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(NbTemplate) none = sum_template (broken[i].rule, &error);

      g_assert_null (none);
      g_assert_error (error, NB_ERROR, NB_ERROR_TEMPLATE);
      g_assert_nonnull (strstr (error->message, "rules[0]"));
      g_assert_nonnull (strstr (error->message, broken[i].message));
      g_clear_error (&error);
    }
}

static void
test_broken_templates (void)
{
  static const char *broken[] = {
    "",
    "[]",
    "{\"id\": \"x\"}",
    "{\"id\": \"x\", \"marks\": [], \"sections\": [], \"tables\": [{\"id\": \"t\", \"section\": \"none\", \"columns\": [], \"rows\": []}], \"rules\": []}",
    "{\"id\": \"x\", \"marks\": [], \"sections\": [], \"tables\": [], \"rules\": [{\"id\": \"r\", \"severity\": \"fatal\", \"type\": \"sum\"}]}",
    "{\"id\": \"x\", \"marks\": [], \"sections\": [], \"tables\": [], \"rules\": [{\"id\": \"r\", \"severity\": \"error\", \"type\": \"narrative\", \"patterns\": [\"(\"], \"zero_patterns\": [], \"cells\": []}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (broken[i], strlen (broken[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(NbTemplate) template = nb_template_new_from_bytes (bytes, &error);

      g_assert_null (template);
      g_assert_nonnull (error);
    }
}

/* The rules between two years are the template's data too; a comparison
 * builds them, and a template that describes them wrongly must fail here
 * rather than in a comparison. */
static void
test_cross_rules (void)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  g_autoptr(GError) error = NULL;
  NbCrossRules *rules = nb_cross_rules_new (template, &error);
  static const char *broken =
    "{\"id\": \"x\", \"marks\": [], \"sections\": [], \"tables\": [], \"rules\": [],"
    " \"cross_rules\": [{\"id\": \"year.x\", \"severity\": \"error\", \"type\": \"cross-sum\","
    " \"table\": \"none\", \"each\": \"column\", \"lhs\": [], \"rhs\": []}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, strlen (broken));
  g_autoptr(NbTemplate) wrong = NULL;
  gboolean carry_over = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  g_assert_cmpuint (nb_cross_rules_get_n_rules (rules), >=, 3);
  g_assert_cmpuint (nb_cross_rules_get_n_instances (rules), >, 0);
  g_assert_cmpuint (nb_cross_rules_get_n_headlines (rules), >, 0);
  for (guint i = 0; i < nb_cross_rules_get_n_rules (rules); i++)
    carry_over |= g_str_equal (nb_cross_rules_get_rule (rules, i)->id, "year.carry-over");
  g_assert_true (carry_over);
  nb_cross_rules_free (rules);

  wrong = nb_template_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_null (nb_cross_rules_new (wrong, &error));
  g_assert_nonnull (error);
}

/* Where a pattern's matches can start is read off the pattern: literal
 * Chinese first characters, through groups, optional parts and
 * assertions; anything it cannot be sure of gives no start. */
static void
test_pattern_starts (void)
{
  static const char *const anywhere[] = {
    "(\\p{Han}{2,4})\\2", "(\\p{Han}{0,4})\\1", "(?:\\p{Han}{2,4})\\1", "(?:问题)?", "x|\\s*问题", "\\s*年", "(?i)问题", "问|",
    "\\p{Han}{1,9}问", "\\p{Han}\\R问",
  };
  g_autoptr(NbPatternStart) words = nb_pattern_start_new ("问题|不足");
  g_autoptr(NbPatternStart) nested = nb_pattern_start_new ("(?:未(?:发生|出现)|没有|无)?(?:引起)?(?:行政复议|行政诉讼)");
  g_autoptr(NbPatternStart) behind = nb_pattern_start_new ("(?<![唯统])(一)是(?!否)");
  g_autoptr(NbPatternStart) digits = nb_pattern_start_new ("[０-９]{1,3}\\s*件");
  g_autoptr(NbPatternStart) branches = nb_pattern_start_new ("x|问题");
  g_autoptr(NbPatternStart) latin = nb_pattern_start_new ("(?<![0-9])([A-Za-z]{2,})");

  for (guint i = 0; i < G_N_ELEMENTS (anywhere); i++)
    g_assert_null (nb_pattern_start_new (anywhere[i]));
  g_assert_true (nb_pattern_start_allows (words, g_utf8_get_char ("问")));
  g_assert_true (nb_pattern_start_allows (words, g_utf8_get_char ("不")));
  g_assert_false (nb_pattern_start_allows (words, g_utf8_get_char ("题")));
  for (const char *c = "未没无引行"; *c != '\0'; c = g_utf8_next_char (c))
    g_assert_true (nb_pattern_start_allows (nested, g_utf8_get_char (c)));
  g_assert_false (nb_pattern_start_allows (nested, g_utf8_get_char ("发")));
  g_assert_true (nb_pattern_start_allows (behind, g_utf8_get_char ("一")));
  g_assert_false (nb_pattern_start_allows (behind, g_utf8_get_char ("唯")));
  g_assert_true (nb_pattern_start_allows (digits, g_utf8_get_char ("５")));
  g_assert_false (nb_pattern_start_allows (digits, g_utf8_get_char ("件")));
  /* each branch holds one of its characters: x, or 问 */
  g_assert_true (nb_pattern_start_allows (branches, 'x'));
  g_assert_true (nb_pattern_start_allows (branches, g_utf8_get_char ("问")));
  g_assert_false (nb_pattern_start_allows (branches, g_utf8_get_char ("题")));
  /* a capturing group of a class, repeated */
  g_assert_true (nb_pattern_start_allows (latin, 'Q'));
  g_assert_false (nb_pattern_start_allows (latin, '7'));
}

/* A run of \p{Han} written twice is looked for where characters of
 * three bytes or more come again: the Han script holds no character
 * of one or two bytes. */
static void
test_pattern_han_wide (void)
{
  g_autoptr(GRegex) han = g_regex_new ("\\p{Han}", G_REGEX_OPTIMIZE, 0, NULL);

  for (gunichar c = 1; c < 0x800; c++)
    {
      char bytes[8] = { 0 };

      g_unichar_to_utf8 (c, bytes);
      g_assert_false (g_regex_match (han, bytes, 0, NULL));
    }
}

/* Trying a pattern only where a match can start finds the same matches,
 * lookbehinds and overlaps included, as searching everywhere. */
static void
check_same_matches (const char *pattern,
                    const char *text,
                    guint       expected)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(NbPatternStart) start = nb_pattern_start_new (pattern);
  g_auto(NbPatternIter) plain;
  g_auto(NbPatternIter) started;
  g_auto(NbPatternIter) any;
  const NbPatternMatch *a, *b;
  gboolean found;
  guint n = 0;

  g_assert_nonnull (start);
  /* whether there is a match at all, told without making one */
  nb_pattern_iter_init (&any, regex, start, text, strlen (text));
  found = nb_pattern_iter_any (&any);
  g_assert_true (found == g_regex_match (regex, text, 0, NULL));
  g_assert_true (found == (expected > 0));
  /* a text that may not have one, told by words, has none */
  g_assert_true (!found || nb_pattern_start_may_match (start, text, strlen (text)));
  nb_pattern_iter_init (&plain, regex, NULL, text, strlen (text));
  nb_pattern_iter_init (&started, regex, start, text, strlen (text));
  do
    {
      a = nb_pattern_iter_next (&plain);
      b = nb_pattern_iter_next (&started);
      g_assert_true ((a == NULL) == (b == NULL));
      if (a == NULL)
        break;
      /* every group, and one past the pattern's, as GRegex tells them:
       * the started match is PCRE2's own where it could tell */
      for (int group = 0; group <= g_regex_get_capture_count (regex) + 1; group++)
        {
          int a_start = -2, a_end = -2, b_start = -2, b_end = -2;
          g_autofree char *a_text = nb_pattern_match_fetch (a, group);
          g_autofree char *b_text = nb_pattern_match_fetch (b, group);

          g_assert_true (nb_pattern_match_fetch_pos (a, group, &a_start, &a_end) ==
                         nb_pattern_match_fetch_pos (b, group, &b_start, &b_end));
          g_assert_cmpint (a_start, ==, b_start);
          g_assert_cmpint (a_end, ==, b_end);
          g_assert_cmpstr (a_text, ==, b_text);
        }
      n++;
    }
  while (TRUE);
  g_assert_cmpuint (n, ==, expected);
}

static void
test_pattern_start_matches (void)
{
  check_same_matches ("(?<!公开|不予)(?:答复|复议)[^。]{0,2}?([0-9０-９]+)件",
                      "予以答复3件，不予答复4件；公开答复5件。答复复议６件，答复答复7件复议8件", 4);
  /* a run written twice: the longest first, overlapping runs, at the end */
  /* a character every match holds, a few characters from its start */
  check_same_matches ("\\p{Han}\\s?([,;:?!])\\s?\\p{Han}",
                      "公开,公开 ; 信息:a,b 信息?\u3000信息!!，信息,信息,信息", 5);
  check_same_matches ("(?:(?:^|[。；;：:，,\\s])([二三四五六七八九十])|(?<![唯统同单万第])(一))是(?!否|非|指)",
                      "二是公开；三是统一是，一是否，第一是，四是\n五是。唯一是；六是", 5);
  check_same_matches ("(.)问", "问问a问\n问", 2);
  /* branches that each begin with a word, tried only where one is: in
   * a group, after a lookbehind, with a quantifier after the word */
  check_same_matches ("(?:上年度?|上一年度?)(?:结转|转入)([0-9]+)件",
                      "上年结转3件，上一年度转入4件，上一结转5件，上年转入，上午结转6件，上年度结转7件", 3);
  check_same_matches ("(?:办结|予以答复|(?<!公开|不予)答复)[^。]{0,4}?([0-9]+)件",
                      "办结3件，予以答复4件，不予答复5件，公开答复6件。答复7件，办理8件，予以公开9件", 3);
  check_same_matches ("(问题|不足|不到位|有待)", "不是问题，不足；不到位了有有待不到", 4);
  check_same_matches ("(行政复议)(?:案件)?([0-9]+)", "行政诉讼1，行政复议案件2，行政复议3，执行4", 2);
  {
    g_autoptr(NbPatternStart) words = nb_pattern_start_new ("(?:上年度?|上一年度?)(?:结转|转入)");
    const char *without = "上午结转，一年度转入，上上，年年";

    g_assert_false (nb_pattern_start_may_match (words, without, strlen (without)));
    g_assert_true (nb_pattern_start_may_match (words, "转入上一年", strlen ("转入上一年")));
    /* a pattern of no words may match anywhere */
    g_assert_true (nb_pattern_start_may_match (NULL, without, strlen (without)));
  }
  /* none at all: the words' first characters, never the words */
  check_same_matches ("(问题|不足|有待)", "问答，不是，有了；问问不不有有", 0);
  check_same_matches ("(处理费|收费|收取[^。；]{0,6}费|费用)", "未收取。费，收取一二三四五六七费", 0);
  check_same_matches ("(\\p{Han}{2,4})\\1",
                      "公开公开，的的确确，政府信息政府信息公开，信息公开信息公开工作，aa工作工作", 4);
  /* long runs of text without one, passed over 16 bytes at a time, and
   * runs met in the middle, after Latin letters and at the very end */
  check_same_matches ("(\\p{Han}{2,4})\\1",
                      "一二三四五六七八九十百千万亿甲乙丙丁戊己庚辛壬癸公开公开子丑寅卯辰巳午未申酉"
                      "——东南西北上下左右前后ab公告公告cd天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往"
                      "秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光信息信息", 3);
  /* runs of Chinese written twice between digits, Latin, characters
   * of two bytes and spaces, which they cannot hold, looked for 16
   * bytes at a time; with a character of four bytes in the text, as
   * before */
  check_same_matches ("(\\p{Han}{2,4})\\1",
                      "2024 年公开公开 12 条，信息 2 信息 2，é公告公告é，ab 工作工作 cd，"
                      "一二三四五六七八九十百千万亿甲乙丙丁 7 戊己庚辛戊己庚辛壬癸子丑寅卯辰巳午未申酉"
                      "东南西北 上下上下 左右前后 天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往信息信息", 6);
  check_same_matches ("(\\p{Han}{2,4})\\1",
                      "公开公开，𠀀信息𠀀信息，一二三四五六七八九十百千万亿甲乙丙丁戊己庚辛壬癸"
                      "子丑寅卯辰巳午未申酉东南西北上下左右前后天地玄黄𠀀𠀁𠀀𠀁", 3);
  check_same_matches ("(é|的)\\1", "éé的的，一二三四五六七八九十百千万亿甲乙丙丁戊己庚辛壬癸的的éé", 4);
  /* ranges told by one byte, ASCII or the last of three, looked for 16
   * bytes at a time: Latin words, digits half and full width */
  check_same_matches ("(?<![A-Za-z0-9./:@_\\-])([A-Za-z]{2,})(?![A-Za-z0-9./:@_\\-])",
                      "一二三四五六七八九十百千万亿甲乙丙丁APP和PDF，www.gov.cn，abc1，x，"
                      "戊己庚辛壬癸子丑寅卯辰巳午未申酉Word文档endif", 4);
  check_same_matches ("([0-9０-９]+)\\s*(?:件|项)?\\s*(?:结转下年度|转入下年度)",
                      "一二三四五六七八九十百千万亿甲乙丙丁3件结转下年度，共１２ 项转入下年度，"
                      "戊己庚辛壬癸子丑寅卯辰巳午未申酉2024年，7结转下年度", 3);
  /* a group of words written twice, tried where one of them starts */
  check_same_matches ("(的|了|和)\\1", "好的的确，了了，和和气气的，的了和", 3);
  /* a start of a few single characters, found by strstr */
  check_same_matches ("(?:未|没有)(发生|收到)", "未发生，没有收到，未曾发生，没有发生了", 3);
  /* branches holding their characters at different distances, found by
   * their first bytes */
  check_same_matches ("(?:20|２０)[XxＸｘ×]{2}\\s*年|[XxＸｘ×]{1,2}(\\s*)月",
                      "20XX年，２０ＸＸ 年，X月，2021年，ｘｘ月×日，20x年", 4);
  /* at the text's start or after a line break; a branch that may start
   * with a Chinese character is not looked for by its first bytes */
  check_same_matches ("(?:^|\\n)\\s*((?:19|20)[0-9]{2})\\s*年[，,]",
                      "2023年，我局\n 2022 年,本\n去年2021年，\n2020年，", 3);
  check_same_matches ("(?:^|[，,])二是|(一)是", "二是，二是,一是x一是", 4);
  /* words found by their last two bytes, 16 places at a time: at every
   * offset from a block's start, and after characters whose last two
   * bytes are a word's but whose first is not (藮 for 问, 袘 for 题,
   * 鶳 for 足) */
  for (guint pad = 0; pad < 40; pad++)
    {
      g_autofree char *text = g_strdup_printf ("%*s藮袘不鶳，问题%*s不足x", (int) pad, "", (int) (pad % 17), "");
      g_autofree char *none = g_strdup_printf ("%*s藮袘，不鶳有", (int) pad, "");

      check_same_matches ("(问题|不足|有待)", text, 2);
      check_same_matches ("(问题|不足|有待)", none, 0);
    }
}

/* Where PCRE2 cannot tell (a limit), GRegex tries the pattern, anchored
 * when it is matched: at the start of every character that finds what
 * PCRE2 finds with the pattern compiled anchored. */
static void
test_pattern_anchored_at (void)
{
  static const char *const patterns[] = {
    "(?:(?:^|[。；;：:，,\\s])([二三四五六七八九十])|(?<![唯统同单万第])(一))是(?!否|非|指)",
    "(\\p{Han}{2,4})\\1", "\\p{Han}\\s?([,;:?!])\\s?\\p{Han}", "(?:^|\\n)\\s*((?:19|20)[0-9]{2})\\s*年",
    "[（(]\\s*(?:文字描述|文字说明)[^）)]{0,30}[）)]", "(?<!不予)答复[^。]{0,4}?([0-9]+)件",
  };
  const char *text = "二是公开；三是统一是，一是否，第一是，四是\n五是。唯一是；六是公开公开,信息 ; 信息\n"
                     "2023 年（文字描述）x，答复3件，不予答复4件";
  gsize length = strlen (text);

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[p], G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(NbPatternProbe) probe = nb_pattern_probe_new (patterns[p]);
      pcre2_match_data *data = pcre2_match_data_create (1, NULL);

      g_assert_nonnull (probe);
      for (const char *at = text; *at != '\0'; at = g_utf8_next_char (at))
        {
          g_autoptr(GMatchInfo) match = NULL;
          int start = -1, end = -1;

          if (g_regex_match_full (regex, text, length, at - text, G_REGEX_MATCH_ANCHORED, &match, NULL))
            g_match_info_fetch_pos (match, 0, &start, &end);
          g_assert_true (start == -1 || start == at - text);
          g_assert_cmpint (nb_pattern_probe_end (probe, data, text, length, at - text), ==, end);
        }
      pcre2_match_data_free (data);
    }
}

/* The patterns of the default form, each compiled where it is first
 * used, by two threads at once, find what they find compiled at once. */
typedef struct
{
  GPtrArray  *patterns;   /* NbPattern, shared */
  const char *text;
} LazyRun;

/* The matches of @pattern, lazily compiled, compared with GRegex's */
static void
check_lazy_matches (NbPattern  *pattern,
                    const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new (nb_pattern_get_source (pattern), G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  g_auto(NbPatternIter) iter;
  gsize length = strlen (text);
  pcre2_match_data *data = pcre2_match_data_create (1, NULL);
  const NbPatternMatch *match;

  nb_pattern_iter_init_pattern (&iter, pattern, text, length);
  g_regex_match (regex, text, 0, &info);
  while ((match = nb_pattern_iter_next (&iter)) != NULL)
    {
      int start, end, expected_start, expected_end;

      g_assert_true (g_match_info_matches (info));
      nb_pattern_match_fetch_pos (match, 0, &start, &end);
      g_match_info_fetch_pos (info, 0, &expected_start, &expected_end);
      g_assert_cmpint (start, ==, expected_start);
      g_assert_cmpint (end, ==, expected_end);
      g_match_info_next (info, NULL);
    }
  g_assert_false (g_match_info_matches (info));
  /* and anchored, at every character */
  for (const char *at = text; *at != '\0'; at = g_utf8_next_char (at))
    {
      g_autoptr(GMatchInfo) anchored = NULL;
      int end = -1;

      if (g_regex_match_full (regex, text, length, at - text, G_REGEX_MATCH_ANCHORED, &anchored, NULL))
        g_match_info_fetch_pos (anchored, 0, NULL, &end);
      g_assert_cmpint (nb_pattern_probe_end (nb_pattern_get_probe (pattern), data, text, length, at - text), ==, end);
    }
  g_assert_true (g_regex_match (nb_pattern_get_regex (pattern), text, 0, NULL) ==
                 g_regex_match (regex, text, 0, NULL));
  pcre2_match_data_free (data);
}

static gpointer
lazy_run (gpointer data)
{
  LazyRun *run = data;

  for (guint i = 0; i < run->patterns->len; i++)
    check_lazy_matches (g_ptr_array_index (run->patterns, i), run->text);
  return NULL;
}

static void
test_pattern_lazy (void)
{
  g_autoptr(NbTemplate) template = nb_template_new_default (NULL);
  GPtrArray *rules = nb_template_get_rules (template);
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_pattern_free);
  LazyRun run = {
    patterns,
    "一、总体情况\n2023年，本机关主动公开政府信息120条。二是公开；三是统一是，一是否，第一是。"
    "收到政府信息公开申请3件，上年结转2件。答复3件，不予答复4件。（文字描述）XX月X日。"
    "存在的问题：工作不足，有待加强。下一步，我们将改进。2024年将继续公开公开,信息 ; 信息\n",
  };
  GThread *threads[2];
  g_autoptr(GError) error = NULL;

  for (guint r = 0; r < rules->len; r++)
    {
      NbTemplateRule *rule = g_ptr_array_index (rules, r);

      for (guint z = 0; z < 2; z++)
        {
          GPtrArray *from = z == 0 ? rule->patterns : rule->zero_patterns;

          for (guint i = 0; from != NULL && i < from->len; i++)
            g_ptr_array_add (patterns, nb_pattern_new (nb_pattern_get_source (g_ptr_array_index (from, i)),
                                                       &error));
        }
    }
  g_assert_no_error (error);
  g_assert_cmpuint (patterns->len, >, 10);
  /* fresh patterns: the two threads compile them as they meet them */
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("lazy", lazy_run, &run);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_thread_join (threads[t]);
  /* compiled now, they find the same again */
  lazy_run (&run);
  /* a pattern that does not compile is told at once */
  g_assert_null (nb_pattern_new ("(", &error));
  g_assert_error (error, G_REGEX_ERROR, G_REGEX_ERROR_UNMATCHED_PARENTHESIS);
}

/* The patterns of the forms this program carries are not checked where
 * they are loaded, but here: each compiles. */
static void
test_own_patterns_compile (void)
{
  g_auto(GStrv) ids = nb_template_list_ids ();

  for (guint t = 0; ids[t] != NULL; t++)
    {
      g_autoptr(NbTemplate) template = nb_template_new_for_id (ids[t], NULL);
      GPtrArray *rules = nb_template_get_rules (template);
      guint n = 0;

      for (guint r = 0; r < rules->len; r++)
        {
          NbTemplateRule *rule = g_ptr_array_index (rules, r);

          for (guint z = 0; z < 2; z++)
            {
              GPtrArray *patterns = z == 0 ? rule->patterns : rule->zero_patterns;

              for (guint i = 0; patterns != NULL && i < patterns->len; i++, n++)
                {
                  g_autoptr(GError) error = NULL;
                  g_autoptr(GRegex) regex = g_regex_new (nb_pattern_get_source (g_ptr_array_index (patterns, i)),
                                                         G_REGEX_OPTIMIZE, 0, &error);

                  g_assert_no_error (error);
                  g_assert_nonnull (nb_pattern_get_regex (g_ptr_array_index (patterns, i)));
                }
            }
        }
      g_assert_cmpuint (n, >, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nianbao/template/cells", test_cells);
  g_test_add_func ("/nianbao/template/sections-and-rules", test_sections_and_rules);
  g_test_add_func ("/nianbao/template/broken", test_broken_templates);
  g_test_add_func ("/nianbao/template/fixable", test_fixable);
  g_test_add_func ("/nianbao/template/cross-rules", test_cross_rules);
  g_test_add_func ("/nianbao/template/pattern-starts", test_pattern_starts);
  g_test_add_func ("/nianbao/template/pattern-start-matches", test_pattern_start_matches);
  g_test_add_func ("/nianbao/template/pattern-han-wide", test_pattern_han_wide);
  g_test_add_func ("/nianbao/template/pattern-anchored-at", test_pattern_anchored_at);
  g_test_add_func ("/nianbao/template/pattern-lazy", test_pattern_lazy);
  g_test_add_func ("/nianbao/template/own-patterns-compile", test_own_patterns_compile);

  return g_test_run ();
}
