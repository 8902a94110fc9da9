/* test-hostile.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notes come from anywhere. Hostile markdown is shown in the real window
 * while a local HTTP server counts every request that reaches it: no script
 * from content may run and no request may leave the page.
 */

#include "config.h"

#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "hostile-payloads.h"
#include "llm-question.h"
#include "llm-test-util.h"
#include "llm-window.h"

static guint n_requests;

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  /* Any connection counts, even one that never sends a request: WebKit
   * preconnects to a clicked link's host before the policy decision. */
  n_requests++;
  return FALSE;
}

/* Stands in for the browser: records what would have been opened. */
static void
on_open_external (LlmAnswerView *view,
                  const char    *uri,
                  GPtrArray     *opened)
{
  g_ptr_array_add (opened, g_strdup (uri));
  g_signal_stop_emission_by_name (view, "open-external");
}

static char *
build_markdown (guint16 port)
{
  return g_strdup_printf (
    "## Hostile\n"
    "### 1. Scripts and handlers\n"
    "<script>window.pwned = 'script';</script>\n\n"
    "<img src=\"x\" onerror=\"window.pwned = 'onerror'\">\n\n"
    "[click me](javascript:window.pwned='link')\n\n"
    "![remote](http://127.0.0.1:%u/markdown-image.png)\n\n"
    "<img src=\"http://127.0.0.1:%u/raw-image.png\">\n\n"
    "<iframe src=\"http://127.0.0.1:%u/frame\"></iframe>\n\n"
    "<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:%u/refresh\">\n\n"
    "![[../../../../etc/passwd]]\n\n"
    "$\\href{javascript:window.pwned='tex'}{tex link}$\n\n"
    "[external](https://127.0.0.1:%u/external)\n"
    "### 2. Plain\n"
    "Nothing to see.\n",
    port, port, port, port, port);
}

static void
test_hostile_markdown (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *result = NULL;
  g_autofree char *external = NULL;
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  LlmAnswerView *view;
  LlmWindow *window;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), NULL);
  g_socket_service_start (service);

  markdown = build_markdown (port);
  collection = llm_collection_load_data (markdown, -1, "hostile", NULL, &error);
  g_assert_no_error (error);

  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  g_signal_connect (view, "open-external", G_CALLBACK (on_open_external), opened);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  /* The content is there, as text... */
  result = llm_test_eval (view, "document.querySelector('article').textContent.includes('Nothing') ? 'no' : 'yes'");
  g_assert_cmpstr (result, ==, "yes");
  g_clear_pointer (&result, g_free);
  result = llm_test_eval (view, "document.querySelectorAll('article :is(script, iframe, meta, [onerror])').length");
  g_assert_cmpstr (result, ==, "0");
  g_clear_pointer (&result, g_free);

  /* ...and clicking the javascript: link does nothing either. */
  g_free (llm_test_eval (view, "document.querySelectorAll('article a').forEach(a => a.click()); 'clicked'"));

  /* A renderer bug must not be enough: markup pushed straight into the
   * page, past the renderer, still cannot run or reach the network. */
  webkit_web_view_call_async_javascript_function (llm_answer_view_get_web_view (view),
    "document.querySelector('article').insertAdjacentHTML('beforeend', payload); return true;", -1,
    g_variant_new_parsed ("{'payload': <%s>}",
                          g_strdup_printf ("<img src=x onerror=\"window.pwned='injected'\">"
                                           "<img src=\"http://127.0.0.1:%u/injected.png\">"
                                           "<link rel=stylesheet href=\"http://127.0.0.1:%u/style.css\">"
                                           "<div style=\"background:url(http://127.0.0.1:%u/bg.png)\">bg</div>"
                                           "<iframe src=\"http://127.0.0.1:%u/frame2\"></iframe>"
                                           "<a id=nav href=\"http://127.0.0.1:%u/nav\">nav</a>",
                                           port, port, port, port, port)),
    "llm", NULL, NULL, NULL, NULL);
  llm_test_wait (300);
  g_free (llm_test_eval (view, "document.getElementById('nav').click(); 'clicked'"));

  /* Give any stray request time to arrive. */
  llm_test_wait (1500);

  result = llm_test_eval (view, "typeof window.pwned");
  g_assert_cmpstr (result, ==, "undefined");
  g_clear_pointer (&result, g_free);

  /* Still on the one page, and still answering. */
  g_assert_cmpstr (webkit_web_view_get_uri (llm_answer_view_get_web_view (view)), ==, "app://llm/page/page.html");
  g_assert_cmpuint (n_requests, ==, 0);

  /* Web links went to the browser instead; the javascript: one nowhere. */
  external = g_strdup_printf ("https://127.0.0.1:%u/external", port);
  g_assert_cmpuint (opened->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (opened, 0), ==, external);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (opened, 1), "/nav"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-question", NULL);
  llm_test_wait_for_shown (view);
  result = llm_test_eval (view, "document.querySelector('header h1').textContent");
  g_assert_cmpstr (result, ==, "2.Plain");

  llm_test_screenshot ("hostile");

  g_socket_service_stop (service);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
