/* llm-answer-view.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_ANSWER_VIEW (llm_answer_view_get_type())

G_DECLARE_FINAL_TYPE (LlmAnswerView, llm_answer_view, LLM, ANSWER_VIEW, GtkWidget)

GtkWidget     *llm_answer_view_new            (void);
void           llm_answer_view_show           (LlmAnswerView *self,
                                               LlmCollection *collection,
                                               LlmQuestion   *question,
                                               const char    *note);
void           llm_answer_view_set_note       (LlmAnswerView *self,
                                               const char    *note);
void           llm_answer_view_set_find_text  (LlmAnswerView *self,
                                               const char    *text);
void           llm_answer_view_find_next      (LlmAnswerView *self,
                                               gboolean       forward);
guint          llm_answer_view_get_n_matches  (LlmAnswerView *self);
guint          llm_answer_view_get_current_match (LlmAnswerView *self);
void           llm_answer_view_set_answer_hidden (LlmAnswerView *self,
                                                  gboolean       hidden);
gboolean       llm_answer_view_get_answer_hidden (LlmAnswerView *self);
void           llm_answer_view_show_key_points (LlmAnswerView      *self,
                                                const char * const *points,
                                                const gboolean     *covered);
LlmQuestion   *llm_answer_view_get_question   (LlmAnswerView *self);
double         llm_answer_view_get_zoom_level (LlmAnswerView *self);
void           llm_answer_view_set_zoom_level (LlmAnswerView *self,
                                               double         zoom_level);
WebKitWebView *llm_answer_view_get_web_view   (LlmAnswerView *self);
void           llm_answer_view_set_next_scroll (LlmAnswerView *self,
                                                double         offset);
double         llm_answer_view_get_scroll_offset (LlmAnswerView *self);

G_END_DECLS
