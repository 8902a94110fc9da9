/* lossless-report.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a notes file or folder as the app does and prints what a reader
 * could reach: lossless-report PATH [--verbose]
 */

#include <locale.h>

#include "llm-collection-loader.h"
#include "llm-folder-loader.h"
#include "llm-lossless.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) path = NULL;
  g_autoptr(LlmCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  LlmLosslessCounts counts;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: lossless-report PATH [--verbose]\n");
      return 2;
    }

  path = g_file_new_for_commandline_arg (argv[1]);
  collection = llm_collection_load_path (path, NULL, &error);
  if (collection == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  llm_lossless_check (collection, path, &counts, report);
  if (argc > 2)
    g_print ("%s", report->str);
  g_print ("files\t%u\ntopics\t%u\ncards\t%u\npages\t%u\nempty_cards\t%u\n"
           "source_lines\t%u\nmissing\t%u\nextra\t%u\nreachable\t%.2f%%\n",
           counts.files, counts.topics, counts.cards, counts.pages, counts.empty_cards,
           counts.source_lines, counts.missing, counts.extra,
           counts.source_lines ? 100.0 * (counts.source_lines - counts.missing) / counts.source_lines : 100.0);

  return 0;
}
