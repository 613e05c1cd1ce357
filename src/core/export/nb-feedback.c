/* nb-feedback.c — letters to the units of a batch: what to correct
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-feedback"

#include "config.h"

#include "nb-feedback.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-csv.h"
#include "nb-docx-writer.h"
#include "nb-organ-name.h"
#include "nb-validator.h"

/* The office sends each unit what it must correct: the errors and
 * warnings of its own report, with their place in words and their
 * numbers, and the batch's findings about it (no report, two reports,
 * text shared with another unit). Information-level findings are the
 * office's own business and stay out; so do findings a reviewer marked
 * as checked. Letters come in the order of the organs' names, each
 * finding in its report's order: the same batch gives the same bytes. */

typedef struct
{
  NbSeverity  severity;
  char       *rule_id;
  char       *place;     /* may be NULL */
  char       *message;
  char       *file;      /* may be NULL */
} Item;

typedef struct
{
  char      *organ;
  char      *key;     /* nb_organ_name_fold() */
  GPtrArray *files;   /* char * */
  GArray    *items;   /* Item */
} Letter;

struct _NbFeedback
{
  GObject    parent_instance;

  guint      year;
  GPtrArray *letters;   /* Letter */
};

G_DEFINE_FINAL_TYPE (NbFeedback, nb_feedback, G_TYPE_OBJECT)

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->rule_id);
  g_free (item->place);
  g_free (item->message);
  g_free (item->file);
}

static void
letter_free (gpointer data)
{
  Letter *letter = data;

  g_free (letter->organ);
  g_free (letter->key);
  g_ptr_array_unref (letter->files);
  g_array_unref (letter->items);
  g_free (letter);
}

static void
nb_feedback_finalize (GObject *object)
{
  NbFeedback *self = (NbFeedback *) object;

  g_ptr_array_unref (self->letters);

  G_OBJECT_CLASS (nb_feedback_parent_class)->finalize (object);
}

static void
nb_feedback_class_init (NbFeedbackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nb_feedback_finalize;
}

static void
nb_feedback_init (NbFeedback *self)
{
  self->letters = g_ptr_array_new_with_free_func (letter_free);
}

static Letter *
letter_for (NbFeedback *self,
            const char *organ)
{
  g_autofree char *key = nb_organ_name_fold (organ);
  Letter *letter;

  for (guint i = 0; i < self->letters->len; i++)
    {
      letter = g_ptr_array_index (self->letters, i);
      if (nb_organ_name_match_folded (letter->key, key))
        return letter;
    }
  letter = g_new0 (Letter, 1);
  letter->organ = g_strdup (organ);
  letter->key = g_steal_pointer (&key);
  letter->files = g_ptr_array_new_with_free_func (g_free);
  letter->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (letter->items, item_clear);
  g_ptr_array_add (self->letters, letter);
  return letter;
}

static void
add_item (Letter     *letter,
          NbSeverity  severity,
          const char *rule_id,
          char       *place,
          const char *message,
          const char *file)
{
  Item item = { severity, g_strdup (rule_id), place, g_strdup (message), g_strdup (file) };

  g_array_append_val (letter->items, item);
}

/* "page 3", "第 42 行", or the cell's row and column */
static char *
describe_place (NbReport     *report,
                NbDiagnostic *diagnostic)
{
  guint n_cells;
  const guint *cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);
  const char *cell_label = n_cells > 0 ? nb_template_get_cell_label (nb_report_get_template (report), cells[0])
                                       : NULL;
  const char *location = nb_diagnostic_get_location (diagnostic);
  g_autofree char *where = NULL;

  if (location != NULL)
    where = g_strdup (location);
  else if (nb_diagnostic_get_line (diagnostic) > 0)
    where = g_strdup_printf (_("line %u"), nb_diagnostic_get_line (diagnostic));
  if (cell_label != NULL && where != NULL)
    /* Translators: a cell's row and column, then where in the file */
    return g_strdup_printf (_("%s (%s)"), cell_label, where);
  return g_strdup (cell_label ? cell_label : where);
}

