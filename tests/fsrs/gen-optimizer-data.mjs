// gen-optimizer-data.mjs
//
// SPDX-FileCopyrightText: 2026 The LLM Notes authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writes the datasets that tests/test-optimizer.c trains the C optimiser on,
// with what the reference optimiser (fsrs-rs 6.5.0, through its Node binding
// @open-spaced-repetition/binding 0.5.0) makes of each. Run by hand, never at
// build time; the output is committed so the test suite needs no npm:
//
//   cd tests/fsrs && npm install && npm run generate-optimizer
//
// (The binding ships a Linux x64 add-on only, which `npm ci` refuses on a
// lock file written elsewhere: use `npm install`.)
//
// Each dataset is a simulated learner whose memory follows FSRS-6 with
// parameters of its own (the "true" ones, not the defaults), studying with
// the app's schedule (default parameters, 90 % retention, learning steps
// 1m 10m, relearning 10m). Whether a review is recalled is drawn from the
// true retrievability, so the data carry the learner's own forgetting
// curve for the optimiser to find. Sessions sometimes skip a day, so
// reviews also come late.
//
// For a dataset NAME it writes, into tests/data/fsrs/:
//   NAME.log   the reviews in the reviews.log format (UTC times)
//   NAME.ref   tab-separated facts, one per line:
//     reviews      lines in NAME.log
//     items        reviews the optimiser learns from (Anki's conversion)
//     days         days from the first review to the last
//     true_w       the simulated learner's parameters
//     reference_w  the reference's trained parameters (default seed)
//     evaluate     name  log_loss  rmse_bins  w   the reference's evaluation
//                  of parameters w on every item (names: default, true,
//                  reference)
//     seed_log_loss  seed  log_loss   the reference trained with other
//                  shuffle seeds, evaluated the same way

import {
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
  BindingMemoryState,
  computeParameters,
} from '@open-spaced-repetition/binding';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';

const bindingVersion = JSON.parse(
  readFileSync(new URL('./node_modules/@open-spaced-repetition/binding/package.json', import.meta.url))
).version;

const DEFAULT_W = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
  0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
  0.0912, 0.0658, 0.1542,
];

// mulberry32: small and identical on every platform.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Learners: each is the defaults moved towards a memory of its own.
const datasets = [
  {
    name: 'reviews-300', target: 300, days: 90, newPerDay: 0.8, seed: 301,
    // forgets fast, a weak first Good
    w: [0.15, 0.8, 1.5, 6.0, 6.8, 0.9, 2.6, 0.01, 1.6, 0.15, 1.0, 1.7, 0.07, 0.3, 1.9, 0.55, 1.9, 0.5, 0.1, 0.06, 0.2],
  },
  {
    name: 'reviews-1500', target: 1500, days: 120, newPerDay: 3.5, seed: 1501,
    // remembers well
    w: [0.4, 1.8, 4.0, 12.0, 5.9, 0.7, 2.2, 0.005, 2.1, 0.12, 0.9, 1.3, 0.05, 0.25, 1.4, 0.65, 2.0, 0.6, 0.1, 0.07, 0.25],
  },
  {
    name: 'reviews-6000', target: 6000, days: 150, newPerDay: 11, seed: 6001,
    w: [0.3, 1.0, 3.0, 10.0, 7.0, 0.6, 1.8, 0.02, 1.5, 0.2, 1.1, 1.9, 0.08, 0.35, 1.8, 0.5, 2.3, 0.45, 0.12, 0.08, 0.3],
  },
  {
    name: 'reviews-25000', target: 25000, days: 180, newPerDay: 28, seed: 25001,
    w: [0.25, 1.5, 2.8, 9.0, 6.2, 0.75, 2.5, 0.01, 1.95, 0.18, 0.85, 1.6, 0.06, 0.28, 1.55, 0.6, 2.1, 0.5, 0.09, 0.06, 0.18],
  },
];

const DAY = 86400;
// Monday 5 January 2026, 00:00 UTC.
const START = Date.UTC(2026, 0, 5) / 1000;

function retrievability(w, elapsedDays, stability) {
  const decay = -w[20];
  const factor = Math.pow(0.9, 1 / decay) - 1;
  return Math.pow(1 + factor * elapsedDays / stability, decay);
}

