/* llm-math-scanner.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-block-scanner.h"
#include "llm-math-private.h"

/* Finds what llm-math.c stashes: math, by pandoc's rules, and Obsidian's
 * embeds and wiki links, outside code spans and code blocks. Link
 * destinations, autolinks and bare URLs pass as written, as cmark would
 * lose a placeholder inside them. The block structure is approximated
 * well enough to find code and pipe tables. */

/* Unclosed backtick runs this short are remembered, so a paragraph full of
 * them is not rescanned once per run. */
#define MAX_CACHED_TICKS 32

typedef struct
{
  LlmMathStash *stash;
  GString *out;
  const char *start;
  const char *p;
  guint quote_depth;        /* '>' markers opening the current line */
  gboolean in_table;        /* the current line is a row of a pipe table */
  guint table_quote_depth;
  gboolean prev_blank;
  gboolean in_list;
  gboolean in_indented_code;
  const char *ticks_fail[MAX_CACHED_TICKS];
} Scanner;

/* Block structure, approximated well enough to find code. */

static const char *
skip_quote_markers (const char *p,
                    guint      *depth)
{
  guint n = 0;

  for (;;)
    {
      const char *q = p;

      while (*q == ' ' || *q == '\t')
        q++;
      if (*q != '>')
        break;
      q++;
      if (*q == ' ')
        q++;
      p = q;
      n++;
    }

  if (depth != NULL)
    *depth = n;
  return p;
}

static guint
indent_width (const char  *p,
              const char **rest)
{
  guint cols = 0;

  for (; *p == ' ' || *p == '\t'; p++)
    cols = *p == '\t' ? cols + 4 - cols % 4 : cols + 1;

  *rest = p;
  return cols;
}

static gboolean
is_line_end (const char *p)
{
  return *p == '\n' || *p == '\0' || (*p == '\r' && (p[1] == '\n' || p[1] == '\0'));
}

/* Returns the length of the fence opening @line, or 0. */
static guint
fence_length (const char *line,
              char       *fence_char)
{
  const char *p;
  gsize n;

  indent_width (skip_quote_markers (line, NULL), &p);
  n = llm_markdown_fence_open (p);
  if (n > 0)
    *fence_char = *p;
  return (guint)MIN (n, G_MAXUINT);
}

static gboolean
closes_fence (const char *line,
              char        fence_char,
              guint       open_length)
{
  const char *p;

  indent_width (skip_quote_markers (line, NULL), &p);
  return llm_markdown_fence_closes (p, fence_char, open_length);
}

/* Inline spans never run past the end of their paragraph. */
static gboolean
ends_paragraph (const char *line)
{
  const char *p;
  char c;

  indent_width (skip_quote_markers (line, NULL), &p);
  return is_line_end (p) || fence_length (line, &c) > 0;
}

static void
copy_line (Scanner *s)
{
  const char *end = strchr (s->p, '\n');

  end = end != NULL ? end + 1 : s->p + strlen (s->p);
  g_string_append_len (s->out, s->p, end - s->p);
  s->p = end;
}

/* Copies code blocks starting at this line through unchanged. Returns
 * whether it consumed anything. */
static gboolean
scan_line_start (Scanner *s)
{
  const char *rest;
  guint indent;
  guint fence;
  char fence_char;

  indent = indent_width (skip_quote_markers (s->p, &s->quote_depth), &rest);

  if (is_line_end (rest))
    {
      s->prev_blank = TRUE;
      return FALSE;
    }

  /* Inside a list, deeper indentation is continuation text, not code. */
  if (indent >= 4 && (s->in_indented_code || (s->prev_blank && !s->in_list)))
    {
      s->in_indented_code = TRUE;
      s->prev_blank = FALSE;
      copy_line (s);
      return TRUE;
    }

  s->in_indented_code = FALSE;
  if (llm_markdown_list_item (rest) > 0)
    s->in_list = TRUE;
  else if (indent == 0 && s->prev_blank)
    s->in_list = FALSE;
  s->prev_blank = FALSE;

  fence = fence_length (s->p, &fence_char);
  if (fence == 0)
    return FALSE;

  copy_line (s);
  while (*s->p != '\0')
    {
      gboolean last = closes_fence (s->p, fence_char, fence);

      copy_line (s);
      if (last)
        break;
    }
  return TRUE;
}

