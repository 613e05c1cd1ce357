/* nb-template.c — the statutory form, read from a template description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-template"

#include "config.h"

#include "nb-template-private.h"

#include "nb-core-resources.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define TEMPLATE_PATH "/io/github/nianbao/Nianbao/templates/"
#define DEFAULT_TEMPLATE TEMPLATE_PATH "2021.json"

struct _NbTemplate
{
  GObject     parent_instance;

  char       *id;
  char       *title_suffix;    /* what follows the organ and year in a title */
  guint       first_year;      /* the report years the form is for, 0 for any */
  guint       last_year;
  GPtrArray  *sections;        /* NbTemplateSection */
  GPtrArray  *tables;          /* NbTemplateTable */
  GArray     *cells;           /* NbTemplateCell */
  GHashTable *cell_index;      /* address → index + 1 */
  GPtrArray  *rules;           /* NbTemplateRule */
  GHashTable *rule_index;      /* id → index + 1, of the first rule with it */
  GArray     *instances;       /* NbRuleInstance */
  guint      *cell_inst_start; /* n_cells + 1 offsets into cell_inst */
  GArray     *cell_inst;       /* guint instance indices */
  GArray     *narrative_rules; /* guint rule indices */
  JsonArray    *cross_rules;   /* between two years, read by NbComparison */
  JsonArray    *headlines;
  GStrv       marks;
  gboolean    own;             /* one of the forms this program carries: the
                                * tests check its patterns compile, not every
                                * start */
};

G_DEFINE_FINAL_TYPE (NbTemplate, nb_template, G_TYPE_OBJECT)

/* Helpers */

static void
column_free (gpointer data)
{
  NbTemplateColumn *column = data;

  g_free (column->id);
  g_free (column->label);
  g_free (column->group);
  g_strfreev (column->variants);
  g_strfreev (column->units);
  g_free (column);
}

static void
group_free (gpointer data)
{
  NbTemplateGroup *group = data;

  g_free (group->id);
  g_free (group->label);
  g_free (group->parent);
  g_strfreev (group->variants);
  g_free (group);
}

static void
row_free (gpointer data)
{
  NbTemplateRow *row = data;

  g_free (row->id);
  g_free (row->label);
  g_free (row->short_label);
  g_free (row->group);
  g_strfreev (row->variants);
  g_free (row->columns);
  g_free (row);
}

static void
table_free (gpointer data)
{
  NbTemplateTable *table = data;

  g_free (table->id);
  g_free (table->section);
  g_free (table->note);
  g_free (table->row_header);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->column_groups);
  g_ptr_array_unref (table->groups);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
section_free (gpointer data)
{
  NbTemplateSection *section = data;

  g_free (section->id);
  g_free (section->heading);
  g_free (section->numeral);
  g_free (section->text);
  g_strfreev (section->variants);
  g_free (section);
}

static void
rule_free (gpointer data)
{
  NbTemplateRule *rule = data;

  g_free (rule->id);
  g_free (rule->lhs_text);
  g_free (rule->rhs_text);
  g_clear_pointer (&rule->cells, g_array_unref);
  g_clear_pointer (&rule->patterns, g_ptr_array_unref);
  g_clear_pointer (&rule->zero_patterns, g_ptr_array_unref);
  g_strfreev (rule->words);
  g_free (rule);
}

static void
cell_clear (gpointer data)
{
  NbTemplateCell *cell = data;

  g_free (cell->address);
  g_free (cell->label);
}

static void
instance_clear (gpointer data)
{
  NbRuleInstance *instance = data;

  g_free (instance->cells);
}

static gboolean
fail (GError    **error,
      const char *path,
      const char *what)
{
  g_set_error (error, NB_ERROR, NB_ERROR_TEMPLATE,
               "template %s: %s", path, what);
  return FALSE;
}

static JsonArray *
member_array (JsonObject  *object,
              const char  *name,
              gboolean     optional,
              const char  *path,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && optional)
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      fail (error, where, "expected an array");
      return NULL;
    }
  return json_node_get_array (node);
}

/* Returns a new string, or NULL with @error set (or NULL without an
 * error when @optional and absent). */
static char *
member_string (JsonObject  *object,
               const char  *name,
               gboolean     optional,
               const char  *path,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && optional)
    return NULL;
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      fail (error, where, "expected a string");
      return NULL;
    }
  return g_strdup (json_node_get_string (node));
}

static GStrv
member_strv (JsonObject  *object,
             const char  *name,
             const char  *path,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = member_array (object, name, TRUE, path, error);

  if (array == NULL)
    return (error != NULL && *error != NULL) ? NULL : g_strv_builder_end (builder);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *where = g_strdup_printf ("%s.%s[%u]", path, name, i);
          fail (error, where, "expected a string");
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

static NbTemplateGroup *
parse_group (JsonObject  *object,
             const char  *path,
             GError     **error)
{
  NbTemplateGroup *group = g_new0 (NbTemplateGroup, 1);

  if ((group->id = member_string (object, "id", FALSE, path, error)) == NULL ||
      (group->label = member_string (object, "label", FALSE, path, error)) == NULL ||
      (group->variants = member_strv (object, "variants", path, error)) == NULL)
    {
      group_free (group);
      return NULL;
    }
  group->parent = member_string (object, "parent", TRUE, path, NULL);
  return group;
}

static GPtrArray *
parse_groups (JsonObject  *object,
              const char  *name,
              const char  *path,
              GError     **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  JsonArray *array = member_array (object, name, TRUE, path, error);

  if (array == NULL)
    return (error != NULL && *error != NULL) ? NULL : g_steal_pointer (&groups);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s[%u]", path, name, i);
      NbTemplateGroup *group;

      group = parse_group (json_array_get_object_element (array, i), where, error);
      if (group == NULL)
        return NULL;
      g_ptr_array_add (groups, group);
    }
  return g_steal_pointer (&groups);
}

