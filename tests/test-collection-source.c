/* test-collection-source.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LlmCollectionSource: a folder loads in a thread, a change on disk loads
 * it again once, however many writes it takes, a folder that goes away is
 * an error, and no folder is listed on the thread that owns the source.
 */

#include "config.h"

#include <dlfcn.h>
#include <glib/gstdio.h>

#include "llm-collection.h"
#include "llm-collection-source.h"
#include "llm-test-files.h"

/* The test's own g_file_enumerate_children(): the core library is linked
 * statically into this program, so its calls come here first. It counts
 * the listings made on the main thread, then lists as GIO does. */
static GThread *main_thread;
static int n_listings;
static int n_main_listings;

GFileEnumerator *
g_file_enumerate_children (GFile                *file,
                           const char           *attributes,
                           GFileQueryInfoFlags   flags,
                           GCancellable         *cancellable,
                           GError              **error)
{
  static GFileEnumerator *(*real) (GFile *, const char *, GFileQueryInfoFlags, GCancellable *, GError **);

  if (real == NULL)
    real = dlsym (RTLD_NEXT, "g_file_enumerate_children");
  g_atomic_int_inc (&n_listings);
  if (g_thread_self () == main_thread)
    g_atomic_int_inc (&n_main_listings);

  return real (file, attributes, flags, cancellable, error);
}

typedef struct
{
  char *dir;
  GFile *folder;
  LlmCollectionSource *source;
  LlmCollection *collection;
  GError *error;
  guint n_loaded;
  guint n_reloaded;
  guint n_failed;
  GThread *prepare_thread;
} Fixture;

static void
on_loaded (LlmCollectionSource *source,
           LlmCollection       *collection,
           gboolean             reload,
           Fixture             *fixture)
{
  g_set_object (&fixture->collection, collection);
  fixture->n_loaded++;
  fixture->n_reloaded += reload;
}

static void
on_failed (LlmCollectionSource *source,
           GError              *error,
           gboolean             reload,
           Fixture             *fixture)
{
  g_assert_true (reload);
  g_clear_error (&fixture->error);
  fixture->error = g_error_copy (error);
  fixture->n_failed++;
}

static void
prepare (GFile         *file,
         LlmCollection *collection,
         gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->prepare_thread = g_thread_self ();
}

