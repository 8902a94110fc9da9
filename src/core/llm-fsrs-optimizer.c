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
 * The evaluator, unlike training, computes in single precision in exactly
 * fsrs-rs's order of operations, so that its log loss and RMSE agree with
 * the reference's to the last digits. */

#include "config.h"

#include <float.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "llm-fsrs-optimizer.h"

#define N_W            LLM_SCHEDULER_N_PARAMS
#define SECONDS_PER_DAY 86400
#define S_MIN          0.001
#define S_MAX          36500.0
#define D_MIN          1.0
#define D_MAX          10.0
#define INIT_S_MAX     100.0

/* fsrs-rs's training defaults. */
#define N_EPOCHS       5
#define BATCH_SIZE     512
#define SHUFFLE_SEED   2023
#define LEARNING_RATE  4e-2
#define MAX_SEQ_LEN    256
#define GAMMA          1.0

static const double default_w[N_W] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
  0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
  0.0912, 0.0658, 0.1542,
};

/* How much each parameter varies between users: the L2 pull is weaker on
 * parameters that vary a lot. */
static const double params_stddev[N_W] = {
  6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3,
  0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
};

/* fsrs-rs's bounds. w[19]'s floor is 0.01 while training with short-term
 * memory on, 0 when a model is built for evaluation. */
static const double w_bounds[N_W][2] = {
  { S_MIN, INIT_S_MAX }, { S_MIN, INIT_S_MAX }, { S_MIN, INIT_S_MAX }, { S_MIN, INIT_S_MAX },
  { D_MIN, D_MAX }, { 0.001, 4 }, { 0.001, 4 }, { 0.001, 0.75 }, { 0, 4.5 }, { 0, 0.8 },
  { 0.001, 3.5 }, { 0.001, 5 }, { 0.001, 0.25 }, { 0.001, 0.9 }, { 0, 4 }, { 0, 1 },
  { 1, 6 }, { 0, 2 }, { 0, 2 }, { 0.01, 0.8 }, { 0.1, 0.8 },
};

typedef struct {
  guint8  rating;   /* 1 … 4 */
  guint32 delta_t;  /* UTC days since the previous review, 0 for the first */
} Review;

typedef struct {
  guint  start;      /* first review, in self->reviews */
  guint  n;          /* history and the review predicted, the last */
  gint64 when;       /* time of the review predicted */
  guint  card;       /* order of the question's first review */
} Item;

struct _LlmFsrsOptimizer
{
  GObject parent_instance;

  GArray *reviews;   /* Review, each question's together, in time order */
  GArray *items;     /* Item, in the order of their last review */

