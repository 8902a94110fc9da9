/* llm-search-results.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LLM_TYPE_SEARCH_RESULTS (llm_search_results_get_type())

G_DECLARE_FINAL_TYPE (LlmSearchResults, llm_search_results, LLM, SEARCH_RESULTS, GtkWidget)

void  llm_search_results_set_results      (LlmSearchResults *self,
                                           GPtrArray        *results,
                                           guint             n_matches);
guint llm_search_results_get_n_items      (LlmSearchResults *self);
void  llm_search_results_activate_selected (LlmSearchResults *self);
void  llm_search_results_move_selection   (LlmSearchResults *self,
                                           int               delta);

G_END_DECLS
