/* test-scheduler.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "llm-scheduler.h"

#define DAY 86400
/* 2026-01-28 10:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1769594400)

static gboolean
close_relative (double a,
                double b,
                double tolerance)
{
  return fabs (a - b) <= tolerance * MAX (fabs (a), fabs (b)) || a == b;
}

static guint
parse_steps (const char *text,
             guint      *steps)
{
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (g_str_equal (text, "-"))
    return 0;

  parts = g_strsplit (text, ",", -1);
  for (; parts[n] != NULL; n++)
    {
      g_assert_cmpuint (n, <, LLM_SCHEDULER_MAX_STEPS);
      steps[n] = (guint)g_ascii_strtoull (parts[n], NULL, 10);
    }

  return n;
}

static double
parse_double (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

static gint64
parse_int (const char *text)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (text, &end, 10);

  g_assert_true (end != text && *end == '\0');
  return value;
}

static LlmCardState
parse_state (const char *text)
{
  for (LlmCardState s = LLM_CARD_NEW; s <= LLM_CARD_RELEARNING; s++)
    if (g_str_equal (text, llm_card_state_to_string (s)))
      return s;

  g_assert_not_reached ();
}

/* Replays every history ts-fsrs generated (tests/fsrs/gen-vectors.mjs) and
 * compares each step. The C card is carried forward, never reset to the
 * reference, so an error anywhere shows up in everything after it. */
