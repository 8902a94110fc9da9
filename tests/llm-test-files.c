/* llm-test-files.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "llm-test-files.h"

/**
 * llm_test_make_folder:
 * @prefix: the start of the folder's name, such as "llm-folder"
 *
 * Returns: (transfer full): the path of a new, empty folder under the
 *   temporary folder
 */
char *
llm_test_make_folder (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * llm_test_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and all it holds, never following a symlink out of it.
 * Folders a test made read-only are made writable first.
 */
void
llm_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      llm_test_remove_tree (child);
    }
  g_rmdir (path);
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * llm_test_run_for:
 * @ms: how long
 *
 * Runs the default main context for @ms milliseconds, for what arrives
 * from threads and file monitors.
 */
void
llm_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
