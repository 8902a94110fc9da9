/* test-my-questions.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The user's own questions: appending, editing, ids that survive other
 * edits and edits by hand, merging into a collection, and a file that a
 * kill at any moment leaves whole. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-my-questions.h"
#include "llm-question.h"
#include "llm-test-files.h"
#include "llm-topic.h"

#define N_KILLS 200
#define MAX_DELAY_USEC 20000

static const char *self_path;

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* "topic|number|id|title|answer" for every question, in order. */
static char *
describe (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlmTopic) group = llm_my_questions_load (path, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  if (group == NULL)
    return g_string_free (out, FALSE);

  g_assert_true (llm_topic_is_group (group));
  g_assert_cmpstr (llm_topic_get_title (group), ==, "My Questions");
  for (guint t = 0; t < g_list_model_get_n_items (G_LIST_MODEL (group)); t++)
    {
      g_autoptr(LlmTopic) topic = g_list_model_get_item (G_LIST_MODEL (group), t);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (topic)); i++)
        {
          g_autoptr(LlmQuestion) question = g_list_model_get_item (G_LIST_MODEL (topic), i);

          g_string_append_printf (out, "%s|%u|%s|%s|%s\n",
                                  llm_question_get_topic (question),
                                  llm_question_get_number (question),
                                  llm_question_get_id (question),
                                  llm_question_get_title (question),
                                  llm_question_get_answer (question));
        }
    }

  return g_string_free (out, FALSE);
}

static char *
make_path (char **folder)
{
  *folder = llm_test_make_folder ("llm-my-questions");
  /* A folder that does not exist yet, as on a first run. */
  return g_build_filename (*folder, "data", "my-questions.md", NULL);
}

