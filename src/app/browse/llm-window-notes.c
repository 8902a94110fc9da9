/* llm-window-notes.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-answer-view.h"
#include "llm-collection.h"
#include "llm-export-chooser.h"
#include "llm-html-export.h"
#include "llm-note-export.h"
#include "llm-question.h"
#include "llm-settings.h"
#include "llm-sidebar.h"
#include "llm-window-private.h"

/* The user's own layer over the collection: bookmarks and notes. */

void
_llm_window_update_bookmark_button (LlmWindow *self)
{
  gboolean starred = self->question != NULL &&
                     llm_bookmarks_contains (self->bookmarks, llm_question_get_id (self->question));
  const char *label = starred ? _("Remove Bookmark") : _("Bookmark This Question");

  gtk_button_set_icon_name (self->bookmark_button, starred ? "starred-symbolic" : "non-starred-symbolic");
  /* An outline star, or the tree's filled accent one. */
  if (starred)
    gtk_widget_add_css_class (GTK_WIDGET (self->bookmark_button), "starred");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->bookmark_button), "starred");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bookmark_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Bookmarks whose question is not in this collection (deleted, or retitled
 * beyond recognition) are never dropped silently: they are counted here and
 * the user decides. */
static GStrv
dup_missing_bookmarks (LlmWindow *self)
{
  g_auto(GStrv) ids = llm_bookmarks_dup_ids (self->bookmarks);
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  for (guint i = 0; ids[i]; i++)
    if (self->collection == NULL || llm_collection_lookup (self->collection, ids[i]) == NULL)
      g_strv_builder_add (missing, ids[i]);

  return g_strv_builder_end (missing);
}

void
_llm_window_update_missing_bookmarks (LlmWindow *self)
{
  g_auto(GStrv) missing = dup_missing_bookmarks (self);
  guint n = g_strv_length (missing);
  g_autofree char *label = NULL;

  /* Translators: a button under the bookmarks list */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Missing Bookmark…", "%u Missing Bookmarks…", n), n);
  gtk_button_set_label (self->missing_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_button),
                          n > 0 && llm_sidebar_get_bookmarks_only (self->sidebar));
}

static void
on_bookmarks_changed (LlmWindow    *self,
                      const char   *id,
                      LlmBookmarks *bookmarks)
{
  _llm_window_update_bookmark_button (self);
  _llm_window_update_missing_bookmarks (self);
  _llm_window_update_actions (self);
}

/* @editor: (nullable): %NULL when the window itself saw the note change */
static void
on_note_changed (LlmWindow     *self,
                 const char    *id,
                 const char    *text,
                 LlmNoteEditor *editor)
{
  g_autofree char *preview = text ? llm_note_store_preview (self->notes, id) : NULL;
  gboolean unsaved = editor != NULL && llm_note_editor_has_unsaved (editor);

  if (self->save_failing && !unsaved)
    _llm_window_add_toast (self, _("All notes are saved"));
  self->save_failing = unsaved && self->save_failing;

  llm_sidebar_set_note_preview (self->sidebar, id, text ? (preview ? preview : "") : NULL);
  _llm_window_search_note_changed (self, id, text);
  _llm_window_update_actions (self);
  if (self->question != NULL && g_strcmp0 (id, llm_question_get_id (self->question)) == 0)
    llm_answer_view_set_note (self->answer_view, text);
}

static void
on_note_save_failed (LlmWindow     *self,
                     const char    *message,
                     LlmNoteEditor *editor)
{
  g_autofree char *title = NULL;

  /* Once per run of failures, not on every retry. */
  if (self->save_failing)
    return;

  self->save_failing = TRUE;
  title = g_strdup_printf (_("Could not save your note: %s. The text is kept and saving will be retried."), message);
  _llm_window_add_toast (self, title);
}

static void
on_note_conflict (LlmWindow     *self,
                  const char    *message,
                  LlmNoteEditor *editor)
{
  _llm_window_add_toast (self, message);
}

