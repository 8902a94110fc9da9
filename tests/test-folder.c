/* test-folder.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-collection-source.h"
#include "llm-folder-loader.h"
#include "llm-question.h"
#include "llm-test-files.h"
#include "llm-topic.h"

static GFile *
fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "folder", NULL);

  return g_file_new_for_path (path);
}

static LlmCollection *
load_fixture (void)
{
  g_autoptr(GFile) folder = fixture ();
  g_autoptr(GError) error = NULL;
  LlmCollection *collection;

  collection = llm_collection_load_path (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  return collection;
}

/* "Title[question|question]" for a topic, "Title{topic topic}" for a group. */
static void
describe_topic (GString  *out,
                LlmTopic *topic)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (topic));
  gboolean group = llm_topic_is_group (topic);

  g_string_append_printf (out, "%s%c", llm_topic_get_title (topic), group ? '{' : '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (topic), i);

      if (i > 0)
        g_string_append (out, group ? " " : "|");
      if (group)
        describe_topic (out, LLM_TOPIC (item));
      else
        g_string_append_printf (out, "%u. %s", llm_question_get_number (LLM_QUESTION (item)),
                                llm_question_get_title (LLM_QUESTION (item)));
    }
  g_string_append_c (out, group ? '}' : ']');
}

static char *
describe_tree (LlmCollection *collection)
{
  GListModel *tree = llm_collection_get_tree (collection);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
    {
      g_autoptr(LlmTopic) topic = g_list_model_get_item (tree, i);

      if (i > 0)
        g_string_append (out, "\n");
      describe_topic (out, topic);
    }

  return g_string_free (out, FALSE);
}

static LlmQuestion *
question_titled (LlmCollection *collection,
                 const char    *title,
                 guint          nth)
{
  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);

      if (g_str_equal (llm_question_get_title (question), title) && nth-- == 0)
        return question;
    }

  g_assert_not_reached ();
}

static void
test_tree (void)
{
  LlmCollection *collection = load_fixture ();
  g_autofree char *tree = describe_tree (collection);

  /* Natural order ("1.2" < "1.10" < "02" < "10", "2" < "10"), folders as
   * groups, number prefixes off the names, single notes gathered into
   * their folder's topic, and a folder of only single notes a topic. */
  g_assert_cmpstr (tree, ==,
                   "Start[0. Start|1. What is this folder?]\n"
                   "Basics{"
                     "Warmup[1. What is a token?|2. What is a vocabulary?] "
                     "Extra[1. What comes after 1.2?] "
                     "Attention[1. What is attention?|2. Why scale the dot product?] "
                     "Later topic[1. Why scale the dot product?] "
                     "Deep[1. note one|2. note two]}\n"
                   "Models{"
                     "Encoder[1. What does the encoder do?|2. What is self-attention?] "
                     "Decoder[3. What does the decoder do?]}\n"
                   "Extras[1. What is BPE|2. What is RLHF]\n"
                   "folder[1. Broken \xEF\xBF\xBD title|2. zz note]");

  /* The collection itself stays a flat list of every topic. */
  g_assert_cmpstr (llm_collection_get_title (collection), ==, "folder");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (collection)), ==, 10);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (collection)) == LLM_TYPE_TOPIC);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 17);  /* 16 cards and the page before "Start"'s first heading */

  g_assert_finalize_object (collection);
}

