/* nb-table-matcher.c — matches the lines of one table onto the template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-table-matcher"

#include "config.h"

#include "nb-table-matcher.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nb-diagnostic-private.h"
#include "nb-digit-split.h"
#include "nb-import-diagnose.h"
#include "nb-import-numbers.h"
#include "nb-label.h"
#include "nb-number.h"
#include "nb-report-private.h"
#include "nb-text-line.h"

/* Real files wrap labels and numbers over lines (PDF text), leave out or
 * add empty columns (web copies), and put group headers such as
 * "(三) 不予公开" on the same line as an item or on their own. So a line is
 * read as a label followed by numbers, labels are matched by their folded
 * text — a label may grow over several lines while it is still the start
 * of a known one — and a row's numbers are collected until the next label,
 * however many lines they take. Column positions are never counted in
 * text. Where the input does place them — the cells of a real table, the
 * glyphs of a PDF — the header lines give each template column its place
 * across the table, and a row's numbers go to the columns they stand in,
 * so that an empty cell is a gap rather than a shift. */

#define ROW_NONE (-1)
#define ROW_FLAT (-2)   /* the one unlabelled data line of a flat table */

typedef struct
{
  char    *fold;
  gsize    length;
  gunichar first;   /* the first character of @fold */
  int      row;     /* row index, or -1 for a group key */
  int    group;   /* the group the key opens or the row belongs to */
} Key;

struct _NbTableKeys
{
  NbTemplate      *template;
  NbTemplateTable *table;
  GArray          *rows;    /* Key */
  GArray          *groups;  /* Key */
  GArray          *columns; /* Key; row is the table column */
  GPtrArray       *units;   /* the units cells of the table may carry */
  int             *row_groups; /* by row: the index of its group, or -1 */
  GPtrArray       *by_first[256]; /* the row and group keys by the low
                                   * byte of their first character, or
                                   * NULL: a look-up without a hash */
  GPtrArray      **rows_by_length; /* by folded length: the row keys of
                                    * that length in order, or NULL */
  GPtrArray       *groups_by_byte[256]; /* by first byte: the group keys
                                         * in order, or NULL */
  GPtrArray       *keys_by_byte[256]; /* by first byte: the row and group
                                       * keys, or NULL */
  gsize            max_row_length;
  guint8           starts[0x10000 / 8]; /* bit set: a key starts with
                                         * this character (below U+10000) */
  guint8           value_first[256]; /* bytes a cell may start with */
  guint8           start_bytes[3][256]; /* NB_TEXT_BYTES_MATCH: the first,
                                         * second and third byte of a key's
                                         * first character of three bytes */
};

typedef struct
{
  const char *text;     /* NULL: a column slot nothing filled */
  gsize       length;
  guint       line;
  double      x0;       /* positioned input: where it stands */
  double      x1;
} Token;

/* The tokens of one line, reused from line to line: a plain buffer that
 * grows and is never shrunk, so that a line costs no call to size it. */
typedef struct
{
  Token *data;
  guint  len;
  guint  allocated;
} TokenBuffer;

/* A header cell of positioned input, folded. */
typedef struct
{
  char   *fold;
  double  x0;
  double  x1;
  guint   line;         /* index among the header lines */
  int     column;       /* the template column it names, or -1 */
} HeaderCell;

typedef struct
{
  double x0;
  double x1;
} Span;

/* A row whose numbers ran together: split when the table is complete. */
typedef struct
{
  char   *text;         /* its tokens, joined by blanks */
  GArray *tokens;       /* Token: where they stand */
  int     row;
  guint   first;
  guint   n_cells;
  guint   line;
} RunTogether;

typedef enum
{
  MATCH_NONE,
  MATCH_GROUP,
  MATCH_PREFIX,
  MATCH_ROW,
} MatchKind;

struct _NbTableMatcher
{
  NbTableKeys *keys;
  NbReport    *report;
  guint        heading_line;

  GString     *pending;     /* folded label text read so far */
  int          group;
  int          row;         /* the row collecting numbers */
  guint        row_line;
  TokenBuffer  values;
  TokenBuffer  tokens;      /* reused per line */
  gboolean    *found;       /* by row */
  guint        n_found;

  /* positioned input: where each template column stands */
  GString     *label;       /* a positioned line's label cells, joined */
  GArray      *label_tokens; /* Token: a positioned line's label */
  GArray      *header;      /* HeaderCell of the current header lines */
  guint        header_lines;
  gboolean     in_header;   /* the last line was a header line */
  GArray     **spans;       /* Span by template column, sorted by x */
  gboolean     spans_dirty;
  gboolean     column_mode; /* the row's values are placed by column */
  GArray      *runs;        /* RunTogether */
  int          whole_group; /* a group given as one row, or -1 */
  guint        group_line;  /* where the last group label stood */
  int          displaced;   /* a row whose label came without numbers
                             * right before the current row's, or -1 */
  int          catch_all;   /* the row its numbers went to */
  NbSource    *source;      /* where the numbers stand, or NULL */
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
  key.first = g_utf8_get_char (key.fold);
  key.row = row;
  key.group = group;
  if (key.length == 0)
    g_free (key.fold);
  else
    g_array_append_val (keys, key);
}

/* The row keys by their length, for a label to be compared only with
 * those as long as it is. */
static void
index_row_lengths (NbTableKeys *keys)
{
  for (guint k = 0; k < keys->rows->len; k++)
    keys->max_row_length = MAX (keys->max_row_length, g_array_index (keys->rows, Key, k).length);
  keys->rows_by_length = g_new0 (GPtrArray *, keys->max_row_length + 1);
  for (guint k = 0; k < keys->rows->len; k++)
    {
      Key *key = &g_array_index (keys->rows, Key, k);
      GPtrArray **same = &keys->rows_by_length[key->length];

      if (*same == NULL)
        *same = g_ptr_array_new ();
      g_ptr_array_add (*same, key);
    }
}

/* The keys of @array by their first byte, for a label to be compared
 * only with those that start as it does. */
static void
index_first_bytes (GPtrArray **by_byte,
                   GArray     *array)
{
  for (guint k = 0; k < array->len; k++)
    {
      Key *key = &g_array_index (array, Key, k);
      GPtrArray **same = &by_byte[(guchar) key->fold[0]];

      if (*same == NULL)
        *same = g_ptr_array_new ();
      g_ptr_array_add (*same, key);
    }
}

/* The row and group keys by their first character, to find them in text
 * that runs on in one pass. */
static void
index_keys (NbTableKeys *keys,
            GArray      *array)
{
  for (guint k = 0; k < array->len; k++)
    {
      Key *key = &g_array_index (array, Key, k);
      gunichar c = key->first;
      GPtrArray **same = &keys->by_first[c & 0xFF];

      if (c < 0x10000)
        keys->starts[c >> 3] |= 1 << (c & 7);
      if (c >= 0x800 && c < 0x10000)
        {
          char bytes[6];

          g_unichar_to_utf8 (c, bytes);
          for (guint b = 0; b < 3; b++)
            keys->start_bytes[b][(guchar) bytes[b]] |= NB_TEXT_BYTES_MATCH;
        }
      if (*same == NULL)
        *same = g_ptr_array_new ();
      g_ptr_array_add (*same, key);
    }
}

/* The first bytes of what is_value() may take for a cell: digits
 * (full-width ones start with EF), signs (+ - and − ＋ －, which start
 * with E2 and EF), the marks', and those of the blanks that
 * nb_number_parse_with_unit() trims. A token that starts with any other
 * byte is the word of a label, which one look-up tells. */
static void
index_value_bytes (NbTableKeys *keys)
{
  static const char blanks[] = " \t\r\n\xA0\xC2\xE3";
  const char * const *marks = nb_template_get_marks (keys->template);

  for (guint b = '0'; b <= '9'; b++)
    keys->value_first[b] = 1;
  keys->value_first[0xEF] = 1;
  keys->value_first[0xE2] = 1;
  keys->value_first['+'] = 1;
  keys->value_first['-'] = 1;
  for (guint i = 0; blanks[i] != '\0'; i++)
    keys->value_first[(guchar) blanks[i]] = 1;
  for (guint i = 0; marks != NULL && marks[i] != NULL; i++)
    keys->value_first[(guchar) marks[i][0]] = 1;
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
  keys->columns = g_array_new (FALSE, FALSE, sizeof (Key));
  g_array_set_clear_func (keys->rows, key_clear);
  g_array_set_clear_func (keys->groups, key_clear);
  g_array_set_clear_func (keys->columns, key_clear);

  keys->units = g_ptr_array_new ();
  for (guint c = 0; c < table->columns->len; c++)
    {
      NbTemplateColumn *column = g_ptr_array_index (table->columns, c);

      add_key (keys->columns, column->label, c, -1);
      for (guint v = 0; column->variants[v] != NULL; v++)
        add_key (keys->columns, column->variants[v], c, -1);
      for (guint u = 0; column->units[u] != NULL; u++)
        g_ptr_array_add (keys->units, column->units[u]);
    }
  g_ptr_array_add (keys->units, NULL);

  for (guint g = 0; g < table->groups->len; g++)
    {
      NbTemplateGroup *group = g_ptr_array_index (table->groups, g);

      add_key (keys->groups, group->label, -1, g);
      for (guint v = 0; group->variants[v] != NULL; v++)
        add_key (keys->groups, group->variants[v], -1, g);
    }

  keys->row_groups = g_new (int, table->rows->len);
  for (guint r = 0; r < table->rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (table->rows, r);
      int group = group_index (table, row->group);

      keys->row_groups[r] = group;
      add_key (keys->rows, row->label, r, group);
      for (guint v = 0; row->variants[v] != NULL; v++)
        add_key (keys->rows, row->variants[v], r, group);
    }
  index_keys (keys, keys->rows);
  index_keys (keys, keys->groups);
  index_first_bytes (keys->groups_by_byte, keys->groups);
  index_first_bytes (keys->keys_by_byte, keys->rows);
  index_first_bytes (keys->keys_by_byte, keys->groups);
  index_value_bytes (keys);
  index_row_lengths (keys);
  return keys;
}