  /* What is left once outliers are out (pointers into items): the items
   * that are a question's first long-term review, for pre-training, and
   * every item kept, in time order, for training. */
  GArray *init_items;
  GArray *train_items;
  /* What is evaluated: the kept items, first-long-term reviews first (in
   * the order the outlier filter groups them), then the rest in time
   * order. This is the order the reference binding evaluates in, and the
   * order decides the recency weights. */
  GArray *eval_items;
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

static inline const Review *
item_reviews (LlmFsrsOptimizer *self,
              const Item       *item)
{
  return &g_array_index (self->reviews, Review, item->start);
}

static inline const Review *
item_current (LlmFsrsOptimizer *self,
              const Item       *item)
{
  return &g_array_index (self->reviews, Review, item->start + item->n - 1);
}

static guint
item_long_term_count (LlmFsrsOptimizer *self,
                      const Item       *item)
{
  const Review *r = item_reviews (self, item);
  guint count = 0;

  for (guint i = 0; i < item->n; i++)
    count += r[i].delta_t > 0;

  return count;
}

static guint32
item_first_long_term_delta (LlmFsrsOptimizer *self,
                            const Item       *item)
{
  const Review *r = item_reviews (self, item);

  for (guint i = 0; i < item->n; i++)
    if (r[i].delta_t > 0)
      return r[i].delta_t;

  return 0;
}

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

/* ---- Evaluation, in single precision as fsrs-rs computes it ---- */

typedef struct {
  float w[N_W];
  float decay;
  float factor;
} FloatModel;

static void
float_model_init (FloatModel   *m,
                  const double *w)
{
  for (guint i = 0; i < N_W; i++)
    {
      /* A model built for evaluation has short-term memory's floor at 0. */
      double lo = i == 19 ? 0.0 : w_bounds[i][0];
      float v = (float)w[i];

      m->w[i] = CLAMP (v, (float)lo, (float)w_bounds[i][1]);
    }

  m->decay = -m->w[20];
  m->factor = expf (logf (0.9f) / m->decay) - 1.0f;
}

static inline float
float_curve (const FloatModel *m,
             float             t,
             float             s)
{
  return powf (t / s * m->factor + 1.0f, m->decay);
}

static inline float
float_init_difficulty (const FloatModel *m,
                       guint             rating)
{
  return m->w[4] - expf (m->w[5] * (float)(rating - 1)) + 1.0f;
}

static inline float
clampf (float x,
        float lo,
        float hi)
{
  return x < lo ? lo : x > hi ? hi : x;
}

/* Memory state after @n reviews (fsrs-rs's forward_reviews()). */
static void
float_forward (const FloatModel *m,
               const Review     *reviews,
               guint             n,
               float            *out_s,
               float            *out_d)
{
  const float *w = m->w;
  float s = clampf (w[reviews[0].rating - 1], S_MIN, S_MAX);
  float d = clampf (float_init_difficulty (m, reviews[0].rating), D_MIN, D_MAX);

  for (guint i = 1; i < n; i++)
    {
      float rating = reviews[i].rating;
      float t = reviews[i].delta_t;
      float last_s = clampf (s, S_MIN, S_MAX);
      float last_d = clampf (d, D_MIN, D_MAX);
      float r = float_curve (m, t, last_s);
      float new_s, new_d, delta_d;

      if (t == 0.0f)
        {
          float sinc = expf (w[17] * (rating - 3.0f + w[18])) * powf (last_s, -w[19]);

          new_s = last_s * (rating >= 2.0f ? MAX (sinc, 1.0f) : sinc);
        }
      else if (rating == 1.0f)
        {
          float raw = w[11] * powf (last_d, -w[12]) * (powf (last_s + 1.0f, w[13]) - 1.0f)
                      * expf ((1.0f - r) * w[14]);
          float floor_s = last_s / expf (w[17] * w[18]);

          new_s = MIN (raw, floor_s);
        }
      else
        {
          float hard_penalty = rating == 2.0f ? w[15] : 1.0f;
          float easy_bonus = rating == 4.0f ? w[16] : 1.0f;

          new_s = last_s * (expf (w[8]) * (11.0f - last_d) * powf (last_s, -w[9])
                            * (expf ((1.0f - r) * w[10]) - 1.0f) * hard_penalty * easy_bonus
                            + 1.0f);
        }

      delta_d = -w[6] * (rating - 3.0f);
      new_d = last_d + (10.0f - last_d) * delta_d / 9.0f;
      new_d = w[7] * (float_init_difficulty (m, 4) - new_d) + new_d;

      s = clampf (new_s, S_MIN, S_MAX);
      d = clampf (new_d, D_MIN, D_MAX);
    }

  *out_s = s;
  *out_d = d;
}

static float
float_predict (LlmFsrsOptimizer *self,
               const FloatModel *m,
               const Item       *item)
{
  float s, d;

  float_forward (m, item_reviews (self, item), item->n - 1, &s, &d);

  return float_curve (m, (float)item_current (self, item)->delta_t, s);
}

/* fsrs-rs's bins: elapsed days, review count and lapses, each on a
 * geometric scale. */
static void
r_matrix_key (LlmFsrsOptimizer *self,
              const Item       *item,
              guint32           key[3])
{
  const Review *r = item_reviews (self, item);
  double delta_t = item_current (self, item)->delta_t;
  double length = item_long_term_count (self, item) + 1.0;
  guint lapses = 0;

  key[0] = (guint32)round (2.48 * pow (3.62, floor (log (delta_t) / log (3.62))) * 100.0);
  key[1] = (guint32)round (1.99 * pow (1.89, floor (log (length) / log (1.89))));

  for (guint i = 0; i + 1 < item->n; i++)
    lapses += r[i].rating == 1 && r[i].delta_t > 0;

  key[2] = lapses == 0 ? 0 : (guint32)round (1.65 * pow (1.73, floor (log ((double)lapses) / log (1.73))));
}

typedef struct {
  guint32 key[3];
  float   predicted;
  float   actual;
  float   count;
  float   weight;
} Bin;

static guint
bin_hash (gconstpointer p)
{
  const guint32 *k = p;

  return k[0] * 31u * 31u + k[1] * 31u + k[2];
}

static gboolean
bin_equal (gconstpointer a,
           gconstpointer b)
{
  return memcmp (a, b, 3 * sizeof (guint32)) == 0;
}

/* Weights that grow with recency, as fsrs-rs gives them: the oldest item
 * counts a quarter of the newest. */
static inline float
recency_weight (guint index,
                guint n_items)
{
  float length = MAX ((float)n_items - 1.0f, 1.0f);
  float x = (float)index / length;

  return 0.25f + 0.75f * (x * x * x);
}

/**
 * llm_fsrs_optimizer_evaluate:
 * @w: 21 parameters
 *
 * Computes how well @w predicts every item of the log, as fsrs-rs's
 * evaluate() does: the recency-weighted log loss and the RMSE over bins.
 *
 * Returns: %FALSE if there is nothing to evaluate or @w predicts nonsense
 */
gboolean
llm_fsrs_optimizer_evaluate (LlmFsrsOptimizer  *self,
                             const double      *w,
                             LlmFsrsMetrics    *metrics,
                             GError           **error)
{
  g_autoptr(GHashTable) bins = NULL;
  g_autoptr(GPtrArray) order = NULL;
  FloatModel m;
  float loss = 0, weight_sum = 0, sq = 0, bin_weights = 0;
  double log_loss, rmse;

  g_return_val_if_fail (LLM_IS_FSRS_OPTIMIZER (self), FALSE);
  g_return_val_if_fail (w != NULL, FALSE);
  g_return_val_if_fail (metrics != NULL, FALSE);

  if (self->eval_items->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Not enough reviews to evaluate"));
      return FALSE;
    }

  float_model_init (&m, w);
  bins = g_hash_table_new_full (bin_hash, bin_equal, NULL, g_free);
  order = g_ptr_array_new ();

  for (guint i = 0; i < self->eval_items->len; i++)
    {
      const Item *item = g_array_index (self->eval_items, const Item *, i);
      float p = float_predict (self, &m, item);
      float y = item_current (self, item)->rating > 1 ? 1.0f : 0.0f;
      float weight = recency_weight (i, self->eval_items->len);
      guint32 key[3];
      Bin *bin;

      r_matrix_key (self, item, key);
      bin = g_hash_table_lookup (bins, key);
      if (bin == NULL)
        {
          bin = g_new0 (Bin, 1);
          memcpy (bin->key, key, sizeof key);
          g_hash_table_insert (bins, bin->key, bin);
          g_ptr_array_add (order, bin);
        }
      bin->predicted += p;
      bin->actual += y;
      bin->count += 1.0f;
      bin->weight += weight;

      loss += (y * logf (p) + (1.0f - y) * logf (1.0f - p)) * weight;
      weight_sum += weight;
    }

  for (guint i = 0; i < order->len; i++)
    {
      const Bin *bin = g_ptr_array_index (order, i);
      float diff = bin->predicted / bin->count - bin->actual / bin->count;

      sq += diff * diff * bin->weight;
      bin_weights += bin->weight;
    }

  log_loss = -loss / weight_sum;
  rmse = sqrtf (sq / bin_weights);

  if (!isfinite (log_loss) || !isfinite (rmse))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("These parameters predict no usable recall"));
      return FALSE;
    }

  metrics->log_loss = log_loss;
  metrics->rmse_bins = rmse;
  return TRUE;
}

