/* hostile-payloads.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Fifty payloads, each shown as its own answer and all of them again in a
 * personal note (test-hostile), and exported (test-html-export). %1$u is
 * the port of a server that counts every connection. */
static const char * const payloads[] = {
  "<script>window.pwned = 1</script>",
  "<SCRIPT SRC=http://127.0.0.1:%1$u/x.js></SCRIPT>",
  "<img src=x onerror=\"window.pwned=1\">",
  "<img src=\"http://127.0.0.1:%1$u/raw.png\">",
  "<svg onload=\"window.pwned=1\"><script>window.pwned=1</script></svg>",
  "<svg><image href=\"http://127.0.0.1:%1$u/svg.png\"/></svg>",
  "<body onload=\"window.pwned=1\">",
  "<div onmouseover=\"window.pwned=1\">hover</div>",
  "<a href=\"javascript:window.pwned=1\">js</a>",
  "[js](javascript:window.pwned=1)",
  "[js2](JaVaScRiPt:window.pwned=1)",
  "[js3](&#106;avascript:window.pwned=1)",
  "[vb](vbscript:msgbox(1))",
  "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cucHduZWQ9MTwvc2NyaXB0Pg==)",
  "![data-svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj48L3N2Zz4=)",
  "![remote](http://127.0.0.1:%1$u/md.png)",
  "![remote2](//127.0.0.1:%1$u/proto-relative.png)",
  "![remote3](https://127.0.0.1:%1$u/tls.png)",
  "<iframe src=\"http://127.0.0.1:%1$u/frame\"></iframe>",
  "<iframe srcdoc=\"<script>parent.pwned=1</script>\"></iframe>",
  "<object data=\"http://127.0.0.1:%1$u/object\"></object>",
  "<embed src=\"http://127.0.0.1:%1$u/embed\">",
  "<form action=\"http://127.0.0.1:%1$u/form\"><button>go</button></form>",
  "<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:%1$u/refresh\">",
  "<base href=\"http://127.0.0.1:%1$u/\">",
  "<link rel=stylesheet href=\"http://127.0.0.1:%1$u/style.css\">",
  "<style>body { background: url(http://127.0.0.1:%1$u/bg.png) }</style>",
  "<div style=\"background-image: url('http://127.0.0.1:%1$u/inline.png')\">x</div>",
  "<style>@import 'http://127.0.0.1:%1$u/import.css';</style>",
  "<video src=\"http://127.0.0.1:%1$u/v.mp4\" autoplay></video>",
  "<audio src=\"http://127.0.0.1:%1$u/a.mp3\" autoplay></audio>",
  "<input autofocus onfocus=\"window.pwned=1\">",
  "<details open ontoggle=\"window.pwned=1\">x</details>",
  "<math><mtext><table><mglyph><style><img src=x onerror=window.pwned=1>",
  "<noscript><p title=\"</noscript><img src=x onerror=window.pwned=1>\">",
  "<a href=\"http://127.0.0.1:%1$u/link\" target=\"_blank\">blank</a>",
  "<xmp><script>window.pwned=1</script></xmp>",
  "<plaintext><script>window.pwned=1</script>",
  "$\\href{javascript:window.pwned=1}{tex link}$",
  "$\\url{javascript:window.pwned=1}$",
  "$\\includegraphics{http://127.0.0.1:%1$u/tex.png}$",
  "$$\\htmlData{onerror=window.pwned=1}{x}$$",
  "![[../../../../etc/passwd]]",
  "![[/etc/passwd]]",
  "![x](../../../../etc/hosts)",
  "![x](file:///etc/hosts)",
  "[[<script>window.pwned=1</script>]]",
  "Bidi \u202Etxt.exe\u202C and zero\u200Bwidth \u2066isolate\u2069",
  "<img src=\"x\" srcset=\"http://127.0.0.1:%1$u/srcset.png 2x\">",
  "<a ping=\"http://127.0.0.1:%1$u/ping\" href=\"#x\">ping</a>",
  /* Issue #21 (harden): '$' in addresses and tables, leaks through the
   * export, mailto headers, footnotes that collide, words that overflow. */
  "[odata](http://127.0.0.1:%1$u/odata?$top=2&$skip=1) and $x$",
  "see http://127.0.0.1:%1$u/raw?$a$b=$c$ and <http://127.0.0.1:%1$u/auto?$d$>",
  "| Item | Cost |\n|---|---|\n| a | $ |\n| b | $$ |\n| c | $$$ <img src=x onerror=window.pwned=1> |",
  "![leak](secret.txt) ![key](.hidden/key.png) ![up](../../etc/passwd)",
  "[mail](mailto:a@example.com?attach=/etc/passwd&attachment=%%2Fetc%%2Fshadow&subject=hi)",
  "Claim[^1].\n\n[^1]: <script>window.pwned=1</script>[back](#fnref-1)",
  "invoice\u202Efdp.exe \u200B\u200B\u2066\u202Eabc",
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
};

