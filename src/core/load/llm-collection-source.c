/* llm-collection-source.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-collection.h"
#include "llm-collection-source.h"
#include "llm-file-read.h"
#include "llm-folder-loader.h"

/* Where a collection comes from: a markdown file or a folder, loaded in a
 * thread and watched, so that a change on disk loads it again. As
 * gnome-text-editor's EditorBufferMonitor does for a document, it waits
 * for writes to settle before it reloads, and it holds a reload back
 * while its owner asks it to (a study session runs).
 *
 * Nothing here reads the disk on the calling thread: the loading thread
 * lists the folders it reads, and only watches are set up here, one per
 * folder (GIO watches one folder at a time). Files watched besides the
 * source (the user's own questions) are compared by their contents: a
 * change that leaves them as the last load read them, such as the app's
 * own save, loads nothing again. */

#define RELOAD_DELAY_MS 300

struct _LlmCollectionSource
{
  GObject parent_instance;

  GFile *file;
  GPtrArray *also;            /* GFile: watched besides the source */
  GHashTable *also_digests;   /* URI → checksum, as the last load read them */

  LlmCollectionSourceFunc prepare;
  gpointer prepare_data;
  GDestroyNotify prepare_destroy;

  GPtrArray *monitors;
  GPtrArray *also_monitors;
  GCancellable *cancellable;  /* of the load running, or NULL */
  LlmLoadProgress *progress;  /* of the load running, or NULL */
  guint reload_source;
  gboolean source_changed;    /* not only the files watched besides it */
  gboolean held;
  gboolean reload_pending;
};

G_DEFINE_FINAL_TYPE (LlmCollectionSource, llm_collection_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_LOADING,
  PROP_HELD,
  PROP_RELOAD_PENDING,
  N_PROPS
};

enum {
  LOADED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One load, as the thread sees it: copies, so the thread shares nothing
 * with the main thread but the prepare function's data. */
typedef struct
{
  GFile *file;
  gboolean reload;
  GPtrArray *also;
  GHashTable *old_digests;   /* set: load nothing if these still hold */
  LlmLoadProgress *progress;
  LlmCollectionSourceFunc prepare;
  gpointer prepare_data;

  GHashTable *digests;
  GPtrArray *watch;          /* GFile: the folders read */
  gboolean unchanged;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->file);
  g_clear_pointer (&load->also, g_ptr_array_unref);
  g_clear_pointer (&load->old_digests, g_hash_table_unref);
  g_clear_pointer (&load->progress, llm_load_progress_unref);
  g_clear_pointer (&load->digests, g_hash_table_unref);
  g_clear_pointer (&load->watch, g_ptr_array_unref);
  g_free (load);
}

static GHashTable *
digest_files (GPtrArray    *files,
              GCancellable *cancellable)
{
  GHashTable *digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      gsize length = 0;
      char *digest;

      /* A file that is missing or unreadable has no digest to match. */
      if (llm_file_read_at_most (file, LLM_FILE_READ_OPENED_MAX_BYTES, cancellable,
                                 &contents, &length, NULL))
        digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
      else
        digest = g_strdup ("");
      g_hash_table_insert (digests, g_file_get_uri (file), digest);
    }

  return digests;
}

static gboolean
digests_equal (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;

  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;
  LlmCollection *collection;

  load->digests = digest_files (load->also, cancellable);
  if (load->old_digests != NULL && digests_equal (load->old_digests, load->digests))
    {
      load->unchanged = TRUE;
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  load->watch = g_ptr_array_new_with_free_func (g_object_unref);
  collection = llm_collection_load_path_full (load->file, load->progress, load->watch, cancellable, &error);
  if (collection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (load->prepare != NULL)
    load->prepare (load->file, collection, load->prepare_data);
  g_task_return_pointer (task, collection, g_object_unref);
}

/* Watching ---------------------------------------------------------------- */

static void reload (LlmCollectionSource *self);

static void
set_reload_pending (LlmCollectionSource *self,
                    gboolean             pending)
{
  if (self->reload_pending == pending)
    return;

  self->reload_pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELOAD_PENDING]);
}

/* Only the files watched besides it changed, and they read as the last
 * load read them (written again as they were, their folder made): a held
 * source has nothing to wait for, and nothing to tell. They are small
 * (my-questions.md), so this reads them here. */
