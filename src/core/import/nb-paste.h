/* nb-paste.h — clipboard content as a block of cell texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nb-template.h"

G_BEGIN_DECLS

/* Clipboard content is untrusted: larger blocks are refused. */
#define NB_PASTE_MAX_CELLS 10000
#define NB_PASTE_MAX_SIZE  (1024 * 1024)

typedef struct _NbPasteBlock NbPasteBlock;

NbPasteBlock  *nb_paste_block_new_from_text  (const char    *text,
                                              gsize          length,
                                              GError       **error);
NbPasteBlock  *nb_paste_block_new_from_html  (const char    *data,
                                              gsize          size,
                                              GError       **error);
void           nb_paste_block_free           (NbPasteBlock  *self);
guint          nb_paste_block_get_n_rows     (NbPasteBlock  *self);
guint          nb_paste_block_get_n_columns  (NbPasteBlock  *self);
const char    *nb_paste_block_get_text       (NbPasteBlock  *self,
                                              guint          row,
                                              guint          column);
char         **nb_paste_block_match_table    (NbPasteBlock  *self,
                                              NbTemplate    *template,
                                              guint          table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbPasteBlock, nb_paste_block_free)

G_END_DECLS