/* The character at @p as g_utf8_get_char_validated() reads it, CJK
 * without a call. *@width is 3 for a well-formed three-byte character,
 * whose two other bytes then need no look, else 1. */
static inline gunichar
char_at (const char *p,
         gsize       length,
         gsize      *width)
{
  const guchar *u = (const guchar *) p;

  *width = 1;
  if (u[0] < 0x80)
    return u[0];
  if (u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && length >= 3 &&
      (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
    {
      *width = 3;
      return (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    }
  return g_utf8_get_char_validated (p, length);
}

/**
 * nb_table_keys_find:
 * @keys: a table's keys
 * @fold: folded text, nul-terminated at @length
 * @length: its length
 * @start: (out): where the first row or group label in it starts
 * @end: (out): where it ends
 *
 * Finds the first row or group label in text that runs on, the longest
 * of those starting there.
 *
 * Returns: whether one was found
 */
gboolean
nb_table_keys_find (NbTableKeys *keys,
                    const char  *fold,
                    gsize        length,
                    gsize       *start,
                    gsize       *end)
{
  const guchar *u = (const guchar *) fold;
  gsize width;

  for (gsize i = 0; i < length; i += width)
    {
      gunichar c;
      GPtrArray *same;
      gsize longest = 0;

      /* a run of characters of three bytes whose bytes start no key, in
       * a loop of its own, three table look-ups each and no decoding;
       * where the bytes may, the character is read as below */
      while (i + 3 <= length && nb_text_char_step (u + i, length - i) == 3 &&
             !(keys->start_bytes[0][u[i]] & keys->start_bytes[1][u[i + 1]] &
               keys->start_bytes[2][u[i + 2]] & NB_TEXT_BYTES_MATCH))
        i += 3;
      if (i >= length)
        break;
      /* a byte inside a character reads as (gunichar) -1 or -2 */
      c = char_at (fold + i, length - i, &width);
      /* most characters start no key: one bit tells */
      if (c < 0x10000 && !(keys->starts[c >> 3] & (1 << (c & 7))))
        continue;
      if (c >= (gunichar) -2 || (same = keys->by_first[c & 0xFF]) == NULL)
        continue;
      for (guint k = 0; k < same->len; k++)
        {
          const Key *key = g_ptr_array_index (same, k);

          /* the bucket may hold keys of other characters */
          if (key->first == c && key->length > longest && length - i >= key->length &&
              memcmp (fold + i, key->fold, key->length) == 0)
            longest = key->length;
        }
      if (longest > 0)
        {
          *start = i;
          *end = i + longest;
          return TRUE;
        }
    }
  *start = length;
  *end = 0;
  return FALSE;
}

void
nb_table_keys_free (NbTableKeys *keys)
{
  g_array_unref (keys->rows);
  g_array_unref (keys->groups);
  g_array_unref (keys->columns);
  g_ptr_array_unref (keys->units);
  g_free (keys->row_groups);
  for (gsize n = 0; n <= keys->max_row_length; n++)
    g_clear_pointer (&keys->rows_by_length[n], g_ptr_array_unref);
  g_free (keys->rows_by_length);
  for (guint b = 0; b < 256; b++)
    {
      g_clear_pointer (&keys->by_first[b], g_ptr_array_unref);
      g_clear_pointer (&keys->groups_by_byte[b], g_ptr_array_unref);
      g_clear_pointer (&keys->keys_by_byte[b], g_ptr_array_unref);
    }
  g_free (keys);
}

/* Matching */

/* The first bytes are compared inline: most keys differ there. */
static gboolean
starts_with (const char *text,
             gsize       length,
             const Key  *key)
{
  return length >= key->length && text[0] == key->fold[0] &&
         memcmp (text, key->fold, key->length) == 0;
}

static gboolean
is_start_of (const char *text,
             gsize       length,
             const Key  *key)
{
  return length < key->length && (length == 0 || text[0] == key->fold[0]) &&
         memcmp (text, key->fold, length) == 0;
}

/* Skips the group labels that open folded @text, *@length long. Only
 * the keys that start with its first byte can. */
static const char *
strip_groups_len (NbTableKeys *keys,
                  const char  *text,
                  gsize       *length,
                  int         *group)
{
  gboolean stripped = TRUE;

  while (stripped && *length > 0)
    {
      GPtrArray *same = keys->groups_by_byte[(guchar) text[0]];

      stripped = FALSE;
      for (guint g = 0; same != NULL && g < same->len; g++)
        {
          const Key *key = g_ptr_array_index (same, g);

          if (starts_with (text, *length, key))
            {
              *group = key->group;
              text += key->length;
              *length -= key->length;
              stripped = TRUE;
              break;
            }
        }
    }
  return text;
}

static const char *
strip_groups (NbTableKeys *keys,
              const char  *text,
              int         *group)
{
  gsize length = strlen (text);

  return strip_groups_len (keys, text, &length, group);
}

/* Strips the group headers that open @text, then looks for a row. */
static MatchKind
match_label (NbTableKeys *keys,
             const char  *text,
             gsize        length,
             int         *group,
             int         *row)
{
  GPtrArray *same;
  int best = -1;

  text = strip_groups_len (keys, text, &length, group);
  if (length == 0)
    return MATCH_GROUP;

  same = length <= keys->max_row_length ? keys->rows_by_length[length] : NULL;
  for (guint k = 0; same != NULL && k < same->len; k++)
    {
      const Key *key = g_ptr_array_index (same, k);

      if (memcmp (key->fold, text, length) == 0 && (best < 0 || key->group == *group))
        best = key->row;
    }
  if (best >= 0)
    {
      *row = best;
      return MATCH_ROW;
    }

  same = keys->keys_by_byte[(guchar) text[0]];
  for (guint k = 0; same != NULL && k < same->len; k++)
    if (is_start_of (text, length, g_ptr_array_index (same, k)))
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

/* Most tokens of a table are ASCII digits alone, which the loop here
 * tells without a call. */
static inline gboolean
all_digits (const char *text,
            gsize       length)
{
  gsize i = 0;

  while (i < length && g_ascii_isdigit (text[i]))
    i++;
  if (i == length)
    return length > 0;
  return digits_length (text + i, length - i) == length - i;
}

static gboolean
is_enumerator (const char *text,
               gsize       length)
{
  gsize i = digits_length (text, length);

  if (i == 0 || i == length)
    return FALSE;
  /* "1." "1、" "1．" "1)" followed by anything but decimals: a numbered
   * label */
  return (text[i] == '.' && !(i + 1 < length && g_ascii_isdigit (text[i + 1]))) ||
         text[i] == ')' ||
         (length - i >= 3 && memcmp (text + i, "、", 3) == 0) ||
         (length - i >= 3 && memcmp (text + i, "．", 3) == 0) ||
         (length - i >= 3 && memcmp (text + i, "）", 3) == 0);
}

/* Whether a token reads as a cell rather than as part of a label: a
 * number, a mark for "nothing", or short text that starts like a number
 * ("8起", "-1"), which is kept as typed and reported as invalid. */
static gboolean
is_value (const Token        *token,
          const char * const *marks,
          NbTableKeys        *keys)
{
  gint64 value;
  NbCellState state;
  const guchar *p = (const guchar *) token->text;

  /* the words of labels start with bytes no cell starts with */
  if (!keys->value_first[p[0]])
    return FALSE;
  /* digits alone are a cell whatever follows: a number, or one too long
   * to be valid; most cells are that and need no parse here */
  if (all_digits (token->text, token->length))
    return TRUE;
  /* "75394432.52元" in a table whose columns are written in 元 */
  state = nb_number_parse_with_unit (token->text, token->length, NB_CELL_KIND_AMOUNT, marks,
                                     (const char * const *) keys->units->pdata, &value, NULL);
  if (state == NB_CELL_STATE_VALUE || state == NB_CELL_STATE_MARK)
    return TRUE;
  if (is_enumerator (token->text, token->length))
    return FALSE;
  /* a number too long to be valid is still a cell, reported as invalid,
   * and numbers run together are cells to split: "2648-18538" */
  if (all_digits (token->text, token->length) ||
      nb_digit_split_is_run (token->text, token->length, (const char * const *) keys->units->pdata))
    return TRUE;
  if (token->length > 12)
    return FALSE;
  return g_ascii_isdigit (p[0]) ||
         (p[0] == '-' && token->length > 1 && g_ascii_isdigit (p[1])) ||
         (token->length >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99);
}

static inline gboolean
starts_blank (const char *p,
              const char *end)
{
  return nb_text_blank_length (p, end) > 0;
}

/* A slot for one more token at the end of @tokens. */
static inline Token *
token_buffer_add (TokenBuffer *tokens)
{
  if (G_UNLIKELY (tokens->len == tokens->allocated))
    {
      tokens->allocated = MAX (16, 2 * tokens->allocated);
      tokens->data = g_renew (Token, tokens->data, tokens->allocated);
    }
  return &tokens->data[tokens->len++];
}

static void
token_buffer_append (TokenBuffer *tokens,
                     const Token *add,
                     guint        n)
{
  if (n == 0)
    return;
  if (tokens->allocated - tokens->len < n)
    {
      tokens->allocated = MAX (16, MAX (2 * tokens->allocated, tokens->len + n));
      tokens->data = g_renew (Token, tokens->data, tokens->allocated);
    }
  memcpy (tokens->data + tokens->len, add, n * sizeof (Token));
  tokens->len += n;
}

static void
token_buffer_clear (TokenBuffer *tokens)
{
  g_clear_pointer (&tokens->data, g_free);
  tokens->len = tokens->allocated = 0;
}

/* Splits @line at blanks into @tokens, after those it holds unless
 * @reset. */
static void
split_tokens (TokenBuffer *tokens,
              const char  *line,
              gsize        length,
              guint        line_number,
              gboolean     reset)
{
  const char *p = line;
  const char *end = line + length;

  if (reset)
    tokens->len = 0;
  while (p < end)
    {
      gsize blank = nb_text_blank_length (p, end);
      Token *token;

      if (blank > 0)
        {
          p += blank;
          continue;
        }
      token = token_buffer_add (tokens);
      token->text = p;
      /* a character of three bytes is stepped over whole: no blank
       * starts with a continuation byte */
      do
        p += nb_text_char_step ((const guchar *) p, end - p);
      while (p < end && (blank = nb_text_blank_length (p, end)) == 0);
      token->length = p - token->text;
      token->line = line_number;
      token->x0 = token->x1 = 0;
      /* the blank that ended the token is passed without a second look */
      if (p < end)
        p += blank;
    }
}

/* Rows */

/* Notes @n tokens from @tokens on: used from @cell on, or unused (@cell
 * -1) with the finding made since there were @n_before. */
static void
note_tokens (NbTableMatcher *reader,
             const Token    *tokens,
             guint           n,
             int             cell,
             guint           n_before)
{
  NbDiagnostic *problem;

  /* without a source there is nowhere to note them: a call per number
   * saved */
  if (reader->source == NULL)
    return;
  problem = cell < 0 ? nb_import_last_problem (reader->report, n_before) : NULL;
  for (guint i = 0; i < n; i++)
    nb_import_note_number (reader->report, reader->source, tokens[i].text, tokens[i].length,
                           tokens[i].line, tokens[i].x0, tokens[i].x1,
                           cell < 0 ? -1 : cell + (int) i, FALSE, problem);
}

static guint
n_found_problems (NbTableMatcher *reader)
{
  return nb_report_get_import_diagnostics (reader->report)->len;
}

static NbTemplateRow *
get_row (NbTableMatcher *reader,
         int            row)
{
  return g_ptr_array_index (reader->keys->table->rows, row);
}

static char *
quote_values (const TokenBuffer *values,
              guint              from)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < values->len && i < from + 20; i++)
    {
      const Token *token = &values->data[i];

      if (token->length == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, token->text, MIN (token->length, 24));
    }
  if (values->len > from + 20)
    g_string_append (out, " …");
  return g_string_free (out, FALSE);
}

static void
reset_row (NbTableMatcher *reader)
{
  reader->row = ROW_NONE;
  reader->column_mode = FALSE;
  reader->values.len = 0;
}

static void
mark_found (NbTableMatcher *reader,
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
row_cells (NbTableMatcher *reader,
           int            row,
           guint         *first,
           guint         *n_cells,
           const char   **label)
{
  NbTemplateTable *table = reader->keys->table;

  if (row == ROW_FLAT)
    {
      GPtrArray *sections = nb_template_get_sections (reader->keys->template);

      *first = table->first_cell;
      *n_cells = table->n_cells;
      *label = ((NbTemplateSection *) g_ptr_array_index (sections,
                  nb_template_lookup_section (reader->keys->template, table->section)))->heading;
    }
  else
    {
      NbTemplateRow *template_row = get_row (reader, row);

      *first = template_row->first_cell;
      *n_cells = template_row->n_columns;
      *label = template_row->label;
    }
}

static gboolean
already_found (NbTableMatcher *reader,
               int            row)
{
  if (row != ROW_FLAT)
    return reader->found[row];
  return reader->n_found > 0;
}

static void
diagnose_count (NbTableMatcher *reader,
                const char    *label,
                guint          first,
                guint          n_cells)
{
  guint n_values = reader->values.len;
  guint line = reader->row_line;
  g_autofree guint *cells = NULL;

  /* most rows have as many numbers as cells: nothing to say */
  if (n_values == n_cells)
    return;
  cells = g_new (guint, n_cells);
  for (guint i = 0; i < n_cells; i++)
    cells[i] = first + i;

  if (n_values > n_cells)
    {
      g_autofree char *extra = quote_values (&reader->values, n_cells);
      guint n_before = n_found_problems (reader);

      nb_import_diagnose (reader->report, "parse.extra-values",
                          reader->values.data[n_cells].line,
                          cells, n_cells,
                          _("“%s” has %u numbers for %u columns: the first %u were kept, "
                            "these were left over: %s"),
                          label, n_values, n_cells, n_cells, extra);
      note_tokens (reader, &reader->values.data[n_cells], n_values - n_cells,
                   -1, n_before);
    }
  else if (n_values < n_cells)
    nb_import_diagnose (reader->report, "parse.missing-values", line,
                        cells + n_values, n_cells - n_values,
                        _("“%s” has %u numbers for %u columns: the last %u cells stay empty"),
                        label, n_values, n_cells, n_cells - n_values);
}

static guint
count_numbers (const TokenBuffer *values)
{
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    n += values->data[i].length > 0;
  return n;
}

/* Column mode: each cell got what stood in its column; what stood in no
 * column of the table is left over. Gaps stay empty cells. */
static void
finish_placed_row (NbTableMatcher *reader,
                   const char    *label,
                   guint          first,
                   guint          n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      Token *token = &reader->values.data[i];

      if (token->text != NULL)
        {
          nb_report_load_cell (reader->report, first + i, token->text, token->length, token->line);
          note_tokens (reader, token, 1, first + i, 0);
        }
    }
  if (reader->values.len > n_cells)
    {
      g_autofree guint *cells = g_new (guint, n_cells);
      g_autofree char *extra = quote_values (&reader->values, n_cells);
      guint n_before = n_found_problems (reader);

      for (guint i = 0; i < n_cells; i++)
        cells[i] = first + i;
      nb_import_diagnose (reader->report, "parse.extra-values",
                          reader->values.data[n_cells].line,
                          cells, n_cells,
                          _("“%s” has %u numbers for %u columns: these stand outside the "
                            "table’s columns and were not used: %s"),
                          label, count_numbers (&reader->values), n_cells, extra);
      note_tokens (reader, &reader->values.data[n_cells],
                   reader->values.len - n_cells, -1, n_before);
    }
}

/* Fewer numbers than cells, but enough digits for them: the separators
 * were lost. The row is read once the whole table is known. */
static gboolean
defer_run_together (NbTableMatcher *reader,
                    guint          first,
                    guint          n_cells)
{
  RunTogether run;
  GString *text;

  if (reader->values.len >= n_cells)
    return FALSE;
  text = g_string_new (NULL);
  for (guint i = 0; i < reader->values.len; i++)
    {
      Token *token = &reader->values.data[i];

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_len (text, token->text, token->length);
    }
  /* no row's cells hold more than 15 digits each */
  if (text->len >= n_cells * 16 || nb_digit_split_most_parts (text->str, text->len) < n_cells)
    {
      g_string_free (text, TRUE);
      return FALSE;
    }
  run.text = g_string_free (text, FALSE);
  run.tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), reader->values.len);
  g_array_append_vals (run.tokens, reader->values.data, reader->values.len);
  run.row = reader->row;
  run.first = first;
  run.n_cells = n_cells;
  run.line = reader->values.data[0].line;
  g_array_append_val (reader->runs, run);
  return TRUE;
}

