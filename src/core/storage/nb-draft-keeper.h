/* nb-draft-keeper.h — writes a document's draft while it has unsaved work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-document.h"

G_BEGIN_DECLS

/* how long after an edit the draft is written */
#define NB_DRAFT_DELAY_MS 1000

#define NB_TYPE_DRAFT_KEEPER (nb_draft_keeper_get_type ())

G_DECLARE_FINAL_TYPE (NbDraftKeeper, nb_draft_keeper, NB, DRAFT_KEEPER, GObject)

NbDraftKeeper *nb_draft_keeper_new        (NbDocument    *document,
                                           const char    *dir,
                                           const char    *id);
const char    *nb_draft_keeper_get_id     (NbDraftKeeper *self);
const char    *nb_draft_keeper_get_path   (NbDraftKeeper *self);
void           nb_draft_keeper_flush      (NbDraftKeeper *self);
void           nb_draft_keeper_discard    (NbDraftKeeper *self);
guint          nb_draft_keeper_get_n_written (NbDraftKeeper *self);

G_END_DECLS
