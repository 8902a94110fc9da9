/* test-stats.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Statistics of a small fixture, checked against values worked out by hand
 * from the FSRS-6 formulas with the default parameters (w as in
 * llm-scheduler.c, desired retention 0.9, learning steps 1m 10m,
 * relearning 10m, no fuzz).
 *
 * Facts the hand calculation uses:
 *   decay = -w20 = -0.1542, factor = 0.9^(1/decay) - 1 = 0.98034649,
 *   R(t, S) = (1 + factor·t/S)^decay, so R(S, S) = 0.9 exactly and R ≥ 0.9
 *   while the whole days elapsed t ≤ S.
 *   At 90% retention an interval is round(S) days.
 *   A first Easy: S = w3 = 8.2956, D = clamp(w4 - e^(3·w5) + 1) = 1,
 *   straight to review, due in 8 days. A first Good: S = w2 = 2.3065,
 *   learning step 10m; a second Good the same day graduates it with
 *   S·max(1, S^-w19·e^(w17·w18)) = S·max(1, 0.9945) = 2.3065, due in 2 days.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "llm-collection-loader.h"
#include "llm-collection.h"
#include "llm-review-log.h"
#include "llm-stats.h"
#include "llm-study.h"

static const char collection_md[] =
  "# Fixture\n"
  "## Topic A\n"
  "### 1. Alpha\nA.\n"
  "### 2. Beta\nB.\n"
  "## Topic B\n"
  "### 1. Gamma\nG.\n"
  "### 2. Delta\nD.\n"
  "### 3. Epsilon\nE.\n"
  "### 4. Eta\nH.\n";

/* Now is 2026-03-10T12:00:00Z, days counted in UTC.
 *
 * alpha:  Easy 03-01 10:00 → review, S 8.2956, due 03-09 10:00.
 *         Good 03-09 10:00: a review of a review card (retention: pass),
 *         t = 8, R = 0.9024733,
 *         S = 8.2956·(1 + e^w8·(11-1)·8.2956^-w9·(e^((1-R)·w10) - 1))
 *           = 38.905, due in 39 days: 04-17, past the forecast.
 * beta:   Good, Good 03-08 09:00/09:10 → review, S 2.3065, due 03-10 09:10:
 *         due today.
 * gamma:  Easy 02-20 08:00 → due 02-28 08:00.
 *         Again 02-28 08:00: review card forgotten (retention: fail),
 *         t = 8, S = min(S/e^(w17·w18) = 7.895,
 *                        w11·1^-w12·((S+1)^w13 - 1)·e^((1-R)·w14) = 1.38863)
 *         = 1.38863, relearning.
 *         Good 02-28 08:10, same day: S·max(1, S^-w19·e^(w17·w18)) = 1.42788,
 *         back to review, due in 1 day: 03-01, overdue.
 * delta:  Easy 2025-09-01 09:00 → due 2025-09-09, long overdue; the review
 *         is older than the heatmap's 182 days.
 * epsilon: never reviewed.
 * eta:    Easy 03-05 10:00 → due 03-13 10:00.
 * omega:  not in the collection: counted nowhere.
 */
static const char log_text[] =
  "# llm-notes review log v1\n"
  "2025-09-01T09:00:00Z\tdelta\teasy\t1000\n"
  "2026-02-20T08:00:00Z\tgamma\teasy\t1000\n"
  "2026-02-28T08:00:00Z\tgamma\tagain\t1000\n"
  "2026-02-28T08:10:00Z\tgamma\tgood\t1000\n"
  "2026-03-01T10:00:00Z\talpha\teasy\t1000\n"
  "2026-03-05T10:00:00Z\teta\teasy\t1000\n"
  "2026-03-08T09:00:00Z\tbeta\tgood\t1000\n"
  "2026-03-08T09:10:00Z\tbeta\tgood\t1000\n"
  "2026-03-09T10:00:00Z\talpha\tgood\t1000\n"
  "2026-03-10T08:00:00Z\tomega\tgood\t1000\n";

#define NOW G_GINT64_CONSTANT (1773144000)  /* 2026-03-10T12:00:00Z */

