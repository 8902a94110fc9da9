/* llm-coverage-key-points.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-block-scanner.h"
#include "llm-collection-loader.h"
#include "llm-coverage.h"
#include "llm-question.h"
#include "llm-text.h"

/* Where the key points that llm-coverage.c scores an answer against come
 * from when a question names none: the answer's highlights, bold spans or
 * the lead phrases of its list items, never its code. */

static const char *
skip_quote (const char *line)
{
  while (*line == ' ' || *line == '\t' || *line == '>')
    line++;
  return line;
}

/* Fence lines and the code between them hold no key point. The block
 * scanner reads each line past its quote marks, as an answer written as a
 * quote is read. */
static gboolean
in_code (LlmBlockScanner *scanner,
         const char      *line)
{
  LlmLineKind kind = llm_block_scanner_feed (scanner, skip_quote (line), NULL);

  return kind == LLM_LINE_FENCE || kind == LLM_LINE_CODE;
}

/* Past an inline code span starting at @p, or NULL if @p starts none; an
 * unclosed run of backticks is text, skipped whole. */
static const char *
skip_code_span (const char *p)
{
  const char *end;

  if (*p != '`')
    return NULL;

  end = llm_markdown_code_span_end (p);
  return end != NULL ? end : p + strspn (p, "`");
}

static void
add_point (GPtrArray  *points,
           GHashTable *seen,
           const char *start,
           gsize       len)
{
  g_autofree char *raw = g_strndup (start, len);
  GString *text = g_string_new (NULL);
  g_autofree char *normal = NULL;

  /* Emphasis inside a phrase is markup, not part of the point. */
  for (const char *p = raw; *p; p++)
    {
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '=' && p[1] == '='))
        p++;
      else if (*p != '`')
        g_string_append_c (text, *p);
    }
  g_strstrip (text->str);
  text->len = strlen (text->str);

  /* A bold lead-in usually carries its colon: "**位置编码**：…". */
  while (g_str_has_suffix (text->str, "：") || g_str_has_suffix (text->str, ":"))
    {
      g_string_truncate (text, text->len - (text->str[text->len - 1] == ':' ? 1 : strlen ("：")));
      g_strchomp (text->str);
      text->len = strlen (text->str);
    }

  normal = llm_text_normalize (text->str);
  if (normal[0] == '\0' || g_hash_table_contains (seen, normal))
    {
      g_string_free (text, TRUE);
      return;
    }

  g_hash_table_add (seen, g_steal_pointer (&normal));
  g_ptr_array_add (points, g_string_free (text, FALSE));
}

static void
collect_bold (char       **lines,
              GPtrArray   *points,
              GHashTable  *seen)
{
  LlmBlockScanner scanner = { 0 };

  for (guint i = 0; lines[i]; i++)
    {
      const char *open = NULL;

      if (in_code (&scanner, lines[i]))
        continue;

      for (const char *p = lines[i]; *p; )
        {
          const char *past = skip_code_span (p);

          if (past != NULL)
            {
              p = past;
              continue;
            }
          if (p[0] == '*' && p[1] == '*')
            {
              if (open == NULL)
                open = p + 2;
              else
                {
                  add_point (points, seen, open, p - open);
                  open = NULL;
                }
              p += 2;
              continue;
            }
          p++;
        }
    }
}

static void
collect_lead_phrases (char       **lines,
                      GPtrArray   *points,
                      GHashTable  *seen)
{
  static const char * const stops[] = { "：", ":", "，", ",", "。" };
  LlmBlockScanner scanner = { 0 };

  for (guint i = 0; lines[i]; i++)
    {
      const char *item;
      const char *end;
      gsize offset;

      if (in_code (&scanner, lines[i]))
        continue;

      item = skip_quote (lines[i]);
      offset = llm_markdown_list_item (item);
      if (offset == 0)
        continue;
      item += offset;

      end = item + strlen (item);
      for (guint s = 0; s < G_N_ELEMENTS (stops); s++)
        {
          const char *found = strstr (item, stops[s]);

          if (found != NULL && found < end)
            end = found;
        }

      add_point (points, seen, item, end - item);
    }
}

/**
 * llm_coverage_key_points_from_markdown:
 * @answer: an answer in markdown
 *
 * Finds what an answer's key points are: its `==highlights==`; failing
 * those its `**bold**` spans; failing those the lead phrase of each list
 * item (its text up to the first '：', ':', '，', ',' or '。'). Code is
 * skipped throughout.
 *
 * Returns: (transfer full): the key points, possibly none
 */
GStrv
llm_coverage_key_points_from_markdown (const char *answer)
{
  g_auto(GStrv) highlights = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (answer != NULL, NULL);

  highlights = llm_collection_key_points (answer);
  if (highlights[0] != NULL)
    return g_steal_pointer (&highlights);

  lines = g_strsplit (answer, "\n", -1);
  collect_bold (lines, points, seen);
  if (points->len == 0)
    collect_lead_phrases (lines, points, seen);

  g_ptr_array_add (points, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&points), FALSE);
}

/**
 * llm_coverage_key_points_for:
 * @question: a question
 *
 * Returns: (transfer full): the question's own key points (its
 *   highlights), or if it has none what
 *   llm_coverage_key_points_from_markdown() finds in its answer
 */
GStrv
llm_coverage_key_points_for (LlmQuestion *question)
{
  const char * const *own;

  g_return_val_if_fail (LLM_IS_QUESTION (question), NULL);

  own = llm_question_get_key_points (question);
  if (own != NULL && own[0] != NULL)
    return g_strdupv ((char **)own);

  return llm_coverage_key_points_from_markdown (llm_question_get_answer (question));
}
