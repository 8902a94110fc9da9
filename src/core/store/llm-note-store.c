/* llm-note-store.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Personal notes: one plain markdown file per question, <folder>/<id>.md,
 * with a header saying what it is about (llm-note-format.c), read and
 * written through llm-note-file.c. This file owns the store itself: the
 * public API, what it last saw of each note to tell a sync tool's write
 * from its own, the "changed" signal, conflict copies and the previews.
 *
 * A save killed midway leaves "<id>.md.XXXXXX"; it is recovered
 * (llm_note_store_recover()) at start and before each save of its note.
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "llm-note-file.h"
#include "llm-note-format.h"
#include "llm-note-store.h"
#include "llm-text.h"

#define PREVIEW_CHARS 80

/* What the store last saw of one note, to tell a sync tool's write from its
 * own. A checksum of the whole file rather than its mtime and size: a sync
 * tool may set any mtime, a rewrite may keep the size, and a mere touch is
 * not a change worth a conflict. */
typedef struct
{
  gboolean  exists;
  char     *checksum;
  char     *title;
  char     *topic;
} NoteState;

struct _LlmNoteStore
{
  GObject parent_instance;

  GFile *dir;
  char *path;
  GHashTable *states;  /* id → NoteState */
  guint n_changes;     /* saves and deletes, to spot one during a read */
};

G_DEFINE_FINAL_TYPE (LlmNoteStore, llm_note_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
note_state_free (gpointer data)
{
  NoteState *state = data;

  g_free (state->checksum);
  g_free (state->title);
  g_free (state->topic);
  g_free (state);
}

static void
llm_note_store_finalize (GObject *object)
{
  LlmNoteStore *self = (LlmNoteStore *)object;

  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->dir);

  G_OBJECT_CLASS (llm_note_store_parent_class)->finalize (object);
}

static void
llm_note_store_class_init (LlmNoteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_note_store_finalize;

  /**
   * LlmNoteStore::changed:
   * @id: the question id
   * @body: (nullable): the note now, or %NULL once it is deleted
   *
   * Emitted after a note is saved or deleted through this store, whoever
   * did it, so every view and search index of the notes follows.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
llm_note_store_init (LlmNoteStore *self)
{
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, note_state_free);
}

/**
 * llm_note_store_new:
 * @dir: the notes folder, which need not exist yet
 *
 * The folder is created on the first save, so merely opening the app does
 * not litter the data directory.
 */
LlmNoteStore *
llm_note_store_new (GFile *dir)
{
  g_autofree char *path = NULL;
  LlmNoteStore *self;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  path = g_file_get_path (dir);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LLM_TYPE_NOTE_STORE, NULL);
  self->dir = g_object_ref (dir);
  self->path = g_steal_pointer (&path);

  return self;
}

/**
 * llm_note_store_get_directory:
 *
 * Returns: (transfer none): the notes folder
 */
GFile *
llm_note_store_get_directory (LlmNoteStore *self)
{
  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);

  return self->dir;
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  g_autofree char *display = NULL;

  if (llm_note_file_id_is_valid (id))
    return TRUE;

  display = g_utf8_make_valid (id, -1);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
               "“%s” cannot name a note file", display);
  return FALSE;
}

static char *
note_path (LlmNoteStore *self,
           const char   *id)
{
  return llm_note_file_path (self->path, id);
}

static NoteState *
remember (LlmNoteStore *self,
          const char   *id,
          gboolean      exists,
          char         *checksum,
          char         *title,
          char         *topic)
{
  NoteState *state = g_hash_table_lookup (self->states, id);

  if (state == NULL)
    {
      state = g_new0 (NoteState, 1);
      g_hash_table_insert (self->states, g_strdup (id), state);
    }

  state->exists = exists;
  g_free (state->checksum);
  state->checksum = checksum;

  /* Kept across a delete: a conflict copy made later still says what it
   * is about. */
  if (title != NULL)
    {
      g_free (state->title);
      state->title = title;
    }
  if (topic != NULL)
    {
      g_free (state->topic);
      state->topic = topic;
    }

  return state;
}

/* Reads the note of @id: its body (NULL when there is none), the title
 * and topic of its header, and the file's checksum. Changes nothing in
 * the store, so any thread may call it. */
static gboolean
read_parts (LlmNoteStore  *self,
            const char    *id,
            char         **body,
            char         **title,
            char         **topic,
            char         **checksum,
            GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  *body = *title = *topic = NULL;
  if (!check_id (id, error))
    return FALSE;

  path = note_path (self, id);
  if (!llm_note_file_read (path, &text, checksum, error))
    return FALSE;

  if (text != NULL)
    *body = g_strdup (llm_note_format_split (text, title, topic));
  return TRUE;
}

