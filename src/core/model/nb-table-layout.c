/* nb-table-layout.c — a statutory table laid out like the paper form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-table-layout"

#include "config.h"

#include "nb-table-layout.h"

#include <math.h>
#include <string.h>

#include "nb-template-private.h"

/* The layout is derived from the template, never written down here, as
 * the form in the application does it (src/app/nb-table-grid.c):
 * - a table whose rows have different columns (二) is a run of small
 *   tables, one per row group, each with a title line and its own header;
 *   a row with fewer columns than the widest spans its last cell, as its
 *   header does, to the right edge;
 * - a flat table (四) turns its rows into column groups over one data line;
 * - any other table (三) has group labels in columns to the left of the
 *   row labels, each spanning its rows, and column groups spanning their
 *   columns above the column labels, with the note in the corner. */

struct _NbTableLayout
{
  NbTemplate      *template;
  NbTemplateTable *table;
  GArray          *items;       /* NbLayoutItem, by row then column */
  guint           *at;          /* n_rows × n_columns item indices */
  guint            n_rows;
  guint            n_columns;
  guint            n_header_rows;
  gboolean         in_parts;    /* 二: small tables with their own headers */
};

/* Building */

static NbTemplateGroup *
find_group (GPtrArray  *groups,
            const char *id)
{
  for (guint i = 0; id != NULL && i < groups->len; i++)
    {
      NbTemplateGroup *group = g_ptr_array_index (groups, i);

      if (g_str_equal (group->id, id))
        return group;
    }
  return NULL;
}

/* The groups around @id, outermost first. */
static GPtrArray *
group_chain (GPtrArray  *groups,
             const char *id)
{
  GPtrArray *chain = g_ptr_array_new ();

  for (NbTemplateGroup *group = find_group (groups, id); group != NULL;
       group = find_group (groups, group->parent))
    g_ptr_array_insert (chain, 0, group);
  return chain;
}

static GPtrArray *
row_chain (NbTableLayout *self,
           guint          row)
{
  return group_chain (self->table->groups,
                      ((NbTemplateRow *) g_ptr_array_index (self->table->rows, row))->group);
}

static void
add_item (NbTableLayout *self,
          NbLayoutKind   kind,
          const char    *text,
          int            cell,
          guint          column,
          guint          row,
          guint          width,
          guint          height)
{
  NbLayoutItem item = { kind, row, column, MAX (height, 1), MAX (width, 1), text, cell };

  g_array_append_val (self->items, item);
  self->n_rows = MAX (self->n_rows, row + item.n_rows);
  self->n_columns = MAX (self->n_columns, column + item.n_columns);
}

static void
add_label (NbTableLayout *self,
           NbLayoutKind   kind,
           const char    *text,
           guint          column,
           guint          row,
           guint          width,
           guint          height)
{
  add_item (self, kind, text ? text : "", -1, column, row, width, height);
}

static void
add_cell (NbTableLayout *self,
          guint          cell,
          guint          column,
          guint          row,
          guint          width)
{
  add_item (self, NB_LAYOUT_CELL, NULL, cell, column, row, width, 1);
}

static NbTemplateColumn *
get_column (NbTableLayout *self,
            guint          index)
{
  return g_ptr_array_index (self->table->columns, index);
}

static gboolean
rows_differ_in_columns (NbTemplateTable *table)
{
  NbTemplateRow *first = g_ptr_array_index (table->rows, 0);

  for (guint r = 1; r < table->rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (table->rows, r);

      if (row->n_columns != first->n_columns ||
          memcmp (row->columns, first->columns, row->n_columns * sizeof (guint)) != 0)
        return TRUE;
    }
  return FALSE;
}

/* 二: each row group is a small table with a title and a header line. */
static void
build_sectioned (NbTableLayout *self)
{
  GPtrArray *rows = self->table->rows;
  const char *group = NULL;
  guint width = 0;
  guint line = 0;

  self->in_parts = TRUE;
  for (guint r = 0; r < rows->len; r++)
    width = MAX (width, ((NbTemplateRow *) g_ptr_array_index (rows, r))->n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (rows, r);

      if (r == 0 || g_strcmp0 (row->group, group) != 0)
        {
          NbTemplateGroup *g = find_group (self->table->groups, row->group);

          group = row->group;
          add_label (self, NB_LAYOUT_TITLE, g ? g->label : NULL, 0, line++, width + 1, 1);
          add_label (self, NB_LAYOUT_COLUMN_HEADER, self->table->row_header, 0, line, 1, 1);
          for (guint c = 0; c < row->n_columns; c++)
            add_label (self, NB_LAYOUT_COLUMN_HEADER, get_column (self, row->columns[c])->label,
                       c + 1, line, c + 1 == row->n_columns ? width - c : 1, 1);
          line++;
        }
      add_label (self, NB_LAYOUT_ROW_LABEL, row->label, 0, line, 1, 1);
      for (guint c = 0; c < row->n_columns; c++)
        add_cell (self, row->first_cell + c, c + 1, line, c + 1 == row->n_columns ? width - c : 1);
      line++;
    }
}

