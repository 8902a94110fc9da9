/* llm-search.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "llm-types.h"

G_BEGIN_DECLS

/* Where a query matched, best first: results sort by this. */
typedef enum {
  LLM_SEARCH_FIELD_TITLE,
  LLM_SEARCH_FIELD_KEY_POINT,
  LLM_SEARCH_FIELD_ANSWER,
  LLM_SEARCH_FIELD_NOTE,
} LlmSearchField;

/* What llm_search_index_query() returns when asked for no particular cap. */
#define LLM_SEARCH_DEFAULT_LIMIT 200

/* Returns the personal note of question @id, or %NULL if it has none. */
typedef const char *(*LlmSearchNoteFunc) (const char *id,
                                          gpointer    user_data);

#define LLM_TYPE_SEARCH_FIELD (llm_search_field_get_type())
#define LLM_TYPE_SEARCH_RESULT (llm_search_result_get_type())
#define LLM_TYPE_SEARCH_INDEX (llm_search_index_get_type())

GType llm_search_field_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (LlmSearchResult, llm_search_result, LLM, SEARCH_RESULT, GObject)
G_DECLARE_FINAL_TYPE (LlmSearchIndex, llm_search_index, LLM, SEARCH_INDEX, GObject)

LlmQuestion    *llm_search_result_get_question       (LlmSearchResult   *self);
LlmSearchField  llm_search_result_get_field          (LlmSearchResult   *self);
const char     *llm_search_result_get_snippet        (LlmSearchResult   *self);
gboolean        llm_search_result_get_match          (LlmSearchResult   *self,
                                                      guint             *start,
                                                      guint             *end);
char           *llm_search_result_get_snippet_markup (LlmSearchResult   *self);

LlmSearchIndex *llm_search_index_new                 (LlmCollection     *collection,
                                                      LlmSearchNoteFunc  note_func,
                                                      gpointer           user_data);
LlmCollection  *llm_search_index_get_collection      (LlmSearchIndex    *self);
void            llm_search_index_set_note            (LlmSearchIndex    *self,
                                                      const char        *id,
                                                      const char        *text);
GPtrArray      *llm_search_index_query               (LlmSearchIndex    *self,
                                                      const char        *query,
                                                      guint              limit);
GPtrArray      *llm_search_index_query_full          (LlmSearchIndex    *self,
                                                      const char        *query,
                                                      guint              limit,
                                                      guint             *n_matches);

G_END_DECLS
