/* nb-comparison.c — two years of one organ's report, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-comparison"

#include "config.h"

#include "nb-comparison.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-cross-rules.h"
#include "nb-csv.h"
#include "nb-diagnostic-private.h"
#include "nb-form-map.h"
#include "nb-label.h"
#include "nb-organ-name.h"
#include "nb-number.h"
#include "nb-organ-name.h"
#include "nb-report-private.h"
#include "nb-year-readings.h"
#include "nb-year-rules.h"

/* The two reports stay what they are — each edited, validated and saved
 * on its own; this object only reads them, ordered by year, and keeps the
 * rules between the years (from the template's "cross_rules") as a list
 * of diagnostics whose cells say which year they belong to. Any change on
 * either side re-runs those few rules at once.
 *
 * The two reports may be on different forms (a 2020 report on the 2019
 * form, a 2021 one on the 2021 form). The comparison's cells are then the
 * older form's, each compared with its counterpart in the newer form
 * (NbFormMap); the rules between the years are the newer form's, checked
 * where the older form has every cell they name. */
struct _NbComparison
{
  GObject       parent_instance;

  NbReport     *older;
  NbReport     *newer;
  NbTemplate   *template;       /* the older report's: the cells compared */
  NbTemplate   *newer_template;
  NbFormMap    *map;
  NbCrossRules *rules;          /* the newer form's */
  GPtrArray    *resolved;       /* by rule instance: each term's cell in its
                                 * own report, or NULL when the older form
                                 * lacks one */
  GListStore   *diagnostics;
  guint         n_errors;
  double        similarity[NB_YEAR_N_PARTS];  /* by NbYearPart, -1 when not judged */
};

G_DEFINE_FINAL_TYPE (NbComparison, nb_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OLDER,
  PROP_NEWER,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static NbReport *
side_report (NbComparison *self,
             NbSide        side)
{
  return side == NB_SIDE_OLDER ? self->older : self->newer;
}

static gboolean
sum_side (NbComparison          *self,
          const NbCrossInstance *instance,
          const guint           *cells,
          guint                  from,
          guint                  to,
          gint64                *sum)
{
  *sum = 0;
  for (guint i = from; i < to; i++)
    {
      NbReport *report = side_report (self, instance->sides[i]);

      if (nb_report_get_cell_state (report, cells[i]) != NB_CELL_STATE_VALUE)
        return FALSE;
      *sum += instance->signs[i] * nb_report_get_cell_value (report, cells[i]);
    }
  return TRUE;
}

static NbDiagnostic *
check_sum (NbComparison          *self,
           const NbCrossInstance *instance,
           const guint           *cells)
{
  const NbCrossRule *rule = nb_cross_rules_get_rule (self->rules, instance->rule);
  NbCellKind kind = nb_template_get_cell_kind (self->newer_template, instance->cells[0]);
  g_autofree char *lhs_text = NULL;
  g_autofree char *rhs_text = NULL;
  g_autofree char *message = NULL;
  NbDiagnostic *diagnostic;
  gint64 lhs, rhs;
  guint line = 0;

  if (!sum_side (self, instance, cells, 0, instance->n_lhs, &lhs) ||
      !sum_side (self, instance, cells, instance->n_lhs, instance->n_terms, &rhs) ||
      lhs == rhs)
    return NULL;

  lhs_text = nb_number_format (lhs, kind);
  rhs_text = nb_number_format (rhs, kind);
  /* Translators: "自然人: 本年 二、上年结转 = 1, but 上年 四、结转下年度 = 0" */
  message = g_strdup_printf (_("%s: %s = %s, but %s = %s"),
                             instance->each_label, rule->lhs_text, lhs_text, rule->rhs_text, rhs_text);
  for (guint i = 0; i < instance->n_terms && line == 0; i++)
    if (instance->sides[i] == NB_SIDE_NEWER)
      line = nb_report_get_cell_line (self->newer, cells[i]);
  diagnostic = nb_diagnostic_new_across (self->newer_template, rule->severity, rule->id, message, line,
                                         cells, instance->sides, instance->n_terms);
  if (!nb_form_map_is_identity (self->map))
    nb_diagnostic_set_older_form (diagnostic, self->template);
  nb_diagnostic_take_location (diagnostic,
                               nb_place_describe (nb_report_peek_place (self->newer, line)));
  return diagnostic;
}


static NbDiagnostic *
check_organ (NbComparison      *self,
             const NbCrossRule *rule)
{
  const char *older_organ = nb_report_get_organ (self->older);
  const char *newer_organ = nb_report_get_organ (self->newer);
  guint older_year = nb_report_get_year (self->older);
  guint newer_year = nb_report_get_year (self->newer);
  g_autofree char *message = NULL;

  if (*older_organ != '\0' && *newer_organ != '\0' && !nb_organ_name_match (older_organ, newer_organ))
    message = g_strdup_printf (_("The reports are from different organs: “%s” and “%s”"),
                               older_organ, newer_organ);
  else if (older_year > 0 && newer_year > 0 && newer_year != older_year + 1)
    message = g_strdup_printf (_("The reports are for %u and %u, not two consecutive years"),
                               older_year, newer_year);
  if (message == NULL)
    return NULL;
  return nb_diagnostic_new_across (self->newer_template, rule->severity, rule->id, message, 0, NULL, NULL, 0);
}

static gboolean
same_diagnostics (GListModel *model,
                  GPtrArray  *found)
{
  if (g_list_model_get_n_items (model) != found->len)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(NbDiagnostic) old = g_list_model_get_item (model, i);
      NbDiagnostic *now = g_ptr_array_index (found, i);

      if (!g_str_equal (nb_diagnostic_get_rule_id (old), nb_diagnostic_get_rule_id (now)) ||
          !g_str_equal (nb_diagnostic_get_message (old), nb_diagnostic_get_message (now)))
        return FALSE;
    }
  return TRUE;
}

