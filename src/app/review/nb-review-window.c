/* nb-review-window.c — a whole batch of reports in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nb-review-window"

#include "config.h"

#include "nb-review-window.h"

#include <glib/gi18n.h>
#include <nb-review-reader.h>
#include <string.h>

#include "nb-mnemonic-names.h"
#include "nb-review-columns.h"

/* The folder is listed and read on the worker pool, one worker per core,
 * in a thread of its own: rows appear at once, each fills when its file
 * was read, and the window stays usable — sort, filter, open a report —
 * while the rest is read. Each result is handed to this thread, which
 * alone touches the rows. The findings across units are run once all is
 * read, and again when the roster or last year's folder changes. */
struct _NbReviewWindow
{
  AdwApplicationWindow  parent_instance;

  NbTemplate           *template;
  GListStore           *items;
  GtkCustomFilter      *filter;
  NbRoster             *roster;
  NbReportSet          *previous;
  NbReportSet          *set;
  GPtrArray            *findings;
  GCancellable         *cancellable;
  guint                 generation;   /* of this year's folder */
  guint                 n_jobs;
  guint                 n_total;
  guint                 n_read;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkSearchEntry       *search_entry;
  GtkCheckButton       *errors_only;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkColumnView        *column_view;
  GtkLabel             *findings_heading;
  GtkListBox           *findings_list;
};

G_DEFINE_FINAL_TYPE (NbReviewWindow, nb_review_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  OPEN_REPORT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One folder being read: this batch's, or last year's */
typedef struct
{
  GFile     *folder;
  gboolean   previous;
  guint      generation;
  GPtrArray *items;   /* NbReviewItem, set by the thread */
} Job;

typedef struct
{
  GTask    *task;
  guint     index;
  NbReport *report;
  GError   *error;
} Delivery;

static void recheck (NbReviewWindow *self);

/* Helpers */

static void
toast (NbReviewWindow *self,
       const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_object_unref (job->folder);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job);
}

static void
update_progress (NbReviewWindow *self)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("Reading %u of %u files…"), self->n_read, self->n_total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->n_total > 0 ? (double) self->n_read / self->n_total : 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, self->n_jobs > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", self->n_jobs > 0);
}

static void
item_changed_cb (NbReviewItem *item)
{
  nb_review_item_update (item);
}

/* Reading, in the thread of the task */

