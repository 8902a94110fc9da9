/* llm-note-store.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LLM_TYPE_NOTE_STORE (llm_note_store_get_type())

G_DECLARE_FINAL_TYPE (LlmNoteStore, llm_note_store, LLM, NOTE_STORE, GObject)

LlmNoteStore *llm_note_store_new                (GFile         *dir);
GFile        *llm_note_store_get_directory      (LlmNoteStore  *self);
char         *llm_note_store_read               (LlmNoteStore  *self,
                                                 const char    *id,
                                                 GError       **error);
char         *llm_note_store_load               (LlmNoteStore  *self,
                                                 const char    *id,
                                                 GError       **error);
gboolean      llm_note_store_save               (LlmNoteStore  *self,
                                                 const char    *id,
                                                 const char    *title,
                                                 const char    *topic,
                                                 const char    *body,
                                                 GError       **error);
gboolean      llm_note_store_delete             (LlmNoteStore  *self,
                                                 const char    *id,
                                                 GError       **error);
GStrv         llm_note_store_list_ids           (LlmNoteStore  *self);
char         *llm_note_store_preview            (LlmNoteStore  *self,
                                                 const char    *id);
void          llm_note_store_list_previews_async (LlmNoteStore        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GHashTable   *llm_note_store_list_previews_finish (LlmNoteStore  *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);
gboolean      llm_note_store_read_header        (LlmNoteStore  *self,
                                                 const char    *id,
                                                 char         **title,
                                                 char         **topic);
gboolean      llm_note_store_changed_on_disk    (LlmNoteStore  *self,
                                                 const char    *id);
GFileMonitor *llm_note_store_monitor_note       (LlmNoteStore  *self,
                                                 const char    *id);
char         *llm_note_store_save_conflict_copy (LlmNoteStore  *self,
                                                 const char    *id,
                                                 const char    *body,
                                                 GError       **error);
GStrv         llm_note_store_list_conflicts     (LlmNoteStore  *self,
                                                 const char    *id);
char         *llm_note_store_load_conflict      (LlmNoteStore  *self,
                                                 const char    *path,
                                                 GError       **error);
guint         llm_note_store_recover            (LlmNoteStore  *self,
                                                 const char    *id);

G_END_DECLS