static void
check_year (NbComparison      *self,
            const NbCrossRule *rule,
            GPtrArray         *found)
{
  /* the tables are compared cell for cell only on one form; across the
   * 2019 and 2021 forms the sums between the years say what can be said */
  gboolean one_form = nb_report_get_template (self->older) == nb_report_get_template (self->newer) ||
                      g_str_equal (nb_template_get_id (nb_report_get_template (self->older)),
                                   nb_template_get_id (nb_report_get_template (self->newer)));

  if (!one_form && rule->type != NB_CROSS_TEXT_SIMILARITY)
    return;
  switch (rule->type)
    {
    case NB_CROSS_TEXT_SIMILARITY:
      nb_year_check_text (self->template, rule, self->similarity, found);
      break;
    case NB_CROSS_TABLES_IDENTICAL:
      nb_year_check_tables (self->older, self->newer, rule, found);
      break;
    case NB_CROSS_JUMP:
      nb_year_check_jump (self->older, self->newer, self->rules, rule, found);
      break;
    case NB_CROSS_SUM:
    case NB_CROSS_SAME_ORGAN:
    default:
      break;
    }
}

/* The text is compared only when it changes: a print takes longer to
 * make than all the other rules take to run. */
static void
compare_text (NbComparison *self)
{
  for (guint part = 0; part < NB_YEAR_N_PARTS; part++)
    self->similarity[part] = -1;
  for (guint r = 0; r < nb_cross_rules_get_n_rules (self->rules); r++)
    {
      const NbCrossRule *rule = nb_cross_rules_get_rule (self->rules, r);

      if (rule->type == NB_CROSS_TEXT_SIMILARITY)
        nb_year_text_similarity (self->older, self->newer, rule, self->similarity);
    }
}

/* Re-runs every rule between the years; the list changes only when a
 * finding does, so views are not rebuilt for every keystroke. Sums between
 * the years only mean something for two consecutive years of one organ:
 * when year.organ fires, it is the only finding. */
