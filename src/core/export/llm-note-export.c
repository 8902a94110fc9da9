/* llm-note-export.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-note-export.h"
#include "llm-question.h"
#include "llm-topic.h"

/* Every note in one Obsidian-compatible markdown file: "## topic" and
 * "### question" headings in the collection's order, each note under its
 * question. Notes whose question is not in the collection come last, under
 * the title their own header recorded, so none is left out. */

static void
append_note (GString    *out,
             const char *title,
             const char *body)
{
  g_string_append_printf (out, "### %s\n\n%s", title, body);
  if (!g_str_has_suffix (body, "\n"))
    g_string_append_c (out, '\n');
  g_string_append_c (out, '\n');
}

char *
llm_note_export_markdown (LlmNoteStore  *store,
                          LlmCollection *collection)
{
  g_autoptr(GHashTable) exported = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) ids = NULL;
  GString *out;
  guint n_topics;
  gboolean others = FALSE;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (store), NULL);
  g_return_val_if_fail (LLM_IS_COLLECTION (collection), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "# %s\n\n", llm_collection_get_title (collection));

  n_topics = g_list_model_get_n_items (G_LIST_MODEL (collection));
  for (guint t = 0; t < n_topics; t++)
    {
      g_autoptr(LlmTopic) topic = g_list_model_get_item (G_LIST_MODEL (collection), t);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (topic));
      gboolean heading = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LlmQuestion) question = g_list_model_get_item (G_LIST_MODEL (topic), i);
          g_autofree char *body = llm_note_store_read (store, llm_question_get_id (question), NULL);

          if (body == NULL)
            continue;

          if (!heading)
            g_string_append_printf (out, "## %s\n\n", llm_topic_get_title (topic));
          heading = TRUE;
          append_note (out, llm_question_get_title (question), body);
          g_hash_table_add (exported, (gpointer)llm_question_get_id (question));
        }
    }

  ids = llm_note_store_list_ids (store);
  for (guint i = 0; ids[i]; i++)
    {
      g_autofree char *body = NULL;
      g_autofree char *title = NULL;

      if (g_hash_table_contains (exported, ids[i]))
        continue;

      body = llm_note_store_read (store, ids[i], NULL);
      if (body == NULL)
        continue;

      if (!others)
        g_string_append_printf (out, "## %s\n\n", _("Other Notes"));
      others = TRUE;

      llm_note_store_read_header (store, ids[i], &title, NULL);
      append_note (out, title ? title : ids[i], body);
    }

  return g_string_free (out, FALSE);
}

gboolean
llm_note_export_to_file (LlmNoteStore   *store,
                         LlmCollection  *collection,
                         GFile          *file,
                         GError        **error)
{
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = llm_note_export_markdown (store, collection);
  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);

  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}
