/* llm-application.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "llm-note-store.h"
#include "llm-study.h"
#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_APPLICATION (llm_application_get_type())

G_DECLARE_FINAL_TYPE (LlmApplication, llm_application, LLM, APPLICATION, AdwApplication)

LlmApplication *llm_application_new         (void);
LlmCollection  *llm_application_load_bundled (void);
LlmNoteStore   *llm_application_dup_note_store (void);
LlmStudy       *llm_application_dup_study     (GError **error);

G_END_DECLS
