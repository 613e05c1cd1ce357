/* nb-page-view.c — one page of a PDF at screen scale, with the boxes of
 * the report's numbers drawn over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-page-view"

#include "config.h"

#include "nb-page-view.h"

#include <glib/gi18n.h>

/* The page is rendered by poppler once per page, zoom and screen scale
 * into a texture at device pixels, so it stays crisp at 200 %; the boxes
 * are drawn over it at every frame, which is cheap. Rendering a page
 * takes tens of milliseconds: a worker thread does it, with a document of
 * its own opened from the same bytes, so that moving from cell to cell
 * never holds up typing; until it is done the page is blank paper (or
 * the last rendering, scaled). A click on a box activates its number; a
 * right click asks for its menu. */

/* The worker's side: its own document, one rendering at a time. */
typedef struct
{
  gatomicrefcount  ref;
  GMutex           lock;
  GBytes          *bytes;
  PopplerDocument *pdf;      /* opened on first use, in the worker */
} Renderer;

typedef struct
{
  Renderer *renderer;
  int       page;
  int       pixel_width;
  int       pixel_height;
  double    scale;           /* pixels per point */
} RenderJob;

struct _NbPageView
{
  GtkWidget         parent_instance;

  PopplerDocument  *pdf;
  PopplerPage      *page;
  int               page_index;
  double            zoom;         /* pixels per point */
  Renderer         *renderer;
  GCancellable     *rendering;    /* the rendering under way, or NULL */
  int               rendering_page;
  double            rendering_zoom;
  int               rendering_scale;
  GdkTexture       *texture;      /* the page at zoom × scale */
  int               texture_page;
  int               texture_scale;
  double            texture_zoom;
  GArray           *boxes;        /* NbPageBox on this page */
};

G_DEFINE_FINAL_TYPE (NbPageView, nb_page_view, GTK_TYPE_WIDGET)

enum {
  NUMBER_ACTIVATED,
  NUMBER_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_accessible (NbPageView *self);

static void
page_size (NbPageView *self,
           double     *width,
           double     *height)
{
  *width = 595;
  *height = 842;
  if (self->page != NULL)
    nb_poppler_loaded ()->page_get_size (self->page, width, height);
}

static Renderer *
renderer_new (GBytes *bytes)
{
  Renderer *renderer = g_new0 (Renderer, 1);

  g_atomic_ref_count_init (&renderer->ref);
  g_mutex_init (&renderer->lock);
  renderer->bytes = g_bytes_ref (bytes);
  return renderer;
}

static Renderer *
renderer_ref (Renderer *renderer)
{
  g_atomic_ref_count_inc (&renderer->ref);
  return renderer;
}

static void
renderer_unref (Renderer *renderer)
{
  if (!g_atomic_ref_count_dec (&renderer->ref))
    return;
  g_clear_object (&renderer->pdf);
  g_bytes_unref (renderer->bytes);
  g_mutex_clear (&renderer->lock);
  g_free (renderer);
}

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  renderer_unref (job->renderer);
  g_free (job);
}

/* @page at @scale pixels per point on white paper; @page may be NULL. */
static GdkTexture *
render_texture (PopplerPage *page,
                int          pixel_width,
                int          pixel_height,
                double       scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *pixels;
  GdkTexture *texture;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (page != NULL)
    nb_poppler_loaded ()->page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * pixel_height);
  texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, pixels,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (pixels);
  cairo_surface_destroy (surface);
  return texture;
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderJob *job = task_data;
  Renderer *renderer = job->renderer;
  PopplerPage *page = NULL;
  GdkTexture *texture;

  g_mutex_lock (&renderer->lock);
  if (renderer->pdf == NULL)
    renderer->pdf = nb_poppler_loaded ()->document_new_from_bytes (renderer->bytes, NULL, NULL);
  if (renderer->pdf != NULL && !g_cancellable_is_cancelled (cancellable))
    page = nb_poppler_loaded ()->document_get_page (renderer->pdf, job->page);
  texture = render_texture (page, job->pixel_width, job->pixel_height, job->scale);
  g_clear_object (&page);
  g_mutex_unlock (&renderer->lock);
  g_task_return_pointer (task, texture, g_object_unref);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  NbPageView *self = NB_PAGE_VIEW (object);
  GdkTexture *texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* a rendering replaced by another one is dropped */
  if (texture == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_object (&texture);
      return;
    }
  g_clear_object (&self->rendering);
  g_set_object (&self->texture, texture);
  g_object_unref (texture);
  self->texture_page = self->rendering_page;
  self->texture_zoom = self->rendering_zoom;
  self->texture_scale = self->rendering_scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
