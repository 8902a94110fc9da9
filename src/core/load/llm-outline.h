/* llm-outline.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "llm-collection-loader.h"

G_BEGIN_DECLS

void llm_outline_build (LlmDraft  *draft,
                        char     **lines,
                        guint      first);

G_END_DECLS