static gboolean
deliver_cb (gpointer data)
{
  Delivery *delivery = data;
  NbReviewWindow *self = g_task_get_source_object (delivery->task);
  Job *job = g_task_get_task_data (delivery->task);
  NbReviewItem *item = g_ptr_array_index (job->items, delivery->index);

  /* the window was closed while its files were read */
  if (self->items == NULL)
    return G_SOURCE_REMOVE;
  if (delivery->report != NULL)
    {
      nb_review_item_set_report (item, delivery->report);
      g_signal_connect_object (delivery->report, "cell-changed", G_CALLBACK (item_changed_cb), item,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (delivery->report, "notify::organ", G_CALLBACK (item_changed_cb), item,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (delivery->report, "notify::year", G_CALLBACK (item_changed_cb), item,
                               G_CONNECT_SWAPPED);
      /* a finding marked checked in the report's window counts so here */
      g_signal_connect_object (delivery->report, "checked-changed", G_CALLBACK (item_changed_cb), item,
                               G_CONNECT_SWAPPED);
    }
  else
    nb_review_item_set_error (item, delivery->error->message);
  if (job->generation != self->generation)
    return G_SOURCE_REMOVE;
  self->n_read++;
  update_progress (self);
  return G_SOURCE_REMOVE;
}

static void
delivery_free (gpointer data)
{
  Delivery *delivery = data;

  g_object_unref (delivery->task);
  g_clear_object (&delivery->report);
  g_clear_error (&delivery->error);
  g_free (delivery);
}

static void
read_cb (guint     index,
         NbReport *report,
         GError   *error,
         gpointer  user_data)
{
  Delivery *delivery = g_new0 (Delivery, 1);

  delivery->task = g_object_ref (user_data);
  delivery->index = index;
  delivery->report = report ? g_object_ref (report) : NULL;
  delivery->error = error ? g_error_copy (error) : NULL;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, deliver_cb, delivery, delivery_free);
}

static gboolean
listed_cb (gpointer data)
{
  GTask *task = data;
  NbReviewWindow *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  /* closed, or a folder loaded since replaced this one's rows */
  if (self->items == NULL || job->generation != self->generation)
    return G_SOURCE_REMOVE;
  self->n_total += job->items->len;
  update_progress (self);
  if (!job->previous)
    g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                         job->items->pdata, job->items->len);
  return G_SOURCE_REMOVE;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  NbReviewWindow *self = source_object;
  Job *job = task_data;
  g_autoptr(NbBatch) pool = nb_batch_new (0);
  g_autoptr(GError) error = NULL;

  job->items = nb_review_collect (&job->folder, NULL, 1, cancellable, &error);
  if (job->items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, listed_cb, g_object_ref (task), g_object_unref);
  if (!nb_review_read (pool, self->template, job->items, read_cb, task, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* A stopped reading leaves the rest of the rows saying so. */
static void
mark_unread (Job *job)
{
  for (guint i = 0; job->items != NULL && i < job->items->len; i++)
    {
      NbReviewItem *item = g_ptr_array_index (job->items, i);

      if (g_str_equal (nb_review_item_get_status (item), "reading"))
        nb_review_item_set_error (item, _("Not read: the reading was stopped"));
    }
}

static NbReportSet *
set_of (GPtrArray *items)
{
  NbReportSet *set = nb_report_set_new ();

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      NbReviewItem *item = g_ptr_array_index (items, i);

      nb_report_set_add (set, nb_review_item_get_display_name (item), nb_review_item_get_report (item));
    }
  return set;
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  NbReviewWindow *self = NB_REVIEW_WINDOW (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (self->items == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
  mark_unread (job);
  if (job->previous && job->items != NULL)
    {
      g_clear_object (&self->previous);
      self->previous = set_of (job->items);
    }
  self->n_jobs--;
  if (self->n_jobs == 0)
    {
      self->n_read = self->n_total = 0;
      g_clear_object (&self->cancellable);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  update_progress (self);
  recheck (self);
}

static void
start_reading (NbReviewWindow *self,
               GFile          *folder,
               gboolean        previous)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->folder = g_object_ref (folder);
  job->previous = previous;
  job->generation = self->generation;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_task_data (task, job, job_free);
  self->n_jobs++;
  if (self->n_jobs == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_progress (self);
  g_task_run_in_thread (task, read_thread);
}

/* The findings across units */

static GtkWidget *
finding_row (NbSetFinding *finding)
{
  g_autofree char *text = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label;

  /* Translators: a finding across units: "演示县水利局 — set.missing: No report…" */
  text = g_strdup_printf (_("%s — %s: %s"), nb_set_finding_get_organ (finding),
                          nb_set_finding_get_rule_id (finding), nb_set_finding_get_message (finding));
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  if (nb_set_finding_get_severity (finding) == NB_SEVERITY_ERROR)
    gtk_widget_add_css_class (label, "error");
  else if (nb_set_finding_get_severity (finding) == NB_SEVERITY_WARNING)
    gtk_widget_add_css_class (label, "warning");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  /* what its colour shows, said */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  nb_severity_get_name (nb_set_finding_get_severity (finding)),
                                  -1);
  return row;
}

static void
show_findings (NbReviewWindow *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  for (guint i = 0; i < self->findings->len; i++)
    gtk_list_box_append (self->findings_list, finding_row (g_ptr_array_index (self->findings, i)));
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Across Units: %u Finding", "Across Units: %u Findings",
                                          self->findings->len),
                             self->findings->len);
  gtk_label_set_text (self->findings_heading, heading);
}

static void
recheck (NbReviewWindow *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->items), i));
  g_clear_object (&self->set);
  self->set = set_of (items);
  nb_report_set_set_roster (self->set, self->roster);
  nb_report_set_set_previous (self->set, self->previous);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = nb_report_set_check (self->set);
  show_findings (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-letters", self->n_jobs == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-list", self->n_jobs == 0);
}

/* Filtering and opening */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  NbReviewWindow *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *status = nb_review_item_get_status (item);
  g_autofree char *needle = NULL;
  g_autofree char *organ = NULL;
  g_autofree char *name = NULL;

  if (gtk_check_button_get_active (self->errors_only) &&
      !g_str_equal (status, "errors") && !g_str_equal (status, "unreadable"))
    return FALSE;
  if (*search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  organ = g_utf8_casefold (nb_review_item_get_organ (item), -1);
  name = g_utf8_casefold (nb_review_item_get_display_name (item), -1);
  return strstr (organ, needle) != NULL || strstr (name, needle) != NULL;
}

static void
filter_changed_cb (NbReviewWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* A finding shows its organ's rows */
static void
finding_activated_cb (NbReviewWindow *self,
                      GtkListBoxRow  *row)
{
  int index = gtk_list_box_row_get_index (row);
  NbSetFinding *finding;

  if (index < 0 || (guint) index >= self->findings->len)
    return;
  finding = g_ptr_array_index (self->findings, index);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), nb_set_finding_get_organ (finding));
}

