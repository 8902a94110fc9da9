/* test-notes.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Personal notes in the real window: typed, autosaved, rendered under the
 * answer, cleared with undo, and kept through a failing disk and a sync
 * conflict.
 */

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>
#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-search-results.h"
#include "llm-test-util.h"
#include "llm-window.h"

static char *
note_path (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".md", NULL);

  return g_build_filename (g_get_user_data_dir (), APP_ID, "notes", name, NULL);
}

static void
on_note_changed (LlmNoteEditor *editor,
                 const char    *id,
                 const char    *text,
                 gboolean      *changed)
{
  *changed = TRUE;
}

/* Waits for the editor's own autosave, about a second after typing. */
static void
wait_for_autosave (LlmNoteEditor *editor)
{
  gboolean changed = FALSE;
  gulong handler = g_signal_connect (editor, "note-changed", G_CALLBACK (on_note_changed), &changed);

  for (guint i = 0; i < 100 && !changed; i++)
    llm_test_wait (50);
  g_signal_handler_disconnect (editor, handler);
  g_assert_true (changed);
}

static LlmWindow *
open_window (LlmSettings   *settings,
             LlmCollection *collection)
{
  LlmWindow *window;

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));

  return window;
}

static void
test_note_round_trip (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmQuestion *q1 = llm_collection_get_question (collection, 0);
  g_autofree char *path = note_path (llm_question_get_id (q1));
  g_autofree char *on_disk = NULL;
  g_autofree char *result = NULL;
  LlmNoteEditor *editor;
  LlmAnswerView *view;
  LlmWindow *window;

  window = open_window (settings, collection);
  editor = llm_window_get_note_editor (window);
  view = llm_window_get_answer_view (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-notes", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  llm_note_editor_set_text (editor, "My own words: ==key== and $x^2$.\n\nSecond line.");
  wait_for_autosave (editor);
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_nonnull (strstr (on_disk, "My own words: ==key== and $x^2$."));
  g_assert_nonnull (strstr (on_disk, llm_question_get_title (q1)));

  /* Away and back: the note is rendered under the answer. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-question", NULL);
  llm_test_wait_for_shown (view);
  result = llm_test_eval (view, "document.querySelectorAll('section.my-notes').length");
  g_assert_cmpstr (result, ==, "0");
  g_clear_pointer (&result, g_free);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-question", NULL);
  llm_test_wait_for_shown (view);
  result = llm_test_eval (view, "document.querySelectorAll('section.my-notes mark').length");
  g_assert_cmpstr (result, ==, "1");
  g_clear_pointer (&result, g_free);
  result = llm_test_eval (view, "document.querySelectorAll('section.my-notes .katex').length");
  g_assert_cmpstr (result, ==, "1");
  g_clear_pointer (&result, g_free);
  result = llm_test_eval (view, "document.querySelector('article + section.my-notes') !== null");
  g_assert_cmpstr (result, ==, "true");
  g_clear_pointer (&result, g_free);

  /* The "All notes" view lists it, with its first line. */
  llm_sidebar_set_notes_only (llm_window_get_sidebar (window), TRUE);
  g_assert_cmpuint (llm_sidebar_get_n_rows (llm_window_get_sidebar (window)), ==, 2);

  llm_test_wait (500);
  llm_test_screenshot ("note-editor");
  llm_sidebar_set_notes_only (llm_window_get_sidebar (window), FALSE);

  /* Clearing deletes the file; undo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "note.clear", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-clear-note", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *text = llm_note_editor_dup_text (editor);

    g_assert_true (g_str_has_prefix (text, "My own words"));
  }

  llm_test_destroy_window (window);
  g_unlink (path);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Types @query into the search entry, as a person would after Ctrl+F, and
 * returns how many questions match. */
static guint
search_for (LlmWindow  *window,
            const char *query)
{
  GtkWidget *focus;
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  llm_test_wait (50);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) : NULL;
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  /* The entry waits for typing to pause (150 ms) before it searches; the
   * wait runs the same main loop, so that timer fires first. */
  llm_test_wait (400);

  /* Built by the first search. */
  return llm_search_results_get_n_items (LLM_SEARCH_RESULTS (find_descendant (GTK_WIDGET (window), LLM_TYPE_SEARCH_RESULTS)));
}

/* Undo of "Clear Note" while another question is shown restores the note
 * behind the editor's back: the search must find it all the same. */
static void
test_note_undo_elsewhere_searchable (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmQuestion *q1 = llm_collection_get_question (collection, 0);
  g_autofree char *path = note_path (llm_question_get_id (q1));
  LlmNoteEditor *editor;
  LlmWindow *window;

  window = open_window (settings, collection);
  editor = llm_window_get_note_editor (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-notes", NULL);
  llm_note_editor_set_text (editor, "Remember the word quokkalantern.");
  wait_for_autosave (editor);
  g_assert_cmpuint (search_for (window, "quokkalantern"), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                                                 GTK_TYPE_SEARCH_ENTRY)), "");

  gtk_widget_activate_action (GTK_WIDGET (editor), "note.clear", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-question", NULL);
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  g_assert_true (llm_window_get_question (window) != q1);
  g_assert_cmpuint (search_for (window, "quokkalantern"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                                                 GTK_TYPE_SEARCH_ENTRY)), "");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-clear-note", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (search_for (window, "quokkalantern"), ==, 1);

  /* The next test starts where this one was left. */
  llm_window_show_question (window, q1);
  llm_test_destroy_window (window);
  g_unlink (path);
}

