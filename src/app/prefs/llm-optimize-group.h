/* llm-optimize-group.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LLM_TYPE_OPTIMIZE_GROUP (llm_optimize_group_get_type())

G_DECLARE_FINAL_TYPE (LlmOptimizeGroup, llm_optimize_group, LLM, OPTIMIZE_GROUP, AdwPreferencesGroup)

void      llm_optimize_group_set_settings (LlmOptimizeGroup *self,
                                           GSettings        *settings,
                                           GFile            *review_log);
gboolean  llm_optimize_group_get_running  (LlmOptimizeGroup *self);
gboolean  llm_optimize_group_has_result   (LlmOptimizeGroup *self);
const char *llm_optimize_group_get_summary (LlmOptimizeGroup *self);

G_END_DECLS
