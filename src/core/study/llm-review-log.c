/* llm-review-log.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review log is the only record of practice: one line per review,
 *
 *   2026-01-28T10:00:00Z <TAB> question-id <TAB> good <TAB> 5400
 *
 * appended and never rewritten, so it can be synced, merged by
 * concatenation and read with grep. Every card's schedule is derived from
 * it by replaying the reviews in a fixed order, never stored.
 *
 * An undone review is not erased (that would be a rewrite, and a synced
 * copy would bring it back): the same line again with a fifth field,
 *
 *   2026-01-28T10:00:00Z <TAB> question-id <TAB> good <TAB> 5400 <TAB> undone
 *
 * cancels it. Reviews and undo records are both sets, so the result does
 * not depend on which copy of a log comes first in a concatenation, and an
 * undo record with no review beside it cancels nothing. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "llm-file-read.h"
#include "llm-review-log-private.h"

struct _LlmReviewLog
{
  GObject parent_instance;

  GFile *file;
  /* LlmReviewEntry sorted by compare_entries(), no two equal: the order the
   * schedule is replayed in, whatever order the lines had in the file. */
  GArray *entries;
  /* Undo records, sorted the same way, no two equal; no entry above
   * equals one of them. */
  GArray *undone;
  /* Owns the entries' ids, one copy of each. */
  GStringChunk *ids;
  guint n_skipped;
  char *warning;
};

G_DEFINE_FINAL_TYPE (LlmReviewLog, llm_review_log, G_TYPE_OBJECT)

static void
llm_review_log_finalize (GObject *object)
{
  LlmReviewLog *self = (LlmReviewLog *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->undone, g_array_unref);
  g_clear_pointer (&self->ids, g_string_chunk_free);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (llm_review_log_parent_class)->finalize (object);
}

static void
llm_review_log_class_init (LlmReviewLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = llm_review_log_finalize;
}

static void
llm_review_log_init (LlmReviewLog *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (LlmReviewEntry));
  self->undone = g_array_new (FALSE, FALSE, sizeof (LlmReviewEntry));
  self->ids = g_string_chunk_new (4096);
}

/* (timestamp, id, grade), then the time taken so that the order is total
 * and equal entries end up side by side. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const LlmReviewEntry *x = a;
  const LlmReviewEntry *y = b;
  int cmp;

  if (x->when != y->when)
    return x->when < y->when ? -1 : 1;
  if ((cmp = strcmp (x->id, y->id)) != 0)
    return cmp;
  if (x->grade != y->grade)
    return x->grade < y->grade ? -1 : 1;
  if (x->ms != y->ms)
    return x->ms < y->ms ? -1 : 1;

  return 0;
}

/* Ids go between tabs on one line: no control characters, which also keeps
 * tabs and line breaks out. */
static gboolean
id_is_valid (const char *id,
             gsize       length)
{
  const char *end = NULL;

  if (length == 0 || !g_utf8_validate (id, length, &end))
    return FALSE;

  for (const char *p = id; p < id + length; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
parse_time (const char *text,
            gint64     *when)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  /* The log writes UTC with a 'Z'; an offset is honoured, and a time
   * without one is taken as UTC rather than as the reader's local time. */
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return FALSE;

  *when = g_date_time_to_unix (dt);
  return TRUE;
}

static gboolean
parse_uint (const char *text,
            guint      *value)
{
  guint64 v;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &v, NULL))
    return FALSE;

  *value = (guint)v;
  return TRUE;
}

/* Parses one line without its line break: a review, or with a fifth
 * field "undone" (@is_undo set) the undo record of one. Any other fifth
 * field, "torn" among them, makes the line unreadable. */
static gboolean
parse_line (LlmReviewLog   *self,
            const char     *line,
            gsize           length,
            LlmReviewEntry *entry,
            gboolean       *is_undo)
{
  g_autofree char *copy = g_strndup (line, length);
  g_auto(GStrv) fields = NULL;
  guint n_fields;

  if (strlen (copy) != length)
    return FALSE;

  fields = g_strsplit (copy, "\t", 0);
  n_fields = g_strv_length (fields);
  if (n_fields == 5 && g_str_equal (fields[4], LLM_REVIEW_LOG_UNDO_MARK))
    *is_undo = TRUE;
  else if (n_fields == 4)
    *is_undo = FALSE;
  else
    return FALSE;

  if (!parse_time (fields[0], &entry->when) ||
      !id_is_valid (fields[1], strlen (fields[1])) ||
      !llm_grade_from_string (fields[2], &entry->grade) ||
      !parse_uint (fields[3], &entry->ms))
    return FALSE;

  entry->id = g_string_chunk_insert_const (self->ids, fields[1]);
  return TRUE;
}

