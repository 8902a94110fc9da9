/* llm-test-util.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "llm-answer-view.h"
#include "llm-collection.h"
#include "llm-user-data.h"
#include "llm-window.h"

G_BEGIN_DECLS

void  llm_test_init             (int           *argc,
                                 char        ***argv);
void  llm_test_wait_for_shown   (LlmAnswerView *view);
void  llm_test_wait             (guint          ms);
char *llm_test_eval             (LlmAnswerView *view,
                                 const char    *script);
char *llm_test_eval_in_world    (LlmAnswerView *view,
                                 const char    *world,
                                 const char    *script);
char *llm_test_wait_for_eval    (LlmAnswerView *view,
                                 const char    *script,
                                 const char    *expected);
void  llm_test_assert_eval      (LlmAnswerView *view,
                                 const char    *script,
                                 const char    *expected);
void  llm_test_screenshot       (const char    *name);
LlmQuestion *llm_test_question_numbered (LlmCollection *collection,
                                         guint          number);
GtkWidget *llm_test_find_actionable     (GtkWidget     *root,
                                         const char    *action);
GtkWindow *llm_test_wait_for_window     (GType          type);
void       llm_test_wait_for_signal     (gpointer       instance,
                                         const char    *signal);
LlmUserData   *llm_test_get_user_data   (void);
void           llm_test_destroy_window  (gpointer       window);
LlmCollection *llm_test_load_bundled    (void);

/* Whether it holds yet; @subject is what the test watches (a window). */
typedef gboolean (*LlmTestCheck) (gpointer subject,
                                  gpointer data);

void       llm_test_wait_until        (LlmTestCheck   check,
                                       gpointer       subject,
                                       gpointer       data,
                                       const char    *what);
gboolean   llm_test_shows_label       (GtkWidget     *widget,
                                       const char    *text);
gboolean   llm_test_shows_label_with  (GtkWidget     *widget,
                                       const char    *part);
GtkWindow *llm_test_find_toplevel     (GType          type);
GtkWindow *llm_test_wait_for_toplevel (GType          type);
void       llm_test_wait_for_mode     (LlmWindow     *window,
                                       LlmWindowMode  mode);
void       llm_test_wait_for_toast    (LlmWindow     *window,
                                       const char    *part);
void       llm_test_wait_for_page     (LlmWindow     *window,
                                       const char    *body_class);

typedef gboolean (*LlmTestCondition) (gpointer data);

void       llm_test_wait_for_condition (LlmTestCondition  check,
                                        gpointer          data,
                                        const char       *what);
gboolean   llm_test_has_xdotool   (void);
void       llm_test_xdotool       (const char    *args);
void       llm_test_press         (const char    *keys);
void       llm_test_focus_window  (GtkWindow     *window);
GtkWidget *llm_test_find_widget   (GtkWidget     *root,
                                   GType          type,
                                   const char    *name);
GArray    *llm_test_find_processes (const char   *name);
LlmWindow *llm_test_open_window    (const char     *markdown,
                                   gssize          length,
                                   LlmCollection **collection);

G_END_DECLS
