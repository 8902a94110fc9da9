/* test-sanitizer.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "html-oracle.h"
#include "llm-html-sanitizer.h"
#include "llm-render.h"

/* Resolves any relative name, as if every file were in the collection. */
static char *
test_image (const char *src,
            const char *alt,
            const char *title,
            const char *width,
            const char *height,
            gpointer    user_data)
{
  if (g_uri_peek_scheme (src) != NULL)
    return NULL;

  return g_markup_printf_escaped ("<img src=\"app://collection/%s\" alt=\"%s\"%s%s />", src,
                                  alt != NULL ? alt : "", width != NULL ? " w" : "",
                                  height != NULL ? " h" : "");
}

static char *
sanitize (const char *html)
{
  return llm_html_sanitize (html, -1, test_image, NULL, NULL);
}

static void
assert_sanitizes (const char *html,
                  const char *expected)
{
  g_autofree char *clean = sanitize (html);

  if (g_strcmp0 (clean, expected) != 0)
    g_test_message ("input: %s", html);
  g_assert_cmpstr (clean, ==, expected);
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

/* No markup of the input may reach the output but the whitelist's: the
 * output parsed again (html-oracle.h, shared with the fuzz target), and no
 * tag of a dropped element anywhere, whatever the parser made of it. */
static void
assert_inert (const char *html)
{
  g_autofree char *clean = sanitize (html);
  g_autofree char *lower = g_ascii_strdown (clean, -1);
  g_autofree char *offence = html_oracle_check (clean, "app://collection/");
  static const char * const forbidden[] = {
    "<script", "<svg", "<math", "<iframe", "<object", "<embed", "<style", "<template",
    "<noscript", "<form", "<input", "<textarea", "<base", "<meta", "<link", "<!--",
    "<foreignobject", "<mglyph",
  };

  if (offence != NULL)
    g_test_message ("“%s” became “%s”: %s", html, clean, offence);
  g_assert_null (offence);

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (strstr (lower, forbidden[i]) != NULL)
      {
        g_test_message ("“%s” became “%s”", html, clean);
        g_assert_null (strstr (lower, forbidden[i]));
      }
}

static void
test_whitelist (void)
{
  static const char * const plain[] = {
    "summary", "p", "sub", "sup", "kbd", "mark", "ins", "del", "s", "u", "b", "i",
    "em", "strong", "code", "pre", "blockquote", "dl", "dt", "dd", "figure",
    "figcaption", "caption",
  };

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_autofree char *html = g_strdup_printf ("<%s>x</%s>", plain[i], plain[i]);

      assert_sanitizes (html, html);
    }

  assert_sanitizes ("<details open><summary>More</summary>Body</details>",
                    "<details open><summary>More</summary>Body</details>");
  assert_sanitizes ("a<br>b<hr>", "a<br />b<hr />");
  assert_sanitizes ("<div align=\"center\">c</div><span align=right>r</span><center>m</center>",
                    "<div align=\"center\">c</div><span align=\"right\">r</span><center>m</center>");
  assert_sanitizes ("<ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol>",
                    "<ul><li>a</li></ul><ol start=\"3\"><li>b</li></ol>");
  assert_sanitizes ("<table align=center><thead><tr><th colspan=\"2\" align=\"left\">h</th></tr></thead>"
                    "<tbody><tr align=right><td rowspan=2>d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>",
                    "<table align=\"center\"><thead><tr><th align=\"left\" colspan=\"2\">h</th></tr></thead>"
                    "<tbody><tr align=\"right\"><td rowspan=\"2\">d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>");
  for (guint level = 1; level <= 6; level++)
    {
      g_autofree char *html = g_strdup_printf ("<h%u align=\"center\">t</h%u>", level, level);

      assert_sanitizes (html, html);
    }
  assert_sanitizes ("<a href=\"https://gnome.org/?a=1&amp;b=2\" title=\"T\">g</a>",
                    "<a href=\"https://gnome.org/?a=1&amp;b=2\" title=\"T\">g</a>");
  assert_sanitizes ("<a href=\"#fn-1\">f</a><a href=\"other.md\">o</a><a href=\"mailto:a@b.c\">m</a>",
                    "<a href=\"#fn-1\">f</a><a href=\"other.md\">o</a><a href=\"mailto:a@b.c\">m</a>");
  assert_sanitizes ("<img src=\"img.png\" alt=\"An image\" width=\"40\" height=\"30\">",
                    "<img src=\"app://collection/img.png\" alt=\"An image\" w h />");
}

