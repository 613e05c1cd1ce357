/* nb-template.h — the statutory form, read from a template description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-types.h"

G_BEGIN_DECLS

#define NB_TYPE_TEMPLATE (nb_template_get_type ())

G_DECLARE_FINAL_TYPE (NbTemplate, nb_template, NB, TEMPLATE, GObject)

/* The form's tables, rows, columns and sections, as the form view, the
 * matcher and the writers walk them. */

typedef struct
{
  char       *id;
  char       *label;
  char       *group;
  NbCellKind  kind;
  char      **variants;  /* other spellings of the label in real reports */
  char      **units;     /* units a cell may be written with, such as 元 */
} NbTemplateColumn;

typedef struct
{
  char  *id;
  char  *label;
  char  *parent;
  char **variants;
} NbTemplateGroup;

typedef struct
{
  char   *id;
  char   *label;
  char   *short_label;
  char   *group;
  char  **variants;
  guint  *columns;     /* indices into the table's columns */
  guint   n_columns;
  guint   first_cell;
} NbTemplateRow;

typedef struct
{
  char      *id;
  char      *section;
  char      *note;
  char      *row_header;  /* the heading over the row labels, if any */
  gboolean   flat;       /* all cells come as one unlabelled line */
  GPtrArray *columns;    /* NbTemplateColumn */
  GPtrArray *column_groups; /* NbTemplateGroup */
  GPtrArray *groups;     /* NbTemplateGroup (row groups) */
  GPtrArray *rows;       /* NbTemplateRow */
  guint      first_cell;
  guint      n_cells;
} NbTemplateTable;

typedef struct
{
  char  *id;
  char  *heading;
  char  *numeral;
  char  *text;
  char **variants;
  int    table;          /* index into tables, or -1 for a narrative */
} NbTemplateSection;

typedef struct
{
  char       *address;
  char       *label;     /* column label, then row label */
  NbCellKind  kind;
  guint       table;
  guint       row;
  guint       column;
  char      **units;     /* the column's, borrowed */
} NbTemplateCell;

NbTemplate  *nb_template_new_from_bytes    (GBytes      *bytes,
                                            GError     **error);
NbTemplate  *nb_template_new_from_resource (const char  *path,
                                            GError     **error);
NbTemplate  *nb_template_new_default       (GError     **error);
NbTemplate  *nb_template_new_for_id        (const char  *id,
                                            GError     **error);
GStrv        nb_template_list_ids          (void);
void         nb_template_compile_patterns  (NbTemplate  *self);
const char  *nb_template_get_id            (NbTemplate  *self);
guint        nb_template_get_n_cells       (NbTemplate  *self);
int          nb_template_lookup_cell       (NbTemplate  *self,
                                            const char  *address);
const char  *nb_template_get_cell_address  (NbTemplate  *self,
                                            guint        cell);
NbCellKind   nb_template_get_cell_kind     (NbTemplate  *self,
                                            guint        cell);
const char * const *nb_template_get_cell_units (NbTemplate *self,
                                            guint        cell);
const char  *nb_template_get_cell_label    (NbTemplate  *self,
                                            guint        cell);
const char  *nb_template_get_title_suffix  (NbTemplate  *self);
void         nb_template_get_years         (NbTemplate  *self,
                                            guint       *first,
                                            guint       *last);
guint        nb_template_get_n_sections    (NbTemplate  *self);
const char  *nb_template_get_section_id    (NbTemplate  *self,
                                            guint        section);
const char  *nb_template_get_section_heading (NbTemplate *self,
                                              guint       section);
gboolean     nb_template_section_is_narrative (NbTemplate *self,
                                               guint       section);
guint        nb_template_get_first_table_section (NbTemplate *self);
gboolean     nb_template_has_rule          (NbTemplate  *self,
                                            const char  *rule_id);
GPtrArray   *nb_template_get_tables        (NbTemplate  *self);
GPtrArray   *nb_template_get_sections      (NbTemplate  *self);
const NbTemplateCell *nb_template_get_cell (NbTemplate  *self,
                                            guint        cell);
const char * const *nb_template_get_marks  (NbTemplate  *self);
int          nb_template_lookup_section    (NbTemplate  *self,
                                            const char  *id);
NbTemplateTable *nb_template_lookup_table  (NbTemplate  *self,
                                            const char  *id);

G_END_DECLS
