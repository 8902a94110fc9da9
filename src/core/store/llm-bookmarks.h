/* llm-bookmarks.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LLM_TYPE_BOOKMARKS (llm_bookmarks_get_type())

G_DECLARE_FINAL_TYPE (LlmBookmarks, llm_bookmarks, LLM, BOOKMARKS, GObject)

LlmBookmarks *llm_bookmarks_new      (GSettings    *settings);
gboolean      llm_bookmarks_contains (LlmBookmarks *self,
                                      const char   *id);
void          llm_bookmarks_set      (LlmBookmarks *self,
                                      const char   *id,
                                      gboolean      bookmarked);
void          llm_bookmarks_toggle   (LlmBookmarks *self,
                                      const char   *id);
char        **llm_bookmarks_dup_ids  (LlmBookmarks *self);
guint         llm_bookmarks_get_count (LlmBookmarks *self);

G_END_DECLS
