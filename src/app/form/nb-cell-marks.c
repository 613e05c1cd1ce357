/* nb-cell-marks.c — the mark styles of a form's cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cell-marks"

#include "config.h"

#include "nb-cell-marks.h"

#include <glib/gi18n.h>
#include <nb-diagnostic.h>

/* Gives every cell the style of the worst rule it breaks, from one or
 * more lists of diagnostics: a report's own, and — in a comparison — the
 * rules between the years, of which only the cells of this form's year
 * count. Only cells whose mark changed are touched, so a keystroke
 * costs what it changes. */

typedef struct
{
  int      severity;  /* of the rules the cell breaks, or -1 */
  gboolean imported;  /* in a place of the input an import finding names */
  GString *messages;
  GMenu   *fixes;     /* the quick fixes that set the cell, or NULL */
  GString *fix_key;   /* their labels, to tell a changed menu */
} Mark;

typedef struct
{
  GListModel *diagnostics;
  int         side;         /* -1: every cell; 0/1: that year's cells */
} Source;

struct _NbCellMarks
{
  NbTemplate    *template;
  NbEntryLookup  lookup;
  gpointer       data;
  gboolean       fixes;
  GArray        *sources;   /* Source */
  GHashTable    *marked;    /* cell → Mark shown */
};

static void
mark_free (gpointer data)
{
  Mark *mark = data;

  g_string_free (mark->messages, TRUE);
  g_string_free (mark->fix_key, TRUE);
  g_clear_object (&mark->fixes);
  g_free (mark);
}

static gboolean
same_mark (Mark *a,
              Mark *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->severity == b->severity && a->imported == b->imported &&
         g_string_equal (a->fix_key, b->fix_key) &&
         g_string_equal (a->messages, b->messages);
}

static GMenuModel *
fix_menu (NbCellMarks *marks,
          Mark        *mark)
{
  if (!marks->fixes || mark == NULL || mark->fixes == NULL)
    return NULL;
  return G_MENU_MODEL (g_object_ref (mark->fixes));
}

/* Offers, in @cell's menu, each fix of @diagnostic that sets @cell:
 * "win.apply-fix" finds the diagnostic again by its rule and first cell. */
static void
add_fixes (Mark         *mark,
           NbDiagnostic *diagnostic,
           guint         cell)
{
  guint n_cells;
  const guint *cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);

  for (guint f = 0; f < nb_diagnostic_get_n_fixes (diagnostic); f++)
    {
      const NbFix *fix = nb_diagnostic_get_nth_fix (diagnostic, f);
      g_autoptr(GMenuItem) item = NULL;
      gboolean sets = FALSE;

      for (guint i = 0; i < fix->n_cells && !sets; i++)
        sets = fix->cells[i] == cell;
      if (!sets)
        continue;
      if (mark->fixes == NULL)
        mark->fixes = g_menu_new ();
      item = g_menu_item_new (fix->label, NULL);
      g_menu_item_set_action_and_target (item, "win.apply-fix", "(suu)",
                                         nb_diagnostic_get_rule_id (diagnostic), cells[0], f);
      g_menu_append_item (mark->fixes, item);
      g_string_append_printf (mark->fix_key, "%s\n", fix->label);
    }
}

static void
show_mark (NbCellMarks *marks,
              guint        cell,
              Mark        *mark)
{
  NbCellEntry *entry = marks->lookup (marks->data, cell);
  g_autoptr(GMenuModel) menu = NULL;

  if (entry == NULL)
    return;
  if (mark != NULL && mark->imported)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "nb-imported");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "nb-imported");
  if (mark == NULL)
    {
      nb_cell_entry_set_diagnostic (entry, -1, NULL, NULL);
      return;
    }
  menu = fix_menu (marks, mark);
  nb_cell_entry_set_diagnostic (entry, mark->severity, mark->messages->str, menu);
}

