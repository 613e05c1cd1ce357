/* nb-check.c — what every rule written as code shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-check"

#include "config.h"

#include "nb-check.h"

#include <stdlib.h>
#include <string.h>

#include "nb-diagnostic-private.h"
#include "nb-number.h"

/* a quoted sentence is cut here, then ends with … */
#define MAX_QUOTE_CHARS 60
/* and looked for no further than this either side: a text without a full
 * stop is not walked through for every finding */
#define MAX_SENTENCE_BYTES 600

typedef struct
{
  const char  *id;
  NbCheckFunc  func;
} CheckEntry;

/* sorted by id: looked up by bisection at every check run */
static const CheckEntry checks[] = {
  { "meta.published-late", nb_check_meta_published_late },
  { "narrative.all-closed", nb_check_narrative_all_closed },
  { "narrative.carried-over", nb_check_narrative_count },
  { "narrative.fee-statement", nb_check_narrative_fee },
  { "narrative.in-force", nb_check_narrative_count },
  { "narrative.litigation", nb_check_narrative_count },
  { "narrative.none-claims", nb_check_narrative_none_claims },
  { "narrative.placeholder", nb_check_placeholder },
  { "narrative.plan-year", nb_check_narrative_plan_year },
  { "narrative.problems", nb_check_narrative_problems },
  { "narrative.processed", nb_check_narrative_count },
  { "narrative.review", nb_check_narrative_count },
  { "narrative.stale-year", nb_check_narrative_stale_year },
  { "struct.heading-number", nb_check_struct_heading_number },
  { "struct.overview-topics", nb_check_struct_overview_topics },
  { "struct.sections", nb_check_struct_sections },
  { "t2.fee-magnitude", nb_check_t2_fee_magnitude },
  { "t2.in-force-lt-issued", nb_check_t2_in_force },
  { "t3.column-swap-hint", nb_check_t3_column_swap },
  { "t3.split-cell-hint", nb_check_t3_split_cell },
  { "text.enumeration", nb_check_text_enumeration },
  { "text.latin", nb_check_text_latin },
  { "text.punctuation", nb_check_text_punctuation },
  { "text.repeated-word", nb_check_text_repeated_word },
};

/**
 * nb_check_lookup:
 * @rule_id: a rule id of the template's `check` rules
 *
 * Returns: (nullable): the code of the rule, or %NULL when this version
 *   does not know it (a newer template), which is then not evaluated
 */
static int
compare_entry (const void *key,
               const void *entry)
{
  return strcmp (key, ((const CheckEntry *) entry)->id);
}

NbCheckFunc
nb_check_lookup (const char *rule_id)
{
  const CheckEntry *found = bsearch (rule_id, checks, G_N_ELEMENTS (checks), sizeof *checks, compare_entry);

  return found != NULL ? found->func : NULL;
}

/**
 * nb_check_add:
 * @check: the run
 * @message: the finding, as the reviewer reads it
 * @line: the source line it is on (nb_check_line()), or 0
 * @cells: (array length=n_cells) (nullable): the cells it names
 * @n_cells: their number
 *
 * Adds a finding with the rule's severity, its line and place; the rest
 * past NB_CHECK_MAX_FINDINGS are dropped.
 *
 * Returns: (transfer none) (nullable): the finding, to give it a subject
 */
NbDiagnostic *
nb_check_add (NbCheck     *check,
              const char  *message,
              guint        line,
              const guint *cells,
              guint        n_cells)
{
  NbDiagnostic *diagnostic;

  if (check->findings->len >= NB_CHECK_MAX_FINDINGS)
    return NULL;
  diagnostic = nb_diagnostic_new (check->template, check->rule->severity, check->rule->id,
                                  message, line, cells, n_cells);
  nb_diagnostic_take_location (diagnostic,
                               nb_place_describe (nb_report_peek_place (check->report, line)));
  g_ptr_array_add (check->findings, diagnostic);
  return diagnostic;
}

/* The source line of @offset in @section's text (0 when unknown). */
guint
nb_check_line (NbCheck *check,
               int      section,
               gsize    offset)
{
  return section < 0 ? 0 : nb_report_get_section_line (check->report, section, offset);
}

gboolean
nb_check_cell_value (NbCheck *check,
                     guint    cell,
                     gint64  *value)
{
  const NbCellData *data = &nb_report_peek_cells (check->report)[cell];

  *value = data->value;
  return data->state == NB_CELL_STATE_VALUE;
}

int
nb_check_cell (NbCheck    *check,
               const char *address)
{
  return nb_template_lookup_cell (check->template, address);
}

/* Whether the character at @at of valid UTF-8 ends a sentence (。；;！？
 * or a line break), told by its bytes */
