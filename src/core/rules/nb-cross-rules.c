/* nb-cross-rules.c — the rules between two years of one organ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cross-rules"

#include "config.h"

#include "nb-cross-rules.h"

#include "nb-number.h"
#include "nb-template-private.h"

/* Like the sums within one report, these are data: each term names a
 * side (older or newer year), a row or a column, and a sign, and a rule
 * is expanded once per row or column of its table. */
struct _NbCrossRules
{
  GPtrArray *rules;      /* NbCrossRule */
  GArray    *instances;  /* NbCrossInstance */
  GPtrArray *headlines;  /* NbHeadline */
};

static void
rule_free (gpointer data)
{
  NbCrossRule *rule = data;

  g_free (rule->id);
  g_free (rule->lhs_text);
  g_free (rule->rhs_text);
  g_clear_pointer (&rule->patterns, g_ptr_array_unref);
  g_clear_pointer (&rule->cells, g_array_unref);
  g_free (rule);
}

static void
instance_clear (gpointer data)
{
  NbCrossInstance *instance = data;

  g_free (instance->cells);
  g_free (instance->sides);
  g_free (instance->signs);
}

static gboolean
fail (GError    **error,
      const char *where,
      const char *what)
{
  g_set_error (error, NB_ERROR, NB_ERROR_TEMPLATE, "template %s: %s", where, what);
  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static void
headline_free (gpointer data)
{
  NbHeadline *headline = data;

  g_free (headline->label);
  g_array_unref (headline->cells);
  g_clear_pointer (&headline->pattern, g_regex_unref);
  g_free (headline);
}

static gboolean
parse_headlines (NbCrossRules  *rules,
                 NbTemplate    *template,
                 JsonArray     *array,
                 GError       **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("headlines[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      NbHeadline *headline;
      JsonObject *object;
      JsonNode *cells;
      const char *pattern;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, where, "expected an object");
      object = json_node_get_object (node);
      headline = g_new0 (NbHeadline, 1);
      headline->cells = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (rules->headlines, headline);
      headline->label = g_strdup (string_member (object, "label"));
      if (headline->label == NULL)
        return fail (error, where, "a headline has a label");
      cells = json_object_get_member (object, "cells");
      for (guint c = 0; cells != NULL && JSON_NODE_HOLDS_ARRAY (cells) &&
           c < json_array_get_length (json_node_get_array (cells)); c++)
        {
          int cell = nb_template_lookup_cell (template,
                                              json_array_get_string_element (json_node_get_array (cells), c));

          if (cell < 0)
            return fail (error, where, "names an unknown cell");
          g_array_append_val (headline->cells, cell);
        }
      pattern = string_member (object, "pattern");
      if (pattern != NULL && (headline->pattern = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, error)) == NULL)
        return FALSE;
      if (headline->cells->len == 0 && headline->pattern == NULL)
        return fail (error, where, "a headline has cells or a pattern");
    }
  return TRUE;
}

typedef struct
{
  NbSide      side;
  const char *row;      /* for each column */
  const char *column;   /* for each row */
  gint8       sign;
} Term;

static gboolean
parse_terms (JsonObject  *object,
             const char  *name,
             const char  *where,
             GArray      *terms,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, where, "a cross-year sum needs lhs and rhs arrays");
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item_node = json_array_get_element (array, i);
      JsonObject *item;
      const char *side;
      Term term = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (item_node))
        return fail (error, where, "a term is an object");
      item = json_node_get_object (item_node);
      side = string_member (item, "side");
      if (g_strcmp0 (side, "older") == 0)
        term.side = NB_SIDE_OLDER;
      else if (g_strcmp0 (side, "newer") == 0)
        term.side = NB_SIDE_NEWER;
      else
        return fail (error, where, "a term's side is \"older\" or \"newer\"");
      term.row = string_member (item, "row");
      term.column = string_member (item, "column");
      term.sign = json_object_get_int_member_with_default (item, "sign", 1) < 0 ? -1 : 1;
      if ((term.row == NULL) == (term.column == NULL))
        return fail (error, where, "a term names a row or a column");
      g_array_append_val (terms, term);
    }
  return TRUE;
}

static int
find_cell (NbTemplate      *template,
           NbTemplateTable *table,
           const char      *row_id,
           const char      *column_id)
{
  g_autofree char *address = g_strdup_printf ("%s/%s/%s", table->id, row_id, column_id);

  return nb_template_lookup_cell (template, address);
}

