/* llm-note-editor.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-note-store.h"
#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_NOTE_EDITOR (llm_note_editor_get_type())

G_DECLARE_FINAL_TYPE (LlmNoteEditor, llm_note_editor, LLM, NOTE_EDITOR, GtkWidget)

void         llm_note_editor_set_store    (LlmNoteEditor *self,
                                           LlmNoteStore  *store);
void         llm_note_editor_set_question (LlmNoteEditor *self,
                                           LlmQuestion   *question);
gboolean     llm_note_editor_flush        (LlmNoteEditor *self);
gboolean     llm_note_editor_has_unsaved  (LlmNoteEditor *self);
const char  *llm_note_editor_get_status   (LlmNoteEditor *self);
char        *llm_note_editor_dup_text     (LlmNoteEditor *self);
void         llm_note_editor_set_text     (LlmNoteEditor *self,
                                           const char    *text);
void         llm_note_editor_grab_focus   (LlmNoteEditor *self);

G_END_DECLS
