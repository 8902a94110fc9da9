/* llm-answer-view-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "llm-answer-view.h"

G_BEGIN_DECLS

/* llm-answer-view-a11y.c: the answer's text for screen readers */
void _llm_answer_view_a11y_init    (LlmAnswerView *self);
void _llm_answer_view_a11y_dispose (LlmAnswerView *self);

G_END_DECLS
