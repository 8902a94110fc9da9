/* llm-file-names.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-file-names.h"

/* How the names of a notes folder's files and folders read: the order
 * they sort in, the number in front that orders them, and the names that
 * say nothing of what a file is about. Plain string functions, safe in
 * any thread. */

/* "2" before "10", and "1.2" before "1.10": runs of digits compare as
 * numbers, everything else case-insensitively. */
int
llm_file_name_compare (const char *a,
                       const char *b)
{
  const char *p = a;
  const char *q = b;

  while (*p != '\0' && *q != '\0')
    {
      if (g_ascii_isdigit (*p) && g_ascii_isdigit (*q))
        {
          const char *p_start, *q_start;
          gsize p_len, q_len;
          int cmp;

          while (*p == '0' && g_ascii_isdigit (p[1]))
            p++;
          while (*q == '0' && g_ascii_isdigit (q[1]))
            q++;
          for (p_start = p; g_ascii_isdigit (*p); p++)
            ;
          for (q_start = q; g_ascii_isdigit (*q); q++)
            ;
          p_len = p - p_start;
          q_len = q - q_start;
          if (p_len != q_len)
            return p_len < q_len ? -1 : 1;
          if ((cmp = strncmp (p_start, q_start, p_len)) != 0)
            return cmp;
          continue;
        }

      {
        gunichar pc = g_unichar_tolower (g_utf8_get_char (p));
        gunichar qc = g_unichar_tolower (g_utf8_get_char (q));

        if (pc != qc)
          return pc < qc ? -1 : 1;
        p = g_utf8_next_char (p);
        q = g_utf8_next_char (q);
      }
    }

  if (*p != '\0' || *q != '\0')
    return *p != '\0' ? 1 : -1;

  /* "01" and "1" differ only in zeros; any order will do, but always one. */
  return strcmp (a, b);
}

/* A file or folder name's order prefix, "01. ", "1.2 " or "3-", is for
 * sorting; the title is what follows. A date ("2024-03-01 notes") or a
 * title that starts with a number ("3 Body Problem") keeps its digits. */
const char *
llm_file_name_skip_number (const char *name,
                           guint      *number)
{
  const char *p = name;
  gboolean dotted = FALSE;
  guint value = 0;

  if (!g_ascii_isdigit (*p))
    return name;

  /* "2024_interview_log" is a year, "12345-notes" an identifier: only a
   * short number orders things. */
  if (strspn (p, "0123456789") > 3)
    return name;

  for (;;)
    {
      value = 0;
      for (; g_ascii_isdigit (*p); p++)
        value = MIN (value, G_MAXUINT / 10) * 10 + (guint)(*p - '0');
      if (p[0] != '.' || !g_ascii_isdigit (p[1]))
        break;
      dotted = TRUE;
      p++;
    }

  if (*p == '.' || *p == ')' || *p == '-' || *p == '_')
    p++;
  else if (g_str_has_prefix (p, "、"))
    p += strlen ("、");
  else if (!dotted && !(name[0] == '0' && *p == ' '))
    return name;

  while (*p == ' ' || *p == '\t' || *p == '_' || *p == '-')
    p++;
  if (*p == '\0' || g_ascii_isdigit (*p))
    return name;

  if (number != NULL)
    *number = value;
  return p;
}

gboolean
llm_file_name_is_markdown (const char *name)
{
  const char *dot = strrchr (name, '.');

  return dot != NULL && dot != name &&
         (g_ascii_strcasecmp (dot, ".md") == 0 || g_ascii_strcasecmp (dot, ".markdown") == 0);
}

char *
llm_file_name_strip_extension (const char *name)
{
  const char *dot = strrchr (name, '.');

  return dot != NULL && dot != name ? g_strndup (name, dot - name) : g_strdup (name);
}

/* Headings that say what kind of section follows, not what it is about:
 * a file's name says more. */
gboolean
llm_file_name_is_generic (const char *title)
{
  static const char * const generic[] = {
    "example", "examples", "what it is", "overview", "introduction", "intro",
    "summary", "notes", "readme", "index", "contents", "table of contents", "toc",
    "概述", "简介", "介绍", "总结", "算法", "示例", "例子", "目录", "笔记", NULL
  };
  g_autofree char *folded = g_utf8_casefold (llm_file_name_skip_number (title, NULL), -1);

  g_strstrip (folded);
  for (guint i = 0; generic[i]; i++)
    if (g_str_equal (folded, generic[i]))
      return TRUE;

  return FALSE;
}
