/* llm-fsrs-optimizer.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Trains FSRS-6's 21 parameters on the user's own review log, following
 * the procedure of fsrs-rs 6.5.0 (the optimiser behind Anki's "Optimize"):
 *
 * 1. Anki's conversion: each question's reviews in time order, each with
 *    the UTC days since the previous one; an item for every review after
 *    the first that falls on a later day, holding the history up to it;
 *    items in the order of that review's time.
 * 2. Outliers out: first reviews whose (grade, days to the next review)
 *    pair is too rare to say anything are dropped, with every item of
 *    those questions.
 * 3. Pre-training: the initial stabilities w[0] … w[3], one per first
 *    grade, by a ternary search on how often the second review was
 *    recalled, then smoothed to be increasing and filled in where a grade
 *    was never given.
 * 4. Gradient descent: Adam on the recency-weighted log loss over batches
 *    of 512 items, cosine-annealed learning rate, five epochs, an L2 pull
 *    towards the starting point scaled by each parameter's spread across
 *    users, parameters clipped to their bounds after every step; the epoch
 *    with the lowest loss wins.
 *
 * Gradients come from forward-mode automatic differentiation: every
 * quantity carries its derivative with respect to all 21 parameters.
 *
 * This file makes the items, drops the outliers and pre-trains; gradient
 * descent is in llm-fsrs-optimizer-train.c and the evaluator, which
 * unlike training computes in single precision in fsrs-rs's order of
 * operations, in llm-fsrs-optimizer-evaluate.c. */

#include "config.h"

#include <float.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "llm-fsrs-optimizer-private.h"

const double _llm_fsrs_default_w[N_W] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
  0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
  0.0912, 0.0658, 0.1542,
};

/* How much each parameter varies between users: the L2 pull is weaker on
 * parameters that vary a lot. */
const double _llm_fsrs_params_stddev[N_W] = {
  6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3,
  0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
};

/* fsrs-rs's bounds. w[19]'s floor is 0.01 while training with short-term
 * memory on, 0 when a model is built for evaluation. */
const double _llm_fsrs_w_bounds[N_W][2] = {
  { S_MIN, INIT_S_MAX }, { S_MIN, INIT_S_MAX }, { S_MIN, INIT_S_MAX }, { S_MIN, INIT_S_MAX },
  { D_MIN, D_MAX }, { 0.001, 4 }, { 0.001, 4 }, { 0.001, 0.75 }, { 0, 4.5 }, { 0, 0.8 },
  { 0.001, 3.5 }, { 0.001, 5 }, { 0.001, 0.25 }, { 0.001, 0.9 }, { 0, 4 }, { 0, 1 },
  { 1, 6 }, { 0, 2 }, { 0, 2 }, { 0.01, 0.8 }, { 0.1, 0.8 },
};

G_DEFINE_FINAL_TYPE (LlmFsrsOptimizer, llm_fsrs_optimizer, G_TYPE_OBJECT)

static void
llm_fsrs_optimizer_finalize (GObject *object)
{
  LlmFsrsOptimizer *self = (LlmFsrsOptimizer *)object;

  g_clear_pointer (&self->reviews, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->init_items, g_array_unref);
  g_clear_pointer (&self->train_items, g_array_unref);
  g_clear_pointer (&self->eval_items, g_array_unref);

  G_OBJECT_CLASS (llm_fsrs_optimizer_parent_class)->finalize (object);
}

static void
llm_fsrs_optimizer_class_init (LlmFsrsOptimizerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = llm_fsrs_optimizer_finalize;
}

static void
llm_fsrs_optimizer_init (LlmFsrsOptimizer *self)
{
  self->reviews = g_array_new (FALSE, FALSE, sizeof (Review));
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->init_items = g_array_new (FALSE, FALSE, sizeof (const Item *));
  self->train_items = g_array_new (FALSE, FALSE, sizeof (const Item *));
  self->eval_items = g_array_new (FALSE, FALSE, sizeof (const Item *));
}

static void select_items (LlmFsrsOptimizer *self);

static gint64
day_number (gint64 unix_seconds)
{
  gint64 day = unix_seconds / SECONDS_PER_DAY;

  if (unix_seconds % SECONDS_PER_DAY < 0)
    day--;

  return day;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->when != y->when)
    return x->when < y->when ? -1 : 1;
  if (x->card != y->card)
    return x->card < y->card ? -1 : 1;
  return x->n < y->n ? -1 : x->n > y->n;
}

typedef struct {
  gint64   when;
  LlmGrade grade;
} Entry;

