/* llm-scheduler.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* FSRS-6 spaced repetition, as Anki has used it since 2025, written to give
 * exactly what the reference implementation ts-fsrs 5.x gives with
 * enable_short_term on (its default): the same formulas, the same rounding
 * of every intermediate to 8 decimals, the same (re)learning steps and the
 * same fuzz ranges. tests/test-scheduler.c checks it against vectors that
 * ts-fsrs generated (tests/fsrs/gen-vectors.mjs).
 *
 * Everything here is a pure function of its arguments: the schedule is
 * derived from the review log, so replaying it must give the same answer on
 * every machine, at any time. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "llm-scheduler.h"

#define SECONDS_PER_DAY   86400
#define MINUTES_PER_DAY   1440
#define S_MIN             0.001
#define S_MAX             36500.0
#define INIT_S_MAX        100.0
#define W17_W18_CEILING   2.0

/* The published FSRS-6 defaults (fsrs-rs, ts-fsrs default_w). */
static const double default_w[LLM_SCHEDULER_N_PARAMS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
  0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
  0.0912, 0.0658, 0.1542,
};

/* Bounds each parameter is clipped to (ts-fsrs CLAMP_PARAMETERS, with short
 * term on, which lifts w[19]'s floor to 0.01). w[17] and w[18] may be
 * lowered further, see model_init(). */
static const double w_bounds[LLM_SCHEDULER_N_PARAMS][2] = {
  { S_MIN, INIT_S_MAX }, { S_MIN, INIT_S_MAX }, { S_MIN, INIT_S_MAX }, { S_MIN, INIT_S_MAX },
  { 1, 10 }, { 0.001, 4 }, { 0.001, 4 }, { 0.001, 0.75 }, { 0, 4.5 }, { 0, 0.8 },
  { 0.001, 3.5 }, { 0.001, 5 }, { 0.001, 0.25 }, { 0.001, 0.9 }, { 0, 4 }, { 0, 1 },
  { 1, 6 }, { 0, W17_W18_CEILING }, { 0, W17_W18_CEILING }, { 0.01, 0.8 }, { 0.1, 0.8 },
};

/* The parameters after clipping, plus what follows from them. */
typedef struct
{
  const LlmSchedulerParams *params;
  double w[LLM_SCHEDULER_N_PARAMS];
  double decay;
  double factor;
  double interval_modifier;
  guint maximum_interval;
} Model;

/* JavaScript's Math.round: halves go up, also for negative numbers. Written
 * without floor (x + 0.5), which rounds 0.49999999999999994 up. */
static double
js_round (double x)
{
  double r = floor (x);

  if (x - r >= 0.5)
    r += 1.0;

  return r;
}

/* The reference rounds nearly every intermediate to 8 decimals; doing the
 * same is what keeps long histories from drifting apart. */
static double
round8 (double x)
{
  return js_round (x * 1e8) / 1e8;
}

static double
clampd (double x,
        double lo,
        double hi)
{
  return MIN (MAX (x, lo), hi);
}

static void
model_init (Model                    *m,
            const LlmSchedulerParams *params)
{
  double retention;
  double ceiling = W17_W18_CEILING;

  m->params = params;

  for (guint i = 0; i < LLM_SCHEDULER_N_PARAMS; i++)
    {
      double v = isnan (params->w[i]) ? 0 : params->w[i];

      m->w[i] = clampd (v, w_bounds[i][0], w_bounds[i][1]);
    }

  /* With several relearning steps, each Again-then-Good inside a day
   * multiplies stability by exp(w17 * w18) at least; cap them so a lapse
   * can't end with more stability than it began (ts-fsrs 5.4.1). */
  if (params->n_relearning_steps > 1)
    {
      double value = -(log (m->w[11]) + log (pow (2, m->w[13]) - 1) + m->w[14] * 0.3)
                     / params->n_relearning_steps;

      ceiling = clampd (round8 (sqrt (MAX (value, 0))), 0.01, W17_W18_CEILING);
      m->w[17] = MIN (m->w[17], ceiling);
      m->w[18] = MIN (m->w[18], ceiling);
    }

  m->decay = -m->w[20];
  /* pow (decay, -1) rather than 1 / decay, as the reference writes it. */
  m->factor = round8 (exp (pow (m->decay, -1) * log (0.9)) - 1);

  retention = params->desired_retention;
  if (!(retention >= LLM_SCHEDULER_MIN_RETENTION))
    retention = isnan (retention) ? LLM_SCHEDULER_DEFAULT_RETENTION : LLM_SCHEDULER_MIN_RETENTION;
  retention = MIN (retention, LLM_SCHEDULER_MAX_RETENTION);
  m->interval_modifier = round8 ((pow (retention, 1 / m->decay) - 1) / m->factor);

  m->maximum_interval = params->maximum_interval > 0 ? params->maximum_interval
                                                     : LLM_SCHEDULER_DEFAULT_MAXIMUM_INTERVAL;
}

