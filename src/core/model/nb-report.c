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

/* The undo history. A step holds the changes of one user action; the
 * state right after a step is named by the step's serial, so that the
 * save point survives undo, redo and the dropping of the oldest steps. A
 * step that changes gets a new serial: a serial always names one state. */
#define SERIAL_NONE G_MAXUINT64

typedef enum
{
  TARGET_CELL,
  TARGET_SECTION,
  TARGET_TITLE,
  TARGET_ORGAN,
  TARGET_YEAR,
  TARGET_CHECKED,
  TARGET_ORIGIN,     /* a cell's line and whether it was assigned by hand */
  TARGET_RESOLVED,   /* whether an import finding was dealt with */
} Target;

typedef struct
{
  Target   target;
  guint    index;          /* the cell or section */
  char    *before;         /* NULL for an empty cell */
  char    *after;
  GArray  *before_lines;   /* a section's source lines, which undo restores */
  guint    before_year;
  guint    after_year;
  char    *key;            /* a checked mark's key; before and after are its notes */
  guint    before_line;    /* TARGET_ORIGIN */
  guint    after_line;
  gboolean before_flag;    /* TARGET_ORIGIN: assigned; TARGET_RESOLVED */
  gboolean after_flag;
  int      number;         /* TARGET_ORIGIN: the source number assigned */
} Change;

typedef struct
{
  guint64  serial;
  gsize    size;           /* bytes of text held, for the history bound */
  GArray  *changes;        /* Change, in the order made */
} Step;

struct _NbReport
{
  GObject      parent_instance;

  NbTemplate  *template;
  const NbTemplateCell *template_cells;  /* the template's, by cell */
  const char * const *marks;             /* the template's */
  char        *organ;
  char        *title;
  guint        year;

  GQueue       undo_steps;     /* Step, oldest first */
  GQueue       redo_steps;     /* Step, the next to redo last */
  gsize        undo_size;
  guint64      next_serial;
  guint64      base_serial;    /* the state with nothing left to undo */
  guint64      saved_serial;   /* the state last saved, or SERIAL_NONE */
  Step        *group_step;     /* the open group's step, once it has a change */
  guint        group_depth;
  guint        replaying;      /* undo or redo is applying a step */
  gboolean     merge_open;     /* the last step takes the next change to its target */
  gboolean     modified;       /* these three as last notified */
  gboolean     can_undo;
  gboolean     can_redo;

  /* Cells live in one plain array so that import and validation never
   * create objects; NbCell wrappers are made on demand for widgets. */
  NbCellData  *cells;
  guint        n_cells;
  GStringChunk *loaded_texts;  /* imported cell texts, freed together */
  NbCell     **cell_objects;

  char       **sections;       /* by template section; NULL for tables */
  gsize       *section_lengths; /* strlen() of each, kept for the rules */
  GArray     **section_lines;  /* source line of each text line, or NULL */
  GPtrArray   *import_diagnostics;
  JsonNode    *extensions;     /* kept and written back unchanged */
  GArray      *places;         /* NbPlace by source line (piece id), or NULL */
  GArray      *headings;       /* NbHeading as read, or NULL when not read from text */
  GHashTable  *checked;        /* diagnostic key → the reviewer's note */
  GArray      *numbers;        /* NbSourceNumber, in reading order */
  GStringChunk *number_texts;  /* their texts: one block, not one each */
  GArray      *resolved;       /* gboolean by import finding */
  GPtrArray   *digit_readings; /* NbDigitReadings, or NULL */
  char        *source_name;    /* the file imported, for the canonical file */
  char        *source_path;
  char        *source_sha256;
  guint64      source_size;
};

G_DEFINE_FINAL_TYPE (NbReport, nb_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEMPLATE,
  PROP_ORGAN,
  PROP_TITLE,
  PROP_YEAR,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CELL_CHANGED,
  SECTION_CHANGED,
  CHECKED_CHANGED,
  IMPORT_RESOLVED,
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

/* Frees the cell's text unless the report does not own it alone: text
 * in the chunk of loaded texts, or a shared digit. */
static inline void
drop_cell_text (NbCellData *data)
{
  if (!data->loaded && data->text != NULL)
    g_free (data->text);
}

/* Takes @text, which nb_number_normalize() made; @length is its length,
 * or -1. */
static inline void
take_cell_text (NbReport *self,
                guint     cell,
                char     *text,
                gssize    length)
{
  NbCellData *data = &self->cells[cell];
  const NbTemplateCell *template_cell = &self->template_cells[cell];
  gint64 value;

  drop_cell_text (data);
  data->loaded = FALSE;
  data->text = text;
  data->state = nb_number_parse_with_unit (data->text, length, template_cell->kind,
                                           self->marks,
                                           (const char * const *) template_cell->units,
                                           &value, NULL);
  data->value = value;
}

static const char shared_digits[10][2] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };

/* A single digit, which most cells of most reports are ("0"), reads as
 * itself in every kind, whatever the cell's units and marks (a unit
 * follows a digit, a mark never starts with one): it needs no parse, and
 * its text is a shared one, never written to. */
static inline void
store_digit (NbReport *self,
             guint     cell,
             char      digit)
{
  NbCellData *data = &self->cells[cell];
  gint64 value = digit - '0';

  drop_cell_text (data);
  data->text = (char *) shared_digits[digit - '0'];
  data->loaded = TRUE;
  data->state = NB_CELL_STATE_VALUE;
  data->value = self->template_cells[cell].kind == NB_CELL_KIND_AMOUNT ?
                value * NB_AMOUNT_SCALE : value;
}

