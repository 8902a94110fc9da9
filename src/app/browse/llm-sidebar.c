/* llm-sidebar.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "llm-bookmarks.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-sidebar.h"
#include "llm-stats.h"
#include "llm-text.h"
#include "llm-study.h"
#include "llm-topic.h"

/* The topic tree: a list view over a tree list model whose top level is the
 * collection's topics and whose children are each topic's questions. */
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

  LlmCollection *collection;
  LlmBookmarks *bookmarks;
  LlmStudy *study;
  GtkSingleSelection *selection;
  GtkTreeListModel *tree;
  GtkFilter *question_filter;
  GtkFilter *topic_filter;
  GHashTable *notes;   /* id → first line of the note */

  /* What the tree shows: every question, or only the starred ones, those
   * with a note, those due. The question shown (current) stays in any
   * filtered view, so switching filters never loses the reader's place. */
  LlmSidebarFilter filter;
  LlmQuestion *current;

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

G_DEFINE_FINAL_TYPE (LlmSidebar, llm_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BOOKMARKS_ONLY,
  PROP_NOTES_ONLY,
  PROP_FILTER,
  N_PROPS
};

static const char * const filter_names[] = { "all", "starred", "notes", "due" };

enum {
  QUESTION_SELECTED,
  QUESTION_ACTIVATED,
  MARKS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_bookmarked (LlmSidebar *self,
               const char *id)
{
  return id != NULL && self->bookmarks != NULL && llm_bookmarks_contains (self->bookmarks, id);
}

static gboolean
is_due (LlmSidebar *self,
        const char *id)
{
  return self->study != NULL &&
         llm_study_get_state (self->study, id, g_get_real_time () / G_USEC_PER_SEC) == LLM_STUDY_DUE;
}

static gboolean
passes_filter (LlmSidebar  *self,
               LlmQuestion *question)
{
  const char *id = llm_question_get_id (question);

  switch (self->filter)
    {
    case LLM_SIDEBAR_FILTER_STARRED:
      return is_bookmarked (self, id);
    case LLM_SIDEBAR_FILTER_NOTES:
      return g_hash_table_contains (self->notes, id);
    case LLM_SIDEBAR_FILTER_DUE:
      return llm_question_is_card (question) && is_due (self, id);
    case LLM_SIDEBAR_FILTER_ALL:
    default:
      return TRUE;
    }
}

/* The filter of the starred, notes and due views. */
static gboolean
is_shown (gpointer item,
          gpointer user_data)
{
  LlmSidebar *self = user_data;

  return item == (gpointer)self->current || passes_filter (self, item);
}

/* A topic is shown while any of its questions is; a group while any of
 * its topics is. */
static gboolean
has_bookmarks (gpointer item,
               gpointer user_data)
{
  GListModel *topic = item;
  guint n = g_list_model_get_n_items (topic);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (topic, i);

      if (LLM_IS_TOPIC (child) ? has_bookmarks (child, user_data) : is_shown (child, user_data))
        return TRUE;
    }

  return FALSE;
}

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  LlmSidebar *self = user_data;

  if (!LLM_IS_TOPIC (item))
    return NULL;

  if (self->filter != LLM_SIDEBAR_FILTER_ALL)
    return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (item)),
                                                    g_object_ref (llm_topic_is_group (item)
                                                                  ? self->topic_filter
                                                                  : self->question_filter)));

  return g_object_ref (G_LIST_MODEL (item));
}

static void
count_known (LlmSidebar *self,
             GListModel *topic,
             guint      *n_known,
             guint      *n_total)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n = g_list_model_get_n_items (topic);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (topic, i);

      if (LLM_IS_TOPIC (item))
        count_known (self, G_LIST_MODEL (item), n_known, n_total);
      else if (llm_question_is_card (LLM_QUESTION (item)))
        {
          *n_total += 1;
          *n_known += llm_study_get_state (self->study, llm_question_get_id (LLM_QUESTION (item)), now) == LLM_STUDY_KNOWN;
        }
    }
}

