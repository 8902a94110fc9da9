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

/* The results' list is built on the first search too. */
static LlmSearchResults *
ensure_results (LlmWindow *self)
{
  if (self->search_results == NULL)
    {
      self->search_results = LLM_SEARCH_RESULTS (g_object_new (LLM_TYPE_SEARCH_RESULTS, NULL));
      g_signal_connect_object (self->search_results, "result-activated",
                               G_CALLBACK (on_result_activated), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->search_bin, GTK_WIDGET (self->search_results));
    }

  return self->search_results;
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
  llm_search_results_set_results (ensure_results (self), results, n_matches);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

static void
on_search_changed (LlmWindow      *self,
                   GtkSearchEntry *entry)
{
  run_search (self);
}

/* At once, not after search-changed's delay: the last query's highlights
 * would say it matched this one. */
static void
on_query_edited (LlmWindow   *self,
                 GtkEditable *entry)
{
  llm_answer_view_set_find_text (self->answer_view, NULL);
}

static void
on_search_activate (LlmWindow      *self,
                    GtkSearchEntry *entry)
{
  /* Before the first search there is nothing to open. */
  if (self->search_results != NULL)
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

static gboolean
focus_is_in (LlmWindow *self,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
search_is_active (LlmWindow *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0' ||
         llm_answer_view_get_n_matches (self->answer_view) > 0;
}

/* Type-ahead: a printable key (a space too) typed in the tree or the
 * answer goes to the search entry, and the focus with it; Esc ends a
 * search from anywhere but the note editor, whose own Esc it is.
 * GtkSearchEntry's key capture widget cannot do this: it leaves the space
 * to the captured widget ("self attention" became "selfattention") and the
 * focus where it was. Runs in the capture phase, before the list view's
 * own Space and WebKit's scrolling. */
static gboolean
on_window_key_pressed (LlmWindow             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkWidget *text;
  gunichar c;

  if (self->mode != LLM_WINDOW_MODE_BROWSE)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Escape && (state & gtk_accelerator_get_default_mod_mask ()) == 0)
    {
      if (!search_is_active (self) ||
          (self->note_editor != NULL && focus_is_in (self, GTK_WIDGET (self->note_editor))) ||
          focus_is_in (self, GTK_WIDGET (self->search_entry)))
        return GDK_EVENT_PROPAGATE;
      g_signal_emit_by_name (self->search_entry, "stop-search");
      return GDK_EVENT_STOP;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || !(g_unichar_isgraph (c) || c == ' '))
    return GDK_EVENT_PROPAGATE;
  if (!focus_is_in (self, GTK_WIDGET (self->sidebar)) && !focus_is_in (self, GTK_WIDGET (self->answer_view)))
    return GDK_EVENT_PROPAGATE;

  /* A narrow window shows the entry with the tree. */
  if (!gtk_widget_get_visible (self->sidebar_pane))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-sidebar", NULL);

  /* The entry's own text widget takes the key as if typed there (through
   * its input method), after what is already in the entry. */
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry)));
  gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  if (!gtk_event_controller_key_forward (controller, text))
    {
      char utf8[8] = { 0 };
      int position = -1;

      g_unichar_to_utf8 (c, utf8);
      gtk_editable_insert_text (GTK_EDITABLE (self->search_entry), utf8, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
    }

  return GDK_EVENT_STOP;
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
  int step;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    step = +1;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    step = -1;
  else
    return GDK_EVENT_PROPAGATE;

  if (self->search_results != NULL)
    llm_search_results_move_selection (self->search_results, step);

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

/**
 * _llm_window_search_note_changed:
 *
 * A note shown in this window changed: saved, or rewritten on disk by
 * another program, which the store does not see.
 */
void
_llm_window_search_note_changed (LlmWindow  *self,
                                 const char *id,
                                 const char *text)
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

static void
stop_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LlmWindow *self = LLM_WINDOW (widget);

  g_signal_emit_by_name (self->search_entry, "stop-search");
}

/* "2 of 5" over the answer while its matches are highlighted. */
static void
update_find_counter (LlmWindow *self)
{
  guint n = llm_answer_view_get_n_matches (self->answer_view);
  guint current = llm_answer_view_get_current_match (self->answer_view);
  g_autofree char *text = NULL;

  /* Translators: the current search match and how many there are in the
   * answer, "2 of 5" */
  text = g_strdup_printf (C_("match", "%u of %u"), current, n);
  gtk_label_set_label (self->find_counter, text);
  gtk_revealer_set_reveal_child (self->find_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous", n > 0);
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

  {
    GtkEventController *typing = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (typing, GTK_PHASE_CAPTURE);
    g_signal_connect_object (typing, "key-pressed", G_CALLBACK (on_window_key_pressed), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), typing);
  }

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "changed", G_CALLBACK (on_query_edited), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_extra_button_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (llm_user_data_get_note_store (self->user_data), "changed",
                           G_CALLBACK (on_note_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->answer_view, "notify::n-matches", G_CALLBACK (update_find_counter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->answer_view, "notify::current-match", G_CALLBACK (update_find_counter), self, G_CONNECT_SWAPPED);
  update_find_counter (self);
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
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, search_bin);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, find_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlmWindow, find_counter);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.stop-search", NULL, stop_search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.random-question", NULL, random_question_action);
}
