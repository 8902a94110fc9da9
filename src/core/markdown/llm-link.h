/* llm-link.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *llm_link_sanitize_mailto  (const char *uri);
char *llm_link_describe         (const char *uri);
char *llm_link_prefix_footnotes (const char *html,
                                 const char *prefix);

G_END_DECLS