/* Inline scanners. Each returns whether it consumed input. */

static gsize
run_length (const char *p,
            char        c)
{
  gsize n = 0;

  while (p[n] == c)
    n++;
  return n;
}

static void
scan_code_span (Scanner *s)
{
  const char *open = s->p;
  gsize n = run_length (open, '`');
  const char *q = open + n;

  if (!s->in_table && n < MAX_CACHED_TICKS && open < s->ticks_fail[n])
    q = NULL;

  while (q != NULL && *q != '\0')
    {
      /* A table splits its cells before code spans are parsed: "\|"
       * is the only pipe a span in a cell can hold. */
      if (s->in_table && *q == '\\' && q[1] == '|')
        q += 2;
      else if (*q == '\n' || (s->in_table && *q == '|'))
        {
          if (s->in_table || ends_paragraph (q + 1))
            break;
          q++;
        }
      else if (*q == '`')
        {
          gsize m = run_length (q, '`');

          if (m == n)
            {
              g_string_append_len (s->out, open, q + m - open);
              s->p = q + m;
              return;
            }
          q += m;
        }
      else
        q++;
    }

  if (q != NULL && !s->in_table && n < MAX_CACHED_TICKS)
    s->ticks_fail[n] = q;

  /* No closer: per CommonMark the run is literal text. */
  g_string_append_len (s->out, open, n);
  s->p = open + n;
}

/* Where a span's search gives up: at the end of its paragraph, and inside a
 * pipe table, as pandoc parses each cell alone, at the end of its cell or
 * row. */
static gboolean
ends_span (const char *p,
           gboolean    in_table)
{
  if (*p == '\n')
    return in_table || ends_paragraph (p + 1);
  return in_table && *p == '|';
}

/* Pandoc: the first unescaped '$' decides. It closes only if no white space
 * precedes it and no digit follows it, so "$5 and $6" is not math. */
static const char *
find_inline_close (const char *p,
                   gboolean    in_table)
{
  for (; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0' && p[1] != '\n')
        p++;
      else if (ends_span (p, in_table))
        return NULL;
      else if (*p == '$')
        return g_ascii_isspace (p[-1]) || g_ascii_isdigit (p[1]) ? NULL : p;
    }
  return NULL;
}

static const char *
find_display_close (const char *p,
                    gboolean    in_table)
{
  for (; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0' && p[1] != '\n')
        p++;
      else if (ends_span (p, in_table))
        return NULL;
      else if (p[0] == '$' && p[1] == '$')
        return p;
    }
  return NULL;
}

/* Math that spans lines inside a blockquote carries the "> " markers of its
 * continuation lines, which are not part of the TeX. */
static char *
strip_quote_markers (const char *tex,
                     gsize       len)
{
  GString *out = g_string_sized_new (len);
  const char *end = tex + len;

  for (const char *p = tex; p < end; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '\n')
        p = skip_quote_markers (p + 1, NULL) - 1;
    }

  return g_string_free (out, FALSE);
}

static gboolean
scan_math (Scanner *s)
{
  const char *open = s->p;
  gboolean display = open[1] == '$';
  const char *body = open + (display ? 2 : 1);
  const char *close;
  const char *after;
  gsize len;

  if (display)
    close = find_display_close (body, s->in_table);
  else if (*body == '\0' || g_ascii_isspace (*body))
    return FALSE;
  else
    close = find_inline_close (body, s->in_table);

  if (close == NULL)
    {
      /* Both dollars of an unclosed "$$" are literal; the second must not
       * start inline math either. */
      if (display)
        {
          g_string_append (s->out, "$$");
          s->p += 2;
          return TRUE;
        }
      return FALSE;
    }

  len = close - body;
  after = close + (display ? 2 : 1);

  /* "$$$$" or "$$  $$" is no formula; keep it all as text. */
  if (strspn (body, " \t\r\n") >= len)
    {
      g_string_append_len (s->out, open, after - open);
      s->p = after;
      return TRUE;
    }

  _llm_math_stash_append (s->stash, s->out,
                          display ? LLM_MATH_KIND_DISPLAY : LLM_MATH_KIND_INLINE,
                          s->quote_depth > 0 ? strip_quote_markers (body, len) : g_strndup (body, len),
                          g_strndup (open, after - open));
  s->p = after;
  return TRUE;
}

