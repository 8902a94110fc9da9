/* llm-answer-view-actions.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-answer-view-private.h"

/* The view's own actions, answer.zoom-in, -out and -reset; the window's
 * win.zoom-* forward to them. */

/* Zoom steps, as browsers offer them. */
static const double zoom_steps[] = { 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0 };

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LlmAnswerView *self = LLM_ANSWER_VIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom_level + 0.001)
      {
        llm_answer_view_set_zoom_level (self, zoom_steps[i]);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LlmAnswerView *self = LLM_ANSWER_VIEW (widget);

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < self->zoom_level - 0.001)
      {
        llm_answer_view_set_zoom_level (self, zoom_steps[i - 1]);
        return;
      }
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  llm_answer_view_set_zoom_level (LLM_ANSWER_VIEW (widget), 1.0);
}

void
_llm_answer_view_update_actions (LlmAnswerView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "answer.zoom-in",
                                 self->zoom_level < zoom_steps[G_N_ELEMENTS (zoom_steps) - 1] - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "answer.zoom-out",
                                 self->zoom_level > zoom_steps[0] + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "answer.zoom-reset",
                                 !G_APPROX_VALUE (self->zoom_level, 1.0, 0.001));
}

/* A zoom level the actions step from: within the steps' range. */
double
_llm_answer_view_clamp_zoom (double zoom_level)
{
  return CLAMP (zoom_level, zoom_steps[0], zoom_steps[G_N_ELEMENTS (zoom_steps) - 1]);
}

void
_llm_answer_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "answer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "answer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "answer.zoom-reset", NULL, zoom_reset_action);
}
