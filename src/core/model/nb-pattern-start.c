/* nb-pattern-start.c — where a template pattern's matches can start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-pattern-start"

#include "config.h"

#include <string.h>

#include "nb-pattern-start.h"
#include "nb-pattern.h"

/* PCRE2 finds where to try a pattern by the first byte of a match, and
 * in UTF-8 every Chinese character starts with one of six bytes: a
 * pattern of Chinese words is tried at every character. The characters
 * a match can begin with are read off the pattern once; the pattern,
 * anchored, is then tried only at those. A pattern whose first
 * character is not plain to see (a class such as \p{Han}, a negated
 * class, a back-reference, syntax not listed here), that can begin with
 * an ASCII character or that can match nothing at all gets no start,
 * and is searched as before. A run written twice, "(\p{Han}{2,4})\1",
 * is tried only where two to four characters are written twice. */

typedef struct
{
  gunichar first;
  gunichar last;
} Range;

/* Sixteen bytes, compared all at once where the processor can */
typedef guchar Bytes16 __attribute__ ((vector_size (16)));

/* A range whose characters are told by one byte: ASCII ("A-Z"), or of
 * three bytes, the first two the same ("０-９": EF BC 90 to EF BC 99);
 * each byte repeated 16 times, to compare with 16 of the text at once */
typedef struct
{
  gboolean wide;
  Bytes16  first;     /* the first two bytes, when wide */
  Bytes16  second;
  Bytes16  low;       /* the range of the one byte that differs */
  Bytes16  span;
} ByteRange;

struct _NbPatternStart
{
  NbPatternProbe *probe;      /* the pattern anchored, tried through PCRE2 */
  guint    repeat_min;        /* (X{min,max})\1: a run written twice */
  guint    repeat_max;
  gboolean repeat_wide;       /* its characters all from U+0800: three bytes or four */
  gboolean text_start;        /* a match may also start at the text's start */
  gboolean needed;            /* the ranges are of a character every match */
  guint    needed_min;        /* holds this many characters from its start */
  guint    needed_max;
  guint32  bits[4096 / 32];   /* by the low 12 bits of a code point */
  GArray  *ranges;            /* Range */
  gboolean searched;          /* candidates found by memchr */
  guint    n_literals;        /* the ranges, when up to four single characters */
  char     literals[4][8];
  guint8   literal_lengths[4];
  guint    n_classes;         /* or the ranges, up to four, told by one byte */
  ByteRange classes[4];
  guint    n_bytes;           /* or the first bytes of the ranges' characters */
  char     bytes[17];
  guint    n_prefixes;        /* every match begins with one of these words */
  guint8   prefix_lengths[24];
  char     prefixes[24][16];
};

typedef struct
{
  const char *at;
  gboolean    failed;
  gboolean    text_start;   /* a branch begins with ^: at the text's start */
} Parser;

/* A pattern compiled as GRegex compiles it anchored (UTF, UCP, any
 * newline), tried through PCRE2 itself: GRegex allocates a match at
 * every try and has PCRE2 check the UTF-8 of the whole text each time,
 * where the text was checked once when it was read. It is compiled at
 * its first try, once (g_once), as most patterns of a template are
 * never tried in a run; the threads of a batch share it. */
struct _NbPatternProbe
{
  char       *pattern;
  gsize       compiled;   /* g_once: code is set */
  pcre2_code *code;       /* NULL when PCRE2 does not compile it (or not
                           * yet): read with g_atomic_pointer_get() */
  gboolean    jit;        /* compiled to machine code: tried by the fast path;
                           * set before code */
};

/* \s: what PCRE2 counts as white space with Unicode properties on, and
 * more (which only costs a try) */
static const Range spaces[] = {
  { 0x09, 0x0d }, { 0x20, 0x20 }, { 0x85, 0x85 }, { 0xa0, 0xa0 }, { 0x1680, 0x1680 },
  { 0x180e, 0x180e }, { 0x2000, 0x200a }, { 0x2028, 0x2029 }, { 0x202f, 0x202f },
  { 0x205f, 0x205f }, { 0x3000, 0x3000 },
};

static gboolean parse_alternation (Parser *parser, GArray *into);

/**
 * nb_pattern_probe_new:
 * @pattern: a template pattern
 *
 * Returns: (transfer full): @pattern anchored, compiled at its first try
 */
NbPatternProbe *
nb_pattern_probe_new (const char *pattern)
{
  NbPatternProbe *self = g_new0 (NbPatternProbe, 1);

  self->pattern = g_strdup (pattern);
  return self;
}

void
nb_pattern_probe_free (NbPatternProbe *self)
{
  if (self == NULL)
    return;
  g_free (self->pattern);
  g_clear_pointer (&self->code, pcre2_code_free);
  g_free (self);
}

/* The probe's code, compiled at the first call; NULL when PCRE2 does
 * not compile the pattern as GRegex does. Once it is compiled, a call
 * is one atomic read, which also orders the read of jit after it. */
static const pcre2_code *
probe_code (NbPatternProbe *self)
{
  pcre2_code *code = g_atomic_pointer_get (&self->code);

  if (code != NULL)
    return code;
  if (g_once_init_enter (&self->compiled))
    {
      pcre2_compile_context *context = pcre2_compile_context_create (NULL);
      PCRE2_SIZE offset;
      int status;

      pcre2_set_newline (context, PCRE2_NEWLINE_ANY);
      pcre2_set_bsr (context, PCRE2_BSR_UNICODE);
      code = pcre2_compile ((PCRE2_SPTR) self->pattern, PCRE2_ZERO_TERMINATED,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED,
                            &status, &offset, context);
      pcre2_compile_context_free (context);
      self->jit = code != NULL && pcre2_jit_compile (code, PCRE2_JIT_COMPLETE) == 0;
      g_atomic_pointer_set (&self->code, code);
      g_once_init_leave (&self->compiled, 1);
    }
  return g_atomic_pointer_get (&self->code);
}

/**
 * nb_pattern_probe_compile:
 * @self: a probe
 *
 * Compiles the probe now rather than at its first try.
 */
void
nb_pattern_probe_compile (NbPatternProbe *self)
{
  probe_code (self);
}

/* The end of the match of @code, the probe's, at @at, as
 * nb_pattern_probe_end() tells */
static inline gssize
probe_end (const NbPatternProbe *self,
           const pcre2_code     *code,
           pcre2_match_data     *data,
           const char           *text,
           gsize                 length,
           gsize                 at)
{
  /* most tries fail at once: pcre2_match's checks of its arguments,
   * which pcre2_jit_match leaves out, would be a good part of each */
  int status = self->jit ? pcre2_jit_match (code, (PCRE2_SPTR) text, length, at, PCRE2_NO_UTF_CHECK, data, NULL)
                         : pcre2_match (code, (PCRE2_SPTR) text, length, at, PCRE2_NO_UTF_CHECK, data, NULL);

  if (status == PCRE2_ERROR_NOMATCH)
    return -1;
  if (status < 0)
    return -2;
  return pcre2_get_ovector_pointer (data)[1];
}

/**
 * nb_pattern_probe_end:
 * @data: room for the match (pcre2_match_data_create()), and for its
 *   groups when they are wanted (pcre2_match_data_create_from_pattern())
 * @text: valid UTF-8
 *
 * Returns: the end of the match that starts at @at, -1 when none does,
 *   -2 when PCRE2 could not tell (a limit, or a pattern it does not
 *   compile): ask GRegex
 */
