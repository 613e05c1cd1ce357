/* test-source.c — the submitted file beside the form, driven as a user
 * would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb (suite ui): a PDF, a web page and a text file shown in
 * the source pane; the focused cell's number highlighted where its glyphs
 * are; a number clicked in the source focusing its cell; and a PDF whose
 * text layer misreads a row label, made here with cairo, whose numbers
 * the import leaves over and the reviewer gives to the missing row.
 */

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "nb-test-ui.h"
#include "nb-test-util.h"
#include "nb-compare-window.h"
#include "nb-window.h"

#define SEED "003_babb1a0d8021a832"
#define MISSING_ROW "t3/other_handling.no_fee"

typedef struct
{
  NbTemplate *template;
  NbImporter *importer;
  NbSettings *settings;
  NbWindow   *window;
  char       *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->template = nb_template_new_default (&error);
  g_assert_no_error (error);
  fixture->importer = nb_importer_new (fixture->template);
  /* the settings outlive a window: each test starts with the pane hidden */
  fixture->settings = nb_settings_new ();
  nb_settings_set_show_source (fixture->settings, FALSE);
  fixture->window = g_object_ref_sink (nb_window_new (NULL, fixture->importer, fixture->settings));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  fixture->dir = g_dir_make_tmp ("nianbao-source-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  nb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->window);
  g_object_unref (fixture->settings);
  g_object_unref (fixture->importer);
  g_object_unref (fixture->template);
}

static gboolean
source_loaded (gpointer data)
{
  return nb_source_pane_get_file (data) != NULL;
}

static gboolean
page_rendered (gpointer data)
{
  return nb_page_view_get_rendered (data);
}

static NbSourcePane *
pane (Fixture *fixture)
{
  return nb_window_get_source_pane (fixture->window);
}

static NbReport *
report (Fixture *fixture)
{
  return nb_document_get_report (nb_window_get_document (fixture->window));
}

/* Opens @path and shows its source with F8's action. */
static void
show_with_source (Fixture    *fixture,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = nb_document_load (fixture->importer, file, NULL, &error);

  g_assert_no_error (error);
  nb_window_set_document (fixture->window, document);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, fixture->window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pane (fixture))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-source", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pane (fixture))));
  nb_test_ui_wait_until (source_loaded, pane (fixture));
  nb_test_ui_wait_idle ();
}

static int
cell (Fixture    *fixture,
      const char *address)
{
  int index = nb_report_lookup_cell (report (fixture), address);

  g_assert_cmpint (index, >=, 0);
  return index;
}

static NbCellEntry *
entry_for (Fixture    *fixture,
           const char *address)
{
  return nb_report_view_get_entry (nb_window_get_report_view (fixture->window),
                                   cell (fixture, address));
}

static void
focus_cell (Fixture    *fixture,
            const char *address)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry_for (fixture, address)));
  nb_test_ui_wait_idle ();
}

static gboolean
has_focus (Fixture    *fixture,
           const char *address)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *entry = GTK_WIDGET (entry_for (fixture, address));

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static const NbSourceNumber *
selected_number (Fixture *fixture)
{
  guint n;
  /* a canonical file's numbers come from its source, imported again */
  NbReport *shown = nb_source_file_get_numbers (nb_source_pane_get_file (pane (fixture)));
  const NbSourceNumber *numbers = nb_report_get_source_numbers (shown, &n);
  int selected = nb_source_pane_get_selected_number (pane (fixture));

  g_assert_cmpint (selected, >=, 0);
  g_assert_cmpint (selected, <, n);
  return &numbers[selected];
}

/* Whether the glyphs of @text stand on page @page (0-based) of the PDF
 * inside the rectangle @x0 … @y1 (points, from the top left), as poppler
 * finds them: the highlight is checked against the page itself. */
