/* llm-notes-bench.c — the app in bench mode, for tests/bench/bench.py.
 * Usage: llm-notes-bench MODE [FILE]
 *
 * MODE is "start" (measure the start only), "switch" (the switch rounds
 * only), "open" (the start, then the opens only) or "full" (everything).
 * Environment:
 *
 *   LLM_NOTES_BENCH_T0        the harness's spawn time, CLOCK_MONOTONIC in
 *                             µs (g_get_monotonic_time()); without it, times
 *                             count from the window's creation
 *   LLM_NOTES_BENCH_HOLD_MS   how long to hold still after "mark start"
 *                             (default 500), for the harness to read memory
 *                             and idle CPU
 *   LLM_NOTES_BENCH_OPEN      NAME=PATH list (like PATH's) to open at the end
 *
 * A test-only program: it links the app's library and runs the very same
 * application, and hooks in when the application adds its window, before
 * the window is shown. The product has no bench code.
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "llm-application.h"
#include "llm-collection.h"
#include "llm-window.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Drives the real window the way a user would, through its actions, and
 * times each step until the page says it has painted (the answer view's
 * "shown", or llmPage.painted() in the page's script world).
 *
 * Sequence, printed as "LLM_BENCH <name> <value>" lines:
 *   map_ms, first_paint_ms        exec → window mapped / first answer painted
 *   mark start                    4 s after the start (and at least 1 s
 *                                 after the first paint); then holds still
 *                                 (LLM_NOTES_BENCH_HOLD_MS) for the harness
 *   switch_ms × 10 rounds         next question → painted, every question
 *   mark warmed                   after one pass over all the answers
 *   mark switches-300, -1000      holds still for the harness to read memory
 *   zoom_ms × ZOOMS               zoom in/out → painted
 *   open_<name>_ms × OPEN_ROUNDS  open → collection loaded → window painted,
 *                                 for each NAME=PATH of LLM_NOTES_BENCH_OPEN
 *                                 (a list like PATH's); then "mark opened"
 *   done                          then the application quits
 * In "start" mode it quits after the first hold; in "switch" mode after
 * the switch_ms rounds. */

#define SETTLE_MS      1000
#define START_MARK_MS  4000 /* as bench.py reads Devhelp */
#define MARK_HOLD_MS   700
#define ROUNDS         10
#define SWITCHES_MID   300
#define SWITCHES_TOTAL 1000
#define ZOOMS          20
#define OPEN_ROUNDS    5
#define SCRIPT_WORLD   "llm"

typedef struct
{
  LlmWindow *window;
  gint64 t0;
  gboolean full;
  gboolean switch_only;
  gboolean open_only;
  guint hold_ms;

  gboolean first_shown;
  guint switches;
  guint recorded;
  gint64 t_switch;
  guint zooms;
  gint64 t_zoom;
  char **open_specs;
  guint opens;
  gint64 t_open;
} Bench;

static Bench bench;

static void
print_ms (const char *name,
          gint64      since)
{
  g_print ("LLM_BENCH %s %.3f\n", name, (g_get_monotonic_time () - since) / 1000.0);
}

static void
finish (void)
{
  g_print ("LLM_BENCH done\n");
  g_application_quit (g_application_get_default ());
}

static gboolean
finish_source (gpointer data)
{
  finish ();
  return G_SOURCE_REMOVE;
}

static void mark (const char  *name,
                  guint        hold_ms,
                  GSourceFunc  then);

/* Opening ------------------------------------------------------------------- */

static gboolean open_step (gpointer data);

static void
open_painted (GdkFrameClock *clock,
              gpointer       user_data)
{
  g_auto(GStrv) spec = g_strsplit (bench.open_specs[bench.opens / OPEN_ROUNDS], "=", 2);
  g_autofree char *name = g_strdup_printf ("open_%s_ms", spec[0]);

  g_signal_handlers_disconnect_by_func (clock, open_painted, user_data);
  print_ms (name, bench.t_open);
  bench.opens++;
  g_idle_add (open_step, NULL);
}

