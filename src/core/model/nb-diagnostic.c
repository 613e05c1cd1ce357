/* nb-diagnostic.c — one problem found in a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-diagnostic"

#include "config.h"

#include "nb-diagnostic-private.h"

#include "nb-enums.h"
#include "nb-number.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _NbDiagnostic
{
  GObject      parent_instance;

  NbTemplate  *template;
  NbTemplate  *older_template; /* a comparison across two forms: the older one's */
  NbSeverity   severity;
  char        *rule_id;
  char        *message;
  guint        line;
  char        *location;    /* where in a file that is not text, or NULL */
  guint       *cells;
  guint        n_cells;
  const char **addresses;   /* borrowed from the template, NULL-terminated */
  guint8      *sides;       /* by cell, for a comparison; NULL otherwise */
  gboolean     has_fix;
  guint        fix_cell;
  gint64       fix_value;
  GPtrArray   *fixes;       /* NbFix, the alternatives offered; NULL when none */
  char        *subject;     /* what a finding without cells is about */
  char        *checked;     /* the reviewer's note once marked checked */
};

G_DEFINE_FINAL_TYPE (NbDiagnostic, nb_diagnostic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_RULE_ID,
  PROP_MESSAGE,
  PROP_LINE,
  PROP_CELLS,
  PROP_HAS_FIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nb_diagnostic_finalize (GObject *object)
{
  NbDiagnostic *self = (NbDiagnostic *) object;

  g_clear_object (&self->template);
  g_clear_object (&self->older_template);
  g_free (self->rule_id);
  g_free (self->message);
  g_free (self->location);
  g_free (self->cells);
  g_free (self->addresses);
  g_free (self->sides);
  g_free (self->subject);
  g_free (self->checked);
  g_clear_pointer (&self->fixes, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_diagnostic_parent_class)->finalize (object);
}

static void
nb_diagnostic_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NbDiagnostic *self = NB_DIAGNOSTIC (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_RULE_ID:
      g_value_set_string (value, self->rule_id);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_CELLS:
      g_value_set_boxed (value, self->addresses);
      break;
    case PROP_HAS_FIX:
      g_value_set_boolean (value, nb_diagnostic_get_n_fixes (self) > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_diagnostic_class_init (NbDiagnosticClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_diagnostic_finalize;
  object_class->get_property = nb_diagnostic_get_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       NB_TYPE_SEVERITY, NB_SEVERITY_ERROR,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULE_ID] =
    g_param_spec_string ("rule-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CELLS] =
    g_param_spec_boxed ("cells", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_FIX] =
    g_param_spec_boolean ("has-fix", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_diagnostic_init (NbDiagnostic *self)
{
}

/**
 * nb_diagnostic_new:
 * @template: the template the cells belong to
 * @severity: how bad it is
 * @rule_id: the rule's stable id, e.g. `t3.balance`
 * @message: a translated message that states the numbers
 * @line: 1-based line in the input, or 0 when not from a place in the input
 * @cells: (array length=n_cells) (nullable): the cells involved
 * @n_cells: the number of cells
 *
 * Diagnostics are immutable: a changed finding is a new diagnostic.
 *
 * Returns: (transfer full): a new #NbDiagnostic
 */
NbDiagnostic *
nb_diagnostic_new (NbTemplate  *template,
                   NbSeverity   severity,
                   const char  *rule_id,
                   const char  *message,
                   guint        line,
                   const guint *cells,
                   guint        n_cells)
{
  NbDiagnostic *self;

  g_return_val_if_fail (NB_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (NB_TYPE_DIAGNOSTIC, NULL);
  self->template = g_object_ref (template);
  self->severity = severity;
  self->rule_id = g_strdup (rule_id);
  self->message = g_strdup (message);
  self->line = line;
  self->n_cells = n_cells;
  self->cells = g_memdup2 (cells, n_cells * sizeof (guint));
  self->addresses = g_new (const char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    self->addresses[i] = nb_template_get_cell_address (template, cells[i]);
  self->addresses[n_cells] = NULL;
  return self;
}

NbSeverity
nb_diagnostic_get_severity (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NB_SEVERITY_ERROR);

  return self->severity;
}

/**
 * nb_severity_get_name:
 * @severity: a severity
 *
 * Returns: (transfer none): @severity in words, translated: "Error",
 *   "Warning" or "Note"
 */
const char *
nb_severity_get_name (NbSeverity severity)
{
  switch (severity)
    {
    case NB_SEVERITY_ERROR:
      return _("Error");
    case NB_SEVERITY_WARNING:
      return _("Warning");
    case NB_SEVERITY_INFO:
    default:
      return C_("severity", "Note");
    }
}

const char *
nb_diagnostic_get_rule_id (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);

  return self->rule_id;
}

const char *
nb_diagnostic_get_message (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);

  return self->message;
}

/**
 * nb_diagnostic_get_line:
 * @self: a #NbDiagnostic
 *
 * Returns: the 1-based input line, or 0 when there is none
 */
guint
nb_diagnostic_get_line (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), 0);

  return self->line;
}

/**
 * nb_diagnostic_get_location:
 * @self: a #NbDiagnostic
 *
 * Where in a web page, document or PDF the finding is, for a person:
 * "page 3", "table 3, row 7, column 4", "paragraph 12" (translated). A
 * diagnostic with a location shows it instead of its line, which then only
 * orders the findings in reading order.
 *
 * Returns: (nullable): the place, or %NULL for report text and canonical
 *   files
 */
const char *
nb_diagnostic_get_location (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);

  return self->location;
}

/* Takes @location; only right after nb_diagnostic_new(). */
void
nb_diagnostic_take_location (NbDiagnostic *self,
                             char         *location)
{
  g_return_if_fail (NB_IS_DIAGNOSTIC (self));

  g_free (self->location);
  self->location = location;
}

/**
 * nb_diagnostic_get_cells:
 * @self: a #NbDiagnostic
 *
 * Returns: (transfer none) (array zero-terminated=1): the addresses of the
 *   cells involved, in the order the rule names them
 */
const char * const *
nb_diagnostic_get_cells (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);

  return self->addresses;
}

