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
#include "llm-window-private.h"

/* Self-test: one question at a time with the answer covered; Space reveals
 * it, 1–4 grade it, and the grade goes to the review log, which schedules
 * the next review. Esc returns to browsing on the same question. */

/* A card that comes due again within this long is asked again in the same
 * sitting, as Anki does with its learning steps. */
#define REQUEUE_WITHIN_S (20 * 60)

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
 * _llm_window_update_due_count:
 *
 * The sidebar's header says how many questions are due.
 */
void
_llm_window_update_due_count (LlmWindow *self)
{
  g_autofree char *subtitle = NULL;
  guint due;

  if (self->collection == NULL)
    return;

  due = llm_study_count_due (self->study, self->collection, now_s ());
  if (due > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due for review", "%u due for review", due), due);

  adw_window_title_set_subtitle (self->collection_title, subtitle ? subtitle : "");
}

static void
on_study_changed (LlmWindow  *self,
                  const char *id,
                  LlmStudy   *study)
{
  _llm_window_update_due_count (self);
}

static void
on_retention_changed (LlmWindow  *self,
                      const char *key,
                      GSettings  *settings)
{
  llm_study_set_retention (self->study, g_settings_get_double (settings, key));
}

static void
update_progress (LlmWindow *self)
{
  guint n = self->quiz_queue ? self->quiz_queue->len : 0;
  g_autofree char *label = NULL;

  /* Translators: self-test progress, "7 of 20" */
  label = g_strdup_printf (_("%u of %u"), MIN (self->quiz_position + 1, n), n);
  gtk_label_set_label (self->quiz_progress_label, label);
  gtk_progress_bar_set_fraction (self->quiz_progress, n ? (double)self->quiz_position / n : 0.0);
}

static void
update_grade_buttons (LlmWindow   *self,
                      LlmQuestion *question)
{
  for (LlmGrade grade = LLM_GRADE_AGAIN; grade <= LLM_GRADE_EASY; grade++)
    {
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (self->grade_buttons[grade]));
      GtkWidget *interval = gtk_widget_get_last_child (box);
      gint64 seconds = llm_study_preview (self->study, llm_question_get_id (question), grade, now_s ());
      g_autofree char *text = llm_scheduler_format_interval (seconds);

      gtk_label_set_label (GTK_LABEL (interval), text);
    }
}

static void
show_current (LlmWindow *self)
{
  LlmQuestion *question;

  update_progress (self);

  if (self->quiz_position >= self->quiz_queue->len)
    {
      g_autofree char *summary = NULL;

      summary = g_strdup_printf (_("Again: %u · Hard: %u · Good: %u · Easy: %u"),
                                 self->quiz_counts[LLM_GRADE_AGAIN], self->quiz_counts[LLM_GRADE_HARD],
                                 self->quiz_counts[LLM_GRADE_GOOD], self->quiz_counts[LLM_GRADE_EASY]);
      adw_status_page_set_description (self->quiz_done, summary);
      gtk_stack_set_visible_child_name (self->content_stack, "done");
      gtk_revealer_set_reveal_child (self->quiz_bar, FALSE);
      gtk_progress_bar_set_fraction (self->quiz_progress, 1.0);
      return;
    }

  question = g_ptr_array_index (self->quiz_queue, self->quiz_position);
  self->quiz_revealed = FALSE;
  self->quiz_shown_at = g_get_monotonic_time ();

  llm_answer_view_set_answer_hidden (self->answer_view, TRUE);
  self->quiz_showing = TRUE;
  llm_window_show_question (self, question);
  self->quiz_showing = FALSE;

  gtk_stack_set_visible_child_name (self->quiz_stack, "reveal");
  gtk_revealer_set_reveal_child (self->quiz_bar, TRUE);
  update_grade_buttons (self, question);
}

static GPtrArray *
dup_candidates (LlmWindow *self)
{
  g_autoptr(GSettings) settings = g_object_ref (llm_settings_get_gsettings (self->settings));
  g_autofree char *scope = g_settings_get_string (settings, "self-test-scope");
  GPtrArray *candidates = g_ptr_array_new ();
  guint n = llm_collection_get_n_questions (self->collection);

  for (guint i = 0; i < n; i++)
    {
      LlmQuestion *question = llm_collection_get_question (self->collection, i);

      if (!llm_question_is_card (question))
        continue;
      if (g_str_equal (scope, "topic") && self->question != NULL &&
          g_strcmp0 (llm_question_get_topic (question), llm_question_get_topic (self->question)) != 0)
        continue;
      if (g_str_equal (scope, "bookmarks") &&
          !llm_bookmarks_contains (self->bookmarks, llm_question_get_id (question)))
        continue;

      g_ptr_array_add (candidates, question);
    }

  return candidates;
}