/* The tree is shown once the frame after the new collection is drawn. */
static void
on_collection_loaded (LlmWindow *window,
                      gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (bench.t_open == 0)
    return;

  g_signal_connect (clock, "after-paint", G_CALLBACK (open_painted), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

static gboolean
open_step (gpointer data)
{
  const char *spec = bench.open_specs ? bench.open_specs[bench.opens / OPEN_ROUNDS] : NULL;
  const char *path = spec ? strchr (spec, '=') : NULL;
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    {
      bench.t_open = 0;
      mark ("opened", MARK_HOLD_MS, finish_source);
      return G_SOURCE_REMOVE;
    }

  if (bench.opens == 0)
    g_signal_connect (bench.window, "collection-loaded", G_CALLBACK (on_collection_loaded), NULL);

  file = g_file_new_for_path (path + 1);
  bench.t_open = g_get_monotonic_time ();
  llm_window_open (bench.window, file);

  return G_SOURCE_REMOVE;
}

/* Zoom ---------------------------------------------------------------------- */

static gboolean zoom_step (gpointer data);

static void
zoom_painted (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL)
    g_error ("llmPage.painted() failed: %s", error->message);

  print_ms ("zoom_ms", bench.t_zoom);
  if (++bench.zooms < ZOOMS)
    g_idle_add (zoom_step, NULL);
  else
    g_idle_add (open_step, NULL);
}

/* Alternates in and out, so it ends at the zoom it started from. */
static gboolean
zoom_step (gpointer data)
{
  WebKitWebView *web_view = llm_answer_view_get_web_view (llm_window_get_answer_view (bench.window));

  bench.t_zoom = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (bench.window),
                              bench.zooms % 2 == 0 ? "win.zoom-in" : "win.zoom-out", NULL);
  /* The zoom reaches the web process before this call does, so the two
   * frames it waits for are drawn at the new zoom. */
  webkit_web_view_call_async_javascript_function (web_view, "return llmPage.painted();", -1,
                                                  NULL, SCRIPT_WORLD, NULL, NULL,
                                                  zoom_painted, NULL);
  return G_SOURCE_REMOVE;
}

/* Switching ----------------------------------------------------------------- */

static gboolean
switch_step (gpointer data)
{
  LlmCollection *collection = llm_window_get_collection (bench.window);
  LlmQuestion *question = llm_window_get_question (bench.window);

  bench.t_switch = g_get_monotonic_time ();
  if (llm_collection_get_neighbour (collection, question, +1) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (bench.window), "win.next-question", NULL);
  else
    llm_window_show_question (bench.window, llm_collection_get_question (collection, 0));

  return G_SOURCE_REMOVE;
}

/* The UI process's malloc heap: in use, and freed but kept by malloc. It
 * tells a leak from fragmentation when the RSS grows. */
static void
print_heap (const char *name)
{
#ifdef __GLIBC__
  struct mallinfo2 info = mallinfo2 ();

  g_print ("LLM_BENCH heap_in_use_mb_%s %.1f\n", name, info.uordblks / 1048576.0);
  g_print ("LLM_BENCH heap_free_mb_%s %.1f\n", name, info.fordblks / 1048576.0);
#endif
}

static void
mark (const char  *name,
      guint        hold_ms,
      GSourceFunc  then)
{
  print_heap (name);
  g_print ("LLM_BENCH mark %s\n", name);
  g_timeout_add (hold_ms, then, NULL);
}

