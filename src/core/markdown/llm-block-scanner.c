/* llm-block-scanner.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-block-scanner.h"

/* The one place that decides, line by line, what a markdown line is for the
 * outline: a heading, fenced code, an HTML block, a blank or text. It
 * follows CommonMark's block rules where they decide headings (a "#" inside
 * a fence, an HTML block or indented code is no heading; "Title" over "==="
 * is one) and stops short of the full container model: block quotes and
 * list items only matter to it as places where a heading cannot start.
 * cmark-gfm's own parse would agree on more, but it costs a full parse of
 * every file to load a folder; a line scan keeps loading within budget. */

/* Block-level tags that start an HTML block ending at a blank line
 * (CommonMark's kind 6, as cmark-gfm 0.29 lists them). */
static const char * const block_tags[] = {
  "address", "article", "aside", "base", "basefont", "blockquote", "body",
  "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
  "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
  "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem",
  "nav", "noframes", "ol", "optgroup", "option", "p", "param", "section",
  "source", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
  "title", "tr", "track", "ul", NULL
};

/* Kinds 1 to 5 end at a marker, not at a blank line. */
static const char * const raw_tags[] = { "script", "pre", "style", "textarea", NULL };

enum {
  HTML_NONE,
  HTML_RAW,      /* 1: until </script> and the like */
  HTML_COMMENT,  /* 2: until --> */
  HTML_PI,       /* 3: until ?> */
  HTML_DECL,     /* 4: until > */
  HTML_CDATA,    /* 5: until ]]> */
  HTML_BLOCK,    /* 6 and 7: until a blank line */
};

const char *
llm_markdown_skip_indent (const char *line)
{
  for (guint i = 0; i < 3 && line[0] == ' '; i++)
    line++;
  return line;
}

static guint
indent_of (const char *line)
{
  guint column = 0;

  for (; *line == ' ' || *line == '\t'; line++)
    column = *line == '\t' ? column + 4 - column % 4 : column + 1;

  return column;
}

gboolean
llm_markdown_is_blank (const char *line)
{
  return line[strspn (line, " \t\r")] == '\0';
}

/**
 * llm_markdown_atx_heading:
 * @line: one line, without its newline
 * @text: (out) (optional): where the heading's text starts
 * @text_len: (out) (optional): its length, without a closing run of '#'
 *
 * Returns: the level of the ATX heading @line is, or 0
 */
int
llm_markdown_atx_heading (const char  *line,
                          const char **text,
                          gsize       *text_len)
{
  const char *p = llm_markdown_skip_indent (line);
  const char *end;
  const char *hashes;
  int level = 0;

  while (p[level] == '#')
    level++;
  if (level == 0 || level > 6 || (p[level] != ' ' && p[level] != '\t' && p[level] != '\0'))
    return 0;

  p += level;
  p += strspn (p, " \t");
  end = p + strlen (p);
  while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    end--;

  /* A closing run of '#' after white space is not part of the title. */
  hashes = end;
  while (hashes > p && hashes[-1] == '#')
    hashes--;
  if (hashes < end && (hashes == p || hashes[-1] == ' ' || hashes[-1] == '\t'))
    {
      end = hashes;
      while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    }

  if (text != NULL)
    *text = p;
  if (text_len != NULL)
    *text_len = end - p;

  return level;
}

/**
 * llm_markdown_ordered_item:
 * @line: one line
 * @number: (out) (optional): the item's number
 *
 * Returns: the byte offset of an ordered list item's text ("3. Text",
 *   "3) Text"), or 0 when @line starts none
 */
gsize
llm_markdown_ordered_item (const char *line,
                           guint      *number)
{
  const char *p = llm_markdown_skip_indent (line);
  const char *digits = p;
  guint value = 0;

  while (g_ascii_isdigit (*p) && p - digits < 9)
    value = value * 10 + (guint)(*p++ - '0');
  if (p == digits || (*p != '.' && *p != ')'))
    return 0;
  p++;
  if (*p != ' ' && *p != '\t')
    return 0;
  p += strspn (p, " \t");

  if (number != NULL)
    *number = value;
  return p - line;
}

