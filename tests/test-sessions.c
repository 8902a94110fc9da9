/* test-sessions.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The self-test and mock-interview sessions, headless, on a fake clock:
 * an hour of study runs in milliseconds. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "llm-coverage.h"
#include "llm-interview-report.h"
#include "llm-mock-session.h"
#include "llm-question.h"
#include "llm-review-log.h"
#include "llm-self-test-session.h"
#include "llm-study.h"
#include "llm-test-files.h"
#include "llm-user-data.h"

/* 2026-07-26 08:00:00 UTC, in milliseconds */
#define T0_MS G_GINT64_CONSTANT (1785052800000)
#define MINUTE_MS (60 * 1000)
#define DAY_MS (24 * 60 * MINUTE_MS)

typedef struct {
  gint64 now_ms;
  char *dir;
  GFile *log_file;
  LlmStudy *study;
  GPtrArray *questions;
} Fixture;

static gint64
fake_clock (gpointer data)
{
  Fixture *fixture = data;

  return fixture->now_ms;
}

static LlmQuestion *
make_question (guint       n,
               const char *topic,
               const char *answer,
               const char *key_point)
{
  g_autofree char *id = g_strdup_printf ("q%u", n);
  g_autofree char *title = g_strdup_printf ("Question %u", n);
  const char *points[] = { key_point, NULL };

  return llm_question_new (id, n, title, topic, answer, key_point ? points : NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  guint n = GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 5;

  fixture->now_ms = T0_MS;
  fixture->dir = llm_test_make_folder ("llm-sessions");
  path = g_build_filename (fixture->dir, "reviews.log", NULL);
  fixture->log_file = g_file_new_for_path (path);
  fixture->study = llm_study_new (fixture->log_file);
  g_assert_true (llm_study_load (fixture->study, &error));
  g_assert_no_error (error);

  fixture->questions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 1; i <= n; i++)
    g_ptr_array_add (fixture->questions,
                     make_question (i, i % 2 ? "Attention" : "Training",
                                    "An answer long enough to be the reference.", NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->questions, g_ptr_array_unref);
  g_clear_object (&fixture->study);
  g_clear_object (&fixture->log_file);
  llm_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static LlmSelfTestSession *
start (Fixture          *fixture,
       LlmSelfTestScope  scope,
       guint             new_limit)
{
  LlmSelfTestOptions options = { scope, NULL, NULL, new_limit };

  return llm_self_test_session_new (fixture->study, fixture->questions, &options,
                                    fake_clock, fixture);
}

static void
assert_counts (LlmSelfTestSession *session,
               guint               n_new,
               guint               n_learning,
               guint               n_due)
{
  LlmSelfTestCounts counts;

  llm_self_test_session_get_counts (session, &counts);
  g_assert_cmpuint (counts.n_new, ==, n_new);
  g_assert_cmpuint (counts.n_learning, ==, n_learning);
  g_assert_cmpuint (counts.n_due, ==, n_due);
}

static const char *
current_id (LlmSelfTestSession *session)
{
  LlmQuestion *question = llm_self_test_session_get_current (session);

  return question ? llm_question_get_id (question) : NULL;
}

static void
grade (LlmSelfTestSession *session,
       LlmGrade            grade)
{
  g_autoptr(GError) error = NULL;

  llm_self_test_session_reveal (session);
  g_assert_true (llm_self_test_session_grade (session, grade, &error));
  g_assert_no_error (error);
}

/* A question graded Again comes back once its one-minute step is due,
 * ahead of the rest; the counts move between kinds but never grow. */
static void
test_self_test_requeue (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LlmSelfTestSession) session = start (fixture, LLM_SELF_TEST_SCOPE_DUE, 3);

  g_assert_false (llm_self_test_session_is_empty (session));
  g_assert_cmpstr (current_id (session), ==, "q1");
  assert_counts (session, 3, 0, 0);

  /* Grading before the answer is revealed does nothing. */
  g_assert_true (llm_self_test_session_grade (session, LLM_GRADE_GOOD, NULL));
  g_assert_cmpuint (llm_self_test_session_get_n_reviewed (session), ==, 0);

  fixture->now_ms += 10 * 1000;
  grade (session, LLM_GRADE_AGAIN);
  g_assert_cmpstr (current_id (session), ==, "q2");
  assert_counts (session, 2, 1, 0);

  /* Two minutes on, q1's step is due: it comes before q3. */
  fixture->now_ms += 2 * MINUTE_MS;
  grade (session, LLM_GRADE_GOOD);
  g_assert_cmpstr (current_id (session), ==, "q1");
  assert_counts (session, 1, 2, 0);

  grade (session, LLM_GRADE_GOOD);
  g_assert_cmpstr (current_id (session), ==, "q3");
  assert_counts (session, 1, 2, 0);

  /* Easy graduates a new question at once: it is not asked again. */
  grade (session, LLM_GRADE_EASY);
  assert_counts (session, 0, 2, 0);
  g_assert_cmpfloat (llm_self_test_session_get_progress (session), ==, 4.0 / 6.0);

  /* Nothing else is left: the learning ones are asked up to 20 minutes
   * early rather than waited for. */
  while (!llm_self_test_session_is_finished (session))
    grade (session, LLM_GRADE_EASY);

  assert_counts (session, 0, 0, 0);
  g_assert_cmpuint (llm_self_test_session_get_n_reviewed (session), ==, 6);
  g_assert_cmpuint (llm_self_test_session_get_n_graded (session, LLM_GRADE_AGAIN), ==, 1);
  g_assert_cmpuint (llm_self_test_session_get_n_graded (session, LLM_GRADE_EASY), ==, 3);
  g_assert_cmpfloat (llm_self_test_session_get_progress (session), ==, 1.0);
  g_assert_cmpint (llm_self_test_session_get_next_due (session), >=, fixture->now_ms / 1000 + 86400);
}

/* A learning step further off than the learn-ahead limit ends the sitting:
 * the question waits for the next one. */
static void
test_self_test_learn_ahead (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LlmSelfTestSession) session = start (fixture, LLM_SELF_TEST_SCOPE_DUE, 1);
  g_autoptr(GError) error = NULL;

  grade (session, LLM_GRADE_GOOD);    /* new → the 10-minute step */
  g_assert_cmpstr (current_id (session), ==, "q1");
  grade (session, LLM_GRADE_AGAIN);   /* back to the 1-minute step */
  g_assert_cmpstr (current_id (session), ==, "q1");
  grade (session, LLM_GRADE_GOOD);
  g_assert_cmpstr (current_id (session), ==, "q1");
  grade (session, LLM_GRADE_GOOD);    /* graduates: days away */
  g_assert_true (llm_self_test_session_is_finished (session));
  g_assert_cmpuint (llm_self_test_session_get_n_reviewed (session), ==, 4);
}

