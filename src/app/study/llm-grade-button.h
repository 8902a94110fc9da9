/* llm-grade-button.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "llm-scheduler.h"

G_BEGIN_DECLS

GtkWidget *llm_grade_button_new          (LlmGrade    grade,
                                          const char *action_name);
void       llm_grade_button_set_detail   (GtkWidget  *button,
                                          const char *detail);
const char *llm_grade_button_get_detail   (GtkWidget  *button);
void       llm_grade_button_set_suggested (GtkWidget *button,
                                          gboolean    suggested);
void       llm_grade_button_fill_row     (GtkBox     *box,
                                          const char *action_name,
                                          GtkWidget  *buttons[LLM_GRADE_EASY + 1]);

G_END_DECLS
