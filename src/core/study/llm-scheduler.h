/* llm-scheduler.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* FSRS-6 has 21 parameters, w[0] … w[20]. */
#define LLM_SCHEDULER_N_PARAMS 21
#define LLM_SCHEDULER_MAX_STEPS 8

/* The desired-retention preference's range. */
#define LLM_SCHEDULER_MIN_RETENTION 0.70
#define LLM_SCHEDULER_MAX_RETENTION 0.99
#define LLM_SCHEDULER_DEFAULT_RETENTION 0.90
#define LLM_SCHEDULER_DEFAULT_MAXIMUM_INTERVAL 36500

typedef enum {
  LLM_GRADE_AGAIN = 1,
  LLM_GRADE_HARD,
  LLM_GRADE_GOOD,
  LLM_GRADE_EASY,
} LlmGrade;

typedef enum {
  LLM_CARD_NEW,
  LLM_CARD_LEARNING,
  LLM_CARD_REVIEW,
  LLM_CARD_RELEARNING,
} LlmCardState;

/* A question's memory state. Times are unix seconds (UTC). A card that was
 * never reviewed is all zeros with state LLM_CARD_NEW. */
typedef struct {
  LlmCardState state;
  double       stability;   /* days until retrievability falls to 90% */
  double       difficulty;  /* 1 … 10 */
  gint64       due;
  gint64       last_review;
  guint        step;        /* index into the (re)learning steps */
  guint        reps;
  guint        lapses;
} LlmCard;

/* Fill with llm_scheduler_params_init_default(), then change what differs.
 * Out-of-range weights are clipped as ts-fsrs clips them, and the desired
 * retention is held within LLM_SCHEDULER_MIN/MAX_RETENTION. */
typedef struct {
  double   w[LLM_SCHEDULER_N_PARAMS];
  double   desired_retention;
  guint    maximum_interval;  /* days */
  gboolean enable_fuzz;
  guint64  fuzz_seed;
  guint    n_learning_steps;
  guint    learning_steps_min[LLM_SCHEDULER_MAX_STEPS];    /* minutes */
  guint    n_relearning_steps;
  guint    relearning_steps_min[LLM_SCHEDULER_MAX_STEPS];  /* minutes */
} LlmSchedulerParams;

void          llm_scheduler_params_init_default (LlmSchedulerParams       *params);
void          llm_card_init                     (LlmCard                  *card);

LlmCard       llm_scheduler_review              (const LlmSchedulerParams *params,
                                                 const LlmCard            *card,
                                                 LlmGrade                  grade,
                                                 gint64                    now);
gint64        llm_scheduler_preview_interval    (const LlmSchedulerParams *params,
                                                 const LlmCard            *card,
                                                 LlmGrade                  grade,
                                                 gint64                    now);
double        llm_scheduler_retrievability      (const LlmSchedulerParams *params,
                                                 const LlmCard            *card,
                                                 gint64                    now);
gboolean      llm_scheduler_weights_are_valid   (const double             *w,
                                                 gsize                     n_w);
guint64       llm_scheduler_fuzz_seed_for_id    (guint64                   fuzz_seed,
                                                 const char               *id);
char         *llm_scheduler_format_interval     (gint64                    seconds);

const char   *llm_grade_to_string               (LlmGrade                  grade);
gboolean      llm_grade_from_string             (const char               *str,
                                                 LlmGrade                 *grade);
const char   *llm_card_state_to_string          (LlmCardState              state);

G_END_DECLS
