/* nb-window-private.h — what the window's parts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <nb-draft-keeper.h>

#include "nb-settings.h"
#include "nb-source-pane.h"
#include "nb-window.h"

G_BEGIN_DECLS

struct _NbWindow
{
  AdwApplicationWindow  parent_instance;

  NbImporter           *importer;
  NbSettings           *settings;
  NbDraftKeeper        *keeper;
  NbDocument           *document;
  GCancellable         *cancellable;
  GSignalGroup         *report_signals;
  GSignalGroup         *document_signals;
  GSignalGroup         *validator_signals;
  gboolean              close_after_save;
  guint                 saving;
  guint                 present_id;
  gboolean              menu_built;     /* the main menu's popover exists */
  GtkPrintSettings     *print_settings;

  /* template children */
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  GtkButton            *reload_button;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkToggleButton      *diagnostics_button;
  GtkButton            *save_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *empty_menu;
  GtkLabel             *badge;
  GtkListBox           *recent_list;
  GtkLabel             *recent_label;
  GtkSpinner           *spinner;
  AdwFlap              *flap;
  AdwBin               *report_bin;
  NbDiagnosticsPanel   *panel;
  GtkToggleButton      *source_button;
  GtkPaned             *paned;
  NbSourcePane         *source_pane;
};

void  _nb_window_class_add_actions  (GtkWidgetClass *widget_class);
void  _nb_window_update_actions     (NbWindow       *self);
void  _nb_window_save               (NbWindow       *self,
                                    gboolean        ask);
void  _nb_window_reload             (NbWindow       *self);
GFile *_nb_window_dup_document_folder (NbWindow     *self);
void  _nb_window_remember_recent    (NbDocument     *document,
                                    GFile          *file);

void  _nb_window_add_drop_target   (NbWindow       *self);

void  _nb_window_class_add_export_actions (GtkWidgetClass *widget_class);

void  _nb_window_class_add_source    (GtkWidgetClass *widget_class);
void  _nb_window_init_source         (NbWindow       *self);
void  _nb_window_show_source_of      (NbWindow       *self,
                                     NbDiagnostic   *diagnostic);
void  _nb_window_update_export_actions    (NbWindow       *self);

G_END_DECLS
