/* llm-window-layout.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-answer-view.h"
#include "llm-sidebar.h"
#include "llm-window-private.h"

/* How the window lays itself out: a narrow window shows the tree or the
 * answer in turn, with a header that keeps only what fits, and keyboard
 * users start in the tree with its focus ring showing. */

/* Below this width the tree and the answer take turns, as in a leaflet;
 * a GtkPaned rather than AdwLeaflet keeps the sidebar's width draggable. */
#define FOLD_WIDTH 600

void
_llm_window_apply_folded (LlmWindow *self)
{
  /* With no question yet there is only the tree to show. */
  gboolean sidebar_only = self->folded && (self->folded_show_sidebar || self->question == NULL);
  gboolean show_sidebar = !self->folded || sidebar_only;
  gboolean show_content = !self->folded || !sidebar_only;
  gboolean stats = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "stats") == 0;

  gtk_widget_set_visible (self->sidebar_pane, show_sidebar);
  gtk_widget_set_visible (self->content_pane, show_content);
  /* On Statistics the back button takes the sidebar button's place, and
   * the star (a question's) goes: a phone-wide header has room for neither. */
  gtk_widget_set_visible (self->show_sidebar_button, self->folded && !stats);
  gtk_widget_set_visible (GTK_WIDGET (self->bookmark_button), !stats);
  /* A phone-wide header keeps only what has no shortcut-free substitute;
   * the rest stays on the keyboard and in the menus. */
  gtk_widget_set_visible (self->history_box, !self->folded && !stats);
  gtk_widget_set_visible (self->step_box, !self->folded && !stats);
  gtk_widget_set_visible (self->stats_back_button, stats);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_button), !self->folded && !stats);
  /* Statistics have their own Practice buttons: a phone-wide header
   * leaves the room to their title. */
  gtk_widget_set_visible (self->self_test_button, !self->folded || !stats);
  gtk_widget_set_visible (self->mock_button, !self->folded || !stats);
  adw_button_content_set_label (self->self_test_content, self->folded ? "" : _("Test"));
  _llm_window_update_question_title (self);
  adw_header_bar_set_show_end_title_buttons (self->sidebar_header, self->folded);
  adw_header_bar_set_show_start_title_buttons (self->content_header, self->folded);
}

static gboolean
fold_idle (gpointer data)
{
  LlmWindow *self = data;

  self->fold_idle = 0;
  _llm_window_apply_folded (self);
  return G_SOURCE_REMOVE;
}

/* GTK keeps the default size in step with the window's real size. */
static void
on_default_width (LlmWindow  *self,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  int width, height;
  gboolean folded;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  folded = width > 0 && width < FOLD_WIDTH;

  if (folded != self->folded)
    {
      self->folded = folded;
      self->folded_show_sidebar = FALSE;
      /* Not while GTK may be in the middle of a size allocation. */
      if (self->fold_idle == 0)
        self->fold_idle = g_idle_add (fold_idle, self);
    }
}

static void
on_question_selected (LlmWindow   *self,
                      LlmQuestion *question,
                      LlmSidebar  *sidebar)
{
  if (question != self->question)
    llm_window_show_question (self, question);

  /* Narrow: picking a question with the pointer turns to its answer; the
   * arrow keys only move through the tree (Enter turns, below). */
  if (self->folded && self->folded_show_sidebar && llm_sidebar_is_pointer_pick (sidebar))
    {
      self->folded_show_sidebar = FALSE;
      _llm_window_apply_folded (self);
    }
}

/* Enter in the tree opens the question for reading: the answer takes the
 * focus, so the arrow keys and Page Down scroll it. */
static void
on_question_activated (LlmWindow   *self,
                       LlmQuestion *question,
                       LlmSidebar  *sidebar)
{
  if (self->folded && self->folded_show_sidebar)
    {
      self->folded_show_sidebar = FALSE;
      _llm_window_apply_folded (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (llm_answer_view_get_web_view (self->answer_view)));
}

/* Keyboard users start in the tree, on the question shown, rather than on
 * whichever widget GTK focused first while the notes were loading; the
 * row shows its focus ring from the start, so the reader sees where the
 * keys go. A later collection keeps the focus where the user put it. */
void
_llm_window_focus_tree (LlmWindow *self,
                        gboolean   first)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!first && focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
    return;
  if (gtk_widget_get_visible (self->sidebar_pane) && gtk_widget_grab_focus (GTK_WIDGET (self->sidebar)) && first)
    gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
}

/* GTK decides whether focus rings show as the window maps and gains
 * focus, after the tree took the focus at start, and may clear it again
 * as it takes the input focus: until the first click, a start in the tree
 * shows its ring. */
static void
on_first_shown (LlmWindow  *self,
                GParamSpec *pspec,
                gpointer    user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !gtk_window_is_active (GTK_WINDOW (self)) ||
      focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
    return;

  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
}

static void
on_first_click (LlmWindow       *self,
                int              n_press,
                double           x,
                double           y,
                GtkGestureClick *gesture)
{
  g_signal_handlers_disconnect_matched (self, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_first_shown, NULL);
  gtk_widget_remove_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

/* A status page gets its icon when it is first shown. GTK 4.8 loads an
 * image's icon when its style is first computed, shown or not, and these
 * are drawn from SVG at their size: at start, three pages nobody had
 * opened brought in librsvg, 6 MB of the UI process's RSS. */
static void
on_content_page_changed (LlmWindow *self)
{
  static const struct
  {
    const char *page;
    const char *icon;
  } icons[] = {
    { "empty", "document-open-symbolic" },
    { "mock-report", "emblem-documents-symbolic" },
    { "done", "emblem-ok-symbolic" },
  };
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->content_stack);

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (page, icons[i].page) == 0 && ADW_IS_STATUS_PAGE (child))
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (child), icons[i].icon);
}

void
_llm_window_layout_init (LlmWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_swapped (self->content_stack, "notify::visible-child", G_CALLBACK (on_content_page_changed), self);
  on_content_page_changed (self);

  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width), NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_first_shown), NULL);
  g_signal_connect (self, "notify::focus-visible", G_CALLBACK (on_first_shown), NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_first_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

void
_llm_window_layout_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_question_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_question_activated);
}
