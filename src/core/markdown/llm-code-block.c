/* llm-code-block.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Owns the markup of a fenced code block: its header with the language and
 * the Copy button, and the class the page's highlighter looks for. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-code-block.h"

/* A language name goes into a class: letters, digits and "+#-_." only. */
static gboolean
is_language_name (const char *name)
{
  if (*name == '\0' || strlen (name) > 32)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("+#-_.", *p) == NULL)
      return FALSE;

  return TRUE;
}

/* @info is the fence's info string; only its first word, when it can be a
 * language name, becomes the class page.js highlights by. */
char *
llm_code_block_to_html (const char *info,
                        const char *code)
{
  g_autofree char *language = NULL;
  g_autofree char *header = NULL;
  g_autofree char *body = NULL;

  if (info != NULL)
    language = g_strndup (info, strcspn (info, " \t{"));
  if (code == NULL)
    code = "";

  if (language != NULL && is_language_name (language))
    {
      g_autofree char *lower = g_ascii_strdown (language, -1);

      header = g_markup_printf_escaped ("<div class=\"code-header\"><span class=\"code-language\">%s</span>"
                                        "<button class=\"code-copy\" type=\"button\" data-done=\"%s\">%s</button></div>",
                                        language, _("Copied"), _("Copy"));
      body = g_markup_printf_escaped ("<pre><code class=\"language-%s\">%s</code></pre>", lower, code);
    }
  else
    {
      header = g_markup_printf_escaped ("<div class=\"code-header\">"
                                        "<button class=\"code-copy\" type=\"button\" data-done=\"%s\">%s</button></div>",
                                        _("Copied"), _("Copy"));
      body = g_markup_printf_escaped ("<pre><code>%s</code></pre>", code);
    }

  return g_strconcat ("<div class=\"code-block\">", header, body, "</div>", NULL);
}
