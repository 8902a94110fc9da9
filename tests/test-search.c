/* test-search.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-question.h"
#include "llm-search.h"

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

static LlmCollection *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  LlmCollection *collection;

  collection = llm_collection_load_data (text, -1, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  return collection;
}

/* A stand-in for the note store: a table of id → note. */
static const char *
note_lookup (const char *id,
               gpointer    user_data)
{
  GHashTable *notes = user_data;

  return g_hash_table_lookup (notes, id);
}

static char *
ids_of (GPtrArray *results)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      LlmQuestion *question = llm_search_result_get_question (g_ptr_array_index (results, i));

      g_string_append_printf (out, "%s%s", i ? "," : "", llm_question_get_id (question));
    }

  return g_string_free (out, FALSE);
}

static guint
number_at (GPtrArray *results,
           guint      index)
{
  g_assert_cmpuint (index, <, results->len);

  return llm_question_get_number (llm_search_result_get_question (g_ptr_array_index (results, index)));
}

static const char *
title_at (GPtrArray *results,
          guint      index)
{
  g_assert_cmpuint (index, <, results->len);

  return llm_question_get_title (llm_search_result_get_question (g_ptr_array_index (results, index)));
}

static LlmSearchField
field_at (GPtrArray *results,
          guint      index)
{
  g_assert_cmpuint (index, <, results->len);

  return llm_search_result_get_field (g_ptr_array_index (results, index));
}

static gboolean
has_number (GPtrArray *results,
            guint      number)
{
  for (guint i = 0; i < results->len; i++)
    if (number_at (results, i) == number)
      return TRUE;
  return FALSE;
}

static void
test_zero_width (void)
{
  g_autoptr(LlmCollection) collection = load_text ("## Topic\n\n### 1. Atten\u200Btion\n\nSelf\u2060-atten\uFEFFtion.\n\n"
                                                   "### 2. Other\n\nNothing.\n");
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) title = llm_search_index_query (index, "attention", 0);
  g_autoptr(GPtrArray) answer = llm_search_index_query (index, "self-attention", 0);
  g_autoptr(GPtrArray) query = llm_search_index_query (index, "at\u200Bten\u200Dtion", 0);

  /* Zero-width characters hide nothing from search, in the text or in
   * the query. */
  g_assert_cmpuint (title->len, ==, 1);
  g_assert_cmpuint (number_at (title, 0), ==, 1);
  g_assert_cmpuint (answer->len, ==, 1);
  g_assert_cmpuint (query->len, ==, 1);
}

static void
test_normalisation (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) plain = llm_search_index_query (index, "softmax", 0);
  g_autoptr(GPtrArray) mixed = llm_search_index_query (index, "SoftMax", 0);
  g_autoptr(GPtrArray) wide = llm_search_index_query (index, "ｓｏｆｔｍａｘ", 0);
  g_autoptr(GPtrArray) spaced = llm_search_index_query (index, "  \tSOFTMAX \n", 0);
  g_autofree char *plain_ids = ids_of (plain);
  g_autofree char *mixed_ids = ids_of (mixed);
  g_autofree char *wide_ids = ids_of (wide);
  g_autofree char *spaced_ids = ids_of (spaced);

  /* Questions 2 and 8 (among others) speak of softmax. */
  g_assert_cmpuint (plain->len, >=, 2);
  g_assert_true (has_number (plain, 2));
  g_assert_true (has_number (plain, 8));
  g_assert_cmpstr (mixed_ids, ==, plain_ids);
  g_assert_cmpstr (wide_ids, ==, plain_ids);
  g_assert_cmpstr (spaced_ids, ==, plain_ids);
}

static void
test_chinese (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) results = llm_search_index_query (index, "位置编码", 0);

  /* Question 4 has it in its title, question 3 in a key point. */
  g_assert_cmpuint (results->len, >=, 2);
  g_assert_cmpuint (number_at (results, 0), ==, 4);
  g_assert_cmpint (field_at (results, 0), ==, LLM_SEARCH_FIELD_TITLE);
  g_assert_cmpuint (number_at (results, 1), ==, 3);
  g_assert_cmpint (field_at (results, 1), ==, LLM_SEARCH_FIELD_KEY_POINT);
}

