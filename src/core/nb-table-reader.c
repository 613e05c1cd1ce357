/* nb-table-reader.c — matches the lines of one table onto the template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-table-reader"

#include "config.h"

#include "nb-table-reader.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-import-private.h"
#include "nb-label.h"
#include "nb-number.h"
#include "nb-report-private.h"

/* Real files wrap labels and numbers over lines (PDF text), leave out or
 * add empty columns (web copies), and put group headers such as
 * "(三) 不予公开" on the same line as an item or on their own. So a line is
 * read as a label followed by numbers, labels are matched by their folded
 * text — a label may grow over several lines while it is still the start
 * of a known one — and a row's numbers are collected until the next label,
 * however many lines they take. Column positions are never counted. */

#define ROW_NONE (-1)
#define ROW_FLAT (-2)   /* the one unlabelled data line of a flat table */

typedef struct
{
  char  *fold;
  gsize  length;
  int    row;     /* row index, or -1 for a group key */
  int    group;   /* the group the key opens or the row belongs to */
} Key;

struct _NbTableKeys
{
  NbTemplate      *template;
  NbTemplateTable *table;
  GArray          *rows;    /* Key */
  GArray          *groups;  /* Key */
};

typedef struct
{
  const char *text;
  gsize       length;
  guint       line;
} Token;

typedef enum
{
  MATCH_NONE,
  MATCH_GROUP,
  MATCH_PREFIX,
  MATCH_ROW,
} MatchKind;

struct _NbTableReader
{
  NbTableKeys *keys;
  NbReport    *report;
  guint        heading_line;

  GString     *pending;     /* folded label text read so far */
  int          group;
  int          row;         /* the row collecting numbers */
  guint        row_line;
  GArray      *values;      /* Token */
  GArray      *tokens;      /* Token, reused per line */
  gboolean    *found;       /* by row */
  guint        n_found;
};

/* Keys */

static void
key_clear (gpointer data)
{
  g_free (((Key *) data)->fold);
}

static int
group_index (NbTemplateTable *table,
             const char      *id)
{
  for (guint g = 0; id != NULL && g < table->groups->len; g++)
    if (g_str_equal (((NbTemplateGroup *) g_ptr_array_index (table->groups, g))->id, id))
      return g;
  return -1;
}

static void
add_key (GArray     *keys,
         const char *label,
         int         row,
         int         group)
{
  Key key;

  key.fold = nb_label_fold_dup (label);
  key.length = strlen (key.fold);
  key.row = row;
  key.group = group;
  if (key.length == 0)
    g_free (key.fold);
  else
    g_array_append_val (keys, key);
}

NbTableKeys *
nb_table_keys_new (NbTemplate *template,
                   guint       table_index)
{
  NbTableKeys *keys = g_new0 (NbTableKeys, 1);
  NbTemplateTable *table = g_ptr_array_index (nb_template_get_tables (template), table_index);

  keys->template = template;
  keys->table = table;
  keys->rows = g_array_new (FALSE, FALSE, sizeof (Key));
  keys->groups = g_array_new (FALSE, FALSE, sizeof (Key));
  g_array_set_clear_func (keys->rows, key_clear);
  g_array_set_clear_func (keys->groups, key_clear);

  for (guint g = 0; g < table->groups->len; g++)
    {
      NbTemplateGroup *group = g_ptr_array_index (table->groups, g);

      add_key (keys->groups, group->label, -1, g);
      for (guint v = 0; group->variants[v] != NULL; v++)
        add_key (keys->groups, group->variants[v], -1, g);
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (table->rows, r);
      int group = group_index (table, row->group);

      add_key (keys->rows, row->label, r, group);
      for (guint v = 0; row->variants[v] != NULL; v++)
        add_key (keys->rows, row->variants[v], r, group);
    }
  return keys;
}

void
nb_table_keys_free (NbTableKeys *keys)
{
  g_array_unref (keys->rows);
  g_array_unref (keys->groups);
  g_free (keys);
}

/* Matching */

