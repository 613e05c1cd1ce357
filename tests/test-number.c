/* test-number.c — cell text to numbers and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-test-util.h"

#include <nb-number.h>

static const char * const marks[] = { "/", "—", "无", NULL };

typedef struct
{
  const char  *text;
  NbCellKind   kind;
  NbCellState  state;
  gint64       value;
} Case;

static void
test_parse (void)
{
  static const Case cases[] = {
    { NULL, NB_CELL_KIND_COUNT, NB_CELL_STATE_EMPTY, 0 },
    { "", NB_CELL_KIND_COUNT, NB_CELL_STATE_EMPTY, 0 },
    { " \t\u3000", NB_CELL_KIND_COUNT, NB_CELL_STATE_EMPTY, 0 },
    { "0", NB_CELL_KIND_COUNT, NB_CELL_STATE_VALUE, 0 },
    { " 42 ", NB_CELL_KIND_COUNT, NB_CELL_STATE_VALUE, 42 },
    { "\u3000４２\u3000", NB_CELL_KIND_COUNT, NB_CELL_STATE_VALUE, 42 },
    { "007", NB_CELL_KIND_COUNT, NB_CELL_STATE_VALUE, 7 },
    { "999999999999999", NB_CELL_KIND_COUNT, NB_CELL_STATE_VALUE, G_GINT64_CONSTANT (999999999999999) },
    { "1000000000000000", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
    { "1.5", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
    { "1.0", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
    { "-1", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
    { "8起", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
    { "一", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
    { "1,234", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
    { "/", NB_CELL_KIND_COUNT, NB_CELL_STATE_MARK, 0 },
    { " — ", NB_CELL_KIND_COUNT, NB_CELL_STATE_MARK, 0 },
    { "无", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_MARK, 0 },
    { "12.5", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_VALUE, 12500000 },
    { "12.50", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_VALUE, 12500000 },
    { "１２．５", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_VALUE, 12500000 },
    { "24252.311082", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_VALUE, G_GINT64_CONSTANT (24252311082) },
    { "0.000001", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_VALUE, 1 },
    { "999999999.999999", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_VALUE, G_GINT64_CONSTANT (999999999999999) },
    { "1000000000", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_INVALID, 0 },
    { "99999999999999", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_INVALID, 0 },
    { "0.0000001", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_INVALID, 0 },
    { "12.", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_INVALID, 0 },
    { ".5", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_INVALID, 0 },
    { "1.2.3", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_INVALID, 0 },
    /* plain ASCII digits, read apart from the general loop */
    { "999999999", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_VALUE, G_GINT64_CONSTANT (999999999000000) },
    { "0", NB_CELL_KIND_AMOUNT, NB_CELL_STATE_VALUE, 0 },
    { "42", NB_CELL_KIND_CHANGE, NB_CELL_STATE_VALUE, 42 },
    { "-42", NB_CELL_KIND_CHANGE, NB_CELL_STATE_VALUE, -42 },
    { "4２", NB_CELL_KIND_COUNT, NB_CELL_STATE_VALUE, 42 },
    { "42\u3000", NB_CELL_KIND_COUNT, NB_CELL_STATE_VALUE, 42 },
    { "\u00a042", NB_CELL_KIND_COUNT, NB_CELL_STATE_VALUE, 42 },
    { "4 2", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
    { "42a", NB_CELL_KIND_COUNT, NB_CELL_STATE_INVALID, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 value = -1;
      NbCellState state = nb_number_parse (cases[i].text, -1, cases[i].kind, marks, &value);

      g_test_message ("case “%s”", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpint (state, ==, cases[i].state);
      g_assert_cmpint (value, ==, cases[i].value);
    }
}

static void
test_format (void)
{
  static const struct { gint64 value; NbCellKind kind; const char *text; } cases[] = {
    { 0, NB_CELL_KIND_COUNT, "0" },
    { 42, NB_CELL_KIND_COUNT, "42" },
    { 0, NB_CELL_KIND_AMOUNT, "0" },
    /* the canonical writer writes a zero of any kind as 0 without asking */
    { 0, NB_CELL_KIND_CHANGE, "0" },
    { 12500000, NB_CELL_KIND_AMOUNT, "12.5" },
    { 1, NB_CELL_KIND_AMOUNT, "0.000001" },
    { G_GINT64_CONSTANT (24252311082), NB_CELL_KIND_AMOUNT, "24252.311082" },
    { G_GINT64_CONSTANT (999999999999999), NB_CELL_KIND_AMOUNT, "999999999.999999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nb_number_format (cases[i].value, cases[i].kind);
      gint64 back;

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpint (nb_number_parse (text, -1, cases[i].kind, NULL, &back), ==, NB_CELL_STATE_VALUE);
      g_assert_cmpint (back, ==, cases[i].value);
    }
}

/* Integers are written without printf: the same digits as printf. */
static void
test_append_integer (void)
{
  static const gint64 values[] = {
    0, 1, -1, 9, 10, -10, 2024, 99999, G_GINT64_CONSTANT (-24252311082),
    G_MAXINT32, G_MININT32, G_MAXINT64, G_MININT64,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GString) out = g_string_new ("x");
      g_autofree char *expected = g_strdup_printf ("x%" G_GINT64_FORMAT, values[i]);

      nb_number_append_integer (out, values[i]);
      g_assert_cmpstr (out->str, ==, expected);
    }
}

/* Differences between years are negative amounts. */
static void
test_format_negative (void)
{
  g_autofree char *amount = nb_number_format (-12500000, NB_CELL_KIND_AMOUNT);
  g_autofree char *small = nb_number_format (-1, NB_CELL_KIND_AMOUNT);
  g_autofree char *count = nb_number_format (-7, NB_CELL_KIND_COUNT);

  g_assert_cmpstr (amount, ==, "-12.5");
  g_assert_cmpstr (small, ==, "-0.000001");
  g_assert_cmpstr (count, ==, "-7");
}

static void
test_normalize (void)
{
  g_autofree char *a = nb_number_normalize ("  8起\t", -1);
  g_autofree char *b = nb_number_normalize ("\u3000 \u3000", -1);
  g_autofree char *c = nb_number_normalize ("12 34", 3);

  g_assert_cmpstr (a, ==, "8起");
  g_assert_null (b);
  g_assert_cmpstr (c, ==, "12");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nianbao/number/parse", test_parse);
  g_test_add_func ("/nianbao/number/format", test_format);
  g_test_add_func ("/nianbao/number/format-negative", test_format_negative);
  g_test_add_func ("/nianbao/number/append-integer", test_append_integer);
  g_test_add_func ("/nianbao/number/normalize", test_normalize);

  return g_test_run ();
}
