/* llm-mock-session.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-coverage.h"
#include "llm-mock-session.h"
#include "llm-question.h"

/* A mock interview without a window: the questions, the clock of the one
 * being answered, the checklist of its key points and the grade, and the
 * totals of the report. The window only shows it and forwards keys.
 *
 * Each question is answered against the clock (LLM_MOCK_ANSWERING); when
 * the answer is submitted, or time runs out, its key points become a
 * checklist pre-ticked from the coverage (LLM_MOCK_RESULT), and the grade
 * suggested follows the ticks. The grade goes to the review log like a
 * self-test's, and the next question starts. */

struct _LlmMockSession
{
  GObject parent_instance;

  LlmStudy *study;           /* nullable: grades go nowhere */
  LlmClockFunc clock;
  gpointer clock_data;

  GPtrArray *questions;      /* LlmQuestion */
  GPtrArray *results;        /* LlmInterviewResult, one per question graded */
  guint position;
  LlmMockState state;
  gint64 limit_ms;
  gint64 started_ms;
  char *draft;

  /* The question in LLM_MOCK_RESULT, not yet in @results. */
  LlmInterviewResult *pending;
  gboolean pending_blank;
  gboolean pending_short;
  gboolean ticks_changed;
};

G_DEFINE_FINAL_TYPE (LlmMockSession, llm_mock_session, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
llm_mock_session_finalize (GObject *object)
{
  LlmMockSession *self = (LlmMockSession *)object;

  g_clear_object (&self->study);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->pending, llm_interview_result_free);
  g_clear_pointer (&self->draft, g_free);

  G_OBJECT_CLASS (llm_mock_session_parent_class)->finalize (object);
}

static void
llm_mock_session_class_init (LlmMockSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_mock_session_finalize;

  /**
   * LlmMockSession::changed:
   *
   * The state, the question or the checklist changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
llm_mock_session_init (LlmMockSession *self)
{
  self->results = g_ptr_array_new_with_free_func (llm_interview_result_free);
  self->draft = g_strdup ("");
}

/* How much a question should be asked: never seen counts as weak, and a
 * seen one by how likely it is to be forgotten and how often it was. */
static double
weakness (LlmStudy    *study,
          LlmQuestion *question,
          gint64       now)
{
  const LlmCard *card = llm_study_get_card (study, llm_question_get_id (question));

  if (card == NULL || card->state == LLM_CARD_NEW)
    return 3.0;

  return 1.0 + 4.0 * (1.0 - llm_scheduler_retrievability (llm_study_get_params (study), card, now)) + card->lapses;
}

/**
 * llm_mock_session_pick:
 * @questions: (element-type LlmQuestion): the collection's questions
 * @topics: (nullable): the topics to ask from, or %NULL for all
 * @n: how many questions to ask
 * @weak_first: weigh the pick toward weak and unseen questions; otherwise
 *   every question is as likely
 * @rand: where the randomness comes from (seed it for a repeatable pick)
 *
 * The one place a mock interview chooses its questions. They are spread
 * across topics: a topic gives a second question only once every topic in
 * play has given one.
 *
 * Returns: (transfer container) (element-type LlmQuestion): the questions
 */
GPtrArray *
llm_mock_session_pick (LlmStudy           *study,
                       GPtrArray          *questions,
                       const char * const *topics,
                       guint               n,
                       gboolean            weak_first,
                       GRand              *rand,
                       gint64              now)
{
  GPtrArray *picked = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pool = g_ptr_array_new ();
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) uses = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (LLM_IS_STUDY (study), NULL);
  g_return_val_if_fail (questions != NULL, NULL);
  g_return_val_if_fail (rand != NULL, NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      LlmQuestion *question = g_ptr_array_index (questions, i);
      double weight = weak_first ? weakness (study, question, now) : 1.0;

      /* Pages are read, never asked. */
      if (!llm_question_is_card (question))
        continue;
      if (topics != NULL && !g_strv_contains (topics, llm_question_get_topic (question)))
        continue;

      g_ptr_array_add (pool, question);
      g_array_append_val (weights, weight);
      g_hash_table_insert (uses, (gpointer)llm_question_get_topic (question), GUINT_TO_POINTER (0));
    }

  while (picked->len < n && pool->len > 0)
    {
      guint fewest = G_MAXUINT;
      double total = 0.0, target;
      guint chosen = G_MAXUINT;
      const char *topic;

      /* Only the topics asked least so far take part. */
      for (guint i = 0; i < pool->len; i++)
        fewest = MIN (fewest, GPOINTER_TO_UINT (g_hash_table_lookup (uses, llm_question_get_topic (g_ptr_array_index (pool, i)))));
      for (guint i = 0; i < pool->len; i++)
        if (GPOINTER_TO_UINT (g_hash_table_lookup (uses, llm_question_get_topic (g_ptr_array_index (pool, i)))) == fewest)
          total += g_array_index (weights, double, i);

      target = g_rand_double (rand) * total;
      for (guint i = 0; i < pool->len; i++)
        {
          if (GPOINTER_TO_UINT (g_hash_table_lookup (uses, llm_question_get_topic (g_ptr_array_index (pool, i)))) != fewest)
            continue;
          chosen = i;
          target -= g_array_index (weights, double, i);
          if (target < 0.0)
            break;
        }

      topic = llm_question_get_topic (g_ptr_array_index (pool, chosen));
      g_hash_table_insert (uses, (gpointer)topic, GUINT_TO_POINTER (fewest + 1));
      g_ptr_array_add (picked, g_object_ref (g_ptr_array_index (pool, chosen)));
      g_ptr_array_remove_index (pool, chosen);
      g_array_remove_index (weights, chosen);
    }

  return picked;
}

