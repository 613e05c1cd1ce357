/* nb-diagnostics-panel.c — every problem of a report, by severity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-diagnostics-panel"

#include "config.h"

#include "nb-diagnostics-panel.h"
#include "nb-build-watch.h"
#include "nb-head-list-model.h"
#include "nb-tooltip.h"

#include <glib/gi18n.h>
#include <nb-template.h>
#include <nb-validator.h>

/* A list of the validator's diagnostics, errors first, then warnings,
 * then notes, then the findings a reviewer marked checked, each under a
 * header; the list follows the validator as the user types. A row says
 * the message, where it comes from, and offers the quick fix when there
 * is one and, for a report's own findings, "Mark as Checked" with a note
 * (or "Reopen"); activating it asks the window to show the cell
 * ("activated").
 *
 * While a form is being filled its empty cells are work to do, not
 * problems: an empty cell that no other rule names is not listed by
 * itself but counted in one row ("182 cells still empty"), which goes to
 * the next of them. */
struct _NbDiagnosticsPanel
{
  AdwBin              parent_instance;

  GListModel         *model;      /* the validator */
  NbTemplate         *template;   /* for places in words */
  GtkSortListModel   *sorted;
  GtkFilterListModel *listed;     /* without the plain empty cells */
  NbHeadListModel    *head;       /* the rows made so far */
  NbBuildWatch       *watch;      /* until the rest are made */
  GtkCustomFilter    *filter;
  GHashTable         *plain_empty; /* NbDiagnostic of a plain empty cell */
  GHashTable         *known;       /* every diagnostic before the change */
  gboolean            refilter;    /* one of them changed sides */
  guint               last_empty;  /* the cell the empty row went to last */

  GtkLabel           *summary;
  GtkButton          *empty_button;
  GtkStack           *stack;
  GtkScrolledWindow  *list_scroller;
  GtkListBox         *list_box;
};

G_DEFINE_FINAL_TYPE (NbDiagnosticsPanel, nb_diagnostics_panel, ADW_TYPE_BIN)

/* Rows made before the window's first frame, and more while they end
 * inside the panel: a real report can list forty problems, each row a
 * few lines of text laid out, of which a screen shows a handful. */
#define FIRST_ROWS 4

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
severity_icon (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case NB_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case NB_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

/* The group a row is listed in: its severity, or after all of them once
 * a reviewer marked it checked. */
#define GROUP_CHECKED 3

static int
diagnostic_group (NbDiagnostic *diagnostic)
{
  if (nb_diagnostic_get_checked (diagnostic) != NULL)
    return GROUP_CHECKED;
  return nb_diagnostic_get_severity (diagnostic);
}

static const char *
group_heading (int group)
{
  if (group == GROUP_CHECKED)
    return _("Checked");
  switch (group)
    {
    case NB_SEVERITY_ERROR:
      return _("Errors");
    case NB_SEVERITY_WARNING:
      return _("Warnings");
    case NB_SEVERITY_INFO:
    default:
      return _("Notes");
    }
}

/* What a row is, as its icon shows it: for a screen reader */
static const char *
group_name (int group)
{
  return group == GROUP_CHECKED ? _("Checked") : nb_severity_get_name (group);
}

/* A cell in the words of the form: "表四 · 复议后起诉 · 总计" */
static char *
describe_cell (NbTemplate *template,
               guint       index)
{
  const NbTemplateCell *cell = nb_template_get_cell (template, index);
  NbTemplateTable *table = g_ptr_array_index (nb_template_get_tables (template), cell->table);
  NbTemplateRow *row = g_ptr_array_index (table->rows, cell->row);
  NbTemplateColumn *column = g_ptr_array_index (table->columns, cell->column);
  GPtrArray *sections = nb_template_get_sections (template);
  const char *numeral = table->id;
  g_autofree char *name = NULL;

  for (guint s = 0; s < sections->len; s++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, s);

      if (section->table == (int) cell->table)
        numeral = section->numeral;
    }
  /* Translators: a table of the form by its numeral, e.g. "Table 四" */
  name = g_strdup_printf (_("Table %s"), numeral);
  /* Translators: a cell by its table, row and column: "表四 · 复议后起诉 · 总计" */
  return g_strdup_printf (_("%s · %s · %s"), name, row->short_label ? row->short_label : row->label,
                          column->label);
}

