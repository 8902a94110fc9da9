/* llm-mark-extension.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

G_BEGIN_DECLS

cmark_syntax_extension *llm_mark_extension_get (void);

G_END_DECLS