static gboolean
also_unchanged (LlmCollectionSource *self)
{
  g_autoptr(GHashTable) digests = NULL;

  if (self->source_changed || self->also_digests == NULL)
    return FALSE;

  digests = digest_files (self->also, NULL);
  return digests_equal (self->also_digests, digests);
}

static gboolean
reload_timeout (gpointer data)
{
  LlmCollectionSource *self = data;

  self->reload_source = 0;
  if (!self->held)
    reload (self);
  else if (!also_unchanged (self))
    set_reload_pending (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (LlmCollectionSource *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout, self);
}

static void
on_changed (LlmCollectionSource *self,
            GFile               *file,
            GFile               *other,
            GFileMonitorEvent    event,
            GFileMonitor        *monitor)
{
  /* Editors write in steps; the timeout waits for them to settle. */
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  if (!g_ptr_array_find (self->also_monitors, monitor, NULL))
    self->source_changed = TRUE;
  schedule_reload (self);
}

static void
watch (LlmCollectionSource *self,
       GPtrArray           *monitors,
       GFile               *file,
       gboolean             directory)
{
  g_autoptr(GFileMonitor) monitor = NULL;

  /* The app's own resources never change. */
  if (!g_file_is_native (file))
    return;

  monitor = directory ? g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL)
                      : g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;

  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (monitors, g_steal_pointer (&monitor));
}

/* @folders: those the load read, or %NULL or none for a single file. */
static void
watch_source (LlmCollectionSource *self,
              GPtrArray           *folders)
{
  g_ptr_array_set_size (self->monitors, 0);
  g_ptr_array_set_size (self->also_monitors, 0);

  for (guint i = 0; i < self->also->len; i++)
    watch (self, self->also_monitors, g_ptr_array_index (self->also, i), FALSE);

  if (folders == NULL || folders->len == 0)
    watch (self, self->monitors, self->file, FALSE);
  else
    for (guint i = 0; i < folders->len; i++)
      watch (self, self->monitors, g_ptr_array_index (folders, i), TRUE);
}

/* Loading ----------------------------------------------------------------- */

static void
cancel_load (LlmCollectionSource *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->progress, llm_load_progress_unref);
}

static void
set_file (LlmCollectionSource *self,
          GFile               *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LlmCollectionSource *self = LLM_COLLECTION_SOURCE (object);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  collection = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer load, or a stop, took over. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  cancel_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (load->unchanged)
    return;

  if (collection == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error, load->reload);
      return;
    }

  /* Its owner began something the reload would end: load again later. */
  if (load->reload && self->held)
    {
      self->source_changed = TRUE;
      set_reload_pending (self, TRUE);
      return;
    }

  g_clear_pointer (&self->also_digests, g_hash_table_unref);
  self->also_digests = g_steal_pointer (&load->digests);
  set_file (self, load->file);
  watch_source (self, load->watch);
  g_signal_emit (self, signals[LOADED], 0, collection, load->reload);
}

