/* llm-search-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Private to the search folder: what the index keeps per question, which
 * the result reads to cut its snippet. */

#pragma once

#include "llm-search.h"
#include "llm-text-map.h"

G_BEGIN_DECLS

typedef struct
{
  LlmQuestion *question;  /* borrowed: the collection keeps it alive */
  char *title;            /* normalised; titles are never snippet sources */
  LlmTextMap key_points;  /* one key point a line */
  LlmTextMap answer;
  LlmTextMap note;
  char *note_source;      /* the stripped note that the note field maps to */
} LlmSearchEntry;

char            *llm_search_join_key_points      (LlmQuestion          *question);
int              llm_search_entry_best_field     (const LlmSearchEntry *entry,
                                                  const char           *term);
LlmSearchResult *llm_search_result_new_for_entry (const LlmSearchEntry *entry,
                                                  LlmSearchField        field,
                                                  const char * const   *terms);

G_END_DECLS
