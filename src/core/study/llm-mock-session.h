/* llm-mock-session.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-clock.h"
#include "llm-interview-report.h"
#include "llm-study.h"

G_BEGIN_DECLS

/* The timer turns to a warning this long before time runs out, then to an
 * alarm. */
#define LLM_MOCK_WARN_MS    (30 * 1000)
#define LLM_MOCK_URGENT_MS  (10 * 1000)

typedef enum {
  LLM_MOCK_ANSWERING,   /* the clock runs; the answer is being typed */
  LLM_MOCK_RESULT,      /* the answer is shown with its checklist, to grade */
  LLM_MOCK_FINISHED,    /* every question graded, or ended early */
} LlmMockState;

typedef enum {
  LLM_MOCK_TIMER_CALM,
  LLM_MOCK_TIMER_WARNING,   /* LLM_MOCK_WARN_MS or less left */
  LLM_MOCK_TIMER_URGENT,    /* LLM_MOCK_URGENT_MS or less left */
} LlmMockTimer;

typedef struct {
  guint n_questions;    /* asked */
  guint n_answered;     /* graded */
  guint n_covered;      /* key points ticked, over the graded questions */
  guint n_points;
  guint percent;        /* n_covered of n_points, rounded down; 0 when none */
  guint seconds;        /* time used, over the graded questions */
  guint n_missed;       /* graded Again or Hard */
} LlmMockTotals;

#define LLM_TYPE_MOCK_SESSION (llm_mock_session_get_type())

G_DECLARE_FINAL_TYPE (LlmMockSession, llm_mock_session, LLM, MOCK_SESSION, GObject)

GPtrArray      *llm_mock_session_pick            (LlmStudy            *study,
                                                  GPtrArray           *questions,
                                                  const char * const  *topics,
                                                  guint                n,
                                                  gboolean             weak_first,
                                                  GRand               *rand,
                                                  gint64               now);
LlmMockSession *llm_mock_session_new             (LlmStudy            *study,
                                                  GPtrArray           *questions,
                                                  guint                seconds_per_question,
                                                  LlmClockFunc         clock,
                                                  gpointer             clock_data);
LlmMockState    llm_mock_session_get_state       (LlmMockSession      *self);
guint           llm_mock_session_get_position    (LlmMockSession      *self);
guint           llm_mock_session_get_n_questions (LlmMockSession      *self);
LlmQuestion    *llm_mock_session_get_question    (LlmMockSession      *self);
gint64          llm_mock_session_get_remaining_ms (LlmMockSession     *self);
LlmMockTimer    llm_mock_session_get_timer       (LlmMockSession      *self);
void            llm_mock_session_set_draft       (LlmMockSession      *self,
                                                  const char          *answer);
gboolean        llm_mock_session_tick            (LlmMockSession      *self);
void            llm_mock_session_submit          (LlmMockSession      *self);
LlmInterviewResult *
                llm_mock_session_get_result      (LlmMockSession      *self);
void            llm_mock_session_set_ticked      (LlmMockSession      *self,
                                                  guint                point,
                                                  gboolean             ticked);
LlmGrade        llm_mock_session_get_suggested   (LlmMockSession      *self);
gboolean        llm_mock_session_grade           (LlmMockSession      *self,
                                                  LlmGrade             grade,
                                                  GError             **error);
void            llm_mock_session_finish          (LlmMockSession      *self);
GPtrArray      *llm_mock_session_get_results     (LlmMockSession      *self);
gboolean        llm_mock_session_is_partial      (LlmMockSession      *self);
void            llm_mock_session_get_totals      (LlmMockSession      *self,
                                                  LlmMockTotals       *totals);
GPtrArray      *llm_mock_session_dup_missed      (LlmMockSession      *self);

G_END_DECLS
