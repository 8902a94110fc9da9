/* llm-review-log-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What llm-review-log.c (the log object and its line format) asks of
 * llm-review-log-file.c (the durable append to the file). */

#pragma once

#include "llm-review-log.h"

G_BEGIN_DECLS

/* Appends @line and a line break to the file at @path with one write(),
 * creating it (with its header) and its folder if needed, and fsync()s
 * before returning. */
gboolean _llm_review_log_append_line (const char  *path,
                                      const char  *line,
                                      GError     **error);

G_END_DECLS
