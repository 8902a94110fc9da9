/* llm-stats.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Statistics over a collection: how ready each topic is, when the user
 * practised, what falls due, the retention achieved, mock interview
 * coverage, and the daily pace an interview date asks for. Plain numbers
 * for the statistics page and for `llm-notes --stats`; nothing here
 * touches GTK. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-file-read.h"
#include "llm-question.h"
#include "llm-stats.h"
#include "llm-topic.h"

#define SECONDS_PER_DAY 86400

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if (a % b != 0 && (a < 0) != (b < 0))
    q--;

  return q;
}

/* Days since 1970-01-01 of the calendar day @when falls on in @tz: the
 * user's day, not UTC's, so that an evening review counts for that
 * evening. */
static gint64
day_of (GTimeZone *tz,
        gint64     when)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, when);
  gint64 offset = interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0;

  return floor_div (when + offset, SECONDS_PER_DAY);
}

static guint32
epoch_julian (void)
{
  GDate epoch;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
  return g_date_get_julian (&epoch);
}

static void
clear_topic (gpointer data)
{
  LlmStatsTopic *topic = data;

  g_clear_pointer (&topic->title, g_free);
}

static void
compute_topics (LlmStats      *self,
                LlmCollection *collection,
                LlmStudy      *study)
{
  const LlmSchedulerParams *params = llm_study_get_params (study);
  guint n_topics = g_list_model_get_n_items (G_LIST_MODEL (collection));

  for (guint i = 0; i < n_topics; i++)
    {
      g_autoptr(LlmTopic) topic = g_list_model_get_item (G_LIST_MODEL (collection), i);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (topic));
      LlmStatsTopic stats = { g_strdup (llm_topic_get_title (topic)), 0, 0, 0, 0.0 };
      double sum = 0.0;
      guint n = 0;

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(LlmQuestion) question = g_list_model_get_item (G_LIST_MODEL (topic), j);
          const char *id = llm_question_get_id (question);
          const LlmCard *card = llm_study_get_card (study, id);

          /* Pages are read, never asked: readiness counts cards. */
          if (!llm_question_is_card (question))
            continue;
          n++;
          if (card == NULL || card->state == LLM_CARD_NEW)
            continue;

          stats.n_reviewed++;
          stats.n_known += llm_study_get_state (study, id, self->now) == LLM_STUDY_KNOWN;
          sum += llm_scheduler_retrievability (params, card, self->now);
        }

      /* Unreviewed questions pull the mean down: readiness, not the
       * memory of the few questions seen so far. */
      stats.n_questions = n;
      stats.mean_recall = n > 0 ? sum / n : 0.0;
      g_array_append_val (self->topics, stats);
    }
}

static void
compute_forecast (LlmStats      *self,
                  LlmCollection *collection,
                  LlmStudy      *study,
                  gint64         today)
{
  guint n = llm_collection_get_n_questions (collection);

  for (guint i = 0; i < n; i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);
      const LlmCard *card = llm_study_get_card (study, llm_question_get_id (question));
      gint64 offset;

      if (card == NULL || card->state == LLM_CARD_NEW || !llm_question_is_card (question))
        continue;

      /* What is overdue is still to do today. */
      offset = MAX (day_of (self->tz, card->due) - today, 0);
      if (offset < LLM_STATS_FORECAST_DAYS)
        self->forecast[offset]++;
    }
}

/* Walks the log once: reviews a day for the heatmap, the recent pace, and
 * a replay of every card to know which state each review met it in. */
