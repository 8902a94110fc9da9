/* make-screenshot.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Takes one screenshot of the real window for the AppStream metainfo:
 * run by make-screenshots.sh in an X server exactly the window's size, so
 * the root window is the app window. Not a test.
 *
 *   make-screenshot [--width W] [--height H] [--dark] [--question N]
 *                   [--self-test] [--shortcuts] [--stats] OUTPUT.png
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "llm-answer-view.h"
#include "llm-application.h"
#include "llm-collection.h"
#include "llm-question.h"
#include "llm-settings.h"
#include "llm-window.h"

static gboolean
set_flag (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_shown (LlmAnswerView *view,
          gboolean      *shown)
{
  *shown = TRUE;
}

static void
wait_for_shown (LlmAnswerView *view)
{
  gboolean shown = FALSE, timed_out = FALSE;
  gulong handler = g_signal_connect (view, "shown", G_CALLBACK (on_shown), &shown);
  guint timeout = g_timeout_add_seconds (60, set_flag, &timed_out);

  while (!shown && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The answer was never shown");
  g_source_remove (timeout);
  g_signal_handler_disconnect (view, handler);
}

static void
capture (const char *window,
         const char *output)
{
  const char *argv[] = { "import", "-window", window, output, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("import failed: %s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  static int width = 1200, height = 800, number = 8;
  static gboolean dark, self_test, shortcuts, stats;
  static const GOptionEntry entries[] = {
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "question", 0, 0, G_OPTION_ARG_INT, &number, "Question shown", "N" },
    { "self-test", 0, 0, G_OPTION_ARG_NONE, &self_test, "Test the question's topic, revealing the first answer", NULL },
    { "shortcuts", 0, 0, G_OPTION_ARG_NONE, &shortcuts, "The shortcuts window alone", NULL },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &stats, "Statistics in place of the answer", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(LlmApplication) app = NULL;
  g_autoptr(LlmSettings) settings = NULL;
  g_autoptr(LlmCollection) collection = NULL;
  g_autofree char *root = g_dir_make_tmp ("llm-notes-screenshot-XXXXXX", NULL);
  LlmWindow *window;

  /* A first start: no notes, reviews or settings of the user's. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("XDG_DATA_HOME", root, TRUE);
  g_setenv ("XDG_CACHE_HOME", root, TRUE);
  g_setenv ("XDG_CONFIG_HOME", root, TRUE);

  setlocale (LC_ALL, "");
  /* The build's own translations (po/), as the installed app finds its. */
  if (g_getenv ("LLM_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LLM_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "make-screenshot: one OUTPUT.png is needed");
      return 2;
    }

  /* Registered, so the help overlay and shortcuts are the app's. */
  app = llm_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);

  /* The application applies the colour scheme from its own settings. */
  settings = llm_settings_new ();
  g_object_set (settings, "window-width", width, "window-height", height, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* A self-test of the topic of the question shown. */
  g_settings_set_string (llm_settings_get_gsettings (settings), "self-test-scope", "topic");
  collection = llm_user_data_load_bundled (llm_application_get_user_data (app));
  window = llm_window_new (GTK_APPLICATION (app), settings, llm_application_get_user_data (app));
  llm_window_set_collection (window, collection);
  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    if (llm_question_get_number (llm_collection_get_question (collection, i)) == (guint)number)
      llm_window_show_question (window, llm_collection_get_question (collection, i));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_shown (llm_window_get_answer_view (window));

  if (self_test)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.self-test", NULL);
      wait_for_shown (llm_window_get_answer_view (window));
      gtk_widget_activate_action (llm_window_get_self_test_bar (window), "selftest.reveal", NULL);
      wait_for_shown (llm_window_get_answer_view (window));
    }

  if (stats)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-stats", NULL);

  /* Fonts, math and the tree's rows settle over a few frames. */
  wait_ms (1500);

  if (shortcuts)
    {
      GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
      g_autofree char *xid = NULL;

      g_assert_nonnull (overlay);
      gtk_window_set_default_size (GTK_WINDOW (overlay), width, height);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
      wait_ms (1500);
      xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (overlay))));
      capture (xid, argv[1]);
    }
  else
    capture ("root", argv[1]);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
