/* llm-window-mock.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-answer-view.h"
#include "llm-collection.h"
#include "llm-coverage.h"
#include "llm-interview-report.h"
#include "llm-question.h"
#include "llm-settings.h"
#include "llm-window-private.h"

/* A timed mock interview: a few questions, weighted toward weak and unseen
 * ones, each against the clock. The typed answer is scored against the
 * question's key points, the user confirms a grade, and a report of the
 * whole interview is saved as markdown in the data folder. */

static char *
format_clock (guint seconds)
{
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static char *
dup_interviews_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "interviews", NULL);
}

static void
stop_tick (LlmWindow *self)
{
  g_clear_handle_id (&self->mock_tick, g_source_remove);
}

static void
stop_mock (LlmWindow *self)
{
  if (!self->mock_active)
    return;

  stop_tick (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mock-done", FALSE);
  self->mock_active = FALSE;
  g_clear_pointer (&self->mock_questions, g_ptr_array_unref);
  g_clear_pointer (&self->mock_results, g_ptr_array_unref);
  gtk_revealer_set_reveal_child (self->mock_bar, FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  llm_answer_view_set_answer_hidden (self->answer_view, FALSE);
}

static void
update_clock (LlmWindow *self)
{
  g_autofree char *clock = format_clock (self->mock_seconds_left);

  gtk_label_set_label (self->mock_clock, clock);
  if (self->mock_seconds_left <= 10)
    gtk_widget_add_css_class (GTK_WIDGET (self->mock_clock), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->mock_clock), "error");
}

static void finish_answer (LlmWindow *self);

/* Ticks only while an answer is being typed; never while idle. */
static gboolean
tick (gpointer data)
{
  LlmWindow *self = data;

  if (self->mock_seconds_left > 0)
    self->mock_seconds_left--;
  update_clock (self);

  if (self->mock_seconds_left == 0)
    {
      self->mock_tick = 0;
      finish_answer (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
start_question (LlmWindow *self)
{
  LlmQuestion *question = g_ptr_array_index (self->mock_questions, self->mock_position);
  GSettings *settings = llm_settings_get_gsettings (self->settings);
  g_autofree char *progress = NULL;

  self->mock_answered = FALSE;
  self->mock_seconds_left = g_settings_get_uint (settings, "mock-seconds");
  self->mock_started_at = g_get_monotonic_time ();

  llm_answer_view_set_answer_hidden (self->answer_view, TRUE);
  self->mock_showing = TRUE;
  llm_window_show_question (self, question);
  self->mock_showing = FALSE;

  /* Translators: mock interview progress, "Question 2 of 5" */
  progress = g_strdup_printf (_("Question %u of %u"), self->mock_position + 1, self->mock_questions->len);
  gtk_label_set_label (self->mock_progress_label, progress);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->mock_answer), "", -1);
  gtk_text_view_set_editable (self->mock_answer, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->mock_grade_row), FALSE);
  gtk_widget_set_sensitive (self->mock_done_button, TRUE);
  update_clock (self);

  stop_tick (self);
  self->mock_tick = g_timeout_add_seconds (1, tick, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mock-done", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->mock_answer));
}

static void
finish_answer (LlmWindow *self)
{
  LlmQuestion *question;
  g_autoptr(LlmCoverage) coverage = NULL;
  g_autofree char *summary = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->mock_answer);
  GtkTextIter start, end;
  LlmInterviewResult *result;
  guint n;

  if (!self->mock_active || self->mock_answered)
    return;

  stop_tick (self);
  self->mock_answered = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mock-done", FALSE);
  question = g_ptr_array_index (self->mock_questions, self->mock_position);

  result = g_new0 (LlmInterviewResult, 1);
  result->question = g_object_ref (question);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  result->answer = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  result->seconds = (g_get_monotonic_time () - self->mock_started_at) / G_USEC_PER_SEC;
  result->points = llm_coverage_key_points_for (question);

  coverage = llm_coverage_score ((const char * const *)result->points, result->answer);
  n = llm_coverage_get_n_points (coverage);
  result->covered = g_new0 (gboolean, n + 1);
  for (guint i = 0; i < n; i++)
    result->covered[i] = llm_coverage_get_covered (coverage, i);
  result->n_covered = llm_coverage_get_n_covered (coverage);
  g_ptr_array_add (self->mock_results, result);

  /* Answered aloud (nothing typed): the user grades themselves. */
  self->mock_suggested = result->answer[0] ? llm_coverage_get_suggested_grade (coverage) : LLM_GRADE_GOOD;
  if (self->mock_suggested < LLM_GRADE_AGAIN)
    self->mock_suggested = LLM_GRADE_GOOD;

  gtk_text_view_set_editable (self->mock_answer, FALSE);
  gtk_widget_set_sensitive (self->mock_done_button, FALSE);
  llm_answer_view_set_answer_hidden (self->answer_view, FALSE);
  if (n > 0)
    llm_answer_view_show_key_points (self->answer_view, (const char * const *)result->points, result->covered);

  if (result->answer[0] == '\0')
    summary = g_strdup (_("Nothing typed: compare what you said with the answer above, then grade yourself."));
  else if (n == 0)
    summary = g_strdup (_("This answer has no key points to check; grade yourself."));
  else
    summary = g_strdup_printf (_("Covered %u of %u key points. Suggested grade: %s. Confirm it or choose another."),
                               result->n_covered, n, _llm_window_grade_name (self->mock_suggested));
  gtk_label_set_label (self->mock_coverage_label, summary);

  for (LlmGrade grade = LLM_GRADE_AGAIN; grade <= LLM_GRADE_EASY; grade++)
    {
      if ((int)grade == self->mock_suggested)
        gtk_widget_add_css_class (self->mock_grade_buttons[grade], "suggested-action");
      else
        gtk_widget_remove_css_class (self->mock_grade_buttons[grade], "suggested-action");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mock_grade_row), TRUE);
  gtk_widget_grab_focus (self->mock_grade_buttons[self->mock_suggested]);
}