/**
 * llm_note_store_load:
 * @id: the question id
 * @error: return location for a #GError
 *
 * Reads the note's body and remembers the file as it was, for
 * llm_note_store_changed_on_disk().
 *
 * Returns: (transfer full) (nullable): the body, or %NULL when there is no
 *   note (without an error) or it cannot be read (with one)
 */
char *
llm_note_store_load (LlmNoteStore  *self,
                     const char    *id,
                     GError       **error)
{
  g_autofree char *checksum = NULL;
  char *body, *title, *topic;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_parts (self, id, &body, &title, &topic, &checksum, error))
    return NULL;

  remember (self, id, body != NULL, g_steal_pointer (&checksum), title, topic);
  return body;
}

/**
 * llm_note_store_read:
 * @id: the question id
 * @error: return location for a #GError
 *
 * Reads the note's body and remembers nothing, so it may be called from
 * any thread (an export, a search index) while the main thread edits:
 * it touches only the folder's path, which never changes.
 *
 * Returns: (transfer full) (nullable): the body, or %NULL when there is no
 *   note (without an error) or it cannot be read (with one)
 */
char *
llm_note_store_read (LlmNoteStore  *self,
                     const char    *id,
                     GError       **error)
{
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;
  char *body;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_parts (self, id, &body, &title, &topic, NULL, error))
    return NULL;

  return body;
}

/**
 * llm_note_store_save:
 * @id: the question id
 * @title: (nullable): the question's title, for the header
 * @topic: (nullable): the question's topic, for the header
 * @body: the note
 * @error: return location for a #GError
 *
 * Replaces the note atomically and durably; a blank @body deletes it, so
 * clearing a note leaves no empty file behind. On failure the file on disk
 * is untouched and the caller still holds @body.
 *
 * The note is overwritten even if it changed on disk: ask
 * llm_note_store_changed_on_disk() first to keep the other version.
 *
 * Returns: %TRUE on success
 */
gboolean
llm_note_store_save (LlmNoteStore  *self,
                     const char    *id,
                     const char    *title,
                     const char    *topic,
                     const char    *body,
                     GError       **error)
{
  g_autoptr(GString) contents = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;

  if (llm_text_is_blank (body, -1))
    return llm_note_store_delete (self, id, error);

  contents = llm_note_format_compose (title, topic, body);
  path = note_path (self, id);

  /* An earlier save of this note killed midway must not be lost under
   * this one. */
  llm_note_store_recover (self, id);

  if (!llm_note_file_write (self->path, path, contents->str, contents->len, error))
    return FALSE;

  remember (self, id, TRUE, llm_note_file_checksum (contents->str, contents->len),
            g_strdup (title), g_strdup (topic));
  self->n_changes++;
  g_signal_emit (self, signals[CHANGED], 0, id, body);

  return TRUE;
}

/**
 * llm_note_store_delete:
 * @id: the question id
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the note is gone, including when there was none
 */
gboolean
llm_note_store_delete (LlmNoteStore  *self,
                       const char    *id,
                       GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;

  path = note_path (self, id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      llm_note_file_set_error (error, saved_errno, "Could not delete the note", path);
      return FALSE;
    }

  remember (self, id, FALSE, NULL, NULL, NULL);
  self->n_changes++;
  g_signal_emit (self, signals[CHANGED], 0, id, NULL);

  return TRUE;
}

/**
 * llm_note_store_list_ids:
 *
 * Returns: (transfer full): the ids that have a note, sorted
 */
GStrv
llm_note_store_list_ids (LlmNoteStore *self)
{
  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);

  return llm_note_file_list (self->path, FALSE, NULL);
}

/**
 * llm_note_store_list_conflicts:
 * @id: (nullable): only the copies of this note
 *
 * Lists the copies kept after a sync conflict, ours and a sync tool's
 * ("<id>.<anything>.md"), so the app can show them next to the note.
 *
 * Returns: (transfer full): their paths, sorted, so oldest first for ours
 */
GStrv
llm_note_store_list_conflicts (LlmNoteStore *self,
                               const char   *id)
{
  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);

  if (id != NULL && !llm_note_file_id_is_valid (id))
    return g_new0 (char *, 1);

  return llm_note_file_list (self->path, TRUE, id);
}

/**
 * llm_note_store_preview:
 * @id: the question id
 *
 * For a list of notes: the first line of the body with any text, as
 * text (no markdown markers or markup), trimmed and cut at a character to
 * at most 80 characters. Does not count as a
 * load for llm_note_store_changed_on_disk().
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when there is no
 *   note, no text in it, or it cannot be read
 */
