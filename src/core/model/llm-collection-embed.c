/* llm-collection-embed.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Turning a note's embed and image targets into paths of files in the
 * collection's folder, and paths into files, without ever leaving that
 * folder. How a page asks for those files (a URI scheme, an exported
 * copy) is its own business. The topics, questions and file index are
 * llm-collection.c's. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "llm-collection-private.h"
#include "llm-question.h"

/* What a note may name: no absolute paths, no schemes ("http:", "data:")
 * and no drive letters. Paths the app made itself may hold a ':'. */
static gboolean
is_plain_relative (const char *target)
{
  return target != NULL && target[0] != '\0' && target[0] != '/' &&
         target[0] != '\\' && strchr (target, ':') == NULL;
}

/* A link inside the folder could still point anywhere: on local disks the
 * real path must stay inside the real folder too. */
static gboolean
really_inside_base (LlmCollection *self,
                    GFile         *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *real_base = NULL;
  g_autofree char *real = NULL;
  gsize len;

  if (path == NULL || g_file_peek_path (self->base) == NULL)
    return TRUE;

  /* Resolved on each call, not kept: the collection is read from several
   * threads at once (an export beside the window) and never changes once
   * built, and the folder may appear after it. */
  real_base = realpath (g_file_peek_path (self->base), NULL);
  real = realpath (path, NULL);
  if (real_base == NULL || real == NULL)
    return FALSE;

  len = strlen (real_base);
  return strncmp (real, real_base, len) == 0 &&
         (real[len] == '/' || (len > 0 && real_base[len - 1] == '/'));
}

/* Only relative paths that stay inside the collection's folder resolve:
 * notes come from anywhere and must not reach the rest of the disk. */
static GFile *
resolve_inside_base (LlmCollection *self,
                     const char    *relative)
{
  g_autoptr(GFile) file = NULL;

  if (self->base == NULL || relative == NULL || relative[0] == '\0' ||
      relative[0] == '/' || relative[0] == '\\')
    return NULL;

  file = g_file_resolve_relative_path (self->base, relative);
  if (!g_file_has_prefix (file, self->base))
    return NULL;
  if (g_file_peek_path (file) != NULL && g_file_query_exists (file, NULL) &&
      !really_inside_base (self, file))
    return NULL;

  return g_steal_pointer (&file);
}

/* The path of a regular file inside the folder, as given by the folder:
 * "sub/../fig.svg" comes back as "fig.svg". */
static char *
make_embed_path (LlmCollection *self,
                 const char    *path)
{
  g_autoptr(GFile) file = NULL;

  file = resolve_inside_base (self, path);
  if (file == NULL || g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return NULL;

  return g_file_get_relative_path (self->base, file);
}

/**
 * llm_collection_resolve_embed:
 * @target: the target of an embed or image, such as "figure.svg"
 *
 * Returns: (transfer full) (nullable): the path of the file inside the
 *   collection's folder, such as "figure.svg", or %NULL when no such file
 *   is in the collection
 */
char *
llm_collection_resolve_embed (LlmCollection *self,
                              const char    *target)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  if (!is_plain_relative (target))
    return NULL;

  return make_embed_path (self, target);
}

/* Obsidian's "![[figure.png]]" names a file anywhere in the vault; a
 * target with folders in it, "![[image/figure.png]]", must end the path. */
static char *
find_by_name (LlmCollection *self,
              const char    *target)
{
  const char *name = strrchr (target, '/');
  GPtrArray *paths;
  gsize len = strlen (target);

  name = name != NULL ? name + 1 : target;
  if (self->files == NULL || (paths = g_hash_table_lookup (self->files, name)) == NULL)
    return NULL;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      gsize path_len = strlen (path);

      if (path_len >= len && g_str_equal (path + path_len - len, target) &&
          (path_len == len || path[path_len - len - 1] == '/'))
        {
          char *found = make_embed_path (self, path);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

/**
 * llm_collection_resolve_embed_for:
 * @question: (nullable): the question whose answer holds the embed
 * @target: the target of an embed or image, such as "image/figure.png"
 *
 * Resolves @target as Obsidian does: against the folder of @question's
 * file, then against the collection's folder, then by name anywhere in the
 * folder. A target that leaves the collection's folder ("../", absolute
 * paths) is refused outright, even if a file of its name is inside.
 *
 * Returns: (transfer full) (nullable): the path of the file inside the
 *   collection's folder, or %NULL when no such file is in the collection
 */
char *
llm_collection_resolve_embed_for (LlmCollection *self,
                                  LlmQuestion   *question,
                                  const char    *target)
{
  const char *source;
  char *found;

  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);
  g_return_val_if_fail (!question || LLM_IS_QUESTION (question), NULL);

  if (self->base == NULL || !is_plain_relative (target))
    return NULL;

  source = question != NULL ? llm_question_get_source (question) : NULL;
  if (source != NULL && strchr (source, '/') != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (source);
      g_autofree char *relative = g_build_filename (dir, target, NULL);
      g_autoptr(GFile) file = g_file_resolve_relative_path (self->base, relative);

      if (!g_file_has_prefix (file, self->base))
        return NULL;
      if ((found = make_embed_path (self, relative)) != NULL)
        return found;
    }

  {
    g_autoptr(GFile) file = g_file_resolve_relative_path (self->base, target);

    if (!g_file_has_prefix (file, self->base))
      return NULL;
  }
  if ((found = make_embed_path (self, target)) != NULL)
    return found;

  return find_by_name (self, target);
}

/**
 * llm_collection_resolve_path:
 * @path: (nullable): a path inside the collection's folder, as made by
 *   llm_collection_resolve_embed(), or as a page asks for it
 *
 * Returns: (transfer full) (nullable): the file inside the collection's
 *   folder, or %NULL if @path leads anywhere else
 */
GFile *
llm_collection_resolve_path (LlmCollection *self,
                             const char    *path)
{
  g_return_val_if_fail (LLM_IS_COLLECTION (self), NULL);

  return resolve_inside_base (self, path);
}
