/* llm-lossless.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counts what of a notes file or folder a reader can reach in the loaded
 * collection: every non-blank source line must be held by exactly one
 * node, as a heading it shows or a line of the text it shows.
 */

#pragma once

#include <gio/gio.h>

#include "llm-collection.h"

G_BEGIN_DECLS

typedef struct
{
  guint files;         /* markdown files read */
  guint cards;
  guint pages;
  guint topics;
  guint empty_cards;   /* cards whose answer shows nothing */
  guint source_lines;  /* non-blank lines outside front matter */
  guint missing;       /* source lines no node holds */
  guint extra;         /* lines nodes hold that are not in the source */
} LlmLosslessCounts;

void llm_lossless_check (LlmCollection     *collection,
                         GFile             *path,
                         LlmLosslessCounts *counts,
                         GString           *report);

G_END_DECLS