gssize
nb_pattern_probe_end (NbPatternProbe   *self,
                      pcre2_match_data *data,
                      const char       *text,
                      gsize             length,
                      gsize             at)
{
  const pcre2_code *code = probe_code (self);

  if (code == NULL)
    return -2;
  return probe_end (self, code, data, text, length, at);
}

static void
add (GArray   *into,
     gunichar  first,
     gunichar  last)
{
  Range range = { first, last };

  if (into != NULL)
    g_array_append_val (into, range);
}

static void
add_spaces (GArray *into)
{
  for (guint i = 0; i < G_N_ELEMENTS (spaces); i++)
    add (into, spaces[i].first, spaces[i].last);
}

static gunichar
take_char (Parser *parser)
{
  gunichar c = g_utf8_get_char (parser->at);

  parser->at = g_utf8_next_char (parser->at);
  return c;
}

/* A letter escape that stands for one character, or 0 */
static gunichar
escaped_char (char letter)
{
  switch (letter)
    {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'e': return 0x1b;
    case 'a': return 0x07;
    default: return 0;
    }
}

/* An escape outside a class; returns whether it can match nothing */
static gboolean
parse_escape (Parser *parser,
              GArray *into)
{
  char letter = *++parser->at;

  if (letter == '\0' || letter == '0' || strchr ("xcogkQEKhHvV", letter) != NULL)
    parser->failed = TRUE;
  else if (escaped_char (letter) != 0)
    add (into, escaped_char (letter), escaped_char (letter));
  else if (letter == 's')
    add_spaces (into);
  else if (strchr ("bBAzZG", letter) != NULL)
    {
      parser->at++;
      return TRUE;
    }
  else if (letter >= '1' && letter <= '9')
    {
      /* a back-reference: may be empty, begins with anything */
      parser->failed |= into != NULL;
      while (g_ascii_isdigit (*parser->at))
        parser->at++;
      return TRUE;
    }
  else if (letter == 'p' || letter == 'P')
    {
      parser->failed |= into != NULL;
      if (parser->at[1] == '{' && strchr (parser->at, '}') != NULL)
        parser->at = strchr (parser->at, '}');
      else
        parser->at++;
    }
  else if (g_ascii_isalnum (letter))
    parser->failed |= into != NULL;   /* \d, \w, \S…: a class */
  else
    {
      gunichar c = take_char (parser);

      add (into, c, c);
      return FALSE;
    }
  if (!parser->failed)
    parser->at++;
  return FALSE;
}

/* One character of a class, for a range's ends; 0 for anything else
 * (\d, \p{Han}…), which is passed over */
static gunichar
class_char (Parser *parser)
{
  if (*parser->at != '\\')
    return take_char (parser);
  parser->at++;
  if (escaped_char (*parser->at) != 0)
    return escaped_char (*parser->at++);
  if (*parser->at == 'b')
    {
      parser->at++;
      return 0x08;
    }
  if (*parser->at == '\0')
    return 0;
  if (!g_ascii_isalnum (*parser->at))
    return take_char (parser);
  if ((parser->at[0] == 'p' || parser->at[0] == 'P') && parser->at[1] == '{' &&
      strchr (parser->at, '}') != NULL)
    parser->at = strchr (parser->at, '}');
  parser->at++;
  return 0;
}

/* A class; what it matches is added to @into, which fails when that is
 * not a list of characters (negated, \d, [:alpha:]) */
static void
parse_class (Parser *parser,
             GArray *into)
{
  gboolean first = TRUE;

  if (*++parser->at == '^')
    {
      parser->failed |= into != NULL;
      parser->at++;
    }
  while (!parser->failed && (*parser->at != ']' || first))
    {
      gunichar low, high;

      first = FALSE;
      if (*parser->at == '\0' || (parser->at[0] == '[' && parser->at[1] == ':'))
        {
          parser->failed = TRUE;
          return;
        }
      if (parser->at[0] == '\\' && parser->at[1] == 's')
        {
          add_spaces (into);
          parser->at += 2;
          continue;
        }
      if ((low = class_char (parser)) == 0)
        {
          parser->failed |= into != NULL || *parser->at == '\0';
          continue;
        }
      high = low;
      if (parser->at[0] == '-' && parser->at[1] != ']' && parser->at[1] != '\0')
        {
          parser->at++;
          if ((high = class_char (parser)) == 0 || high < low)
            {
              parser->failed = TRUE;
              return;
            }
        }
      add (into, low, high);
    }
  parser->at++;
}

/* A group; returns whether it can match nothing */
static gboolean
parse_group (Parser *parser,
             GArray *into)
{
  const char *at = ++parser->at;
  gboolean nullable;

  if (at[0] == '?' && at[1] == ':')
    {
      parser->at += 2;
      nullable = parse_alternation (parser, into);
    }
  else if (at[0] == '?' && (at[1] == '=' || at[1] == '!' ||
                            (at[1] == '<' && (at[2] == '=' || at[2] == '!'))))
    {
      /* an assertion: matches no character */
      parser->at += at[1] == '<' ? 3 : 2;
      parse_alternation (parser, NULL);
      nullable = TRUE;
    }
  else if (at[0] == '?' || at[0] == '*')
    {
      parser->failed = TRUE;
      return FALSE;
    }
  else
    nullable = parse_alternation (parser, into);
  if (*parser->at != ')')
    parser->failed = TRUE;
  else
    parser->at++;
  return nullable;
}

/* A quantifier after an atom, if any; returns whether it allows none */
static gboolean
parse_quantifier (Parser *parser)
{
  gboolean none = FALSE;

  if (*parser->at == '?' || *parser->at == '*')
    none = TRUE, parser->at++;
  else if (*parser->at == '+')
    parser->at++;
  else if (*parser->at == '{')
    {
      const char *at = parser->at + 1;
      guint64 least = g_ascii_strtoull (at, (char **) &at, 10);

      if (!g_ascii_isdigit (parser->at[1]))
        {
          parser->failed = TRUE;
          return FALSE;
        }
      if (*at == ',')
        while (g_ascii_isdigit (*++at))
          ;
      if (*at != '}')
        {
          parser->failed = TRUE;
          return FALSE;
        }
      parser->at = at + 1;
      none = least == 0;
    }
  else
    return FALSE;
  if (*parser->at == '?' || *parser->at == '+')
    parser->at++;
  return none;
}

/* One atom; returns whether it can match nothing */
static gboolean
parse_atom (Parser *parser,
            GArray *into)
{
  gunichar c;

  switch (*parser->at)
    {
    case '(':
      return parse_group (parser, into);
    case '[':
      parse_class (parser, into);
      return FALSE;
    case '^':
      /* without (?m), only at the text's start: what follows it in
       * its branch starts no match anywhere else */
      parser->at++;
      parser->text_start |= into != NULL;
      return into == NULL;
    case '$':
      parser->at++;
      return TRUE;
    case '\\':
      return parse_escape (parser, into);
    case '.':
    case '*':
    case '+':
    case '?':
    case '{':
      parser->failed = TRUE;
      return FALSE;
    default:
      c = take_char (parser);
      add (into, c, c);
      return FALSE;
    }
}

/* A branch: the atoms up to | or ); what can start it is added to
 * @into while every atom before could match nothing */