static void
test_distillation (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) results = llm_search_index_query (index, "知识蒸馏", 0);

  g_assert_cmpuint (results->len, >=, 2);
  g_assert_cmpuint (number_at (results, 0), ==, 26);
  g_assert_cmpint (field_at (results, 0), ==, LLM_SEARCH_FIELD_TITLE);
  /* Question 24 only mentions it in its answer. */
  g_assert_true (has_number (results, 24));
}

static void
test_and (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) first = llm_search_index_query (index, "transformer", 0);
  g_autoptr(GPtrArray) second = llm_search_index_query (index, "位置编码", 0);
  g_autoptr(GPtrArray) both = llm_search_index_query (index, "Transformer  位置编码", 0);
  g_autoptr(GPtrArray) none = llm_search_index_query (index, "位置编码 qqqzzzxx", 0);

  g_assert_cmpuint (both->len, >, 0);
  g_assert_cmpuint (both->len, <=, MIN (first->len, second->len));
  g_assert_cmpuint (both->len, <, first->len);
  g_assert_cmpuint (number_at (both, 0), ==, 4);

  /* Every result is in both single-term result sets. */
  for (guint i = 0; i < both->len; i++)
    {
      guint number = number_at (both, i);

      g_assert_true (has_number (first, number));
      g_assert_true (has_number (second, number));
    }

  g_assert_cmpuint (none->len, ==, 0);
}

static const char ranking_notes[] =
  "## Animals\n"
  "### 1. Alpha\n"
  "Nothing to see.\n"
  "### 2. Beta\n"
  "The zebra lives here.\n"
  "### 3. Gamma\n"
  "A ==zebra crossing== is a key point.\n"
  "### 4. Zebra facts\n"
  "A plain answer.\n"
  "### 5. Delta\n"
  "Another zebra, in the answer.\n"
  "### 6. Epsilon\n"
  "Nothing at all.\n";

static GHashTable *
ranking_notes_for (LlmCollection *collection)
{
  GHashTable *notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  LlmQuestion *alpha = llm_collection_get_question (collection, 0);

  g_assert_cmpstr (llm_question_get_title (alpha), ==, "Alpha");
  g_hash_table_insert (notes, g_strdup (llm_question_get_id (alpha)), g_strdup ("My **zebra** note."));

  return notes;
}

static void
test_ranking (void)
{
  g_autoptr(LlmCollection) collection = load_text (ranking_notes);
  g_autoptr(GHashTable) notes = ranking_notes_for (collection);
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, note_lookup, notes);
  g_autoptr(GPtrArray) results = NULL;
  guint n_matches = 0;

  results = llm_search_index_query_full (index, "zebra", 0, &n_matches);
  g_assert_cmpuint (results->len, ==, 5);
  g_assert_cmpuint (n_matches, ==, 5);

  /* Title, key point, answer (twice, in reading order), note. */
  g_assert_cmpstr (title_at (results, 0), ==, "Zebra facts");
  g_assert_cmpint (field_at (results, 0), ==, LLM_SEARCH_FIELD_TITLE);
  g_assert_cmpstr (title_at (results, 1), ==, "Gamma");
  g_assert_cmpint (field_at (results, 1), ==, LLM_SEARCH_FIELD_KEY_POINT);
  g_assert_cmpstr (title_at (results, 2), ==, "Beta");
  g_assert_cmpint (field_at (results, 2), ==, LLM_SEARCH_FIELD_ANSWER);
  g_assert_cmpstr (title_at (results, 3), ==, "Delta");
  g_assert_cmpint (field_at (results, 3), ==, LLM_SEARCH_FIELD_ANSWER);
  g_assert_cmpstr (title_at (results, 4), ==, "Alpha");
  g_assert_cmpint (field_at (results, 4), ==, LLM_SEARCH_FIELD_NOTE);
}

/* "a", "at", "att"… against one index must give what a fresh index gives
 * for each, including after deleting a character and after a note
 * changes. */