/* The new-question limit is per day, counted from the log: a second
 * sitting the same day brings no more, the next day brings a new batch. */
static void
test_self_test_daily_new_limit (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  guint limit = llm_study_new_limit_today (fixture->study, fixture->questions, 2, NULL, utc,
                                           fixture->now_ms / 1000);
  g_autoptr(LlmSelfTestSession) first = start (fixture, LLM_SELF_TEST_SCOPE_DUE, limit);
  g_autoptr(LlmSelfTestSession) second = NULL;
  g_autoptr(LlmSelfTestSession) tomorrow = NULL;

  g_assert_cmpuint (limit, ==, 2);
  assert_counts (first, 2, 0, 0);
  while (!llm_self_test_session_is_finished (first))
    {
      grade (first, LLM_GRADE_EASY);
      fixture->now_ms += MINUTE_MS;
    }
  g_assert_cmpuint (llm_study_count_new_today (fixture->study, utc, fixture->now_ms / 1000), ==, 2);

  /* The same day, after a restart (the log read again). */
  g_clear_object (&fixture->study);
  fixture->study = llm_study_new (fixture->log_file);
  g_assert_true (llm_study_load (fixture->study, NULL));
  fixture->now_ms += 3 * 60 * MINUTE_MS;
  limit = llm_study_new_limit_today (fixture->study, fixture->questions, 2, NULL, utc, fixture->now_ms / 1000);
  g_assert_cmpuint (limit, ==, 0);
  second = start (fixture, LLM_SELF_TEST_SCOPE_DUE, limit);
  g_assert_true (llm_self_test_session_is_empty (second));
  g_assert_true (llm_self_test_session_is_finished (second));

  /* "All questions" still practises everything. */
  {
    g_autoptr(LlmSelfTestSession) all = start (fixture, LLM_SELF_TEST_SCOPE_ALL, limit);

    assert_counts (all, 3, 0, 2);
  }

  fixture->now_ms += DAY_MS;
  limit = llm_study_new_limit_today (fixture->study, fixture->questions, 2, NULL, utc, fixture->now_ms / 1000);
  g_assert_cmpuint (limit, ==, 2);
  tomorrow = start (fixture, LLM_SELF_TEST_SCOPE_DUE, limit);
  assert_counts (tomorrow, 2, 0, 0);
}

