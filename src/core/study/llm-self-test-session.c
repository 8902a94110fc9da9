/* llm-self-test-session.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-question.h"
#include "llm-self-test-session.h"

/* One sitting of self-test, without a window: which question is asked,
 * what is left, and what the grades did, so that it can be undone.
 *
 * Questions come from two places, as in Anki: the main queue (due ones,
 * then new ones, built once at the start) and the learning queue (cards
 * graded into a learning step that comes due within the sitting). A
 * learning card is asked as soon as it is due; when the main queue is
 * empty, the learning ones are asked up to LLM_SELF_TEST_LEARN_AHEAD_S
 * early instead of waiting. The session ends when neither has anything. */

typedef struct {
  guint next_main;
  GPtrArray *learning;
  LlmQuestion *current;
  guint graded[LLM_GRADE_EASY + 1];
  guint n_reviewed;
  gint64 time_ms;
  /* The review the grade wrote, to cancel it. */
  LlmReviewEntry review;
  char *review_id;
} Snapshot;

struct _LlmSelfTestSession
{
  GObject parent_instance;

  LlmStudy *study;
  LlmClockFunc clock;
  gpointer clock_data;

  GPtrArray *main;        /* LlmQuestion, in the order asked */
  guint next_main;
  GPtrArray *learning;    /* LlmQuestion, waiting for their step */
  LlmQuestion *current;   /* NULL once finished */
  gboolean revealed;
  gint64 shown_at_ms;

  guint graded[LLM_GRADE_EASY + 1];
  guint n_reviewed;
  gint64 time_ms;

  GPtrArray *undo;        /* Snapshot, the last grade last */
};

G_DEFINE_FINAL_TYPE (LlmSelfTestSession, llm_self_test_session, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_clear_pointer (&snapshot->learning, g_ptr_array_unref);
  g_clear_object (&snapshot->current);
  g_free (snapshot->review_id);
  g_free (snapshot);
}

static void
llm_self_test_session_finalize (GObject *object)
{
  LlmSelfTestSession *self = (LlmSelfTestSession *)object;

  g_clear_object (&self->study);
  g_clear_pointer (&self->main, g_ptr_array_unref);
  g_clear_pointer (&self->learning, g_ptr_array_unref);
  g_clear_object (&self->current);
  g_clear_pointer (&self->undo, g_ptr_array_unref);

  G_OBJECT_CLASS (llm_self_test_session_parent_class)->finalize (object);
}

static void
llm_self_test_session_class_init (LlmSelfTestSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_self_test_session_finalize;

  /**
   * LlmSelfTestSession::changed:
   *
   * The question, the counts or the revealed state changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
llm_self_test_session_init (LlmSelfTestSession *self)
{
  self->learning = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_ptr_array_new_with_free_func (snapshot_free);
}

static gint64
now_ms (LlmSelfTestSession *self)
{
  return self->clock (self->clock_data);
}

static gboolean
in_scope (LlmQuestion              *question,
          const LlmSelfTestOptions *options)
{
  switch (options->scope)
    {
    case LLM_SELF_TEST_SCOPE_TOPIC:
      return g_strcmp0 (llm_question_get_topic (question), options->topic) == 0;

    case LLM_SELF_TEST_SCOPE_BOOKMARKS:
      return options->bookmarks != NULL &&
             g_strv_contains (options->bookmarks, llm_question_get_id (question));

    case LLM_SELF_TEST_SCOPE_DUE:
    case LLM_SELF_TEST_SCOPE_ALL:
    default:
      return TRUE;
    }
}

/* The one place a self-test chooses its questions from the collection's:
 * those in scope, then due ones first, new ones up to today's limit, and
 * (unless only what is due was asked for) the rest, soonest due first. */
static GPtrArray *
pick_questions (LlmStudy                 *study,
                GPtrArray                *questions,
                const LlmSelfTestOptions *options,
                gint64                    now)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  GPtrArray *queue;

  for (guint i = 0; i < questions->len; i++)
    {
      LlmQuestion *question = g_ptr_array_index (questions, i);

      /* Pages are read, never asked. */
      if (llm_question_is_card (question) && in_scope (question, options))
        g_ptr_array_add (candidates, question);
    }

  queue = llm_study_build_queue (study, candidates, options->scope == LLM_SELF_TEST_SCOPE_DUE,
                                 options->new_limit, now);

  /* Shuffled after the day's share is picked, so the order never changes
   * which questions are asked; Fisher–Yates, from the source passed in. */
  if (options->shuffle != NULL)
    for (guint i = queue->len; i > 1; i--)
      {
        guint j = g_rand_int_range (options->shuffle, 0, i);
        gpointer swap = queue->pdata[i - 1];

        queue->pdata[i - 1] = queue->pdata[j];
        queue->pdata[j] = swap;
      }

  return queue;
}