static gboolean
glyphs_overlap (PopplerDocument *pdf,
                int              page_index,
                const char      *text,
                double           x0,
                double           y0,
                double           x1,
                double           y1)
{
  PopplerPage *page = poppler_document_get_page (pdf, page_index);
  double width, height;
  GList *found;
  gboolean overlap = FALSE;

  poppler_page_get_size (page, &width, &height);
  found = poppler_page_find_text (page, text);
  for (GList *l = found; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      /* find_text counts y from the bottom of the page */
      double top = height - MAX (r->y1, r->y2), bottom = height - MIN (r->y1, r->y2);

      overlap = overlap || (MIN (r->x1, r->x2) < x1 && MAX (r->x1, r->x2) > x0 &&
                            top < y1 && bottom > y0);
    }
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  g_object_unref (page);
  return overlap;
}

/* PDF */

static void
test_pdf_follows_cell (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", "003.pdf", NULL);
  NbPageView *view;
  const NbSourceNumber *number;
  const NbPageBox *box;
  graphene_rect_t area;

  show_with_source (fixture, path);
  g_assert_cmpint (nb_source_file_get_kind (nb_source_pane_get_file (pane (fixture))), ==,
                   NB_SOURCE_FILE_PDF);
  view = nb_source_pane_get_page_view (pane (fixture));
  nb_test_ui_wait_until (page_rendered, view);

  /* 自然人 一、本年新收: 8, on the page with table 三 */
  focus_cell (fixture, "t3/received/natural_person");
  number = selected_number (fixture);
  {
    g_autofree char *label = g_strdup_printf ("Page %d of %d", nb_page_view_get_page (view) + 1,
                                              nb_page_view_get_n_pages (view));

    /* a screen reader reads the page, the number among its text */
    gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
    g_assert_cmpuint (number->page, ==, nb_page_view_get_page (view) + 1);
  }
  g_assert_cmpint (number->cell, ==, cell (fixture, "t3/received/natural_person"));
  g_assert_cmpstr (number->text, ==, "8");
  g_assert_cmpint (number->kind, ==, NB_SOURCE_NUMBER_USED);
  box = nb_page_view_get_box (view, nb_source_pane_get_selected_number (pane (fixture)));
  g_assert_nonnull (box);
  g_assert_true (box->mark.selected);
  g_assert_true (glyphs_overlap (nb_source_file_get_pdf (nb_source_pane_get_file (pane (fixture))),
                                 nb_page_view_get_page (view), "8",
                                 box->x0, box->y0, box->x1, box->y1));
  g_assert_true (nb_page_view_get_box_area (view, nb_source_pane_get_selected_number (pane (fixture)),
                                            &area));
  g_assert_cmpfloat (area.size.width, >, 0);
  nb_test_ui_wait_until (page_rendered, view);

  /* the next cell along the row moves the highlight, not the page */
  focus_cell (fixture, "t3/received/total");
  number = selected_number (fixture);
  g_assert_cmpstr (number->text, ==, "8");
  g_assert_cmpint (number->cell, ==, cell (fixture, "t3/received/total"));
  box = nb_page_view_get_box (view, nb_source_pane_get_selected_number (pane (fixture)));
  g_assert_nonnull (box);
  g_assert_true (box->x0 > area.origin.x / nb_page_view_get_zoom (view));
}

static void
test_pdf_click_focuses_cell (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", "003.pdf", NULL);
  NbPageView *view;
  graphene_rect_t area;
  guint n;
  const NbSourceNumber *numbers;
  int target = -1, at;

  show_with_source (fixture, path);
  view = nb_source_pane_get_page_view (pane (fixture));
  focus_cell (fixture, "t3/received/natural_person");

  /* the number of 二、上年结转 自然人 (1), on the same page */
  numbers = nb_report_get_source_numbers (report (fixture), &n);
  for (guint i = 0; i < n; i++)
    if (numbers[i].cell == cell (fixture, "t3/carried_over/natural_person"))
      target = i;
  g_assert_cmpint (target, >=, 0);
  g_assert_true (nb_page_view_get_box_area (view, target, &area));
  at = nb_page_view_number_at (view, area.origin.x + area.size.width / 2,
                               area.origin.y + area.size.height / 2);
  g_assert_cmpint (at, ==, target);
  g_signal_emit_by_name (view, "number-activated", (guint) at);
  nb_test_ui_wait_idle ();
  g_assert_true (has_focus (fixture, "t3/carried_over/natural_person"));
}

