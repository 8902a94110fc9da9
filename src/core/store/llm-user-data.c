/* llm-user-data.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Everything the user made, in one folder, with one owner:
 *
 *   <dir>/notes/<id>.md       personal notes (LlmNoteStore)
 *   <dir>/reviews.log         every self-test grade (LlmStudy, one for all)
 *   <dir>/interviews/         saved mock-interview reports
 *   <dir>/my-questions.md     the user's own questions
 *
 * The application makes one of these and hands it to each window, to
 * GNOME Shell's search and to the command line, so that every part of the
 * app sees the same notes through the same store, and a note saved by one
 * is found by the search of another. Creating it does no I/O: the folder is
 * made by the first save. */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-bookmarks.h"
#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-my-questions.h"
#include "llm-question.h"
#include "llm-study.h"
#include "llm-user-data.h"

typedef enum {
  STUDY_UNREAD,
  STUDY_READING,
  STUDY_READ,
} StudyState;

struct _LlmUserData
{
  GObject parent_instance;

  GFile *dir;
  GFile *review_log;
  GFile *interviews_dir;
  GFile *my_questions;
  LlmNoteStore *note_store;
  GSettings *settings;
  LlmBookmarks *bookmarks;

  LlmStudy *study;
  StudyState study_state;
  GError *study_error;      /* why the log could not be read, once read */
  GPtrArray *study_waiters; /* GTasks waiting for the first read */
};

G_DEFINE_FINAL_TYPE (LlmUserData, llm_user_data, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIR,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
llm_user_data_constructed (GObject *object)
{
  LlmUserData *self = (LlmUserData *)object;
  g_autoptr(GFile) notes_dir = NULL;

  G_OBJECT_CLASS (llm_user_data_parent_class)->constructed (object);

  if (self->dir == NULL)
    self->dir = llm_user_data_dup_default_dir ();

  notes_dir = g_file_get_child (self->dir, "notes");
  self->note_store = llm_note_store_new (notes_dir);
  self->review_log = g_file_get_child (self->dir, "reviews.log");
  self->study = llm_study_new (self->review_log);
  self->interviews_dir = g_file_get_child (self->dir, "interviews");
  self->my_questions = g_file_get_child (self->dir, "my-questions.md");
  if (self->settings != NULL)
    self->bookmarks = llm_bookmarks_new (self->settings);
}

static void
llm_user_data_finalize (GObject *object)
{
  LlmUserData *self = (LlmUserData *)object;

  g_clear_object (&self->note_store);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->settings);
  g_clear_object (&self->study);
  g_clear_error (&self->study_error);
  g_clear_pointer (&self->study_waiters, g_ptr_array_unref);
  g_clear_object (&self->my_questions);
  g_clear_object (&self->interviews_dir);
  g_clear_object (&self->review_log);
  g_clear_object (&self->dir);

  G_OBJECT_CLASS (llm_user_data_parent_class)->finalize (object);
}

