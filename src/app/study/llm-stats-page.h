/* llm-stats-page.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-review-log.h"
#include "llm-study.h"
#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_STATS_PAGE (llm_stats_page_get_type())

G_DECLARE_FINAL_TYPE (LlmStatsPage, llm_stats_page, LLM, STATS_PAGE, GtkWidget)

GtkWidget  *llm_stats_page_new                (void);
void        llm_stats_page_update             (LlmStatsPage  *self,
                                               LlmCollection *collection,
                                               LlmStudy      *study,
                                               LlmReviewLog  *log,
                                               GFile         *interviews_dir,
                                               gint64         now);
GDateTime  *llm_stats_page_get_interview_date (LlmStatsPage  *self);
void        llm_stats_page_set_interview_date (LlmStatsPage  *self,
                                               GDateTime     *date);
const char *llm_stats_page_get_plan_status    (LlmStatsPage  *self);

G_END_DECLS
