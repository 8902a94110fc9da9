/* llm-html-export-private.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The state of one HTML export, shared by the files that make it up:
 * the pages (llm-html-export.c), the files they carry
 * (llm-html-export-assets.c), the images (llm-html-export-images.c) and the
 * writing to disk (llm-html-export-staging.c). Not installed; nothing
 * outside src/core/export includes it.
 */

#pragma once

#include <gio/gio.h>

#include "llm-html-export.h"

G_BEGIN_DECLS

typedef struct
{
  LlmCollection *collection;
  LlmNoteStore *notes;
  GCancellable *cancellable;
  LlmHtmlExportStrings strings;
  const char *title;
  const char *language;

  GFile *dir;
  GHashTable *written;    /* path of every file written this time */
  GHashTable *images;     /* path inside the collection → href */
  GPtrArray *page_names;  /* question position → file name without ".html" */
  LlmQuestion *current;   /* the question being rendered */
  GError *image_error;    /* the first failure inside the embed resolver */
  gboolean wrote_highlight; /* highlight.js is in assets/ */
  GHashTable *refused;    /* paths inside the collection not published */
  GPtrArray *warnings;    /* (nullable): the caller's, one line per refusal */
  GPtrArray *staged;      /* Staged: written to a temporary file, not yet in place */
  GHashTable *folders;    /* folders the staged files go into, and theirs up to DIR */
  const LlmHtmlExportOptions *options;
} Export;

typedef struct
{
  char *temp;
  char *path;
} Staged;

void      export_staged_free    (Staged      *staged);
gboolean  export_write_file     (Export      *self,
                                 const char  *relative,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error);
gboolean  export_copy_file      (Export      *self,
                                 GFile       *source,
                                 const char  *relative,
                                 GError     **error);
gboolean  export_commit         (Export      *self,
                                 gboolean     with_progress,
                                 GError     **error);
void      export_report         (Export      *self,
                                 guint        done,
                                 guint        total,
                                 gboolean     syncing);
gboolean  export_sweep          (Export      *self,
                                 GFile       *folder,
                                 GError     **error);

gboolean  export_write_asset    (Export      *self,
                                 const char  *name,
                                 GError     **error);
gboolean  export_copy_highlight (Export      *self,
                                 GError     **error);
gboolean  export_copy_katex     (Export      *self,
                                 GFile       *katex_dir,
                                 GError     **error);

char     *export_resolve_image  (const char  *target,
                                 gpointer     user_data);

G_END_DECLS
