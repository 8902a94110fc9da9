/* llm-gl-probe.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     llm_gl_probe_prepare       (void);
void     llm_gl_probe_finish        (void);
gboolean llm_gl_probe_is_software   (void);
gboolean llm_gl_probe_has_gpu_nodes (const char *dev);

G_END_DECLS
