/* llm-study.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-review-log.h"
#include "llm-scheduler.h"
#include "llm-types.h"

G_BEGIN_DECLS

typedef enum {
  LLM_STUDY_NEW,
  LLM_STUDY_LEARNING,
  LLM_STUDY_DUE,
  LLM_STUDY_KNOWN,
} LlmStudyState;

#define LLM_TYPE_STUDY (llm_study_get_type())

G_DECLARE_FINAL_TYPE (LlmStudy, llm_study, LLM, STUDY, GObject)

LlmStudy      *llm_study_new          (GFile                    *log_file);
gboolean       llm_study_load         (LlmStudy                 *self,
                                       GError                  **error);
void           llm_study_load_async   (LlmStudy                 *self,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data);
gboolean       llm_study_load_finish  (LlmStudy                 *self,
                                       GAsyncResult             *result,
                                       GError                  **error);
const char    *llm_study_get_warning  (LlmStudy                 *self);
LlmReviewLog  *llm_study_get_log      (LlmStudy                 *self);
const LlmSchedulerParams *
               llm_study_get_params   (LlmStudy                 *self);
void           llm_study_set_retention (LlmStudy                *self,
                                       double                    retention);
void           llm_study_set_weights  (LlmStudy                 *self,
                                       const double             *w,
                                       gsize                     n_w);
const LlmCard *llm_study_get_card     (LlmStudy                 *self,
                                       const char               *id);
LlmStudyState  llm_study_get_state    (LlmStudy                 *self,
                                       const char               *id,
                                       gint64                    now);
gint64         llm_study_preview      (LlmStudy                 *self,
                                       const char               *id,
                                       LlmGrade                  grade,
                                       gint64                    now);
gboolean       llm_study_grade        (LlmStudy                 *self,
                                       const char               *id,
                                       LlmGrade                  grade,
                                       guint                     ms,
                                       gint64                    now,
                                       GError                  **error);
gboolean       llm_study_record       (LlmStudy                 *self,
                                       LlmReviewEntry           *review,
                                       GError                  **error);
gboolean       llm_study_undo         (LlmStudy                 *self,
                                       const LlmReviewEntry     *review,
                                       GError                  **error);
guint          llm_study_count_new_today (LlmStudy              *self,
                                       GTimeZone                *tz,
                                       gint64                    now);
guint          llm_study_new_limit_today (LlmStudy              *self,
                                       GPtrArray                *questions,
                                       guint                     per_day,
                                       const GDate              *interview,
                                       GTimeZone                *tz,
                                       gint64                    now);
GPtrArray     *llm_study_build_queue  (LlmStudy                 *self,
                                       GPtrArray                *candidates,
                                       gboolean                  due_only,
                                       guint                     new_limit,
                                       gint64                    now);
guint          llm_study_count_due    (LlmStudy                 *self,
                                       LlmCollection            *collection,
                                       gint64                    now);

G_END_DECLS