static void
test_vectors (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fsrs-vectors.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) configs = g_array_new (FALSE, TRUE, sizeof (LlmSchedulerParams));
  const LlmSchedulerParams *params = NULL;
  LlmSchedulerParams defaults;
  LlmCard card;
  guint n_histories = 0, n_reviews = 0, n_configs = 0;
  gint64 history = -1;
  guint seen_state[4] = { 0, };

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  llm_scheduler_params_init_default (&defaults);
  llm_card_init (&card);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      guint n;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      f = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (f);

      if (g_str_equal (f[0], "C"))
        {
          LlmSchedulerParams p;
          g_auto(GStrv) w = g_strsplit (f[6], ",", -1);

          g_assert_cmpuint (n, ==, 7);
          g_assert_cmpint (parse_int (f[1]), ==, n_configs);
          g_assert_cmpuint (g_strv_length (w), ==, LLM_SCHEDULER_N_PARAMS);

          llm_scheduler_params_init_default (&p);
          p.desired_retention = parse_double (f[2]);
          p.maximum_interval = (guint)parse_int (f[3]);
          p.n_learning_steps = parse_steps (f[4], p.learning_steps_min);
          p.n_relearning_steps = parse_steps (f[5], p.relearning_steps_min);
          for (guint k = 0; k < LLM_SCHEDULER_N_PARAMS; k++)
            p.w[k] = parse_double (w[k]);

          /* Configuration 0 is the app's default: the same numbers. */
          if (n_configs == 0)
            g_assert_true (memcmp (&p, &defaults, sizeof p) == 0);

          g_array_append_val (configs, p);
          n_configs++;
        }
      else if (g_str_equal (f[0], "H"))
        {
          guint cfg;

          g_assert_cmpuint (n, ==, 4);
          history = parse_int (f[1]);
          cfg = (guint)parse_int (f[2]);
          g_assert_cmpuint (cfg, <, configs->len);
          params = &g_array_index (configs, LlmSchedulerParams, cfg);

          llm_card_init (&card);
          card.due = parse_int (f[3]);
          n_histories++;
        }
      else if (g_str_equal (f[0], "R"))
        {
          gint64 now;
          LlmGrade grade;
          LlmCard next;
          double r;

          g_assert_cmpuint (n, ==, 15);
          g_assert_nonnull (params);

          now = parse_int (f[1]);
          grade = (LlmGrade)parse_int (f[2]);

          if (g_test_verbose ())
            g_test_message ("line %u: history %" G_GINT64_FORMAT, i + 1, history);

          r = llm_scheduler_retrievability (params, &card, now);
          if (!close_relative (r, parse_double (f[3]), 1e-6))
            g_test_message ("line %u (history %" G_GINT64_FORMAT "): retrievability %.10g, expected %s",
                            i + 1, history, r, f[3]);
          g_assert_cmpfloat_with_epsilon (r, parse_double (f[3]), 1e-6);

          for (LlmGrade g = LLM_GRADE_AGAIN; g <= LLM_GRADE_EASY; g++)
            {
              gint64 ivl = llm_scheduler_preview_interval (params, &card, g, now);

              if (ivl != parse_int (f[11 + g - 1]))
                g_test_message ("line %u (history %" G_GINT64_FORMAT "): preview %s %" G_GINT64_FORMAT ", expected %s",
                                i + 1, history, llm_grade_to_string (g), ivl, f[11 + g - 1]);
              g_assert_cmpint (ivl, ==, parse_int (f[11 + g - 1]));
            }

          next = llm_scheduler_review (params, &card, grade, now);

          if (next.state != parse_state (f[4]) ||
              !close_relative (next.stability, parse_double (f[5]), 1e-4) ||
              !close_relative (next.difficulty, parse_double (f[6]), 1e-4) ||
              next.due != parse_int (f[7]))
            g_test_message ("line %u (history %" G_GINT64_FORMAT "): got %s s=%.10g d=%.10g due=%" G_GINT64_FORMAT
                            ", expected %s s=%s d=%s due=%s",
                            i + 1, history, llm_card_state_to_string (next.state),
                            next.stability, next.difficulty, next.due, f[4], f[5], f[6], f[7]);

          g_assert_cmpstr (llm_card_state_to_string (next.state), ==, f[4]);
          g_assert_true (close_relative (next.stability, parse_double (f[5]), 1e-4));
          g_assert_true (close_relative (next.difficulty, parse_double (f[6]), 1e-4));
          g_assert_cmpint (next.due, ==, parse_int (f[7]));
          g_assert_cmpint (next.step, ==, parse_int (f[8]));
          g_assert_cmpint (next.reps, ==, parse_int (f[9]));
          g_assert_cmpint (next.lapses, ==, parse_int (f[10]));
          g_assert_cmpint (next.last_review, ==, now);

          seen_state[next.state]++;
          card = next;
          n_reviews++;
        }
      else
        g_assert_not_reached ();
    }

  g_test_message ("%u configurations, %u histories, %u reviews", n_configs, n_histories, n_reviews);
  g_assert_cmpuint (n_histories, >=, 1000);
  g_assert_cmpuint (n_reviews, >=, 5000);
  /* The histories reach every state a review can leave. */
  g_assert_cmpuint (seen_state[LLM_CARD_LEARNING], >, 100);
  g_assert_cmpuint (seen_state[LLM_CARD_REVIEW], >, 100);
  g_assert_cmpuint (seen_state[LLM_CARD_RELEARNING], >, 100);
}

static void
test_defaults (void)
{
  LlmSchedulerParams p;

  llm_scheduler_params_init_default (&p);

  g_assert_cmpfloat (p.w[0], ==, 0.212);
  g_assert_cmpfloat (p.w[3], ==, 8.2956);
  g_assert_cmpfloat (p.w[20], ==, 0.1542);
  g_assert_cmpfloat (p.desired_retention, ==, 0.9);
  g_assert_cmpuint (p.maximum_interval, ==, 36500);
  g_assert_false (p.enable_fuzz);
  g_assert_cmpuint (p.n_learning_steps, ==, 2);
  g_assert_cmpuint (p.learning_steps_min[0], ==, 1);
  g_assert_cmpuint (p.learning_steps_min[1], ==, 10);
  g_assert_cmpuint (p.n_relearning_steps, ==, 1);
  g_assert_cmpuint (p.relearning_steps_min[0], ==, 10);
}

/* Anki's defaults, worked out by hand: a new card goes 1m / 6m / 10m on
 * Again / Hard / Good, and Easy skips the steps: round (w[3]) = 8 days. */