static int
find_column (NbTemplateTable *table,
             const char      *id)
{
  for (guint i = 0; i < table->columns->len; i++)
    {
      NbTemplateColumn *column = g_ptr_array_index (table->columns, i);

      if (g_str_equal (column->id, id))
        return i;
    }
  return -1;
}

static gboolean
parse_columns (NbTemplateTable  *table,
               JsonObject       *object,
               const char       *path,
               GError          **error)
{
  JsonArray *array = member_array (object, "columns", FALSE, path, error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.columns[%u]", path, i);
      JsonObject *item = json_array_get_object_element (array, i);
      NbTemplateColumn *column = g_new0 (NbTemplateColumn, 1);
      g_autofree char *kind = NULL;

      g_ptr_array_add (table->columns, column);
      if (item == NULL)
        return fail (error, where, "expected an object");
      if ((column->id = member_string (item, "id", FALSE, where, error)) == NULL ||
          (column->label = member_string (item, "label", FALSE, where, error)) == NULL)
        return FALSE;
      column->group = member_string (item, "group", TRUE, where, NULL);
      if ((column->variants = member_strv (item, "variants", where, error)) == NULL ||
          (column->units = member_strv (item, "units", where, error)) == NULL)
        return FALSE;
      kind = member_string (item, "kind", TRUE, where, NULL);
      if (kind != NULL && g_str_equal (kind, "amount"))
        column->kind = NB_CELL_KIND_AMOUNT;
      else if (kind != NULL && g_str_equal (kind, "change"))
        column->kind = NB_CELL_KIND_CHANGE;
      else if (kind != NULL && !g_str_equal (kind, "count"))
        return fail (error, where, "kind must be \"count\", \"amount\" or \"change\"");
    }
  return TRUE;
}

static gboolean
parse_row_columns (NbTemplateTable  *table,
                   NbTemplateRow    *row,
                   JsonObject       *item,
                   const char       *where,
                   GError          **error)
{
  g_auto(GStrv) ids = member_strv (item, "columns", where, error);

  if (ids == NULL)
    return FALSE;

  if (ids[0] == NULL)
    {
      row->n_columns = table->columns->len;
      row->columns = g_new (guint, row->n_columns);
      for (guint c = 0; c < row->n_columns; c++)
        row->columns[c] = c;
      return TRUE;
    }

  row->n_columns = g_strv_length (ids);
  row->columns = g_new (guint, row->n_columns);
  for (guint c = 0; c < row->n_columns; c++)
    {
      int index = find_column (table, ids[c]);

      if (index < 0)
        return fail (error, where, "names an unknown column");
      row->columns[c] = index;
    }
  return TRUE;
}

static gboolean
parse_rows (NbTemplateTable  *table,
            JsonObject       *object,
            const char       *path,
            GError          **error)
{
  JsonArray *array = member_array (object, "rows", FALSE, path, error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.rows[%u]", path, i);
      JsonObject *item = json_array_get_object_element (array, i);
      NbTemplateRow *row = g_new0 (NbTemplateRow, 1);

      g_ptr_array_add (table->rows, row);
      if (item == NULL)
        return fail (error, where, "expected an object");
      if ((row->id = member_string (item, "id", FALSE, where, error)) == NULL ||
          (row->label = member_string (item, "label", FALSE, where, error)) == NULL ||
          (row->variants = member_strv (item, "variants", where, error)) == NULL ||
          !parse_row_columns (table, row, item, where, error))
        return FALSE;
      if (strchr (row->id, '/') != NULL)
        return fail (error, where, "a row id never contains '/'");
      row->group = member_string (item, "group", TRUE, where, NULL);
      row->short_label = member_string (item, "short", TRUE, where, NULL);
      if (row->short_label == NULL)
        row->short_label = g_strdup (row->label);
    }
  return TRUE;
}