/* gtk_widget_set_tooltip_text() asks the X server where the pointer is,
 * a round trip for every row bound while scrolling or opening a big
 * collection (~0.3 s for 9,000 questions). Rows keep their text here and
 * hand it over only when a tooltip is actually wanted. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "tooltip-text");

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
track_tooltip (GtkWidget *widget)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), "tooltip-text", g_strdup (text), g_free);
}

/* A topic's row says how much of it is known, "2/5 known", in the green
 * of a known question's mark. */
static void
update_readiness (GtkWidget *row_box)
{
  LlmSidebar *self = g_object_get_data (G_OBJECT (row_box), "sidebar");
  GtkWidget *readiness = g_object_get_data (G_OBJECT (row_box), "readiness");
  LlmTopic *topic = g_object_get_data (G_OBJECT (row_box), "topic");
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  guint known = 0, total = 0;

  if (topic != NULL && self->study != NULL)
    count_known (self, G_LIST_MODEL (topic), &known, &total);
  gtk_widget_set_visible (readiness, total > 0);
  if (total == 0)
    return;

  /* Translators: a topic's readiness in the tree, "2/5 known"; keep it short */
  text = g_strdup_printf (_("%u/%u known"), known, total);
  gtk_label_set_label (GTK_LABEL (readiness), text);
  /* Translators: a topic's readiness in the tree, "3 of 5 questions known" */
  label = g_strdup_printf (_("%u of %u questions known"), known, total);
  set_tooltip (readiness, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (readiness), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Row layout: [number] [title, up to two lines / note preview] [state pill]
 * [note mark] [star]. A topic's row: [title] [2/5 known]. */
static void
update_marks (GtkWidget *row_box)
{
  static const char * const state_classes[] = { "state-new", "state-learning", "state-due", "state-known" };
  static const char * const state_names[] = { N_("New"), N_("Learning"), N_("Due"), N_("Known") };
  LlmSidebar *self = g_object_get_data (G_OBJECT (row_box), "sidebar");
  const char *id = g_object_get_data (G_OBJECT (row_box), "question-id");
  gboolean card = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row_box), "card"));
  GtkWidget *star = g_object_get_data (G_OBJECT (row_box), "star");
  GtkWidget *note_mark = g_object_get_data (G_OBJECT (row_box), "note-mark");
  GtkWidget *preview = g_object_get_data (G_OBJECT (row_box), "preview");
  GtkWidget *pill = g_object_get_data (G_OBJECT (row_box), "state-pill");
  const char *note = id ? g_hash_table_lookup (self->notes, id) : NULL;
  LlmStudyState state = LLM_STUDY_NEW;

  update_readiness (row_box);
  gtk_widget_set_visible (star, is_bookmarked (self, id));
  gtk_widget_set_visible (note_mark, note != NULL);
  gtk_label_set_label (GTK_LABEL (preview), note ? note : "");
  gtk_widget_set_visible (preview, note != NULL && self->filter == LLM_SIDEBAR_FILTER_NOTES);

  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (pill, state_classes[i]);
  if (id != NULL && card && self->study != NULL)
    state = llm_study_get_state (self->study, id, g_get_real_time () / G_USEC_PER_SEC);

  /* A new question has no mark: most are new, and a mark on each would
   * say nothing. The others say their state in words, known as a tick. */
  gtk_widget_set_visible (pill, state != LLM_STUDY_NEW);
  if (state == LLM_STUDY_NEW)
    return;

  gtk_widget_add_css_class (pill, state_classes[state]);
  /* Translators: the mark of a known question in the tree */
  gtk_label_set_label (GTK_LABEL (pill), state == LLM_STUDY_KNOWN ? C_("state", "✓") : _(state_names[state]));
  set_tooltip (pill, _(state_names[state]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pill), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(state_names[state]), -1);
}