static void
test_typing (void)
{
  static const char * const typed[] = {
    "a", "at", "att", "atte", "attention", "attention ", "attention m", "attention mask",
    "attention mas", "蒸", "蒸馏", "知识蒸馏", "x", "z", "ze", "zebra",
  };
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(LlmSearchIndex) typing = llm_search_index_new (collection, note_lookup, notes);
  const char *id = llm_question_get_id (llm_collection_get_question (collection, 3));

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(LlmSearchIndex) fresh = NULL;
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) got = NULL;
      guint n_expected, n_got;

      /* The note arrives between "z" and "ze". */
      if (g_str_equal (typed[i], "ze"))
        {
          g_hash_table_insert (notes, g_strdup (id), g_strdup ("zebra crossing"));
          llm_search_index_set_note (typing, id, "zebra crossing");
        }

      fresh = llm_search_index_new (collection, note_lookup, notes);
      expected = llm_search_index_query_full (fresh, typed[i], G_MAXUINT, &n_expected);
      got = llm_search_index_query_full (typing, typed[i], G_MAXUINT, &n_got);
      g_assert_cmpuint (n_got, ==, n_expected);
      g_assert_cmpuint (got->len, ==, expected->len);
      for (guint r = 0; r < got->len; r++)
        {
          g_assert_cmpstr (title_at (got, r), ==, title_at (expected, r));
          g_assert_cmpint (field_at (got, r), ==, field_at (expected, r));
        }
    }
}

static void
test_ranking_weakest_term (void)
{
  g_autoptr(LlmCollection) collection = load_text (ranking_notes);
  g_autoptr(GHashTable) notes = ranking_notes_for (collection);
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, note_lookup, notes);
  g_autoptr(GPtrArray) title_only = llm_search_index_query (index, "zebra facts", 0);
  g_autoptr(GPtrArray) title_and_answer = llm_search_index_query (index, "zebra plain", 0);
  g_autoptr(GPtrArray) note_and_answer = llm_search_index_query (index, "see zebra", 0);
  g_autoptr(GPtrArray) two = llm_search_index_query (index, "zebra answer", 0);

  g_assert_cmpuint (title_only->len, ==, 1);
  g_assert_cmpint (field_at (title_only, 0), ==, LLM_SEARCH_FIELD_TITLE);

  /* "zebra" is in the title, "plain" only in the answer: ranks as answer. */
  g_assert_cmpuint (title_and_answer->len, ==, 1);
  g_assert_cmpstr (title_at (title_and_answer, 0), ==, "Zebra facts");
  g_assert_cmpint (field_at (title_and_answer, 0), ==, LLM_SEARCH_FIELD_ANSWER);

  /* Each term may match in a different field. */
  g_assert_cmpuint (note_and_answer->len, ==, 1);
  g_assert_cmpstr (title_at (note_and_answer, 0), ==, "Alpha");
  g_assert_cmpint (field_at (note_and_answer, 0), ==, LLM_SEARCH_FIELD_NOTE);

  /* Both rank as answer matches, so reading order decides. */
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpstr (title_at (two, 0), ==, "Zebra facts");
  g_assert_cmpstr (title_at (two, 1), ==, "Delta");
}

/* Only what a reader sees is searched: image and link targets and HTML
 * tags with their attributes are not hits, alt and link text are. */