static void
test_ids (void)
{
  LlmCollection *collection = load_fixture ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = llm_collection_get_n_questions (collection);

  for (guint i = 0; i < n; i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);

      g_assert_true (g_hash_table_add (seen, (gpointer)llm_question_get_id (question)));
      g_assert_true (llm_collection_lookup (collection, llm_question_get_id (question)) == question);
      g_assert_cmpuint (llm_collection_get_position (collection, question), ==, i);
    }

  /* The same title in two files: the later one in reading order gets -2. */
  g_assert_cmpstr (llm_question_get_id (question_titled (collection, "Why scale the dot product?", 0)), ==,
                   "why-scale-the-dot-product");
  g_assert_cmpstr (llm_question_get_id (question_titled (collection, "Why scale the dot product?", 1)), ==,
                   "why-scale-the-dot-product-2");
  g_assert_cmpstr (llm_question_get_topic (llm_collection_lookup (collection, "why-scale-the-dot-product-2")), ==,
                   "Later topic");
  g_assert_cmpstr (llm_question_get_id (question_titled (collection, "What is BPE", 0)), ==, "what-is-bpe");

  /* Next and previous cross files, folders and groups. */
  g_assert_true (llm_collection_get_neighbour (collection, question_titled (collection, "note two", 0), 1) ==
                 question_titled (collection, "What does the encoder do?", 0));
  g_assert_true (llm_collection_get_neighbour (collection, question_titled (collection, "What is a token?", 0), -1) ==
                 question_titled (collection, "What is this folder?", 0));

  g_assert_finalize_object (collection);
}

static void
test_structure (void)
{
  LlmCollection *collection = load_fixture ();
  LlmQuestion *attention = question_titled (collection, "What is attention?", 0);
  const char *answer = llm_question_get_answer (attention);

  /* Deeper headings and code stay in the answer; "#" in code is no heading. */
  g_assert_true (g_str_has_prefix (answer, "A weighted sum of values."));
  g_assert_nonnull (strstr (answer, "### Formula"));
  g_assert_nonnull (strstr (answer, "# a comment, not a heading\n## nor this"));
  g_assert_null (strstr (answer, "Why scale"));
  g_assert_cmpstr (llm_question_get_source (attention), ==, "01. Basics/02. Attention.md");

  /* Text before the first question introduces; it answers nothing. */
  g_assert_cmpstr (llm_question_get_answer (question_titled (collection, "What is this folder?", 0)), ==,
                   "A fixture for the folder loader: ==every kind of file== a notes folder holds.");
  g_assert_cmpstr (llm_question_get_key_points (question_titled (collection, "What is this folder?", 0))[0], ==,
                   "every kind of file");

  /* A file without headings is one question: its whole text answers it. */
  g_assert_cmpstr (llm_question_get_answer (question_titled (collection, "note one", 0)), ==,
                   "A note without any heading.");
  g_assert_cmpstr (llm_question_get_topic (question_titled (collection, "What is BPE", 0)), ==, "Extras");

  g_assert_finalize_object (collection);
}

static void
test_front_matter (void)
{
  LlmCollection *collection = load_fixture ();
  const char * const *tags = llm_collection_get_tags (collection);

  /* Every file's tags, each once, in reading order. */
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "attention");
  g_assert_cmpstr (tags[1], ==, "later");
  g_assert_cmpstr (tags[2], ==, "models");

  /* Front matter is no answer text. */
  g_assert_null (strstr (llm_question_get_answer (question_titled (collection, "Why scale the dot product?", 1)),
                         "tags"));

  g_assert_finalize_object (collection);
}

static void
test_warnings (void)
{
  LlmCollection *collection = load_fixture ();
  const char * const *warnings = llm_collection_get_warnings (collection);

  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 3);

  /* One warning for the bad bytes, naming the file and where they start. */
  g_assert_nonnull (strstr (warnings[0], "bad-utf8.md"));
  g_assert_nonnull (strstr (warnings[0], "byte 10"));
  g_assert_nonnull (strstr (warnings[1], "binary.md"));
  g_assert_nonnull (strstr (warnings[1], "binary"));
  g_assert_nonnull (strstr (warnings[2], "empty.md"));

  /* Hidden folders and node_modules are skipped without a word. */
  for (guint i = 0; warnings[i]; i++)
    {
      g_assert_null (strstr (warnings[i], ".obsidian"));
      g_assert_null (strstr (warnings[i], "node_modules"));
    }
  g_assert_null (llm_collection_lookup (collection, "never-loaded"));
  g_assert_null (llm_collection_lookup (collection, "never-loaded-either"));
  g_assert_null (llm_collection_lookup (collection, "looks-like-markdown"));

  g_assert_finalize_object (collection);
}

