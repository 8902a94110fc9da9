/* llm-collection-loader.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-question.h"
#include "llm-text.h"
#include "llm-topic.h"

/* Turns Obsidian-style markdown into topics and questions. The bundled notes
 * use "## topic" and "### N. question"; a file with no third-level headings
 * takes its "##" headings as questions instead, so a flat list of questions
 * still opens sensibly. Headings inside fenced code are never headings. */

typedef struct
{
  LlmCollection *collection;
  LlmTopic *topic;
  GHashTable *ids;
  GString *answer;
  char *question_title;
  guint question_number;
  guint n_questions;
  int question_level;
} Loader;

G_DEFINE_QUARK (llm-collection-error-quark, llm_collection_error)

static const char *
skip_indent (const char *line)
{
  for (guint i = 0; i < 3 && line[0] == ' '; i++)
    line++;
  return line;
}

/* Returns the ATX heading level of @line (0 if it is none) and its text. */
static int
parse_heading (const char  *line,
               char       **text)
{
  const char *p = skip_indent (line);
  const char *end;
  int level = 0;

  while (p[level] == '#')
    level++;
  if (level == 0 || level > 6 || (p[level] != ' ' && p[level] != '\t' && p[level] != '\0'))
    return 0;

  p += level;
  end = p + strlen (p);

  /* An optional closing run of '#', when it follows white space. */
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  {
    const char *hashes = end;

    while (hashes > p && hashes[-1] == '#')
      hashes--;
    if (hashes < end && (hashes == p || hashes[-1] == ' ' || hashes[-1] == '\t'))
      end = hashes;
  }

  if (text != NULL)
    *text = g_strstrip (g_strndup (p, end - p));

  return level;
}

/* Tracks fenced code blocks: returns TRUE while @line is inside (or opens or
 * closes) a fence. */
static gboolean
in_fence (const char *line,
          char       *fence_char,
          gsize      *fence_len)
{
  const char *p = skip_indent (line);
  gsize run = 0;

  if (*p == '`' || *p == '~')
    while (p[run] == *p)
      run++;

  if (*fence_char != 0)
    {
      if (run >= *fence_len && *p == *fence_char && p[strspn (p, "`~ \t")] == '\0')
        *fence_char = 0;
      return TRUE;
    }

  if (run >= 3 && !(*p == '`' && strchr (p + run, '`') != NULL))
    {
      *fence_char = *p;
      *fence_len = run;
      return TRUE;
    }

  return FALSE;
}

static char *
unquote (const char *value)
{
  gsize len = strlen (value);

  if (len >= 2 && (value[0] == '"' || value[0] == '\'') && value[len - 1] == value[0])
    return g_strndup (value + 1, len - 2);

  return g_strdup (value);
}

/* A small subset of YAML: "key: value", "key: [a, b]" and "key:" followed by
 * "- item" lines. That covers what Obsidian writes into front matter. */
static void
apply_front_matter (LlmCollection  *collection,
                    char          **lines,
                    guint           n_lines)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *key = NULL;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      char *colon;

      if (line[0] == '-' && key != NULL)
        {
          if (g_str_equal (key, "tags") || g_str_equal (key, "tag"))
            g_ptr_array_add (tags, unquote (g_strstrip (line + 1)));
          continue;
        }

      colon = strchr (line, ':');
      if (colon == NULL || lines[i][0] == ' ' || lines[i][0] == '\t')
        continue;

      *colon = '\0';
      g_free (key);
      key = g_ascii_strdown (g_strstrip (line), -1);

      {
        g_autofree char *value = unquote (g_strstrip (colon + 1));

        if (value[0] == '\0')
          continue;

        if (g_str_equal (key, "title"))
          llm_collection_set_title (collection, value);
        else if (g_str_equal (key, "date"))
          llm_collection_set_date (collection, value);
        else if (g_str_equal (key, "tags") || g_str_equal (key, "tag"))
          {
            g_auto(GStrv) items = NULL;
            char *list = value;

            if (list[0] == '[')
              list++;
            list[strcspn (list, "]")] = '\0';
            items = g_strsplit_set (list, ",", -1);
            for (guint j = 0; items[j]; j++)
              if (*g_strstrip (items[j]))
                g_ptr_array_add (tags, unquote (items[j]));
          }
      }
    }

  g_ptr_array_add (tags, NULL);
  llm_collection_set_tags (collection, (const char * const *)tags->pdata);
}

/* The bundled answers are written as blockquotes; they are answers, not
 * quotations, so one level of '>' comes off when the answer starts with it. */
