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
 * read when one way is left. */

/* No count has more digits than this. */
#define MAX_PART_DIGITS 15
/* Bounds on the ways tried for one run, whatever the input. */
#define MAX_STEPS 200000

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

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* For each end of the text, the fewest and the most parts the text
 * before it can make: the start of a token of digits makes one part per
 * digit at most, any other token exactly one. */
static void
count_parts (const Run *run,
             guint     *least,
             guint     *most)
{
  const char *text = run->text;
  gsize start = 0;            /* of the token at i */
  gboolean digits = TRUE;     /* text[start … i] is all digits */

  least[0] = most[0] = 0;
  for (gsize i = 0; i < run->length; i++)
    {
      if (is_blank (text[i]))
        {
          least[i + 1] = least[i];
          most[i + 1] = most[i];
          start = i + 1;
          digits = TRUE;
          continue;
        }
      digits &= g_ascii_isdigit (text[i]) != 0;
      least[i + 1] = 1 + least[start];
      most[i + 1] = (digits ? i + 1 - start : 1) + most[start];
    }
}

static gboolean
token_is_digits (const char *text,
                 gsize       end,
                 gsize      *start)
{
  gboolean digits = TRUE;
  gsize i = end;

  while (i > 0 && !is_blank (text[i - 1]))
    digits &= g_ascii_isdigit (text[--i]) != 0;
  *start = i;
  return digits;
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
  gsize token_start;

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
  if (!token_is_digits (text, end, &token_start))
    {
      walk->parts[2 * part] = token_start;
      walk->parts[2 * part + 1] = end - token_start;
      walk->values[part] = -1;
      walk_back (walk, token_start, part);
      return;
    }
  for (gsize n = 1; n <= MIN (end - token_start, MAX_PART_DIGITS); n++)
    {
      /* no number but 0 itself starts with 0 */
      if (n > 1 && text[end - n] == '0')
        continue;
      walk->parts[2 * part] = end - n;
      walk->parts[2 * part + 1] = n;
      walk->values[part] = parse_count (text + end - n, n);
      walk_back (walk, end - n, part);
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
