/* bench-core.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core without a display. Prints "LLM_BENCH name value…" lines for
 * tests/bench/bench.py.
 *
 *   bench-core --write NOTES.md DIR
 *       writes the inputs: DIR/collection-9000.md (the bundled notes
 *       repeated COPIES times: 9,000 questions, about 12 MB), the same
 *       questions as DIR/folder-1000/, DIR/big-100mb.md and DIR/many-200k.md
 *   bench-core NOTES.md RUNS DIR
 *       loads the 9,000-question collection and renders every answer of
 *       it; searches it as someone types; loads DIR/folder-1000
 *   bench-core --peak PATH
 *       loads PATH once and prints the time and this process's peak RSS
 *   bench-core --optimize REVIEWS.LOG RUNS
 *       trains the scheduler's parameters on REVIEWS.LOG in a thread, as
 *       Preferences does: load, convert, train, evaluate before and after
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-folder-loader.h"
#include "llm-fsrs-optimizer.h"
#include "llm-question.h"
#include "llm-render.h"
#include "llm-search.h"
#include "llm-topic.h"

#define COPIES          300
#define BIG_COPIES      2500    /* ≈ 100 MB */
#define MANY_QUESTIONS  200000
#define FOLDER_FILES    1000
#define FOLDER_SUBDIRS  10

/* What a learner types, one keystroke at a time: Chinese without spaces,
 * Latin words, and two terms. */
static const char * const typed[] = {
  "知识蒸馏",
  "softmax",
  "位置编码",
  "attention mask",
  "梯度 消失",
  "LayerNorm",
};

/* Every copy gets unique question titles (so unique ids, as a real large
 * collection has) and its own topics; the front matter stays only once, as
 * a second one in the middle of a file would be text, not metadata. */
static GString *
make_collection (const char *notes,
                 guint       copies)
{
  g_auto(GStrv) lines = g_strsplit (notes, "\n", -1);
  GString *out = g_string_sized_new (strlen (notes) * copies + copies * 1024);
  guint body = 0;

  if (g_str_equal (lines[0], "---"))
    for (body = 1; lines[body] != NULL; body++)
      if (g_str_equal (lines[body], "---"))
        {
          body++;
          break;
        }

  for (guint i = 0; i < body; i++)
    g_string_append_printf (out, "%s\n", lines[i]);

  for (guint copy = 1; copy <= copies; copy++)
    for (guint i = body; lines[i] != NULL; i++)
      {
        if (g_str_has_prefix (lines[i], "## ") || g_str_has_prefix (lines[i], "### "))
          g_string_append_printf (out, "%s (copy %u)\n", lines[i], copy);
        else
          g_string_append_printf (out, "%s\n", lines[i]);
      }

  return out;
}

/* Many short questions: the count, not the bytes, is what it tests. */
static GString *
make_many (guint n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i % 100 == 0)
        g_string_append_printf (out, "## Topic %u\n\n", i / 100 + 1);
      g_string_append_printf (out, "### Question %u\n\nAnswer %u: **softmax** of $x_%u$.\n\n", i + 1, i + 1, i);
    }

  return out;
}

static void
write_file (const char *path,
            const char *text,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, length, &error))
    g_error ("%s", error->message);
}

/* The questions of @collection spread over FOLDER_FILES files in numbered
 * subfolders, each file with a "#" title and "##" questions, as a learner's
 * own notes folder is laid out. */
static void
write_folder (LlmCollection *collection,
              const char    *dir)
{
  guint n = llm_collection_get_n_questions (collection);
  guint per_file = (n + FOLDER_FILES - 1) / FOLDER_FILES;

  for (guint f = 0; f < FOLDER_FILES; f++)
    {
      guint sub = f / (FOLDER_FILES / FOLDER_SUBDIRS);
      g_autofree char *subdir = g_strdup_printf ("%s/%02u. Part %u", dir, sub + 1, sub + 1);
      g_autofree char *path = g_strdup_printf ("%s/%u. Notes %u.md", subdir, f + 1, f + 1);
      g_autoptr(GString) text = g_string_new (NULL);

      g_mkdir_with_parents (subdir, 0755);
      g_string_append_printf (text, "# Notes %u\n\n", f + 1);
      for (guint i = f * per_file; i < MIN (n, (f + 1) * per_file); i++)
        {
          LlmQuestion *question = llm_collection_get_question (collection, i);

          g_string_append_printf (text, "## %s\n\n%s\n\n", llm_question_get_title (question),
                                  llm_question_get_answer (question));
        }
      write_file (path, text->str, text->len);
    }
}

