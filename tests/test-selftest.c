/* test-selftest.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Self-test in the real window, driven through its actions and read back
 * through the window's public API and the page: the counts, reveal and
 * grade, undo, leaving a running session, and the end screen.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-self-test-bar.h"
#include "llm-test-util.h"
#include "llm-window.h"

static char *
body_class (LlmWindow *window)
{
  return llm_test_eval (llm_window_get_answer_view (window), "document.body.className");
}

static void
assert_body_class (LlmWindow  *window,
                   const char *expected)
{
  g_autofree char *classes = body_class (window);

  g_assert_cmpstr (classes, ==, expected);
}

static LlmSelfTestBar *
bar_of (LlmWindow *window)
{
  return LLM_SELF_TEST_BAR (llm_window_get_self_test_bar (window));
}

static void
assert_counts (LlmWindow *window,
               guint      n_new,
               guint      n_learning,
               guint      n_due)
{
  g_autofree char *counts = llm_self_test_bar_dup_counts (bar_of (window));
  g_autofree char *expected = g_strdup_printf (_("New %u · Learning %u · Due %u"), n_new, n_learning, n_due);

  g_assert_cmpstr (counts, ==, expected);
}

static void
test_self_test (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *log_path = g_build_filename (g_get_user_data_dir (), APP_ID, "reviews.log", NULL);
  g_autofree char *log = NULL;
  g_autofree char *line = NULL;
  LlmQuestion *first, *second;
  LlmAnswerView *view;
  LlmWindow *window;
  LlmStudy *study;
  GtkWidget *bar;

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  study = llm_window_get_study (window);
  bar = llm_window_get_self_test_bar (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);
  g_assert_cmpint (llm_window_get_mode (window), ==, LLM_WINDOW_MODE_BROWSE);

  /* Nothing reviewed yet: all 30 are new and today's 20 come in. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
  llm_test_wait_for_shown (view);
  g_assert_cmpint (llm_window_get_mode (window), ==, LLM_WINDOW_MODE_SELF_TEST);
  assert_counts (window, 20, 0, 0);
  first = llm_window_get_question (window);
  g_assert_true (first == llm_collection_get_question (collection, 0));
  assert_body_class (window, "answer-hidden");
  llm_test_wait (300);
  llm_test_screenshot ("self-test-hidden");

  /* Reveal. */
  gtk_widget_activate_action (bar, "selftest.reveal", NULL);
  llm_test_wait_for_shown (view);
  assert_body_class (window, "");
  llm_test_wait (300);
  llm_test_screenshot ("self-test-revealed");

  /* Grade Good: the log has the line, the card is learning, due in 10 min,
   * and it moves from New to Learning: the total does not grow. */
  gtk_widget_activate_action (bar, "selftest.grade", "i", 3);
  llm_test_wait_for_shown (view);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  line = g_strdup_printf ("\t%s\tgood\t", llm_question_get_id (first));
  g_assert_nonnull (strstr (log, line));
  {
    const LlmCard *card = llm_study_get_card (study, llm_question_get_id (first));
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;

    g_assert_nonnull (card);
    g_assert_cmpint (card->state, ==, LLM_CARD_LEARNING);
    g_assert_cmpint (card->due - now, >, 9 * 60);
    g_assert_cmpint (card->due - now, <=, 10 * 60);
  }
  assert_counts (window, 19, 1, 0);
  second = llm_window_get_question (window);
  g_assert_true (second == llm_collection_get_question (collection, 1));

  /* Undo (Ctrl+Z's action): the first question again, covered, the review
   * cancelled in the log by an undo record. */
  gtk_widget_activate_action (bar, "selftest.undo", NULL);
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == first);
  assert_body_class (window, "answer-hidden");
  assert_counts (window, 20, 0, 0);
  g_assert_null (llm_study_get_card (study, llm_question_get_id (first)));
  g_clear_pointer (&log, g_free);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  g_assert_nonnull (strstr (log, "\tundone\n"));

  gtk_widget_activate_action (bar, "selftest.reveal", NULL);
  gtk_widget_activate_action (bar, "selftest.grade", "i", 3);
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == second);

  /* Picking another question while it runs asks first: Continue stays... */
  llm_window_show_question (window, llm_collection_get_question (collection, 7));
  llm_test_wait (200);
  g_assert_nonnull (ADW_MESSAGE_DIALOG (llm_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  llm_test_screenshot ("self-test-leave");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (llm_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "continue");
  llm_test_wait (200);
  g_assert_true (llm_window_get_question (window) == second);
  g_assert_cmpint (llm_window_get_mode (window), ==, LLM_WINDOW_MODE_SELF_TEST);

  /* ...End leaves for the question picked, its answer shown. */
  llm_window_show_question (window, llm_collection_get_question (collection, 7));
  llm_test_wait (200);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (llm_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "end");
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == llm_collection_get_question (collection, 7));
  g_assert_cmpint (llm_window_get_mode (window), ==, LLM_WINDOW_MODE_BROWSE);
  assert_body_class (window, "");

  llm_test_destroy_window (window);
}

