/* test-window.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window on the bundled notes: actions in, page contents
 * read back out.
 */

#include "config.h"

#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window.h"

static LlmWindow *
open_window (LlmSettings   *settings,
             LlmCollection *collection)
{
  LlmWindow *window;

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));

  return window;
}

static void
close_window (LlmWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  llm_test_wait (50);
}

static char *
page_title (LlmWindow *window)
{
  return llm_test_eval (llm_window_get_answer_view (window),
                        "document.querySelector('header h1').textContent");
}

static int
page_count (LlmWindow  *window,
            const char *selector)
{
  g_autofree char *script = g_strdup_printf ("document.querySelectorAll('%s').length", selector);
  g_autofree char *count = llm_test_eval (llm_window_get_answer_view (window), script);

  return atoi (count);
}

static void
test_seed_window (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmQuestion *q8 = llm_test_question_numbered (collection, 8);
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;
  LlmWindow *window;

  window = open_window (settings, collection);

  /* The tree shows the four topics, each expanded under its heading. */
  g_assert_cmpuint (llm_sidebar_get_n_topics (llm_window_get_sidebar (window)), ==, 4);
  g_assert_cmpuint (llm_sidebar_get_n_rows (llm_window_get_sidebar (window)), ==, 34);

  /* First start: question 1. */
  title = page_title (window);
  g_assert_cmpstr (title, ==, "1.Transformer 模型的主要组成部分是什么？");
  g_clear_pointer (&title, g_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-question", "s", llm_question_get_id (q8));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));

  title = page_title (window);
  g_assert_cmpstr (title, ==, "8.解释 Scaled Dot-Product Attention 是如何计算的。");
  topic = llm_test_eval (llm_window_get_answer_view (window), "document.querySelector('header .topic').textContent");
  g_assert_cmpstr (topic, ==, "注意力机制");

  /* The formula is typeset, the key points are highlighted. */
  g_assert_cmpint (page_count (window, ".katex"), >=, 3);
  g_assert_cmpint (page_count (window, ".katex .sqrt"), >=, 1);
  g_assert_cmpint (page_count (window, "mark"), ==, 1);
  g_assert_true (llm_window_get_question (window) == q8);
  g_assert_cmpstr (llm_settings_get_last_question (settings), ==, llm_question_get_id (q8));

  llm_test_wait (200);
  llm_test_screenshot ("question-8-light");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  llm_test_wait (500);
  g_assert_cmpint (page_count (window, "html.dark"), ==, 1);
  llm_test_screenshot ("question-8-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  llm_test_wait (200);
  g_assert_cmpint (page_count (window, "html.dark"), ==, 0);

  close_window (window);
}

static void
test_embedded_diagram (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *loaded = NULL;
  LlmWindow *window;

  window = open_window (settings, collection);
  llm_window_show_question (window, llm_test_question_numbered (collection, 2));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));

  g_assert_cmpint (page_count (window, ".embed-missing"), ==, 0);
  g_assert_cmpint (page_count (window, "img.embed"), ==, 1);

  /* The image really loaded through app:// from the bundled collection. */
  for (guint i = 0; i < 100; i++)
    {
      g_free (loaded);
      loaded = llm_test_eval (llm_window_get_answer_view (window),
                              "(() => { const i = document.querySelector('img.embed');"
                              " return i.complete && i.naturalWidth > 0; })()");
      if (g_str_equal (loaded, "true"))
        break;
      llm_test_wait (50);
    }
  g_assert_cmpstr (loaded, ==, "true");

  llm_test_eval (llm_window_get_answer_view (window),
                 "document.querySelector('img.embed').scrollIntoView()");
  llm_test_wait (1000);
  llm_test_screenshot ("question-2-diagram");

  close_window (window);
}

static void
test_navigation_actions (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *title = NULL;
  LlmWindow *window;

  window = open_window (settings, collection);

  /* Previous is disabled on the first question, next is not. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-question", NULL);
  g_assert_true (llm_window_get_question (window) == llm_test_question_numbered (collection, 1));

  for (guint i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.next-question", NULL);
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  g_assert_true (llm_window_get_question (window) == llm_test_question_numbered (collection, 6));
  title = page_title (window);
  g_assert_cmpstr (title, ==, "6.什么是注意力机制，它在 NLP 中如何应用？");
  g_clear_pointer (&title, g_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-question", NULL);
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  title = page_title (window);
  g_assert_cmpstr (title, ==, "5.Transformer 中的多头注意力机制有什么优势？");

  close_window (window);
}

static void
test_restore_state (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *title = NULL;
  LlmWindow *window;

  /* What a previous run left behind. */
  g_object_set (settings,
                "last-question", llm_question_get_id (llm_test_question_numbered (collection, 27)),
                "sidebar-width", 260,
                "zoom", 1.2,
                NULL);

  window = open_window (settings, collection);
  title = page_title (window);
  g_assert_cmpstr (title, ==, "27.NLP 中的分词（Tokenization）是什么，为什么重要？");
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (llm_answer_view_get_web_view (llm_window_get_answer_view (window))), 1.2, 0.001);

  /* Zoom steps and is remembered. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (llm_settings_get_zoom (settings), 1.33, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (llm_settings_get_zoom (settings), 1.0, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (llm_settings_get_zoom (settings), 0.9, 0.001);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (llm_answer_view_get_web_view (llm_window_get_answer_view (window))), 0.9, 0.001);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/window/seed", test_seed_window);
  g_test_add_func ("/llm/window/embedded-diagram", test_embedded_diagram);
  g_test_add_func ("/llm/window/navigation", test_navigation_actions);
  g_test_add_func ("/llm/window/restore-state", test_restore_state);

  return g_test_run ();
}