static void
print_samples (const char *name,
               GArray     *samples)
{
  g_print ("LLM_BENCH %s", name);
  for (guint i = 0; i < samples->len; i++)
    g_print (" %.3f", g_array_index (samples, double, i));
  g_print ("\n");
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
resolve_embed (const char *target,
               gpointer    user_data)
{
  return llm_collection_resolve_embed (user_data, target);
}

static char *
load_notes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *notes = NULL;

  if (!g_file_get_contents (path, &notes, NULL, &error))
    g_error ("%s", error->message);

  return notes;
}

/* Each keystroke of each typed query, as the search entry sends it. */
static void
bench_search (LlmCollection *collection)
{
  g_autoptr(GArray) keystroke_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LlmSearchIndex) index = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  index = llm_search_index_new (collection, NULL, NULL);
  g_print ("LLM_BENCH core_search_index_ms %.3f\n", ms_since (start));

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    for (const char *end = g_utf8_next_char (typed[q]); ; end = g_utf8_next_char (end))
      {
        g_autofree char *prefix = g_strndup (typed[q], end - typed[q]);
        g_autoptr(GPtrArray) results = NULL;
        guint n_matches;

        start = g_get_monotonic_time ();
        results = llm_search_index_query_full (index, prefix, LLM_SEARCH_DEFAULT_LIMIT, &n_matches);
        ms = ms_since (start);
        g_array_append_val (keystroke_ms, ms);
        if (*end == '\0')
          break;
      }

  print_samples ("core_search_keystroke_ms", keystroke_ms);
}

static int
bench_all (const char *notes_path,
           guint       runs,
           const char *dir)
{
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) folder_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) notes_file = g_file_new_for_path (notes_path);
  g_autoptr(GFile) base = g_file_get_parent (notes_file);
  g_autoptr(LlmCollection) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *notes = load_notes (notes_path);
  g_autofree char *folder_path = g_build_filename (dir, "folder-1000", NULL);

  text = make_collection (notes, COPIES);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(LlmCollection) collection = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;
      guint n;

      collection = llm_collection_load_data (text->str, text->len, "bench", base, &error);
      if (collection == NULL)
        g_error ("%s", error->message);
      ms = ms_since (start);
      g_array_append_val (load_ms, ms);

      n = llm_collection_get_n_questions (collection);
      if (run == 0)
        g_print ("LLM_BENCH core_collection questions=%u bytes=%" G_GSIZE_FORMAT "\n", n, text->len);

      /* Rendering is timed on its own: it happens once per switch in the
       * app, never at load. */
      start = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        {
          LlmQuestion *question = llm_collection_get_question (collection, i);
          g_autofree char *html = llm_render_markdown (llm_question_get_answer (question),
                                                       resolve_embed, collection);
        }
      ms = ms_since (start);
      g_array_append_val (render_ms, ms);

      if (kept == NULL)
        kept = g_steal_pointer (&collection);
    }

  print_samples ("core_load_ms", load_ms);
  print_samples ("core_render_ms", render_ms);

  bench_search (kept);

  folder = g_file_new_for_path (folder_path);
  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(LlmCollection) collection = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      collection = llm_collection_load_path (folder, NULL, &error);
      if (collection == NULL)
        g_error ("%s", error->message);
      ms = ms_since (start);
      g_array_append_val (folder_ms, ms);
      if (run == 0)
        g_print ("LLM_BENCH core_folder files=%u questions=%u\n",
                 FOLDER_FILES, llm_collection_get_n_questions (collection));
    }
  print_samples ("core_folder_load_ms", folder_ms);

  return 0;
}