/**
 * nb_diagnostic_get_cell_indices:
 * @self: a #NbDiagnostic
 * @n_cells: (out): the number of cells
 *
 * Returns: (transfer none) (array length=n_cells): the cells' indices
 */
const guint *
nb_diagnostic_get_cell_indices (NbDiagnostic *self,
                                guint        *n_cells)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);

  *n_cells = self->n_cells;
  return self->cells;
}

gboolean
nb_diagnostic_involves_cell (NbDiagnostic *self,
                             guint         cell)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), FALSE);

  for (guint i = 0; i < self->n_cells; i++)
    if (self->cells[i] == cell)
      return TRUE;
  return FALSE;
}

/**
 * nb_diagnostic_compare:
 * @a: a #NbDiagnostic
 * @b: another
 *
 * Orders by input line (diagnostics without a line last), as a compiler
 * lists its messages.
 *
 * Returns: negative, 0 or positive
 */
int
nb_diagnostic_compare (NbDiagnostic *a,
                       NbDiagnostic *b)
{
  guint la = a->line == 0 ? G_MAXUINT : a->line;
  guint lb = b->line == 0 ? G_MAXUINT : b->line;

  return la < lb ? -1 : la > lb ? 1 : 0;
}

/**
 * nb_diagnostic_get_fix:
 * @self: a #NbDiagnostic
 * @cell: (out) (optional): the cell to change
 * @value: (out) (optional): its new value, as nb_number_parse() gives it
 *
 * A sum whose left side is one total cell, in a rule the template marks
 * `fixable`, has one obvious fix: the total becomes the sum of the other
 * side. nb_report_apply_fix() applies it.
 *
 * Returns: %TRUE when the diagnostic has such a fix
 */
gboolean
nb_diagnostic_get_fix (NbDiagnostic *self,
                       guint        *cell,
                       gint64       *value)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), FALSE);

  if (!self->has_fix)
    return FALSE;
  if (cell != NULL)
    *cell = self->fix_cell;
  if (value != NULL)
    *value = self->fix_value;
  return TRUE;
}

/* Only right after nb_diagnostic_new(), before anyone has seen it: the
 * one fix of a sum whose total is one cell, offered as @label. */
void
nb_diagnostic_set_fix (NbDiagnostic *self,
                       guint         cell,
                       gint64        value,
                       const char   *label)
{
  g_autofree char *text = NULL;
  const char *texts[1];

  g_return_if_fail (NB_IS_DIAGNOSTIC (self));
  g_return_if_fail (nb_diagnostic_involves_cell (self, cell));

  self->has_fix = TRUE;
  self->fix_cell = cell;
  self->fix_value = value;
  text = nb_number_format (value, nb_template_get_cell_kind (self->template, cell));
  texts[0] = text;
  nb_diagnostic_add_fix (self, label, &cell, texts, 1);
}

static void
fix_free (gpointer data)
{
  NbFix *fix = data;

  g_free (fix->label);
  g_free (fix->cells);
  g_strfreev (fix->texts);
  g_free (fix);
}

/* Only right after nb_diagnostic_new(), before anyone has seen it. */
void
nb_diagnostic_add_fix (NbDiagnostic       *self,
                       const char         *label,
                       const guint        *cells,
                       const char * const *texts,
                       guint               n_cells)
{
  NbFix *fix;

  g_return_if_fail (NB_IS_DIAGNOSTIC (self));
  g_return_if_fail (label != NULL && n_cells > 0);

  fix = g_new0 (NbFix, 1);
  fix->label = g_strdup (label);
  fix->n_cells = n_cells;
  fix->cells = g_memdup2 (cells, n_cells * sizeof (guint));
  fix->texts = g_new0 (char *, n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    fix->texts[i] = g_strdup (texts[i]);
  if (self->fixes == NULL)
    self->fixes = g_ptr_array_new_with_free_func (fix_free);
  g_ptr_array_add (self->fixes, fix);
}

/**
 * nb_diagnostic_get_n_fixes:
 * @self: a #NbDiagnostic
 *
 * A diagnostic may offer quick fixes, each setting some cells at once:
 * the one sum of nb_diagnostic_get_fix(), or the readings of digits that
 * ran together, of which the user picks one. nb_report_apply_nth_fix()
 * applies one.
 *
 * Returns: how many fixes it offers
 */
guint
nb_diagnostic_get_n_fixes (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), 0);

  return self->fixes != NULL ? self->fixes->len : 0;
}

