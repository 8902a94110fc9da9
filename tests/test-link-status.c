/* test-link-status.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No link opens before its reader can see where it leads. The real pointer
 * (XTest motion, sent by xdotool) is moved over each link of an answer in
 * the real window, so GTK's event handling, WebKit's hit test in its web
 * process and its mouse-target-changed signal all take part; the status
 * line at the bottom of the answer must then say where that link goes,
 * and vanish when the pointer leaves the link.
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-test-util.h"
#include "llm-window.h"

#define WAIT_MS 20000

static const char markdown[] =
  "## Links\n"
  "### 1. Where do they go?\n"
  "Read [the wiki](https://zh.wikipedia.org/wiki/%E6%B3%A8%E6%84%8F%E5%8A%9B) first.\n\n"
  "Write to [the author](mailto:a@example.com?subject=Hi&attach=/etc/passwd).\n\n"
  "Compare [[Second question]].\n\n"
  "A [spoof](https://example.com/%E2%80%AEgpj.exe) of a picture.\n\n"
  "A claim[^1].\n\n"
  "[^1]: Its source.\n"
  "### 2. Second question\n"
  "Nothing here.\n";

static const struct
{
  const char *selector;
  const char *status;
} links[] = {
  { "a[href^='https://zh']", "https://zh.wikipedia.org/wiki/注意力" },
  { "a[href^='mailto']", "a@example.com" },
  { "a.wikilink", "Question 2. Second question" },
  { "a[href^='https://example.com']", "https://example.com/%E2%80%AEgpj.exe" },
  { "sup a", "Footnote 1" },
  { "a[href^='#fnref']", "Back to the text" },
};

static GtkWidget *
find_link_status (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "link-status"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_link_status (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The status line shows @expected, or is hidden when it is %NULL. */
static void
wait_for_status (GtkWidget  *status,
                 const char *expected)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (WAIT_MS, set_flag, &timed_out);

  while (expected != NULL ? !gtk_widget_get_mapped (status) ||
                            strcmp (gtk_label_get_text (GTK_LABEL (status)), expected) != 0
                          : gtk_widget_get_visible (status))
    {
      gboolean tick = FALSE;

      if (timed_out)
        g_error ("Timed out waiting for the status line to show “%s”; it shows “%s” (%s)",
                 expected != NULL ? expected : "nothing", gtk_label_get_text (GTK_LABEL (status)),
                 gtk_widget_get_visible (status) ? "visible" : "hidden");
      g_timeout_add (50, set_flag, &tick);
      while (!tick)
        g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
}

/* Moves the real pointer to the page point (@x, @y), in CSS pixels of the
 * viewport. */
static void
move_pointer_to (LlmWindow *window,
                 double     x,
                 double     y)
{
  WebKitWebView *web_view = llm_answer_view_get_web_view (llm_window_get_answer_view (window));
  double zoom = webkit_web_view_get_zoom_level (web_view);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (window));
  graphene_point_t in_view = GRAPHENE_POINT_INIT (x * zoom, y * zoom);
  graphene_point_t in_window;
  double surface_x, surface_y;
  g_autofree char *args = NULL;

  /* Widget coordinates to the X window's: the surface also holds the
   * client-side shadow around the window. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (web_view), GTK_WIDGET (native), &in_view, &in_window));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  args = g_strdup_printf ("mousemove --sync --window %lu %d %d",
                          (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                          (int)(in_window.x + surface_x), (int)(in_window.y + surface_y));
  llm_test_xdotool (args);
}

static void
test_hovered_link (void)
{
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  LlmAnswerView *view;
  LlmWindow *window;
  GtkWidget *status;

  if (xdotool_path == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  collection = llm_collection_load_data (markdown, -1, "links", NULL, &error);
  g_assert_no_error (error);

  g_object_set (settings, "window-width", 1100, "window-height", 700, NULL);
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  status = find_link_status (GTK_WIDGET (view));
  g_assert_nonnull (status);
  g_assert_false (gtk_widget_get_visible (status));

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *script = g_strdup_printf (
        "(() => { const r = document.querySelector(\"article %s\").getBoundingClientRect();"
        " return `${r.left + r.width / 2},${r.top + r.height / 2}`; })()", links[i].selector);
      g_autofree char *point = llm_test_eval (view, script);
      g_auto(GStrv) xy = g_strsplit (point, ",", 2);

      g_assert_nonnull (xy[1]);
      move_pointer_to (window, g_ascii_strtod (xy[0], NULL), g_ascii_strtod (xy[1], NULL));
      wait_for_status (status, links[i].status);
      if (i == 0)
        {
          llm_test_wait (300);  /* painted, for the screenshot */
          llm_test_screenshot ("link-status");
        }

      /* Off the link, onto the page's empty margin: the line goes. */
      move_pointer_to (window, 4, 4);
      wait_for_status (status, NULL);
    }

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/link-status/hovered-link", test_hovered_link);

  return g_test_run ();
}
