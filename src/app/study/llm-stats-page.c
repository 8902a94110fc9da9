/* llm-stats-page.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "llm-chart.h"
#include "llm-collection.h"
#include "llm-fsrs-optimizer.h"
#include "llm-stats.h"
#include "llm-stats-page.h"
#include "llm-text.h"

/* The statistics page: the interview plan, then a card a chart, each with
 * a caption that says its numbers in a sentence. It shows what it was
 * last given by llm_stats_page_update(); the window calls that whenever
 * the page is shown. The interview date is the window's to keep (in
 * settings): the page only reports the user's choice. */
struct _LlmStatsPage
{
  GtkWidget parent_instance;

  /* Bound so that gtk_widget_dispose_template() unparents it. */
  GtkScrolledWindow *scroller;
  AdwActionRow *date_row;
  GtkPopover *date_popover;
  GtkCalendar *calendar;
  AdwActionRow *plan_row;
  GtkImage *plan_icon;
  LlmChart *readiness_chart;
  GtkLabel *readiness_caption;
  GtkListBox *practice_list;
  LlmChart *heatmap_chart;
  GtkLabel *heatmap_caption;
  LlmChart *forecast_chart;
  GtkLabel *forecast_caption;
  LlmChart *retention_chart;
  GtkLabel *retention_caption;
  LlmChart *mock_chart;
  GtkLabel *mock_caption;
  LlmChart *calibration_chart;
  GtkLabel *calibration_caption;

  LlmCollection *collection;
  LlmStudy *study;
  LlmStats *stats;
  GDateTime *interview_date;   /* local midnight of the day, or NULL */
};

G_DEFINE_FINAL_TYPE (LlmStatsPage, llm_stats_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_INTERVIEW_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  INTERVIEW_DATE_CHANGED,
  PRACTICE_TOPIC,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_percent (double share)
{
  return g_strdup_printf (_("%d%%"), (int)round (CLAMP (share, 0, 1) * 100));
}

static void
set_status (LlmStatsPage *self,
            const char   *icon,
            const char   *style,
            const char   *title,
            const char   *subtitle)
{
  gtk_image_set_from_icon_name (self->plan_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->plan_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->plan_icon), "warning");
  if (style)
    gtk_widget_add_css_class (GTK_WIDGET (self->plan_icon), style);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plan_row), title);
  adw_action_row_set_subtitle (self->plan_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_row), TRUE);
}

static void
update_date_row (LlmStatsPage *self,
                 int           days_left)
{
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  if (self->interview_date == NULL)
    {
      adw_action_row_set_subtitle (self->date_row, _("Not set"));
      return;
    }

  /* Translators: the interview date, see g_date_time_format() */
  date = g_date_time_format (self->interview_date, _("%A, %B %-d, %Y"));
  if (days_left == 0)
    when = g_strdup (_("today"));
  else if (days_left == 1)
    when = g_strdup (_("tomorrow"));
  else if (days_left > 1)
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days_left), days_left);
  else
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", -days_left), -days_left);

  subtitle = g_strdup_printf ("%s · %s", date, when);
  adw_action_row_set_subtitle (self->date_row, subtitle);
}

static void
update_plan (LlmStatsPage *self)
{
  LlmStatsPlan plan;
  GDate interview;
  guint needed, per_day;
  g_autofree char *pace = NULL;
  g_autofree char *line1 = NULL;
  g_autofree char *line2 = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (self->interview_date == NULL || self->stats == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                          g_date_time_get_day_of_month (now), 0, 0, 0);

      /* Not updated yet: still say how far away the day is. */
      update_date_row (self, self->interview_date
                               ? (int)round ((double)g_date_time_difference (self->interview_date, today) / G_TIME_SPAN_DAY)
                               : 0);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_row), FALSE);
      return;
    }

  g_date_clear (&interview, 1);
  g_date_set_dmy (&interview, g_date_time_get_day_of_month (self->interview_date),
                  g_date_time_get_month (self->interview_date),
                  g_date_time_get_year (self->interview_date));
  llm_stats_plan (self->stats, self->collection, self->study, &interview, &plan);
  update_date_row (self, plan.days_left);

  if (plan.days_left < 0)
    {
      set_status (self, "x-office-calendar-symbolic", NULL, _("The interview date has passed"),
                  _("Set the date of the next one to plan for it"));
      return;
    }

  needed = plan.n_unreviewed + plan.n_fading;
  if (needed == 0)
    {
      set_status (self, "emblem-ok-symbolic", "success", _("On track"),
                  /* xgettext:no-c-format */
                  _("Every question has been reviewed and stands at 90% predicted recall or better on the day"));
      return;
    }

  /* A fraction of a review is still a review to do. */
  per_day = (guint)ceil (plan.per_day - 1e-9);
  pace = g_strdup_printf ("%.1f", plan.recent_per_day);
  line1 = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u review a day needed; %s a day over the last week",
                                        "%u reviews a day needed; %s a day over the last week",
                                        per_day),
                           per_day, pace);
  line2 = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u question never reviewed, %u below 90%% recall on the day",
                                        "%u questions never reviewed, %u below 90%% recall on the day",
                                        plan.n_unreviewed),
                           plan.n_unreviewed, plan.n_fading);
  subtitle = g_strconcat (line1, "\n", line2, NULL);

  if (plan.behind_by == 0)
    set_status (self, "emblem-ok-symbolic", "success", _("On track"), subtitle);
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind by %u review a day",
                                            "Behind by %u reviews a day", plan.behind_by),
                               plan.behind_by);
      set_status (self, "dialog-warning-symbolic", "warning", title, subtitle);
    }
}