static NbTemplateTable *
parse_table (JsonObject  *object,
             const char  *path,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  NbTemplateTable *table = g_new0 (NbTemplateTable, 1);

  table->columns = g_ptr_array_new_with_free_func (column_free);
  table->rows = g_ptr_array_new_with_free_func (row_free);

  if ((table->id = member_string (object, "id", FALSE, path, &local_error)) == NULL ||
      (table->section = member_string (object, "section", FALSE, path, &local_error)) == NULL ||
      (table->groups = parse_groups (object, "groups", path, &local_error)) == NULL ||
      (table->column_groups = parse_groups (object, "column_groups", path, &local_error)) == NULL ||
      !parse_columns (table, object, path, &local_error) ||
      !parse_rows (table, object, path, &local_error))
    {
      if (table->groups == NULL)
        table->groups = g_ptr_array_new ();
      if (table->column_groups == NULL)
        table->column_groups = g_ptr_array_new ();
      table_free (table);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  table->note = member_string (object, "note", TRUE, path, NULL);
  table->row_header = member_string (object, "row_header", TRUE, path, NULL);
  table->flat = json_object_get_boolean_member_with_default (object, "flat", FALSE);
  return table;
}

static gboolean
parse_sections (NbTemplate  *self,
                JsonObject  *root,
                GError     **error)
{
  JsonArray *array = member_array (root, "sections", FALSE, "", error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("sections[%u]", i);
      JsonObject *item = json_array_get_object_element (array, i);
      NbTemplateSection *section = g_new0 (NbTemplateSection, 1);

      g_ptr_array_add (self->sections, section);
      section->table = -1;
      if (item == NULL)
        return fail (error, where, "expected an object");
      if ((section->id = member_string (item, "id", FALSE, where, error)) == NULL ||
          (section->heading = member_string (item, "heading", FALSE, where, error)) == NULL ||
          (section->numeral = member_string (item, "numeral", FALSE, where, error)) == NULL ||
          (section->text = member_string (item, "text", FALSE, where, error)) == NULL ||
          (section->variants = member_strv (item, "variants", where, error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_tables (NbTemplate  *self,
              JsonObject  *root,
              GError     **error)
{
  JsonArray *array = member_array (root, "tables", FALSE, "", error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("tables[%u]", i);
      JsonObject *item = json_array_get_object_element (array, i);
      NbTemplateTable *table;
      int section;

      if (item == NULL)
        return fail (error, where, "expected an object");
      if ((table = parse_table (item, where, error)) == NULL)
        return FALSE;
      g_ptr_array_add (self->tables, table);

      section = nb_template_lookup_section (self, table->section);
      if (section < 0)
        return fail (error, where, "names an unknown section");
      ((NbTemplateSection *) g_ptr_array_index (self->sections, section))->table = i;
    }
  return TRUE;
}

/* Lays the cells out in template order: tables, rows, the row's columns. */
static void
index_cells (NbTemplate *self)
{
  for (guint t = 0; t < self->tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (self->tables, t);

      table->first_cell = self->cells->len;
      for (guint r = 0; r < table->rows->len; r++)
        {
          NbTemplateRow *row = g_ptr_array_index (table->rows, r);

          row->first_cell = self->cells->len;
          for (guint c = 0; c < row->n_columns; c++)
            {
              NbTemplateColumn *column = g_ptr_array_index (table->columns, row->columns[c]);
              NbTemplateCell cell;

              /* hundreds of cells at every start: joined, not printed */
              cell.address = g_strjoin ("/", table->id, row->id, column->id, NULL);
              cell.label = g_strjoin (" ", column->label, row->label, NULL);
              cell.kind = column->kind;
              cell.units = column->units;
              cell.table = t;
              cell.row = r;
              cell.column = row->columns[c];
              g_array_append_val (self->cells, cell);
              g_hash_table_insert (self->cell_index, cell.address,
                                   GUINT_TO_POINTER (self->cells->len));
            }
        }
      table->n_cells = self->cells->len - table->first_cell;
    }
}

/* A row term is a row id or "group.*" for every row of that group. */
static gboolean
row_matches_term (NbTemplateRow *row,
                  const char    *term)
{
  gsize len = strlen (term);

  if (len > 2 && term[len - 1] == '*' && term[len - 2] == '.')
    return strncmp (row->id, term, len - 1) == 0;
  return g_str_equal (row->id, term);
}

static int
row_cell (NbTemplateTable *table,
          NbTemplateRow   *row,
          int              column)
{
  for (guint c = 0; c < row->n_columns; c++)
    if ((int) row->columns[c] == column)
      return row->first_cell + c;
  return -1;
}

static void
add_instance (NbTemplate *self,
              guint       rule,
              const char *each_label,
              GArray     *lhs,
              GArray     *rhs)
{
  NbRuleInstance instance;

  instance.rule = rule;
  instance.each_label = each_label;
  instance.n_lhs = lhs->len;
  instance.n_cells = lhs->len + rhs->len;
  instance.cells = g_new (guint, instance.n_cells);
  memcpy (instance.cells, lhs->data, lhs->len * sizeof (guint));
  memcpy (instance.cells + lhs->len, rhs->data, rhs->len * sizeof (guint));
  g_array_append_val (self->instances, instance);
}

/* A sum over columns, once for every row that has all of them. */
static gboolean
expand_each_row (NbTemplate       *self,
                 guint             rule_index,
                 NbTemplateTable  *table,
                 GStrv             lhs_ids,
                 GStrv             rhs_ids,
                 GError          **error)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (table->rows, r);
      g_autoptr(GArray) lhs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) rhs = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean complete = TRUE;

      for (guint side = 0; side < 2; side++)
        {
          GStrv ids = side == 0 ? lhs_ids : rhs_ids;

          for (guint i = 0; ids[i] != NULL; i++)
            {
              int column = find_column (table, ids[i]);
              int cell;

              if (column < 0)
                return fail (error, ids[i], "is not a column of the rule's table");
              cell = row_cell (table, row, column);
              if (cell < 0)
                complete = FALSE;
              else
                g_array_append_val (side == 0 ? lhs : rhs, cell);
            }
        }
      if (complete)
        add_instance (self, rule_index, row->short_label, lhs, rhs);
    }
  return TRUE;
}

/* A sum over rows, once for every column. */
static gboolean
expand_each_column (NbTemplate       *self,
                    guint             rule_index,
                    NbTemplateTable  *table,
                    GStrv             lhs_ids,
                    GStrv             rhs_ids,
                    GError          **error)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      NbTemplateColumn *column = g_ptr_array_index (table->columns, c);
      g_autoptr(GArray) lhs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) rhs = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint side = 0; side < 2; side++)
        {
          GStrv ids = side == 0 ? lhs_ids : rhs_ids;

          for (guint i = 0; ids[i] != NULL; i++)
            {
              gboolean found = FALSE;

              for (guint r = 0; r < table->rows->len; r++)
                {
                  NbTemplateRow *row = g_ptr_array_index (table->rows, r);
                  int cell;

                  if (!row_matches_term (row, ids[i]))
                    continue;
                  found = TRUE;
                  if ((cell = row_cell (table, row, c)) >= 0)
                    g_array_append_val (side == 0 ? lhs : rhs, cell);
                }
              if (!found)
                return fail (error, ids[i], "matches no row of the rule's table");
            }
        }
      add_instance (self, rule_index, column->label, lhs, rhs);
    }
  return TRUE;
}

