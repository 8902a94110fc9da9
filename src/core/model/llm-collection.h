/* llm-collection.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_TYPE_COLLECTION (llm_collection_get_type())

G_DECLARE_FINAL_TYPE (LlmCollection, llm_collection, LLM, COLLECTION, GObject)

LlmCollection      *llm_collection_new               (const char    *title,
                                                      GFile         *base);
const char         *llm_collection_get_title         (LlmCollection *self);
void                llm_collection_set_title         (LlmCollection *self,
                                                      const char    *title);
const char         *llm_collection_get_date          (LlmCollection *self);
void                llm_collection_set_language      (LlmCollection *self,
                                                      const char    *language);
char               *llm_collection_dup_language      (LlmCollection *self);
void                llm_collection_set_date          (LlmCollection *self,
                                                      const char    *date);
const char * const *llm_collection_get_tags          (LlmCollection *self);
void                llm_collection_set_tags          (LlmCollection *self,
                                                      const char * const *tags);
GFile              *llm_collection_get_base          (LlmCollection *self);
void                llm_collection_append_topic      (LlmCollection *self,
                                                      LlmTopic      *topic);
guint               llm_collection_get_n_questions   (LlmCollection *self);
LlmQuestion        *llm_collection_get_question      (LlmCollection *self,
                                                      guint          index);
guint               llm_collection_get_position      (LlmCollection *self,
                                                      LlmQuestion   *question);
LlmQuestion        *llm_collection_lookup            (LlmCollection *self,
                                                      const char    *id);
LlmQuestion        *llm_collection_get_neighbour     (LlmCollection *self,
                                                      LlmQuestion   *question,
                                                      int            offset);
char               *llm_collection_resolve_embed     (LlmCollection *self,
                                                      const char    *target);
GFile              *llm_collection_resolve_path      (LlmCollection *self,
                                                      const char    *path);
void                llm_collection_append_group      (LlmCollection *self,
                                                      LlmTopic      *group);
GListModel         *llm_collection_get_tree          (LlmCollection *self);
LlmTopic           *llm_collection_get_parent        (LlmCollection *self,
                                                      gpointer       item);
void                llm_collection_add_warning       (LlmCollection *self,
                                                      const char    *message);
const char * const *llm_collection_get_warnings      (LlmCollection *self);
void                llm_collection_unref_in_thread   (LlmCollection *collection);
void                llm_collection_add_problem       (LlmCollection *self,
                                                      const char    *file,
                                                      const char    *message);
guint               llm_collection_get_n_problems    (LlmCollection *self);
const char         *llm_collection_get_problem_file  (LlmCollection *self,
                                                      guint          index);
const char         *llm_collection_get_problem       (LlmCollection *self,
                                                      guint          index);
void                llm_collection_add_file          (LlmCollection *self,
                                                      const char    *relative_path);
char               *llm_collection_resolve_embed_for (LlmCollection *self,
                                                      LlmQuestion   *question,
                                                      const char    *target);

G_END_DECLS
