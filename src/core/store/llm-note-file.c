/* llm-note-file.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The files of the notes folder: which names are notes, conflict copies
 * or a killed save's leftovers, reading one bounded and from one
 * descriptor, writing one atomically and durably, and turning leftovers
 * into conflict copies. Knows nothing of the store's memory of notes, so
 * everything here works from the folder's path alone.
 *
 * A copy kept after a sync conflict is <id>.conflict-<UTC time>.md, with the
 * same header. Ids never contain '.', so no name with a dot in its stem —
 * these copies, a sync tool's own "<id>.sync-conflict-….md", or the
 * "<id>.md.XXXXXX" that GLib leaves behind when a write is killed — is ever
 * taken for a note.
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "llm-file-read.h"
#include "llm-note-file.h"

#define CONFLICT_INFIX ".conflict-"

/* Ids come from llm_text_make_id(), letters, digits and '-'. Refusing the
 * rest keeps a hostile or broken id from leaving the folder, hiding a file
 * or colliding with a conflict copy or a temporary file. */
gboolean
llm_note_file_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || !g_utf8_validate (id, -1, NULL))
    return FALSE;

  for (const char *p = id; *p; p++)
    {
      if (*p == '/' || *p == '\\' || *p == '.' || g_ascii_iscntrl (*p))
        return FALSE;
    }

  return TRUE;
}

char *
llm_note_file_path (const char *dir,
                    const char *id)
{
  g_autofree char *name = g_strconcat (id, ".md", NULL);

  return g_build_filename (dir, name, NULL);
}

void
llm_note_file_set_error (GError     **error,
                         int          saved_errno,
                         const char  *what,
                         const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* The reason first: a status line or toast that runs out of room cuts
   * the path, never "Permission denied". */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "%s: %s “%s”", g_strerror (saved_errno), what, display);
}

/* GLib's own write errors end with the reason, after the path. */
static int
errno_from_file_error (const GError *error)
{
  static const struct { GFileError code; int value; } table[] = {
    { G_FILE_ERROR_ACCES, EACCES }, { G_FILE_ERROR_PERM, EPERM }, { G_FILE_ERROR_ROFS, EROFS },
    { G_FILE_ERROR_NOSPC, ENOSPC }, { G_FILE_ERROR_NOENT, ENOENT }, { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_ISDIR, EISDIR }, { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG }, { G_FILE_ERROR_IO, EIO },
    { G_FILE_ERROR_LOOP, ELOOP }, { G_FILE_ERROR_MFILE, EMFILE }, { G_FILE_ERROR_NFILE, ENFILE },
    { G_FILE_ERROR_NOMEM, ENOMEM },
  };

  if (error->domain != G_FILE_ERROR)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].code == (GFileError)error->code)
      return table[i].value;
  return 0;
}

/* Returns TRUE with *contents NULL when there is no file. */
static gboolean
read_file (const char  *path,
           char       **contents,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  *length = 0;
  if (llm_file_read_path (path, contents, length, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;

  display = g_filename_display_name (path);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "“%s” is not a regular file", display);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "“%s” is too large to be a note", display);
  else
    {
      int saved_errno = errno_from_file_error (local_error);

      llm_note_file_set_error (error, saved_errno != 0 ? saved_errno : EIO, "Could not read the note", path);
    }
  return FALSE;
}

