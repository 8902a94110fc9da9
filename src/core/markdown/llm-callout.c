/* llm-callout.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Owns Obsidian's callouts: reading the "[!type] Title" line of a block
 * quote, and the markup the callout becomes. The renderer decides when a
 * quote is one and renders its content. */

#include "config.h"

#include <string.h>

#include "llm-callout.h"
#include "llm-render-private.h"

/* "> [!type] Title", folded with "-" or "+". The types and their aliases,
 * as Obsidian names them; an unknown type looks like a note. */
static const struct
{
  const char *alias;
  const char *type;
} callout_aliases[] = {
  { "note", "note" },
  { "abstract", "abstract" }, { "summary", "abstract" }, { "tldr", "abstract" },
  { "info", "info" },
  { "todo", "todo" },
  { "tip", "tip" }, { "hint", "tip" }, { "important", "tip" },
  { "success", "success" }, { "check", "success" }, { "done", "success" },
  { "question", "question" }, { "help", "question" }, { "faq", "question" },
  { "warning", "warning" }, { "caution", "warning" }, { "attention", "warning" },
  { "failure", "failure" }, { "fail", "failure" }, { "missing", "failure" },
  { "danger", "danger" }, { "error", "danger" },
  { "bug", "bug" },
  { "example", "example" },
  { "quote", "quote" }, { "cite", "quote" },
};

void
llm_callout_clear (LlmCallout *callout)
{
  g_free (callout->written);
  g_free (callout->title);
}

/* Reads "[!type]-  Title" from the first line of @quote's first paragraph. */
gboolean
llm_callout_parse (cmark_node *quote,
                   LlmCallout *callout)
{
  cmark_node *para = cmark_node_first_child (quote);
  g_autoptr(GString) line = g_string_new (NULL);
  const char *p;
  const char *end;
  guint n = 0;

  if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH)
    return FALSE;

  for (cmark_node *child = cmark_node_first_child (para); child != NULL; child = cmark_node_next (child))
    {
      cmark_node_type type = cmark_node_get_type (child);

      n++;
      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        break;
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
        g_string_append (line, cmark_node_get_literal (child));
      else
        llm_render_append_plain_text (line, child);
    }

  if (!g_str_has_prefix (line->str, "[!"))
    return FALSE;
  p = line->str + 2;
  end = strchr (p, ']');
  if (end == NULL || end == p || end - p > 32)
    return FALSE;
  for (const char *q = p; q < end; q++)
    if (!g_ascii_isalnum (*q) && *q != '-' && *q != '_')
      return FALSE;

  callout->written = g_strndup (p, end - p);
  callout->type = "note";
  for (guint i = 0; i < G_N_ELEMENTS (callout_aliases); i++)
    if (g_ascii_strcasecmp (callout->written, callout_aliases[i].alias) == 0)
      callout->type = callout_aliases[i].type;

  p = end + 1;
  callout->fold = (*p == '-' || *p == '+') ? *p++ : 0;
  callout->title = g_strstrip (g_strdup (p));
  if (*callout->title == '\0')
    {
      g_free (callout->title);
      callout->title = g_strdup (callout->written);
      callout->title[0] = g_ascii_toupper (callout->title[0]);
    }
  callout->n_nodes = n;

  return TRUE;
}

/* Takes the "[!type] Title" line out of @quote, leaving its content. */
void
llm_callout_strip_marker (cmark_node       *quote,
                          const LlmCallout *callout)
{
  cmark_node *para = cmark_node_first_child (quote);

  for (guint i = 0; i < callout->n_nodes; i++)
    {
      cmark_node *first = cmark_node_first_child (para);

      cmark_node_unlink (first);
      cmark_node_free (first);
    }
  if (cmark_node_first_child (para) == NULL)
    {
      cmark_node_unlink (para);
      cmark_node_free (para);
    }
}

/* A folded callout is a <details>, so that the page folds it without
 * script. @body is the content's HTML, already sanitised. */
char *
llm_callout_to_html (const LlmCallout *callout,
                     const char       *body)
{
  g_autofree char *title = NULL;
  const char *tag = callout->fold != 0 ? "details" : "div";
  const char *title_tag = callout->fold != 0 ? "summary" : "div";

  title = g_markup_printf_escaped ("<%s class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\"></span>"
                                   "<span class=\"callout-title-text\">%s</span></%s>",
                                   title_tag, callout->title, title_tag);
  return g_strdup_printf ("<%s class=\"callout\" data-callout=\"%s\"%s>%s<div class=\"callout-content\">\n%s</div></%s>",
                          tag, callout->type, callout->fold == '+' ? " open" : "",
                          title, body, tag);
}
