/* llm-window-search.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-answer-view.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-sidebar.h"
#include "llm-window-private.h"

/* Finding a question: the search entry over the tree, back and forward
 * through the questions seen, and a random question for free practice. */

#define HISTORY_MAX 100

/* Built on the first search, not at start-up: most sessions never search. */
static LlmSearchIndex *
ensure_index (LlmWindow *self)
{
  if (self->search_index == NULL && self->collection != NULL)
    self->search_index = llm_user_data_build_search_index (self->user_data, self->collection);

  return self->search_index;
}

/* The page can highlight one string; the longest term is the most telling. */
static char *
dup_longest_term (const char *query)
{
  g_auto(GStrv) terms = g_strsplit_set (query, " \t\u3000", -1);
  const char *longest = "";

  for (guint i = 0; terms[i]; i++)
    if (g_utf8_strlen (terms[i], -1) > g_utf8_strlen (longest, -1))
      longest = terms[i];

  return g_strdup (longest);
}

static void
run_search (LlmWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) results = NULL;
  LlmSearchIndex *index;
  guint n_matches = 0;

  if (query[0] == '\0' || (index = ensure_index (self)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "tree");
      return;
    }

  results = llm_search_index_query_full (index, query, LLM_SEARCH_DEFAULT_LIMIT, &n_matches);
  llm_search_results_set_results (self->search_results, results, n_matches);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

static void
on_search_changed (LlmWindow      *self,
                   GtkSearchEntry *entry)
{
  run_search (self);
}

static void
on_search_activate (LlmWindow      *self,
                    GtkSearchEntry *entry)
{
  llm_search_results_activate_selected (self->search_results);
}

static void
on_stop_search (LlmWindow      *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "tree");
  llm_answer_view_set_find_text (self->answer_view, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

static void
on_result_activated (LlmWindow        *self,
                     LlmSearchResult  *result,
                     LlmSearchResults *results)
{
  g_autofree char *term = dup_longest_term (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  llm_answer_view_set_find_text (self->answer_view, term);
  llm_window_show_question (self, llm_search_result_get_question (result));
  if (self->folded)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-answer", NULL);
}

/* Up and Down in the entry move through the results, so Enter opens the
 * one the user chose without leaving the keyboard's home. */
static gboolean
on_entry_key_pressed (LlmWindow             *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    llm_search_results_move_selection (self->search_results, +1);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    llm_search_results_move_selection (self->search_results, -1);
  else
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

/* Any save, from this window's editor, an undo or another window. */
static void
on_note_saved (LlmWindow    *self,
               const char   *id,
               const char   *text,
               LlmNoteStore *store)
{
  if (self->search_index != NULL)
    llm_search_index_set_note (self->search_index, id, text);
}

/* The editor also reloads a note another program changed on disk. */
static void
on_note_reloaded (LlmWindow     *self,
                  const char    *id,
                  const char    *text,
                  LlmNoteEditor *editor)
{
  on_note_saved (self, id, text, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  llm_answer_view_find_next (self->answer_view, g_str_equal (action_name, "win.find-next"));
}

/* History ----------------------------------------------------------------- */

static void
push_id (GQueue     *queue,
         const char *id)
{
  g_queue_push_head (queue, g_strdup (id));
  while (g_queue_get_length (queue) > HISTORY_MAX)
    g_free (g_queue_pop_tail (queue));
}

/**
 * _llm_window_history_push:
 * @leaving: (nullable): the question being left
 *
 * Remembers @leaving for Back; a new step forgets what Forward held.
 */
void
_llm_window_history_push (LlmWindow   *self,
                          LlmQuestion *leaving)
{
  if (leaving == NULL)
    return;

  push_id (&self->back, llm_question_get_id (leaving));
  g_queue_clear_full (&self->forward, g_free);
}

static void
step_history (LlmWindow *self,
              GQueue    *from,
              GQueue    *to)
{
  while (!g_queue_is_empty (from))
    {
      g_autofree char *id = g_queue_pop_head (from);
      LlmQuestion *question = self->collection ? llm_collection_lookup (self->collection, id) : NULL;

      /* A question that left the collection is skipped over. */
      if (question == NULL || question == self->question)
        continue;

      if (self->question != NULL)
        push_id (to, llm_question_get_id (self->question));

      self->in_history_step = TRUE;
      llm_window_show_question (self, question);
      self->in_history_step = FALSE;
      break;
    }

  _llm_window_update_actions (self);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  step_history (self, &self->back, &self->forward);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  step_history (self, &self->forward, &self->back);
}

/* The mouse's back and forward buttons. */
static void
on_extra_button_pressed (LlmWindow       *self,
                         int              n_press,
                         double           x,
                         double           y,
                         GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    step_history (self, &self->back, &self->forward);
  else if (button == 9)
    step_history (self, &self->forward, &self->back);
  else
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
random_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);
  guint n;
  int index;

  if (self->collection == NULL || (n = llm_collection_get_n_questions (self->collection)) == 0)
    return;

  /* Never the one already shown, when there is a choice. */
  index = g_random_int_range (0, n);
  if (n > 1 && llm_collection_get_question (self->collection, index) == self->question)
    index = (index + 1 + g_random_int_range (0, n - 1)) % n;

  llm_window_show_question (self, llm_collection_get_question (self->collection, index));
}

/* Setup ------------------------------------------------------------------- */

void
_llm_window_search_collection_changed (LlmWindow *self)
{
  g_clear_object (&self->search_index);
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    run_search (self);
}

void
_llm_window_search_constructed (LlmWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_queue_init (&self->back);
  g_queue_init (&self->forward);

  /* Typing while the tree has the focus starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->sidebar));

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_extra_button_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (self->note_editor, "note-changed", G_CALLBACK (on_note_reloaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (llm_user_data_get_note_store (self->user_data), "changed",
                           G_CALLBACK (on_note_saved), self, G_CONNECT_SWAPPED);
}

void
_llm_window_search_dispose (LlmWindow *self)
{
  g_clear_object (&self->search_index);
  g_queue_clear_full (&self->back, g_free);
  g_queue_clear_full (&self->forward, g_free);
}

void
_llm_window_search_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (LLM_TYPE_SEARCH_RESULTS);

  gtk_widget_class_bind_template_child (widget_class, LlmWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, search_results);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.random-question", NULL, random_question_action);
}
