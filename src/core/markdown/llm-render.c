/* llm-render.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "llm-callout.h"
#include "llm-code-block.h"
#include "llm-html-sanitizer.h"
#include "llm-long-lines.h"
#include "llm-mark-extension.h"
#include "llm-math.h"
#include "llm-render.h"
#include "llm-render-private.h"
#include "llm-tsan.h"

#define CMARK_OPTIONS (CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES)

/* Raw HTML is written out as it is, and cmark's links keep every URL: the
 * whole fragment then goes through llm_html_sanitize(), so that markdown
 * and HTML meet one whitelist and one link and image policy. What the
 * renderer itself adds with classes or ids (code blocks, footnotes, task
 * boxes, math, embeds) goes in as placeholders, put back only after the
 * sanitiser: a class or id in the notes' own HTML never survives. */
#define CMARK_RENDER_OPTIONS (CMARK_OPTIONS | CMARK_OPT_UNSAFE)

typedef struct
{
  LlmEmbedResolver resolver;
  LlmEmbedResolver link_resolver;
  gpointer user_data;
  LlmMathStash *stash;
} EmbedContext;

static const char * const image_extensions[] = {
  "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp",
};

/* cmark-gfm keeps its table of special inline characters in a global that
 * every parse fills and then clears again, so two parses at once break each
 * other (github/cmark-gfm#176). Parsing is quick; take turns. */
static GMutex parse_lock;
static GOnce extensions_once = G_ONCE_INIT;

static gpointer
extensions_create (gpointer data)
{
  static const char * const names[] = {
    /* No "tagfilter": it turns <script> into text, where the sanitiser
     * drops the element with its content. */
    "table", "strikethrough", "autolink", "tasklist",
  };
  cmark_mem *mem = cmark_get_default_mem_allocator ();
  cmark_llist *list = NULL;

  /* The registry behind this is a plain global, hence the g_once. */
  cmark_gfm_core_extensions_ensure_registered ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      cmark_syntax_extension *ext = cmark_find_syntax_extension (names[i]);

      if (ext != NULL)
        list = cmark_llist_append (mem, list, ext);
      else
        g_critical ("cmark-gfm has no “%s” extension", names[i]);
    }
  list = cmark_llist_append (mem, list, llm_mark_extension_get ());

  LLM_TSAN_RELEASE (&extensions_once);
  return list;
}

static cmark_llist *
get_extensions (void)
{
  cmark_llist *list = g_once (&extensions_once, extensions_create, NULL);

  LLM_TSAN_ACQUIRE (&extensions_once);
  return list;
}

static cmark_node *
parse (const char *markdown)
{
  cmark_parser *parser;
  cmark_node *doc;

  g_mutex_lock (&parse_lock);
  LLM_TSAN_ACQUIRE (&parse_lock);

  parser = cmark_parser_new (CMARK_OPTIONS);
  for (cmark_llist *l = get_extensions (); l != NULL; l = l->next)
    cmark_parser_attach_syntax_extension (parser, l->data);

  cmark_parser_feed (parser, markdown, strlen (markdown));
  doc = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  LLM_TSAN_RELEASE (&parse_lock);
  g_mutex_unlock (&parse_lock);

  return doc;
}

static gboolean
is_image_name (const char *name)
{
  const char *dot = strrchr (name, '.');

  if (dot == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (image_extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, image_extensions[i]) == 0)
      return TRUE;

  return FALSE;
}

static char *
missing_html (const char *name,
              const char *reason)
{
  return g_markup_printf_escaped ("<span class=\"embed-missing\" title=\"%s\">%s</span>",
                                  reason, name);
}

static char *
not_found_html (const char *name)
{
  g_autofree char *reason = g_strdup_printf (_("Not found: %s"), name);

  return missing_html (name, reason);
}

/* Obsidian reads "![[a.png|300]]" and "![[a.png|300x200]]" as a size, not
 * as alt text. */
static gboolean
parse_size (const char *text,
            guint64    *width,
            guint64    *height)
{
  char *end;

  *height = 0;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  *width = g_ascii_strtoull (text, &end, 10);
  if (*end == 'x' && g_ascii_isdigit (end[1]))
    *height = g_ascii_strtoull (end + 1, &end, 10);

  return *end == '\0';
}

