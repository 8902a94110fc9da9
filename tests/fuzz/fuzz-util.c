/* fuzz-util.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What every fuzz target shares: GLib set up so that a warning or critical
 * is a crash libFuzzer records, and a scratch folder under the temporary
 * directory that is removed again when the run ends. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-util.h"

static GPtrArray *tmp_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
          !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
remove_tmp_dirs (void)
{
  for (guint i = 0; tmp_dirs != NULL && i < tmp_dirs->len; i++)
    remove_tree (g_ptr_array_index (tmp_dirs, i));
  g_clear_pointer (&tmp_dirs, g_ptr_array_unref);
}

/* A warning or a failed precondition on fuzzed input is a bug. GLib's own
 * fatal path raises SIGTRAP, which libFuzzer does not catch; SIGABRT it
 * reports with the input that caused it. */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  g_autofree char *text = NULL;

  if (!(log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    return g_log_writer_default (log_level, fields, n_fields, user_data);

  /* Not through g_log_writer_default(), which would raise SIGTRAP itself
   * under G_DEBUG=fatal-warnings. */
  text = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);
  fprintf (stderr, "%s\n", text);
  abort ();
}

void
fuzz_init (void)
{
  /* No GVfs daemon, no GIO modules: only local files are ever touched. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_setenv ("GIO_MODULE_DIR", "/nonexistent", TRUE);

  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
}

/* Returns a fresh folder under g_get_tmp_dir(), removed at exit. */
char *
fuzz_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("llm-notes-fuzz-XXXXXX", &error);

  if (path == NULL)
    g_error ("Cannot make a scratch folder: %s", error->message);

  if (tmp_dirs == NULL)
    {
      tmp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmp_dirs);
    }
  g_ptr_array_add (tmp_dirs, g_strdup (path));

  return path;
}

void
fuzz_write_file (const char    *path,
                 const uint8_t *data,
                 size_t         size)
{
  g_autoptr(GError) error = NULL;

  /* Not durable: the file lives for one input, and fsync would dominate. */
  if (!g_file_set_contents_full (path, (const char *)data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("Cannot write %s: %s", path, error->message);
}

/* Question ids become note file names (notes/<id>.md): never empty,
 * never a path, never a dot, never a control character, and short. */
gboolean
fuzz_check_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 160 || *id == '-' ||
      !g_utf8_validate (id, -1, NULL))
    return FALSE;

  for (const char *p = id; *p; p++)
    if (*p == '/' || *p == '\\' || *p == '.' || g_ascii_iscntrl (*p))
      return FALSE;

  return TRUE;
}
