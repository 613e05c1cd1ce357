/* nb-cell.c — one table cell of a report, for widgets to bind to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-cell"

#include "config.h"

#include "nb-cell-private.h"

#include "nb-enums.h"
#include "nb-report.h"

/* A view of one cell of an NbReport: the report owns the data and these
 * wrappers, and detaches them when it goes away. */
struct _NbCell
{
  GObject   parent_instance;

  NbReport *report;   /* unowned; cleared by nb_cell_detach() */
  guint     index;
};

G_DEFINE_FINAL_TYPE (NbCell, nb_cell, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ADDRESS,
  PROP_KIND,
  PROP_LABEL,
  PROP_TEXT,
  PROP_STATE,
  PROP_VALID,
  PROP_VALUE,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nb_cell_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  NbCell *self = NB_CELL (object);

  switch (prop_id)
    {
    case PROP_ADDRESS:
      g_value_set_string (value, nb_cell_get_address (self));
      break;
    case PROP_KIND:
      g_value_set_enum (value, nb_cell_get_kind (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, nb_cell_get_label (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, nb_cell_get_text (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, nb_cell_get_state (self));
      break;
    case PROP_VALID:
      g_value_set_boolean (value, nb_cell_get_state (self) != NB_CELL_STATE_INVALID);
      break;
    case PROP_VALUE:
      g_value_set_int64 (value, nb_cell_get_value (self));
      break;
    case PROP_LINE:
      g_value_set_uint (value, nb_cell_get_line (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_cell_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  NbCell *self = NB_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      nb_cell_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_cell_class_init (NbCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = nb_cell_get_property;
  object_class->set_property = nb_cell_set_property;

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, NB_TYPE_CELL_KIND, NB_CELL_KIND_COUNT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, NB_TYPE_CELL_STATE, NB_CELL_STATE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_cell_init (NbCell *self)
{
}

NbCell *
nb_cell_new (NbReport *report,
             guint     index)
{
  NbCell *self = g_object_new (NB_TYPE_CELL, NULL);

  self->report = report;
  self->index = index;
  return self;
}

void
nb_cell_detach (NbCell *self)
{
  self->report = NULL;
}

void
nb_cell_notify_changed (NbCell *self)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_TEXT]);
  g_object_notify_by_pspec (object, properties[PROP_STATE]);
  g_object_notify_by_pspec (object, properties[PROP_VALID]);
  g_object_notify_by_pspec (object, properties[PROP_VALUE]);
  g_object_thaw_notify (object);
}

/**
 * nb_cell_get_report:
 * @self: a #NbCell
 *
 * Returns: (transfer none) (nullable): the report, %NULL once it is gone
 */
NbReport *
nb_cell_get_report (NbCell *self)
{
  g_return_val_if_fail (NB_IS_CELL (self), NULL);

  return self->report;
}

guint
nb_cell_get_index (NbCell *self)
{
  g_return_val_if_fail (NB_IS_CELL (self), 0);

  return self->index;
}

const char *
nb_cell_get_address (NbCell *self)
{
  g_return_val_if_fail (NB_IS_CELL (self), NULL);
  g_return_val_if_fail (self->report != NULL, NULL);

  return nb_template_get_cell_address (nb_report_get_template (self->report), self->index);
}

NbCellKind
nb_cell_get_kind (NbCell *self)
{
  g_return_val_if_fail (NB_IS_CELL (self), NB_CELL_KIND_COUNT);
  g_return_val_if_fail (self->report != NULL, NB_CELL_KIND_COUNT);

  return nb_template_get_cell_kind (nb_report_get_template (self->report), self->index);
}

/**
 * nb_cell_get_label:
 * @self: a #NbCell
 *
 * Returns: (transfer none): the column label then the row label
 */
const char *
nb_cell_get_label (NbCell *self)
{
  g_return_val_if_fail (NB_IS_CELL (self), NULL);
  g_return_val_if_fail (self->report != NULL, NULL);

  return nb_template_get_cell_label (nb_report_get_template (self->report), self->index);
}

/**
 * nb_cell_get_text:
 * @self: a #NbCell
 *
 * Returns: (transfer none) (nullable): the text as written
 */
const char *
nb_cell_get_text (NbCell *self)
{
  g_return_val_if_fail (NB_IS_CELL (self), NULL);

  return self->report ? nb_report_get_cell_text (self->report, self->index) : NULL;
}

void
nb_cell_set_text (NbCell     *self,
                  const char *text)
{
  g_return_if_fail (NB_IS_CELL (self));
  g_return_if_fail (self->report != NULL);

  nb_report_set_cell_text (self->report, self->index, text);
}

NbCellState
nb_cell_get_state (NbCell *self)
{
  g_return_val_if_fail (NB_IS_CELL (self), NB_CELL_STATE_EMPTY);

  return self->report ? nb_report_get_cell_state (self->report, self->index) : NB_CELL_STATE_EMPTY;
}

gint64
nb_cell_get_value (NbCell *self)
{
  g_return_val_if_fail (NB_IS_CELL (self), 0);

  return self->report ? nb_report_get_cell_value (self->report, self->index) : 0;
}

guint
nb_cell_get_line (NbCell *self)
{
  g_return_val_if_fail (NB_IS_CELL (self), 0);

  return self->report ? nb_report_get_cell_line (self->report, self->index) : 0;
}
