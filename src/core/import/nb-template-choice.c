/* nb-template-choice.c — which form a report's tables were written on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-template-choice"

#include "config.h"

#include "nb-template-choice.h"

#include <string.h>

#include "nb-label.h"

/* The forms differ in their table headers, not in their year: reports
 * for 2020 were still written on the 2019 form, and some later ones keep
 * its single （六）其他处理 row. So every label (column, row, group) that
 * only one template has is a marker for it, and the template with the
 * most markers in the text is the one the tables were written on. The
 * text is folded as a whole, so markers are found even where a crawl
 * ran the cells together or a PDF wrapped a header. */

/* Shorter labels (其他, 总计) occur in any text; a long label is known by
 * its start, which survives a wrapped or slightly reworded ending. */
#define MARKER_MIN_CHARS 4
#define MARKER_MAX_CHARS 12

/* The text is scanned once for every label at the same time: each
 * position is hashed by its first bytes (two characters of CJK and most
 * of a third, so that labels starting alike, such as 本年…, seldom
 * share a hash), and looks only at the labels whose first bytes hash
 * alike. */
#define N_BUCKETS 1024
#define KEY_MAX_BYTES 8
#define HASH_BITS 16

/* The folded text is followed by this many nul bytes, so that the key at
 * any position is read as one number, its bytes past the end nul. */
#define KEY_PADDING NB_TEMPLATE_CHOICE_PADDING
G_STATIC_ASSERT (KEY_MAX_BYTES <= KEY_PADDING);

typedef struct
{
  char *fold;
  char *label;      /* as the template writes it */
  int   template;
  guint needle;
} Marker;

/* A row of one template that is a group of sub-rows in another, such as
 * （六）其他处理: found without any of its sub-rows, it is the row. */
typedef struct
{
  char  *fold;
  char  *label;
  int    template;  /* the template where it is one row */
  GStrv  sub_rows;  /* markers of the other template's sub-rows */
  guint  needle;
  GArray *sub_needles;
} SingleRow;

struct _NbTemplateChoice
{
  guint      n_templates;
  GPtrArray *labels;      /* GPtrArray of folded labels, by template */
  GPtrArray *originals;   /* GPtrArray of the same labels unfolded */
  GArray    *markers;     /* Marker */
  GArray    *single_rows; /* SingleRow */
  GPtrArray *headers;     /* folded column labels of every template */
  GPtrArray *words;       /* folded words looked for besides */
  guint      first_word;  /* the needle of the first word */
  GPtrArray *short_words; /* the words shorter than every needle of the
                           * forms, borrowed: not needles */
  GPtrArray *needles;     /* every text searched for, borrowed */
  GArray    *lengths;     /* gsize, by needle */
  GArray    *buckets[N_BUCKETS]; /* guint needle indices, by hash */
  guint      key_bytes;   /* how many first bytes are hashed */
  guint64    key_mask;    /* the bits of those bytes in a key */
  guint64   *hashes;      /* bit set: a needle's first bytes hash so */
};

static void
marker_clear (gpointer data)
{
  g_free (((Marker *) data)->fold);
  g_free (((Marker *) data)->label);
}

static void
single_row_clear (gpointer data)
{
  SingleRow *row = data;

  g_free (row->fold);
  g_free (row->label);
  g_strfreev (row->sub_rows);
  g_clear_pointer (&row->sub_needles, g_array_unref);
}

/* "1.属于国家秘密" and "（六）其他处理" folded: "属于国家秘密", "六其他处理";
 * the digits of an enumerator run into the numbers of flattened text. */
static char *
fold_label (const char *label)
{
  g_autofree char *fold = nb_label_fold_dup (label);
  const char *p = fold;

  while (g_ascii_isdigit (*p))
    p++;
  return g_strdup (p);
}

static char *
fold_marker (const char *label)
{
  g_autofree char *fold = fold_label (label);
  glong chars = g_utf8_strlen (fold, -1);

  if (chars < MARKER_MIN_CHARS)
    return NULL;
  if (chars > MARKER_MAX_CHARS)
    *g_utf8_offset_to_pointer (fold, MARKER_MAX_CHARS) = '\0';
  return g_steal_pointer (&fold);
}

