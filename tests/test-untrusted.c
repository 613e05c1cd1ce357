/* test-untrusted.c — files made to hang, exhaust or mislead the readers,
 * the canonical format and the exports: each ends in a clear error or a
 * correct read. Large inputs are generated here, never committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <nb-docx-writer.h>
#include <nb-file-replace.h>
#include <nb-pdf-writer.h>
#include <nb-readers.h>
#include <nb-text-decoder.h>
#include <poppler.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Helpers */

/* All the source's pieces, one a line. */
static char *
source_text (NbSource *source)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nb_source_get_n_lines (source); i++)
    {
      const NbSourceLine *line = nb_source_get_line (source, i);

      for (guint k = 0; k < line->n_pieces; k++)
        {
          const NbSourcePiece *piece = nb_source_get_piece (source, line->first_piece + k);

          g_string_append_len (out, nb_source_get_text (source, piece), piece->length);
          g_string_append_c (out, k + 1 < line->n_pieces ? '|' : '\n');
        }
    }
  return g_string_free (out, FALSE);
}

#define TYPES "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/" \
              "package/2006/content-types\"/>"

static GBytes *
make_docx (const char *document,
           gsize       size)
{
  return nb_test_zip (2, "[Content_Types].xml", TYPES, strlen (TYPES),
                   "word/document.xml", document, size);
}

#define W_DOCUMENT_START \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" \
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
#define W_DOCUMENT_END "</w:body></w:document>"

/* The Word document's text, or NULL with @error set. */
static char *
read_docx (GBytes  *docx,
           GError **error)
{
  g_autoptr(NbZip) zip = nb_zip_open (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), error);
  NbSource *source = zip ? nb_docx_read (zip, error) : NULL;
  char *text = source ? source_text (source) : NULL;

  g_clear_pointer (&source, nb_source_free);
  return text;
}

static char *
read_html (const char  *page,
           gsize        size,
           GError     **error)
{
  NbSource *source = nb_html_read (page, size, NULL, error);
  char *text = source ? source_text (source) : NULL;

  g_clear_pointer (&source, nb_source_free);
  return text;
}

/* `<p a0=x a1=x …>` with @n attributes, @n_elements times. */
static GString *
many_attributes (GString    *out,
                 guint       n_elements,
                 guint       n,
                 const char *tag)
{
  for (guint e = 0; e < n_elements; e++)
    {
      g_string_append_printf (out, "<%s", tag);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, " a%u=\"1\"", i);
      g_string_append_printf (out, ">x</%s>", tag);
    }
  return out;
}

/* 1. HTML: one element with very many attributes */

static void
test_html_attributes (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body>\n<p>报告</p>\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  many_attributes (page, 1, 200000, "p");
  g_string_append (page, "</body></html>");
  text = read_html (page->str, page->len, &error);
  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_nonnull (strstr (error->message, "200000"));
  g_clear_error (&error);

  /* as many attributes over many elements are read, as a page is */
  g_string_assign (page, "<html><body><p>报告</p>");
  many_attributes (page, 1000, 200, "p");
  g_string_append (page, "<p>1 < 2 a b c d e f g h i j k l m n o p q r s t u v w x y z</p>");
  /* a script's '<' starts no tag, however many words follow */
  g_string_append (page, "<script>if (a<b) {");
  for (guint i = 0; i < 1000; i++)
    g_string_append (page, " x = y;");
  g_string_append (page, "}</script>");
  g_string_append (page, "</body></html>");
  text = read_html (page->str, page->len, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "报告\nx\nx\n"));
  g_assert_true (g_str_has_suffix (text, "1 < 2 a b c d e f g h i j k l m n o p q r s t u v w x y z\n"));
}

/* 2. DOCX: one element with very many attributes */

static void
test_docx_attributes (void)
{
  g_autoptr(GString) document = g_string_new (W_DOCUMENT_START "\n\n");
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  many_attributes (document, 1, 200000, "w:p");
  g_string_append (document, W_DOCUMENT_END);
  docx = make_docx (document->str, document->len);
  text = read_docx (docx, &error);
  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);
  g_clear_pointer (&docx, g_bytes_unref);

  g_string_assign (document, W_DOCUMENT_START);
  many_attributes (document, 1000, 200, "w:p");
  g_string_append (document, "<w:p><w:r><w:t>报告</w:t></w:r></w:p>" W_DOCUMENT_END);
  docx = make_docx (document->str, document->len);
  text = read_docx (docx, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "报告\n");
}

/* 5. DOCX: a small archive of millions of elements */

