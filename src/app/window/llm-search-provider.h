/* llm-search-provider.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-user-data.h"

G_BEGIN_DECLS

#define LLM_TYPE_SEARCH_PROVIDER (llm_search_provider_get_type())

G_DECLARE_FINAL_TYPE (LlmSearchProvider, llm_search_provider, LLM, SEARCH_PROVIDER, GObject)

LlmSearchProvider *llm_search_provider_new        (GtkApplication     *application,
                                                   LlmUserData        *user_data,
                                                   GSettings          *settings);
gboolean           llm_search_provider_register   (LlmSearchProvider  *self,
                                                   GDBusConnection    *connection,
                                                   const char         *object_path,
                                                   GError            **error);
void               llm_search_provider_unregister (LlmSearchProvider  *self);

G_END_DECLS
