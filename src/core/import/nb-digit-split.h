/* nb-digit-split.h — splits digits that ran together into a row's cells,
 * by the sums the table must satisfy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At most this many readings of one run are kept to be listed. */
#define NB_DIGIT_SPLIT_MAX_KEPT 16

typedef struct _NbDigitSolver NbDigitSolver;

/* Whether @text, cut from a run, can be @cell's value; @whole: it is a
 * whole token of the run, as the blanks part it. */
typedef gboolean (*NbDigitPartFunc) (guint       cell,
                                     const char *text,
                                     gsize       length,
                                     gboolean    whole,
                                     gpointer    user_data);

NbDigitSolver *nb_digit_solver_new            (guint           n_cells);
void           nb_digit_solver_free           (NbDigitSolver  *self);
void           nb_digit_solver_set_part_func  (NbDigitSolver  *self,
                                               NbDigitPartFunc func,
                                               gpointer        user_data);
void           nb_digit_solver_set_known      (NbDigitSolver  *self,
                                               guint           cell,
                                               gint64          value);
void           nb_digit_solver_add_sum        (NbDigitSolver  *self,
                                               const guint    *cells,
                                               guint           n_lhs,
                                               guint           n_cells);
guint          nb_digit_solver_add_run        (NbDigitSolver  *self,
                                               const char     *text,
                                               gsize           length,
                                               guint           first_cell,
                                               guint           n_cells);
void           nb_digit_solver_solve          (NbDigitSolver  *self);
guint          nb_digit_solver_get_n_readings (NbDigitSolver  *self,
                                               guint           run,
                                               gboolean       *more);
void           nb_digit_solver_get_part       (NbDigitSolver  *self,
                                               guint           run,
                                               guint           reading,
                                               guint           part,
                                               gsize          *offset,
                                               gsize          *length);
gboolean       nb_digit_solver_get_agreed     (NbDigitSolver  *self,
                                               guint           run,
                                               guint           part,
                                               gsize          *offset,
                                               gsize          *length);

guint          nb_digit_split_most_parts      (const char     *text,
                                               gsize           length);
gboolean       nb_digit_split_is_run          (const char     *text,
                                               gsize           length,
                                               const char * const *units);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbDigitSolver, nb_digit_solver_free)

G_END_DECLS
