/* test-search-ui.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search in the real window: type a query, press Enter, find the answer
 * open with its match highlighted, then go back.
 */

#include "config.h"

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-question.h"
#include "llm-search-results.h"
#include "llm-test-util.h"

static void
test_search_opens_and_highlights (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmQuestion *q3 = llm_test_question_numbered (collection, 3);
  g_autofree char *title = NULL;
  LlmSearchResults *search_results;
  GtkWidget *search_entry;
  GtkStack *sidebar_stack;
  LlmAnswerView *view;
  LlmWindow *window;

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  search_entry = llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "search-entry");
  sidebar_stack = GTK_STACK (llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "sidebar-stack"));
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);
  llm_window_show_question (window, q3);
  llm_test_wait_for_shown (view);
  /* The results' list is built on the first search, not with the window. */
  g_assert_null (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_SEARCH_RESULTS, NULL));

  /* Ctrl+F focuses the entry; the query shows ranked results. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         search_entry));
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "蒸馏");
  /* search-changed is delayed by GtkSearchEntry; wait for the results. */
  for (guint i = 0; i < 100 && llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_SEARCH_RESULTS, NULL) == NULL; i++)
    llm_test_wait (20);
  search_results = LLM_SEARCH_RESULTS (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_SEARCH_RESULTS, NULL));
  g_assert_nonnull (search_results);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (search_results)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "results");
  g_assert_cmpuint (llm_search_results_get_n_items (search_results), >=, 1);
  llm_test_wait (300);
  llm_test_screenshot ("search-results");

  /* Enter opens the first result: question 26. */
  g_signal_emit_by_name (search_entry, "activate");
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == llm_test_question_numbered (collection, 26));
  title = llm_test_eval (view, "document.querySelector('header h1').textContent");
  g_assert_true (g_str_has_prefix (title, "26."));
  g_clear_pointer (&title, g_free);

  /* Its matches are highlighted in the page. */
  for (guint i = 0; i < 100 && llm_answer_view_get_n_matches (view) == 0; i++)
    llm_test_wait (20);
  g_assert_cmpuint (llm_answer_view_get_n_matches (view), >=, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  llm_test_wait (300);
  llm_test_screenshot ("search-highlight");

  /* Back returns to where the user was, Forward to the result. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == q3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-forward", NULL);
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == llm_test_question_numbered (collection, 26));

  /* Esc ends the search and the tree comes back. */
  g_signal_emit_by_name (search_entry, "stop-search");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "tree");
  g_assert_cmpuint (llm_answer_view_get_n_matches (view), ==, 0);

  /* A query that matches nothing says so. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "zzzz-nothing");
  for (guint i = 0; i < 100 && g_strcmp0 (gtk_stack_get_visible_child_name (sidebar_stack), "results") != 0; i++)
    llm_test_wait (20);
  g_assert_cmpuint (llm_search_results_get_n_items (search_results), ==, 0);

  /* A random question is another one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.random-question", NULL);
  g_assert_true (llm_window_get_question (window) != llm_test_question_numbered (collection, 26));

  llm_test_destroy_window (window);
}

/* [[Wikilinks]] in an answer open the question they name. */
static void
test_wikilink_navigates (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  LlmAnswerView *view;
  LlmWindow *window;

  collection = llm_collection_load_data ("## Basics\n### 1. Alpha\nSee [[Beta question]] and [[Nowhere]].\n"
                                         "### 2. Beta question\nThe second.\n", -1, "links", NULL, &error);
  g_assert_no_error (error);

  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  llm_window_set_collection (window, collection);
  llm_window_show_question (window, llm_collection_get_question (collection, 0));
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  result = llm_test_eval (view, "document.querySelectorAll('a.wikilink').length + ' ' + "
                                "document.querySelectorAll('.wikilink.missing').length");
  g_assert_cmpstr (result, ==, "1 1");

  g_free (llm_test_eval (view, "document.querySelector('a.wikilink').click(); 'clicked'"));
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == llm_collection_get_question (collection, 1));
  g_assert_cmpstr (webkit_web_view_get_uri (llm_answer_view_get_web_view (view)), ==, "app://llm/page/page.html");

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/search-ui/open-and-highlight", test_search_opens_and_highlights);

  g_test_add_func ("/llm/search-ui/wikilink", test_wikilink_navigates);

  return g_test_run ();
}