static void
add_report (NbFeedback *self,
            const char *file,
            NbReport   *report)
{
  g_autoptr(NbValidator) validator = nb_validator_new (report);
  g_autoptr(GPtrArray) diagnostics = nb_validator_dup_sorted (validator);
  Letter *letter = letter_for (self, nb_report_get_organ (report));

  g_ptr_array_add (letter->files, g_strdup (file));
  for (guint d = 0; d < diagnostics->len; d++)
    {
      NbDiagnostic *diagnostic = g_ptr_array_index (diagnostics, d);

      /* notes, and what a reviewer marked checked, are nothing to correct */
      if (nb_diagnostic_get_severity (diagnostic) == NB_SEVERITY_INFO ||
          nb_diagnostic_get_checked (diagnostic) != NULL)
        continue;
      add_item (letter, nb_diagnostic_get_severity (diagnostic), nb_diagnostic_get_rule_id (diagnostic),
                describe_place (report, diagnostic), nb_diagnostic_get_message (diagnostic), file);
    }
}

static const char *
organ_of_file (NbReportSet *set,
               const char  *file)
{
  for (guint i = 0; i < nb_report_set_get_n_files (set); i++)
    if (g_str_equal (nb_report_set_get_file (set, i), file) && nb_report_set_get_report (set, i) != NULL)
      return nb_report_get_organ (nb_report_set_get_report (set, i));
  return NULL;
}

/* A finding goes to the unit it is about; text shared by two units goes
 * to both, whichever copied. */
static void
add_finding (NbFeedback   *self,
             NbReportSet  *set,
             NbSetFinding *finding)
{
  const char * const *files = nb_set_finding_get_files (finding);
  g_autofree char *joined = g_strjoinv ("、", (char **) files);
  g_autoptr(GPtrArray) letters = g_ptr_array_new ();

  if (nb_set_finding_get_severity (finding) == NB_SEVERITY_INFO || *nb_set_finding_get_organ (finding) == '\0')
    return;
  g_ptr_array_add (letters, letter_for (self, nb_set_finding_get_organ (finding)));
  for (guint f = 0; g_str_equal (nb_set_finding_get_rule_id (finding), "set.similar-text") && files[f]; f++)
    {
      const char *organ = organ_of_file (set, files[f]);
      Letter *letter = organ ? letter_for (self, organ) : NULL;

      if (letter != NULL && !g_ptr_array_find (letters, letter, NULL))
        g_ptr_array_add (letters, letter);
    }
  for (guint i = 0; i < letters->len; i++)
    add_item (g_ptr_array_index (letters, i), nb_set_finding_get_severity (finding),
              nb_set_finding_get_rule_id (finding), NULL, nb_set_finding_get_message (finding),
              *joined ? joined : NULL);
}

static int
compare_letters (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(Letter **) a)->organ, (*(Letter **) b)->organ);
}

/**
 * nb_feedback_new:
 * @set: the batch
 * @findings: (element-type NbSetFinding): what nb_report_set_check()
 *   found
 *
 * Returns: (transfer full): the letters to the units with something to
 *   correct
 */
NbFeedback *
nb_feedback_new (NbReportSet *set,
                 GPtrArray   *findings)
{
  NbFeedback *self;

  g_return_val_if_fail (NB_IS_REPORT_SET (set), NULL);

  self = g_object_new (NB_TYPE_FEEDBACK, NULL);
  self->year = nb_report_set_get_year (set);
  for (guint i = 0; i < nb_report_set_get_n_files (set); i++)
    {
      NbReport *report = nb_report_set_get_report (set, i);

      if (report != NULL && *nb_report_get_organ (report) != '\0')
        add_report (self, nb_report_set_get_file (set, i), report);
    }
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    add_finding (self, set, g_ptr_array_index (findings, i));
  for (guint i = self->letters->len; i > 0; i--)
    if (((Letter *) g_ptr_array_index (self->letters, i - 1))->items->len == 0)
      g_ptr_array_remove_index (self->letters, i - 1);
  g_ptr_array_sort (self->letters, compare_letters);
  return self;
}

guint
nb_feedback_get_n_letters (NbFeedback *self)
{
  g_return_val_if_fail (NB_IS_FEEDBACK (self), 0);

  return self->letters->len;
}

static Letter *
get_letter (NbFeedback *self,
            guint       letter)
{
  g_return_val_if_fail (letter < self->letters->len, NULL);

  return g_ptr_array_index (self->letters, letter);
}