/* "[[target]]" and "[[target|label]]": a link when the target names a
 * question or topic, else styled as missing, as Obsidian does. */
static char *
render_wikilink (const char   *body,
                 EmbedContext *ctx)
{
  g_auto(GStrv) parts = g_strsplit (body, "|", 2);
  g_autofree char *uri = NULL;
  const char *target = g_strstrip (parts[0]);
  const char *label = parts[1] != NULL && *g_strstrip (parts[1]) != '\0' ? parts[1] : target;

  if (ctx->link_resolver != NULL)
    uri = ctx->link_resolver (target, ctx->user_data);

  if (uri == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("No question or topic is called “%s”"), target);

      return g_markup_printf_escaped ("<span class=\"wikilink missing\" title=\"%s\">%s</span>",
                                      reason, label);
    }

  return g_markup_printf_escaped ("<a class=\"wikilink\" href=\"%s\">%s</a>", uri, label);
}

static char *
render_embed (const char *body,
              gpointer    data)
{
  EmbedContext *ctx = data;
  g_auto(GStrv) parts = NULL;
  g_autofree char *target = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *size = NULL;
  g_autofree char *img = NULL;
  const char *label;
  guint64 width;
  guint64 height;

  if (g_str_has_prefix (body, LLM_MATH_WIKILINK_MARK))
    return render_wikilink (body + strlen (LLM_MATH_WIKILINK_MARK), ctx);

  parts = g_strsplit (body, "|", 2);
  target = g_strdup (parts[0]);

  /* Inside a table the pipe is written "\|"; its backslash is not part of
   * the name. */
  g_strstrip (target);
  if (g_str_has_suffix (target, "\\"))
    target[strlen (target) - 1] = '\0';
  g_strstrip (target);
  label = parts[1] != NULL ? g_strstrip (parts[1]) : "";

  if (!is_image_name (target))
    {
      g_autofree char *reason = g_strdup_printf (_("Only images can be embedded: %s"), target);

      return missing_html (target, reason);
    }

  if (ctx->resolver != NULL)
    uri = ctx->resolver (target, ctx->user_data);
  if (uri == NULL)
    return not_found_html (target);

  if (parse_size (label, &width, &height))
    {
      if (height > 0)
        size = g_strdup_printf (" width=\"%" G_GUINT64_FORMAT "\""
                                " height=\"%" G_GUINT64_FORMAT "\"", width, height);
      else
        size = g_strdup_printf (" width=\"%" G_GUINT64_FORMAT "\"", width);
      label = "";
    }

  img = g_markup_printf_escaped ("<img class=\"embed\" src=\"%s\" alt=\"%s\"",
                                 uri, *label != '\0' ? label : target);
  return g_strconcat (img, size != NULL ? size : "", ">", NULL);
}

void
llm_render_append_plain_text (GString    *out,
                              cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node);
       child != NULL;
       child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (out, cmark_node_get_literal (child));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;

        default:
          llm_render_append_plain_text (out, child);
          break;
        }
    }
}

/* Data URLs cmark itself lets through as images; the page's policy allows
 * data: images and these are the raster types every engine decodes. */
static gboolean
is_inline_image (const char *src)
{
  static const char * const types[] = {
    "data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp",
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strncasecmp (src, types[i], strlen (types[i])) == 0 &&
        (src[strlen (types[i])] == ';' || src[strlen (types[i])] == ','))
      return TRUE;

  return FALSE;
}

static char *
stash_markup (EmbedContext *ctx,
              const char   *html,
              const char   *fallback)
{
  return llm_math_stash_add (ctx->stash, LLM_MATH_KIND_MARKUP, html, fallback);
}

/* The one image policy, for markdown images and HTML <img> alike (the
 * sanitiser calls it for both): an image inside the collection is shown,
 * a remote one never loads, a missing one names its file. Returns a
 * placeholder for the markup. */