typedef struct {
  char *log_path;
  LlmCollection *collection;
  LlmStudy *study;
  LlmReviewLog *log;
  GTimeZone *utc;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int fd;

  fd = g_file_open_tmp ("test-stats-XXXXXX.log", &f->log_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (f->log_path, log_text, -1, &error);
  g_assert_no_error (error);

  f->collection = llm_collection_load_data (collection_md, -1, "fixture", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (f->collection), ==, 6);
  g_assert_nonnull (llm_collection_lookup (f->collection, "epsilon"));

  file = g_file_new_for_path (f->log_path);
  f->study = llm_study_new (file);
  g_assert_true (llm_study_load (f->study, &error));
  g_assert_no_error (error);

  f->log = llm_review_log_new ();
  llm_review_log_load_data (f->log, log_text, -1);
  g_assert_cmpuint (llm_review_log_get_n_entries (f->log), ==, 10);

  f->utc = g_time_zone_new_utc ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unlink (f->log_path);
  g_clear_pointer (&f->log_path, g_free);
  g_clear_object (&f->collection);
  g_clear_object (&f->study);
  g_clear_object (&f->log);
  g_clear_pointer (&f->utc, g_time_zone_unref);
}

static void
test_topics (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LlmStats) stats = llm_stats_compute (f->collection, f->study, f->log, f->utc, NOW);
  const LlmStatsTopic *a, *b;

  g_assert_cmpuint (stats->topics->len, ==, 2);
  a = &g_array_index (stats->topics, LlmStatsTopic, 0);
  b = &g_array_index (stats->topics, LlmStatsTopic, 1);

  /* Topic A: alpha is known (review, due 04-17), beta is due today.
   * Recall at now: alpha t = 1 (26 hours), S 38.905 → 0.99616991;
   * beta t = 2 (2 days 2h50), S 2.3065 → 0.90949326.
   * Mean (0.99616991 + 0.90949326) / 2 = 0.95283159. */
  g_assert_cmpstr (a->title, ==, "Topic A");
  g_assert_cmpuint (a->n_questions, ==, 2);
  g_assert_cmpuint (a->n_reviewed, ==, 2);
  g_assert_cmpuint (a->n_known, ==, 1);
  g_assert_cmpfloat_with_epsilon (a->mean_recall, 0.95283159, 1e-6);

  /* Topic B: gamma and delta due, epsilon new, eta known (due 03-13).
   * gamma t = 10, S 1.42788 → 0.72757363; delta t = 190, S 8.2956 →
   * 0.61477158; epsilon 0; eta t = 5, S 8.2956 → 0.93090929.
   * Mean 2.27325450 / 4 = 0.56831363. */
  g_assert_cmpstr (b->title, ==, "Topic B");
  g_assert_cmpuint (b->n_questions, ==, 4);
  g_assert_cmpuint (b->n_reviewed, ==, 3);
  g_assert_cmpuint (b->n_known, ==, 1);
  g_assert_cmpfloat_with_epsilon (b->mean_recall, 0.56831363, 1e-6);
}

static void
test_heatmap (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LlmStats) stats = llm_stats_compute (f->collection, f->study, f->log, f->utc, NOW);
  guint total = 0;

  g_assert_cmpint (g_date_get_year (&stats->today), ==, 2026);
  g_assert_cmpint (g_date_get_month (&stats->today), ==, 3);
  g_assert_cmpint (g_date_get_day (&stats->today), ==, 10);

  /* Index 181 is today, 03-10; counting back: 03-09 is 180, 03-08 179,
   * 03-05 176, 03-01 172, 02-28 171 (February 2026 has 28 days), 02-20
   * 163. delta's review, 190 days back, and omega's are not counted. */
  g_assert_cmpuint (stats->heatmap[181], ==, 0);
  g_assert_cmpuint (stats->heatmap[180], ==, 1);
  g_assert_cmpuint (stats->heatmap[179], ==, 2);
  g_assert_cmpuint (stats->heatmap[176], ==, 1);
  g_assert_cmpuint (stats->heatmap[172], ==, 1);
  g_assert_cmpuint (stats->heatmap[171], ==, 2);
  g_assert_cmpuint (stats->heatmap[163], ==, 1);
  for (guint i = 0; i < LLM_STATS_HEATMAP_DAYS; i++)
    total += stats->heatmap[i];
  g_assert_cmpuint (total, ==, 8);

  /* Last 7 days, 03-04 … 03-10: eta (03-05), beta (03-08, twice but one
   * question), alpha (03-09): 3 / 7. */
  g_assert_cmpfloat_with_epsilon (stats->recent_per_day, 3.0 / 7.0, 1e-9);
}

