/* llm-folder-loader.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_LOAD_PROGRESS (llm_load_progress_get_type())

typedef struct _LlmLoadProgress LlmLoadProgress;

GType            llm_load_progress_get_type        (void) G_GNUC_CONST;
LlmLoadProgress *llm_load_progress_new             (void);
LlmLoadProgress *llm_load_progress_ref             (LlmLoadProgress      *self);
void             llm_load_progress_unref           (LlmLoadProgress      *self);
guint            llm_load_progress_get_files_done  (LlmLoadProgress      *self);
guint            llm_load_progress_get_files_total (LlmLoadProgress      *self);

LlmCollection   *llm_collection_load_path          (GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void             llm_collection_load_path_async    (GFile                *file,
                                                    LlmLoadProgress      *progress,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
LlmCollection   *llm_collection_load_path_finish   (GAsyncResult         *result,
                                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlmLoadProgress, llm_load_progress_unref)

G_END_DECLS
