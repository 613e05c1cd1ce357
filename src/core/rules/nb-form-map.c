/* nb-form-map.c — which cells of two forms hold the same figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-form-map"

#include "config.h"

#include "nb-form-map.h"

#include "nb-label.h"

/* Two forms name a figure alike when they give it the same address (table,
 * row and column ids) and the same kind of number: the 2019 and 2021 forms
 * share tables 三 and 四 and a few cells of table 二. A row of the older
 * form whose label is a group of the newer one — the single （六）其他处理
 * of 2019 against the three （六） rows of 2021 — stands for the sum of
 * that group's rows, column by column. Everything else has no
 * counterpart: shown, never compared. Between reports of one form every
 * cell is its own counterpart. */
struct _NbFormMap
{
  gboolean  identity;
  GArray  **newer;     /* by older cell: guint newer cells, or NULL */
  int      *compared;  /* by newer cell: the older cell it is compared in */
  int      *older;     /* by newer cell: the older cell of the same address */
  guint     n_older;
  guint     n_newer;
  GArray   *sums;      /* NbFormSum */
};

static void
add_counterpart (NbFormMap *self,
                 guint      older_cell,
                 guint      newer_cell)
{
  if (self->newer[older_cell] == NULL)
    self->newer[older_cell] = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->newer[older_cell], newer_cell);
  self->compared[newer_cell] = older_cell;
}

static void
map_addresses (NbFormMap  *self,
               NbTemplate *older,
               NbTemplate *newer)
{
  for (guint n = 0; n < self->n_newer; n++)
    {
      int o = nb_template_lookup_cell (older, nb_template_get_cell_address (newer, n));

      self->older[n] = o;
      if (o >= 0 && nb_template_get_cell_kind (older, o) == nb_template_get_cell_kind (newer, n))
        add_counterpart (self, o, n);
    }
}

static NbTemplateGroup *
find_group (NbTemplateTable *table,
            const char      *label)
{
  g_autofree char *fold = nb_label_fold_dup (label);

  for (guint g = 0; g < table->groups->len; g++)
    {
      NbTemplateGroup *group = g_ptr_array_index (table->groups, g);
      g_autofree char *other = nb_label_fold_dup (group->label);

      if (g_str_equal (fold, other))
        return group;
    }
  return NULL;
}

/* The older row @row, of table @older_table, against the rows of @group. */
static void
map_group (NbFormMap       *self,
           NbTemplate      *newer,
           NbTemplateTable *older_table,
           NbTemplateRow   *row,
           NbTemplateTable *newer_table,
           NbTemplateGroup *group)
{
  NbFormSum sum = { row->label, 0 };

  for (guint r = 0; r < newer_table->rows->len; r++)
    {
      NbTemplateRow *part = g_ptr_array_index (newer_table->rows, r);

      if (g_strcmp0 (part->group, group->id) != 0)
        continue;
      sum.n_rows++;
      for (guint c = 0; c < row->n_columns; c++)
        for (guint p = 0; p < part->n_columns; p++)
          {
            NbTemplateColumn *column = g_ptr_array_index (older_table->columns, row->columns[c]);
            NbTemplateColumn *other = g_ptr_array_index (newer_table->columns, part->columns[p]);

            if (g_str_equal (column->id, other->id) && column->kind == other->kind)
              add_counterpart (self, row->first_cell + c, part->first_cell + p);
          }
    }
  if (sum.n_rows > 0)
    g_array_append_val (self->sums, sum);
}

static void
map_groups (NbFormMap  *self,
            NbTemplate *older,
            NbTemplate *newer)
{
  GPtrArray *tables = nb_template_get_tables (older);

  for (guint t = 0; t < tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (tables, t);
      NbTemplateTable *newer_table = nb_template_lookup_table (newer, table->id);

      for (guint r = 0; newer_table != NULL && r < table->rows->len; r++)
        {
          NbTemplateRow *row = g_ptr_array_index (table->rows, r);
          NbTemplateGroup *group = find_group (newer_table, row->label);

          if (group != NULL && self->newer[row->first_cell] == NULL)
            map_group (self, newer, table, row, newer_table, group);
        }
    }
}

/**
 * nb_form_map_new:
 * @older: the form of the earlier report, whose cells are compared
 * @newer: the form of the later one
 *
 * Returns: (transfer full): the counterparts of every cell
 */
NbFormMap *
nb_form_map_new (NbTemplate *older,
                 NbTemplate *newer)
{
  NbFormMap *self = g_new0 (NbFormMap, 1);

  self->n_older = nb_template_get_n_cells (older);
  self->n_newer = nb_template_get_n_cells (newer);
  self->newer = g_new0 (GArray *, self->n_older);
  self->compared = g_new (int, self->n_newer);
  self->older = g_new (int, self->n_newer);
  self->sums = g_array_new (FALSE, FALSE, sizeof (NbFormSum));
  for (guint n = 0; n < self->n_newer; n++)
    self->compared[n] = -1;

  map_addresses (self, older, newer);
  map_groups (self, older, newer);
  self->identity = self->n_older == self->n_newer;
  for (guint o = 0; o < self->n_older && self->identity; o++)
    self->identity = self->newer[o] != NULL && self->newer[o]->len == 1 &&
                     g_array_index (self->newer[o], guint, 0) == o;
  return self;
}

void
nb_form_map_free (NbFormMap *self)
{
  if (self == NULL)
    return;
  for (guint o = 0; o < self->n_older; o++)
    g_clear_pointer (&self->newer[o], g_array_unref);
  g_free (self->newer);
  g_free (self->compared);
  g_free (self->older);
  g_array_unref (self->sums);
  g_free (self);
}

/* Whether both forms are one: every cell its own counterpart. */
gboolean
nb_form_map_is_identity (NbFormMap *self)
{
  return self->identity;
}

/**
 * nb_form_map_get_newer:
 * @self: a map
 * @older_cell: a cell of the older form
 * @n_cells: (out): how many cells of the newer form it is compared with:
 *   0 (none), 1, or the rows of a group, summed
 *
 * Returns: (transfer none) (array length=n_cells) (nullable): those cells
 */
const guint *
nb_form_map_get_newer (NbFormMap *self,
                       guint      older_cell,
                       guint     *n_cells)
{
  g_return_val_if_fail (older_cell < self->n_older, NULL);

  if (self->newer[older_cell] == NULL)
    {
      *n_cells = 0;
      return NULL;
    }
  *n_cells = self->newer[older_cell]->len;
  return (const guint *) self->newer[older_cell]->data;
}

/* The older cell whose comparison @newer_cell takes part in, or -1. */
int
nb_form_map_get_compared (NbFormMap *self,
                          guint      newer_cell)
{
  g_return_val_if_fail (newer_cell < self->n_newer, -1);

  return self->compared[newer_cell];
}

/* The older cell of the same address, whatever its kind, or -1. */
int
nb_form_map_lookup_older (NbFormMap *self,
                          guint      newer_cell)
{
  g_return_val_if_fail (newer_cell < self->n_newer, -1);

  return self->older[newer_cell];
}

guint
nb_form_map_get_n_sums (NbFormMap *self)
{
  return self->sums->len;
}

const NbFormSum *
nb_form_map_get_sum (NbFormMap *self,
                     guint      sum)
{
  g_return_val_if_fail (sum < self->sums->len, NULL);

  return &g_array_index (self->sums, NbFormSum, sum);
}
