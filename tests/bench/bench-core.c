/* bench-core.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core without a display: loads a synthetic collection of the bundled
 * notes repeated COPIES times (9,000 questions, about 12 MB) and renders
 * every answer of it. Prints "LLM_BENCH name value…" lines for the harness.
 *
 * Usage: bench-core NOTES.md [RUNS]
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-question.h"
#include "llm-render.h"

#define COPIES 300

/* Every copy gets unique question titles (so unique ids, as a real large
 * collection has) and its own topics; the front matter stays only once, as
 * a second one in the middle of a file would be text, not metadata. */
static GString *
make_collection (const char *notes)
{
  g_auto(GStrv) lines = g_strsplit (notes, "\n", -1);
  GString *out = g_string_sized_new (strlen (notes) * COPIES + COPIES * 1024);
  guint body = 0;

  if (g_str_equal (lines[0], "---"))
    for (body = 1; lines[body] != NULL; body++)
      if (g_str_equal (lines[body], "---"))
        {
          body++;
          break;
        }

  for (guint i = 0; i < body; i++)
    g_string_append_printf (out, "%s\n", lines[i]);

  for (guint copy = 1; copy <= COPIES; copy++)
    for (guint i = body; lines[i] != NULL; i++)
      {
        if (g_str_has_prefix (lines[i], "## ") || g_str_has_prefix (lines[i], "### "))
          g_string_append_printf (out, "%s (copy %u)\n", lines[i], copy);
        else
          g_string_append_printf (out, "%s\n", lines[i]);
      }

  return out;
}

static void
print_samples (const char *name,
               GArray     *samples)
{
  g_print ("LLM_BENCH %s", name);
  for (guint i = 0; i < samples->len; i++)
    g_print (" %.3f", g_array_index (samples, double, i));
  g_print ("\n");
}

static char *
resolve_embed (const char *target,
               gpointer    user_data)
{
  return llm_collection_resolve_embed (user_data, target);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) base = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *notes = NULL;
  guint runs;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("Usage: %s NOTES.md [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 2 ? (guint)atoi (argv[2]) : 5;

  file = g_file_new_for_commandline_arg (argv[1]);
  base = g_file_get_parent (file);
  if (!g_file_load_contents (file, NULL, &notes, NULL, NULL, &error))
    g_error ("%s", error->message);
  text = make_collection (notes);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(LlmCollection) collection = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;
      guint n;

      collection = llm_collection_load_data (text->str, text->len, "bench", base, &error);
      if (collection == NULL)
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (load_ms, ms);

      n = llm_collection_get_n_questions (collection);
      if (run == 0)
        g_print ("LLM_BENCH core_collection questions=%u bytes=%" G_GSIZE_FORMAT "\n", n, text->len);

      /* Rendering is timed on its own: it happens once per switch in the
       * app, never at load. */
      start = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        {
          LlmQuestion *question = llm_collection_get_question (collection, i);
          g_autofree char *html = llm_render_markdown (llm_question_get_answer (question),
                                                       resolve_embed, collection);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (render_ms, ms);
    }

  print_samples ("core_load_ms", load_ms);
  print_samples ("core_render_ms", render_ms);

  return 0;
}
