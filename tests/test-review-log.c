/* test-review-log.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "llm-review-log.h"

#define DAY 86400
/* 2026-01-28 10:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1769594400)

static LlmReviewLog *
log_from_text (const char *text)
{
  LlmReviewLog *log = llm_review_log_new ();

  llm_review_log_load_data (log, text, -1);
  return log;
}

static GHashTable *
cards_from_text (const char *text)
{
  g_autoptr(LlmReviewLog) log = log_from_text (text);
  LlmSchedulerParams params;

  llm_scheduler_params_init_default (&params);
  params.enable_fuzz = TRUE;
  params.fuzz_seed = 1234;

  return llm_review_log_compute_cards (log, &params);
}

static void
assert_cards_equal (GHashTable *a,
                    GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const LlmCard *x = value;
      const LlmCard *y = g_hash_table_lookup (b, key);

      g_assert_nonnull (y);
      g_assert_cmpint (x->state, ==, y->state);
      g_assert_cmpfloat (x->stability, ==, y->stability);
      g_assert_cmpfloat (x->difficulty, ==, y->difficulty);
      g_assert_cmpint (x->due, ==, y->due);
      g_assert_cmpint (x->last_review, ==, y->last_review);
      g_assert_cmpuint (x->step, ==, y->step);
      g_assert_cmpuint (x->reps, ==, y->reps);
      g_assert_cmpuint (x->lapses, ==, y->lapses);
    }
}

static void
test_parse (void)
{
  g_autoptr(LlmReviewLog) log = NULL;
  const LlmReviewEntry *e;

  log = log_from_text (LLM_REVIEW_LOG_HEADER "\n"
                       "2026-01-29T08:30:05Z\tattention\tgood\t5400\n"
                       "\n"
                       "# a comment\n"
                       "2026-01-28T10:00:00Z\tself-attention\tagain\t12000\r\n"
                       "2026-01-28T18:00:00+08:00\tattention\teasy\t0\n");

  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 0);
  g_assert_null (llm_review_log_get_warning (log));
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 3);

  /* Sorted by time, then id: the offset form is the same instant as T0. */
  e = llm_review_log_get_entry (log, 0);
  g_assert_cmpint (e->when, ==, T0);
  g_assert_cmpstr (e->id, ==, "attention");
  g_assert_cmpint (e->grade, ==, LLM_GRADE_EASY);
  g_assert_cmpuint (e->ms, ==, 0);

  e = llm_review_log_get_entry (log, 1);
  g_assert_cmpint (e->when, ==, T0);
  g_assert_cmpstr (e->id, ==, "self-attention");
  g_assert_cmpint (e->grade, ==, LLM_GRADE_AGAIN);
  g_assert_cmpuint (e->ms, ==, 12000);

  e = llm_review_log_get_entry (log, 2);
  g_assert_cmpint (e->when, ==, T0 + DAY - 3600 * 10 + 8 * 3600 + 30 * 60 + 5);
  g_assert_cmpint (e->grade, ==, LLM_GRADE_GOOD);
  g_assert_cmpuint (e->ms, ==, 5400);

  g_assert_null (llm_review_log_get_entry (log, 3));

  /* The header is optional, and an empty log is fine. */
  g_clear_object (&log);
  log = log_from_text ("2026-01-28T10:00:00Z\tq\thard\t1\n");
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 1);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 0);

  g_clear_object (&log);
  log = log_from_text ("");
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 0);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 0);
}

