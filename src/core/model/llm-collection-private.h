/* llm-collection-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What llm-collection.c (the collection itself) shares with
 * llm-collection-embed.c (resolving embeds inside its folder). */

#pragma once

#include "llm-collection.h"

G_BEGIN_DECLS

/* The list of topics, plus a flat index of every question so that look-ups
 * by id and next/previous stay cheap for collections of thousands. */
struct _LlmCollection
{
  GObject parent_instance;

  char *title;
  char *date;
  char *language;          /* from front matter, or NULL */
  GStrv tags;
  GFile *base;

  GPtrArray *topics;       /* every topic, in reading order, none a group */
  GListStore *tree;        /* the top level: topics and groups */
  GPtrArray *questions;
  GHashTable *by_id;       /* id → LlmQuestion (borrowed from questions) */
  GHashTable *positions;   /* LlmQuestion → index + 1 */
  GHashTable *parents;     /* LlmQuestion → LlmTopic, LlmTopic → group */
  GPtrArray *warnings;     /* NULL-terminated */
  GPtrArray *problem_files; /* the file of each warning, or NULL */
  GHashTable *files;       /* basename → GPtrArray of relative paths */
};

G_END_DECLS
