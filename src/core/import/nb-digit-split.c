/* nb-digit-split.c — splits digits that ran together into a row's cells,
 * by the sums the table must satisfy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-digit-split"

#include "config.h"

#include "nb-digit-split.h"

#include <string.h>

/* A copied web page loses the separators between cells: "640020470" is
 * the seven cells of a row of 三. Every way to cut each run into its
 * row's cells — no number but 0 starts with 0 — is tried against the
 * sums that involve only that row and cells already known, cutting from
 * the right so that a row's total, chosen first, bounds the rest; then
 * every sum narrows the runs it involves to the readings that hold in
 * some combination with the others', until nothing changes. A run is
 * read when one way is left.
 *
 * A number is more than digits: "2648-18538" is 2648, then a change that
 * starts with its sign; "13575394432.52元" ends with an amount, its
 * decimals and its unit. A sign between digits and a digit after a word
 * start a cell for sure; within a number, cells are cut between the
 * digits before its decimals only, and whether a part can be its cell's
 * value — a sign only where changes go, a unit only where the column
 * names it — is asked of the caller. */

/* No count has more digits than this. */
#define MAX_PART_DIGITS 15
/* Bounds on the ways tried for one run, whatever the input. */
#define MAX_STEPS 200000

/* Where a part of a run may start. */
enum
{
  START_NONE,
  START_CUT,    /* between two digits of a number */
  START_PIECE,  /* after a blank, at a sign or after a word: a part must */
};

typedef struct
{
  guint *cells;
  guint  n_lhs;
  guint  n_cells;
} Sum;

typedef struct
{
  char     *text;
  gsize     length;
  guint     first_cell;
  guint     n_cells;
  guint8   *starts;     /* START_* by position */
  gsize    *piece_of;   /* by position: where the piece around it starts */
  gsize    *digits_end; /* by position: where its run of digits ends */
  GArray   *readings;   /* guint32 offset, length for each part, by reading */
  guint     n_found;    /* readings that fit, kept or not */
  gboolean  more;       /* too many ways to try them all */
  gboolean  reading_known; /* narrowed to one: its cells count as known */
} Run;

struct _NbDigitSolver
{
  guint    n_cells;
  gint64  *known;       /* by cell, -1 unknown */
  int     *run_of;      /* by cell, the run that fills it, or -1 */
  GArray  *sums;        /* Sum */
  GPtrArray *runs;      /* Run */
  NbDigitPartFunc part_func;
  gpointer  part_data;
};

/* Enumeration state of one run. */
typedef struct
{
  NbDigitSolver *solver;
  Run           *run;
  guint32       *parts;  /* offset, length by part */
  gint64        *values; /* by part, -1 when not a count */
  GArray        *local;  /* Sum * checked at each reading */
  guint          digits; /* digits before the current end */
  guint         *digits_before; /* by position; G_MAXUINT once a token is not a count */
  guint         *least;  /* by position: count_parts() */
  guint         *most;
  guint          steps;
} Walk;

static void
run_free (gpointer data)
{
  Run *run = data;

  g_free (run->text);
  g_free (run->starts);
  g_free (run->piece_of);
  g_free (run->digits_end);
  g_array_unref (run->readings);
  g_free (run);
}

NbDigitSolver *
nb_digit_solver_new (guint n_cells)
{
  NbDigitSolver *self = g_new0 (NbDigitSolver, 1);

  self->n_cells = n_cells;
  self->known = g_new (gint64, MAX (n_cells, 1));
  self->run_of = g_new (int, MAX (n_cells, 1));
  for (guint c = 0; c < n_cells; c++)
    {
      self->known[c] = -1;
      self->run_of[c] = -1;
    }
  self->sums = g_array_new (FALSE, FALSE, sizeof (Sum));
  self->runs = g_ptr_array_new_with_free_func (run_free);
  return self;
}

