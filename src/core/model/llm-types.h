/* llm-types.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LlmCollection LlmCollection;
typedef struct _LlmQuestion   LlmQuestion;
typedef struct _LlmTopic      LlmTopic;

G_END_DECLS
