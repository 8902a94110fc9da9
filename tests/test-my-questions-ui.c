/* test-my-questions-ui.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* My Questions in the real window: Add Question writes the file and shows
 * the new question, Edit Question changes it in place, and a self-test
 * asks it and logs the grade under its id. */

#include "config.h"

#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-my-questions.h"
#include "llm-note-editor.h"
#include "llm-note-store.h"
#include "llm-question.h"
#include "llm-question-form.h"
#include "llm-test-util.h"
#include "llm-self-test-bar.h"

#define ID LLM_MY_QUESTIONS_ID_PREFIX "what-is-grouped-query-attention"

static LlmQuestionForm *
open_form (LlmWindow  *window,
           const char *action)
{
  LlmQuestionForm *form;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  form = g_object_get_data (G_OBJECT (window), "llm-question-form");
  g_assert_nonnull (form);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));
  llm_test_wait (300);
  return form;
}

/* Saving reloads at once, and the file monitor does not reload again. */
static void
settle (LlmWindow *window)
{
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  llm_test_wait (600);
}

static void
test_add_edit_study (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *path = g_file_get_path (llm_user_data_get_my_questions (llm_test_get_user_data ()));
  g_autofree char *log_path = g_build_filename (g_get_user_data_dir (), APP_ID, "reviews.log", NULL);
  g_autofree char *text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *log = NULL;
  g_autofree char *line = NULL;
  LlmQuestionForm *form;
  LlmAnswerView *view;
  LlmWindow *window;
  LlmQuestion *mine;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_object_set (settings, "window-width", 1000, "window-height", 700, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 30);

  /* Add: the form writes the file, the window shows the new question. */
  form = open_form (window, "win.add-question");
  llm_question_form_set (form, "Interviews", "What is grouped-query attention?",
                         "Query heads **share** key and value heads.\n\n- fewer KV heads\n");
  llm_test_screenshot ("my-questions-add");
  /* Preview: the answer rendered as the window will show it. */
  {
    GtkWidget *toggle = llm_test_find_widget (GTK_WIDGET (form), GTK_TYPE_TOGGLE_BUTTON, NULL);
    g_autofree char *strong = NULL;

    g_assert_nonnull (toggle);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    llm_test_wait_for_shown (llm_question_form_get_preview (form));
    strong = llm_test_eval (llm_question_form_get_preview (form), "document.querySelector('article strong').textContent");
    g_assert_cmpstr (strong, ==, "share");
    llm_test_wait (500);
    llm_test_screenshot ("my-questions-preview");
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  }
  g_assert_true (llm_question_form_save (form));
  settle (window);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==,
                   "## Interviews\n\n### 1. What is grouped-query attention?\n\n"
                   "Query heads **share** key and value heads.\n\n- fewer KV heads\n\n");
  g_assert_cmpuint (llm_collection_get_n_questions (llm_window_get_collection (window)), ==, 31);
  mine = llm_window_get_question (window);
  g_assert_cmpstr (llm_question_get_id (mine), ==, ID);
  g_assert_cmpstr (llm_question_get_topic (mine), ==, "Interviews");
  page = llm_test_eval (view, "document.body.textContent");
  g_assert_nonnull (strstr (page, "Query heads share key and value heads."));
  llm_test_screenshot ("my-questions-shown");

  /* Edit, from the shown question: same id, new answer. */
  form = open_form (window, "win.edit-question");
  llm_question_form_set (form, NULL, NULL, "Groups of query heads share one key and value head.");
  g_assert_true (llm_question_form_save (form));
  settle (window);
  mine = llm_window_get_question (window);
  g_assert_cmpstr (llm_question_get_id (mine), ==, ID);
  g_assert_cmpuint (llm_collection_get_n_questions (llm_window_get_collection (window)), ==, 31);
  g_clear_pointer (&page, g_free);
  page = llm_test_eval (view, "document.body.textContent");
  g_assert_nonnull (strstr (page, "Groups of query heads share one key and value head."));
  g_assert_null (strstr (page, "fewer KV heads"));

  /* A bundled question cannot be edited. */
  llm_window_show_question (window, llm_collection_get_question (llm_window_get_collection (window), 0));
  llm_test_wait_for_shown (view);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-question", NULL);
  g_assert_null (g_object_get_data (G_OBJECT (window), "llm-question-form"));

  /* Study it: a self-test of its topic asks it, and logs the grade. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-question", "s", ID);
  llm_test_wait_for_shown (view);
  g_settings_set_string (llm_settings_get_gsettings (settings), "self-test-scope", "topic");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
  llm_test_wait_for_shown (view);
  g_assert_true (llm_self_test_bar_is_running (LLM_SELF_TEST_BAR (llm_window_get_self_test_bar (window))));
  g_assert_cmpstr (llm_question_get_id (llm_window_get_question (window)), ==, ID);
  gtk_widget_activate_action (llm_window_get_self_test_bar (window), "selftest.reveal", NULL);
  llm_test_wait_for_shown (view);
  gtk_widget_activate_action (llm_window_get_self_test_bar (window), "selftest.grade", "i", 3);
  llm_test_wait (400);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  line = g_strdup_printf ("\t%s\tgood\t", ID);
  g_assert_nonnull (strstr (log, line));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-stop", NULL);
  llm_test_wait_for_shown (view);

  /* Its notes, like any question's: the empty editor says what it is for. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-notes", NULL);
  llm_test_wait (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (llm_window_get_note_editor (window))));
  llm_test_screenshot ("my-questions-note-editor");
  llm_note_editor_set_text (llm_window_get_note_editor (window), "Asked at the second round.");
  g_assert_true (llm_note_editor_flush (llm_window_get_note_editor (window)));
  {
    g_autofree char *note = llm_note_store_load (llm_window_get_note_store (window), ID, NULL);

    g_assert_cmpstr (note, ==, "Asked at the second round.");
  }

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/my-questions/add-edit-study", test_add_edit_study);

  return g_test_run ();
}