static void
add_label (GPtrArray    *labels,
           const char   *label,
           char * const *variants)
{
  g_ptr_array_add (labels, g_strdup (label));
  for (guint v = 0; variants != NULL && variants[v] != NULL; v++)
    g_ptr_array_add (labels, g_strdup (variants[v]));
}

static GPtrArray *
fold_labels (GPtrArray *originals)
{
  GPtrArray *labels = g_ptr_array_new_full (originals->len, g_free);

  for (guint i = 0; i < originals->len; i++)
    g_ptr_array_add (labels, fold_label (g_ptr_array_index (originals, i)));
  return labels;
}

static GPtrArray *
collect_labels (NbTemplate *template,
                GPtrArray  *headers)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *tables = nb_template_get_tables (template);

  for (guint t = 0; t < tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (tables, t);

      for (guint i = 0; i < table->columns->len; i++)
        {
          NbTemplateColumn *column = g_ptr_array_index (table->columns, i);
          char *header = fold_marker (column->label);

          add_label (labels, column->label, column->variants);
          if (header != NULL)
            g_ptr_array_add (headers, header);
        }
      for (guint i = 0; i < table->groups->len; i++)
        {
          NbTemplateGroup *group = g_ptr_array_index (table->groups, i);

          add_label (labels, group->label, group->variants);
        }
      for (guint i = 0; i < table->rows->len; i++)
        {
          NbTemplateRow *row = g_ptr_array_index (table->rows, i);

          add_label (labels, row->label, row->variants);
        }
    }
  return labels;
}

/* Whether @marker occurs in any label of a template other than @own. */
static gboolean
is_shared (NbTemplateChoice *self,
           const char       *marker,
           int               own)
{
  for (guint u = 0; u < self->n_templates; u++)
    {
      GPtrArray *labels = g_ptr_array_index (self->labels, u);

      for (guint i = 0; (int) u != own && i < labels->len; i++)
        if (strstr (g_ptr_array_index (labels, i), marker) != NULL)
          return TRUE;
    }
  return FALSE;
}

static void
add_markers (NbTemplateChoice *self,
             int               t)
{
  GPtrArray *originals = g_ptr_array_index (self->originals, t);

  for (guint i = 0; i < originals->len; i++)
    {
      Marker marker;

      marker.fold = fold_marker (g_ptr_array_index (originals, i));
      marker.label = g_strdup (g_ptr_array_index (originals, i));
      marker.template = t;
      if (marker.fold == NULL || is_shared (self, marker.fold, t))
        {
          marker_clear (&marker);
          continue;
        }
      g_array_append_val (self->markers, marker);
    }
}

static gboolean
has_row_label (NbTemplate *template,
               const char *fold)
{
  GPtrArray *tables = nb_template_get_tables (template);

  for (guint t = 0; t < tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (tables, t);

      for (guint r = 0; r < table->rows->len; r++)
        {
          g_autofree char *row = fold_label (((NbTemplateRow *) g_ptr_array_index (table->rows, r))->label);

          if (g_str_equal (row, fold))
            return TRUE;
        }
    }
  return FALSE;
}

static GStrv
sub_row_markers (NbTemplateTable *table,
                 const char      *group_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint r = 0; r < table->rows->len; r++)
    {
      NbTemplateRow *row = g_ptr_array_index (table->rows, r);
      g_autofree char *marker = NULL;

      if (g_strcmp0 (row->group, group_id) != 0 || (marker = fold_marker (row->label)) == NULL)
        continue;
      g_strv_builder_add (builder, marker);
    }
  return g_strv_builder_end (builder);
}

/* The groups of template @u that are a single row of another template. */
static void
add_single_rows (NbTemplateChoice *self,
                 NbTemplate * const *templates,
                 int               u)
{
  GPtrArray *tables = nb_template_get_tables (templates[u]);

  for (guint t = 0; t < tables->len; t++)
    {
      NbTemplateTable *table = g_ptr_array_index (tables, t);

      for (guint g = 0; g < table->groups->len; g++)
        {
          NbTemplateGroup *group = g_ptr_array_index (table->groups, g);
          g_autofree char *fold = fold_label (group->label);

          for (guint other = 0; other < self->n_templates; other++)
            {
              SingleRow row;

              if ((int) other == u || !has_row_label (templates[other], fold))
                continue;
              row.fold = g_strdup (fold);
              row.label = g_strdup (group->label);
              row.template = other;
              row.sub_rows = sub_row_markers (table, group->id);
              g_array_append_val (self->single_rows, row);
            }
        }
    }
}