/* Where a problem is, in words: its first cell, then where it was read
 * ("第 88 行", "第 3 页"); the rule id is the row's tooltip. */
static char *
describe_place (NbDiagnosticsPanel *self,
                NbDiagnostic       *diagnostic)
{
  guint n_cells;
  const guint *cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);
  const char * const *addresses = nb_diagnostic_get_cells (diagnostic);
  guint line = nb_diagnostic_get_line (diagnostic);
  GString *out = g_string_new (NULL);

  if (n_cells > 0 && self->template != NULL && cells[0] < nb_template_get_n_cells (self->template))
    {
      g_autofree char *cell = describe_cell (self->template, cells[0]);

      g_string_append (out, cell);
    }
  else if (addresses != NULL && addresses[0] != NULL)
    g_string_append (out, addresses[0]);
  /* a web page, document or PDF has places ("page 3"); its line numbers
   * only order the findings */
  if (nb_diagnostic_get_location (diagnostic) != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", nb_diagnostic_get_location (diagnostic));
  else if (line > 0)
    {
      /* Translators: where a problem was read, e.g. "line 57" */
      g_autofree char *where = g_strdup_printf (_("line %u"), line);

      g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", where);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_empty_cell (NbReport     *report,
               NbDiagnostic *diagnostic)
{
  guint n_cells;
  const guint *cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);

  return n_cells == 1 && g_str_equal (nb_diagnostic_get_rule_id (diagnostic), "cell.empty") &&
         nb_cell_get_state (nb_report_get_cell (report, cells[0])) == NB_CELL_STATE_EMPTY;
}

static guint
first_cell (NbDiagnostic *diagnostic)
{
  guint n_cells;

  return nb_diagnostic_get_cell_indices (diagnostic, &n_cells)[0];
}

/* Whether a diagnostic that was listed before the change is now summed
 * up as an empty cell, or the other way round: the filter must then be
 * asked again about every row, which rebuilds them all. Diagnostics the
 * change brings are asked about by the models themselves. */
static gboolean
known_changed_sides (NbDiagnosticsPanel *self,
                     GHashTable         *before,
                     GHashTable         *after)
{
  GHashTable *sets[2] = { before, after };

  for (guint i = 0; i < 2; i++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, sets[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (sets[1 - i], key) && g_hash_table_contains (self->known, key))
          return TRUE;
    }
  return FALSE;
}

/* The empty cells no error or warning of another rule names. */
static void
find_plain_empty (NbDiagnosticsPanel *self)
{
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  /* only compared by address: the diagnostics before the next change */
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  NbReport *report = NB_IS_VALIDATOR (self->model) ? nb_validator_get_report (NB_VALIDATOR (self->model)) : NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (self->model, i);
      guint n_cells;
      const guint *cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);

      g_hash_table_add (present, diagnostic);
      if (report == NULL || is_empty_cell (report, diagnostic) ||
          nb_diagnostic_get_severity (diagnostic) == NB_SEVERITY_INFO)
        continue;
      for (guint c = 0; c < n_cells; c++)
        g_hash_table_add (named, GUINT_TO_POINTER (cells[c]));
    }
  for (guint i = 0; report != NULL && i < n; i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (self->model, i);

      if (is_empty_cell (report, diagnostic) &&
          !g_hash_table_contains (named, GUINT_TO_POINTER (first_cell (diagnostic))))
        g_hash_table_add (found, g_steal_pointer (&diagnostic));
    }
  self->refilter = self->refilter || known_changed_sides (self, self->plain_empty, found);
  g_hash_table_unref (self->plain_empty);
  self->plain_empty = g_steal_pointer (&found);
  g_hash_table_unref (self->known);
  self->known = g_steal_pointer (&present);
}