function pick(rand, weights) {
  let x = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function simulate(ds) {
  const rand = mulberry32(ds.seed);
  const truth = new FSRSBinding(ds.w);
  const scheduler = new FSRSBinding(DEFAULT_W);
  const cards = [];
  const reviews = [];  // [time, id, grade]
  const gradeName = ['', 'again', 'hard', 'good', 'easy'];

  // Applies a grade to a card at day `day`, second `time`.
  const review = (card, grade, day, time) => {
    const elapsed = card.lastDay === null ? 0 : day - card.lastDay;
    const t = truth.nextStates(card.truth, 0.9, elapsed);
    const s = scheduler.nextStates(card.sched, 0.9, elapsed);
    const key = gradeName[grade];
    card.truth = new BindingMemoryState(t[key].memory.stability, t[key].memory.difficulty);
    card.sched = new BindingMemoryState(s[key].memory.stability, s[key].memory.difficulty);
    card.lastDay = day;
    card.due = day + Math.max(1, Math.round(s[key].interval));
    reviews.push([time, card.id, grade]);
  };

  for (let day = 0; day < ds.days && reviews.length < ds.target; day++) {
    // One day in seven, on average, the learner does not study.
    if (day > 0 && rand() < 0.15) continue;

    // A session starts between 07:00 and 19:00 UTC; reviews are a few
    // seconds apart, so every review has a time of its own.
    let time = START + day * DAY + 7 * 3600 + Math.floor(rand() * 12 * 3600);
    const next = () => (time += 5 + Math.floor(rand() * 40));
    const later = [];  // same-day steps: [time, card, grade]

    for (const card of cards) {
      if (card.due > day) continue;
      const elapsed = day - card.lastDay;
      const r = retrievability(ds.w, elapsed, card.truth.stability);
      if (rand() < r) {
        review(card, 2 + pick(rand, [0.12, 0.78, 0.1]), day, next());
      } else {
        review(card, 1, day, next());
        // The relearning step, ten minutes later.
        later.push([time + 600 + Math.floor(rand() * 120), card, rand() < 0.85 ? 3 : 2]);
      }
    }

    // A fractional rate of new questions is met on average.
    const newToday = Math.floor(ds.newPerDay) + (rand() < ds.newPerDay % 1 ? 1 : 0);
    for (let i = 0; i < newToday; i++) {
      const card = {
        id: `q-${String(cards.length + 1).padStart(4, '0')}`,
        truth: null, sched: null, lastDay: null, due: 0,
      };
      cards.push(card);
      const first = 1 + pick(rand, [0.25, 0.1, 0.5, 0.15]);
      review(card, first, day, next());
      if (first === 1 || first === 2) {
        later.push([time + 60 + Math.floor(rand() * 600), card, 3]);
      } else if (first === 3 && rand() < 0.5) {
        later.push([time + 600 + Math.floor(rand() * 120), card, 3]);
      }
    }

    later.sort((a, b) => a[0] - b[0]);
    for (const [when, card, grade] of later) {
      time = Math.max(when, time + 1);
      review(card, grade, day, time);
    }
  }

  reviews.sort((a, b) => a[0] - b[0]);
  return reviews.slice(0, ds.target);
}

function isoTime(unix) {
  return new Date(unix * 1000).toISOString().replace('.000Z', 'Z');
}

// Anki's conversion: a card's reviews in time order, each with the UTC days
// since the one before; an item for every review after the first that falls
// on a later day, holding the history up to it; items sorted by the time of
// that review.
function toItems(reviews) {
  const byCard = new Map();
  for (const [time, id, grade] of reviews) {
    if (!byCard.has(id)) byCard.set(id, []);
    byCard.get(id).push([time, grade]);
  }
  const items = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => a[0] - b[0]);
    const history = [];
    for (let i = 0; i < list.length; i++) {
      const delta = i === 0 ? 0 : Math.floor(list[i][0] / DAY) - Math.floor(list[i - 1][0] / DAY);
      history.push([list[i][1], delta]);
      if (i > 0 && delta > 0) items.push([list[i][0], history.slice()]);
    }
  }
  items.sort((a, b) => a[0] - b[0]);
  return items.map(([, h]) => h);
}

const bindingItems = (items) =>
  items.map((h) => new FSRSBindingItem(h.map(([g, d]) => new FSRSBindingReview(g, d))));

const fmt = (x) => x.toPrecision(9).replace(/\.?0+$/, '');
const fmtW = (w) => w.map((x) => fmt(x)).join(',');

const outDir = new URL('../data/fsrs/', import.meta.url);
mkdirSync(outDir, { recursive: true });

for (const ds of datasets) {
  const reviews = simulate(ds);
  const items = toItems(reviews);
  const days = Math.floor(reviews[reviews.length - 1][0] / DAY) - Math.floor(reviews[0][0] / DAY);
  if (process.env.DRY) {
    console.error(`${ds.name}: ${reviews.length} reviews, ${items.length} items, ${days} days`);
    continue;
  }

  const gradeName = ['', 'again', 'hard', 'good', 'easy'];
  let log = '# llm-notes review log v1\n';
  const msRand = mulberry32(ds.seed + 7);
  for (const [time, id, grade] of reviews)
    log += `${isoTime(time)}\t${id}\t${gradeName[grade]}\t${2000 + Math.floor(msRand() * 20000)}\n`;
  writeFileSync(new URL(`${ds.name}.log`, outDir), log);

  const started = performance.now();
  const trained = await computeParameters(bindingItems(items), { enableShortTerm: true, numRelearningSteps: 1 });
  const seconds = (performance.now() - started) / 1000;

  const evaluate = (w) => new FSRSBinding(w).evaluate(bindingItems(items));

  let ref = `# ${ds.name}: written by tests/fsrs/gen-optimizer-data.mjs with @open-spaced-repetition/binding ${bindingVersion}\n`;
  ref += `reviews\t${reviews.length}\n`;
  ref += `items\t${items.length}\n`;
  ref += `days\t${days}\n`;
  ref += `true_w\t${fmtW(ds.w)}\n`;
  ref += `reference_w\t${fmtW(trained)}\n`;
  for (const [name, w] of [['default', DEFAULT_W], ['true', ds.w], ['reference', trained]]) {
    const m = evaluate(w);
    ref += `evaluate\t${name}\t${fmt(m.logLoss)}\t${fmt(m.rmseBins)}\t${fmtW(w)}\n`;
  }
  for (const seed of [1, 42, 7777]) {
    const w = await computeParameters(bindingItems(items), {
      enableShortTerm: true, numRelearningSteps: 1, trainingConfig: { numEpochs: 5, batchSize: 512, seed, maxSeqLen: 256, learningRate: 0.04, gamma: 1 },
    });
    ref += `seed_log_loss\t${seed}\t${fmt(evaluate(w).logLoss)}\n`;
  }
  writeFileSync(new URL(`${ds.name}.ref`, outDir), ref);
  console.error(`${ds.name}: ${reviews.length} reviews, ${items.length} items, ${days} days, trained in ${seconds.toFixed(2)} s`);
}