static double
forgetting_curve (const Model *m,
                  double       elapsed_days,
                  double       stability)
{
  return round8 (pow (1 + m->factor * elapsed_days / stability, m->decay));
}

static double
init_difficulty (const Model *m,
                 LlmGrade     grade)
{
  return round8 (m->w[4] - exp ((grade - 1) * m->w[5]) + 1);
}

static double
next_difficulty (const Model *m,
                 double       d,
                 LlmGrade     grade)
{
  double delta_d = -m->w[6] * ((int)grade - 3);
  /* Linear damping: the closer to 10, the smaller the step. */
  double next_d = d + round8 (delta_d * (10 - d) / 9);
  /* Mean reversion towards the difficulty of a first Easy. */
  double reverted = round8 (m->w[7] * init_difficulty (m, LLM_GRADE_EASY) + (1 - m->w[7]) * next_d);

  return clampd (reverted, 1, 10);
}

static double
next_recall_stability (const Model *m,
                       double       d,
                       double       s,
                       double       r,
                       LlmGrade     grade)
{
  const double *w = m->w;
  double hard_penalty = grade == LLM_GRADE_HARD ? w[15] : 1;
  double easy_bonus = grade == LLM_GRADE_EASY ? w[16] : 1;

  return round8 (clampd (s * (1 + exp (w[8]) * (11 - d) * pow (s, -w[9])
                                  * (exp ((1 - r) * w[10]) - 1) * hard_penalty * easy_bonus),
                         S_MIN, S_MAX));
}

static double
next_forget_stability (const Model *m,
                       double       d,
                       double       s,
                       double       r)
{
  const double *w = m->w;

  return round8 (clampd (w[11] * pow (d, -w[12]) * (pow (s + 1, w[13]) - 1) * exp ((1 - r) * w[14]),
                         S_MIN, S_MAX));
}

static double
next_short_term_stability (const Model *m,
                           double       s,
                           LlmGrade     grade)
{
  const double *w = m->w;
  double sinc = pow (s, -w[19]) * exp (w[17] * ((int)grade - 3 + w[18]));

  /* A same-day Hard or better never lowers stability (fsrs-rs#376). */
  if (grade >= LLM_GRADE_HARD)
    sinc = MAX (sinc, 1);

  return round8 (clampd (s * sinc, S_MIN, S_MAX));
}

/* The memory state after a review @elapsed_days calendar days after the
 * previous one; @r is the retrievability at that moment. */