static void
diagnose_displaced (NbTableMatcher *reader)
{
  NbTemplateRow *before = get_row (reader, reader->displaced);
  NbTemplateRow *row = get_row (reader, reader->row);
  g_autofree guint *cells = g_new (guint, before->n_columns + row->n_columns);

  for (guint i = 0; i < before->n_columns; i++)
    cells[i] = before->first_cell + i;
  for (guint i = 0; i < row->n_columns; i++)
    cells[before->n_columns + i] = row->first_cell + i;
  nb_import_diagnose (reader->report, "parse.missing-values", reader->row_line,
                      cells, before->n_columns + row->n_columns,
                      _("“%s” has no numbers before the next label, “%s”: the numbers read "
                        "for “%s” may be those of “%s”"),
                      before->label, row->label, row->label, before->label);
  reader->displaced = -1;
}

/* Stores the numbers the current row collected. */
static void
finish_row (NbTableMatcher *reader)
{
  const char *label;
  guint first, n_cells;

  if (reader->row == ROW_NONE)
    return;
  if (reader->values.len == 0 || (reader->column_mode && count_numbers (&reader->values) == 0))
    {
      /* a label on its own line whose numbers never came: a header */
      reset_row (reader);
      return;
    }

  row_cells (reader, reader->row, &first, &n_cells, &label);
  if (already_found (reader, reader->row))
    {
      g_autofree char *values = quote_values (&reader->values, 0);
      guint n_before = n_found_problems (reader);

      nb_import_diagnose (reader->report, "parse.duplicate-row", reader->row_line, NULL, 0,
                          _("“%s” appears again; the numbers of its first appearance were "
                            "kept, these were not used: %s"),
                          label, values);
      note_tokens (reader, &reader->values.data[0], reader->values.len,
                   -1, n_before);
      reset_row (reader);
      return;
    }
  if (reader->displaced >= 0 && reader->row >= 0)
    diagnose_displaced (reader);
  if (reader->column_mode)
    {
      finish_placed_row (reader, label, first, n_cells);
      mark_found (reader, reader->row);
      reset_row (reader);
      return;
    }

  if (defer_run_together (reader, first, n_cells))
    {
      mark_found (reader, reader->row);
      reset_row (reader);
      return;
    }
  for (guint i = 0; i < MIN (n_cells, reader->values.len); i++)
    {
      Token *token = &reader->values.data[i];

      nb_report_load_cell (reader->report, first + i, token->text, token->length, token->line);
      note_tokens (reader, token, 1, first + i, 0);
    }
  diagnose_count (reader, label, first, n_cells);
  mark_found (reader, reader->row);
  reset_row (reader);
}

