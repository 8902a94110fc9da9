/* llm-callout.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Private to the markdown renderer. */

#pragma once

#include <glib.h>
#include <cmark-gfm.h>

G_BEGIN_DECLS

typedef struct
{
  char *written;    /* the type as written, for the default title */
  const char *type; /* its canonical name */
  char fold;        /* '-', '+' or 0 */
  char *title;
  guint n_nodes;    /* inline nodes of the first line, break included */
} LlmCallout;

gboolean llm_callout_parse        (cmark_node       *quote,
                                   LlmCallout       *callout);
void     llm_callout_strip_marker (cmark_node       *quote,
                                   const LlmCallout *callout);
char    *llm_callout_to_html      (const LlmCallout *callout,
                                   const char       *body);
void     llm_callout_clear        (LlmCallout       *callout);

G_END_DECLS
