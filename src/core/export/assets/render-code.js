// SPDX-FileCopyrightText: 2026 The LLM Notes authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// As the app's page.js does it, without the chunks: a browser shows the
// page before its scripts run.

/* Highlights the code blocks LLM Notes marked with a language. */
'use strict';
const observer = new IntersectionObserver(entries => {
  for (const entry of entries) {
    if (!entry.isIntersecting)
      continue;
    observer.unobserve(entry.target);
    const match = /(?:^|\s)language-([\w+#.-]+)/.exec(entry.target.className);
    if (match && hljs.getLanguage(match[1]))
      hljs.highlightBlock(entry.target);
  }
}, { rootMargin: '100% 0px' });
for (const code of document.querySelectorAll('pre > code[class*="language-"]'))
  observer.observe(code);
