/* nb-source-text.h — a source as text: a text file's lines with their
 * numbers, a web page's or document's paragraphs and table rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <nb-readers.h>

#include "nb-source-marks.h"

G_BEGIN_DECLS

#define NB_TYPE_SOURCE_TEXT (nb_source_text_get_type ())

G_DECLARE_FINAL_TYPE (NbSourceText, nb_source_text, NB, SOURCE_TEXT, GtkTextView)

GtkWidget  *nb_source_text_new          (void);
void        nb_source_text_set_source   (NbSourceText         *self,
                                         NbSource             *source,
                                         gboolean              line_numbers);
void        nb_source_text_set_marks    (NbSourceText         *self,
                                         const NbSourceNumber *numbers,
                                         const NbSourceMark   *marks,
                                         guint                 n_marks);
gboolean    nb_source_text_get_number_area (NbSourceText      *self,
                                         const NbSourceNumber *number,
                                         GdkRectangle         *area);
void        nb_source_text_scroll_to    (NbSourceText         *self,
                                         const NbSourceNumber *number,
                                         guint                 line);

G_END_DECLS