/* An imported cell's text is copied into one chunk for the whole report
 * rather than into a block of its own: two hundred allocations fewer per
 * import, and as many fewer frees. */
static void
store_cell (NbReport   *self,
            guint       cell,
            const char *text,
            gssize      length)
{
  gsize n = text == NULL ? 0 : length < 0 ? strlen (text) : (gsize) length;
  const char *start;
  char *stored = NULL;

  /* the trim of a token without blanks, as most are, is one test */
  start = text == NULL ? NULL : nb_number_trim (text, &n);
  if (n == 1 && g_ascii_isdigit (*start))
    {
      store_digit (self, cell, *start);
      return;
    }
  if (n > 0)
    {
      if (self->loaded_texts == NULL)
        self->loaded_texts = g_string_chunk_new (1024);
      stored = g_string_chunk_insert_len (self->loaded_texts, start, n);
    }
  take_cell_text (self, cell, stored, n);
  self->cells[cell].loaded = stored != NULL;
}

/* The internal path of every change, for the setters and for undo and
 * redo alike: the same signals and notifications in either case. */

/* Takes @text, which differs from the cell's. */
static void
apply_cell (NbReport *self,
            guint     cell,
            char     *text)
{
  take_cell_text (self, cell, text, -1);
  if (self->cell_objects != NULL && self->cell_objects[cell] != NULL)
    nb_cell_notify_changed (self->cell_objects[cell]);
  g_signal_emit (self, signals[CELL_CHANGED], 0, cell);
}

/* Takes @text and @lines (nullable). */
static void
apply_section (NbReport *self,
               guint     section,
               char     *text,
               GArray   *lines)
{
  g_free (self->sections[section]);
  self->sections[section] = text;
  self->section_lengths[section] = strlen (text);
  g_clear_pointer (&self->section_lines[section], g_array_unref);
  self->section_lines[section] = lines;
  g_signal_emit (self, signals[SECTION_CHANGED], 0, section);
}

static void
apply_year (NbReport *self,
            guint     year)
{
  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

static void
apply_checked (NbReport   *self,
               const char *key,
               const char *note)
{
  if (note != NULL)
    g_hash_table_replace (self->checked, g_strdup (key), g_strdup (note));
  else
    g_hash_table_remove (self->checked, key);
  g_signal_emit (self, signals[CHECKED_CHANGED], 0);
}

static void
apply_origin (NbReport *self,
              guint     cell,
              guint     line,
              gboolean  assigned)
{
  self->cells[cell].line = line;
  self->cells[cell].assigned = assigned;
  if (self->cell_objects != NULL && self->cell_objects[cell] != NULL)
    nb_cell_notify_changed (self->cell_objects[cell]);
}

static void
apply_resolved (NbReport *self,
                guint     index,
                gboolean  resolved)
{
  if (self->resolved->len < self->import_diagnostics->len)
    g_array_set_size (self->resolved, self->import_diagnostics->len);
  g_array_index (self->resolved, gboolean, index) = resolved;
  g_signal_emit (self, signals[IMPORT_RESOLVED], 0, index);
}

static void
apply_change (NbReport     *self,
              const Change *change,
              gboolean      undo)
{
  const char *text = undo ? change->before : change->after;

  switch (change->target)
    {
    case TARGET_CELL:
      if (g_strcmp0 (text, self->cells[change->index].text) != 0)
        apply_cell (self, change->index, g_strdup (text));
      break;
    case TARGET_SECTION:
      if (g_strcmp0 (text, self->sections[change->index]) != 0)
        apply_section (self, change->index, g_strdup (text),
                       undo && change->before_lines != NULL ? g_array_ref (change->before_lines) : NULL);
      break;
    case TARGET_TITLE:
      if (set_string (&self->title, text))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      break;
    case TARGET_ORGAN:
      if (set_string (&self->organ, text))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGAN]);
      break;
    case TARGET_YEAR:
      apply_year (self, undo ? change->before_year : change->after_year);
      break;
    case TARGET_CHECKED:
      apply_checked (self, change->key, text);
      break;
    case TARGET_ORIGIN:
      apply_origin (self, change->index, undo ? change->before_line : change->after_line,
                    undo ? change->before_flag : change->after_flag);
      if (change->number >= 0)
        g_array_index (self->numbers, NbSourceNumber, change->number).cell =
          undo ? -1 : (int) change->index;
      break;
    case TARGET_RESOLVED:
      apply_resolved (self, change->index, undo ? change->before_flag : change->after_flag);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* History */

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_pointer (&change->before, g_free);
  g_clear_pointer (&change->after, g_free);
  g_clear_pointer (&change->before_lines, g_array_unref);
  g_clear_pointer (&change->key, g_free);
}

static gsize
change_size (const Change *change)
{
  return sizeof (Change) +
         (change->before != NULL ? strlen (change->before) : 0) +
         (change->after != NULL ? strlen (change->after) : 0);
}

static gboolean
change_is_noop (const Change *change)
{
  if (change->target == TARGET_YEAR)
    return change->before_year == change->after_year;
  if (change->target == TARGET_CHECKED)
    return FALSE;
  if (change->target == TARGET_ORIGIN)
    return change->before_line == change->after_line &&
           change->before_flag == change->after_flag;
  if (change->target == TARGET_RESOLVED)
    return change->before_flag == change->after_flag;
  return g_strcmp0 (change->before, change->after) == 0;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_array_unref (step->changes);
  g_free (step);
}

static guint64
current_serial (NbReport *self)
{
  Step *top = g_queue_peek_tail (&self->undo_steps);

  return top != NULL ? top->serial : self->base_serial;
}

