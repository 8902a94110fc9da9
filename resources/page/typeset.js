/* SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place where the renderer's math, <span class="math inline">TeX
 * </span> (or display, or a <div>), becomes KaTeX's HTML. Two run it, each
 * after KaTeX and katex-options.js: the typesetting helper
 * (llm-notes-typeset, in a JavaScriptCore context of its own), which
 * typesets an answer's formulas before the app sends it to the page, and
 * the answer page's script world (page.js), for what the helper did not
 * typeset. A formula typeset either way reads the same. */

'use strict';

const LLM_TYPESET = (() => {
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

  function unescapeHtml(text) {
    return text.replace(/&(amp|lt|gt|quot|apos|#39|#x[0-9a-fA-F]+|#[0-9]+);/g, (all, name) => {
      if (name in entities)
        return entities[name];
      return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    });
  }

  /* A formula not yet typeset: its text holds no tag. */
  const MATH = /<(span|div) class="math (inline|display)">([^<]*)<\/\1>/g;

  function typesetFormula(all, tag, kind, tex) {
    try {
      return `<${tag} class="math ${kind}">` + katex.renderToString(unescapeHtml(tex), {
        ...LLM_KATEX_OPTIONS,
        displayMode: kind === 'display',
      }) + `</${tag}>`;
    } catch (e) {
      return `<${tag} class="math ${kind} math-error">${tex}</${tag}>`;
    }
  }

  function typesetHtml(html) {
    return html.replace(MATH, typesetFormula);
  }

  return Object.freeze({ MATH, unescapeHtml, typesetFormula, typesetHtml });
})();
