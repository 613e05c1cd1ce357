/* nb-review-columns.c — the columns of a batch's table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-review-columns"

#include "config.h"

#include "nb-review-columns.h"

#include <glib/gi18n.h>
#include <nb-review-item.h>

/* Each column shows one property of an NbReviewItem and sorts by it;
 * a cell follows its item's changes, so an edit in the report's window
 * shows in its row. The headline figures take the statutory labels. */
typedef struct
{
  const char *property;
  const char *title;
  gboolean    numeric;
  gboolean    expand;
  gboolean    statutory;  /* the form's own label, never translated */
} Column;

static const Column columns[] = {
  { "display-name", N_("File"), FALSE, TRUE },
  { "organ", N_("Organ"), FALSE, TRUE },
  { "year", N_("Year"), TRUE, FALSE },
  { "kind", N_("Kind"), FALSE, FALSE },
  { "status", N_("Status"), FALSE, FALSE },
  { "n-errors", N_("Errors"), TRUE, FALSE },
  { "n-warnings", N_("Warnings"), TRUE, FALSE },
  { "n-checked", N_("Checked"), TRUE, FALSE },
  { "received", "本年新收", TRUE, FALSE, TRUE },
  { "results", "（七）总计", TRUE, FALSE, TRUE },
  { "carried", "结转", TRUE, FALSE, TRUE },
  { "review", "复议", TRUE, FALSE, TRUE },
  { "litigation", "诉讼", TRUE, FALSE, TRUE },
  { "punishment", "行政处罚", TRUE, FALSE, TRUE },
};

static const char *
status_text (const char *status)
{
  if (g_strcmp0 (status, "ok") == 0)
    return _("OK");
  if (g_strcmp0 (status, "errors") == 0)
    return _("Errors");
  if (g_strcmp0 (status, "unreadable") == 0)
    return _("Unreadable");
  return _("Reading…");
}

/**
 * nb_review_columns_dup_text:
 * @item: an #NbReviewItem
 * @property: one of its properties a column shows
 *
 * Returns: (transfer full): the cell's text: a figure the report does not
 *   state is "—", an unknown year is empty
 */
char *
nb_review_columns_dup_text (GObject    *item,
                            const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL, NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (item, property, &value);
  if (g_str_equal (property, "status"))
    return g_strdup (status_text (g_value_get_string (&value)));
  if (G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_value_get_int64 (&value) < 0 ? g_strdup ("—")
                                          : g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
  if (g_str_equal (property, "year") && g_value_get_uint (&value) == 0)
    return g_strdup ("");
  return g_strdup_printf ("%u", g_value_get_uint (&value));
}

static void
update_label (GtkLabel *label)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (label), "nb-list-item");
  const char *property = g_object_get_data (G_OBJECT (label), "nb-property");
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = item ? nb_review_columns_dup_text (item, property) : NULL;

  gtk_label_set_text (label, text ? text : "");
  if (g_str_equal (property, "status") && item != NULL)
    {
      const char *status = nb_review_item_get_status (NB_REVIEW_ITEM (item));

      if (g_str_equal (status, "errors") || g_str_equal (status, "unreadable"))
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          const Column             *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), column->expand ? PANGO_ELLIPSIZE_MIDDLE : PANGO_ELLIPSIZE_NONE);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "nb-list-item", list_item);
  g_object_set_data (G_OBJECT (label), "nb-property", (gpointer) column->property);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         const Column             *column)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *signal = g_strconcat ("notify::", column->property, NULL);

  update_label (GTK_LABEL (label));
  /* the status follows the counts; every other cell its own property */
  g_signal_connect_object (gtk_list_item_get_item (list_item),
                           g_str_equal (column->property, "status") ? "notify" : signal,
                           G_CALLBACK (update_label), label, G_CONNECT_SWAPPED);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           const Column             *column)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), update_label,
                                        gtk_list_item_get_child (list_item));
}

static GtkSorter *
column_sorter (const Column *column)
{
  GtkExpression *expression = gtk_property_expression_new (NB_TYPE_REVIEW_ITEM, NULL, column->property);

  if (column->numeric)
    return GTK_SORTER (gtk_numeric_sorter_new (expression));
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

/**
 * nb_review_columns_add:
 * @view: a column view over #NbReviewItem
 *
 * Adds every column, each sortable by its header.
 */
void
nb_review_columns_add (GtkColumnView *view)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      const char *title = columns[i].statutory ? columns[i].title : _(columns[i].title);
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);
      g_autoptr(GtkSorter) sorter = column_sorter (&columns[i]);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), (gpointer) &columns[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), (gpointer) &columns[i]);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (view, column);
    }
}