static void
set_skipped (LlmReviewLog *self,
             guint         n_skipped)
{
  self->n_skipped = n_skipped;
  g_clear_pointer (&self->warning, g_free);

  if (n_skipped > 0)
    self->warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u line of the review log could not be read and was skipped",
                                                  "%u lines of the review log could not be read and were skipped",
                                                  n_skipped),
                                     n_skipped);
}

/* Sorts and drops repeats: a log merged with a copy of itself, or with a
 * device's copy that shares its first months, counts each review once. */
static void
sort_and_dedupe (GArray *entries)
{
  guint kept = 0;

  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      LlmReviewEntry *e = &g_array_index (entries, LlmReviewEntry, i);

      if (kept > 0 && compare_entries (&g_array_index (entries, LlmReviewEntry, kept - 1), e) == 0)
        continue;

      g_array_index (entries, LlmReviewEntry, kept++) = *e;
    }

  g_array_set_size (entries, kept);
}

/* Where @entry is in the sorted @array, or where it would go. */
static gboolean
find_entry (GArray               *array,
            const LlmReviewEntry *entry,
            guint                *position)
{
  guint lo = 0, hi = array->len;

  /* Usually the newest review, so the search ends at once. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = compare_entries (&g_array_index (array, LlmReviewEntry, mid), entry);

      if (cmp == 0)
        {
          *position = mid;
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  *position = lo;
  return FALSE;
}

/* Drops the reviews an undo record cancels. */
static void
apply_undone (LlmReviewLog *self)
{
  guint kept = 0;

  if (self->undone->len == 0)
    return;

  for (guint i = 0; i < self->entries->len; i++)
    {
      LlmReviewEntry *e = &g_array_index (self->entries, LlmReviewEntry, i);
      guint position;

      if (!find_entry (self->undone, e, &position))
        g_array_index (self->entries, LlmReviewEntry, kept++) = *e;
    }

  g_array_set_size (self->entries, kept);
}

/**
 * llm_review_log_new:
 *
 * Returns: (transfer full): an empty log that lives only in memory;
 *   llm_review_log_append() fails on it
 */
LlmReviewLog *
llm_review_log_new (void)
{
  return g_object_new (LLM_TYPE_REVIEW_LOG, NULL);
}

/**
 * llm_review_log_new_for_file:
 * @file: the log file; it need not exist yet
 *
 * Returns: (transfer full): an empty log; call llm_review_log_load()
 */
LlmReviewLog *
llm_review_log_new_for_file (GFile *file)
{
  LlmReviewLog *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = llm_review_log_new ();
  self->file = g_object_ref (file);

  return self;
}

/**
 * llm_review_log_get_file:
 *
 * Returns: (transfer none) (nullable): the log's file
 */
GFile *
llm_review_log_get_file (LlmReviewLog *self)
{
  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), NULL);

  return self->file;
}

/**
 * llm_review_log_load_data:
 * @data: the log's text
 * @length: its length, or -1 if nul-terminated
 *
 * Replaces the entries with those of @data. Lines that can't be read are
 * skipped and counted, and so is a last line without its line break: a
 * write cut short, which may hold anything.
 */