static void
compute_from_log (LlmStats      *self,
                  LlmCollection *collection,
                  LlmStudy      *study,
                  LlmReviewLog  *log,
                  gint64         today)
{
  const LlmSchedulerParams *study_params = llm_study_get_params (study);
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) recent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LlmSchedulerParams params = *study_params;
  guint n = llm_review_log_get_n_entries (log);

  for (guint i = 0; i < n; i++)
    {
      const LlmReviewEntry *entry = llm_review_log_get_entry (log, i);
      gint64 offset = today - day_of (self->tz, entry->when);
      LlmCard *card;

      if (llm_collection_lookup (collection, entry->id) == NULL)
        continue;

      if (offset >= 0 && offset < LLM_STATS_HEATMAP_DAYS)
        self->heatmap[LLM_STATS_HEATMAP_DAYS - 1 - offset]++;

      /* A question reviewed three times in a day (learning steps) is one
       * question studied that day, as the plan counts them. */
      if (offset >= 0 && offset < LLM_STATS_RECENT_DAYS)
        g_hash_table_add (recent, g_strdup_printf ("%" G_GINT64_FORMAT "\t%s", offset, entry->id));

      card = g_hash_table_lookup (cards, entry->id);
      if (card == NULL)
        {
          card = g_new (LlmCard, 1);
          llm_card_init (card);
          /* The log owns the ids for as long as it lives. */
          g_hash_table_insert (cards, (gpointer)entry->id, card);
        }

      /* True retention, as Anki counts it: only a question that had
       * graduated can be forgotten; first sight and learning steps say
       * nothing about memory. */
      if (card->state == LLM_CARD_REVIEW)
        {
          self->n_retention_reviews++;
          self->n_retention_passed += entry->grade != LLM_GRADE_AGAIN;
        }

      params.fuzz_seed = llm_scheduler_fuzz_seed_for_id (study_params->fuzz_seed, entry->id);
      *card = llm_scheduler_review (&params, card, entry->grade, entry->when);
    }

  self->recent_per_day = (double)g_hash_table_size (recent) / LLM_STATS_RECENT_DAYS;
}

/**
 * llm_stats_compute:
 * @log: (nullable): the review log @study was loaded from; without it the
 *   heatmap, retention and recent pace stay empty
 * @tz: (nullable): the time zone days are counted in, or %NULL for local
 * @now: unix seconds
 *
 * Returns: (transfer full): the statistics; add mock interviews with
 *   llm_stats_load_mocks()
 */
LlmStats *
llm_stats_compute (LlmCollection *collection,
                   LlmStudy      *study,
                   LlmReviewLog  *log,
                   GTimeZone     *tz,
                   gint64         now)
{
  LlmStats *self;
  gint64 today;

  g_return_val_if_fail (LLM_IS_COLLECTION (collection), NULL);
  g_return_val_if_fail (LLM_IS_STUDY (study), NULL);
  g_return_val_if_fail (log == NULL || LLM_IS_REVIEW_LOG (log), NULL);

  self = g_new0 (LlmStats, 1);
  self->now = now;
  self->tz = tz ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  self->topics = g_array_new (FALSE, TRUE, sizeof (LlmStatsTopic));
  g_array_set_clear_func (self->topics, clear_topic);
  self->mocks = g_array_new (FALSE, TRUE, sizeof (LlmStatsMock));
  self->desired_retention = llm_study_get_params (study)->desired_retention;

  today = day_of (self->tz, now);
  g_date_clear (&self->today, 1);
  g_date_set_julian (&self->today, epoch_julian () + today);

  compute_topics (self, collection, study);
  compute_forecast (self, collection, study, today);
  if (log != NULL)
    compute_from_log (self, collection, study, log, today);

  return self;
}

void
llm_stats_free (LlmStats *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->topics, g_array_unref);
  g_clear_pointer (&self->mocks, g_array_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self);
}

/**
 * llm_stats_get_achieved_retention:
 *
 * Returns: the share of reviews in review state that were recalled, 0 … 1,
 *   or -1 when there were none
 */
double
llm_stats_get_achieved_retention (const LlmStats *self)
{
  g_return_val_if_fail (self != NULL, -1);

  if (self->n_retention_reviews == 0)
    return -1;

  return (double)self->n_retention_passed / self->n_retention_reviews;
}

static char *
strip_cell (const char *start,
            const char *end)
{
  g_autofree char *cell = g_strndup (start, end - start);

  return g_strdup (g_strstrip (cell));
}

static gboolean
parse_fraction (const char *text,
                guint      *num,
                guint      *den)
{
  guint64 a, b;
  const char *slash = strchr (text, '/');
  g_autofree char *left = NULL;

  if (slash == NULL)
    return FALSE;

  left = g_strndup (text, slash - text);
  if (!g_ascii_isdigit (left[0]) || !g_ascii_isdigit (slash[1]) ||
      !g_ascii_string_to_unsigned (left, 10, 0, G_MAXUINT, &a, NULL) ||
      !g_ascii_string_to_unsigned (slash + 1, 10, 0, G_MAXUINT, &b, NULL) ||
      a > b)
    return FALSE;

  *num = a;
  *den = b;
  return TRUE;
}

