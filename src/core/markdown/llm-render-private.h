/* llm-render-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the renderer shares with the files it is split into. */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

void llm_render_append_plain_text (GString    *out,
                                   cmark_node *node);

G_END_DECLS
