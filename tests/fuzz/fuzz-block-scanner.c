/* fuzz-block-scanner.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The block scanner, line by line, against what must hold whatever the
 * input: code stays between two fence lines, a heading's level is one to
 * six and agrees with the ATX parser, a setext underline only closes a
 * paragraph of earlier lines, and a code span ends inside its line. */

#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "llm-block-scanner.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  LlmBlockScanner scanner = { 0 };
  gboolean in_code = FALSE;
  LlmLineKind previous = LLM_LINE_BLANK;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      int level = -1;
      LlmLineKind kind = llm_block_scanner_feed (&scanner, lines[i], &level);

      switch (kind)
        {
        case LLM_LINE_FENCE:
          in_code = !in_code;
          break;
        case LLM_LINE_CODE:
          if (!in_code)
            g_error ("Line %u is code outside a fence", i);
          break;
        case LLM_LINE_HEADING:
          if (in_code || level < 1 || level > 6 ||
              llm_markdown_atx_heading (lines[i], NULL, NULL) != level)
            g_error ("Line %u is a heading of level %d the parser disagrees with", i, level);
          break;
        case LLM_LINE_SETEXT:
          if (in_code || (level != 1 && level != 2) || previous != LLM_LINE_TEXT ||
              llm_block_scanner_paragraph_start (&scanner) >= i)
            g_error ("Line %u underlines no paragraph", i);
          break;
        default:
          if (in_code)
            g_error ("Line %u is outside code inside a fence", i);
          if (level != 0)
            g_error ("Line %u has a level but is no heading", i);
        }

      for (const char *p = strchr (lines[i], '`'); p != NULL; p = strchr (p, '`'))
        {
          const char *end = llm_markdown_code_span_end (p);

          if (end != NULL && (end <= p || end > lines[i] + strlen (lines[i])))
            g_error ("A code span on line %u ends outside its line", i);
          p = end != NULL ? end : p + strspn (p, "`");
        }
      previous = kind;
    }

  return 0;
}
