/* test-file-read.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one bounded read: a file read whole, a FIFO refused at once, a file
 * past the limit refused before it is read. (The app's bundled notes, a
 * resource, are read through its stream in every window test.)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "llm-file-read.h"
#include "llm-test-files.h"

static void
test_regular (void)
{
  g_autofree char *dir = llm_test_make_folder ("llm-read");
  g_autofree char *path = g_build_filename (dir, "note.md", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, "## Q?\n\nA.\n", -1, NULL));
  g_assert_true (llm_file_read_path (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "## Q?\n\nA.\n");
  g_assert_cmpuint (length, ==, 10);
  g_clear_pointer (&contents, g_free);

  /* Each flavour gives the error domain of the GLib call it stands for. */
  g_assert_false (llm_file_read_path (missing, &contents, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_null (contents);
  g_clear_error (&error);
  g_assert_false (llm_file_read (file, NULL, &contents, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  llm_test_remove_tree (dir);
}

static void
test_fifo (void)
{
  g_autofree char *dir = llm_test_make_folder ("llm-read");
  g_autofree char *path = g_build_filename (dir, "pipe.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  /* Returns at once rather than waiting for a writer. */
  g_assert_false (llm_file_read (file, NULL, &contents, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_null (contents);

  llm_test_remove_tree (dir);
}

static void
test_too_large (void)
{
  g_autofree char *dir = llm_test_make_folder ("llm-read");
  g_autofree char *path = g_build_filename (dir, "huge.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 1;

  /* Sparse: a byte past the limit costs no disk. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (truncate (path, LLM_FILE_READ_MAX_BYTES + 1), ==, 0);
  g_assert_false (llm_file_read_path (path, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_null (contents);
  g_assert_cmpuint (length, ==, 0);
  g_clear_error (&error);

  /* At the limit it is still read. */
  g_assert_cmpint (truncate (path, LLM_FILE_READ_MAX_BYTES), ==, 0);
  g_assert_true (llm_file_read_path (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, LLM_FILE_READ_MAX_BYTES);
  g_clear_pointer (&contents, g_free);

  /* A file opened by name has a limit of its own. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_cmpint (truncate (path, LLM_FILE_READ_MAX_BYTES + 1), ==, 0);
    g_assert_true (llm_file_read_at_most (file, LLM_FILE_READ_OPENED_MAX_BYTES, NULL,
                                          &contents, &length, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (length, ==, LLM_FILE_READ_MAX_BYTES + 1);
    g_clear_pointer (&contents, g_free);

    g_assert_false (llm_file_read_at_most (file, 1024, NULL, &contents, &length, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  }

  llm_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/file-read/regular", test_regular);
  g_test_add_func ("/llm/file-read/fifo", test_fifo);
  g_test_add_func ("/llm/file-read/too-large", test_too_large);

  return g_test_run ();
}