static void
start_row (NbTableMatcher *reader,
           int            row,
           guint          line)
{
  reader->row = row;
  reader->row_line = line;
  reader->values.len = 0;
  if (row >= 0)
    reader->group = reader->keys->row_groups[row];
}

/* Reads a label fragment; returns FALSE when it matches nothing. */
static gboolean
read_label (NbTableMatcher *reader,
            const char    *label,
            gsize          length,
            guint          line)
{
  gsize pending_length = reader->pending->len;
  gboolean waiting = reader->row != ROW_NONE && reader->values.len == 0;
  gsize kept;
  int group = reader->group;
  int row = ROW_NONE;
  MatchKind kind;

  if (reader->row != ROW_NONE && reader->values.len > 0)
    {
      finish_row (reader);
      g_string_truncate (reader->pending, 0);
      pending_length = 0;
    }

  /* first as the continuation of what came before, then on its own;
   * what came before stays at the start of the pending text until the
   * label alone matches */
  kept = waiting ? 0 : pending_length;
  nb_label_fold (reader->pending, label, length);
  kind = match_label (reader->keys, reader->pending->str, reader->pending->len, &group, &row);
  if (kind == MATCH_NONE && pending_length > 0)
    {
      group = reader->group;
      kind = match_label (reader->keys, reader->pending->str + pending_length,
                          reader->pending->len - pending_length, &group, &row);
      if (kind != MATCH_NONE)
        g_string_erase (reader->pending, 0, pending_length);
    }
  if (waiting && kind != MATCH_ROW && kind != MATCH_PREFIX)
    reset_row (reader);

  switch (kind)
    {
    case MATCH_ROW:
      reader->group = group;
      /* two row labels, the first without numbers: the numbers that
       * follow may be the first row's */
      reader->displaced = waiting && row != reader->row && reader->row >= 0 &&
                          !reader->found[reader->row] && !reader->keys->table->flat ?
                          reader->row : -1;
      start_row (reader, row, line);
      return TRUE;
    case MATCH_GROUP:
      reader->group = group;
      reader->group_line = line;
      g_string_truncate (reader->pending, 0);
      return TRUE;
    case MATCH_PREFIX:
      reader->group = group;
      return TRUE;
    case MATCH_NONE:
    default:
      /* a stray piece (of a group label written down the side) inside a
       * label wrapped over lines: the label goes on after it */
      g_string_truncate (reader->pending, kept);
      return FALSE;
    }
}

/* What read_label() would make of @label, without reading it. */
static MatchKind
peek_label (NbTableMatcher *reader,
            const char    *label,
            gsize          length)
{
  gboolean continues = !(reader->row != ROW_NONE && reader->values.len > 0) &&
                       reader->pending->len > 0;
  g_autoptr(GString) fold = g_string_new (continues ? reader->pending->str : NULL);
  gsize pending_length = fold->len;
  int group = reader->group;
  int row = ROW_NONE;
  MatchKind kind;

  nb_label_fold (fold, label, length);
  kind = match_label (reader->keys, fold->str, fold->len, &group, &row);
  if (kind == MATCH_NONE && pending_length > 0)
    {
      group = reader->group;
      kind = match_label (reader->keys, fold->str + pending_length, fold->len - pending_length,
                          &group, &row);
    }
  return kind;
}

/* In a PDF, the labels of row groups (（三）不予公开) stand to the left of
 * the rows they span, wrapped and centred, so pieces of them land on the
 * rows' lines: "开 2.其他法律行政法规禁止公开". The label is read from the
 * first token on which it matches a row, else a row's start or a group. */
static gboolean
read_placed_label (NbTableMatcher *reader,
                   const Token   *tokens,
                   guint          n_tokens,
                   guint          line)
{
  GString *label = reader->label;
  MatchKind best = MATCH_NONE;
  guint chosen = 0;

  for (guint k = 0; k < n_tokens && n_tokens > 1 && best != MATCH_ROW; k++)
    {
      MatchKind kind;

      g_string_truncate (label, 0);
      for (guint t = k; t < n_tokens; t++)
        {
          if (t > k)
            g_string_append_c (label, ' ');
          g_string_append_len (label, tokens[t].text, tokens[t].length);
        }
      kind = peek_label (reader, label->str, label->len);
      if (kind == MATCH_ROW || (best == MATCH_NONE && kind != MATCH_NONE))
        {
          best = kind;
          chosen = k;
        }
    }

  g_string_truncate (label, 0);
  for (guint t = chosen; t < n_tokens; t++)
    {
      if (t > chosen)
        g_string_append_c (label, ' ');
      g_string_append_len (label, tokens[t].text, tokens[t].length);
    }
  return read_label (reader, label->str, label->len, line);
}

/* Columns of positioned input */

static void
header_cell_clear (gpointer data)
{
  g_free (((HeaderCell *) data)->fold);
}

/* The template column @fold names, or -1; *@prefix tells whether it is
 * the start of one (a header wrapped over lines in a PDF). */
static int
match_column (NbTableKeys *keys,
              const char  *fold,
              gsize        length,
              gboolean    *prefix)
{
  *prefix = FALSE;
  for (guint k = 0; k < keys->columns->len; k++)
    {
      const Key *key = &g_array_index (keys->columns, Key, k);

      if (key->length == length && memcmp (key->fold, fold, length) == 0)
        return key->row;
      if (is_start_of (fold, length, key))
        *prefix = TRUE;
    }
  return -1;
}

static gboolean
overlaps (const HeaderCell *cell,
          double            x0,
          double            x1)
{
  return cell->x0 < x1 && cell->x1 > x0;
}

/* A header cell that starts a column label ("自然") is completed by the
 * cells under it on the next header lines ("人"). */
static int
match_wrapped (NbTableMatcher *reader,
               guint          first,
               gboolean      *used,
               Span          *span)
{
  GArray *header = reader->header;
  HeaderCell *cell = &g_array_index (header, HeaderCell, first);
  g_autoptr(GString) composite = g_string_new (cell->fold);
  guint taken[4];
  guint n_taken = 0;
  guint line = cell->line;
  gboolean prefix = TRUE;
  int column = -1;

  while (column < 0 && prefix && n_taken < G_N_ELEMENTS (taken))
    {
      guint next = header->len;

      /* the nearest line below with a cell under this one */
      for (guint j = first + 1; j < header->len; j++)
        {
          HeaderCell *below = &g_array_index (header, HeaderCell, j);

          if (below->line > line && below->line <= line + 3 && !used[j] &&
              overlaps (below, span->x0, span->x1) &&
              (next == header->len || below->line < g_array_index (header, HeaderCell, next).line))
            next = j;
        }
      if (next == header->len)
        break;
      cell = &g_array_index (header, HeaderCell, next);
      g_string_append (composite, cell->fold);
      taken[n_taken++] = next;
      line = cell->line;
      span->x0 = MIN (span->x0, cell->x0);
      span->x1 = MAX (span->x1, cell->x1);
      column = match_column (reader->keys, composite->str, composite->len, &prefix);
    }
  for (guint i = 0; column >= 0 && i < n_taken; i++)
    used[taken[i]] = TRUE;
  return column;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  double xa = ((const Span *) a)->x0;
  double xb = ((const Span *) b)->x0;

  return xa < xb ? -1 : xa > xb ? 1 : 0;
}

static void
compute_spans (NbTableMatcher *reader)
{
  GArray *header = reader->header;
  guint n_columns = reader->keys->table->columns->len;
  g_autofree gboolean *used = g_new0 (gboolean, MAX (header->len, 1));

  for (guint c = 0; c < n_columns; c++)
    g_array_set_size (reader->spans[c], 0);
  for (guint i = 0; i < header->len; i++)
    {
      HeaderCell *cell = &g_array_index (header, HeaderCell, i);
      Span span = { cell->x0, cell->x1 };
      int column = cell->column;

      if (used[i])
        continue;
      if (column < 0)
        column = match_wrapped (reader, i, used, &span);
      if (column < 0)
        continue;
      used[i] = TRUE;
      g_array_append_val (reader->spans[column], span);
    }
  for (guint c = 0; c < n_columns; c++)
    g_array_sort (reader->spans[c], compare_spans);
  reader->spans_dirty = FALSE;
}

