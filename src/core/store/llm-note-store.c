/* llm-note-store.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Personal notes: one plain markdown file per question, <folder>/<id>.md.
 *
 *   ---
 *   question: "What is attention?"
 *   topic: "Transformers"
 *   updated: 2026-01-02T03:04:05Z
 *   ---
 *
 *   The note itself, byte for byte as typed.
 *
 * The header is there so that a person browsing the folder, or the app
 * listing a note whose question has left the collection, can tell what the
 * note is about. Values are YAML double-quoted strings with '\\', '"' and
 * every control character escaped (\n, \t, \xNN, \uNNNN), so no title can
 * end the header early or add a key. One blank line separates header and
 * body and is not part of the body.
 *
 * Reading is lenient, because people and other tools edit these files:
 * plain and single-quoted values are accepted, "\r\n" line ends and a BOM
 * are fine, and a file that does not open with our header (no header, or
 * another app's front matter without a "question" key) is all body, so
 * nothing a person wrote is ever hidden. Keys other than the three above are
 * ignored and not kept when the note is saved again.
 *
 * A copy kept after a sync conflict is <id>.conflict-<UTC time>.md, with the
 * same header. Ids never contain '.', so no name with a dot in its stem —
 * these copies, a sync tool's own "<id>.sync-conflict-….md", or the
 * "<id>.md.XXXXXX" that GLib leaves behind when a write is killed — is ever
 * taken for a note. Such a leftover is recovered (llm_note_store_recover())
 * at start and before each save of its note.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "llm-note-store.h"
#include "llm-render.h"

#define HEADER_RULE "---"
#define CONFLICT_INFIX ".conflict-"
#define PREVIEW_CHARS 80

/* A note is typed by a person; anything this large is not one, and reading
 * it whole could take the app down. */
#define MAX_NOTE_BYTES (64 * 1024 * 1024)

/* What the store last saw of one note, to tell a sync tool's write from its
 * own. A checksum of the whole file rather than its mtime and size: a sync
 * tool may set any mtime, a rewrite may keep the size, and a mere touch is
 * not a change worth a conflict. */
typedef struct
{
  gboolean  exists;
  char     *checksum;
  char     *title;
  char     *topic;
} NoteState;

struct _LlmNoteStore
{
  GObject parent_instance;

  GFile *dir;
  char *path;
  GHashTable *states;  /* id → NoteState */
};

G_DEFINE_FINAL_TYPE (LlmNoteStore, llm_note_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
note_state_free (gpointer data)
{
  NoteState *state = data;

  g_free (state->checksum);
  g_free (state->title);
  g_free (state->topic);
  g_free (state);
}

static void
llm_note_store_finalize (GObject *object)
{
  LlmNoteStore *self = (LlmNoteStore *)object;

  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->dir);

  G_OBJECT_CLASS (llm_note_store_parent_class)->finalize (object);
}

static void
llm_note_store_class_init (LlmNoteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_note_store_finalize;

  /**
   * LlmNoteStore::changed:
   * @id: the question id
   * @body: (nullable): the note now, or %NULL once it is deleted
   *
   * Emitted after a note is saved or deleted through this store, whoever
   * did it, so every view and search index of the notes follows.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
llm_note_store_init (LlmNoteStore *self)
{
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, note_state_free);
}

/**
 * llm_note_store_new:
 * @dir: the notes folder, which need not exist yet
 *
 * The folder is created on the first save, so merely opening the app does
 * not litter the data directory.
 */
LlmNoteStore *
llm_note_store_new (GFile *dir)
{
  g_autofree char *path = NULL;
  LlmNoteStore *self;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  path = g_file_get_path (dir);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LLM_TYPE_NOTE_STORE, NULL);
  self->dir = g_object_ref (dir);
  self->path = g_steal_pointer (&path);

  return self;
}

/**
 * llm_note_store_get_directory:
 *
 * Returns: (transfer none): the notes folder
 */
