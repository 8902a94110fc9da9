/* llm-window.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "llm-answer-view.h"
#include "llm-note-editor.h"
#include "llm-settings.h"
#include "llm-sidebar.h"
#include "llm-study.h"
#include "llm-types.h"
#include "llm-user-data.h"

G_BEGIN_DECLS

/* What the window is doing; features observe it (notify::mode). */
typedef enum {
  LLM_WINDOW_MODE_BROWSE,
  LLM_WINDOW_MODE_SELF_TEST,
  LLM_WINDOW_MODE_MOCK_INTERVIEW,
} LlmWindowMode;

#define LLM_TYPE_WINDOW_MODE (llm_window_mode_get_type())
GType llm_window_mode_get_type (void) G_GNUC_CONST;

#define LLM_TYPE_WINDOW (llm_window_get_type())

G_DECLARE_FINAL_TYPE (LlmWindow, llm_window, LLM, WINDOW, AdwApplicationWindow)

LlmWindow     *llm_window_new               (GtkApplication *application,
                                             LlmSettings    *settings,
                                             LlmUserData    *user_data);
LlmCollection *llm_window_get_collection    (LlmWindow      *self);
void           llm_window_set_collection    (LlmWindow      *self,
                                             LlmCollection  *collection);
void           llm_window_open              (LlmWindow      *self,
                                             GFile          *file);
LlmQuestion   *llm_window_get_question      (LlmWindow      *self);
void           llm_window_show_question     (LlmWindow      *self,
                                             LlmQuestion    *question);
LlmAnswerView *llm_window_get_answer_view   (LlmWindow      *self);
LlmSidebar    *llm_window_get_sidebar       (LlmWindow      *self);
LlmBookmarks  *llm_window_get_bookmarks     (LlmWindow      *self);
LlmNoteEditor *llm_window_get_note_editor   (LlmWindow      *self);
LlmNoteStore  *llm_window_get_note_store    (LlmWindow      *self);
LlmWindowMode  llm_window_get_mode          (LlmWindow      *self);
LlmStudy      *llm_window_get_study         (LlmWindow      *self);
GtkWidget     *llm_window_get_self_test_bar (LlmWindow      *self);
GtkWidget     *llm_window_get_mock_panel    (LlmWindow      *self);
char          *llm_window_dup_due_text      (LlmWindow      *self);

G_END_DECLS
