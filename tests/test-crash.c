/* test-crash.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Kills a process writing each kind of file the app writes at random
 * moments, 200 times per kind, then checks that nothing on disk is torn:
 * notes, the review log, mock-interview reports, the notes export and
 * the HTML export. The writer is this program run again with --child, so
 * it starts from a clean exec rather than a fork of a GLib test harness. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "llm-collection-loader.h"
#include "llm-html-export.h"
#include "llm-interview-report.h"
#include "llm-note-export.h"
#include "llm-note-store.h"
#include "llm-question.h"
#include "llm-review-log.h"
#include "llm-test-files.h"

#define N_KILLS 200
#define MAX_DELAY_USEC 20000
/* An HTML export takes longer, most of it in syncing every file at its
 * end (a few hundred milliseconds on a loaded machine): the kills must
 * reach that end, and the index written after it, too. */
#define MAX_EXPORT_DELAY_USEC 400000

static const char *self_path;

static const struct {
  const char *id;
  const char *title;
} notes[] = {
  { "what-is-attention", "What is attention?" },
  { "注意力机制是什么", "注意力机制: 是什么？" },
  { "kv-cache", "KV cache\n---\ntopic: tricky" },
  { "rope", "RoPE" },
};

/* Version A is 200 lines ending "END-A", version B 300 lines ending
 * "END-B"; both carry a checksum of what precedes it. A torn file is
 * neither, whichever byte it stops at. */
static char *
make_body (guint note,
           char  version)
{
  guint n_lines = version == 'A' ? 200 : 300;
  g_autofree char *checksum = NULL;
  GString *body = g_string_new (NULL);

  g_string_append_printf (body, "note %u version %c\n", note, version);
  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (body, "%c%c%c %03u the quick brown fox jumps over the lazy dog %s\n",
                            version, version, version, i, notes[note].id);

  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body->str, body->len);
  g_string_append_printf (body, "checksum %s\nEND-%c", checksum, version);

  return g_string_free (body, FALSE);
}

/* Which version @body is: 'A', 'B', or 0 for a torn or foreign one. */
static char
check_body (guint       note,
            const char *body)
{
  g_autofree char *expected = NULL;
  const char *checksum_line;
  const char *end;
  char version;

  end = strrchr (body, '\n');
  if (end == NULL || !g_str_has_prefix (end, "\nEND-") || strlen (end) != 6)
    return 0;
  version = end[5];
  if (version != 'A' && version != 'B')
    return 0;

  /* The checksum line proves the body whole on its own … */
  checksum_line = g_strrstr_len (body, end - body, "\nchecksum ");
  if (checksum_line != NULL)
    {
      g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)body,
                                                          checksum_line + 1 - body);

      if (strncmp (checksum_line + strlen ("\nchecksum "), sum, strlen (sum)) != 0)
        return 0;
    }
  else
    return 0;

  /* … and the exact text proves it is this note's. */
  expected = make_body (note, version);
  return g_str_equal (body, expected) ? version : 0;
}

static int
run_child (const char *path,
           guint       start)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(LlmNoteStore) store = llm_note_store_new (dir);
  char *bodies[G_N_ELEMENTS (notes)][2];

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      bodies[i][0] = make_body (i, 'A');
      bodies[i][1] = make_body (i, 'B');
    }

  /* The parent's random delay starts once this process is up. */
  if (write (STDOUT_FILENO, "R", 1) != 1)
    return 3;

  for (guint round = start;; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
        {
          g_autoptr(GError) error = NULL;

          if (!llm_note_store_save (store, notes[i].id, notes[i].title, "Crash test",
                                    bodies[i][(round + i) % 2], &error))
            {
              g_printerr ("child: %s\n", error->message);
              return 2;
            }

          /* One byte per finished save, so the parent knows saves ran. */
          if (write (STDOUT_FILENO, "s", 1) != 1)
            return 3;
        }
    }

  return 0;
}

typedef struct
{
  guint torn;
  guint versions[2];
  guint leftovers;
  guint recovered;        /* leftovers kept as conflict copies */
  guint recovered_whole;  /* … of which a whole version */
} Survey;

/* Each note's file, both versions, byte for byte as the store writes it. */
static char *note_files[G_N_ELEMENTS (notes)][2];

static void
make_note_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("llm-crash-files-XXXXXX", &error);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(LlmNoteStore) store = llm_note_store_new (dir);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    for (guint v = 0; v < 2; v++)
      {
        g_autofree char *body = make_body (i, 'A' + v);
        g_autofree char *file = g_strconcat (path, "/", notes[i].id, ".md", NULL);

        g_assert_true (llm_note_store_save (store, notes[i].id, notes[i].title, "Crash test", body, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (file, &note_files[i][v], NULL, NULL));
        g_unlink (file);
      }
  g_rmdir (path);
}

