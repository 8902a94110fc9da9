/* llm-my-questions.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-file-read.h"
#include "llm-my-questions.h"
#include "llm-question.h"
#include "llm-text.h"
#include "llm-topic.h"

/* Questions the user adds, heard in a real interview, kept in one plain
 * markdown file in the bundled notes' shape ("## topic", "### N. title",
 * the answer) so it can be read, edited and synced by hand. The app
 * changes it line by line: whatever else a hand put in the file stays.
 * Ids come from titles, as everywhere, so renumbering or reordering by
 * hand keeps notes and reviews attached. */

G_DEFINE_QUARK (llm-my-questions-error-quark, llm_my_questions_error)

#define FILE_NAME "my-questions.md"

gboolean
llm_my_questions_is_mine (LlmQuestion *question)
{
  g_return_val_if_fail (LLM_IS_QUESTION (question), FALSE);

  return g_str_has_prefix (llm_question_get_id (question), LLM_MY_QUESTIONS_ID_PREFIX);
}

/* The file as lines, and where each heading the parser saw is. */
typedef struct
{
  GPtrArray *lines;      /* of char *, without their '\n' */
  LlmDraft *draft;
  GArray *headings;      /* of guint: 1-based lines of every topic and question */
} Document;

static void
document_clear (Document *doc)
{
  g_clear_pointer (&doc->lines, g_ptr_array_unref);
  g_clear_pointer (&doc->draft, llm_draft_free);
  g_clear_pointer (&doc->headings, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Document, document_clear)

static gboolean
document_read_text (Document    *doc,
                    const char  *text,
                    gsize        length,
                    GError     **error)
{
  g_auto(GStrv) lines = NULL;

  doc->draft = llm_draft_parse (text, length, error);
  if (doc->draft == NULL)
    return FALSE;

  doc->lines = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (doc->lines, g_steal_pointer (&lines[i]));
  /* "a\nb\n" splits into a, b and an empty last piece: the final newline. */
  if (doc->lines->len > 0 && ((char *)g_ptr_array_index (doc->lines, doc->lines->len - 1))[0] == '\0')
    g_ptr_array_remove_index (doc->lines, doc->lines->len - 1);

  doc->headings = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint t = 0; t < doc->draft->topics->len; t++)
    {
      LlmDraftTopic *topic = g_ptr_array_index (doc->draft->topics, t);

      g_array_append_vals (doc->headings, topic->lines->data, topic->lines->len);
      for (guint i = 0; i < topic->questions->len; i++)
        {
          LlmDraftQuestion *question = g_ptr_array_index (topic->questions, i);

          if (question->line > 0)
            g_array_append_val (doc->headings, question->line);
        }
    }

  return TRUE;
}

static gboolean
document_read (Document    *doc,
               const char  *path,
               GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  if (!llm_file_read_path (path, &text, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      text = g_strdup ("");
      length = 0;
    }

  return document_read_text (doc, text, length, error);
}

/* The 0-based index of the first heading after @line, or the end: where
 * the block that starts at @line stops. */
static guint
document_block_end (Document *doc,
                    guint     line)
{
  guint end = doc->lines->len;

  for (guint i = 0; i < doc->headings->len; i++)
    {
      guint heading = g_array_index (doc->headings, guint, i);

      if (heading > line && heading - 1 < end)
        end = heading - 1;
    }

  return end;
}

static gboolean
document_write (Document    *doc,
                const char  *path,
                GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  for (guint i = 0; i < doc->lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (doc->lines, i));
      g_string_append_c (out, '\n');
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }

  /* Renamed into place and synced: a crash leaves the old file or the
   * new one, never half of either. */
  return g_file_set_contents_full (path, out->str, out->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

/* The id each question of the draft gets, in the draft's order, exactly
 * as llm_my_questions_load() gives them. */
static char *
draft_question_id (GHashTable       *ids,
                   LlmDraftQuestion *question)
{
  g_autofree char *made = question->id ? NULL : llm_text_make_id (question->title ? question->title : "");

  return g_strconcat (LLM_MY_QUESTIONS_ID_PREFIX,
                      llm_draft_unique_id (ids, made ? made : question->id), NULL);
}

static LlmDraftQuestion *
document_find (Document       *doc,
               const char     *id,
               LlmDraftTopic **topic_out)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint t = 0; t < doc->draft->topics->len; t++)
    {
      LlmDraftTopic *topic = g_ptr_array_index (doc->draft->topics, t);

      for (guint i = 0; i < topic->questions->len; i++)
        {
          LlmDraftQuestion *question = g_ptr_array_index (topic->questions, i);
          g_autofree char *question_id = draft_question_id (ids, question);

          if (g_str_equal (question_id, id) && question->line > 0)
            {
              *topic_out = topic;
              return question;
            }
        }
    }

  return NULL;
}

