/* llm-code-block.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Private to the markdown renderer. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *llm_code_block_to_html (const char *info,
                              const char *code);

G_END_DECLS
