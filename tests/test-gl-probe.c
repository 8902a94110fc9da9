/* test-gl-probe.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the machine has no GPU, the UI process goes without GL: it never
 * loads a GL driver (read from /proc/self/maps), and the answer page still
 * shows, read back from the page. llm_test_init() prepares the process as
 * the app's startup does. Nor does a window at start load the SVG
 * renderer for the icons of status pages it does not show.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-gl-probe.h"
#include "llm-test-util.h"
#include "llm-window.h"

static void
touch (const char *dev,
       const char *name)
{
  g_autofree char *path = g_build_filename (dev, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
test_gpu_nodes (void)
{
  g_autofree char *dev = g_dir_make_tmp ("llm-notes-dev-XXXXXX", NULL);
  g_autofree char *nvidia = g_build_filename (dev, "nvidiactl", NULL);

  g_assert_false (llm_gl_probe_has_gpu_nodes (dev));

  /* What a machine without a GPU may still have under dri/. */
  touch (dev, "dri/by-path/platform-simple-framebuffer");
  g_assert_false (llm_gl_probe_has_gpu_nodes (dev));

  touch (dev, "dri/renderD128");
  g_assert_true (llm_gl_probe_has_gpu_nodes (dev));

  touch (dev, "nvidiactl");
  g_assert_true (llm_gl_probe_has_gpu_nodes (dev));
}

static gboolean
maps_mention (const char *needle)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, needle) != NULL;
}

static void
test_no_gl_driver_without_gpu (void)
{
  g_autoptr(GFile) base = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(LlmSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  LlmWindow *window;

  if (llm_gl_probe_has_gpu_nodes ("/dev"))
    {
      g_test_skip ("this machine has a GPU node; the app uses GL here");
      return;
    }

  collection = llm_collection_load_data ("## Topic\n### 1. Question\n\nThe **answer** shows.\n", -1,
                                         "gl.md", base, &error);
  g_assert_no_error (error);
  settings = llm_settings_new ();
  window = llm_window_new (NULL, settings, llm_test_get_user_data ());
  llm_window_set_collection (window, collection);
  gtk_window_present (GTK_WINDOW (window));
  llm_test_wait_for_shown (llm_window_get_answer_view (window));

  llm_test_assert_eval (llm_window_get_answer_view (window),
                        "document.querySelector('strong').textContent", "answer");
  g_assert_true (llm_gl_probe_is_software ());
  g_assert_false (maps_mention ("libLLVM"));
  g_assert_false (maps_mention ("_dri.so"));
  g_assert_false (maps_mention ("librsvg"));

  /* Nothing the app starts later inherits what the probe set. */
  g_assert_null (g_getenv ("GDK_DEBUG"));
  g_assert_null (g_getenv ("__EGL_VENDOR_LIBRARY_FILENAMES"));

  llm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  llm_test_init (&argc, &argv);

  g_test_add_func ("/llm/gl-probe/gpu-nodes", test_gpu_nodes);
  g_test_add_func ("/llm/gl-probe/no-gl-driver-without-gpu", test_no_gl_driver_without_gpu);

  return g_test_run ();
}