static gboolean
starts_with (const char *text,
             gsize       length,
             const Key  *key)
{
  return length >= key->length && memcmp (text, key->fold, key->length) == 0;
}

static gboolean
is_start_of (const char *text,
             gsize       length,
             const Key  *key)
{
  return length < key->length && memcmp (text, key->fold, length) == 0;
}

/* Strips the group headers that open @text, then looks for a row. */
static MatchKind
match_label (NbTableKeys *keys,
             const char  *text,
             gsize        length,
             int         *group,
             int         *row)
{
  gboolean stripped;
  int best = -1;

  do
    {
      stripped = FALSE;
      for (guint g = 0; g < keys->groups->len && length > 0; g++)
        {
          const Key *key = &g_array_index (keys->groups, Key, g);

          if (starts_with (text, length, key))
            {
              *group = key->group;
              text += key->length;
              length -= key->length;
              stripped = TRUE;
              break;
            }
        }
    }
  while (stripped && length > 0);

  if (length == 0)
    return MATCH_GROUP;

  for (guint k = 0; k < keys->rows->len; k++)
    {
      const Key *key = &g_array_index (keys->rows, Key, k);

      if (key->length == length && memcmp (key->fold, text, length) == 0 &&
          (best < 0 || key->group == *group))
        best = key->row;
    }
  if (best >= 0)
    {
      *row = best;
      return MATCH_ROW;
    }

  for (guint k = 0; k < keys->rows->len; k++)
    if (is_start_of (text, length, &g_array_index (keys->rows, Key, k)))
      return MATCH_PREFIX;
  for (guint k = 0; k < keys->groups->len; k++)
    if (is_start_of (text, length, &g_array_index (keys->groups, Key, k)))
      return MATCH_PREFIX;
  return MATCH_NONE;
}

/* A label cut short (its numbers followed before it was complete) still
 * names a row when it starts only that row's keys. */
static int
match_unique_prefix (NbTableKeys *keys,
                     const char  *text,
                     gsize        length)
{
  int found = -1;

  /* two CJK characters at least */
  if (length < 6)
    return -1;
  for (guint k = 0; k < keys->rows->len; k++)
    {
      const Key *key = &g_array_index (keys->rows, Key, k);

      if (!is_start_of (text, length, key))
        continue;
      if (found >= 0 && found != key->row)
        return -1;
      found = key->row;
    }
  return found;
}

/* Tokens */

/* The length of the run of ASCII or full-width digits that starts @text. */
static gsize
digits_length (const char *text,
               gsize       length)
{
  const guchar *u = (const guchar *) text;
  gsize i = 0;

  for (;;)
    {
      if (i < length && g_ascii_isdigit (text[i]))
        i++;
      else if (length - i >= 3 && u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] >= 0x90 && u[i + 2] <= 0x99)
        i += 3;
      else
        return i;
    }
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  return length > 0 && digits_length (text, length) == length;
}

static gboolean
is_enumerator (const char *text,
               gsize       length)
{
  gsize i = digits_length (text, length);

  if (i == 0 || i == length)
    return FALSE;
  /* "1." "1、" "1．" "1)" followed by anything: a numbered label */
  return text[i] == '.' || text[i] == ')' ||
         (length - i >= 3 && memcmp (text + i, "、", 3) == 0) ||
         (length - i >= 3 && memcmp (text + i, "．", 3) == 0) ||
         (length - i >= 3 && memcmp (text + i, "）", 3) == 0);
}

/* Whether a token reads as a cell rather than as part of a label: a
 * number, a mark for "nothing", or short text that starts like a number
 * ("8起", "-1"), which is kept as typed and reported as invalid. */
static gboolean
is_value (const Token        *token,
          const char * const *marks)
{
  gint64 value;
  NbCellState state;
  const guchar *p = (const guchar *) token->text;

  state = nb_number_parse (token->text, token->length, NB_CELL_KIND_AMOUNT, marks, &value);
  if (state == NB_CELL_STATE_VALUE || state == NB_CELL_STATE_MARK)
    return TRUE;
  if (is_enumerator (token->text, token->length))
    return FALSE;
  /* a number too long to be valid is still a cell, reported as invalid */
  if (all_digits (token->text, token->length))
    return TRUE;
  if (token->length > 12)
    return FALSE;
  return g_ascii_isdigit (p[0]) ||
         (p[0] == '-' && token->length > 1 && g_ascii_isdigit (p[1])) ||
         (token->length >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99);
}