static void
stop_quiz (LlmWindow *self)
{
  if (!self->quiz_active)
    return;

  self->quiz_active = FALSE;
  g_clear_pointer (&self->quiz_queue, g_ptr_array_unref);
  gtk_revealer_set_reveal_child (self->quiz_top, FALSE);
  gtk_revealer_set_reveal_child (self->quiz_bar, FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  llm_answer_view_set_answer_hidden (self->answer_view, FALSE);
  _llm_window_update_actions (self);
}

static void
self_test_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *scope = NULL;
  guint new_limit;

  if (self->collection == NULL)
    return;

  stop_quiz (self);

  scope = g_settings_get_string (llm_settings_get_gsettings (self->settings), "self-test-scope");
  new_limit = g_settings_get_uint (llm_settings_get_gsettings (self->settings), "new-per-day");
  candidates = dup_candidates (self);
  self->quiz_queue = llm_study_build_queue (self->study, candidates, g_str_equal (scope, "due"),
                                            new_limit, now_s ());

  if (self->quiz_queue->len == 0)
    {
      g_clear_pointer (&self->quiz_queue, g_ptr_array_unref);
      _llm_window_add_toast (self, g_str_equal (scope, "bookmarks")
                                   ? _("No bookmarked questions to test")
                                   : _("Nothing is due now. Choose “All Questions” to practise anyway."));
      return;
    }

  llm_note_editor_flush (self->note_editor);
  self->quiz_active = TRUE;
  self->quiz_position = 0;
  memset (self->quiz_counts, 0, sizeof self->quiz_counts);
  gtk_revealer_set_reveal_child (self->quiz_top, TRUE);
  gtk_stack_set_visible_child_name (self->content_stack, "browse");
  show_current (self);
  _llm_window_update_actions (self);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  if (!self->quiz_active || self->quiz_revealed || self->quiz_position >= self->quiz_queue->len)
    return;

  self->quiz_revealed = TRUE;
  llm_answer_view_set_answer_hidden (self->answer_view, FALSE);
  gtk_stack_set_visible_child_name (self->quiz_stack, "grade");
  gtk_widget_grab_focus (self->grade_buttons[LLM_GRADE_GOOD]);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  LlmGrade grade = g_variant_get_int32 (param);
  g_autoptr(GError) error = NULL;
  LlmQuestion *question;
  const LlmCard *card;
  gint64 now = now_s ();
  guint ms;

  if (!self->quiz_active || !self->quiz_revealed || grade < LLM_GRADE_AGAIN || grade > LLM_GRADE_EASY)
    return;

  question = g_ptr_array_index (self->quiz_queue, self->quiz_position);
  ms = (g_get_monotonic_time () - self->quiz_shown_at) / 1000;

  if (!llm_study_grade (self->study, llm_question_get_id (question), grade, ms, now, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not record the review: %s"), error->message);

      _llm_window_add_toast (self, message);
      return;
    }

  self->quiz_counts[grade]++;

  /* Still learning and due again soon: ask it again before the end. */
  card = llm_study_get_card (self->study, llm_question_get_id (question));
  if (card != NULL && card->state != LLM_CARD_REVIEW && card->due - now <= REQUEUE_WITHIN_S)
    g_ptr_array_add (self->quiz_queue, g_object_ref (question));

  self->quiz_position++;
  show_current (self);
}

static void
quiz_stop_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  stop_quiz (LLM_WINDOW (widget));
}

/* Space, Enter and 1–4 belong to the self-test while it runs, unless the
 * user is typing somewhere. */