static void
update_readiness (LlmStatsPage *self)
{
  GArray *topics = self->stats->topics;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree double *known = g_new0 (double, topics->len + 1);
  g_autofree double *recall = g_new0 (double, topics->len + 1);
  guint n_questions = 0, n_known = 0, n_reviewed = 0;
  double recall_sum = 0;
  g_autofree char *mean = NULL;
  g_autofree char *caption = NULL;

  for (guint i = 0; i < topics->len; i++)
    {
      const LlmStatsTopic *topic = &g_array_index (topics, LlmStatsTopic, i);

      g_ptr_array_add (labels, topic->title);
      known[i] = topic->n_questions ? (double)topic->n_known / topic->n_questions : 0;
      recall[i] = topic->mean_recall;
      n_questions += topic->n_questions;
      n_known += topic->n_known;
      n_reviewed += topic->n_reviewed;
      recall_sum += topic->mean_recall * topic->n_questions;
    }

  llm_chart_set_bars (self->readiness_chart, topics->len, (const char * const *)labels->pdata,
                      known, recall, _("Known"), _("Predicted recall"), LLM_STATS_PLAN_RECALL);

  if (n_questions == 0)
    {
      gtk_label_set_label (self->readiness_caption, _("The collection has no questions"));
      return;
    }

  mean = format_percent (recall_sum / n_questions);
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u question known, %u reviewed; mean predicted recall %s. The line marks 90%%.",
                                          "%u of %u questions known, %u reviewed; mean predicted recall %s. The line marks 90%%.",
                                          n_questions),
                             n_known, n_questions, n_reviewed, mean);
  gtk_label_set_label (self->readiness_caption, caption);
}

/* "Practice" on each topic's row: the readiness numbers are something to
 * act on, not only to read. */
static void
update_practice (LlmStatsPage *self)
{
  GArray *topics = self->stats->topics;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->practice_list))) != NULL)
    gtk_list_box_remove (self->practice_list, child);

  for (guint i = 0; i < topics->len; i++)
    {
      const LlmStatsTopic *topic = &g_array_index (topics, LlmStatsTopic, i);
      g_autofree char *title = NULL;
      g_autofree char *known = NULL;
      GtkWidget *row, *button;

      if (topic->n_questions == 0)
        continue;

      title = llm_text_display_title (topic->title);
      /* Translators: how many of a topic's questions are known, "2 of 5 known" */
      known = g_strdup_printf (_("%u of %u known"), topic->n_known, topic->n_questions);
      row = adw_action_row_new ();
      button = gtk_button_new_with_mnemonic (_("_Practice"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), known);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Practice This Topic"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Practice This Topic"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stats.practice-topic");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", topic->title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->practice_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->practice_list), gtk_widget_get_first_child (GTK_WIDGET (self->practice_list)) != NULL);
}

static void
practice_topic_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_signal_emit (widget, signals[PRACTICE_TOPIC], 0, g_variant_get_string (param, NULL));
}

