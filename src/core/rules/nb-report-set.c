/* nb-report-set.c — a batch of reports: one folder, one year, one roster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-report-set"

#include "config.h"

#include "nb-report-set.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "nb-comparison.h"
#include "nb-cross-rules.h"
#include "nb-number.h"
#include "nb-organ-name.h"
#include "nb-text-similarity.h"

/* The findings no single report shows: who did not file, who filed
 * twice or is not on the list, whose text another unit wrote, whether
 * the government's own report adds up with its units', and what changed
 * since last year. The set only reads its reports; reading the files and
 * each report's own rules are the caller's. */
#define MAX_LISTED_CELLS  5
/* a narrative shorter than this many runs of text is not compared, as
 * year.text-similarity does */
#define MIN_RUNS          40

typedef struct
{
  char     *file;
  NbReport *report;     /* NULL: unreadable */
  char     *key;        /* the organ folded, as of the last check */
} Entry;

struct _NbReportSet
{
  GObject      parent_instance;

  GArray      *entries;   /* Entry */
  NbRoster    *roster;
  NbReportSet *previous;
};

G_DEFINE_FINAL_TYPE (NbReportSet, nb_report_set, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->file);
  g_free (entry->key);
  g_clear_object (&entry->report);
}

static void
nb_report_set_dispose (GObject *object)
{
  NbReportSet *self = (NbReportSet *) object;

  g_clear_object (&self->roster);
  g_clear_object (&self->previous);

  G_OBJECT_CLASS (nb_report_set_parent_class)->dispose (object);
}

static void
nb_report_set_finalize (GObject *object)
{
  NbReportSet *self = (NbReportSet *) object;

  g_array_unref (self->entries);

  G_OBJECT_CLASS (nb_report_set_parent_class)->finalize (object);
}

static void
nb_report_set_class_init (NbReportSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nb_report_set_dispose;
  object_class->finalize = nb_report_set_finalize;
}

static void
nb_report_set_init (NbReportSet *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

static Entry *
entry_at (NbReportSet *self,
          guint        index)
{
  return &g_array_index (self->entries, Entry, index);
}

/* A readable report of the set's year with an organ */
static gboolean
counts (NbReportSet *self,
        Entry       *entry,
        guint        year)
{
  return entry->report != NULL && nb_report_get_year (entry->report) == year &&
         *nb_report_get_organ (entry->report) != '\0';
}

static void
add_finding (GPtrArray          *findings,
             NbSeverity          severity,
             const char         *rule_id,
             const char         *organ,
             const char * const *files,
             char               *message)
{
  g_ptr_array_add (findings, nb_set_finding_new (severity, rule_id, message, organ, files));
  g_free (message);
}

/* The first readable report of the year whose organ has @key, or -1 */
static int
find_key (NbReportSet *self,
          const char  *key,
          guint        year)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = entry_at (self, i);

      if (counts (self, entry, year) && nb_organ_name_match_folded (entry->key, key))
        return i;
    }
  return -1;
}

/* Organs may have been edited since the last check */
static void
fold_organs (NbReportSet *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = entry_at (self, i);

      g_free (entry->key);
      entry->key = nb_organ_name_fold (entry->report ? nb_report_get_organ (entry->report) : "");
    }
}

/* set.missing, set.unexpected */

static gboolean
has_report (NbReportSet *self,
            const char  *organ,
            guint        year)
{
  g_autofree char *key = nb_organ_name_fold (organ);

  return find_key (self, key, year) >= 0;
}

static void
check_roster (NbReportSet *self,
              guint        year,
              GPtrArray   *findings)
{
  for (guint u = 0; u < nb_roster_get_n_units (self->roster); u++)
    {
      const char *unit = nb_roster_get_unit (self->roster, u);

      if (!has_report (self, unit, year))
        add_finding (findings, NB_SEVERITY_WARNING, "set.missing", unit, NULL,
                     g_strdup_printf (_("No report of %s for %u: the unit is on the roster"), unit, year));
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = entry_at (self, i);
      const char *files[] = { entry->file, NULL };
      const char *organ;

      if (entry->report == NULL || *(organ = nb_report_get_organ (entry->report)) == '\0' ||
          nb_roster_find (self->roster, organ) >= 0)
        continue;
      add_finding (findings, NB_SEVERITY_WARNING, "set.unexpected", organ, files,
                   g_strdup_printf (_("%s is not on the roster"), organ));
    }
}