static gsize
bullet_item (const char *line)
{
  const char *p = llm_markdown_skip_indent (line);

  if ((*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t'))
    return p + 2 - line;
  return 0;
}

/**
 * llm_markdown_list_item:
 * @line: one line
 *
 * Returns: the byte offset of a list item's text ("- Text", "* Text",
 *   "3. Text"), or 0 when @line starts none
 */
gsize
llm_markdown_list_item (const char *line)
{
  gsize item = bullet_item (line);

  return item > 0 ? item : llm_markdown_ordered_item (line, NULL);
}

/**
 * llm_markdown_code_span_end:
 * @p: the first of a run of backticks
 *
 * A code span closes at the next run of exactly as many backticks, as
 * CommonMark has it. Found with strchr() and strspn(), which stop where
 * they match: strstr() would measure the rest of a 10 MB line each time.
 *
 * Returns: (nullable): the character after the closing run, or %NULL when
 *   the run opens no span (it is then literal text)
 */
const char *
llm_markdown_code_span_end (const char *p)
{
  gsize ticks = strspn (p, "`");

  p += ticks;
  while ((p = strchr (p, '`')) != NULL)
    {
      gsize n = strspn (p, "`");

      if (n == ticks)
        return p + n;
      p += n;
    }

  return NULL;
}

static gboolean
has_prefix_nocase (const char *p,
                   const char *prefix)
{
  return g_ascii_strncasecmp (p, prefix, strlen (prefix)) == 0;
}

static gboolean
tag_name_is (const char *p,
             const char *name)
{
  gsize len = strlen (name);
  char after;

  if (!has_prefix_nocase (p, name))
    return FALSE;
  after = p[len];
  return after == '\0' || after == ' ' || after == '\t' || after == '>' ||
         after == '\r' || (after == '/' && p[len + 1] == '>');
}

/* A lone complete tag (kind 7): "<span class=x>" or "</span>". */
static gboolean
is_lone_tag (const char *p)
{
  const char *end;

  if (p[0] != '<')
    return FALSE;
  p += p[1] == '/' ? 2 : 1;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  end = strchr (p, '>');
  if (end == NULL || memchr (p, '<', end - p) != NULL)
    return FALSE;
  return llm_markdown_is_blank (end + 1);
}

static guint
html_start (const char *line,
            gboolean    in_paragraph)
{
  const char *p = llm_markdown_skip_indent (line);

  if (p[0] != '<')
    return HTML_NONE;

  for (guint i = 0; raw_tags[i]; i++)
    if (tag_name_is (p + 1, raw_tags[i]))
      return HTML_RAW;
  if (g_str_has_prefix (p, "<!--"))
    return HTML_COMMENT;
  if (p[1] == '?')
    return HTML_PI;
  if (g_str_has_prefix (p, "<![CDATA["))
    return HTML_CDATA;
  if (p[1] == '!' && g_ascii_isalpha (p[2]))
    return HTML_DECL;

  for (guint i = 0; block_tags[i]; i++)
    if (tag_name_is (p + (p[1] == '/' ? 2 : 1), block_tags[i]))
      return HTML_BLOCK;

  if (!in_paragraph && is_lone_tag (p))
    return HTML_BLOCK;

  return HTML_NONE;
}

static gboolean
html_ends (guint       kind,
           const char *line)
{
  switch (kind)
    {
    case HTML_RAW:
      for (const char *p = strstr (line, "</"); p != NULL; p = strstr (p + 2, "</"))
        for (guint i = 0; raw_tags[i]; i++)
          if (has_prefix_nocase (p + 2, raw_tags[i]) && p[2 + strlen (raw_tags[i])] == '>')
            return TRUE;
      return FALSE;
    case HTML_COMMENT:
      return strstr (line, "-->") != NULL;
    case HTML_PI:
      return strstr (line, "?>") != NULL;
    case HTML_DECL:
      return strchr (line, '>') != NULL;
    case HTML_CDATA:
      return strstr (line, "]]>") != NULL;
    default:
      return FALSE;
    }
}

static gboolean
at_line_end (const char *p)
{
  return *p == '\n' || *p == '\0' || (*p == '\r' && (p[1] == '\n' || p[1] == '\0'));
}

/**
 * llm_markdown_fence_open:
 * @p: where a line's text starts, past its indent and quote marks; the
 *   line ends at a newline or at the end of the string
 *
 * Returns: the length of the run of backticks or tildes that opens fenced
 *   code at @p, or 0
 */
gsize
llm_markdown_fence_open (const char *p)
{
  gsize run = 0;

  if (*p != '`' && *p != '~')
    return 0;
  while (p[run] == *p)
    run++;
  if (run < 3)
    return 0;
  /* A backtick fence's info string holds no backtick: "```a```" is code. */
  if (*p == '`')
    for (const char *q = p + run; !at_line_end (q); q++)
      if (*q == '`')
        return 0;
  return run;
}

/**
 * llm_markdown_fence_closes:
 * @p: where a line's text starts, as for llm_markdown_fence_open()
 * @fence_char: the opening fence's character
 * @length: the opening fence's length
 *
 * Returns: whether the line at @p closes that fence
 */
gboolean
llm_markdown_fence_closes (const char *p,
                           char        fence_char,
                           gsize       length)
{
  gsize run = 0;

  while (p[run] == fence_char)
    run++;
  if (run < length)
    return FALSE;
  for (p += run; *p == ' ' || *p == '\t'; p++)
    ;
  return at_line_end (p);
}

static gsize
fence_run (const char *p)
{
  return llm_markdown_fence_open (p);
}

/* "===" or "---" alone, up to three spaces in: a setext underline. */
static int
setext_level (const char *line)
{
  const char *p = llm_markdown_skip_indent (line);
  char c = *p;

  if (c != '=' && c != '-')
    return 0;
  p += strspn (p, c == '=' ? "=" : "-");
  return llm_markdown_is_blank (p) ? (c == '=' ? 1 : 2) : 0;
}

static void
end_paragraph (LlmBlockScanner *self)
{
  self->in_paragraph = FALSE;
  self->plain_paragraph = FALSE;
}

/* A fence or an HTML block owns the lines that follow it until it ends.
 * Returns whether one owned @line, and then what @line is in @kind. */
static gboolean
feed_open_block (LlmBlockScanner *self,
                 const char      *line,
                 const char      *p,
                 LlmLineKind     *kind)
{
  if (self->fence_char != 0)
    {
      if (llm_markdown_fence_closes (p, self->fence_char, self->fence_len))
        {
          self->fence_char = 0;
          *kind = LLM_LINE_FENCE;
          return TRUE;
        }
      *kind = LLM_LINE_CODE;
      return TRUE;
    }

  if (self->html_kind != HTML_NONE)
    {
      if (self->html_kind == HTML_BLOCK && llm_markdown_is_blank (line))
        {
          self->html_kind = HTML_NONE;
          self->after_blank = TRUE;
          *kind = LLM_LINE_BLANK;
          return TRUE;
        }
      if (html_ends (self->html_kind, line))
        self->html_kind = HTML_NONE;
      *kind = LLM_LINE_HTML;
      return TRUE;
    }

  return FALSE;
}

/* Opens a fence, a heading or an HTML block at @line, which is less than
 * four columns in. Returns whether it opened one, and then what @line is
 * in @kind. */
static gboolean
feed_block_start (LlmBlockScanner *self,
                  const char      *line,
                  const char      *p,
                  int             *level,
                  LlmLineKind     *kind)
{
  gsize run;
  int heading;

  if ((run = fence_run (p)) > 0)
    {
      end_paragraph (self);
      self->fence_char = *p;
      self->fence_len = run;
      *kind = LLM_LINE_FENCE;
      return TRUE;
    }

  if (self->list_indent == 0 &&
      (heading = llm_markdown_atx_heading (line, NULL, NULL)) > 0)
    {
      end_paragraph (self);
      if (level != NULL)
        *level = heading;
      *kind = LLM_LINE_HEADING;
      return TRUE;
    }

  if (self->plain_paragraph && (heading = setext_level (line)) > 0)
    {
      end_paragraph (self);
      if (level != NULL)
        *level = heading;
      *kind = LLM_LINE_SETEXT;
      return TRUE;
    }

  if ((self->html_kind = html_start (line, self->in_paragraph)) != HTML_NONE)
    {
      end_paragraph (self);
      if (self->html_kind != HTML_BLOCK && html_ends (self->html_kind, p + 1))
        self->html_kind = HTML_NONE;
      *kind = LLM_LINE_HTML;
      return TRUE;
    }

  return FALSE;
}

/* A list marker with nothing but blanks after it ("-", "1. "): an empty
 * item. Returns the offset just past the marker, or 0. */
static gsize
empty_item (const char *line)
{
  const char *p = llm_markdown_skip_indent (line);

  if (*p == '-' || *p == '*' || *p == '+')
    p++;
  else
    {
      gsize digits = strspn (p, "0123456789");

      if (digits == 0 || digits > 9 || (p[digits] != '.' && p[digits] != ')'))
        return 0;
      p += digits + 1;
    }

  return llm_markdown_is_blank (p) ? (gsize)(p - line) : 0;
}

/* A list item's first line, less than four columns in, opens the item's
 * paragraph, unless the item is empty: then the item holds only what is
 * indented under it, and a line that is not ends the list (so "-" then
 * "Title" then "---" is an empty item and a heading). Returns whether
 * @line is one. */
static gboolean
feed_list_item (LlmBlockScanner *self,
                const char      *line,
                const char      *p,
                guint            index)
{
  gsize marker = empty_item (line);
  gsize item;

  if (marker > 0)
    {
      /* An empty item cannot interrupt a paragraph: "*" there is text. */
      if (self->plain_paragraph)
        return FALSE;
      /* What belongs to it starts a column past the marker. */
      self->list_indent = indent_of (line) + (guint)(marker - (p - line)) + 1;
      self->in_paragraph = FALSE;
    }
  else
    {
      item = bullet_item (line);
      if (item == 0)
        item = llm_markdown_ordered_item (line, NULL);
      if (item == 0)
        return FALSE;
      self->list_indent = indent_of (line) + (guint)(item - (p - line));
      self->in_paragraph = TRUE;
    }

  self->plain_paragraph = FALSE;
  self->paragraph_start = index;
  return TRUE;
}

/* A text line outside any paragraph starts one. Indented code, a quote
 * or a list's own paragraph is no plain paragraph: a setext underline
 * under it is a thematic break. */
static void
start_paragraph (LlmBlockScanner *self,
                 const char      *line,
                 const char      *p,
                 guint            indent,
                 guint            index)
{
  self->in_paragraph = indent < 4 || self->list_indent > 0;
  self->plain_paragraph = indent < 4 && *p != '>' && self->list_indent == 0;
  self->paragraph_start = index;
  /* "***" or "---" is a thematic break: with no paragraph above it,
   * "---" underlines nothing. */
  if (self->plain_paragraph &&
      strspn (p, "*_- \t") == strlen (p) && strlen (p) >= 3)
    end_paragraph (self);
}

/**
 * llm_block_scanner_feed:
 * @self: a scanner, zeroed before the first line
 * @line: the next line, without its newline
 * @level: (out) (optional): the level of a heading or setext underline
 *
 * Returns: what @line is
 */
LlmLineKind
llm_block_scanner_feed (LlmBlockScanner *self,
                        const char      *line,
                        int             *level)
{
  const char *p = llm_markdown_skip_indent (line);
  guint index = self->n_lines++;
  gboolean after_blank = self->after_blank;
  LlmLineKind kind;
  guint indent;

  if (level != NULL)
    *level = 0;
  self->after_blank = FALSE;

  if (feed_open_block (self, line, p, &kind))
    return kind;

  if (llm_markdown_is_blank (line))
    {
      end_paragraph (self);
      self->after_blank = TRUE;
      return LLM_LINE_BLANK;
    }

  indent = indent_of (line);

  /* Inside a list item, indented lines belong to the item: they may hold
   * fences and paragraphs, but no heading of the outline. */
  if (self->list_indent > 0 && indent < self->list_indent &&
      bullet_item (line) == 0 && llm_markdown_ordered_item (line, NULL) == 0 &&
      (after_blank || !self->in_paragraph || fence_run (p) > 0 ||
       llm_markdown_atx_heading (line, NULL, NULL) > 0))
    {
      /* Only a paragraph's lazy continuation stays in the item. */
      self->list_indent = 0;
      end_paragraph (self);
    }

  if (indent < 4 && feed_block_start (self, line, p, level, &kind))
    return kind;

  if (indent < 4 && feed_list_item (self, line, p, index))
    return LLM_LINE_TEXT;

  if (!self->in_paragraph)
    start_paragraph (self, line, p, indent, index);

  return LLM_LINE_TEXT;
}

/**
 * llm_block_scanner_paragraph_start:
 *
 * Returns: the 0-based index of the first line of the paragraph that the
 *   last %LLM_LINE_SETEXT closed: the first line of that heading
 */
guint
llm_block_scanner_paragraph_start (LlmBlockScanner *self)
{
  return self->paragraph_start;
}
