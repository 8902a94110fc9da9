/* llm-note-format.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Private to the note store: the text of a note file, its header and body. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GString    *llm_note_format_compose      (const char  *title,
                                          const char  *topic,
                                          const char  *body);
const char *llm_note_format_split        (const char  *text,
                                          char       **title,
                                          char       **topic);
const char *llm_note_format_next_line    (const char  *p,
                                          gsize       *length);
char       *llm_note_format_preview_line (const char  *line);

G_END_DECLS
