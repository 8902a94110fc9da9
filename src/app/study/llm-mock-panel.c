/* llm-mock-panel.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "llm-coverage.h"
#include "llm-grade-button.h"
#include "llm-mock-panel.h"
#include "llm-question.h"
#include "llm-session-signals.h"

/* The panel under the question during a mock interview: the clock, the
 * answer box, then the checklist of key points and the grade buttons. It
 * runs an LlmMockSession and says which question to show; the window
 * shows it. Actions: mock.done, mock.grade, mock.confirm (Enter: the
 * grade the ticks suggest), mock.stop (asks first: save a partial report,
 * discard, or continue). */

struct _LlmMockPanel
{
  GtkWidget parent_instance;

  LlmMockSession *session;
  guint tick;
  gboolean updating;

  GtkLabel *progress_label;
  GtkLabel *clock;
  GtkTextView *answer;
  GtkWidget *result_box;
  GtkLabel *summary;
  GtkListBox *checklist;
  GtkBox *grade_box;
  GtkWidget *grade_buttons[LLM_GRADE_EASY + 1];
};

G_DEFINE_FINAL_TYPE (LlmMockPanel, llm_mock_panel, GTK_TYPE_WIDGET)

static guint signals[LLM_SESSION_N_SIGNALS];

static void update (LlmMockPanel *self);

static char *
format_clock (gint64 ms)
{
  guint seconds = (guint)((ms + 999) / 1000);

  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

/* While answering, the time left; on the result step, the time the
 * answer took (the time left is then 0:00, which says nothing). */
static void
update_clock (LlmMockPanel *self)
{
  LlmInterviewResult *result = llm_mock_session_get_result (self->session);
  LlmMockTimer timer = llm_mock_session_get_timer (self->session);
  g_autofree char *text = NULL;

  if (llm_mock_session_get_state (self->session) == LLM_MOCK_RESULT && result != NULL)
    {
      g_autofree char *used = format_clock ((gint64)result->seconds * 1000);

      /* Translators: the result step's clock, "0:42 used" */
      text = g_strdup_printf (_("%s used"), used);
    }
  else
    text = format_clock (llm_mock_session_get_remaining_ms (self->session));

  gtk_label_set_label (self->clock, text);
  if (timer == LLM_MOCK_TIMER_WARNING)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->clock), "warning");
  if (timer == LLM_MOCK_TIMER_URGENT)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->clock), "error");
}

/* Runs only while an answer is being typed; never while idle. */
static gboolean
on_tick (gpointer data)
{
  LlmMockPanel *self = data;

  update_clock (self);
  if (llm_mock_session_tick (self->session))
    {
      self->tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
on_answer_changed (LlmMockPanel  *self,
                   GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->session == NULL || self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  llm_mock_session_set_draft (self->session, text);
}

static void
on_point_toggled (GtkCheckButton *check,
                  LlmMockPanel   *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "point"));

  if (self->updating || self->session == NULL)
    return;

  llm_mock_session_set_ticked (self->session, index, gtk_check_button_get_active (check));
}

static void
fill_checklist (LlmMockPanel       *self,
                LlmInterviewResult *result)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist))) != NULL)
    gtk_list_box_remove (self->checklist, child);

  for (guint i = 0; result->points[i] != NULL; i++)
    {
      g_autofree char *label = llm_coverage_point_label (result->points[i]);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      g_object_set_data (G_OBJECT (check), "point", GUINT_TO_POINTER (i));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), result->covered[i]);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_point_toggled), self, 0);
      gtk_widget_set_margin_start (check, 6);
      gtk_widget_set_margin_top (check, 4);
      gtk_widget_set_margin_bottom (check, 4);
      gtk_list_box_append (self->checklist, check);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->checklist), result->points[0] != NULL);
}