static void
next_memory_state (const Model   *m,
                   const LlmCard *card,
                   guint          elapsed_days,
                   LlmGrade       grade,
                   double         r,
                   double        *out_d,
                   double        *out_s)
{
  double d = card->difficulty;
  double s = card->stability;

  if (d == 0 && s == 0)
    {
      *out_d = clampd (init_difficulty (m, grade), 1, 10);
      *out_s = MAX (m->w[grade - 1], 0.1);
      return;
    }

  /* A state the reference would refuse (hand-edited or corrupt data):
   * start over rather than feed nonsense into pow(). */
  if (d < 1 || s < S_MIN || !isfinite (d) || !isfinite (s))
    {
      d = clampd (isfinite (d) ? d : 1, 1, 10);
      s = clampd (isfinite (s) ? s : S_MIN, S_MIN, S_MAX);
    }

  if (elapsed_days == 0)
    *out_s = next_short_term_stability (m, s, grade);
  else if (grade == LLM_GRADE_AGAIN)
    {
      double after_fail = next_forget_stability (m, d, s, r);
      double floor_s = round8 (s / exp (m->w[17] * m->w[18]));

      *out_s = MIN (MAX (floor_s, S_MIN), after_fail);
    }
  else
    *out_s = next_recall_stability (m, d, s, r, grade);

  *out_d = next_difficulty (m, d, grade);
}

/* splitmix64's finaliser: every input bit affects every output bit. */
static guint64
mix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

static guint64
double_bits (double x)
{
  guint64 bits;

  memcpy (&bits, &x, sizeof bits);
  return bits;
}

/* A number in [0, 1) that depends on the seed and the card as it was before
 * the review, but not on the time of the review: the interval the buttons
 * preview is then the one a click a few seconds later schedules. */
static double
fuzz_factor (const Model   *m,
             const LlmCard *card)
{
  guint64 h = mix64 (m->params->fuzz_seed);

  h = mix64 (h ^ card->reps);
  h = mix64 (h ^ (guint64)card->last_review);
  h = mix64 (h ^ double_bits (card->stability));
  h = mix64 (h ^ double_bits (card->difficulty));

  return (h >> 11) * (1.0 / (G_GUINT64_CONSTANT (1) << 53));
}

/* Anki's fuzz: ±15% of the part of the interval between 2.5 and 7 days, ±10%
 * between 7 and 20, ±5% beyond, plus one day; never earlier than tomorrow
 * relative to the last review. */
static void
fuzz_range (double  interval,
            guint   elapsed_days,
            guint   maximum_interval,
            double *min_ivl,
            double *max_ivl)
{
  static const struct { double start, end, factor; } ranges[] = {
    { 2.5, 7, 0.15 },
    { 7, 20, 0.1 },
    { 20, INFINITY, 0.05 },
  };
  double delta = 1;
  double lo, hi;

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    delta += ranges[i].factor * MAX (MIN (interval, ranges[i].end) - ranges[i].start, 0);

  interval = MIN (interval, maximum_interval);
  lo = MAX (2, js_round (interval - delta));
  hi = MIN (js_round (interval + delta), maximum_interval);
  if (interval > elapsed_days)
    lo = MAX (lo, elapsed_days + 1.0);
  lo = MIN (lo, hi);

  *min_ivl = lo;
  *max_ivl = hi;
}

/* Whole days until the next review for @stability. */
static gint64
next_interval (const Model *m,
               double       stability,
               guint        elapsed_days,
               double       fuzz)
{
  double ivl = MIN (MAX (1, js_round (stability * m->interval_modifier)), m->maximum_interval);
  double lo, hi;

  if (!m->params->enable_fuzz || ivl < 2.5)
    return (gint64)ivl;

  fuzz_range (ivl, elapsed_days, m->maximum_interval, &lo, &hi);
  return (gint64)floor (fuzz * (hi - lo + 1) + lo);
}

/* Which (re)learning step a grade leads to: minutes until due (0 for “leave
 * the steps”) and the index of the next step. */