/**
 * llm_fsrs_optimizer_new:
 *
 * Converts every review in @log into training items, as Anki does. The
 * optimiser keeps no reference to @log, so it may train in another thread
 * while @log changes.
 */
LlmFsrsOptimizer *
llm_fsrs_optimizer_new (LlmReviewLog *log)
{
  LlmFsrsOptimizer *self;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  guint n;

  g_return_val_if_fail (LLM_IS_REVIEW_LOG (log), NULL);

  self = g_object_new (LLM_TYPE_FSRS_OPTIMIZER, NULL);
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  cards = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  /* The log is sorted by time: each question's reviews come in order. */
  n = llm_review_log_get_n_entries (log);
  for (guint i = 0; i < n; i++)
    {
      const LlmReviewEntry *e = llm_review_log_get_entry (log, i);
      GArray *card = g_hash_table_lookup (by_id, e->id);
      Entry entry = { e->when, e->grade };

      if (card == NULL)
        {
          card = g_array_new (FALSE, FALSE, sizeof (Entry));
          g_ptr_array_add (cards, card);
          g_hash_table_insert (by_id, (gpointer)e->id, card);
        }
      g_array_append_val (card, entry);
    }

  for (guint c = 0; c < cards->len; c++)
    {
      GArray *card = g_ptr_array_index (cards, c);
      guint start = self->reviews->len;

      for (guint i = 0; i < card->len; i++)
        {
          const Entry *e = &g_array_index (card, Entry, i);
          Review r = { (guint8)e->grade, 0 };

          if (i > 0)
            {
              gint64 days = day_number (e->when) - day_number (g_array_index (card, Entry, i - 1).when);
              r.delta_t = (guint32)CLAMP (days, 0, G_MAXINT32);
            }
          g_array_append_val (self->reviews, r);

          if (i > 0 && r.delta_t > 0)
            {
              Item item = { start, i + 1, e->when, c };
              g_array_append_val (self->items, item);
            }
        }
    }

  g_array_sort (self->items, compare_items);
  select_items (self);

  return self;
}

/**
 * llm_fsrs_optimizer_get_n_items:
 *
 * Returns: how many reviews the optimiser learns from: those that fall on
 *   a later day than their question's previous review
 */
guint
llm_fsrs_optimizer_get_n_items (LlmFsrsOptimizer *self)
{
  g_return_val_if_fail (LLM_IS_FSRS_OPTIMIZER (self), 0);

  return self->items->len;
}

/**
 * llm_fsrs_optimizer_get_n_used:
 *
 * Returns: how many of those are left to learn from once the outliers
 *   are out: what training and evaluation use
 */
guint
llm_fsrs_optimizer_get_n_used (LlmFsrsOptimizer *self)
{
  g_return_val_if_fail (LLM_IS_FSRS_OPTIMIZER (self), 0);

  return self->train_items->len;
}

/* ---- Outliers and pre-training ---- */

typedef struct {
  guint32 delta_t;
  GArray *items;   /* const Item * */
} SubGroup;

static void
sub_group_clear (gpointer p)
{
  SubGroup *g = p;

  g_clear_pointer (&g->items, g_array_unref);
}

static int
compare_sub_groups (gconstpointer a,
                    gconstpointer b)
{
  const SubGroup *x = a;
  const SubGroup *y = b;

  /* Largest first, then the longest delay. */
  if (x->items->len != y->items->len)
    return x->items->len > y->items->len ? -1 : 1;
  return x->delta_t > y->delta_t ? -1 : x->delta_t < y->delta_t;
}

/* Which (first grade, days to the second review) pairs are too rare to
 * trust: per first grade, the rarest pairs making up the first 20 items
 * (or 5 %), and any pair with fewer than 6 items or a delay past 100 days
 * (365 after Easy). Fills @init_items with the items kept for
 * pre-training and @removed with the pairs dropped. */
