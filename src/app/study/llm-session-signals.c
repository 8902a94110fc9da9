/* llm-session-signals.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-session-signals.h"

/* The self-test bar and the mock-interview panel speak to the window in
 * the same words; they are defined once here so the two stay alike. */

/**
 * llm_session_signals_install:
 * @signals: (out caller-allocates): the ids, indexed by LLM_SESSION_*
 *
 * Adds to @widget_class:
 * - ::show-question (LlmQuestion *question, gboolean hidden): show
 *   @question, its answer covered or not;
 * - ::finished: the last question is graded (or the interview ended
 *   early with a report to save);
 * - ::stopped: the session is over and gone;
 * - ::add-toast (const char *message).
 */
void
llm_session_signals_install (GtkWidgetClass *widget_class,
                             guint           signals[LLM_SESSION_N_SIGNALS])
{
  GType type = G_TYPE_FROM_CLASS (widget_class);

  signals[LLM_SESSION_SHOW_QUESTION] =
    g_signal_new ("show-question", type, G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_BOOLEAN);
  signals[LLM_SESSION_FINISHED] =
    g_signal_new ("finished", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LLM_SESSION_STOPPED] =
    g_signal_new ("stopped", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LLM_SESSION_ADD_TOAST] =
    g_signal_new ("add-toast", type, G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

/**
 * llm_session_signals_unparent_all:
 *
 * Unparents @widget's children: a template's top-level children are not
 * bound, so gtk_widget_dispose_template() leaves them.
 */
void
llm_session_signals_unparent_all (GtkWidget *widget)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (widget)) != NULL;)
    gtk_widget_unparent (child);
}