void
nb_digit_solver_free (NbDigitSolver *self)
{
  for (guint s = 0; s < self->sums->len; s++)
    g_free (g_array_index (self->sums, Sum, s).cells);
  g_array_unref (self->sums);
  g_ptr_array_unref (self->runs);
  g_free (self->known);
  g_free (self->run_of);
  g_free (self);
}

/* Without @func, a part cut from a token is digits only. */
void
nb_digit_solver_set_part_func (NbDigitSolver   *self,
                               NbDigitPartFunc  func,
                               gpointer         user_data)
{
  self->part_func = func;
  self->part_data = user_data;
}

void
nb_digit_solver_set_known (NbDigitSolver *self,
                           guint          cell,
                           gint64         value)
{
  g_return_if_fail (cell < self->n_cells);
  self->known[cell] = value;
}

/* sum(cells[0 … n_lhs − 1]) = sum(cells[n_lhs …]) */
void
nb_digit_solver_add_sum (NbDigitSolver *self,
                         const guint   *cells,
                         guint          n_lhs,
                         guint          n_cells)
{
  Sum sum;

  for (guint i = 0; i < n_cells; i++)
    g_return_if_fail (cells[i] < self->n_cells);
  sum.cells = g_memdup2 (cells, n_cells * sizeof (guint));
  sum.n_lhs = n_lhs;
  sum.n_cells = n_cells;
  g_array_append_val (self->sums, sum);
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* The sign of a change: + - and ＋ － −. */
static gsize
sign_length (const char *p,
             const char *end)
{
  const guchar *u = (const guchar *) p;

  if (p < end && (*p == '+' || *p == '-'))
    return 1;
  if (end - p >= 3 && ((u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x8B || u[2] == 0x8D)) ||
                       (u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)))
    return 3;
  return 0;
}

/* Whether the character before @i is a full-width digit, stop or sign:
 * part of a number, not a word. */
static gboolean
after_wide_number (const char *text,
                   gsize       i)
{
  const guchar *u = (const guchar *) text + i - 3;

  return i >= 3 && ((u[0] == 0xEF && u[1] == 0xBC &&
                     (u[2] == 0x8B || (u[2] >= 0x8D && u[2] <= 0x99))) ||
                    (u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92));
}

static gboolean
starts_piece (const char *text,
              gsize       length,
              gsize       i)
{
  gsize sign = sign_length (text + i, text + length);

  if (i == 0 || is_blank (text[i - 1]))
    return TRUE;
  /* "2648-18538": the change starts with its sign */
  if (sign > 0 && g_ascii_isdigit (text[i - 1]) && i + sign < length &&
      g_ascii_isdigit (text[i + sign]))
    return TRUE;
  /* "2笔832995元": a unit ends its cell */
  return g_ascii_isdigit (text[i]) && (guchar) text[i - 1] >= 0x80 && !after_wide_number (text, i);
}

/* Fills @starts and @piece_of for each byte of @text. */
static void
find_starts (const char *text,
             gsize       length,
             guint8     *starts,
             gsize      *piece_of)
{
  gsize piece = 0;
  gboolean leading = FALSE;   /* the piece so far is a sign and digits */

  for (gsize i = 0; i < length; i++)
    {
      starts[i] = START_NONE;
      if (!is_blank (text[i]) && starts_piece (text, length, i))
        {
          gsize sign = sign_length (text + i, text + length);

          starts[i] = START_PIECE;
          piece = i;
          leading = TRUE;
          for (gsize k = 0; k < sign; k++)
            piece_of[i + k] = piece;
          if (sign > 0)
            {
              i += sign - 1;
              continue;
            }
        }
      else if (leading && g_ascii_isdigit (text[i - 1]) && g_ascii_isdigit (text[i]))
        starts[i] = START_CUT;
      piece_of[i] = piece;
      leading &= g_ascii_isdigit (text[i]) != 0;
    }
}

/**
 * nb_digit_split_most_parts:
 * @text: a run's tokens separated by blanks
 * @length: its length
 *
 * Returns: how many cells @text can fill at most
 */