static char *
image_markup (const char *src,
              const char *alt,
              const char *title,
              const char *width,
              const char *height,
              gpointer    data)
{
  EmbedContext *ctx = data;
  g_autoptr(GString) img = NULL;
  g_autofree char *target = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *html = NULL;
  g_autofree char *escaped = NULL;
  const char *scheme_end;

  if (alt == NULL)
    alt = "";
  scheme_end = strchr (src, ':');

  if (is_inline_image (src))
    uri = g_strdup (src);
  /* Other data: URLs (SVG, HTML) are not shown, nor is their text. */
  else if (g_ascii_strncasecmp (src, "data:", 5) == 0)
    {
      html = g_markup_printf_escaped ("<span class=\"remote-image\" title=\"%s\">%s</span>",
                                      _("Inline image not shown"), *alt != '\0' ? alt : "data:");
      return stash_markup (ctx, html, alt);
    }
  /* The page may never load anything from the network (DESIGN §4). */
  else if ((scheme_end != NULL && g_uri_peek_scheme (src) != NULL) || g_str_has_prefix (src, "//"))
    {
      g_autofree char *label = g_strdup_printf (_("%s (remote image not loaded)"),
                                                *alt != '\0' ? alt : src);

      html = g_markup_printf_escaped ("<span class=\"remote-image\" title=\"%s\">%s</span>",
                                      src, label);
      return stash_markup (ctx, html, alt);
    }
  else
    {
      /* The resolver wants a file name, "my%20figure.png" means "my figure.png". */
      target = g_uri_unescape_string (src, NULL);
      /* "%FF" decodes to bytes that are not text; they must not reach the
       * page (the placeholder names the target). */
      if (target == NULL || !g_utf8_validate (target, -1, NULL))
        {
          g_free (target);
          target = g_utf8_make_valid (src, -1);
        }

      if (*target != '\0' && ctx->resolver != NULL)
        uri = ctx->resolver (target, ctx->user_data);
      if (uri == NULL)
        {
          html = not_found_html (*target != '\0' ? target : alt);
          return stash_markup (ctx, html, alt);
        }
    }

  /* As cmark writes a URL: what may not stand in one, percent-encoded. */
  escaped = g_uri_escape_string (uri, ":/?#[]@!$&'()*+,;=%~", FALSE);
  img = g_string_new (NULL);
  html = g_markup_printf_escaped ("<img src=\"%s\" alt=\"%s\"", escaped, alt);
  g_string_append (img, html);
  if (title != NULL && *title != '\0')
    {
      g_free (html);
      html = g_markup_printf_escaped (" title=\"%s\"", title);
      g_string_append (img, html);
    }
  if (width != NULL)
    g_string_append_printf (img, " width=\"%s\"", width);
  if (height != NULL)
    g_string_append_printf (img, " height=\"%s\"", height);
  g_string_append (img, " />");

  return stash_markup (ctx, img->str, alt);
}

/* A script, a style sheet or an embedded document in the notes is removed
 * with its content; a small mark says so, so that no block of a note ever
 * vanishes without a trace. */
static char *
removed_markup (const char *element,
                gpointer    data)
{
  EmbedContext *ctx = data;
  g_autofree char *tag = g_strdup_printf ("<%s>", element);
  g_autofree char *reason = g_strdup_printf (_("Removed from the page: %s and its content"), tag);
  g_autofree char *html = g_markup_printf_escaped ("<span class=\"html-removed\" title=\"%s\">%s</span>",
                                                   reason, tag);

  return stash_markup (ctx, html, "");
}

/* As an HTML block, so that it may stand wherever a block may. */
static void
replace_block_with_markup (cmark_node   *node,
                           EmbedContext *ctx,
                           const char   *html)
{
  g_autofree char *placeholder = stash_markup (ctx, html, NULL);
  cmark_node *block = cmark_node_new (CMARK_NODE_HTML_BLOCK);

  cmark_node_set_literal (block, placeholder);
  cmark_node_replace (node, block);
  cmark_node_free (node);
}

/* The page highlights a block with a language as it scrolls into view, and
 * its Copy button hands the code to the app (resources/page/page.js). */
