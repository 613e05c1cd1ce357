/* nb-validator.c — the rules over a report, as a list of diagnostics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-validator"

#include "config.h"

#include "nb-validator.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-check.h"
#include "nb-diagnostic-private.h"
#include "nb-number.h"
#include "nb-report-private.h"
#include "nb-template-private.h"

/* Every diagnostic the report can have has a fixed slot, in the order the
 * list shows them: import findings, invalid cells, sums, statements in the
 * text, the rules written as code (NB_CHECK_MAX_FINDINGS slots each),
 * empty cells. A change re-evaluates only the slots it can affect,
 * and the list model follows with one items-changed per slot that flips. */
typedef struct
{
  NbDiagnostic *diagnostic;
  gint64        lhs;          /* the numbers the diagnostic states, so an */
  gint64        rhs;          /* unchanged finding keeps its object */
} Slot;

/* A check rule known here, and its code, looked up once */
typedef struct
{
  guint       rule;
  NbCheckFunc func;
} Check;

typedef struct
{
  gboolean found;
  gint64   value;
  gsize    offset;
  guint    section;
} Statement;

struct _NbValidator
{
  GObject     parent_instance;

  NbReport   *report;
  NbTemplate *template;
  gboolean    live;          /* follows the report's changes */
  gulong      cell_changed_id;
  gulong      section_changed_id;
  gulong      year_changed_id;
  gulong      checked_changed_id;
  gulong      import_resolved_id;

  Slot       *slots;
  guint       n_slots;
  guint       filled_end;    /* no slot from here on was ever filled */
  guint       invalid_base;
  guint       sum_base;
  guint       text_base;
  guint       check_base;
  guint       empty_base;
  int         invalid_rule;
  int         empty_rule;
  int         na_rule;       /* a mark ("/", "—", "无"): not applicable */