static void
add_report_row (LlmWindow  *self,
                LlmInterviewResult *result)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *clock = format_clock (result->seconds);
  g_autofree char *subtitle = g_strdup_printf (_("%s · %u of %u key points · %s"),
                                               clock, result->n_covered, g_strv_length (result->points),
                                               _llm_window_grade_name (result->grade));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), llm_question_get_title (result->question));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (self->mock_report_list, row);
}

static void
finish_interview (LlmWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = dup_interviews_dir ();
  g_autofree char *report = llm_interview_report_format (self->mock_results, now);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  stop_tick (self);
  gtk_revealer_set_reveal_child (self->mock_bar, FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mock_report_list))) != NULL)
    gtk_list_box_remove (self->mock_report_list, child);
  for (guint i = 0; i < self->mock_results->len; i++)
    add_report_row (self, g_ptr_array_index (self->mock_results, i));

  path = llm_interview_report_write (dir, now, report, &error);
  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the report: %s"), error->message);

      _llm_window_add_toast (self, message);
      adw_status_page_set_description (self->mock_report, NULL);
    }
  else
    {
      g_autofree char *description = g_strdup_printf (_("The report is saved as %s"), path);

      adw_status_page_set_description (self->mock_report, description);
    }

  gtk_stack_set_visible_child_name (self->content_stack, "mock-report");
}

static void
mock_interview_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autoptr(GRand) rand = g_rand_new ();
  guint n;

  if (self->collection == NULL)
    return;

  gtk_widget_activate_action (widget, "win.quiz-stop", NULL);
  stop_mock (self);
  llm_note_editor_flush (self->note_editor);

  n = g_settings_get_uint (llm_settings_get_gsettings (self->settings), "mock-questions");
  self->mock_questions = llm_study_pick_mock (self->study, self->collection, n, rand,
                                              g_get_real_time () / G_USEC_PER_SEC);
  self->mock_results = g_ptr_array_new_with_free_func (llm_interview_result_free);
  self->mock_position = 0;
  self->mock_active = TRUE;

  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  gtk_revealer_set_reveal_child (self->mock_bar, TRUE);
  start_question (self);
}

