/* nb-source-pane.c — the submitted file beside the form, with where every
 * number came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-source-pane"

#include "config.h"

#include "nb-source-pane.h"

#include <glib/gi18n.h>

#include "nb-source-rows.h"

/* The pane reads the submitted file again in a worker thread and shows
 * it as it was: a PDF's pages, a text file's lines, a web page's or
 * document's paragraphs and table rows. Every number of the tables is
 * marked as the import used it (nb_report_get_source_numbers()); the
 * selected cell's number is highlighted and scrolled to. Clicking a
 * number goes to its cell; a number left unused offers the rows it could
 * fill, those of its count first. */

#define MAX_GRID_LINES 3000   /* real reports have some 300 */

struct _NbSourcePane
{
  AdwBin          parent_instance;

  NbDocument     *document;
  NbImporter     *importer;
  NbSourceFile   *file;
  GCancellable   *cancellable;
  GSignalGroup   *report_signals;
  int             selected_cell;
  NbDiagnostic   *selected_problem;  /* not owned: the report's */
  int             selected_number;
  gboolean        zoomed;       /* by the reviewer: the width no longer fits */
  guint           update_id;
  guint           fit_id;

  /* template children */
  GtkLabel       *name_label;
  GtkWidget      *page_box;
  GtkLabel       *page_label;
  GtkStack       *stack;
  AdwStatusPage  *status;
  GtkScrolledWindow *pdf_scroll;
  NbPageView     *page_view;
  NbSourceText   *text_view;
  NbSourceGrid   *grid_view;
};

G_DEFINE_FINAL_TYPE (NbSourcePane, nb_source_pane, ADW_TYPE_BIN)

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static NbReport *
numbers_report (NbSourcePane *self)
{
  return self->file != NULL ? nb_source_file_get_numbers (self->file) : NULL;
}

static const NbSourceNumber *
get_numbers (NbSourcePane *self,
             guint        *n)
{
  *n = 0;
  if (numbers_report (self) == NULL)
    return NULL;
  return nb_report_get_source_numbers (numbers_report (self), n);
}

/* The page (1-based) a piece stands on, or 0. */
static guint
page_of (NbSourcePane *self,
         guint         line)
{
  const NbPlace *place = nb_report_get_place (numbers_report (self), line);

  return place != NULL && place->kind == NB_PLACE_PAGE ? place->number : 0;
}

/* Paragraphs and tables as widgets, one label a cell, for a document of
 * a report's size; a file far larger is shown as text, which stays quick. */
static gboolean
uses_grid (NbSourcePane *self)
{
  return nb_source_file_get_kind (self->file) == NB_SOURCE_FILE_GRID &&
         nb_source_get_n_lines (nb_source_file_get_source (self->file)) <= MAX_GRID_LINES;
}

static gboolean
is_selected (NbSourcePane         *self,
             const NbSourceNumber *number)
{
  if (self->selected_problem != NULL)
    return number->problem == self->selected_problem;
  return self->selected_cell >= 0 && number->cell == self->selected_cell;
}

static void
update_page_label (NbSourcePane *self)
{
  g_autofree char *text = NULL;

  /* Translators: page 2 of 4 */
  text = g_strdup_printf (_("%d / %d"), nb_page_view_get_page (self->page_view) + 1,
                          nb_page_view_get_n_pages (self->page_view));
  gtk_label_set_text (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.previous-page",
                                 nb_page_view_get_page (self->page_view) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.next-page",
                                 nb_page_view_get_page (self->page_view) + 1 <
                                 nb_page_view_get_n_pages (self->page_view));
}