/* The first @n bytes at @p (fewer where the text ends first) as one
 * number. */
static guint64
key_at (const guchar *p,
        gsize         available,
        guint         n)
{
  guint64 key = 0;

  /* the first byte lowest, whichever way it is read */
  for (gsize i = 0; i < MIN (available, n); i++)
    key |= (guint64) p[i] << (8 * i);
  return key;
}

/* The key at @p in text followed by KEY_PADDING nul bytes: as key_at(),
 * its bytes read at once. */
static inline guint64
padded_key_at (NbTemplateChoice *self,
               const guchar     *p)
{
  guint64 key;

  memcpy (&key, p, sizeof key);
  return GUINT64_FROM_LE (key) & self->key_mask;
}

static inline guint
hash_key (guint64 key)
{
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - HASH_BITS));
}

static guint
add_needle (NbTemplateChoice *self,
            const char       *needle)
{
  gsize length = strlen (needle);

  g_ptr_array_add (self->needles, (gpointer) needle);
  g_array_append_val (self->lengths, length);
  return self->needles->len - 1;
}

/* Hashes every needle by as many first bytes as the shortest has. An
 * empty needle is found nowhere. */
static void
hash_needles (NbTemplateChoice *self)
{
  self->key_bytes = KEY_MAX_BYTES;
  for (guint i = 0; i < self->needles->len; i++)
    {
      gsize length = g_array_index (self->lengths, gsize, i);

      if (length > 0)
        self->key_bytes = MIN (self->key_bytes, length);
    }
  self->key_mask = self->key_bytes >= sizeof (guint64) ? G_MAXUINT64
                                                      : ((guint64) 1 << (8 * self->key_bytes)) - 1;
  self->hashes = g_new0 (guint64, (1 << HASH_BITS) / 64);
  for (guint i = 0; i < self->needles->len; i++)
    {
      const char *needle = g_ptr_array_index (self->needles, i);
      gsize length = g_array_index (self->lengths, gsize, i);
      guint hash = hash_key (key_at ((const guchar *) needle, length, self->key_bytes));
      guint bucket = hash % N_BUCKETS;

      if (length == 0)
        continue;
      self->hashes[hash / 64] |= (guint64) 1 << (hash % 64);
      if (self->buckets[bucket] == NULL)
        self->buckets[bucket] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (self->buckets[bucket], i);
    }
}

/* The words are the last needles; a word shorter than every needle of
 * the forms is looked for on its own (nb_template_choice_pick_folded()),
 * so that the keys all needles are hashed by stay as long. */
static void
index_words (NbTemplateChoice *self)
{
  gsize shortest = KEY_MAX_BYTES;

  for (guint i = 0; i < self->needles->len; i++)
    if (g_array_index (self->lengths, gsize, i) > 0)
      shortest = MIN (shortest, g_array_index (self->lengths, gsize, i));
  self->first_word = self->needles->len;
  for (guint i = 0; i < self->words->len; i++)
    {
      const char *word = g_ptr_array_index (self->words, i);

      if (strlen (word) >= shortest)
        add_needle (self, word);
      else
        g_ptr_array_add (self->short_words, (gpointer) word);
    }
}

static void
index_needles (NbTemplateChoice *self)
{
  for (guint i = 0; i < self->headers->len; i++)
    add_needle (self, g_ptr_array_index (self->headers, i));
  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *marker = &g_array_index (self->markers, Marker, i);

      marker->needle = add_needle (self, marker->fold);
    }
  for (guint i = 0; i < self->single_rows->len; i++)
    {
      SingleRow *row = &g_array_index (self->single_rows, SingleRow, i);

      row->needle = add_needle (self, row->fold);
      row->sub_needles = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint r = 0; row->sub_rows[r] != NULL; r++)
        {
          guint needle = add_needle (self, row->sub_rows[r]);

          g_array_append_val (row->sub_needles, needle);
        }
    }
  index_words (self);
  hash_needles (self);
}

/**
 * nb_template_choice_new:
 * @templates: (array length=n_templates): the forms to choose among; the
 *   first is the one to read on when the text does not tell
 * @n_templates: how many
 *
 * Returns: (transfer full): the markers of each form
 */