static gint64
now_ms (LlmMockSession *self)
{
  return self->clock (self->clock_data);
}

static void
start_question (LlmMockSession *self)
{
  if (self->position >= self->questions->len)
    {
      self->state = LLM_MOCK_FINISHED;
      return;
    }

  self->state = LLM_MOCK_ANSWERING;
  self->started_ms = now_ms (self);
  g_free (self->draft);
  self->draft = g_strdup ("");
}

/**
 * llm_mock_session_new:
 * @study: (nullable): where grades are recorded
 * @questions: (element-type LlmQuestion): the questions, as
 *   llm_mock_session_pick() chose them
 * @seconds_per_question: the time for each answer
 * @clock: (nullable): where the time comes from, or %NULL for the real one
 *
 * Returns: (transfer full): the interview, on its first question
 */
LlmMockSession *
llm_mock_session_new (LlmStudy     *study,
                      GPtrArray    *questions,
                      guint         seconds_per_question,
                      LlmClockFunc  clock,
                      gpointer      clock_data)
{
  LlmMockSession *self;

  g_return_val_if_fail (study == NULL || LLM_IS_STUDY (study), NULL);
  g_return_val_if_fail (questions != NULL, NULL);

  self = g_object_new (LLM_TYPE_MOCK_SESSION, NULL);
  self->study = study ? g_object_ref (study) : NULL;
  self->clock = clock ? clock : llm_clock_real;
  self->clock_data = clock ? clock_data : NULL;
  self->questions = g_ptr_array_copy (questions, (GCopyFunc)(void (*)(void))g_object_ref, NULL);
  g_ptr_array_set_free_func (self->questions, g_object_unref);
  self->limit_ms = (gint64)MAX (seconds_per_question, 1) * 1000;
  start_question (self);

  return self;
}

LlmMockState
llm_mock_session_get_state (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), LLM_MOCK_FINISHED);

  return self->state;
}

/**
 * llm_mock_session_get_position:
 *
 * Returns: the index of the question asked (or shown with its result)
 */
guint
llm_mock_session_get_position (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), 0);

  return self->position;
}

guint
llm_mock_session_get_n_questions (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), 0);

  return self->questions->len;
}

/**
 * llm_mock_session_get_question:
 *
 * Returns: (transfer none) (nullable): the question asked, %NULL once
 *   finished
 */
LlmQuestion *
llm_mock_session_get_question (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), NULL);

  if (self->state == LLM_MOCK_FINISHED)
    return NULL;

  return g_ptr_array_index (self->questions, self->position);
}

/**
 * llm_mock_session_get_remaining_ms:
 *
 * Returns: the time left for the answer, 0 when it has run out or the
 *   answer is in
 */
gint64
llm_mock_session_get_remaining_ms (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), 0);

  if (self->state != LLM_MOCK_ANSWERING)
    return 0;

  return MAX (self->started_ms + self->limit_ms - now_ms (self), 0);
}

/**
 * llm_mock_session_get_timer:
 *
 * Returns: how the clock should look: calm, a warning in the last
 *   LLM_MOCK_WARN_MS, urgent in the last LLM_MOCK_URGENT_MS
 */