/* With an interview date the day's new questions follow the plan: what is
 * unseen spread over the days left, the same share all day long. */
static void
test_self_test_plan_new_limit (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDate) interview = g_date_new_dmy (31, G_DATE_JULY, 2026);  /* 5 days away */
  guint limit;

  g_assert_cmpuint (fixture->questions->len, ==, 20);

  /* 20 unseen over 5 days: 4 today, though the preference says 1. */
  limit = llm_study_new_limit_today (fixture->study, fixture->questions, 1, interview, utc, fixture->now_ms / 1000);
  g_assert_cmpuint (limit, ==, 4);

  /* Three seen today: one more is left of today's 4. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (llm_study_grade (fixture->study, llm_question_get_id (g_ptr_array_index (fixture->questions, i)),
                                    LLM_GRADE_EASY, 1000, fixture->now_ms / 1000 + i, NULL));
  limit = llm_study_new_limit_today (fixture->study, fixture->questions, 1, interview, utc, fixture->now_ms / 1000 + 60);
  g_assert_cmpuint (limit, ==, 1);

  /* Without the date, the preference again. */
  limit = llm_study_new_limit_today (fixture->study, fixture->questions, 5, NULL, utc, fixture->now_ms / 1000 + 60);
  g_assert_cmpuint (limit, ==, 2);

  /* The day before the interview: all that is left, today. */
  fixture->now_ms += 4 * DAY_MS;
  limit = llm_study_new_limit_today (fixture->study, fixture->questions, 1, interview, utc, fixture->now_ms / 1000);
  g_assert_cmpuint (limit, ==, 17);
}

/* Undo takes back the last grade: the card is what it was, the question is
 * asked again, the counts are as before, and the log says so. */
static void
test_self_test_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LlmSelfTestSession) session = start (fixture, LLM_SELF_TEST_SCOPE_DUE, 3);
  g_autoptr(LlmStudy) reread = NULL;
  g_autoptr(GError) error = NULL;
  LlmReviewLog *log = llm_study_get_log (fixture->study);

  g_assert_false (llm_self_test_session_can_undo (session));
  g_assert_false (llm_self_test_session_undo (session, NULL));

  grade (session, LLM_GRADE_EASY);
  fixture->now_ms += 5000;
  grade (session, LLM_GRADE_AGAIN);
  g_assert_cmpstr (current_id (session), ==, "q3");
  assert_counts (session, 1, 1, 0);
  g_assert_nonnull (llm_study_get_card (fixture->study, "q2"));

  g_assert_true (llm_self_test_session_can_undo (session));
  g_assert_true (llm_self_test_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (current_id (session), ==, "q2");
  g_assert_false (llm_self_test_session_get_revealed (session));
  assert_counts (session, 2, 0, 0);
  g_assert_cmpuint (llm_self_test_session_get_n_reviewed (session), ==, 1);
  g_assert_cmpuint (llm_self_test_session_get_n_graded (session, LLM_GRADE_AGAIN), ==, 0);
  g_assert_null (llm_study_get_card (fixture->study, "q2"));
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 1);
  g_assert_cmpuint (llm_review_log_get_n_undone (log), ==, 1);

  /* Graded again in the same second and as fast: still a review of its
   * own, not the undone one. */
  fixture->now_ms -= 0;
  grade (session, LLM_GRADE_GOOD);
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 2);
  g_assert_nonnull (llm_study_get_card (fixture->study, "q2"));

  /* Undo back to the start. */
  g_assert_true (llm_self_test_session_undo (session, NULL));
  g_assert_true (llm_self_test_session_undo (session, NULL));
  g_assert_false (llm_self_test_session_can_undo (session));
  g_assert_cmpstr (current_id (session), ==, "q1");
  assert_counts (session, 3, 0, 0);

  /* What a restart reads: nothing reviewed. */
  reread = llm_study_new (fixture->log_file);
  g_assert_true (llm_study_load (reread, NULL));
  g_assert_null (llm_study_get_card (reread, "q1"));
  g_assert_null (llm_study_get_card (reread, "q2"));
  g_assert_cmpuint (llm_review_log_get_n_undone (llm_study_get_log (reread)), ==, 3);
  g_assert_cmpuint (llm_study_count_new_today (reread, NULL, fixture->now_ms / 1000), ==, 0);
}

