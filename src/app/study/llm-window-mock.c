/* llm-window-mock.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-answer-view.h"
#include "llm-collection.h"
#include "llm-interview-report.h"
#include "llm-mock-panel.h"
#include "llm-past-interviews.h"
#include "llm-question.h"
#include "llm-settings.h"
#include "llm-stats.h"
#include "llm-topic.h"
#include "llm-window-private.h"

/* Mock interview: the window's side of it. The set-up sheet chooses the
 * topics, the number of questions, the time for each and whether weak
 * questions come first; the session (llm-mock-session.c) picks and scores;
 * the panel (llm-mock-panel.c) runs it under the question; here the window
 * shows the questions the panel asks for, then the report, which is saved
 * to the data folder as markdown. */

static char *
format_clock (guint seconds)
{
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static void
start_with (LlmWindow *self,
            GPtrArray *questions,
            guint      seconds)
{
  g_autoptr(LlmMockSession) session = NULL;
  LlmMockPanel *panel;

  if (questions->len == 0)
    {
      _llm_window_add_toast (self, _("No questions in the chosen topics"));
      return;
    }

  panel = _llm_window_ensure_mock_panel (self);
  _llm_window_flush_note (self);
  self->mock_seconds = seconds;
  session = llm_mock_session_new (self->study, questions, seconds, NULL, NULL);
  _llm_window_set_mode (self, LLM_WINDOW_MODE_MOCK_INTERVIEW);
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  gtk_widget_set_visible (GTK_WIDGET (self->mock_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->mock_revealer, TRUE);
  llm_mock_panel_start (panel, session);
}

/* win.start-mock ((as)uub): topics (none: all), questions, seconds per
 * question, weak questions first. What the set-up sheet's Start does. */
static void
start_mock_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autofree const char **topics = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) picked = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  guint n, seconds;
  gboolean weak_first;

  if (self->collection == NULL)
    return;

  g_variant_get (param, "(^a&suub)", &topics, &n, &seconds, &weak_first);
  questions = _llm_window_dup_questions (self);
  picked = llm_mock_session_pick (self->study, questions, topics && topics[0] ? topics : NULL,
                                  MAX (n, 1), weak_first, rand, g_get_real_time () / G_USEC_PER_SEC);

  llm_self_test_bar_stop (self->self_test_bar);
  start_with (self, picked, MAX (seconds, 10));
}

/* The set-up sheet ---------------------------------------------------------- */

static void
on_setup_start (GtkButton *button,
                GtkWindow *sheet)
{
  LlmWindow *self = LLM_WINDOW (gtk_window_get_transient_for (sheet));
  GtkListBox *topics = g_object_get_data (G_OBJECT (sheet), "topics");
  GtkSpinButton *count = g_object_get_data (G_OBJECT (sheet), "count");
  GtkSpinButton *minutes = g_object_get_data (G_OBJECT (sheet), "minutes");
  GtkSwitch *weak = g_object_get_data (G_OBJECT (sheet), "weak");
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  GSettings *settings = llm_settings_get_gsettings (self->settings);
  guint seconds = (guint)(gtk_spin_button_get_value (minutes) * 60 + 0.5);
  guint n = gtk_spin_button_get_value_as_int (count);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (topics)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL && gtk_check_button_get_active (check))
        g_ptr_array_add (chosen, (gpointer)adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
  g_ptr_array_add (chosen, NULL);

  g_settings_set_uint (settings, "mock-questions", n);
  g_settings_set_uint (settings, "mock-seconds", seconds);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.start-mock", "(^asuub)",
                              (const char * const *)chosen->pdata, n, seconds,
                              gtk_switch_get_active (weak));
  gtk_window_destroy (sheet);
}

static GtkWidget *
spin_row (const char *title,
          const char *subtitle,
          double      lower,
          double      upper,
          double      step,
          guint       digits,
          double      value,
          GtkWidget **spin)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = gtk_spin_button_new_with_range (lower, upper, step);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (*spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (*spin), value);
  gtk_widget_set_valign (*spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *spin);

  return row;
}

/* A checked row per topic that has questions; the sheet keeps the list as
 * "topics" for on_setup_start to read the choice back. */