static gboolean
parse_sum_rule (NbTemplate      *self,
                guint            rule_index,
                JsonObject      *item,
                const char      *where,
                GError         **error)
{
  NbTemplateRule *rule = g_ptr_array_index (self->rules, rule_index);
  g_autofree char *table_id = NULL;
  g_autofree char *each = NULL;
  g_auto(GStrv) lhs = NULL;
  g_auto(GStrv) rhs = NULL;
  NbTemplateTable *table;

  if ((table_id = member_string (item, "table", FALSE, where, error)) == NULL ||
      (each = member_string (item, "each", FALSE, where, error)) == NULL ||
      (lhs = member_strv (item, "lhs", where, error)) == NULL ||
      (rhs = member_strv (item, "rhs", where, error)) == NULL ||
      (rule->lhs_text = member_string (item, "lhs_text", FALSE, where, error)) == NULL ||
      (rule->rhs_text = member_string (item, "rhs_text", FALSE, where, error)) == NULL)
    return FALSE;

  if ((table = nb_template_lookup_table (self, table_id)) == NULL)
    return fail (error, where, "names an unknown table");
  if (lhs[0] == NULL || rhs[0] == NULL)
    return fail (error, where, "a sum needs terms on both sides");
  /* with two terms on the left, which one is wrong is anyone's guess */
  if (rule->fixable && lhs[1] != NULL)
    return fail (error, where, "a fixable sum has one term on its left side");

  if (g_str_equal (each, "row"))
    return expand_each_row (self, rule_index, table, lhs, rhs, error);
  if (g_str_equal (each, "column"))
    return expand_each_column (self, rule_index, table, lhs, rhs, error);
  return fail (error, where, "each must be \"row\" or \"column\"");
}

/* The patterns, each checked here unless the form is the program's own,
 * and compiled where it is first used (nb_pattern_get_regex()) */
static GPtrArray *
compile_patterns (NbTemplate  *self,
                  JsonObject  *item,
                  const char  *name,
                  const char  *where,
                  GError     **error)
{
  g_autoptr(GPtrArray) compiled = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_pattern_free);
  g_auto(GStrv) patterns = member_strv (item, name, where, error);

  if (patterns == NULL)
    return NULL;

  for (guint i = 0; patterns[i] != NULL; i++)
    {
      NbPattern *pattern = self->own ? nb_pattern_new_unchecked (patterns[i])
                                     : nb_pattern_new (patterns[i], error);

      if (pattern == NULL)
        {
          g_prefix_error (error, "template %s.%s[%u]: ", where, name, i);
          return NULL;
        }
      g_ptr_array_add (compiled, pattern);
    }
  return g_steal_pointer (&compiled);
}

static gboolean
parse_text_rule (NbTemplate      *self,
                 NbTemplateRule  *rule,
                 JsonObject      *item,
                 const char      *where,
                 GError         **error)
{
  g_auto(GStrv) cells = NULL;

  rule->cells = g_array_new (FALSE, FALSE, sizeof (guint));
  if ((rule->patterns = compile_patterns (self, item, "patterns", where, error)) == NULL ||
      (rule->zero_patterns = compile_patterns (self, item, "zero_patterns", where, error)) == NULL ||
      (cells = member_strv (item, "cells", where, error)) == NULL)
    return FALSE;

  for (guint i = 0; cells[i] != NULL; i++)
    {
      int cell = nb_template_lookup_cell (self, cells[i]);

      if (cell < 0)
        return fail (error, where, "names an unknown cell");
      g_array_append_val (rule->cells, cell);
    }

  if (rule->type == NB_RULE_NARRATIVE)
    {
      g_autofree char *section = member_string (item, "section", FALSE, where, error);

      if (section == NULL)
        return FALSE;
      if ((rule->section = nb_template_lookup_section (self, section)) < 0)
        return fail (error, where, "names an unknown section");
      if (rule->cells->len == 0)
        return fail (error, where, "a narrative rule compares with at least one cell");
    }
  return TRUE;
}

