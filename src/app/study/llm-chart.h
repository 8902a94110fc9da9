/* llm-chart.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  LLM_CHART_EMPTY,
  LLM_CHART_BARS,      /* two bars a row, 0 … 1, with a goal line */
  LLM_CHART_HEATMAP,   /* counts a day, weeks as columns */
  LLM_CHART_COLUMNS,   /* counts a day, one column each */
  LLM_CHART_GAUGE,     /* one share against a target */
  LLM_CHART_LINE,      /* shares over time */
} LlmChartKind;

#define LLM_TYPE_CHART (llm_chart_get_type())

G_DECLARE_FINAL_TYPE (LlmChart, llm_chart, LLM, CHART, GtkWidget)

GtkWidget    *llm_chart_new          (void);
LlmChartKind  llm_chart_get_kind     (LlmChart           *self);
const char   *llm_chart_get_summary  (LlmChart           *self);
void          llm_chart_set_bars     (LlmChart           *self,
                                      guint               n_rows,
                                      const char * const *labels,
                                      const double       *first,
                                      const double       *second,
                                      const char         *first_name,
                                      const char         *second_name,
                                      double              goal);
void          llm_chart_set_heatmap  (LlmChart           *self,
                                      const GDate        *last_day,
                                      const guint        *counts,
                                      guint               n_days);
void          llm_chart_set_columns  (LlmChart           *self,
                                      const GDate        *first_day,
                                      const guint        *counts,
                                      guint               n_days);
void          llm_chart_set_gauge    (LlmChart           *self,
                                      double              value,
                                      double              target,
                                      const char         *value_name,
                                      const char         *target_name);
void          llm_chart_set_line     (LlmChart           *self,
                                      const gint64       *times,
                                      const double       *values,
                                      guint               n_points);

G_END_DECLS