static gboolean
parse_sequence (Parser *parser,
                GArray *into)
{
  gboolean nullable = TRUE;

  while (!parser->failed && *parser->at != '\0' && *parser->at != '|' && *parser->at != ')')
    {
      gboolean atom = parse_atom (parser, nullable ? into : NULL);

      if (!parser->failed)
        atom |= parse_quantifier (parser);
      nullable = nullable && atom;
    }
  return nullable;
}

static gboolean
parse_alternation (Parser *parser,
                   GArray *into)
{
  gboolean nullable = parse_sequence (parser, into);

  while (!parser->failed && *parser->at == '|')
    {
      parser->at++;
      nullable |= parse_sequence (parser, into);
    }
  return nullable;
}

/* How many characters an item of a pattern matches, at least and at
 * most; more than this is as good as any number. */
#define WIDTH_UNBOUNDED 1000

static void width_alternation (Parser *parser, guint *min, guint *max);

/* The width of the atom at parser->at, which is passed over; a
 * quantifier after it is not */
static void
atom_width (Parser *parser,
            guint  *min,
            guint  *max)
{
  const char *at = parser->at;

  *min = *max = 1;
  if (at[0] == '(' && at[1] == '?' && (at[2] == '=' || at[2] == '!' || at[2] == '<'))
    {
      parse_atom (parser, NULL);   /* an assertion */
      *min = *max = 0;
    }
  else if (at[0] == '(')
    {
      parser->at += at[1] == '?' && at[2] == ':' ? 3 : at[1] == '?' || at[1] == '*' ? 0 : 1;
      if (parser->at == at)
        parser->failed = TRUE;
      else
        width_alternation (parser, min, max);
      if (*parser->at != ')')
        parser->failed = TRUE;
      else
        parser->at++;
    }
  else if (at[0] == '^' || at[0] == '$' ||
           (at[0] == '\\' && at[1] != '\0' && strchr ("bBAzZG", at[1]) != NULL))
    {
      parser->at += at[0] == '\\' ? 2 : 1;
      *min = *max = 0;
    }
  else if (at[0] == '.')
    parser->at++;
  else if (at[0] == '\\' && (g_ascii_isdigit (at[1]) || (at[1] != '\0' && strchr ("RXNC", at[1]) != NULL)))
    parser->failed = TRUE;   /* a back-reference, a newline or grapheme: any width */
  else
    parse_atom (parser, NULL);
}

/* An atom's width times its quantifier's */
static void
item_width (Parser *parser,
            guint  *min,
            guint  *max)
{
  const char *at;
  guint least = 1, most = 1;

  atom_width (parser, min, max);
  if (parser->failed)
    return;
  at = parser->at;
  if (*at == '?')
    least = 0;
  else if (*at == '*' || *at == '+')
    least = *at == '+', most = WIDTH_UNBOUNDED;
  else if (*at == '{' && g_ascii_isdigit (at[1]))
    {
      char *end;
      guint64 n = g_ascii_strtoull (at + 1, &end, 10);

      least = most = MIN (n, WIDTH_UNBOUNDED);
      if (*end == ',' && g_ascii_isdigit (end[1]))
        {
          n = g_ascii_strtoull (end + 1, &end, 10);
          most = MIN (n, WIDTH_UNBOUNDED);
        }
      else if (*end == ',')
        most = WIDTH_UNBOUNDED;
    }
  parse_quantifier (parser);
  *min = MIN (*min * least, WIDTH_UNBOUNDED);
  *max = MIN (*max * most, WIDTH_UNBOUNDED);
}

static void
width_alternation (Parser *parser,
                   guint  *min,
                   guint  *max)
{
  gboolean first = TRUE;

  *min = WIDTH_UNBOUNDED;
  *max = 0;
  while (!parser->failed && (first || *parser->at == '|'))
    {
      guint branch_min = 0, branch_max = 0;

      if (!first)
        parser->at++;
      first = FALSE;
      while (!parser->failed && *parser->at != '\0' && *parser->at != '|' && *parser->at != ')')
        {
          guint item_min, item_max;

          item_width (parser, &item_min, &item_max);
          branch_min = MIN (branch_min + item_min, WIDTH_UNBOUNDED);
          branch_max = MIN (branch_max + item_max, WIDTH_UNBOUNDED);
        }
      *min = MIN (*min, branch_min);
      *max = MAX (*max, branch_max);
    }
}

/* The characters one item can be, when it is a character, a class of
 * characters or a group of one (its quantifier asking for one at
 * least): the item at @at, into @ranges */
static gboolean
item_characters (const char *at,
                 GArray     *ranges)
{
  Parser parser = { at, FALSE };
  gboolean nullable;

  if (at[0] == '(' && at[1] != '?' && at[1] != '*')
    {
      const char *close;

      /* a capturing group of a class: "([,;:?!])", "([A-Za-z]{2,})" */
      parser.at++;
      if (*parser.at != '[')
        return FALSE;
      parse_class (&parser, ranges);
      if (!parser.failed && parse_quantifier (&parser))
        return FALSE;
      close = parser.at;
      if (parser.failed || *close != ')')
        return FALSE;
      parser.at++;
    }
  else if (at[0] == '[' || (at[0] != '(' && at[0] != '\\' && at[0] != '.' && at[0] != '^' && at[0] != '$'))
    parse_atom (&parser, ranges);
  else
    return FALSE;
  nullable = !parser.failed && parse_quantifier (&parser);
  return !parser.failed && !nullable && ranges->len > 0;
}

/* One branch of a pattern, from @branch to its end (put in @end): the
 * characters its matches all hold, appended to @ranges, and how many
 * characters from a match's start */
static gboolean
parse_needed_branch (const char  *branch,
                     const char **end,
                     GArray      *ranges,
                     guint       *min,
                     guint       *max)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Range));
  Parser parser = { branch, FALSE };
  guint item_min, item_max;

  /* all of it plain to read */
  while (!parser.failed && *parser.at != '\0' && *parser.at != '|' && *parser.at != ')')
    item_width (&parser, &item_min, &item_max);
  if (parser.failed || *parser.at == ')')
    return FALSE;
  *end = parser.at;
  parser.at = branch;
  *min = *max = 0;
  while (!parser.failed && parser.at < *end)
    {
      g_array_set_size (found, 0);
      if (item_characters (parser.at, found))
        {
          g_array_append_vals (ranges, found->data, found->len);
          return *max < 8;
        }
      item_width (&parser, &item_min, &item_max);
      *min += item_min;
      *max += item_max;
      if (*max >= 8)
        return FALSE;
    }
  return FALSE;
}

/* A pattern whose matches all hold one of a few characters (a literal,
 * a class listed out) a bounded number of characters from their start,
 * in each of its branches: "\p{Han}\s?([,;:?!])", "(?:…)是",
 * "20[Xx]{2}年|[Xx]{1,2}月". A match is tried only that far before such
 * a character. */
static gboolean
parse_needed (const char *pattern,
              GArray     *ranges,
              guint      *min,
              guint      *max)
{
  const char *at = pattern;

  *min = G_MAXUINT;
  *max = 0;
  do
    {
      guint branch_min, branch_max;

      if (!parse_needed_branch (at, &at, ranges, &branch_min, &branch_max))
        return FALSE;
      *min = MIN (*min, branch_min);
      *max = MAX (*max, branch_max);
    }
  while (*at++ == '|');
  return TRUE;
}

