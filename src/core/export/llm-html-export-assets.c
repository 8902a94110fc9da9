/* llm-html-export-assets.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The files every exported site carries beside its pages: our style sheet
 * and scripts, compiled into the core from assets/ (a GResource, so they
 * are real CSS and JavaScript files rather than C strings), KaTeX, and
 * highlight.js when a page has code.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "llm-html-export-private.h"

/* From the GResource built out of assets/llm-export.gresource.xml. */
GResource *llm_export_get_resource (void);

/* Writes the asset @name from the core's resources to assets/@name. */
gboolean
export_write_asset (Export      *self,
                    const char  *name,
                    GError     **error)
{
  g_autofree char *path = g_strconcat ("/com/example/LLMNotes/export/", name, NULL);
  g_autofree char *relative = g_strconcat ("assets/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize length;

  bytes = g_resource_lookup_data (llm_export_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return export_write_file (self, relative, data, length, error);
}

gboolean
export_copy_highlight (Export  *self,
                       GError **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (LLM_HTML_EXPORT_HIGHLIGHT_JS);

  if (!export_copy_file (self, source, "assets/highlight.min.js", error))
    {
      g_prefix_error (error, _("highlight.js was not found at %s: "), LLM_HTML_EXPORT_HIGHLIGHT_JS);
      return FALSE;
    }

  return TRUE;
}

gboolean
export_copy_katex (Export      *self,
                   GFile       *katex_dir,
                   GError     **error)
{
  static const char * const files[] = { "katex.min.js", "katex.min.css" };
  g_autoptr(GFile) fonts = g_file_get_child (katex_dir, "fonts");
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  GFile *child;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) source = g_file_get_child (katex_dir, files[i]);
      g_autofree char *relative = g_strconcat ("assets/katex/", files[i], NULL);

      if (!export_copy_file (self, source, relative, error))
        {
          g_autofree char *name = g_file_get_parse_name (katex_dir);

          g_prefix_error (error, _("KaTeX was not found in %s: "), name);
          return FALSE;
        }
    }

  /* katex.min.css names each font in several formats and a browser takes
   * the first it knows, so all of them come along. The default flags follow
   * Debian's fonts symlink to the real files. */
  enumerator = g_file_enumerate_children (fonts, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, self->cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  while (g_file_enumerator_iterate (enumerator, &info, &child, self->cancellable, error))
    {
      g_autofree char *relative = NULL;

      if (info == NULL)
        return TRUE;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      relative = g_strconcat ("assets/katex/fonts/", g_file_info_get_name (info), NULL);
      if (!export_copy_file (self, child, relative, error))
        return FALSE;
    }

  return FALSE;
}