/* Bytes above 0x20 other than the lead bytes of the wide blanks (C2 A0,
 * E3 80 80) never start a blank: the common case needs no call. */
static inline gboolean
starts_blank (const char *p,
              const char *end)
{
  guchar b = *p;

  if (b > 0x20 && b != 0xC2 && b != 0xE3)
    return FALSE;
  return nb_text_blank_length (p, end) > 0;
}

static void
split_tokens (GArray     *tokens,
              const char *line,
              gsize       length,
              guint       line_number)
{
  const char *p = line;
  const char *end = line + length;

  g_array_set_size (tokens, 0);
  while (p < end)
    {
      gsize blank;
      Token token;

      while ((blank = nb_text_blank_length (p, end)) > 0)
        p += blank;
      if (p >= end)
        break;
      token.text = p;
      while (p < end && !starts_blank (p, end))
        p++;
      token.length = p - token.text;
      token.line = line_number;
      g_array_append_val (tokens, token);
    }
}

/* Rows */

static NbTemplateRow *
get_row (NbTableReader *reader,
         int            row)
{
  return g_ptr_array_index (reader->keys->table->rows, row);
}

static char *
quote_values (GArray *values,
              guint   from)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < values->len && i < from + 20; i++)
    {
      Token *token = &g_array_index (values, Token, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, token->text, MIN (token->length, 24));
    }
  if (values->len > from + 20)
    g_string_append (out, " …");
  return g_string_free (out, FALSE);
}

static void
reset_row (NbTableReader *reader)
{
  reader->row = ROW_NONE;
  g_array_set_size (reader->values, 0);
}

static void
mark_found (NbTableReader *reader,
            int            row)
{
  if (row == ROW_FLAT)
    {
      for (guint r = 0; r < reader->keys->table->rows->len; r++)
        mark_found (reader, r);
      return;
    }
  if (!reader->found[row])
    reader->n_found++;
  reader->found[row] = TRUE;
}

/* The cells a row's numbers go to, in order. */
static void
row_cells (NbTableReader *reader,
           int            row,
           guint         *first,
           guint         *n_cells,
           const char   **label)
{
  NbTemplateTable *table = reader->keys->table;
  GPtrArray *sections = nb_template_get_sections (reader->keys->template);

  if (row == ROW_FLAT)
    {
      *first = table->first_cell;
      *n_cells = table->n_cells;
      *label = ((NbTemplateSection *) g_ptr_array_index (sections,
                  nb_template_lookup_section (reader->keys->template, table->section)))->heading;
    }
  else
    {
      *first = get_row (reader, row)->first_cell;
      *n_cells = get_row (reader, row)->n_columns;
      *label = get_row (reader, row)->label;
    }
}

static gboolean
already_found (NbTableReader *reader,
               int            row)
{
  if (row != ROW_FLAT)
    return reader->found[row];
  return reader->n_found > 0;
}

static void
diagnose_count (NbTableReader *reader,
                const char    *label,
                guint          first,
                guint          n_cells)
{
  guint n_values = reader->values->len;
  guint line = reader->row_line;
  g_autofree guint *cells = g_new (guint, n_cells);

  for (guint i = 0; i < n_cells; i++)
    cells[i] = first + i;

  if (n_values > n_cells)
    {
      g_autofree char *extra = quote_values (reader->values, n_cells);

      nb_import_diagnose (reader->report, "parse.extra-values",
                          g_array_index (reader->values, Token, n_cells).line,
                          cells, n_cells,
                          _("“%s” has %u numbers for %u columns: the first %u were kept, "
                            "these were left over: %s"),
                          label, n_values, n_cells, n_cells, extra);
    }
  else if (n_values < n_cells)
    nb_import_diagnose (reader->report, "parse.missing-values", line,
                        cells + n_values, n_cells - n_values,
                        _("“%s” has %u numbers for %u columns: the last %u cells stay empty"),
                        label, n_values, n_cells, n_cells - n_values);
}