static void
test_docx_nodes (void)
{
  g_autoptr(GString) document = g_string_new (W_DOCUMENT_START);
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 8000000; i++)
    g_string_append (document, "<a/>");
  g_string_append (document, W_DOCUMENT_END);
  docx = make_docx (document->str, document->len);
  g_assert_cmpuint (g_bytes_get_size (docx), <, 100 * 1024);
  text = read_docx (docx, &error);
  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "word/document.xml"));
}

/* The same run mangled ("<a/c<a/c…"): one error for each of millions of
 * elements, of which the first ends the reading */
static void
test_docx_mangled_nodes (void)
{
  g_autoptr(GString) document = g_string_new (W_DOCUMENT_START);
  g_autoptr(GBytes) docx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 2000000; i++)
    g_string_append (document, "<a/c");
  g_string_append (document, W_DOCUMENT_END);
  docx = make_docx (document->str, document->len);
  text = read_docx (docx, &error);
  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not well-formed"));
  g_assert_nonnull (strstr (error->message, "line 1"));
}

/* 14. A document type in a UTF-16 part is seen as in a UTF-8 one */

static char *
to_utf16 (const char *text,
          gsize      *size)
{
  g_autofree char *body = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, size, NULL);
  char *out = g_malloc (*size + 2);

  memcpy (out, "\xff\xfe", 2);
  memcpy (out + 2, body, *size);
  *size += 2;
  return out;
}

static void
test_docx_utf16 (void)
{
  const char *hostile = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
                        "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\">]>"
                        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        "<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>";
  const char *fine = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
                     "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                     "<w:body><w:p><w:r><w:t>侯寨办事处 2024 年</w:t></w:r></w:p></w:body></w:document>";
  g_autoptr(GError) error = NULL;
  gsize size;
  g_autofree char *part = to_utf16 (hostile, &size);
  g_autoptr(GBytes) docx = make_docx (part, size);
  g_autofree char *text = read_docx (docx, &error);

  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "document type"));
  g_clear_error (&error);
  g_clear_pointer (&docx, g_bytes_unref);
  g_clear_pointer (&part, g_free);

  part = to_utf16 (fine, &size);
  docx = make_docx (part, size);
  text = read_docx (docx, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "侯寨办事处 2024 年\n");
}

/* 11. XLSX: row numbers that are not numbers, a value far below */

#define WORKBOOK "<workbook xmlns:r=\"r\"><sheets><sheet r:id=\"rId1\"/></sheets></workbook>"
#define RELS "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>" \
             "</Relationships>"

static char *
read_xlsx (const char  *rows,
           GError     **error)
{
  g_autofree char *sheet = g_strconcat ("<worksheet><sheetData>", rows,
                                        "</sheetData></worksheet>", NULL);
  g_autoptr(GBytes) xlsx = nb_test_zip (4, "[Content_Types].xml", TYPES, strlen (TYPES),
                                     "xl/workbook.xml", WORKBOOK, strlen (WORKBOOK),
                                     "xl/_rels/workbook.xml.rels", RELS, strlen (RELS),
                                     "xl/worksheets/sheet1.xml", sheet, strlen (sheet));
  g_autoptr(NbZip) zip = nb_zip_open (g_bytes_get_data (xlsx, NULL), g_bytes_get_size (xlsx), error);
  NbSource *source = zip ? nb_xlsx_read (zip, error) : NULL;
  char *text = source ? source_text (source) : NULL;

  g_clear_pointer (&source, nb_source_free);
  return text;
}

static void
test_xlsx_rows (void)
{
  const char *bad[] = { "x", "0", "-1", "", "18446744073709551617" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *middle = g_strdup_printf (
        "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>"
        "<row r=\"%s\"><c><v>3</v></c><c r=\"?\"><v>4</v></c></row>"
        "<row><c><v>5</v></c></row>", bad[i]);
      g_autofree char *first = g_strdup_printf (
        "<row r=\"%s\"><c><v>3</v></c></row><row><c><v>5</v></c></row>", bad[i]);
      g_autofree char *text = read_xlsx (middle, &error);

      g_test_message ("r=\"%s\"", bad[i]);
      g_assert_no_error (error);
      /* a huge number is past the last row a sheet may have */
      g_assert_cmpstr (text, ==, i == 4 ? "1|2\n" : "1|2\n3|4\n5\n");
      g_clear_pointer (&text, g_free);
      text = read_xlsx (first, &error);
      g_assert_no_error (error);
      if (i != 4)
        g_assert_cmpstr (text, ==, "3\n5\n");
    }
}

static void
test_xlsx_far_cell (void)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint r = 1; r <= 10; r++)
    {
      g_string_append_printf (rows, "<row r=\"%u\">", r);
      for (guint c = 0; c < 20; c++)
        g_string_append_printf (rows, "<c r=\"%c%u\"><v>%u</v></c>", 'A' + c, r, c);
      g_string_append (rows, "</row>");
    }
  g_string_append (rows, "<row r=\"99999\"><c r=\"A99999\"><v>7</v></c></row>");
  text = read_xlsx (rows->str, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "0|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19\n"));
  g_assert_true (g_str_has_suffix (text, "|19\n7\n"));
}

