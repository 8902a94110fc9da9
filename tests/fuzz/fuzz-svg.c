/* fuzz-svg.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* llm_image_sanitize_svg() on the raw bytes, as the HTML export runs it on
 * every SVG a note shows. Whatever it returns must be inert opened on its
 * own: the oracle (svg-oracle.h, shared with test-html-export) parses it
 * again and fails on anything that runs or loads. Besides: what the
 * sniffer calls SVG the sanitiser accepts, and nothing it accepts is
 * sniffed as another type, and the output,
 * sanitised again, comes back byte for byte (nothing is left for a second
 * pass to find). */

#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "llm-image.h"
#include "svg-oracle.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *clean = NULL;
  g_autofree char *again = NULL;
  g_autofree char *offence = NULL;
  const char *type;
  gsize length = 0;
  gsize again_length = 0;

  clean = llm_image_sanitize_svg ((const char *)data, size, &length);
  type = llm_image_sniff ((const char *)data, size);

  if (clean == NULL)
    {
      if (g_strcmp0 (type, "image/svg+xml") == 0)
        g_error ("Sniffed as SVG, refused by the sanitiser");
      return 0;
    }
  /* The other way round the sniffer may say nothing: it takes only UTF-8,
   * and libxml2 reads UTF-16 too. */
  if (type != NULL && strcmp (type, "image/svg+xml") != 0)
    g_error ("Sanitised as SVG, sniffed as %s", type);

  if (strlen (clean) != length)
    g_error ("Sanitised SVG holds a NUL");
  if (!g_utf8_validate (clean, length, NULL))
    g_error ("Sanitised SVG is not valid UTF-8");

  offence = svg_oracle_check (clean, length);
  if (offence != NULL)
    g_error ("Sanitised SVG has %s:\n%s", offence, clean);

  again = llm_image_sanitize_svg (clean, length, &again_length);
  if (again == NULL)
    g_error ("Sanitised SVG is refused when sanitised again:\n%s", clean);
  if (again_length != length || memcmp (again, clean, length) != 0)
    g_error ("Sanitised twice, the SVG changes:\n%s\n---\n%s", clean, again);

  return 0;
}