static void
test_visible_text (void)
{
  g_autoptr(LlmCollection) collection =
    load_text ("# Models\n\n"
               "## 1. Vision\n\n"
               "![A convolution kernel](..%2Fusing_files%2Fimg%2FRNN-unrolled.png) in an image.\n\n"
               "## 2. Sequences\n\n"
               "See [the gated unit](https://example.com/lstm-guide) and "
               "<img src=\"figs/transformer.png\" alt=\"attention heads\" width=\"300\">.\n\n"
               "<div align=\"center\" title=\"tooltip\">Centred words</div>\n\n"
               "- [x] a task\n");
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) rnn = llm_search_index_query (index, "RNN", 0);
  g_autoptr(GPtrArray) files = llm_search_index_query (index, "using_files", 0);
  g_autoptr(GPtrArray) lstm = llm_search_index_query (index, "lstm", 0);
  g_autoptr(GPtrArray) transformer = llm_search_index_query (index, "transformer", 0);
  g_autoptr(GPtrArray) align = llm_search_index_query (index, "align", 0);
  g_autoptr(GPtrArray) tooltip = llm_search_index_query (index, "tooltip", 0);
  g_autoptr(GPtrArray) kernel = llm_search_index_query (index, "convolution", 0);
  g_autoptr(GPtrArray) gated = llm_search_index_query (index, "gated", 0);
  g_autoptr(GPtrArray) heads = llm_search_index_query (index, "attention heads", 0);
  g_autoptr(GPtrArray) centred = llm_search_index_query (index, "centred", 0);
  g_autoptr(GPtrArray) task = llm_search_index_query (index, "task", 0);
  const char *snippet;

  g_assert_cmpuint (rnn->len, ==, 0);
  g_assert_cmpuint (files->len, ==, 0);
  g_assert_cmpuint (lstm->len, ==, 0);
  g_assert_cmpuint (transformer->len, ==, 0);
  g_assert_cmpuint (align->len, ==, 0);
  g_assert_cmpuint (tooltip->len, ==, 0);

  g_assert_cmpuint (kernel->len, ==, 1);
  snippet = llm_search_result_get_snippet (g_ptr_array_index (kernel, 0));
  g_assert_cmpstr (snippet, ==, "A convolution kernel in an image.");
  g_assert_cmpuint (gated->len, ==, 1);
  g_assert_cmpuint (heads->len, ==, 1);
  g_assert_cmpuint (centred->len, ==, 1);
  snippet = llm_search_result_get_snippet (g_ptr_array_index (gated, 0));
  g_assert_null (strstr (snippet, "example.com"));
  g_assert_null (strstr (snippet, "<img"));
  g_assert_null (strstr (snippet, "src="));
  g_assert_nonnull (strstr (snippet, "the gated unit"));
  g_assert_cmpuint (task->len, ==, 1);
  snippet = llm_search_result_get_snippet (g_ptr_array_index (task, 0));
  g_assert_nonnull (strstr (snippet, "[x] a task"));
}

static void
test_notes (void)
{
  g_autoptr(LlmCollection) collection = load_text (ranking_notes);
  g_autoptr(GHashTable) notes = ranking_notes_for (collection);
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, note_lookup, notes);
  const char *epsilon = llm_question_get_id (llm_collection_get_question (collection, 5));
  const char *alpha = llm_question_get_id (llm_collection_get_question (collection, 0));
  g_autoptr(GPtrArray) before = llm_search_index_query (index, "okapi", 0);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) replaced = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GPtrArray) zebras = NULL;

  g_assert_cmpuint (before->len, ==, 0);

  llm_search_index_set_note (index, epsilon, "Remember the **Okapi**, a forest giraffe.");
  after = llm_search_index_query (index, "okapi", 0);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (title_at (after, 0), ==, "Epsilon");
  g_assert_cmpint (field_at (after, 0), ==, LLM_SEARCH_FIELD_NOTE);
  g_assert_cmpstr (llm_search_result_get_snippet (g_ptr_array_index (after, 0)), ==,
                   "Remember the Okapi, a forest giraffe.");

  llm_search_index_set_note (index, epsilon, "Now about a forest giraffe only.");
  replaced = llm_search_index_query (index, "okapi", 0);
  g_assert_cmpuint (replaced->len, ==, 0);

  llm_search_index_set_note (index, alpha, NULL);
  removed = llm_search_index_query (index, "zebra", 0);
  g_assert_cmpuint (removed->len, ==, 4);

  /* Notes come from anywhere: a stray byte must not break anything. */
  llm_search_index_set_note (index, alpha, "bad \xff zebra byte");
  zebras = llm_search_index_query (index, "zebra", 0);
  g_assert_cmpuint (zebras->len, ==, 5);
  g_assert_true (g_utf8_validate (llm_search_result_get_snippet (g_ptr_array_index (zebras, 4)), -1, NULL));

  /* A note for a question that is gone is ignored. */
  llm_search_index_set_note (index, "no-such-question", "zebra");
}

