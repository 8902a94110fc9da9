/* llm-collection.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-collection.h"
#include "llm-question.h"
#include "llm-topic.h"

/* The list of topics, plus a flat index of every question so that look-ups
 * by id and next/previous stay cheap for collections of thousands. */
struct _LlmCollection
{
  GObject parent_instance;

  char *title;
  char *date;
  GStrv tags;
  GFile *base;

  GPtrArray *topics;
  GPtrArray *questions;
  GHashTable *by_id;      /* id → LlmQuestion (borrowed from questions) */
  GHashTable *positions;  /* LlmQuestion → index + 1 */
};

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
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
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
  guint n;

  g_return_if_fail (LLM_IS_COLLECTION (self));
  g_return_if_fail (LLM_IS_TOPIC (topic));

  n = g_list_model_get_n_items (G_LIST_MODEL (topic));
  for (guint i = 0; i < n; i++)
    {
      LlmQuestion *question = g_list_model_get_item (G_LIST_MODEL (topic), i);

      g_hash_table_insert (self->by_id, (gpointer)llm_question_get_id (question), question);
      g_ptr_array_add (self->questions, question);
      g_hash_table_insert (self->positions, question, GUINT_TO_POINTER (self->questions->len));
    }

  g_ptr_array_add (self->topics, g_object_ref (topic));
  g_list_model_items_changed (G_LIST_MODEL (self), self->topics->len - 1, 0, 1);
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

/* Only relative paths that stay inside the collection's folder resolve:
 * notes come from anywhere and must not reach the rest of the disk. */
static GFile *
resolve_inside_base (LlmCollection *self,
                     const char    *relative)
{
  g_autoptr(GFile) file = NULL;

  if (self->base == NULL || relative == NULL || relative[0] == '\0' ||
      relative[0] == '/' || relative[0] == '\\' || strchr (relative, ':') != NULL)
    return NULL;

  file = g_file_resolve_relative_path (self->base, relative);
  if (!g_file_has_prefix (file, self->base))
    return NULL;

  return g_steal_pointer (&file);
}

/**
 * llm_collection_resolve_embed:
 * @target: the target of an embed or image, such as "figure.svg"
 *
 * Returns: (transfer full) (nullable): an `app://collection/` URI the
 *   answer page can load, or %NULL when no such file is in the collection
 */
char *
llm_collection_resolve_embed (LlmCollection *self,
                              const char    *target)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  file = resolve_inside_base (self, target);
  if (file == NULL || g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return NULL;

  relative = g_file_get_relative_path (self->base, file);
  escaped = g_uri_escape_string (relative, "/", FALSE);

  return g_strconcat (LLM_COLLECTION_URI_PREFIX, escaped, NULL);
}

/**
 * llm_collection_resolve_uri:
 * @uri: an `app://collection/` URI, as made by llm_collection_resolve_embed()
 *
 * Returns: (transfer full) (nullable): the file inside the collection's
 *   folder, or %NULL if @uri points anywhere else
 */
GFile *
llm_collection_resolve_uri (LlmCollection *self,
                            const char    *uri)
{
  g_autofree char *relative = NULL;

  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  if (uri == NULL || !g_str_has_prefix (uri, LLM_COLLECTION_URI_PREFIX))
    return NULL;

  relative = g_uri_unescape_segment (uri + strlen (LLM_COLLECTION_URI_PREFIX),
                                     strpbrk (uri, "?#"), NULL);
  if (relative == NULL)
    return NULL;

  return resolve_inside_base (self, relative);
}