/* 7. Devices and links to them are written through, never replaced */

static gboolean
replace_path (const char  *path,
              const char  *text,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return nb_file_replace (file, bytes, NULL, error);
}

static void
test_replace_devices (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nb-untrusted-XXXXXX", &error);
  g_autofree char *link = g_build_filename (dir, "null-link", NULL);
  g_autofree char *file = g_build_filename (dir, "file.txt", NULL);
  g_autofree char *file_link = g_build_filename (dir, "file-link", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *contents = NULL;
  char buffer[16] = { 0 };
  GStatBuf info;
  int reader;

  g_assert_no_error (error);
  g_assert_true (replace_path ("/dev/null", "报告", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat ("/dev/null", &info), ==, 0);
  g_assert_true (S_ISCHR (info.st_mode));

  g_assert_cmpint (symlink ("/dev/null", link), ==, 0);
  g_assert_true (replace_path (link, "报告", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));

  /* a link to a file: the file gets the text, the link stays */
  g_assert_true (g_file_set_contents (file, "old", -1, NULL));
  g_assert_cmpint (symlink (file, file_link), ==, 0);
  g_assert_true (replace_path (file_link, "new", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (file_link, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  /* a pipe is written to; one nobody reads fails at once */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (replace_path (fifo, "abc", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  reader = g_open (fifo, O_RDONLY | O_NONBLOCK, 0);
  g_assert_cmpint (reader, >=, 0);
  g_assert_true (replace_path (fifo, "abc", &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (reader, buffer, sizeof buffer - 1), ==, 3);
  g_assert_cmpstr (buffer, ==, "abc");
  close (reader);
  g_assert_cmpint (g_lstat (fifo, &info), ==, 0);
  g_assert_true (S_ISFIFO (info.st_mode));

  /* a folder is not a file */
  g_assert_false (replace_path (dir, "abc", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  g_unlink (fifo);
  g_unlink (file_link);
  g_unlink (file);
  g_unlink (link);
  g_rmdir (dir);
}

/* 7, 15. The command line: standard input and output, devices, passwords */

/* Runs nianbao-cli with @args, @input on its standard input; returns its
 * exit status. */
static int
run_cli (const char * const  *args,
         const char          *input,
         char               **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) in = g_bytes_new (input ? input : "", input ? strlen (input) : 0);
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("NIANBAO_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, in, NULL, &stdout_bytes, &stderr_bytes, &error);
  g_assert_no_error (error);
  g_test_message ("%.*s", (int) g_bytes_get_size (stderr_bytes),
                  (const char *) g_bytes_get_data (stderr_bytes, NULL));
  *out = g_strndup (g_bytes_get_data (stdout_bytes, NULL), g_bytes_get_size (stdout_bytes));
  return g_subprocess_get_exit_status (process);
}

static void
test_cli_streams (void)
{
  g_autofree char *seed = nb_test_seed_path (nb_test_seeds[0]);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *pdf = g_test_build_filename (G_TEST_DIST, "data", "formats", "encrypted.pdf", NULL);

  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));

  /* "-" reads standard input */
  g_assert_cmpint (run_cli ((const char *[]) { "convert", "-", "-", NULL }, text, &out), ==, 0);
  g_assert_nonnull (strstr (out, "\"organ\": \"偃师区伊洛街道办事处\""));
  g_clear_pointer (&out, g_free);

  /* /dev/stdout is where standard output goes, not a file to replace */
  g_assert_cmpint (run_cli ((const char *[]) { "convert", seed, "/dev/stdout", NULL }, NULL, &out),
                   ==, 0);
  g_assert_nonnull (strstr (out, "\"format\": \"nianbao-report\""));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "export", "--to=txt", seed, "/dev/null", NULL },
                            NULL, &out), ==, 0);
  g_clear_pointer (&out, g_free);

  /* an encrypted PDF is read with its password */
  g_assert_cmpint (run_cli ((const char *[]) { "check", pdf, NULL }, NULL, &out), ==, 2);
  g_assert_nonnull (strstr (out, "password"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "convert", "--password=user-secret", pdf, "-", NULL },
                            NULL, &out), <=, 1);
  g_assert_nonnull (strstr (out, "\"organ\": \"偃师区伊洛街道办事处\""));
}

/* 8, 9. The canonical file: what is written is read back, exactly */

static char *
canonical_text (NbReport *report)
{
  g_autoptr(GBytes) bytes = nb_canonical_write (report);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A clean report's canonical file with @extensions. */
static char *
with_extensions (NbTemplate *template,
                 const char *extensions)
{
  g_autoptr(NbReport) report = nb_test_clean_report (template);
  g_autofree char *text = canonical_text (report);
  gsize end = strlen (text);

  /* the member goes last in the root object */
  while (end > 0 && text[end - 1] != '}')
    end--;
  return g_strdup_printf ("%.*s,\n  \"extensions\": %s\n}\n", (int) end - 2, text, extensions);
}

static NbReport *
read_canonical (NbTemplate  *template,
                const char  *text,
                GError     **error)
{
  return nb_canonical_read (template, text, strlen (text), error);
}

static void
test_canonical_exact (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  const char *refused[] = {
    "{ \"big\": 18446744073709551616 }",
    "{ \"big\": -9223372036854775809 }",
    "{ \"long\": 0.12345678901234567890123 }",
    "{ \"huge\": 1e400 }",
    "{ \"lost\": 1e-400 }",
    "{ \"nul\": \"a\\u0000b\" }",
  };
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  g_autoptr(NbReport) report = NULL;
  g_autoptr(NbReport) reread = NULL;

  g_assert_no_error (error);
  text = with_extensions (template,
                          "{ \"big\": 9223372036854775807, \"small\": -9223372036854775808, "
                          "\"zero\": -0.0, \"tenth\": 0.1, \"tiny\": 5e-324, "
                          "\"wide\": 1.23456789012345e25 }");
  report = read_canonical (template, text, &error);
  g_assert_no_error (error);
  written = canonical_text (report);
  g_assert_nonnull (strstr (written, "\"big\": 9223372036854775807"));
  g_assert_nonnull (strstr (written, "\"small\": -9223372036854775808"));
  g_assert_nonnull (strstr (written, "\"zero\": -0.0"));
  g_assert_nonnull (strstr (written, "\"tenth\": 0.1"));
  g_assert_nonnull (strstr (written, "\"tiny\": 5e-324"));
  g_assert_nonnull (strstr (written, "\"wide\": 1.23456789012345e+25"));
  /* and the second time as the first */
  reread = read_canonical (template, written, &error);
  g_assert_no_error (error);
  again = canonical_text (reread);
  g_assert_cmpstr (again, ==, written);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *bad = with_extensions (template, refused[i]);
      g_autoptr(NbReport) none = read_canonical (template, bad, &error);

      g_test_message ("%s", refused[i]);
      g_assert_null (none);
      g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Line "));
      g_clear_error (&error);
    }
}

static void
test_canonical_strict (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbReport) report = nb_test_clean_report (template);
  g_autofree char *text = canonical_text (report);
  g_autofree char *trailing = g_strconcat (text, "{}", NULL);
  g_autofree char *organ = NULL;
  g_autofree char *amount = NULL;
  g_autoptr(NbReport) none = NULL;

  none = read_canonical (template, trailing, &error);
  g_assert_null (none);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "after the end"));
  g_clear_error (&error);

  organ = nb_test_replace (text, "\"organ\": \"", "\"organ\": \"某\\u0000");
  g_assert_cmpstr (organ, !=, text);
  none = read_canonical (template, organ, &error);
  g_assert_null (none);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "U+0000"));
  g_clear_error (&error);

  nb_test_set (report, "t2/fees/amount", "1");
  g_clear_pointer (&text, g_free);
  text = canonical_text (report);
  amount = nb_test_replace (text, "\"amount\": 1 }", "\"amount\": 5e-324 }");
  g_assert_cmpstr (amount, !=, text);
  none = read_canonical (template, amount, &error);
  g_assert_null (none);
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "amount"));
}

