/* llm-window-quiz.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "llm-answer-view.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-settings.h"
#include "llm-stats-page.h"
#include "llm-sidebar.h"
#include "llm-topic.h"
#include "llm-interview-report.h"
#include "llm-mock-panel.h"
#include "llm-self-test-bar.h"
#include "llm-window-private.h"

/* Self-test: the window's side of it. The session (llm-self-test-session.c)
 * picks and orders the questions; the bar (llm-self-test-bar.c) shows
 * what is left and takes the grades; here the window starts it, shows the
 * questions the bar asks for, and ends on the end screen. */

/**
 * _llm_window_grade_name:
 *
 * Returns: the translated name of @grade, as the grade buttons say it
 */
const char *
_llm_window_grade_name (LlmGrade grade)
{
  return llm_grade_get_label (grade);
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * _llm_window_dup_due_text:
 *
 * The one way "due" is counted and said: due now, and due by the end of
 * today (those included), as the sidebar and Statistics both say it.
 *
 * Returns: (transfer full) (nullable): "3 due now · 8 today", or %NULL
 *   when nothing is due today
 */
char *
_llm_window_dup_due_text (LlmWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = NULL;
  guint now_count, today_count;

  if (self->collection == NULL)
    return NULL;

  midnight = g_date_time_add_full (now, 0, 0, 1, -g_date_time_get_hour (now),
                                   -g_date_time_get_minute (now), -g_date_time_get_seconds (now));
  now_count = llm_study_count_due (self->study, self->collection, now_s ());
  today_count = llm_study_count_due (self->study, self->collection, g_date_time_to_unix (midnight) - 1);
  if (today_count == 0)
    return NULL;

  /* Translators: questions due for review now, and by the end of today */
  return g_strdup_printf (_("%u due now · %u today"), now_count, today_count);
}

/**
 * _llm_window_update_due_count:
 *
 * The sidebar's header says how many questions are due.
 */
void
_llm_window_update_due_count (LlmWindow *self)
{
  g_autofree char *subtitle = _llm_window_dup_due_text (self);

  adw_window_title_set_subtitle (self->collection_title, subtitle ? subtitle : "");
}

static void
on_study_changed (LlmWindow  *self,
                  const char *id,
                  LlmStudy   *study)
{
  _llm_window_update_due_count (self);
}

/* The log is read once for every window; each says what was wrong. */
static void
on_study_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LlmWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  gboolean ok = llm_user_data_load_study_finish (LLM_USER_DATA (object), result, &error);

  /* Closed before the log was in: nothing left to tell. */
  if (self->study == NULL)
    return;

  if (!ok)
    _llm_window_add_toast (self, error->message);
  else if (llm_study_get_warning (self->study) != NULL)
    _llm_window_add_toast (self, llm_study_get_warning (self->study));
}

static void
on_retention_changed (LlmWindow  *self,
                      const char *key,
                      GSettings  *settings)
{
  llm_study_set_retention (self->study, g_settings_get_double (settings, key));
}

/* New parameters change every interval: the grade buttons show them at
 * once. */
static void
on_fsrs_parameters_changed (LlmWindow  *self,
                            const char *key,
                            GSettings  *settings)
{
  llm_settings_apply_fsrs_parameters (settings, self->study);
  llm_self_test_bar_refresh_intervals (self->self_test_bar);
}

