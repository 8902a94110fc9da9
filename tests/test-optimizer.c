/* test-optimizer.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Checks the FSRS optimiser against the reference (fsrs-rs 6.5.0), on the
 * simulated learners of tests/data/fsrs/ (tests/fsrs/gen-optimizer-data.mjs
 * wrote them and what the reference made of them). */

#include "config.h"

#include <math.h>
#include <string.h>

#include "llm-fsrs-optimizer.h"
#include "llm-study.h"

typedef struct {
  char   *name;
  double  w[LLM_SCHEDULER_N_PARAMS];
  double  log_loss;
  double  rmse_bins;
} RefEvaluation;

typedef struct {
  guint   n_reviews;
  guint   n_items;
  double  reference_w[LLM_SCHEDULER_N_PARAMS];
  GArray *evaluations;   /* RefEvaluation */
  GArray *seed_losses;   /* double */
} Reference;

static void
reference_free (Reference *ref)
{
  for (guint i = 0; i < ref->evaluations->len; i++)
    g_free (g_array_index (ref->evaluations, RefEvaluation, i).name);
  g_array_unref (ref->evaluations);
  g_array_unref (ref->seed_losses);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reference, reference_free)

static double
parse_double (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

static void
parse_w (const char *text,
         double     *w)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  g_assert_cmpuint (g_strv_length (parts), ==, LLM_SCHEDULER_N_PARAMS);
  for (guint i = 0; i < LLM_SCHEDULER_N_PARAMS; i++)
    w[i] = parse_double (parts[i]);
}

static Reference *
load_reference (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".ref", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fsrs", file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Reference *ref = g_new0 (Reference, 1);

  ref->evaluations = g_array_new (FALSE, TRUE, sizeof (RefEvaluation));
  ref->seed_losses = g_array_new (FALSE, FALSE, sizeof (double));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      f = g_strsplit (lines[i], "\t", -1);
      if (g_str_equal (f[0], "reviews"))
        ref->n_reviews = (guint)parse_double (f[1]);
      else if (g_str_equal (f[0], "items"))
        ref->n_items = (guint)parse_double (f[1]);
      else if (g_str_equal (f[0], "reference_w"))
        parse_w (f[1], ref->reference_w);
      else if (g_str_equal (f[0], "evaluate"))
        {
          RefEvaluation e = { g_strdup (f[1]) };

          g_assert_cmpuint (g_strv_length (f), ==, 5);
          e.log_loss = parse_double (f[2]);
          e.rmse_bins = parse_double (f[3]);
          parse_w (f[4], e.w);
          g_array_append_val (ref->evaluations, e);
        }
      else if (g_str_equal (f[0], "seed_log_loss"))
        {
          double loss = parse_double (f[2]);

          g_array_append_val (ref->seed_losses, loss);
        }
    }

  g_assert_cmpuint (ref->n_items, >, 0);
  g_assert_cmpuint (ref->evaluations->len, ==, 3);
  return ref;
}

