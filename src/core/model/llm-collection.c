/* llm-collection.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-collection-private.h"
#include "llm-question.h"
#include "llm-text.h"
#include "llm-topic.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlmCollection, llm_collection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
llm_collection_get_item_type (GListModel *model)
{
  return LLM_TYPE_TOPIC;
}

static guint
llm_collection_get_n_items (GListModel *model)
{
  return LLM_COLLECTION (model)->topics->len;
}

static gpointer
llm_collection_get_item (GListModel *model,
                         guint       position)
{
  LlmCollection *self = LLM_COLLECTION (model);

  if (position >= self->topics->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->topics, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = llm_collection_get_item_type;
  iface->get_n_items = llm_collection_get_n_items;
  iface->get_item = llm_collection_get_item;
}

static void
llm_collection_finalize (GObject *object)
{
  LlmCollection *self = (LlmCollection *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->parents, g_hash_table_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->problem_files, g_ptr_array_unref);
  g_clear_object (&self->tree);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (llm_collection_parent_class)->finalize (object);
}

static void
llm_collection_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlmCollection *self = LLM_COLLECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_collection_class_init (LlmCollectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_collection_finalize;
  object_class->get_property = llm_collection_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llm_collection_init (LlmCollection *self)
{
  self->tags = g_new0 (char *, 1);
  self->topics = g_ptr_array_new_with_free_func (g_object_unref);
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->positions = g_hash_table_new (NULL, NULL);
  self->parents = g_hash_table_new (NULL, NULL);
  self->tree = g_list_store_new (LLM_TYPE_TOPIC);
  self->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->problem_files = g_ptr_array_new_with_free_func (g_free);
}

/**
 * llm_collection_new:
 * @title: the collection's title
 * @base: (nullable): the folder embeds and images resolve against
 */
LlmCollection *
llm_collection_new (const char *title,
                    GFile      *base)
{
  LlmCollection *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (!base || G_IS_FILE (base), NULL);

  self = g_object_new (LLM_TYPE_COLLECTION, NULL);
  self->title = g_strdup (title);
  g_set_object (&self->base, base);

  return self;
}

const char *
llm_collection_get_title (LlmCollection *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  return self->title;
}

void
llm_collection_set_title (LlmCollection *self,
                          const char    *title)
{
  g_return_if_fail (LLM_IS_COLLECTION (self));
  g_return_if_fail (title != NULL);

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
llm_collection_get_date (LlmCollection *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  return self->date;
}

void
llm_collection_set_date (LlmCollection *self,
                         const char    *date)
{
  g_return_if_fail (LLM_IS_COLLECTION (self));

  g_free (self->date);
  self->date = g_strdup (date);
}

/**
 * llm_collection_set_language:
 * @language: (nullable): a BCP 47 tag from the notes' front matter
 */
void
llm_collection_set_language (LlmCollection *self,
                             const char    *language)
{
  g_return_if_fail (LLM_IS_COLLECTION (self));

  g_free (self->language);
  self->language = g_strdup (language);
}

/* Enough questions to tell the script, few enough to be instant. */
#define GUESS_QUESTIONS 64
#define GUESS_BYTES 4096

/**
 * llm_collection_dup_language:
 *
 * The language the notes are written in: what their front matter says, or
 * else a guess from the script of the first questions. Worked out on each
 * call rather than kept, so the collection never changes once built.
 *
 * Returns: (transfer full): a BCP 47 tag such as "zh-CN" or "en"
 */
char *
llm_collection_dup_language (LlmCollection *self)
{
  g_autoptr(GString) sample = g_string_new (NULL);

  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  if (self->language != NULL)
    return g_strdup (self->language);

  for (guint i = 0; i < MIN (llm_collection_get_n_questions (self), GUESS_QUESTIONS); i++)
    {
      LlmQuestion *question = llm_collection_get_question (self, i);

      g_string_append (sample, llm_question_get_title (question));
      g_string_append_len (sample, llm_question_get_answer (question),
                           strnlen (llm_question_get_answer (question), GUESS_BYTES));
    }

  return g_strdup (llm_text_guess_language (sample->str, sample->len));
}

const char * const *
llm_collection_get_tags (LlmCollection *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  return (const char * const *)self->tags;
}

void
llm_collection_set_tags (LlmCollection      *self,
                         const char * const *tags)
{
  g_return_if_fail (LLM_IS_COLLECTION (self));

  g_strfreev (self->tags);
  self->tags = tags ? g_strdupv ((char **)tags) : g_new0 (char *, 1);
}

/**
 * llm_collection_get_base:
 *
 * Returns: (transfer none) (nullable): the folder embeds resolve against
 */
GFile *
llm_collection_get_base (LlmCollection *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  return self->base;
}

static void
index_topic (LlmCollection *self,
             LlmTopic      *topic)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (topic));

  for (guint i = 0; i < n; i++)
    {
      LlmQuestion *question = g_list_model_get_item (G_LIST_MODEL (topic), i);

      g_hash_table_insert (self->by_id, (gpointer)llm_question_get_id (question), question);
      g_ptr_array_add (self->questions, question);
      g_hash_table_insert (self->positions, question, GUINT_TO_POINTER (self->questions->len));
      g_hash_table_insert (self->parents, question, topic);
    }

  g_ptr_array_add (self->topics, g_object_ref (topic));
  g_list_model_items_changed (G_LIST_MODEL (self), self->topics->len - 1, 0, 1);
}

