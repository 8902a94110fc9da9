// SPDX-FileCopyrightText: 2026 The LLM Notes authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How KaTeX typesets, for the app's answer page (page.js) and the HTML
// export (render-math.js) alike, so math looks the same in both; each adds
// displayMode. trust: false keeps \href{javascript:…} and friends from
// becoming links; maxExpand bounds a macro that expands without end.

/* The KaTeX options of LLM Notes. */
'use strict';
const LLM_KATEX_OPTIONS = Object.freeze({
  throwOnError: false,
  trust: false,
  maxExpand: 500,
});