/* A recovered leftover is some version of its note, whole or cut short by
 * the kill, never anything else. Returns 0 for anything else, 1 for a cut
 * version, 2 for a whole one; the copy is removed. */
/* The header's "updated:" line is the time of the save; cut short inside
 * it, a file keeps what precedes it. */
static char *
without_time (const char *text)
{
  GString *out = g_string_new (text);
  const char *line = strstr (out->str, "\nupdated: ");

  if (line != NULL)
    {
      const char *end = strchr (line + 1, '\n');
      gsize at = line + 1 - out->str;

      if (end != NULL)
        g_string_erase (out, at, end + 1 - (line + 1));
      else
        g_string_truncate (out, at);
    }

  return g_string_free (out, FALSE);
}

static guint
check_recovered (guint       note,
                 const char *path)
{
  g_autofree char *raw = NULL;
  g_autofree char *contents = NULL;
  gsize raw_length;
  gsize length;
  guint result = 0;

  g_assert_true (g_file_get_contents (path, &raw, &raw_length, NULL));
  /* The zero bytes GLib reserved ahead of a write cut short are not kept. */
  g_assert_cmpuint (raw_length, ==, strlen (raw));
  contents = without_time (raw);
  length = strlen (contents);
  for (guint v = 0; v < 2; v++)
    {
      g_autofree char *expected = without_time (note_files[note][v]);

      if (length > 0 && length <= strlen (expected) && memcmp (contents, expected, length) == 0)
        result = MAX (result, length == strlen (expected) ? 2 : 1);
    }

  g_unlink (path);
  return result;
}

/* Every file in the folder must be a whole note or GLib's temporary file
 * from a killed write; every note a whole version. With @recover, the
 * leftovers are recovered first, as the app does at start: none may be
 * left, and each copy kept must be a version of its note. */
static void
survey_folder (const char   *path,
               LlmNoteStore *store,
               gboolean      recover,
               Survey       *survey)
{
  g_autoptr(GDir) dir = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) conflicts = NULL;
  const char *name;
  guint kept = 0;

  memset (survey, 0, sizeof *survey);

  {
    g_autoptr(GFile) folder = g_file_new_for_path (path);
    g_autoptr(LlmNoteStore) fresh = llm_note_store_new (folder);

    if (recover)
      kept = llm_note_store_recover (fresh, NULL);

    /* The copies kept here, and those the child's saves kept of the
     * leftovers of earlier kills. */
    for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
        {
          g_auto(GStrv) copies = llm_note_store_list_conflicts (fresh, notes[i].id);

          for (guint j = 0; copies[j] != NULL; j++)
            {
              guint found = check_recovered (i, copies[j]);

              if (found == 0)
                g_test_message ("recovered “%s” is no version of its note", copies[j]);
              g_assert_cmpuint (found, >, 0);
              survey->recovered++;
              survey->recovered_whole += found == 2;
            }
        }
    g_assert_cmpuint (survey->recovered, >=, kept);
  }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (notes) && !known; i++)
        {
          g_autofree char *note_name = g_strconcat (notes[i].id, ".md", NULL);
          g_autofree char *temp_pattern = g_strconcat (notes[i].id, ".md.??????", NULL);

          if (g_str_equal (name, note_name))
            known = TRUE;
          else if (g_pattern_match_simple (temp_pattern, name))
            {
              known = TRUE;
              survey->leftovers++;
            }
        }

      if (!known)
        g_test_message ("unexpected file “%s”", name);
      g_assert_true (known);
    }

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *body = NULL;
      g_autofree char *title = NULL;
      char version;

      body = llm_note_store_load (store, notes[i].id, &error);
      g_assert_no_error (error);
      if (body == NULL)
        continue;

      version = check_body (i, body);
      if (version == 0 ||
          !llm_note_store_read_header (store, notes[i].id, &title, NULL) ||
          !g_str_equal (title, notes[i].title))
        {
          g_test_message ("torn note “%s” (%zu bytes of body)", notes[i].id, strlen (body));
          survey->torn++;
          continue;
        }

      survey->versions[version - 'A']++;
    }

  /* GLib's temporary files are not notes, nor conflict copies. */
  ids = llm_note_store_list_ids (store);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (notes); j++)
        known |= g_str_equal (ids[i], notes[j].id);
      g_assert_true (known);
    }
  conflicts = llm_note_store_list_conflicts (store, NULL);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 0);
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

/* Starts "--child KIND PATH START", lets it run for a random time up to
 * @max_delay_usec once it is ready, and kills it. Returns how many writes
 * the child said it finished. */
