/* llm-topic.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_TOPIC (llm_topic_get_type())

G_DECLARE_FINAL_TYPE (LlmTopic, llm_topic, LLM, TOPIC, GObject)

LlmTopic   *llm_topic_new       (const char  *title);
const char *llm_topic_get_title (LlmTopic    *self);
void        llm_topic_append    (LlmTopic    *self,
                                 LlmQuestion *question);
LlmTopic   *llm_topic_new_group    (const char *title);
gboolean    llm_topic_is_group     (LlmTopic   *self);
void        llm_topic_append_topic (LlmTopic   *self,
                                    LlmTopic   *topic);
void        llm_topic_set_location (LlmTopic    *self,
                                    const char  *source,
                                    const guint *lines,
                                    guint        n_lines);
const char *llm_topic_get_source   (LlmTopic    *self);
const guint *llm_topic_get_lines   (LlmTopic    *self,
                                    guint       *n_lines);

G_END_DECLS