static void
stash_code_block (cmark_node   *node,
                  EmbedContext *ctx)
{
  g_autofree char *html = llm_code_block_to_html (cmark_node_get_fence_info (node),
                                                  cmark_node_get_literal (node));

  replace_block_with_markup (node, ctx, html);
}

static void
stash_task_box (cmark_node   *item,
                EmbedContext *ctx)
{
  gboolean checked = cmark_gfm_extensions_get_tasklist_item_checked (item);
  g_autofree char *placeholder = NULL;
  cmark_node *first = cmark_node_first_child (item);
  cmark_node *box;

  placeholder = stash_markup (ctx, checked ?
                              "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " :
                              "<input type=\"checkbox\" disabled=\"\" /> ",
                              checked ? "[x] " : "[ ] ");
  cmark_node_set_syntax_extension (item, NULL);

  if (first != NULL && cmark_node_get_type (first) == CMARK_NODE_PARAGRAPH)
    {
      box = cmark_node_new (CMARK_NODE_TEXT);
      cmark_node_set_literal (box, placeholder);
      cmark_node_prepend_child (first, box);
    }
  else
    {
      box = cmark_node_new (CMARK_NODE_HTML_BLOCK);
      cmark_node_set_literal (box, placeholder);
      cmark_node_prepend_child (item, box);
    }
}

static char *
footnote_id (const char *prefix,
             const char *label,
             guint       ref)
{
  g_autofree char *escaped = g_uri_escape_string (label, NULL, TRUE);

  if (ref > 1)
    return g_strdup_printf ("%s%s-%u", prefix, escaped, ref);
  return g_strconcat (prefix, escaped, NULL);
}

/* cmark numbers footnotes by first reference and moves their definitions,
 * in that order, to the end of the document; a reference's literal is its
 * number. */
static void
stash_footnote_refs (GPtrArray    *refs,
                     GPtrArray    *defs,
                     EmbedContext *ctx)
{
  g_autofree guint *seen = g_new0 (guint, defs->len + 1);

  for (guint i = 0; i < refs->len; i++)
    {
      cmark_node *ref = g_ptr_array_index (refs, i);
      const char *number = cmark_node_get_literal (ref);
      guint64 n = number != NULL ? g_ascii_strtoull (number, NULL, 10) : 0;
      g_autofree char *id = NULL;
      g_autofree char *href = NULL;
      g_autofree char *html = NULL;
      g_autofree char *placeholder = NULL;
      const char *label;
      cmark_node *text;

      if (n == 0 || n > defs->len)
        continue;
      label = cmark_node_get_literal (g_ptr_array_index (defs, n - 1));
      if (label == NULL)
        label = number;

      href = footnote_id ("#fn-", label, 1);
      id = footnote_id ("fnref-", label, ++seen[n]);
      html = g_markup_printf_escaped ("<sup class=\"footnote-ref\"><a href=\"%s\" id=\"%s\">%s</a></sup>",
                                      href, id, number);
      placeholder = stash_markup (ctx, html, number);

      text = cmark_node_new (CMARK_NODE_TEXT);
      cmark_node_set_literal (text, placeholder);
      cmark_node_replace (ref, text);
      cmark_node_free (ref);
    }
}

/* Renders one subtree's children as an HTML fragment of its own. */
static char *
render_children (cmark_node   *node,
                 EmbedContext *ctx)
{
  cmark_node *doc = cmark_node_new (CMARK_NODE_DOCUMENT);
  cmark_node *child;
  char *html;
  char *clean;

  while ((child = cmark_node_first_child (node)) != NULL)
    cmark_node_append_child (doc, child);
  html = cmark_render_html (doc, CMARK_RENDER_OPTIONS, get_extensions ());
  cmark_node_free (doc);

  clean = llm_html_sanitize (html, -1, image_markup, removed_markup, ctx);
  cmark_get_default_mem_allocator ()->free (html);

  return clean;
}

/* Each definition is sanitised on its own, so that a tag it leaves open
 * ends with it; the list around them is the renderer's. */