NbTemplateChoice *
nb_template_choice_new (NbTemplate * const *templates,
                        guint               n_templates)
{
  return nb_template_choice_new_full (templates, n_templates, NULL);
}

/**
 * nb_template_choice_new_full:
 * @templates: (array length=n_templates): as for nb_template_choice_new()
 * @n_templates: how many
 * @words: (array zero-terminated=1) (nullable): folded words to look for
 *   in the same pass, such as those that tell something of a text a
 *   caller would otherwise look for line by line
 *   (NbTemplateChoiceResult.has_words)
 *
 * Returns: (transfer full): the markers of each form
 */
NbTemplateChoice *
nb_template_choice_new_full (NbTemplate * const *templates,
                             guint               n_templates,
                             const char * const *words)
{
  NbTemplateChoice *self = g_new0 (NbTemplateChoice, 1);

  self->n_templates = n_templates;
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->originals = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->words = g_ptr_array_new_with_free_func (g_free);
  self->short_words = g_ptr_array_new ();
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    g_ptr_array_add (self->words, g_strdup (words[i]));
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  self->single_rows = g_array_new (FALSE, FALSE, sizeof (SingleRow));
  g_array_set_clear_func (self->markers, marker_clear);
  g_array_set_clear_func (self->single_rows, single_row_clear);

  for (guint t = 0; t < n_templates; t++)
    {
      GPtrArray *originals = collect_labels (templates[t], self->headers);

      g_ptr_array_add (self->originals, originals);
      g_ptr_array_add (self->labels, fold_labels (originals));
    }
  for (guint t = 0; t < n_templates; t++)
    {
      add_markers (self, t);
      add_single_rows (self, templates, t);
    }
  self->needles = g_ptr_array_new ();
  self->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  index_needles (self);
  return self;
}

void
nb_template_choice_free (NbTemplateChoice *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->labels);
  g_ptr_array_unref (self->originals);
  g_ptr_array_unref (self->headers);
  g_ptr_array_unref (self->words);
  g_ptr_array_unref (self->short_words);
  g_array_unref (self->markers);
  g_array_unref (self->single_rows);
  g_ptr_array_unref (self->needles);
  g_array_unref (self->lengths);
  g_free (self->hashes);
  for (guint b = 0; b < N_BUCKETS; b++)
    g_clear_pointer (&self->buckets[b], g_array_unref);
  g_free (self);
}

/* The text of all pieces folded into one buffer, as labels are
 * (test-template-2019 checks it), followed by KEY_PADDING nul bytes.
 * Folding never lengthens a text, so the buffer grows only to take a
 * piece's bytes as they are. */
static char *
fold_source (NbSource *source,
             gsize    *length)
{
  guint n_lines = nb_source_get_n_lines (source);
  gsize size = 4096;
  gsize used = 0;
  char *folded = g_malloc (size);

  for (guint l = 0; l < n_lines; l++)
    {
      const NbSourceLine *line = nb_source_get_line (source, l);

      for (guint i = 0; i < line->n_pieces; i++)
        {
          const NbSourcePiece *piece = nb_source_get_piece (source, line->first_piece + i);

          if (used + piece->length + KEY_PADDING > size)
            {
              size = MAX (2 * size, used + piece->length + KEY_PADDING);
              folded = g_realloc (folded, size);
            }
          used = nb_label_fold_to (nb_source_get_text (source, piece), piece->length,
                                   folded + used) - folded;
        }
    }
  memset (folded + used, '\0', KEY_PADDING);
  *length = used;
  return folded;
}

/* Which needles occur in @text (valid UTF-8, followed by KEY_PADDING nul
 * bytes), in one pass: the first bytes at each character's start are
 * hashed, and compared with the needles only where a needle's hash
 * alike. A needle starts a character, so the bytes inside one (two in
 * three of CJK text) are stepped over. */