GFile *
llm_note_store_get_directory (LlmNoteStore *self)
{
  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);

  return self->dir;
}

/* Ids come from llm_text_make_id(), letters, digits and '-'. Refusing the
 * rest keeps a hostile or broken id from leaving the folder, hiding a file
 * or colliding with a conflict copy or a temporary file. */
static gboolean
id_is_valid (const char *id)
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

static gboolean
check_id (const char  *id,
          GError     **error)
{
  g_autofree char *display = NULL;

  if (id_is_valid (id))
    return TRUE;

  display = g_utf8_make_valid (id, -1);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
               "“%s” cannot name a note file", display);
  return FALSE;
}

static char *
note_path (LlmNoteStore *self,
           const char   *id)
{
  g_autofree char *name = g_strconcat (id, ".md", NULL);

  return g_build_filename (self->path, name, NULL);
}

static gboolean
is_blank (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  /* A note of ideographic spaces is as empty as one of ASCII blanks. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static void
set_error_from_errno (GError     **error,
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

/* Reads the file from one open descriptor, so what is read is one version
 * even while a sync tool renames another into place. Returns TRUE with
 * *contents NULL when there is no file. */
static gboolean
read_file (const char  *path,
           char       **contents,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GString) buffer = NULL;
  struct stat st;
  int fd;

  *contents = NULL;
  *length = 0;

  /* O_NONBLOCK: a FIFO named like a note must not hang the app. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;

      set_error_from_errno (error, saved_errno, "Could not open the note", path);
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      set_error_from_errno (error, saved_errno, "Could not read the note", path);
      g_close (fd, NULL);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode) || st.st_size > MAX_NOTE_BYTES)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   S_ISREG (st.st_mode) ? "“%s” is too large to be a note"
                                        : "“%s” is not a regular file",
                   display);
      g_close (fd, NULL);
      return FALSE;
    }

  buffer = g_string_sized_new (st.st_size + 1);

  for (;;)
    {
      char chunk[8192];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int saved_errno = errno;

          set_error_from_errno (error, saved_errno, "Could not read the note", path);
          g_close (fd, NULL);
          return FALSE;
        }

      if (n == 0)
        break;

      if (buffer->len + n > MAX_NOTE_BYTES)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       "“%s” is too large to be a note", display);
          g_close (fd, NULL);
          return FALSE;
        }

      g_string_append_len (buffer, chunk, n);
    }

  g_close (fd, NULL);

  *length = buffer->len;
  *contents = g_string_free (g_steal_pointer (&buffer), FALSE);

  return TRUE;
}

static gboolean
write_file (LlmNoteStore  *self,
            const char    *path,
            const char    *contents,
            gsize          length,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* The folder holds private notes: keep it to its owner. */
  if (g_mkdir_with_parents (self->path, 0700) != 0)
    {
      int saved_errno = errno;

      set_error_from_errno (error, saved_errno, "Could not create the notes folder", self->path);
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
        set_error_from_errno (error, saved_errno, "Could not save", path);
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

static void
append_quoted (GString    *out,
               const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value ? value : "", -1);

  g_string_append_c (out, '"');

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        default:
          /* C1 controls and the Unicode line separators break lines for
           * some YAML readers; escaping them keeps every key on its line. */
          if (c < 0x20 || c == 0x7F)
            g_string_append_printf (out, "\\x%02X", c);
          else if ((c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_unichar (out, c);
        }
    }

  g_string_append_c (out, '"');
}

static GString *
compose_note (const char *title,
              const char *topic,
              const char *body)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  GString *out = g_string_sized_new (strlen (body) + 256);

  g_string_append (out, HEADER_RULE "\nquestion: ");
  append_quoted (out, title);
  g_string_append (out, "\ntopic: ");
  append_quoted (out, topic);
  g_string_append_printf (out, "\nupdated: %s\n" HEADER_RULE "\n\n", updated);
  g_string_append (out, body);

  return out;
}