/* Text and web page */

/* The text the selected tag covers in the source's text view, and the
 * start of its line. */
static char *
selected_text (NbSourceText *view,
               char        **line_start)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "selected");
  GtkTextIter start, end, line;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  line = start;
  gtk_text_iter_set_line_offset (&line, 0);
  *line_start = gtk_text_iter_get_text (&line, &start);
  return gtk_text_iter_get_text (&start, &end);
}

static void
test_text_follows_cell (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = nb_test_seed_path (SEED);
  NbSourceText *view;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  GdkRectangle area;

  show_with_source (fixture, path);
  g_assert_cmpint (nb_source_file_get_kind (nb_source_pane_get_file (pane (fixture))), ==,
                   NB_SOURCE_FILE_TEXT);
  view = nb_source_pane_get_text_view (pane (fixture));

  /* line 58: 二、上年结转 … 1 0 0 0 0 0 1 */
  focus_cell (fixture, "t3/carried_over/natural_person");
  text = selected_text (view, &before);
  g_assert_cmpstr (text, ==, "1");
  g_assert_true (g_str_has_prefix (before, "58  二、上年结转政府信息公开申请数量"));
  g_assert_cmpuint (selected_number (fixture)->line, ==, 58);
  g_assert_true (nb_source_text_get_number_area (view, selected_number (fixture), &area));
  g_assert_cmpint (area.width, >, 0);

  /* the number clicked goes to its cell */
  g_signal_emit_by_name (view, "number-activated",
                         (guint) nb_source_pane_get_selected_number (pane (fixture)) + 6);
  nb_test_ui_wait_idle ();
  g_assert_true (has_focus (fixture, "t3/carried_over/total"));
}

/* The label of a table cell spanning more than one column, if any. */
static GtkWidget *
find_merged (GtkWidget  *widget,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && GTK_IS_GRID (widget) &&
          g_str_equal (gtk_label_get_text (GTK_LABEL (child)), text))
        {
          int column, row, width, height;

          gtk_grid_query_child (GTK_GRID (widget), child, &column, &row, &width, &height);
          if (width > 1)
            return child;
        }
      if ((found = find_merged (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_html_follows_cell (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "formats", "003.html", NULL);
  NbSourceGrid *view;
  const NbSourceNumber *number;
  GtkLabel *label;
  graphene_rect_t area, bounds;
  PangoAttrList *attributes;
  guint n;
  const NbSourceNumber *numbers;
  int target = -1;

  show_with_source (fixture, path);
  g_assert_cmpint (nb_source_file_get_kind (nb_source_pane_get_file (pane (fixture))), ==,
                   NB_SOURCE_FILE_GRID);
  view = nb_source_pane_get_grid_view (pane (fixture));
  /* the table as published: 申请人情况 over the six applicant columns */
  g_assert_nonnull (find_merged (GTK_WIDGET (view), "申请人情况"));

  focus_cell (fixture, "t3/received/natural_person");
  number = selected_number (fixture);
  g_assert_cmpstr (number->text, ==, "8");
  label = nb_source_grid_get_label (view, number->line);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "8");
  g_assert_true (GTK_IS_GRID (gtk_widget_get_parent (GTK_WIDGET (label))));
  attributes = gtk_label_get_attributes (label);
  g_assert_nonnull (attributes);
  g_assert_nonnull (pango_attr_list_get_attributes (attributes) /* the highlight */);
  /* the highlight stands in the number's cell */
  g_assert_true (nb_source_grid_get_number_area (view, number, &area));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), GTK_WIDGET (view), &bounds));
  g_assert_cmpfloat (area.size.width, >, 0);
  g_assert_true (graphene_rect_intersection (&area, &bounds, NULL));

  /* a number clicked goes to its cell */
  numbers = nb_report_get_source_numbers (report (fixture), &n);
  for (guint i = 0; i < n; i++)
    if (numbers[i].cell == cell (fixture, "t3/carried_over/total"))
      target = i;
  g_assert_cmpint (target, >=, 0);
  g_signal_emit_by_name (view, "number-activated", (guint) target);
  nb_test_ui_wait_idle ();
  g_assert_true (has_focus (fixture, "t3/carried_over/total"));
}