/* The "]]" that closes the target starting at @body, on its line and
 * with no bracket in it, or %NULL when none does. */
static const char *
find_target_close (const char *body)
{
  const char *q;

  for (q = body; *q != '\0' && *q != '\n' && *q != '[' && *q != ']'; q++)
    ;
  if (q == body || q[0] != ']' || q[1] != ']')
    return NULL;

  return q;
}

static gboolean
scan_embed (Scanner *s)
{
  const char *body = s->p + 3;
  const char *q;

  if (strncmp (s->p, "![[", 3) != 0 || (q = find_target_close (body)) == NULL)
    return FALSE;

  _llm_math_stash_append (s->stash, s->out, LLM_MATH_KIND_EMBED,
                          g_strndup (body, q - body), g_strndup (s->p, q + 2 - s->p));
  s->p = q + 2;
  return TRUE;
}

/* An Obsidian "[[wikilink]]" or "[[target|label]]" goes to the embed
 * stash too, its body marked with LLM_MATH_WIKILINK_MARK so the restore
 * knows it is a link, not an embed. */
static gboolean
scan_wikilink (Scanner *s)
{
  const char *body = s->p + 2;
  const char *q;

  if (strncmp (s->p, "[[", 2) != 0 || (q = find_target_close (body)) == NULL)
    return FALSE;

  {
    g_autofree char *target = g_strndup (body, q - body);

    _llm_math_stash_append (s->stash, s->out, LLM_MATH_KIND_EMBED,
                            g_strconcat (LLM_MATH_WIKILINK_MARK, target, NULL),
                            g_strndup (s->p, q + 2 - s->p));
  }
  s->p = q + 2;
  return TRUE;
}

/* A placeholder inside an autolink's URL would be percent-encoded by cmark
 * and lost, so "<https://example.com/$x$>" goes through untouched. */
static gboolean
scan_autolink (Scanner *s)
{
  const char *scheme = s->p + 1;
  const char *q = scheme;

  if (!g_ascii_isalpha (*q))
    return FALSE;
  while (g_ascii_isalnum (*q) || *q == '+' || *q == '.' || *q == '-')
    q++;
  if (*q != ':' || q - scheme < 2 || q - scheme > 32)
    return FALSE;

  for (; *q != '>'; q++)
    if (*q == '\0' || *q == '<' || (guchar) *q <= ' ')
      return FALSE;

  g_string_append_len (s->out, s->p, q + 1 - s->p);
  s->p = q + 1;
  return TRUE;
}

/* Copies a link destination starting at @q through unchanged, from
 * s->p. cmark percent-encodes a placeholder inside a destination, so a
 * URL such as "?$top=2&$skip=1" must reach cmark as written. Returns
 * whether there was one. */
static gboolean
copy_destination (Scanner    *s,
                  const char *q)
{
  int depth = 0;

  while (*q == ' ' || *q == '\t')
    q++;

  if (*q == '<')
    {
      for (q++; *q != '>'; q++)
        {
          if (*q == '\\' && q[1] != '\0' && q[1] != '\n')
            q++;
          else if (*q == '\0' || *q == '\n' || *q == '<' || (s->in_table && *q == '|'))
            return FALSE;
        }
      q++;
    }
  else
    {
      const char *start = q;

      for (; (guchar) *q > ' ' && !(s->in_table && *q == '|'); q++)
        {
          if (*q == '\\' && g_ascii_ispunct (q[1]))
            q++;
          else if (*q == '(')
            depth++;
          else if (*q == ')' && depth-- == 0)
            break;
        }
      if (q == start)
        return FALSE;
    }

  g_string_append_len (s->out, s->p, q - s->p);
  s->p = q;
  return TRUE;
}

