/* llm-grade-button.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-grade-button.h"
#include "llm-interview-report.h"

/* The grade buttons of the self-test and of the mock interview are made
 * here, so that both modes show the same four buttons: the key, the name,
 * and a line below (the interval it gives, or nothing). */

/**
 * llm_grade_button_new:
 * @action_name: the action, taking the grade as an "i" target
 *
 * Returns: (transfer floating): a button for @grade
 */
GtkWidget *
llm_grade_button_new (LlmGrade    grade,
                      const char *action_name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  g_autofree char *label = g_strdup_printf ("%d  %s", grade, llm_grade_get_label (grade));

  gtk_label_set_label (GTK_LABEL (name), label);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_size_request (button, 84, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", grade);
  gtk_widget_add_css_class (button, "grade-button");
  if (grade == LLM_GRADE_AGAIN)
    gtk_widget_add_css_class (button, "destructive-action");

  return button;
}

/**
 * llm_grade_button_set_detail:
 * @detail: (nullable): the line under the name
 */
void
llm_grade_button_set_detail (GtkWidget  *button,
                             const char *detail)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), detail ? detail : "");
}

/**
 * llm_grade_button_get_detail:
 *
 * Returns: (transfer none): the line under the name, such as the interval
 */
const char *
llm_grade_button_get_detail (GtkWidget *button)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box)));
}

/**
 * llm_grade_button_set_suggested:
 *
 * Marks the grade Enter confirms.
 */
void
llm_grade_button_set_suggested (GtkWidget *button,
                                gboolean   suggested)
{
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  else
    gtk_widget_remove_css_class (button, "suggested-action");
}

/**
 * llm_grade_button_fill_row:
 * @box: the row to fill
 * @action_name: the action, taking the grade as an "i" target
 * @buttons: (out caller-allocates): the buttons made, indexed by grade
 *
 * Appends the four grade buttons, Again to Easy, to @box: the self-test
 * and the mock interview build their rows here, so both look alike.
 */
void
llm_grade_button_fill_row (GtkBox     *box,
                           const char *action_name,
                           GtkWidget  *buttons[LLM_GRADE_EASY + 1])
{
  g_return_if_fail (GTK_IS_BOX (box));

  buttons[0] = NULL;
  for (LlmGrade grade = LLM_GRADE_AGAIN; grade <= LLM_GRADE_EASY; grade++)
    {
      buttons[grade] = llm_grade_button_new (grade, action_name);
      gtk_box_append (box, buttons[grade]);
    }
}