/* 8. A report whose file would be too large to read is not written */
static void
test_canonical_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbReport) report = nb_test_clean_report (template);
  g_autofree char *organ = g_malloc (1500001);
  g_autofree char *dir = g_dir_make_tmp ("nb-untrusted-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.nianbao.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;

  memset (organ, 1, 1500000);
  organ[1500000] = '\0';
  nb_report_set_organ (report, organ);
  bytes = nb_canonical_write (report);
  /* each control character is written as six bytes */
  g_assert_cmpuint (g_bytes_get_size (bytes), >, NB_CANONICAL_MAX_FILE);
  g_assert_false (nb_canonical_check_size (bytes, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_false (nb_canonical_save (report, file, NULL, &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* A text of line ends and little else is refused: each line costs a
 * source some hundred bytes. A seed padded with empty lines up to the
 * limit still reads. */
static void
test_text_many_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autofree char *seed = nb_test_seed_path (nb_test_seeds[3]);
  g_autofree char *text = NULL;
  g_autoptr(GString) padded = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(NbReport) refused = NULL;
  g_autoptr(NbReport) read = NULL;
  guint seed_lines = 0;

  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));
  for (const char *p = text; *p != '\0'; p++)
    seed_lines += *p == '\n';
  padded = g_string_new (text);
  while (seed_lines < NB_SOURCE_MAX_PIECES - 1)
    {
      g_string_append_c (padded, '\n');
      seed_lines++;
    }
  read = nb_importer_import_data_full (importer, padded->str, padded->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nb_report_get_organ (read), !=, "");

  for (guint i = 0; i <= NB_SOURCE_MAX_PIECES; i++)
    g_string_append (lines, i % 2 == 0 ? "\n" : "\r\n");
  refused = nb_importer_import_data_full (importer, lines->str, lines->len, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
}

/* 10. A row whose numbers do not read is reported on its own line */

static void
test_text_numerals (void)
{
  const char *rows[][2] = {
    { "规章\t一\t二\t三", "“一”" },
    { "规章\t999999999999999999999.9999999\t0\t0", "“999999999999999999999.9999999”" },
    { "规章 三十 1e308 0", "“三十”" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autofree char *seed = nb_test_seed_path (nb_test_seeds[0]);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\n规章\t0\t0\t0\n"));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *row = g_strdup_printf ("\n%s\n", rows[i][0]);
      g_autofree char *changed = nb_test_replace (text, "\n规章\t0\t0\t0\n", row);
      g_autoptr(NbReport) report = nb_test_import_string (importer, changed);
      g_autoptr(NbValidator) validator = nb_validator_new (report);
      NbDiagnostic *invalid = nb_test_find_rule (G_LIST_MODEL (validator), "cell.invalid");

      g_test_message ("%s", rows[i][0]);
      g_assert_false (nb_test_has_rule (G_LIST_MODEL (validator), "parse.missing-row"));
      g_assert_nonnull (invalid);
      g_assert_nonnull (strstr (nb_diagnostic_get_message (invalid), rows[i][1]));
      g_assert_cmpuint (nb_diagnostic_get_line (invalid), ==, 23);
    }
}

/* 4, 13. PDF export: long runs without a break, and text too long */

/* A clean report whose last narrative section is @text. */
static NbReport *
report_with_text (NbTemplate *template,
                  const char *text)
{
  NbReport *report = nb_test_clean_report (template);
  const char *id = NULL;

  for (guint s = 0; s < nb_template_get_n_sections (template); s++)
    if (nb_template_section_is_narrative (template, s))
      id = nb_template_get_section_id (template, s);
  g_assert_nonnull (id);
  nb_report_set_section_text (report, id, text);
  return report;
}

/* How often @c stands in the PDF's text. */
static guint
count_in_pdf (GBytes   *pdf,
              gunichar  c)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        n += g_utf8_get_char (p) == c;
      g_object_unref (page);
    }
  g_object_unref (document);
  return n;
}

static void
test_pdf_export_runs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autofree char *letters = g_strnfill (65536, 'x');
  g_autofree char *controls = g_strnfill (20000, '\x01');
  g_autoptr(NbReport) report = report_with_text (template, letters);
  g_autoptr(GBytes) pdf = nb_pdf_writer_write_bytes (report, &error);
  guint n_ones;

  /* every letter of one run of 64k is drawn */
  g_assert_no_error (error);
  g_assert_cmpuint (count_in_pdf (pdf, 'x'), ==, 65536);
  g_clear_object (&report);
  g_clear_pointer (&pdf, g_bytes_unref);

  /* control characters are drawn, as their pictures (␁, or the box
   * with its code 2401 where no font has the picture) */
  report = report_with_text (template, "");
  pdf = nb_pdf_writer_write_bytes (report, &error);
  g_assert_no_error (error);
  n_ones = count_in_pdf (pdf, '1') + count_in_pdf (pdf, 0x2401);
  g_clear_object (&report);
  g_clear_pointer (&pdf, g_bytes_unref);
  report = report_with_text (template, controls);
  pdf = nb_pdf_writer_write_bytes (report, &error);
  g_assert_no_error (error);
  /* (and page numbers have ones too) */
  g_assert_cmpuint (count_in_pdf (pdf, '1') + count_in_pdf (pdf, 0x2401) - n_ones, >=, 20000);
}

static void
test_pdf_export_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *controls = g_strnfill (1500000, '\x01');
  g_autoptr(NbReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;

  for (guint i = 0; i < 2400000; i++)
    g_string_append (line, "数");
  report = report_with_text (template, line->str);
  pdf = nb_pdf_writer_write_bytes (report, &error);
  g_assert_null (pdf);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "paragraph 1: 2400000 characters"));
  g_clear_error (&error);
  g_clear_object (&report);

  report = report_with_text (template, controls);
  pdf = nb_pdf_writer_write_bytes (report, &error);
  g_assert_null (pdf);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1500000 characters"));
}