static HeaderCell
header_cell (NbTableKeys *keys,
             const char  *text,
             gsize        length,
             double       x0,
             double       x1,
             gboolean    *names)
{
  GString *fold = g_string_new (NULL);
  HeaderCell cell;
  gboolean prefix;

  nb_label_fold (fold, text, length);
  cell.x0 = x0;
  cell.x1 = x1;
  cell.line = 0;
  cell.column = match_column (keys, fold->str, fold->len, &prefix);
  *names = cell.column >= 0 || (prefix && fold->len >= 6);
  cell.fold = g_string_free (fold, FALSE);
  return cell;
}

/* A header cell as a whole ("结果 维持" in one table cell), or else word
 * by word: in a PDF, narrow columns' headers run together into one piece
 * ("结果 结果 其他 尚未 总计"). */
static void
add_header_cell (NbTableMatcher     *reader,
                 const NbTableCell *cell,
                 GArray            *line,
                 gboolean          *names)
{
  TokenBuffer words = { NULL, 0, 0 };
  HeaderCell whole;
  gboolean named;

  whole = header_cell (reader->keys, cell->text, cell->length, cell->x0, cell->x1, &named);
  if (!named)
    split_tokens (&words, cell->text, cell->length, 0, TRUE);
  if (named || words.len < 2)
    {
      *names |= named;
      g_array_append_val (line, whole);
      token_buffer_clear (&words);
      return;
    }
  header_cell_clear (&whole);
  for (guint w = 0; w < words.len; w++)
    {
      Token *word = &words.data[w];
      double width = cell->x1 - cell->x0;
      gsize start = word->text - cell->text;
      HeaderCell part = header_cell (reader->keys, word->text, word->length,
                                     cell->x0 + width * start / cell->length,
                                     cell->x0 + width * (start + word->length) / cell->length,
                                     &named);

      *names |= named;
      g_array_append_val (line, part);
    }
  token_buffer_clear (&words);
}

/* A positioned line without numbers: when it names columns, it is a
 * header line, and so are the lines right after it. */
static void
note_header_line (NbTableMatcher     *reader,
                  const NbTableCell *cells,
                  guint              n_cells)
{
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (HeaderCell));
  gboolean names = FALSE;

  for (guint i = 0; i < n_cells; i++)
    if (cells[i].length > 0)
      add_header_cell (reader, &cells[i], line, &names);
  if (!names && !reader->in_header)
    {
      for (guint i = 0; i < line->len; i++)
        header_cell_clear (&g_array_index (line, HeaderCell, i));
      return;
    }
  if (!reader->in_header)
    {
      g_array_set_size (reader->header, 0);
      reader->header_lines = 0;
    }
  /* made here: text never needs them */
  if (reader->spans == NULL)
    {
      reader->spans = g_new0 (GArray *, reader->keys->table->columns->len);
      for (guint c = 0; c < reader->keys->table->columns->len; c++)
        reader->spans[c] = g_array_new (FALSE, FALSE, sizeof (Span));
    }
  for (guint i = 0; i < line->len; i++)
    {
      g_array_index (line, HeaderCell, i).line = reader->header_lines;
      g_array_append_val (reader->header, g_array_index (line, HeaderCell, i));
    }
  reader->header_lines++;
  reader->in_header = TRUE;
  reader->spans_dirty = TRUE;
}

/* Where cell @i of the current row stands, by the header. */
static gboolean
slot_span (NbTableMatcher *reader,
           guint          i,
           Span          *span)
{
  NbTemplateTable *table = reader->keys->table;
  NbTemplateRow *row = NULL;
  guint occurrence = 0;
  guint j = i;
  GArray *spans;

  if (reader->row == ROW_FLAT)
    {
      guint cell = table->first_cell + i;

      for (guint r = 0; r < table->rows->len; r++)
        {
          row = get_row (reader, r);
          occurrence = r;
          if (cell < row->first_cell + row->n_columns)
            break;
        }
      j = cell - row->first_cell;
    }
  else
    {
      row = get_row (reader, reader->row);
      occurrence = table->flat ? (guint) reader->row : 0;
    }
  spans = reader->spans[row->columns[j]];
  if (occurrence >= spans->len)
    {
      if (reader->row == ROW_FLAT || spans->len != 1)
        return FALSE;
      occurrence = 0;
    }
  *span = g_array_index (spans, Span, occurrence);
  return TRUE;
}

/* Starts placing the row's values by column when the header gives a
 * place to every cell of the row. */
static void
begin_column_mode (NbTableMatcher *reader)
{
  const char *label;
  guint first, n_cells;
  Span span;

  if (reader->header->len == 0)
    return;
  if (reader->spans_dirty)
    compute_spans (reader);
  row_cells (reader, reader->row, &first, &n_cells, &label);
  for (guint i = 0; i < n_cells; i++)
    if (!slot_span (reader, i, &span))
      return;
  reader->column_mode = TRUE;
  reader->values.len = 0;
  for (guint i = 0; i < n_cells; i++)
    *token_buffer_add (&reader->values) = (Token) { NULL, 0, 0, 0, 0 };
}

static void
place_values (NbTableMatcher *reader,
              const Token   *values,
              guint          n_values)
{
  const char *label;
  guint first, n_cells;

  row_cells (reader, reader->row, &first, &n_cells, &label);
  for (guint v = 0; v < n_values; v++)
    {
      double center = (values[v].x0 + values[v].x1) / 2;
      double best_distance = G_MAXDOUBLE;
      Token *slot = NULL;

      for (guint i = 0; i < n_cells; i++)
        {
          Span span;
          double distance;

          slot_span (reader, i, &span);
          distance = center < span.x0 ? span.x0 - center : center > span.x1 ? center - span.x1 : 0;
          if (distance < best_distance)
            {
              best_distance = distance;
              slot = &reader->values.data[i];
            }
        }
      if (values[v].length == 0)
        {
          /* an empty cell: a gap, unless its column is taken already */
          if (slot->text == NULL)
            *slot = values[v];
          continue;
        }
      if (slot->text == NULL || slot->length == 0)
        *slot = values[v];
      else
        *token_buffer_add (&reader->values) = values[v];
    }
}

/* Labels as people type them */

/* Most characters a label may be off by, for every this many it has. */
#define FUZZY_CHARS_PER_EDIT 4

/* The edit distance of two folded labels, or more than @limit. */
static guint
edit_distance (const gunichar *a,
               glong           n_a,
               const gunichar *b,
               glong           n_b,
               guint           limit)
{
  g_autofree guint *row = g_new (guint, n_b + 1);
  guint result;

  if ((guint) ABS (n_a - n_b) > limit)
    return limit + 1;
  for (glong j = 0; j <= n_b; j++)
    row[j] = j;
  for (glong i = 1; i <= n_a; i++)
    {
      guint diagonal = row[0];
      guint smallest;

      row[0] = i;
      smallest = row[0];
      for (glong j = 1; j <= n_b; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
          smallest = MIN (smallest, row[j]);
        }
      if (smallest > limit)
        return limit + 1;
    }
  result = row[n_b];
  return result;
}

/* "2.其他法律行政止公开": the one row whose label is clearly closest, within
 * one edit for every FUZZY_CHARS_PER_EDIT characters of it; none when a
 * second row is about as close. */
static gboolean match_fuzzy_words (NbTableMatcher *reader,
                                   const char     *label,
                                   gsize           length,
                                   guint           line);

/* In a PDF, pieces of a vertical group label stand before the row's own
 * ("本 2.其他法律行政止公开"): the label from each word on is tried. */
static gboolean
match_fuzzy (NbTableMatcher *reader,
             const char     *label,
             gsize           length,
             guint           line)
{
  const char *end = label + length;

  for (const char *p = label; p < end;)
    {
      gsize blank;

      if (match_fuzzy_words (reader, p, end - p, line))
        return TRUE;
      while (p < end && !starts_blank (p, end))
        p++;
      while (p < end && (blank = nb_text_blank_length (p, end)) > 0)
        p += blank;
    }
  return FALSE;
}

static gboolean
match_fuzzy_words (NbTableMatcher *reader,
                   const char     *label,
                   gsize           length,
                   guint           line)
{
  NbTableKeys *keys = reader->keys;
  g_autoptr(GString) fold = g_string_new (NULL);
  g_autofree gunichar *text = NULL;
  glong n_text;
  guint best = G_MAXUINT, second = G_MAXUINT, best_limit = 0;
  int row = -1;
  int group = reader->group;
  const char *rest;

  nb_label_fold (fold, label, length);
  rest = strip_groups (keys, fold->str, &group);
  text = g_utf8_to_ucs4 (rest, -1, NULL, &n_text, NULL);
  if (text == NULL || n_text < 4 || n_text > 200)
    return FALSE;
  for (guint k = 0; k < keys->rows->len; k++)
    {
      const Key *key = &g_array_index (keys->rows, Key, k);
      glong n_key;
      g_autofree gunichar *chars = g_utf8_to_ucs4 (key->fold, -1, NULL, &n_key, NULL);
      guint limit = MAX (n_key, n_text) / FUZZY_CHARS_PER_EDIT;
      guint distance;

      if (chars == NULL || limit == 0)
        continue;
      /* a row just beyond the limit still makes the nearest one unsure */
      distance = edit_distance (text, n_text, chars, n_key, limit + 2);
      if (distance > limit + 1)
        continue;
      if (key->row == row)
        {
          best = MIN (best, distance);
          continue;
        }
      if (distance < best)
        {
          second = best;
          best = distance;
          best_limit = limit;
          row = key->row;
        }
      else
        second = MIN (second, distance);
    }
  /* another row about as near: no way to tell */
  if (row < 0 || best > best_limit || (second != G_MAXUINT && second < best + 2))
    return FALSE;
  {
    g_autofree char *quoted = nb_import_quote (label, length);
    NbTemplateRow *template_row = get_row (reader, row);
    g_autofree guint *cells = g_new (guint, template_row->n_columns);

    for (guint i = 0; i < template_row->n_columns; i++)
      cells[i] = template_row->first_cell + i;
    nb_import_diagnose (reader->report, "parse.fuzzy-row", line, cells, template_row->n_columns,
                        _("“%s” is not a label of this table; it was taken for “%s”, the one "
                          "row it is close to"),
                        quoted, template_row->label);
  }
  reader->group = reader->keys->row_groups[row];
  start_row (reader, row, line);
  return TRUE;
}

