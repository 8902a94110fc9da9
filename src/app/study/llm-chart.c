/* llm-chart.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "llm-chart-private.h"

/* The statistics page's charts, drawn with GtkSnapshot so they stay sharp
 * at any scale. Every color comes from the theme's named colors at draw
 * time, so light and dark (and high contrast) need nothing of their own.
 * A chart is an image to assistive technologies; its description carries
 * the numbers it shows.
 *
 * This file holds what each kind shows (the setters, the summary, the size
 * it asks for); llm-chart-draw.c draws it. */

G_DEFINE_FINAL_TYPE (LlmChart, llm_chart, GTK_TYPE_WIDGET)

static void
llm_chart_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  LlmChart *self = LLM_CHART (widget);
  int line = _llm_chart_text_height (self, SMALL);
  guint n = self->labels->len;

  /* Charts take the width they are given, and squeeze into a short
   * height; the page's viewport gives them their natural one. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 120;
  else if (self->kind == LLM_CHART_BARS)
    {
      *minimum = line + SPACING + n * (2 * BAR + 6);
      *natural = line + SPACING + n * (2 * BAR + 4 + ROW_GAP);
    }
  else if (self->kind == LLM_CHART_HEATMAP)
    {
      *minimum = 2 * (line + 4) + 7 * 4;
      *natural = 2 * (line + 4) + 7 * MAX_CELL;
    }
  else if (self->kind == LLM_CHART_GAUGE)
    *minimum = *natural = _llm_chart_text_height (self, BOLD) + 6 + TRACK + 6 + line;
  else if (self->kind == LLM_CHART_COLUMNS || self->kind == LLM_CHART_LINE)
    {
      *minimum = 3 * line;
      *natural = 150;
    }
  else
    *minimum = *natural = 0;
}

static void
llm_chart_finalize (GObject *object)
{
  LlmChart *self = (LlmChart *)object;

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->first, g_array_unref);
  g_clear_pointer (&self->second, g_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);
  g_clear_pointer (&self->times, g_array_unref);
  g_clear_pointer (&self->names[0], g_free);
  g_clear_pointer (&self->names[1], g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (llm_chart_parent_class)->finalize (object);
}

static void
llm_chart_class_init (LlmChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = llm_chart_finalize;
  widget_class->snapshot = _llm_chart_snapshot;
  widget_class->measure = llm_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
llm_chart_init (LlmChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->first = g_array_new (FALSE, FALSE, sizeof (double));
  self->second = g_array_new (FALSE, FALSE, sizeof (double));
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_date_clear (&self->date, 1);
  self->names[0] = g_strdup ("");
  self->names[1] = g_strdup ("");
  self->summary = g_strdup ("");
}

GtkWidget *
llm_chart_new (void)
{
  return g_object_new (LLM_TYPE_CHART, NULL);
}

LlmChartKind
llm_chart_get_kind (LlmChart *self)
{
  g_return_val_if_fail (LLM_IS_CHART (self), LLM_CHART_EMPTY);

  return self->kind;
}

/**
 * llm_chart_get_summary:
 *
 * Returns: the chart's numbers in words, its accessible description
 */
const char *
llm_chart_get_summary (LlmChart *self)
{
  g_return_val_if_fail (LLM_IS_CHART (self), NULL);

  return self->summary;
}

static GString *
reset (LlmChart     *self,
       LlmChartKind  kind,
       const char   *first_name,
       const char   *second_name)
{
  self->kind = kind;
  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->first, 0);
  g_array_set_size (self->second, 0);
  g_array_set_size (self->counts, 0);
  g_array_set_size (self->times, 0);
  self->value = self->target = 0;
  g_free (self->names[0]);
  self->names[0] = g_strdup (first_name ? first_name : "");
  g_free (self->names[1]);
  self->names[1] = g_strdup (second_name ? second_name : "");

  return g_string_new (NULL);
}

