/* llm-self-test-bar.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-grade-button.h"
#include "llm-interview-report.h"
#include "llm-question.h"
#include "llm-session-signals.h"
#include "llm-self-test-bar.h"

/* The bar under the answer during a self-test: what is left (Anki's
 * "New · Learning · Due"), Show Answer, and the four grade buttons. It
 * runs an LlmSelfTestSession and says which question to show; the window
 * shows it. Actions: selftest.reveal, selftest.grade, selftest.undo,
 * selftest.stop. */

struct _LlmSelfTestBar
{
  GtkWidget parent_instance;

  LlmSelfTestSession *session;
  LlmQuestion *shown;

  GtkLabel *counts_label;
  GtkProgressBar *progress;
  GtkStack *stack;
  GtkBox *grade_box;
  GtkWidget *grade_buttons[LLM_GRADE_EASY + 1];
};

G_DEFINE_FINAL_TYPE (LlmSelfTestBar, llm_self_test_bar, GTK_TYPE_WIDGET)

static guint signals[LLM_SESSION_N_SIGNALS];

/**
 * llm_self_test_bar_dup_counts:
 *
 * Returns: (transfer full): what is left, "New 14 · Learning 3 · Due 2"
 */
char *
llm_self_test_bar_dup_counts (LlmSelfTestBar *self)
{
  LlmSelfTestCounts counts = { 0 };

  g_return_val_if_fail (LLM_IS_SELF_TEST_BAR (self), NULL);

  if (self->session != NULL)
    llm_self_test_session_get_counts (self->session, &counts);

  /* Translators: what is left of a self-test, as Anki counts it */
  return g_strdup_printf (_("New %u · Learning %u · Due %u"),
                          counts.n_new, counts.n_learning, counts.n_due);
}

static void
update_intervals (LlmSelfTestBar *self)
{
  for (LlmGrade grade = LLM_GRADE_AGAIN; grade <= LLM_GRADE_EASY; grade++)
    {
      gint64 seconds = llm_self_test_session_preview (self->session, grade);
      g_autofree char *text = llm_scheduler_format_interval (seconds);

      llm_grade_button_set_detail (self->grade_buttons[grade], text);
    }
}

/**
 * llm_self_test_bar_refresh_intervals:
 *
 * Shows again the interval each grade gives, after the scheduler's
 * parameters changed.
 */
void
llm_self_test_bar_refresh_intervals (LlmSelfTestBar *self)
{
  g_return_if_fail (LLM_IS_SELF_TEST_BAR (self));

  if (self->session != NULL && llm_self_test_session_get_current (self->session) != NULL)
    update_intervals (self);
}

/**
 * llm_self_test_bar_get_interval:
 *
 * Returns: (transfer none): what the button of @grade says it gives
 */
const char *
llm_self_test_bar_get_interval (LlmSelfTestBar *self,
                                LlmGrade        grade)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_BAR (self), NULL);
  g_return_val_if_fail (grade >= LLM_GRADE_AGAIN && grade <= LLM_GRADE_EASY, NULL);

  return llm_grade_button_get_detail (self->grade_buttons[grade]);
}

static void
update (LlmSelfTestBar *self)
{
  g_autofree char *counts = llm_self_test_bar_dup_counts (self);
  LlmQuestion *question;
  gboolean revealed;

  gtk_label_set_label (self->counts_label, counts);
  if (self->session == NULL)
    return;

  gtk_progress_bar_set_fraction (self->progress, llm_self_test_session_get_progress (self->session));
  question = llm_self_test_session_get_current (self->session);
  revealed = llm_self_test_session_get_revealed (self->session);

  if (question == NULL)
    {
      g_clear_object (&self->shown);
      g_signal_emit (self, signals[LLM_SESSION_FINISHED], 0);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, revealed ? "grade" : "reveal");

  if (!revealed)
    update_intervals (self);

  /* The same question again (a requeue right after itself, or an undo)
   * is shown again too: it must be covered. */
  g_set_object (&self->shown, question);
  g_signal_emit (self, signals[LLM_SESSION_SHOW_QUESTION], 0, question, !revealed);

  if (revealed)
    gtk_widget_grab_focus (self->grade_buttons[LLM_GRADE_GOOD]);
}

