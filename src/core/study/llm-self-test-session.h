/* llm-self-test-session.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-clock.h"
#include "llm-study.h"

G_BEGIN_DECLS

/* A card still learning that comes due within this long is asked again in
 * the same sitting (Anki's "learn ahead limit"). */
#define LLM_SELF_TEST_LEARN_AHEAD_S (20 * 60)
/* A question left on screen longer than this counts this long: the time
 * of a walk away from the desk is not time spent answering. */
#define LLM_SELF_TEST_MAX_ANSWER_MS (5 * 60 * 1000)

typedef enum {
  LLM_SELF_TEST_SCOPE_DUE,        /* what is due, and today's new ones */
  LLM_SELF_TEST_SCOPE_ALL,
  LLM_SELF_TEST_SCOPE_TOPIC,
  LLM_SELF_TEST_SCOPE_BOOKMARKS,
} LlmSelfTestScope;

typedef struct {
  LlmSelfTestScope scope;
  const char *topic;                 /* for LLM_SELF_TEST_SCOPE_TOPIC */
  const char * const *bookmarks;     /* ids, for LLM_SELF_TEST_SCOPE_BOOKMARKS */
  guint new_limit;                   /* new questions still allowed today */
  GRand *shuffle;                    /* %NULL asks in the queue's order */
} LlmSelfTestOptions;

/* What the rest of the session holds, as the counts above the answer say
 * it; the question on screen is counted. */
typedef struct {
  guint n_new;
  guint n_learning;
  guint n_due;
} LlmSelfTestCounts;

#define LLM_TYPE_SELF_TEST_SESSION (llm_self_test_session_get_type())

G_DECLARE_FINAL_TYPE (LlmSelfTestSession, llm_self_test_session, LLM, SELF_TEST_SESSION, GObject)

LlmSelfTestSession *llm_self_test_session_new            (LlmStudy                 *study,
                                                         GPtrArray                *questions,
                                                         const LlmSelfTestOptions *options,
                                                         LlmClockFunc              clock,
                                                         gpointer                  clock_data);
LlmQuestion        *llm_self_test_session_get_current    (LlmSelfTestSession       *self);
gboolean            llm_self_test_session_is_finished    (LlmSelfTestSession       *self);
gboolean            llm_self_test_session_is_empty       (LlmSelfTestSession       *self);
gboolean            llm_self_test_session_get_revealed   (LlmSelfTestSession       *self);
void                llm_self_test_session_reveal         (LlmSelfTestSession       *self);
gboolean            llm_self_test_session_grade          (LlmSelfTestSession       *self,
                                                         LlmGrade                  grade,
                                                         GError                  **error);
gint64              llm_self_test_session_preview        (LlmSelfTestSession       *self,
                                                         LlmGrade                  grade);
gboolean            llm_self_test_session_can_undo       (LlmSelfTestSession       *self);
gboolean            llm_self_test_session_undo           (LlmSelfTestSession       *self,
                                                         GError                  **error);
void                llm_self_test_session_get_counts     (LlmSelfTestSession       *self,
                                                         LlmSelfTestCounts        *counts);
double              llm_self_test_session_get_progress   (LlmSelfTestSession       *self);
guint               llm_self_test_session_get_n_reviewed (LlmSelfTestSession       *self);
guint               llm_self_test_session_get_n_graded   (LlmSelfTestSession       *self,
                                                         LlmGrade                  grade);
gint64              llm_self_test_session_get_time_spent_ms (LlmSelfTestSession    *self);
gint64              llm_self_test_session_get_next_due   (LlmSelfTestSession       *self);

G_END_DECLS
