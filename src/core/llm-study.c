/* llm-study.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "llm-collection.h"
#include "llm-question.h"
#include "llm-review-log.h"
#include "llm-study.h"
#include "llm-topic.h"

/* Where each question stands in the user's memory: the review log, the
 * cards derived from it, and what to study next. The log is the truth; the
 * cards are only ever derived from it (on load) or advanced exactly as a
 * replay of the log would advance them (on each grade). */
struct _LlmStudy
{
  GObject parent_instance;

  LlmReviewLog *log;
  LlmSchedulerParams params;
  GHashTable *cards;   /* id → LlmCard */
};

G_DEFINE_FINAL_TYPE (LlmStudy, llm_study, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
llm_study_finalize (GObject *object)
{
  LlmStudy *self = (LlmStudy *)object;

  g_clear_object (&self->log);
  g_clear_pointer (&self->cards, g_hash_table_unref);

  G_OBJECT_CLASS (llm_study_parent_class)->finalize (object);
}

static void
llm_study_class_init (LlmStudyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_study_finalize;

  /**
   * LlmStudy::changed:
   * @id: (nullable): the question whose card changed, or %NULL for all
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
llm_study_init (LlmStudy *self)
{
  llm_scheduler_params_init_default (&self->params);
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * llm_study_new:
 * @log_file: (nullable): the review log, or %NULL to keep reviews in memory
 */
LlmStudy *
llm_study_new (GFile *log_file)
{
  LlmStudy *self = g_object_new (LLM_TYPE_STUDY, NULL);

  self->log = log_file ? llm_review_log_new_for_file (log_file) : llm_review_log_new ();
  return self;
}

static void
recompute (LlmStudy *self)
{
  g_clear_pointer (&self->cards, g_hash_table_unref);
  self->cards = llm_review_log_compute_cards (self->log, &self->params);
  g_signal_emit (self, signals[CHANGED], 0, NULL);
}

gboolean
llm_study_load (LlmStudy  *self,
                GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (LLM_IS_STUDY (self), FALSE);

  ok = llm_review_log_load (self->log, error);
  recompute (self);
  return ok;
}

/**
 * llm_study_get_warning:
 *
 * Returns: (nullable): what was wrong with the log (a torn last line),
 *   to be said once
 */
const char *
llm_study_get_warning (LlmStudy *self)
{
  g_return_val_if_fail (LLM_IS_STUDY (self), NULL);

  return llm_review_log_get_warning (self->log);
}

/**
 * llm_study_get_log:
 *
 * Returns: (transfer none): the review log the cards are derived from
 */
LlmReviewLog *
llm_study_get_log (LlmStudy *self)
{
  g_return_val_if_fail (LLM_IS_STUDY (self), NULL);

  return self->log;
}

const LlmSchedulerParams *
llm_study_get_params (LlmStudy *self)
{
  g_return_val_if_fail (LLM_IS_STUDY (self), NULL);

  return &self->params;
}

void
llm_study_set_retention (LlmStudy *self,
                         double    retention)
{
  g_return_if_fail (LLM_IS_STUDY (self));

  retention = CLAMP (retention, LLM_SCHEDULER_MIN_RETENTION, LLM_SCHEDULER_MAX_RETENTION);
  if (G_APPROX_VALUE (self->params.desired_retention, retention, 1e-9))
    return;

  /* Intervals depend on it all the way back: replay the log. */
  self->params.desired_retention = retention;
  recompute (self);
}

/**
 * llm_study_get_card:
 *
 * Returns: (nullable): @id's card, or %NULL while it has never been reviewed
 */
const LlmCard *
llm_study_get_card (LlmStudy   *self,
                    const char *id)
{
  g_return_val_if_fail (LLM_IS_STUDY (self), NULL);

  return id ? g_hash_table_lookup (self->cards, id) : NULL;
}

LlmStudyState
llm_study_get_state (LlmStudy   *self,
                     const char *id,
                     gint64      now)
{
  const LlmCard *card = llm_study_get_card (self, id);

  if (card == NULL || card->state == LLM_CARD_NEW)
    return LLM_STUDY_NEW;
  if (card->due <= now)
    return LLM_STUDY_DUE;
  if (card->state == LLM_CARD_REVIEW)
    return LLM_STUDY_KNOWN;

  return LLM_STUDY_LEARNING;
}

static LlmSchedulerParams
params_for (LlmStudy   *self,
            const char *id)
{
  LlmSchedulerParams params = self->params;

  /* The same per-question fuzz the log's replay uses. */
  params.fuzz_seed = llm_scheduler_fuzz_seed_for_id (self->params.fuzz_seed, id);
  return params;
}

/**
 * llm_study_preview:
 *
 * Returns: the interval @grade would give, in seconds, as the grade
 *   buttons show it
 */
gint64
llm_study_preview (LlmStudy   *self,
                   const char *id,
                   LlmGrade    grade,
                   gint64      now)
{
  LlmSchedulerParams params;
  const LlmCard *card;
  LlmCard fresh;

  g_return_val_if_fail (LLM_IS_STUDY (self), 0);
  g_return_val_if_fail (id != NULL, 0);

  params = params_for (self, id);
  card = llm_study_get_card (self, id);
  if (card == NULL)
    {
      llm_card_init (&fresh);
      card = &fresh;
    }

  return llm_scheduler_preview_interval (&params, card, grade, now);
}

/**
 * llm_study_grade:
 *
 * Writes the review to the log first; only once it is on disk does the
 * card move, so what the app shows never runs ahead of the log.
 */
gboolean
llm_study_grade (LlmStudy    *self,
                 const char  *id,
                 LlmGrade     grade,
                 guint        ms,
                 gint64       now,
                 GError     **error)
{
  LlmSchedulerParams params;
  const LlmCard *card;
  LlmCard fresh;
  LlmCard *next;

  g_return_val_if_fail (LLM_IS_STUDY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!llm_review_log_append (self->log, now, id, grade, ms, error))
    return FALSE;

  params = params_for (self, id);
  card = llm_study_get_card (self, id);
  if (card == NULL)
    {
      llm_card_init (&fresh);
      card = &fresh;
    }

  next = g_new (LlmCard, 1);
  *next = llm_scheduler_review (&params, card, grade, now);
  g_hash_table_replace (self->cards, g_strdup (id), next);

  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  LlmStudy *self = user_data;
  const LlmCard *ca = llm_study_get_card (self, llm_question_get_id (*(LlmQuestion **)a));
  const LlmCard *cb = llm_study_get_card (self, llm_question_get_id (*(LlmQuestion **)b));

  return (ca->due > cb->due) - (ca->due < cb->due);
}

/**
 * llm_study_build_queue:
 * @candidates: (element-type LlmQuestion): the questions in scope, in
 *   reading order
 * @due_only: %TRUE to take only what is due, plus up to @new_limit new ones
 * @new_limit: how many never-seen questions to bring in
 *
 * Due questions come first, the longest overdue first; then new ones in
 * reading order; then (unless @due_only) the rest, soonest due first.
 *
 * Returns: (transfer container) (element-type LlmQuestion): the queue
 */
GPtrArray *
llm_study_build_queue (LlmStudy  *self,
                       GPtrArray *candidates,
                       gboolean   due_only,
                       guint      new_limit,
                       gint64     now)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  g_autoptr(GPtrArray) later = g_ptr_array_new ();
  GPtrArray *queue = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_new = 0;

  g_return_val_if_fail (LLM_IS_STUDY (self), NULL);
  g_return_val_if_fail (candidates != NULL, NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      LlmQuestion *question = g_ptr_array_index (candidates, i);

      switch (llm_study_get_state (self, llm_question_get_id (question), now))
        {
        case LLM_STUDY_DUE:
          g_ptr_array_add (due, question);
          break;

        case LLM_STUDY_NEW:
          if (n_new < new_limit || !due_only)
            {
              n_new++;
              g_ptr_array_add (later, question);
            }
          break;

        case LLM_STUDY_LEARNING:
        case LLM_STUDY_KNOWN:
        default:
          break;
        }
    }

  g_ptr_array_sort_with_data (due, compare_due, self);
  for (guint i = 0; i < due->len; i++)
    g_ptr_array_add (queue, g_object_ref (g_ptr_array_index (due, i)));
  for (guint i = 0; i < later->len; i++)
    g_ptr_array_add (queue, g_object_ref (g_ptr_array_index (later, i)));

  if (!due_only)
    {
      g_autoptr(GPtrArray) rest = g_ptr_array_new ();

      for (guint i = 0; i < candidates->len; i++)
        {
          LlmQuestion *question = g_ptr_array_index (candidates, i);
          LlmStudyState state = llm_study_get_state (self, llm_question_get_id (question), now);

          if (state == LLM_STUDY_LEARNING || state == LLM_STUDY_KNOWN)
            g_ptr_array_add (rest, question);
        }
      g_ptr_array_sort_with_data (rest, compare_due, self);
      for (guint i = 0; i < rest->len; i++)
        g_ptr_array_add (queue, g_object_ref (g_ptr_array_index (rest, i)));
    }

  return queue;
}

/**
 * llm_study_count_due:
 *
 * Returns: how many questions of @collection are due at @now
 */
guint
llm_study_count_due (LlmStudy      *self,
                     LlmCollection *collection,
                     gint64         now)
{
  guint n, due = 0;

  g_return_val_if_fail (LLM_IS_STUDY (self), 0);
  g_return_val_if_fail (LLM_IS_COLLECTION (collection), 0);

  n = llm_collection_get_n_questions (collection);
  for (guint i = 0; i < n; i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);

      /* Pages are read, never asked. */
      if (llm_question_is_card (question))
        due += llm_study_get_state (self, llm_question_get_id (question), now) == LLM_STUDY_DUE;
    }

  return due;
}

