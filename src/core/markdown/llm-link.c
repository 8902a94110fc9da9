/* llm-link.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links in notes lead where a click takes them; what leaves the app for a
 * mail client carries no more than a message.
 */

#include "config.h"

#include <string.h>

#include "llm-link.h"
#include "llm-text.h"

/**
 * llm_link_sanitize_mailto:
 * @uri: a `mailto:` URI from a note
 *
 * A mail client takes a mailto's header fields as given: `attach=` (or
 * Thunderbird's `attachment=`) can attach a local file, other headers can
 * set a reply address. Only the recipients, `subject`, `cc`, `bcc` and
 * `body` are kept, in the order written.
 *
 * Returns: (transfer full) (nullable): the URI to hand over, or %NULL
 *   when @uri is not a mailto URI
 */
char *
llm_link_sanitize_mailto (const char *uri)
{
  static const char * const allowed[] = { "subject", "cc", "bcc", "body" };
  g_auto(GStrv) fields = NULL;
  const char *query;
  GString *out;
  gboolean first = TRUE;

  g_return_val_if_fail (uri != NULL, NULL);

  if (g_ascii_strncasecmp (uri, "mailto:", strlen ("mailto:")) != 0)
    return NULL;

  query = strchr (uri, '?');
  out = g_string_new ("mailto:");
  g_string_append_len (out, uri + strlen ("mailto:"),
                       (query != NULL ? query : uri + strlen (uri)) - (uri + strlen ("mailto:")));
  /* A fragment means nothing to a mail client. */
  if (strchr (out->str, '#') != NULL)
    g_string_truncate (out, strchr (out->str, '#') - out->str);
  if (query == NULL)
    return g_string_free (out, FALSE);

  fields = g_strsplit (query + 1, "&", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      const char *equals = strchr (fields[i], '=');
      char *hash = strchr (fields[i], '#');
      gboolean keep = FALSE;

      if (hash != NULL)
        *hash = '\0';
      if (equals == NULL)
        continue;

      /* Field names may be percent-encoded, "%61ttach" is "attach". */
      name = g_uri_unescape_segment (fields[i], equals, NULL);
      for (guint j = 0; name != NULL && j < G_N_ELEMENTS (allowed); j++)
        keep |= g_ascii_strcasecmp (name, allowed[j]) == 0;
      if (!keep)
        continue;

      g_string_append_c (out, first ? '?' : '&');
      g_string_append (out, fields[i]);
      first = FALSE;
    }

  return g_string_free (out, FALSE);
}

/**
 * llm_link_prefix_footnotes:
 * @html: a fragment rendered by llm_render_markdown()
 * @prefix: such as "note-"
 *
 * The answer and the note are rendered apart and shown on one page; both
 * number their footnotes from 1, so the note's links would jump into the
 * answer. This gives one fragment's footnote ids and links a prefix of
 * their own ("fn-1" becomes "fn-note-1"). cmark escapes every '"' in
 * text, so these patterns only ever occur in attributes.
 *
 * Returns: (transfer full): the fragment with its footnotes renamed
 */
char *
llm_link_prefix_footnotes (const char *html,
                           const char *prefix)
{
  static const char * const patterns[] = { "\"fn-", "\"#fn-", "\"fnref-", "\"#fnref-" };
  GString *out;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  out = g_string_new (html);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autofree char *with = g_strconcat (patterns[i], prefix, NULL);

      g_string_replace (out, patterns[i], with, 0);
    }

  return g_string_free (out, FALSE);
}

/* Whether @c may be shown as part of an address: nothing invisible, no
 * control character and no white space, any of which could hide where it
 * really leads (a right-to-left override reverses what follows). */
static gboolean
is_shown_as_is (gunichar c)
{
  return !g_unichar_iscntrl (c) && !g_unichar_isspace (c) && !llm_text_is_invisible (c) &&
         g_unichar_type (c) != G_UNICODE_FORMAT && c != 0x2028 && c != 0x2029;
}

/* Runs of percent-escaped bytes that spell non-ASCII characters are
 * decoded, so that a Chinese page name reads as Chinese, as browsers show
 * it; escaped ASCII (%2F, %3F, %23, %20, …) keeps its meaning by staying
 * escaped, and a run that is not UTF-8 or holds a character from
 * is_shown_as_is() stays escaped too. */
static char *
decode_for_reading (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      g_autoptr(GString) bytes = g_string_new (NULL);
      const char *start = p;
      gboolean shown = TRUE;

      while (p[0] == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]) &&
             (g_ascii_xdigit_value (p[1]) << 4 | g_ascii_xdigit_value (p[2])) >= 0x80)
        {
          g_string_append_c (bytes, (char)(g_ascii_xdigit_value (p[1]) << 4 | g_ascii_xdigit_value (p[2])));
          p += 3;
        }
      if (bytes->len == 0)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      shown = g_utf8_validate (bytes->str, bytes->len, NULL);
      for (const char *q = bytes->str; shown && q < bytes->str + bytes->len; q = g_utf8_next_char (q))
        shown = is_shown_as_is (g_utf8_get_char (q));
      if (shown)
        g_string_append_len (out, bytes->str, bytes->len);
      else
        g_string_append_len (out, start, p - start);
    }

  return g_string_free (out, FALSE);
}

/**
 * llm_link_describe:
 * @uri: the target of a link in the page, as the browser resolved it
 *
 * What a status line shows for a link the pointer is over, so that a
 * reader sees where it leads before opening it: a web address as a
 * browser shows it (non-ASCII escapes decoded when that is safe), a
 * `mailto:` as its recipients (what a click hands over, see
 * llm_link_sanitize_mailto()).
 *
 * Returns: (transfer full) (nullable): the text to show, or %NULL when
 *   @uri is not a web or mail link (the caller knows its own schemes)
 */
char *
llm_link_describe (const char *uri)
{
  g_return_val_if_fail (uri != NULL, NULL);

  if (g_ascii_strncasecmp (uri, "http://", strlen ("http://")) == 0 ||
      g_ascii_strncasecmp (uri, "https://", strlen ("https://")) == 0)
    {
      for (const char *p = uri; *p != '\0'; p++)
        if ((guchar)*p <= 0x20 || (guchar)*p >= 0x7f)
          /* Not what a browser hands over; show it escaped. */
          return g_uri_escape_string (uri, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH "?#[]%", FALSE);

      return decode_for_reading (uri);
    }

  if (g_ascii_strncasecmp (uri, "mailto:", strlen ("mailto:")) == 0)
    {
      g_autofree char *mailto = llm_link_sanitize_mailto (uri);
      const char *recipients = mailto + strlen ("mailto:");
      g_autofree char *to = g_strndup (recipients, strcspn (recipients, "?"));
      g_autofree char *decoded = g_uri_unescape_string (to, NULL);
      gboolean shown = decoded != NULL && *decoded != '\0' && g_utf8_validate (decoded, -1, NULL);

      for (const char *p = decoded; shown && *p != '\0'; p = g_utf8_next_char (p))
        shown = is_shown_as_is (g_utf8_get_char (p));

      /* "a@example.com,b@example.com" reads as two addresses. */
      if (shown)
        {
          g_auto(GStrv) parts = g_strsplit (decoded, ",", -1);

          return g_strjoinv (", ", parts);
        }
      return g_steal_pointer (&mailto);
    }

  return NULL;
}