static void
on_note_cleared (LlmWindow     *self,
                 LlmQuestion   *question,
                 const char    *text,
                 LlmNoteEditor *editor)
{
  AdwToast *toast = adw_toast_new (_("Note cleared"));

  g_set_object (&self->cleared_question, question);
  g_free (self->cleared_text);
  self->cleared_text = g_strdup (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-clear-note");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The note editor ---------------------------------------------------------- */

/* A note that another program rewrote (a sync tool) shows under the answer
 * at once. The editor watches the note it holds; until it is built, the
 * window watches the shown question's in its place. */
static void
on_shown_note_file_changed (LlmWindow         *self,
                            GFile             *file,
                            GFile             *other,
                            GFileMonitorEvent  event,
                            GFileMonitor      *monitor)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *id;

  if (event == G_FILE_MONITOR_EVENT_CHANGED || self->question == NULL || self->note_editor != NULL)
    return;  /* wait for the write to finish (CHANGES_DONE_HINT) */

  id = llm_question_get_id (self->question);
  if (!llm_note_store_changed_on_disk (self->notes, id))
    return;  /* a save of our own, from another window */

  text = llm_note_store_load (self->notes, id, &error);
  if (error == NULL)
    on_note_changed (self, id, text, NULL);
}

static void
watch_shown_note (LlmWindow *self)
{
  g_clear_object (&self->note_monitor);
  if (self->question == NULL || self->note_editor != NULL)
    return;

  self->note_monitor = llm_note_store_monitor_note (self->notes, llm_question_get_id (self->question));
  if (self->note_monitor != NULL)
    g_signal_connect_object (self->note_monitor, "changed",
                             G_CALLBACK (on_shown_note_file_changed), self, G_CONNECT_SWAPPED);
}

/**
 * _llm_window_ensure_note_editor:
 *
 * The note editor is built the first time it is opened, or something has
 * to go through it, rather than with the window: many sessions only read,
 * and need neither GtkSourceView nor its style schemes in memory. Once
 * built it stays, holding the shown question's note, and takes over
 * watching that note.
 *
 * Returns: (transfer none): the window's note editor
 */
LlmNoteEditor *
_llm_window_ensure_note_editor (LlmWindow *self)
{
  if (self->note_editor != NULL)
    return self->note_editor;

  self->note_editor = g_object_new (LLM_TYPE_NOTE_EDITOR,
                                    "visible", FALSE,
                                    "height-request", 140,
                                    NULL);
  g_signal_connect_object (self->note_editor, "note-changed", G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_editor, "save-failed", G_CALLBACK (on_note_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_editor, "cleared", G_CALLBACK (on_note_cleared), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_editor, "conflict", G_CALLBACK (on_note_conflict), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->note_monitor);
  llm_note_editor_set_store (self->note_editor, self->notes);
  /* It reads the shown question's note now, as the store has it: nothing
   * was typed anywhere before it existed. */
  llm_note_editor_set_question (self->note_editor, self->question);
  gtk_paned_set_end_child (self->content_paned, GTK_WIDGET (self->note_editor));

  return self->note_editor;
}

/**
 * _llm_window_flush_note:
 *
 * Saves the note being typed now, before something that reads the notes
 * on disk (an export, a session, closing).
 *
 * Returns: %TRUE when nothing is left unsaved; always with no editor yet,
 *   as nothing can have been typed
 */
gboolean
_llm_window_flush_note (LlmWindow *self)
{
  return self->note_editor == NULL || llm_note_editor_flush (self->note_editor);
}

/**
 * _llm_window_note_question_changed:
 *
 * Hands the editor the question shown, which saves the previous note
 * first; with no editor yet, the note is read from the store (and the
 * window watches it).
 *
 * Returns: (transfer full) (nullable): the shown question's note
 */
char *
_llm_window_note_question_changed (LlmWindow *self)
{
  if (self->note_editor != NULL)
    {
      llm_note_editor_set_question (self->note_editor, self->question);
      return llm_note_editor_dup_text (self->note_editor);
    }

  watch_shown_note (self);
  if (self->question == NULL)
    return NULL;

  return llm_note_store_load (self->notes, llm_question_get_id (self->question), NULL);
}

static void
undo_clear_note_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->cleared_question == NULL)
    return;

  if (self->cleared_question == self->question)
    {
      llm_note_editor_set_text (self->note_editor, self->cleared_text);
      llm_note_editor_flush (self->note_editor);
    }
  else if (llm_note_store_save (self->notes, llm_question_get_id (self->cleared_question),
                                llm_question_get_title (self->cleared_question),
                                llm_question_get_topic (self->cleared_question),
                                self->cleared_text, &error))
    on_note_changed (self, llm_question_get_id (self->cleared_question), self->cleared_text, self->note_editor);
  else
    _llm_window_add_toast (self, error->message);

  g_clear_object (&self->cleared_question);
  g_clear_pointer (&self->cleared_text, g_free);
}

