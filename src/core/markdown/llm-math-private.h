/* llm-math-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the math stash (llm-math.c: the stash and the restore into HTML)
 * shares with the scanner that fills it (llm-math-scanner.c). */

#pragma once

#include "llm-math.h"

G_BEGIN_DECLS

/* Each protected span becomes U+E000, its index in decimal, U+E001. Those
 * are private-use characters: cmark treats them as letters, so no markdown
 * syntax forms around them and they come out of the renderer unchanged. */
#define OPEN_MARK  "\xee\x80\x80"
#define CLOSE_MARK "\xee\x80\x81"
#define MARK_LEN   3

void _llm_math_stash_append (LlmMathStash *stash,
                             GString      *out,
                             LlmMathKind   kind,
                             char         *body,
                             char         *fallback);

G_END_DECLS