/**
 * nb_feedback_get_organ:
 * @self: a #NbFeedback
 * @letter: an index below nb_feedback_get_n_letters()
 *
 * Returns: the addressee
 */
const char *
nb_feedback_get_organ (NbFeedback *self,
                       guint       letter)
{
  g_return_val_if_fail (NB_IS_FEEDBACK (self), NULL);

  return get_letter (self, letter)->organ;
}

guint
nb_feedback_get_n_items (NbFeedback *self,
                         guint       letter)
{
  g_return_val_if_fail (NB_IS_FEEDBACK (self), 0);

  return get_letter (self, letter)->items->len;
}

/* The letter's paragraphs */

static char *
dup_title (NbFeedback *self)
{
  if (self->year == 0)
    return g_strdup (_("Feedback on the Annual Report on Government Information Disclosure"));
  return g_strdup_printf (_("Feedback on the %u Annual Report on Government Information Disclosure"),
                          self->year);
}

static char *
dup_item_text (Item  *item,
               guint  number)
{
  /* letters list errors and warnings only */
  const char *severity = nb_severity_get_name (item->severity);

  if (item->place != NULL)
    /* Translators: "1. 第 3 页 — 错误：…" */
    return g_strdup_printf (_("%u. %s — %s: %s"), number, item->place, severity, item->message);
  /* Translators: "1. 错误：…" */
  return g_strdup_printf (_("%u. %s: %s"), number, severity, item->message);
}

static char *
dup_opening (Letter *letter)
{
  g_autofree char *files = NULL;

  if (letter->files->len == 0)
    return g_strdup (_("We reviewed the annual reports of this year’s batch. Please see to the following "
                       "and reply to the office."));
  g_ptr_array_add (letter->files, NULL);
  files = g_strjoinv ("、", (char **) letter->files->pdata);
  g_ptr_array_remove_index (letter->files, letter->files->len - 1);
  return g_strdup_printf (_("We reviewed the annual report you submitted (%s). Please correct the "
                            "following and submit the report again."), files);
}

/* Title aside, as (style, text) pairs: the texts are owned by @texts */
static void
letter_paragraphs (Letter    *letter,
                   GArray    *paragraphs,
                   GPtrArray *texts,
                   gboolean   with_addressee)
{
  NbDocxParagraph paragraph;

  if (with_addressee)
    {
      /* Translators: the addressee line of a letter: "平潭综合实验区财政金融局：" */
      g_ptr_array_add (texts, g_strdup_printf (_("%s:"), letter->organ));
      paragraph = (NbDocxParagraph) { NB_DOCX_PLAIN, g_ptr_array_index (texts, texts->len - 1) };
      g_array_append_val (paragraphs, paragraph);
    }
  else
    {
      paragraph = (NbDocxParagraph) { NB_DOCX_HEADING, letter->organ };
      g_array_append_val (paragraphs, paragraph);
    }
  g_ptr_array_add (texts, dup_opening (letter));
  paragraph = (NbDocxParagraph) { NB_DOCX_BODY, g_ptr_array_index (texts, texts->len - 1) };
  g_array_append_val (paragraphs, paragraph);
  for (guint i = 0; i < letter->items->len; i++)
    {
      g_ptr_array_add (texts, dup_item_text (&g_array_index (letter->items, Item, i), i + 1));
      paragraph = (NbDocxParagraph) { NB_DOCX_BODY, g_ptr_array_index (texts, texts->len - 1) };
      g_array_append_val (paragraphs, paragraph);
    }
}

/**
 * nb_feedback_dup_letter_text:
 * @self: a #NbFeedback
 * @letter: an index below nb_feedback_get_n_letters()
 *
 * Returns: (transfer full): the letter as text, one paragraph a line, as
 *   it reads back from its Word document
 */
char *
nb_feedback_dup_letter_text (NbFeedback *self,
                             guint       letter)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (NbDocxParagraph));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  GString *out;

  g_return_val_if_fail (NB_IS_FEEDBACK (self), NULL);
  g_return_val_if_fail (letter < self->letters->len, NULL);

  title = dup_title (self);
  out = g_string_new (title);
  g_string_append_c (out, '\n');
  letter_paragraphs (get_letter (self, letter), paragraphs, texts, TRUE);
  for (guint i = 0; i < paragraphs->len; i++)
    g_string_append_printf (out, "%s\n", g_array_index (paragraphs, NbDocxParagraph, i).text);
  return g_string_free (out, FALSE);
}

