/* xmap.c — when a program's first window appears, for programs the bench
 * cannot hook into (Devhelp). Usage: bench-xmap
 *
 * Watches the X server's root window and prints "ready" once it listens,
 * then "LLM_BENCH xmap_us T" with T the CLOCK_MONOTONIC time in µs of the
 * first top-level window that is mapped, and exits. bench.py starts the
 * measured program after "ready", alone on its own X server, so the first
 * window mapped is that program's; the time is read in the same way as
 * the floor's and the app's spawn time.
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <time.h>
#include <X11/Xlib.h>

int
main (void)
{
  Display *display = XOpenDisplay (NULL);
  struct timespec now;
  XEvent event;

  if (display == NULL)
    {
      fprintf (stderr, "bench-xmap: cannot open the display\n");
      return 1;
    }

  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);
  printf ("ready\n");
  fflush (stdout);

  for (;;)
    {
      XWindowAttributes attributes;

      XNextEvent (display, &event);
      if (event.type != MapNotify || event.xmap.override_redirect)
        continue;
      /* Toolkits map no 1×1 helper windows on X11, but be sure. */
      if (XGetWindowAttributes (display, event.xmap.window, &attributes)
          && (attributes.width <= 1 || attributes.height <= 1))
        continue;
      clock_gettime (CLOCK_MONOTONIC, &now);
      printf ("LLM_BENCH xmap_us %lld\n", (long long)now.tv_sec * 1000000 + now.tv_nsec / 1000);
      fflush (stdout);
      break;
    }

  XCloseDisplay (display);
  return 0;
}
