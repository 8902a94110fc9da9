/* llm-export-chooser.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *llm_export_chooser_new (GtkWindow *parent);

G_END_DECLS
