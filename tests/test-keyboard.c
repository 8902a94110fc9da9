/* test-keyboard.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole study loop with the keyboard alone: real X key events (XTest,
 * sent by xdotool) into the real window of a registered application, so
 * the application's own shortcuts, GTK's focus handling and WebKit's key
 * handling all take part. Nothing is activated from code; each step is
 * checked against what the app did (the question shown, the page, the
 * bookmarks key, the review log).
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-topic.h"
#include "llm-mock-panel.h"
#include "llm-note-editor.h"
#include "llm-search-results.h"
#include "llm-self-test-bar.h"
#include "llm-stats-page.h"
#include "llm-window.h"

static LlmApplication *app;
/* The test's own settings, which the window was given. */
static GSettings *gsettings;

/* Presses @key @n times in one go. */
static void
press_n (const char *key,
         guint       n)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (keys, "%s%s", i ? " " : "", key);
  if (n > 0)
    llm_test_press (keys->str);
}

/* Key events arrive asynchronously: wait for their effect, and fail if it
 * never comes. */
#define wait_until(window, check, data, what) \
  llm_test_wait_until ((LlmTestCheck)(check), (window), (data), (what))

static gboolean
focus_is_in (LlmWindow *window,
             gpointer   data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

/* The row with the keyboard focus. After a jump (Home, End) the list view
 * focuses the new row's widget at once but maps it only on the next frame,
 * and GTK drops a key sent to an unmapped widget: a person is never that
 * quick, a script is. */
static gboolean
focus_on_row (LlmWindow *window,
              gpointer   data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkTreeListRow *row;

  if (!GTK_IS_TREE_EXPANDER (focus) || !gtk_widget_get_mapped (focus))
    return FALSE;

  row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (focus));
  return row != NULL && gtk_tree_list_row_get_position (row) == GPOINTER_TO_UINT (data);
}

static gboolean
shows_question (LlmWindow *window,
                gpointer   data)
{
  return llm_window_get_question (window) == data;
}

static gboolean
page_shows_number (LlmWindow *window,
                   gpointer   data)
{
  g_autofree char *number = llm_test_eval (llm_window_get_answer_view (window),
                                           "(document.querySelector('header h1 .number') || {}).textContent || ''");
  g_autofree char *expected = g_strdup_printf ("%u.", llm_question_get_number (data));

  return g_str_equal (number, expected);
}

static gboolean
page_body_class_is (LlmWindow *window,
                    gpointer   data)
{
  g_autofree char *classes = llm_test_eval (llm_window_get_answer_view (window), "document.body.className");

  return g_str_equal (classes, data);
}

static gboolean
is_bookmarked (LlmWindow *window,
               gpointer   data)
{
  g_auto(GStrv) stored = g_settings_get_strv (gsettings, "bookmarks");

  return g_strv_contains ((const char * const *)stored, llm_question_get_id (data));
}

static gboolean
is_not_bookmarked (LlmWindow *window,
                   gpointer   data)
{
  return !is_bookmarked (window, data);
}

static gboolean
n_rows_is (LlmWindow *window,
           gpointer   data)
{
  return llm_sidebar_get_n_rows (llm_window_get_sidebar (window)) == GPOINTER_TO_UINT (data);
}

static LlmSelfTestSession *
session_of (LlmWindow *window)
{
  return llm_self_test_bar_get_session (LLM_SELF_TEST_BAR (llm_window_get_self_test_bar (window)));
}

static gboolean
quiz_is_active (LlmWindow *window,
                gpointer   data)
{
  return (llm_window_get_mode (window) == LLM_WINDOW_MODE_SELF_TEST) == GPOINTER_TO_INT (data);
}

static gboolean
quiz_is_revealed (LlmWindow *window,
                  gpointer   data)
{
  return session_of (window) && llm_self_test_session_get_revealed (session_of (window));
}

/* Asking its question @data (a count of reviews), covered. */
static gboolean
quiz_at (LlmWindow *window,
         gpointer   data)
{
  LlmSelfTestSession *session = session_of (window);

  return session && !llm_self_test_session_get_revealed (session) &&
         llm_self_test_session_get_n_reviewed (session) == GPOINTER_TO_UINT (data);
}

/* The focus is on the grade button for @data. */
static gboolean
focus_on_grade (LlmWindow *window,
                gpointer   data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GVariant *target;

  while (focus != NULL && !GTK_IS_BUTTON (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL || g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "selftest.grade") != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus));

  return target != NULL && g_variant_get_int32 (target) == GPOINTER_TO_INT (data);
}