/* A question left on screen for ten minutes counts five. */
static void
test_self_test_time_out (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LlmSelfTestSession) session = start (fixture, LLM_SELF_TEST_SCOPE_DUE, 2);
  const LlmReviewEntry *entry;

  fixture->now_ms += 10 * MINUTE_MS;
  grade (session, LLM_GRADE_EASY);
  fixture->now_ms += 7000;
  grade (session, LLM_GRADE_EASY);

  g_assert_cmpint (llm_self_test_session_get_time_spent_ms (session), ==, LLM_SELF_TEST_MAX_ANSWER_MS + 7000);
  entry = llm_review_log_get_entry (llm_study_get_log (fixture->study), 0);
  g_assert_cmpuint (entry->ms, ==, LLM_SELF_TEST_MAX_ANSWER_MS);
}

/* Scope: a topic, or the bookmarks. */
static void
test_self_test_scope (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *bookmarks[] = { "q2", "q5", NULL };
  LlmSelfTestOptions topic = { LLM_SELF_TEST_SCOPE_TOPIC, "Training", NULL, 10 };
  LlmSelfTestOptions marked = { LLM_SELF_TEST_SCOPE_BOOKMARKS, NULL, bookmarks, 10 };
  g_autoptr(LlmSelfTestSession) by_topic = llm_self_test_session_new (fixture->study, fixture->questions,
                                                                      &topic, fake_clock, fixture);
  g_autoptr(LlmSelfTestSession) by_mark = llm_self_test_session_new (fixture->study, fixture->questions,
                                                                     &marked, fake_clock, fixture);

  assert_counts (by_topic, 2, 0, 0);
  g_assert_cmpstr (current_id (by_topic), ==, "q2");
  assert_counts (by_mark, 2, 0, 0);
  grade (by_mark, LLM_GRADE_EASY);
  g_assert_cmpstr (current_id (by_mark), ==, "q5");
}

/* Shuffled: the same questions as in order, in another order, and the
 * same order again from the same seed. Every session is built before any
 * is graded, so all three pick from the same state. */
static LlmSelfTestSession *
start_ordered (Fixture *fixture,
               GRand   *shuffle)
{
  LlmSelfTestOptions options = { LLM_SELF_TEST_SCOPE_ALL, NULL, NULL, 100, shuffle };

  return llm_self_test_session_new (fixture->study, fixture->questions, &options, fake_clock, fixture);
}

static GStrv
drain (LlmSelfTestSession *session)
{
  g_autoptr(GStrvBuilder) order = g_strv_builder_new ();

  while (!llm_self_test_session_is_finished (session))
    {
      g_strv_builder_add (order, current_id (session));
      /* Easy leaves no learning step to come back. */
      grade (session, LLM_GRADE_EASY);
    }

  return g_strv_builder_end (order);
}

static void
test_self_test_shuffle (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GRand) seed = g_rand_new_with_seed (7);
  g_autoptr(GRand) same_seed = g_rand_new_with_seed (7);
  g_autoptr(LlmSelfTestSession) plain = start_ordered (fixture, NULL);
  g_autoptr(LlmSelfTestSession) shuffled = start_ordered (fixture, seed);
  g_autoptr(LlmSelfTestSession) again = start_ordered (fixture, same_seed);
  g_auto(GStrv) in_order = drain (plain);
  g_auto(GStrv) mixed = drain (shuffled);
  g_auto(GStrv) repeated = drain (again);
  g_autofree char *joined = g_strjoinv (" ", in_order);

  g_assert_cmpstr (joined, ==, "q1 q2 q3 q4 q5 q6 q7 q8 q9 q10 q11 q12");
  g_assert_false (g_strv_equal ((const char * const *)in_order, (const char * const *)mixed));
  g_assert_true (g_strv_equal ((const char * const *)mixed, (const char * const *)repeated));
  g_assert_cmpuint (g_strv_length (mixed), ==, 12);
  for (guint i = 0; in_order[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *)mixed, in_order[i]));
}

/* Mock interview ------------------------------------------------------------ */

static const char reference[] =
  "注意力的计算先用查询和键做缩放点积，再经过 softmax 得到权重，最后对值加权求和。"
  "多头注意力把表示投影到多个子空间，各自计算后拼接。位置编码给输入加上顺序信息。";

static GPtrArray *
mock_questions (void)
{
  GPtrArray *questions = g_ptr_array_new_with_free_func (g_object_unref);
  const char *points[] = { "缩放点积", "多头注意力|multi-head attention", "位置编码", NULL };

  g_ptr_array_add (questions, llm_question_new ("m1", 1, "注意力如何计算", "Attention", reference, points));
  g_ptr_array_add (questions, llm_question_new ("m2", 2, "什么是位置编码", "Attention", reference, points));
  return questions;
}