static int
write_inputs (const char *notes_path,
              const char *dir)
{
  g_autoptr(GFile) notes_file = g_file_new_for_path (notes_path);
  g_autoptr(GFile) base = g_file_get_parent (notes_file);
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *notes = load_notes (notes_path);
  g_autofree char *path = NULL;

  g_mkdir_with_parents (dir, 0755);

  text = make_collection (notes, COPIES);
  path = g_build_filename (dir, "collection-9000.md", NULL);
  write_file (path, text->str, text->len);
  collection = llm_collection_load_data (text->str, text->len, "bench", base, &error);
  if (collection == NULL)
    g_error ("%s", error->message);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "folder-1000", NULL);
  write_folder (collection, path);
  g_string_free (g_steal_pointer (&text), TRUE);

  text = make_collection (notes, BIG_COPIES);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "big-100mb.md", NULL);
  write_file (path, text->str, text->len);
  g_string_free (g_steal_pointer (&text), TRUE);

  text = make_many (MANY_QUESTIONS);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "many-200k.md", NULL);
  write_file (path, text->str, text->len);

  return 0;
}

static int
peak (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  struct stat st;

  collection = llm_collection_load_path (file, NULL, &error);
  if (collection == NULL)
    g_error ("%s", error->message);
  g_print ("LLM_BENCH peak_load_ms %.3f\n", ms_since (start));
  g_print ("LLM_BENCH peak_questions %u\n", llm_collection_get_n_questions (collection));
  if (g_stat (path, &st) == 0)
    g_print ("LLM_BENCH peak_file_mb %.1f\n", st.st_size / 1048576.0);
  getrusage (RUSAGE_SELF, &usage);
  /* ru_maxrss is in KiB on Linux. */
  g_print ("LLM_BENCH peak_rss_mb %.1f\n", usage.ru_maxrss / 1024.0);

  return 0;
}

static gpointer
optimize_thread (gpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (data);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);
  g_autoptr(LlmFsrsOptimizer) optimizer = NULL;
  g_autoptr(GError) error = NULL;
  double defaults[LLM_SCHEDULER_N_PARAMS], w[LLM_SCHEDULER_N_PARAMS];
  LlmFsrsMetrics before, after;
  LlmFsrsOutcome outcome;

  if (!llm_review_log_load (log, &error))
    g_error ("%s", error->message);

  optimizer = llm_fsrs_optimizer_new (log);
  llm_fsrs_parameters_get_default (defaults);
  if (!llm_fsrs_optimizer_train (optimizer, w, &outcome, NULL, NULL, NULL, &error) ||
      !llm_fsrs_optimizer_evaluate (optimizer, defaults, &before, &error) ||
      !llm_fsrs_optimizer_evaluate (optimizer, w, &after, &error))
    g_error ("%s", error->message);
  if (outcome != LLM_FSRS_TRAINED)
    g_error ("%s", llm_fsrs_outcome_describe (outcome));

  return GUINT_TO_POINTER (llm_review_log_get_n_entries (log));
}

/* Off the main thread, as the app runs it. */
static int
optimize (const char *log_path,
          guint       runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_reviews = 0;

  for (guint i = 0; i < MAX (runs, 1); i++)
    {
      gint64 start = g_get_monotonic_time ();
      GThread *thread = g_thread_new ("optimize", optimize_thread, (gpointer)log_path);
      double ms;

      n_reviews = GPOINTER_TO_UINT (g_thread_join (thread));
      ms = ms_since (start);
      g_array_append_val (samples, ms);
    }

  print_samples ("core_optimize_ms", samples);
  g_print ("LLM_BENCH core_optimize reviews=%u\n", n_reviews);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--write"))
    return write_inputs (argv[2], argv[3]);
  if (argc == 3 && g_str_equal (argv[1], "--peak"))
    return peak (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--optimize"))
    return optimize (argv[2], (guint)atoi (argv[3]));
  if (argc == 4)
    return bench_all (argv[1], (guint)atoi (argv[2]), argv[3]);

  g_printerr ("Usage: %s --write NOTES.md DIR | NOTES.md RUNS DIR | --peak PATH | --optimize REVIEWS.LOG RUNS\n", argv[0]);
  return 2;
}
