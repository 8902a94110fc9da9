/* llm-fsrs-optimizer-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the optimiser's three files share: llm-fsrs-optimizer.c (the
 * items, outliers, pre-training and the public calls),
 * llm-fsrs-optimizer-evaluate.c (the single-precision evaluator) and
 * llm-fsrs-optimizer-train.c (gradient descent). */

#pragma once

#include "llm-fsrs-optimizer.h"

G_BEGIN_DECLS

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

extern const double _llm_fsrs_default_w[N_W];

/* How much each parameter varies between users: the L2 pull is weaker on
 * parameters that vary a lot. */
extern const double _llm_fsrs_params_stddev[N_W];

/* fsrs-rs's bounds. w[19]'s floor is 0.01 while training with short-term
 * memory on, 0 when a model is built for evaluation. */
extern const double _llm_fsrs_w_bounds[N_W][2];

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

static inline guint
item_long_term_count (LlmFsrsOptimizer *self,
                      const Item       *item)
{
  const Review *r = item_reviews (self, item);
  guint count = 0;

  for (guint i = 0; i < item->n; i++)
    count += r[i].delta_t > 0;

  return count;
}

static inline guint32
item_first_long_term_delta (LlmFsrsOptimizer *self,
                            const Item       *item)
{
  const Review *r = item_reviews (self, item);

  for (guint i = 0; i < item->n; i++)
    if (r[i].delta_t > 0)
      return r[i].delta_t;

  return 0;
}

gboolean _llm_fsrs_optimizer_descend (LlmFsrsOptimizer     *self,
                                      GArray               *train_items,
                                      double               *w,
                                      LlmFsrsProgressFunc   progress,
                                      gpointer              user_data,
                                      GCancellable         *cancellable,
                                      GError              **error);

G_END_DECLS