static AdwPreferencesGroup *
topics_group (LlmWindow *self,
              GtkWidget *sheet)
{
  GtkWidget *group, *topics, *row;
  guint n_topics;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Topics"));
  topics = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (topics), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (topics, "boxed-list");
  n_topics = g_list_model_get_n_items (G_LIST_MODEL (self->collection));
  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(LlmTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->collection), i);
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = NULL;
      guint n = g_list_model_get_n_items (G_LIST_MODEL (topic));

      if (n == 0)
        continue;
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", n), n);
      row = adw_action_row_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), llm_topic_get_title (topic));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (GTK_LIST_BOX (topics), row);
    }
  g_object_set_data (G_OBJECT (sheet), "topics", topics);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), topics);

  return ADW_PREFERENCES_GROUP (group);
}

static void
show_setup_sheet (LlmWindow *self)
{
  GSettings *settings = llm_settings_get_gsettings (self->settings);
  GtkWidget *sheet, *box, *header, *cancel, *start, *page, *group, *row, *spin, *weak;

  if (self->collection == NULL)
    return;

  llm_self_test_bar_stop (self->self_test_bar);
  sheet = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (sheet), _("New Mock Interview"));
  gtk_window_set_transient_for (GTK_WINDOW (sheet), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (sheet), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (sheet), 460, 620);
  gtk_widget_add_css_class (sheet, "mock-setup");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_label (_("Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  start = gtk_button_new_with_label (_("Start"));
  gtk_widget_add_css_class (start, "suggested-action");
  g_signal_connect (start, "clicked", G_CALLBACK (on_setup_start), sheet);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), start);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Interview"));
  row = spin_row (_("Questions"), NULL, 1, 20, 1, 0, g_settings_get_uint (settings, "mock-questions"), &spin);
  g_object_set_data (G_OBJECT (sheet), "count", spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = spin_row (_("Minutes per Question"), _("The clock turns orange at 30 seconds and red at 10"),
                  0.5, 15, 0.5, 1, g_settings_get_uint (settings, "mock-seconds") / 60.0, &spin);
  g_object_set_data (G_OBJECT (sheet), "minutes", spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_action_row_new ();
  weak = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (weak), TRUE);
  gtk_widget_set_valign (weak, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Weak Questions First"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Favour questions never seen or likely forgotten"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), weak);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), weak);
  g_object_set_data (G_OBJECT (sheet), "weak", weak);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), topics_group (self, sheet));

  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (sheet), box);
  gtk_window_set_default_widget (GTK_WINDOW (sheet), start);
  gtk_window_present (GTK_WINDOW (sheet));
}

/* The visible entry point: a running session is left first (asking), then
 * the set-up sheet opens. */
static void
mock_interview_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  if (self->collection != NULL)
    _llm_window_leave_then (self, show_setup_sheet);
}

/* The interview ------------------------------------------------------------- */

static void
on_mock_show_question (LlmWindow    *self,
                       LlmQuestion  *question,
                       gboolean      hidden,
                       LlmMockPanel *panel)
{
  LlmInterviewResult *result = llm_mock_session_get_result (llm_mock_panel_get_session (panel));

  llm_answer_view_set_answer_hidden (self->answer_view, hidden);
  if (question != self->question)
    {
      self->session_showing = TRUE;
      llm_window_show_question (self, question);
      self->session_showing = FALSE;
    }
  if (!hidden && result != NULL && result->points[0] != NULL)
    llm_answer_view_show_key_points (self->answer_view, (const char * const *)result->points, result->covered);
}

/* The percentage of the interview before the one just saved, or -1. */
static int
previous_percent (GFile      *folder,
                  const char *saved_path)
{
  g_autofree char *dir_path = g_file_get_path (folder);
  g_autofree char *saved_name = saved_path ? g_path_get_basename (saved_path) : NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *best = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  guint covered, points;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".md") && g_strcmp0 (name, saved_name) != 0 &&
        (saved_name == NULL || strcmp (name, saved_name) < 0) && (best == NULL || strcmp (name, best) > 0))
      {
        g_free (best);
        best = g_strdup (name);
      }

  if (best == NULL)
    return -1;
  path = g_build_filename (dir_path, best, NULL);
  if (!g_file_get_contents (path, &text, NULL, NULL) || !llm_stats_parse_mock_report (text, &covered, &points))
    return -1;

  return (int)(covered * 100 / points);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Writes the report to the interviews folder; a failure is told in a toast
 * and leaves the in-app report as it is. Returns the file's path or %NULL. */
