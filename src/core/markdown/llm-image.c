/* llm-image.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "llm-image.h"

#define SVG_NAMESPACE "http://www.w3.org/2000/svg"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static gboolean
has_prefix (const char *data,
            gsize       length,
            gsize       offset,
            const char *magic,
            gsize       magic_length)
{
  return length >= offset + magic_length && memcmp (data + offset, magic, magic_length) == 0;
}

/* An SVG file may declare entities that pull in other files when they are
 * expanded; such a file is not an image anyone drew. */
static gboolean
declares_external_entity (const char *data,
                          gsize       length)
{
  g_autoptr(GRegex) external = g_regex_new ("<!ENTITY[^>]*\\s(?:SYSTEM|PUBLIC)\\s",
                                            G_REGEX_RAW | G_REGEX_CASELESS, 0, NULL);

  return g_regex_match_full (external, data, length, 0, 0, NULL, NULL);
}

static xmlDoc *
parse_svg (const char *data,
           gsize       length)
{
  xmlDoc *doc;
  xmlNode *root;

  if (length > G_MAXINT || declares_external_entity (data, length))
    return NULL;

  /* No network, no external DTD, no entity expansion: the parse reads
   * nothing but @data. */
  doc = xmlReadMemory (data, (int)length, "image.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || strcmp ((const char *)root->name, "svg") != 0 ||
      (root->ns != NULL && g_strcmp0 ((const char *)root->ns->href, SVG_NAMESPACE) != 0))
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}

/**
 * llm_image_sniff:
 * @data: a file's contents
 * @length: the length of @data
 *
 * Tells an image from anything else by its bytes, never by its name: PNG,
 * JPEG, GIF, WebP, AVIF, BMP and SVG (an XML document whose root is `svg`).
 *
 * Returns: (nullable): the image's media type, or %NULL for anything else
 */
const char *
llm_image_sniff (const char *data,
                 gsize       length)
{
  gsize start = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (has_prefix (data, length, 0, "\x89PNG\r\n\x1a\n", 8))
    return "image/png";
  if (has_prefix (data, length, 0, "\xff\xd8\xff", 3))
    return "image/jpeg";
  if (has_prefix (data, length, 0, "GIF87a", 6) || has_prefix (data, length, 0, "GIF89a", 6))
    return "image/gif";
  if (has_prefix (data, length, 0, "RIFF", 4) && has_prefix (data, length, 8, "WEBP", 4))
    return "image/webp";
  /* The four bytes before "ftyp" are the size of that box, a few dozen
   * bytes. Without the bound, "<?xm" + "ftypavif" starts an XML file that
   * a server names .svg and a browser runs as SVG (found by fuzz-svg). */
  if ((has_prefix (data, length, 4, "ftypavif", 8) || has_prefix (data, length, 4, "ftypavis", 8)) &&
      ((guint32)(guint8)data[0] << 24 | (guint32)(guint8)data[1] << 16 |
       (guint32)(guint8)data[2] << 8 | (guint8)data[3]) - 16 <= 4096 - 16)
    return "image/avif";
  /* "BM" alone starts plenty of text; the size of the header that follows
   * takes one of a few values. */
  if (has_prefix (data, length, 0, "BM", 2) && length >= 18)
    {
      guint32 header = (guint8)data[14] | (guint8)data[15] << 8 |
                       (guint32)(guint8)data[16] << 16 | (guint32)(guint8)data[17] << 24;

      if (header == 12 || header == 40 || header == 52 || header == 56 ||
          header == 64 || header == 108 || header == 124)
        return "image/bmp";
    }

  if (has_prefix (data, length, 0, "\xef\xbb\xbf", 3))
    start = 3;
  while (start < length && g_ascii_isspace (data[start]))
    start++;
  if (start < length && data[start] == '<')
    {
      g_autoptr(xmlDoc) doc = parse_svg (data, length);

      if (doc != NULL)
        return "image/svg+xml";
    }

  return NULL;
}