static char *
dup_summary (LlmInterviewResult *result)
{
  guint n = g_strv_length (result->points);

  if (result->cross_script)
    return g_strdup (_("Your answer is in another language than the key points, so none could be checked. Tick the ones you covered."));
  if (result->answer[0] == '\0' && result->timed_out)
    return g_strdup (_("Time ran out with nothing typed. If you answered aloud, tick the points you covered."));
  if (result->answer[0] == '\0')
    return g_strdup (_("Nothing typed: tick the points you covered aloud, then grade."));
  if (n == 0)
    return g_strdup (_("This answer has no key points to check; grade yourself."));
  if (result->timed_out)
    return g_strdup_printf (_("Time ran out. Ticked %u of %u key points found in your answer, in order; correct the ticks, then grade."),
                            result->n_covered, n);

  return g_strdup_printf (_("Ticked %u of %u key points found in your answer, in order; correct the ticks, then grade."),
                          result->n_covered, n);
}

static void
update_actions (LlmMockPanel *self)
{
  LlmMockState state = self->session ? llm_mock_session_get_state (self->session) : LLM_MOCK_FINISHED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mock.done", state == LLM_MOCK_ANSWERING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mock.grade", state == LLM_MOCK_RESULT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mock.confirm", state == LLM_MOCK_RESULT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mock.stop", state != LLM_MOCK_FINISHED);
}

static void
update (LlmMockPanel *self)
{
  LlmMockState state;
  LlmQuestion *question;
  g_autofree char *progress = NULL;

  if (self->session == NULL)
    return;

  update_actions (self);
  state = llm_mock_session_get_state (self->session);
  if (state == LLM_MOCK_FINISHED)
    {
      g_clear_handle_id (&self->tick, g_source_remove);
      g_signal_emit (self, signals[LLM_SESSION_FINISHED], 0);
      return;
    }

  question = llm_mock_session_get_question (self->session);
  /* Translators: mock interview progress, "Question 2 of 5" */
  progress = g_strdup_printf (_("Question %u of %u"), llm_mock_session_get_position (self->session) + 1,
                              llm_mock_session_get_n_questions (self->session));
  gtk_label_set_label (self->progress_label, progress);
  update_clock (self);

  self->updating = TRUE;
  if (state == LLM_MOCK_ANSWERING)
    {
      if (self->tick == 0)
        {
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answer), "", -1);
          self->tick = g_timeout_add (250, on_tick, self);
          g_signal_emit (self, signals[LLM_SESSION_SHOW_QUESTION], 0, question, TRUE);
        }
      gtk_text_view_set_editable (self->answer, TRUE);
      gtk_widget_set_visible (self->result_box, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->answer));
    }
  else
    {
      LlmInterviewResult *result = llm_mock_session_get_result (self->session);
      g_autofree char *summary = dup_summary (result);
      gboolean was_answering = self->tick != 0 || !gtk_widget_get_visible (self->result_box);

      g_clear_handle_id (&self->tick, g_source_remove);
      gtk_text_view_set_editable (self->answer, FALSE);
      gtk_label_set_label (self->summary, summary);
      if (was_answering)
        fill_checklist (self, result);
      for (LlmGrade grade = LLM_GRADE_AGAIN; grade <= LLM_GRADE_EASY; grade++)
        llm_grade_button_set_suggested (self->grade_buttons[grade], grade == result->grade);
      gtk_widget_set_visible (self->result_box, TRUE);
      if (was_answering)
        {
          g_signal_emit (self, signals[LLM_SESSION_SHOW_QUESTION], 0, question, FALSE);
          gtk_widget_grab_focus (self->grade_buttons[result->grade]);
        }
    }
  self->updating = FALSE;
}

static void
on_session_changed (LlmMockPanel   *self,
                    LlmMockSession *session)
{
  update (self);
}

/**
 * llm_mock_panel_start:
 * @session: the interview to run; the panel keeps a reference
 */
void
llm_mock_panel_start (LlmMockPanel   *self,
                      LlmMockSession *session)
{
  g_return_if_fail (LLM_IS_MOCK_PANEL (self));
  g_return_if_fail (LLM_IS_MOCK_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_changed, self);
  g_clear_handle_id (&self->tick, g_source_remove);
  g_set_object (&self->session, session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->result_box, FALSE);
  update (self);
}

/**
 * llm_mock_panel_stop:
 *
 * Drops the interview without a report, and says so with ::stopped.
 */
void
llm_mock_panel_stop (LlmMockPanel *self)
{
  g_return_if_fail (LLM_IS_MOCK_PANEL (self));

  g_clear_handle_id (&self->tick, g_source_remove);
  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->session, on_session_changed, self);
  g_clear_object (&self->session);
  update_actions (self);
  g_signal_emit (self, signals[LLM_SESSION_STOPPED], 0);
}