/* The clock counts down, warns at 30 s and 10 s, and at 0 the answer is
 * taken as it stands: a blank one is Again, not the grade pre-selected. */
static void
test_mock_timer (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) questions = mock_questions ();
  g_autoptr(LlmMockSession) session = llm_mock_session_new (fixture->study, questions, 90, fake_clock, fixture);
  LlmInterviewResult *result;

  g_assert_cmpint (llm_mock_session_get_state (session), ==, LLM_MOCK_ANSWERING);
  g_assert_cmpint (llm_mock_session_get_remaining_ms (session), ==, 90000);
  g_assert_cmpint (llm_mock_session_get_timer (session), ==, LLM_MOCK_TIMER_CALM);

  fixture->now_ms += 59999;
  g_assert_false (llm_mock_session_tick (session));
  g_assert_cmpint (llm_mock_session_get_timer (session), ==, LLM_MOCK_TIMER_CALM);
  fixture->now_ms += 1;
  g_assert_cmpint (llm_mock_session_get_timer (session), ==, LLM_MOCK_TIMER_WARNING);
  fixture->now_ms += 20000;
  g_assert_cmpint (llm_mock_session_get_timer (session), ==, LLM_MOCK_TIMER_URGENT);
  g_assert_false (llm_mock_session_tick (session));

  fixture->now_ms += 10000;
  g_assert_true (llm_mock_session_tick (session));
  g_assert_cmpint (llm_mock_session_get_state (session), ==, LLM_MOCK_RESULT);
  result = llm_mock_session_get_result (session);
  g_assert_true (result->timed_out);
  g_assert_cmpuint (result->seconds, ==, 90);
  g_assert_cmpstr (result->answer, ==, "");
  g_assert_cmpint (llm_mock_session_get_suggested (session), ==, LLM_GRADE_AGAIN);

  /* Timed out with something typed: still Again until points are ticked. */
  g_assert_true (llm_mock_session_grade (session, LLM_GRADE_AGAIN, NULL));
  llm_mock_session_set_draft (session, "缩放点积，多头注意力");
  fixture->now_ms += 95000;
  g_assert_true (llm_mock_session_tick (session));
  result = llm_mock_session_get_result (session);
  g_assert_true (result->timed_out);
  g_assert_cmpuint (result->n_covered, ==, 2);
  g_assert_cmpint (llm_mock_session_get_suggested (session), ==, LLM_GRADE_AGAIN);
  llm_mock_session_set_ticked (session, 2, TRUE);
  g_assert_cmpint (llm_mock_session_get_suggested (session), !=, LLM_GRADE_AGAIN);
}

/* Scoring as the candidate meets it: the checklist pre-ticks what the
 * answer covers, the grade follows the ticks, an English answer to
 * Chinese notes ticks nothing and says so, a blank answer is Again and a
 * keyword list is never Easy. */