static char *
render_footnotes (GPtrArray    *defs,
                  EmbedContext *ctx)
{
  GString *out = g_string_new ("<section class=\"footnotes\">\n<ol>\n");

  for (guint i = 0; i < defs->len; i++)
    {
      cmark_node *def = g_ptr_array_index (defs, i);
      const char *label = cmark_node_get_literal (def);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *id = footnote_id ("fn-", label != NULL ? label : number, 1);
      g_autofree char *back = footnote_id ("#fnref-", label != NULL ? label : number, 1);
      g_autofree char *reason = g_strdup_printf (_("Back to reference %u"), i + 1);
      g_autofree char *body = render_children (def, ctx);
      g_autofree char *open = g_markup_printf_escaped ("<li id=\"%s\">\n", id);
      g_autofree char *close = g_markup_printf_escaped ("<a href=\"%s\" class=\"footnote-backref\" aria-label=\"%s\">↩</a></li>\n",
                                                        back, reason);

      g_string_append (out, open);
      g_string_append (out, body);
      g_string_append (out, close);
      cmark_node_unlink (def);
      cmark_node_free (def);
    }

  g_string_append (out, "</ol>\n</section>\n");
  return g_string_free (out, FALSE);
}

/* Called innermost first, so a nested callout is already markup here. Its
 * content is sanitised on its own, so that a tag left open in it ends in
 * it. */
static void
stash_callout (cmark_node   *quote,
               LlmCallout   *callout,
               EmbedContext *ctx)
{
  g_autofree char *body = NULL;
  g_autofree char *html = NULL;

  llm_callout_strip_marker (quote, callout);
  body = render_children (quote, ctx);
  html = llm_callout_to_html (callout, body);
  replace_block_with_markup (quote, ctx, html);
}

/* Takes what the renderer marks up itself out of cmark's hands. Returns the
 * footnotes' section, or %NULL. */
static char *
stash_renderer_markup (cmark_node   *doc,
                       EmbedContext *ctx)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  g_autoptr(GPtrArray) defs = g_ptr_array_new ();
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
  cmark_syntax_extension *tasklist = cmark_find_syntax_extension ("tasklist");
  cmark_iter *iter = cmark_iter_new (doc);
  cmark_event_type ev;

  /* Collect first: replacing nodes under a live iterator is not allowed. */
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_CODE_BLOCK:
          g_ptr_array_add (blocks, node);
          break;
        case CMARK_NODE_ITEM:
          if (tasklist != NULL && cmark_node_get_syntax_extension (node) == tasklist)
            g_ptr_array_add (tasks, node);
          break;
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          g_ptr_array_add (refs, node);
          break;
        case CMARK_NODE_FOOTNOTE_DEFINITION:
          if (cmark_node_parent (node) == doc)
            g_ptr_array_add (defs, node);
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          g_ptr_array_add (quotes, node);
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);

  for (guint i = 0; i < blocks->len; i++)
    stash_code_block (g_ptr_array_index (blocks, i), ctx);
  for (guint i = 0; i < tasks->len; i++)
    stash_task_box (g_ptr_array_index (tasks, i), ctx);
  stash_footnote_refs (refs, defs, ctx);

  /* Innermost first: a quote comes after the quotes around it. */
  for (guint i = quotes->len; i > 0; i--)
    {
      cmark_node *quote = g_ptr_array_index (quotes, i - 1);
      LlmCallout callout = { NULL, };

      if (llm_callout_parse (quote, &callout))
        stash_callout (quote, &callout, ctx);
      llm_callout_clear (&callout);
    }

  return defs->len > 0 ? render_footnotes (defs, ctx) : NULL;
}

/**
 * llm_render_markdown:
 * @markdown: an answer in markdown
 * @resolver: (nullable): maps embed and image targets to URIs the page may load
 * @user_data: data for @resolver
 *
 * Renders @markdown to an HTML fragment with GitHub's extensions, footnotes
 * and `==highlights==`. Math comes out escaped inside `<span class="math
 * inline">` and `<div class="math display">` (or a span when it shares its
 * paragraph) for KaTeX. Raw HTML keeps only the subset llm_html_sanitize()
 * allows, remote images are never loaded and unresolved images show as a
 * placeholder naming the file.
 *
 * Safe to call from any thread.
 *
 * Returns: (transfer full): the HTML fragment
 */