static void
test_torn_last_line (void)
{
  g_autoptr(LlmReviewLog) log = NULL;

  /* A last line without its line break is a write cut short: ignored even
   * though it looks complete, and reported. */
  log = log_from_text (LLM_REVIEW_LOG_HEADER "\n"
                       "2026-01-28T10:00:00Z\ta\tgood\t100\n"
                       "2026-01-28T10:01:00Z\tb\tgood\t100");
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 1);
  g_assert_cmpstr (llm_review_log_get_entry (log, 0)->id, ==, "a");
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 1);
  g_assert_nonnull (llm_review_log_get_warning (log));
  g_assert_nonnull (strstr (llm_review_log_get_warning (log), "1 line"));

  /* Cut inside the timestamp. */
  g_clear_object (&log);
  log = log_from_text ("2026-01-28T10:00:00Z\ta\tgood\t100\n2026-01-2");
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 1);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 1);

  /* An unparsable last line, and bad lines in the middle, are counted. */
  g_clear_object (&log);
  log = log_from_text ("2026-01-28T10:00:00Z\ta\tgood\t100\n"
                       "2026-01-28T10:00:00Z\ta\n"
                       "yesterday\tb\tgood\t100\n"
                       "2026-01-28T10:00:00Z\t\tgood\t100\n"
                       "2026-01-28T10:00:00Z\tc\tgood\t-5\n"
                       "2026-01-28T10:00:00Z\tc\tgood\t10\textra\n"
                       "2026-01-28T10:02:00Z\td\tgood\t100\n"
                       "2026-01-28T10:00:00Z\ta\tgo\n");
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 2);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 6);
  g_assert_nonnull (strstr (llm_review_log_get_warning (log), "6 lines"));

  /* A clean reload clears the count. */
  llm_review_log_load_data (log, "2026-01-28T10:00:00Z\ta\tgood\t100\n", -1);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 0);
  g_assert_null (llm_review_log_get_warning (log));
}

static void
test_unknown_grade (void)
{
  g_autoptr(LlmReviewLog) log = NULL;
  g_autoptr(GHashTable) cards = NULL;
  g_autoptr(GHashTable) expected = NULL;

  log = log_from_text ("2026-01-28T10:00:00Z\ta\tgood\t100\n"
                       "2026-01-28T10:05:00Z\ta\tperfect\t100\n"
                       "2026-01-28T10:06:00Z\ta\tGood\t100\n"
                       "2026-01-28T10:07:00Z\ta\t3\t100\n"
                       "2026-01-28T10:10:00Z\ta\tgood\t100\n");

  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 2);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 3);

  /* The schedule is as if the bad lines were not there. */
  cards = cards_from_text ("2026-01-28T10:00:00Z\ta\tgood\t100\n"
                           "2026-01-28T10:05:00Z\ta\tperfect\t100\n"
                           "2026-01-28T10:10:00Z\ta\tgood\t100\n");
  expected = cards_from_text ("2026-01-28T10:00:00Z\ta\tgood\t100\n"
                              "2026-01-28T10:10:00Z\ta\tgood\t100\n");
  assert_cards_equal (cards, expected);
  g_assert_cmpuint (((LlmCard *)g_hash_table_lookup (cards, "a"))->reps, ==, 2);
}

