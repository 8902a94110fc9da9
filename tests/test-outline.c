/* test-outline.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How files of many shapes become topics, study cards and pages, and that
 * no line of them is lost on the way.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-folder-loader.h"
#include "llm-lossless.h"
#include "llm-question.h"
#include "llm-search.h"
#include "llm-topic.h"

static GFile *
data_file (const char *first,
           ...)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, (gpointer)g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, "data");
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **)parts->pdata);

  return g_file_new_for_path (path);
}

static LlmCollection *
load (GFile *path)
{
  g_autoptr(GError) error = NULL;
  LlmCollection *collection = llm_collection_load_path (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (collection);
  return collection;
}

/* "Topic[1. card|page:title]" per topic, one line each. */
static char *
describe (LlmCollection *collection)
{
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (collection)); t++)
    {
      g_autoptr(LlmTopic) topic = g_list_model_get_item (G_LIST_MODEL (collection), t);

      g_string_append_printf (out, "%s[", llm_topic_get_title (topic));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (topic)); i++)
        {
          g_autoptr(LlmQuestion) question = g_list_model_get_item (G_LIST_MODEL (topic), i);

          if (i > 0)
            g_string_append_c (out, '|');
          if (llm_question_is_card (question))
            g_string_append_printf (out, "%u. %s", llm_question_get_number (question),
                                    llm_question_get_title (question));
          else
            g_string_append_printf (out, "page:%s", llm_question_get_title (question));
        }
      g_string_append (out, "]\n");
    }

  return g_string_free (out, FALSE);
}

static void
test_shapes (void)
{
  g_autoptr(GFile) folder = data_file ("outline", NULL);
  g_autoptr(LlmCollection) collection = load (folder);
  g_autofree char *tree = describe (collection);

  g_assert_cmpstr (tree, ==,
    /* "2024_" is a year, not an ordinal; each folder of one file is a
     * topic that keeps its folder's name. The list of questions asked
     * before the first heading is a page. */
    "2024_interviews / Onsite round[page:Onsite round|1. What is KV caching?]\n"
    "2025_interviews / Onsite round[1. How does speculative decoding work?]\n"
    /* Files that are one card each gather under their folder. */
    "outline[1. Which serving option is cheapest?]\n"
    /* Headings inside ~~~ and four-backtick fences are code. */
    "fences[1. How do you write a config file?|2. What comes after the fences?]\n"
    /* Text before the first heading is a page of the file. */
    "intro-reference[page:intro-reference|1. What is greedy decoding?|2. What does beam search keep?]\n"
    /* Numbered list items that each own text are cards; the references
     * below them are a page. */
    "list-questions[page:list-questions|1. What is layer normalisation?|2. Why warm up the learning rate?|"
      "3. What is weight decay?|page:Reference(参考文档)]\n"
    "numbered[1. What does a tokenizer do?|2. Why use subwords?]\n"
    /* "# Question" over "###" parts: the parts stay in the answer. */
    "question-parts[1. What is retrieval-augmented generation?|2. How do you evaluate a retrieval pipeline]\n"
    /* Setext headings are headings. */
    "Sampling[page:Sampling|1. What is temperature?|2. What is top-p sampling?]\n"
    /* A topic's own text is a page; a topic of empty headings has pages
     * and no card. */
    "Attention[page:Attention|1. What are queries, keys and values?|2. Why scale by the square root of the dimension?]\n"
    "Planned topics[page:Distillation|page:Quantization]\n");
}

static void
test_parts_stay_in_the_answer (void)
{
  g_autoptr(GFile) file = data_file ("outline", "question-parts.md", NULL);
  g_autoptr(LlmCollection) collection = load (file);
  LlmQuestion *first = llm_collection_get_question (collection, 0);
  LlmQuestion *second = llm_collection_get_question (collection, 1);

  g_assert_nonnull (strstr (llm_question_get_answer (first), "### Parts of the pipeline"));
  g_assert_nonnull (strstr (llm_question_get_answer (first), "# not a heading"));
  g_assert_null (strstr (llm_question_get_answer (first), "Measure the retriever"));
  g_assert_true (g_str_has_prefix (llm_question_get_answer (second), "Measure the retriever"));
  g_assert_cmpuint (llm_question_get_line (second), ==, 17);
}

static void
test_ambiguous_list (void)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  /* A plain numbered list, some items without text of their own, is one
   * card: it is a list, not questions. */
  collection = llm_collection_load_data ("1. eggs\n2. flour\n\n   sifted\n3. milk\n", -1, "Shopping", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 1);
  g_assert_true (llm_question_is_card (llm_collection_get_question (collection, 0)));
  g_clear_object (&collection);

  /* So is one that does not count up from 1. */
  collection = llm_collection_load_data ("2. Two?\n\nyes\n\n4. Four?\n\nno\n", -1, "Skips", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 1);
}