is_current (NbPageView *self,
            int         page,
            double      zoom,
            int         scale)
{
  return page == self->page_index && zoom == self->zoom && scale == gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

/* Starts rendering the current page at the current zoom, unless that is
 * what is shown or under way. */
static void
render_page (NbPageView *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  double width, height;

  if (self->renderer == NULL || self->page == NULL ||
      (self->texture != NULL && is_current (self, self->texture_page, self->texture_zoom, self->texture_scale)) ||
      (self->rendering != NULL &&
       is_current (self, self->rendering_page, self->rendering_zoom, self->rendering_scale)))
    return;
  if (self->rendering != NULL)
    g_cancellable_cancel (self->rendering);
  g_clear_object (&self->rendering);
  nb_poppler_loaded ()->page_get_size (self->page, &width, &height);
  job = g_new0 (RenderJob, 1);
  job->renderer = renderer_ref (self->renderer);
  job->page = self->page_index;
  job->scale = self->zoom * scale;
  job->pixel_width = CLAMP ((int) ceil (width * job->scale), 1, 8192);
  job->pixel_height = CLAMP ((int) ceil (height * job->scale), 1, 8192);
  /* the first page shown is wanted at once: the pane was just opened */
  if (self->texture == NULL)
    {
      self->texture = render_texture (self->page, job->pixel_width, job->pixel_height, job->scale);
      self->texture_page = self->page_index;
      self->texture_zoom = self->zoom;
      self->texture_scale = scale;
      render_job_free (job);
      return;
    }
  self->rendering = g_cancellable_new ();
  self->rendering_page = self->page_index;
  self->rendering_zoom = self->zoom;
  self->rendering_scale = scale;
  task = g_task_new (self, self->rendering, rendered_cb, NULL);
  g_task_set_task_data (task, job, render_job_free);
  g_task_run_in_thread (task, render_in_thread);
}

static void
draw_box (cairo_t         *cr,
          const NbPageBox *box,
          double           zoom)
{
  GdkRGBA fill, stroke;
  /* a little room round the glyphs, so the frame does not cut them */
  double pad = 1.5;
  double x = box->x0 * zoom - pad, y = box->y0 * zoom - pad;
  double w = (box->x1 - box->x0) * zoom + 2 * pad, h = (box->y1 - box->y0) * zoom + 2 * pad;

  nb_source_mark_color (box->mark.kind, box->mark.selected, &fill, &stroke);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  gdk_cairo_set_source_rgba (cr, &stroke);
  switch (box->mark.kind)
    {
    case NB_SOURCE_NUMBER_UNUSED:
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double[]) { 4, 2 }, 2, 0);
      cairo_rectangle (cr, x, y, w, h);
      cairo_stroke (cr);
      break;
    case NB_SOURCE_NUMBER_CHANGED:
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_rectangle (cr, x, y, w, h);
      cairo_rectangle (cr, x - 2, y - 2, w + 4, h + 4);
      cairo_stroke (cr);
      break;
    default:
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_rectangle (cr, x, y, w, h);
      cairo_stroke (cr);
    }
  if (box->mark.selected)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 2.5);
      cairo_set_source_rgba (cr, 0.9, 0.55, 0.0, 1);
      cairo_rectangle (cr, x - 3, y - 3, w + 6, h + 6);
      cairo_stroke (cr);
    }
}