void
llm_review_log_load_data (LlmReviewLog *self,
                          const char   *data,
                          gssize        length)
{
  const char *p, *end;
  guint n_skipped = 0;

  g_return_if_fail (LLM_IS_REVIEW_LOG (self));
  g_return_if_fail (data != NULL || length == 0);

  if (length < 0)
    length = strlen (data);

  g_array_set_size (self->entries, 0);
  g_array_set_size (self->undone, 0);
  g_string_chunk_clear (self->ids);

  p = data;
  end = data + length;

  /* A byte-order mark, as some editors on other systems add. */
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize line_length;
      LlmReviewEntry entry;
      gboolean is_undo = FALSE;

      if (nl == NULL)
        {
          /* Torn: never parsed, even if it happens to look whole. */
          n_skipped++;
          break;
        }

      line_length = nl - p;
      /* Tolerate CRLF from editors and sync tools on other systems. */
      if (line_length > 0 && p[line_length - 1] == '\r')
        line_length--;

      if (line_length == 0 || p[0] == '#')
        ; /* blank lines and comments, the header among them */
      else if (parse_line (self, p, line_length, &entry, &is_undo))
        g_array_append_val (is_undo ? self->undone : self->entries, entry);
      else
        n_skipped++;

      p = nl + 1;
    }

  sort_and_dedupe (self->entries);
  sort_and_dedupe (self->undone);
  apply_undone (self);
  set_skipped (self, n_skipped);
}

/**
 * llm_review_log_load:
 *
 * Reads the log's file. A file that doesn't exist yet is an empty log.
 *
 * Returns: %FALSE if the file exists but could not be read
 */
gboolean
llm_review_log_load (LlmReviewLog  *self,
                     GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!llm_file_read (self->file, NULL, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          llm_review_log_load_data (self, "", 0);
          return TRUE;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  llm_review_log_load_data (self, contents, length);
  return TRUE;
}

/**
 * llm_review_entry_to_line:
 *
 * Returns: (transfer full) (nullable): @entry as a line of the log,
 *   without its line break, or %NULL if its time can't be written
 */
char *
llm_review_entry_to_line (const LlmReviewEntry *entry)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (entry->id != NULL, NULL);

  /* Years past 9999 have no ISO 8601 form. */
  dt = g_date_time_new_from_unix_utc (entry->when);
  if (dt == NULL)
    return NULL;
  /* Not "%Y": it does not pad years before 1000 to four digits, and the
   * parser (rightly) wants four. */
  stamp = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                           g_date_time_get_year (dt), g_date_time_get_month (dt),
                           g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                           g_date_time_get_minute (dt), g_date_time_get_second (dt));

  return g_strdup_printf ("%s\t%s\t%s\t%u", stamp, entry->id,
                          llm_grade_to_string (entry->grade), entry->ms);
}

static gboolean
check_entry (const LlmReviewEntry  *entry,
             GError               **error)
{
  if (!id_is_valid (entry->id, strlen (entry->id)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid question id “%s”", entry->id);
      return FALSE;
    }

  if (llm_grade_to_string (entry->grade) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid grade %d", (int)entry->grade);
      return FALSE;
    }

  return TRUE;
}

/* Writes @entry's line, with @suffix after it, to the log's file. */
static gboolean
write_entry (LlmReviewLog          *self,
             const LlmReviewEntry  *entry,
             const char            *suffix,
             GError               **error)
{
  g_autofree char *path = NULL;
  g_autofree char *line = NULL;
  g_autofree char *full = NULL;

  line = llm_review_entry_to_line (entry);
  if (line == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid time %" G_GINT64_FORMAT, entry->when);
      return FALSE;
    }

  if (self->file == NULL || (path = g_file_get_path (self->file)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "The review log must be a local file");
      return FALSE;
    }

  full = g_strconcat (line, suffix, NULL);
  return _llm_review_log_append_line (path, full, error);
}

/**
 * llm_review_log_append:
 * @when: when the review happened, unix seconds
 * @id: the question's id
 * @ms: how long answering took
 *
 * Adds a review to the file, durably, creating the file if needed, and
 * then to the entries. On failure the entries are left as they were. A
 * review equal to one already undone would be cancelled at once: give it
 * another @ms (see llm_review_log_is_undone()).
 *
 * Returns: whether the review was written
 */
gboolean
llm_review_log_append (LlmReviewLog  *self,
                       gint64         when,
                       const char    *id,
                       LlmGrade       grade,
                       guint          ms,
                       GError       **error)
{
  LlmReviewEntry entry;
  guint position;

  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry.when = when;
  entry.id = id;
  entry.grade = grade;
  entry.ms = ms;

  if (!check_entry (&entry, error) || !write_entry (self, &entry, "", error))
    return FALSE;

  if (find_entry (self->entries, &entry, &position) || find_entry (self->undone, &entry, &(guint){ 0 }))
    return TRUE;

  entry.id = g_string_chunk_insert_const (self->ids, id);
  g_array_insert_val (self->entries, position, entry);

  return TRUE;
}

/**
 * llm_review_log_append_undo:
 * @entry: the review to cancel, as it was appended
 *
 * Cancels a review by appending its undo record (the review's line with a
 * fifth field, `undone`), durably, then drops it from the entries. The
 * review's own line stays in the file: the log is only ever appended to.
 *
 * Returns: whether the record was written
 */
gboolean
llm_review_log_append_undo (LlmReviewLog          *self,
                            const LlmReviewEntry  *entry,
                            GError               **error)
{
  LlmReviewEntry copy;
  guint position;

  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_entry (entry, error) || !write_entry (self, entry, "\t" LLM_REVIEW_LOG_UNDO_MARK, error))
    return FALSE;

  copy = *entry;
  copy.id = g_string_chunk_insert_const (self->ids, entry->id);

  if (!find_entry (self->undone, &copy, &position))
    g_array_insert_val (self->undone, position, copy);
  if (find_entry (self->entries, &copy, &position))
    g_array_remove_index (self->entries, position);

  return TRUE;
}