static GDate *
dup_interview_date (LlmWindow *self)
{
  g_autofree char *text = g_settings_get_string (llm_settings_get_gsettings (self->settings), "interview-date");
  int year, month, day;

  if (sscanf (text, "%d-%d-%d", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

/**
 * _llm_window_dup_questions:
 *
 * Returns: (transfer container) (element-type LlmQuestion): the
 *   collection's questions, in reading order
 */
GPtrArray *
_llm_window_dup_questions (LlmWindow *self)
{
  GPtrArray *questions = g_ptr_array_new ();
  guint n = self->collection ? llm_collection_get_n_questions (self->collection) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (questions, llm_collection_get_question (self->collection, i));

  return questions;
}

/* @topic: (nullable): a topic to practise, whatever the scope menu says */
static void
start_self_test_on (LlmWindow  *self,
                    const char *topic)
{
  GSettings *settings = llm_settings_get_gsettings (self->settings);
  g_autofree char *scope = topic ? g_strdup ("topic") : g_settings_get_string (settings, "self-test-scope");
  g_auto(GStrv) bookmarks = llm_bookmarks_dup_ids (self->bookmarks);
  g_autoptr(GPtrArray) questions = _llm_window_dup_questions (self);
  g_autoptr(GDate) interview = dup_interview_date (self);
  g_autoptr(LlmSelfTestSession) session = NULL;
  g_autoptr(GRand) shuffle = NULL;
  LlmSelfTestOptions options = { LLM_SELF_TEST_SCOPE_DUE, NULL, (const char * const *)bookmarks, 0 };

  if (g_str_equal (scope, "all"))
    options.scope = LLM_SELF_TEST_SCOPE_ALL;
  else if (g_str_equal (scope, "topic"))
    options.scope = LLM_SELF_TEST_SCOPE_TOPIC;
  else if (g_str_equal (scope, "bookmarks"))
    options.scope = LLM_SELF_TEST_SCOPE_BOOKMARKS;
  options.topic = topic ? topic : self->question ? llm_question_get_topic (self->question) : NULL;
  options.new_limit = llm_study_new_limit_today (self->study, questions,
                                                 g_settings_get_uint (settings, "new-per-day"),
                                                 interview, NULL, now_s ());
  if (g_settings_get_enum (settings, "question-order") == 1)
    options.shuffle = shuffle = g_rand_new ();

  session = llm_self_test_session_new (self->study, questions, &options, NULL, NULL);
  if (llm_self_test_session_is_empty (session))
    {
      _llm_window_add_toast (self, g_str_equal (scope, "bookmarks")
                                   ? _("No bookmarked questions to test")
                                   : _("Nothing is due now. Choose “All Questions” to practise anyway."));
      return;
    }

  _llm_window_flush_note (self);
  _llm_window_set_mode (self, LLM_WINDOW_MODE_SELF_TEST);
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  gtk_widget_set_visible (GTK_WIDGET (self->self_test_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->self_test_revealer, TRUE);
  llm_self_test_bar_start (self->self_test_bar, session);
}

static void
start_self_test (LlmWindow *self)
{
  start_self_test_on (self, NULL);
}

static void
self_test_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  /* Asked for while the collection is still being read (the desktop
   * file's Start Self-Test, on a cold start): it starts once it comes. */
  if (self->collection == NULL)
    {
      self->self_test_asked = llm_collection_source_get_loading (self->collection_source);
      return;
    }

  _llm_window_leave_then (self, start_self_test);
}

static void
on_collection_for_self_test (LlmWindow  *self,
                             GParamSpec *pspec,
                             gpointer    user_data)
{
  if (!self->self_test_asked || self->collection == NULL)
    return;

  self->self_test_asked = FALSE;
  _llm_window_leave_then (self, start_self_test);
}

static void
on_self_test_show_question (LlmWindow      *self,
                            LlmQuestion    *question,
                            gboolean        hidden,
                            LlmSelfTestBar *bar)
{
  llm_answer_view_set_answer_hidden (self->answer_view, hidden);
  if (question != self->question)
    {
      self->session_showing = TRUE;
      llm_window_show_question (self, question);
      self->session_showing = FALSE;
    }
}

static char *
format_duration (gint64 ms)
{
  guint seconds = (guint)(ms / 1000);

  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

/* The end screen: what the sitting did, and what comes next. */
static void
on_self_test_finished (LlmWindow      *self,
                       LlmSelfTestBar *bar)
{
  LlmSelfTestSession *session = llm_self_test_bar_get_session (bar);
  guint reviewed = llm_self_test_session_get_n_reviewed (session);
  guint again = llm_self_test_session_get_n_graded (session, LLM_GRADE_AGAIN);
  gint64 next = llm_self_test_session_get_next_due (session);
  g_autofree char *time = format_duration (llm_self_test_session_get_time_spent_ms (session));
  g_autofree char *reviewed_text = g_strdup_printf ("%u", reviewed);
  g_autofree char *again_text = g_strdup_printf ("%u%%", reviewed ? again * 100 / reviewed : 0);
  g_autofree char *next_text = NULL;

  if (next > 0)
    {
      g_autofree char *interval = llm_scheduler_format_interval (MAX (next - now_s (), 0));

      /* Translators: when the next question comes due, "in 10 min" */
      next_text = g_strdup_printf (_("in %s"), interval);
    }

  gtk_label_set_label (self->done_reviewed, reviewed_text);
  gtk_label_set_label (self->done_again, again_text);
  gtk_label_set_label (self->done_time, time);
  gtk_label_set_label (self->done_next, next_text ? next_text : _("nothing scheduled"));

  gtk_revealer_set_reveal_child (self->self_test_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->self_test_revealer), FALSE);
  llm_answer_view_set_answer_hidden (self->answer_view, FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "done");
  _llm_window_update_due_count (self);
}

static void
on_self_test_stopped (LlmWindow      *self,
                      LlmSelfTestBar *bar)
{
  gtk_revealer_set_reveal_child (self->self_test_revealer, FALSE);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "done") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "browse");
  llm_answer_view_set_answer_hidden (self->answer_view, FALSE);
  if (self->mode == LLM_WINDOW_MODE_SELF_TEST)
    _llm_window_set_mode (self, LLM_WINDOW_MODE_BROWSE);
}

static void
on_bar_add_toast (LlmWindow  *self,
                  const char *message)
{
  _llm_window_add_toast (self, message);
}

static void
quiz_stop_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  llm_self_test_bar_stop (LLM_WINDOW (widget)->self_test_bar);
}

