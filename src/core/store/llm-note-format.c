/* llm-note-format.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The text of a note file: composing it from a title, a topic and a body,
 * and splitting it back. Pure string work, no files, no store state.
 *
 *   ---
 *   question: "What is attention?"
 *   topic: "Transformers"
 *   updated: 2026-01-02T03:04:05Z
 *   ---
 *
 *   The note itself, byte for byte as typed.
 *
 * The header is there so that a person browsing the folder, or the app
 * listing a note whose question has left the collection, can tell what the
 * note is about. Values are YAML double-quoted strings with '\\', '"' and
 * every control character escaped (\n, \t, \xNN, \uNNNN), so no title can
 * end the header early or add a key. One blank line separates header and
 * body and is not part of the body.
 *
 * Reading is lenient, because people and other tools edit these files:
 * plain and single-quoted values are accepted, "\r\n" line ends and a BOM
 * are fine, and a file that does not open with our header (no header, or
 * another app's front matter without a "question" key) is all body, so
 * nothing a person wrote is ever hidden. Keys other than the three above are
 * ignored and not kept when the note is saved again.
 */

#include "config.h"

#include <string.h>

#include "llm-note-format.h"
#include "llm-render.h"

#define HEADER_RULE "---"

static void
append_quoted (GString    *out,
               const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value ? value : "", -1);

  g_string_append_c (out, '"');

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        default:
          /* C1 controls and the Unicode line separators break lines for
           * some YAML readers; escaping them keeps every key on its line. */
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\x%02X", c);
          else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_unichar (out, c);
        }
    }

  g_string_append_c (out, '"');
}

GString *
llm_note_format_compose (const char *title,
                         const char *topic,
                         const char *body)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  GString *out = g_string_sized_new (strlen (body) + 256);

  g_string_append (out, HEADER_RULE "\nquestion: ");
  append_quoted (out, title);
  g_string_append (out, "\ntopic: ");
  append_quoted (out, topic);
  g_string_append_printf (out, "\nupdated: %s\n" HEADER_RULE "\n\n", updated);
  g_string_append (out, body);

  return out;
}

static int
hex_value (const char *p,
           guint       digits)
{
  /* Eight hex digits fill 32 bits: wide enough, and unsigned, so a
   * "\UFFFFFFFF" cannot overflow; the caller rejects non-characters. */
  guint32 value = 0;

  for (guint i = 0; i < digits; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + (guint32)digit;
    }

  return value > 0x10FFFF ? 0x110000 : (int)value;
}

/* Undoes append_quoted(), and reads what a person or another YAML writer
 * may have put there instead: single quotes or no quotes at all. */
static char *
parse_value (const char *raw)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *plain = NULL;
  const char *p = raw;

  while (*p == ' ' || *p == '\t')
    p++;

  if (*p == '\'')
    {
      out = g_string_new (NULL);
      for (p++; *p; p++)
        {
          if (*p == '\'' && p[1] == '\'')
            p++;
          else if (*p == '\'')
            break;
          g_string_append_c (out, *p);
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (*p != '"')
    {
      plain = g_strdup (p);
      return g_strdup (g_strstrip (plain));
    }

  out = g_string_new (NULL);
  for (p++; *p && *p != '"'; p++)
    {
      guint digits = 0;
      int code;

      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); continue;
        case 'r': g_string_append_c (out, '\r'); continue;
        case 't': g_string_append_c (out, '\t'); continue;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default: g_string_append_c (out, *p); continue;
        }

      code = hex_value (p + 1, digits);
      if (code < 0)
        {
          /* Not an escape after all: keep the text as written. */
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          continue;
        }

      /* A NUL would cut the title short wherever it is shown. */
      if (code > 0 && g_unichar_validate (code))
        g_string_append_unichar (out, code);
      else
        g_string_append_unichar (out, 0xFFFD);
      p += digits;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Returns where the line after @p starts (NULL at the end), its length
 * without the line end and trailing blanks in @length. */
const char *
llm_note_format_next_line (const char *p,
                           gsize      *length)
{
  const char *nl = strchr (p, '\n');
  const char *end = nl ? nl : p + strlen (p);

  while (end > p && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
    end--;
  *length = end - p;

  return nl ? nl + 1 : NULL;
}

static gboolean
is_rule (const char *line,
         gsize       length)
{
  return length == strlen (HEADER_RULE) && strncmp (line, HEADER_RULE, length) == 0;
}

/* Splits valid UTF-8 text into header values and body. The body is a
 * pointer into @text; @title and @topic are set only when the text opens
 * with our header. */
const char *
llm_note_format_split (const char  *text,
                       char       **title,
                       char       **topic)
{
  g_autofree char *found_title = NULL;
  g_autofree char *found_topic = NULL;
  gboolean ours = FALSE;
  const char *p = text;
  gsize length;

  *title = NULL;
  *topic = NULL;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    text = p = p + 3;

  p = llm_note_format_next_line (p, &length);
  if (p == NULL || !is_rule (text, length))
    return text;

  while (p != NULL)
    {
      const char *line = p;
      const char *key_end;
      g_autofree char *value = NULL;

      p = llm_note_format_next_line (line, &length);

      if (is_rule (line, length))
        {
          if (!ours)
            return text;

          /* The one blank line written after the header. */
          if (p != NULL && (*p == '\n' || g_str_has_prefix (p, "\r\n")))
            p += *p == '\n' ? 1 : 2;

          *title = g_steal_pointer (&found_title);
          *topic = g_steal_pointer (&found_topic);
          return p ? p : line + strlen (line);
        }

      /* Blank lines, comments and indented continuations are YAML a
       * person may have added; anything else means this is not a header. */
      if (length == 0 || line[0] == '#' || line[0] == ' ' || line[0] == '\t')
        continue;

      key_end = line;
      while (g_ascii_isalnum (*key_end) || *key_end == '_' || *key_end == '-')
        key_end++;
      if (key_end == line || *key_end != ':' ||
          (key_end[1] != ' ' && key_end[1] != '\t' && key_end + 1 != line + length))
        return text;

      value = g_strndup (key_end + 1, line + length - (key_end + 1));

      if (strncmp (line, "question", key_end - line) == 0 && key_end - line == 8)
        {
          ours = TRUE;
          g_free (found_title);
          found_title = parse_value (value);
        }
      else if (strncmp (line, "topic", key_end - line) == 0 && key_end - line == 5)
        {
          g_free (found_topic);
          found_topic = parse_value (value);
        }
    }

  return text;
}

/* A list shows a line as text: "## Why", "> - **Key**" and "1. [ ] `x`"
 * lose their markers and their inline markup. */
char *
llm_note_format_preview_line (const char *line)
{
  const char *p = line;
  gboolean more = TRUE;

  while (more)
    {
      const char *q = p;

      more = FALSE;
      while (*q == '#')
        q++;
      if (q != p && (*q == ' ' || *q == '\0'))
        p = q, more = TRUE;
      else if (*p == '>')
        p++, more = TRUE;
      else if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
        p += 2, more = TRUE;
      else if (g_ascii_isdigit (*p))
        {
          for (q = p; g_ascii_isdigit (*q); q++)
            ;
          if ((*q == '.' || *q == ')') && q[1] == ' ')
            p = q + 2, more = TRUE;
        }
      else if (*p == '[' && (p[1] == ' ' || p[1] == 'x' || p[1] == 'X') && p[2] == ']' && p[3] == ' ')
        p += 4, more = TRUE;
      while (*p == ' ' || *p == '\t')
        p++;
    }

  return g_strstrip (llm_render_inline_plain (p));
}