/* Notifies what a change, an undo or a save did to the history. */
static void
update_history (NbReport *self)
{
  gboolean can_undo = !g_queue_is_empty (&self->undo_steps);
  gboolean can_redo = !g_queue_is_empty (&self->redo_steps);
  gboolean modified = current_serial (self) != self->saved_serial;

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static void
drop_oldest (NbReport *self)
{
  /* the newest step stays, however large: it may be an open group */
  while (self->undo_steps.length > 1 &&
         (self->undo_steps.length > NB_REPORT_HISTORY_STEPS ||
          self->undo_size > NB_REPORT_HISTORY_BYTES))
    {
      Step *oldest = g_queue_pop_head (&self->undo_steps);

      self->base_serial = oldest->serial;
      self->undo_size -= oldest->size;
      step_free (oldest);
    }
}

/* Records a change a setter is about to apply, and takes its contents.
 * When the change takes its target back to where the step it merges into
 * found it, that step goes, and @change->before_lines gets the step's
 * source lines back for the caller to restore. */
static void
record (NbReport *self,
        Change   *change)
{
  Step *top = g_queue_peek_tail (&self->undo_steps);
  Change *last = NULL;

  /* a handler that changes the report during undo or redo: not a step */
  if (self->replaying > 0)
    {
      change_clear (change);
      return;
    }
  g_queue_clear_full (&self->redo_steps, step_free);

  /* typing into one cell is one step, until sealed; never merge into the
   * saved state, so that undo can still go back to it */
  if (self->group_depth == 0 && self->merge_open && top != NULL &&
      top->serial != self->saved_serial && top->changes->len == 1)
    last = &g_array_index (top->changes, Change, 0);
  if (last != NULL && last->target == change->target && last->index == change->index)
    {
      self->undo_size -= top->size;
      g_free (last->after);
      last->after = g_steal_pointer (&change->after);
      last->after_year = change->after_year;
      change_clear (change);
      if (change_is_noop (last))
        {
          change->before_lines = g_steal_pointer (&last->before_lines);
          step_free (g_queue_pop_tail (&self->undo_steps));
          self->merge_open = FALSE;
          return;
        }
      top->size = change_size (last);
      top->serial = ++self->next_serial;
      self->undo_size += top->size;
      return;
    }

  if (self->group_depth > 0 && self->group_step != NULL)
    {
      top = self->group_step;
      top->serial = ++self->next_serial;
    }
  else
    {
      top = g_new0 (Step, 1);
      top->serial = ++self->next_serial;
      top->changes = g_array_sized_new (FALSE, FALSE, sizeof (Change), 1);
      g_array_set_clear_func (top->changes, change_clear);
      g_queue_push_tail (&self->undo_steps, top);
      if (self->group_depth > 0)
        self->group_step = top;
      else
        self->merge_open = TRUE;
    }
  top->size += change_size (change);
  self->undo_size += change_size (change);
  g_array_append_val (top->changes, *change);
  memset (change, 0, sizeof *change);
  drop_oldest (self);
}

/* Applies @step's changes backwards (undo) or forwards (redo). */
static void
replay (NbReport *self,
        Step     *step,
        gboolean  undo)
{
  guint n = step->changes->len;

  self->replaying++;
  for (guint i = 0; i < n; i++)
    apply_change (self, &g_array_index (step->changes, Change, undo ? n - 1 - i : i), undo);
  self->replaying--;
}

static void
set_header_text (NbReport   *self,
                 Target      target,
                 const char *text)
{
  char **field = target == TARGET_TITLE ? &self->title : &self->organ;
  Change change = { .target = target };

  if (text == NULL)
    text = "";
  if (g_str_equal (*field, text))
    return;
  change.before = g_strdup (*field);
  change.after = g_strdup (text);
  record (self, &change);
  set_string (field, text);
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[target == TARGET_TITLE ? PROP_TITLE : PROP_ORGAN]);
  update_history (self);
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
  self->template_cells = nb_template_peek_cells (self->template);
  self->marks = nb_template_get_marks (self->template);
  self->cells = g_new0 (NbCellData, self->n_cells);
  n_sections = nb_template_get_n_sections (self->template);
  self->sections = g_new0 (char *, n_sections + 1);
  self->section_lengths = g_new0 (gsize, n_sections);
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
    drop_cell_text (&self->cells[i]);
  g_free (self->cells);
  g_clear_pointer (&self->loaded_texts, g_string_chunk_free);
  for (guint i = 0; i < n_sections; i++)
    {
      g_free (self->sections[i]);
      g_clear_pointer (&self->section_lines[i], g_array_unref);
    }
  g_free (self->sections);
  g_free (self->section_lengths);
  g_free (self->section_lines);
  g_free (self->organ);
  g_free (self->title);
  g_queue_clear_full (&self->undo_steps, step_free);
  g_queue_clear_full (&self->redo_steps, step_free);
  g_clear_pointer (&self->extensions, json_node_unref);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->checked, g_hash_table_unref);
  g_array_unref (self->numbers);
  g_clear_pointer (&self->number_texts, g_string_chunk_free);
  g_array_unref (self->resolved);
  g_clear_pointer (&self->digit_readings, g_ptr_array_unref);
  g_free (self->source_name);
  g_free (self->source_path);
  g_free (self->source_sha256);
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
      g_value_set_boolean (value, nb_report_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, nb_report_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, nb_report_get_can_redo (self));
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
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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

  /**
   * NbReport::checked-changed:
   * @self: the report
   *
   * Emitted after a finding was marked checked or reopened (by the
   * reviewer, by undo or redo, or by a change to one of its cells).
   */
  signals[CHECKED_CHANGED] =
    g_signal_new ("checked-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * NbReport::import-resolved:
   * @self: the report
   * @index: the index of the import finding, in
   *   nb_report_get_import_diagnostics()
   *
   * Emitted when an import finding was dealt with (its numbers used), or
   * came back by undo.
   */
  signals[IMPORT_RESOLVED] =
    g_signal_new ("import-resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__UINT,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}


static void
nb_report_init (NbReport *self)
{
  self->organ = g_strdup ("");
  self->title = g_strdup ("");
  self->import_diagnostics = g_ptr_array_new_with_free_func (g_object_unref);
  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->numbers = g_array_new (FALSE, FALSE, sizeof (NbSourceNumber));
  self->resolved = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_queue_init (&self->undo_steps);
  g_queue_init (&self->redo_steps);
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
  g_return_if_fail (organ == NULL || g_utf8_validate (organ, -1, NULL));

  set_header_text (self, TARGET_ORGAN, organ);
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
  g_return_if_fail (title == NULL || g_utf8_validate (title, -1, NULL));

  set_header_text (self, TARGET_TITLE, title);
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
  Change change = { .target = TARGET_YEAR };

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (year <= 9999);

  if (self->year == year)
    return;
  change.before_year = self->year;
  change.after_year = year;
  record (self, &change);
  apply_year (self, year);
  update_history (self);
}

/**
 * nb_report_get_modified:
 * @self: a #NbReport
 *
 * Returns: %TRUE when the report is not in the state last saved (or
 *   imported); undoing back to that state makes it %FALSE again
 */
gboolean
nb_report_get_modified (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  return current_serial (self) != self->saved_serial;
}

/**
 * nb_report_set_modified:
 * @self: a #NbReport
 * @modified: %FALSE once the report was saved
 *
 * %FALSE makes the current state the save point. %TRUE forgets the save
 * point, so that no undo or redo clears the flag until the next save.
 */
void
nb_report_set_modified (NbReport *self,
                        gboolean  modified)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (!modified)
    self->saved_serial = current_serial (self);
  else if (!nb_report_get_modified (self))
    self->saved_serial = SERIAL_NONE;
  update_history (self);
}

gboolean
nb_report_get_can_undo (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  return !g_queue_is_empty (&self->undo_steps);
}

gboolean
nb_report_get_can_redo (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  return !g_queue_is_empty (&self->redo_steps);
}

/**
 * nb_report_undo:
 * @self: a #NbReport
 *
 * Takes back the last step: the changes of one group, or the changes to
 * one target since the last nb_report_seal_undo(). The texts go back
 * through the same path as an edit, so #NbReport::cell-changed,
 * #NbReport::section-changed and the notifications follow as for one.
 *
 * Returns: %TRUE when there was a step to undo
 */
gboolean
nb_report_undo (NbReport *self)
{
  Step *step;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (self->replaying == 0, FALSE);

  if ((step = g_queue_pop_tail (&self->undo_steps)) == NULL)
    return FALSE;
  self->undo_size -= step->size;
  g_queue_push_tail (&self->redo_steps, step);
  self->merge_open = FALSE;
  replay (self, step, TRUE);
  update_history (self);
  return TRUE;
}

/**
 * nb_report_redo:
 * @self: a #NbReport
 *
 * Makes the step last undone again; any other change forgets the steps
 * undone.
 *
 * Returns: %TRUE when there was a step to redo
 */
gboolean
nb_report_redo (NbReport *self)
{
  Step *step;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (self->replaying == 0, FALSE);

  if ((step = g_queue_pop_tail (&self->redo_steps)) == NULL)
    return FALSE;
  self->undo_size += step->size;
  g_queue_push_tail (&self->undo_steps, step);
  self->merge_open = FALSE;
  replay (self, step, FALSE);
  update_history (self);
  return TRUE;
}

/**
 * nb_report_begin_group:
 * @self: a #NbReport
 *
 * Starts a group: every change until the matching nb_report_end_group()
 * is undone and redone as one step. Groups nest; the outermost counts.
 */
void
nb_report_begin_group (NbReport *self)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (self->group_depth++ == 0)
    self->group_step = NULL;
}