/* Stores the numbers the current row collected. */
static void
finish_row (NbTableReader *reader)
{
  const char *label;
  guint first, n_cells;

  if (reader->row == ROW_NONE)
    return;
  if (reader->values->len == 0)
    {
      /* a label on its own line whose numbers never came: a header */
      reset_row (reader);
      return;
    }

  row_cells (reader, reader->row, &first, &n_cells, &label);
  if (already_found (reader, reader->row))
    {
      g_autofree char *values = quote_values (reader->values, 0);

      nb_import_diagnose (reader->report, "parse.duplicate-row", reader->row_line, NULL, 0,
                          _("“%s” appears again; the numbers of its first appearance were "
                            "kept, these were not used: %s"),
                          label, values);
      reset_row (reader);
      return;
    }

  for (guint i = 0; i < MIN (n_cells, reader->values->len); i++)
    {
      Token *token = &g_array_index (reader->values, Token, i);

      nb_report_load_cell (reader->report, first + i, token->text, token->length, token->line);
    }
  diagnose_count (reader, label, first, n_cells);
  mark_found (reader, reader->row);
  reset_row (reader);
}

static void
start_row (NbTableReader *reader,
           int            row,
           guint          line)
{
  reader->row = row;
  reader->row_line = line;
  g_array_set_size (reader->values, 0);
  if (row >= 0)
    reader->group = group_index (reader->keys->table, get_row (reader, row)->group);
}

/* Reads a label fragment; returns FALSE when it matches nothing. */
static gboolean
read_label (NbTableReader *reader,
            const char    *label,
            gsize          length,
            guint          line)
{
  gsize pending_length = reader->pending->len;
  gboolean waiting = reader->row != ROW_NONE && reader->values->len == 0;
  int group = reader->group;
  int row = ROW_NONE;
  MatchKind kind;

  if (reader->row != ROW_NONE && reader->values->len > 0)
    {
      finish_row (reader);
      g_string_truncate (reader->pending, 0);
      pending_length = 0;
    }

  /* first as the continuation of what came before, then on its own */
  nb_label_fold (reader->pending, label, length);
  kind = match_label (reader->keys, reader->pending->str, reader->pending->len, &group, &row);
  if (kind == MATCH_NONE && pending_length > 0)
    {
      g_string_erase (reader->pending, 0, pending_length);
      group = reader->group;
      kind = match_label (reader->keys, reader->pending->str, reader->pending->len, &group, &row);
    }
  if (waiting && kind != MATCH_ROW && kind != MATCH_PREFIX)
    reset_row (reader);

  switch (kind)
    {
    case MATCH_ROW:
      reader->group = group;
      start_row (reader, row, line);
      return TRUE;
    case MATCH_GROUP:
      reader->group = group;
      g_string_truncate (reader->pending, 0);
      return TRUE;
    case MATCH_PREFIX:
      reader->group = group;
      return TRUE;
    case MATCH_NONE:
    default:
      g_string_truncate (reader->pending, 0);
      return FALSE;
    }
}

static void
read_values (NbTableReader *reader,
             const Token   *values,
             guint          n_values,
             const char    *label,
             gsize          label_length,
             gboolean       label_matched,
             guint          line)
{
  if (reader->row == ROW_NONE && label_length > 0 && !label_matched)
    {
      g_autofree char *quoted = nb_import_quote (label, label_length);

      nb_import_diagnose (reader->report, "parse.unknown-row", line, NULL, 0,
                          _("“%s” is not a row of this table; its numbers were not used"),
                          quoted);
      return;
    }

  if (reader->row == ROW_NONE && reader->pending->len > 0)
    {
      int row = match_unique_prefix (reader->keys, reader->pending->str, reader->pending->len);

      if (row >= 0)
        start_row (reader, row, line);
    }
  if (reader->row == ROW_NONE && reader->keys->table->flat)
    start_row (reader, ROW_FLAT, line);
  if (reader->row == ROW_NONE)
    {
      nb_import_diagnose (reader->report, "parse.unknown-row", line, NULL, 0,
                          _("Numbers without a row label; they were not used"));
      return;
    }

  g_string_truncate (reader->pending, 0);
  g_array_append_vals (reader->values, values, n_values);
}

