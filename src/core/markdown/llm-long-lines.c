/* llm-long-lines.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Owns the guard against lines cmark-gfm cannot parse in time: such a line
 * is taken out of the markdown before the parse and stashed as escaped
 * plain text, with a notice saying why. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-long-lines.h"

/* cmark-gfm 0.29.0.gfm.6 takes quadratic time over a paragraph that mixes
 * many emphasis delimiters with links (CVE-2023-24824, fixed upstream in
 * 0.29.0.gfm.10 but not in Debian 12): a 10 MB line of them would parse
 * for hours, holding the renderer's parse lock. No note written by a
 * person has a line with this many; such a line is shown as plain
 * text, math still typeset, and only its start: laying out megabytes of
 * one line takes WebKit tens of seconds. */
#define MAX_LINE_DELIMITERS 16384
#define MAX_PLAIN_LINE_BYTES (256 * 1024)

static gsize
line_prefix_length (const char *line,
                    const char *end)
{
  const char *p = line;
  const char *marker;

  /* Indentation and blockquote markers keep the line in its container … */
  while (p < end && (*p == ' ' || *p == '\t' || *p == '>'))
    p++;

  /* … and a list item or heading marker keeps it what it was. */
  marker = p;
  if (p < end && (*p == '-' || *p == '*' || *p == '+'))
    p++;
  else if (p < end && *p == '#')
    while (p < end && *p == '#')
      p++;
  else
    {
      while (p < end && g_ascii_isdigit (*p))
        p++;
      if (p > marker && p < end && (*p == '.' || *p == ')'))
        p++;
      else
        p = marker;
    }
  if (p == marker || p >= end || *p != ' ')
    p = marker;
  else
    p++;

  return p - line;
}

/* Replaces each line with too many delimiters by a placeholder for its
 * text, escaped. Returns %NULL when no line has that many. */
char *
llm_long_lines_stash (LlmMathStash *stash,
                      const char   *markdown)
{
  GString *out = NULL;
  const char *copied = markdown;
  const char *p = markdown;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      guint n_delimiters = 0;

      if (end == NULL)
        end = p + strlen (p);
      for (const char *q = p; q < end; q++)
        if (strchr ("*_~=[]", *q) != NULL)
          n_delimiters++;

      if (n_delimiters > MAX_LINE_DELIMITERS)
        {
          gsize prefix = line_prefix_length (p, end);
          const char *text_end = end;
          g_autofree char *text = NULL;
          g_autofree char *markup = NULL;
          g_autofree char *placeholder = NULL;
          const char *notice;

          if (text_end - (p + prefix) > MAX_PLAIN_LINE_BYTES)
            {
              const char *open;

              /* On a character, and never inside a placeholder. */
              text_end = g_utf8_find_prev_char (p, p + prefix + MAX_PLAIN_LINE_BYTES + 1);
              open = g_strrstr_len (p + prefix, text_end - (p + prefix), "\xee\x80\x80");
              if (open != NULL && g_strstr_len (open, text_end - open, "\xee\x80\x81") == NULL)
                text_end = open;
              notice = _("This line is too long to format: its start is shown as plain text.");
            }
          else
            notice = _("This line is too long to format and is shown as plain text.");

          text = g_markup_escape_text (p + prefix, text_end - (p + prefix));
          markup = g_strdup_printf ("<span class=\"too-long\">%s</span> %s", notice, text);
          placeholder = llm_math_stash_add (stash, LLM_MATH_KIND_MARKUP, markup, NULL);

          if (out == NULL)
            out = g_string_new (NULL);
          g_string_append_len (out, copied, p + prefix - copied);
          g_string_append (out, placeholder);
          copied = end;
        }

      p = *end == '\n' ? end + 1 : end;
    }

  if (out == NULL)
    return NULL;

  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}