/* A row label misread */

static gboolean
is_number (const char *field)
{
  return *field != '\0' && strspn (field, "0123456789") == strlen (field);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A table row: its label at the left, its numbers in columns. */
static void
show_row (cairo_t     *cr,
          PangoLayout *layout,
          const char  *line,
          double       y)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  g_autoptr(GString) label = g_string_new (NULL);
  guint column = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    if (!is_number (fields[i]))
      g_string_append (label, fields[i]);
  show_text (cr, layout, label->str, 30, y);
  for (guint i = 0; fields[i] != NULL; i++)
    if (is_number (fields[i]))
      show_text (cr, layout, fields[i], 480 + 40 * column++, y);
}

/* Seed 003 as a PDF whose table rows are text and numbers in columns, and
 * whose label of 2.申请人逾期未按收费通知要求缴纳费用、… stands as a poor
 * scan's text layer reads it, a third of its characters wrong: too far
 * from every row to be taken for one, so its numbers go unused. */
static char *
make_misread_pdf (const char *dir)
{
  g_autofree char *seed = nb_test_seed_path (SEED);
  g_autofree char *text = NULL;
  g_autofree char *misread = NULL;
  g_auto(GStrv) lines = NULL;
  char *path = g_build_filename (dir, "misread.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 1200, 700);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC 8");
  double y = 50;

  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));
  misread = nb_test_replace (text, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t",
                             "申靖入逾朗末按收贵通和耍求缴纲费甩、行政扒关不冉处埋其政府信息公开申请\t");
  lines = g_strsplit (misread, "\n", -1);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 1100 * PANGO_SCALE);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[l], "\t", -1);
      gboolean row = fields[0] != NULL && fields[1] != NULL, numbers = FALSE;
      int width, height;

      for (guint i = 0; fields[i] != NULL; i++)
        numbers = numbers || is_number (fields[i]);
      if (row && !numbers)
        continue;    /* header lines: the numbers are read in order */
      pango_layout_set_text (layout, lines[l], -1);
      pango_layout_get_size (layout, &width, &height);
      if (y + height / PANGO_SCALE > 650)
        {
          cairo_show_page (cr);
          y = 50;
        }
      if (row)
        show_row (cr, layout, lines[l], y);
      else
        show_text (cr, layout, lines[l], 30, y);
      y += MAX (height / PANGO_SCALE, 14) + 2;
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

static guint
count_rule (Fixture    *fixture,
            const char *rule)
{
  GListModel *model = G_LIST_MODEL (nb_document_get_validator (nb_window_get_document (fixture->window)));

  return nb_test_count_rule (model, rule);
}