/**
 * llm_collection_append_topic:
 * @topic: a topic holding all of its questions
 *
 * Adds @topic and indexes its questions. Ids must be unique across the
 * collection; the loader makes them so.
 */
void
llm_collection_append_topic (LlmCollection *self,
                             LlmTopic      *topic)
{
  g_return_if_fail (LLM_IS_COLLECTION (self));
  g_return_if_fail (LLM_IS_TOPIC (topic));
  g_return_if_fail (!llm_topic_is_group (topic));

  index_topic (self, topic);
  g_list_store_append (self->tree, topic);
}

/**
 * llm_collection_append_group:
 * @group: a group (see llm_topic_new_group()) holding all of its topics
 *
 * Adds @group to the tree and its topics to the collection's list of
 * topics, which stays flat: only the tree knows about groups.
 */
void
llm_collection_append_group (LlmCollection *self,
                             LlmTopic      *group)
{
  guint n;

  g_return_if_fail (LLM_IS_COLLECTION (self));
  g_return_if_fail (LLM_IS_TOPIC (group));
  g_return_if_fail (llm_topic_is_group (group));

  n = g_list_model_get_n_items (G_LIST_MODEL (group));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlmTopic) topic = g_list_model_get_item (G_LIST_MODEL (group), i);

      index_topic (self, topic);
      g_hash_table_insert (self->parents, topic, group);
    }

  g_list_store_append (self->tree, group);
}

/**
 * llm_collection_get_tree:
 *
 * The collection itself lists every topic, flat. This lists the top level
 * of the tree instead: topics, and groups (llm_topic_is_group()) whose
 * items are topics. For a single file both hold the same topics.
 *
 * Returns: (transfer none): a list model of #LlmTopic
 */
GListModel *
llm_collection_get_tree (LlmCollection *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  return G_LIST_MODEL (self->tree);
}

/**
 * llm_collection_get_parent:
 * @item: an #LlmQuestion or #LlmTopic of @self
 *
 * Returns: (transfer none) (nullable): the topic holding the question
 *   @item, the group holding the topic @item, or %NULL at the top level
 */
LlmTopic *
llm_collection_get_parent (LlmCollection *self,
                           gpointer       item)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  return g_hash_table_lookup (self->parents, item);
}

/**
 * llm_collection_add_warning:
 * @message: a sentence for the user, naming the file it is about
 *
 * Records something that went wrong while loading but did not stop it.
 */
void
llm_collection_add_warning (LlmCollection *self,
                            const char    *message)
{
  g_return_if_fail (LLM_IS_COLLECTION (self));
  g_return_if_fail (message != NULL);

  llm_collection_add_problem (self, NULL, message);
}

/**
 * llm_collection_add_problem:
 * @file: (nullable): the file it is about, as the user knows it (its path
 *   inside the opened folder, or its name)
 * @message: a sentence for the user, on one line, naming the file and what
 *   went wrong: skipped, empty, binary, invalid UTF-8 at a byte offset, or
 *   the reason it could not be read
 *
 * Records something that went wrong while loading but did not stop it.
 */
void
llm_collection_add_problem (LlmCollection *self,
                            const char    *file,
                            const char    *message)
{
  g_return_if_fail (LLM_IS_COLLECTION (self));
  g_return_if_fail (message != NULL);

  g_ptr_array_add (self->warnings, g_strdup (message));
  g_ptr_array_add (self->problem_files, g_strdup (file));
}

/**
 * llm_collection_get_n_problems:
 *
 * Returns: how many problems loading met; as many as the warnings
 */
guint
llm_collection_get_n_problems (LlmCollection *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), 0);

  return self->problem_files->len;
}

