/* llm-topic.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-question.h"
#include "llm-topic.h"

/* A topic is the list of its questions, so the sidebar's tree model can
 * expand it directly. A group (a subfolder of a notes folder) is a topic
 * whose items are topics instead: the tree expands it the same way, and a
 * tree of three levels needs no second type. */
struct _LlmTopic
{
  GObject parent_instance;

  char *title;
  GPtrArray *questions;  /* of LlmQuestion, or of LlmTopic in a group */
  char *source;
  GArray *lines;
  gboolean is_group;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlmTopic, llm_topic, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
llm_topic_get_item_type (GListModel *model)
{
  return LLM_TOPIC (model)->is_group ? LLM_TYPE_TOPIC : LLM_TYPE_QUESTION;
}

static guint
llm_topic_get_n_items (GListModel *model)
{
  return LLM_TOPIC (model)->questions->len;
}

static gpointer
llm_topic_get_item (GListModel *model,
                    guint       position)
{
  LlmTopic *self = LLM_TOPIC (model);

  if (position >= self->questions->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->questions, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = llm_topic_get_item_type;
  iface->get_n_items = llm_topic_get_n_items;
  iface->get_item = llm_topic_get_item;
}

static void
llm_topic_finalize (GObject *object)
{
  LlmTopic *self = (LlmTopic *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);

  G_OBJECT_CLASS (llm_topic_parent_class)->finalize (object);
}

static void
llm_topic_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LlmTopic *self = LLM_TOPIC (object);

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
llm_topic_class_init (LlmTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_topic_finalize;
  object_class->get_property = llm_topic_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llm_topic_init (LlmTopic *self)
{
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
}

LlmTopic *
llm_topic_new (const char *title)
{
  LlmTopic *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (LLM_TYPE_TOPIC, NULL);
  self->title = g_strdup (title);

  return self;
}

const char *
llm_topic_get_title (LlmTopic *self)
{
  g_return_val_if_fail (LLM_IS_TOPIC (self), NULL);

  return self->title;
}

/**
 * llm_topic_new_group:
 * @title: the group's title, such as a folder's name
 *
 * Returns: (transfer full): an empty group, which holds topics
 */
LlmTopic *
llm_topic_new_group (const char *title)
{
  LlmTopic *self = llm_topic_new (title);

  if (self != NULL)
    self->is_group = TRUE;

  return self;
}

/**
 * llm_topic_is_group:
 *
 * Returns: whether the items of @self are topics rather than questions
 */
gboolean
llm_topic_is_group (LlmTopic *self)
{
  g_return_val_if_fail (LLM_IS_TOPIC (self), FALSE);

  return self->is_group;
}

/**
 * llm_topic_append_topic:
 * @topic: a topic, not a group: the tree has three levels at most
 */
void
llm_topic_append_topic (LlmTopic *self,
                        LlmTopic *topic)
{
  g_return_if_fail (LLM_IS_TOPIC (self));
  g_return_if_fail (self->is_group);
  g_return_if_fail (LLM_IS_TOPIC (topic));
  g_return_if_fail (!topic->is_group);

  g_ptr_array_add (self->questions, g_object_ref (topic));
  g_list_model_items_changed (G_LIST_MODEL (self), self->questions->len - 1, 0, 1);
}

void
llm_topic_append (LlmTopic    *self,
                  LlmQuestion *question)
{
  g_return_if_fail (LLM_IS_TOPIC (self));
  g_return_if_fail (!self->is_group);
  g_return_if_fail (LLM_IS_QUESTION (question));

  g_ptr_array_add (self->questions, g_object_ref (question));
  g_list_model_items_changed (G_LIST_MODEL (self), self->questions->len - 1, 0, 1);
}

/**
 * llm_topic_set_location:
 * @source: (nullable): the file the topic's headings are in
 * @lines: the 1-based lines of the headings it shows
 *
 * Only loaders call this, before anyone else sees @self.
 */
void
llm_topic_set_location (LlmTopic    *self,
                        const char  *source,
                        const guint *lines,
                        guint        n_lines)
{
  g_return_if_fail (LLM_IS_TOPIC (self));

  g_free (self->source);
  self->source = g_strdup (source);
  g_clear_pointer (&self->lines, g_array_unref);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  if (n_lines > 0)
    g_array_append_vals (self->lines, lines, n_lines);
}

/**
 * llm_topic_get_source:
 *
 * Returns: (nullable): the file whose headings name @self, or %NULL for a
 *   topic named after a file or folder
 */
const char *
llm_topic_get_source (LlmTopic *self)
{
  g_return_val_if_fail (LLM_IS_TOPIC (self), NULL);

  return self->source;
}

/**
 * llm_topic_get_lines:
 * @n_lines: (out): how many
 *
 * Returns: (array length=n_lines) (nullable): the lines of the headings
 *   that @self shows as its title
 */
const guint *
llm_topic_get_lines (LlmTopic *self,
                     guint    *n_lines)
{
  g_return_val_if_fail (LLM_IS_TOPIC (self), NULL);
  g_return_val_if_fail (n_lines != NULL, NULL);

  *n_lines = self->lines != NULL ? self->lines->len : 0;
  return self->lines != NULL ? (const guint *)self->lines->data : NULL;
}