static void
update_heatmap (LlmStatsPage *self,
                gboolean      have_log)
{
  guint total = 0, active = 0;
  g_autofree char *reviews = NULL;
  g_autofree char *days = NULL;
  g_autofree char *pace = NULL;
  g_autofree char *caption = NULL;

  llm_chart_set_heatmap (self->heatmap_chart, &self->stats->today, self->stats->heatmap,
                         LLM_STATS_HEATMAP_DAYS);

  if (!have_log)
    {
      gtk_label_set_label (self->heatmap_caption, _("The review log could not be read"));
      return;
    }

  for (guint i = 0; i < LLM_STATS_HEATMAP_DAYS; i++)
    {
      total += self->stats->heatmap[i];
      active += self->stats->heatmap[i] > 0;
    }

  if (total == 0)
    {
      gtk_label_set_label (self->heatmap_caption, _("No reviews in the last six months"));
      return;
    }

  reviews = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review", "%u reviews", total), total);
  days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "on %u day", "on %u days", active), active);
  pace = g_strdup_printf ("%.1f", self->stats->recent_per_day);
  /* Translators: "412 reviews on 87 days; 4.3 questions a day over the last week" */
  caption = g_strdup_printf (_("%s %s; %s questions a day over the last week"), reviews, days, pace);
  gtk_label_set_label (self->heatmap_caption, caption);
}

static void
update_forecast (LlmStatsPage *self)
{
  guint today = self->stats->forecast[0], week = 0, month = 0;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *caption = NULL;

  llm_chart_set_columns (self->forecast_chart, &self->stats->today, self->stats->forecast,
                         LLM_STATS_FORECAST_DAYS);

  for (guint i = 0; i < LLM_STATS_FORECAST_DAYS; i++)
    {
      month += self->stats->forecast[i];
      if (i < 7)
        week += self->stats->forecast[i];
    }

  /* Said as the sidebar says it: due now, and by the end of today. */
  a = g_strdup_printf (_("%u due now · %u today"),
                       llm_study_count_due (self->study, self->collection, self->stats->now), today);
  b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u within a week", "%u within a week", week), week);
  c = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u within 30 days", "%u within 30 days", month), month);
  caption = g_strdup_printf ("%s · %s · %s", a, b, c);
  gtk_label_set_label (self->forecast_caption, caption);
}

static void
update_retention (LlmStatsPage *self)
{
  guint n = self->stats->n_retention_reviews;
  g_autofree char *caption = NULL;

  llm_chart_set_gauge (self->retention_chart, llm_stats_get_achieved_retention (self->stats),
                       self->stats->desired_retention, _("Achieved"), _("Desired"));

  if (n == 0)
    caption = g_strdup (_("No learned question has come up for review yet"));
  else
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Recalled in %u of %u review of learned questions",
                                            "Recalled in %u of %u reviews of learned questions",
                                            n),
                               self->stats->n_retention_passed, n);
  gtk_label_set_label (self->retention_caption, caption);
}

/* How well the parameters in use predicted every review of the log (all
 * questions, not only this collection's: the parameters are the same for
 * all). A review counts once it falls on a later day than its question's
 * previous one, as the optimiser counts them. */
static void
update_calibration (LlmStatsPage *self,
                    LlmReviewLog *log)
{
  g_autoptr(LlmFsrsOptimizer) optimizer = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double predicted[LLM_FSRS_CALIBRATION_BINS], actual[LLM_FSRS_CALIBRATION_BINS];
  LlmFsrsCalibration c = { { 0 } };
  guint n_rows = 0, total = 0;
  double error = 0;
  g_autofree char *caption = NULL;
  g_autofree char *mean_error = NULL;

  if (log != NULL)
    {
      optimizer = llm_fsrs_optimizer_new (log);
      llm_fsrs_optimizer_calibrate (optimizer, llm_study_get_params (self->study)->w, &c);
    }

  /* Most predicted recall is high: the best predictions first. */
  for (guint b = LLM_FSRS_CALIBRATION_BINS; b-- > 0;)
    {
      if (c.count[b] == 0)
        continue;

      /* Translators: a bin of predicted recall and how many reviews are in it, "80–90% (412)" */
      g_ptr_array_add (labels, g_strdup_printf (_("%u–%u%% (%u)"), b * 10, (b + 1) * 10, c.count[b]));
      predicted[n_rows] = c.predicted[b];
      actual[n_rows] = c.actual[b];
      n_rows++;
      total += c.count[b];
      error += fabs (c.predicted[b] - c.actual[b]) * c.count[b];
    }

  llm_chart_set_bars (self->calibration_chart, n_rows, (const char * const *)labels->pdata,
                      predicted, actual, _("Predicted recall"), _("Actual recall"), 0);
  gtk_widget_set_visible (GTK_WIDGET (self->calibration_chart), n_rows > 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->calibration_caption), n_rows > 0 ? 0 : 12);

  if (total == 0)
    {
      gtk_label_set_label (self->calibration_caption, _("No review on a later day than its question's previous one yet"));
      return;
    }

  mean_error = g_strdup_printf ("%.1f", 100 * error / total);
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u review; predictions are off by %s points on average",
                                          "%u reviews; predictions are off by %s points on average",
                                          total),
                             total, mean_error);
  gtk_label_set_label (self->calibration_caption, caption);
}

