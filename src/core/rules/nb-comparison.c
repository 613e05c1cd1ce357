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
#include "nb-number.h"
#include "nb-organ-name.h"
#include "nb-report-private.h"
#include "nb-year-rules.h"

/* The two reports stay what they are — each edited, validated and saved
 * on its own; this object only reads them, ordered by year, and keeps the
 * rules between the years (from the template's "cross_rules") as a list
 * of diagnostics whose cells say which year they belong to. Any change on
 * either side re-runs those few rules at once. */
struct _NbComparison
{
  GObject       parent_instance;

  NbReport     *older;
  NbReport     *newer;
  NbTemplate   *template;
  NbCrossRules *rules;
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
          guint                  from,
          guint                  to,
          gint64                *sum)
{
  *sum = 0;
  for (guint i = from; i < to; i++)
    {
      NbReport *report = side_report (self, instance->sides[i]);

      if (nb_report_get_cell_state (report, instance->cells[i]) != NB_CELL_STATE_VALUE)
        return FALSE;
      *sum += instance->signs[i] * nb_report_get_cell_value (report, instance->cells[i]);
    }
  return TRUE;
}

static NbDiagnostic *
check_sum (NbComparison          *self,
           const NbCrossInstance *instance)
{
  const NbCrossRule *rule = nb_cross_rules_get_rule (self->rules, instance->rule);
  NbCellKind kind = nb_template_get_cell_kind (self->template, instance->cells[0]);
  g_autofree char *lhs_text = NULL;
  g_autofree char *rhs_text = NULL;
  g_autofree char *message = NULL;
  NbDiagnostic *diagnostic;
  gint64 lhs, rhs;
  guint line = 0;

  if (!sum_side (self, instance, 0, instance->n_lhs, &lhs) ||
      !sum_side (self, instance, instance->n_lhs, instance->n_terms, &rhs) ||
      lhs == rhs)
    return NULL;

  lhs_text = nb_number_format (lhs, kind);
  rhs_text = nb_number_format (rhs, kind);
  /* Translators: "自然人: 本年 二、上年结转 = 1, but 上年 四、结转下年度 = 0" */
  message = g_strdup_printf (_("%s: %s = %s, but %s = %s"),
                             instance->each_label, rule->lhs_text, lhs_text, rule->rhs_text, rhs_text);
  for (guint i = 0; i < instance->n_terms && line == 0; i++)
    if (instance->sides[i] == NB_SIDE_NEWER)
      line = nb_report_get_cell_line (self->newer, instance->cells[i]);
  diagnostic = nb_diagnostic_new_across (self->template, rule->severity, rule->id, message, line,
                                         instance->cells, instance->sides, instance->n_terms);
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
  return nb_diagnostic_new_across (self->template, rule->severity, rule->id, message, 0, NULL, NULL, 0);
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
      NbDiagnostic *diagnostic = check_sum (self, nb_cross_rules_get_instance (self->rules, i));

      if (diagnostic != NULL)
        g_ptr_array_add (found, diagnostic);
    }
  for (guint r = 0; paired && r < nb_cross_rules_get_n_rules (self->rules); r++)
    check_year (self, nb_cross_rules_get_rule (self->rules, r), found);
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
cell_changed_cb (NbComparison *self,
                 guint         cell)
{
  check (self);
  g_signal_emit (self, signals[CHANGED], 0, cell);
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
  self->rules = nb_cross_rules_new (self->template, &error);
  if (self->rules == NULL)
    {
      /* the templates are data checked by test-template; never fail here */
      g_warning ("Rules between two years: %s", error->message);
      self->rules = nb_cross_rules_new (NULL, NULL);
    }
  self->diagnostics = g_list_store_new (NB_TYPE_DIAGNOSTIC);
  compare_text (self);
  check (self);

  reports[0] = self->older;
  reports[1] = self->newer;
  for (guint i = 0; i < 2; i++)
    {
      g_signal_connect_object (reports[i], "cell-changed", G_CALLBACK (cell_changed_cb),
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
  g_clear_object (&self->template);

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
 * year edited afterwards does not swap the sides.
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
  g_return_val_if_fail (nb_report_get_template (first) == nb_report_get_template (second), NULL);

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

/**
 * nb_comparison_get_change:
 * @self: a #NbComparison
 * @cell: a cell index
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

  g_return_val_if_fail (NB_IS_COMPARISON (self), NB_CHANGE_SAME);

  older = nb_report_get_cell_state (self->older, cell);
  newer = nb_report_get_cell_state (self->newer, cell);
  if (delta != NULL)
    *delta = 0;

  if (older == NB_CELL_STATE_VALUE && newer == NB_CELL_STATE_VALUE)
    {
      gint64 difference = nb_report_get_cell_value (self->newer, cell) -
                          nb_report_get_cell_value (self->older, cell);

      if (delta != NULL)
        *delta = difference;
      return difference == 0 ? NB_CHANGE_SAME : NB_CHANGE_VALUE;
    }
  if (g_strcmp0 (nb_report_get_cell_text (self->older, cell), nb_report_get_cell_text (self->newer, cell)) == 0)
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
 *   is, "≠" where the texts differ otherwise
 */
char *
nb_comparison_dup_delta_text (NbComparison *self,
                              guint         cell)
{
  NbCellKind kind;
  g_autofree char *magnitude = NULL;
  gint64 delta;

  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  kind = nb_template_get_cell_kind (self->template, cell);
  switch (nb_comparison_get_change (self, cell, &delta))
    {
    case NB_CHANGE_VALUE:
      magnitude = nb_number_format (ABS (delta), kind);
      /* a true minus sign, as typeset numbers use */
      return g_strconcat (delta > 0 ? "+" : "−", magnitude, NULL);
    case NB_CHANGE_SAME:
      return g_strdup (nb_report_get_cell_state (self->newer, cell) == NB_CELL_STATE_VALUE ? "0" : "");
    case NB_CHANGE_ADDED:
      return nb_number_format (nb_report_get_cell_value (self->newer, cell), kind);
    case NB_CHANGE_REMOVED:
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
 *   in template order
 */
GArray *
nb_comparison_dup_changed_cells (NbComparison *self)
{
  GArray *cells;

  g_return_val_if_fail (NB_IS_COMPARISON (self), NULL);

  cells = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < nb_template_get_n_cells (self->template); c++)
    if (nb_comparison_get_change (self, c, NULL) != NB_CHANGE_SAME)
      g_array_append_val (cells, c);
  return cells;
}

guint
nb_comparison_get_n_headlines (NbComparison *self)
{
  g_return_val_if_fail (NB_IS_COMPARISON (self), 0);

  return nb_cross_rules_get_n_headlines (self->rules);
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
  *known_older = nb_headline_get_value (h, self->older, older);
  *known_newer = nb_headline_get_value (h, self->newer, newer);
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

      nb_csv_append_field (out, nb_template_get_cell_address (self->template, c));
      g_string_append_c (out, ',');
      nb_csv_append_field (out, nb_template_get_cell_label (self->template, c));
      g_string_append_c (out, ',');
      nb_csv_append_field (out, nb_report_get_cell_text (self->older, c));
      g_string_append_c (out, ',');
      nb_csv_append_field (out, nb_report_get_cell_text (self->newer, c));
      g_string_append_c (out, ',');
      if (change == NB_CHANGE_VALUE ||
          (change == NB_CHANGE_SAME && nb_report_get_cell_state (self->newer, c) == NB_CELL_STATE_VALUE))
        {
          if (delta < 0)
            g_string_append_c (out, '-');
          nb_number_append (out, ABS (delta), kind);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free_to_bytes (out);
}