static guint
run_and_kill (const char *kind,
              const char *path,
              guint       start,
              guint       max_delay_usec)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start_text = g_strdup_printf ("%u", start);
  const char *argv[] = { self_path, "--child", kind, path, start_text, NULL };
  char buffer[4096];
  GPid pid;
  int out_fd = -1;
  int status = 0;
  guint acks = 0;
  gssize n;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH | G_SPAWN_CLOEXEC_PIPES,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  do
    n = read (out_fd, buffer, 1);
  while (n < 0 && errno == EINTR);
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpint (buffer[0], ==, 'R');

  g_usleep (g_test_rand_int_range (0, max_delay_usec + 1));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  /* A child that stopped on its own failed a write. */
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    acks += n;
  g_close (out_fd, NULL);

  return acks;
}

static void
test_kill_while_saving (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(LlmNoteStore) store = NULL;
  guint kills = 0;
  guint torn = 0;
  guint saves = 0;
  guint seen[2] = { 0, 0 };
  guint leftovers = 0;
  guint recovered = 0;
  guint recovered_whole = 0;
  Survey survey = { 0 };

  make_note_files ();
  path = g_dir_make_tmp ("llm-crash-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (path);
  store = llm_note_store_new (dir);

  for (guint run = 0; run < N_KILLS; run++)
    {
      saves += run_and_kill ("notes", path, g_test_rand_int_range (0, 2), MAX_DELAY_USEC);
      kills++;

      /* Every other run, the leftovers are recovered as at start; the
       * others leave them for the child's next save to recover. */
      survey_folder (path, store, run % 2 == 1, &survey);
      torn += survey.torn;
      seen[0] += survey.versions[0];
      seen[1] += survey.versions[1];
      recovered += survey.recovered;
      recovered_whole += survey.recovered_whole;
      if (run % 2 == 1)
        g_assert_cmpuint (survey.leftovers, ==, 0);
      else
        leftovers += survey.leftovers;
    }

  g_test_message ("notes: %u kills, %u saves finished, %u torn notes, "
                  "%u/%u whole A/B versions seen, %u temporary files left by killed writes "
                  "before a recovery, %u recovered as conflict copies (%u whole, the rest cut short), "
                  "0 left after recovery",
                  kills, saves, torn, seen[0], seen[1], leftovers, recovered, recovered_whole);

  g_assert_cmpuint (kills, ==, N_KILLS);
  g_assert_cmpuint (torn, ==, 0);
  /* Else the kills never met a write and proved nothing. How many saves
   * finish between kills depends on the machine's load, so only ask for
   * some; the versions seen below show both kinds of write landed. */
  g_assert_cmpuint (saves, >, 0);
  g_assert_cmpuint (seen[0], >, 0);
  g_assert_cmpuint (seen[1], >, 0);

  remove_folder (path);
}

/* The review log. "--child log" appends line after line; line n is a
 * review with a time, id, grade and duration all made from n, except that
 * every third line (n % 3 == 2) is the undo record of the review before
 * it, so any line either is exactly line n or is torn. */

#define LOG_EPOCH G_GINT64_CONSTANT (1785000000)  /* 2026-07-25 */

static char *
log_id (guint n)
{
  g_autofree char *seed = g_strdup_printf ("entry %u", n);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

  return g_strdup_printf ("q%u-%.16s", n, sum);
}

static gboolean
log_is_undo (guint n)
{
  return n % 3 == 2;
}

static char *
log_line (guint n)
{
  g_autofree char *id = log_id (log_is_undo (n) ? n - 1 : n);
  guint r = log_is_undo (n) ? n - 1 : n;
  LlmReviewEntry entry = { LOG_EPOCH + r, id, LLM_GRADE_AGAIN + r % 4, r };
  g_autofree char *line = llm_review_entry_to_line (&entry);

  return log_is_undo (n) ? g_strconcat (line, "\t" LLM_REVIEW_LOG_UNDO_MARK, NULL) : g_steal_pointer (&line);
}

/* Writes line n as the app would: a review, or the undo of the last one. */
static gboolean
log_append (LlmReviewLog  *log,
            guint          n,
            GError       **error)
{
  guint r = log_is_undo (n) ? n - 1 : n;
  g_autofree char *id = log_id (r);
  LlmReviewEntry entry = { LOG_EPOCH + r, id, LLM_GRADE_AGAIN + r % 4, r };

  if (log_is_undo (n))
    return llm_review_log_append_undo (log, &entry, error);

  return llm_review_log_append (log, entry.when, entry.id, entry.grade, entry.ms, error);
}

/* Reviews that lines 0 … n - 1 leave standing. */
static guint
log_reviews_kept (guint n)
{
  guint kept = 0;

  for (guint i = 0; i < n; i++)
    {
      if (log_is_undo (i))
        kept--;
      else
        kept++;
    }

  return kept;
}

static int
run_log_child (const char *path,
               guint       start)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);

  if (write (STDOUT_FILENO, "R", 1) != 1)
    return 3;

  for (guint n = start;; n++)
    {
      g_autoptr(GError) error = NULL;

      if (!log_append (log, n, &error))
        {
          g_printerr ("child: %s\n", error->message);
          return 2;
        }
      if (write (STDOUT_FILENO, "a", 1) != 1)
        return 3;
    }

  return 0;
}