static void
test_left_over_assigned (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = make_misread_pdf (fixture->dir);
  int first;
  NbPageView *view;
  guint n, n_unused = 0;
  const NbSourceNumber *numbers;
  int unused = -1;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *label = NULL;
  const char *tooltip;

  show_with_source (fixture, path);
  first = cell (fixture, MISSING_ROW "/natural_person");
  view = nb_source_pane_get_page_view (pane (fixture));
  g_assert_cmpuint (count_rule (fixture, "parse.unknown-row"), ==, 1);
  g_assert_cmpuint (count_rule (fixture, "parse.missing-row"), ==, 1);

  /* the dropped numbers are marked unused where they stand */
  numbers = nb_report_get_source_numbers (report (fixture), &n);
  for (guint i = 0; i < n; i++)
    if (numbers[i].kind == NB_SOURCE_NUMBER_UNUSED &&
        g_str_equal (nb_diagnostic_get_rule_id (numbers[i].problem), "parse.unknown-row"))
      {
        n_unused++;
        if (unused < 0)
          unused = i;
        g_assert_true (numbers[i].problem == numbers[unused].problem);
        g_assert_cmpstr (numbers[i].text, ==, "0");
      }
  g_assert_cmpuint (n_unused, ==, 7);
  g_assert_cmpuint (nb_report_count_unused (report (fixture), numbers[unused].problem), ==, 7);
  nb_source_pane_show_diagnostic (pane (fixture), numbers[unused].problem);
  nb_test_ui_wait_idle ();
  g_assert_cmpint (nb_source_pane_get_selected_number (pane (fixture)), ==, unused);
  g_assert_nonnull (nb_page_view_get_box (view, unused));
  g_assert_cmpint (nb_page_view_get_box (view, unused)->mark.kind, ==, NB_SOURCE_NUMBER_UNUSED);

  /* offered first for the missing row of seven columns */
  menu = nb_source_pane_get_use_menu (pane (fixture), unused);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >=, 1);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "Use for “2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”");
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE ("(uuu)"));
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (pane (fixture)),
                                                     "source.use-numbers", target));
  nb_test_ui_wait_idle ();

  /* the row is filled, both findings are gone, the cells say so */
  for (guint i = 0; i < 7; i++)
    g_assert_cmpstr (nb_report_get_cell_text (report (fixture), first + i), ==, "0");
  g_assert_true (nb_report_get_cell_assigned (report (fixture), first));
  g_assert_cmpuint (count_rule (fixture, "parse.unknown-row"), ==, 0);
  g_assert_cmpuint (count_rule (fixture, "parse.missing-row"), ==, 0);
  g_assert_cmpint (nb_page_view_get_box (view, unused)->mark.kind, ==, NB_SOURCE_NUMBER_USED);
  tooltip = nb_cell_entry_get_tooltip (entry_for (fixture, MISSING_ROW "/natural_person"));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Assigned by hand from page"));
  g_assert_true (has_focus (fixture, MISSING_ROW "/natural_person"));

  /* one undo puts back both */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  nb_test_ui_wait_idle ();
  for (guint i = 0; i < 7; i++)
    g_assert_null (nb_report_get_cell_text (report (fixture), first + i));
  g_assert_false (nb_report_get_cell_assigned (report (fixture), first));
  g_assert_cmpuint (count_rule (fixture, "parse.unknown-row"), ==, 1);
  g_assert_cmpuint (count_rule (fixture, "parse.missing-row"), ==, 1);
  g_assert_cmpint (nb_page_view_get_box (view, unused)->mark.kind, ==, NB_SOURCE_NUMBER_UNUSED);
  tooltip = nb_cell_entry_get_tooltip (entry_for (fixture, MISSING_ROW "/natural_person"));
  g_assert_true (tooltip == NULL || strstr (tooltip, "Assigned by hand") == NULL);

  /* and redo does it again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (nb_report_get_cell_text (report (fixture), first + 6), ==, "0");
  g_assert_cmpuint (count_rule (fixture, "parse.unknown-row"), ==, 0);
}

/* The canonical file names its source, and shows it when it is beside
 * it unchanged; a changed file is never shown as the source. */
static void
test_canonical_shows_source (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *seed = nb_test_seed_path (SEED);
  g_autofree char *text = NULL;
  gsize length;
  g_autofree char *source_path = g_build_filename (fixture->dir, "report.txt", NULL);
  g_autofree char *canonical_path = g_build_filename (fixture->dir, "report.nianbao.json", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) canonical = g_file_new_for_path (canonical_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) imported = NULL;
  g_autoptr(NbDocument) reopened = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NbSourceFile) file = NULL;

  g_assert_true (g_file_get_contents (seed, &text, &length, NULL));
  g_assert_true (g_file_set_contents (source_path, text, length, NULL));
  imported = nb_document_load (fixture->importer, source, NULL, &error);
  g_assert_no_error (error);
  bytes = nb_canonical_write (nb_document_get_report (imported));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"source\": { \"name\": \"report.txt\""));
  g_assert_true (g_file_set_contents (canonical_path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));

  show_with_source (fixture, canonical_path);
  g_assert_cmpstr (nb_source_file_get_name (nb_source_pane_get_file (pane (fixture))), ==, "report.txt");
  focus_cell (fixture, "t3/carried_over/natural_person");
  g_assert_cmpstr (selected_number (fixture)->text, ==, "1");

  /* the same size, another content: refused */
  text[strlen (text) - 2] = text[strlen (text) - 2] == 'x' ? 'y' : 'x';
  g_assert_true (g_file_set_contents (source_path, text, length, NULL));
  reopened = nb_document_load (fixture->importer, canonical, NULL, &error);
  g_assert_no_error (error);
  file = nb_source_file_load (source, nb_document_get_report (reopened), fixture->importer, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
}

