/* test-large-answer.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An answer of more than a megabyte typesets its math only as it scrolls
 * into view; a small one typesets all of it at once. Read back from the
 * real page. A formula or a short code block shown again is not typeset
 * or highlighted again. And going back and forth between large answers
 * leaves nothing of them behind in the app's heap.
 *
 * The math here is the page's own typesetting, which takes what the
 * typesetting helper does not (answers over a megabyte, or no helper):
 * these tests run without the helper; test-typesetter.c has it.
 */

#include "config.h"

#include <malloc.h>
#include <string.h>

#include "llm-answer-page.h"
#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window.h"

#define N_LARGE_FORMULAS 3000
#define N_SMALL_FORMULAS 200

/* The page's count of formulas, and of those KaTeX has typeset. */
static void
count_math (LlmAnswerView *view,
            guint         *total,
            guint         *typeset)
{
  g_autofree char *all = llm_test_eval (view, "document.querySelectorAll('article .math').length");
  g_autofree char *done = llm_test_eval (view, "document.querySelectorAll('article .math > .katex').length");

  *total = atoi (all);
  *typeset = atoi (done);
}

static gboolean
is_typeset (LlmAnswerView *view,
            const char    *selector)
{
  g_autofree char *script = g_strdup_printf ("document.querySelector('%s > .katex') !== null", selector);
  g_autofree char *result = llm_test_eval (view, script);

  return g_str_equal (result, "true");
}

/* Paragraphs of filler, each with a formula, until the answer is @bytes. */
static void
append_answer (GString    *markdown,
               const char *title,
               guint       n_formulas,
               gsize       bytes)
{
  gsize start;
  guint n = 0;

  g_string_append_printf (markdown, "### %s\n\n", title);
  start = markdown->len;
  while (n < n_formulas)
    {
      g_string_append_printf (markdown, "Paragraph %u: the quick brown fox jumps over the lazy dog", n);
      while (markdown->len - start < (n + 1) * (bytes / n_formulas) - 24)
        g_string_append (markdown, " and again");
      g_string_append_printf (markdown, " $x_{%u}^2 + \\frac{1}{%u}$\n\n", n, n + 1);
      n++;
    }
}

/* The collection's question at @index, once painted. */
static void
show_and_wait (LlmWindow     *window,
               LlmCollection *collection,
               guint          index)
{
  llm_window_show_question (window, llm_collection_get_question (collection, index));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
}

/* Counts the calls of @function (an expression such as "hljs.highlight")
 * from now on, in window[@counter] of the page's script world. */
static void
count_calls (LlmAnswerView *view,
             const char    *function,
             const char    *counter)
{
  g_autofree char *script = g_strdup_printf ("(() => {"
                                             "  const wrapped = %s;"
                                             "  window.%s = 0;"
                                             "  %s = (...args) => { window.%s++; return wrapped(...args); };"
                                             "  return 'counting';"
                                             "})()", function, counter, function, counter);

  g_free (llm_test_eval_in_world (view, LLM_ANSWER_PAGE_WORLD, script));
}

static void
assert_count (LlmAnswerView *view,
              const char    *counter,
              const char    *expected)
{
  g_autofree char *script = g_strdup_printf ("String(window.%s)", counter);
  g_autofree char *count = llm_test_eval_in_world (view, LLM_ANSWER_PAGE_WORLD, script);

  g_assert_cmpstr (count, ==, expected);
}

static void
test_lazy_math (void)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GString) markdown = g_string_new ("## Large\n");
  g_autofree char *result = NULL;
  LlmAnswerView *view;
  LlmWindow *window;
  guint total, typeset;

  append_answer (markdown, "1. Large", N_LARGE_FORMULAS, 1536 * 1024);
  append_answer (markdown, "2. Small", N_SMALL_FORMULAS, 64 * 1024);
  window = llm_test_open_window (markdown->str, markdown->len, &collection);
  view = llm_window_get_answer_view (window);
  g_assert_cmpuint (strlen (llm_question_get_answer (llm_collection_get_question (collection, 0))),
                    >, 1024 * 1024);
  show_and_wait (window, collection, 0);
  llm_test_wait (300);

  /* Near the top, typeset; far below, still TeX. */
  count_math (view, &total, &typeset);
  g_test_message ("large answer: %u of %u formulas typeset at first", typeset, total);
  g_assert_cmpuint (total, ==, N_LARGE_FORMULAS);
  g_assert_cmpuint (typeset, >, 0);
  g_assert_cmpuint (typeset, <, total / 10);
  g_assert_true (is_typeset (view, "article p:first-of-type .math"));
  g_assert_false (is_typeset (view, "article p:last-of-type .math"));
  result = llm_test_eval (view, "document.querySelector('article p:last-of-type .math').textContent");
  g_assert_cmpstr (result, ==, "x_{2999}^2 + \\frac{1}{3000}");

  /* Scrolled to the end, the last ones are typeset and the middle still
   * waits. */
  g_free (llm_test_eval (view, "document.querySelector('article p:last-of-type').scrollIntoView(); 'scrolled'"));
  llm_test_wait (500);
  g_assert_true (is_typeset (view, "article p:last-of-type .math"));
  g_assert_false (is_typeset (view, "article p:nth-of-type(1500) .math"));
  count_math (view, &total, &typeset);
  g_test_message ("after scrolling to the end: %u of %u", typeset, total);
  g_assert_cmpuint (typeset, <, total / 5);

  llm_test_screenshot ("large-answer-end");

  /* A small answer is typeset whole at once, even far below the fold. */
  show_and_wait (window, collection, 1);
  count_math (view, &total, &typeset);
  g_assert_cmpuint (total, ==, N_SMALL_FORMULAS);
  g_assert_cmpuint (typeset, ==, total);

  /* And back to the large one: the page starts over at its top. */
  show_and_wait (window, collection, 0);
  llm_test_wait (300);
  g_assert_true (is_typeset (view, "article p:first-of-type .math"));
  g_assert_false (is_typeset (view, "article p:last-of-type .math"));

  llm_test_destroy_window (window);
}

