/* nb-split-cell-rules.c — two numbers that ran together into one cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-split-cell-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-check.h"
#include "nb-diagnostic-private.h"

/* beyond this, sums of a row's cells could overflow */
#define MAX_VALUE (G_MAXINT64 / 16)

/* One way to read a cell's digits as two numbers for it and a neighbour:
 * the left cell gets the first digits, the right cell the rest. */
typedef struct
{
  guint  left;
  guint  right;
  guint  from;       /* the cell whose digits are split */
  char  *texts[2];
} Split;

static void
split_clear (Split *split)
{
  g_clear_pointer (&split->texts[0], g_free);
  g_clear_pointer (&split->texts[1], g_free);
}

/* A cell's text as digits only, when it is the number it holds: "12",
 * never "1,200" or "12.0". */
static const char *
plain_digits (const NbCellData *data)
{
  if (data->state != NB_CELL_STATE_VALUE || data->text == NULL || data->text[0] == '\0' ||
      strlen (data->text) > 18)
    return NULL;
  for (const char *p = data->text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  return data->text;
}

/* Whether a cell may have lost its number to its neighbour: empty, or
 * the 0 a form wants where there is nothing. */
static gboolean
gave_nothing (const NbCellData *data)
{
  return data->state == NB_CELL_STATE_EMPTY ||
         (data->state == NB_CELL_STATE_VALUE && data->value == 0);
}

/* Tries every split of @from's digits between @left and @right (one of
 * them @from, the other empty or 0) that makes the row's @rest (the sum
 * of its other cells) add up to @total. Returns how many do; the first
 * goes to @found. */
static guint
try_pair (const NbCellData *cells,
          guint             left,
          guint             right,
          guint             from,
          gint64            rest,
          gint64            total,
          Split            *found)
{
  guint other = from == left ? right : left;
  const char *digits = plain_digits (&cells[from]);
  gsize length = digits != NULL ? strlen (digits) : 0;
  guint n = 0;

  if (digits == NULL || length < 2 || !gave_nothing (&cells[other]))
    return 0;
  for (gsize p = 1; p < length; p++)
    {
      g_autofree char *first = g_strndup (digits, p);
      const char *second = digits + p;

      /* "05" is no number anyone writes; a 0 split off only fills an
       * empty cell */
      if ((first[0] == '0' && p > 1) || (second[0] == '0' && second[1] != '\0') ||
          ((g_str_equal (first, "0") || g_str_equal (second, "0")) &&
           cells[other].state != NB_CELL_STATE_EMPTY))
        continue;
      if (rest + g_ascii_strtoll (first, NULL, 10) + g_ascii_strtoll (second, NULL, 10) != total)
        continue;
      if (n++ == 0)
        {
          found->left = left;
          found->right = right;
          found->from = from;
          found->texts[0] = g_steal_pointer (&first);
          found->texts[1] = g_strdup (second);
        }
    }
  return n;
}

/* Whether two cells of the row stand side by side in the table. */
static gboolean
adjacent (NbTemplate *template,
          guint       a,
          guint       b)
{
  const NbTemplateCell *x = nb_template_get_cell (template, a);
  const NbTemplateCell *y = nb_template_get_cell (template, b);

  return x->table == y->table && x->row == y->row && y->column == x->column + 1;
}

/* The row of @instance (总计 = the others) does not add up, or has one
 * empty cell; exactly one split of one cell's digits into it and its
 * empty or 0 neighbour makes it add up. */
static gboolean
find_split (NbCheck              *check,
            const NbRuleInstance *instance,
            Split                *found)
{
  const NbCellData *cells = nb_report_peek_cells (check->report);
  gint64 total, sum = 0;
  int empty = -1;
  guint n = 0;

  if (instance->n_lhs != 1 || !nb_check_cell_value (check, instance->cells[0], &total))
    return FALSE;
  for (guint k = 1; k < instance->n_cells; k++)
    {
      const NbCellData *data = &cells[instance->cells[k]];

      /* a number no table holds: no sum of it is worth a hint */
      if (data->state == NB_CELL_STATE_VALUE &&
          (data->value > MAX_VALUE || data->value < -MAX_VALUE))
        return FALSE;
      if (data->state == NB_CELL_STATE_VALUE)
        sum += data->value;
      else if (data->state != NB_CELL_STATE_EMPTY || empty >= 0)
        return FALSE;
      else
        empty = instance->cells[k];
    }
  if (empty < 0 && sum == total)
    return FALSE;
  for (guint k = 1; k + 1 < instance->n_cells && n < 2; k++)
    {
      guint left = instance->cells[k], right = instance->cells[k + 1];

      if (!adjacent (check->template, left, right) ||
          (empty >= 0 && (guint) empty != left && (guint) empty != right))
        continue;
      for (guint side = 0; side < 2 && n < 2; side++)
        {
          guint from = side == 0 ? left : right;
          gint64 rest = sum - cells[left].value * (cells[left].state == NB_CELL_STATE_VALUE) -
                        cells[right].value * (cells[right].state == NB_CELL_STATE_VALUE);
          Split other = { 0 };

          n += try_pair (cells, left, right, from, rest, total, n == 0 ? found : &other);
          split_clear (&other);
        }
    }
  if (n == 1)
    return TRUE;
  split_clear (found);
  return FALSE;
}

static const char *
column_label (NbTemplate *template,
              guint       cell)
{
  const NbTemplateCell *data = nb_template_get_cell (template, cell);
  NbTemplateTable *table = g_ptr_array_index (nb_template_get_tables (template), data->table);

  return ((NbTemplateColumn *) g_ptr_array_index (table->columns, data->column))->label;
}

static void
add_split (NbCheck              *check,
           const NbRuleInstance *instance,
           Split                *split)
{
  const NbCellData *cells = nb_report_peek_cells (check->report);
  guint named[3] = { split->left, split->right, instance->cells[0] };
  const char *texts[2] = { split->texts[0], split->texts[1] };
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;
  NbDiagnostic *diagnostic;

  /* Translators: "自然人 … : the row adds up if “12” under 自然人 is two
   * numbers, 1 under 自然人 and 2 under 商业企业" */
  message = g_strdup_printf (_("%s: the row adds up if “%s” under %s is two numbers, %s under %s "
                               "and %s under %s"),
                             instance->each_label, cells[split->from].text,
                             column_label (check->template, split->from),
                             texts[0], column_label (check->template, split->left),
                             texts[1], column_label (check->template, split->right));
  diagnostic = nb_check_add (check, message, cells[split->from].line, named, 3);
  if (diagnostic == NULL)
    return;
  /* Translators: a quick fix: "Split “12” into 1 and 2" */
  label = g_strdup_printf (_("Split “%s” into %s and %s"), cells[split->from].text, texts[0], texts[1]);
  nb_diagnostic_add_fix (diagnostic, label, named, texts, 2);
}

/* t3.split-cell-hint: a row of table 三 that does not add up, or waits
 * for one cell, would add up if the digits of one cell were two numbers
 * for it and the empty or 0 cell beside it: "12" under 自然人 with
 * nothing under 商业企业 where 1 and 2 make the total. */
void
nb_check_t3_split_cell (NbCheck *check)
{
  int rule = nb_template_lookup_rule (check->template, "t3.row-total");
  guint n_instances;
  const NbRuleInstance *instances = nb_template_get_instances (check->template, &n_instances);

  for (guint i = 0; rule >= 0 && i < n_instances; i++)
    {
      Split split = { 0 };

      if (instances[i].rule != (guint) rule || !find_split (check, &instances[i], &split))
        continue;
      add_split (check, &instances[i], &split);
      split_clear (&split);
    }
}