static void
learning_step (const Model   *m,
               const LlmCard *card,
               LlmGrade       grade,
               guint         *minutes,
               guint         *next_step)
{
  const LlmSchedulerParams *p = m->params;
  gboolean relearning = card->state == LLM_CARD_RELEARNING || card->state == LLM_CARD_REVIEW;
  const guint *steps = relearning ? p->relearning_steps_min : p->learning_steps_min;
  guint n_steps = MIN (relearning ? p->n_relearning_steps : p->n_learning_steps,
                       LLM_SCHEDULER_MAX_STEPS);
  guint step = card->step;

  *minutes = 0;
  *next_step = 0;

  if (n_steps == 0 || step >= n_steps)
    return;

  /* A lapse from review starts the relearning steps. */
  if (card->state == LLM_CARD_REVIEW)
    {
      if (grade == LLM_GRADE_AGAIN)
        *minutes = steps[step];
      return;
    }

  switch (grade)
    {
    case LLM_GRADE_AGAIN:
      *minutes = steps[0];
      break;

    case LLM_GRADE_HARD:
      /* Halfway to the next step; with one step, half as long again. */
      if (n_steps == 1)
        *minutes = (guint)js_round (steps[0] * 1.5);
      else
        *minutes = (guint)js_round ((steps[0] + steps[1]) / 2.0);
      *next_step = step;
      break;

    case LLM_GRADE_GOOD:
      if (step + 1 < n_steps && steps[step + 1] > 0)
        {
          *minutes = steps[step + 1];
          *next_step = step + 1;
        }
      break;

    case LLM_GRADE_EASY:
    default:
      break;
    }
}

/* Puts @next on a (re)learning step, or graduates it to review. */
static void
apply_learning_steps (const Model   *m,
                      const LlmCard *card,
                      LlmCard       *next,
                      LlmGrade       grade,
                      LlmCardState   to_state,
                      guint          elapsed_days,
                      double         fuzz,
                      gint64         now)
{
  guint minutes, next_step;

  learning_step (m, card, grade, &minutes, &next_step);

  if (minutes > 0 && minutes < MINUTES_PER_DAY)
    {
      next->state = to_state;
      next->step = next_step;
      next->due = now + (gint64)minutes * 60;
    }
  else if (minutes >= MINUTES_PER_DAY)
    {
      /* A step of a day or more is served as a review, keeping its place
       * in the steps. */
      next->state = LLM_CARD_REVIEW;
      next->step = next_step;
      next->due = now + (gint64)minutes * 60;
    }
  else
    {
      next->state = LLM_CARD_REVIEW;
      next->step = 0;
      next->due = now + next_interval (m, next->stability, elapsed_days, fuzz) * SECONDS_PER_DAY;
    }
}

/* Days are UTC calendar days, as in the reference: a review at 23:59 and
 * one at 00:01 are a day apart. */
static gint64
day_number (gint64 unix_seconds)
{
  gint64 day = unix_seconds / SECONDS_PER_DAY;

  if (unix_seconds % SECONDS_PER_DAY < 0)
    day--;

  return day;
}

static gboolean
grade_is_valid (LlmGrade grade)
{
  return grade >= LLM_GRADE_AGAIN && grade <= LLM_GRADE_EASY;
}

/**
 * llm_scheduler_params_init_default:
 *
 * FSRS-6's default parameters, 90% desired retention, a 100-year maximum
 * interval, no fuzz, and Anki's default steps: learning 1m 10m, relearning
 * 10m.
 */
void
llm_scheduler_params_init_default (LlmSchedulerParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  memcpy (params->w, default_w, sizeof default_w);
  params->desired_retention = LLM_SCHEDULER_DEFAULT_RETENTION;
  params->maximum_interval = LLM_SCHEDULER_DEFAULT_MAXIMUM_INTERVAL;
  params->enable_fuzz = FALSE;
  params->fuzz_seed = 0;
  params->n_learning_steps = 2;
  params->learning_steps_min[0] = 1;
  params->learning_steps_min[1] = 10;
  params->n_relearning_steps = 1;
  params->relearning_steps_min[0] = 10;
}

/**
 * llm_card_init:
 *
 * Makes @card a card that was never reviewed.
 */
void
llm_card_init (LlmCard *card)
{
  g_return_if_fail (card != NULL);

  memset (card, 0, sizeof *card);
  card->state = LLM_CARD_NEW;
}

/**
 * llm_scheduler_review:
 * @now: when the review happened, unix seconds
 *
 * Returns: @card after being graded @grade at @now. A @now before the
 *   card's last review counts as the same day. As in the reference, Good
 *   and Easy stay at least a day longer than Hard even when Hard is at the
 *   maximum interval, so they may pass it by a day or two.
 */
