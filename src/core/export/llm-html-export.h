/* llm-html-export.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "llm-collection.h"
#include "llm-note-store.h"

G_BEGIN_DECLS

/* Where Debian's libjs-katex puts KaTeX; its fonts/ is a symlink into
 * fonts-katex. */
#define LLM_HTML_EXPORT_KATEX_DIR "/usr/share/javascript/katex"
/* Debian's libjs-highlight.js, copied into every export. */
#define LLM_HTML_EXPORT_HIGHLIGHT_JS "/usr/share/javascript/highlight.js/highlight.min.js"

/* Every label is nullable and then falls back to the translated default. */
typedef struct
{
  const char *my_notes;  /* "My Notes" */
  const char *contents;  /* "Contents": the way back to the index */
  const char *previous;  /* "Previous" */
  const char *next;      /* "Next" */
} LlmHtmlExportStrings;

typedef struct
{
  /* (nullable): a folder holding katex.min.js, katex.min.css and fonts/;
   * a resource:// folder works too. Defaults to LLM_HTML_EXPORT_KATEX_DIR. */
  GFile               *katex_dir;
  /* (nullable): defaults to the collection's title */
  const char          *title;
  /* (nullable): the pages' lang attribute, such as "zh-CN" */
  const char          *language;
  LlmHtmlExportStrings strings;
  /* (nullable): gets one translated line (char *) for each file a note
   * shows that was not published: not an image, hidden, or outside the
   * collection's folder */
  GPtrArray           *warnings;
  /* (nullable): called in the exporting thread after each question's page
   * (@syncing FALSE, @done of @total questions), then while the files are
   * made durable (@syncing TRUE, @done of @total files and folders, each
   * synced once) */
  void               (*progress) (guint    done,
                                  guint    total,
                                  gboolean syncing,
                                  gpointer user_data);
  gpointer             progress_data;
} LlmHtmlExportOptions;

gboolean llm_html_export (LlmCollection              *collection,
                          LlmNoteStore               *notes,
                          GFile                      *dir,
                          const LlmHtmlExportOptions *options,
                          GCancellable               *cancellable,
                          GError                    **error);

G_END_DECLS