static void
nb_page_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  NbPageView *self = NB_PAGE_VIEW (widget);
  double width, height;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (self->page == NULL)
    return;
  page_size (self, &width, &height);
  bounds = GRAPHENE_RECT_INIT (0, 0, width * self->zoom, height * self->zoom);
  render_page (self);
  /* the page as last rendered, scaled to the zoom; else blank paper */
  if (self->texture != NULL && self->texture_page == self->page_index)
    gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
  else
    gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &bounds);
  if (self->boxes->len == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  for (guint i = 0; i < self->boxes->len; i++)
    draw_box (cr, &g_array_index (self->boxes, NbPageBox, i), self->zoom);
  cairo_destroy (cr);
}

static void
nb_page_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  NbPageView *self = NB_PAGE_VIEW (widget);
  double width, height;

  page_size (self, &width, &height);
  *minimum = *natural = (int) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? width : height) *
                                    self->zoom);
}

static const NbPageBox *
box_at (NbPageView *self,
        double      x,
        double      y)
{
  double px = x / self->zoom, py = y / self->zoom;
  /* a small target grows to a finger's width */
  double slack = 3 / self->zoom;

  for (guint i = 0; i < self->boxes->len; i++)
    {
      const NbPageBox *box = &g_array_index (self->boxes, NbPageBox, i);

      if (px >= box->x0 - slack && px <= box->x1 + slack &&
          py >= box->y0 - slack && py <= box->y1 + slack)
        return box;
    }
  return NULL;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            NbPageView      *self)
{
  const NbPageBox *box = box_at (self, x, y);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (box == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (button == GDK_BUTTON_SECONDARY || box->mark.kind == NB_SOURCE_NUMBER_UNUSED)
    g_signal_emit (self, signals[NUMBER_MENU], 0, box->mark.number, x, y);
  else
    g_signal_emit (self, signals[NUMBER_ACTIVATED], 0, box->mark.number);
}

static void
nb_page_view_dispose (GObject *object)
{
  NbPageView *self = (NbPageView *) object;

  if (self->rendering != NULL)
    g_cancellable_cancel (self->rendering);
  g_clear_object (&self->rendering);
  g_clear_object (&self->page);
  g_clear_object (&self->pdf);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->renderer, renderer_unref);

  G_OBJECT_CLASS (nb_page_view_parent_class)->dispose (object);
}

static void
nb_page_view_finalize (GObject *object)
{
  g_array_unref (NB_PAGE_VIEW (object)->boxes);

  G_OBJECT_CLASS (nb_page_view_parent_class)->finalize (object);
}

static void
nb_page_view_class_init (NbPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_page_view_dispose;
  object_class->finalize = nb_page_view_finalize;
  widget_class->snapshot = nb_page_view_snapshot;
  widget_class->measure = nb_page_view_measure;

  /**
   * NbPageView::number-activated:
   * @number: the index of the number in the report's source numbers
   */
  signals[NUMBER_ACTIVATED] =
    g_signal_new ("number-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * NbPageView::number-menu:
   * @number: the index of the number
   * @x: where, in the view
   * @y: where
   */
  signals[NUMBER_MENU] =
    g_signal_new ("number-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nb_page_view_init (NbPageView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->zoom = 1.0;
  self->boxes = g_array_new (FALSE, FALSE, sizeof (NbPageBox));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self), "nb-page");
}

/* A screen reader gets the page's number and its text. */
static void
update_accessible (NbPageView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (self->page == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  /* Translators: the page of a PDF shown beside the form */
  label = g_strdup_printf (_("Page %d of %d"), self->page_index + 1, nb_page_view_get_n_pages (self));
  text = nb_poppler_loaded ()->page_get_text (self->page);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                  -1);
}

GtkWidget *
nb_page_view_new (void)
{
  return g_object_new (NB_TYPE_PAGE_VIEW, NULL);
}

