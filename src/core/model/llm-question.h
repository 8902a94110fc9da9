/* llm-question.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_QUESTION (llm_question_get_type())

G_DECLARE_FINAL_TYPE (LlmQuestion, llm_question, LLM, QUESTION, GObject)

LlmQuestion        *llm_question_new            (const char         *id,
                                                 guint               number,
                                                 const char         *title,
                                                 const char         *topic,
                                                 const char         *answer,
                                                 const char * const *key_points);
LlmQuestion        *llm_question_new_take       (const char         *id,
                                                 guint               number,
                                                 const char         *title,
                                                 const char         *topic,
                                                 char               *answer,
                                                 GStrv               key_points);
const char         *llm_question_get_id         (LlmQuestion        *self);
guint               llm_question_get_number     (LlmQuestion        *self);
const char         *llm_question_get_title      (LlmQuestion        *self);
const char         *llm_question_get_topic      (LlmQuestion        *self);
const char         *llm_question_get_answer     (LlmQuestion        *self);
const char * const *llm_question_get_key_points (LlmQuestion        *self);
const char         *llm_question_get_source     (LlmQuestion        *self);
void                llm_question_set_source     (LlmQuestion        *self,
                                                 const char         *source);
guint               llm_question_get_line       (LlmQuestion        *self);
void                llm_question_set_line       (LlmQuestion        *self,
                                                 guint               line);
gboolean            llm_question_is_card        (LlmQuestion        *self);
char               *llm_question_dup_display_title (LlmQuestion     *self);
void                llm_question_set_is_card    (LlmQuestion        *self,
                                                 gboolean            is_card);

G_END_DECLS
