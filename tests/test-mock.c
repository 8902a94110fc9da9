/* test-mock.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mock interviews in the real window, through its actions and public API:
 * the set-up sheet, a two-question interview on chosen topics, grading,
 * Esc with a partial report saved, the report, and past interviews opened
 * as documents that never become the collection.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-coverage.h"
#include "llm-interview-report.h"
#include "llm-mock-panel.h"
#include "llm-past-interviews.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window.h"

static GtkWindow *
find_transient_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == parent && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
has_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_text_view (child))
      return TRUE;

  return FALSE;
}

/* The answer box, as the user types into it. */
static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
dup_newest_report (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), APP_ID, "interviews", NULL);
  g_autoptr(GDir) reports = g_dir_open (dir, 0, NULL);
  g_autofree char *newest = NULL;
  char *text = NULL;
  const char *name;

  while (reports != NULL && (name = g_dir_read_name (reports)) != NULL)
    if (newest == NULL || strcmp (name, newest) > 0)
      {
        g_free (newest);
        newest = g_strdup (name);
      }

  if (newest != NULL)
    {
      g_autofree char *path = g_build_filename (dir, newest, NULL);

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    }

  return text;
}

static void
test_mock_interview (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  GSettings *gsettings = llm_settings_get_gsettings (settings);
  const char *topics[] = { "Transformer", "注意力机制", NULL };
  g_autofree char *last_collection = g_settings_get_string (gsettings, "last-collection");
  g_auto(GStrv) recent = g_settings_get_strv (gsettings, "recent-collections");
  g_autofree char *report = NULL;
  LlmMockSession *session;
  LlmInterviewResult *result;
  LlmQuestion *first;
  LlmAnswerView *view;
  LlmWindow *window;
  GtkWidget *panel;
  GtkWindow *sheet;

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  panel = llm_window_get_mock_panel (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  /* The visible entry point opens the set-up sheet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mock-interview", NULL);
  sheet = llm_test_wait_for_toplevel (ADW_TYPE_WINDOW);
  llm_test_wait (500);   /* mapped is not yet painted */
  g_assert_nonnull (sheet);
  g_assert_true (llm_test_shows_label (GTK_WIDGET (sheet), _("Weak Questions First")));
  g_assert_true (llm_test_shows_label (GTK_WIDGET (sheet), "注意力机制"));
  llm_test_screenshot ("mock-setup");
  gtk_window_destroy (sheet);
  llm_test_wait (100);

  /* What the sheet's Start does: two questions, two chosen topics, a
   * minute each, weak ones first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-mock", "(^asuub)", topics, 2, 60, TRUE);
  llm_test_wait_for_shown (view);
  g_assert_cmpint (llm_window_get_mode (window), ==, LLM_WINDOW_MODE_MOCK_INTERVIEW);
  session = llm_mock_panel_get_session (LLM_MOCK_PANEL (panel));
  g_assert_cmpuint (llm_mock_session_get_n_questions (session), ==, 2);
  first = llm_mock_session_get_question (session);
  g_assert_true (llm_window_get_question (window) == first);
  g_assert_true (g_strv_contains (topics, llm_question_get_topic (first)));
  {
    g_autofree char *classes = llm_test_eval (view, "document.body.className");

    g_assert_cmpstr (classes, ==, "answer-hidden");
  }
  g_assert_cmpint (llm_mock_session_get_remaining_ms (session), >, 50000);

  /* The notes' own answer, typed: its key points are ticked. Over a
   * second passes first, so the time used is not 0:00. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (find_text_view (panel)), llm_question_get_answer (first), -1);
  llm_test_wait (1200);
  gtk_widget_activate_action (panel, "mock.done", NULL);
  llm_test_wait_for_shown (view);
  g_assert_cmpint (llm_mock_session_get_state (session), ==, LLM_MOCK_RESULT);
  result = llm_mock_session_get_result (session);
  g_assert_cmpuint (result->n_covered, ==, g_strv_length (result->points));

  /* The result step's clock says the time the answer took. */
  g_assert_cmpuint (result->seconds, >=, 1);
  {
    g_autofree char *used = g_strdup_printf ("%u:%02u", result->seconds / 60, result->seconds % 60);
    g_autofree char *expected = g_strdup_printf (_("%s used"), used);

    g_assert_cmpstr (llm_mock_panel_get_clock_text (LLM_MOCK_PANEL (panel)), ==, expected);
  }
  {
    g_autofree char *classes = llm_test_eval (view, "document.body.className");

    g_assert_cmpstr (classes, ==, "");
  }
  llm_test_wait (300);
  llm_test_screenshot ("mock-result");

  /* Confirm the suggestion (Enter's action): on to the second question. */
  gtk_widget_activate_action (panel, "mock.confirm", NULL);
  llm_test_wait_for_shown (view);
  g_assert_cmpuint (llm_mock_session_get_position (session), ==, 1);
  g_assert_true (g_strv_contains (topics, llm_question_get_topic (llm_window_get_question (window))));
  g_assert_nonnull (llm_study_get_card (llm_window_get_study (window), llm_question_get_id (first)));

  /* Esc's action mid-answer asks; Continue goes on... */
  gtk_widget_activate_action (panel, "mock.stop", NULL);
  llm_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  llm_test_wait (300);
  llm_test_screenshot ("mock-end-ask");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (llm_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "continue");
  llm_test_wait (200);
  g_assert_cmpint (llm_mock_session_get_state (session), ==, LLM_MOCK_ANSWERING);

  /* ...Save Partial Report ends it with the one question graded. */
  gtk_widget_activate_action (panel, "mock.stop", NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (llm_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "save");
  llm_test_wait_for_mode (window, LLM_WINDOW_MODE_BROWSE);
  llm_test_wait (600);
  report = dup_newest_report ();
  g_assert_nonnull (report);
  {
    g_autofree char *early = g_strdup_printf (_("Ended early: %u of %u questions answered."), 1, 2);

    g_assert_nonnull (strstr (report, early));
  }
  g_assert_nonnull (strstr (report, llm_question_get_title (first)));
  g_assert_nonnull (strstr (report, "| 1 | "));
  g_assert_null (strstr (report, "| 2 | "));

  /* The report leads with the total, and its row opens the question. */
  {
    guint n = g_strv_length (result->points);
    g_autofree char *total = n ? g_strdup_printf (_("%u of %u key points · %u%%"), n, n, 100)
                               : g_strdup (_("No key points to count"));

    g_assert_true (llm_test_shows_label (GTK_WIDGET (window), total));
  }
  g_assert_true (llm_test_shows_label (GTK_WIDGET (window), _("Retry Missed")));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "content-stack"))))),
                   ==, "emblem-documents-symbolic");
  llm_test_screenshot ("mock-report");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-question", "s", llm_question_get_id (first));
  llm_test_wait_for_shown (view);
  g_assert_true (llm_window_get_question (window) == first);

  llm_test_destroy_window (window);

  {
    g_autofree char *now_last = g_settings_get_string (gsettings, "last-collection");
    g_auto(GStrv) now_recent = g_settings_get_strv (gsettings, "recent-collections");

    g_assert_cmpstr (now_last, ==, last_collection);
    g_assert_cmpuint (g_strv_length (now_recent), ==, g_strv_length (recent));
  }
}

