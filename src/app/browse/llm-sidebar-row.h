/* llm-sidebar-row.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-sidebar-model.h"

G_BEGIN_DECLS

#define LLM_TYPE_SIDEBAR_ROW (llm_sidebar_row_get_type())

G_DECLARE_FINAL_TYPE (LlmSidebarRow, llm_sidebar_row, LLM, SIDEBAR_ROW, GtkWidget)

GtkWidget *llm_sidebar_row_new      (LlmSidebarModel *model);
void       llm_sidebar_row_bind     (LlmSidebarRow   *self,
                                     GObject         *item);
void       llm_sidebar_row_unbind   (LlmSidebarRow   *self);
GObject   *llm_sidebar_row_get_item (LlmSidebarRow   *self);

G_END_DECLS