show_payloads (const char * const *list,
               guint               n_payloads)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GString) markdown = g_string_new ("## Payloads\n");
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *result = NULL;
  g_autofree char *expected = NULL;
  const char *uri;
  LlmAnswerView *view;
  LlmWindow *window;
  guint16 port;

  n_requests = 0;
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), NULL);
  g_socket_service_start (service);

  for (guint i = 0; i < n_payloads; i++)
    {
      g_autofree char *payload = g_strdup_printf (list[i], port);

      g_string_append_printf (markdown, "### %u. Payload %u\n\n%s\n\n", i + 1, i + 1, payload);
      g_string_append_printf (note, "%s\n\n", payload);
    }

  collection = llm_collection_load_data (markdown->str, markdown->len, "payloads", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, n_payloads);

  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  g_signal_connect (view, "open-external", G_CALLBACK (on_open_external), opened);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  /* Every payload as an answer, with its links clicked. */
  for (guint i = 0; i < n_payloads; i++)
    {
      llm_window_show_question (window, llm_collection_get_question (collection, i));
      llm_test_wait_for_shown (view);
      g_free (llm_test_eval (view, "document.querySelectorAll('article a').forEach(a => a.click()); 'clicked'"));
      /* Nothing the notes wrote claims the page's ids, and none of their
       * markup outside the whitelist is left (KaTeX's own output aside:
       * it writes MathML, SVG and styles itself). */
      result = llm_test_eval (view, "document.querySelectorAll('#content').length + ' ' + "
                                    "[...document.querySelectorAll('article :is(script, style, iframe, svg, math, "
                                    "template, noscript, form, object, embed, meta, base, link, [style], "
                                    "[onerror], [onclick], [onmouseover], [ontoggle], [srcset]):not(.katex *, .katex-error)')]"
                                    ".map(e => e.outerHTML).join(' ')");
      if (!g_str_equal (result, "1 "))
        g_test_message ("payload %u: %s", i + 1, list[i]);
      g_assert_cmpstr (result, ==, "1 ");
      g_clear_pointer (&result, g_free);
    }

  /* All of them at once in a personal note. */
  llm_answer_view_set_note (view, note->str);
  llm_test_wait_for_shown (view);
  g_free (llm_test_eval (view, "document.querySelectorAll('section.my-notes a').forEach(a => a.click()); 'clicked'"));

  llm_test_wait (1500);

  result = llm_test_eval (view, "typeof window.pwned + ' ' + typeof window.parent.pwned");
  g_assert_cmpstr (result, ==, "undefined undefined");
  /* The one page still, at most scrolled to an anchor of its own ("#x"
   * is a link the sanitiser keeps). */
  uri = webkit_web_view_get_uri (llm_answer_view_get_web_view (view));
  g_assert_true (g_str_equal (uri, "app://llm/page/page.html") ||
                 g_str_has_prefix (uri, "app://llm/page/page.html#"));
  g_assert_cmpuint (n_requests, ==, 0);
  g_test_message ("%u payloads shown as answers and as a note: 0 scripts ran, %u requests, %u links handed to the browser",
                  n_payloads, n_requests, opened->len);

  /* And the app still answers. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-question", NULL);
  llm_test_wait_for_shown (view);
  g_clear_pointer (&result, g_free);
  result = llm_test_eval (view, "document.querySelector('header h1').textContent");
  expected = g_strdup_printf ("%u.Payload %u", n_payloads - 1, n_payloads - 1);
  g_assert_cmpstr (result, ==, expected);

  g_socket_service_stop (service);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_payload_corpus (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (payloads), >=, 50);
  show_payloads (payloads, G_N_ELEMENTS (payloads));
}

/* The sanitiser's: besides the rest, no markup of theirs may survive but
 * the whitelist's, and no class or id the renderer did not set. */
static void
test_sanitizer_payloads (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (sanitizer_payloads), >=, 30);
  show_payloads (sanitizer_payloads, G_N_ELEMENTS (sanitizer_payloads));
}

/* The two payloads that attack size (hostile-payloads.h), each shown as
 * an answer and as a note: the window must keep answering. */