/* A log of @n random reviews of a few questions over two months. */
static char *
random_log (guint32 seed,
            guint   n)
{
  static const char *ids[] = { "transformer", "attention", "rlhf", "lora", "注意力机制" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *text = g_string_new (LLM_REVIEW_LOG_HEADER "\n");

  for (guint i = 0; i < n; i++)
    {
      LlmReviewEntry e;
      g_autofree char *line = NULL;

      e.when = T0 + g_rand_int_range (rand, 0, 60 * DAY);
      e.id = ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (ids))];
      e.grade = g_rand_int_range (rand, LLM_GRADE_AGAIN, LLM_GRADE_EASY + 1);
      e.ms = g_rand_int_range (rand, 500, 60000);

      line = llm_review_entry_to_line (&e);
      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* What a careful merge of @a and @b would write: every distinct line once,
 * in time order, under one header. */
static char *
merged_log (const char *a,
            const char *b)
{
  g_autofree char *both = g_strconcat (a, b, NULL);
  g_auto(GStrv) lines = g_strsplit (both, "\n", -1);
  g_autoptr(GPtrArray) unique = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *text = g_string_new (LLM_REVIEW_LOG_HEADER "\n");

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#' && g_hash_table_add (seen, lines[i]))
      g_ptr_array_add (unique, lines[i]);

  /* ISO 8601 UTC sorts as text in time order. */
  g_ptr_array_sort (unique, compare_lines);
  for (guint i = 0; i < unique->len; i++)
    g_string_append_printf (text, "%s\n", (char *)g_ptr_array_index (unique, i));

  return g_string_free (text, FALSE);
}

static void
test_concatenation (void)
{
  g_autofree char *a = random_log (1, 300);
  g_autofree char *b = random_log (2, 250);
  /* Two devices that share their first reviews: a copy of part of A. */
  g_autofree char *c = random_log (3, 50);
  g_autofree char *shared = g_strconcat (a, c, NULL);
  g_autofree char *ab = g_strconcat (a, b, NULL);
  g_autofree char *ba = g_strconcat (b, a, NULL);
  g_autofree char *aa = g_strconcat (a, a, NULL);
  g_autofree char *a_shared = g_strconcat (a, shared, NULL);
  g_autofree char *merged_ab = merged_log (a, b);
  g_autofree char *merged_a_shared = merged_log (a, shared);
  g_autoptr(GHashTable) cards_a = cards_from_text (a);
  g_autoptr(GHashTable) cards_ab = cards_from_text (ab);
  g_autoptr(GHashTable) cards_ba = cards_from_text (ba);
  g_autoptr(GHashTable) cards_aa = cards_from_text (aa);
  g_autoptr(GHashTable) cards_merged = cards_from_text (merged_ab);
  g_autoptr(GHashTable) cards_a_shared = cards_from_text (a_shared);
  g_autoptr(GHashTable) cards_merged_shared = cards_from_text (merged_a_shared);
  g_autoptr(LlmReviewLog) log_aa = log_from_text (aa);
  g_autoptr(LlmReviewLog) log_ab = log_from_text (ab);

  g_assert_cmpuint (g_hash_table_size (cards_a), ==, 5);

  assert_cards_equal (cards_ab, cards_merged);
  assert_cards_equal (cards_ba, cards_merged);
  assert_cards_equal (cards_aa, cards_a);
  assert_cards_equal (cards_a_shared, cards_merged_shared);

  /* Identical lines count once; the second header is not a bad line. */
  g_assert_cmpuint (llm_review_log_get_n_entries (log_aa), ==, 300);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log_aa), ==, 0);
  g_assert_cmpuint (llm_review_log_get_n_entries (log_ab), ==, 550);

  /* And the reviews really count: B changes the schedule. */
  {
    guint reps_a = 0, reps_ab = 0;
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, cards_a);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      reps_a += ((LlmCard *)value)->reps;
    g_hash_table_iter_init (&iter, cards_ab);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      reps_ab += ((LlmCard *)value)->reps;

    g_assert_cmpuint (reps_a, ==, 300);
    g_assert_cmpuint (reps_ab, ==, 550);
  }
}

/* Two reviews of one question in the same second, differing only in the
 * time taken, are two reviews. */
static void
test_same_second (void)
{
  g_autoptr(LlmReviewLog) log = log_from_text ("2026-01-28T10:00:00Z\ta\tgood\t100\n"
                                               "2026-01-28T10:00:00Z\ta\tgood\t200\n"
                                               "2026-01-28T10:00:00Z\ta\tgood\t100\n");

  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 2);
}

/* The schedule is each question's reviews, in time order, through the
 * scheduler, with fuzz seeded per question. */
static void
test_replay_matches_scheduler (void)
{
  g_autofree char *text = random_log (7, 200);
  g_autoptr(LlmReviewLog) log = log_from_text (text);
  g_autoptr(GHashTable) cards = NULL;
  LlmSchedulerParams params;
  GHashTableIter iter;
  gpointer key, value;
  guint n_fuzzed = 0;

  llm_scheduler_params_init_default (&params);
  params.enable_fuzz = TRUE;
  params.fuzz_seed = 99;
  cards = llm_review_log_compute_cards (log, &params);
  g_assert_cmpuint (g_hash_table_size (cards), ==, 5);
  g_assert_null (g_hash_table_lookup (cards, "never-reviewed"));

  g_hash_table_iter_init (&iter, cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const LlmCard *replayed = value;
      LlmSchedulerParams p = params;
      LlmCard card;

      p.fuzz_seed = llm_scheduler_fuzz_seed_for_id (params.fuzz_seed, key);
      llm_card_init (&card);

      for (guint i = 0; i < llm_review_log_get_n_entries (log); i++)
        {
          const LlmReviewEntry *e = llm_review_log_get_entry (log, i);

          if (i > 0)
            g_assert_cmpint (llm_review_log_get_entry (log, i - 1)->when, <=, e->when);
          if (g_str_equal (e->id, key))
            card = llm_scheduler_review (&p, &card, e->grade, e->when);
        }

      g_assert_cmpuint (replayed->reps, >, 10);
      g_assert_cmpuint (replayed->reps, ==, card.reps);
      g_assert_cmpint (replayed->due, ==, card.due);
      g_assert_cmpfloat (replayed->stability, ==, card.stability);
      g_assert_cmpfloat (replayed->difficulty, ==, card.difficulty);

      /* Long enough to be fuzzed: the seed must have been the question's. */
      if (card.state == LLM_CARD_REVIEW && card.due - card.last_review >= 3 * DAY)
        n_fuzzed++;
    }

  g_assert_cmpuint (n_fuzzed, >, 0);
}