/* A check rule's code is in the validator's rule files; the template
 * gives its patterns, words, section and cells, all optional. */
static gboolean
parse_check_rule (NbTemplate      *self,
                  NbTemplateRule  *rule,
                  JsonObject      *item,
                  const char      *where,
                  GError         **error)
{
  g_autofree char *section = NULL;

  if ((rule->words = member_strv (item, "words", where, error)) == NULL)
    return FALSE;
  if (json_object_has_member (item, "rhs_text") &&
      (rule->rhs_text = member_string (item, "rhs_text", FALSE, where, error)) == NULL)
    return FALSE;
  rule->cells = g_array_new (FALSE, FALSE, sizeof (guint));
  if ((rule->patterns = compile_patterns (self, item, "patterns", where, error)) == NULL ||
      (rule->zero_patterns = compile_patterns (self, item, "zero_patterns", where, error)) == NULL)
    return FALSE;
  if (json_object_has_member (item, "cells"))
    {
      g_auto(GStrv) cells = member_strv (item, "cells", where, error);

      for (guint i = 0; cells != NULL && cells[i] != NULL; i++)
        {
          int cell = nb_template_lookup_cell (self, cells[i]);

          if (cell < 0)
            return fail (error, where, "names an unknown cell");
          g_array_append_val (rule->cells, cell);
        }
      if (cells == NULL)
        return FALSE;
    }
  if (!json_object_has_member (item, "section"))
    return TRUE;
  if ((section = member_string (item, "section", FALSE, where, error)) == NULL)
    return FALSE;
  if ((rule->section = nb_template_lookup_section (self, section)) < 0)
    return fail (error, where, "names an unknown section");
  return TRUE;
}

static gboolean
parse_rule_type (const char  *type,
                 NbRuleType  *out)
{
  static const struct { const char *name; NbRuleType type; } types[] = {
    { "cell-invalid", NB_RULE_CELL_INVALID },
    { "cell-empty", NB_RULE_CELL_EMPTY },
    { "sum", NB_RULE_SUM },
    { "narrative", NB_RULE_NARRATIVE },
    { "year", NB_RULE_YEAR },
    { "import", NB_RULE_IMPORT },
    { "check", NB_RULE_CHECK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (type, types[i].name))
      {
        *out = types[i].type;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_fixable (NbTemplateRule  *rule,
               JsonObject      *item,
               const char      *where,
               GError         **error)
{
  JsonNode *node = json_object_get_member (item, "fixable");

  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, where, "fixable must be true or false");
  rule->fixable = json_node_get_boolean (node);
  if (rule->fixable && rule->type != NB_RULE_SUM)
    return fail (error, where, "only a sum rule can be fixable");
  return TRUE;
}

static gboolean
parse_rule (NbTemplate  *self,
            JsonObject  *item,
            const char  *where,
            GError     **error)
{
  NbTemplateRule *rule = g_new0 (NbTemplateRule, 1);
  g_autofree char *severity = NULL;
  g_autofree char *type = NULL;

  g_ptr_array_add (self->rules, rule);
  rule->section = -1;
  if ((rule->id = member_string (item, "id", FALSE, where, error)) == NULL ||
      (severity = member_string (item, "severity", FALSE, where, error)) == NULL ||
      (type = member_string (item, "type", FALSE, where, error)) == NULL)
    return FALSE;
  /* checks look their rules up by id for every report: a hash, not a
   * scan of a few hundred ids */
  if (!g_hash_table_contains (self->rule_index, rule->id))
    g_hash_table_insert (self->rule_index, rule->id, GUINT_TO_POINTER (self->rules->len));

  if (g_str_equal (severity, "error"))
    rule->severity = NB_SEVERITY_ERROR;
  else if (g_str_equal (severity, "warning"))
    rule->severity = NB_SEVERITY_WARNING;
  else if (g_str_equal (severity, "info"))
    rule->severity = NB_SEVERITY_INFO;
  else
    return fail (error, where, "unknown severity");

  if (!parse_rule_type (type, &rule->type))
    return fail (error, where, "unknown rule type");
  if (!parse_fixable (rule, item, where, error))
    return FALSE;

  switch (rule->type)
    {
    case NB_RULE_SUM:
      return parse_sum_rule (self, self->rules->len - 1, item, where, error);
    case NB_RULE_NARRATIVE:
    case NB_RULE_YEAR:
      return parse_text_rule (self, rule, item, where, error);
    case NB_RULE_CHECK:
      return parse_check_rule (self, rule, item, where, error);
    case NB_RULE_CELL_INVALID:
    case NB_RULE_CELL_EMPTY:
    case NB_RULE_IMPORT:
    default:
      return TRUE;
    }
}

static gboolean
parse_rules (NbTemplate  *self,
             JsonObject  *root,
             GError     **error)
{
  JsonArray *array = member_array (root, "rules", FALSE, "", error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("rules[%u]", i);
      JsonObject *item = json_array_get_object_element (array, i);

      if (item == NULL)
        return fail (error, where, "expected an object");
      if (!parse_rule (self, item, where, error))
        return FALSE;
    }
  return TRUE;
}

/* Builds cell → instances (compressed rows) so that a change to one cell
 * re-runs only the sums that read it, and the narrative rule list. */
static void
index_instances (NbTemplate *self)
{
  guint n_cells = self->cells->len;
  g_autofree guint *fill = g_new0 (guint, n_cells);

  self->cell_inst_start = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < self->instances->len; i++)
    {
      NbRuleInstance *instance = &g_array_index (self->instances, NbRuleInstance, i);

      for (guint c = 0; c < instance->n_cells; c++)
        self->cell_inst_start[instance->cells[c] + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    self->cell_inst_start[c + 1] += self->cell_inst_start[c];

  g_array_set_size (self->cell_inst, self->cell_inst_start[n_cells]);
  for (guint i = 0; i < self->instances->len; i++)
    {
      NbRuleInstance *instance = &g_array_index (self->instances, NbRuleInstance, i);

      for (guint c = 0; c < instance->n_cells; c++)
        {
          guint cell = instance->cells[c];

          g_array_index (self->cell_inst, guint, self->cell_inst_start[cell] + fill[cell]++) = i;
        }
    }

  for (guint r = 0; r < self->rules->len; r++)
    {
      NbTemplateRule *rule = g_ptr_array_index (self->rules, r);

      if (rule->type == NB_RULE_NARRATIVE || rule->type == NB_RULE_YEAR)
        g_array_append_val (self->narrative_rules, r);
    }
}

/* "years": [2019, 2020] — the report years the form is for; either may
 * be null for an open end */
static gboolean
parse_years (NbTemplate  *self,
             JsonObject  *root,
             GError     **error)
{
  JsonArray *years;
  JsonNode *bound;

  if (!json_object_has_member (root, "years"))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "years")) ||
      json_array_get_length (years = json_object_get_array_member (root, "years")) != 2)
    return fail (error, "years", "years is [first, last]");
  for (guint i = 0; i < 2; i++)
    {
      gint64 year;

      bound = json_array_get_element (years, i);
      if (JSON_NODE_HOLDS_NULL (bound))
        continue;
      if (json_node_get_value_type (bound) != G_TYPE_INT64 ||
          (year = json_node_get_int (bound)) < 1 || year > 9999)
        return fail (error, "years", "a year is a whole number or null");
      *(i == 0 ? &self->first_year : &self->last_year) = year;
    }
  return TRUE;
}