static void
activate_cb (NbReviewWindow *self,
             guint           position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
  g_autoptr(NbReviewItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    g_signal_emit (self, signals[OPEN_REPORT], 0, item);
}

/* Actions */

typedef void (*ChosenFunc) (NbReviewWindow *self,
                            GFile          *file,
                            const char     *target);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     NbReviewWindow  *self)
{
  ChosenFunc func = g_object_get_data (G_OBJECT (chooser), "nb-chosen");
  const char *target = g_object_get_data (G_OBJECT (chooser), "nb-target");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      func (self, file, target);
    }
  g_object_unref (chooser);
}

static void
choose (NbReviewWindow       *self,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept,
        const char           *suggested_name,
        ChosenFunc            func,
        const char           *target)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept,
                                                               _("_Cancel"));

  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_object_set_data (G_OBJECT (chooser), "nb-chosen", func);
  g_object_set_data_full (G_OBJECT (chooser), "nb-target", g_strdup (target), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
roster_chosen (NbReviewWindow *self,
               GFile          *file,
               const char     *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NbRoster) roster = nb_roster_load (file, NULL, &error);

  if (roster == NULL)
    {
      toast (self, error->message);
      return;
    }
  nb_review_window_set_roster (self, roster);
}

static void
previous_chosen (NbReviewWindow *self,
                 GFile          *file,
                 const char     *target)
{
  nb_review_window_load_previous (self, file);
}

static void
letters_chosen (NbReviewWindow *self,
                GFile          *folder,
                const char     *target)
{
  g_autoptr(NbFeedback) feedback = nb_review_window_dup_feedback (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!nb_feedback_save_letters (feedback, folder, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter written", "%u letters written",
                                          nb_feedback_get_n_letters (feedback)),
                             nb_feedback_get_n_letters (feedback));
  toast (self, message);
}

static void
list_chosen (NbReviewWindow *self,
             GFile          *file,
             const char     *target)
{
  g_autoptr(NbFeedback) feedback = nb_review_window_dup_feedback (self);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (target, "csv"))
    bytes = nb_feedback_write_csv (feedback);
  else
    bytes = nb_feedback_write_list (feedback, &error);
  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &error))
    toast (self, error->message);
}

static void
load_roster_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose (NB_REVIEW_WINDOW (widget), _("Roster of Units"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Load"), NULL,
          roster_chosen, NULL);
}

static void
load_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose (NB_REVIEW_WINDOW (widget), _("Last Year’s Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          _("_Read"), NULL, previous_chosen, NULL);
}

static void
export_letters_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose (NB_REVIEW_WINDOW (widget), _("Folder for the Letters"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
          _("_Export"), NULL, letters_chosen, NULL);
}

static void
export_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strconcat (_("Findings"), ".", format, NULL);

  choose (NB_REVIEW_WINDOW (widget), _("Export the List"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
          list_chosen, format);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  nb_review_window_cancel (NB_REVIEW_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (NB_REVIEW_WINDOW (widget)->search_entry));
}

/* vfuncs */

/* A closed window reads no further; its thread ends at the next file. */
static gboolean
nb_review_window_close_request (GtkWindow *window)
{
  nb_review_window_cancel (NB_REVIEW_WINDOW (window));

  return GTK_WINDOW_CLASS (nb_review_window_parent_class)->close_request (window);
}

static void
nb_review_window_dispose (GObject *object)
{
  NbReviewWindow *self = (NbReviewWindow *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->items);
  g_clear_object (&self->filter);
  g_clear_object (&self->roster);
  g_clear_object (&self->previous);
  g_clear_object (&self->set);
  g_clear_object (&self->template);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), NB_TYPE_REVIEW_WINDOW);

  G_OBJECT_CLASS (nb_review_window_parent_class)->dispose (object);
}

