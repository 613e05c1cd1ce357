/* nb-page-view.h — one page of a PDF at screen scale, with the boxes of
 * the report's numbers drawn over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <nb-poppler.h>

#include "nb-source-marks.h"

G_BEGIN_DECLS

/* A number's box on the page, in points from the page's top left. */
typedef struct
{
  NbSourceMark mark;
  double       x0;
  double       y0;
  double       x1;
  double       y1;
} NbPageBox;

#define NB_TYPE_PAGE_VIEW (nb_page_view_get_type ())

G_DECLARE_FINAL_TYPE (NbPageView, nb_page_view, NB, PAGE_VIEW, GtkWidget)

GtkWidget  *nb_page_view_new          (void);
void        nb_page_view_set_document (NbPageView       *self,
                                       PopplerDocument  *pdf,
                                       GBytes           *bytes);
int         nb_page_view_get_n_pages  (NbPageView       *self);
void        nb_page_view_set_page     (NbPageView       *self,
                                       int               page);
int         nb_page_view_get_page     (NbPageView       *self);
void        nb_page_view_set_zoom     (NbPageView       *self,
                                       double            zoom);
double      nb_page_view_get_zoom     (NbPageView       *self);
double      nb_page_view_get_page_width (NbPageView     *self);
void        nb_page_view_set_boxes    (NbPageView       *self,
                                       GArray           *boxes);
gboolean    nb_page_view_get_box_area (NbPageView       *self,
                                       guint             number,
                                       graphene_rect_t  *area);
gboolean    nb_page_view_get_rendered (NbPageView       *self);
const NbPageBox *nb_page_view_get_box (NbPageView       *self,
                                       guint             number);
int         nb_page_view_number_at    (NbPageView       *self,
                                       double            x,
                                       double            y);

G_END_DECLS