static void
collect (GHashTable   *problems,
         NbDiagnostic *diagnostic,
         int           side)
{
  NbSeverity severity = nb_diagnostic_get_severity (diagnostic);
  const guint8 *sides = nb_diagnostic_get_sides (diagnostic);
  guint n_cells;
  const guint *cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);

  /* an import finding about a stretch of the input (a row with a number
   * too many) is about the place, not each cell: its cells get a light
   * mark, so that a rule's own cells stand out in its colour */
  gboolean place = n_cells > 1 && g_str_has_prefix (nb_diagnostic_get_rule_id (diagnostic), "parse.");

  /* a note, or a finding a reviewer marked checked, leaves its cells as they are */
  if (severity == NB_SEVERITY_INFO || nb_diagnostic_get_checked (diagnostic) != NULL)
    return;
  for (guint c = 0; c < n_cells; c++)
    {
      Mark *mark;

      if (side >= 0 && (sides == NULL || sides[c] != side))
        continue;
      mark = g_hash_table_lookup (problems, GUINT_TO_POINTER (cells[c]));
      if (mark == NULL)
        {
          mark = g_new0 (Mark, 1);
          mark->severity = -1;
          mark->messages = g_string_new (NULL);
          mark->fix_key = g_string_new (NULL);
          g_hash_table_insert (problems, GUINT_TO_POINTER (cells[c]), mark);
        }
      if (place)
        mark->imported = TRUE;
      else
        mark->severity = mark->severity < 0 ? (int) severity : MIN (mark->severity, (int) severity);
      if (mark->messages->len > 0)
        g_string_append_c (mark->messages, '\n');
      g_string_append (mark->messages, nb_diagnostic_get_message (diagnostic));
      add_fixes (mark, diagnostic, cells[c]);
    }
}

/**
 * nb_cell_marks_new:
 * @template: the template of the form's report
 * @lookup: finds a cell's entry
 * @data: data for @lookup
 * @fixes: whether cells offer their quick fix ("win.fix-cell")
 *
 * Returns: (transfer full): marks with no source yet
 */
NbCellMarks *
nb_cell_marks_new (NbTemplate    *template,
                   NbEntryLookup  lookup,
                   gpointer       data,
                   gboolean       fixes)
{
  NbCellMarks *marks = g_new0 (NbCellMarks, 1);

  marks->template = g_object_ref (template);
  marks->lookup = lookup;
  marks->data = data;
  marks->fixes = fixes;
  marks->sources = g_array_new (FALSE, FALSE, sizeof (Source));
  marks->marked = g_hash_table_new_full (NULL, NULL, NULL, mark_free);
  return marks;
}

void
nb_cell_marks_free (NbCellMarks *marks)
{
  for (guint i = 0; i < marks->sources->len; i++)
    g_object_unref (g_array_index (marks->sources, Source, i).diagnostics);
  g_array_unref (marks->sources);
  g_hash_table_unref (marks->marked);
  g_object_unref (marks->template);
  g_free (marks);
}

/**
 * nb_cell_marks_add_source:
 * @marks: the marks
 * @diagnostics: a #GListModel of #NbDiagnostic
 * @side: -1 for a report's own diagnostics; 0 or 1 to take, from a
 *   comparison's, only the cells of the older or newer year
 *
 * The caller refreshes when the list changes.
 */
void
nb_cell_marks_add_source (NbCellMarks *marks,
                          GListModel  *diagnostics,
                          int          side)
{
  Source source = { g_object_ref (diagnostics), side };

  g_array_append_val (marks->sources, source);
}

void
nb_cell_marks_refresh (NbCellMarks *marks)
{
  GHashTable *problems = g_hash_table_new_full (NULL, NULL, NULL, mark_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint s = 0; s < marks->sources->len; s++)
    {
      Source *source = &g_array_index (marks->sources, Source, s);

      for (guint i = 0; i < g_list_model_get_n_items (source->diagnostics); i++)
        {
          g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (source->diagnostics, i);

          collect (problems, diagnostic, source->side);
        }
    }

  g_hash_table_iter_init (&iter, problems);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!same_mark (value, g_hash_table_lookup (marks->marked, key)))
      show_mark (marks, GPOINTER_TO_UINT (key), value);

  g_hash_table_iter_init (&iter, marks->marked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (problems, key))
      show_mark (marks, GPOINTER_TO_UINT (key), NULL);

  g_hash_table_unref (marks->marked);
  marks->marked = problems;
}

/**
 * nb_cell_marks_reshow:
 * @marks: the marks
 *
 * Shows the marks again on every cell that has one: for entries made
 * after the problems were found.
 */
void
nb_cell_marks_reshow (NbCellMarks *marks)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, marks->marked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    show_mark (marks, GPOINTER_TO_UINT (key), value);
}