/**
 * llm_mock_panel_get_clock_text:
 *
 * Returns: (transfer none): what the clock says: the time left, or on
 *   the result step the time used
 */
const char *
llm_mock_panel_get_clock_text (LlmMockPanel *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_PANEL (self), NULL);

  return gtk_label_get_label (self->clock);
}

/**
 * llm_mock_panel_get_session:
 *
 * Returns: (transfer none) (nullable): the interview running, or the one
 *   just finished
 */
LlmMockSession *
llm_mock_panel_get_session (LlmMockPanel *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_PANEL (self), NULL);

  return self->session;
}

gboolean
llm_mock_panel_is_running (LlmMockPanel *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_PANEL (self), FALSE);

  return self->session != NULL && llm_mock_session_get_state (self->session) != LLM_MOCK_FINISHED;
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LlmMockPanel *self = LLM_MOCK_PANEL (widget);

  if (self->session != NULL)
    llm_mock_session_submit (self->session);
}

static void
grade (LlmMockPanel *self,
       LlmGrade      grade)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || llm_mock_session_get_state (self->session) != LLM_MOCK_RESULT)
    return;

  if (!llm_mock_session_grade (self->session, grade, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not record the review: %s"), error->message);

      g_signal_emit (self, signals[LLM_SESSION_ADD_TOAST], 0, message);
    }
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LlmGrade value = g_variant_get_int32 (param);

  if (value >= LLM_GRADE_AGAIN && value <= LLM_GRADE_EASY)
    grade (LLM_MOCK_PANEL (widget), value);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LlmMockPanel *self = LLM_MOCK_PANEL (widget);

  if (self->session != NULL)
    grade (self, llm_mock_session_get_suggested (self->session));
}

static void
on_stop_response (AdwMessageDialog *dialog,
                  const char       *response,
                  LlmMockPanel     *self)
{
  if (self->session == NULL)
    return;

  if (g_str_equal (response, "save"))
    llm_mock_session_finish (self->session);
  else if (g_str_equal (response, "discard"))
    llm_mock_panel_stop (self);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LlmMockPanel *self = LLM_MOCK_PANEL (widget);
  GtkWidget *dialog;
  guint answered;

  if (!llm_mock_panel_is_running (self))
    return;

  answered = llm_mock_session_get_results (self->session)->len;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("End the Interview?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u question is graded. A partial report keeps it; the answer being worked on is not kept.",
                                               "%u questions are graded. A partial report keeps them; the answer being worked on is not kept.",
                                               answered),
                                  answered);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Continue"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save Partial Report"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", answered > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
llm_mock_panel_dispose (GObject *object)
{
  LlmMockPanel *self = (LlmMockPanel *)object;

  g_clear_handle_id (&self->tick, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_changed, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_MOCK_PANEL);
  llm_session_signals_unparent_all (GTK_WIDGET (self));

  G_OBJECT_CLASS (llm_mock_panel_parent_class)->dispose (object);
}

static void
llm_mock_panel_class_init (LlmMockPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_mock_panel_dispose;

  llm_session_signals_install (widget_class, signals);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-mock-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmMockPanel, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LlmMockPanel, clock);
  gtk_widget_class_bind_template_child (widget_class, LlmMockPanel, answer);
  gtk_widget_class_bind_template_child (widget_class, LlmMockPanel, result_box);
  gtk_widget_class_bind_template_child (widget_class, LlmMockPanel, summary);
  gtk_widget_class_bind_template_child (widget_class, LlmMockPanel, checklist);
  gtk_widget_class_bind_template_child (widget_class, LlmMockPanel, grade_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  gtk_widget_class_install_action (widget_class, "mock.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "mock.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "mock.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "mock.stop", NULL, stop_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "mock.done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "mock.done", NULL);
}

static void
llm_mock_panel_init (LlmMockPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->answer), "changed",
                           G_CALLBACK (on_answer_changed), self, G_CONNECT_SWAPPED);

  llm_grade_button_fill_row (self->grade_box, "mock.grade", self->grade_buttons);
  update_actions (self);
}
