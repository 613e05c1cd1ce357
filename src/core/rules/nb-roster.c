/* nb-roster.c — the units that owe a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-roster"

#include "config.h"

#include "nb-roster.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-organ-name.h"
#include "nb-types.h"

/* An office keeps the list of its units as a text file, one name a line,
 * or exports it from a spreadsheet as CSV: the first column is the name,
 * a header row ("单位名称", "name") is skipped, `#` starts a comment. */
#define MAX_ROSTER_SIZE  (1024 * 1024)
#define MAX_UNITS        10000

struct _NbRoster
{
  GObject    parent_instance;

  GPtrArray *units;   /* char *, in file order */
  GPtrArray *keys;    /* their nb_organ_name_fold() */
};

G_DEFINE_FINAL_TYPE (NbRoster, nb_roster, G_TYPE_OBJECT)

static void
nb_roster_finalize (GObject *object)
{
  NbRoster *self = (NbRoster *) object;

  g_ptr_array_unref (self->units);
  g_ptr_array_unref (self->keys);

  G_OBJECT_CLASS (nb_roster_parent_class)->finalize (object);
}

static void
nb_roster_class_init (NbRosterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_roster_finalize;
}

static void
nb_roster_init (NbRoster *self)
{
  self->units = g_ptr_array_new_with_free_func (g_free);
  self->keys = g_ptr_array_new_with_free_func (g_free);
}

/* The first field of a CSV line, unquoted ("a ""b""" is a "b") */
static char *
first_field (const char *line)
{
  GString *out = g_string_new (NULL);
  const char *p = line;

  if (*p != '"')
    {
      const char *comma = strchr (p, ',');

      g_string_append_len (out, p, comma ? comma - p : (gssize) strlen (p));
      return g_string_free (out, FALSE);
    }
  for (p++; *p != '\0'; p++)
    {
      if (*p == '"' && p[1] == '"')
        p++;
      else if (*p == '"')
        break;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_header (const char *name)
{
  static const char *const headers[] = { "单位名称", "单位", "名称", "机关名称", "name", "unit", "organ" };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    if (g_ascii_strcasecmp (name, headers[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
add_line (NbRoster   *self,
          const char *line,
          gboolean    first)
{
  g_autofree char *field = first_field (line);
  char *name = g_strstrip (field);
  g_autofree char *key = nb_organ_name_fold (name);

  /* a name of blanks and punctuation only names no unit */
  if (*key == '\0' || *name == '#' || *line == '#' || (first && is_header (name)) ||
      nb_roster_find (self, name) >= 0)
    return;
  g_ptr_array_add (self->units, g_strdup (name));
  g_ptr_array_add (self->keys, g_steal_pointer (&key));
}

/**
 * nb_roster_new_from_data:
 * @data: the file's bytes: UTF-8 text, with or without a byte order mark
 * @size: their length
 * @error: return location for a #GError
 *
 * A unit named twice (in any spelling nb_organ_name_match() accepts) is
 * kept once.
 *
 * Returns: (transfer full) (nullable): the roster, or %NULL when the file
 *   is not UTF-8 text, too large or names no unit
 */
NbRoster *
nb_roster_new_from_data (const char  *data,
                         gsize        size,
                         GError     **error)
{
  g_autoptr(NbRoster) self = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (size > MAX_ROSTER_SIZE || memchr (data, '\0', size) != NULL || !g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID,
                   _("A roster is a UTF-8 text or CSV file of unit names, one a line"));
      return NULL;
    }
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  text = g_strndup (data, size);
  lines = g_strsplit_set (text, "\r\n", -1);
  self = g_object_new (NB_TYPE_ROSTER, NULL);
  for (guint i = 0; lines[i] != NULL && self->units->len < MAX_UNITS; i++)
    add_line (self, lines[i], i == 0);
  if (self->units->len == 0)
    {
      g_set_error (error, NB_ERROR, NB_ERROR_INVALID, _("The roster names no unit"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * nb_roster_load:
 * @file: a roster file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the roster
 */
NbRoster *
nb_roster_load (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *data = NULL;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &size, NULL, error))
    return NULL;
  return nb_roster_new_from_data (data, size, error);
}

guint
nb_roster_get_n_units (NbRoster *self)
{
  g_return_val_if_fail (NB_IS_ROSTER (self), 0);

  return self->units->len;
}

/**
 * nb_roster_get_unit:
 * @self: a #NbRoster
 * @unit: an index below nb_roster_get_n_units()
 *
 * Returns: the unit's name as the roster writes it
 */
const char *
nb_roster_get_unit (NbRoster *self,
                    guint     unit)
{
  g_return_val_if_fail (NB_IS_ROSTER (self), NULL);
  g_return_val_if_fail (unit < self->units->len, NULL);

  return g_ptr_array_index (self->units, unit);
}

/**
 * nb_roster_find:
 * @self: a #NbRoster
 * @organ: an organ's name as a report gives it
 *
 * Returns: the index of the unit @organ names, or -1
 */
int
nb_roster_find (NbRoster   *self,
                const char *organ)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (NB_IS_ROSTER (self), -1);

  key = nb_organ_name_fold (organ);
  for (guint i = 0; i < self->keys->len; i++)
    if (nb_organ_name_match_folded (g_ptr_array_index (self->keys, i), key))
      return i;
  return -1;
}
