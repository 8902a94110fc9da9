/* llm-sidebar-input.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-sidebar-private.h"

/* How the tree meets the keyboard and the pointer. The list view makes a
 * row's widget only around what is scrolled into view, and GTK 4.8 has no
 * call to move its cursor: the focus goes to the row of the question
 * shown as soon as the list has made it. A pick with the pointer is told
 * from one with the arrow keys, which a narrow window treats apart. */

/* Focuses the row widget showing @position, if the list view has made
 * one (it makes them only around what is scrolled into view). GTK 4.8
 * has no call to move the list's cursor, but a row taking the focus moves
 * it, so the arrow keys carry on from there. */
static gboolean
focus_row (LlmSidebar *self,
           guint       position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkTreeListRow *row;

      if (!GTK_IS_TREE_EXPANDER (expander))
        continue;

      row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
      if (row != NULL && gtk_tree_list_row_get_position (row) == position)
        return gtk_widget_grab_focus (child);
    }

  return FALSE;
}

/* The list view makes a row's widget on its next layout after scrolling
 * to it: the focus follows within a few frames. */
static gboolean
focus_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  LlmSidebar *self = user_data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* Unless the user has taken the focus elsewhere meanwhile. */
  if (focus != NULL && focus != widget && !gtk_widget_is_ancestor (focus, widget))
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (focus_row (self, self->focus_position) || ++self->focus_tries > 30)
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
_llm_sidebar_focus_row_soon (LlmSidebar *self,
                guint       position)
{
  GtkWidget *row;

  self->focus_position = position;
  self->focus_tries = 0;
  if (focus_row (self, position))
    {
      row = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
      if (row != NULL && gtk_widget_get_mapped (row))
        return;
    }

  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), focus_tick, self, NULL);
}

gboolean
_llm_sidebar_focus_is_inside (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The tree takes the focus on the question selected, wherever the list's
 * cursor was left. */
gboolean
_llm_sidebar_grab_focus (GtkWidget *widget)
{
  LlmSidebar *self = LLM_SIDEBAR (widget);
  guint selected = gtk_single_selection_get_selected (self->selection);

  /* Nothing to focus when a filter has left no row. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->scroller)))
    return FALSE;

  if (selected != GTK_INVALID_LIST_POSITION && focus_row (self, selected))
    return TRUE;

  /* Before the list has made the row (at start, or scrolled far), the
   * list holds the focus until the row can take it. */
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->list_view)))
    return FALSE;
  if (selected != GTK_INVALID_LIST_POSITION)
    _llm_sidebar_focus_row_soon (self, selected);
  return TRUE;
}

void
_llm_sidebar_focus_stop (LlmSidebar *self)
{
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick);
  self->focus_tick = 0;
}

static gboolean
pointer_up (gpointer data)
{
  LlmSidebar *self = data;

  self->pointer_down = FALSE;
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_pointer_pressed (LlmSidebar *self)
{
  self->pointer_down = TRUE;
}

/* After the row's own handlers have run on the same release. */
static void
on_pointer_released (LlmSidebar *self)
{
  g_idle_add (pointer_up, g_object_ref (self));
}

/* Marks the time between a pointer press on the list and just after its
 * release. */
void
_llm_sidebar_track_pointer (LlmSidebar *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pointer_pressed), self);
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_pointer_released), self);
  g_signal_connect_swapped (click, "stopped", G_CALLBACK (on_pointer_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
}

/**
 * llm_sidebar_is_pointer_pick:
 *
 * Tells a question picked with the mouse or a touch, during
 * #LlmSidebar::question-selected, from one the arrow keys moved to: a
 * narrow window turns to the answer for the first, not for the second.
 *
 * Returns: %TRUE while a pointer press on the tree is being handled
 */
gboolean
llm_sidebar_is_pointer_pick (LlmSidebar *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), FALSE);

  return self->pointer_down;
}
