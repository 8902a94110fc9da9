/* llm-study.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "llm-collection.h"
#include "llm-file-read.h"
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
  guint n_writes;      /* appends so far, to spot one during a read */
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

/* In a worker thread: only the file is read here, the study is left to
 * the main thread. */
static void
read_log_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (llm_file_read (file, cancellable, &contents, &length, &error))
    bytes = g_bytes_new_take (contents, length);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    bytes = g_bytes_new (NULL, 0);
  else
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void read_log (GTask *task);

static void
on_log_read (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LlmStudy *self = g_task_get_source_object (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *contents;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A grade written while the file was being read is on disk but may not
   * be in what was read: read again rather than lose it from the cards. */
  if (GPOINTER_TO_UINT (g_task_get_task_data (task)) != self->n_writes)
    {
      read_log (g_steal_pointer (&task));
      return;
    }

  contents = g_bytes_get_data (bytes, &length);
  llm_review_log_load_data (self->log, contents ? contents : "", length);
  recompute (self);
  g_task_return_boolean (task, TRUE);
}

static void
read_log (GTask *task)
{
  LlmStudy *self = g_task_get_source_object (task);
  g_autoptr(GTask) worker = NULL;

  g_task_set_task_data (task, GUINT_TO_POINTER (self->n_writes), NULL);
  worker = g_task_new (self, g_task_get_cancellable (task), on_log_read, task);
  g_task_set_source_tag (worker, read_log);
  g_task_set_task_data (worker, g_object_ref (llm_review_log_get_file (self->log)), g_object_unref);
  g_task_run_in_thread (worker, read_log_in_thread);
}

/**
 * llm_study_load_async:
 *
 * Reads the log without blocking the main loop. The cards are derived
 * from it on the main thread, and #LlmStudy::changed (with no id) says
 * they are in. Grades may be recorded meanwhile: none is lost.
 */
void
llm_study_load_async (LlmStudy            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LLM_IS_STUDY (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, llm_study_load_async);
  if (llm_review_log_get_file (self->log) == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  read_log (g_steal_pointer (&task));
}

/**
 * llm_study_load_finish:
 *
 * Returns: %FALSE if the log exists but could not be read
 */
gboolean
llm_study_load_finish (LlmStudy      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
 * llm_study_set_weights:
 * @w: (nullable) (array length=n_w): FSRS-6's 21 parameters, or %NULL
 *   (or anything but 21 finite numbers) for the defaults
 *
 * Schedules with @w from now on, replaying the whole log.
 */
void
llm_study_set_weights (LlmStudy     *self,
                       const double *w,
                       gsize         n_w)
{
  LlmSchedulerParams defaults;
  const double *use;

  g_return_if_fail (LLM_IS_STUDY (self));

  llm_scheduler_params_init_default (&defaults);
  use = llm_scheduler_weights_are_valid (w, n_w) ? w : defaults.w;
  if (memcmp (self->params.w, use, sizeof self->params.w) == 0)
    return;

  memcpy (self->params.w, use, sizeof self->params.w);
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

/* Replays @id's reviews alone: what its card is once a review is gone. */
static void
recompute_card (LlmStudy   *self,
                const char *id)
{
  LlmSchedulerParams params = params_for (self, id);
  guint n = llm_review_log_get_n_entries (self->log);
  LlmCard *card = NULL;

  for (guint i = 0; i < n; i++)
    {
      const LlmReviewEntry *entry = llm_review_log_get_entry (self->log, i);

      if (strcmp (entry->id, id) != 0)
        continue;
      if (card == NULL)
        {
          card = g_new (LlmCard, 1);
          llm_card_init (card);
        }
      *card = llm_scheduler_review (&params, card, entry->grade, entry->when);
    }

  if (card != NULL)
    g_hash_table_replace (self->cards, g_strdup (id), card);
  else
    g_hash_table_remove (self->cards, id);
}

/**
 * llm_study_record:
 * @review: (inout): the review; its `ms` may grow by a few milliseconds so
 *   that it is not the same as a review already undone (which would stay
 *   cancelled). Its `id` is borrowed.
 *
 * Writes the review to the log first; only once it is on disk does the
 * card move, so what the app shows never runs ahead of the log.
 */
gboolean
llm_study_record (LlmStudy        *self,
                  LlmReviewEntry  *review,
                  GError         **error)
{
  LlmSchedulerParams params;
  const LlmCard *card;
  LlmCard fresh;
  LlmCard *next;

  g_return_val_if_fail (LLM_IS_STUDY (self), FALSE);
  g_return_val_if_fail (review != NULL && review->id != NULL, FALSE);

  while (llm_review_log_is_undone (self->log, review))
    review->ms++;

  self->n_writes++;
  if (!llm_review_log_append (self->log, review->when, review->id, review->grade, review->ms, error))
    return FALSE;

  params = params_for (self, review->id);
  card = llm_study_get_card (self, review->id);
  if (card == NULL)
    {
      llm_card_init (&fresh);
      card = &fresh;
    }

  next = g_new (LlmCard, 1);
  *next = llm_scheduler_review (&params, card, review->grade, review->when);
  g_hash_table_replace (self->cards, g_strdup (review->id), next);

  g_signal_emit (self, signals[CHANGED], 0, review->id);
  return TRUE;
}

/**
 * llm_study_grade:
 *
 * Records a review of @id at @now (unix seconds); see llm_study_record().
 */
gboolean
llm_study_grade (LlmStudy    *self,
                 const char  *id,
                 LlmGrade     grade,
                 guint        ms,
                 gint64       now,
                 GError     **error)
{
  LlmReviewEntry review = { now, id, grade, ms };

  g_return_val_if_fail (id != NULL, FALSE);

  return llm_study_record (self, &review, error);
}

/**
 * llm_study_undo:
 * @review: a review llm_study_record() wrote, as it left it
 *
 * Cancels @review with an undo record in the log, then replays @id's
 * remaining reviews: its card is what it would be had the review never
 * happened.
 */
gboolean
llm_study_undo (LlmStudy              *self,
                const LlmReviewEntry  *review,
                GError               **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (LLM_IS_STUDY (self), FALSE);
  g_return_val_if_fail (review != NULL && review->id != NULL, FALSE);

  id = g_strdup (review->id);
  self->n_writes++;
  if (!llm_review_log_append_undo (self->log, review, error))
    return FALSE;

  recompute_card (self, id);
  g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;
}

/* Midnight starting the day @now falls on, in @tz. */
static gint64
start_of_day (GTimeZone *tz,
              gint64     now)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  if (t == NULL)
    return now;
  local = g_date_time_to_timezone (t, tz);
  midnight = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), 0, 0, 0);

  return midnight ? g_date_time_to_unix (midnight) : now;
}

/**
 * llm_study_count_new_today:
 * @tz: (nullable): the time zone days are counted in, or %NULL for local
 * @now: unix seconds
 *
 * How many questions were seen for the first time today: those whose
 * first review (undone ones aside) falls between the last midnight and
 * @now. Counted from the log, so a second self-test the same day, or a
 * restart, does not bring a fresh batch of new questions.
 */
guint
llm_study_count_new_today (LlmStudy  *self,
                           GTimeZone *tz,
                           gint64     now)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GHashTable) seen_before = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new_today = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 midnight;
  guint n;

  g_return_val_if_fail (LLM_IS_STUDY (self), 0);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  midnight = start_of_day (tz, now);

  /* The entries are in time order. */
  n = llm_review_log_get_n_entries (self->log);
  for (guint i = 0; i < n; i++)
    {
      const LlmReviewEntry *entry = llm_review_log_get_entry (self->log, i);

      if (entry->when > now)
        break;
      if (entry->when < midnight)
        g_hash_table_add (seen_before, (gpointer)entry->id);
      else if (!g_hash_table_contains (seen_before, entry->id))
        g_hash_table_add (new_today, (gpointer)entry->id);
    }

  return g_hash_table_size (new_today);
}