static void
check_other_years (NbReportSet *self,
                   guint        year,
                   GPtrArray   *findings)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = entry_at (self, i);
      const char *files[] = { entry->file, NULL };
      guint other;

      if (entry->report == NULL || (other = nb_report_get_year (entry->report)) == year || other == 0)
        continue;
      add_finding (findings, NB_SEVERITY_WARNING, "set.unexpected", nb_report_get_organ (entry->report), files,
                   g_strdup_printf (_("The report is for %u; the others are for %u"), other, year));
    }
}

/* set.duplicate */

static gboolean
same_text (NbReport *a,
           NbReport *b)
{
  NbTemplate *template = nb_report_get_template (a);

  if (g_strcmp0 (nb_report_get_title (a), nb_report_get_title (b)) != 0)
    return FALSE;
  for (guint s = 0; s < nb_template_get_n_sections (template); s++)
    {
      const char *id = nb_template_get_section_id (template, s);

      if (!nb_template_section_is_narrative (template, s))
        continue;
      if (g_strcmp0 (nb_report_get_section_text (a, id), nb_report_get_section_text (b, id)) != 0)
        return FALSE;
    }
  return TRUE;
}

static char *
describe_cell_change (NbReport *a,
                      NbReport *b,
                      guint     cell)
{
  const char *before = nb_report_get_cell_text (a, cell);
  const char *after = nb_report_get_cell_text (b, cell);

  /* Translators: a cell that differs: "本年新收… 总计 12 → 13" */
  return g_strdup_printf (_("%s %s → %s"), nb_template_get_cell_label (nb_report_get_template (a), cell),
                          *before ? before : "—", *after ? after : "—");
}

static char *
describe_revision (const char *first,
                   const char *second,
                   NbReport   *a,
                   NbReport   *b)
{
  g_autoptr(GString) cells = g_string_new (NULL);
  guint n_changed = 0;

  for (guint c = 0; c < nb_report_get_n_cells (a); c++)
    {
      g_autofree char *change = NULL;

      if (g_strcmp0 (nb_report_get_cell_text (a, c), nb_report_get_cell_text (b, c)) == 0)
        continue;
      if (++n_changed > MAX_LISTED_CELLS)
        continue;
      change = describe_cell_change (a, b, c);
      g_string_append_printf (cells, "%s%s", cells->len > 0 ? "; " : "", change);
    }
  if (n_changed == 0)
    return g_strdup_printf (_("“%s” and “%s” are one report with different text: a revision, "
                              "not a second report; the tables are the same"), first, second);
  if (n_changed > MAX_LISTED_CELLS)
    g_string_append (cells, "; …");
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” and “%s” are one report in two versions, a revision, "
                                       "not a second report: %u cell differs: %s",
                                       "“%s” and “%s” are one report in two versions, a revision, "
                                       "not a second report: %u cells differ: %s", n_changed),
                          first, second, n_changed, cells->str);
}

static void
check_pair (Entry     *a,
            Entry     *b,
            GPtrArray *findings)
{
  const char *files[] = { a->file, b->file, NULL };
  const char *organ = nb_report_get_organ (a->report);
  gboolean identical = same_text (a->report, b->report);

  for (guint c = 0; identical && c < nb_report_get_n_cells (a->report); c++)
    identical = g_strcmp0 (nb_report_get_cell_text (a->report, c), nb_report_get_cell_text (b->report, c)) == 0;
  if (identical)
    add_finding (findings, NB_SEVERITY_WARNING, "set.duplicate", organ, files,
                 g_strdup_printf (_("“%s” and “%s” are the same report of %s for %u"),
                                  a->file, b->file, organ, nb_report_get_year (a->report)));
  else
    add_finding (findings, NB_SEVERITY_WARNING, "set.duplicate", organ, files,
                 describe_revision (a->file, b->file, a->report, b->report));
}