/* "（六）其他处理 0 0 0 …": a group given as one row, as the 2019 form has
 * it. Its numbers go to the group's catch-all row (3.其他); the group's
 * other rows are not given by this layout. */
static void
read_group_as_row (NbTableMatcher *reader,
                   guint           line)
{
  NbTemplateTable *table = reader->keys->table;
  NbTemplateGroup *group = g_ptr_array_index (table->groups, reader->group);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) others = g_string_new (NULL);
  int catch_all = -1;

  if (!nb_template_has_rule (reader->keys->template, "struct.template-version"))
    return;
  for (guint r = 0; r < table->rows->len; r++)
    {
      NbTemplateRow *row = get_row (reader, r);
      g_autofree char *fold = NULL;

      if (g_strcmp0 (row->group, group->id) != 0)
        continue;
      fold = nb_label_fold_dup (row->label);
      if (g_str_has_suffix (fold, "其他") && strlen (fold) <= strlen ("其他") + 2)
        catch_all = r;
      else
        {
          if (others->len > 0)
            g_string_append (others, "、");
          g_string_append (others, row->label);
        }
      for (guint i = 0; i < row->n_columns; i++)
        g_array_append_val (cells, (guint) { row->first_cell + i });
    }
  if (catch_all < 0 || reader->found[catch_all])
    return;
  nb_import_diagnose (reader->report, "struct.template-version", line,
                      (guint *) cells->data, cells->len,
                      _("“%s” is given as one row, as in the 2019 form: its numbers were read "
                        "into “%s”; %s are not given by this layout"),
                      group->label, get_row (reader, catch_all)->label, others->str);
  for (guint r = 0; r < table->rows->len; r++)
    if ((int) r != catch_all && g_strcmp0 (get_row (reader, r)->group, group->id) == 0)
      mark_found (reader, r);
  reader->whole_group = reader->group;
  reader->catch_all = catch_all;
  start_row (reader, catch_all, line);
}

/* Where the group given as one row has 0, so do all its rows. */
static void
fill_whole_group (NbTableMatcher *reader)
{
  NbTemplateTable *table = reader->keys->table;
  const NbCellData *data = nb_report_peek_cells (reader->report);
  NbTemplateGroup *group;
  NbTemplateRow *whole;

  if (reader->whole_group < 0)
    return;
  group = g_ptr_array_index (table->groups, reader->whole_group);
  whole = get_row (reader, reader->catch_all);
  for (guint r = 0; r < table->rows->len; r++)
    {
      NbTemplateRow *row = get_row (reader, r);

      if ((int) r == reader->catch_all || g_strcmp0 (row->group, group->id) != 0)
        continue;
      for (guint i = 0; i < row->n_columns && i < whole->n_columns; i++)
        {
          const NbCellData *given = &data[whole->first_cell + i];

          if (given->state == NB_CELL_STATE_VALUE && given->value == 0)
            nb_report_load_cell (reader->report, row->first_cell + i, "0", 1, given->line);
        }
    }
  reader->whole_group = -1;
}

static void
read_values (NbTableMatcher *reader,
             const Token   *values,
             guint          n_values,
             const char    *label,
             gsize          label_length,
             gboolean       label_matched,
             guint          line,
             gboolean       positioned)
{
  if (reader->row == ROW_NONE && label_length > 0 && !label_matched &&
      match_fuzzy (reader, label, label_length, line))
    label_matched = TRUE;
  else if (reader->row == ROW_NONE && reader->group >= 0 && reader->pending->len == 0 &&
           (label_length > 0 ? label_matched : reader->group_line == line))
    read_group_as_row (reader, line);

  /* the problems found so far are counted only where numbers are left
   * unused, which is seldom */
  if (reader->row == ROW_NONE && label_length > 0 && !label_matched)
    {
      g_autofree char *quoted = nb_import_quote (label, label_length);
      guint n_before = n_found_problems (reader);

      nb_import_diagnose (reader->report, "parse.unknown-row", line, NULL, 0,
                          _("“%s” is not a row of this table; its numbers were not used"),
                          quoted);
      note_tokens (reader, values, n_values, -1, n_before);
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
      guint n_before = n_found_problems (reader);

      nb_import_diagnose (reader->report, "parse.unknown-row", line, NULL, 0,
                          _("Numbers without a row label; they were not used"));
      note_tokens (reader, values, n_values, -1, n_before);
      return;
    }

  g_string_truncate (reader->pending, 0);
  if (!positioned)
    {
      token_buffer_append (&reader->values, values, n_values);
      return;
    }
  if (reader->values.len == 0 && !reader->column_mode)
    begin_column_mode (reader);
  if (reader->column_mode)
    {
      place_values (reader, values, n_values);
      return;
    }
  for (guint v = 0; v < n_values; v++)
    if (values[v].length > 0)
      *token_buffer_add (&reader->values) = values[v];
}

/* Public API */

static void
run_together_clear (gpointer data)
{
  g_free (((RunTogether *) data)->text);
  g_array_unref (((RunTogether *) data)->tokens);
}

static void
free_spans (NbTableMatcher *reader)
{
  for (guint c = 0; reader->spans != NULL && reader->keys != NULL &&
                    c < reader->keys->table->columns->len; c++)
    g_array_unref (reader->spans[c]);
  g_clear_pointer (&reader->spans, g_free);
}

NbTableMatcher *
nb_table_matcher_new (void)
{
  NbTableMatcher *reader = g_new0 (NbTableMatcher, 1);

  reader->pending = g_string_sized_new (256);
  reader->label = g_string_new (NULL);
  reader->label_tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  reader->header = g_array_new (FALSE, FALSE, sizeof (HeaderCell));
  g_array_set_clear_func (reader->header, header_cell_clear);
  reader->runs = g_array_new (FALSE, FALSE, sizeof (RunTogether));
  reader->whole_group = -1;
  reader->displaced = -1;
  g_array_set_clear_func (reader->runs, run_together_clear);
  return reader;
}

void
nb_table_matcher_free (NbTableMatcher *reader)
{
  g_string_free (reader->pending, TRUE);
  token_buffer_clear (&reader->values);
  token_buffer_clear (&reader->tokens);
  g_string_free (reader->label, TRUE);
  g_array_unref (reader->label_tokens);
  g_array_unref (reader->header);
  free_spans (reader);
  g_array_unref (reader->runs);
  g_free (reader->found);
  g_free (reader);
}

/**
 * nb_table_matcher_set_source:
 * @reader: a reader
 * @source: (nullable): the source the lines and cells come from, whose
 *   pieces they point into; the report then notes where each number
 *   stands (nb_report_get_source_numbers())
 */
void
nb_table_matcher_set_source (NbTableMatcher *reader,
                             NbSource       *source)
{
  reader->source = source;
}

void
nb_table_matcher_begin (NbTableMatcher *reader,
                       NbTableKeys   *keys,
                       NbReport      *report,
                       guint          heading_line)
{
  free_spans (reader);
  reader->keys = keys;
  reader->report = report;
  g_array_set_size (reader->header, 0);
  reader->header_lines = 0;
  reader->in_header = FALSE;
  reader->spans_dirty = FALSE;
  reader->heading_line = heading_line;
  reader->group = -1;
  reader->n_found = 0;
  g_free (reader->found);
  reader->found = g_new0 (gboolean, keys->table->rows->len);
  g_string_truncate (reader->pending, 0);
  g_array_set_size (reader->runs, 0);
  reader->whole_group = -1;
  reader->displaced = -1;
  reset_row (reader);
}

/* Whether @token is written as a number, though not one that reads:
 * "一", "三十", "1e308", "999999999999999999999.9999999". */
static gboolean
is_numeral (const Token *token)
{
  static const char numerals[] = "零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟";
  const char *end = token->text + token->length;

  for (const char *p = token->text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char utf8[8] = { 0 };

      g_unichar_to_utf8 (c, utf8);
      /* strchr() would compare a character's low byte alone: 中 is
       * U+4E2D, its low byte a '-' */
      if (!g_unichar_isdigit (c) && (c == 0 || c >= 0x80 || strchr ("+-.,eE", (int) c) == NULL) &&
          (c < 0x80 || strstr (numerals, utf8) == NULL))
        return FALSE;
    }
  return token->length > 0;
}

/* "规章 一 二 三", "规章 999999999999999999999.9999999": a row's label
 * and numbers that do not read. Returns how many of the @n_label tokens
 * are the label, so that the rest are read as the row's cells, kept as
 * written and reported as invalid, not dropped with the line; or
 * @n_label when the line is not such a row. */
