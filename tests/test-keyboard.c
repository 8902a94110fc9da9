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
#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-topic.h"
#include "llm-self-test-bar.h"
#include "llm-window-private.h"

#define WAIT_MS 20000

static LlmApplication *app;

static void
on_child_exit (GPid     pid,
               int      status,
               gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (!g_spawn_check_wait_status (status, &error))
    g_error ("xdotool failed: %s", error->message);
  g_spawn_close_pid (pid);
  *(gboolean *)data = TRUE;
}

/* Runs xdotool while the main loop keeps turning, so the window handles
 * each event as it comes. */
static void
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  GPid pid;

  g_test_message ("xdotool %s", args);
  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
press (const char *keys)
{
  g_autofree char *args = g_strdup_printf ("key --delay 60 %s", keys);

  xdotool (args);
}

/* Presses @key @n times in one go. */
static void
press_n (const char *key,
         guint       n)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (keys, "%s%s", i ? " " : "", key);
  if (n > 0)
    press (keys->str);
}

typedef gboolean (*Check) (LlmWindow *window,
                           gpointer   data);

static gboolean
set_flag (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Key events arrive asynchronously: wait for their effect, and fail if it
 * never comes. */
static void
wait_until (LlmWindow  *window,
            Check       check,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (WAIT_MS, set_flag, &timed_out);

  while (!check (window, data))
    {
      gboolean tick = FALSE;

      if (timed_out)
        g_error ("Timed out waiting for %s", what);
      g_timeout_add (50, set_flag, &tick);
      while (!tick)
        g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
}

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
  g_auto(GStrv) stored = g_settings_get_strv (llm_settings_get_gsettings (window->settings), "bookmarks");

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
  return llm_sidebar_get_n_rows (window->sidebar) == GPOINTER_TO_UINT (data);
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
  GSettings *gsettings = llm_settings_get_gsettings (settings);
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
  xdotool (focus_args);

  /* The keyboard starts in the tree, on the question shown. */
  g_assert_true (llm_window_get_question (window) == first);
  wait_until (window, focus_is_in, window->sidebar, "the tree to have the focus");

  /* Arrows move in the tree, and the answer follows. */
  press ("Down");
  wait_for_question (window, second);
  press ("Up");
  wait_for_question (window, first);
  press ("End");
  wait_for_question (window, last);
  wait_until (window, focus_on_row, GUINT_TO_POINTER (n_rows - 1), "the focus on the last row");

  /* Home is the first topic's row: Enter folds it and opens it again. */
  press ("Home");
  wait_until (window, focus_on_row, GUINT_TO_POINTER (0), "the focus on the first row");
  press ("Return");
  wait_until (window, n_rows_is, GUINT_TO_POINTER (n_rows - n_first_topic), "the first topic to fold");
  g_assert_true (llm_window_get_question (window) == last);
  press ("Return");
  wait_until (window, n_rows_is, GUINT_TO_POINTER (n_rows), "the first topic to open");

  /* Down across the next topic's row to question 8. */
  press_n ("Down", row_of (rows, target));
  wait_for_question (window, target);
  wait_until (window, focus_on_row, GUINT_TO_POINTER (row_of (rows, target)), "the focus on question 8's row");

  /* Enter opens it for reading: the answer takes the focus. */
  press ("Return");
  wait_until (window, focus_is_in, web_view, "the answer to take the focus");
  wait_for_question (window, target);

  /* Ctrl+D stars it, also with the focus in the web page, and unstars it. */
  press ("ctrl+d");
  wait_until (window, is_bookmarked, target, "the question to be bookmarked");
  {
    g_auto(GStrv) stored = g_settings_get_strv (gsettings, "bookmarks");

    g_assert_cmpuint (g_strv_length (stored), ==, 1);
    g_assert_cmpstr (gtk_button_get_icon_name (window->bookmark_button), ==, "starred-symbolic");
  }
  press ("ctrl+d");
  wait_until (window, is_not_bookmarked, target, "the bookmark to be removed");
  press ("ctrl+d");
  wait_until (window, is_bookmarked, target, "the question to be bookmarked again");
  llm_test_screenshot ("keyboard-bookmarked");

  /* Tab leaves the page (nothing in it keeps the focus) and comes round
   * to the tree, which is a single stop, back on the question shown. */
  {
    guint presses = 0;

    while (!focus_is_in (window, window->sidebar))
      {
        g_assert_cmpuint (++presses, <=, 8);
        press ("Tab");
        llm_test_wait (100);
      }
  }
  g_assert_true (focus_on_row (window, GUINT_TO_POINTER (row_of (rows, target))));
  press ("Down");
  wait_for_question (window, after_target);
  press ("Tab");
  llm_test_wait (200);
  g_assert_false (focus_is_in (window, window->sidebar));
  press ("shift+Tab");
  wait_until (window, focus_is_in, window->sidebar, "Shift+Tab to come back to the tree");

  /* Ctrl+T starts a self-test on the first question it asks, covered. */
  press ("ctrl+t");
  wait_until (window, quiz_is_active, GINT_TO_POINTER (TRUE), "the self-test to start");
  {
    LlmQuestion *asked[3];

    asked[0] = llm_self_test_session_get_current (session_of (window));
    g_assert_nonnull (asked[0]);
    wait_for_question (window, asked[0]);
    wait_until (window, page_body_class_is, "answer-hidden", "the answer to be covered");

    /* Space reveals; 3 grades it Good. */
    press ("space");
    wait_until (window, quiz_is_revealed, NULL, "the answer to be revealed");
    wait_until (window, page_body_class_is, "", "the answer to show");
    g_assert_true (focus_on_grade (window, GINT_TO_POINTER (LLM_GRADE_GOOD)));
    press ("3");
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
    press ("Return");
    wait_until (window, quiz_is_revealed, NULL, "the answer to be revealed with Enter");
    press ("shift+Tab");
    wait_until (window, focus_on_grade, GINT_TO_POINTER (LLM_GRADE_HARD), "the focus on Hard");
    press ("Return");
    {
      g_autofree char *line = g_strdup_printf ("\t%s\thard\t", llm_question_get_id (asked[1]));

      wait_until (window, log_has, line, "the second review to be logged");
    }
    wait_until (window, quiz_at, GUINT_TO_POINTER (2), "the third question");

    /* Ctrl+Z takes the Hard back: the second question is asked again. */
    press ("ctrl+z");
    wait_until (window, quiz_at, GUINT_TO_POINTER (1), "the grade to be undone");
    wait_until (window, log_has, "\tundone\n", "the undo to be logged");
    wait_for_question (window, asked[1]);
    wait_until (window, page_body_class_is, "answer-hidden", "the undone question to be covered");
    press ("space");
    wait_until (window, quiz_is_revealed, NULL, "the answer to be revealed again");
    press ("4");
    wait_until (window, quiz_at, GUINT_TO_POINTER (2), "the third question after the undo");
    asked[2] = llm_self_test_session_get_current (session_of (window));

    /* Esc ends it, on the question being asked. */
    press ("Escape");
    wait_until (window, quiz_is_active, GINT_TO_POINTER (FALSE), "the self-test to end");
    g_assert_true (llm_window_get_question (window) == asked[2]);
    wait_until (window, page_body_class_is, "", "the answer to show after the self-test");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (gsettings, "bookmarks");
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

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
