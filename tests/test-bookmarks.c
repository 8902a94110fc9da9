/* test-bookmarks.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-application.h"
#include "llm-bookmarks.h"
#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window.h"

/* The seed with every question renumbered and the topics reversed. */
static LlmCollection *
load_renumbered_seed (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/collection/llm-interview-notes.md", 0, NULL);
  g_autoptr(GRegex) number = g_regex_new ("^### (\\d+)\\.", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *renumbered = g_regex_replace (number, text, -1, 0, "### 7\\1.", 0, NULL);
  g_auto(GStrv) topics = g_strsplit (renumbered, "\n## ", -1);
  g_autoptr(GString) shuffled = g_string_new (topics[0]);
  g_autoptr(GError) error = NULL;
  LlmCollection *collection;

  for (guint i = g_strv_length (topics) - 1; i >= 1; i--)
    g_string_append_printf (shuffled, "\n## %s\n", topics[i]);

  collection = llm_collection_load_data (shuffled->str, shuffled->len, "renumbered", NULL, &error);
  g_assert_no_error (error);
  return collection;
}

static void
test_round_trip (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LlmBookmarks) first = llm_bookmarks_new (settings);
  g_autoptr(LlmBookmarks) second = NULL;
  g_auto(GStrv) ids = NULL;

  g_settings_reset (settings, "bookmarks");
  llm_bookmarks_set (first, "b", TRUE);
  llm_bookmarks_set (first, "a", TRUE);
  llm_bookmarks_toggle (first, "c");
  llm_bookmarks_toggle (first, "b");

  /* Another reader of the same settings sees the same, in adding order. */
  second = llm_bookmarks_new (settings);
  ids = llm_bookmarks_dup_ids (second);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "a");
  g_assert_cmpstr (ids[1], ==, "c");
  g_assert_false (llm_bookmarks_contains (second, "b"));

  /* And hears about later changes. */
  llm_bookmarks_set (first, "d", TRUE);
  g_assert_true (llm_bookmarks_contains (second, "d"));
  g_settings_reset (settings, "bookmarks");
  g_assert_cmpuint (llm_bookmarks_get_count (second), ==, 0);
}

static void
test_window_bookmarks (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autoptr(LlmCollection) renumbered = load_renumbered_seed ();
  LlmQuestion *q8 = llm_test_question_numbered (collection, 8);
  LlmQuestion *q27 = llm_test_question_numbered (collection, 27);
  GSettings *gsettings = llm_settings_get_gsettings (settings);
  LlmSidebar *sidebar;
  LlmWindow *window;

  g_settings_reset (gsettings, "bookmarks");
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  /* One set of bookmarks for the program, owned by the user data. */
  g_assert_true (llm_window_get_bookmarks (window) ==
                 llm_user_data_get_bookmarks (llm_test_get_user_data ()));
  sidebar = llm_window_get_sidebar (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));

  /* Ctrl+D's action bookmarks the question shown. */
  llm_window_show_question (window, q8);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-bookmark", NULL);
  llm_window_show_question (window, q27);
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-bookmark", NULL);
  {
    g_autofree char *title = llm_test_eval (llm_window_get_answer_view (window),
                                            "document.querySelector('header h1').textContent");

    g_assert_true (g_str_has_prefix (title, "27."));
  }
  {
    g_auto(GStrv) stored = g_settings_get_strv (gsettings, "bookmarks");

    g_assert_cmpuint (g_strv_length (stored), ==, 2);
    g_assert_cmpstr (stored[0], ==, llm_question_get_id (q8));
    g_assert_cmpstr (stored[1], ==, llm_question_get_id (q27));
  }

  /* The filter shows just them, under their topics. */
  llm_sidebar_set_bookmarks_only (sidebar, TRUE);
  g_assert_cmpuint (llm_sidebar_get_n_topics (sidebar), ==, 2);
  g_assert_cmpuint (llm_sidebar_get_n_rows (sidebar), ==, 4);
  llm_test_wait (300);
  llm_test_screenshot ("bookmarks-filter");

  /* Unstarred, the question shown stays in the filtered tree until
   * another one is shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-bookmark", NULL);
  g_assert_cmpuint (llm_sidebar_get_n_rows (sidebar), ==, 4);
  llm_window_show_question (window, q8);
  g_assert_cmpuint (llm_sidebar_get_n_rows (sidebar), ==, 2);
  llm_window_show_question (window, q27);
  g_assert_cmpuint (llm_sidebar_get_n_rows (sidebar), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-bookmark", NULL);

  /* Renumbered and reordered, the same questions are still bookmarked. */
  llm_window_set_collection (window, renumbered);
  g_assert_cmpuint (llm_sidebar_get_n_rows (sidebar), ==, 4);
  g_assert_true (llm_bookmarks_contains (llm_window_get_bookmarks (window),
                                         llm_question_get_id (llm_test_question_numbered (renumbered, 78))));

  /* A bookmark whose question is gone is kept and offered for removal. */
  llm_bookmarks_set (llm_window_get_bookmarks (window), "a-question-that-was-deleted", TRUE);
  g_assert_cmpuint (llm_bookmarks_get_count (llm_window_get_bookmarks (window)), ==, 3);
  g_assert_cmpuint (llm_sidebar_get_n_rows (sidebar), ==, 4);

  llm_sidebar_set_bookmarks_only (sidebar, FALSE);
  g_assert_cmpuint (llm_sidebar_get_n_rows (sidebar), ==, 34);

  llm_test_destroy_window (window);
  g_settings_reset (gsettings, "bookmarks");
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/bookmarks/round-trip", test_round_trip);
  g_test_add_func ("/llm/bookmarks/window", test_window_bookmarks);

  return g_test_run ();
}