static gboolean
ends_sentence_at (const char *at)
{
  const guchar *bytes = (const guchar *) at;

  switch (bytes[0])
    {
    case '\n':
    case ';':
      return TRUE;
    case 0xe3:
      return bytes[1] == 0x80 && bytes[2] == 0x82;
    case 0xef:
      return bytes[1] == 0xbc && (bytes[2] == 0x9b || bytes[2] == 0x81 || bytes[2] == 0x9f);
    default:
      return FALSE;
    }
}

/**
 * nb_check_quote:
 * @text: a section's text, valid UTF-8
 * @offset: a byte offset in it
 *
 * Returns: (transfer full): the sentence around @offset, cut to a
 *   length a list row can show
 */
char *
nb_check_quote (const char *text,
                gsize       offset)
{
  const char *start = text + offset;
  const char *end = text + offset;
  const char *cut;
  char *quote;
  guint n;

  while (start > text && (gsize) (text + offset - start) < MAX_SENTENCE_BYTES)
    {
      const char *previous = start - 1;

      while (previous > text && (*previous & 0xc0) == 0x80)
        previous--;
      if (ends_sentence_at (previous))
        break;
      start = previous;
    }
  while (*end != '\0' && !ends_sentence_at (end) &&
         (gsize) (end - (text + offset)) < MAX_SENTENCE_BYTES)
    end = g_utf8_next_char (end);
  /* the blanks may run past the 600 bytes looked ahead: then nothing
   * is left to quote */
  while (start < end && (*start == ' ' || *start == '\t'))
    start++;

  /* the first MAX_QUOTE_CHARS characters, and … when there are more */
  for (cut = start, n = 0; n < MAX_QUOTE_CHARS && cut < end; n++)
    cut = g_utf8_next_char (cut);
  if (cut >= end)
    return g_strndup (start, end - start);
  quote = g_malloc (cut - start + strlen ("…") + 1);
  memcpy (quote, start, cut - start);
  strcpy (quote + (cut - start), "…");
  return quote;
}

/* The number in @group of @match, ASCII or full-width digits. */
gboolean
nb_check_group_number (const NbPatternMatch *match,
                       int                   group,
                       gint64               *value)
{
  int start, end;

  if (!nb_pattern_match_fetch_pos (match, group, &start, &end) || start < 0 || end <= start)
    return FALSE;
  return nb_number_parse (match->text + start, end - start, NB_CELL_KIND_COUNT, NULL, value) ==
         NB_CELL_STATE_VALUE;
}

/**
 * nb_check_section_text:
 * @check: the run
 * @section_id: a narrative section's id
 * @section: (out): its index
 *
 * Returns: (nullable): its text, %NULL when it is empty
 */
const char *
nb_check_section_text (NbCheck    *check,
                       const char *section_id,
                       int        *section)
{
  *section = nb_template_lookup_section (check->template, section_id);
  if (*section < 0)
    return NULL;
  return nb_report_peek_section (check->report, *section);
}

/**
 * nb_check_section_missing:
 * @check: the run
 * @section: a section index
 *
 * Returns: whether the report was read from text and @section's heading
 *   was not in it; struct.sections reports that, and the rules about the
 *   section's text then say nothing more
 */
gboolean
nb_check_section_missing (NbCheck *check,
                          int      section)
{
  guint n_headings;
  const NbHeading *headings = nb_report_peek_headings (check->report, &n_headings);

  if (!nb_report_has_headings (check->report))
    return FALSE;
  for (guint i = 0; i < n_headings; i++)
    if ((int) headings[i].section == section)
      return FALSE;
  return TRUE;
}

/* Whether @text says anything once the form's own placeholders (the
 * patterns of narrative.placeholder) are taken out: "（文字描述）" alone is
 * a section of the form as issued, not yet written. */
/* The end of the placeholder that starts at @at, or @at when none does.
 * The patterns are tried there through PCRE2 itself: GRegex would check
 * the UTF-8 of the text after @at at every try. */
static gsize
skip_placeholder (const NbTemplateRule *rule,
                  pcre2_match_data     *data,
                  const char           *text,
                  gsize                 length,
                  gsize                 at)
{
  for (guint p = 0; rule != NULL && p < rule->patterns->len; p++)
    {
      NbPatternProbe *probe = nb_pattern_get_probe (g_ptr_array_index (rule->patterns, p));
      gssize end = nb_pattern_probe_end (probe, data, text, length, at);

      if (end > 0 && (gsize) end > at)
        return end;
    }
  return at;
}