/* How much a question should be asked in a mock interview: never seen
 * counts as weak, and a seen one by how likely it is to be forgotten and
 * how often it was. */
static double
mock_weight (LlmStudy   *self,
             const char *id,
             gint64      now)
{
  const LlmCard *card = llm_study_get_card (self, id);

  if (card == NULL || card->state == LLM_CARD_NEW)
    return 3.0;

  return 1.0 + 4.0 * (1.0 - llm_scheduler_retrievability (&self->params, card, now)) + card->lapses;
}

/**
 * llm_study_pick_mock:
 * @n: how many questions to ask
 * @rand: where the randomness comes from (seed it for a repeatable pick)
 *
 * Picks @n questions for a mock interview, weighted toward weak and unseen
 * ones and spread across topics: a topic gives a second question only once
 * every topic has given one.
 *
 * Returns: (transfer container) (element-type LlmQuestion): the questions
 */
GPtrArray *
llm_study_pick_mock (LlmStudy      *self,
                     LlmCollection *collection,
                     guint          n,
                     GRand         *rand,
                     gint64         now)
{
  GPtrArray *picked = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) topic_uses = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_topics;
  guint round = 0;

  g_return_val_if_fail (LLM_IS_STUDY (self), NULL);
  g_return_val_if_fail (LLM_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (rand != NULL, NULL);

  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    if (llm_question_is_card (llm_collection_get_question (collection, i)))
      g_ptr_array_add (pool, g_object_ref (llm_collection_get_question (collection, i)));

  n_topics = g_list_model_get_n_items (G_LIST_MODEL (collection));

  while (picked->len < n && pool->len > 0)
    {
      double total = 0.0, target;
      guint chosen = G_MAXUINT;

      /* Only topics used fewer than @round + 1 times take part. */
      for (guint i = 0; i < pool->len; i++)
        {
          LlmQuestion *q = g_ptr_array_index (pool, i);

          if (GPOINTER_TO_UINT (g_hash_table_lookup (topic_uses, llm_question_get_topic (q))) <= round)
            total += mock_weight (self, llm_question_get_id (q), now);
        }

      if (total <= 0.0)
        {
          round++;
          continue;
        }

      target = g_rand_double (rand) * total;
      for (guint i = 0; i < pool->len; i++)
        {
          LlmQuestion *q = g_ptr_array_index (pool, i);

          if (GPOINTER_TO_UINT (g_hash_table_lookup (topic_uses, llm_question_get_topic (q))) > round)
            continue;

          chosen = i;
          target -= mock_weight (self, llm_question_get_id (q), now);
          if (target < 0.0)
            break;
        }

      {
        LlmQuestion *q = g_ptr_array_index (pool, chosen);
        guint uses = GPOINTER_TO_UINT (g_hash_table_lookup (topic_uses, llm_question_get_topic (q)));

        g_hash_table_insert (topic_uses, (gpointer)llm_question_get_topic (q), GUINT_TO_POINTER (uses + 1));
        g_ptr_array_add (picked, g_object_ref (q));
        g_ptr_array_remove_index (pool, chosen);
      }

      if (g_hash_table_size (topic_uses) >= n_topics)
        {
          gboolean all_used = TRUE;
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, topic_uses);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            all_used &= GPOINTER_TO_UINT (value) > round;
          if (all_used)
            round++;
        }
    }

  return picked;
}