/* The two that attack size rather than the policy: a 10 MB line, which
 * cmark-gfm 0.29 would parse for hours (CVE-2023-24824), and 100,000
 * nested quotes, a stack's worth for any recursive walk. */
static inline GString *
hostile_huge_line (guint port)
{
  g_autofree char *unit = g_strdup_printf ("word <img src=x onerror=window.pwned=1> ==mark== $x^2$ **b** `c` "
                                           "[l](javascript:window.pwned=1) ![r](http://127.0.0.1:%u/huge.png) ",
                                           port);
  GString *line = g_string_new (NULL);

  while (line->len < 10 * 1024 * 1024)
    g_string_append (line, unit);
  return line;
}

static inline GString *
hostile_deep_quotes (guint port)
{
  GString *quotes = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append (quotes, "> ");
  g_string_append_printf (quotes, "deep <script>window.pwned=1</script> $x$ ![r](http://127.0.0.1:%u/deep.png)",
                          port);
  return quotes;
}

/* Aimed at the HTML sanitiser (issue 15): allowed elements carrying
 * handlers, encoded and split schemes, namespace confusion, comments and
 * CDATA, misnesting, the renderer's own classes claimed by the notes. Shown
 * like the payloads above, and exported. */
static const char * const sanitizer_payloads[] = {
  "<details><summary><img src=x onerror=window.pwned=1></summary>s</details>",
  "<p><img/src=x/onerror=window.pwned=1></p>",
  "<b onmouseover=window.pwned=1>bold</b>",
  "<div align=center onclick=window.pwned=1>centre</div>",
  "<details open ontoggle=window.pwned=1><summary>t</summary>x</details>",
  "<a href=\"&#106;avascript:window.pwned=1\">entity</a>",
  "<a href=\"jav&#x09;ascript:window.pwned=1\">tab</a>",
  "<a href=\"java&#10;script:window.pwned=1\">newline</a>",
  "<a href=\" javascript:window.pwned=1\">space</a>",
  "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:window.pwned=1\">hex</a>",
  "<a href=javascript:window.pwned=1>unquoted</a>",
  "<sub><a href=\"vbscript:window.pwned=1\">vb</a></sub>",
  "<a href=\"data:text/html,<script>window.pwned=1</script>\">data</a>",
  "<a href=\"http://127.0.0.1:%1$u/html-link\">web link</a>",
  "<img src=\"http://127.0.0.1:%1$u/html-img.png\">",
  "<img src=\"//127.0.0.1:%1$u/html-proto.png\">",
  "<img src=\" http://127.0.0.1:%1$u/html-space.png\" alt=\"space\">",
  "<img src=\"x\" srcset=\"http://127.0.0.1:%1$u/html-srcset.png 2x\" alt=\"srcset\">",
  "<img src=\"data:image/svg+xml,<svg onload=window.pwned=1>\">",
  "<img src=\"file:///etc/hosts\">",
  "<img src=x alt=\"<svg onload=window.pwned=1>\">",
  "<details open><summary>s</summary><svg><script>window.pwned=1</script></svg></details>",
  "<svg><p><style><img src=x onerror=window.pwned=1></style></p></svg>",
  "<math><annotation-xml encoding=\"text/html\"><img src=x onerror=window.pwned=1></annotation-xml></math>",
  "<svg><foreignObject><img src=x onerror=window.pwned=1></foreignObject></svg>",
  "<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.pwned=1>",
  "<template><img src=x onerror=window.pwned=1></template>",
  "<noscript><img src=x onerror=window.pwned=1></noscript>",
  "<!--><img src=x onerror=window.pwned=1>-->",
  "<![CDATA[><img src=x onerror=window.pwned=1>]]>",
  "<?xml version=\"1.0\"?><img src=x onerror=window.pwned=1>",
  "<b><i><img src=x onerror=window.pwned=1></b></i>",
  "<table><tr><td colspan=2 onclick=window.pwned=1><img src=x onerror=window.pwned=1></td></tr></table>",
  "<kbd style=\"background:url(http://127.0.0.1:%1$u/kbd.png)\">k</kbd>",
  "<span class=\"math inline\">\\href{javascript:window.pwned=1}{claimed math}</span>",
  "<div id=\"content\" class=\"callout\">claimed id and class</div>",
  "<center><iframe srcdoc=\"<script>parent.pwned=1</script>\"></iframe></center>",
  "<meta charset=\"utf-7\">+ADw-script+AD4-window.pwned=1+ADw-/script+AD4-",
  "<scr\x01ipt>window.pwned=1</script>",
  "> [!note] <img src=x onerror=window.pwned=1> callout\n> <a href=\"javascript:window.pwned=1\">in</a>",
  "```python\n<img src=x onerror=window.pwned=1>\nprint('hi')\n```",
  "<br>\n<img src=\"http://127.0.0.1:%1$u/after-br.png\"> text after a br line",
};