gboolean
llm_note_file_write (const char  *dir,
                     const char  *path,
                     const char  *contents,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* The folder holds private notes: keep it to its owner. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      llm_note_file_set_error (error, saved_errno, "Could not create the notes folder", dir);
      return FALSE;
    }

  /* Written to a temporary file, synced, then renamed over the note: the
   * file on disk is always the old or the new version, never a torn one. */
  if (!g_file_set_contents_full (path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      int saved_errno = errno_from_file_error (local_error);

      const char *reason = g_strrstr (local_error->message, "”: ");

      if (saved_errno != 0)
        llm_note_file_set_error (error, saved_errno, "Could not save", path);
      else if (reason != NULL)
        {
          /* "Failed to write file “…”: write() failed: File too large":
           * the reason goes first here too. */
          g_autofree char *what = g_strndup (local_error->message, reason + strlen ("”") - local_error->message);
          const char *last = g_strrstr (reason, ": ");

          g_set_error (error, local_error->domain, local_error->code,
                       "%s: %s", last + strlen (": "), what);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

char *
llm_note_file_checksum (const char *contents,
                        gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* Reads a note file as valid UTF-8, with its checksum. Returns TRUE with
 * *text NULL when there is no file. */
gboolean
llm_note_file_read (const char  *path,
                    char       **text,
                    char       **checksum,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  *text = NULL;
  if (checksum)
    *checksum = NULL;

  if (!read_file (path, &contents, &length, error))
    return FALSE;

  if (contents == NULL)
    return TRUE;

  if (checksum)
    *checksum = llm_note_file_checksum (contents, length);

  /* The editor and the renderer need UTF-8; a stray byte from another
   * tool must not stop the note from opening. */
  *text = g_utf8_make_valid (contents, length);

  return TRUE;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

GStrv
llm_note_file_list (const char *dir,
                    gboolean    conflicts,
                    const char *only_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDir) folder = NULL;
  g_auto(GStrv) names = NULL;
  const char *name;

  /* A folder that is missing or unreadable simply holds no notes; saving
   * is where the problem gets reported. */
  folder = g_dir_open (dir, 0, NULL);

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *stem = NULL;
      g_autofree char *path = NULL;
      char *dot;

      if (!g_str_has_suffix (name, ".md"))
        continue;

      stem = g_strndup (name, strlen (name) - 3);
      dot = strchr (stem, '.');

      if (conflicts)
        {
          if (dot == NULL || dot[1] == '\0')
            continue;
          *dot = '\0';
          if (!llm_note_file_id_is_valid (stem) || (only_id != NULL && strcmp (stem, only_id) != 0))
            continue;
        }
      else if (!llm_note_file_id_is_valid (stem))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      if (conflicts)
        g_strv_builder_add (builder, path);
      else
        g_strv_builder_add (builder, stem);
    }

  names = g_strv_builder_end (builder);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  return g_steal_pointer (&names);
}

/* <id>.conflict-<UTC time>.md, free; two conflicts in one second must
 * not overwrite each other. */
char *
llm_note_file_conflict_path (const char *dir,
                             const char *id,
                             GDateTime  *when)
{
  g_autofree char *stamp = g_date_time_format (when, "%Y%m%dT%H%M%SZ");
  char *path = NULL;

  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = NULL;

      if (n == 1)
        name = g_strdup_printf ("%s" CONFLICT_INFIX "%s.md", id, stamp);
      else
        name = g_strdup_printf ("%s" CONFLICT_INFIX "%s-%u.md", id, stamp, n);

      g_free (path);
      path = g_build_filename (dir, name, NULL);
    }

  return path;
}

static gint64
mtime_usec (const GStatBuf *st)
{
  return (gint64)st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/* The id of GLib's temporary file "<id>.md.XXXXXX", or %NULL. */
static char *
leftover_id (const char *name)
{
  const char *suffix = strstr (name, ".md.");
  g_autofree char *id = NULL;

  if (suffix == NULL || strlen (suffix) != strlen (".md.XXXXXX"))
    return NULL;

  id = g_strndup (name, suffix - name);
  return llm_note_file_id_is_valid (id) ? g_steal_pointer (&id) : NULL;
}

/* A save killed before its rename leaves its temporary file. Written
 * after the note on disk, it holds newer text (whole or cut short) and is
 * kept as a conflict copy, as a sync conflict is; older, empty or the
 * same as the note, it is removed. GLib reserves the file's whole length
 * before writing, so a write cut short ends in zero bytes, which no note
 * holds: they are not kept. Returns whether a copy was kept. */
static gboolean
recover_leftover (const char *dir,
                  const char *id,
                  const char *name)
{
  g_autofree char *leftover = g_build_filename (dir, name, NULL);
  g_autofree char *note = llm_note_file_path (dir, id);
  g_autofree char *text = NULL;
  g_autofree char *note_text = NULL;
  GStatBuf leftover_st, note_st;
  gboolean has_note;
  gsize length = 0;
  gsize note_length = 0;

  if (g_lstat (leftover, &leftover_st) != 0 || !S_ISREG (leftover_st.st_mode) ||
      !llm_file_read_path (leftover, &text, &length, NULL))
    {
      g_unlink (leftover);
      return FALSE;
    }
  length = strnlen (text, length);
  has_note = g_stat (note, &note_st) == 0;

  if (length > 0 && (!has_note || mtime_usec (&leftover_st) > mtime_usec (&note_st)) &&
      !(has_note && g_file_get_contents (note, &note_text, &note_length, NULL) &&
        note_length == length && memcmp (note_text, text, length) == 0))
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (leftover_st.st_mtime);
      g_autofree char *path = NULL;

      if (when == NULL)
        when = g_date_time_new_now_utc ();
      path = llm_note_file_conflict_path (dir, id, when);

      /* Cut to its text and renamed: no new temporary file that a kill
       * could leave in turn. A failure leaves it for the next look. */
      if ((length == (gsize)leftover_st.st_size || truncate (leftover, length) == 0) &&
          g_rename (leftover, path) == 0)
        return TRUE;
      return FALSE;
    }

  g_unlink (leftover);
  return FALSE;
}

guint
llm_note_file_recover (const char *dir,
                       const char *id)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint kept = 0;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *name_id = leftover_id (name);

      if (name_id != NULL && (id == NULL || strcmp (id, name_id) == 0))
        g_ptr_array_add (names, g_strdup (name));
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *name_id = leftover_id (g_ptr_array_index (names, i));

      kept += recover_leftover (dir, name_id, g_ptr_array_index (names, i));
    }

  return kept;
}
