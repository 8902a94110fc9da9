/* llm-math.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-math-private.h"

/* cmark would corrupt TeX (`\{` loses its backslash, `_`/`*` turn into
 * emphasis, `\\` becomes `\`), so math is taken out of the markdown before
 * cmark sees it and put back into the HTML afterwards. Obsidian's ![[embeds]]
 * ride along because they need the same "not inside code" scan.
 *
 * This file holds the stash and puts its spans back into cmark's HTML;
 * llm-math-scanner.c finds the spans and writes their placeholders
 * (llm-math-private.h says what a placeholder looks like). */

typedef struct
{
  LlmMathKind kind;
  char *body;
  char *fallback;   /* source text, for placeholders that land in an attribute */
} Item;

struct _LlmMathStash
{
  GArray *items;
};

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->body);
  g_free (item->fallback);
}

/**
 * llm_math_stash_new:
 *
 * Creates an empty stash for one rendering.
 *
 * Returns: (transfer full): a new stash
 */
LlmMathStash *
llm_math_stash_new (void)
{
  LlmMathStash *stash = g_new0 (LlmMathStash, 1);

  stash->items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (stash->items, item_clear);

  return stash;
}

void
llm_math_stash_free (LlmMathStash *stash)
{
  if (stash == NULL)
    return;

  g_array_unref (stash->items);
  g_free (stash);
}

/* Takes @body and @fallback, and appends the placeholder for them to @out. */
void
_llm_math_stash_append (LlmMathStash *stash,
                        GString      *out,
                        LlmMathKind   kind,
                        char         *body,
                        char         *fallback)
{
  Item item = { kind, body, fallback };

  g_array_append_val (stash->items, item);
  g_string_append_printf (out, OPEN_MARK "%u" CLOSE_MARK, stash->items->len - 1);
}

/**
 * llm_math_stash_add:
 * @stash: a stash
 * @kind: what @body is
 * @body: TeX, an embed, or ready HTML for %LLM_MATH_KIND_MARKUP
 * @fallback: plain text used where HTML cannot go, such as inside an attribute
 *
 * Stashes a span found after parsing, such as an image the renderer replaces.
 *
 * Returns: (transfer full): the placeholder text to put into the document
 */
char *
llm_math_stash_add (LlmMathStash *stash,
                    LlmMathKind   kind,
                    const char   *body,
                    const char   *fallback)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (stash != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  _llm_math_stash_append (stash, out, kind, g_strdup (body), g_strdup (fallback ? fallback : ""));
  return g_string_free (out, FALSE);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* Reads the placeholder opening at @p. Returns where the HTML goes on
 * after it, or %NULL when it names none of the first @limit items. */
static const char *
read_placeholder (const char *p,
                  guint       limit,
                  guint64    *index)
{
  const char *digits = p + MARK_LEN;
  char *end;

  *index = g_ascii_strtoull (digits, &end, 10);
  if (end == digits || strncmp (end, CLOSE_MARK, MARK_LEN) != 0 || *index >= limit)
    return NULL;
  return end + MARK_LEN;
}

/* Alone in its paragraph, display math replaces the paragraph: a <div>
 * may not sit inside a <p>. @p is where the HTML goes on after the
 * placeholder; returns where it goes on after the math. */
static const char *
append_display_math (GString    *out,
                     const char *tex,
                     const char *p)
{
  if (out->len >= 3 && memcmp (out->str + out->len - 3, "<p>", 3) == 0 &&
      g_str_has_prefix (p, "</p>"))
    {
      g_string_truncate (out, out->len - 3);
      g_string_append (out, "<div class=\"math display\">");
      append_escaped (out, tex);
      g_string_append (out, "</div>");
      return p + strlen ("</p>");
    }

  g_string_append (out, "<span class=\"math display\">");
  append_escaped (out, tex);
  g_string_append (out, "</span>");
  return p;
}

static void restore_into (LlmMathStash     *stash,
                          GString          *out,
                          const char       *html,
                          guint             limit,
                          LlmMathEmbedFunc  embed_func,
                          gpointer          user_data);

/* Appends the HTML for the item at @index, whose placeholder ends at @p.
 * Returns where the HTML goes on. */
static const char *
restore_item (LlmMathStash     *stash,
              GString          *out,
              guint             index,
              const char       *p,
              LlmMathEmbedFunc  embed_func,
              gpointer          user_data)
{
  const Item *item = &g_array_index (stash->items, Item, index);

  switch (item->kind)
    {
    case LLM_MATH_KIND_INLINE:
      g_string_append (out, "<span class=\"math inline\">");
      append_escaped (out, item->body);
      g_string_append (out, "</span>");
      break;

    case LLM_MATH_KIND_DISPLAY:
      return append_display_math (out, item->body, p);

    case LLM_MATH_KIND_EMBED:
      if (embed_func != NULL)
        {
          g_autofree char *embed = embed_func (item->body, user_data);

          g_string_append (out, embed);
        }
      else
        append_escaped (out, item->fallback);
      break;

    case LLM_MATH_KIND_MARKUP:
      /* Its text (say, an image's alt) may hold older placeholders;
       * only older ones, so this always ends. */
      restore_into (stash, out, item->body, index, embed_func, user_data);
      break;

    default:
      g_assert_not_reached ();
    }

  return p;
}

static void
restore_into (LlmMathStash     *stash,
              GString          *out,
              const char       *html,
              guint             limit,
              LlmMathEmbedFunc  embed_func,
              gpointer          user_data)
{
  gboolean in_tag = FALSE;
  const char *p = html;

  while (*p != '\0')
    {
      const char *after;
      guint64 index;

      if (strncmp (p, OPEN_MARK, MARK_LEN) != 0)
        {
          /* cmark escapes '<' and '>' in text and attributes alike, so the
           * bare ones delimit tags. */
          if (*p == '<')
            in_tag = TRUE;
          else if (*p == '>')
            in_tag = FALSE;
          g_string_append_c (out, *p++);
          continue;
        }

      after = read_placeholder (p, limit, &index);
      if (after == NULL)
        p += MARK_LEN;
      else if (in_tag)
        {
          append_escaped (out, g_array_index (stash->items, Item, index).fallback);
          p = after;
        }
      else
        p = restore_item (stash, out, (guint) index, after, embed_func, user_data);
    }
}

/**
 * llm_math_stash_restore:
 * @stash: the stash filled while protecting the markdown
 * @html: cmark's HTML for the protected markdown
 * @embed_func: (nullable): turns an embed into HTML
 * @user_data: data for @embed_func
 *
 * Puts every stashed span back: math HTML-escaped inside
 * `<span class="math inline">` or `<div class="math display">` for KaTeX,
 * embeds as @embed_func renders them, and markup as is.
 *
 * Returns: (transfer full): the finished HTML
 */
char *
llm_math_stash_restore (LlmMathStash     *stash,
                        const char       *html,
                        LlmMathEmbedFunc  embed_func,
                        gpointer          user_data)
{
  GString *out;

  g_return_val_if_fail (stash != NULL, NULL);
  g_return_val_if_fail (html != NULL, NULL);

  out = g_string_sized_new (strlen (html) + 64);
  restore_into (stash, out, html, stash->items->len, embed_func, user_data);
  return g_string_free (out, FALSE);
}
