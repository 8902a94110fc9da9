/* test-collection.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-question.h"
#include "llm-topic.h"

static char *
read_seed (void)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (g_getenv ("LLM_TEST_SEED"), &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static LlmCollection *
load_seed (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("LLM_TEST_SEED"));
  g_autoptr(GError) error = NULL;
  LlmCollection *collection;

  collection = llm_collection_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  return collection;
}

static LlmQuestion *
question_numbered (LlmCollection *collection,
                   guint          number)
{
  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);

      if (llm_question_get_number (question) == number)
        return question;
    }

  g_assert_not_reached ();
}

static void
test_seed_shape (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  static const char *topics[] = { "Transformer", "注意力机制", "大型语言模型（LLM）", "自然语言处理（NLP）" };
  static const guint sizes[] = { 5, 5, 16, 4 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (collection)), ==, 4);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 30);

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(LlmTopic) topic = g_list_model_get_item (G_LIST_MODEL (collection), i);

      g_assert_cmpstr (llm_topic_get_title (topic), ==, topics[i]);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (topic)), ==, sizes[i]);
    }

  /* Reading order numbers them 1 to 30. */
  for (guint i = 0; i < 30; i++)
    g_assert_cmpuint (llm_question_get_number (llm_collection_get_question (collection, i)), ==, i + 1);
}

static void
test_seed_titles (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();

  g_assert_cmpstr (llm_question_get_title (question_numbered (collection, 1)), ==,
                   "Transformer 模型的主要组成部分是什么？");
  g_assert_cmpstr (llm_question_get_title (question_numbered (collection, 8)), ==,
                   "解释 Scaled Dot-Product Attention 是如何计算的。");
  g_assert_cmpstr (llm_question_get_title (question_numbered (collection, 30)), ==,
                   "解释什么是情感分析，以及它是如何实现的。");
  g_assert_cmpstr (llm_question_get_topic (question_numbered (collection, 8)), ==, "注意力机制");
}

static void
test_seed_metadata (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  const char * const *tags = llm_collection_get_tags (collection);

  g_assert_cmpstr (llm_collection_get_title (collection), ==, "llm-interview-notes");
  g_assert_cmpstr (llm_collection_get_date (collection), ==, "2024-03-01");
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "LLM");
  g_assert_cmpstr (tags[1], ==, "NLP");
  g_assert_cmpstr (tags[2], ==, "Interview");
  {
    g_autofree char *lang = llm_collection_dup_language (collection);

    g_assert_cmpstr (lang, ==, "zh-CN");
  }
}

/* The page's lang: what the front matter says, else the script the notes
 * are written in. Chinese notes full of English terms are still Chinese. */
static void
test_language (void)
{
  static const struct { const char *text; const char *lang; } cases[] = {
    { "## Attention\n### 1. What is attention?\nA weighted sum of values.\n", "en" },
    { "## 注意力\n### 1. 什么是 self-attention？\nQuery、Key、Value 的加权求和，softmax 归一化。\n", "zh-CN" },
    { "---\nlang: en-GB\n---\n## 注意力\n### 1. 什么是注意力？\n加权求和。\n", "en-GB" },
    { "---\nlanguage: ja\n---\n## Attention\n### 1. Q\nA\n", "ja" },
    { "## 注意\n### 1. アテンションとは？\n重み付きの和です。\n", "ja" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlmCollection) collection = llm_collection_load_data (cases[i].text, -1, "lang", NULL, &error);
      g_autofree char *lang = NULL;

      g_assert_no_error (error);
      lang = llm_collection_dup_language (collection);
      g_assert_cmpstr (lang, ==, cases[i].lang);
    }
}

