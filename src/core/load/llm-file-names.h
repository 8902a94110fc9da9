/* llm-file-names.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Private to the loaders. */
int         llm_file_name_compare         (const char *a,
                                           const char *b);
const char *llm_file_name_skip_number     (const char *name,
                                           guint      *number);
gboolean    llm_file_name_is_markdown     (const char *name);
char       *llm_file_name_strip_extension (const char *name);
gboolean    llm_file_name_is_generic      (const char *title);

G_END_DECLS