guint
nb_digit_split_most_parts (const char *text,
                           gsize       length)
{
  g_autofree guint8 *starts = g_new (guint8, MAX (length, 1));
  g_autofree gsize *piece_of = g_new (gsize, MAX (length, 1));
  guint n = 0;

  find_starts (text, length, starts, piece_of);
  for (gsize i = 0; i < length; i++)
    n += starts[i] != START_NONE;
  return n;
}

static gsize
unit_length (const char         *text,
             gsize               length,
             const char * const *units)
{
  for (guint u = 0; units != NULL && units[u] != NULL; u++)
    if (length >= strlen (units[u]) && strlen (units[u]) > 0 &&
        memcmp (text, units[u], strlen (units[u])) == 0)
      return strlen (units[u]);
  return 0;
}

static gsize
ascii_digits_length (const char *text,
                     gsize       length)
{
  gsize n = 0;

  while (n < length && g_ascii_isdigit (text[n]))
    n++;
  return n;
}

/**
 * nb_digit_split_is_run:
 * @text: a token
 * @length: its length
 * @units: (nullable): the units the table's cells may be written with
 *
 * Returns: whether @text is numbers run together, each with its sign,
 *   decimals and unit ("2648-18538", "13575394432.52元", "2笔832995元"),
 *   however long
 */
gboolean
nb_digit_split_is_run (const char         *text,
                       gsize               length,
                       const char * const *units)
{
  gsize i = 0;

  while (i < length)
    {
      gsize n;

      i += sign_length (text + i, text + length);
      if ((n = ascii_digits_length (text + i, length - i)) == 0)
        return FALSE;
      i += n;
      if (i < length && text[i] == '.')
        {
          if ((n = ascii_digits_length (text + i + 1, length - i - 1)) == 0)
            return FALSE;
          i += 1 + n;
        }
      i += unit_length (text + i, length - i, units);
    }
  return length > 0;
}

/* @text: the run's tokens separated by blanks, each blank a sure
 * boundary between cells; returns the run's index */
guint
nb_digit_solver_add_run (NbDigitSolver *self,
                         const char    *text,
                         gsize          length,
                         guint          first_cell,
                         guint          n_cells)
{
  Run *run = g_new0 (Run, 1);

  g_return_val_if_fail (first_cell + n_cells <= self->n_cells, 0);
  run->text = g_strndup (text, length);
  run->length = strlen (run->text);
  run->first_cell = first_cell;
  run->n_cells = n_cells;
  run->starts = g_new (guint8, MAX (run->length, 1));
  run->piece_of = g_new (gsize, MAX (run->length, 1));
  find_starts (run->text, run->length, run->starts, run->piece_of);
  run->digits_end = g_new (gsize, run->length + 1);
  run->digits_end[run->length] = run->length;
  for (gsize i = run->length; i-- > 0;)
    run->digits_end[i] = g_ascii_isdigit (run->text[i]) ? run->digits_end[i + 1] : i;
  run->readings = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint c = first_cell; c < first_cell + n_cells; c++)
    self->run_of[c] = self->runs->len;
  g_ptr_array_add (self->runs, run);
  return self->runs->len - 1;
}

/* The value of @cell now: known, or in the run's one reading, or in the
 * reading @walk is trying; -1 when not known. */
static gint64
cell_value (NbDigitSolver *self,
            guint          cell,
            const Walk    *walk)
{
  int r = self->run_of[cell];
  Run *run;

  if (r < 0)
    return self->known[cell];
  run = g_ptr_array_index (self->runs, r);
  if (walk != NULL && run == walk->run)
    return walk->values[cell - run->first_cell];
  return self->known[cell];
}

/* TRUE when the sum holds or cannot be told yet. */
static gboolean
sum_holds (NbDigitSolver *self,
           const Sum     *sum,
           const Walk    *walk)
{
  gint64 sides[2] = { 0, 0 };

  for (guint i = 0; i < sum->n_cells; i++)
    {
      gint64 value = cell_value (self, sum->cells[i], walk);

      if (value < 0)
        return TRUE;
      sides[i >= sum->n_lhs] += value;
    }
  return sides[0] == sides[1];
}

