/* llm-image.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *llm_image_sniff        (const char *data,
                                    gsize       length);
char       *llm_image_sanitize_svg (const char *data,
                                    gsize       length,
                                    gsize      *out_length);

G_END_DECLS
