/* llm-fsrs-optimizer-train.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Gradient descent on FSRS-6's parameters, as fsrs-rs 6.5.0 trains them:
 * Adam on the recency-weighted log loss over batches of 512 items, a
 * cosine-annealed learning rate, five epochs, an L2 pull towards the
 * starting point, fsrs-rs's bounds after every step, and the epoch with
 * the lowest loss kept. Gradients come from forward-mode automatic
 * differentiation: every quantity carries its derivative with respect to
 * all 21 parameters. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "llm-fsrs-optimizer-private.h"

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
    w[i] = CLAMP (w[i], _llm_fsrs_w_bounds[i][0], _llm_fsrs_w_bounds[i][1]);
}

static double
l2_penalty (const double *w,
            const double *init,
            guint         batch_size,
            guint         total)
{
  double sum = 0;

  for (guint i = 0; i < N_W; i++)
    sum += (w[i] - init[i]) * (w[i] - init[i]) / (_llm_fsrs_params_stddev[i] * _llm_fsrs_params_stddev[i]);

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

/* Trains @w, the starting point, in place on @train_items (const Item *,
 * in time order). Returns FALSE only when cancelled. */
gboolean
_llm_fsrs_optimizer_descend (LlmFsrsOptimizer     *self,
                             GArray               *train_items,
                             double               *w,
                             LlmFsrsProgressFunc   progress,
                             gpointer              user_data,
                             GCancellable         *cancellable,
                             GError              **error)
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
            grad[i] += 2 * (w[i] - init[i]) / (_llm_fsrs_params_stddev[i] * _llm_fsrs_params_stddev[i]) * scale;

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