static void
update_mocks (LlmStatsPage *self)
{
  GArray *mocks = self->stats->mocks;
  g_autofree gint64 *times = g_new0 (gint64, mocks->len + 1);
  g_autofree double *values = g_new0 (double, mocks->len + 1);
  g_autofree char *count = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *caption = NULL;
  const LlmStatsMock *last;

  for (guint i = 0; i < mocks->len; i++)
    {
      const LlmStatsMock *mock = &g_array_index (mocks, LlmStatsMock, i);

      times[i] = mock->when;
      values[i] = (double)mock->n_covered / mock->n_points;
    }

  llm_chart_set_line (self->mock_chart, times, values, mocks->len);
  /* An empty chart says less than the caption does. */
  gtk_widget_set_visible (GTK_WIDGET (self->mock_chart), mocks->len > 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->mock_caption), mocks->len > 0 ? 0 : 12);

  if (mocks->len == 0)
    {
      gtk_label_set_label (self->mock_caption, _("No mock interviews yet"));
      return;
    }

  last = &g_array_index (mocks, LlmStatsMock, mocks->len - 1);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mock interview", "%u mock interviews", mocks->len),
                           mocks->len);
  latest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the latest covered %u of %u key point",
                                         "the latest covered %u of %u key points", last->n_points),
                            last->n_covered, last->n_points);
  caption = g_strdup_printf ("%s; %s", count, latest);
  gtk_label_set_label (self->mock_caption, caption);
}

/**
 * llm_stats_page_update:
 * @log: (nullable): the review log @study was loaded from; without it
 *   the heatmap, retention and the recent pace are empty
 * @interviews_dir: (nullable): where mock interview reports are saved
 * @now: unix seconds
 *
 * Recomputes everything the page shows.
 */
void
llm_stats_page_update (LlmStatsPage  *self,
                       LlmCollection *collection,
                       LlmStudy      *study,
                       LlmReviewLog  *log,
                       GFile         *interviews_dir,
                       gint64         now)
{
  g_return_if_fail (LLM_IS_STATS_PAGE (self));
  g_return_if_fail (LLM_IS_COLLECTION (collection));
  g_return_if_fail (LLM_IS_STUDY (study));
  g_return_if_fail (log == NULL || LLM_IS_REVIEW_LOG (log));
  g_return_if_fail (interviews_dir == NULL || G_IS_FILE (interviews_dir));

  g_set_object (&self->collection, collection);
  g_set_object (&self->study, study);
  g_clear_pointer (&self->stats, llm_stats_free);
  self->stats = llm_stats_compute (collection, study, log, NULL, now);
  if (interviews_dir != NULL)
    llm_stats_load_mocks (self->stats, interviews_dir);

  update_plan (self);
  update_readiness (self);
  update_practice (self);
  update_heatmap (self, log != NULL);
  update_forecast (self);
  update_retention (self);
  update_calibration (self, log);
  update_mocks (self);
}

/**
 * llm_stats_page_get_interview_date:
 *
 * Returns: (transfer none) (nullable): local midnight of the interview
 *   day, or %NULL when none is set
 */
GDateTime *
llm_stats_page_get_interview_date (LlmStatsPage *self)
{
  g_return_val_if_fail (LLM_IS_STATS_PAGE (self), NULL);

  return self->interview_date;
}

/**
 * llm_stats_page_set_interview_date:
 * @date: (nullable): any time on the interview day, or %NULL for none
 *
 * Sets the date without emitting #LlmStatsPage::interview-date-changed,
 * which is for the user's changes only.
 */