static gboolean
listed_cb (gpointer item,
           gpointer user_data)
{
  NbDiagnosticsPanel *self = user_data;

  return !g_hash_table_contains (self->plain_empty, item);
}

/* The action and target that apply a diagnostic's @index-th fix:
 * "win.apply-fix" finds the diagnostic by its rule and first cell. */
static GVariant *
fix_target (NbDiagnostic *diagnostic,
            guint         index)
{
  guint n_cells;
  const guint *cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);

  return g_variant_new ("(suu)", nb_diagnostic_get_rule_id (diagnostic),
                        n_cells > 0 ? cells[0] : G_MAXUINT, index);
}

/* One button for the one fix, a menu of them when there are several
 * (the readings of digits that ran together). */
static GtkWidget *
fix_button (NbDiagnostic *diagnostic)
{
  guint n = nb_diagnostic_get_n_fixes (diagnostic);
  g_autoptr(GMenu) menu = NULL;
  GtkWidget *button;

  if (n == 0)
    return NULL;
  if (n == 1)
    {
      button = gtk_button_new_with_label (nb_diagnostic_get_nth_fix (diagnostic, 0)->label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.apply-fix");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), fix_target (diagnostic, 0));
    }
  else
    {
      menu = g_menu_new ();
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (nb_diagnostic_get_nth_fix (diagnostic, i)->label, NULL);

          g_menu_item_set_action_and_target_value (item, "win.apply-fix", fix_target (diagnostic, i));
          g_menu_append_item (menu, item);
        }
      button = gtk_menu_button_new ();
      /* Translators: a button that opens the list of a problem's quick fixes */
      gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Quick Fixes"));
      /* GTK 4.8 names a menu button by its type, not by its label */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quick Fixes"), -1);
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
    }
  gtk_widget_add_css_class (button, "nb-fix");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 3);
  return button;
}

static NbReport *
panel_report (NbDiagnosticsPanel *self)
{
  return NB_IS_VALIDATOR (self->model) ? nb_validator_get_report (NB_VALIDATOR (self->model)) : NULL;
}

static void
mark_checked_cb (GtkWidget          *widget,
                 NbDiagnosticsPanel *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (widget), "nb-note-entry");
  NbDiagnostic *diagnostic = g_object_get_data (G_OBJECT (widget), "nb-diagnostic");
  GtkWidget *popover = gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  NbReport *report = panel_report (self);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (report != NULL)
    nb_report_set_checked (report, diagnostic, note);
}

static void
reopen_cb (GtkButton          *button,
           NbDiagnosticsPanel *self)
{
  NbReport *report = panel_report (self);

  if (report != NULL)
    nb_report_set_checked (report, g_object_get_data (G_OBJECT (button), "nb-diagnostic"), NULL);
}

/* The note and the button of "Mark as Checked…", made when first
 * opened: rows come and go as the clerk types. */
static void
create_check_popover (GtkMenuButton *button,
                      gpointer       data)
{
  NbDiagnosticsPanel *self = data;
  NbDiagnostic *diagnostic = g_object_get_data (G_OBJECT (button), "nb-diagnostic");
  GtkWidget *popover, *box, *entry, *mark;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note, such as “scope differs”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  mark = gtk_button_new_with_label (_("Mark Checked"));
  gtk_widget_add_css_class (mark, "suggested-action");
  for (guint i = 0; i < 2; i++)
    {
      GObject *widget = G_OBJECT (i == 0 ? entry : mark);

      g_object_set_data (widget, "nb-note-entry", entry);
      g_object_set_data_full (widget, "nb-diagnostic", g_object_ref (diagnostic), g_object_unref);
    }
  g_signal_connect (entry, "activate", G_CALLBACK (mark_checked_cb), self);
  g_signal_connect (mark, "clicked", G_CALLBACK (mark_checked_cb), self);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), mark);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  gtk_menu_button_set_popover (button, popover);
}

