/* fuzz-note-store.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The note-file parser, reached the way the app reaches it: the input is a
 * note file in a scratch notes folder, read by load, preview, read_header
 * and load_conflict. Saving what was read and reading it again must give
 * back the same body, title and topic: the header's quoting round-trips. */

#include "config.h"

#include "fuzz-util.h"
#include "llm-note-store.h"

#define ID "fuzz-note"

static LlmNoteStore *store;
static char *note_path;

static void
check_saved_again (const char *body,
                   const char *title,
                   const char *topic)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body2 = NULL;
  g_autofree char *title2 = NULL;
  g_autofree char *topic2 = NULL;
  g_autofree char *want_title = g_utf8_make_valid (title ? title : "", -1);
  g_autofree char *want_topic = g_utf8_make_valid (topic ? topic : "", -1);

  if (!llm_note_store_save (store, ID, title, topic, body, &error))
    g_error ("Saving a note that was just read failed: %s", error->message);

  body2 = llm_note_store_load (store, ID, &error);
  if (body2 == NULL)
    {
      /* A blank body deletes the note instead. */
      if (error != NULL || g_file_test (note_path, G_FILE_TEST_EXISTS))
        g_error ("A saved note did not load again");
      return;
    }

  if (g_strcmp0 (body, body2) != 0)
    g_error ("The body changed when saved and loaded:\n%s\n---\n%s", body, body2);
  if (!llm_note_store_read_header (store, ID, &title2, &topic2) ||
      g_strcmp0 (want_title, title2) != 0 || g_strcmp0 (want_topic, topic2) != 0)
    g_error ("The header changed when saved and read: “%s” “%s” → “%s” “%s”",
             want_title, want_topic, title2, topic2);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *scratch = NULL;
  g_autoptr(GFile) dir = NULL;

  fuzz_init ();
  scratch = fuzz_make_tmp_dir ();
  dir = g_file_new_for_path (scratch);
  store = llm_note_store_new (dir);
  note_path = g_build_filename (scratch, ID ".md", NULL);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *conflict = NULL;
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;
  gboolean has_header;

  fuzz_write_file (note_path, data, size);

  body = llm_note_store_load (store, ID, &error);
  if (body == NULL)
    g_error ("A note file could not be loaded: %s", error ? error->message : "no error");
  if (!g_utf8_validate (body, -1, NULL))
    g_error ("A loaded note is not valid UTF-8");
  if (llm_note_store_changed_on_disk (store, ID))
    g_error ("A note just loaded counts as changed on disk");

  preview = llm_note_store_preview (store, ID);
  if (preview != NULL && (!g_utf8_validate (preview, -1, NULL) ||
                          g_utf8_strlen (preview, -1) > 80))
    g_error ("Bad preview “%s”", preview);

  has_header = llm_note_store_read_header (store, ID, &title, &topic);
  conflict = llm_note_store_load_conflict (store, note_path, &error);
  if (conflict == NULL || g_strcmp0 (conflict, body) != 0)
    g_error ("The same file read as a conflict copy gives another body");

  check_saved_again (body, has_header ? title : NULL, has_header ? topic : NULL);

  return 0;
}