static void
test_new_card (void)
{
  LlmSchedulerParams p;
  LlmCard card, next;

  llm_scheduler_params_init_default (&p);
  llm_card_init (&card);

  g_assert_cmpint (llm_scheduler_preview_interval (&p, &card, LLM_GRADE_AGAIN, T0), ==, 60);
  g_assert_cmpint (llm_scheduler_preview_interval (&p, &card, LLM_GRADE_HARD, T0), ==, 360);
  g_assert_cmpint (llm_scheduler_preview_interval (&p, &card, LLM_GRADE_GOOD, T0), ==, 600);
  g_assert_cmpint (llm_scheduler_preview_interval (&p, &card, LLM_GRADE_EASY, T0), ==, 8 * DAY);

  next = llm_scheduler_review (&p, &card, LLM_GRADE_GOOD, T0);
  g_assert_cmpint (next.state, ==, LLM_CARD_LEARNING);
  g_assert_cmpuint (next.step, ==, 1);
  g_assert_cmpuint (next.reps, ==, 1);
  g_assert_cmpfloat (next.stability, ==, 2.3065);
  g_assert_cmpint (next.last_review, ==, T0);

  /* Good on the last step graduates. */
  next = llm_scheduler_review (&p, &next, LLM_GRADE_GOOD, T0 + 600);
  g_assert_cmpint (next.state, ==, LLM_CARD_REVIEW);
  g_assert_cmpuint (next.step, ==, 0);
  g_assert_cmpint (next.due - (T0 + 600), >=, DAY);

  /* A lapse goes to the 10-minute relearning step and counts. */
  next = llm_scheduler_review (&p, &next, LLM_GRADE_AGAIN, next.due);
  g_assert_cmpint (next.state, ==, LLM_CARD_RELEARNING);
  g_assert_cmpuint (next.lapses, ==, 1);
  g_assert_cmpint (next.due - next.last_review, ==, 600);

  /* The input is not modified. */
  g_assert_cmpint (card.state, ==, LLM_CARD_NEW);
  g_assert_cmpuint (card.reps, ==, 0);
}

/* A card in review, as after a few good reviews. */
static LlmCard
review_card (double stability)
{
  LlmCard card;

  llm_card_init (&card);
  card.state = LLM_CARD_REVIEW;
  card.stability = stability;
  card.difficulty = 5.0;
  card.last_review = T0 - 30 * DAY;
  card.due = T0;
  card.reps = 5;

  return card;
}

/* What the fuzz may do to an interval of @ivl days reviewed @elapsed days
 * after the last review, written out from the documented ranges (Anki,
 * ts-fsrs get_fuzz_range) rather than taken from the code under test. */
static void
documented_fuzz_range (double  ivl,
                       double  elapsed,
                       double  maximum,
                       double *lo,
                       double *hi)
{
  double delta = 1.0
                 + 0.15 * MAX (MIN (ivl, 7.0) - 2.5, 0.0)
                 + 0.10 * MAX (MIN (ivl, 20.0) - 7.0, 0.0)
                 + 0.05 * MAX (ivl - 20.0, 0.0);

  *lo = MAX (2.0, floor (ivl - delta + 0.5));
  if (ivl > elapsed)
    *lo = MAX (*lo, elapsed + 1);
  *hi = MIN (floor (ivl + delta + 0.5), maximum);
  *lo = MIN (*lo, *hi);
}