static char *
checksum_of (const char *contents,
             gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static int
hex_value (const char *p,
           guint       digits)
{
  /* Eight hex digits fill 32 bits: wide enough, and unsigned, so a
   * "\UFFFFFFFF" cannot overflow; the caller rejects non-characters. */
  guint32 value = 0;

  for (guint i = 0; i < digits; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + (guint32)digit;
    }

  return value > 0x10FFFF ? 0x110000 : (int)value;
}

/* Undoes append_quoted(), and reads what a person or another YAML writer
 * may have put there instead: single quotes or no quotes at all. */
static char *
parse_value (const char *raw)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *plain = NULL;
  const char *p = raw;

  while (*p == ' ' || *p == '\t')
    p++;

  if (*p == '\'')
    {
      out = g_string_new (NULL);
      for (p++; *p; p++)
        {
          if (*p == '\'' && p[1] == '\'')
            p++;
          else if (*p == '\'')
            break;
          g_string_append_c (out, *p);
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (*p != '"')
    {
      plain = g_strdup (p);
      return g_strdup (g_strstrip (plain));
    }

  out = g_string_new (NULL);
  for (p++; *p && *p != '"'; p++)
    {
      guint digits = 0;
      int code;

      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (out, '\n'); continue;
        case 'r': g_string_append_c (out, '\r'); continue;
        case 't': g_string_append_c (out, '\t'); continue;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default: g_string_append_c (out, *p); continue;
        }

      code = hex_value (p + 1, digits);
      if (code < 0)
        {
          /* Not an escape after all: keep the text as written. */
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          continue;
        }

      /* A NUL would cut the title short wherever it is shown. */
      if (code > 0 && g_unichar_validate (code))
        g_string_append_unichar (out, code);
      else
        g_string_append_unichar (out, 0xFFFD);
      p += digits;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Returns where the line after @p starts (NULL at the end), its length
 * without the line end and trailing blanks in @length. */
static const char *
next_line (const char *p,
           gsize      *length)
{
  const char *nl = strchr (p, '\n');
  const char *end = nl ? nl : p + strlen (p);

  while (end > p && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
    end--;
  *length = end - p;

  return nl ? nl + 1 : NULL;
}

static gboolean
is_rule (const char *line,
         gsize       length)
{
  return length == strlen (HEADER_RULE) && strncmp (line, HEADER_RULE, length) == 0;
}

/* Splits valid UTF-8 text into header values and body. The body is a
 * pointer into @text; @title and @topic are set only when the text opens
 * with our header. */
static const char *
split_note (const char  *text,
            char       **title,
            char       **topic)
{
  g_autofree char *found_title = NULL;
  g_autofree char *found_topic = NULL;
  gboolean ours = FALSE;
  const char *p = text;
  gsize length;

  *title = NULL;
  *topic = NULL;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    text = p = p + 3;

  p = next_line (p, &length);
  if (p == NULL || !is_rule (text, length))
    return text;

  while (p != NULL)
    {
      const char *line = p;
      const char *key_end;
      g_autofree char *value = NULL;

      p = next_line (line, &length);

      if (is_rule (line, length))
        {
          if (!ours)
            return text;

          /* The one blank line written after the header. */
          if (p != NULL && (*p == '\n' || g_str_has_prefix (p, "\r\n")))
            p += *p == '\n' ? 1 : 2;

          *title = g_steal_pointer (&found_title);
          *topic = g_steal_pointer (&found_topic);
          return p ? p : line + strlen (line);
        }

      /* Blank lines, comments and indented continuations are YAML a
       * person may have added; anything else means this is not a header. */
      if (length == 0 || line[0] == '#' || line[0] == ' ' || line[0] == '\t')
        continue;

      key_end = line;
      while (g_ascii_isalnum (*key_end) || *key_end == '_' || *key_end == '-')
        key_end++;
      if (key_end == line || *key_end != ':' ||
          (key_end[1] != ' ' && key_end[1] != '\t' && key_end + 1 != line + length))
        return text;

      value = g_strndup (key_end + 1, line + length - (key_end + 1));

      if (strncmp (line, "question", key_end - line) == 0 && key_end - line == 8)
        {
          ours = TRUE;
          g_free (found_title);
          found_title = parse_value (value);
        }
      else if (strncmp (line, "topic", key_end - line) == 0 && key_end - line == 5)
        {
          g_free (found_topic);
          found_topic = parse_value (value);
        }
    }

  return text;
}

/* Reads a note file as valid UTF-8, with its checksum. Returns TRUE with
 * *text NULL when there is no file. */
static gboolean
read_note (const char  *path,
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
    *checksum = checksum_of (contents, length);

  /* The editor and the renderer need UTF-8; a stray byte from another
   * tool must not stop the note from opening. */
  *text = g_utf8_make_valid (contents, length);

  return TRUE;
}

static NoteState *
remember (LlmNoteStore *self,
          const char   *id,
          gboolean      exists,
          char         *checksum,
          char         *title,
          char         *topic)
{
  NoteState *state = g_hash_table_lookup (self->states, id);

  if (state == NULL)
    {
      state = g_new0 (NoteState, 1);
      g_hash_table_insert (self->states, g_strdup (id), state);
    }

  state->exists = exists;
  g_free (state->checksum);
  state->checksum = checksum;

  /* Kept across a delete: a conflict copy made later still says what it
   * is about. */
  if (title != NULL)
    {
      g_free (state->title);
      state->title = title;
    }
  if (topic != NULL)
    {
      g_free (state->topic);
      state->topic = topic;
    }

  return state;
}

/* Reads the note of @id: its body (NULL when there is none), the title
 * and topic of its header, and the file's checksum. Changes nothing in
 * the store, so any thread may call it. */
static gboolean
read_parts (LlmNoteStore  *self,
            const char    *id,
            char         **body,
            char         **title,
            char         **topic,
            char         **checksum,
            GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  *body = *title = *topic = NULL;
  if (!check_id (id, error))
    return FALSE;

  path = note_path (self, id);
  if (!read_note (path, &text, checksum, error))
    return FALSE;

  if (text != NULL)
    *body = g_strdup (split_note (text, title, topic));
  return TRUE;
}

/**
 * llm_note_store_load:
 * @id: the question id
 * @error: return location for a #GError
 *
 * Reads the note's body and remembers the file as it was, for
 * llm_note_store_changed_on_disk().
 *
 * Returns: (transfer full) (nullable): the body, or %NULL when there is no
 *   note (without an error) or it cannot be read (with one)
 */
char *
llm_note_store_load (LlmNoteStore  *self,
                     const char    *id,
                     GError       **error)
{
  g_autofree char *checksum = NULL;
  char *body, *title, *topic;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_parts (self, id, &body, &title, &topic, &checksum, error))
    return NULL;

  remember (self, id, body != NULL, g_steal_pointer (&checksum), title, topic);
  return body;
}

/**
 * llm_note_store_read:
 * @id: the question id
 * @error: return location for a #GError
 *
 * Reads the note's body and remembers nothing, so it may be called from
 * any thread (an export, a search index) while the main thread edits:
 * it touches only the folder's path, which never changes.
 *
 * Returns: (transfer full) (nullable): the body, or %NULL when there is no
 *   note (without an error) or it cannot be read (with one)
 */
char *
llm_note_store_read (LlmNoteStore  *self,
                     const char    *id,
                     GError       **error)
{
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;
  char *body;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_parts (self, id, &body, &title, &topic, NULL, error))
    return NULL;

  return body;
}

/**
 * llm_note_store_save:
 * @id: the question id
 * @title: (nullable): the question's title, for the header
 * @topic: (nullable): the question's topic, for the header
 * @body: the note
 * @error: return location for a #GError
 *
 * Replaces the note atomically and durably; a blank @body deletes it, so
 * clearing a note leaves no empty file behind. On failure the file on disk
 * is untouched and the caller still holds @body.
 *
 * The note is overwritten even if it changed on disk: ask
 * llm_note_store_changed_on_disk() first to keep the other version.
 *
 * Returns: %TRUE on success
 */
gboolean
llm_note_store_save (LlmNoteStore  *self,
                     const char    *id,
                     const char    *title,
                     const char    *topic,
                     const char    *body,
                     GError       **error)
{
  g_autoptr(GString) contents = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;

  if (is_blank (body))
    return llm_note_store_delete (self, id, error);

  contents = compose_note (title, topic, body);
  path = note_path (self, id);

  /* An earlier save of this note killed midway must not be lost under
   * this one. */
  llm_note_store_recover (self, id);

  if (!write_file (self, path, contents->str, contents->len, error))
    return FALSE;

  remember (self, id, TRUE, checksum_of (contents->str, contents->len),
            g_strdup (title), g_strdup (topic));
  g_signal_emit (self, signals[CHANGED], 0, id, body);

  return TRUE;
}

/**
 * llm_note_store_delete:
 * @id: the question id
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the note is gone, including when there was none
 */
gboolean
llm_note_store_delete (LlmNoteStore  *self,
                       const char    *id,
                       GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;

  path = note_path (self, id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      set_error_from_errno (error, saved_errno, "Could not delete the note", path);
      return FALSE;
    }

  remember (self, id, FALSE, NULL, NULL, NULL);
  g_signal_emit (self, signals[CHANGED], 0, id, NULL);

  return TRUE;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static GStrv
list_names (LlmNoteStore *self,
            gboolean      conflicts,
            const char   *only_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDir) dir = NULL;
  g_auto(GStrv) names = NULL;
  const char *name;

  /* A folder that is missing or unreadable simply holds no notes; saving
   * is where the problem gets reported. */
  dir = g_dir_open (self->path, 0, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
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
          if (!id_is_valid (stem) || (only_id != NULL && strcmp (stem, only_id) != 0))
            continue;
        }
      else if (!id_is_valid (stem))
        continue;

      path = g_build_filename (self->path, name, NULL);
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

/**
 * llm_note_store_list_ids:
 *
 * Returns: (transfer full): the ids that have a note, sorted
 */
GStrv
llm_note_store_list_ids (LlmNoteStore *self)
{
  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);

  return list_names (self, FALSE, NULL);
}

/**
 * llm_note_store_list_conflicts:
 * @id: (nullable): only the copies of this note
 *
 * Lists the copies kept after a sync conflict, ours and a sync tool's
 * ("<id>.<anything>.md"), so the app can show them next to the note.
 *
 * Returns: (transfer full): their paths, sorted, so oldest first for ours
 */
GStrv
llm_note_store_list_conflicts (LlmNoteStore *self,
                               const char   *id)
{
  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);

  if (id != NULL && !id_is_valid (id))
    return g_new0 (char *, 1);

  return list_names (self, TRUE, id);
}

/* A list shows a line as text: "## Why", "> - **Key**" and "1. [ ] `x`"
 * lose their markers and their inline markup. */
static char *
preview_plain (const char *line)
{
  const char *p = line;
  gboolean more = TRUE;

  while (more)
    {
      const char *q = p;

      more = FALSE;
      while (*q == '#')
        q++;
      if (q != p && (*q == ' ' || *q == '\0'))
        p = q, more = TRUE;
      else if (*p == '>')
        p++, more = TRUE;
      else if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
        p += 2, more = TRUE;
      else if (g_ascii_isdigit (*p))
        {
          for (q = p; g_ascii_isdigit (*q); q++)
            ;
          if ((*q == '.' || *q == ')') && q[1] == ' ')
            p = q + 2, more = TRUE;
        }
      else if (*p == '[' && (p[1] == ' ' || p[1] == 'x' || p[1] == 'X') && p[2] == ']' && p[3] == ' ')
        p += 4, more = TRUE;
      while (*p == ' ' || *p == '\t')
        p++;
    }

  return g_strstrip (llm_render_inline_plain (p));
}

/**
 * llm_note_store_preview:
 * @id: the question id
 *
 * For a list of notes: the first line of the body with any text, as
 * text (no markdown markers or markup), trimmed and cut at a character to
 * at most 80 characters. Does not count as a
 * load for llm_note_store_changed_on_disk().
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when there is no
 *   note, no text in it, or it cannot be read
 */
char *
llm_note_store_preview (LlmNoteStore *self,
                        const char   *id)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;
  const char *p;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!id_is_valid (id))
    return NULL;

  path = note_path (self, id);
  if (!read_note (path, &text, NULL, NULL) || text == NULL)
    return NULL;

  p = split_note (text, &title, &topic);

  while (p != NULL)
    {
      const char *line = p;
      g_autofree char *trimmed = NULL;
      gsize length;

      p = next_line (line, &length);
      trimmed = g_strndup (line, length);
      g_strstrip (trimmed);
      if (is_blank (trimmed))
        continue;
      {
        char *plain = preview_plain (trimmed);

        g_free (trimmed);
        trimmed = plain;
      }
      if (is_blank (trimmed))
        continue;

      if (g_utf8_strlen (trimmed, -1) > PREVIEW_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (trimmed, 0, PREVIEW_CHARS - 1);

          return g_strconcat (cut, "…", NULL);
        }

      return g_steal_pointer (&trimmed);
    }

  return NULL;
}