/* Each window shows or hides its source on its own; a new window starts
 * as the last choice left it. */
static void
test_remembered (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NbSettings) settings = nb_settings_new ();
  g_autofree char *path = nb_test_seed_path (SEED);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) document = nb_document_load (fixture->importer, file, NULL, &error);
  NbWindow *first, *second;

  g_assert_no_error (error);
  nb_settings_set_show_source (settings, FALSE);
  first = nb_window_new (NULL, fixture->importer, settings);
  nb_window_set_document (first, document);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (nb_window_get_source_pane (first))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.toggle-source", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (nb_window_get_source_pane (first))));
  g_assert_true (nb_settings_get_show_source (settings));

  second = nb_window_new (NULL, fixture->importer, settings);
  nb_window_set_document (second, document);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (nb_window_get_source_pane (second))));
  /* hiding it in the second leaves the first as it is */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.toggle-source", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (nb_window_get_source_pane (second))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (nb_window_get_source_pane (first))));
  g_assert_false (nb_settings_get_show_source (settings));

  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
}

/* A comparison shows the submitted file of the year in focus. */
static void
test_compare_sides (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *newer_path = nb_test_seed_path (SEED);
  g_autofree char *older_path = g_test_build_filename (G_TEST_DIST, "data", "comparison",
                                                       "houzhai-2023-matching.txt", NULL);
  g_autoptr(GFile) newer_file = g_file_new_for_path (newer_path);
  g_autoptr(GFile) older_file = g_file_new_for_path (older_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NbDocument) newer = nb_document_load (fixture->importer, newer_file, NULL, &error);
  g_autoptr(NbDocument) older = nb_document_load (fixture->importer, older_file, NULL, &error);
  NbCompareWindow *window;
  NbCompareView *view;
  NbSourcePane *source;
  int received;

  g_assert_no_error (error);
  window = nb_compare_window_new (NULL, newer, older);
  view = nb_compare_window_get_view (window);
  source = nb_compare_window_get_source_pane (window);
  received = nb_report_lookup_cell (nb_document_get_report (newer), "t3/received/natural_person");
  gtk_window_present (GTK_WINDOW (window));
  nb_test_ui_wait_until (nb_test_ui_is_mapped, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-source", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (source)));

  /* the older year, on the left */
  gtk_widget_grab_focus (GTK_WIDGET (nb_compare_view_get_entry (view, 0, received)));
  nb_test_ui_wait_until (source_loaded, source);
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (nb_source_file_get_name (nb_source_pane_get_file (source)), ==,
                   "houzhai-2023-matching.txt");
  g_assert_cmpint (nb_source_pane_get_selected_number (source), >=, 0);

  /* the newer, on the right: its own file, its own number */
  gtk_widget_grab_focus (GTK_WIDGET (nb_compare_view_get_entry (view, 1, received)));
  nb_test_ui_wait_until (source_loaded, source);
  nb_test_ui_wait_idle ();
  g_assert_cmpstr (nb_source_file_get_name (nb_source_pane_get_file (source)), ==, SEED ".txt");
  g_assert_cmpstr (nb_report_get_source_numbers (nb_document_get_report (newer), &(guint) { 0 })
                     [nb_source_pane_get_selected_number (source)].text, ==, "8");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Screenshots for the documentation: the pane on a real PDF */

/* Whether the cell's entry stands inside the window, below its header. */
static gboolean
is_shown (Fixture    *fixture,
          const char *address)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (GTK_WIDGET (entry_for (fixture, address)),
                                    GTK_WIDGET (fixture->window), &bounds) &&
         bounds.origin.y > 60 && bounds.origin.y + bounds.size.height <
                                 gtk_widget_get_height (GTK_WIDGET (fixture->window));
}

/* Scrolls the form so that the cell's entry stands in its upper part. */
static void
scroll_to_entry (Fixture    *fixture,
                 const char *address)
{
  GtkWidget *entry = GTK_WIDGET (entry_for (fixture, address));
  GtkWidget *scrolled = NULL;
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_point_t at;

  /* the form's own scrolling, not a wide table's */
  for (GtkWidget *w = gtk_widget_get_ancestor (entry, GTK_TYPE_SCROLLED_WINDOW); w != NULL;
       w = gtk_widget_get_ancestor (gtk_widget_get_parent (w), GTK_TYPE_SCROLLED_WINDOW))
    scrolled = w;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  /* where it stands in the form, whatever the scrolling: the same value
   * however often it is set */
  g_assert_true (gtk_widget_compute_point (entry, content, &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (adjustment, at.y - 200);
}

/* Scrolls the form to the cell until it stays shown: a scroll may land
 * before the form's layout settles beside the pane. */
static gboolean
withheld_shown (gpointer data)
{
  if (is_shown (data, "t3/withheld.state_secret/natural_person"))
    return TRUE;
  scroll_to_entry (data, "t3/withheld.state_secret/natural_person");
  return FALSE;
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "hongze-2023.pdf", NULL);
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *name = dark ? "screenshot-source-dark.png" : "screenshot-source.png";
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, name, NULL);
  NbPageView *view;
  GStatBuf info;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* the frame takes 10 pixels of the default size: 1280 × 800 inside, on
   * a screen wider than that (xvfb-run -s "-screen 0 1600x1000x24") */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1290, 810);
  show_with_source (fixture, path);
  view = nb_source_pane_get_page_view (pane (fixture));
  nb_test_ui_wait_until (page_rendered, view);
  /* again until the form shows the cell: the first scroll may land
   * before the form's layout settles beside the pane */
  nb_report_view_focus_cell (nb_window_get_report_view (fixture->window),
                             cell (fixture, "t3/withheld.state_secret/natural_person"));
  nb_test_ui_wait_idle ();
  nb_test_ui_wait_until (withheld_shown, fixture);
  nb_test_ui_wait_until (page_rendered, view);
  nb_test_ui_save_png (GTK_WIDGET (fixture->window), name);
  g_assert_cmpint (g_stat (png, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 20000);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  nb_test_ui_init ();

  g_test_add ("/source/pdf-follows-cell", Fixture, NULL,
              fixture_set_up, test_pdf_follows_cell, fixture_tear_down);
  g_test_add ("/source/pdf-click-focuses-cell", Fixture, NULL,
              fixture_set_up, test_pdf_click_focuses_cell, fixture_tear_down);
  g_test_add ("/source/text-follows-cell", Fixture, NULL,
              fixture_set_up, test_text_follows_cell, fixture_tear_down);
  g_test_add ("/source/html-follows-cell", Fixture, NULL,
              fixture_set_up, test_html_follows_cell, fixture_tear_down);
  g_test_add ("/source/left-over-assigned", Fixture, NULL,
              fixture_set_up, test_left_over_assigned, fixture_tear_down);
  g_test_add ("/source/canonical-shows-source", Fixture, NULL,
              fixture_set_up, test_canonical_shows_source, fixture_tear_down);
  g_test_add ("/source/remembered", Fixture, NULL,
              fixture_set_up, test_remembered, fixture_tear_down);
  g_test_add ("/source/compare-sides", Fixture, NULL,
              fixture_set_up, test_compare_sides, fixture_tear_down);
  g_test_add ("/source/screenshot-light", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_screenshot, fixture_tear_down);
  g_test_add ("/source/screenshot-dark", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_screenshot, fixture_tear_down);

  return g_test_run ();
}