static void
on_row_marks_changed (GtkWidget  *row_box,
                      const char *id,
                      LlmSidebar *self)
{
  /* Topic rows sum up their questions: any change may move them. */
  if (id == NULL || g_object_get_data (G_OBJECT (row_box), "topic") != NULL ||
      g_strcmp0 (id, g_object_get_data (G_OBJECT (row_box), "question-id")) == 0)
    update_marks (row_box);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  LlmSidebar *self = user_data;
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *preview = gtk_label_new (NULL);
  GtkWidget *note_mark = gtk_image_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");
  GtkWidget *pill = gtk_label_new (NULL);
  GtkWidget *readiness = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (number), 1.0);
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "question-number");
  gtk_widget_add_css_class (number, "numeric");

  /* A long question takes a second line before it is cut (the tooltip
   * shows all of it): a dozen CJK characters say too little. */
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (title), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 60);
  gtk_widget_set_hexpand (title, TRUE);

  gtk_widget_add_css_class (star, "bookmark-star");
  gtk_widget_set_visible (star, FALSE);
  gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (star),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bookmarked"),
                                  -1);

  gtk_label_set_xalign (GTK_LABEL (preview), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (preview), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (preview, "dim-label");
  gtk_widget_add_css_class (preview, "caption");
  gtk_widget_set_visible (preview, FALSE);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text_box), title);
  gtk_box_append (GTK_BOX (text_box), preview);

  gtk_widget_add_css_class (note_mark, "note-mark");
  gtk_widget_add_css_class (note_mark, "dim-label");
  gtk_widget_set_visible (note_mark, FALSE);
  gtk_widget_set_valign (note_mark, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note_mark),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Has a note"),
                                  -1);

  /* Learning, due or known, in words: a small pill after the title. */
  gtk_widget_add_css_class (pill, "state-pill");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (pill, FALSE);

  gtk_widget_add_css_class (readiness, "readiness");
  gtk_widget_add_css_class (readiness, "numeric");
  gtk_widget_set_valign (readiness, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (readiness, FALSE);

  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), pill);
  gtk_box_append (GTK_BOX (box), note_mark);
  gtk_box_append (GTK_BOX (box), readiness);
  gtk_box_append (GTK_BOX (box), star);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
  track_tooltip (box);
  track_tooltip (readiness);
  track_tooltip (pill);

  /* Rows are recycled; each follows the bookmarks for whatever question it
   * shows at the moment. */
  g_object_set_data (G_OBJECT (box), "sidebar", self);
  g_object_set_data (G_OBJECT (box), "number", number);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "star", star);
  g_object_set_data (G_OBJECT (box), "note-mark", note_mark);
  g_object_set_data (G_OBJECT (box), "preview", preview);
  g_object_set_data (G_OBJECT (box), "state-pill", pill);
  g_object_set_data (G_OBJECT (box), "readiness", readiness);
  g_signal_connect_object (self, "marks-changed",
                           G_CALLBACK (on_row_marks_changed), box, G_CONNECT_SWAPPED);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *number = g_object_get_data (G_OBJECT (box), "number");
  GtkWidget *title = g_object_get_data (G_OBJECT (box), "title");
  gpointer item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);

  if (LLM_IS_TOPIC (item))
    {
      g_autofree char *shown = llm_text_display_title (llm_topic_get_title (item));

      gtk_widget_set_visible (number, FALSE);
      gtk_label_set_label (GTK_LABEL (title), shown);
      gtk_widget_add_css_class (box, "topic-row");
      set_tooltip (box, NULL);
      g_object_set_data (G_OBJECT (box), "question-id", NULL);
      g_object_set_data_full (G_OBJECT (box), "topic", g_object_ref (item), g_object_unref);
    }
  else
    {
      /* A page is read, not asked: no number, and (update_marks) no state. */
      g_autofree char *text = llm_question_is_card (item)
        ? g_strdup_printf ("%u", llm_question_get_number (item)) : g_strdup ("");
      g_autofree char *shown = llm_question_dup_display_title (item);

      gtk_widget_set_visible (number, TRUE);
      gtk_label_set_label (GTK_LABEL (number), text);
      gtk_label_set_label (GTK_LABEL (title), shown);
      gtk_widget_remove_css_class (box, "topic-row");
      /* Long questions are cut in the row; the tooltip shows all of it. */
      set_tooltip (box, shown);
      g_object_set_data_full (G_OBJECT (box), "question-id",
                              g_strdup (llm_question_get_id (item)), g_free);
      g_object_set_data (G_OBJECT (box), "card", GINT_TO_POINTER (llm_question_is_card (item)));
      g_object_set_data (G_OBJECT (box), "topic", NULL);
    }

  update_marks (box);
  g_object_unref (item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
  /* An unbound row must not keep (or update) what it showed. */
  g_object_set_data (G_OBJECT (box), "topic", NULL);
  g_object_set_data (G_OBJECT (box), "question-id", NULL);
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
    {
      g_signal_emit (self, signals[QUESTION_SELECTED], 0, item);
      g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, item);
    }
}

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