static gint64
parse_count (const char *text,
             gsize       length)
{
  gint64 value = 0;

  if (length == 0 || length > MAX_PART_DIGITS)
    return -1;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

static void
keep_reading (Walk *walk)
{
  Run *run = walk->run;

  for (guint s = 0; s < walk->local->len; s++)
    if (!sum_holds (walk->solver, g_array_index (walk->local, Sum *, s), walk))
      return;
  run->n_found++;
  if (run->n_found <= NB_DIGIT_SPLIT_MAX_KEPT)
    g_array_append_vals (run->readings, walk->parts, 2 * run->n_cells);
}

/* For each end of the text, the fewest and the most parts the text
 * before it can make: a piece makes one part at least, and one for each
 * place in it where a part may start at most. */
static void
count_parts (const Run *run,
             guint     *least,
             guint     *most)
{
  gsize piece = 0;            /* of the byte at i */
  guint starts = 0;           /* where parts may start in the piece so far */

  least[0] = most[0] = 0;
  for (gsize i = 0; i < run->length; i++)
    {
      if (is_blank (run->text[i]))
        {
          least[i + 1] = least[i];
          most[i + 1] = most[i];
          continue;
        }
      if (run->starts[i] == START_PIECE)
        {
          piece = i;
          starts = 0;
        }
      starts += run->starts[i] != START_NONE;
      least[i + 1] = 1 + least[piece];
      most[i + 1] = starts + most[piece];
    }
}

/* Whether the text from @start to @end can be @cell's value. */
static gboolean
part_fits (const Walk *walk,
           gsize       start,
           gsize       end,
           guint       cell)
{
  NbDigitSolver *self = walk->solver;
  const Run *run = walk->run;
  const char *p = run->text + start;
  gsize length = end - start;
  gsize sign;
  gboolean whole;

  /* no number but 0 itself starts with 0 */
  if (run->digits_end[start] >= end)
    return length == 1 || p[0] != '0';
  sign = sign_length (p, p + length);
  if (length > sign + 1 && p[sign] == '0' && g_ascii_isdigit (p[sign + 1]))
    return FALSE;
  whole = (start == 0 || is_blank (p[-1])) && (end == run->length || is_blank (run->text[end]));
  if (self->part_func != NULL)
    return self->part_func (cell, p, length, whole, self->part_data);
  /* a token that is no number is one cell, as written */
  return whole;
}

/* How many of the parts before @part stand on @side of @sum. */
static guint
open_cells (const Walk *walk,
            const Sum  *sum,
            guint       side,
            guint       part)
{
  guint n = 0;

  for (guint i = side ? sum->n_lhs : 0; i < (side ? sum->n_cells : sum->n_lhs); i++)
    n += sum->cells[i] >= walk->run->first_cell && sum->cells[i] < walk->run->first_cell + part;
  return n;
}

/* Bounds on the sum of @k parts cut from the @digits digits before the
 * current end: the longest part has at least ⌈digits / k⌉ digits and at
 * most digits − k + 1. */
static void
bound_parts (const Walk *walk,
             guint       k,
             gint64     *least,
             gint64     *most)
{
  guint digits = walk->digits;
  guint longest = k > 0 ? (digits + k - 1) / k : 0;
  guint widest = digits + 1 - MIN (k, digits);

  *least = longest >= 2 ? 1 : 0;
  for (guint i = 1; i < longest && i < 18; i++)
    *least *= 10;
  *most = 1;
  for (guint i = 0; i < widest && i < 18; i++)
    *most *= 10;
  *most = widest >= 18 ? G_MAXINT64 / 4 : *most + 9 * (gint64) k;
}

/* With the parts from @part on chosen, a sum one side of which is all
 * chosen or known cannot hold when the other side's chosen cells already
 * add up to more: numbers are never negative. */
static gboolean
may_hold (const Walk *walk,
          guint       part)
{
  Run *run = walk->run;

  for (guint s = 0; s < walk->local->len; s++)
    {
      const Sum *sum = g_array_index (walk->local, Sum *, s);
      gint64 sides[2] = { 0, 0 };
      gboolean complete[2] = { TRUE, TRUE };

      for (guint i = 0; i < sum->n_cells; i++)
        {
          guint cell = sum->cells[i];
          gboolean mine = cell >= run->first_cell && cell < run->first_cell + run->n_cells;
          gint64 value;

          if (mine && cell - run->first_cell < part)
            {
              complete[i >= sum->n_lhs] = FALSE;
              continue;
            }
          value = mine ? walk->values[cell - run->first_cell] : walk->solver->known[cell];
          if (value < 0)
            {
              complete[0] = complete[1] = FALSE;
              break;
            }
          sides[i >= sum->n_lhs] += value;
        }
      for (guint side = 0; side < 2; side++)
        {
          gint64 least, most;

          if (!complete[side] || complete[!side])
            continue;
          if (sides[!side] > sides[side])
            return FALSE;
          /* the open side takes all the parts still to choose */
          if (open_cells (walk, sum, !side, part) != part || walk->digits == G_MAXUINT)
            continue;
          bound_parts (walk, part, &least, &most);
          if (sides[!side] + least > sides[side] || sides[!side] + most < sides[side])
            return FALSE;
        }
    }
  return TRUE;
}

/* Chooses the parts from the right: the totals, which end the rows, come
 * first and bound the rest. */
static void
walk_back (Walk  *walk,
           gsize  end,
           guint  part)
{
  Run *run = walk->run;
  const char *text = run->text;

  if (run->more || ++walk->steps > MAX_STEPS)
    {
      run->more = TRUE;
      return;
    }
  while (end > 0 && is_blank (text[end - 1]))
    end--;
  walk->digits = walk->digits_before[end];
  if (part < run->n_cells && !may_hold (walk, part))
    return;
  if (end == 0 || part == 0)
    {
      if (end == 0 && part == 0)
        keep_reading (walk);
      return;
    }
  if (walk->least[end] > part || walk->most[end] < part)
    return;

  part--;
  /* the shortest part first, as far back as the piece goes */
  for (gsize start = end, digits = 0; start-- > run->piece_of[end - 1];)
    {
      digits += g_ascii_isdigit (text[start]) != 0;
      if (digits > MAX_PART_DIGITS)
        break;
      if (run->starts[start] == START_NONE ||
          !part_fits (walk, start, end, run->first_cell + part))
        continue;
      walk->parts[2 * part] = start;
      walk->parts[2 * part + 1] = end - start;
      walk->values[part] = parse_count (text + start, end - start);
      walk_back (walk, start, part);
      if (run->more)
        return;
    }
}

/* The sums that can be told from this run and what is known. */
static GArray *
local_sums (NbDigitSolver *self,
            Run           *run)
{
  GArray *local = g_array_new (FALSE, FALSE, sizeof (Sum *));

  for (guint s = 0; s < self->sums->len; s++)
    {
      Sum *sum = &g_array_index (self->sums, Sum, s);
      gboolean touches = FALSE, told = TRUE;

      for (guint i = 0; i < sum->n_cells; i++)
        {
          guint cell = sum->cells[i];
          gboolean mine = cell >= run->first_cell && cell < run->first_cell + run->n_cells;

          touches |= mine;
          told &= mine || cell_value (self, cell, NULL) >= 0;
        }
      if (touches && told)
        g_array_append_val (local, sum);
    }
  return local;
}

static void
enumerate (NbDigitSolver *self,
           Run           *run,
           gboolean       with_sums)
{
  Walk walk = { 0 };

  walk.solver = self;
  walk.run = run;
  walk.parts = g_new0 (guint32, 2 * MAX (run->n_cells, 1));
  walk.values = g_new0 (gint64, MAX (run->n_cells, 1));
  walk.local = with_sums ? local_sums (self, run) : g_array_new (FALSE, FALSE, sizeof (Sum *));
  walk.least = g_new (guint, run->length + 1);
  walk.most = g_new (guint, run->length + 1);
  count_parts (run, walk.least, walk.most);
  walk.digits_before = g_new (guint, run->length + 1);
  walk.digits_before[0] = 0;
  for (gsize i = 0; i < run->length; i++)
    walk.digits_before[i + 1] = walk.digits_before[i] == G_MAXUINT ? G_MAXUINT :
                                g_ascii_isdigit (run->text[i]) ? walk.digits_before[i] + 1 :
                                is_blank (run->text[i]) ? walk.digits_before[i] : G_MAXUINT;
  g_array_set_size (run->readings, 0);
  run->n_found = 0;
  run->more = FALSE;
  walk_back (&walk, run->length, run->n_cells);
  g_array_unref (walk.local);
  g_free (walk.least);
  g_free (walk.digits_before);
  g_free (walk.most);
  g_free (walk.parts);
  g_free (walk.values);
}

/* Sets the cells of a run read one way as known. */
static void
settle (NbDigitSolver *self,
        Run           *run)
{
  const guint32 *parts = (const guint32 *) (gconstpointer) run->readings->data;

  if (run->reading_known || run->n_found != 1 || run->more)
    return;
  for (guint i = 0; i < run->n_cells; i++)
    self->known[run->first_cell + i] = parse_count (run->text + parts[2 * i], parts[2 * i + 1]);
  run->reading_known = TRUE;
}

/* Most combinations of readings tried against one sum. */
#define MAX_COMBINATIONS 4096

static void
try_reading (NbDigitSolver *self,
             Run           *run,
             guint          reading)
{
  const guint32 *parts = &g_array_index (run->readings, guint32, 2 * run->n_cells * reading);

  for (guint i = 0; i < run->n_cells; i++)
    self->known[run->first_cell + i] = parse_count (run->text + parts[2 * i], parts[2 * i + 1]);
}

/* The runs a sum involves that are still open, or FALSE when it cannot
 * narrow them: another of its cells is unknown, or too many ways. */
static gboolean
open_runs (NbDigitSolver *self,
           const Sum     *sum,
           GPtrArray     *open)
{
  guint combinations = 1;

  for (guint i = 0; i < sum->n_cells; i++)
    {
      int r = self->run_of[sum->cells[i]];
      Run *run = r >= 0 ? g_ptr_array_index (self->runs, r) : NULL;

      if (run == NULL || run->reading_known)
        {
          if (self->known[sum->cells[i]] < 0)
            return FALSE;
          continue;
        }
      if (run->more || run->n_found > NB_DIGIT_SPLIT_MAX_KEPT || run->n_found == 0)
        return FALSE;
      if (g_ptr_array_find (open, run, NULL))
        continue;
      combinations *= run->n_found;
      if (combinations > MAX_COMBINATIONS)
        return FALSE;
      g_ptr_array_add (open, run);
    }
  return open->len > 0;
}

/* Keeps the readings of the open runs of @sum that hold in at least one
 * combination with the others' — unless none does: then the published
 * table itself does not add up, and that is for the rules to say. */
static gboolean
narrow (NbDigitSolver *self,
        const Sum     *sum)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autofree guint *at = NULL;
  g_autofree gboolean *held = NULL;
  guint n_held = 0, base = 0;
  gboolean changed = FALSE;

  if (!open_runs (self, sum, open))
    return FALSE;
  at = g_new0 (guint, open->len);
  held = g_new0 (gboolean, open->len * NB_DIGIT_SPLIT_MAX_KEPT);
  for (;;)
    {
      guint k = 0;

      for (guint o = 0; o < open->len; o++)
        try_reading (self, g_ptr_array_index (open, o), at[o]);
      if (sum_holds (self, sum, NULL))
        for (guint o = 0; o < open->len; o++)
          {
            n_held += !held[o * NB_DIGIT_SPLIT_MAX_KEPT + at[o]];
            held[o * NB_DIGIT_SPLIT_MAX_KEPT + at[o]] = TRUE;
          }
      /* the next combination */
      while (k < open->len && ++at[k] == ((Run *) g_ptr_array_index (open, k))->n_found)
        at[k++] = 0;
      if (k == open->len)
        break;
    }
  for (guint o = 0; o < open->len; o++)
    {
      Run *run = g_ptr_array_index (open, o);

      for (guint i = 0; i < run->n_cells; i++)
        self->known[run->first_cell + i] = -1;
    }
  if (n_held == 0)
    return FALSE;

  for (guint o = 0; o < open->len; o++, base += NB_DIGIT_SPLIT_MAX_KEPT)
    {
      Run *run = g_ptr_array_index (open, o);
      guint kept = 0;
      guint stride = 2 * run->n_cells;

      for (guint r = 0; r < run->n_found; r++)
        if (held[base + r])
          {
            memmove (&g_array_index (run->readings, guint32, stride * kept),
                     &g_array_index (run->readings, guint32, stride * r),
                     stride * sizeof (guint32));
            kept++;
          }
      if (kept == run->n_found)
        continue;
      g_array_set_size (run->readings, stride * kept);
      run->n_found = kept;
      settle (self, run);
      changed = TRUE;
    }
  return changed;
}

