/* nb-docx-writer.c — the report as a Word document (Office Open XML)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-docx-writer"

#include "config.h"

#include "nb-docx-writer.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <math.h>

#include "nb-export-text.h"
#include "nb-table-layout.h"
#include "nb-template-private.h"

/* The package holds the least Word and LibreOffice need to open it
 * without a repair: content types, relationships, the document, its
 * styles, its fonts (with the usual substitutes of the official fonts),
 * a footer with the page number, and the title in the core properties.
 *
 * The page is A4 with 2.5 cm margins. As in a government document the
 * title is 方正小标宋简体 二号 (22 pt), the headings 黑体 三号 and the
 * text 仿宋_GB2312 三号 (16 pt) on a 28 pt line; tables are 宋体 小五
 * (9 pt), so that table 三's ten columns fit the page's width. */

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Lengths in twentieths of a point */
#define PAGE_WIDTH     11906
#define PAGE_HEIGHT    16838
#define PAGE_MARGIN    1417
#define TEXT_WIDTH     (PAGE_WIDTH - 2 * PAGE_MARGIN)
#define TABLE_EM       180       /* 小五, 9 pt */
#define CELL_MARGIN    57        /* 0.1 cm each side */
#define CELL_PADDING   (2 * CELL_MARGIN + 20)

static const char content_types[] =
  XML_DECLARATION
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/fontTable.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
  "<Override PartName=\"/word/footer1.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\" "
  "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>\n";

static const char package_rels[] =
  XML_DECLARATION
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
  "Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" "
  "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
  "Target=\"docProps/core.xml\"/>"
  "</Relationships>\n";

static const char document_rels[] =
  XML_DECLARATION
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
  "Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId2\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" "
  "Target=\"fontTable.xml\"/>"
  "<Relationship Id=\"rId3\" "
  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
  "Target=\"footer1.xml\"/>"
  "</Relationships>\n";

#define FONT(name, alt, family, pitch) \
  "<w:font w:name=\"" name "\"><w:altName w:val=\"" alt "\"/><w:charset w:val=\"86\"/>" \
  "<w:family w:val=\"" family "\"/><w:pitch w:val=\"" pitch "\"/></w:font>"

static const char font_table[] =
  XML_DECLARATION
  "<w:fonts xmlns:w=\"" W_NS "\">"
  FONT ("方正小标宋简体", "宋体", "script", "variable")
  FONT ("仿宋_GB2312", "仿宋", "modern", "fixed")
  FONT ("仿宋", "FangSong", "modern", "fixed")
  FONT ("黑体", "SimHei", "modern", "fixed")
  FONT ("宋体", "SimSun", "auto", "variable")
  "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/>"
  "<w:pitch w:val=\"variable\"/></w:font>"
  "</w:fonts>\n";

#define RUN_FONTS(east_asia) \
  "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" east_asia "\" " \
  "w:cs=\"Times New Roman\"/>"
#define RUN_SIZE(half_points) "<w:sz w:val=\"" half_points "\"/><w:szCs w:val=\"" half_points "\"/>"

static const char styles[] =
  XML_DECLARATION
  "<w:styles xmlns:w=\"" W_NS "\">"
  "<w:docDefaults>"
  "<w:rPrDefault><w:rPr>" RUN_FONTS ("仿宋_GB2312") RUN_SIZE ("32")
  "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
  "<w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/>"
  "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault>"
  "</w:docDefaults>"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
  "<w:qFormat/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
  "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
  "<w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\"560\" w:line=\"240\" w:lineRule=\"auto\"/>"
  "<w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
  "<w:rPr>" RUN_FONTS ("方正小标宋简体") RUN_SIZE ("44") "</w:rPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
  "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/>"
  "<w:pPr><w:keepNext/><w:ind w:firstLine=\"640\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
  "<w:rPr>" RUN_FONTS ("黑体") RUN_SIZE ("32") "</w:rPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/>"
  "<w:basedOn w:val=\"Normal\"/><w:qFormat/>"
  "<w:pPr><w:ind w:firstLine=\"640\"/></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
  "<w:basedOn w:val=\"Normal\"/>"
  "<w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
  "<w:jc w:val=\"center\"/></w:pPr>"
  "<w:rPr>" RUN_FONTS ("宋体") RUN_SIZE ("18") "</w:rPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
  "<w:basedOn w:val=\"Normal\"/>"
  "<w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr>"
  "<w:rPr>" RUN_FONTS ("宋体") RUN_SIZE ("28") "</w:rPr></w:style>"
  "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
  "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
  "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
  "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
  "</w:tblCellMar></w:tblPr></w:style>"
  "</w:styles>\n";