static void
toggle_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  gboolean visible = self->note_editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->note_editor));
  LlmNoteEditor *editor = _llm_window_ensure_note_editor (self);

  if (!visible)
    llm_note_editor_flush (editor);

  gtk_widget_set_visible (GTK_WIDGET (editor), visible);
  gtk_toggle_button_set_active (self->notes_button, visible);
  /* The answer stays the larger part: the note is written beside it. */
  if (visible)
    gtk_paned_set_position (self->content_paned,
                            gtk_widget_get_height (GTK_WIDGET (self->content_paned)) * 3 / 5);
  if (visible)
    llm_note_editor_grab_focus (editor);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    LlmWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->collection != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      _llm_window_flush_note (self);

      if (llm_note_export_to_file (self->notes, self->collection, file, &error))
        {
          g_autofree char *uri = g_file_get_uri (file);
          AdwToast *toast = adw_toast_new (_("Notes exported"));

          adw_toast_set_timeout (toast, 10);
          adw_toast_set_button_label (toast, _("_Open"));
          adw_toast_set_action_name (toast, "win.open-uri");
          adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      else
        _llm_window_add_toast (self, error->message);
    }

  g_object_unref (dialog);
}

static void
export_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = llm_export_chooser_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Export as HTML ----------------------------------------------------------- */

/* The export runs in a thread and reports to a toast that stays until it
 * ends: how many questions are written, then the flush to disk (a few
 * seconds for thousands of files on a slow disk). */
typedef struct
{
  AdwToast *toast;     /* only the main thread sets its title */
  gint64 last_report;  /* the exporting thread's, in monotonic µs */
} ExportProgress;

typedef struct
{
  AdwToast *toast;
  char *title;
} ProgressUpdate;

static void
export_progress_free (ExportProgress *progress)
{
  g_clear_object (&progress->toast);
  g_free (progress);
}

static gboolean
show_export_progress (gpointer data)
{
  ProgressUpdate *update = data;

  adw_toast_set_title (update->toast, update->title);
  g_object_unref (update->toast);
  g_free (update->title);
  g_free (update);

  return G_SOURCE_REMOVE;
}

/* Called in the exporting thread. */
static void
on_export_progress (guint    done,
                    guint    total,
                    gboolean syncing,
                    gpointer user_data)
{
  ExportProgress *progress = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressUpdate *update;

  /* Five updates a second are enough to see it move. */
  if (done != total && now - progress->last_report < G_USEC_PER_SEC / 5)
    return;
  progress->last_report = now;

  update = g_new0 (ProgressUpdate, 1);
  update->toast = g_object_ref (progress->toast);
  if (syncing)
    update->title = g_strdup_printf (_("Saving the web site to disk… %u%%"),
                                     total > 0 ? (guint)((guint64)done * 100 / total) : 100);
  else
    update->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exporting as a web site… %u of %u question",
                                                  "Exporting as a web site… %u of %u questions", total),
                                     done, total);
  g_idle_add (show_export_progress, update);
}

static void
export_html_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LlmCollection *collection = g_object_get_data (G_OBJECT (task), "collection");
  /* The export only reads notes, which is safe beside the editor. */
  LlmNoteStore *notes = g_object_get_data (G_OBJECT (task), "notes");
  GFile *dir = task_data;
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *language = llm_collection_dup_language (collection);
  LlmHtmlExportOptions options = {
    .language = language,
    .warnings = warnings,
    .progress = on_export_progress,
    .progress_data = g_object_get_data (G_OBJECT (task), "progress"),
  };
  g_autoptr(GError) error = NULL;

  g_object_set_data_full (G_OBJECT (task), "warnings", warnings, (GDestroyNotify)g_ptr_array_unref);
  if (llm_html_export (collection, notes, dir, &options, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* The toast's Open shows the site that was written, in the browser. */
static void
add_export_toast (LlmWindow  *self,
                  const char *title,
                  GFile      *dir)
{
  g_autoptr(GFile) index = g_file_get_child (dir, "index.html");
  g_autofree char *uri = g_file_get_uri (index);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static void
export_html_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LlmWindow *self = LLM_WINDOW (object);
  GPtrArray *warnings = g_object_get_data (G_OBJECT (result), "warnings");
  ExportProgress *progress = g_object_get_data (G_OBJECT (result), "progress");
  GFile *dir = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  adw_toast_dismiss (progress->toast);

  if (g_task_propagate_boolean (G_TASK (result), &error) && warnings != NULL && warnings->len > 0)
    {
      const char *first = g_ptr_array_index (warnings, 0);
      guint more = warnings->len - 1;
      g_autofree char *message = NULL;

      /* The first refusal by name (the command line prints them all). */
      if (more == 0)
        message = g_strdup_printf (_("Exported as a web site; %s"), first);
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported as a web site; %s (and %u more)",
                                                "Exported as a web site; %s (and %u more)", more),
                                   first, more);
      add_export_toast (self, message, dir);
    }
  else if (error == NULL)
    add_export_toast (self, _("Exported as a web site"), dir);
  else
    _llm_window_add_toast (self, error->message);
}

