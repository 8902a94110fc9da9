/* llm-answer-page.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

#include "llm-types.h"

G_BEGIN_DECLS

/* The one page every answer view loads, and the script world the app's
 * own scripts (page.js, KaTeX, highlight.js) run in. */
#define LLM_ANSWER_PAGE_URI   "app://llm/page/page.html"
#define LLM_ANSWER_PAGE_WORLD "llm"
/* Where the page finds the files of the collection shown (its images). */
#define LLM_ANSWER_PAGE_FILES "app://collection/"

#define LLM_TYPE_ANSWER_PAGE (llm_answer_page_get_type())

G_DECLARE_FINAL_TYPE (LlmAnswerPage, llm_answer_page, LLM, ANSWER_PAGE, GObject)

LlmAnswerPage *llm_answer_page_get_default    (void);
WebKitWebView *llm_answer_page_create_view    (LlmAnswerPage *self);
void           llm_answer_page_load           (LlmAnswerPage *self,
                                               WebKitWebView *web_view);
void           llm_answer_page_set_collection (LlmAnswerPage *self,
                                               WebKitWebView *web_view,
                                               LlmCollection *collection);
guint          llm_answer_page_get_collection_number (LlmAnswerPage *self,
                                                      WebKitWebView *web_view);
void           llm_answer_page_prepare        (LlmAnswerPage *self,
                                               WebKitWebView *web_view,
                                               const char    *html);
char          *llm_answer_page_file_uri       (const char    *path,
                                               guint          collection_number);

G_END_DECLS