static void
start_load (LlmCollectionSource *self,
            GFile               *file,
            gboolean             reload)
{
  g_autoptr(GTask) task = NULL;
  Load *load = g_new0 (Load, 1);

  cancel_load (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->cancellable = g_cancellable_new ();
  self->progress = llm_load_progress_new ();

  load->file = g_object_ref (file);
  load->reload = reload;
  load->also = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->also->len; i++)
    g_ptr_array_add (load->also, g_object_ref (g_ptr_array_index (self->also, i)));
  /* Only the files watched besides it changed: maybe not at all. */
  if (reload && !self->source_changed && self->also_digests != NULL)
    load->old_digests = g_hash_table_ref (self->also_digests);
  self->source_changed = FALSE;
  load->progress = llm_load_progress_ref (self->progress);
  load->prepare = self->prepare;
  load->prepare_data = self->prepare_data;

  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, load, (GDestroyNotify)load_free);
  g_task_run_in_thread (task, load_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
reload (LlmCollectionSource *self)
{
  if (self->file == NULL)
    return;

  if (self->held)
    {
      self->source_changed = TRUE;
      set_reload_pending (self, TRUE);
      return;
    }

  set_reload_pending (self, FALSE);
  start_load (self, self->file, TRUE);
}

/* The object ------------------------------------------------------------- */

static void
llm_collection_source_dispose (GObject *object)
{
  LlmCollectionSource *self = (LlmCollectionSource *)object;

  llm_collection_source_stop (self);

  G_OBJECT_CLASS (llm_collection_source_parent_class)->dispose (object);
}

static void
llm_collection_source_finalize (GObject *object)
{
  LlmCollectionSource *self = (LlmCollectionSource *)object;

  if (self->prepare_destroy != NULL)
    self->prepare_destroy (self->prepare_data);
  g_clear_object (&self->file);
  g_clear_pointer (&self->also, g_ptr_array_unref);
  g_clear_pointer (&self->also_digests, g_hash_table_unref);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_clear_pointer (&self->also_monitors, g_ptr_array_unref);

  G_OBJECT_CLASS (llm_collection_source_parent_class)->finalize (object);
}

static void
llm_collection_source_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LlmCollectionSource *self = LLM_COLLECTION_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    case PROP_HELD:
      g_value_set_boolean (value, self->held);
      break;

    case PROP_RELOAD_PENDING:
      g_value_set_boolean (value, self->reload_pending);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_collection_source_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LlmCollectionSource *self = LLM_COLLECTION_SOURCE (object);

  switch (prop_id)
    {
    case PROP_HELD:
      llm_collection_source_set_held (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_collection_source_class_init (LlmCollectionSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = llm_collection_source_dispose;
  object_class->finalize = llm_collection_source_finalize;
  object_class->get_property = llm_collection_source_get_property;
  object_class->set_property = llm_collection_source_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LlmCollectionSource:held:
   *
   * While set, a change on disk is remembered in
   * #LlmCollectionSource:reload-pending instead of loaded; it is loaded
   * once this is unset.
   */
  properties[PROP_HELD] =
    g_param_spec_boolean ("held", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELOAD_PENDING] =
    g_param_spec_boolean ("reload-pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlmCollectionSource::loaded:
   * @collection: the collection, complete and read-only from now on
   * @reload: whether it was loaded again after a change
   */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, LLM_TYPE_COLLECTION, G_TYPE_BOOLEAN);
  /**
   * LlmCollectionSource::failed:
   * @error: what went wrong
   * @reload: whether it was a reload; the collection loaded before stays
   *   the last good one
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_ERROR, G_TYPE_BOOLEAN);
}

static void
llm_collection_source_init (LlmCollectionSource *self)
{
  self->also = g_ptr_array_new_with_free_func (g_object_unref);
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  self->also_monitors = g_ptr_array_new_with_free_func (g_object_unref);
}

LlmCollectionSource *
llm_collection_source_new (void)
{
  return g_object_new (LLM_TYPE_COLLECTION_SOURCE, NULL);
}

/**
 * llm_collection_source_set_prepare_func:
 * @func: (nullable): run in the loading thread on each new collection
 *
 * Set it before the first load: @user_data is used from the thread.
 */
void
llm_collection_source_set_prepare_func (LlmCollectionSource     *self,
                                        LlmCollectionSourceFunc  func,
                                        gpointer                 user_data,
                                        GDestroyNotify           destroy)
{
  g_return_if_fail (LLM_IS_COLLECTION_SOURCE (self));

  if (self->prepare_destroy != NULL)
    self->prepare_destroy (self->prepare_data);
  self->prepare = func;
  self->prepare_data = user_data;
  self->prepare_destroy = destroy;
}

/**
 * llm_collection_source_watch_also:
 * @file: a file that is part of every collection (my-questions.md)
 *
 * Watches @file besides the file or folder opened: a change to it loads
 * the collection again, unless its contents are what the last load read.
 */
void
llm_collection_source_watch_also (LlmCollectionSource *self,
                                  GFile               *file)
{
  g_return_if_fail (LLM_IS_COLLECTION_SOURCE (self));
  g_return_if_fail (G_IS_FILE (file));

  g_ptr_array_add (self->also, g_object_ref (file));
}

/**
 * llm_collection_source_open:
 * @file: a markdown file or a folder of them
 *
 * Loads @file in a thread, ending any load under way; #LlmCollectionSource::loaded
 * or #LlmCollectionSource::failed follows. Once loaded, @file is watched.
 */
void
llm_collection_source_open (LlmCollectionSource *self,
                            GFile               *file)
{
  g_return_if_fail (LLM_IS_COLLECTION_SOURCE (self));
  g_return_if_fail (G_IS_FILE (file));

  start_load (self, file, FALSE);
}

/**
 * llm_collection_source_adopt:
 * @file: what the caller loaded itself
 *
 * Watches @file (and the files watched besides it) as if it had been
 * loaded here, so that a change loads it again in a thread.
 */
void
llm_collection_source_adopt (LlmCollectionSource *self,
                             GFile               *file)
{
  g_return_if_fail (LLM_IS_COLLECTION_SOURCE (self));
  g_return_if_fail (G_IS_FILE (file));

  llm_collection_source_stop (self);
  set_file (self, file);
  watch_source (self, NULL);
}

/**
 * llm_collection_source_reload:
 *
 * Loads the file again now, or once no longer held.
 */
void
llm_collection_source_reload (LlmCollectionSource *self)
{
  g_return_if_fail (LLM_IS_COLLECTION_SOURCE (self));

  /* Asked for, not seen: nothing to compare with. */
  self->source_changed = TRUE;
  reload (self);
}

/**
 * llm_collection_source_stop:
 *
 * Ends the load under way and the watching, as before disposing.
 */
void
llm_collection_source_stop (LlmCollectionSource *self)
{
  gboolean loading;

  g_return_if_fail (LLM_IS_COLLECTION_SOURCE (self));

  loading = self->cancellable != NULL;
  cancel_load (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  set_reload_pending (self, FALSE);
  if (self->monitors != NULL)
    g_ptr_array_set_size (self->monitors, 0);
  if (self->also_monitors != NULL)
    g_ptr_array_set_size (self->also_monitors, 0);
  g_clear_pointer (&self->also_digests, g_hash_table_unref);
  if (loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * llm_collection_source_get_file:
 *
 * Returns: (transfer none) (nullable): the file or folder last loaded
 */
GFile *
llm_collection_source_get_file (LlmCollectionSource *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION_SOURCE (self), NULL);

  return self->file;
}

gboolean
llm_collection_source_get_loading (LlmCollectionSource *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION_SOURCE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * llm_collection_source_get_progress:
 *
 * Returns: (transfer none) (nullable): how far the load under way has
 *   come, or %NULL when none is
 */
LlmLoadProgress *
llm_collection_source_get_progress (LlmCollectionSource *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION_SOURCE (self), NULL);

  return self->progress;
}

gboolean
llm_collection_source_get_held (LlmCollectionSource *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION_SOURCE (self), FALSE);

  return self->held;
}

void
llm_collection_source_set_held (LlmCollectionSource *self,
                                gboolean             held)
{
  g_return_if_fail (LLM_IS_COLLECTION_SOURCE (self));

  held = !!held;
  if (self->held == held)
    return;

  self->held = held;
  /* What changed meanwhile is read once writes had time to settle. */
  if (!held && self->reload_pending)
    schedule_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD]);
}

gboolean
llm_collection_source_get_reload_pending (LlmCollectionSource *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION_SOURCE (self), FALSE);

  return self->reload_pending;
}

/* A load alone, for callers that do not watch ------------------------- */

static void
load_path_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "llm-file");
  LlmCollection *collection;
  GError *error = NULL;

  collection = llm_collection_load_path_full (file, task_data, NULL, cancellable, &error);
  if (collection == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, collection, g_object_unref);
}

/**
 * llm_collection_load_path_async:
 * @file: a markdown file or a folder of them
 * @progress: (nullable): a counter to update while loading
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context once loaded
 *
 * Loads as llm_collection_load_path() does, in a thread, so that a large
 * folder does not stop the window.
 */
void
llm_collection_load_path_async (GFile               *file,
                                LlmLoadProgress     *progress,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, llm_collection_load_path_async);
  g_object_set_data_full (G_OBJECT (task), "llm-file", g_object_ref (file), g_object_unref);
  if (progress != NULL)
    g_task_set_task_data (task, llm_load_progress_ref (progress),
                          (GDestroyNotify)llm_load_progress_unref);
  g_task_run_in_thread (task, load_path_thread);
}

/**
 * llm_collection_load_path_finish:
 *
 * Returns: (transfer full): the collection, or %NULL with @error set
 */
LlmCollection *
llm_collection_load_path_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == llm_collection_load_path_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