char *
llm_note_store_preview (LlmNoteStore *self,
                        const char   *id)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;
  const char *p;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!llm_note_file_id_is_valid (id))
    return NULL;

  path = note_path (self, id);
  if (!llm_note_file_read (path, &text, NULL, NULL) || text == NULL)
    return NULL;

  p = llm_note_format_split (text, &title, &topic);

  while (p != NULL)
    {
      const char *line = p;
      g_autofree char *trimmed = NULL;
      gsize length;

      p = llm_note_format_next_line (line, &length);
      trimmed = g_strndup (line, length);
      g_strstrip (trimmed);
      if (llm_text_is_blank (trimmed, -1))
        continue;
      {
        char *plain = llm_note_format_preview_line (trimmed);

        g_free (trimmed);
        trimmed = plain;
      }
      if (llm_text_is_blank (trimmed, -1))
        continue;

      if (g_utf8_strlen (trimmed, -1) > PREVIEW_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (trimmed, 0, PREVIEW_CHARS - 1);

          return g_strconcat (cut, "…", NULL);
        }

      return g_steal_pointer (&trimmed);
    }

  return NULL;
}

/* In a worker thread: only files are read, and self->path never changes. */
static void
list_previews_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  LlmNoteStore *self = source_object;
  g_auto(GStrv) ids = llm_note_store_list_ids (self);
  g_autoptr(GHashTable) previews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      char *preview = llm_note_store_preview (self, ids[i]);

      if (g_task_return_error_if_cancelled (task))
        {
          g_free (preview);
          return;
        }
      g_hash_table_insert (previews, g_strdup (ids[i]), preview ? preview : g_strdup (""));
    }
  g_task_return_pointer (task, g_steal_pointer (&previews), (GDestroyNotify) g_hash_table_unref);
}

static void list_previews (GTask *task);

static void
on_previews_listed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LlmNoteStore *self = g_task_get_source_object (task);
  g_autoptr(GHashTable) previews = NULL;
  GError *error = NULL;

  previews = g_task_propagate_pointer (G_TASK (result), &error);
  if (previews == NULL)
    g_task_return_error (task, error);
  /* A note saved or deleted meanwhile may be missing or stale in what
   * was read, so read again. */
  else if (GPOINTER_TO_UINT (g_task_get_task_data (task)) != self->n_changes)
    list_previews (g_steal_pointer (&task));
  else
    g_task_return_pointer (task, g_steal_pointer (&previews), (GDestroyNotify) g_hash_table_unref);
}

static void
list_previews (GTask *task)
{
  LlmNoteStore *self = g_task_get_source_object (task);
  g_autoptr(GTask) worker = g_task_new (self, g_task_get_cancellable (task), on_previews_listed, task);

  g_task_set_task_data (task, GUINT_TO_POINTER (self->n_changes), NULL);
  g_task_set_source_tag (worker, list_previews);
  g_task_run_in_thread (worker, list_previews_in_thread);
}

/**
 * llm_note_store_list_previews_async:
 *
 * Reads the first line of every note without blocking the main loop, for
 * the marks a list of questions shows. Notes may be saved meanwhile: what
 * comes back is as new as they are.
 */
void
llm_note_store_list_previews_async (LlmNoteStore        *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (LLM_IS_NOTE_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, llm_note_store_list_previews_async);
  list_previews (task);
}

/**
 * llm_note_store_list_previews_finish:
 *
 * Returns: (transfer full): note id → its preview ("" for a note with no
 *   text line), or %NULL with @error set
 */
GHashTable *
llm_note_store_list_previews_finish (LlmNoteStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * llm_note_store_read_header:
 * @id: the question id
 * @title: (out) (optional) (transfer full): the question's title
 * @topic: (out) (optional) (transfer full): its topic
 *
 * Tells what a note is about from its file alone, for a note whose
 * question is no longer in the collection.
 *
 * Returns: %TRUE if the note exists and has a header
 */
gboolean
llm_note_store_read_header (LlmNoteStore  *self,
                            const char    *id,
                            char         **title,
                            char         **topic)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *found_title = NULL;
  g_autofree char *found_topic = NULL;

  if (title)
    *title = NULL;
  if (topic)
    *topic = NULL;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!llm_note_file_id_is_valid (id))
    return FALSE;

  path = note_path (self, id);
  if (!llm_note_file_read (path, &text, NULL, NULL) || text == NULL)
    return FALSE;

  llm_note_format_split (text, &found_title, &found_topic);
  if (found_title == NULL)
    return FALSE;

  if (title)
    *title = g_steal_pointer (&found_title);
  if (topic)
    *topic = found_topic ? g_steal_pointer (&found_topic) : g_strdup ("");

  return TRUE;
}