static void
review_again_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  llm_self_test_bar_stop (self->self_test_bar);
  start_self_test (self);
}

/* During a mock interview: Esc stops it; on a result, 1–4 grade and Enter
 * confirms. */
static gboolean
mock_key_pressed (LlmWindow       *self,
                  guint            keyval,
                  GdkModifierType  state,
                  int              grade,
                  GtkWidget       *focus)
{
  GtkWidget *target = GTK_WIDGET (self->mock_panel);
  LlmMockSession *session = llm_mock_panel_get_session (self->mock_panel);
  LlmMockState mock_state = session ? llm_mock_session_get_state (session) : LLM_MOCK_FINISHED;

  if (keyval == GDK_KEY_Escape && state == 0 && mock_state != LLM_MOCK_FINISHED)
    {
      gtk_widget_activate_action (target, "mock.stop", NULL);
      return GDK_EVENT_STOP;
    }
  if (mock_state != LLM_MOCK_RESULT || state != 0)
    return GDK_EVENT_PROPAGATE;
  if (grade > 0)
    {
      gtk_widget_activate_action (target, "mock.grade", "i", grade);
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      /* Enter on a focused grade button is that button's. */
      if (focus != NULL && GTK_IS_BUTTON (focus))
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (target, "mock.confirm", NULL);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* During a self-test: Space/Enter reveal, 1–4 grade, Ctrl+Z undoes the last
 * grade and Esc stops. */
static gboolean
self_test_key_pressed (LlmWindow       *self,
                       guint            keyval,
                       GdkModifierType  state,
                       int              grade)
{
  GtkWidget *target = GTK_WIDGET (self->self_test_bar);
  gboolean revealed = llm_self_test_session_get_revealed (llm_self_test_bar_get_session (self->self_test_bar));

  if (keyval == GDK_KEY_z && state == GDK_CONTROL_MASK)
    {
      gtk_widget_activate_action (target, "selftest.undo", NULL);
      return GDK_EVENT_STOP;
    }
  if (state != 0)
    return GDK_EVENT_PROPAGATE;

  if (grade > 0)
    {
      gtk_widget_activate_action (target, "selftest.grade", "i", grade);
      return GDK_EVENT_STOP;
    }

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (revealed)
        return GDK_EVENT_PROPAGATE;  /* Enter on a focused grade button */
      gtk_widget_activate_action (target, "selftest.reveal", NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      gtk_widget_activate_action (target, "selftest.stop", NULL);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Space, Enter, 1–4, Ctrl+Z and Esc belong to the session running, unless
 * the user is typing somewhere. */
static gboolean
on_key_pressed (LlmWindow             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean typing = focus != NULL && (GTK_IS_EDITABLE (focus) ||
                                      (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus))));
  int grade = 0;

  state &= GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK;

  /* Esc and Alt+Left leave Statistics (the date's popover keeps its Esc). */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "stats") == 0 &&
      ((keyval == GDK_KEY_Escape && state == 0) || (keyval == GDK_KEY_Left && state == GDK_ALT_MASK)) &&
      (focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "browse");
      return GDK_EVENT_STOP;
    }

  if (self->mode == LLM_WINDOW_MODE_BROWSE)
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_4)
    grade = keyval - GDK_KEY_1 + 1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_4)
    grade = keyval - GDK_KEY_KP_1 + 1;

  if (self->mode == LLM_WINDOW_MODE_MOCK_INTERVIEW)
    return mock_key_pressed (self, keyval, state, grade, focus);

  if (!llm_self_test_bar_is_running (self->self_test_bar) || typing)
    return GDK_EVENT_PROPAGATE;

  return self_test_key_pressed (self, keyval, state, grade);
}