/* The widget in @root that activates @action, such as the star button. */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Shows @question, waiting for the window and then the page to have it. */
static void
wait_for_question (LlmWindow   *window,
                   LlmQuestion *question)
{
  g_autofree char *what = g_strdup_printf ("question %u", llm_question_get_number (question));

  wait_until (window, shows_question, question, what);
  wait_until (window, page_shows_number, question, what);
}

/* The tree's rows, all topics open: a topic, then its questions. */
static GPtrArray *
dup_rows (LlmCollection *collection)
{
  GListModel *topics = llm_collection_get_tree (collection);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      GListModel *topic = g_list_model_get_item (topics, i);

      g_assert_true (LLM_IS_TOPIC (topic));
      g_ptr_array_add (rows, topic);
      for (guint j = 0; j < g_list_model_get_n_items (topic); j++)
        g_ptr_array_add (rows, g_list_model_get_item (topic, j));
    }

  return rows;
}

static guint
row_of (GPtrArray *rows,
        gpointer   item)
{
  guint index;

  g_assert_true (g_ptr_array_find (rows, item, &index));
  return index;
}

static char *
read_log (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "reviews.log", NULL);
  char *log = NULL;

  if (!g_file_get_contents (path, &log, NULL, NULL))
    return g_strdup ("");
  return log;
}

static gboolean
log_has (LlmWindow *window,
         gpointer   data)
{
  g_autofree char *log = read_log ();

  return strstr (log, data) != NULL;
}