/* A line a kill or a cut left short, closed by the next append. */
static gboolean
is_fragment (const char *line,
             const char *expected)
{
  gsize length = strlen (line) - strlen (LLM_REVIEW_LOG_TORN_MARK);

  return g_str_has_suffix (line, LLM_REVIEW_LOG_TORN_MARK) && length > 0 &&
         length < strlen (expected) && strncmp (line, expected, length) == 0;
}

typedef struct
{
  guint entries;     /* whole lines, 0 … entries - 1 in order */
  guint fragments;   /* complete lines that are the start of an entry: torn writes, skipped */
  gboolean partial;  /* the last line has no line break yet */
  guint torn;        /* anything else: an entry glued to a fragment, a damaged line */
} LogSurvey;

/* Reads the log line by line against what it may hold, and checks that
 * the app's loader reads the same entries and skips the same lines. */
static void
survey_log (const char *path,
            LogSurvey  *survey)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  const char *p, *end;

  memset (survey, 0, sizeof *survey);
  if (!g_file_get_contents (path, &data, &length, NULL))
    return;

  p = data;
  end = data + length;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize line_length = (nl != NULL ? nl : end) - p;
      g_autofree char *line = g_strndup (p, line_length);
      g_autofree char *expected = log_line (survey->entries);
      gboolean first = p == data;

      if (nl == NULL)
        {
          /* A write in progress: the start of the header with its first
           * entry, or of the next entry. */
          survey->partial = TRUE;
          if (!(first ? g_str_has_prefix (LLM_REVIEW_LOG_HEADER, line)
                      : g_str_has_prefix (expected, line)))
            survey->torn++;
          break;
        }

      if (first && g_str_equal (line, LLM_REVIEW_LOG_HEADER))
        ;
      else if (first)
        survey->torn++;
      else if (g_str_equal (line, expected))
        survey->entries++;
      else if (is_fragment (line, expected))
        survey->fragments++;
      else
        {
          g_test_message ("torn review-log line “%.80s”", line);
          survey->torn++;
        }

      p = nl + 1;
    }

  g_assert_true (llm_review_log_load (log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (llm_review_log_get_n_entries (log), ==, log_reviews_kept (survey->entries));
  g_assert_cmpuint (llm_review_log_get_n_undone (log), ==, survey->entries / 3);
  g_assert_cmpuint (llm_review_log_get_n_skipped (log), ==, survey->fragments + (survey->partial ? 1 : 0));
}

/* SIGKILL rarely cuts a write() of one short line short, so every third
 * run also cuts the last entry itself, as a power failure could; then the
 * next append must still start a line of its own. */
static void
test_kill_while_logging (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("llm-crash-log-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "reviews.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint kills = 0, torn = 0, appends = 0, cuts = 0, partial = 0;
  LogSurvey survey = { 0 };

  g_assert_no_error (error);

  for (guint run = 0; run < N_KILLS; run++)
    {
      g_autoptr(LlmReviewLog) log = llm_review_log_new_for_file (file);

      appends += run_and_kill ("log", path, survey.entries, MAX_DELAY_USEC);
      kills++;
      survey_log (path, &survey);
      torn += survey.torn;
      partial += survey.partial;

      if (run % 3 == 2 && survey.entries > 0 && !survey.partial)
        {
          g_autofree char *last = log_line (survey.entries - 1);
          GStatBuf st;

          g_assert_cmpint (g_stat (path, &st), ==, 0);
          g_assert_cmpint (truncate (path, st.st_size - 1 - g_test_rand_int_range (1, strlen (last))), ==, 0);
          cuts++;
          survey_log (path, &survey);
          g_assert_true (survey.partial);
          torn += survey.torn;
        }

      /* The next append after a kill, the app's own. */
      g_assert_true (log_append (log, survey.entries, &error));
      g_assert_no_error (error);
      appends++;
      survey_log (path, &survey);
      g_assert_false (survey.partial);
      torn += survey.torn;
    }

  g_test_message ("review log: %u kills, %u appends finished, %u whole lines (%u undo records, "
                  "%u reviews left standing), %u torn lines, "
                  "%u kills mid-line, %u last lines cut on purpose, %u fragments skipped",
                  kills, appends, survey.entries, survey.entries / 3, log_reviews_kept (survey.entries),
                  torn, partial, cuts, survey.fragments);

  g_assert_cmpuint (kills, ==, N_KILLS);
  g_assert_cmpuint (torn, ==, 0);
  g_assert_cmpuint (survey.entries, >, N_KILLS);
  g_assert_cmpuint (survey.entries / 3, >, N_KILLS / 3);
  /* Each line cut short, on purpose or by a kill that did land mid-line,
   * is closed by the next append and skipped: no more, no fewer. */
  g_assert_cmpuint (survey.fragments, ==, cuts + partial);

  g_unlink (path);
  g_rmdir (dir);
}

/* Mock-interview reports. Report n ends at REPORT_EPOCH + n seconds, which
 * names its file, and holds an answer made from n. */

static GDateTime *
report_time (guint n)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (2026, 7, 25, 9, 0, 0);

  return g_date_time_add_seconds (epoch, n);
}

static char *
make_report (guint n)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (llm_interview_result_free);
  g_autoptr(GDateTime) when = report_time (n);
  const char * const points[] = { "queries", "keys", "values", NULL };

  for (guint i = 0; i < 3; i++)
    {
      LlmInterviewResult *result = g_new0 (LlmInterviewResult, 1);
      g_autofree char *title = g_strdup_printf ("Question %u of report %u", i + 1, n);
      GString *answer = g_string_new (NULL);

      for (guint line = 0; line < 100; line++)
        g_string_append_printf (answer, "Report %u, answer %u, line %u: attention weighs the values.\n",
                                n, i, line);
      result->question = llm_question_new ("q", i + 1, title, "Crash test", "answer", points);
      result->answer = g_string_free (answer, FALSE);
      result->points = g_strdupv ((GStrv)points);
      result->covered = g_new0 (gboolean, 3);
      result->covered[(n + i) % 3] = TRUE;
      result->n_covered = 1;
      result->seconds = n % 600;
      result->grade = LLM_GRADE_AGAIN + (n + i) % 4;
      g_ptr_array_add (results, result);
    }

  return llm_interview_report_format (results, when);
}

