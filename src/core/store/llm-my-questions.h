/* llm-my-questions.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-types.h"

G_BEGIN_DECLS

/* Ids of the user's own questions start with this, so they never meet the
 * ids of the collection they are merged into (titles never make a '~'),
 * and still name note files (no '/'). */
#define LLM_MY_QUESTIONS_ID_PREFIX "my-questions~"

#define LLM_MY_QUESTIONS_ERROR (llm_my_questions_error_quark())

typedef enum
{
  LLM_MY_QUESTIONS_ERROR_NOT_FOUND,
  LLM_MY_QUESTIONS_ERROR_EMPTY_TITLE,
} LlmMyQuestionsError;

GQuark    llm_my_questions_error_quark      (void);
gboolean  llm_my_questions_is_mine          (LlmQuestion   *question);
gboolean  llm_my_questions_append           (const char    *path,
                                             const char    *topic,
                                             const char    *title,
                                             const char    *answer,
                                             char         **id,
                                             GError       **error);
gboolean  llm_my_questions_edit             (const char    *path,
                                             const char    *id,
                                             const char    *topic,
                                             const char    *title,
                                             const char    *answer,
                                             char         **new_id,
                                             GError       **error);
LlmTopic *llm_my_questions_load             (const char    *path,
                                             GError       **error);
gboolean  llm_my_questions_merge            (LlmCollection *collection,
                                             const char    *path);

G_END_DECLS
