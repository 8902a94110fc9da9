/* llm-application.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "llm-user-data.h"

G_BEGIN_DECLS

#define LLM_TYPE_APPLICATION (llm_application_get_type())

G_DECLARE_FINAL_TYPE (LlmApplication, llm_application, LLM, APPLICATION, AdwApplication)

LlmApplication *llm_application_new           (void);
LlmUserData    *llm_application_get_user_data (LlmApplication *self);

G_END_DECLS
