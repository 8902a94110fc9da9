/* SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in the app's isolated script world, never in the page's own (which
 * has JavaScript markup disabled). The app calls llmShow() to swap in an
 * answer and llmSetDark() on a theme switch. */

'use strict';

const llmEntities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function llmUnescape(text) {
  return text.replace(/&(amp|lt|gt|quot|#39|#x[0-9a-fA-F]+|#[0-9]+);/g, (all, name) => {
    if (name in llmEntities)
      return llmEntities[name];
    return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
  });
}

function llmEscape(text) {
  return String(text).replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
}

/* The renderer writes math as <span class="math inline">TeX</span> (or
 * display, or a <div>). Typesetting the HTML text, before it becomes nodes,
 * means no node of an answer ever has a JavaScript wrapper: a wrapper would
 * keep the whole answer alive after it is replaced, until the next full
 * garbage collection, and the web process grew by ~30 KB a switch. */
function llmTypesetHtml(html) {
  return html.replace(/<(span|div) class="math (inline|display)">([^<]*)<\/\1>/g, (all, tag, kind, tex) => {
    try {
      return `<${tag} class="math ${kind}">` + katex.renderToString(llmUnescape(tex), {
        displayMode: kind === 'display',
        throwOnError: false,
        trust: false,
        maxExpand: 500,
      }) + `</${tag}>`;
    } catch (e) {
      return `<${tag} class="math ${kind} math-error">${tex}</${tag}>`;
    }
  });
}

