/* llm-text-map.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Normalised text that remembers where it came from. The index matches
 * against normalised text (NFKC, case folded, white space folded) but a
 * snippet shows the original, so each normalised field keeps anchors where
 * the normalised byte offset stops advancing in step with the original one.
 * The light markdown stripping lives here too: it makes the "original" a
 * snippet reads from, and the map is built over its output. */

#include "config.h"

#include <string.h>

#include "llm-block-scanner.h"
#include "llm-text.h"
#include "llm-text-map.h"

/* Normalised byte offset @norm starts the text at original byte @orig; the
 * bytes after it correspond one to one up to the next anchor. */
typedef struct
{
  guint32 norm;
  guint32 orig;
} Anchor;

/* ------------------------------------------------------------------------ */
/* Normalisation with an offset map                                           */

typedef struct
{
  GString *norm;
  GArray *anchors;
  gboolean keep_newlines;
  gboolean pending_space;
  gsize space_orig;
} Builder;

static void
builder_map (Builder *b,
             gsize    orig)
{
  gsize n = b->norm->len;

  if (b->anchors->len > 0)
    {
      const Anchor *last = &g_array_index (b->anchors, Anchor, b->anchors->len - 1);

      if (last->orig + (n - last->norm) == orig)
        return;
      if (last->norm == n)
        {
          /* Nothing was emitted since: the old anchor is dead. */
          g_array_index (b->anchors, Anchor, b->anchors->len - 1).orig = orig;
          return;
        }
    }

  g_array_append_val (b->anchors, ((Anchor) { (guint32)n, (guint32)orig }));
}

/* A character and the combining marks after it normalise together, so
 * "e" + U+0301 composes to "é" as it does in llm_text_normalize(). */
static const char *
unit_end (const char *p)
{
  p = g_utf8_next_char (p);
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (g_unichar_combining_class (c) == 0 &&
          type != G_UNICODE_NON_SPACING_MARK &&
          type != G_UNICODE_SPACING_MARK &&
          type != G_UNICODE_ENCLOSING_MARK)
        break;
      p = g_utf8_next_char (p);
    }

  return p;
}

/* White space at original offset @orig becomes one ' ' before the next
 * character kept, unless nothing or a kept newline comes before it. */
static void
builder_space (Builder *b,
               gsize    orig)
{
  if (!b->pending_space)
    b->space_orig = orig;
  b->pending_space = b->norm->len > 0 && b->norm->str[b->norm->len - 1] != '\n';
}

/* Emits the ' ' that white space before a character kept stands for. */
static void
builder_flush_space (Builder *b)
{
  if (b->pending_space)
    {
      builder_map (b, b->space_orig);
      g_string_append_c (b->norm, ' ');
      b->pending_space = FALSE;
    }
}

/* ASCII folds by lowering. */
static void
builder_append_ascii (Builder *b,
                      char     ch,
                      gsize    orig)
{
  char c = g_ascii_tolower (ch);

  /* The white space g_unichar_isspace() knows, as the query's. */
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
    builder_space (b, orig);
  else
    {
      builder_flush_space (b);
      builder_map (b, orig);
      g_string_append_c (b->norm, c);
    }
}

/* Any other unit [@p, @end), at original offset @orig, goes through NFKC
 * and case folding. */
static void
builder_append_unit (Builder    *b,
                     const char *p,
                     const char *end,
                     gsize       orig)
{
  g_autofree char *nfkc = g_utf8_normalize (p, end - p, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc ? nfkc : "", -1);

  for (const char *q = folded; *q; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      /* As llm_text_normalize() does: "atten\u200Btion" is found. */
      if (llm_text_is_invisible (c))
        continue;
      if (g_unichar_isspace (c))
        {
          builder_space (b, orig);
          continue;
        }
      builder_flush_space (b);
      /* Every character of an expansion ("ﬁ" → "fi") maps to the start
       * of what it came from; a match ending inside it then still
       * covers the whole original character. */
      builder_map (b, orig);
      g_string_append_unichar (b->norm, c);
    }
}

