/* nb-display-fonts.c — the fonts the windows draw with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-display-fonts"

#include "config.h"

#include "nb-display-fonts.h"

#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>

/* Chinese in bold is drawn with the regular face, emboldened, rather
 * than with a bold face of its own. A CJK face is a file of some 20 MB
 * whose glyphs lie far apart: the few hundred a form's title, headings
 * and column headers need map about 6 MiB of a second file, a quarter of
 * what the window adds to a bare one, and read it from disk on a cold
 * start. Faces heavier than regular that cover Chinese are left out of
 * the windows' fonts (not of exports, which lay out with fonts of their
 * own); fontconfig's own rule then emboldens the regular face where bold
 * is asked for. Latin text keeps its bold faces. */
static const char no_bold_chinese[] =
  "<fontconfig>"
  "  <selectfont>"
  "    <rejectfont>"
  "      <pattern>"
  "        <patelt name=\"lang\"><string>zh-cn</string></patelt>"
  "        <patelt name=\"weight\"><range><int>81</int><int>1000</int></range></patelt>"
  "      </pattern>"
  "    </rejectfont>"
  "  </selectfont>"
  "</fontconfig>";

/**
 * nb_display_fonts_family_for_chinese:
 * @config: (nullable): a configuration, or %NULL for the process's
 *
 * Returns: (transfer full) (nullable): the family @config draws Chinese
 * text with, or %NULL when it has no face for it (on a system whose only
 * Chinese face is a bold one, the rule above would leave none)
 */
char *
nb_display_fonts_family_for_chinese (FcConfig *config)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcCharSet *charset = NULL;
  FcChar8 *family = NULL;
  FcResult result;
  char *found = NULL;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) "sans-serif");
  FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) "zh-cn");
  FcConfigSubstitute (config, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (config, pattern, &result);
  /* 政, as in every report's title */
  if (match != NULL && FcPatternGetCharSet (match, FC_CHARSET, 0, &charset) == FcResultMatch &&
      FcCharSetHasChar (charset, 0x653F) && FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch)
    found = g_strdup ((const char *) family);
  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  return found;
}

/* In a locale of another language, no pattern asks for Chinese, and
 * fontconfig sorts the CJK faces as they come: Noto Sans CJK JP before
 * SC, so that 直, 骨 and 角 took their Japanese forms in a report. The
 * family it gives Chinese is added to every pattern, after the families
 * there, which keep the Latin text. */
static gboolean
prefer_for_han (FcConfig   *config,
                const char *family)
{
  g_autofree char *rule = g_markup_printf_escaped ("<fontconfig>"
                                                   "  <match target=\"pattern\">"
                                                   "    <edit name=\"family\" mode=\"append\"><string>%s</string></edit>"
                                                   "  </match>"
                                                   "</fontconfig>", family);

  return FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) rule, FcFalse);
}

/**
 * nb_display_fonts_load:
 *
 * Reads the system's font configuration with the rules here, as
 * fontconfig reads it for any program. It takes a few milliseconds, and
 * may be called in any thread.
 *
 * Returns: (transfer full) (nullable): the configuration, or %NULL when
 * fontconfig failed or the rule would leave no face for Chinese
 */
FcConfig *
nb_display_fonts_load (void)
{
  FcConfig *config = FcInitLoadConfig ();
  g_autofree char *family = NULL;

  if (config == NULL)
    return NULL;
  if (!FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) no_bold_chinese, FcFalse) ||
      !FcConfigBuildFonts (config) || (family = nb_display_fonts_family_for_chinese (config)) == NULL ||
      !prefer_for_han (config, family))
    {
      FcConfigDestroy (config);
      return NULL;
    }
  return config;
}

/**
 * nb_display_fonts_apply:
 * @config: (transfer full) (nullable): from nb_display_fonts_load()
 *
 * Makes @config the configuration of the font map GTK draws with in
 * this thread, the main one, before any text is laid out. %NULL leaves
 * the font map as it is.
 */
void
nb_display_fonts_apply (FcConfig *config)
{
  PangoFontMap *font_map;

  if (config == NULL)
    return;
  font_map = pango_cairo_font_map_get_default ();
  if (PANGO_IS_FC_FONT_MAP (font_map))
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), config);
  FcConfigDestroy (config);
}

/* Of the font @widget draws @text with in @weight: its family, or its
 * face's file and index */
static char *
font_of (GtkWidget   *widget,
         const char  *text,
         PangoWeight  weight,
         gboolean     family)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  PangoFontDescription *description = pango_font_description_new ();
  PangoLayoutLine *line;
  PangoFont *font;
  FcPattern *pattern;
  FcChar8 *value = NULL;
  int index = 0;

  pango_font_description_set_weight (description, weight);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  line = pango_layout_get_line_readonly (layout, 0);
  if (line == NULL || line->runs == NULL)
    return NULL;
  font = ((PangoLayoutRun *) line->runs->data)->item->analysis.font;
  if (!PANGO_IS_FC_FONT (font))
    return NULL;
  pattern = pango_fc_font_get_pattern (PANGO_FC_FONT (font));
  if (FcPatternGetString (pattern, family ? FC_FAMILY : FC_FILE, 0, &value) != FcResultMatch)
    return NULL;
  if (family)
    return g_strdup ((const char *) value);
  FcPatternGetInteger (pattern, FC_INDEX, 0, &index);
  return g_strdup_printf ("%s:%d", (const char *) value, index);
}

/**
 * nb_display_fonts_bold_shares_face:
 * @widget: a widget
 * @text: text of one script
 *
 * For the tests: whether @widget draws @text in bold with the same face
 * as in regular weight.
 *
 * Returns: %TRUE if it does
 */
gboolean
nb_display_fonts_bold_shares_face (GtkWidget  *widget,
                                   const char *text)
{
  g_autofree char *regular = font_of (widget, text, PANGO_WEIGHT_NORMAL, FALSE);
  g_autofree char *bold = font_of (widget, text, PANGO_WEIGHT_BOLD, FALSE);

  return regular != NULL && g_strcmp0 (regular, bold) == 0;
}

/**
 * nb_display_fonts_get_family:
 * @widget: a widget
 * @text: text of one script
 *
 * For the tests: the family of the font @widget draws @text with.
 *
 * Returns: (transfer full) (nullable): the family
 */
char *
nb_display_fonts_get_family (GtkWidget  *widget,
                             const char *text)
{
  return font_of (widget, text, PANGO_WEIGHT_NORMAL, TRUE);
}
