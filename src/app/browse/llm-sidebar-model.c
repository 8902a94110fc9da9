/* llm-sidebar-model.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-collection.h"
#include "llm-question.h"
#include "llm-sidebar-model.h"
#include "llm-topic.h"

/* What the topic tree shows, apart from how it shows it: the tree list
 * model over the collection's topics (filtered to the starred, noted or
 * due questions), and what each row marks: a star, a note's first line,
 * a study state. It says when marks change ("marks-changed", for the rows)
 * and when the filter has been run again ("refiltered", for the empty
 * state), so the sidebar and its rows only observe it. */
struct _LlmSidebarModel
{
  GObject parent_instance;

  LlmCollection *collection;
  LlmBookmarks *bookmarks;
  LlmStudy *study;
  GtkTreeListModel *tree;
  GtkFilter *question_filter;
  GtkFilter *topic_filter;
  GHashTable *notes;   /* id → first line of the note */

  /* The question shown (current) stays in any filtered view, so switching
   * filters never loses the reader's place. */
  LlmSidebarFilter filter;
  LlmQuestion *current;
};

G_DEFINE_FINAL_TYPE (LlmSidebarModel, llm_sidebar_model, G_TYPE_OBJECT)

enum {
  MARKS_CHANGED,
  REFILTERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every row of a big collection expanded would take ~0.3 s to make and a
 * long scroll to get through; there, only the way to the question shown
 * is opened (by the sidebar). */
#define AUTOEXPAND_MAX_QUESTIONS 500

gboolean
llm_sidebar_model_is_bookmarked (LlmSidebarModel *self,
                                 const char      *id)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), FALSE);

  return id != NULL && self->bookmarks != NULL && llm_bookmarks_contains (self->bookmarks, id);
}

static gboolean
is_due (LlmSidebarModel *self,
        const char      *id)
{
  return self->study != NULL &&
         llm_study_get_state (self->study, id, g_get_real_time () / G_USEC_PER_SEC) == LLM_STUDY_DUE;
}

static gboolean
passes_filter (LlmSidebarModel *self,
               LlmQuestion     *question)
{
  const char *id = llm_question_get_id (question);

  switch (self->filter)
    {
    case LLM_SIDEBAR_FILTER_STARRED:
      return llm_sidebar_model_is_bookmarked (self, id);
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
  LlmSidebarModel *self = user_data;

  return item == (gpointer)self->current || passes_filter (self, item);
}

/* A topic is shown while any of its questions is; a group while any of
 * its topics is. */
static gboolean
has_shown (gpointer item,
           gpointer user_data)
{
  GListModel *topic = item;
  guint n = g_list_model_get_n_items (topic);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (topic, i);

      if (LLM_IS_TOPIC (child) ? has_shown (child, user_data) : is_shown (child, user_data))
        return TRUE;
    }

  return FALSE;
}

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  LlmSidebarModel *self = user_data;

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
rebuild_tree (LlmSidebarModel *self)
{
  GListModel *root;

  g_clear_object (&self->tree);
  if (self->collection == NULL)
    return;

  /* Topics, and for a folder, groups of topics. */
  root = g_object_ref (llm_collection_get_tree (self->collection));
  if (self->filter != LLM_SIDEBAR_FILTER_ALL)
    root = G_LIST_MODEL (gtk_filter_list_model_new (root, g_object_ref (self->topic_filter)));
  self->tree = gtk_tree_list_model_new (root, FALSE,
                                        llm_collection_get_n_questions (self->collection) <= AUTOEXPAND_MAX_QUESTIONS,
                                        create_child_model, self, NULL);
}

