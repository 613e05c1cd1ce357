/* nb-print-layout.h — the report on pages, for a PDF or a printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "nb-report.h"

G_BEGIN_DECLS

/* A4 in points */
#define NB_PAGE_A4_WIDTH  (210.0 / 25.4 * 72.0)
#define NB_PAGE_A4_HEIGHT (297.0 / 25.4 * 72.0)

#define NB_TYPE_PRINT_LAYOUT (nb_print_layout_get_type ())

G_DECLARE_FINAL_TYPE (NbPrintLayout, nb_print_layout, NB, PRINT_LAYOUT, GObject)

NbPrintLayout *nb_print_layout_new         (NbReport       *report,
                                            double          page_width,
                                            double          page_height);
guint          nb_print_layout_get_n_pages (NbPrintLayout  *self);
void           nb_print_layout_draw_page   (NbPrintLayout  *self,
                                            cairo_t        *cr,
                                            guint           page);

const char    *nb_print_layout_get_title   (NbPrintLayout  *self);
const char    *nb_print_layout_get_omitted (NbPrintLayout  *self);
void           nb_print_layout_add_pdf_outline (NbPrintLayout *self,
                                            cairo_surface_t *surface);

G_END_DECLS