static void
test_seed_answers (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  const char *answer1 = llm_question_get_answer (question_numbered (collection, 1));
  const char *answer8 = llm_question_get_answer (question_numbered (collection, 8));

  /* The blockquote wrapping comes off. */
  g_assert_true (g_str_has_prefix (answer1, "**Encoder-Decoder 架构**"));
  g_assert_true (g_str_has_prefix (answer8, "- **计算流程详述**"));
  g_assert_nonnull (strstr (answer8, "$\\sqrt{d_k}$"));
  g_assert_null (strstr (answer8, "\n>"));
  g_assert_null (strstr (answer8, "### 9."));
}

static void
test_seed_key_points (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  const char * const *points = llm_question_get_key_points (question_numbered (collection, 3));

  g_assert_cmpuint (g_strv_length ((char **)points), ==, 3);
  g_assert_cmpstr (points[0], ==, "通过自注意力机制直接计算序列中任意两个位置之间的依赖关系");
  g_assert_cmpstr (points[1], ==, "并行处理所有位置的信息");
  g_assert_true (g_strv_contains (points, "通过自注意力机制直接计算序列中任意两个位置之间的依赖关系"));

  /* A question with no highlights has no key points. */
  points = llm_question_get_key_points (question_numbered (collection, 7));
  g_assert_cmpuint (g_strv_length ((char **)points), ==, 0);
}

static void
test_key_points_edge_cases (void)
{
  g_auto(GStrv) points = llm_collection_key_points ("a==b stays literal\n`==code==` then ==**bold** key== and == not ==\n"
                                                    "```\n==fenced==\n```\n==last==");

  g_assert_cmpuint (g_strv_length (points), ==, 2);
  g_assert_cmpstr (points[0], ==, "bold key");
  g_assert_cmpstr (points[1], ==, "last");

  /* A code span closes only on a run of as many backticks as opened it. */
  {
    g_auto(GStrv) spans = llm_collection_key_points ("` ==open== `` ==after==\n");

    g_assert_cmpuint (g_strv_length (spans), ==, 2);
    g_assert_cmpstr (spans[0], ==, "open");
    g_assert_cmpstr (spans[1], ==, "after");
  }
}

/* Renumbering and reordering the source keeps every id. */
static void
test_ids_stable (void)
{
  g_autofree char *seed = read_seed ();
  g_autoptr(LlmCollection) before = load_seed ();
  g_autoptr(LlmCollection) after = NULL;
  g_autoptr(GRegex) number = g_regex_new ("^### (\\d+)\\.", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GString) shuffled = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *renumbered = NULL;
  g_auto(GStrv) topics = NULL;
  guint n_topics;

  /* Every question gets a new number... */
  renumbered = g_regex_replace (number, seed, -1, 0, "### 1\\1.", 0, &error);
  g_assert_no_error (error);

  /* ...and the topics come in reverse order. */
  topics = g_strsplit (renumbered, "\n## ", -1);
  n_topics = g_strv_length (topics);
  g_assert_cmpuint (n_topics, ==, 5);
  g_string_append (shuffled, topics[0]);
  for (guint i = n_topics - 1; i >= 1; i--)
    g_string_append_printf (shuffled, "\n## %s\n", topics[i]);

  after = llm_collection_load_data (shuffled->str, shuffled->len, "shuffled", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (after), ==, 30);
  g_assert_cmpuint (llm_question_get_number (llm_collection_get_question (after, 0)), ==, 127);

  for (guint i = 0; i < 30; i++)
    {
      LlmQuestion *old = llm_collection_get_question (before, i);
      LlmQuestion *moved = llm_collection_lookup (after, llm_question_get_id (old));

      g_assert_nonnull (moved);
      g_assert_cmpstr (llm_question_get_title (moved), ==, llm_question_get_title (old));
      g_autofree char *expected = g_strdup_printf ("1%u", llm_question_get_number (old));

      /* "### 8." became "### 18.", and the question kept its id. */
      g_assert_cmpuint (llm_question_get_number (moved), ==, g_ascii_strtoull (expected, NULL, 10));
    }
}