void
nb_digit_solver_solve (NbDigitSolver *self)
{
  gboolean changed = TRUE;

  for (guint r = 0; r < self->runs->len; r++)
    {
      Run *run = g_ptr_array_index (self->runs, r);

      enumerate (self, run, TRUE);
      /* no reading fits the row's own sums: the table is wrong as
       * published; the readings are what the digits allow */
      if (run->n_found == 0 && !run->more)
        enumerate (self, run, FALSE);
      settle (self, run);
    }
  while (changed)
    {
      changed = FALSE;
      for (guint s = 0; s < self->sums->len; s++)
        {
          if (narrow (self, &g_array_index (self->sums, Sum, s)))
            changed = TRUE;
        }
    }
}

/* Returns how many readings are listed; *@more tells that there are
 * others beyond them. */
guint
nb_digit_solver_get_n_readings (NbDigitSolver *self,
                                guint          run_index,
                                gboolean      *more)
{
  Run *run = g_ptr_array_index (self->runs, run_index);

  if (more != NULL)
    *more = run->more || run->n_found > NB_DIGIT_SPLIT_MAX_KEPT;
  return run->readings->len / (2 * MAX (run->n_cells, 1));
}

void
nb_digit_solver_get_part (NbDigitSolver *self,
                          guint          run_index,
                          guint          reading,
                          guint          part,
                          gsize         *offset,
                          gsize         *length)
{
  Run *run = g_ptr_array_index (self->runs, run_index);
  const guint32 *parts = &g_array_index (run->readings, guint32,
                                         2 * run->n_cells * reading + 2 * part);

  *offset = parts[0];
  *length = parts[1];
}

/* TRUE when every reading of the run — none left untried — cuts the same
 * number for @part: that cell is read whatever the others are. */
gboolean
nb_digit_solver_get_agreed (NbDigitSolver *self,
                            guint          run_index,
                            guint          part,
                            gsize         *offset,
                            gsize         *length)
{
  Run *run = g_ptr_array_index (self->runs, run_index);
  guint n = run->readings->len / (2 * MAX (run->n_cells, 1));

  if (run->more || run->n_found > NB_DIGIT_SPLIT_MAX_KEPT || n == 0)
    return FALSE;
  nb_digit_solver_get_part (self, run_index, 0, part, offset, length);
  for (guint r = 1; r < n; r++)
    {
      gsize other_offset, other_length;

      nb_digit_solver_get_part (self, run_index, r, part, &other_offset, &other_length);
      if (other_length != *length ||
          memcmp (run->text + other_offset, run->text + *offset, *length) != 0)
        return FALSE;
    }
  return TRUE;
}
