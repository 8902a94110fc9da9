/* llm-question-form.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-answer-view.h"
#include "llm-collection.h"

#include "llm-my-questions.h"
#include "llm-question.h"
#include "llm-question-form.h"

/* A small form for a question of the user's own: title, topic and an
 * answer in markdown. It writes my-questions.md itself and says "saved"
 * with the question's id; the window reloads and shows it. */

struct _LlmQuestionForm
{
  AdwWindow parent_instance;

  char *path;
  char *id;              /* the question edited, or NULL to add one */

  AdwEntryRow *title_row;
  AdwEntryRow *topic_row;
  GtkTextView *answer_view;
  GtkStack *answer_stack;
  GtkToggleButton *preview_button;
  LlmAnswerView *preview;      /* made on the first Preview only */
  GtkButton *save_button;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (LlmQuestionForm, llm_question_form, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_save (LlmQuestionForm *self)
{
  g_autofree char *title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), g_strstrip (title)[0] != '\0');
}

/**
 * llm_question_form_save:
 *
 * Writes the question; on success emits "saved" and closes the form, else
 * shows why and stays open.
 *
 * Returns: whether the question was written
 */
gboolean
llm_question_form_save (LlmQuestionForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *id = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *title;
  const char *topic;
  gboolean ok;

  g_return_val_if_fail (LLM_IS_QUESTION_FORM (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->answer_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  answer = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  topic = gtk_editable_get_text (GTK_EDITABLE (self->topic_row));

  if (self->id != NULL)
    ok = llm_my_questions_edit (self->path, self->id, topic, title, answer, &id, &error);
  else
    ok = llm_my_questions_append (self->path, topic, title, answer, &id, &error);

  if (!ok)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (LlmQuestionForm *self)
{
  llm_question_form_save (self);
}

static void
llm_question_form_finalize (GObject *object)
{
  LlmQuestionForm *self = (LlmQuestionForm *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (llm_question_form_parent_class)->finalize (object);
}

static void
llm_question_form_class_init (LlmQuestionFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = llm_question_form_finalize;

  /**
   * LlmQuestionForm::saved:
   * @id: the question's id, which follows its title
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Preview renders the answer as the window will, with the same renderer
 * and page; the web view is made the first time it is asked for. */
static void
on_preview_toggled (LlmQuestionForm *self,
                    GtkToggleButton *button)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(LlmQuestion) question = NULL;
  g_autofree char *answer = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *title;

  if (!gtk_toggle_button_get_active (button))
    {
      gtk_stack_set_visible_child_name (self->answer_stack, "edit");
      gtk_widget_grab_focus (GTK_WIDGET (self->answer_view));
      return;
    }

  if (self->preview == NULL)
    {
      self->preview = LLM_ANSWER_VIEW (llm_answer_view_new ());
      gtk_widget_add_css_class (GTK_WIDGET (self->preview), "card");
      gtk_stack_add_named (self->answer_stack, GTK_WIDGET (self->preview), "preview");
    }

  buffer = gtk_text_view_get_buffer (self->answer_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  answer = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  collection = llm_collection_new (_("My Questions"), NULL);
  question = llm_question_new ("preview", 0, title, gtk_editable_get_text (GTK_EDITABLE (self->topic_row)),
                               answer, NULL);
  llm_answer_view_show (self->preview, collection, question, NULL);
  gtk_stack_set_visible_child_name (self->answer_stack, "preview");
}

/**
 * llm_question_form_get_preview:
 *
 * Returns: (transfer none) (nullable): the answer's preview, once shown
 */
LlmAnswerView *
llm_question_form_get_preview (LlmQuestionForm *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION_FORM (self), NULL);

  return self->preview;
}

static void
llm_question_form_init (LlmQuestionForm *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *answer_label = gtk_label_new (_("Answer (Markdown)"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 520, 480);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));
  self->preview_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Preview")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->preview_button), _("Show the Answer as It Will Look"));
  g_signal_connect_swapped (self->preview_button, "toggled", G_CALLBACK (on_preview_toggled), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->preview_button));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 12);
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_vexpand (body, TRUE);

  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Question"));
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (update_save), self);
  self->topic_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->topic_row), _("Topic"));
  gtk_editable_set_text (GTK_EDITABLE (self->topic_row), _("My Questions"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->title_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->topic_row));
  gtk_box_append (GTK_BOX (body), list);

  gtk_label_set_xalign (GTK_LABEL (answer_label), 0);
  gtk_widget_add_css_class (answer_label, "heading");
  gtk_box_append (GTK_BOX (body), answer_label);

  self->answer_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->answer_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (self->answer_view, TRUE);
  gtk_text_view_set_top_margin (self->answer_view, 8);
  gtk_text_view_set_bottom_margin (self->answer_view, 8);
  gtk_text_view_set_left_margin (self->answer_view, 8);
  gtk_text_view_set_right_margin (self->answer_view, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_view),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->answer_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "card");
  self->answer_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->answer_stack), TRUE);
  gtk_stack_add_named (self->answer_stack, scroller, "edit");
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->answer_stack));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->error_label));

  gtk_box_append (GTK_BOX (toolbar), body);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  update_save (self);
}

/**
 * llm_question_form_new:
 * @path: the my-questions.md to write
 * @question: (nullable): a question of the user's own to edit, or %NULL
 *   to add one
 */
LlmQuestionForm *
llm_question_form_new (GtkWindow   *parent,
                       const char  *path,
                       LlmQuestion *question)
{
  LlmQuestionForm *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!question || LLM_IS_QUESTION (question), NULL);

  self = g_object_new (LLM_TYPE_QUESTION_FORM,
                       "transient-for", parent,
                       "title", question ? _("Edit Question") : _("Add Question"),
                       NULL);
  self->path = g_strdup (path);
  if (question != NULL)
    {
      self->id = g_strdup (llm_question_get_id (question));
      llm_question_form_set (self, llm_question_get_topic (question),
                             llm_question_get_title (question),
                             llm_question_get_answer (question));
    }

  return self;
}

/**
 * llm_question_form_set:
 *
 * Fills the form, as the user would.
 */
void
llm_question_form_set (LlmQuestionForm *self,
                       const char      *topic,
                       const char      *title,
                       const char      *answer)
{
  g_return_if_fail (LLM_IS_QUESTION_FORM (self));

  if (topic != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->topic_row), topic);
  if (title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  if (answer != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answer_view), answer, -1);
}
