/* llm-window-open.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#if HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "llm-answer-view.h"
#include "llm-collection.h"
#include "llm-collection-places.h"
#include "llm-collection-source.h"
#include "llm-load-problems.h"
#include "llm-my-questions.h"
#include "llm-settings.h"
#include "llm-window-private.h"

/* Bringing notes in: Open File…, Open Folder…, drag and drop, the recent
 * list and the bundled notes. An LlmCollectionSource loads in a thread,
 * shown by a progress bar, and watches the open file or folder: a change
 * reloads it, keeping the question shown (notes, bookmarks and reviews
 * follow by id anyway), though not while a session runs. */

#define RECENT_MAX      10
#define PROGRESS_DELAY_MS 150

static void
remember_recent (LlmWindow *self,
                 GFile     *file)
{
  GSettings *settings = llm_settings_get_gsettings (self->settings);
  g_autofree char *uri = file ? g_file_get_uri (file) : g_strdup ("");
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-collections");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 0;

  g_settings_set_string (settings, "last-collection", uri);
  if (file == NULL)
    return;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] && ++n < RECENT_MAX; i++)
    if (!g_str_equal (recent[i], uri))
      g_strv_builder_add (builder, recent[i]);

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-collections", (const char * const *)updated);
}

static void
rebuild_recent_menu (LlmWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (llm_settings_get_gsettings (self->settings), "recent-collections");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

/* Loading and watching ---------------------------------------------------- */

/* A session's questions belong to the collection it started in, and
 * set_collection() ends it: a change on disk waits for the session (its
 * end screen or report included) instead of ending it unasked. */
static gboolean
session_busy (LlmWindow *self)
{
  return self->mode != LLM_WINDOW_MODE_BROWSE ||
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "mock-report") == 0;
}

static void
update_held (LlmWindow *self)
{
  if (self->collection_source != NULL)
    llm_collection_source_set_held (self->collection_source, session_busy (self));
}

static void
on_reload_pending (LlmWindow           *self,
                   GParamSpec          *pspec,
                   LlmCollectionSource *source)
{
  if (llm_collection_source_get_reload_pending (source))
    _llm_window_add_toast (self, _("The notes changed; they are read again when this session ends"));
}

/* Runs in the loading thread. */
static void
prepare_collection (GFile         *file,
                    LlmCollection *collection,
                    gpointer       user_data)
{
  llm_user_data_prepare_collection (user_data, file, collection);
}

static gboolean
progress_tick (gpointer data)
{
  LlmWindow *self = data;
  LlmLoadProgress *progress = llm_collection_source_get_progress (self->collection_source);
  guint total = progress != NULL ? llm_load_progress_get_files_total (progress) : 0;

  gtk_revealer_set_reveal_child (self->load_revealer, TRUE);
  if (total > 0)
    gtk_progress_bar_set_fraction (self->load_progress,
                                   (double)llm_load_progress_get_files_done (progress) / total);
  else
    gtk_progress_bar_pulse (self->load_progress);

  return G_SOURCE_CONTINUE;
}

static void
stop_progress (LlmWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
}

static void
on_loading (LlmWindow           *self,
            GParamSpec          *pspec,
            LlmCollectionSource *source)
{
  stop_progress (self);
  /* Only loads that take a while show a bar: no flash for small files. */
  if (llm_collection_source_get_loading (source))
    self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, progress_tick, self);
}

static void
show_warnings (LlmWindow     *self,
               LlmCollection *collection)
{
  guint n = llm_collection_get_n_problems (collection);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n == 0)
    return;

  if (n == 1)
    title = g_strdup (llm_collection_get_problem (collection, 0));
  else
    /* Translators: %s is the first of several problems found */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)", "%s (and %u more problems)", n - 1),
                             llm_collection_get_problem (collection, 0), n - 1);

  /* The toast has room for one; its button lists them all. */
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Show All"));
  adw_toast_set_action_name (toast, "win.show-load-problems");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_load_problems_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  if (self->collection != NULL && llm_collection_get_n_problems (self->collection) > 0)
    gtk_window_present (llm_load_problems_dialog_new (GTK_WINDOW (self), self->collection));
}

static void
on_load_failed (LlmWindow           *self,
                GError              *error,
                gboolean             reload,
                LlmCollectionSource *source)
{
  g_autofree char *message = NULL;

  /* A self-test asked for before this load is not started by a later one. */
  self->self_test_asked = FALSE;

  /* A reload that fails (the folder was deleted) keeps what was shown. */
  if (reload)
    {
      g_autofree char *name = g_file_get_parse_name (llm_collection_source_get_file (source));

      message = g_strdup_printf (_("“%s” could not be read again; still showing what was loaded: %s"),
                                 name, error->message);
    }
  else
    message = g_strdup (error->message);

  if (self->collection == NULL)
    {
      adw_status_page_set_description (self->empty_page, message);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else
    _llm_window_add_toast (self, message);
}

static void
trim_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
#if HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
}

static guint release_source;

static gboolean
release_memory (gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  release_source = 0;
  g_task_run_in_thread (task, trim_thread);
  return G_SOURCE_REMOVE;
}

/* Loading a collection and building its tree free many blocks that glibc
 * keeps in its arenas, the load thread's among them, and does not give
 * back on its own. Giving them back once the window has settled took the
 * UI process from ~131 to ~125 MB of RSS after start (three runs each
 * under Xvfb). malloc_trim() walks every arena, so it runs in a worker. */
static void
release_memory_soon (void)
{
  if (release_source == 0)
    release_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, release_memory, NULL, NULL);
}

