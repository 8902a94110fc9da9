/* llm-collection-loader.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-block-scanner.h"
#include "llm-collection-loader.h"
#include "llm-file-read.h"
#include "llm-outline.h"
#include "llm-question.h"
#include "llm-render.h"
#include "llm-text.h"
#include "llm-topic.h"

/* Reads a markdown file into an LlmDraft: front matter, then the outline
 * (llm-outline.c) of topics, study cards and pages, keeping every line.
 *
 * Parsing makes an LlmDraft, plain data that a thread may build: ids are
 * only given out when drafts become questions, in reading order, so that
 * the folder loader can read its files in any order. */

G_DEFINE_QUARK (llm-collection-error-quark, llm_collection_error)

static char *
unquote (const char *value)
{
  gsize len = strlen (value);

  if (len >= 2 && (value[0] == '"' || value[0] == '\'') && value[len - 1] == value[0])
    return g_strndup (value + 1, len - 2);

  return g_strdup (value);
}

static void
replace_str (char       **str,
             const char  *value)
{
  g_free (*str);
  *str = g_strdup (value);
}

/* A small subset of YAML: "key: value", "key: [a, b]" and "key:" followed by
 * "- item" lines. That covers what Obsidian writes into front matter. */
static void
read_front_matter (LlmDraft  *draft,
                   char     **lines,
                   guint      n_lines)
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
          replace_str (&draft->title, value);
        else if (g_str_equal (key, "date"))
          replace_str (&draft->date, value);
        else if (g_str_equal (key, "lang") || g_str_equal (key, "language"))
          replace_str (&draft->language, value);
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
  g_strfreev (draft->tags);
  draft->tags = (char **)g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* The bundled answers are written as blockquotes; they are answers, not
 * quotations, so one level of '>' comes off when the answer starts with it. */
/* Works in place: taking the quote marks off only ever shortens a line. */
static char *
unwrap_blockquote (char *answer)
{
  const char *line = answer;
  char *out = answer;

  if (*llm_markdown_skip_indent (answer) != '>')
    return answer;

  for (;;)
    {
      const char *end = strchr (line, '\n');
      const char *p = llm_markdown_skip_indent (line);

      if (end == NULL)
        end = line + strlen (line);
      if (*p == '>')
        {
          p++;
          if (*p == ' ' || *p == '\t')
            p++;
        }
      else
        p = line;

      memmove (out, p, end - p);
      out += end - p;
      if (*end == '\0')
        break;
      *out++ = '\n';
      line = end + 1;
    }
  *out = '\0';

  return answer;
}

static void
append_key_point (GPtrArray  *points,
                  const char *start,
                  gsize       len)
{
  char *bare = g_malloc (len + 1);
  char *out = bare;

  /* Bold inside a highlight is formatting, not part of the key point:
   * every "**", taken from the left, goes. */
  for (const char *p = start; p < start + len; )
    {
      if (p[0] == '*' && p + 1 < start + len && p[1] == '*')
        p += 2;
      else
        *out++ = *p++;
    }
  *out = '\0';

  g_strstrip (bare);
  if (bare[0] != '\0')
    g_ptr_array_add (points, bare);
  else
    g_free (bare);
}