static void
test_mock_scoring (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) questions = mock_questions ();
  g_autoptr(LlmMockSession) session = llm_mock_session_new (fixture->study, questions, 120, fake_clock, fixture);
  LlmInterviewResult *result;

  /* The same language, the whole answer. */
  llm_mock_session_set_draft (session, reference);
  fixture->now_ms += 30000;
  llm_mock_session_submit (session);
  result = llm_mock_session_get_result (session);
  g_assert_false (result->timed_out);
  g_assert_false (result->cross_script);
  g_assert_cmpuint (result->seconds, ==, 30);
  g_assert_cmpuint (result->n_covered, ==, 3);
  g_assert_cmpint (llm_mock_session_get_suggested (session), ==, LLM_GRADE_EASY);

  /* Unticking follows: 2 of 3 is Good, 0 of 3 Again. */
  llm_mock_session_set_ticked (session, 0, FALSE);
  g_assert_cmpuint (result->n_covered, ==, 2);
  g_assert_cmpint (llm_mock_session_get_suggested (session), ==, LLM_GRADE_GOOD);
  llm_mock_session_set_ticked (session, 1, FALSE);
  llm_mock_session_set_ticked (session, 2, FALSE);
  g_assert_cmpint (llm_mock_session_get_suggested (session), ==, LLM_GRADE_AGAIN);
  g_assert_true (llm_mock_session_grade (session, LLM_GRADE_HARD, NULL));

  /* Cross-script: English against Chinese points. The bilingual point's
   * English form alone can still be judged. */
  llm_mock_session_set_draft (session, "Scaled dot product over the keys, then positional encodings.");
  llm_mock_session_submit (session);
  result = llm_mock_session_get_result (session);
  g_assert_false (result->cross_script);   /* "multi-head attention" is an English form */
  g_assert_cmpuint (result->n_covered, ==, 0);
  llm_mock_session_finish (session);

  {
    g_autoptr(LlmMockSession) english = llm_mock_session_new (NULL, questions, 120, fake_clock, fixture);
    const char *points[] = { "缩放点积", "位置编码", NULL };
    g_autoptr(LlmQuestion) chinese = llm_question_new ("c", 1, "t", "Attention", reference, points);
    g_autoptr(GPtrArray) one = g_ptr_array_new ();
    g_autoptr(LlmMockSession) cross = NULL;

    g_ptr_array_add (one, chinese);
    cross = llm_mock_session_new (NULL, one, 120, fake_clock, fixture);
    llm_mock_session_set_draft (cross, "Scaled dot product attention; positional encoding adds order.");
    llm_mock_session_submit (cross);
    result = llm_mock_session_get_result (cross);
    g_assert_true (result->cross_script);
    g_assert_cmpuint (result->n_covered, ==, 0);
    g_assert_false (result->covered[0]);
    g_assert_false (result->covered[1]);

    /* Blank: Again. */
    llm_mock_session_submit (english);
    g_assert_cmpint (llm_mock_session_get_suggested (english), ==, LLM_GRADE_AGAIN);
    g_assert_true (llm_mock_session_grade (english, LLM_GRADE_AGAIN, NULL));

    /* A list of the keywords: every point ticked, but Good at most. */
    llm_mock_session_set_draft (english, "缩放点积 多头注意力 位置编码");
    llm_mock_session_submit (english);
    result = llm_mock_session_get_result (english);
    g_assert_cmpuint (result->n_covered, ==, 3);
    g_assert_cmpint (llm_mock_session_get_suggested (english), ==, LLM_GRADE_GOOD);
  }
}

/* The report's totals over what was graded; ending early gives a partial
 * report of the questions graded so far; "Retry missed" takes the ones
 * graded Again or Hard; grades reach the review log. */
