/* test-threads.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A collection, once built, is read from two threads at once: the HTML
 * export runs in a thread while the window renders, resolves images and
 * searches the same collection. This program does both, built with
 * ThreadSanitizer (see meson.build), which fails it on any unsynchronised
 * write: nothing may fill a cache or change a field after loading.
 * A window that replaces its collection frees the old one in a worker
 * thread while it goes on with the questions it still holds.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-html-export.h"
#include "llm-question.h"
#include "llm-render.h"
#include "llm-search.h"
#include "llm-test-files.h"

#define SEED_IMAGE "cnn-rnn-self-attention.svg"

typedef struct
{
  LlmCollection *collection;
  LlmNoteStore *notes;
  GFile *dir;
  gboolean ok;
  int done;
} Export;

static gpointer
export_thread (gpointer data)
{
  Export *export = data;
  LlmHtmlExportOptions options = { .language = "zh-CN" };
  g_autoptr(GError) error = NULL;

  export->ok = llm_html_export (export->collection, export->notes, export->dir, &options, NULL, &error);
  g_assert_no_error (error);
  g_atomic_int_set (&export->done, TRUE);
  return NULL;
}

/* Finding the files a page shows. Rendering and sanitising take locks
 * that order everything before them, so a field filled on first use
 * shows up as a race only between such steps, as here. */
static void
resolve_files (LlmCollection *collection)
{
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *uri = llm_collection_resolve_embed (collection, SEED_IMAGE);
      g_autoptr(GFile) file = uri ? llm_collection_resolve_path (collection, uri) : NULL;

      g_assert_nonnull (file);
    }
}

/* What the window does with a collection while an export runs. */
static void
read_as_the_window_does (LlmCollection *collection)
{
  g_autoptr(LlmSearchIndex) index = llm_search_index_new (collection, NULL, NULL);
  g_autoptr(GPtrArray) results = llm_search_index_query (index, "注意力", 10);
  g_autofree char *uri = llm_collection_resolve_embed (collection, SEED_IMAGE);
  g_autoptr(GFile) file = uri ? llm_collection_resolve_path (collection, uri) : NULL;

  g_assert_nonnull (file);
  g_assert_cmpuint (results->len, >, 0);

  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);
      g_autofree char *html = llm_render_markdown (llm_question_get_answer (question), NULL, NULL);

      g_assert_true (llm_collection_lookup (collection, llm_question_get_id (question)) == question);
      g_assert_cmpuint (llm_collection_get_position (collection, question), ==, i);
      g_assert_nonnull (html);
    }
  g_assert_cmpuint (g_list_model_get_n_items (llm_collection_get_tree (collection)), >, 0);
}

static void
test_export_beside_the_window (void)
{
  g_autoptr(GFile) seed = g_file_new_for_path (g_getenv ("LLM_TEST_SEED"));
  g_autofree char *root = llm_test_make_folder ("threads");
  g_autofree char *notes_path = g_build_filename (root, "notes", NULL);
  g_autofree char *site_path = g_build_filename (root, "site", NULL);
  g_autoptr(GFile) notes_dir = g_file_new_for_path (notes_path);
  g_autoptr(GFile) site = g_file_new_for_path (site_path);
  g_autoptr(LlmNoteStore) notes = llm_note_store_new (notes_dir);
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  Export export = { 0 };
  GThread *thread;

  collection = llm_collection_load_file (seed, &error);
  g_assert_no_error (error);
  /* A note that shows the folder's image: the export resolves it too. */
  g_assert_true (llm_note_store_save (notes, llm_question_get_id (llm_collection_get_question (collection, 0)),
                                      NULL, NULL, "See ![[" SEED_IMAGE "]]", &error));
  g_assert_no_error (error);

  export.collection = collection;
  export.notes = notes;
  export.dir = site;
  thread = g_thread_new ("export", export_thread, &export);
  while (!g_atomic_int_get (&export.done))
    {
      resolve_files (collection);
      read_as_the_window_does (collection);
    }
  g_thread_join (thread);

  g_assert_true (export.ok);
  llm_test_remove_tree (root);
}

typedef struct
{
  GThread *thread;
  gboolean freed;
} Freed;

static void
on_collection_freed (gpointer  data,
                     GObject  *where_the_object_was)
{
  Freed *freed = data;

  freed->thread = g_thread_self ();
  g_atomic_int_set (&freed->freed, TRUE);
}

static void
test_freed_in_a_thread (void)
{
  g_autoptr(GFile) seed = g_file_new_for_path (g_getenv ("LLM_TEST_SEED"));
  g_autoptr(GError) error = NULL;
  g_autoptr(LlmQuestion) kept = NULL;
  LlmCollection *collection;
  Freed freed = { 0 };

  collection = llm_collection_load_file (seed, &error);
  g_assert_no_error (error);
  kept = g_object_ref (llm_collection_get_question (collection, 3));
  g_object_weak_ref (G_OBJECT (collection), on_collection_freed, &freed);

  llm_collection_unref_in_thread (collection);
  /* The window reads what it kept while the collection goes. */
  while (!g_atomic_int_get (&freed.freed))
    {
      g_autofree char *html = llm_render_markdown (llm_question_get_answer (kept), NULL, NULL);

      g_assert_nonnull (html);
      g_assert_nonnull (llm_question_get_id (kept));
    }

  g_assert_true (freed.thread != g_thread_self ());
  g_assert_cmpstr (llm_question_get_title (kept), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/threads/export-beside-the-window", test_export_beside_the_window);
  g_test_add_func ("/llm/threads/freed-in-a-thread", test_freed_in_a_thread);

  return g_test_run ();
}