static int
run_report_child (const char *dir,
                  guint       start)
{
  if (write (STDOUT_FILENO, "R", 1) != 1)
    return 3;

  for (guint n = start;; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) when = report_time (n);
      g_autofree char *report = make_report (n);
      g_autofree char *path = llm_interview_report_write (dir, when, report, &error);

      if (path == NULL)
        {
          g_printerr ("child: %s\n", error->message);
          return 2;
        }
      if (write (STDOUT_FILENO, "w", 1) != 1)
        return 3;
    }

  return 0;
}

/* Every report is whole, n = 0 … count - 1 with none missing; the rest
 * are GLib's temporary files. Returns the number of reports. */
static guint
survey_reports (const char *path,
                guint      *torn,
                guint      *leftovers)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n_reports = 0;

  *leftovers = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_pattern_match_simple ("*.md.??????", name))
        (*leftovers)++;
      else
        {
          g_assert_true (g_str_has_suffix (name, ".md"));
          n_reports++;
        }
    }

  for (guint n = 0; n < n_reports; n++)
    {
      g_autoptr(GDateTime) when = report_time (n);
      g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d-%H%M%S.md");
      g_autofree char *file = g_build_filename (path, stamp, NULL);
      g_autofree char *expected = make_report (n);
      g_autofree char *contents = NULL;

      if (!g_file_get_contents (file, &contents, NULL, NULL) || !g_str_equal (contents, expected))
        {
          g_test_message ("torn or missing report %s", stamp);
          (*torn)++;
        }
    }

  return n_reports;
}

static void
test_kill_while_reporting (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("llm-crash-reports-XXXXXX", &error);
  guint kills = 0, torn = 0, writes = 0, n_reports = 0, leftovers = 0;

  g_assert_no_error (error);

  for (guint run = 0; run < N_KILLS; run++)
    {
      writes += run_and_kill ("report", path, n_reports, MAX_DELAY_USEC);
      kills++;
      n_reports = survey_reports (path, &torn, &leftovers);
    }

  g_test_message ("interview reports: %u kills, %u reports finished, %u on disk, %u torn, "
                  "%u temporary files left by killed writes",
                  kills, writes, n_reports, torn, leftovers);

  g_assert_cmpuint (kills, ==, N_KILLS);
  g_assert_cmpuint (torn, ==, 0);
  g_assert_cmpuint (n_reports, >=, writes);
  g_assert_cmpuint (writes, >, 0);

  remove_folder (path);
}

/* Exports. Two versions of a collection and of its notes, A and B; the
 * child exports them in turn, forever. */