/* Statistics -------------------------------------------------------------- */

static LlmStatsPage *ensure_stats_page (LlmWindow *self);

/* Fills the statistics in, when they are built. */
static void
refresh_stats (LlmWindow *self)
{
  GFile *interviews = llm_user_data_get_interviews_dir (self->user_data);

  if (self->collection == NULL || self->stats_page == NULL)
    return;

  llm_stats_page_update (self->stats_page, self->collection, self->study,
                         llm_study_get_log (self->study), interviews,
                         g_get_real_time () / G_USEC_PER_SEC);
}

/* Ctrl+I shows the statistics in place of the answer, and hides them
 * again. */
static void
show_stats_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "stats") == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "browse");
      return;
    }

  if (self->mode != LLM_WINDOW_MODE_BROWSE)
    return;
  ensure_stats_page (self);
  refresh_stats (self);
  gtk_stack_set_visible_child_name (self->content_stack, "stats");
}

static void
close_stats_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "stats") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "browse");
}

/* Statistics are opened only while browsing, so nothing is left to ask. */
static void
on_practice_topic (LlmWindow    *self,
                   const char   *topic,
                   LlmStatsPage *page)
{
  if (self->collection != NULL && self->mode == LLM_WINDOW_MODE_BROWSE)
    start_self_test_on (self, topic);
}

static void
on_interview_date_changed (LlmWindow    *self,
                           GDateTime    *date,
                           LlmStatsPage *page)
{
  g_autofree char *text = date ? g_date_time_format (date, "%Y-%m-%d") : g_strdup ("");

  g_settings_set_string (llm_settings_get_gsettings (self->settings), "interview-date", text);
  refresh_stats (self);
}

