/* nb-review-item.c — one file of a batch under review, as a row shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-review-item"

#include "config.h"

#include "nb-review-item.h"

#include <glib/gi18n-lib.h>

#include "nb-validator.h"

/* What a table of the batch sorts and filters by, as properties: the
 * file, its organ and year, how it fared, and its headline figures (-1
 * where the report does not state one). nb_review_item_update() reads
 * them again after the report was edited. */
struct _NbReviewItem
{
  GObject    parent_instance;

  GFile     *file;
  char      *display_name;
  NbReport  *report;
  char      *error;
  guint      n_errors;
  guint      n_warnings;
  guint      n_checked;
  gint64     figures[NB_REVIEW_N_FIGURES];
};

G_DEFINE_FINAL_TYPE (NbReviewItem, nb_review_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  PROP_ORGAN,
  PROP_YEAR,
  PROP_KIND,
  PROP_STATUS,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_CHECKED,
  PROP_RECEIVED,
  PROP_RESULTS,
  PROP_CARRIED,
  PROP_REVIEW,
  PROP_LITIGATION,
  PROP_PUNISHMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The cells each figure adds up */
static const char *const figure_cells[NB_REVIEW_N_FIGURES][3] = {
  [NB_REVIEW_RECEIVED] = { "t3/received/total" },
  [NB_REVIEW_RESULTS] = { "t3/results_total/total" },
  [NB_REVIEW_CARRIED] = { "t3/carried_forward/total" },
  [NB_REVIEW_REVIEW] = { "t4/review/total" },
  [NB_REVIEW_LITIGATION] = { "t4/litigation_direct/total", "t4/litigation_after_review/total" },
  [NB_REVIEW_PUNISHMENT] = { "t2/punishment/decisions" },
};

static gint64
read_figure (NbReport       *report,
             NbReviewFigure  figure)
{
  gint64 sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (figure_cells[figure]) && figure_cells[figure][i] != NULL; i++)
    {
      int cell = nb_report_lookup_cell (report, figure_cells[figure][i]);

      if (cell < 0 || nb_report_get_cell_state (report, cell) != NB_CELL_STATE_VALUE)
        return -1;
      sum += nb_report_get_cell_value (report, cell);
    }
  return sum;
}

static void
nb_review_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NbReviewItem *self = NB_REVIEW_ITEM (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_ORGAN:
      g_value_set_string (value, nb_review_item_get_organ (self));
      break;
    case PROP_YEAR:
      g_value_set_uint (value, nb_review_item_get_year (self));
      break;
    case PROP_KIND:
      g_value_set_string (value, nb_review_item_get_kind (self));
      break;
    case PROP_STATUS:
      g_value_set_string (value, nb_review_item_get_status (self));
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    case PROP_N_CHECKED:
      g_value_set_uint (value, self->n_checked);
      break;
    case PROP_RECEIVED:
    case PROP_RESULTS:
    case PROP_CARRIED:
    case PROP_REVIEW:
    case PROP_LITIGATION:
    case PROP_PUNISHMENT:
      g_value_set_int64 (value, self->figures[prop_id - PROP_RECEIVED]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_review_item_finalize (GObject *object)
{
  NbReviewItem *self = (NbReviewItem *) object;

  g_clear_object (&self->file);
  g_clear_object (&self->report);
  g_free (self->display_name);
  g_free (self->error);

  G_OBJECT_CLASS (nb_review_item_parent_class)->finalize (object);
}

static GParamSpec *
figure_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, -1, G_MAXINT64, -1, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
nb_review_item_class_init (NbReviewItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nb_review_item_finalize;
  object_class->get_property = nb_review_item_get_property;

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGAN] =
    g_param_spec_string ("organ", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = count_property ("year");
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* "reading", "ok", "errors" or "unreadable" */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] = count_property ("n-errors");
  properties[PROP_N_WARNINGS] = count_property ("n-warnings");
  properties[PROP_N_CHECKED] = count_property ("n-checked");
  properties[PROP_RECEIVED] = figure_property ("received");
  properties[PROP_RESULTS] = figure_property ("results");
  properties[PROP_CARRIED] = figure_property ("carried");
  properties[PROP_REVIEW] = figure_property ("review");
  properties[PROP_LITIGATION] = figure_property ("litigation");
  properties[PROP_PUNISHMENT] = figure_property ("punishment");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_review_item_init (NbReviewItem *self)
{
  for (guint f = 0; f < NB_REVIEW_N_FIGURES; f++)
    self->figures[f] = -1;
}

/**
 * nb_review_item_new:
 * @file: the report's file
 * @display_name: how the batch names it: its path under the folder
 *
 * Returns: (transfer full): a new item, not read yet
 */
NbReviewItem *
nb_review_item_new (GFile      *file,
                    const char *display_name)
{
  NbReviewItem *self = g_object_new (NB_TYPE_REVIEW_ITEM, NULL);

  self->file = g_object_ref (file);
  self->display_name = g_strdup (display_name);
  return self;
}

GFile *
nb_review_item_get_file (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);

  return self->file;
}

const char *
nb_review_item_get_display_name (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);

  return self->display_name;
}

/**
 * nb_review_item_get_report:
 * @self: a #NbReviewItem
 *
 * Returns: (transfer none) (nullable): the report, once read
 */
