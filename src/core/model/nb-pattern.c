/* nb-pattern.c — a template pattern, compiled where it is first used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-pattern"

#include "config.h"

#include "nb-pattern.h"

/* A template holds dozens of patterns, and a run may use few of them:
 * a check of one report reaches some rules, the importer's second form
 * none. Compiling all of a form's patterns to machine code (GRegex's
 * and the anchored probes) costs many times what checking one report
 * does, so each part is compiled where it is first asked for. A
 * template is shared read-only by the threads of a batch: each part is
 * made once (get_part()). */
struct _NbPattern
{
  char           *source;
  gsize           regex_made;   /* g_once: regex is set */
  GRegex         *regex;
  gsize           start_made;   /* g_once: start is set */
  NbPatternStart *start;        /* NULL: a match may begin anywhere (or not
                                 * read yet) */
  gsize           probe_made;   /* g_once: probe is set */
  NbPatternProbe *probe;        /* the pattern's own, when it has no start */
};

/**
 * nb_pattern_new:
 * @source: a pattern as the template writes it (compiled with
 *   %G_REGEX_OPTIMIZE only)
 *
 * Checks that @source compiles, which compiling it to machine code
 * later would not report.
 *
 * Returns: (transfer full) (nullable): the pattern, or %NULL with
 *   @error set when it does not compile
 */
NbPattern *
nb_pattern_new (const char  *source,
                GError     **error)
{
  g_autoptr(GRegex) check = g_regex_new (source, 0, 0, error);

  if (check == NULL)
    return NULL;
  return nb_pattern_new_unchecked (source);
}

/**
 * nb_pattern_new_unchecked:
 * @source: a pattern of a form this program carries, which the tests
 *   compile (test-template)
 *
 * Returns: (transfer full): the pattern, not compiled yet
 */
NbPattern *
nb_pattern_new_unchecked (const char *source)
{
  NbPattern *self = g_new0 (NbPattern, 1);

  self->source = g_strdup (source);
  return self;
}

void
nb_pattern_free (NbPattern *self)
{
  if (self == NULL)
    return;
  g_free (self->source);
  g_clear_pointer (&self->regex, g_regex_unref);
  g_clear_pointer (&self->start, nb_pattern_start_free);
  g_clear_pointer (&self->probe, nb_pattern_probe_free);
  g_free (self);
}

const char *
nb_pattern_get_source (NbPattern *self)
{
  return self->source;
}

/* A part of the pattern, made from its source by @make at the first
 * call: that caller makes it while any other waits (g_once) and
 * publishes it with an atomic write; a call after is one atomic read.
 * A part may be NULL (a pattern whose matches may begin anywhere has no
 * start). */
static gpointer
get_part (NbPattern  *self,
          gpointer   *part,
          gsize      *made,
          gpointer  (*make) (const char *source))
{
  gpointer found = g_atomic_pointer_get (part);

  if (found != NULL)
    return found;
  if (g_once_init_enter (made))
    {
      g_atomic_pointer_set (part, make (self->source));
      g_once_init_leave (made, 1);
    }
  return g_atomic_pointer_get (part);
}

static gpointer
make_regex (const char *source)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex = g_regex_new (source, G_REGEX_OPTIMIZE, 0, &error);

  /* nb_pattern_new() compiled it once already, or the tests did */
  if (regex == NULL)
    g_error ("pattern “%s” does not compile: %s", source, error->message);
  return regex;
}

static gpointer
make_start (const char *source)
{
  return nb_pattern_start_new (source);
}

static gpointer
make_probe (const char *source)
{
  return nb_pattern_probe_new (source);
}

/**
 * nb_pattern_get_regex:
 *
 * Returns: (transfer none): the pattern compiled by GRegex (with
 *   %G_REGEX_OPTIMIZE), at the first call
 */
GRegex *
nb_pattern_get_regex (NbPattern *self)
{
  return get_part (self, (gpointer *) &self->regex, &self->regex_made, make_regex);
}

/**
 * nb_pattern_get_start:
 *
 * Returns: (transfer none) (nullable): where the pattern's matches can
 *   start (nb_pattern_start_new()), read at the first call
 */
NbPatternStart *
nb_pattern_get_start (NbPattern *self)
{
  return get_part (self, (gpointer *) &self->start, &self->start_made, make_start);
}

/**
 * nb_pattern_get_probe:
 *
 * Returns: (transfer none): the pattern anchored; its start's, when it
 *   has one, so that it is compiled only once
 */
NbPatternProbe *
nb_pattern_get_probe (NbPattern *self)
{
  NbPatternStart *start = nb_pattern_get_start (self);

  if (start != NULL)
    return nb_pattern_start_get_probe (start);
  return get_part (self, (gpointer *) &self->probe, &self->probe_made, make_probe);
}
