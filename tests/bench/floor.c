/* floor.c — what every UI budget is a ratio to: one GTK window, one
 * WebKitWebView with a short page, no app logic, timed as the app is.
 * Usage: bench-floor N-SWAPS HOLD-MS
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>
#include <webkit/webkit.h>

/* Painted, told the way the app's page.js tells it: the task after the
 * rendering update that calls a resize observer. */
#define PAINTED "new ResizeObserver((entries, observer) => { observer.disconnect(); " \
                "setTimeout(() => window.webkit.messageHandlers.painted.postMessage(0), 0); })" \
                ".observe(document.documentElement);"

static WebKitWebView *view;
static gint64 t0, t_swap;
static int swaps, hold_ms;

static void
report (const char *name, gint64 since)
{
  g_print ("LLM_BENCH %s %.3f\n", name, (g_get_monotonic_time () - since) / 1000.0);
}

static gboolean
swap (gpointer data)
{
  g_autofree char *js = g_strdup_printf ("document.body.innerHTML = "
                                         "'<h1>Answer %d</h1><p>A short answer.</p>';" PAINTED, swaps);

  if (swaps-- == 0)
    exit (0);
  t_swap = g_get_monotonic_time ();
  webkit_web_view_evaluate_javascript (view, js, -1, NULL, NULL, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Holds still after the mark while the harness reads memory and CPU. */
static gboolean
mark (gpointer data)
{
  g_print ("LLM_BENCH mark start\n");
  g_timeout_add (hold_ms, swap, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_painted (void)
{
  report (t_swap ? "swap_ms" : "first_paint_ms", t_swap ? t_swap : t0);
  if (t_swap)
    g_idle_add (swap, NULL);
  else
    /* 4 s after the start and at least 1 s after the first paint, as
     * for the app and Devhelp. */
    g_timeout_add (MAX (1000, 4000 - (g_get_monotonic_time () - t0) / 1000), mark, NULL);
}

static void
on_map (void)
{
  report ("map_ms", t0);
}

int
main (int argc, char *argv[])
{
  const char *t0_env = g_getenv ("LLM_NOTES_BENCH_T0");
  WebKitUserContentManager *manager;
  GtkWidget *window;

  t0 = t0_env ? g_ascii_strtoll (t0_env, NULL, 10) : g_get_monotonic_time ();
  swaps = argc > 1 ? atoi (argv[1]) : 20;
  hold_ms = argc > 2 ? atoi (argv[2]) : 500;
  gtk_init ();

  manager = webkit_user_content_manager_new ();
  webkit_user_content_manager_register_script_message_handler (manager, "painted", NULL);
  g_signal_connect (manager, "script-message-received::painted", G_CALLBACK (on_painted), NULL);
  view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "user-content-manager", manager, NULL);
  webkit_web_view_load_html (view, "<h1>Floor</h1><p>A short page.</p><script>" PAINTED "</script>", NULL);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720); /* the app's default */
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
}