/* Past interviews are documents: listed with their totals, opened in a
 * window of their own; the collection stays, and is what a restart opens. */
static void
test_past_interviews (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  GSettings *gsettings = llm_settings_get_gsettings (settings);
  g_autofree char *last_collection = g_settings_get_string (gsettings, "last-collection");
  g_autofree char *last_question = NULL;
  LlmPastInterviews *past;
  GtkWindow *report;
  LlmQuestion *shown;
  LlmWindow *window;

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  shown = llm_window_get_question (window);
  last_question = g_strdup (llm_question_get_id (shown));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.past-interviews", NULL);
  llm_test_wait (400);
  past = LLM_PAST_INTERVIEWS (llm_test_find_toplevel (LLM_TYPE_PAST_INTERVIEWS));
  g_assert_nonnull (past);
  g_assert_cmpuint (llm_past_interviews_get_n_items (past), >=, 1);
  /* The partial interview of the test before: one question, its score. */
  {
    g_autofree char *one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", 1), 1);

    g_assert_true (llm_test_shows_label_with (GTK_WIDGET (past), one));
  }
  llm_test_screenshot ("past-interviews");

  gtk_widget_activate_action (GTK_WIDGET (past), "past.open", "u", 0);
  llm_test_wait (400);
  report = find_transient_for (GTK_WINDOW (past));
  g_assert_nonnull (report);
  {
    g_autofree char *one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", 1), 1);

    g_assert_true (llm_test_shows_label_with (GTK_WIDGET (report), one));
  }
  /* Laid out as a report, not the markdown text: the total leads, the
   * question has its number and title, its key points a row each. */
  g_assert_false (has_text_view (GTK_WIDGET (report)));
  {
    g_autofree char *report_text = dup_newest_report ();
    g_autoptr(GPtrArray) rows = llm_interview_report_parse (report_text, NULL);
    LlmInterviewReportRow *row;
    g_autofree char *title = NULL;
    g_autofree char *total = NULL;

    g_assert_cmpuint (rows->len, ==, 1);
    row = g_ptr_array_index (rows, 0);
    title = g_strdup_printf ("1. %s", row->title);
    total = row->n_points ? g_strdup_printf (_("%u of %u key points · %u%%"), row->n_covered, row->n_points,
                                             row->n_covered * 100 / row->n_points)
                          : g_strdup (_("No key points to count"));
    g_assert_true (llm_test_shows_label (GTK_WIDGET (report), total));
    g_assert_true (llm_test_shows_label (GTK_WIDGET (report), title));
    for (guint i = 0; row->points[i] != NULL; i++)
      g_assert_true (llm_test_shows_label (GTK_WIDGET (report), row->points[i]));
  }
  llm_test_screenshot ("past-interview-report");

  /* Nothing changed in the study window, nor in what opens at start. */
  g_assert_true (llm_window_get_collection (window) == collection);
  g_assert_true (llm_window_get_question (window) == shown);
  {
    g_autofree char *now_last = g_settings_get_string (gsettings, "last-collection");

    g_assert_cmpstr (now_last, ==, last_collection);
    g_assert_cmpstr (llm_settings_get_last_question (settings), ==, last_question);
  }

  gtk_window_destroy (report);
  gtk_window_destroy (GTK_WINDOW (past));
  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/mock/interview", test_mock_interview);
  g_test_add_func ("/llm/mock/past-interviews", test_past_interviews);

  return g_test_run ();
}
