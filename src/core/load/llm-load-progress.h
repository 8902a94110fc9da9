/* llm-load-progress.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LLM_TYPE_LOAD_PROGRESS (llm_load_progress_get_type())

typedef struct _LlmLoadProgress LlmLoadProgress;

GType            llm_load_progress_get_type        (void) G_GNUC_CONST;
LlmLoadProgress *llm_load_progress_new             (void);
LlmLoadProgress *llm_load_progress_ref             (LlmLoadProgress *self);
void             llm_load_progress_unref           (LlmLoadProgress *self);
guint            llm_load_progress_get_files_done  (LlmLoadProgress *self);
guint            llm_load_progress_get_files_total (LlmLoadProgress *self);

/* For the loaders, from any thread. */
void             llm_load_progress_set_files_total (LlmLoadProgress *self,
                                                    guint            files_total);
void             llm_load_progress_add_file_done   (LlmLoadProgress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlmLoadProgress, llm_load_progress_unref)

G_END_DECLS
