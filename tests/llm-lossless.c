/* llm-lossless.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "llm-block-scanner.h"
#include "llm-lossless.h"
#include "llm-question.h"
#include "llm-topic.h"

/* Lines are compared as a reader sees them: without the indent of a list
 * item's body or the quote marks of an answer written as a quote. */
static char *
normalize (const char *line)
{
  const char *p = line;
  const char *end;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  for (;;)
    {
      p += strspn (p, " \t");
      if (*p != '>')
        break;
      p++;
    }
  end = p + strlen (p);
  while (end > p && g_ascii_isspace (end[-1]))
    end--;

  return end > p ? g_strndup (p, end - p) : NULL;
}

static GString *extra_report;

static void
count_line (GHashTable *lines,
            const char *line,
            int         delta,
            guint      *extra)
{
  g_autofree char *key = normalize (line);
  int n;

  if (key == NULL)
    return;
  n = GPOINTER_TO_INT (g_hash_table_lookup (lines, key)) + delta;
  if (n < 0)
    {
      (*extra)++;
      if (extra_report != NULL)
        g_string_append_printf (extra_report, "extra: %s\n", key);
      return;
    }
  g_hash_table_replace (lines, g_steal_pointer (&key), GINT_TO_POINTER (n));
}

typedef struct
{
  char **lines;
  GHashTable *remaining;  /* normalised line → count not yet held */
} Source;

static void
source_free (Source *source)
{
  g_strfreev (source->lines);
  g_hash_table_unref (source->remaining);
  g_free (source);
}

static void
read_source (GHashTable *sources,
             GFile      *file,
             const char *relative,
             guint      *n_lines)
{
  g_autofree char *contents = NULL;
  g_autofree char *opening = NULL;
  Source *source;
  guint first = 0;
  guint unused = 0;

  gsize length = 0;

  /* A binary file is skipped with a warning: there is nothing to read. */
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL) ||
      memchr (contents, '\0', length) != NULL || !g_utf8_validate (contents, length, NULL))
    return;

  source = g_new0 (Source, 1);
  source->lines = g_strsplit (contents, "\n", -1);
  source->remaining = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Front matter is the collection's, not a reader's: "---" alone on the
   * first line, after any byte order mark, up to "---" or "...". */
  if (source->lines[0] != NULL && g_str_has_prefix (source->lines[0], "\xEF\xBB\xBF"))
    memmove (source->lines[0], source->lines[0] + 3, strlen (source->lines[0] + 3) + 1);
  opening = source->lines[0] ? g_strchomp (g_strdup (source->lines[0])) : NULL;
  if (opening != NULL && g_str_equal (opening, "---"))
    for (guint i = 1; source->lines[i]; i++)
      {
        g_autofree char *line = g_strchomp (g_strdup (source->lines[i]));

        if (g_str_equal (line, "---") || g_str_equal (line, "..."))
          {
            first = i + 1;
            break;
          }
      }

  for (guint i = first; source->lines[i]; i++)
    {
      g_autofree char *key = normalize (source->lines[i]);

      if (key != NULL)
        (*n_lines)++;
      count_line (source->remaining, source->lines[i], 1, &unused);
    }

  g_hash_table_insert (sources, g_strdup (relative), source);
}

static void
walk (GHashTable *sources,
      GFile      *dir,
      const char *prefix,
      guint      *n_files,
      guint      *n_lines)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, "standard::name,standard::type",
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    return;

  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autofree char *relative = prefix ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);
      g_autoptr(GFile) child = g_file_get_child (dir, name);

      if (name[0] == '.' || g_str_equal (name, "node_modules"))
        ;
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        walk (sources, child, relative, n_files, n_lines);
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
               (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown")))
        {
          read_source (sources, child, relative, n_lines);
          (*n_files)++;
        }
      g_object_unref (info);
    }
}

/* The lines a heading takes: one for "## Title" or "3. Item", all of a
 * setext heading's text and its underline. */
static void
hold_heading (Source *source,
              guint   line,
              guint  *extra)
{
  guint n = g_strv_length (source->lines);
  guint i = line - 1;

  if (line == 0 || i >= n)
    return;

  if (llm_markdown_atx_heading (source->lines[i], NULL, NULL) > 0 ||
      llm_markdown_ordered_item (source->lines[i], NULL) > 0)
    {
      count_line (source->remaining, source->lines[i], -1, extra);
      return;
    }

  /* The first line is text, whatever it looks like: "====" then "bar"
   * over "---" is a heading "==== bar". */
  count_line (source->remaining, source->lines[i], -1, extra);
  for (i++; i < n; i++)
    {
      const char *p = llm_markdown_skip_indent (source->lines[i]);

      count_line (source->remaining, source->lines[i], -1, extra);
      if ((*p == '=' || *p == '-') && strspn (p, *p == '=' ? "= \t\r" : "- \t\r") == strlen (p))
        break;
    }
}