LlmMockTimer
llm_mock_session_get_timer (LlmMockSession *self)
{
  gint64 left;

  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), LLM_MOCK_TIMER_CALM);

  if (self->state != LLM_MOCK_ANSWERING)
    return LLM_MOCK_TIMER_CALM;

  left = llm_mock_session_get_remaining_ms (self);
  if (left <= LLM_MOCK_URGENT_MS)
    return LLM_MOCK_TIMER_URGENT;
  if (left <= LLM_MOCK_WARN_MS)
    return LLM_MOCK_TIMER_WARNING;
  return LLM_MOCK_TIMER_CALM;
}

/**
 * llm_mock_session_set_draft:
 *
 * The answer as typed so far: what is submitted when time runs out.
 */
void
llm_mock_session_set_draft (LlmMockSession *self,
                            const char     *answer)
{
  g_return_if_fail (LLM_IS_MOCK_SESSION (self));

  if (self->state != LLM_MOCK_ANSWERING)
    return;

  g_free (self->draft);
  self->draft = g_strdup (answer ? answer : "");
}

static void
update_grade (LlmMockSession *self)
{
  LlmInterviewResult *result = self->pending;
  guint n = g_strv_length (result->points);
  gboolean blank = self->pending_blank;
  int grade;

  result->n_covered = 0;
  for (guint i = 0; i < n; i++)
    result->n_covered += result->covered[i] != FALSE;

  /* Timed out, the answer counts as not given, until the candidate ticks
   * what they did cover (perhaps aloud). */
  if (result->timed_out && !self->ticks_changed)
    blank = TRUE;
  if (self->ticks_changed && result->answer[0] == '\0')
    blank = FALSE;

  grade = llm_coverage_suggest_grade (result->n_covered, n, blank, self->pending_short);
  result->grade = grade == LLM_COVERAGE_GRADE_NONE ? LLM_GRADE_GOOD : (LlmGrade)grade;
}

static void
submit (LlmMockSession *self,
        gboolean        timed_out)
{
  LlmQuestion *question = g_ptr_array_index (self->questions, self->position);
  g_autoptr(LlmCoverage) coverage = NULL;
  LlmInterviewResult *result;
  guint n;

  result = g_new0 (LlmInterviewResult, 1);
  result->question = g_object_ref (question);
  result->answer = g_strdup (g_strstrip (self->draft));
  result->seconds = (guint)(MIN (now_ms (self) - self->started_ms, self->limit_ms) / 1000);
  result->timed_out = timed_out;
  result->points = llm_coverage_key_points_for (question);

  coverage = llm_coverage_score_full ((const char * const *)result->points, result->answer,
                                      llm_question_get_answer (question));
  n = llm_coverage_get_n_points (coverage);
  result->covered = g_new0 (gboolean, n + 1);
  for (guint i = 0; i < n; i++)
    result->covered[i] = llm_coverage_get_covered (coverage, i);
  result->cross_script = llm_coverage_get_cross_script (coverage);

  g_clear_pointer (&self->pending, llm_interview_result_free);
  self->pending = result;
  self->pending_blank = llm_coverage_get_blank (coverage);
  self->pending_short = llm_coverage_get_short (coverage);
  self->ticks_changed = FALSE;
  update_grade (self);

  self->state = LLM_MOCK_RESULT;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * llm_mock_session_tick:
 *
 * Called by the window's timer: when the time is up, the draft is
 * submitted as it is.
 *
 * Returns: whether time ran out now
 */
gboolean
llm_mock_session_tick (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), FALSE);

  if (self->state != LLM_MOCK_ANSWERING || llm_mock_session_get_remaining_ms (self) > 0)
    return FALSE;

  submit (self, TRUE);
  return TRUE;
}

/**
 * llm_mock_session_submit:
 *
 * The candidate is done: the draft is scored.
 */
void
llm_mock_session_submit (LlmMockSession *self)
{
  g_return_if_fail (LLM_IS_MOCK_SESSION (self));

  if (self->state != LLM_MOCK_ANSWERING)
    return;

  submit (self, llm_mock_session_get_remaining_ms (self) == 0);
}

/**
 * llm_mock_session_get_result:
 *
 * Returns: (transfer none) (nullable): the answer being graded, with its
 *   checklist and suggested grade, in LLM_MOCK_RESULT
 */
LlmInterviewResult *
llm_mock_session_get_result (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), NULL);

  return self->state == LLM_MOCK_RESULT ? self->pending : NULL;
}