  Statement  *statements;    /* by rule index, for narrative rules */
  NbCheckShared shared;      /* what the check rules share */
  GArray     *checks;        /* Check: the check rules known here */
  GPtrArray  *items;         /* the live diagnostics, in slot order */
  guint       n_errors;
  guint       n_warnings;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NbValidator, nb_validator, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_REPORT,
  PROP_LIVE,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* A finding a reviewer marked checked no longer counts. */
static void
count (NbValidator  *self,
       NbDiagnostic *diagnostic,
       int           delta)
{
  if (nb_diagnostic_get_checked (diagnostic) != NULL)
    return;
  switch (nb_diagnostic_get_severity (diagnostic))
    {
    case NB_SEVERITY_ERROR:
      self->n_errors += delta;
      break;
    case NB_SEVERITY_WARNING:
      self->n_warnings += delta;
      break;
    case NB_SEVERITY_INFO:
    default:
      break;
    }
}

static guint
position_of_slot (NbValidator *self,
                  guint        slot)
{
  guint position = 0;

  /* after every diagnostic: the first run fills the slots in order */
  if (slot >= self->filled_end)
    return self->items->len;
  for (guint i = 0; i < slot; i++)
    if (self->slots[i].diagnostic != NULL)
      position++;
  return position;
}

/* Puts @diagnostic (or nothing) into @slot; @notify is FALSE during the
 * first full run, which nobody can be listening to yet. */
static void
set_slot (NbValidator  *self,
          guint         slot,
          NbDiagnostic *diagnostic,
          gboolean      notify)
{
  Slot *s = &self->slots[slot];
  guint position;
  guint removed = 0;
  guint added = 0;
  guint n_errors = self->n_errors;
  guint n_warnings = self->n_warnings;

  if (s->diagnostic == NULL && diagnostic == NULL)
    return;

  position = position_of_slot (self, slot);
  if (s->diagnostic != NULL)
    {
      count (self, s->diagnostic, -1);
      g_ptr_array_remove_index (self->items, position);
      g_clear_object (&s->diagnostic);
      removed = 1;
    }
  if (diagnostic != NULL)
    {
      nb_diagnostic_set_checked (diagnostic, nb_report_get_checked (self->report, diagnostic));
      count (self, diagnostic, 1);
      s->diagnostic = diagnostic;
      self->filled_end = MAX (self->filled_end, slot + 1);
      g_ptr_array_insert (self->items, position, g_object_ref (diagnostic));
      added = 1;
    }

  if (!notify)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (n_errors != self->n_errors)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  if (n_warnings != self->n_warnings)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
}

/* Empties @slot: most cells are neither invalid nor empty, and their
 * slots are empty already */
static inline void
clear_slot (NbValidator *self,
            guint        slot,
            gboolean     notify)
{
  if (self->slots[slot].diagnostic != NULL)
    set_slot (self, slot, NULL, notify);
}

/* @n empty slots. Only the diagnostics are set: a slot's numbers are
 * read beside its diagnostic alone, and zeroing the whole array (some
 * 600 slots of 24 bytes) for every report of a batch costs more than
 * the rules over most cells. */
static Slot *
new_slots (guint n)
{
  Slot *slots = g_new (Slot, n);

  for (guint i = 0; i < n; i++)
    slots[i].diagnostic = NULL;
  return slots;
}

static NbTemplateRule *
get_rule (NbValidator *self,
          guint        rule)
{
  return g_ptr_array_index (nb_template_get_rules (self->template), rule);
}

static NbDiagnostic *
new_diagnostic (NbValidator *self,
                guint        rule_index,
                const char  *message,
                guint        line,
                const guint *cells,
                guint        n_cells)
{
  NbTemplateRule *rule = get_rule (self, rule_index);
  NbDiagnostic *diagnostic = nb_diagnostic_new (self->template, rule->severity, rule->id,
                                                message, line, cells, n_cells);

  /* a file that is not text names pages and table cells, not lines */
  nb_diagnostic_take_location (diagnostic,
                               nb_place_describe (nb_report_peek_place (self->report, line)));
  return diagnostic;
}

static void
check_invalid (NbValidator *self,
               guint        cell,
               gboolean     notify)
{
  const NbCellData *data = &nb_report_peek_cells (self->report)[cell];
  g_autofree char *message = NULL;
  const char *label;

  if (self->invalid_rule < 0)
    return;
  if (data->state != NB_CELL_STATE_INVALID)
    {
      clear_slot (self, self->invalid_base + cell, notify);
      return;
    }

  label = nb_template_get_cell_label (self->template, cell);
  if (nb_template_get_cell_kind (self->template, cell) == NB_CELL_KIND_AMOUNT)
    message = g_strdup_printf (_("%s: “%s” is not an amount ≥ 0 with at most 6 decimal places"),
                               label, data->text);
  else if (nb_template_get_cell_kind (self->template, cell) == NB_CELL_KIND_CHANGE)
    message = g_strdup_printf (_("%s: “%s” is not a whole number (a decrease is written “-3”)"),
                               label, data->text);
  else
    message = g_strdup_printf (_("%s: “%s” is not a whole number ≥ 0"), label, data->text);
  set_slot (self, self->invalid_base + cell,
            new_diagnostic (self, self->invalid_rule, message, data->line, &cell, 1),
            notify);
}

/* A cell the report's layout does not give (a row of the 2021 form in a
 * report that kept the 2019 one) is not empty for the form to fill. */
static gboolean
is_not_given (NbValidator *self,
              guint        cell)
{
  GPtrArray *found = nb_report_get_import_diagnostics (self->report);

  for (guint i = 0; i < found->len; i++)
    {
      NbDiagnostic *diagnostic = g_ptr_array_index (found, i);

      if (g_str_equal (nb_diagnostic_get_rule_id (diagnostic), "struct.template-version") &&
          nb_diagnostic_involves_cell (diagnostic, cell))
        return TRUE;
    }
  return FALSE;
}

static void
check_empty (NbValidator *self,
             guint        cell,
             gboolean     notify)
{
  const NbCellData *data = &nb_report_peek_cells (self->report)[cell];
  g_autofree char *message = NULL;
  const char *label;

  if (self->empty_rule < 0)
    return;
  if ((data->state != NB_CELL_STATE_EMPTY && data->state != NB_CELL_STATE_MARK) ||
      (data->state == NB_CELL_STATE_EMPTY && is_not_given (self, cell)))
    {
      clear_slot (self, self->empty_base + cell, notify);
      return;
    }
  /* A mark stays a mark: nothing to refresh while it is unchanged. */
  if (self->slots[self->empty_base + cell].diagnostic != NULL && data->state == NB_CELL_STATE_EMPTY &&
      self->slots[self->empty_base + cell].lhs == NB_CELL_STATE_EMPTY)
    return;

  label = nb_template_get_cell_label (self->template, cell);
  if (data->state == NB_CELL_STATE_MARK && self->na_rule >= 0)
    message = g_strdup_printf (_("%s: “%s” marks the cell not applicable; the form asks for 0"),
                               label, data->text);
  else if (data->state == NB_CELL_STATE_MARK)
    message = g_strdup_printf (_("%s: “%s” leaves the cell empty; the form asks for 0"),
                               label, data->text);
  else
    message = g_strdup_printf (_("%s is empty; the form asks for 0"), label);
  /* a template with cell.na tells a mark from an empty cell */
  set_slot (self, self->empty_base + cell,
            new_diagnostic (self, data->state == NB_CELL_STATE_MARK && self->na_rule >= 0
                                  ? self->na_rule : self->empty_rule,
                            message, data->line, &cell, 1),
            notify);
  self->slots[self->empty_base + cell].lhs = data->state;
}

static gboolean
sum_cells (const NbCellData *cells,
           const guint      *indices,
           guint             n,
           gint64           *sum)
{
  *sum = 0;
  for (guint i = 0; i < n; i++)
    {
      const NbCellData *data = &cells[indices[i]];

      if (data->state != NB_CELL_STATE_VALUE)
        return FALSE;
      *sum += data->value;
    }
  return TRUE;
}

/* Puts the finding that @instance does not add up into its slot. */
static void
report_imbalance (NbValidator          *self,
                  guint                 instance_index,
                  const NbRuleInstance *instance,
                  gint64                lhs_sum,
                  gint64                rhs_sum,
                  gboolean              notify)
{
  const NbCellData *cells = nb_report_peek_cells (self->report);
  Slot *slot = &self->slots[self->sum_base + instance_index];
  NbTemplateRule *rule = get_rule (self, instance->rule);
  NbCellKind kind = nb_template_get_cell_kind (self->template, instance->cells[0]);
  NbDiagnostic *diagnostic;
  g_autofree char *lhs = NULL;
  g_autofree char *rhs = NULL;
  g_autofree char *message = NULL;
  gint64 fix;
  guint line = 0;

  lhs = nb_number_format (lhs_sum, kind);
  rhs = nb_number_format (rhs_sum, kind);
  /* Translators: "自然人: 一 + 二 = 9, but 三(七) + 四 = 8" */
  message = g_strdup_printf (_("%s: %s = %s, but %s = %s"),
                             instance->each_label, rule->lhs_text, lhs, rule->rhs_text, rhs);
  for (guint i = 0; i < instance->n_cells && line == 0; i++)
    line = cells[instance->cells[i]].line;

  diagnostic = new_diagnostic (self, instance->rule, message, line, instance->cells, instance->n_cells);
  /* a sum too long for the cell would only trade this finding for another */
  if (rule->fixable && instance->n_lhs == 1 &&
      nb_number_parse (rhs, -1, kind, NULL, &fix) == NB_CELL_STATE_VALUE)
    {
      /* Translators: a quick fix of a total, e.g. "Set Total to 12" */
      g_autofree char *label = g_strdup_printf (_("Set Total to %s"), rhs);

      nb_diagnostic_set_fix (diagnostic, instance->cells[0], fix, label);
    }
  set_slot (self, self->sum_base + instance_index, diagnostic, notify);
  slot->lhs = lhs_sum;
  slot->rhs = rhs_sum;
}

/* Most sums of most reports add up: that test owns no strings to free,
 * the finding's text is made apart. */
static void
check_sum (NbValidator *self,
           guint        instance_index,
           gboolean     notify)
{
  guint n_instances;
  const NbRuleInstance *instance = &nb_template_get_instances (self->template, &n_instances)[instance_index];
  const NbCellData *cells = nb_report_peek_cells (self->report);
  Slot *slot = &self->slots[self->sum_base + instance_index];
  gint64 lhs_sum, rhs_sum;

  /* An empty or invalid input is reported by its own rule, never as a
   * false imbalance. */
  if (!sum_cells (cells, instance->cells, instance->n_lhs, &lhs_sum) ||
      !sum_cells (cells, instance->cells + instance->n_lhs,
                  instance->n_cells - instance->n_lhs, &rhs_sum) ||
      lhs_sum == rhs_sum)
    {
      clear_slot (self, self->sum_base + instance_index, notify);
      return;
    }
  if (slot->diagnostic != NULL && slot->lhs == lhs_sum && slot->rhs == rhs_sum)
    return;
  report_imbalance (self, instance_index, instance, lhs_sum, rhs_sum, notify);
}

/* Finds the earliest statement any of the rule's patterns makes. */
static gboolean
find_statement (NbTemplateRule *rule,
                const char     *text,
                gsize           length,
                gint64         *value,
                gsize          *offset)
{
  gboolean found = FALSE;

  for (guint z = 0; z < 2; z++)
    {
      GPtrArray *patterns = z == 0 ? rule->patterns : rule->zero_patterns;

      for (guint i = 0; i < patterns->len; i++)
        {
          NbPattern *pattern = g_ptr_array_index (patterns, i);
          g_autoptr(GMatchInfo) match = NULL;
          int start, end, group_start, group_end;
          gint64 number = 0;

          /* a text without any of the words a match begins with is
           * not searched: about half the searches */
          if (!nb_pattern_start_may_match (nb_pattern_get_start (pattern), text, length))
            continue;
          if (!g_regex_match (nb_pattern_get_regex (pattern), text, 0, &match))
            continue;
          g_match_info_fetch_pos (match, 0, &start, &end);
          if (found && (gsize) start >= *offset)
            continue;
          if (z == 0)
            {
              g_match_info_fetch_pos (match, 1, &group_start, &group_end);
              if (nb_number_parse (text + group_start, group_end - group_start,
                                   NB_CELL_KIND_COUNT, NULL, &number) != NB_CELL_STATE_VALUE)
                continue;
            }
          found = TRUE;
          *value = number;
          *offset = start;
        }
    }
  return found;
}

static void
read_statement (NbValidator *self,
                guint        rule_index)
{
  NbTemplateRule *rule = get_rule (self, rule_index);
  Statement *statement = &self->statements[rule_index];
  GPtrArray *sections = nb_template_get_sections (self->template);

  statement->found = FALSE;
  for (guint s = 0; s < sections->len && !statement->found; s++)
    {
      const char *text;

      if (rule->section >= 0 && (guint) rule->section != s)
        continue;
      if ((text = nb_report_peek_section (self->report, s)) == NULL)
        continue;
      if (find_statement (rule, text, nb_report_peek_section_length (self->report, s),
                          &statement->value, &statement->offset))
        {
          statement->found = TRUE;
          statement->section = s;
        }
    }
}

static char *
format_narrative_message (NbValidator    *self,
                          NbTemplateRule *rule,
                          Statement      *statement,
                          const gint64   *values,
                          guint           n_values)
{
  /* numbers as text: a 64-bit format macro cannot go into a msgid */
  g_autofree char *stated = nb_number_format (statement->value, NB_CELL_KIND_COUNT);
  g_autofree char *first = nb_number_format (values[0], NB_CELL_KIND_COUNT);

  if (n_values >= 2)
    {
      g_autofree char *both = nb_number_format (values[0] + values[1], NB_CELL_KIND_COUNT);

      return g_strdup_printf (_("The overview states %s applications received, but table 三 "
                                "has %s newly received (一) and %s received and carried over "
                                "(一 + 二)"),
                              stated, first, both);
    }
  return g_strdup_printf (_("The overview states %s applications carried forward to next "
                            "year, but table 三 has %s (四)"),
                          stated, first);
}

static void
check_narrative (NbValidator *self,
                 guint        rule_index,
                 guint        slot,
                 gboolean     notify)
{
  NbTemplateRule *rule = get_rule (self, rule_index);
  Statement *statement = &self->statements[rule_index];
  const NbCellData *cells = nb_report_peek_cells (self->report);
  gint64 values[2] = { 0, 0 };
  gint64 sum = 0;
  g_autofree char *message = NULL;
  guint n_values = MIN (rule->cells->len, G_N_ELEMENTS (values));
  guint first;

  for (guint i = 0; i < n_values; i++)
    {
      const NbCellData *data = &cells[g_array_index (rule->cells, guint, i)];

      if (data->state != NB_CELL_STATE_VALUE)
        {
          set_slot (self, slot, NULL, notify);
          return;
        }
      values[i] = data->value;
    }

  /* Some writers count carried-over applications as received: a
   * statement that matches any running total of the cells holds. */
  for (guint i = 0; i < n_values && statement->found; i++)
    {
      sum += values[i];
      if (sum == statement->value)
        {
          set_slot (self, slot, NULL, notify);
          return;
        }
    }
  if (!statement->found)
    {
      set_slot (self, slot, NULL, notify);
      return;
    }
  if (self->slots[slot].diagnostic != NULL && self->slots[slot].lhs == statement->value &&
      self->slots[slot].rhs == sum)
    return;

  message = format_narrative_message (self, rule, statement, values, n_values);
  first = g_array_index (rule->cells, guint, 0);
  set_slot (self, slot,
            new_diagnostic (self, rule_index, message,
                            nb_report_get_section_line (self->report, statement->section,
                                                        statement->offset),
                            &first, 1),
            notify);
  self->slots[slot].lhs = statement->value;
  self->slots[slot].rhs = sum;
}

static void
check_year (NbValidator *self,
            guint        rule_index,
            guint        slot,
            gboolean     notify)
{
  Statement *statement = &self->statements[rule_index];
  guint year = nb_report_get_year (self->report);
  g_autofree char *message = NULL;

  if (!statement->found || year == 0 || statement->value == year)
    {
      set_slot (self, slot, NULL, notify);
      return;
    }
  if (self->slots[slot].diagnostic != NULL && self->slots[slot].lhs == statement->value &&
      self->slots[slot].rhs == year)
    return;

  message = g_strdup_printf (_("The report is for %u, but the text states a statistics "
                               "period in %u"),
                             year, (guint) statement->value);
  set_slot (self, slot,
            new_diagnostic (self, rule_index, message,
                            nb_report_get_section_line (self->report, statement->section,
                                                        statement->offset),
                            NULL, 0),
            notify);
  self->slots[slot].lhs = statement->value;
  self->slots[slot].rhs = year;
}

static void
check_text_rule (NbValidator *self,
                 guint        i,
                 gboolean     notify)
{
  guint n_rules;
  const guint *rules = nb_template_get_narrative_rules (self->template, &n_rules);

  if (get_rule (self, rules[i])->type == NB_RULE_YEAR)
    check_year (self, rules[i], self->text_base + i, notify);
  else
    check_narrative (self, rules[i], self->text_base + i, notify);
}

static gboolean
same_finding (NbDiagnostic *a,
              NbDiagnostic *b)
{
  g_autofree char *key_a = nb_diagnostic_dup_key (a);
  g_autofree char *key_b = nb_diagnostic_dup_key (b);

  return g_str_equal (key_a, key_b) &&
         g_str_equal (nb_diagnostic_get_message (a), nb_diagnostic_get_message (b)) &&
         nb_diagnostic_get_line (a) == nb_diagnostic_get_line (b);
}

/* Runs one check rule and puts its findings into its slots; a finding
 * that is there already keeps its object. @findings is the sweep's room
 * for them, empty, and left empty. */
static void
run_check (NbValidator *self,
           guint        i,
           GPtrArray   *findings,
           gboolean     notify)
{
  const Check *known = &g_array_index (self->checks, Check, i);
  NbTemplateRule *rule = get_rule (self, known->rule);
  NbCheck check = { self->report, self->template, rule, findings, &self->shared };

  known->func (&check);
  for (guint j = 0; j < NB_CHECK_MAX_FINDINGS; j++)
    {
      guint slot = self->check_base + i * NB_CHECK_MAX_FINDINGS + j;
      NbDiagnostic *found = j < findings->len ? g_ptr_array_index (findings, j) : NULL;
      NbDiagnostic *old = self->slots[slot].diagnostic;

      if (found == NULL)
        clear_slot (self, slot, notify);   /* most of the slots, and empty */
      else if (old == NULL || !same_finding (found, old))
        set_slot (self, slot, g_object_ref (found), notify);
    }
  g_ptr_array_set_size (findings, 0);
}

/* Room for the findings of one rule after the other: a sweep's own, as
 * a listener told of a finding may change the report and start
 * another */
static GPtrArray *
new_findings (void)
{
  return g_ptr_array_new_full (NB_CHECK_MAX_FINDINGS, g_object_unref);
}

/* The report changed, or may have since the rules last ran */
static void
forget_shared (NbValidator *self)
{
  self->shared = (NbCheckShared) NB_CHECK_SHARED_INIT;
}

static void
run_checks (NbValidator *self,
            gboolean     notify)
{
  g_autoptr(GPtrArray) findings = new_findings ();

  forget_shared (self);
  for (guint i = 0; i < self->checks->len; i++)
    run_check (self, i, findings, notify);
}

/* Whether a check rule that names no cells reads the cell's whole table:
 * its id starts with the table's ("t3.column-swap-hint"). */
static gboolean
reads_table_of (NbValidator    *self,
                NbTemplateRule *rule,
                guint           cell)
{
  const NbTemplateCell *data = nb_template_get_cell (self->template, cell);
  NbTemplateTable *table = g_ptr_array_index (nb_template_get_tables (self->template), data->table);
  gsize length = strlen (table->id);

  return rule->cells->len == 0 && strncmp (rule->id, table->id, length) == 0 &&
         rule->id[length] == '.';
}

/* A cell changed: only the check rules that compare with it run again. */
static void
run_checks_reading (NbValidator *self,
                    guint        cell)
{
  g_autoptr(GPtrArray) findings = new_findings ();

  forget_shared (self);
  for (guint i = 0; i < self->checks->len; i++)
    {
      NbTemplateRule *rule = get_rule (self, g_array_index (self->checks, Check, i).rule);
      GArray *cells = rule->cells;

      if (reads_table_of (self, rule, cell))
        {
          run_check (self, i, findings, TRUE);
          continue;
        }
      for (guint c = 0; c < cells->len; c++)
        if (g_array_index (cells, guint, c) == cell)
          {
            run_check (self, i, findings, TRUE);
            break;
          }
    }
}

/* A mark was set or taken back: each finding it concerns moves between
 * its severity's group and the checked group. */
static void
refresh_checked (NbValidator *self)
{
  guint n_errors = self->n_errors;
  guint n_warnings = self->n_warnings;
  guint position = 0;

  for (guint i = 0; i < self->n_slots; i++)
    {
      NbDiagnostic *diagnostic = self->slots[i].diagnostic;
      const char *note;

      if (diagnostic == NULL)
        continue;
      note = nb_report_get_checked (self->report, diagnostic);
      if (g_strcmp0 (note, nb_diagnostic_get_checked (diagnostic)) != 0)
        {
          count (self, diagnostic, -1);
          nb_diagnostic_set_checked (diagnostic, note);
          count (self, diagnostic, 1);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
        }
      position++;
    }
  if (n_errors != self->n_errors)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  if (n_warnings != self->n_warnings)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
}

static void
validate_all (NbValidator *self)
{
  guint n_cells = nb_template_get_n_cells (self->template);
  const NbCellData *cells = nb_report_peek_cells (self->report);
  guint n_instances, n_text;
  const guint *text_rules = nb_template_get_narrative_rules (self->template, &n_text);

  nb_template_get_instances (self->template, &n_instances);
  /* in the order of the slots, each finding put after the others; most
   * cells hold a value, which neither cell rule says anything of, and
   * their slots are empty yet */
  for (guint c = 0; c < n_cells; c++)
    if (cells[c].state != NB_CELL_STATE_VALUE)
      check_invalid (self, c, FALSE);
  for (guint i = 0; i < n_instances; i++)
    check_sum (self, i, FALSE);
  for (guint i = 0; i < n_text; i++)
    {
      read_statement (self, text_rules[i]);
      check_text_rule (self, i, FALSE);
    }
  run_checks (self, FALSE);
  for (guint c = 0; c < n_cells; c++)
    if (cells[c].state != NB_CELL_STATE_VALUE)
      check_empty (self, c, FALSE);
}

/* Callbacks */

static void
report_cell_changed_cb (NbValidator *self,
                        guint        cell,
                        NbReport    *report)
{
  guint n_instances, n_text;
  const guint *instances = nb_template_get_cell_instances (self->template, cell, &n_instances);
  const guint *text_rules = nb_template_get_narrative_rules (self->template, &n_text);

  /* a listener of a sweep under way may have changed the report */
  forget_shared (self);
  check_invalid (self, cell, TRUE);
  check_empty (self, cell, TRUE);
  for (guint i = 0; i < n_instances; i++)
    check_sum (self, instances[i], TRUE);
  for (guint i = 0; i < n_text; i++)
    {
      NbTemplateRule *rule = get_rule (self, text_rules[i]);

      for (guint c = 0; rule->cells != NULL && c < rule->cells->len; c++)
        if (g_array_index (rule->cells, guint, c) == cell)
          {
            check_text_rule (self, i, TRUE);
            break;
          }
    }
  run_checks_reading (self, cell);
}

static void
report_section_changed_cb (NbValidator *self,
                           guint        section,
                           NbReport    *report)
{
  guint n_text;
  const guint *text_rules = nb_template_get_narrative_rules (self->template, &n_text);

  forget_shared (self);
  for (guint i = 0; i < n_text; i++)
    {
      NbTemplateRule *rule = get_rule (self, text_rules[i]);

      if (rule->section >= 0 && (guint) rule->section != section)
        continue;
      read_statement (self, text_rules[i]);
      check_text_rule (self, i, TRUE);
    }
  run_checks (self, TRUE);
}

static void
report_year_changed_cb (NbValidator *self,
                        GParamSpec  *pspec,
                        NbReport    *report)
{
  guint n_text;
  const guint *text_rules = nb_template_get_narrative_rules (self->template, &n_text);

  for (guint i = 0; i < n_text; i++)
    if (get_rule (self, text_rules[i])->type == NB_RULE_YEAR)
      check_text_rule (self, i, TRUE);
  run_checks (self, TRUE);
}

static void
report_checked_changed_cb (NbValidator *self,
                           NbReport    *report)
{
  refresh_checked (self);
}

/* An import finding whose numbers were used by hand leaves the list. */
static void
report_import_resolved_cb (NbValidator *self,
                           guint        index,
                           NbReport    *report)
{
  GPtrArray *imported = nb_report_get_import_diagnostics (report);

  if (index >= imported->len || index >= self->invalid_base)
    return;
  set_slot (self, index,
            nb_report_get_import_resolved (report, index) ?
              NULL : g_object_ref (g_ptr_array_index (imported, index)),
            TRUE);
}

/* GListModel */

static GType
nb_validator_get_item_type (GListModel *model)
{
  return NB_TYPE_DIAGNOSTIC;
}

static guint
nb_validator_get_n_items (GListModel *model)
{
  return NB_VALIDATOR (model)->items->len;
}

static gpointer
nb_validator_get_item (GListModel *model,
                       guint       position)
{
  NbValidator *self = NB_VALIDATOR (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = nb_validator_get_item_type;
  iface->get_n_items = nb_validator_get_n_items;
  iface->get_item = nb_validator_get_item;
}

/* vfuncs */

static void
nb_validator_constructed (GObject *object)
{
  NbValidator *self = (NbValidator *) object;
  GPtrArray *imported, *rules;
  guint n_instances, n_text;

  G_OBJECT_CLASS (nb_validator_parent_class)->constructed (object);

  self->template = g_object_ref (nb_report_get_template (self->report));
  imported = nb_report_get_import_diagnostics (self->report);
  nb_template_get_instances (self->template, &n_instances);
  nb_template_get_narrative_rules (self->template, &n_text);

  self->invalid_rule = nb_template_lookup_rule (self->template, "cell.invalid");
  self->empty_rule = nb_template_lookup_rule (self->template, "cell.empty");
  self->na_rule = nb_template_lookup_rule (self->template, "cell.na");
  self->invalid_base = imported->len;
  self->sum_base = self->invalid_base + nb_template_get_n_cells (self->template);
  self->text_base = self->sum_base + n_instances;
  rules = nb_template_get_rules (self->template);
  self->checks = g_array_sized_new (FALSE, FALSE, sizeof (Check), rules->len);
  for (guint r = 0; r < rules->len; r++)
    {
      Check known = { r, NULL };

      if (get_rule (self, r)->type == NB_RULE_CHECK &&
          (known.func = nb_check_lookup (get_rule (self, r)->id)) != NULL)
        g_array_append_val (self->checks, known);
    }
  self->check_base = self->text_base + n_text;
  self->empty_base = self->check_base + self->checks->len * NB_CHECK_MAX_FINDINGS;
  self->n_slots = self->empty_base + nb_template_get_n_cells (self->template);
  self->slots = new_slots (self->n_slots);
  self->statements = g_new0 (Statement, nb_template_get_rules (self->template)->len);

  for (guint i = 0; i < imported->len; i++)
    if (!nb_report_get_import_resolved (self->report, i))
      set_slot (self, i, g_object_ref (g_ptr_array_index (imported, i)), FALSE);
  validate_all (self);

  /* a report checked once and let go (a batch) is never edited: five
   * handlers connected and disconnected for every report of a batch
   * cost more than the rules over its cells */
  if (!self->live)
    return;

  /* the validator holds the report and disconnects in dispose: the
   * handlers need no watch on the validator, which costs a closure
   * watched for every report of a batch */
  self->cell_changed_id =
    g_signal_connect_swapped (self->report, "cell-changed", G_CALLBACK (report_cell_changed_cb), self);
  self->section_changed_id =
    g_signal_connect_swapped (self->report, "section-changed", G_CALLBACK (report_section_changed_cb), self);
  self->year_changed_id =
    g_signal_connect_swapped (self->report, "notify::year", G_CALLBACK (report_year_changed_cb), self);
  self->checked_changed_id =
    g_signal_connect_swapped (self->report, "checked-changed", G_CALLBACK (report_checked_changed_cb), self);
  self->import_resolved_id =
    g_signal_connect_swapped (self->report, "import-resolved", G_CALLBACK (report_import_resolved_cb), self);
}

static void
nb_validator_dispose (GObject *object)
{
  NbValidator *self = (NbValidator *) object;

  if (self->report != NULL)
    {
      g_clear_signal_handler (&self->cell_changed_id, self->report);
      g_clear_signal_handler (&self->section_changed_id, self->report);
      g_clear_signal_handler (&self->year_changed_id, self->report);
      g_clear_signal_handler (&self->checked_changed_id, self->report);
      g_clear_signal_handler (&self->import_resolved_id, self->report);
    }
  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_validator_parent_class)->dispose (object);
}

static void
nb_validator_finalize (GObject *object)
{
  NbValidator *self = (NbValidator *) object;

  /* every slot's diagnostic is in the list, once: dropping the slots'
   * references through it passes over the hundreds of empty slots */
  for (guint i = 0; i < self->items->len; i++)
    g_object_unref (g_ptr_array_index (self->items, i));
  g_free (self->slots);
  g_free (self->statements);
  g_clear_pointer (&self->checks, g_array_unref);
  g_ptr_array_unref (self->items);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (nb_validator_parent_class)->finalize (object);
}

static void
nb_validator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NbValidator *self = NB_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_validator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NbValidator *self = NB_VALIDATOR (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    case PROP_LIVE:
      self->live = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_validator_class_init (NbValidatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_validator_constructed;
  object_class->dispose = nb_validator_dispose;
  object_class->finalize = nb_validator_finalize;
  object_class->get_property = nb_validator_get_property;
  object_class->set_property = nb_validator_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * NbValidator:live:
   *
   * Whether the diagnostics follow the report's changes; when %FALSE,
   * they are those of the report as it was when the validator was made.
   */
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_validator_init (NbValidator *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->live = TRUE;
}

/* Public API */

/**
 * nb_validator_new:
 * @report: the report to check
 *
 * Runs every rule once, then follows the report: each cell change re-runs
 * only the rules that read that cell.
 *
 * Returns: (transfer full): a #GListModel of #NbDiagnostic
 */
NbValidator *
nb_validator_new (NbReport *report)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  return g_object_new (NB_TYPE_VALIDATOR, "report", report, NULL);
}

/**
 * nb_validator_new_once:
 * @report: the report to check
 *
 * Runs every rule once, as nb_validator_new(), but does not follow the
 * report: for a report that is checked and let go unchanged, as in a
 * batch. The diagnostics stay those of the report as it was.
 *
 * Returns: (transfer full): a #GListModel of #NbDiagnostic
 */
NbValidator *
nb_validator_new_once (NbReport *report)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  return g_object_new (NB_TYPE_VALIDATOR, "report", report, "live", FALSE, NULL);
}

/**
 * nb_validator_get_report:
 * @self: a #NbValidator
 *
 * Returns: (transfer none): the report
 */
NbReport *
nb_validator_get_report (NbValidator *self)
{
  g_return_val_if_fail (NB_IS_VALIDATOR (self), NULL);

  return self->report;
}

guint
nb_validator_get_n_errors (NbValidator *self)
{
  g_return_val_if_fail (NB_IS_VALIDATOR (self), 0);

  return self->n_errors;
}

guint
nb_validator_get_n_warnings (NbValidator *self)
{
  g_return_val_if_fail (NB_IS_VALIDATOR (self), 0);

  return self->n_warnings;
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  return nb_diagnostic_compare (*(NbDiagnostic **) a, *(NbDiagnostic **) b);
}

/**
 * nb_validator_dup_sorted:
 * @self: a #NbValidator
 *
 * Returns: (transfer container) (element-type NbDiagnostic): the current
 *   diagnostics ordered by input line, as a compiler prints them
 */
GPtrArray *
nb_validator_dup_sorted (NbValidator *self)
{
  GPtrArray *sorted;

  g_return_val_if_fail (NB_IS_VALIDATOR (self), NULL);

  sorted = g_ptr_array_copy (self->items, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (sorted, g_object_unref);
  g_ptr_array_sort_with_data (sorted, (GCompareDataFunc) (void (*) (void)) compare_diagnostics, NULL);
  return sorted;
}

/**
 * nb_validator_dup_for_cell:
 * @self: a #NbValidator
 * @cell: a cell index
 *
 * Returns: (transfer container) (element-type NbDiagnostic): the
 *   diagnostics that involve @cell, most severe first
 */
GPtrArray *
nb_validator_dup_for_cell (NbValidator *self,
                           guint        cell)
{
  GPtrArray *found;

  g_return_val_if_fail (NB_IS_VALIDATOR (self), NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (NbSeverity severity = NB_SEVERITY_ERROR; severity <= NB_SEVERITY_INFO; severity++)
    for (guint i = 0; i < self->items->len; i++)
      {
        NbDiagnostic *diagnostic = g_ptr_array_index (self->items, i);

        if (nb_diagnostic_get_severity (diagnostic) == severity &&
            nb_diagnostic_involves_cell (diagnostic, cell))
          g_ptr_array_add (found, g_object_ref (diagnostic));
      }
  return found;
}
