/* nb-settings.c — the app's preferences, as properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-settings"

#include "config.h"

#include "nb-settings.h"

#include <gio/gio.h>

/* One object the widgets bind to, whatever stores the values: the
 * installed GSettings schema, or — when the app runs from its build
 * folder without one — plain memory, so nothing aborts for a missing
 * schema. */
struct _NbSettings
{
  GObject    parent_instance;

  GSettings *settings;
  int        window_width;
  int        window_height;
  gboolean   window_maximized;
  gboolean   show_problems;
  gboolean   show_source;
  gboolean   make_backup;
};

G_DEFINE_FINAL_TYPE (NbSettings, nb_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_SHOW_PROBLEMS,
  PROP_SHOW_SOURCE,
  PROP_MAKE_BACKUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nb_settings_constructed (GObject *object)
{
  static const char * const keys[] = {
    "window-width", "window-height", "window-maximized", "show-problems", "show-source", "make-backup",
  };
  NbSettings *self = (NbSettings *) object;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_OBJECT_CLASS (nb_settings_parent_class)->constructed (object);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("No schema %s installed: settings last until the app quits", APP_ID);
      return;
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
  /* an older installed schema may lack a key: that one stays in memory */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_settings_schema_has_key (schema, keys[i]))
      g_settings_bind (self->settings, keys[i], self, keys[i], G_SETTINGS_BIND_DEFAULT);
}

static void
nb_settings_dispose (GObject *object)
{
  NbSettings *self = (NbSettings *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nb_settings_parent_class)->dispose (object);
}

static void
nb_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NbSettings *self = NB_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;
    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;
    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;
    case PROP_SHOW_PROBLEMS:
      g_value_set_boolean (value, self->show_problems);
      break;
    case PROP_SHOW_SOURCE:
      g_value_set_boolean (value, self->show_source);
      break;
    case PROP_MAKE_BACKUP:
      g_value_set_boolean (value, self->make_backup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int (NbSettings *self,
         int        *field,
         int         value,
         guint       prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_boolean (NbSettings *self,
             gboolean   *field,
             gboolean    value,
             guint       prop)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
nb_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NbSettings *self = NB_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_WINDOW_WIDTH:
      set_int (self, &self->window_width, g_value_get_int (value), prop_id);
      break;
    case PROP_WINDOW_HEIGHT:
      set_int (self, &self->window_height, g_value_get_int (value), prop_id);
      break;
    case PROP_WINDOW_MAXIMIZED:
      set_boolean (self, &self->window_maximized, g_value_get_boolean (value), prop_id);
      break;
    case PROP_SHOW_PROBLEMS:
      set_boolean (self, &self->show_problems, g_value_get_boolean (value), prop_id);
      break;
    case PROP_SHOW_SOURCE:
      set_boolean (self, &self->show_source, g_value_get_boolean (value), prop_id);
      break;
    case PROP_MAKE_BACKUP:
      set_boolean (self, &self->make_backup, g_value_get_boolean (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_settings_class_init (NbSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_settings_constructed;
  object_class->dispose = nb_settings_dispose;
  object_class->get_property = nb_settings_get_property;
  object_class->set_property = nb_settings_set_property;

  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL, 360, 32768, 1280,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL, 294, 32768, 860,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PROBLEMS] =
    g_param_spec_boolean ("show-problems", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SOURCE] =
    g_param_spec_boolean ("show-source", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAKE_BACKUP] =
    g_param_spec_boolean ("make-backup", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_settings_init (NbSettings *self)
{
  self->window_width = 1280;
  self->window_height = 860;
  self->show_problems = TRUE;
  self->make_backup = TRUE;
}

NbSettings *
nb_settings_new (void)
{
  return g_object_new (NB_TYPE_SETTINGS, NULL);
}

int
nb_settings_get_window_width (NbSettings *self)
{
  g_return_val_if_fail (NB_IS_SETTINGS (self), 1280);

  return self->window_width;
}

int
nb_settings_get_window_height (NbSettings *self)
{
  g_return_val_if_fail (NB_IS_SETTINGS (self), 860);

  return self->window_height;
}

gboolean
nb_settings_get_window_maximized (NbSettings *self)
{
  g_return_val_if_fail (NB_IS_SETTINGS (self), FALSE);

  return self->window_maximized;
}

/**
 * nb_settings_save_window:
 * @self: a #NbSettings
 * @width: the window's width when not maximized
 * @height: its height when not maximized
 * @maximized: whether it is maximized
 *
 * Remembers a closing window's size for the next one.
 */
void
nb_settings_save_window (NbSettings *self,
                         int         width,
                         int         height,
                         gboolean    maximized)
{
  g_return_if_fail (NB_IS_SETTINGS (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (!maximized && width > 0 && height > 0)
    {
      set_int (self, &self->window_width, CLAMP (width, 360, 32768), PROP_WINDOW_WIDTH);
      set_int (self, &self->window_height, CLAMP (height, 294, 32768), PROP_WINDOW_HEIGHT);
    }
  set_boolean (self, &self->window_maximized, maximized, PROP_WINDOW_MAXIMIZED);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
nb_settings_get_show_problems (NbSettings *self)
{
  g_return_val_if_fail (NB_IS_SETTINGS (self), TRUE);

  return self->show_problems;
}

void
nb_settings_set_show_problems (NbSettings *self,
                               gboolean    show)
{
  g_return_if_fail (NB_IS_SETTINGS (self));

  set_boolean (self, &self->show_problems, show, PROP_SHOW_PROBLEMS);
}

gboolean
nb_settings_get_show_source (NbSettings *self)
{
  g_return_val_if_fail (NB_IS_SETTINGS (self), FALSE);

  return self->show_source;
}

void
nb_settings_set_show_source (NbSettings *self,
                             gboolean    show)
{
  g_return_if_fail (NB_IS_SETTINGS (self));

  set_boolean (self, &self->show_source, show, PROP_SHOW_SOURCE);
}
