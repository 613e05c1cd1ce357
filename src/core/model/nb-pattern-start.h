/* nb-pattern-start.h — where a template pattern's matches can start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

G_BEGIN_DECLS

typedef struct _NbPattern NbPattern;
typedef struct _NbPatternStart NbPatternStart;
typedef struct _NbPatternProbe NbPatternProbe;

/* One match of a pattern: where it and its groups are in the text, told
 * as GRegex tells them (nb_pattern_match_fetch_pos()); it belongs to the
 * iterator that found it, until that moves on */
typedef struct
{
  const char       *text;
  GMatchInfo       *info;       /* the match, when GRegex made it */
  const PCRE2_SIZE *ovector;    /* or where PCRE2 found it and its groups */
  int               n_set;      /* how many pairs of @ovector pcre2_match() set */
  guint32           n_groups;   /* the pattern's groups */
} NbPatternMatch;

/* The matches of one pattern in one text, in the order GRegex finds
 * them; the current match belongs to the iterator. */
typedef struct
{
  GRegex               *regex;           /* or, until needed, NULL and */
  NbPattern            *pattern;         /* the pattern it is compiled from */
  const NbPatternStart *start;
  const char           *text;
  gsize                 length;
  gsize                 from;
  GMatchInfo           *info;            /* GRegex's match, where it made one */
  NbPatternMatch        match;
  pcre2_match_data     *probe_data;
  gboolean              literals_found;
  int                   four_bytes;      /* whether the text holds a character
                                          * of four bytes; -1: not looked yet */
  gsize                 literal_at[16];  /* where each literal comes next */
} NbPatternIter;

NbPatternProbe *nb_pattern_probe_new     (const char           *pattern);
void            nb_pattern_probe_free    (NbPatternProbe       *self);
void            nb_pattern_probe_compile (NbPatternProbe       *self);
gssize          nb_pattern_probe_end     (NbPatternProbe       *self,
                                          pcre2_match_data     *data,
                                          const char           *text,
                                          gsize                 length,
                                          gsize                 at);

NbPatternStart *nb_pattern_start_new     (const char           *pattern);
void            nb_pattern_start_free    (NbPatternStart       *self);
NbPatternProbe *nb_pattern_start_get_probe (const NbPatternStart *self);
gboolean        nb_pattern_start_allows  (const NbPatternStart *self,
                                          gunichar              c);
gboolean        nb_pattern_start_may_match (const NbPatternStart *self,
                                            const char           *text,
                                            gsize                 length);

void            nb_pattern_iter_init     (NbPatternIter        *iter,
                                          GRegex               *regex,
                                          const NbPatternStart *start,
                                          const char           *text,
                                          gsize                 length);
void            nb_pattern_iter_init_pattern (NbPatternIter    *iter,
                                              NbPattern        *pattern,
                                              const char       *text,
                                              gsize             length);
const NbPatternMatch *nb_pattern_iter_next (NbPatternIter *iter);
gboolean        nb_pattern_iter_any      (NbPatternIter        *iter);
void            nb_pattern_iter_clear    (NbPatternIter        *iter);

gboolean        nb_pattern_match_fetch_pos (const NbPatternMatch *match,
                                            int                   group,
                                            int                  *start,
                                            int                  *end);
char           *nb_pattern_match_fetch   (const NbPatternMatch *match,
                                          int                   group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbPatternProbe, nb_pattern_probe_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbPatternStart, nb_pattern_start_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NbPatternIter, nb_pattern_iter_clear)

G_END_DECLS