static void
llm_user_data_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlmUserData *self = LLM_USER_DATA (object);

  switch (prop_id)
    {
    case PROP_DIR:
      g_value_set_object (value, self->dir);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_user_data_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlmUserData *self = LLM_USER_DATA (object);

  switch (prop_id)
    {
    case PROP_DIR:
      self->dir = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_user_data_class_init (LlmUserDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = llm_user_data_constructed;
  object_class->finalize = llm_user_data_finalize;
  object_class->get_property = llm_user_data_get_property;
  object_class->set_property = llm_user_data_set_property;

  /**
   * LlmUserData:dir:
   *
   * The data folder; %NULL at construction means the default one.
   */
  properties[PROP_DIR] =
    g_param_spec_object ("dir", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlmUserData:settings:
   *
   * The app's settings, which keep the bookmarks; without them (the
   * command line, the core tests) there are none.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llm_user_data_init (LlmUserData *self)
{
  self->study_waiters = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * llm_user_data_dup_default_dir:
 *
 * The one place that names the data folder.
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/com.example.LLMNotes`
 */
GFile *
llm_user_data_dup_default_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);

  return g_file_new_for_path (path);
}

/**
 * llm_user_data_new:
 * @dir: (nullable): the data folder, or %NULL for the default one
 *
 * Returns: (transfer full): the user's data in @dir
 */
LlmUserData *
llm_user_data_new (GFile *dir)
{
  g_return_val_if_fail (dir == NULL || G_IS_FILE (dir), NULL);

  return g_object_new (LLM_TYPE_USER_DATA, "dir", dir, NULL);
}

/**
 * llm_user_data_new_with_settings:
 * @dir: (nullable): the data folder, or %NULL for the default one
 * @settings: the app's settings, for the bookmarks
 *
 * Returns: (transfer full): the user's data in @dir, with bookmarks
 */
LlmUserData *
llm_user_data_new_with_settings (GFile     *dir,
                                 GSettings *settings)
{
  g_return_val_if_fail (dir == NULL || G_IS_FILE (dir), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LLM_TYPE_USER_DATA, "dir", dir, "settings", settings, NULL);
}

/**
 * llm_user_data_get_dir:
 *
 * Returns: (transfer none): the data folder, which may not exist yet
 */
GFile *
llm_user_data_get_dir (LlmUserData *self)
{
  g_return_val_if_fail (LLM_IS_USER_DATA (self), NULL);

  return self->dir;
}

/**
 * llm_user_data_get_review_log:
 *
 * Returns: (transfer none): the append-only log of self-test grades
 */
GFile *
llm_user_data_get_review_log (LlmUserData *self)
{
  g_return_val_if_fail (LLM_IS_USER_DATA (self), NULL);

  return self->review_log;
}

/**
 * llm_user_data_get_interviews_dir:
 *
 * Returns: (transfer none): the folder of saved mock-interview reports
 */
GFile *
llm_user_data_get_interviews_dir (LlmUserData *self)
{
  g_return_val_if_fail (LLM_IS_USER_DATA (self), NULL);

  return self->interviews_dir;
}

/**
 * llm_user_data_get_my_questions:
 *
 * Returns: (transfer none): the markdown file of the user's own questions
 */
GFile *
llm_user_data_get_my_questions (LlmUserData *self)
{
  g_return_val_if_fail (LLM_IS_USER_DATA (self), NULL);

  return self->my_questions;
}

/**
 * llm_user_data_get_note_store:
 *
 * Returns: (transfer none): the one store of the user's notes
 */
LlmNoteStore *
llm_user_data_get_note_store (LlmUserData *self)
{
  g_return_val_if_fail (LLM_IS_USER_DATA (self), NULL);

  return self->note_store;
}

/**
 * llm_user_data_get_bookmarks:
 *
 * Returns: (transfer none) (nullable): the one set of bookmarks, shared
 *   by every window, or %NULL for user data made without settings
 */
LlmBookmarks *
llm_user_data_get_bookmarks (LlmUserData *self)
{
  g_return_val_if_fail (LLM_IS_USER_DATA (self), NULL);

  return self->bookmarks;
}

/**
 * llm_user_data_get_study:
 *
 * Every window grades into the same study, so a review in one shows in
 * all of them. It holds no cards until llm_user_data_load_study_async()
 * has read the log.
 *
 * Returns: (transfer none): the user's study state
 */
LlmStudy *
llm_user_data_get_study (LlmUserData *self)
{
  g_return_val_if_fail (LLM_IS_USER_DATA (self), NULL);

  return self->study;
}

static void
return_study_read (LlmUserData *self,
                   GTask       *task)
{
  if (self->study_error != NULL)
    g_task_return_error (task, g_error_copy (self->study_error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_study_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LlmUserData) self = user_data;
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->study_waiters);

  self->study_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->study_state = STUDY_READ;
  llm_study_load_finish (LLM_STUDY (object), result, &self->study_error);
  for (guint i = 0; i < waiters->len; i++)
    return_study_read (self, g_ptr_array_index (waiters, i));
}

/**
 * llm_user_data_load_study_async:
 *
 * Reads the review log into the study, once for the whole program and off
 * the main loop; later calls complete at once with the first one's
 * outcome.
 */
void
llm_user_data_load_study_async (LlmUserData         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LLM_IS_USER_DATA (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, llm_user_data_load_study_async);
  switch (self->study_state)
    {
    case STUDY_READ:
      return_study_read (self, task);
      break;

    case STUDY_UNREAD:
      /* Not the caller's cancellable: other windows wait for this read. */
      self->study_state = STUDY_READING;
      llm_study_load_async (self->study, NULL, on_study_read, g_object_ref (self));
      G_GNUC_FALLTHROUGH;

    case STUDY_READING:
      g_ptr_array_add (self->study_waiters, g_steal_pointer (&task));
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * llm_user_data_load_study_finish:
 *
 * Returns: %FALSE if the review log exists but could not be read
 */
gboolean
llm_user_data_load_study_finish (LlmUserData   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static const char *
lookup_note (const char *id,
             gpointer    user_data)
{
  return g_hash_table_lookup (user_data, id);
}

/**
 * llm_user_data_build_search_index:
 * @collection: the questions to search
 *
 * The one way to build a search index: the questions with the user's
 * notes. Notes are read without being remembered as seen, so this may run
 * in any thread. Keep the index current with the note store's
 * #LlmNoteStore::changed.
 *
 * Returns: (transfer full): a new index
 */
LlmSearchIndex *
llm_user_data_build_search_index (LlmUserData   *self,
                                  LlmCollection *collection)
{
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (LLM_IS_USER_DATA (self), NULL);
  g_return_val_if_fail (LLM_IS_COLLECTION (collection), NULL);

  ids = llm_note_store_list_ids (self->note_store);
  for (guint i = 0; ids[i]; i++)
    {
      char *text = llm_note_store_read (self->note_store, ids[i], NULL);

      if (text != NULL)
        g_hash_table_insert (notes, g_strdup (ids[i]), text);
    }

  return llm_search_index_new (collection, lookup_note, notes);
}

/**
 * llm_user_data_add_my_questions:
 * @collection: a collection just loaded
 *
 * The user's own questions are part of every collection they open.
 */
void
llm_user_data_add_my_questions (LlmUserData   *self,
                                LlmCollection *collection)
{
  g_return_if_fail (LLM_IS_USER_DATA (self));
  g_return_if_fail (LLM_IS_COLLECTION (collection));

  llm_my_questions_merge (collection, g_file_peek_path (self->my_questions));
}

/**
 * llm_user_data_dup_bundled_file:
 *
 * Returns: (transfer full): the interview notes shipped with the app, a
 *   resource of the program
 */
GFile *
llm_user_data_dup_bundled_file (void)
{
  return g_file_new_for_uri ("resource://" RESOURCE_BASE "/collection/llm-interview-notes.md");
}

/**
 * llm_user_data_prepare_collection:
 * @file: what @collection was loaded from
 * @collection: a collection just loaded, not yet shown
 *
 * What every collection opened gets: the user's own questions, and for
 * the bundled notes, their title. Safe in a loading thread.
 */
void
llm_user_data_prepare_collection (LlmUserData   *self,
                                  GFile         *file,
                                  LlmCollection *collection)
{
  g_autoptr(GFile) bundled = llm_user_data_dup_bundled_file ();

  g_return_if_fail (LLM_IS_USER_DATA (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (LLM_IS_COLLECTION (collection));

  if (g_file_equal (file, bundled))
    llm_collection_set_title (collection, _("LLM Interview Notes"));
  llm_user_data_add_my_questions (self, collection);
}

/**
 * llm_user_data_load_bundled:
 *
 * The interview notes shipped with the app, with the user's own questions.
 *
 * Returns: (transfer full): the bundled collection
 */
LlmCollection *
llm_user_data_load_bundled (LlmUserData *self)
{
  g_autoptr(GFile) file = llm_user_data_dup_bundled_file ();
  g_autoptr(GError) error = NULL;
  LlmCollection *collection;

  g_return_val_if_fail (LLM_IS_USER_DATA (self), NULL);

  collection = llm_collection_load_file (file, &error);
  if (collection == NULL)
    g_error ("The bundled notes do not load: %s", error->message);

  llm_user_data_prepare_collection (self, file, collection);
  return collection;
}
