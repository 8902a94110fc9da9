/* llm-web-memory.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

void llm_web_memory_prepare_context (WebKitWebContext *context);
void llm_web_memory_prepare         (WebKitWebView    *web_view);

G_END_DECLS
