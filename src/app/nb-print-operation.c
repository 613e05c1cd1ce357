/* nb-print-operation.c — printing a report the way the PDF export draws it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-print"

#include "config.h"

#include "nb-print-operation.h"

#include <nb-canonical.h>
#include <nb-export.h>
#include <nb-pdf-writer.h>
#include <nb-print-layout.h>

/* The report is copied when printing starts, so the pages show what the
 * user asked to print even if they go on typing while the printer works.
 * Pages are laid out for the paper the user picks in the dialog; the
 * layout draws whole pages (margins included), hence full-page mode in
 * points. */
struct _NbPrintOperation
{
  GtkPrintOperation  parent_instance;

  NbReport          *report;
  NbPrintLayout     *layout;
};

G_DEFINE_FINAL_TYPE (NbPrintOperation, nb_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
nb_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);

  if (gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_LANDSCAPE ||
      gtk_page_setup_get_orientation (setup) == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE)
    {
      double swap = width;

      width = height;
      height = swap;
    }
  g_clear_object (&self->layout);
  self->layout = nb_print_layout_new (self->report, width, height);
  gtk_print_operation_set_n_pages (operation, nb_print_layout_get_n_pages (self->layout));
}

static void
nb_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (operation);

  nb_print_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context), page);
}

static void
nb_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  g_clear_object (&NB_PRINT_OPERATION (operation)->layout);
}

static void
nb_print_operation_finalize (GObject *object)
{
  NbPrintOperation *self = (NbPrintOperation *) object;

  g_clear_object (&self->layout);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_print_operation_parent_class)->finalize (object);
}

static void
nb_print_operation_class_init (NbPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = nb_print_operation_finalize;
  operation_class->begin_print = nb_print_operation_begin_print;
  operation_class->draw_page = nb_print_operation_draw_page;
  operation_class->end_print = nb_print_operation_end_print;
}

static void
nb_print_operation_init (NbPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* government documents are A4 portrait */
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
}

/**
 * nb_print_operation_new:
 * @report: the report to print
 * @error: return location for a #GError
 *
 * Returns: (transfer full): an operation that prints a copy of @report
 *   as it is now, named after the exported document; %NULL if the
 *   report could not be copied
 */
NbPrintOperation *
nb_print_operation_new (NbReport  *report,
                        GError   **error)
{
  NbPrintOperation *self;
  g_autoptr(NbReport) copy = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  copy = nb_canonical_copy (report, error);
  if (copy == NULL)
    return NULL;
  self = g_object_new (NB_TYPE_PRINT_OPERATION, NULL);
  self->report = g_steal_pointer (&copy);
  title = nb_export_dup_title (self->report);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  return self;
}