static gboolean
nb_template_load (NbTemplate  *self,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  JsonNode *node;
  JsonNode *headlines;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, error))
    return FALSE;
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail (error, "", "expected an object");
  root = json_node_get_object (json_parser_get_root (parser));

  if ((self->id = member_string (root, "id", FALSE, "", error)) == NULL ||
      (self->marks = member_strv (root, "marks", "", error)) == NULL ||
      !parse_sections (self, root, error) ||
      !parse_tables (self, root, error))
    return FALSE;
  if (json_object_has_member (root, "title_suffix") &&
      (self->title_suffix = member_string (root, "title_suffix", FALSE, "", error)) == NULL)
    return FALSE;
  if (!parse_years (self, root, error))
    return FALSE;

  index_cells (self);
  if (!parse_rules (self, root, error))
    return FALSE;
  index_instances (self);

  node = json_object_get_member (root, "cross_rules");
  headlines = json_object_get_member (root, "headlines");
  if ((node != NULL && !JSON_NODE_HOLDS_ARRAY (node)) ||
      (headlines != NULL && !JSON_NODE_HOLDS_ARRAY (headlines)))
    return fail (error, "cross_rules", "cross_rules and headlines are arrays");
  self->cross_rules = node ? json_array_ref (json_node_get_array (node)) : json_array_new ();
  self->headlines = headlines ? json_array_ref (json_node_get_array (headlines)) : json_array_new ();
  return TRUE;
}

/* vfuncs */

static void
nb_template_finalize (GObject *object)
{
  NbTemplate *self = (NbTemplate *) object;

  g_free (self->id);
  g_free (self->title_suffix);
  g_strfreev (self->marks);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->tables);
  g_hash_table_unref (self->cell_index);
  g_array_unref (self->cells);
  g_hash_table_unref (self->rule_index);
  g_ptr_array_unref (self->rules);
  g_array_unref (self->instances);
  g_free (self->cell_inst_start);
  g_array_unref (self->cell_inst);
  g_array_unref (self->narrative_rules);
  g_clear_pointer (&self->cross_rules, json_array_unref);
  g_clear_pointer (&self->headlines, json_array_unref);

  G_OBJECT_CLASS (nb_template_parent_class)->finalize (object);
}

static void
nb_template_class_init (NbTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_template_finalize;
}