/**
 * llm_note_store_read_header:
 * @id: the question id
 * @title: (out) (optional) (transfer full): the question's title
 * @topic: (out) (optional) (transfer full): its topic
 *
 * Tells what a note is about from its file alone, for a note whose
 * question is no longer in the collection.
 *
 * Returns: %TRUE if the note exists and has a header
 */
gboolean
llm_note_store_read_header (LlmNoteStore  *self,
                            const char    *id,
                            char         **title,
                            char         **topic)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *found_title = NULL;
  g_autofree char *found_topic = NULL;

  if (title)
    *title = NULL;
  if (topic)
    *topic = NULL;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!id_is_valid (id))
    return FALSE;

  path = note_path (self, id);
  if (!read_note (path, &text, NULL, NULL) || text == NULL)
    return FALSE;

  split_note (text, &found_title, &found_topic);
  if (found_title == NULL)
    return FALSE;

  if (title)
    *title = g_steal_pointer (&found_title);
  if (topic)
    *topic = found_topic ? g_steal_pointer (&found_topic) : g_strdup ("");

  return TRUE;
}

/**
 * llm_note_store_changed_on_disk:
 * @id: the question id
 *
 * Tells whether the note's file differs from what this store last loaded
 * or saved: a sync tool wrote, created or deleted it. A note the store has
 * never seen counts as expected absent, so a file that appeared from
 * elsewhere is a change. A touch that keeps the contents is not.
 *
 * Returns: %TRUE if saving now would overwrite something unseen
 */
