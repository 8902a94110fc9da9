/* llm-sidebar-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "llm-sidebar.h"

G_BEGIN_DECLS

/* The topic tree: a list view over the sidebar model's tree list model,
 * whose top level is the collection's topics and whose children are each
 * topic's questions, one LlmSidebarRow each; the filter buttons, the
 * filter's empty state, and the interview plan over the tree. */
struct _LlmSidebar
{
  GtkWidget parent_instance;

  GtkWidget *plan_box;
  GtkLabel *plan_label;
  GtkWidget *filter_box;
  GtkWidget *tree_box;
  AdwStatusPage *empty_page;
  GtkScrolledWindow *scroller;
  GtkListView *list_view;

  LlmSidebarModel *model;
  GtkSingleSelection *selection;

  /* Set while the window moves the selection, so that change is not
   * reported back as the user's. */
  gboolean selecting;
  /* Between a pointer press on the list and just after its release. */
  gboolean pointer_down;
  /* The focus goes to the current row once the list has made it. */
  gboolean focus_tree;
  guint focus_tick;
  guint focus_position;
  guint focus_tries;

  /* The interview day (cleared when none is set) and the plan's next
   * count, after a burst of reviews. */
  GDate interview;
  guint plan_idle;
};

void     _llm_sidebar_focus_row_soon  (LlmSidebar *self,
                                      guint       position);
void     _llm_sidebar_focus_stop      (LlmSidebar *self);
gboolean _llm_sidebar_focus_is_inside (GtkWidget  *widget);
gboolean _llm_sidebar_grab_focus      (GtkWidget  *widget);
void     _llm_sidebar_track_pointer   (LlmSidebar *self);

G_END_DECLS
