/* nb-organ-name.c — when two spellings name one organ
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-organ-name"

#include "config.h"

#include "nb-organ-name.h"

#include <string.h>

#include "nb-label.h"

/* An organ names itself with or without the region above it
 * ("平潭综合实验区财政金融局" and "财政金融局", "福建省平潭综合实验区…"),
 * in full-width or ASCII forms, with or without blanks. Two names match
 * when their folded forms are equal, or when one ends with the other and
 * what is left in front is a region: it ends with a region's last
 * character; or when one is a region and the other its government
 * ("平潭综合实验区", "平潭综合实验区管委会"). "福州市财政局" and "厦门市财政局"
 * never match, nor does "人民政府" alone match any name. */
static const char *const region_ends[] = {
  "省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道",
};

/* What an organ's government is called after its region's name */
static const char *const government_ends[] = {
  "人民政府", "管理委员会", "管委会", "政府",
};

static gboolean
is_region (const char *text,
           gsize       length)
{
  if (g_utf8_strlen (text, length) < 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (region_ends); i++)
    {
      gsize n = strlen (region_ends[i]);

      if (length >= n && memcmp (text + length - n, region_ends[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
ends_with_region_prefix (const char *longer,
                         const char *shorter)
{
  gsize long_len = strlen (longer), short_len = strlen (shorter);

  /* at least two characters of the organ itself */
  if (g_utf8_strlen (shorter, -1) < 2 || long_len <= short_len ||
      !g_str_has_suffix (longer, shorter))
    return FALSE;
  return is_region (longer, long_len - short_len);
}

static gboolean
is_government_body (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (government_ends); i++)
    if (g_str_equal (name, government_ends[i]))
      return TRUE;
  return FALSE;
}

/* "平潭综合实验区" and "平潭综合实验区管委会": a region's name alone names its
 * government. */
static gboolean
is_government_of (const char *region,
                  const char *organ)
{
  gsize length = strlen (region);

  if (!g_str_has_prefix (organ, region) || !is_region (region, length))
    return FALSE;
  return is_government_body (organ + length);
}

/**
 * nb_organ_name_match:
 * @a: an organ's name as a report gives it
 * @b: another
 *
 * Returns: whether both name one organ (region prefix, full-width forms,
 *   blanks and punctuation aside); an empty name matches nothing
 */
gboolean
nb_organ_name_match (const char *a,
                     const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = nb_organ_name_fold (a);
  fb = nb_organ_name_fold (b);
  return nb_organ_name_match_folded (fa, fb);
}

/**
 * nb_organ_name_fold:
 * @organ: an organ's name
 *
 * Returns: (transfer full): the form nb_organ_name_match_folded()
 *   compares, for matching one name against many
 */
char *
nb_organ_name_fold (const char *organ)
{
  return nb_label_fold_dup (organ);
}

/**
 * nb_organ_name_match_folded:
 * @a: a name folded by nb_organ_name_fold()
 * @b: another
 *
 * Returns: what nb_organ_name_match() returns for the names
 */
gboolean
nb_organ_name_match_folded (const char *a,
                            const char *b)
{
  const char *shorter = strlen (a) <= strlen (b) ? a : b;
  const char *longer = shorter == a ? b : a;

  if (*a == '\0' || *b == '\0')
    return FALSE;
  if (g_str_equal (a, b))
    return TRUE;
  /* "人民政府" alone is nobody's name */
  if (is_government_body (shorter))
    return FALSE;
  return ends_with_region_prefix (longer, shorter) || is_government_of (shorter, longer);
}

/**
 * nb_organ_name_dup_region:
 * @organ: an organ's name
 *
 * Returns: (transfer full) (nullable): the folded name of the region
 *   whose government @organ is ("平潭综合实验区" for
 *   "平潭综合实验区管委会"), or %NULL when @organ is not a government
 */
char *
nb_organ_name_dup_region (const char *organ)
{
  g_autofree char *folded = nb_label_fold_dup (organ);

  for (guint i = 0; i < G_N_ELEMENTS (government_ends); i++)
    if (g_str_has_suffix (folded, government_ends[i]))
      {
        gsize length = strlen (folded) - strlen (government_ends[i]);

        if (!is_region (folded, length))
          return NULL;
        return g_strndup (folded, length);
      }
  return NULL;
}

/**
 * nb_organ_name_dup_short:
 * @organ: an organ's name
 *
 * Returns: (transfer full) (nullable): the name without the regions in
 *   front of it ("财政局" for "演示县财政局"), or %NULL when it has none
 */
char *
nb_organ_name_dup_short (const char *organ)
{
  const char *best = NULL;

  for (const char *p = g_utf8_next_char (organ); *p != '\0'; p = g_utf8_next_char (p))
    if (is_region (organ, p - organ) && g_utf8_strlen (p, -1) >= 2)
      best = p;
  return best ? g_strdup (best) : NULL;
}
