/* svg-oracle.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The check the SVG sanitiser's fuzz target and the export's test share:
 * a sanitised SVG, parsed again as a browser parses an SVG file, holds
 * nothing that runs or loads. No script, foreignObject, frame, object or
 * animation (an animation can set an href later); no element outside the
 * SVG namespace; no event attribute or xml:base; no href or src but to a
 * part of the drawing itself; no CSS that reaches outside it (url() to
 * anything but #id, @import, image-set, expression, or an escape that
 * could spell one of them); no DTD, entity or processing instruction.
 * It is written apart from llm-image.c, from what a browser does, and
 * returns a description of the first offence, or NULL. */

#pragma once

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define SVG_ORACLE_NS "http://www.w3.org/2000/svg"

/* What CSS may hold, in an attribute or a <style>, once lowercased. */
static inline gboolean
svg_oracle_css_is_local (const char *css)
{
  g_autofree char *lower = g_ascii_strdown (css, -1);

  if (strchr (lower, '\\') != NULL || strstr (lower, "@import") != NULL ||
      strstr (lower, "image-set") != NULL || strstr (lower, "expression") != NULL)
    return FALSE;

  /* url( may be followed by white space and a quote before its target. */
  for (const char *p = lower; (p = strstr (p, "url(")) != NULL; p += 4)
    {
      const char *target = p + 4;

      while (*target != '\0' && (g_ascii_isspace (*target) || *target == '"' || *target == '\''))
        target++;
      if (*target != '#')
        return FALSE;
    }

  return TRUE;
}

static inline char *
svg_oracle_check_element (xmlNode *element)
{
  static const char * const forbidden[] = {
    "script", "foreignobject", "iframe", "embed", "object", "handler", "listener",
    "set", "animate", "animatemotion", "animatetransform", "animatecolor", "discard",
  };
  const char *name = (const char *)element->name;

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (g_ascii_strcasecmp (name, forbidden[i]) == 0)
      return g_strdup_printf ("element <%s>", name);
  if (element->ns != NULL && g_strcmp0 ((const char *)element->ns->href, SVG_ORACLE_NS) != 0)
    return g_strdup_printf ("element <%s> from %s", name, element->ns->href);

  for (xmlAttr *attr = element->properties; attr != NULL; attr = attr->next)
    {
      const char *attr_name = (const char *)attr->name;
      xmlChar *raw = xmlNodeListGetString (element->doc, attr->children, 1);
      g_autofree char *value = g_strdup (raw != NULL ? (const char *)raw : "");
      const char *v = value;

      xmlFree (raw);
      if (g_ascii_strncasecmp (attr_name, "on", 2) == 0)
        return g_strdup_printf ("%s= on <%s>", attr_name, name);
      if (attr->ns != NULL && g_strcmp0 ((const char *)attr->ns->href, (const char *)XML_XML_NAMESPACE) == 0 &&
          strcmp (attr_name, "base") == 0)
        return g_strdup_printf ("xml:base on <%s>", name);
      if (g_ascii_strcasecmp (attr_name, "href") == 0 || g_ascii_strcasecmp (attr_name, "src") == 0)
        {
          /* Browsers strip leading and trailing C0 controls and spaces. */
          while (*v != '\0' && (guchar)*v <= 0x20)
            v++;
          if (*v != '#')
            return g_strdup_printf ("%s=\"%s\" on <%s>", attr_name, value, name);
        }
      else if (!svg_oracle_css_is_local (value))
        return g_strdup_printf ("%s=\"%s\" on <%s>", attr_name, value, name);
    }

  /* A stylesheet is the text of its text and CDATA children, joined: a
   * comment between two of them does not split a token. */
  if (g_ascii_strcasecmp (name, "style") == 0)
    {
      g_autoptr(GString) css = g_string_new (NULL);

      for (xmlNode *child = element->children; child != NULL; child = child->next)
        if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != NULL)
          g_string_append (css, (const char *)child->content);
      if (!svg_oracle_css_is_local (css->str))
        return g_strdup_printf ("<style> with “%s”", css->str);
    }

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      char *offence = NULL;

      switch (child->type)
        {
        case XML_ELEMENT_NODE:
          offence = svg_oracle_check_element (child);
          break;

        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
        case XML_COMMENT_NODE:
          break;

        default:
          offence = g_strdup_printf ("node of type %d in <%s>", child->type, name);
          break;
        }
      if (offence != NULL)
        return offence;
    }

  return NULL;
}

static inline char *
svg_oracle_check (const char *svg,
                  gsize       length)
{
  xmlDoc *doc;
  xmlNode *root;
  char *offence = NULL;

  if (length > G_MAXINT)
    return g_strdup ("too long");

  /* As a browser opens a file: no network, and an entity the file does
   * not declare is an error, not an empty string. */
  doc = xmlReadMemory (svg, (int)length, "oracle.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return g_strdup ("a document that does not parse");

  root = xmlDocGetRootElement (doc);
  if (root == NULL || strcmp ((const char *)root->name, "svg") != 0)
    offence = g_strdup ("a root that is not <svg>");
  for (xmlNode *node = doc->children; offence == NULL && node != NULL; node = node->next)
    if (node->type != XML_ELEMENT_NODE && node->type != XML_COMMENT_NODE)
      offence = g_strdup_printf ("top-level node of type %d", node->type);
  if (offence == NULL)
    offence = svg_oracle_check_element (root);

  xmlFreeDoc (doc);
  return offence;
}
