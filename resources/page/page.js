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
function llmShow(number, title, topic, html, dark, note, notesTitle, hidden) {
  dark = Boolean(dark);
  const main = document.getElementById('content');
  const num = number ? `<span class="number">${llmEscape(number + '.')}</span>` : '';
  const largeAnswer = llmIsLarge(html);

  document.documentElement.classList.toggle('dark', dark);

  /* The formulas of the answer being replaced are no longer waited for. */
  if (llmMathObserver)
    llmMathObserver.disconnect();

  main.innerHTML =
    /* Each title an isolate of its own: its direction controls end with it. */
    `<header><p class="topic"><bdi>${llmEscape(topic)}</bdi></p><h1>${num}<bdi>${llmEscape(title)}</bdi></h1></header>` +
    `<p class="answer-cover">${llmEscape(hidden || '')}</p>` +
    `<article class="answer">${largeAnswer ? html : llmTypesetHtml(html)}</article>` +
    llmNotesHtml(note, notesTitle);
  if (largeAnswer)
    llmTypeset(main.querySelector('article.answer'), true);
  llmTypesetLargeNote(note);
  document.body.classList.toggle('answer-hidden', Boolean(hidden));
  window.scrollTo(0, 0);
  return llmPainted();
}