static void
test_fuzz (void)
{
  LlmSchedulerParams off, on;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const double stabilities[] = { 3, 8, 15, 40, 120, 900 };

  llm_scheduler_params_init_default (&off);
  on = off;
  on.enable_fuzz = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (stabilities); i++)
    {
      LlmCard card = review_card (stabilities[i]);
      gint64 plain = llm_scheduler_preview_interval (&off, &card, LLM_GRADE_GOOD, T0) / DAY;
      double lo, hi;

      documented_fuzz_range ((double)plain, 30, 36500, &lo, &hi);
      g_assert_cmpfloat (lo, <=, plain);
      g_assert_cmpfloat (plain, <=, hi);

      g_hash_table_remove_all (seen);

      for (guint64 seed = 0; seed < 1000; seed++)
        {
          gint64 a, b, c;
          LlmCard next;

          on.fuzz_seed = seed;
          a = llm_scheduler_preview_interval (&on, &card, LLM_GRADE_GOOD, T0);
          b = llm_scheduler_preview_interval (&on, &card, LLM_GRADE_GOOD, T0);
          /* The preview holds for a click a few seconds later. */
          c = llm_scheduler_preview_interval (&on, &card, LLM_GRADE_GOOD, T0 + 5);
          next = llm_scheduler_review (&on, &card, LLM_GRADE_GOOD, T0);

          g_assert_cmpint (a, ==, b);
          g_assert_cmpint (a, ==, c);
          g_assert_cmpint (next.due - T0, ==, a);
          g_assert_cmpint (a % DAY, ==, 0);
          g_assert_cmpfloat ((double)(a / DAY), >=, lo);
          g_assert_cmpfloat ((double)(a / DAY), <=, hi);

          g_hash_table_add (seen, GINT_TO_POINTER ((int)(a / DAY)));

          /* Fuzz never changes the memory state, only the due date. */
          g_assert_cmpfloat (next.stability, ==,
                             llm_scheduler_review (&off, &card, LLM_GRADE_GOOD, T0).stability);
        }

      /* Over 1000 seeds, the fuzz uses its whole range. */
      g_assert_cmpuint (g_hash_table_size (seen), ==, (guint)(hi - lo + 1));
    }

  /* Short intervals are not fuzzed at all. */
  {
    LlmCard card;

    llm_card_init (&card);
    on.fuzz_seed = 7;
    g_assert_cmpint (llm_scheduler_preview_interval (&on, &card, LLM_GRADE_GOOD, T0), ==, 600);
  }

  /* Seeds per question spread cards learnt together. */
  g_assert_true (llm_scheduler_fuzz_seed_for_id (1, "attention") ==
                 llm_scheduler_fuzz_seed_for_id (1, "attention"));
  g_assert_true (llm_scheduler_fuzz_seed_for_id (1, "attention") !=
                 llm_scheduler_fuzz_seed_for_id (1, "attention-2"));
  g_assert_true (llm_scheduler_fuzz_seed_for_id (1, "attention") !=
                 llm_scheduler_fuzz_seed_for_id (2, "attention"));
}

static void
test_retention (void)
{
  LlmSchedulerParams low, high, below;
  LlmCard a, b;
  gint64 now = T0;

  llm_scheduler_params_init_default (&low);
  high = low;
  below = low;
  low.desired_retention = 0.8;
  high.desired_retention = 0.95;
  below.desired_retention = 0.3;

  llm_card_init (&a);
  llm_card_init (&b);

  for (guint i = 0; i < 8; i++)
    {
      LlmCard c = review_card (1 + i * 20.0);

      a = llm_scheduler_review (&low, &a, LLM_GRADE_GOOD, now);
      b = llm_scheduler_review (&high, &b, LLM_GRADE_GOOD, now);

      if (a.state == LLM_CARD_REVIEW)
        g_assert_cmpint (a.due - now, >, b.due - now);
      else
        g_assert_cmpint (a.due - now, ==, b.due - now);

      /* The same card, the same day: lower retention, longer wait. */
      g_assert_cmpint (llm_scheduler_preview_interval (&low, &c, LLM_GRADE_GOOD, T0), >,
                       llm_scheduler_preview_interval (&high, &c, LLM_GRADE_GOOD, T0));

      now = a.due;
    }

  /* Out of the preference's range, retention is held at its edge. */
  {
    LlmCard c = review_card (50);
    LlmSchedulerParams edge = low;

    edge.desired_retention = LLM_SCHEDULER_MIN_RETENTION;
    g_assert_cmpint (llm_scheduler_preview_interval (&below, &c, LLM_GRADE_GOOD, T0), ==,
                     llm_scheduler_preview_interval (&edge, &c, LLM_GRADE_GOOD, T0));
  }
}

static void
test_maximum_interval (void)
{
  LlmSchedulerParams p;
  LlmCard card = review_card (36500);

  llm_scheduler_params_init_default (&p);
  g_assert_cmpint (llm_scheduler_preview_interval (&p, &card, LLM_GRADE_HARD, T0), ==, 36500 * (gint64)DAY);

  p.maximum_interval = 30;
  g_assert_cmpint (llm_scheduler_preview_interval (&p, &card, LLM_GRADE_HARD, T0), ==, 30 * DAY);
}