static void
test_duplicate_titles (void)
{
  const char *text = "## A\n### 1. Same\none\n### 2. Same\ntwo\n## B\n### 3. same!\nthree\n";
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  collection = llm_collection_load_data (text, -1, "dups", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (llm_question_get_id (llm_collection_get_question (collection, 0)), ==, "same");
  g_assert_cmpstr (llm_question_get_id (llm_collection_get_question (collection, 1)), ==, "same-2");
  g_assert_cmpstr (llm_question_get_id (llm_collection_get_question (collection, 2)), ==, "same-3");
  g_assert_cmpstr (llm_question_get_answer (llm_collection_lookup (collection, "same-2")), ==, "two");
}

static void
test_headings_in_code (void)
{
  const char *text =
    "---\ntitle: \"My notes\"\ntags: [a, b]\n---\n"
    "## Topic\n### 1. Shell\n```sh\n# comment, not a heading\n### nor this\n```\n#### Detail\nbody\n";
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  LlmQuestion *question;

  collection = llm_collection_load_data (text, -1, "fallback", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (llm_collection_get_title (collection), ==, "My notes");
  g_assert_cmpstr (llm_collection_get_tags (collection)[1], ==, "b");
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 1);

  question = llm_collection_get_question (collection, 0);
  g_assert_nonnull (strstr (llm_question_get_answer (question), "# comment, not a heading"));
  g_assert_nonnull (strstr (llm_question_get_answer (question), "#### Detail"));
}

/* Learners write "## **1. Overview**"; the tree shows what a reader sees. */
static void
test_heading_markup (void)
{
  const char *text =
    "# Notes\n\n## **1.概述**\nA.\n\n## 2. The `softmax` *function*\nB.\n\n"
    "## [BERT](https://example.com) \\*not\\* emphasis &amp; more\nC.\n\n"
    "## $x_i$ and $y_i$\nD.\n";
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  LlmQuestion *question;

  collection = llm_collection_load_data (text, -1, "markup", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 4);

  question = llm_collection_get_question (collection, 0);
  g_assert_cmpstr (llm_question_get_title (question), ==, "概述");
  g_assert_cmpuint (llm_question_get_number (question), ==, 1);
  question = llm_collection_get_question (collection, 1);
  g_assert_cmpstr (llm_question_get_title (question), ==, "The softmax function");
  g_assert_cmpuint (llm_question_get_number (question), ==, 2);
  question = llm_collection_get_question (collection, 2);
  g_assert_cmpstr (llm_question_get_title (question), ==, "BERT *not* emphasis & more");
  /* Underscores in math are not emphasis: the title stays as written. */
  question = llm_collection_get_question (collection, 3);
  g_assert_cmpstr (llm_question_get_title (question), ==, "$x_i$ and $y_i$");
}

static void
test_flat_file (void)
{
  const char *text = "# Title\n\n## What is BPE?\nByte pair encoding.\n\n## What is a token?\nA unit.\n";
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  /* Without third-level headings, second-level ones are the questions. */
  collection = llm_collection_load_data (text, -1, "flat", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 2);
  g_assert_cmpstr (llm_question_get_title (llm_collection_get_question (collection, 1)), ==, "What is a token?");
  g_assert_cmpstr (llm_question_get_topic (llm_collection_get_question (collection, 1)), ==, "Title");
}

static void
test_bad_input (void)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  const char binary[] = "PK\x03\x04\0\0\0binary";
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/notes.md");

  collection = llm_collection_load_data (binary, sizeof binary, "bin", NULL, &error);
  g_assert_null (collection);
  g_assert_error (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_BINARY);
  g_clear_error (&error);

  collection = llm_collection_load_data ("", 0, "empty", NULL, &error);
  g_assert_null (collection);
  g_assert_error (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_EMPTY);
  g_clear_error (&error);

  collection = llm_collection_load_data ("## T\n### 1. Bad \xff\xfe bytes\nanswer\n", -1, "utf8", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (llm_question_get_title (llm_collection_get_question (collection, 0)), -1, NULL));
  g_clear_object (&collection);

  collection = llm_collection_load_file (missing, &error);
  g_assert_null (collection);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_navigation (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  LlmQuestion *q5 = question_numbered (collection, 5);
  LlmQuestion *q6 = question_numbered (collection, 6);

  /* Next and previous cross topic boundaries and stop at the ends. */
  g_assert_true (llm_collection_get_neighbour (collection, q5, 1) == q6);
  g_assert_true (llm_collection_get_neighbour (collection, q6, -1) == q5);
  g_assert_null (llm_collection_get_neighbour (collection, question_numbered (collection, 1), -1));
  g_assert_null (llm_collection_get_neighbour (collection, question_numbered (collection, 30), 1));
  g_assert_cmpuint (llm_collection_get_position (collection, q6), ==, 5);
}

static void
test_embeds_stay_inside (void)
{
  g_autofree char *dir = g_dir_make_tmp ("llm-notes-XXXXXX", NULL);
  g_autofree char *image = g_build_filename (dir, "figure one.svg", NULL);
  g_autoptr(GFile) base = g_file_new_for_path (dir);
  g_autoptr(LlmCollection) collection = llm_collection_new ("t", base);
  g_autofree char *uri = NULL;
  g_autoptr(GFile) back = NULL;
  g_autofree char *back_path = NULL;

  g_assert_true (g_file_set_contents (image, "<svg/>", -1, NULL));

  uri = llm_collection_resolve_embed (collection, "figure one.svg");
  g_assert_cmpstr (uri, ==, "figure one.svg");
  back = llm_collection_resolve_path (collection, uri);
  back_path = g_file_get_path (back);
  g_assert_cmpstr (back_path, ==, image);

  g_assert_null (llm_collection_resolve_embed (collection, "missing.svg"));
  g_assert_null (llm_collection_resolve_embed (collection, "../figure one.svg"));
  g_assert_null (llm_collection_resolve_embed (collection, "/etc/passwd"));
  g_assert_null (llm_collection_resolve_path (collection, "../../etc/passwd"));
  g_assert_null (llm_collection_resolve_path (collection, "sub/../../figure one.svg"));
  g_assert_null (llm_collection_resolve_path (collection, "/etc/passwd"));
  g_assert_null (llm_collection_resolve_path (collection, ""));
  g_assert_null (llm_collection_resolve_path (collection, NULL));

  g_unlink (image);
  g_rmdir (dir);
}

static void
test_invalid_utf8_warning (void)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *warnings;

  collection = llm_collection_load_data ("## T\n### 1. Fine\nok \xc3\x28 then \xff\n", -1, "notes", NULL, &error);
  g_assert_no_error (error);

  /* One warning for the whole file, at the first bad byte. */
  warnings = llm_collection_get_warnings (collection);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "notes"));
  g_assert_nonnull (strstr (warnings[0], "byte 20"));
  g_assert_nonnull (strstr (llm_question_get_answer (llm_collection_get_question (collection, 0)), "\xEF\xBF\xBD"));
  g_clear_object (&collection);

  collection = llm_collection_load_data ("## T\n### 1. Fine\nok\n", -1, "notes", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (llm_collection_get_warnings (collection)[0]);
}

