/* llm-collection-loader.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-types.h"

G_BEGIN_DECLS

#define LLM_COLLECTION_ERROR (llm_collection_error_quark())

typedef enum
{
  LLM_COLLECTION_ERROR_BINARY,
  LLM_COLLECTION_ERROR_EMPTY,
} LlmCollectionError;

GQuark         llm_collection_error_quark (void);
LlmCollection *llm_collection_load_data   (const char  *text,
                                           gssize       length,
                                           const char  *fallback_title,
                                           GFile       *base,
                                           GError     **error);
LlmCollection *llm_collection_load_file   (GFile       *file,
                                           GError     **error);
char         **llm_collection_key_points  (const char  *answer);

/* Below: shared with llm-folder-loader.c and llm-outline.c, not meant for
 * the app. A draft is one parsed file as plain data, so threads can make
 * them. */

typedef struct
{
  char *title;        /* the heading as written, NULL for the file's own text */
  char *id;           /* made from the title, not yet unique; or NULL */
  guint number;       /* from the title's "N." prefix, 0 if none */
  guint line;         /* 1-based line of its heading, 0 for the file's own */
  gboolean is_page;   /* shown and searched, but not a study card */
  char *answer;
  GStrv key_points;
} LlmDraftQuestion;

typedef struct
{
  char *title;           /* NULL: the file's own topic */
  GArray *lines;         /* of guint: 1-based lines of the headings it shows */
  guint depth;           /* how many topics it is inside */
  GPtrArray *questions;  /* of LlmDraftQuestion, cards and pages */
} LlmDraftTopic;

typedef struct
{
  char *title;            /* from front matter */
  char *date;             /* from front matter */
  char *language;         /* from front matter: lang or language */
  GStrv tags;             /* from front matter, never NULL */
  char *heading_title;    /* a "#" title standing alone above the rest */
  GPtrArray *topics;      /* of LlmDraftTopic, none empty */
  guint n_questions;      /* study cards */
  guint n_entries;        /* cards and pages */
  gssize invalid_offset;  /* first byte that is not UTF-8, or -1 */
} LlmDraft;

LlmDraft      *llm_draft_parse            (const char    *text,
                                           gsize          length,
                                           GError       **error);
LlmDraft      *llm_draft_parse_owned      (char          *text,
                                           gsize          length,
                                           GError       **error);
void           llm_draft_free             (LlmDraft      *draft);
void           llm_draft_question_free    (LlmDraftQuestion *question);
char          *llm_draft_finish_answer    (char          *text);
const char    *llm_draft_unique_id        (GHashTable    *ids,
                                           const char    *id);
void           llm_draft_add_warnings     (LlmDraft      *draft,
                                           LlmCollection *collection,
                                           const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlmDraft, llm_draft_free)

G_END_DECLS