void
nb_report_end_group (NbReport *self)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    {
      self->group_step = NULL;
      self->merge_open = FALSE;
    }
}

/**
 * nb_report_seal_undo:
 * @self: a #NbReport
 *
 * Ends the current undo step. Until then, consecutive changes to one
 * target (a cell, a section, the title, the organ or the year) are one
 * step, so typing "123" into a cell undoes at once; call this when the
 * focus leaves the target.
 */
void
nb_report_seal_undo (NbReport *self)
{
  g_return_if_fail (NB_IS_REPORT (self));

  self->merge_open = FALSE;
}

static void set_resolved (NbReport *self,
                          guint     index);

/**
 * nb_report_apply_fix:
 * @self: a #NbReport
 * @diagnostic: a current diagnostic of a #NbValidator that follows @self
 *
 * Sets the cell named by nb_diagnostic_get_fix() to its value, as one
 * undo step.
 *
 * Returns: %TRUE when @diagnostic has a fix
 */
gboolean
nb_report_apply_fix (NbReport     *self,
                     NbDiagnostic *diagnostic)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (diagnostic), FALSE);

  /* the validator's one fix of a total is its first */
  return nb_diagnostic_get_fix (diagnostic, NULL, NULL) &&
         nb_report_apply_nth_fix (self, diagnostic, 0);
}

