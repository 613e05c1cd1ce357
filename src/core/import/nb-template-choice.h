/* nb-template-choice.h — which form a report's tables were written on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-source.h"
#include "nb-template.h"

G_BEGIN_DECLS

/* Built once for a set of templates: the table labels that only one of
 * them has. */
typedef struct _NbTemplateChoice NbTemplateChoice;

/* How many nul bytes follow a folded text nb_template_choice_pick_folded()
 * reads. */
#define NB_TEMPLATE_CHOICE_PADDING 8

typedef struct
{
  int         chosen;     /* index of the template, or -1: no evidence */
  int         other;      /* a template whose labels were found too, or -1 */
  const char *other_label; /* one of its labels that was found */
  gboolean    has_tables; /* any table header of any template was found */
  gboolean    has_words;  /* any of the words nb_template_choice_new_full()
                           * was given was found; TRUE without words */
} NbTemplateChoiceResult;

NbTemplateChoice *nb_template_choice_new  (NbTemplate * const     *templates,
                                           guint                   n_templates);
NbTemplateChoice *nb_template_choice_new_full (NbTemplate * const *templates,
                                               guint               n_templates,
                                               const char * const *words);
void              nb_template_choice_free (NbTemplateChoice       *self);
void              nb_template_choice_pick (NbTemplateChoice       *self,
                                           NbSource               *source,
                                           NbTemplateChoiceResult *result);
void              nb_template_choice_pick_folded (NbTemplateChoice       *self,
                                                  const char             *fold,
                                                  gsize                   length,
                                                  NbTemplateChoiceResult *result);

G_END_DECLS