static void
update_marks (NbSourcePane *self)
{
  guint n;
  const NbSourceNumber *numbers = get_numbers (self, &n);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (NbSourceMark));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (NbPageBox));
  NbSourceFileKind kind;
  gboolean pdf;
  guint page;

  if (self->file == NULL)
    return;
  kind = nb_source_file_get_kind (self->file);
  pdf = kind == NB_SOURCE_FILE_PDF;
  page = nb_page_view_get_page (self->page_view) + 1;
  for (guint i = 0; i < n; i++)
    {
      NbSourceMark mark = { i, nb_source_mark_kind (&numbers[i]), is_selected (self, &numbers[i]) };
      NbPageBox box = { mark, numbers[i].x0, numbers[i].y0, numbers[i].x1, numbers[i].y1 };

      if (!pdf)
        g_array_append_val (marks, mark);
      else if (numbers[i].y1 > numbers[i].y0 && numbers[i].page == page)
        g_array_append_val (boxes, box);
    }
  if (pdf)
    {
      nb_page_view_set_boxes (self->page_view, boxes);
      update_page_label (self);
    }
  else if (uses_grid (self))
    nb_source_grid_set_marks (self->grid_view, numbers, (NbSourceMark *) marks->data, marks->len);
  else
    nb_source_text_set_marks (self->text_view, numbers, (NbSourceMark *) marks->data, marks->len);
}

/* Scrolls the page so that the box of @number stands in its upper third. */
static void
scroll_page_to (NbSourcePane *self,
                guint         number)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->pdf_scroll);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->pdf_scroll);
  graphene_rect_t area;
  double margin = gtk_widget_get_margin_top (GTK_WIDGET (self->page_view));

  if (!nb_page_view_get_box_area (self->page_view, number, &area))
    return;
  gtk_adjustment_set_value (vadjustment, area.origin.y + margin -
                            gtk_adjustment_get_page_size (vadjustment) / 3);
  if (area.origin.x + area.size.width > gtk_adjustment_get_value (hadjustment) +
                                        gtk_adjustment_get_page_size (hadjustment))
    gtk_adjustment_set_value (hadjustment, area.origin.x - gtk_adjustment_get_page_size (hadjustment) / 2);
}

/* Shows the number @number, or else the piece @line. */
static void
show_place (NbSourcePane *self,
            int           number,
            guint         line)
{
  guint n;
  const NbSourceNumber *numbers = get_numbers (self, &n);

  self->selected_number = number;
  if (self->file == NULL)
    return;
  if (number >= 0)
    line = numbers[number].line;
  if (nb_source_file_get_kind (self->file) == NB_SOURCE_FILE_PDF)
    {
      guint page = page_of (self, line);

      if (page > 0)
        nb_page_view_set_page (self->page_view, page - 1);
      update_marks (self);
      if (number >= 0)
        scroll_page_to (self, number);
      return;
    }
  update_marks (self);
  if (uses_grid (self))
    nb_source_grid_scroll_to (self->grid_view, number >= 0 ? &numbers[number] : NULL, line);
  else
    nb_source_text_scroll_to (self->text_view, number >= 0 ? &numbers[number] : NULL, line);
}

static int
first_selected (NbSourcePane *self)
{
  guint n;
  const NbSourceNumber *numbers = get_numbers (self, &n);

  for (guint i = 0; i < n; i++)
    if (is_selected (self, &numbers[i]))
      return i;
  return -1;
}

/**
 * nb_source_pane_show_cell:
 * @self: a source pane
 * @cell: a cell index, or -1 for none
 *
 * Highlights the number the cell was read from and scrolls to it.
 */
void
nb_source_pane_show_cell (NbSourcePane *self,
                          int           cell)
{
  NbReport *report;

  g_return_if_fail (NB_IS_SOURCE_PANE (self));

  self->selected_cell = cell;
  self->selected_problem = NULL;
  report = numbers_report (self);
  if (report == NULL || cell < 0)
    {
      show_place (self, -1, 0);
      return;
    }
  show_place (self, first_selected (self), nb_report_get_cell_line (report, cell));
}

/**
 * nb_source_pane_show_diagnostic:
 * @self: a source pane
 * @diagnostic: a problem of the document's report
 *
 * Shows where the problem is: the numbers it left unused, else its first
 * cell's number, else its line.
 */
