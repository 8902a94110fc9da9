/* llm-html-export-images.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which of the collection's images an exported page may show, and
 * copying them into DIR/images/: the embed resolver handed to
 * llm_render_markdown(). Only files inside the collection are published,
 * never a hidden one or one reached through a symlink out of it; an image
 * refused is left out of the page and named in the caller's warnings.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "llm-file-read.h"
#include "llm-html-export-private.h"
#include "llm-image.h"
#include "llm-link.h"

static gboolean
has_hidden_part (const char *relative)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '.')
      return TRUE;

  return FALSE;
}

/* The real path of @source relative to the real collection folder, or
 * %NULL when symlinks lead it out of the folder. */
static char *
real_relative_path (Export *self,
                    GFile  *source)
{
  GFile *base = llm_collection_get_base (self->collection);
  g_autofree char *real_base = NULL;
  g_autofree char *real = NULL;
  gsize len;

  /* Notes that are no files on disk (the bundled ones, in the program's
   * resources) have no links to follow. */
  if (g_file_peek_path (base) == NULL)
    return g_file_get_relative_path (base, source);

  real_base = realpath (g_file_peek_path (base), NULL);
  real = g_file_peek_path (source) != NULL ? realpath (g_file_peek_path (source), NULL) : NULL;
  if (real_base == NULL || real == NULL)
    return NULL;

  len = strlen (real_base);
  if (strncmp (real, real_base, len) != 0 || (real[len] != '/' && strcmp (real_base, "/") != 0))
    return NULL;

  return g_strdup (real + len + (real[len] == '/' ? 1 : 0));
}

static void
refuse_image (Export     *self,
              const char *relative,
              char       *message)
{
  g_hash_table_add (self->refused, g_strdup (relative));
  if (self->warnings != NULL)
    g_ptr_array_add (self->warnings, message);
  else
    g_free (message);
}

/* Publishes @source as images/@relative if it is an image the notes may
 * show: inside the collection folder once symlinks are followed, in no
 * hidden folder, and an image by its bytes, whatever its name says. An
 * SVG goes out sanitised: opened on its own from a web site, it is a page
 * that could run script. */
static gboolean
publish_image (Export      *self,
               GFile       *source,
               const char  *relative,
               GError     **error)
{
  g_autofree char *real = real_relative_path (self, source);
  g_autofree char *destination = NULL;
  g_autofree char *data = NULL;
  g_autofree char *clean = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *type;
  gsize length;

  if (real == NULL)
    {
      refuse_image (self, relative, g_strdup_printf (_("%s was not published: it lies outside the notes folder"), relative));
      return TRUE;
    }
  if (has_hidden_part (relative) || has_hidden_part (real))
    {
      refuse_image (self, relative, g_strdup_printf (_("%s was not published: it is in a hidden folder or is hidden"), relative));
      return TRUE;
    }
  if (!llm_file_read (source, self->cancellable, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      refuse_image (self, relative, g_strdup_printf (_("%s was not published: %s"), relative, local_error->message));
      return TRUE;
    }

  type = llm_image_sniff (data, length);
  if (g_strcmp0 (type, "image/svg+xml") == 0)
    {
      gsize clean_length = 0;

      clean = llm_image_sanitize_svg (data, length, &clean_length);
      g_clear_pointer (&data, g_free);
      data = g_steal_pointer (&clean);
      length = clean_length;
    }
  if (type == NULL || data == NULL)
    {
      refuse_image (self, relative, g_strdup_printf (_("%s was not published: it is not an image"), relative));
      return TRUE;
    }

  destination = g_strconcat ("images/", relative, NULL);
  return export_write_file (self, destination, data, length, error);
}

/* The renderer's embed resolver: copies each image the pages show into
 * images/ and points the page at that copy. The collection resolves only
 * files really inside its folder, and publish_image() checks again, so
 * nothing else on the disk can end up published. */
char *
export_resolve_image (const char *target,
                      gpointer    user_data)
{
  Export *self = user_data;
  g_autofree char *path = NULL;
  g_autoptr(GFile) source = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *escaped = NULL;
  char *href;

  if (self->image_error != NULL)
    return NULL;

  /* As in the app: next to the question's own file first, for folders. */
  path = llm_collection_resolve_embed_for (self->collection, self->current, target);
  source = llm_collection_resolve_path (self->collection, path);
  if (source == NULL)
    return NULL;

  relative = g_file_get_relative_path (llm_collection_get_base (self->collection), source);
  if (relative == NULL || g_hash_table_contains (self->refused, relative))
    return NULL;

  href = g_hash_table_lookup (self->images, relative);
  if (href != NULL)
    return g_strdup (href);

  if (!publish_image (self, source, relative, &self->image_error) ||
      g_hash_table_contains (self->refused, relative))
    return NULL;

  /* Pages live in q/, one level down. */
  escaped = g_uri_escape_string (relative, "/", FALSE);
  href = g_strconcat ("../images/", escaped, NULL);
  g_hash_table_insert (self->images, g_steal_pointer (&relative), href);

  return g_strdup (href);
}