LlmCard
llm_scheduler_review (const LlmSchedulerParams *params,
                      const LlmCard            *card,
                      LlmGrade                  grade,
                      gint64                    now)
{
  static const LlmCard invalid = { LLM_CARD_NEW };
  Model m;
  LlmCard next;
  guint elapsed_days = 0;
  double fuzz, r = 0;

  g_return_val_if_fail (card != NULL, invalid);
  g_return_val_if_fail (params != NULL, *card);
  g_return_val_if_fail (grade_is_valid (grade), *card);

  model_init (&m, params);
  fuzz = params->enable_fuzz ? fuzz_factor (&m, card) : 0;

  if (card->state != LLM_CARD_NEW)
    elapsed_days = (guint)CLAMP (day_number (now) - day_number (card->last_review), 0, G_MAXUINT);

  next = *card;
  next.last_review = now;
  next.reps++;

  if (card->state != LLM_CARD_NEW && card->stability > 0)
    r = forgetting_curve (&m, elapsed_days, card->stability);

  next_memory_state (&m, card, elapsed_days, grade, r, &next.difficulty, &next.stability);

  switch (card->state)
    {
    case LLM_CARD_NEW:
      apply_learning_steps (&m, card, &next, grade, LLM_CARD_LEARNING, elapsed_days, fuzz, now);
      break;

    case LLM_CARD_LEARNING:
    case LLM_CARD_RELEARNING:
      apply_learning_steps (&m, card, &next, grade, card->state, elapsed_days, fuzz, now);
      break;

    case LLM_CARD_REVIEW:
    default:
      if (grade == LLM_GRADE_AGAIN)
        {
          apply_learning_steps (&m, card, &next, grade, LLM_CARD_RELEARNING, elapsed_days, fuzz, now);
          next.lapses++;
        }
      else
        {
          double d, s[3];
          gint64 ivl[3];

          /* Hard, Good and Easy are computed together so that they keep
           * their order: Hard ≤ Good < Easy, whatever the stabilities. */
          for (guint i = 0; i < 3; i++)
            {
              next_memory_state (&m, card, elapsed_days, LLM_GRADE_HARD + i, r, &d, &s[i]);
              ivl[i] = next_interval (&m, s[i], elapsed_days, fuzz);
            }

          ivl[0] = MIN (ivl[0], ivl[1]);
          ivl[1] = MAX (ivl[1], ivl[0] + 1);
          ivl[2] = MAX (ivl[2], ivl[1] + 1);

          next.state = LLM_CARD_REVIEW;
          next.step = 0;
          next.due = now + ivl[grade - LLM_GRADE_HARD] * SECONDS_PER_DAY;
        }
      break;
    }

  return next;
}

/**
 * llm_scheduler_preview_interval:
 *
 * Returns: the seconds from @now until @card would be due again, were it
 *   graded @grade at @now; what the grade buttons show.
 */
gint64
llm_scheduler_preview_interval (const LlmSchedulerParams *params,
                                const LlmCard            *card,
                                LlmGrade                  grade,
                                gint64                    now)
{
  LlmCard next;

  g_return_val_if_fail (params != NULL, 0);
  g_return_val_if_fail (card != NULL, 0);
  g_return_val_if_fail (grade_is_valid (grade), 0);

  next = llm_scheduler_review (params, card, grade, now);

  return next.due - now;
}

/**
 * llm_scheduler_retrievability:
 *
 * Returns: the probability, 0 … 1, of recalling @card at @now; 0 for a new
 *   card. Counts whole days elapsed since the last review, as the
 *   reference does.
 */
double
llm_scheduler_retrievability (const LlmSchedulerParams *params,
                              const LlmCard            *card,
                              gint64                    now)
{
  Model m;
  gint64 elapsed;

  g_return_val_if_fail (params != NULL, 0);
  g_return_val_if_fail (card != NULL, 0);

  if (card->state == LLM_CARD_NEW || !(card->stability > 0))
    return 0;

  model_init (&m, params);
  elapsed = MAX (now - card->last_review, 0);
  elapsed /= SECONDS_PER_DAY;

  return forgetting_curve (&m, (double)elapsed, card->stability);
}

