/* nb-report-private.h — what the importers and the validator may touch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nb-report.h"
#include "nb-place.h"

G_BEGIN_DECLS

/* The undo history keeps at most this many steps, and drops the oldest
 * sooner when their texts (a long section edited often) add up to more. */
#define NB_REPORT_HISTORY_STEPS 1000
#define NB_REPORT_HISTORY_BYTES (16 * 1024 * 1024)

typedef struct
{
  char   *text;    /* as written; NULL when empty */
  gint64  value;   /* valid when state is VALUE */
  guint   line;    /* 1-based source line, 0 when typed or unknown */
  guint8  state;   /* NbCellState */
  guint8  loaded;  /* text is not the cell's own: it lives in the report's
                    * chunk of loaded texts, or is a shared digit */
  guint8  assigned; /* a left-over number given to the cell by hand */
} NbCellData;

/* A section heading as read: which section, the numeral it had (1 for 一,
 * 0 when it had none) and its source line. */
typedef struct
{
  guint  section;
  guint  numeral;
  guint  line;
} NbHeading;

/* Digits that ran together in a row and that the table's sums did not
 * settle: the row's cells (consecutive from @first_cell) and each reading
 * the digits allow, kept so that last year's report can settle them. */
typedef struct
{
  char    *text;        /* the digits as read */
  guint    line;        /* where they stand */
  guint    first_cell;
  guint    n_cells;
  guint    n_readings;
  gint64  *values;      /* n_readings × n_cells, a reading's cells in a row */
  char   **quoted;      /* each reading as shown: "69 / 3 / 665" */
} NbDigitReadings;

const NbCellData *nb_report_peek_cells          (NbReport    *self);
const char       *nb_report_peek_section        (NbReport    *self,
                                                 guint        section);
gsize             nb_report_peek_section_length (NbReport    *self,
                                                 guint        section);
void              nb_report_load_cell           (NbReport    *self,
                                                 guint        cell,
                                                 const char  *text,
                                                 gssize       length,
                                                 guint        line);
void              nb_report_load_header         (NbReport    *self,
                                                 const char  *title,
                                                 const char  *organ,
                                                 guint        year);
void              nb_report_load_section        (NbReport    *self,
                                                 guint        section,
                                                 char        *text,
                                                 GArray      *lines);
JsonNode         *nb_report_get_extensions      (NbReport    *self);
void              nb_report_set_extensions      (NbReport    *self,
                                                 JsonNode    *extensions);
void              nb_report_take_import_diagnostic (NbReport     *self,
                                                    NbDiagnostic *diagnostic);
void              nb_report_clear_history       (NbReport    *self);
void              nb_report_set_places          (NbReport    *self,
                                                 GArray      *places);
const NbPlace    *nb_report_peek_place          (NbReport    *self,
                                                 guint        line);
void              nb_report_add_source_number   (NbReport    *self,
                                                 const NbSourceNumber *number,
                                                 const char  *text,
                                                 gsize        length);
guint64           nb_report_get_state_id        (NbReport    *self);
void              nb_report_mark_saved          (NbReport    *self,
                                                 guint64      state_id);
GHashTable       *nb_report_peek_checked        (NbReport    *self);
void              nb_report_load_checked        (NbReport    *self,
                                                 const char  *key,
                                                 const char  *note);
void              nb_report_add_heading         (NbReport    *self,
                                                 guint        section,
                                                 guint        numeral,
                                                 guint        line);
const NbHeading  *nb_report_peek_headings       (NbReport    *self,
                                                 guint       *n_headings);
gboolean          nb_report_has_headings        (NbReport    *self);

void              nb_report_add_digit_readings  (NbReport    *self,
                                                 const char  *text,
                                                 guint        line,
                                                 guint        first_cell,
                                                 guint        n_cells,
                                                 guint        n_readings,
                                                 const gint64 *values,
                                                 const char * const *quoted);
guint             nb_report_get_n_digit_readings (NbReport   *self);
const NbDigitReadings *nb_report_get_digit_readings (NbReport *self,
                                                 guint        index);

G_END_DECLS