gboolean
llm_note_store_changed_on_disk (LlmNoteStore *self,
                                const char   *id)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *checksum = NULL;
  NoteState *state;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!id_is_valid (id))
    return FALSE;

  path = note_path (self, id);

  /* Unreadable is not known to be unchanged: let the app look before it
   * overwrites. */
  if (!read_note (path, &text, &checksum, NULL))
    return TRUE;

  state = g_hash_table_lookup (self->states, id);

  if (state == NULL || !state->exists)
    return text != NULL;

  return text == NULL || g_strcmp0 (checksum, state->checksum) != 0;
}

/* <id>.conflict-<UTC time>.md, free; two conflicts in one second must
 * not overwrite each other. */
static char *
make_conflict_path (LlmNoteStore *self,
                    const char   *id,
                    GDateTime    *when)
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
      path = g_build_filename (self->path, name, NULL);
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
  return id_is_valid (id) ? g_steal_pointer (&id) : NULL;
}

/* A save killed before its rename leaves its temporary file. Written
 * after the note on disk, it holds newer text (whole or cut short) and is
 * kept as a conflict copy, as a sync conflict is; older, empty or the
 * same as the note, it is removed. GLib reserves the file's whole length
 * before writing, so a write cut short ends in zero bytes, which no note
 * holds: they are not kept. Returns whether a copy was kept. */