static guint
row_label_end (NbTableMatcher *reader,
               const Token    *tokens,
               guint           n_label)
{
  const char *label = tokens[0].text;
  const Token *last;
  guint k = n_label;

  while (k > 1 && is_numeral (&tokens[k - 1]))
    k--;
  if (k == n_label)
    return n_label;
  last = &tokens[k - 1];
  return peek_label (reader, label, last->text + last->length - label) == MATCH_ROW ? k : n_label;
}

/**
 * nb_table_matcher_line:
 * @reader: a reader between begin and end
 * @line: one line of the table's text, without its line end
 * @length: its length
 * @line_number: its 1-based number in the file
 */
void
nb_table_matcher_line (NbTableMatcher *reader,
                      const char    *line,
                      gsize          length,
                      guint          line_number)
{
  const char * const *marks = nb_template_get_marks (reader->keys->template);
  TokenBuffer *tokens = &reader->tokens;
  guint first_value;
  const char *label = NULL;
  gsize label_length = 0;
  gboolean matched = FALSE;

  split_tokens (tokens, line, length, line_number, TRUE);
  if (tokens->len == 0)
    return;

  first_value = tokens->len;
  while (first_value > 0 && is_value (&tokens->data[first_value - 1], marks, reader->keys))
    first_value--;

  if (first_value > 0)
    {
      Token *last = &tokens->data[first_value - 1];

      label = tokens->data[0].text;
      label_length = last->text + last->length - label;
      matched = read_label (reader, label, label_length, line_number);
      if (!matched && (first_value = row_label_end (reader, tokens->data, first_value)) < tokens->len)
        {
          last = &tokens->data[first_value - 1];
          label_length = last->text + last->length - label;
          matched = read_label (reader, label, label_length, line_number);
        }
    }
  if (first_value < tokens->len)
    read_values (reader, &tokens->data[first_value], tokens->len - first_value, label,
                 label_length, matched, line_number, FALSE);
}

/* Splits each cell at blanks; an empty cell is one empty token. Tokens of
 * one cell share its width in proportion to where they stand in it. */
static void
cells_to_tokens (TokenBuffer       *tokens,
                 const NbTableCell *cells,
                 guint              n_cells)
{
  tokens->len = 0;
  for (guint i = 0; i < n_cells; i++)
    {
      const NbTableCell *cell = &cells[i];
      guint first = tokens->len;
      double width = cell->x1 - cell->x0;

      split_tokens (tokens, cell->text, cell->length, cell->line, FALSE);
      if (tokens->len == first)
        {
          *token_buffer_add (tokens) = (Token) { cell->text, 0, cell->line, cell->x0, cell->x1 };
          continue;
        }
      for (guint t = first; t < tokens->len; t++)
        {
          Token *token = &tokens->data[t];
          gsize start = token->text - cell->text;

          token->x0 = cell->x0 + width * start / MAX (cell->length, 1);
          token->x1 = cell->x0 + width * (start + token->length) / MAX (cell->length, 1);
        }
    }
}

/* A blank form ("规章" and three empty cells): the row is there, with
 * nothing filled in yet. */
static gboolean
read_blank_row (NbTableMatcher *reader,
                guint           n_empty)
{
  NbTemplateTable *table = reader->keys->table;

  if (table->flat)
    {
      /* the labels of a flat table are its header; its data line has a
       * cell for every cell of the table */
      if (reader->label_tokens->len > 0 || n_empty != table->n_cells || reader->n_found > 0)
        return FALSE;
      reset_row (reader);
      mark_found (reader, ROW_FLAT);
      return TRUE;
    }
  if (reader->row >= 0 && reader->values.len == 0 && !reader->found[reader->row] &&
      n_empty >= get_row (reader, reader->row)->n_columns)
    {
      mark_found (reader, reader->row);
      reset_row (reader);
      return TRUE;
    }
  return FALSE;
}

/**
 * nb_table_matcher_cells:
 * @reader: a reader between begin and end
 * @cells: (array length=n_cells): one line of positioned input: the cells
 *   of a table's grid row, or the runs of glyphs of a PDF line, left to
 *   right; an empty cell has length 0
 * @n_cells: their number
 *
 * Reads the line as nb_table_matcher_line() reads text, except that the
 * numbers go to the columns whose headers they stand under when the
 * header lines name every column of the row.
 */
void
nb_table_matcher_cells (NbTableMatcher     *reader,
                       const NbTableCell *cells,
                       guint              n_cells)
{
  const char * const *marks = nb_template_get_marks (reader->keys->template);
  TokenBuffer *tokens = &reader->tokens;
  guint first_value;
  guint label_line = 0;
  guint value_line = 0;
  gboolean matched = FALSE;

  cells_to_tokens (tokens, cells, n_cells);
  first_value = tokens->len;
  while (first_value > 0)
    {
      Token *token = &tokens->data[first_value - 1];

      if (token->length > 0 && !is_value (token, marks, reader->keys))
        break;
      first_value--;
    }

  /* the label's tokens, without the empty cells among them */
  g_array_set_size (reader->label_tokens, 0);
  for (guint t = 0; t < first_value; t++)
    {
      Token *token = &tokens->data[t];

      if (token->length == 0)
        continue;
      if (reader->label_tokens->len == 0)
        label_line = token->line;
      g_array_append_val (reader->label_tokens, *token);
    }
  for (guint t = first_value; t < tokens->len && value_line == 0; t++)
    if (tokens->data[t].length > 0)
      value_line = tokens->data[t].line;

  g_string_truncate (reader->label, 0);
  if (reader->label_tokens->len > 0)
    matched = read_placed_label (reader, &g_array_index (reader->label_tokens, Token, 0),
                                 reader->label_tokens->len, label_line);
  if (value_line == 0)
    {
      if (!read_blank_row (reader, tokens->len - first_value))
        note_header_line (reader, cells, n_cells);
      return;
    }
  reader->in_header = FALSE;
  read_values (reader, &tokens->data[first_value], tokens->len - first_value,
               reader->label->str, reader->label->len, matched, value_line, TRUE);
}

/* "69 / 3 / 665" */
static char *
quote_reading (NbDigitSolver     *solver,
               const RunTogether *run,
               guint              index,
               guint              reading)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < run->n_cells; i++)
    {
      gsize offset, length;

      nb_digit_solver_get_part (solver, index, reading, i, &offset, &length);
      if (i > 0)
        g_string_append (out, " / ");
      g_string_append_len (out, run->text + offset, MIN (length, 24));
    }
  return g_string_free (out, FALSE);
}

/* Notes the part of @run's text at @offset where it stands: inside one
 * of its tokens, as the blanks between them are sure boundaries; on a
 * PDF line its share of the token's width. A part that is less than its
 * token is marked changed. Returns the line it stands on. */
static guint
note_run_part (NbTableMatcher    *reader,
               const RunTogether *run,
               gsize              offset,
               gsize              length,
               guint              cell)
{
  gsize start = 0;

  for (guint t = 0; t < run->tokens->len; t++)
    {
      const Token *token = &g_array_index (run->tokens, Token, t);
      double width = token->x1 - token->x0;

      if (offset >= start && offset + length <= start + token->length)
        {
          gsize inside = offset - start;

          nb_import_note_number (reader->report, reader->source, token->text + inside, length,
                                 token->line, token->x0 + width * inside / token->length,
                                 token->x0 + width * (inside + length) / token->length,
                                 cell, length < token->length, NULL);
          return token->line;
        }
      start += token->length + 1;
    }
  return run->line;
}

/* The label of a row's @i-th column; of the table's @i-th cell for a
 * flat table. */
static const char *
column_label (NbTableMatcher *reader,
              int            row,
              guint          i)
{
  NbTemplateTable *table = reader->keys->table;
  NbTemplateColumn *column;

  if (row < 0)
    return nb_template_get_cell_label (reader->keys->template, table->first_cell + i);
  column = g_ptr_array_index (table->columns, get_row (reader, row)->columns[i]);
  return column->label;
}

/* The cells every reading cuts alike are read: "2648-18538" is 2648 and
 * then −18 / 538 or −1 / 8538 …, and 上一年项目数量 is 2648 either way.
 * Returns how many; their cells are in @cells, the others' after them. */
static guint
read_agreed (NbTableMatcher    *reader,
             NbDigitSolver     *solver,
             const RunTogether *run,
             guint              index,
             guint             *cells,
             GString           *agreed)
{
  guint n_agreed = 0, n_open = 0;
  g_autofree guint *open = g_new (guint, run->n_cells);

  for (guint i = 0; i < run->n_cells; i++)
    {
      gsize offset, length;

      if (!nb_digit_solver_get_agreed (solver, index, i, &offset, &length))
        {
          open[n_open++] = run->first + i;
          continue;
        }
      nb_report_load_cell (reader->report, run->first + i, run->text + offset, length, run->line);
      if (agreed->len > 0)
        g_string_append (agreed, "; ");
      g_string_append_printf (agreed, "%s %.*s", column_label (reader, run->row, i),
                              (int) MIN (length, 24), run->text + offset);
      cells[n_agreed++] = run->first + i;
    }
  memcpy (cells + n_agreed, open, n_open * sizeof (guint));
  return n_agreed;
}

/* Offers one reading of @run as a quick fix of @found that fills the
 * row: "Read 693665 as 69 / 3 / 665". */
