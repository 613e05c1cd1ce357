/* nb-draft.h — unsaved work kept on disk until it is saved or discarded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nb-document.h"
#include "nb-importer.h"

G_BEGIN_DECLS

/* What a draft says about itself, for the recovery list. */
typedef struct
{
  char      *id;
  char      *path;        /* the draft file */
  char      *file_uri;    /* the .nianbao.json it saves to, or NULL */
  char      *source_uri;  /* what it was opened from, or NULL */
  char      *organ;
  guint      year;
  GDateTime *written;
  int        pid;         /* the process that wrote it */
} NbDraftInfo;

char        *nb_draft_dir_default   (void);
GBytes      *nb_draft_serialize     (NbDocument   *document);
gboolean     nb_draft_write_bytes   (const char   *dir,
                                     const char   *id,
                                     GBytes       *bytes,
                                     GError      **error);
GPtrArray   *nb_draft_list          (const char   *dir,
                                     gboolean      only_orphans);
NbDocument  *nb_draft_restore       (NbImporter   *importer,
                                     NbDraftInfo  *info,
                                     GError      **error);
gboolean     nb_draft_remove        (const char   *dir,
                                     const char   *id);
void         nb_draft_info_free     (NbDraftInfo  *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbDraftInfo, nb_draft_info_free)

G_END_DECLS