/**
 * llm_note_store_changed_on_disk:
 * @id: the question id
 *
 * Tells whether the note's file differs from what this store last loaded
 * or saved: a sync tool wrote, created or deleted it. A note the store has
 * never seen counts as expected absent, so a file that appeared from
 * elsewhere is a change. A touch that keeps the contents is not.
 *
 * Returns: %TRUE if saving now would overwrite something unseen
 */
gboolean
llm_note_store_changed_on_disk (LlmNoteStore *self,
                                const char   *id)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *checksum = NULL;
  NoteState *state;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!llm_note_file_id_is_valid (id))
    return FALSE;

  path = note_path (self, id);

  /* Unreadable is not known to be unchanged: let the app look before it
   * overwrites. */
  if (!llm_note_file_read (path, &text, &checksum, NULL))
    return TRUE;

  state = g_hash_table_lookup (self->states, id);

  if (state == NULL || !state->exists)
    return text != NULL;

  return text == NULL || g_strcmp0 (checksum, state->checksum) != 0;
}

/**
 * llm_note_store_monitor_note:
 * @id: the question id
 *
 * Watches the note's file, for a sync tool or another window writing it.
 * The notes folder is made first: GLib polls a path whose folder is
 * missing every few seconds, which would wake an idle app, and the store
 * makes the folder on its first save anyway. Callers act on
 * %G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT, once a write has finished, and
 * ask llm_note_store_changed_on_disk() whether it was someone else's.
 *
 * Returns: (transfer full) (nullable): the monitor, or %NULL if @id cannot
 *   name a note or the file cannot be watched
 */
GFileMonitor *
llm_note_store_monitor_note (LlmNoteStore *self,
                             const char   *id)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!llm_note_file_id_is_valid (id))
    return NULL;

  g_mkdir_with_parents (self->path, 0700);
  path = note_path (self, id);
  file = g_file_new_for_path (path);

  return g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
}

/**
 * llm_note_store_recover:
 * @id: (nullable): only this note's leftovers
 *
 * Looks for the temporary files of saves that were killed ("<id>.md.XXXXXX"):
 * one newer than its note becomes a conflict copy, listed by
 * llm_note_store_list_conflicts() beside the note; the others are
 * removed. The app does this at start, and llm_note_store_save() before
 * each save of a note.
 *
 * Returns: how many conflict copies were kept
 */
guint
llm_note_store_recover (LlmNoteStore *self,
                        const char   *id)
{
  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), 0);

  return llm_note_file_recover (self->path, id);
}

/**
 * llm_note_store_save_conflict_copy:
 * @id: the question id
 * @body: the version to keep aside
 * @error: return location for a #GError
 *
 * Writes @body next to the note as <id>.conflict-<UTC time>.md, with the
 * header of the note as last seen, so that neither version of a conflict
 * is lost. The note itself and what the store remembers of it are left
 * alone.
 *
 * Returns: (transfer full) (nullable): the copy's path, or %NULL on error
 */
char *
llm_note_store_save_conflict_copy (LlmNoteStore  *self,
                                   const char    *id,
                                   const char    *body,
                                   GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GString) contents = NULL;
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *path = NULL;
  NoteState *state;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_id (id, error))
    return NULL;

  state = g_hash_table_lookup (self->states, id);
  if (state != NULL && state->title != NULL)
    {
      title = g_strdup (state->title);
      topic = g_strdup (state->topic);
    }
  else
    llm_note_store_read_header (self, id, &title, &topic);

  now = g_date_time_new_now_utc ();
  path = llm_note_file_conflict_path (self->path, id, now);

  contents = llm_note_format_compose (title, topic, body);
  if (!llm_note_file_write (self->path, path, contents->str, contents->len, error))
    return NULL;

  return g_steal_pointer (&path);
}

/**
 * llm_note_store_load_conflict:
 * @path: a path from llm_note_store_list_conflicts()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the copy's body, without its header
 */
char *
llm_note_store_load_conflict (LlmNoteStore  *self,
                              const char    *path,
                              GError       **error)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!llm_note_file_read (path, &text, NULL, error))
    return NULL;

  if (text == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "The conflict copy “%s” is gone", display);
      return NULL;
    }

  return g_strdup (llm_note_format_split (text, &title, &topic));
}
