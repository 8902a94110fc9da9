/* llm-collection-loader.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_COLLECTION_ERROR (llm_collection_error_quark())

typedef enum
{
  LLM_COLLECTION_ERROR_BINARY,
  LLM_COLLECTION_ERROR_EMPTY,
} LlmCollectionError;

GQuark         llm_collection_error_quark (void);
LlmCollection *llm_collection_load_data   (const char  *text,
                                           gssize       length,
                                           const char  *fallback_title,
                                           GFile       *base,
                                           GError     **error);
LlmCollection *llm_collection_load_file   (GFile       *file,
                                           GError     **error);
char         **llm_collection_key_points  (const char  *answer);

G_END_DECLS
