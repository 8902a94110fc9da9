/* llm-bench.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bench mode, for tests/bench/bench.py. Environment:
 *
 *   LLM_NOTES_BENCH           set: bench mode; "start" measures the start
 *                             only, any other value runs everything
 *   LLM_NOTES_BENCH_T0        the harness's spawn time, CLOCK_MONOTONIC in
 *                             µs (g_get_monotonic_time()); without it, times
 *                             count from llm_bench_start()
 *   LLM_NOTES_BENCH_HOLD_MS   how long to hold still after "mark start"
 *                             (default 500), for the harness to read memory
 *                             and idle CPU
 *
 * The app prints "LLM_BENCH <name> <value>" lines on stdout and quits.
 */

#pragma once

#include "llm-window.h"

G_BEGIN_DECLS

gboolean llm_bench_requested (void);
void     llm_bench_start     (LlmWindow *window);

G_END_DECLS