NbReport *
nb_review_item_get_report (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);

  return self->report;
}

/**
 * nb_review_item_set_report:
 * @self: a #NbReviewItem
 * @report: the report read from the file, or the one a window edits
 *
 * Runs the report's rules and reads its figures.
 */
void
nb_review_item_set_report (NbReviewItem *self,
                           NbReport     *report)
{
  g_return_if_fail (NB_IS_REVIEW_ITEM (self));
  g_return_if_fail (NB_IS_REPORT (report));

  g_set_object (&self->report, report);
  g_clear_pointer (&self->error, g_free);
  nb_review_item_update (self);
}

/**
 * nb_review_item_get_error:
 * @self: a #NbReviewItem
 *
 * Returns: (nullable): why the file could not be read
 */
const char *
nb_review_item_get_error (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);

  return self->error;
}

void
nb_review_item_set_error (NbReviewItem *self,
                          const char   *message)
{
  g_return_if_fail (NB_IS_REVIEW_ITEM (self));

  g_free (self->error);
  self->error = g_strdup (message);
  g_clear_object (&self->report);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
nb_review_item_get_organ (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);

  return self->report ? nb_report_get_organ (self->report) : "";
}

guint
nb_review_item_get_year (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), 0);

  return self->report ? nb_report_get_year (self->report) : 0;
}

/**
 * nb_review_item_get_kind:
 * @self: a #NbReviewItem
 *
 * Returns: the kind of file, translated, by its name's extension
 */
const char *
nb_review_item_get_kind (NbReviewItem *self)
{
  static const struct { const char *suffix; const char *kind; } kinds[] = {
    { ".nianbao.json", N_("Nianbao") }, { ".pdf", N_("PDF") }, { ".docx", N_("Word") },
    { ".doc", N_("Word") }, { ".wps", N_("Word") }, { ".xlsx", N_("Excel") }, { ".xls", N_("Excel") },
    { ".et", N_("Excel") }, { ".html", N_("Web page") }, { ".htm", N_("Web page") },
    { ".mhtml", N_("Web page") }, { ".mht", N_("Web page") },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);

  lower = g_ascii_strdown (self->display_name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_suffix (lower, kinds[i].suffix))
      return _(kinds[i].kind);
  return _("Text");
}

/**
 * nb_review_item_get_status:
 * @self: a #NbReviewItem
 *
 * Returns: "reading" until read, then "ok", "errors" or "unreadable", as
 *   `nianbao-cli check` names them
 */
const char *
nb_review_item_get_status (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), NULL);

  if (self->error != NULL)
    return "unreadable";
  if (self->report == NULL)
    return "reading";
  return self->n_errors > 0 ? "errors" : "ok";
}

guint
nb_review_item_get_n_errors (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), 0);

  return self->n_errors;
}

guint
nb_review_item_get_n_warnings (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), 0);

  return self->n_warnings;
}

guint
nb_review_item_get_n_checked (NbReviewItem *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), 0);

  return self->n_checked;
}

/**
 * nb_review_item_set_counts:
 * @self: a #NbReviewItem
 * @n_errors: unchecked errors
 * @n_warnings: unchecked warnings
 * @n_checked: findings a reviewer marked as checked
 *
 * For a report whose rules run elsewhere: in the window that edits it.
 */
void
nb_review_item_set_counts (NbReviewItem *self,
                           guint         n_errors,
                           guint         n_warnings,
                           guint         n_checked)
{
  g_return_if_fail (NB_IS_REVIEW_ITEM (self));

  self->n_errors = n_errors;
  self->n_warnings = n_warnings;
  self->n_checked = n_checked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHECKED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * nb_review_item_get_figure:
 * @self: a #NbReviewItem
 * @figure: which
 *
 * Returns: the figure, or -1 when the report does not state it
 */
gint64
nb_review_item_get_figure (NbReviewItem   *self,
                           NbReviewFigure  figure)
{
  g_return_val_if_fail (NB_IS_REVIEW_ITEM (self), -1);
  g_return_val_if_fail (figure < NB_REVIEW_N_FIGURES, -1);

  return self->figures[figure];
}

/**
 * nb_review_item_update:
 * @self: a #NbReviewItem
 *
 * Reads the report's organ, year and figures again and re-runs its
 * rules, after an edit.
 */
void
nb_review_item_update (NbReviewItem *self)
{
  g_autoptr(NbValidator) validator = NULL;
  guint n_checked = 0;

  g_return_if_fail (NB_IS_REVIEW_ITEM (self));

  if (self->report == NULL)
    return;
  validator = nb_validator_new (self->report);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (validator)); i++)
    {
      g_autoptr(NbDiagnostic) diagnostic = g_list_model_get_item (G_LIST_MODEL (validator), i);

      n_checked += nb_diagnostic_get_checked (diagnostic) != NULL;
    }
  for (guint f = 0; f < NB_REVIEW_N_FIGURES; f++)
    self->figures[f] = read_figure (self->report, f);
  g_object_freeze_notify (G_OBJECT (self));
  nb_review_item_set_counts (self, nb_validator_get_n_errors (validator),
                             nb_validator_get_n_warnings (validator), n_checked);
  for (guint p = PROP_DISPLAY_NAME; p < N_PROPS; p++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[p]);
  g_object_thaw_notify (G_OBJECT (self));
}