/* "](destination": the destination of an inline link or image. */
static gboolean
scan_link_destination (Scanner *s)
{
  if (s->p[1] != '(')
    return FALSE;

  return copy_destination (s, s->p + 2);
}

/* "[label]: destination" opening a line defines a link reference. A
 * footnote's "[^1]: text" is not one: its text may well hold math. */
static gboolean
scan_reference_definition (Scanner *s)
{
  const char *q;

  if (indent_width (skip_quote_markers (s->p, NULL), &q) > 3 || *q != '[' || q[1] == '^')
    return FALSE;

  for (q++; *q != ']'; q++)
    {
      if (*q == '\\' && q[1] != '\0' && q[1] != '\n')
        q++;
      else if (*q == '\0' || *q == '\n' || *q == '[')
        return FALSE;
    }
  if (q[1] != ':')
    return FALSE;

  return copy_destination (s, q + 2);
}

/* GFM's extended autolinks: "www.", "http://", "https://" and "ftp://"
 * after a word boundary make the text up to the next space a link, and
 * the '$' in "https://example.com/?$top=2" belongs to its address. */
static gboolean
scan_raw_url (Scanner *s)
{
  static const char * const prefixes[] = { "https://", "http://", "ftp://", "www." };
  const char *q = NULL;

  if (s->p > s->start && (g_ascii_isalnum (s->p[-1]) || s->p[-1] == '/' || s->p[-1] == '.'))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes) && q == NULL; i++)
    if (g_ascii_strncasecmp (s->p, prefixes[i], strlen (prefixes[i])) == 0)
      q = s->p + strlen (prefixes[i]);
  if (q == NULL || (guchar) *q <= ' ')
    return FALSE;

  for (; (guchar) *q > ' ' && *q != '<' && !(s->in_table && *q == '|'); q++)
    ;

  g_string_append_len (s->out, s->p, q - s->p);
  s->p = q;
  return TRUE;
}

/* Pipe tables, as cmark-gfm finds them: a row of cells, then a delimiter
 * row ("| --- | :-: |") with as many cells. */

/* Counts the cells of the row starting at @p: its unescaped pipes, less a
 * leading and a trailing one. Sets @delimiter_only when the row holds
 * nothing but pipes, colons, dashes and spaces, with a dash. */
static guint
count_cells (const char *p,
             gboolean   *has_pipe,
             gboolean   *delimiter_only)
{
  gboolean leading = FALSE;
  gboolean trailing = FALSE;
  gboolean dash = FALSE;
  gboolean only = TRUE;
  guint pipes = 0;

  indent_width (p, &p);
  leading = *p == '|';
  for (; !is_line_end (p); p++)
    {
      if (*p == '\\' && p[1] == '|')
        {
          p++;
          only = FALSE;
          trailing = FALSE;
          continue;
        }
      if (*p == '|')
        {
          pipes++;
          trailing = TRUE;
          continue;
        }
      if (*p == '-')
        dash = TRUE;
      else if (*p != ':' && *p != ' ' && *p != '\t')
        only = FALSE;
      if (*p != ' ' && *p != '\t' && *p != '\r')
        trailing = FALSE;
    }

  *has_pipe = pipes > 0;
  *delimiter_only = only && dash;
  if (pipes == 1 && leading && trailing)
    return 1;
  return pipes + 1 - (leading ? 1 : 0) - (trailing ? 1 : 0);
}

/* Called at the start of each line outside code: ends the table at a
 * blank line or a change of quote depth, and starts one at a row
 * followed by its delimiter row. */