static void
test_no_headings (void)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  /* A file without headings is one question, titled by its name. */
  collection = llm_collection_load_data ("\nJust some text.\n\nAnd more.\n", -1, "Plain note", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 1);
  g_assert_cmpstr (llm_question_get_title (llm_collection_get_question (collection, 0)), ==, "Plain note");
  g_assert_true (llm_question_is_card (llm_collection_get_question (collection, 0)));
  g_assert_true (g_str_has_prefix (llm_question_get_answer (llm_collection_get_question (collection, 0)), "Just some text."));
  g_clear_object (&collection);

  /* Text before the first heading is a page of the file, not lost. */
  collection = llm_collection_load_data ("\nJust some text.\n\n#### Deep heading\nmore\n", -1, "Plain note", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 2);
  g_assert_false (llm_question_is_card (llm_collection_get_question (collection, 0)));
  g_assert_cmpstr (llm_question_get_title (llm_collection_get_question (collection, 0)), ==, "Plain note");
  g_assert_true (g_str_has_prefix (llm_question_get_answer (llm_collection_get_question (collection, 0)), "Just some text."));
  g_assert_cmpstr (llm_question_get_title (llm_collection_get_question (collection, 1)), ==, "Deep heading");
  g_assert_cmpuint (llm_question_get_line (llm_collection_get_question (collection, 1)), ==, 4);
  g_clear_object (&collection);

  /* "#" headings alone are questions too. */
  collection = llm_collection_load_data ("# What is BPE?\nByte pairs.\n# What is a token?\nA unit.\n", -1, "flat", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 2);
  g_assert_cmpstr (llm_question_get_id (llm_collection_get_question (collection, 1)), ==, "what-is-a-token");
  g_clear_object (&collection);

  /* White space and front matter alone still hold nothing. */
  collection = llm_collection_load_data ("---\ntitle: x\n---\n\n  \n", -1, "blank", NULL, &error);
  g_assert_null (collection);
  g_assert_error (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_EMPTY);
}

