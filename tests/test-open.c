/* test-open.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a notes folder in the real window: the tree, a question with
 * images, live reload keeping the question shown, and a folder that goes
 * away.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window-private.h"

static void
on_loaded (LlmWindow *window,
           gboolean  *loaded)
{
  *loaded = TRUE;
}

static void
wait_for_load (LlmWindow *window)
{
  gboolean loaded = FALSE;
  gulong handler = g_signal_connect (window, "collection-loaded", G_CALLBACK (on_loaded), &loaded);

  for (guint i = 0; i < 400 && !loaded; i++)
    llm_test_wait (25);
  g_signal_handler_disconnect (window, handler);
  g_assert_true (loaded);
}

static LlmQuestion *
find_titled (LlmCollection *collection,
             const char    *title)
{
  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    if (g_str_equal (llm_question_get_title (llm_collection_get_question (collection, i)), title))
      return llm_collection_get_question (collection, i);

  return NULL;
}

/* A copy of the fixture, so the test can change it. */
static char *
copy_fixture (void)
{
  g_autofree char *dir = g_dir_make_tmp ("llm-open-XXXXXX", NULL);
  const char *fixture = g_test_get_filename (G_TEST_DIST, "data", "folder", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r '%s/.' '%s/'", fixture, dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  return g_steal_pointer (&dir);
}

static void
test_open_folder (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *dir = copy_fixture ();
  g_autofree char *file_path = g_build_filename (dir, "01. Basics", "02. Attention.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *loaded = NULL;
  g_autofree char *text = NULL;
  LlmQuestion *question;
  LlmAnswerView *view;
  LlmWindow *window;

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings);
  view = llm_window_get_answer_view (window);
  gtk_window_present (GTK_WINDOW (window));

  llm_window_open (window, folder);
  wait_for_load (window);

  /* Groups, topics and questions from the folder, hidden folders skipped. */
  g_assert_cmpuint (llm_sidebar_get_n_rows (llm_window_get_sidebar (window)), >, 8);
  g_assert_null (find_titled (llm_window_get_collection (window), "workspace"));
  g_assert_nonnull (llm_collection_get_warnings (llm_window_get_collection (window)));

  /* A question with an image next to its file and one found by name. */
  question = find_titled (llm_window_get_collection (window), "What is attention?");
  g_assert_nonnull (question);
  llm_window_show_question (window, question);
  llm_test_wait_for_shown (view);
  for (guint i = 0; i < 100; i++)
    {
      g_free (loaded);
      loaded = llm_test_eval (view, "Array.from(document.querySelectorAll('article img'))"
                                    ".filter(i => i.complete && i.naturalWidth > 0).length");
      if (g_str_equal (loaded, "2"))
        break;
      llm_test_wait (50);
    }
  g_assert_cmpstr (loaded, ==, "2");
  llm_test_wait (300);
  llm_test_screenshot ("folder-with-images");

  /* The file changes on disk: the tree follows, the question stays. */
  g_assert_true (g_file_get_contents (file_path, &text, NULL, NULL));
  {
    g_autofree char *changed = g_strconcat (text, "\n## 3. A question added while open?\n\nYes.\n", NULL);

    g_assert_true (g_file_set_contents (file_path, changed, -1, NULL));
  }
  wait_for_load (window);
  g_assert_nonnull (find_titled (llm_window_get_collection (window), "A question added while open?"));
  g_assert_cmpstr (llm_question_get_title (llm_window_get_question (window)), ==, "What is attention?");

  /* The folder goes away: what was loaded stays. */
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    LlmCollection *before = llm_window_get_collection (window);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
    for (guint i = 0; i < 40; i++)
      llm_test_wait (25);
    g_assert_true (llm_window_get_collection (window) == before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An empty file says what the app expects. */
static void
test_open_empty (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("llm-empty-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LlmWindow *window;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  window = llm_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  llm_window_open (window, file);
  for (guint i = 0; i < 200 && g_strcmp0 (gtk_stack_get_visible_child_name (window->content_stack), "empty") != 0; i++)
    llm_test_wait (25);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "empty");
  llm_test_wait (300);
  llm_test_screenshot ("empty-file");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/open/folder", test_open_folder);
  g_test_add_func ("/llm/open/empty", test_open_empty);

  return g_test_run ();
}