/**
 * llm_fsrs_optimizer_calibrate:
 * @w: 21 parameters
 *
 * Sorts every item into ten bins by the recall @w predicts for it, and
 * gives each bin's mean prediction and the fraction actually recalled.
 * Unlike the metrics, it keeps the items the outlier filter drops: it
 * is for people to look at, and a short log would otherwise show nothing.
 */
void
llm_fsrs_optimizer_calibrate (LlmFsrsOptimizer   *self,
                              const double       *w,
                              LlmFsrsCalibration *calibration)
{
  FloatModel m;

  g_return_if_fail (LLM_IS_FSRS_OPTIMIZER (self));
  g_return_if_fail (w != NULL);
  g_return_if_fail (calibration != NULL);

  memset (calibration, 0, sizeof *calibration);
  float_model_init (&m, w);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double p = float_predict (self, &m, item);
      guint bin;

      if (!isfinite (p))
        continue;

      bin = (guint)CLAMP (p * LLM_FSRS_CALIBRATION_BINS, 0, LLM_FSRS_CALIBRATION_BINS - 1);
      calibration->count[bin]++;
      calibration->predicted[bin] += p;
      calibration->actual[bin] += item_current (self, item)->rating > 1;
    }

  for (guint b = 0; b < LLM_FSRS_CALIBRATION_BINS; b++)
    {
      if (calibration->count[b] == 0)
        continue;
      calibration->predicted[b] /= calibration->count[b];
      calibration->actual[b] /= calibration->count[b];
    }
}