void
nb_source_pane_show_diagnostic (NbSourcePane *self,
                                NbDiagnostic *diagnostic)
{
  guint n_cells;
  const guint *cells;

  g_return_if_fail (NB_IS_SOURCE_PANE (self));

  if (self->file == NULL)
    return;
  if (numbers_report (self) != NULL &&
      nb_report_count_unused (numbers_report (self), diagnostic) > 0)
    {
      self->selected_problem = diagnostic;
      self->selected_cell = -1;
      show_place (self, first_selected (self), 0);
      return;
    }
  cells = nb_diagnostic_get_cell_indices (diagnostic, &n_cells);
  if (n_cells > 0)
    {
      nb_source_pane_show_cell (self, cells[0]);
      return;
    }
  self->selected_cell = -1;
  self->selected_problem = NULL;
  show_place (self, -1, nb_diagnostic_get_line (diagnostic));
}

/* Loading */

static void
show_message (NbSourcePane *self,
              const char   *title,
              const char   *description)
{
  adw_status_page_set_title (self->status, title);
  adw_status_page_set_description (self->status, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
  gtk_widget_set_visible (self->page_box, FALSE);
}

/* The page fits the pane's width until the reviewer zooms. */
static void
fit_width (NbSourcePane *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->pdf_scroll));

  if (width < 100)
    width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width < 100 || self->zoomed)
    return;
  nb_page_view_set_zoom (self->page_view,
                         (width - 24.0) / nb_page_view_get_page_width (self->page_view));
}

static gboolean
fit_idle_cb (gpointer data)
{
  NbSourcePane *self = data;

  self->fit_id = 0;
  if (self->file != NULL && nb_source_file_get_kind (self->file) == NB_SOURCE_FILE_PDF)
    fit_width (self);
  return G_SOURCE_REMOVE;
}

/* Told during the layout, which a new zoom may not change: after it. */
static void
pane_resized_cb (NbSourcePane *self)
{
  if (self->fit_id == 0 && !self->zoomed)
    self->fit_id = g_idle_add (fit_idle_cb, self);
}

static void
show_file (NbSourcePane *self)
{
  NbSourceFileKind kind = nb_source_file_get_kind (self->file);

  gtk_label_set_text (self->name_label, nb_source_file_get_name (self->file));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), nb_source_file_get_name (self->file));
  gtk_widget_set_visible (self->page_box, kind == NB_SOURCE_FILE_PDF);
  if (kind == NB_SOURCE_FILE_PDF)
    {
      nb_page_view_set_document (self->page_view, nb_source_file_get_pdf (self->file),
                                 nb_source_file_get_bytes (self->file));
      fit_width (self);
      gtk_stack_set_visible_child_name (self->stack, "pdf");
    }
  else if (uses_grid (self))
    {
      nb_source_grid_set_source (self->grid_view, nb_source_file_get_source (self->file));
      gtk_stack_set_visible_child_name (self->stack, "grid");
    }
  else
    {
      nb_source_text_set_source (self->text_view, nb_source_file_get_source (self->file),
                                 kind == NB_SOURCE_FILE_TEXT);
      gtk_stack_set_visible_child_name (self->stack, "text");
    }
  g_signal_group_set_target (self->report_signals, numbers_report (self));
  nb_source_pane_show_cell (self, self->selected_cell);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(NbSourcePane) self = user_data;
  g_autoptr(GError) error = NULL;
  NbSourceFile *file = nb_source_file_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->file);
  self->file = file;
  if (file == NULL)
    {
      show_message (self, _("The Submitted File Cannot Be Shown"), error->message);
      return;
    }
  show_file (self);
}

static void
load (NbSourcePane *self)
{
  g_autoptr(GFile) file = NULL;
  NbReport *report;

  if (self->document == NULL || self->file != NULL || self->cancellable != NULL)
    return;
  report = nb_document_get_report (self->document);
  file = nb_source_file_find (nb_document_get_file (self->document), report);
  if (file == NULL)
    {
      show_message (self, _("No Submitted File"),
                    _("This report was typed, or the file it was imported from is no longer "
                      "beside it"));
      return;
    }
  self->cancellable = g_cancellable_new ();
  nb_source_file_load_async (file, report, self->importer, self->cancellable, loaded_cb,
                             g_object_ref (self));
}