static void
find_outliers (LlmFsrsOptimizer *self,
               GArray           *init_items,
               GHashTable       *removed[5])
{
  GHashTable *groups[5] = { NULL };

  for (guint r = 1; r <= 4; r++)
    groups[r] = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      guint rating = item_reviews (self, item)[0].rating;
      guint32 delta = item_current (self, item)->delta_t;
      GArray *list;

      if (item_long_term_count (self, item) != 1)
        continue;

      list = g_hash_table_lookup (groups[rating], GUINT_TO_POINTER (delta + 1));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (const Item *));
          g_hash_table_insert (groups[rating], GUINT_TO_POINTER (delta + 1), list);
        }
      g_array_append_val (list, item);
    }

  for (guint rating = 1; rating <= 4; rating++)
    {
      g_autoptr(GArray) subs = g_array_new (FALSE, FALSE, sizeof (SubGroup));
      GHashTableIter iter;
      gpointer key, value;
      guint total = 0, removed_count = 0;

      g_array_set_clear_func (subs, sub_group_clear);
      g_hash_table_iter_init (&iter, groups[rating]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          SubGroup g = { GPOINTER_TO_UINT (key) - 1, value };

          g_array_append_val (subs, g);
          total += g.items->len;
        }
      g_array_sort (subs, compare_sub_groups);

      for (guint k = subs->len; k-- > 0;)
        {
          const SubGroup *g = &g_array_index (subs, SubGroup, k);

          if (removed_count + g->items->len >= MAX (20, total / 20))
            {
              if (g->items->len >= 6 && g->delta_t <= (rating != 4 ? 100u : 365u))
                g_array_append_vals (init_items, g->items->data, g->items->len);
              else
                g_hash_table_add (removed[rating], GUINT_TO_POINTER (g->delta_t + 1));
            }
          else
            {
              removed_count += g->items->len;
              g_hash_table_add (removed[rating], GUINT_TO_POINTER (g->delta_t + 1));
            }
        }

      g_hash_table_unref (groups[rating]);
    }
}

static void
select_items (LlmFsrsOptimizer *self)
{
  GHashTable *removed[5] = { NULL };

  for (guint r = 1; r <= 4; r++)
    removed[r] = g_hash_table_new (NULL, NULL);

  find_outliers (self, self->init_items, removed);
  g_array_append_vals (self->eval_items, self->init_items->data, self->init_items->len);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      guint rating = item_reviews (self, item)[0].rating;
      guint32 delta = item_first_long_term_delta (self, item);

      if (g_hash_table_contains (removed[rating], GUINT_TO_POINTER (delta + 1)))
        continue;

      g_array_append_val (self->train_items, item);
      if (item_long_term_count (self, item) > 1)
        g_array_append_val (self->eval_items, item);
    }

  for (guint r = 1; r <= 4; r++)
    g_hash_table_unref (removed[r]);
}

static double
init_curve (double t,
            double s)
{
  double decay = -_llm_fsrs_default_w[20];
  double factor = pow (0.9, 1 / decay) - 1;

  return pow (t / s * factor + 1, decay);
}

typedef struct {
  double delta_t;
  double recall;
  double count;
} RecallPoint;

static double
init_loss (const GArray *points,
           double        s,
           double        default_s)
{
  double loss = 0;

  for (guint i = 0; i < points->len; i++)
    {
      const RecallPoint *p = &g_array_index (points, RecallPoint, i);
      double y = init_curve (p->delta_t, s);

      loss += -(p->recall * log (y) + (1 - p->recall) * log (1 - y)) * p->count;
    }

  /* A gentle pull towards the default. */
  return loss + fabs (s - default_s) / 16;
}

/* Makes the initial stabilities increase with the grade, and fills in
 * the grades never given from those that were, by fsrs-rs's fixed
 * ratios. Returns FALSE when no grade has a stability. */