/* The page number as government documents print it: — 1 — */
static const char footer[] =
  XML_DECLARATION
  "<w:ftr xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\">"
  "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
  "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
  "<w:fldSimple w:instr=\" PAGE \\* MERGEFORMAT \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
  "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r>"
  "</w:p></w:ftr>\n";

/* document.xml */

static void
append_text_run (GString    *out,
                 const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_string_append (out, "<w:r>");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<w:br/>");
      g_string_append (out, "<w:t xml:space=\"preserve\">");
      nb_export_append_escaped (out, lines[i]);
      g_string_append (out, "</w:t>");
    }
  g_string_append (out, "</w:r>");
}

static void
append_paragraph_full (GString    *out,
                       const char *style,
                       const char *properties,
                       const char *text)
{
  g_string_append_printf (out, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>", style, properties);
  if (text != NULL && *text != '\0')
    append_text_run (out, text);
  g_string_append (out, "</w:p>");
}

static void
append_paragraph (GString    *out,
                  const char *style,
                  const char *text)
{
  append_paragraph_full (out, style, "", text);
}

static void
append_box_text (GString            *out,
                 NbReport           *report,
                 const NbLayoutItem *item,
                 int                 width,
                 gboolean            keep_next)
{
  g_autofree char *text = NULL;

  g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>");
  if (keep_next)
    g_string_append (out, "<w:keepNext/>");
  if (item->kind == NB_LAYOUT_ROW_LABEL)
    g_string_append (out, "<w:jc w:val=\"left\"/>");
  g_string_append (out, "</w:pPr>");

  if (item->kind == NB_LAYOUT_CELL)
    text = nb_report_dup_cell_text (report, item->cell);
  else if (item->kind == NB_LAYOUT_COLUMN_HEADER && item->n_columns == 1 &&
           nb_table_layout_measure_text (item->text) * TABLE_EM > width - CELL_PADDING)
    text = nb_table_layout_stack_text (item->text);
  else
    text = g_strdup (item->text ? item->text : "");
  if (*text != '\0')
    append_text_run (out, text);
  g_string_append (out, "</w:p>");
}

/* Whole twips that add up to the text's width. */
static int *
column_widths (NbTableLayout *layout,
               NbReport      *report)
{
  guint n = nb_table_layout_get_n_columns (layout);
  g_autofree double *widths = g_new0 (double, n);
  int *twips = g_new0 (int, n);
  double sum = 0;
  int done = 0;

  nb_table_layout_get_widths (layout, report, TEXT_WIDTH, TABLE_EM, CELL_PADDING, widths);
  for (guint c = 0; c < n; c++)
    {
      sum += widths[c];
      twips[c] = (int) lround (sum) - done;
      done += twips[c];
    }
  return twips;
}

static void
append_table_properties (GString   *out,
                         const int *twips,
                         guint      n_columns)
{
  int total = 0;

  for (guint c = 0; c < n_columns; c++)
    total += twips[c];
  g_string_append_printf (out,
                          "<w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
                          "<w:tblBorders>"
                          "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                          "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                          "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                          "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                          "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                          "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                          "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
                          "<w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/>"
                          "<w:left w:w=\"%d\" w:type=\"dxa\"/>"
                          "<w:bottom w:w=\"28\" w:type=\"dxa\"/>"
                          "<w:right w:w=\"%d\" w:type=\"dxa\"/></w:tblCellMar>"
                          "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" "
                          "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>",
                          total, CELL_MARGIN, CELL_MARGIN);
  g_string_append (out, "<w:tblGrid>");
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (out, "<w:gridCol w:w=\"%d\"/>", twips[c]);
  g_string_append (out, "</w:tblGrid>");
}

/* One <w:tc> per box in the row: a box spanning columns has a gridSpan;
 * one spanning rows starts a vertical merge in its first row and
 * continues it, empty, in each row below. */
static void
append_row (GString       *out,
            NbReport      *report,
            NbTableLayout *layout,
            const int     *twips,
            guint          row)
{
  guint n_columns = nb_table_layout_get_n_columns (layout);
  gboolean header = row < nb_table_layout_get_n_header_rows (layout);
  /* a header stays on the page of the line after it; so do the lines of
   * a part of 二 */
  gboolean keep_next = nb_table_layout_row_keeps_with_next (layout, row);

  g_string_append (out, "<w:tr><w:trPr><w:cantSplit/>");
  if (header)
    g_string_append (out, "<w:tblHeader/>");
  g_string_append (out, "</w:trPr>");
  for (guint c = 0; c < n_columns;)
    {
      const NbLayoutItem *item = nb_table_layout_get_item_at (layout, row, c);
      int width = 0;

      for (guint i = 0; i < item->n_columns; i++)
        width += twips[item->column + i];
      g_string_append_printf (out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
      if (item->n_columns > 1)
        g_string_append_printf (out, "<w:gridSpan w:val=\"%u\"/>", item->n_columns);
      if (item->n_rows > 1)
        g_string_append (out, item->row == row ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>");
      g_string_append (out, "<w:vAlign w:val=\"center\"/></w:tcPr>");
      if (item->row == row)
        append_box_text (out, report, item, width, keep_next);
      else
        append_paragraph (out, "TableText", NULL);
      g_string_append (out, "</w:tc>");
      c = item->column + item->n_columns;
    }
  g_string_append (out, "</w:tr>");
}

static void
append_table (GString  *out,
              NbReport *report,
              guint     table)
{
  g_autoptr(NbTableLayout) layout = nb_table_layout_new (nb_report_get_template (report), table);
  g_autofree int *twips = column_widths (layout, report);
  guint n_rows = nb_table_layout_get_n_rows (layout);

  g_string_append (out, "<w:tbl>");
  append_table_properties (out, twips, nb_table_layout_get_n_columns (layout));
  for (guint r = 0; r < n_rows; r++)
    append_row (out, report, layout, twips, r);
  g_string_append (out, "</w:tbl>");
}

static void
append_document_end (GString *out)
{
  g_string_append_printf (out,
                          "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
                          "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
                          "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" "
                          "w:header=\"851\" w:footer=\"850\" w:gutter=\"0\"/>"
                          "</w:sectPr></w:body></w:document>\n",
                          PAGE_WIDTH, PAGE_HEIGHT, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN);
}

static GString *
write_document (NbReport *report)
{
  GPtrArray *sections = nb_template_get_sections (nb_report_get_template (report));
  g_autofree char *title = nb_export_dup_title (report);
  GString *out = g_string_sized_new (128 * 1024);
  g_autofree char *lines = NULL;
  gboolean after_table = FALSE;

  g_string_append (out, XML_DECLARATION
                   "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>");
  /* 二号 is 22 pt, 440 twentieths */
  if (nb_table_layout_measure_text (title) * 440 > TEXT_WIDTH)
    lines = nb_export_dup_title_lines (report, title);
  append_paragraph (out, "Title", lines ? lines : title);
  for (guint s = 0; s < sections->len; s++)
    {
      NbTemplateSection *section = g_ptr_array_index (sections, s);

      /* some air between a table and the heading after it */
      append_paragraph_full (out, "Heading1", after_table ? "<w:spacing w:before=\"240\"/>" : "",
                             section->heading);
      after_table = section->table >= 0;
      if (section->table >= 0)
        append_table (out, report, section->table);
      else
        {
          g_auto(GStrv) paragraphs = nb_report_dup_paragraphs (report, s);

          for (guint i = 0; paragraphs[i] != NULL; i++)
            append_paragraph (out, "BodyText", paragraphs[i]);
        }
    }
  append_document_end (out);
  return out;
}

static GString *
write_core_properties (const char *title)
{
  GString *out = g_string_new (XML_DECLARATION
                               "<cp:coreProperties "
                               "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                               "<dc:title>");

  nb_export_append_escaped (out, title);
  g_string_append (out, "</dc:title><dc:language>zh-CN</dc:language></cp:coreProperties>\n");
  return out;
}

/* The package */

/* A fixed time for every entry, so that one report always gives the
 * same bytes. */
static GDateTime *
entry_time (void)
{
  return g_date_time_new_utc (1980, 1, 1, 0, 0, 0);
}

static gboolean
add_part (GsfOutfile  *folder,
          const char  *name,
          const char  *data,
          gsize        size)
{
  g_autoptr(GDateTime) time = entry_time ();
  GsfOutput *part;
  gboolean ok;

  part = gsf_outfile_new_child_full (folder, name, FALSE,
                                     "modtime", time,
                                     "compression-level", GSF_ZIP_DEFLATED,
                                     NULL);
  if (part == NULL)
    return FALSE;
  ok = gsf_output_write (part, size, (const guint8 *) data);
  ok = gsf_output_close (part) && ok;
  g_object_unref (part);
  return ok;
}

static GsfOutfile *
add_folder (GsfOutfile *parent,
            const char *name)
{
  g_autoptr(GDateTime) time = entry_time ();

  return GSF_OUTFILE (gsf_outfile_new_child_full (parent, name, TRUE, "modtime", time, NULL));
}

static gboolean
close_folder (GsfOutfile *folder,
              gboolean    ok)
{
  if (folder == NULL)
    return FALSE;
  ok = gsf_output_close (GSF_OUTPUT (folder)) && ok;
  g_object_unref (folder);
  return ok;
}

static gboolean
write_package (GsfOutfile *zip,
               GString    *document,
               GString    *core)
{
  GsfOutfile *folder, *rels;
  gboolean ok;

  ok = add_part (zip, "[Content_Types].xml", content_types, sizeof content_types - 1);

  folder = add_folder (zip, "_rels");
  ok = folder && add_part (folder, ".rels", package_rels, sizeof package_rels - 1) && ok;
  ok = close_folder (folder, ok);

  folder = add_folder (zip, "docProps");
  ok = folder && add_part (folder, "core.xml", core->str, core->len) && ok;
  ok = close_folder (folder, ok);

  folder = add_folder (zip, "word");
  if (folder == NULL)
    return FALSE;
  ok = add_part (folder, "document.xml", document->str, document->len) && ok;
  ok = add_part (folder, "styles.xml", styles, sizeof styles - 1) && ok;
  ok = add_part (folder, "fontTable.xml", font_table, sizeof font_table - 1) && ok;
  ok = add_part (folder, "footer1.xml", footer, sizeof footer - 1) && ok;
  rels = add_folder (folder, "_rels");
  ok = rels && add_part (rels, "document.xml.rels", document_rels, sizeof document_rels - 1) && ok;
  ok = close_folder (rels, ok);
  return close_folder (folder, ok);
}

/* libgsf has no autoptr cleanups: its objects are released by hand */
static GBytes *
write_zip (GString  *document,
           GString  *core,
           GError  **error)
{
  GsfOutput *sink;
  GsfOutfile *zip;
  GBytes *bytes = NULL;
  gboolean ok;

  sink = gsf_output_memory_new ();
  zip = gsf_outfile_zip_new (sink, error);
  if (zip == NULL)
    {
      g_object_unref (sink);
      return NULL;
    }
  ok = write_package (zip, document, core);
  ok = gsf_output_close (GSF_OUTPUT (zip)) && ok;
  if (ok)
    bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  else
    {
      const GError *failure = gsf_output_error (sink);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the Word document: %s"),
                   failure ? failure->message : _("the ZIP archive failed"));
    }
  g_object_unref (zip);
  g_object_unref (sink);
  return bytes;
}

/**
 * nb_docx_writer_write:
 * @report: a report
 * @error: return location for a #GError
 *
 * Writes the whole report as a Word document: the title, the six
 * sections in order, and the tables with the paper form's merged
 * headers (`w:gridSpan` across columns, `w:vMerge` down rows), their
 * header rows repeated on each page. Empty cells are empty.
 *
 * Returns: (transfer full) (nullable): the `.docx` file's bytes
 */
GBytes *
nb_docx_writer_write (NbReport  *report,
                      GError   **error)
{
  g_autoptr(GString) document = NULL;
  g_autoptr(GString) core = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  title = nb_export_dup_title (report);
  document = write_document (report);
  core = write_core_properties (title);
  return write_zip (document, core, error);
}

/**
 * nb_docx_writer_write_paragraphs:
 * @title: the document's title, also its first paragraph
 * @paragraphs: (array length=n_paragraphs): what follows the title
 * @n_paragraphs: how many
 * @error: return location for a #GError
 *
 * Writes a letter or a list in the report's page and fonts: the title
 * 方正小标宋简体 二号, headings 黑体 三号, text 仿宋_GB2312 三号, the
 * same bytes for the same paragraphs.
 *
 * Returns: (transfer full) (nullable): the `.docx` file's bytes
 */
GBytes *
nb_docx_writer_write_paragraphs (const char             *title,
                                 const NbDocxParagraph  *paragraphs,
                                 guint                   n_paragraphs,
                                 GError                **error)
{
  static const char *const styles_of[] = {
    [NB_DOCX_HEADING] = "Heading1",
    [NB_DOCX_BODY] = "BodyText",
    [NB_DOCX_PLAIN] = "Normal",
  };
  g_autoptr(GString) document = g_string_new (XML_DECLARATION "<w:document xmlns:w=\"" W_NS "\" "
                                               "xmlns:r=\"" R_NS "\"><w:body>");
  g_autoptr(GString) core = write_core_properties (title);

  append_paragraph (document, "Title", title);
  for (guint i = 0; i < n_paragraphs; i++)
    append_paragraph (document, styles_of[paragraphs[i].style], paragraphs[i].text);
  append_document_end (document);
  return write_zip (document, core, error);
}