static void
test_forecast (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LlmStats) stats = llm_stats_compute (f->collection, f->study, f->log, f->utc, NOW);
  guint total = 0;

  /* Today: beta (09:10 today), gamma (overdue since 03-01), delta
   * (overdue since 2025-09-09). In 3 days: eta (03-13). alpha, 04-17, is
   * 38 days away. */
  g_assert_cmpuint (stats->forecast[0], ==, 3);
  g_assert_cmpuint (stats->forecast[3], ==, 1);
  for (guint i = 0; i < LLM_STATS_FORECAST_DAYS; i++)
    total += stats->forecast[i];
  g_assert_cmpuint (total, ==, 4);
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LlmStats) stats = llm_stats_compute (f->collection, f->study, f->log, f->utc, NOW);

  /* Reviews that met a card in review state: gamma's Again on 02-28
   * (fail) and alpha's Good on 03-09 (pass). First reviews, beta's
   * learning step and gamma's relearning step don't count: 1 of 2. */
  g_assert_cmpuint (stats->n_retention_reviews, ==, 2);
  g_assert_cmpuint (stats->n_retention_passed, ==, 1);
  g_assert_cmpfloat_with_epsilon (llm_stats_get_achieved_retention (stats), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->desired_retention, 0.9, 1e-9);
}

static void
test_no_log (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LlmStats) stats = llm_stats_compute (f->collection, f->study, NULL, f->utc, NOW);

  /* The cards still give topics and the forecast. */
  g_assert_cmpuint (stats->topics->len, ==, 2);
  g_assert_cmpuint (stats->forecast[0], ==, 3);
  g_assert_cmpuint (stats->heatmap[179], ==, 0);
  g_assert_cmpfloat (llm_stats_get_achieved_retention (stats), ==, -1);
  g_assert_cmpfloat (stats->recent_per_day, ==, 0);
}

static void
check_plan (Fixture    *f,
            const char *date,
            int         days_left,
            guint       n_unreviewed,
            guint       n_fading,
            double      per_day,
            guint       behind_by)
{
  g_autoptr(LlmStats) stats = llm_stats_compute (f->collection, f->study, f->log, f->utc, NOW);
  LlmStatsPlan plan;
  GDate interview;

  g_date_clear (&interview, 1);
  g_date_set_parse (&interview, date);
  g_assert_true (g_date_valid (&interview));

  llm_stats_plan (stats, f->collection, f->study, &interview, &plan);
  g_assert_cmpint (plan.days_left, ==, days_left);
  g_assert_cmpuint (plan.n_unreviewed, ==, n_unreviewed);
  g_assert_cmpuint (plan.n_fading, ==, n_fading);
  g_assert_cmpfloat_with_epsilon (plan.per_day, per_day, 1e-9);
  g_assert_cmpfloat_with_epsilon (plan.recent_per_day, 3.0 / 7.0, 1e-9);
  g_assert_cmpuint (plan.behind_by, ==, behind_by);
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  /* Recall at noon on the day; epsilon is always the one unreviewed.
   *
   * 03-20, 10 days left: alpha t = 11, S 38.905 → 0.963, ready; beta
   * t = 12 → 0.757, gamma t = 20 → 0.660, delta t = 200 → 0.610, eta
   * t = 15 → 0.854: four fading. (1 + 4) / 10 = 0.5 a day against 3/7 =
   * 0.43: behind by ⌈0.07⌉ = 1. */
  check_plan (f, "2026-03-20", 10, 1, 4, 0.5, 1);

  /* 04-09, 30 days: alpha t = 31 → 0.915, still ready; 5 / 30 = 0.17 a
   * day, less than the pace: on track. */
  check_plan (f, "2026-04-09", 30, 1, 4, 5.0 / 30.0, 0);

  /* Tomorrow: beta t = 3 → 0.881, gamma 0.718, delta fading; eta t = 6 →
   * 0.921 and alpha 0.992 ready. 4 in the one day left: behind by
   * ⌈4 - 0.43⌉ = 4. */
  check_plan (f, "2026-03-11", 1, 1, 3, 4.0, 4);

  /* Today: beta t = 2 → 0.909 and eta t = 5 → 0.931 still hold; gamma and
   * delta don't. 3 today: behind by ⌈2.57⌉ = 3. */
  check_plan (f, "2026-03-10", 0, 1, 2, 3.0, 3);

  /* Past: nothing to plan. */
  check_plan (f, "2026-03-01", -9, 0, 0, 0.0, 0);
}

