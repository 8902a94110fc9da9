/* llm-text-map.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Private to the search folder: the index and its results share it. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *text;        /* normalised; NULL when the field is empty */
  GArray *anchors;   /* back to the source text, sorted, the first at 0 */
} LlmTextMap;

void  llm_text_map_set          (LlmTextMap       *map,
                                 const char       *source,
                                 gboolean          keep_newlines);
void  llm_text_map_clear        (LlmTextMap       *map);
void  llm_text_map_span         (const LlmTextMap *map,
                                 const char       *source,
                                 gsize             start,
                                 gsize             end,
                                 gsize            *orig_start,
                                 gsize            *orig_end);
char *llm_search_strip_markdown (const char       *text);

G_END_DECLS