/**
 * nb_report_apply_nth_fix:
 * @self: a #NbReport
 * @diagnostic: a current diagnostic of @self's validator, or one of its
 *   import findings
 * @index: which of its fixes (nb_diagnostic_get_nth_fix())
 *
 * Sets every cell of the fix to its text, as one undo step. An import
 * finding so dealt with is settled (#NbReport::import-resolved) in the
 * same step, so Undo brings both back.
 *
 * Returns: %TRUE when @diagnostic has that fix
 */
gboolean
nb_report_apply_nth_fix (NbReport     *self,
                         NbDiagnostic *diagnostic,
                         guint         index)
{
  g_autoptr(NbDiagnostic) held = NULL;
  const NbFix *fix;
  guint found;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (diagnostic), FALSE);

  if (index >= nb_diagnostic_get_n_fixes (diagnostic))
    return FALSE;
  /* the first cell set may clear the finding from the validator's list */
  held = g_object_ref (diagnostic);
  fix = nb_diagnostic_get_nth_fix (diagnostic, index);
  for (guint i = 0; i < fix->n_cells; i++)
    g_return_val_if_fail (fix->cells[i] < self->n_cells, FALSE);

  nb_report_begin_group (self);
  for (guint i = 0; i < fix->n_cells; i++)
    nb_report_set_cell_text (self, fix->cells[i], fix->texts[i]);
  if (g_ptr_array_find (self->import_diagnostics, diagnostic, &found) &&
      !nb_report_get_import_resolved (self, found))
    set_resolved (self, found);
  nb_report_end_group (self);
  update_history (self);
  return TRUE;
}

/**
 * nb_report_fill_empty:
 * @self: a #NbReport
 * @table_id: a table id such as `t3`
 *
 * Writes 0 into every empty or marked cell of the table, as the form asks,
 * as one undo step. Invalid cells are left as they are.
 *
 * Returns: the number of cells changed
 */
