/* fuzz-review-log.c
 *
 * SPDX-FileCopyrightText: 2026 The LLM Notes authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review-log parser, then what is built on it: every entry written back
 * as a line must read back as the same entry, and replaying the reviews
 * through the scheduler must survive any time and grade the file holds. */

#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "llm-review-log.h"
#include "llm-scheduler.h"

/* Entries whose time has no ISO 8601 form (an offset can push a year 9999
 * time past it) cannot be written back and are left out. */
static void
check_roundtrip (LlmReviewLog *log)
{
  g_autoptr(LlmReviewLog) again = llm_review_log_new ();
  g_autoptr(GString) text = g_string_new (LLM_REVIEW_LOG_HEADER "\n");
  g_autoptr(GPtrArray) written = g_ptr_array_new ();

  for (guint i = 0; i < llm_review_log_get_n_entries (log); i++)
    {
      const LlmReviewEntry *entry = llm_review_log_get_entry (log, i);
      g_autofree char *line = llm_review_entry_to_line (entry);

      if (line == NULL)
        continue;
      g_string_append_printf (text, "%s\n", line);
      g_ptr_array_add (written, (gpointer)entry);
    }

  llm_review_log_load_data (again, text->str, text->len);
  if (llm_review_log_get_n_skipped (again) != 0 ||
      llm_review_log_get_n_entries (again) != written->len)
    g_error ("%u lines read back as %u entries, %u skipped:\n%s", written->len,
             llm_review_log_get_n_entries (again),
             llm_review_log_get_n_skipped (again), text->str);

  for (guint i = 0; i < written->len; i++)
    {
      const LlmReviewEntry *a = g_ptr_array_index (written, i);
      const LlmReviewEntry *b = llm_review_log_get_entry (again, i);

      if (a->when != b->when || strcmp (a->id, b->id) != 0 ||
          a->grade != b->grade || a->ms != b->ms)
        g_error ("Entry %u changed when written and read back:\n%s", i, text->str);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LlmReviewLog) log = llm_review_log_new ();
  g_autoptr(GHashTable) cards = NULL;
  g_autofree char *text = g_strndup ((const char *)data, size);
  LlmSchedulerParams params;
  guint skipped;

  /* data is not nul-terminated: the length must be honoured. */
  llm_review_log_load_data (log, (const char *)data, size);
  skipped = llm_review_log_get_n_skipped (log);
  if ((skipped > 0) != (llm_review_log_get_warning (log) != NULL))
    g_error ("%u lines skipped, but the warning says otherwise", skipped);

  check_roundtrip (log);

  llm_scheduler_params_init_default (&params);
  params.enable_fuzz = size > 0 && data[0] % 2 == 1;
  cards = llm_review_log_compute_cards (log, &params);
  g_hash_table_remove_all (cards);

  /* The same text, nul-terminated, read with length -1. */
  llm_review_log_load_data (log, text, -1);

  return 0;
}
