/* nb-head-list-model.c — the first items of a list, then all of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-head-list-model.h"

/* A list box makes a widget for every item of its model at once. Bound
 * to this model, it makes only the first @limit, more when told
 * (nb_head_list_model_show_first()), all after
 * nb_head_list_model_show_all(): a window's first frame then lays out
 * the rows it can show, not all of them. Once all are shown, changes
 * pass through as they are, so that the rows that stay are kept
 * (GtkSliceListModel, widened, reports every row after a change as
 * changed). */
struct _NbHeadListModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       limit;   /* G_MAXUINT once all are shown */
};

static void nb_head_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NbHeadListModel, nb_head_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nb_head_list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_LIMIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
nb_head_list_model_get_item_type (GListModel *list)
{
  NbHeadListModel *self = NB_HEAD_LIST_MODEL (list);

  return g_list_model_get_item_type (self->model);
}

static guint
nb_head_list_model_get_n_items (GListModel *list)
{
  NbHeadListModel *self = NB_HEAD_LIST_MODEL (list);

  return MIN (self->limit, g_list_model_get_n_items (self->model));
}

static gpointer
nb_head_list_model_get_item (GListModel *list,
                             guint       position)
{
  NbHeadListModel *self = NB_HEAD_LIST_MODEL (list);

  if (position >= self->limit)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
nb_head_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = nb_head_list_model_get_item_type;
  iface->get_n_items = nb_head_list_model_get_n_items;
  iface->get_item = nb_head_list_model_get_item;
}

static void
items_changed_cb (NbHeadListModel *self,
                  guint            position,
                  guint            removed,
                  guint            added)
{
  guint now, before;

  if (self->limit == G_MAXUINT)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  if (position >= self->limit)
    return;
  /* items after the change move into the head or out of it: the head
   * from @position on is said to be replaced */
  now = MIN (self->limit, g_list_model_get_n_items (self->model));
  before = MIN (self->limit, g_list_model_get_n_items (self->model) - added + removed);
  if (removed == added)
    g_list_model_items_changed (G_LIST_MODEL (self), position,
                                MIN (removed, now - position), MIN (added, now - position));
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, before - position, now - position);
}

static void
nb_head_list_model_constructed (GObject *object)
{
  NbHeadListModel *self = (NbHeadListModel *) object;

  G_OBJECT_CLASS (nb_head_list_model_parent_class)->constructed (object);

  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
nb_head_list_model_finalize (GObject *object)
{
  NbHeadListModel *self = (NbHeadListModel *) object;

  g_clear_object (&self->model);

  G_OBJECT_CLASS (nb_head_list_model_parent_class)->finalize (object);
}

static void
nb_head_list_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NbHeadListModel *self = NB_HEAD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_head_list_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NbHeadListModel *self = NB_HEAD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;
    case PROP_LIMIT:
      self->limit = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_head_list_model_class_init (NbHeadListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_head_list_model_constructed;
  object_class->finalize = nb_head_list_model_finalize;
  object_class->get_property = nb_head_list_model_get_property;
  object_class->set_property = nb_head_list_model_set_property;

  /**
   * NbHeadListModel:model:
   *
   * The whole list.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NbHeadListModel:limit:
   *
   * How many of the first items are shown; G_MAXUINT once all are.
   */
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL, 0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_head_list_model_init (NbHeadListModel *self)
{
  self->limit = G_MAXUINT;
}

/**
 * nb_head_list_model_new:
 * @model: the whole list
 * @limit: how many of its first items to show until
 *   nb_head_list_model_show_all()
 *
 * Returns: (transfer full): a model of @model's first @limit items
 */
NbHeadListModel *
nb_head_list_model_new (GListModel *model,
                        guint       limit)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  return g_object_new (NB_TYPE_HEAD_LIST_MODEL, "model", model, "limit", limit, NULL);
}

/**
 * nb_head_list_model_get_limit:
 * @self: a #NbHeadListModel
 *
 * Returns: how many of the first items are shown; G_MAXUINT once all
 */
guint
nb_head_list_model_get_limit (NbHeadListModel *self)
{
  g_return_val_if_fail (NB_IS_HEAD_LIST_MODEL (self), 0);

  return self->limit;
}

/**
 * nb_head_list_model_show_first:
 * @self: a #NbHeadListModel
 * @limit: how many of the first items to show, more than before;
 *   G_MAXUINT for all
 *
 * Adds the items up to @limit after those shown. Once all are shown,
 * the model is the whole list.
 */
void
nb_head_list_model_show_first (NbHeadListModel *self,
                               guint            limit)
{
  guint shown, n;

  g_return_if_fail (NB_IS_HEAD_LIST_MODEL (self));

  if (limit <= self->limit)
    return;
  n = g_list_model_get_n_items (self->model);
  shown = MIN (self->limit, n);
  self->limit = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
  if (MIN (limit, n) > shown)
    g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, MIN (limit, n) - shown);
}

/**
 * nb_head_list_model_show_all:
 * @self: a #NbHeadListModel
 *
 * Adds the items after the first ones; from now on the model is the
 * whole list.
 */
void
nb_head_list_model_show_all (NbHeadListModel *self)
{
  nb_head_list_model_show_first (self, G_MAXUINT);
}
