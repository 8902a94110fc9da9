/* llm-self-test-bar.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-self-test-session.h"

G_BEGIN_DECLS

#define LLM_TYPE_SELF_TEST_BAR (llm_self_test_bar_get_type())

G_DECLARE_FINAL_TYPE (LlmSelfTestBar, llm_self_test_bar, LLM, SELF_TEST_BAR, GtkWidget)

void                llm_self_test_bar_start       (LlmSelfTestBar     *self,
                                                   LlmSelfTestSession *session);
void                llm_self_test_bar_stop        (LlmSelfTestBar     *self);
LlmSelfTestSession *llm_self_test_bar_get_session (LlmSelfTestBar     *self);
gboolean            llm_self_test_bar_is_running  (LlmSelfTestBar     *self);
char               *llm_self_test_bar_dup_counts  (LlmSelfTestBar     *self);
void                llm_self_test_bar_refresh_intervals (LlmSelfTestBar *self);
const char         *llm_self_test_bar_get_interval (LlmSelfTestBar    *self,
                                                    LlmGrade           grade);

G_END_DECLS