static gint64
due_of (LlmSelfTestSession *self,
        LlmQuestion        *question)
{
  const LlmCard *card = llm_study_get_card (self->study, llm_question_get_id (question));

  return card != NULL ? card->due : 0;
}

/* The learning card due first, or -1. */
static int
first_learning (LlmSelfTestSession *self)
{
  int best = -1;

  for (guint i = 0; i < self->learning->len; i++)
    if (best < 0 || due_of (self, g_ptr_array_index (self->learning, i)) <
                    due_of (self, g_ptr_array_index (self->learning, best)))
      best = i;

  return best;
}

static void
advance (LlmSelfTestSession *self)
{
  gint64 now = now_ms (self) / 1000;
  int first = first_learning (self);
  LlmQuestion *next = NULL;

  if (first >= 0 && due_of (self, g_ptr_array_index (self->learning, first)) <= now)
    next = g_ptr_array_steal_index (self->learning, first);
  else if (self->next_main < self->main->len)
    next = g_object_ref (g_ptr_array_index (self->main, self->next_main++));
  else if (first >= 0 &&
           due_of (self, g_ptr_array_index (self->learning, first)) <= now + LLM_SELF_TEST_LEARN_AHEAD_S)
    next = g_ptr_array_steal_index (self->learning, first);

  g_clear_object (&self->current);
  self->current = next;
  self->revealed = FALSE;
  self->shown_at_ms = now_ms (self);
}

/**
 * llm_self_test_session_new:
 * @study: where the cards and the review log are
 * @questions: (element-type LlmQuestion): the collection's questions, in
 *   reading order
 * @options: what to ask
 * @clock: (nullable): where the time comes from, or %NULL for the real one
 *
 * Returns: (transfer full): the session, on its first question (or
 *   already finished when nothing is in scope: see
 *   llm_self_test_session_is_empty())
 */
LlmSelfTestSession *
llm_self_test_session_new (LlmStudy                 *study,
                           GPtrArray                *questions,
                           const LlmSelfTestOptions *options,
                           LlmClockFunc              clock,
                           gpointer                  clock_data)
{
  LlmSelfTestSession *self;

  g_return_val_if_fail (LLM_IS_STUDY (study), NULL);
  g_return_val_if_fail (questions != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (LLM_TYPE_SELF_TEST_SESSION, NULL);
  self->study = g_object_ref (study);
  self->clock = clock ? clock : llm_clock_real;
  self->clock_data = clock ? clock_data : NULL;
  self->main = pick_questions (study, questions, options, now_ms (self) / 1000);
  advance (self);

  return self;
}

/**
 * llm_self_test_session_get_current:
 *
 * Returns: (transfer none) (nullable): the question asked, %NULL once
 *   the session is finished
 */
LlmQuestion *
llm_self_test_session_get_current (LlmSelfTestSession *self)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), NULL);

  return self->current;
}

gboolean
llm_self_test_session_is_finished (LlmSelfTestSession *self)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), TRUE);

  return self->current == NULL;
}

/**
 * llm_self_test_session_is_empty:
 *
 * Returns: whether there was nothing to ask at all
 */
