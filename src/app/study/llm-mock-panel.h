/* llm-mock-panel.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-mock-session.h"

G_BEGIN_DECLS

#define LLM_TYPE_MOCK_PANEL (llm_mock_panel_get_type())

G_DECLARE_FINAL_TYPE (LlmMockPanel, llm_mock_panel, LLM, MOCK_PANEL, GtkWidget)

void            llm_mock_panel_start       (LlmMockPanel   *self,
                                            LlmMockSession *session);
void            llm_mock_panel_stop        (LlmMockPanel   *self);
LlmMockSession *llm_mock_panel_get_session (LlmMockPanel   *self);
gboolean        llm_mock_panel_is_running  (LlmMockPanel   *self);
const char     *llm_mock_panel_get_clock_text (LlmMockPanel *self);

G_END_DECLS