/**
 * llm_scheduler_weights_are_valid:
 *
 * Returns: whether @w holds FSRS-6's 21 parameters as finite numbers
 *   (out-of-range ones are fine: they are clipped)
 */
gboolean
llm_scheduler_weights_are_valid (const double *w,
                                 gsize         n_w)
{
  if (w == NULL || n_w != LLM_SCHEDULER_N_PARAMS)
    return FALSE;

  for (guint i = 0; i < LLM_SCHEDULER_N_PARAMS; i++)
    if (!isfinite (w[i]))
      return FALSE;

  return TRUE;
}

/* Fowler–Noll–Vo 1a: unlike g_str_hash, its result is documented and will
 * not change, and it is what ties a question's fuzz to its id. */
static guint64
fnv1a64 (const char *str)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *)str; *p; p++)
    {
      h ^= *p;
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }

  return h;
}

/**
 * llm_scheduler_fuzz_seed_for_id:
 *
 * Returns: the fuzz seed to review question @id with, so that questions
 *   learnt together spread out over different days.
 */
guint64
llm_scheduler_fuzz_seed_for_id (guint64     fuzz_seed,
                                const char *id)
{
  g_return_val_if_fail (id != NULL, fuzz_seed);

  return mix64 (fuzz_seed ^ fnv1a64 (id));
}

/**
 * llm_scheduler_format_interval:
 *
 * Returns: (transfer full): @seconds as the grade buttons show it:
 *   “10 min”, “3 days”, “2 months”
 */
char *
llm_scheduler_format_interval (gint64 seconds)
{
  const gint64 minute = 60, hour = 3600, day = SECONDS_PER_DAY;
  /* A month and a year as averages of the calendar. */
  const double month = 30.436875 * day, year = 365.2425 * day;
  gint64 n;

  if (seconds < minute)
    return g_strdup (_("< 1 min"));

  n = (gint64)js_round ((double)seconds / minute);
  if (n < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", n), (guint)n);

  n = (gint64)js_round ((double)seconds / hour);
  if (n < 24)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", n), (guint)n);

  n = (gint64)js_round ((double)seconds / day);
  if (n < 30)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n), (guint)n);

  n = (gint64)js_round (seconds / month);
  if (n < 12)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", n), (guint)MAX (n, 1));

  n = (gint64)MIN (js_round (seconds / year), G_MAXUINT);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", n), (guint)MAX (n, 1));
}

static const char * const grade_names[] = { NULL, "again", "hard", "good", "easy" };

/**
 * llm_grade_to_string:
 *
 * Returns: the grade's name as the review log stores it, or %NULL
 */
const char *
llm_grade_to_string (LlmGrade grade)
{
  if (!grade_is_valid (grade))
    return NULL;

  return grade_names[grade];
}

/**
 * llm_grade_from_string:
 *
 * Returns: whether @str is a grade's name (“again”, “hard”, “good”, “easy”)
 */
gboolean
llm_grade_from_string (const char *str,
                       LlmGrade   *grade)
{
  g_return_val_if_fail (grade != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = LLM_GRADE_AGAIN; i <= LLM_GRADE_EASY; i++)
    {
      if (strcmp (str, grade_names[i]) == 0)
        {
          *grade = (LlmGrade)i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * llm_card_state_to_string:
 *
 * Returns: “new”, “learning”, “review” or “relearning”
 */
const char *
llm_card_state_to_string (LlmCardState state)
{
  switch (state)
    {
    case LLM_CARD_NEW:
      return "new";
    case LLM_CARD_LEARNING:
      return "learning";
    case LLM_CARD_REVIEW:
      return "review";
    case LLM_CARD_RELEARNING:
      return "relearning";
    default:
      return NULL;
    }
}
