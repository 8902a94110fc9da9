/* llm-interview-report.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-question.h"
#include "llm-scheduler.h"

G_BEGIN_DECLS

/* One question of a mock interview, as answered. */
typedef struct
{
  LlmQuestion *question;
  char *answer;         /* as typed; "" when answered aloud */
  GStrv points;         /* the key points it was scored against */
  gboolean *covered;    /* one flag per key point */
  guint seconds;        /* time used */
  guint n_covered;
  LlmGrade grade;
  gboolean timed_out;     /* time ran out on it */
  gboolean cross_script;  /* answered in another script than the key points */
} LlmInterviewResult;

/* What the list of past interviews says of a report. */
typedef struct
{
  guint n_questions;
  guint n_covered;
  guint n_points;
  guint seconds;
} LlmInterviewReportSummary;

/* One question of a saved report, as read back from its markdown. */
typedef struct
{
  char *title;
  guint seconds;
  guint n_covered;
  guint n_points;
  char *grade;          /* as the report names it (translated when written) */
  char *answer;         /* as typed, or the report's "(answered aloud)" */
  GStrv points;         /* the key points listed under the answer */
  gboolean *covered;    /* one flag per point: ticked or not */
} LlmInterviewReportRow;

void        llm_interview_report_row_free (gpointer    row);
GPtrArray  *llm_interview_report_parse    (const char *report,
                                           char      **note);
void        llm_interview_result_free   (gpointer      result);
const char *llm_grade_get_label         (LlmGrade      grade);
char       *llm_interview_report_format (GPtrArray    *results,
                                         GDateTime    *when);
char       *llm_interview_report_format_partial (GPtrArray *results,
                                                 guint      n_asked,
                                                 GDateTime *when);
gboolean    llm_interview_report_summarize (const char                *report,
                                            LlmInterviewReportSummary *summary);
char       *llm_interview_report_write  (const char   *dir,
                                         GDateTime    *when,
                                         const char   *report,
                                         GError      **error);

G_END_DECLS