static void
assert_markup_valid (const char *markup)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  static const GMarkupParser parser = { NULL, };
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);

  g_assert_true (g_utf8_validate (markup, -1, NULL));
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_markup_parse_context_parse (context, wrapped, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static char *
match_text (LlmSearchResult *result)
{
  const char *snippet = llm_search_result_get_snippet (result);
  guint start = 0;
  guint end = 0;

  g_assert_true (llm_search_result_get_match (result, &start, &end));
  g_assert_cmpuint (start, <, end);
  g_assert_cmpuint (end, <=, strlen (snippet));

  return g_strndup (snippet + start, end - start);
}

static const char snippet_notes[] =
  "## Snippets\n"
  "### 1. Escaping\n"
  "- Before this, a < b && c > d, then **SoftMax** appears, followed by plenty of filler words so that the snippet has to be cut at the end.\n"
  "### 2. Wide\n"
  "> 前文ｓｏｆｔｍａｘ后文\n"
  "### 3. Composed\n"
  "Le cafe\xcc\x81 est ﬁnal.\n"
  "### 4. Softmax in the title\n"
  "#### Heading inside\n"
  "\n"
  "Plain opening, no match here at all.\n";

static void
test_snippet (void)
{
  g_autoptr(LlmCollection) collection = load_text (snippet_notes);
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) results = llm_search_index_query (index, "softmax", 0);
  LlmSearchResult *title = NULL;
  LlmSearchResult *escaping = NULL;
  LlmSearchResult *wide = NULL;

  g_assert_cmpuint (results->len, ==, 3);
  title = g_ptr_array_index (results, 0);
  escaping = g_ptr_array_index (results, 1);
  wide = g_ptr_array_index (results, 2);

  {
    g_autofree char *markup = llm_search_result_get_snippet_markup (escaping);
    g_autofree char *match = match_text (escaping);
    const char *snippet = llm_search_result_get_snippet (escaping);

    assert_markup_valid (markup);
    g_assert_cmpstr (match, ==, "SoftMax");
    g_assert_nonnull (strstr (markup, "<b>SoftMax</b>"));
    g_assert_nonnull (strstr (markup, "&lt; b &amp;&amp; c &gt; d"));
    g_assert_null (strstr (snippet, "**"));
    g_assert_false (g_str_has_prefix (snippet, "-"));
    g_assert_true (g_str_has_suffix (snippet, "…"));
    g_assert_cmpuint (g_utf8_strlen (snippet, -1), <=, 82);
    g_assert_cmpuint (g_utf8_strlen (snippet, -1), >=, 60);
  }

  {
    g_autofree char *markup = llm_search_result_get_snippet_markup (wide);
    g_autofree char *match = match_text (wide);

    assert_markup_valid (markup);
    g_assert_cmpstr (match, ==, "ｓｏｆｔｍａｘ");
    g_assert_cmpstr (markup, ==, "前文<b>ｓｏｆｔｍａｘ</b>后文");
  }

  /* A title match shows the answer's opening, nothing emboldened. */
  {
    g_autofree char *markup = llm_search_result_get_snippet_markup (title);

    g_assert_cmpint (llm_search_result_get_field (title), ==, LLM_SEARCH_FIELD_TITLE);
    g_assert_false (llm_search_result_get_match (title, NULL, NULL));
    g_assert_cmpstr (llm_search_result_get_snippet (title), ==,
                     "Heading inside Plain opening, no match here at all.");
    g_assert_cmpstr (markup, ==, "Heading inside Plain opening, no match here at all.");
  }
}