/* Questions learnt together, with the same grades at the same times, still
 * fall due on different days. */
static void
test_fuzz_per_question (void)
{
  static const char *ids[] = { "a", "b", "c", "d", "e" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) cards = NULL;
  g_autoptr(GHashTable) dues = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 when = T0;

  for (guint k = 0; k < 8; k++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          LlmReviewEntry e = { when, ids[i], LLM_GRADE_GOOD, 1000 };
          g_autofree char *line = llm_review_entry_to_line (&e);

          g_string_append_printf (text, "%s\n", line);
        }
      when += (k + 1) * (gint64)7 * DAY;
    }

  /* cards_from_text() turns fuzz on. */
  cards = cards_from_text (text->str);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LlmCard *card = g_hash_table_lookup (cards, ids[i]);

      g_assert_nonnull (card);
      g_assert_cmpint (card->state, ==, LLM_CARD_REVIEW);
      g_assert_cmpint (card->due - card->last_review, >, 30 * DAY);
      g_hash_table_add (dues, &card->due);
    }

  g_assert_cmpuint (g_hash_table_size (dues), >, 1);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("llm-review-log-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
test_append_round_trip (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  /* The data folder may not exist yet. */
  g_autofree char *path = g_build_filename (tmp, "data", "reviews.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);
  g_autoptr(LlmReviewLog) again = llm_review_log_new_for_file (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) cards = NULL;
  g_autoptr(GHashTable) cards_again = NULL;
  LlmSchedulerParams params;
  static const struct { gint64 when; const char *id; LlmGrade grade; guint ms; } reviews[] = {
    { T0, "attention", LLM_GRADE_GOOD, 5400 },
    { T0 + 600, "attention", LLM_GRADE_GOOD, 3000 },
    { T0 + 30, "注意力机制", LLM_GRADE_AGAIN, 42000 },
    { T0 + 3 * DAY, "attention", LLM_GRADE_HARD, 0 },
    { T0 + 3 * DAY, "attention", LLM_GRADE_HARD, 0 },
    { T0 + 4 * DAY, "lora", LLM_GRADE_EASY, G_MAXUINT },
  };

  g_assert_true (llm_review_log_get_file (log) == file);

  /* A log whose file doesn't exist yet is empty, not an error. */
  g_assert_true (llm_review_log_load (log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (reviews); i++)
    {
      g_assert_true (llm_review_log_append (log, reviews[i].when, reviews[i].id,
                                            reviews[i].grade, reviews[i].ms, &error));
      g_assert_no_error (error);
    }

  /* The repeat of the fourth review is written but counts once. */
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 5);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, LLM_REVIEW_LOG_HEADER "\n"
                                   "2026-01-28T10:00:00Z\tattention\tgood\t5400\n"
                                   "2026-01-28T10:10:00Z\tattention\tgood\t3000\n"
                                   "2026-01-28T10:00:30Z\t注意力机制\tagain\t42000\n"));
  g_assert_true (g_str_has_suffix (contents, "2026-02-01T10:00:00Z\tlora\teasy\t4294967295\n"));

  g_assert_true (llm_review_log_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (llm_review_log_get_n_skipped (again), ==, 0);
  g_assert_cmpuint (llm_review_log_get_n_entries (again), ==, llm_review_log_get_n_entries (log));

  for (guint i = 0; i < llm_review_log_get_n_entries (log); i++)
    {
      const LlmReviewEntry *x = llm_review_log_get_entry (log, i);
      const LlmReviewEntry *y = llm_review_log_get_entry (again, i);

      g_assert_cmpint (x->when, ==, y->when);
      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpint (x->grade, ==, y->grade);
      g_assert_cmpuint (x->ms, ==, y->ms);
    }

  llm_scheduler_params_init_default (&params);
  cards = llm_review_log_compute_cards (log, &params);
  cards_again = llm_review_log_compute_cards (again, &params);
  assert_cards_equal (cards, cards_again);
  g_assert_cmpuint (((LlmCard *)g_hash_table_lookup (cards, "attention"))->reps, ==, 3);

  remove_tree (tmp);
}

/* After a crash mid-write, the next review starts on a line of its own. */
static void
test_append_after_torn_write (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "reviews.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, LLM_REVIEW_LOG_HEADER "\n"
                             "2026-01-28T10:00:00Z\ta\tgood\t100\n"
                             "2026-01-28T10:01:00Z\tb\tgo", -1, &error);
  g_assert_no_error (error);

  g_assert_true (llm_review_log_load (log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 1);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 1);

  g_assert_true (llm_review_log_append (log, T0 + 120, "c", LLM_GRADE_EASY, 100, &error));
  g_assert_no_error (error);

  g_assert_true (llm_review_log_load (log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 2);
  g_assert_cmpstr (llm_review_log_get_entry (log, 1)->id, ==, "c");
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 1);

  /* Cut inside its milliseconds, a line looks whole; the next append
   * must not make it a review that took 51 ms instead of 5120. */
  g_file_set_contents (path, LLM_REVIEW_LOG_HEADER "\n"
                             "2026-01-28T10:00:00Z\ta\tgood\t51", -1, &error);
  g_assert_no_error (error);
  g_assert_true (llm_review_log_append (log, T0 + 120, "c", LLM_GRADE_EASY, 100, &error));
  g_assert_no_error (error);
  g_assert_true (llm_review_log_load (log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 1);
  g_assert_cmpstr (llm_review_log_get_entry (log, 0)->id, ==, "c");
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 1);

  remove_tree (tmp);
}