static gboolean
add_instance (NbCrossRules *rules,
              NbTemplate      *template,
              NbTemplateTable *table,
              guint            rule,
              const char      *each_label,
              const char      *row_id,
              const char      *column_id,
              GArray          *lhs,
              GArray          *rhs)
{
  NbCrossInstance instance = { 0 };
  guint n = lhs->len + rhs->len;

  instance.rule = rule;
  instance.each_label = each_label;
  instance.n_lhs = lhs->len;
  instance.n_terms = n;
  instance.cells = g_new (guint, n);
  instance.sides = g_new (guint8, n);
  instance.signs = g_new (gint8, n);
  for (guint i = 0; i < n; i++)
    {
      Term *term = i < lhs->len ? &g_array_index (lhs, Term, i) : &g_array_index (rhs, Term, i - lhs->len);
      int cell = find_cell (template, table,
                            term->row ? term->row : row_id,
                            term->column ? term->column : column_id);

      if (cell < 0)
        {
          instance_clear (&instance);
          return FALSE;
        }
      instance.cells[i] = cell;
      instance.sides[i] = term->side;
      instance.signs[i] = term->sign;
    }
  g_array_append_val (rules->instances, instance);
  return TRUE;
}

static gboolean
parse_sum (NbCrossRules  *rules,
           NbTemplate    *template,
           guint          rule_index,
           JsonObject    *object,
           const char    *where,
           GError       **error)
{
  g_autoptr(GArray) lhs = g_array_new (FALSE, FALSE, sizeof (Term));
  g_autoptr(GArray) rhs = g_array_new (FALSE, FALSE, sizeof (Term));
  const char *table_id = string_member (object, "table");
  const char *each = string_member (object, "each");
  NbTemplateTable *table = table_id ? nb_template_lookup_table (template, table_id) : NULL;
  JsonNode *only = json_object_get_member (object, "rows");
  guint added = 0;

  if (table == NULL)
    return fail (error, where, "names no table of the template");
  if (!parse_terms (object, "lhs", where, lhs, error) || !parse_terms (object, "rhs", where, rhs, error))
    return FALSE;

  if (g_strcmp0 (each, "column") == 0)
    {
      for (guint c = 0; c < table->columns->len; c++)
        {
          NbTemplateColumn *column = g_ptr_array_index (table->columns, c);

          added += add_instance (rules, template, table, rule_index, column->label, NULL, column->id, lhs, rhs);
        }
    }
  else if (g_strcmp0 (each, "row") == 0)
    {
      for (guint r = 0; r < table->rows->len; r++)
        {
          NbTemplateRow *row = g_ptr_array_index (table->rows, r);
          gboolean wanted = only == NULL;

          for (guint i = 0; !wanted && JSON_NODE_HOLDS_ARRAY (only) &&
               i < json_array_get_length (json_node_get_array (only)); i++)
            wanted = g_strcmp0 (json_array_get_string_element (json_node_get_array (only), i), row->id) == 0;
          if (wanted)
            added += add_instance (rules, template, table, rule_index, row->label, row->id, NULL, lhs, rhs);
        }
    }
  else
    return fail (error, where, "each is \"row\" or \"column\"");

  if (added == 0)
    return fail (error, where, "matches no cells");
  return TRUE;
}

static double
number_member (JsonObject *object,
               const char *name,
               double      otherwise)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return otherwise;
  return json_node_get_double (node);
}

/* text-similarity: "boilerplate" (regular expressions of the sentences
 * every report writes) and "threshold" (a percentage) */
static gboolean
parse_similarity (NbCrossRule  *rule,
                  JsonObject   *object,
                  const char   *where,
                  GError      **error)
{
  JsonNode *node = json_object_get_member (object, "boilerplate");
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  rule->threshold = number_member (object, "threshold", 90) / 100;
  rule->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *pattern = json_array_get_string_element (array, i);
      GRegex *regex;

      if (pattern == NULL)
        return fail (error, where, "boilerplate holds regular expressions");
      if ((regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, error)) == NULL)
        return FALSE;
      g_ptr_array_add (rule->patterns, regex);
    }
  return TRUE;
}

/* jump: "factor", "minimum", and "cells" (amounts whose ×10⁴ is a unit) */
static gboolean
parse_jump (NbCrossRule  *rule,
            NbTemplate   *template,
            JsonObject   *object,
            const char   *where,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, "cells");
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  rule->factor = number_member (object, "factor", 5);
  rule->minimum = number_member (object, "minimum", 10);
  rule->cells = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *address = json_array_get_string_element (array, i);
      int cell = address != NULL ? nb_template_lookup_cell (template, address) : -1;

      if (cell < 0)
        return fail (error, where, "names an unknown cell");
      g_array_append_val (rule->cells, cell);
    }
  return TRUE;
}

static gboolean
parse_other_type (NbCrossRule  *rule,
                  NbTemplate   *template,
                  const char   *type,
                  JsonObject   *object,
                  const char   *where,
                  GError      **error)
{
  if (g_strcmp0 (type, "text-similarity") == 0)
    {
      rule->type = NB_CROSS_TEXT_SIMILARITY;
      return parse_similarity (rule, object, where, error);
    }
  if (g_strcmp0 (type, "tables-identical") == 0)
    {
      rule->type = NB_CROSS_TABLES_IDENTICAL;
      return TRUE;
    }
  if (g_strcmp0 (type, "jump") == 0)
    {
      rule->type = NB_CROSS_JUMP;
      return parse_jump (rule, template, object, where, error);
    }
  return fail (error, where, "type is \"cross-sum\", \"same-organ\", \"text-similarity\", "
                             "\"tables-identical\" or \"jump\"");
}