static void
check (NbComparison *self)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean paired;
  guint n_errors = 0;

  for (guint r = 0; r < nb_cross_rules_get_n_rules (self->rules); r++)
    {
      const NbCrossRule *rule = nb_cross_rules_get_rule (self->rules, r);
      NbDiagnostic *diagnostic;

      if (rule->type == NB_CROSS_SAME_ORGAN && (diagnostic = check_organ (self, rule)) != NULL)
        g_ptr_array_add (found, diagnostic);
    }
  paired = found->len == 0;
  for (guint i = 0; paired && i < nb_cross_rules_get_n_instances (self->rules); i++)
    {
      const guint *cells = g_ptr_array_index (self->resolved, i);
      NbDiagnostic *diagnostic;

      if (cells == NULL)
        continue;
      diagnostic = check_sum (self, nb_cross_rules_get_instance (self->rules, i), cells);
      if (diagnostic != NULL)
        g_ptr_array_add (found, diagnostic);
    }
  for (guint r = 0; paired && r < nb_cross_rules_get_n_rules (self->rules); r++)
    check_year (self, nb_cross_rules_get_rule (self->rules, r), found);
  if (paired && nb_form_map_is_identity (self->map))
    nb_year_settle_readings (self->older, self->newer, self->rules, self->resolved, found);
  for (guint i = 0; i < found->len; i++)
    n_errors += nb_diagnostic_get_severity (g_ptr_array_index (found, i)) == NB_SEVERITY_ERROR;

  self->n_errors = n_errors;
  if (same_diagnostics (G_LIST_MODEL (self->diagnostics), found))
    return;
  g_list_store_splice (self->diagnostics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->diagnostics)),
                       found->pdata, found->len);
}

/* Callbacks */

static void
older_cell_changed_cb (NbComparison *self,
                       guint         cell)
{
  check (self);
  g_signal_emit (self, signals[CHANGED], 0, cell);
}

static void
newer_cell_changed_cb (NbComparison *self,
                       guint         newer_cell)
{
  int cell = nb_form_map_get_compared (self->map, newer_cell);

  check (self);
  if (cell >= 0)
    g_signal_emit (self, signals[CHANGED], 0, (guint) cell);
}

/* The cells a rule between the years names, each in its own report. */
static guint *
resolve_instance (NbComparison          *self,
                  const NbCrossInstance *instance)
{
  g_autofree guint *cells = g_new (guint, instance->n_terms);

  for (guint i = 0; i < instance->n_terms; i++)
    {
      int older;

      cells[i] = instance->cells[i];
      if (instance->sides[i] == NB_SIDE_NEWER)
        continue;
      older = nb_form_map_lookup_older (self->map, instance->cells[i]);
      if (older < 0 ||
          nb_template_get_cell_kind (self->template, older) !=
          nb_template_get_cell_kind (self->newer_template, instance->cells[i]))
        return NULL;
      cells[i] = older;
    }
  return g_steal_pointer (&cells);
}

static void
header_changed_cb (NbComparison *self)
{
  compare_text (self);
  check (self);
}

static void
section_changed_cb (NbComparison *self,
                    guint         section)
{
  compare_text (self);
  check (self);
}

/* vfuncs */