static void
builder_append (Builder    *b,
                const char *text)
{
  const char *end;

  for (const char *p = text; *p; p = end)
    {
      gsize orig = p - text;
      gunichar first = g_utf8_get_char (p);

      end = unit_end (p);

      if (b->keep_newlines && *p == '\n')
        {
          builder_map (b, orig);
          g_string_append_c (b->norm, '\n');
          b->pending_space = FALSE;
        }
      /* Fast paths for what the notes are mostly made of: ASCII, and
       * unified CJK ideographs, which NFKC and case folding leave alone
       * (unlike the compatibility ideographs at U+F900). */
      else if (end - p == 1 && first < 0x80)
        builder_append_ascii (b, *p, orig);
      else if (end - p == 3 && first >= 0x4E00 && first <= 0x9FFF)
        {
          builder_flush_space (b);
          builder_map (b, orig);
          g_string_append_len (b->norm, p, 3);
        }
      else
        builder_append_unit (b, p, end, orig);
    }
}

void
llm_text_map_clear (LlmTextMap *map)
{
  g_clear_pointer (&map->text, g_free);
  g_clear_pointer (&map->anchors, g_array_unref);
}

void
llm_text_map_set (LlmTextMap *map,
                  const char *source,
                  gboolean    keep_newlines)
{
  Builder b = { 0 };

  llm_text_map_clear (map);
  if (source == NULL || source[0] == '\0')
    return;

  b.norm = g_string_sized_new (strlen (source));
  b.anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  b.keep_newlines = keep_newlines;
  builder_append (&b, source);

  if (b.norm->len == 0)
    {
      g_string_free (b.norm, TRUE);
      g_array_unref (b.anchors);
      return;
    }

  map->text = g_string_free (b.norm, FALSE);
  map->anchors = b.anchors;
}

/* Maps a normalised byte offset (at a character boundary) back into the
 * original text. */
static gsize
text_map_lookup (const LlmTextMap *map,
                 gsize             norm)
{
  const Anchor *anchors = (const Anchor *)(gpointer)map->anchors->data;
  guint lo = 0;
  guint hi = map->anchors->len;

  /* The last anchor at or before @norm. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (anchors[mid].norm <= norm)
        lo = mid;
      else
        hi = mid;
    }

  return anchors[lo].orig + (norm - anchors[lo].norm);
}

/* Maps the normalised match [@start, @end) to original bytes, widened to
 * whole original characters. */
void
llm_text_map_span (const LlmTextMap *map,
                   const char       *source,
                   gsize             start,
                   gsize             end,
                   gsize            *orig_start,
                   gsize            *orig_end)
{
  const char *last = g_utf8_find_prev_char (map->text, map->text + end);

  *orig_start = text_map_lookup (map, start);
  *orig_end = unit_end (source + text_map_lookup (map, last - map->text)) - source;
  if (*orig_end < *orig_start)
    *orig_end = *orig_start;
}

/* ------------------------------------------------------------------------ */
/* Light markdown stripping                                                   */

static void
append_space (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
}

/* "](target)" or "](target "title")" after a link's or image's text: the
 * target is never shown, so it is neither searched nor put in a snippet.
 * Returns where the target ends, or %NULL. */
static const char *
skip_link_target (const char *p)
{
  int depth = 0;

  if (p[0] != ']' || p[1] != '(')
    return NULL;

  for (p += 2; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '(')
        depth++;
      else if (*p == ')' && depth-- == 0)
        return p + 1;
    }

  return NULL;
}

/* Whether the "[" at @p opens "[text](target)". */
static gboolean
opens_link (const char *p)
{
  const char *close = strchr (p, ']');

  return close != NULL && skip_link_target (close) != NULL;
}

/* The text of an HTML tag a reader sees: an image's alt, nothing else. */
static void
append_tag_text (GString    *out,
                 const char *tag,
                 const char *end)
{
  const char *alt;
  char quote;
  const char *value_end;

  if (g_ascii_strncasecmp (tag, "<img", 4) != 0)
    return;

  for (alt = tag; alt + 4 < end; alt++)
    if (g_ascii_strncasecmp (alt, " alt=", 5) == 0)
      break;
  if (alt + 4 >= end)
    return;

  alt += 5;
  quote = (*alt == '"' || *alt == '\'') ? *alt++ : ' ';
  value_end = alt;
  while (value_end < end && *value_end != quote && *value_end != '>' &&
         (quote != ' ' || *value_end != '/'))
    value_end++;
  append_space (out);
  g_string_append_len (out, alt, value_end - alt);
  append_space (out);
}

