/* nb-table-grid-clipboard.c — copying a table or a block, pasting into the grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-table-grid"

#include "config.h"

#include "nb-table-grid-private.h"

#include <glib/gi18n.h>
#include <nb-export-text.h>
#include <nb-html-writer.h>
#include <nb-paste.h>
#include <nb-text-writer.h>
#include <string.h>

/* Helpers */

static void
show_toast (NbTableGrid *self,
            const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  /* a toast's title is markup */
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* The cells of line @line from @column on, left to right. */
static GArray *
line_cells (NbTableGrid *self,
            guint        line,
            guint        column)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = column; c < self->n_columns; c++)
    {
      int cell = _nb_table_grid_cell_at (self, line, c);

      if (cell >= 0)
        g_array_append_val (cells, cell);
    }
  return cells;
}

/* Copying */

static void
set_clipboard (NbTableGrid *self,
               const char  *html,
               const char  *text)
{
  /* without the charset, office programs read the HTML as Latin-1 */
  char *page = g_strconcat ("<meta charset=\"utf-8\">", html, NULL);
  g_autoptr(GBytes) html_bytes = g_bytes_new_take (page, strlen (page));
  g_autoptr(GBytes) text_bytes = g_bytes_new (text, strlen (text));
  GdkContentProvider *providers[] = {
    gdk_content_provider_new_for_bytes ("text/html", html_bytes),
    gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text_bytes),
    gdk_content_provider_new_for_bytes ("text/plain", text_bytes),
  };
  g_autoptr(GdkContentProvider) content = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));

  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), content);
}

static void
append_field (GString    *out,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* Pasting */

typedef struct
{
  NbTableGrid  *self;
  guint         cell;
  GInputStream *stream;
  char         *buffer;
} PasteRead;

static void
paste_read_free (PasteRead *read)
{
  g_clear_object (&read->self);
  g_clear_object (&read->stream);
  g_clear_pointer (&read->buffer, g_free);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteRead, paste_read_free)

/* Where the block's places go from @cell on, row by row: row i to the
 * i-th line with cells below, column j to the j-th cell to the right,
 * as Tab and Enter go. %NULL when the block does not fit; then
 * @fit_rows × @fit_columns is what would. */
static GArray *
find_targets (NbTableGrid *self,
              guint        cell,
              guint        n_rows,
              guint        n_columns,
              guint       *fit_rows,
              guint       *fit_columns)
{
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (guint));
  Place *place = _nb_table_grid_lookup_place (self, cell);

  *fit_rows = 0;
  *fit_columns = G_MAXUINT;
  for (guint line = place->row; line < self->n_lines; line++)
    {
      g_autoptr(GArray) cells = line_cells (self, line, place->column);

      if (cells->len == 0)
        continue;
      if (++*fit_rows > n_rows)
        continue;
      *fit_columns = MIN (*fit_columns, cells->len);
      g_array_append_vals (targets, cells->data, MIN (cells->len, n_columns));
    }
  if (*fit_rows < n_rows || *fit_columns < n_columns)
    return NULL;
  return g_steal_pointer (&targets);
}

/* One undo step for the whole paste. */
static void
set_texts (NbTableGrid *self,
           const guint *cells,
           const char  *const *texts,
           guint        n_cells)
{
  g_autofree char *message = NULL;

  nb_report_seal_undo (self->report);
  nb_report_begin_group (self->report);
  for (guint i = 0; i < n_cells; i++)
    nb_report_set_cell_text (self->report, cells[i], texts[i]);
  nb_report_end_group (self->report);

  message = g_strdup_printf (g_dngettext (NULL, "Pasted %u cell", "Pasted %u cells", n_cells), n_cells);
  show_toast (self, message);
}

static void
paste_whole_table (NbTableGrid *self,
                   char       **texts)
{
  g_autofree guint *cells = g_new (guint, self->table->n_cells);

  for (guint c = 0; c < self->table->n_cells; c++)
    cells[c] = self->table->first_cell + c;
  set_texts (self, cells, (const char *const *) texts, self->table->n_cells);
}

