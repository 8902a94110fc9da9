/* llm-question-form.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "llm-answer-view.h"
#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_QUESTION_FORM (llm_question_form_get_type())

G_DECLARE_FINAL_TYPE (LlmQuestionForm, llm_question_form, LLM, QUESTION_FORM, AdwWindow)

LlmQuestionForm *llm_question_form_new      (GtkWindow       *parent,
                                             const char      *path,
                                             LlmQuestion     *question);
void             llm_question_form_set      (LlmQuestionForm *self,
                                             const char      *topic,
                                             const char      *title,
                                             const char      *answer);
gboolean         llm_question_form_save     (LlmQuestionForm *self);
LlmAnswerView   *llm_question_form_get_preview (LlmQuestionForm *self);

G_END_DECLS