/* "<tag …>", "</tag>" or "<!-- … -->" starting at @p, on this line.
 * Returns where it ends, or %NULL when @p starts no tag ("a < b"). */
static const char *
skip_html_tag (const char *p)
{
  const char *q = p + 1;
  const char *end;

  if (g_str_has_prefix (p, "<!--"))
    {
      end = strstr (p, "-->");
      return end != NULL ? end + 3 : NULL;
    }

  if (*q == '/')
    q++;
  if (!g_ascii_isalpha (*q))
    return NULL;
  while (g_ascii_isalnum (*q) || *q == '-')
    q++;
  if (*q != '>' && *q != ' ' && *q != '\t' && *q != '/')
    return NULL;

  end = strchr (q, '>');
  return end != NULL ? end + 1 : NULL;
}

/* Indentation and block quote markers opening @line. */
static const char *
skip_quote_markers (const char *line)
{
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;
  while (*p == '>')
    {
      p++;
      while (*p == ' ' || *p == '\t')
        p++;
    }

  return p;
}

/* A heading's "#"s and a list item's marker, outside code. */
static const char *
skip_block_marker (const char *p)
{
  if (*p == '#')
    {
      const char *q = p + strspn (p, "#");

      if (*q == ' ' || *q == '\t' || *q == '\0')
        p = q;
    }

  return p + llm_markdown_list_item (p);
}

/* Inline markup at @p a reader does not see as written: emphasis and
 * highlight marks, embeds, a link's or image's brackets and target, and
 * HTML tags, of which an image's alt text is appended to @out. Returns
 * where the text goes on after it, or %NULL when @p starts none. */
static const char *
skip_inline_markup (GString    *out,
                    const char *p)
{
  /* Byte tests, not g_str_has_prefix(): that measures the rest of the
   * line every time. */
  if ((p[0] == '*' && p[1] == '*') || (p[0] == '=' && p[1] == '='))
    return p + 2;
  if (p[0] == '!' && p[1] == '[' && p[2] == '[')
    {
      const char *close = strstr (p, "]]");

      if (close != NULL)
        return close + 2;
    }
  /* "![alt](…)" and "[text](…)": the text stays, its brackets and the
   * target go. */
  if (p[0] == '!' && p[1] == '[' && opens_link (p + 1))
    return p + 2;
  if (p[0] == '[' && p[1] != '[' && opens_link (p))
    return p + 1;
  if (p[0] == ']')
    {
      const char *target_end = skip_link_target (p);

      if (target_end != NULL)
        return target_end;
    }
  if (p[0] == '<')
    {
      const char *tag_end = skip_html_tag (p);

      if (tag_end != NULL)
        {
          append_tag_text (out, p, tag_end);
          return tag_end;
        }
    }

  return NULL;
}

/* Appends the text of one line from @p, its markup gone unless it is
 * code, its white space runs one space each. */
static void
append_line_text (GString    *out,
                  const char *p,
                  gboolean    in_code)
{
  append_space (out);
  while (*p)
    {
      const char *next = in_code ? NULL : skip_inline_markup (out, p);

      if (next != NULL)
        p = next;
      else if (*p == ' ' || *p == '\t' || *p == '\r')
        {
          append_space (out);
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }
}

/* Just enough markdown removed that a snippet reads as prose: emphasis and
 * highlight marks, block quote, heading and list markers, embeds and fence
 * lines go, and what a reader never sees: link and image targets and HTML
 * tags (an image's alt text stays, as a link's text does); white space
 * collapses to single spaces. Deterministic, since the answer's field maps
 * back into exactly this text. */
char *
llm_search_strip_markdown (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  LlmBlockScanner scanner = { 0 };

  for (guint i = 0; lines[i]; i++)
    {
      const char *p = skip_quote_markers (lines[i]);
      LlmLineKind kind;

      /* An answer's quote marks are gone already; one written inside a
       * quote is read as the quote's content. */
      kind = llm_block_scanner_feed (&scanner, p, NULL);
      if (kind == LLM_LINE_FENCE)
        {
          append_space (out);
          continue;
        }

      if (kind != LLM_LINE_CODE)
        p = skip_block_marker (p);
      append_line_text (out, p, kind == LLM_LINE_CODE);
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len > 0 && out->str[0] == ' ')
    g_string_erase (out, 0, 1);

  return g_string_free (out, FALSE);
}