/* A single value goes into the text at the cursor, as the entry pastes. */
static void
paste_into_entry (NbTableGrid *self,
                  guint        cell,
                  const char  *text)
{
  GtkEditable *editable = GTK_EDITABLE (nb_table_grid_get_entry (self, cell));
  int position;

  gtk_editable_delete_selection (editable);
  position = gtk_editable_get_position (editable);
  gtk_editable_insert_text (editable, text, -1, &position);
  gtk_editable_set_position (editable, position);
}

static void
refuse_block (NbTableGrid *self,
              guint        cell,
              guint        n_rows,
              guint        n_columns,
              guint        fit_rows,
              guint        fit_columns)
{
  const char *label = nb_template_get_cell_label (nb_report_get_template (self->report), cell);
  g_autofree char *message = NULL;

  /* Translators: the pasted block's rows × columns, the rows × columns that fit from the
     focused cell, and that cell's name, e.g. "自然人 一、本年新收政府信息公开申请数量" */
  message = g_strdup_printf (g_dngettext (NULL, "The pasted block has %u × %u cell; only %u × %u fit from %s",
                                          "The pasted block has %u × %u cells; only %u × %u fit from %s",
                                          n_rows * n_columns),
                             n_rows, n_columns, fit_rows, fit_columns, label);
  show_toast (self, message);
}

static void
paste_block (NbTableGrid  *self,
             guint         cell,
             NbPasteBlock *block)
{
  guint n_rows = nb_paste_block_get_n_rows (block);
  guint n_columns = nb_paste_block_get_n_columns (block);
  g_auto(GStrv) whole = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autofree const char **texts = NULL;
  guint fit_rows, fit_columns;

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  /* a table copied whole goes to its places, wherever the focus is */
  whole = nb_paste_block_match_table (block, nb_report_get_template (self->report), self->table_index);
  if (whole != NULL)
    {
      paste_whole_table (self, whole);
      return;
    }
  if (n_rows == 1 && n_columns == 1)
    {
      paste_into_entry (self, cell, nb_paste_block_get_text (block, 0, 0));
      return;
    }
  targets = find_targets (self, cell, n_rows, n_columns, &fit_rows, &fit_columns);
  if (targets == NULL)
    {
      refuse_block (self, cell, n_rows, n_columns, fit_rows, fit_columns);
      return;
    }
  texts = g_new (const char *, n_rows * n_columns);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      texts[r * n_columns + c] = nb_paste_block_get_text (block, r, c);
  set_texts (self, (const guint *) (gpointer) targets->data, texts, targets->len);
}

static gboolean
is_cancelled (GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(PasteRead) read = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_autoptr(NbPasteBlock) block = NULL;

  if (is_cancelled (error))
    return;
  if (text == NULL)
    {
      show_toast (read->self, _("The clipboard holds no text to paste"));
      return;
    }
  block = nb_paste_block_new_from_text (text, strlen (text), &error);
  if (block == NULL)
    {
      show_toast (read->self, error->message);
      return;
    }
  paste_block (read->self, read->cell, block);
}

static void
read_text (PasteRead *read)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (read->self));

  gdk_clipboard_read_text_async (clipboard, read->self->cancellable, text_read_cb, read);
}

static void
html_bytes_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(PasteRead) read = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NbPasteBlock) block = NULL;
  gsize size = 0;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &size, &error))
    {
      if (!is_cancelled (error))
        read_text (g_steal_pointer (&read));
      return;
    }
  block = nb_paste_block_new_from_html (read->buffer, size, &error);
  if (block != NULL)
    paste_block (read->self, read->cell, block);
  else if (g_error_matches (error, NB_ERROR, NB_ERROR_TOO_LARGE))
    show_toast (read->self, error->message);
  /* HTML without a table: what was copied is text */
  else
    read_text (g_steal_pointer (&read));
}