static gboolean
page_shows_note (gpointer data)
{
  LlmAnswerView *view = llm_window_get_answer_view (data);
  g_autofree char *note = llm_test_eval (view, "(document.querySelector('section.my-notes') || {}).textContent || ''");

  return strstr (note, "written by a sync tool") != NULL;
}

/* The editor is built only when first opened; until then the window
 * itself sees another program (a sync tool) rewrite the note shown. */
static void
test_note_changed_elsewhere_unopened (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *path = NULL;
  LlmWindow *window;

  window = open_window (settings, collection);
  g_assert_null (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_NOTE_EDITOR, NULL));
  path = note_path (llm_question_get_id (llm_window_get_question (window)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (path, "A line written by a sync tool.\n", -1, NULL));
  llm_test_wait_for_condition (page_shows_note, window, "the note under the answer");
  g_assert_null (llm_test_find_widget (GTK_WIDGET (window), LLM_TYPE_NOTE_EDITOR, NULL));

  /* Opened now, the editor holds it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-notes", NULL);
  {
    g_autofree char *text = llm_note_editor_dup_text (llm_window_get_note_editor (window));

    g_assert_cmpstr (text, ==, "A line written by a sync tool.\n");
  }

  llm_test_destroy_window (window);
  g_unlink (path);
}

/* The notes folder cannot be written: the text stays, the window says so,
 * and the save goes through once the folder is back. */
static void
test_note_disk_failure (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmQuestion *q1 = llm_collection_get_question (collection, 0);
  g_autofree char *path = note_path (llm_question_get_id (q1));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *on_disk = NULL;
  LlmNoteEditor *editor;
  LlmWindow *window;

  /* Tests run as root, which ignores permissions: a file where the folder
   * should be fails every write just the same. Its parent is made here,
   * not left to the cases before this one. */
  g_rmdir (dir);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_false (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));

  window = open_window (settings, collection);
  editor = llm_window_get_note_editor (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-notes", NULL);

  llm_note_editor_set_text (editor, "Typed while the disk was failing");
  g_assert_false (llm_note_editor_flush (editor));
  g_assert_true (llm_note_editor_has_unsaved (editor));
  /* The reason comes first, before the path, where the line has room. */
  {
    g_autofree char *expected = g_strdup_printf ("Not saved: %s: ", g_strerror (ENOTDIR));

    g_assert_true (g_str_has_prefix (llm_note_editor_get_status (editor), expected));
  }

  /* Switching away and back keeps the unsaved text. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-question", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-question", NULL);
  {
    g_autofree char *text = llm_note_editor_dup_text (editor);

    g_assert_cmpstr (text, ==, "Typed while the disk was failing");
  }
  llm_test_wait (300);
  llm_test_screenshot ("note-save-failed");

  /* The folder comes back: the next try saves. */
  g_unlink (dir);
  g_assert_true (llm_note_editor_flush (editor));
  g_assert_false (llm_note_editor_has_unsaved (editor));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_nonnull (strstr (on_disk, "Typed while the disk was failing"));

  llm_test_destroy_window (window);
  g_unlink (path);
}

/* A sync tool rewrites the note while the user has unsaved edits: both
 * versions are kept. */
static void
test_note_conflict (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmQuestion *q1 = llm_collection_get_question (collection, 0);
  g_autofree char *path = note_path (llm_question_get_id (q1));
  g_autofree char *on_disk = NULL;
  g_auto(GStrv) conflicts = NULL;
  g_autofree char *copy = NULL;
  LlmNoteEditor *editor;
  LlmWindow *window;

  window = open_window (settings, collection);
  editor = llm_window_get_note_editor (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-notes", NULL);

  llm_note_editor_set_text (editor, "first version");
  g_assert_true (llm_note_editor_flush (editor));

  llm_note_editor_set_text (editor, "my edit");
  g_assert_true (g_file_set_contents (path, "their edit from another machine\n", -1, NULL));
  g_assert_true (llm_note_editor_flush (editor));

  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_nonnull (strstr (on_disk, "my edit"));

  conflicts = llm_note_store_list_conflicts (llm_window_get_note_store (window), llm_question_get_id (q1));
  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  g_assert_true (g_file_get_contents (conflicts[0], &copy, NULL, NULL));
  g_assert_nonnull (strstr (copy, "their edit from another machine"));

  llm_test_destroy_window (window);
  g_unlink (conflicts[0]);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/notes/round-trip", test_note_round_trip);
  g_test_add_func ("/llm/notes/undo-elsewhere-searchable", test_note_undo_elsewhere_searchable);
  g_test_add_func ("/llm/notes/disk-failure", test_note_disk_failure);
  g_test_add_func ("/llm/notes/conflict", test_note_conflict);
  g_test_add_func ("/llm/notes/changed-elsewhere-unopened", test_note_changed_elsewhere_unopened);

  return g_test_run ();
}
