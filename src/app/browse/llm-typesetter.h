/* llm-typesetter.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LLM_TYPE_TYPESETTER (llm_typesetter_get_type ())
G_DECLARE_FINAL_TYPE (LlmTypesetter, llm_typesetter, LLM, TYPESETTER, GObject)

LlmTypesetter *llm_typesetter_get_default         (void);
LlmTypesetter *llm_typesetter_new                 (const char           *helper);
gboolean       llm_typesetter_has_formulas        (const char           *html);
char          *llm_typesetter_apply               (LlmTypesetter        *self,
                                                   const char           *html,
                                                   GPtrArray            *missing);
void           llm_typesetter_typeset_async       (LlmTypesetter        *self,
                                                   GPtrArray            *formulas,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       llm_typesetter_typeset_finish      (LlmTypesetter        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