static void
focus_row_soon (LlmSidebar *self,
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

static gboolean
focus_is_inside (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The tree takes the focus on the question selected, wherever the list's
 * cursor was left. */
static gboolean
llm_sidebar_grab_focus (GtkWidget *widget)
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
    focus_row_soon (self, selected);
  return TRUE;
}

/* The tree is one stop in the Tab order, as a tree view is: arrows move
 * inside it, Tab leaves it. GTK 4.8's list view otherwise makes every row
 * a Tab stop, 34 presses to get past the bundled notes (GtkListView's
 * tab-behavior property, which fixes this, is GTK 4.12). */
static gboolean
llm_sidebar_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (llm_sidebar_parent_class)->focus (widget, direction);

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static void
llm_sidebar_dispose (GObject *object)
{
  LlmSidebar *self = (LlmSidebar *)object;

  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_tick);
  self->focus_tick = 0;
  g_clear_handle_id (&self->plan_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->collection);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->study);
  g_clear_object (&self->current);
  g_clear_object (&self->question_filter);
  g_clear_object (&self->topic_filter);
  g_clear_pointer (&self->notes, g_hash_table_unref);

  G_OBJECT_CLASS (llm_sidebar_parent_class)->dispose (object);
}

static void
llm_sidebar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlmSidebar *self = LLM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKS_ONLY:
      g_value_set_boolean (value, self->filter == LLM_SIDEBAR_FILTER_STARRED);
      break;

    case PROP_NOTES_ONLY:
      g_value_set_boolean (value, self->filter == LLM_SIDEBAR_FILTER_NOTES);
      break;

    case PROP_FILTER:
      g_value_set_string (value, filter_names[self->filter]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_sidebar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LlmSidebar *self = LLM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKS_ONLY:
      llm_sidebar_set_bookmarks_only (self, g_value_get_boolean (value));
      break;

    case PROP_NOTES_ONLY:
      llm_sidebar_set_notes_only (self, g_value_get_boolean (value));
      break;

    case PROP_FILTER:
      for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
        if (g_strcmp0 (g_value_get_string (value), filter_names[i]) == 0)
          llm_sidebar_set_filter (self, i);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_sidebar_class_init (LlmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_sidebar_dispose;
  object_class->get_property = llm_sidebar_get_property;
  object_class->set_property = llm_sidebar_set_property;

  widget_class->grab_focus = llm_sidebar_grab_focus;
  widget_class->focus = llm_sidebar_focus;

  properties[PROP_BOOKMARKS_ONLY] =
    g_param_spec_boolean ("bookmarks-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES_ONLY] =
    g_param_spec_boolean ("notes-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LlmSidebar:filter:
   *
   * What the tree shows: "all", "starred", "notes" (with a note) or
   * "due"; the question shown stays in any of them.
   */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlmSidebar::question-selected:
   * @question: the question the user picked
   */
  signals[QUESTION_SELECTED] =
    g_signal_new ("question-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LLM_TYPE_QUESTION);

  /**
   * LlmSidebar::question-activated:
   * @question: the question the user opened with Enter (or a double
   *   click), after #LlmSidebar::question-selected
   */
  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LLM_TYPE_QUESTION);

  /* Internal: the rows showing @id (all rows for %NULL) redraw their
   * marks. */
  signals[MARKS_CHANGED] =
    g_signal_new ("marks-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, plan_box);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, plan_label);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, filter_box);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, tree_box);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, scroller);
  gtk_widget_class_bind_template_child (widget_class, LlmSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  /* The filter buttons' action: a radio group over the property. */
  gtk_widget_class_install_property_action (widget_class, "sidebar.filter", "filter");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
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

static void
llm_sidebar_init (LlmSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
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

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pointer_pressed), self);
    g_signal_connect_swapped (click, "released", G_CALLBACK (on_pointer_released), self);
    g_signal_connect_swapped (click, "stopped", G_CALLBACK (on_pointer_released), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  }

  g_date_clear (&self->interview, 1);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->question_filter = GTK_FILTER (gtk_custom_filter_new (is_shown, self, NULL));
  self->topic_filter = GTK_FILTER (gtk_custom_filter_new (has_bookmarks, self, NULL));
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

GtkWidget *
llm_sidebar_new (void)
{
  return g_object_new (LLM_TYPE_SIDEBAR, NULL);
}

/* The interview plan ------------------------------------------------------- */

static char *
format_plan (const LlmStatsPlan *plan)
{
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;
  guint needed = plan->n_unreviewed + plan->n_fading;
  /* A fraction of a review is still a review to do. */
  guint per_day = (guint)ceil (plan->per_day - 1e-9);

  if (plan->days_left < 0)
    return g_strdup (_("The interview date has passed"));

  if (plan->days_left == 0)
    when = g_strdup (_("Interview today"));
  else if (plan->days_left == 1)
    when = g_strdup (_("Interview tomorrow"));
  else
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Interview in %d day", "Interview in %d days",
                                         plan->days_left),
                            plan->days_left);

  if (needed == 0)
    what = g_strdup (_("On track"));
  else
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review a day", "%u reviews a day", per_day),
                            per_day);

  /* Translators: the interview plan over the tree, "Interview in 14 days · 3 reviews a day" */
  return g_strdup_printf (C_("plan", "%s · %s"), when, what);
}

static char *
format_plan_tooltip (const LlmStatsPlan *plan)
{
  if (plan->days_left < 0)
    return g_strdup (_("Set the date of the next one to plan for it"));
  if (plan->behind_by == 0)
    return g_strdup (_("On track"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind by %u review a day",
                                       "Behind by %u reviews a day", plan->behind_by),
                          plan->behind_by);
}

static gboolean
update_plan (gpointer data)
{
  LlmSidebar *self = data;
  g_autoptr(LlmStats) stats = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  LlmStatsPlan plan;
  gboolean shown = self->collection != NULL && self->study != NULL && g_date_valid (&self->interview);

  self->plan_idle = 0;
  gtk_widget_set_visible (self->plan_box, shown);
  if (!shown)
    return G_SOURCE_REMOVE;

  /* The same plan as the statistics page's, in a line. */
  stats = llm_stats_compute (self->collection, self->study, llm_study_get_log (self->study),
                             NULL, g_get_real_time () / G_USEC_PER_SEC);
  llm_stats_plan (stats, self->collection, self->study, &self->interview, &plan);
  text = format_plan (&plan);
  tooltip = format_plan_tooltip (&plan);
  gtk_label_set_label (self->plan_label, text);
  /* Behind or on track, in the tooltip: at the start everyone is behind,
   * and a warning colour on every first look would say little. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_label), tooltip);

  return G_SOURCE_REMOVE;
}

/* Reviews come in bursts (a replay of the log, a sitting): the plan is
 * counted once after them. */
static void
update_plan_soon (LlmSidebar *self)
{
  if (self->plan_idle == 0)
    self->plan_idle = g_idle_add_full (G_PRIORITY_LOW, update_plan, self, NULL);
}

/**
 * llm_sidebar_set_interview_date:
 * @date: (nullable): the interview day, or %NULL for none
 *
 * Shows the plan for the interview over the tree ("Interview in 14 days ·
 * 3 reviews a day"), with a button that starts a self-test; nothing
 * without a date.
 */
void
llm_sidebar_set_interview_date (LlmSidebar  *self,
                                const GDate *date)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (date != NULL)
    self->interview = *date;
  else
    g_date_clear (&self->interview, 1);
  update_plan_soon (self);
}

/* The filter's empty state ------------------------------------------------ */

/* Whether any question passes the filter, the one shown (kept whatever
 * the filter) apart. */
static gboolean
filter_matches_any (LlmSidebar *self)
{
  guint n = self->collection ? llm_collection_get_n_questions (self->collection) : 0;

  for (guint i = 0; i < n; i++)
    if (passes_filter (self, llm_collection_get_question (self->collection, i)))
      return TRUE;

  return FALSE;
}

/* A filter that matches nothing says so, and how to change that, under
 * the question shown (which it keeps) rather than leave a bare list. */
static void
update_empty_state (LlmSidebar *self)
{
  static const struct {
    const char *icon;
    const char *title;
    const char *description;
  } pages[] = {
    [LLM_SIDEBAR_FILTER_STARRED] = { "starred-symbolic", N_("No Starred Questions"),
                                     N_("Press Ctrl+D or the star button to bookmark the question shown") },
    [LLM_SIDEBAR_FILTER_NOTES] = { "document-edit-symbolic", N_("No Questions With Notes"),
                                   N_("Press Ctrl+E to write your own note beside an answer") },
    [LLM_SIDEBAR_FILTER_DUE] = { "emblem-default-symbolic", N_("Nothing Due"),
                                 N_("Questions come due here once you have reviewed them in a self-test (Ctrl+T)") },
  };
  gboolean no_rows = llm_sidebar_get_n_rows (self) == 0;
  gboolean empty = self->filter != LLM_SIDEBAR_FILTER_ALL && self->collection != NULL &&
                   !filter_matches_any (self);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty);
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), !(empty && no_rows));
  /* The kept row takes what it needs, the page the rest. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), !empty);
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, empty ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  if (!empty)
    return;

  adw_status_page_set_icon_name (self->empty_page, pages[self->filter].icon);
  adw_status_page_set_title (self->empty_page, _(pages[self->filter].title));
  adw_status_page_set_description (self->empty_page, _(pages[self->filter].description));
}

#define AUTOEXPAND_MAX_QUESTIONS 500

static void
rebuild_tree (LlmSidebar *self)
{
  GListModel *root = NULL;

  g_clear_object (&self->tree);
  if (self->collection != NULL)
    {
      /* Topics, and for a folder, groups of topics. */
      root = g_object_ref (llm_collection_get_tree (self->collection));
      if (self->filter != LLM_SIDEBAR_FILTER_ALL)
        root = G_LIST_MODEL (gtk_filter_list_model_new (root, g_object_ref (self->topic_filter)));
      /* Every row of a big collection expanded would take ~0.3 s to make
       * and a long scroll to get through; there, only the way to the
       * question shown is opened (find_row()). */
      self->tree = gtk_tree_list_model_new (root, FALSE,
                                            llm_collection_get_n_questions (self->collection) <= AUTOEXPAND_MAX_QUESTIONS,
                                            create_child_model, self, NULL);
      g_signal_connect_object (self->tree, "items-changed",
                               G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
    }

  self->selecting = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  self->selecting = FALSE;

  update_empty_state (self);
}

