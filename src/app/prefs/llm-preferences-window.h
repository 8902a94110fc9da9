/* llm-preferences-window.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "llm-note-store.h"
#include "llm-settings.h"
#include "llm-user-data.h"

G_BEGIN_DECLS

#define LLM_TYPE_PREFERENCES_WINDOW (llm_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (LlmPreferencesWindow, llm_preferences_window, LLM, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *llm_preferences_window_new                (GtkWindow            *parent,
                                                      LlmSettings          *settings,
                                                      LlmUserData          *user_data);
GtkWidget *llm_preferences_window_get_optimize_group (LlmPreferencesWindow *self);
void       llm_preferences_window_set_notes          (LlmPreferencesWindow *self,
                                                      LlmNoteStore         *notes,
                                                      LlmCollection        *collection);

G_END_DECLS
