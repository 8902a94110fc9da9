/* llm-collection-source.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-load-progress.h"
#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_COLLECTION_SOURCE (llm_collection_source_get_type())

G_DECLARE_FINAL_TYPE (LlmCollectionSource, llm_collection_source, LLM, COLLECTION_SOURCE, GObject)

/**
 * LlmCollectionSourceFunc:
 * @file: the file or folder loaded
 * @collection: the collection just built, not yet handed over
 *
 * Runs in the loading thread, to add what else belongs in every
 * collection (the user's own questions).
 */
typedef void (*LlmCollectionSourceFunc) (GFile         *file,
                                         LlmCollection *collection,
                                         gpointer       user_data);

LlmCollectionSource *llm_collection_source_new                (void);
void                 llm_collection_source_set_prepare_func   (LlmCollectionSource     *self,
                                                               LlmCollectionSourceFunc  func,
                                                               gpointer                 user_data,
                                                               GDestroyNotify           destroy);
void                 llm_collection_source_watch_also         (LlmCollectionSource     *self,
                                                               GFile                   *file);
void                 llm_collection_source_open               (LlmCollectionSource     *self,
                                                               GFile                   *file);
void                 llm_collection_source_adopt              (LlmCollectionSource     *self,
                                                               GFile                   *file);
void                 llm_collection_source_reload             (LlmCollectionSource     *self);
void                 llm_collection_source_stop               (LlmCollectionSource     *self);
GFile               *llm_collection_source_get_file           (LlmCollectionSource     *self);
gboolean             llm_collection_source_get_loading        (LlmCollectionSource     *self);
LlmLoadProgress     *llm_collection_source_get_progress       (LlmCollectionSource     *self);
gboolean             llm_collection_source_get_held           (LlmCollectionSource     *self);
void                 llm_collection_source_set_held           (LlmCollectionSource     *self,
                                                               gboolean                 held);
gboolean             llm_collection_source_get_reload_pending (LlmCollectionSource     *self);

void                 llm_collection_load_path_async           (GFile                   *file,
                                                               LlmLoadProgress         *progress,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
LlmCollection       *llm_collection_load_path_finish          (GAsyncResult            *result,
                                                               GError                 **error);

G_END_DECLS
