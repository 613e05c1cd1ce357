/* nb-types.h — shared enums, error domain and forward declarations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _NbCell       NbCell;
typedef struct _NbDiagnostic NbDiagnostic;
typedef struct _NbReport     NbReport;
typedef struct _NbTemplate   NbTemplate;
typedef struct _NbValidator  NbValidator;

/**
 * NbCellKind:
 * @NB_CELL_KIND_COUNT: a whole number ≥ 0
 * @NB_CELL_KIND_AMOUNT: a decimal ≥ 0 with at most six places
 * @NB_CELL_KIND_CHANGE: a whole number that may be negative, the change
 *   of a count over the year (“-18”, “+3”)
 */
typedef enum
{
  NB_CELL_KIND_COUNT,
  NB_CELL_KIND_AMOUNT,
  NB_CELL_KIND_CHANGE,
} NbCellKind;

/**
 * NbCellState:
 * @NB_CELL_STATE_EMPTY: no text at all
 * @NB_CELL_STATE_MARK: a "nothing here" mark such as `/` or `—`
 * @NB_CELL_STATE_VALUE: a valid number of the cell's kind
 * @NB_CELL_STATE_INVALID: text that is not a valid number
 */
typedef enum
{
  NB_CELL_STATE_EMPTY,
  NB_CELL_STATE_MARK,
  NB_CELL_STATE_VALUE,
  NB_CELL_STATE_INVALID,
} NbCellState;

/**
 * NbSeverity:
 * @NB_SEVERITY_ERROR: the report is wrong
 * @NB_SEVERITY_WARNING: the report is probably wrong or incomplete
 * @NB_SEVERITY_INFO: something worth knowing
 */
typedef enum
{
  NB_SEVERITY_ERROR,
  NB_SEVERITY_WARNING,
  NB_SEVERITY_INFO,
} NbSeverity;

/**
 * NbError:
 * @NB_ERROR_INVALID: the input breaks its format; the message says where
 * @NB_ERROR_NEWER_VERSION: a canonical file of a version this program does not know
 * @NB_ERROR_NOT_A_REPORT: the input is readable but holds no report
 * @NB_ERROR_TOO_LARGE: the input exceeds a size limit
 * @NB_ERROR_ENCODING: the input's character encoding could not be determined
 * @NB_ERROR_TEMPLATE: a template description is broken
 * @NB_ERROR_CHANGED_ON_DISK: the file was changed by another program since
 *   it was read or last saved
 * @NB_ERROR_PASSWORD: the file is protected by a password (an encrypted
 *   PDF); the caller may ask for it
 * @NB_ERROR_NO_TEXT: the file holds no text to read (a scanned PDF)
 * @NB_ERROR_UNSUPPORTED: the file needs a program that is not installed
 *   (LibreOffice for DOC, WPS, XLS, ET)
 */
typedef enum
{
  NB_ERROR_INVALID,
  NB_ERROR_NEWER_VERSION,
  NB_ERROR_NOT_A_REPORT,
  NB_ERROR_TOO_LARGE,
  NB_ERROR_ENCODING,
  NB_ERROR_TEMPLATE,
  NB_ERROR_CHANGED_ON_DISK,
  NB_ERROR_PASSWORD,
  NB_ERROR_NO_TEXT,
  NB_ERROR_UNSUPPORTED,
} NbError;

#define NB_ERROR (nb_error_quark ())

GQuark       nb_error_quark             (void);
const char  *nb_severity_to_string      (NbSeverity severity);

G_END_DECLS