/* Column headers: groups over the labels of their columns. Returns the
 * number of header lines. */
static guint
build_column_headers (NbTableLayout *self,
                      guint          first_column)
{
  GPtrArray *columns = self->table->columns;
  g_autoptr(GPtrArray) chains = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint depth = 0;

  for (guint c = 0; c < columns->len; c++)
    {
      GPtrArray *chain = group_chain (self->table->column_groups, get_column (self, c)->group);

      depth = MAX (depth, chain->len);
      g_ptr_array_add (chains, chain);
    }

  for (guint level = 0; level < depth; level++)
    for (guint c = 0; c < columns->len;)
      {
        GPtrArray *chain = g_ptr_array_index (chains, c);
        NbTemplateGroup *group = level < chain->len ? g_ptr_array_index (chain, level) : NULL;
        guint span = 1;

        if (group == NULL)
          {
            c++;
            continue;
          }
        while (c + span < columns->len)
          {
            GPtrArray *next = g_ptr_array_index (chains, c + span);

            if (level >= next->len || g_ptr_array_index (next, level) != group)
              break;
            span++;
          }
        add_label (self, NB_LAYOUT_COLUMN_HEADER, group->label, first_column + c, level, span, 1);
        c += span;
      }

  for (guint c = 0; c < columns->len; c++)
    {
      GPtrArray *chain = g_ptr_array_index (chains, c);

      add_label (self, NB_LAYOUT_COLUMN_HEADER, get_column (self, c)->label,
                 first_column + c, chain->len, 1, depth + 1 - chain->len);
    }
  return depth + 1;
}

/* 三: group labels to the left, spanning their rows. */
static void
build_nested (NbTableLayout *self)
{
  GPtrArray *rows = self->table->rows;
  g_autoptr(GPtrArray) chains = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint depth = 0;
  guint header_lines;

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *chain = row_chain (self, r);

      depth = MAX (depth, chain->len);
      g_ptr_array_add (chains, chain);
    }

  header_lines = build_column_headers (self, depth + 1);
  add_label (self, NB_LAYOUT_NOTE, self->table->note, 0, 0, depth + 1, header_lines);
  self->n_header_rows = header_lines;

  for (guint r = 0; r < rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (rows, r);
      GPtrArray *chain = g_ptr_array_index (chains, r);
      GPtrArray *before = r > 0 ? g_ptr_array_index (chains, r - 1) : NULL;
      guint line = header_lines + r;

      /* a group's label where its run of rows starts */
      for (guint level = 0; level < chain->len; level++)
        {
          NbTemplateGroup *group = g_ptr_array_index (chain, level);
          guint span = 1;

          if (before != NULL && level < before->len && g_ptr_array_index (before, level) == group)
            continue;
          while (r + span < rows->len)
            {
              GPtrArray *next = g_ptr_array_index (chains, r + span);

              if (level >= next->len || g_ptr_array_index (next, level) != group)
                break;
              span++;
            }
          add_label (self, NB_LAYOUT_GROUP_LABEL, group->label, level, line, 1, span);
        }
      add_label (self, NB_LAYOUT_ROW_LABEL, row->label, chain->len, line, depth + 1 - chain->len, 1);
      for (guint c = 0; c < row->n_columns; c++)
        add_cell (self, row->first_cell + c, depth + 1 + row->columns[c], line, 1);
    }
}

