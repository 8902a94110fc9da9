/* llm-user-data.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-bookmarks.h"
#include "llm-note-store.h"
#include "llm-search.h"
#include "llm-study.h"
#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_USER_DATA (llm_user_data_get_type())

G_DECLARE_FINAL_TYPE (LlmUserData, llm_user_data, LLM, USER_DATA, GObject)

GFile          *llm_user_data_dup_default_dir      (void);
LlmUserData    *llm_user_data_new                  (GFile         *dir);
LlmUserData    *llm_user_data_new_with_settings    (GFile         *dir,
                                                    GSettings     *settings);
GFile          *llm_user_data_get_dir              (LlmUserData   *self);
GFile          *llm_user_data_get_review_log       (LlmUserData   *self);
GFile          *llm_user_data_get_interviews_dir   (LlmUserData   *self);
GFile          *llm_user_data_get_my_questions     (LlmUserData   *self);
LlmNoteStore   *llm_user_data_get_note_store       (LlmUserData   *self);
LlmBookmarks   *llm_user_data_get_bookmarks        (LlmUserData   *self);
LlmStudy       *llm_user_data_get_study            (LlmUserData   *self);
void            llm_user_data_load_study_async     (LlmUserData   *self,
                                                    GCancellable  *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer       user_data);
gboolean        llm_user_data_load_study_finish    (LlmUserData   *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);
LlmSearchIndex *llm_user_data_build_search_index   (LlmUserData   *self,
                                                    LlmCollection *collection);
GFile          *llm_user_data_dup_bundled_file     (void);
LlmCollection  *llm_user_data_load_bundled         (LlmUserData   *self);
void            llm_user_data_prepare_collection   (LlmUserData   *self,
                                                    GFile         *file,
                                                    LlmCollection *collection);
void            llm_user_data_add_my_questions     (LlmUserData   *self,
                                                    LlmCollection *collection);

G_END_DECLS