/* Two files claim one organ and year: the later ones are each compared
 * with the first. */
static void
check_duplicates (NbReportSet *self,
                  GPtrArray   *findings)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *a = entry_at (self, i);
      gboolean seen = FALSE;

      if (a->report == NULL || *nb_report_get_organ (a->report) == '\0')
        continue;
      for (guint j = 0; j < i && !seen; j++)
        {
          Entry *b = entry_at (self, j);

          seen = b->report != NULL && nb_report_get_year (b->report) == nb_report_get_year (a->report) &&
                 nb_organ_name_match_folded (a->key, b->key);
        }
      for (guint j = i + 1; j < self->entries->len && !seen; j++)
        {
          Entry *b = entry_at (self, j);

          if (b->report != NULL && nb_report_get_year (b->report) == nb_report_get_year (a->report) &&
              nb_report_get_template (a->report) == nb_report_get_template (b->report) &&
              nb_organ_name_match_folded (a->key, b->key))
            check_pair (a, b, findings);
        }
    }
}

/* set.similar-text */

/* Each narrative (一, 五 and 六 together) without its organ's names,
 * numbers and the statutory sentences, as year.text-similarity reads it */
static GPtrArray *
narrative_prints (NbReportSet       *self,
                  guint              year,
                  const NbCrossRule *rule)
{
  GPtrArray *prints = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_text_print_free);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = entry_at (self, i);
      g_autofree char *text = NULL;
      g_autofree char *short_name = NULL;
      const char *names[3] = { NULL };

      if (!counts (self, entry, year) || find_key (self, entry->key, year) != (int) i)
        {
          g_ptr_array_add (prints, NULL);
          continue;
        }
      names[0] = nb_report_get_organ (entry->report);
      names[1] = short_name = nb_organ_name_dup_short (names[0]);
      text = g_strjoin ("\n", nb_report_get_section_text (entry->report, "overview"),
                        nb_report_get_section_text (entry->report, "problems"),
                        nb_report_get_section_text (entry->report, "other"), NULL);
      g_ptr_array_add (prints, nb_text_print_new (text, names, rule->patterns));
    }
  return prints;
}

static void
add_similar (NbReportSet       *self,
             const NbCrossRule *rule,
             guint              a,
             guint              b,
             double             similarity,
             GPtrArray         *findings)
{
  Entry *first = entry_at (self, a);
  Entry *second = entry_at (self, b);
  const char *files[] = { first->file, second->file, NULL };

  add_finding (findings, rule->severity, "set.similar-text", nb_report_get_organ (first->report), files,
               g_strdup_printf (_("The narratives of %s and %s are %d %% the same, names and numbers "
                                  "aside: one unit’s text copied by the other"),
                                nb_report_get_organ (first->report), nb_report_get_organ (second->report),
                                (int) floor (similarity * 100)));
}

/* Every pair of organs once: prints are made once per report, and a pair
 * whose lengths alone rule the threshold out is not compared. */
