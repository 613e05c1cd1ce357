/* nb-report-view-build.c — the form built section by section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-report-view"

#include "config.h"

#include <glib/gi18n.h>
#include <nb-template.h>

#include "nb-narrative-view.h"
#include "nb-report-view-private.h"

/* The sections are built in the template's order, as few as the window's
 * first frame needs: the title fields, the overview and the first table
 * before it, more while the form ends inside the view, the rest in one
 * go right after it. Whatever asks for a cell or a section not built yet
 * builds the rest at once. */

static GtkWidget *
section_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "title-3");
  gtk_widget_add_css_class (label, "nb-section-heading");
  gtk_widget_set_margin_top (label, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

static void
add_narrative (NbReportView      *self,
               guint              index,
               NbTemplateSection *section)
{
  GtkWidget *view = nb_narrative_view_new (self->report, index);
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_add_css_class (frame, "nb-narrative-frame");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (self->content, frame);
  g_hash_table_insert (self->text_views, GUINT_TO_POINTER (index), view);
}

static void
add_table (NbReportView      *self,
           NbTemplateSection *section)
{
  NbTemplateTable *table = g_ptr_array_index (nb_template_get_tables (nb_report_get_template (self->report)),
                                              section->table);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *grid = nb_table_grid_new (self->report, section->table);
  GtkWidget *fill = gtk_button_new_with_label (_("Fill Empty Cells with 0"));
  GtkWidget *copy = gtk_button_new_with_label (_("Copy Table"));
  GtkWidget *label = section_heading (section->heading);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", table->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "report.copy-table");
  gtk_widget_set_tooltip_text (copy, _("Copy the whole table, to paste it into a document, a spreadsheet "
                                       "or the same table of another report"));
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_valign (copy, GTK_ALIGN_END);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (fill), "s", table->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (fill), "win.fill-empty");
  gtk_widget_add_css_class (fill, "flat");
  gtk_widget_set_valign (fill, GTK_ALIGN_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (heading), label);
  gtk_box_append (GTK_BOX (heading), copy);
  gtk_box_append (GTK_BOX (heading), fill);

  /* no scroller of its own: a wrapped label would be measured at the
   * narrowest width and leave a gap; the form is as wide as its widest
   * table, as on paper */
  gtk_box_append (self->content, heading);
  gtk_box_append (self->content, grid);
  g_ptr_array_add (self->grids, grid);
}

static void
finish_build_cb (gpointer data)
{
  NbReportView *self = data;

  self->finish_id = 0;
  _nb_report_view_finish_build (self);
}

/* The window's first frame shows only the sections that fill the view:
 * after each layout in which the form ends inside the view, more is
 * built, and the frame clock lays the window out again before it paints
 * (at most four times: the second shortfall builds everything). */
static void
clock_layout_cb (GdkFrameClock *clock,
                 NbReportView  *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double bottom = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_page_size (adjustment) <= 0 ||
      gtk_widget_get_height (_nb_report_view_scrolled_form (self)) > bottom)
    return;
  if (self->shortfalls++ == 0)
    _nb_report_view_build_sections (self, self->n_built + 1);
  else
    _nb_report_view_finish_build (self);
}

/* The rest of the form is built in one go once the first frame is on
 * screen: one chunk costs less than many, and the clerk cannot reach it
 * sooner. */
static void
clock_after_paint_cb (GdkFrameClock *clock,
                      NbReportView  *self)
{
  self->shortfalls = 0;
  if (self->finish_id == 0)
    self->finish_id = g_idle_add_once (finish_build_cb, self);
}

/* Private API, shared with nb-report-view.c */

/* Builds the sections from the next one not built up to @end. */
void
_nb_report_view_build_sections (NbReportView *self,
                                guint         end)
{
  GPtrArray *sections = nb_template_get_sections (nb_report_get_template (self->report));

  end = MIN (end, sections->len);
  if (self->n_built >= end)
    return;
  for (; self->n_built < end; self->n_built++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, self->n_built);

      if (section->table < 0)
        {
          gtk_box_append (self->content, section_heading (section->heading));
          add_narrative (self, self->n_built, section);
        }
      else
        add_table (self, section);
    }
  /* the new cells take the problems already found */
  nb_cell_marks_reshow (self->marks);
}

void
_nb_report_view_stop_building (NbReportView *self)
{
  if (self->clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->clock, self);
      g_clear_object (&self->clock);
    }
  g_clear_handle_id (&self->finish_id, g_source_remove);
}

gboolean
_nb_report_view_is_complete (NbReportView *self)
{
  return self->n_built >= nb_template_get_sections (nb_report_get_template (self->report))->len;
}

void
_nb_report_view_finish_build (NbReportView *self)
{
  if (_nb_report_view_is_complete (self))
    return;
  _nb_report_view_build_sections (self, G_MAXUINT);
  _nb_report_view_stop_building (self);
  g_object_notify (G_OBJECT (self), "complete");
}

/* Watches the window's frame clock while sections are still to be
 * built: layouts that leave the view short build more, the first frame
 * painted builds the rest. */
void
_nb_report_view_watch_clock (NbReportView *self)
{
  if (_nb_report_view_is_complete (self) || self->clock != NULL)
    return;
  self->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  g_signal_connect_after (self->clock, "layout", G_CALLBACK (clock_layout_cb), self);
  g_signal_connect (self->clock, "after-paint", G_CALLBACK (clock_after_paint_cb), self);
}