static gboolean
shows_heading (LlmTopic    *topic,
               LlmQuestion *question)
{
  guint n_lines = 0;
  const guint *lines = llm_topic_get_lines (topic, &n_lines);

  if (llm_question_is_card (question) ||
      g_strcmp0 (llm_topic_get_source (topic), llm_question_get_source (question)) != 0)
    return FALSE;
  for (guint i = 0; i < n_lines; i++)
    if (lines[i] == llm_question_get_line (question))
      return TRUE;
  return FALSE;
}

static void
hold_topic (GHashTable        *sources,
            LlmTopic          *topic,
            LlmLosslessCounts *counts,
            GString           *report)
{
  guint n_lines = 0;
  const guint *lines = llm_topic_get_lines (topic, &n_lines);
  Source *source = llm_topic_get_source (topic)
    ? g_hash_table_lookup (sources, llm_topic_get_source (topic)) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (topic));

  counts->topics++;
  for (guint i = 0; source != NULL && i < n_lines; i++)
    hold_heading (source, lines[i], &counts->extra);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlmQuestion) question = g_list_model_get_item (G_LIST_MODEL (topic), i);
      const char *answer = llm_question_get_answer (question);
      g_auto(GStrv) answer_lines = NULL;
      gboolean shows_nothing = TRUE;

      if (llm_question_is_card (question))
        counts->cards++;
      else
        counts->pages++;

      source = llm_question_get_source (question)
        ? g_hash_table_lookup (sources, llm_question_get_source (question)) : NULL;
      if (source == NULL)
        continue;

      /* A topic's own text is a page under the topic's heading. */
      if (!shows_heading (topic, question))
        hold_heading (source, llm_question_get_line (question), &counts->extra);
      answer_lines = g_strsplit (answer, "\n", -1);
      for (guint j = 0; answer_lines[j]; j++)
        {
          g_autofree char *key = normalize (answer_lines[j]);

          shows_nothing &= key == NULL;
          count_line (source->remaining, answer_lines[j], -1, &counts->extra);
        }

      if (shows_nothing && llm_question_is_card (question))
        {
          counts->empty_cards++;
          if (report != NULL)
            g_string_append_printf (report, "empty card: %s:%u %s\n",
                                    llm_question_get_source (question),
                                    llm_question_get_line (question),
                                    llm_question_get_title (question));
        }
    }
}

/**
 * llm_lossless_check:
 * @collection: what was loaded from @path
 * @path: a markdown file or a folder of them
 * @counts: (out caller-allocates): the counts
 * @report: (nullable): receives a line per source line no node holds
 */
void
llm_lossless_check (LlmCollection     *collection,
                    GFile             *path,
                    LlmLosslessCounts *counts,
                    GString           *report)
{
  g_autoptr(GHashTable) sources = NULL;
  GListModel *tree = llm_collection_get_tree (collection);
  GHashTableIter iter;
  gpointer key, value;

  memset (counts, 0, sizeof *counts);
  extra_report = report;
  sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)source_free);

  if (g_file_query_file_type (path, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    walk (sources, path, NULL, &counts->files, &counts->source_lines);
  else
    {
      g_autofree char *name = g_file_get_basename (path);

      read_source (sources, path, name, &counts->source_lines);
      counts->files = 1;
    }

  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(LlmTopic) item = g_list_model_get_item (tree, i);

      if (llm_topic_is_group (item))
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (item)); j++)
          {
            g_autoptr(LlmTopic) topic = g_list_model_get_item (G_LIST_MODEL (item), j);

            hold_topic (sources, topic, counts, report);
          }
      else
        hold_topic (sources, item, counts, report);
    }

  g_hash_table_iter_init (&iter, sources);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Source *source = value;
      GHashTableIter lines;
      gpointer line, n;

      g_hash_table_iter_init (&lines, source->remaining);
      while (g_hash_table_iter_next (&lines, &line, &n))
        {
          counts->missing += GPOINTER_TO_UINT (n);
          if (report != NULL && GPOINTER_TO_UINT (n) > 0)
            g_string_append_printf (report, "missing: %s: %s\n", (char *)key, (char *)line);
        }
    }
}