static void
test_stripped (void)
{
  /* Unknown elements keep their text; attributes outside the list go. */
  assert_sanitizes ("<font color=red>red</font> <blink>b</blink>", "red b");
  assert_sanitizes ("<p class=\"x\" id=\"y\" style=\"color:red\" onclick=\"f()\" title=\"t\">p</p>", "<p>p</p>");
  assert_sanitizes ("<div align=\"middle\">x</div>", "<div>x</div>");
  assert_sanitizes ("<td colspan=\"2x\">c</td>", "<td>c</td>");
  assert_sanitizes ("<ol start=\"-1\" type=\"a\"><li>x</li></ol>", "<ol><li>x</li></ol>");
  assert_sanitizes ("<details open=\"false\" ontoggle=\"f()\">d</details>", "<details open>d</details>");
  /* Content that is code, styling or a foreign document goes with it. */
  assert_sanitizes ("<script>alert(1)</script>after", "after");
  assert_sanitizes ("<style>p { color: red }</style>after", "after");
  assert_sanitizes ("<iframe src=\"https://e.com\">in</iframe>after", "after");
  assert_sanitizes ("<object data=\"x.swf\"><param name=a>in</object>after", "after");
  assert_sanitizes ("<template><p>in</p></template>after", "after");
  assert_sanitizes ("<noscript><p>in</p></noscript>after", "after");
  assert_sanitizes ("<svg><text>in</text></svg>after", "after");
  assert_sanitizes ("<math><mi>in</mi></math>after", "after");
  assert_sanitizes ("<form action=\"https://e.com\"><input name=a><button>b</button></form>after", "after");
  /* Comments, CDATA, processing instructions and doctypes are not content. */
  assert_sanitizes ("a<!-- <script>alert(1)</script> -->b", "ab");
  /* HTML5 ends this comment at once, libxml2 at the "-->": either way what
   * comes out is rebuilt, so the two parsers cannot disagree on it. */
  assert_inert ("a<!--><img src=x onerror=alert(1)>-->b");
  assert_inert ("<![CDATA[<script>alert(1)</script>]]>");
  assert_inert ("<?xml-stylesheet href=\"https://e.com/x.xsl\"?><p>x</p>");
  assert_inert ("<!DOCTYPE html><html><head><base href=\"https://e.com/\"><meta http-equiv=refresh content=\"0;url=https://e.com\"></head><body>b</body></html>");
  /* An image the caller does not resolve is its alt text. */
  assert_sanitizes ("<img src=\"https://e.com/a.png\" alt=\"remote\">", "remote");
  assert_sanitizes ("<img alt=\"no source\">", "no source");
}