static void
switch_shown (void)
{
  LlmCollection *collection = llm_window_get_collection (bench.window);

  /* Answers shown later, by the collections opened at the end, are not
   * switches. */
  if (bench.switches >= SWITCHES_TOTAL)
    return;

  if (bench.recorded < ROUNDS * llm_collection_get_n_questions (collection))
    {
      print_ms ("switch_ms", bench.t_switch);
      bench.recorded++;
      if (bench.switch_only && bench.recorded == ROUNDS * llm_collection_get_n_questions (collection))
        {
          bench.switches = SWITCHES_TOTAL;
          finish ();
          return;
        }
    }

  /* The next switch starts from an idle callback, once the page call that
   * emitted "shown" has returned, as a key press would. */
  bench.switches++;
  if (bench.switches == llm_collection_get_n_questions (collection))
    mark ("warmed", MARK_HOLD_MS, switch_step);
  else if (bench.switches == SWITCHES_MID)
    mark ("switches-300", MARK_HOLD_MS, switch_step);
  else if (bench.switches == SWITCHES_TOTAL)
    mark ("switches-1000", MARK_HOLD_MS, zoom_step);
  else
    g_idle_add (switch_step, NULL);
}

/* Start --------------------------------------------------------------------- */

static gboolean
start_held (gpointer data)
{
  if (!bench.full)
    finish ();
  else if (bench.open_only)
    {
      bench.switches = SWITCHES_TOTAL;
      open_step (NULL);
    }
  else
    switch_step (NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
start_settled (gpointer data)
{
  mark ("start", bench.hold_ms, start_held);
  return G_SOURCE_REMOVE;
}

static void
on_shown (LlmAnswerView *view,
          gpointer       user_data)
{
  if (bench.first_shown)
    {
      switch_shown ();
      return;
    }

  bench.first_shown = TRUE;
  print_ms ("first_paint_ms", bench.t0);
  /* Memory is read 4 s after the start, as for the floor and Devhelp,
   * and never before start-up work has settled. */
  g_timeout_add (MAX (SETTLE_MS, START_MARK_MS - (g_get_monotonic_time () - bench.t0) / 1000),
                 start_settled, NULL);
}

static void
on_map (GtkWidget *window,
        gpointer   user_data)
{
  print_ms ("map_ms", bench.t0);
  g_signal_handlers_disconnect_by_func (window, on_map, user_data);
}

/* The application's first window: hook in before it is presented. */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 const char     *mode)
{
  const char *t0 = g_getenv ("LLM_NOTES_BENCH_T0");
  const char *hold = g_getenv ("LLM_NOTES_BENCH_HOLD_MS");
  const char *open = g_getenv ("LLM_NOTES_BENCH_OPEN");

  if (bench.window != NULL || !LLM_IS_WINDOW (window))
    return;

  bench.window = g_object_ref (LLM_WINDOW (window));
  bench.t0 = t0 ? g_ascii_strtoll (t0, NULL, 10) : g_get_monotonic_time ();
  bench.full = g_strcmp0 (mode, "start") != 0;
  bench.switch_only = g_strcmp0 (mode, "switch") == 0;
  bench.open_only = g_strcmp0 (mode, "open") == 0;
  bench.hold_ms = hold ? (guint)g_ascii_strtoull (hold, NULL, 10) : 500;
  if (open != NULL)
    bench.open_specs = g_strsplit (open, G_SEARCHPATH_SEPARATOR_S, -1);

  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (llm_window_get_answer_view (bench.window), "shown", G_CALLBACK (on_shown), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LlmApplication) app = NULL;
  const char *mode;

  if (argc < 2 || (strcmp (argv[1], "start") != 0 && strcmp (argv[1], "switch") != 0
                   && strcmp (argv[1], "open") != 0 && strcmp (argv[1], "full") != 0))
    {
      g_printerr ("Usage: %s start|switch|open|full [FILE]\n", argv[0]);
      return 2;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The mode is this program's; the application sees the rest. */
  mode = argv[1];
  argv[1] = argv[0];

  app = llm_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), (gpointer)mode);

  return g_application_run (G_APPLICATION (app), argc - 1, argv + 1);
}
