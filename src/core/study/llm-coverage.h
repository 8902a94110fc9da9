/* llm-coverage.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "llm-types.h"

G_BEGIN_DECLS

/* A key point counts as covered when at least this fraction of its
 * features (CJK character bigrams, Latin words) occur in the answer. */
#define LLM_COVERAGE_THRESHOLD 0.5

/* An answer with fewer than 1/this of the reference answer's letters is
 * "far shorter": however many points it names, it never suggests Easy. */
#define LLM_COVERAGE_SHORT_FACTOR 4

/* Suggested grades, numbered as the scheduler's (Again 1 … Easy 4) without
 * depending on its header. NONE: there were no key points to judge by. */
enum {
  LLM_COVERAGE_GRADE_NONE = 0,
  LLM_COVERAGE_GRADE_AGAIN = 1,   /* fraction covered < 0.25 */
  LLM_COVERAGE_GRADE_HARD = 2,    /* < 0.5 */
  LLM_COVERAGE_GRADE_GOOD = 3,    /* < 0.85 */
  LLM_COVERAGE_GRADE_EASY = 4,    /* ≥ 0.85 */
};

typedef struct _LlmCoverage LlmCoverage;

#define LLM_TYPE_COVERAGE (llm_coverage_get_type())

GType        llm_coverage_get_type                 (void) G_GNUC_CONST;

GStrv        llm_coverage_key_points_for           (LlmQuestion        *question);
GStrv        llm_coverage_key_points_from_markdown (const char         *answer);

LlmCoverage *llm_coverage_score                    (const char * const *key_points,
                                                    const char         *answer);
LlmCoverage *llm_coverage_score_full               (const char * const *key_points,
                                                    const char         *answer,
                                                    const char         *reference);
char        *llm_coverage_point_label              (const char         *point);
int          llm_coverage_suggest_grade            (guint               n_ticked,
                                                    guint               n_points,
                                                    gboolean            blank,
                                                    gboolean            short_answer);
gboolean     llm_coverage_get_cross_script         (LlmCoverage        *self);
gboolean     llm_coverage_get_blank                (LlmCoverage        *self);
gboolean     llm_coverage_get_short                (LlmCoverage        *self);
LlmCoverage *llm_coverage_ref                      (LlmCoverage        *self);
void         llm_coverage_unref                    (LlmCoverage        *self);
guint        llm_coverage_get_n_points             (LlmCoverage        *self);
const char  *llm_coverage_get_point                (LlmCoverage        *self,
                                                    guint               index);
gboolean     llm_coverage_get_covered              (LlmCoverage        *self,
                                                    guint               index);
double       llm_coverage_get_ratio                (LlmCoverage        *self,
                                                    guint               index);
guint        llm_coverage_get_n_covered            (LlmCoverage        *self);
double       llm_coverage_get_fraction             (LlmCoverage        *self);
int          llm_coverage_get_suggested_grade      (LlmCoverage        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlmCoverage, llm_coverage_unref)

G_END_DECLS
