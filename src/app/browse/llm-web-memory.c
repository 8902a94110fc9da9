/* llm-web-memory.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the answer view's web process is started with, to keep it small.
 *
 * WebKit's web process opens the display through GDK, and GDK 4.8 makes a
 * GL context there as it does in any process, although WebKit never draws
 * with it. On a software GL (see llm-gl-probe.c) the web process draws
 * without compositing, and that unused context cost 6 MB of its RSS
 * (2.8 MB heap, 2 MB more of Mesa's swrast touched; measured with
 * `bench.py --only memory`, 175.5 → 169.9 MB). So on software GL the web
 * process is started with GDK_DEBUG=gl-disable. The UI process read
 * GDK_DEBUG long before, so it is not affected; the variable is taken out
 * again once the page has started to load, so that programs the app
 * launches later (a browser for a link) never see it. A GDK_DEBUG the
 * user set is left alone. */

#include "config.h"

#include "llm-gl-probe.h"
#include "llm-web-memory.h"

static void
on_load_changed (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 gpointer         user_data)
{
  /* By the first load event the web process has been started. */
  g_unsetenv ("GDK_DEBUG");
  g_signal_handlers_disconnect_by_func (web_view, on_load_changed, user_data);
}

/**
 * llm_web_memory_prepare:
 * @web_view: a web view that has not loaded anything yet
 *
 * Sets the environment @web_view's web process will be started with, and
 * takes it back once that process has started.
 */
void
llm_web_memory_prepare (WebKitWebView *web_view)
{
  g_return_if_fail (WEBKIT_IS_WEB_VIEW (web_view));

  if (!llm_gl_probe_is_software () || g_getenv ("GDK_DEBUG") != NULL)
    return;

  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  g_signal_connect (web_view, "load-changed", G_CALLBACK (on_load_changed), NULL);
}