guint
nb_report_fill_empty (NbReport   *self,
                      const char *table_id)
{
  NbTemplateTable *table;
  guint n = 0;

  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  g_return_val_if_fail (table_id != NULL, 0);

  table = nb_template_lookup_table (self->template, table_id);
  g_return_val_if_fail (table != NULL, 0);

  nb_report_begin_group (self);
  for (guint cell = table->first_cell; cell < table->first_cell + table->n_cells; cell++)
    if (self->cells[cell].state == NB_CELL_STATE_EMPTY ||
        self->cells[cell].state == NB_CELL_STATE_MARK)
      {
        nb_report_set_cell_text (self, cell, "0");
        n++;
      }
  nb_report_end_group (self);
  return n;
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
  Change change = { .target = TARGET_SECTION };
  int section;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  section = lookup_section (self, section_id);
  if (text == NULL)
    text = "";
  if (section < 0 || g_str_equal (self->sections[section], text))
    return;
  change.index = section;
  change.before = g_strdup (self->sections[section]);
  change.after = g_strdup (text);
  if (self->section_lines[section] != NULL)
    change.before_lines = g_array_ref (self->section_lines[section]);
  record (self, &change);
  apply_section (self, section, g_strdup (text), g_steal_pointer (&change.before_lines));
  update_history (self);
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
  const char *end;
  guint line = 0;

  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  g_return_val_if_fail (section < nb_template_get_n_sections (self->template), 0);

  lines = self->section_lines[section];
  text = self->sections[section];
  if (lines == NULL || text == NULL)
    return 0;
  /* the line breaks before @offset (or the end of the text), found a
   * memchr() at a time rather than a byte at a time */
  end = text + strnlen (text, offset);
  for (const char *p = text; (p = memchr (p, '\n', end - p)) != NULL; p++)
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
 * nb_report_get_cell_place:
 * @self: a #NbReport
 * @cell: a cell index
 *
 * Where in a web page, document or PDF the cell's text was read from, for
 * a tooltip such as "Imported from page 3".
 *
 * Returns: (transfer full) (nullable): the place, translated ("page 3",
 *   "table 3, row 7, column 4"), or %NULL for a cell read from text, from
 *   a canonical file, or never filled
 */
char *
nb_report_get_cell_place (NbReport *self,
                          guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (cell < self->n_cells, NULL);

  return nb_place_describe (nb_report_peek_place (self, self->cells[cell].line));
}

static gboolean
key_names_cell (const char *key,
                const char *address)
{
  gsize length = strlen (address);

  for (const char *line = strchr (key, '\n'); line != NULL; line = strchr (line + 1, '\n'))
    if (strncmp (line + 1, address, length) == 0 &&
        (line[1 + length] == '\n' || line[1 + length] == '\0'))
      return TRUE;
  return FALSE;
}

static void
record_checked (NbReport   *self,
                const char *key,
                const char *note)
{
  Change change = { .target = TARGET_CHECKED };

  change.key = g_strdup (key);
  change.before = g_strdup (g_hash_table_lookup (self->checked, key));
  change.after = g_strdup (note);
  record (self, &change);
}

/* A finding marked checked opens again when one of its cells changes; the
 * marks go in the same undo step as the change, which then is a group
 * that the caller ends. Returns whether it began one. */
static gboolean
reopen_for_cell (NbReport *self,
                 guint     cell)
{
  const char *address = nb_template_get_cell_address (self->template, cell);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->checked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (key_names_cell (key, address))
      g_ptr_array_add (keys, g_strdup (key));
  if (keys->len == 0)
    return FALSE;

  nb_report_begin_group (self);
  for (guint i = 0; i < keys->len; i++)
    {
      record_checked (self, g_ptr_array_index (keys, i), NULL);
      apply_checked (self, g_ptr_array_index (keys, i), NULL);
    }
  return TRUE;
}

/**
 * nb_report_set_cell_text:
 * @self: a #NbReport
 * @cell: a cell index
 * @text: (nullable): the new text, kept as written even when invalid
 *
 * Emits #NbReport::cell-changed when the text changes, and records the
 * change for nb_report_undo().
 */
void
nb_report_set_cell_text (NbReport   *self,
                         guint       cell,
                         const char *text)
{
  g_autofree char *normalized = NULL;
  Change change = { .target = TARGET_CELL };
  gboolean reopened;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (cell < self->n_cells);
  /* the canonical file is UTF-8: a caller's stray bytes are its bug */
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  normalized = nb_number_normalize (text, -1);
  if (g_strcmp0 (normalized, self->cells[cell].text) == 0)
    return;

  change.index = cell;
  change.before = g_strdup (self->cells[cell].text);
  change.after = g_strdup (normalized);
  reopened = reopen_for_cell (self, cell);
  record (self, &change);
  apply_cell (self, cell, g_steal_pointer (&normalized));
  if (reopened)
    nb_report_end_group (self);
  update_history (self);
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

/* strlen() of nb_report_peek_section(), kept as the text is set: the
 * rules would otherwise measure the same text once per rule. 0 for a
 * table's section. */
gsize
nb_report_peek_section_length (NbReport *self,
                               guint     section)
{
  return self->section_lengths[section];
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

/* What a reader found of the header: like the setters, but no undo
 * step, which the import would only clear again. @organ %NULL leaves the
 * organ and the year as they are. */
void
nb_report_load_header (NbReport   *self,
                       const char *title,
                       const char *organ,
                       guint       year)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (title == NULL || g_utf8_validate (title, -1, NULL));
  g_return_if_fail (organ == NULL || g_utf8_validate (organ, -1, NULL));
  g_return_if_fail (year <= 9999);

  if (set_string (&self->title, title != NULL ? title : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (organ == NULL)
    return;
  apply_year (self, year);
  if (set_string (&self->organ, organ))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGAN]);
}

/* Takes @places: a reader's places by source line, for a file that is not
 * text. */
void
nb_report_set_places (NbReport *self,
                      GArray   *places)
{
  g_clear_pointer (&self->places, g_array_unref);
  self->places = places;
}

const NbPlace *
nb_report_peek_place (NbReport *self,
                      guint     line)
{
  if (self->places == NULL || line == 0 || line >= self->places->len)
    return NULL;
  return &g_array_index (self->places, NbPlace, line);
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
  self->section_lengths[section] = strlen (text);
  g_clear_pointer (&self->section_lines[section], g_array_unref);
  self->section_lines[section] = lines;
}

/* Called once a report is read: what reading it set is not an edit to
 * undo, and the state read is the save point. */
void
nb_report_clear_history (NbReport *self)
{
  g_return_if_fail (self->replaying == 0);

  g_queue_clear_full (&self->undo_steps, step_free);
  g_queue_clear_full (&self->redo_steps, step_free);
  self->undo_size = 0;
  self->group_step = NULL;
  self->merge_open = FALSE;
  self->base_serial = ++self->next_serial;
  self->saved_serial = self->base_serial;
  update_history (self);
}

/* Names the current state, for a save that finishes later. */
guint64
nb_report_get_state_id (NbReport *self)
{
  return current_serial (self);
}

/* Makes @state_id the save point; the report stays modified when it has
 * changed since. */
void
nb_report_mark_saved (NbReport *self,
                      guint64   state_id)
{
  self->saved_serial = state_id;
  update_history (self);
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

/**
 * nb_report_dup_cell_text:
 * @report: a report
 * @cell: a cell index
 *
 * Returns: (transfer full): the cell as a document shows it: a value as
 *   the canonical file writes it (ASCII digits, amounts without trailing
 *   zeros), a mark or invalid text as written, "" for an empty cell
 */
char *
nb_report_dup_cell_text (NbReport *report,
                         guint     cell)
{
  const NbCellData *data = &nb_report_peek_cells (report)[cell];

  switch (data->state)
    {
    case NB_CELL_STATE_VALUE:
      return nb_number_format (data->value,
                               nb_template_get_cell_kind (nb_report_get_template (report), cell));
    case NB_CELL_STATE_MARK:
    case NB_CELL_STATE_INVALID:
      return g_strdup (data->text);
    case NB_CELL_STATE_EMPTY:
    default:
      return g_strdup ("");
    }
}

/**
 * nb_report_dup_paragraphs:
 * @report: a report
 * @section: a section index
 *
 * Returns: (transfer full): a narrative section's paragraphs: its lines,
 *   stripped, without blank ones
 */
GStrv
nb_report_dup_paragraphs (NbReport *report,
                          guint     section)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (nb_report_peek_section (report, section), "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

/**
 * nb_report_get_checked:
 * @self: a #NbReport
 * @diagnostic: a finding of this report
 *
 * Returns: (nullable): the note of the reviewer's "checked" mark on
 *   @diagnostic ("" without a note), or %NULL when it is open
 */
const char *
nb_report_get_checked (NbReport     *self,
                       NbDiagnostic *diagnostic)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (NB_IS_DIAGNOSTIC (diagnostic), NULL);

  if (g_hash_table_size (self->checked) == 0)
    return NULL;
  key = nb_diagnostic_dup_key (diagnostic);
  return g_hash_table_lookup (self->checked, key);
}

/**
 * nb_report_set_checked:
 * @self: a #NbReport
 * @diagnostic: a finding of this report
 * @note: (nullable): the reviewer's note, or %NULL to open it again
 *
 * Marks @diagnostic as checked by a reviewer, tied to its rule and its
 * cells, as one undo step. The mark is saved with the report and goes
 * when one of the finding's cells changes.
 */
void
nb_report_set_checked (NbReport     *self,
                       NbDiagnostic *diagnostic,
                       const char   *note)
{
  g_autofree char *key = NULL;

  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (NB_IS_DIAGNOSTIC (diagnostic));
  g_return_if_fail (note == NULL || g_utf8_validate (note, -1, NULL));

  key = nb_diagnostic_dup_key (diagnostic);
  if (g_strcmp0 (note, g_hash_table_lookup (self->checked, key)) == 0)
    return;
  nb_report_begin_group (self);
  record_checked (self, key, note);
  apply_checked (self, key, note);
  nb_report_end_group (self);
  update_history (self);
}

/* The marks as the canonical file keeps them: key → note. */
GHashTable *
nb_report_peek_checked (NbReport *self)
{
  return self->checked;
}

void
nb_report_load_checked (NbReport   *self,
                        const char *key,
                        const char *note)
{
  g_hash_table_replace (self->checked, g_strdup (key), g_strdup (note != NULL ? note : ""));
}

/* The importer notes each section heading it read, with the numeral it
 * was written with, for the structure rules. */
void
nb_report_add_heading (NbReport *self,
                       guint     section,
                       guint     numeral,
                       guint     line)
{
  NbHeading heading = { section, numeral, line };

  /* room for one heading a section, which a report has: no growing */
  if (self->headings == NULL)
    self->headings = g_array_sized_new (FALSE, FALSE, sizeof (NbHeading),
                                        nb_template_get_n_sections (self->template));
  g_array_append_val (self->headings, heading);
}

const NbHeading *
nb_report_peek_headings (NbReport *self,
                         guint    *n_headings)
{
  *n_headings = self->headings != NULL ? self->headings->len : 0;
  return self->headings != NULL ? &g_array_index (self->headings, NbHeading, 0) : NULL;
}

gboolean
nb_report_has_headings (NbReport *self)
{
  return self->headings != NULL;
}

/* Source numbers */

/**
 * nb_report_get_source_numbers:
 * @self: a #NbReport
 * @n_numbers: (out): how many
 *
 * Every number the import read in the report's tables, in reading order,
 * with where it stands and the cell it went to; empty for a report typed
 * or read from a canonical file.
 *
 * Returns: (array length=n_numbers): the numbers
 */
const NbSourceNumber *
nb_report_get_source_numbers (NbReport *self,
                              guint    *n_numbers)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  *n_numbers = self->numbers->len;
  return (const NbSourceNumber *) self->numbers->data;
}

/* Adds @number with @text, copied, as its text. */
void
nb_report_add_source_number (NbReport             *self,
                             const NbSourceNumber *number,
                             const char           *text,
                             gsize                 length)
{
  NbSourceNumber copy = *number;

  if (self->number_texts == NULL)
    {
      /* a report's numbers are some 200 short texts */
      self->number_texts = g_string_chunk_new (2048);
      g_array_set_size (self->numbers, 256);
      g_array_set_size (self->numbers, 0);
    }
  copy.text = g_string_chunk_insert_len (self->number_texts, text, length);
  g_array_append_val (self->numbers, copy);
}

/**
 * nb_report_get_place:
 * @self: a #NbReport
 * @line: a source line: a piece id of the file the report was read from
 *
 * Returns: (nullable): where the piece is in the file (a page, a table
 *   cell), or %NULL for a text file, whose lines are their own places
 */
const NbPlace *
nb_report_get_place (NbReport *self,
                     guint     line)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  return nb_report_peek_place (self, line);
}

/**
 * nb_report_get_cell_assigned:
 * @self: a #NbReport
 * @cell: a cell index
 *
 * Returns: whether the cell holds a number the import left over, given to
 *   it by hand (nb_report_use_numbers())
 */
gboolean
nb_report_get_cell_assigned (NbReport *self,
                             guint     cell)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (cell < self->n_cells, FALSE);

  return self->cells[cell].assigned;
}

