/* llm-test-util.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "llm-answer-view.h"
#include "llm-collection.h"

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

typedef gboolean (*LlmTestCheck) (gpointer data);

void       llm_test_wait_until    (LlmTestCheck   check,
                                   gpointer       data,
                                   const char    *what);
gboolean   llm_test_has_xdotool   (void);
void       llm_test_xdotool       (const char    *args);
void       llm_test_press         (const char    *keys);
void       llm_test_focus_window  (GtkWindow     *window);
GtkWidget *llm_test_find_widget   (GtkWidget     *root,
                                   GType          type,
                                   const char    *name);

G_END_DECLS
