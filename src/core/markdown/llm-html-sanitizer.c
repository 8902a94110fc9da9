/* llm-html-sanitizer.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "llm-html-sanitizer.h"
#include "llm-tsan.h"

/* Notes written for GitHub or Obsidian carry raw HTML: <details>, <br>,
 * <img>, <div align="center">. It is parsed here with a real HTML parser
 * (libxml2's, never patterns over the text) and the page gets a new
 * document built from what the parser understood, keeping only the subset
 * below, much as GitHub keeps. Since every '<', '>', '&' and '"' of text and
 * attributes is escaped on the way out, what the page's own parser reads
 * back has no other element and no other attribute, however the input
 * was nested, quoted or encoded. */

typedef enum
{
  ATTR_TEXT,     /* any text: alt, title */
  ATTR_ALIGN,    /* left, center, right, justify */
  ATTR_NUMBER,   /* digits: colspan, rowspan, start, width, height */
  ATTR_BOOLEAN,  /* present or not: open */
  ATTR_LINK,     /* a URL under llm_html_link_is_allowed() */
} AttrKind;

typedef struct
{
  const char *name;
  AttrKind kind;
} Attr;

typedef struct
{
  const char *name;
  gboolean is_void;
  const Attr *attrs;
} Element;

static const Attr align_attrs[] = { { "align", ATTR_ALIGN }, { NULL } };
static const Attr cell_attrs[] = {
  { "align", ATTR_ALIGN }, { "colspan", ATTR_NUMBER }, { "rowspan", ATTR_NUMBER }, { NULL },
};
static const Attr ol_attrs[] = { { "start", ATTR_NUMBER }, { NULL } };
static const Attr details_attrs[] = { { "open", ATTR_BOOLEAN }, { NULL } };
static const Attr a_attrs[] = { { "href", ATTR_LINK }, { "title", ATTR_TEXT }, { NULL } };
/* Only for llm_html_attribute_is_allowed(): an image's src goes to the
 * caller's LlmHtmlImageFunc, which writes the element itself. */
static const Attr img_attrs[] = {
  { "alt", ATTR_TEXT }, { "title", ATTR_TEXT },
  { "width", ATTR_NUMBER }, { "height", ATTR_NUMBER }, { NULL },
};
static const Attr no_attrs[] = { { NULL } };

/* Sorted by name, for bsearch(). */
static const Element elements[] = {
  { "a", FALSE, a_attrs },
  { "b", FALSE, no_attrs },
  { "blockquote", FALSE, no_attrs },
  { "br", TRUE, no_attrs },
  { "caption", FALSE, no_attrs },
  { "center", FALSE, align_attrs },
  { "code", FALSE, no_attrs },
  { "dd", FALSE, no_attrs },
  { "del", FALSE, no_attrs },
  { "details", FALSE, details_attrs },
  { "div", FALSE, align_attrs },
  { "dl", FALSE, no_attrs },
  { "dt", FALSE, no_attrs },
  { "em", FALSE, no_attrs },
  { "figcaption", FALSE, no_attrs },
  { "figure", FALSE, no_attrs },
  { "h1", FALSE, align_attrs },
  { "h2", FALSE, align_attrs },
  { "h3", FALSE, align_attrs },
  { "h4", FALSE, align_attrs },
  { "h5", FALSE, align_attrs },
  { "h6", FALSE, align_attrs },
  { "hr", TRUE, no_attrs },
  { "i", FALSE, no_attrs },
  { "img", TRUE, img_attrs },
  { "ins", FALSE, no_attrs },
  { "kbd", FALSE, no_attrs },
  { "li", FALSE, no_attrs },
  { "mark", FALSE, no_attrs },
  { "ol", FALSE, ol_attrs },
  { "p", FALSE, align_attrs },
  { "pre", FALSE, no_attrs },
  { "s", FALSE, no_attrs },
  { "span", FALSE, align_attrs },
  { "strong", FALSE, no_attrs },
  { "sub", FALSE, no_attrs },
  { "summary", FALSE, no_attrs },
  { "sup", FALSE, no_attrs },
  { "table", FALSE, align_attrs },
  { "tbody", FALSE, no_attrs },
  { "td", FALSE, cell_attrs },
  { "tfoot", FALSE, no_attrs },
  { "th", FALSE, cell_attrs },
  { "thead", FALSE, no_attrs },
  { "tr", FALSE, align_attrs },
  { "u", FALSE, no_attrs },
  { "ul", FALSE, no_attrs },
};