function llmTypesetOne(el) {
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

/* KaTeX takes a fraction of a millisecond per formula, so an answer of
 * megabytes can hold seconds of it: past this size formulas are typeset
 * only as they come near the viewport. Smaller answers are typeset at once,
 * so that printing, find and the first paint never see raw TeX. */
const LLM_LAZY_MATH_BYTES = 1024 * 1024;
let llmMathObserver = null;

function llmIsLarge(html) {
  if (html.length > LLM_LAZY_MATH_BYTES)
    return true;
  /* UTF-8 takes at most three bytes per UTF-16 unit. */
  return html.length * 3 > LLM_LAZY_MATH_BYTES &&
    new TextEncoder().encode(html).length > LLM_LAZY_MATH_BYTES;
}

function llmTypeset(root, lazy) {
  if (!lazy) {
    for (const el of root.querySelectorAll('.math'))
      llmTypesetOne(el);
    return;
  }

  /* A screen ahead, so that scrolling rarely shows TeX before it is set. */
  if (!llmMathObserver)
    llmMathObserver = new IntersectionObserver(entries => {
      for (const entry of entries) {
        if (!entry.isIntersecting)
          continue;
        llmMathObserver.unobserve(entry.target);
        llmTypesetOne(entry.target);
      }
    }, { rootMargin: '100% 0px' });
  for (const el of root.querySelectorAll('.math'))
    llmMathObserver.observe(el);
}

/* Code blocks with a language (<code class="language-…">) are highlighted
 * with highlight.js as they come near the viewport, a few hundred lines per
 * task: neither a switch nor scrolling waits for a block of thousands of
 * lines. Each chunk continues the previous one's state, so a string or
 * comment spanning a chunk's end stays one. */
const LLM_HIGHLIGHT_LINES = 200;
let llmCodeObserver = null;
let llmCodeGeneration = 0;

function llmHighlightOne(code, generation) {
  const match = /(?:^|\s)language-([\w+#.-]+)/.exec(code.className);

  if (!match || typeof hljs === 'undefined' || !hljs.getLanguage(match[1]))
    return;

  const lines = code.textContent.split('\n');
  let html = '';
  let state;
  let line = 0;

  const step = () => {
    if (generation !== llmCodeGeneration || !code.isConnected)
      return;
    const end = Math.min(line + LLM_HIGHLIGHT_LINES, lines.length);
    const chunk = lines.slice(line, end).join('\n') + (end < lines.length ? '\n' : '');
    const result = hljs.highlight(match[1], chunk, true, state);

    html += result.value;
    state = result.top;
    line = end;
    if (line < lines.length) {
      setTimeout(step, 0);
      return;
    }
    code.innerHTML = html;
    code.classList.add('hljs');
    /* The highlighting replaced the code's text, and its matches with it. */
    if (llmFindNeedle)
      llmFind(llmFindNeedle, true);
  };
  step();
}

function llmHighlight(root) {
  if (!root)
    return;
  if (!llmCodeObserver)
    llmCodeObserver = new IntersectionObserver(entries => {
      for (const entry of entries) {
        if (!entry.isIntersecting)
          continue;
        llmCodeObserver.unobserve(entry.target);
        llmHighlightOne(entry.target, llmCodeGeneration);
      }
    }, { rootMargin: '100% 0px' });
  for (const code of root.querySelectorAll('pre > code[class*="language-"]'))
    llmCodeObserver.observe(code);
}

/* The Copy button of a code block: the page has no clipboard access, so
 * the code goes to the app, which puts it on the clipboard. */
document.addEventListener('click', event => {
  const button = event.target instanceof Element ? event.target.closest('button.code-copy') : null;
  const code = button ? button.closest('.code-block').querySelector('pre > code') : null;

  if (!code)
    return;
  window.webkit.messageHandlers.llmCopy.postMessage(code.textContent);
  if (!button.dataset.label)
    button.dataset.label = button.textContent;
  button.textContent = button.dataset.done;
  clearTimeout(button.llmTimer);
  button.llmTimer = setTimeout(() => { button.textContent = button.dataset.label; }, 1500);
});

/* Resolves once the new answer has been painted: the second animation
 * frame comes after the first one was drawn. */
function llmPainted() {
  return new Promise(resolve =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));
}

function llmSetDark(dark) {
  document.documentElement.classList.toggle('dark', dark);
  return llmPainted();
}

/* The user's own notes, in a section of their own under the answer: its
 * HTML, with the math typeset unless the note is over 1 MB. */
function llmNotesHtml(html, notesTitle) {
  if (!html)
    return '';
  return `<section class="my-notes"><h2>${llmEscape(notesTitle)}</h2>` +
    `<div class="note-body">${llmIsLarge(html) ? html : llmTypesetHtml(html)}</div></section>`;
}

function llmTypesetLargeNote(html) {
  if (html && llmIsLarge(html))
    llmTypeset(document.querySelector('section.my-notes .note-body'), true);
}

function llmSetNote(html, notesTitle) {
  const old = document.querySelector('section.my-notes');

  if (old)
    old.remove();
  document.getElementById('content').insertAdjacentHTML('beforeend', llmNotesHtml(html, notesTitle));
  llmTypesetLargeNote(html);
  llmHighlight(document.querySelector('section.my-notes'));
  return llmPainted();
}

/* Self-test: the answer is in the page but covered until revealed. */
function llmHideAnswer(text) {
  document.body.classList.add('answer-hidden');
  if (text !== undefined)
    document.body.dataset.hiddenText = text;
  return llmPainted();
}

function llmRevealAnswer() {
  document.body.classList.remove('answer-hidden');
  return llmPainted();
}

/* A mock interview's verdict: each key point, covered or missed. */
function llmShowKeyPoints(texts, flags, title, coveredLabel, missedLabel) {
  const old = document.querySelector('section.key-points');
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  const list = document.createElement('ul');

  if (old)
    old.remove();
  section.className = 'key-points';
  heading.textContent = title;
  texts.split('\n').forEach((text, i) => {
    const item = document.createElement('li');
    const covered = flags[i] === '1';
    const mark = document.createElement('span');

    item.className = covered ? 'covered' : 'missed';
    mark.className = 'verdict';
    mark.textContent = covered ? coveredLabel : missedLabel;
    item.append(mark, ' ', text);
    list.append(item);
  });
  section.append(heading, list);
  document.querySelector('#content header').after(section);
  return llmPainted();
}

/* One string, parsed once: see llmTypesetHtml(). An answer or note over
 * 1 MB is parsed with its TeX as it is, to be typeset as it scrolls in. */
function llmShow(number, title, topic, html, dark, note, notesTitle, hidden, lang, scroll) {
  dark = Boolean(dark);
  /* Fonts, line breaking and screen readers follow the notes' language. */
  if (lang)
    document.documentElement.lang = lang;
  const main = document.getElementById('content');
  const num = number ? `<span class="number">${llmEscape(number + '.')}</span>` : '';
  const largeAnswer = llmIsLarge(html);

  document.documentElement.classList.toggle('dark', dark);

  /* The app searches the new answer again if it wants to. */
  llmFindMarks = [];
  llmFindGroups = [];
  llmFindCurrent = -1;
  llmFindNeedle = '';

  /* The formulas and code of the answer being replaced are no longer
   * waited for. */
  if (llmMathObserver)
    llmMathObserver.disconnect();
  if (llmCodeObserver)
    llmCodeObserver.disconnect();
  llmCodeGeneration++;

  main.innerHTML =
    /* Each title an isolate of its own: its direction controls end with it. */
    `<header><p class="topic"><bdi>${llmEscape(topic)}</bdi></p><h1>${num}<bdi>${llmEscape(title)}</bdi></h1></header>` +
    `<p class="answer-cover">${llmEscape(hidden || '')}</p>` +
    `<article class="answer">${largeAnswer ? html : llmTypesetHtml(html)}</article>` +
    llmNotesHtml(note, notesTitle);
  if (largeAnswer)
    llmTypeset(main.querySelector('article.answer'), true);
  llmTypesetLargeNote(note);
  llmHighlight(main);
  document.body.classList.toggle('answer-hidden', Boolean(hidden));
  window.scrollTo(0, scroll || 0);
  return llmPainted();
}

/* Find in the page: every match of the search's term wrapped in
 * <mark class="llm-find">, the current one also "current" (solid and
 * outlined, where the others are yellow), so a match inside a key point's
 * <mark> still shows. WebKit's own find painted the current match the
 * palest, and cannot say which one of how many it is. Matching folds case,
 * full-width forms and accents, one character at a time, as the search
 * does. */
let llmFindMarks = [];
let llmFindCurrent = -1;
let llmFindNeedle = '';

function llmFoldChar(ch) {
  const folded = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.length === ch.length ? folded : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
}

function llmFold(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    /* A surrogate pair stays as it is. */
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      out += text[i] + text[i + 1];
      i++;
      continue;
    }
    out += llmFoldChar(text[i]);
  }
  return out;
}

