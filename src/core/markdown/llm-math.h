/* llm-math.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Starts the body of an embed-stash item that is a [[wikilink]] rather
 * than an ![[embed]]; a control character, so never part of a title. */
#define LLM_MATH_WIKILINK_MARK "\x01"

typedef enum
{
  LLM_MATH_KIND_INLINE,   /* $…$: body is the TeX */
  LLM_MATH_KIND_DISPLAY,  /* $$…$$: body is the TeX */
  LLM_MATH_KIND_EMBED,    /* ![[…]]: body is what is between the brackets */
  LLM_MATH_KIND_MARKUP,   /* body is HTML the caller built and escaped */
} LlmMathKind;

typedef struct _LlmMathStash LlmMathStash;

/**
 * LlmMathEmbedFunc:
 * @body: the embed as written between `![[` and `]]`
 * @user_data: the data given to llm_math_stash_restore()
 *
 * Returns: (transfer full): the HTML that stands for the embed
 */
typedef char *(*LlmMathEmbedFunc) (const char *body,
                                   gpointer    user_data);

LlmMathStash *llm_math_stash_new     (void);
void          llm_math_stash_free    (LlmMathStash     *stash);
char         *llm_math_stash_protect (LlmMathStash     *stash,
                                      const char       *markdown);
char         *llm_math_stash_add     (LlmMathStash     *stash,
                                      LlmMathKind       kind,
                                      const char       *body,
                                      const char       *fallback);
char         *llm_math_stash_restore (LlmMathStash     *stash,
                                      const char       *html,
                                      LlmMathEmbedFunc  embed_func,
                                      gpointer          user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlmMathStash, llm_math_stash_free)

G_END_DECLS
