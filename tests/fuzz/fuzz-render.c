/* fuzz-render.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The renderer with its math pre-pass, ![[embeds]] and the ==mark==
 * extension: the input rendered as one answer, and every answer of the
 * collection it loads as. Embeds resolve against a real folder holding a
 * few images, so the resolver's paths run too. The HTML must never carry
 * markup the page does not expect, nor an image from outside the folder. */

#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "llm-collection.h"
#include "llm-collection-loader.h"
#include "llm-html-sanitizer.h"
#include "llm-question.h"
#include "llm-render.h"

static GFile *base;
static LlmCollection *empty;

/* As the answer page names the collection's files. */
#define FILES_PREFIX "app://collection/"

/* Beyond the sanitiser's whitelist: what the renderer adds itself. */
static const char * const renderer_tags[] = {
  "button", "input", "section",
};

static char *
resolve (const char *target,
         gpointer    user_data)
{
  g_autofree char *path = llm_collection_resolve_embed (user_data, target);
  g_autofree char *escaped = NULL;
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return NULL;

  file = llm_collection_resolve_path (user_data, path);
  if (file == NULL || !g_file_has_prefix (file, base))
    g_error ("Embed “%s” resolved to “%s”, outside the collection", target, path);

  escaped = g_uri_escape_string (path, "/", FALSE);
  return g_strconcat (FILES_PREFIX, escaped, NULL);
}

/* @attr points at an attribute of a tag in the output. */
static gboolean
is_unsafe_attribute (const char *attr)
{
  static const char * const schemes[] = { "javascript:", "vbscript:", "file:" };

  if (g_ascii_strncasecmp (attr, "on", 2) == 0 || g_ascii_strncasecmp (attr, "style", 5) == 0)
    return TRUE;

  if (g_str_has_prefix (attr, "href=\""))
    for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
      if (g_ascii_strncasecmp (attr + 6, schemes[i], strlen (schemes[i])) == 0)
        return TRUE;

  /* Images come from the collection's folder or are inline, never remote.
   * A data: URL's scheme and media type are case-insensitive; cmark keeps
   * "data:imAge/png" as it keeps "data:image/png". */
  return g_str_has_prefix (attr, "src=\"") && attr[5] != '"' &&
         !g_str_has_prefix (attr + 5, FILES_PREFIX) &&
         g_ascii_strncasecmp (attr + 5, "data:image/", strlen ("data:image/")) != 0;
}

/* Every '<' in the output opens a tag cmark, the sanitiser or the renderer
 * wrote: text is escaped, raw HTML rebuilt from the whitelist. Attributes
 * are quoted and never handlers. */
static void
check_html (const char *html)
{
  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      g_autofree char *name = NULL;
      const char *q = p + 1 + (p[1] == '/');
      gsize len = strspn (q, "abcdefghijklmnopqrstuvwxyz0123456789");
      gboolean known = FALSE;

      name = g_strndup (q, len);
      known = llm_html_element_is_allowed (name);
      for (guint i = 0; i < G_N_ELEMENTS (renderer_tags); i++)
        known |= g_str_equal (name, renderer_tags[i]);
      if (!known || strchr (" />", q[len]) == NULL)
        g_error ("Unexpected markup in rendered HTML: %.40s", p);

      for (q += len; *q != '>'; q++)
        {
          if (*q == '\0' || (*q == '"' && (q = strchr (q + 1, '"')) == NULL))
            g_error ("Unterminated tag in rendered HTML: %.40s", p);
          if (q[-1] == ' ' && is_unsafe_attribute (q))
            g_error ("Unsafe attribute in rendered HTML: %.60s", p);
        }
    }
}

static void
render (const char    *markdown,
        LlmCollection *collection)
{
  g_autofree char *html = llm_render_markdown (markdown, resolve, collection);
  g_autofree char *bare = llm_render_markdown (markdown, NULL, NULL);

  if (!g_utf8_validate (html, -1, NULL) || !g_utf8_validate (bare, -1, NULL))
    g_error ("Rendered HTML is not valid UTF-8");
  check_html (html);
  check_html (bare);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *scratch = NULL;
  g_autofree char *folder = NULL;
  const char *files[] = { "outside.png", "notes/figure.svg", "notes/my figure.png",
                          "notes/img/a.png", "notes/note.md" };

  fuzz_init ();
  scratch = fuzz_make_tmp_dir ();
  folder = g_build_filename (scratch, "notes", "img", NULL);
  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (scratch, files[i], NULL);

      fuzz_write_file (path, (const uint8_t *)"<svg/>", 6);
    }

  base = g_file_new_build_filename (scratch, "notes", NULL);
  empty = llm_collection_new ("Fuzz", base);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(LlmCollection) collection = NULL;

  render (text, empty);

  collection = llm_collection_load_data ((const char *)data, size, "Fuzz", base, NULL);
  for (guint i = 0; collection != NULL && i < llm_collection_get_n_questions (collection); i++)
    render (llm_question_get_answer (llm_collection_get_question (collection, i)), collection);

  return 0;
}
