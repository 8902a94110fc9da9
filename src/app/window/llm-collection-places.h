/* llm-collection-places.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean llm_collection_places_lookup   (GSettings   *settings,
                                         const char  *collection,
                                         char       **question_id,
                                         double      *scroll_offset);
void     llm_collection_places_remember (GSettings   *settings,
                                         const char  *collection,
                                         const char  *question_id,
                                         double       scroll_offset);

G_END_DECLS
