// SPDX-FileCopyrightText: 2026 The LLM Notes authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// After katex-options.js, which holds the options the app's page uses too.

/* Typesets the math LLM Notes left in the page, as the app does. */
'use strict';
for (const el of document.querySelectorAll('.math')) {
  try {
    katex.render(el.textContent, el, {
      ...LLM_KATEX_OPTIONS,
      displayMode: el.classList.contains('display'),
    });
  } catch (e) {
    el.classList.add('math-error');
  }
}