/* "Mark as Checked…": a note, then the mark; or "Reopen" once marked */
static GtkWidget *
check_button (NbDiagnosticsPanel *self,
              NbDiagnostic       *diagnostic)
{
  GtkWidget *button;

  if (panel_report (self) == NULL)
    return NULL;
  if (nb_diagnostic_get_checked (diagnostic) != NULL)
    {
      button = gtk_button_new_with_label (_("Reopen"));
      g_object_set_data_full (G_OBJECT (button), "nb-diagnostic", g_object_ref (diagnostic), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (reopen_cb), self);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      return button;
    }

  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Mark as Checked…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark as Checked…"), -1);
  g_object_set_data_full (G_OBJECT (button), "nb-diagnostic", g_object_ref (diagnostic), g_object_unref);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_check_popover, self, NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  return button;
}

/* A wrapped line of a row. Its widths are given in characters: without
 * them GTK lays the text out at width 0 for its minimum width and
 * unwrapped for its natural width, on every measure. The panel is
 * narrower than either. */
static GtkWidget *
row_text (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  return label;
}

static GtkWidget *
checked_note (NbDiagnostic *diagnostic)
{
  const char *note = nb_diagnostic_get_checked (diagnostic);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (note == NULL || *note == '\0')
    return NULL;
  /* Translators: a reviewer's note on a finding marked checked */
  text = g_strdup_printf (_("Checked: %s"), note);
  label = row_text (text);
  gtk_widget_add_css_class (label, "nb-checked-note");
  return label;
}

/* The row's rule, made into a tooltip when one is shown: setting a
 * tooltip text asks the X server where the pointer is, once per row. */
static gboolean
row_query_tooltip_cb (GtkWidget  *row,
                      int         x,
                      int         y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip)
{
  return nb_tooltip_show_text (tooltip, g_object_get_data (G_OBJECT (row), "nb-rule"));
}

/* Adds @child, if any, to the text column of a row's grid, on the next
 * line. */
static void
attach_line (GtkWidget *grid,
             GtkWidget *child,
             int       *line)
{
  if (child != NULL)
    gtk_grid_attach (GTK_GRID (grid), child, 1, (*line)++, 1, 1);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  NbDiagnosticsPanel *self = user_data;
  NbDiagnostic *diagnostic = item;
  NbSeverity severity = nb_diagnostic_get_severity (diagnostic);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (severity));
  GtkWidget *message = row_text (nb_diagnostic_get_message (diagnostic));
  g_autofree char *where = describe_place (self, diagnostic);
  /* Translators: a problem's rule, for those who script the checks */
  g_autofree char *rule = g_strdup_printf (_("Rule %s"), nb_diagnostic_get_rule_id (diagnostic));
  const char *kind = group_name (diagnostic_group (diagnostic));
  /* Translators: what a screen reader says of a problem after its
   * message: its kind and its rule, "Error · Rule t4.total" */
  g_autofree char *description = g_strdup_printf (_("%s · %s"), kind, rule);
  GtkWidget *place = row_text (where);
  /* a finding marked checked keeps its numbers but offers no fix */
  GtkWidget *button = nb_diagnostic_get_checked (diagnostic) == NULL ? fix_button (diagnostic) : NULL;
  GtkWidget *note = checked_note (diagnostic);
  GtkWidget *check = check_button (self, diagnostic);
  int line = 0;

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  gtk_widget_add_css_class (icon, nb_diagnostic_get_checked (diagnostic) != NULL ? "dim-label"
                                  : severity == NB_SEVERITY_ERROR ? "error"
                                  : severity == NB_SEVERITY_WARNING ? "warning" : "dim-label");
  gtk_label_set_selectable (GTK_LABEL (place), FALSE);
  gtk_widget_set_has_tooltip (row, TRUE);
  g_signal_connect (row, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), NULL);
  gtk_widget_add_css_class (place, "caption");
  gtk_widget_add_css_class (place, "dim-label");
  /* a grid, not nested boxes: GtkBoxLayout searches for the width of a
   * box of wrapped labels by laying them out at one width after another,
   * dozens of layouts of each message in every window layout */
  gtk_widget_set_hexpand (message, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_grid_attach (GTK_GRID (grid), icon, 0, 0, 1, 1);
  attach_line (grid, message, &line);
  attach_line (grid, place, &line);
  attach_line (grid, note, &line);
  attach_line (grid, button, &line);
  attach_line (grid, check, &line);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  g_object_set_data_full (G_OBJECT (row), "nb-diagnostic", g_object_ref (diagnostic), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, nb_diagnostic_get_message (diagnostic),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "nb-rule", g_steal_pointer (&rule), g_free);
  return row;
}