void
llm_sidebar_set_collection (LlmSidebar    *self,
                            LlmCollection *collection)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (!collection || LLM_IS_COLLECTION (collection));

  g_set_object (&self->collection, collection);
  rebuild_tree (self);
  update_plan_soon (self);
}

static void
marks_changed (LlmSidebar *self,
               const char *id)
{
  g_signal_emit (self, signals[MARKS_CHANGED], 0, id);

  if (self->filter != LLM_SIDEBAR_FILTER_ALL)
    {
      gtk_filter_changed (self->question_filter, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (self->topic_filter, GTK_FILTER_CHANGE_DIFFERENT);
      /* The question shown stays: the rows may not change when the last
       * match goes. */
      update_empty_state (self);
    }
}

static void
on_bookmarks_changed (LlmSidebar   *self,
                      const char   *id,
                      LlmBookmarks *bookmarks)
{
  marks_changed (self, id);
}

/**
 * llm_sidebar_set_note_preview:
 * @preview: (nullable): the first line of @id's note, or %NULL if it has
 *   none
 */
void
llm_sidebar_set_note_preview (LlmSidebar *self,
                              const char *id,
                              const char *preview)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (id != NULL);

  if (g_strcmp0 (g_hash_table_lookup (self->notes, id), preview) == 0 &&
      (preview != NULL) == g_hash_table_contains (self->notes, id))
    return;

  if (preview != NULL)
    g_hash_table_replace (self->notes, g_strdup (id), g_strdup (preview));
  else
    g_hash_table_remove (self->notes, id);

  marks_changed (self, id);
}

