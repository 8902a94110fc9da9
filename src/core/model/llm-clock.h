/* llm-clock.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a study session reads the time: unix milliseconds, UTC. Sessions
 * take one so that tests can run an interview's minutes in no time. */
typedef gint64 (*LlmClockFunc) (gpointer user_data);

static inline gint64
llm_clock_real (gpointer user_data)
{
  return g_get_real_time () / 1000;
}

G_END_DECLS
