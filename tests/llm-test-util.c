/* llm-test-util.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "llm-collection-loader.h"
#include "llm-gl-probe.h"
#include "llm-question.h"
#include "llm-test-util.h"

/* Long enough for a cold WebKit start on a loaded machine; a hang still
 * fails instead of stalling the suite. */
#define TIMEOUT_MS 60000

void
llm_test_init (int    *argc,
               char ***argv)
{
  static const char *dirs[] = {
    "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };
  g_autofree char *root = g_dir_make_tmp ("llm-notes-test-XXXXXX", NULL);

  /* One set of private folders for the whole program, not one per test
   * case (G_TEST_OPTION_ISOLATE_DIRS): WebKit's sandbox sets up its runtime
   * folder once per process and cannot follow a change. */
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (root, dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i], dir, TRUE);
    }

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  /* This process keeps G_DEBUG's fatal warnings (GLib read them as it
   * loaded); the web processes WebKit starts from its environment must
   * not. A warning of theirs (an accessibility bus the test's session had
   * lost) killed each new one, and the answer view reloaded it until the
   * test timed out. */
  g_unsetenv ("G_DEBUG");
  /* The display is opened as the app's startup opens it. */
  llm_gl_probe_prepare ();
  gtk_init ();
  llm_gl_probe_finish ();
  adw_init ();

  /* Screenshots in another language or in dark, when asked for. */
  if (g_getenv ("LLM_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LLM_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  if (g_strcmp0 (g_getenv ("LLM_TEST_DARK"), "1") == 0)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    }

  /* What AdwApplication loads for the app, so screenshots match it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_until (gboolean   *flag,
               const char *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (TIMEOUT_MS, set_flag, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (timeout);
}

static void
on_shown (LlmAnswerView *view,
          gboolean      *shown)
{
  *shown = TRUE;
}

void
llm_test_wait_for_shown (LlmAnswerView *view)
{
  gboolean shown = FALSE;
  gulong handler = g_signal_connect (view, "shown", G_CALLBACK (on_shown), &shown);

  iterate_until (&shown, "the answer to be shown");
  g_signal_handler_disconnect (view, handler);
}

void
llm_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  iterate_until (&done, "a pause");
}

typedef struct
{
  char *result;
  gboolean done;
} Eval;

static void
eval_finished (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Eval *eval = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  g_assert_no_error (error);
  eval->result = jsc_value_to_string (value);
  eval->done = TRUE;
}

/**
 * llm_test_eval_in_world:
 * @world: (nullable): a script world's name, or %NULL for the page's own
 *
 * Runs @script in @view's page, in @world, and returns its result as a
 * string.
 */
char *
llm_test_eval_in_world (LlmAnswerView *view,
                        const char    *world,
                        const char    *script)
{
  Eval eval = { NULL, FALSE };

  webkit_web_view_evaluate_javascript (llm_answer_view_get_web_view (view), script, -1,
                                       world, NULL, NULL, eval_finished, &eval);
  iterate_until (&eval.done, "a script to finish");

  return eval.result;
}

/**
 * llm_test_eval:
 *
 * Runs @script in the page's own world, where content scripts would run,
 * and returns its result as a string.
 */
char *
llm_test_eval (LlmAnswerView *view,
               const char    *script)
{
  return llm_test_eval_in_world (view, NULL, script);
}

/**
 * llm_test_assert_eval:
 *
 * Fails the test unless @script, run in @view's page, gives @expected.
 */
void
llm_test_assert_eval (LlmAnswerView *view,
                      const char    *script,
                      const char    *expected)
{
  g_autofree char *result = llm_test_eval (view, script);

  g_assert_cmpstr (result, ==, expected);
}

/* Screenshots are for people to look at; a missing tool is not a failure. */
void
llm_test_screenshot (const char *name)
{
  const char *dir = g_getenv ("LLM_TEST_SCREENSHOTS");
  g_autofree char *import = g_find_program_in_path ("import");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (dir == NULL || import == NULL)
    {
      g_test_message ("No screenshot taken: no LLM_TEST_SCREENSHOTS or no ImageMagick");
      return;
    }

  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);

  {
    const char *argv[] = { import, "-window", "root", path, NULL };

    if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, &error))
      g_test_message ("No screenshot taken: %s", error->message);
    else
      g_test_message ("Screenshot: %s", path);
  }
}