/**
 * nb_report_get_import_resolved:
 * @self: a #NbReport
 * @index: an index into nb_report_get_import_diagnostics()
 *
 * Returns: whether the finding was dealt with: its numbers were used
 */
gboolean
nb_report_get_import_resolved (NbReport *self,
                               guint     index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  return index < self->resolved->len && g_array_index (self->resolved, gboolean, index);
}

/**
 * nb_report_count_unused:
 * @self: a #NbReport
 * @problem: an import finding of @self
 *
 * Returns: how many numbers @problem left unused, 0 once they were used
 */
guint
nb_report_count_unused (NbReport     *self,
                        NbDiagnostic *problem)
{
  guint n = 0;

  g_return_val_if_fail (NB_IS_REPORT (self), 0);

  for (guint i = 0; i < self->numbers->len; i++)
    {
      NbSourceNumber *number = &g_array_index (self->numbers, NbSourceNumber, i);

      n += number->problem == problem && number->kind == NB_SOURCE_NUMBER_UNUSED &&
           number->cell < 0;
    }
  return n;
}

static void
set_origin (NbReport *self,
            guint     cell,
            guint     line,
            int       number)
{
  Change change = { .target = TARGET_ORIGIN, .index = cell, .number = number };

  change.before_line = self->cells[cell].line;
  change.before_flag = self->cells[cell].assigned;
  change.after_line = line;
  change.after_flag = TRUE;
  record (self, &change);
  apply_origin (self, cell, line, TRUE);
  g_array_index (self->numbers, NbSourceNumber, number).cell = cell;
}