static void
test_append (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = make_path (&folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *id3 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;

  g_assert_null (llm_my_questions_load (path, &error));
  g_assert_no_error (error);

  g_assert_true (llm_my_questions_append (path, "Attention", "Why scale by √d?", "Keeps softmax **soft**.", &id1, &error));
  g_assert_no_error (error);
  g_assert_true (llm_my_questions_append (path, "系统设计", "KV 缓存怎么做？", "按层缓存。\n\n- 键\n- 值\n", &id2, &error));
  g_assert_no_error (error);
  g_assert_true (llm_my_questions_append (path, "Attention", "What is\nMQA?", "One key head.", &id3, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (id1, ==, "my-questions~why-scale-by-d");
  g_assert_cmpstr (id2, ==, "my-questions~kv-缓存怎么做");
  g_assert_cmpstr (id3, ==, "my-questions~what-is-mqa");

  text = read_file (path);
  g_assert_cmpstr (text, ==,
                   "## Attention\n"
                   "\n"
                   "### 1. Why scale by √d?\n"
                   "\n"
                   "Keeps softmax **soft**.\n"
                   "\n"
                   "### 3. What is MQA?\n"
                   "\n"
                   "One key head.\n"
                   "\n"
                   "## 系统设计\n"
                   "\n"
                   "### 2. KV 缓存怎么做？\n"
                   "\n"
                   "按层缓存。\n"
                   "\n"
                   "- 键\n"
                   "- 值\n"
                   "\n");

  described = describe (path);
  g_assert_cmpstr (described, ==,
                   "Attention|1|my-questions~why-scale-by-d|Why scale by √d?|Keeps softmax **soft**.\n"
                   "Attention|3|my-questions~what-is-mqa|What is MQA?|One key head.\n"
                   "系统设计|2|my-questions~kv-缓存怎么做|KV 缓存怎么做？|按层缓存。\n\n- 键\n- 值\n");

  /* No title, no question; no topic, the default one. */
  g_assert_false (llm_my_questions_append (path, "Attention", " \n", "x", NULL, &error));
  g_assert_error (error, LLM_MY_QUESTIONS_ERROR, LLM_MY_QUESTIONS_ERROR_EMPTY_TITLE);
  g_clear_error (&error);
  g_assert_true (llm_my_questions_append (path, NULL, "Loose", "", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = read_file (path);
  g_assert_true (g_str_has_suffix (text, "- 值\n\n## My Questions\n\n### 4. Loose\n\n"));

  llm_test_remove_tree (folder);
}

/* An answer cannot add topics or questions of its own. */
static void
test_headings_in_answer (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = make_path (&folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (llm_my_questions_append (path, "T", "Q", "## not a topic\n### not a question\n#### a sub-heading", NULL, &error));
  g_assert_no_error (error);
  described = describe (path);
  fields = g_strsplit (described, "|", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_nonnull (strstr (described, "#### a sub-heading"));

  llm_test_remove_tree (folder);
}

static void
test_edit (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = make_path (&folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;

  g_assert_true (llm_my_questions_append (path, "A", "First", "one", NULL, &error));
  g_assert_true (llm_my_questions_append (path, "A", "Second", "two", NULL, &error));
  g_assert_true (llm_my_questions_append (path, "B", "Third", "three", NULL, &error));
  g_assert_no_error (error);

  /* The answer of the first, longer: the others keep their ids. */
  g_assert_true (llm_my_questions_edit (path, "my-questions~first", NULL, "First", "one\n\nand more", &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_id, ==, "my-questions~first");
  described = describe (path);
  g_assert_cmpstr (described, ==,
                   "A|1|my-questions~first|First|one\n\nand more\n"
                   "A|2|my-questions~second|Second|two\n"
                   "B|3|my-questions~third|Third|three\n");

  /* A new title is a new id; the number stays. */
  g_clear_pointer (&new_id, g_free);
  g_assert_true (llm_my_questions_edit (path, "my-questions~second", "", "Second, renamed", "2", &new_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_id, ==, "my-questions~second-renamed");

  /* Moved to another topic: it goes to that topic's end. */
  g_assert_true (llm_my_questions_edit (path, "my-questions~first", "B", "First", "one", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&described, g_free);
  described = describe (path);
  g_assert_cmpstr (described, ==,
                   "A|2|my-questions~second-renamed|Second, renamed|2\n"
                   "B|3|my-questions~third|Third|three\n"
                   "B|1|my-questions~first|First|one\n");
  text = read_file (path);
  g_assert_cmpstr (text, ==,
                   "## A\n\n### 2. Second, renamed\n\n2\n\n"
                   "## B\n\n### 3. Third\n\nthree\n\n### 1. First\n\none\n\n");

  g_assert_false (llm_my_questions_edit (path, "my-questions~gone", NULL, "x", "y", NULL, &error));
  g_assert_error (error, LLM_MY_QUESTIONS_ERROR, LLM_MY_QUESTIONS_ERROR_NOT_FOUND);

  llm_test_remove_tree (folder);
}

/* Someone renumbered and reordered the file and added text of their own:
 * ids follow titles, edits keep the hand's work. */
static void
test_hand_edited (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = make_path (&folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_true (llm_my_questions_append (path, "A", "Alpha", "a", NULL, &error));
  g_assert_true (llm_my_questions_append (path, "A", "Beta", "b", NULL, &error));
  g_assert_true (llm_my_questions_append (path, "A", "Gamma", "g", NULL, &error));
  g_assert_no_error (error);
  before = describe (path);

  g_file_set_contents (path,
                       "My own preface.\n"
                       "## A\n"
                       "### 10. Gamma\n"
                       "g\n"
                       "### 20. Alpha\n"
                       "a\n"
                       "<!-- a comment of mine -->\n"
                       "### 30. Beta\n"
                       "b", -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = describe (path);
  g_assert_nonnull (strstr (text, "A|10|my-questions~gamma|Gamma|g\n"));
  g_assert_nonnull (strstr (text, "A|20|my-questions~alpha|Alpha|a\n<!-- a comment of mine -->\n"));
  g_assert_nonnull (strstr (text, "A|30|my-questions~beta|Beta|b\n"));

  g_assert_true (llm_my_questions_edit (path, "my-questions~gamma", NULL, "Gamma", "G!", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (llm_my_questions_append (path, "A", "Delta", "d", NULL, &error));
  g_assert_no_error (error);

  g_clear_pointer (&text, g_free);
  text = read_file (path);
  g_assert_cmpstr (text, ==,
                   "My own preface.\n"
                   "## A\n"
                   "### 10. Gamma\n"
                   "\n"
                   "G!\n"
                   "### 20. Alpha\n"
                   "a\n"
                   "<!-- a comment of mine -->\n"
                   "### 30. Beta\n"
                   "b\n"
                   "\n"
                   "### 31. Delta\n"
                   "\n"
                   "d\n"
                   "\n");
  after = describe (path);
  g_assert_nonnull (strstr (after, "my-questions~alpha|"));
  g_assert_nonnull (strstr (after, "my-questions~beta|"));
  g_assert_nonnull (strstr (after, "my-questions~delta|"));
  g_assert_cmpstr (before, !=, after);

  llm_test_remove_tree (folder);
}

/* The bundled notes and a file of two: 32 questions, the two last, under
 * the topic they were given. */
static void
test_merge (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = make_path (&folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) seed = g_file_new_for_path (g_getenv ("LLM_TEST_SEED"));
  g_autoptr(LlmCollection) collection = llm_collection_load_file (seed, &error);
  GListModel *tree;
  g_autoptr(LlmTopic) group = NULL;
  LlmQuestion *question;

  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 30);
  g_assert_false (llm_my_questions_merge (collection, path));
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 30);

  g_assert_true (llm_my_questions_append (path, "Transformer", "What is FlashAttention?", "Tiling.", NULL, &error));
  g_assert_true (llm_my_questions_append (path, "Serving", "What is speculative decoding?", "Draft, verify.", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (llm_my_questions_merge (collection, path));

  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 32);
  question = llm_collection_get_question (collection, 30);
  g_assert_cmpstr (llm_question_get_id (question), ==, "my-questions~what-is-flashattention");
  g_assert_cmpstr (llm_question_get_topic (question), ==, "Transformer");
  g_assert_true (llm_my_questions_is_mine (question));
  g_assert_false (llm_my_questions_is_mine (llm_collection_get_question (collection, 0)));
  question = llm_collection_lookup (collection, "my-questions~what-is-speculative-decoding");
  g_assert_nonnull (question);
  g_assert_cmpstr (llm_question_get_topic (question), ==, "Serving");

  tree = llm_collection_get_tree (collection);
  group = g_list_model_get_item (tree, g_list_model_get_n_items (tree) - 1);
  g_assert_true (llm_topic_is_group (group));
  g_assert_cmpstr (llm_topic_get_title (group), ==, "My Questions");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (group)), ==, 2);

  llm_test_remove_tree (folder);
}

/* Crash consistency ------------------------------------------------------ */

/* Answer @version ('A' 100 lines, 'B' 150) of question @n, ending in a
 * checksum of the lines above: a torn answer is neither. */
static char *
make_answer (guint n,
             char  version)
{
  GString *body = g_string_new (NULL);
  g_autofree char *checksum = NULL;

  for (guint i = 0; i < (version == 'A' ? 100u : 150u); i++)
    g_string_append_printf (body, "%c%c %03u question %u, the quick brown fox\n", version, version, i, n);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body->str, body->len);
  g_string_append_printf (body, "\nchecksum %s END-%c\n", checksum, version);

  return g_string_free (body, FALSE);
}

static int
run_child (const char *path,
           guint       start)
{
  g_autoptr(GError) error = NULL;

  /* Ready: the parent's clock starts now. */
  if (write (STDOUT_FILENO, "R", 1) != 1)
    return 1;

  for (guint n = start;; n++)
    {
      guint which = n % 4;
      g_autofree char *title = g_strdup_printf ("Question %u", which);
      g_autofree char *id = g_strdup_printf (LLM_MY_QUESTIONS_ID_PREFIX "question-%u", which);
      g_autofree char *answer = make_answer (which, (n / 4) % 2 ? 'B' : 'A');
      gboolean ok;

      ok = llm_my_questions_edit (path, id, NULL, title, answer, NULL, &error);
      if (!ok && g_error_matches (error, LLM_MY_QUESTIONS_ERROR, LLM_MY_QUESTIONS_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          ok = llm_my_questions_append (path, which % 2 ? "Odd" : "Even", title, answer, NULL, &error);
        }
      if (!ok)
        return 1;
      if (write (STDOUT_FILENO, "+", 1) != 1)
        return 1;
    }
}

static guint
run_and_kill (const char *path,
              guint       slack_usec)
{
  g_autoptr(GError) error = NULL;
  /* Each run starts on another question, so all four get written even
   * when few writes fit between kills. */
  g_autofree char *start = g_strdup_printf ("%d", g_test_rand_int_range (0, 8));
  const char *argv[] = { self_path, "--child", path, start, NULL };
  char buffer[4096];
  GPid pid;
  int out_fd = -1;
  int status = 0;
  guint acks = 0;
  gssize n;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CLOEXEC_PIPES,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  do
    n = read (out_fd, buffer, 1);
  while (n < 0 && errno == EINTR);
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpint (buffer[0], ==, 'R');

  g_usleep (g_test_rand_int_range (0, MAX_DELAY_USEC + slack_usec + 1));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  /* A child that stopped on its own failed a write. */
  g_assert_true (WIFSIGNALED (status));

  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    acks += n;
  g_close (out_fd, NULL);

  return acks;
}

static void
test_kill_while_saving (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = make_path (&folder);
  guint saves = 0;
  guint torn = 0;
  guint seen[2] = { 0, 0 };
  guint most = 0;
  guint slack = 0;

  for (guint run = 0; run < N_KILLS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlmTopic) group = NULL;
      guint n_questions = 0;

      guint acks = run_and_kill (path, slack);

      /* On a loaded machine (or under ASan) a save can take longer than
       * the usual window: let the next run live longer until one gets a
       * save in, so that every question is written at least once. */
      slack = acks > 0 ? 0 : MIN (slack * 2 + MAX_DELAY_USEC, 50 * MAX_DELAY_USEC);
      saves += acks;

      group = llm_my_questions_load (path, &error);
      g_assert_no_error (error);
      for (guint t = 0; group != NULL && t < g_list_model_get_n_items (G_LIST_MODEL (group)); t++)
        {
          g_autoptr(LlmTopic) topic = g_list_model_get_item (G_LIST_MODEL (group), t);

          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (topic)); i++)
            {
              g_autoptr(LlmQuestion) question = g_list_model_get_item (G_LIST_MODEL (topic), i);
              const char *title = llm_question_get_title (question);
              guint which = (guint)g_ascii_strtoull (title + strlen ("Question "), NULL, 10);
              const char *answer = llm_question_get_answer (question);
              g_autofree char *a = make_answer (which, 'A');
              g_autofree char *b = make_answer (which, 'B');

              g_assert_true (g_str_has_prefix (title, "Question "));
              n_questions++;
              /* The loader may drop the final newline. */
              if (strncmp (answer, a, strlen (a) - 1) == 0 && strlen (answer) + 1 >= strlen (a))
                seen[0]++;
              else if (strncmp (answer, b, strlen (b) - 1) == 0 && strlen (answer) + 1 >= strlen (b))
                seen[1]++;
              else
                torn++;
            }
        }
      /* Questions are never lost once written. */
      g_assert_cmpuint (n_questions, >=, most);
      g_assert_cmpuint (n_questions, <=, 4);
      most = n_questions;
    }

  g_test_message ("my-questions: %u kills, %u saves finished, %u torn answers, %u/%u whole A/B answers seen",
                  N_KILLS, saves, torn, seen[0], seen[1]);
  g_assert_cmpuint (torn, ==, 0);
  g_assert_cmpuint (saves, >, 0);
  g_assert_cmpuint (most, ==, 4);
  g_assert_cmpuint (seen[0], >, 0);
  g_assert_cmpuint (seen[1], >, 0);

  llm_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], (guint)g_ascii_strtoull (argv[3], NULL, 10));

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/my-questions~append", test_append);
  g_test_add_func ("/my-questions~headings-in-answer", test_headings_in_answer);
  g_test_add_func ("/my-questions~edit", test_edit);
  g_test_add_func ("/my-questions~hand-edited", test_hand_edited);
  g_test_add_func ("/my-questions~merge", test_merge);
  g_test_add_func ("/my-questions~kill-while-saving", test_kill_while_saving);

  return g_test_run ();
}
