/* llm-note-file.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Private to the note store: the files of the notes folder and how they
 * are named, read, written and recovered. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  llm_note_file_id_is_valid   (const char  *id);
char     *llm_note_file_path          (const char  *dir,
                                       const char  *id);
char     *llm_note_file_conflict_path (const char  *dir,
                                       const char  *id,
                                       GDateTime   *when);
void      llm_note_file_set_error     (GError     **error,
                                       int          saved_errno,
                                       const char  *what,
                                       const char  *path);
char     *llm_note_file_checksum      (const char  *contents,
                                       gsize        length);
gboolean  llm_note_file_read          (const char  *path,
                                       char       **text,
                                       char       **checksum,
                                       GError     **error);
gboolean  llm_note_file_write         (const char  *dir,
                                       const char  *path,
                                       const char  *contents,
                                       gsize        length,
                                       GError     **error);
GStrv     llm_note_file_list          (const char  *dir,
                                       gboolean     conflicts,
                                       const char  *only_id);
guint     llm_note_file_recover       (const char  *dir,
                                       const char  *id);

G_END_DECLS