static void
test_embeds (void)
{
  LlmCollection *collection = load_fixture ();
  LlmQuestion *attention = question_titled (collection, "What is attention?", 0);
  LlmQuestion *deep = question_titled (collection, "note two", 0);
  LlmQuestion *start = question_titled (collection, "What is this folder?", 0);
  g_autofree char *local = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *up = NULL;
  g_autofree char *from_root = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  /* "image/local.svg" is next to the file, not at the top of the folder. */
  local = llm_collection_resolve_embed_for (collection, attention, "image/local.svg");
  g_assert_cmpstr (local, ==, "01. Basics/image/local.svg");

  /* Obsidian's "![[shared.png]]" finds the file by name anywhere. */
  shared = llm_collection_resolve_embed_for (collection, attention, "shared.png");
  g_assert_cmpstr (shared, ==, "image/shared.png");
  by_name = llm_collection_resolve_embed_for (collection, start, "local.svg");
  g_assert_cmpstr (by_name, ==, "01. Basics/image/local.svg");

  /* "../" is fine while it stays inside the opened folder... */
  up = llm_collection_resolve_embed_for (collection, deep, "../image/local.svg");
  g_assert_cmpstr (up, ==, "01. Basics/image/local.svg");
  from_root = llm_collection_resolve_embed_for (collection, start, "image/shared.png");
  g_assert_cmpstr (from_root, ==, "image/shared.png");

  /* ...and refused once it leaves, even for a name found inside. */
  g_assert_null (llm_collection_resolve_embed_for (collection, start, "../fsrs-vectors.tsv"));
  g_assert_null (llm_collection_resolve_embed_for (collection, attention, "../../fsrs-vectors.tsv"));
  g_assert_null (llm_collection_resolve_embed_for (collection, start, "../shared.png"));
  g_assert_null (llm_collection_resolve_embed_for (collection, attention, "/etc/passwd"));
  g_assert_null (llm_collection_resolve_embed_for (collection, attention, "file:///etc/passwd"));
  g_assert_null (llm_collection_resolve_embed_for (collection, attention, "missing.png"));

  /* The page asks for the path back: it maps to the file inside. */
  file = llm_collection_resolve_path (collection, local);
  g_assert_nonnull (file);
  path = g_file_get_path (file);
  g_assert_true (g_str_has_suffix (path, "/folder/01. Basics/image/local.svg"));

  g_assert_finalize_object (collection);
}

static void
test_parents (void)
{
  LlmCollection *collection = load_fixture ();
  LlmQuestion *question = question_titled (collection, "What is a token?", 0);
  LlmQuestion *loose = question_titled (collection, "zz note", 0);
  LlmTopic *topic = llm_collection_get_parent (collection, question);
  LlmTopic *group = llm_collection_get_parent (collection, topic);
  LlmTopic *loose_topic = llm_collection_get_parent (collection, loose);

  g_assert_cmpstr (llm_topic_get_title (topic), ==, "Warmup");
  g_assert_false (llm_topic_is_group (topic));
  g_assert_cmpstr (llm_topic_get_title (group), ==, "Basics");
  g_assert_true (llm_topic_is_group (group));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (group)) == LLM_TYPE_TOPIC);
  g_assert_null (llm_collection_get_parent (collection, group));

  g_assert_cmpstr (llm_topic_get_title (loose_topic), ==, "folder");
  g_assert_null (llm_collection_get_parent (collection, loose_topic));

  g_assert_finalize_object (collection);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static LlmCollection *
