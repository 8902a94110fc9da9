/* test-render.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-link.h"
#include "llm-render.h"

/* Knows two files of a pretend collection. */
static char *
test_resolver (const char *target,
               gpointer    user_data)
{
  guint *calls = user_data;

  if (calls != NULL)
    (*calls)++;

  if (g_str_equal (target, "cnn-rnn-self-attention.svg") ||
      g_str_equal (target, "figs/plot.png") ||
      g_str_equal (target, "my figure.png"))
    return g_strconcat ("app://collection/", target, NULL);

  return NULL;
}

static char *
render (const char *markdown)
{
  return llm_render_markdown (markdown, test_resolver, NULL);
}

static void
assert_renders (const char *markdown,
                const char *expected)
{
  g_autofree char *html = render (markdown);

  g_assert_cmpstr (html, ==, expected);
}

static void
assert_contains (const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    g_test_message ("expected “%s” in:\n%s", needle, html);
  g_assert_nonnull (strstr (html, needle));
}

static void
assert_lacks (const char *html,
              const char *needle)
{
  if (strstr (html, needle) != NULL)
    g_test_message ("did not expect “%s” in:\n%s", needle, html);
  g_assert_null (strstr (html, needle));
}

static void
test_mark (void)
{
  assert_renders ("==key point==\n", "<p><mark>key point</mark></p>\n");
  assert_renders ("a ==b== c ==d==\n", "<p>a <mark>b</mark> c <mark>d</mark></p>\n");
}

/* A bilingual key point shows its first form only. */
static void
test_mark_bilingual (void)
{
  assert_renders ("==翻译对齐|translation alignment==\n", "<p><mark>翻译对齐</mark></p>\n");
  assert_renders ("a ==**KV** 缓存 | KV cache== b\n", "<p>a <mark><strong>KV</strong> 缓存</mark> b</p>\n");
  /* A bar with nothing on one side is text. */
  assert_renders ("==|x|==\n", "<p><mark>|x|</mark></p>\n");
  assert_renders ("==a|==\n", "<p><mark>a|</mark></p>\n");
}

static void
test_mark_emphasis (void)
{
  assert_renders ("==**bold** text==\n",
                  "<p><mark><strong>bold</strong> text</mark></p>\n");
  assert_renders ("**==x==**\n", "<p><strong><mark>x</mark></strong></p>\n");
  assert_renders ("*==x== y*\n", "<p><em><mark>x</mark> y</em></p>\n");
  assert_renders ("==~~old~~ new==\n", "<p><mark><del>old</del> new</mark></p>\n");
  /* Emphasis looks through the '=' the way it looks through '~'. */
  assert_renders ("a**==b==**c\n", "<p>a<strong><mark>b</mark></strong>c</p>\n");
}

static void
test_mark_literal (void)
{
  assert_renders ("a==b\n", "<p>a==b</p>\n");
  assert_renders ("x == y\n", "<p>x == y</p>\n");
  assert_renders ("===x===\n", "<p>===x===</p>\n");
  assert_renders ("=x=\n", "<p>=x=</p>\n");
  assert_renders ("`==x==`\n", "<p><code>==x==</code></p>\n");
  assert_renders ("\\==x==\n", "<p>==x==</p>\n");
}

static void
test_mark_seed (void)
{
  /* Lines of the bundled notes: marks end at CJK punctuation and start
   * after a closing quote. */
  g_autofree char *a = render ("1. **自注意力机制**：最核心的是，Transformer ==通过自注意力机制直接计算序列中任意两个位置之间的依赖关系==。不同于传统的序列处理模型，而是可以==并行处理所有位置的信息==。\n");
  g_autofree char *b = render ("- *指令微调*（Prompt Tuning）：这里的“指令微调”==指使用特定的指令或提示（prompts）来引导模型在特定任务上的表现==。\n");
  g_autofree char *c = render ("- **提高模型的灵活性和复杂性**：==多头注意力通过对查询（Q）、键（K）和值（V）的多组独立的线性投影==。\n");

  assert_contains (a, "Transformer <mark>通过自注意力机制直接计算序列中任意两个位置之间的依赖关系</mark>。");
  assert_contains (a, "可以<mark>并行处理所有位置的信息</mark>。");
  assert_contains (b, "“指令微调”<mark>指使用特定的指令或提示（prompts）来引导模型在特定任务上的表现</mark>。");
  assert_contains (c, "</strong>：<mark>多头注意力通过对查询（Q）、键（K）和值（V）的多组独立的线性投影</mark>。");
  assert_lacks (a, "==");
  assert_lacks (b, "==");
  assert_lacks (c, "==");
}

