/* test-optimize.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences → Optimise Parameters in the real window, on a committed
 * log: the parameters train in a thread, apply on confirmation, the
 * intervals the grade buttons show follow them, and Reset to Defaults
 * brings the old ones back.
 */

#include "config.h"

#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-fsrs-optimizer.h"
#include "llm-optimize-group.h"
#include "llm-preferences-window.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-self-test-bar.h"
#include "llm-window.h"

static const char *
interval_label (LlmWindow *window,
                LlmGrade   grade)
{
  return llm_self_test_bar_get_interval (LLM_SELF_TEST_BAR (llm_window_get_self_test_bar (window)), grade);
}

/* What the Easy button should say for a new question with @w. */
static char *
expected_easy (const double *w)
{
  LlmSchedulerParams params;
  LlmCard card;

  llm_scheduler_params_init_default (&params);
  memcpy (params.w, w, sizeof params.w);
  llm_card_init (&card);

  return llm_scheduler_format_interval (llm_scheduler_preview_interval (&params, &card, LLM_GRADE_EASY,
                                                                        g_get_real_time () / G_USEC_PER_SEC));
}

static void
wait_until_done (GtkWidget *group)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (llm_optimize_group_get_running (LLM_OPTIMIZE_GROUP (group)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_optimize (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *log_path = g_build_filename (dir, "reviews.log", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "fsrs", "reviews-6000.log", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GVariant) stored = NULL;
  GSettings *gsettings = llm_settings_get_gsettings (settings);
  double defaults[LLM_SCHEDULER_N_PARAMS];
  const double *w;
  gsize n = 0;
  LlmAnswerView *view;
  LlmWindow *window;
  GtkWidget *prefs, *group;
  const char *summary;

  /* The reviews of a simulated learner who remembers better than most. */
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (log_path, contents, -1, NULL));

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  /* A self-test on a new question: Easy shows the default w[3]'s interval. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
  llm_test_wait_for_shown (view);
  g_assert_true (llm_self_test_bar_is_running (LLM_SELF_TEST_BAR (llm_window_get_self_test_bar (window))));
  llm_fsrs_parameters_get_default (defaults);
  before = g_strdup (interval_label (window, LLM_GRADE_EASY));
  expected = expected_easy (defaults);
  g_assert_cmpstr (before, ==, expected);
  g_clear_pointer (&expected, g_free);

  prefs = llm_preferences_window_new (GTK_WINDOW (window), settings, llm_test_get_user_data ());
  group = llm_preferences_window_get_optimize_group (LLM_PREFERENCES_WINDOW (prefs));
  gtk_window_set_default_size (GTK_WINDOW (prefs), 600, 780);
  gtk_window_present (GTK_WINDOW (prefs));

  /* Cancelled at once: nothing changes. */
  gtk_widget_activate_action (group, "optimize.run", NULL);
  g_assert_true (llm_optimize_group_get_running (LLM_OPTIMIZE_GROUP (group)));
  gtk_widget_activate_action (group, "optimize.cancel", NULL);
  wait_until_done (group);
  g_assert_false (llm_optimize_group_has_result (LLM_OPTIMIZE_GROUP (group)));
  g_assert_nonnull (strstr (llm_optimize_group_get_summary (LLM_OPTIMIZE_GROUP (group)), "unchanged"));

  /* Optimise: the result is shown, nothing is applied yet. */
  gtk_widget_activate_action (group, "optimize.run", NULL);
  g_assert_true (llm_optimize_group_get_running (LLM_OPTIMIZE_GROUP (group)));
  wait_until_done (group);
  g_assert_true (llm_optimize_group_has_result (LLM_OPTIMIZE_GROUP (group)));
  stored = g_settings_get_value (gsettings, "fsrs-parameters");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 0);
  g_clear_pointer (&stored, g_variant_unref);
  g_assert_cmpstr (interval_label (window, LLM_GRADE_EASY), ==, before);

  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    llm_test_wait (200);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  llm_test_wait (300);
  llm_test_screenshot ("optimize-result");

  /* It says how many reviews it learnt from and how much better the new
   * parameters predict them. */
  summary = llm_optimize_group_get_summary (LLM_OPTIMIZE_GROUP (group));
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "3794 reviews used"));
  g_assert_nonnull (strstr (summary, "0.3213 → 0.315"));

  /* Apply: the key holds the new parameters and the buttons follow. */
  gtk_widget_activate_action (group, "optimize.apply", NULL);
  stored = g_settings_get_value (gsettings, "fsrs-parameters");
  w = g_variant_get_fixed_array (stored, &n, sizeof (double));
  g_assert_cmpuint (n, ==, LLM_SCHEDULER_N_PARAMS);
  /* This learner's first Easy lasts longer than most people's. */
  g_assert_cmpfloat (w[3], >, defaults[3] + 0.5);
  expected = expected_easy (w);
  g_assert_cmpstr (interval_label (window, LLM_GRADE_EASY), ==, expected);
  g_assert_cmpstr (interval_label (window, LLM_GRADE_EASY), !=, before);
  g_clear_pointer (&expected, g_free);

  /* Reset to Defaults: the old intervals again. */
  gtk_widget_activate_action (group, "optimize.reset", NULL);
  g_clear_pointer (&stored, g_variant_unref);
  stored = g_settings_get_value (gsettings, "fsrs-parameters");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 0);
  g_assert_cmpstr (interval_label (window, LLM_GRADE_EASY), ==, before);

  /* Closing Preferences while it runs: the thread finishes on its own,
   * its result lands in a group already taken apart without a warning,
   * and nothing is applied. */
  g_object_ref (group);
  gtk_widget_activate_action (group, "optimize.run", NULL);
  g_assert_true (llm_optimize_group_get_running (LLM_OPTIMIZE_GROUP (group)));
  gtk_window_destroy (GTK_WINDOW (prefs));
  wait_until_done (group);
  g_object_unref (group);
  g_clear_pointer (&stored, g_variant_unref);
  stored = g_settings_get_value (gsettings, "fsrs-parameters");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 0);
  g_assert_cmpstr (interval_label (window, LLM_GRADE_EASY), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/optimize/apply-and-reset", test_optimize);

  return g_test_run ();
}