static void
test_mock_report (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) questions = mock_questions ();
  g_autoptr(LlmMockSession) session = llm_mock_session_new (fixture->study, questions, 120, fake_clock, fixture);
  g_autoptr(LlmMockSession) partial = llm_mock_session_new (fixture->study, questions, 120, fake_clock, fixture);
  g_autoptr(GPtrArray) missed = NULL;
  LlmMockTotals totals;

  llm_mock_session_set_draft (session, reference);
  fixture->now_ms += 40000;
  llm_mock_session_submit (session);
  g_assert_true (llm_mock_session_grade (session, LLM_GRADE_GOOD, NULL));
  g_assert_cmpint (llm_mock_session_get_state (session), ==, LLM_MOCK_ANSWERING);
  g_assert_cmpuint (llm_mock_session_get_position (session), ==, 1);
  g_assert_true (llm_mock_session_get_question (session) == g_ptr_array_index (questions, 1));

  llm_mock_session_set_draft (session, "位置编码");
  fixture->now_ms += 20000;
  llm_mock_session_submit (session);
  g_assert_true (llm_mock_session_grade (session, LLM_GRADE_HARD, NULL));
  g_assert_cmpint (llm_mock_session_get_state (session), ==, LLM_MOCK_FINISHED);
  g_assert_null (llm_mock_session_get_question (session));
  g_assert_false (llm_mock_session_is_partial (session));

  llm_mock_session_get_totals (session, &totals);
  g_assert_cmpuint (totals.n_questions, ==, 2);
  g_assert_cmpuint (totals.n_answered, ==, 2);
  g_assert_cmpuint (totals.n_covered, ==, 4);
  g_assert_cmpuint (totals.n_points, ==, 6);
  g_assert_cmpuint (totals.percent, ==, 66);
  g_assert_cmpuint (totals.seconds, ==, 60);
  g_assert_cmpuint (totals.n_missed, ==, 1);

  missed = llm_mock_session_dup_missed (session);
  g_assert_cmpuint (missed->len, ==, 1);
  g_assert_true (g_ptr_array_index (missed, 0) == g_ptr_array_index (questions, 1));

  g_assert_nonnull (llm_study_get_card (fixture->study, "m1"));
  g_assert_nonnull (llm_study_get_card (fixture->study, "m2"));

  /* The saved report reads back, for Past Interviews to show: numbers,
   * answers and ticks; a note before the table when ended early. */
  {
    g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 7, 26, 8, 0, 0);
    GPtrArray *results = llm_mock_session_get_results (session);
    g_autofree char *text = llm_interview_report_format_partial (results, 3, when);
    g_autofree char *note = NULL;
    g_autoptr(GPtrArray) rows = llm_interview_report_parse (text, &note);

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_nonnull (note);
    g_assert_nonnull (strstr (note, "2"));
    for (guint i = 0; i < rows->len; i++)
      {
        LlmInterviewReportRow *row = g_ptr_array_index (rows, i);
        LlmInterviewResult *result = g_ptr_array_index (results, i);

        g_assert_cmpstr (row->title, ==, llm_question_get_title (result->question));
        g_assert_cmpuint (row->seconds, ==, result->seconds);
        g_assert_cmpuint (row->n_covered, ==, result->n_covered);
        g_assert_cmpuint (row->n_points, ==, g_strv_length (result->points));
        g_assert_cmpstr (row->grade, ==, llm_grade_get_label (result->grade));
        g_assert_cmpstr (row->answer, ==, result->answer);
        g_assert_cmpuint (g_strv_length (row->points), ==, g_strv_length (result->points));
        for (guint j = 0; row->points[j] != NULL; j++)
          {
            g_assert_cmpstr (row->points[j], ==, result->points[j]);
            g_assert_cmpint (row->covered[j], ==, result->covered[j]);
          }
      }
    g_assert_cmpuint (((LlmInterviewReportRow *)g_ptr_array_index (rows, 0))->seconds, ==, 40);
  }
  {
    g_autofree char *note = NULL;
    g_autoptr(GPtrArray) rows = llm_interview_report_parse ("# Not a report\n\nJust text.\n", &note);

    g_assert_cmpuint (rows->len, ==, 0);
  }

  /* Ended during the second answer: one question in the report. */
  fixture->now_ms += 1000;
  llm_mock_session_submit (partial);
  g_assert_true (llm_mock_session_grade (partial, LLM_GRADE_AGAIN, NULL));
  llm_mock_session_set_draft (partial, "half an answer");
  llm_mock_session_finish (partial);
  g_assert_cmpint (llm_mock_session_get_state (partial), ==, LLM_MOCK_FINISHED);
  g_assert_true (llm_mock_session_is_partial (partial));
  llm_mock_session_get_totals (partial, &totals);
  g_assert_cmpuint (totals.n_questions, ==, 2);
  g_assert_cmpuint (totals.n_answered, ==, 1);
  g_assert_cmpuint (totals.n_covered, ==, 0);
  g_assert_cmpuint (totals.percent, ==, 0);
}

/* The pick: only the chosen topics, as many as asked, spread over topics,
 * the same for the same seed, weak ones first when asked. */
static void
test_mock_pick (Fixture       *fixture,
                gconstpointer  data)
{
  const char *training[] = { "Training", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GRand) same = g_rand_new_with_seed (7);
  gint64 now = fixture->now_ms / 1000;
  g_autoptr(GPtrArray) picked = llm_mock_session_pick (fixture->study, fixture->questions, training, 3, TRUE, rand, now);
  g_autoptr(GPtrArray) spread = NULL;
  g_autoptr(GPtrArray) again = NULL;
  guint per_topic[2] = { 0, 0 };

  g_assert_cmpuint (picked->len, ==, 3);
  for (guint i = 0; i < picked->len; i++)
    g_assert_cmpstr (llm_question_get_topic (g_ptr_array_index (picked, i)), ==, "Training");

  spread = llm_mock_session_pick (fixture->study, fixture->questions, NULL, 4, FALSE, rand, now);
  g_assert_cmpuint (spread->len, ==, 4);
  for (guint i = 0; i < spread->len; i++)
    per_topic[g_str_equal (llm_question_get_topic (g_ptr_array_index (spread, i)), "Training")]++;
  g_assert_cmpuint (per_topic[0], ==, 2);
  g_assert_cmpuint (per_topic[1], ==, 2);

  /* Everything but q1 just reviewed: weak-first asks the unseen q1 about
   * three times as often as an even pick does (3 against 1 + 9 × 1). */
  for (guint i = 1; i < fixture->questions->len; i++)
    llm_study_grade (fixture->study, llm_question_get_id (g_ptr_array_index (fixture->questions, i)),
                     LLM_GRADE_EASY, 1000, now, NULL);
  {
    const char *attention[] = { "Attention", NULL };
    guint weak = 0, even = 0;

    for (guint run = 0; run < 400; run++)
      {
        g_autoptr(GPtrArray) one = llm_mock_session_pick (fixture->study, fixture->questions, attention, 1, TRUE, same, now);
        g_autoptr(GPtrArray) other = llm_mock_session_pick (fixture->study, fixture->questions, attention, 1, FALSE, same, now);

        weak += g_str_equal (llm_question_get_id (g_ptr_array_index (one, 0)), "q1");
        even += g_str_equal (llm_question_get_id (g_ptr_array_index (other, 0)), "q1");
      }
    g_test_message ("q1 picked %u times of 400 weak-first, %u evenly", weak, even);
    g_assert_cmpuint (weak, >, 70);
    g_assert_cmpuint (even, <, 60);
  }

  /* Asking for more than there are gives what there is. */
  again = llm_mock_session_pick (fixture->study, fixture->questions, training, 50, TRUE, rand, now);
  g_assert_cmpuint (again->len, ==, 10);
}

