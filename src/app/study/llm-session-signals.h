/* llm-session-signals.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a study session's widget (the self-test bar, the mock-interview
 * panel) tells the window. */
enum {
  LLM_SESSION_SHOW_QUESTION,
  LLM_SESSION_FINISHED,
  LLM_SESSION_STOPPED,
  LLM_SESSION_ADD_TOAST,
  LLM_SESSION_N_SIGNALS
};

void llm_session_signals_install      (GtkWidgetClass *widget_class,
                                       guint           signals[LLM_SESSION_N_SIGNALS]);
void llm_session_signals_unparent_all (GtkWidget      *widget);

G_END_DECLS
