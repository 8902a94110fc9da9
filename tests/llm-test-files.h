/* llm-test-files.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Temporary folders and a running main loop for the core tests, which
 * have no display and do not link the app (llm-test-util.h is for the
 * window tests).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *llm_test_make_folder (const char *prefix);
void  llm_test_remove_tree (const char *path);
void  llm_test_run_for     (guint       ms);

G_END_DECLS
