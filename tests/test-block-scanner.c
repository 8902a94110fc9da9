/* test-block-scanner.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each line is, for the one scanner the loader and key points share.
 */

#include "config.h"

#include <string.h>

#include "llm-block-scanner.h"

/* One letter per line: blank, Text, Heading (with its level), Setext
 * underline (with its level), Fence, Code, Html. */
static char *
kinds (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  LlmBlockScanner scanner = { 0 };
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      int level = 0;
      LlmLineKind kind = llm_block_scanner_feed (&scanner, lines[i], &level);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, "bTHSFCh"[kind]);
      if (level > 0)
        g_string_append_printf (out, "%d", level);
    }

  return g_string_free (out, FALSE);
}

static const struct {
  const char *markdown;
  const char *expected;
} cases[] = {
  /* ATX headings: up to three spaces in, a space after the hashes. */
  { "# One\n## Two\n   ### Three\n    # code\n#NoSpace\n####### seven", "H1 H2 H3 T T T" },
  /* Fences of backticks and tildes; a longer fence closes only on as many. */
  { "```\n# in code\n```\n# out", "F C F H1" },
  { "~~~yaml\n# comment\n~~~\n## after", "F C F H2" },
  { "````md\n```\n## inner\n```\n````\n# out", "F C C C F H1" },
  { "```a```\n# heading", "T H1" },
  { "~~~\n```\n~~~", "F C F" },
  /* An unclosed fence runs to the end. */
  { "```\n# never", "F C" },
  /* Setext: under a plain paragraph only. */
  { "Title\n=====\ntext", "T S1 T" },
  { "Line one\nline two\n---", "T T S2" },
  { "- item\n---", "T T" },
  { "> quote\n---", "T T" },
  { "\n---", "b T" },
  { "    code\n---", "T T" },
  /* HTML blocks: a block tag runs to a blank line; headings in it are not. */
  { "<details>\n## not a heading\n</details>\n\n## heading", "h h h b H2" },
  { "<!--\n# hidden\n-->\n# shown", "h h h H1" },
  { "<pre>\n# code\n</pre>\n# out", "h h h H1" },
  { "<span>\n\n# out", "h b H1" },
  { "text <span>\n# out", "T H1" },
  /* A heading cannot start inside a list item's indented lines. */
  { "1. Item\n\n   # in the item\n\n# out", "T b T b H1" },
  { "- item\n# interrupts", "T H1" },
  /* An empty item holds only what is indented under it: the next line
   * starts a paragraph, and an underline makes it a heading. */
  { "-\nTitle\n---", "T T S2" },
  { "1.\nTitle\n===", "T T S1" },
  { "*\n  in the item\n---", "T T T" },
  /* Within a paragraph "-" is an underline and "*" is text. */
  { "Title\n-", "T S2" },
  { "Text\n*\n---", "T T S2" },
  /* "---" with nothing above it is a thematic break, never underlined. */
  { "---\n-", "T T" },
  { "# T\n---\n-\nTitle\n---", "H1 T T T S2" },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kinds (cases[i].markdown);

      g_test_message ("case %u: %s", i, cases[i].markdown);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_paragraph_start (void)
{
  LlmBlockScanner scanner = { 0 };

  llm_block_scanner_feed (&scanner, "intro", NULL);
  llm_block_scanner_feed (&scanner, "", NULL);
  llm_block_scanner_feed (&scanner, "A title", NULL);
  llm_block_scanner_feed (&scanner, "in two lines", NULL);
  g_assert_cmpint (llm_block_scanner_feed (&scanner, "====", NULL), ==, LLM_LINE_SETEXT);
  g_assert_cmpuint (llm_block_scanner_paragraph_start (&scanner), ==, 2);
}

static void
test_helpers (void)
{
  const char *text = NULL;
  gsize len = 0;
  guint number = 0;

  g_assert_cmpint (llm_markdown_atx_heading ("## Title ##  ", &text, &len), ==, 2);
  g_assert_cmpint (len, ==, 5);
  g_assert_true (strncmp (text, "Title", len) == 0);
  g_assert_cmpint (llm_markdown_atx_heading ("# C#", &text, &len), ==, 1);
  g_assert_cmpint (len, ==, 2);

  g_assert_cmpuint (llm_markdown_ordered_item ("12. Twelve", &number), ==, 4);
  g_assert_cmpuint (number, ==, 12);
  g_assert_cmpuint (llm_markdown_ordered_item ("3) Three", &number), ==, 3);
  g_assert_cmpuint (llm_markdown_ordered_item ("2024. Not", NULL), ==, 6);
  g_assert_cmpuint (llm_markdown_ordered_item ("1.5 Sonnet", NULL), ==, 0);

  g_assert_cmpstr (llm_markdown_code_span_end ("``a ` b`` c"), ==, " c");
  g_assert_null (llm_markdown_code_span_end ("`open"));
  g_assert_null (llm_markdown_code_span_end ("``a`"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/block-scanner/table", test_table);
  g_test_add_func ("/llm/block-scanner/paragraph-start", test_paragraph_start);
  g_test_add_func ("/llm/block-scanner/helpers", test_helpers);

  return g_test_run ();
}