static void
on_loaded (LlmWindow           *self,
           LlmCollection       *collection,
           gboolean             reload,
           LlmCollectionSource *source)
{
  GFile *file = llm_collection_source_get_file (source);
  g_autoptr(GFile) bundled = llm_user_data_dup_bundled_file ();

  if (g_file_equal (file, bundled))
    g_clear_object (&self->source);
  else
    g_set_object (&self->source, file);
  llm_window_set_collection (self, collection);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "browse");
  if (!reload)
    {
      remember_recent (self, self->source);
      show_warnings (self, collection);
    }
  g_signal_emit_by_name (self, "collection-loaded");
  release_memory_soon ();
}

/**
 * llm_window_open:
 * @file: (nullable): a markdown file or a folder, or %NULL for the
 *   bundled notes
 *
 * Opens @file without blocking the window; "collection-loaded" follows.
 * The bundled notes too are read in a thread, as they carry the user's
 * own questions from the data folder.
 */
void
llm_window_open (LlmWindow *self,
                 GFile     *file)
{
  g_autoptr(GFile) bundled = NULL;

  g_return_if_fail (LLM_IS_WINDOW (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (file == NULL)
    file = bundled = llm_user_data_dup_bundled_file ();
  llm_collection_source_open (self->collection_source, file);
}

/**
 * _llm_window_reload:
 *
 * Reads the collection shown again, with the user's own questions, in a
 * thread; while a session runs, once it is over.
 */
void
_llm_window_reload (LlmWindow *self)
{
  /* A collection given with llm_window_set_collection() was not opened
   * from anywhere: the bundled notes stand in, as they do at start. */
  if (llm_collection_source_get_file (self->collection_source) == NULL && self->collection != NULL)
    {
      g_autoptr(GFile) bundled = llm_user_data_dup_bundled_file ();

      llm_collection_source_adopt (self->collection_source, bundled);
    }
  llm_collection_source_reload (self->collection_source);
}

/* The place in each collection ------------------------------------------- */

/* Its URI, or "" for the bundled notes. */
static char *
place_key (LlmWindow *self)
{
  return self->source != NULL ? g_file_get_uri (self->source) : g_strdup ("");
}

/**
 * _llm_window_remember_place:
 *
 * Keeps the question shown and how far its answer is scrolled as the
 * place of the collection shown, for when it is opened again.
 */
void
_llm_window_remember_place (LlmWindow *self)
{
  g_autofree char *key = NULL;

  if (self->collection == NULL || self->question == NULL)
    return;

  key = place_key (self);
  llm_collection_places_remember (llm_settings_get_gsettings (self->settings), key,
                                  llm_question_get_id (self->question),
                                  llm_answer_view_get_scroll_offset (self->answer_view));
}

/**
 * _llm_window_dup_place:
 * @scroll_offset: (out): how far its answer was scrolled
 *
 * Returns: (transfer full) (nullable): the id of the question last shown
 *   in the collection being opened
 */
char *
_llm_window_dup_place (LlmWindow *self,
                       double    *scroll_offset)
{
  g_autofree char *key = place_key (self);
  char *id = NULL;

  llm_collection_places_lookup (llm_settings_get_gsettings (self->settings), key, &id, scroll_offset);
  return id;
}

/* Actions ----------------------------------------------------------------- */

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  LlmWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      llm_window_open (self, file);
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.open-folder");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (folder ? _("Open Folder") : _("Open File"),
                                        GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Markdown"));
      gtk_file_filter_add_suffix (filter, "md");
      gtk_file_filter_add_suffix (filter, "markdown");
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  llm_window_open (LLM_WINDOW (widget), file);
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  llm_window_open (LLM_WINDOW (widget), NULL);
}

static gboolean
on_drop (LlmWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  llm_window_open (self, files->data);
  g_slist_free (files);
  return TRUE;
}

void
_llm_window_open_constructed (LlmWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  self->collection_source = llm_collection_source_new ();
  llm_collection_source_set_prepare_func (self->collection_source, prepare_collection,
                                          g_object_ref (self->user_data), g_object_unref);
  /* The user's own questions are part of every collection. */
  llm_collection_source_watch_also (self->collection_source, llm_user_data_get_my_questions (self->user_data));
  g_signal_connect_object (self->collection_source, "loaded", G_CALLBACK (on_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->collection_source, "failed", G_CALLBACK (on_load_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->collection_source, "notify::loading", G_CALLBACK (on_loading), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->collection_source, "notify::reload-pending",
                           G_CALLBACK (on_reload_pending), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->answer_view, "notify::scroll-offset",
                           G_CALLBACK (_llm_window_remember_place), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (llm_settings_get_gsettings (self->settings), "changed::recent-collections",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
  g_signal_connect (self, "notify::mode", G_CALLBACK (update_held), NULL);
  g_signal_connect_object (self->content_stack, "notify::visible-child-name",
                           G_CALLBACK (update_held), self, G_CONNECT_SWAPPED);
}

void
_llm_window_open_dispose (LlmWindow *self)
{
  /* The widgets disposed next may still change the mode or the page. */
  if (self->collection_source != NULL)
    llm_collection_source_stop (self->collection_source);
  g_clear_object (&self->collection_source);
  stop_progress (self);
  g_clear_object (&self->source);
}

void
_llm_window_open_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, load_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, empty_page);

  gtk_widget_class_install_action (widget_class, "win.open-file", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.show-load-problems", NULL, show_load_problems_action);
}