static void
test_table (void)
{
  g_autofree char *html = render ("| a | b |\n|---|:-:|\n| 1 | `x|` |\n");

  assert_contains (html, "<table>");
  assert_contains (html, "<th>a</th>");
  assert_contains (html, "<th align=\"center\">b</th>");
  assert_contains (html, "<td>1</td>");
}

static void
test_code_language (void)
{
  g_autofree char *python = render ("```Python {.numberLines}\nprint(\"<hi>\")\n```\n");
  g_autofree char *hostile = render ("```x\"onmouseover=alert(1)\nx\n```\n");

  assert_contains (python, "<span class=\"code-language\">Python</span>");
  assert_contains (python, "<code class=\"language-python\">print(&quot;&lt;hi&gt;&quot;)\n</code>");
  /* A language that could not be a class name is no language. */
  assert_lacks (hostile, "onmouseover");
  assert_lacks (hostile, "code-language");
}

static void
test_callout (void)
{
  g_autofree char *note = render ("> [!note] Remember\n> Body with **bold**.\n");
  g_autofree char *alias = render ("> [!FAQ]\n> Why?\n");
  g_autofree char *folded = render ("> [!tip]- Folded tip\n> Hidden.\n");
  g_autofree char *open = render ("> [!warning]+ Open\n> Shown.\n");
  g_autofree char *nested = render ("> [!example] Outer\n> > [!bug] Inner\n> > Deep <b>bold\n>\n> Outer text\n");
  g_autofree char *quote = render ("> Just a quote [!note]\n");

  assert_contains (note, "<div class=\"callout\" data-callout=\"note\"><div class=\"callout-title\">");
  assert_contains (note, "<span class=\"callout-title-text\">Remember</span>");
  assert_contains (note, "<p>Body with <strong>bold</strong>.</p>");
  assert_lacks (note, "[!note]");
  assert_lacks (note, "<blockquote>");
  /* An alias takes its type's look and, without a title, its own name. */
  assert_contains (alias, "data-callout=\"question\"");
  assert_contains (alias, "<span class=\"callout-title-text\">FAQ</span>");
  assert_contains (folded, "<details class=\"callout\" data-callout=\"tip\"><summary class=\"callout-title\">");
  assert_contains (folded, "Hidden.");
  assert_contains (open, "<details class=\"callout\" data-callout=\"warning\" open>");
  /* Nested, with the inner one's unclosed tag ending inside it. */
  assert_contains (nested, "data-callout=\"example\"");
  assert_contains (nested, "<div class=\"callout\" data-callout=\"bug\">");
  assert_contains (nested, "Deep <b>bold</b></p>\n</div></div>");
  assert_contains (nested, "Outer text");
  assert_contains (quote, "<blockquote>");
}

static void
test_strikethrough (void)
{
  assert_renders ("~~gone~~\n", "<p><del>gone</del></p>\n");
}