static gboolean
on_key_pressed (LlmWindow             *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!self->quiz_active || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->quiz_revealed)
        return GDK_EVENT_PROPAGATE;  /* Enter on a focused grade button */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.quiz-reveal", NULL);
      return GDK_EVENT_STOP;

    case GDK_KEY_1: case GDK_KEY_2: case GDK_KEY_3: case GDK_KEY_4:
    case GDK_KEY_KP_1: case GDK_KEY_KP_2: case GDK_KEY_KP_3: case GDK_KEY_KP_4:
      {
        int grade = (keyval >= GDK_KEY_KP_1 ? keyval - GDK_KEY_KP_1 : keyval - GDK_KEY_1) + 1;

        gtk_widget_activate_action (GTK_WIDGET (self), "win.quiz-grade", "i", grade);
        return GDK_EVENT_STOP;
      }

    case GDK_KEY_Escape:
      stop_quiz (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Statistics -------------------------------------------------------------- */

static void
refresh_stats (LlmWindow *self)
{
  g_autofree char *dir_path = g_build_filename (g_get_user_data_dir (), APP_ID, "interviews", NULL);
  g_autoptr(GFile) interviews = g_file_new_for_path (dir_path);

  if (self->collection == NULL)
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

  stop_quiz (self);
  gtk_widget_activate_action (widget, "win.mock-stop", NULL);
  refresh_stats (self);
  gtk_stack_set_visible_child_name (self->content_stack, "stats");
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
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (sscanf (text, "%d-%d-%d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  llm_stats_page_set_interview_date (self->stats_page, date);
}

/**
 * _llm_window_quiz_question_changed:
 *
 * Picking another question by hand ends the self-test.
 */
void
_llm_window_quiz_question_changed (LlmWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "stats") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "browse");

  if (self->quiz_active && !self->quiz_showing)
    stop_quiz (self);
}

static GtkWidget *
create_grade_button (LlmGrade grade)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *interval = gtk_label_new (NULL);
  g_autofree char *markup = g_strdup_printf ("%d  %s", grade, _llm_window_grade_name (grade));

  gtk_label_set_label (GTK_LABEL (name), markup);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (interval, "caption");
  gtk_widget_add_css_class (interval, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), interval);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_size_request (button, 76, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.quiz-grade");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", grade);
  gtk_widget_add_css_class (button, grade == LLM_GRADE_AGAIN ? "destructive-action" :
                                    grade == LLM_GRADE_GOOD ? "suggested-action" : "flat");

  return button;
}

void
_llm_window_quiz_constructed (LlmWindow *self)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "reviews.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GSettings *settings = llm_settings_get_gsettings (self->settings);
  g_autoptr(GAction) scope = g_settings_create_action (settings, "self-test-scope");
  g_autoptr(GError) error = NULL;

  /* The window's own settings, not the default ones: tests pass theirs. */
  self->study = llm_study_new (file);
  llm_study_set_retention (self->study, g_settings_get_double (settings, "desired-retention"));
  if (!llm_study_load (self->study, &error))
    _llm_window_add_toast (self, error->message);
  else if (llm_study_get_warning (self->study) != NULL)
    _llm_window_add_toast (self, llm_study_get_warning (self->study));
  g_signal_connect_object (self->study, "changed", G_CALLBACK (on_study_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::desired-retention",
                           G_CALLBACK (on_retention_changed), self, G_CONNECT_SWAPPED);
  llm_sidebar_set_study (self->sidebar, self->study);
  load_interview_date (self);

  for (LlmGrade grade = LLM_GRADE_AGAIN; grade <= LLM_GRADE_EASY; grade++)
    {
      self->grade_buttons[grade] = create_grade_button (grade);
      gtk_box_append (self->grade_box, self->grade_buttons[grade]);
    }

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
  g_clear_pointer (&self->quiz_queue, g_ptr_array_unref);
  g_clear_object (&self->study);
}

void
_llm_window_quiz_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (LLM_TYPE_STATS_PAGE);

  gtk_widget_class_bind_template_child (widget_class, LlmWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, quiz_top);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, quiz_bar);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, quiz_progress_label);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, quiz_progress);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, quiz_stack);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, grade_box);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, quiz_done);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, stats_page);
  gtk_widget_class_bind_template_callback (widget_class, on_interview_date_changed);

  gtk_widget_class_install_action (widget_class, "win.self-test", NULL, self_test_action);
  gtk_widget_class_install_action (widget_class, "win.quiz-reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "win.quiz-grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "win.quiz-stop", NULL, quiz_stop_action);
  gtk_widget_class_install_action (widget_class, "win.show-stats", NULL, show_stats_action);
}