static void
test_links (void)
{
  static const char * const refused[] = {
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "\x01javascript:alert(1)",
    "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd", "app://llm/page/page.html", "llm-question:x", "ftp://e.com/", "a:b/c",
  };
  static const char * const allowed[] = {
    "https://gnome.org", "HTTP://gnome.org", "mailto:a@b.c", "#section", "notes/other.md",
    "?q=1", "//gnome.org/x", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_false (llm_html_link_is_allowed (refused[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_test_message ("%s", allowed[i]);
      g_assert_true (llm_html_link_is_allowed (allowed[i]));
    }

  /* Entity-encoded and split schemes are decoded before the check. */
  assert_sanitizes ("<a href=\"&#106;avascript:alert(1)\">a</a>", "a");
  assert_sanitizes ("<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">b</a>", "b");
  assert_sanitizes ("<a href=\"jav&#x09;ascript:alert(1)\">c</a>", "c");
  /* An HTML5 entity libxml2 does not know stays text, escaped: the page
   * reads "&NewLine;" literally, a harmless relative link. */
  assert_inert ("<a href=\"jav&NewLine;ascript:alert(1)\">d</a>");
  assert_sanitizes ("<a href=\"&#0000106&#0000097vascript:alert(1)\">e</a>", "e");
  assert_sanitizes ("<a href=javascript:alert(1)>f</a>", "f");
  /* Backticks are not quotes: the value starts with one, so it has no
   * scheme and is a (harmless) relative link. */
  assert_sanitizes ("<a href=`javascript:alert(1)`>g</a>", "<a href=\"`javascript:alert(1)`\">g</a>");
  assert_sanitizes ("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">h</a>", "h");
}

static void
test_mutation (void)
{
  /* Unclosed and misnested tags end inside the fragment. */
  assert_sanitizes ("<b><i>x</b>y", "<b><i>x</i></b>y");
  assert_sanitizes ("<details><summary>s", "<details><summary>s</summary></details>");
  assert_sanitizes ("</p></div></details>x", "x");
  /* A handler inside an allowed tag, quoted, unquoted or slash-separated. */
  assert_inert ("<p><img src=x onerror=alert(1)></p>");
  assert_inert ("<b onmouseover=alert(1)>b</b>");
  assert_inert ("<img/src=x/onerror=alert(1)>");
  assert_inert ("<img src=x onerror\n=alert(1)>");
  assert_inert ("<a href=x onclick=alert(1)>a</a>");
  assert_inert ("<details open ontoggle=alert(1)>");
  /* Markup hidden inside attribute values stays text. */
  assert_inert ("<p title=\"</p><script>alert(1)</script>\">t</p>");
  assert_inert ("<img alt=\"<svg onload=alert(1)>\" src=x>");
  /* Namespace confusion: the HTML parser of the page would read these
   * differently from a naive one; none of it may come out as markup. */
  assert_inert ("<svg><p><style><img src=x onerror=alert(1)></style></p></svg>");
  assert_inert ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");
  assert_inert ("<svg><foreignObject><iframe srcdoc=\"<script>alert(1)</script>\"></iframe></foreignObject></svg>");
  assert_inert ("<math><annotation-xml encoding=\"text/html\"><style><img src=x onerror=alert(1)></style>");
  assert_inert ("<svg:script>alert(1)</svg:script><xlink:a href=\"javascript:alert(1)\">x</xlink:a>");
  assert_inert ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>");
  assert_inert ("<template><script>alert(1)</script></template>");
  assert_inert ("<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>");
  /* Attributes without quotes, or with backticks. */
  assert_sanitizes ("<div align=center title=x>a</div>", "<div align=\"center\">a</div>");
  assert_inert ("<img src=`x` onerror=`alert(1)`>");
  /* A NUL byte is a replacement character, not the end of the input. */
  {
    const char nul[] = "<scr\0ipt>alert(1)</script><b>after</b>";
    g_autofree char *clean = llm_html_sanitize (nul, sizeof nul - 1, test_image, NULL, NULL);

    assert_lacks (clean, "<scr");
    assert_contains (clean, "<b>after</b>");
  }
  /* Encodings other than UTF-8 are not taken from the document. */
  assert_sanitizes ("<meta charset=\"utf-7\">+ADw-script+AD4-", "+ADw-script+AD4-");
  /* Text that looks like markup comes out escaped. */
  assert_sanitizes ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;");
}

static void
test_deep (void)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *clean = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (html, "<div><b>");
  g_string_append (html, "deep");
  clean = sanitize (html->str);
  assert_contains (clean, "deep");
}

/* Through the renderer: what notes written for GitHub carry. */
static char *
render (const char *markdown)
{
  return llm_render_markdown (markdown, NULL, NULL);
}

static void
test_render_html (void)
{
  g_autofree char *details = render ("<details><summary>View Questions</summary>\n\n"
                                     "- **one**\n- two\n\n</details>\n\nAfter.\n");
  g_autofree char *br = render ("Line one<br>line two\n");
  g_autofree char *br_block = render ("<br>\nthe text after it\n");
  g_autofree char *kbd = render ("Press <kbd>Ctrl</kbd>+<kbd>C</kbd> and <sub>2</sub> *then <b>bold</b>*.\n");
  g_autofree char *classes = render ("<p class=\"math inline\" id=\"fn-1\">x</p>\n\n"
                                     "<span class=\"math inline\">\\alert</span>\n\n"
                                     "<pre><code class=\"language-python\">x</code></pre>\n");
  g_autofree char *mixed = render ("<div align=\"center\">\n\n**Title** $x^2$ ==hi== [^1]\n\n</div>\n\n"
                                   "- [x] done <i>it</i>\n\n[^1]: Note <b>bold</b>\n");
  g_autofree char *link = render ("[a](javascript:alert(1)) <a href=\"https://gnome.org\">g</a>\n");

  assert_contains (details, "<details><summary>View Questions</summary>");
  assert_contains (details, "<li><strong>one</strong></li>");
  assert_contains (details, "</details>");
  assert_contains (details, "After.");
  assert_contains (br, "Line one<br />line two");
  /* A line of HTML does not hide the paragraph it starts (issue 21). */
  assert_contains (br_block, "<br />");
  assert_contains (br_block, "the text after it");
  assert_contains (kbd, "<kbd>Ctrl</kbd>+<kbd>C</kbd>");
  assert_contains (kbd, "<sub>2</sub>");
  assert_contains (kbd, "<em>then <b>bold</b></em>");
  /* What is removed with its content leaves a mark; a comment does not. */
  {
    g_autofree char *script = render ("<script>alert(1)</script>\n\n<!-- hidden -->\n\n<style>\n\n</style>\n");

    assert_contains (script, "<span class=\"html-removed\" title=\"Removed from the page: &lt;script&gt; and its content\">&lt;script&gt;</span>");
    assert_lacks (script, "alert");
    assert_lacks (script, "hidden");
    assert_lacks (script, "&lt;style&gt;");
  }
  /* Classes and ids come from the renderer only. */
  assert_lacks (classes, "class=");
  assert_lacks (classes, "id=");
  assert_contains (mixed, "<div align=\"center\">");
  assert_contains (mixed, "<strong>Title</strong>");
  assert_contains (mixed, "<span class=\"math inline\">x^2</span>");
  assert_contains (mixed, "<mark>hi</mark>");
  assert_contains (mixed, "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>");
  assert_contains (mixed, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done <i>it</i>");
  assert_contains (mixed, "<li id=\"fn-1\">");
  assert_contains (mixed, "Note <b>bold</b>");
  g_assert_cmpstr (link, ==, "<p>a <a href=\"https://gnome.org\">g</a></p>\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/sanitizer/whitelist", test_whitelist);
  g_test_add_func ("/llm/sanitizer/stripped", test_stripped);
  g_test_add_func ("/llm/sanitizer/links", test_links);
  g_test_add_func ("/llm/sanitizer/mutation", test_mutation);
  g_test_add_func ("/llm/sanitizer/deep", test_deep);
  g_test_add_func ("/llm/sanitizer/render", test_render_html);

  return g_test_run ();
}