/**
 * llm_collection_get_problem_file:
 * @index: below llm_collection_get_n_problems()
 *
 * Returns: (nullable): the file problem @index is about
 */
const char *
llm_collection_get_problem_file (LlmCollection *self,
                                 guint          index)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (index < self->problem_files->len, NULL);

  return g_ptr_array_index (self->problem_files, index);
}

/**
 * llm_collection_get_problem:
 * @index: below llm_collection_get_n_problems()
 *
 * Returns: problem @index's message, the warning of the same index
 */
const char *
llm_collection_get_problem (LlmCollection *self,
                            guint          index)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (index < self->problem_files->len, NULL);

  return g_ptr_array_index (self->warnings, index);
}

/**
 * llm_collection_get_warnings:
 *
 * Returns: (transfer none): the loader's warnings, in the order of the
 *   files they are about; empty when all went well
 */
const char * const *
llm_collection_get_warnings (LlmCollection *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  /* An empty array may have no storage yet. */
  if (self->warnings->pdata == NULL)
    return none;

  return (const char * const *)self->warnings->pdata;
}

/**
 * llm_collection_add_file:
 * @relative_path: a file inside the collection's folder, such as
 *   "image/figure.png"
 *
 * Makes the file findable by its name alone, as Obsidian finds
 * "![[figure.png]]" anywhere in a vault. The folder loader adds every file
 * it sees; the first one added wins when two share a name.
 */
void
llm_collection_add_file (LlmCollection *self,
                         const char    *relative_path)
{
  const char *name;
  GPtrArray *paths;

  g_return_if_fail (LLM_IS_COLLECTION (self));
  g_return_if_fail (relative_path != NULL);

  if (self->files == NULL)
    self->files = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)g_ptr_array_unref);

  paths = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (paths, g_strdup (relative_path));
  name = strrchr (paths->pdata[0], '/');
  name = name != NULL ? name + 1 : paths->pdata[0];

  /* The key lives in the first path of its list. */
  {
    GPtrArray *existing = g_hash_table_lookup (self->files, name);

    if (existing != NULL)
      {
        g_ptr_array_add (existing, g_ptr_array_steal_index (paths, 0));
        g_ptr_array_unref (paths);
        return;
      }
  }
  g_hash_table_insert (self->files, (gpointer)name, paths);
}

guint
llm_collection_get_n_questions (LlmCollection *self)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), 0);

  return self->questions->len;
}

/**
 * llm_collection_get_question:
 * @index: position in reading order, across topics
 *
 * Returns: (transfer none) (nullable): the question
 */
LlmQuestion *
llm_collection_get_question (LlmCollection *self,
                             guint          index)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  if (index >= self->questions->len)
    return NULL;

  return g_ptr_array_index (self->questions, index);
}

/**
 * llm_collection_get_position:
 *
 * Returns: the index of @question in reading order, or %G_MAXUINT if it is
 *   not in the collection
 */
guint
llm_collection_get_position (LlmCollection *self,
                             LlmQuestion   *question)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), G_MAXUINT);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, question)) - 1;
}

/**
 * llm_collection_lookup:
 *
 * Returns: (transfer none) (nullable): the question with @id
 */
LlmQuestion *
llm_collection_lookup (LlmCollection *self,
                       const char    *id)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * llm_collection_get_neighbour:
 * @offset: how far to move in reading order, negative for backwards
 *
 * Returns: (transfer none) (nullable): the question @offset places from
 *   @question, or %NULL past either end
 */
LlmQuestion *
llm_collection_get_neighbour (LlmCollection *self,
                              LlmQuestion   *question,
                              int            offset)
{
  gint64 index;

  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (LLM_IS_QUESTION (question), NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, question));
  if (index == 0)
    return NULL;

  index = index - 1 + offset;
  if (index < 0 || index >= self->questions->len)
    return NULL;

  return g_ptr_array_index (self->questions, index);
}

static void
unref_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_object_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/**
 * llm_collection_unref_in_thread:
 * @collection: (transfer full): a collection
 *
 * Drops a reference to @collection from a worker thread, so that when it
 * is the last one, the collection is freed there. Freeing a collection of
 * 9,000 questions takes ~20 ms, which a window replacing it need not wait
 * for; the collection is immutable, and nothing in it belongs to a thread.
 */
void
llm_collection_unref_in_thread (LlmCollection *collection)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LLM_IS_COLLECTION (collection));

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, llm_collection_unref_in_thread);
  g_task_set_task_data (task, collection, NULL);
  g_task_run_in_thread (task, unref_thread);
}
