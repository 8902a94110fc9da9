/* llm-html-export-staging.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How the HTML export puts files on disk: each file is staged in a
 * temporary file beside its place, then all are synced and renamed in one
 * go (export_commit), so an export stopped at any moment leaves every file
 * whole; and what an earlier export left and this one did not write is
 * swept. Kept apart from the pages so the rules for touching the user's
 * folder live in one place.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "llm-file-read.h"
#include "llm-html-export-private.h"

void
export_staged_free (Staged *staged)
{
  g_free (staged->temp);
  g_free (staged->path);
  g_free (staged);
}

/* Creates each folder of @relative under the export. An existing one must
 * be a real folder: a symlink left in its place would carry the writes out
 * of DIR. */
static gboolean
ensure_folders (Export      *self,
                const char  *relative,
                GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  g_autoptr(GFile) folder = g_object_ref (self->dir);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, parts[i]);
      g_autofree char *path = g_file_get_path (child);
      GStatBuf st;

      if (g_mkdir (path, 0755) != 0 && errno != EEXIST)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "%s: %s", path, g_strerror (saved));
          return FALSE;
        }
      if (g_lstat (path, &st) != 0 || !S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                       _("%s is not a folder"), path);
          return FALSE;
        }
      g_set_object (&folder, child);
    }

  return TRUE;
}

/* Every file written is synced once; KaTeX's sixty fonts and the pages
 * that did not change need not be written, nor synced, again. */
static gboolean
same_contents (const char *path,
               const char *data,
               gsize       length)
{
  g_autofree char *old = NULL;
  gsize old_length;
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || (gsize)st.st_size != length)
    return FALSE;

  return g_file_get_contents (path, &old, &old_length, NULL) &&
         old_length == length && memcmp (old, data, length) == 0;
}

static gboolean
set_error_from_errno (GError    **error,
                      const char *path)
{
  int saved = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
  return FALSE;
}

/* Durability without a sync per write. Each file is written whole to a
 * temporary file beside its place (GLib's NAME.XXXXXX, which the next
 * export sweeps if this one is killed) and left there; export_commit() syncs
 * them all, each once, then moves each into place in one step, then syncs
 * each folder once. Syncing the data before the rename is what keeps a
 * power cut from leaving an empty or torn page where the old one was;
 * doing it once at the end rather than per write is what keeps a
 * 5,000-question export from waiting on the disk 10,000 times. */
static gboolean
stage (Export      *self,
       const char  *path,
       const char  *data,
       gsize        length,
       GError     **error)
{
  Staged *staged;
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *dir_path = g_file_get_path (self->dir);
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  gsize written = 0;

  if (fd < 0)
    return set_error_from_errno (error, path);

  while (written < length)
    {
      gssize n = write (fd, data + written, MIN (length - written, (gsize)G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_error_from_errno (error, path);
          close (fd);
          g_unlink (temp);
          return FALSE;
        }
      written += n;
    }
  if (close (fd) != 0)
    {
      set_error_from_errno (error, path);
      g_unlink (temp);
      return FALSE;
    }

  staged = g_new0 (Staged, 1);
  staged->temp = g_steal_pointer (&temp);
  staged->path = g_strdup (path);
  g_ptr_array_add (self->staged, staged);

  /* Its folder, and the folders above it up to DIR, hold new entries. */
  while (!g_hash_table_contains (self->folders, folder))
    {
      g_autofree char *parent = g_path_get_dirname (folder);

      g_hash_table_add (self->folders, g_strdup (folder));
      if (strcmp (folder, dir_path) == 0 || strcmp (parent, folder) == 0)
        break;
      g_free (folder);
      folder = g_steal_pointer (&parent);
    }

  return TRUE;
}

static gboolean
sync_path (const char  *path,
           int          flags,
           GError     **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | flags);

  if (fd < 0)
    return set_error_from_errno (error, path);
  if (fsync (fd) != 0)
    {
      set_error_from_errno (error, path);
      close (fd);
      return FALSE;
    }
  close (fd);

  return TRUE;
}

void
export_report (Export   *self,
               guint     done,
               guint     total,
               gboolean  syncing)
{
  if (self->options->progress != NULL)
    self->options->progress (done, total, syncing, self->options->progress_data);
}

/* Puts every staged file in place, durably: one fsync per file, then one
 * rename per file, then one fsync per folder. */
gboolean
export_commit (Export    *self,
               gboolean   with_progress,
               GError   **error)
{
  g_autofree char **folders = (char **)g_hash_table_get_keys_as_array (self->folders, NULL);
  guint n_folders = g_hash_table_size (self->folders);
  guint n_files = self->staged->len;
  guint total = n_files + n_folders;

  for (guint i = 0; i < n_files; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (with_progress && i % 16 == 0)
        export_report (self, i, total, TRUE);
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error) ||
          !sync_path (staged->temp, 0, error))
        return FALSE;
    }

  /* The order of the folders does not matter, but that of a folder's
   * entries does: each file's data is on disk before its name is. */
  for (guint i = 0; i < n_files; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (g_rename (staged->temp, staged->path) != 0)
        return set_error_from_errno (error, staged->path);
    }
  g_ptr_array_set_size (self->staged, 0);

  for (guint i = 0; i < n_folders; i++)
    {
      if (with_progress && i % 16 == 0)
        export_report (self, n_files + i, total, TRUE);
      if (!sync_path (folders[i], O_DIRECTORY, error))
        return FALSE;
    }
  if (with_progress)
    export_report (self, total, total, TRUE);

  g_hash_table_remove_all (self->folders);
  return TRUE;
}

/* Every write replaces its file in one step, so a page is never seen half
 * written and a symlink in its place is replaced rather than followed. */
gboolean
export_write_file (Export      *self,
                   const char  *relative,
                   const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (self->dir, relative);
  g_autofree char *folders = g_path_get_dirname (relative);
  g_autofree char *path = NULL;

  if (!g_file_has_prefix (file, self->dir))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("%s is outside the export folder"), relative);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (strcmp (folders, ".") != 0 && !ensure_folders (self, folders, error))
    return FALSE;

  path = g_file_get_path (file);
  if (!same_contents (path, data, length) && !stage (self, path, data, length, error))
    return FALSE;

  g_hash_table_add (self->written, g_steal_pointer (&path));
  return TRUE;
}

gboolean
export_copy_file (Export      *self,
                  GFile       *source,
                  const char  *relative,
                  GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!llm_file_read (source, self->cancellable, &data, &length, error))
    return FALSE;

  return export_write_file (self, relative, data, length, error);
}


/* Removes what an earlier export left in our own folders and this one did
 * not write: pages of questions since removed, images no longer shown. */
gboolean
export_sweep (Export  *self,
              GFile   *folder,
              GError **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  GFile *child;

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          self->cancellable, error);
  if (enumerator == NULL)
    return FALSE;

  while (g_file_enumerator_iterate (enumerator, &info, &child, self->cancellable, error))
    {
      g_autofree char *path = NULL;

      if (info == NULL)
        return TRUE;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!export_sweep (self, child, error))
            return FALSE;
          /* Fails, as it should, while the folder still holds files. */
          g_file_delete (child, NULL, NULL);
          continue;
        }

      path = g_file_get_path (child);
      if (!g_hash_table_contains (self->written, path) &&
          !g_file_delete (child, self->cancellable, error))
        return FALSE;
    }

  return FALSE;
}
