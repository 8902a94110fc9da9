/* test-charts.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every kind of chart draws something at small, medium and large sizes,
 * and says its numbers to assistive technologies; the statistics page
 * shows a simulated half year of study, plans for an interview date and
 * reports the user's choice of date. Screenshots in light and dark.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "llm-application.h"
#include "llm-chart.h"
#include "llm-collection.h"
#include "llm-fsrs-optimizer.h"
#include "llm-question.h"
#include "llm-review-log.h"
#include "llm-stats.h"
#include "llm-stats-page.h"
#include "llm-test-util.h"

#define DAY 86400

static GtkWidget *
make_chart (LlmChartKind kind)
{
  GtkWidget *chart = llm_chart_new ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  switch (kind)
    {
    case LLM_CHART_BARS:
      {
        const char *labels[] = { "Attention", "Tokenization", "Fine-tuning" };
        const double known[] = { 0.5, 0.0, 1.0 };
        const double recall[] = { 0.62, 0.1, 0.93 };

        llm_chart_set_bars (LLM_CHART (chart), 3, labels, known, recall, "Known", "Predicted recall", 0.9);
      }
      break;

    case LLM_CHART_HEATMAP:
      {
        guint counts[LLM_STATS_HEATMAP_DAYS] = { 0 };

        for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
          counts[i] = (i * 7) % 11 < 6 ? (i * 13) % 9 : 0;
        llm_chart_set_heatmap (LLM_CHART (chart), &today, counts, G_N_ELEMENTS (counts));
      }
      break;

    case LLM_CHART_COLUMNS:
      {
        guint counts[LLM_STATS_FORECAST_DAYS] = { 12, 3, 0, 5 };

        counts[20] = 7;
        llm_chart_set_columns (LLM_CHART (chart), &today, counts, G_N_ELEMENTS (counts));
      }
      break;

    case LLM_CHART_GAUGE:
      llm_chart_set_gauge (LLM_CHART (chart), 0.87, 0.9, "Achieved", "Desired");
      break;

    case LLM_CHART_LINE:
      {
        gint64 now = g_get_real_time () / G_USEC_PER_SEC;
        const gint64 times[] = { now - 20 * DAY, now - 12 * DAY, now - 3 * DAY };
        const double values[] = { 0.4, 0.55, 0.8 };

        llm_chart_set_line (LLM_CHART (chart), times, values, 3);
      }
      break;

    case LLM_CHART_EMPTY:
    default:
      g_assert_not_reached ();
    }

  g_assert_cmpint (llm_chart_get_kind (LLM_CHART (chart)), ==, kind);
  return chart;
}

/* Renders @chart as it is on screen and counts the pixels it drew. */
static guint
count_drawn_pixels (GtkWidget *chart,
                    int        width,
                    int        height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (chart);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer;
  graphene_rect_t bounds;
  gsize stride = (gsize)width * 4;
  guint drawn = 0, distinct = 0;
  guint32 first_color = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (chart));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);

  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 color;

        memcpy (&color, pixels + y * stride + x * 4, 4);
        if ((color >> 24) == 0)   /* transparent: not drawn */
          continue;

        drawn++;
        if (drawn == 1)
          first_color = color;
        else if (color != first_color)
          distinct++;
      }

  /* More than a flat fill: shapes in more than one color, or edges. */
  g_assert_cmpuint (distinct, >, 0);
  return drawn;
}

static void
wait_for_size (GtkWidget *widget,
               int        width,
               int        height)
{
  for (guint i = 0; i < 200; i++)
    {
      if (gtk_widget_get_width (widget) == width && gtk_widget_get_height (widget) == height)
        break;
      llm_test_wait (20);
    }
  g_assert_cmpint (gtk_widget_get_width (widget), ==, width);
  g_assert_cmpint (gtk_widget_get_height (widget), ==, height);
  /* One more frame, so that what is rendered is the new size. */
  llm_test_wait (100);
}

static void
test_chart_sizes (gconstpointer data)
{
  static const int sizes[][2] = { { 200, 120 }, { 400, 240 }, { 800, 400 } };
  LlmChartKind kind = GPOINTER_TO_INT (data);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int w = sizes[i][0], h = sizes[i][1];
      GtkWidget *window = gtk_window_new ();
      GtkWidget *chart = make_chart (kind);
      const char *summary = llm_chart_get_summary (LLM_CHART (chart));
      guint drawn;

      /* The numbers are in the description. */
      g_assert_nonnull (summary);
      g_assert_true (strpbrk (summary, "0123456789") != NULL);

      /* Undecorated, the window's size is the chart's. */
      gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
      gtk_window_set_child (GTK_WINDOW (window), chart);
      gtk_window_set_default_size (GTK_WINDOW (window), w, h);
      gtk_window_present (GTK_WINDOW (window));
      g_object_add_weak_pointer (G_OBJECT (chart), (gpointer *)&chart);

      wait_for_size (chart, w, h);
      drawn = count_drawn_pixels (chart, w, h);
      g_test_message ("kind %d at %dx%d: %u pixels drawn", kind, w, h, drawn);
      /* At least 1% of the area. */
      g_assert_cmpuint (drawn, >, (guint)(w * h / 100));

      gtk_window_destroy (GTK_WINDOW (window));
      g_assert_null (chart);
    }
}

