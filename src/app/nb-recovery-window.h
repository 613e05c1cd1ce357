/* nb-recovery-window.h — offers the drafts a crash left behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include <nb-draft.h>

G_BEGIN_DECLS

#define NB_TYPE_RECOVERY_WINDOW (nb_recovery_window_get_type ())

G_DECLARE_FINAL_TYPE (NbRecoveryWindow, nb_recovery_window, NB, RECOVERY_WINDOW, AdwWindow)

NbRecoveryWindow *nb_recovery_window_new      (GtkApplication   *application,
                                               const char       *dir,
                                               GPtrArray        *drafts);
guint             nb_recovery_window_get_n_drafts (NbRecoveryWindow *self);
void              nb_recovery_window_restore  (NbRecoveryWindow *self,
                                               guint             index);
void              nb_recovery_window_discard  (NbRecoveryWindow *self,
                                               guint             index);

G_END_DECLS
