/* llm-window-my-questions.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-my-questions.h"
#include "llm-question-form.h"
#include "llm-settings.h"
#include "llm-window-private.h"

/* Add Question (Ctrl+N) and Edit Question: the form writes
 * my-questions.md, and the collection shown is read again with them
 * merged in, landing on the question just saved. */

static void
on_saved (LlmWindow       *self,
          const char      *id,
          LlmQuestionForm *form)
{
  /* Whatever collection comes back starts on this question. The watch
   * on the file sees this save too, but the collection source loads
   * nothing again for contents it has just read. */
  llm_settings_set_last_question (self->settings, id);
  _llm_window_reload (self);
}

static void
on_form_destroy (LlmWindow *self)
{
  g_object_set_data (G_OBJECT (self), "llm-question-form", NULL);
}

static void
open_form (LlmWindow   *self,
           LlmQuestion *question)
{
  const char *path = g_file_peek_path (llm_user_data_get_my_questions (self->user_data));
  LlmQuestionForm *form = llm_question_form_new (GTK_WINDOW (self), path, question);

  g_signal_connect_object (form, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  /* Tests fill in the form the window opened. */
  g_object_set_data (G_OBJECT (self), "llm-question-form", form);
  g_signal_connect_object (form, "destroy", G_CALLBACK (on_form_destroy), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

static void
add_question_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  open_form (LLM_WINDOW (widget), NULL);
}

static void
edit_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  if (self->question != NULL && llm_my_questions_is_mine (self->question))
    open_form (self, self->question);
}

void
_llm_window_my_questions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-question", NULL, add_question_action);
  gtk_widget_class_install_action (widget_class, "win.edit-question", NULL, edit_question_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-question", NULL);
}