static void
set_bits (NbPatternStart *self)
{
  for (guint i = 0; i < self->ranges->len; i++)
    {
      Range *range = &g_array_index (self->ranges, Range, i);

      for (gunichar c = range->first; c <= range->last && c - range->first < 4096; c++)
        self->bits[(c & 0xfff) / 32] |= 1u << (c & 31);
    }
}

/* Past a class at @at, "[…]" */
static const char *
skip_class (const char *at)
{
  at++;
  if (*at == '^')
    at++;
  if (*at == ']')
    at++;
  while (*at != '\0' && *at != ']')
    at += at[0] == '\\' && at[1] != '\0' ? 2 : 1;
  return *at == ']' ? at + 1 : at;
}

/* The rest of a branch from @at: where the | or ) that ends it is, or
 * the pattern's end */
static const char *
skip_branch (const char *at)
{
  int depth = 0;

  while (*at != '\0' && (depth > 0 || (*at != '|' && *at != ')')))
    {
      if (*at == '[')
        {
          at = skip_class (at);
          continue;
        }
      if (*at == '(')
        depth++;
      else if (*at == ')')
        depth--;
      at += at[0] == '\\' && at[1] != '\0' ? 2 : 1;
    }
  return at;
}

/* Past the lookbehinds a branch begins with, which match no character;
 * NULL when one does not end */
static const char *
skip_lookbehinds (const char *at)
{
  while (g_str_has_prefix (at, "(?<!") || g_str_has_prefix (at, "(?<="))
    {
      at = skip_branch (at + 4);
      while (*at == '|')
        at = skip_branch (at + 1);
      if (*at != ')')
        return NULL;
      at++;
    }
  return at;
}

/* How many bytes of literal characters @at begins with, each matched
 * once (no quantifier after it), no more than @room - 1 */
static gsize
literal_run (const char *at,
             gsize       room)
{
  gsize n = 0;

  while (at[n] != '\0' && strchr ("\\^$.|?*+()[]{}", at[n]) == NULL)
    {
      gsize next = g_utf8_next_char (at + n) - at;

      if ((at[next] != '\0' && strchr ("?*+{", at[next]) != NULL) || next >= room)
        break;
      n = next;
    }
  return n;
}

/* The words the branches from @at begin with, up to the | or ) that
 * ends the last; returns that end, or NULL when a branch does not begin
 * with a literal character */
static const char *
parse_prefixes (NbPatternStart *self,
                const char     *at)
{
  for (;;)
    {
      guint i = self->n_prefixes;
      gsize n;

      if ((at = skip_lookbehinds (at)) == NULL || i == G_N_ELEMENTS (self->prefixes) ||
          (n = literal_run (at, sizeof self->prefixes[i])) == 0)
        return NULL;
      memcpy (self->prefixes[i], at, n);
      self->prefix_lengths[i] = n;
      self->n_prefixes++;
      at = skip_branch (at + n);
      if (*at != '|')
        return at;
      at++;
    }
}

/* A pattern whose branches each begin with a word ("问题|不足",
 * "(?:上年度?|上一年度?)结转…", "(?<!不予)答复…") matches only where one
 * of the words is: that is compared before the pattern is tried, as
 * their first characters are common. Patterns of other forms get none. */
static void
set_prefixes (NbPatternStart *self,
              const char     *pattern)
{
  const char *at = skip_lookbehinds (pattern);
  gboolean grouped = at != NULL && at[0] == '(' && (at[1] != '?' || at[2] == ':');

  if (at != NULL && grouped)
    {
      at = parse_prefixes (self, at + (at[1] == '?' ? 3 : 1));
      /* the group once, and no branch after it */
      if (at != NULL && *at == ')' && (at[1] == '\0' || strchr ("?*+{", at[1]) == NULL))
        at = skip_branch (at + 1);
      else
        at = NULL;
    }
  else if (at != NULL)
    at = parse_prefixes (self, at);
  if (at == NULL || *at != '\0')
    self->n_prefixes = 0;
}

/* Whether the text at @at, @left bytes, begins with one of the start's
 * words (or the start has none) */