/* ---- Forward-mode automatic differentiation ---- */

/* A value and its derivatives with respect to w[0] … w[20]. */
typedef struct {
  double v;
  double d[N_W];
} Dual;

static inline void
dual_const (Dual   *r,
            double  v)
{
  r->v = v;
  memset (r->d, 0, sizeof r->d);
}

static inline void
dual_add (Dual       *r,
          const Dual *a,
          const Dual *b)
{
  r->v = a->v + b->v;
  for (guint i = 0; i < N_W; i++)
    r->d[i] = a->d[i] + b->d[i];
}

static inline void
dual_sub (Dual       *r,
          const Dual *a,
          const Dual *b)
{
  r->v = a->v - b->v;
  for (guint i = 0; i < N_W; i++)
    r->d[i] = a->d[i] - b->d[i];
}

static inline void
dual_mul (Dual       *r,
          const Dual *a,
          const Dual *b)
{
  double av = a->v, bv = b->v;

  for (guint i = 0; i < N_W; i++)
    r->d[i] = a->d[i] * bv + b->d[i] * av;
  r->v = av * bv;
}

static inline void
dual_div (Dual       *r,
          const Dual *a,
          const Dual *b)
{
  double av = a->v, bv = b->v;
  double q = av / bv;

  for (guint i = 0; i < N_W; i++)
    r->d[i] = (a->d[i] - q * b->d[i]) / bv;
  r->v = q;
}

/* r = a * k + c */
static inline void
dual_affine (Dual       *r,
             const Dual *a,
             double      k,
             double      c)
{
  for (guint i = 0; i < N_W; i++)
    r->d[i] = a->d[i] * k;
  r->v = a->v * k + c;
}

static inline void
dual_exp (Dual       *r,
          const Dual *a)
{
  double e = exp (a->v);

  for (guint i = 0; i < N_W; i++)
    r->d[i] = a->d[i] * e;
  r->v = e;
}

/* a ^ b, a > 0 */
static inline void
dual_pow (Dual       *r,
          const Dual *a,
          const Dual *b)
{
  double v = pow (a->v, b->v);
  double ln_a = log (a->v);
  double k = b->v / a->v;

  for (guint i = 0; i < N_W; i++)
    r->d[i] = v * (b->d[i] * ln_a + k * a->d[i]);
  r->v = v;
}

/* A clamped value has no derivative; one on the bound keeps it, as in
 * fsrs-rs. */
static inline void
dual_clamp (Dual   *a,
            double  lo,
            double  hi)
{
  if (a->v < lo)
    dual_const (a, lo);
  else if (a->v > hi)
    dual_const (a, hi);
}

typedef struct {
  Dual w[N_W];
  Dual decay;
  Dual factor;
  Dual easy_d;   /* initial difficulty of a first Easy */
} DualModel;

static void
dual_model_init (DualModel    *m,
                 const double *w)
{
  Dual t;

  for (guint i = 0; i < N_W; i++)
    {
      dual_const (&m->w[i], w[i]);
      m->w[i].d[i] = 1;
    }

  dual_affine (&m->decay, &m->w[20], -1, 0);
  dual_const (&t, log (0.9));
  dual_div (&t, &t, &m->decay);
  dual_exp (&t, &t);
  dual_affine (&m->factor, &t, 1, -1);

  dual_affine (&t, &m->w[5], 3, 0);
  dual_exp (&t, &t);
  dual_sub (&m->easy_d, &m->w[4], &t);
  m->easy_d.v += 1;
}

