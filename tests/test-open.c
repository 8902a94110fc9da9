/* test-open.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a notes folder in the real window: the tree, a question with
 * images, live reload keeping the question shown, and a folder that goes
 * away.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-question.h"
#include "llm-test-util.h"

static void
on_loaded (LlmWindow *window,
           gboolean  *loaded)
{
  *loaded = TRUE;
}

static void
wait_for_load (LlmWindow *window)
{
  gboolean loaded = FALSE;
  gulong handler = g_signal_connect (window, "collection-loaded", G_CALLBACK (on_loaded), &loaded);

  for (guint i = 0; i < 400 && !loaded; i++)
    llm_test_wait (25);
  g_signal_handler_disconnect (window, handler);
  g_assert_true (loaded);
}

static LlmQuestion *
find_titled (LlmCollection *collection,
             const char    *title)
{
  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    if (g_str_equal (llm_question_get_title (llm_collection_get_question (collection, i)), title))
      return llm_collection_get_question (collection, i);

  return NULL;
}

/* A copy of the fixture, so the test can change it. */
static char *
copy_fixture (void)
{
  g_autofree char *dir = g_dir_make_tmp ("llm-open-XXXXXX", NULL);
  const char *fixture = g_test_get_filename (G_TEST_DIST, "data", "folder", NULL);
  g_autofree char *command = g_strdup_printf ("cp -r '%s/.' '%s/'", fixture, dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  return g_steal_pointer (&dir);
}

static void
test_open_folder (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *dir = copy_fixture ();
  g_autofree char *file_path = g_build_filename (dir, "01. Basics", "02. Attention.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *loaded = NULL;
  g_autofree char *text = NULL;
  LlmQuestion *question;
  LlmAnswerView *view;
  LlmWindow *window;

  g_object_set (settings, "window-width", 1200, "window-height", 800, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  gtk_window_present (GTK_WINDOW (window));

  llm_window_open (window, folder);
  wait_for_load (window);

  /* Groups, topics and questions from the folder, hidden folders skipped. */
  g_assert_cmpuint (llm_sidebar_get_n_rows (llm_window_get_sidebar (window)), >, 8);
  g_assert_null (find_titled (llm_window_get_collection (window), "workspace"));
  g_assert_nonnull (llm_collection_get_warnings (llm_window_get_collection (window)));

  /* A question with an image next to its file and one found by name. */
  question = find_titled (llm_window_get_collection (window), "What is attention?");
  g_assert_nonnull (question);
  llm_window_show_question (window, question);
  llm_test_wait_for_shown (view);
  for (guint i = 0; i < 100; i++)
    {
      g_free (loaded);
      loaded = llm_test_eval (view, "Array.from(document.querySelectorAll('article img'))"
                                    ".filter(i => i.complete && i.naturalWidth > 0).length");
      if (g_str_equal (loaded, "2"))
        break;
      llm_test_wait (50);
    }
  g_assert_cmpstr (loaded, ==, "2");
  llm_test_wait (300);
  llm_test_screenshot ("folder-with-images");

  /* The file changes on disk: the tree follows, the question stays. */
  g_assert_true (g_file_get_contents (file_path, &text, NULL, NULL));
  {
    g_autofree char *changed = g_strconcat (text, "\n## 3. A question added while open?\n\nYes.\n", NULL);

    g_assert_true (g_file_set_contents (file_path, changed, -1, NULL));
  }
  wait_for_load (window);
  g_assert_nonnull (find_titled (llm_window_get_collection (window), "A question added while open?"));
  g_assert_cmpstr (llm_question_get_title (llm_window_get_question (window)), ==, "What is attention?");

  /* The folder goes away: what was loaded stays. */
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    LlmCollection *before = llm_window_get_collection (window);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
    for (guint i = 0; i < 40; i++)
      llm_test_wait (25);
    g_assert_true (llm_window_get_collection (window) == before);
  }

  llm_test_destroy_window (window);
}

/* An empty file says what the app expects. */
static void
test_open_empty (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("llm-empty-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "empty.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LlmWindow *window;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  gtk_window_present (GTK_WINDOW (window));
  llm_window_open (window, file);
  for (guint i = 0; i < 200 && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "content-stack"))), "empty") != 0; i++)
    llm_test_wait (25);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "content-stack"))), ==, "empty");
  /* Its icon comes when the page is shown, not at start. */
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "content-stack"))))),
                   ==, "document-open-symbolic");
  llm_test_wait (300);
  llm_test_screenshot ("empty-file");

  llm_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Depth-first: the first widget under @widget named @name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A folder with an empty, a binary and a damaged file: the toast's button
 * lists every problem under its file, with what went wrong. */