static void
test_snippet_mapping (void)
{
  g_autoptr(LlmCollection) collection = load_text (snippet_notes);
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) composed = llm_search_index_query (index, "CAFÉ", 0);
  g_autoptr(GPtrArray) ligature = llm_search_index_query (index, "final", 0);
  g_autoptr(GPtrArray) half = llm_search_index_query (index, "fi", 0);

  /* A decomposed "é" in the text matches a composed one in the query, and
   * the emboldened span takes in the combining accent. */
  g_assert_cmpuint (composed->len, ==, 1);
  {
    g_autofree char *match = match_text (g_ptr_array_index (composed, 0));
    g_autofree char *markup = llm_search_result_get_snippet_markup (g_ptr_array_index (composed, 0));

    g_assert_cmpstr (match, ==, "cafe\xcc\x81");
    g_assert_cmpstr (markup, ==, "Le <b>cafe\xcc\x81</b> est ﬁnal.");
  }

  /* "ﬁ" is two letters once normalised; a match of either covers it. */
  g_assert_cmpuint (ligature->len, ==, 1);
  {
    g_autofree char *match = match_text (g_ptr_array_index (ligature, 0));

    g_assert_cmpstr (match, ==, "ﬁnal");
  }
  g_assert_cmpuint (half->len, ==, 2);
  {
    g_autofree char *markup = llm_search_result_get_snippet_markup (g_ptr_array_index (half, 1));

    g_assert_cmpstr (markup, ==, "Le cafe\xcc\x81 est <b>ﬁ</b>nal.");
  }
}

static void
test_snippet_seed (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  const char *queries[] = { "softmax", "位置编码", "知识蒸馏", "encoder decoder", "(", "<", "&" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) results = llm_search_index_query (index, queries[q], 0);

      for (guint i = 0; i < results->len; i++)
        {
          LlmSearchResult *result = g_ptr_array_index (results, i);
          const char *snippet = llm_search_result_get_snippet (result);
          g_autofree char *markup = llm_search_result_get_snippet_markup (result);

          g_assert_true (g_utf8_validate (snippet, -1, NULL));
          g_assert_cmpuint (g_utf8_strlen (snippet, -1), <=, 82);
          assert_markup_valid (markup);

          if (llm_search_result_get_field (result) != LLM_SEARCH_FIELD_TITLE)
            {
              g_autofree char *match = match_text (result);

              g_assert_nonnull (strstr (markup, "<b>"));
              g_assert_cmpuint (strlen (match), >, 0);
            }
        }
    }

  /* Question 2's key sentence, bold and list markers gone. */
  {
    g_autoptr(GPtrArray) results = llm_search_index_query (index, "softmax函数进行归一化", 0);
    g_autofree char *markup = NULL;

    g_assert_cmpuint (results->len, >=, 1);
    g_assert_cmpuint (number_at (results, 0), ==, 2);
    markup = llm_search_result_get_snippet_markup (g_ptr_array_index (results, 0));
    g_assert_nonnull (strstr (markup, "<b>softmax函数进行归一化</b>"));
    g_assert_null (strstr (markup, "**"));
  }
}

static void
test_limit (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) capped = NULL;
  guint n_all = 0;
  guint n_capped = 0;

  all = llm_search_index_query_full (index, "模型", 0, &n_all);
  capped = llm_search_index_query_full (index, "模型", 3, &n_capped);

  g_assert_cmpuint (n_all, >, 3);
  g_assert_cmpuint (all->len, ==, n_all);
  g_assert_cmpuint (capped->len, ==, 3);
  g_assert_cmpuint (n_capped, ==, n_all);
  for (guint i = 0; i < 3; i++)
    g_assert_true (llm_search_result_get_question (g_ptr_array_index (capped, i)) ==
                   llm_search_result_get_question (g_ptr_array_index (all, i)));
}

static void
test_empty_query (void)
{
  g_autoptr(LlmCollection) collection = load_seed ();
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  const char *queries[] = { "", " ", " \t\n ", "　" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      guint n = 99;
      g_autoptr(GPtrArray) results = llm_search_index_query_full (index, queries[i], 0, &n);

      g_assert_cmpuint (results->len, ==, 0);
      g_assert_cmpuint (n, ==, 0);
    }
}

static void
test_finalize (void)
{
  LlmCollection *collection = load_seed ();
  LlmSearchIndex *index = llm_search_index_new (collection, NULL, NULL);
  GPtrArray *results = llm_search_index_query (index, "transformer", 0);
  LlmSearchResult *result = g_object_ref (g_ptr_array_index (results, 0));

  g_ptr_array_unref (results);
  g_assert_finalize_object (index);
  g_assert_finalize_object (result);
  g_assert_finalize_object (collection);
}

