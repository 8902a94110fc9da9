/* test-adaptive.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A narrow window (a phone, a tiled half screen) shows the tree and the
 * answer in turn.
 */

#include "config.h"

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-test-util.h"

/* Whether the part of the window its template names @name is shown. */
static gboolean
shows (LlmWindow  *window,
       const char *name)
{
  GtkWidget *part = llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, name);

  g_assert_nonnull (part);
  return gtk_widget_get_visible (part);
}

static void
test_narrow_window (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmWindow *window;

  g_object_set (settings, "window-width", 360, "window-height", 640, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  llm_test_wait (300);

  /* Folded, on the answer, with a way back to the topics. */
  g_assert_true (shows (window, "content-pane"));
  g_assert_false (shows (window, "sidebar-pane"));
  g_assert_true (shows (window, "show-sidebar"));
  llm_test_screenshot ("narrow-answer");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  g_assert_true (shows (window, "sidebar-pane"));
  g_assert_false (shows (window, "content-pane"));
  llm_test_wait (1500);
  llm_test_screenshot ("narrow-topics");

  /* The arrow keys select questions and stay in the tree, so that it can
   * be browsed from the keyboard... */
  g_assert_false (llm_sidebar_is_pointer_pick (llm_window_get_sidebar (window)));
  g_signal_emit_by_name (llm_window_get_sidebar (window), "question-selected", llm_collection_get_question (collection, 7));
  g_assert_true (llm_window_get_question (window) == llm_collection_get_question (collection, 7));
  g_assert_true (shows (window, "sidebar-pane"));
  g_assert_false (shows (window, "content-pane"));

  /* ...and Enter (or a click) turns to the answer. */
  g_signal_emit_by_name (llm_window_get_sidebar (window), "question-activated", llm_collection_get_question (collection, 7));
  g_assert_true (shows (window, "content-pane"));
  g_assert_false (shows (window, "sidebar-pane"));

  llm_test_destroy_window (window);
}

/* A window of ordinary width shows both panes, with no back button. */
static void
test_wide_window (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmWindow *window;

  g_object_set (settings, "window-width", 1000, "window-height", 700, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  llm_test_wait (200);

  g_assert_true (shows (window, "sidebar-pane"));
  g_assert_true (shows (window, "content-pane"));
  g_assert_false (shows (window, "show-sidebar"));

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/adaptive/narrow", test_narrow_window);
  g_test_add_func ("/llm/adaptive/wide", test_wide_window);

  return g_test_run ();
}