/* 6. A web page of millions of elements, alone or in MHTML */

static void
test_html_elements (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body>");
  g_autoptr(GString) message = g_string_new ("From: x\nMIME-Version: 1.0\nContent-Type: "
                                             "multipart/related; boundary=\"B\"\n\n--B\n"
                                             "Content-Type: text/html; charset=utf-8\n\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  NbSource *source;

  for (guint i = 0; i < 900000; i++)
    g_string_append (page, "<p>x</p>");
  g_string_append (page, "</body></html>");
  text = read_html (page->str, page->len, &error);
  g_assert_null (text);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "elements"));
  g_clear_error (&error);

  g_string_append (message, page->str);
  g_string_append (message, "\n--B--\n");
  source = nb_mhtml_read (message->str, message->len, &error);
  g_assert_null (source);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
}

/* 15. What other programs read: stray bytes, deep pages, nested parts */

static char *
decode (const char *data,
        gsize       size,
        guint      *repaired_line)
{
  g_auto(NbDecodedText) decoded = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (nb_text_decode (data, size, &decoded, &error));
  g_assert_no_error (error);
  *repaired_line = decoded.repaired_line;
  return g_steal_pointer (&decoded.text);
}

/* UTF-8 at the edges of what is valid: kept as it is; a surrogate, an
 * overlong form or a cut character is not taken as UTF-8. */
