/* SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in the app's isolated script world, never in the page's own (which
 * has JavaScript markup disabled), after katex-options.js and typeset.js.
 * Everything the app calls is a method of window.llmPage (llm-answer-view.c's
 * call_page() is the one caller): show() swaps in an answer, setDark()
 * follows a theme switch, find() highlights a search. Each returns what the
 * app waits for, most a promise that resolves once the change has been
 * painted. */

'use strict';

window.llmPage = (() => {
  const { unescapeHtml } = LLM_TYPESET;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
  }

  /* The renderer writes math as <span class="math inline">TeX</span> (or
   * display, or a <div>). Typesetting the HTML text, before it becomes nodes,
   * means no node of an answer ever has a JavaScript wrapper: a wrapper would
   * keep the whole answer alive after it is replaced, until the next full
   * garbage collection, and the web process grew by ~30 KB a switch. Most
   * answers come typeset already (llm-typesetter.c); what is left is
   * typeset here. */
  function typesetHtml(html) {
    return html.replace(LLM_TYPESET.MATH, typesetCached);
  }

  /* What some text became, bounded by the characters kept, the oldest
   * dropped first. */
  function boundedCache(maxChars) {
    const map = new Map();
    let chars = 0;

    return {
      get: key => map.get(key),
      add(key, value) {
        if (map.has(key))
          return;
        map.set(key, value);
        chars += key.length + value.length;
        for (const [oldKey, oldValue] of map) {
          if (chars <= maxChars)
            break;
          map.delete(oldKey);
          chars -= oldKey.length + oldValue.length;
        }
      },
    };
  }

  /* What each formula became, so that an answer shown again is not typeset
   * again: typesetting allocates far more than it returns, and over 1,000
   * switches through the bundled notes (three formulas) the web process
   * grew 21 MB typesetting at every show, 11 MB with this (bench.py, from
   * one pass over the answers). */
  const typesetCache = boundedCache(4 * 1024 * 1024);

  function typesetCached(all, tag, kind, tex) {
    let html = typesetCache.get(all);

    if (html === undefined) {
      html = LLM_TYPESET.typesetFormula(all, tag, kind, tex);
      typesetCache.add(all, html);
    }
    return html;
  }

  function typesetOne(el) {
    try {
      katex.render(el.textContent, el, {
        ...LLM_KATEX_OPTIONS,
        displayMode: el.classList.contains('display'),
      });
    } catch (e) {
      el.classList.add('math-error');
    }
  }

  /* Calls @callback once for each element observed, when it comes within
   * a screen of the viewport. */
  function whenNear(callback) {
    const observer = new IntersectionObserver(entries => {
      for (const entry of entries) {
        if (!entry.isIntersecting)
          continue;
        observer.unobserve(entry.target);
        callback(entry.target);
      }
    }, { rootMargin: '100% 0px' });
    return observer;
  }

  /* KaTeX takes a fraction of a millisecond per formula, so an answer of
   * megabytes can hold seconds of it: past this size formulas are typeset
   * only as they come near the viewport. Smaller answers are typeset at once,
   * so that printing, find and the first paint never see raw TeX. */
  const LAZY_MATH_BYTES = 1024 * 1024;
  let mathObserver = null;

  function isLarge(html) {
    if (html.length > LAZY_MATH_BYTES)
      return true;
    /* UTF-8 takes at most three bytes per UTF-16 unit. */
    return html.length * 3 > LAZY_MATH_BYTES &&
      new TextEncoder().encode(html).length > LAZY_MATH_BYTES;
  }

  function typeset(root, lazy) {
    if (!lazy) {
      for (const el of root.querySelectorAll('.math'))
        typesetOne(el);
      return;
    }

    /* A screen ahead, so that scrolling rarely shows TeX before it is set. */
    if (!mathObserver)
      mathObserver = whenNear(typesetOne);
    for (const el of root.querySelectorAll('.math'))
      mathObserver.observe(el);
  }

  /* Code blocks with a language (<code class="language-…">) are highlighted
   * with highlight.js as they come near the viewport, a few hundred lines per
   * task: neither a switch nor scrolling waits for a block of thousands of
   * lines. Each chunk continues the previous one's state, so a string or
   * comment spanning a chunk's end stays one. */
  const HIGHLIGHT_LINES = 200;
  let codeObserver = null;
  let codeGeneration = 0;

  /* What each block of up to HIGHLIGHT_LINES lines became, by language and
   * text, put back into an answer's HTML before it is parsed: as with
   * formulas, a block shown again is not highlighted again. Longer blocks
   * are highlighted again as they come into view, so that a switch never
   * parses thousands of highlighted lines at once. */
  const highlightCache = boundedCache(4 * 1024 * 1024);

  function highlightCached(html) {
    return html.replace(/<code class="language-([\w+#.-]+)">([^<]*)<\/code>/g, (all, language, text) => {
      const cached = highlightCache.get(language + '\n' + unescapeHtml(text));
      return cached === undefined ? all : `<code class="language-${language} hljs">${cached}</code>`;
    });
  }

  function highlightOne(code, generation) {
    const match = /(?:^|\s)language-([\w+#.-]+)/.exec(code.className);

    if (!match || typeof hljs === 'undefined' || !hljs.getLanguage(match[1]))
      return;

    const text = code.textContent;
    const lines = text.split('\n');
    let html = '';
    let state;
    let line = 0;

    const step = () => {
      if (generation !== codeGeneration || !code.isConnected)
        return;
      const end = Math.min(line + HIGHLIGHT_LINES, lines.length);
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
      if (lines.length <= HIGHLIGHT_LINES)
        highlightCache.add(match[1] + '\n' + text, html);
      /* The highlighting replaced the code's text, and its matches with it. */
      if (findNeedle)
        find(findNeedle, true);
    };
    step();
  }

  function highlight(root) {
    if (!root)
      return;
    if (!codeObserver)
      codeObserver = whenNear(code => highlightOne(code, codeGeneration));
    for (const code of root.querySelectorAll('pre > code[class*="language-"]:not(.hljs)'))
      codeObserver.observe(code);
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

  /* Resolves once the new answer has been painted. A resize observer is
   * called at the next rendering update, after layout and before paint;
   * the task after it comes once that update has painted. Not
   * requestAnimationFrame(): while the page asked for frame callbacks,
   * each call from the app left ~7 KB behind in the web process that
   * never came back, 10 of the 15 MB it grew over 1,000 switches
   * (bench.py). */
  function painted() {
    return new Promise(resolve => {
      const observer = new ResizeObserver(() => {
        observer.disconnect();
        setTimeout(() => resolve(true), 0);
      });
      observer.observe(document.documentElement);
    });
  }

  function setDark(dark) {
    document.documentElement.classList.toggle('dark', dark);
    return painted();
  }

  /* The user's own notes, in a section of their own under the answer: its
   * HTML, with the math typeset unless the note is over 1 MB. */
  function notesHtml(html, notesTitle) {
    if (!html)
      return '';
    return `<section class="my-notes"><h2>${escapeHtml(notesTitle)}</h2>` +
      `<div class="note-body">${isLarge(html) ? html : highlightCached(typesetHtml(html))}</div></section>`;
  }

  function typesetLargeNote(html) {
    if (html && isLarge(html))
      typeset(document.querySelector('section.my-notes .note-body'), true);
  }

  function setNote(html, notesTitle) {
    const old = document.querySelector('section.my-notes');

    if (old)
      old.remove();
    document.getElementById('content').insertAdjacentHTML('beforeend', notesHtml(html, notesTitle));
    typesetLargeNote(html);
    highlight(document.querySelector('section.my-notes'));
    return painted();
  }

  /* Self-test: the answer is in the page but covered until revealed; the
   * cover says @text. */
  function hideAnswer(text) {
    const cover = document.querySelector('.answer-cover');

    if (cover && text !== undefined)
      cover.textContent = text;
    document.body.classList.add('answer-hidden');
    return painted();
  }

  function revealAnswer() {
    document.body.classList.remove('answer-hidden');
    return painted();
  }

  /* A mock interview's verdict: each key point, covered or missed. */
  function showKeyPoints(texts, flags, title, coveredLabel, missedLabel) {
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
    return painted();
  }

  /* One string, parsed once: see typesetHtml(). An answer or note over
   * 1 MB is parsed with its TeX as it is, to be typeset as it scrolls in. */
  function show(number, title, topic, html, dark, note, notesTitle, hidden, lang, scroll) {
    dark = Boolean(dark);
    /* Fonts, line breaking and screen readers follow the notes' language. */
    if (lang)
      document.documentElement.lang = lang;
    const main = document.getElementById('content');
    const num = number ? `<span class="number">${escapeHtml(number + '.')}</span>` : '';
    const largeAnswer = isLarge(html);

    document.documentElement.classList.toggle('dark', dark);

    /* The app searches the new answer again if it wants to. */
    findMarks = [];
    findGroups = [];
    findCurrent = -1;
    findNeedle = '';

    /* The formulas and code of the answer being replaced are no longer
     * waited for. */
    if (mathObserver)
      mathObserver.disconnect();
    if (codeObserver)
      codeObserver.disconnect();
    codeGeneration++;

    main.innerHTML =
      /* Each title an isolate of its own: its direction controls end with it. */
      `<header><p class="topic"><bdi>${escapeHtml(topic)}</bdi></p><h1>${num}<bdi>${escapeHtml(title)}</bdi></h1></header>` +
      `<p class="answer-cover">${escapeHtml(hidden || '')}</p>` +
      `<article class="answer">${largeAnswer ? html : highlightCached(typesetHtml(html))}</article>` +
      notesHtml(note, notesTitle);
    if (largeAnswer)
      typeset(main.querySelector('article.answer'), true);
    typesetLargeNote(note);
    highlight(main);
    document.body.classList.toggle('answer-hidden', Boolean(hidden));
    window.scrollTo(0, scroll || 0);
    return painted();
  }

  /* Find in the page: every match of the search's term wrapped in
   * <mark class="llm-find">, the current one also "current" (solid and
   * outlined, where the others are yellow), so a match inside a key point's
   * <mark> still shows. WebKit's own find painted the current match the
   * palest, and cannot say which one of how many it is. Matching folds case,
   * full-width forms and accents, one character at a time, as the search
   * does. */
  let findMarks = [];
  let findCurrent = -1;
  let findNeedle = '';

  function foldChar(ch) {
    const folded = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    return folded.length === ch.length ? folded : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }

  function fold(text) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      /* A surrogate pair stays as it is. */
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        out += text[i] + text[i + 1];
        i++;
        continue;
      }
      out += foldChar(text[i]);
    }
    return out;
  }

  function clearFindMarks() {
    for (const mark of findMarks) {
      const parent = mark.parentNode;
      if (!parent)
        continue;
      mark.replaceWith(...mark.childNodes);
      parent.normalize();
    }
    findMarks = [];
    findCurrent = -1;
  }

  function findSkips(node) {
    const el = node.parentElement;
    if (!el || el.closest('.katex-mathml, .answer-cover, .code-header, script, style'))
      return true;
    if (document.body.classList.contains('answer-hidden') &&
        el.closest('article.answer, section.my-notes'))
      return true;
    return false;
  }

  /* Marks every match; returns how many there are. */
  function markMatches(needle) {
    const folded = fold(needle);
    const root = document.getElementById('content');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: node => findSkips(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes = [];
    let text = '';

    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: text.length });
      text += fold(node.data);
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

  function showCurrentMatch(scroll) {
    findMarks.forEach(mark => mark.classList.remove('current'));
    const pieces = findGroups[findCurrent] || [];
    pieces.forEach(mark => mark.classList.add('current'));
    if (scroll && pieces.length)
      pieces[0].scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  let findGroups = [];

  /* Highlights @needle; @keep keeps the current match (the notes were
   * swapped under it) instead of going to the first one. Returns
   * [count, current (from 1)]. */
  function find(needle, keep) {
    const current = findCurrent;
    clearFindMarks();
    findGroups = [];
    findNeedle = needle || '';
    if (!findNeedle)
      return [0, 0];

    findGroups = markMatches(findNeedle);
    findMarks = findGroups.flat();
    if (!findGroups.length)
      return [0, 0];
    findCurrent = keep && current >= 0 ? Math.min(current, findGroups.length - 1) : 0;
    showCurrentMatch(!keep);
    return [findGroups.length, findCurrent + 1];
  }

  /* Steps to the next (+1) or previous (-1) match, round the ends. */
  function findStep(offset) {
    const n = findGroups.length;
    if (!n)
      return [0, 0];
    findCurrent = (findCurrent + offset + n) % n;
    showCurrentMatch(true);
    return [n, findCurrent + 1];
  }

  /* The app keeps each collection's place: it hears where the answer is
   * scrolled to once scrolling has stopped, not at every step. */
  let scrollTimer = 0;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => window.webkit.messageHandlers.llmScroll.postMessage(window.scrollY), 150);
  }, { passive: true });

  /* The answer's text for screen readers (llm-answer-view-a11y.c): the
   * rendered elements under #content, a line per block; math as its TeX
   * source (KaTeX keeps it in the MathML's annotation), which reads better
   * than MathML's tokens one by one. */
  function readText() {
    const parts = [];
    const blocks = /^(block|flex|grid|list-item|table|flow-root)/;
    const walk = node => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          parts.push(child.data);
          continue;
        }
        if (child.nodeType !== Node.ELEMENT_NODE || child.getAttribute('aria-hidden') === 'true')
          continue;
        if (child.localName === 'math' || child.classList.contains('katex')) {
          const tex = child.querySelector('annotation');
          parts.push(' ', (tex || child).textContent, ' ');
          continue;
        }
        const style = getComputedStyle(child);
        if (style.display === 'none' || style.visibility === 'hidden')
          continue;
        const block = blocks.test(style.display);
        if (block) parts.push('\n');
        walk(child);
        if (block) parts.push('\n');
      }
    };
    const content = document.getElementById('content');
    if (content) walk(content);
    return parts.join('').replace(/[ \t\r]*\n\s*/g, '\n').trim();
  }

  /* All the app calls, by name; nothing else of this file is reachable. */
  return Object.freeze({
    show, setNote, setDark, hideAnswer, revealAnswer, showKeyPoints,
    find, findStep, painted, readText,
  });
})();