static void
mock_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  finish_answer (LLM_WINDOW (widget));
}

static void
mock_grade_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  LlmGrade grade = g_variant_get_int32 (param);
  g_autoptr(GError) error = NULL;
  LlmInterviewResult *result;

  if (!self->mock_active || !self->mock_answered || grade < LLM_GRADE_AGAIN || grade > LLM_GRADE_EASY)
    return;

  result = g_ptr_array_index (self->mock_results, self->mock_results->len - 1);
  result->grade = grade;
  if (!llm_study_grade (self->study, llm_question_get_id (result->question), grade,
                        result->seconds * 1000, g_get_real_time () / G_USEC_PER_SEC, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not record the review: %s"), error->message);

      _llm_window_add_toast (self, message);
    }

  self->mock_position++;
  if (self->mock_position < self->mock_questions->len)
    start_question (self);
  else
    finish_interview (self);
}

static void
mock_stop_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  stop_mock (LLM_WINDOW (widget));
}

static void
on_past_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       LlmWindow     *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
past_interviews_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autofree char *dir_path = dup_interviews_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *window, *page, *group, *scroller, *header, *box;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));
  /* Newest first: the names are timestamps. */
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Past Interviews"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 420);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  if (names->len == 0)
    {
      page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "emblem-documents-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Interviews Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (page), _("Reports of finished mock interviews are listed here"));
      gtk_widget_set_vexpand (page, TRUE);
      gtk_box_append (GTK_BOX (box), page);
    }
  else
    {
      group = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (group, "boxed-list");
      gtk_widget_set_margin_start (group, 12);
      gtk_widget_set_margin_end (group, 12);
      gtk_widget_set_margin_top (group, 12);
      gtk_widget_set_margin_bottom (group, 12);
      g_signal_connect_object (group, "row-activated", G_CALLBACK (on_past_row_activated), self, 0);

      for (guint i = names->len; i > 0; i--)
        {
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i - 1), NULL);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (names, i - 1));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "path", g_steal_pointer (&path), g_free);
          gtk_list_box_append (GTK_LIST_BOX (group), row);
        }

      scroller = gtk_scrolled_window_new ();
      gtk_widget_set_vexpand (scroller, TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), group);
      gtk_box_append (GTK_BOX (box), scroller);
    }

  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * _llm_window_mock_question_changed:
 *
 * Picking another question by hand ends the interview.
 */
void
_llm_window_mock_question_changed (LlmWindow *self)
{
  if (self->mock_active && !self->mock_showing)
    stop_mock (self);
}

void
_llm_window_mock_constructed (LlmWindow *self)
{
  /* Ctrl+Enter is free for other uses until an answer is being typed. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mock-done", FALSE);

  for (LlmGrade grade = LLM_GRADE_AGAIN; grade <= LLM_GRADE_EASY; grade++)
    {
      g_autofree char *label = g_strdup_printf ("%d  %s", grade, _llm_window_grade_name (grade));
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.mock-grade");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", grade);
      gtk_box_append (self->mock_grade_row, button);
      self->mock_grade_buttons[grade] = button;
    }
}

void
_llm_window_mock_dispose (LlmWindow *self)
{
  stop_tick (self);
  g_clear_pointer (&self->mock_questions, g_ptr_array_unref);
  g_clear_pointer (&self->mock_results, g_ptr_array_unref);
}

void
_llm_window_mock_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_bar);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_progress_label);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_clock);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_done_button);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_answer);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_grade_row);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_coverage_label);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_report);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_report_list);

  gtk_widget_class_install_action (widget_class, "win.mock-interview", NULL, mock_interview_action);
  gtk_widget_class_install_action (widget_class, "win.mock-done", NULL, mock_done_action);
  gtk_widget_class_install_action (widget_class, "win.mock-grade", "i", mock_grade_action);
  gtk_widget_class_install_action (widget_class, "win.mock-stop", NULL, mock_stop_action);
  gtk_widget_class_install_action (widget_class, "win.past-interviews", NULL, past_interviews_action);
}