static char *
unwrap_blockquote (const char *answer)
{
  g_auto(GStrv) lines = NULL;
  GString *out;

  if (*skip_indent (answer) != '>')
    return g_strdup (answer);

  lines = g_strsplit (answer, "\n", -1);
  out = g_string_sized_new (strlen (answer));

  for (guint i = 0; lines[i]; i++)
    {
      const char *p = skip_indent (lines[i]);

      if (*p == '>')
        {
          p++;
          if (*p == ' ' || *p == '\t')
            p++;
        }
      else
        p = lines[i];

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, p);
    }

  return g_string_free (out, FALSE);
}

static void
append_key_point (GPtrArray  *points,
                  const char *start,
                  gsize       len)
{
  g_autofree char *raw = g_strndup (start, len);
  g_autofree char *bare = NULL;
  g_auto(GStrv) parts = g_strsplit (raw, "**", -1);

  /* Bold inside a highlight is formatting, not part of the key point. */
  bare = g_strjoinv ("", parts);
  g_strstrip (bare);
  if (bare[0] != '\0')
    g_ptr_array_add (points, g_steal_pointer (&bare));
}

/**
 * llm_collection_key_points:
 * @answer: an answer in markdown
 *
 * Collects the `==highlighted==` spans of @answer in order, skipping code.
 *
 * Returns: (transfer full): the key points
 */
char **
llm_collection_key_points (const char *answer)
{
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;
  char fence_char = 0;
  gsize fence_len = 0;

  g_return_val_if_fail (answer != NULL, NULL);

  lines = g_strsplit (answer, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *s = lines[i];
      const char *open = NULL;

      if (in_fence (s, &fence_char, &fence_len))
        continue;

      for (const char *p = s; *p; p++)
        {
          if (*p == '`')
            {
              gsize ticks = strspn (p, "`");
              g_autofree char *run = g_strndup (p, ticks);
              const char *close = strstr (p + ticks, run);

              /* A code span hides any '=' inside it. */
              p = close != NULL ? close + ticks - 1 : p + ticks - 1;
              continue;
            }

          if (p[0] != '=' || p[1] != '=' || p[2] == '=' || (p > s && p[-1] == '='))
            continue;

          if (open == NULL)
            {
              if (p[2] != '\0' && p[2] != ' ' && p[2] != '\t')
                open = p + 2;
              p++;
            }
          else if (p > open && p[-1] != ' ' && p[-1] != '\t')
            {
              append_key_point (points, open, p - open);
              open = NULL;
              p++;
            }
        }
    }

  g_ptr_array_add (points, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&points), FALSE);
}

static char *
trim_blank_lines (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  /* Drop whole blank lines at the start; keep the first line's indent. */
  for (const char *p = text; *p; p++)
    {
      if (*p == '\n')
        start = p + 1;
      else if (*p != ' ' && *p != '\t' && *p != '\r')
        break;
    }
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  return g_strndup (start, end - start);
}

static LlmTopic *
current_topic (Loader *loader)
{
  if (loader->topic == NULL)
    loader->topic = llm_topic_new (llm_collection_get_title (loader->collection));

  return loader->topic;
}

static void
finish_question (Loader *loader)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) key_points = NULL;
  g_autoptr(LlmQuestion) question = NULL;
  LlmTopic *topic;

  if (loader->question_title == NULL)
    return;

  trimmed = trim_blank_lines (loader->answer->str);
  answer = unwrap_blockquote (trimmed);
  key_points = llm_collection_key_points (answer);

  /* Two questions with the same title still need distinct ids; the later
   * one gets a suffix, which is stable as long as their order is. */
  id = llm_text_make_id (loader->question_title);
  for (guint n = 2; g_hash_table_contains (loader->ids, id); n++)
    {
      g_autofree char *base = llm_text_make_id (loader->question_title);

      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (loader->ids, g_strdup (id));

  topic = current_topic (loader);
  loader->n_questions++;
  question = llm_question_new (id,
                               loader->question_number ? loader->question_number : loader->n_questions,
                               llm_text_skip_number_prefix (loader->question_title, NULL),
                               llm_topic_get_title (topic),
                               answer,
                               (const char * const *)key_points);
  llm_topic_append (topic, question);

  g_clear_pointer (&loader->question_title, g_free);
  g_string_truncate (loader->answer, 0);
}

static void
finish_topic (Loader *loader)
{
  finish_question (loader);

  if (loader->topic != NULL && g_list_model_get_n_items (G_LIST_MODEL (loader->topic)) > 0)
    llm_collection_append_topic (loader->collection, loader->topic);

  g_clear_object (&loader->topic);
}

