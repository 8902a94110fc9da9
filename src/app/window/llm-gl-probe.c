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
 * real GPU it leaves both alone. */

#include "config.h"

#include <epoxy/gl.h>
#include <gtk/gtk.h>

#include "llm-gl-probe.h"

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
 * llm_gl_probe_is_software:
 *
 * Asks the default display once and remembers the answer. Call it after
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