gboolean
llm_sidebar_get_notes_only (LlmSidebar *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), FALSE);

  return self->filter == LLM_SIDEBAR_FILTER_NOTES;
}

/**
 * llm_sidebar_set_notes_only:
 *
 * Shows only the questions with a note, each with its first line: the
 * "With Notes" filter (%FALSE shows all).
 */
void
llm_sidebar_set_notes_only (LlmSidebar *self,
                            gboolean    notes_only)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));

  if (notes_only)
    llm_sidebar_set_filter (self, LLM_SIDEBAR_FILTER_NOTES);
  else if (self->filter == LLM_SIDEBAR_FILTER_NOTES)
    llm_sidebar_set_filter (self, LLM_SIDEBAR_FILTER_ALL);
}

/**
 * llm_sidebar_set_bookmarks:
 *
 * Sets where the stars in the tree and the bookmarks filter come from;
 * call it before llm_sidebar_set_collection().
 */
void
llm_sidebar_set_bookmarks (LlmSidebar   *self,
                           LlmBookmarks *bookmarks)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (LLM_IS_BOOKMARKS (bookmarks));
  g_return_if_fail (self->bookmarks == NULL);

  self->bookmarks = g_object_ref (bookmarks);
  g_signal_connect_object (bookmarks, "changed",
                           G_CALLBACK (on_bookmarks_changed), self, G_CONNECT_SWAPPED);
}

