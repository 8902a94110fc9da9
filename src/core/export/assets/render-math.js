// SPDX-FileCopyrightText: 2026 The LLM Notes authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The same KaTeX options as the app's page.js, so math looks the same.
// trust: false keeps \href{javascript:…} and friends from becoming links.

/* Typesets the math LLM Notes left in the page, as the app does. */
'use strict';
for (const el of document.querySelectorAll('.math')) {
  try {
    katex.render(el.textContent, el, {
      displayMode: el.classList.contains('display'),
      throwOnError: false,
      trust: false,
      maxExpand: 500,
    });
  } catch (e) {
    el.classList.add('math-error');
  }
}