static void
test_append_invalid (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autofree char *path = g_build_filename (tmp, "reviews.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);
  g_autoptr(LlmReviewLog) memory = llm_review_log_new ();
  g_autoptr(GError) error = NULL;
  static const char *bad_ids[] = { "", "a\tb", "a\nb", "a\rb", "\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_assert_false (llm_review_log_append (log, T0, bad_ids[i], LLM_GRADE_GOOD, 1, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }

  g_assert_false (llm_review_log_append (log, T0, "a", 7, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Nothing was written, not even the header. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 0);

  /* A log without a file can't be appended to. */
  g_assert_false (llm_review_log_append (memory, T0, "a", LLM_GRADE_GOOD, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  remove_tree (tmp);
}

static void
test_unreadable_file (void)
{
  g_autofree char *tmp = make_tmp_dir ();
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (dir);
  g_autoptr(GError) error = NULL;

  /* A folder where the log should be: an error, not an empty log. */
  g_assert_false (llm_review_log_load (log, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (llm_review_log_append (log, T0, "a", LLM_GRADE_GOOD, 1, &error));
  g_assert_nonnull (error);

  remove_tree (tmp);
}

/* Undo records ------------------------------------------------------------ */

static const char undo_reviews[] =
  LLM_REVIEW_LOG_HEADER "\n"
  "2026-01-28T10:00:00Z\tattention\tagain\t9000\n"
  "2026-01-28T10:01:30Z\tattention\tgood\t4000\n"
  "2026-01-28T10:02:00Z\tsoftmax\teasy\t2000\n";

/* An undo record cancels exactly its review: the schedule is the one of a
 * log that never had it. */
static void
test_undo_last_review (void)
{
  g_autofree char *text = g_strconcat (undo_reviews,
                                       "2026-01-28T10:02:00Z\tsoftmax\teasy\t2000\tundone\n", NULL);
  g_autoptr(LlmReviewLog) log = log_from_text (text);
  g_autoptr(GHashTable) cards = cards_from_text (text);
  g_autoptr(GHashTable) without = cards_from_text (LLM_REVIEW_LOG_HEADER "\n"
                                                   "2026-01-28T10:00:00Z\tattention\tagain\t9000\n"
                                                   "2026-01-28T10:01:30Z\tattention\tgood\t4000\n");
  LlmReviewEntry cancelled = { T0 + 120, "softmax", LLM_GRADE_EASY, 2000 };
  LlmReviewEntry other = { T0 + 120, "softmax", LLM_GRADE_EASY, 2001 };

  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 2);
  g_assert_cmpuint (llm_review_log_get_n_undone (log), ==, 1);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 0);
  g_assert_true (llm_review_log_is_undone (log, &cancelled));
  g_assert_false (llm_review_log_is_undone (log, &other));
  g_assert_null (g_hash_table_lookup (cards, "softmax"));
  assert_cards_equal (cards, without);

  /* Undoing one of two reviews of a question replays the other alone. */
  {
    g_autofree char *first = g_strconcat (undo_reviews,
                                          "2026-01-28T10:01:30Z\tattention\tgood\t4000\tundone\n", NULL);
    g_autoptr(GHashTable) undone = cards_from_text (first);
    g_autoptr(GHashTable) once = cards_from_text (LLM_REVIEW_LOG_HEADER "\n"
                                                  "2026-01-28T10:00:00Z\tattention\tagain\t9000\n"
                                                  "2026-01-28T10:02:00Z\tsoftmax\teasy\t2000\n");

    assert_cards_equal (undone, once);
  }

  /* An undo record alone, or before its review, cancels it just the same;
   * one for a review that never was changes nothing. */
  {
    g_autoptr(GHashTable) before = cards_from_text (LLM_REVIEW_LOG_HEADER "\n"
                                                    "2026-01-28T10:02:00Z\tsoftmax\teasy\t2000\tundone\n"
                                                    "2026-01-28T10:00:00Z\tattention\tagain\t9000\n"
                                                    "2026-01-28T10:01:30Z\tattention\tgood\t4000\n"
                                                    "2026-01-28T10:02:00Z\tsoftmax\teasy\t2000\n"
                                                    "2026-01-28T11:00:00Z\tnever\tgood\t1\tundone\n");

    assert_cards_equal (before, without);
  }
}

/* Two devices' logs joined with cat, in either order: one device undid a
 * review the other only has as done. The undo wins both ways, and a log
 * joined with itself is the same log. */
static void
test_undo_concatenation (void)
{
  g_autofree char *mine = g_strconcat (undo_reviews,
                                       "2026-01-28T10:02:00Z\tsoftmax\teasy\t2000\tundone\n"
                                       "2026-01-28T10:03:00Z\tsoftmax\thard\t2500\n", NULL);
  g_autofree char *theirs = g_strconcat (undo_reviews,
                                         "2026-01-29T09:00:00Z\tattention\tgood\t3000\n", NULL);
  g_autofree char *ab = g_strconcat (mine, theirs, NULL);
  g_autofree char *ba = g_strconcat (theirs, mine, NULL);
  g_autofree char *aab = g_strconcat (mine, mine, theirs, NULL);
  g_autoptr(GHashTable) cards_ab = cards_from_text (ab);
  g_autoptr(GHashTable) cards_ba = cards_from_text (ba);
  g_autoptr(GHashTable) cards_aab = cards_from_text (aab);
  g_autoptr(GHashTable) expected = cards_from_text (LLM_REVIEW_LOG_HEADER "\n"
                                                    "2026-01-28T10:00:00Z\tattention\tagain\t9000\n"
                                                    "2026-01-28T10:01:30Z\tattention\tgood\t4000\n"
                                                    "2026-01-28T10:03:00Z\tsoftmax\thard\t2500\n"
                                                    "2026-01-29T09:00:00Z\tattention\tgood\t3000\n");
  g_autoptr(LlmReviewLog) log = log_from_text (ab);
  const LlmCard *softmax = g_hash_table_lookup (cards_ab, "softmax");

  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 4);
  g_assert_cmpuint (llm_review_log_get_n_undone (log), ==, 1);
  assert_cards_equal (cards_ab, expected);
  assert_cards_equal (cards_ba, expected);
  assert_cards_equal (cards_aab, expected);
  g_assert_nonnull (softmax);
  g_assert_cmpuint (softmax->reps, ==, 1);
}

/* An undo record cut short by a crash is skipped like any torn line, so
 * the review it was to cancel stands; whatever is appended next closes it
 * with "torn" and is read normally. */
static void
test_undo_torn (void)
{
  const char *whole = "2026-01-28T10:02:00Z\tsoftmax\teasy\t2000\tundone";
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "reviews.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  for (gsize cut = 1; cut <= strlen (whole); cut++)
    {
      g_autofree char *text = g_strdup_printf ("%s%.*s", undo_reviews, (int)cut, whole);
      g_autoptr(LlmReviewLog) torn = log_from_text (text);
      g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);
      LlmReviewEntry review = { T0 + 120, "softmax", LLM_GRADE_EASY, 2000 };

      /* Torn: the review stands. */
      g_assert_cmpuint (llm_review_log_get_n_entries (torn), ==, 3);
      g_assert_cmpuint (llm_review_log_get_n_undone (torn), ==, 0);
      g_assert_cmpuint (llm_review_log_get_n_skipped (torn), ==, 1);

      /* The app writes the undo again after the torn line: now it holds,
       * and the fragment stays one skipped line. */
      g_assert_true (g_file_set_contents (path, text, -1, &error));
      g_assert_true (llm_review_log_load (log, &error));
      g_assert_true (llm_review_log_append_undo (log, &review, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 2);

      g_assert_true (llm_review_log_load (log, &error));
      g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 2);
      g_assert_cmpuint (llm_review_log_get_n_undone (log), ==, 1);
      g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, 1);
      g_assert_true (llm_review_log_is_undone (log, &review));
    }

  g_unlink (path);
  g_rmdir (dir);
}

/* Appending an undo record: durable, kept on reload, and the log keeps
 * every line it had. A log written before undo existed reads as before. */
static void
test_undo_append (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "reviews.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);
  g_autoptr(LlmReviewLog) again = llm_review_log_new_for_file (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  LlmReviewEntry review = { T0, "attention", LLM_GRADE_AGAIN, 700 };

  g_assert_true (g_file_set_contents (path, undo_reviews, -1, &error));
  g_assert_true (llm_review_log_load (log, &error));
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 3);
  g_assert_cmpuint (llm_review_log_get_n_undone (log), ==, 0);

  g_assert_true (llm_review_log_append (log, review.when, review.id, review.grade, review.ms, &error));
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 4);
  g_assert_true (llm_review_log_append_undo (log, &review, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, 3);
  g_assert_true (llm_review_log_is_undone (log, &review));

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, undo_reviews));
  g_assert_cmpstr (contents + strlen (undo_reviews), ==,
                   "2026-01-28T10:00:00Z\tattention\tagain\t700\n"
                   "2026-01-28T10:00:00Z\tattention\tagain\t700\tundone\n");

  g_assert_true (llm_review_log_load (again, &error));
  g_assert_cmpuint (llm_review_log_get_n_entries (again), ==, 3);
  g_assert_cmpuint (llm_review_log_get_n_undone (again), ==, 1);

  /* Other fifth fields are not undo records. */
  {
    g_autoptr(LlmReviewLog) odd = log_from_text (LLM_REVIEW_LOG_HEADER "\n"
                                                 "2026-01-28T10:00:00Z\tattention\tagain\t9000\tundo\n"
                                                 "2026-01-28T10:00:00Z\tattention\tagain\t9000\ttorn\n"
                                                 "2026-01-28T10:00:00Z\tattention\tagain\t9000\tundone\tx\n");

    g_assert_cmpuint (llm_review_log_get_n_undone (odd), ==, 0);
    g_assert_cmpuint (llm_review_log_get_n_skipped (odd), ==, 3);
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/review-log/parse", test_parse);
  g_test_add_func ("/llm/review-log/torn-last-line", test_torn_last_line);
  g_test_add_func ("/llm/review-log/unknown-grade", test_unknown_grade);
  g_test_add_func ("/llm/review-log/concatenation", test_concatenation);
  g_test_add_func ("/llm/review-log/same-second", test_same_second);
  g_test_add_func ("/llm/review-log/replay-matches-scheduler", test_replay_matches_scheduler);
  g_test_add_func ("/llm/review-log/fuzz-per-question", test_fuzz_per_question);
  g_test_add_func ("/llm/review-log/append-round-trip", test_append_round_trip);
  g_test_add_func ("/llm/review-log/append-after-torn-write", test_append_after_torn_write);
  g_test_add_func ("/llm/review-log/append-invalid", test_append_invalid);
  g_test_add_func ("/llm/review-log/unreadable-file", test_unreadable_file);
  g_test_add_func ("/llm/review-log/undo-last-review", test_undo_last_review);
  g_test_add_func ("/llm/review-log/undo-concatenation", test_undo_concatenation);
  g_test_add_func ("/llm/review-log/undo-torn", test_undo_torn);
  g_test_add_func ("/llm/review-log/undo-append", test_undo_append);

  return g_test_run ();
}