static void
test_chart_empty (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = llm_chart_new ();
  GDate today;

  /* Nothing to show is not an error, and the description still says so. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  llm_chart_set_bars (LLM_CHART (chart), 0, NULL, NULL, NULL, "Known", "Recall", 0.9);
  llm_chart_set_line (LLM_CHART (chart), NULL, NULL, 0);
  llm_chart_set_gauge (LLM_CHART (chart), -1, 0.9, "Achieved", "Desired");
  g_assert_nonnull (strstr (llm_chart_get_summary (LLM_CHART (chart)), "90"));
  llm_chart_set_columns (LLM_CHART (chart), &today, NULL, 0);
  g_assert_nonnull (strstr (llm_chart_get_summary (LLM_CHART (chart)), "0"));

  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait (100);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A learner's half year: most days they review what is due (mostly
 * recalled) and now and then start a new question; a few are never
 * started. Fixed seed, times relative to @now. */
static char *
simulate_log (LlmCollection *collection,
              gint64         now)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GString *out = g_string_new (LLM_REVIEW_LOG_HEADER "\n");
  guint n = llm_collection_get_n_questions (collection);
  guint n_new = 0;
  LlmSchedulerParams params;

  llm_scheduler_params_init_default (&params);

  for (int d = 170; d >= 0; d--)
    {
      gint64 t = now - d * DAY - 2 * 3600;

      if (d > 0 && g_rand_double (rand) < 0.3)
        continue;

      for (guint i = 0; i < n; i++)
        {
          const char *id = llm_question_get_id (llm_collection_get_question (collection, i));
          LlmCard *card = g_hash_table_lookup (cards, id);
          gboolean is_new = card == NULL;
          guint steps;

          if (is_new)
            {
              if (n_new >= n - 5 || g_rand_double (rand) > 0.25 || i != n_new)
                continue;
              n_new++;
              card = g_new (LlmCard, 1);
              llm_card_init (card);
              g_hash_table_insert (cards, (gpointer)id, card);
            }
          else if (card->due > t)
            continue;

          /* New: a couple of learning steps; due: one grade. */
          steps = is_new ? 2 + (g_rand_double (rand) < 0.3) : 1;
          for (guint s = 0; s < steps; s++)
            {
              double roll = g_rand_double (rand);
              LlmReviewEntry entry = { t, id, LLM_GRADE_GOOD, 4000 + g_rand_int_range (rand, 0, 20000) };
              g_autofree char *line = NULL;

              if (is_new && s == 0 && steps == 3)
                entry.grade = LLM_GRADE_AGAIN;
              else if (!is_new)
                entry.grade = roll < 0.1 ? LLM_GRADE_AGAIN : roll < 0.2 ? LLM_GRADE_HARD :
                              roll < 0.9 ? LLM_GRADE_GOOD : LLM_GRADE_EASY;

              *card = llm_scheduler_review (&params, card, entry.grade, t);
              line = llm_review_entry_to_line (&entry);
              g_string_append_printf (out, "%s\n", line);
              t += 600;
            }
        }
    }

  return g_string_free (out, FALSE);
}

