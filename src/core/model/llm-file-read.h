/* llm-file-read.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most the app reads of any one file: a note, a markdown file or an
 * export's index.html larger than this is not text a person wrote, and
 * reading it whole could take the app down. */
#define LLM_FILE_READ_MAX_BYTES (64 * 1024 * 1024)

/* A markdown file opened by name is one the user chose, so it may be as
 * large as a whole book of notes in one file; past this it is not. */
#define LLM_FILE_READ_OPENED_MAX_BYTES ((gsize) 1024 * 1024 * 1024)

gboolean llm_file_read_path    (const char    *path,
                                char         **contents,
                                gsize         *length,
                                GError       **error);
gboolean llm_file_read         (GFile         *file,
                                GCancellable  *cancellable,
                                char         **contents,
                                gsize         *length,
                                GError       **error);
gboolean llm_file_read_at_most (GFile         *file,
                                gsize          max_bytes,
                                GCancellable  *cancellable,
                                char         **contents,
                                gsize         *length,
                                GError       **error);

G_END_DECLS
