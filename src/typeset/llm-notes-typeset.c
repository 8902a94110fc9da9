/* llm-notes-typeset.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The typesetting helper: KaTeX in a process of its own, started by the
 * app (llm-typesetter.c) when an answer holds math and ended when it has
 * been idle a while, so that what running KaTeX costs is given back
 * whole. Loaded into the answer page's web process, KaTeX and what its
 * JavaScript compiled and allocated stayed there for the life of the page:
 * 6 MB of the web process after 1,000 switches through the bundled notes,
 * for three formulas.
 *
 * It reads messages on stdin and answers on stdout, each a GVariant in
 * normal form after its size (a 32-bit unsigned integer, little-endian).
 * The first message holds the scripts to run, in order, as "as": KaTeX,
 * its options and typeset.js. Each one after it holds formulas as the
 * renderer writes them, "as", and is answered with the HTML each became,
 * "as", in the same order. It ends when stdin does, or at the first
 * message it cannot read. */

#include "config.h"

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <jsc/jsc.h>
#include <unistd.h>

/* A message larger than this is not one the app sends. */
#define MAX_MESSAGE (64 * 1024 * 1024)

static gboolean
read_exactly (GInputStream *input,
              gpointer      buffer,
              gsize         size)
{
  gsize read;

  return g_input_stream_read_all (input, buffer, size, &read, NULL, NULL) && read == size;
}

static GVariant *
read_message (GInputStream       *input,
              const GVariantType *type)
{
  guint32 size;
  guint8 *data;

  if (!read_exactly (input, &size, sizeof size))
    return NULL;
  size = GUINT32_FROM_LE (size);
  if (size > MAX_MESSAGE)
    return NULL;
  data = g_malloc (size);
  if (!read_exactly (input, data, size))
    {
      g_free (data);
      return NULL;
    }

  return g_variant_ref_sink (g_variant_new_from_data (type, data, size, FALSE, g_free, data));
}

static gboolean
write_message (GOutputStream *output,
               GVariant      *message)
{
  guint32 size = GUINT32_TO_LE ((guint32)g_variant_get_size (message));

  return g_output_stream_write_all (output, &size, sizeof size, NULL, NULL, NULL)
         && g_output_stream_write_all (output, g_variant_get_data (message), g_variant_get_size (message),
                                       NULL, NULL, NULL);
}

/* Runs the first message's scripts; returns typeset.js's typesetHtml(). */
static JSCValue *
load_scripts (JSCContext *context,
              GVariant   *scripts)
{
  GVariantIter iter;
  const char *script;
  JSCException *exception;

  g_variant_iter_init (&iter, scripts);
  while (g_variant_iter_next (&iter, "&s", &script))
    {
      g_autoptr(JSCValue) result = jsc_context_evaluate (context, script, -1);

      exception = jsc_context_get_exception (context);
      if (exception != NULL)
        {
          g_printerr ("llm-notes-typeset: %s\n", jsc_exception_get_message (exception));
          return NULL;
        }
    }

  return jsc_context_evaluate (context, "LLM_TYPESET.typesetHtml", -1);
}

static GVariant *
typeset (JSCContext *context,
         JSCValue   *typeset_html,
         GVariant   *formulas)
{
  GVariantBuilder results;
  GVariantIter iter;
  const char *formula;

  g_variant_builder_init (&results, G_VARIANT_TYPE_STRING_ARRAY);
  g_variant_iter_init (&iter, formulas);
  while (g_variant_iter_next (&iter, "&s", &formula))
    {
      g_autoptr(JSCValue) result = jsc_value_function_call (typeset_html, G_TYPE_STRING, formula, G_TYPE_NONE);
      g_autofree char *html = jsc_value_is_string (result) ? jsc_value_to_string (result) : NULL;

      /* What KaTeX could not take is shown as the renderer wrote it. */
      g_variant_builder_add (&results, "s", html != NULL ? html : formula);
      jsc_context_clear_exception (context);
    }

  return g_variant_ref_sink (g_variant_builder_end (&results));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(JSCContext) context = NULL;
  g_autoptr(JSCValue) typeset_html = NULL;
  g_autoptr(GVariant) scripts = NULL;
  int answers;

  /* The answers go out on a descriptor of their own: whatever else
   * writes to stdout (a library, a console message) goes to stderr and
   * cannot break a message. */
  answers = dup (STDOUT_FILENO);
  if (answers < 0 || dup2 (STDERR_FILENO, STDOUT_FILENO) < 0)
    return 1;
  output = g_unix_output_stream_new (answers, TRUE);

  scripts = read_message (input, G_VARIANT_TYPE_STRING_ARRAY);
  if (scripts == NULL)
    return 1;
  /* As in the web process (llm-web-memory.c): the optimizing compiler
   * made 120 formulas no faster (100 ms with it, 112 without) and the
   * helper 11 MB larger (59 MB against 48). */
  jsc_options_set_boolean (JSC_OPTIONS_USE_DFG, FALSE);
  context = jsc_context_new ();
  typeset_html = load_scripts (context, scripts);
  if (typeset_html == NULL || !jsc_value_is_function (typeset_html))
    return 1;

  for (;;)
    {
      g_autoptr(GVariant) formulas = read_message (input, G_VARIANT_TYPE_STRING_ARRAY);
      g_autoptr(GVariant) results = NULL;

      if (formulas == NULL)
        return 0;
      results = typeset (context, typeset_html, formulas);
      if (!write_message (output, results))
        return 1;
    }
}