static void
test_keyboard_only (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autoptr(GPtrArray) rows = dup_rows (collection);
  LlmQuestion *first = llm_collection_get_question (collection, 0);
  LlmQuestion *second = llm_collection_get_question (collection, 1);
  LlmQuestion *last = llm_collection_get_question (collection, llm_collection_get_n_questions (collection) - 1);
  LlmQuestion *target = llm_test_question_numbered (collection, 8);
  LlmQuestion *after_target = llm_collection_get_neighbour (collection, target, +1);
  g_autofree char *focus_args = NULL;
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  GtkWidget *web_view;
  LlmWindow *window;
  guint n_rows, n_first_topic;

  if (xdotool_path == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  /* The walk below crosses from the first topic into the second. */
  g_assert_true (LLM_IS_TOPIC (g_ptr_array_index (rows, 0)));
  g_assert_true (g_ptr_array_index (rows, 1) == first);
  g_assert_true (g_ptr_array_index (rows, 2) == second);
  g_assert_true (g_ptr_array_index (rows, rows->len - 1) == last);
  g_assert_cmpuint (row_of (rows, target), >, row_of (rows, g_ptr_array_index (rows, 0)) +
                    g_list_model_get_n_items (g_ptr_array_index (rows, 0)) + 1);
  g_assert_true (g_ptr_array_index (rows, row_of (rows, target) + 1) == after_target);
  n_rows = rows->len;
  n_first_topic = g_list_model_get_n_items (g_ptr_array_index (rows, 0));
  gsettings = llm_settings_get_gsettings (settings);

  g_settings_reset (gsettings, "bookmarks");
  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (GTK_APPLICATION (app), settings, llm_application_get_user_data (app));
  web_view = GTK_WIDGET (llm_answer_view_get_web_view (llm_window_get_answer_view (window)));
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));

  /* With no window manager, give the window the X input focus once. */
  focus_args = g_strdup_printf ("windowfocus --sync %lu",
                                (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  llm_test_xdotool (focus_args);

  /* The keyboard starts in the tree, on the question shown. */
  g_assert_true (llm_window_get_question (window) == first);
  wait_until (window, focus_is_in, llm_window_get_sidebar (window), "the tree to have the focus");

  /* Arrows move in the tree, and the answer follows. */
  llm_test_press ("Down");
  wait_for_question (window, second);
  llm_test_press ("Up");
  wait_for_question (window, first);
  llm_test_press ("End");
  wait_for_question (window, last);
  wait_until (window, focus_on_row, GUINT_TO_POINTER (n_rows - 1), "the focus on the last row");

  /* Home is the first topic's row: Enter folds it and opens it again. */
  llm_test_press ("Home");
  wait_until (window, focus_on_row, GUINT_TO_POINTER (0), "the focus on the first row");
  llm_test_press ("Return");
  wait_until (window, n_rows_is, GUINT_TO_POINTER (n_rows - n_first_topic), "the first topic to fold");
  g_assert_true (llm_window_get_question (window) == last);
  llm_test_press ("Return");
  wait_until (window, n_rows_is, GUINT_TO_POINTER (n_rows), "the first topic to open");

  /* Down across the next topic's row to question 8. */
  press_n ("Down", row_of (rows, target));
  wait_for_question (window, target);
  wait_until (window, focus_on_row, GUINT_TO_POINTER (row_of (rows, target)), "the focus on question 8's row");

  /* Enter opens it for reading: the answer takes the focus. */
  llm_test_press ("Return");
  wait_until (window, focus_is_in, web_view, "the answer to take the focus");
  wait_for_question (window, target);

  /* Ctrl+D stars it, also with the focus in the web page, and unstars it. */
  llm_test_press ("ctrl+d");
  wait_until (window, is_bookmarked, target, "the question to be bookmarked");
  {
    g_auto(GStrv) stored = g_settings_get_strv (gsettings, "bookmarks");

    g_assert_cmpuint (g_strv_length (stored), ==, 1);
    g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (find_actionable (GTK_WIDGET (window), "win.toggle-bookmark"))), ==, "starred-symbolic");
  }
  llm_test_press ("ctrl+d");
  wait_until (window, is_not_bookmarked, target, "the bookmark to be removed");
  llm_test_press ("ctrl+d");
  wait_until (window, is_bookmarked, target, "the question to be bookmarked again");
  llm_test_screenshot ("keyboard-bookmarked");

  /* Tab leaves the page (nothing in it keeps the focus) and comes round
   * to the tree, which is a single stop, back on the question shown. */
  {
    guint presses = 0;

    while (!focus_is_in (window, llm_window_get_sidebar (window)))
      {
        g_assert_cmpuint (++presses, <=, 8);
        llm_test_press ("Tab");
        llm_test_wait (100);
      }
  }
  g_assert_true (focus_on_row (window, GUINT_TO_POINTER (row_of (rows, target))));
  llm_test_press ("Down");
  wait_for_question (window, after_target);
  llm_test_press ("Tab");
  llm_test_wait (200);
  g_assert_false (focus_is_in (window, llm_window_get_sidebar (window)));
  llm_test_press ("shift+Tab");
  wait_until (window, focus_is_in, llm_window_get_sidebar (window), "Shift+Tab to come back to the tree");

  /* Ctrl+T starts a self-test on the first question it asks, covered. */
  llm_test_press ("ctrl+t");
  wait_until (window, quiz_is_active, GINT_TO_POINTER (TRUE), "the self-test to start");
  {
    LlmQuestion *asked[3];

    asked[0] = llm_self_test_session_get_current (session_of (window));
    g_assert_nonnull (asked[0]);
    wait_for_question (window, asked[0]);
    wait_until (window, page_body_class_is, "answer-hidden", "the answer to be covered");

    /* Space reveals; 3 grades it Good. */
    llm_test_press ("space");
    wait_until (window, quiz_is_revealed, NULL, "the answer to be revealed");
    wait_until (window, page_body_class_is, "", "the answer to show");
    g_assert_true (focus_on_grade (window, GINT_TO_POINTER (LLM_GRADE_GOOD)));
    llm_test_press ("3");
    {
      g_autofree char *line = g_strdup_printf ("\t%s\tgood\t", llm_question_get_id (asked[0]));

      wait_until (window, log_has, line, "the review to be logged");
    }
    wait_until (window, quiz_at, GUINT_TO_POINTER (1), "the next question");
    asked[1] = llm_self_test_session_get_current (session_of (window));
    g_assert_true (asked[1] != asked[0]);
    wait_for_question (window, asked[1]);
    wait_until (window, page_body_class_is, "answer-hidden", "the next answer to be covered");

    /* The grade buttons work as buttons: Enter reveals, Shift+Tab moves from
     * Good to Hard, Enter presses it. */
    llm_test_press ("Return");
    wait_until (window, quiz_is_revealed, NULL, "the answer to be revealed with Enter");
    llm_test_press ("shift+Tab");
    wait_until (window, focus_on_grade, GINT_TO_POINTER (LLM_GRADE_HARD), "the focus on Hard");
    llm_test_press ("Return");
    {
      g_autofree char *line = g_strdup_printf ("\t%s\thard\t", llm_question_get_id (asked[1]));

      wait_until (window, log_has, line, "the second review to be logged");
    }
    wait_until (window, quiz_at, GUINT_TO_POINTER (2), "the third question");

    /* Ctrl+Z takes the Hard back: the second question is asked again. */
    llm_test_press ("ctrl+z");
    wait_until (window, quiz_at, GUINT_TO_POINTER (1), "the grade to be undone");
    wait_until (window, log_has, "\tundone\n", "the undo to be logged");
    wait_for_question (window, asked[1]);
    wait_until (window, page_body_class_is, "answer-hidden", "the undone question to be covered");
    llm_test_press ("space");
    wait_until (window, quiz_is_revealed, NULL, "the answer to be revealed again");
    llm_test_press ("4");
    wait_until (window, quiz_at, GUINT_TO_POINTER (2), "the third question after the undo");
    asked[2] = llm_self_test_session_get_current (session_of (window));

    /* Esc ends it, on the question being asked. */
    llm_test_press ("Escape");
    wait_until (window, quiz_is_active, GINT_TO_POINTER (FALSE), "the self-test to end");
    g_assert_true (llm_window_get_question (window) == asked[2]);
    wait_until (window, page_body_class_is, "", "the answer to show after the self-test");
  }

  llm_test_destroy_window (window);
  g_settings_reset (gsettings, "bookmarks");
}