static void
test_bom_front_matter (void)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;

  collection = llm_collection_load_data ("\xEF\xBB\xBF---\r\ntitle: Windows notes\r\n---\r\n## T\r\n### 1. Q\r\nA\r\n",
                                         -1, "bom", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (llm_collection_get_title (collection), ==, "Windows notes");
  g_assert_cmpstr (llm_question_get_answer (llm_collection_get_question (collection, 0)), ==, "A");
}

static void
test_groups (void)
{
  g_autoptr(LlmCollection) collection = llm_collection_new ("t", NULL);
  g_autoptr(LlmTopic) group = llm_topic_new_group ("Folder");
  g_autoptr(LlmTopic) first = llm_topic_new ("First");
  g_autoptr(LlmTopic) second = llm_topic_new ("Second");
  g_autoptr(LlmQuestion) a = llm_question_new ("a", 1, "A", "First", "", NULL);
  g_autoptr(LlmQuestion) b = llm_question_new ("b", 1, "B", "Second", "", NULL);
  g_autoptr(LlmCollection) seed = load_seed ();

  llm_topic_append (first, a);
  llm_topic_append (second, b);
  llm_topic_append_topic (group, first);
  g_assert_true (llm_topic_is_group (group));
  g_assert_false (llm_topic_is_group (first));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (group)) == LLM_TYPE_TOPIC);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (first)) == LLM_TYPE_QUESTION);

  llm_collection_append_group (collection, group);
  llm_collection_append_topic (collection, second);

  /* The tree has the group; the collection lists topics, flat. */
  g_assert_cmpuint (g_list_model_get_n_items (llm_collection_get_tree (collection)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (collection)), ==, 2);
  {
    g_autoptr(LlmTopic) top = g_list_model_get_item (llm_collection_get_tree (collection), 0);
    g_autoptr(LlmTopic) flat = g_list_model_get_item (G_LIST_MODEL (collection), 0);

    g_assert_true (top == group);
    g_assert_true (flat == first);
  }
  g_assert_true (llm_collection_get_neighbour (collection, a, 1) == b);
  g_assert_true (llm_collection_get_parent (collection, a) == first);
  g_assert_true (llm_collection_get_parent (collection, first) == group);
  g_assert_null (llm_collection_get_parent (collection, group));
  g_assert_null (llm_collection_get_parent (collection, second));

  /* A single file's tree is its topics. */
  g_assert_cmpuint (g_list_model_get_n_items (llm_collection_get_tree (seed)), ==, 4);
}