static void
nb_template_init (NbTemplate *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->tables = g_ptr_array_new_with_free_func (table_free);
  self->cells = g_array_new (FALSE, FALSE, sizeof (NbTemplateCell));
  g_array_set_clear_func (self->cells, cell_clear);
  self->cell_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->rule_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->instances = g_array_new (FALSE, FALSE, sizeof (NbRuleInstance));
  g_array_set_clear_func (self->instances, instance_clear);
  self->cell_inst = g_array_new (FALSE, FALSE, sizeof (guint));
  self->narrative_rules = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* @own: one of the forms this program carries */
static NbTemplate *
template_new (GBytes    *bytes,
              gboolean   own,
              GError   **error)
{
  g_autoptr(NbTemplate) self = g_object_new (NB_TYPE_TEMPLATE, NULL);

  self->own = own;
  if (!nb_template_load (self, bytes, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Public API */

/**
 * nb_template_new_from_bytes:
 * @bytes: a template description (JSON)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set
 */
NbTemplate *
nb_template_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return template_new (bytes, FALSE, error);
}

/**
 * nb_template_new_from_resource:
 * @path: a resource path
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set
 */
NbTemplate *
nb_template_new_from_resource (const char  *path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* our own bundle first: it is linked in because this names it */
  bytes = g_resource_lookup_data (nb_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    return template_new (bytes, TRUE, error);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return template_new (bytes, FALSE, error);
}

/**
 * nb_template_new_default:
 * @error: return location for a #GError
 *
 * Loads the 2021 national format, the one every current report uses.
 *
 * Returns: (transfer full) (nullable): the template
 */
NbTemplate *
nb_template_new_default (GError **error)
{
  return nb_template_new_from_resource (DEFAULT_TEMPLATE, error);
}

static gboolean
is_plain_id (const char *id)
{
  if (*id == '\0' || strlen (id) > 32)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/**
 * nb_template_new_for_id:
 * @id: a template id such as `2019` or `2021`, as a canonical file names it
 * @error: return location for a #GError
 *
 * Loads one of the forms this program carries. An id that is not one of
 * them, or that is not a plain name, fails with %NB_ERROR_TEMPLATE.
 *
 * Returns: (transfer full) (nullable): the template
 */
NbTemplate *
nb_template_new_for_id (const char  *id,
                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  /* an id from a file never becomes a path of its own choosing */
  if (is_plain_id (id))
    {
      path = g_strconcat (TEMPLATE_PATH, id, ".json", NULL);
      bytes = g_resource_lookup_data (nb_core_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }
  if (bytes == NULL)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_TEMPLATE, "no template “%s”", id);
      return NULL;
    }
  return template_new (bytes, TRUE, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

/**
 * nb_template_list_ids:
 *
 * Returns: (transfer full): the ids of the forms this program carries,
 *   oldest first: `2019`, `2021`
 */
GStrv
nb_template_list_ids (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (nb_core_get_resource (), TEMPLATE_PATH,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json"))
      g_ptr_array_add (ids, g_strndup (names[i], strlen (names[i]) - strlen (".json")));
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

const char *
nb_template_get_id (NbTemplate *self)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), NULL);

  return self->id;
}

guint
nb_template_get_n_cells (NbTemplate *self)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), 0);

  return self->cells->len;
}

/**
 * nb_template_lookup_cell:
 * @self: a #NbTemplate
 * @address: a cell address such as `t3/received/total`
 *
 * Returns: the cell's index, or -1 when the template has no such cell
 */
int
nb_template_lookup_cell (NbTemplate *self,
                         const char *address)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), -1);
  g_return_val_if_fail (address != NULL, -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->cell_index, address)) - 1;
}

const char *
nb_template_get_cell_address (NbTemplate *self,
                              guint       cell)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (cell < self->cells->len, NULL);

  return g_array_index (self->cells, NbTemplateCell, cell).address;
}

NbCellKind
nb_template_get_cell_kind (NbTemplate *self,
                           guint       cell)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), NB_CELL_KIND_COUNT);
  g_return_val_if_fail (cell < self->cells->len, NB_CELL_KIND_COUNT);

  return g_array_index (self->cells, NbTemplateCell, cell).kind;
}

/**
 * nb_template_get_cell_units:
 * @self: a #NbTemplate
 * @cell: a cell index
 *
 * Returns: (transfer none): the units a value of the cell may carry, as
 *   in “75394432.52元”; an empty list for most cells
 */
const char * const *
nb_template_get_cell_units (NbTemplate *self,
                            guint       cell)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (cell < self->cells->len, NULL);

  return (const char * const *) g_array_index (self->cells, NbTemplateCell, cell).units;
}

/**
 * nb_template_get_cell_label:
 * @self: a #NbTemplate
 * @cell: a cell index
 *
 * Returns: (transfer none): the column label then the row label, as a
 *   screen reader should announce the cell
 */
const char *
nb_template_get_cell_label (NbTemplate *self,
                            guint       cell)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (cell < self->cells->len, NULL);

  return g_array_index (self->cells, NbTemplateCell, cell).label;
}

/**
 * nb_template_get_title_suffix:
 * @self: a #NbTemplate
 *
 * Returns: what follows the organ and the year in a report's title
 *   (年政府信息公开工作年度报告), or "" when the template does not say
 */
const char *
nb_template_get_title_suffix (NbTemplate *self)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), NULL);

  return self->title_suffix ? self->title_suffix : "";
}

/**
 * nb_template_get_years:
 * @self: a #NbTemplate
 * @first: (out): the first report year the form is for, 0 when open
 * @last: (out): the last, 0 when open
 *
 * The 2019 form is for the reports of 2019 and 2020; the 2021 form from
 * 2021 on.
 */
void
nb_template_get_years (NbTemplate *self,
                       guint      *first,
                       guint      *last)
{
  g_return_if_fail (NB_IS_TEMPLATE (self));

  *first = self->first_year;
  *last = self->last_year;
}

guint
nb_template_get_n_sections (NbTemplate *self)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), 0);

  return self->sections->len;
}

const char *
nb_template_get_section_id (NbTemplate *self,
                            guint       section)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);

  return ((NbTemplateSection *) g_ptr_array_index (self->sections, section))->id;
}