/* 四: its rows become column groups over a single data line. */
static void
build_flat (NbTableLayout *self)
{
  GPtrArray *rows = self->table->rows;
  g_autoptr(GPtrArray) chains = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint depth = 0;
  guint column = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *chain = row_chain (self, r);

      depth = MAX (depth, chain->len);
      g_ptr_array_add (chains, chain);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (rows, r);
      GPtrArray *chain = g_ptr_array_index (chains, r);
      GPtrArray *previous = r > 0 ? g_ptr_array_index (chains, r - 1) : NULL;

      for (guint level = 0; level < chain->len; level++)
        {
          NbTemplateGroup *group = g_ptr_array_index (chain, level);
          guint span = 0;

          if (previous != NULL && level < previous->len && g_ptr_array_index (previous, level) == group)
            continue;
          for (guint n = r; n < rows->len; n++)
            {
              GPtrArray *other = g_ptr_array_index (chains, n);

              if (level >= other->len || g_ptr_array_index (other, level) != group)
                break;
              span += ((NbTemplateRow *) g_ptr_array_index (rows, n))->n_columns;
            }
          add_label (self, NB_LAYOUT_COLUMN_HEADER, group->label, column, level, span, 1);
        }
      add_label (self, NB_LAYOUT_COLUMN_HEADER, row->label, column, chain->len, row->n_columns,
                 depth + 1 - chain->len);
      for (guint c = 0; c < row->n_columns; c++)
        {
          add_label (self, NB_LAYOUT_COLUMN_HEADER, get_column (self, row->columns[c])->label,
                     column + c, depth + 1, 1, 1);
          add_cell (self, row->first_cell + c, column + c, depth + 2, 1);
        }
      column += row->n_columns;
    }
  self->n_header_rows = depth + 2;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const NbLayoutItem *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return 0;
}

/* Indexes every place; a place nothing covers (none in the statutory
 * tables) gets a filler, so that writers can rely on a full grid. */
static void
index_places (NbTableLayout *self)
{
  guint n_places = self->n_rows * self->n_columns;
  guint n_items = self->items->len;

  self->at = g_new (guint, n_places);
  for (guint i = 0; i < n_places; i++)
    self->at[i] = G_MAXUINT;
  for (guint i = 0; i < n_items; i++)
    {
      NbLayoutItem *item = &g_array_index (self->items, NbLayoutItem, i);

      for (guint r = item->row; r < item->row + item->n_rows; r++)
        for (guint c = item->column; c < item->column + item->n_columns; c++)
          if (self->at[r * self->n_columns + c] == G_MAXUINT)
            self->at[r * self->n_columns + c] = 0;
    }
  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      if (self->at[r * self->n_columns + c] == G_MAXUINT)
        add_item (self, NB_LAYOUT_FILLER, NULL, -1, c, r, 1, 1);

  g_array_sort (self->items, compare_items);
  for (guint i = 0; i < self->items->len; i++)
    {
      NbLayoutItem *item = &g_array_index (self->items, NbLayoutItem, i);

      for (guint r = item->row; r < item->row + item->n_rows; r++)
        for (guint c = item->column; c < item->column + item->n_columns; c++)
          self->at[r * self->n_columns + c] = i;
    }
}

/**
 * nb_table_layout_new:
 * @template: a template
 * @table: the index of one of its tables
 *
 * Lays the table out as the paper form does, from the template alone:
 * the same for every report of the template.
 *
 * Returns: (transfer full): the layout; free with nb_table_layout_free()
 */
NbTableLayout *
nb_table_layout_new (NbTemplate *template,
                     guint       table)
{
  GPtrArray *tables;
  NbTableLayout *self;

  g_return_val_if_fail (NB_IS_TEMPLATE (template), NULL);
  tables = nb_template_get_tables (template);
  g_return_val_if_fail (table < tables->len, NULL);

  self = g_new0 (NbTableLayout, 1);
  self->template = g_object_ref (template);
  self->table = g_ptr_array_index (tables, table);
  self->items = g_array_new (FALSE, FALSE, sizeof (NbLayoutItem));
  if (self->table->rows->len > 0)
    {
      if (self->table->flat)
        build_flat (self);
      else if (rows_differ_in_columns (self->table))
        build_sectioned (self);
      else
        build_nested (self);
    }
  index_places (self);
  return self;
}

/**
 * nb_table_layout_free:
 * @self: (transfer full): a layout
 */
void
nb_table_layout_free (NbTableLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_free (self->at);
  g_object_unref (self->template);
  g_free (self);
}

/**
 * nb_table_layout_get_n_rows:
 * @self: a layout
 *
 * Returns: the number of grid rows, header rows included
 */
guint
nb_table_layout_get_n_rows (NbTableLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

/**
 * nb_table_layout_get_n_columns:
 * @self: a layout
 *
 * Returns: the number of grid columns
 */
guint
nb_table_layout_get_n_columns (NbTableLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

/**
 * nb_table_layout_get_n_header_rows:
 * @self: a layout
 *
 * The rows at the top that head every column; a table that continues on
 * another page repeats them. A table made of parts with their own
 * headers (二) has none.
 *
 * Returns: the number of header rows
 */
guint
nb_table_layout_get_n_header_rows (NbTableLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_header_rows;
}

/**
 * nb_table_layout_get_items:
 * @self: a layout
 * @n_items: (out): the number of items
 *
 * Returns: (transfer none) (array length=n_items): the items, ordered by
 *   their first row, then their first column
 */
const NbLayoutItem *
nb_table_layout_get_items (NbTableLayout *self,
                           guint         *n_items)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_items != NULL, NULL);

  *n_items = self->items->len;
  return (const NbLayoutItem *) self->items->data;
}