static gboolean
smooth_and_fill (double       stability[5],   /* [1] … [4], NAN when absent */
                 const guint  count[5],
                 double      *out)
{
  static const guint pairs[][2] = { { 1, 2 }, { 2, 3 }, { 3, 4 }, { 1, 3 }, { 2, 4 }, { 1, 4 } };
  const double w1 = 0.41, w2 = 0.54;
  double *s = stability;
  guint present = 0;

  for (guint r = 1; r <= 4; r++)
    {
      if (count[r] == 0)
        s[r] = NAN;
      present += !isnan (s[r]);
    }

  for (guint k = 0; k < G_N_ELEMENTS (pairs); k++)
    {
      guint small = pairs[k][0], big = pairs[k][1];

      if (!isnan (s[small]) && !isnan (s[big]) && s[small] > s[big])
        {
          if (count[small] > count[big])
            s[big] = s[small];
          else
            s[small] = s[big];
        }
    }

  if (present == 0)
    return FALSE;

  if (present == 1)
    {
      for (guint r = 1; r <= 4; r++)
        if (!isnan (s[r]))
          {
            double factor = s[r] / _llm_fsrs_default_w[r - 1];

            for (guint k = 1; k <= 4; k++)
              s[k] = _llm_fsrs_default_w[k - 1] * factor;
            break;
          }
    }
  else if (present == 2)
    {
      gboolean h1 = !isnan (s[1]), h2 = !isnan (s[2]), h3 = !isnan (s[3]), h4 = !isnan (s[4]);

      if (h3 && h4)
        {
          s[2] = pow (s[3], 1 / (1 - w2)) * pow (s[4], 1 - 1 / (1 - w2));
          s[1] = pow (s[2], 1 / w1) * pow (s[3], 1 - 1 / w1);
        }
      else if (h2 && h4)
        {
          s[3] = pow (s[2], 1 - w2) * pow (s[4], w2);
          s[1] = pow (s[2], 1 / w1) * pow (s[3], 1 - 1 / w1);
        }
      else if (h2 && h3)
        {
          s[4] = pow (s[2], 1 - 1 / w2) * pow (s[3], 1 / w2);
          s[1] = pow (s[2], 1 / w1) * pow (s[3], 1 - 1 / w1);
        }
      else if (h1 && h4)
        {
          double k = w1 + w2 - w1 * w2;

          s[2] = pow (s[1], w1 / k) * pow (s[4], 1 - w1 / k);
          s[3] = pow (s[1], 1 - w2 / k) * pow (s[4], w2 / k);
        }
      else if (h1 && h3)
        {
          s[2] = pow (s[1], w1) * pow (s[3], 1 - w1);
          s[4] = pow (s[2], 1 - 1 / w2) * pow (s[3], 1 / w2);
        }
      else if (h1 && h2)
        {
          s[3] = pow (s[1], 1 - 1 / (1 - w1)) * pow (s[2], 1 / (1 - w1));
          s[4] = pow (s[2], 1 - 1 / w2) * pow (s[3], 1 / w2);
        }
    }
  else if (present == 3)
    {
      if (isnan (s[1]))
        s[1] = pow (s[2], 1 / w1) * pow (s[3], 1 - 1 / w1);
      else if (isnan (s[2]))
        s[2] = pow (s[1], w1) * pow (s[3], 1 - w1);
      else if (isnan (s[3]))
        s[3] = pow (s[2], 1 - w2) * pow (s[4], w2);
      else if (isnan (s[4]))
        s[4] = pow (s[2], 1 - 1 / w2) * pow (s[3], 1 / w2);
    }

  for (guint r = 1; r <= 4; r++)
    out[r - 1] = CLAMP (s[r], S_MIN, INIT_S_MAX);

  return TRUE;
}

/* Fits w[0] … w[3] to how often the second review of questions first
 * graded 1 … 4 was recalled. @count receives how many first reviews of
 * each grade there were. */
static gboolean
pretrain (LlmFsrsOptimizer *self,
          GArray           *init_items,
          double            average_recall,
          double           *w,
          guint             count[5])
{
  double stability[5] = { NAN, NAN, NAN, NAN, NAN };

  for (guint rating = 1; rating <= 4; rating++)
    {
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (RecallPoint));
      g_autoptr(GHashTable) by_delta = g_hash_table_new (NULL, NULL);
      double low = S_MIN, high = INIT_S_MAX, best;
      guint iterations = 0;

      count[rating] = 0;
      for (guint i = 0; i < init_items->len; i++)
        {
          const Item *item = g_array_index (init_items, const Item *, i);
          guint32 delta = item_first_long_term_delta (self, item);
          gpointer index;
          RecallPoint *p;

          if (item_reviews (self, item)[0].rating != rating)
            continue;

          index = g_hash_table_lookup (by_delta, GUINT_TO_POINTER (delta + 1));
          if (index == NULL)
            {
              RecallPoint np = { delta, 0, 0 };

              g_array_append_val (points, np);
              index = GUINT_TO_POINTER (points->len);
              g_hash_table_insert (by_delta, GUINT_TO_POINTER (delta + 1), index);
            }
          p = &g_array_index (points, RecallPoint, GPOINTER_TO_UINT (index) - 1);
          p->recall += item_current (self, item)->rating > 1;
          p->count += 1;
          count[rating]++;
        }

      if (points->len == 0)
        continue;

      /* Each delay's recall, pulled towards the average by one review. */
      for (guint i = 0; i < points->len; i++)
        {
          RecallPoint *p = &g_array_index (points, RecallPoint, i);

          p->recall = (p->recall + average_recall) / (p->count + 1);
        }

      best = _llm_fsrs_default_w[rating - 1];
      while (high - low > DBL_EPSILON && iterations++ < 1000)
        {
          double mid1 = low + (high - low) / 3;
          double mid2 = high - (high - low) / 3;

          if (init_loss (points, mid1, _llm_fsrs_default_w[rating - 1]) < init_loss (points, mid2, _llm_fsrs_default_w[rating - 1]))
            high = mid2;
          else
            low = mid1;
          best = (high + low) / 2;
        }
      stability[rating] = best;
    }

  return smooth_and_fill (stability, count, w);
}