static guint
document_max_number (Document *doc)
{
  guint max = 0;

  for (guint t = 0; t < doc->draft->topics->len; t++)
    {
      LlmDraftTopic *topic = g_ptr_array_index (doc->draft->topics, t);

      for (guint i = 0; i < topic->questions->len; i++)
        max = MAX (max, ((LlmDraftQuestion *)g_ptr_array_index (topic->questions, i))->number);
    }

  return max;
}

/* One line with no line breaks: a heading cannot span two. */
static char *
one_line (const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");

  g_strdelimit (copy, "\r\n\t", ' ');
  return g_strdup (g_strstrip (copy));
}

/* The lines a question takes. An answer line that would read as a topic or
 * question heading is escaped, so the answer cannot split the file. */
static GPtrArray *
make_block (guint       number,
            const char *title,
            const char *answer)
{
  GPtrArray *block = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (answer ? answer : "", "\n", -1);
  guint n = g_strv_length (lines);

  g_ptr_array_add (block, g_strdup_printf ("### %u. %s", number, title));
  g_ptr_array_add (block, g_strdup (""));
  while (n > 0 && g_strstrip (lines[n - 1])[0] == '\0')
    n--;
  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[i];
      gsize hashes = strspn (line, "#");

      g_strchomp (lines[i]);
      if (hashes >= 1 && hashes <= 3 && (line[hashes] == ' ' || line[hashes] == '\0'))
        g_ptr_array_add (block, g_strconcat ("\\", line, NULL));
      else
        g_ptr_array_add (block, g_strdup (line));
    }
  if (n > 0)
    g_ptr_array_add (block, g_strdup (""));

  return block;
}

static void
insert_lines (GPtrArray *lines,
              guint      index,
              GPtrArray *block)
{
  /* A heading needs a blank line above it to read well by hand. */
  if (index > 0 && ((char *)g_ptr_array_index (lines, index - 1))[0] != '\0')
    g_ptr_array_insert (lines, index++, g_strdup (""));
  for (guint i = 0; i < block->len; i++)
    g_ptr_array_insert (lines, index + i, g_strdup (g_ptr_array_index (block, i)));
}

static LlmDraftTopic *
document_find_topic (Document   *doc,
                     const char *title)
{
  for (guint t = 0; t < doc->draft->topics->len; t++)
    {
      LlmDraftTopic *topic = g_ptr_array_index (doc->draft->topics, t);

      if (topic->title != NULL && g_str_equal (topic->title, title) && topic->lines->len > 0)
        return topic;
    }

  return NULL;
}

/* Puts @block at the end of @topic_title's questions, or under a new
 * topic heading at the end of the file. */
static void
document_place (Document   *doc,
                const char *topic_title,
                GPtrArray  *block)
{
  LlmDraftTopic *topic = document_find_topic (doc, topic_title);

  if (topic != NULL)
    {
      guint last = g_array_index (topic->lines, guint, topic->lines->len - 1);

      for (guint i = 0; i < topic->questions->len; i++)
        last = MAX (last, ((LlmDraftQuestion *)g_ptr_array_index (topic->questions, i))->line);
      insert_lines (doc->lines, document_block_end (doc, last), block);
      return;
    }

  {
    g_autoptr(GPtrArray) heading = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (heading, g_strdup_printf ("## %s", topic_title));
    g_ptr_array_add (heading, g_strdup (""));
    insert_lines (doc->lines, doc->lines->len, heading);
    g_ptr_array_remove_index (doc->lines, doc->lines->len - 1);
    insert_lines (doc->lines, doc->lines->len, block);
  }
}

