/* llm-render.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LlmEmbedResolver:
 * @target: an embed or image target as written, such as "figure.svg"
 * @user_data: the resolver's data
 *
 * Returns: (transfer full) (nullable): a URI the answer page may load, or
 *   %NULL when the target cannot be found
 */
typedef char *(*LlmEmbedResolver) (const char *target,
                                   gpointer    user_data);

char *llm_render_markdown (const char       *markdown,
                           LlmEmbedResolver  resolver,
                           gpointer          user_data);

char *llm_render_markdown_with_links (const char       *markdown,
                                      LlmEmbedResolver  resolver,
                                      LlmEmbedResolver  link_resolver,
                                      gpointer          user_data);

char *llm_render_inline_plain (const char *markdown);

G_END_DECLS