/* A short sitting ends on its end screen, which offers to go on. */
static void
test_end_screen (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  GSettings *gsettings = llm_settings_get_gsettings (settings);
  LlmQuestion *marked = llm_collection_get_question (collection, 12);
  const char *bookmarks[] = { llm_question_get_id (marked), NULL };
  LlmAnswerView *view;
  LlmWindow *window;
  GtkWidget *bar;

  g_settings_set_strv (gsettings, "bookmarks", bookmarks);
  g_settings_set_string (gsettings, "self-test-scope", "bookmarks");
  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  bar = llm_window_get_self_test_bar (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == marked);
  gtk_widget_activate_action (bar, "selftest.reveal", NULL);
  gtk_widget_activate_action (bar, "selftest.grade", "i", 4);
  llm_test_wait (400);

  g_assert_true (llm_self_test_session_is_finished (llm_self_test_bar_get_session (LLM_SELF_TEST_BAR (bar))));
  g_assert_true (llm_test_shows_label (GTK_WIDGET (window), _("Self-Test Complete")));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "content-stack"))))),
                   ==, "emblem-ok-symbolic");
  g_assert_true (llm_test_shows_label (GTK_WIDGET (window), _("Review Again")));
  g_assert_true (llm_test_shows_label (GTK_WIDGET (window), _("Mock Interview")));
  g_assert_true (llm_test_shows_label (GTK_WIDGET (window), "0%"));   /* again rate */
  g_assert_true (llm_test_shows_label (GTK_WIDGET (window), "1"));    /* reviewed */
  llm_test_screenshot ("self-test-end");

  /* Back to browsing leaves the end screen. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-stop", NULL);
  llm_test_wait (200);
  g_assert_cmpint (llm_window_get_mode (window), ==, LLM_WINDOW_MODE_BROWSE);
  g_assert_false (llm_test_shows_label (GTK_WIDGET (window), _("Self-Test Complete")));

  llm_test_destroy_window (window);
  g_settings_reset (gsettings, "bookmarks");
  g_settings_reset (gsettings, "self-test-scope");
}

/* A second window, as after a restart, derives the same schedule from the
 * log alone, the undone review included. */
static void
test_schedule_survives_restart (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmQuestion *first = llm_collection_get_question (collection, 0);
  LlmWindow *window;

  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  llm_window_set_collection (window, collection);
  g_assert_nonnull (llm_study_get_card (llm_window_get_study (window), llm_question_get_id (first)));
  g_assert_cmpuint (llm_study_get_card (llm_window_get_study (window), llm_question_get_id (first))->reps, ==, 1);
  g_assert_null (llm_study_get_card (llm_window_get_study (window),
                                     llm_question_get_id (llm_collection_get_question (collection, 5))));
  llm_test_destroy_window (window);
}

static gboolean
collection_has (gpointer subject,
                gpointer data)
{
  LlmCollection *collection = llm_window_get_collection (subject);

  return collection != NULL && llm_collection_get_n_questions (collection) == GPOINTER_TO_UINT (data);
}

/* The notes changing on disk while a self-test runs: the session goes
 * on, a toast says the notes are read again when it ends, and they are. */