static void
write_reports (const char *dir,
               gint64      now)
{
  static const struct { int days_ago; const char *rows; } reports[] = {
    { 41, "| 1 | a | 1:10 | 1/4 | Hard |\n| 2 | b | 0:50 | 1/3 | Again |\n" },
    { 30, "| 1 | a | 1:00 | 2/4 | Good |\n| 2 | c | 0:40 | 1/3 | Hard |\n" },
    { 19, "| 1 | d | 0:45 | 3/5 | Good |\n| 2 | e | 1:20 | 1/2 | Good |\n" },
    { 9, "| 1 | f | 0:30 | 3/4 | Good |\n| 2 | g | 0:55 | 2/3 | Good |\n" },
    { 2, "| 1 | h | 0:35 | 4/4 | Easy |\n| 2 | i | 1:05 | 2/3 | Good |\n" },
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (now - reports[i].days_ago * DAY);
      g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d-%H%M%S.md");
      g_autofree char *path = g_build_filename (dir, stamp, NULL);
      g_autofree char *text = g_strdup_printf ("# Mock interview\n\n| # | Question | Time | Key points | Grade |\n"
                                               "|---|---|---|---|---|\n%s\nTotal: …\n", reports[i].rows);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static void
unref_date (gpointer date)
{
  if (date != NULL)
    g_date_time_unref (date);
}

static void
on_date_changed (LlmStatsPage *page,
                 GDateTime    *date,
                 GPtrArray    *seen)
{
  g_ptr_array_add (seen, date ? g_date_time_ref (date) : NULL);
}

static char *
expected_status (LlmCollection *collection,
                 LlmStudy      *study,
                 LlmReviewLog  *log,
                 gint64         now,
                 GDateTime     *date)
{
  g_autoptr(LlmStats) stats = llm_stats_compute (collection, study, log, NULL, now);
  LlmStatsPlan plan;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                  g_date_time_get_year (date));
  llm_stats_plan (stats, collection, study, &day, &plan);
  /* In whatever language the page speaks. */
  if (plan.days_left < 0)
    return g_strdup (_("The interview date has passed"));
  if (plan.behind_by == 0)
    return g_strdup (_("On track"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind by %u review a day", "Behind by %u reviews a day",
                                       plan.behind_by),
                          plan.behind_by);
}

static void
test_page (void)
{
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *root = g_dir_make_tmp ("test-charts-XXXXXX", NULL);
  g_autofree char *log_path = g_build_filename (root, "reviews.log", NULL);
  g_autofree char *reports_path = g_build_filename (root, "interviews", NULL);
  g_autoptr(GFile) log_file = g_file_new_for_path (log_path);
  g_autoptr(GFile) reports = g_file_new_for_path (reports_path);
  g_autoptr(LlmStudy) study = NULL;
  g_autoptr(LlmReviewLog) log = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  g_autoptr(GPtrArray) scrollers = g_ptr_array_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (unref_date);
  g_autoptr(GDateTime) now_dt = g_date_time_new_now_local ();
  g_autoptr(GDateTime) in_three_weeks = g_date_time_add_days (now_dt, 21);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now_dt, 1);
  g_autoptr(GDateTime) last_month = g_date_time_add_days (now_dt, -30);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *status = NULL;
  gint64 now = g_date_time_to_unix (now_dt);
  GtkWidget *window, *box, *header, *title, *page;
  GtkAdjustment *adjustment;

  text = simulate_log (collection, now);
  g_assert_true (g_file_set_contents (log_path, text, -1, NULL));
  write_reports (reports_path, now);

  study = llm_study_new (log_file);
  g_assert_true (llm_study_load (study, &error));
  g_assert_no_error (error);
  log = llm_review_log_new_for_file (log_file);
  g_assert_true (llm_review_log_load (log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (llm_review_log_get_n_entries (log), >, 100);

  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new ("Statistics", llm_collection_get_title (collection));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  page = llm_stats_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 780);
  g_signal_connect (page, "interview-date-changed", G_CALLBACK (on_date_changed), seen);

  llm_stats_page_update (LLM_STATS_PAGE (page), collection, study, log, reports, now);
  gtk_window_present (GTK_WINDOW (window));

  /* No date: no plan. */
  g_assert_null (llm_stats_page_get_interview_date (LLM_STATS_PAGE (page)));
  g_assert_cmpstr (llm_stats_page_get_plan_status (LLM_STATS_PAGE (page)), ==, "");

  /* Set from settings: the plan appears, and is the core's. No signal:
   * only the user's changes are reported. */
  llm_stats_page_set_interview_date (LLM_STATS_PAGE (page), in_three_weeks);
  status = expected_status (collection, study, log, now, in_three_weeks);
  g_assert_cmpstr (llm_stats_page_get_plan_status (LLM_STATS_PAGE (page)), ==, status);
  g_clear_pointer (&status, g_free);
  g_assert_cmpuint (seen->len, ==, 0);

  /* Tomorrow: every unstarted question in one day is more than the pace. */
  llm_stats_page_set_interview_date (LLM_STATS_PAGE (page), tomorrow);
  status = expected_status (collection, study, log, now, tomorrow);
  g_assert_cmpstr (status, !=, _("On track"));
  g_assert_cmpstr (llm_stats_page_get_plan_status (LLM_STATS_PAGE (page)), ==, status);
  g_clear_pointer (&status, g_free);

  llm_stats_page_set_interview_date (LLM_STATS_PAGE (page), last_month);
  g_assert_cmpstr (llm_stats_page_get_plan_status (LLM_STATS_PAGE (page)), ==, _("The interview date has passed"));

  /* The user picks a day in the calendar and sets it. */
  collect_widgets (page, GTK_TYPE_CALENDAR, calendars);
  g_assert_cmpuint (calendars->len, ==, 1);
  gtk_calendar_select_day (g_ptr_array_index (calendars, 0), in_three_weeks);
  gtk_widget_activate_action (page, "stats.set-date", NULL);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_nonnull (g_ptr_array_index (seen, 0));
  {
    int y1, m1, d1, y2, m2, d2;

    g_date_time_get_ymd (g_ptr_array_index (seen, 0), &y1, &m1, &d1);
    g_date_time_get_ymd (in_three_weeks, &y2, &m2, &d2);
    g_assert_cmpint (y1, ==, y2);
    g_assert_cmpint (m1, ==, m2);
    g_assert_cmpint (d1, ==, d2);
  }
  g_assert_true (g_date_time_equal (llm_stats_page_get_interview_date (LLM_STATS_PAGE (page)),
                                    g_ptr_array_index (seen, 0)));

  gtk_widget_activate_action (page, "stats.clear-date", NULL);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_null (g_ptr_array_index (seen, 1));
  g_assert_null (llm_stats_page_get_interview_date (LLM_STATS_PAGE (page)));
  g_assert_cmpstr (llm_stats_page_get_plan_status (LLM_STATS_PAGE (page)), ==, "");

  llm_stats_page_set_interview_date (LLM_STATS_PAGE (page), in_three_weeks);

  /* Six charts, each with numbers for screen readers. */
  collect_widgets (page, LLM_TYPE_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 6);
  for (guint i = 0; i < charts->len; i++)
    {
      const char *summary = llm_chart_get_summary (g_ptr_array_index (charts, i));

      g_test_message ("chart %u: %s", i, summary);
      g_assert_true (strpbrk (summary, "0123456789") != NULL);
    }

  /* The calibration chart follows the parameters in use. */
  {
    LlmChart *calibration = g_ptr_array_index (charts, 4);
    g_autofree char *before = g_strdup (llm_chart_get_summary (calibration));
    double w[LLM_SCHEDULER_N_PARAMS];

    g_assert_cmpint (llm_chart_get_kind (calibration), ==, LLM_CHART_BARS);
    llm_fsrs_parameters_get_default (w);
    w[3] = 2.0;
    w[20] = 0.5;
    llm_study_set_weights (study, w, LLM_SCHEDULER_N_PARAMS);
    llm_stats_page_update (LLM_STATS_PAGE (page), collection, study, log, reports, now);
    g_assert_cmpstr (llm_chart_get_summary (calibration), !=, before);

    llm_study_set_weights (study, NULL, 0);
    llm_stats_page_update (LLM_STATS_PAGE (page), collection, study, log, reports, now);
    g_assert_cmpstr (llm_chart_get_summary (calibration), ==, before);
  }

  collect_widgets (page, GTK_TYPE_SCROLLED_WINDOW, scrollers);
  g_assert_cmpuint (scrollers->len, >=, 1);
  adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, 0));

  llm_test_wait (500);
  llm_test_screenshot ("stats-light");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
  llm_test_wait (300);
  llm_test_screenshot ("stats-light-middle");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  llm_test_wait (300);
  llm_test_screenshot ("stats-light-bottom");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_adjustment_set_value (adjustment, 0);
  llm_test_wait (500);
  llm_test_screenshot ("stats-dark");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
  llm_test_wait (300);
  llm_test_screenshot ("stats-dark-middle");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  llm_test_wait (300);
  llm_test_screenshot ("stats-dark-bottom");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *)&page);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (page);

  {
    g_autoptr(GDir) dir = g_dir_open (reports_path, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (reports_path, name, NULL);

        g_unlink (path);
      }
    g_rmdir (reports_path);
    g_unlink (log_path);
    g_rmdir (root);
  }
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_data_func ("/llm/charts/bars", GINT_TO_POINTER (LLM_CHART_BARS), test_chart_sizes);
  g_test_add_data_func ("/llm/charts/heatmap", GINT_TO_POINTER (LLM_CHART_HEATMAP), test_chart_sizes);
  g_test_add_data_func ("/llm/charts/columns", GINT_TO_POINTER (LLM_CHART_COLUMNS), test_chart_sizes);
  g_test_add_data_func ("/llm/charts/gauge", GINT_TO_POINTER (LLM_CHART_GAUGE), test_chart_sizes);
  g_test_add_data_func ("/llm/charts/line", GINT_TO_POINTER (LLM_CHART_LINE), test_chart_sizes);
  g_test_add_func ("/llm/charts/empty", test_chart_empty);
  g_test_add_func ("/llm/charts/page", test_page);

  return g_test_run ();
}