static inline gboolean
has_prefix_at (const NbPatternStart *self,
               const char           *at,
               gsize                 left)
{
  if (self->n_prefixes == 0)
    return TRUE;
  for (guint i = 0; i < self->n_prefixes; i++)
    if (self->prefix_lengths[i] <= left && memcmp (at, self->prefixes[i], self->prefix_lengths[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A few single characters are found by memchr, which skips the text
 * many bytes at a time, rather than by reading every character; more
 * than four are met so often that reading every character is faster */
static void
set_literals (NbPatternStart *self)
{
  gunichar distinct[G_N_ELEMENTS (self->literals)];
  guint n = 0;

  for (guint i = 0; i < self->ranges->len; i++)
    {
      Range *range = &g_array_index (self->ranges, Range, i);
      guint j = 0;

      if (range->first != range->last)
        return;
      /* a character that begins two branches ("结转|结余") is looked for once */
      while (j < n && distinct[j] != range->first)
        j++;
      if (j < n)
        continue;
      if (n == G_N_ELEMENTS (distinct))
        return;
      distinct[n++] = range->first;
    }
  self->n_literals = n;
  for (guint i = 0; i < n; i++)
    {
      self->literal_lengths[i] = g_unichar_to_utf8 (distinct[i], self->literals[i]);
      self->literals[i][self->literal_lengths[i]] = '\0';
    }
}

/* Characters whose first bytes are up to 16, none of them one that
 * starts a Chinese ideograph (E4 to E9, too common to look for): found
 * by memchr, a byte at a time, then told apart by the bit set (",;:?!",
 * "XxＸｘ×") */
static void
set_bytes (NbPatternStart *self)
{
  char firsts[sizeof self->bytes];
  guint n = 0;

  for (guint i = 0; i < self->ranges->len; i++)
    {
      Range *range = &g_array_index (self->ranges, Range, i);

      if (range->first == 0 || range->last - range->first > 256)
        return;
      for (gunichar c = range->first; c <= range->last; c++)
        {
          char bytes[8];

          g_unichar_to_utf8 (c, bytes);
          if ((guchar) bytes[0] >= 0xe4 && (guchar) bytes[0] <= 0xe9)
            return;
          if (memchr (firsts, bytes[0], n) != NULL)
            continue;
          if (n == sizeof firsts - 1)
            return;
          firsts[n++] = bytes[0];
        }
    }
  firsts[n] = '\0';
  memcpy (self->bytes, firsts, n + 1);
  self->n_bytes = n;
}

/* Up to four ranges each told by one byte ("[A-Za-z]", "[0-9０-９]"):
 * looked for 16 bytes at a time, where memchr would look for each of
 * their many first bytes, or could not (more than 16) */
static void
set_classes (NbPatternStart *self)
{
  if (self->ranges->len > G_N_ELEMENTS (self->classes))
    return;
  for (guint i = 0; i < self->ranges->len; i++)
    {
      Range *range = &g_array_index (self->ranges, Range, i);
      ByteRange *class = &self->classes[i];
      char first[8], last[8];

      if (range->first == 0 || range->first == range->last)
        return;
      if (range->last < 0x80)
        {
          first[2] = range->first;
          last[2] = range->last;
        }
      else if (range->first < 0x800 || range->last > 0xffff ||
               g_unichar_to_utf8 (range->first, first) != 3 || g_unichar_to_utf8 (range->last, last) != 3 ||
               first[0] != last[0] || first[1] != last[1])
        return;
      class->wide = range->last >= 0x80;
      class->first = (Bytes16) { 0 } + (guchar) first[0];
      class->second = (Bytes16) { 0 } + (guchar) first[1];
      class->low = (Bytes16) { 0 } + (guchar) first[2];
      class->span = (Bytes16) { 0 } + (guchar) ((guchar) last[2] - (guchar) first[2]);
    }
  self->n_classes = self->ranges->len;
}

static void
set_searched (NbPatternStart *self)
{
  set_literals (self);
  if (self->n_literals == 0)
    set_classes (self);
  if (self->n_literals == 0 && self->n_classes == 0)
    set_bytes (self);
  self->searched = self->n_literals > 0 || self->n_classes > 0 || self->bytes[0] != '\0';
}

/* A start whose tries are of the pattern anchored, through PCRE2 */
static NbPatternStart *
start_new (const char *pattern,
           GArray     *ranges)
{
  NbPatternStart *self = g_new0 (NbPatternStart, 1);

  self->probe = nb_pattern_probe_new (pattern);
  self->ranges = g_array_ref (ranges);
  set_bits (self);
  set_searched (self);
  return self;
}

/* Where a match must hold one of a few characters: NULL if nowhere
 * plain to see */
static NbPatternStart *
needed_new (const char *pattern)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  NbPatternStart *self;
  guint min, max;

  if (!parse_needed (pattern, ranges, &min, &max))
    return NULL;
  self = start_new (pattern, ranges);
  self->needed = TRUE;
  self->needed_min = min;
  self->needed_max = max;
  return self;
}

/* A pattern that begins at the text's start or at one of a few
 * characters ("(?:^|\\n)"): PCRE2 tries it at every character, as a match
 * at the start needs none; it is tried at the start and where memchr
 * finds one of them */
static NbPatternStart *
line_start_new (const char *pattern,
                GArray     *ranges)
{
  NbPatternStart *self = start_new (pattern, ranges);

  if (!self->searched)
    {
      nb_pattern_start_free (self);
      return needed_new (pattern);
    }
  self->text_start = TRUE;
  return self;
}

/**
 * nb_pattern_start_new:
 * @pattern: a pattern as the template writes it (compiled with
 *   %G_REGEX_OPTIMIZE only)
 *
 * Returns: (transfer full) (nullable): the characters a match of
 *   @pattern can begin with, or %NULL when a match may begin anywhere
 */
/* A pattern "(X)\1", X a group of min to max characters
 * ("\p{Han}{2,4}", "的|了|和"), matches only where a run of min to max
 * characters is written twice: that is looked for, besides the first
 * character when it is plain to see. */
static gboolean
parse_repeat (const char *pattern,
              guint      *min,
              guint      *max)
{
  Parser parser = { pattern, FALSE };

  if (pattern[0] != '(' || pattern[1] == '?' || pattern[1] == '*')
    return FALSE;
  atom_width (&parser, min, max);
  return !parser.failed && g_str_equal (parser.at, "\\1") && *min >= 1 && *max <= 16;
}

/* Whether every character the group "(X)" at the start of @pattern can
 * match is from U+0800, written in three bytes or four: X holds only
 * such characters, classes of them and \p{Han} (the Han script begins
 * at U+2E80), in branches, with quantifiers. */
static gboolean
parse_repeat_wide (const char *pattern)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  Parser parser = { pattern + 1, FALSE };

  while (!parser.failed && *parser.at != ')')
    {
      if (*parser.at == '|')
        {
          parser.at++;
          continue;
        }
      if (g_str_has_prefix (parser.at, "\\p{Han}"))
        parser.at += strlen ("\\p{Han}");
      else if (*parser.at == '[')
        parse_class (&parser, ranges);
      else if ((guchar) *parser.at < 0x80)
        return FALSE;   /* any other syntax, or an ASCII character */
      else if (take_char (&parser) < 0x800)
        return FALSE;
      if (!parser.failed)
        parse_quantifier (&parser);
    }
  for (guint i = 0; i < ranges->len; i++)
    if (g_array_index (ranges, Range, i).first < 0x800)
      return FALSE;
  return !parser.failed;
}

NbPatternStart *
nb_pattern_start_new (const char *pattern)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  Parser parser = { pattern, FALSE, FALSE };
  gboolean nullable = parse_alternation (&parser, ranges);
  NbPatternStart *self;
  guint min, max;

  if (parse_repeat (pattern, &min, &max))
    {
      self = g_new0 (NbPatternStart, 1);
      self->probe = nb_pattern_probe_new (pattern);
      self->repeat_min = min;
      self->repeat_max = max;
      self->repeat_wide = parse_repeat_wide (pattern);
      if (parser.failed || nullable || *parser.at != '\0')
        g_array_set_size (ranges, 0);
      self->ranges = g_steal_pointer (&ranges);
      set_bits (self);
      set_searched (self);
      return self;
    }
  if (parser.failed || nullable || *parser.at != '\0' || ranges->len == 0)
    return needed_new (pattern);
  if (parser.text_start)
    return line_start_new (pattern, ranges);
  /* PCRE2 skips by itself to a first byte that can start a match: a
   * pattern that can begin with a plain ASCII character (a letter, a
   * comma) gains nothing, and a comma is too common to try at */
  for (guint i = 0; i < ranges->len; i++)
    if (g_array_index (ranges, Range, i).first < 0x80)
      return needed_new (pattern);
  self = start_new (pattern, ranges);
  set_prefixes (self, pattern);
  return self;
}

void
nb_pattern_start_free (NbPatternStart *self)
{
  if (self == NULL)
    return;
  nb_pattern_probe_free (self->probe);
  g_array_unref (self->ranges);
  g_free (self);
}

/**
 * nb_pattern_start_get_probe:
 *
 * Returns: (transfer none): the pattern anchored, which the start's
 *   tries are of
 */
NbPatternProbe *
nb_pattern_start_get_probe (const NbPatternStart *self)
{
  return self->probe;
}

/**
 * nb_pattern_start_allows:
 *
 * Returns: whether a match can begin with @c
 */
gboolean
nb_pattern_start_allows (const NbPatternStart *self,
                         gunichar              c)
{
  if (!(self->bits[(c & 0xfff) / 32] & (1u << (c & 31))))
    return FALSE;
  for (guint i = 0; i < self->ranges->len; i++)
    {
      Range *range = &g_array_index (self->ranges, Range, i);

      if (c >= range->first && c <= range->last)
        return TRUE;
    }
  return FALSE;
}

/**
 * nb_pattern_iter_init:
 * @start: (nullable): where matches of @regex can start
 * @text: valid UTF-8, nul-terminated at @length
 *
 * Sets @iter to walk the matches of @regex in @text.
 */
void
nb_pattern_iter_init (NbPatternIter        *iter,
                      GRegex               *regex,
                      const NbPatternStart *start,
                      const char           *text,
                      gsize                 length)
{
  *iter = (NbPatternIter) { .regex = regex, .start = start, .text = text, .length = length, .four_bytes = -1 };
}

/**
 * nb_pattern_iter_init_pattern:
 * @text: valid UTF-8, nul-terminated at @length
 *
 * Sets @iter to walk the matches of @pattern in @text, by its start;
 * its GRegex is compiled only where the start does not tell.
 */
void
nb_pattern_iter_init_pattern (NbPatternIter *iter,
                              NbPattern     *pattern,
                              const char    *text,
                              gsize          length)
{
  *iter = (NbPatternIter) { .pattern = pattern, .start = nb_pattern_get_start (pattern),
                            .text = text, .length = length, .four_bytes = -1 };
}

/* The iterator's GRegex, compiled where it is first needed */
static GRegex *
iter_regex (NbPatternIter *iter)
{
  if (iter->regex == NULL)
    iter->regex = nb_pattern_get_regex (iter->pattern);
  return iter->regex;
}

/* Whether the text at @at begins with a run of min to max characters
 * written twice */
static gboolean
comes_again (const NbPatternStart *self,
             const guchar         *at,
             const guchar         *end)
{
  const guchar *next = at;
  gboolean wide = self->repeat_max <= 8;

  /* most narrative is characters of three bytes: where the first
   * repeat_max are, a run of k is 3k bytes, told without walking the
   * characters one after the other */
  for (guint k = 0; wide && k < self->repeat_max; k++)
    wide = at + 3 * k < end && (at[3 * k] & 0xF0) == 0xE0;
  for (guint k = self->repeat_min; wide && k <= self->repeat_max; k++)
    {
      const guchar *again = at + 3 * k;

      if (again + 3 * k > end)
        return FALSE;
      /* the first character compared in one test: its lead byte alone
       * is often the same */
      if (G_UNLIKELY ((again[0] == at[0]) & (again[1] == at[1]) & (again[2] == at[2])) &&
          memcmp (at, again, 3 * k) == 0)
        return TRUE;
    }
  if (wide)
    return FALSE;

  for (guint k = 1; k <= self->repeat_max && next < end; k++)
    {
      next += g_utf8_skip[*next];
      if (next + (next - at) > end)
        return FALSE;
      /* the run's first bytes first: they rarely come again */
      if (k >= self->repeat_min && next[0] == at[0] && (next - at < 2 || next[1] == at[1]) &&
          memcmp (at, next, next - at) == 0)
        return TRUE;
    }
  return FALSE;
}

static inline Bytes16
load16 (const guchar *at)
{
  Bytes16 v;

  memcpy (&v, at, sizeof v);
  return v;
}

static inline gboolean
any16 (Bytes16 v)
{
  guint64 half[2];

  memcpy (half, &v, sizeof half);
  return (half[0] | half[1]) != 0;
}

/* The first byte of @v that is not zero, or 16 */
static inline guint
first16 (Bytes16 v)
{
  guint64 half[2];

  memcpy (half, &v, sizeof half);
  if (half[0] != 0)
    return __builtin_ctzll (GUINT64_TO_LE (half[0])) / 8;
  if (half[1] != 0)
    return 8 + __builtin_ctzll (GUINT64_TO_LE (half[1])) / 8;
  return 16;
}

/* The first place at or after @at where @needle (@n bytes) is in
 * @text (@length bytes), or @length. A word's last two bytes are looked
 * for together, 16 places at a time: the last byte alone, of a Chinese
 * character one of 64 values, comes every few dozen characters, and a
 * memchr for it paid its fixed cost again at each. One byte is found by
 * memchr, which reads no further than what it finds. */
static gsize
find_word (const char *text,
           gsize       length,
           gsize       at,
           const char *needle,
           gsize       n)
{
  const guchar *bytes = (const guchar *) text;
  guchar before, last;
  gsize from;

  if (n == 1)
    {
      const char *found = at < length ? memchr (text + at, needle[0], length - at) : NULL;

      return found != NULL ? (gsize) (found - text) : length;
    }
  before = needle[n - 2];
  last = needle[n - 1];
  /* from: where the word's last but one byte would be */
  for (from = at + n - 2; from + 17 <= length;)
    {
      Bytes16 found = (load16 (bytes + from) == before) & (load16 (bytes + from + 1) == last);
      guint i;

      /* most blocks hold no pair: one test passes them, without looking
       * for where the pair is */
      if (!any16 (found))
        {
          from += 16;
          continue;
        }
      /* a pair found is nearly always the word; when not, the search
       * goes on from the next place */
      i = first16 (found);
      if (memcmp (text + from + i - (n - 2), needle, n - 2) == 0)
        return from + i - (n - 2);
      from += i + 1;
    }
  for (; from + 1 < length; from++)
    if (bytes[from] == before && bytes[from + 1] == last &&
        memcmp (text + from - (n - 2), needle, n - 2) == 0)
      return from - (n - 2);
  return length;
}

static inline gsize
find_needle (const NbPatternIter *iter,
             gsize                at,
             const char          *needle,
             gsize                n)
{
  return find_word (iter->text, iter->length, at, needle, n);
}

static gsize find_classes (const NbPatternIter *iter,
                           gsize                at);

/* Where the first of the start's literals, ranges or first bytes at or
 * after @at is; the next place of each literal or byte is kept, and
 * looked for again once passed */
static gsize
next_literal (NbPatternIter *iter,
              gsize          at)
{
  const NbPatternStart *self = iter->start;
  guint n = self->n_literals > 0 ? self->n_literals : self->n_bytes;
  gsize first = iter->length;

  if (self->n_classes > 0)
    return find_classes (iter, at);

  for (guint i = 0; i < n; i++)
    {
      if (!iter->literals_found || iter->literal_at[i] < at)
        iter->literal_at[i] = self->n_literals > 0 ? find_needle (iter, at, self->literals[i], self->literal_lengths[i])
                                                   : find_needle (iter, at, &self->bytes[i], 1);
      first = MIN (first, iter->literal_at[i]);
    }
  iter->literals_found = TRUE;
  return first;
}


/* Whether the character at @at, before @end, is in one of the start's
 * ranges told by one byte */
static gboolean
in_classes (const NbPatternStart *self,
            const guchar         *at,
            const guchar         *end)
{
  for (guint i = 0; i < self->n_classes; i++)
    {
      const ByteRange *class = &self->classes[i];

      if (!class->wide && (guchar) (at[0] - class->low[0]) <= class->span[0])
        return TRUE;
      if (class->wide && at + 2 < end && at[0] == class->first[0] && at[1] == class->second[0] &&
          (guchar) (at[2] - class->low[0]) <= class->span[0])
        return TRUE;
    }
  return FALSE;
}

/* The first character at or after @at in one of the start's ranges told
 * by one byte; blocks of 16 bytes without one are passed over at once */
static gsize
find_classes (const NbPatternIter *iter,
              gsize                at)
{
  const NbPatternStart *self = iter->start;
  const guchar *text = (const guchar *) iter->text;

  for (; at + 18 <= iter->length; at += 16)
    {
      Bytes16 first = load16 (text + at), second = load16 (text + at + 1), third = load16 (text + at + 2);
      Bytes16 found = { 0 };

      for (guint i = 0; i < self->n_classes; i++)
        {
          const ByteRange *class = &self->classes[i];

          if (class->wide)
            found |= (first == class->first) & (second == class->second) &
                     ((Bytes16) (third - class->low) <= class->span);
          else
            found |= (Bytes16) (first - class->low) <= class->span;
        }
      if (any16 (found))
        break;
    }
  for (; at < iter->length; at++)
    if (in_classes (self, text + at, text + iter->length))
      return at;
  return iter->length;
}

/* Whether a byte of the 16 at @at is not of a three-byte character */
static inline gboolean
any_not_wide16 (const guchar *at)
{
  Bytes16 v = load16 (at);

  return any16 (~(((v & 0xc0) == 0x80) | ((v & 0xf0) == 0xe0)));
}

/* Whether no run written twice starts in the 16 bytes at @at: all the
 * bytes it would take are of three-byte characters, and at no position
 * are three bytes the same as 3k bytes on (k from repeat_min to
 * repeat_max), as comes_again asks of a run of three-byte characters.
 * The caller makes sure 3 * repeat_max + 18 bytes can be read. */
static gboolean
no_repeat_in16 (const NbPatternStart *self,
                const guchar         *at)
{
  Bytes16 first = load16 (at), second = load16 (at + 1), third = load16 (at + 2);
  Bytes16 found = { 0 };

  for (guint reach = 0; reach < 3 * self->repeat_max; reach += 16)
    if (any_not_wide16 (at + reach))
      return FALSE;
  if (any_not_wide16 (at + 3 * self->repeat_max))
    return FALSE;
  for (guint k = self->repeat_min; k <= self->repeat_max; k++)
    found |= (first == load16 (at + 3 * k)) & (second == load16 (at + 3 * k + 1)) &
             (third == load16 (at + 3 * k + 2));
  return !any16 (found);
}

/* The first character at or after @at where a run written twice may
 * start: most text is passed over 16 bytes at a time */
static gsize
skip_to_repeat (const NbPatternStart *self,
                const guchar         *text,
                gsize                 at,
                gsize                 length)
{
  gsize skipped = at;

  while (skipped + 3 * self->repeat_max + 18 <= length && no_repeat_in16 (self, text + skipped))
    skipped += 16;
  if (skipped == at)
    return at;
  while (skipped < length && (text[skipped] & 0xc0) == 0x80)
    skipped++;
  return skipped;
}

/* Whether a byte of @text starts a character of four bytes, 16 bytes
 * at a time */
static gboolean
has_four_bytes (const guchar *text,
                gsize         length)
{
  gsize at = 0;

  for (; at + 16 <= length; at += 16)
    if (any16 (load16 (text + at) >= 0xf0))
      return TRUE;
  for (; at < length; at++)
    if (text[at] >= 0xf0)
      return TRUE;
  return FALSE;
}

/* The first character at or after @at where a run of characters of
 * three bytes, written twice, may start: where a character's three
 * bytes come again 3k bytes on. The run cannot hold the ASCII or the
 * characters of two bytes between, which the bytes compared at once
 * may be, nor, in a text without them, characters of four bytes. */
static gsize
skip_to_wide_repeat (const NbPatternStart *self,
                     const guchar         *text,
                     gsize                 at,
                     gsize                 length)
{
  for (; at + 3 * self->repeat_max + 18 <= length; at += 16)
    {
      Bytes16 first = load16 (text + at), second = load16 (text + at + 1), third = load16 (text + at + 2);
      Bytes16 again = { 0 };
      Bytes16 found;

      for (guint k = self->repeat_min; k <= self->repeat_max; k++)
        again |= (first == load16 (text + at + 3 * k)) & (second == load16 (text + at + 3 * k + 1)) &
                 (third == load16 (text + at + 3 * k + 2));
      /* where a character of three bytes starts */
      found = again & ((first & 0xf0) == 0xe0);
      if (!any16 (found))
        continue;
      for (guint i = 0; i < 16; i++)
        if (found[i])
          return at + i;
    }
  while (at < length && (text[at] & 0xc0) == 0x80)
    at++;
  return at;
}

/* The first character at or after @at where a run written twice may
 * start, by the quicker test the text allows */
static gsize
next_repeat (NbPatternIter *iter,
             gsize          at)
{
  const guchar *text = (const guchar *) iter->text;

  if (!iter->start->repeat_wide)
    return skip_to_repeat (iter->start, text, at, iter->length);
  if (iter->four_bytes < 0)
    iter->four_bytes = has_four_bytes (text, iter->length);
  if (iter->four_bytes)
    return skip_to_repeat (iter->start, text, at, iter->length);
  return skip_to_wide_repeat (iter->start, text, at, iter->length);
}

/* Whether a run written twice can start at @at with @c: its first
 * character, when known, tested first as it is the cheaper test */
static inline gboolean
repeat_allows (const NbPatternStart *self,
               gunichar              c,
               const guchar         *at,
               const guchar         *end)
{
  if (self->ranges->len > 0 && !nb_pattern_start_allows (self, c))
    return FALSE;
  return comes_again (self, at, end);
}

/* The code point at @at of valid UTF-8, and its length in @n */
static inline gunichar
decode (const guchar *at,
        guint        *n)
{
  if (at[0] < 0x80)
    return *n = 1, at[0];
  if (at[0] < 0xe0)
    return *n = 2, ((at[0] & 0x1f) << 6) | (at[1] & 0x3f);
  if (at[0] < 0xf0)
    return *n = 3, ((at[0] & 0x0f) << 12) | ((at[1] & 0x3f) << 6) | (at[2] & 0x3f);
  return *n = 4, ((at[0] & 0x07) << 18) | ((at[1] & 0x3f) << 12) | ((at[2] & 0x3f) << 6) | (at[3] & 0x3f);
}

/* A search from iter->from: no match yet. */
static void
begin_search (NbPatternIter *iter)
{
  g_clear_pointer (&iter->info, g_match_info_free);
}

/* The match PCRE2 found, its groups in @data */
static void
set_probed_match (NbPatternIter    *iter,
                  pcre2_match_data *data)
{
  const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer (data);
  int n_set = pcre2_get_ovector_count (data);

  /* as pcre2_match() counts them: up to the last group set */
  while (n_set > 1 && ovector[2 * (n_set - 1)] == PCRE2_UNSET)
    n_set--;
  iter->match = (NbPatternMatch) { .text = iter->text, .ovector = ovector, .n_set = n_set,
                                   .n_groups = pcre2_get_ovector_count (data) - 1 };
}

/* Tries the pattern anchored at @at; on a match, iter->from moves to its
 * end. Most tries fail: PCRE2 tells, and finds the groups of one that
 * does not; GRegex tries where PCRE2 cannot tell (a limit). */
static gboolean
match_at (NbPatternIter *iter,
          gsize          at,
          gboolean       want_match)
{
  const pcre2_code *code = probe_code (iter->start->probe);
  gssize probed;
  int start, end;

  /* room for PCRE2's match and its groups, made at the first try: most
   * texts give a pattern no place to try at all */
  if (iter->probe_data == NULL && code != NULL)
    iter->probe_data = pcre2_match_data_create_from_pattern (code, NULL);
  probed = code == NULL ? -2
           : probe_end (iter->start->probe, code, iter->probe_data, iter->text, iter->length, at);
  if (probed == -1)
    return FALSE;
  if (probed >= 0)
    {
      iter->from = probed;
      if (want_match)
        set_probed_match (iter, iter->probe_data);
      return TRUE;
    }
  /* the pattern anchored when it is matched, as GRegex anchors it at a
   * character's start where it is compiled so */
  g_regex_match_full (iter_regex (iter), iter->text, iter->length, at, G_REGEX_MATCH_ANCHORED, &iter->info, NULL);
  if (g_match_info_matches (iter->info) && g_match_info_fetch_pos (iter->info, 0, &start, &end))
    {
      iter->from = end;
      iter->match = (NbPatternMatch) { .text = iter->text, .info = iter->info };
      return TRUE;
    }
  g_clear_pointer (&iter->info, g_match_info_free);
  return FALSE;
}

/* The first match at or after iter->from, tried only where a character
 * allows it. A match is never empty, so the next begins at its end. */
static gboolean
next_from_start (NbPatternIter *iter,
                 gboolean       want_match)
{
  const guchar *text = (const guchar *) iter->text;
  const guint32 *bits = iter->start->bits;
  guint n;

  begin_search (iter);
  for (gsize at = iter->from; at < iter->length; at += n)
    {
      gunichar c;

      /* the text's start is tried as it is, when a match may start there */
      gboolean anywhere = at == 0 && iter->start->text_start;

      if (!anywhere && iter->start->searched && (at = next_literal (iter, at)) >= iter->length)
        break;
      if (!anywhere && iter->start->repeat_max > 0 &&
          (at = next_repeat (iter, at)) >= iter->length)
        break;
      c = decode (text + at, &n);
      if (!anywhere &&
          (iter->start->repeat_max > 0 ? !repeat_allows (iter->start, c, text + at, text + iter->length)
                                       : !(bits[(c & 0xfff) / 32] & (1u << (c & 31))) ||
                                         !nb_pattern_start_allows (iter->start, c) ||
                                         !has_prefix_at (iter->start, iter->text + at, iter->length - at)))
        continue;
      if (match_at (iter, at, want_match))
        return TRUE;
    }
  iter->from = iter->length;
  return FALSE;
}

/* Tries the pattern at @at unless it was tried there already; whether
 * it matched */
static gboolean
try_at (NbPatternIter *iter,
        gsize          at,
        gsize         *tried,
        gboolean       want_match)
{
  if (at < iter->from || (*tried != G_MAXSIZE && at <= *tried))
    return FALSE;
  *tried = at;
  return match_at (iter, at, want_match);
}

/* The start of the character @k characters before @at, or G_MAXSIZE
 * when that is before @from: a match may start up to needed_max
 * characters before iter->from's character, and those before iter->from
 * are not tried */
static gsize
step_back (const guchar *text,
           gsize         from,
           gsize         at,
           guint         k)
{
  for (; k > 0; k--)
    {
      if (at <= from)
        return G_MAXSIZE;
      do
        at--;
      while (at > from && (text[at] & 0xc0) == 0x80);
    }
  return at;
}

/* The first match at or after iter->from, tried only needed_min to
 * needed_max characters before a character every match holds, nearest
 * the text's start first: the windows of successive characters move
 * forward, so the first match found is the first in the text. */
static gboolean
next_from_needed (NbPatternIter *iter,
                  gboolean       want_match)
{
  const NbPatternStart *self = iter->start;
  const guchar *text = (const guchar *) iter->text;
  gsize tried = G_MAXSIZE;
  guint n;

  begin_search (iter);
  for (gsize at = iter->from; at < iter->length; at += n)
    {
      gunichar c;

      if (self->searched && (at = next_literal (iter, at)) >= iter->length)
        break;
      c = decode (text + at, &n);
      if (!(self->bits[(c & 0xfff) / 32] & (1u << (c & 31))) || !nb_pattern_start_allows (self, c))
        continue;
      for (guint k = self->needed_max + 1; k-- > self->needed_min;)
        {
          gsize back = step_back (text, iter->from, at, k);

          if (back != G_MAXSIZE && try_at (iter, back, &tried, want_match))
            return TRUE;
        }
    }
  iter->from = iter->length;
  return FALSE;
}

/**
 * nb_pattern_iter_next:
 *
 * Returns: (transfer none) (nullable): the next match, or %NULL when
 *   there is none
 */
const NbPatternMatch *
nb_pattern_iter_next (NbPatternIter *iter)
{
  if (iter->start != NULL && iter->start->needed)
    return next_from_needed (iter, TRUE) ? &iter->match : NULL;
  if (iter->start != NULL)
    return next_from_start (iter, TRUE) ? &iter->match : NULL;
  if (iter->info == NULL)
    g_regex_match_full (iter_regex (iter), iter->text, iter->length, 0, 0, &iter->info, NULL);
  else
    g_match_info_next (iter->info, NULL);
  if (!g_match_info_matches (iter->info))
    return NULL;
  iter->match = (NbPatternMatch) { .text = iter->text, .info = iter->info };
  return &iter->match;
}

/**
 * nb_pattern_iter_any:
 *
 * Returns: whether a match is left, as nb_pattern_iter_next() would
 *   find; where PCRE2 tells, no GMatchInfo is made for it, and the
 *   iterator is then to be used no further
 */
gboolean
nb_pattern_iter_any (NbPatternIter *iter)
{
  if (iter->start != NULL && iter->start->needed)
    return next_from_needed (iter, FALSE);
  if (iter->start != NULL)
    return next_from_start (iter, FALSE);
  return nb_pattern_iter_next (iter) != NULL;
}

/**
 * nb_pattern_start_may_match:
 * @self: (nullable): a start
 * @text: valid UTF-8, @length bytes
 *
 * Returns: %FALSE when the pattern has no match in @text, told by the
 *   words every match begins with (none of them is there); %TRUE when
 *   it may have one
 */
gboolean
nb_pattern_start_may_match (const NbPatternStart *self,
                            const char           *text,
                            gsize                 length)
{
  if (self == NULL || self->n_prefixes == 0)
    return TRUE;
  for (guint i = 0; i < self->n_prefixes; i++)
    if (find_word (text, length, 0, self->prefixes[i], self->prefix_lengths[i]) < length)
      return TRUE;
  return FALSE;
}

void
nb_pattern_iter_clear (NbPatternIter *iter)
{
  g_clear_pointer (&iter->info, g_match_info_free);
  g_clear_pointer (&iter->probe_data, pcre2_match_data_free);
}

/**
 * nb_pattern_match_fetch_pos:
 * @match: a match of nb_pattern_iter_next()
 * @group: 0 for the whole match, or a group of the pattern
 * @start: (out): where it begins, -1 when the group took no part
 * @end: (out): where it ends, -1 likewise
 *
 * As g_match_info_fetch_pos() tells of a match GRegex made.
 *
 * Returns: %FALSE when the pattern has no group @group
 */
gboolean
nb_pattern_match_fetch_pos (const NbPatternMatch *match,
                            int                   group,
                            int                  *start,
                            int                  *end)
{
  gboolean set;

  if (match->info != NULL)
    return g_match_info_fetch_pos (match->info, group, start, end);
  if (group < 0 || (guint32) group > match->n_groups)
    return FALSE;
  set = group < match->n_set && match->ovector[2 * group] != PCRE2_UNSET;
  if (start != NULL)
    *start = set ? (int) match->ovector[2 * group] : -1;
  if (end != NULL)
    *end = set ? (int) match->ovector[2 * group + 1] : -1;
  return TRUE;
}

/**
 * nb_pattern_match_fetch:
 *
 * Returns: (transfer full) (nullable): the text of @group, "" when it
 *   took no part, %NULL when the pattern has no such group; as
 *   g_match_info_fetch() returns
 */
char *
nb_pattern_match_fetch (const NbPatternMatch *match,
                        int                   group)
{
  int start, end;

  if (!nb_pattern_match_fetch_pos (match, group, &start, &end))
    return NULL;
  if (start == -1)
    return g_strdup ("");
  return g_strndup (match->text + start, end - start);
}