static void
test_links_only (void)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  collection = llm_collection_load_data ("## Topic\n### 1. What is it?\nThis.\n### Further\n"
                                         "- [one](https://example.org/1)\n* <https://example.org/2>\n"
                                         "https://example.org/3\n", -1, "Links", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 2);
  g_assert_true (llm_question_is_card (llm_collection_get_question (collection, 0)));
  g_assert_false (llm_question_is_card (llm_collection_get_question (collection, 1)));
  g_assert_cmpstr (llm_question_get_title (llm_collection_get_question (collection, 1)), ==, "Further");
}

static void
assert_lossless (GFile *path)
{
  g_autoptr(LlmCollection) collection = load (path);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *name = g_file_get_basename (path);
  LlmLosslessCounts counts;

  llm_lossless_check (collection, path, &counts, report);
  g_test_message ("%s: %u files, %u cards, %u pages, %u lines", name,
                  counts.files, counts.cards, counts.pages, counts.source_lines);
  if (report->len > 0)
    g_test_message ("%s", report->str);
  g_assert_cmpuint (counts.source_lines, >, 0);
  g_assert_cmpuint (counts.missing, ==, 0);
  g_assert_cmpuint (counts.extra, ==, 0);
  g_assert_cmpuint (counts.empty_cards, ==, 0);
}

static void
test_lossless (void)
{
  const char *seed = g_getenv ("LLM_TEST_SEED");
  g_autoptr(GFile) bundled = g_file_new_for_path (seed);
  g_autoptr(GFile) outline = data_file ("outline", NULL);
  g_autoptr(GFile) folder = data_file ("folder", NULL);
  g_autoptr(GFileEnumerator) files = NULL;
  GFileInfo *info;

  g_assert_nonnull (seed);
  assert_lossless (bundled);
  assert_lossless (outline);
  assert_lossless (folder);

  /* Each file alone, as "Open File…" reads it. */
  files = g_file_enumerate_children (outline, "standard::name,standard::type", 0, NULL, NULL);
  g_assert_nonnull (files);
  while ((info = g_file_enumerator_next_file (files, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        {
          g_autoptr(GFile) file = g_file_get_child (outline, g_file_info_get_name (info));

          assert_lossless (file);
        }
      g_object_unref (info);
    }
}

static void
test_lossless_catches_loss (void)
{
  g_autoptr(GFile) file = data_file ("outline", "topic-intro.md", NULL);
  g_autoptr(LlmCollection) other = NULL;
  g_autoptr(GError) error = NULL;
  LlmLosslessCounts counts;

  /* The check itself must fail when a collection lacks lines. */
  other = llm_collection_load_data ("## Attention\n### 1. What are queries, keys and values?\nThree projections of the same tokens.\n",
                                    -1, "topic-intro", NULL, &error);
  g_assert_no_error (error);
  llm_lossless_check (other, file, &counts, NULL);
  g_assert_cmpuint (counts.missing, >, 0);
}

/* A setext heading whose first line looks like an underline, as
 * fuzz-collection found: every line is held. */
static void
test_lossless_setext_like_underline (void)
{
  g_autofree char *folder = g_dir_make_tmp ("llm-outline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "notes.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, "## A\n### 1. Q\ntext\n\n====\nbar\n---\nafter\n", -1, NULL));
  assert_lossless (file);
  g_unlink (path);
  g_rmdir (folder);
}

static void
test_search_topics (void)
{
  g_autoptr(GFile) folder = data_file ("outline", NULL);
  g_autoptr(LlmCollection) collection = load (folder);
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) results = NULL;
  LlmSearchResult *first;

  /* "Planned topics" is a topic of two pages: only its title says so. */
  results = llm_search_index_query (index, "planned topics", 0);
  g_assert_cmpuint (results->len, >=, 1);
  first = g_ptr_array_index (results, 0);
  g_assert_cmpstr (llm_question_get_title (llm_search_result_get_question (first)), ==, "Distillation");
  g_assert_cmpint (llm_search_result_get_field (first), ==, LLM_SEARCH_FIELD_TITLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/outline/shapes", test_shapes);
  g_test_add_func ("/llm/outline/parts", test_parts_stay_in_the_answer);
  g_test_add_func ("/llm/outline/ambiguous-list", test_ambiguous_list);
  g_test_add_func ("/llm/outline/links-only", test_links_only);
  g_test_add_func ("/llm/outline/lossless", test_lossless);
  g_test_add_func ("/llm/outline/lossless-catches-loss", test_lossless_catches_loss);
  g_test_add_func ("/llm/outline/lossless-setext-like-underline", test_lossless_setext_like_underline);
  g_test_add_func ("/llm/outline/search-topics", test_search_topics);

  return g_test_run ();
}
