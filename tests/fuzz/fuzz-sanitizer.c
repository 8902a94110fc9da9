/* fuzz-sanitizer.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* llm_html_sanitize() on the raw bytes, NULs and all. The oracle parses
 * the output again and fails on any element or attribute outside the
 * whitelist, an image from anywhere but the collection, or a link outside
 * the policy (html-oracle.h, shared with test-sanitizer.c). The renderer,
 * which runs all its output through the sanitiser, is fuzz-render's. */

#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "html-oracle.h"
#include "llm-html-sanitizer.h"

#define IMAGE_PREFIX "app://collection/"

/* As the renderer does it: the name percent-encoded, nothing remote. */
static char *
image (const char *src,
       const char *alt,
       const char *title,
       const char *width,
       const char *height,
       gpointer    user_data)
{
  g_autofree char *escaped = NULL;

  if (g_uri_peek_scheme (src) != NULL || g_str_has_prefix (src, "//") || strstr (src, "..") != NULL)
    return NULL;
  escaped = g_uri_escape_string (src, "/", FALSE);

  return g_markup_printf_escaped ("<img src=\"" IMAGE_PREFIX "%s\" alt=\"%s\" />",
                                  escaped, alt != NULL ? alt : "");
}


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
  g_autofree char *clean = llm_html_sanitize ((const char *)data, size, image, NULL, NULL);
  g_autofree char *again = NULL;
  g_autofree char *offence = NULL;

  if (!g_utf8_validate (clean, -1, NULL))
    g_error ("Sanitised HTML is not valid UTF-8");

  offence = html_oracle_check (clean, IMAGE_PREFIX);
  if (offence != NULL)
    g_error ("Sanitised HTML has %s:\n%s", offence, clean);

  /* Its output, taken as input (as a note's HTML pasted into another
   * note), is as clean: no text it escaped comes back as markup. */
  again = llm_html_sanitize (clean, -1, image, NULL, NULL);
  g_clear_pointer (&offence, g_free);
  offence = html_oracle_check (again, IMAGE_PREFIX);
  if (offence != NULL)
    g_error ("Sanitised twice, the HTML has %s:\n%s", offence, again);

  return 0;
}
