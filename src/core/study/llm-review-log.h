/* llm-review-log.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-scheduler.h"

G_BEGIN_DECLS

#define LLM_REVIEW_LOG_HEADER "# llm-notes review log v1"
/* What closes a line a crash cut short, before the next review's line. */
#define LLM_REVIEW_LOG_TORN_MARK "\ttorn"
/* The fifth field of an undo record: the review's own line, then this. */
#define LLM_REVIEW_LOG_UNDO_MARK "undone"

/* One review. @id is owned by the log and lives as long as it does. */
typedef struct {
  gint64      when;   /* unix seconds, UTC */
  const char *id;
  LlmGrade    grade;
  guint       ms;     /* time taken to answer */
} LlmReviewEntry;

#define LLM_TYPE_REVIEW_LOG (llm_review_log_get_type())

G_DECLARE_FINAL_TYPE (LlmReviewLog, llm_review_log, LLM, REVIEW_LOG, GObject)

LlmReviewLog         *llm_review_log_new            (void);
LlmReviewLog         *llm_review_log_new_for_file   (GFile                    *file);
GFile                *llm_review_log_get_file       (LlmReviewLog             *self);
gboolean              llm_review_log_load           (LlmReviewLog             *self,
                                                     GError                  **error);
void                  llm_review_log_load_data      (LlmReviewLog             *self,
                                                     const char               *data,
                                                     gssize                    length);
gboolean              llm_review_log_append         (LlmReviewLog             *self,
                                                     gint64                    when,
                                                     const char               *id,
                                                     LlmGrade                  grade,
                                                     guint                     ms,
                                                     GError                  **error);
gboolean              llm_review_log_append_undo    (LlmReviewLog             *self,
                                                     const LlmReviewEntry     *entry,
                                                     GError                  **error);
gboolean              llm_review_log_is_undone      (LlmReviewLog             *self,
                                                     const LlmReviewEntry     *entry);
guint                 llm_review_log_get_n_undone   (LlmReviewLog             *self);
guint                 llm_review_log_get_n_entries  (LlmReviewLog             *self);
const LlmReviewEntry *llm_review_log_get_entry      (LlmReviewLog             *self,
                                                     guint                     position);
guint                 llm_review_log_get_n_skipped  (LlmReviewLog             *self);
const char           *llm_review_log_get_warning    (LlmReviewLog             *self);
GHashTable           *llm_review_log_compute_cards  (LlmReviewLog             *self,
                                                     const LlmSchedulerParams *params);
char                 *llm_review_entry_to_line      (const LlmReviewEntry     *entry);

G_END_DECLS