static char *
save_report (LlmWindow      *self,
             LlmMockSession *session,
             GDateTime      *now,
             const char     *dir)
{
  GPtrArray *results = llm_mock_session_get_results (session);
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  report = llm_interview_report_format_partial (results, llm_mock_session_get_n_questions (session), now);
  path = llm_interview_report_write (dir, now, report, &error);
  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the report: %s"), error->message);

      _llm_window_add_toast (self, message);
    }

  return path;
}

/* The report's headline (points covered) and the line under it (questions,
 * time, and the change since the previous report when there is one). */
static void
set_report_summary (LlmWindow      *self,
                    LlmMockSession *session,
                    GFile          *folder,
                    const char     *path)
{
  g_autofree char *clock = NULL;
  g_autofree char *total = NULL;
  g_autofree char *change = NULL;
  g_autofree char *description = NULL;
  g_autofree char *questions = NULL;
  LlmMockTotals totals;
  int before;

  llm_mock_session_get_totals (session, &totals);
  clock = format_clock (totals.seconds);
  if (totals.n_points > 0)
    /* Translators: the report's headline, "5 of 9 key points · 55%" */
    total = g_strdup_printf (_("%u of %u key points · %u%%"), totals.n_covered, totals.n_points, totals.percent);
  else
    total = g_strdup (_("No key points to count"));

  before = path != NULL && totals.n_points > 0 ? previous_percent (folder, path) : -1;
  if (before >= 0)
    change = g_strdup_printf (_("%+d points from last time"), (int)totals.percent - before);

  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question answered in %s",
                                            "%u questions answered in %s", totals.n_answered),
                               totals.n_answered, clock);
  if (llm_mock_session_is_partial (session))
    description = g_strdup_printf (_("%s, ended early (%u asked)"), questions, totals.n_questions);
  else
    description = g_steal_pointer (&questions);
  if (change != NULL)
    {
      char *longer = g_strconcat (description, " · ", change, NULL);

      g_free (description);
      description = longer;
    }

  adw_status_page_set_title (self->mock_report, total);
  adw_status_page_set_description (self->mock_report, description);
}

/* One row per question asked; activating it opens the question. */
static void
fill_report_list (LlmWindow *self,
                  GPtrArray *results)
{
  clear_list (self->mock_report_list);
  for (guint i = 0; i < results->len; i++)
    {
      LlmInterviewResult *result = g_ptr_array_index (results, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *row_clock = format_clock (result->seconds);
      g_autofree char *subtitle = g_strdup_printf (_("%s · %u of %u key points · %s"),
                                                   row_clock, result->n_covered, g_strv_length (result->points),
                                                   _llm_window_grade_name (result->grade));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), llm_question_get_title (result->question));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-question");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", llm_question_get_id (result->question));
      gtk_list_box_append (self->mock_report_list, row);
    }
}