static int
row_group (GtkListBoxRow *row)
{
  return diagnostic_group (g_object_get_data (G_OBJECT (row), "nb-diagnostic"));
}

static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       user_data)
{
  GtkWidget *header;

  if (before != NULL && row_group (before) == row_group (row))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (group_heading (row_group (row)));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_bottom (header, 3);
  gtk_list_box_row_set_header (row, header);
}

static int
compare_severity (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return diagnostic_group ((NbDiagnostic *) a) - diagnostic_group ((NbDiagnostic *) b);
}

static void
update_summary (NbDiagnosticsPanel *self)
{
  guint counts[3] = { 0, 0, 0 };
  guint n_empty = 0;
  guint n;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;

  n = nb_diagnostics_panel_count (self, &counts[NB_SEVERITY_ERROR], &counts[NB_SEVERITY_WARNING], &n_empty);
  /* Translators: the row that stands for the form's empty cells */
  empty = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cell still empty", "%u cells still empty", n_empty),
                           n_empty);
  gtk_button_set_label (self->empty_button, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_button), n_empty > 0);
  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", counts[0]), counts[0]);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", counts[1]), counts[1]);
  /* Translators: the problem counts, e.g. "2 errors · 1 warning" */
  text = g_strdup_printf (_("%s · %s"), errors, warnings);
  gtk_label_set_label (self->summary, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 || n_empty > 0 ? "list" : "empty");
}

static void
row_activated_cb (NbDiagnosticsPanel *self,
                  GtkListBoxRow      *row)
{
  g_signal_emit (self, signals[ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "nb-diagnostic"));
}

/* Before the sorted and filtered lists hear of a change (connected
 * first), so that the filter answers for the new diagnostics with the
 * empty cells as they are now. */
static void
model_changing_cb (NbDiagnosticsPanel *self)
{
  find_plain_empty (self);
}

static void
model_items_changed_cb (NbDiagnosticsPanel *self)
{
  if (self->refilter && self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->refilter = FALSE;
  update_summary (self);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The empty-cells row goes to the next empty cell after the one it went
 * to before, round the form. */
static void
next_empty_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NbDiagnosticsPanel *self = NB_DIAGNOSTICS_PANEL (widget);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) by_cell = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer diagnostic;
  guint next;

  g_hash_table_iter_init (&iter, self->plain_empty);
  while (g_hash_table_iter_next (&iter, &diagnostic, NULL))
    {
      guint cell = first_cell (diagnostic);

      g_array_append_val (cells, cell);
      g_hash_table_insert (by_cell, GUINT_TO_POINTER (cell), diagnostic);
    }
  if (cells->len == 0)
    return;
  g_array_sort (cells, compare_cells);
  next = g_array_index (cells, guint, 0);
  for (guint i = 0; i < cells->len; i++)
    if (g_array_index (cells, guint, i) > self->last_empty)
      {
        next = g_array_index (cells, guint, i);
        break;
      }
  self->last_empty = next;
  g_signal_emit (self, signals[ACTIVATED], 0, g_hash_table_lookup (by_cell, GUINT_TO_POINTER (next)));
}

/* The rows after the first are made once the window's next frame is on
 * screen, whether the panel is in it or hidden: until then a change of
 * the list would make the first rows again. */
static void
show_all_cb (gpointer data)
{
  NbDiagnosticsPanel *self = data;

  g_clear_pointer (&self->watch, nb_build_watch_free);
  nb_head_list_model_show_all (self->head);
}