static void
map_cb (NbSourcePane *self)
{
  load (self);
}

/**
 * nb_source_pane_set_document:
 * @self: a source pane
 * @document: (nullable): the document whose source to show
 * @importer: (nullable): to import a canonical file's source again
 *
 * The source is read once the pane is shown.
 */
void
nb_source_pane_set_document (NbSourcePane *self,
                             NbDocument   *document,
                             NbImporter   *importer)
{
  g_return_if_fail (NB_IS_SOURCE_PANE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* the views let go of the source before it goes */
  nb_page_view_set_document (self->page_view, NULL, NULL);
  nb_source_text_set_source (self->text_view, NULL, FALSE);
  nb_source_grid_set_source (self->grid_view, NULL);
  g_clear_object (&self->file);
  g_signal_group_set_target (self->report_signals, NULL);
  g_set_object (&self->document, document);
  g_set_object (&self->importer, importer);
  self->selected_cell = -1;
  self->selected_problem = NULL;
  self->selected_number = -1;
  self->zoomed = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

/* Numbers and rows */

/**
 * nb_source_pane_activate_number:
 * @self: a source pane
 * @number: the index of a source number
 *
 * Goes to the cell the number went to.
 */
void
nb_source_pane_activate_number (NbSourcePane *self,
                                guint         number)
{
  guint n;
  const NbSourceNumber *numbers = get_numbers (self, &n);

  if (number >= n || numbers[number].cell < 0)
    return;
  nb_source_pane_show_cell (self, numbers[number].cell);
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, (guint) numbers[number].cell);
}

static void
number_activated_cb (NbSourcePane *self,
                     guint         number)
{
  nb_source_pane_activate_number (self, number);
}

/**
 * nb_source_pane_get_use_menu:
 * @self: a source pane
 * @number: a number the import left unused
 *
 * Returns: (transfer full) (nullable): the rows it could fill
 *   (nb_source_rows_menu()); %NULL when it is not left over or belongs to
 *   another report than the document's (a canonical file's source)
 */
GMenuModel *
nb_source_pane_get_use_menu (NbSourcePane *self,
                             guint         number)
{
  NbReport *report = numbers_report (self);

  if (report == NULL || report != nb_document_get_report (self->document))
    return NULL;
  return nb_source_rows_menu (report, number);
}

static void
number_menu_cb (NbSourcePane *self,
                guint         number,
                double        x,
                double        y,
                GtkWidget    *view)
{
  g_autoptr(GMenuModel) model = nb_source_pane_get_use_menu (self, number);
  GtkWidget *popover;

  self->selected_problem = NULL;
  if (model == NULL || g_menu_model_get_n_items (model) == 0)
    {
      nb_source_pane_activate_number (self, number);
      return;
    }
  self->selected_problem = get_numbers (self, &(guint) { 0 })[number].problem;
  self->selected_cell = -1;
  update_marks (self);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, view);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
use_numbers_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NbSourcePane *self = NB_SOURCE_PANE (widget);
  NbReport *report = numbers_report (self);
  guint problem, first_cell, n_cells;
  GPtrArray *found;

  if (report == NULL)
    return;
  g_variant_get (parameter, "(uuu)", &problem, &first_cell, &n_cells);
  found = nb_report_get_import_diagnostics (report);
  if (problem >= found->len || first_cell + n_cells > nb_report_get_n_cells (report))
    return;
  if (nb_report_use_numbers (report, g_ptr_array_index (found, problem), first_cell, n_cells) > 0)
    {
      nb_source_pane_show_cell (self, first_cell);
      g_signal_emit (self, signals[CELL_ACTIVATED], 0, first_cell);
    }
}