static void
refilter (LlmSidebarModel *self)
{
  gtk_filter_changed (self->question_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->topic_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
marks_changed (LlmSidebarModel  *self,
               const char       *id,
               gboolean          filtered)
{
  g_signal_emit (self, signals[MARKS_CHANGED], 0, id);

  if (filtered)
    {
      refilter (self);
      g_signal_emit (self, signals[REFILTERED], 0);
    }
}

static void
on_bookmarks_changed (LlmSidebarModel *self,
                      const char      *id,
                      LlmBookmarks    *bookmarks)
{
  marks_changed (self, id, self->filter != LLM_SIDEBAR_FILTER_ALL);
}

static void
on_study_changed (LlmSidebarModel *self,
                  const char      *id,
                  LlmStudy        *study)
{
  /* A NULL id (a whole replay of the log) reaches every row. */
  marks_changed (self, id, self->filter == LLM_SIDEBAR_FILTER_DUE);
}

static void
llm_sidebar_model_dispose (GObject *object)
{
  LlmSidebarModel *self = (LlmSidebarModel *)object;

  g_clear_object (&self->tree);
  g_clear_object (&self->collection);
  g_clear_object (&self->bookmarks);
  g_clear_object (&self->study);
  g_clear_object (&self->current);
  g_clear_object (&self->question_filter);
  g_clear_object (&self->topic_filter);
  g_clear_pointer (&self->notes, g_hash_table_unref);

  G_OBJECT_CLASS (llm_sidebar_model_parent_class)->dispose (object);
}

static void
llm_sidebar_model_class_init (LlmSidebarModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = llm_sidebar_model_dispose;

  /**
   * LlmSidebarModel::marks-changed:
   * @id: (nullable): the question whose marks changed, or %NULL for all
   */
  signals[MARKS_CHANGED] =
    g_signal_new ("marks-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * LlmSidebarModel::refiltered:
   *
   * The filter ran again over the same tree: what matches may have changed.
   */
  signals[REFILTERED] =
    g_signal_new ("refiltered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
llm_sidebar_model_init (LlmSidebarModel *self)
{
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->question_filter = GTK_FILTER (gtk_custom_filter_new (is_shown, self, NULL));
  self->topic_filter = GTK_FILTER (gtk_custom_filter_new (has_shown, self, NULL));
}

LlmSidebarModel *
llm_sidebar_model_new (void)
{
  return g_object_new (LLM_TYPE_SIDEBAR_MODEL, NULL);
}

/**
 * llm_sidebar_model_set_collection:
 *
 * Builds a new tree: the sidebar takes it with llm_sidebar_model_get_tree().
 */
void
llm_sidebar_model_set_collection (LlmSidebarModel *self,
                                  LlmCollection   *collection)
{
  g_return_if_fail (LLM_IS_SIDEBAR_MODEL (self));
  g_return_if_fail (!collection || LLM_IS_COLLECTION (collection));

  g_set_object (&self->collection, collection);
  rebuild_tree (self);
}

LlmCollection *
llm_sidebar_model_get_collection (LlmSidebarModel *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), NULL);

  return self->collection;
}

/**
 * llm_sidebar_model_get_tree:
 *
 * Returns: (transfer none) (nullable): the rows, %NULL without a collection
 */
GtkTreeListModel *
llm_sidebar_model_get_tree (LlmSidebarModel *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), NULL);

  return self->tree;
}

void
llm_sidebar_model_set_bookmarks (LlmSidebarModel *self,
                                 LlmBookmarks    *bookmarks)
{
  g_return_if_fail (LLM_IS_SIDEBAR_MODEL (self));
  g_return_if_fail (LLM_IS_BOOKMARKS (bookmarks));
  g_return_if_fail (self->bookmarks == NULL);

  self->bookmarks = g_object_ref (bookmarks);
  g_signal_connect_object (bookmarks, "changed",
                           G_CALLBACK (on_bookmarks_changed), self, G_CONNECT_SWAPPED);
}

LlmBookmarks *
llm_sidebar_model_get_bookmarks (LlmSidebarModel *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), NULL);

  return self->bookmarks;
}

void
llm_sidebar_model_set_study (LlmSidebarModel *self,
                             LlmStudy        *study)
{
  g_return_if_fail (LLM_IS_SIDEBAR_MODEL (self));
  g_return_if_fail (LLM_IS_STUDY (study));

  g_set_object (&self->study, study);
  g_signal_connect_object (study, "changed", G_CALLBACK (on_study_changed), self, G_CONNECT_SWAPPED);
}

LlmStudy *
llm_sidebar_model_get_study (LlmSidebarModel *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), NULL);

  return self->study;
}

/**
 * llm_sidebar_model_set_note_preview:
 * @preview: (nullable): the first line of @id's note, or %NULL if it has
 *   none
 *
 * Returns: whether anything changed
 */
gboolean
llm_sidebar_model_set_note_preview (LlmSidebarModel *self,
                                    const char      *id,
                                    const char      *preview)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (g_strcmp0 (g_hash_table_lookup (self->notes, id), preview) == 0 &&
      (preview != NULL) == g_hash_table_contains (self->notes, id))
    return FALSE;

  if (preview != NULL)
    g_hash_table_replace (self->notes, g_strdup (id), g_strdup (preview));
  else
    g_hash_table_remove (self->notes, id);

  marks_changed (self, id, self->filter != LLM_SIDEBAR_FILTER_ALL);
  return TRUE;
}

/**
 * llm_sidebar_model_get_note:
 *
 * Returns: (nullable): the first line of @id's note, %NULL if it has none
 */
const char *
llm_sidebar_model_get_note (LlmSidebarModel *self,
                            const char      *id)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->notes, id) : NULL;
}