/* Elements whose content is code, styling, a foreign document or a
 * fallback for one: none of it is text meant for the reader. */
static const char * const dropped_elements[] = {
  "applet", "audio", "button", "canvas", "embed", "frame", "frameset",
  "head", "iframe", "input", "math", "noembed", "noframes", "noscript",
  "object", "script", "select", "style", "svg", "template", "textarea",
  "title", "video",
};

static int
compare_element (const void *key,
                 const void *element)
{
  return g_ascii_strcasecmp (key, ((const Element *)element)->name);
}

static const Element *
find_element (const char *name)
{
  return bsearch (name, elements, G_N_ELEMENTS (elements), sizeof (Element), compare_element);
}

static gboolean
is_dropped (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (dropped_elements); i++)
    if (g_ascii_strcasecmp (name, dropped_elements[i]) == 0)
      return TRUE;

  /* "svg:script", "xlink:foo": a prefixed name is foreign content. */
  return strchr (name, ':') != NULL;
}

/**
 * llm_html_element_is_allowed:
 * @name: an element name
 *
 * Returns: whether the sanitiser keeps elements called @name
 */
gboolean
llm_html_element_is_allowed (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return find_element (name) != NULL;
}

/**
 * llm_html_link_is_allowed:
 * @href: a link target, entities decoded
 *
 * The one link policy of the page, for markdown links and HTML links alike:
 * a relative URL, a fragment, or http, https or mailto. Browsers ignore tabs
 * and line breaks anywhere in a URL and control characters and spaces at its
 * ends, so the scheme is read with all of those taken out.
 *
 * Returns: whether a link may point at @href
 */
