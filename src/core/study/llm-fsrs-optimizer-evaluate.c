/* llm-fsrs-optimizer-evaluate.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How well parameters predict the log, as fsrs-rs 6.5.0's evaluate()
 * computes it: in single precision, in the same order of operations, so
 * that the log loss and RMSE agree with the reference's to the last
 * digits. Training (llm-fsrs-optimizer-train.c) works in double
 * precision instead: it only has to find good parameters. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "llm-fsrs-optimizer-private.h"

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
      double lo = i == 19 ? 0.0 : _llm_fsrs_w_bounds[i][0];
      float v = (float)w[i];

      m->w[i] = CLAMP (v, (float)lo, (float)_llm_fsrs_w_bounds[i][1]);
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