static void
update_table (Scanner *s)
{
  const char *rest;
  const char *next;
  guint depth;
  guint indent;

  indent = indent_width (skip_quote_markers (s->p, &depth), &rest);

  if (s->in_table)
    {
      if (is_line_end (rest) || depth != s->table_quote_depth || *rest == '#' || indent >= 4)
        s->in_table = FALSE;
      return;
    }

  if (indent >= 4 || is_line_end (rest) || (next = strchr (rest, '\n')) == NULL)
    return;

  {
    guint next_depth;
    const char *next_rest = skip_quote_markers (next + 1, &next_depth);
    gboolean header_pipe, header_delimiter, pipe, delimiter;
    guint header_cells = count_cells (rest, &header_pipe, &header_delimiter);
    guint cells;

    if (next_depth != depth || indent_width (next_rest, &next_rest) >= 4)
      return;
    cells = count_cells (next_rest, &pipe, &delimiter);
    if (pipe && delimiter && cells == header_cells)
      {
        s->in_table = TRUE;
        s->table_quote_depth = depth;
      }
  }
}

/* Only we may write placeholder brackets, or text could name a stashed
 * span it does not own. Returns %NULL when @markdown holds none. */
static GString *
replace_placeholder_marks (const char *markdown)
{
  GString *clean;

  if (strstr (markdown, OPEN_MARK) == NULL && strstr (markdown, CLOSE_MARK) == NULL)
    return NULL;

  clean = g_string_new (markdown);
  g_string_replace (clean, OPEN_MARK, "\xef\xbf\xbd", 0);
  g_string_replace (clean, CLOSE_MARK, "\xef\xbf\xbd", 0);
  return clean;
}

/* Tries the scanner for the character at s->p. Returns whether it
 * consumed input; when not, the caller copies the character. */
static gboolean
scan_inline (Scanner *s)
{
  switch (*s->p)
    {
    case '\\':
      /* "\$" is a literal dollar: keep the pair for cmark to unescape. */
      if (g_ascii_ispunct (s->p[1]))
        {
          g_string_append_len (s->out, s->p, 2);
          s->p += 2;
          return TRUE;
        }
      return FALSE;

    case '`':
      scan_code_span (s);
      return TRUE;

    case '$':
      return scan_math (s);

    case '!':
      return scan_embed (s);

    case '[':
      return scan_wikilink (s);

    case '<':
      return scan_autolink (s);

    case ']':
      return scan_link_destination (s);

    case 'h': case 'H': case 'f': case 'F': case 'w': case 'W':
      return scan_raw_url (s);

    default:
      return FALSE;
    }
}

/**
 * llm_math_stash_protect:
 * @stash: a stash
 * @markdown: valid UTF-8 markdown
 *
 * Replaces `$$…$$`, `$…$` (by pandoc's rules) and `![[…]]` outside code
 * spans and code blocks with placeholders, remembering them in @stash.
 * Link destinations, autolinks and bare URLs are left as written, and
 * inside a pipe table no span crosses a cell or a row.
 *
 * Returns: (transfer full): the markdown to give cmark
 */
char *
llm_math_stash_protect (LlmMathStash *stash,
                        const char   *markdown)
{
  g_autoptr(GString) clean = NULL;
  Scanner s = { 0, };
  gboolean line_start = TRUE;

  g_return_val_if_fail (stash != NULL, NULL);
  g_return_val_if_fail (markdown != NULL, NULL);

  clean = replace_placeholder_marks (markdown);
  if (clean != NULL)
    markdown = clean->str;

  s.stash = stash;
  s.out = g_string_sized_new (strlen (markdown) + 16);
  s.start = markdown;
  s.p = markdown;
  s.prev_blank = TRUE;

  while (*s.p != '\0')
    {
      if (line_start)
        {
          line_start = FALSE;
          if (scan_line_start (&s))
            {
              s.in_table = FALSE;
              line_start = TRUE;
              continue;
            }
          if (*s.p == '\0')
            break;
          update_table (&s);
          if (scan_reference_definition (&s))
            continue;
        }

      if (*s.p == '\n')
        line_start = TRUE;
      if (!scan_inline (&s))
        g_string_append_c (s.out, *s.p++);
    }

  return g_string_free (s.out, FALSE);
}