gboolean
llm_self_test_session_is_empty (LlmSelfTestSession *self)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), TRUE);

  return self->main->len == 0;
}

gboolean
llm_self_test_session_get_revealed (LlmSelfTestSession *self)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), FALSE);

  return self->revealed;
}

void
llm_self_test_session_reveal (LlmSelfTestSession *self)
{
  g_return_if_fail (LLM_IS_SELF_TEST_SESSION (self));

  if (self->current == NULL || self->revealed)
    return;

  self->revealed = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static Snapshot *
take_snapshot (LlmSelfTestSession *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->next_main = self->next_main;
  snapshot->learning = g_ptr_array_copy (self->learning, (GCopyFunc)(void (*)(void))g_object_ref, NULL);
  g_ptr_array_set_free_func (snapshot->learning, g_object_unref);
  snapshot->current = g_object_ref (self->current);
  memcpy (snapshot->graded, self->graded, sizeof self->graded);
  snapshot->n_reviewed = self->n_reviewed;
  snapshot->time_ms = self->time_ms;

  return snapshot;
}

/**
 * llm_self_test_session_grade:
 *
 * Grades the question shown (its answer revealed first): the review goes
 * to the log, a card still learning and due again within the sitting
 * waits in the learning queue, and the next question is shown.
 *
 * Returns: %FALSE if the review could not be written; nothing moved then
 */
gboolean
llm_self_test_session_grade (LlmSelfTestSession  *self,
                             LlmGrade             grade,
                             GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  Snapshot *snapshot;
  const LlmCard *card;
  gint64 now = now_ms (self);
  gint64 taken;

  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), FALSE);
  g_return_val_if_fail (grade >= LLM_GRADE_AGAIN && grade <= LLM_GRADE_EASY, FALSE);

  if (self->current == NULL || !self->revealed)
    return TRUE;

  taken = CLAMP (now - self->shown_at_ms, 0, LLM_SELF_TEST_MAX_ANSWER_MS);
  snapshot = take_snapshot (self);
  snapshot->review_id = g_strdup (llm_question_get_id (self->current));
  snapshot->review.id = snapshot->review_id;
  snapshot->review.when = now / 1000;
  snapshot->review.grade = grade;
  snapshot->review.ms = (guint)taken;

  if (!llm_study_record (self->study, &snapshot->review, error))
    {
      snapshot_free (snapshot);
      return FALSE;
    }

  g_ptr_array_add (self->undo, snapshot);
  self->graded[grade]++;
  self->n_reviewed++;
  self->time_ms += taken;

  card = llm_study_get_card (self->study, llm_question_get_id (self->current));
  if (card != NULL && card->state != LLM_CARD_REVIEW &&
      card->due - now / 1000 <= LLM_SELF_TEST_LEARN_AHEAD_S)
    g_ptr_array_add (self->learning, g_object_ref (self->current));

  advance (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
llm_self_test_session_can_undo (LlmSelfTestSession *self)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), FALSE);

  return self->undo->len > 0;
}

/**
 * llm_self_test_session_undo:
 *
 * Takes back the last grade: an undo record cancels its review in the
 * log, and the question it was given to is asked again, covered, with
 * the session as it was before the grade.
 *
 * Returns: %FALSE if there was nothing to undo or the record could not be
 *   written
 */
