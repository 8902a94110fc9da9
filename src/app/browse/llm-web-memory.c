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
 * process is started with GDK_DEBUG=gl-disable.
 *
 * The page's fonts for Latin and Chinese text, Cantarell and Noto Sans
 * CJK SC, have no italic. Asked for italic, fontconfig answers with the
 * upright face and a slanting matrix (its 90-synthetic.conf), and WebKit's
 * font manager keeps one typeface per distinct answer: italic text opened
 * a second copy of each 20 MB Noto Sans CJK file, whose glyph pages filled
 * as the first copy's did. So the web process's fontconfig is given a
 * configuration that asks for these families upright whatever the style;
 * WebKit then slants them itself, as it does any face without an italic,
 * and one copy serves both (the web process after one pass over the
 * bundled notes: 212.7 → 201.4 MB).
 *
 * JavaScriptCore's optimizing compiler (DFG, and FTL after it) pays off in
 * code that runs for long; the page's scripts run in bursts of a few
 * hundred milliseconds at most, and the first typesetting of an answer of
 * 120 formulas took as long without it (226–296 ms either way, three runs
 * each), as did showing a 5,000-line code block (95.5 against 97.8 ms).
 * What it compiled stayed: the web process was 3.5 MB smaller after one pass
 * over the bundled notes without it. So the web process is started with
 * JSC_useDFGJIT=false.
 *
 * The UI process read these variables long before, so it is not affected;
 * they are taken out again once the page has started to load, so that
 * programs the app launches later (a browser for a link) never see them.
 * What the user set is left alone. */

#include "config.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>

#include "llm-gl-probe.h"
#include "llm-web-memory.h"

/* The families page.css names that have no italic. */
static const char * const upright_families[] = {
  "Cantarell",
  "Noto Sans CJK SC",
  "Noto Sans Mono CJK SC",
};

/* Set by llm_web_memory_prepare_context(), for the life of the process. */
static char *fonts_conf_path;

typedef enum
{
  SET_GDK_DEBUG = 1 << 0,
  SET_FONTCONFIG_FILE = 1 << 1,
  SET_JSC_DFG = 1 << 2,
} SetVariables;

static char *
fonts_conf_contents (const char *system_conf)
{
  GString *conf = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (system_conf, -1);

  g_string_append (conf,
                   "<?xml version=\"1.0\"?>\n"
                   "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
                   "<!-- Written by LLM Notes for its answer page's web process. -->\n"
                   "<fontconfig>\n");
  g_string_append_printf (conf, "  <include>%s</include>\n", escaped);
  for (gsize i = 0; i < G_N_ELEMENTS (upright_families); i++)
    g_string_append_printf (conf,
                            "  <match target=\"pattern\">\n"
                            "    <test qual=\"first\" name=\"family\"><string>%s</string></test>\n"
                            "    <test name=\"slant\" compare=\"not_eq\"><const>roman</const></test>\n"
                            "    <edit name=\"slant\" mode=\"assign\" binding=\"same\"><const>roman</const></edit>\n"
                            "  </match>\n",
                            upright_families[i]);
  g_string_append (conf, "</fontconfig>\n");

  return g_string_free (conf, FALSE);
}

/* The system's configuration, which the written one includes first. */
static char *
find_system_conf (void)
{
  FcChar8 *found = FcConfigGetFilename (NULL, (const FcChar8 *)"fonts.conf");
  char *path = NULL;

  if (found != NULL && g_file_test ((const char *)found, G_FILE_TEST_IS_REGULAR))
    path = g_strdup ((const char *)found);
  FcStrFree (found);

  return path;
}

/**
 * llm_web_memory_prepare_context:
 * @context: a web context that has not started a web process yet
 *
 * Writes the fontconfig configuration its web processes are started with
 * (see llm_web_memory_prepare()) and lets them read it. Without a place to
 * write it, or with FONTCONFIG_FILE set, they use the system's.
 */
void
llm_web_memory_prepare_context (WebKitWebContext *context)
{
  g_autofree char *system_conf = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  gboolean written_ok = TRUE;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WEBKIT_IS_WEB_CONTEXT (context));

  if (g_getenv ("FONTCONFIG_FILE") != NULL || (system_conf = find_system_conf ()) == NULL)
    return;

  folder = g_build_filename (g_get_user_runtime_dir (), "llm-notes", NULL);
  path = g_build_filename (folder, "web-fonts.conf", NULL);
  contents = fonts_conf_contents (system_conf);
  /* Written at each start only if it differs, and without waiting for
   * the disk: it is made again whenever it is missing. */
  if (!g_file_get_contents (path, &written, NULL, NULL) || !g_str_equal (written, contents))
    written_ok = g_mkdir_with_parents (folder, 0700) == 0
                 && g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  if (!written_ok)
    {
      g_debug ("Web process fonts left as the system has them: %s",
               error != NULL ? error->message : g_strerror (errno));
      return;
    }

  /* The sandbox shows the web process only what it is given. */
  webkit_web_context_add_path_to_sandbox (context, folder, TRUE);
  g_free (fonts_conf_path);
  fonts_conf_path = g_steal_pointer (&path);
}

static void
on_load_changed (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 gpointer         user_data)
{
  SetVariables set = GPOINTER_TO_UINT (user_data);

  /* By the first load event the web process has been started. */
  if (set & SET_GDK_DEBUG)
    g_unsetenv ("GDK_DEBUG");
  if (set & SET_FONTCONFIG_FILE)
    g_unsetenv ("FONTCONFIG_FILE");
  if (set & SET_JSC_DFG)
    g_unsetenv ("JSC_useDFGJIT");
  g_signal_handlers_disconnect_by_func (web_view, on_load_changed, user_data);
}

/**
 * llm_web_memory_prepare:
 * @web_view: a web view about to load its page, in a first web process
 *   or in one that replaces a process that ended
 *
 * Sets the environment @web_view's web process will be started with, and
 * takes it back once that process has started.
 */
void
llm_web_memory_prepare (WebKitWebView *web_view)
{
  SetVariables set = 0;

  g_return_if_fail (WEBKIT_IS_WEB_VIEW (web_view));

  if (llm_gl_probe_is_software () && g_getenv ("GDK_DEBUG") == NULL)
    {
      g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
      set |= SET_GDK_DEBUG;
    }
  if (fonts_conf_path != NULL && g_getenv ("FONTCONFIG_FILE") == NULL)
    {
      g_setenv ("FONTCONFIG_FILE", fonts_conf_path, TRUE);
      set |= SET_FONTCONFIG_FILE;
    }
  if (g_getenv ("JSC_useDFGJIT") == NULL)
    {
      g_setenv ("JSC_useDFGJIT", "false", TRUE);
      set |= SET_JSC_DFG;
    }

  if (set != 0)
    g_signal_connect (web_view, "load-changed", G_CALLBACK (on_load_changed), GUINT_TO_POINTER (set));
}