static void
nb_comparison_constructed (GObject *object)
{
  NbComparison *self = (NbComparison *) object;
  NbReport *reports[2];
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (nb_comparison_parent_class)->constructed (object);

  /* older left, whichever was given first */
  if (nb_report_get_year (self->older) > 0 && nb_report_get_year (self->newer) > 0 &&
      nb_report_get_year (self->older) > nb_report_get_year (self->newer))
    {
      NbReport *swap = self->older;

      self->older = self->newer;
      self->newer = swap;
    }

  self->template = g_object_ref (nb_report_get_template (self->older));
  self->newer_template = g_object_ref (nb_report_get_template (self->newer));
  self->map = nb_form_map_new (self->template, self->newer_template);
  self->rules = nb_cross_rules_new (self->newer_template, &error);
  if (self->rules == NULL)
    {
      /* the templates are data checked by test-template; never fail here */
      g_warning ("Rules between two years: %s", error->message);
      self->rules = nb_cross_rules_new (NULL, NULL);
    }
  self->resolved = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < nb_cross_rules_get_n_instances (self->rules); i++)
    g_ptr_array_add (self->resolved, resolve_instance (self, nb_cross_rules_get_instance (self->rules, i)));
  self->diagnostics = g_list_store_new (NB_TYPE_DIAGNOSTIC);
  compare_text (self);
  check (self);

  reports[0] = self->older;
  reports[1] = self->newer;
  for (guint i = 0; i < 2; i++)
    {
      g_signal_connect_object (reports[i], "cell-changed",
                               i == 0 ? G_CALLBACK (older_cell_changed_cb) : G_CALLBACK (newer_cell_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (reports[i], "notify::organ", G_CALLBACK (header_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (reports[i], "notify::year", G_CALLBACK (header_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (reports[i], "section-changed", G_CALLBACK (section_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
nb_comparison_dispose (GObject *object)
{
  NbComparison *self = (NbComparison *) object;

  g_clear_object (&self->older);
  g_clear_object (&self->newer);
  g_clear_object (&self->diagnostics);
  g_clear_pointer (&self->rules, nb_cross_rules_free);
  g_clear_pointer (&self->resolved, g_ptr_array_unref);
  g_clear_pointer (&self->map, nb_form_map_free);
  g_clear_object (&self->template);
  g_clear_object (&self->newer_template);

  G_OBJECT_CLASS (nb_comparison_parent_class)->dispose (object);
}

static void
nb_comparison_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NbComparison *self = NB_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_OLDER:
      g_value_set_object (value, self->older);
      break;
    case PROP_NEWER:
      g_value_set_object (value, self->newer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_comparison_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NbComparison *self = NB_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_OLDER:
      self->older = g_value_dup_object (value);
      break;
    case PROP_NEWER:
      self->newer = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_comparison_class_init (NbComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_comparison_constructed;
  object_class->dispose = nb_comparison_dispose;
  object_class->get_property = nb_comparison_get_property;
  object_class->set_property = nb_comparison_set_property;

  properties[PROP_OLDER] =
    g_param_spec_object ("older", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEWER] =
    g_param_spec_object ("newer", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NbComparison::changed:
   * @self: the comparison
   * @cell: the cell that changed on either side
   *
   * Emitted after the rules between the years were re-run, so a view can
   * update the cell's difference.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__UINT,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
nb_comparison_init (NbComparison *self)
{
}

/* Public API */

/**
 * nb_comparison_new:
 * @first: a report
 * @second: the same organ's report of another year
 *
 * The reports are ordered by year, older first; when a year is unknown,
 * in the order given. The order is kept for the comparison's life: a
 * year edited afterwards does not swap the sides. They may be on two
 * forms: see nb_comparison_dup_notes().
 *
 * Returns: (transfer full): a new #NbComparison
 */
NbComparison *
nb_comparison_new (NbReport *first,
                   NbReport *second)
{
  g_return_val_if_fail (NB_IS_REPORT (first), NULL);
  g_return_val_if_fail (NB_IS_REPORT (second), NULL);
  g_return_val_if_fail (first != second, NULL);

  return g_object_new (NB_TYPE_COMPARISON, "older", first, "newer", second, NULL);
}

/**
 * nb_comparison_get_older:
 * @self: a #NbComparison
 *
 * Returns: (transfer none): the report of the earlier year
 */
NbReport *
nb_comparison_get_older (NbComparison *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  return self->older;
}

/**
 * nb_comparison_get_newer:
 * @self: a #NbComparison
 *
 * Returns: (transfer none): the report of the later year
 */
NbReport *
nb_comparison_get_newer (NbComparison *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  return self->newer;
}

/**
 * nb_comparison_get_diagnostics:
 * @self: a #NbComparison
 *
 * Returns: (transfer none): a #GListModel of the #NbDiagnostic between the
 *   two years; each one's nb_diagnostic_get_sides() tells whose cells
 */
GListModel *
nb_comparison_get_diagnostics (NbComparison *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->diagnostics);
}

/**
 * nb_comparison_get_n_errors:
 * @self: a #NbComparison
 *
 * Returns: how many error-level findings there are between the years
 */
guint
nb_comparison_get_n_errors (NbComparison *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON (self), 0);

  return self->n_errors;
}

/* The newer year's side of @cell: its counterpart, or the sum of the
 * rows the newer form splits it into (a value when every part is one,
 * empty when all are empty). */
static NbCellState
newer_side (NbComparison  *self,
            guint          cell,
            gint64        *value,
            const char   **text)
{
  guint n;
  const guint *cells = nb_form_map_get_newer (self->map, cell, &n);
  gboolean all_values = TRUE, all_empty = TRUE;

  *value = 0;
  *text = NULL;
  if (n == 1)
    {
      *value = nb_report_get_cell_value (self->newer, cells[0]);
      *text = nb_report_get_cell_text (self->newer, cells[0]);
      return nb_report_get_cell_state (self->newer, cells[0]);
    }
  for (guint i = 0; i < n; i++)
    {
      NbCellState state = nb_report_get_cell_state (self->newer, cells[i]);

      all_values &= state == NB_CELL_STATE_VALUE;
      all_empty &= state == NB_CELL_STATE_EMPTY;
      if (state == NB_CELL_STATE_VALUE)
        *value += nb_report_get_cell_value (self->newer, cells[i]);
    }
  return all_values ? NB_CELL_STATE_VALUE : all_empty ? NB_CELL_STATE_EMPTY : NB_CELL_STATE_INVALID;
}

/**
 * nb_comparison_get_change:
 * @self: a #NbComparison
 * @cell: a cell index of the older report's form
 *   (nb_comparison_get_template())
 * @delta: (out) (optional): newer − older when both are numbers
 *
 * Returns: how the cell differs between the years
 */
NbChange
nb_comparison_get_change (NbComparison *self,
                          guint         cell,
                          gint64       *delta)
{
  NbCellState older, newer;
  gint64 newer_value;
  const char *newer_text;
  guint n;

  g_return_val_if_fail (NB_IS_COMPARISON (self), NB_CHANGE_SAME);

  if (delta != NULL)
    *delta = 0;
  nb_form_map_get_newer (self->map, cell, &n);
  if (n == 0)
    return NB_CHANGE_UNMATCHED;
  older = nb_report_get_cell_state (self->older, cell);
  newer = newer_side (self, cell, &newer_value, &newer_text);

  if (older == NB_CELL_STATE_VALUE && newer == NB_CELL_STATE_VALUE)
    {
      gint64 difference = newer_value - nb_report_get_cell_value (self->older, cell);

      if (delta != NULL)
        *delta = difference;
      return difference == 0 ? NB_CHANGE_SAME : NB_CHANGE_VALUE;
    }
  if (n == 1 && g_strcmp0 (nb_report_get_cell_text (self->older, cell), newer_text) == 0)
    return NB_CHANGE_SAME;
  if (n > 1 && older == NB_CELL_STATE_EMPTY && newer == NB_CELL_STATE_EMPTY)
    return NB_CHANGE_SAME;
  if (newer == NB_CELL_STATE_VALUE && (older == NB_CELL_STATE_EMPTY || older == NB_CELL_STATE_MARK))
    return NB_CHANGE_ADDED;
  if (older == NB_CELL_STATE_VALUE && (newer == NB_CELL_STATE_EMPTY || newer == NB_CELL_STATE_MARK))
    return NB_CHANGE_REMOVED;
  return NB_CHANGE_TEXT;
}

/**
 * nb_comparison_dup_delta_text:
 * @self: a #NbComparison
 * @cell: a cell index
 *
 * Returns: (transfer full): the difference as shown: "+3", "−1", "0",
 *   the new value where the older year is empty, "" where the newer one
 *   is or has no such cell, "≠" where the texts differ otherwise
 */
char *
nb_comparison_dup_delta_text (NbComparison *self,
                              guint         cell)
{
  NbCellKind kind;
  g_autofree char *magnitude = NULL;
  const char *text;
  gint64 delta, newer;

  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  kind = nb_template_get_cell_kind (self->template, cell);
  switch (nb_comparison_get_change (self, cell, &delta))
    {
    case NB_CHANGE_VALUE:
      magnitude = nb_number_format (ABS (delta), kind);
      /* a true minus sign, as typeset numbers use */
      return g_strconcat (delta > 0 ? "+" : "−", magnitude, NULL);
    case NB_CHANGE_SAME:
      return g_strdup (nb_report_get_cell_state (self->older, cell) == NB_CELL_STATE_VALUE ? "0" : "");
    case NB_CHANGE_ADDED:
      newer_side (self, cell, &newer, &text);
      return nb_number_format (newer, kind);
    case NB_CHANGE_REMOVED:
    case NB_CHANGE_UNMATCHED:
      return g_strdup ("");
    case NB_CHANGE_TEXT:
    default:
      return g_strdup ("≠");
    }
}

/**
 * nb_comparison_dup_changed_cells:
 * @self: a #NbComparison
 *
 * Returns: (transfer full) (element-type guint): the cells that differ,
 *   in template order; cells the newer form lacks are not among them
 */
GArray *
nb_comparison_dup_changed_cells (NbComparison *self)
{
  GArray *cells;

  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  cells = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < nb_template_get_n_cells (self->template); c++)
    {
      NbChange change = nb_comparison_get_change (self, c, NULL);

      if (change != NB_CHANGE_SAME && change != NB_CHANGE_UNMATCHED)
        g_array_append_val (cells, c);
    }
  return cells;
}

/**
 * nb_comparison_get_template:
 * @self: a #NbComparison
 *
 * Returns: (transfer none): the form whose cells are compared: the older
 *   report's
 */
NbTemplate *
nb_comparison_get_template (NbComparison *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  return self->template;
}

/**
 * nb_comparison_get_newer_cells:
 * @self: a #NbComparison
 * @cell: a cell of the older report's form
 * @n_cells: (out): how many cells of the newer report it is compared with
 *
 * Returns: (transfer none) (array length=n_cells) (nullable): the cell of
 *   the same address, or the rows the newer form splits it into, or none
 */
const guint *
nb_comparison_get_newer_cells (NbComparison *self,
                               guint         cell,
                               guint        *n_cells)
{
  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  return nb_form_map_get_newer (self->map, cell, n_cells);
}

/**
 * nb_comparison_get_compared_cell:
 * @self: a #NbComparison
 * @newer_cell: a cell of the newer report
 *
 * Returns: the cell of the older form it is compared in, or -1
 */
int
nb_comparison_get_compared_cell (NbComparison *self,
                                 guint         newer_cell)
{
  g_return_val_if_fail (NB_IS_COMPARISON (self), -1);

  return nb_form_map_get_compared (self->map, newer_cell);
}

/**
 * nb_comparison_dup_newer_text:
 * @self: a #NbComparison
 * @cell: a cell of the older report's form
 *
 * Returns: (transfer full) (nullable): what the newer year holds for it:
 *   the text of its counterpart, or the sum of the rows the newer form
 *   splits it into; %NULL when empty or not in the newer form
 */
char *
nb_comparison_dup_newer_text (NbComparison *self,
                              guint         cell)
{
  gint64 value;
  const char *text;
  guint n;
  NbCellState state;

  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  nb_form_map_get_newer (self->map, cell, &n);
  if (n == 0)
    return NULL;
  state = newer_side (self, cell, &value, &text);
  if (n == 1)
    return g_strdup (text);
  return state == NB_CELL_STATE_VALUE
    ? nb_number_format (value, nb_template_get_cell_kind (self->template, cell))
    : NULL;
}

static char *
year_of (NbReport *report)
{
  guint year = nb_report_get_year (report);

  return year > 0 ? g_strdup_printf ("%u", year) : g_strdup (_("unknown year"));
}

/* A rule between the years that the older form cannot take part in:
 * every instance names a cell it lacks. */
static const char *
missing_cell_label (NbComparison *self,
                    guint         rule)
{
  const char *label = NULL;

  for (guint i = 0; i < nb_cross_rules_get_n_instances (self->rules); i++)
    {
      const NbCrossInstance *instance = nb_cross_rules_get_instance (self->rules, i);

      if (instance->rule != rule)
        continue;
      if (g_ptr_array_index (self->resolved, i) != NULL)
        return NULL;
      for (guint t = 0; t < instance->n_terms && label == NULL; t++)
        if (instance->sides[t] == NB_SIDE_OLDER &&
            nb_form_map_lookup_older (self->map, instance->cells[t]) < 0)
          label = nb_template_get_cell_label (self->newer_template, instance->cells[t]);
    }
  return label;
}

static void
add_note (GStrvBuilder *builder,
          char         *note)
{
  g_strv_builder_add (builder, note);
  g_free (note);
}

/**
 * nb_comparison_dup_notes:
 * @self: a #NbComparison
 *
 * What a summary must say when the reports are on two forms: which form
 * each is on, which rows are compared with a sum, and which rules between
 * the years cannot be checked, and why.
 *
 * Returns: (transfer full): the notes, translated; empty for one form
 */
GStrv
nb_comparison_dup_notes (NbComparison *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *older_year = NULL;
  g_autofree char *newer_year = NULL;
  const char *older_form, *newer_form;

  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  if (nb_form_map_is_identity (self->map))
    return g_strv_builder_end (builder);
  older_year = year_of (self->older);
  newer_year = year_of (self->newer);
  older_form = nb_template_get_id (self->template);
  newer_form = nb_template_get_id (self->newer_template);
  add_note (builder,
                       g_strdup_printf (_("The %s report is on the %s form, the %s report on the %s "
                                          "form: the cells both forms have are compared; cells that "
                                          "only one form has are not."),
                                        older_year, older_form, newer_year, newer_form));
  for (guint i = 0; i < nb_form_map_get_n_sums (self->map); i++)
    {
      const NbFormSum *sum = nb_form_map_get_sum (self->map, i);

      add_note (builder,
                           g_strdup_printf (_("“%s” is one row on the %s form; it is compared with "
                                              "the sum of the %u rows of the %s form."),
                                            sum->label, older_form, sum->n_rows, newer_form));
    }
  for (guint r = 0; r < nb_cross_rules_get_n_rules (self->rules); r++)
    {
      const NbCrossRule *rule = nb_cross_rules_get_rule (self->rules, r);
      const char *missing = rule->type == NB_CROSS_SUM ? missing_cell_label (self, r) : NULL;

      if (missing != NULL)
        add_note (builder,
                             g_strdup_printf (_("%s (%s = %s) is not checked: the %s form has no "
                                                "“%s”, and none of its figures means the same."),
                                              rule->id, rule->lhs_text, rule->rhs_text,
                                              older_form, missing));
    }
  return g_strv_builder_end (builder);
}

guint
nb_comparison_get_n_headlines (NbComparison *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON (self), 0);

  return nb_cross_rules_get_n_headlines (self->rules);
}

/* The headlines name the newer form's cells; the older report's come
 * through the map between the forms. */
static gboolean
headline_value (NbComparison     *self,
                const NbHeadline *headline,
                NbReport         *report,
                gint64           *value)
{
  if (report != self->older || headline->pattern != NULL)
    return nb_headline_get_value (headline, report, value);
  *value = 0;
  for (guint i = 0; i < headline->cells->len; i++)
    {
      int cell = nb_form_map_lookup_older (self->map, g_array_index (headline->cells, guint, i));

      if (cell < 0 || nb_report_get_cell_state (report, cell) != NB_CELL_STATE_VALUE)
        return FALSE;
      *value += nb_report_get_cell_value (report, cell);
    }
  return TRUE;
}

/**
 * nb_comparison_get_headline:
 * @self: a #NbComparison
 * @headline: an index below nb_comparison_get_n_headlines()
 * @known_older: (out): whether the older year states the figure
 * @older: (out): its value
 * @known_newer: (out): whether the newer year states it
 * @newer: (out): its value
 *
 * The figures a summary of both years shows: applications received,
 * results, carried forward, reviews, lawsuits, and items proactively
 * disclosed where the overview states them.
 *
 * Returns: (transfer none): the figure's label
 */
const char *
nb_comparison_get_headline (NbComparison *self,
                            guint         headline,
                            gboolean     *known_older,
                            gint64       *older,
                            gboolean     *known_newer,
                            gint64       *newer)
{
  const NbHeadline *h;

  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (headline < nb_cross_rules_get_n_headlines (self->rules), NULL);

  h = nb_cross_rules_get_headline (self->rules, headline);
  *known_older = headline_value (self, h, self->older, older);
  *known_newer = headline_value (self, h, self->newer, newer);
  return h->label;
}

/**
 * nb_comparison_get_text_similarity:
 * @self: a #NbComparison
 * @section_id: (nullable): `overview`, `problems` or `other`, or %NULL for
 *   the three together
 *
 * Returns: the share of that text the two years have in common (0 to 1),
 *   after numbers, years, the organ's name and the sentences every report
 *   writes are left out; -1 when the text is too short to judge
 */
double
nb_comparison_get_text_similarity (NbComparison *self,
                                   const char   *section_id)
{
  static const char *const parts[] = { "overview", "problems", "other" };

  g_return_val_if_fail (NB_IS_COMPARISON (self), -1);

  for (guint part = 0; part < G_N_ELEMENTS (parts) && section_id != NULL; part++)
    if (g_str_equal (section_id, parts[part]))
      return self->similarity[part];
  return section_id == NULL ? self->similarity[NB_YEAR_PART_WHOLE] : -1;
}

static void
append_year_heading (GString  *out,
                     NbReport *report,
                     const char *fallback)
{
  g_autofree char *heading = NULL;

  if (nb_report_get_year (report) > 0)
    heading = g_strdup_printf ("%u", nb_report_get_year (report));
  nb_csv_append_field (out, heading ? heading : fallback);
}

/**
 * nb_comparison_write_csv:
 * @self: a #NbComparison
 *
 * One row per cell address: address, label, the older year's value, the
 * newer year's, and Δ (newer − older, where both are numbers). UTF-8 with
 * a byte order mark, which spreadsheet programs need to read Chinese.
 *
 * Returns: (transfer full): the CSV file's bytes
 */
GBytes *
nb_comparison_write_csv (NbComparison *self)
{
  GString *out;
  guint n_cells;

  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  n_cells = nb_template_get_n_cells (self->template);
  out = g_string_new (NB_CSV_BOM);
  g_string_append (out, "address,label,");
  append_year_heading (out, self->older, "older");
  g_string_append_c (out, ',');
  append_year_heading (out, self->newer, "newer");
  g_string_append (out, ",Δ\r\n");

  for (guint c = 0; c < n_cells; c++)
    {
      gint64 delta;
      NbChange change = nb_comparison_get_change (self, c, &delta);
      NbCellKind kind = nb_template_get_cell_kind (self->template, c);
      g_autofree char *newer = NULL;

      nb_csv_append_field (out, nb_template_get_cell_address (self->template, c));
      g_string_append_c (out, ',');
      nb_csv_append_field (out, nb_template_get_cell_label (self->template, c));
      g_string_append_c (out, ',');
      nb_csv_append_field (out, nb_report_get_cell_text (self->older, c));
      g_string_append_c (out, ',');
      newer = nb_comparison_dup_newer_text (self, c);
      nb_csv_append_field (out, newer);
      g_string_append_c (out, ',');
      /* the same with the older a number: both are (the newer's cell may
       * have another index, or be a sum) */
      if (change == NB_CHANGE_VALUE ||
          (change == NB_CHANGE_SAME && nb_report_get_cell_state (self->older, c) == NB_CELL_STATE_VALUE))
        {
          if (delta < 0)
            g_string_append_c (out, '-');
          nb_number_append (out, ABS (delta), kind);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free_to_bytes (out);
}