static void
set_resolved (NbReport *self,
              guint     index)
{
  Change change = { .target = TARGET_RESOLVED, .index = index, .number = -1 };

  change.before_flag = nb_report_get_import_resolved (self, index);
  change.after_flag = TRUE;
  record (self, &change);
  apply_resolved (self, index, TRUE);
}

/* The row the numbers went to is no longer missing. */
static void
resolve_missing_row (NbReport *self,
                     guint     first_cell)
{
  for (guint i = 0; i < self->import_diagnostics->len; i++)
    {
      NbDiagnostic *found = g_ptr_array_index (self->import_diagnostics, i);
      guint n_cells;
      const guint *cells = nb_diagnostic_get_cell_indices (found, &n_cells);

      if (g_str_equal (nb_diagnostic_get_rule_id (found), "parse.missing-row") &&
          n_cells > 0 && cells[0] == first_cell && !nb_report_get_import_resolved (self, i))
        set_resolved (self, i);
    }
}

/**
 * nb_report_use_numbers:
 * @self: a #NbReport
 * @problem: an import finding of @self that left numbers unused
 * @first_cell: the first cell of the row to fill
 * @n_cells: how many cells the row has
 *
 * Puts the numbers @problem left unused into the row, in order, as one
 * undo step that also settles @problem, and the finding that the row was
 * missing if there is one: they leave the list of findings
 * (#NbReport::import-resolved) and the cells say they were assigned by
 * hand (nb_report_get_cell_assigned()). Numbers beyond @n_cells stay
 * unused.
 *
 * Returns: how many numbers were used
 */
guint
nb_report_use_numbers (NbReport     *self,
                       NbDiagnostic *problem,
                       guint         first_cell,
                       guint         n_cells)
{
  guint index, n = 0;

  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  g_return_val_if_fail (first_cell + n_cells <= self->n_cells, 0);

  if (!g_ptr_array_find (self->import_diagnostics, problem, &index) ||
      nb_report_count_unused (self, problem) == 0)
    return 0;

  nb_report_begin_group (self);
  for (guint i = 0; i < self->numbers->len && n < n_cells; i++)
    {
      NbSourceNumber *number = &g_array_index (self->numbers, NbSourceNumber, i);

      if (number->problem != problem || number->kind != NB_SOURCE_NUMBER_UNUSED ||
          number->cell >= 0)
        continue;
      set_origin (self, first_cell + n, number->line, i);
      nb_report_set_cell_text (self, first_cell + n, number->text);
      n++;
    }
  set_resolved (self, index);
  resolve_missing_row (self, first_cell);
  nb_report_end_group (self);
  update_history (self);
  return n;
}

/**
 * nb_report_get_source_file:
 * @self: a #NbReport
 * @size: (out) (optional): the file's size in bytes
 * @sha256: (out) (optional) (transfer none): its SHA-256, in hex
 * @path: (out) (optional) (transfer none) (nullable): where it was when
 *   it was read
 *
 * The file the report was imported from, so that a canonical file can
 * show it beside the form and never show a different one.
 *
 * Returns: (nullable): its name, or %NULL when unknown
 */
const char *
nb_report_get_source_file (NbReport     *self,
                           guint64      *size,
                           const char  **sha256,
                           const char  **path)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  if (size != NULL)
    *size = self->source_size;
  if (sha256 != NULL)
    *sha256 = self->source_sha256;
  if (path != NULL)
    *path = self->source_path;
  return self->source_name;
}

void
nb_report_set_source_file (NbReport   *self,
                           const char *name,
                           guint64     size,
                           const char *sha256,
                           const char *path)
{
  g_return_if_fail (NB_IS_REPORT (self));

  set_string (&self->source_name, name);
  set_string (&self->source_sha256, sha256);
  set_string (&self->source_path, path);
  self->source_size = size;
}

static void
digit_readings_free (gpointer data)
{
  NbDigitReadings *readings = data;

  g_free (readings->text);
  g_free (readings->values);
  g_strfreev (readings->quoted);
  g_free (readings);
}

/* Keeps the readings of a run of digits the import could not settle. */
void
nb_report_add_digit_readings (NbReport           *self,
                              const char         *text,
                              guint               line,
                              guint               first_cell,
                              guint               n_cells,
                              guint               n_readings,
                              const gint64       *values,
                              const char * const *quoted)
{
  NbDigitReadings *readings = g_new0 (NbDigitReadings, 1);

  g_return_if_fail (first_cell + n_cells <= self->n_cells);

  readings->text = g_strdup (text);
  readings->line = line;
  readings->first_cell = first_cell;
  readings->n_cells = n_cells;
  readings->n_readings = n_readings;
  readings->values = g_memdup2 (values, sizeof (gint64) * n_cells * n_readings);
  readings->quoted = g_strdupv ((char **) quoted);
  if (self->digit_readings == NULL)
    self->digit_readings = g_ptr_array_new_with_free_func (digit_readings_free);
  g_ptr_array_add (self->digit_readings, readings);
}

guint
nb_report_get_n_digit_readings (NbReport *self)
{
  return self->digit_readings != NULL ? self->digit_readings->len : 0;
}

const NbDigitReadings *
nb_report_get_digit_readings (NbReport *self,
                              guint     index)
{
  g_return_val_if_fail (index < nb_report_get_n_digit_readings (self), NULL);
  return g_ptr_array_index (self->digit_readings, index);
}