static void
dual_curve (const DualModel *m,
            Dual            *r,
            double           t,
            const Dual      *s)
{
  Dual base, k;

  dual_const (&k, t);
  dual_div (&base, &k, s);
  dual_mul (&base, &base, &m->factor);
  base.v += 1;
  dual_pow (r, &base, &m->decay);
}

/* One review after the first, @delta_t days after the previous one. */
static void
dual_step (const DualModel *m,
           Dual            *s,
           Dual            *d,
           guint            delta_t,
           guint            rating)
{
  const Dual *w = m->w;
  Dual r, new_s, t, u;

  dual_curve (m, &r, delta_t, s);

  if (delta_t == 0)
    {
      /* sinc = exp (w17 * (rating - 3 + w18)) * s ^ -w19 */
      dual_affine (&t, &w[18], 1, (double)rating - 3);
      dual_mul (&t, &t, &w[17]);
      dual_exp (&t, &t);
      dual_affine (&u, &w[19], -1, 0);
      dual_pow (&u, s, &u);
      dual_mul (&t, &t, &u);
      if (rating >= 2 && t.v < 1)
        dual_const (&t, 1);
      dual_mul (&new_s, s, &t);
    }
  else if (rating == 1)
    {
      Dual floor_s;

      /* w11 * d ^ -w12 * ((s + 1) ^ w13 - 1) * exp ((1 - r) * w14) */
      dual_affine (&t, &w[12], -1, 0);
      dual_pow (&t, d, &t);
      dual_mul (&new_s, &w[11], &t);
      dual_affine (&t, s, 1, 1);
      dual_pow (&t, &t, &w[13]);
      t.v -= 1;
      dual_mul (&new_s, &new_s, &t);
      dual_affine (&t, &r, -1, 1);
      dual_mul (&t, &t, &w[14]);
      dual_exp (&t, &t);
      dual_mul (&new_s, &new_s, &t);

      /* Never more stable after a lapse than a same-day Again would make it. */
      dual_mul (&t, &w[17], &w[18]);
      dual_exp (&t, &t);
      dual_div (&floor_s, s, &t);
      if (floor_s.v < new_s.v)
        new_s = floor_s;
    }
  else
    {
      /* s * (exp (w8) * (11 - d) * s ^ -w9 * (exp ((1 - r) * w10) - 1) * penalty * bonus + 1) */
      dual_exp (&t, &w[8]);
      dual_affine (&u, d, -1, 11);
      dual_mul (&t, &t, &u);
      dual_affine (&u, &w[9], -1, 0);
      dual_pow (&u, s, &u);
      dual_mul (&t, &t, &u);
      dual_affine (&u, &r, -1, 1);
      dual_mul (&u, &u, &w[10]);
      dual_exp (&u, &u);
      u.v -= 1;
      dual_mul (&t, &t, &u);
      if (rating == 2)
        dual_mul (&t, &t, &w[15]);
      else if (rating == 4)
        dual_mul (&t, &t, &w[16]);
      t.v += 1;
      dual_mul (&new_s, s, &t);
    }

  /* Difficulty: a step of -w6 * (rating - 3), damped near 10, then pulled
   * towards the difficulty of a first Easy. */
  dual_affine (&t, &w[6], -((double)rating - 3) / 9, 0);   /* delta_d / 9 */
  dual_affine (&u, d, -1, 10);
  dual_mul (&t, &t, &u);
  dual_add (&t, d, &t);                                     /* next_d */
  dual_sub (&u, &m->easy_d, &t);
  dual_mul (&u, &u, &w[7]);
  dual_add (d, &u, &t);
  dual_clamp (d, D_MIN, D_MAX);

  dual_clamp (&new_s, S_MIN, S_MAX);
  *s = new_s;
}

#define MIN_PROB 1e-7
#define MAX_PROB (1 - 1e-7)