static void
on_session_changed (LlmSelfTestBar     *self,
                    LlmSelfTestSession *session)
{
  update (self);
}

/**
 * llm_self_test_bar_start:
 * @session: the session to run; the bar keeps a reference
 *
 * Shows @session's first question.
 */
void
llm_self_test_bar_start (LlmSelfTestBar     *self,
                         LlmSelfTestSession *session)
{
  g_return_if_fail (LLM_IS_SELF_TEST_BAR (self));
  g_return_if_fail (LLM_IS_SELF_TEST_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_changed, self);
  g_set_object (&self->session, session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  update (self);
}

/**
 * llm_self_test_bar_stop:
 *
 * Ends the session, finished or not, and says so with ::stopped.
 */
void
llm_self_test_bar_stop (LlmSelfTestBar *self)
{
  g_return_if_fail (LLM_IS_SELF_TEST_BAR (self));

  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->session, on_session_changed, self);
  g_clear_object (&self->session);
  g_clear_object (&self->shown);
  g_signal_emit (self, signals[LLM_SESSION_STOPPED], 0);
}

/**
 * llm_self_test_bar_get_session:
 *
 * Returns: (transfer none) (nullable): the session running
 */
LlmSelfTestSession *
llm_self_test_bar_get_session (LlmSelfTestBar *self)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_BAR (self), NULL);

  return self->session;
}

/**
 * llm_self_test_bar_is_running:
 *
 * Returns: whether a session is on and not finished: leaving it would
 *   lose its place
 */
gboolean
llm_self_test_bar_is_running (LlmSelfTestBar *self)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_BAR (self), FALSE);

  return self->session != NULL && !llm_self_test_session_is_finished (self->session);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LlmSelfTestBar *self = LLM_SELF_TEST_BAR (widget);

  if (self->session != NULL)
    llm_self_test_session_reveal (self->session);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LlmSelfTestBar *self = LLM_SELF_TEST_BAR (widget);
  LlmGrade grade = g_variant_get_int32 (param);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || grade < LLM_GRADE_AGAIN || grade > LLM_GRADE_EASY)
    return;

  if (!llm_self_test_session_grade (self->session, grade, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not record the review: %s"), error->message);

      g_signal_emit (self, signals[LLM_SESSION_ADD_TOAST], 0, message);
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LlmSelfTestBar *self = LLM_SELF_TEST_BAR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->session == NULL || !llm_self_test_session_can_undo (self->session))
    return;

  if (!llm_self_test_session_undo (self->session, &error))
    message = g_strdup_printf (_("Could not undo the grade: %s"), error->message);
  else
    message = g_strdup_printf (_("Grade undone: “%s” is asked again"),
                               llm_question_get_title (llm_self_test_session_get_current (self->session)));

  g_signal_emit (self, signals[LLM_SESSION_ADD_TOAST], 0, message);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  llm_self_test_bar_stop (LLM_SELF_TEST_BAR (widget));
}

static void
llm_self_test_bar_dispose (GObject *object)
{
  LlmSelfTestBar *self = (LlmSelfTestBar *)object;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_changed, self);
  g_clear_object (&self->session);
  g_clear_object (&self->shown);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_SELF_TEST_BAR);
  llm_session_signals_unparent_all (GTK_WIDGET (self));

  G_OBJECT_CLASS (llm_self_test_bar_parent_class)->dispose (object);
}

static void
llm_self_test_bar_class_init (LlmSelfTestBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_self_test_bar_dispose;

  llm_session_signals_install (widget_class, signals);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-self-test-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmSelfTestBar, counts_label);
  gtk_widget_class_bind_template_child (widget_class, LlmSelfTestBar, progress);
  gtk_widget_class_bind_template_child (widget_class, LlmSelfTestBar, stack);
  gtk_widget_class_bind_template_child (widget_class, LlmSelfTestBar, grade_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  gtk_widget_class_install_action (widget_class, "selftest.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "selftest.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "selftest.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "selftest.stop", NULL, stop_action);
}

static void
llm_self_test_bar_init (LlmSelfTestBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  llm_grade_button_fill_row (self->grade_box, "selftest.grade", self->grade_buttons);
  llm_grade_button_set_suggested (self->grade_buttons[LLM_GRADE_GOOD], TRUE);
}