typedef struct {
  guint n_done;
  GError *error;
} LoadWait;

static void
on_study_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  LoadWait *wait = data;

  if (!llm_user_data_load_study_finish (LLM_USER_DATA (object), result,
                                        wait->error ? NULL : &wait->error))
    g_assert_nonnull (wait->error);
  wait->n_done++;
}

/* Every window shares the user data's study.  Two windows asking for the
 * log while it is being read both hear back once; a grade given while the
 * read is under way is neither lost nor counted twice. */
static void
test_study_shared_load (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(LlmUserData) user_data = llm_user_data_new (dir);
  g_autoptr(LlmStudy) writer = llm_study_new (llm_user_data_get_review_log (user_data));
  LlmStudy *study = llm_user_data_get_study (user_data);
  LoadWait wait = { 0, NULL };
  g_autoptr(GError) error = NULL;
  gint64 now = fixture->now_ms / 1000;
  gboolean ok;

  /* One grade already on disk, from an earlier run. */
  g_assert_true (llm_study_load (writer, &error));
  ok = llm_study_grade (writer, "q1", LLM_GRADE_GOOD, 5000, now, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_assert_true (llm_user_data_get_study (user_data) == study);
  llm_user_data_load_study_async (user_data, NULL, on_study_loaded, &wait);
  llm_user_data_load_study_async (user_data, NULL, on_study_loaded, &wait);

  /* Graded once the read has reached the disk but before its result is
   * taken: what it read lacks this grade. */
  g_usleep (200 * 1000);
  ok = llm_study_grade (study, "q2", LLM_GRADE_GOOD, 5000, now, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  while (wait.n_done < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (wait.error);

  g_assert_cmpint (llm_study_get_state (study, "q1", now), !=, LLM_STUDY_NEW);
  g_assert_cmpint (llm_study_get_state (study, "q2", now), !=, LLM_STUDY_NEW);
  g_assert_cmpint (llm_study_get_state (study, "q3", now), ==, LLM_STUDY_NEW);
  g_assert_cmpuint (llm_review_log_get_n_entries (llm_study_get_log (study)), ==, 2);

  /* Once read, asking again answers from memory. */
  llm_user_data_load_study_async (user_data, NULL, on_study_loaded, &wait);
  while (wait.n_done < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (wait.error);
  g_assert_cmpuint (llm_review_log_get_n_entries (llm_study_get_log (study)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, n) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)

  ADD ("/llm/self-test/requeue", test_self_test_requeue, 3);
  ADD ("/llm/self-test/learn-ahead", test_self_test_learn_ahead, 1);
  ADD ("/llm/self-test/daily-new-limit", test_self_test_daily_new_limit, 5);
  ADD ("/llm/self-test/plan-new-limit", test_self_test_plan_new_limit, 20);
  ADD ("/llm/self-test/undo", test_self_test_undo, 3);
  ADD ("/llm/self-test/time-out", test_self_test_time_out, 2);
  ADD ("/llm/self-test/scope", test_self_test_scope, 5);
  ADD ("/llm/self-test/shuffle", test_self_test_shuffle, 12);
  ADD ("/llm/study/shared-load", test_study_shared_load, 0);
  ADD ("/llm/mock/timer", test_mock_timer, 0);
  ADD ("/llm/mock/scoring", test_mock_scoring, 0);
  ADD ("/llm/mock/report", test_mock_report, 0);
  ADD ("/llm/mock/pick", test_mock_pick, 20);

  return g_test_run ();
}