static void
test_load_problems (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("llm-problems-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GListModel *toplevels;
  static const char * const expected[][2] = {
    { "binary.md", "binary file" },
    { "empty.md", "it is empty" },
    { "latin1.md", "not valid UTF-8 at byte 31" },
  };
  GtkWindow *dialog = NULL;
  GtkWidget *list;
  GtkWidget *row;
  LlmWindow *window;
  guint n_rows = 0;

  {
    g_autofree char *good = g_build_filename (dir, "good.md", NULL);
    g_autofree char *empty = g_build_filename (dir, "empty.md", NULL);
    g_autofree char *binary = g_build_filename (dir, "binary.md", NULL);
    g_autofree char *latin1 = g_build_filename (dir, "latin1.md", NULL);

    g_assert_true (g_file_set_contents (good, "## Topic\n\n### 1. Fine?\n\nYes.\n", -1, NULL));
    g_assert_true (g_file_set_contents (empty, "", 0, NULL));
    g_assert_true (g_file_set_contents (binary, "not\0text", 8, NULL));
    g_assert_true (g_file_set_contents (latin1, "## Topic\n\n### 1. Damaged?\n\nbad \377 byte\n", -1, NULL));
  }

  g_object_set (settings, "window-width", 1000, "window-height", 700, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  gtk_window_present (GTK_WINDOW (window));
  llm_window_open (window, folder);
  wait_for_load (window);
  g_assert_cmpuint (llm_collection_get_n_problems (llm_window_get_collection (window)), ==, 3);

  /* What the toast's button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-load-problems", NULL));
  llm_test_wait (300);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (candidate) && gtk_window_get_transient_for (candidate) == GTK_WINDOW (window))
        dialog = candidate;
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  llm_test_screenshot ("load-problems");

  list = find_named (GTK_WIDGET (dialog), "problem-list");
  g_assert_nonnull (list);
  for (guint i = 0; (row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i))) != NULL; i++)
    {
      const char *file = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *what = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (file, ==, expected[i][0]);
      if (strstr (what, expected[i][1]) == NULL)
        g_error ("row %u says “%s”", i, what);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (expected));

  gtk_window_destroy (dialog);
  llm_test_destroy_window (window);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

    g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  }
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static gboolean
has_label (GPtrArray  *labels,
           const char *text)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (g_ptr_array_index (labels, i), text))
      return TRUE;

  return FALSE;
}

/* A title that reverses itself with U+202E shows the override as a mark,
 * in the tree, the header and the page; a title of zero-width spaces is
 * not an empty row but says where the question is written. */
static void
test_disguised_titles (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("llm-titles-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "titles.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *heading = NULL;
  g_autofree char *topic = NULL;
  LlmCollection *collection;
  LlmWindow *window;

  g_assert_true (g_file_set_contents (path,
                                      "## \u202Ecipot\n\n"
                                      "### 1. invoice\u202Efdp.exe\n\nA.\n\n"
                                      "### 2. \u200B\u200B\n\nB.\n", -1, NULL));
  g_object_set (settings, "window-width", 1000, "window-height", 700, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  gtk_window_present (GTK_WINDOW (window));
  llm_window_open (window, file);
  wait_for_load (window);
  collection = llm_window_get_collection (window);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 2);

  llm_window_show_question (window, llm_collection_get_question (collection, 0));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  llm_test_wait (300);
  llm_test_screenshot ("disguised-titles");

  collect_labels (GTK_WIDGET (llm_window_get_sidebar (window)), labels);
  g_assert_true (has_label (labels, "invoice\u2039RLO\u203Afdp.exe"));
  g_assert_true (has_label (labels, "titles.md, line 7"));
  g_assert_true (has_label (labels, "\u2039RLO\u203Acipot"));
  for (guint i = 0; i < labels->len; i++)
    g_assert_null (strstr (g_ptr_array_index (labels, i), "\u202E"));

  /* The header's topic, and the page, where each title is an isolate. */
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (llm_test_find_widget (GTK_WIDGET (window), GTK_TYPE_WIDGET, "question-title"))), ==, "\u2039RLO\u203Acipot");
  heading = llm_test_eval (llm_window_get_answer_view (window), "document.querySelector('header h1 bdi').textContent");
  g_assert_cmpstr (heading, ==, "invoice\u2039RLO\u203Afdp.exe");
  topic = llm_test_eval (llm_window_get_answer_view (window), "document.querySelector('header .topic bdi').textContent");
  g_assert_cmpstr (topic, ==, "\u2039RLO\u203Acipot");

  llm_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/open/folder", test_open_folder);
  g_test_add_func ("/llm/open/empty", test_open_empty);
  g_test_add_func ("/llm/open/load-problems", test_load_problems);
  g_test_add_func ("/llm/open/disguised-titles", test_disguised_titles);

  return g_test_run ();
}