static void
offer_reading (NbDigitSolver     *solver,
               const RunTogether *run,
               guint              index,
               guint              reading,
               const guint       *cells,
               NbDiagnostic      *found)
{
  g_auto(GStrv) texts = g_new0 (char *, run->n_cells + 1);
  g_autofree char *quoted = nb_import_quote (run->text, strlen (run->text));
  g_autofree char *parts = quote_reading (solver, run, index, reading);
  g_autofree char *label = NULL;

  for (guint i = 0; i < run->n_cells; i++)
    {
      gsize offset, length;

      nb_digit_solver_get_part (solver, index, reading, i, &offset, &length);
      texts[i] = g_strndup (run->text + offset, length);
    }
  /* Translators: a quick fix: "Read 693665 as 69 / 3 / 665" */
  label = g_strdup_printf (_("Read %s as %s"), quoted, parts);
  nb_diagnostic_add_fix (found, label, cells, (const char * const *) texts, run->n_cells);
}

/* Offers the listed readings of @run as quick fixes of @found, each
 * filling the whole row (the cells every reading cuts alike included). */
static void
offer_readings (NbDigitSolver     *solver,
                const RunTogether *run,
                guint              index,
                NbDiagnostic      *found)
{
  g_autofree guint *row = g_new (guint, run->n_cells);
  gboolean more;
  guint n = nb_digit_solver_get_n_readings (solver, index, &more);

  for (guint i = 0; i < run->n_cells; i++)
    row[i] = run->first + i;
  for (guint r = 0; found != NULL && r < MIN (n, 8); r++)
    offer_reading (solver, run, index, r, row, found);
}

/* Keeps every reading of @run as numbers on the report, for the
 * comparison with another year to settle; not when there are more
 * readings than were listed, nor when one is not a number. */
static void
keep_readings (NbTableMatcher    *reader,
               NbDigitSolver     *solver,
               const RunTogether *run,
               guint              index)
{
  gboolean more;
  guint n = nb_digit_solver_get_n_readings (solver, index, &more);
  g_autofree gint64 *values = g_new (gint64, n * run->n_cells);
  g_autoptr(GStrvBuilder) quoted = g_strv_builder_new ();
  g_autofree char *shown = NULL;
  g_auto(GStrv) strv = NULL;

  if (more || n < 2)
    return;
  for (guint r = 0; r < n; r++)
    {
      for (guint i = 0; i < run->n_cells; i++)
        {
          NbCellKind kind = nb_template_get_cell_kind (reader->keys->template, run->first + i);
          gsize offset, length;

          nb_digit_solver_get_part (solver, index, r, i, &offset, &length);
          if (nb_number_parse (run->text + offset, length, kind, NULL,
                               &values[r * run->n_cells + i]) != NB_CELL_STATE_VALUE)
            return;
        }
      g_free (shown);
      shown = quote_reading (solver, run, index, r);
      g_strv_builder_add (quoted, shown);
    }
  strv = g_strv_builder_end (quoted);
  nb_report_add_digit_readings (reader->report, run->text, run->line, run->first, run->n_cells, n, values,
                                (const char * const *) strv);
}

static void
read_run (NbTableMatcher    *reader,
          NbDigitSolver     *solver,
          const RunTogether *run,
          guint              index)
{
  g_autofree guint *cells = g_new (guint, run->n_cells);
  g_autofree char *quoted = nb_import_quote (run->text, strlen (run->text));
  g_autoptr(GString) readings = g_string_new (NULL);
  g_autoptr(GString) agreed = g_string_new (NULL);
  NbDiagnostic *found;
  const char *label;
  guint first, n_cells, n_agreed;
  gboolean more;
  guint n = nb_digit_solver_get_n_readings (solver, index, &more);

  row_cells (reader, run->row, &first, &n_cells, &label);
  for (guint i = 0; i < run->n_cells; i++)
    cells[i] = run->first + i;
  if (n == 1 && !more)
    {
      g_autofree char *reading = quote_reading (solver, run, index, 0);

      for (guint i = 0; i < run->n_cells; i++)
        {
          gsize offset, length;
          guint line;

          nb_digit_solver_get_part (solver, index, 0, i, &offset, &length);
          line = note_run_part (reader, run, offset, length, run->first + i);
          nb_report_load_cell (reader->report, run->first + i, run->text + offset, length, line);
        }
      nb_import_diagnose (reader->report, "parse.split-digits", run->line, cells, run->n_cells,
                          _("The numbers of “%s” ran together as “%s”; they were read as %s, "
                            "the only reading the table’s sums allow"),
                          label, quoted, reading);
      return;
    }
  if (n == 0 && !more)
    {
      nb_import_diagnose (reader->report, "parse.ambiguous-digits", run->line, cells, run->n_cells,
                          _("The numbers of “%s” ran together as “%s”, which cannot be cut into "
                            "its %u cells — they stay empty until the numbers are typed in"),
                          label, quoted, run->n_cells);
      return;
    }
  for (guint r = 0; r < MIN (n, 8); r++)
    {
      g_autofree char *reading = quote_reading (solver, run, index, r);

      if (readings->len > 0)
        g_string_append (readings, "; ");
      g_string_append (readings, reading);
    }
  if (more || n > 8)
    g_string_append (readings, "; …");
  keep_readings (reader, solver, run, index);
  n_agreed = read_agreed (reader, solver, run, index, cells, agreed);
  if (n_agreed == 0)
    {
      found = nb_import_diagnose (reader->report, "parse.ambiguous-digits", run->line, cells, run->n_cells,
                                  _("The numbers of “%s” ran together as “%s”, which the table’s sums do "
                                    "not settle: it can be read as %s — its cells stay empty until the "
                                    "right reading is typed in"),
                                  label, quoted, readings->str);
      offer_readings (solver, run, index, found);
      return;
    }
  nb_import_diagnose (reader->report, "parse.split-digits", run->line, cells, n_agreed,
                      _("The numbers of “%s” ran together as “%s”; every reading the table’s "
                        "sums allow gives %s"),
                      label, quoted, agreed->str);
  found = nb_import_diagnose (reader->report, "parse.ambiguous-digits", run->line, cells + n_agreed,
                              run->n_cells - n_agreed,
                              _("The numbers of “%s” ran together as “%s”, which the table’s sums do "
                                "not settle: it can be read as %s — the cells this leaves open stay "
                                "empty until the right reading is typed in"),
                              label, quoted, readings->str);
  offer_readings (solver, run, index, found);
}

/* Whether a part cut from a run can be @cell's value: a number of the
 * cell's kind, with a unit of its column ("-18" only where changes go,
 * "832995元" only in a column of 元); a token that is no number at all
 * ("8起") is one cell, kept as written and reported as invalid. */
static gboolean
part_fits_cell (guint       cell,
                const char *text,
                gsize       length,
                gboolean    whole,
                gpointer    user_data)
{
  NbTableMatcher *reader = user_data;
  NbTemplate *template = reader->keys->template;
  gint64 value;

  if (nb_number_parse_with_unit (text, length, nb_template_get_cell_kind (template, cell), NULL,
                                 nb_template_get_cell_units (template, cell), &value, NULL) ==
      NB_CELL_STATE_VALUE)
    return TRUE;
  return whole && !nb_digit_split_is_run (text, length,
                                          (const char * const *) reader->keys->units->pdata);
}

/* Splits the rows whose numbers ran together by every sum of the table
 * at once, with the rest of the table as read. */
static void
read_runs_together (NbTableMatcher *reader)
{
  NbTemplate *template = reader->keys->template;
  NbTemplateTable *table = reader->keys->table;
  const NbCellData *data = nb_report_peek_cells (reader->report);
  g_autoptr(NbDigitSolver) solver = NULL;
  const NbRuleInstance *instances;
  guint n_instances;

  if (reader->runs->len == 0)
    return;
  solver = nb_digit_solver_new (nb_template_get_n_cells (template));
  nb_digit_solver_set_part_func (solver, part_fits_cell, reader);
  for (guint c = table->first_cell; c < table->first_cell + table->n_cells; c++)
    if (data[c].state == NB_CELL_STATE_VALUE)
      nb_digit_solver_set_known (solver, c, data[c].value);
  instances = nb_template_get_instances (template, &n_instances);
  for (guint i = 0; i < n_instances; i++)
    {
      gboolean inside = TRUE;

      for (guint k = 0; k < instances[i].n_cells && inside; k++)
        inside = instances[i].cells[k] >= table->first_cell &&
                 instances[i].cells[k] < table->first_cell + table->n_cells;
      if (inside)
        nb_digit_solver_add_sum (solver, instances[i].cells, instances[i].n_lhs,
                                 instances[i].n_cells);
    }
  for (guint r = 0; r < reader->runs->len; r++)
    {
      RunTogether *run = &g_array_index (reader->runs, RunTogether, r);

      nb_digit_solver_add_run (solver, run->text, strlen (run->text), run->first, run->n_cells);
    }
  nb_digit_solver_solve (solver);
  for (guint r = 0; r < reader->runs->len; r++)
    read_run (reader, solver, &g_array_index (reader->runs, RunTogether, r), r);
  g_array_set_size (reader->runs, 0);
}

void
nb_table_matcher_end (NbTableMatcher *reader)
{
  NbTemplateTable *table = reader->keys->table;
  GPtrArray *sections = nb_template_get_sections (reader->keys->template);
  const NbTemplateSection *section;

  finish_row (reader);
  read_runs_together (reader);
  fill_whole_group (reader);
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