static void
check_similar (NbReportSet *self,
               guint        year,
               GPtrArray   *findings)
{
  NbTemplate *template = NULL;
  NbCrossRules *rules;
  const NbCrossRule *rule = NULL;
  g_autoptr(GPtrArray) prints = NULL;

  for (guint i = 0; i < self->entries->len && template == NULL; i++)
    if (counts (self, entry_at (self, i), year))
      template = nb_report_get_template (entry_at (self, i)->report);
  if (template == NULL || (rules = nb_cross_rules_new (template, NULL)) == NULL)
    return;
  for (guint r = 0; r < nb_cross_rules_get_n_rules (rules) && rule == NULL; r++)
    if (nb_cross_rules_get_rule (rules, r)->type == NB_CROSS_TEXT_SIMILARITY)
      rule = nb_cross_rules_get_rule (rules, r);
  if (rule != NULL)
    prints = narrative_prints (self, year, rule);
  for (guint a = 0; prints != NULL && a < prints->len; a++)
    for (guint b = a + 1; g_ptr_array_index (prints, a) != NULL && b < prints->len; b++)
      {
        NbTextPrint *pa = g_ptr_array_index (prints, a), *pb = g_ptr_array_index (prints, b);
        guint la, lb;
        double similarity;

        if (pb == NULL || nb_report_get_template (entry_at (self, b)->report) != template ||
            (la = nb_text_print_get_length (pa)) < MIN_RUNS || (lb = nb_text_print_get_length (pb)) < MIN_RUNS ||
            2.0 * MIN (la, lb) / (la + lb) < rule->threshold)
          continue;
        similarity = nb_text_print_similarity (pa, pb);
        if (similarity >= rule->threshold)
          add_similar (self, rule, a, b, similarity, findings);
      }
  nb_cross_rules_free (rules);
}

/* set.aggregate: a government's report counts its own offices and, in
 * most places, its units' applications too. Below the sum of the units it
 * cannot be; above it may be right, since the units in the folder are not
 * always all it counts. */

static int
find_aggregate (NbReportSet *self,
                guint        year)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = entry_at (self, i);
      g_autofree char *region = NULL;

      if (!counts (self, entry, year) ||
          (region = nb_organ_name_dup_region (nb_report_get_organ (entry->report))) == NULL)
        continue;
      /* a government whose region names at least one other report's organ */
      for (guint j = 0; j < self->entries->len; j++)
        {
          Entry *other = entry_at (self, j);
          if (j == i || !counts (self, other, year))
            continue;
          if (g_str_has_prefix (other->key, region) && !nb_organ_name_match_folded (other->key, entry->key))
            return i;
        }
    }
  return -1;
}

/* A unit of the region names it first, or names no region at all
 * ("财政局", "侯寨办事处"); "偃师区伊洛街道办事处" is no unit of 淮安市. */
static gboolean
in_region (Entry      *unit,
           const char *region)
{
  g_autofree char *short_name = NULL;

  if (g_str_has_prefix (unit->key, region))
    return TRUE;
  short_name = nb_organ_name_dup_short (unit->key);
  return short_name == NULL;
}

static void
check_headline (NbReportSet      *self,
                guint             aggregate,
                const char       *region,
                const NbHeadline *headline,
                guint             year,
                GPtrArray        *findings)
{
  Entry *entry = entry_at (self, aggregate);
  const char *organ = nb_report_get_organ (entry->report);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autofree char *total_text = NULL;
  g_autofree char *sum_text = NULL;
  gint64 total, sum = 0;
  guint n_units = 0;

  /* a figure the overview states is the government's own, as a rule */
  if (headline->pattern != NULL || !nb_headline_get_value (headline, entry->report, &total))
    return;
  g_ptr_array_add (files, entry->file);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *unit = entry_at (self, i);
      gint64 value;

      if (i == aggregate || !counts (self, unit, year) ||
          nb_organ_name_match_folded (unit->key, entry->key) ||
          find_key (self, unit->key, year) != (int) i ||
          !in_region (unit, region) ||
          !nb_headline_get_value (headline, unit->report, &value))
        continue;
      sum += value;
      n_units++;
      g_ptr_array_add (files, unit->file);
    }
  g_ptr_array_add (files, NULL);
  if (n_units == 0 || total == sum)
    return;
  total_text = nb_number_format (total, NB_CELL_KIND_COUNT);
  sum_text = nb_number_format (sum, NB_CELL_KIND_COUNT);
  if (total < sum)
    add_finding (findings, NB_SEVERITY_WARNING, "set.aggregate", organ, (const char * const *) files->pdata,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s: the government’s report states %s, less than the %s "
                                               "of its %u unit’s report",
                                               "%s: the government’s report states %s, less than the %s "
                                               "its %u units’ reports add up to",
                                               n_units),
                                  headline->label, total_text, sum_text, n_units));
  else
    add_finding (findings, NB_SEVERITY_INFO, "set.aggregate", organ, (const char * const *) files->pdata,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s: the government’s report states %s, its %u unit’s "
                                               "report %s; the government may also count offices and "
                                               "units whose reports are not in this batch",
                                               "%s: the government’s report states %s, its %u units’ "
                                               "reports add up to %s; the government may also count "
                                               "offices and units whose reports are not in this batch",
                                               n_units),
                                  headline->label, total_text, n_units, sum_text));
}