/**
 * llm_study_new_limit_today:
 * @questions: (element-type LlmQuestion): the collection's questions
 * @per_day: the new-per-day preference
 * @interview: (nullable): the day of the interview, if one is set
 * @tz: (nullable): the time zone days are counted in, or %NULL for local
 * @now: unix seconds
 *
 * How many more new questions today may bring. Without an interview date
 * it is @per_day less those already seen today. With one, today's share
 * follows the plan: every question not yet seen spread evenly over the
 * days left (today included), counting the ones seen today in both, so
 * the share stays the same all day.
 */
guint
llm_study_new_limit_today (LlmStudy      *self,
                           GPtrArray     *questions,
                           guint          per_day,
                           const GDate   *interview,
                           GTimeZone     *tz,
                           gint64         now)
{
  g_autoptr(GTimeZone) local = NULL;
  guint today, quota = per_day;

  g_return_val_if_fail (LLM_IS_STUDY (self), 0);
  g_return_val_if_fail (questions != NULL, 0);

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  today = llm_study_count_new_today (self, tz, now);

  if (interview != NULL && g_date_valid (interview))
    {
      g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (now);
      g_autoptr(GDateTime) there = g_date_time_to_timezone (t, tz);
      GDate date;
      gint64 days_left;
      guint unseen = 0;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (there),
                      g_date_time_get_month (there), g_date_time_get_year (there));
      days_left = MAX (g_date_days_between (&date, interview), 1);

      for (guint i = 0; i < questions->len; i++)
        if (llm_study_get_card (self, llm_question_get_id (g_ptr_array_index (questions, i))) == NULL)
          unseen++;

      quota = (guint)((unseen + today + days_left - 1) / days_left);
    }

  return quota > today ? quota - today : 0;
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