/* A layout of the window left the rows short of the panel's bottom:
 * as many more as the rows made say fill it, and one; at a second such
 * layout of the same frame, all of them. */
static void
rows_short_cb (gpointer data,
               guint    n_short)
{
  NbDiagnosticsPanel *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroller);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->head));
  int height = gtk_widget_get_height (GTK_WIDGET (self->list_box));
  int room = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) - height;

  if (n_short > 0 || shown == 0 || height <= 0 ||
      shown == g_list_model_get_n_items (G_LIST_MODEL (self->listed)))
    {
      /* frees the watch */
      show_all_cb (self);
      return;
    }
  nb_head_list_model_show_first (self->head, shown + (MAX (room, 0) * shown + height - 1) / height + 1);
}

static void
watch_next_frame (NbDiagnosticsPanel *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  g_signal_handlers_disconnect_by_func (root, watch_next_frame, self);
  if (!gtk_widget_get_realized (root))
    {
      g_signal_connect_object (root, "realize", G_CALLBACK (watch_next_frame), self, G_CONNECT_SWAPPED);
      return;
    }
  self->watch = nb_build_watch_new (root, self->list_scroller, GTK_WIDGET (self->list_box),
                                   rows_short_cb, show_all_cb, self);
}

static void
nb_diagnostics_panel_dispose (GObject *object)
{
  NbDiagnosticsPanel *self = (NbDiagnosticsPanel *) object;

  /* AdwBin unparents the template's root itself */
  g_clear_pointer (&self->watch, nb_build_watch_free);
  g_clear_object (&self->head);
  g_clear_object (&self->listed);
  g_clear_object (&self->sorted);
  g_clear_object (&self->model);
  g_clear_object (&self->template);
  g_clear_pointer (&self->plain_empty, g_hash_table_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);

  G_OBJECT_CLASS (nb_diagnostics_panel_parent_class)->dispose (object);
}

static void
nb_diagnostics_panel_class_init (NbDiagnosticsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_diagnostics_panel_dispose;

  /**
   * NbDiagnosticsPanel::activated:
   * @self: the panel
   * @diagnostic: the diagnostic whose row was activated
   *
   * The user wants to see where the problem is.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, NB_TYPE_DIAGNOSTIC);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-diagnostics-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, NbDiagnosticsPanel, summary);
  gtk_widget_class_bind_template_child (widget_class, NbDiagnosticsPanel, empty_button);
  gtk_widget_class_install_action (widget_class, "panel.next-empty", NULL, next_empty_action);
  gtk_widget_class_bind_template_child (widget_class, NbDiagnosticsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, NbDiagnosticsPanel, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, NbDiagnosticsPanel, list_box);
}

static void
nb_diagnostics_panel_init (NbDiagnosticsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plain_empty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->known = g_hash_table_new (NULL, NULL);
  self->last_empty = G_MAXUINT;
  gtk_list_box_set_header_func (self->list_box, header_cb, NULL, NULL);
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  update_summary (self);
}

GtkWidget *
nb_diagnostics_panel_new (void)
{
  return g_object_new (NB_TYPE_DIAGNOSTICS_PANEL, NULL);
}

/**
 * nb_diagnostics_panel_set_model:
 * @self: a #NbDiagnosticsPanel
 * @diagnostics: (nullable): a #GListModel of #NbDiagnostic
 */
void
nb_diagnostics_panel_set_model (NbDiagnosticsPanel *self,
                                GListModel         *diagnostics)
{
  GtkSorter *sorter;
  gboolean rooted;

  g_return_if_fail (NB_IS_DIAGNOSTICS_PANEL (self));

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, model_changing_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
    }
  g_clear_pointer (&self->watch, nb_build_watch_free);
  g_clear_object (&self->head);
  g_clear_object (&self->listed);
  g_clear_object (&self->sorted);
  self->filter = NULL;
  g_set_object (&self->model, diagnostics);
  if (NB_IS_VALIDATOR (diagnostics))
    g_set_object (&self->template, nb_report_get_template (nb_validator_get_report (NB_VALIDATOR (diagnostics))));
  self->last_empty = G_MAXUINT;
  g_hash_table_remove_all (self->known);
  find_plain_empty (self);
  self->refilter = FALSE;

  if (diagnostics == NULL)
    {
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
      update_summary (self);
      return;
    }
  g_signal_connect_object (diagnostics, "items-changed", G_CALLBACK (model_changing_cb),
                           self, G_CONNECT_SWAPPED);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_severity, NULL, NULL));
  self->sorted = gtk_sort_list_model_new (g_object_ref (diagnostics), sorter);
  self->filter = gtk_custom_filter_new (listed_cb, self, NULL);
  self->listed = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sorted)), GTK_FILTER (self->filter));
  /* in a window, the rows its next frame can show first */
  rooted = gtk_widget_get_root (GTK_WIDGET (self)) != NULL;
  self->head = nb_head_list_model_new (G_LIST_MODEL (self->listed), rooted ? FIRST_ROWS : G_MAXUINT);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->head), create_row_cb, self, NULL);
  if (rooted)
    watch_next_frame (self);
  g_signal_connect_object (diagnostics, "items-changed", G_CALLBACK (model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_summary (self);
}

/**
 * nb_diagnostics_panel_get_model:
 * @self: a #NbDiagnosticsPanel
 *
 * Returns: (transfer none) (nullable): the diagnostics shown
 */
GListModel *
nb_diagnostics_panel_get_model (NbDiagnosticsPanel *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTICS_PANEL (self), NULL);

  return self->model;
}