/* Runs the main loop until @count passes @before, for up to 10 s. */
static void
wait_for_count (guint *count,
                guint  before)
{
  for (guint i = 0; i < 400 && *count == before; i++)
    llm_test_run_for (25);
  g_assert_cmpuint (*count, >, before);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *original = g_test_get_filename (G_TEST_DIST, "data", "folder", NULL);
  g_autofree char *command = NULL;

  main_thread = g_thread_self ();
  fixture->dir = llm_test_make_folder ("llm-source");
  command = g_strdup_printf ("cp -r '%s/.' '%s/'", original, fixture->dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  fixture->folder = g_file_new_for_path (fixture->dir);
  fixture->source = llm_collection_source_new ();
  llm_collection_source_set_prepare_func (fixture->source, prepare, fixture, NULL);
  g_signal_connect (fixture->source, "loaded", G_CALLBACK (on_loaded), fixture);
  g_signal_connect (fixture->source, "failed", G_CALLBACK (on_failed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A reload that a test's last write set off may still be running: its
   * task holds the source until the thread has seen the cancel, so the
   * source goes then, not at once. */
  g_object_add_weak_pointer (G_OBJECT (fixture->source), (gpointer *)&fixture->source);
  g_object_unref (fixture->source);
  for (guint i = 0; i < 400 && fixture->source != NULL; i++)
    llm_test_run_for (25);
  g_assert_null (fixture->source);
  g_clear_object (&fixture->collection);
  g_clear_error (&fixture->error);
  g_clear_object (&fixture->folder);
  llm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
open_folder (Fixture *fixture)
{
  llm_collection_source_open (fixture->source, fixture->folder);
  g_assert_true (llm_collection_source_get_loading (fixture->source));
  g_assert_nonnull (llm_collection_source_get_progress (fixture->source));
  wait_for_count (&fixture->n_loaded, 0);
  g_assert_false (llm_collection_source_get_loading (fixture->source));
  g_assert_null (llm_collection_source_get_progress (fixture->source));
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LlmLoadProgress) progress = NULL;

  llm_collection_source_open (fixture->source, fixture->folder);
  progress = llm_load_progress_ref (llm_collection_source_get_progress (fixture->source));
  /* Nothing is handed over before the main loop runs. */
  g_assert_null (fixture->collection);
  wait_for_count (&fixture->n_loaded, 0);

  g_assert_cmpuint (fixture->n_reloaded, ==, 0);
  g_assert_nonnull (fixture->collection);
  g_assert_cmpuint (llm_collection_get_n_questions (fixture->collection), >, 8);
  g_assert_true (g_file_equal (llm_collection_source_get_file (fixture->source), fixture->folder));
  /* Built, and prepared, in another thread, whose progress was counted. */
  g_assert_nonnull (fixture->prepare_thread);
  g_assert_true (fixture->prepare_thread != g_thread_self ());
  g_assert_cmpuint (llm_load_progress_get_files_total (progress), >, 8);
  g_assert_cmpuint (llm_load_progress_get_files_done (progress), ==,
                    llm_load_progress_get_files_total (progress));
}

/* An editor writes in steps; a sync tool touches a folder deep inside:
 * one reload, once the writes settle. */
static void
test_debounced_reload (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *deep = g_build_filename (fixture->dir, "01. Basics", "Deep", "note one.md", NULL);
  LlmCollection *first;

  open_folder (fixture);
  first = fixture->collection;

  g_assert_true (g_file_set_contents (deep, "## Half written?\n", -1, NULL));
  llm_test_run_for (50);
  g_assert_true (g_file_set_contents (deep, "## Written again?\n\nYes.\n", -1, NULL));
  llm_test_run_for (50);
  g_assert_true (g_file_set_contents (deep, "## Written at last?\n\nYes.\n", -1, NULL));
  wait_for_count (&fixture->n_reloaded, 0);
  /* Long enough for any second reload to have come. */
  llm_test_run_for (1000);

  g_assert_cmpuint (fixture->n_reloaded, ==, 1);
  g_assert_cmpuint (fixture->n_loaded, ==, 2);
  g_assert_true (fixture->collection != first);
  g_assert_nonnull (llm_collection_lookup (fixture->collection, "written-at-last"));
}

static void
test_deleted_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  open_folder (fixture);

  llm_test_remove_tree (fixture->dir);
  wait_for_count (&fixture->n_failed, 0);
  llm_test_run_for (500);

  g_assert_nonnull (fixture->error);
  g_assert_true (g_error_matches (fixture->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_assert_cmpuint (fixture->n_loaded, ==, 1);
  g_assert_false (llm_collection_source_get_loading (fixture->source));
}

/* A single file is watched as a file. */
static void
test_single_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "single.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, "# Notes\n\n## One?\n\nYes.\n", -1, NULL));
  llm_collection_source_open (fixture->source, file);
  wait_for_count (&fixture->n_loaded, 0);
  g_assert_cmpuint (llm_collection_get_n_questions (fixture->collection), ==, 1);

  g_assert_true (g_file_set_contents (path, "# Notes\n\n## One?\n\nYes.\n\n## Two?\n\nYes.\n", -1, NULL));
  wait_for_count (&fixture->n_reloaded, 0);
  llm_test_run_for (500);
  g_assert_cmpuint (fixture->n_reloaded, ==, 1);
  g_assert_cmpuint (llm_collection_get_n_questions (fixture->collection), ==, 2);
}

/* The listings happen in the loading thread; here only watches start. */
static void
test_no_listing_here (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "10. Extras", "2. What is RLHF.md", NULL);

  g_atomic_int_set (&n_listings, 0);
  g_atomic_int_set (&n_main_listings, 0);

  open_folder (fixture);
  g_assert_true (g_file_set_contents (file, "## Changed?\n\nYes.\n", -1, NULL));
  wait_for_count (&fixture->n_reloaded, 0);

  g_assert_cmpint (g_atomic_int_get (&n_listings), >=, 2 * 6);
  g_assert_cmpint (g_atomic_int_get (&n_main_listings), ==, 0);

  /* The hook sees a listing on this thread. */
  {
    g_autoptr(GFileEnumerator) enumerator = g_file_enumerate_children (fixture->folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                       G_FILE_QUERY_INFO_NONE, NULL, NULL);

    g_assert_nonnull (enumerator);
    g_assert_cmpint (g_atomic_int_get (&n_main_listings), ==, 1);
  }
}

/* A file watched besides the folder reloads only when its contents
 * change, and not at all while the source is held. */
static void
test_also_and_held (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *mine = g_build_filename (fixture->dir, "..", "llm-source-mine.md", NULL);
  g_autoptr(GFile) mine_file = g_file_new_for_path (mine);

  g_assert_true (g_file_set_contents (mine, "## Mine\n", -1, NULL));
  llm_collection_source_watch_also (fixture->source, mine_file);
  open_folder (fixture);

  /* Written again as it was, as the app's own save is after its reload. */
  g_assert_true (g_file_set_contents (mine, "## Mine\n", -1, NULL));
  llm_test_run_for (1000);
  g_assert_cmpuint (fixture->n_reloaded, ==, 0);

  g_assert_true (g_file_set_contents (mine, "## Mine, changed\n", -1, NULL));
  wait_for_count (&fixture->n_reloaded, 0);
  g_assert_cmpuint (fixture->n_reloaded, ==, 1);

  llm_collection_source_set_held (fixture->source, TRUE);
  /* Written again as it was, while held: nothing pending either. */
  g_assert_true (g_file_set_contents (mine, "## Mine, changed\n", -1, NULL));
  llm_test_run_for (1000);
  g_assert_false (llm_collection_source_get_reload_pending (fixture->source));
  g_assert_true (g_file_set_contents (mine, "## Mine, held\n", -1, NULL));
  llm_test_run_for (1000);
  g_assert_cmpuint (fixture->n_reloaded, ==, 1);
  g_assert_true (llm_collection_source_get_reload_pending (fixture->source));

  llm_collection_source_set_held (fixture->source, FALSE);
  wait_for_count (&fixture->n_reloaded, 1);
  llm_test_run_for (500);
  g_assert_cmpuint (fixture->n_reloaded, ==, 2);
  g_assert_false (llm_collection_source_get_reload_pending (fixture->source));

  g_unlink (mine);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/llm/collection-source/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("load", test_load);
  ADD ("debounced-reload", test_debounced_reload);
  ADD ("deleted-folder", test_deleted_folder);
  ADD ("single-file", test_single_file);
  ADD ("no-listing-here", test_no_listing_here);
  ADD ("also-and-held", test_also_and_held);

  return g_test_run ();
}
