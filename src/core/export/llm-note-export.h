/* llm-note-export.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "llm-collection.h"
#include "llm-note-store.h"

G_BEGIN_DECLS

char     *llm_note_export_markdown (LlmNoteStore   *store,
                                    LlmCollection  *collection);
gboolean  llm_note_export_to_file  (LlmNoteStore   *store,
                                    LlmCollection  *collection,
                                    GFile          *file,
                                    GError        **error);

G_END_DECLS