static void
test_time_zone (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) east = g_time_zone_new_identifier ("+14:00");
  g_autoptr(LlmStats) stats = NULL;

  g_assert_nonnull (east);
  /* At 14 hours ahead, now is 03-11 02:00: today (index 181) moves to
   * 03-11, and every review at 10:00Z or later to the next day: alpha's
   * 03-09 10:00Z is 03-10 00:00 (index 180), while beta's 03-08 09:00Z and
   * 09:10Z are 23:00 and 23:10 the same day (index 178). */
  stats = llm_stats_compute (f->collection, f->study, f->log, east, NOW);
  g_assert_cmpint (g_date_get_day (&stats->today), ==, 11);
  g_assert_cmpuint (stats->heatmap[181], ==, 0);
  g_assert_cmpuint (stats->heatmap[180], ==, 1);
  g_assert_cmpuint (stats->heatmap[179], ==, 0);
  g_assert_cmpuint (stats->heatmap[178], ==, 2);
}

static void
test_mock_reports (void)
{
  static const char report_zh[] =
    "# 模拟面试 — 2026-03-02 09:30\n\n"
    "| # | 问题 | 用时 | 要点 | 评分 |\n"
    "|---|---|---|---|---|\n"
    "| 1 | Alpha | 0:12 | 2/4 | 良好 |\n"
    "| 2 | Pipe \\| in 1/9 title | 1:00 | 1/2 | 困难 |\n"
    "\n合计：2 道题，用时 1:12，覆盖 3/6 个要点（50%）。\n\n"
    "## 1. Alpha\n\n| 9 | not | a | 9/9 | row\n";
  static const char report_en[] =
    "| # | Question | Time | Key points | Grade |\n"
    "|---|---|---|---|---|\n"
    "| 1 | x | 0:30 | 3/3 | Easy |\n"
    "\nTotal: 1 questions in 0:30, 3 of 3 key points covered (100%).\n";
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *path = g_dir_make_tmp ("test-stats-XXXXXX", &error);
  g_autoptr(LlmCollection) collection = llm_collection_load_data (collection_md, -1, "fixture", NULL, NULL);
  g_autoptr(LlmStudy) study = llm_study_new (NULL);
  g_autoptr(LlmStats) stats = NULL;
  const LlmStatsMock *mock;
  guint covered, points;
  gint64 when;

  g_assert_no_error (error);

  /* Rows only: the header, the separator, the translated total and a
   * broken row after the table add nothing; an escaped pipe in a title
   * and a fraction in it don't shift the key-point cell. */
  g_assert_true (llm_stats_parse_mock_report (report_zh, &covered, &points));
  g_assert_cmpuint (covered, ==, 3);
  g_assert_cmpuint (points, ==, 6);
  g_assert_false (llm_stats_parse_mock_report ("# Mock interview\n\nTotal: 0 questions in 0:00.\n", NULL, NULL));
  g_assert_false (llm_stats_parse_mock_report ("| 1 | q | 0:10 | 0/0 | Good |\n", NULL, NULL));

  g_assert_true (llm_stats_parse_mock_name ("2026-03-02-093000.md", utc, &when));
  g_assert_cmpint (when, ==, G_GINT64_CONSTANT (1772443800));  /* 2026-03-02T09:30:00Z */
  g_assert_false (llm_stats_parse_mock_name ("2026-03-02-093000.md~", utc, NULL));
  g_assert_false (llm_stats_parse_mock_name ("2026-13-02-093000.md", utc, NULL));
  g_assert_false (llm_stats_parse_mock_name ("notes.md", utc, NULL));

  {
    g_autofree char *a = g_build_filename (path, "2026-03-09-101500.md", NULL);
    g_autofree char *b = g_build_filename (path, "2026-03-02-093000.md", NULL);
    g_autofree char *c = g_build_filename (path, "README.md", NULL);
    g_autofree char *d = g_build_filename (path, "2026-03-03-080000.md", NULL);

    g_assert_true (g_file_set_contents (a, report_en, -1, NULL));
    g_assert_true (g_file_set_contents (b, report_zh, -1, NULL));
    g_assert_true (g_file_set_contents (c, report_en, -1, NULL));
    g_assert_true (g_file_set_contents (d, "no table\n", -1, NULL));
  }

  dir = g_file_new_for_path (path);
  stats = llm_stats_compute (collection, study, NULL, utc, NOW);
  g_assert_cmpuint (llm_stats_load_mocks (stats, dir), ==, 2);
  g_assert_cmpuint (stats->mocks->len, ==, 2);

  /* Oldest first, whatever order the folder lists them in. */
  mock = &g_array_index (stats->mocks, LlmStatsMock, 0);
  g_assert_cmpint (mock->when, ==, G_GINT64_CONSTANT (1772443800));
  g_assert_cmpuint (mock->n_covered, ==, 3);
  g_assert_cmpuint (mock->n_points, ==, 6);
  mock = &g_array_index (stats->mocks, LlmStatsMock, 1);
  g_assert_cmpint (mock->when, ==, G_GINT64_CONSTANT (1773051300));   /* 2026-03-09T10:15:00Z */
  g_assert_cmpuint (mock->n_covered, ==, 3);
  g_assert_cmpuint (mock->n_points, ==, 3);

  /* A folder that doesn't exist is no reports. */
  {
    g_autoptr(GFile) missing = g_file_get_child (dir, "missing");

    g_assert_cmpuint (llm_stats_load_mocks (stats, missing), ==, 0);
  }

  {
    const char *names[] = { "2026-03-09-101500.md", "2026-03-02-093000.md", "README.md", "2026-03-03-080000.md" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *file = g_build_filename (path, names[i], NULL);

        g_unlink (file);
      }
    g_rmdir (path);
  }
}