/**
 * llm_fsrs_optimizer_train:
 * @w: (out caller-allocates): 21 parameters, rounded to 4 decimals
 * @outcome: (out) (optional): whether all were trained
 * @progress: (nullable): called from this thread, 0 … 1
 *
 * Trains the parameters as fsrs-rs does. With too little data the
 * defaults are kept, or only the initial stabilities are fitted; @outcome
 * says which, and llm_fsrs_outcome_describe() why.
 *
 * Returns: %FALSE only when cancelled
 */
gboolean
llm_fsrs_optimizer_train (LlmFsrsOptimizer     *self,
                          double               *w,
                          LlmFsrsOutcome       *outcome,
                          LlmFsrsProgressFunc   progress,
                          gpointer              user_data,
                          GCancellable         *cancellable,
                          GError              **error)
{
  GArray *init_items = self->init_items;
  GArray *train_items = self->train_items;
  LlmFsrsOutcome result = LLM_FSRS_NOT_ENOUGH_DATA;
  guint count[5] = { 0 };
  guint recalled = 0;
  double initial[N_W];
  double stability[4];

  g_return_val_if_fail (LLM_IS_FSRS_OPTIMIZER (self), FALSE);
  g_return_val_if_fail (w != NULL, FALSE);

  memcpy (w, _llm_fsrs_default_w, sizeof _llm_fsrs_default_w);

  for (guint i = 0; i < train_items->len; i++)
    recalled += item_current (self, g_array_index (train_items, const Item *, i))->rating > 1;

  if (train_items->len < LLM_FSRS_MIN_REVIEWS)
    goto out;

  memcpy (initial, _llm_fsrs_default_w, sizeof initial);
  if (!pretrain (self, init_items, (double)recalled / train_items->len, stability, count))
    goto out;
  memcpy (initial, stability, sizeof stability);

  if (train_items->len == init_items->len || train_items->len < LLM_FSRS_MIN_REVIEWS_TO_TRAIN)
    {
      memcpy (w, initial, sizeof initial);
      result = LLM_FSRS_INITIAL_ONLY;
      goto out;
    }

  memcpy (w, initial, sizeof initial);
  if (!_llm_fsrs_optimizer_descend (self, train_items, w, progress, user_data, cancellable, error))
    return FALSE;

  /* The trained initial stabilities get the same smoothing. */
  {
    double s[5] = { NAN, w[0], w[1], w[2], w[3] };

    smooth_and_fill (s, count, w);
  }
  result = LLM_FSRS_TRAINED;

out:
  /* As Anki stores them. */
  for (guint i = 0; i < N_W; i++)
    w[i] = round (w[i] * 10000) / 10000;

  if (outcome != NULL)
    *outcome = result;
  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}

/**
 * llm_fsrs_outcome_describe:
 *
 * Returns: what @outcome means, for the user
 */
const char *
llm_fsrs_outcome_describe (LlmFsrsOutcome outcome)
{
  switch (outcome)
    {
    case LLM_FSRS_TRAINED:
      return _("All 21 parameters were trained on your reviews.");
    case LLM_FSRS_INITIAL_ONLY:
      return _("Fewer than 64 usable reviews: only the four initial stabilities were fitted, the rest kept their defaults.");
    case LLM_FSRS_NOT_ENOUGH_DATA:
    default:
      return _("Not enough reviews to learn from: at least 8 reviews on a later day than the question's previous one, and first reviews with at least 6 questions sharing the same grade and days to the next review, are needed. The defaults were kept.");
    }
}

/**
 * llm_fsrs_parameters_to_string:
 *
 * Returns: (transfer full): @w as "w0,w1,…,w20", in the C locale
 */
char *
llm_fsrs_parameters_to_string (const double *w)
{
  GString *str = g_string_new (NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (w != NULL, NULL);

  for (guint i = 0; i < N_W; i++)
    {
      if (i > 0)
        g_string_append_c (str, ',');
      g_string_append (str, g_ascii_formatd (buf, sizeof buf, "%.4f", w[i]));
    }

  return g_string_free (str, FALSE);
}

/**
 * llm_fsrs_parameters_get_default:
 *
 * Fills @w with FSRS-6's 21 default parameters.
 */
void
llm_fsrs_parameters_get_default (double *w)
{
  g_return_if_fail (w != NULL);

  memcpy (w, _llm_fsrs_default_w, sizeof _llm_fsrs_default_w);
}