static void
load_interview_date (LlmWindow *self)
{
  g_autofree char *text = g_settings_get_string (llm_settings_get_gsettings (self->settings), "interview-date");
  g_autoptr(GDate) interview = dup_interview_date (self);
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (text, "%d-%d-%d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (self->stats_page != NULL)
    llm_stats_page_set_interview_date (self->stats_page, date);
  /* The plan's line over the tree, from the same day. */
  llm_sidebar_set_interview_date (self->sidebar, interview);
}

/* Statistics are built the first time they are shown, not with the
 * window: six charts, which many sessions never look at. */
static LlmStatsPage *
ensure_stats_page (LlmWindow *self)
{
  if (self->stats_page != NULL)
    return self->stats_page;

  self->stats_page = LLM_STATS_PAGE (llm_stats_page_new ());
  g_signal_connect_object (self->stats_page, "interview-date-changed",
                           G_CALLBACK (on_interview_date_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stats_page, "practice-topic",
                           G_CALLBACK (on_practice_topic), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->stats_bin, GTK_WIDGET (self->stats_page));
  load_interview_date (self);

  return self->stats_page;
}

/* Set here, in Statistics, or from outside (another window, dconf). */
static void
on_interview_date_setting_changed (LlmWindow  *self,
                                   const char *key,
                                   GSettings  *settings)
{
  load_interview_date (self);
}

/**
 * _llm_window_quiz_question_changed:
 *
 * Picking another question hides the statistics and the end screen.
 */
void
_llm_window_quiz_question_changed (LlmWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (page, "stats") == 0 || g_strcmp0 (page, "done") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "browse");
}

void
_llm_window_quiz_constructed (LlmWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GSettings *settings = llm_settings_get_gsettings (self->settings);
  g_autoptr(GAction) scope = g_settings_create_action (settings, "self-test-scope");

  /* The window's own settings, not the default ones: tests pass theirs. */
  self->study = g_object_ref (llm_user_data_get_study (self->user_data));
  llm_study_set_retention (self->study, g_settings_get_double (settings, "desired-retention"));
  llm_settings_apply_fsrs_parameters (settings, self->study);
  llm_user_data_load_study_async (self->user_data, NULL, on_study_loaded, g_object_ref (self));
  g_signal_connect_object (self->study, "changed", G_CALLBACK (on_study_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::desired-retention",
                           G_CALLBACK (on_retention_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::fsrs-parameters",
                           G_CALLBACK (on_fsrs_parameters_changed), self, G_CONNECT_SWAPPED);
  llm_sidebar_set_study (self->sidebar, self->study);
  g_signal_connect (self, "notify::collection", G_CALLBACK (on_collection_for_self_test), NULL);
  load_interview_date (self);
  g_signal_connect_object (settings, "changed::interview-date",
                           G_CALLBACK (on_interview_date_setting_changed), self, G_CONNECT_SWAPPED);

  /* The scope menu writes straight to its GSettings key. */
  {
    GSimpleActionGroup *group = g_simple_action_group_new ();

    g_action_map_add_action (G_ACTION_MAP (group), scope);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
    g_object_unref (group);
  }

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

void
_llm_window_quiz_dispose (LlmWindow *self)
{
  g_clear_object (&self->study);
}

void
_llm_window_quiz_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (LLM_TYPE_SELF_TEST_BAR);

  gtk_widget_class_bind_template_child (widget_class, LlmWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, self_test_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, self_test_bar);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, done_reviewed);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, done_again);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, done_time);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, done_next);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, stats_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_self_test_show_question);
  gtk_widget_class_bind_template_callback (widget_class, on_self_test_finished);
  gtk_widget_class_bind_template_callback (widget_class, on_self_test_stopped);
  gtk_widget_class_bind_template_callback (widget_class, on_bar_add_toast);

  gtk_widget_class_install_action (widget_class, "win.self-test", NULL, self_test_action);
  gtk_widget_class_install_action (widget_class, "win.quiz-stop", NULL, quiz_stop_action);
  gtk_widget_class_install_action (widget_class, "win.review-again", NULL, review_again_action);
  gtk_widget_class_install_action (widget_class, "win.show-stats", NULL, show_stats_action);
  gtk_widget_class_install_action (widget_class, "win.close-stats", NULL, close_stats_action);
}