/* Pages and zoom */

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbSourcePane *self = NB_SOURCE_PANE (widget);
  int step = g_str_equal (action_name, "source.next-page") ? 1 : -1;

  nb_page_view_set_page (self->page_view, nb_page_view_get_page (self->page_view) + step);
  update_marks (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->pdf_scroll), 0);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NbSourcePane *self = NB_SOURCE_PANE (widget);
  double factor = g_str_equal (action_name, "source.zoom-in") ? 1.25 : 0.8;

  self->zoomed = TRUE;
  nb_page_view_set_zoom (self->page_view, nb_page_view_get_zoom (self->page_view) * factor);
}

static gboolean
update_marks_idle_cb (gpointer data)
{
  NbSourcePane *self = data;

  self->update_id = 0;
  update_marks (self);
  return G_SOURCE_REMOVE;
}

/* Undo and redo settle a finding amid the cells they change: the marks
 * follow once the whole step is done. */
static void
report_changed_cb (NbSourcePane *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_marks_idle_cb, self);
}

/* GObject */

static void
nb_source_pane_dispose (GObject *object)
{
  NbSourcePane *self = (NbSourcePane *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  g_clear_object (&self->file);
  g_clear_object (&self->document);
  g_clear_object (&self->importer);
  g_clear_object (&self->report_signals);

  G_OBJECT_CLASS (nb_source_pane_parent_class)->dispose (object);
}

static void
nb_source_pane_class_init (NbSourcePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_source_pane_dispose;

  /**
   * NbSourcePane::cell-activated:
   * @cell: the cell a number clicked in the source went to
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (NB_TYPE_PAGE_VIEW);
  g_type_ensure (NB_TYPE_SOURCE_TEXT);
  g_type_ensure (NB_TYPE_SOURCE_GRID);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nianbao/Nianbao/nb-source-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, name_label);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, page_box);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, page_label);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, stack);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, status);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, pdf_scroll);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, page_view);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, text_view);
  gtk_widget_class_bind_template_child (widget_class, NbSourcePane, grid_view);

  gtk_widget_class_install_action (widget_class, "source.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "source.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "source.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "source.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "source.use-numbers", "(uuu)", use_numbers_action);
}

static void
nb_source_pane_init (NbSourcePane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_cell = -1;
  self->selected_number = -1;
  self->report_signals = g_signal_group_new (NB_TYPE_REPORT);
  g_signal_group_connect_swapped (self->report_signals, "import-resolved",
                                  G_CALLBACK (report_changed_cb), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->pdf_scroll), "notify::page-size",
                            G_CALLBACK (pane_resized_cb), self);
  g_signal_connect_swapped (self->page_view, "number-activated", G_CALLBACK (number_activated_cb), self);
  g_signal_connect_swapped (self->text_view, "number-activated", G_CALLBACK (number_activated_cb), self);
  g_signal_connect_swapped (self->page_view, "number-menu", G_CALLBACK (number_menu_cb), self);
  g_signal_connect_swapped (self->text_view, "number-menu", G_CALLBACK (number_menu_cb), self);
  g_signal_connect_swapped (self->grid_view, "number-activated", G_CALLBACK (number_activated_cb), self);
  g_signal_connect_swapped (self->grid_view, "number-menu", G_CALLBACK (number_menu_cb), self);
}

GtkWidget *
nb_source_pane_new (void)
{
  return g_object_new (NB_TYPE_SOURCE_PANE, NULL);
}

/* Returns: (transfer none) (nullable): the file shown, once read */
NbSourceFile *
nb_source_pane_get_file (NbSourcePane *self)
{
  return self->file;
}

NbPageView *
nb_source_pane_get_page_view (NbSourcePane *self)
{
  return self->page_view;
}

NbSourceText *
nb_source_pane_get_text_view (NbSourcePane *self)
{
  return self->text_view;
}

NbSourceGrid *
nb_source_pane_get_grid_view (NbSourcePane *self)
{
  return self->grid_view;
}

/* Returns: the number shown last, or -1 */
int
nb_source_pane_get_selected_number (NbSourcePane *self)
{
  return self->selected_number;
}
