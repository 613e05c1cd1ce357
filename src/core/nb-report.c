/* nb-report.c — one annual report: its text and all its cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-report"

#include "config.h"

#include "nb-report-private.h"

#include "nb-cell-private.h"
#include "nb-number.h"
#include "nb-template-private.h"

#include <string.h>

struct _NbReport
{
  GObject      parent_instance;

  NbTemplate  *template;
  char        *organ;
  char        *title;
  guint        year;
  gboolean     modified;

  /* Cells live in one plain array so that import and validation never
   * create objects; NbCell wrappers are made on demand for widgets. */
  NbCellData  *cells;
  guint        n_cells;
  NbCell     **cell_objects;

  char       **sections;       /* by template section; NULL for tables */
  GArray     **section_lines;  /* source line of each text line, or NULL */
  GPtrArray   *import_diagnostics;
  JsonNode    *extensions;     /* kept and written back unchanged */
};

G_DEFINE_FINAL_TYPE (NbReport, nb_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_ORGAN,
  PROP_TITLE,
  PROP_YEAR,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CELL_CHANGED,
  SECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
store_cell (NbReport   *self,
            guint       cell,
            const char *text,
            gssize      length)
{
  NbCellData *data = &self->cells[cell];
  gint64 value;

  g_clear_pointer (&data->text, g_free);
  data->text = nb_number_normalize (text, length);
  data->state = nb_number_parse (data->text, -1,
                                 nb_template_get_cell_kind (self->template, cell),
                                 nb_template_get_marks (self->template),
                                 &value);
  data->value = value;
}

static int
lookup_section (NbReport   *self,
                const char *section_id)
{
  int section = nb_template_lookup_section (self->template, section_id);

  g_return_val_if_fail (section >= 0, -1);
  g_return_val_if_fail (nb_template_section_is_narrative (self->template, section), -1);
  return section;
}

/* vfuncs */

static void
nb_report_constructed (GObject *object)
{
  NbReport *self = (NbReport *) object;
  guint n_sections;

  G_OBJECT_CLASS (nb_report_parent_class)->constructed (object);

  g_assert (self->template != NULL);
  self->n_cells = nb_template_get_n_cells (self->template);
  self->cells = g_new0 (NbCellData, self->n_cells);
  n_sections = nb_template_get_n_sections (self->template);
  self->sections = g_new0 (char *, n_sections + 1);
  self->section_lines = g_new0 (GArray *, n_sections);
  for (guint i = 0; i < n_sections; i++)
    if (nb_template_section_is_narrative (self->template, i))
      self->sections[i] = g_strdup ("");
}

static void
nb_report_dispose (GObject *object)
{
  NbReport *self = (NbReport *) object;

  if (self->cell_objects != NULL)
    {
      for (guint i = 0; i < self->n_cells; i++)
        if (self->cell_objects[i] != NULL)
          {
            nb_cell_detach (self->cell_objects[i]);
            g_clear_object (&self->cell_objects[i]);
          }
      g_clear_pointer (&self->cell_objects, g_free);
    }
  g_clear_pointer (&self->import_diagnostics, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_report_parent_class)->dispose (object);
}

static void
nb_report_finalize (GObject *object)
{
  NbReport *self = (NbReport *) object;
  guint n_sections = self->template ? nb_template_get_n_sections (self->template) : 0;

  for (guint i = 0; i < self->n_cells; i++)
    g_free (self->cells[i].text);
  g_free (self->cells);
  for (guint i = 0; i < n_sections; i++)
    {
      g_free (self->sections[i]);
      g_clear_pointer (&self->section_lines[i], g_array_unref);
    }
  g_free (self->sections);
  g_free (self->section_lines);
  g_free (self->organ);
  g_free (self->title);
  g_clear_pointer (&self->extensions, json_node_unref);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (nb_report_parent_class)->finalize (object);
}

static void
nb_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NbReport *self = NB_REPORT (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;
    case PROP_ORGAN:
      g_value_set_string (value, self->organ);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NbReport *self = NB_REPORT (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      self->template = g_value_dup_object (value);
      break;
    case PROP_ORGAN:
      nb_report_set_organ (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      nb_report_set_title (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      nb_report_set_year (self, g_value_get_uint (value));
      break;
    case PROP_MODIFIED:
      nb_report_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_class_init (NbReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_report_constructed;
  object_class->dispose = nb_report_dispose;
  object_class->finalize = nb_report_finalize;
  object_class->get_property = nb_report_get_property;
  object_class->set_property = nb_report_set_property;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, NB_TYPE_TEMPLATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGAN] =
    g_param_spec_string ("organ", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, 0, 9999, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NbReport::cell-changed:
   * @self: the report
   * @cell: the index of the cell whose text changed
   *
   * Emitted after a cell's text was set through the model, so the
   * validator and the views can follow.
   */
  signals[CELL_CHANGED] =
    g_signal_new ("cell-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__UINT,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  g_signal_set_va_marshaller (signals[CELL_CHANGED], G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__UINTv);

  /**
   * NbReport::section-changed:
   * @self: the report
   * @section: the index of the template section whose text changed
   *
   * Emitted after a narrative section's text was set.
   */
  signals[SECTION_CHANGED] =
    g_signal_new ("section-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__UINT,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  g_signal_set_va_marshaller (signals[SECTION_CHANGED], G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__UINTv);
}

static void
nb_report_init (NbReport *self)
{
  self->organ = g_strdup ("");
  self->title = g_strdup ("");
  self->import_diagnostics = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

/**
 * nb_report_new:
 * @template: the form the report follows
 *
 * Returns: (transfer full): a blank report: every cell empty
 */
NbReport *
nb_report_new (NbTemplate *template)
{
  g_return_val_if_fail (NB_IS_TEMPLATE (template), NULL);

  return g_object_new (NB_TYPE_REPORT, "template", template, NULL);
}

/**
 * nb_report_get_template:
 * @self: a #NbReport
 *
 * Returns: (transfer none): the report's template
 */
NbTemplate *
nb_report_get_template (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  return self->template;
}

const char *
nb_report_get_organ (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  return self->organ;
}

void
nb_report_set_organ (NbReport   *self,
                     const char *organ)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (set_string (&self->organ, organ ? organ : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGAN]);
      nb_report_set_modified (self, TRUE);
    }
}

const char *
nb_report_get_title (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  return self->title;
}

void
nb_report_set_title (NbReport   *self,
                     const char *title)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (set_string (&self->title, title ? title : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      nb_report_set_modified (self, TRUE);
    }
}

/**
 * nb_report_get_year:
 * @self: a #NbReport
 *
 * Returns: the report year, or 0 when unknown
 */
guint
nb_report_get_year (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);

  return self->year;
}

void
nb_report_set_year (NbReport *self,
                    guint     year)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (year <= 9999);

  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  nb_report_set_modified (self, TRUE);
}

gboolean
nb_report_get_modified (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  return self->modified;
}

void
nb_report_set_modified (NbReport *self,
                        gboolean  modified)
{
  g_return_if_fail (NB_IS_REPORT (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * nb_report_get_section_text:
 * @self: a #NbReport
 * @section_id: a narrative section id: `overview`, `problems` or `other`
 *
 * Returns: (transfer none): the section's text, "" when empty
 */
const char *
nb_report_get_section_text (NbReport   *self,
                            const char *section_id)
{
  int section;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  section = lookup_section (self, section_id);
  return section < 0 ? NULL : self->sections[section];
}

void
nb_report_set_section_text (NbReport   *self,
                            const char *section_id,
                            const char *text)
{
  int section;

  g_return_if_fail (NB_IS_REPORT (self));

  section = lookup_section (self, section_id);
  if (section < 0 || !set_string (&self->sections[section], text ? text : ""))
    return;
  g_clear_pointer (&self->section_lines[section], g_array_unref);
  g_signal_emit (self, signals[SECTION_CHANGED], 0, (guint) section);
  nb_report_set_modified (self, TRUE);
}

/**
 * nb_report_get_section_line:
 * @self: a #NbReport
 * @section: a template section index
 * @offset: a byte offset into the section's text
 *
 * Returns: the input line the text at @offset came from, or 0
 */
guint
nb_report_get_section_line (NbReport *self,
                            guint     section,
                            gsize     offset)
{
  GArray *lines;
  const char *text;
  guint line = 0;

  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  g_return_val_if_fail (section < nb_template_get_n_sections (self->template), 0);

  lines = self->section_lines[section];
  text = self->sections[section];
  if (lines == NULL || text == NULL)
    return 0;
  for (gsize i = 0; i < offset && text[i] != '\0'; i++)
    if (text[i] == '\n')
      line++;
  return line < lines->len ? g_array_index (lines, guint, line) : 0;
}

guint
nb_report_get_n_cells (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);

  return self->n_cells;
}

int
nb_report_lookup_cell (NbReport   *self,
                       const char *address)
{
  g_return_val_if_fail (NB_IS_REPORT (self), -1);

  return nb_template_lookup_cell (self->template, address);
}

/**
 * nb_report_get_cell:
 * @self: a #NbReport
 * @cell: a cell index
 *
 * Returns: (transfer none): the cell object, made on first use
 */
NbCell *
nb_report_get_cell (NbReport *self,
                    guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);

  if (self->cell_objects == NULL)
    self->cell_objects = g_new0 (NbCell *, self->n_cells);
  if (self->cell_objects[cell] == NULL)
    self->cell_objects[cell] = nb_cell_new (self, cell);
  return self->cell_objects[cell];
}

/**
 * nb_report_get_cell_text:
 * @self: a #NbReport
 * @cell: a cell index
 *
 * Returns: (transfer none) (nullable): the text as written, %NULL when empty
 */
const char *
nb_report_get_cell_text (NbReport *self,
                         guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);

  return self->cells[cell].text;
}

NbCellState
nb_report_get_cell_state (NbReport *self,
                          guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_CELL_STATE_EMPTY);
  g_return_val_if_fail (cell < self->n_cells, NB_CELL_STATE_EMPTY);

  return self->cells[cell].state;
}

/**
 * nb_report_get_cell_value:
 * @self: a #NbReport
 * @cell: a cell index
 *
 * Returns: the value when the state is %NB_CELL_STATE_VALUE (millionths
 *   for an amount), 0 otherwise
 */
gint64
nb_report_get_cell_value (NbReport *self,
                          guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  g_return_val_if_fail (cell < self->n_cells, 0);

  return self->cells[cell].value;
}

guint
nb_report_get_cell_line (NbReport *self,
                         guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  g_return_val_if_fail (cell < self->n_cells, 0);

  return self->cells[cell].line;
}

/**
 * nb_report_set_cell_text:
 * @self: a #NbReport
 * @cell: a cell index
 * @text: (nullable): the new text, kept as written even when invalid
 *
 * Emits #NbReport::cell-changed when the text changes.
 */
void
nb_report_set_cell_text (NbReport   *self,
                         guint       cell,
                         const char *text)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (cell < self->n_cells);

  normalized = nb_number_normalize (text, -1);
  if (g_strcmp0 (normalized, self->cells[cell].text) == 0)
    return;

  store_cell (self, cell, normalized, -1);
  if (self->cell_objects != NULL && self->cell_objects[cell] != NULL)
    nb_cell_notify_changed (self->cell_objects[cell]);
  g_signal_emit (self, signals[CELL_CHANGED], 0, cell);
  nb_report_set_modified (self, TRUE);
}

/**
 * nb_report_get_import_diagnostics:
 * @self: a #NbReport
 *
 * Returns: (transfer none) (element-type NbDiagnostic): what reading the
 *   input found (`parse.*`), in input order
 */
GPtrArray *
nb_report_get_import_diagnostics (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  return self->import_diagnostics;
}

/* Private API: used while a report is being read, before anyone listens. */

const NbCellData *
nb_report_peek_cells (NbReport *self)
{
  return self->cells;
}

const char *
nb_report_peek_section (NbReport *self,
                        guint     section)
{
  return self->sections[section];
}

void
nb_report_load_cell (NbReport   *self,
                     guint       cell,
                     const char *text,
                     gssize      length,
                     guint       line)
{
  g_assert (cell < self->n_cells);

  store_cell (self, cell, text, length);
  self->cells[cell].line = line;
}

/* Takes @text and @lines (nullable). */
void
nb_report_load_section (NbReport *self,
                        guint     section,
                        char     *text,
                        GArray   *lines)
{
  g_assert (self->sections[section] != NULL);

  g_free (self->sections[section]);
  self->sections[section] = text;
  g_clear_pointer (&self->section_lines[section], g_array_unref);
  self->section_lines[section] = lines;
}

void
nb_report_take_import_diagnostic (NbReport     *self,
                                  NbDiagnostic *diagnostic)
{
  g_ptr_array_add (self->import_diagnostics, diagnostic);
}

/**
 * nb_report_get_extensions:
 * @self: a #NbReport
 *
 * Returns: (transfer none) (nullable): the canonical file's "extensions"
 *   object, which this program keeps without reading it
 */
JsonNode *
nb_report_get_extensions (NbReport *self)
{
  return self->extensions;
}

void
nb_report_set_extensions (NbReport *self,
                          JsonNode *extensions)
{
  g_clear_pointer (&self->extensions, json_node_unref);
  if (extensions != NULL)
    self->extensions = json_node_copy (extensions);
}