static gboolean
check_title (const char  *title,
             GError     **error)
{
  if (title[0] == '\0')
    {
      g_set_error_literal (error, LLM_MY_QUESTIONS_ERROR, LLM_MY_QUESTIONS_ERROR_EMPTY_TITLE,
                           _("A question needs a title"));
      return FALSE;
    }

  return TRUE;
}

static char *
id_for_title (const char *title)
{
  g_autofree char *id = llm_text_make_id (title);

  return g_strconcat (LLM_MY_QUESTIONS_ID_PREFIX, id, NULL);
}

/**
 * llm_my_questions_append:
 * @path: the file, made if missing
 * @topic: (nullable): the topic; empty or %NULL for "My Questions"
 * @title: the question, one line
 * @answer: the answer, markdown
 * @id: (out) (optional) (transfer full): the new question's id
 *
 * Adds a question at the end of @topic's, numbered after every other, and
 * saves the file atomically and durably.
 */
gboolean
llm_my_questions_append (const char  *path,
                         const char  *topic,
                         const char  *title,
                         const char  *answer,
                         char       **id,
                         GError     **error)
{
  g_auto(Document) doc = { 0 };
  g_autofree char *clean_title = one_line (title);
  g_autofree char *clean_topic = one_line (topic);
  g_autoptr(GPtrArray) block = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_title (clean_title, error) || !document_read (&doc, path, error))
    return FALSE;
  if (clean_topic[0] == '\0')
    {
      g_free (clean_topic);
      clean_topic = g_strdup (_("My Questions"));
    }

  block = make_block (document_max_number (&doc) + 1, clean_title, answer);
  document_place (&doc, clean_topic, block);
  if (!document_write (&doc, path, error))
    return FALSE;

  if (id != NULL)
    {
      /* A second question of the same title gets a suffix: read it back. */
      g_autoptr(LlmTopic) group = llm_my_questions_load (path, NULL);
      guint n_topics = group ? g_list_model_get_n_items (G_LIST_MODEL (group)) : 0;

      *id = NULL;
      for (guint t = 0; t < n_topics && *id == NULL; t++)
        {
          g_autoptr(LlmTopic) item = g_list_model_get_item (G_LIST_MODEL (group), t);
          guint n = g_list_model_get_n_items (G_LIST_MODEL (item));

          if (!g_str_equal (llm_topic_get_title (item), clean_topic))
            continue;
          if (n > 0)
            {
              g_autoptr(LlmQuestion) last = g_list_model_get_item (G_LIST_MODEL (item), n - 1);

              *id = g_strdup (llm_question_get_id (last));
            }
        }
      if (*id == NULL)
        *id = id_for_title (clean_title);
    }

  return TRUE;
}

/**
 * llm_my_questions_edit:
 * @id: the question's id, as llm_my_questions_load() gives it
 * @topic: (nullable): the topic it moves to; empty or %NULL to keep it
 * @new_id: (out) (optional) (transfer full): its id after the edit, which
 *   changes with its title
 *
 * Rewrites one question's heading and answer, in place, or at the end of
 * another topic. Every other line of the file stays as it was.
 */