/**
 * nb_cross_rules_new:
 * @template: (nullable): the template whose "cross_rules" and "headlines"
 *   to read, or %NULL for no rules
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the rules, expanded, or %NULL when
 *   the template describes them wrongly
 */
NbCrossRules *
nb_cross_rules_new (NbTemplate  *template,
                    GError     **error)
{
  NbCrossRules *rules = g_new0 (NbCrossRules, 1);
  JsonArray *array = template ? nb_template_get_cross_rules (template) : NULL;
  JsonArray *headlines = template ? nb_template_get_headlines (template) : NULL;

  rules->headlines = g_ptr_array_new_with_free_func (headline_free);
  if (!parse_headlines (rules, template, headlines, error))
    goto failed;
  rules->rules = g_ptr_array_new_with_free_func (rule_free);
  rules->instances = g_array_new (FALSE, FALSE, sizeof (NbCrossInstance));
  g_array_set_clear_func (rules->instances, instance_clear);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("cross_rules[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      NbCrossRule *rule;
      const char *severity, *type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          fail (error, where, "expected an object");
          goto failed;
        }
      object = json_node_get_object (node);
      rule = g_new0 (NbCrossRule, 1);
      g_ptr_array_add (rules->rules, rule);
      rule->id = g_strdup (string_member (object, "id"));
      rule->lhs_text = g_strdup (string_member (object, "lhs_text"));
      rule->rhs_text = g_strdup (string_member (object, "rhs_text"));
      severity = string_member (object, "severity");
      type = string_member (object, "type");
      if (rule->id == NULL)
        {
          fail (error, where, "a rule has an id");
          goto failed;
        }
      rule->severity = g_strcmp0 (severity, "error") == 0 ? NB_SEVERITY_ERROR
                     : g_strcmp0 (severity, "warning") == 0 ? NB_SEVERITY_WARNING : NB_SEVERITY_INFO;

      if (g_strcmp0 (type, "same-organ") == 0)
        rule->type = NB_CROSS_SAME_ORGAN;
      else if (g_strcmp0 (type, "cross-sum") == 0)
        {
          rule->type = NB_CROSS_SUM;
          if (rule->lhs_text == NULL || rule->rhs_text == NULL)
            {
              fail (error, where, "a cross-year sum has lhs_text and rhs_text");
              goto failed;
            }
          if (!parse_sum (rules, template, rules->rules->len - 1, object, where, error))
            goto failed;
        }
      else if (!parse_other_type (rule, template, type, object, where, error))
        goto failed;
    }
  return rules;

failed:
  nb_cross_rules_free (rules);
  return NULL;
}

void
nb_cross_rules_free (NbCrossRules *rules)
{
  g_clear_pointer (&rules->rules, g_ptr_array_unref);
  g_clear_pointer (&rules->instances, g_array_unref);
  g_ptr_array_unref (rules->headlines);
  g_free (rules);
}

guint
nb_cross_rules_get_n_rules (NbCrossRules *rules)
{
  return rules->rules->len;
}

const NbCrossRule *
nb_cross_rules_get_rule (NbCrossRules *rules,
                         guint         rule)
{
  return g_ptr_array_index (rules->rules, rule);
}

guint
nb_cross_rules_get_n_instances (NbCrossRules *rules)
{
  return rules->instances->len;
}

const NbCrossInstance *
nb_cross_rules_get_instance (NbCrossRules *rules,
                             guint         instance)
{
  return &g_array_index (rules->instances, NbCrossInstance, instance);
}

guint
nb_cross_rules_get_n_headlines (NbCrossRules *rules)
{
  return rules->headlines->len;
}

const NbHeadline *
nb_cross_rules_get_headline (NbCrossRules *rules,
                             guint         headline)
{
  return g_ptr_array_index (rules->headlines, headline);
}

/**
 * nb_headline_get_value:
 * @headline: a headline of the template
 * @report: a report on that template
 * @value: (out): the figure
 *
 * Returns: whether @report states the figure: every cell of it holds a
 *   number, or the overview's text matches its pattern
 */
gboolean
nb_headline_get_value (const NbHeadline *headline,
                       NbReport         *report,
                       gint64           *value)
{
  *value = 0;
  if (headline->pattern != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      const char *text = nb_report_get_section_text (report, "overview");
      int start, end;

      if (!g_regex_match (headline->pattern, text, 0, &match))
        return FALSE;
      g_match_info_fetch_pos (match, 1, &start, &end);
      return nb_number_parse (text + start, end - start, NB_CELL_KIND_COUNT, NULL, value) == NB_CELL_STATE_VALUE;
    }
  for (guint i = 0; i < headline->cells->len; i++)
    {
      guint cell = g_array_index (headline->cells, guint, i);

      if (nb_report_get_cell_state (report, cell) != NB_CELL_STATE_VALUE)
        return FALSE;
      *value += nb_report_get_cell_value (report, cell);
    }
  return TRUE;
}
