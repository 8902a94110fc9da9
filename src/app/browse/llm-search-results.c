/* llm-search-results.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "llm-question.h"
#include "llm-search.h"
#include "llm-search-results.h"

/* The ranked results of a search, shown in place of the topic tree while
 * the search entry holds a query: title, topic and a snippet with the
 * match in bold. The selection follows the arrow keys of the entry, so the
 * keyboard never has to leave it. */
struct _LlmSearchResults
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *count_label;
  GtkListView *list_view;

  GListStore *store;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (LlmSearchResults, llm_search_results, GTK_TYPE_WIDGET)

enum {
  RESULT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *topic = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");

  gtk_label_set_xalign (GTK_LABEL (topic), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (topic), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (topic, "caption");
  gtk_widget_add_css_class (topic, "accent");

  gtk_label_set_xalign (GTK_LABEL (snippet), 0.0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_widget_add_css_class (snippet, "caption");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), topic);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  LlmSearchResult *result = gtk_list_item_get_item (list_item);
  LlmQuestion *question = llm_search_result_get_question (result);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *topic = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (topic);
  g_autofree char *markup = llm_search_result_get_snippet_markup (result);
  g_autofree char *heading = g_strdup_printf ("%u. %s", llm_question_get_number (question),
                                              llm_question_get_title (question));

  gtk_label_set_label (GTK_LABEL (title), heading);
  gtk_label_set_label (GTK_LABEL (topic), llm_question_get_topic (question));
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_widget_set_visible (snippet, markup[0] != '\0');
}

static void
on_list_activate (LlmSearchResults *self,
                  guint             position,
                  GtkListView      *list_view)
{
  g_autoptr(LlmSearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (result != NULL)
    g_signal_emit (self, signals[RESULT_ACTIVATED], 0, result);
}

static void
llm_search_results_dispose (GObject *object)
{
  LlmSearchResults *self = (LlmSearchResults *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_SEARCH_RESULTS);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (llm_search_results_parent_class)->dispose (object);
}

static void
llm_search_results_class_init (LlmSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_search_results_dispose;

  /**
   * LlmSearchResults::result-activated:
   * @result: the result picked, with Enter or a click
   */
  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LLM_TYPE_SEARCH_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-search-results.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmSearchResults, stack);
  gtk_widget_class_bind_template_child (widget_class, LlmSearchResults, count_label);
  gtk_widget_class_bind_template_child (widget_class, LlmSearchResults, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
llm_search_results_init (LlmSearchResults *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->store = g_list_store_new (LLM_TYPE_SEARCH_RESULT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * llm_search_results_set_results:
 * @results: (element-type LlmSearchResult): ranked results
 * @n_matches: how many questions matched, beyond the ones listed
 */
void
llm_search_results_set_results (LlmSearchResults *self,
                                GPtrArray        *results,
                                guint             n_matches)
{
  g_autofree char *count = NULL;

  g_return_if_fail (LLM_IS_SEARCH_RESULTS (self));
  g_return_if_fail (results != NULL);

  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       results->pdata, results->len);

  if (n_matches > results->len)
    /* Translators: "200 of 1534 results" */
    count = g_strdup_printf (_("%u of %u results"), results->len, n_matches);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n_matches), n_matches);
  gtk_label_set_label (self->count_label, count);

  gtk_stack_set_visible_child_name (self->stack, results->len > 0 ? "results" : "empty");
  if (results->len > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
    }
}

guint
llm_search_results_get_n_items (LlmSearchResults *self)
{
  g_return_val_if_fail (LLM_IS_SEARCH_RESULTS (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

/**
 * llm_search_results_activate_selected:
 *
 * Opens the selected result, as Enter in the search entry does.
 */
void
llm_search_results_activate_selected (LlmSearchResults *self)
{
  guint selected;

  g_return_if_fail (LLM_IS_SEARCH_RESULTS (self));

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    on_list_activate (self, selected, self->list_view);
}

void
llm_search_results_move_selection (LlmSearchResults *self,
                                   int               delta)
{
  guint n, selected;

  g_return_if_fail (LLM_IS_SEARCH_RESULTS (self));

  n = llm_search_results_get_n_items (self);
  if (n == 0)
    return;

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  else
    selected = CLAMP ((int)selected + delta, 0, (int)n - 1);

  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
}