static int
find_question_level (char     **lines,
                     guint      first)
{
  char fence_char = 0;
  gsize fence_len = 0;
  int deepest = 0;

  for (guint i = first; lines[i]; i++)
    {
      int level;

      if (in_fence (lines[i], &fence_char, &fence_len))
        continue;

      level = parse_heading (lines[i], NULL);
      if (level == 3)
        return 3;
      deepest = MAX (deepest, level == 2 ? 2 : 0);
    }

  return deepest;
}

static guint
skip_front_matter (LlmCollection  *collection,
                   char          **lines)
{
  if (lines[0] == NULL || !g_str_equal (g_strchomp (lines[0]), "---"))
    return 0;

  for (guint i = 1; lines[i]; i++)
    {
      g_autofree char *line = g_strchomp (g_strdup (lines[i]));

      if (g_str_equal (line, "---") || g_str_equal (line, "..."))
        {
          apply_front_matter (collection, lines + 1, i - 1);
          return i + 1;
        }
    }

  /* No closing line: it was a thematic break, not front matter. */
  return 0;
}

/**
 * llm_collection_load_data:
 * @text: markdown
 * @length: length of @text, or -1 if it is nul-terminated
 * @fallback_title: the title used when the text names none
 * @base: (nullable): the folder embeds resolve against
 *
 * Returns: (transfer full): the collection, or %NULL with @error set when
 *   @text is binary or holds no question
 */
LlmCollection *
llm_collection_load_data (const char  *text,
                          gssize       length,
                          const char  *fallback_title,
                          GFile       *base,
                          GError     **error)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autofree char *valid = NULL;
  g_auto(GStrv) lines = NULL;
  Loader loader = { 0 };
  char fence_char = 0;
  gsize fence_len = 0;
  guint first;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (fallback_title != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (memchr (text, '\0', MIN ((gsize)length, 8192)) != NULL)
    {
      g_set_error_literal (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_BINARY,
                           _("This is a binary file, not markdown"));
      return NULL;
    }

  valid = g_utf8_make_valid (text, length);
  if (g_str_has_prefix (valid, "\xEF\xBB\xBF"))
    memset (valid, ' ', 3);
  lines = g_strsplit (valid, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
    }

  collection = llm_collection_new (fallback_title, base);
  first = skip_front_matter (collection, lines);

  loader.collection = collection;
  loader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.answer = g_string_new (NULL);
  loader.question_level = find_question_level (lines, first);

  for (guint i = first; lines[i]; i++)
    {
      const char *line = lines[i];
      g_autofree char *heading = NULL;
      int level = 0;

      if (!in_fence (line, &fence_char, &fence_len))
        level = parse_heading (line, &heading);

      if (level > 0 && level < loader.question_level - 1)
        {
          finish_topic (&loader);
          /* A document title names the collection, unless front matter did. */
          if (g_str_equal (llm_collection_get_title (collection), fallback_title) && heading[0])
            llm_collection_set_title (collection, heading);
        }
      else if (level > 0 && level == loader.question_level - 1)
        {
          finish_topic (&loader);
          loader.topic = llm_topic_new (heading);
        }
      else if (level > 0 && level == loader.question_level)
        {
          finish_question (&loader);
          llm_text_skip_number_prefix (heading, &loader.question_number);
          loader.question_title = g_steal_pointer (&heading);
        }
      else if (loader.question_title != NULL)
        {
          g_string_append (loader.answer, line);
          g_string_append_c (loader.answer, '\n');
        }
    }

  finish_topic (&loader);
  g_hash_table_unref (loader.ids);
  g_string_free (loader.answer, TRUE);

  if (llm_collection_get_n_questions (collection) == 0)
    {
      g_set_error_literal (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_EMPTY,
                           _("No questions found. Questions are headings such as “### 1. What is attention?” under topic headings such as “## Transformer”."));
      return NULL;
    }

  return g_steal_pointer (&collection);
}

/**
 * llm_collection_load_file:
 * @file: a markdown file
 *
 * Loads @file; embeds resolve against its folder.
 *
 * Returns: (transfer full): the collection, or %NULL with @error set
 */
LlmCollection *
llm_collection_load_file (GFile   *file,
                          GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  LlmCollection *collection;
  gsize length = 0;
  char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  basename = g_file_get_basename (file);
  if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
    *dot = '\0';
  parent = g_file_get_parent (file);

  collection = llm_collection_load_data (contents, length, basename, parent, &local_error);
  if (collection == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
    }

  return collection;
}