/* The key points of one line @s, which is not code. */
static void
scan_key_points (GPtrArray  *points,
                 const char *s)
{
  const char *open = NULL;

  /* Only a backtick or an '=' can change anything. */
  for (const char *p = strpbrk (s, "`="); p != NULL; p = strpbrk (p + 1, "`="))
    {
      if (*p == '`')
        {
          const char *close = llm_markdown_code_span_end (p);

          /* A code span hides any '=' inside it; an unclosed run of
           * backticks is text, and so is every later run of its
           * length, so skipping the run keeps the scan linear. */
          p = (close != NULL ? close : p + strspn (p, "`")) - 1;
          continue;
        }

      if (p[1] != '=' || p[2] == '=' || (p > s && p[-1] == '='))
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
  g_autofree char *copy = NULL;
  LlmBlockScanner scanner = { 0 };

  g_return_val_if_fail (answer != NULL, NULL);

  /* Most answers highlight nothing; big collections load faster for it. */
  if (strstr (answer, "==") == NULL)
    return g_new0 (char *, 1);

  /* One copy, cut into lines in place. */
  copy = g_strdup (answer);
  for (char *line = copy, *end; line != NULL; line = end != NULL ? end + 1 : NULL)
    {
      LlmLineKind kind;

      if ((end = strchr (line, '\n')) != NULL)
        *end = '\0';
      kind = llm_block_scanner_feed (&scanner, line, NULL);
      if (kind != LLM_LINE_FENCE && kind != LLM_LINE_CODE)
        scan_key_points (points, line);
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


void
llm_draft_question_free (LlmDraftQuestion *question)
{
  g_free (question->title);
  g_free (question->id);
  g_free (question->answer);
  g_strfreev (question->key_points);
  g_free (question);
}

static void
draft_topic_free (LlmDraftTopic *topic)
{
  g_free (topic->title);
  g_array_unref (topic->lines);
  g_ptr_array_unref (topic->questions);
  g_free (topic);
}

void
llm_draft_free (LlmDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->title);
  g_free (draft->date);
  g_free (draft->language);
  g_strfreev (draft->tags);
  g_free (draft->heading_title);
  g_ptr_array_unref (draft->topics);
  g_free (draft);
}

/**
 * llm_draft_finish_answer:
 * @text: (transfer full): an answer's lines as written
 *
 * Returns: (transfer full): the answer to show: without blank lines around
 *   it, and without the quote marks of an answer written as a quote
 */
char *
llm_draft_finish_answer (char *text)
{
  char *trimmed = trim_blank_lines (text);

  g_free (text);
  return unwrap_blockquote (trimmed);
}

static guint
skip_front_matter (LlmDraft  *draft,
                   char     **lines)
{
  if (lines[0] == NULL || !g_str_equal (g_strchomp (lines[0]), "---"))
    return 0;

  for (guint i = 1; lines[i]; i++)
    {
      g_autofree char *line = g_strchomp (g_strdup (lines[i]));

      if (g_str_equal (line, "---") || g_str_equal (line, "..."))
        {
          read_front_matter (draft, lines + 1, i - 1);
          return i + 1;
        }
    }

  /* No closing line: it was a thematic break, not front matter. */
  return 0;
}

/* Splits @text into lines in place, without a trailing '\r'. */
static char **
split_lines (char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  char *p = text;

  for (;;)
    {
      char *end = strchr (p, '\n');
      char *stop = end != NULL ? end : p + strlen (p);

      if (stop > p && stop[-1] == '\r')
        stop[-1] = '\0';
      g_ptr_array_add (lines, p);
      if (end == NULL)
        break;
      *end = '\0';
      p = end + 1;
    }

  g_ptr_array_add (lines, NULL);
  return (char **)g_ptr_array_free (lines, FALSE);
}

/**
 * llm_draft_parse_owned:
 * @text: (transfer full): markdown, nul-terminated, which the parser may
 *   change in place and frees
 * @length: length of @text in bytes
 *
 * Safe to call from any thread.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set when @text
 *   is binary. A draft may hold no question.
 */
LlmDraft *
llm_draft_parse_owned (char    *text,
                       gsize    length,
                       GError **error)
{
  g_autoptr(LlmDraft) draft = NULL;
  g_autofree char *valid = text;
  g_autofree char **lines = NULL;
  const char *end = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (text[length] == '\0', NULL);

  /* Text never holds NUL; anything that does is not meant to be read. */
  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error_literal (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_BINARY,
                           _("This is a binary file, not markdown"));
      return NULL;
    }

  draft = g_new0 (LlmDraft, 1);
  draft->topics = g_ptr_array_new_with_free_func ((GDestroyNotify)draft_topic_free);
  draft->invalid_offset = -1;
  draft->tags = g_new0 (char *, 1);

  /* A validator of our own, a word of ASCII at a time, saved only some
   * 4 % of a large load: not worth its ninety lines. */
  if (!g_utf8_validate_len (text, length, &end))
    {
      draft->invalid_offset = end - text;
      valid = g_utf8_make_valid (text, length);
      g_free (text);
    }

  lines = split_lines (g_str_has_prefix (valid, "\xEF\xBB\xBF") ? valid + 3 : valid);
  llm_outline_build (draft, lines, skip_front_matter (draft, lines));

  return g_steal_pointer (&draft);
}

/**
 * llm_draft_parse:
 *
 * Like llm_draft_parse_owned(), on a copy of @text.
 */
LlmDraft *
llm_draft_parse (const char  *text,
                 gsize        length,
                 GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  return llm_draft_parse_owned (g_strndup (text, length), length, error);
}

/**
 * llm_draft_unique_id:
 * @ids: the ids given out so far, which takes the new one
 * @id: an id made by llm_text_make_id()
 *
 * Two questions with the same title still need distinct ids; the later
 * one gets a suffix, which is stable as long as their order is.
 *
 * Returns: (transfer none): the unique id, owned by @ids
 */
const char *
llm_draft_unique_id (GHashTable *ids,
                     const char *id)
{
  char *unique = g_strdup (id);

  for (guint n = 2; g_hash_table_contains (ids, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s-%u", id, n);
    }
  g_hash_table_add (ids, unique);

  return unique;
}

/**
 * llm_draft_add_warnings:
 * @name: the file's name as the user knows it
 *
 * Tells the user what the parser had to repair in @draft.
 */
void
llm_draft_add_warnings (LlmDraft      *draft,
                        LlmCollection *collection,
                        const char    *name)
{
  if (draft->invalid_offset >= 0)
    {
      g_autofree char *message = NULL;

      /* A plain integer type: a G_GSSIZE_FORMAT inside _() would cut the
       * message short for xgettext. */
      message = g_strdup_printf (_("“%s” is not valid UTF-8 at byte %lld; the damaged text shows as “\xEF\xBF\xBD”"),
                                 name, (long long)draft->invalid_offset);
      llm_collection_add_problem (collection, name, message);
    }
}

static LlmCollection *
collection_from_draft (LlmDraft    *draft,
                       const char  *fallback_title,
                       GFile       *base,
                       const char  *name,
                       const char  *source,
                       GError     **error)
{
  g_autoptr(LlmCollection) collection = llm_collection_new (fallback_title, base);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_cards = 0;
  guint n = 0;

  /* Front matter names the collection; else a document title does. */
  if (draft->title != NULL)
    llm_collection_set_title (collection, draft->title);
  else if (draft->heading_title != NULL)
    llm_collection_set_title (collection, draft->heading_title);
  llm_collection_set_date (collection, draft->date);
  llm_collection_set_language (collection, draft->language);
  llm_collection_set_tags (collection, (const char * const *)draft->tags);

  for (guint t = 0; t < draft->topics->len; t++)
    {
      LlmDraftTopic *draft_topic = g_ptr_array_index (draft->topics, t);
      g_autoptr(LlmTopic) topic = NULL;

      topic = llm_topic_new (draft_topic->title ? draft_topic->title : llm_collection_get_title (collection));
      llm_topic_set_location (topic, source, (const guint *)draft_topic->lines->data, draft_topic->lines->len);
      for (guint i = 0; i < draft_topic->questions->len; i++)
        {
          LlmDraftQuestion *draft_question = g_ptr_array_index (draft_topic->questions, i);
          const char *title = draft_question->title ? draft_question->title : llm_collection_get_title (collection);
          g_autoptr(LlmQuestion) question = NULL;
          g_autofree char *id = draft_question->id ? NULL : llm_text_make_id (title);

          n_cards += !draft_question->is_page;
          n++;
          question = llm_question_new_take (llm_draft_unique_id (ids, id ? id : draft_question->id),
                                            draft_question->number ? draft_question->number
                                            : draft_question->is_page ? 0 : n_cards,
                                            llm_text_skip_number_prefix (title, NULL),
                                            llm_topic_get_title (topic),
                                            g_steal_pointer (&draft_question->answer),
                                            g_steal_pointer (&draft_question->key_points));
          llm_question_set_source (question, source);
          llm_question_set_line (question, draft_question->line);
          llm_question_set_is_card (question, !draft_question->is_page);
          llm_topic_append (topic, question);
        }
      llm_collection_append_topic (collection, topic);
    }

  if (n == 0)
    {
      g_set_error_literal (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_EMPTY,
                           _("No questions found. Questions are headings such as “### 1. What is attention?” under topic headings such as “## Transformer”."));
      return NULL;
    }

  llm_draft_add_warnings (draft, collection, name);

  return g_steal_pointer (&collection);
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
  g_autoptr(LlmDraft) draft = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (fallback_title != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  draft = llm_draft_parse (text, length, error);
  if (draft == NULL)
    return NULL;

  return collection_from_draft (draft, fallback_title, base, fallback_title, NULL, error);
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
  g_autofree char *title = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LlmDraft) draft = NULL;
  LlmCollection *collection = NULL;
  gsize length = 0;
  char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!llm_file_read_at_most (file, LLM_FILE_READ_OPENED_MAX_BYTES, NULL, &contents, &length, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  basename = g_file_get_basename (file);
  display = g_filename_display_basename (basename);
  title = g_strdup (display);
  if ((dot = strrchr (title, '.')) != NULL && dot != title)
    *dot = '\0';
  parent = g_file_get_parent (file);

  draft = llm_draft_parse_owned (g_steal_pointer (&contents), length, &local_error);
  if (draft != NULL)
    collection = collection_from_draft (draft, title, parent, display, basename, &local_error);

  if (collection == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
    }

  return collection;
}