static gboolean
recover_leftover (LlmNoteStore *self,
                  const char   *id,
                  const char   *name)
{
  g_autofree char *leftover = g_build_filename (self->path, name, NULL);
  g_autofree char *note = note_path (self, id);
  g_autofree char *text = NULL;
  g_autofree char *note_text = NULL;
  GStatBuf leftover_st, note_st;
  gboolean has_note;
  gsize length = 0;
  gsize note_length = 0;

  if (g_lstat (leftover, &leftover_st) != 0 || !S_ISREG (leftover_st.st_mode) ||
      leftover_st.st_size > MAX_NOTE_BYTES || !g_file_get_contents (leftover, &text, &length, NULL))
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
      path = make_conflict_path (self, id, when);

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

/**
 * llm_note_store_recover:
 * @id: (nullable): only this note's leftovers
 *
 * Looks for the temporary files of saves that were killed ("<id>.md.XXXXXX"):
 * one newer than its note becomes a conflict copy, listed by
 * llm_note_store_list_conflicts() beside the note; the others are
 * removed. The app does this at start, and llm_note_store_save() before
 * each save of a note.
 *
 * Returns: how many conflict copies were kept
 */
guint
llm_note_store_recover (LlmNoteStore *self,
                        const char   *id)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint kept = 0;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), 0);

  dir = g_dir_open (self->path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name_id = leftover_id (name);

      if (name_id != NULL && (id == NULL || strcmp (id, name_id) == 0))
        g_ptr_array_add (names, g_strdup (name));
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *name_id = leftover_id (g_ptr_array_index (names, i));

      kept += recover_leftover (self, name_id, g_ptr_array_index (names, i));
    }

  return kept;
}