/**
 * nb_diagnostics_panel_get_list:
 * @self: a #NbDiagnosticsPanel
 *
 * Returns: (transfer none): the list box of rows, errors first
 */
GtkListBox *
nb_diagnostics_panel_get_list (NbDiagnosticsPanel *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTICS_PANEL (self), NULL);

  return self->list_box;
}

/**
 * nb_diagnostics_panel_count:
 * @self: a #NbDiagnosticsPanel
 * @n_errors: (out) (optional): the errors listed
 * @n_warnings: (out) (optional): the warnings listed
 * @n_empty: (out) (optional): the empty cells counted in one row instead
 *
 * Counts what the panel shows, from its model as it is now.
 *
 * Returns: how many problems are listed one by one
 */
guint
nb_diagnostics_panel_count (NbDiagnosticsPanel *self,
                            guint              *n_errors,
                            guint              *n_warnings,
                            guint              *n_empty)
{
  guint counts[3] = { 0, 0, 0 };
  guint n;

  g_return_val_if_fail (NB_IS_DIAGNOSTICS_PANEL (self), 0);

  /* the empty cells are found as the list changes, see model_changing_cb() */
  n = self->model ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (self->model, i);

      /* a finding marked checked is no longer an open problem */
      if (!g_hash_table_contains (self->plain_empty, diagnostic) &&
          nb_diagnostic_get_checked (diagnostic) == NULL)
        counts[nb_diagnostic_get_severity (diagnostic)]++;
    }
  if (n_errors != NULL)
    *n_errors = counts[NB_SEVERITY_ERROR];
  if (n_warnings != NULL)
    *n_warnings = counts[NB_SEVERITY_WARNING];
  if (n_empty != NULL)
    *n_empty = g_hash_table_size (self->plain_empty);
  return n - g_hash_table_size (self->plain_empty);
}

/**
 * nb_diagnostics_panel_set_template:
 * @self: a #NbDiagnosticsPanel
 * @template: the form the problems are about
 *
 * Lets the panel name cells in the form's words when its model is not a
 * report's validator (the problems between two years).
 */
void
nb_diagnostics_panel_set_template (NbDiagnosticsPanel *self,
                                   NbTemplate         *template)
{
  g_return_if_fail (NB_IS_DIAGNOSTICS_PANEL (self));

  g_set_object (&self->template, template);
}