/* The seed repeated 300 times: about 9,000 questions and 12 MB. */
static LlmCollection *
load_synthetic (void)
{
  g_autofree char *seed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GString *text;
  guint body = 0;
  LlmCollection *collection;

  g_file_get_contents (g_getenv ("LLM_TEST_SEED"), &seed, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (seed, "\n", -1);
  if (lines[0] != NULL && g_str_equal (lines[0], "---"))
    for (body = 1; lines[body] != NULL; body++)
      if (g_str_equal (lines[body], "---"))
        {
          body++;
          break;
        }

  text = g_string_sized_new (strlen (seed) * 300);
  for (guint copy = 0; copy < 300; copy++)
    for (guint i = body; lines[i] != NULL; i++)
      {
        g_string_append (text, lines[i]);
        if (g_str_has_prefix (lines[i], "### "))
          g_string_append_printf (text, " (copy %u)", copy);
        g_string_append_c (text, '\n');
      }

  collection = llm_collection_load_data (text->str, text->len, "synthetic", NULL, &error);
  g_assert_no_error (error);
  g_test_message ("synthetic collection: %u questions, %" G_GSIZE_FORMAT " bytes",
                  llm_collection_get_n_questions (collection), text->len);
  g_string_free (text, TRUE);

  return collection;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return (da > db) - (da < db);
}

/* Reports timings only: machines differ, so speed is the benchmark's job. */
static void
test_timing (void)
{
  g_autoptr(LlmCollection) collection = load_synthetic ();
  g_autoptr(LlmSearchIndex) index = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *typed[] = { "softmax", "位置编码", "transformer 位置", "知识蒸馏", "qqqzzz", "attention" };
  gint64 start;
  double build_ms;

  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 9000);

  start = g_get_monotonic_time ();
  index = llm_search_index_new (collection, NULL, NULL);
  build_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* Every prefix, as if typed a keystroke at a time. */
  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    for (const char *end = g_utf8_next_char (typed[q]); ; end = g_utf8_next_char (end))
      {
        g_autofree char *prefix = g_strndup (typed[q], end - typed[q]);

        for (guint repeat = 0; repeat < 3; repeat++)
          {
            g_autoptr(GPtrArray) results = NULL;
            double ms;

            start = g_get_monotonic_time ();
            results = llm_search_index_query (index, prefix, 0);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (times, ms);
            g_assert_cmpuint (results->len, <=, LLM_SEARCH_DEFAULT_LIMIT);
          }

        if (*end == '\0')
          break;
      }

  g_array_sort (times, compare_doubles);
  g_test_message ("index build: %.1f ms; %u queries: p50 %.2f ms, p95 %.2f ms, max %.2f ms",
                  build_ms, times->len,
                  g_array_index (times, double, times->len / 2),
                  g_array_index (times, double, times->len * 95 / 100),
                  g_array_index (times, double, times->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/search/normalisation", test_normalisation);
  g_test_add_func ("/llm/search/zero-width", test_zero_width);
  g_test_add_func ("/llm/search/chinese", test_chinese);
  g_test_add_func ("/llm/search/distillation", test_distillation);
  g_test_add_func ("/llm/search/and", test_and);
  g_test_add_func ("/llm/search/ranking", test_ranking);
  g_test_add_func ("/llm/search/ranking-weakest-term", test_ranking_weakest_term);
  g_test_add_func ("/llm/search/typing", test_typing);
  g_test_add_func ("/llm/search/notes", test_notes);
  g_test_add_func ("/llm/search/visible-text", test_visible_text);
  g_test_add_func ("/llm/search/snippet", test_snippet);
  g_test_add_func ("/llm/search/snippet-mapping", test_snippet_mapping);
  g_test_add_func ("/llm/search/snippet-seed", test_snippet_seed);
  g_test_add_func ("/llm/search/limit", test_limit);
  g_test_add_func ("/llm/search/empty-query", test_empty_query);
  g_test_add_func ("/llm/search/finalize", test_finalize);
  g_test_add_func ("/llm/search/timing", test_timing);

  return g_test_run ();
}