static void
set_summary (LlmChart *self,
             GString  *summary)
{
  g_free (self->summary);
  self->summary = g_strchomp (g_string_free (summary, FALSE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * llm_chart_set_bars:
 * @labels: (array length=n_rows): a label a row
 * @first: (array length=n_rows): shares, 0 … 1, in the success color
 * @second: (array length=n_rows): shares in the accent color
 * @goal: where to draw the goal line, 0 … 1, or 0 for none
 */
void
llm_chart_set_bars (LlmChart           *self,
                    guint               n_rows,
                    const char * const *labels,
                    const double       *first,
                    const double       *second,
                    const char         *first_name,
                    const char         *second_name,
                    double              goal)
{
  GString *summary;

  g_return_if_fail (LLM_IS_CHART (self));
  g_return_if_fail (n_rows == 0 || (labels && first && second));

  summary = reset (self, LLM_CHART_BARS, first_name, second_name);
  self->value = goal;

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *a = _llm_chart_format_percent (first[i]);
      g_autofree char *b = _llm_chart_format_percent (second[i]);

      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      g_array_append_val (self->first, first[i]);
      g_array_append_val (self->second, second[i]);
      /* Translators: a row of a bar chart, for screen readers:
       * "Attention: Known 50%, Predicted recall 62%." */
      g_string_append_printf (summary, _("%s: %s %s, %s %s."), labels[i], self->names[0], a, self->names[1], b);
      g_string_append_c (summary, ' ');
    }

  set_summary (self, summary);
}

/**
 * llm_chart_set_heatmap:
 * @last_day: the day of the last count, usually today
 * @counts: (array length=n_days): a count a day, oldest first
 */
void
llm_chart_set_heatmap (LlmChart    *self,
                       const GDate *last_day,
                       const guint *counts,
                       guint        n_days)
{
  GString *summary;
  guint total = 0, active = 0, best = 0;

  g_return_if_fail (LLM_IS_CHART (self));
  g_return_if_fail (last_day != NULL && g_date_valid (last_day));
  g_return_if_fail (n_days == 0 || counts != NULL);

  summary = reset (self, LLM_CHART_HEATMAP, NULL, NULL);
  self->date = *last_day;
  g_array_append_vals (self->counts, counts, n_days);

  for (guint i = 0; i < n_days; i++)
    {
      total += counts[i];
      active += counts[i] > 0;
      best = counts[i] > counts[best] ? i : best;
    }

  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u review on %u of the last %u days.",
                                                "%u reviews on %u of the last %u days.", total),
                          total, active, n_days);
  if (total > 0)
    {
      g_autofree char *day = _llm_chart_format_day (last_day, (int)best - (int)n_days + 1, SHORT_DATE);

      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, _("Busiest day: %s, with %u."), day, counts[best]);
    }

  set_summary (self, summary);
}

/**
 * llm_chart_set_columns:
 * @first_day: the day of the first count, usually today
 * @counts: (array length=n_days): a count a day
 */
void
llm_chart_set_columns (LlmChart    *self,
                       const GDate *first_day,
                       const guint *counts,
                       guint        n_days)
{
  GString *summary;
  guint total = 0;

  g_return_if_fail (LLM_IS_CHART (self));
  g_return_if_fail (first_day != NULL && g_date_valid (first_day));
  g_return_if_fail (n_days == 0 || counts != NULL);

  summary = reset (self, LLM_CHART_COLUMNS, NULL, NULL);
  self->date = *first_day;
  g_array_append_vals (self->counts, counts, n_days);

  for (guint i = 0; i < n_days; i++)
    if (counts[i] > 0)
      {
        g_autofree char *day = i == 0 ? g_strdup (_("Today")) : _llm_chart_format_day (first_day, i, SHORT_DATE);

        total += counts[i];
        /* Translators: "Mar 12: 4." in a chart's description */
        g_string_append_printf (summary, _("%s: %u."), day, counts[i]);
        g_string_append_c (summary, ' ');
      }
  g_string_append_printf (summary, _("Total: %u."), total);

  set_summary (self, summary);
}

/**
 * llm_chart_set_gauge:
 * @value: the share to show, 0 … 1, or negative when unknown
 * @target: the share it is measured against
 */
void
llm_chart_set_gauge (LlmChart   *self,
                     double      value,
                     double      target,
                     const char *value_name,
                     const char *target_name)
{
  g_autofree char *v = NULL;
  g_autofree char *t = NULL;
  GString *summary;

  g_return_if_fail (LLM_IS_CHART (self));

  summary = reset (self, LLM_CHART_GAUGE, value_name, target_name);
  self->value = value;
  self->target = target;

  v = value >= 0 ? _llm_chart_format_percent (value) : g_strdup (_("unknown"));
  t = _llm_chart_format_percent (target);
  g_string_append_printf (summary, "%s %s, %s %s.", self->names[0], v, self->names[1], t);

  set_summary (self, summary);
}

/**
 * llm_chart_set_line:
 * @times: (array length=n_points): unix seconds, ascending
 * @values: (array length=n_points): shares, 0 … 1
 */
void
llm_chart_set_line (LlmChart     *self,
                    const gint64 *times,
                    const double *values,
                    guint         n_points)
{
  GString *summary;

  g_return_if_fail (LLM_IS_CHART (self));
  g_return_if_fail (n_points == 0 || (times && values));

  summary = reset (self, LLM_CHART_LINE, NULL, NULL);
  g_array_append_vals (self->times, times, n_points);
  g_array_append_vals (self->first, values, n_points);

  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *day = _llm_chart_format_time (times[i]);
      g_autofree char *share = _llm_chart_format_percent (values[i]);

      g_string_append_printf (summary, "%s: %s. ", day, share);
    }

  set_summary (self, summary);
}