static void
test_text_utf8_edges (void)
{
  static const char *const valid[] = {
    "一、总体情况 é ࠀ \xed\x9f\xbf \xef\xbf\xbf 𠀀 \xf4\x8f\xbf\xbf ，（二）\n",
    "规章 1 2 3\n",
    /* the last bytes of a text, fewer than a three-byte character */
    "规章é",
    "规章\n一",
    "规章12",
    "a",
  };
  static const char *const invalid[] = {
    "一、总体情况\n\xed\xa0\x80 规章\n",
    "一、总体情况\n\xe0\x80\x80 规章\n",
    "一、总体情况\n\xc1\xbf 规章\n",
    "一、总体情况\n\xf4\x90\x80\x80 规章\n",
    "一、总体情况\n规章\xe4\xb8",
    "一、总体情况\n规\xe4\xb8" "A章\n",
    "一、总体情况\n规\xe4" "A\xb8章\n",
    "一、总体情况\n规\xe4\xc0\x80章\n",
    "一、总体情况\n规\xe4\x80\xc0章\n",
    "一、总体情况\n规章\xe4",
    "一、总体情况\n规章\xb8",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      guint line = 1;
      g_autofree char *decoded = decode (valid[i], strlen (valid[i]), &line);

      g_assert_cmpstr (decoded, ==, valid[i]);
      g_assert_cmpuint (line, ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      guint line = 0;
      g_autofree char *decoded = decode (invalid[i], strlen (invalid[i]), &line);

      g_assert_cmpstr (decoded, !=, invalid[i]);
      g_assert_true (g_utf8_validate (decoded, -1, NULL));
      g_assert_true (g_str_has_prefix (decoded, "一、总体情况\n"));
    }
}

static void
test_text_encodings (void)
{
  const char *text = "一、总体情况\n规章 1 2 3\n";
  g_autofree char *utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, NULL, NULL);
  g_autofree char *utf32 = g_convert (text, -1, "UTF-32BE", "UTF-8", NULL, NULL, NULL);
  g_autofree char *gb = g_convert ("一、总体情况\n", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *decoded = NULL;
  guint line = 0;

  /* UTF-16 with a byte order mark and one stray byte at the end */
  g_byte_array_append (bytes, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (bytes, (const guint8 *) utf16, 2 * g_utf8_strlen (text, -1));
  g_byte_array_append (bytes, (const guint8 *) "x", 1);
  decoded = decode ((const char *) bytes->data, bytes->len, &line);
  g_assert_cmpstr (decoded, ==, "一、总体情况\n规章 1 2 3\n\xef\xbf\xbd");
  g_assert_cmpuint (line, ==, 3);
  g_clear_pointer (&decoded, g_free);

  /* UTF-32 */
  g_byte_array_set_size (bytes, 0);
  g_byte_array_append (bytes, (const guint8 *) "\0\0\xfe\xff", 4);
  g_byte_array_append (bytes, (const guint8 *) utf32, 4 * g_utf8_strlen (text, -1));
  decoded = decode ((const char *) bytes->data, bytes->len, &line);
  g_assert_cmpstr (decoded, ==, text);
  g_assert_cmpuint (line, ==, 0);
  g_clear_pointer (&decoded, g_free);

  /* a line of GB18030, lines of UTF-8: each as what it is */
  g_byte_array_set_size (bytes, 0);
  for (guint i = 0; i < 20; i++)
    g_byte_array_append (bytes, (const guint8 *) gb, strlen (gb));
  g_byte_array_append (bytes, (const guint8 *) "规章 1 2 3\n", strlen ("规章 1 2 3\n"));
  decoded = decode ((const char *) bytes->data, bytes->len, &line);
  g_assert_true (g_str_has_prefix (decoded, "一、总体情况\n一、总体情况\n"));
  g_assert_true (g_str_has_suffix (decoded, "一、总体情况\n规章 1 2 3\n"));
  g_clear_pointer (&decoded, g_free);

  /* one nul byte is a stray, on its line; many are binary data */
  decoded = decode ("一、总体情况\n规章\0 1 2 3\n", strlen (text) + 1, &line);
  g_assert_cmpstr (decoded, ==, "一、总体情况\n规章  1 2 3\n");
  g_assert_cmpuint (line, ==, 2);
}

static void
test_html_strays (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char nul_page[] = "<html><body><p>报告</p>\0<p>规章 1</p></body></html>";
  NbSource *source;

  /* a report wrapped in 250 <div>s */
  for (guint i = 0; i < 250; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>报告</p><table><tr><td>规章</td><td>1</td></tr></table>");
  text = read_html (page->str, page->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "报告\n规章|1\n");
  g_clear_pointer (&text, g_free);

  /* one nul byte */
  text = read_html (nul_page, sizeof nul_page - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "报告\n规章 1\n");
  g_clear_pointer (&text, g_free);

  /* the page in a part of a part */
  g_string_assign (page, "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"outer\"\n\n"
                         "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
                         "--inner\nContent-Type: text/plain\n\nplain\n"
                         "--inner\nContent-Type: text/html; charset=utf-8\n\n"
                         "<html><body><p>报告</p></body></html>\n--inner--\n--outer--\n");
  source = nb_mhtml_read (page->str, page->len, &error);
  g_assert_no_error (error);
  text = source_text (source);
  g_assert_cmpstr (text, ==, "报告\n");
  nb_source_free (source);
}

/* 3. PDF: tens of thousands of glyphs on one baseline of a page wider
 * than any paper, on page after page */

/* A PDF of @n_pages pages of @width points sharing one content stream. */
static GBytes *
make_shared_pdf (guint       n_pages,
                 double      width,
                 GString    *content)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) kids = g_string_new (NULL);
  char width_text[G_ASCII_DTOSTR_BUF_SIZE];
  gsize xref;

  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (kids, "%u 0 R ", 5 + i);
  g_ascii_formatd (width_text, sizeof width_text, "%.0f", width);
#define OBJECT(...) G_STMT_START { \
    gsize offset = pdf->len; \
    g_array_append_val (offsets, offset); \
    g_string_append_printf (pdf, "%u 0 obj\n", offsets->len); \
    g_string_append_printf (pdf, __VA_ARGS__); \
    g_string_append (pdf, "\nendobj\n"); \
  } G_STMT_END
  OBJECT ("<< /Type /Catalog /Pages 2 0 R >>");
  OBJECT ("<< /Type /Pages /Kids [%s] /Count %u >>", kids->str, n_pages);
  OBJECT ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  OBJECT ("<< /Length %zu >>\nstream\n%s\nendstream", content->len, content->str);
  for (guint i = 0; i < n_pages; i++)
    OBJECT ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s 792] "
            "/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>", width_text);