static void
on_study_changed (LlmSidebar *self,
                  const char *id,
                  LlmStudy   *study)
{
  /* A NULL id (a whole replay of the log) reaches every row. */
  g_signal_emit (self, signals[MARKS_CHANGED], 0, id);

  if (self->filter == LLM_SIDEBAR_FILTER_DUE)
    {
      gtk_filter_changed (self->question_filter, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (self->topic_filter, GTK_FILTER_CHANGE_DIFFERENT);
      update_empty_state (self);
    }
  update_plan_soon (self);
}

/**
 * llm_sidebar_set_study:
 *
 * Where each question's state (new, learning, due, known) comes from.
 */
void
llm_sidebar_set_study (LlmSidebar *self,
                       LlmStudy   *study)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (LLM_IS_STUDY (study));

  g_set_object (&self->study, study);
  g_signal_connect_object (study, "changed", G_CALLBACK (on_study_changed), self, G_CONNECT_SWAPPED);
  update_plan_soon (self);
}

gboolean
llm_sidebar_get_bookmarks_only (LlmSidebar *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), FALSE);

  return self->filter == LLM_SIDEBAR_FILTER_STARRED;
}

/**
 * llm_sidebar_set_bookmarks_only:
 *
 * Shows only bookmarked questions, still grouped by topic: the "Starred"
 * filter (%FALSE shows all).
 */
void
llm_sidebar_set_bookmarks_only (LlmSidebar *self,
                                gboolean    bookmarks_only)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));

  if (bookmarks_only)
    llm_sidebar_set_filter (self, LLM_SIDEBAR_FILTER_STARRED);
  else if (self->filter == LLM_SIDEBAR_FILTER_STARRED)
    llm_sidebar_set_filter (self, LLM_SIDEBAR_FILTER_ALL);
}

LlmSidebarFilter
llm_sidebar_get_filter (LlmSidebar *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR (self), LLM_SIDEBAR_FILTER_ALL);

  return self->filter;
}

static void select_current (LlmSidebar *self);

/**
 * llm_sidebar_set_filter:
 *
 * Shows all questions, or only the starred ones, those with a note or
 * those due, still grouped by topic. The question shown stays, selected
 * and scrolled into view.
 */