gboolean
llm_html_link_is_allowed (const char *href)
{
  static const char * const schemes[] = { "http", "https", "mailto" };
  g_autoptr(GString) clean = NULL;
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (href != NULL, FALSE);

  clean = g_string_sized_new (strlen (href));
  for (const char *p = href; *p != '\0'; p++)
    if ((guchar)*p > 0x20 && *p != 0x7f)
      g_string_append_c (clean, *p);

  /* No scheme (as RFC 3986 and browsers read one: a letter, then letters,
   * digits, "+", "-" or ".", then ":") is a relative URL or a fragment. */
  scheme = g_uri_parse_scheme (clean->str);
  if (scheme == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strcasecmp (scheme, schemes[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_number (const char *value)
{
  gsize len = strlen (value);

  return len > 0 && len <= 6 && strspn (value, "0123456789") == len;
}

static const char *
canonical_align (const char *value)
{
  static const char * const aligns[] = { "left", "center", "right", "justify" };
  g_autofree char *stripped = g_strstrip (g_strdup (value));

  for (guint i = 0; i < G_N_ELEMENTS (aligns); i++)
    if (g_ascii_strcasecmp (stripped, aligns[i]) == 0)
      return aligns[i];

  return NULL;
}

static const Attr *
find_attr (const Element *element,
           const char    *name)
{
  for (const Attr *attr = element->attrs; attr->name != NULL; attr++)
    if (g_ascii_strcasecmp (attr->name, name) == 0)
      return attr;

  return NULL;
}

static gboolean
value_is_allowed (const Attr *attr,
                  const char *value)
{
  switch (attr->kind)
    {
    case ATTR_TEXT:
    case ATTR_BOOLEAN:
      return TRUE;
    case ATTR_ALIGN:
      return canonical_align (value) != NULL;
    case ATTR_NUMBER:
      return is_number (value);
    case ATTR_LINK:
      return llm_html_link_is_allowed (value);
    default:
      g_assert_not_reached ();
    }
}

/**
 * llm_html_attribute_is_allowed:
 * @element: an element name
 * @attribute: an attribute name
 * @value: its value, entities decoded
 *
 * Returns: whether the sanitiser keeps @attribute with @value on @element
 *   (an image's `src` is the caller's to decide and is never allowed here)
 */
gboolean
llm_html_attribute_is_allowed (const char *element,
                               const char *attribute,
                               const char *value)
{
  const Element *el;
  const Attr *attr;

  g_return_val_if_fail (element != NULL, FALSE);
  g_return_val_if_fail (attribute != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  el = find_element (element);
  if (el == NULL)
    return FALSE;
  attr = find_attr (el, attribute);

  return attr != NULL && value_is_allowed (attr, value);
}

/* Text and attribute values alike: after this no '<', '>' or '"' is left
 * for a parser to take as markup, and the renderer's placeholders (private
 * use characters) pass as they are. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns == NULL && g_ascii_strcasecmp ((const char *)attr->name, name) == 0)
      {
        xmlChar *value = xmlNodeListGetString (node->doc, attr->children, 1);
        char *copy = g_strdup (value != NULL ? (const char *)value : "");

        xmlFree (value);
        return copy;
      }

  return NULL;
}

typedef struct
{
  GString *out;
  LlmHtmlImageFunc image_func;
  LlmHtmlRemovedFunc removed_func;
  gpointer user_data;
} Writer;

/* Whether @node holds text someone wrote, as a script or a style does. */
static gboolean
has_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  gboolean found = FALSE;

  for (const xmlChar *p = content; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      {
        found = TRUE;
        break;
      }
  xmlFree (content);

  return found;
}

static void
write_removed (Writer  *writer,
               xmlNode *node)
{
  g_autofree char *name = NULL;
  g_autofree char *markup = NULL;

  if (writer->removed_func == NULL || !has_text (node))
    return;

  name = g_ascii_strdown ((const char *)node->name, -1);
  markup = writer->removed_func (name, writer->user_data);
  if (markup != NULL)
    g_string_append (writer->out, markup);
}

static void
write_image (Writer  *writer,
             xmlNode *node)
{
  g_autofree char *src = get_attribute (node, "src");
  g_autofree char *alt = get_attribute (node, "alt");
  g_autofree char *title = get_attribute (node, "title");
  g_autofree char *width = get_attribute (node, "width");
  g_autofree char *height = get_attribute (node, "height");
  g_autofree char *markup = NULL;

  if (width != NULL && !is_number (width))
    g_clear_pointer (&width, g_free);
  if (height != NULL && !is_number (height))
    g_clear_pointer (&height, g_free);

  if (writer->image_func != NULL && src != NULL)
    markup = writer->image_func (g_strstrip (src), alt, title, width, height, writer->user_data);

  if (markup != NULL)
    g_string_append (writer->out, markup);
  else if (alt != NULL)
    append_escaped (writer->out, alt);
}

/* Returns whether the element was written, so that it needs closing. */
static gboolean
write_start (Writer        *writer,
             xmlNode       *node,
             const Element *element)
{
  GString *out = writer->out;
  g_autofree char *href = NULL;

  if (g_str_equal (element->name, "img"))
    {
      write_image (writer, node);
      return FALSE;
    }

  /* A link that may not go anywhere is its text. */
  if (g_str_equal (element->name, "a"))
    {
      href = get_attribute (node, "href");
      if (href == NULL || !llm_html_link_is_allowed (href))
        return FALSE;
    }

  g_string_append_c (out, '<');
  g_string_append (out, element->name);

  for (const Attr *attr = element->attrs; attr->name != NULL; attr++)
    {
      g_autofree char *value = get_attribute (node, attr->name);

      if (value == NULL || !value_is_allowed (attr, value))
        continue;

      g_string_append_c (out, ' ');
      g_string_append (out, attr->name);
      if (attr->kind == ATTR_BOOLEAN)
        continue;
      g_string_append (out, "=\"");
      append_escaped (out, attr->kind == ATTR_ALIGN ? canonical_align (value) : value);
      g_string_append_c (out, '"');
    }

  /* As cmark writes them, so that both read alike. */
  g_string_append (out, element->is_void ? " />" : ">");

  return !element->is_void;
}

static void
write_end (Writer        *writer,
           const Element *element)
{
  g_string_append (writer->out, "</");
  g_string_append (writer->out, element->name);
  g_string_append_c (writer->out, '>');
}

/* Walks the tree without recursion: hostile input nests as deep as the
 * parser lets it. An element's state is kept in its node's _private, which
 * libxml2 leaves to its users: 1 when its end tag is owed. */
static void
write_children (Writer  *writer,
                xmlNode *root)
{
  xmlNode *node = root->children;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      node->_private = NULL;
      switch (node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (node->content != NULL)
            append_escaped (writer->out, (const char *)node->content);
          break;

        case XML_ELEMENT_NODE:
          {
            const char *name = (const char *)node->name;
            const Element *element = find_element (name);

            if (is_dropped (name))
              {
                write_removed (writer, node);
                break;
              }
            if (element != NULL && write_start (writer, node, element))
              node->_private = GINT_TO_POINTER (1);
            /* An image's children are not its alt text. */
            descend = node->children != NULL &&
                      (element == NULL || !element->is_void);
          }
          break;

        default:
          /* Comments, processing instructions, doctypes: not content. */
          break;
        }

      if (descend)
        {
          node = node->children;
          continue;
        }

      /* Climb until a node has a next sibling, closing what was opened. */
      for (;;)
        {
          if (node->_private != NULL)
            write_end (writer, find_element ((const char *)node->name));
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == NULL || node == root)
            return;
        }
    }
}

#define BODY_START "<!DOCTYPE html><html><body>"

static GOnce init_once = G_ONCE_INIT;

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  LLM_TSAN_RELEASE (&init_once);
  return NULL;
}

/**
 * llm_html_sanitize:
 * @html: an HTML fragment, in UTF-8
 * @length: its length, or -1 when it ends with a NUL
 * @image_func: (nullable): writes the markup that stands for an image;
 *   without one, an image is its alt text
 * @removed_func: (nullable): writes a trace of an element removed with its
 *   text; without one, nothing marks where it was
 * @user_data: data for @image_func and @removed_func
 *
 * Rebuilds @html from the elements and attributes the answer page allows:
 * `details` (`open`), `summary`, `br`, `hr`, `p`, `div`/`span`/`center`
 * (`align`), `sub`, `sup`, `kbd`, `mark`, `ins`, `del`, `s`, `u`, `b`, `i`,
 * `em`, `strong`, `code`, `pre`, `blockquote`, lists, `dl`/`dt`/`dd`,
 * tables (`align`, `colspan`, `rowspan`), headings, `figure`/`figcaption`,
 * `img` (through @image_func) and `a` (`href` under
 * llm_html_link_is_allowed(), `title`). Any other element is replaced by
 * its content, except those whose content is code or a foreign document
 * (`script`, `style`, `iframe`, `object`, `template`, `noscript`, `svg`,
 * `math` and the like), which go with it. Comments go; no `class`, `id`,
 * `style` or event attribute survives.
 *
 * Safe to call from any thread.
 *
 * Returns: (transfer full): the sanitised fragment
 */
char *
llm_html_sanitize (const char         *html,
                   gssize              length,
                   LlmHtmlImageFunc    image_func,
                   LlmHtmlRemovedFunc  removed_func,
                   gpointer            user_data)
{
  g_autoptr(GString) input = NULL;
  htmlParserCtxtPtr ctxt;
  htmlDocPtr doc;
  Writer writer;
  const char *end;
  const char *p;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  g_once (&init_once, init_libxml, NULL);
  LLM_TSAN_ACQUIRE (&init_once);

  if (length < 0)
    length = strlen (html);

  /* A NUL would end the parser's input early, as an HTML5 parser reads it
   * as U+FFFD; bytes that are not UTF-8 become U+FFFD too. */
  /* Opened explicitly, the body holds the fragment's first text as it is;
   * otherwise the parser would wrap it in a paragraph of its own. */
  input = g_string_sized_new (length + 64);
  g_string_append (input, BODY_START);
  p = html;
  end = html + length;
  while (p < end)
    {
      const char *nul = memchr (p, '\0', end - p);
      gsize run = (nul != NULL ? nul : end) - p;
      g_autofree char *valid = g_utf8_make_valid (p, run);

      g_string_append (input, valid);
      if (nul == NULL)
        break;
      g_string_append (input, "\xef\xbf\xbd");
      p = nul + 1;
    }

  writer.out = g_string_sized_new (input->len + 64);
  writer.image_func = image_func;
  writer.removed_func = removed_func;
  writer.user_data = user_data;

  if (input->len == strlen (BODY_START))
    return g_string_free (writer.out, FALSE);

  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("libxml2 could not make a parser context");

  /* The document's own encoding declarations are ignored: it is UTF-8.
   * (HTML_PARSE_NOIMPLIED would keep out the implied <html> and <body>,
   * but libxml2 then nests what follows a <style> or an <svg> inside it.) */
  doc = htmlCtxtReadMemory (ctxt, input->str, input->len, NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                            HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                            HTML_PARSE_NODEFDTD |
                            HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
  if (doc != NULL)
    {
      write_children (&writer, (xmlNode *)doc);
      xmlFreeDoc (doc);
    }
  htmlFreeParserCtxt (ctxt);

  return g_string_free (writer.out, FALSE);
}