#undef OBJECT
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          offsets->len + 1, xref);
  return g_string_free_to_bytes (pdf);
}

/* … that shows @n_glyphs "1 " on one baseline. */
static GBytes *
make_baseline_pdf (guint  n_pages,
                   double width,
                   guint  n_glyphs)
{
  g_autoptr(GString) content = g_string_new ("BT /F1 10 Tf 10 400 Td (");

  for (guint i = 0; i < n_glyphs; i++)
    g_string_append (content, "1 ");
  g_string_append (content, ") Tj ET");
  return make_shared_pdf (n_pages, width, content);
}

static void
test_pdf_baseline (void)
{
  g_autoptr(GBytes) pdf = make_baseline_pdf (20, 300000, 50000);
  g_autoptr(GBytes) small = make_baseline_pdf (2, 595, 20);
  g_autoptr(GError) error = NULL;
  NbSource *source = nb_pdf_read (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL,
                                  &error);
  g_autofree char *text = NULL;

  g_assert_null (source);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Page 1 "));
  g_clear_error (&error);

  /* the same on paper of a report's size is read */
  source = nb_pdf_read (g_bytes_get_data (small, NULL), g_bytes_get_size (small), NULL, &error);
  g_assert_no_error (error);
  text = source_text (source);
  g_assert_true (g_str_has_prefix (text, "1|1|1|1|1|1|1|1|1|1|1|1|1|1|1|1|1|1|1|1\n") ||
                 g_str_has_prefix (text, "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1\n") ||
                 g_str_has_prefix (text, "11111111111111111111\n"));
  nb_source_free (source);
}

