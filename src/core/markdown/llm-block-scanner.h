/* llm-block-scanner.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LLM_LINE_BLANK,
  LLM_LINE_TEXT,      /* anything else outside code and HTML blocks */
  LLM_LINE_HEADING,   /* an ATX heading, "## Title" */
  LLM_LINE_SETEXT,    /* the "===" or "---" under a setext heading's text */
  LLM_LINE_FENCE,     /* the line that opens or closes fenced code */
  LLM_LINE_CODE,      /* a line inside fenced code */
  LLM_LINE_HTML,      /* a line of an HTML block */
} LlmLineKind;

/* What one line is, given the lines before it. Plain data: put one on the
 * stack, zeroed, and feed it lines in order. */
typedef struct
{
  /*< private >*/
  char fence_char;
  guint fence_len;
  guint html_kind;
  guint list_indent;         /* content column of the list being read, or 0 */
  gboolean in_paragraph;     /* the previous line continues a paragraph */
  gboolean plain_paragraph;  /* ... one a setext underline may close */
  gboolean after_blank;
  guint paragraph_start;     /* index of that paragraph's first line */
  guint n_lines;
} LlmBlockScanner;

LlmLineKind  llm_block_scanner_feed         (LlmBlockScanner *self,
                                             const char      *line,
                                             int             *level);
guint        llm_block_scanner_paragraph_start (LlmBlockScanner *self);

int          llm_markdown_atx_heading       (const char      *line,
                                             const char     **text,
                                             gsize           *text_len);
gboolean     llm_markdown_is_blank          (const char      *line);
const char  *llm_markdown_skip_indent       (const char      *line);
gsize        llm_markdown_ordered_item      (const char      *line,
                                             guint           *number);
gsize        llm_markdown_list_item         (const char      *line);
gsize        llm_markdown_fence_open        (const char      *p);
gboolean     llm_markdown_fence_closes      (const char      *p,
                                             char             fence_char,
                                             gsize            length);
const char  *llm_markdown_code_span_end     (const char      *p);

G_END_DECLS
