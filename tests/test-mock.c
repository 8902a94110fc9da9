/* test-mock.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A two-question mock interview in the real window, with a typed answer,
 * a short time limit set through settings, and the saved report.
 */

#include "config.h"

#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-coverage.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window-private.h"

static void
test_mock_interview (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_application_load_bundled ();
  GSettings *gsettings = llm_settings_get_gsettings (settings);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), APP_ID, "interviews", NULL);
  g_autoptr(GDir) reports = NULL;
  g_autofree char *report = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *covered = NULL;
  LlmQuestion *first, *second;
  gboolean has_points;
  const char *name;
  LlmAnswerView *view;
  LlmWindow *window;

  g_settings_set_uint (gsettings, "mock-questions", 2);
  g_settings_set_uint (gsettings, "mock-seconds", 2);
  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);

  window = llm_window_new (NULL, settings);
  view = llm_window_get_answer_view (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.mock-interview", NULL);
  llm_test_wait_for_shown (view);
  g_assert_true (window->mock_active);
  g_assert_cmpuint (window->mock_questions->len, ==, 2);
  first = g_ptr_array_index (window->mock_questions, 0);
  second = g_ptr_array_index (window->mock_questions, 1);
  /* Across topics. */
  g_assert_cmpstr (llm_question_get_topic (first), !=, llm_question_get_topic (second));

  /* Type the first key point as the answer, then Done. (The pick is
   * random; a few questions have no key points at all.) */
  {
    g_auto(GStrv) points = llm_coverage_key_points_for (first);
    g_autofree char *classes = llm_test_eval (view, "document.body.className");

    g_assert_cmpstr (classes, ==, "answer-hidden");
    has_points = points[0] != NULL;
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (window->mock_answer),
                              has_points ? points[0] : "An answer typed in the box", -1);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mock-done", NULL);
  llm_test_wait_for_shown (view);
  covered = llm_test_eval (view, has_points
                                 ? "document.querySelectorAll('section.key-points li.covered').length"
                                 : "document.querySelectorAll('section.key-points').length");
  if (has_points)
    g_assert_cmpint (atoi (covered), >=, 1);
  else
    g_assert_cmpint (atoi (covered), ==, 0);
  llm_test_wait (300);
  llm_test_screenshot ("mock-interview-result");

  /* Confirm a grade; the second question starts, and runs out of time. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mock-grade", "i", window->mock_suggested);
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == second);
  g_assert_false (window->mock_answered);
  for (guint i = 0; i < 100 && !window->mock_answered; i++)
    llm_test_wait (50);
  g_assert_true (window->mock_answered);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mock-grade", "i", 2);

  /* The report: on screen and on disk. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "mock-report");
  llm_test_wait (300);
  llm_test_screenshot ("mock-interview-report");

  reports = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (reports);
  name = g_dir_read_name (reports);
  g_assert_nonnull (name);
  report_path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  g_assert_nonnull (strstr (report, llm_question_get_title (first)));
  g_assert_nonnull (strstr (report, llm_question_get_title (second)));
  if (has_points)
    g_assert_nonnull (strstr (report, "- [x] "));
  g_assert_nonnull (strstr (report, "| 2 | "));

  /* Both grades went into the schedule. */
  g_assert_nonnull (llm_study_get_card (window->study, llm_question_get_id (first)));
  g_assert_nonnull (llm_study_get_card (window->study, llm_question_get_id (second)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.mock-stop", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "browse");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/mock/interview", test_mock_interview);

  return g_test_run ();
}