/**
 * nb_feedback_write_letter:
 * @self: a #NbFeedback
 * @letter: an index below nb_feedback_get_n_letters()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the letter as a Word document in
 *   the official fonts, addressed to the unit
 */
GBytes *
nb_feedback_write_letter (NbFeedback  *self,
                          guint        letter,
                          GError     **error)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (NbDocxParagraph));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;

  g_return_val_if_fail (NB_IS_FEEDBACK (self), NULL);
  g_return_val_if_fail (letter < self->letters->len, NULL);

  title = dup_title (self);
  letter_paragraphs (get_letter (self, letter), paragraphs, texts, TRUE);
  return nb_docx_writer_write_paragraphs (title, (NbDocxParagraph *) paragraphs->data, paragraphs->len, error);
}

/**
 * nb_feedback_write_list:
 * @self: a #NbFeedback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): every letter in one Word document,
 *   a heading per unit
 */
GBytes *
nb_feedback_write_list (NbFeedback  *self,
                        GError     **error)
{
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (NbDocxParagraph));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;

  g_return_val_if_fail (NB_IS_FEEDBACK (self), NULL);

  title = dup_title (self);
  for (guint i = 0; i < self->letters->len; i++)
    letter_paragraphs (get_letter (self, i), paragraphs, texts, FALSE);
  return nb_docx_writer_write_paragraphs (title, (NbDocxParagraph *) paragraphs->data, paragraphs->len, error);
}

/**
 * nb_feedback_write_csv:
 * @self: a #NbFeedback
 *
 * One row per finding: organ, file, severity, rule, place, message; UTF-8
 * with a byte order mark.
 *
 * Returns: (transfer full): the CSV file's bytes
 */
GBytes *
nb_feedback_write_csv (NbFeedback *self)
{
  GString *out;

  g_return_val_if_fail (NB_IS_FEEDBACK (self), NULL);

  out = g_string_new (NB_CSV_BOM "organ,file,severity,rule,place,message\r\n");
  for (guint l = 0; l < self->letters->len; l++)
    {
      Letter *letter = get_letter (self, l);

      for (guint i = 0; i < letter->items->len; i++)
        {
          Item *item = &g_array_index (letter->items, Item, i);
          const char *fields[] = { letter->organ, item->file, nb_severity_to_string (item->severity),
                                   item->rule_id, item->place, item->message };

          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              if (f > 0)
                g_string_append_c (out, ',');
              nb_csv_append_field (out, fields[f]);
            }
          g_string_append (out, "\r\n");
        }
    }
  return g_string_free_to_bytes (out);
}

/**
 * nb_feedback_dup_letter_name:
 * @self: a #NbFeedback
 * @letter: an index below nb_feedback_get_n_letters()
 *
 * Returns: (transfer full): a file name for the letter: the organ's name,
 *   characters a file system refuses replaced, then `.docx`
 */
char *
nb_feedback_dup_letter_name (NbFeedback *self,
                             guint       letter)
{
  g_autofree char *organ = NULL;

  g_return_val_if_fail (NB_IS_FEEDBACK (self), NULL);

  organ = g_strdup (get_letter (self, letter)->organ);
  g_strdelimit (organ, "/\\:*?\"<>|\n\r\t", '_');
  if (organ[0] == '.')
    organ[0] = '_';
  return g_strconcat (organ, ".docx", NULL);
}

/**
 * nb_feedback_save_letters:
 * @self: a #NbFeedback
 * @folder: where to write one `.docx` per letter, replacing a letter of
 *   the same name
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: whether every letter was written
 */
gboolean
nb_feedback_save_letters (NbFeedback    *self,
                          GFile         *folder,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (NB_IS_FEEDBACK (self), FALSE);

  for (guint i = 0; i < self->letters->len; i++)
    {
      g_autofree char *name = nb_feedback_dup_letter_name (self, i);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GBytes) bytes = nb_feedback_write_letter (self, i, error);

      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL,
                                    FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error))
        return FALSE;
    }
  return TRUE;
}