static void
test_embeds_for_question (void)
{
  g_autofree char *dir = g_dir_make_tmp ("llm-notes-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *image = g_build_filename (sub, "fig.svg", NULL);
  g_autofree char *outside = g_build_filename (g_get_tmp_dir (), "llm-notes-outside.svg", NULL);
  g_autofree char *link = g_build_filename (dir, "escape.svg", NULL);
  g_autoptr(GFile) base = g_file_new_for_path (dir);
  g_autoptr(LlmCollection) collection = llm_collection_new ("t", base);
  g_autoptr(LlmQuestion) in_sub = llm_question_new ("q", 1, "Q", "T", "", NULL);
  g_autoptr(LlmQuestion) at_top = llm_question_new ("r", 2, "R", "T", "", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *same = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (image, "<svg/>", -1, NULL));
  g_assert_true (g_file_set_contents (outside, "<svg/>", -1, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);
  llm_question_set_source (in_sub, "sub/notes.md");
  llm_question_set_source (at_top, "notes.md");

  /* Relative to the question's own file... */
  uri = llm_collection_resolve_embed_for (collection, in_sub, "fig.svg");
  g_assert_cmpstr (uri, ==, "sub/fig.svg");
  g_assert_null (llm_collection_resolve_embed_for (collection, at_top, "fig.svg"));
  same = llm_collection_resolve_embed_for (collection, at_top, "sub/fig.svg");
  g_assert_cmpstr (same, ==, uri);

  /* ...never outside the folder, by "../" or by a link. */
  g_assert_null (llm_collection_resolve_embed_for (collection, at_top, "../llm-notes-outside.svg"));
  g_assert_null (llm_collection_resolve_embed_for (collection, in_sub, "../../llm-notes-outside.svg"));
  g_assert_null (llm_collection_resolve_embed_for (collection, at_top, "escape.svg"));
  g_assert_null (llm_collection_resolve_embed (collection, "escape.svg"));
  g_assert_null (llm_collection_resolve_path (collection, "escape.svg"));

  g_unlink (link);
  g_unlink (outside);
  g_unlink (image);
  g_rmdir (sub);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/collection/seed-shape", test_seed_shape);
  g_test_add_func ("/llm/collection/seed-titles", test_seed_titles);
  g_test_add_func ("/llm/collection/seed-metadata", test_seed_metadata);
  g_test_add_func ("/llm/collection/seed-answers", test_seed_answers);
  g_test_add_func ("/llm/collection/language", test_language);
  g_test_add_func ("/llm/collection/seed-key-points", test_seed_key_points);
  g_test_add_func ("/llm/collection/key-points-edge-cases", test_key_points_edge_cases);
  g_test_add_func ("/llm/collection/ids-stable", test_ids_stable);
  g_test_add_func ("/llm/collection/duplicate-titles", test_duplicate_titles);
  g_test_add_func ("/llm/collection/headings-in-code", test_headings_in_code);
  g_test_add_func ("/llm/collection/heading-markup", test_heading_markup);
  g_test_add_func ("/llm/collection/flat-file", test_flat_file);
  g_test_add_func ("/llm/collection/bad-input", test_bad_input);
  g_test_add_func ("/llm/collection/navigation", test_navigation);
  g_test_add_func ("/llm/collection/embeds-stay-inside", test_embeds_stay_inside);
  g_test_add_func ("/llm/collection/invalid-utf8-warning", test_invalid_utf8_warning);
  g_test_add_func ("/llm/collection/no-headings", test_no_headings);
  g_test_add_func ("/llm/collection/bom-front-matter", test_bom_front_matter);
  g_test_add_func ("/llm/collection/groups", test_groups);
  g_test_add_func ("/llm/collection/embeds-for-question", test_embeds_for_question);

  return g_test_run ();
}