/* Adds the weighted log loss of one item and its gradient. */
static double
dual_item_loss (LlmFsrsOptimizer *self,
                const DualModel  *m,
                const Item       *item,
                double            weight,
                double           *grad)
{
  const Review *reviews = item_reviews (self, item);
  const Review *current = item_current (self, item);
  guint first = reviews[0].rating;
  double label = current->rating > 1;
  Dual s, d, r, t;
  double p, loss, g;

  s = m->w[first - 1];
  dual_clamp (&s, S_MIN, S_MAX);
  dual_affine (&t, &m->w[5], (double)first - 1, 0);
  dual_exp (&t, &t);
  dual_sub (&d, &m->w[4], &t);
  d.v += 1;
  dual_clamp (&d, D_MIN, D_MAX);

  for (guint i = 1; i + 1 < item->n; i++)
    dual_step (m, &s, &d, reviews[i].delta_t, reviews[i].rating);

  dual_curve (m, &r, current->delta_t, &s);

  p = CLAMP (r.v, MIN_PROB, MAX_PROB);
  loss = -(label * log (p) + (1 - label) * log (1 - p)) * weight;

  if (grad != NULL && r.v > MIN_PROB && r.v < MAX_PROB)
    {
      g = -weight * (label / p - (1 - label) / (1 - p));
      for (guint i = 0; i < N_W; i++)
        grad[i] += g * r.d[i];
    }

  return loss;
}

/* ---- Training ---- */

typedef struct {
  const Item *item;
  double      weight;
} Weighted;

typedef struct {
  guint start;
  guint n;
} Batch;

static void
clip_parameters (double *w)
{
  for (guint i = 0; i < N_W; i++)
    w[i] = CLAMP (w[i], w_bounds[i][0], w_bounds[i][1]);
}

static double
l2_penalty (const double *w,
            const double *init,
            guint         batch_size,
            guint         total)
{
  double sum = 0;

  for (guint i = 0; i < N_W; i++)
    sum += (w[i] - init[i]) * (w[i] - init[i]) / (params_stddev[i] * params_stddev[i]);

  return sum * GAMMA * batch_size / total;
}

static int
compare_weighted_length (gconstpointer a,
                         gconstpointer b)
{
  const Weighted *x = a;
  const Weighted *y = b;

  if (x->item->n != y->item->n)
    return x->item->n < y->item->n ? -1 : 1;
  /* Keep the time order among equals, as a stable sort would. */
  return x->item < y->item ? -1 : x->item > y->item;
}

/* fsrs-rs's cosine annealing, step by step. */
typedef struct {
  double t_max;
  double init_lr;
  double step;
  double lr;
} CosineLR;

static double
cosine_lr_step (CosineLR *c)
{
  c->step += 1;

  if (c->step == 0)
    c->lr = c->init_lr;
  else if (fmod (c->step - 1 - c->t_max, 2 * c->t_max) == 0)
    c->lr = c->init_lr * (1 - cos (G_PI / c->t_max)) / 2;
  else
    c->lr = (1 + cos (G_PI * c->step / c->t_max)) / (1 + cos (G_PI * (c->step - 1) / c->t_max)) * c->lr;

  return c->lr;
}

typedef struct {
  double m[N_W];
  double v[N_W];
  int    t;
} Adam;

static void
adam_step (Adam         *adam,
           double       *w,
           const double *grad,
           double        lr)
{
  const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
  double bias1, bias2;

  adam->t++;
  bias1 = 1 - pow (beta1, adam->t);
  bias2 = 1 - pow (beta2, adam->t);

  for (guint i = 0; i < N_W; i++)
    {
      adam->m[i] = beta1 * adam->m[i] + (1 - beta1) * grad[i];
      adam->v[i] = beta2 * adam->v[i] + (1 - beta2) * grad[i] * grad[i];
      w[i] -= lr * (adam->m[i] / bias1) / (sqrt (adam->v[i] / bias2) + epsilon);
    }
}

static double
batch_loss (LlmFsrsOptimizer *self,
            const double     *w,
            const Weighted   *items,
            const Batch      *batch,
            double           *grad)
{
  DualModel m;
  double loss = 0;

  dual_model_init (&m, w);
  for (guint i = 0; i < batch->n; i++)
    loss += dual_item_loss (self, &m, items[batch->start + i].item, items[batch->start + i].weight, grad);

  return loss;
}

