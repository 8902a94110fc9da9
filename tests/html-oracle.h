/* html-oracle.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The check the sanitiser's tests and its fuzz target share: the output,
 * parsed again, holds only whitelisted elements and attributes, images only
 * from the collection and links only under the link policy. Returns a
 * description of the first offence, or NULL. A second, independent look at
 * links: whatever the policy function says, no href may start with a
 * script-bearing scheme once the characters browsers skip are gone. */

#pragma once

#include <string.h>

#include <libxml/HTMLparser.h>

#include "llm-html-sanitizer.h"

static inline gboolean
html_oracle_href_is_script (const char *href)
{
  static const char * const schemes[] = { "javascript:", "vbscript:", "data:", "file:" };
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = href; *p != '\0'; p++)
    if ((guchar)*p > 0x20 && *p != 0x7f)
      g_string_append_c (clean, g_ascii_tolower (*p));

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_has_prefix (clean->str, schemes[i]))
      return TRUE;

  return FALSE;
}

static inline char *
html_oracle_check_node (xmlNode    *node,
                        const char *image_prefix)
{
  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *)node->name;
      char *offence;

      if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE ||
          node->type == XML_CDATA_SECTION_NODE)
        return g_strdup_printf ("node of type %d", node->type);
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (!g_str_equal (name, "html") && !g_str_equal (name, "body") &&
          !llm_html_element_is_allowed (name))
        return g_strdup_printf ("element <%s>", name);

      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          xmlChar *value = xmlNodeListGetString (node->doc, attr->children, 1);
          const char *v = value != NULL ? (const char *)value : "";
          const char *a = (const char *)attr->name;
          gboolean ok;

          if (g_str_equal (name, "img") && g_str_equal (a, "src"))
            ok = image_prefix != NULL && g_str_has_prefix (v, image_prefix) &&
                 strstr (v, "..") == NULL;
          else
            ok = llm_html_attribute_is_allowed (name, a, v);
          if (g_str_equal (a, "href") && html_oracle_href_is_script (v))
            ok = FALSE;

          if (!ok)
            {
              offence = g_strdup_printf ("attribute %s=\"%s\" on <%s>", a, v, name);
              xmlFree (value);
              return offence;
            }
          xmlFree (value);
        }

      offence = html_oracle_check_node (node->children, image_prefix);
      if (offence != NULL)
        return offence;
    }

  return NULL;
}

/* @image_prefix: what every image's src must start with, or NULL for none */
static inline char *
html_oracle_check (const char *html,
                   const char *image_prefix)
{
  g_autofree char *doc_text = g_strconcat ("<!DOCTYPE html><html><body>", html, NULL);
  htmlDocPtr doc;
  char *offence;

  doc = htmlReadMemory (doc_text, strlen (doc_text), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE);
  if (doc == NULL)
    return NULL;
  offence = html_oracle_check_node (xmlDocGetRootElement (doc), image_prefix);
  xmlFreeDoc (doc);

  return offence;
}