static void
on_mock_finished (LlmWindow    *self,
                  LlmMockPanel *panel)
{
  LlmMockSession *session = llm_mock_panel_get_session (panel);
  GPtrArray *results = llm_mock_session_get_results (session);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GFile *folder = llm_user_data_get_interviews_dir (self->user_data);
  g_autofree char *dir = g_file_get_path (folder);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) missed = llm_mock_session_dup_missed (session);

  gtk_revealer_set_reveal_child (self->mock_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->mock_revealer), FALSE);
  llm_answer_view_set_answer_hidden (self->answer_view, FALSE);
  _llm_window_set_mode (self, LLM_WINDOW_MODE_BROWSE);

  if (results->len == 0)
    {
      llm_mock_panel_stop (panel);
      return;
    }

  path = save_report (self, session, now, dir);
  set_report_summary (self, session, folder, path);
  fill_report_list (self, results);

  g_ptr_array_set_size (self->mock_missed, 0);
  for (guint i = 0; i < missed->len; i++)
    g_ptr_array_add (self->mock_missed, g_object_ref (g_ptr_array_index (missed, i)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-missed", missed->len > 0);

  gtk_stack_set_visible_child_name (self->content_stack, "mock-report");
}

static void
on_mock_stopped (LlmWindow    *self,
                 LlmMockPanel *panel)
{
  gtk_revealer_set_reveal_child (self->mock_revealer, FALSE);
  llm_answer_view_set_answer_hidden (self->answer_view, FALSE);
  if (self->mode == LLM_WINDOW_MODE_MOCK_INTERVIEW)
    _llm_window_set_mode (self, LLM_WINDOW_MODE_BROWSE);
}

static void
on_mock_add_toast (LlmWindow    *self,
                   const char   *message,
                   LlmMockPanel *panel)
{
  _llm_window_add_toast (self, message);
}

/**
 * _llm_window_ensure_mock_panel:
 *
 * The panel is built when the first interview starts, not with the
 * window: most sessions never run one. Once built it stays, between
 * interviews, in its revealer.
 *
 * Returns: (transfer none): the window's mock interview panel
 */
LlmMockPanel *
_llm_window_ensure_mock_panel (LlmWindow *self)
{
  if (self->mock_panel != NULL)
    return self->mock_panel;

  self->mock_panel = g_object_new (LLM_TYPE_MOCK_PANEL, NULL);
  g_signal_connect_object (self->mock_panel, "show-question", G_CALLBACK (on_mock_show_question), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mock_panel, "finished", G_CALLBACK (on_mock_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mock_panel, "stopped", G_CALLBACK (on_mock_stopped), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mock_panel, "add-toast", G_CALLBACK (on_mock_add_toast), self, G_CONNECT_SWAPPED);
  gtk_revealer_set_child (self->mock_revealer, GTK_WIDGET (self->mock_panel));

  return self->mock_panel;
}

/* Ctrl+Enter, the application's accelerator, wherever the focus is. */
static void
mock_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  /* Enabled only while an interview runs; no panel, no interview. */
  if (self->mock_panel != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->mock_panel), "mock.done", NULL);
}

static void
retry_missed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();

  for (guint i = 0; i < self->mock_missed->len; i++)
    g_ptr_array_add (questions, g_ptr_array_index (self->mock_missed, i));
  if (questions->len > 0)
    start_with (self, questions, self->mock_seconds);
}

static void
mock_report_close_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "mock-report") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "browse");
}

static void
past_interviews_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  GFile *folder = llm_user_data_get_interviews_dir (self->user_data);
  LlmPastInterviews *past = llm_past_interviews_new (GTK_WINDOW (widget), folder);

  gtk_window_present (GTK_WINDOW (past));
}

/**
 * _llm_window_mock_question_changed:
 *
 * Picking another question leaves the report.
 */
void
_llm_window_mock_question_changed (LlmWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "mock-report") == 0 &&
      !self->session_showing)
    gtk_stack_set_visible_child_name (self->content_stack, "browse");
}

void
_llm_window_mock_constructed (LlmWindow *self)
{
  self->mock_missed = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-missed", FALSE);
  /* Ctrl+Enter is free for other uses until an interview runs. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mock-done", FALSE);
}

void
_llm_window_mock_dispose (LlmWindow *self)
{
  g_clear_pointer (&self->mock_missed, g_ptr_array_unref);
}

void
_llm_window_mock_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_report);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, mock_report_list);

  gtk_widget_class_install_action (widget_class, "win.mock-interview", NULL, mock_interview_action);
  gtk_widget_class_install_action (widget_class, "win.start-mock", "(asuub)", start_mock_action);
  gtk_widget_class_install_action (widget_class, "win.retry-missed", NULL, retry_missed_action);
  gtk_widget_class_install_action (widget_class, "win.mock-done", NULL, mock_done_action);
  gtk_widget_class_install_action (widget_class, "win.mock-report-close", NULL, mock_report_close_action);
  gtk_widget_class_install_action (widget_class, "win.past-interviews", NULL, past_interviews_action);
}
