/* llm-sidebar-model.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-bookmarks.h"
#include "llm-study.h"
#include "llm-types.h"

G_BEGIN_DECLS

typedef enum {
  LLM_SIDEBAR_FILTER_ALL,
  LLM_SIDEBAR_FILTER_STARRED,
  LLM_SIDEBAR_FILTER_NOTES,
  LLM_SIDEBAR_FILTER_DUE,
} LlmSidebarFilter;

#define LLM_TYPE_SIDEBAR_MODEL (llm_sidebar_model_get_type())

G_DECLARE_FINAL_TYPE (LlmSidebarModel, llm_sidebar_model, LLM, SIDEBAR_MODEL, GObject)

LlmSidebarModel  *llm_sidebar_model_new              (void);
void              llm_sidebar_model_set_collection   (LlmSidebarModel  *self,
                                                      LlmCollection    *collection);
LlmCollection    *llm_sidebar_model_get_collection   (LlmSidebarModel  *self);
GtkTreeListModel *llm_sidebar_model_get_tree         (LlmSidebarModel  *self);
void              llm_sidebar_model_set_bookmarks    (LlmSidebarModel  *self,
                                                      LlmBookmarks     *bookmarks);
LlmBookmarks     *llm_sidebar_model_get_bookmarks    (LlmSidebarModel  *self);
void              llm_sidebar_model_set_study        (LlmSidebarModel  *self,
                                                      LlmStudy         *study);
LlmStudy         *llm_sidebar_model_get_study        (LlmSidebarModel  *self);
gboolean          llm_sidebar_model_set_note_preview (LlmSidebarModel  *self,
                                                      const char       *id,
                                                      const char       *preview);
LlmSidebarFilter  llm_sidebar_model_get_filter       (LlmSidebarModel  *self);
void              llm_sidebar_model_set_filter       (LlmSidebarModel  *self,
                                                      LlmSidebarFilter  filter);
gboolean          llm_sidebar_model_set_current      (LlmSidebarModel  *self,
                                                      LlmQuestion      *question);
LlmQuestion      *llm_sidebar_model_get_current      (LlmSidebarModel  *self);
gboolean          llm_sidebar_model_matches_any      (LlmSidebarModel  *self);
LlmQuestion      *llm_sidebar_model_get_neighbour    (LlmSidebarModel  *self,
                                                      LlmQuestion      *question,
                                                      int               offset);
gboolean          llm_sidebar_model_is_bookmarked    (LlmSidebarModel  *self,
                                                      const char       *id);
const char       *llm_sidebar_model_get_note         (LlmSidebarModel  *self,
                                                      const char       *id);
LlmStudyState     llm_sidebar_model_get_state        (LlmSidebarModel  *self,
                                                      LlmQuestion      *question);
void              llm_sidebar_model_count_known      (LlmSidebarModel  *self,
                                                      LlmTopic         *topic,
                                                      guint            *n_known,
                                                      guint            *n_total);

G_END_DECLS
