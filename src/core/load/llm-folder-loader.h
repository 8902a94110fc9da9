/* llm-folder-loader.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-load-progress.h"
#include "llm-types.h"

G_BEGIN_DECLS

LlmCollection   *llm_collection_load_path          (GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

/* Below: for LlmCollectionSource, which loads and watches. */
LlmCollection   *llm_collection_load_path_full     (GFile                *file,
                                                    LlmLoadProgress      *progress,
                                                    GPtrArray            *watch,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

G_END_DECLS