/* A question row of a report: "| 1 | title | 0:12 | 2/4 | Good |". The
 * title may hold escaped pipes, so the key-point cell is found from the
 * right: it is the one before the grade. */
static gboolean
parse_row (const char *line,
           guint      *covered,
           guint      *points)
{
  g_autofree char *copy = g_strstrip (g_strdup (line));
  g_autofree char *number = NULL;
  g_autofree char *cell = NULL;
  const char *first, *last, *grade, *p;
  gsize len = strlen (copy);
  guint64 n;

  if (len < 2 || copy[0] != '|' || copy[len - 1] != '|')
    return FALSE;

  first = strchr (copy + 1, '|');
  number = strip_cell (copy + 1, first);
  if (!g_ascii_isdigit (number[0]) || !g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &n, NULL))
    return FALSE;

  last = copy + len - 1;
  grade = NULL;
  for (p = last - 1; p > first; p--)
    if (*p == '|')
      {
        grade = p;
        break;
      }
  if (grade == NULL)
    return FALSE;
  for (p = grade - 1; p >= first; p--)
    if (*p == '|')
      break;
  if (p < first)
    return FALSE;

  cell = strip_cell (p + 1, grade);
  return parse_fraction (cell, covered, points);
}

/**
 * llm_stats_parse_mock_report:
 * @report: a mock interview report, in markdown
 *
 * Sums the key points of the report's table. The "Total:" line would say
 * the same, but it is translated; the table's numbers are not.
 *
 * Returns: whether the report has any key points to count
 */
gboolean
llm_stats_parse_mock_report (const char *report,
                             guint      *n_covered,
                             guint      *n_points)
{
  g_auto(GStrv) lines = NULL;
  guint covered = 0, points = 0;

  g_return_val_if_fail (report != NULL, FALSE);

  lines = g_strsplit (report, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint c, p;

      if (parse_row (lines[i], &c, &p))
        {
          covered += c;
          points += p;
        }
    }

  if (n_covered)
    *n_covered = covered;
  if (n_points)
    *n_points = points;

  return points > 0;
}

/**
 * llm_stats_parse_mock_name:
 * @basename: a report's file name, `YYYY-MM-DD-HHMMSS.md`
 * @tz: (nullable): the zone it was written in, or %NULL for local
 *
 * Returns: whether @basename is a report's name
 */
