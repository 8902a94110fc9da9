/* llm-settings.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-study.h"

G_BEGIN_DECLS

#define LLM_TYPE_SETTINGS (llm_settings_get_type())

G_DECLARE_FINAL_TYPE (LlmSettings, llm_settings, LLM, SETTINGS, GObject)

LlmSettings *llm_settings_new              (void);
GSettings   *llm_settings_get_gsettings    (LlmSettings *self);
double       llm_settings_get_zoom         (LlmSettings *self);
void         llm_settings_set_zoom         (LlmSettings *self,
                                            double       zoom);
const char  *llm_settings_get_last_question (LlmSettings *self);
void         llm_settings_set_last_question (LlmSettings *self,
                                            const char  *id);
void         llm_settings_apply_fsrs_parameters (GSettings *gsettings,
                                                 LlmStudy  *study);

G_END_DECLS
