/* test-note-store.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <glib/gstdio.h>

#include "llm-note-store.h"
#include "llm-test-files.h"

typedef struct
{
  char *dir;
  LlmNoteStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;

  fixture->dir = g_dir_make_tmp ("llm-note-store-XXXXXX", &error);
  g_assert_no_error (error);

  dir = g_file_new_for_path (fixture->dir);
  fixture->store = llm_note_store_new (dir);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  llm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
read_raw (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_raw (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static gboolean
exists_in (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = path_in (fixture, name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Every name in the folder, sorted, to catch stray temporary files. */
static char *
folder_listing (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_ascii_strcasecmp);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static void
assert_round_trip (Fixture    *fixture,
                   const char *id,
                   const char *title,
                   const char *topic,
                   const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *read_title = NULL;
  g_autofree char *read_topic = NULL;
  gboolean ok;

  ok = llm_note_store_save (fixture->store, id, title, topic, body, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  loaded = llm_note_store_load (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded, ==, body);

  g_assert_true (llm_note_store_read_header (fixture->store, id, &read_title, &read_topic));
  g_assert_cmpstr (read_title, ==, title);
  g_assert_cmpstr (read_topic, ==, topic);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *raw = NULL;
  g_auto(GStrv) lines = NULL;

  assert_round_trip (fixture, "what-is-attention", "What is attention?", "Transformers",
                     "Scaled dot product.\n\n- softmax(QK^T/√d)V\n");
  assert_round_trip (fixture, "注意力机制是什么", "注意力机制是什么？", "变换器",
                     "缩放点积注意力。\n第二行");
  /* Leading blank lines, a rule and no final newline survive as typed. */
  assert_round_trip (fixture, "rules", "Rules", "Markdown",
                     "\n\n---\nquestion: not a header\n---\n\nend");
  assert_round_trip (fixture, "crlf", "CRLF", "Windows", "one\r\ntwo\r\n");

  raw = read_raw (fixture, "what-is-attention.md");
  lines = g_strsplit (raw, "\n", 7);
  g_assert_cmpstr (lines[0], ==, "---");
  g_assert_cmpstr (lines[1], ==, "question: \"What is attention?\"");
  g_assert_cmpstr (lines[2], ==, "topic: \"Transformers\"");
  g_assert_true (g_regex_match_simple ("^updated: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       lines[3], 0, 0));
  g_assert_cmpstr (lines[4], ==, "---");
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_cmpstr (lines[6], ==, "Scaled dot product.\n\n- softmax(QK^T/√d)V\n");
}

static void
test_header_escaping (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *hostile = "Key: value\n---\ntopic: injected\n\"quoted\" \\ back\ttab\r\x01 end\xE2\x80\xA8";
  g_autofree char *raw = NULL;
  g_auto(GStrv) lines = NULL;

  assert_round_trip (fixture, "hostile", hostile, "Topic: with colon", "Body.\n");
  assert_round_trip (fixture, "dashes", "---", "---", "---\n");
  assert_round_trip (fixture, "empty-title", "", "", "Body");

  /* The header stays five lines whatever the title holds. */
  raw = read_raw (fixture, "hostile.md");
  lines = g_strsplit (raw, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "---");
  g_assert_true (g_str_has_prefix (lines[1], "question: \"Key: value\\n---\\ntopic: injected\\n"));
  g_assert_true (g_str_has_suffix (lines[1], "\\r\\x01 end\\u2028\""));
  g_assert_cmpstr (lines[2], ==, "topic: \"Topic: with colon\"");
  g_assert_cmpstr (lines[4], ==, "---");
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_cmpstr (lines[6], ==, "Body.");
}

static void
test_lenient_header (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;

  /* Hand-edited: CRLF, a BOM, plain and single-quoted values, an extra key,
   * a comment and an indented list. */
  write_raw (fixture, "edited.md",
             "\xEF\xBB\xBF---\r\nquestion: It's plain: really  \r\ntopic: 'It''s quoted'\r\n"
             "# a comment\r\ntags:\r\n  - one\r\n---\r\n\r\nThe body.\r\n");
  body = llm_note_store_load (fixture->store, "edited", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, "The body.\r\n");
  g_assert_true (llm_note_store_read_header (fixture->store, "edited", &title, &topic));
  g_assert_cmpstr (title, ==, "It's plain: really");
  g_assert_cmpstr (topic, ==, "It's quoted");
  g_clear_pointer (&body, g_free);
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&topic, g_free);

  /* Escapes another YAML writer may use. */
  write_raw (fixture, "escapes.md",
             "---\nquestion: \"\\u6CE8\\x41\\U0001F600 \\/ \\x00 \\q\"\ntopic: \"unterminated\n---\nBody");
  body = llm_note_store_load (fixture->store, "escapes", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, "Body");
  g_assert_true (llm_note_store_read_header (fixture->store, "escapes", &title, &topic));
  g_assert_cmpstr (title, ==, "注A😀 / \xEF\xBF\xBD q");
  g_assert_cmpstr (topic, ==, "unterminated");
  g_clear_pointer (&body, g_free);

  /* Header at the very end, nothing after. */
  write_raw (fixture, "empty-body.md", "---\nquestion: \"Q\"\n---");
  body = llm_note_store_load (fixture->store, "empty-body", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, "");
}

static void
test_headerless (Fixture       *fixture,
                 gconstpointer  data)
{
  struct {
    const char *name;
    const char *contents;
  } cases[] = {
    { "plain.md", "Just a note\nwritten by hand.\n" },
    /* Another app's front matter is not ours: all of it is body. */
    { "obsidian.md", "---\ntags: [llm]\n---\n\nBody" },
    /* A rule that opens a note is no header either. */
    { "rule.md", "---\nSome text\n---\nMore" },
    { "unclosed.md", "---\nquestion: \"Q\"\nno end" },
    { "only-rule.md", "---" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strndup (cases[i].name, strlen (cases[i].name) - 3);
      g_autofree char *body = NULL;
      g_autofree char *title = NULL;

      write_raw (fixture, cases[i].name, cases[i].contents);
      body = llm_note_store_load (fixture->store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (body, ==, cases[i].contents);
      g_assert_false (llm_note_store_read_header (fixture->store, id, &title, NULL));
      g_assert_null (title);
    }
}

static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "latin1.md");
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_file_set_contents (path, "caf\xE9\0x", 6, &error);
  g_assert_no_error (error);

  body = llm_note_store_load (fixture->store, "latin1", &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_cmpstr (body, ==, "caf\xEF\xBF\xBD\xEF\xBF\xBDx");
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) ids = NULL;

  body = llm_note_store_load (fixture->store, "nothing-here", &error);
  g_assert_no_error (error);
  g_assert_null (body);

  g_assert_true (llm_note_store_delete (fixture->store, "nothing-here", &error));
  g_assert_no_error (error);

  g_assert_null (llm_note_store_preview (fixture->store, "nothing-here"));
  g_assert_false (llm_note_store_read_header (fixture->store, "nothing-here", &title, NULL));
  g_assert_null (title);
  g_assert_false (llm_note_store_changed_on_disk (fixture->store, "nothing-here"));

  ids = llm_note_store_list_ids (fixture->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
}

static void
test_creates_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "data", "com.example.LLMNotes", "notes", NULL);
  g_autofree char *note = g_build_filename (nested, "q.md", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (nested);
  g_autoptr(LlmNoteStore) store = llm_note_store_new (dir);
  g_auto(GStrv) ids = NULL;
  GStatBuf st;

  /* No folder yet is no notes, not an error. */
  ids = llm_note_store_list_ids (store);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
  g_assert_false (g_file_test (nested, G_FILE_TEST_EXISTS));

  g_assert_true (llm_note_store_save (store, "q", "Q", "T", "Body", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (note, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (note, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (llm_note_store_get_directory (store) == dir);
}

static void
on_monitor_event (GFileMonitor      *monitor,
                  GFile             *file,
                  GFile             *other,
                  GFileMonitorEvent  event,
                  gpointer           user_data)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT)
    *(gboolean *) user_data = TRUE;
}

static gboolean
set_true (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A note watched before its folder exists: the folder is made (or GLib
 * would poll for it), and a write from elsewhere is heard. */
static void
test_monitor_note (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (fixture->dir, "notes", NULL);
  g_autofree char *note = g_build_filename (nested, "q.md", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (nested);
  g_autoptr(LlmNoteStore) store = llm_note_store_new (dir);
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  gboolean timed_out = FALSE;
  guint timeout;

  g_assert_null (llm_note_store_monitor_note (store, "../q"));
  g_assert_false (g_file_test (nested, G_FILE_TEST_EXISTS));

  monitor = llm_note_store_monitor_note (store, "q");
  g_assert_nonnull (monitor);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_DIR));
  g_signal_connect (monitor, "changed", G_CALLBACK (on_monitor_event), &done);

  g_file_set_contents (note, "Written by a sync tool.\n", -1, &error);
  g_assert_no_error (error);
  timeout = g_timeout_add_seconds (10, set_true, &timed_out);
  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done);
  g_source_remove (timeout);
  g_assert_true (llm_note_store_changed_on_disk (store, "q"));
}

static void
test_empty_body_deletes (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *blanks[] = { "", "   ", "\n\n\t\r\n", "\xE3\x80\x80 \xC2\xA0" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *body = NULL;
      g_auto(GStrv) ids = NULL;

      g_assert_true (llm_note_store_save (fixture->store, "q", "Q", "T", "Something", &error));
      g_assert_no_error (error);
      g_assert_true (exists_in (fixture, "q.md"));

      g_assert_true (llm_note_store_save (fixture->store, "q", "Q", "T", blanks[i], &error));
      g_assert_no_error (error);
      g_assert_false (exists_in (fixture, "q.md"));

      body = llm_note_store_load (fixture->store, "q", &error);
      g_assert_no_error (error);
      g_assert_null (body);
      ids = llm_note_store_list_ids (fixture->store);
      g_assert_cmpuint (g_strv_length (ids), ==, 0);
    }

  /* Clearing a note that never existed is fine too. */
  g_assert_true (llm_note_store_save (fixture->store, "never", NULL, NULL, "", NULL));
  g_assert_false (exists_in (fixture, "never.md"));
}

static void
test_list_ids (Fixture       *fixture,
               gconstpointer  data)
{
  /* A copy named by a tool that keeps no dot out of it is a note like any
   * other: listed, not hidden. */
  const char * const expected[] = { "a-first", "b-second", "b-second (conflicted copy)",
                                    "z-last", "注意力", NULL };
  g_autofree char *subdir = path_in (fixture, "dir-note.md");
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) conflicts = NULL;
  g_auto(GStrv) mine = NULL;
  g_auto(GStrv) none = NULL;

  for (guint i = G_N_ELEMENTS (expected) - 1; i > 0; i--)
    {
      if (strchr (expected[i - 1], ' '))
        continue;
      g_assert_true (llm_note_store_save (fixture->store, expected[i - 1], "T", "T", "Body", &error));
      g_assert_no_error (error);
    }

  copy = llm_note_store_save_conflict_copy (fixture->store, "a-first", "Other", &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  /* What a killed write, a sync tool, a person or a bug may leave. */
  write_raw (fixture, "a-first.md.Ab12Cd", "temporary");
  write_raw (fixture, "b-second.sync-conflict-20260101-120000-ABCDEFG.md", "syncthing");
  write_raw (fixture, ".hidden.md", "hidden");
  write_raw (fixture, "notes.txt", "not markdown");
  write_raw (fixture, ".md", "no stem");
  write_raw (fixture, "b-second (conflicted copy).md", "dropbox");
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);

  ids = llm_note_store_list_ids (fixture->store);
  g_assert_cmpstrv (ids, expected);

  conflicts = llm_note_store_list_conflicts (fixture->store, NULL);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 2);
  g_assert_cmpstr (conflicts[0], ==, copy);
  g_assert_true (g_str_has_suffix (conflicts[1], "/b-second.sync-conflict-20260101-120000-ABCDEFG.md"));

  mine = llm_note_store_list_conflicts (fixture->store, "a-first");
  g_assert_cmpuint (g_strv_length (mine), ==, 1);
  g_assert_cmpstr (mine[0], ==, copy);

  none = llm_note_store_list_conflicts (fixture->store, "z-last");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GString) long_cjk = g_string_new ("  ");
  g_autofree char *preview = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *cut = NULL;

  g_assert_true (llm_note_store_save (fixture->store, "q", "Title not preview", "T",
                                      "\n  \n\t  First line here.  \r\nSecond line\n", NULL));
  preview = llm_note_store_preview (fixture->store, "q");
  g_assert_cmpstr (preview, ==, "First line here.");
  g_clear_pointer (&preview, g_free);

  /* Shown as text: no heading marks, quote, list markers or inline markup. */
  g_assert_true (llm_note_store_save (fixture->store, "md", "T", "T",
                                      "##\n\n## Why **scale** by `sqrt(d)`?\nrest\n", NULL));
  preview = llm_note_store_preview (fixture->store, "md");
  g_assert_cmpstr (preview, ==, "Why scale by sqrt(d)?");
  g_clear_pointer (&preview, g_free);
  g_assert_true (llm_note_store_save (fixture->store, "md", "T", "T",
                                      "> - [x] See [the paper](https://example.org) *first*\n", NULL));
  preview = llm_note_store_preview (fixture->store, "md");
  g_assert_cmpstr (preview, ==, "See the paper first");
  g_clear_pointer (&preview, g_free);

  for (guint i = 0; i < 100; i++)
    g_string_append (long_cjk, i % 2 ? "意" : "注");
  g_assert_true (llm_note_store_save (fixture->store, "long", "T", "T", long_cjk->str, NULL));
  preview = llm_note_store_preview (fixture->store, "long");
  g_assert_true (g_utf8_validate (preview, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (preview, -1), ==, 80);
  cut = g_utf8_substring (long_cjk->str + 2, 0, 79);
  expected = g_strconcat (cut, "…", NULL);
  g_assert_cmpstr (preview, ==, expected);
  g_clear_pointer (&preview, g_free);

  /* Exactly 80 is kept whole. */
  g_string_truncate (long_cjk, 2 + 80 * 3);
  g_assert_true (llm_note_store_save (fixture->store, "exact", "T", "T", long_cjk->str, NULL));
  preview = llm_note_store_preview (fixture->store, "exact");
  g_assert_cmpstr (preview, ==, long_cjk->str + 2);
  g_clear_pointer (&preview, g_free);

  write_raw (fixture, "blank.md", "---\nquestion: \"Q\"\n---\n\n   \n");
  g_assert_null (llm_note_store_preview (fixture->store, "blank"));

  write_raw (fixture, "headerless.md", "\nHand written");
  preview = llm_note_store_preview (fixture->store, "headerless");
  g_assert_cmpstr (preview, ==, "Hand written");
}

static void
test_invalid_ids (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *bad[] = { "", ".hidden", "..", "../escape", "a/b", "/abs", "a\\b", "a.b",
                        "a.conflict-1", "tab\there", "bad\xFFutf8" };
  g_autofree char *outside = g_build_filename (fixture->dir, "..", "escape.md", NULL);
  g_autofree char *listing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *body = NULL;
      g_autofree char *copy = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) conflicts = NULL;

      g_test_message ("bad id %u", i);

      g_assert_false (llm_note_store_save (fixture->store, bad[i], "T", "T", "Body", &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_clear_error (&error);

      body = llm_note_store_load (fixture->store, bad[i], &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_assert_null (body);
      g_clear_error (&error);

      g_assert_false (llm_note_store_delete (fixture->store, bad[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_clear_error (&error);

      copy = llm_note_store_save_conflict_copy (fixture->store, bad[i], "Body", &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_assert_null (copy);
      g_clear_error (&error);

      g_assert_null (llm_note_store_preview (fixture->store, bad[i]));
      g_assert_false (llm_note_store_read_header (fixture->store, bad[i], &title, NULL));
      g_assert_null (title);
      g_assert_false (llm_note_store_changed_on_disk (fixture->store, bad[i]));
      conflicts = llm_note_store_list_conflicts (fixture->store, bad[i]);
      g_assert_cmpuint (g_strv_length (conflicts), ==, 0);
    }

  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  listing = folder_listing (fixture);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_null_id (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) dir = g_file_new_for_path (g_get_tmp_dir ());
      g_autoptr(LlmNoteStore) store = llm_note_store_new (dir);

      llm_note_store_save (store, NULL, "T", "T", "Body", NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*id != NULL*");
}

/* Tests run as root, which ignores permissions: a folder that cannot be
 * created stands in for a read-only one. */
static void
test_unusable_folder (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *plain = path_in (fixture, "plain-file");
  g_autofree char *notes = g_build_filename (plain, "notes", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (notes);
  g_autoptr(LlmNoteStore) store = llm_note_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *still = NULL;
  g_auto(GStrv) ids = NULL;

  write_raw (fixture, "plain-file", "a regular file");

  g_assert_false (llm_note_store_save (store, "q", "Q", "T", "Body", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, notes));
  /* The reason first, where a short status line still shows it. */
  g_assert_true (g_str_has_prefix (error->message, g_strerror (ENOTDIR)));
  g_clear_error (&error);

  copy = llm_note_store_save_conflict_copy (store, "q", "Body", &error);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_null (copy);
  g_clear_error (&error);

  body = llm_note_store_load (store, "q", &error);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, "q.md"));
  g_assert_null (body);
  g_clear_error (&error);

  /* Cannot tell: the app must look before overwriting. */
  g_assert_true (llm_note_store_changed_on_disk (store, "q"));

  ids = llm_note_store_list_ids (store);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);

  still = read_raw (fixture, "plain-file");
  g_assert_cmpstr (still, ==, "a regular file");
}

static void
test_target_is_directory (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *target = path_in (fixture, "q.md");
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *listing = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);

  g_assert_false (llm_note_store_save (fixture->store, "q", "Q", "T", "Body", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "q.md"));
  g_assert_true (g_str_has_prefix (error->message, g_strerror (EISDIR)));
  g_clear_error (&error);

  body = llm_note_store_load (fixture->store, "q", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "q.md"));
  g_assert_null (body);
  g_clear_error (&error);

  g_assert_false (llm_note_store_delete (fixture->store, "q", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  ids = llm_note_store_list_ids (fixture->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 0);

  /* The failed write cleaned up after itself. */
  listing = folder_listing (fixture);
  g_assert_cmpstr (listing, ==, "q.md");
}

static void
test_fifo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *fifo = path_in (fixture, "pipe.md");
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  /* Must return, not wait for a writer. */
  body = llm_note_store_load (fixture->store, "pipe", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_null (body);
  g_assert_null (llm_note_store_preview (fixture->store, "pipe"));
}

/* A full disk, simulated with a file size limit, which root obeys too. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy_error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *body = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *listing = NULL;
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  gboolean ok;

  g_assert_true (llm_note_store_save (fixture->store, "q", "Q", "T", "The good version.\n", &error));
  g_assert_no_error (error);
  before = read_raw (fixture, "q.md");

  for (guint i = 0; i < 2000; i++)
    g_string_append (big, "A line that makes the note far larger than the limit.\n");

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  ok = llm_note_store_save (fixture->store, "q", "Q", "T", big->str, &error);
  copy = llm_note_store_save_conflict_copy (fixture->store, "q", big->str, &copy_error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, G_FILE_ERROR, (int)g_file_error_from_errno (EFBIG));
  g_assert_nonnull (strstr (error->message, "q.md"));
  g_assert_true (g_str_has_prefix (error->message, g_strerror (EFBIG)));
  g_assert_error (copy_error, G_FILE_ERROR, (int)g_file_error_from_errno (EFBIG));
  g_assert_null (copy);

  after = read_raw (fixture, "q.md");
  g_assert_cmpstr (after, ==, before);
  body = llm_note_store_load (fixture->store, "q", NULL);
  g_assert_cmpstr (body, ==, "The good version.\n");

  /* No half-written temporary file is left behind either. */
  listing = folder_listing (fixture);
  g_assert_cmpstr (listing, ==, "q.md");
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "q.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *raw = NULL;
  gboolean ok;

  g_assert_true (llm_note_store_save (fixture->store, "q", "Q", "T", "Mine", &error));
  g_assert_no_error (error);
  g_assert_false (llm_note_store_changed_on_disk (fixture->store, "q"));

  /* A touch keeps the text: nothing to merge. */
  ok = g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                                    G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_false (llm_note_store_changed_on_disk (fixture->store, "q"));

  /* A sync tool's rewrite of the same size, even with the old mtime. */
  raw = read_raw (fixture, "q.md");
  g_assert_true (g_str_has_suffix (raw, "Mine"));
  raw[strlen (raw) - 4] = 'T';
  write_raw (fixture, "q.md", raw);
  ok = g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                                    G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (llm_note_store_changed_on_disk (fixture->store, "q"));

  /* Loading takes that version in. */
  body = llm_note_store_load (fixture->store, "q", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, "Tine");
  g_assert_false (llm_note_store_changed_on_disk (fixture->store, "q"));

  /* Deleted elsewhere. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (llm_note_store_changed_on_disk (fixture->store, "q"));
  g_clear_pointer (&body, g_free);
  body = llm_note_store_load (fixture->store, "q", &error);
  g_assert_no_error (error);
  g_assert_null (body);
  g_assert_false (llm_note_store_changed_on_disk (fixture->store, "q"));

  /* Created elsewhere, after the store saw none. */
  write_raw (fixture, "q.md", "From the phone");
  g_assert_true (llm_note_store_changed_on_disk (fixture->store, "q"));

  /* Never loaded here, yet on disk: saving would overwrite it. */
  write_raw (fixture, "other.md", "From the laptop");
  g_assert_true (llm_note_store_changed_on_disk (fixture->store, "other"));

  /* The store's own delete is not a change. */
  g_assert_true (llm_note_store_delete (fixture->store, "q", &error));
  g_assert_no_error (error);
  g_assert_false (llm_note_store_changed_on_disk (fixture->store, "q"));
}

static void
test_conflict_copy (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *second = NULL;
  g_autofree char *copy_body = NULL;
  g_autofree char *disk_body = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) conflicts = NULL;

  g_assert_true (llm_note_store_save (fixture->store, "q", "注意: Q", "T", "Mine, version 1", &error));
  g_assert_no_error (error);

  write_raw (fixture, "q.md", "---\nquestion: \"Their title\"\ntopic: \"T\"\n---\n\nTheirs");
  g_assert_true (llm_note_store_changed_on_disk (fixture->store, "q"));

  /* The app keeps the typed version aside and takes theirs. */
  copy = llm_note_store_save_conflict_copy (fixture->store, "q", "Mine, version 2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  name = g_path_get_basename (copy);
  g_assert_true (g_regex_match_simple ("^q\\.conflict-\\d{8}T\\d{6}Z\\.md$", name, 0, 0));

  /* A copy leaves the note and what the store knows of it alone. */
  g_assert_true (llm_note_store_changed_on_disk (fixture->store, "q"));

  copy_body = llm_note_store_load_conflict (fixture->store, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy_body, ==, "Mine, version 2");
  raw = read_raw (fixture, name);
  g_assert_true (g_str_has_prefix (raw, "---\nquestion: \"注意: Q\"\ntopic: \"T\"\nupdated: "));

  disk_body = llm_note_store_load (fixture->store, "q", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (disk_body, ==, "Theirs");

  /* A second conflict within the same second gets its own file. */
  second = llm_note_store_save_conflict_copy (fixture->store, "q", "Mine, version 3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, copy);

  ids = llm_note_store_list_ids (fixture->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "q");
  conflicts = llm_note_store_list_conflicts (fixture->store, "q");
  g_assert_cmpuint (g_strv_length (conflicts), ==, 2);

  /* A store that never saw the note takes the title from the file. */
  {
    g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
    g_autoptr(LlmNoteStore) fresh = llm_note_store_new (dir);
    g_autofree char *third = llm_note_store_save_conflict_copy (fresh, "q", "Fresh", &error);
    g_autofree char *third_name = NULL;
    g_autofree char *third_raw = NULL;

    g_assert_no_error (error);
    third_name = g_path_get_basename (third);
    third_raw = read_raw (fixture, third_name);
    g_assert_true (g_str_has_prefix (third_raw, "---\nquestion: \"Their title\"\n"));
  }

  g_assert_null (llm_note_store_load_conflict (fixture->store, "/nonexistent/q.conflict-x.md", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  g_assert_true (llm_note_store_read_header (fixture->store, "q", &title, NULL));
  g_assert_cmpstr (title, ==, "Their title");
}

/* Leftovers of killed saves: newer than the note, kept as a conflict
 * copy; older, empty or the same as the note, removed; at start and
 * before the next save of that note. */
static void
set_mtime (Fixture    *fixture,
           const char *name,
           gint64      seconds)
{
  g_autofree char *path = path_in (fixture, name);
  struct timespec times[2] = { { seconds, 0 }, { seconds, 0 } };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_recover_leftovers (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) conflicts = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *recovered = NULL;
  g_autofree char *body = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_true (llm_note_store_save (fixture->store, "a", "A", "T", "Old text.\n", &error));
  g_assert_true (llm_note_store_save (fixture->store, "b", "B", "T", "Old text.\n", &error));
  g_assert_true (llm_note_store_save (fixture->store, "c", "C", "T", "Same.\n", &error));
  g_assert_no_error (error);
  set_mtime (fixture, "a.md", now - 100);
  set_mtime (fixture, "b.md", now - 100);

  /* a: a newer save killed before its rename, cut short. */
  write_raw (fixture, "a.md.X1b2C3", "---\nquestion: \"A\"\n---\n\nNew text, typed aft");
  /* b: an older attempt, superseded. */
  write_raw (fixture, "b.md.aaaaaa", "---\nquestion: \"B\"\n---\n\nAncient.\n");
  set_mtime (fixture, "b.md.aaaaaa", now - 200);
  /* c: the same as the note; empty; a note that never landed at all. */
  {
    g_autofree char *same = read_raw (fixture, "c.md");

    write_raw (fixture, "c.md.bbbbbb", same);
    write_raw (fixture, "c.md.cccccc", "");
    write_raw (fixture, "d.md.dddddd", "---\nquestion: \"D\"\n---\n\nFirst words.\n");
  }
  /* Not GLib's: left alone. */
  write_raw (fixture, "e.md.toolong7", "x");

  g_assert_cmpuint (llm_note_store_recover (fixture->store, NULL), ==, 2);

  conflicts = llm_note_store_list_conflicts (fixture->store, "a");
  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  recovered = llm_note_store_load_conflict (fixture->store, conflicts[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (recovered, ==, "New text, typed aft");
  g_clear_pointer (&conflicts, g_strfreev);
  conflicts = llm_note_store_list_conflicts (fixture->store, "d");
  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  g_clear_pointer (&conflicts, g_strfreev);
  conflicts = llm_note_store_list_conflicts (fixture->store, "b");
  g_assert_cmpuint (g_strv_length (conflicts), ==, 0);
  g_clear_pointer (&conflicts, g_strfreev);

  /* The notes themselves are untouched. */
  body = llm_note_store_load (fixture->store, "a", &error);
  g_assert_cmpstr (body, ==, "Old text.\n");
  listing = folder_listing (fixture);
  {
    g_auto(GStrv) names = g_strsplit (listing, " ", -1);

    for (guint i = 0; names[i] != NULL; i++)
      g_assert_false (g_pattern_match_simple ("*.md.??????", names[i]));
  }
  g_assert_nonnull (strstr (listing, "e.md.toolong7"));
  g_clear_pointer (&listing, g_free);

  /* Before a save, that note's leftover is recovered, not overwritten. */
  write_raw (fixture, "b.md.eeeeee", "---\nquestion: \"B\"\n---\n\nKilled midway.\n");
  g_assert_true (llm_note_store_save (fixture->store, "b", "B", "T", "Newest.\n", &error));
  g_assert_no_error (error);
  conflicts = llm_note_store_list_conflicts (fixture->store, "b");
  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  g_clear_pointer (&recovered, g_free);
  recovered = llm_note_store_load_conflict (fixture->store, conflicts[0], &error);
  g_assert_cmpstr (recovered, ==, "Killed midway.\n");
  g_assert_false (exists_in (fixture, "b.md.eeeeee"));
}

#define ADD(path, func) \
  g_test_add ("/llm/note-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static void
on_previews_listed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GHashTable **previews = user_data;
  g_autoptr(GError) error = NULL;

  *previews = llm_note_store_list_previews_finish (LLM_NOTE_STORE (object), result, &error);
  g_assert_no_error (error);
}

/* The sidebar's marks are read in a thread. A note saved once the thread
 * has read the folder, before its result is taken, is in the result all
 * the same, and a deleted one is not. */
static void
test_previews_async (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GHashTable) previews = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = llm_note_store_save (fixture->store, "q1", "T", "T", "\n\nFirst line\nmore", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = llm_note_store_save (fixture->store, "q2", "T", "T", "Gone soon", &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  llm_note_store_list_previews_async (fixture->store, NULL, on_previews_listed, &previews);
  g_usleep (200 * 1000);
  ok = llm_note_store_save (fixture->store, "q3", "T", "T", "Saved during the read", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = llm_note_store_delete (fixture->store, "q2", &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  while (previews == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_hash_table_size (previews), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (previews, "q1"), ==, "First line");
  g_assert_cmpstr (g_hash_table_lookup (previews, "q3"), ==, "Saved during the read");
  g_assert_false (g_hash_table_contains (previews, "q2"));

  /* The worker thread lets go of its task, and so of the store, a moment
   * after the result is in; the tear-down checks the store is freed. */
  while (G_OBJECT (fixture->store)->ref_count > 1)
    g_usleep (1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("round-trip", test_round_trip);
  ADD ("header-escaping", test_header_escaping);
  ADD ("lenient-header", test_lenient_header);
  ADD ("headerless", test_headerless);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("missing", test_missing);
  ADD ("creates-folder", test_creates_folder);
  ADD ("empty-body-deletes", test_empty_body_deletes);
  ADD ("list-ids", test_list_ids);
  ADD ("preview", test_preview);
  ADD ("invalid-ids", test_invalid_ids);
  g_test_add_func ("/llm/note-store/null-id", test_null_id);
  ADD ("unusable-folder", test_unusable_folder);
  ADD ("target-is-directory", test_target_is_directory);
  ADD ("fifo", test_fifo);
  ADD ("full-disk", test_full_disk);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("monitor-note", test_monitor_note);
  ADD ("conflict-copy", test_conflict_copy);
  ADD ("recover-leftovers", test_recover_leftovers);
  ADD ("previews-async", test_previews_async);

  return g_test_run ();
}