char *
llm_render_markdown (const char       *markdown,
                     LlmEmbedResolver  resolver,
                     gpointer          user_data)
{
  return llm_render_markdown_with_links (markdown, resolver, NULL, user_data);
}

/**
 * llm_render_markdown_with_links:
 * @link_resolver: (nullable): maps a `[[wikilink]]` target to the URI it
 *   opens, or %NULL when nothing is called that
 *
 * As llm_render_markdown(), with `[[wikilinks]]` made into links.
 *
 * Returns: (transfer full): the HTML fragment
 */
char *
llm_render_markdown_with_links (const char       *markdown,
                                LlmEmbedResolver  resolver,
                                LlmEmbedResolver  link_resolver,
                                gpointer          user_data)
{
  g_autoptr(LlmMathStash) stash = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *protected = NULL;
  g_autofree char *tamed = NULL;
  g_autofree char *footnotes = NULL;
  g_autofree char *clean = NULL;
  EmbedContext ctx = { resolver, link_resolver, user_data, NULL };
  cmark_node *doc;
  char *html;
  char *result;

  g_return_val_if_fail (markdown != NULL, NULL);

  if (!g_utf8_validate (markdown, -1, NULL))
    markdown = valid = g_utf8_make_valid (markdown, -1);

  stash = llm_math_stash_new ();
  protected = llm_math_stash_protect (stash, markdown);
  /* After the math, so that the math inside such a line stays math. */
  tamed = llm_long_lines_stash (stash, protected);

  doc = parse (tamed != NULL ? tamed : protected);
  ctx.stash = stash;
  footnotes = stash_renderer_markup (doc, &ctx);
  html = cmark_render_html (doc, CMARK_RENDER_OPTIONS, get_extensions ());
  cmark_node_free (doc);

  clean = llm_html_sanitize (html, -1, image_markup, removed_markup, &ctx);
  cmark_get_default_mem_allocator ()->free (html);
  if (footnotes != NULL)
    {
      char *joined = g_strconcat (clean, footnotes, NULL);

      g_free (clean);
      clean = joined;
    }

  result = llm_math_stash_restore (stash, clean, render_embed, &ctx);

  /* cmark-gfm 0.29 can cut a long footnote label inside a multibyte
   * character (found by fuzzing); the page must only ever get text. */
  if (!g_utf8_validate (result, -1, NULL))
    {
      char *valid_html = g_utf8_make_valid (result, -1);

      g_free (result);
      result = valid_html;
    }

  return result;
}

/**
 * llm_render_inline_plain:
 * @markdown: the inline markdown of one line, such as a heading's text
 *
 * Headings in learners' notes are often written "## **1. Overview**" or
 * with `code`; the tree and the window title show them as read, without
 * the marks. Emphasis, code spans, links, images (their alt text), escapes
 * and entities are resolved; inline HTML is dropped. Text with math is
 * returned as it is, since the marks inside it are not emphasis.
 *
 * Returns: (transfer full): the plain text
 */
char *
llm_render_inline_plain (const char *markdown)
{
  g_autofree char *heading = NULL;
  g_autoptr(GString) out = NULL;
  cmark_node *document;
  cmark_node *first;

  g_return_val_if_fail (markdown != NULL, NULL);

  /* Most titles have nothing to resolve; those need no parse. */
  if (strpbrk (markdown, "*_`[\\&<") == NULL || strchr (markdown, '$') != NULL)
    return g_strdup (markdown);

  /* As a heading's text it can only be inline content: "1. x" is not a
   * list and "> x" not a quote. */
  heading = g_strconcat ("# ", markdown, NULL);
  document = cmark_parse_document (heading, strlen (heading), CMARK_OPT_DEFAULT);
  first = cmark_node_first_child (document);
  if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_HEADING)
    {
      cmark_node_free (document);
      return g_strdup (markdown);
    }

  out = g_string_new (NULL);
  llm_render_append_plain_text (out, first);
  cmark_node_free (document);
  g_strstrip (out->str);
  out->len = strlen (out->str);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
