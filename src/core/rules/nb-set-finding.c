/* nb-set-finding.c — one problem of a batch of reports, across units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-set-finding"

#include "config.h"

#include "nb-set-finding.h"

/* Unlike a diagnostic, which points at cells of one report, a finding of
 * the batch names the organ it is about and the files involved: none for
 * a missing report, two for a duplicate. A cross-year finding keeps the
 * comparison's diagnostic, whose cells say where. */
struct _NbSetFinding
{
  GObject       parent_instance;

  NbSeverity    severity;
  char         *rule_id;
  char         *message;
  char         *organ;
  GStrv         files;
  NbDiagnostic *diagnostic;
};

G_DEFINE_FINAL_TYPE (NbSetFinding, nb_set_finding, G_TYPE_OBJECT)

static void
nb_set_finding_finalize (GObject *object)
{
  NbSetFinding *self = (NbSetFinding *) object;

  g_free (self->rule_id);
  g_free (self->message);
  g_free (self->organ);
  g_strfreev (self->files);
  g_clear_object (&self->diagnostic);

  G_OBJECT_CLASS (nb_set_finding_parent_class)->finalize (object);
}

static void
nb_set_finding_class_init (NbSetFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_set_finding_finalize;
}

static void
nb_set_finding_init (NbSetFinding *self)
{
}

/**
 * nb_set_finding_new:
 * @severity: how serious it is
 * @rule_id: the rule, "set.missing"
 * @message: what is wrong, with its numbers
 * @organ: the organ it is about, as the roster or the report names it
 * @files: (nullable) (array zero-terminated=1): the files involved
 *
 * Returns: (transfer full): a new #NbSetFinding
 */
NbSetFinding *
nb_set_finding_new (NbSeverity          severity,
                    const char         *rule_id,
                    const char         *message,
                    const char         *organ,
                    const char * const *files)
{
  NbSetFinding *self = g_object_new (NB_TYPE_SET_FINDING, NULL);
  const char *none[] = { NULL };

  self->severity = severity;
  self->rule_id = g_strdup (rule_id);
  self->message = g_strdup (message);
  self->organ = g_strdup (organ ? organ : "");
  self->files = g_strdupv ((char **) (files ? files : none));
  return self;
}

NbSeverity
nb_set_finding_get_severity (NbSetFinding *self)
{
  g_return_val_if_fail (NB_IS_SET_FINDING (self), NB_SEVERITY_INFO);

  return self->severity;
}

const char *
nb_set_finding_get_rule_id (NbSetFinding *self)
{
  g_return_val_if_fail (NB_IS_SET_FINDING (self), NULL);

  return self->rule_id;
}

const char *
nb_set_finding_get_message (NbSetFinding *self)
{
  g_return_val_if_fail (NB_IS_SET_FINDING (self), NULL);

  return self->message;
}

const char *
nb_set_finding_get_organ (NbSetFinding *self)
{
  g_return_val_if_fail (NB_IS_SET_FINDING (self), NULL);

  return self->organ;
}

/**
 * nb_set_finding_get_files:
 * @self: a #NbSetFinding
 *
 * Returns: (transfer none) (array zero-terminated=1): the files involved,
 *   as they were added to the set
 */
const char * const *
nb_set_finding_get_files (NbSetFinding *self)
{
  g_return_val_if_fail (NB_IS_SET_FINDING (self), NULL);

  return (const char * const *) self->files;
}

/**
 * nb_set_finding_get_diagnostic:
 * @self: a #NbSetFinding
 *
 * Returns: (transfer none) (nullable): the diagnostic between two years
 *   this finding reports, with its cells
 */
NbDiagnostic *
nb_set_finding_get_diagnostic (NbSetFinding *self)
{
  g_return_val_if_fail (NB_IS_SET_FINDING (self), NULL);

  return self->diagnostic;
}

void
nb_set_finding_set_diagnostic (NbSetFinding *self,
                               NbDiagnostic *diagnostic)
{
  g_return_if_fail (NB_IS_SET_FINDING (self));

  g_set_object (&self->diagnostic, diagnostic);
}

/**
 * nb_set_finding_compare:
 * @a: a finding
 * @b: another
 *
 * Orders findings by rule, then organ, then message, so that a run over
 * the same files always lists them alike.
 *
 * Returns: negative, 0 or positive
 */
int
nb_set_finding_compare (NbSetFinding *a,
                        NbSetFinding *b)
{
  int order = g_strcmp0 (a->rule_id, b->rule_id);

  if (order == 0)
    order = g_strcmp0 (a->organ, b->organ);
  if (order == 0)
    order = g_strcmp0 (a->message, b->message);
  return order;
}