static LlmMockSession *
mock_of (LlmWindow *window)
{
  return llm_mock_panel_get_session (LLM_MOCK_PANEL (llm_window_get_mock_panel (window)));
}

/* The interview asks its question @data (a position), the clock running. */
static gboolean
mock_answering (LlmWindow *window,
                gpointer   data)
{
  LlmMockSession *session = mock_of (window);

  return session != NULL && llm_mock_session_get_state (session) == LLM_MOCK_ANSWERING &&
         llm_mock_session_get_position (session) == GPOINTER_TO_UINT (data);
}

/* Its answer is in, shown with the checklist, to grade. */
static gboolean
mock_at_result (LlmWindow *window,
                gpointer   data)
{
  LlmMockSession *session = mock_of (window);

  return session != NULL && llm_mock_session_get_state (session) == LLM_MOCK_RESULT &&
         llm_mock_session_get_position (session) == GPOINTER_TO_UINT (data);
}

static gboolean
dialog_is_open (LlmWindow *window,
                gpointer   data)
{
  return (llm_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL) == GPOINTER_TO_INT (data);
}

static gboolean
mode_is (LlmWindow *window,
         gpointer   data)
{
  return llm_window_get_mode (window) == (LlmWindowMode)GPOINTER_TO_INT (data);
}