static void
test_tasklist (void)
{
  g_autofree char *html = render ("- [x] done\n- [ ] todo\n");

  assert_contains (html, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done");
  assert_contains (html, "<input type=\"checkbox\" disabled=\"\" /> todo");
}

static void
test_footnote (void)
{
  g_autofree char *html = render ("Claim[^1].\n\n[^1]: Source.\n");

  assert_contains (html, "<sup class=\"footnote-ref\"><a href=\"#fn-1\"");
  assert_contains (html, "<section class=\"footnotes\"");
  assert_contains (html, "Source.");
}

static void
test_autolink (void)
{
  g_autofree char *html = render ("See https://example.com/a and www.gnome.org.\n");

  assert_contains (html, "<a href=\"https://example.com/a\">https://example.com/a</a>");
  assert_contains (html, "<a href=\"http://www.gnome.org\">www.gnome.org</a>");
}

static void
test_math_inline (void)
{
  assert_renders ("除以 $\\sqrt{d_k}$ ，可以\n",
                  "<p>除以 <span class=\"math inline\">\\sqrt{d_k}</span> ，可以</p>\n");
  assert_renders ("$x_1*y_2$ and $a_1*b_2$\n",
                  "<p><span class=\"math inline\">x_1*y_2</span> and "
                  "<span class=\"math inline\">a_1*b_2</span></p>\n");
  assert_renders ("$\\{a\\} \\\\ b < c$\n",
                  "<p><span class=\"math inline\">\\{a\\} \\\\ b &lt; c</span></p>\n");
  /* An escaped dollar inside math does not close it. */
  assert_renders ("$a\\$b$\n", "<p><span class=\"math inline\">a\\$b</span></p>\n");
  assert_renders ("**$x$**\n", "<p><strong><span class=\"math inline\">x</span></strong></p>\n");
}

static void
test_math_code (void)
{
  assert_renders ("`$x_1$` and ``a`$b$``\n",
                  "<p><code>$x_1$</code> and <code>a`$b$</code></p>\n");
  assert_renders ("```\n$x_1$\n```\n",
                  "<div class=\"code-block\"><div class=\"code-header\">"
                  "<button class=\"code-copy\" type=\"button\" data-done=\"Copied\">Copy</button></div>"
                  "<pre><code>$x_1$\n</code></pre></div>\n");
  assert_renders ("> ~~~tex\n> $a_1$\n> ~~~\n",
                  "<blockquote>\n<div class=\"code-block\"><div class=\"code-header\">"
                  "<span class=\"code-language\">tex</span>"
                  "<button class=\"code-copy\" type=\"button\" data-done=\"Copied\">Copy</button></div>"
                  "<pre><code class=\"language-tex\">$a_1$\n</code></pre></div>\n</blockquote>\n");
  assert_renders ("    $a_1$\n",
                  "<div class=\"code-block\"><div class=\"code-header\">"
                  "<button class=\"code-copy\" type=\"button\" data-done=\"Copied\">Copy</button></div>"
                  "<pre><code>$a_1$\n</code></pre></div>\n");
  /* In a list, the same indentation is text again. */
  assert_renders ("- item\n\n    $a_1$\n",
                  "<ul>\n<li>\n<p>item</p>\n<p><span class=\"math inline\">a_1</span></p>\n</li>\n</ul>\n");
}

static void
test_math_not_math (void)
{
  assert_renders ("$5 and $6\n", "<p>$5 and $6</p>\n");
  assert_renders ("costs $20,000 or $30,000.\n", "<p>costs $20,000 or $30,000.</p>\n");
  assert_renders ("$ x$\n", "<p>$ x$</p>\n");
  assert_renders ("$x $\n", "<p>$x $</p>\n");
  assert_renders ("\\$x$\n", "<p>$x$</p>\n");
  /* A blank line ends the paragraph, and with it any math. */
  assert_renders ("$a\n\nb$\n", "<p>$a</p>\n<p>b$</p>\n");
}

/* Math is never taken from where a '$' is part of an address, and in a
 * pipe table, as pandoc parses each cell alone, no span crosses a cell or
 * a row. */
static void
test_math_boundaries (void)
{
  static const struct
  {
    const char *markdown;
    const char *contains;
    const char *lacks;
  } cases[] = {
    /* Link destinations, with the math around them still math. */
    { "[api](https://x.com/q?$top=2&$skip=1) and $a$\n",
      "<a href=\"https://x.com/q?$top=2&amp;$skip=1\">api</a> and <span class=\"math inline\">a</span>", NULL },
    { "[a](<https://x.com/$a b$>)\n", "href=\"https://x.com/$a%20b$\"", "math" },
    { "[a](https://x.com/(p)$x$/) $y$\n",
      "href=\"https://x.com/(p)$x$/\"", "<span class=\"math inline\">x" },
    { "![plot](https://x.com/$a$.png)\n", "https://x.com/$a$.png", "math" },
    { "[r]: https://x.com/?$a=1&$b=2\n\n[link][r] $z$\n",
      "<a href=\"https://x.com/?$a=1&amp;$b=2\">link</a> <span class=\"math inline\">z</span>", NULL },
    /* A footnote's text is no destination. */
    { "a[^1]\n\n[^1]: $x$ note\n", "<span class=\"math inline\">x</span> note", NULL },
    /* Autolinks and bare URLs. */
    { "<https://x.com/?$a$b>\n", "<a href=\"https://x.com/?$a$b\">", "math" },
    { "see https://x.com/?$top=2&$skip=1 and $y$\n",
      "<a href=\"https://x.com/?$top=2&amp;$skip=1\">https://x.com/?$top=2&amp;$skip=1</a> and "
      "<span class=\"math inline\">y</span>", NULL },
    { "www.x.com/$a$b\n", "<a href=\"http://www.x.com/$a$b\">", "math" },
    /* Not an address: still math. */
    { "the $http$ and $www.x$ rule\n",
      "<span class=\"math inline\">http</span> and <span class=\"math inline\">www.x</span>", NULL },
    /* A Cost column of dollars is text, row by row. */
    { "| Item | Cost |\n|---|---|\n| a | $ |\n| b | $$ |\n| c | $$$ |\n| d | $x$ |\n",
      "<td>$</td>\n</tr>\n<tr>\n<td>b</td>\n<td>$$</td>\n</tr>\n<tr>\n<td>c</td>\n<td>$$$</td>\n</tr>\n"
      "<tr>\n<td>d</td>\n<td><span class=\"math inline\">x</span></td>", "math display" },
    { "| a | b |\n|---|---|\n| $x | y$ |\n", "<td>$x</td>\n<td>y$</td>", "math" },
    { "| a | b |\n|---|---|\n| $p\n| q$ |\n", "<td>$p</td>", "math" },
    { "a | b\n--|--\n$$x | y$$\n", "<td>$$x</td>\n<td>y$$</td>", "math" },
    { "> | a |\n> |---|\n> | $1 | $2 |\n", "<td>$1</td>", "math" },
    /* An escaped pipe stays in its cell, math and all; as in pandoc, the
     * TeX keeps it as written (\| is TeX's double bar). */
    { "| a |\n|---|\n| $x \\| y$ |\n", "<span class=\"math inline\">x \\| y</span>", NULL },
    /* After the table, a paragraph's math spans lines again. */
    { "| a |\n|---|\n| b |\n\n$x\ny$\n", "<span class=\"math inline\">x\ny</span>", NULL },
    /* Without a delimiter row there is no table. */
    { "$a | b$ not a table\n", "<span class=\"math inline\">a | b</span>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = render (cases[i].markdown);

      g_test_message ("case %u: %s", i, cases[i].markdown);
      assert_contains (html, cases[i].contains);
      if (cases[i].lacks != NULL)
        assert_lacks (html, cases[i].lacks);
    }
}

/* What a clicked mailto: hands a mail client: recipients, subject, cc,
 * bcc and body, never an attachment or another header. */
static void
test_mailto (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "mailto:a@example.com", "mailto:a@example.com" },
    { "mailto:a@example.com?subject=Hi&body=Text", "mailto:a@example.com?subject=Hi&body=Text" },
    { "mailto:a@example.com?attach=/home/u/.ssh/id_rsa&subject=Hi", "mailto:a@example.com?subject=Hi" },
    { "MAILTO:a@example.com?Attachment=%2Fetc%2Fpasswd&CC=b@example.com", "mailto:a@example.com?CC=b@example.com" },
    { "mailto:a@example.com?%61ttach=x&bcc=c@example.com&reply-to=evil@example.com&from=x",
      "mailto:a@example.com?bcc=c@example.com" },
    { "mailto:?to=x@example.com&body=a%26b", "mailto:?body=a%26b" },
    { "mailto:a@example.com#frag?attach=x", "mailto:a@example.com" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = llm_link_sanitize_mailto (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
  g_assert_null (llm_link_sanitize_mailto ("https://example.com/?attach=x"));
}

/* What the status line says for a hovered link: where it leads, readable
 * but impossible to disguise. */
static void
test_link_describe (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "https://example.com/a?b=1#c", "https://example.com/a?b=1#c" },
    /* Chinese reads as Chinese; escaped ASCII keeps its meaning. */
    { "https://zh.wikipedia.org/wiki/%E6%B3%A8%E6%84%8F%E5%8A%9B?q=a%26b%2Fc",
      "https://zh.wikipedia.org/wiki/注意力?q=a%26b%2Fc" },
    /* A right-to-left override, a zero-width space, a line separator, a
     * no-break space or bytes that are not UTF-8 stay escaped. */
    { "https://example.com/%E2%80%AEgpj.exe", "https://example.com/%E2%80%AEgpj.exe" },
    { "https://example.com/a%E2%80%8Bb", "https://example.com/a%E2%80%8Bb" },
    { "https://example.com/%E2%80%A8", "https://example.com/%E2%80%A8" },
    { "https://example.com/%C2%A0", "https://example.com/%C2%A0" },
    { "http://example.com/%FF%FE", "http://example.com/%FF%FE" },
    { "https://example.com/%E6%B3%A8%E2%80%AE", "https://example.com/%E6%B3%A8%E2%80%AE" },
    /* Raw characters a browser would have escaped are escaped. */
    { "https://example.com/a b\u202E", "https://example.com/a%20b%E2%80%AE" },
    /* A mail link shows its recipients, the way llm_link_sanitize_mailto()
     * hands it over. */
    { "mailto:a@example.com?subject=Hi&attach=/etc/passwd", "a@example.com" },
    { "MAILTO:a@example.com,b%40example.com", "a@example.com, b@example.com" },
    { "mailto:%E2%80%AEmoc.elpmaxe@a", "mailto:%E2%80%AEmoc.elpmaxe@a" },
    { "mailto:?subject=Hi", "mailto:?subject=Hi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = llm_link_describe (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
  /* The app's own schemes are the caller's to describe. */
  g_assert_null (llm_link_describe ("llm-question:attention"));
  g_assert_null (llm_link_describe ("app://llm/page/page.html#fn-1"));
}

/* The answer and the note share a page: their footnotes must not share
 * ids, or the note's links jump into the answer. */
static void
test_footnote_ids (void)
{
  g_autofree char *answer = render ("Claim[^1].\n\n[^1]: Answer's source.\n");
  g_autofree char *rendered = render ("Mine[^1].\n\n[^1]: Note's source.\n");
  g_autofree char *note = llm_link_prefix_footnotes (rendered, "note-");

  assert_contains (answer, "href=\"#fn-1\"");
  assert_contains (note, "href=\"#fn-note-1\"");
  assert_contains (note, "id=\"fn-note-1\"");
  assert_contains (note, "id=\"fnref-note-1\"");
  assert_contains (note, "href=\"#fnref-note-1\"");
  assert_lacks (note, "\"fn-1\"");
  assert_lacks (note, "\"#fn-1\"");
  assert_lacks (note, "\"fnref-1\"");
}

static void
test_math_display (void)
{
  assert_renders ("$$\n\\frac{QK^T}{\\sqrt{d_k}}\n$$\n",
                  "<div class=\"math display\">\n\\frac{QK^T}{\\sqrt{d_k}}\n</div>\n");
  assert_renders ("> $$\n> a_1 \\\\\n> b_2\n> $$\n",
                  "<blockquote>\n<div class=\"math display\">\na_1 \\\\\nb_2\n</div>\n</blockquote>\n");
  assert_renders ("see $$x_1$$ here\n",
                  "<p>see <span class=\"math display\">x_1</span> here</p>\n");
}

static void
test_embed_resolved (void)
{
  g_autofree char *html = NULL;
  guint calls = 0;

  html = llm_render_markdown ("![[cnn-rnn-self-attention.svg]]\n", test_resolver, &calls);
  g_assert_cmpstr (html, ==,
                   "<p><img class=\"embed\" src=\"app://collection/cnn-rnn-self-attention.svg\" "
                   "alt=\"cnn-rnn-self-attention.svg\"></p>\n");
  g_assert_cmpuint (calls, ==, 1);

  g_clear_pointer (&html, g_free);
  html = render ("![[figs/plot.png|A plot]] ![[figs/plot.png|300]]\n");
  assert_contains (html, "<img class=\"embed\" src=\"app://collection/figs/plot.png\" alt=\"A plot\">");
  assert_contains (html, "<img class=\"embed\" src=\"app://collection/figs/plot.png\" alt=\"figs/plot.png\" width=\"300\">");
}

static void
test_embed_missing (void)
{
  g_autofree char *html = render ("![[nowhere.png]]\n");
  g_autofree char *note = render ("![[Some note]]\n");
  g_autofree char *no_resolver = llm_render_markdown ("![[cnn-rnn-self-attention.svg]]\n", NULL, NULL);
  g_autofree char *code = render ("`![[nowhere.png]]`\n");

  assert_contains (html, "<span class=\"embed-missing\" title=\"");
  assert_contains (html, "\">nowhere.png</span>");
  assert_lacks (html, "<img");
  assert_contains (note, "\">Some note</span>");
  assert_contains (no_resolver, "\">cnn-rnn-self-attention.svg</span>");
  assert_lacks (no_resolver, "<img");
  g_assert_cmpstr (code, ==, "<p><code>![[nowhere.png]]</code></p>\n");
}

static void
test_image (void)
{
  g_autofree char *resolved = render ("![A plot](figs/plot.png)\n");
  g_autofree char *escaped = render ("![fig](my%20figure.png)\n");
  g_autofree char *missing = render ("![gone](figs/gone.png)\n");
  g_autofree char *data = render ("![dot](data:image/png;base64,iVBORw0KGgo=)\n");

  g_assert_cmpstr (resolved, ==,
                   "<p><img src=\"app://collection/figs/plot.png\" alt=\"A plot\" /></p>\n");
  assert_contains (escaped, "<img src=\"app://collection/my%20figure.png\" alt=\"fig\" />");
  assert_contains (missing, "<span class=\"embed-missing\" title=\"");
  assert_contains (missing, "\">figs/gone.png</span>");
  assert_lacks (missing, "<img");
  assert_contains (data, "<img src=\"data:image/png;base64,iVBORw0KGgo=\"");
}

static void
test_image_remote (void)
{
  g_autofree char *html = NULL;
  guint calls = 0;

  html = llm_render_markdown ("![chart](https://example.com/c.png) ![](//cdn.example.com/x.png)"
                              " ![t](http://example.com/t.png \"title\")\n",
                              test_resolver, &calls);

  assert_lacks (html, "<img");
  assert_lacks (html, "src=");
  assert_contains (html, "<span class=\"remote-image\" title=\"https://example.com/c.png\">chart (");
  assert_contains (html, "<span class=\"remote-image\" title=\"//cdn.example.com/x.png\">//cdn.example.com/x.png (");
  g_assert_cmpuint (calls, ==, 0);
}

static void
test_hostile (void)
{
  g_autofree char *script = render ("<script>alert(1)</script>\n\nHi <script>alert(2)</script>\n");
  g_autofree char *onerror = render ("<img src=x onerror=alert(1)>\n\ntext <img src=x onerror=alert(1)>\n");
  g_autofree char *link = render ("[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) <javascript:alert(1)>\n");
  g_autofree char *embed = render ("![[x\" onerror=\"alert(1).png]]\n");
  g_autofree char *image = render ("![x\" onerror=\"alert(1)](x.png \"a\\\" onerror=\\\"b\")\n");
  g_autofree char *math = render ("$</span><script>alert(1)</script>$ ![$\" onerror=\"x$](https://e.com/a.png)\n");
  g_autofree char *pua = render ("\xee\x80\x80" "0" "\xee\x80\x81 $x$\n");

  assert_lacks (script, "<script");
  assert_lacks (script, "alert");
  assert_contains (script, "<p>Hi <span class=\"html-removed\"");
  assert_lacks (onerror, "onerror=");
  assert_lacks (onerror, "<img");
  /* A link that may not go anywhere is its text. */
  g_assert_cmpstr (link, ==, "<p>x y javascript:alert(1)</p>\n");
  assert_lacks (embed, "onerror=\"");
  assert_contains (embed, "x&quot; onerror=&quot;alert(1).png");
  assert_lacks (image, "onerror=\"");
  assert_lacks (math, "<script");
  assert_lacks (math, "onerror=\"");
  assert_contains (math, "&lt;/span&gt;&lt;script&gt;");
  /* Private-use characters in the text never name a stashed span. */
  g_assert_cmpstr (pua, ==, "<p>\xef\xbf\xbd" "0" "\xef\xbf\xbd <span class=\"math inline\">x</span></p>\n");
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *html = render ("==a\xff b== $x\xfe$\n");

  g_assert_true (g_utf8_validate (html, -1, NULL));
  assert_contains (html, "<mark>");
}

static gpointer
render_in_thread (gpointer data)
{
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *html = render ("a ==b== ~~c~~ $d_1$ https://e.com\n");

      if (!g_str_equal (html, "<p>a <mark>b</mark> <del>c</del> <span class=\"math inline\">d_1</span> "
                              "<a href=\"https://e.com\">https://e.com</a></p>\n"))
        return g_strdup (html);
    }

  return NULL;
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_in_thread, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *wrong = g_thread_join (threads[i]);

      g_assert_null (wrong);
    }
}

static char *
link_resolver (const char *target,
               gpointer    user_data)
{
  if (g_str_equal (target, "Attention"))
    return g_strdup ("llm-question:attention");
  return NULL;
}

static void
test_wikilinks (void)
{
  g_autofree char *html = llm_render_markdown_with_links ("See [[Attention]], [[Attention|this one]], "
                                                          "[[Nowhere]] and `[[code]]`.",
                                                          NULL, link_resolver, NULL);
  g_autofree char *plain = llm_render_markdown ("See [[Attention]].", NULL, NULL);

  g_assert_nonnull (strstr (html, "<a class=\"wikilink\" href=\"llm-question:attention\">Attention</a>"));
  g_assert_nonnull (strstr (html, "<a class=\"wikilink\" href=\"llm-question:attention\">this one</a>"));
  g_assert_nonnull (strstr (html, "<span class=\"wikilink missing\""));
  g_assert_nonnull (strstr (html, ">Nowhere</span>"));
  g_assert_nonnull (strstr (html, "<code>[[code]]</code>"));
  /* Without a resolver nothing links anywhere. */
  g_assert_null (strstr (plain, "<a "));
  g_assert_nonnull (strstr (plain, "wikilink missing"));
}

/* A 10 MB line mixing emphasis and links would keep cmark-gfm 0.29
 * busy for hours (CVE-2023-24824); it is shown as plain text instead, in a
 * second or so, with its math still math and its markup still inert,
 * and only its start. */
static void
test_huge_line (void)
{
  static const char unit[] = "word <img src=x onerror=window.pwned=1> ==mark== $x^2$ **b** `c` [l](javascript:x) ";
  g_autoptr(GString) markdown = g_string_new ("> - ");
  g_autofree char *html = NULL;
  g_autofree char *short_html = NULL;
  gint64 start;
  double seconds;

  while (markdown->len < 10 * 1024 * 1024)
    g_string_append (markdown, unit);
  g_string_append_c (markdown, '\n');

  start = g_get_monotonic_time ();
  html = llm_render_markdown (markdown->str, NULL, NULL);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("a %zu-byte line rendered in %.2f s", markdown->len, seconds);

  /* Still in its list inside its quote, with the notice first. */
  g_assert_true (g_str_has_prefix (html, "<blockquote>\n<ul>\n<li><span class=\"too-long\">"));
  g_assert_nonnull (strstr (html, "</span> word &lt;img src=x onerror=window.pwned=1&gt; ==mark== "
                                  "<span class=\"math inline\">x^2</span> **b** `c` [l](javascript:x) word"));
  /* Only its start: WebKit would take long over megabytes of one line. */
  g_assert_cmpuint (strlen (html), <, 512 * 1024);
  g_assert_true (g_str_has_suffix (html, "</li>\n</ul>\n</blockquote>\n"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<a "));
  g_assert_null (strstr (html, "<strong>"));
  g_assert_cmpfloat (seconds, <, 30);

  /* A long line of an ordinary size is formatted as usual. */
  g_string_truncate (markdown, 0);
  for (guint i = 0; i < 1000; i++)
    g_string_append (markdown, unit);
  short_html = llm_render_markdown (markdown->str, NULL, NULL);
  g_assert_null (strstr (short_html, "too-long"));
  g_assert_nonnull (strstr (short_html, "<strong>b</strong>"));
}

/* cmark-gfm builds and frees its tree without recursion, and so must we:
 * 100,000 nested quotes fit the stack. */
static void
test_deep_quotes (void)
{
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autofree char *html = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (markdown, "> ");
  g_string_append (markdown, "deep $x$ ==down== here\n");

  html = llm_render_markdown (markdown->str, NULL, NULL);
  g_assert_true (g_str_has_prefix (html, "<blockquote>\n<blockquote>\n"));
  g_assert_nonnull (strstr (html, "<p>deep <span class=\"math inline\">x</span> <mark>down</mark> here</p>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/render/mark-bilingual", test_mark_bilingual);
  g_test_add_func ("/llm/render/mark", test_mark);
  g_test_add_func ("/llm/render/mark-emphasis", test_mark_emphasis);
  g_test_add_func ("/llm/render/mark-literal", test_mark_literal);
  g_test_add_func ("/llm/render/mark-seed", test_mark_seed);
  g_test_add_func ("/llm/render/table", test_table);
  g_test_add_func ("/llm/render/strikethrough", test_strikethrough);
  g_test_add_func ("/llm/render/tasklist", test_tasklist);
  g_test_add_func ("/llm/render/code-language", test_code_language);
  g_test_add_func ("/llm/render/callout", test_callout);
  g_test_add_func ("/llm/render/footnote", test_footnote);
  g_test_add_func ("/llm/render/autolink", test_autolink);
  g_test_add_func ("/llm/render/math-inline", test_math_inline);
  g_test_add_func ("/llm/render/math-code", test_math_code);
  g_test_add_func ("/llm/render/math-not-math", test_math_not_math);
  g_test_add_func ("/llm/render/math-display", test_math_display);
  g_test_add_func ("/llm/render/math-boundaries", test_math_boundaries);
  g_test_add_func ("/llm/render/mailto", test_mailto);
  g_test_add_func ("/llm/render/link-describe", test_link_describe);
  g_test_add_func ("/llm/render/footnote-ids", test_footnote_ids);
  g_test_add_func ("/llm/render/embed-resolved", test_embed_resolved);
  g_test_add_func ("/llm/render/embed-missing", test_embed_missing);
  g_test_add_func ("/llm/render/image", test_image);
  g_test_add_func ("/llm/render/image-remote", test_image_remote);
  g_test_add_func ("/llm/render/hostile", test_hostile);
  g_test_add_func ("/llm/render/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/llm/render/threads", test_threads);
  g_test_add_func ("/llm/render/huge-line", test_huge_line);
  g_test_add_func ("/llm/render/deep-quotes", test_deep_quotes);

  g_test_add_func ("/llm/render/wikilinks", test_wikilinks);

  return g_test_run ();
}
