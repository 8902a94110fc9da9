/* llm-load-problems.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-collection.h"

G_BEGIN_DECLS

GtkWindow *llm_load_problems_dialog_new (GtkWindow     *parent,
                                         LlmCollection *collection);

G_END_DECLS
