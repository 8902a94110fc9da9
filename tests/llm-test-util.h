/* llm-test-util.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "llm-answer-view.h"
#include "llm-collection.h"
#include "llm-user-data.h"

G_BEGIN_DECLS

void  llm_test_init             (int           *argc,
                                 char        ***argv);
void  llm_test_wait_for_shown   (LlmAnswerView *view);
void  llm_test_wait             (guint          ms);
char *llm_test_eval             (LlmAnswerView *view,
                                 const char    *script);
void  llm_test_screenshot       (const char    *name);
LlmQuestion *llm_test_question_numbered (LlmCollection *collection,
                                         guint          number);
GtkWidget *llm_test_find_actionable     (GtkWidget     *root,
                                         const char    *action);
GtkWidget *llm_test_find_widget         (GtkWidget     *root,
                                         GType          type);
GtkWindow *llm_test_wait_for_window     (GType          type);
void       llm_test_wait_for_signal     (gpointer       instance,
                                         const char    *signal);
LlmUserData   *llm_test_get_user_data   (void);
LlmCollection *llm_test_load_bundled    (void);

G_END_DECLS