/**
 * llm_note_store_save_conflict_copy:
 * @id: the question id
 * @body: the version to keep aside
 * @error: return location for a #GError
 *
 * Writes @body next to the note as <id>.conflict-<UTC time>.md, with the
 * header of the note as last seen, so that neither version of a conflict
 * is lost. The note itself and what the store remembers of it are left
 * alone.
 *
 * Returns: (transfer full) (nullable): the copy's path, or %NULL on error
 */
char *
llm_note_store_save_conflict_copy (LlmNoteStore  *self,
                                   const char    *id,
                                   const char    *body,
                                   GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GString) contents = NULL;
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *path = NULL;
  NoteState *state;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_id (id, error))
    return NULL;

  state = g_hash_table_lookup (self->states, id);
  if (state != NULL && state->title != NULL)
    {
      title = g_strdup (state->title);
      topic = g_strdup (state->topic);
    }
  else
    llm_note_store_read_header (self, id, &title, &topic);

  now = g_date_time_new_now_utc ();
  path = make_conflict_path (self, id, now);

  contents = compose_note (title, topic, body);
  if (!write_file (self, path, contents->str, contents->len, error))
    return NULL;

  return g_steal_pointer (&path);
}

/**
 * llm_note_store_load_conflict:
 * @path: a path from llm_note_store_list_conflicts()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the copy's body, without its header
 */
char *
llm_note_store_load_conflict (LlmNoteStore  *self,
                              const char    *path,
                              GError       **error)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *topic = NULL;

  g_return_val_if_fail (LLM_IS_NOTE_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_note (path, &text, NULL, error))
    return NULL;

  if (text == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "The conflict copy “%s” is gone", display);
      return NULL;
    }

  return g_strdup (split_note (text, &title, &topic));
}