gboolean
llm_my_questions_edit (const char  *path,
                       const char  *id,
                       const char  *topic,
                       const char  *title,
                       const char  *answer,
                       char       **new_id,
                       GError     **error)
{
  g_auto(Document) doc = { 0 };
  g_autofree char *clean_title = one_line (title);
  g_autofree char *clean_topic = one_line (topic);
  g_autoptr(GPtrArray) block = NULL;
  LlmDraftQuestion *question;
  LlmDraftTopic *old_topic = NULL;
  guint start, end;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!check_title (clean_title, error) || !document_read (&doc, path, error))
    return FALSE;

  question = document_find (&doc, id, &old_topic);
  if (question == NULL)
    {
      g_set_error (error, LLM_MY_QUESTIONS_ERROR, LLM_MY_QUESTIONS_ERROR_NOT_FOUND,
                   _("“%s” is no longer in %s"), id, path);
      return FALSE;
    }

  block = make_block (question->number ? question->number : document_max_number (&doc) + 1,
                      clean_title, answer);
  start = question->line - 1;
  end = document_block_end (&doc, question->line);

  if (clean_topic[0] == '\0' || g_strcmp0 (old_topic->title, clean_topic) == 0)
    {
      /* The blank lines the old block ended with stay as they were. */
      while (end > start + 1 && ((char *)g_ptr_array_index (doc.lines, end - 1))[0] == '\0')
        end--;
      if (block->len > 0 && ((char *)g_ptr_array_index (block, block->len - 1))[0] == '\0')
        g_ptr_array_remove_index (block, block->len - 1);
      g_ptr_array_remove_range (doc.lines, start, end - start);
      for (guint i = 0; i < block->len; i++)
        g_ptr_array_insert (doc.lines, start + i, g_strdup (g_ptr_array_index (block, i)));
    }
  else
    {
      /* Placing needs the headings as they are once the block is gone. */
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *contents = NULL;

      g_ptr_array_remove_range (doc.lines, start, end - start);
      for (guint i = 0; i < doc.lines->len; i++)
        g_string_append_printf (text, "%s\n", (char *)g_ptr_array_index (doc.lines, i));
      contents = g_string_free (g_steal_pointer (&text), FALSE);
      g_clear_pointer (&doc.draft, llm_draft_free);
      g_clear_pointer (&doc.headings, g_array_unref);
      g_clear_pointer (&doc.lines, g_ptr_array_unref);
      if (!document_read_text (&doc, contents, strlen (contents), error))
        return FALSE;
      document_place (&doc, clean_topic, block);
    }

  if (!document_write (&doc, path, error))
    return FALSE;

  if (new_id != NULL)
    *new_id = id_for_title (clean_title);

  return TRUE;
}

/**
 * llm_my_questions_load:
 * @path: the file
 *
 * Returns: (transfer full) (nullable): a group titled "My Questions" of
 *   the file's topics, or %NULL with @error unset when the file is missing
 *   or holds no question
 */
LlmTopic *
llm_my_questions_load (const char  *path,
                       GError     **error)
{
  g_auto(Document) doc = { 0 };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LlmTopic) group = NULL;
  guint n_questions = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || !document_read (&doc, path, error))
    return NULL;

  group = llm_topic_new_group (_("My Questions"));
  for (guint t = 0; t < doc.draft->topics->len; t++)
    {
      LlmDraftTopic *draft_topic = g_ptr_array_index (doc.draft->topics, t);
      g_autoptr(LlmTopic) topic = llm_topic_new (draft_topic->title ? draft_topic->title : _("My Questions"));

      llm_topic_set_location (topic, NULL, (const guint *)draft_topic->lines->data, draft_topic->lines->len);
      for (guint i = 0; i < draft_topic->questions->len; i++)
        {
          LlmDraftQuestion *draft_question = g_ptr_array_index (draft_topic->questions, i);
          g_autofree char *id = draft_question_id (ids, draft_question);
          g_autoptr(LlmQuestion) question = NULL;

          question = llm_question_new_take (id, draft_question->number,
                                            llm_text_skip_number_prefix (draft_question->title ? draft_question->title
                                                                         : llm_topic_get_title (topic), NULL),
                                            llm_topic_get_title (topic),
                                            g_steal_pointer (&draft_question->answer),
                                            g_steal_pointer (&draft_question->key_points));
          llm_question_set_line (question, draft_question->line);
          llm_question_set_is_card (question, !draft_question->is_page);
          llm_topic_append (topic, question);
          n_questions++;
        }
      if (draft_topic->questions->len > 0)
        llm_topic_append_topic (group, topic);
    }

  if (n_questions == 0)
    return NULL;

  return g_steal_pointer (&group);
}

/**
 * llm_my_questions_merge:
 * @path: the file (llm_user_data_get_my_questions())
 *
 * Adds the user's questions to @collection as a group "My Questions" at
 * the end of its tree. A file that cannot be read is a warning of the
 * collection's, not a failure: the collection is still worth showing.
 *
 * Returns: whether any question was added
 */
gboolean
llm_my_questions_merge (LlmCollection *collection,
                        const char    *path)
{
  g_autoptr(LlmTopic) group = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LLM_IS_COLLECTION (collection), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  group = llm_my_questions_load (path, &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your questions could not be read: %s"), error->message);

      llm_collection_add_warning (collection, message);
    }
  if (group == NULL)
    return FALSE;

  llm_collection_append_group (collection, group);
  return TRUE;
}