static gboolean
train (LlmFsrsOptimizer    *self,
       GArray              *train_items,
       double              *w,
       LlmFsrsProgressFunc  progress,
       gpointer             user_data,
       GCancellable        *cancellable,
       GError             **error)
{
  g_autoptr(GArray) weighted = g_array_new (FALSE, FALSE, sizeof (Weighted));
  g_autoptr(GArray) batches = g_array_new (FALSE, FALSE, sizeof (Batch));
  g_autoptr(GRand) rand = g_rand_new_with_seed (SHUFFLE_SEED);
  g_autofree guint *order = NULL;
  double init[N_W], best[N_W];
  double best_loss = INFINITY;
  guint total, iterations;
  CosineLR lr;
  Adam adam = { { 0 } };

  memcpy (init, w, sizeof init);
  memcpy (best, w, sizeof best);

  /* Recency weights run over every item kept; the longest histories are
   * then left out, as fsrs-rs does. */
  for (guint i = 0; i < train_items->len; i++)
    {
      const Item *item = g_array_index (train_items, const Item *, i);
      double x = (double)i / MAX ((double)train_items->len - 1, 1);
      Weighted wi = { item, 0.25 + 0.75 * x * x * x };

      if (item->n <= MAX_SEQ_LEN)
        g_array_append_val (weighted, wi);
    }

  total = weighted->len;
  if (total == 0)
    return TRUE;

  /* Batches of items of similar length, visited in a shuffled order. */
  g_array_sort (weighted, compare_weighted_length);
  for (guint start = 0; start < total; start += BATCH_SIZE)
    {
      Batch b = { start, MIN (BATCH_SIZE, total - start) };
      g_array_append_val (batches, b);
    }
  order = g_new (guint, batches->len);

  iterations = (total / BATCH_SIZE + 1) * N_EPOCHS;
  lr = (CosineLR) { iterations, LEARNING_RATE, -1, LEARNING_RATE };

  for (guint epoch = 0; epoch < N_EPOCHS; epoch++)
    {
      double epoch_loss = 0;

      for (guint i = 0; i < batches->len; i++)
        order[i] = i;
      for (guint i = batches->len; i > 1; i--)
        {
          guint j = g_rand_int_range (rand, 0, i);
          guint tmp = order[i - 1];

          order[i - 1] = order[j];
          order[j] = tmp;
        }

      for (guint k = 0; k < batches->len; k++)
        {
          const Batch *b = &g_array_index (batches, Batch, order[k]);
          double grad[N_W] = { 0 };
          double step_lr = cosine_lr_step (&lr);
          double scale = GAMMA * b->n / total;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;

          batch_loss (self, w, (const Weighted *)weighted->data, b, grad);
          for (guint i = 0; i < N_W; i++)
            grad[i] += 2 * (w[i] - init[i]) / (params_stddev[i] * params_stddev[i]) * scale;

          adam_step (&adam, w, grad, step_lr);
          clip_parameters (w);

          if (progress != NULL)
            progress ((epoch + (k + 1.0) / batches->len) / N_EPOCHS, user_data);
        }

      /* The loss over everything after the epoch picks the best one. */
      for (guint k = 0; k < batches->len; k++)
        {
          const Batch *b = &g_array_index (batches, Batch, k);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;

          epoch_loss += batch_loss (self, w, (const Weighted *)weighted->data, b, NULL)
                        + l2_penalty (w, init, b->n, total);
        }
      epoch_loss /= total;

      if (epoch_loss < best_loss)
        {
          best_loss = epoch_loss;
          memcpy (best, w, sizeof best);
        }
    }

  memcpy (w, best, sizeof best);
  return TRUE;
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
  double decay = -default_w[20];
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
            double factor = s[r] / default_w[r - 1];

            for (guint k = 1; k <= 4; k++)
              s[k] = default_w[k - 1] * factor;
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

      best = default_w[rating - 1];
      while (high - low > DBL_EPSILON && iterations++ < 1000)
        {
          double mid1 = low + (high - low) / 3;
          double mid2 = high - (high - low) / 3;

          if (init_loss (points, mid1, default_w[rating - 1]) < init_loss (points, mid2, default_w[rating - 1]))
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

  memcpy (w, default_w, sizeof default_w);

  for (guint i = 0; i < train_items->len; i++)
    recalled += item_current (self, g_array_index (train_items, const Item *, i))->rating > 1;

  if (train_items->len < LLM_FSRS_MIN_REVIEWS)
    goto out;

  memcpy (initial, default_w, sizeof initial);
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
  if (!train (self, train_items, w, progress, user_data, cancellable, error))
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

  memcpy (w, default_w, sizeof default_w);
}