static void
check_aggregate (NbReportSet *self,
                 guint        year,
                 GPtrArray   *findings)
{
  int aggregate = find_aggregate (self, year);
  g_autofree char *region = NULL;
  NbCrossRules *rules;

  if (aggregate < 0)
    return;
  rules = nb_cross_rules_new (nb_report_get_template (entry_at (self, aggregate)->report), NULL);
  if (rules == NULL)
    return;
  region = nb_organ_name_dup_region (nb_report_get_organ (entry_at (self, aggregate)->report));
  for (guint h = 0; h < nb_cross_rules_get_n_headlines (rules); h++)
    check_headline (self, aggregate, region, nb_cross_rules_get_headline (rules, h), year, findings);
  nb_cross_rules_free (rules);
}

/* Last year's batch: year.* for every organ in both, set.missing for
 * those that filed then and not now. */

static void
compare_years (Entry     *older,
               Entry     *newer,
               GPtrArray *findings)
{
  g_autoptr(NbComparison) comparison = nb_comparison_new (older->report, newer->report);
  GListModel *diagnostics = nb_comparison_get_diagnostics (comparison);
  const char *files[] = { older->file, newer->file, NULL };

  for (guint d = 0; d < g_list_model_get_n_items (diagnostics); d++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (diagnostics, d);
      NbSetFinding *finding = nb_set_finding_new (nb_diagnostic_get_severity (diagnostic),
                                                  nb_diagnostic_get_rule_id (diagnostic),
                                                  nb_diagnostic_get_message (diagnostic),
                                                  nb_report_get_organ (newer->report), files);

      nb_set_finding_set_diagnostic (finding, diagnostic);
      g_ptr_array_add (findings, finding);
    }
}