/* Issue #21: SVG files a note shows, each written into the collection's
 * folder (%1$u is the counting server's port). In the app they load as
 * images, where nothing in them runs or loads (test-hostile); the export
 * publishes them sanitised (test-html-export has its own set). The last
 * is the AVIF/XML polyglot fuzz-svg found. */
static const struct
{
  const char *name;
  const char *svg;
} hostile_svg_files[] = {
  { "script.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\">"
    "<script>fetch('http://127.0.0.1:%1$u/svg-script'); parent.pwned = 1</script>"
    "<rect width=\"20\" height=\"20\" fill=\"teal\"/></svg>" },
  { "handlers.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\" "
    "onload=\"fetch('http://127.0.0.1:%1$u/svg-onload')\">"
    "<rect width=\"20\" height=\"20\" onbegin=\"parent.pwned = 1\"/>"
    "<set attributeName=\"fill\" to=\"url(http://127.0.0.1:%1$u/svg-set#p)\"/></svg>" },
  { "foreign.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\"><foreignObject width=\"20\" height=\"20\">"
    "<body xmlns=\"http://www.w3.org/1999/xhtml\"><iframe src=\"http://127.0.0.1:%1$u/svg-frame\"></iframe>"
    "<img src=\"http://127.0.0.1:%1$u/svg-img.png\"/></body></foreignObject></svg>" },
  { "remote.svg",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"20\" height=\"20\">"
    "<style>@import url(http://127.0.0.1:%1$u/svg.css); rect { fill: url(http://127.0.0.1:%1$u/svg-fill#p) }</style>"
    "<image href=\"http://127.0.0.1:%1$u/svg-image.png\" width=\"20\" height=\"20\"/>"
    "<use xlink:href=\"http://127.0.0.1:%1$u/other.svg#x\"/><rect width=\"20\" height=\"20\"/></svg>" },
  { "polyglot.svg",
    "<?xmftypavifl version=\"1.0\"?>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\" "
    "onload=\"fetch('http://127.0.0.1:%1$u/polyglot')\"><rect width=\"20\" height=\"20\"/></svg>" },
};
