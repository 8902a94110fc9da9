/* llm-sidebar.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-bookmarks.h"
#include "llm-sidebar-model.h"
#include "llm-study.h"
#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_SIDEBAR (llm_sidebar_get_type())


G_DECLARE_FINAL_TYPE (LlmSidebar, llm_sidebar, LLM, SIDEBAR, GtkWidget)

GtkWidget *llm_sidebar_new             (void);
void       llm_sidebar_set_collection  (LlmSidebar    *self,
                                        LlmCollection *collection);
void       llm_sidebar_set_bookmarks   (LlmSidebar    *self,
                                        LlmBookmarks  *bookmarks);
gboolean   llm_sidebar_get_bookmarks_only (LlmSidebar *self);
void       llm_sidebar_set_bookmarks_only (LlmSidebar *self,
                                        gboolean       bookmarks_only);
gboolean   llm_sidebar_get_notes_only (LlmSidebar    *self);
void       llm_sidebar_set_notes_only (LlmSidebar    *self,
                                       gboolean       notes_only);
void       llm_sidebar_set_note_preview (LlmSidebar  *self,
                                         const char  *id,
                                         const char  *preview);
void       llm_sidebar_set_study       (LlmSidebar    *self,
                                        LlmStudy      *study);
void       llm_sidebar_set_interview_date (LlmSidebar  *self,
                                        const GDate   *date);
void       llm_sidebar_select_question (LlmSidebar    *self,
                                        LlmQuestion   *question);
guint      llm_sidebar_get_n_rows      (LlmSidebar    *self);
gboolean   llm_sidebar_is_pointer_pick (LlmSidebar    *self);
guint      llm_sidebar_get_n_topics    (LlmSidebar    *self);
LlmSidebarFilter llm_sidebar_get_filter (LlmSidebar   *self);
void       llm_sidebar_set_filter      (LlmSidebar    *self,
                                        LlmSidebarFilter filter);
LlmQuestion *llm_sidebar_get_neighbour (LlmSidebar    *self,
                                        LlmQuestion   *question,
                                        int            offset);

G_END_DECLS