gboolean
llm_stats_parse_mock_name (const char *basename,
                           GTimeZone  *tz,
                           gint64     *when)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi, s;

  g_return_val_if_fail (basename != NULL, FALSE);

  if (strlen (basename) != strlen ("YYYY-MM-DD-HHMMSS.md") ||
      !g_str_has_suffix (basename, ".md"))
    return FALSE;

  for (guint i = 0; i < 17; i++)
    if ((i == 4 || i == 7 || i == 10) ? basename[i] != '-' : !g_ascii_isdigit (basename[i]))
      return FALSE;

  if (sscanf (basename, "%4d-%2d-%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return FALSE;

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
    return FALSE;
  dt = g_date_time_new (tz, y, mo, d, h, mi, s);
  if (dt == NULL)
    return FALSE;

  if (when)
    *when = g_date_time_to_unix (dt);
  return TRUE;
}

static int
compare_mocks (gconstpointer a,
               gconstpointer b)
{
  const LlmStatsMock *x = a, *y = b;

  return (x->when > y->when) - (x->when < y->when);
}

/**
 * llm_stats_add_mock:
 * @basename: the report's file name, which dates it
 * @report: its text
 *
 * Returns: whether it was a dated report with key points, and was added
 */
gboolean
llm_stats_add_mock (LlmStats   *self,
                    const char *basename,
                    const char *report)
{
  LlmStatsMock mock;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (basename != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!llm_stats_parse_mock_name (basename, self->tz, &mock.when) ||
      !llm_stats_parse_mock_report (report, &mock.n_covered, &mock.n_points))
    return FALSE;

  g_array_append_val (self->mocks, mock);
  g_array_sort (self->mocks, compare_mocks);
  return TRUE;
}

/**
 * llm_stats_load_mocks:
 * @interviews_dir: where the mock interview reports are saved
 *
 * Reads every report in @interviews_dir. A missing folder, or a file that
 * can't be read, is no report: statistics never fail over them.
 *
 * Returns: how many reports were added
 */
guint
llm_stats_load_mocks (LlmStats *self,
                      GFile    *interviews_dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint added = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (G_IS_FILE (interviews_dir), 0);

  path = g_file_get_path (interviews_dir);
  if (path == NULL || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = NULL;
      g_autofree char *text = NULL;

      if (!llm_stats_parse_mock_name (name, self->tz, NULL))
        continue;

      file = g_build_filename (path, name, NULL);
      if (llm_file_read_path (file, &text, NULL, NULL) &&
          g_utf8_validate (text, -1, NULL) &&
          llm_stats_add_mock (self, name, text))
        added++;
    }

  return added;
}

/**
 * llm_stats_plan:
 * @self: statistics computed for @collection and @study
 * @interview: the day of the interview
 * @plan: (out caller-allocates): the plan
 *
 * How many reviews a day, from today, reach the interview with every
 * question reviewed and at LLM_STATS_PLAN_RECALL or better: each question
 * never seen, and each whose predicted recall at noon on the day falls
 * below it, needs at least one more review before then. Spread over the
 * days left (today included, the day itself not), and compared with the
 * recent pace. Recomputed each day, the plan corrects itself when a review
 * turns out not to last until the interview.
 */
void
llm_stats_plan (const LlmStats *self,
                LlmCollection  *collection,
                LlmStudy       *study,
                const GDate    *interview,
                LlmStatsPlan   *plan)
{
  const LlmSchedulerParams *params;
  g_autoptr(GDateTime) noon = NULL;
  guint n;
  guint needed;

  g_return_if_fail (self != NULL);
  g_return_if_fail (LLM_IS_COLLECTION (collection));
  g_return_if_fail (LLM_IS_STUDY (study));
  g_return_if_fail (interview != NULL && g_date_valid (interview));
  g_return_if_fail (plan != NULL);

  memset (plan, 0, sizeof *plan);
  plan->days_left = (int)g_date_days_between (&self->today, interview);
  plan->recent_per_day = self->recent_per_day;
  if (plan->days_left < 0)
    return;

  params = llm_study_get_params (study);
  noon = g_date_time_new (self->tz, g_date_get_year (interview), g_date_get_month (interview),
                          g_date_get_day (interview), 12, 0, 0);
  g_return_if_fail (noon != NULL);

  n = llm_collection_get_n_questions (collection);
  for (guint i = 0; i < n; i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);
      const LlmCard *card = llm_study_get_card (study, llm_question_get_id (question));

      if (!llm_question_is_card (question))
        continue;
      if (card == NULL || card->state == LLM_CARD_NEW)
        plan->n_unreviewed++;
      else if (llm_scheduler_retrievability (params, card, g_date_time_to_unix (noon)) < LLM_STATS_PLAN_RECALL)
        plan->n_fading++;
    }

  /* On the day itself there is still the morning: an interview today
   * leaves one day, not none. */
  needed = plan->n_unreviewed + plan->n_fading;
  plan->per_day = (double)needed / MAX (plan->days_left, 1);

  if (plan->per_day > plan->recent_per_day)
    plan->behind_by = (guint)ceil (plan->per_day - plan->recent_per_day - 1e-9);
}

static char *
tsv_field (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  /* A title with a tab or a line break would break the row. */
  for (gsize i = 0; i < out->len; i++)
    if (out->str[i] == '\t' || out->str[i] == '\n' || out->str[i] == '\r')
      out->str[i] = ' ';

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * llm_stats_format_topics_tsv:
 *
 * One line per topic, as `llm-notes --stats` prints it:
 * topic, questions, reviewed, known and mean predicted recall (0 … 1,
 * three decimals, always with a dot), separated by tabs.
 *
 * Returns: (transfer full): the lines, each ending in a line break
 */
char *
llm_stats_format_topics_tsv (const LlmStats *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->topics->len; i++)
    {
      const LlmStatsTopic *topic = &g_array_index (self->topics, LlmStatsTopic, i);
      g_autofree char *title = tsv_field (topic->title);
      char recall[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (recall, sizeof recall, "%.3f", topic->mean_recall);
      g_string_append_printf (out, "%s\t%u\t%u\t%u\t%s\n", title, topic->n_questions,
                              topic->n_reviewed, topic->n_known, recall);
    }

  return g_string_free (out, FALSE);
}
