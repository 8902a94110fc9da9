/* llm-past-interviews.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LLM_TYPE_PAST_INTERVIEWS (llm_past_interviews_get_type())

G_DECLARE_FINAL_TYPE (LlmPastInterviews, llm_past_interviews, LLM, PAST_INTERVIEWS, AdwWindow)

LlmPastInterviews *llm_past_interviews_new         (GtkWindow         *parent,
                                                    GFile             *folder);
guint              llm_past_interviews_get_n_items (LlmPastInterviews *self);
GtkWindow         *llm_past_interviews_open        (LlmPastInterviews *self,
                                                    guint              position);

G_END_DECLS