static void
check_previous (NbReportSet *self,
                guint        year,
                GPtrArray   *findings)
{
  NbReportSet *previous = self->previous;
  guint previous_year = nb_report_set_get_year (previous);

  for (guint i = 0; i < previous->entries->len; i++)
    {
      Entry *older = entry_at (previous, i);
      const char *organ;
      int found;

      /* each organ once, from its first file */
      if (!counts (previous, older, previous_year) || find_key (previous, older->key, previous_year) != (int) i)
        continue;
      organ = nb_report_get_organ (older->report);
      found = find_key (self, older->key, year);
      if (found >= 0 && nb_report_get_template (older->report) ==
                        nb_report_get_template (entry_at (self, found)->report))
        compare_years (older, entry_at (self, found), findings);
      else if (found < 0 && (self->roster == NULL || nb_roster_find (self->roster, organ) < 0))
        {
          const char *files[] = { older->file, NULL };

          add_finding (findings, NB_SEVERITY_WARNING, "set.missing", organ, files,
                       g_strdup_printf (_("No report of %s for %u: the unit filed one for %u"),
                                        organ, year, previous_year));
        }
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  return nb_set_finding_compare (*(NbSetFinding **) a, *(NbSetFinding **) b);
}

/* Public API */

/**
 * nb_report_set_new:
 *
 * Returns: (transfer full): an empty #NbReportSet
 */
NbReportSet *
nb_report_set_new (void)
{
  return g_object_new (NB_TYPE_REPORT_SET, NULL);
}

/**
 * nb_report_set_add:
 * @self: a #NbReportSet
 * @file: the file's name as it is shown and written in findings
 * @report: (nullable): what was read from it, or %NULL when the file
 *   could not be read
 */
void
nb_report_set_add (NbReportSet *self,
                   const char  *file,
                   NbReport    *report)
{
  Entry entry = { g_strdup (file), report ? g_object_ref (report) : NULL };

  g_return_if_fail (NB_IS_REPORT_SET (self));

  g_array_append_val (self->entries, entry);
}

guint
nb_report_set_get_n_files (NbReportSet *self)
{
  g_return_val_if_fail (NB_IS_REPORT_SET (self), 0);

  return self->entries->len;
}

const char *
nb_report_set_get_file (NbReportSet *self,
                        guint        index)
{
  g_return_val_if_fail (NB_IS_REPORT_SET (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return entry_at (self, index)->file;
}

/**
 * nb_report_set_get_report:
 * @self: a #NbReportSet
 * @index: a file's index
 *
 * Returns: (transfer none) (nullable): the report, %NULL when unreadable
 */
NbReport *
nb_report_set_get_report (NbReportSet *self,
                          guint        index)
{
  g_return_val_if_fail (NB_IS_REPORT_SET (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return entry_at (self, index)->report;
}

/**
 * nb_report_set_get_year:
 * @self: a #NbReportSet
 *
 * Returns: the year most reports are for (the latest of equals), or 0
 */
guint
nb_report_set_get_year (NbReportSet *self)
{
  g_autoptr(GHashTable) tally = g_hash_table_new (NULL, NULL);
  guint best = 0, best_count = 0;

  g_return_val_if_fail (NB_IS_REPORT_SET (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = entry_at (self, i);
      guint year, count;

      if (entry->report == NULL || (year = nb_report_get_year (entry->report)) == 0)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (tally, GUINT_TO_POINTER (year))) + 1;
      g_hash_table_insert (tally, GUINT_TO_POINTER (year), GUINT_TO_POINTER (count));
      if (count > best_count || (count == best_count && year > best))
        {
          best = year;
          best_count = count;
        }
    }
  return best;
}

/**
 * nb_report_set_set_roster:
 * @self: a #NbReportSet
 * @roster: (nullable): the units that owe a report
 */
void
nb_report_set_set_roster (NbReportSet *self,
                          NbRoster    *roster)
{
  g_return_if_fail (NB_IS_REPORT_SET (self));

  g_set_object (&self->roster, roster);
}

/**
 * nb_report_set_set_previous:
 * @self: a #NbReportSet
 * @previous: (nullable): the same units' reports of the year before
 */
void
nb_report_set_set_previous (NbReportSet *self,
                            NbReportSet *previous)
{
  g_return_if_fail (NB_IS_REPORT_SET (self));
  g_return_if_fail (previous != self);

  g_set_object (&self->previous, previous);
}

/**
 * nb_report_set_check:
 * @self: a #NbReportSet
 *
 * Runs every rule over the batch: `set.missing`, `set.unexpected`,
 * `set.duplicate`, `set.similar-text`, `set.aggregate`, and with last
 * year's batch the `year.*` rules of every organ in both.
 *
 * Returns: (transfer full) (element-type NbSetFinding): the findings,
 *   ordered by rule, then organ
 */
GPtrArray *
nb_report_set_check (NbReportSet *self)
{
  GPtrArray *findings;
  guint year;

  g_return_val_if_fail (NB_IS_REPORT_SET (self), NULL);

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  year = nb_report_set_get_year (self);
  if (year == 0)
    return findings;
  fold_organs (self);
  if (self->previous != NULL)
    fold_organs (self->previous);
  if (self->roster != NULL)
    check_roster (self, year, findings);
  check_other_years (self, year, findings);
  check_duplicates (self, findings);
  check_similar (self, year, findings);
  check_aggregate (self, year, findings);
  if (self->previous != NULL && nb_report_set_get_year (self->previous) != 0)
    check_previous (self, year, findings);
  g_ptr_array_sort (findings, compare_findings);
  return findings;
}