/**
 * llm_review_log_is_undone:
 *
 * Returns: whether an undo record cancels @entry
 */
gboolean
llm_review_log_is_undone (LlmReviewLog         *self,
                          const LlmReviewEntry *entry)
{
  guint position;

  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->id != NULL, FALSE);

  return find_entry (self->undone, entry, &position);
}

/**
 * llm_review_log_get_n_undone:
 *
 * Returns: how many distinct undo records the log holds
 */
guint
llm_review_log_get_n_undone (LlmReviewLog *self)
{
  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), 0);

  return self->undone->len;
}

/**
 * llm_review_log_get_n_entries:
 *
 * Returns: the number of distinct reviews
 */
guint
llm_review_log_get_n_entries (LlmReviewLog *self)
{
  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), 0);

  return self->entries->len;
}

/**
 * llm_review_log_get_entry:
 *
 * The reviews in the order the schedule replays them: by time, then id,
 * grade and time taken; repeated lines appear once.
 *
 * Returns: (transfer none) (nullable): the review at @position
 */
const LlmReviewEntry *
llm_review_log_get_entry (LlmReviewLog *self,
                          guint         position)
{
  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), NULL);

  if (position >= self->entries->len)
    return NULL;

  return &g_array_index (self->entries, LlmReviewEntry, position);
}

/**
 * llm_review_log_get_n_skipped:
 *
 * Returns: how many lines the last load could not read, a torn last line
 *   included
 */
guint
llm_review_log_get_n_skipped (LlmReviewLog *self)
{
  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), 0);

  return self->n_skipped;
}

/**
 * llm_review_log_get_warning:
 *
 * Returns: (nullable): a sentence for the window saying lines were
 *   skipped, or %NULL if none were
 */
const char *
llm_review_log_get_warning (LlmReviewLog *self)
{
  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), NULL);

  return self->warning;
}

/**
 * llm_review_log_compute_cards:
 * @params: the scheduler's parameters; when fuzz is on, each question's
 *   seed is llm_scheduler_fuzz_seed_for_id() of @params' seed
 *
 * Replays every review to give each reviewed question its card. Questions
 * never reviewed are absent: they are new.
 *
 * Returns: (transfer full) (element-type utf8 LlmCard): question id →
 *   #LlmCard
 */
GHashTable *
llm_review_log_compute_cards (LlmReviewLog             *self,
                              const LlmSchedulerParams *params)
{
  GHashTable *cards;
  LlmSchedulerParams p;

  g_return_val_if_fail (LLM_IS_REVIEW_LOG (self), NULL);
  g_return_val_if_fail (params != NULL, NULL);

  cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p = *params;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const LlmReviewEntry *e = &g_array_index (self->entries, LlmReviewEntry, i);
      LlmCard *card = g_hash_table_lookup (cards, e->id);

      if (card == NULL)
        {
          card = g_new (LlmCard, 1);
          llm_card_init (card);
          g_hash_table_insert (cards, g_strdup (e->id), card);
        }

      p.fuzz_seed = llm_scheduler_fuzz_seed_for_id (params->fuzz_seed, e->id);
      *card = llm_scheduler_review (&p, card, e->grade, e->when);
    }

  return cards;
}