static void
test_retrievability (void)
{
  LlmSchedulerParams p;
  LlmCard card = review_card (10);
  double last = 1.0;

  llm_scheduler_params_init_default (&p);
  card.last_review = T0;

  g_assert_cmpfloat (llm_scheduler_retrievability (&p, &card, T0), ==, 1.0);
  /* Stability is the time to fall to 90%. */
  g_assert_cmpfloat_with_epsilon (llm_scheduler_retrievability (&p, &card, T0 + 10 * DAY), 0.9, 1e-6);

  for (guint d = 1; d < 400; d++)
    {
      double r = llm_scheduler_retrievability (&p, &card, T0 + d * (gint64)DAY);

      g_assert_cmpfloat (r, <, last);
      g_assert_cmpfloat (r, >, 0);
      last = r;
    }

  llm_card_init (&card);
  g_assert_cmpfloat (llm_scheduler_retrievability (&p, &card, T0), ==, 0.0);
}

/* A clock set back must not break anything: it counts as the same day. */
static void
test_time_backwards (void)
{
  LlmSchedulerParams p;
  LlmCard card = review_card (20);
  LlmCard same_day, before;

  llm_scheduler_params_init_default (&p);
  card.last_review = T0;

  same_day = llm_scheduler_review (&p, &card, LLM_GRADE_GOOD, T0);
  before = llm_scheduler_review (&p, &card, LLM_GRADE_GOOD, T0 - 5 * DAY);

  g_assert_cmpfloat (before.stability, ==, same_day.stability);
  g_assert_cmpfloat (before.difficulty, ==, same_day.difficulty);
  g_assert_true (isfinite (before.stability));
}

static void
test_format_interval (void)
{
  static const struct { gint64 seconds; const char *text; } cases[] = {
    { 0, "< 1 min" },
    { 59, "< 1 min" },
    { 60, "1 min" },
    { 360, "6 min" },
    { 600, "10 min" },
    { 3569, "59 min" },
    { 3600, "1 hour" },
    { 5 * 3600, "5 hours" },
    { DAY, "1 day" },
    { 3 * DAY, "3 days" },
    { 29 * DAY, "29 days" },
    { 30 * DAY, "1 month" },
    { 61 * DAY, "2 months" },
    { 340 * DAY, "11 months" },
    { 365 * DAY, "1 year" },
    { 36500 * (gint64)DAY, "100 years" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = llm_scheduler_format_interval (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_grade_names (void)
{
  LlmGrade grade = 0;

  for (LlmGrade g = LLM_GRADE_AGAIN; g <= LLM_GRADE_EASY; g++)
    {
      g_assert_true (llm_grade_from_string (llm_grade_to_string (g), &grade));
      g_assert_cmpint (grade, ==, g);
    }

  g_assert_cmpstr (llm_grade_to_string (LLM_GRADE_AGAIN), ==, "again");
  g_assert_cmpstr (llm_grade_to_string (LLM_GRADE_EASY), ==, "easy");
  g_assert_null (llm_grade_to_string (0));
  g_assert_false (llm_grade_from_string ("Good", &grade));
  g_assert_false (llm_grade_from_string ("", &grade));
  g_assert_false (llm_grade_from_string (NULL, &grade));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/scheduler/defaults", test_defaults);
  g_test_add_func ("/llm/scheduler/new-card", test_new_card);
  g_test_add_func ("/llm/scheduler/ts-fsrs-vectors", test_vectors);
  g_test_add_func ("/llm/scheduler/fuzz", test_fuzz);
  g_test_add_func ("/llm/scheduler/retention", test_retention);
  g_test_add_func ("/llm/scheduler/maximum-interval", test_maximum_interval);
  g_test_add_func ("/llm/scheduler/retrievability", test_retrievability);
  g_test_add_func ("/llm/scheduler/time-backwards", test_time_backwards);
  g_test_add_func ("/llm/scheduler/format-interval", test_format_interval);
  g_test_add_func ("/llm/scheduler/grade-names", test_grade_names);

  return g_test_run ();
}