static void
on_export_html_response (GtkNativeDialog *dialog,
                         int              response,
                         LlmWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->collection != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, export_html_done, NULL);

      _llm_window_flush_note (self);
      /* The collection is never changed once loaded, so a thread may read it. */
      g_object_set_data_full (G_OBJECT (task), "collection", g_object_ref (self->collection), g_object_unref);
      g_object_set_data_full (G_OBJECT (task), "notes", g_object_ref (self->notes), g_object_unref);
      ExportProgress *progress = g_new0 (ExportProgress, 1);

      progress->toast = adw_toast_new (_("Exporting…"));
      adw_toast_set_timeout (progress->toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (progress->toast));
      g_object_set_data_full (G_OBJECT (task), "progress", progress, (GDestroyNotify)export_progress_free);
      g_task_set_task_data (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)), g_object_unref);
      g_task_run_in_thread (task, export_html_thread);
    }

  g_object_unref (dialog);
}

static void
export_html_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export as HTML"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_html_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_previews_listed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LlmWindow) self = user_data;
  g_autoptr(GHashTable) previews = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id, preview;

  previews = llm_note_store_list_previews_finish (LLM_NOTE_STORE (object), result, &error);

  /* Closed before the notes were read: nothing to mark. */
  if (self->notes == NULL)
    return;

  if (previews == NULL)
    {
      _llm_window_add_toast (self, error->message);
      return;
    }

  g_hash_table_iter_init (&iter, previews);
  while (g_hash_table_iter_next (&iter, &id, &preview))
    llm_sidebar_set_note_preview (self->sidebar, id, preview);
}

/* The sidebar marks every question that has a note; the notes are read
 * in a thread, a folder of them can be large. */
static void
load_note_marks (LlmWindow *self)
{
  llm_note_store_list_previews_async (self->notes, NULL, on_previews_listed, g_object_ref (self));
}

static void
toggle_bookmark_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  if (self->question != NULL)
    llm_bookmarks_toggle (self->bookmarks, llm_question_get_id (self->question));
}

static void
on_missing_response (AdwMessageDialog *dialog,
                     const char       *response,
                     LlmWindow        *self)
{
  g_auto(GStrv) missing = NULL;

  if (!g_str_equal (response, "remove"))
    return;

  missing = dup_missing_bookmarks (self);
  for (guint i = 0; missing[i]; i++)
    llm_bookmarks_set (self->bookmarks, missing[i], FALSE);
}

static void
show_missing_bookmarks_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_auto(GStrv) missing = dup_missing_bookmarks (self);
  g_autofree char *list = NULL;
  GtkWidget *dialog;

  if (missing[0] == NULL)
    return;

  list = g_strjoinv ("\n", missing);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Missing Bookmarks"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("These bookmarks belong to questions that are not in “%s”. They stay until you remove them, in case the questions come back.\n\n%s"),
                                  self->collection ? llm_collection_get_title (self->collection) : "",
                                  list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_missing_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_llm_window_notes_constructed (LlmWindow *self)
{
  self->notes = g_object_ref (llm_user_data_get_note_store (self->user_data));
  /* Saves killed last time (a crash, a power cut) left their text aside:
   * it comes back as conflict copies before any note is shown. */
  llm_note_store_recover (self->notes, NULL);
  load_note_marks (self);

  self->bookmarks = g_object_ref (llm_user_data_get_bookmarks (self->user_data));
  llm_sidebar_set_bookmarks (self->sidebar, self->bookmarks);
  g_signal_connect_object (self->bookmarks, "changed",
                           G_CALLBACK (on_bookmarks_changed), self, G_CONNECT_SWAPPED);
}

void
_llm_window_notes_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, _llm_window_update_missing_bookmarks);
  gtk_widget_class_bind_template_callback (widget_class, _llm_window_update_actions);

  gtk_widget_class_install_action (widget_class, "win.toggle-bookmark", NULL, toggle_bookmark_action);
  gtk_widget_class_install_action (widget_class, "win.show-missing-bookmarks", NULL, show_missing_bookmarks_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-notes", NULL, toggle_notes_action);
  gtk_widget_class_install_action (widget_class, "win.undo-clear-note", NULL, undo_clear_note_action);
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL, export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.export-html", NULL, export_html_action);
}
