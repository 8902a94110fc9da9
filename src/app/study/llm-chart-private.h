/* llm-chart-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n.h>

#include "llm-chart.h"

G_BEGIN_DECLS

/* Shared by llm-chart.c (the data each kind shows, its summary, sizing)
 * and llm-chart-draw.c (how each kind is drawn). */
struct _LlmChart
{
  GtkWidget parent_instance;

  LlmChartKind kind;
  GPtrArray *labels;   /* bars: row labels */
  GArray *first;       /* double: bars' first series, line values */
  GArray *second;      /* double: bars' second series */
  GArray *counts;      /* guint: heatmap, columns */
  GArray *times;       /* gint64: line */
  GDate date;          /* heatmap: last day; columns: first day */
  double value;        /* gauge; bars: the goal */
  double target;
  char *names[2];
  char *summary;
};

#define SPACING 8
#define BAR 8           /* thickness of a readiness bar */
#define ROW_GAP 14
#define TRACK 12        /* thickness of the gauge */
#define MAX_CELL 20     /* heatmap cell pitch */

enum {
  SMALL = 1 << 0,
  BOLD = 1 << 1,
};

/* Translators: a short date in charts, see g_date_time_format() */
#define SHORT_DATE _("%b %-d")

int   _llm_chart_text_height     (LlmChart    *self,
                                 guint        flags);
char *_llm_chart_format_percent  (double       share);
char *_llm_chart_format_day      (const GDate *date,
                                  int          offset,
                                  const char  *format);
char *_llm_chart_format_time     (gint64       when);
void  _llm_chart_snapshot        (GtkWidget   *widget,
                                  GtkSnapshot *snapshot);

G_END_DECLS