static LlmFsrsOptimizer *
load_optimizer (const char *name,
                guint      *n_reviews)
{
  g_autofree char *file = g_strconcat (name, ".log", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fsrs", file, NULL);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (gfile);
  g_autoptr(GError) error = NULL;

  llm_review_log_load (log, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 0);
  g_assert_cmpuint (llm_review_log_get_n_entries (log), >, 0);
  if (n_reviews != NULL)
    *n_reviews = llm_review_log_get_n_entries (log);

  return llm_fsrs_optimizer_new (log);
}

static const RefEvaluation *
find_evaluation (Reference  *ref,
                 const char *name)
{
  for (guint i = 0; i < ref->evaluations->len; i++)
    if (g_str_equal (g_array_index (ref->evaluations, RefEvaluation, i).name, name))
      return &g_array_index (ref->evaluations, RefEvaluation, i);

  g_assert_not_reached ();
}

/* Anki's conversion gives as many items as the reference was given. */
static void
test_convert (gconstpointer data)
{
  const char *name = data;
  g_autoptr(Reference) ref = load_reference (name);
  guint n_reviews = 0;
  g_autoptr(LlmFsrsOptimizer) optimizer = load_optimizer (name, &n_reviews);

  g_assert_cmpuint (n_reviews, ==, ref->n_reviews);
  g_assert_cmpuint (llm_fsrs_optimizer_get_n_items (optimizer), ==, ref->n_items);
}

/* The evaluator agrees with the reference's to 1e-6 on the default, the
 * true and the reference's trained parameters. */
static void
test_evaluate (gconstpointer data)
{
  const char *name = data;
  g_autoptr(Reference) ref = load_reference (name);
  g_autoptr(LlmFsrsOptimizer) optimizer = load_optimizer (name, NULL);

  for (guint i = 0; i < ref->evaluations->len; i++)
    {
      const RefEvaluation *e = &g_array_index (ref->evaluations, RefEvaluation, i);
      g_autoptr(GError) error = NULL;
      LlmFsrsMetrics m;

      g_assert_true (llm_fsrs_optimizer_evaluate (optimizer, e->w, &m, &error));
      g_assert_no_error (error);
      g_test_message ("%s %s: log loss %.9f (reference %.9f), RMSE %.9f (reference %.9f)",
                      name, e->name, m.log_loss, e->log_loss, m.rmse_bins, e->rmse_bins);
      g_assert_cmpfloat_with_epsilon (m.log_loss, e->log_loss, 1e-6);
      g_assert_cmpfloat_with_epsilon (m.rmse_bins, e->rmse_bins, 1e-6);
    }
}

typedef struct {
  double last;
  guint  calls;
} Progress;

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
}

/* Trains, and compares the log loss the C evaluator gives the result with
 * the reference's own. */
