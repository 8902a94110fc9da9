/* llm-mark-extension.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

/* The renderer structs are only in cmark-gfm's "private" headers, which
 * Debian's libcmark-gfm-dev ships under cmark-gfm/ for extension writers. */
#include <cmark-gfm/render.h>

#include "llm-mark-extension.h"
#include "llm-tsan.h"
#include "llm-text.h"

/* Obsidian's ==highlight== as a cmark-gfm inline extension. It works the way
 * the built-in strikethrough does: a run of '=' becomes a text node and, when
 * it is exactly two long and flanking, also a delimiter. cmark's own
 * emphasis pass then pairs our delimiters with everything else in one stack,
 * so `==**a** b==` and `**==a==**` nest the way emphasis does, and an
 * unpaired `==` simply stays text. */

static cmark_node_type mark_node_type;

static cmark_node *
mark_match (cmark_syntax_extension *self,
            cmark_parser           *parser,
            cmark_node             *parent,
            unsigned char           character,
            cmark_inline_parser    *inline_parser)
{
  g_autofree char *run = NULL;
  cmark_node *text;
  int left_flanking;
  int right_flanking;
  int punct_before;
  int punct_after;
  int n;

  if (character != '=')
    return NULL;

  /* Take the whole run, so "===" is never read as "=" plus a "==" opener. */
  n = cmark_inline_parser_scan_delimiters (inline_parser, G_MAXINT, '=',
                                           &left_flanking, &right_flanking,
                                           &punct_before, &punct_after);
  if (n <= 0)
    return NULL;

  run = g_strnfill (n, '=');
  text = cmark_node_new (CMARK_NODE_TEXT);
  cmark_node_set_literal (text, run);

  if (n == 2 && (left_flanking || right_flanking))
    cmark_inline_parser_push_delimiter (inline_parser, character,
                                        left_flanking, right_flanking, text);

  return text;
}

/* A key point may carry a second language after a '|':
 * "==翻译对齐|translation alignment==". The page shows the first form only;
 * the mock interview reads both from the markdown. A '|' with nothing on
 * one side ("==|x|==") is text. */
static void
keep_first_form (cmark_node *mark)
{
  for (cmark_node *node = cmark_node_first_child (mark); node != NULL; node = cmark_node_next (node))
    {
      const char *text;
      const char *bar;
      g_autofree char *first = NULL;

      if (cmark_node_get_type (node) != CMARK_NODE_TEXT)
        continue;
      text = cmark_node_get_literal (node);
      bar = text ? strchr (text, '|') : NULL;
      if (bar == NULL)
        continue;

      if ((node == cmark_node_first_child (mark) && llm_text_is_blank (text, bar - text)) ||
          (cmark_node_next (node) == NULL && llm_text_is_blank (bar + 1, strlen (bar + 1))))
        return;

      first = g_strndup (text, bar - text);
      g_strchomp (first);
      cmark_node_set_literal (node, first);
      while (cmark_node_next (node) != NULL)
        cmark_node_free (cmark_node_next (node));
      return;
    }
}

static delimiter *
mark_insert (cmark_syntax_extension *self,
             cmark_parser           *parser,
             cmark_inline_parser    *inline_parser,
             delimiter              *opener,
             delimiter              *closer)
{
  delimiter *after = closer->next;
  cmark_node *mark = opener->inl_text;

  /* The opener's "==" text node becomes the mark itself and adopts every
   * node up to the closer, whose text node is then dropped. */
  if (cmark_node_set_type (mark, mark_node_type))
    {
      cmark_node *node = cmark_node_next (mark);

      cmark_node_set_syntax_extension (mark, self);
      while (node != NULL && node != closer->inl_text)
        {
          cmark_node *next = cmark_node_next (node);

          cmark_node_append_child (mark, node);
          node = next;
        }
      cmark_node_free (closer->inl_text);
      closer->inl_text = NULL;
      keep_first_form (mark);
    }

  /* Whatever was still open inside the mark can no longer match anything
   * outside it, exactly as for emphasis. */
  for (delimiter *d = closer; d != NULL && d != opener;)
    {
      delimiter *previous = d->previous;

      cmark_inline_parser_remove_delimiter (inline_parser, d);
      d = previous;
    }
  cmark_inline_parser_remove_delimiter (inline_parser, opener);

  return after;
}

static const char *
mark_get_type_string (cmark_syntax_extension *self,
                      cmark_node             *node)
{
  return cmark_node_get_type (node) == mark_node_type ? "mark" : "<unknown>";
}

static int
mark_can_contain (cmark_syntax_extension *self,
                  cmark_node             *node,
                  cmark_node_type         child_type)
{
  return cmark_node_get_type (node) == mark_node_type &&
         (child_type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
}

static void
mark_render_html (cmark_syntax_extension     *self,
                  struct cmark_html_renderer *renderer,
                  cmark_node                 *node,
                  cmark_event_type            ev_type,
                  int                         options)
{
  cmark_strbuf_puts (renderer->html,
                     ev_type == CMARK_EVENT_ENTER ? "<mark>" : "</mark>");
}

/* So cmark_render_commonmark() round-trips highlights instead of dropping
 * the markers. */
static void
mark_render_commonmark (cmark_syntax_extension *self,
                        cmark_renderer         *renderer,
                        cmark_node             *node,
                        cmark_event_type        ev_type,
                        int                     options)
{
  renderer->out (renderer, node, "==", false, LITERAL);
}

static GOnce mark_once = G_ONCE_INIT;

static gpointer
mark_extension_create (gpointer data)
{
  cmark_syntax_extension *ext = cmark_syntax_extension_new ("mark");
  cmark_llist *chars = NULL;

  /* Node types come from a process-wide counter in cmark-gfm, so they are
   * allocated once, here, under g_once. */
  mark_node_type = cmark_syntax_extension_add_node (1);

  cmark_syntax_extension_set_get_type_string_func (ext, mark_get_type_string);
  cmark_syntax_extension_set_can_contain_func (ext, mark_can_contain);
  cmark_syntax_extension_set_html_render_func (ext, mark_render_html);
  cmark_syntax_extension_set_commonmark_render_func (ext, mark_render_commonmark);
  cmark_syntax_extension_set_match_inline_func (ext, mark_match);
  cmark_syntax_extension_set_inline_from_delim_func (ext, mark_insert);

  chars = cmark_llist_append (cmark_get_default_mem_allocator (), chars,
                              GUINT_TO_POINTER ('='));
  cmark_syntax_extension_set_special_inline_chars (ext, chars);

  /* Lets '*' and '_' look through '=' when deciding whether they open or
   * close, so `a**==b==**` is bold the same way `a**~~b~~**` is. */
  cmark_syntax_extension_set_emphasis (ext, 1);

  LLM_TSAN_RELEASE (&mark_once);
  return ext;
}

/**
 * llm_mark_extension_get:
 *
 * Gets the `==mark==` syntax extension, creating it on first use. Attach it
 * to a parser with cmark_parser_attach_syntax_extension(); it renders to
 * `<mark>` in HTML.
 *
 * Returns: (transfer none): the extension, shared by every parser
 */
cmark_syntax_extension *
llm_mark_extension_get (void)
{
  cmark_syntax_extension *extension = g_once (&mark_once, mark_extension_create, NULL);

  LLM_TSAN_ACQUIRE (&mark_once);
  return extension;
}
