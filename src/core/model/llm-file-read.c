/* llm-file-read.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a whole file, bounded. Every file the app reads whole comes
 * from the user's disk or a sync tool, so it may be a FIFO, a device or a
 * log that grew to gigabytes: such a file is refused with an error, never
 * waited on or read into memory. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "llm-file-read.h"

static void
set_too_large (gsize    max_bytes,
               GError **error)
{
  g_autofree char *size = g_format_size (max_bytes);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("The file is larger than %s"), size);
}

/* Reads @fd to its end, refusing to grow past the limit: the file may
 * have grown since it was looked at. Returns 0, an errno value, or -1
 * for a file too large. */
static int
read_all (int      fd,
          gsize    max_bytes,
          GString *buffer)
{
  for (;;)
    {
      char chunk[8192];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      if (n == 0)
        return 0;
      if (buffer->len + n > max_bytes)
        return -1;
      g_string_append_len (buffer, chunk, n);
    }
}

/* From one open descriptor, so what is read is one version even while a
 * sync tool renames another into place. A failure of the system sets
 * @saved_errno; a file that is no text file sets @error. */
static char *
read_local (const char  *path,
            gsize        max_bytes,
            gsize       *length,
            int         *saved_errno,
            GError     **error)
{
  g_autoptr(GString) buffer = NULL;
  struct stat st;
  int failure;
  int fd;

  /* O_NONBLOCK: a FIFO must not hang the reader until someone writes. */
  *saved_errno = 0;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      *saved_errno = errno;
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    failure = errno;
  else if (!S_ISREG (st.st_mode))
    failure = -2;
  else if ((guint64)st.st_size > max_bytes)
    failure = -1;
  else
    {
      buffer = g_string_sized_new (st.st_size + 1);
      failure = read_all (fd, max_bytes, buffer);
    }
  g_close (fd, NULL);

  if (failure == -2)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("Not a regular file"));
  else if (failure == -1)
    set_too_large (max_bytes, error);
  else if (failure != 0)
    *saved_errno = failure;
  if (failure != 0)
    return NULL;

  *length = buffer->len;
  return g_string_free (g_steal_pointer (&buffer), FALSE);
}

/* Files that are not on a local disk, such as the app's own resources,
 * come through GIO's streams, with the same limit. */
static char *
read_stream (GFile         *file,
             gsize          max_bytes,
             GCancellable  *cancellable,
             gsize         *length,
             GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GString) buffer = g_string_new (NULL);

  if (stream == NULL)
    return NULL;

  for (;;)
    {
      char chunk[8192];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (buffer->len + n > max_bytes)
        {
          set_too_large (max_bytes, error);
          return NULL;
        }
      g_string_append_len (buffer, chunk, n);
    }

  *length = buffer->len;
  return g_string_free (g_steal_pointer (&buffer), FALSE);
}

/**
 * llm_file_read_path:
 * @path: a file's path
 * @contents: (out): the file's bytes, with a NUL after them
 * @length: (out) (optional): how many bytes
 *
 * Reads a file whole, as g_file_get_contents() does, from one descriptor,
 * without waiting on a FIFO and refusing a file larger than
 * %LLM_FILE_READ_MAX_BYTES (%G_IO_ERROR_MESSAGE_TOO_LARGE) or that is no
 * regular file (%G_IO_ERROR_NOT_REGULAR_FILE). A failure of the system is
 * a #G_FILE_ERROR whose message is the reason alone.
 *
 * Returns: whether the file was read
 */
gboolean
llm_file_read_path (const char  *path,
                    char       **contents,
                    gsize       *length,
                    GError     **error)
{
  gsize n = 0;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *contents = read_local (path, LLM_FILE_READ_MAX_BYTES, &n, &saved_errno, error);
  if (saved_errno != 0)
    g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
  if (length != NULL)
    *length = n;

  return *contents != NULL;
}

/**
 * llm_file_read:
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @contents: (out): the file's bytes, with a NUL after them
 * @length: (out) (optional): how many bytes
 *
 * Reads a file whole as llm_file_read_path() does, with every error a
 * #G_IO_ERROR, as g_file_load_contents() gives them. A file that is not
 * on a local disk is read through its stream, with the same limit.
 *
 * Returns: whether the file was read
 */
gboolean
llm_file_read (GFile         *file,
               GCancellable  *cancellable,
               char         **contents,
               gsize         *length,
               GError       **error)
{
  return llm_file_read_at_most (file, LLM_FILE_READ_MAX_BYTES, cancellable, contents, length, error);
}

/**
 * llm_file_read_at_most:
 * @max_bytes: the largest file to read
 *
 * As llm_file_read(), with another limit: a markdown file the user opened
 * by name may be larger than any file found in a folder.
 *
 * Returns: whether the file was read
 */
gboolean
llm_file_read_at_most (GFile         *file,
                       gsize          max_bytes,
                       GCancellable  *cancellable,
                       char         **contents,
                       gsize         *length,
                       GError       **error)
{
  gsize n = 0;
  int saved_errno = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    *contents = NULL;
  else if (g_file_peek_path (file) != NULL)
    *contents = read_local (g_file_peek_path (file), max_bytes, &n, &saved_errno, error);
  else
    *contents = read_stream (file, max_bytes, cancellable, &n, error);

  if (saved_errno != 0)
    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  if (length != NULL)
    *length = n;

  return *contents != NULL;
}