function llmFindClearMarks() {
  for (const mark of llmFindMarks) {
    const parent = mark.parentNode;
    if (!parent)
      continue;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
  llmFindMarks = [];
  llmFindCurrent = -1;
}

function llmFindSkip(node) {
  const el = node.parentElement;
  if (!el || el.closest('.katex-mathml, .answer-cover, .code-header, script, style'))
    return true;
  if (document.body.classList.contains('answer-hidden') &&
      el.closest('article.answer, section.my-notes'))
    return true;
  return false;
}

/* Marks every match; returns how many there are. */
function llmFindMark(needle) {
  const folded = llmFold(needle);
  const root = document.getElementById('content');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: node => llmFindSkip(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes = [];
  let text = '';

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node, start: text.length });
    text += llmFold(node.data);
  }

  /* Each match as pieces of the text nodes it spans, last match first so
   * that wrapping one never moves the offsets of those before it. */
  const matches = [];
  for (let at = text.indexOf(folded); folded && at >= 0; at = text.indexOf(folded, at + folded.length))
    matches.push([at, at + folded.length]);

  const marks = [];
  for (let m = matches.length - 1; m >= 0; m--) {
    const [from, to] = matches[m];
    const pieces = [];
    for (let n = nodes.length - 1; n >= 0; n--) {
      const { node, start } = nodes[n];
      const end = start + node.data.length;
      if (end <= from || start >= to)
        continue;
      const range = document.createRange();
      range.setStart(node, Math.max(from, start) - start);
      range.setEnd(node, Math.min(to, end) - start);
      const mark = document.createElement('mark');
      mark.className = 'llm-find';
      range.surroundContents(mark);
      pieces.unshift(mark);
    }
    marks.unshift(pieces);
  }
  return marks;
}

function llmFindShowCurrent(scroll) {
  llmFindMarks.forEach(mark => mark.classList.remove('current'));
  const pieces = llmFindGroups[llmFindCurrent] || [];
  pieces.forEach(mark => mark.classList.add('current'));
  if (scroll && pieces.length)
    pieces[0].scrollIntoView({ block: 'center', inline: 'nearest' });
}

let llmFindGroups = [];

/* Highlights @needle; @keep keeps the current match (the notes were
 * swapped under it) instead of going to the first one. Returns
 * [count, current (from 1)]. */
function llmFind(needle, keep) {
  const current = llmFindCurrent;
  llmFindClearMarks();
  llmFindGroups = [];
  llmFindNeedle = needle || '';
  if (!llmFindNeedle)
    return [0, 0];

  llmFindGroups = llmFindMark(llmFindNeedle);
  llmFindMarks = llmFindGroups.flat();
  if (!llmFindGroups.length)
    return [0, 0];
  llmFindCurrent = keep && current >= 0 ? Math.min(current, llmFindGroups.length - 1) : 0;
  llmFindShowCurrent(!keep);
  return [llmFindGroups.length, llmFindCurrent + 1];
}

/* Steps to the next (+1) or previous (-1) match, round the ends. */
function llmFindStep(offset) {
  const n = llmFindGroups.length;
  if (!n)
    return [0, 0];
  llmFindCurrent = (llmFindCurrent + offset + n) % n;
  llmFindShowCurrent(true);
  return [n, llmFindCurrent + 1];
}

/* The app keeps each collection's place: it hears where the answer is
 * scrolled to once scrolling has stopped, not at every step. */
let llmScrollTimer = 0;
window.addEventListener('scroll', () => {
  clearTimeout(llmScrollTimer);
  llmScrollTimer = setTimeout(() => window.webkit.messageHandlers.llmScroll.postMessage(window.scrollY), 150);
}, { passive: true });