static void
train_and_compare (const char *name,
                   double      tolerance)
{
  g_autoptr(Reference) ref = load_reference (name);
  g_autoptr(LlmFsrsOptimizer) optimizer = load_optimizer (name, NULL);
  g_autoptr(GError) error = NULL;
  const RefEvaluation *reference = find_evaluation (ref, "reference");
  const RefEvaluation *defaults = find_evaluation (ref, "default");
  double w[LLM_SCHEDULER_N_PARAMS];
  g_autofree char *text = NULL;
  LlmFsrsOutcome outcome;
  LlmFsrsMetrics m;
  Progress progress = { 0 };

  g_assert_true (llm_fsrs_optimizer_train (optimizer, w, &outcome, record_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LLM_FSRS_TRAINED);
  g_assert_cmpuint (progress.calls, >, 5);
  g_assert_cmpfloat (progress.last, ==, 1.0);

  g_assert_true (llm_fsrs_optimizer_evaluate (optimizer, w, &m, &error));
  g_assert_no_error (error);

  text = llm_fsrs_parameters_to_string (w);
  g_test_message ("%s: %s", name, text);
  g_test_message ("%s: log loss %.6f, reference %.6f (%+.2f %%), defaults %.6f; RMSE %.4f, reference %.4f",
                  name, m.log_loss, reference->log_loss,
                  100 * (m.log_loss - reference->log_loss) / reference->log_loss,
                  defaults->log_loss, m.rmse_bins, reference->rmse_bins);

  g_assert_cmpfloat (fabs (m.log_loss - reference->log_loss), <=, tolerance * reference->log_loss);
  /* Training has to have learnt something. */
  g_assert_cmpfloat (m.log_loss, <, defaults->log_loss);
  for (guint i = 0; i < LLM_SCHEDULER_N_PARAMS; i++)
    g_assert_true (isfinite (w[i]));
}

static void
test_train_1500 (void)
{
  /* The reference itself moves this much with its shuffle seed here. */
  train_and_compare ("reviews-1500", 0.03);
}

static void
test_train_6000 (void)
{
  train_and_compare ("reviews-6000", 0.01);
}

static void
test_train_25000 (void)
{
  train_and_compare ("reviews-25000", 0.01);
}

/* 300 reviews over 71 days leave 57 to learn from once the outliers are
 * out: fewer than 64, so only the initial stabilities are fitted, and
 * with so little data their pull towards the defaults wins. The
 * reference does the same. */
static void
test_train_300 (void)
{
  g_autoptr(Reference) ref = load_reference ("reviews-300");
  g_autoptr(LlmFsrsOptimizer) optimizer = load_optimizer ("reviews-300", NULL);
  g_autoptr(GError) error = NULL;
  double w[LLM_SCHEDULER_N_PARAMS];
  LlmFsrsOutcome outcome = LLM_FSRS_TRAINED;

  g_assert_cmpuint (llm_fsrs_optimizer_get_n_used (optimizer), <, LLM_FSRS_MIN_REVIEWS_TO_TRAIN);
  g_assert_true (llm_fsrs_optimizer_train (optimizer, w, &outcome, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, LLM_FSRS_INITIAL_ONLY);

  for (guint i = 0; i < LLM_SCHEDULER_N_PARAMS; i++)
    g_assert_cmpfloat_with_epsilon (w[i], ref->reference_w[i], 1e-4);
  g_assert_nonnull (strstr (llm_fsrs_outcome_describe (outcome), "64"));
}

static LlmFsrsOptimizer *
optimizer_for_text (const char *text)
{
  g_autoptr(LlmReviewLog) log = llm_review_log_new ();

  llm_review_log_load_data (log, text, -1);
  return llm_fsrs_optimizer_new (log);
}

/* Same-day reviews are history, never items; the first review on a later
 * day is, and days are UTC calendar days. */
static void
test_convert_days (void)
{
  g_autoptr(LlmFsrsOptimizer) optimizer = optimizer_for_text (
    "# llm-notes review log v1\n"
    "2026-03-01T23:50:00Z\ta\tgood\t1000\n"
    "2026-03-01T23:59:00Z\ta\tgood\t1000\n"   /* same day: history */
    "2026-03-02T00:01:00Z\ta\tagain\t1000\n"  /* next UTC day: an item */
    "2026-03-02T00:11:00Z\ta\tgood\t1000\n"   /* same day again */
    "2026-03-05T10:00:00Z\ta\tgood\t1000\n"   /* an item */
    "2026-03-05T10:00:00Z\tb\tgood\t1000\n"); /* a first review only */

  g_assert_cmpuint (llm_fsrs_optimizer_get_n_items (optimizer), ==, 2);
  /* Two questions are far too few for the outlier filter to keep any. */
  g_assert_cmpuint (llm_fsrs_optimizer_get_n_used (optimizer), ==, 0);
}

static void
test_not_enough (void)
{
  g_autoptr(LlmFsrsOptimizer) optimizer = optimizer_for_text (
    "# llm-notes review log v1\n"
    "2026-03-01T10:00:00Z\ta\tgood\t1000\n"
    "2026-03-04T10:00:00Z\ta\tgood\t1000\n");
  g_autoptr(LlmFsrsOptimizer) empty = optimizer_for_text ("");
  g_autoptr(GError) error = NULL;
  double w[LLM_SCHEDULER_N_PARAMS], defaults[LLM_SCHEDULER_N_PARAMS];
  LlmFsrsOutcome outcome = LLM_FSRS_TRAINED;
  LlmFsrsMetrics m;

  llm_fsrs_parameters_get_default (defaults);
  g_assert_true (llm_fsrs_optimizer_train (optimizer, w, &outcome, NULL, NULL, NULL, &error));
  g_assert_cmpint (outcome, ==, LLM_FSRS_NOT_ENOUGH_DATA);
  g_assert_cmpmem (w, sizeof w, defaults, sizeof defaults);

  /* Nothing to evaluate is an error, not a division by zero. */
  g_assert_false (llm_fsrs_optimizer_evaluate (empty, defaults, &m, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
cancel_at_first (double   fraction,
                 gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(LlmFsrsOptimizer) optimizer = load_optimizer ("reviews-6000", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  double w[LLM_SCHEDULER_N_PARAMS];

  g_assert_false (llm_fsrs_optimizer_train (optimizer, w, NULL, cancel_at_first, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The calibration bins hold every item, and a model that predicts well
 * has bins whose prediction is close to what happened. */
static void
test_calibrate (void)
{
  g_autoptr(Reference) ref = load_reference ("reviews-25000");
  g_autoptr(LlmFsrsOptimizer) optimizer = load_optimizer ("reviews-25000", NULL);
  const RefEvaluation *truth = find_evaluation (ref, "true");
  LlmFsrsCalibration c;
  guint total = 0;

  llm_fsrs_optimizer_calibrate (optimizer, truth->w, &c);
  for (guint b = 0; b < LLM_FSRS_CALIBRATION_BINS; b++)
    {
      total += c.count[b];
      if (c.count[b] >= 500)
        g_assert_cmpfloat (fabs (c.predicted[b] - c.actual[b]), <, 0.05);
      if (c.count[b] > 0)
        {
          g_assert_cmpfloat (c.predicted[b], >=, b / 10.0);
          g_assert_cmpfloat (c.predicted[b], <=, (b + 1) / 10.0);
        }
    }
  g_assert_cmpuint (total, ==, ref->n_items);
}

/* The study schedules with the parameters it is given, and with the
 * defaults for anything but 21 finite numbers. */
static void
test_study_weights (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "fsrs", "reviews-1500.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlmStudy) study = llm_study_new (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(Reference) ref = load_reference ("reviews-1500");
  double broken[LLM_SCHEDULER_N_PARAMS];
  LlmCard defaults, trained;
  guint changed = 0;

  g_assert_true (llm_study_load (study, &error));
  g_assert_no_error (error);
  defaults = *llm_study_get_card (study, "q-0001");

  llm_study_set_weights (study, ref->reference_w, LLM_SCHEDULER_N_PARAMS);
  g_assert_cmpmem (llm_study_get_params (study)->w, sizeof broken, ref->reference_w, sizeof broken);
  trained = *llm_study_get_card (study, "q-0001");
  changed += trained.stability != defaults.stability;
  changed += trained.due != defaults.due;
  g_assert_cmpuint (changed, >, 0);

  memcpy (broken, ref->reference_w, sizeof broken);
  broken[5] = NAN;
  llm_study_set_weights (study, broken, LLM_SCHEDULER_N_PARAMS);
  g_assert_cmpfloat (llm_study_get_card (study, "q-0001")->stability, ==, defaults.stability);

  llm_study_set_weights (study, ref->reference_w, 19);
  g_assert_cmpfloat (llm_study_get_card (study, "q-0001")->stability, ==, defaults.stability);
  g_assert_cmpint (llm_study_get_card (study, "q-0001")->due, ==, defaults.due);
}

static void
test_parameters_string (void)
{
  double w[LLM_SCHEDULER_N_PARAMS];
  g_autofree char *text = NULL;

  llm_fsrs_parameters_get_default (w);
  text = llm_fsrs_parameters_to_string (w);
  g_assert_true (g_str_has_prefix (text, "0.2120,1.2931,2.3065,8.2956,"));
  g_assert_true (g_str_has_suffix (text, ",0.1542"));

  g_assert_true (llm_scheduler_weights_are_valid (w, LLM_SCHEDULER_N_PARAMS));
  g_assert_false (llm_scheduler_weights_are_valid (w, 19));
  w[3] = NAN;
  g_assert_false (llm_scheduler_weights_are_valid (w, LLM_SCHEDULER_N_PARAMS));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const sets[] = { "reviews-300", "reviews-1500", "reviews-6000", "reviews-25000" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *convert = g_strdup_printf ("/llm/optimizer/convert/%s", sets[i]);
      g_autofree char *evaluate = g_strdup_printf ("/llm/optimizer/evaluate/%s", sets[i]);

      g_test_add_data_func (convert, sets[i], test_convert);
      g_test_add_data_func (evaluate, sets[i], test_evaluate);
    }
  g_test_add_func ("/llm/optimizer/convert-days", test_convert_days);
  g_test_add_func ("/llm/optimizer/train/300", test_train_300);
  g_test_add_func ("/llm/optimizer/train/1500", test_train_1500);
  g_test_add_func ("/llm/optimizer/train/6000", test_train_6000);
  g_test_add_func ("/llm/optimizer/train/25000", test_train_25000);
  g_test_add_func ("/llm/optimizer/not-enough", test_not_enough);
  g_test_add_func ("/llm/optimizer/cancel", test_cancel);
  g_test_add_func ("/llm/optimizer/calibrate", test_calibrate);
  g_test_add_func ("/llm/optimizer/parameters-string", test_parameters_string);
  g_test_add_func ("/llm/optimizer/study-weights", test_study_weights);

  return g_test_run ();
}