/**
 * nb_table_layout_get_item_at:
 * @self: a layout
 * @row: a grid row
 * @column: a grid column
 *
 * Returns: (transfer none): the item that covers the place; it starts
 *   there or spans it from above or from the left
 */
const NbLayoutItem *
nb_table_layout_get_item_at (NbTableLayout *self,
                             guint          row,
                             guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);

  return &g_array_index (self->items, NbLayoutItem, self->at[row * self->n_columns + column]);
}

/**
 * nb_table_layout_row_has_cells:
 * @self: a layout
 * @row: a grid row
 *
 * Returns: whether a report cell starts in the row; a row without is a
 *   title or header, which belongs with the row after it
 */
gboolean
nb_table_layout_row_has_cells (NbTableLayout *self,
                               guint          row)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row < self->n_rows, FALSE);

  for (guint c = 0; c < self->n_columns; c++)
    {
      const NbLayoutItem *item = nb_table_layout_get_item_at (self, row, c);

      if (item->kind == NB_LAYOUT_CELL && item->row == row)
        return TRUE;
    }
  return FALSE;
}

/**
 * nb_table_layout_row_keeps_with_next:
 * @self: a layout
 * @row: a grid row
 *
 * Whether a page may not end after the row: a title or header line
 * stays with the line after it, and a table made of small parts (二)
 * keeps each part on one page.
 *
 * Returns: %TRUE when the row belongs on the page of the next one
 */
gboolean
nb_table_layout_row_keeps_with_next (NbTableLayout *self,
                                     guint          row)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (row < self->n_rows, FALSE);

  if (row + 1 == self->n_rows)
    return FALSE;
  if (!nb_table_layout_row_has_cells (self, row))
    return TRUE;
  return self->in_parts && nb_table_layout_get_item_at (self, row + 1, 0)->kind != NB_LAYOUT_TITLE;
}

/* Widths */

/**
 * nb_table_layout_measure_text:
 * @text: a label or a cell's text
 *
 * Returns: the width of its longest line in ems, when set in one line:
 *   a Chinese character is one em, other characters about half of one
 */
double
nb_table_layout_measure_text (const char *text)
{
  double widest = 0, width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          widest = MAX (widest, width);
          width = 0;
        }
      else
        width += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 1.0 : 0.55;
    }
  return MAX (widest, width);
}

/**
 * nb_table_layout_stack_text:
 * @text: a column's label
 *
 * A narrow column's header stacks two characters a line, as the paper
 * form does ("结果\n维持", "社会\n公益\n组织"); longer or punctuated
 * text is left to wrap.
 *
 * Returns: (transfer full): the text with line breaks, or a copy of it
 */