static void
test_typeset_once (void)
{
  static const char markdown[] =
    "## Math\n"
    "### 1. Two formulas\n\nEnergy $E = mc^2$ and $\\frac{a}{b}$, and $E = mc^2$ again.\n"
    "### 2. None\n\nJust words.\n"
    "### 3. One new, one seen\n\n$\\frac{a}{b}$ and $f'(x)$.\n";
  g_autoptr(LlmCollection) collection = NULL;
  LlmWindow *window = llm_test_open_window (markdown, -1, &collection);
  LlmAnswerView *view = llm_window_get_answer_view (window);

  count_calls (view, "katex.renderToString", "typesetCount");
  show_and_wait (window, collection, 1);
  show_and_wait (window, collection, 0);
  assert_count (view, "typesetCount", "0");
  llm_test_assert_eval (view, "String(document.querySelectorAll('article .math .katex').length)", "3");
  llm_test_assert_eval (view, "document.querySelector('article .math .katex-mathml annotation').textContent",
                        "E = mc^2");

  show_and_wait (window, collection, 2);
  assert_count (view, "typesetCount", "1");
  llm_test_assert_eval (view, "String(document.querySelectorAll('article .math .katex').length)", "2");
  /* The renderer escapes the TeX as XML does, an apostrophe as &apos;. */
  llm_test_assert_eval (view, "document.querySelectorAll('article .katex-mathml annotation')[1].textContent", "f'(x)");

  llm_test_destroy_window (window);
}

static gboolean
code_highlighted (gpointer subject,
                  gpointer data)
{
  g_autofree char *keyword = llm_test_eval (subject, "String(document.querySelector('article code.hljs .hljs-keyword')?.textContent)");

  return g_str_equal (keyword, data);
}

static void
test_highlight_once (void)
{
  static const char markdown[] =
    "## Code\n"
    "### 1. A function\n\n```python\ndef f(x):\n    return x < 1 and 'a' or \"b\"\n```\n"
    "### 2. None\n\nJust words.\n"
    "### 3. A class\n\n```python\nclass A:\n    pass\n```\n";
  g_autoptr(LlmCollection) collection = NULL;
  LlmWindow *window = llm_test_open_window (markdown, -1, &collection);
  LlmAnswerView *view = llm_window_get_answer_view (window);

  llm_test_wait_until (code_highlighted, view, "def", "the first block to be highlighted");

  /* Back to the first block: highlighted as soon as it is shown, the
   * same, and the text unchanged. */
  count_calls (view, "hljs.highlight", "highlightCount");
  show_and_wait (window, collection, 1);
  show_and_wait (window, collection, 0);
  g_assert_true (code_highlighted (view, "def"));
  llm_test_assert_eval (view, "document.querySelector('article code').textContent",
                        "def f(x):\n    return x < 1 and 'a' or \"b\"\n");
  assert_count (view, "highlightCount", "0");

  /* A block not seen yet is highlighted. */
  show_and_wait (window, collection, 2);
  llm_test_wait_until (code_highlighted, view, "class", "a new block to be highlighted");
  assert_count (view, "highlightCount", "1");

  llm_test_destroy_window (window);
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* Each switch hands the page the answer's HTML; a switch that kept its
 * arguments would keep 60 × 256 KB here. */
static void
test_switching_frees (void)
{
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GString) markdown = g_string_new ("## Large\n");
  LlmWindow *window;
  gsize before = 0, after;

  append_answer (markdown, "1. First", 1, 256 * 1024);
  append_answer (markdown, "2. Second", 1, 256 * 1024);
  window = llm_test_open_window (markdown->str, markdown->len, &collection);

  for (guint i = 0; i < 70; i++)
    {
      if (i == 10)
        before = heap_in_use ();
      show_and_wait (window, collection, i % 2);
    }
  after = heap_in_use ();

  g_test_message ("heap in use after 10 switches %zu KB, after 70 %zu KB", before / 1024, after / 1024);
  g_assert_cmpuint (after, <, before + 4 * 1024 * 1024);

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);
  g_setenv ("LLM_NOTES_TYPESET", "", TRUE);

  g_test_add_func ("/llm/large-answer/lazy-math", test_lazy_math);
  g_test_add_func ("/llm/large-answer/typeset-once", test_typeset_once);
  g_test_add_func ("/llm/large-answer/highlight-once", test_highlight_once);
  g_test_add_func ("/llm/large-answer/switching-frees", test_switching_frees);

  return g_test_run ();
}
