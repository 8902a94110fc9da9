/* llm-window-actions.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-answer-view.h"
#include "llm-collection.h"
#include "llm-my-questions.h"
#include "llm-preferences-window.h"
#include "llm-question.h"
#include "llm-sidebar.h"
#include "llm-window-private.h"

/* The window's own win.* actions (moving through the questions, the
 * narrow window's two panes, printing, the preferences, the zoom it
 * forwards to the answer view) and the one function that works out
 * which of the window's actions are enabled. The features' actions are
 * installed by their parts (llm-window-notes.c, llm-window-quiz.c…). */

/* Enabled states are worked out in one place, from the current state. */
void
_llm_window_update_actions (LlmWindow *self)
{
  gboolean has_prev = FALSE, has_next = FALSE;

  if (self->collection != NULL && self->question != NULL)
    {
      /* Next and previous walk what the tree's filter shows. */
      has_prev = llm_sidebar_get_neighbour (self->sidebar, self->question, -1) != NULL;
      has_next = llm_sidebar_get_neighbour (self->sidebar, self->question, +1) != NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-question", has_prev);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-question", has_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-bookmark", self->question != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", !g_queue_is_empty (&self->back));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward", !g_queue_is_empty (&self->forward));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-question",
                                 self->question != NULL && llm_my_questions_is_mine (self->question));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  self->folded_show_sidebar = TRUE;
  _llm_window_apply_folded (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

static void
show_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  self->folded_show_sidebar = FALSE;
  _llm_window_apply_folded (self);
}

static void
step_question (LlmWindow *self,
               int        offset)
{
  LlmQuestion *next;

  if (self->collection == NULL || self->question == NULL)
    return;

  next = llm_sidebar_get_neighbour (self->sidebar, self->question, offset);
  if (next != NULL)
    llm_window_show_question (self, next);
}

static void
next_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  step_question (LLM_WINDOW (widget), +1);
}

static void
previous_question_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  step_question (LLM_WINDOW (widget), -1);
}

static void
show_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  LlmQuestion *question;

  if (self->collection == NULL)
    return;

  question = llm_collection_lookup (self->collection, g_variant_get_string (param, NULL));
  if (question != NULL)
    llm_window_show_question (self, question);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  GtkWidget *prefs = llm_preferences_window_new (GTK_WINDOW (self), self->settings, self->user_data);

  /* Export Notes there writes what is on disk: the note being typed first. */
  _llm_window_flush_note (self);
  llm_preferences_window_set_notes (LLM_PREFERENCES_WINDOW (prefs), self->notes, self->collection);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autoptr(WebKitPrintOperation) print = NULL;

  /* Prints the answer page as shown, or saves it as PDF from the dialog. */
  print = webkit_print_operation_new (llm_answer_view_get_web_view (self->answer_view));
  if (self->question != NULL)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
      g_autofree char *name = g_strdup (llm_question_get_title (self->question));

      /* "Print to File" offers the question's title, not "output.pdf". */
      g_strdelimit (name, "/\\:\n\r\t", '-');
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
      webkit_print_operation_set_print_settings (print, settings);
    }
  webkit_print_operation_run_dialog (print, GTK_WINDOW (self));
}

/* The zoom belongs to the answer view; the window forwards so the shortcuts
 * work wherever the focus is. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  g_autofree char *name = g_strconcat ("answer.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->answer_view), name, NULL);
}

static const struct {
  const char *name;
  const char *parameter_type;
  GtkWidgetActionActivateFunc activate;
} actions[] = {
  { "win.preferences", NULL, preferences_action },
  { "win.show-sidebar", NULL, show_sidebar_action },
  { "win.show-answer", NULL, show_answer_action },
  { "win.print", NULL, print_action },
  { "win.next-question", NULL, next_question_action },
  { "win.previous-question", NULL, previous_question_action },
  { "win.show-question", "s", show_question_action },
  { "win.zoom-in", NULL, zoom_action },
  { "win.zoom-out", NULL, zoom_action },
  { "win.zoom-reset", NULL, zoom_action },
};

void
_llm_window_actions_class_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);
}