static char *
dup_newest_report (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), APP_ID, "interviews", NULL);
  g_autoptr(GDir) reports = g_dir_open (dir, 0, NULL);
  g_autofree char *newest = NULL;
  g_autofree char *path = NULL;
  const char *name;
  char *text = NULL;

  while (reports != NULL && (name = g_dir_read_name (reports)) != NULL)
    if (newest == NULL || strcmp (name, newest) > 0)
      {
        g_free (newest);
        newest = g_strdup (name);
      }
  if (newest == NULL)
    return NULL;

  path = g_build_filename (dir, newest, NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static gboolean
mock_logged (LlmWindow *window,
             gpointer   data)
{
  LlmInterviewResult *result = data;
  g_autofree char *line = g_strdup_printf ("\t%s\t%s\t", llm_question_get_id (result->question),
                                           (const char *[]){ "", "again", "hard", "good", "easy" }[result->grade]);

  return log_has (window, line);
}

/* A mock interview with real keys: Ctrl+Enter hands the answer in, the
 * digits grade only on the result step (while answering they are typed),
 * Enter confirms the grade the ticks suggest, and Esc asks whether to
 * save a partial report, discard it or continue. */
static void
test_mock_keys (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  g_autofree char *focus_args = NULL;
  g_autofree char *report = NULL;
  const char *topics[] = { NULL };
  LlmMockSession *session;
  GPtrArray *results;
  LlmWindow *window;

  if (xdotool_path == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  gsettings = llm_settings_get_gsettings (settings);
  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (GTK_APPLICATION (app), settings, llm_application_get_user_data (app));
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  focus_args = g_strdup_printf ("windowfocus --sync %lu",
                                (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  llm_test_xdotool (focus_args);

  /* The panel is built when the first interview starts, below, and takes
   * the keys then (issue #20). */
  g_assert_null (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_MOCK_PANEL, NULL));

  /* What the set-up sheet's Start does (the sheet has its own test):
   * three questions from every topic, two minutes each. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-mock", "(^asuub)", topics, 3, 120, FALSE);
  wait_until (window, mock_answering, GUINT_TO_POINTER (0), "the first question");
  session = mock_of (window);
  g_assert_cmpuint (llm_mock_session_get_n_questions (session), ==, 3);
  llm_test_wait (300);
  llm_test_screenshot ("first-use-mock-panel");
  wait_for_question (window, llm_mock_session_get_question (session));
  wait_until (window, page_body_class_is, "answer-hidden", "the answer to be covered");

  /* Esc before anything is graded: the dialog, closed with Esc again,
   * is Continue; the clock keeps running. */
  llm_test_press ("Escape");
  wait_until (window, dialog_is_open, GINT_TO_POINTER (TRUE), "Esc to ask");
  llm_test_press ("Escape");
  wait_until (window, dialog_is_open, GINT_TO_POINTER (FALSE), "Esc to close the question");
  g_assert_true (mock_answering (window, GUINT_TO_POINTER (0)));

  /* A digit while answering is typed, not a grade; Ctrl+Enter hands the
   * answer in. */
  llm_test_xdotool ("type --delay 40 '3 layers'");
  llm_test_wait (300);
  g_assert_true (mock_answering (window, GUINT_TO_POINTER (0)));
  llm_test_press ("ctrl+Return");
  wait_until (window, mock_at_result, GUINT_TO_POINTER (0), "the first result");
  wait_until (window, page_body_class_is, "", "the answer to show");
  g_assert_cmpstr (llm_mock_session_get_result (session)->answer, ==, "3 layers");

  /* 2 grades it Hard and moves on. */
  llm_test_press ("2");
  wait_until (window, mock_answering, GUINT_TO_POINTER (1), "the second question");
  results = llm_mock_session_get_results (session);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (((LlmInterviewResult *)g_ptr_array_index (results, 0))->grade, ==, LLM_GRADE_HARD);
  wait_until (window, mock_logged, g_ptr_array_index (results, 0), "the Hard review to be logged");

  /* Nothing typed: Enter confirms the suggestion, Again. */
  llm_test_press ("ctrl+Return");
  wait_until (window, mock_at_result, GUINT_TO_POINTER (1), "the second result");
  g_assert_cmpint (llm_mock_session_get_suggested (session), ==, LLM_GRADE_AGAIN);
  llm_test_press ("Return");
  wait_until (window, mock_answering, GUINT_TO_POINTER (2), "the third question");
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (((LlmInterviewResult *)g_ptr_array_index (results, 1))->grade, ==, LLM_GRADE_AGAIN);
  wait_until (window, mock_logged, g_ptr_array_index (results, 1), "the Again review to be logged");

  /* Esc on the third question, and Alt+S: Save Partial Report. */
  llm_test_press ("Escape");
  wait_until (window, dialog_is_open, GINT_TO_POINTER (TRUE), "Esc to ask again");
  llm_test_wait (300);
  llm_test_screenshot ("keyboard-mock-end-ask");
  llm_test_press ("alt+s");
  wait_until (window, mode_is, GINT_TO_POINTER (LLM_WINDOW_MODE_BROWSE), "the interview to end");
  wait_until (window, dialog_is_open, GINT_TO_POINTER (FALSE), "the dialog to close");
  g_assert_true (llm_mock_session_is_partial (session));
  report = dup_newest_report ();
  g_assert_nonnull (report);
  {
    g_autofree char *early = g_strdup_printf (_("Ended early: %u of %u questions answered."), 2, 3);

    g_assert_nonnull (strstr (report, early));
  }

  llm_test_destroy_window (window);
}

static gboolean
shows_widget_of_type (LlmWindow *window,
                      gpointer   data)
{
  GtkWidget *widget = llm_test_find_widget (GTK_WIDGET (window), GPOINTER_TO_SIZE (data), NULL);

  return widget != NULL && gtk_widget_is_drawable (widget);
}

static gboolean
window_is_active (LlmWindow *window,
                  gpointer   data)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

static gboolean
note_is (LlmWindow *window,
         gpointer   data)
{
  g_autofree char *note = llm_note_store_load (llm_window_get_note_store (window),
                                               llm_question_get_id (llm_window_get_question (window)), NULL);

  return g_strcmp0 (note, data) == 0;
}

static gboolean
page_shows_note (LlmWindow *window,
                 gpointer   data)
{
  g_autofree char *note = llm_test_eval (llm_window_get_answer_view (window),
                                         "(document.querySelector('section.my-notes') || {}).textContent || ''");

  return strstr (note, data) != NULL;
}

static gboolean
stats_closed (LlmWindow *window,
              gpointer   data)
{
  return !shows_widget_of_type (window, GSIZE_TO_POINTER (LLM_TYPE_STATS_PAGE));
}

/* What the user has not opened yet is not built with the window, to keep
 * it small (issue #20), and still opens from its shortcut the first time,
 * with the focus where the keys then go. */
static void
test_first_use (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  GtkWidget *editor;
  LlmWindow *window;

  if (!llm_test_has_xdotool ())
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (GTK_APPLICATION (app), settings, llm_application_get_user_data (app));
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  llm_test_focus_window (GTK_WINDOW (window));
  /* Keys sent before GTK has seen the focus arrive can go nowhere. */
  wait_until (window, window_is_active, NULL, "the window to be active");
  g_assert_true (note_is (window, NULL));

  g_assert_null (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_NOTE_EDITOR, NULL));
  g_assert_null (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_STATS_PAGE, NULL));
  g_assert_null (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_SEARCH_RESULTS, NULL));

  /* Ctrl+E: the editor, empty, takes what is typed, which is saved and
   * shown under the answer once Esc puts the editor away. */
  llm_test_press ("ctrl+e");
  wait_until (window, shows_widget_of_type, GSIZE_TO_POINTER (LLM_TYPE_NOTE_EDITOR), "the note editor to open");
  editor = llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_NOTE_EDITOR, NULL);
  wait_until (window, focus_is_in, editor, "the note editor to take the focus");
  llm_test_wait (300);
  llm_test_screenshot ("first-use-note-editor");
  llm_test_xdotool ("type --delay 40 'Typed on first use'");
  wait_until (window, note_is, "Typed on first use", "the note to be saved");
  llm_test_press ("Escape");
  wait_until (window, page_shows_note, "Typed on first use", "the note under the answer");
  g_assert_false (gtk_widget_get_visible (editor));
  gtk_widget_activate_action (editor, "note.clear", NULL);
  g_assert_true (note_is (window, NULL));

  /* Ctrl+I: Statistics, filled in, in place of the answer; Esc goes back. */
  llm_test_press ("ctrl+i");
  wait_until (window, shows_widget_of_type, GSIZE_TO_POINTER (LLM_TYPE_STATS_PAGE), "Statistics to open");
  g_assert_true (llm_test_shows_label_with (GTK_WIDGET (window), _("Statistics")));
  g_assert_true (llm_test_shows_label_with (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_STATS_PAGE, NULL),
                                            llm_question_get_topic (llm_collection_get_question (collection, 0))));
  llm_test_wait (300);
  llm_test_screenshot ("first-use-stats");
  llm_test_press ("Escape");
  wait_until (window, stats_closed, NULL, "Esc to close Statistics");

  /* Ctrl+F and a word: the results' list, with what matches. */
  llm_test_press ("ctrl+f");
  wait_until (window, focus_is_in, llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "search-entry"),
              "the search entry to take the focus");
  llm_test_xdotool ("type --delay 40 'attention'");
  wait_until (window, shows_widget_of_type, GSIZE_TO_POINTER (LLM_TYPE_SEARCH_RESULTS), "the search results");
  g_assert_cmpuint (llm_search_results_get_n_items (LLM_SEARCH_RESULTS (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_SEARCH_RESULTS, NULL))), >, 0);
  llm_test_wait (300);
  llm_test_screenshot ("first-use-search-results");

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  llm_test_init (&argc, &argv);

  /* The shortcuts are the application's (gtk_application_set_accels_for_action),
   * so the window belongs to a registered one, as when the app runs. */
  app = llm_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/llm/keyboard/study-loop", test_keyboard_only);
  g_test_add_func ("/llm/keyboard/mock-interview", test_mock_keys);
  g_test_add_func ("/llm/keyboard/first-use", test_first_use);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
