/* llm-question.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-question.h"
#include "llm-text.h"

/* One interview question. Immutable once loaded: a reload builds new
 * questions, and everything the user adds (notes, bookmarks, reviews) keys
 * on the id, never on the object. */
struct _LlmQuestion
{
  GObject parent_instance;

  char *id;
  char *title;
  char *topic;
  char *answer;
  char *source;
  GStrv key_points;
  guint number;
  guint line;
  gboolean is_page;
};

G_DEFINE_FINAL_TYPE (LlmQuestion, llm_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
llm_question_finalize (GObject *object)
{
  LlmQuestion *self = (LlmQuestion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->topic, g_free);
  g_clear_pointer (&self->answer, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->key_points, g_strfreev);

  G_OBJECT_CLASS (llm_question_parent_class)->finalize (object);
}

static void
llm_question_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LlmQuestion *self = LLM_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_question_class_init (LlmQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_question_finalize;
  object_class->get_property = llm_question_get_property;

  /* Read-only properties so list item templates and expressions can bind. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
llm_question_init (LlmQuestion *self)
{
}

LlmQuestion *
llm_question_new (const char         *id,
                  guint               number,
                  const char         *title,
                  const char         *topic,
                  const char         *answer,
                  const char * const *key_points)
{
  return llm_question_new_take (id, number, title, topic, g_strdup (answer),
                                g_strdupv ((char **)key_points));
}

/**
 * llm_question_new_take:
 * @answer: (transfer full): the answer
 * @key_points: (transfer full): the key points
 *
 * Like llm_question_new(), but takes @answer and @key_points instead of
 * copying them: loaders hand over megabytes of answers.
 */
LlmQuestion *
llm_question_new_take (const char *id,
                       guint       number,
                       const char *title,
                       const char *topic,
                       char       *answer,
                       GStrv       key_points)
{
  LlmQuestion *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (LLM_TYPE_QUESTION, NULL);
  self->id = g_strdup (id);
  self->number = number;
  self->title = g_strdup (title);
  self->topic = g_strdup (topic ? topic : "");
  self->answer = answer ? answer : g_strdup ("");
  self->key_points = key_points ? key_points : g_new0 (char *, 1);

  return self;
}

const char *
llm_question_get_id (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), NULL);

  return self->id;
}

guint
llm_question_get_number (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), 0);

  return self->number;
}

const char *
llm_question_get_title (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), NULL);

  return self->title;
}

const char *
llm_question_get_topic (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), NULL);

  return self->topic;
}

const char *
llm_question_get_answer (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), NULL);

  return self->answer;
}

const char * const *
llm_question_get_key_points (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), NULL);

  return (const char * const *)self->key_points;
}

/**
 * llm_question_get_source:
 *
 * Returns: (nullable): the file @self was read from, relative to its
 *   collection's folder, or %NULL when the collection came from bare text
 */
const char *
llm_question_get_source (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), NULL);

  return self->source;
}

/**
 * llm_question_set_source:
 * @source: (nullable): a path relative to the collection's folder
 *
 * Only loaders call this, before anyone else sees @self: images in the
 * answer resolve against the folder of this file.
 */
void
llm_question_set_source (LlmQuestion *self,
                         const char  *source)
{
  g_return_if_fail (LLM_IS_QUESTION (self));

  g_free (self->source);
  self->source = g_strdup (source);
}

/**
 * llm_question_get_line:
 *
 * Returns: the 1-based line of the heading (or list item) that starts
 *   @self in its source file, or 0 when @self is a whole file or the text
 *   before its first heading
 */
guint
llm_question_get_line (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), 0);

  return self->line;
}

/**
 * llm_question_set_line:
 *
 * Only loaders call this, before anyone else sees @self.
 */
void
llm_question_set_line (LlmQuestion *self,
                       guint        line)
{
  g_return_if_fail (LLM_IS_QUESTION (self));

  self->line = line;
}

/**
 * llm_question_is_card:
 *
 * Whether @self is a study card. Text that is shown and searched but is
 * not something to be asked, such as a topic's introduction or a list of
 * references, is a page: self-tests, mock interviews and statistics leave
 * pages out.
 *
 * Returns: %TRUE for a study card, %FALSE for a page
 */
gboolean
llm_question_is_card (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), FALSE);

  return !self->is_page;
}

/**
 * llm_question_set_is_card:
 *
 * Only loaders call this, before anyone else sees @self.
 */
void
llm_question_set_is_card (LlmQuestion *self,
                          gboolean     is_card)
{
  g_return_if_fail (LLM_IS_QUESTION (self));

  self->is_page = !is_card;
}

/**
 * llm_question_dup_display_title:
 *
 * The title to show in the tree, the header and the page: as written,
 * made unable to disguise itself (llm_text_display_title()); a title that
 * shows nothing (zero-width spaces, say) is replaced by where the
 * question is written, its file and line.
 *
 * Returns: (transfer full): the title to show
 */
char *
llm_question_dup_display_title (LlmQuestion *self)
{
  g_return_val_if_fail (LLM_IS_QUESTION (self), NULL);

  if (!llm_text_looks_empty (self->title))
    return llm_text_display_title (self->title);

  if (self->source != NULL)
    /* Translators: where an untitled question is written, "notes.md, line 12" */
    return g_strdup_printf (_("%s, line %u"), self->source, self->line);

  /* Translators: where an untitled question is written, "line 12" */
  return g_strdup_printf (_("Line %u"), self->line);
}
