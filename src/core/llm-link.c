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