static void
test_reload_waits (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "reload-notes", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *two = "# Notes\n\n## Basics\n\n### 1. What is a token?\n\nA piece of text.\n\n"
                    "### 2. What is an embedding?\n\nA vector for a token.\n";
  g_autofree char *three = g_strconcat (two, "\n### 3. What is attention?\n\nA weighted sum.\n", NULL);
  LlmCollection *before;
  LlmQuestion *asked;
  LlmWindow *window;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, two, -1, NULL));
  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  gtk_window_present (GTK_WINDOW (window));
  llm_window_open (window, file);
  llm_test_wait_until (collection_has, window, GUINT_TO_POINTER (2), "the notes to load");
  before = llm_window_get_collection (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
  llm_test_wait_for_mode (window, LLM_WINDOW_MODE_SELF_TEST);
  asked = llm_window_get_question (window);
  g_assert_nonnull (asked);

  /* A third question is added in another editor. */
  g_assert_true (g_file_set_contents (path, three, -1, NULL));
  llm_test_wait_for_toast (window, _("The notes changed; they are read again when this session ends"));
  llm_test_wait (600);
  g_assert_cmpint (llm_window_get_mode (window), ==, LLM_WINDOW_MODE_SELF_TEST);
  g_assert_true (llm_window_get_collection (window) == before);
  g_assert_true (llm_window_get_question (window) == asked);
  g_assert_nonnull (llm_self_test_bar_get_session (bar_of (window)));

  /* Ending it reads them again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-stop", NULL);
  llm_test_wait_for_mode (window, LLM_WINDOW_MODE_BROWSE);
  llm_test_wait_until (collection_has, window, GUINT_TO_POINTER (3), "the notes to be read again");

  llm_test_destroy_window (window);
}

static gboolean
cover_says (gpointer subject,
            gpointer data)
{
  g_autofree char *text = llm_test_eval (subject, "document.body.classList.contains('answer-hidden') ? "
                                                  "document.querySelector('.answer-cover').textContent : ''");

  return g_strcmp0 (text, data) == 0;
}

/* Start Self-Test asked for before the notes have been read, as the
 * desktop file's action does on a cold start: it starts once they come.
 * Asked for before a load that fails, it does not start with the next. */
static void
test_asked_while_loading (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "asked-notes", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  LlmWindow *window;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, "# Notes\n\n## Basics\n\n### 1. What is a token?\n\nA piece of text.\n", -1, NULL));

  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  gtk_window_present (GTK_WINDOW (window));
  llm_window_open (window, file);
  g_assert_null (llm_window_get_collection (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
  llm_test_wait_for_mode (window, LLM_WINDOW_MODE_SELF_TEST);
  g_assert_nonnull (llm_window_get_question (window));
  llm_test_destroy_window (window);

  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  gtk_window_present (GTK_WINDOW (window));
  llm_window_open (window, missing);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
  llm_test_wait (1000);
  g_assert_null (llm_window_get_collection (window));
  llm_window_open (window, file);
  llm_test_wait_until (collection_has, window, GUINT_TO_POINTER (1), "the notes to load");
  llm_test_wait (500);
  g_assert_cmpint (llm_window_get_mode (window), ==, LLM_WINDOW_MODE_BROWSE);

  /* Asked for now, its first question is the one shown, uncovered: the
   * cover put over it says what to do, as any other cover does. */
  llm_test_wait (500);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
  llm_test_wait_for_mode (window, LLM_WINDOW_MODE_SELF_TEST);
  llm_test_wait_until (cover_says, llm_window_get_answer_view (window),
                       (gpointer) _("Recall your answer, then reveal it with Space."), "the cover's text");
  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/selftest/grade-undo-leave", test_self_test);
  g_test_add_func ("/llm/selftest/restart", test_schedule_survives_restart);
  g_test_add_func ("/llm/selftest/end-screen", test_end_screen);
  g_test_add_func ("/llm/selftest/reload-waits", test_reload_waits);
  g_test_add_func ("/llm/selftest/asked-while-loading", test_asked_while_loading);

  return g_test_run ();
}