/**
 * llm_mock_session_set_ticked:
 *
 * The candidate ticks or unticks a key point; the suggested grade follows.
 */
void
llm_mock_session_set_ticked (LlmMockSession *self,
                             guint           point,
                             gboolean        ticked)
{
  g_return_if_fail (LLM_IS_MOCK_SESSION (self));

  if (self->state != LLM_MOCK_RESULT || point >= g_strv_length (self->pending->points))
    return;
  if (self->pending->covered[point] == ticked)
    return;

  self->pending->covered[point] = ticked;
  self->ticks_changed = TRUE;
  update_grade (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * llm_mock_session_get_suggested:
 *
 * Returns: the grade the ticks suggest, in LLM_MOCK_RESULT
 */
LlmGrade
llm_mock_session_get_suggested (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), LLM_GRADE_AGAIN);

  return self->pending ? self->pending->grade : LLM_GRADE_AGAIN;
}

/**
 * llm_mock_session_grade:
 *
 * Confirms a grade for the answer shown and moves to the next question.
 * The grade is recorded in the review log like a self-test's.
 *
 * Returns: %FALSE if the review could not be written (the interview goes
 *   on: the report still has it)
 */
gboolean
llm_mock_session_grade (LlmMockSession  *self,
                        LlmGrade         grade,
                        GError         **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), FALSE);
  g_return_val_if_fail (grade >= LLM_GRADE_AGAIN && grade <= LLM_GRADE_EASY, FALSE);

  if (self->state != LLM_MOCK_RESULT)
    return TRUE;

  self->pending->grade = grade;
  if (self->study != NULL)
    ok = llm_study_grade (self->study, llm_question_get_id (self->pending->question), grade,
                          self->pending->seconds * 1000, now_ms (self) / 1000, error);

  g_ptr_array_add (self->results, g_steal_pointer (&self->pending));
  self->position++;
  start_question (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return ok;
}

/**
 * llm_mock_session_finish:
 *
 * Ends the interview now. The questions graded so far make a partial
 * report; an answer being typed or awaiting its grade is dropped.
 */
void
llm_mock_session_finish (LlmMockSession *self)
{
  g_return_if_fail (LLM_IS_MOCK_SESSION (self));

  if (self->state == LLM_MOCK_FINISHED)
    return;

  g_clear_pointer (&self->pending, llm_interview_result_free);
  self->state = LLM_MOCK_FINISHED;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * llm_mock_session_get_results:
 *
 * Returns: (transfer none) (element-type LlmInterviewResult): the
 *   questions graded, in order
 */
GPtrArray *
llm_mock_session_get_results (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), NULL);

  return self->results;
}

/**
 * llm_mock_session_is_partial:
 *
 * Returns: whether the interview ended before every question was graded
 */
gboolean
llm_mock_session_is_partial (LlmMockSession *self)
{
  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), FALSE);

  return self->results->len < self->questions->len;
}

/**
 * llm_mock_session_get_totals:
 * @totals: (out caller-allocates): what the report leads with
 */
void
llm_mock_session_get_totals (LlmMockSession *self,
                             LlmMockTotals  *totals)
{
  g_return_if_fail (LLM_IS_MOCK_SESSION (self));
  g_return_if_fail (totals != NULL);

  memset (totals, 0, sizeof *totals);
  totals->n_questions = self->questions->len;
  totals->n_answered = self->results->len;

  for (guint i = 0; i < self->results->len; i++)
    {
      LlmInterviewResult *result = g_ptr_array_index (self->results, i);

      totals->n_covered += result->n_covered;
      totals->n_points += g_strv_length (result->points);
      totals->seconds += result->seconds;
      totals->n_missed += result->grade <= LLM_GRADE_HARD;
    }

  totals->percent = totals->n_points ? totals->n_covered * 100 / totals->n_points : 0;
}

/**
 * llm_mock_session_dup_missed:
 *
 * Returns: (transfer container) (element-type LlmQuestion): the questions
 *   graded Again or Hard, for "Retry missed"
 */
GPtrArray *
llm_mock_session_dup_missed (LlmMockSession *self)
{
  GPtrArray *missed = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LLM_IS_MOCK_SESSION (self), missed);

  for (guint i = 0; i < self->results->len; i++)
    {
      LlmInterviewResult *result = g_ptr_array_index (self->results, i);

      if (result->grade <= LLM_GRADE_HARD)
        g_ptr_array_add (missed, g_object_ref (result->question));
    }

  return missed;
}
