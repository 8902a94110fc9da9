/* llm-html-sanitizer.h
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LlmHtmlImageFunc:
 * @src: the image's `src` as written, entities decoded
 * @alt: (nullable): its `alt`
 * @title: (nullable): its `title`
 * @width: (nullable): its `width`, digits only
 * @height: (nullable): its `height`, digits only
 * @user_data: the data given to llm_html_sanitize()
 *
 * Decides what stands for an image: the markup returned goes into the output
 * as it is, so it must be built and escaped by the caller.
 *
 * Returns: (transfer full): the markup for the image
 */
typedef char *(*LlmHtmlImageFunc) (const char *src,
                                   const char *alt,
                                   const char *title,
                                   const char *width,
                                   const char *height,
                                   gpointer    user_data);

/**
 * LlmHtmlRemovedFunc:
 * @element: the name of an element removed with its content, lowercase
 * @user_data: the data given to llm_html_sanitize()
 *
 * Leaves a trace of content that was removed, so that nothing vanishes
 * silently: the markup returned goes into the output as it is.
 *
 * Returns: (transfer full) (nullable): the markup for the trace
 */
typedef char *(*LlmHtmlRemovedFunc) (const char *element,
                                     gpointer    user_data);

char     *llm_html_sanitize            (const char         *html,
                                        gssize              length,
                                        LlmHtmlImageFunc    image_func,
                                        LlmHtmlRemovedFunc  removed_func,
                                        gpointer            user_data);

gboolean  llm_html_link_is_allowed     (const char       *href);

gboolean  llm_html_element_is_allowed  (const char       *name);

gboolean  llm_html_attribute_is_allowed (const char      *element,
                                         const char      *attribute,
                                         const char      *value);

G_END_DECLS