/**
 * nb_page_view_set_document:
 * @self: a page view
 * @pdf: (nullable): the PDF, for its pages' sizes and text
 * @bytes: (nullable): its file, which the renderer opens on its own
 */
void
nb_page_view_set_document (NbPageView      *self,
                           PopplerDocument *pdf,
                           GBytes          *bytes)
{
  g_return_if_fail (NB_IS_PAGE_VIEW (self));

  if (self->rendering != NULL)
    g_cancellable_cancel (self->rendering);
  g_clear_object (&self->rendering);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->renderer, renderer_unref);
  if (pdf != NULL && bytes != NULL)
    self->renderer = renderer_new (bytes);
  g_set_object (&self->pdf, pdf);
  self->page_index = -1;
  nb_page_view_set_page (self, 0);
}

int
nb_page_view_get_n_pages (NbPageView *self)
{
  return self->pdf != NULL ? nb_poppler_loaded ()->document_get_n_pages (self->pdf) : 0;
}

/* @page: 0-based */
void
nb_page_view_set_page (NbPageView *self,
                       int         page)
{
  g_return_if_fail (NB_IS_PAGE_VIEW (self));

  page = CLAMP (page, 0, MAX (nb_page_view_get_n_pages (self) - 1, 0));
  if (page == self->page_index)
    return;
  self->page_index = page;
  g_clear_object (&self->page);
  if (self->pdf != NULL && nb_page_view_get_n_pages (self) > 0)
    self->page = nb_poppler_loaded ()->document_get_page (self->pdf, page);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
nb_page_view_get_page (NbPageView *self)
{
  return self->page_index;
}

void
nb_page_view_set_zoom (NbPageView *self,
                       double      zoom)
{
  zoom = CLAMP (zoom, 0.25, 6.0);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
nb_page_view_get_zoom (NbPageView *self)
{
  return self->zoom;
}

/* Returns: the page's width in points */
double
nb_page_view_get_page_width (NbPageView *self)
{
  double width, height;

  page_size (self, &width, &height);
  return width;
}

/* @boxes: NbPageBox of the current page, copied */
void
nb_page_view_set_boxes (NbPageView *self,
                        GArray     *boxes)
{
  g_array_set_size (self->boxes, 0);
  g_array_append_vals (self->boxes, boxes->data, boxes->len);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * nb_page_view_get_box_area:
 * @self: a page view
 * @number: a number's index
 * @area: (out): where its box is drawn, in the view's coordinates
 *
 * Returns: whether the number has a box on this page
 */
gboolean
nb_page_view_get_box_area (NbPageView      *self,
                           guint            number,
                           graphene_rect_t *area)
{
  for (guint i = 0; i < self->boxes->len; i++)
    {
      const NbPageBox *box = &g_array_index (self->boxes, NbPageBox, i);

      if (box->mark.number != number)
        continue;
      graphene_rect_init (area, box->x0 * self->zoom, box->y0 * self->zoom,
                          (box->x1 - box->x0) * self->zoom, (box->y1 - box->y0) * self->zoom);
      return TRUE;
    }
  return FALSE;
}

/* Returns: whether the current page is shown rendered at the zoom */
gboolean
nb_page_view_get_rendered (NbPageView *self)
{
  return self->texture != NULL &&
         is_current (self, self->texture_page, self->texture_zoom, self->texture_scale);
}

/* Returns: (nullable): the box of @number on this page */
const NbPageBox *
nb_page_view_get_box (NbPageView *self,
                      guint       number)
{
  for (guint i = 0; i < self->boxes->len; i++)
    if (g_array_index (self->boxes, NbPageBox, i).mark.number == number)
      return &g_array_index (self->boxes, NbPageBox, i);
  return NULL;
}

/* Returns: the number whose box is at @x, @y of the view, or -1 */
int
nb_page_view_number_at (NbPageView *self,
                        double      x,
                        double      y)
{
  const NbPageBox *box = box_at (self, x, y);

  return box != NULL ? (int) box->mark.number : -1;
}
