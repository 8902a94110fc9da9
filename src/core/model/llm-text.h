/* llm-text.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *llm_text_normalize           (const char  *text);
char       *llm_text_casefold            (const char  *text);
const char *llm_text_skip_number_prefix  (const char  *title,
                                          guint       *number);
char       *llm_text_make_id             (const char  *title);
gboolean    llm_text_is_invisible        (gunichar     c);
gboolean    llm_text_looks_empty         (const char  *text);
gboolean    llm_text_is_blank            (const char  *text,
                                          gssize       length);
char       *llm_text_display_title       (const char  *title);

const char *llm_text_guess_language   (const char *text,
                                      gsize       max_bytes);

G_END_DECLS