static gboolean
has_own_words (NbCheck    *check,
               guint       section,
               const char *text)
{
  int id = nb_template_lookup_rule (check->template, "narrative.placeholder");
  const NbTemplateRule *rule = id >= 0 ? g_ptr_array_index (nb_template_get_rules (check->template), id) : NULL;
  gsize length = nb_report_peek_section_length (check->report, section);
  gsize at = 0;
  pcre2_match_data *data = pcre2_match_data_create (1, NULL);
  gboolean own = FALSE;

  /* a placeholder is passed over as a whole (its brackets included),
   * blanks and punctuation one by one; the first other character is the
   * writer's */
  while (text[at] != '\0' && !own)
    {
      gunichar c = g_utf8_get_char (text + at);
      gsize end = skip_placeholder (rule, data, text, length, at);

      if (end > at)
        at = end;
      else if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        at = g_utf8_next_char (text + at) - text;
      else
        own = TRUE;
    }
  pcre2_match_data_free (data);
  return own;
}

static gboolean
read_own_words (NbCheck *check)
{
  guint n_sections = nb_template_get_n_sections (check->template);

  for (guint s = 0; s < n_sections; s++)
    {
      const char *text = nb_report_peek_section (check->report, s);

      if (nb_template_section_is_narrative (check->template, s) && text != NULL &&
          has_own_words (check, s, text))
        return TRUE;
    }
  return FALSE;
}

/* read_own_words(), once for all the rules that ask */
static gboolean
narrative_has_own_words (NbCheck *check)
{
  if (check->shared == NULL)
    return read_own_words (check);
  if (check->shared->own_words < 0)
    check->shared->own_words = read_own_words (check);
  return check->shared->own_words;
}

static gboolean
any_cell_filled (NbCheck *check)
{
  const NbCellData *cells = nb_report_peek_cells (check->report);

  for (guint c = 0; c < nb_template_get_n_cells (check->template); c++)
    if (cells[c].text != NULL)
      return TRUE;
  return FALSE;
}

/**
 * nb_check_report_blank:
 * @check: the run
 *
 * Returns: whether the report is the form as issued: no cell holds
 *   anything and the narrative holds nothing but the form's placeholders
 *   (a new report, the official blank template opened). Its placeholders
 *   are the form's, not words left in.
 */
gboolean
nb_check_report_blank (NbCheck *check)
{
  return !any_cell_filled (check) && !narrative_has_own_words (check);
}

/**
 * nb_check_narrative_begun:
 * @check: the run
 *
 * Returns: whether the narrative is there to be judged: one of its
 *   sections holds words of the writer's own (not only the form's
 *   placeholders), or the report was read from a document and is not
 *   blank (what was published is all there is). A form's sections not
 *   yet written wait for the clerk; the rules on what a section must say
 *   say nothing until then.
 */
gboolean
nb_check_narrative_begun (NbCheck *check)
{
  if (narrative_has_own_words (check))
    return TRUE;
  return nb_report_has_headings (check->report) && any_cell_filled (check);
}

/* Whether the run has all the findings it may report. */
gboolean
nb_check_is_full (NbCheck *check)
{
  return check->findings->len >= NB_CHECK_MAX_FINDINGS;
}

/**
 * nb_check_each_match:
 * @check: the check
 * @func: what to do with one match
 *
 * Calls @func for every match of every pattern of the rule in every
 * narrative section, until the check is full.
 */
void
nb_check_each_match (NbCheck          *check,
                     NbCheckMatchFunc  func)
{
  guint n_sections = nb_template_get_n_sections (check->template);

  for (guint s = 0; s < n_sections; s++)
    {
      const char *text;
      gsize length;

      if (!nb_template_section_is_narrative (check->template, s) ||
          (text = nb_report_peek_section (check->report, s)) == NULL)
        continue;
      length = nb_report_peek_section_length (check->report, s);
      for (guint p = 0; p < check->rule->patterns->len; p++)
        {
          g_auto(NbPatternIter) iter;
          const NbPatternMatch *match;

          nb_check_iter_init (check, &iter, p, text, length);
          while (!nb_check_is_full (check) && (match = nb_pattern_iter_next (&iter)) != NULL)
            func (check, s, text, match);
        }
    }
}

/**
 * nb_check_matches:
 * @p: which of the rule's patterns
 * @text: valid UTF-8
 * @length: strlen() of @text
 *
 * Returns: whether the rule's pattern @p matches anywhere in @text; no
 *   match is made where its start tells (see nb_pattern_iter_any())
 */
gboolean
nb_check_matches (NbCheck    *check,
                  guint       p,
                  const char *text,
                  gsize       length)
{
  g_auto(NbPatternIter) iter;

  nb_check_iter_init (check, &iter, p, text, length);
  return nb_pattern_iter_any (&iter);
}

/**
 * nb_check_iter_init:
 * @p: which of the rule's patterns
 *
 * Sets @iter to walk the matches of the rule's pattern @p in @text.
 */
void
nb_check_iter_init (NbCheck       *check,
                    NbPatternIter *iter,
                    guint          p,
                    const char    *text,
                    gsize          length)
{
  nb_pattern_iter_init_pattern (iter, g_ptr_array_index (check->rule->patterns, p), text, length);
}
