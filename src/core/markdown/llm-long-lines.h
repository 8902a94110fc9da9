/* llm-long-lines.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Private to the markdown renderer. */

#pragma once

#include <glib.h>

#include "llm-math.h"

G_BEGIN_DECLS

char *llm_long_lines_stash (LlmMathStash *stash,
                            const char   *markdown);

G_END_DECLS