static const char collection_a[] =
  "---\ntitle: Crash test\n---\n"
  "## Attention\n"
  "### 1. What is attention?\n\nA weighted sum of $v_i$ by $\\mathrm{softmax}(QK^T)$.\n"
  "### 2. Why scale by $\\sqrt{d_k}$?\n\nTo keep the ==softmax== out of saturation.\n"
  "## Decoding\n"
  "### 3. What is a KV cache?\n\nKeys and values kept across steps.\n";

static const char collection_b[] =
  "---\ntitle: Crash test, second edition\n---\n"
  "## Attention\n"
  "### 1. What is attention?\n\nA weighted sum of values, weighted by similarity.\n"
  "### 2. What is multi-head attention?\n\nSeveral attentions side by side.\n"
  "## Decoding\n"
  "### 3. What is a KV cache?\n\nKeys and values kept across steps, **per layer**.\n"
  "### 4. What is speculative decoding?\n\nA small model drafts, the large one checks.\n";

static LlmCollection *
load_version (char version)
{
  g_autoptr(GError) error = NULL;
  LlmCollection *collection = llm_collection_load_data (version == 'A' ? collection_a : collection_b, -1,
                                                        "crash", NULL, &error);

  g_assert_no_error (error);
  return collection;
}

/* Notes for every question of @collection, long enough that a write
 * takes a while, different in each version. */
static void
write_notes (const char    *path,
             LlmCollection *collection,
             char           version)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(LlmNoteStore) store = llm_note_store_new (dir);

  for (guint i = 0; i < llm_collection_get_n_questions (collection); i++)
    {
      LlmQuestion *question = llm_collection_get_question (collection, i);
      g_autoptr(GError) error = NULL;
      GString *body = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint line = 0; line < 400; line++)
        g_string_append_printf (body, "%c%c%c note %u line %03u: the quick brown fox jumps over the lazy dog\n",
                                version, version, version, i, line);
      text = g_string_free (body, FALSE);
      g_assert_true (llm_note_store_save (store, llm_question_get_id (question), llm_question_get_title (question),
                                          llm_question_get_topic (question), text, &error));
      g_assert_no_error (error);
    }
}

/* PATH holds notes-A/, notes-B/ and the export's target. */
static int
run_export_child (const char *path,
                  gboolean    html,
                  guint       start)
{
  g_autoptr(LlmCollection) a = load_version ('A');
  g_autoptr(LlmCollection) b = load_version ('B');
  g_autofree char *notes_a_path = g_build_filename (path, "notes-A", NULL);
  g_autofree char *notes_b_path = g_build_filename (path, "notes-B", NULL);
  g_autoptr(GFile) notes_a = g_file_new_for_path (notes_a_path);
  g_autoptr(GFile) notes_b = g_file_new_for_path (notes_b_path);
  g_autoptr(LlmNoteStore) store_a = llm_note_store_new (notes_a);
  g_autoptr(LlmNoteStore) store_b = llm_note_store_new (notes_b);
  LlmCollection *collections[2] = { a, b };
  LlmNoteStore *stores[2] = { store_a, store_b };
  g_autofree char *target_path = g_build_filename (path, html ? "site" : "notes.md", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);

  if (write (STDOUT_FILENO, "R", 1) != 1)
    return 3;

  for (guint round = start;; round++)
    {
      g_autoptr(GError) error = NULL;
      guint v = round % 2;
      gboolean ok;

      if (html)
        ok = llm_html_export (collections[v], stores[v], target, NULL, NULL, &error);
      else
        ok = llm_note_export_to_file (stores[v], collections[v], target, &error);
      if (!ok)
        {
          g_printerr ("child: %s\n", error->message);
          return 2;
        }
      if (write (STDOUT_FILENO, "e", 1) != 1)
        return 3;
    }

  return 0;
}

static char *
make_export_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlmCollection) a = load_version ('A');
  g_autoptr(LlmCollection) b = load_version ('B');
  char *path = g_dir_make_tmp ("llm-crash-export-XXXXXX", &error);
  g_autofree char *notes_a = g_build_filename (path, "notes-A", NULL);
  g_autofree char *notes_b = g_build_filename (path, "notes-B", NULL);

  g_assert_no_error (error);
  write_notes (notes_a, a, 'A');
  write_notes (notes_b, b, 'B');
  return path;
}