LlmSidebarFilter
llm_sidebar_model_get_filter (LlmSidebarModel *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), LLM_SIDEBAR_FILTER_ALL);

  return self->filter;
}

/**
 * llm_sidebar_model_set_filter:
 *
 * Builds a new tree for @filter (the sidebar takes it with
 * llm_sidebar_model_get_tree()); the note previews come and go with the
 * notes filter, so every row's marks change.
 */
void
llm_sidebar_model_set_filter (LlmSidebarModel  *self,
                              LlmSidebarFilter  filter)
{
  g_return_if_fail (LLM_IS_SIDEBAR_MODEL (self));
  g_return_if_fail (filter <= LLM_SIDEBAR_FILTER_DUE);

  if (self->filter == filter)
    return;

  self->filter = filter;
  rebuild_tree (self);
  g_signal_emit (self, signals[MARKS_CHANGED], 0, NULL);
}

/**
 * llm_sidebar_model_set_current:
 *
 * Keeps @question in the tree whatever the filter; the one left behind
 * drops out if the filter does not take it.
 *
 * Returns: whether the current question changed
 */
gboolean
llm_sidebar_model_set_current (LlmSidebarModel *self,
                               LlmQuestion     *question)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), FALSE);
  g_return_val_if_fail (LLM_IS_QUESTION (question), FALSE);

  if (!g_set_object (&self->current, question))
    return FALSE;

  if (self->filter != LLM_SIDEBAR_FILTER_ALL)
    refilter (self);
  return TRUE;
}

LlmQuestion *
llm_sidebar_model_get_current (LlmSidebarModel *self)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), NULL);

  return self->current;
}

/**
 * llm_sidebar_model_matches_any:
 *
 * Returns: whether any question passes the filter, the one shown (kept
 *   whatever the filter) apart
 */
gboolean
llm_sidebar_model_matches_any (LlmSidebarModel *self)
{
  guint n;

  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), FALSE);

  n = self->collection ? llm_collection_get_n_questions (self->collection) : 0;
  for (guint i = 0; i < n; i++)
    if (passes_filter (self, llm_collection_get_question (self->collection, i)))
      return TRUE;

  return FALSE;
}

/**
 * llm_sidebar_model_get_neighbour:
 * @offset: +1 for the next question, -1 for the previous one
 *
 * Next and previous walk the questions the filter shows, in the
 * collection's order, from @question (shown or not).
 *
 * Returns: (transfer none) (nullable): the question, or %NULL at an end
 */
LlmQuestion *
llm_sidebar_model_get_neighbour (LlmSidebarModel *self,
                                 LlmQuestion     *question,
                                 int              offset)
{
  guint n, position;

  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), NULL);
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

/**
 * llm_sidebar_model_get_state:
 *
 * Returns: @question's study state; a page is read, not asked, and is
 *   always new
 */
LlmStudyState
llm_sidebar_model_get_state (LlmSidebarModel *self,
                             LlmQuestion     *question)
{
  g_return_val_if_fail (LLM_IS_SIDEBAR_MODEL (self), LLM_STUDY_NEW);
  g_return_val_if_fail (LLM_IS_QUESTION (question), LLM_STUDY_NEW);

  if (self->study == NULL || !llm_question_is_card (question))
    return LLM_STUDY_NEW;

  return llm_study_get_state (self->study, llm_question_get_id (question),
                              g_get_real_time () / G_USEC_PER_SEC);
}

static void
count_known (LlmSidebarModel *self,
             GListModel      *topic,
             gint64           now,
             guint           *n_known,
             guint           *n_total)
{
  guint n = g_list_model_get_n_items (topic);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (topic, i);

      if (LLM_IS_TOPIC (item))
        count_known (self, G_LIST_MODEL (item), now, n_known, n_total);
      else if (llm_question_is_card (LLM_QUESTION (item)))
        {
          *n_total += 1;
          *n_known += llm_study_get_state (self->study, llm_question_get_id (LLM_QUESTION (item)), now) == LLM_STUDY_KNOWN;
        }
    }
}

/**
 * llm_sidebar_model_count_known:
 *
 * Counts the cards under @topic (and its topics), and those known; both
 * are 0 without a study.
 */
void
llm_sidebar_model_count_known (LlmSidebarModel *self,
                               LlmTopic        *topic,
                               guint           *n_known,
                               guint           *n_total)
{
  g_return_if_fail (LLM_IS_SIDEBAR_MODEL (self));
  g_return_if_fail (LLM_IS_TOPIC (topic));

  *n_known = *n_total = 0;
  if (self->study != NULL)
    count_known (self, G_LIST_MODEL (topic), g_get_real_time () / G_USEC_PER_SEC, n_known, n_total);
}
