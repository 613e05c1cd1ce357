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

/* The first layout that leaves the view short builds one section more,
 * the second everything (at most four layouts a frame). */
static void
view_short_cb (gpointer data,
               guint    n_short)
{
  NbReportView *self = data;

  if (n_short == 0)
    _nb_report_view_build_sections (self, self->n_built + 1);
  else
    _nb_report_view_finish_build (self);
}

static void
finish_build_cb (gpointer data)
{
  _nb_report_view_finish_build (data);
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
  g_clear_pointer (&self->watch, nb_build_watch_free);
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
  if (_nb_report_view_is_complete (self) || self->watch != NULL)
    return;
  self->watch = nb_build_watch_new (GTK_WIDGET (self), self->scroller, _nb_report_view_scrolled_form (self),
                                    view_short_cb, finish_build_cb, self);
}