static void
test_kill_while_exporting_notes (void)
{
  g_autofree char *path = make_export_folder ();
  g_autofree char *target = g_build_filename (path, "notes.md", NULL);
  char *expected[2];
  guint kills = 0, torn = 0, exports = 0, seen[2] = { 0, 0 }, leftovers = 0;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LlmCollection) collection = load_version ('A' + i);
      g_autofree char *notes_path = g_build_filename (path, i == 0 ? "notes-A" : "notes-B", NULL);
      g_autoptr(GFile) notes_dir = g_file_new_for_path (notes_path);
      g_autoptr(LlmNoteStore) store = llm_note_store_new (notes_dir);

      expected[i] = llm_note_export_markdown (store, collection);
    }

  for (guint run = 0; run < N_KILLS; run++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      exports += run_and_kill ("note-export", path, g_test_rand_int_range (0, 2), MAX_DELAY_USEC);
      kills++;

      if (g_file_get_contents (target, &contents, NULL, NULL))
        {
          if (g_str_equal (contents, expected[0]))
            seen[0]++;
          else if (g_str_equal (contents, expected[1]))
            seen[1]++;
          else
            {
              g_test_message ("torn notes export (%zu bytes)", strlen (contents));
              torn++;
            }
        }

      leftovers = 0;
      dir = g_dir_open (path, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (g_pattern_match_simple ("notes.md.??????", name))
            leftovers++;
          else
            g_assert_true (g_str_equal (name, "notes.md") || g_str_has_prefix (name, "notes-"));
        }
    }

  g_test_message ("notes export: %u kills, %u exports finished, %u torn files, "
                  "%u/%u whole A/B versions seen, %u temporary files left by killed writes",
                  kills, exports, torn, seen[0], seen[1], leftovers);

  g_assert_cmpuint (kills, ==, N_KILLS);
  g_assert_cmpuint (torn, ==, 0);
  g_assert_cmpuint (seen[0], >, 0);
  g_assert_cmpuint (seen[1], >, 0);

  g_free (expected[0]);
  g_free (expected[1]);
  llm_test_remove_tree (path);
}

/* Every file under @root, as paths relative to it. */
static void
list_files (const char *root,
            const char *relative,
            GPtrArray  *files)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = *relative ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *child_path = g_build_filename (root, child, NULL);

      if (g_file_test (child_path, G_FILE_TEST_IS_DIR))
        list_files (root, child, files);
      else
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  gsize x_length, y_length;

  return g_file_get_contents (a, &x, &x_length, NULL) &&
         g_file_get_contents (b, &y, &y_length, NULL) &&
         x_length == y_length && memcmp (x, y, x_length) == 0;
}

/* What "not torn" means for a site of many files: every file in it is
 * whole, byte for byte one that a complete export of A or of B wrote
 * (or the stub index a first export starts with), or GLib's temporary
 * file of a killed write; and index.html links only to files that exist. */
static void
survey_site (const char *site,
             const char *reference[2],
             guint      *torn,
             guint      *leftovers,
             guint      *broken_links,
             guint       index_seen[3])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) links = g_regex_new ("(?:href|src)=\"([^\"#:]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *index_path = g_build_filename (site, "index.html", NULL);
  g_autofree char *index = NULL;

  list_files (site, "", files);
  for (guint i = 0; i < files->len; i++)
    {
      const char *relative = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (site, relative, NULL);
      g_autofree char *in_a = g_build_filename (reference[0], relative, NULL);
      g_autofree char *in_b = g_build_filename (reference[1], relative, NULL);
      g_autofree char *base = g_path_get_basename (relative);
      g_autofree char *contents = NULL;

      if (g_regex_match_simple ("\\.[A-Za-z0-9]{6}$", base, 0, 0) &&
          !g_str_has_suffix (base, ".woff2") && !g_str_has_suffix (base, ".ttf"))
        {
          (*leftovers)++;
          continue;
        }

      if (same_file (path, in_a) || same_file (path, in_b))
        continue;
      if (g_str_equal (relative, "index.html") &&
          g_file_get_contents (path, &contents, NULL, NULL) &&
          strstr (contents, "<a ") == NULL && strstr (contents, "</html>\n") != NULL)
        continue;  /* the stub */

      g_test_message ("torn or foreign file %s in the site", relative);
      (*torn)++;
    }

  if (!g_file_get_contents (index_path, &index, NULL, NULL))
    return;

  {
    g_autofree char *a_index = g_build_filename (reference[0], "index.html", NULL);
    g_autofree char *b_index = g_build_filename (reference[1], "index.html", NULL);

    index_seen[same_file (index_path, a_index) ? 0 : same_file (index_path, b_index) ? 1 : 2]++;
  }

  g_regex_match (links, index, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *href = g_match_info_fetch (match, 1);
      g_autofree char *unescaped = g_uri_unescape_string (href, NULL);
      g_autofree char *path = g_build_filename (site, unescaped, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_test_message ("index.html links to %s, which is missing", href);
          (*broken_links)++;
        }
    }
}

