/* llm-sidebar.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-collection.h"
#include "llm-question.h"
#include "llm-sidebar.h"
#include "llm-topic.h"

/* The topic tree: a list view over a tree list model whose top level is the
 * collection's topics and whose children are each topic's questions. */
struct _LlmSidebar
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkListView *list_view;

  GtkSingleSelection *selection;
  GtkTreeListModel *tree;

  /* Set while the window moves the selection, so that change is not
   * reported back as the user's. */
  gboolean selecting;
};

G_DEFINE_FINAL_TYPE (LlmSidebar, llm_sidebar, GTK_TYPE_WIDGET)

enum {
  QUESTION_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  if (LLM_IS_TOPIC (item))
    return g_object_ref (G_LIST_MODEL (item));

  return NULL;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (number), 1.0);
  /* Numbers line up in a right-aligned column, so titles do too. */
  gtk_label_set_width_chars (GTK_LABEL (number), 2);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "question-number");
  gtk_widget_add_css_class (number, "numeric");

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);

  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), title);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *number = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_last_child (box);
  gpointer item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);

  if (LLM_IS_TOPIC (item))
    {
      gtk_widget_set_visible (number, FALSE);
      gtk_label_set_label (GTK_LABEL (title), llm_topic_get_title (item));
      gtk_widget_add_css_class (box, "topic-row");
      gtk_widget_set_tooltip_text (box, NULL);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%u", llm_question_get_number (item));

      gtk_widget_set_visible (number, TRUE);
      gtk_label_set_label (GTK_LABEL (number), text);
      gtk_label_set_label (GTK_LABEL (title), llm_question_get_title (item));
      gtk_widget_remove_css_class (box, "topic-row");
      /* Long questions are cut in the row; the tooltip shows all of it. */
      gtk_widget_set_tooltip_text (box, llm_question_get_title (item));
    }

  g_object_unref (item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static gpointer
dup_row_item (LlmSidebar *self,
              guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
on_selection_changed (LlmSidebar         *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  g_autoptr(GObject) item = NULL;
  guint selected = gtk_single_selection_get_selected (selection);

  if (self->selecting || selected == GTK_INVALID_LIST_POSITION)
    return;

  item = dup_row_item (self, selected);
  if (LLM_IS_QUESTION (item))
    g_signal_emit (self, signals[QUESTION_SELECTED], 0, item);
}

static void
on_list_activate (LlmSidebar  *self,
                  guint        position,
                  GtkListView *list_view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  if (LLM_IS_TOPIC (item))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (LLM_IS_QUESTION (item))
    g_signal_emit (self, signals[QUESTION_SELECTED], 0, item);
}

static void
llm_sidebar_dispose (GObject *object)
{
  LlmSidebar *self = (LlmSidebar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);

  G_OBJECT_CLASS (llm_sidebar_parent_class)->dispose (object);
}

static void
llm_sidebar_class_init (LlmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_sidebar_dispose;

  /**
   * LlmSidebar::question-selected:
   * @question: the question the user picked
   */
  signals[QUESTION_SELECTED] =
    g_signal_new ("question-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LLM_TYPE_QUESTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, scroller);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void
llm_sidebar_init (LlmSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
llm_sidebar_new (void)
{
  return g_object_new (LLM_TYPE_SIDEBAR, NULL);
}

void
llm_sidebar_set_collection (LlmSidebar    *self,
                            LlmCollection *collection)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (!collection || LLM_IS_COLLECTION (collection));

  g_clear_object (&self->tree);
  if (collection != NULL)
    self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (collection)),
                                          FALSE, TRUE, create_child_model, NULL, NULL);

  self->selecting = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  self->selecting = FALSE;
}

static guint
find_row (LlmSidebar *self,
          gpointer    wanted)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = dup_row_item (self, i);

      if (item == wanted)
        return i;

      /* A collapsed topic hides its questions: open the one that holds it. */
      if (LLM_IS_TOPIC (item) && LLM_IS_QUESTION (wanted) &&
          g_strcmp0 (llm_topic_get_title (LLM_TOPIC (item)), llm_question_get_topic (wanted)) == 0)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);

          gtk_tree_list_row_set_expanded (row, TRUE);
          n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
        }
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * llm_sidebar_select_question:
 *
 * Selects and scrolls to @question without reporting it as picked.
 */
void
llm_sidebar_select_question (LlmSidebar  *self,
                             LlmQuestion *question)
{
  guint position;

  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (LLM_IS_QUESTION (question));

  if (self->tree == NULL)
    return;

  position = find_row (self, question);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

guint
llm_sidebar_get_n_rows (LlmSidebar *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), 0);

  return self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
}

/**
 * llm_sidebar_get_n_topics:
 *
 * Returns: how many topic rows the tree shows
 */
guint
llm_sidebar_get_n_topics (LlmSidebar *self)
{
  guint n_rows, n_topics = 0;

  g_return_val_if_fail (LLM_IS_SIDEBAR (self), 0);

  n_rows = llm_sidebar_get_n_rows (self);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GObject) item = dup_row_item (self, i);

      n_topics += LLM_IS_TOPIC (item);
    }

  return n_topics;
}
