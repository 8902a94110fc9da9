/* fuzz-collection.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The collection loader, three ways: the input as a buffer that is not
 * nul-terminated, the input as a file on disk, and the input as the front
 * matter of an otherwise well-formed collection. Whatever loads must hold
 * together: unique file-safe ids, valid UTF-8, lookups that agree. */

#include "config.h"

#include "fuzz-util.h"
#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-lossless.h"
#include "llm-question.h"

static char *scratch;
static char *note_path;

static void
check_text (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    g_error ("Loaded text is not valid UTF-8");
}

static void
check_collection (LlmCollection *collection)
{
  guint n = llm_collection_get_n_questions (collection);
  const char * const *tags = llm_collection_get_tags (collection);

  check_text (llm_collection_get_title (collection));
  if (llm_collection_get_date (collection) != NULL)
    check_text (llm_collection_get_date (collection));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    check_text (tags[i]);

  for (guint i = 0; i < n; i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);
      const char *id = llm_question_get_id (question);
      const char * const *points = llm_question_get_key_points (question);
      g_auto(GStrv) again = llm_collection_key_points (llm_question_get_answer (question));

      if (!fuzz_check_id (id))
        g_error ("Question %u has an id unfit for a file name: “%s”", i, id);
      if (llm_collection_lookup (collection, id) != question)
        g_error ("Id “%s” does not look up its own question", id);
      if (llm_collection_get_position (collection, question) != i)
        g_error ("Question %u is not at its own position", i);
      if (i > 0 && llm_collection_get_neighbour (collection, question, -1) !=
                   llm_collection_get_question (collection, i - 1))
        g_error ("Question %u has the wrong previous neighbour", i);

      check_text (llm_question_get_title (question));
      check_text (llm_question_get_topic (question));
      check_text (llm_question_get_answer (question));
      if (!g_strv_equal ((const char * const *)again, points))
        g_error ("Key points of question %u differ when collected again", i);
    }
}

static void
load_buffer (const char *text,
             gsize       length)
{
  g_autoptr(GFile) base = g_file_new_for_path (scratch);
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  collection = llm_collection_load_data (text, length, "Fuzz", base, &error);
  if (collection != NULL)
    check_collection (collection);
  else if (error == NULL || error->domain != LLM_COLLECTION_ERROR)
    g_error ("Loading failed without a collection error");
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  scratch = fuzz_make_tmp_dir ();
  note_path = g_build_filename (scratch, "fuzz notes.md", NULL);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GString) wrapped = g_string_new ("---\n");
  g_autoptr(GFile) file = g_file_new_for_path (note_path);
  g_autoptr(LlmCollection) from_file = NULL;
  g_autoptr(GError) error = NULL;

  /* data is not nul-terminated: the length must be honoured. */
  load_buffer ((const char *)data, size);

  g_string_append_len (wrapped, (const char *)data, size);
  g_string_append (wrapped, "\n---\n## Topic\n### 1. Question\n\n> Answer with ==a key point==.\n");
  load_buffer (wrapped->str, wrapped->len);

  fuzz_write_file (note_path, data, size);
  from_file = llm_collection_load_file (file, &error);
  if (from_file != NULL)
    {
      LlmLosslessCounts counts;

      check_collection (from_file);

      /* Every line of the file is held by exactly one node, and no card
       * shows nothing. */
      llm_lossless_check (from_file, file, &counts, NULL);
      if (counts.missing > 0 || counts.extra > 0 || counts.empty_cards > 0)
        g_error ("Not lossless: %u lines missing, %u extra, %u empty cards",
                 counts.missing, counts.extra, counts.empty_cards);
    }

  return 0;
}