void
llm_stats_page_set_interview_date (LlmStatsPage *self,
                                   GDateTime    *date)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (LLM_IS_STATS_PAGE (self));

  /* Only the calendar day matters, in the user's zone. */
  if (date != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (date);

      day = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                   g_date_time_get_day_of_month (local), 0, 0, 0);
    }

  if (day == NULL && self->interview_date == NULL)
    return;
  if (day != NULL && self->interview_date != NULL && g_date_time_equal (day, self->interview_date))
    return;

  g_clear_pointer (&self->interview_date, g_date_time_unref);
  self->interview_date = g_steal_pointer (&day);
  update_plan (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEW_DATE]);
}

/**
 * llm_stats_page_get_plan_status:
 *
 * Returns: what the plan says, "On track" or "Behind by N reviews a day",
 *   or "" when there is no plan
 */
const char *
llm_stats_page_get_plan_status (LlmStatsPage *self)
{
  g_return_val_if_fail (LLM_IS_STATS_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->plan_row)))
    return "";

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->plan_row));
}

static void
on_popover_show (LlmStatsPage *self,
                 GtkPopover   *popover)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  gtk_calendar_select_day (self->calendar, self->interview_date ? self->interview_date : today);
}

static void
set_date_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LlmStatsPage *self = LLM_STATS_PAGE (widget);
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  gtk_popover_popdown (self->date_popover);
  llm_stats_page_set_interview_date (self, date);
  g_signal_emit (self, signals[INTERVIEW_DATE_CHANGED], 0, self->interview_date);
}

static void
clear_date_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlmStatsPage *self = LLM_STATS_PAGE (widget);

  gtk_popover_popdown (self->date_popover);
  llm_stats_page_set_interview_date (self, NULL);
  g_signal_emit (self, signals[INTERVIEW_DATE_CHANGED], 0, NULL);
}

static void
llm_stats_page_dispose (GObject *object)
{
  LlmStatsPage *self = (LlmStatsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LLM_TYPE_STATS_PAGE);
  g_clear_object (&self->collection);
  g_clear_object (&self->study);
  g_clear_pointer (&self->stats, llm_stats_free);

  G_OBJECT_CLASS (llm_stats_page_parent_class)->dispose (object);
}

static void
llm_stats_page_finalize (GObject *object)
{
  LlmStatsPage *self = (LlmStatsPage *)object;

  g_clear_pointer (&self->interview_date, g_date_time_unref);

  G_OBJECT_CLASS (llm_stats_page_parent_class)->finalize (object);
}

static void
llm_stats_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlmStatsPage *self = LLM_STATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW_DATE:
      g_value_set_boxed (value, self->interview_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_stats_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LlmStatsPage *self = LLM_STATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_INTERVIEW_DATE:
      llm_stats_page_set_interview_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
llm_stats_page_class_init (LlmStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = llm_stats_page_dispose;
  object_class->finalize = llm_stats_page_finalize;
  object_class->get_property = llm_stats_page_get_property;
  object_class->set_property = llm_stats_page_set_property;

  /**
   * LlmStatsPage:interview-date: (nullable)
   *
   * Local midnight of the interview day.
   */
  properties[PROP_INTERVIEW_DATE] =
    g_param_spec_boxed ("interview-date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlmStatsPage::interview-date-changed:
   * @date: (nullable): the day the user set, or %NULL if they cleared it
   *
   * The user set or cleared the interview date: the window saves it.
   */
  signals[INTERVIEW_DATE_CHANGED] =
    g_signal_new ("interview-date-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  /**
   * LlmStatsPage::practice-topic:
   * @topic: the topic's title, as its questions carry it
   *
   * The user asked to practise @topic: the window starts a self-test on it.
   */
  signals[PRACTICE_TOPIC] =
    g_signal_new ("practice-topic", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (LLM_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/llm-stats-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, date_popover);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, plan_row);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, plan_icon);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, readiness_chart);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, readiness_caption);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, practice_list);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, heatmap_chart);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, heatmap_caption);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, forecast_chart);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, forecast_caption);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, retention_chart);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, retention_caption);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, mock_chart);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, mock_caption);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, calibration_chart);
  gtk_widget_class_bind_template_child (widget_class, LlmStatsPage, calibration_caption);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);

  gtk_widget_class_install_action (widget_class, "stats.set-date", NULL, set_date_action);
  gtk_widget_class_install_action (widget_class, "stats.clear-date", NULL, clear_date_action);
  gtk_widget_class_install_action (widget_class, "stats.practice-topic", "s", practice_topic_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
llm_stats_page_init (LlmStatsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_plan (self);
}

GtkWidget *
llm_stats_page_new (void)
{
  return g_object_new (LLM_TYPE_STATS_PAGE, NULL);
}
