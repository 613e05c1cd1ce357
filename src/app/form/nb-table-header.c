/* nb-table-header.c — a table's column headers kept in sight
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-table-header"

#include "config.h"

#include "nb-table-header.h"

#include <math.h>

/* Draws the top of a table (its column headers) as the table itself
 * draws it, so that it can float over the form while the table's lower
 * rows are scrolled up under it: the headers line up with the columns
 * because they are the same pixels. It takes no input; clicks go to the
 * cells beneath. */
struct _NbTableHeader
{
  GtkWidget     parent_instance;

  GtkWidget    *table;
  GdkPaintable *paintable;   /* of the table */
  int           height;      /* of its headers */
};

G_DEFINE_FINAL_TYPE (NbTableHeader, nb_table_header, GTK_TYPE_WIDGET)

static void
paintable_invalidated_cb (NbTableHeader *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
nb_table_header_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  NbTableHeader *self = NB_TABLE_HEADER (widget);
  graphene_rect_t bounds;

  /* the table's whole box, its border included */
  if (self->table == NULL || !gtk_widget_compute_bounds (self->table, self->table, &bounds))
    *minimum = *natural = 0;
  else if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = (int) ceilf (bounds.size.width);
  else
    *minimum = *natural = self->height;
}

static void
nb_table_header_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  NbTableHeader *self = NB_TABLE_HEADER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->paintable == NULL)
    return;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (self->paintable, snapshot, gtk_widget_get_width (self->table),
                          gtk_widget_get_height (self->table));
  gtk_snapshot_pop (snapshot);
}

static void
nb_table_header_dispose (GObject *object)
{
  NbTableHeader *self = (NbTableHeader *) object;

  if (self->paintable != NULL)
    g_signal_handlers_disconnect_by_func (self->paintable, paintable_invalidated_cb, self);
  g_clear_object (&self->paintable);
  g_clear_object (&self->table);

  G_OBJECT_CLASS (nb_table_header_parent_class)->dispose (object);
}

static void
nb_table_header_class_init (NbTableHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nb_table_header_dispose;
  widget_class->measure = nb_table_header_measure;
  widget_class->snapshot = nb_table_header_snapshot;
  gtk_widget_class_set_css_name (widget_class, "nb-table-header");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
nb_table_header_init (NbTableHeader *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
}

/**
 * nb_table_header_new:
 *
 * Returns: (transfer floating): a header showing no table yet
 */
GtkWidget *
nb_table_header_new (void)
{
  return g_object_new (NB_TYPE_TABLE_HEADER, NULL);
}

/**
 * nb_table_header_show_table:
 * @self: a #NbTableHeader
 * @table: (nullable): the widget whose top to show, or %NULL for none
 * @height: how much of its top: the height of its column headers
 */
void
nb_table_header_show_table (NbTableHeader *self,
                            GtkWidget     *table,
                            int            height)
{
  g_return_if_fail (NB_IS_TABLE_HEADER (self));

  if (self->table != table)
    {
      if (self->paintable != NULL)
        g_signal_handlers_disconnect_by_func (self->paintable, paintable_invalidated_cb, self);
      g_clear_object (&self->paintable);
      g_set_object (&self->table, table);
      if (table != NULL)
        {
          self->paintable = gtk_widget_paintable_new (table);
          g_signal_connect_swapped (self->paintable, "invalidate-contents",
                                    G_CALLBACK (paintable_invalidated_cb), self);
        }
    }
  self->height = height;
  gtk_widget_set_visible (GTK_WIDGET (self), table != NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * nb_table_header_get_table:
 * @self: a #NbTableHeader
 *
 * Returns: (transfer none) (nullable): the table whose headers are shown
 */
GtkWidget *
nb_table_header_get_table (NbTableHeader *self)
{
  g_return_val_if_fail (NB_IS_TABLE_HEADER (self), NULL);

  return self->table;
}
