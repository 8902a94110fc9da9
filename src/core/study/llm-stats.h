/* llm-stats.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-review-log.h"
#include "llm-study.h"
#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_STATS_HEATMAP_DAYS  182   /* about six months, today last */
#define LLM_STATS_FORECAST_DAYS 30    /* today first */
#define LLM_STATS_RECENT_DAYS   7     /* the pace the plan compares with */
#define LLM_STATS_PLAN_RECALL   0.9   /* what "ready" means on the day */

typedef struct {
  char   *title;
  guint   n_questions;
  guint   n_reviewed;
  guint   n_known;       /* llm_study_get_state() is LLM_STUDY_KNOWN */
  double  mean_recall;   /* over all questions; never reviewed counts 0 */
} LlmStatsTopic;

typedef struct {
  gint64  when;          /* unix seconds, from the report's file name */
  guint   n_covered;     /* key points, summed over the report's rows */
  guint   n_points;
} LlmStatsMock;

/* Everything the statistics page and `--stats` show, for one collection.
 * Days are calendar days in @tz; reviews of questions that are not in the
 * collection are left out. */
typedef struct {
  gint64      now;
  GTimeZone  *tz;
  GDate       today;

  GArray     *topics;      /* LlmStatsTopic, in the collection's order */

  guint       heatmap[LLM_STATS_HEATMAP_DAYS];    /* reviews a day */
  guint       forecast[LLM_STATS_FORECAST_DAYS];  /* questions due; [0] has the overdue */

  /* Reviews of questions in review state, learning steps excluded. */
  guint       n_retention_reviews;
  guint       n_retention_passed;     /* graded anything but Again */
  double      desired_retention;

  /* Distinct questions reviewed a day, over the last LLM_STATS_RECENT_DAYS
   * days including today. */
  double      recent_per_day;

  GArray     *mocks;       /* LlmStatsMock, oldest first */
} LlmStats;

typedef struct {
  int     days_left;       /* from today to the interview; < 0 when past */
  guint   n_unreviewed;
  guint   n_fading;        /* reviewed, but below LLM_STATS_PLAN_RECALL on the day */
  double  per_day;         /* reviews a day needed from today */
  double  recent_per_day;
  guint   behind_by;       /* reviews a day to add; 0 is on track */
} LlmStatsPlan;

LlmStats *llm_stats_compute                (LlmCollection     *collection,
                                            LlmStudy          *study,
                                            LlmReviewLog      *log,
                                            GTimeZone         *tz,
                                            gint64             now);
void      llm_stats_free                   (LlmStats          *self);
double    llm_stats_get_achieved_retention (const LlmStats    *self);
guint     llm_stats_load_mocks             (LlmStats          *self,
                                            GFile             *interviews_dir);
gboolean  llm_stats_add_mock               (LlmStats          *self,
                                            const char        *basename,
                                            const char        *report);
gboolean  llm_stats_parse_mock_report      (const char        *report,
                                            guint             *n_covered,
                                            guint             *n_points);
gboolean  llm_stats_parse_mock_name        (const char        *basename,
                                            GTimeZone         *tz,
                                            gint64            *when);
void      llm_stats_plan                   (const LlmStats    *self,
                                            LlmCollection     *collection,
                                            LlmStudy          *study,
                                            const GDate       *interview,
                                            LlmStatsPlan      *plan);
char     *llm_stats_format_topics_tsv      (const LlmStats    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlmStats, llm_stats_free)

G_END_DECLS