/**
 * nb_diagnostic_get_nth_fix:
 * @self: a #NbDiagnostic
 * @index: below nb_diagnostic_get_n_fixes()
 *
 * Returns: (transfer none): the fix
 */
const NbFix *
nb_diagnostic_get_nth_fix (NbDiagnostic *self,
                           guint         index)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);
  g_return_val_if_fail (index < nb_diagnostic_get_n_fixes (self), NULL);

  return g_ptr_array_index (self->fixes, index);
}

/**
 * nb_diagnostic_new_across:
 * @template: the template both reports follow
 * @severity: how bad it is
 * @rule_id: the rule's id, e.g. `year.carry-over`
 * @message: a translated message that states the numbers
 * @line: the line in the newer report's input, or 0
 * @cells: (array length=n_cells) (nullable): the cells involved
 * @sides: (array length=n_cells) (nullable): for each cell, 0 for the
 *   older report and 1 for the newer
 * @n_cells: the number of cells
 *
 * A diagnostic of a comparison: its cells belong to one of two reports.
 *
 * Returns: (transfer full): a new #NbDiagnostic
 */
NbDiagnostic *
nb_diagnostic_new_across (NbTemplate   *template,
                          NbSeverity    severity,
                          const char   *rule_id,
                          const char   *message,
                          guint         line,
                          const guint  *cells,
                          const guint8 *sides,
                          guint         n_cells)
{
  NbDiagnostic *self = nb_diagnostic_new (template, severity, rule_id, message, line, cells, n_cells);

  self->sides = g_malloc0 (MAX (n_cells, 1));
  if (sides != NULL)
    memcpy (self->sides, sides, n_cells);
  return self;
}

/* A comparison of reports on two forms: the cells of the older side are
 * that form's, and so are their addresses. */
void
nb_diagnostic_set_older_form (NbDiagnostic *self,
                              NbTemplate   *older)
{
  g_return_if_fail (NB_IS_DIAGNOSTIC (self));
  g_return_if_fail (self->sides != NULL);

  g_set_object (&self->older_template, older);
  for (guint i = 0; i < self->n_cells; i++)
    if (self->sides[i] == 0)
      self->addresses[i] = nb_template_get_cell_address (older, self->cells[i]);
}

/**
 * nb_diagnostic_get_sides:
 * @self: a #NbDiagnostic
 *
 * Returns: (transfer none) (nullable): for each cell, 0 (older report) or
 *   1 (newer report) when this is a comparison's diagnostic; %NULL for a
 *   diagnostic of one report
 */
const guint8 *
nb_diagnostic_get_sides (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);

  return self->sides;
}

/* A finding that names no cell names what it is about ("problems",
 * "XX"), so that a reviewer's mark stays with that one finding. */
void
nb_diagnostic_set_subject (NbDiagnostic *self,
                           const char   *subject)
{
  g_return_if_fail (NB_IS_DIAGNOSTIC (self));

  g_free (self->subject);
  self->subject = g_strdup (subject);
}

const char *
nb_diagnostic_get_subject (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);

  return self->subject;
}

/**
 * nb_diagnostic_dup_key:
 * @self: a #NbDiagnostic
 *
 * What a "checked" mark is tied to: the rule id, each cell's address and
 * the subject, one to a line (the subject after a `#`).
 *
 * Returns: (transfer full): the key
 */
char *
nb_diagnostic_dup_key (NbDiagnostic *self)
{
  GString *key;

  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);

  key = g_string_new (self->rule_id);
  for (guint i = 0; i < self->n_cells; i++)
    {
      g_string_append_c (key, '\n');
      if (self->sides != NULL)
        g_string_append (key, self->sides[i] == 0 ? "older:" : "newer:");
      g_string_append (key, self->addresses[i]);
    }
  if (self->subject != NULL)
    g_string_append_printf (key, "\n#%s", self->subject);
  return g_string_free (key, FALSE);
}

/**
 * nb_diagnostic_get_checked:
 * @self: a #NbDiagnostic
 *
 * Returns: (nullable): the reviewer's note when the finding was marked
 *   checked ("" for a mark without a note), %NULL when it is open
 */
const char *
nb_diagnostic_get_checked (NbDiagnostic *self)
{
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (self), NULL);

  return self->checked;
}

void
nb_diagnostic_set_checked (NbDiagnostic *self,
                           const char   *note)
{
  g_return_if_fail (NB_IS_DIAGNOSTIC (self));

  g_free (self->checked);
  self->checked = g_strdup (note);
}
