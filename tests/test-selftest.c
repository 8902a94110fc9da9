/* test-selftest.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Self-test in the real window: the answer is hidden, revealed, graded,
 * and the grade lands in the review log and the schedule.
 */

#include "config.h"

#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window-private.h"

static char *
body_class (LlmWindow *window)
{
  return llm_test_eval (llm_window_get_answer_view (window), "document.body.className");
}

static void
test_self_test (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_application_load_bundled ();
  g_autofree char *log_path = g_build_filename (g_get_user_data_dir (), APP_ID, "reviews.log", NULL);
  g_autofree char *log = NULL;
  g_autofree char *classes = NULL;
  g_autofree char *line = NULL;
  LlmQuestion *first;
  LlmAnswerView *view;
  LlmWindow *window;

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings);
  view = llm_window_get_answer_view (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  /* Nothing reviewed yet: all 30 are new and 20 come in. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
  llm_test_wait_for_shown (view);
  g_assert_true (window->quiz_active);
  g_assert_cmpstr (gtk_label_get_label (window->quiz_progress_label), ==, "1 of 20");
  first = llm_window_get_question (window);
  g_assert_true (first == llm_collection_get_question (collection, 0));

  classes = body_class (window);
  g_assert_cmpstr (classes, ==, "answer-hidden");
  g_clear_pointer (&classes, g_free);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->quiz_stack), ==, "reveal");
  llm_test_wait (300);
  llm_test_screenshot ("self-test-hidden");

  /* Reveal. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-reveal", NULL);
  llm_test_wait_for_shown (view);
  classes = body_class (window);
  g_assert_cmpstr (classes, ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->quiz_stack), ==, "grade");
  llm_test_wait (300);
  llm_test_screenshot ("self-test-revealed");

  /* Grade Good: the log has the line, the card is learning, due in 10 min. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-grade", "i", 3);
  llm_test_wait_for_shown (view);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  line = g_strdup_printf ("\t%s\tgood\t", llm_question_get_id (first));
  g_assert_nonnull (strstr (log, line));
  {
    const LlmCard *card = llm_study_get_card (window->study, llm_question_get_id (first));
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;

    g_assert_nonnull (card);
    g_assert_cmpint (card->state, ==, LLM_CARD_LEARNING);
    g_assert_cmpint (card->due - now, >, 9 * 60);
    g_assert_cmpint (card->due - now, <=, 10 * 60);
    g_assert_cmpint (llm_study_get_state (window->study, llm_question_get_id (first), now), ==, LLM_STUDY_LEARNING);
  }

  /* Asked again in the same sitting, at the end. */
  g_assert_cmpstr (gtk_label_get_label (window->quiz_progress_label), ==, "2 of 21");
  g_assert_true (llm_window_get_question (window) == llm_collection_get_question (collection, 1));

  /* Esc leaves the mode on the question being asked, with its answer. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-stop", NULL);
  llm_test_wait_for_shown (view);
  g_assert_false (window->quiz_active);
  g_assert_true (llm_window_get_question (window) == llm_collection_get_question (collection, 1));
  g_clear_pointer (&classes, g_free);
  classes = body_class (window);
  g_assert_cmpstr (classes, ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A second window, as after a restart, derives the same schedule from the
 * log alone. */
static void
test_schedule_survives_restart (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_application_load_bundled ();
  LlmQuestion *first = llm_collection_get_question (collection, 0);
  LlmWindow *window;

  window = llm_window_new (NULL, settings);
  llm_window_set_collection (window, collection);
  g_assert_nonnull (llm_study_get_card (window->study, llm_question_get_id (first)));
  g_assert_null (llm_study_get_card (window->study, llm_question_get_id (llm_collection_get_question (collection, 5))));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/self-test/hide-reveal-grade", test_self_test);
  g_test_add_func ("/llm/self-test/restart", test_schedule_survives_restart);

  return g_test_run ();
}