/* … and on paper of a report's size: tiny "1"s, each a word of its own,
 * packed into a few lines. Laid out in a child that is stopped when it
 * takes more than a report's page could. */
static void
test_pdf_dense (void)
{
  g_autoptr(GString) content = g_string_new ("BT /F1 1 Tf 10 400 Td ");
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  NbSource *source;

  for (guint line = 0; line < 11; line++)
    {
      g_string_append_c (content, '[');
      for (guint i = 0; i < 4500; i++)
        g_string_append (content, "(1) -120 ");
      g_string_append (content, "] TJ 0 -0.3 Td ");
    }
  g_string_append (content, "ET");
  pdf = make_shared_pdf (NB_READER_MAX_PAGES, 595, content);
  source = nb_pdf_read (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, &error);
  g_assert_null (source);
  g_assert_error (error, NB_ERROR, NB_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "could not be laid out"));
}

/* 15. Our own Word and PDF exports wrap the title after the organ: read
 * back, it keeps its space */

static void
test_title_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbTemplate) template = nb_template_new_default (&error);
  g_autoptr(NbImporter) importer = nb_importer_new (template);
  g_autoptr(NbReport) report = nb_test_clean_report (template);
  GBytes *exports[2];

  nb_report_set_organ (report, "侯寨办事处");
  nb_report_set_year (report, 2024);
  nb_report_set_title (report, "侯寨办事处 2024 年政府信息公开工作年度报告");
  exports[0] = nb_docx_writer_write (report, &error);
  g_assert_no_error (error);
  exports[1] = nb_pdf_writer_write_bytes (report, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autoptr(NbReport) back = nb_importer_import_data (importer,
                                                          g_bytes_get_data (exports[i], NULL),
                                                          g_bytes_get_size (exports[i]), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (nb_report_get_title (back), ==, "侯寨办事处 2024 年政府信息公开工作年度报告");
      g_assert_cmpstr (nb_report_get_organ (back), ==, "侯寨办事处");
      g_bytes_unref (exports[i]);
    }
}

/* 12. A text that mentions a PDF header is text */

static void
test_detect_pdf (void)
{
  const char *text = "本报告不是 %PDF-1.4 文件\n";

  g_assert_cmpint (nb_format_detect (text, strlen (text)), ==, NB_FORMAT_TEXT);
  g_assert_cmpint (nb_format_detect ("%PDF-1.4\n", 9), ==, NB_FORMAT_PDF);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/untrusted/html/attributes", test_html_attributes);
  g_test_add_func ("/untrusted/docx/attributes", test_docx_attributes);
  g_test_add_func ("/untrusted/docx/nodes", test_docx_nodes);
  g_test_add_func ("/untrusted/docx/mangled-nodes", test_docx_mangled_nodes);
  g_test_add_func ("/untrusted/docx/utf16-doctype", test_docx_utf16);
  g_test_add_func ("/untrusted/xlsx/bad-row-numbers", test_xlsx_rows);
  g_test_add_func ("/untrusted/xlsx/far-cell", test_xlsx_far_cell);
  g_test_add_func ("/untrusted/replace/devices", test_replace_devices);
  g_test_add_func ("/untrusted/cli/streams", test_cli_streams);
  g_test_add_func ("/untrusted/canonical/exact", test_canonical_exact);
  g_test_add_func ("/untrusted/canonical/strict", test_canonical_strict);
  g_test_add_func ("/untrusted/canonical/size", test_canonical_size);
  g_test_add_func ("/untrusted/text/numerals", test_text_numerals);
  g_test_add_func ("/untrusted/text/many-lines", test_text_many_lines);
  g_test_add_func ("/untrusted/html/elements", test_html_elements);
  g_test_add_func ("/untrusted/pdf-export/runs", test_pdf_export_runs);
  g_test_add_func ("/untrusted/pdf-export/too-long", test_pdf_export_too_long);
  g_test_add_func ("/untrusted/text/encodings", test_text_encodings);
  g_test_add_func ("/untrusted/text/utf8-edges", test_text_utf8_edges);
  g_test_add_func ("/untrusted/html/strays", test_html_strays);
  g_test_add_func ("/untrusted/pdf/baseline", test_pdf_baseline);
  g_test_add_func ("/untrusted/pdf/dense", test_pdf_dense);
  g_test_add_func ("/untrusted/export/title-round-trip", test_title_round_trip);
  g_test_add_func ("/untrusted/detect/pdf-mention", test_detect_pdf);
  return g_test_run ();
}
