/* nb-place.h — where a piece of a report was read: a line, a page, a
 * paragraph or a table cell of the submitted file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * NbPlaceKind:
 * @NB_PLACE_NONE: no place (typed)
 * @NB_PLACE_LINE: a line of a text file
 * @NB_PLACE_PAGE: a page of a PDF file
 * @NB_PLACE_PARAGRAPH: a paragraph of a web page or document
 * @NB_PLACE_CELL: a cell of a table of a web page, document or workbook
 */
typedef enum
{
  NB_PLACE_NONE,
  NB_PLACE_LINE,
  NB_PLACE_PAGE,
  NB_PLACE_PARAGRAPH,
  NB_PLACE_CELL,
} NbPlaceKind;

typedef struct
{
  guint8 kind;      /* NbPlaceKind */
  guint  number;    /* LINE: line; PAGE: page; PARAGRAPH: paragraph; CELL: table */
  guint  row;       /* CELL: 1-based */
  guint  column;    /* CELL: 1-based */
} NbPlace;

char *nb_place_describe (const NbPlace *place);

G_END_DECLS