/* Public API */

NbTableReader *
nb_table_reader_new (void)
{
  NbTableReader *reader = g_new0 (NbTableReader, 1);

  reader->pending = g_string_sized_new (256);
  reader->values = g_array_new (FALSE, FALSE, sizeof (Token));
  reader->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  return reader;
}

void
nb_table_reader_free (NbTableReader *reader)
{
  g_string_free (reader->pending, TRUE);
  g_array_unref (reader->values);
  g_array_unref (reader->tokens);
  g_free (reader->found);
  g_free (reader);
}

void
nb_table_reader_begin (NbTableReader *reader,
                       NbTableKeys   *keys,
                       NbReport      *report,
                       guint          heading_line)
{
  reader->keys = keys;
  reader->report = report;
  reader->heading_line = heading_line;
  reader->group = -1;
  reader->n_found = 0;
  g_free (reader->found);
  reader->found = g_new0 (gboolean, keys->table->rows->len);
  g_string_truncate (reader->pending, 0);
  reset_row (reader);
}

/**
 * nb_table_reader_line:
 * @reader: a reader between begin and end
 * @line: one line of the table's text, without its line end
 * @length: its length
 * @line_number: its 1-based number in the file
 */
void
nb_table_reader_line (NbTableReader *reader,
                      const char    *line,
                      gsize          length,
                      guint          line_number)
{
  const char * const *marks = nb_template_get_marks (reader->keys->template);
  GArray *tokens = reader->tokens;
  guint first_value;
  const char *label = NULL;
  gsize label_length = 0;
  gboolean matched = FALSE;

  split_tokens (tokens, line, length, line_number);
  if (tokens->len == 0)
    return;

  first_value = tokens->len;
  while (first_value > 0 && is_value (&g_array_index (tokens, Token, first_value - 1), marks))
    first_value--;

  if (first_value > 0)
    {
      Token *last = &g_array_index (tokens, Token, first_value - 1);

      label = g_array_index (tokens, Token, 0).text;
      label_length = last->text + last->length - label;
      matched = read_label (reader, label, label_length, line_number);
    }
  if (first_value < tokens->len)
    read_values (reader, &g_array_index (tokens, Token, first_value),
                 tokens->len - first_value, label, label_length, matched, line_number);
}

void
nb_table_reader_end (NbTableReader *reader)
{
  NbTemplateTable *table = reader->keys->table;
  GPtrArray *sections = nb_template_get_sections (reader->keys->template);
  const NbTemplateSection *section;

  finish_row (reader);
  section = g_ptr_array_index (sections, nb_template_lookup_section (reader->keys->template,
                                                                      table->section));
  if (reader->n_found == 0)
    {
      g_autofree guint *cells = g_new (guint, table->n_cells);

      for (guint i = 0; i < table->n_cells; i++)
        cells[i] = table->first_cell + i;
      nb_import_diagnose (reader->report, "parse.missing-table", reader->heading_line,
                          cells, table->n_cells,
                          _("The heading “%s” is there, but none of its table's rows were found"),
                          section->heading);
      return;
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (table->rows, r);
      g_autofree guint *cells = NULL;

      if (reader->found[r])
        continue;
      cells = g_new (guint, row->n_columns);
      for (guint i = 0; i < row->n_columns; i++)
        cells[i] = row->first_cell + i;
      nb_import_diagnose (reader->report, "parse.missing-row", reader->heading_line,
                          cells, row->n_columns,
                          _("The row “%s” of “%s” was not found; its cells stay empty"),
                          row->label, section->heading);
    }
}