gboolean
llm_self_test_session_undo (LlmSelfTestSession  *self,
                            GError             **error)
{
  Snapshot *snapshot;

  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  snapshot = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (!llm_study_undo (self->study, &snapshot->review, error))
    return FALSE;

  self->next_main = snapshot->next_main;
  g_clear_pointer (&self->learning, g_ptr_array_unref);
  self->learning = g_steal_pointer (&snapshot->learning);
  g_clear_object (&self->current);
  self->current = g_steal_pointer (&snapshot->current);
  memcpy (self->graded, snapshot->graded, sizeof self->graded);
  self->n_reviewed = snapshot->n_reviewed;
  self->time_ms = snapshot->time_ms;
  self->revealed = FALSE;
  self->shown_at_ms = now_ms (self);
  g_ptr_array_remove_index (self->undo, self->undo->len - 1);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
count_one (LlmSelfTestSession *self,
           LlmQuestion        *question,
           LlmSelfTestCounts  *counts)
{
  const LlmCard *card = llm_study_get_card (self->study, llm_question_get_id (question));

  if (card == NULL || card->state == LLM_CARD_NEW)
    counts->n_new++;
  else if (card->state == LLM_CARD_LEARNING || card->state == LLM_CARD_RELEARNING)
    counts->n_learning++;
  else
    counts->n_due++;
}

/**
 * llm_self_test_session_get_counts:
 * @counts: (out caller-allocates): what is left, by kind
 *
 * Anki's three numbers: new questions, questions in a learning step, and
 * review questions still to ask in this sitting, the one shown included.
 * A requeued question moves between them; it never makes the session
 * look longer than it is.
 */
void
llm_self_test_session_get_counts (LlmSelfTestSession *self,
                                  LlmSelfTestCounts  *counts)
{
  g_return_if_fail (LLM_IS_SELF_TEST_SESSION (self));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  if (self->current != NULL)
    count_one (self, self->current, counts);
  for (guint i = self->next_main; i < self->main->len; i++)
    count_one (self, g_ptr_array_index (self->main, i), counts);
  for (guint i = 0; i < self->learning->len; i++)
    count_one (self, g_ptr_array_index (self->learning, i), counts);
}

/**
 * llm_self_test_session_get_progress:
 *
 * Returns: the share of the sitting done, 0 to 1: reviews given over
 *   reviews given and questions left
 */
double
llm_self_test_session_get_progress (LlmSelfTestSession *self)
{
  LlmSelfTestCounts counts;
  guint left;

  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), 0.0);

  llm_self_test_session_get_counts (self, &counts);
  left = counts.n_new + counts.n_learning + counts.n_due;
  if (self->n_reviewed + left == 0)
    return 1.0;

  return (double)self->n_reviewed / (self->n_reviewed + left);
}

guint
llm_self_test_session_get_n_reviewed (LlmSelfTestSession *self)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), 0);

  return self->n_reviewed;
}

guint
llm_self_test_session_get_n_graded (LlmSelfTestSession *self,
                                    LlmGrade            grade)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), 0);
  g_return_val_if_fail (grade >= LLM_GRADE_AGAIN && grade <= LLM_GRADE_EASY, 0);

  return self->graded[grade];
}

/**
 * llm_self_test_session_get_time_spent_ms:
 *
 * Returns: the time spent answering, each question counted up to
 *   LLM_SELF_TEST_MAX_ANSWER_MS
 */
gint64
llm_self_test_session_get_time_spent_ms (LlmSelfTestSession *self)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), 0);

  return self->time_ms;
}

/**
 * llm_self_test_session_get_next_due:
 *
 * Returns: when the first of the questions asked in this sitting comes
 *   due again, unix seconds, or 0 if none was graded
 */
gint64
llm_self_test_session_get_next_due (LlmSelfTestSession *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 next = 0;

  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), 0);

  for (guint i = 0; i < self->undo->len; i++)
    {
      Snapshot *snapshot = g_ptr_array_index (self->undo, i);
      const LlmCard *card;

      if (!g_hash_table_add (seen, snapshot->review_id))
        continue;
      card = llm_study_get_card (self->study, snapshot->review_id);
      if (card != NULL && (next == 0 || card->due < next))
        next = card->due;
    }

  return next;
}

/**
 * llm_self_test_session_preview:
 *
 * Returns: the interval @grade would give the question shown, in
 *   seconds, as its grade button says it
 */
gint64
llm_self_test_session_preview (LlmSelfTestSession *self,
                               LlmGrade            grade)
{
  g_return_val_if_fail (LLM_IS_SELF_TEST_SESSION (self), 0);

  if (self->current == NULL)
    return 0;

  return llm_study_preview (self->study, llm_question_get_id (self->current), grade, now_ms (self) / 1000);
}
