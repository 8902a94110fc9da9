/* llm-fsrs-optimizer.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-review-log.h"
#include "llm-scheduler.h"

G_BEGIN_DECLS

/* Below this many usable reviews the defaults are kept; below
 * LLM_FSRS_MIN_REVIEWS_TO_TRAIN only the four initial stabilities are
 * fitted (fsrs-rs's thresholds). */
#define LLM_FSRS_MIN_REVIEWS           8
#define LLM_FSRS_MIN_REVIEWS_TO_TRAIN  64

/* How well parameters predict the log, as fsrs-rs's evaluate() reports. */
typedef struct {
  double log_loss;   /* recency-weighted binary cross-entropy */
  double rmse_bins;  /* RMSE between predicted and actual recall over bins */
} LlmFsrsMetrics;

typedef enum {
  LLM_FSRS_TRAINED,          /* all 21 parameters trained */
  LLM_FSRS_INITIAL_ONLY,     /* too few reviews to train: w[0] … w[3] fitted */
  LLM_FSRS_NOT_ENOUGH_DATA,  /* the defaults, unchanged */
} LlmFsrsOutcome;

/* Called from the thread that trains, after each batch. */
typedef void (*LlmFsrsProgressFunc) (double   fraction,
                                     gpointer user_data);

#define LLM_FSRS_CALIBRATION_BINS 10

/* Predicted recall against actual recall, in ten bins of prediction. */
typedef struct {
  guint  count[LLM_FSRS_CALIBRATION_BINS];
  double predicted[LLM_FSRS_CALIBRATION_BINS];  /* mean prediction */
  double actual[LLM_FSRS_CALIBRATION_BINS];     /* fraction recalled */
} LlmFsrsCalibration;

#define LLM_TYPE_FSRS_OPTIMIZER (llm_fsrs_optimizer_get_type())

G_DECLARE_FINAL_TYPE (LlmFsrsOptimizer, llm_fsrs_optimizer, LLM, FSRS_OPTIMIZER, GObject)

LlmFsrsOptimizer *llm_fsrs_optimizer_new            (LlmReviewLog          *log);
guint             llm_fsrs_optimizer_get_n_items    (LlmFsrsOptimizer      *self);
guint             llm_fsrs_optimizer_get_n_used     (LlmFsrsOptimizer      *self);
gboolean          llm_fsrs_optimizer_evaluate       (LlmFsrsOptimizer      *self,
                                                     const double          *w,
                                                     LlmFsrsMetrics        *metrics,
                                                     GError               **error);
void              llm_fsrs_optimizer_calibrate      (LlmFsrsOptimizer      *self,
                                                     const double          *w,
                                                     LlmFsrsCalibration    *calibration);
gboolean          llm_fsrs_optimizer_train          (LlmFsrsOptimizer      *self,
                                                     double                *w,
                                                     LlmFsrsOutcome        *outcome,
                                                     LlmFsrsProgressFunc    progress,
                                                     gpointer               user_data,
                                                     GCancellable          *cancellable,
                                                     GError               **error);

const char       *llm_fsrs_outcome_describe         (LlmFsrsOutcome         outcome);
char             *llm_fsrs_parameters_to_string     (const double          *w);
void              llm_fsrs_parameters_get_default   (double                *w);

G_END_DECLS
