/* test-prefs-places.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Through the real window, found the way a user finds things (by what a
 * button does, not by the window's fields): Preferences' Export Notes
 * writes the notes, a collection opened again comes back on its question
 * scrolled as it was, and Statistics have a title and a way back. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-note-store.h"
#include "llm-preferences-window.h"
#include "llm-question.h"
#include "llm-settings.h"
#include "llm-test-util.h"
#include "llm-window.h"

static LlmWindow *
new_window (LlmSettings *settings,
            int          width)
{
  LlmWindow *window;

  g_object_set (settings, "window-width", width, "window-height", 720, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
collect_texts (GtkWidget *widget,
               GType      type,
               GPtrArray *texts)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (ADW_IS_WINDOW_TITLE (widget))
        g_ptr_array_add (texts, g_strdup (adw_window_title_get_title (ADW_WINDOW_TITLE (widget))));
      else if (GTK_IS_EDITABLE (widget))
        g_ptr_array_add (texts, g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, type, texts);
}

static gboolean
shows_text (GtkWidget  *root,
            GType       type,
            const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (root, type, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (texts->pdata[i], text) == 0)
      return TRUE;

  return FALSE;
}

/* Preferences ------------------------------------------------------------- */

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
chooser_has_folder (gpointer data)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (data);

  return current != NULL;
}

typedef struct
{
  GtkWindow *chooser;
  GFile *folder;
} ChooserProbe;

static gboolean
chooser_in_folder (gpointer data)
{
  ChooserProbe *probe = data;
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (probe->chooser));

  return current != NULL && g_file_equal (current, probe->folder);
}