static void
test_tsv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(LlmStats) stats = llm_stats_compute (f->collection, f->study, f->log, f->utc, NOW);
  g_autofree char *tsv = llm_stats_format_topics_tsv (stats);

  /* The means of test_topics, to three decimals. */
  g_assert_cmpstr (tsv, ==,
                   "Topic A\t2\t2\t1\t0.953\n"
                   "Topic B\t4\t3\t1\t0.568\n");
}

static void
test_empty_collection (void)
{
  g_autoptr(LlmCollection) collection = llm_collection_new ("Empty", NULL);
  g_autoptr(LlmStudy) study = llm_study_new (NULL);
  g_autoptr(LlmReviewLog) log = llm_review_log_new ();
  g_autoptr(LlmStats) stats = llm_stats_compute (collection, study, log, NULL, NOW);
  g_autofree char *tsv = llm_stats_format_topics_tsv (stats);
  LlmStatsPlan plan;
  GDate interview;

  g_assert_cmpuint (stats->topics->len, ==, 0);
  g_assert_cmpstr (tsv, ==, "");

  /* Nothing to review: on track, whatever the date. */
  interview = stats->today;
  g_date_add_days (&interview, 5);
  llm_stats_plan (stats, collection, study, &interview, &plan);
  g_assert_cmpint (plan.days_left, ==, 5);
  g_assert_cmpfloat (plan.per_day, ==, 0);
  g_assert_cmpuint (plan.behind_by, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/llm/stats/topics", test_topics);
  ADD ("/llm/stats/heatmap", test_heatmap);
  ADD ("/llm/stats/forecast", test_forecast);
  ADD ("/llm/stats/retention", test_retention);
  ADD ("/llm/stats/no-log", test_no_log);
  ADD ("/llm/stats/plan", test_plan);
  ADD ("/llm/stats/time-zone", test_time_zone);
  ADD ("/llm/stats/tsv", test_tsv);
  g_test_add_func ("/llm/stats/mock-reports", test_mock_reports);
  g_test_add_func ("/llm/stats/empty-collection", test_empty_collection);

#undef ADD

  return g_test_run ();
}