const char *
nb_template_get_section_heading (NbTemplate *self,
                                 guint       section)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);

  return ((NbTemplateSection *) g_ptr_array_index (self->sections, section))->heading;
}

gboolean
nb_template_section_is_narrative (NbTemplate *self,
                                  guint       section)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (section < self->sections->len, FALSE);

  return ((NbTemplateSection *) g_ptr_array_index (self->sections, section))->table < 0;
}

/**
 * nb_template_get_first_table_section:
 * @self: a #NbTemplate
 *
 * Returns: the index of the first section that is a table, or the
 *   number of sections when none is
 */
guint
nb_template_get_first_table_section (NbTemplate *self)
{
  guint first = 0;

  g_return_val_if_fail (NB_IS_TEMPLATE (self), 0);

  while (first < self->sections->len && nb_template_section_is_narrative (self, first))
    first++;
  return first;
}

gboolean
nb_template_has_rule (NbTemplate *self,
                      const char *rule_id)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (self), FALSE);

  return nb_template_lookup_rule (self, rule_id) >= 0;
}

/* Private API */

GPtrArray *
nb_template_get_tables (NbTemplate *self)
{
  return self->tables;
}

GPtrArray *
nb_template_get_sections (NbTemplate *self)
{
  return self->sections;
}

GPtrArray *
nb_template_get_rules (NbTemplate *self)
{
  return self->rules;
}

static void
compile_each (GPtrArray *patterns)
{
  for (guint p = 0; patterns != NULL && p < patterns->len; p++)
    {
      NbPattern *pattern = g_ptr_array_index (patterns, p);

      nb_pattern_get_regex (pattern);
      nb_pattern_probe_compile (nb_pattern_get_probe (pattern));
    }
}

/**
 * nb_template_compile_patterns:
 * @self: a #NbTemplate
 *
 * Compiles every pattern of the template's rules now, rather than where
 * each is first used: for a thread with time to spare before another
 * needs them (the application's start, while GTK starts). Safe while
 * other threads use the template.
 */
void
nb_template_compile_patterns (NbTemplate *self)
{
  g_return_if_fail (NB_IS_TEMPLATE (self));

  for (guint r = 0; r < self->rules->len; r++)
    {
      NbTemplateRule *rule = g_ptr_array_index (self->rules, r);

      compile_each (rule->patterns);
      compile_each (rule->zero_patterns);
    }
}

/**
 * nb_template_get_cell:
 * @self: a #NbTemplate
 * @cell: a cell index
 *
 * Returns: (transfer none): the cell's address, label, kind, table, row
 *   and column
 */
const NbTemplateCell *
nb_template_get_cell (NbTemplate *self,
                      guint       cell)
{
  g_return_val_if_fail (cell < self->cells->len, NULL);

  return &g_array_index (self->cells, NbTemplateCell, cell);
}

/* Every cell at once, by index, for the loops over cells: no check and no
 * call per cell. The array lives as long as @self. */
const NbTemplateCell *
nb_template_peek_cells (NbTemplate *self)
{
  return (const NbTemplateCell *) (gpointer) self->cells->data;
}

const NbRuleInstance *
nb_template_get_instances (NbTemplate *self,
                           guint      *n_instances)
{
  *n_instances = self->instances->len;
  return (const NbRuleInstance *) (gpointer) self->instances->data;
}

const guint *
nb_template_get_cell_instances (NbTemplate *self,
                                guint       cell,
                                guint      *n_instances)
{
  g_assert (cell < self->cells->len);

  *n_instances = self->cell_inst_start[cell + 1] - self->cell_inst_start[cell];
  return &g_array_index (self->cell_inst, guint, self->cell_inst_start[cell]);
}

const char * const *
nb_template_get_marks (NbTemplate *self)
{
  return (const char * const *) self->marks;
}

int
nb_template_lookup_section (NbTemplate *self,
                            const char *id)
{
  for (guint i = 0; i < self->sections->len; i++)
    if (g_str_equal (((NbTemplateSection *) g_ptr_array_index (self->sections, i))->id, id))
      return i;
  return -1;
}

NbTemplateTable *
nb_template_lookup_table (NbTemplate *self,
                          const char *id)
{
  for (guint t = 0; t < self->tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (self->tables, t);

      if (g_str_equal (table->id, id))
        return table;
    }
  return NULL;
}

int
nb_template_lookup_rule (NbTemplate *self,
                         const char *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->rule_index, id)) - 1;
}

const guint *
nb_template_get_narrative_rules (NbTemplate *self,
                                 guint      *n_rules)
{
  *n_rules = self->narrative_rules->len;
  return (const guint *) (gpointer) self->narrative_rules->data;
}

/**
 * nb_template_get_cross_rules:
 * @self: a #NbTemplate
 *
 * Returns: (transfer none): the description of the rules between two
 *   years of one organ, as the template gives it; NbComparison reads it
 */
JsonArray *
nb_template_get_cross_rules (NbTemplate *self)
{
  return self->cross_rules;
}

/**
 * nb_template_get_headlines:
 * @self: a #NbTemplate
 *
 * Returns: (transfer none): the description of the figures both years'
 *   summaries show
 */
JsonArray *
nb_template_get_headlines (NbTemplate *self)
{
  return self->headlines;
}