static gboolean *
find_needles (NbTemplateChoice *self,
              const char       *text,
              gsize             length)
{
  gboolean *hit = g_new0 (gboolean, self->needles->len);
  const guchar *u = (const guchar *) text;

  for (gsize i = 0, step; i < length; i += step)
    {
      guint hash = hash_key (padded_key_at (self, u + i));
      GArray *bucket;

      /* CJK first, told by the byte alone: most characters are, and
       * the next position is then not waiting for a look-up */
      if (G_LIKELY ((u[i] & 0xF0) == 0xE0))
        step = 3;
      else
        step = g_utf8_skip[u[i]];

      if (G_LIKELY (!(self->hashes[hash / 64] & ((guint64) 1 << (hash % 64)))) ||
          (bucket = self->buckets[hash % N_BUCKETS]) == NULL)
        continue;
      for (guint k = 0; k < bucket->len; k++)
        {
          guint needle = g_array_index (bucket, guint, k);

          if (!hit[needle] && strncmp (text + i, g_ptr_array_index (self->needles, needle),
                                       g_array_index (self->lengths, gsize, needle)) == 0)
            hit[needle] = TRUE;
        }
    }
  return hit;
}

static gboolean
any_hit (const gboolean *hit,
         GArray         *needles)
{
  for (guint i = 0; i < needles->len; i++)
    if (hit[g_array_index (needles, guint, i)])
      return TRUE;
  return FALSE;
}

static void
count_markers (NbTemplateChoice *self,
               const gboolean   *hit,
               guint            *found,
               const char      **first)
{
  g_autofree guint *markers = NULL;

  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *marker = &g_array_index (self->markers, Marker, i);

      if (!hit[marker->needle])
        continue;
      if (found[marker->template]++ == 0)
        first[marker->template] = marker->label;
    }
  markers = g_memdup2 (found, self->n_templates * sizeof (guint));
  for (guint i = 0; i < self->single_rows->len; i++)
    {
      SingleRow *row = &g_array_index (self->single_rows, SingleRow, i);

      /* alone, it is a row some reports on the later form keep: that
       * form reads it as its group given as one row, and says so */
      if (!hit[row->needle] || any_hit (hit, row->sub_needles) || markers[row->template] == 0)
        continue;
      found[row->template]++;
    }
}

/**
 * nb_template_choice_pick:
 * @self: the markers
 * @source: what a reader made of a file
 * @result: (out caller-allocates): the template to read it on, and
 *   whether the labels of another one were found too
 */
void
nb_template_choice_pick (NbTemplateChoice       *self,
                         NbSource               *source,
                         NbTemplateChoiceResult *result)
{
  gsize length;
  g_autofree char *text = fold_source (source, &length);

  nb_template_choice_pick_folded (self, text, length, result);
}

/**
 * nb_template_choice_pick_folded:
 * @self: the markers
 * @fold: the text of all pieces of a source folded into one, as labels
 *   are (which drops any nul), followed by %NB_TEMPLATE_CHOICE_PADDING
 *   nul bytes
 * @length: its length, without them
 * @result: (out caller-allocates): as nb_template_choice_pick() sets it
 *
 * nb_template_choice_pick() for a caller that folded the text already.
 */
void
nb_template_choice_pick_folded (NbTemplateChoice       *self,
                                const char             *fold,
                                gsize                   length,
                                NbTemplateChoiceResult *result)
{
  g_autofree gboolean *hit = find_needles (self, fold, length);
  g_autofree guint *found = g_new0 (guint, self->n_templates);
  g_autofree const char **first = g_new0 (const char *, self->n_templates);

  count_markers (self, hit, found, first);
  result->chosen = -1;
  result->other = -1;
  result->other_label = NULL;
  /* on a tie the first template, the caller's own, wins */
  for (guint t = 0; t < self->n_templates; t++)
    if (found[t] > 0 && (result->chosen < 0 || found[t] > found[result->chosen]))
      result->chosen = t;
  for (guint t = 0; t < self->n_templates; t++)
    if (found[t] > 0 && (int) t != result->chosen &&
        (result->other < 0 || found[t] > found[result->other]))
      result->other = t;
  if (result->other >= 0)
    result->other_label = first[result->other];

  result->has_tables = FALSE;
  /* the headers are the first needles */
  for (guint i = 0; i < self->headers->len && !result->has_tables; i++)
    result->has_tables = hit[i];
  result->has_words = self->words->len == 0;
  for (guint i = self->first_word; i < self->needles->len && !result->has_words; i++)
    result->has_words = hit[i];
  /* the fold has no nul in it, and one after it */
  for (guint i = 0; i < self->short_words->len && !result->has_words; i++)
    result->has_words = strstr (fold, g_ptr_array_index (self->short_words, i)) != NULL;
}