static void
test_kill_while_exporting_html (void)
{
  g_autofree char *path = make_export_folder ();
  g_autofree char *site = g_build_filename (path, "site", NULL);
  g_autofree char *reference_a = g_build_filename (path, "reference-A", NULL);
  g_autofree char *reference_b = g_build_filename (path, "reference-B", NULL);
  const char *reference[2] = { reference_a, reference_b };
  g_autoptr(GPtrArray) final_files = g_ptr_array_new_with_free_func (g_free);
  guint kills = 0, torn = 0, exports = 0, leftovers = 0, broken = 0, fresh = 0;
  guint index_seen[3] = { 0, 0, 0 };
  guint slack = 0;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LlmCollection) collection = load_version ('A' + i);
      g_autofree char *notes_path = g_build_filename (path, i == 0 ? "notes-A" : "notes-B", NULL);
      g_autoptr(GFile) notes_dir = g_file_new_for_path (notes_path);
      g_autoptr(LlmNoteStore) store = llm_note_store_new (notes_dir);
      g_autoptr(GFile) dir = g_file_new_for_path (reference[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (llm_html_export (collection, store, dir, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  for (guint run = 0; run < N_KILLS; run++)
    {
      guint run_leftovers = 0;

      /* Now and then from nothing, as a first export. */
      if (run % 20 == 0)
        {
          llm_test_remove_tree (site);
          fresh++;
        }

      guint done = run_and_kill ("html-export", path, g_test_rand_int_range (0, 2), MAX_EXPORT_DELAY_USEC + slack);

      /* A loaded machine (or ASan) can make every export outlast the
       * window: after a run that finished none, the next lives longer, so
       * that both versions are still seen whole now and then. */
      slack = done > 0 ? 0 : MIN (slack * 2 + MAX_EXPORT_DELAY_USEC, 8 * MAX_EXPORT_DELAY_USEC);
      exports += done;
      kills++;
      survey_site (site, reference, &torn, &run_leftovers, &broken, index_seen);
      leftovers += run_leftovers;
    }

  /* An export run to its end into what the kills left is the reference,
   * file for file: temporary files and stale pages swept. */
  {
    g_autoptr(LlmCollection) collection = load_version ('B');
    g_autofree char *notes_path = g_build_filename (path, "notes-B", NULL);
    g_autoptr(GFile) notes_dir = g_file_new_for_path (notes_path);
    g_autoptr(LlmNoteStore) store = llm_note_store_new (notes_dir);
    g_autoptr(GFile) dir = g_file_new_for_path (site);
    g_autoptr(GPtrArray) reference_files = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) error = NULL;

    g_assert_true (llm_html_export (collection, store, dir, NULL, NULL, &error));
    g_assert_no_error (error);
    list_files (site, "", final_files);
    list_files (reference[1], "", reference_files);
    g_assert_cmpuint (final_files->len, ==, reference_files->len);
    for (guint i = 0; i < final_files->len; i++)
      {
        g_autofree char *a = g_build_filename (site, g_ptr_array_index (final_files, i), NULL);
        g_autofree char *b = g_build_filename (reference[1], g_ptr_array_index (final_files, i), NULL);

        g_assert_true (same_file (a, b));
      }
  }

  g_test_message ("HTML export: %u kills (%u into an empty folder), %u exports finished, "
                  "%u torn files, %u links from index.html to missing files, "
                  "index.html seen as A/B/stub %u/%u/%u, %u temporary files left by killed writes",
                  kills, fresh, exports, torn, broken, index_seen[0], index_seen[1], index_seen[2], leftovers);

  g_assert_cmpuint (kills, ==, N_KILLS);
  g_assert_cmpuint (torn, ==, 0);
  g_assert_cmpuint (broken, ==, 0);
  g_assert_cmpuint (index_seen[0], >, 0);
  g_assert_cmpuint (index_seen[1], >, 0);

  llm_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--child"))
    {
      const char *kind = argv[2];
      guint start = (guint)atoi (argv[4]);

      if (g_str_equal (kind, "notes"))
        return run_child (argv[3], start);
      if (g_str_equal (kind, "log"))
        return run_log_child (argv[3], start);
      if (g_str_equal (kind, "report"))
        return run_report_child (argv[3], start);
      if (g_str_equal (kind, "note-export"))
        return run_export_child (argv[3], FALSE, start);
      if (g_str_equal (kind, "html-export"))
        return run_export_child (argv[3], TRUE, start);
      return 4;
    }

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/crash/kill-while-saving", test_kill_while_saving);
  g_test_add_func ("/llm/crash/kill-while-logging", test_kill_while_logging);
  g_test_add_func ("/llm/crash/kill-while-reporting", test_kill_while_reporting);
  g_test_add_func ("/llm/crash/kill-while-exporting-notes", test_kill_while_exporting_notes);
  g_test_add_func ("/llm/crash/kill-while-exporting-html", test_kill_while_exporting_html);

  return g_test_run ();
}