/* CSS may only point inside the drawing itself: `url(#gradient)`. An
 * escape could spell `url` in a way this check does not see, so any
 * backslash is refused too. */
static gboolean
css_is_local (const char *css)
{
  g_autofree char *lower = g_ascii_strdown (css, -1);

  if (strchr (lower, '\\') != NULL || strstr (lower, "@import") != NULL ||
      strstr (lower, "image-set") != NULL || strstr (lower, "expression") != NULL)
    return FALSE;

  for (const char *p = lower; (p = strstr (p, "url(")) != NULL; p += 4)
    {
      const char *q = p + 4;

      while (*q != '\0' && (g_ascii_isspace (*q) || *q == '"' || *q == '\''))
        q++;
      if (*q != '#')
        return FALSE;
    }

  return TRUE;
}

/* Elements that run script, embed other documents, or change attributes
 * over time (an animation can set an `href` to `javascript:` later). */
static gboolean
is_forbidden_element (const char *name)
{
  static const char * const forbidden[] = {
    "script", "foreignObject", "iframe", "embed", "object", "handler", "listener",
    "set", "animate", "animateMotion", "animateTransform", "animateColor", "discard",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (g_ascii_strcasecmp (name, forbidden[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_safe_attribute (const char *name,
                   const char *value,
                   xmlNs      *ns)
{
  const char *v = value;

  /* Every event handler: onload, onclick, onbegin, … */
  if (g_ascii_strncasecmp (name, "on", 2) == 0)
    return FALSE;
  if (ns != NULL && g_strcmp0 ((const char *)ns->href, (const char *)XML_XML_NAMESPACE) == 0 &&
      strcmp (name, "base") == 0)
    return FALSE;

  /* href and xlink:href may only name a part of the drawing: no remote
   * image, no other file, no javascript: or data: link. */
  if (g_ascii_strcasecmp (name, "href") == 0 || g_ascii_strcasecmp (name, "src") == 0)
    {
      while (g_ascii_isspace (*v))
        v++;
      return *v == '#';
    }

  return css_is_local (value);
}

static void
remove_node (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

/* A namespace name is written out as it is, but read back with its line
 * breaks and tabs as spaces, so the sanitised file would not read as it
 * was written. Such a name is no namespace anything draws in; spaces in
 * their place keep whatever uses it inert, and the output stable (found
 * by fuzz-svg). */
static void
sanitize_namespaces (xmlNode *element)
{
  for (xmlNs *ns = element->nsDef; ns != NULL; ns = ns->next)
    {
      g_autoptr(GString) href = NULL;

      /* libxml2 writes a namespace name as it is: a line break comes back
       * as a space, and '<', '&' or both quotes would not parse at all.
       * Line breaks become spaces and the rest is percent-encoded, as it
       * would be in any URI. */
      if (ns->href == NULL || strpbrk ((const char *)ns->href, "\t\n\r<&\"'") == NULL)
        continue;

      href = g_string_new (NULL);
      for (const xmlChar *p = ns->href; *p != '\0'; p++)
        {
          if (*p == '\t' || *p == '\n' || *p == '\r')
            g_string_append_c (href, ' ');
          else if (strchr ("<&\"'", *p) != NULL)
            g_string_append_printf (href, "%%%02X", *p);
          else
            g_string_append_c (href, *p);
        }
      xmlFree ((xmlChar *)ns->href);
      ns->href = xmlStrdup ((const xmlChar *)href->str);
    }
}

static void
sanitize_attributes (xmlNode *element)
{
  xmlAttr *next;

  sanitize_namespaces (element);

  for (xmlAttr *attr = element->properties; attr != NULL; attr = next)
    {
      /* Flattened, with internal entities expanded, so that the check sees
       * what a browser would and the document needs no DTD. */
      xmlChar *value = xmlNodeListGetString (element->doc, attr->children, 1);
      const char *text = value != NULL ? (const char *)value : "";

      next = attr->next;
      if (!is_safe_attribute ((const char *)attr->name, text, attr->ns))
        xmlRemoveProp (attr);
      else
        xmlSetNsProp (element, attr->ns, attr->name, (const xmlChar *)text);
      xmlFree (value);
    }
}

/* A style sheet is text: a browser reads only the text directly in
 * <style>, so markup inside one would hide what it reads from the check. */
static gboolean
has_only_text (xmlNode *element)
{
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    if (child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE)
      return FALSE;

  return TRUE;
}

static gboolean
style_is_local (xmlNode *style)
{
  xmlChar *content = xmlNodeGetContent (style);
  gboolean local = css_is_local (content != NULL ? (const char *)content : "");

  xmlFree (content);
  return local;
}

static void
sanitize_children (xmlNode *parent)
{
  xmlNode *next;

  for (xmlNode *node = parent->children; node != NULL; node = next)
    {
      next = node->next;

      switch (node->type)
        {
        case XML_ELEMENT_NODE:
          /* Outside the SVG namespace nothing is drawn (editors keep
           * their metadata there), and HTML would be live. */
          if ((node->ns != NULL && g_strcmp0 ((const char *)node->ns->href, SVG_NAMESPACE) != 0) ||
              is_forbidden_element ((const char *)node->name) ||
              (g_ascii_strcasecmp ((const char *)node->name, "style") == 0 &&
               (!has_only_text (node) || !style_is_local (node))))
            {
              remove_node (node);
              break;
            }
          sanitize_attributes (node);
          sanitize_children (node);
          break;

        case XML_ENTITY_REF_NODE:
          {
            xmlEntity *entity = xmlGetDocEntity (node->doc, node->name);

            /* An internal entity becomes the text it stands for, as text:
             * markup inside it never turns into elements. An empty one
             * goes: an empty text node would be written as <a></a> and
             * read back as nothing, and sanitising must not change its
             * own output. */
            if (entity != NULL && entity->etype == XML_INTERNAL_GENERAL_ENTITY &&
                entity->content != NULL && entity->content[0] != '\0')
              {
                xmlNode *text = xmlNewDocText (node->doc, entity->content);

                xmlReplaceNode (node, text);
                xmlFreeNode (node);
              }
            else
              remove_node (node);
          }
          break;

        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
        case XML_COMMENT_NODE:
          break;

        default:
          /* Processing instructions (xml-stylesheet), DTDs, XInclude. */
          remove_node (node);
          break;
        }
    }
}

/**
 * llm_image_sanitize_svg:
 * @data: an SVG file's contents
 * @length: the length of @data
 * @out_length: (out): the length of the result
 *
 * Makes an SVG drawing inert wherever it is opened, even as a page of its
 * own: scripts, `foreignObject`, animations, event attributes, references
 * to anything outside the drawing (remote images, other files, CSS
 * `url()` and `@import`), `javascript:` and `data:` links, processing
 * instructions and the DTD are removed; the drawing itself stays.
 *
 * Returns: (transfer full) (nullable): the sanitised SVG, or %NULL when
 *   @data is not an SVG document
 */
char *
llm_image_sanitize_svg (const char *data,
                        gsize       length,
                        gsize      *out_length)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  xmlChar *buffer = NULL;
  int size = 0;
  char *result;
  xmlNode *next;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);

  doc = parse_svg (data, length);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  sanitize_attributes (root);
  sanitize_children (root);

  /* What sits beside the root: comments stay, the rest goes. */
  for (xmlNode *node = doc->children; node != NULL; node = next)
    {
      next = node->next;
      if (node != root && node->type != XML_COMMENT_NODE)
        {
          if (node == (xmlNode *)doc->intSubset)
            doc->intSubset = NULL;
          remove_node (node);
        }
    }

  xmlDocDumpMemoryEnc (doc, &buffer, &size, "UTF-8");
  if (buffer == NULL)
    return NULL;

  result = g_strndup ((const char *)buffer, size);
  *out_length = size;
  xmlFree (buffer);

  return result;
}