char *
nb_table_layout_stack_text (const char *text)
{
  glong length;
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  length = g_utf8_strlen (text, -1);
  if (length < 4 || length > 6)
    return g_strdup (text);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)))
      return g_strdup (text);

  out = g_string_new (NULL);
  p = text;
  for (glong i = 0; i < length; i++, p = g_utf8_next_char (p))
    {
      if (i > 0 && i % 2 == 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

typedef enum
{
  ROLE_LABEL,   /* row labels: takes what is left */
  ROLE_GROUP,   /* only group labels: narrow, the label wraps */
  ROLE_DATA,    /* numbers */
} Role;

#define MIN_DATA_EMS  2.5
#define MIN_LABEL_EMS 6.0
#define GROUP_LINE_EMS 4

/* A group label wraps into balanced lines of at most four characters:
 * 三、本/年度办/理结果, （三）不/予公开. */
static double
group_width (const char *text)
{
  double length = ceil (nb_table_layout_measure_text (text));
  double lines = ceil (length / GROUP_LINE_EMS);

  return lines > 0 ? ceil (length / lines) : 1;
}

/* A column's own header, stacked or not, needs at most three characters
 * a line: longer text wraps. */
static double
header_width (const char *text)
{
  g_autofree char *stacked = nb_table_layout_stack_text (text);

  return MIN (nb_table_layout_measure_text (stacked), 3.0);
}

static void
natural_widths (NbTableLayout *self,
                NbReport      *report,
                Role          *roles,
                double        *ems)
{
  g_autofree gboolean *data = g_new0 (gboolean, self->n_columns);
  g_autofree gboolean *label = g_new0 (gboolean, self->n_columns);
  g_autofree gboolean *group = g_new0 (gboolean, self->n_columns);

  for (guint i = 0; i < self->items->len; i++)
    {
      const NbLayoutItem *item = &g_array_index (self->items, NbLayoutItem, i);
      guint c = item->column;

      if (item->kind == NB_LAYOUT_CELL)
        {
          data[c] = TRUE;
          if (report != NULL && item->n_columns == 1)
            {
              g_autofree char *text = nb_report_dup_cell_text (report, item->cell);

              ems[c] = MAX (ems[c], nb_table_layout_measure_text (text));
            }
        }
      if (item->n_columns != 1)
        continue;
      switch (item->kind)
        {
        case NB_LAYOUT_GROUP_LABEL:
          group[c] = TRUE;
          ems[c] = MAX (ems[c], group_width (item->text));
          break;
        case NB_LAYOUT_COLUMN_HEADER:
          ems[c] = MAX (ems[c], header_width (item->text));
          break;
        case NB_LAYOUT_ROW_LABEL:
        case NB_LAYOUT_NOTE:
        case NB_LAYOUT_TITLE:
          label[c] = TRUE;
          ems[c] = MAX (ems[c], nb_table_layout_measure_text (item->text));
          break;
        case NB_LAYOUT_CELL:
        case NB_LAYOUT_FILLER:
        default:
          break;
        }
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      roles[c] = data[c] ? ROLE_DATA : label[c] ? ROLE_LABEL : group[c] ? ROLE_GROUP : ROLE_LABEL;
      if (roles[c] == ROLE_DATA)
        ems[c] = MAX (ems[c], MIN_DATA_EMS);
      else if (roles[c] == ROLE_LABEL)
        ems[c] = MAX (ems[c], MIN_LABEL_EMS);
    }
}

/* Shares @extra among the columns of @role, or among all when none has it. */
static void
add_evenly (double     *widths,
            const Role *roles,
            guint       n,
            Role        role,
            double      extra)
{
  guint count = 0;

  for (guint c = 0; c < n; c++)
    count += roles[c] == role;
  for (guint c = 0; c < n; c++)
    if (count == 0 || roles[c] == role)
      widths[c] += extra / (count > 0 ? count : n);
}

/**
 * nb_table_layout_get_widths:
 * @self: a layout
 * @report: (nullable): the report whose numbers must fit, if any
 * @total: the width the table is to fill
 * @em: the width of one Chinese character of the table's font
 * @padding: the room a cell needs besides its text (both sides)
 * @widths: (out caller-allocates) (array): one width per grid column
 *
 * Shares @total out as the paper form does: numbers get room for their
 * header stacked two characters a line, a column of group labels about
 * four characters, and the row labels what is left (no more than their
 * longest label needs; what they leave goes to the numbers).
 */
void
nb_table_layout_get_widths (NbTableLayout *self,
                            NbReport      *report,
                            double         total,
                            double         em,
                            double         padding,
                            double        *widths)
{
  g_autofree Role *roles = NULL;
  g_autofree double *ems = NULL;
  double fixed = 0, wanted = 0, rest;
  guint n_labels = 0;
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (widths != NULL);

  n = self->n_columns;
  roles = g_new0 (Role, n);
  ems = g_new0 (double, n);
  natural_widths (self, report, roles, ems);

  for (guint c = 0; c < n; c++)
    {
      widths[c] = ems[c] * em + padding;
      if (roles[c] == ROLE_LABEL)
        wanted += widths[c];
      else
        fixed += widths[c];
    }
  rest = total - fixed;

  for (guint c = 0; c < n; c++)
    n_labels += roles[c] == ROLE_LABEL;

  if (n_labels > 0 && rest >= wanted)
    add_evenly (widths, roles, n, ROLE_DATA, rest - wanted);
  else if (n_labels > 0 && rest >= n_labels * (MIN_LABEL_EMS * em + padding))
    {
      /* the labels wrap, each in proportion to its longest */
      for (guint c = 0; c < n; c++)
        if (roles[c] == ROLE_LABEL)
          widths[c] = rest * widths[c] / wanted;
    }
  else if (n_labels == 0 && rest >= 0)
    add_evenly (widths, roles, n, ROLE_DATA, rest);
  else
    {
      double sum = fixed + wanted;

      /* nothing fits: everything shrinks alike */
      for (guint c = 0; c < n; c++)
        widths[c] *= total / sum;
    }
}
