// gen-vectors.mjs
//
// SPDX-FileCopyrightText: 2026 The LLM Notes authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Writes the reference vectors that tests/test-scheduler.c checks the C
// scheduler against, using ts-fsrs (the reference FSRS-6 implementation) as
// the oracle. Run by hand, never at build time:
//
//   cd tests/fsrs && npm ci && npm run generate
//
// The output is deterministic: the PRNG below is seeded with a constant, and
// the pinned ts-fsrs version is recorded in package-lock.json and in the
// file's header.
//
// Format (tab-separated, one record per line, '#' starts a comment):
//
//   C  cfg  retention  maximum_interval  learning_steps  relearning_steps  w
//        a configuration; steps are minutes joined by ',' ('-' for none),
//        w is the 21 parameters joined by ','
//   H  id  cfg  created
//        a new card created at unix second `created`, reviewed with cfg
//   R  now  grade  r_before  state  stability  difficulty  due  step  reps  lapses  again  hard  good  easy
//        one review of the last H card at unix second `now` with grade 1-4;
//        r_before is the retrievability just before the review;
//        the rest is the card after the review (due in unix seconds); again…easy
//        are the seconds until due had each grade been given instead (preview)

import {
  fsrs,
  createEmptyCard,
  default_w,
  State,
  Rating,
} from 'ts-fsrs';
import { readFileSync } from 'node:fs';

const tsFsrsVersion = JSON.parse(
  readFileSync(new URL('./node_modules/ts-fsrs/package.json', import.meta.url))
).version;

// mulberry32: small, fast and identical on every platform.
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

const rand = mulberry32(20260128);
const randInt = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

// Parameters that are not the defaults, to exercise the formulas with other
// numbers (an optimised set) and the clipping of out-of-range values.
const optimised_w = [
  0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616,
  0.1544, 1.0824, 1.9813, 0.0953, 0.2975, 2.2042, 0.2407, 2.9466, 0.5034,
  0.6567, 0.1, 0.2,
];
const out_of_range_w = [
  0.0001, 150, 2.3065, 8.2956, 12, 0.8334, 3.0194, 0.9, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 0.5, 0.5425, 0.0912, 0.001, 0.9,
];

// [weight, options]. Most histories use the app's defaults.
const configs = [
  [40, { request_retention: 0.9, maximum_interval: 36500, learning_steps: ['1m', '10m'], relearning_steps: ['10m'] }],
  [8, { request_retention: 0.8, maximum_interval: 36500, learning_steps: ['1m', '10m'], relearning_steps: ['10m'] }],
  [8, { request_retention: 0.95, maximum_interval: 36500, learning_steps: ['1m', '10m'], relearning_steps: ['10m'] }],
  [6, { request_retention: 0.7, maximum_interval: 36500, learning_steps: ['1m', '10m'], relearning_steps: ['10m'] }],
  [6, { request_retention: 0.75, maximum_interval: 60, learning_steps: ['1m', '10m'], relearning_steps: ['10m'] }],
  [5, { request_retention: 0.9, maximum_interval: 36500, learning_steps: [], relearning_steps: [] }],
  [5, { request_retention: 0.9, maximum_interval: 36500, learning_steps: ['1m', '10m', '60m'], relearning_steps: ['10m', '60m'] }],
  [5, { request_retention: 0.9, maximum_interval: 36500, learning_steps: ['10m', '1440m'], relearning_steps: ['1440m'] }],
  [5, { request_retention: 0.85, maximum_interval: 36500, learning_steps: ['5m'], relearning_steps: [] }],
  [6, { request_retention: 0.9, maximum_interval: 36500, learning_steps: ['1m', '10m'], relearning_steps: ['10m'], w: optimised_w }],
  [6, { request_retention: 0.9, maximum_interval: 36500, learning_steps: ['1m', '10m'], relearning_steps: ['10m', '30m', '120m'], w: out_of_range_w }],
];
const totalWeight = configs.reduce((sum, [weight]) => sum + weight, 0);

function pickConfig() {
  let x = rand() * totalWeight;
  for (let i = 0; i < configs.length; i++) {
    x -= configs[i][0];
    if (x < 0) return i;
  }
  return configs.length - 1;
}

function pickGrade() {
  const x = rand();
  if (x < 0.15) return Rating.Again;
  if (x < 0.30) return Rating.Hard;
  if (x < 0.85) return Rating.Good;
  return Rating.Easy;
}

// When the next review happens, in seconds after `now`: mostly around the
// due date, but also early (same day, to hit the short-term formula), late,
// and across UTC midnight at any second.
function nextDelay(card, now) {
  const scheduled = Math.max(60, card.due.getTime() / 1000 - now);
  const x = rand();
  if (x < 0.35) return Math.round(scheduled * (0.9 + rand() * 0.4));
  if (x < 0.55) return randInt(0, 1800);
  if (x < 0.70) return Math.round(scheduled * rand() * 2);
  if (x < 0.80) return Math.round(scheduled * (1 + rand() * 4));
  if (x < 0.95) return randInt(3600, 3 * 86400);
  return randInt(0, 59);
}

const minutes = (steps) =>
  steps.length ? steps.map((s) => String(parseInt(s, 10) * (s.endsWith('d') ? 1440 : s.endsWith('h') ? 60 : 1))).join(',') : '-';

const stateName = ['new', 'learning', 'review', 'relearning'];
const lines = [];

lines.push(`# fsrs-vectors v1: ts-fsrs ${tsFsrsVersion} (FSRS-6), enable_fuzz false, enable_short_term true`);
lines.push('# generated by tests/fsrs/gen-vectors.mjs; do not edit by hand');

const schedulers = configs.map(([, options], i) => {
  const f = fsrs({ ...options, enable_fuzz: false, enable_short_term: true });
  const w = options.w ?? default_w;
  lines.push(['C', i, options.request_retention, options.maximum_interval,
              minutes(options.learning_steps), minutes(options.relearning_steps),
              w.join(',')].join('\t'));
  return f;
});

const N_HISTORIES = 1200;

for (let h = 0; h < N_HISTORIES; h++) {
  const cfg = pickConfig();
  const f = schedulers[cfg];
  // 2024-01-01 .. 2026-01-01, any second.
  const created = randInt(1704067200, 1767225600);
  const length = randInt(1, 16);
  let card = createEmptyCard(new Date(created * 1000));
  let now = created + randInt(0, 3 * 86400);

  lines.push(['H', h, cfg, created].join('\t'));

  for (let i = 0; i < length; i++) {
    const at = new Date(now * 1000);
    const grade = pickGrade();
    const r = f.get_retrievability(card, at, false);
    const preview = f.repeat(card, at);
    const previews = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]
      .map((g) => preview[g].card.due.getTime() / 1000 - now);
    const next = f.next(card, at, grade).card;

    lines.push(['R', now, grade, r, stateName[next.state],
                next.stability, next.difficulty, next.due.getTime() / 1000,
                next.learning_steps, next.reps, next.lapses,
                ...previews].join('\t'));

    if (previews[grade - 1] !== next.due.getTime() / 1000 - now)
      throw new Error('preview and review disagree');

    card = next;
    now += nextDelay(card, now);
  }
}

process.stdout.write(lines.join('\n') + '\n');