static void
html_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(PasteRead) read = data;
  g_autoptr(GError) error = NULL;
  GInputStream *stream;
  GCancellable *cancellable;
  char *buffer;

  read->stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (read->stream == NULL)
    {
      if (!is_cancelled (error))
        read_text (g_steal_pointer (&read));
      return;
    }
  /* one byte more than a block may have tells a larger one */
  read->buffer = g_malloc (NB_PASTE_MAX_SIZE + 1);
  stream = read->stream;
  buffer = read->buffer;
  cancellable = read->self->cancellable;
  g_input_stream_read_all_async (stream, buffer, NB_PASTE_MAX_SIZE + 1, G_PRIORITY_DEFAULT,
                                 cancellable, html_bytes_cb, g_steal_pointer (&read));
}

/* Public API */

/**
 * nb_table_grid_copy_selection:
 * @self: a #NbTableGrid
 *
 * Puts the selected block on the clipboard: its cells' values as
 * tab-separated lines (`text/plain`) and as a plain HTML table
 * (`text/html`). Places without a cell in the rectangle are left out.
 *
 * Returns: %FALSE when no block is selected, so that nothing was copied
 */
gboolean
nb_table_grid_copy_selection (NbTableGrid *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) html = g_string_new ("<table>");
  guint row0, column0, row1, column1;

  g_return_val_if_fail (NB_IS_TABLE_GRID (self), FALSE);

  if (!nb_table_grid_get_selection (self, &row0, &column0, &row1, &column1))
    return FALSE;
  for (guint line = row0; line <= row1; line++)
    {
      g_autoptr(GArray) cells = line_cells (self, line, column0);
      guint n = 0;

      for (guint i = 0; i < cells->len; i++)
        {
          guint cell = g_array_index (cells, guint, i);
          g_autofree char *value = NULL;

          if (_nb_table_grid_lookup_place (self, cell)->column > column1)
            break;
          value = nb_report_dup_cell_text (self->report, cell);
          g_string_append (html, n == 0 ? "<tr><td>" : "</td><td>");
          nb_export_append_escaped (html, value);
          if (n++ > 0)
            g_string_append_c (text, '\t');
          append_field (text, value);
        }
      if (n > 0)
        {
          g_string_append (html, "</td></tr>");
          g_string_append_c (text, '\n');
        }
    }
  g_string_append (html, "</table>");
  set_clipboard (self, html->str, text->str);
  return TRUE;
}

/**
 * nb_table_grid_copy_table:
 * @self: a #NbTableGrid
 *
 * Puts the whole table on the clipboard as the paper form has it:
 * `text/html` with the merged headers (nb_html_writer_write_table()),
 * for Word, WPS and web editors, and tab-separated `text/plain`
 * (nb_text_writer_append_table()) for spreadsheets. Pasted into the same
 * table of a report, it fills every cell (nb_paste_block_match_table()).
 */
void
nb_table_grid_copy_table (NbTableGrid *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *html = NULL;

  g_return_if_fail (NB_IS_TABLE_GRID (self));

  html = nb_html_writer_write_table (self->report, self->table_index);
  nb_text_writer_append_table (text, self->report, self->table_index);
  set_clipboard (self, html, text->str);
  show_toast (self, _("Table copied"));
}

/**
 * nb_table_grid_paste:
 * @self: a #NbTableGrid
 * @cell: the focused cell
 *
 * Reads the clipboard, its HTML table if it offers one, else its text,
 * and pastes it (docs/FORMAT.md §8): a whole table as Copy Table gives it
 * into its places; a single value into @cell's text at the cursor; any
 * other block from @cell on, row by row, as one undo step, or not at all
 * when it does not fit. A toast tells what happened.
 */
void
nb_table_grid_paste (NbTableGrid *self,
                     guint        cell)
{
  GdkClipboard *clipboard;
  PasteRead *read;

  g_return_if_fail (NB_IS_TABLE_GRID (self));

  if (self->comparison != NULL || _nb_table_grid_lookup_place (self, cell) == NULL)
    return;
  /* a paste replaces one still reading */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  read = g_new0 (PasteRead, 1);
  read->self = g_object_ref (self);
  read->cell = cell;
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  if (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html"))
    gdk_clipboard_read_async (clipboard, (const char *[]) { "text/html", NULL }, G_PRIORITY_DEFAULT,
                              self->cancellable, html_read_cb, read);
  else
    read_text (read);
}