static void
test_export_notes (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  g_autofree char *dir = g_dir_make_tmp ("llm-prefs-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "exported.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  LlmQuestion *question = llm_test_question_numbered (collection, 3);
  LlmWindow *window = new_window (settings, g_getenv ("LLM_TEST_WIDTH") ? atoi (g_getenv ("LLM_TEST_WIDTH")) : 1000);
  GtkWindow *prefs, *chooser;
  GtkWidget *row;

  llm_window_set_collection (window, collection);
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  g_assert_true (llm_note_store_save (llm_window_get_note_store (window), llm_question_get_id (question),
                                      llm_question_get_title (question), llm_question_get_topic (question),
                                      "Remember the **scaling** by root d.", &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  prefs = llm_test_wait_for_window (LLM_TYPE_PREFERENCES_WINDOW);
  llm_test_wait (500);
  llm_test_screenshot ("preferences");

  /* Minutes and seconds, not 180. */
  g_assert_true (shows_text (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, "3:00"));
  g_assert_false (shows_text (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, "180"));

  /* The row is live (it was greyed out), and asks where to write. */
  row = llm_test_find_actionable (GTK_WIDGET (prefs), "prefs.export-notes");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_sensitive (row));
  g_signal_emit_by_name (row, "activate");
  chooser = llm_test_wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* A folder set before the chooser has settled on its first one is
   * overridden by it. */
  llm_test_wait_for_condition (chooser_has_folder, chooser, "the chooser's first folder");
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  llm_test_wait_for_condition (chooser_in_folder, &(ChooserProbe) { chooser, folder }, "the chooser in the export folder");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "exported.md");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* The chooser checks the folder before it answers; the file comes
   * whole (written atomically). */
  llm_test_wait_for_condition (file_exists, target, "the notes exported");
  /* For the screenshot only: the toast coming in. */
  llm_test_wait (300);
  llm_test_screenshot ("preferences-exported");

  g_assert_true (g_file_get_contents (target, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Remember the **scaling** by root d."));
  g_assert_nonnull (strstr (text, llm_question_get_title (question)));

  gtk_window_destroy (prefs);
  llm_test_destroy_window (window);
  g_unlink (target);
  g_rmdir (dir);
}

/* The place in each collection --------------------------------------------- */

static char *
write_collection (const char *dir,
                  const char *name,
                  guint       n)
{
  g_autoptr(GString) text = g_string_new ("## Topic\n\n");
  char *path = g_build_filename (dir, name, NULL);

  for (guint i = 1; i <= n; i++)
    {
      g_string_append_printf (text, "### %u. %s question %u?\n\n", i, name, i);
      /* Long enough to scroll well past a screen. */
      for (guint p = 0; p < 40; p++)
        g_string_append_printf (text, "Paragraph %u of answer %u, with enough words to fill a line.\n\n", p, i);
    }
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return path;
}

static void
open_and_wait (LlmWindow  *window,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  llm_window_open (window, file);
  llm_test_wait_for_signal (window, "collection-loaded");
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
}

static double
scroll_y (LlmWindow *window)
{
  g_autofree char *y = llm_test_eval (llm_window_get_answer_view (window), "window.scrollY");

  return g_ascii_strtod (y, NULL);
}

static gboolean
scrolled_to_900 (gpointer data)
{
  return llm_answer_view_get_scroll_offset (data) == 900;
}

static void
test_collection_place (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autofree char *dir = g_dir_make_tmp ("llm-places-XXXXXX", NULL);
  g_autofree char *a = write_collection (dir, "alpha.md", 6);
  g_autofree char *b = write_collection (dir, "beta.md", 3);
  LlmWindow *window = new_window (settings, 1000);
  LlmAnswerView *view = llm_window_get_answer_view (window);
  double offset = 0;

  /* A, on question 5, read part-way down. */
  open_and_wait (window, a);
  llm_window_show_question (window, llm_test_question_numbered (llm_window_get_collection (window), 5));
  llm_test_wait_for_shown (view);
  g_free (llm_test_eval (view, "window.scrollTo(0, 900); window.scrollY"));
  /* The page reports it once scrolling has stopped. */
  llm_test_wait_for_condition (scrolled_to_900, view, "the answer's scroll offset reported");

  /* B starts at its own first question, at the top. */
  open_and_wait (window, b);
  g_assert_cmpuint (llm_question_get_number (llm_window_get_question (window)), ==, 1);
  g_assert_nonnull (strstr (llm_question_get_title (llm_window_get_question (window)), "beta"));
  g_assert_cmpfloat (scroll_y (window), ==, 0);
  llm_window_show_question (window, llm_test_question_numbered (llm_window_get_collection (window), 2));
  llm_test_wait_for_shown (view);

  /* A again: question 5, as far down as it was. */
  open_and_wait (window, a);
  g_assert_cmpuint (llm_question_get_number (llm_window_get_question (window)), ==, 5);
  g_assert_nonnull (strstr (llm_question_get_title (llm_window_get_question (window)), "alpha"));
  offset = scroll_y (window);
  g_assert_cmpfloat_with_epsilon (offset, 900, 1);

  /* And B again, on its own question 2. */
  open_and_wait (window, b);
  g_assert_cmpuint (llm_question_get_number (llm_window_get_question (window)), ==, 2);

  llm_test_destroy_window (window);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

/* Statistics --------------------------------------------------------------- */

/* The key handlers the window has, as a key press reaches them. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  LlmWindow *window;
  GtkWidget *back;
  gboolean shown;
} StatsProbe;

/* Statistics shown, with their back button and title, or neither. */
static gboolean
stats_shown_is (gpointer data)
{
  StatsProbe *probe = data;
  gboolean titled = shows_text (GTK_WIDGET (probe->window), ADW_TYPE_WINDOW_TITLE, _("Statistics"));

  return gtk_widget_get_visible (probe->back) == probe->shown && titled == probe->shown;
}

static void
show_stats (LlmWindow *window,
            GtkWidget *back)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-stats", NULL);
  llm_test_wait_for_condition (stats_shown_is, &(StatsProbe) { window, back, TRUE }, "Statistics shown");
}

static void
wait_stats_closed (LlmWindow *window,
                   GtkWidget *back)
{
  llm_test_wait_for_condition (stats_shown_is, &(StatsProbe) { window, back, FALSE }, "Statistics closed");
}

typedef struct
{
  LlmWindow *window;
  const char *topic;
} TopicProbe;

static gboolean
testing_topic (gpointer data)
{
  TopicProbe *probe = data;
  LlmQuestion *question = llm_window_get_question (probe->window);

  return llm_window_get_mode (probe->window) == LLM_WINDOW_MODE_SELF_TEST && question != NULL &&
         g_strcmp0 (llm_question_get_topic (question), probe->topic) == 0;
}

static void
test_statistics_back (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = llm_test_load_bundled ();
  LlmWindow *window = new_window (settings, g_getenv ("LLM_TEST_WIDTH") ? atoi (g_getenv ("LLM_TEST_WIDTH")) : 1000);
  GtkWidget *back, *practice;
  g_autoptr(GVariant) target = NULL;
  const char *topic;

  llm_window_set_collection (window, collection);
  llm_test_wait_for_shown (llm_window_get_answer_view (window));
  back = llm_test_find_actionable (GTK_WIDGET (window), "win.close-stats");
  g_assert_nonnull (back);
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_false (shows_text (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, _("Statistics")));

  /* Statistics: their own title and a back button, not "Question 1 of 30". */
  show_stats (window, back);
  {
    g_autofree char *position = g_strdup_printf (_("Question %u of %u"), 1, 30);

    g_assert_false (shows_text (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, position));
  }
  /* For the screenshot only: the charts drawn. */
  llm_test_wait (500);
  llm_test_screenshot ("statistics-back");

  g_signal_emit_by_name (back, "clicked");
  wait_stats_closed (window, back);

  /* Esc and Alt+Left go back too. */
  show_stats (window, back);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  wait_stats_closed (window, back);
  show_stats (window, back);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Left, GDK_ALT_MASK));
  wait_stats_closed (window, back);

  /* "Practice" on a topic's row tests that topic. */
  show_stats (window, back);
  practice = llm_test_find_actionable (GTK_WIDGET (window), "stats.practice-topic");
  g_assert_nonnull (practice);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (practice));
  g_variant_ref (target);
  topic = g_variant_get_string (target, NULL);
  g_signal_emit_by_name (practice, "clicked");
  /* Its first question may be the one shown: no new page to wait for. */
  llm_test_wait_for_condition (testing_topic, &(TopicProbe) { window, topic }, "a self-test of the topic");
  wait_stats_closed (window, back);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quiz-stop", NULL);

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/preferences/export-notes", test_export_notes);
  g_test_add_func ("/llm/place/return-to-collection", test_collection_place);
  g_test_add_func ("/llm/statistics/back", test_statistics_back);

  return g_test_run ();
}