/* The longest the window's main loop went without running a 50 ms timer. */
static gint64 last_tick, longest_stall;

static gboolean
on_tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  longest_stall = MAX (longest_stall, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
test_huge_payloads (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(LlmSettings) settings = llm_settings_new ();
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GString) line = NULL;
  g_autoptr(GString) quotes = NULL;
  g_autoptr(GString) markdown = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  LlmAnswerView *view;
  LlmWindow *window;
  guint16 port;

  n_requests = 0;
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), NULL);
  g_socket_service_start (service);

  line = hostile_huge_line (port);
  quotes = hostile_deep_quotes (port);

  markdown = g_string_new ("## Huge\n### 1. Line\n\n");
  g_string_append_len (markdown, line->str, line->len);
  g_string_append (markdown, "\n### 2. Quotes\n\n");
  g_string_append_len (markdown, quotes->str, quotes->len);
  g_string_append (markdown, "\n### 3. Plain\n\nStill here.\n");
  collection = llm_collection_load_data (markdown->str, markdown->len, "huge", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (llm_collection_get_n_questions (collection), ==, 3);

  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  view = llm_window_get_answer_view (window);
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (view);

  for (guint i = 0; i < 2; i++)
    {
      gint64 start = g_get_monotonic_time ();
      guint tick;

      longest_stall = 0;
      last_tick = start;
      tick = g_timeout_add (50, on_tick, NULL);
      llm_window_show_question (window, llm_collection_get_question (collection, i));
      on_tick (NULL);
      llm_test_wait_for_shown (view);
      g_source_remove (tick);
      g_test_message ("payload %u shown as an answer in %.1f s; the window's longest stall %.1f s",
                      i + 1, (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC,
                      longest_stall / (double)G_USEC_PER_SEC);
      /* The page may take its time; the window may not. */
      g_assert_cmpint (longest_stall, <, 5 * G_USEC_PER_SEC);

      /* The long line says why it is plain text. */
      if (i == 0)
        {
          result = llm_test_eval (view, "document.querySelectorAll('article .too-long').length");
          g_assert_cmpstr (result, ==, "1");
          g_clear_pointer (&result, g_free);
        }
    }

  /* The deep quote is there, however deep WebKit lets the tree go. */
  result = llm_test_eval (view, "document.querySelector('article').textContent.includes('deep') ? 'yes' : 'no'");
  g_assert_cmpstr (result, ==, "yes");
  g_clear_pointer (&result, g_free);

  /* Both again as personal notes, under the plain answer. */
  llm_window_show_question (window, llm_collection_get_question (collection, 2));
  llm_test_wait_for_shown (view);
  llm_answer_view_set_note (view, line->str);
  llm_test_wait_for_shown (view);
  result = llm_test_eval (view, "document.querySelector('section.my-notes .too-long') !== null");
  g_assert_cmpstr (result, ==, "true");
  g_clear_pointer (&result, g_free);
  llm_answer_view_set_note (view, quotes->str);
  llm_test_wait_for_shown (view);

  llm_test_wait (1000);
  result = llm_test_eval (view, "typeof window.pwned");
  g_assert_cmpstr (result, ==, "undefined");
  g_clear_pointer (&result, g_free);
  g_assert_cmpstr (webkit_web_view_get_uri (llm_answer_view_get_web_view (view)), ==, "app://llm/page/page.html");
  g_assert_cmpuint (n_requests, ==, 0);

  /* And the app still answers. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-question", NULL);
  llm_test_wait_for_shown (view);
  result = llm_test_eval (view, "document.querySelector('header h1').textContent");
  g_assert_cmpstr (result, ==, "2.Quotes");
  g_test_message ("2 huge payloads shown as answers and as notes: 0 scripts ran, 0 requests");

  g_socket_service_stop (service);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The test itself must be able to fail: with the same server, a request the
 * test makes on purpose is counted. */
static void
test_server_counts (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  n_requests = 0;
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), NULL);
  g_socket_service_start (service);

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &error);
  g_assert_no_error (error);
  llm_test_wait (200);
  g_assert_cmpuint (n_requests, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/hostile/markdown", test_hostile_markdown);
  g_test_add_func ("/llm/hostile/payload-corpus", test_payload_corpus);
  g_test_add_func ("/llm/hostile/sanitizer-payloads", test_sanitizer_payloads);
  g_test_add_func ("/llm/hostile/huge-payloads", test_huge_payloads);
  g_test_add_func ("/llm/hostile/server-counts", test_server_counts);

  return g_test_run ();
}