void
llm_sidebar_set_filter (LlmSidebar       *self,
                        LlmSidebarFilter  filter)
{
  LlmSidebarFilter old;

  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (filter <= LLM_SIDEBAR_FILTER_DUE);

  if (self->filter == filter)
    return;

  old = self->filter;
  self->filter = filter;
  /* The rows go with the old tree: the focus comes back on the new one. */
  self->focus_tree = focus_is_inside (GTK_WIDGET (self->list_view));
  rebuild_tree (self);
  /* The note previews come and go with the notes filter. */
  g_signal_emit (self, signals[MARKS_CHANGED], 0, NULL);
  select_current (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  if (old == LLM_SIDEBAR_FILTER_STARRED || filter == LLM_SIDEBAR_FILTER_STARRED)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKS_ONLY]);
  if (old == LLM_SIDEBAR_FILTER_NOTES || filter == LLM_SIDEBAR_FILTER_NOTES)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES_ONLY]);
}

/**
 * llm_sidebar_get_neighbour:
 * @offset: +1 for the next question, -1 for the previous one
 *
 * Next and previous walk the questions the filter shows, in the
 * collection's order, from @question (shown or not).
 *
 * Returns: (transfer none) (nullable): the question, or %NULL at an end
 */
LlmQuestion *
llm_sidebar_get_neighbour (LlmSidebar  *self,
                           LlmQuestion *question,
                           int          offset)
{
  guint n, position;

  g_return_val_if_fail (LLM_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (LLM_IS_QUESTION (question), NULL);
  g_return_val_if_fail (offset == 1 || offset == -1, NULL);

  if (self->collection == NULL)
    return NULL;
  if (self->filter == LLM_SIDEBAR_FILTER_ALL)
    return llm_collection_get_neighbour (self->collection, question, offset);

  n = llm_collection_get_n_questions (self->collection);
  position = llm_collection_get_position (self->collection, question);
  if (position >= n)
    return NULL;

  for (gint64 i = (gint64)position + offset; i >= 0 && i < n; i += offset)
    {
      LlmQuestion *candidate = llm_collection_get_question (self->collection, (guint)i);

      if (passes_filter (self, candidate))
        return candidate;
    }

  return NULL;
}

static guint
find_row (LlmSidebar  *self,
          LlmQuestion *wanted)
{
  LlmTopic *topic = llm_collection_get_parent (self->collection, G_OBJECT (wanted));
  LlmTopic *group = topic ? llm_collection_get_parent (self->collection, G_OBJECT (topic)) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = dup_row_item (self, i);

      if (item == G_OBJECT (wanted))
        return i;

      /* A collapsed topic (or group) hides the question: open the way to it. */
      if (item != NULL && (item == G_OBJECT (topic) || item == G_OBJECT (group)))
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);

          gtk_tree_list_row_set_expanded (row, TRUE);
          n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
        }
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
select_current (LlmSidebar *self)
{
  guint position;

  if (self->tree == NULL || self->current == NULL)
    return;

  position = find_row (self, self->current);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  /* A keyboard user in the tree carries on from the question shown (after
   * Ctrl+Page Down, Back, a search, a filter), not from where the cursor
   * was. */
  if (self->focus_tree || focus_is_inside (GTK_WIDGET (self->list_view)))
    focus_row_soon (self, position);
  self->focus_tree = FALSE;
}

/**
 * llm_sidebar_select_question:
 *
 * Selects and scrolls to @question without reporting it as picked; it
 * stays in the tree whatever the filter until another is selected.
 */
void
llm_sidebar_select_question (LlmSidebar  *self,
                             LlmQuestion *question)
{
  g_return_if_fail (LLM_IS_SIDEBAR (self));
  g_return_if_fail (LLM_IS_QUESTION (question));

  if (g_set_object (&self->current, question) && self->filter != LLM_SIDEBAR_FILTER_ALL)
    {
      /* The question left behind drops out if the filter does not take it. */
      self->selecting = TRUE;
      gtk_filter_changed (self->question_filter, GTK_FILTER_CHANGE_DIFFERENT);
      gtk_filter_changed (self->topic_filter, GTK_FILTER_CHANGE_DIFFERENT);
      self->selecting = FALSE;
    }

  select_current (self);
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

      n_topics += LLM_IS_TOPIC (item) && !llm_topic_is_group (LLM_TOPIC (item));
    }

  return n_topics;
}
