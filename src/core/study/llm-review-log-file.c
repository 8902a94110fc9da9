/* llm-review-log-file.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review log's writes to disk: one line appended durably and
 * atomically with respect to other writers, the header on a new file, and
 * a torn last line closed off first. What the lines say, and the log
 * object that holds them, are llm-review-log.c's. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "llm-review-log-private.h"

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write the review log “%s”: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

/* Makes a new file's directory entry durable too. */
static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Appends @text with a single write() on an O_APPEND descriptor, so that
 * two writers (two app instances, a sync tool) never interleave inside a
 * line, then fsync()s it before saying it's done. */
gboolean
_llm_review_log_append_line (const char  *path,
                             const char  *line,
                             GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat st;
  gboolean created;
  ssize_t written;
  int fd;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    return set_errno_error (error, errno, path);

  created = g_stat (path, &st) != 0;

  do
    fd = open (path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno, path);
    }

  if (st.st_size == 0)
    g_string_append (text, LLM_REVIEW_LOG_HEADER "\n");
  else
    {
      char last = '\n';

      /* After a torn write, start on a line of our own: the fragment stays
       * one skipped line instead of spoiling this one. It is closed with a
       * fifth field first, since a fragment cut inside its last field
       * (the milliseconds) would otherwise read as a whole review. */
      if (pread (fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
        g_string_append (text, LLM_REVIEW_LOG_TORN_MARK "\n");
    }

  g_string_append (text, line);
  g_string_append_c (text, '\n');

  do
    written = write (fd, text->str, text->len);
  while (written < 0 && errno == EINTR);

  if (written != (ssize_t)text->len || fsync (fd) != 0)
    {
      /* A short write means a full disk. */
      int saved_errno = written < 0 || written == (ssize_t)text->len ? errno : ENOSPC;

      close (fd);
      return set_errno_error (error, saved_errno, path);
    }

  if (close (fd) != 0)
    return set_errno_error (error, errno, path);

  if (created)
    sync_directory (path);

  return TRUE;
}
