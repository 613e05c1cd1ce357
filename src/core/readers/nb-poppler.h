/* nb-poppler.h — Poppler, loaded when the first PDF is opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* The functions of poppler-glib this program calls, with their own
 * prototypes. Linked, Poppler and the libraries it needs (NSS, lcms,
 * OpenJPEG) would be loaded by every start of the application and the
 * command-line tool: 4 ms and 2 MiB, for files most runs never see. */
typedef struct
{
  __typeof__ (poppler_error_quark)                   *error_quark;
  __typeof__ (poppler_document_new_from_bytes)       *document_new_from_bytes;
  __typeof__ (poppler_document_new_from_stream)      *document_new_from_stream;
  __typeof__ (poppler_document_get_n_pages)          *document_get_n_pages;
  __typeof__ (poppler_document_get_page)             *document_get_page;
  __typeof__ (poppler_document_get_creation_date_time) *document_get_creation_date_time;
  __typeof__ (poppler_page_get_size)                 *page_get_size;
  __typeof__ (poppler_page_get_text)                 *page_get_text;
  __typeof__ (poppler_page_get_text_layout)          *page_get_text_layout;
  __typeof__ (poppler_page_render)                   *page_render;
} NbPoppler;

const NbPoppler *nb_poppler_get    (GError **error);
const NbPoppler *nb_poppler_loaded (void);

G_END_DECLS