/* The question with @number, failing the test if there is none. */
LlmQuestion *
llm_test_question_numbered (LlmCollection *collection,
                            guint          number)
{
  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    if (llm_question_get_number (llm_collection_get_question (collection, i)) == number)
      return llm_collection_get_question (collection, i);

  g_error ("No question numbered %u", number);
}

static gboolean
is_actionable_for (GtkWidget  *widget,
                   const char *action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/**
 * llm_test_find_actionable:
 *
 * Returns: (transfer none) (nullable): the first widget under @root
 *   (itself included) whose action is @action, as a user would find the
 *   button by what it does
 */
GtkWidget *
llm_test_find_actionable (GtkWidget  *root,
                          const char *action)
{
  if (is_actionable_for (root, action))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = llm_test_find_actionable (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_toplevel (gpointer type)
{
  /* transfer none: GTK's own list */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, GPOINTER_TO_SIZE (type)) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }

  return FALSE;
}

/**
 * llm_test_wait_for_window:
 *
 * Returns: (transfer none): the first visible window of @type, once
 *   there is one
 */
GtkWindow *
llm_test_wait_for_window (GType type)
{
  GListModel *toplevels;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (TIMEOUT_MS, set_flag, &timed_out);

  while (!has_toplevel (GSIZE_TO_POINTER (type)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for a %s", g_type_name (type));
  g_source_remove (timeout);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  g_assert_not_reached ();
}

static void
on_signal (gpointer  instance,
           gboolean *seen)
{
  *seen = TRUE;
}

/* Waits for @instance to emit @signal, which must take no arguments. */
void
llm_test_wait_for_signal (gpointer    instance,
                          const char *signal)
{
  gboolean seen = FALSE;
  gulong handler = g_signal_connect (instance, signal, G_CALLBACK (on_signal), &seen);

  iterate_until (&seen, signal);
  g_signal_handler_disconnect (instance, handler);
}

/**
 * llm_test_get_user_data:
 *
 * The program's one LlmUserData, in its private data folder, as the
 * application would hand it to every window.
 *
 * Returns: (transfer none): the user's data
 */
LlmUserData *
llm_test_get_user_data (void)
{
  static LlmUserData *user_data;

  /* Every GSettings of the program shares the memory backend, so these
   * bookmarks are the ones each test's own LlmSettings sees. */
  if (user_data == NULL)
    {
      g_autoptr(LlmSettings) settings = llm_settings_new ();

      user_data = llm_user_data_new_with_settings (NULL, llm_settings_get_gsettings (settings));
    }

  return user_data;
}

/**
 * llm_test_load_bundled:
 *
 * Returns: (transfer full): the bundled notes with the user's questions
 */
LlmCollection *
llm_test_load_bundled (void)
{
  return llm_user_data_load_bundled (llm_test_get_user_data ());
}

/**
 * llm_test_destroy_window:
 * @window: a #GtkWindow the test made
 *
 * Destroys @window and fails the test unless it is then finalised: a
 * window something still holds leaks its collection, its web view and
 * every signal handler it connected.
 */
void
llm_test_destroy_window (gpointer window)
{
  gpointer weak = window;

  g_assert_true (GTK_IS_WINDOW (window));

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Idles and the web process's last replies may hold it a moment. */
  for (guint i = 0; i < TIMEOUT_MS / 50 && weak != NULL; i++)
    llm_test_wait (50);

  if (weak != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (weak), &weak);
      g_test_message ("%s still has %u references", G_OBJECT_TYPE_NAME (weak),
                      G_OBJECT (weak)->ref_count);
    }
  g_assert_null (weak);
}

/**
 * llm_test_wait_until:
 *
 * Turns the main loop until @check holds (it is asked every 50 ms), and
 * fails the test if it never does: key presses, page scripts and
 * dialogs all take effect later than the call that caused them.
 */
void
llm_test_wait_until (LlmTestCheck  check,
                     gpointer      subject,
                     gpointer      data,
                     const char   *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (TIMEOUT_MS, set_flag, &timed_out);

  while (!check (subject, data))
    {
      gboolean tick = FALSE;

      if (timed_out)
        g_error ("Timed out waiting for %s", what);
      g_timeout_add (50, set_flag, &tick);
      while (!tick)
        g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
}

/* Whether a label on screen in @widget says @text (or, with @whole
 * FALSE, has it in it). */
static gboolean
shows (GtkWidget  *widget,
       const char *text,
       gboolean    whole)
{
  if (!gtk_widget_is_drawable (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_label (GTK_LABEL (widget));

      if (whole ? g_str_equal (label, text) : strstr (label, text) != NULL)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows (child, text, whole))
      return TRUE;

  return FALSE;
}

gboolean
llm_test_shows_label (GtkWidget  *widget,
                      const char *text)
{
  return shows (widget, text, TRUE);
}

gboolean
llm_test_shows_label_with (GtkWidget  *widget,
                           const char *part)
{
  return shows (widget, part, FALSE);
}

/* The visible toplevel of @type, or NULL. */
GtkWindow *
llm_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static gboolean
has_mapped_toplevel (gpointer subject,
                     gpointer data)
{
  return llm_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (llm_test_find_toplevel (GPOINTER_TO_SIZE (data))));
}

GtkWindow *
llm_test_wait_for_toplevel (GType type)
{
  llm_test_wait_until (has_mapped_toplevel, NULL, GSIZE_TO_POINTER (type), g_type_name (type));
  return llm_test_find_toplevel (type);
}

static gboolean
in_mode (gpointer subject,
         gpointer data)
{
  LlmWindowMode mode;

  g_object_get (subject, "mode", &mode, NULL);
  return mode == (LlmWindowMode)GPOINTER_TO_INT (data);
}

void
llm_test_wait_for_mode (LlmWindow     *window,
                        LlmWindowMode  mode)
{
  llm_test_wait_until (in_mode, window, GINT_TO_POINTER (mode), "the window's mode");
}

static gboolean
shows_toast (gpointer subject,
             gpointer data)
{
  return llm_test_shows_label_with (subject, data);
}

/* A toast with @part in its title is on screen. */
void
llm_test_wait_for_toast (LlmWindow  *window,
                         const char *part)
{
  llm_test_wait_until (shows_toast, window, (gpointer)part, part);
}

static gboolean
page_has_class (gpointer subject,
                gpointer data)
{
  g_autofree char *classes = llm_test_eval (llm_window_get_answer_view (subject), "document.body.className");

  return g_str_equal (classes, data);
}

/* The page's body has exactly @body_class ("answer-hidden" while the
 * answer is covered, "" once shown). */
void
llm_test_wait_for_page (LlmWindow  *window,
                        const char *body_class)
{
  llm_test_wait_until (page_has_class, window, (gpointer)body_class, "the page");
}

/**
 * llm_test_wait_for_condition:
 *
 * llm_test_wait_until() for a check of one argument.
 */
void
llm_test_wait_for_condition (LlmTestCondition  check,
                             gpointer          data,
                             const char       *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (TIMEOUT_MS, set_flag, &timed_out);

  while (!check (data))
    {
      gboolean tick = FALSE;

      if (timed_out)
        g_error ("Timed out waiting for %s", what);
      g_timeout_add (50, set_flag, &tick);
      while (!tick)
        g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
}

gboolean
llm_test_has_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL;
}

static void
on_xdotool_exit (GPid     pid,
                 int      status,
                 gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (!g_spawn_check_wait_status (status, &error))
    g_error ("xdotool failed: %s", error->message);
  g_spawn_close_pid (pid);
  *(gboolean *)data = TRUE;
}

/* Real X key events (XTest) while the main loop keeps turning, so the
 * window handles each as it comes. */
void
llm_test_xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  GPid pid;

  g_test_message ("xdotool %s", args);
  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, on_xdotool_exit, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
llm_test_press (const char *keys)
{
  g_autofree char *args = g_strdup_printf ("key --delay 60 %s", keys);

  llm_test_xdotool (args);
}

/* With no window manager, gives @window the X input focus. */
void
llm_test_focus_window (GtkWindow *window)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %lu",
                                           (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));

  llm_test_xdotool (args);
}

/**
 * llm_test_find_widget:
 * @name: (nullable): the widget name (gtk_widget_set_name()) too
 *
 * Returns: (transfer none) (nullable): the first widget under @root, depth
 *   first, of @type (and named @name)
 */
GtkWidget *
llm_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = llm_test_find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GPid
parent_of (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  const char *after_name;
  int parent = 0;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return 0;
  /* "PID (NAME) STATE PPID …": the name may hold spaces and parentheses. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL || sscanf (after_name, ") %*c %d", &parent) != 1)
    return 0;

  return parent;
}

static gboolean
descends_from_us (GPid pid)
{
  for (guint depth = 0; pid > 1 && depth < 16; depth++)
    {
      pid = parent_of (pid);
      if (pid == getpid ())
        return TRUE;
    }

  return FALSE;
}

/**
 * llm_test_find_processes:
 * @name: the start of the processes' names (/proc/PID/comm, at most 15
 *   characters)
 *
 * Returns: (element-type GPid): this process's descendants so named; a
 *   sandbox may stand between them and this process
 */
GArray *
llm_test_find_processes (const char *name)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (GPid));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *entry;

  g_assert_nonnull (proc);
  while ((entry = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *comm_path = g_build_filename ("/proc", entry, "comm", NULL);
      g_autofree char *comm = NULL;
      GPid pid = (GPid) g_ascii_strtoll (entry, NULL, 10);

      if (pid <= 0 || !g_file_get_contents (comm_path, &comm, NULL, NULL))
        continue;
      if (g_str_has_prefix (comm, name) && descends_from_us (pid))
        g_array_append_val (pids, pid);
    }

  return pids;
}

/**
 * llm_test_open_window:
 * @markdown: a collection's text
 * @length: its length, or -1
 * @collection: (out): the collection read from it
 *
 * Returns: (transfer none): a window on the collection, its first answer
 *   shown; llm_test_destroy_window() ends it
 */
LlmWindow *
llm_test_open_window (const char     *markdown,
                      gssize          length,
                      LlmCollection **collection)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(GError) error = NULL;
  LlmWindow *window;

  *collection = llm_collection_load_data (markdown, length, "test", NULL, &error);
  g_assert_no_error (error);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  llm_window_set_collection (window, *collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));

  return window;
}

/**
 * llm_test_wait_for_eval:
 *
 * Runs @script in @view's page until it gives @expected, for ten seconds
 * at most: for what the page does after its paint (highlighting as a
 * block scrolls into view, an image decoded).
 *
 * Returns: (transfer full): what @script gave last
 */
char *
llm_test_wait_for_eval (LlmAnswerView *view,
                        const char    *script,
                        const char    *expected)
{
  char *result = NULL;

  for (guint i = 0; i < 100; i++)
    {
      g_free (result);
      result = llm_test_eval (view, script);
      if (g_str_equal (result, expected))
        break;
      llm_test_wait (100);
    }

  return result;
}