static void
nb_review_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NbReviewWindow *self = NB_REVIEW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, nb_review_window_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_review_window_class_init (NbReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nb_review_window_dispose;
  window_class->close_request = nb_review_window_close_request;
  object_class->get_property = nb_review_window_get_property;

  /**
   * NbReviewWindow:busy:
   *
   * Whether files are being read.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NbReviewWindow::open-report:
   * @self: the window
   * @item: the row's #NbReviewItem
   *
   * Emitted when a row is activated: the application opens its report.
   */
  signals[OPEN_REPORT] =
    g_signal_new ("open-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NB_TYPE_REVIEW_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nianbao/Nianbao/nb-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, errors_only);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, findings_heading);
  gtk_widget_class_bind_template_child (widget_class, NbReviewWindow, findings_list);

  gtk_widget_class_install_action (widget_class, "win.load-roster", NULL, load_roster_action);
  gtk_widget_class_install_action (widget_class, "win.load-previous", NULL, load_previous_action);
  gtk_widget_class_install_action (widget_class, "win.export-letters", NULL, export_letters_action);
  gtk_widget_class_install_action (widget_class, "win.export-list", "s", export_list_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
}

static void
nb_review_window_init (NbReviewWindow *self)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  nb_mnemonic_names_fix (GTK_WIDGET (self));

  self->items = g_list_store_new (NB_TYPE_REVIEW_ITEM);
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  nb_review_columns_add (self->column_view);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_list, "row-activated", G_CALLBACK (finding_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->errors_only, "toggled", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", FALSE);
}

/* Public API */

/**
 * nb_review_window_new:
 * @application: (nullable): the application
 * @template: the template reports are read onto
 *
 * Returns: (transfer floating): a new, empty review window
 */
NbReviewWindow *
nb_review_window_new (GtkApplication *application,
                      NbTemplate     *template)
{
  NbReviewWindow *self;

  g_return_val_if_fail (NB_IS_TEMPLATE (template), NULL);

  self = g_object_new (NB_TYPE_REVIEW_WINDOW, "application", application, NULL);
  self->template = g_object_ref (template);
  return self;
}

/**
 * nb_review_window_load:
 * @self: a #NbReviewWindow
 * @folder: a folder of reports
 *
 * Lists the folder's reports (its subfolders' too) and reads them on
 * every core; the rows fill as the files are read. They replace the rows
 * of a folder loaded before.
 */
void
nb_review_window_load (NbReviewWindow *self,
                       GFile          *folder)
{
  g_autofree char *name = NULL;

  g_return_if_fail (NB_IS_REVIEW_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  /* a folder replaces the one shown, and stops its reading */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->n_read = self->n_total = 0;
  g_list_store_remove_all (self->items);
  name = g_file_get_parse_name (folder);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), name);
  start_reading (self, folder, FALSE);
}

/**
 * nb_review_window_load_previous:
 * @self: a #NbReviewWindow
 * @folder: last year's folder of the same units
 *
 * Reads the folder for the rules between two years; its reports get no
 * rows of their own.
 */
void
nb_review_window_load_previous (NbReviewWindow *self,
                                GFile          *folder)
{
  g_return_if_fail (NB_IS_REVIEW_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  start_reading (self, folder, TRUE);
}

/**
 * nb_review_window_set_roster:
 * @self: a #NbReviewWindow
 * @roster: (nullable): the units that owe a report
 */
void
nb_review_window_set_roster (NbReviewWindow *self,
                             NbRoster       *roster)
{
  g_return_if_fail (NB_IS_REVIEW_WINDOW (self));

  g_set_object (&self->roster, roster);
  if (self->n_jobs == 0)
    recheck (self);
}

/**
 * nb_review_window_cancel:
 * @self: a #NbReviewWindow
 *
 * Stops reading; the rows not read yet say so.
 */
void
nb_review_window_cancel (NbReviewWindow *self)
{
  g_return_if_fail (NB_IS_REVIEW_WINDOW (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
nb_review_window_get_busy (NbReviewWindow *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_WINDOW (self), FALSE);

  return self->n_jobs > 0;
}

/**
 * nb_review_window_get_items:
 * @self: a #NbReviewWindow
 *
 * Returns: (transfer none): every row's #NbReviewItem, in the folder's
 *   order, unfiltered
 */
GListModel *
nb_review_window_get_items (NbReviewWindow *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_WINDOW (self), NULL);

  return G_LIST_MODEL (self->items);
}

GtkColumnView *
nb_review_window_get_column_view (NbReviewWindow *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_WINDOW (self), NULL);

  return self->column_view;
}

/**
 * nb_review_window_get_findings:
 * @self: a #NbReviewWindow
 *
 * Returns: (transfer none) (element-type NbSetFinding): the findings
 *   across units, as of the last reading
 */
GPtrArray *
nb_review_window_get_findings (NbReviewWindow *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_WINDOW (self), NULL);

  return self->findings;
}

/**
 * nb_review_window_dup_feedback:
 * @self: a #NbReviewWindow
 *
 * Returns: (transfer full): the letters to the units, from the reports
 *   as they are now, edits included
 */
NbFeedback *
nb_review_window_dup_feedback (NbReviewWindow *self)
{
  g_return_val_if_fail (NB_IS_REVIEW_WINDOW (self), NULL);

  recheck (self);
  return nb_feedback_new (self->set, self->findings);
}
