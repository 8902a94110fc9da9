/* llm-gl-probe.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Tells whether OpenGL on this display is a software rasteriser (Mesa's
 * llvmpipe, softpipe or swrast), or missing.
 *
 * On such a display GTK 4.8's GL renderer and WebKit's accelerated
 * compositing both rasterise every frame on the CPU through an extra copy.
 * Measured with the benchmark harness under Xvfb, switching questions cost
 * ~176 ms of UI-process CPU with GL and ~23 ms with GTK's cairo renderer,
 * and the web process went from ~44 ms to ~12 ms with compositing off.
 * So on software GL the app asks for cairo and for no compositing; with a
 * real GPU it leaves both alone.
 *
 * Where the machine has no GPU at all, the UI process goes without GL:
 * Mesa's software driver links LLVM, and loading it was 49 MB of the UI
 * process's 189 MB RSS after start, for a GL context nothing draws with
 * (bench.py --only memory under Xvfb: UI 189 → 133 MB). Two callers ask
 * EGL for a display as the app starts: GDK when it opens the display, and
 * WebKit's UI side when it starts a web process (for the GPU to hand the
 * web process, and whether pages can be handed over as DMA-BUFs). */

#include "config.h"

#include <epoxy/egl.h>
#include <epoxy/gl.h>
#include <gtk/gtk.h>

#include "llm-gl-probe.h"

static gboolean without_gl;
static gboolean set_gdk_debug;

static gboolean
renderer_is_software (const char *renderer)
{
  static const char * const names[] = { "llvmpipe", "softpipe", "swrast", "Software Rasterizer" };

  if (renderer == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strstr (renderer, names[i]) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
probe (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GdkGLContext) context = NULL;
  gboolean software;

  if (without_gl)
    return TRUE;
  if (display == NULL)
    return FALSE;

  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return TRUE;

  gdk_gl_context_make_current (context);
  software = renderer_is_software ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  return software;
}

/**
 * llm_gl_probe_has_gpu_nodes:
 * @dev: the device folder, `/dev`
 *
 * A GPU driver reaches its hardware through a DRM node (`dri/card*`,
 * `dri/renderD*`) or, for NVIDIA's own driver, `nvidiactl`. With none of
 * them, the only OpenGL a process can get is a software rasteriser.
 *
 * Returns: %TRUE if @dev has a node a GPU driver could use
 */
gboolean
llm_gl_probe_has_gpu_nodes (const char *dev)
{
  g_autofree char *nvidia = g_build_filename (dev, "nvidiactl", NULL);
  g_autofree char *dri = g_build_filename (dev, "dri", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (nvidia, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open (dri, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "card") || g_str_has_prefix (name, "renderD"))
      return TRUE;

  return FALSE;
}

/**
 * llm_gl_probe_prepare:
 *
 * Call before GTK opens the display, and llm_gl_probe_finish() after.
 * On a machine without a GPU, it makes this process go without GL: GDK
 * is told not to make a GL context, and EGL is shown no driver. libglvnd
 * reads `__EGL_VENDOR_LIBRARY_FILENAMES` once, at the first EGL call, so
 * one call here, with the variable pointing at no driver, settles it for
 * the process; the variable is taken out at once, so the web process,
 * which needs EGL, finds its driver. A GDK_DEBUG, GSK_RENDERER or EGL
 * driver list the user set means they chose, and nothing is changed.
 */
void
llm_gl_probe_prepare (void)
{
  if (g_getenv ("GDK_DEBUG") != NULL || g_getenv ("GSK_RENDERER") != NULL
      || g_getenv ("__EGL_VENDOR_LIBRARY_FILENAMES") != NULL
      || llm_gl_probe_has_gpu_nodes ("/dev") || !epoxy_has_egl ())
    return;

  without_gl = TRUE;

  g_setenv ("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent", TRUE);
  eglQueryString (EGL_NO_DISPLAY, EGL_EXTENSIONS);
  g_unsetenv ("__EGL_VENDOR_LIBRARY_FILENAMES");

  set_gdk_debug = TRUE;
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
}

/**
 * llm_gl_probe_finish:
 *
 * Takes back what llm_gl_probe_prepare() put in the environment, once GTK
 * has read it, so that nothing the app starts later inherits it.
 */
void
llm_gl_probe_finish (void)
{
  if (set_gdk_debug)
    g_unsetenv ("GDK_DEBUG");
  set_gdk_debug = FALSE;
}

/**
 * llm_gl_probe_is_software:
 *
 * Asks the default display once and remembers the answer; without a GPU
 * (see llm_gl_probe_prepare()) it does not ask. Call it after
 * GTK is initialised and before the first window is realised, so that
 * setting `GSK_RENDERER` still has an effect.
 *
 * Returns: %TRUE if OpenGL is missing or rendered in software
 */
gboolean
llm_gl_probe_is_software (void)
{
  static gsize answer = 0;

  if (g_once_init_enter (&answer))
    g_once_init_leave (&answer, probe () ? 2 : 1);

  return answer == 2;
}