load_async (GFile            *file,
            LlmLoadProgress  *progress,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  llm_collection_load_path_async (file, progress, cancellable, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return llm_collection_load_path_finish (result, error);
}

static void
test_async (void)
{
  g_autoptr(GFile) folder = fixture ();
  g_autoptr(LlmLoadProgress) progress = llm_load_progress_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LlmCollection *collection;
  LlmCollection *sync = load_fixture ();
  g_autofree char *sync_tree = describe_tree (sync);
  g_autofree char *async_tree = NULL;

  g_assert_cmpuint (llm_load_progress_get_files_total (progress), ==, 0);

  collection = load_async (folder, progress, NULL, &error);
  g_assert_no_error (error);
  async_tree = describe_tree (collection);
  g_assert_cmpstr (async_tree, ==, sync_tree);

  /* Every markdown file counts, used or skipped; hidden ones do not. */
  g_assert_cmpuint (llm_load_progress_get_files_total (progress), ==, 14);
  g_assert_cmpuint (llm_load_progress_get_files_done (progress), ==, 14);

  g_cancellable_cancel (cancellable);
  g_assert_null (load_async (folder, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_finalize_object (collection);
  g_assert_finalize_object (sync);
}

static void
test_single_file (void)
{
  g_autoptr(GFile) seed = g_file_new_for_path (g_getenv ("LLM_TEST_SEED"));
  g_autoptr(GError) error = NULL;
  LlmCollection *collection;
  LlmCollection *legacy;

  /* A file opens exactly as llm_collection_load_file() opens it. */
  collection = llm_collection_load_path (seed, NULL, &error);
  g_assert_no_error (error);
  legacy = llm_collection_load_file (seed, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (collection)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (llm_collection_get_tree (collection)), ==, 4);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 30);
  for (guint i = 0; i < 30; i++)
    g_assert_cmpstr (llm_question_get_id (llm_collection_get_question (collection, i)), ==,
                     llm_question_get_id (llm_collection_get_question (legacy, i)));
  g_assert_cmpstr (llm_question_get_source (llm_collection_get_question (collection, 0)), ==,
                   "llm-interview-notes.md");
  g_assert_cmpuint (g_strv_length ((char **)llm_collection_get_warnings (collection)), ==, 0);

  g_assert_finalize_object (collection);
  g_assert_finalize_object (legacy);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_empty (void)
{
  g_autofree char *dir = llm_test_make_folder ("llm-folder");
  g_autofree char *empty_path = g_build_filename (dir, "empty.md", NULL);
  g_autofree char *binary_path = g_build_filename (dir, "sub", "binary.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  g_autoptr(GError) error = NULL;

  /* A folder with nothing to read says what a notes folder holds. */
  g_assert_null (llm_collection_load_path (folder, NULL, &error));
  g_assert_error (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "## "));
  g_clear_error (&error);

  /* Nor do skipped files make a collection. */
  write_file (dir, "empty.md", "");
  write_file (dir, "sub/binary.md", "");
  g_assert_true (g_file_set_contents (binary_path, "\x01\x00\x02", 3, NULL));
  g_assert_null (llm_collection_load_path (folder, NULL, &error));
  g_assert_error (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_EMPTY);
  g_clear_error (&error);

  /* An empty file on its own is an error with an example, not a warning. */
  g_assert_null (llm_collection_load_path (empty, NULL, &error));
  g_assert_error (error, LLM_COLLECTION_ERROR, LLM_COLLECTION_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.md"));
  g_assert_nonnull (strstr (error->message, "### 1. What is attention?"));

  llm_test_remove_tree (dir);
}

/* A layout seen in shared notes repositories: a folder per note, named
 * like the note, whose "#" title repeats the file's number, and headings
 * written in bold. */
static void
test_numbered_titles (void)
{
  g_autofree char *dir = llm_test_make_folder ("llm-folder");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  LlmQuestion *question;

  write_file (dir, "01.基础/1.分词/1.分词.md", "# 1.分词\n\n## **1.概述**\n\nA.\n\n## **2.中文分词难点**\n\nB.\n");
  write_file (dir, "01.基础/2.词向量/2.词向量.md", "# 2.词向量\n\n## 1. 概述\n\nC.\n");

  collection = llm_collection_load_path (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 3);

  question = llm_collection_get_question (collection, 1);
  g_assert_cmpstr (llm_question_get_title (question), ==, "中文分词难点");
  g_assert_cmpuint (llm_question_get_number (question), ==, 2);
  g_assert_cmpstr (llm_question_get_topic (question), ==, "分词");
  g_assert_cmpstr (llm_topic_get_title (llm_collection_get_parent (collection, llm_collection_get_parent (collection, question))),
                   ==, "基础");
  question = llm_collection_get_question (collection, 2);
  g_assert_cmpstr (llm_question_get_topic (question), ==, "词向量");

  llm_test_remove_tree (dir);
}

static void
test_natural_order (void)
{
  static const char * const names[] = {
    "10.md", "2.md", "1.10 Ten.md", "1.2 Two.md", "Chapter 10.md", "chapter 9.md", "01 Zero one.md",
  };
  g_autofree char *dir = llm_test_make_folder ("llm-folder");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  LlmCollection *collection;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    write_file (dir, names[i], "Some text.\n");

  collection = llm_collection_load_path (folder, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    g_string_append_printf (order, "%s;", llm_question_get_title (llm_collection_get_question (collection, i)));

  /* Bare numbers keep their digits: "10" is a title, not a prefix. */
  g_assert_cmpstr (order->str, ==, "Zero one;Two;Ten;2;10;chapter 9;Chapter 10;");

  g_assert_finalize_object (collection);
  llm_test_remove_tree (dir);
}

static void
test_links_and_limits (void)
{
  g_autofree char *outside = llm_test_make_folder ("llm-folder");
  g_autofree char *dir = llm_test_make_folder ("llm-folder");
  g_autofree char *secret = g_build_filename (outside, "secret.md", NULL);
  g_autofree char *secret_png = g_build_filename (outside, "secret.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.md", NULL);
  g_autofree char *image_link = g_build_filename (dir, "image.png", NULL);
  g_autofree char *big = g_build_filename (dir, "big.md", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  const char * const *warnings;
  LlmCollection *collection;
  gboolean can_lock = geteuid () != 0;
  FILE *stream;

  write_file (outside, "secret.md", "## Secret\n### Outside question\nLeaked.\n");
  write_file (outside, "secret.png", "not really a png");
  write_file (dir, "notes.md", "## Topic\n### Inside question\nFine.\n");
  write_file (dir, "locked/hidden.md", "## T\n### Locked question\nx\n");
  g_assert_cmpint (symlink (secret, link), ==, 0);
  g_assert_cmpint (symlink (secret_png, image_link), ==, 0);

  /* Larger than any note: skipped unread (the file is sparse). */
  stream = fopen (big, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), (goffset)100 * 1024 * 1024), ==, 0);
  fclose (stream);

  if (can_lock)
    g_assert_cmpint (g_chmod (locked, 0), ==, 0);

  collection = llm_collection_load_path (folder, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (llm_collection_lookup (collection, "inside-question"));
  g_assert_null (llm_collection_lookup (collection, "outside-question"));

  warnings = llm_collection_get_warnings (collection);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, can_lock ? 4 : 3);
  g_assert_nonnull (strstr (warnings[0], "big.md"));
  g_assert_nonnull (strstr (warnings[1], "image.png"));
  g_assert_nonnull (strstr (warnings[2], "link.md"));
  if (can_lock)
    g_assert_nonnull (strstr (warnings[3], "locked"));
  else
    g_test_message ("Running as root: an unreadable folder cannot be made");

  /* A link inside the folder that leads out of it loads nothing. */
  g_assert_null (llm_collection_resolve_embed_for (collection, NULL, "image.png"));
  g_assert_null (llm_collection_resolve_embed (collection, "image.png"));

  g_assert_finalize_object (collection);
  llm_test_remove_tree (dir);
  llm_test_remove_tree (outside);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/folder/tree", test_tree);
  g_test_add_func ("/llm/folder/ids", test_ids);
  g_test_add_func ("/llm/folder/structure", test_structure);
  g_test_add_func ("/llm/folder/front-matter", test_front_matter);
  g_test_add_func ("/llm/folder/warnings", test_warnings);
  g_test_add_func ("/llm/folder/embeds", test_embeds);
  g_test_add_func ("/llm/folder/parents", test_parents);
  g_test_add_func ("/llm/folder/async", test_async);
  g_test_add_func ("/llm/folder/single-file", test_single_file);
  g_test_add_func ("/llm/folder/empty", test_empty);
  g_test_add_func ("/llm/folder/natural-order", test_natural_order);
  g_test_add_func ("/llm/folder/numbered-titles", test_numbered_titles);
  g_test_add_func ("/llm/folder/links-and-limits", test_links_and_limits);

  return g_test_run ();
}
